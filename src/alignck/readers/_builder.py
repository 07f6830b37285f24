"""Turn a reader's stream of headings, paragraphs and items into numbered blocks.

Every reader feeds this builder in reading order; it keeps the heading trail (section path) so
that each block knows which headings it sits under. It knows nothing about file formats.
"""

from __future__ import annotations

import dataclasses
import re

from alignck.limits import Limits, check_paragraphs
from alignck.model import Block, BlockKind
from alignck.readers._text import clean, join_lines

# A heading's number, '4' or '4.1' (and the dot after it).
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
# A bold opening longer than this is emphasis, not the name of what follows.
MAX_LEAD_WORDS = 12


def run_in_name(lead: str | None) -> str | None:
    """The bold words opening a block as a name: cleaned, closing punctuation off ('Warm homes.'
    -> 'Warm homes'), and none at all when they run past a dozen words."""
    name = clean(lead).rstrip(" .:–—-") if lead else ""
    return name if name and len(name.split()) <= MAX_LEAD_WORDS else None


class BlockBuilder:
    def __init__(self, path: str = "", limits: Limits | None = None) -> None:
        """``limits``: stop, as the reader would after it, once the document holds more
        paragraphs than they allow: a Markdown table of 20,000 columns made five million
        cells, 1.6 GB of blocks, before the count refused it."""
        self._blocks: list[Block] = []
        self._trail: list[tuple[int, str]] = []
        self._path = path
        self._limits = limits
        # Twice the limit: the reader leaves out a contents list before its own count, and a
        # document within the limit once it has done so must still be read.
        self._most = 2 * limits.paragraphs if limits is not None else None

    def heading(
        self, text: str, level: int, page: int | None = None, line: int | None = None
    ) -> None:
        text = clean(text)
        if not text:
            return
        level = max(1, level)
        while self._trail and self._trail[-1][0] >= level:
            self._trail.pop()
        self._append("heading", text, page, level, None, line=line)
        self._trail.append((level, text))

    def numbered_level(self, number: str, level: int) -> int:
        """The level of a heading numbered ``number`` with two levels or more ('1.2'), which
        its numbering puts at ``level``: beside a heading of the trail numbered as deep, at its
        level; under an unnumbered heading at or below ``level`` ('Our priorities' above
        '1.1 Tackle loneliness'), one below it, as the same file in Markdown nests them."""
        depth = number.rstrip(".").count(".")  # '1.2.' is as deep as '1.2'
        for at, title in reversed(self._trail):
            found = _NUMBER.match(title)
            if found and found.group(1).count(".") == depth:
                return at
        if self._trail and not _NUMBER.match(self._trail[-1][1]):
            return max(level, self._trail[-1][0] + 1)
        return level

    def add(
        self,
        kind: BlockKind,
        text: str,
        page: int | None = None,
        level: int = 0,
        marker: str | None = None,
        cleaned: bool = False,
        lead: str | None = None,
        cell: tuple[int, int] | None = None,
        line: int | None = None,
    ) -> None:
        """``line``: the line of the file the block starts on, for formats that have lines."""
        text = text if cleaned else clean(text)
        if text:
            self._append(kind, text, page, level, marker, run_in_name(lead), cell, line)

    def _append(
        self,
        kind: BlockKind,
        text: str,
        page: int | None,
        level: int,
        marker: str | None,
        lead: str | None = None,
        cell: tuple[int, int] | None = None,
        line: int | None = None,
    ) -> None:
        section = tuple(title for _, title in self._trail)
        number = len(self._blocks) + 1
        if self._most is not None and number > self._most:
            assert self._limits is not None
            check_paragraphs(self._path, number, self._limits)
        block = Block(kind, text, number, page, section, level, marker, lead, cell, line=line)
        self._blocks.append(block)

    @property
    def last(self) -> Block | None:
        return self._blocks[-1] if self._blocks else None

    def extend_last(self, text: str, page: int | None = None) -> None:
        """Continue the last block with a wrapped line (a heading or paragraph split in two),
        on ``page`` where it goes on to a later page than the block's."""
        last = self._blocks[-1]
        added = clean(text)
        joined = join_lines([last.text, added])
        turns = last.turns
        if (
            page is not None
            and last.page is not None
            and page > (turns or ((0, last.page),))[-1][1]
        ):
            # Where the added text starts in the joined one (a word parted by a hyphen at
            # the break is joined, so it is found from the end).
            turns = (*turns, (max(len(joined) - len(added), 0), page))
        self._blocks[-1] = dataclasses.replace(last, text=joined, turns=turns)
        if last.kind == "heading":
            self._trail[-1] = (last.level, joined)

    def cell_text(self, cell: tuple[int, int]) -> str | None:
        """The text of the cell at ``cell`` (row, column) of the table the blocks end with."""
        for block in reversed(self._blocks):
            if block.kind != "table_cell":
                return None
            if block.cell == cell:
                return block.text
        return None

    def extend_cell(self, cell: tuple[int, int], text: str) -> bool:
        """Continue the cell at ``cell`` (row, column) of the table the blocks end with, as a
        row cut by a page break goes on at the top of the next; False where that table has no
        such cell (an earlier table's cells are never reached)."""
        for at in range(len(self._blocks) - 1, -1, -1):
            block = self._blocks[at]
            if block.kind != "table_cell":
                return False
            if block.cell == cell:
                joined = join_lines([block.text, clean(text)])
                self._blocks[at] = dataclasses.replace(block, text=joined)
                return True
        return False

    def build(self) -> tuple[Block, ...]:
        return tuple(self._blocks)
