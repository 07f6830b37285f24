"""Where a document's tables start and end."""

from alignck.model import Block
from alignck.tables import table_runs


def test_a_table_with_a_blank_corner_is_a_table_of_its_own() -> None:
    def cell(number: int, row: int, column: int) -> Block:
        return Block("table_cell", f"cell {number}", number, None, (), 0, cell=(row, column))

    # Readers leave the empty corner out: the second table starts at (0, 1).
    first = [cell(1, 0, 0), cell(2, 0, 1), cell(3, 1, 0), cell(4, 1, 1)]
    second = [cell(5, 0, 1), cell(6, 1, 0), cell(7, 1, 1)]
    runs = list(table_runs((*first, *second)))
    assert [[b.number for b in run] for run in runs] == [[1, 2, 3, 4], [5, 6, 7]]
    # A cell's second paragraph, at its first's place, stays in its table.
    again = cell(8, 1, 1)
    assert len(list(table_runs((*first, again)))) == 1
