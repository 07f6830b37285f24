"""Coverage, the embedding signal's word-by-word evidence, scored only where it can count.

A passage covers a priority facet as far as each of the facet's tokens finds a close token in
the passage: each facet token's best cosine to any of the passage's tokens (the model's
hidden states, in context), averaged with weights that favour the tokens rare in the document
(late interaction, as in ColBERT). Scoring every passage against every facet this way is the
signal's largest cost with many priorities (about 6 s for 1,500 passages at 300 priorities),
yet the decision reads coverage only as a priority's best over a document's passages, and over
its committed passages. So only each facet's :data:`CLOSEST` closest passages by sentence
cosine are scored, within each group whose best is read and leaving out the passages a
priority excludes; every other pair is given :data:`UNSCORED`, below any coverage, so it can
never raise a best. The best is exact when its passage is among them. That is measured, not
proved (no cheap bound on coverage was found): on eight labelled sets (74 documents) the best
passage was at most the 15th closest, and on two generated 60-page strategies at most the 13th
against 7 priorities and the 59th against 300 (the 33rd or deeper once in 1,200 bests); with
64, one best of 600 in a check of two benchmark strategies against 300 priorities was missed
(its reasons moved, not its verdict), and with 128 that report is the same bytes as scoring
every pair. A document with no more than :data:`CLOSEST` distinct passages is scored whole.
This module does not run the model (see :mod:`alignck.signals.embedding`) or decide anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# How many passages are scored per facet and group: 64 missed one best in a checked report.
CLOSEST = 128
# Below any coverage (a weighted mean of cosines): a pair left unscored cannot be a best.
UNSCORED = -1.0


@dataclass(frozen=True)
class FacetTokens:
    """Every facet's tokens side by side: ids, unit vectors, and where each facet's run starts
    and ends (facets in order, each with at least one token or an empty run)."""

    ids: Any
    vectors: Any
    starts: Any
    ends: Any

    @classmethod
    def of(cls, words: Sequence[tuple[Any, Any]], dimensions: int) -> FacetTokens:
        import numpy as np

        lengths = np.array([len(ids) for ids, _ in words], dtype=np.int64)
        ends = np.cumsum(lengths)
        ids = [np.asarray(ids, dtype=np.int64) for ids, _ in words]
        vectors = [vectors for _, vectors in words if len(vectors)]
        return cls(
            np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
            np.vstack(vectors) if vectors else np.zeros((0, dimensions), dtype=np.float32),
            ends - lengths,
            ends,
        )


def allowed(rows: Any, distinct: int, members: Any, excluded: Any, owner: Any) -> Any:
    """distinct passages × facets (one column for all, without exclusions): whether some
    passage with that text (``rows``: each passage's distinct text) is in the group
    (``members``, per passage) and not excluded from the facet's priority (``excluded``,
    passages × priorities; ``owner``, each facet's priority): only such pairs can be the
    group's best for the priority."""
    import numpy as np

    if not excluded.any():
        member = np.zeros((distinct, 1), dtype=bool)
        member[rows[members], 0] = True
        return member
    found = np.zeros((distinct, excluded.shape[1]), dtype=bool)
    np.logical_or.at(found, rows, members[:, None] & ~excluded)
    return found[:, owner]


def candidates(cosine: Any, groups: Sequence[Any]) -> Any:
    """distinct passages × facets: the pairs to score, each facet's :data:`CLOSEST` closest
    passages by sentence cosine among each group's allowed ones (masks that broadcast to
    distinct passages × facets)."""
    import numpy as np

    chosen = np.zeros(cosine.shape[::-1], dtype=bool)
    # Facet by facet, each a contiguous row: ranking down the columns is several times slower.
    by_facet = np.ascontiguousarray(cosine.T)
    for group in groups:
        allowed_here = np.broadcast_to(group, cosine.shape).T
        if cosine.shape[0] <= CLOSEST:
            chosen |= allowed_here
            continue
        ranked = np.where(allowed_here, -by_facet, np.inf)
        closest = np.argpartition(ranked, CLOSEST - 1, axis=1)[:, :CLOSEST]
        top = np.zeros(chosen.shape, dtype=bool)
        np.put_along_axis(top, closest, True, axis=1)
        chosen |= top & allowed_here
    return chosen.T


def token_weights(words: Sequence[tuple[Any, Any]], repeats: Any, facet_ids: Any) -> Any:
    """Each facet token's weight: its inverse frequency among the document's passages."""
    import numpy as np

    documents = int(repeats.sum())
    found: dict[int, int] = {}
    for (ids, _), times in zip(words, repeats.tolist(), strict=True):
        for token in set(np.asarray(ids).tolist()):
            found[token] = found.get(token, 0) + times
    frequency = np.array([found.get(t, 0) for t in facet_ids.tolist()], dtype=float)
    return np.log((documents + 1) / (frequency + 1)) + 1.0


def scored(
    words: Sequence[tuple[Any, Any]], facets: FacetTokens, weights: Any, chosen: Any, owner: Any
) -> Any:
    """distinct passages × facets: the coverage of the chosen pairs, :data:`UNSCORED` elsewhere
    and for passages without word tokens. Priority by priority (``owner``, each facet's, in
    runs): a priority's facets mostly choose the same passages, so their tokens are gathered
    once for all of them."""
    import numpy as np

    from alignck.environment import kept

    with kept("KMP_DUPLICATE_LIB_OK"):
        from threadpoolctl import threadpool_limits

    result = np.full(chosen.shape, UNSCORED)
    lengths = np.array([len(ids) for ids, _ in words], dtype=np.int64)
    chosen = chosen & (lengths > 0)[:, None] & (facets.ends > facets.starts)[None, :]
    if not chosen.any():
        return result
    passage_tokens = np.vstack([vectors for _, vectors in words if len(vectors)])
    offsets = np.cumsum(lengths) - lengths
    runs = np.flatnonzero(np.r_[True, np.diff(owner) != 0])
    # Hundreds of small products: a second BLAS thread only adds waiting for it, and on a
    # shared machine it made this five times slower.
    with threadpool_limits(1, user_api="blas"):
        for first, end in zip(runs, np.r_[runs[1:], len(owner)], strict=True):
            columns = np.arange(first, end)
            passages = np.flatnonzero(chosen[:, columns].any(axis=1))
            if len(passages):
                block = _priority_coverage(
                    passage_tokens, offsets, lengths, passages, facets, weights, columns
                )
                # Each priority's columns are written once: the rest stays unscored.
                picked = chosen[np.ix_(passages, columns)]
                result[np.ix_(passages, columns)] = np.where(picked, block, UNSCORED)
    return result


def _priority_coverage(
    passage_tokens: Any,
    offsets: Any,
    lengths: Any,
    passages: Any,
    facets: FacetTokens,
    weights: Any,
    columns: Any,
) -> Any:
    """passages × the priority's facets (``columns``): every facet token's best cosine to each
    passage's tokens, weighted and averaged per facet (facets without tokens give junk, to be
    left out by the caller)."""
    import numpy as np

    counts = lengths[passages]
    bounds = np.cumsum(counts) - counts
    gather = np.repeat(offsets[passages] - bounds, counts) + np.arange(int(counts.sum()))
    live = columns[facets.ends[columns] > facets.starts[columns]]
    start, end = int(facets.starts[live[0]]), int(facets.ends[live[-1]])
    sims = passage_tokens[gather] @ facets.vectors[start:end].T
    best = np.maximum.reduceat(sims, bounds, axis=0)
    segments = facets.starts[live] - start
    facet_weights = weights[start:end]
    # reduceat, as over every facet at once before: each sum added up in the same order.
    sums = np.add.reduceat(best * facet_weights, segments, axis=1)
    block = np.full((len(passages), len(columns)), UNSCORED)
    block[:, np.searchsorted(columns, live)] = sums / np.add.reduceat(facet_weights, segments)
    return block
