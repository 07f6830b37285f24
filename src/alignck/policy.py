"""The pass/fail policy a run is held to, and why a report fails it.

Three rules, each optional: system coverage at least ``fail_under`` percent; no document leaves
a framework priority as a gap (``fail_on='gap'``) or below aligned (``fail_on='partial'``), or,
held to a baseline run, no gap the baseline did not have (``'new-gap'``) and no verdict below
the baseline's (``'worse'``); and no document leaves a ``required: true`` priority as a gap.
Waived verdicts fail none of them, and held to a baseline nothing the baseline already had
fails, whatever ``fail_on`` says. The CI formats use :func:`fails` to mark the findings that
break the run.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import Any

from alignck.model import STATUS_RANK, Alignment, FailOn, Policy, Report, Status, Waiver
from alignck.wording import counted

__all__ = ["Policy", "fails", "failures"]


def fails(
    report: Report,
    path: str,
    alignment: Alignment,
    waived: Mapping[tuple[str, str], Waiver],
) -> bool:
    """Whether this one verdict breaks the report's policy (``waived``: from
    ``waivers_by_verdict``, computed once per report)."""
    policy = report.policy
    if alignment.status == "aligned" or (path, alignment.priority_id) in waived:
        return False
    if alignment.status == "gap" and report.framework.priority(alignment.priority_id).required:
        return not _known_gap(policy, path, alignment.priority_id)
    if policy.fail_on in ("new-gap", "worse"):
        return _below_baseline(policy, path, alignment)
    failing = policy.fail_on == "partial" or (policy.fail_on == "gap" and alignment.status == "gap")
    return failing and not _known(policy, path, alignment)


def _known(policy: Policy, path: str, alignment: Alignment) -> bool:
    """A verdict no worse than the baseline's (the same, or better): held to a baseline, only
    what is worse fails, whatever ``fail_on`` asks for."""
    return policy.baseline is not None and not _worse(policy, path, alignment)


def _known_gap(policy: Policy, path: str, priority_id: str) -> bool:
    """A gap the baseline already had: debt the partnership knows of, which a run held to a
    baseline does not fail on, not even on a required priority; unless a waiver was what
    accepted it then, and waives it no more."""
    return (
        policy.baseline is not None
        and policy.baseline.get((path, priority_id)) == "gap"
        and (path, priority_id) not in policy.baseline_waived
    )


def _below_baseline(policy: Policy, path: str, alignment: Alignment) -> bool:
    """A gap the baseline did not have, or (``worse``) any verdict below the baseline's. A
    document the baseline did not have counts as aligned there: its shortfalls are all new."""
    if policy.fail_on == "new-gap":
        return alignment.status == "gap" and _was(policy, path, alignment) != "gap"
    return _worse(policy, path, alignment)


def _worse(policy: Policy, path: str, alignment: Alignment) -> bool:
    return STATUS_RANK[alignment.status] < STATUS_RANK[_was(policy, path, alignment)]


def _was(policy: Policy, path: str, alignment: Alignment) -> Status:
    """The baseline's verdict; aligned for a document or priority it did not have, and for a
    verdict a waiver accepted then that is no better now (this run's verdict is waived too,
    and fails nothing, or the waiver lapsed or went, and the debt is no longer accepted; one
    that improved is held to what it was, as diff holds it)."""
    found = (policy.baseline or {}).get((path, alignment.priority_id), "aligned")
    lapsed = (path, alignment.priority_id) in policy.baseline_waived
    if lapsed and STATUS_RANK[alignment.status] <= STATUS_RANK[found]:
        return "aligned"
    return found


def coverage_measured(report: Report) -> bool:
    """Whether the run has a system coverage to hold to --fail-under: a document was checked.
    Nothing checked has no coverage to fall short: a run that checked nothing exits 0
    ('nothing to check'), and its reports must say neither that it failed nor that its
    coverage (0%, of nothing) reached the limit."""
    return any(d.status == "ok" for d in report.documents)


def coverage_failure(report: Report) -> str | None:
    """Why system coverage fails --fail-under, or None."""
    limit = report.policy.fail_under
    if limit is None or not coverage_measured(report):
        return None
    # Compared unrounded: 42.86% is below 43%, and the message says 42.86%, not 43%.
    coverage = report.analysis.system_coverage.exact_percent
    if coverage < limit:
        shown = coverage_figure(coverage, limit)
        return f"system coverage {shown}% is below --fail-under {limit_figure(limit)}%"
    return None


def limit_figure(limit: float) -> str:
    """--fail-under as it was given, with every digit it has: '60', '87.50001' (which '{:g}'
    shows as '87.5', the coverage it was failing)."""
    # -0 is 0: 'system coverage at least -0%' (Policy makes it 0; a figure given here may not be).
    return repr(float(limit) + 0.0).removesuffix(".0")


def as_percentage(fraction: float) -> str:
    """A fraction given as --fail-under, as the percentage it would be: its digits moved two
    places, in decimal, with nothing rounded ('{:g}' made 0.99999999 '100', a limit no run
    below 100% passes, and 1e-9 '1e-07')."""
    from decimal import Decimal

    scaled = (Decimal(repr(float(fraction))) * 100).normalize()
    # Positional up to twelve places; a fraction smaller still in scientific notation, whose
    # exponent has no padding zero.
    return format(scaled, "f" if scaled.adjusted() >= -12 else "e")


def coverage_figure(coverage: float, limit: float | None) -> str:
    """A coverage percentage to four significant figures, or as many more as keep it on its
    side of ``limit``: 87.49999 below a limit of 87.5 is not '87.5'."""
    for digits in range(4, 18):
        shown = f"{coverage:.{digits}g}"
        if limit is None or (float(shown) < limit) == (coverage < limit):
            return shown
    return repr(coverage)


def failures(report: Report) -> list[str]:
    """Why the report fails its policy, one line each; empty when it passes."""
    policy = report.policy
    below = coverage_failure(report)
    lines = [below] if below else []
    if policy.fail_on is not None:
        lines.extend(_unaddressed(report, policy.fail_on))
    missed_by: dict[str, list[str]] = {}
    from alignck.names import path_order

    ordered = sorted(report.analysis.required_gaps.items(), key=lambda item: path_order(item[0]))
    for path, ids in ordered:
        for priority_id in ids:
            if _known_gap(policy, path, priority_id):
                continue
            missed_by.setdefault(priority_id, []).append(report.published_name(path))
    for priority_id, names in missed_by.items():
        title = report.framework.priority(priority_id).title
        lines.append(f"required priority '{title}' [{priority_id}] is a gap in {', '.join(names)}")
    return lines


def _unaddressed(report: Report, fail_on: FailOn) -> list[str]:
    """One line per document and verdict kind with unwaived gaps (and partials)."""
    if fail_on in ("new-gap", "worse"):
        return _regressions(report)
    failing = ("gap",) if fail_on == "gap" else ("gap", "partial")
    waived = report.analysis.waivers_by_verdict()
    reviewed = report.analysis.reviews_by_verdict()
    lines = []
    for result in report.documents:
        for status, says in (("gap", "leaves a gap on"), ("partial", "only partly addresses")):
            if status not in failing:
                continue
            named = [
                _named(report, result.path, a, reviewed)
                for a in result.alignments
                if a.status == status
                and (result.path, a.priority_id) not in waived
                and not _known(report.policy, result.path, a)
            ]
            if named:
                lines.append(f"{report.published_name(result.path)} {says} {', '.join(named)}")
    return lines


def _regressions(report: Report) -> list[str]:
    """One line per document with verdicts below the baseline's, each with what it was."""
    policy = report.policy
    waived = report.analysis.waivers_by_verdict()
    reviewed = report.analysis.reviews_by_verdict()
    says = "has new gaps on" if policy.fail_on == "new-gap" else "is worse than the baseline on"
    lines = []
    for result in report.documents:
        named = [
            _named(report, result.path, a, reviewed)
            for a in result.alignments
            if (result.path, a.priority_id) not in waived
            and _below_baseline(policy, result.path, a)
        ]
        if named:
            lines.append(f"{report.published_name(result.path)} {says} {', '.join(named)}")
    return lines


def _named(report: Report, path: str, alignment: Alignment, reviewed: Container[Any]) -> str:
    """The priority as a failure names it ('Clean air' [air]), with what it was before (held
    to a baseline) and whether a reviewer set it (``reviewed``: the (path, priority id) pairs
    a review set): a run failing on a reviewer's gap read as the document's own."""
    title = report.framework.priority(alignment.priority_id).title
    return (
        f"'{title}' [{alignment.priority_id}]"
        + _change(report.policy, path, alignment)
        + (" (reviewed)" if (path, alignment.priority_id) in reviewed else "")
    )


def baseline_change(policy: Policy, path: str, alignment: Alignment) -> str:
    """'gap (waived) → gap', 'new document → partial': what a verdict held to a baseline
    was and is; empty without a baseline."""
    return _change(policy, path, alignment).strip()[1:-1]


def _change(policy: Policy, path: str, alignment: Alignment) -> str:
    """' (was → now)' held to a baseline, so a reviewer tells a regression from known debt;
    empty without one."""
    if policy.baseline is None:
        return ""
    found = policy.baseline.get((path, alignment.priority_id))
    if found is not None:
        waived = " (waived)" if (path, alignment.priority_id) in policy.baseline_waived else ""
        return f" ({found}{waived} → {alignment.status})"
    # Named as diff names it: nothing moved down, the verdict is new and below aligned.
    known = any(document == path for document, _ in policy.baseline)
    return f" ({'new priority' if known else 'new document'} → {alignment.status})"


def unread_reason(report: Report) -> str | None:
    """'2 documents could not be read: plan, trust-strategy': why a run with unreadable
    documents fails whatever its policy, naming them (the first five) where a board reads it."""
    if not report.errors:
        return None
    names = [report.name(r.path) for r in report.errors]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return f"{counted(len(names), 'document')} could not be read: {shown}"


def run_failures(report: Report) -> list[str]:
    """Why the run fails, as its exit code and the JSON's 'passed' say: the policy's
    failures, documents that could not be read, and nothing found to check; empty when it
    passes. A caller's test for a pass: failures() alone passed an empty folder, a missing
    path and a folder of unreadable files."""
    reasons = failures(report)
    unread = unread_reason(report)
    if unread:
        reasons.append(unread)
    if not report.documents:
        reasons.append("no documents were checked")
    return reasons


def sets_a_policy(report: Report) -> bool:
    """Whether the run was held to anything (--fail-under, --fail-on, a required priority);
    without, it fails only for documents it could not read."""
    policy = report.policy
    required = any(p.required for p in report.framework.priorities)
    return bool(required or policy.fail_under or policy.fail_on)
