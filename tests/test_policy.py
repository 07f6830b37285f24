"""The policy: which verdicts break a run, and the one-line reasons the CLI prints."""

from dataclasses import replace
from datetime import date
from pathlib import Path

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


_PATH = "docs/draft.md"


@pytest.mark.parametrize(
    ("fail_on", "baseline", "expected"),
    [
        # The required gap was a gap in the baseline: known debt, no failure.
        ("new-gap", {"air": "gap", "homes": "partial"}, {"air": False, "homes": False}),
        ("new-gap", {"air": "partial", "homes": "partial"}, {"air": True, "homes": False}),
        ("worse", {"air": "gap", "homes": "aligned"}, {"air": False, "homes": True}),
        # A document the baseline did not have: everything below aligned is new.
        ("new-gap", {}, {"air": True, "homes": False}),
        ("worse", {}, {"air": True, "homes": True}),
        # Asked for by name, gap and partial fail only what the baseline did not have.
        ("gap", {"air": "gap", "homes": "aligned"}, {"air": False, "homes": False}),
        ("gap", {"air": "partial", "homes": "aligned"}, {"air": True, "homes": False}),
        ("partial", {"air": "gap", "homes": "partial"}, {"air": False, "homes": False}),
        ("partial", {"air": "gap", "homes": "aligned"}, {"air": False, "homes": True}),
        ("partial", {}, {"air": True, "homes": True}),
    ],
)
def test_a_baseline_fails_only_what_got_worse(
    fail_on: str, baseline: dict[str, str], expected: dict[str, bool]
) -> None:
    verdicts = {(_PATH, p): s for p, s in baseline.items()}
    report = _report(Policy(fail_on=fail_on, baseline=verdicts))  # type: ignore[arg-type]
    result = report.documents[0]
    assert {a.priority_id: fails(report, _PATH, a, {}) for a in result.alignments} == expected
    assert bool(failures(report)) is any(expected.values())


def test_a_baseline_failure_says_what_the_verdict_was() -> None:
    policy = Policy(fail_on="new-gap", baseline={(_PATH, "air"): "partial"})
    assert failures(_report(policy))[0] == "draft has new gaps on 'Clean air' [air] (partial → gap)"


def test_fail_on_partial_held_to_a_baseline_says_what_each_verdict_was() -> None:
    # It gave the plain run's wording, so known debt and a regression read alike.
    policy = Policy(
        fail_on="partial", baseline={(_PATH, "air"): "partial", (_PATH, "homes"): "aligned"}
    )
    assert failures(_report(policy)) == [
        "draft leaves a gap on 'Clean air' [air] (partial → gap)",
        "draft only partly addresses 'Warm homes' [homes] (aligned → partial)",
        "required priority 'Clean air' [air] is a gap in draft",
    ]
    assert (
        failures(_report(Policy(fail_on="partial")))[0] == "draft leaves a gap on 'Clean air' [air]"
    )


def test_a_verdict_the_baseline_did_not_have_is_named_new_as_diff_names_it() -> None:
    # It read '(not in the baseline → partial)' where diff says 'new document'.
    new_priority = Policy(fail_on="worse", baseline={(_PATH, "air"): "gap"})
    assert "'Warm homes' [homes] (new priority → partial)" in failures(_report(new_priority))[0]
    new_document = Policy(fail_on="worse", baseline={("docs/other.md", "air"): "gap"})
    assert "(new document → partial)" in failures(_report(new_document))[0]


@pytest.mark.parametrize("kind", ["empty folder", "missing path", "unreadable only"])
def test_run_failures_fails_a_run_that_checked_nothing(
    tmp_path: Path, small_framework: Path, kind: str
) -> None:
    # failures() alone is the policy's: it passed an empty folder, a missing path and a
    # folder of unreadable files, which the command line fails with exit 2.
    from alignck.pipeline import check
    from alignck.policy import failures, run_failures

    folder = tmp_path / "docs"
    folder.mkdir()
    if kind == "unreadable only":
        (folder / "broken.pdf").write_bytes(b"not a pdf")
    given = tmp_path / "nope.md" if kind == "missing path" else folder
    report = check([given], small_framework, policy=Policy(fail_on="gap"))
    assert failures(report) == []
    assert run_failures(report)


@pytest.mark.parametrize(
    ("coverage", "limit", "shown"),
    [
        (87.5, 87.50001, "87.5"),
        (87.49999, 87.5, "87.49999"),
        (7.142857142857143, 7.143, "7.1429"),
        (7.142857142857143, 60, "7.143"),
        (50.0, 80, "50"),
        (87.50004, 87.50001, "87.50004"),
        (33.333333333333336, None, "33.33"),
    ],
)
def test_a_coverage_is_said_on_its_side_of_the_limit(
    coverage: float, limit: float | None, shown: str
) -> None:
    # 'system coverage 87.5% is below --fail-under 87.5%': both rounded to four figures.
    from alignck.policy import coverage_figure

    assert coverage_figure(coverage, limit) == shown


@pytest.mark.parametrize(
    ("limit", "shown"),
    [(60.0, "60"), (87.50001, "87.50001"), (100.0001, "100.0001"), (7.5, "7.5"), (-0.0, "0")],
)
def test_the_limit_is_said_with_every_digit_given(limit: float, shown: str) -> None:
    from alignck.policy import limit_figure

    assert limit_figure(limit) == shown


def test_a_failure_at_a_limit_just_above_the_coverage_says_both_apart() -> None:
    report = _report(Policy(fail_under=25.000001))
    assert failures(report)[0] == "system coverage 25% is below --fail-under 25.000001%"


def test_a_policy_of_minus_zero_is_of_zero_and_a_fraction_s_hint_is_unrounded() -> None:
    # 'system coverage at least -0%'; and 'did you mean 100?' for 0.99999999.
    assert str(Policy(fail_under=-0.0).fail_under) == "0.0"
    with pytest.raises(ValueError, match=r"did you mean 99\.999999\?$"):
        Policy(fail_under=0.99999999)


def test_a_required_gap_the_baseline_accepted_only_by_a_waiver_fails_once_unwaived() -> None:
    # Debt a waiver accepted in the baseline is debt only while waived: with no waiver now,
    # the required priority's gap fails the run as any required gap does.
    policy = Policy(
        fail_on="new-gap",
        baseline={(_PATH, "air"): "gap", (_PATH, "homes"): "partial"},
        baseline_waived=frozenset({(_PATH, "air")}),
    )
    report = _report(policy)
    assert fails(report, _PATH, VERDICTS[0], {})
    assert "required priority 'Clean air' [air] is a gap in draft" in failures(report)


def test_a_coverage_exactly_at_fail_under_passes() -> None:
    from alignck.policy import coverage_failure

    # The plan's coverage is 25% exactly (a gap and a partial): at the limit is not below it.
    report = _report(Policy(fail_under=25))
    assert report.analysis.system_coverage.exact_percent == 25.0
    assert coverage_failure(report) is None
    assert coverage_failure(replace(report, policy=Policy(fail_under=26))) is not None


def _unread(count: int) -> Report:
    results = tuple(
        DocumentResult(f"docs/plan-{n}.pdf", "error", error=f"docs/plan-{n}.pdf: not a PDF")
        for n in range(1, count + 1)
    )
    analysis = analyse(FRAMEWORK, results, (), today=date(2026, 1, 1))
    return Report(FRAMEWORK, results, (), analysis, Thresholds(), Policy())


def test_up_to_five_unread_documents_are_all_named_and_a_sixth_is_counted() -> None:
    from alignck.policy import unread_reason

    assert unread_reason(_unread(5)) == (
        "5 documents could not be read: plan-1, plan-2, plan-3, plan-4, plan-5"
    )
    assert unread_reason(_unread(6)) == (
        "6 documents could not be read: plan-1, plan-2, plan-3, plan-4, plan-5 and 1 more"
    )


def test_a_required_priority_is_a_policy_even_with_no_flag_given() -> None:
    from alignck.policy import sets_a_policy
    from alignck.renderers._common import failed_heading, policy_verdict

    # Met, the required priority still gives the run a policy that passed; with a document
    # unread as well, what failed is that policy, not a run that was held to nothing.
    met = (Alignment("air", "aligned", 0.9), Alignment("homes", "gap", 0.0))
    checked = DocumentResult(_PATH, "ok", alignments=met)
    analysis = analyse(FRAMEWORK, (checked,), (), today=date(2026, 1, 1))
    report = Report(FRAMEWORK, (checked,), (), analysis, Thresholds(), Policy())
    assert sets_a_policy(report)
    assert policy_verdict(report) == (True, [])
    unread = DocumentResult("docs/broken.pdf", "error", error="docs/broken.pdf: not a PDF")
    results = (unread, checked)
    analysis = analyse(FRAMEWORK, results, (), today=date(2026, 1, 1))
    both = Report(FRAMEWORK, results, (), analysis, Thresholds(), Policy())
    assert failed_heading(both) == "Policy failed"
