"""``alignck check --baseline OLD.json``: a draft fails only where it is worse than the
baseline; a baseline from another framework is refused, from another version warned about."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from conftest import PLAN_BLOCKS

runner = CliRunner()
# The plan without a word on mental health: that verdict drops to a gap.
WORSE = [PLAN_BLOCKS[0], *PLAN_BLOCKS[-2:]]


def invoke(*args: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def _diffed(baseline: Path, docs: Path, *args: object):  # type: ignore[no-untyped-def]
    """diff of a saved baseline and a folder, as JSON, held to --fail-on worse."""
    return invoke("diff", baseline, docs, *args, "--fail-on", "worse", "--format", "json")


def _only_change(result) -> dict:  # type: ignore[no-untyped-def]
    [change] = json.loads(result.stdout)["changes"]
    return change  # type: ignore[no-any-return]


def _baseline(tmp_path: Path, framework: Path, make_document) -> Path:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    baseline = tmp_path / "baseline.json"
    result = invoke("check", tmp_path / "docs", "-f", framework, "-o", baseline, "-q")
    assert result.exit_code == 0, result.stderr
    return baseline


def test_the_baselines_own_gaps_pass_and_a_worse_draft_fails(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    baseline = _baseline(tmp_path, small_framework, make_document)
    gaps = invoke("check", tmp_path / "docs", "-f", small_framework, "--fail-on", "gap")
    assert gaps.exit_code == 1  # the plan has gaps of its own
    same = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert same.exit_code == 0, same.stderr
    make_document("docs/plan.md", WORSE)
    worse = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert worse.exit_code == 1
    assert "policy failed: plan has new gaps on 'Improve mental health'" in worse.stderr
    assert "(aligned → gap)" in worse.stderr


def test_a_gap_a_waiver_accepted_in_the_baseline_fails_once_the_waiver_lapses(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    first = invoke("check", tmp_path / "docs", "-f", small_framework, "--format", "json")
    gap = next(
        a["priority_id"]
        for a in json.loads(first.stdout)["documents"][0]["alignment"]
        if a["status"] == "gap"
    )
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        f"waivers:\n  - priority: {gap}\n    reason: agreed\n    expires: 2025-11-30\n",
        encoding="utf-8",
    )
    held = ("-f", small_framework, "--waivers", waivers, "--fail-on", "gap")
    baseline = tmp_path / "baseline.json"
    saved = invoke("check", tmp_path / "docs", *held, "--today", "2025-09-30", "-o", baseline)
    assert saved.exit_code == 0, saved.stderr
    args = ("check", tmp_path / "docs", *held, "--baseline", baseline)
    assert invoke(*args, "--today", "2025-11-30").exit_code == 0  # still waived
    lapsed = invoke(*args, "--today", "2025-12-31")
    assert lapsed.exit_code == 1
    assert f"[{gap}] (gap (waived) → gap)" in lapsed.stderr
    diff = _diffed(
        baseline,
        tmp_path / "docs",
        "-f",
        small_framework,
        "--waivers",
        waivers,
        "--today",
        "2025-12-31",
    )
    assert diff.exit_code == 1
    change = _only_change(diff)
    assert (change["priority_id"], change["old"], change["old_waived"], change["new"]) == (
        gap,
        "gap",
        True,
        "gap",
    )
    assert change["change"] == "new gap" and change["regression"]
    # The waivers file forgotten: the waived gap counts as new, and a note says why.
    forgot = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert forgot.exit_code == 1
    assert (
        f"{baseline}: note: 1 verdict waived there, not waived in this run (it was given no "
        "--waivers), so counted as new"
    ) in forgot.stderr
    told = invoke("diff", baseline, tmp_path / "docs", "-f", small_framework)
    assert "not waived in this run (it was given no --waivers)" in told.stderr
    given = invoke(*args, "--today", "2025-12-31")
    assert "given no --waivers" not in given.stderr
    # The pull request shows why, not only the job's log: the CI formats and JSON carry it.
    base = ("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    github = invoke(*base, "--format", "github").stdout.splitlines()
    [notice] = [line for line in github if "given no --waivers" in line]
    # The failing finding says what changed, as the policy line on standard error does.
    [error] = [line for line in github if line.startswith("::error")]
    assert "Against the baseline: gap (waived) → gap." in error
    assert "title=alignck baseline::1 verdict waived there" in notice
    sarif = json.loads(invoke(*base, "--format", "sarif").stdout)
    notes = [
        n["message"]["text"]
        for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    ]
    assert any("given no --waivers" in note for note in notes)
    levels = {
        n["level"]
        for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        if "given no --waivers" in n["message"]["text"]
    }
    assert levels == {"note"}  # a note, as GitHub's ::notice, not a warning
    report = json.loads(invoke(*base, "--format", "json").stdout)
    assert any("given no --waivers" in note for note in report["policy"]["baseline_notes"])
    assert json.loads(invoke(*args, "--format", "json").stdout)["policy"]["baseline_notes"] == []


def test_a_waived_gap_that_improved_after_its_waiver_lapsed_is_a_closed_gap(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # check --baseline called 'gap (waived) -> partial' worse, where diff and a baseline
    # without the waiver call it better.
    baseline = _baseline(tmp_path, small_framework, make_document)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    partial = next(a for a in data["documents"][0]["alignment"] if a["status"] == "partial")
    partial["status"] = "gap"
    partial["waived"] = {"reason": "agreed", "expires": "2025-11-30"}
    baseline.write_text(json.dumps(data), encoding="utf-8")
    args = ("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert invoke(*args, "--fail-on", "worse").exit_code == 0
    assert invoke(*args, "--fail-on", "partial").exit_code == 0
    diff = _diffed(baseline, tmp_path / "docs", "-f", small_framework)
    assert diff.exit_code == 0
    change = _only_change(diff)
    assert (change["old"], change["old_waived"], change["new"], change["change"]) == (
        "gap",
        True,
        "partial",
        "closed gap",
    )


def test_fail_on_worse_fails_a_drop_that_is_no_gap(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    baseline = _baseline(tmp_path, small_framework, make_document)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    for alignment in data["documents"][0]["alignment"]:
        if alignment["status"] == "partial":
            alignment["status"] = "aligned"  # the baseline was better on this one
    baseline.write_text(json.dumps(data), encoding="utf-8")
    args = ("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert invoke(*args).exit_code == 0
    worse = invoke(*args, "--fail-on", "worse")
    assert worse.exit_code == 1 and "is worse than the baseline on" in worse.stderr


def test_fail_on_worse_fails_a_promise_watered_down_to_an_aspiration(
    tmp_path: Path, small_framework: Path
) -> None:
    # '... We will provide crisis support' became '... We may consider crisis support ...,
    # subject to funding' under 'Our priorities': still aligned, and --fail-on worse passed.
    plan = tmp_path / "plan.md"
    item = "- **Mental health:** We will provide 24-hour crisis support and talking therapies.\n"
    plan.write_text(f"# Plan\n\n## Our priorities\n\n{item}", encoding="utf-8")
    baseline = tmp_path / "q1.json"
    made = invoke("check", plan, "-f", small_framework, "--format", "json", "-o", baseline)
    assert made.exit_code == 0
    old = json.loads(baseline.read_text(encoding="utf-8"))["documents"][0]["alignment"]
    assert next(a for a in old if a["priority_id"] == "mental-health")["status"] == "aligned"
    weaker = (
        "- **Mental health:** We may consider crisis support in future years, subject to funding.\n"
    )
    plan.write_text(f"# Plan\n\n## Our priorities\n\n{weaker}", encoding="utf-8")
    result = invoke(
        "check", plan, "-f", small_framework, "--baseline", baseline, "--fail-on", "worse"
    )
    assert result.exit_code == 1
    assert "on 'Improve mental health' [mental-health] (aligned → partial)" in result.stderr


def test_a_priority_only_a_dropped_document_addressed_is_noted(
    tmp_path: Path, small_framework: Path
) -> None:
    # A partner's strategy left out of the folder took the one verdict on mental health with
    # it: no document's verdict moved, and nothing said the system had lost the priority.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "trust.md").write_text(
        "# Trust plan\n\nWe will open two crisis cafes and cut waits for talking therapies.\n",
        encoding="utf-8",
    )
    (docs / "council.md").write_text(
        "# Council plan\n\nWe will end fuel poverty and tackle damp and mould.\n",
        encoding="utf-8",
    )
    baseline = tmp_path / "q1.json"
    args = ("-f", small_framework, "--matcher", "lexical")
    assert invoke("check", docs, *args, "--format", "json", "-o", baseline).exit_code == 0
    (docs / "trust.md").unlink()
    result = invoke("check", docs, *args, "--baseline", baseline, "-q", "-o", tmp_path / "q2.json")
    assert (
        f"{baseline}: note: 'Improve mental health' [mental-health] was addressed there by "
        "trust, not in this run; no document of this run addresses it"
    ) in result.stderr
    assert "[warm-homes] was addressed there" not in result.stderr
    # diff says so too, beside its 'Removed documents'.
    diff = invoke("diff", baseline, docs, *args)
    assert "'Improve mental health' [mental-health] was addressed there by trust" in diff.stderr
    # And the reports people read, as the JSON and CI formats do.
    for suffix in ("md", "html", "txt"):
        report = tmp_path / f"q2.{suffix}"
        invoke("check", docs, *args, "--baseline", baseline, "-q", "-o", report)
        text = report.read_text(encoding="utf-8")
        assert "Compared with the baseline:" in text, suffix
        assert "trust.md is not in this run" in text, suffix
    workbook = tmp_path / "q2.xlsx"
    invoke("check", docs, *args, "--baseline", baseline, "-q", "-o", workbook)
    from openpyxl import load_workbook

    rows = [list(row) for row in load_workbook(workbook).worksheets[0].values]
    noted = [row for row in rows if row[0] == "Compared with the baseline"]
    assert noted and "trust.md is not in this run" in str(noted[0][1])


def test_fail_on_new_gap_without_a_baseline_is_a_usage_error(small_framework: Path) -> None:
    result = invoke("check", ".", "-f", small_framework, "--fail-on", "new-gap")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "alignck: error: --fail-on new-gap compares with a baseline: give --baseline OLD.json"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "waivers:\n  - priority: air\n    reason: county business\n",
            "1:1: a waivers file, not a saved alignck report; give it with --waivers",
        ),
        (
            '{"reviews": [{"priority": "air", "status": "gap"}]}',
            "1:2: a review file, not a saved alignck report; give it with --review",
        ),
        (
            "framework:\n  name: X\npriorities: []\n",
            "1:1: a framework file, not a saved alignck report; give it with -f/--framework",
        ),
    ],
    ids=["waivers", "reviews as JSON", "framework"],
)
def test_a_baseline_of_another_kind_is_named_for_what_it_is(
    tmp_path: Path, small_framework: Path, make_document, text: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    # --baseline and --waivers swapped in a CI template: 'waivers.yaml:1:1: not a JSON report
    # (invalid JSON: Expecting value)', where --waivers and --review name the kind.
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    given = tmp_path / "given.yaml"
    given.write_text(text, encoding="utf-8")
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", given)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"alignck: error: {given}:{said}"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            '{\n  "note": "agreed in May",\n  "waivers": [{"priority": "air"}]\n}\n',
            "3:3: a waivers file, not a saved alignck report; give it with --waivers",
        ),
        (
            '{"items": [' + ", ".join(['{"id": 1, "v": [1, 2, 3]}'] * 2000) + "]}",
            "not an alignck JSON report (as 'alignck check --format json' writes): "
            "no 'tool: alignck'",
        ),
    ],
    ids=["waivers", "no kind"],
)
def test_a_json_baseline_is_told_from_its_keys_not_composed_again_as_yaml(
    tmp_path: Path, small_framework: Path, make_document, monkeypatch, text: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    # Any JSON that was no report was composed again, in full, as YAML to tell its kind: a
    # 45 MB one took 21 s and a gigabyte to be refused in one line.
    import alignck.yamlnodes

    def composed(*args: object) -> None:
        raise AssertionError("JSON composed as YAML")

    monkeypatch.setattr(alignck.yamlnodes, "compose", composed)
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    given = tmp_path / "given.json"
    given.write_text(text, encoding="utf-8")
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", given)
    assert result.exit_code == 2, result.output
    separator = "" if said[0].isdigit() else " "
    assert result.stderr.splitlines()[-1] == f"alignck: error: {given}:{separator}{said}"


def test_a_baseline_against_another_framework_is_one_line_and_exit_2(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    baseline = _baseline(tmp_path, small_framework, make_document)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    for number, priority in enumerate(data["framework"]["priorities"]):
        priority["id"] = f"other-{number}"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    before = baseline.read_bytes()
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"alignck: error: {baseline}: checked against")
    assert "different frameworks" in lines[0]
    assert baseline.read_bytes() == before


def test_a_priority_removed_from_the_framework_keeps_the_others_baseline(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # Removing one priority from the framework threw away every other priority's known gaps:
    # the baseline was refused as made against another framework.
    import yaml

    baseline = _baseline(tmp_path, small_framework, make_document)
    data = yaml.safe_load(small_framework.read_text(encoding="utf-8"))
    removed = data["priorities"].pop()["id"]
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = invoke("check", tmp_path / "docs", "-f", edited, "--baseline", baseline, "-q")
    assert result.exit_code == 0, result.stderr
    assert f"priorities no longer in the framework: {removed}" in result.stderr


def test_a_priority_s_keywords_edited_since_the_baseline_is_a_warning(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # Only a title edited was warned of: the officer's own edit of a priority's keywords
    # failed a partner's run with 'new gaps', and nothing said the framework had changed.
    baseline = _baseline(tmp_path, small_framework, make_document)
    edited = tmp_path / "edited.yaml"
    text = small_framework.read_text(encoding="utf-8")
    edited.write_text(text.replace("keywords: [mental health, loneliness]", "keywords: [buses]"))
    said = "may have changed, and verdicts with them, not because the documents changed"
    result = invoke("check", tmp_path / "docs", "-f", edited, "--baseline", baseline)
    assert f"{baseline}: warning: made with the framework file at sha256" in result.stderr
    assert said in result.stderr
    # Which edits it may be: the report keeps ids and titles, not descriptions or keywords.
    assert "with the same ids (as 'formerly' maps them) and titles" in result.stderr
    assert "an edit of comments, layout or 'formerly' alone changes the file" in result.stderr
    # 'required:' changes no verdict but the policy: a trainer found it missing from the list.
    assert "or which priorities are required, and the policy with it" in result.stderr
    diffed = invoke("diff", baseline, tmp_path / "docs", "-f", edited)
    assert said in diffed.stderr
    same = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert said not in same.stderr


def test_a_baseline_from_another_version_is_a_warning(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    baseline = _baseline(tmp_path, small_framework, make_document)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["tool"]["version"] = "0.0.1"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert result.exit_code == 0
    assert f"{baseline}: warning: made with alignck version 0.0.1" in result.stderr


def test_the_report_never_overwrites_its_baseline(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    baseline = _baseline(tmp_path, small_framework, make_document)
    before = baseline.read_bytes()
    result = invoke(
        "check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline, "-o", baseline
    )
    assert result.exit_code == 2 and "would overwrite the baseline report" in result.stderr
    assert baseline.read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "sarif", "junit"])
def test_a_report_held_to_a_baseline_names_it(
    tmp_path: Path, small_framework: Path, make_document, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    # A quarterly record could not show what each run was held against: the baseline was
    # named only inside failure lines.
    baseline = _baseline(tmp_path, small_framework, make_document)
    args = ["check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline]
    result = invoke(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    # As Markdown shows it, its escapes read.
    shown = re.sub(r"\\(.)", r"\1", result.stdout) if fmt == "markdown" else result.stdout
    if fmt in ("sarif", "junit"):
        # Outside the checkout, as a downloaded baseline is in CI: by its name, never by the
        # runner's own folders.
        assert str(baseline) not in shown
        assert re.search(rf'"{baseline.name}"', shown)
    else:
        assert str(baseline) in shown
    if fmt == "json":
        assert json.loads(result.stdout)["policy"]["baseline"] == str(baseline)
    plain = invoke("check", tmp_path / "docs", "-f", small_framework, "--format", fmt)
    assert str(baseline) not in plain.stdout


def test_a_document_that_could_not_be_read_is_not_said_to_be_compared(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # As diff says it: not compared. check --baseline said it was compared with the
    # baseline's document of the same name in another folder.
    (tmp_path / "old" / "trust").mkdir(parents=True)
    (tmp_path / "new" / "icb").mkdir(parents=True)
    make_document("old/trust/strategy.md")
    (tmp_path / "new" / "icb" / "strategy.pdf").write_bytes(b"not a PDF")
    base = tmp_path / "base.json"
    args = ["check", "-f", str(small_framework), "--matcher", "lexical", "-q"]
    first = CliRunner().invoke(app, [*args, str(tmp_path / "old"), "-o", str(base)])
    assert first.exit_code == 0, first.stderr
    again = CliRunner().invoke(
        app, [*args, str(tmp_path / "new"), "--baseline", str(base), "-o", str(tmp_path / "n.json")]
    )
    assert "is compared with" not in again.stderr
    assert "cannot" in again.stderr or "not a PDF" in again.stderr


def test_a_priority_renamed_with_formerly_keeps_its_history_waivers_and_reviews(
    tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # An id changed between runs made one priority removed and one added: the baseline's
    # known gap failed CI as new, twice, and the waiver naming the old id was an error.
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    before = tmp_path / "v1.yaml"
    before.write_text(
        "priorities:\n  - id: smoking\n    title: Reduce smoking\n"
        "    keywords: [tobacco, smoking cessation]\n"
        "  - id: minds\n    title: Improve mental health\n",
        encoding="utf-8",
    )
    after = tmp_path / "v2.yaml"
    after.write_text(
        "priorities:\n  - id: tobacco-control\n    title: Reduce smoking\n"
        "    keywords: [tobacco, smoking cessation]\n    formerly: [smoking]\n"
        "  - id: minds\n    title: Improve mental health\n",
        encoding="utf-8",
    )
    old = tmp_path / "old.json"
    args = ["check", str(tmp_path / "docs"), "--matcher", "lexical", "-q"]
    assert CliRunner().invoke(app, [*args, "-f", str(before), "-o", str(old)]).exit_code == 0
    saved = json.loads(old.read_text(encoding="utf-8"))
    assert {a["priority_id"]: a["status"] for a in saved["documents"][0]["alignment"]}[
        "smoking"
    ] == "gap"
    held = CliRunner().invoke(
        app, [*args, "-f", str(after), "--baseline", str(old), "--fail-on", "new-gap"]
    )
    assert held.exit_code == 0, held.stderr
    assert "priorities new since this run" not in held.stderr
    diffed = CliRunner().invoke(app, ["diff", str(old), str(tmp_path / "docs"), "-f", str(after)])
    assert diffed.exit_code == 0, diffed.stderr
    assert "new priority" not in diffed.stdout
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - priority: smoking\n    reason: Commissioned elsewhere.\n", encoding="utf-8"
    )
    waived = CliRunner().invoke(
        app, [*args, "-f", str(after), "--waivers", str(waivers), "--fail-on", "gap"]
    )
    assert waived.exit_code == 0, waived.stderr
    assert f"{waivers}:2:15: waivers[0].priority: warning: 'smoking' is now 'tobacco-control'" in (
        waived.stderr
    )


def test_a_former_id_that_is_a_priority_s_own_is_an_error(tmp_path: Path) -> None:
    framework = tmp_path / "f.yaml"
    framework.write_text(
        "priorities:\n  - id: a\n    title: A\n    formerly: [b]\n  - id: b\n    title: B\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(framework)])
    assert result.exit_code == 2
    assert "priorities[0].formerly: 'b' is the id of a priority of this framework" in (
        result.stdout + result.stderr
    )


def test_the_terminal_and_text_reports_name_the_baseline(
    tmp_path: Path, small_framework: Path, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "400")  # the provenance line whole, on one line
    baseline = _baseline(tmp_path, small_framework, make_document)
    text = tmp_path / "run.txt"
    args = ("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    shown, saved = invoke(*args), invoke(*args, "-o", text)
    assert shown.exit_code == saved.exit_code == 0, shown.stderr
    # Folded where the line is long (the code and the day it names made it longer than 400).
    assert f"· baseline {baseline}" in " ".join(shown.stdout.split())
    assert f"· baseline {baseline}" in " ".join(text.read_text(encoding="utf-8").split())
    without = invoke("check", tmp_path / "docs", "-f", small_framework)
    assert "· baseline" not in without.stdout


def test_a_renamed_document_and_one_dropped_are_said_not_passed_in_silence(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    make_document("docs/council-plan.md")
    make_document("docs/libraries.md")
    make_document("docs/other.md")
    baseline = tmp_path / "baseline.json"
    assert invoke("check", tmp_path / "docs", "-f", small_framework, "-o", baseline).exit_code == 0
    (tmp_path / "docs" / "council-plan.md").rename(tmp_path / "docs" / "council-plan-2026.md")
    (tmp_path / "docs" / "libraries.md").unlink()
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    said = " ".join(result.stderr.split())
    assert "council-plan.md is not in this run and " in said
    assert "council-plan-2026.md was not in that one; if it is the same document renamed" in said
    assert "libraries.md is not in this run; its verdicts are not compared" in said
    diff = invoke("diff", baseline, tmp_path / "docs", "-f", small_framework)
    shown = " ".join(diff.stderr.split() + diff.stdout.split())
    assert "if it is the same document renamed" in shown


def test_a_document_that_cannot_be_read_now_is_not_said_to_be_missing(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    make_document("docs/council-plan.md")
    make_document("docs/other.md")
    baseline = tmp_path / "baseline.json"
    assert invoke("check", tmp_path / "docs", "-f", small_framework, "-o", baseline).exit_code == 0
    (tmp_path / "docs" / "council-plan.md").write_bytes(b"")  # damaged: 0 bytes
    make_document("docs/council-plan-2026.md")
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "council-plan.md: empty file" in said
    assert "is not in this run" not in said


def test_a_document_the_baseline_could_not_read_is_said_to_be_compared_as_new(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # Broken the night the baseline was saved, mended since: its gaps were all 'new' and the
    # night failed with nothing to say why, where diff says it.
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    (tmp_path / "docs" / "trust.md").write_bytes(b"")
    baseline = tmp_path / "baseline.json"
    saved = invoke("check", tmp_path / "docs", "-f", small_framework, "-o", baseline, "-q")
    assert saved.exit_code == 2
    # Not read this time either, or not in the run: nothing is compared as new.
    still = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    alone = invoke(
        "check", tmp_path / "docs" / "plan.md", "-f", small_framework, "--baseline", baseline
    )
    assert "could not be read in that run" not in still.stderr + alone.stderr
    make_document("docs/trust.md")
    again = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    said = " ".join(again.stderr.split())
    trust = tmp_path / "docs" / "trust.md"
    assert f"{trust} could not be read in that run; compared as a new document" in said
    assert "plan.md could not be read" not in said


def test_a_deleted_unreadable_document_is_not_said_to_be_the_one_new_document(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A secretary's board paper, empty last month and deleted since, was said to be
    'compared as a new document', while the one new document of the month was a renamed
    strategy: one unread and one new document are no pair, as two runs of one file are."""
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    (tmp_path / "docs" / "board-paper.docx").write_bytes(b"")
    baseline = tmp_path / "baseline.json"
    saved = invoke("check", tmp_path / "docs", "-f", small_framework, "-o", baseline, "-q")
    assert saved.exit_code == 2
    (tmp_path / "docs" / "board-paper.docx").unlink()
    make_document("docs/vcse-strategy-2028.md")
    result = invoke("check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline)
    assert "could not be read in that run" not in result.stderr, result.stderr
    diff = invoke("diff", baseline, tmp_path / "docs", "-f", small_framework)
    assert "could not be read in that run" not in diff.stderr, diff.stderr


def test_the_same_name_in_another_folder_is_not_called_renamed_for_its_bytes(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A secretary kept last month's papers in 'march/' and this month's in 'april/': each
    file was paired by its name below its folder, yet a note called every unchanged one
    'the same document renamed', since its bytes matched too."""
    for month in ("march", "april"):
        (tmp_path / month).mkdir()
        make_document(f"{month}/plan.md")
        make_document(f"{month}/trust.md", [("h1", "Trust"), ("p", "We will cut waiting times.")])
    baseline = tmp_path / "march.json"
    saved = invoke("check", tmp_path / "march", "-f", small_framework, "-o", baseline, "-q")
    assert saved.exit_code == 0, saved.stderr
    for command in (
        ("diff", baseline, tmp_path / "april", "-f", small_framework),
        ("check", tmp_path / "april", "-f", small_framework, "--baseline", baseline, "-q"),
    ):
        result = invoke(*command)
        assert result.exit_code == 0, result.stderr
        assert "same bytes" not in result.stderr, result.stderr
        assert "renamed" not in result.stderr, result.stderr


def _trust_strategy_v3_and_its_baseline(
    tmp_path: Path, framework: Path, make_document
) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A folder of a plan and 'trust strategy v3.md', and the JSON report of a check of it."""
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    first = make_document(
        "docs/trust strategy v3.md",
        [("h1", "Trust strategy"), ("p", "We will cut waiting times for talking therapies.")],
    )
    baseline = tmp_path / "baseline.json"
    saved = invoke("check", tmp_path / "docs", "-f", framework, "-o", baseline, "-q")
    assert saved.exit_code == 0, saved.stderr
    return first, baseline


def test_a_renamed_file_with_a_copy_beside_it_is_still_paired_by_its_bytes(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """'Trust strategy v3' renamed 'Trust strategy FINAL', and a 'Copy of' it left beside:
    two files with the bytes, so neither was paired, and every gap of the renamed one was
    new. The one not named as a copy is the document."""
    first, baseline = _trust_strategy_v3_and_its_baseline(tmp_path, small_framework, make_document)
    text = first.read_bytes()
    first.rename(tmp_path / "docs" / "trust strategy FINAL.md")
    (tmp_path / "docs" / "Copy of trust strategy FINAL.md").write_bytes(text)
    diff = invoke("diff", baseline, tmp_path / "docs", "-f", small_framework, "--format", "json")
    compared = json.loads(diff.stdout)
    assert compared["removed_documents"] == [], diff.stderr
    assert [Path(p).name for p in compared["added_documents"]] == [
        "Copy of trust strategy FINAL.md"
    ]
    assert "trust strategy FINAL.md has the same bytes as" in " ".join(diff.stderr.split())


def test_a_file_renamed_with_the_same_bytes_is_compared_as_the_same_document(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A board secretary's 'Trust strategy v3.docx' became 'Trust strategy FINAL.docx',
    byte for byte: diff listed it removed and added, every gap new (exit 1), and check
    --baseline failed the same way. The same bytes under another name are the same
    document, and a note says so."""
    first, baseline = _trust_strategy_v3_and_its_baseline(tmp_path, small_framework, make_document)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert all(len(d["sha256"]) == 64 for d in data["documents"])
    first.rename(tmp_path / "docs" / "trust strategy FINAL.md")
    renamed = tmp_path / "docs" / "trust strategy FINAL.md"
    diff = invoke("diff", baseline, tmp_path / "docs", "-f", small_framework, "--format", "json")
    assert diff.exit_code == 0, diff.stderr
    compared = json.loads(diff.stdout)
    assert compared["added_documents"] == [] and compared["removed_documents"] == []
    said = " ".join(diff.stderr.split())
    assert f"{renamed} has the same bytes as {first} of that run: compared with it" in said
    held = invoke(
        "check", tmp_path / "docs", "-f", small_framework, "--baseline", baseline,
        "--fail-on", "new-gap",
    )  # fmt: skip
    assert held.exit_code == 0, held.stderr
    assert "has the same bytes as" in " ".join(held.stderr.split())
    # Edited as well as renamed: another document, as before (a note says it may be it).
    renamed.write_text(renamed.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    edited = invoke("diff", baseline, tmp_path / "docs", "-f", small_framework, "--format", "json")
    assert json.loads(edited.stdout)["added_documents"], edited.stderr


def test_a_name_composed_one_way_then_the_other_is_the_same_document(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A baseline made on a Mac names 'Café plan.md' decomposed; the CI checkout names it
    composed: the document was listed removed and added, and its gaps new (exit 1)."""
    decomposed, composed = "Cafe\u0301 plan.md", "Café plan.md"
    blocks = [("h1", "Café plan"), ("p", "We will cut waiting times for talking therapies.")]
    for folder, name in (("mac", decomposed), ("ci", composed)):
        (tmp_path / folder).mkdir()
        make_document(f"{folder}/plan.md")
        make_document(f"{folder}/{name}", blocks)
    (tmp_path / "ci" / composed).write_text(
        (tmp_path / "ci" / composed).read_text(encoding="utf-8") + "\nOne more line.\n",
        encoding="utf-8",
    )
    baseline = tmp_path / "mac.json"
    saved = invoke("check", tmp_path / "mac", "-f", small_framework, "-o", baseline, "-q")
    assert saved.exit_code == 0, saved.stderr
    diff = invoke("diff", baseline, tmp_path / "ci", "-f", small_framework, "--format", "json")
    assert diff.exit_code == 0, diff.stderr
    compared = json.loads(diff.stdout)
    assert compared["added_documents"] == [] and compared["removed_documents"] == []
