"""Tables in a page's text lines, rebuilt from where the text sits.

PDF has no tables, only text placed on the page. Two placements give a table away, and word
processors use both (LibreOffice, for one): a row whose cells each fit on one line comes out
as one line with wide gaps between its cells (the engine splits it into pieces), and a row with
a cell that wraps comes out cell by cell, each cell's lines before the next cell's, every cell
starting at the row's top baseline. So: group lines into chunks (the lines of one cell: same
left edge, one line below the other), group consecutive chunks that start on the same baseline
into rows (or, for cells centred in their row, chunks side by side whose lines overlap in
height), and call a run of at least two rows of at least two chunks each, whose chunks fall
into the same columns (each column used by two rows or more), a table. One line of ordinary
text is one chunk, alone on its baseline, and ends any table. Cells aligned on their left edge
are found; centred or right-aligned columns are left as text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from alignck.readers._pdflines import Line
from alignck.readers._text import join_lines

# Points: a cell's lines start within this of each other; columns start this far apart at least.
_SAME_EDGE = 3.0
_COLUMN_GAP = 6.0
_SAME_BASELINE = 1.5
# A cell's next line sits at most this many font sizes below the last.
_LINE_STEP = 2.2


@dataclass(frozen=True, slots=True)
class Table:
    """Lines ``first`` to ``last`` (inclusive) of a page are a table with these cells."""

    first: int
    last: int
    cells: tuple[tuple[int, int, str], ...]  # (row, column, text), row by row
    columns: tuple[float, ...] = ()  # where each column starts

    def row(self, number: int) -> tuple[str, ...]:
        return tuple(text for row, _, text in self.cells if row == number)

    @property
    def rows(self) -> int:
        return self.cells[-1][0] + 1 if self.cells else 0

    def continues(self, earlier: Table) -> bool:
        """Whether this table, at the top of a page, goes on with ``earlier``, which ended the
        page before: the same columns in the same places."""
        return len(self.columns) == len(earlier.columns) and all(
            abs(a - b) <= _SAME_EDGE for a, b in zip(self.columns, earlier.columns, strict=True)
        )


@dataclass
class _Chunk:
    x: float
    top: float
    bottom: float
    size: float
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def takes(self, index: int, line: Line) -> bool:
        """Whether ``line`` (a single piece of text) is this cell's next line."""
        return (
            self.lines[-1] == index - 1
            and abs(line.x - self.x) <= _SAME_EDGE
            and abs(line.size - self.size) < 0.5
            and 0 < self.bottom - line.y <= line.size * _LINE_STEP
        )


def find_tables(lines: list[Line]) -> list[Table]:
    if not _may_hold_a_table(lines):
        return []
    rows = _rows(_chunks(lines))
    tables: list[Table] = []
    run: list[list[_Chunk]] = []
    for row in [*rows, []]:
        if len(row) >= 2:
            run.append(row)
            continue
        table = _table(run)
        if table:
            tables.append(table)
        run = []
    return tables


def opening_row(lines: list[Line]) -> tuple[int, tuple[tuple[float, str], ...]]:
    """The cells of the row the lines open with, each as (start x, text), and how many lines
    they take: the chunks that start on the first line's baseline or stand beside it, as the
    rest of a row a page break cut stands at the top of the next page. A line of ordinary
    text makes a row of one cell."""
    rows = _rows(_chunks(lines))
    if not rows:
        return 0, ()
    taken = max(index for chunk in rows[0] for index in chunk.lines) + 1
    return taken, tuple((chunk.x, join_lines(chunk.texts)) for chunk in rows[0])


def _may_hold_a_table(lines: list[Line]) -> bool:
    """Cells set apart on one line, or text going back up the page: most pages have neither."""
    return any(line.pieces for line in lines) or any(
        below.y > above.y + _SAME_BASELINE for above, below in pairwise(lines)
    )


def _chunks(lines: list[Line]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    for index, line in enumerate(lines):
        if not line.pieces and chunks and chunks[-1].takes(index, line):
            chunks[-1].lines.append(index)
            chunks[-1].texts.append(line.text)
            chunks[-1].bottom = line.end_y
            continue
        # A line PDFium joined to the next over a hyphen ends a row lower: its last cell's
        # next line is measured from there.
        for x, text in line.pieces or ((line.x, line.text),):
            chunks.append(_Chunk(x, line.y, line.end_y, line.size, [index], [text]))
    return chunks


def _rows(chunks: list[_Chunk]) -> list[list[_Chunk]]:
    """Consecutive chunks that start on one baseline, or (cells centred in their row's height)
    that stand side by side, each to the right of the last, their lines overlapping in height."""
    rows: list[list[_Chunk]] = []
    for chunk in chunks:
        if rows and (
            abs(rows[-1][0].top - chunk.top) <= _SAME_BASELINE or _beside(rows[-1][-1], chunk)
        ):
            rows[-1].append(chunk)
        else:
            rows.append([chunk])
    return rows


def _beside(left: _Chunk, right: _Chunk) -> bool:
    return (
        right.x - left.x > _COLUMN_GAP
        and right.bottom - _SAME_BASELINE <= left.top
        and left.bottom - _SAME_BASELINE <= right.top
    )


def _table(rows: list[list[_Chunk]]) -> Table | None:
    if len(rows) < 2:
        return None
    columns = _columns([chunk.x for row in rows for chunk in row])
    if len(columns) < 2:
        return None
    cells: list[tuple[int, int, str]] = []
    used: Counter[int] = Counter()
    for number, row in enumerate(rows):
        placed = [_column_of(chunk.x, columns) for chunk in row]
        if len(set(placed)) != len(placed):
            return None  # two chunks in one column: not a grid
        used.update(placed)
        cells.extend(
            (number, column, join_lines(chunk.texts))
            for column, chunk in sorted(zip(placed, row, strict=True), key=lambda p: p[0])
        )
    if min(used.values()) < 2:
        # A column only one row uses is text that happens to leave a wide gap (a scanned
        # page's sentence spacing), or cells centred rather than aligned: not read as a grid.
        return None
    indices = [index for row in rows for chunk in row for index in chunk.lines]
    return Table(min(indices), max(indices), tuple(cells), tuple(columns))


def _columns(starts: list[float]) -> list[float]:
    columns: list[float] = []
    for x in sorted(starts):
        if not columns or x - columns[-1] > _COLUMN_GAP:
            columns.append(x)
    return columns


def _column_of(x: float, columns: list[float]) -> int:
    return min(range(len(columns)), key=lambda k: abs(columns[k] - x))
