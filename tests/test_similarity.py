"""The term-weighting similarity's vectorised parts against what they stand for."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignck import similarity
from alignck.facets import Facet
from alignck.similarity import TermSpace, _has_word, _shared_words


def _facet(priority: int, terms: tuple[str, ...], kind: str = "title") -> Facet:
    return Facet(priority, " ".join(terms), terms, " ".join(terms), 1.0, kind)


def _space(*facets: Facet) -> TermSpace:
    priorities = max(f.priority for f in facets) + 1
    terms: list[set[str]] = [set() for _ in range(priorities)]
    for facet in facets:
        terms[facet.priority].update(facet.terms)
    return TermSpace(facets, terms)


def test_each_pair_lists_the_words_it_shares_in_vocabulary_order() -> None:
    space = _space(
        _facet(0, ("smoke", "pregnanc")), _facet(0, ("smoke", "quit")), _facet(1, ("hous",))
    )
    passages = space._matrix([("quit", "smoke"), ("hous", "warm"), ("pregnanc",)])
    rows, cols = np.array([0, 0, 1, 2]), np.array([0, 1, 2, 0])
    found = _shared_words(passages, space.facet_matrix, rows, cols)
    vocabulary = space.vocabulary
    listed = [(int(p), int(w)) for p, w in zip(found.pair, found.word, strict=True)]
    assert listed == [
        (0, vocabulary["smoke"]),
        (1, vocabulary["smoke"]),
        (1, vocabulary["quit"]),
        (2, vocabulary["hous"]),
        (3, vocabulary["pregnanc"]),
    ]


def test_looking_words_up_a_block_of_passages_at_a_time_finds_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(3)
    space = _space(*(_facet(k, (f"w{k}", f"w{k + 1}", "v")) for k in range(20)))
    sets = [(*(f"w{i}" for i in rng.choice(21, 4, replace=False)), "v") for _ in range(50)]
    passages = space._matrix(sets)
    size = len(space.vocabulary)
    rows, words = np.repeat(np.arange(50), size), np.tile(np.arange(size), 50)
    whole = _has_word(passages, rows, words)
    monkeypatch.setattr(similarity, "LOOKUP_CELLS", 3 * size)
    assert np.array_equal(_has_word(passages, rows, words), whole)
    expected = passages.toarray()[rows, words] > 0
    assert np.array_equal(whole, expected)


def test_a_phrase_several_priorities_share_is_found_once_per_passage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[tuple[str, str]] = []

    def found(phrase: str, passage: str) -> bool:
        looked.append((phrase, passage))
        return passage.startswith("yes")

    monkeypatch.setattr(similarity, "_phrase_found", found)
    space = _space(*(_facet(k, ("mental", "health"), "keyword") for k in range(3)))
    keys = ["yes mental health", "no health mental"]
    result = space.similarities([("mental", "health")] * 2, keys)
    assert sorted(looked) == sorted(("mental health", key) for key in keys)
    # Only the passage where the phrase is found keeps its matches, for all three priorities.
    assert sorted(set(result.rows.tolist())) == [0]
    assert len(result.rows) == 3


def test_a_repeated_passage_is_scored_once_and_gets_the_same_rows() -> None:
    space = _space(
        _facet(0, ("smoke", "pregnanc")), _facet(0, ("smoke", "quit")), _facet(1, ("hous", "warm"))
    )
    terms = [("quit", "smoke"), ("warm", "hous"), ("quit", "smoke"), ("smoke",)]
    keys = ["quit smoke", "warm hous", "quit smoke", "smoke"]
    found = space.similarities(terms, keys)
    sets = [frozenset(t) for t in terms]
    weight_of = space.weights(sets)
    weights = np.array([weight_of.get(t, 1.0) for t in space.vocabulary])
    scored = space._all_chunks(sets, keys, weight_of, weights)
    assert len(found.rows) == len(scored.rows) > 0
    for got, expected in zip(
        (found.rows, found.cols, found.values, found.shared_words),
        (scored.rows, scored.cols, scored.values, scored.shared_words),
        strict=True,
    ):
        assert np.array_equal(got, expected)


def _plain_discount(space: TermSpace, words, weights, rows, cols, values) -> list[float]:  # type: ignore[no-untyped-def]
    """_discount_repeats as a loop over pairs: a word counts fully for the strongest pair of
    its passage and priority that shares it (the first of equals), REPEAT_WEIGHT elsewhere."""
    shared: dict[int, list[int]] = {}
    for pair, word in zip(words.pair.tolist(), words.word.tolist(), strict=True):
        shared.setdefault(pair, []).append(word)
    owner: dict[tuple[int, int, int], int] = {}
    for pair in range(len(values)):
        group = (int(rows[pair]), int(space.facet_priority[cols[pair]]))
        for word in shared.get(pair, []):
            best = owner.get((*group, word))
            if best is None or values[pair] > values[best]:
                owner[(*group, word)] = pair
    found = []
    for pair in range(len(values)):
        group = (int(rows[pair]), int(space.facet_priority[cols[pair]]))
        mass = fresh = 0.0
        for word in shared.get(pair, []):
            mass += weights[word]
            if owner[(*group, word)] == pair:
                fresh += weights[word]
        factor = (fresh + similarity.REPEAT_WEIGHT * (mass - fresh)) / max(mass, 1e-12)
        found.append(float(values[pair] * factor))
    return found


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.booleans())
def test_repeated_words_are_discounted_as_a_plain_loop_does_to_the_last_bit(
    seed: int, sorted_groups: bool
) -> None:
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{i}" for i in range(8)]
    facets = [
        _facet(int(k), tuple(rng.choice(vocabulary, int(rng.integers(1, 4)), replace=False)))
        for k in rng.integers(0, 4, 12)
    ]
    space = _space(*facets)
    sets = [tuple(rng.choice(vocabulary, 4, replace=False)) for _ in range(6)]
    passages = space._matrix(sets)
    shared = (passages @ space.facet_matrix.T).tocoo()
    rows, cols = shared.row.astype(np.int64), shared.col.astype(np.int64)
    words = _shared_words(passages, space.facet_matrix, rows, cols)
    weights = rng.choice([1.0, 1.5, 2.25], len(space.vocabulary))
    # Ties among a priority's facets happen (equal scores): the first of equals counts fully.
    values = rng.choice([0.2, 0.3, 0.45], len(rows))
    with pytest.MonkeyPatch.context() as patch:
        if not sorted_groups:
            patch.setattr(similarity, "MAX_COUNTED_GROUPS", -1)  # the sorting way of counting
        found = space._discount_repeats(words, weights, rows, cols, values)
    expected = _plain_discount(space, words, weights, rows, cols, values)
    assert found.tolist() == expected
