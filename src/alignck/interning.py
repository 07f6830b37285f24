"""One object for many equal values, where a run holds millions of them.

Kept apart from :mod:`alignck.model` so that the cache's decoder, on the path of a replayed warm
run, can use it without importing the dataclasses.
"""

from __future__ import annotations

_SHARED_FLOATS: dict[float, float] = {}
_MAX_SHARED_FLOATS = 1_000_000


def shared_float(value: float) -> float:
    """The same float object for every equal value: a run of 1,000 documents against 300
    priorities holds over 5 million rounded numbers in its verdicts' reasons and scores (24
    bytes each), but few distinct ones, whether made by the decision or read from the cache.
    Zero is left alone, since -0.0 equals 0.0 and prints otherwise, and so is NaN, which
    equals nothing."""
    if value == 0.0 or value != value or len(_SHARED_FLOATS) >= _MAX_SHARED_FLOATS:
        return value
    return _SHARED_FLOATS.setdefault(value, value)
