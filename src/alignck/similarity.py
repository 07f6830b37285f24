"""Vectorised passage × facet similarity by term weighting, with phrase checks by rapidfuzz.

For a passage p and a facet f, with w(t) = idf(t)² and S = the weight of the terms they share:
recall = S / weight(f) (how much of the facet the passage says) and precision = S / weight(p)
(how much of the passage is about the facet); similarity = recall^0.7 · precision^0.3 · the
facet's weight. A facet shorter than three average terms is scored as if it had three, so one
shared word cannot fully express a two-word title. Keywords and aliases are phrases: all their
terms must be present and rapidfuzz must find the phrase in order in the passage. Everything is
computed with sparse matrices, so the cost grows with the number of shared terms, not with
passages × facets.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from alignck.facets import Facet

RECALL_EXPONENT = 0.7
PRECISION_EXPONENT = 0.3
MIN_FACET_TERMS = 3
PHRASE_MATCH = 90.0


def inverse_frequencies(units: Iterable[set[str]]) -> dict[str, float]:
    """Smoothed idf over the given units (framework priorities and document passages)."""
    frequency: dict[str, int] = {}
    total = 0
    for unit in units:
        total += 1
        for term in unit:
            frequency[term] = frequency.get(term, 0) + 1
    return {t: math.log((1 + total) / (1 + df)) + 1.0 for t, df in frequency.items()}


def facet_similarity(
    passage_terms: Sequence[tuple[str, ...]],
    passage_keys: Sequence[str],
    facets: Sequence[Facet],
    idf: dict[str, float],
) -> tuple[Any, Any, Any]:
    """Non-zero (passage index, facet index, similarity) triples as numpy arrays."""
    import numpy as np
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    passages = _binary_matrix(passage_terms, vocabulary)
    facet_matrix = _binary_matrix([f.terms for f in facets], vocabulary)
    weights = np.array([idf.get(t, 1.0) ** 2 for t in vocabulary])
    passages.resize((len(passage_terms), len(vocabulary)))
    facet_matrix.resize((len(facets), len(vocabulary)))
    shared = (passages @ sparse.diags(weights) @ facet_matrix.T).tocoo()
    rows, cols = shared.row, shared.col
    facet_mass = facet_matrix @ weights
    phrase = np.array([f.is_phrase for f in facets], dtype=bool)
    floor = MIN_FACET_TERMS * float(np.median(weights))
    graded_mass = np.where(phrase, facet_mass, np.maximum(facet_mass, floor))
    recall = shared.data / graded_mass[cols]
    precision = shared.data / (passages @ weights)[rows]
    facet_weight = np.array([f.weight for f in facets])
    values = recall**RECALL_EXPONENT * precision**PRECISION_EXPONENT * facet_weight[cols]
    candidates = phrase[cols]
    complete = shared.data >= facet_mass[cols] * 0.999
    values[candidates & ~complete] = 0.0
    for index in np.flatnonzero(candidates & complete):
        if not _phrase_found(facets[cols[index]].key, passage_keys[rows[index]]):
            values[index] = 0.0
    keep = values > 0
    return rows[keep], cols[keep], values[keep]


def shared_term_counts(
    passage_terms: Sequence[tuple[str, ...]], unit_terms: Sequence[set[str]]
) -> Any:
    """Dense matrix (passages × units): how many distinct terms each pair shares."""
    vocabulary: dict[str, int] = {}
    passages = _binary_matrix(passage_terms, vocabulary)
    units = _binary_matrix([tuple(sorted(u)) for u in unit_terms], vocabulary)
    passages.resize((len(passage_terms), len(vocabulary)))
    units.resize((len(unit_terms), len(vocabulary)))
    return (passages @ units.T).toarray()


def _phrase_found(phrase: str, passage: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(phrase, passage) >= PHRASE_MATCH


def _binary_matrix(rows: Sequence[tuple[str, ...]], vocabulary: dict[str, int]) -> Any:
    import numpy as np
    from scipy import sparse

    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted({vocabulary.setdefault(term, len(vocabulary)) for term in row}))
        indptr.append(len(indices))
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1)))
