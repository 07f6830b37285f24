"""``alignck check --review FILE``: an officer's verdict replaces alignck's, shows as reviewed
in every format, keeps the machine's verdict in JSON, and a bad file is FILE:LINE:COL."""

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app

runner = CliRunner()
REVIEW = (
    "reviews:\n"
    "  - document: plan\n"
    "    priority: early-years\n"
    "    verdict: aligned\n"
    "    reason: The plan funds family hubs in an annex.\n"
    "    reviewer: A. Officer\n"
    "    date: 2026-11-30\n"
)


def invoke(*args: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def reviewed(tmp_path: Path, small_framework: Path, make_document) -> list[object]:  # type: ignore[no-untyped-def]
    """check arguments for plan.md, whose early-years verdict alignck finds a gap."""
    plan = make_document("plan.md")
    review = tmp_path / "reviews.yaml"
    review.write_text(REVIEW, encoding="utf-8")
    return ["check", plan, "-f", small_framework, "--review", review]


def test_the_review_replaces_the_verdict_and_json_keeps_the_machines(
    reviewed: list[object],
) -> None:
    plain = json.loads(invoke(*reviewed[:4], "--format", "json").stdout)
    machine = {a["priority_id"]: a["status"] for a in plain["documents"][0]["alignment"]}
    assert machine["early-years"] == "gap"
    result = invoke(*reviewed, "--format", "json", "--fail-on", "gap")
    data = json.loads(result.stdout)
    verdict = {a["priority_id"]: a for a in data["documents"][0]["alignment"]}["early-years"]
    assert verdict["status"] == "aligned"
    assert verdict["review"]["machine_status"] == "gap"
    assert verdict["review"]["reviewer"] == "A. Officer"
    assert (
        data["summary"]["system_coverage"]["percent"]
        > plain["summary"]["system_coverage"]["percent"]
    )
    assert "early-years" not in data["gaps"]["by_document"][str(reviewed[1])]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_report_shows_the_review(reviewed: list[object], fmt: str) -> None:
    out = invoke(*reviewed, "--format", fmt).stdout
    assert "Reviewed" in out and "A. Officer" in out and "alignck said" in out
    if fmt != "terminal":  # the terminal folds the reason into its column
        assert "The plan funds family hubs in an annex." in out
    if fmt != "html":  # the evidence table marks the verdict too
        assert "reviewed" in out.replace("Reviewed", "")


def test_csv_has_the_machines_verdict_beside_the_review(reviewed: list[object]) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(*reviewed, "--format", "csv").stdout)))
    row = next(r for r in rows if r["priority_id"] == "early-years")
    assert (row["status"], row["machine_status"]) == ("aligned", "gap")
    assert row["review"].startswith("A. Officer, 2026-11-30: ")


def test_ci_formats_say_a_verdict_was_reviewed(reviewed: list[object], tmp_path: Path) -> None:
    review = Path(str(reviewed[-1]))
    review.write_text(REVIEW.replace("verdict: aligned", "verdict: partial"), encoding="utf-8")
    for fmt in ("github", "sarif", "junit"):
        out = invoke(*reviewed, "--format", fmt).stdout
        assert "Reviewed by A. Officer on 2026-11-30 (alignck said gap)" in out, fmt
        # The score beside a reviewer's verdict is said to be alignck's own.
        assert "(alignck's score 0." in out.replace("&apos;", "'").replace("&#39;", "'"), fmt


def test_a_review_matching_nothing_is_a_warning(reviewed: list[object]) -> None:
    review = Path(str(reviewed[-1]))
    review.write_text(REVIEW.replace("document: plan", "document: gone"), encoding="utf-8")
    result = invoke(*reviewed)
    assert f"{review}:2:5: warning: review of 'early-years' in 'gone' matches" in result.stderr


def test_a_later_review_that_disagrees_is_a_warning_naming_both(reviewed: list[object]) -> None:
    review = Path(str(reviewed[-1]))
    second = REVIEW.split("\n", 1)[1].replace("document: plan", "document: pl*")
    review.write_text(REVIEW + second.replace("verdict: aligned", "verdict: gap"), "utf-8")
    result = invoke(*reviewed, "--format", "json")
    verdict = {a["priority_id"]: a for a in json.loads(result.stdout)["documents"][0]["alignment"]}[
        "early-years"
    ]
    assert verdict["status"] == "aligned"
    assert f"{review}:8:5: warning: review of 'early-years' in '{reviewed[1]}' says gap, " in (
        result.stderr
    )
    assert f"review at {review}:2:5 says aligned and comes first" in result.stderr
    assert "matches no document" not in result.stderr


def test_a_bad_review_file_is_one_line_with_its_place_and_exit_2(
    reviewed: list[object],
) -> None:
    review = Path(str(reviewed[-1]))
    review.write_text(REVIEW.replace("verdict: aligned", "verdict: yes"), encoding="utf-8")
    before = review.read_bytes()
    result = invoke(*reviewed)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"{review}:4:14: reviews[0].verdict: must be aligned, partial or gap, not 'yes'"
    ]
    assert review.read_bytes() == before


def test_eval_reads_the_review_file_as_labels(reviewed: list[object]) -> None:
    _, plan, _, framework, _, review = reviewed
    review = Path(str(review))
    # Two reviews: one agrees with alignck (mental health aligned), one does not (early years).
    review.write_text(
        REVIEW
        + REVIEW.split("\n", 1)[1]
        .replace("early-years", "mental-health")
        .replace("annex", "appendix"),
        encoding="utf-8",
    )
    result = invoke("eval", plan, "-f", framework, "--review", review, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["pairs"], data["documents"]) == (2, 1)
    # Labelled 'yes' twice; alignck's own verdicts (not the reviewed ones) are measured:
    # it finds mental health and misses early years.
    assert (data["addressed"]["actual"], data["addressed"]["correct"]) == (2, 1)


def test_eval_with_reviews_about_no_document_given_is_one_line(
    reviewed: list[object], tmp_path: Path
) -> None:
    _, _, _, framework, _, review = reviewed
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "notes.md").write_text("# Notes\n\nNothing here.\n", encoding="utf-8")
    result = invoke("eval", other, "-f", framework, "--review", review)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"alignck: error: {review}: no review is about a document in {other}"
    )


def test_eval_with_reviews_and_a_mistyped_path_is_one_line(
    reviewed: list[object], tmp_path: Path
) -> None:
    _, plan, _, framework, _, review = reviewed
    typo = tmp_path / "typo"
    result = invoke("eval", plan, typo, "-f", framework, "--review", review)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"alignck: error: {typo}: no such file or folder"


def test_validate_checks_a_review_file_against_the_framework(reviewed: list[object]) -> None:
    _, _, _, framework, _, review = reviewed
    good = invoke("validate", framework, "--review", review)
    assert good.exit_code == 0
    assert f"{review}: ok (1 review against {framework}, 0 warnings)" in good.stdout
    Path(str(review)).write_text(REVIEW.replace("early-years", "early-yeers"), encoding="utf-8")
    bad = invoke("validate", framework, "--review", review)
    assert bad.exit_code == 2
    assert f"{review}:3:15: reviews[0].priority: no framework priority 'early-yeers'" in bad.stderr


def test_per_document_pages_show_reviews_and_waivers(
    reviewed: list[object], tmp_path: Path
) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - priority: warm-homes\n    reason: Housing is the district's.\n",
        encoding="utf-8",
    )
    pages = tmp_path / "pages"
    result = invoke(*reviewed, "--waivers", waivers, "--per-document", pages, "-q")
    assert result.exit_code == 0, result.output
    for name, row in (("plan.md", "| {} |"), ("plan.html", "<td>{}</td>")):
        page = (pages / name).read_text(encoding="utf-8")
        assert "aligned (reviewed)" in page
        assert "partial (waived)" in page
        assert row.format("The plan funds family hubs in an annex.") in page
        assert "Housing is the district" in page


def test_diff_takes_the_reviews_for_the_documents_it_checks_and_marks_the_old_ones(
    reviewed: list[object], tmp_path: Path
) -> None:
    # diff had no --review: a folder checked by it lost the partnership's reviewed verdicts,
    # and the reviewed 'aligned' of the saved run read as a new gap (exit 1). And nothing said
    # that an old verdict which moved was a reviewer's.
    _, plan, _, framework, _, review = reviewed
    old = tmp_path / "old.json"
    assert invoke(*reviewed, "-o", old, "-q").exit_code in (0, 1)
    plain = invoke("diff", old, plan, "-f", framework, "--format", "json")
    assert plain.exit_code == 1
    moved = json.loads(plain.stdout)["changes"]
    assert [(c["priority_id"], c["old"], c["old_reviewed"]) for c in moved] == [
        ("early-years", "aligned", True)
    ]
    assert "aligned (reviewed)" in invoke("diff", old, plan, "-f", framework).stdout
    held = invoke("diff", old, plan, "-f", framework, "--review", review, "--format", "json")
    assert held.exit_code == 0, held.stderr
    assert json.loads(held.stdout)["changes"] == []


def test_a_review_of_a_document_re_saved_under_another_extension_names_the_near_one(
    reviewed: list[object],
) -> None:
    # 'review of ... in district-strategy.docx matches no document checked' after the file
    # became a PDF, where the waiver's warning said 'did you mean'.
    review = reviewed[-1]
    assert isinstance(review, Path)
    review.write_text(REVIEW.replace("document: plan", "document: plan.docx"), encoding="utf-8")
    result = invoke(*reviewed, "--format", "json")
    assert "matches no document checked; did you mean 'plan.md'?" in result.stderr


def test_check_says_the_problems_of_the_waivers_and_reviews_files_at_once(
    reviewed: list[object], tmp_path: Path
) -> None:
    # The reviews file's bad id was said only once the waivers file had been fixed, where
    # validate says both.
    review = reviewed[-1]
    assert isinstance(review, Path)
    review.write_text(REVIEW.replace("early-years", "no-such-priority"), encoding="utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers:\n  - priority: nor-this\n    reason: x\n", encoding="utf-8")
    result = invoke(*reviewed, "--waivers", waivers)
    assert result.exit_code == 2
    assert "no-such-priority" in result.stderr and "nor-this" in result.stderr


def test_a_name_that_matches_two_documents_is_warned_of_and_shown_by_folder(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # 'strategy' meant the trust's; once the ICB's strategy.md arrived it was reviewed and
    # waived too, without a word, and the Reviewed table named both 'strategy'.
    (tmp_path / "trust").mkdir()
    (tmp_path / "icb").mkdir()
    make_document("trust/strategy.md")
    make_document("icb/strategy.md")
    review = tmp_path / "reviews.yaml"
    review.write_text(REVIEW.replace("document: plan", "document: strategy"), encoding="utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - {priority: warm-homes, document: strategy, reason: Not ours.}\n",
        encoding="utf-8",
    )
    folders = [tmp_path / "trust", tmp_path / "icb"]
    result = invoke(
        "check", *folders, "-f", small_framework, "--review", review, "--waivers", waivers
    )
    both = f"{tmp_path / 'icb' / 'strategy.md'}, {tmp_path / 'trust' / 'strategy.md'}"
    for kind, priority, line in (("review", "early-years", 2), ("waiver", "warm-homes", 2)):
        source = review if kind == "review" else waivers
        assert (
            f"{source}:{line}:5: warning: {kind} of '{priority}' names 'strategy', which "
            f"matches 2 documents ({both}); write the path of the one meant, or a glob to "
            "mean all"
        ) in " ".join(result.stderr.split()), result.stderr
    shown = " ".join(
        invoke(
            *["check", *folders, "-f", small_framework, "--review", review, "--format", "markdown"]
        ).stdout.split()
    )
    assert "| icb/strategy | Give every child the best start in life | aligned |" in shown


def test_a_run_failing_on_a_reviewer_s_gap_says_the_reviewer_set_it(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # 'plan leaves a gap on ...' read as the document's own gap; a reviewer had set it.
    plan = make_document("plan.md")
    review = tmp_path / "reviews.yaml"
    review.write_text(
        REVIEW.replace("early-years", "mental-health").replace("verdict: aligned", "verdict: gap"),
        encoding="utf-8",
    )
    result = invoke("check", plan, "-f", small_framework, "--review", review, "--fail-on", "gap")
    assert result.exit_code == 1
    assert "'Improve mental health' [mental-health] (reviewed)" in result.stderr
    assert "[early-years] (reviewed)" not in result.stderr


def test_a_file_that_cannot_be_checked_is_not_counted_among_the_matches(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # A partner's plan.doc beside its plan.md is an error of its own, never waived.
    plan = make_document("plan.md")
    (tmp_path / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - {priority: warm-homes, document: plan, reason: Not ours.}\n",
        encoding="utf-8",
    )
    result = invoke("check", plan.parent, "-f", small_framework, "--waivers", waivers)
    assert "matches 2 documents" not in result.stderr


@pytest.mark.parametrize(("said", "warned"), [("aligned", True), ("gap", False), (None, False)])
def test_a_review_made_when_alignck_said_otherwise_is_a_warning(
    reviewed: list[object], said: str | None, warned: bool
) -> None:
    # A blind tester's review kept forcing a gap after the document changed and alignck
    # found it aligned: nothing said the review was made of the old text.
    review = Path(str(reviewed[-1]))
    extra = f"    alignck_said: {said}\n" if said else ""
    review.write_text(REVIEW + extra, encoding="utf-8")
    result = invoke(*reviewed)
    warning = (
        f"{review}:2:5: warning: review of 'early-years' in '{reviewed[1]}' was made when "
        f"alignck said aligned; it says gap now: check the review still holds, then write "
        "alignck_said: gap"
    )
    assert (warning in " ".join(result.stderr.split())) == warned


def test_review_warnings_reach_the_ci_formats_and_json_keeps_what_alignck_said(
    reviewed: list[object], tmp_path: Path
) -> None:
    # A blind tester found them on standard error only, where a CI log may not look.
    review = Path(str(reviewed[-1]))
    gone = REVIEW.split("\n", 1)[1].replace("document: plan", "document: gone")
    review.write_text(REVIEW + "    alignck_said: aligned\n" + gone, encoding="utf-8")
    github = invoke(*reviewed, "--format", "github").stdout
    lines = [line for line in github.splitlines() if "title=alignck reviews::" in line]
    assert any("line=2," in line and "was made when alignck said aligned" in line for line in lines)
    assert any("matches no document checked" in line for line in lines)
    sarif = tmp_path / "run.sarif"
    invoke(*reviewed, "-o", sarif)
    notes = json.loads(sarif.read_text())["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("was made when alignck said aligned" in n["message"]["text"] for n in notes)
    report = json.loads(invoke(*reviewed, "--format", "json").stdout)
    assert [r.get("alignck_said") for r in report["reviews"]["applied"]] == ["aligned"]
    # The published reports say it too: their 'alignck said' column showed today's verdict
    # alone, read as the one the reviewer overruled.
    markdown = invoke(*reviewed, "--format", "markdown").stdout
    assert "| gap now (aligned when reviewed) |" in markdown


def test_a_review_of_several_documents_that_alignck_now_disagrees_with_is_to_be_split(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # 'write alignck_said: gap' moved the warning to the glob's other document; and a review
    # written after the glob's is never applied, as the first matching review is.
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    make_document("docs/plan-two.md")
    review = tmp_path / "reviews.yaml"
    globbed = REVIEW.replace("document: plan", 'document: "pl*"')
    review.write_text(globbed + "    alignck_said: aligned\n", encoding="utf-8")
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--review", review)
    said = " ".join(result.stderr.split())
    assert "a review of its own, above this one in the file" in said
    assert "then write alignck_said" not in said


def test_a_review_of_a_document_that_cannot_be_read_now_is_not_called_stale(
    reviewed: list[object],
) -> None:
    Path(str(reviewed[1])).write_bytes(b"")  # damaged: 0 bytes
    result = invoke(*reviewed)
    assert result.exit_code == 2
    assert "empty file" in result.stderr
    assert "matches no document checked" not in result.stderr


def test_a_stated_priority_named_only_by_a_priority_reviewed_to_a_gap_is_outside(
    tmp_path: Path,
) -> None:
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n"
        "  - id: air\n"
        "    title: Clean air\n"
        "    description: Cut air pollution from traffic around schools and homes.\n"
        "  - id: homes\n"
        "    title: Warm and safe homes\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Borough plan\n\n## Our priorities\n\n- Cleaner air around every school\n"
        "- More green jobs for local people\n\n## Cleaner air\n\nWe will close streets "
        "outside twelve schools at drop-off and pick-up times and plant trees along main roads.\n",
        encoding="utf-8",
    )
    review = tmp_path / "reviews.yaml"
    review.write_text(REVIEW.replace("early-years", "air").replace("aligned", "gap"), "utf-8")
    args = ["check", plan, "-f", framework, "--format", "json", "--no-cache"]

    def outside(data: dict) -> list[str]:  # type: ignore[type-arg]
        return [s["text"] for s in data["gaps"]["outside_framework"].get(str(plan), [])]

    plain = json.loads(invoke(*args).stdout)
    assert outside(plain) == ["More green jobs for local people"]
    data = json.loads(invoke(*args, "--review", review).stdout)
    stated = {s["text"]: s["matches"] for s in data["documents"][0]["stated_priorities"]}
    assert stated["Cleaner air around every school"] == []
    assert outside(data) == ["Cleaner air around every school", "More green jobs for local people"]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_an_overlap_resting_on_a_reviewer_s_verdict_says_so(
    reviewed: list[object], make_document, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    # An assurance officer's overlap of three rested on a reviewer's verdict, which the grid
    # marked '(reviewed)' and the overlaps table did not.
    plan = Path(str(reviewed[1]))
    other = make_document(
        "hubs.md",
        [
            ("h1", "Family hubs plan"),
            ("h2", "Our priorities"),
            ("p", "We will open four family hubs so every child has the best start in life."),
        ],
    )
    arguments = [reviewed[0], plan, other, *reviewed[2:]]
    data = json.loads(invoke(*arguments, "--format", "json").stdout)
    overlap = {o["priority_id"]: o for o in data["overlaps"]["priorities"]}
    assert len(overlap["early-years"]["documents"]) == 2
    shown = " ".join(invoke(*arguments, "--format", fmt).stdout.split())
    # The grid says '✔ aligned (reviewed)'; only the overlaps name the document beside it.
    assert ("✔ plan (reviewed)" if fmt == "terminal" else "✔ plan (aligned) (reviewed)") in shown


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_review_gone_stale_is_listed_in_the_shared_reports(
    reviewed: list[object], fmt: str
) -> None:
    # An assurance officer's review of a document no longer in the folder was said on standard
    # error, in the JSON and the CI formats, but not in the reports a board reads.
    review = Path(str(reviewed[-1]))
    review.write_text(REVIEW.replace("document: plan", "document: gone"), encoding="utf-8")
    shown = invoke(*reviewed, "--format", fmt).stdout.replace("&#x27;", "'")
    assert "Reviews to look at" in shown
    assert "reviews.yaml:2:5: warning: review of 'early-years' in 'gone' matches" in shown
    review.write_text(REVIEW, encoding="utf-8")
    assert "Reviews to look at" not in invoke(*reviewed, "--format", fmt).stdout


def test_a_review_whose_quote_alignck_no_longer_gives_is_a_warning(
    tmp_path: Path, small_framework: Path, make_document, plan_blocks
) -> None:  # type: ignore[no-untyped-def]
    """A board secretary reviewed a verdict for resting on a heading about housing; the plan
    was replaced, the heading went, and the verdict, the same, rested on another passage:
    with alignck_said alone nothing said the review was made of other text."""
    plan = make_document("plan.md")
    review = tmp_path / "reviews.yaml"
    review.write_text(
        "reviews:\n  - document: plan\n    priority: warm-homes\n    verdict: gap\n"
        "    reason: A statement of need, not a plan.\n    reviewer: A. Secretary\n"
        "    date: 2026-11-30\n    alignck_said: partial\n"
        "    alignck_quoted: many homes in Northby suffer from damp\n",
        encoding="utf-8",
    )
    arguments = ["check", plan, "-f", small_framework, "--review", review, "--no-cache"]
    same = invoke(*arguments)
    assert "alignck quoted" not in same.stderr, same.stderr
    saved = json.loads(invoke(*arguments, "--format", "json").stdout)
    (applied,) = saved["reviews"]["applied"]
    assert applied["alignck_quoted"] == "many homes in Northby suffer from damp"
    changed = [
        b if b[1] != "Many homes in Northby suffer from damp and mould." else
        ("p", "Cold homes in Northby cost older people their health every winter.")
        for b in plan_blocks
    ]  # fmt: skip
    make_document("plan.md", changed)
    moved = invoke(*arguments)
    said = " ".join(moved.stderr.split())
    assert (
        f"{review}:2:5: warning: review of 'warm-homes' in '{plan}' was made when alignck "
        "quoted 'many homes in Northby suffer from damp'; it quotes 'Cold homes in Northby"
    ) in said, said
    assert "then write alignck_quoted: 'Cold homes in Northby" in said
    review.write_text(
        review.read_text().replace("    alignck_quoted: many", "    alignck_quoted: [x]\n#")
    )
    bad = invoke(*arguments)
    assert bad.exit_code == 2 and "alignck_quoted" in bad.stderr


@pytest.mark.parametrize(
    ("quoted", "warned"),
    [
        ("“Many homes in Northby suffer from damp and mould.”", False),  # as a report shows it
        ("many homes in northby …", False),  # its start, cut as reports cut it
        ("Homes", True),  # a heading's word, found inside another quote: not its start
        ("Many homes in Northby suffer from damp and mould, and more.", True),  # a longer one
        # Copied from a Markdown report's cell, the kind it writes after the quote.
        ("“Many homes in Northby suffer from damp and mould.” (context)", False),
        # From an HTML report, which says where beside the kind.
        ("“Many homes in Northby suffer from damp and mould.” (context, ¶ 7 › Homes)", False),
    ],
)
def test_alignck_quoted_holds_only_as_the_start_of_a_quote_given_now(
    tmp_path: Path, small_framework: Path, make_document, quoted: str, warned: bool
) -> None:  # type: ignore[no-untyped-def]
    # A review found any words in common, either way, taken for the same quote: 'Homes', a
    # heading gone, matched 'Many homes in ...'.
    plan = make_document("plan.md")
    review = tmp_path / "reviews.yaml"
    review.write_text(
        "reviews:\n  - document: plan\n    priority: warm-homes\n    verdict: gap\n"
        "    reason: A need, not a plan.\n    reviewer: A. Secretary\n    date: 2026-11-30\n"
        f"    alignck_quoted: '{quoted}'\n",
        encoding="utf-8",
    )
    result = invoke("check", plan, "-f", small_framework, "--review", review, "--no-cache")
    assert ("was made when alignck quoted" in result.stderr) == warned, result.stderr


def test_an_empty_alignck_quoted_is_refused(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    review = tmp_path / "reviews.yaml"
    review.write_text(REVIEW + "    alignck_quoted: '…'\n", encoding="utf-8")
    result = invoke("check", plan, "-f", small_framework, "--review", review)
    assert result.exit_code == 2
    assert f"{review}:8:21: reviews[0].alignck_quoted: empty" in result.stderr, result.stderr


def test_a_priority_partial_through_its_part_says_so_in_the_reports_people_read(
    tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A blind tester's parent priorities took their partial verdicts from a sub-priority
    (its score, quotes and --explain features) and no report said so; one lifted by a
    reviewer's verdict on its part read 'no passage ... shares anything with it'."""
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n"
        "  - id: places\n    title: Fair and healthy places\n"
        "    priorities:\n"
        "      - id: air\n        title: Clean air\n"
        "        keywords: [air quality, clean air zone]\n"
        "  - id: minds\n    title: Good mental health\n",
        encoding="utf-8",
    )
    plan = make_document(
        "plan.md",
        [("h1", "Plan"), ("p", "We will open a clean air zone and cut traffic by a fifth.")],
    )
    args = ["check", plan, "-f", framework, "--no-cache", "--matcher", "lexical"]
    data = json.loads(invoke(*args, "--format", "json").stdout)
    verdicts = {a["priority_id"]: a for a in data["documents"][0]["alignment"]}
    # Its one part addressed, the whole is aligned on its own words, not through the part.
    assert (verdicts["places"]["status"], verdicts["places"]["through"]) == ("aligned", None)
    # A reviewer's partial on the part, where alignck found nothing: the whole is partial
    # through it, and says so rather than that nothing is near.
    other = make_document("other.md", [("h1", "Plan"), ("p", "We will fund two libraries.")])
    review = tmp_path / "reviews.yaml"
    review.write_text(
        "reviews:\n  - document: other\n    priority: air\n    verdict: partial\n"
        "    reason: The annex funds air monitors.\n    reviewer: A. Lead\n    date: 2026-11-30\n",
        encoding="utf-8",
    )
    args = ["check", other, "-f", framework, "--no-cache", "--review", review]
    data = json.loads(invoke(*args, "--format", "json").stdout)
    verdicts = {a["priority_id"]: a for a in data["documents"][0]["alignment"]}
    assert (verdicts["places"]["status"], verdicts["places"]["through"]) == ("partial", "air")
    markdown = invoke(*args, "--format", "markdown").stdout
    said = (
        "through its part 'Clean air' [air] (reviewed: partial): its part has no passage to quote"
    )
    assert said.replace("[air]", "\\[air\\]") in markdown, markdown
    page = re.sub(r"<[^>]+>", "", invoke(*args, "--format", "html").stdout)
    assert said in html.unescape(" ".join(page.split()))
    assert said in " ".join(invoke(*args, "--format", "terminal").stdout.split())


def _clean_air_plan_under(
    tmp_path: Path, make_document, parent: str, title: str, description: str
) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A framework whose priority ``parent`` has two parts, clean air and warm homes, and a
    council plan that promises clean air alone."""
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n"
        f"  - id: {parent}\n    title: {title}\n    description: {description}\n"
        "    priorities:\n"
        "      - id: air\n        title: Clean air\n"
        "        keywords: [air quality, air pollution]\n"
        "      - id: homes\n        title: Warm homes\n"
        "        keywords: [fuel poverty, damp and mould]\n",
        encoding="utf-8",
    )
    plan = make_document(
        "council.md",
        [
            ("h1", "Council plan"),
            ("h2", "Clean air"),
            ("p", "We will cut air pollution from traffic around every school by 2027."),
        ],
    )
    return framework, plan


def test_what_alignck_said_of_a_parent_is_what_a_report_without_the_reviews_showed(
    tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A reviewer copied 'partial' (the parent partial through its part) into alignck_said;
    the run warned that alignck 'says aligned now', the verdict before the part rule, which
    no report had shown."""
    framework, plan = _clean_air_plan_under(
        tmp_path,
        make_document,
        "resilient",
        "Resilient neighbourhoods",
        "Neighbourhoods where volunteers and councillors plan together.",
    )
    args = ["check", plan, "-f", framework, "--no-cache", "--matcher", "lexical"]
    data = json.loads(invoke(*args, "--format", "json").stdout)
    shown = {a["priority_id"]: a["status"] for a in data["documents"][0]["alignment"]}
    assert shown["resilient"] == "partial", shown
    review = tmp_path / "reviews.yaml"
    review.write_text(
        "reviews:\n  - document: council\n    priority: resilient\n    verdict: gap\n"
        "    reason: Air alone is not resilience.\n    reviewer: A. Officer\n"
        "    date: 2026-11-30\n    alignck_said: partial\n",
        encoding="utf-8",
    )
    result = invoke(*args, "--review", review, "--format", "json")
    assert "was made when alignck said" not in result.stderr, result.stderr
    reviewed = json.loads(result.stdout)["reviews"]["applied"]
    assert [(r["priority_id"], r["machine_status"]) for r in reviewed] == [("resilient", "partial")]


def test_the_alignck_quoted_a_warning_suggests_pastes_as_valid_yaml(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # 'write alignck_quoted: 'We will open the county's ...'' ended the value at the
    # apostrophe: pasted as suggested, the file no longer loaded.
    plan = make_document(
        "plan.md",
        [("h1", "Plan"), ("p", "We will insulate the county's damp and cold homes by 2028.")],
    )
    review = tmp_path / "reviews.yaml"
    head = (
        "reviews:\n  - document: plan\n    priority: warm-homes\n    verdict: partial\n"
        "    reason: Homes only.\n    reviewer: A. Secretary\n    date: 2026-11-30\n"
    )
    review.write_text(head + "    alignck_quoted: We will build a pool\n", encoding="utf-8")
    args = ["check", plan, "-f", small_framework, "--review", review, "--no-cache"]
    said = " ".join(invoke(*args).stderr.split())
    assert "then write alignck_quoted: " in said, said
    suggested = said.split("then write alignck_quoted: ", 1)[1].strip()
    review.write_text(head + f"    alignck_quoted: {suggested}\n", encoding="utf-8")
    again = invoke(*args)
    assert again.exit_code == 0, again.stderr
    assert "was made when alignck quoted" not in again.stderr, again.stderr


def test_a_part_a_reviewer_set_to_a_gap_is_not_shown_as_confirmed(
    tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # '(reviewed)' beside the part's quote read as if the reviewer had confirmed it, where
    # the reviewer had set that part to a gap.
    framework, plan = _clean_air_plan_under(
        tmp_path,
        make_document,
        "places",
        "Healthy places",
        "People live in healthy places with clean air and warm homes.",
    )
    review = tmp_path / "reviews.yaml"
    review.write_text(
        "reviews:\n  - document: council\n    priority: air\n    verdict: gap\n"
        "    reason: Monitors only.\n    reviewer: A. Officer\n    date: 2026-11-30\n",
        encoding="utf-8",
    )
    args = ["check", plan, "-f", framework, "--no-cache", "--matcher", "lexical"]
    data = json.loads(invoke(*args, "--review", review, "--format", "json").stdout)
    places = next(a for a in data["documents"][0]["alignment"] if a["priority_id"] == "places")
    assert (places["status"], places["through"]) == ("partial", "air"), places
    shown = " ".join(invoke(*args, "--review", review, "--format", "markdown").stdout.split())
    assert "[air\\] (reviewed: gap):" in shown, shown
    assert "(reviewed):" not in shown
