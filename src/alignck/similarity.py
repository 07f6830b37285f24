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

import functools
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
# Cells of the passage × word table that shared words are looked up in (a byte each).
LOOKUP_CELLS = 16_000_000
# (passage, priority) groups of a chunk counted in a table (8 bytes each) rather than sorted.
MAX_COUNTED_GROUPS = 4_000_000


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

        from alignck.scipy_import import sparse as scipy_sparse

        sparse = scipy_sparse()

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
        in memory; weights come from the whole document first, so the result is the same.
        A passage's similarities depend only on its terms, its phrase key and those weights,
        so a passage repeated in the document (a running header, a repeated commitment) is
        scored once and its rows copied."""
        import numpy as np

        sets = [frozenset(t) for t in terms]
        weight_of = self.weights(sets)
        weights = np.array([weight_of.get(t, 1.0) for t in self.vocabulary])
        first: dict[tuple[tuple[str, ...], str], int] = {}
        same = np.array(
            [first.setdefault((tuple(t), k), len(first)) for t, k in zip(terms, keys, strict=True)],
            dtype=np.int64,
        )
        if len(first) < len(sets):
            chosen = np.unique(same, return_index=True)[1]
            found = self._all_chunks(
                [sets[i] for i in chosen], [keys[i] for i in chosen], weight_of, weights
            )
            return _repeated(found, same)
        return self._all_chunks(sets, keys, weight_of, weights)

    def _all_chunks(
        self,
        sets: Sequence[frozenset[str]],
        keys: Sequence[str],
        weight_of: dict[str, float],
        weights: Any,
    ) -> Similarities:
        import numpy as np

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

        from alignck.scipy_import import sparse as scipy_sparse

        sparse = scipy_sparse()

        passages = self._matrix([tuple(s) for s in sets])
        # fsum, correctly rounded whatever the order: a set's order follows Python's hash seed,
        # and a plain float sum's last bit follows its order, so scores differed between runs.
        passage_mass = np.array([math.fsum(weight_of[t] for t in s) for s in sets])
        shared = (passages @ sparse.diags(weights) @ self.facet_matrix.T).tocoo()
        rows, cols = shared.row.astype(np.int64), shared.col.astype(np.int64)
        facet_mass = self.facet_matrix @ weights
        floor = MIN_FACET_TERMS * float(np.median(weights)) if len(weights) else 0.0
        graded_mass = np.where(self.phrase, facet_mass, np.maximum(facet_mass, floor))
        recall = shared.data / graded_mass[cols]
        precision = shared.data / np.maximum(passage_mass[rows], 1e-12)
        values = recall**RECALL_EXPONENT * precision**PRECISION_EXPONENT * self.facet_weight[cols]
        values = self._phrases_only_whole(rows, cols, values, shared.data, facet_mass, keys)
        words = _shared_words(passages, self.facet_matrix, rows, cols)
        values = self._on_what_not_whom(words, weights, values, shared.data)
        keep = values > 0
        rows, cols, values = rows[keep], cols[keep], values[keep]
        values = self._discount_repeats(words.kept(keep), weights, rows, cols, values)
        shared_words = (passages @ self.specific_matrix.T).toarray()
        return Similarities(rows, cols, values, shared_words)

    def _phrases_only_whole(
        self, rows: Any, cols: Any, values: Any, shared: Any, facet_mass: Any, keys: Sequence[str]
    ) -> Any:
        """A phrase counts only when all its words are in the passage and the phrase is found
        in its text. Many priorities share a keyword ('smoking'), so each distinct phrase is
        looked for once per passage, not once per facet."""
        import numpy as np

        candidates = self.phrase[cols]
        complete = shared >= facet_mass[cols] * 0.999
        values = values.copy()
        values[candidates & ~complete] = 0.0
        checked = np.flatnonzero(candidates & complete)
        if not len(checked):
            return values
        texts, phrase_of = self._phrase_texts
        pairs = rows[checked] * len(texts) + phrase_of[cols[checked]]
        distinct, slot = np.unique(pairs, return_inverse=True)
        found = np.array(
            [
                _phrase_found(texts[int(pair % len(texts))], keys[int(pair // len(texts))])
                for pair in distinct.tolist()
            ],
            dtype=bool,
        )
        values[checked[~found[slot.ravel()]]] = 0.0
        return values

    @functools.cached_property
    def _phrase_texts(self) -> tuple[list[str], Any]:
        """The distinct phrase keys, and per facet the index of its key (-1 for no phrase)."""
        import numpy as np

        index: dict[str, int] = {}
        phrase_of = np.full(len(self.facets), -1, dtype=np.int64)
        for position, facet in enumerate(self.facets):
            if facet.is_phrase:
                phrase_of[position] = index.setdefault(facet.key, len(index))
        return list(index), phrase_of

    def _on_what_not_whom(self, words: PairWords, weights: Any, values: Any, shared: Any) -> Any:
        """No match on verbs of intent alone: 'Reduce waiting times' says nothing about
        'reduce smoking in pregnancy'. A match on words for whom a priority is ('people',
        'communities'), with or without such verbs, counts POPULATION_ONLY: 'enable people
        to get the most from the bus network' says for whom, not what."""
        import numpy as np

        if not len(values):
            return values
        intent = words.weight_in(self._intent_mask, weights, len(values))
        untopical = words.weight_in(self._untopical_mask, weights, len(values))
        values = np.where(untopical >= shared * 0.999, values * POPULATION_ONLY, values)
        return np.where(intent >= shared * 0.999, 0.0, values)

    @functools.cached_property
    def _intent_mask(self) -> Any:
        return self._mask(self.intent_columns)

    @functools.cached_property
    def _untopical_mask(self) -> Any:
        return self._mask(self.untopical_columns)

    def _mask(self, columns: Any) -> Any:
        import numpy as np

        mask = np.zeros(max(len(self.vocabulary), 1), dtype=bool)
        mask[columns] = True
        return mask

    def _discount_repeats(
        self, words: PairWords, weights: Any, rows: Any, cols: Any, values: Any
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
        # A pair that is its priority's only one in its passage counts each word fully: its
        # factor below would be exactly 1 (the same sum over the same words, divided by
        # itself), so only the pairs that share their passage and priority are weighed.
        contested = _repeated_values(group)
        if not contested.any():
            return values
        inside = contested[words.pair]
        pair, word = words.pair[inside], words.word[inside]
        # Each (passage, priority, word) counts fully once: for the strongest pair, the first
        # of equals. A stable sort keeps each (passage, priority, word)'s entries in pair
        # order, so the first contender met in it is the first of equals.
        key = group[pair] * (len(weights) + 1) + word
        order = np.argsort(key, kind="stable")
        key, ranked = key[order], values[pair[order]]
        starts = np.r_[True, key[1:] != key[:-1]]
        run = np.cumsum(starts) - 1
        strongest = np.maximum.reduceat(ranked, np.flatnonzero(starts))
        contenders = np.flatnonzero(ranked == strongest[run])
        first = contenders[np.r_[True, run[contenders][1:] != run[contenders][:-1]]]
        new = np.zeros(len(pair), dtype=bool)
        new[order[first]] = True
        mass = np.bincount(pair, weights=weights[word], minlength=len(values))
        fresh = np.bincount(pair[new], weights=weights[word[new]], minlength=len(values))
        factor = (fresh + REPEAT_WEIGHT * (mass - fresh)) / np.maximum(mass, 1e-12)
        return np.where(contested, values * factor, values)


@dataclass(frozen=True)
class PairWords:
    """One entry per (passage, facet) pair and word they share: pairs in their order, each
    pair's words in vocabulary order (the order sums over them have always taken)."""

    pair: Any
    word: Any

    def kept(self, keep: Any) -> PairWords:
        """The entries of the pairs kept, numbered as the kept pairs are."""
        import numpy as np

        inside = keep[self.pair]
        renumbered = np.cumsum(keep) - 1
        return PairWords(renumbered[self.pair[inside]], self.word[inside])

    def weight_in(self, mask: Any, weights: Any, count: int) -> Any:
        """Per pair, the weight of the shared words that the mask marks."""
        import numpy as np

        inside = mask[self.word]
        return np.bincount(self.pair[inside], weights=weights[self.word[inside]], minlength=count)


def _repeated_values(group: Any) -> Any:
    """Per entry, whether another entry has the same (non-negative) value."""
    import numpy as np

    if len(group) and int(group.max()) <= MAX_COUNTED_GROUPS:
        return np.bincount(group)[group] > 1
    _, inverse, counts = np.unique(group, return_inverse=True, return_counts=True)
    return counts[inverse.ravel()] > 1


def _repeated(found: Similarities, same: Any) -> Similarities:
    """The similarities of distinct passages laid out for every passage: passage i gets the
    rows of distinct passage ``same[i]``, in their order."""
    import numpy as np

    counts = np.bincount(found.rows, minlength=len(found.shared_words))
    starts = np.cumsum(counts) - counts
    lengths = counts[same]
    ends = np.cumsum(lengths)
    taken = np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64) + np.repeat(
        starts[same] - (ends - lengths), lengths
    )
    rows = np.repeat(np.arange(len(same), dtype=found.rows.dtype), lengths)
    return Similarities(rows, found.cols[taken], found.values[taken], found.shared_words[same])


def _shared_words(passages: Any, facets: Any, rows: Any, cols: Any) -> PairWords:
    """Every word each (passage, facet) pair shares: each facet's few words looked up in its
    passage, rather than a sparse row built per pair (which cost most of the matching)."""
    import numpy as np

    indptr = facets.indptr.astype(np.int64)
    lengths = np.diff(indptr)[cols]
    ends = np.cumsum(lengths)
    pair = np.repeat(np.arange(len(cols), dtype=np.int64), lengths)
    word = facets.indices.astype(np.int64)[
        np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
        + np.repeat(indptr[cols] - (ends - lengths), lengths)
    ]
    found = _has_word(passages, rows[pair], word)
    return PairWords(pair[found], word[found])


def _has_word(passages: Any, rows: Any, words: Any) -> Any:
    """Whether each passage row has each word: looked up in a dense table of a block of
    passages at a time (rows come in order), so the table stays under LOOKUP_CELLS however
    large the framework's vocabulary."""
    import numpy as np

    count, size = passages.shape
    block = max(1, LOOKUP_CELLS // max(size, 1))
    found = np.zeros(len(rows), dtype=bool)
    owners = np.repeat(np.arange(count, dtype=np.int64), np.diff(passages.indptr))
    for start in range(0, count, block):
        stop = min(start + block, count)
        # Flat: one index per look-up takes half the time of a (row, word) pair of them.
        table = np.zeros((stop - start) * size, dtype=bool)
        entries = slice(passages.indptr[start], passages.indptr[stop])
        table[(owners[entries] - start) * size + passages.indices[entries]] = True
        lo, hi = np.searchsorted(rows, (start, stop))
        found[lo:hi] = table[(rows[lo:hi] - start) * size + words[lo:hi]]
    return found


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
