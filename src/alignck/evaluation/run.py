"""Run the check pipeline over a labelled dataset and compare its verdicts with the truth."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alignck.errors import DatasetError
from alignck.evaluation import metrics
from alignck.evaluation.dataset import Dataset, TruthDocument
from alignck.framework import load_framework
from alignck.model import DocumentResult, ReadOptions, Report, Thresholds
from alignck.pipeline import check, resolve_thresholds

_MISS_ORDER = {
    ("gap", "yes"): 0,
    ("aligned", "no"): 1,
    ("gap", "partial"): 2,
    ("partial", "no"): 3,
    ("aligned", "partial"): 4,
    ("partial", "yes"): 5,
}


@dataclass(frozen=True, slots=True)
class Pair:
    """One labelled document × priority verdict."""

    doc: str
    priority_id: str
    status: str
    score: float
    commitment: float
    label: str
    truth_evidence: str | None
    evidence: tuple[str, ...]
    nearest: str | None = None
    path: str = ""
    # Whether a passage could ground a verdict, and a commitment an aligned one, whatever the
    # thresholds: a sweep judges each threshold as check would.
    grounded: bool = False
    committed: bool = False


@dataclass(frozen=True, slots=True)
class Result:
    dataset: str
    thresholds: Thresholds
    pairs: tuple[Pair, ...]
    extraction: metrics.Score | None
    extraction_by_doc: dict[str, metrics.Score]
    outside: metrics.Score | None
    errors: tuple[str, ...]
    priorities: tuple[str, ...] = field(default=())
    matcher: str = ""
    # Labelled pairs of documents that could not be read: left out of every figure.
    unscored: int = 0

    def verdicts(self, priority_id: str | None = None) -> list[tuple[str, str]]:
        return [
            (p.status, p.label)
            for p in self.pairs
            if priority_id is None or p.priority_id == priority_id
        ]

    def misses(self, limit: int = 10) -> list[Pair]:
        wrong = [p for p in self.pairs if (p.status, p.label) in _MISS_ORDER]
        # Furthest from the truth first: missed positives with the lowest scores, false
        # positives with the highest.
        wrong.sort(
            key=lambda p: (
                _MISS_ORDER[(p.status, p.label)],
                p.score if p.status == "gap" else -p.score,
                p.doc,
                p.priority_id,
            )
        )
        return wrong[:limit]


def evaluate(
    dataset: Dataset,
    aligned: float | None = None,
    partial: float | None = None,
    jobs: int = 1,
    use_cache: bool = False,
    options: ReadOptions | None = None,
    matcher: str = "auto",
) -> Result:
    framework = load_framework(dataset.framework)
    thresholds = resolve_thresholds(framework, aligned, partial)
    known = {p.id for p in framework.priorities}
    for document in dataset.documents:
        unknown = sorted(set(document.aligns) - known)
        if unknown:
            raise DatasetError(
                f"{document.doc}: labels for priorities not in the framework: {', '.join(unknown)}",
                document.places.get(unknown[0], str(dataset.root / "truth.yaml")),
            )
    report = check(
        [d.path for d in dataset.documents],
        framework,
        thresholds=thresholds,
        jobs=jobs,
        use_cache=use_cache,
        read_options=options,
        matcher=matcher,
    )
    return compare(dataset, report)


def compare(dataset: Dataset, report: Report) -> Result:
    by_path = {Path(r.path).resolve(): r for r in report.documents}
    pairs: list[Pair] = []
    errors: list[str] = []
    extraction_by_doc: dict[str, metrics.Score] = {}
    outside: list[tuple[bool, bool]] = []
    unscored = 0
    for truth in dataset.documents:
        result = by_path.get(truth.path.resolve())
        if result is None or result.status == "error":
            # Scored as gaps, its labels moved the figures either way (its 'no' labels read
            # as agreement): it is left out, and the run fails on it, as check does.
            errors.append(result.error if result and result.error else f"{truth.doc}: not read")
            unscored += len(truth.aligns)
            continue
        pairs.extend(_pairs(truth, result))
        if truth.has_stated:
            extraction_by_doc[truth.doc] = _extraction(truth, result)
        if truth.has_outside and result is not None and result.status == "ok":
            outside.extend(_outside(truth, result))
    extraction = metrics.combine(extraction_by_doc.values()) if extraction_by_doc else None
    return Result(
        str(dataset.root),
        report.thresholds,
        tuple(pairs),
        extraction,
        extraction_by_doc,
        metrics.binary(outside) if outside else None,
        tuple(errors),
        tuple(p.id for p in report.framework.priorities),
        report.matcher,
        unscored,
    )


def _pairs(truth: TruthDocument, result: DocumentResult) -> list[Pair]:
    pairs = []
    for priority_id, label in sorted(truth.aligns.items()):
        alignment = result.alignment(priority_id)
        pairs.append(
            Pair(
                truth.doc,
                priority_id,
                alignment.status,
                alignment.score,
                alignment.commitment,
                label.label,
                label.evidence,
                tuple(e.text for e in alignment.evidence),
                alignment.nearest.text if alignment.nearest else None,
                result.path,
                # A parent lifted by its sub-priorities has no grounds of its own: kept as
                # the run judged it.
                alignment.grounded or alignment.status != "gap",
                alignment.committed or alignment.status == "aligned",
            )
        )
    return pairs


def _extraction(truth: TruthDocument, result: DocumentResult | None) -> metrics.Score:
    extracted = (
        [s.statement.text for s in result.stated_priorities]
        if result is not None and result.status == "ok"
        else []
    )
    return metrics.extraction(extracted, truth.stated, truth.sub)


def _outside(truth: TruthDocument, result: DocumentResult) -> list[tuple[bool, bool]]:
    """(predicted outside, truly outside) for extracted items that the truth lists."""
    pairs = []
    for stated in result.stated_priorities:
        listed = [
            t
            for t in (*truth.stated, *truth.sub)
            if metrics.same_priority(stated.statement.text, t)
        ]
        if listed:
            truly = any(metrics.same_priority(t, o) for t in listed for o in truth.outside)
            pairs.append((not stated.matches, truly))
    return pairs


def relabel(pairs: Sequence[Pair], thresholds: Thresholds) -> list[tuple[str, str]]:
    """Verdicts the same scores would get under other thresholds (for calibration)."""
    out = []
    for pair in pairs:
        # As check judges: the addressed probability and a passage to ground it decide a
        # verdict; the commitment probability and a commitment among the grounds, aligned.
        status = (
            "gap"
            if pair.score < thresholds.partial or not pair.grounded
            else "aligned"
            if pair.commitment >= thresholds.aligned and pair.committed
            else "partial"
        )
        out.append((status, pair.label))
    return out
