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
import operator
import types
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from alignck.interning import shared_float

T = TypeVar("T")
_Decoder = Callable[[Any], Any]


class EntryError(ValueError):
    """The data does not have the shape of the type it was read as."""


def encode(value: Any) -> Any:
    """A dataclass instance (or a value inside one) as JSON-ready lists and scalars."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    encoder = _ENCODERS.get(kind)
    if encoder is None:
        encoder = _ENCODERS[kind] = _encoder(kind)
    return encoder(value)


_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def _encoder(kind: type) -> Callable[[Any], Any]:
    """How to encode values of one exact type, worked out once: a result at 300 priorities
    holds ~100,000 values, and asking of each whether it is a dataclass and reading its
    fields one by one took as long as matching it. Scalars are kept inline."""
    if issubclass(kind, str | bool | int | float):
        return lambda value: value
    if issubclass(kind, tuple | list):
        return lambda value: [v if type(v) in _SCALARS else encode(v) for v in value]
    if dataclasses.is_dataclass(kind):
        names = [f.name for f in _init_fields(kind)]
        if not names:
            return lambda value: []
        values = operator.attrgetter(*names)
        if len(names) == 1:
            return lambda value: [encode(values(value))]
        return lambda value: [v if type(v) in _SCALARS else encode(v) for v in values(value)]
    raise TypeError(f"the cache cannot hold a {kind.__name__}")


# Equal strings of one entry, and equal floats of every entry (interning.shared_float), become one
# object: a document's result quotes the same passages for many priorities, and its reasons'
# rounded numbers take a few thousand values, but a JSON reader makes a new object of each.
# Without this a warm run of 1,000 documents against 300 priorities held twice the memory of
# the cold run that made it.
_STRINGS: dict[str, str] = {}
_MAX_SHARED_CHARS = 4096
# Short strings (priority ids, section names) shared across entries too: 1,000 documents'
# results name the same 300 priorities. Bounded, as interning.shared_float is.
_SHORT: dict[str, str] = {}
_SHORT_CHARS = 40
_MAX_SHORT = 200_000
# Equal values of one entry made of plain fields only (a quote's place): a document quotes the
# same passage for many priorities, and matching gives each quote the passage's one place.
_VALUES: dict[tuple[Any, ...], Any] = {}


def decode(data: Any, kind: type[T]) -> T:
    """The ``kind`` instance that :func:`encode` turned into ``data``; EntryError otherwise."""
    hint: Any = kind
    try:
        value: T = _decoder(hint)(data)
    finally:
        _STRINGS.clear()
        _VALUES.clear()
    return value


def _shared_string(value: str, strings: dict[str, str]) -> str:
    if len(value) <= _SHORT_CHARS and len(_SHORT) < _MAX_SHORT:
        return _SHORT.setdefault(value, value)
    return strings.setdefault(value, value)


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
    count = len(fields)
    # Plain fields are checked inline, by their exact types: a call per value would double the
    # time of loading a warm run's results.
    checks: list[tuple[int, tuple[type, ...]]] = []
    parts: list[tuple[int, _Decoder]] = []
    for index, field in enumerate(fields):
        accepted = _scalar_types(hints[field.name])
        if accepted:
            checks.append((index, accepted))
        else:
            parts.append((index, _decoder(hints[field.name])))

    strings, values_seen = _STRINGS, _VALUES
    # Plain, small and without floats (a place: page, paragraph, section, line), frozen and
    # compared by value: equal ones shared. A float would merge -0.0 with 0.0, which print
    # apart.
    params = kind.__dataclass_params__  # type: ignore[attr-defined]
    shared = (
        params.frozen
        and params.eq
        and not parts
        and count <= 4
        and all(float not in a for _, a in checks)
    )

    def decode_dataclass(data: Any) -> Any:
        if type(data) is not list or len(data) != count:
            raise EntryError(f"not a {kind.__name__}")
        for index, accepted in checks:
            value = data[index]
            found = type(value)
            if found not in accepted:
                raise EntryError(f"not a {kind.__name__}")
            if found is str:
                # A replay record's whole report is one string: hashing it would cost more
                # than sharing saves.
                if len(value) <= _MAX_SHARED_CHARS:
                    data[index] = _shared_string(value, strings)
            elif found is float:
                data[index] = shared_float(value)
        if shared:
            # With each value's type: 1 and True are equal, and print apart.
            key = (kind, *data, *map(type, data))
            made = values_seen.get(key)
            if made is None:
                made = values_seen[key] = kind(*data)
            return made
        if not parts:
            return kind(*data)
        values = list(data)
        for index, part in parts:
            values[index] = part(values[index])
        return kind(*values)

    return decode_dataclass


def _scalar_types(hint: Any) -> tuple[type, ...]:
    """The exact types a plain field (str, int, float, bool, or one of them or None) may hold;
    empty for anything else."""
    members = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    accepted: list[type] = []
    for member in members:
        if member not in _SCALARS:
            return ()
        accepted.extend(_SCALARS[member])
    return tuple(accepted)


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
    # The literal's own object for each value: a verdict's status or a quote's kind, once in
    # the process rather than once in each of a run's hundreds of thousands of verdicts.
    allowed = {value: value for value in values}

    def decode_literal(data: Any) -> Any:
        if type(data) is not str or data not in allowed:
            raise EntryError(f"not one of {sorted(allowed)}")
        return allowed[data]

    return decode_literal


# A float field keeps an int it was given (0 rather than 0.0), so that it comes back as it went
# in; bool is an int in Python but never passes for one here, nor an int for a bool.
_SCALARS: dict[Any, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (float, int),
    bool: (bool,),
    type(None): (type(None),),
}


def _scalar_decoder(kind: type) -> _Decoder:
    accepted = _SCALARS[kind]

    def decode_scalar(data: Any) -> Any:
        if type(data) not in accepted:
            raise EntryError(f"not a {kind.__name__}")
        return data

    return decode_scalar
