"""Tables rebuilt from where a PDF's text sits (the two placements word processors use)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from alignck.readers._pdflines import Line
from alignck.readers._pdftables import find_tables


def _line(text: str, x: float, y: float, *pieces: tuple[float, str]) -> Line:
    return Line(text, 11.0, False, x, y, pieces=tuple(pieces))


def test_rows_set_on_one_line_each() -> None:
    lines = [
        _line("Our priorities", 90, 700),
        _line("Priority Lead", 90, 680, (90, "Priority"), (300, "Lead")),
        _line("Smoking Public health", 90, 667, (90, "Smoking"), (300, "Public health")),
        _line("Homes Councils", 90, 654, (90, "Homes"), (300, "Councils")),
        _line("After the table.", 90, 630),
    ]
    [table] = find_tables(lines)
    assert (table.first, table.last) == (1, 3)
    assert table.cells == (
        (0, 0, "Priority"),
        (0, 1, "Lead"),
        (1, 0, "Smoking"),
        (1, 1, "Public health"),
        (2, 0, "Homes"),
        (2, 1, "Councils"),
    )


def test_rows_written_cell_by_cell_when_a_cell_wraps() -> None:
    lines = [
        _line("Priority Why it matters", 90, 680, (90, "Priority"), (234, "Why it matters")),
        _line("Reduce smoking in", 90, 667),
        _line("pregnancy", 90, 654),
        _line("One in eight mothers smoke at the", 234, 667),
        _line("time of delivery.", 234, 654),
        _line("Warmer homes", 90, 630),
        _line("Cold homes make illness worse.", 234, 630),
        _line("We will report every quarter.", 90, 600),
    ]
    [table] = find_tables(lines)
    assert (table.first, table.last) == (0, 6)
    assert table.cells[2:] == (
        (1, 0, "Reduce smoking in pregnancy"),
        (1, 1, "One in eight mothers smoke at the time of delivery."),
        (2, 0, "Warmer homes"),
        (2, 1, "Cold homes make illness worse."),
    )


def test_prose_is_not_a_table() -> None:
    lines = [
        _line("A paragraph that runs over", 90, 700),
        _line("two lines.", 90, 687),
        _line("Another paragraph.", 90, 660),
        # A second text column starts back at the top: one chunk per baseline, no rows.
        _line("The right-hand column.", 310, 700),
    ]
    assert find_tables(lines) == []


def test_wide_gaps_that_do_not_line_up_are_not_a_table() -> None:
    # A scanned page's sentence spacing: two lines each with a wide gap, at different places.
    lines = [
        _line("the ground. The city", 90, 700, (90, "the ground."), (160, "The city")),
        _line("must be great. We learn", 90, 687, (90, "must be great."), (250, "We learn")),
    ]
    assert find_tables(lines) == []


def test_one_row_is_not_a_table() -> None:
    lines = [_line("Contents 3", 90, 700, (90, "Contents"), (480, "3")), _line("Text.", 90, 680)]
    assert find_tables(lines) == []


_COORD = st.sampled_from([90.0, 91.0, 234.0, 306.0, 378.0, 400.0])
_TEXT = st.sampled_from(["Priority", "Warm homes", "Lead", "Council", "We will act.", "5%"])
_LINE = st.builds(
    lambda text, x, y, pieces: _line(text, x, y, *pieces),
    _TEXT,
    _COORD,
    st.sampled_from([700.0, 687.0, 674.0, 661.0, 640.0]),
    st.lists(st.tuples(_COORD, _TEXT), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=14))
def test_tables_found_in_any_layout_are_well_formed(lines: list[Line]) -> None:
    tables = find_tables(lines)
    last = -1
    for table in tables:
        assert last < table.first <= table.last < len(lines)  # in order, never overlapping
        last = table.last
        places = [(row, column) for row, column, _ in table.cells]
        assert len(places) == len(set(places)) and all(text for *_, text in table.cells)
        assert table.rows >= 2 and len(table.columns) >= 2
