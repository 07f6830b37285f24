"""Show evaluation results: headline figures, per-priority table, worst misses, calibration."""

from __future__ import annotations

import json
from typing import Any, TextIO

from alignck.evaluation import metrics
from alignck.evaluation.calibrate import Calibration, calibrate
from alignck.evaluation.run import Result


def summarise(result: Result, with_calibration: bool, misses: int) -> dict[str, Any]:
    verdicts = result.verdicts()
    per_priority = {}
    for priority_id in result.priorities:
        pairs = result.verdicts(priority_id)
        if pairs:
            per_priority[priority_id] = {
                "pairs": len(pairs),
                "addressed": metrics.addressed(pairs).as_dict(),
                "strong": metrics.strong(pairs).as_dict(),
                "exact": round(metrics.exact(pairs), 4),
                "exact_agreed": metrics.agreed(pairs),
            }
    addressed_scores = [metrics.addressed(result.verdicts(p)) for p in per_priority]
    strong_scores = [metrics.strong(result.verdicts(p)) for p in per_priority]
    summary: dict[str, Any] = {
        "dataset": result.dataset,
        "thresholds": {"aligned": result.thresholds.aligned, "partial": result.thresholds.partial},
        "matcher": result.matcher,
        "pairs": len(verdicts),
        "documents": len({p.doc for p in result.pairs}),
        "errors": list(result.errors),
        "unscored_pairs": result.unscored,
        "addressed": metrics.addressed(verdicts).as_dict(),
        # What a verdict must beat: calling every labelled pair addressed.
        "all_addressed": metrics.addressed([("partial", label) for _, label in verdicts]).as_dict(),
        "strong": metrics.strong(verdicts).as_dict(),
        "exact": round(metrics.exact(verdicts), 4),
        # The count behind it, so a reader rounding it again need not round twice.
        "exact_agreed": metrics.agreed(verdicts),
        "macro": {
            "addressed_f1": _rounded(metrics.macro_f1(addressed_scores)),
            "strong_f1": _rounded(metrics.macro_f1(strong_scores)),
        },
        "extraction": result.extraction.as_dict() if result.extraction else None,
        "outside_framework": result.outside.as_dict() if result.outside else None,
        "per_priority": per_priority,
        "misses": [_miss(p) for p in result.misses(misses)],
    }
    if with_calibration:
        summary["calibration"] = _calibration(calibrate(result.pairs))
    return summary


def _opening(pair: Any) -> str | None:
    """The start of a document nothing in which matched: what it was about, for the reader."""
    from pathlib import Path

    from alignck.errors import ReadError
    from alignck.readers import read_document

    try:
        blocks = read_document(Path(pair.path)).blocks
    except ReadError:
        return None
    text = " ".join(b.text for b in blocks[:3])
    return text if len(text) <= 200 else text[:199].rstrip() + "…"


def _miss(pair: Any) -> dict[str, Any]:
    return {
        "doc": pair.doc,
        "priority_id": pair.priority_id,
        "predicted": pair.status,
        "score": pair.score,
        "label": pair.label,
        "truth_evidence": pair.truth_evidence,
        "evidence": list(pair.evidence),
        "nearest": pair.nearest,
        "opening": _opening(pair) if not pair.evidence and not pair.nearest else None,
    }


def _calibration(found: Calibration) -> dict[str, Any]:
    return {
        "suggested": {"aligned": found.thresholds.aligned, "partial": found.thresholds.partial},
        "addressed": found.addressed.as_dict(),
        "strong": found.strong.as_dict(),
        "partial_curve": [
            {"threshold": p.threshold, **p.score.as_dict()} for p in found.partial_curve
        ],
        "aligned_curve": [
            {"threshold": p.threshold, **p.score.as_dict()} for p in found.aligned_curve
        ],
    }


def render_evaluations(
    results: list[Result], out: TextIO, fmt: str, with_calibration: bool, misses: int, color: bool
) -> None:
    summaries = [summarise(r, with_calibration, misses) for r in results]
    if fmt == "json":
        body: Any = summaries[0] if len(summaries) == 1 else {"datasets": summaries}
        json.dump(body, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    from alignck.evaluation.terminal import render_summary

    for summary in summaries:
        render_summary(summary, out, color)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
