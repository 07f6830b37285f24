"""Which files are reports alignck wrote: discovery skips them, a failed run removes them."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.written import is_report

runner = CliRunner()

CHECK_FORMATS = ["json", "markdown", "csv", "csv-excel", "html", "junit", "sarif", "github"]
DIFF_FORMATS = ["json", "markdown", "junit", "sarif", "github"]


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
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    assert not is_report(path)
    assert not is_report(tmp_path)
