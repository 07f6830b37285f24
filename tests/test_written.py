"""Which files are reports alignck wrote: discovery skips them, a failed run removes them."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.cli.app import ReportFormat
from alignck.renderers import BINARY_FORMATS, RENDERERS
from alignck.written import is_report, written_by_alignck

runner = CliRunner()

# Every text format check writes (from the registry: a new format is held to this too).
CHECK_FORMATS = [f for f in RENDERERS if f not in BINARY_FORMATS and f != "terminal"]
DIFF_FORMATS = ["json", "markdown", "junit", "sarif", "github"]


def test_the_format_option_offers_every_registered_format_and_no_other() -> None:
    # A format is registered once in RENDERERS and once as --format's choice: the two must
    # agree, or a renderer is unreachable (or a choice has no renderer).
    assert sorted(f.value for f in ReportFormat) == sorted(RENDERERS)


@pytest.fixture
def saved(make_document, small_framework, tmp_path):  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    report = tmp_path / "run.json"
    runner.invoke(app, ["check", str(plan), "-f", str(small_framework), "-o", str(report)])
    return plan, small_framework, report


@pytest.mark.parametrize("fmt", [*CHECK_FORMATS, "terminal"])
def test_every_text_report_of_check_is_known_as_one(saved, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    plan, framework, _ = saved
    target = tmp_path / f"out.{fmt}"
    args = ["check", str(plan), "-f", str(framework), "--format", fmt, "-o", str(target), "-q"]
    assert runner.invoke(app, args).exit_code in (0, 1)
    assert is_report(target)


@pytest.mark.parametrize("fmt", [*CHECK_FORMATS, "terminal"])
def test_a_report_on_a_framework_named_with_quotes_is_known_as_one(saved, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    # JUnit quotes such a name in single quotes, and a failed run left the earlier run's
    # JUnit report (a pass) at its --output for CI to upload.
    plan, framework, _ = saved
    quoted = tmp_path / "quoted.yaml"
    text = framework.read_text(encoding="utf-8").replace("Test framework", "'Say \"hi\"'")
    quoted.write_text(text, encoding="utf-8")
    target = tmp_path / f"out.{fmt}"
    args = ["check", str(plan), "-f", str(quoted), "--format", fmt, "-o", str(target), "-q"]
    assert runner.invoke(app, args).exit_code in (0, 1)
    assert "Say " in target.read_text(encoding="utf-8") or fmt in ("csv", "csv-excel")
    assert is_report(target)


@pytest.mark.parametrize("fmt", DIFF_FORMATS)
def test_every_text_report_of_diff_is_known_as_one(saved, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    _, _, report = saved
    target = tmp_path / f"diff.{fmt}"
    args = ["diff", str(report), str(report), "--format", fmt, "-o", str(target), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    assert is_report(target)


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": 1, "tool": {"name": "other"}}',
        '{"name": "alignck", "version": "1"}',
        "document,priority,notes\n",
        "# Our plan\n\nalignck · was used to check this plan.\n",
        "<html><body>alignck</body></html>",
        "",
    ],
    ids=["other json", "package.json", "csv", "markdown", "html", "empty"],
)
def test_a_file_that_merely_mentions_alignck_is_not_a_report(tmp_path: Path, text: str) -> None:
    from alignck.written import written_by_alignck

    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    assert not is_report(path)
    assert not is_report(tmp_path)
    assert not written_by_alignck(path)


@pytest.mark.parametrize("name", ["report.md", "report.txt", "diff.md", "diff.txt", "page.md"])
def test_every_marked_report_is_skipped_as_written_by_alignck(
    saved, tmp_path: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    from alignck.written import written_by_alignck

    plan, framework, report = saved
    target = tmp_path / "out" / name
    target.parent.mkdir()
    if name.startswith("report"):
        args = ["check", str(plan), "-f", str(framework), "-o", str(target), "-q"]
    elif name.startswith("diff"):
        args = ["diff", str(report), str(report), "-o", str(target), "-q"]
    else:
        pages = tmp_path / "pages"
        args = ["check", str(plan), "-f", str(framework), "--per-document", str(pages), "-q"]
        assert runner.invoke(app, args).exit_code in (0, 1)
        target = next(pages.glob("*.md"))
        args = []
    if args:
        assert runner.invoke(app, args).exit_code in (0, 1)
    assert written_by_alignck(target)


@pytest.mark.parametrize(
    "text",
    [
        "<!-- written by alignck: a report, not a document to check -->\n# Draft strategy\n",
        "alignck · draft\n\n## Our priorities\n\n- Build more car parks.\n",
    ],
)
def test_a_draft_that_only_copies_the_mark_is_still_checked(
    tmp_path: Path, small_framework: Path, text: str
) -> None:
    # One line at its head made a pre-commit check of the draft 'nothing to check', exit 0.
    draft = tmp_path / "plan.md"
    draft.write_text(text + "\n## Our priorities\n\n- Build more car parks.\n", encoding="utf-8")
    args = ["check", str(draft), "-f", str(small_framework), "--fail-on", "gap"]
    result = runner.invoke(app, args)
    assert "nothing to check" not in result.stderr
    assert result.exit_code == 1


def test_a_diff_whose_long_paths_wrap_its_first_line_is_still_known_as_one(
    saved, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from alignck.written import written_by_alignck

    # 'alignck · OLD → NEW (framework)' wrapped over more than the three lines allowed, and
    # the next check read the diff as a partner's document.
    _, _, report = saved
    deep = tmp_path.joinpath(*["a-folder-name-of-some-length"] * 12)
    deep.mkdir(parents=True)
    old = deep / "baseline-before-the-board-meeting.json"
    old.write_bytes(report.read_bytes())
    target = tmp_path / "diff.txt"
    args = ["diff", str(old), str(report), "-o", str(target), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    assert len(target.read_text(encoding="utf-8").split(" → ")[0]) > 400
    assert written_by_alignck(target)


@pytest.mark.parametrize(
    ("command", "fmt", "name"),
    [
        ("check", "csv", "v.txt"),
        ("check", "github", "ann.txt"),
        ("check", "json", "x.md"),
        ("check", "html", "x.markdown"),
        ("check", "csv-excel", "sheet.text"),
        ("check", "sarif", "scan.txt"),
        ("check", "junit", "tests.md"),
        ("diff", "json", "moved.md"),
        ("diff", "github", "moved.txt"),
        ("diff", "sarif", "moved.text"),
        ("diff", "junit", "moved.markdown"),
    ],
)
def test_a_report_in_an_unmarked_format_under_a_document_s_name_is_not_read_back(
    saved, tmp_path: Path, command: str, fmt: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    # Written outside the folder checked, then that folder's parent checked: each was read
    # as one more partner's document, and counted in the coverage. Saved as a shell's '>'
    # saves it: -o refuses a name whose extension names another format.
    plan, framework, report = saved
    target = tmp_path / "reports" / name
    target.parent.mkdir()
    if command == "check":
        args = ["check", str(plan), "-f", str(framework), "--format", fmt]
    else:
        args = ["diff", str(report), str(report), "--format", fmt]
    written = runner.invoke(app, args)
    assert written.exit_code in (0, 1)
    target.write_text(written.stdout, encoding="utf-8", newline="")
    checked = runner.invoke(app, ["check", str(target.parent), "-f", str(framework)])
    assert checked.exit_code == 2
    assert "no documents to check" in checked.stderr and "(1 file skipped)" in checked.stderr
    # Named on the command line too, as a pre-commit hook names changed files.
    extracted = runner.invoke(app, ["extract", "--format", "json", str(target)])
    assert json.loads(extracted.stdout)["skipped"] == [
        {"path": str(target), "reason": "a report written by alignck"}
    ]


@pytest.mark.parametrize(("fmt", "name"), [("json", "extracted.md"), ("terminal", "extracted.txt")])
def test_extract_s_own_output_saved_under_a_document_s_name_is_not_read_back(
    saved, tmp_path: Path, fmt: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    # 'alignck extract d > d/ex.txt' made a second partner, aligned on what the first states.
    plan, framework, _ = saved
    shown = runner.invoke(app, ["extract", "--format", fmt, str(plan)])
    assert shown.exit_code == 0
    target = tmp_path / "saved" / name
    target.parent.mkdir()
    target.write_text(shown.stdout, encoding="utf-8")
    assert written_by_alignck(target)
    checked = runner.invoke(app, ["check", str(target.parent), "-f", str(framework)])
    assert checked.exit_code == 2 and "(1 file skipped)" in checked.stderr


def test_a_page_whose_coverage_keeps_a_decimal_is_alignck_s(tmp_path: Path) -> None:
    # One partial of 200 priorities is '99.8%', not '100%': a page so titled was taken for
    # the user's, which a next --per-document run refused to replace.
    from alignck.written import MARKDOWN_MARK, is_page

    page = tmp_path / "plan.md"
    title = "# plan: 99.8% coverage of F (199 aligned, 1 partial, 0 gaps)\n"
    page.write_text(f"{MARKDOWN_MARK}\n{title}\nDocument: plan.md\n", encoding="utf-8")
    assert written_by_alignck(page) and is_page(page)


@pytest.mark.parametrize("viewport", ["", '<meta name="viewport" content="width=device-width">'])
def test_an_html_page_is_alignck_s_with_or_without_a_viewport(
    tmp_path: Path, viewport: str
) -> None:
    # Pages gained a viewport; the ones written before have none, and both must be known as
    # pages (replaced by a next run, named when their document has left).
    from alignck.written import MARKDOWN_MARK, is_page

    page = tmp_path / "plan.html"
    title = "plan: 50% coverage of F (1 aligned, 0 partial, 1 gap)"
    page.write_text(
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n{MARKDOWN_MARK}\n'
        f"{viewport}\n<title>{title}</title></head><body></body></html>\n",
        encoding="utf-8",
    )
    assert is_page(page)


def test_a_terminal_report_saved_in_colour_is_known_as_one(saved, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 'FORCE_COLOR=1 alignck check . > out.txt' opens with an escape sequence before the
    # mark: the report was read back as a partner's document with seven stated priorities.
    plan, framework, _ = saved
    args = ["check", str(plan), "-f", str(framework)]
    shown = runner.invoke(app, args, env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout
    assert shown.startswith("\x1b[")
    target = tmp_path / "out.txt"
    target.write_text(shown, encoding="utf-8")
    assert written_by_alignck(target) and is_report(target)
