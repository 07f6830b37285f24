"""JSON through orjson when it is installed, through the standard library otherwise.

orjson is a required dependency, but a source install on a platform without its wheels may lack
it, and the standard library must then give the same answers. Two uses: compact bytes for the
cache (any valid JSON will do, so either encoder's bytes load with either decoder), and indented
text for reports, which must be byte-identical whichever encoder wrote them. Where orjson would
write something the standard library writes differently (a float below 1e-4, NaN or infinity, a
string with a lone surrogate, an integer past 64 bits), that text is written by the standard
library instead. This module only encodes and decodes: what goes into a report or an entry is
decided by its callers.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any


def _load_orjson() -> ModuleType | None:
    try:
        import orjson
    except ImportError:  # a platform without its wheels: the standard library does the work
        return None
    return orjson


_orjson = _load_orjson()


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
