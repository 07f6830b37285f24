import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignck import jsonfast

# Text with everything an encoder may treat specially: control characters, quotes,
# backslashes, non-ASCII, line separators, and words like "Type-2" or "0.00001".
TEXT = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            "é",
            "中",
            "\n",
            "\t",
            "\x00",
            "\x1f",
            "\x7f",
            '"',
            "\\",
            "\u2028",
            "e",
            "-",
            "0",
            ".",
        ]
    ),
    max_size=12,
)
NUMBERS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e-05, 1.5e-07, 0.0001, 5e-324, 1e16, 1e22, -0.0, 0.1]),
)
VALUES = st.recursive(
    st.none() | st.booleans() | NUMBERS | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


def _both_ways(value: object, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    fast = jsonfast.dumps_indented(value)
    with monkeypatch.context() as patched:
        patched.setattr(jsonfast, "_orjson", None)
        plain = jsonfast.dumps_indented(value)
    return fast, plain


def test_orjson_is_installed_so_the_fast_path_is_tested() -> None:
    assert jsonfast._orjson is not None


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_reports_are_the_standard_library_s_bytes_whichever_encoder(value: object) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, plain = _both_ways(value, monkeypatch)
    assert fast == plain == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [
        {"name": "file\udcff.md"},  # a lone surrogate from a file name that is not UTF-8
        [2**70, -(2**70)],
        {"tiny": 1e-05, "tinier": 1.5e-07, "type": "Type-2 and 0.00001"},
    ],
)
def test_what_orjson_cannot_write_alike_goes_to_the_standard_library(
    value: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, plain = _both_ways(value, monkeypatch)
    assert fast == plain == json.dumps(value, indent=2, ensure_ascii=False)


def test_nan_and_infinity_are_null_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    value = {"score": math.nan, "scores": [math.inf, -math.inf, 0.5]}
    fast, plain = _both_ways(value, monkeypatch)
    assert fast == plain
    assert json.loads(fast) == {"score": None, "scores": [None, None, 0.5]}


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_cache_bytes_load_with_either_decoder(value: object) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = jsonfast.dumps_compact(value)
        monkeypatch.setattr(jsonfast, "_orjson", None)
        plain = jsonfast.dumps_compact(value)
        assert jsonfast.loads(fast) == jsonfast.loads(plain) == value
    assert jsonfast.loads(fast) == jsonfast.loads(plain) == value


def test_garbage_is_a_value_error() -> None:
    for data in (b"\x80\x04\x95 pickle", b'[1, "half', b"\xff\xfe"):
        with pytest.raises(ValueError):
            jsonfast.loads(data)
