"""Where a document's tables start and end among its blocks: one rule for extraction and for
the passages matched, kept apart from :mod:`alignck.extract` so that a fully cached run, which
builds passages' helpers but extracts nothing, does not import extraction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from alignck.model import Block


def table_runs(blocks: Sequence[Block]) -> Iterator[list[Block]]:
    """Runs of table cells, one per table: a new table starts after other text, or where the
    rows are counted again (at row 0, column 0, or before the last cell's place: readers
    leave an empty cell out, so a table with a blank corner starts at (0, 1); a cell's second
    paragraph has its first's place)."""
    table: list[Block] = []
    for block in blocks:
        if table and (block.kind != "table_cell" or _counted_again(table[-1], block)):
            yield table
            table = []
        if block.kind == "table_cell":
            table.append(block)
    if table:
        yield table


def _counted_again(last: Block, block: Block) -> bool:
    if block.cell is None or last.cell is None:
        return block.cell == (0, 0)
    (row, column), (last_row, last_column) = block.cell, last.cell
    return (row, column) == (0, 0) or row < last_row or (row == last_row and column < last_column)
