"""Stated priorities found in tables: a 'Priority' column and the parts beside it, a row
labelled 'Priority 1', and a table straight under a priority heading whose first column or
header row names the priorities."""

from __future__ import annotations

import re
from collections.abc import Iterator

from alignck.extract._common import (
    COLUMN_HEADER,
    make_statement,
    numbered_label,
)
from alignck.extract._structure import (
    introduces,
    names_entry,
    sub_priority,
    with_body,
)
from alignck.model import Block, Statement
from alignck.tables import table_runs

# Column headers of tables in general, not of priorities: 'Area | Lead | By when'.
_GENERIC_HEADER = re.compile(
    r"^\W*(?:areas?|names?|topics?|titles?|items?|issues?|(?:by\s+)?when|why|leads?|owners?|"
    r"descriptions?|actions?|measures?|targets?|indicators?|timescales?|(?:what|how|who)\b.*)\W*$",
    re.IGNORECASE,
)


# A column of a table that measures: 'Objective | Measure | Target'.
_MEASURE_HEADER = re.compile(
    r"^\W*(?:(?:key\s+)?(?:measures?|metrics?|indicators?|kpis?|targets?|baselines?)"
    r"(?:\s+of\s+success)?|how\s+we\s+will\s+(?:measure|know)\b.*)\W*$",
    re.IGNORECASE,
)
# The rule of a priority column in a table of measures: it names priorities only where the
# document names them nowhere else (extract drops it otherwise).
MEASURED_COLUMN = "priority column of a table of measures"


def table_columns(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Cells under a 'Priority' (or 'Ambition', 'Objective', ...) column header, and the cell
    beside a row label such as 'Priority 1'."""
    for table in table_runs(blocks):
        by_place = {block.cell: block for block in table if block.cell}
        headed = sorted(
            c for (r, c), b in by_place.items() if r == 0 and COLUMN_HEADER.match(b.text)
        )
        # 'Priority | Objectives', 'Theme | Priority': the first such column names the
        # priorities, each later one their parts, row by row.
        columns = set(headed[:1])
        parts = set(headed[1:])
        measures = any(r == 0 and _MEASURE_HEADER.match(b.text) for (r, _), b in by_place.items())
        column_rule = MEASURED_COLUMN if measures else "priority column"
        for (row, column), block in sorted(by_place.items()):
            label = numbered_label(block.text)
            beside = by_place.get((row, column + 1))
            if row > 0 and column in columns:
                statement = make_statement(block.text, block, column_rule)
                after = column
            elif label and not label.group(2).strip() and beside:
                statement = make_statement(beside.text, beside, "numbered row")
                after = column + 1
            else:
                continue
            if statement:
                # The row's other cells; after a 'Priority 1' label, those after the name.
                rest = [
                    other
                    for (r, c), other in sorted(by_place.items())
                    if r == row and c != after and (after == column or c > after)
                ]
                yield with_body(statement, rest)
                if statement.kind == "priority":
                    for other in rest:
                        if other.cell is not None and other.cell[1] in parts:
                            yield from sub_priority(other, statement)


def tables_under_heading(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """A table straight under a priority heading with no 'Priority' column header: its first
    column names the priorities ('Start well | every child ready for school'), or, when that
    column does not, its header row does ('Start well | Live well | Age well', a plan on a
    page with what each means below)."""
    for index, block in enumerate(blocks):
        if not introduces(block):
            continue
        start = index + 1
        if start < len(blocks) and blocks[start].kind == "paragraph":
            start += 1  # one sentence of introduction may come first
        if start >= len(blocks) or blocks[start].cell != (0, 0):
            continue
        table = next(table_runs(blocks[start:]))
        if any(
            cell.cell and cell.cell[0] == 0 and COLUMN_HEADER.match(cell.text) for cell in table
        ):
            # A 'Priority' column names them (table_columns): not the first column, whatever
            # it holds ('Outcome we want | Priority').
            continue
        # A header row of short names over one row saying what each means is a plan on a
        # page ('Thriving people | Thriving places' over their descriptions): its first
        # column is a name and a description, not two names.
        names = None if _names_over_meanings(table) else _first_column_names(table)
        by_row = names is not None
        if names is None:
            names = _header_row_names(table)
        for cell in names or ():
            statement = make_statement(cell.text, cell, "table under a priority heading")
            if statement and cell.cell:
                row, column = cell.cell
                rest = [
                    other
                    for other in table
                    if other.cell
                    and other is not cell
                    and (other.cell[0] == row if by_row else other.cell[1] == column)
                ]
                yield with_body(statement, rest)


def _names_over_meanings(table: list[Block]) -> bool:
    """Whether a table of two rows has each header cell shorter than the cell below it, and
    its first column is not names beside longer text ('Better housing | Homes people can
    afford ...' over 'Good jobs | Work that pays ...', a table without a header row)."""
    cells = {cell.cell: cell.text for cell in table if cell.cell}
    if {row for row, _ in cells} != {0, 1}:
        return False
    columns = sorted({column for _, column in cells})
    words = {place: len(text.split()) for place, text in cells.items()}
    below = all(words.get((0, c), 0) < words.get((1, c), 0) for c in columns)
    beside = all(
        words.get((r, 0), 0) < min((words.get((r, c), 0) for c in columns[1:]), default=0)
        for r in (0, 1)
    )
    return below and not beside


def _first_column_names(table: list[Block]) -> list[Block] | None:
    column = [cell for cell in table if cell.cell and cell.cell[1] == 0]
    if len(column) < 2 or COLUMN_HEADER.match(column[0].text):
        return None  # a 'Priority' column is read by table_columns
    if _GENERIC_HEADER.match(column[0].text) or _labels_columns(table, column):
        column = column[1:]
    if len(column) < 2 or not all(names_entry(cell.text) for cell in column):
        return None
    return column


def _labels_columns(table: list[Block], column: list[Block]) -> bool:
    """Whether the first row is a header of one word a column ('Cymraeg | English', 'Theme
    | Lead') over names of several words: a name of one word heads a row of its own only
    beside what it means ('Housing | We will build 500 homes')."""
    header = [cell.text.split() for cell in table if cell.cell and cell.cell[0] == 0]
    below = [len(cell.text.split()) for cell in column[1:]]
    return (
        len(header) >= 2
        and all(len(words) == 1 for words in header)
        and bool(below)
        and sum(below) / len(below) >= 2
    )


def _header_row_names(table: list[Block]) -> list[Block] | None:
    """Header cells that each name a priority, over at least one row of content; headers
    such as 'Outcome | Measure | Target' label columns and name nothing."""
    header = [cell for cell in table if cell.cell and cell.cell[0] == 0]
    below = [cell for cell in table if cell.cell and cell.cell[0] > 0 and cell.text.strip()]
    if len(header) < 2 or not below:
        return None
    for cell in header:
        label = cell.text
        if COLUMN_HEADER.match(label) or _GENERIC_HEADER.match(label) or not names_entry(label):
            return None
    return header
