"""The policy: which verdicts break a run, and the one-line reasons the CLI prints."""

from dataclasses import replace
from datetime import date

import pytest

from alignck.analyse import analyse
from alignck.model import (
    Alignment,
    DocumentResult,
    Framework,
    Policy,
    Priority,
    Report,
    Thresholds,
    Waiver,
)
from alignck.policy import fails, failures

FRAMEWORK = Framework(
    "t", "f.yaml", (Priority("air", "Clean air", required=True), Priority("homes", "Warm homes"))
)
VERDICTS = (Alignment("air", "gap", 0.0), Alignment("homes", "partial", 0.2))


def _report(policy: Policy, waivers: tuple[Waiver, ...] = ()) -> Report:
    results = (DocumentResult("docs/draft.md", "ok", alignments=VERDICTS),)
    analysis = analyse(FRAMEWORK, results, waivers, today=date(2026, 1, 1))
    return Report(FRAMEWORK, results, (), analysis, Thresholds(), policy)


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (Policy(), {"air": True, "homes": False}),
        (Policy(fail_on="gap"), {"air": True, "homes": False}),
        (Policy(fail_on="partial"), {"air": True, "homes": True}),
    ],
)
def test_which_verdicts_fail(policy: Policy, expected: dict[str, bool]) -> None:
    report = _report(policy)
    waived = report.analysis.waivers_by_verdict()
    got = {a.priority_id: fails(report, "docs/draft.md", a, waived) for a in VERDICTS}
    assert got == expected


def test_a_waived_verdict_fails_nothing() -> None:
    report = _report(Policy(fail_on="partial"), (Waiver("air", "x"), Waiver("homes", "y")))
    waived = report.analysis.waivers_by_verdict()
    assert not any(fails(report, "docs/draft.md", a, waived) for a in VERDICTS)
    assert failures(report) == []


def test_failures_name_each_reason_on_one_line() -> None:
    report = _report(Policy(fail_under=60, fail_on="partial"))
    assert failures(report) == [
        "system coverage 25% is below --fail-under 60%",
        "draft leaves a gap on 'Clean air' [air]",
        "draft only partly addresses 'Warm homes' [homes]",
        "required priority 'Clean air' [air] is a gap in draft",
    ]
    assert failures(replace(report, policy=Policy())) == [
        "required priority 'Clean air' [air] is a gap in draft"
    ]
