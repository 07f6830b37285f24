"""JSON report (schema_version 1): everything the terminal shows, for scripts and archives."""

from __future__ import annotations

from typing import Any, TextIO

from alignck import __version__
from alignck.analyse import publisher
from alignck.framework import framework_to_dict
from alignck.jsonfast import dumps_indented
from alignck.model import (
    Alignment,
    Coverage,
    DocumentResult,
    Evidence,
    Location,
    PriorityOverview,
    Report,
    Review,
    ReviewedVerdict,
    StatedMatch,
    Statement,
    Waiver,
)
from alignck.names import path_order
from alignck.policy import failures, unread_reason
from alignck.renderers import RenderOptions
from alignck.renderers._common import system_share

SCHEMA_VERSION = 1


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    """Write the report one document at a time: a national run's report can be hundreds of
    megabytes, and building it whole in memory first would multiply that several times."""
    whole = report_to_dict(report, with_documents=False)
    head = dumps_indented(whole)
    split = head.index('\n  "documents": []')
    out.write(head[:split])
    out.write('\n  "documents": [')
    waived = report.analysis.waivers_by_verdict()
    for index, result in enumerate(report.documents):
        text = dumps_indented(_document(result, report, waived))
        out.write(("," if index else "") + "\n    " + text.replace("\n", "\n    "))
    out.write("\n  ]" if report.documents else "]")
    out.write(head[split + len('\n  "documents": []') :])
    out.write("\n")


def report_to_dict(report: Report, with_documents: bool = True) -> dict[str, Any]:
    """The report as ``--format json`` writes it, as a dict of plain values (str, numbers,
    bool, None, lists and dicts), ready for ``json.dumps``; ``with_documents=False`` leaves
    out the per-document results."""
    analysis = report.analysis
    waived = analysis.waivers_by_verdict()
    documents = [_document(d, report, waived) for d in report.documents] if with_documents else []
    reasons = failures(report)
    unread = unread_reason(report)
    if unread:
        # 'passed' is false for it, as the exit code is not 0: a script reading 'failures'
        # must find why, as the Markdown and HTML reports say.
        reasons = [*reasons, unread]
    return {
        "schema_version": SCHEMA_VERSION,
        # As the exit code: 0 only when every document was read and the policy holds.
        "passed": not reasons,
        "tool": {"name": "alignck", "version": __version__, "code": report.code or None},
        "judged_on": report.judged_on.isoformat() if report.judged_on else None,
        "framework": framework_to_dict(report.framework),
        "thresholds": {"aligned": report.thresholds.aligned, "partial": report.thresholds.partial},
        "matcher": report.matcher,
        "policy": {
            # A float as the command line gives it: Policy(fail_under=50) wrote 50, not 50.0.
            "fail_under": _float_or_none(report.policy.fail_under),
            "fail_on": report.policy.fail_on,
            "baseline": report.policy.baseline_source,
            "failures": reasons,
            "baseline_notes": list(report.policy.baseline_notes),
        },
        "documents": documents,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "gaps": {
            "unaddressed": list(analysis.unaddressed),
            "by_document": {path: list(ids) for path, ids in analysis.missed.items()},
            "required": {path: list(ids) for path, ids in analysis.required_gaps.items()},
            "outside_framework": {
                path: [{"text": s.text, **_location(s.location)} for s in statements]
                for path, statements in analysis.outside.items()
            },
        },
        "waivers": {
            # One entry per waived verdict: a waiver on a priority waives its sub-priorities
            # too, so the verdict's own priority is named beside the waiver's.
            "applied": [
                {"path": w.path, "status": w.status}
                | waiver_to_dict(w.waiver)
                | {"priority_id": w.priority_id, "waiver_priority_id": w.waiver.priority_id}
                for w in analysis.waived
            ],
            # With why: a misspelt document name is not a waiver of no gap.
            "unused": [
                waiver_to_dict(w) | {"unused_because": why}
                for w, why in analysis.unused_with_reasons()
            ],
            "expired": [waiver_to_dict(w) for w in analysis.expired_waivers],
            # No warning names them (a shared file's waivers of other partners' documents
            # would fill every run's log), but a renamed document's waiver shows here.
            "elsewhere": [waiver_to_dict(w) for w in analysis.elsewhere_waivers],
        },
        "reviews": {
            "applied": [
                {"path": r.path, "machine_status": r.machine} | review_to_dict(r.review)
                for r in analysis.reviewed
            ],
            "unused": [review_to_dict(r) for r in analysis.unused_reviews],
        },
        # Each partner --partner names, its documents taken together.
        "partners": [
            {
                "partner": found.partner,
                "documents": list(found.documents),
                "coverage": _coverage(found.coverage),
                "verdicts": found.verdicts,
                "gaps": list(found.gaps),
            }
            for found in analysis.partners
        ],
        "overlaps": {
            "priorities": [_overview(o) for o in analysis.overlaps],
            "shared_outside_framework": [
                {
                    "label": g.label,
                    "documents": list(g.documents),
                    # How many partners state it: its documents, one partner's counted once.
                    "partners": len({publisher(p, report.partner(p)) for p in g.documents}),
                    "statements": [{"path": p, "text": t} for p, t in g.members],
                }
                for g in analysis.shared_outside
            ],
        },
        "summary": {
            "documents": len(report.documents),
            "checked": len(report.documents) - len(report.errors),
            "errors": len(report.errors),
            "skipped": len(report.skipped),
            "system_coverage": _coverage(analysis.system_coverage)
            | {"percent": system_share(report)},
            "priorities": [_overview(o) for o in analysis.priorities],
        },
    }


def waiver_to_dict(waiver: Waiver) -> dict[str, Any]:
    return {
        "priority_id": waiver.priority_id,
        "document": waiver.document,
        "reason": waiver.reason,
        "expires": waiver.expires.isoformat() if waiver.expires else None,
        "source": waiver.source,
    }


def review_to_dict(review: Review) -> dict[str, Any]:
    return {
        "priority_id": review.priority_id,
        "document": review.document,
        "verdict": review.verdict,
        "reason": review.reason,
        "reviewer": review.reviewer,
        "date": review.date.isoformat(),
        "source": review.source,
    } | (
        ({"alignck_said": review.alignck_said} if review.alignck_said is not None else {})
        | ({"alignck_quoted": review.alignck_quoted} if review.alignck_quoted is not None else {})
    )


def _document(
    result: DocumentResult, report: Report, waived: dict[tuple[str, str], Waiver]
) -> dict[str, Any]:
    coverage = report.analysis.document_coverage.get(result.path)
    reviewed = report.analysis.reviews_by_verdict() if report.analysis.reviewed else {}
    return {
        "path": result.path,
        "name": report.name(result.path),
        "partner": result.partner,
        "sha256": result.sha256,
        "status": result.status,
        "error": result.error,
        "format": result.format,
        "pages": result.pages,
        "warnings": list(result.warnings),
        "coverage": _coverage(coverage) if coverage else None,
        "stated_priorities": [
            {
                **_stated(s),
                "sub_priorities": [_stated(c) for c in result.sub_priorities(s.statement)],
            }
            for s in result.stated_priorities
        ],
        "commitment_count": len(result.commitments),
        "alignment": [
            _alignment(
                a,
                waived.get((result.path, a.priority_id)),
                reviewed.get((result.path, a.priority_id)),
            )
            for a in result.alignments
        ],
    }


def _location(location: Location) -> dict[str, Any]:
    return {"page": location.page, "paragraph": location.paragraph, "section": location.section}


def statement_to_dict(statement: Statement) -> dict[str, Any]:
    return {
        "text": statement.text,
        "kind": statement.kind,
        **_location(statement.location),
        "rule": statement.rule,
    }


def _stated(stated: StatedMatch) -> dict[str, Any]:
    return {
        **statement_to_dict(stated.statement),
        "matches": list(stated.matches),
        "score": stated.score,
    }


def _alignment(
    alignment: Alignment, waiver: Waiver | None, reviewed: ReviewedVerdict | None = None
) -> dict[str, Any]:
    return {
        "priority_id": alignment.priority_id,
        "status": alignment.status,
        "score": alignment.score,
        "commitment": alignment.commitment,
        "evidence": [_evidence(e) for e in alignment.evidence],
        "nearest": _evidence(alignment.nearest) if alignment.nearest else None,
        "waived": {"reason": waiver.reason, "source": waiver.source} if waiver else None,
        # The officer's verdict is 'status'; alignck's own is kept as 'machine_status'.
        "review": (
            {"machine_status": reviewed.machine} | review_to_dict(reviewed.review)
            if reviewed
            else None
        ),
        "reasons": [
            {
                "signal": r.signal,
                "feature": r.feature,
                "value": r.value,
                "contribution": r.contribution,
            }
            for r in alignment.reasons
        ],
        # The sub-priority a partial verdict is taken from (with_parts_addressed), or None.
        "through": alignment.through,
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "text": evidence.text,
        **_location(evidence.location),
        "score": evidence.score,
        "kind": evidence.kind,
    }


def _coverage(coverage: Coverage) -> dict[str, Any]:
    return {
        "aligned": coverage.aligned,
        "partial": coverage.partial,
        "gap": coverage.gap,
        "percent": coverage.percent,
    }


def _overview(overview: PriorityOverview) -> dict[str, Any]:
    return {
        "priority_id": overview.priority_id,
        "status": overview.status,
        "documents": sorted([*overview.aligned, *overview.partial], key=path_order),
        "aligned": list(overview.aligned),
        "partial": list(overview.partial),
        "partners": overview.partners,
    }


def _float_or_none(value: float | None) -> float | None:
    return None if value is None else float(value)
