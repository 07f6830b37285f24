"""--partner: documents one partner publishes count as one partner in overlaps."""

import json
from pathlib import Path

from typer.testing import CliRunner

import alignck
from alignck.cli import app

runner = CliRunner()

FRAMEWORK = """priorities:
  - id: minds
    title: Improve mental health
    description: Crisis support, talking therapies and suicide prevention.
  - id: homes
    title: Warm homes
    description: Insulate cold and damp homes and tackle fuel poverty.
"""
TRUST = (
    "# Trust strategy\n\n## Our priorities\n\n"
    "- We will improve mental health with crisis support and talking therapies.\n"
)
SUMMARY = (
    "# Trust strategy: a summary\n\n## What we will do\n\n"
    "- Better mental health: suicide prevention and crisis support for every adult.\n"
)
COUNCIL = "# Council plan\n\n## Our priorities\n\n- We will insulate 3,000 cold, damp homes.\n"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "priorities.yaml").write_text(FRAMEWORK, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "trust-strategy.md").write_text(TRUST, encoding="utf-8")
    (docs / "trust-summary.md").write_text(SUMMARY, encoding="utf-8")
    (docs / "council-plan.md").write_text(COUNCIL, encoding="utf-8")
    return docs


def _check(tmp_path: Path, *options: str):  # type: ignore[no-untyped-def]
    docs = _folder(tmp_path)
    framework = str(tmp_path / "priorities.yaml")
    arguments = ["check", str(docs), "-f", framework, "--matcher", "lexical", "--no-cache"]
    return runner.invoke(app, [*arguments, *options], env={"COLUMNS": "200"})


def test_a_partner_s_documents_are_one_partner_in_every_overlap(tmp_path: Path) -> None:
    apart = json.loads(_check(tmp_path, "--format", "json").stdout)
    minds = next(o for o in apart["overlaps"]["priorities"] if o["priority_id"] == "minds")
    assert minds["partners"] == 2 and len(minds["documents"]) == 2
    result = _check(tmp_path, "--format", "json", "--partner", "Northfen Trust=trust-*")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {d["name"]: d["partner"] for d in data["documents"]} == {
        "council-plan": None,
        "trust-strategy": "Northfen Trust",
        "trust-summary": "Northfen Trust",
    }
    assert data["overlaps"]["priorities"] == []
    minds = next(p for p in data["summary"]["priorities"] if p["priority_id"] == "minds")
    assert minds["partners"] == 1


def test_the_reports_name_the_partner_and_say_overlaps_count_partners(tmp_path: Path) -> None:
    grouped = ("--partner", "Northfen Trust=trust-*")
    terminal = _check(tmp_path, *grouped).stdout
    assert "no priority is addressed by two or more partners" in terminal
    markdown = _check(tmp_path, *grouped, "--format", "markdown").stdout
    assert "No priority is addressed by two or more partners." in markdown
    assert "two or more documents" not in _check(tmp_path, *grouped, "--format", "html").stdout
    both = _check(tmp_path, *grouped, "--partner", "Council=council-*").stdout
    assert "two or more partners" in both
    two = _check(tmp_path, "--partner", "Northfen Trust=trust-strategy").stdout
    assert "✔ Northfen Trust: trust-strategy" in two and "✔ trust-summary" in two


def test_a_partner_glob_that_names_nothing_or_a_malformed_one_is_said(tmp_path: Path) -> None:
    result = _check(tmp_path, "--partner", "Trust=trsut-*", "--partner", "Both=*-plan")
    assert result.exit_code == 0
    assert "alignck: warning: --partner 'Trust=trsut-*' names no document checked" in result.stderr
    twice = _check(tmp_path, "--partner", "Trust=trust-*", "--partner", "Strategies=*-strategy")
    assert (
        "named by --partner 'Trust' and 'Strategies'; counted as published by Trust" in twice.stderr
    )
    wrong = _check(tmp_path, "--partner", "trust-*")
    assert wrong.exit_code == 2
    assert wrong.stderr.strip() == (
        "alignck: error: --partner takes NAME=GLOB ('Northfen Trust=nmc-*'), not 'trust-*'"
    )


def test_the_library_takes_partners_as_the_command_line_does(tmp_path: Path) -> None:
    docs = _folder(tmp_path)
    framework = tmp_path / "priorities.yaml"
    report = alignck.check(docs, framework, matcher="lexical", partners={"Trust": "trust-*"})
    assert {report.name(d.path): d.partner for d in report.documents}["trust-summary"] == "Trust"
    assert report.analysis.overlaps == ()


def test_a_partner_s_own_page_does_not_name_its_own_documents_as_others(tmp_path: Path) -> None:
    # The tester's summary page named her trust's full strategy as who to talk to.
    docs = _folder(tmp_path)
    (docs / "trust-summary.md").write_text("# Trust summary\n\nOur staff.\n", encoding="utf-8")
    pages = tmp_path / "pages"
    framework = str(tmp_path / "priorities.yaml")
    arguments = ["check", str(docs), "-f", framework, "--matcher", "lexical", "--no-cache"]
    apart = runner.invoke(app, [*arguments, "--per-document", str(pages)])
    assert apart.exit_code == 0, apart.stderr
    assert "✔ trust-strategy (aligned)" in (pages / "trust-summary.md").read_text("utf-8")
    grouped = ["--partner", "Trust=trust-*", "--per-document", str(pages)]
    assert runner.invoke(app, [*arguments, *grouped]).exit_code == 0
    page = (pages / "trust-summary.md").read_text("utf-8")
    assert "trust-strategy" not in page
    assert "no other partner addresses it yet" in page


def test_a_copy_among_one_partner_s_documents_is_not_said_to_be_a_second_partner(
    tmp_path: Path,
) -> None:
    docs = _folder(tmp_path)
    (docs / "trust-web.md").write_text(TRUST, encoding="utf-8")

    def warned(*options: str) -> str:
        data = json.loads(_check(tmp_path, "--format", "json", *options).stdout)
        return " ".join(w for d in data["documents"] for w in d["warnings"])

    assert "it counts as a second partner" in warned()
    grouped = warned("--partner", "Trust=trust-*")
    assert "it counts as a second partner" not in grouped
    assert "both are published by Trust, so it counts once in overlaps" in grouped


def test_a_slip_in_a_glob_is_told_the_near_name_and_a_bare_name_in_two_folders_is_warned(
    tmp_path: Path,
) -> None:
    # A partnership analyst's 'VCS=vsc-*' said only that it named nothing, and
    # 'Trust=strategy' took the council's strategy.md too, silently.
    docs = _folder(tmp_path)
    slip = _check(tmp_path, "--partner", "Trust=trsut-*")
    assert "names no document checked; did you mean" in slip.stderr
    for folder in ("council", "trust"):
        (docs / folder).mkdir()
        (docs / folder / "strategy.md").write_text(TRUST, encoding="utf-8")
    bare = _check(tmp_path, "--partner", "Trust=strategy")
    assert "--partner 'Trust=strategy' names documents in different folders" in bare.stderr
    folder = _check(tmp_path, "--partner", f"Trust={docs / 'trust'}/")
    assert "different folders" not in folder.stderr


def test_names_differing_by_case_are_one_partner_and_pages_say_whose(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    result = _check(
        tmp_path,
        "--format",
        "json",
        "--partner",
        "Trust=trust-strategy",
        "--partner",
        "trust=trust-summary",
        "--per-document",
        str(pages),
    )
    data = json.loads(result.stdout)
    named = {d["name"]: d["partner"] for d in data["documents"]}
    assert named["trust-strategy"] == named["trust-summary"] == "Trust"
    assert "Partner: Trust" in (pages / "trust-summary.md").read_text("utf-8")
    assert "Partner:" not in (pages / "council-plan.md").read_text("utf-8")


def test_shared_candidates_and_overlaps_say_how_many_partners(tmp_path: Path) -> None:
    docs = _folder(tmp_path)
    climate = "\n## Our priorities\n\n- Deliver a net zero estate by 2030\n"
    for name in ("trust-strategy.md", "trust-summary.md"):
        path = docs / name
        path.write_text(path.read_text("utf-8") + climate, encoding="utf-8")
    framework = str(tmp_path / "priorities.yaml")
    arguments = ["check", str(docs), "-f", framework, "--matcher", "lexical", "--no-cache"]

    def run(*options: str) -> str:
        return runner.invoke(app, [*arguments, *options]).stdout

    shared = json.loads(run("--format", "json"))["overlaps"]["shared_outside_framework"]
    assert [(g["label"], g["partners"]) for g in shared] == [
        ("Deliver a net zero estate by 2030", 2)
    ]
    grouped = json.loads(run("--format", "json", "--partner", "Trust=trust-*"))
    assert grouped["overlaps"]["shared_outside_framework"] == []
    # The council and the trust both address mental health? Only the trust does here: with a
    # second partner addressing it, the Markdown counts partners beside the documents.
    (docs / "council-plan.md").write_text(COUNCIL + TRUST.split("\n\n", 1)[1], "utf-8")
    markdown = run("--format", "markdown", "--partner", "Trust=trust-*")
    assert "| Priority | Partners | Documents (✔ aligned, ◐ partial) |" in markdown
    assert "| Partners |" not in run("--format", "markdown")


def test_a_waiver_or_review_whose_glob_reaches_another_partner_s_documents_is_warned(
    tmp_path: Path,
) -> None:
    """A secretary's 'trust-*' waiver, written for the acute trust, also waived the mental
    health trust's new strategy: with partners named, a glob over two partners is said."""
    _folder(tmp_path)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - priority: homes\n    document: 'trust-*'\n    reason: The acute trust.\n"
        "  - priority: minds\n    document: '*'\n    reason: Everyone's.\n"
        "  - priority: homes\n    document: 'council-*'\n    reason: One partner.\n",
        encoding="utf-8",
    )
    two = ("--partner", "Acute=trust-strategy", "--partner", "Mental health=trust-summary")
    result = _check(tmp_path, "--waivers", str(waivers), *two, "-q", "-o", "-")
    stderr = result.stderr.replace("\n", " ")
    assert "names 'trust-*', which matches documents of 2 partners (Acute, Mental health)" in (
        stderr
    ), stderr
    assert "names '*'" not in stderr and "names 'council-*'" not in stderr
    # One partner's two documents: nothing to say.
    one = _check(tmp_path, "--waivers", str(waivers), "--partner", "Trust=trust-*", "-q", "-o", "-")
    assert "matches documents of" not in one.stderr
    # Without --partner, a glob is meant for what it matches, as before; and documents no
    # --partner names count for nothing (a review: one unrelated --partner made a waiver for
    # every district council warn).
    plain = _check(tmp_path, "--waivers", str(waivers), "-q", "-o", "-")
    assert "matches documents of" not in plain.stderr
    other = _check(
        tmp_path, "--waivers", str(waivers), "--partner", "Council=council-*", "-q", "-o", "-"
    )
    assert "matches documents of" not in other.stderr, other.stderr
    one_named = _check(
        tmp_path, "--waivers", str(waivers), "--partner", "Acute=trust-strategy", "-q", "-o", "-"
    )
    assert "matches documents of" not in one_named.stderr, one_named.stderr
    reviews = tmp_path / "reviews.yaml"
    reviews.write_text(
        "reviews:\n  - priority: homes\n    document: 'trust-*'\n    verdict: gap\n"
        "    reviewer: A. Secretary\n    date: 2027-01-05\n    reason: Not theirs.\n",
        encoding="utf-8",
    )
    reviewed = _check(tmp_path, "--review", str(reviews), *two, "-q", "-o", "-")
    assert "review of 'homes' names 'trust-*', which matches documents of 2 partners" in (
        reviewed.stderr.replace("\n", " ")
    ), reviewed.stderr


def test_every_table_naming_a_document_names_its_partner_too(tmp_path: Path) -> None:
    # Two PCNs' annual reports, told apart by name alone, read as one another's.
    for fmt, first in (("markdown", "## Coverage"), ("terminal", "Coverage"), ("html", "<h2>")):
        out = _check(tmp_path, "--format", fmt, "--partner", "Northfen Trust=trust-*").stdout
        body = out[out.index(first) :]
        assert "Northfen Trust: trust-summary" in body, fmt
        # A document no partner names is named as before.
        assert "council-plan" in body and "Trust: council-plan" not in body, fmt


def test_the_reports_give_each_partner_s_coverage_with_its_documents_together(
    tmp_path: Path,
) -> None:
    from jsonschema import Draft202012Validator

    from alignck.starter import schema_path
    from conftest import strict_schema

    result = _check(tmp_path, "--format", "json", "--partner", "Northfen Trust=trust-*")
    data = json.loads(result.stdout)
    schema = json.loads(schema_path("report").read_text(encoding="utf-8"))
    problems = list(Draft202012Validator(strict_schema(schema)).iter_errors(data))
    assert [p.message for p in problems] == []
    [trust] = data["partners"]
    assert trust["partner"] == "Northfen Trust"
    assert [Path(p).name for p in trust["documents"]] == ["trust-strategy.md", "trust-summary.md"]
    assert trust["verdicts"]["minds"] == "aligned" and trust["gaps"] == ["homes"]
    markdown = _check(tmp_path, "--format", "markdown", "--partner", "Northfen Trust=trust-*")
    table = markdown.stdout[markdown.stdout.index("## Coverage by partner") :]
    assert "| Northfen Trust | trust-strategy; trust-summary | 50% | Warm homes |" in table
    # Without --partner there are no partners to give.
    assert json.loads(_check(tmp_path, "--format", "json").stdout)["partners"] == []
    assert "Coverage by partner" not in _check(tmp_path, "--format", "markdown").stdout


def test_the_ci_formats_keep_a_document_s_name_whatever_its_partner(tmp_path: Path) -> None:
    # A CI server tracks a JUnit case's history by its classname: adding --partner renamed
    # every one.
    plain = _check(tmp_path, "--format", "junit").stdout
    grouped = _check(tmp_path, "--format", "junit", "--partner", "Northfen Trust=trust-*").stdout
    assert 'classname="trust-summary"' in plain
    assert 'classname="trust-summary"' in grouped
    assert "Northfen Trust: trust-summary" not in grouped


def test_a_failing_policy_names_the_document_after_its_partner(tmp_path: Path) -> None:
    result = _check(tmp_path, "--fail-on", "gap", "--partner", "Northfen Trust=trust-*")
    assert result.exit_code == 1
    said = result.stderr.splitlines()
    assert any(line.startswith("alignck: policy failed: Northfen Trust: trust-") for line in said)
    assert any("council-plan leaves a gap on" in line for line in said)
