"""PDF reader: text lines from pypdfium2 (or pypdf), rebuilt into headings, list items, paragraphs.

No PDF engine marks headings or paragraphs, so this module infers them: the PDF outline names
headings where the file has one, font size (and weight) does elsewhere; vertical gaps, indents
and bullet glyphs separate paragraphs and list items; running headers and page numbers repeated
across pages are dropped. pypdfium2 is the default engine (measured ~17x faster than pypdf with
the same text); pypdf stays as a fallback for files PDFium refuses and as a comparison engine.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from alignck.errors import LimitExceeded, ReadError
from alignck.model import PDF_ENGINES, Block, BlockKind, Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._pdflines import (
    SUPERSCRIPT_SIZE,
    Extracted,
    Line,
    OutlineEntry,
    is_password_problem,
)
from alignck.readers._pdfstreams import check_streams
from alignck.readers._pdftables import Table, find_tables, opening_row
from alignck.readers._text import (
    LABELLED_LINE,
    clean,
    ends_on_word_that_goes_on,
    figure_goes_on,
    join_lines,
    number_goes_on,
    separate_lines,
    split_marker,
)

VERSION = "33"
ENGINES = PDF_ENGINES
_NOT_ALNUM = re.compile(f"[{re.escape(string.punctuation + string.whitespace + '‘’“”–—•…·')}]+")
# Its ASCII characters, as bytes for bytes.translate (a key's fast path for ASCII text).
_NOT_ALNUM_ASCII = (string.punctuation + string.whitespace).encode("ascii")
# Points: markers this close stand at one level (right-aligned numbers '9.' and '10.' differ
# by a digit; a nested list is indented a quarter inch or more).
_SAME_INDENT = 9.0
# Text boxes moved back into place on one page, at most; and how far (points) a box's text may
# stand right of the running text's left edge and still be in its column.
_MAX_BOXES = 8
_BOX_INDENT = 36.0
# A line this many font sizes right of the one before, back up the page, is in the next column.
_COLUMN_WIDTH = 10.0
# A footnote's number glued to the word it marks, as text extraction gives it.
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d])\d{1,2}$")
# A note's number or sign, then its text; or alone on its line, set higher than the text it
# numbers (a superscript has a baseline of its own: LibreOffice's footnotes).
_FOOTNOTE_OPENING = re.compile(r"^(?:\d{1,3}|[*†‡§])(?:\s*\S|$)")
# Footnotes are set smaller than the body: at most this share of its size.
_FOOTNOTE_SIZE = 0.9
# And set apart from the text above by at least this many of its lines' size (a line's
# pitch is about 1.2 of it; LibreOffice leaves about 1.9 above its footnotes).
_FOOTNOTE_GAP = 1.6
_PAGE_NUMBER = re.compile(
    r"^(page\s+)?(?:(\d{1,4})\s*(?:of|/)\s*(\d{1,4})|(\d{1,4}))$", re.IGNORECASE
)


# A page with fewer letters and digits than this has no text to speak of (a photograph, a
# scanned page with a typed page number); past this share of the pages, the reader is told.
_TEXTLESS_LETTERS = 20
# A gap over this many font sizes starts a paragraph (single spacing is about 1.2) ...
_PARAGRAPH_GAP = 1.75
# ... or over this many times the document's own line spacing, where that is wider.
_PARAGRAPH_OVER_PITCH = 1.25
# A line that goes on mid-sentence stays with the line above up to this many paragraph gaps
# below it; further down, a gap that wide is a break the author chose.
_RUN_ON_GAP = 1.2
# Lines further apart than this are not one paragraph's, whatever their spacing; and the
# spacing is taken from at least this many lines that run on.
_PITCH_AT_MOST = 3.0
_PITCH_SAMPLES = 3
_PITCH_AGREES = 0.85
# A line shorter than this did not run out of room, whatever the lines around it: a page of
# short labels ('English: Hello World') is no measure of a paragraph's spacing.
_RUNS_ON_LENGTH = 35
_TEXTLESS_SHARE = 0.25


def read(path: Path, options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    extracted = _extract(path, options)
    pages = extracted.pages
    if not any(line.text.strip() for page in pages for line in page):
        raise ReadError(
            "PDF has no text layer (scanned image?), or none that says which letters its "
            "fonts draw; alignck does not OCR",
            str(path),
        )
    builder = BlockBuilder()
    _Assembler(builder, pages, extracted.outline).run()
    return Document(
        str(path),
        "pdf",
        builder.build(),
        len(pages),
        (*extracted.warnings, *_textless_warning(pages)),
        protected=extracted.protected,
    )


def _textless_warning(pages: list[list[Line]]) -> list[str]:
    """A document partly scanned checks as one that says little: its gaps would be the
    scanner's. A picture cover, a blank back page or a photograph here and there is not
    worth a word: two pages in a row inside the document at least, and more than a quarter
    of them; or half the pages between the first and the last, however they fall."""
    textless = [number for number, page in enumerate(pages, 1) if not _has_text(page)]
    # Scanned pages come together; a cover, dividers and the back pages stand apart. Half the
    # pages between the first and the last is worth a word however they fall.
    inside = [n for n in textless if 1 < n < len(pages)]
    together = any(b == a + 1 for a, b in itertools.pairwise(inside))
    half = len(pages) > 2 and len(inside) * 2 >= len(pages) - 2
    if not (half or (together and len(textless) > _TEXTLESS_SHARE * len(pages))):
        return []
    have, they = ("has", "it says") if len(textless) == 1 else ("have", "they say")
    return [
        f"{_page_ranges(textless)} of {len(pages)} {have} no text (scanned images?); alignck "
        f"does not OCR, so what {they} is not checked"
    ]


def _has_text(page: list[Line]) -> bool:
    """Whether a page holds letters or figures enough to be text, counted only until there
    are: counting every character of every page cost a twelfth of reading a long PDF."""
    found = 0
    for line in page:
        found += sum(map(str.isalnum, line.text))
        if found >= _TEXTLESS_LETTERS:
            return True
    return False


def _page_ranges(numbers: list[int]) -> str:
    """'page 3', 'pages 2-4 and 7'."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"page {listed}" if len(numbers) == 1 else f"pages {listed}"


def _extract(path: Path, options: ReadOptions) -> Extracted:
    passwords, limits = options.passwords, options.limits
    # Before either engine: each inflates a page's content stream whole, whatever its size.
    check_streams(path, limits, passwords)
    if options.pdf_engine == "pypdf":
        from alignck.readers import _pdf_pypdf

        return _pdf_pypdf.extract(path, passwords, limits)
    from alignck.readers import _pdf_pdfium

    try:
        return _pdf_pdfium.extract(path, passwords, limits)
    except ReadError as error:
        # A document over a limit is over it for either engine: no second try with pypdf.
        if is_password_problem(error) or isinstance(error, LimitExceeded):
            raise
        from alignck.readers import _pdf_pypdf

        extracted = _pdf_pypdf.extract(path, passwords, limits)
        warning = f"PDFium could not open the file ({error.message}); read with pypdf"
        return dataclasses.replace(extracted, warnings=[*extracted.warnings, warning])


@dataclass(frozen=True, slots=True)
class _OpenTable:
    """A table that ended the last page: where it started (header and columns), how many rows
    it has so far, and its last cell, which must still be the last block for it to go on."""

    table: Table
    rows: int
    last_cell: Block


class _Assembler:
    """Group lines into blocks; one instance per document."""

    def __init__(
        self, builder: BlockBuilder, pages: list[list[Line]], outline: list[OutlineEntry]
    ) -> None:
        self.builder = builder
        self.outline = outline
        # Before page numbers are looked for: a '1' in a circle beside the first priority's
        # name, among a page's first lines, was dropped as the page's number.
        pages = [_icon_numbers(page) for page in pages]
        with_running = _body_size(pages)
        kept = _drop_running_lines(pages, with_running)
        # The body's type is what the pages say, not their footers: on a slide deck's few
        # words a page, a footer repeated on every slide outweighed any one size of the
        # slides' own text, and every line larger than it was read as a heading.
        sizes = _sizes(kept)
        body = _body_sizes(kept, sizes)
        self.body_size = body.most_common(1)[0][0] if body else with_running
        self.pages = [
            _without_marks(
                _without_footnotes(_boxes_in_place(page), self.body_size),
                len(pages),
                self.body_size,
            )
            for page in kept
        ]
        self.full = _full_lengths(self.pages)
        self.pitches = _line_pitches(self.pages, self.full)
        bigger = sorted({s for s in sizes if self._is_heading_size(s)}, reverse=True)
        self.size_levels = {size: rank + 1 for rank, size in enumerate(bigger[:5])}
        self.outline_on_page: dict[int | None, dict[str, int]] = {}
        self.open_table: _OpenTable | None = None
        # The lines of the page being read that the outline names, but not as its heading.
        self.outranked: set[int] = set()
        # Where the markers of the list being read stand, outermost first.
        self.list_indents: list[float] = []
        # Each level of the list being read, as last seen: its indent and the kind of marker
        # its items have ('number', 'letter', '•'); deeper levels are kept once left.
        self.list_levels: list[tuple[float, str]] = []
        for entry in outline:
            self.outline_on_page.setdefault(entry.page, {})[_key(clean(entry.title))] = (
                entry.level + 1
            )
        self.size_levels.update(self._outline_size_levels())

    def _outline_size_levels(self) -> dict[float, int]:
        """The outline's level for each heading size whose lines it names all at that level. A
        heading of that size the outline does not name (its title wrapped onto two lines, or
        left out) stands at the same level as the others: ranked among the sizes instead, the
        title's own size counted, it nested under the heading before it of the same size."""
        levels: dict[float, set[int]] = {}
        for number, page in enumerate(self.pages, start=1):
            for line in page:
                size = _size_class(line.size)
                level = self._outline_level(line.text, number) if size in self.size_levels else 0
                if level:
                    levels.setdefault(size, set()).add(level)
        return {size: min(found) for size, found in levels.items() if len(found) == 1}

    def _is_heading_size(self, size: float) -> bool:
        return size >= self.body_size * 1.12 and size - self.body_size >= 1.0

    def run(self) -> None:
        for number, page in enumerate(self.pages, start=1):
            self._page(page, number)

    def _page(self, lines: list[Line], page: int) -> None:
        current: list[str] = []
        kind = "paragraph"
        marker: str | None = None
        lead: str | None = None
        previous: Line | None = None
        start_x = 0.0
        tables = {table.first: table for table in find_tables(lines)}
        # Each line's marker, split off once: the loop below needs it again.
        markers = [split_marker(line.text) for line in lines]
        plain_keys = {
            _key(line.text) for line, (mark, _) in zip(lines, markers, strict=True) if not mark
        }
        repeated_below = _repeated_below(lines)
        skip_to = self._cut_row_carried_on(lines, tables, page)
        self.outranked = self._outranked_namesakes(lines, page)
        for index, line in enumerate(lines):
            if index <= skip_to:
                continue
            table = tables.get(index)
            if table is not None:
                self._flush(current, kind, marker, page, lead, start_x)
                current, kind, marker, lead, previous = [], "paragraph", None, None, None
                at_top = index == 0 or index == skip_to + 1
                self._table(table, page, at_top=at_top, at_bottom=table.last == len(lines) - 1)
                skip_to = table.last
                continue
            item_marker, text = markers[index]
            if item_marker and self._number_goes_on(item_marker, current, kind, previous, line):
                item_marker, text = None, line.text
            if item_marker == "•":
                # A bulleted line is an item, unless the outline names it a heading: Word
                # headings that carry list bullets keep them in the PDF. Not where the
                # heading itself follows on the page, unbulleted: the item lists it.
                named = text.strip() and _key(text) not in plain_keys
                heading_level = self._outline_level(text, page) if named else 0
                line = replace(line, text=text) if heading_level else line
            elif item_marker and index in repeated_below:
                # A numbered item whose words head a section further down the page ('1.
                # Reduce waits' listed, then its section): the outline names the heading.
                heading_level = 0
            else:
                unmarked = self._outline_names(line, page)
                line = unmarked or line
                heading_level = self._heading_level(line, lines, index, page)
            if heading_level:
                self._flush(current, kind, marker, page, lead, start_x)
                current, kind, marker, lead = [], "paragraph", None, None
                self._heading(line, heading_level, page, previous)
                previous = line
                continue
            if previous is None and not item_marker and self._continues_last_page(line):
                kind, marker, current = "continued", None, [line.text]
                start_x = line.x
            elif not item_marker and self._continues_last_column(current, kind, previous, line):
                self._flush(current, kind, marker, page, lead, start_x)
                kind, marker, current, lead = "continued", None, [line.text], None
                start_x = line.x
            elif item_marker or self._breaks(previous, line, kind, start_x):
                self._flush(current, kind, marker, page, lead, start_x)
                if item_marker and previous is not None:
                    self._follow_into_next_column(previous, line, item_marker)
                current = [text]
                kind, marker = ("list_item", item_marker) if item_marker else ("paragraph", None)
                lead = _lead_after_marker(line.lead) if item_marker else line.lead
                start_x = line.x
            else:
                current.append(line.text)
            previous = line
        self._flush(current, kind, marker, page, lead, start_x)

    def _cut_row_carried_on(self, lines: list[Line], tables: dict[int, Table], page: int) -> int:
        """Where a page opens with the rest of a table row the page break cut (under the
        table's header repeated or not, a row whose cells stand in columns of the table that
        ended the last page and open in lower case), that rest is added to the cut row's
        cells, and the index of its last line is returned (-1 where the page opens
        otherwise). The table may go on after it, or end: a cut row that was the table's
        last, or came before a single row or text, was quoted cut short."""
        carried = self.open_table
        first = min(tables, default=len(lines))
        if carried is None or first == 0 or self.builder.last is not carried.last_cell:
            return -1
        start = 1 if _repeats_header(lines[0], carried.table) else 0
        taken, cells = opening_row(lines[start:first])
        if not cells:
            return -1
        columns = carried.table.columns
        placed: list[tuple[int, str]] = []
        for x, text in cells:
            near = [c for c, at in enumerate(columns) if abs(x - at) <= lines[start].size]
            if not near or not self._goes_on_in_cell((carried.rows - 1, near[0]), text):
                return -1
            placed.append((near[0], text))
        for column, text in placed:
            self._carry_on_cell((carried.rows - 1, column), text, page)
        # The cut cell may be the last block: it stands for the table that goes on.
        last = self.builder.last or carried.last_cell
        self.open_table = _OpenTable(carried.table, carried.rows, last)
        return start + taken - 1

    def _goes_on_in_cell(self, cell: tuple[int, int], text: str) -> bool:
        """Whether text opening a page goes on with the cell of the cut row above it: in lower
        case, or a figure after a word no sentence ends on ('Cut energy use by' / '20%')."""
        if _goes_on_in_lower_case(text):
            return True
        if not text[:1].isdigit():
            return False
        above = self.builder.cell_text(cell)
        return above is not None and ends_on_word_that_goes_on(above)

    def _goes_on(self, carried: _OpenTable, table: Table) -> bool:
        """Whether ``table`` goes on with the one that ended the last page: nothing came
        between them, and it has the same columns in the same places."""
        return self.builder.last is carried.last_cell and table.continues(carried.table)

    def _carry_on_cell(self, cell: tuple[int, int], text: str, page: int | None) -> None:
        """Add the rest of a row cut by a page break to its cell, or where the row had no
        cell in that column, as that cell."""
        if not self.builder.extend_cell(cell, text):
            self.builder.add("table_cell", text, page, cell=cell)

    def _table(self, table: Table, page: int, at_top: bool, at_bottom: bool) -> None:
        """Add a table's cells. A table that ends one page and goes on at the top of the next,
        in the same columns, is one table with its rows numbered on (as Word reads it); a
        header row repeated at the top of the new page is dropped."""
        self.list_indents.clear()
        carried = self.open_table if at_top else None
        started, first_row, cells = table, 0, table.cells
        if carried and self._goes_on(carried, table):
            header, top = carried.table.row(0), table.row(0)
            repeated = top == header or _header_then_more(top, header)
            # What follows a repeated header's words in its cells, or a first row opening in
            # lower case, is the rest of the last row, cut by the page break.
            last_row = carried.rows - 1
            if repeated and top != header:
                for column, (text, name) in enumerate(zip(top, header, strict=True)):
                    if text != name:
                        self._carry_on_cell((last_row, column), text[len(name) :], page)
            cells = tuple(c for c in cells if not (repeated and c[0] == 0))
            goes_on = 1 if repeated else 0
            if cells and cells[0][0] == goes_on and _goes_on_in_lower_case(cells[0][2]):
                for _row, column, text in [c for c in cells if c[0] == goes_on]:
                    self._carry_on_cell((last_row, column), text, page)
                cells = tuple(c for c in cells if c[0] != goes_on)
                goes_on += 1
            started, first_row = carried.table, carried.rows - goes_on
        for row, column, text in cells:
            self.builder.add("table_cell", text, page, cell=(first_row + row, column), cleaned=True)
        self.open_table = None
        if at_bottom and self.builder.last is not None:
            self.open_table = _OpenTable(started, first_row + table.rows, self.builder.last)

    def _heading(self, line: Line, level: int, page: int, previous: Line | None) -> None:
        self.list_indents.clear()
        last = self.builder.last
        wrapped = (
            previous is not None
            and last is not None
            and last.kind == "heading"
            and last.page == page
            and abs(previous.size - line.size) < 0.5
            and 0 < previous.y - line.y < line.size * 1.8
        )
        if wrapped and _key(line.text) not in self.outline_on_page.get(page, {}):
            self.builder.extend_last(line.text)
        else:
            self.builder.heading(line.text, level, page)

    def _heading_level(self, line: Line, lines: list[Line], index: int, page: int) -> int:
        words = line.text.count(" ") + 1
        if words > 20:
            return 0
        found = 0 if index in self.outranked else self._outline_level(line.text, page)
        if found:
            return found
        if self._is_heading_size(line.size):
            return self.size_levels.get(_size_class(line.size), len(self.size_levels) + 1)
        if line.bold and words <= 12 and not line.text.rstrip().endswith((".", ",", ";", ":")):
            alone = index + 1 >= len(lines) or not lines[index + 1].bold
            return len(self.size_levels) + 1 if alone and self._standalone(lines, index) else 0
        return 0

    def _outranked_namesakes(self, lines: list[Line], page: int) -> set[int]:
        """The lines an outline entry of the page names that another line naming it outranks,
        set in larger type, or as large and in bold: a list of the objectives in body type
        ('Objective 1: Safe care') above the heading of the same words in its own type. The
        entry names one heading; read as headings both, the list's first line nested the
        others under it and the heading came twice."""
        named: dict[str, list[int]] = {}
        for index, line in enumerate(lines):
            if self._outline_level(line.text, page):
                named.setdefault(_key(line.text), []).append(index)
        outranked: set[int] = set()
        for indices in named.values():
            top = max(_rank(lines[index]) for index in indices)
            outranked.update(index for index in indices if _rank(lines[index]) < top)
        return outranked

    def _outline_level(self, text: str, page: int) -> int:
        """The level of the outline entry that names this line on its page; 0 for none."""
        titles = self.outline_on_page.get(page)
        if not titles and None not in self.outline_on_page:
            return 0
        key = _key(text)
        return (titles or {}).get(key) or self.outline_on_page.get(None, {}).get(key) or 0

    def _outline_names(self, line: Line, page: int) -> Line | None:
        """The line without a footnote mark glued to its end ('Reduce smoking3'), when the
        outline names what is left; None otherwise."""
        # Only a line ending on a digit ('$' allows a line feed after it) can end on a mark:
        # searched for, the pattern's look-behind is tried at every character of every line.
        ends_on_digit = line.text.rstrip("\n")[-1:].isdigit()
        found = _FOOTNOTE_MARK.search(line.text) if ends_on_digit else None
        if found is None or not self._outline_level(line.text[: found.start()], page):
            return None
        return replace(line, text=line.text[: found.start()])

    def _standalone(self, lines: list[Line], index: int) -> bool:
        line = lines[index]
        before = lines[index - 1] if index else None
        # A bold line under a title in larger type is a heading of its own, not the title's
        # second line ('Our objectives' straight under the plan's name).
        return (
            before is None
            or not before.bold
            or before.y - line.y > line.size * 1.6
            or before.size > line.size + 0.5
        )

    def _breaks(self, previous: Line | None, line: Line, kind: str, start_x: float) -> bool:
        if previous is None:
            return True
        if abs(previous.size - line.size) > 0.5:
            return True
        gap = previous.end_y - line.y
        if (
            _sentence_goes_on(previous.text, line.text)
            and (self._ran_out_of_room(previous) or ends_on_word_that_goes_on(previous.text))
            and abs(line.x - previous.x) <= line.size
            and 0 <= gap <= self._paragraph_gap(line.size) * _RUN_ON_GAP
        ):
            # Mid-sentence ('... in every neighbourhood in' / 'the county, ...'): where lines
            # sit as far apart as paragraphs (a list spaced like its lines), the words decide,
            # where the line above was cut by the margin or stops on a word no sentence ends
            # on; a short line ending on a noun ('... with residents and partners') above a
            # lower-case one ('tackling loneliness') may end a paragraph.
            return False
        if gap < -line.size or gap > self._paragraph_gap(line.size):
            return True
        # Typeset text marks a new paragraph by indenting its first line, not by a gap; a
        # piece of the same line (PDFium parts one at a superscript) is no new line.
        if (
            gap > line.size * 0.5
            and line.x > previous.x + line.size * 0.8
            and previous.text.endswith((".", "!", "?", ":"))
        ):
            return True
        if kind == "list_item" and line.x <= start_x + 1.0:
            # Back at its marker's edge, a line starts something new; but an item typed
            # without a hanging indent wraps to that edge, mid-sentence, in lower case: where
            # the line above ran out of room, or stopped where no sentence ends (a column's
            # lines are shorter than the page's).
            # A figure goes on too where the line above leads into it ('... from 180 to' /
            # '110, working with ...'): read as a paragraph of its own, the item was quoted
            # cut short and its end lost its role.
            goes_on = line.text[:1].islower() or figure_goes_on(previous.text, line.text)
            return not (
                goes_on and (self._ran_out_of_room(previous) or not _ends_sentence(previous.text))
            )
        return False

    def _ran_out_of_room(self, line: Line) -> bool:
        return len(line.text) >= self.full.get(_size_class(line.size), float("inf"))

    def _paragraph_gap(self, size: float) -> float:
        """How far below the line above a line must sit to start a paragraph: more than single
        spacing allows, or clearly more than the document's own spacing where its lines are
        set further apart (Word's 1.5 lines or double spacing put the lines of one
        paragraph about two font sizes apart)."""
        pitch = self.pitches.get(_size_class(size), 0.0)
        return max(size * _PARAGRAPH_GAP, pitch * _PARAGRAPH_OVER_PITCH)

    def _number_goes_on(
        self, marker: str, current: list[str], kind: str, previous: Line | None, line: Line
    ) -> bool:
        """A number opening a line is the paragraph's own, not a list item's, where the line
        above ends on a word no sentence ends on and the lines sit as one paragraph's do:
        '... for people over' / '65. We will work with ...' was cut into two blocks, quoted
        as 'people over' and 'We will work with the county'."""
        return (
            bool(current)
            and kind in ("paragraph", "continued")
            and previous is not None
            and number_goes_on(marker, previous.text)
            and not self._breaks(previous, line, kind, line.x)
        )

    def _continues_last_page(self, line: Line) -> bool:
        """A paragraph or item that runs over a page break starts the next page in lower case."""
        last = self.builder.last
        return (
            last is not None
            and last.kind in ("paragraph", "list_item")
            and _sentence_goes_on(last.text, line.text)
        )

    def _continues_last_column(
        self, current: list[str], kind: str, previous: Line | None, line: Line
    ) -> bool:
        """A paragraph that runs from the foot of a column to the top of the next, as over a
        page break: the line stands a column's width further right and back up the page, in
        the paragraph's type, and goes on with its sentence. Read as two, the sentence was
        quoted as two fragments. Only a paragraph's sentence is carried on: a heading or a
        list item at a column's foot, or a list at the next column's top, is left as it is
        (a list going on there is read by :meth:`_follow_into_next_column`)."""
        return (
            bool(current)
            and kind in ("paragraph", "continued")
            and previous is not None
            and _jumps_up(previous, line)
            and line.x > previous.x + line.size * _COLUMN_WIDTH
            and abs(previous.size - line.size) <= 0.5
            and _sentence_goes_on(current[-1], line.text)
        )

    def _flush(
        self,
        lines: list[str],
        kind: str,
        marker: str | None,
        page: int,
        lead: str | None,
        x: float,
    ) -> None:
        if lines and kind == "continued":
            self.builder.extend_last(" ".join(lines), page)
        elif lines:
            block_kind: BlockKind = "list_item" if kind == "list_item" else "paragraph"
            level = self._list_depth(x, marker) if kind == "list_item" else 0
            if kind != "list_item":
                self.list_indents.clear()
            # A column of short names ('A thriving high street' over 'Safe and clean parks')
            # is parted into entries, as in Markdown, Word and text; a PDF's other lines are
            # wraps, so a line opening like a label ('2024–2029, we will') parts nothing.
            # Three lines or more that each open so are a column of labelled entries
            # ('Aim 1: Safe care' over 'Aim 2: Good jobs'), set as lines of one paragraph
            # where a list's labels were typed or numbered as text.
            entries = (
                separate_lines(lines, labelled_entries=_labelled_column(lines))
                if kind != "list_item" and len(lines) > 2
                else [lines]
            )
            for index, entry in enumerate(entries):
                self.builder.add(
                    block_kind,
                    join_lines(entry),
                    page,
                    level,
                    marker,
                    cleaned=True,
                    lead=lead if index == 0 else None,
                )

    def _follow_into_next_column(self, previous: Line, line: Line, marker: str) -> None:
        """A list that goes on at the top of the next column: its items stand a column's
        width further right, which measured as an indent made them sub-items of the item
        above. The indents move with the column, its first item taken at the deepest level
        of the list whose items had its kind of marker (a number, a letter, a bullet), or
        else at the level of the last item."""
        indents, seen = self.list_indents, self.list_levels
        if not (indents and _jumps_up(previous, line) and line.x > indents[0] + line.size * 10):
            return
        kind = _marker_kind(marker)
        alike = [level for level, (_, was) in enumerate(seen) if was == kind]
        if alike:
            level = alike[-1]
            shift = line.x - seen[level][0]
            self.list_indents = [x + shift for x, _ in seen[:level]]
        else:
            shift = line.x - indents[-1]
            self.list_indents = [indent + shift for indent in indents[:-1]]

    def _list_depth(self, x: float, marker: str | None = None) -> int:
        """A list item's level from its indent: PDF keeps no nesting, only how far in each
        marker stands ('•' under '2.' is a sub-item, as in Word). The list remembers where
        each of its levels stood and the kind of marker its items had
        (:meth:`_follow_into_next_column`)."""
        indents = self.list_indents
        if not indents:
            self.list_levels = []
        while indents and indents[-1] > x + _SAME_INDENT:
            indents.pop()
        if not indents or indents[-1] < x - _SAME_INDENT:
            indents.append(x)
        level = len(indents)
        seen = self.list_levels
        del seen[level - 1 : level]
        seen.insert(level - 1, (indents[-1], _marker_kind(marker or "")))
        return level


def _labelled_column(lines: list[str]) -> bool:
    """Whether every line opens with a label ('Aim 2: Good jobs', 'Aim 3 - Safe streets'),
    the labels alike: short ('Start well:', 'Live well:'), or opening on one word
    ('Strategic Objective 2', 'Strategic Objective 3'). Wrapped lines of a paragraph may each
    open with a capital and hold a dash ('Our Health and Wellbeing Board - the council ...'),
    but their 'labels' are neither."""
    words = []
    for line in lines:
        label = LABELLED_LINE.match(line.strip())
        if label is None:
            return False  # most paragraphs: their other lines need not be matched
        words.append(label.group("label").split())
    short = all(len(label) <= _SHORT_LABEL_WORDS for label in words)
    return short or len({label[0].lower() for label in words if label}) == 1


_SHORT_LABEL_WORDS = 3


def _rank(line: Line) -> tuple[float, bool]:
    """How a line's type ranks it as a heading: its size, then its weight."""
    return _size_class(line.size), line.bold


def _repeated_below(lines: list[Line]) -> set[int]:
    """The indices of the lines whose words a later line of the page repeats."""
    last = {_key(line.text): index for index, line in enumerate(lines)}
    return {index for index, line in enumerate(lines) if last[_key(line.text)] > index}


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";"))


def _sentence_goes_on(before: str, text: str) -> bool:
    """Whether text after a break the author did not choose (a page's or a column's) goes on
    with the sentence before it: that sentence is not ended, and the text opens in lower
    case, or the sentence stops on a word no sentence ends on ('... from' / '2027, we will
    ...', '... with the' / 'Denby Valley Credit Union'), whatever the next page opens with."""
    if before.endswith((".", "!", "?", ":")):
        return False
    return text[:1].islower() or ends_on_word_that_goes_on(before)


def _marker_kind(marker: str) -> str:
    """'number' for '1.' or '2)', 'letter' for 'a)' or 'iv.', else the bullet itself."""
    core = marker.strip().rstrip(".)")
    if core.isdigit():
        return "number"
    if core.isalpha() and len(core) <= 4:
        return "letter"
    return core or marker


def _goes_on_in_lower_case(text: str) -> bool:
    """Whether a row's first cell goes on with the cell above it: in lower case, and not a
    row's label ('a', 'xvi', 'b)')."""
    return text[:1].islower() and _ROW_LABEL.fullmatch(text) is None


_ROW_LABEL = re.compile(r"[a-z]{1,4}[.)]?")


def _repeats_header(line: Line, table: Table) -> bool:
    """Whether a line is the table's header row, repeated at the top of a new page."""
    return bool(line.pieces) and tuple(text for _, text in line.pieces) == table.row(0)


def _header_then_more(top: tuple[str, ...], header: tuple[str, ...]) -> bool:
    """Whether a table's first row on a new page is its header repeated, with the rest of a
    row the page break cut read into it ('What we will do land and Homes England funding.'):
    each cell the header's words, then nothing or words in lower case, mid-sentence (a row
    'Outcome 6: Skills' under the header 'Outcome' is a row of its own)."""
    return len(top) == len(header) and all(
        text == name
        or (text.startswith(name + " ") and text[len(name) + 1 : len(name) + 2].islower())
        for text, name in zip(top, header, strict=True)
    )


def _full_lengths(pages: list[list[Line]]) -> dict[float, float]:
    """By font size, how many characters a line holds when it ran out of room: nearly as many
    as the longest lines of that size."""
    lengths: dict[float, list[int]] = {}
    for page in pages:
        for line in page:
            lengths.setdefault(_size_class(line.size), []).append(len(line.text))
    return {
        size: max(sorted(values)[int(len(values) * 0.9)] * 0.75, _RUNS_ON_LENGTH)
        for size, values in lengths.items()
    }


def _line_pitches(pages: list[list[Line]], full: dict[float, float]) -> dict[float, float]:
    """The distance from one line of a paragraph to the next, by font size: the median over
    lines that surely run on, a line that ran out of room (``full``) followed on the same page
    by one opening in lower case, mid-sentence (a table's rows and a list's items open in
    capitals, and their spacing is no paragraph's). Sizes with too few such lines, or whose
    steps from line to line are mostly shorter, are left out."""
    gaps: dict[float, list[float]] = {}
    steps: dict[float, list[float]] = {}
    for size, above, below, step in _line_steps(pages):
        steps.setdefault(size, []).append(step)
        if below.text[:1].islower() and len(above.text) >= full[size]:
            gaps.setdefault(size, []).append(step)
    pitches = {}
    for size, values in gaps.items():
        pitch = sorted(values)[len(values) // 2]
        # Most of a paragraph's lines are a pitch apart: where a quarter of this size's steps
        # from line to line are clearly shorter, the lines measured were not a paragraph's
        # (the rows of a table, list items spaced apart) and single spacing stands.
        if len(values) >= _PITCH_SAMPLES and _quartile(steps[size]) >= pitch * _PITCH_AGREES:
            pitches[size] = pitch
    return pitches


def _line_steps(pages: list[list[Line]]) -> Iterator[tuple[float, Line, Line, float]]:
    """Every step down from one line to the next of the same size on a page (within a few
    font sizes): the size, the two lines and the distance."""
    for page in pages:
        for above, below in itertools.pairwise(page):
            size = _size_class(below.size)
            step = above.end_y - below.y
            if _size_class(above.size) == size and 0 < step < size * _PITCH_AT_MOST:
                yield size, above, below, step


def _quartile(values: list[float]) -> float:
    return sorted(values)[len(values) // 4] if values else 0.0


@functools.lru_cache(maxsize=4096)
def _size_class(size: float) -> float:
    """A font size to a tenth of a point, as sizes are counted and compared: remembered, since
    each line's is asked for several times over and round() to a decimal place is slow."""
    return round(size, 1)


def _lead_after_marker(lead: str | None) -> str | None:
    return split_marker(lead)[1] if lead else None


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """Compare outline titles and lines by their letters and digits only (each line's asked
    for several times over: by the outline, the running lines and the namesakes)."""
    lower = text.lower()
    if lower.isascii():
        # The same characters taken out, in one pass over bytes: the pattern below matches
        # at every space of a line, and cost more than twice as much.
        return lower.encode("ascii").translate(None, _NOT_ALNUM_ASCII).decode("ascii")
    return _NOT_ALNUM.sub("", lower)


def _sizes(pages: list[list[Line]]) -> Counter[float]:
    """How many characters the pages have in each size of type."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes[_size_class(line.size)] += len(line.text)
    return sizes


def _body_size(pages: list[list[Line]]) -> float:
    """The size of type most of the pages' running text is in."""
    sizes = _body_sizes(pages, _sizes(pages))
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _body_sizes(pages: list[list[Line]], sizes: Counter[float]) -> Counter[float]:
    """The sizes to take the body's type from: ``sizes`` (:func:`_sizes` of ``pages``); but
    where the size with the most is one of labels (a word or two a line, or a cell, on
    average) while another size holds enough running text (four words a line or more), only
    the sizes of running text. A map of sixty ward labels in 5-point type outnumbered a short
    summary's own text, and every line of the summary was then read as a heading; a plan on
    a page whose priorities are two words each, or a document mostly of tables, is read by
    its own text as before."""
    words: Counter[float] = Counter()
    lines: Counter[float] = Counter()
    for page in pages:
        for line in page:
            size = _size_class(line.size)
            # A row of cells or labels set apart by gaps counts a line a piece.
            words[size] += line.text.count(" ") + 1
            lines[size] += max(len(line.pieces), 1)
    if not sizes:
        return sizes
    top = sizes.most_common(1)[0][0]
    if words[top] >= _LABEL_WORDS * lines[top]:
        return sizes
    running = Counter(
        {size: count for size, count in sizes.items() if words[size] >= _PROSE_WORDS * lines[size]}
    )
    return running if running and running.most_common(1)[0][1] >= _ENOUGH_TEXT else sizes


# Lines of labels average under this many words; of running text, this many at least.
_LABEL_WORDS = 3
_PROSE_WORDS = 4
# Characters of running text enough to say what the body's type is.
_ENOUGH_TEXT = 100


def _drop_running_lines(pages: list[list[Line]], body_size: float) -> list[list[Line]]:
    """Remove page numbers and headers/footers repeated at the same place on most pages, and
    a line that opens (or ends) every page but perhaps the first: a short document's running
    header, often left off its first page, cuts a list running over a page break in two. A
    number in far smaller type is a note's mark, not a page number: kept, so that the
    footnote it opens is known as one (:func:`_without_footnotes`)."""
    edges: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    # Each page's margin lines, found once: looking for them five times a page, each time
    # over all its lines, cost a twentieth of reading a long PDF.
    margins = [_in_margin(page) for page in pages]
    for page, margin in zip(pages, margins, strict=True):
        # Once a page: on a page of two lines, the first two are the last two, and a
        # heading counted twice there was dropped as running after appearing on two pages.
        for key in {_running_key(line) for line in _edge_lines(page, 2, margin)}:
            edges[key] += 1
        for key in {_running_key(line) for line in _edge_lines(page, 1, margin)}:
            ends[key] += 1
    running = {key for key, count in edges.items() if key and count >= max(3, len(pages) // 2)}
    opening = {key for key, count in ends.items() if key and count >= max(2, len(pages) - 1)}
    # 'Hallowmere Strategy · Good mental health': a running header naming each page's
    # section differs from page to page but for the title before its separator. Read, it was
    # quoted as a stated priority and cut a sentence running over the page break in two.
    titled = Counter(
        key
        for page, margin in zip(pages, margins, strict=True)
        for key in {_titled_key(line) for line in _edge_lines(page, 1, margin)}
    )
    titles = {key for key, count in titled.items() if key and count >= max(3, len(pages) - 1)}
    stepping = _stepping_numbers(pages, body_size)
    kept: list[list[Line]] = []
    for page, margin in zip(pages, margins, strict=True):
        edge_ids = {id(line) for line in _edge_lines(page, 2, margin)} | stepping
        end_ids = {id(line) for line in _edge_lines(page, 1, margin)}
        # A footer set apart in the margin that ends on its page's number ('nhs.uk/plan Page
        # 1 of 1'): furniture even on a page of its own, where nothing repeats to show it.
        numbered = {id(line) for line in margin if _ENDS_ON_PAGE_NUMBER.search(line.text)}
        kept.append(
            [
                line
                for line in page
                if not (
                    _is_page_number(line.text.strip(), len(pages))
                    and line.size > body_size * SUPERSCRIPT_SIZE
                    and id(line) in edge_ids
                )
                and not (id(line) in edge_ids and _running_key(line) in running)
                and not (id(line) in end_ids and _running_key(line) in opening)
                and not (id(line) in end_ids and _titled_key(line) in titles)
                and id(line) not in numbered
            ]
        )
    return kept


def _stepping_numbers(pages: list[list[Line]], body_size: float) -> set[int]:
    """The lines (by id) that are only a number keeping step with the page's own (page 3
    says 5, page 4 says 6), on two pages or more and a third of them: page numbers wherever
    they are written, though neither first nor last on the page nor set apart (a footer of
    several lines in the body's type, its number written first)."""
    found: dict[int, list[int]] = {}
    on_pages: dict[int, set[int]] = {}
    for number, page in enumerate(pages, start=1):
        for line in page:
            text = line.text.strip()
            if text.isdecimal() and len(text) <= 4 and line.size > body_size * SUPERSCRIPT_SIZE:
                offset = int(text) - number
                found.setdefault(offset, []).append(id(line))
                on_pages.setdefault(offset, set()).add(number)
    least = max(2, len(pages) // 3)
    return {
        line_id
        for offset, ids in found.items()
        if len(on_pages[offset]) >= least
        for line_id in ids
    }


def _edge_lines(page: list[Line], count: int, margin: list[Line]) -> list[Line]:
    """The first and last ``count`` lines of a page as written, and a header or footer set
    apart in its margin wherever it is written: a word processor writes a text box's lines
    after the page's footer, which was then no last line, and was read (as a promise) on
    that page alone (``margin``: those, as :func:`_in_margin` finds them)."""
    return page[:count] + page[-count:] + margin


_ENDS_ON_PAGE_NUMBER = re.compile(
    r"(?:^|\s)page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE
)
# A header or footer stands this many font sizes from the page's other lines at least;
# points apart that two pieces of text still stand on one baseline.
_MARGIN = 2.0
_SAME_LINE = 1.5


def _in_margin(page: list[Line]) -> list[Line]:
    """The lines on the page's highest and on its lowest baseline, each where it stands more
    than _MARGIN font sizes from the page's other lines: in the margin. A table's first or
    last row sits a line's step from the next, and its cells (the same 'County council' in
    every row) stay out of it."""
    found: list[Line] = []
    for edge in (max(page, key=_baseline), min(page, key=_baseline)) if page else ():
        apart = [abs(line.y - edge.y) for line in page if abs(line.y - edge.y) > _SAME_LINE]
        if min(apart, default=0.0) > edge.size * _MARGIN:
            found.extend(line for line in page if abs(line.y - edge.y) <= _SAME_LINE)
    return found


def _baseline(line: Line) -> float:
    return line.y


# What parts a running header's title from the section it names: 'Strategy · Housing'.
_TITLE_SEPARATOR = re.compile(r"\s+[·|•–—]\s+")


def _titled_key(line: Line) -> str:
    """The title before a running header's separator, as a key ('' for a line without
    one): of two words or more, its figures kept ('Priority 1 · ...' is no title shared)."""
    parts = _TITLE_SEPARATOR.split(line.text.strip(), maxsplit=1)
    if len(parts) < 2 or len(parts[0].split()) < 2:
        return ""
    return _key(parts[0])


def _is_page_number(text: str, pages: int) -> bool:
    """A line that is only a page number ('7', 'Page 7 of 12', '7/12'). A number of four
    digits past the document's length is a year ('2030' of a cover's 'Strategy 2025-' /
    '2030'), and a page comes before the last ('2025/26' is a year)."""
    found = _PAGE_NUMBER.match(text)
    if found is None:
        return False
    most = max(999, pages + 50)
    page, last, alone = found.group(2), found.group(3), found.group(4)
    if alone is not None:
        return bool(found.group(1)) or int(alone) <= most
    return int(page) <= int(last) <= most


def _boxes_in_place(page: list[Line]) -> list[Line]:
    """The page's lines with each text box where it sits. A word processor writes a box's
    text after the page's running text, and read in that order its lines joined the last
    section on the page ('Delivering the strategy') instead of the one it sits in ('At a
    glance'). A run of lines that jumps back up the page, in the running text's column, into
    a gap no earlier line fills, is moved up to its place; a second column (further right)
    and text beside other text are left as they are."""
    lines = list(page)
    start = 1
    for _ in range(_MAX_BOXES):
        jump = next(
            (k for k in range(start, len(lines)) if _jumps_up(lines[k - 1], lines[k])), None
        )
        if jump is None:
            break
        end = jump + 1
        # A note's mark or page number in small type, written after the box, is no part of it.
        while (
            end < len(lines)
            and not _jumps_up(lines[end - 1], lines[end])
            and not _is_page_number(lines[end].text.strip(), 0)
        ):
            end += 1
        run, before = lines[jump:end], lines[:jump]
        top, bottom = run[0].y + run[0].size, run[-1].y - run[-1].size
        left = min(line.x for line in before)
        in_gap = not any(bottom <= line.y <= top for line in before)
        same_column = abs(min(line.x for line in run) - left) <= _BOX_INDENT
        if in_gap and same_column:
            place = next((j for j, line in enumerate(before) if line.y < run[0].y), jump)
            lines = before[:place] + run + before[place:] + lines[end:]
        start = end
    return lines


def _jumps_up(previous: Line, line: Line) -> bool:
    return line.y > previous.y + previous.size * 1.5


def _without_footnotes(page: list[Line], body_size: float) -> list[Line]:
    """The page without the footnotes at its foot: lines in type smaller than the body's,
    the first opening with a note's number or sign, set apart from the text above. Read as
    text they joined the last section on the page, and a footnote's aside ('... is a priority
    for another partnership') was taken for a stated priority."""
    start = len(page)
    while start > 0 and page[start - 1].size <= body_size * _FOOTNOTE_SIZE:
        start -= 1
    if start in (0, len(page)) or not _FOOTNOTE_OPENING.match(page[start].text):
        return page
    above, first = page[start - 1], page[start]
    if above.y - first.y < above.size * _FOOTNOTE_GAP:
        return page  # small type that runs on from the text: a caption or a table, say
    return page[:start]


def _without_marks(page: list[Line], pages: int, body_size: float) -> list[Line]:
    """The page without the notes' marks left on lines of their own (a superscript number
    set apart from the text it marks). A number in the body's type is text: a table cell's
    '65' wrapped from 'every person aged over' was dropped as a mark."""
    return [
        line
        for line in page
        if not (_is_page_number(line.text.strip(), pages) and line.size < body_size * _MARK_SIZE)
    ]


# A note's mark is set smaller than the text around it.
_MARK_SIZE = 0.9


def _icon_numbers(page: list[Line]) -> list[Line]:
    """The page with each number set large beside the line it numbers ('1' in a circle in
    24-point type, a priority's name in 13-point to its right) made that line's marker: read
    as lines of their own, the numbers were headings ('Our plan › 1 › Help every child') and
    the names under them were not read as the list they are."""
    out: list[Line] = []
    index = 0
    while index < len(page):
        line = page[index]
        beside = page[index + 1] if index + 1 < len(page) else None
        text = line.text.strip()
        if (
            beside is not None
            and text.isdecimal()
            and 0 < int(text) <= _MOST_ICONS
            and line.size >= beside.size * _ICON_SIZE
            and 0 < beside.x - line.x <= line.size * _ICON_REACH
            and abs(beside.y - line.y) <= line.size
        ):
            out.append(dataclasses.replace(beside, text=f"{text}. {beside.text}"))
            index += 2
            continue
        out.append(line)
        index += 1
    return out


# A numbered icon: a number up to this, set this much larger than the line it numbers, and
# that line starts within this many of its sizes to its right.
_MOST_ICONS = 20
_ICON_SIZE = 1.3
_ICON_REACH = 3


def _running_key(line: Line) -> str:
    return _key(re.sub(r"\d+", "#", line.text))
