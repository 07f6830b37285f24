"""The JSON report is the same bytes whether orjson or the standard library encodes it."""

import io
import json
import shutil
from pathlib import Path

import pytest

from alignck import jsonfast
from alignck.pipeline import check
from alignck.renderers import RenderOptions, renderer
from conftest import EXAMPLES, FRAMEWORK, strict_schema

GOLDEN = Path(__file__).parent.parent / "golden" / "report.json"


def _render(report: object) -> str:
    out = io.StringIO()
    renderer("json")(report, out, RenderOptions())  # type: ignore[arg-type]
    return out.getvalue()


def test_a_real_report_is_byte_identical_with_and_without_orjson(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = check([EXAMPLES], FRAMEWORK)
    fast = _render(report)
    monkeypatch.setattr(jsonfast, "_orjson", None)
    assert _render(report) == fast
    assert '"evidence": [\n' in fast  # a report with quotes in it, not an empty one


def test_the_golden_report_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    from renderers.test_renderers import _report

    monkeypatch.setattr(jsonfast, "_orjson", None)
    assert _render(_report()) == GOLDEN.read_text(encoding="utf-8")


def _report_schema() -> dict[str, object]:
    from alignck.starter import schema_path

    loaded: dict[str, object] = json.loads(schema_path("report").read_text(encoding="utf-8"))
    return loaded


def _problems(report: object, schema: object = None) -> list[str]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema or strict_schema(_report_schema()))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]


def test_the_golden_report_keeps_to_its_published_schema() -> None:
    assert _problems(json.loads(GOLDEN.read_text(encoding="utf-8"))) == []


def test_a_run_with_every_kind_of_entry_keeps_to_the_schema(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from alignck.cli import app

    for source in EXAMPLES.iterdir():
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot a pdf at all")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    reviews = tmp_path.parent / "reviews.yaml"
    reviews.write_text(
        "reviews:\n  - {document: riverside-county-council-plan, priority: best-start, "
        "verdict: partial, reason: No target., reviewer: A. Officer, date: '2026-11-30'}\n",
        encoding="utf-8",
    )
    base, full = tmp_path.parent / "base.json", tmp_path.parent / "full.json"
    runner = CliRunner()
    common = [str(tmp_path), "-f", str(FRAMEWORK), "-q", "--explain"]
    assert runner.invoke(app, ["check", *common, "-o", str(base)]).exit_code == 2
    waivers = tmp_path.parent / "waivers.yaml"
    waivers.write_text(
        (FRAMEWORK.parent / "waivers.yaml").read_text(encoding="utf-8")
        + "  - {priority: best-start, document: riverside-county-councl-plan, reason: Typo.}\n",
        encoding="utf-8",
    )
    extra = ["--waivers", str(waivers), "--review", str(reviews), "--baseline", str(base)]
    assert runner.invoke(app, ["check", *common, *extra, "-o", str(full)]).exit_code == 2
    report = json.loads(full.read_text(encoding="utf-8"))
    # The run has what the schema must describe: an unread document, a skipped file,
    # applied waivers and reviews, a baseline and its failures.
    assert report["summary"]["errors"] == 1 and report["skipped"]
    assert report["waivers"]["applied"] and report["reviews"]["applied"]
    assert report["waivers"]["unused"][0]["unused_because"].startswith("'riverside-county-councl")
    assert report["policy"]["baseline"] and report["policy"]["failures"]
    assert _problems(report) == []


def test_the_schema_catches_a_key_it_does_not_describe() -> None:
    report = json.loads(GOLDEN.read_text(encoding="utf-8"))
    report["documents"][1]["alignment"][0]["verdict"] = "aligned"
    report["summary"]["system_coverage"]["percent"] = "50%"
    problems = _problems(report)
    assert len(problems) == 2
    assert any("'verdict' was unexpected" in p for p in problems)


def test_the_published_schema_accepts_a_key_a_later_version_adds() -> None:
    """Its description promises readers may meet keys it does not list within the version:
    a job validating against today's copy must not fail when alignck adds one."""
    report = json.loads(GOLDEN.read_text(encoding="utf-8"))
    report["language"] = "en"
    report["documents"][1]["alignment"][0]["confidence"] = 0.5
    assert _problems(report, _report_schema()) == []
    assert len(_problems(report)) == 2
