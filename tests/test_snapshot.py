"""Loading a saved JSON report: what is wrong with one is said by its place in the report
('documents[0].alignment'), never in Python's words ("'NoneType' object is not iterable")."""

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.errors import ReportFileError
from alignck.snapshot import load_snapshot


def _report() -> dict[str, Any]:
    verdict = {"priority_id": "air", "status": "gap", "score": 0.1, "evidence": []}
    return {
        "schema_version": 1,
        "tool": {"name": "alignck", "version": "0.1.0"},
        "framework": {"name": "t", "priorities": [{"id": "air", "title": "Clean air"}]},
        "thresholds": {"aligned": 0.5, "partial": 0.5},
        "documents": [
            {
                "path": "plan.md",
                "status": "ok",
                "coverage": {"percent": 0.0},
                "alignment": [verdict],
            }
        ],
        "summary": {"system_coverage": {"percent": 0.0}},
    }


def _broken(change: str) -> dict[str, Any]:
    report = _report()
    document = report["documents"][0]
    if change == "alignment":
        document["alignment"] = None
    elif change == "score":
        document["alignment"][0]["score"] = "high"
    elif change == "evidence":
        document["alignment"][0]["evidence"] = ["a quote"]
    elif change == "document":
        report["documents"][0] = None
    elif change == "formerly":
        report["framework"]["priorities"][0]["formerly"] = "smoking"
    return report


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("alignment", "documents[0].alignment: expected a list, got null"),
        ("score", "documents[0].alignment[0].score: expected a number, got a string"),
        ("evidence", "documents[0].alignment[0].evidence[0]: expected an object, got a string"),
        ("document", "documents[0]: expected an object, got null"),
        ("formerly", "framework.priorities[0].formerly: expected a list, got a string"),
    ],
)
def test_a_report_with_a_key_of_the_wrong_kind_names_the_key(
    tmp_path: Path, change: str, said: str
) -> None:
    path = tmp_path / "run.json"
    path.write_text(json.dumps(_broken(change)), encoding="utf-8")
    with pytest.raises(ReportFileError) as raised:
        load_snapshot(path)
    assert str(raised.value) == (
        f"{path}: not an alignck JSON report (as 'alignck check --format json' writes): {said}"
    )


def test_a_baseline_whose_alignment_is_null_is_one_line_naming_the_key(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    saved = tmp_path / "run.json"
    args = ["check", str(plan), "-f", str(small_framework), "--matcher", "lexical"]
    assert CliRunner().invoke(app, [*args, "-q", "-o", str(saved)]).exit_code == 0
    report = json.loads(saved.read_text(encoding="utf-8"))
    report["documents"][0]["alignment"] = None
    saved.write_text(json.dumps(report), encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "--baseline", str(saved), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {saved}: not an alignck JSON report (as 'alignck check --format "
        "json' writes): documents[0].alignment: expected a list, got null"
    ]


def test_a_report_saved_as_utf16_is_read_and_a_folder_is_said_to_be_one(tmp_path: Path) -> None:
    # Windows PowerShell 5.1's '>' writes UTF-16: 'utf-8 codec can't decode byte 0xff'.
    saved = tmp_path / "u16.json"
    saved.write_bytes(json.dumps(_report()).encode("utf-16"))
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(_report()), encoding="utf-8")
    assert load_snapshot(saved).documents == load_snapshot(plain).documents
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(ReportFileError, match="a folder, not a saved JSON report"):
        load_snapshot(folder)


def test_a_report_cut_short_is_said_to_be_cut_short(tmp_path: Path) -> None:
    # 'invalid JSON: Unterminated string starting at' did not say the file was incomplete.
    report = _report()
    report["documents"][0]["error"] = None
    text = json.dumps(report, indent=2)
    path = tmp_path / "q3.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ReportFileError, match="a JSON report cut short"):
        load_snapshot(path)
    path.write_text(text[: text.index("null") + 3], encoding="utf-8")  # '"parent": nul'
    with pytest.raises(ReportFileError, match="a JSON report cut short"):
        load_snapshot(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReportFileError, match=r"invalid JSON: Expecting property name"):
        load_snapshot(path)
    path.write_text('{"a": 1,, }', encoding="utf-8")
    with pytest.raises(ReportFileError, match=r"invalid JSON: Expecting property name"):
        load_snapshot(path)


def test_alignck_s_own_sarif_or_junit_report_given_as_a_baseline_says_to_give_the_json(
    tmp_path: Path,
) -> None:
    # "no 'tool: alignck'" for alignck's own SARIF did not say what to give instead.
    sarif = tmp_path / "q3.sarif"
    sarif.write_text(
        json.dumps(
            {
                "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "version": "2.1.0",
                "runs": [{"tool": {"driver": {"name": "alignck"}}, "results": []}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ReportFileError, match="alignck's SARIF report, not a JSON report; give"):
        load_snapshot(sarif)
    # A SARIF file whose driver is no object is still one line, not a traceback.
    sarif.write_text(
        json.dumps(
            {
                "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "runs": [{"tool": {"driver": "alignck"}}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ReportFileError, match="a SARIF report, not a JSON report"):
        load_snapshot(sarif)
    junit = tmp_path / "q3.xml"
    junit.write_text(
        '<?xml version="1.0"?>\n<testsuites name="alignck"><testsuite name="alignck">'
        "</testsuite></testsuites>\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportFileError, match="alignck's JUnit XML report, not a JSON report"):
        load_snapshot(junit)
