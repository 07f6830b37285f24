from dataclasses import dataclass
from typing import Literal

import pytest

from alignck.cache_codec import EntryError, decode, encode
from alignck.model import DocumentResult
from alignck.pipeline import check
from alignck.reading import Prepared, prepare_all
from conftest import EXAMPLES, FRAMEWORK

Kind = Literal["a", "b"]


@dataclass(frozen=True)
class Sample:
    kind: Kind
    count: int
    share: float
    flag: bool
    pair: tuple[int, int] | None = None
    names: tuple[str, ...] = ()


def test_prepared_documents_and_results_come_back_equal() -> None:
    prepared = [p for p in prepare_all(sorted(EXAMPLES.iterdir())) if isinstance(p, Prepared)]
    results = check([EXAMPLES], FRAMEWORK).documents
    assert len(prepared) == len(results) == 6
    assert all(decode(encode(p), Prepared) == p for p in prepared)
    assert all(decode(encode(r), DocumentResult) == r for r in results)
    assert any(r.alignments and r.alignments[0].evidence for r in results)


def test_a_dataclass_is_its_field_values_in_order() -> None:
    sample = Sample("a", 3, 0.5, True, (1, 2), ("x",))
    assert encode(sample) == ["a", 3, 0.5, True, [1, 2], ["x"]]
    assert decode(["a", 3, 0.5, True, [1, 2], ["x"]], Sample) == sample
    assert decode(["b", 3, 1, False, None, []], Sample) == Sample("b", 3, 1.0, False)


@dataclass(frozen=True)
class Wrapper:
    inner: Sample


def test_a_one_field_dataclass_is_a_list_of_one_value() -> None:
    wrapped = Wrapper(Sample("b", 1, 2.0, False))
    assert encode(wrapped) == [["b", 1, 2.0, False, None, []]]
    assert decode(encode(wrapped), Wrapper) == wrapped


@pytest.mark.parametrize(
    "data",
    [
        ["c", 3, 0.5, True, None, []],  # outside the Literal
        ["a", True, 0.5, True, None, []],  # a bool is not a count
        ["a", 3, 0.5, 1, None, []],  # nor a count a bool
        ["a", 3, "0.5", True, None, []],
        ["a", 3, 0.5, True, [1, 2, 3], []],  # a pair of three
        ["a", 3, 0.5, True, None, "x"],  # text is not a tuple of text
        ["a", 3, 0.5, True, None],  # a field missing
        {"kind": "a"},
    ],
)
def test_data_that_does_not_fit_the_hints_is_refused(data: object) -> None:
    with pytest.raises(EntryError):
        decode(data, Sample)


def test_only_plain_values_can_be_encoded() -> None:
    with pytest.raises(TypeError, match="cannot hold a bytes"):
        encode(Sample("a", 1, 1.0, True, names=(b"x",)))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Quote:
    text: str
    score: float


def test_equal_strings_and_floats_come_back_as_one_object_but_keep_their_sign() -> None:
    import math

    # Built at run time, so that the reader's strings are distinct objects, as a JSON
    # reader's are.
    text = "".join(["We will ", "expand talking therapies"])
    again = "".join(["We will expand ", "talking therapies"])
    assert text is not again
    first, second = decode([[text, 0.25], [again, float("0.25")]], tuple[Quote, ...])
    assert first.text is second.text and first.score is second.score
    later = decode([again, float("0.25")], Quote)
    assert later.score is first.score  # floats are shared across entries too
    zero = decode(["x", -0.0], Quote)
    assert math.copysign(1.0, zero.score) == -1.0
    assert math.isnan(decode(["x", float("nan")], Quote).score)


@dataclass(frozen=True)
class Place:
    page: int | None
    section: str | None


Verdict = Literal["aligned", "gap"]


@dataclass(frozen=True)
class Cited:
    kind: Verdict
    place: Place
    score: float


def test_a_result_decoded_shares_what_matching_shares() -> None:
    # Matching gives every quote of one passage the passage's one place, and every verdict the
    # framework's own id and the literal's own status; decoded, each was an object of its own,
    # and a run's results took half as much memory again (1,000 documents, 300 priorities).
    section, aligned = "".join(["Our ", "priorities"]), "".join(["ali", "gned"])
    assert aligned is not Verdict.__args__[0]  # type: ignore[attr-defined]
    data = [[aligned, [3, section], 0.5], ["".join(["align", "ed"]), [3, section[:]], 0.25]]
    first, second = decode(data, tuple[Cited, ...])
    assert first.place is second.place
    assert first.kind is second.kind and first.kind is Verdict.__args__[0]  # type: ignore[attr-defined]
    # A short string is shared across entries too; a place is shared within one entry only.
    later = decode([3, "".join(["Our ", "priorities"])], Place)
    assert later.section is first.place.section and later is not first.place


@dataclass(frozen=True)
class Scored:
    label: str
    value: float


def test_equal_values_with_floats_are_not_merged_across_the_sign_of_zero() -> None:
    import math

    plus, minus = decode([["x", 0.0], ["x", -0.0]], tuple[Scored, ...])
    assert math.copysign(1.0, plus.value) == 1.0 and math.copysign(1.0, minus.value) == -1.0


@dataclass
class Mutable:
    page: int


def test_only_frozen_values_are_shared() -> None:
    # Shared, a mutable one changed through one quote would change every other.
    first, second = decode([[1], [1]], tuple[Mutable, ...])
    assert first == second and first is not second
