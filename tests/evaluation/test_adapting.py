"""Fitting the adapter: taught by quoted passages against the closest unrelated ones."""

from pathlib import Path

import numpy as np

from alignck.evaluation.adapting import (
    FOLDS,
    Pairs,
    cross_fitted,
    fit_adapter,
    folds,
    quoted,
    training_pairs,
)

DATA = Path(__file__).parent.parent / "data"


def test_a_quote_finds_the_passages_that_hold_it_whatever_the_punctuation() -> None:
    texts = ["Our aims", "We will build 500 affordable homes, by 2030.", "Other things entirely"]
    assert quoted(texts, "build 500 affordable homes by 2030") == [1]
    assert quoted(texts, "homes") == []  # too short to place


def test_a_set_gives_quoted_passages_for_and_the_closest_of_unrelated_documents_against() -> None:
    pairs = training_pairs(DATA / "northmoor")
    assert pairs.passages.shape == pairs.facets.shape
    assert pairs.positive.any() and (~pairs.positive).any()


def test_a_far_domain_document_teaches_that_partners_do_not_address_what_it_states() -> None:
    # Harrowdale holds a transport plan and an economic strategy marked negative: each
    # priority they state gives one pair against per partner document, its closest passage.
    near = training_pairs(DATA / "harrowdale", far=False)
    far = training_pairs(DATA / "harrowdale")
    partners = 3  # harrowdale's documents not marked negative
    stated = 8  # the priorities the two negative documents state
    assert len(far.positive) - len(near.positive) == partners * stated
    assert far.positive.sum() == near.positive.sum()


def _synthetic(seed: int, count: int = 40) -> Pairs:
    # "For" pairs share a hidden direction the plain cosine does not see; "against" pairs are
    # as close by the cosine but lack it.
    rng = np.random.default_rng(seed)
    dims = 24
    base = rng.normal(size=(2 * count, dims))
    facets = base + rng.normal(scale=0.3, size=base.shape)
    passages = base.copy()
    passages[:count, 0] += 3.0
    facets[:count, 1] += 3.0
    passages /= np.linalg.norm(passages, axis=1, keepdims=True)
    facets /= np.linalg.norm(facets, axis=1, keepdims=True)
    return Pairs(passages, facets, np.arange(2 * count) < count)


def test_the_fitted_adapter_separates_what_the_cosine_alone_does_not() -> None:
    sets = {"a": _synthetic(1), "b": _synthetic(2)}
    adapter = fit_adapter(sets)
    test = _synthetic(3)
    scores = np.diag(adapter.scores(test.passages, test.facets, adapter.facet_side(test.facets)))
    cosine = (test.passages * test.facets).sum(axis=1)
    gap = scores[test.positive].mean() - scores[~test.positive].mean()
    assert gap > cosine[test.positive].mean() - cosine[~test.positive].mean() + 0.1


def test_fitting_twice_gives_the_same_adapter() -> None:
    sets = {"a": _synthetic(1), "b": _synthetic(2)}
    first, second = fit_adapter(sets), fit_adapter(sets)
    assert np.array_equal(first.passages, second.passages)


def test_every_set_is_scored_by_an_adapter_fitted_without_its_fold() -> None:
    names = [f"s{i}" for i in range(FOLDS * 2)]
    groups = folds(names)
    assert sorted(n for g in groups for n in g) == sorted(names)
    sets = {name: _synthetic(i) for i, name in enumerate(names)}
    adapters = cross_fitted(sets)
    assert set(adapters) == set(names)
    same_fold, other_fold = groups[0][:2], groups[1][0]
    assert adapters[same_fold[0]] is adapters[same_fold[1]]
    assert adapters[same_fold[0]] is not adapters[other_fold]
