"""alignck's knowledge of English, as data: word lists and cue patterns read from
``data/lexicon/*.json``.

Each file holds entries, each with an ``id``, a one-line ``why``, one of ``pattern`` (a list of
regular-expression parts joined as written, matched case-insensitively unless
``case_sensitive``), ``words`` (words or
phrases) or ``map`` (word to word), optional fields the reading module uses (``role``,
``scope``, ``cues``, ``theme``, ``sense``, ``reads``) and ``examples`` that must and must not
match (``tests/test_lexicon.py`` runs every one). Files are read the first time something asks
for them, never at import: a run answered from the cache does not read them at all. This
module only loads and looks up; what an entry means is for the modules that read it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "data" / "lexicon"


@dataclass(frozen=True)
class Entry:
    id: str
    why: str
    pattern: str | None = None
    words: tuple[str, ...] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)
    cues: tuple[str, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    @property
    def compiled(self) -> re.Pattern[str]:
        return compiled(self.pattern or "(?!)", not self.get("case_sensitive", False))

    def matches(self, text: str) -> bool:
        """Whether a text matches: the pattern searched, or a word (or key) of the entry
        found in it as a whole word. What the examples are checked with."""
        if self.pattern is not None:
            return bool(self.compiled.search(text))
        lower = text.lower().replace("’", "'")
        return any(_has_word(lower, word) for word in (*self.words, *self.mapping))


_KNOWN = frozenset(["id", "why", "pattern", "words", "map", "cues", "examples"])


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """The entries of one lexicon file, in file order."""
    raw = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    return tuple(_entry(item) for item in raw["entries"])


def _entry(item: dict[str, Any]) -> Entry:
    pattern = item.get("pattern")
    examples = item.get("examples", {})
    return Entry(
        id=item["id"],
        why=item["why"],
        pattern="".join(pattern) if pattern is not None else None,
        words=tuple(item.get("words", ())),
        mapping=dict(item.get("map", {})),
        cues=tuple(item.get("cues", ())),
        fields={key: value for key, value in item.items() if key not in _KNOWN},
        match=tuple(examples.get("match", ())),
        no_match=tuple(examples.get("no_match", ())),
    )


def entry(name: str, entry_id: str) -> Entry:
    try:
        return _by_id(name)[entry_id]
    except KeyError:
        raise KeyError(f"{name}.json has no entry {entry_id!r}") from None


@cache
def _by_id(name: str) -> dict[str, Entry]:
    return {found.id: found for found in entries(name)}


@cache
def words(name: str, entry_id: str) -> frozenset[str]:
    return frozenset(entry(name, entry_id).words)


def mapping(name: str, entry_id: str) -> Mapping[str, str]:
    return entry(name, entry_id).mapping


def select(name: str, keep: Callable[[Entry], bool]) -> tuple[Entry, ...]:
    return tuple(found for found in entries(name) if keep(found))


@cache
def compiled(pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


def _has_word(lower: str, word: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", lower) is not None
