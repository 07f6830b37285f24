"""``alignck eval``'s terminal report: the worst misses in check's words."""

import io

from rich.console import Console

from alignck.evaluation.terminal import _misses


def _shown(score: float, nearest: str | None) -> str:
    out = io.StringIO()
    miss = {
        "doc": "council",
        "priority_id": "digital",
        "predicted": "gap",
        "label": "yes",
        "score": score,
        "evidence": [],
        "nearest": nearest,
        "opening": None,
        "truth_evidence": None,
    }
    summary = {"thresholds": {"aligned": 0.5, "partial": 0.5}, "misses": [miss]}
    _misses(Console(file=out, width=200), summary)
    return " ".join(out.getvalue().split())


def test_a_missed_gap_scoring_above_the_threshold_is_not_called_below_it() -> None:
    # A gap at 0.58 was shown '(closest, below the threshold)', where check said it scores
    # as addressed with no passage that addresses it on its own.
    assert (
        "scores at or above the 0.5 threshold as a whole, but no single passage addresses it"
        in _shown(0.58, "x")
    )
    assert "the document's score is below the 0.5 threshold; the closest" in _shown(0.31, "x")
    assert "no passage that can be quoted shares anything with it" in _shown(0.1, None)


def test_headline_figures_are_rounded_once_from_their_counts() -> None:
    from alignck.evaluation.metrics import binary
    from alignck.evaluation.terminal import _cells

    # Every one of 40 pairs called addressed, 17 of them rightly: F1 34/57 = 0.59649...,
    # 0.5965 in the JSON, shown 0.597 when that was rounded again.
    score = binary([(True, i < 17) for i in range(40)]).as_dict()
    assert score["f1"] == 0.5965
    assert _cells(score) == ("0.425", "1.000", "0.596")


def test_agreement_and_macro_f1_are_rounded_once_from_their_counts() -> None:
    from alignck.evaluation import metrics
    from alignck.evaluation.terminal import render_summary

    # 34 of 57 labels given exactly: 0.59649..., 0.5965 in the JSON, 0.597 rounded again.
    pairs = [("aligned", "yes")] * 34 + [("aligned", "no")] * 23
    score = metrics.addressed(pairs).as_dict()
    row = {"pairs": 57, "addressed": score, "strong": score, "exact": 0.5965}
    summary = {
        "dataset": "x",
        "thresholds": {"aligned": 0.5, "partial": 0.5},
        "pairs": 57,
        "documents": 1,
        "errors": [],
        "misses": [],
        "extraction": None,
        "addressed": score,
        "strong": score,
        "exact": 0.5965,
        "exact_agreed": metrics.agreed(pairs),
        "macro": {"addressed_f1": 0.7473, "strong_f1": 0.7473},
        "per_priority": {"p": {**row, "exact_agreed": 34}},
    }
    out = io.StringIO()
    render_summary(summary, out, False)
    shown = out.getvalue()
    assert "agreement 0.596" in shown and "0.597" not in shown
    assert "macro F1 0.747" in shown  # 2 * 34 / 91 = 0.74725..., not 0.7473 rounded again
