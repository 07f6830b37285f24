"""A table of contents is navigation, not text: its entries repeat the document's headings
with a page number glued on ('Priority 1: Best start in life 3'), and read as text they were
taken for the stated priorities and quoted as their evidence, at the contents page.

Shared by every reader, so Word, PDF, Markdown and text drop the same entries. An entry is a
block of a name and a page number (after spaces, a tab or dot leaders); a run of them is a
table of contents when most of the names come back later in the document as text of their
own (a heading, usually) and the page numbers never go down. Nothing here knows a word."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from alignck.model import Block

# Bumped when what is dropped changes: part of every reader's cache key.
VERSION = "1"

_ENTRY = re.compile(r"^(?P<name>.*?[^\W\d_].*?)(?:\s*[.·…_]{2,}\s*|\s+)(?P<page>\d{1,4})$")
_NOT_ALNUM = re.compile(r"[\W_]+")
_ENTRY_KINDS = frozenset(["paragraph", "list_item"])
# A run this long, most of whose names come back later: two entries repeating two headings
# already say 'contents'; one could be a sentence ending in a number.
_MIN_ENTRIES = 2
_SHARE_FOUND_LATER = 2 / 3


def without_contents(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` without the entries of any table of contents."""
    entries = [_entry(block) for block in blocks]
    if sum(entry is not None for entry in entries) < _MIN_ENTRIES:
        return tuple(blocks)
    last_seen: dict[str, int] = {}
    for index, block in enumerate(blocks):
        last_seen[_key(block.text)] = index
    dropped: set[int] = set()
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and entries[end] is not None:
            end += 1
        if end - start >= _MIN_ENTRIES and _is_contents(entries[start:end], end, last_seen):
            dropped.update(range(start, end))
        start = end + 1
    if not dropped:
        return tuple(blocks)
    return tuple(block for index, block in enumerate(blocks) if index not in dropped)


def _entry(block: Block) -> tuple[str, int] | None:
    if block.kind not in _ENTRY_KINDS or len(block.text) > 200:
        return None
    found = _ENTRY.match(block.text.strip())
    if found is None:
        return None
    return _key(found.group("name")), int(found.group("page"))


def _is_contents(
    run: Sequence[tuple[str, int] | None], after: int, last_seen: dict[str, int]
) -> bool:
    names = [entry[0] for entry in run if entry is not None]
    pages = [entry[1] for entry in run if entry is not None]
    if any(later < earlier for earlier, later in itertools.pairwise(pages)):
        return False
    found_later = sum(last_seen.get(name, -1) >= after for name in names)
    return found_later >= _MIN_ENTRIES and found_later >= _SHARE_FOUND_LATER * len(names)


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())
