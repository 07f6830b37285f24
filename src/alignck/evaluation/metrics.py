"""Precision, recall, F1 and agreement for verdicts and extraction, as the dataset README defines.

Pure functions over plain tuples so that they can be checked by hand on tiny cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

EXTRACTION_MATCH = 85.0
_PUNCTUATION = re.compile(r"[^\w\s]")

TO_LABEL = {"aligned": "yes", "partial": "partial", "gap": "no"}


@dataclass(frozen=True, slots=True)
class Score:
    """Precision = correct / predicted; recall = found / actual; F1 (0 when undefined).

    For verdicts ``correct`` and ``found`` are both the true positives; for extraction they
    differ (an extracted item is correct if it matches any stated priority, a stated priority is
    found if any extracted item matches it).
    """

    correct: int
    predicted: int
    found: int
    actual: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.actual if self.actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "found": self.found,
            "actual": self.actual,
        }


def binary(pairs: Iterable[tuple[bool, bool]]) -> Score:
    """Score (predicted, actual) pairs."""
    tp = predicted_count = actual_count = 0
    for predicted, actual in pairs:
        tp += predicted and actual
        predicted_count += predicted
        actual_count += actual
    return Score(tp, predicted_count, tp, actual_count)


def addressed(pairs: Sequence[tuple[str, str]]) -> Score:
    """(status, label) pairs: aligned or partial against yes or partial."""
    return binary((s != "gap", label != "no") for s, label in pairs)


def strong(pairs: Sequence[tuple[str, str]]) -> Score:
    return binary((s == "aligned", label == "yes") for s, label in pairs)


def exact(pairs: Sequence[tuple[str, str]]) -> float:
    return agreed(pairs) / len(pairs) if pairs else 0.0


def agreed(pairs: Sequence[tuple[str, str]]) -> int:
    """How many verdicts say what their label says (aligned/partial/gap as yes/partial/no)."""
    return sum(TO_LABEL[s] == label for s, label in pairs)


def macro_f1(scores: Iterable[Score]) -> float | None:
    """The mean F1 over the scores where it is defined: a priority with nothing to find and
    nothing wrongly found is right, not 0, and is left out rather than counted as either.
    None when no score has an F1."""
    values = [score.f1 for score in scores if score.predicted or score.actual]
    return sum(values) / len(values) if values else None


def _comparable(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


def same_priority(extracted: str, stated: str) -> bool:
    return fuzz.token_set_ratio(_comparable(extracted), _comparable(stated)) >= EXTRACTION_MATCH


def extraction(
    extracted: Sequence[str], stated: Sequence[str], also_correct: Sequence[str] = ()
) -> Score:
    """tp: extracted items that match a stated (or sub-) priority; fn: stated items not found."""
    accepted = [*stated, *also_correct]
    correct = sum(any(same_priority(e, s) for s in accepted) for e in extracted)
    found = sum(any(same_priority(e, s) for e in extracted) for s in stated)
    return Score(correct, len(extracted), found, len(stated))


def combine(scores: Iterable[Score]) -> Score:
    totals = [0, 0, 0, 0]
    for score in scores:
        for i, value in enumerate((score.correct, score.predicted, score.found, score.actual)):
            totals[i] += value
    return Score(*totals)
