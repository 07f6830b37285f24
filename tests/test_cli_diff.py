"""``alignck diff`` through the command line: two runs of a folder the test builds, before and
after editing one document, named verdict by verdict, in every format, with its exit codes."""

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from conftest import PLAN_BLOCKS, strict_schema

runner = CliRunner()

# The plan after an edit: the mental health commitment is gone, a children's one is new.
EDITED = [
    *PLAN_BLOCKS[:3],
    ("h2", "Children"),
    ("p", "We will open family hubs in every town and expand health visiting."),
    *PLAN_BLOCKS[5:],
]
OTHER = [
    ("h1", "Southby Health Plan"),
    ("h2", "Mental health"),
    ("p", "We will open two crisis cafes and cut waiting times for talking therapies."),
]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def _check(folder: Path, framework: Path, report: Path) -> None:
    result = invoke("check", folder, "-f", framework, "-o", report, "-q")
    assert result.exit_code in (0, 1), result.stderr


def _verdicts(report: Path) -> dict[tuple[str, str], str]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {
        (Path(d["path"]).name, a["priority_id"]): a["status"]
        for d in data["documents"]
        for a in d["alignment"]
    }


@pytest.fixture
def two_runs(tmp_path: Path, small_framework: Path, make_document) -> tuple[Path, Path, Path]:  # type: ignore[no-untyped-def]
    """Reports of one folder before and after editing plan.md, and the folder itself."""
    folder = tmp_path / "docs"
    folder.mkdir()
    make_document("docs/plan.md")
    make_document("docs/other.md", OTHER)
    old = tmp_path / "old.json"
    _check(folder, small_framework, old)
    make_document("docs/plan.md", EDITED)
    new = tmp_path / "new.json"
    _check(folder, small_framework, new)
    return old, new, folder


def test_diff_names_exactly_the_verdicts_that_changed(two_runs: tuple[Path, Path, Path]) -> None:
    old, new, _ = two_runs
    before, after = _verdicts(old), _verdicts(new)
    moved = {key for key in after if before[key] != after[key]}
    assert moved and all(name == "plan.md" for name, _ in moved)
    result = invoke("diff", old, new, "--format", "json")
    data = json.loads(result.stdout)
    named = {(c["document"], c["priority_id"]) for c in data["changes"]}
    assert named == moved
    for change in data["changes"]:
        key = (change["document"], change["priority_id"])
        assert (change["old"], change["new"]) == (before[key], after[key])
    assert result.exit_code == (1 if data["new_gaps"] else 0)
    assert data["regression"] is bool(data["new_gaps"])


def test_diff_of_a_report_and_a_folder_equals_diff_of_two_reports(
    two_runs: tuple[Path, Path, Path], small_framework: Path
) -> None:
    old, new, folder = two_runs
    saved = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    checked = invoke("diff", old, folder, "-f", small_framework, "--format", "json")
    assert json.loads(checked.stdout)["changes"] == saved["changes"]


def test_the_new_gap_fails_and_the_closed_gap_does_not(two_runs: tuple[Path, Path, Path]) -> None:
    old, new, _ = two_runs
    forward = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    backward = invoke("diff", new, old, "--format", "json")
    reverse = json.loads(backward.stdout)
    assert reverse["new_gaps"] == forward["closed_gaps"]
    assert reverse["closed_gaps"] == forward["new_gaps"]
    assert backward.exit_code == (1 if reverse["new_gaps"] else 0)


def test_a_failing_diff_ends_by_saying_which_verdicts_failed_it(
    two_runs: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    old, new, _ = two_runs
    failing = invoke("diff", new, old, "-o", tmp_path / "d.sarif")
    assert failing.exit_code == 1
    reverse = json.loads(invoke("diff", new, old, "--format", "json").stdout)
    said = [line for line in failing.stderr.splitlines() if "diff failed" in line]
    assert len(said) == reverse["new_gaps"] > 0
    assert all(line.startswith("alignck: diff failed: ") and "to gap in " in line for line in said)
    assert failing.stderr.splitlines()[-1] == said[-1]
    passing = invoke("diff", old, old, "--format", "json")
    assert passing.exit_code == 0 and "diff failed" not in passing.stderr


def test_the_json_joins_check_reports_by_path_and_keeps_to_its_schema(
    two_runs: tuple[Path, Path, Path],
) -> None:
    from jsonschema import Draft202012Validator

    from alignck.starter import schema_path

    old, new, _ = two_runs
    data = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    checked = json.loads(new.read_text(encoding="utf-8"))
    by_path = {d["path"]: d for d in checked["documents"]}
    assert data["changes"]
    for change in data["changes"]:
        document = by_path[change["path"]]
        verdict = next(
            a for a in document["alignment"] if a["priority_id"] == change["priority_id"]
        )
        assert verdict["status"] == change["new"]
    rows = data["coverage"]["documents"]
    assert {row["path"] for row in rows} == set(by_path)
    for row in rows:
        # The share as check's JSON gives it, not the unrounded one the change is worked from.
        assert row["new"] == by_path[row["path"]]["coverage"]["percent"]
    assert data["coverage"]["system"]["new"] == checked["summary"]["system_coverage"]["percent"]
    located = [c["evidence"] for c in data["changes"] if c["evidence"]]
    assert located and all(e["paragraph"] is not None for e in located)
    schema = json.loads(schema_path("diff").read_text(encoding="utf-8"))
    problems = list(Draft202012Validator(strict_schema(schema)).iter_errors(data))
    assert [p.message for p in problems] == []


def test_terminal_and_markdown_show_the_change_with_its_evidence(
    two_runs: tuple[Path, Path, Path],
) -> None:
    old, new, _ = two_runs
    changes = json.loads(invoke("diff", old, new, "--format", "json").stdout)["changes"]
    for fmt in ("terminal", "markdown"):
        out = invoke("diff", old, new, "--format", fmt).stdout
        assert re.search(r"\d+ verdicts? moved", out) and "plan.md" in out
        for change in changes:
            assert change["priority_id"] in out
        assert "family hubs" in out  # the new evidence is quoted
    markdown = invoke("diff", old, new, "--format", "markdown").stdout
    assert "| Document | Priority | Was | Now | Change | Evidence now |" in markdown
    # A coverage change is in percentage points, which '-16.7' alone did not say.
    assert "| Document | Before | After | Change (percentage points) |" in markdown
    terminal = invoke("diff", old, new, "--format", "terminal").stdout
    assert "(percentage points)" in terminal


def test_ci_formats_mark_only_regressions_as_errors(two_runs: tuple[Path, Path, Path]) -> None:
    old, new, _ = two_runs
    data = json.loads(invoke("diff", new, old, "--format", "json").stdout)
    regressions = sum(1 for c in data["changes"] if c["regression"])
    github = invoke("diff", new, old, "--format", "github").stdout
    assert github.count("::error ") == regressions
    assert github.count("::notice ") == len(data["changes"]) - regressions + 1
    # The totals first: past ten notices GitHub shows no more, and they came last.
    assert github.splitlines()[0].startswith("::notice title=alignck diff::")
    sarif = json.loads(invoke("diff", new, old, "--format", "sarif").stdout)
    levels = [r["level"] for r in sarif["runs"][0]["results"]]
    assert levels.count("error") == regressions and len(levels) == len(data["changes"])
    junit = invoke("diff", new, old, "--format", "junit").stdout
    assert f'failures="{regressions}"' in junit


def test_fail_on_worse_also_fails_a_verdict_that_moved_down(tmp_path: Path) -> None:
    old, new = _saved_pair(tmp_path, "aligned", "partial")
    assert invoke("diff", old, new).exit_code == 0
    result = invoke("diff", old, new, "--fail-on", "worse")
    assert result.exit_code == 1
    assert "worse" in result.stdout


def test_output_file_takes_its_format_from_the_extension(
    two_runs: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    old, new, _ = two_runs
    summary = tmp_path / "summary.md"
    result = invoke("diff", old, new, "-o", summary)
    assert result.exit_code in (0, 1)
    assert summary.read_text(encoding="utf-8").splitlines()[1] == "## alignck: what changed"


def test_several_output_files_each_take_their_format_from_the_extension(
    two_runs: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    old, new, _ = two_runs
    summary, data, sarif = tmp_path / "d.md", tmp_path / "d.json", tmp_path / "d.sarif"
    result = invoke("diff", old, new, "-o", summary, "-o", data, "-o", sarif, "-q")
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout == ""
    assert summary.read_text(encoding="utf-8").splitlines()[1] == "## alignck: what changed"
    alone = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    assert json.loads(data.read_text(encoding="utf-8"))["changes"] == alone["changes"]
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_several_output_files_and_one_format_are_refused(
    two_runs: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    old, new, _ = two_runs
    result = invoke(
        "diff", old, new, "-o", tmp_path / "a.md", "-o", tmp_path / "b.md", "--format", "json"
    )
    assert result.exit_code == 2
    assert "--format names the format of one --output, but 2 are given" in result.stderr
    assert not (tmp_path / "a.md").exists() and not (tmp_path / "b.md").exists()


@pytest.mark.parametrize("name", ["diff.md", "diff.txt"])
def test_a_diff_report_saved_among_the_documents_is_not_read_back_as_one(
    two_runs: tuple[Path, Path, Path], small_framework: Path, name: str
) -> None:
    # check's reports carry alignck's mark and are skipped; diff's did not, so the next
    # run counted the diff as a partner's strategy.
    old, new, folder = two_runs
    assert invoke("diff", old, new, "-o", folder / name).exit_code in (0, 1)
    result = invoke("check", folder, "-f", small_framework, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert name not in {Path(d["path"]).name for d in data["documents"]}
    assert [Path(s["path"]).name for s in data["skipped"]] == [name]


@pytest.mark.parametrize("name", ["report.xyz", "report"])
def test_an_output_extension_that_names_no_diff_format_is_refused_as_check_refuses_it(
    tmp_path: Path, small_framework: Path, name: str
) -> None:
    old, new = _saved_pair(tmp_path, "aligned", "partial")
    target = tmp_path / name
    result = invoke("diff", old, new, "-o", target)
    what = f"extension '{target.suffix}'" if target.suffix else "no extension"
    assert result.exit_code == 2
    assert result.stderr == (
        f"alignck: error: {target}: --output has {what}, which names no report format; use "
        "one of .json, .markdown, .md, .sarif, .txt, .xml, or give --format (terminal, json, "
        "markdown, junit, sarif, github)\n"
    )
    assert not target.exists()
    checked = invoke("check", old, "-f", small_framework, "-o", target)
    assert checked.exit_code == 2
    assert checked.stderr.startswith(f"alignck: error: {target}: --output has {what}, which ")


@pytest.mark.parametrize(("name", "named"), [("report.csv", "csv"), ("report.html", "html")])
def test_a_format_diff_does_not_write_is_refused_without_pointing_to_format(
    tmp_path: Path, name: str, named: str
) -> None:
    # A scrutiny officer was told to give --format for '-o d.html', and then refused for
    # giving it: --format cannot make diff write HTML.
    old, new = _saved_pair(tmp_path, "aligned", "partial")
    target = tmp_path / name
    result = invoke("diff", old, new, "-o", target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"alignck: error: {target}: --output has extension '{target.suffix}', which names "
        f"{named}, a format this command does not write; use one of .json, .markdown, .md, "
        ".sarif, .txt, .xml\n"
    )
    assert not target.exists()


def test_a_diff_format_that_contradicts_a_binary_extension_is_refused(tmp_path: Path) -> None:
    old, new = _saved_pair(tmp_path, "aligned", "partial")
    target = tmp_path / "report.xlsx"
    result = invoke("diff", old, new, "--format", "json", "-o", target)
    assert result.exit_code == 2
    # Not 'or leave out --format': diff writes no workbook, and '.xlsx' alone is refused.
    assert result.stderr == (
        f"alignck: error: {target}: --output's extension '.xlsx' names xlsx, but --format is "
        "json; give a file name that fits the format\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("fmt", "name", "leave_out"),
    [("junit", "d.sarif", True), ("sarif", "d.xml", True), ("json", "d.csv", False)],
)
def test_a_diff_format_that_contradicts_a_text_extension_is_refused(
    tmp_path: Path, fmt: str, name: str, leave_out: bool
) -> None:
    # 'diff ... -o d.sarif --format junit' wrote JUnit into d.sarif, exit 0.
    old, new = _saved_pair(tmp_path, "aligned", "partial")
    target = tmp_path / name
    result = invoke("diff", old, new, "--format", fmt, "-o", target)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"but --format is {fmt}; give a file name that fits the format"
        + (", or leave out --format\n" if leave_out else "\n")
    )
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()


def test_reports_against_different_frameworks_are_refused_in_one_line(tmp_path: Path) -> None:
    old, new = _saved_pair(tmp_path, "aligned", "aligned")
    data = json.loads(new.read_text(encoding="utf-8"))
    data["framework"]["priorities"] = [{"id": "jobs", "title": "Good jobs"}]
    data["documents"][0]["alignment"][0]["priority_id"] = "jobs"
    new.write_text(json.dumps(data), encoding="utf-8")
    result = invoke("diff", old, new)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "different frameworks" in lines[0] and str(old) in lines[0]
    assert "(air)" in lines[0] and "(jobs)" in lines[0]


def test_a_document_checked_against_another_framework_names_that_framework_file(
    tmp_path: Path,
) -> None:
    # The refusal said the new side's framework was 'in plan.md', the document, when it was
    # read from the file given to -f.
    from conftest import FRAMEWORK

    old, _ = _saved_pair(tmp_path, "aligned", "aligned")
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will improve air quality.\n", encoding="utf-8")
    result = invoke("diff", old, plan, "-f", FRAMEWORK)
    assert result.exit_code == 2
    line = result.stderr.strip().splitlines()[-1]
    assert "different frameworks" in line
    assert f"in {FRAMEWORK} (" in line and "in plan.md" not in line


def test_a_framework_edited_between_runs_compares_the_priorities_both_have(
    tmp_path: Path,
) -> None:
    # A priority added, one removed and one reworded between quarters refused the whole
    # comparison with a message naming two identical-looking frameworks.
    old, new = _saved_pair(tmp_path, "gap", "gap")
    before = json.loads(old.read_text(encoding="utf-8"))
    before["framework"]["priorities"].append({"id": "cut", "title": "Dropped"})
    old.write_text(json.dumps(before), encoding="utf-8")
    data = json.loads(new.read_text(encoding="utf-8"))
    data["framework"]["priorities"] = [
        {"id": "jobs", "title": "Good jobs"},
        {"id": "air", "title": "Cleaner air"},
    ]
    job = dict(data["documents"][0]["alignment"][0], priority_id="jobs")
    data["documents"][0]["alignment"].insert(0, job)
    new.write_text(json.dumps(data), encoding="utf-8")
    result = invoke("diff", old, new, "--format", "json")
    assert result.exit_code == 1  # the new priority's gap is new
    out = json.loads(result.stdout)
    assert [(c["priority_id"], c["old"], c["new"]) for c in out["changes"]] == [
        ("jobs", None, "gap")
    ]
    warned = "\n".join(out["warnings"])
    assert "priorities new since this run: jobs" in warned
    assert "no longer in the framework: cut" in warned
    assert "priority 'air' was 'Clean air', now 'Cleaner air'" in warned
    # A reworded title moves other priorities' verdicts too: each is judged beside the rest.
    assert "verdicts on it, and on the others" in warned
    shown = invoke("diff", old, new, "--format", "markdown").stdout
    assert "| new priority |" in shown


def test_a_new_id_with_a_removed_priority_s_title_is_pointed_to_formerly(
    tmp_path: Path,
) -> None:
    old, new = _saved_pair(tmp_path, "gap", "gap")
    before = json.loads(old.read_text(encoding="utf-8"))
    before["framework"]["priorities"].append({"id": "older-people", "title": "Age well"})
    old.write_text(json.dumps(before), encoding="utf-8")
    data = json.loads(new.read_text(encoding="utf-8"))
    data["framework"]["priorities"].append({"id": "ageing-well", "title": "Age  Well"})
    data["framework"]["priorities"].append({"id": "jobs", "title": "Good jobs"})
    new.write_text(json.dumps(data), encoding="utf-8")
    warned = "\n".join(json.loads(invoke("diff", old, new, "--format", "json").stdout)["warnings"])
    assert (
        "note: 'ageing-well' has the title 'Age  Well' that 'older-people' had: if it is the "
        "same priority under a new id, add 'formerly: [older-people]'" in warned
    )
    assert "'jobs' has the title" not in warned
    # Two new priorities of that title: no former id can be both's, so neither is suggested it.
    data["framework"]["priorities"].append({"id": "age-well", "title": "Age well"})
    new.write_text(json.dumps(data), encoding="utf-8")
    warned = "\n".join(json.loads(invoke("diff", old, new, "--format", "json").stdout)["warnings"])
    assert "formerly" not in warned


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{not json", "invalid JSON"),
        ('{"tool": {"name": "other"}}', "not an alignck JSON report"),
        ('{"tool": {"name": "alignck"}, "schema_version": 9}', "schema_version 9"),
        ('{"tool": {"name": "alignck"}, "changes": []}', "the output of 'alignck diff'"),
        # Python's JSON reader raised RecursionError and its integer limit a ValueError:
        # both were internal errors (exit 3) with a traceback.
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"schema_version": 1' + "0" * 5000 + "}", "not an alignck JSON report"),
    ],
)
def test_a_file_that_is_not_a_report_is_one_line_and_exit_2(
    tmp_path: Path, text: str, problem: str
) -> None:
    old, _ = _saved_pair(tmp_path, "gap", "gap")
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    before = bad.read_bytes()
    result = invoke("diff", bad, old)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and problem in result.stderr
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == before


def test_a_different_alignck_version_is_a_warning(tmp_path: Path) -> None:
    old, new = _saved_pair(tmp_path, "gap", "gap")
    data = json.loads(old.read_text(encoding="utf-8"))
    data["tool"]["version"] = "0.0.1"
    old.write_text(json.dumps(data), encoding="utf-8")
    result = invoke("diff", old, new)
    assert result.exit_code == 0
    assert "warning: made with alignck version 0.0.1" in result.stderr


def _saved_pair(tmp_path: Path, was: str, now: str) -> tuple[Path, Path]:
    """Two minimal saved reports of one document, its one verdict moving from was to now."""
    paths = []
    for name, status in (("old.json", was), ("new.json", now)):
        path = tmp_path / name
        path.write_text(json.dumps(_report(status)), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _report(status: str) -> dict[str, object]:
    from alignck import __version__

    percent = {"aligned": 100.0, "partial": 50.0, "gap": 0.0}[status]
    alignment = {
        "priority_id": "air",
        "status": status,
        "score": 0.5,
        "evidence": [],
        "nearest": None,
        "waived": None,
    }
    return {
        "schema_version": 1,
        "tool": {"name": "alignck", "version": __version__},
        "framework": {"name": "F", "priorities": [{"id": "air", "title": "Clean air"}]},
        "thresholds": {"aligned": 0.5, "partial": 0.5},
        "matcher": "lexical",
        "documents": [
            {
                "path": "plan.md",
                "status": "ok",
                "coverage": {"percent": percent},
                "alignment": [alignment],
            }
        ],
        "summary": {"system_coverage": {"percent": percent}},
    }


def test_two_drafts_of_one_document_compare_whatever_their_names(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    first = make_document("plan-v1.md")
    second = make_document("plan-v2.md", EDITED)
    result = invoke("diff", first, second, "-f", small_framework, "--format", "json")
    data = json.loads(result.stdout)
    assert data["changes"] and data["added_documents"] == data["removed_documents"] == []
    assert {c["document"] for c in data["changes"]} == {"plan-v2.md"}


def test_diff_on_two_runs_of_the_examples_names_the_edited_documents_changes(
    tmp_path: Path,
) -> None:
    import shutil

    from conftest import EXAMPLES, FRAMEWORK

    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    _check(folder, FRAMEWORK, old)
    edited = folder / "riverside-vcs-alliance-strategy.md"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.replace(
            "offer free training to every volunteer.",
            "offer free training to every volunteer. We will work with schools so that "
            "every child gets the best start in life.",
        ),
        encoding="utf-8",
    )
    _check(folder, FRAMEWORK, new)
    before, after = _verdicts(old), _verdicts(new)
    moved = {key for key in after if before[key] != after[key]}
    data = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    assert {(c["document"], c["priority_id"]) for c in data["changes"]} == moved
    assert moved and {name for name, _ in moved} == {edited.name}


def test_an_unreadable_document_is_named_and_the_others_are_still_compared(
    two_runs: tuple[Path, Path, Path], small_framework: Path
) -> None:
    old, new, folder = two_runs
    (folder / "broken.pdf").write_text("not a PDF", encoding="utf-8")
    result = invoke("diff", old, folder, "-f", small_framework, "--format", "json")
    assert result.exit_code == 2
    assert "broken.pdf" in result.stderr and "Traceback" not in result.stderr
    saved = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    assert json.loads(result.stdout)["changes"] == saved["changes"]


def test_a_folder_with_no_readable_document_is_one_line_and_exit_2(
    tmp_path: Path, small_framework: Path
) -> None:
    old, _ = _saved_pair(tmp_path, "gap", "gap")
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "broken.pdf").write_text("not a PDF", encoding="utf-8")
    result = invoke("diff", old, folder, "-f", small_framework)
    assert result.exit_code == 2
    assert "no readable documents to compare" in result.stderr
    assert result.stdout == ""


def test_a_document_unreadable_in_the_new_run_is_not_called_removed(
    two_runs: tuple[Path, Path, Path], small_framework: Path
) -> None:
    old, _, folder = two_runs
    (folder / "other.md").unlink()
    os.mkfifo(folder / "other.md")
    result = invoke("diff", old, folder, "-f", small_framework, "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["removed_documents"] == []
    assert "other.md: could not be read; not compared" in result.stderr
    # Its row stays in the coverage table, its old figure beside 'not read': a board
    # secretary found the partner simply missing from it.
    row = next(c for c in data["coverage"]["documents"] if c["path"].endswith("other.md"))
    assert row["unread"] is True and row["old"] is not None
    assert (row["new"], row["delta"]) == (None, None)
    assert not any(c["unread"] for c in data["coverage"]["documents"] if c is not row)
    for form in ("terminal", "markdown"):
        shown = invoke("diff", old, folder, "-f", small_framework, "--format", form).stdout
        line = next(x for x in shown.splitlines() if "other.md" in x and "%" in x)
        assert "not read" in line, shown


def test_a_document_unreadable_in_the_new_run_fails_every_ci_format_as_the_exit_code_does(
    two_runs: tuple[Path, Path, Path], small_framework: Path, tmp_path: Path
) -> None:
    # The run exits 2; its JUnit held one passing 'no verdict moved', its SARIF no result and
    # its GitHub annotations a notice of 'no regression'.
    old, _, folder = two_runs
    (folder / "other.md").write_bytes(b"")
    junit, sarif = tmp_path / "d.xml", tmp_path / "d.sarif"
    files = ["-o", junit, "-o", sarif, "-q"]
    result = invoke("diff", old, folder, "-f", small_framework, *files)
    assert result.exit_code == 2
    assert 'errors="1"' in junit.read_text()
    assert '<error type="unreadable"' in junit.read_text()
    # With why, as check's JUnit says it.
    assert "could not be read (empty file (0 bytes): no document to check)" in junit.read_text()
    assert "no verdict moved" not in junit.read_text()
    run = json.loads(sarif.read_text())["runs"][0]
    assert [i["executionSuccessful"] for i in run["invocations"]] == [False]
    unread = [r for r in run["results"] if r["ruleId"] == "ACK105"]
    assert len(unread) == 1 and unread[0]["level"] == "error"
    rules = run["tool"]["driver"]["rules"]
    assert rules[unread[0]["ruleIndex"]]["id"] == "ACK105"
    github = invoke("diff", old, folder, "-f", small_framework, "--format", "github")
    assert github.exit_code == 2
    errors = [line for line in github.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and "other.md: could not be read (empty file" in errors[0]
    assert "1 document could not be read" in github.stdout.splitlines()[0]
    data = json.loads(invoke("diff", old, folder, "-f", small_framework, "--format", "json").stdout)
    assert [Path(p).name for p in data["unread_documents"]] == ["other.md"]
    assert "alignck: warning: " in github.stderr
    # A saved run says why too, from its report.
    saved = tmp_path / "new.json"
    invoke("check", folder, "-f", small_framework, "-o", saved, "-q")
    from_saved = invoke("diff", old, saved, "--format", "junit").stdout
    assert "could not be read (empty file (0 bytes): no document to check)" in from_saved


def test_a_document_a_saved_report_could_not_read_is_not_called_removed(
    two_runs: tuple[Path, Path, Path], small_framework: Path, tmp_path: Path
) -> None:
    # Two saved reports: the second run could not read a partner's file. It was listed as
    # removed, and the diff passed with exit 0, where a folder gave 'not compared' and 2.
    old, new, folder = two_runs
    (folder / "other.md").unlink()
    os.mkfifo(folder / "other.md")
    broken = tmp_path / "broken.json"
    result = invoke("check", folder, "-f", small_framework, "-o", broken, "-q")
    assert result.exit_code == 2
    result = invoke("diff", old, broken, "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["removed_documents"] == []
    assert "other.md: could not be read; not compared" in result.stderr
    # The other way round the unread document is the earlier run's: history, not a failure
    # of this run. It had no verdicts then, so it is compared as a new document, as check
    # --baseline holds it (diff compared nothing and passed where check failed).
    history = invoke("diff", broken, new, "--format", "json")
    assert f"{broken}: " in history.stderr
    assert "other.md could not be read in that run; compared as a new document" in (history.stderr)
    data = json.loads(history.stdout)
    assert [Path(n).name for n in data["added_documents"]] == ["other.md"]
    (folder / "other.md").unlink()
    (folder / "other.md").write_text(
        "# Southby Health Plan\n\n## Mental health\n\nWe will open two crisis cafes and cut "
        "waiting times for talking therapies.\n",
        encoding="utf-8",
    )
    held = invoke("check", folder, "-f", small_framework, "--baseline", broken, "-q", "-o", "-")
    assert history.exit_code == held.exit_code


def test_a_gap_waived_in_the_waivers_file_is_no_regression_when_a_folder_is_checked(
    two_runs: tuple[Path, Path, Path], small_framework: Path, tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # 'diff old.json drafts/' checked the folder without the partnership's waivers, so an
    # accepted gap failed CI where check --baseline passed it.
    _, old, folder = two_runs
    make_document("docs/plan.md")  # back to the first draft, which drops a commitment
    plain = invoke("diff", old, folder, "-f", small_framework, "--format", "json")
    new_gaps = [c["priority_id"] for c in json.loads(plain.stdout)["changes"] if c["new"] == "gap"]
    assert plain.exit_code == 1 and new_gaps
    waivers = tmp_path / "waivers.yaml"
    entries = "".join(
        f"  - priority: {p}\n    document: plan\n    reason: Commissioned elsewhere.\n"
        for p in new_gaps
    )
    waivers.write_text(f"waivers:\n{entries}", encoding="utf-8")
    waived = invoke("diff", old, folder, "-f", small_framework, "--waivers", waivers)
    assert waived.exit_code == 0, waived.stderr
    assert "diff failed" not in waived.stderr
    both_saved = invoke("diff", old, old, "--waivers", waivers)
    assert "--waivers applies to documents checked here" in both_saved.stderr
    # The CI formats say so too: a waived new gap read as a live one in GitHub's notices and
    # JUnit's output, and SARIF did not suppress it as check's SARIF does.
    for fmt in ("github", "junit"):
        shown = invoke(
            "diff", old, folder, "-f", small_framework, "--waivers", waivers, "--format", fmt
        )
        assert "→ gap (waived)" in shown.stdout, fmt
    sarif = invoke(
        "diff", old, folder, "-f", small_framework, "--waivers", waivers, "--format", "sarif"
    )
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    waived_gaps = [r for r in results if r["properties"]["new"] == "gap"]
    assert waived_gaps and all(r["suppressions"][0]["status"] == "accepted" for r in waived_gaps)


def test_diff_judges_waivers_on_the_day_today_gives(
    two_runs: tuple[Path, Path, Path], small_framework: Path, tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # A diff job could not be run again as it ran once a waiver had expired: check had
    # --today, diff did not know it.
    _, old, folder = two_runs
    make_document("docs/plan.md")
    plain = invoke("diff", old, folder, "-f", small_framework, "--format", "json")
    new_gaps = [c["priority_id"] for c in json.loads(plain.stdout)["changes"] if c["new"] == "gap"]
    waivers = tmp_path / "waivers.yaml"
    entries = "".join(
        f"  - priority: {p}\n    reason: Elsewhere.\n    expires: 2027-03-31\n" for p in new_gaps
    )
    waivers.write_text(f"waivers:\n{entries}", encoding="utf-8")
    args = ["diff", old, folder, "-f", small_framework, "--waivers", waivers]
    assert invoke(*args, "--today", "2027-03-31").exit_code == 0
    assert invoke(*args, "--today", "2027-04-01").exit_code == 1
    wrong = invoke(*args, "--today", "31/03/2027")
    assert wrong.exit_code == 2 and "--today must be a date written YYYY-MM-DD" in wrong.stderr
    both_saved = invoke("diff", old, old, "--today", "2027-04-01")
    assert "--today applies to documents checked here" in both_saved.stderr


def test_diff_says_a_waiver_lapsed_or_unused_as_check_does(
    two_runs: tuple[Path, Path, Path], small_framework: Path, tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # A pull request went red the day a waiver lapsed with no word of it: diff said nothing
    # on standard error, in GitHub's annotations, the JSON, Markdown or SARIF.
    _, old, folder = two_runs
    make_document("docs/plan.md")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - priority: warm-homes\n    reason: Elsewhere.\n    expires: 2027-03-31\n"
        "  - priority: early-years\n    document: plann\n    reason: Gone.\n",
        encoding="utf-8",
    )
    args = ["diff", old, folder, "-f", small_framework, "--waivers", waivers, "--today"]
    lapsed = f"{waivers}:2:5: warning: waiver for 'warm-homes' expired"
    unused = "'plann' matches no checked document; did you mean 'plan'?"
    result = invoke(*args, "2027-04-01")
    assert lapsed in result.stderr and unused in result.stderr
    assert result.stderr.count(lapsed) == 1
    shown = invoke(*args, "2027-04-01", "--format", "github").stdout
    assert f"::warning file={waivers},line=2,title=alignck diff::waiver for 'warm-homes'" in shown
    data = json.loads(invoke(*args, "2027-04-01", "--format", "json").stdout)
    assert any(w.startswith(lapsed) for w in data["warnings"])
    sarif = json.loads(invoke(*args, "2027-04-01", "--format", "sarif").stdout)
    said = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["message"]["text"].startswith(lapsed) for n in said)
    assert lapsed not in invoke(*args, "2027-03-31").stderr


def test_an_earlier_draft_checked_here_is_said_to_take_this_run_s_waivers_and_reviews(
    small_framework: Path, tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # A scrutiny officer diffed last year's folder with this year's reviews and date, and
    # read last year's coverage, changed by them, as what had been reported then.
    for year in ("2025", "2026"):
        (tmp_path / year).mkdir()
    make_document("2025/plan.md")
    make_document("2026/plan.md", EDITED)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - priority: warm-homes\n    reason: Elsewhere.\n    expires: 2026-03-31\n",
        encoding="utf-8",
    )
    folders = ["diff", tmp_path / "2025", tmp_path / "2026", "-f", small_framework]
    note = (
        f"{tmp_path / '2025'}: note: checked now, as the new side is: the waivers given apply "
        "to it and its waivers are judged as of 2026-06-01; to compare with how it was judged "
        "when it was checked then, diff that run's saved JSON report instead"
    )
    result = invoke(*folders, "--waivers", waivers, "--today", "2026-06-01", "--format", "json")
    assert note in result.stderr
    assert note in json.loads(result.stdout)["warnings"]
    assert ": note: checked now" not in invoke(*folders).stderr
    saved = tmp_path / "old.json"
    _check(tmp_path / "2025", small_framework, saved)
    from_saved = invoke(
        "diff", saved, tmp_path / "2026", "-f", small_framework, "--waivers", waivers
    )
    assert ": note: checked now" not in from_saved.stderr
    # Against a saved later run, and with reviews alone, it says only what is so.
    reviews = tmp_path / "reviews.yaml"
    reviews.write_text("reviews: []\n", encoding="utf-8")
    to_saved = invoke("diff", tmp_path / "2025", saved, "-f", small_framework, "--review", reviews)
    said = f"{tmp_path / '2025'}: note: checked now: the reviews given apply to it; to compare"
    assert said in to_saved.stderr


def test_diff_ci_formats_name_documents_as_check_s_do(
    tmp_path: Path, small_framework: Path, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # diff's JUnit kept the extension and its dots in the classname (Jenkins: package
    # 'plan-v2', class 'md'), had no file attribute and no properties; its SARIF fingerprint
    # was a raw file name with a control character.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    make_document("docs/plan-v2.1.md")
    old = tmp_path / "old.json"
    _check(Path("docs"), small_framework, old)
    make_document("docs/plan-v2.1.md", EDITED)
    new = tmp_path / "new.json"
    _check(Path("docs"), small_framework, new)
    checked = ET.fromstring(
        invoke("check", "docs", "-f", small_framework, "--format", "junit").stdout
    )
    compared = ET.fromstring(invoke("diff", old, new, "--format", "junit").stdout)
    check_case = next(checked.iter("testcase"))
    diff_cases = list(compared.iter("testcase"))
    assert diff_cases
    for case in diff_cases:
        assert case.get("classname") == check_case.get("classname") == "plan-v2_1"
        assert case.get("file") == check_case.get("file") == "docs/plan-v2.1.md"
    suite = next(compared.iter("testsuite"))
    assert suite.get("name") == "docs/plan-v2.1.md"
    named = {p.get("name"): p.get("value") for p in suite.iter("property")}
    # Named from the checkout (here the working folder), as the documents are.
    assert named["old run"] == "old.json" and named["new run"] == "new.json"
    log = json.loads(invoke("diff", old, new, "--format", "sarif").stdout)
    run = log["runs"][0]
    assert run["properties"]["oldRun"] == "old.json"
    assert all("fullDescription" in rule for rule in run["tool"]["driver"]["rules"])
    for result in run["results"]:
        fingerprint = result["partialFingerprints"]["alignckChange/v1"]
        assert len(fingerprint) == 32 and "\x1f" not in fingerprint
        assert result["partialFingerprints"]["primaryLocationLineHash"] == fingerprint


def test_diff_junit_classes_no_document_as_its_own_case(
    tmp_path: Path, small_framework: Path, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # A document named 'alignck.diff' was classed 'alignck_diff', as diff's own case is.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    make_document("docs/alignck.diff.md")
    old = tmp_path / "old.json"
    _check(Path("docs"), small_framework, old)
    make_document("docs/alignck.diff.md", EDITED)
    compared = ET.fromstring(invoke("diff", old, "docs", "--format", "junit").stdout)
    cases = list(compared.iter("testcase"))
    assert cases
    assert {case.get("classname") for case in cases} == {"alignck_diff_"}


def test_diff_junit_tells_documents_of_one_name_apart_as_check_s_does(
    tmp_path: Path, small_framework: Path, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # check named the trust's file 'trust/strategy', diff 'strategy': one document filed
    # under two names, and the ICB's and the trust's under one.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "trust").mkdir(parents=True)
    (tmp_path / "docs" / "icb").mkdir()
    make_document("docs/trust/strategy.md")
    make_document("docs/icb/strategy.md")
    old = tmp_path / "old.json"
    _check(Path("docs"), small_framework, old)
    make_document("docs/trust/strategy.md", EDITED)
    checked = ET.fromstring(
        invoke("check", "docs", "-f", small_framework, "--format", "junit").stdout
    )
    compared = ET.fromstring(invoke("diff", old, "docs", "--format", "junit").stdout)
    check_names = {c.get("file"): c.get("classname") for c in checked.iter("testcase")}
    diff_cases = list(compared.iter("testcase"))
    assert diff_cases
    for case in diff_cases:
        assert case.get("file") == "docs/trust/strategy.md"
        assert case.get("classname") == check_names["docs/trust/strategy.md"] == "trust/strategy"


def test_a_new_gap_with_nothing_close_says_so_and_the_failure_uses_the_report_s_words(
    tmp_path: Path,
) -> None:
    # 'Evidence now' was empty (JSON null) where check says why; and the failure line said
    # 'went from not in the old run' where the report said 'new document'.
    old, new = _saved_pair(tmp_path, "aligned", "gap")
    result = invoke("diff", old, new, "--format", "json")
    assert result.exit_code == 1
    change = json.loads(result.stdout)["changes"][0]
    assert change["evidence"] is None  # JSON keeps its shape: no quote is no quote
    shown = invoke("diff", old, new, "--format", "markdown").stdout
    assert "no passage that can be quoted is close to it" in shown
    data = json.loads(new.read_text(encoding="utf-8"))
    data["documents"][0]["path"] = "other.md"
    data["documents"].append(dict(data["documents"][0], path="plan.md"))
    new.write_text(json.dumps(data), encoding="utf-8")
    failed = invoke("diff", old, new).stderr
    assert "Clean air [air] is a gap in other.md (new document)" in failed
    assert "not in the old run" not in failed


def test_a_coverage_change_is_worked_out_from_counts_not_rounded_percents(
    tmp_path: Path,
) -> None:
    # 66.7 -> 58.3 gave -8.4 for one document and 33.3 -> 25.0 -8.3 for another: the same
    # change, a half priority of six, worked out from two rounded figures.
    old, new = _saved_pair(tmp_path, "aligned", "aligned")
    for path, (aligned, partial, gap, percent) in ((old, (4, 0, 2, 66.7)), (new, (3, 1, 2, 58.3))):
        data = json.loads(path.read_text(encoding="utf-8"))
        counts = {"aligned": aligned, "partial": partial, "gap": gap, "percent": percent}
        data["documents"][0]["coverage"] = counts
        path.write_text(json.dumps(data), encoding="utf-8")
    coverage = json.loads(invoke("diff", old, new, "--format", "json").stdout)["coverage"]
    (plan,) = coverage["documents"]
    assert plan["delta"] == -8.3


def test_a_run_compared_with_its_own_saved_report_has_moved_nothing(tmp_path: Path) -> None:
    # The documents checked now gave their rounded coverage (35.7), the saved report its
    # counts unrounded (35.714...): -0.0 for a document that had not changed.
    examples = Path(__file__).parent.parent / "examples"
    draft = examples / "riverside-and-wolds-icb-joint-forward-plan.md"
    saved = tmp_path / "saved.json"
    framework = examples.parent / "priorities.yaml"
    invoke("check", draft, "-f", framework, "-q", "-o", saved)
    result = invoke("diff", saved, draft, "-f", framework, "--format", "json")
    assert result.exit_code == 0, result.stderr
    coverage = json.loads(result.stdout)["coverage"]
    for change in (coverage["system"], *coverage["documents"]):
        assert change["old"] == change["new"] and change["delta"] == 0.0
        assert str(change["delta"]) == "0.0"
    assert "-0.0" not in invoke("diff", saved, draft, "-f", framework).stdout


def test_a_diff_written_to_a_file_is_still_shown_unless_quiet(
    two_runs: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    # 'diff -o d.md' printed nothing where check shows its summary, and '-q' was refused.
    old, new, _ = two_runs
    written = tmp_path / "d.md"
    shown = invoke("diff", old, new, "-o", written)
    assert shown.exit_code in (0, 1)
    assert re.search(r"\d+ verdicts? moved", shown.stdout) and "##" not in shown.stdout
    assert written.read_text(encoding="utf-8").splitlines()[1] == "## alignck: what changed"
    quiet = invoke("diff", old, new, "-o", written, "-q")
    assert quiet.exit_code == shown.exit_code and quiet.stdout == ""


def test_junit_with_nothing_moved_holds_one_passing_case(tmp_path: Path) -> None:
    # An empty '<testsuites tests="0"/>' fails a Jenkins build by default: no results found.
    old, new = _saved_pair(tmp_path, "partial", "partial")
    compared = ET.fromstring(invoke("diff", old, new, "--format", "junit").stdout)
    assert compared.get("tests") == "1" and compared.get("failures") == "0"
    (case,) = compared.iter("testcase")
    assert case.get("name") == "no verdict moved"
    assert "0 verdicts moved" in (case.findtext("system-out") or "")
    properties = {p.get("name"): p.get("value") for p in compared.iter("property")}
    assert properties["old run"] and properties["new run"]


def test_diff_of_two_lone_documents_of_other_names_says_what_it_compared(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    trust = make_document("trust-plan.md")
    district = make_document("district-plan.md", OTHER)
    old = tmp_path / "trust.json"
    _check(trust, small_framework, old)
    result = invoke("diff", old, district, "-f", small_framework, "-q", "-o", tmp_path / "d.md")
    assert "trust.json: note: district-plan.md is compared with trust-plan.md, the one " in (
        result.stderr.replace(str(tmp_path) + "/", "")
    )


@pytest.mark.parametrize("target", ["document", "framework", "old document"])
def test_a_report_is_never_written_over_a_document_or_the_framework_it_checks(
    two_runs: tuple[Path, Path, Path], small_framework: Path, tmp_path: Path, target: str
) -> None:
    old, _, folder = two_runs
    other = tmp_path / "before"
    other.mkdir()
    (other / "plan.md").write_text("# Plan\n\nWe will cut waiting times.\n", encoding="utf-8")
    victim = {
        "document": folder / "plan.md",
        "framework": small_framework,
        "old document": other / "plan.md",
    }[target]
    first = other if target == "old document" else old
    before = victim.read_bytes()
    result = invoke("diff", first, folder, "-f", small_framework, "-o", victim, "-q")
    assert result.exit_code == 2
    assert "--output would overwrite" in result.stderr
    assert victim.read_bytes() == before


def test_quiet_without_an_output_file_says_it_changes_nothing(tmp_path: Path) -> None:
    # 'diff -q' printed the whole comparison and said nothing; check warns.
    old, new = _saved_pair(tmp_path, "aligned", "partial")
    result = invoke("diff", old, new, "-q")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "alignck: warning: -q only quietens a run that writes its report with -o"
    ]
    assert result.stdout  # the comparison, as before
    dashed = invoke("diff", old, new, "-q", "-o", "-", "--format", "json")
    assert dashed.exit_code == 0 and "-q only quietens" not in dashed.stderr
    written = invoke("diff", old, new, "-q", "-o", tmp_path / "d.json")
    assert written.exit_code == 0 and written.stdout == "" and written.stderr == ""


def test_a_narrow_terminal_folds_a_long_document_name_in_the_coverage_table(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # The name is the row's only key: cut short with '…', two versions of one partner's
    # name could not be told apart.
    folder = tmp_path / "docs"
    folder.mkdir()
    long_name = "docs/riverside-county-council-plan-and-delivery-programme.md"
    make_document(long_name)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    _check(folder, small_framework, old)
    make_document(long_name, EDITED)
    _check(folder, small_framework, new)
    result = runner.invoke(app, ["diff", str(old), str(new)], env={"COLUMNS": "60"})
    coverage = result.stdout[result.stdout.index("Coverage") :]
    assert "…" not in coverage
    assert "programme.md" in coverage.replace("│", "").replace(" ", "").replace("\n", "")


def test_the_ci_formats_name_documents_added_to_and_gone_from_the_run(
    tmp_path: Path, small_framework: Path
) -> None:
    # The terminal and Markdown diffs said 'Removed documents: ...'; GitHub, SARIF said none.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "trust.md").write_text("# Trust\n\nWe will open two crisis cafes.\n", encoding="utf-8")
    (docs / "council.md").write_text("# Council\n\nWe will fund hubs.\n", encoding="utf-8")
    old = tmp_path / "old.json"
    args = ("-f", small_framework, "--matcher", "lexical")
    assert invoke("check", docs, *args, "--format", "json", "-o", old).exit_code == 0
    (docs / "trust.md").unlink()
    (docs / "hospice.md").write_text("# Hospice\n\nWe will end fuel poverty.\n", encoding="utf-8")
    github = invoke("diff", old, docs, *args, "--format", "github").stdout
    assert "::notice title=alignck diff%3A removed document::trust.md is not in this run" in github
    assert "::notice title=alignck diff%3A added document::hospice.md is new in this run" in github
    sarif = json.loads(invoke("diff", old, docs, *args, "--format", "sarif").stdout)
    said = [
        n["message"]["text"]
        for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    ]
    assert "trust.md is not in this run: its verdicts are not compared" in said
    assert "hospice.md is new in this run" in said
    junit = invoke("diff", old, docs, *args, "--format", "junit").stdout
    assert '<testcase classname="alignck_diff" name="removed: trust.md">' in junit
    assert "trust.md is not in this run: its verdicts are not compared" in junit
    assert '<testcase classname="alignck_diff" name="added: hospice.md">' in junit
    import xml.etree.ElementTree as ET

    root = ET.fromstring(junit)
    assert int(root.get("tests")) == len(root.findall(".//testcase"))
    # No verdict moved, one document gone: two cases, and a total that says two.
    (docs / "hospice.md").unlink()
    junit = invoke("diff", old, docs, *args, "--format", "junit").stdout
    root = ET.fromstring(junit)
    assert [case.get("name") for case in root.iter("testcase")] == [
        "no verdict moved",
        "removed: trust.md",
    ]
    assert root.get("tests") == "2"


def test_a_gap_whose_waiver_lapsed_is_said_to_be_no_longer_waived(
    small_framework: Path, tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A board secretary's month read '13 new gaps' where no document had changed: seven
    waivers had lapsed. The verdict did not move; its waiver went, and diff says so."""
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - priority: early-years\n    reason: Elsewhere.\n    expires: 2027-03-31\n"
        "  - priority: warm-homes\n    reason: Elsewhere.\n    expires: 2027-03-31\n",
        encoding="utf-8",
    )
    old = tmp_path / "march.json"
    saved = invoke(
        "check", tmp_path / "docs", "-f", small_framework, "--waivers", waivers,
        "--today", "2027-03-01", "-o", old, "-q",
    )  # fmt: skip
    assert saved.exit_code == 0, saved.stderr
    args = ["diff", old, tmp_path / "docs", "-f", small_framework, "--waivers", waivers]
    result = invoke(*args, "--today", "2027-04-01")
    shown = " ".join(result.stdout.split())
    assert "1 new gap (1 no longer waived)" in shown, shown
    data = json.loads(invoke(*args, "--today", "2027-04-01", "--format", "json").stdout)
    lapsed = {c["priority_id"]: (c["change"], c["waiver_lapsed"]) for c in data["changes"]}
    # A partial no longer waived is 'worse' by the policy, though it did not move.
    assert lapsed == {"early-years": ("new gap", True), "warm-homes": ("worse", True)}
    assert "(no longer" in shown.split("Verdicts that moved")[1]
    markdown = invoke(*args, "--today", "2027-04-01", "--format", "markdown").stdout
    assert "new gap (no longer waived)" in markdown and "worse (no longer waived)" in markdown
    # A verdict that moved as its waiver went moved for its document's sake too: not marked.
    plan = tmp_path / "docs" / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").split("## Homes")[0], encoding="utf-8")
    moved = json.loads(invoke(*args, "--today", "2027-04-01", "--format", "json").stdout)
    (homes,) = [c for c in moved["changes"] if c["priority_id"] == "warm-homes"]
    assert (homes["old"], homes["new"], homes["waiver_lapsed"]) == ("partial", "gap", False)


def test_a_report_records_its_code_and_day_and_diff_says_when_the_code_differs(
    small_framework: Path, tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """An auditor found two checkouts of alignck 0.1.0 giving other verdicts on the same
    documents, and no report saying which code, or which day its waivers were judged on."""
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    saved = tmp_path / "march.json"
    args = ["check", tmp_path / "docs", "-f", small_framework, "--today", "2027-03-01"]
    # Without waivers no day judged any: the header said 'waivers judged on' all the same.
    unwaived = invoke(*args, "--format", "json")
    assert json.loads(unwaived.stdout)["judged_on"] is None
    assert "judged on" not in invoke(*args).stdout
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - priority: warm-homes\n    reason: Left to the districts.\n",
        encoding="utf-8",
    )
    args += ["--waivers", waivers]
    assert invoke(*args, "-o", saved, "-q").exit_code == 0
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{16}", data["tool"]["code"]) and data["judged_on"] == "2027-03-01"
    markdown = invoke(*args, "--format", "markdown").stdout
    assert f"- alignck code: {data['tool']['code']}" in markdown
    assert "- waivers judged on: 2027-03-01" in markdown
    terminal = " ".join(invoke(*args).stdout.split())
    assert f"(code {data['tool']['code']})" in terminal and "judged on 2027-03-01" in terminal
    # The code is every file that can move a report: the fitted weights are data files.
    import alignck
    from alignck.replay import CODE_AND_DATA

    package = Path(alignck.__file__).parent
    hashed = {p.relative_to(package).as_posix() for g in CODE_AND_DATA for p in package.glob(g)}
    assert {"data/extraction.json", "data/decision.json"} <= hashed
    same = invoke("diff", saved, tmp_path / "docs", "-f", small_framework)
    assert "made with alignck code" not in same.stderr
    data["tool"]["code"] = "0123456789abcdef"
    saved.write_text(json.dumps(data), encoding="utf-8")
    other = invoke("diff", saved, tmp_path / "docs", "-f", small_framework)
    said = " ".join(other.stderr.split())
    now = json.loads(invoke(*args, "--format", "json").stdout)["tool"]["code"]
    assert f"made with alignck code 0123456789abcdef, not {now}" in said


# The plan with its mental health promise said another way: the verdict stands, on another
# passage, as a draft that lost the section behind a verdict can keep it.
REWORDED = [
    *PLAN_BLOCKS[:4],
    ("p", "We will fund a suicide prevention programme and tackle loneliness in every town."),
    *PLAN_BLOCKS[5:],
]


def test_a_verdict_standing_on_another_passage_is_listed_in_every_format(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    from alignck.starter import schema_path

    folder = tmp_path / "docs"
    folder.mkdir()
    make_document("docs/plan.md")
    old = tmp_path / "old.json"
    _check(folder, small_framework, old)
    make_document("docs/plan.md", REWORDED)
    new = tmp_path / "new.json"
    _check(folder, small_framework, new)
    assert _verdicts(old)[("plan.md", "mental-health")] == "aligned"
    assert _verdicts(new)[("plan.md", "mental-health")] == "aligned"
    result = invoke("diff", old, new, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    [item] = [r for r in data["regrounded"] if r["priority_id"] == "mental-health"]
    assert item["was_quoted"].startswith("We will open two crisis cafes")
    assert item["evidence"]["text"].startswith("We will fund a suicide prevention programme")
    schema = json.loads(schema_path("diff").read_text(encoding="utf-8"))
    problems = list(Draft202012Validator(strict_schema(schema)).iter_errors(data))
    assert [p.message for p in problems] == []
    for fmt in ("terminal", "markdown", "github"):
        args = ["diff", str(old), str(new), "--format", fmt]
        out = runner.invoke(app, args, env={"COLUMNS": "300"}).stdout
        assert "crisis cafes" in out and "suicide prevention" in out, fmt
    # check held to the first run says so too, and passes: the verdict did not move.
    args = ["check", str(folder), "-f", str(small_framework), "--baseline", str(old)]
    held = runner.invoke(app, [*args, "--fail-on", "worse"], env={"COLUMNS": "300"})
    assert held.exit_code == 0
    said = " ".join(held.stdout.split())
    assert "is still aligned but no longer quotes “We will open two crisis cafes" in said
