"""How alike two documents' texts are, from a small sketch of each kept with its result.

A partner's strategy saved twice under different bytes (a Word file beside its PDF export, an
archived copy Word saved again, a sync conflict's copy) counts as a second partner in every
overlap; a byte-for-byte comparison misses all of those. Each document's distinct passages
(their words as a reader compares them, headings and list items as well as sentences: two
partners that quote the same vision but state their own priorities are not one document)
are hashed, and the SKETCH smallest hashes kept: the
share of the smallest of two sketches' union found in both estimates how many passages the
two documents share of all they hold (the Jaccard index; Broder's bottom-k sketch), whatever
their length, and the sketch is kept in the cached result, so a warm run compares too.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

# Hashes kept per document: the estimate's error is about 1/sqrt(SKETCH) (0.09 at 128).
SKETCH = 128
# Fewer distinct passages than this, and a document is too short to call a copy by a share of
# its text (two notes that restate the same three priorities are not one): only the very same
# passages make it the same text (a one-page note and its PDF export).
MIN_PASSAGES = 8
# Fewer than this, and not even that: a title and a line say too little to call two files one.
MIN_EXACT = 3
# The share of passages two documents must share to be the same text saved twice: a Word file
# and its PDF export share most but not all (running headers, words parted at line ends).
SAME_TEXT = 0.7


def sketch(passages: Iterable[str]) -> tuple[int, ...]:
    """The document's sketch: the smallest hashes of its distinct passages, ascending; empty
    for a document with too few passages to compare."""
    distinct = {_compared(text) for text in passages}
    distinct.discard("")
    if len(distinct) < MIN_EXACT:
        return ()
    return tuple(sorted(_hash(text) for text in distinct)[:SKETCH])


def earlier_alike(sketches: Sequence[tuple[int, ...]]) -> dict[int, tuple[int, float]]:
    """For each sketch, the first earlier one alike from SAME_TEXT, and how alike: {index:
    (earlier index, share)}. Only sketches sharing a hash can be alike at all, so each is
    compared with those alone, found through an index of hashes, rather than with every
    earlier one (half a million pairs for a thousand documents)."""
    holders: dict[int, list[int]] = {}
    found: dict[int, tuple[int, float]] = {}
    for index, sketched in enumerate(sketches):
        # How many hashes each earlier sketch shares with this one: alike() counts only shared
        # hashes, so one sharing fewer than SAME_TEXT of the smaller sketch cannot be alike
        # (headings every document has, 'Introduction', put most documents in the index).
        shared = Counter(i for value in sketched for i in holders.get(value, ()))
        candidates = sorted(
            earlier
            for earlier, count in shared.items()
            if count >= SAME_TEXT * min(SKETCH, len(sketched), len(sketches[earlier]))
        )
        for earlier in candidates:
            if earlier in found:
                continue  # itself a copy: the earlier document it copies is named instead
            share = alike(sketches[earlier], sketched)
            if share >= SAME_TEXT:
                found[index] = (earlier, share)
                break
        for value in sketched:
            holders.setdefault(value, []).append(index)
    return found


def alike(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    """The estimated share of all their distinct passages that two documents share (0 when
    either has no sketch); a short document (fewer than :data:`MIN_PASSAGES` passages) shares
    all or, unless the other has exactly its passages, nothing."""
    if not one or not other:
        return 0.0
    if min(len(one), len(other)) < MIN_PASSAGES:
        return 1.0 if one == other else 0.0
    size = min(SKETCH, len(one), len(other))
    union = sorted(set(one) | set(other))[:size]
    both = set(one) & set(other)
    return sum(value in both for value in union) / size


def _compared(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .:;,")


def _hash(text: str) -> int:
    # Not Python's hash(): the sketch is cached, and hash() changes with every process.
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 2  # under 2**62: any JSON reader keeps it exact
