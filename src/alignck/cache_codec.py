"""Turn the frozen dataclasses the cache holds into plain JSON values and back, checking types.

A dataclass becomes the list of its field values in declaration order (names would make entries
several times larger and slower to load), a tuple becomes a list, and str, int, float, bool and
None stay as they are. Decoding is driven by the fields' type hints, read once per class, and
refuses anything that does not fit them (a wrong type, a missing or extra field, a value outside
a Literal) with :class:`EntryError`: an entry is data to be checked, never trusted, and no value
in it can choose what gets built. Only what the hints name is ever constructed. The shapes are
``model.py``'s; this module knows none of them by name, so a field added there needs nothing
here (the cache key's code hash turns the old entries into misses).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")
_Decoder = Callable[[Any], Any]


class EntryError(ValueError):
    """The data does not have the shape of the type it was read as."""


def encode(value: Any) -> Any:
    """A dataclass instance (or a value inside one) as JSON-ready lists and scalars."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name)) for f in _init_fields(type(value))]
    raise TypeError(f"the cache cannot hold a {type(value).__name__}")


def decode(data: Any, kind: type[T]) -> T:
    """The ``kind`` instance that :func:`encode` turned into ``data``; EntryError otherwise."""
    hint: Any = kind
    value: T = _decoder(hint)(data)
    return value


@cache
def _init_fields(kind: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(kind) if f.init)


@cache
def _decoder(hint: Any) -> _Decoder:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_decoder(hint)
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _union_decoder(get_args(hint))
    if origin is Literal:
        return _literal_decoder(get_args(hint))
    if origin is tuple:
        return _tuple_decoder(get_args(hint))
    if hint in (str, int, float, bool, type(None)):
        return _scalar_decoder(hint)
    raise TypeError(f"the cache cannot hold a {hint!r}")


def _dataclass_decoder(kind: type) -> _Decoder:
    fields = _init_fields(kind)
    hints = get_type_hints(kind)
    parts = tuple(_decoder(hints[f.name]) for f in fields)
    count = len(parts)

    def decode_dataclass(data: Any) -> Any:
        if type(data) is not list or len(data) != count:
            raise EntryError(f"not a {kind.__name__}")
        return kind(*[part(item) for part, item in zip(parts, data, strict=True)])

    return decode_dataclass


def _tuple_decoder(args: tuple[Any, ...]) -> _Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item_decoder = _decoder(args[0])

        def decode_sequence(data: Any) -> tuple[Any, ...]:
            if type(data) is not list:
                raise EntryError("not a list")
            return tuple([item_decoder(item) for item in data])

        return decode_sequence
    parts = tuple(_decoder(arg) for arg in args)

    def decode_fixed(data: Any) -> tuple[Any, ...]:
        if type(data) is not list or len(data) != len(parts):
            raise EntryError(f"not a list of {len(parts)}")
        return tuple([part(item) for part, item in zip(parts, data, strict=True)])

    return decode_fixed


def _union_decoder(args: tuple[Any, ...]) -> _Decoder:
    optional = type(None) in args
    rest = [arg for arg in args if arg is not type(None)]
    if len(rest) != 1:
        raise TypeError(f"the cache cannot tell the members of {args!r} apart")
    inner = _decoder(rest[0])

    def decode_optional(data: Any) -> Any:
        return None if data is None and optional else inner(data)

    return decode_optional


def _literal_decoder(values: tuple[Any, ...]) -> _Decoder:
    allowed = frozenset(values)

    def decode_literal(data: Any) -> Any:
        if type(data) is not str or data not in allowed:
            raise EntryError(f"not one of {sorted(allowed)}")
        return data

    return decode_literal


def _scalar_decoder(kind: type) -> _Decoder:
    # bool is an int and JSON's 2.0 may come back as an int; neither may pass as the other.
    accepted: tuple[type, ...] = (float, int) if kind is float else (kind,)

    def decode_scalar(data: Any) -> Any:
        if type(data) not in accepted:
            raise EntryError(f"not a {kind.__name__}")
        return float(data) if kind is float else data

    return decode_scalar
