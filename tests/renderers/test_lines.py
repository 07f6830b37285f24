"""Placing a finding's quote on a line of its text or Markdown file."""

from pathlib import Path

import pytest

from alignck.renderers._lines import line_of

MARKDOWN = """# Council plan

Our priorities are:

- **Warm homes** for every family,
  whatever their income
- Cleaner air near schools

We will plant 500 trees\r\nand open two parks.
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.md"
    path.write_bytes(MARKDOWN.encode("utf-8"))
    return path


def test_a_quote_is_found_through_markup_and_wrapped_lines(plan: Path) -> None:
    assert line_of(str(plan), "Warm homes for every family, whatever their income") == 5
    assert line_of(str(plan), "Cleaner air near schools") == 7
    # CRLF inside the file counts as one line break, as editors count it.
    assert line_of(str(plan), "and open two parks.") == 10


def test_a_composed_quote_is_placed_by_its_opening(plan: Path) -> None:
    assert line_of(str(plan), "We will plant 500 trees and open two parks, said the plan") == 9


@pytest.mark.parametrize(
    "quote", [None, "", "Air", "A sentence that appears nowhere in the plan at all"]
)
def test_no_line_when_the_quote_cannot_be_placed(plan: Path, quote: str | None) -> None:
    assert line_of(str(plan), quote) is None


def test_no_line_for_formats_without_lines_or_files_that_are_gone(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7 Cleaner air near schools")
    assert line_of(str(pdf), "Cleaner air near schools") is None
    assert line_of(str(tmp_path / "gone.md"), "Cleaner air near schools") is None


def test_a_file_changed_between_reports_is_read_again(plan: Path) -> None:
    assert line_of(str(plan), "Cleaner air near schools") == 7
    plan.write_text("\n\n" + MARKDOWN + "tail", encoding="utf-8")
    assert line_of(str(plan), "Cleaner air near schools") == 9


def test_a_link_s_target_does_not_hide_a_quote_nor_send_it_to_a_like_sentence(
    tmp_path: Path,
) -> None:
    # The quote from line 5 was placed on line 3, which opens with the same words.
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\nWe will work with local partners to reduce smoking in every ward.\n\n"
        "We will work with local partners to reduce smoking in every [school](https://x.org) "
        "by 2030.\n",
        encoding="utf-8",
    )
    quote = "We will work with local partners to reduce smoking in every school by 2030."
    assert line_of(str(path), quote) == 5
    # Found only by its opening, and that opening twice: no line rather than a wrong one.
    assert line_of(str(path), "We will work with local partners to reduce smoking in parks") is None


def test_what_the_markdown_reader_leaves_out_does_not_lose_the_line(tmp_path: Path) -> None:
    # A footnote's mark, an image and an autolink's brackets sent a quote to line 1: the
    # reader keeps none of the first two and the address of the third.
    from alignck.readers import read_document

    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\nWe fund insulation[^note] against fuel poverty in 2026.\n\n"
        "We will ![logo](img.png) build homes for older people.\n\n"
        "We will stop smoking <https://example.org/a1b2> in 2027 for all.\n\n"
        "[^note]: Our source.\n",
        encoding="utf-8",
    )
    quotes = [b.text for b in read_document(path).blocks][1:]
    assert len(quotes) == 3
    assert [line_of(str(path), quote) for quote in quotes] == [3, 5, 7]


def test_a_link_whose_address_holds_parentheses_keeps_its_line(tmp_path: Path) -> None:
    from alignck.readers import read_document

    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\nWe will extend [social prescribing](https://x.org/wiki/Social_(UK)) to "
        "every ward.\n",
        encoding="utf-8",
    )
    quote = read_document(path).blocks[1].text
    assert ")" not in quote and line_of(str(path), quote) == 3


HIDDEN_FIRST = """# Plan

<!-- old draft:
We will widen the bypass around Fenby.
-->

## Our priorities

- **Roads.** We will resurface every street.
- We will widen the bypass
  around Fenby.
"""


@pytest.mark.parametrize(
    ("quote", "near", "line"),
    [
        # The copy in the comment (line 4) read first.
        ("We will widen the bypass around Fenby.", 10, 10),
        # A name too short to be sought in the whole file, found in its own block.
        ("Roads", 9, 9),
        # Sought from the block's first line to its end: its second sentence, and its
        # second line.
        ("We will resurface every street.", 9, 9),
        ("around Fenby", 10, 11),
        # Not in its block (a quote composed from a lead-in and its item): the block's line.
        ("Our priorities: We will widen the bypass around Fenby.", 10, 10),
    ],
)
def test_a_quote_is_sought_in_the_block_its_reader_placed_it_in(
    tmp_path: Path, quote: str, near: int, line: int
) -> None:
    path = tmp_path / "plan.md"
    path.write_text(HIDDEN_FIRST, encoding="utf-8")
    assert line_of(str(path), quote, near) == line


def test_a_block_s_line_stands_where_the_file_cannot_be_read_again(tmp_path: Path) -> None:
    assert line_of(str(tmp_path / "gone.md"), "We will widen the bypass", 7) == 7
    assert line_of(str(tmp_path / "plan.pdf"), "We will widen the bypass", 7) is None
