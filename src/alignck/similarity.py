"""Vectorised passage × facet similarity by term weighting, with phrase checks by rapidfuzz.

For a passage p and a facet f, with w(t) = idf(t)² and S = the weight of the terms they share:
recall = S / weight(f) (how much of the facet the passage says) and precision = S / weight(p)
(how much of the passage is about the facet); similarity = recall^0.7 · precision^0.3 · the
facet's weight. A facet shorter than three average terms is scored as if it had three, so one
shared word cannot fully express a two-word title. Keywords and aliases are phrases: all their
terms must be present and rapidfuzz must find the phrase in order in the passage. Within one
passage and priority, a facet counts fully only for words a stronger facet has not already
counted. A match on verbs of intent alone ('reduce') counts nothing, and one on words for whom
alone ('people', 'communities') counts half.

The framework side (its vocabulary and facet matrices) is built once per framework; per
document only the passages are turned into a sparse matrix over the framework's vocabulary (a
passage word the framework never uses can only add to the passage's weight), so the cost grows
with the shared words, not with passages × facets.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

from alignck import lexicon
from alignck.facets import Facet
from alignck.language import stem

RECALL_EXPONENT = 0.7
PRECISION_EXPONENT = 0.3
MIN_FACET_TERMS = 3
PHRASE_MATCH = 90.0
REPEAT_WEIGHT = 0.5
POPULATION_ONLY = 0.5

# Passages scored at once: enough to keep numpy's per-call overhead small, few enough that the
# (passage, facet) pairs of one chunk stay a few megabytes.
CHUNK = 1024
# A chunk's passage × facet matrix is laid out whole up to this many cells (64 MB).
DENSE_LIMIT = 8_000_000


@lru_cache(maxsize=1)
def _intent() -> frozenset[str]:
    """Verbs that say what a priority wants done, not what it is about (stemmed)."""
    return frozenset(stem(word) for word in lexicon.entry("words", "intent-verbs").words)


@lru_cache(maxsize=1)
def _population() -> frozenset[str]:
    """Words for people in general, which name no subject (stemmed)."""
    return frozenset(stem(word) for word in lexicon.entry("words", "population-words").words)


@dataclass(frozen=True)
class Similarities:
    """Non-zero passage × facet similarities, and distinct words shared per passage × priority."""

    rows: Any
    cols: Any
    values: Any
    shared_words: Any  # distinct shared words a priority does not have in common with most


class TermSpace:
    """The framework's vocabulary and facet matrices; build once, score many documents."""

    def __init__(self, facets: Sequence[Facet], priority_terms: Sequence[set[str]]) -> None:
        import numpy as np

        self.facets = facets
        self.vocabulary: dict[str, int] = {}
        for facet in facets:
            for term in facet.terms:
                self.vocabulary.setdefault(term, len(self.vocabulary))
        self.facet_matrix = self._matrix([f.terms for f in facets])
        self.priority_matrix = self._matrix([tuple(t) for t in priority_terms])
        self.specific_matrix = _without_common_columns(self.priority_matrix, self.vocabulary)
        self.priority_frequency = Counter(chain.from_iterable(priority_terms))
        self.units = len(priority_terms)
        self.facet_priority = np.array([f.priority for f in facets], dtype=np.int64)
        self.phrase = np.array([f.is_phrase for f in facets], dtype=bool)
        self.facet_weight = np.array([f.weight for f in facets])
        self.intent_columns = self._columns(_intent())
        self.untopical_columns = self._columns(_intent() | _population())

    def _columns(self, words: frozenset[str]) -> Any:
        import numpy as np

        return np.array(
            sorted(self.vocabulary[t] for t in words.intersection(self.vocabulary)),
            dtype=np.int64,
        )

    def _matrix(self, rows: Sequence[Sequence[str]]) -> Any:
        import numpy as np
        from scipy import sparse

        indptr, indices = [0], []
        vocabulary = self.vocabulary
        for row in rows:
            indices.extend(sorted({vocabulary[t] for t in row if t in vocabulary}))
            indptr.append(len(indices))
        data = np.ones(len(indices))
        shape = (len(rows), max(len(vocabulary), 1))
        return sparse.csr_matrix((data, indices, indptr), shape=shape)

    def weights(self, passage_sets: Sequence[frozenset[str]]) -> dict[str, float]:
        """idf² over the framework's priorities and this document's passages."""
        frequency = Counter(chain.from_iterable(passage_sets))
        frequency.update(self.priority_frequency)
        total = self.units + len(passage_sets)
        return {t: (math.log((1 + total) / (1 + df)) + 1.0) ** 2 for t, df in frequency.items()}

    def similarities(self, terms: Sequence[tuple[str, ...]], keys: Sequence[str]) -> Similarities:
        """Every passage against every facet, CHUNK passages at a time: each step makes a row
        per (passage, facet) pair, so a whole long document at once took ~40 times its text
        in memory; weights come from the whole document first, so the result is the same."""
        import numpy as np

        sets = [frozenset(t) for t in terms]
        weight_of = self.weights(sets)
        weights = np.array([weight_of.get(t, 1.0) for t in self.vocabulary])
        parts = [
            self._chunk(
                sets[start : start + CHUNK], keys[start : start + CHUNK], weight_of, weights
            )
            for start in range(0, len(sets), CHUNK)
        ]
        if not parts:
            parts = [self._chunk([], [], weight_of, weights)]
        offsets = np.cumsum([0] + [len(part.shared_words) for part in parts[:-1]])
        return Similarities(
            np.concatenate(
                [part.rows + offset for part, offset in zip(parts, offsets, strict=True)]
            ),
            np.concatenate([part.cols for part in parts]),
            np.concatenate([part.values for part in parts]),
            np.concatenate([part.shared_words for part in parts]),
        )

    def _chunk(
        self,
        sets: Sequence[frozenset[str]],
        keys: Sequence[str],
        weight_of: dict[str, float],
        weights: Any,
    ) -> Similarities:
        import numpy as np
        from scipy import sparse

        passages = self._matrix([tuple(s) for s in sets])
        passage_mass = np.array([sum(weight_of[t] for t in s) for s in sets])
        shared = (passages @ sparse.diags(weights) @ self.facet_matrix.T).tocoo()
        rows, cols = shared.row.astype(np.int64), shared.col.astype(np.int64)
        facet_mass = self.facet_matrix @ weights
        floor = MIN_FACET_TERMS * float(np.median(weights)) if len(weights) else 0.0
        graded_mass = np.where(self.phrase, facet_mass, np.maximum(facet_mass, floor))
        recall = shared.data / graded_mass[cols]
        precision = shared.data / np.maximum(passage_mass[rows], 1e-12)
        values = recall**RECALL_EXPONENT * precision**PRECISION_EXPONENT * self.facet_weight[cols]
        values = self._phrases_only_whole(rows, cols, values, shared.data, facet_mass, keys)
        values = self._on_what_not_whom(passages, weights, rows, cols, values, shared.data)
        keep = values > 0
        rows, cols, values = rows[keep], cols[keep], values[keep]
        values = self._discount_repeats(passages, weights, rows, cols, values)
        shared_words = (passages @ self.specific_matrix.T).toarray()
        return Similarities(rows, cols, values, shared_words)

    def _phrases_only_whole(
        self, rows: Any, cols: Any, values: Any, shared: Any, facet_mass: Any, keys: Sequence[str]
    ) -> Any:
        import numpy as np

        candidates = self.phrase[cols]
        complete = shared >= facet_mass[cols] * 0.999
        values = values.copy()
        values[candidates & ~complete] = 0.0
        for index in np.flatnonzero(candidates & complete).tolist():
            if not _phrase_found(self.facets[cols[index]].key, keys[rows[index]]):
                values[index] = 0.0
        return values

    def _on_what_not_whom(
        self, passages: Any, weights: Any, rows: Any, cols: Any, values: Any, shared: Any
    ) -> Any:
        """No match on verbs of intent alone: 'Reduce waiting times' says nothing about
        'reduce smoking in pregnancy'. A match on words for whom a priority is ('people',
        'communities'), with or without such verbs, counts POPULATION_ONLY: 'enable people
        to make the best use of the transport networks' says for whom, not what."""
        import numpy as np

        if not len(values):
            return values
        intent = self._shared_in(self.intent_columns, passages, weights, rows, cols)
        untopical = self._shared_in(self.untopical_columns, passages, weights, rows, cols)
        values = np.where(untopical >= shared * 0.999, values * POPULATION_ONLY, values)
        return np.where(intent >= shared * 0.999, 0.0, values)

    def _shared_in(self, columns: Any, passages: Any, weights: Any, rows: Any, cols: Any) -> Any:
        """Per (passage, facet) pair, the weight of the shared words among these columns."""
        import numpy as np
        from scipy import sparse

        if not len(columns):
            return np.zeros(len(rows))
        found = (
            passages[:, columns] @ sparse.diags(weights[columns]) @ self.facet_matrix[:, columns].T
        )
        if found.shape[0] * found.shape[1] <= DENSE_LIMIT:
            # Looking up many pairs in a sparse matrix costs more than laying it out whole.
            return found.toarray()[rows, cols]
        return np.asarray(found[rows, cols]).ravel()

    def _discount_repeats(
        self, passages: Any, weights: Any, rows: Any, cols: Any, values: Any
    ) -> Any:
        """A word a stronger facet of the same priority already counted counts REPEAT_WEIGHT.

        A sentence sharing the one word 'safe' with both the title and the description of
        'Keep our communities safe' has one piece of evidence, not two.
        """
        import numpy as np

        if len(values) < 2:
            return values
        groups = self.facet_priority
        group = rows * (int(groups.max()) + 1) + groups[cols]
        # One entry per (pair, shared word), pairs in order: no sort of the pairs by strength.
        shared = passages[rows].multiply(self.facet_matrix[cols]).tocoo()
        pair, word = shared.row, shared.col
        # Each (passage, priority, word) counts fully once: for the strongest pair, the first
        # of equals.
        keys, slot = np.unique(group[pair] * (len(weights) + 1) + word, return_inverse=True)
        strongest = np.full(len(keys), -np.inf)
        np.maximum.at(strongest, slot, values[pair])
        contenders = np.flatnonzero(values[pair] == strongest[slot])
        _, first = np.unique(slot[contenders], return_index=True)
        new = np.zeros(shared.nnz, dtype=bool)
        new[contenders[first]] = True
        mass = np.bincount(pair, weights=weights[word], minlength=len(values))
        fresh = np.bincount(pair[new], weights=weights[word[new]], minlength=len(values))
        factor = (fresh + REPEAT_WEIGHT * (mass - fresh)) / np.maximum(mass, 1e-12)
        return values * factor


def _without_common_columns(priority_matrix: Any, vocabulary: dict[str, int]) -> Any:
    """The priority × word matrix without the words most priorities use ('health' in a health
    framework) and the words for whom any priority is ('people', 'residents', 'communities'):
    sharing such a word says nothing about which priority a passage is about. 'Most' is more
    than half: in a framework of four, a word two priorities use ('smoking' in pregnancy and
    in adults) still tells them from the other two."""
    import numpy as np

    users = np.asarray(priority_matrix.sum(axis=0)).ravel()
    common = users > max(1.0, priority_matrix.shape[0] / 2)
    for word in _population().intersection(vocabulary):
        common[vocabulary[word]] = True
    return priority_matrix.multiply((~common).astype(float)[None, :]).tocsr()


def _phrase_found(phrase: str, passage: str) -> bool:
    # Found whole, the phrase scores 100: most are, and finding it is much cheaper.
    if phrase and phrase in passage:
        return True
    return _partial_ratio()(phrase, passage) >= PHRASE_MATCH


@lru_cache(maxsize=1)
def _partial_ratio() -> Any:
    from rapidfuzz import fuzz

    return fuzz.partial_ratio
