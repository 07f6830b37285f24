"""The JSON report is the same bytes whether orjson or the standard library encodes it."""

import io
from pathlib import Path

import pytest

from alignck import jsonfast
from alignck.pipeline import check
from alignck.renderers import RenderOptions, renderer
from conftest import EXAMPLES, FRAMEWORK

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
