"""Lines and outline from PDFium (pypdfium2): the fast default engine."""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from alignck.limits import Limits
from alignck.readers._pdflines import (
    SUPERSCRIPT_SIZE,
    Extracted,
    Line,
    OutlineEntry,
    aslant,
    bounded_pages,
    glyph_numbers,
    locked,
)
from alignck.readers._sniff import refused
from alignck.readers._text import (
    bold_goes_on,
    clean,
    clean_lines,
    marks_a_note,
    rejoin_hyphenated,
    split_marker,
)


def extract(path: Path, passwords: tuple[str, ...] = (), limits: Limits | None = None) -> Extracted:
    pdf, protected = _open(path, passwords, limits)
    try:
        forms = _has_form(pdf)
        lines = (_page_lines(_page(pdf, index, forms)) for index in range(len(pdf)))
        pages = bounded_pages(path, len(pdf), lines, limits)
        return Extracted(pages, _outline(pdf), protected=protected)
    finally:
        pdf.close()


def _has_form(pdf: Any) -> bool:
    """Whether the PDF is a form: what its fields hold is drawn by their widgets, not the
    page, so it is read only when the widgets are made part of the page."""
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDF_GetFormType(pdf.raw) == pdfium_c.FORMTYPE_NONE:
        return False
    pdf.init_forms()
    return True


def _page(pdf: Any, index: int, forms: bool) -> Any:
    """The page, and in a form its fields' answers drawn as its text ('Your main commitment:'
    answered 'We will offer free walking groups ...', which pdftotext reads); the page in
    memory only, the file untouched. Other annotations (a reviewer's note, a stamp) are not
    the document's text, and are left out, as they are where there is no form."""
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    if not forms:
        return page
    count = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    widgets = False
    for at in reversed(range(count)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, at)
        subtype = pdfium_c.FPDFAnnot_GetSubtype(annotation)
        pdfium_c.FPDFPage_CloseAnnot(annotation)
        if subtype == pdfium_c.FPDF_ANNOT_WIDGET:
            widgets = True
        else:
            pdfium_c.FPDFPage_RemoveAnnot(page.raw, at)
    flat = widgets and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
    if flat != pdfium_c.FLATTEN_SUCCESS:
        return page
    # PDFium reads a flattened page's new text only once the page is loaded again.
    page.close()
    return pdf[index]


def _open(path: Path, passwords: tuple[str, ...], limits: Limits | None = None) -> tuple[Any, bool]:
    """The open document, and whether it took one of the passwords to open it."""
    import pypdfium2 as pdfium

    from alignck.files import read_regular

    # The bytes, read here through the held file's link: given a path, pypdfium2 resolves it
    # to the file's real name and PDFium opens that, so a file swapped at its path while it
    # was read would be what PDFium reads (an information governance officer traced it).
    # PDFium reads them from memory as fast as from the file (the 20 benchmark strategies).
    # No more than the size limit is read, should the file grow after it was measured.
    data = read_regular(path, limits)
    for password in (None, *passwords):
        try:
            return pdfium.PdfDocument(data, password=password), password is not None
        except pdfium.PdfiumError as error:
            if "password" not in str(error).lower():
                raise refused(path, "a PDF", f"not a readable PDF ({error})") from error
    raise locked(path, passwords)


# How far outside the page a character's origin may lie and still be on it: a glyph set at
# the very edge, or by a generator that rounds, is seen.
_EDGE = 2.0


def _shown_box(page: object) -> tuple[float, float, float, float] | None:
    """The part of the page a viewer shows (its crop box within its media box, either
    inherited from the page tree as PDFium reads them): text drawn outside it (past the edge,
    or a printer's note in the bleed) is in the file, not on the page. None where the boxes
    do not meet (a crop box set wrong): the whole page is read, as other readers read it,
    and so is a page whose text all lies outside a box that misses it."""
    left, bottom, right, top = page.get_bbox()  # type: ignore[attr-defined]
    if abs(right - left) < 1 or abs(top - bottom) < 1:
        return None
    return min(left, right), min(bottom, top), max(left, right), max(bottom, top)


def _inside(box: tuple[float, float, float, float] | None, x: float, y: float) -> bool:
    if box is None:
        return True
    left, bottom, right, top = box
    return left - _EDGE <= x <= right + _EDGE and bottom - _EDGE <= y <= top + _EDGE


def _outline(pdf: object) -> list[OutlineEntry]:
    entries: list[OutlineEntry] = []
    try:
        for bookmark in pdf.get_toc(max_depth=8):  # type: ignore[attr-defined]
            dest = bookmark.get_dest()
            page = dest.get_index() if dest is not None else None
            entries.append(
                OutlineEntry(
                    bookmark.level, bookmark.get_title(), page + 1 if page is not None else None
                )
            )
    except Exception:
        return []
    return entries


def _page_lines(page: object) -> list[Line]:
    try:
        box = _shown_box(page)
        dropped: list[str] = []
        lines = _lines_within(page, box, dropped)
        if box is not None and dropped and not lines:
            # A crop box set wrong, over none of the page's text: read whole, as others do.
            return _lines_within(page, None, [])
        return lines
    finally:
        page.close()  # type: ignore[attr-defined]


def _lines_within(
    page: object, shown_box: tuple[float, float, float, float] | None, dropped: list[str]
) -> list[Line]:
    """The page's lines that stand in ``shown_box`` (all where None); those outside it are
    added to ``dropped``."""
    origin, font_size = _unconverted("FPDFText_GetCharOrigin"), _SizeOf()
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    handle = textpage.raw
    is_bold = _BoldTest(handle)
    try:
        page_text = textpage.get_text_range()
        if glyph_numbers(page_text):
            return []  # text that cannot be read is no text: the page counts as textless
        raw_lines = page_text.split("\r\n")
        angles = _line_angles(handle, raw_lines)
        # The lines set at a slant, found once: both the frame and the loop below leave them out.
        slanted = [angle >= 0 and aslant(angle) for angle in angles]
        frame = _Frame(_quarter_turns(angles, slanted, raw_lines))
        # One clean-up pass for the whole page; character indices come from the raw lines.
        shown = _with_number_gaps(
            page_text, _without_note_marks(page_text, handle, frame), handle, frame
        )
        cleaned_lines = clean_lines(rejoin_hyphenated(shown).split("\r\n"))
        x, y = ctypes.c_double(), ctypes.c_double()
        x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
        lines: list[Line] = []
        # Where each line's text starts, to split a line into cells after the loop.
        firsts: list[tuple[str, int]] = []
        start = 0
        for raw_line, cleaned, at_slant in zip(raw_lines, cleaned_lines, slanted, strict=True):
            line_start = start
            first = start + len(raw_line) - len(raw_line.lstrip())
            end = start + len(raw_line.rstrip()) - 1
            start += len(raw_line) + 2
            if not cleaned or at_slant:
                continue
            origin(handle, first, x_ref, y_ref)
            if not _inside(shown_box, x.value, y.value):
                origin(handle, end, x_ref, y_ref)
                if not _inside(shown_box, x.value, y.value):
                    dropped.append(cleaned)
                    continue  # drawn outside the page as it is shown: no reader sees it
                origin(handle, first, x_ref, y_ref)
            left, baseline = frame.point(x.value, y.value)
            last_y: float | None = None
            # Where the line's first row of text ends.
            row_end = end
            joined = _joined_at(raw_line)
            if joined >= 0:
                # PDFium joins a line hyphenated at its end to the next one: keep where it ends,
                # and measure the width of the first row alone (a table row whose cell wraps
                # at a hyphen is still seen to have a gap between its cells).
                origin(handle, end, x_ref, y_ref)
                _, last_y = frame.point(x.value, y.value)
                row_end = line_start + joined - 1
            starts_bold = is_bold(first)
            ends_bold = starts_bold and is_bold(max(first, end))
            bold = ends_bold and _could_be_heading(cleaned)
            lead = None
            if starts_bold and not ends_bold:
                lead = _bold_opening(raw_line.lstrip(), first, is_bold)
            elif not starts_bold:
                lead = _bold_after_marker(raw_line.lstrip(), first, end, is_bold)
            # The type of its words, not of a note's number or a bullet opening it: a
            # footnote's '1' at the body's size made the 8-point note body text, quoted.
            size = round(font_size(handle, _first_letter(raw_line, first, end)), 2)
            pieces: tuple[tuple[float, str], ...] = ()
            origin(handle, row_end, x_ref, y_ref)
            right, _ = frame.point(x.value, y.value)
            if right - left > (row_end - first + 1) * size * _WIDE_CHARACTER + size:
                # Wider than its characters can fill: a gap runs through it.
                pieces = _pieces(handle, raw_line, first, size, frame)
            lines.append(Line(cleaned, size, bold, left, baseline, last_y, lead, pieces))
            firsts.append((raw_line, first))
        lines = _split_table_rows(lines, firsts, handle, frame)
        if frame.quarter_turns:
            # PDFium gives turned text in no dependable order (a list set turning clockwise
            # came bottom line first): read it top down, as the text stands.
            lines.sort(key=lambda line: (-round(line.y), line.x))
        return lines
    finally:
        textpage.close()


def _first_letter(raw_line: str, first: int, end: int) -> int:
    """The index of the line's first letter, counted as ``first`` counts its first character
    (``first`` itself where the line has no letter before ``end``)."""
    text = raw_line.lstrip()
    for offset, character in enumerate(text[: end - first + 1]):
        if character.isalpha():
            return first + offset
    return first


# A footnote's mark as text extraction gives it: a number glued to the end of a word or to
# the punctuation after it ('by 2028.4', 'services3', '45%3'), before a space, punctuation or
# the end. Each pattern here opens on the digit and looks back from it: one that opens by
# looking back is tried at every character of the page, and took five times as long.
_NOTE_MARK = re.compile(r"\d(?<=(?:[^\W\d]|[.,;:%)\u201d\u2019\"])\d)\d{0,2}(?=[\s.,;:)]|$)")
# A figure that may end in a mark glued to it ('by 20301', '250,0002'): which of its last
# digits are the mark only their size and height say.
# Bounded, and whole (never from inside a run of digits): a page of digits costs no more than
# a page of words.
_FIGURE = re.compile(r"\d(?<![\d,]\d)(?:\d{4,6}|\d{0,2}(?:,\d{3}){1,4}\d{1,3})(?=[\s.,;:)]|$)")
_CLOSING = tuple(".,;:)")
# A mark is set smaller than the text it follows (SUPERSCRIPT_SIZE), and raised this much
# of that text's size above its baseline.
_MARK_RAISED = 0.15
# Fewer letters than this before a raised number make a unit ('m2', 'km2'), not a word.
_MARKED_WORD = 3


def _without_note_marks(text: str, handle: object, frame: _Frame) -> str:
    """The page's text with footnote reference marks made invisible characters (the same
    length, so character indices still hold): a number set as a superscript right after a word, its
    punctuation, a year or a grouped figure. Word and Markdown quotes leave them out; a
    PDF's said 'by 2028.4'. A number in the text's own type ('180,000'), lowered (CO2), after
    a unit ('m2') or after a short number (a power, '10⁶') stays."""
    marks = [(m.start(), m.end()) for m in _NOTE_MARK.finditer(text)]
    marks += [mark for m in _FIGURE.finditer(text) for mark in _glued_mark(m)]
    if not marks:
        return text
    raised = _Raised(handle, frame)
    shown = list(text)
    for at, end in marks:
        if not raised(at, at - 1):
            continue
        if 0 < _letters_before(text, at) < _MARKED_WORD:
            continue
        # Invisible, which cleaning takes out: 'by 2030¹.' reads 'by 2030.', not 'by 2030 .',
        # nor with the space PDFium puts after a raised mark before the full stop.
        if text[end : end + 1] == " " and text[end + 1 : end + 2] in _CLOSING:
            end += 1
        shown[at:end] = "\x00" * (end - at)
    return "".join(shown)


# A word and a number PDFium gives without the space between them.
_LETTER_THEN_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)")
# A gap this wide (of the type's size) between a letter and a number on its baseline is a
# space PDFium did not make. Measured between the glyphs' advance boxes (PDFium's loose
# boxes), letters of a word set next to each other are no distance apart ('B12', 'COVID19',
# kerning aside): their ink boxes, with the side bearings of 'B' or '1', were a fifth of the
# size apart and split 'B12'. Where PDFium gives no size (1 when the text matrix scales the
# type), the loose box's height, about the size or more, stands for it.
_WORD_GAP = 0.1
_SAME_BASELINE = 0.15


def _with_number_gaps(text: str, shown: str, handle: object, frame: _Frame) -> str:
    """``shown`` (the page's text, index for index) with a space where a number stands apart
    from the word before it but PDFium gave no space: a contents entry tabbed to its page
    number ('Tackling health inequalities 4') read 'inequalities4'. The text may grow, so
    this comes after everything that reads characters by their index."""
    boxes = _Boxes(handle, frame)
    gaps = [
        m.start()
        for m in _LETTER_THEN_DIGIT.finditer(text)
        if shown[m.start()] != "\x00" and boxes.spaced(m.start())
    ]
    if not gaps:
        return shown
    pieces = [shown[i:j] for i, j in zip([0, *gaps], [*gaps, len(shown)], strict=True)]
    return " ".join(pieces)


def stands_apart(
    letter: tuple[float, float, float, float],
    digit: tuple[float, float, float, float],
    size: float,
    letter_gap: float,
) -> bool:
    """Whether a digit after a letter (each box as start and end along the text, bottom and
    top across it, advance boxes) is a word apart: on the letter's baseline, further from it
    than the letters of a word are from each other (``letter_gap``, their middle gap) and
    than a tenth of the type's ``size``."""
    start, _, low, high = digit
    _, letter_end, letter_low, _ = letter
    em = size if size >= 3 else high - low
    if em <= 0 or abs(low - letter_low) > em * _SAME_BASELINE:
        return False  # raised or lowered: a mark or a formula, not a word apart
    gap = start - letter_end
    return gap >= em * _WORD_GAP and gap >= 2 * letter_gap


class _Boxes:
    """Glyph boxes along the text, to tell a number set a space apart from its word."""

    def __init__(self, handle: object, frame: _Frame) -> None:
        import pypdfium2.raw as raw

        self.handle, self.frame = handle, frame
        self.box, self.size_of = raw.FPDFText_GetLooseCharBox, _SizeOf()
        self.rect = raw.FS_RECTF()
        self.ref = ctypes.byref(self.rect)

    def _span(self, index: int) -> tuple[float, float, float, float]:
        """Start and end along the text, bottom and top across it, of the glyph's advance box."""
        self.box(self.handle, index, self.ref)
        left, right, bottom, top = self.rect.left, self.rect.right, self.rect.bottom, self.rect.top
        start, end = self.frame.span(left, top, right, bottom)
        low, high = sorted((self.frame.point(left, bottom)[1], self.frame.point(right, top)[1]))
        return start, end, low, high

    def spaced(self, digit: int) -> bool:
        return stands_apart(
            self._span(digit - 1),
            self._span(digit),
            self.size_of(self.handle, digit),
            self._letter_gap(digit - 1),
        )

    def _letter_gap(self, last: int) -> float:
        """The middle gap between the letters of the word that ends at ``last``."""
        gaps = []
        end = None
        for index in range(max(0, last - 6), last + 1):
            start, stop, _, _ = self._span(index)
            if end is not None:
                gaps.append(start - end)
            end = stop
        gaps.sort()
        return gaps[len(gaps) // 2] if gaps else 0.0


def _glued_mark(figure: re.Match[str]) -> list[tuple[int, int]]:
    """Where a mark of one to three digits could end a figure that is a year or a grouped
    number with it taken off ('20301' as 2030 and 1; '250,0002' as 250,000 and 2)."""
    token = figure.group()
    return [
        (figure.end() - size, figure.end())
        for size in (1, 2, 3)
        if len(token) > size and marks_a_note(token[:-size][-5:]) and token[-size - 1].isdigit()
    ]


class _Raised:
    """Whether the character at an index is set smaller than the one before and raised above
    its baseline: a superscript."""

    def __init__(self, handle: object, frame: _Frame) -> None:
        import pypdfium2.raw as raw

        self.handle, self.frame = handle, frame
        self.size_of, self.origin = _SizeOf(), raw.FPDFText_GetCharOrigin
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.refs = (ctypes.byref(self.x), ctypes.byref(self.y))

    def __call__(self, at: int, before: int) -> bool:
        size, before_size = self.size_of(self.handle, at), self.size_of(self.handle, before)
        if not 0 < size <= before_size * SUPERSCRIPT_SIZE:
            return False
        return self._height(at) - self._height(before) >= before_size * _MARK_RAISED

    def _height(self, index: int) -> float:
        self.origin(self.handle, index, *self.refs)
        return float(self.frame.point(self.x.value, self.y.value)[1])


def _letters_before(text: str, at: int) -> int:
    """How many letters run up to ``at`` (counting no further than a word needs)."""
    count = 0
    while count < _MARKED_WORD and at - count > 0 and text[at - count - 1].isalpha():
        count += 1
    return count


def _joined_at(raw_line: str) -> int:
    """Where in the line PDFium joined the next one to it over a hyphen ('\\x02' or U+FFFE),
    or -1."""
    if "\x02" not in raw_line and "\ufffe" not in raw_line:
        return -1  # nearly every line: quicker than finding both
    found = [at for at in (raw_line.find("\x02"), raw_line.find("\ufffe")) if at >= 0]
    return min(found) if found else -1


def _split_table_rows(
    lines: list[Line], firsts: list[tuple[str, int]], handle: object, frame: _Frame
) -> list[Line]:
    """Table rows the width test missed: a row's cells set on one baseline can be too full of
    text for the gap between them to show by width alone. A line next to a row split into
    cells, or followed by one set well to its right (where a row's last cell wraps), is split
    where its gaps fall in the columns of those lines; and a line that starts in a column of
    the page's table, where its gaps fall in the table's other columns (a row's last two
    cells, 'Chief Digital Officer' and '2025/26', set on one baseline under cells that wrap
    in the columns before them, have no row beside them to split by)."""

    def split(index: int, columns: list[float]) -> None:
        line = lines[index]
        raw_line, first = firsts[index]
        pieces = _pieces(handle, raw_line, first, line.size, frame)
        if any(abs(x - c) <= line.size / 2 for x, _ in pieces[1:] for c in columns):
            lines[index] = dataclasses.replace(line, pieces=pieces)

    # Most pages hold no table: one cheap pass over the lines, and nothing more.
    # Whether a line above is split into cells: until one is, no line has a row above it.
    split_above = False
    for index, line in enumerate(lines):
        if line.pieces:
            split_above = True
            continue
        above = _row_above(lines, index) if split_above else ()
        if above:
            split(index, [x for x, _ in above[1:]])
        below = lines[index + 1] if index + 1 < len(lines) else None
        if (
            below is not None
            and not lines[index].pieces
            and below.x - line.x >= line.size * _COLUMN_INDENT
            and 0 < line.end_y - below.y <= line.size * _NEXT_LINE
        ):
            split(index, [below.x])
        if lines[index].pieces:
            split_above = True  # split just now
    if any(line.pieces for line in lines):
        for index in range(len(lines) - 2, -1, -1):
            below_pieces = lines[index + 1].pieces
            if below_pieces and not lines[index].pieces:
                split(index, [x for x, _ in below_pieces[1:]])
        columns = _table_columns(lines)
        for index, line in enumerate(lines):
            if not line.pieces and any(abs(line.x - c) <= line.size / 2 for c in columns):
                split(index, [c for c in columns if c > line.x + line.size])
    return lines


# Points: cells whose starts lie this close are in one column.
_SAME_COLUMN = 3.0


def _table_columns(lines: list[Line]) -> list[float]:
    """Where the columns of the page's table start: each place where a cell of a row split
    into cells starts and another line or cell starts too (a cell wraps, or the rows go on
    below); a lone gap in a line of text makes none."""
    starts = sorted(
        [(x, True) for line in lines for x, _ in line.pieces[1:]]
        + [(line.x, False) for line in lines]
    )
    columns: list[float] = []
    run: list[tuple[float, bool]] = []
    for x, cell in [*starts, (math.inf, False)]:
        if run and x - run[-1][0] > _SAME_COLUMN:
            if len(run) >= 2 and any(is_cell for _, is_cell in run):
                columns.append(run[0][0])
            run = []
        run.append((x, cell))
    return columns


def _row_above(lines: list[Line], index: int) -> tuple[tuple[float, str], ...]:
    """The cells of the nearest line above split into cells, looking past the lines where its
    later cells wrap (each set right of this line's start): a row's next row starts under its
    first cell however many lines its last cell took."""
    line = lines[index]
    for back in range(index - 1, max(index - _ROW_REACH, 0) - 1, -1):
        if lines[back].pieces:
            return lines[back].pieces
        if lines[back].x <= line.x + line.size:
            return ()
    return ()


# How many lines a row's wrapped cells may take that are looked past for the row above.
_ROW_REACH = 8


def _pieces(
    handle: object, raw_line: str, first: int, size: float, frame: _Frame
) -> tuple[tuple[float, str], ...]:
    """A line's text split where a gap wider than the font size separates its runs: the
    cells of a table row set on one baseline. Ordinary lines (one run, or runs a space apart)
    give nothing."""
    import pypdfium2.raw as raw

    text = raw_line.strip()
    count = raw.FPDFText_CountRects(handle, first, len(text))
    if count < 2:
        return ()
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(top), ctypes.byref(right), ctypes.byref(bottom))
    boxes: list[tuple[float, float]] = []
    for index in range(count):
        raw.FPDFText_GetRect(handle, index, *refs)
        boxes.append(frame.span(left.value, top.value, right.value, bottom.value))
    starts: list[tuple[float, int]] = [(boxes[0][0], first)]
    for (_, end_x), (start_x, _) in pairwise(boxes):
        if start_x - end_x < max(size, 1.0):
            continue
        # A glyph's origin sits a little left of its box: look right of the gap's middle.
        at = _first_char_from(handle, first, first + len(text), (end_x + start_x) / 2, frame)
        if first < at < first + len(text):
            starts.append((start_x, at))
    if len(starts) < 2:
        return ()
    pieces = []
    ends = [at for _, at in starts[1:]] + [first + len(text)]
    for (x, start), end in zip(starts, ends, strict=True):
        piece = clean(rejoin_hyphenated(text[start - first : end - first]))
        if piece:
            pieces.append((x, piece))
    # A bullet set apart from its item is a list marker, not a cell.
    if len(pieces) < 2 or split_marker(pieces[0][1] + " x")[1] == "x":
        return ()
    return tuple(pieces)


def _first_char_from(handle: object, low: int, high: int, x: float, frame: _Frame) -> int:
    """The first character of [low, high) that starts at or right of ``x``: characters of one
    line run left to right, so a binary search over their origins finds it (PDFium's own
    lookup by position searches the whole page)."""
    origin = _unconverted("FPDFText_GetCharOrigin")
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    while low < high:
        middle = (low + high) // 2
        origin(handle, middle, x_ref, y_ref)
        if frame.point(origin_x.value, origin_y.value)[0] < x:
            low = middle + 1
        else:
            high = middle
    return low


@dataclass(frozen=True, slots=True)
class _Frame:
    """The page as its text reads: a landscape table or a sideways caption set by turning the
    text a quarter turn runs up or down the page, and read in the page's own x and y each of
    its lines would start further right than the last (nested ever deeper, as list items) and
    sit on the same baseline. Positions are given along the text (x) and up from it (y)."""

    quarter_turns: int = 0

    def point(self, x: float, y: float) -> tuple[float, float]:
        turns = self.quarter_turns
        if turns == 1:
            return y, -x
        if turns == 2:
            return -x, -y
        if turns == 3:
            return -y, x
        return x, y

    def span(self, left: float, top: float, right: float, bottom: float) -> tuple[float, float]:
        """Where a glyph's box starts and ends along the text."""
        start, _ = self.point(left, bottom)
        end, _ = self.point(right, top)
        return min(start, end), max(start, end)


_QUARTER = math.pi / 2


def _line_angles(handle: object, raw_lines: list[str]) -> list[float]:
    """The angle each line's first character is set at, in radians clockwise as PDFium
    measures it; -1 for a blank line, or where PDFium cannot say. A line at a slant is left
    out (:func:`aslant`)."""
    angle_of = _unconverted("FPDFText_GetCharAngle")
    angles: list[float] = []
    start = 0
    for raw_line in raw_lines:
        first = start + len(raw_line) - len(raw_line.lstrip())
        angles.append(angle_of(handle, first) if raw_line.strip() else -1.0)
        start += len(raw_line) + 2
    return angles


def _quarter_turns(angles: list[float], slanted: list[bool], raw_lines: list[str]) -> int:
    """The quarter turns anticlockwise most of a page's text is set at (most often none),
    weighing each line by its length: one frame for the whole page, so that its lines are
    measured against each other in the same one. Text at a slant is left out."""
    weights = [0, 0, 0, 0]
    for raw_line, angle, at_slant in zip(raw_lines, angles, slanted, strict=True):
        if angle >= 0 and not at_slant:
            # PDFium measures the angle clockwise.
            weights[-round(angle / _QUARTER) % 4] += len(raw_line.strip())
    return max(range(4), key=weights.__getitem__)


# Characters (spaces included) average about half the font size across; 0.6 allows for wide
# fonts and justified lines.
_WIDE_CHARACTER = 0.6
# A line followed by one that starts this many font sizes further right, at most this many
# below it, may be a table row whose last cell wraps (_split_table_rows).
_COLUMN_INDENT = 4.0
_NEXT_LINE = 1.8
_BOLD_WEIGHT = 600
_BOLD_NAME = re.compile(rb"bold|black|heavy|demi", re.IGNORECASE)


def _bold_opening(text: str, first: int, is_bold: _BoldTest) -> str | None:
    """The bold words a line opens with; spaces do not end them (PDFium gives the spaces it
    generates between words no font)."""
    plain = next(
        (j for j, char in enumerate(text) if not char.isspace() and not is_bold(first + j)),
        len(text),
    )
    lead = rejoin_hyphenated(text[:plain]).strip()
    # '**Active**, healthy lives' is one phrase, not a name run in before it.
    return None if not lead or bold_goes_on(lead, text[plain:]) else lead


def _bold_after_marker(text: str, first: int, end: int, is_bold: _BoldTest) -> str | None:
    """The bold words after a list marker set in plain type ('1.' or '•', then 'Reducing the
    cost of living.' in bold): the item's name, as a Word list's bold run gives it."""
    marker, rest = split_marker(text)
    if marker is None or not rest[:1].isalpha() or not text.endswith(rest):
        return None  # '78.6 50' in a table of figures opens with no marker
    at = first + len(text) - len(rest)
    if not is_bold(at) or is_bold(end):
        return None
    return _bold_opening(rest, at, is_bold)


class _BoldTest:
    """Whether a character is set in bold: by the font's weight, or failing that its name.

    Many PDFs (LibreOffice's among them) give every font weight 400 and say 'Bold' only in the
    font name ('DejaVuSerif-Bold')."""

    def __init__(self, handle: object) -> None:
        self.handle = handle
        self.weight = _unconverted("FPDFText_GetFontWeight")
        self.info = _unconverted("FPDFText_GetFontInfo")
        self.name = ctypes.create_string_buffer(128)
        self.length = ctypes.c_ulong(128)  # the buffer's, as the unsigned long it is declared
        self.flags = ctypes.byref(ctypes.c_int())
        self.bold_names: dict[bytes, bool] = {}

    def __call__(self, index: int) -> bool:
        if self.weight(self.handle, index) >= _BOLD_WEIGHT:
            return True
        # A character PDFium made up (a space between placed words) has no font; the buffer
        # would still hold the last font's name.
        if not self.info(self.handle, index, self.name, self.length, self.flags):
            return False
        name = self.name.value
        bold = self.bold_names.get(name)
        if bold is None:
            bold = self.bold_names[name] = _BOLD_NAME.search(name) is not None
        return bold


class _SizeOf:
    """A character's type size as set on the page: its font's size times the scale of the
    matrix it is drawn with. InDesign sets every font at 1 point and scales it by the text
    matrix; read by the font alone, every line was one size, headings were lost and a page
    rendered the same as another read differently."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        self.font_size = _unconverted("FPDFText_GetFontSize")
        self.matrix_of = _unconverted("FPDFText_GetMatrix")
        self.matrix = raw.FS_MATRIX()
        self.ref = ctypes.byref(self.matrix)

    def __call__(self, handle: object, index: int) -> float:
        size = float(self.font_size(handle, index))
        if not self.matrix_of(handle, index, self.ref):
            return size
        # The height of the matrix's unit across the baseline, not its area: OCR text under
        # a scanned page is stretched sideways word by word to fit its image, and slanted
        # text is sheared, and the type is no larger for either.
        m = self.matrix
        along = math.hypot(m.a, m.b)
        scale = abs(m.a * m.d - m.b * m.c) / along if along > 0 else 0.0
        return size * scale if scale > 0 else size


@functools.cache
def _unconverted(name: str) -> Any:
    """PDFium's function ``name`` (as pypdfium2.raw has it) called without ctypes converting
    each argument to the type the function declares: that took longer than the call itself
    (about 0.5 of 0.7 µs for a character's origin), and these are called for every line of
    every page. Callers pass each argument as ctypes would have made it: the text page's
    handle, a Python int for an int, byref() for a pointer, a ctypes value for any other type
    (an unsigned long)."""
    import pypdfium2.raw as raw

    function = getattr(raw, name)
    unconverted = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    unconverted.restype = function.restype
    return unconverted


def _could_be_heading(text: str) -> bool:
    """Weight only matters for short lines without closing punctuation."""
    return len(text) < 120 and not text.endswith((".", ",", ";", ":"))
