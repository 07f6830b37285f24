"""The term-weighting similarity's vectorised parts against what they stand for."""

from __future__ import annotations

import numpy as np
import pytest

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
