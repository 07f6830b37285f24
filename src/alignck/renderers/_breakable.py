"""Document names in terminal tables that wrap at hyphens and spaces, never inside a word.

Rich wraps a cell at spaces only and folds what is left, so at 80 columns a file name such
as 'wolds-district-economy-and-culture-strategy' came out as '...-culture-st' / 'rategy', and
'✔ riverside-and-wolds-icb-joint-forward-plan' left its mark alone on a line. A
:class:`Breakable` tells the table the narrowest it can be (its longest part, a hyphen kept
with the part before it) and breaks after a hyphen or at a space when it is given less than
its full width; only a part wider than the column on its own is folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text

# A part ends after its hyphens (kept with it) or at a space; spaces are parts of their own.
_PARTS = re.compile(r"[^\s-]*-+(?=\S)|\S+|\s+")


class Breakable:
    """Lines of text (styles kept) that wrap at spaces and after hyphens; a wrapped line's
    continuation is indented by ``indent`` spaces (past a mark such as '✔ ')."""

    def __init__(self, text: Text | str, indent: int = 0) -> None:
        self.text = text if isinstance(text, Text) else Text(text)
        self.indent = indent

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.plain.split("\n")
        widest = max((cell_len(line) for line in lines), default=0)
        parts = [cell_len(m.group()) for line in lines for m in _PARTS.finditer(line)]
        narrowest = min(max(parts, default=0) + self.indent, widest)
        return Measurement(narrowest, widest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = max(options.max_width, 1)
        wrapped: list[Text] = []
        for line in self.text.split("\n"):
            wrapped.extend(self._wrapped(line, width))
        yield Text("\n").join(wrapped)

    def _wrapped(self, line: Text, width: int) -> list[Text]:
        breaks = _breaks(line.plain, width, self.indent)
        pieces = line.divide(breaks) if breaks else [line]
        lines = []
        for number, piece in enumerate(pieces):
            piece.rstrip()
            if number:
                piece = Text(" " * self.indent) + piece
                piece.truncate(width)
            lines.append(piece)
        return lines


def _breaks(plain: str, width: int, indent: int) -> list[int]:
    """Where a line of ``plain`` starts anew, filled greedily to ``width`` terminal columns
    (a wide character takes two); continuation lines have ``indent`` fewer, and a part wider
    than a whole line is folded."""
    following = max(width - indent, 1)
    breaks: list[int] = []
    start, used, room = 0, 0, width
    for match in _PARTS.finditer(plain):
        part, at = match.group(), match.start()
        if part.isspace():
            used += cell_len(part)
            continue
        if used + cell_len(part) > room and at > start:
            # A new line at this part; the spaces before it end the line above.
            breaks.append(at)
            start, used, room = at, 0, following
        while cell_len(part) > room - used > 0:
            # Wider than a whole line: folded, the one place a part is cut.
            cut = _fitting(part, room - used)
            at += cut
            part = part[cut:]
            breaks.append(at)
            start, used, room = at, 0, following
        used += cell_len(part)
    return breaks


def _fitting(part: str, columns: int) -> int:
    """How many of the part's characters fill at most ``columns`` (at least one)."""
    used = 0
    for count, character in enumerate(part):
        used += cell_len(character)
        if used > columns:
            return max(count, 1)
    return len(part)
