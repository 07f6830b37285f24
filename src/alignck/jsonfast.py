"""JSON through orjson when it is installed, through the standard library otherwise.

orjson is a required dependency, but a source install on a platform without its wheels may lack
it, and the standard library must then give the same answers. Two uses: compact bytes for the
cache (any valid JSON will do, so either encoder's bytes load with either decoder), and indented
text for reports, which must be byte-identical whichever encoder wrote them. Where orjson would
write something the standard library writes differently (a float below 1e-4, a string with a
lone surrogate, an integer past 64 bits), that text is written by the standard library instead;
NaN and infinity are written as null either way. This module only encodes and decodes: what
goes into a report or an entry is decided by its callers.
"""

from __future__ import annotations

import json
import math
import re
from types import ModuleType
from typing import Any


def _load_orjson() -> ModuleType | None:
    try:
        import orjson
    except ImportError:  # a platform without its wheels: the standard library does the work
        return None
    return orjson


_orjson = _load_orjson()
# orjson writes numbers below 1e-4 unlike the standard library (0.00001 for 1e-05, 1.5e-7 for
# 1.5e-07). Searched for as literals, which is fast; a match inside a string only costs speed,
# as that text is then written by the standard library.
_NEGATIVE_EXPONENT = re.compile(rb"e-[0-9]")
_SMALL_DECIMAL = b"0.0000"
_DIGITS = frozenset(b"0123456789")


def dumps_compact(value: Any) -> bytes:
    """Compact UTF-8 JSON, for the cache."""
    if _orjson is not None:
        try:
            return bytes(_orjson.dumps(value))
        except TypeError:
            pass  # a lone surrogate or a huge integer: the standard library writes those
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def loads(data: bytes) -> Any:
    """The value of JSON bytes; raises ValueError (or RecursionError) for anything else."""
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass  # the standard library accepts what the other writes (NaN, surrogates)
    return json.loads(data.decode("utf-8", "surrogatepass"))


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, faster where possible, except that
    a NaN or an infinity is written as null (as orjson writes it: the standard library's NaN
    is not JSON, and no JSON reader accepts it)."""
    if _orjson is not None:
        try:
            data = _orjson.dumps(value, option=_orjson.OPT_INDENT_2)
        except TypeError:
            data = b""  # a lone surrogate or a huge integer
        if data and not _has_small_numbers(data):
            return data.decode("utf-8")
    try:
        return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(value), indent=2, ensure_ascii=False)


def _has_small_numbers(data: bytes) -> bool:
    if _SMALL_DECIMAL in data:
        return True
    return any(
        match.start() and data[match.start() - 1] in _DIGITS
        for match in _NEGATIVE_EXPONENT.finditer(data)
    )


def _finite(value: Any) -> Any:
    """The value with None for every NaN and infinity in it."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
