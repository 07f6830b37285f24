"""A table of contents is navigation, not text: its entries repeat the document's headings
with a page number glued on ('Priority 1: Best start in life 3'), and read as text they were
taken for the stated priorities and quoted as their evidence, at the contents page.

Shared by every reader, so Word, PDF, Markdown and text drop the same entries. An entry is a
block of a name and a page number (after spaces, a tab or dot leaders); a run of them is a
table of contents when most of the names come back later in the document as text of their
own (a heading, usually) and the page numbers never go down, or when its entries are set with
dot leaders ('Our priorities ........ 7'), or when it stands under a heading 'Contents' (the
one word known here: a document cut short, or a contents page listing sections the copy
does not hold, repeats nothing later). A table row of a name and a page number ('Our
priorities ......' | '7', as a PDF's contents set in two columns reads) is an entry too."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from alignck.model import Block, BlockKind

# Bumped when what is dropped changes: part of every reader's cache key.
VERSION = "2"

# A page range ('Our priorities 12–13') has pages of three figures at most: 'Plan 2025-2030' is
# a name with its years.
_ENTRY = re.compile(
    r"^(?P<name>.*?[^\W\d_].*?)(?:\s*[.·…_](?:\s?[.·…_])+\s*|,?\s+(?:page|p\.)\s*|\s+)"
    r"(?P<page>\d{1,4}|\d{1,3}(?=\s*[-–]\s*\d{1,3}$))(?:\s*[-–]\s*\d{1,3})?$"
)
# Dot leaders run from an entry's name towards its page number; no sentence has them.
LEADERS_THEN_PAGE = re.compile(r"[.·…_](?:\s?[.·…_]){2,}\s*\d{1,4}$")
_NAME_WITH_LEADERS = re.compile(r"^(?P<name>.*?[^\W\d_].*?)\s*[.·…_](?:\s?[.·…_]){2,}\s*$")
# A table's second column of page numbers: three figures at most ('2026' is a year).
_PAGE = re.compile(r"^\d{1,3}$|^\d{1,3}\s*[-–]\s*\d{1,3}$")
_RANGE_END = re.compile(r"\d\s*[-–]\s*\d{1,3}$")
_CONTENTS_HEADING = re.compile(r"^(?:table\s+of\s+)?contents:?$", re.IGNORECASE)
_NOT_ALNUM = re.compile(r"[\W_]+")
_ENTRY_KINDS = frozenset(["paragraph", "list_item"])
# A run this long, most of whose names come back later: two entries repeating two headings
# already say 'contents'; one could be a sentence ending in a number.
_MIN_ENTRIES = 2
_SHARE_FOUND_LATER = 2 / 3


def without_contents(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` with every table of contents made navigation: entries whose names come back
    later are dropped (the document says them again where they are); the others, when
    nothing else of the document repeats them, stay as their names alone, marked as navigation:
    they can name a priority but are never quoted."""
    entries = _entries(blocks)
    headed = any(b.kind == "heading" and _CONTENTS_HEADING.match(b.text.strip()) for b in blocks)
    if sum(entry is not None for entry in entries) < _MIN_ENTRIES and not headed:
        return tuple(blocks)
    last_seen: dict[str, int] = {}
    for index, block in enumerate(blocks):
        last_seen[_key(block.text)] = index
    dropped: set[int] = set()
    kept: dict[int, Block] = {}
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and entries[end] is not None:
            end += 1
        run = [entry for entry in entries[start:end] if entry is not None and entry.counts]
        if len(run) >= _MIN_ENTRIES and _pages_go_up(run):
            # A table of names and figures, or names with ranges ('Start well 0–5', an age
            # band), is a table of contents only by its leaders or its heading, not because
            # its names come back as headings later (a plan's priorities and their years do).
            if all(entry.plain for entry in run) and _repeated_later(run, end, last_seen):
                dropped.update(range(start, end))
            elif _set_as_contents(run, _under(blocks, start)):
                for index in range(start, end):
                    entry = entries[index]
                    if entry is not None and entry.counts:
                        # An entry a reader took for a heading heads nothing.
                        block = blocks[index]
                        kind: BlockKind = "paragraph" if block.kind == "heading" else block.kind
                        kept[index] = replace(block, text=entry.shown, navigation=True, kind=kind)
                    else:
                        dropped.add(index)
        start = end + 1
    kept.update(_linked_contents(blocks, entries))
    if not dropped and not kept:
        return tuple(blocks)
    return tuple(
        kept.get(index, block) for index, block in enumerate(blocks) if index not in dropped
    )


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    page: int
    leaders: bool
    # The name as the document writes it, without leaders or page number.
    shown: str = ""
    # False for a table row's page-number cell: its row is one entry, counted at its name.
    counts: bool = True
    # A paragraph ending in one page number, not a table row nor a range.
    plain: bool = True


def _entries(blocks: Sequence[Block]) -> list[_Entry | None]:
    found: list[_Entry | None] = [_entry(block) for block in blocks]
    for index in range(len(blocks)):
        row = _table_row_entry(blocks, index)
        if row is not None:
            found[index] = row
            found[index + 1] = _Entry(
                row.name, row.page, row.leaders, row.shown, counts=False, plain=False
            )
    return found


def _entry(block: Block) -> _Entry | None:
    # Only short blocks: the patterns below backtrack on long runs of dots and spaces (100 kB
    # of '. ' took minutes), and no entry is long.
    if len(block.text) > 200 or block.kind not in (*_ENTRY_KINDS, "heading"):
        return None
    text = block.text.strip()
    # Every entry ends on its page number: the pattern, tried on every block, cost a sixth
    # of reading a long PDF.
    found = _ENTRY.match(text) if text[-1:].isdigit() else None
    if found is None:
        return None
    leaders = bool(LEADERS_THEN_PAGE.search(text))
    if block.kind == "heading" and not leaders:
        return None  # a heading ending in a number ('Priority 2') is a heading; with leaders,
        # a plain-text reader's short line, an entry
    name = found.group("name").strip()
    plain = not _RANGE_END.search(text)
    return _Entry(_key(name), int(found.group("page")), leaders, name, plain=plain)


def _table_row_entry(blocks: Sequence[Block], index: int) -> _Entry | None:
    """A row of two cells, a name and a page number ('Introduction ......' | '2')."""
    if index + 1 >= len(blocks):
        return None
    name, page = blocks[index], blocks[index + 1]
    # Short cells only, as for paragraphs (see _entry).
    if name.cell is None or page.cell is None or len(name.text) > 200:
        return None
    if name.cell[1] != 0 or page.cell != (name.cell[0], 1):
        return None
    if index + 2 < len(blocks) and blocks[index + 2].cell == (name.cell[0], 2):
        return None  # a third cell: a table of data, not a name and its page
    if not _PAGE.match(page.text.strip()):
        return None
    with_leaders = _NAME_WITH_LEADERS.match(name.text.strip())
    text = with_leaders.group("name") if with_leaders else name.text
    if not any(ch.isalpha() for ch in text):
        return None
    first_page = int(re.split(r"\D+", page.text.strip())[0])
    return _Entry(_key(text), first_page, with_leaders is not None, text.strip(), plain=False)


def _under(blocks: Sequence[Block], start: int) -> str:
    """The heading (or line) a run of entries stands under, skipping a table's header row."""
    index = start - 1
    while index >= 0 and blocks[index].cell is not None:
        index -= 1
    return blocks[index].text.strip() if index >= 0 else ""


def _linked_contents(blocks: Sequence[Block], entries: Sequence[_Entry | None]) -> dict[int, Block]:
    """A list straight under a 'Contents' heading whose items carry no page numbers (a web
    page's or a Markdown file's contents, each item a link to its section): navigation."""
    marked: dict[int, Block] = {}
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not _CONTENTS_HEADING.match(block.text.strip()):
            continue
        end = index + 1
        while end < len(blocks) and blocks[end].kind == "list_item" and entries[end] is None:
            end += 1
        if end - index - 1 >= _MIN_ENTRIES:
            marked.update(
                (at, replace(blocks[at], navigation=True)) for at in range(index + 1, end)
            )
    return marked


def _pages_go_up(run: Sequence[_Entry]) -> bool:
    return all(later >= earlier for earlier, later in itertools.pairwise(e.page for e in run))


def _repeated_later(run: Sequence[_Entry], after: int, last_seen: dict[str, int]) -> bool:
    found_later = sum(last_seen.get(entry.name, -1) >= after for entry in run)
    return found_later >= _MIN_ENTRIES and found_later >= _SHARE_FOUND_LATER * len(run)


def _set_as_contents(run: Sequence[_Entry], under: str) -> bool:
    return sum(e.leaders for e in run) >= _MIN_ENTRIES or bool(_CONTENTS_HEADING.match(under))


def _key(text: str) -> str:
    """A name as compared: case, spacing, punctuation and a section's number set aside (an
    entry 'Priority one: Healthier communities' names the heading '3. Priority one: ...')."""
    return _NOT_ALNUM.sub("", _SECTION_NUMBER.sub("", text.lower()))


_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
