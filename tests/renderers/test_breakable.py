"""Names that wrap at spaces and after hyphens (alignck.renderers._breakable)."""

import io
import itertools

from rich.console import Console
from rich.table import Table
from rich.text import Text

from alignck.renderers._breakable import Breakable, _breaks

NAME = "wolds-district-economy-and-culture-strategy"


def _pieces(text: str, width: int, indent: int = 0) -> list[str]:
    at = [0, *_breaks(text, width, indent), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(at)]


def test_a_name_breaks_after_its_hyphens_filling_each_line() -> None:
    assert _pieces(NAME, 20) == ["wolds-district-", "economy-and-culture-", "strategy"]
    assert _pieces(NAME, 60) == [NAME]


def test_a_part_wider_than_the_line_is_folded_and_continuations_indented() -> None:
    assert _pieces("abcdefghijklmnop", 6) == ["abcdef", "ghijkl", "mnop"]
    assert _pieces("✔ riverside-and-wolds-plan", 14, indent=2) == [
        "✔ riverside-",
        "and-wolds-",
        "plan",
    ]


def test_in_a_table_the_column_shrinks_to_parts_and_marks_keep_their_style() -> None:
    out = io.StringIO()
    console = Console(file=out, width=40, color_system="truecolor", no_color=False)
    marked = Text.assemble(("✔", "green"), f" {NAME}")
    table = Table()
    table.add_column("Documents")
    table.add_column("Missing")
    table.add_row(Breakable(marked, indent=2), "Give every child the best start in life")
    console.print(table)
    plain = Text.from_ansi(out.getvalue()).plain
    rows = [line.split("│")[1].strip() for line in plain.splitlines() if line.startswith("│")]
    assert rows[0].startswith("✔ wolds-") and all(r.endswith("-") for r in rows[:-1] if r)
    assert "".join(r for r in rows if r).replace("✔ ", "").startswith(NAME)
    assert "\x1b[32m✔\x1b[0m wolds-" in out.getvalue()


def test_wide_characters_take_two_columns_and_none_is_lost() -> None:
    # Counted as one column each, '康战略-' fell off the end of a folded line.
    name = "健康战略-健康战略健康战略-计划"
    pieces = _pieces(name, 10)
    assert "".join(pieces) == name
    assert pieces == ["健康战略-", "健康战略健", "康战略-", "计划"]
