"""The model's shapes: what crosses between processes comes back the same."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from alignck.model import CompactPickle, Location, Statement
from alignck.passages import Passage


@dataclass(frozen=True, slots=True)
class _One(CompactPickle):
    value: str


@dataclass(frozen=True, slots=True)
class _Two(CompactPickle):
    first: int
    second: tuple[str, ...] = ()


def test_compact_pickles_come_back_equal_with_one_field_or_many() -> None:
    location = Location(3, 12, ("Our priorities", "Start well"))
    items = [
        _One("alone"),
        _Two(1, ("a", "b")),
        location,
        Statement("Start well", "priority", location, "listed under a priority heading"),
        Passage("We will cut smoking.", location, "commitment", ("cut", "smoke"), "cut smoke"),
    ]
    for item in items:
        restored = pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL))
        assert restored == item
        assert type(restored) is type(item)
    # Pickled as the field values, not the field names: a passage costs its text.
    assert b"second" not in pickle.dumps(_Two(1, ("a",)))
