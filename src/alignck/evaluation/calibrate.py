"""Suggest thresholds from labelled data: the partial threshold that maximises addressed F1 and
the aligned threshold that maximises strong F1, with the precision/recall trade-off around them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from alignck.evaluation import metrics
from alignck.evaluation.run import Pair, relabel
from alignck.model import Thresholds


@dataclass(frozen=True, slots=True)
class Point:
    threshold: float
    score: metrics.Score


@dataclass(frozen=True, slots=True)
class Calibration:
    thresholds: Thresholds
    addressed: metrics.Score
    strong: metrics.Score
    partial_curve: tuple[Point, ...]
    aligned_curve: tuple[Point, ...]


def candidates(values: Sequence[float]) -> list[float]:
    """A grid of hundredths, and a cut between each two neighbouring scores. Not the scores
    themselves: a pair's score is shown rounded to four places, and a threshold equal to it
    would cut its unrounded probability the other way in check."""
    grid = {round(x / 100, 2) for x in range(1, 100)}
    seen = sorted({round(v, 4) for v in values if 0 < v < 1})
    grid.update(round((a + b) / 2, 5) for a, b in itertools.pairwise(seen))
    return sorted(grid)


def calibrate(pairs: Sequence[Pair]) -> Calibration:
    """Best partial threshold for addressed F1, then the best aligned threshold with it (they
    cut different probabilities, so neither bounds the other)."""
    partial_curve = [
        Point(t, metrics.addressed(relabel(pairs, Thresholds(1.0, t))))
        for t in candidates([p.score for p in pairs])
    ]
    best_partial = max(partial_curve, key=lambda p: (p.score.f1, -p.threshold))
    aligned_curve = [
        Point(t, metrics.strong(relabel(pairs, Thresholds(t, best_partial.threshold))))
        for t in candidates([p.commitment for p in pairs])
    ]
    best_aligned = max(aligned_curve, key=lambda p: (p.score.f1, p.threshold))
    return Calibration(
        Thresholds(best_aligned.threshold, best_partial.threshold),
        best_partial.score,
        best_aligned.score,
        tuple(_around(partial_curve, best_partial)),
        tuple(_around(aligned_curve, best_aligned)),
    )


def _around(curve: list[Point], best: Point, spread: int = 5) -> list[Point]:
    """Every fifth grid point plus the best one: enough to see the trade-off."""
    picked = [p for i, p in enumerate(curve) if i % spread == 0 or p is best]
    return sorted(set(picked), key=lambda p: p.threshold)
