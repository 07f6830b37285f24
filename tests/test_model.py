"""The model's shapes: what crosses between processes comes back the same."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from alignck.model import CompactPickle, Location, Policy, ReadOptions, Statement, Thresholds
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


@pytest.mark.parametrize(
    ("make", "error", "says"),
    [
        (lambda: Thresholds(aligned=1.5), ValueError, "Thresholds.aligned must be between 0 and 1"),
        (lambda: Thresholds(partial=-0.1), ValueError, "Thresholds.partial must be between"),
        (lambda: Thresholds(partial="0.4"), TypeError, "Thresholds.partial must be a number"),
        (lambda: Policy(fail_under=0.6), ValueError, "not a fraction: did you mean 60?"),
        (lambda: Policy(fail_under=120), ValueError, "percentage from 0 to 100"),
        (lambda: Policy(fail_on="gaps"), ValueError, "Policy.fail_on must be one of gap,"),
        (lambda: ReadOptions(pdf_engine="mupdf"), ValueError, "must be one of pdfium, pypdf"),
        (lambda: ReadOptions(passwords=(1234,)), TypeError, "passwords must be strings"),
    ],
)
def test_a_library_caller_s_bad_setting_is_refused_where_it_is_made(
    make: Callable[[], object], error: type[Exception], says: str
) -> None:
    # The command line checks these in its own terms; a caller of the library had no check,
    # and a threshold above 1 quietly made every verdict a gap.
    with pytest.raises(error, match=re.escape(says)):
        make()


def test_settings_in_range_are_kept_and_one_password_is_one_password() -> None:
    # The ends of each range are in it: thresholds of 0 and 1, and coverages of 0 and 100, and
    # 1, a whole percent, not a fraction ('did you mean 100?').
    edges = Thresholds(aligned=1.0, partial=0.0)
    assert (edges.aligned, edges.partial) == (1.0, 0.0)
    assert [Policy(fail_under=limit).fail_under for limit in (0, 1, 100)] == [0, 1, 100]
    assert [Policy(fail_on=kind).fail_on for kind in ("gap", "partial", "new-gap", "worse")] == [
        "gap",
        "partial",
        "new-gap",
        "worse",
    ]
    assert ReadOptions(passwords="open sesame").passwords == ("open sesame",)  # type: ignore[arg-type]
    assert ReadOptions(passwords=["a", "b"]).passwords == ("a", "b")  # type: ignore[arg-type]
