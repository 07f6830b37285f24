import pytest

from alignck.evaluation import metrics


def test_addressed_counts_partial_on_both_sides() -> None:
    pairs = [
        ("aligned", "yes"),
        ("partial", "partial"),
        ("partial", "no"),
        ("gap", "yes"),
        ("gap", "no"),
    ]
    score = metrics.addressed(pairs)
    # predicted addressed: 3, of which 2 are truly addressed; truly addressed: 3, found 2
    assert (score.correct, score.predicted, score.found, score.actual) == (2, 3, 2, 3)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_strong_counts_only_aligned_against_yes() -> None:
    pairs = [("aligned", "yes"), ("aligned", "partial"), ("partial", "yes"), ("gap", "no")]
    score = metrics.strong(pairs)
    assert score.precision == 0.5 and score.recall == 0.5


def test_exact_agreement() -> None:
    pairs = [("aligned", "yes"), ("partial", "partial"), ("gap", "partial"), ("gap", "no")]
    assert metrics.exact(pairs) == 0.75


def test_undefined_scores_are_zero() -> None:
    empty = metrics.binary([])
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_macro_f1_averages_per_group() -> None:
    perfect = metrics.binary([(True, True)])
    useless = metrics.binary([(True, False)])
    assert metrics.macro_f1([perfect, useless]) == 0.5


def test_macro_f1_leaves_out_a_group_with_nothing_to_find_and_nothing_found() -> None:
    perfect = metrics.binary([(True, True)])
    nothing = metrics.binary([(False, False), (False, False)])
    assert nothing.f1 == 0.0
    assert metrics.macro_f1([perfect, nothing]) == 1.0
    assert metrics.macro_f1([perfect, nothing, metrics.binary([(True, False)])]) == 0.5


def test_extraction_uses_token_set_ratio_and_sub_priorities() -> None:
    extracted = [
        "Priority 1: Improving health and wellbeing",
        "Clean air",
        "Create positive image of Mansfield",
        "Unrelated text entirely",
    ]
    stated = ["improving health and wellbeing", "Better housing"]
    sub = ["Create and communicate a positive image of Mansfield"]
    score = metrics.extraction(extracted, stated, sub)
    # correct: the first (superset of a stated priority) and the third (a sub-priority)
    assert (score.correct, score.predicted) == (2, 4)
    # found: only 'improving health and wellbeing'; sub-priorities are never required
    assert (score.found, score.actual) == (1, 2)


def test_combine_adds_counts() -> None:
    total = metrics.combine([metrics.Score(1, 2, 1, 3), metrics.Score(2, 2, 2, 2)])
    assert total == metrics.Score(3, 4, 3, 5)
    assert total.precision == 0.75 and total.recall == 0.6
