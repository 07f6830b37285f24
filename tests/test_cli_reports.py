"""Report files through the real command line: the spreadsheet read back with openpyxl, CSV for
Excel, refused extensions, names that tell same-named documents apart, provenance, ``passed``,
and reports alignck wrote left unread on the next run."""

import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from alignck.cli import app
from alignck.renderers import EXTENSIONS
from conftest import EXAMPLES, FRAMEWORK

runner = CliRunner()

FORMULA_NAME = "=HYPERLINK(evil)"


@pytest.fixture
def docs(make_document, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Two partners' 'plan.md' in different folders, one with a name a spreadsheet would run."""
    for name in ("docs/council/plan.md", "docs/trust/plan.md", f"docs/{FORMULA_NAME}.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        make_document(name)
    return tmp_path / "docs"


def _check(docs: Path, framework: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["check", str(docs), "-f", str(framework), *args])


def test_xlsx_has_summary_matrix_and_evidence_sheets(docs, small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "report.xlsx"
    result = _check(docs, small_framework, "-o", str(target), "-q")
    assert result.exit_code == 0, result.output
    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "Matrix", "Evidence", "Outside", "Documents", "Skipped"]
    header = [c.value for c in book["Matrix"][1]]
    assert header[2:] == [FORMULA_NAME, "council/plan", "trust/plan", "System"]
    row = {c.value: c for c in book["Matrix"][2]}
    mental = next(r for r in book["Matrix"].iter_rows(min_row=2) if r[0].value == "mental-health")
    assert mental[3].value == "✔ aligned"
    assert mental[3].fill.start_color.rgb.endswith("C6EFCE")
    warm = next(r for r in book["Matrix"].iter_rows(min_row=2) if r[0].value == "warm-homes")
    assert warm[3].fill.start_color.rgb.endswith(("FFEB9C", "FFC7CE"))
    assert row  # the first priority row was read
    evidence = list(book["Evidence"].iter_rows(values_only=True))
    assert evidence[0][:5] == ("Document", "Path", "Priority id", "Priority", "Verdict")
    assert len(evidence) == 1 + 3 * 3
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["alignck"] == "0.1.0"
    assert len(summary["framework sha256"]) == 64


def test_xlsx_lists_the_stated_priorities_outside_the_framework(
    docs, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # The workbook had no list of what partners state beyond the framework, the one list
    # a board reads to decide what to add to it: every other report format has one.
    target = tmp_path / "report.xlsx"
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    outside = list(load_workbook(target)["Outside"].iter_rows(values_only=True))
    assert outside[0] == (
        "Document",
        "Path",
        "Stated priority",
        "Page",
        "Paragraph",
        "Section",
        "Shared theme",
        "Also stated by",
    )
    names = [FORMULA_NAME, "council/plan", "trust/plan"]
    assert [row[0] for row in outside[1:]] == names
    for row in outside[1:]:
        assert row[2:4] == ("Grow the local economy", None)
        assert isinstance(row[4], int) and "Our priorities" in row[5]
        assert row[6] == "Grow the local economy"
        assert row[7] == "; ".join(n for n in names if n != row[0])


def _stamps(workbook: Path) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(workbook) as archive:
        return {part.date_time for part in archive.infolist()}


def test_xlsx_is_the_same_bytes_from_run_to_run(
    docs, small_framework, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert _check(docs, small_framework, "-o", str(first), "-q").exit_code == 0
    assert _check(docs, small_framework, "-o", str(second), "-q").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    # Not the time it was written, which two runs a second apart would not share.
    assert _stamps(first) == {(1980, 1, 1, 0, 0, 0)}
    properties = load_workbook(first).properties
    assert properties.created == properties.modified == datetime.datetime(1980, 1, 1)


def test_xlsx_carries_the_time_source_date_epoch_gives(
    docs, small_framework, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1733200000")  # 2024-12-03 04:26:40 UTC
    target = tmp_path / "report.xlsx"
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    assert _stamps(target) == {(2024, 12, 3, 4, 26, 40)}
    properties = load_workbook(target).properties
    assert properties.created == properties.modified == datetime.datetime(2024, 12, 3, 4, 26, 40)


@pytest.mark.parametrize("epoch", ["yesterday", "-5"])
def test_a_source_date_epoch_that_is_not_a_number_is_one_line(
    docs, small_framework, tmp_path, monkeypatch, epoch
) -> None:  # type: ignore[no-untyped-def]
    # '-5' wrote 1969 into the workbook, where the message speaks of seconds since 1970.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    target = tmp_path / "report.xlsx"
    result = _check(docs, small_framework, "-o", str(target), "-q")
    assert result.exit_code == 2
    # The documents are copies of one another, which is warned of.
    said = [line for line in result.stderr.splitlines() if "warning:" not in line]
    assert said == [
        "alignck: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, "
        f"not '{epoch}'"
    ]
    assert not target.exists() and list(tmp_path.glob(".report.xlsx*")) == []


def test_xlsx_cells_that_look_like_formulas_stay_text(docs, small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.xlsx"
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    cell = load_workbook(target)["Matrix"].cell(1, 3)
    assert cell.value == FORMULA_NAME
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_xlsx_on_a_terminal_is_refused(docs, small_framework, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("alignck.cli.check.stdout_is_terminal", lambda: True)
    result = _check(docs, small_framework, "--format", "xlsx")
    assert result.exit_code == 2
    assert "give it a name with -o report.xlsx" in result.stderr


def test_csv_for_excel_starts_with_a_byte_order_mark(docs, small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.csv"
    result = _check(docs, small_framework, "--format", "csv-excel", "-o", str(target), "-q")
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdocument,priority_id,")
    assert data.count(b"\r\n") == 1 + 3 * 3


# A document's own binary name ('report.pdf') has a line of its own (test_cli_output.py).
@pytest.mark.parametrize("name", ["report.xlsm", "report.data", "report"])
def test_an_output_extension_that_names_no_format_is_refused(
    docs,
    small_framework,
    tmp_path,
    name,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / name
    result = _check(docs, small_framework, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"alignck: error: {target}: --output has ")
    assert ".xlsx" in result.stderr and "csv-excel" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()


def test_a_format_given_outright_writes_any_file_name(docs, small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.data"
    assert _check(docs, small_framework, "--format", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())["schema_version"] == 1


def test_json_names_documents_and_says_whether_the_run_passed(docs, small_framework) -> None:  # type: ignore[no-untyped-def]
    passed = _check(docs, small_framework, "--format", "json")
    data = json.loads(passed.stdout)
    assert passed.exit_code == 0 and data["passed"] is True
    assert {d["name"] for d in data["documents"]} == {FORMULA_NAME, "council/plan", "trust/plan"}
    assert data["framework"]["sha256"] and data["tool"]["version"]
    failed = _check(docs, small_framework, "--format", "json", "--fail-on", "gap")
    assert failed.exit_code == 1 and json.loads(failed.stdout)["passed"] is False


def test_terminal_tells_same_named_documents_apart(docs, small_framework) -> None:  # type: ignore[no-untyped-def]
    result = _check(docs, small_framework, "--fail-on", "gap")
    assert "council/plan" in result.stdout and "trust/plan" in result.stdout
    assert "alignck: policy failed: council/plan leaves a gap" in result.stderr


@pytest.mark.parametrize("name", ["report.md", "report.txt"])
def test_a_report_saved_in_the_checked_folder_is_not_read_back(
    docs,
    small_framework,
    name,  # type: ignore[no-untyped-def]
) -> None:
    target = docs / name
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    again = _check(docs, small_framework, "--format", "json")
    data = json.loads(again.stdout)
    assert str(target) not in {d["path"] for d in data["documents"]}
    assert {"path": str(target), "reason": "a report written by alignck"} in data["skipped"]
    # and the next run may write it again: it is a report, not a document being checked
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    # Named on the command line it is passed over too, never checked as a strategy.
    named = runner.invoke(
        app, ["check", str(target), str(docs), "-f", str(small_framework), "--format", "json"]
    )
    assert named.exit_code == 0, named.stderr
    data = json.loads(named.stdout)
    assert str(target) not in {d["path"] for d in data["documents"]}
    assert {"path": str(target), "reason": "a report written by alignck"} in data["skipped"]


def test_a_commit_that_changes_only_a_report_has_nothing_to_check_and_passes(
    docs, small_framework, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # A pre-commit hook names only the changed files: here, a report alignck wrote.
    target = docs / "report.md"
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    named = runner.invoke(
        app, ["check", str(target), "-f", str(small_framework), "--fail-on", "gap"]
    )
    assert named.exit_code == 0
    assert "nothing to check: every file named is a report alignck wrote" in named.stderr
    # Its reports say it passed, as its exit code does: nothing checked falls short of no
    # --fail-under (0 of 0 read as 0% coverage, and the JSON and JUnit said it failed).
    json_file, junit_file = tmp_path / "n.json", tmp_path / "n.xml"
    gate = ["--fail-under", "50", "-q", "-o", str(json_file), "-o", str(junit_file)]
    gated = runner.invoke(app, ["check", str(target), "-f", str(small_framework), *gate])
    assert gated.exit_code == 0, gated.stderr
    assert json.loads(json_file.read_text())["passed"] is True
    gated_suites = ET.fromstring(junit_file.read_text(encoding="utf-8"))
    assert (gated_suites.get("failures"), gated_suites.get("skipped")) == ("0", "1")
    # The coverage case is skipped, not passed: 0% of nothing did not reach 50%.
    cases = {c.get("name"): c for c in gated_suites.iter("testcase")}
    assert list(cases) == ["system coverage at least 50%", "nothing to check"]
    assert cases["system coverage at least 50%"].find("skipped") is not None
    assert cases["nothing to check"].find("*[@message]") is None
    # Without a gate, JUnit still holds one passing case: Jenkins fails a build whose report
    # has no test results, and the run passed.
    plain = runner.invoke(
        app, ["check", str(target), "-f", str(small_framework), "-q", "-o", str(junit_file)]
    )
    assert plain.exit_code == 0, plain.stderr
    suites = ET.fromstring(junit_file.read_text(encoding="utf-8"))
    assert suites.get("tests") == "1" and suites.get("failures") == "0"
    assert [c.get("name") for c in suites.iter("testcase")] == ["nothing to check"]
    # An empty folder still fails: it may be a mistyped path.
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(app, ["check", str(empty), "-f", str(small_framework)]).exit_code == 2


def test_per_document_pages_show_gaps_and_who_addresses_them(
    make_document,
    small_framework,
    plan_blocks,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    council_plan = [
        (kind, [*body, "Host a summer arts festival"] if kind == "ul" else body)
        for kind, body in plan_blocks
    ]
    make_document("docs/council.md", council_plan)
    make_document("docs/trust.md", [("h1", "Trust plan"), ("p", "We will end fuel poverty.")])
    pages = tmp_path / "pages"
    result = _check(docs, small_framework, "--per-document", str(pages), "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in pages.iterdir()) == [
        "council.html",
        "council.md",
        "trust.html",
        "trust.md",
    ]
    trust = (pages / "trust.md").read_text(encoding="utf-8")
    assert "| Improve mental health | ✔ council (aligned) |" in trust
    assert "## Outside the framework" in trust and "framework sha256:" in trust
    council = (pages / "council.md").read_text(encoding="utf-8")
    assert "“We will open two crisis cafes" in council
    assert "Host a summer arts festival" in council.split("## Outside the framework")[1]
    page = (pages / "council.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h2>Gaps</h2>" in page


def test_pages_left_by_a_document_that_left_the_run_are_named(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    make_document("docs/council.md")
    make_document("docs/trust.md", [("h1", "Trust plan"), ("p", "We will end fuel poverty.")])
    pages = tmp_path / "pages"
    (pages).mkdir()
    (pages / "notes.md").write_text("# Our own notes\n", encoding="utf-8")
    assert _check(docs, small_framework, "--per-document", str(pages)).exit_code == 0
    (docs / "trust.md").unlink()
    result = _check(docs, small_framework, "--per-document", str(pages))
    assert result.exit_code == 0, result.output
    assert f"alignck: wrote 2 pages to {pages}" in result.stderr
    assert (
        f"alignck: note: {pages} also holds 2 pages an earlier run wrote for documents not "
        "checked now (trust.html, trust.md)"
    ) in result.stderr
    assert (pages / "trust.md").exists() and (pages / "notes.md").exists()  # never removed
    # A whole-run report kept there is no page of a document that left.
    summary = pages / "summary.md"
    assert _check(docs, small_framework, "-o", str(summary), "-q").exit_code == 0
    again = _check(docs, small_framework, "--per-document", str(pages))
    assert "summary.md" not in again.stderr and "(trust.html, trust.md)" in again.stderr
    # Back but unreadable: its error says why it has no page now, not a note.
    (docs / "trust.pdf").write_bytes(b"%PDF-1.4 broken")
    broken = _check(docs, small_framework, "--per-document", str(pages))
    assert broken.exit_code == 2 and "trust.pdf" in broken.stderr
    assert "also holds" not in broken.stderr


def test_per_document_pages_in_the_checked_folder_are_not_read_back(
    docs,
    small_framework,  # type: ignore[no-untyped-def]
) -> None:
    assert _check(docs, small_framework, "--per-document", str(docs), "-q").exit_code == 0
    again = json.loads(_check(docs, small_framework, "--format", "json").stdout)
    assert len(again["documents"]) == 3
    # Each document's Markdown page and its HTML page, which alignck also reads (web pages).
    assert sum(s["reason"] == "a report written by alignck" for s in again["skipped"]) == 6


@pytest.mark.parametrize(
    ("output", "said"),
    [
        (
            "pages/plan.md",
            "--output is a .md file in the --per-document folder, where a document's page may "
            "take its name; write the report outside {pages}",
        ),
        (
            "pages",
            "--output and --per-document name the same path; give the report a file name of "
            "its own and the pages a folder",
        ),
    ],
)
def test_the_report_and_the_pages_never_take_each_other_s_place(
    docs, small_framework, tmp_path, output, said
) -> None:  # type: ignore[no-untyped-def]
    # Refused before any work: the report overwrote a document's page, or the pages' folder
    # was made where the report was to go, and the run failed at its end.
    pages, target = tmp_path / "pages", tmp_path / output
    result = _check(docs, small_framework, "-o", str(target), "--per-document", str(pages))
    assert result.exit_code == 2
    assert result.stderr == f"alignck: error: {target}: {said.format(pages=pages)}\n"
    assert not pages.exists()


def test_per_document_refuses_a_file_and_never_overwrites_a_document(
    make_document,
    small_framework,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    plan = make_document("plan.md")
    before = plan.read_bytes()
    refused = _check(plan, small_framework, "--per-document", str(plan))
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        f"alignck: error: {plan}: --per-document is a regular file; give a folder for the pages"
    )
    onto = _check(plan, small_framework, "--per-document", str(tmp_path))
    assert onto.exit_code == 2
    assert onto.stderr.startswith(f"alignck: error: {tmp_path / 'plan.md'}: --per-document would ")
    assert "overwrite a document being checked" in onto.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize("page", ["plan.md", "plan.html"])
def test_per_document_never_replaces_a_file_alignck_did_not_write(
    make_document, small_framework, tmp_path, page
) -> None:  # type: ignore[no-untyped-def]
    # 'my notes' kept in the folder under a document's name were replaced by its page.
    (tmp_path / "docs").mkdir()
    plan = make_document("docs/plan.md")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / page).write_text("my notes\n", encoding="utf-8")
    report = tmp_path / "o.json"
    result = _check(
        plan.parent, small_framework, "--per-document", str(notes), "-q", "-o", str(report)
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"alignck: error: {notes / page}: --per-document would replace this file with a "
        "document's page, and alignck did not write it; move it, or give another folder for "
        "the pages\n"
    )
    assert [p.name for p in notes.iterdir()] == [page]
    assert (notes / page).read_text(encoding="utf-8") == "my notes\n"
    assert not report.exists()  # refused before any work
    # Its own pages, from an earlier run, it replaces.
    (notes / page).unlink()
    for _ in range(2):
        again = _check(plan.parent, small_framework, "--per-document", str(notes), "-q")
        assert again.exit_code == 0, again.stderr
    assert sorted(p.name for p in notes.iterdir()) == ["plan.html", "plan.md"]


def test_xlsx_to_a_pipe_is_a_whole_workbook(docs, small_framework) -> None:  # type: ignore[no-untyped-def]
    result = _check(docs, small_framework, "--format", "xlsx")
    assert result.exit_code == 0
    book = load_workbook(io.BytesIO(result.stdout_bytes))
    assert book.sheetnames == ["Summary", "Matrix", "Evidence", "Outside", "Documents", "Skipped"]


@pytest.mark.parametrize(("fmt", "name"), [("json", "report.xlsx"), ("xlsx", "report.csv")])
def test_a_format_that_contradicts_a_binary_extension_is_refused(
    docs,
    small_framework,
    tmp_path,
    fmt,
    name,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / name
    result = _check(docs, small_framework, "--format", fmt, "-o", str(target))
    assert result.exit_code == 2
    assert f"but --format is {fmt}" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("junit", "alignck.sarif"),
        ("sarif", "alignck.xml"),
        ("csv", "alignck.json"),
        ("json", "board.md"),
        ("markdown", "board.txt"),
        ("terminal", "board.html"),
        ("github", "alignck.xml"),
        ("csv-excel", "board.json"),
    ],
)
def test_a_format_that_contradicts_a_text_extension_is_refused(
    docs, small_framework, tmp_path, fmt, name
) -> None:  # type: ignore[no-untyped-def]
    # JUnit written to alignck.sarif exited 0: GitHub's SARIF upload failed a step later,
    # or GitLab's test view found SARIF in alignck.xml.
    target = tmp_path / name
    result = _check(docs, small_framework, "--format", fmt, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"alignck: error: {target}: --output's extension '{target.suffix}' names "
        f"{EXTENSIONS[target.suffix]}, but --format is {fmt}; give a file name that fits the "
        "format, or leave out --format"
    )
    assert not target.exists()


def test_a_sarif_json_name_is_written_as_sarif_without_format(
    docs, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # 'alignck.sarif.json', SARIF's other usual name, was read by its last suffix and got
    # alignck's own JSON: the CI step uploading it as SARIF failed.
    target = tmp_path / "alignck.Sarif.json"
    result = _check(docs, small_framework, "-o", str(target), "-q")
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    refused = _check(
        docs, small_framework, "-o", str(tmp_path / "r.sarif.json"), "--format", "json"
    )
    assert refused.exit_code == 2
    assert "extension '.sarif.json' names sarif, but --format is json" in refused.stderr


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("sarif", "alignck.sarif.json"),
        ("sarif", "alignck.json"),
        ("csv-excel", "board.csv"),
        ("github", "annotations.txt"),
        ("json", "report.data"),
        ("junit", "report.junit"),
    ],
)
def test_a_format_its_extension_s_readers_read_is_written(
    docs, small_framework, tmp_path, fmt, name
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / name
    result = _check(docs, small_framework, "--format", fmt, "-o", str(target), "-q")
    assert result.exit_code == 0, result.stderr
    assert target.is_file()


@pytest.mark.parametrize(
    ("fmt", "name", "own"),
    [
        ("json", "board.text", "board.json"),
        ("html", "board.text", "board.html"),
        ("csv", "board.text", "board.csv"),
        ("junit", "x.text", "x.xml"),
        ("csv-excel", "board.text", "board.csv"),
        ("github", "ann.txt", None),
    ],
)
def test_a_report_in_a_file_read_as_a_document_must_carry_the_mark(
    docs,
    small_framework,
    tmp_path,
    fmt,
    name,
    own,  # type: ignore[no-untyped-def]
) -> None:
    # Saved into the folder being checked, it would have been read as one more partner.
    target = docs / name
    result = _check(docs, small_framework, "--format", fmt, "-o", str(target))
    assert result.exit_code == 2
    instead = f"name it {own}" if own else "give it another extension"
    assert result.stderr == (
        f"alignck: error: {target}: a {fmt} report named '{target.suffix}' in a folder being "
        "checked would be read as a partner's document by the next run (alignck reads .docm, "
        ".docx, .htm, .html, .markdown, .md, .odt, .pdf, .text, .txt files); "
        f"{instead}, or write it outside the folders checked\n"
    )
    assert not target.exists()
    # Outside the folders checked, or hidden (never read from a folder), any name will do.
    for elsewhere in (tmp_path / "out" / name, docs / f".{name}"):
        assert _check(docs, small_framework, "--format", fmt, "-o", str(elsewhere)).exit_code == 0
        assert elsewhere.exists()


@pytest.mark.parametrize(("fmt", "name"), [("terminal", "board.text"), ("markdown", "board.text")])
def test_a_marked_report_in_another_document_extension_is_skipped_next_time(
    docs,
    small_framework,
    fmt,
    name,  # type: ignore[no-untyped-def]
) -> None:
    target = docs / name
    assert _check(docs, small_framework, "--format", fmt, "-o", str(target), "-q").exit_code == 0
    again = _check(docs, small_framework, "--format", "json")
    skipped = {s["path"]: s["reason"] for s in json.loads(again.stdout)["skipped"]}
    assert skipped[str(target)] == "a report written by alignck"


def test_nothing_to_check_still_writes_the_report_file_it_was_asked_for(
    docs, small_framework, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # A CI job reads the file -o names: left unwritten, an earlier run's stood for this one.
    target = docs / "report.md"
    assert _check(docs, small_framework, "-o", str(target), "-q").exit_code == 0
    junit = tmp_path / "out" / "alignck.xml"
    junit.parent.mkdir()
    junit.write_text("<stale/>", encoding="utf-8")
    named = runner.invoke(
        app, ["check", str(target), "-f", str(small_framework), "-o", str(junit), "-q"]
    )
    assert named.exit_code == 0, named.stderr
    root = ET.fromstring(junit.read_text(encoding="utf-8"))
    assert root.tag == "testsuites" and root.get("failures") == "0"


def test_ci_formats_place_quoted_findings_on_the_line_of_a_markdown_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every finding sat on line 1, so a pull request showed them all at the top of the draft.
    monkeypatch.chdir(tmp_path)
    Path("priorities.yaml").write_text(
        "framework: {name: Test}\n"
        "priorities:\n"
        "  - {id: homes, title: Warm homes, keywords: [damp]}\n"
        "  - {id: trees, title: Plant trees}\n",
        encoding="utf-8",
    )
    Path("draft.md").write_text(
        "# Draft plan\n\n## Our priorities\n\n"
        "- Warm homes without damp or mould\n"
        "- Grow volunteering across the county\n",
        encoding="utf-8",
    )
    sarif = runner.invoke(app, ["check", "draft.md", "--matcher", "lexical", "--format", "sarif"])
    github = runner.invoke(app, ["check", "draft.md", "--matcher", "lexical", "--format", "github"])
    assert sarif.exit_code == 0 and github.exit_code == 0, sarif.output + github.output
    lines = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in json.loads(sarif.stdout)["runs"][0]["results"]
    }
    # the stated priority outside the framework on its own line; the gap on the document
    assert lines == {"ACK003": 6, "ACK001": 1}
    annotations = [line for line in github.stdout.splitlines() if "file=draft.md" in line]
    assert any("line=6" in line and "outside the framework" in line for line in annotations)
    assert any("line=" not in line and "Plant trees" in line for line in annotations)


# Each hides an earlier copy of the priority listed below it, or (the last) says it earlier.
_EARLIER_COPIES = {
    "comment": "<!-- old draft:\nWe will widen the bypass around Fenby.\n-->",
    "struck": "~~We will widen the bypass around Fenby.~~",
    "code": "```\nWe will widen the bypass around Fenby.\n```",
    "footnote": "[^1]: We will widen the bypass around Fenby.",
    "hidden": "<div hidden>\n\nWe will widen the bypass around Fenby.\n\n</div>",
    "paragraph": "Last year: we will widen the bypass around Fenby.",
}


@pytest.mark.parametrize("earlier", list(_EARLIER_COPIES.values()), ids=list(_EARLIER_COPIES))
def test_ci_formats_place_a_quote_in_its_own_paragraph_not_an_earlier_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier: str
) -> None:
    # Annotations went to the first line reading like the quote, hidden or not.
    monkeypatch.chdir(tmp_path)
    Path("fw.yaml").write_text(
        "priorities:\n  - {id: leisure, title: Leisure centres, keywords: [leisure]}\n",
        encoding="utf-8",
    )
    text = (
        f"# Plan\n\n{earlier}\n\n## Our priorities\n\n"
        "1. **Roads.** We will resurface every street.\n"
        "2. We will widen the bypass around Fenby.\n"
        "3. We will build a new leisure centre in Fenby.\n"
    )
    Path("p.md").write_text(text, encoding="utf-8")
    roads = text.split("\n").index("1. **Roads.** We will resurface every street.") + 1
    args = ["check", "p.md", "-f", "fw.yaml", "--matcher", "lexical", "--format"]
    github = runner.invoke(app, [*args, "github"])
    sarif = runner.invoke(app, [*args, "sarif"])
    assert github.exit_code == sarif.exit_code == 0, github.output + sarif.output
    placed = {
        line.split("outside the framework%3A ")[1].split("::")[0]: line.split(",")[1]
        for line in github.stdout.splitlines()
        if "outside the framework" in line
    }
    # A name too short to be sought in the file is placed on its item's line too.
    bypass = "We will widen the bypass around Fenby"
    assert placed == {"Roads": f"line={roads}", bypass: f"line={roads + 1}"}
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert sorted(lines) == [roads, roads + 1]


def test_one_document_s_gaps_are_listed_once(tmp_path: Path) -> None:
    # 'every document' repeated the one document's row.
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n  - {id: homes, title: Warm homes}\n  - {id: air, title: Clean air}\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will insulate 500 homes.\n", encoding="utf-8")
    args = ["check", str(plan), "-f", str(framework), "--matcher", "lexical", "--no-evidence"]
    shown = runner.invoke(app, args).stdout
    gaps = shown.split("Gaps:")[1].split("Overlaps")[0]
    assert "Clean air" in gaps and "every document" not in gaps


def test_no_evidence_keeps_quotes_out_of_the_html_grid_too(tmp_path: Path) -> None:
    # The Evidence section went, but every cell of the coverage grid still opened to its
    # quotes, so a resident's case study stayed in the page (an IG officer's test).
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n  - {id: homes, title: Warm homes}\n  - {id: air, title: Clean air}\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Plan\n\nWe will insulate 500 homes, as Mrs Testperson of Elm Road asked us to.\n",
        encoding="utf-8",
    )
    pages = {}
    for flag in ("--evidence", "--no-evidence"):
        page = tmp_path / f"r{flag}.html"
        args = ["check", str(plan), "-f", str(framework), "--matcher", "lexical", flag]
        result = runner.invoke(app, [*args, "--no-cache", "-q", "-o", str(page)])
        assert result.exit_code == 0, result.output
        pages[flag] = page.read_text(encoding="utf-8")
    assert "Mrs Testperson" in pages["--evidence"]
    assert "Mrs Testperson" not in pages["--no-evidence"]
    assert "<details><summary>" not in pages["--no-evidence"].split('id="matrix"')[1]
    # Each cell still says its verdict and score.
    grid = pages["--no-evidence"].split('id="matrix"')[1]
    assert len(re.findall(r'class="cell \w+"[^>]*>[✔◐✘] \w+ \d\.\d\d</td>', grid)) == 2


def test_an_empty_outside_table_does_not_say_every_stated_priority_matches_when_none_was_found(
    tmp_path: Path,
) -> None:
    # A trainer's one-sentence document: the table said 'every stated priority matches the
    # framework', which a board reads as nothing beyond it, beside a warning that none was found.
    framework = tmp_path / "priorities.yaml"
    framework.write_text("priorities:\n  - id: minds\n    title: Improve mental health\n", "utf-8")
    prose = tmp_path / "prose.md"
    prose.write_text("# Plan\n\nOur council works hard for residents every day.\n", "utf-8")
    trust = tmp_path / "trust.md"
    trust.write_text("# Trust\n\n## Our priorities\n\n- Improve mental health for all\n", "utf-8")

    def said(*paths: Path, fmt: str = "terminal") -> str:
        arguments = ["check", *map(str, paths), "-f", str(framework), "--no-cache"]
        result = runner.invoke(app, [*arguments, "--format", fmt], env={"COLUMNS": "300"})
        return " ".join(result.stdout.replace("&#x27;", "'").split())

    for fmt in ("terminal", "markdown", "html"):
        both = said(prose, trust, fmt=fmt)
        assert "Every stated priority matches the framework" not in both, fmt
        assert "alignck found none stated in prose, which can show nothing here" in both, fmt
        assert "found no stated priority in any document" in said(prose, fmt=fmt), fmt
        assert "Every stated priority matches the framework." in said(trust, fmt=fmt), fmt
    pages = tmp_path / "pages"
    arguments = ["check", str(prose), str(trust), "-f", str(framework), "--no-cache"]
    runner.invoke(app, [*arguments, "--per-document", str(pages)])
    page = " ".join((pages / "prose.md").read_text("utf-8").split())
    assert "alignck found no stated priority in this document" in page
    assert "Every stated priority matches" in (pages / "trust.md").read_text("utf-8")


def test_an_empty_outside_sheet_says_why_as_the_other_formats_do(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    framework = tmp_path / "priorities.yaml"
    framework.write_text("priorities:\n  - id: minds\n    title: Improve mental health\n", "utf-8")
    prose = tmp_path / "prose.md"
    prose.write_text("# Plan\n\nOur council works hard for residents every day.\n", "utf-8")
    target = tmp_path / "report.xlsx"
    arguments = ["check", str(prose), "-f", str(framework), "--no-cache", "-o", str(target)]
    assert runner.invoke(app, arguments).exit_code == 0
    rows = list(load_workbook(target)["Outside"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Document", "Path", "Stated priority")
    assert len(rows) == 2 and "found no stated priority in any document" in str(rows[1][0])


def test_system_coverage_in_json_sarif_and_xlsx_stays_on_the_policy_s_side(
    tmp_path: Path,
) -> None:
    # An assurance officer's workbook said 'System 64.3' beside 'below --fail-under 64.3%'
    # (64.29% exactly), and the JSON and SARIF 64.3 with passed false; at 7.14 the run passed
    # beside a coverage of 7.1.
    plan = EXAMPLES / "riverside-county-council-plan.docx"
    base = ["check", str(plan), "-f", str(FRAMEWORK), "--matcher", "lexical", "--no-cache"]
    plain = json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)
    counts = plain["summary"]["system_coverage"]
    exact = (
        100
        * (counts["aligned"] + counts["partial"] / 2)
        / (counts["aligned"] + counts["partial"] + counts["gap"])
    )
    rounded = counts["percent"]
    assert rounded != exact
    # A limit between the share and its rounding: the run passes or fails by the exact share,
    # and the rounded figure would say the opposite.
    limit = rounded if rounded > exact else round((rounded + exact) / 2, 4)
    passes = exact >= limit
    given = [*base, "--fail-under", str(limit)]
    data = json.loads(runner.invoke(app, [*given, "--format", "json"]).stdout)
    assert data["passed"] is passes
    assert (data["summary"]["system_coverage"]["percent"] >= limit) is passes
    sarif = json.loads(runner.invoke(app, [*given, "--format", "sarif"]).stdout)
    assert (sarif["runs"][0]["properties"]["systemCoverage"] >= limit) is passes
    book = tmp_path / "r.xlsx"
    runner.invoke(app, [*given, "-o", str(book)])
    rows = list(load_workbook(book)["Summary"].iter_rows(values_only=True))
    system = next(row for row in rows if str(row[0]).startswith("System"))
    assert (system[2] >= limit) is passes
    matrix = list(load_workbook(book)["Matrix"].iter_rows(values_only=True))
    assert (matrix[-1][-1] >= limit) is passes


def test_a_coverage_share_rounds_a_half_up_as_every_format_does() -> None:
    from alignck.analyse import rounded_share

    assert [rounded_share(v) for v in (31.25, 18.75, 81.25, 64.2857)] == [31.3, 18.8, 81.3, 64.3]
    assert rounded_share(99.95) == 99.95 and rounded_share(0.04) == 0.04


def test_a_document_s_warning_reaches_github_junit_and_its_own_page(tmp_path: Path) -> None:
    # An empty draft was eight ordinary gap annotations in GitHub and JUnit, and its page
    # showed only gaps: 'no text found' reached the JSON, Markdown, HTML and SARIF alone.
    framework = tmp_path / "priorities.yaml"
    framework.write_text("priorities:\n  - id: minds\n    title: Improve mental health\n", "utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty-draft.md").write_text("\n\n", "utf-8")
    (docs / "plan.md").write_text("# Plan\n\n- We will improve mental health.\n", "utf-8")
    base = ["check", str(docs), "-f", str(framework), "--matcher", "lexical", "--no-cache"]
    github = runner.invoke(app, [*base, "--format", "github"]).stdout
    assert (
        "::warning file=" in github and "empty-draft.md,title=alignck document::no text" in github
    )
    junit = ET.fromstring(runner.invoke(app, [*base, "--format", "junit"]).stdout)
    said = {s.get("name"): s.findtext("system-err") for s in junit.iter("testsuite")}
    empty = next(name for name in said if name and name.endswith("empty-draft.md"))
    assert said[empty] is not None and said[empty].startswith("warning: no text found")
    assert not any(v for k, v in said.items() if k and k.endswith("plan.md"))
    pages = tmp_path / "pages"
    runner.invoke(app, [*base, "--per-document", str(pages)])
    page = (pages / "empty-draft.md").read_text("utf-8")
    assert "## Warnings" in page and "no text found" in page
    assert "## Warnings" not in (pages / "plan.md").read_text("utf-8")


def test_past_a_dozen_documents_the_terminal_still_gives_each_one_s_coverage(
    tmp_path: Path,
) -> None:
    # The counts per priority left no document's own coverage in the terminal report.
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n  - id: minds\n    title: Improve mental health\n"
        "  - id: homes\n    title: Warm homes\n",
        "utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(14):
        text = "# Plan\n\n- We will improve mental health with talking therapies.\n"
        if n == 3:
            text = "# Plan\n\n- We will insulate cold homes.\n- We will improve mental health.\n"
        (docs / f"ward-{n:02d}.md").write_text(text + f"\nWard {n}.\n", "utf-8")
    arguments = ["check", str(docs), "-f", str(framework), "--matcher", "lexical", "--no-cache"]
    shown = runner.invoke(app, arguments, env={"COLUMNS": "120"}).stdout
    listed = shown.split("Coverage by document, lowest first")[1].split("\n\n")[0]
    rows = [line.split() for line in listed.strip().splitlines()]
    assert len(rows) == 14
    # Lowest first: the one ward that addresses both priorities comes last.
    assert rows[-1][1] == "ward-03" and rows[-1][0] != "50%"
    assert all(row[0] == "50%" for row in rows[:-1])
