"""Plain-text reader: paragraphs split on blank lines, list markers kept, likely headings found.

Plain text carries little structure, so a short line standing alone (no closing punctuation,
numbered or in capitals) is read as a heading, but only in files with several paragraphs: a
one-sentence file is a statement, not a title. A line underlined with '=' or '-' is a heading
whatever the file, as Markdown reads it. Form feeds end pages (as in `pdftotext` output),
so evidence from such a file carries its page.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from alignck.model import Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._text import (
    LABELLED_LINE,
    join_lines,
    number_goes_on,
    read_text,
    separate_lines,
    split_marker,
)

VERSION = "16"
_NUMBERED_HEADING = re.compile(r"^(\d+(\.\d+)*)\.?\s+\S")
_MAX_TOP_HEADING_WORDS = 8
# A number of two levels or more, '4.1' or '2.3.1', as sections are numbered.
_SECTION_NUMBER = re.compile(r"^\d+\.\d+")
# Words a wrapped line can end on but a heading does not.
_RUNS_ON = frozenset(
    """a an and or but nor the of to for with in on at by from as into than our their its
    your that which who whose is are was were be""".split()  # noqa: SIM905
)


def read(path: Path, options: ReadOptions | None = None) -> Document:
    text, warning = read_text(path, options)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    builder = BlockBuilder(str(path), (options or ReadOptions()).limits)
    pages, first = [], 1
    unwrapped = _unwrapped(text)
    for page_text in text.rstrip("\f").split("\f"):
        pages.append(_paragraphs(page_text, first, unwrapped))
        first += page_text.count("\n")
    if len(pages) > 1:
        _without_page_furniture(pages)
    _join_across_pages(pages)
    paged = len(pages) > 1
    several = sum(len(page) for page in pages) > 1
    width = _line_width(text)
    for number, paragraphs in enumerate(pages, start=1):
        in_runs = _in_runs_of_short_lines(paragraphs) if unwrapped else set()
        for at, paragraph in enumerate(paragraphs):
            lines, entry, listed, line, heading, table, goes_on = paragraph
            page = number if paged else None
            if table:
                for row, text in enumerate(lines):
                    for column, cell in enumerate(_tab_cells(text)):
                        builder.add("table_cell", cell, page, cell=(row, column), line=line + row)
                continue
            if heading:
                builder.heading(join_lines(lines), heading, page, line=line)
                continue
            if listed:
                # 'Name: what it means' lines under 'Our priorities are:': a list without
                # bullets. ('Version: 2' / 'Owner: ...' with no lead-in are not one.)
                entry_text = join_lines(lines)
                builder.add("list_item", entry_text, page, level=1, marker="•", line=line)
                continue
            may_be_heading = several and not entry and not goes_on and at not in in_runs
            _add_paragraph(builder, lines, may_be_heading, page, width, line)
            for turned, rest in goes_on:
                builder.extend_last(join_lines(list(rest)), turned + 1 if paged else None)
    warnings = (warning,) if warning else ()
    return Document(str(path), "text", builder.build(), len(pages) if paged else None, warnings)


def _without_page_furniture(pages: list[list[_Paragraph]]) -> None:
    """Each page's number and running title taken away, as a PDF's are: a page number on
    the last line of a paragraph ('... we will work with the' / 'Page 1') was quoted as part
    of its sentence, and a title repeated at the head of each page stood between the two
    halves of a sentence a page break cut.

    A page number is a line at a page's head or foot that says so ('Page 3', '3 of 12'), or
    a bare number that keeps step with the pages (the same distance from each page's place
    on two pages at least): a figure at a page's foot ('Our target:' / '300') is the page's
    own. A running title is a line standing alone at the head (or foot) of at least two
    pages and of half those after the first, the same text but for a page's number at its
    end or set apart at its start ('Homes Strategy - page 3', 'Denby Valley Council    3');
    it is taken away from those pages (a title, not from the first page's head), and a
    heading ('Priority 2' heading its page) or a sentence never."""
    stepping = _stepping_numbers(pages)
    for index, paragraphs in enumerate(pages):

        def numbered(line: str, index: int = index) -> bool:
            return _says_page(line) or (line.strip(), index) in stepping

        if paragraphs and len(paragraphs[-1].lines) > 1 and numbered(paragraphs[-1].lines[-1]):
            last = paragraphs[-1]
            paragraphs[-1] = last._replace(lines=last.lines[:-1])
        if paragraphs and len(paragraphs[0].lines) > 1 and numbered(paragraphs[0].lines[0]):
            first = paragraphs[0]
            paragraphs[0] = first._replace(lines=first.lines[1:], line=first.line + 1)
        while paragraphs and _page_number(paragraphs[0]) and numbered(paragraphs[0].lines[0]):
            del paragraphs[0]
        while paragraphs and _page_number(paragraphs[-1]) and numbered(paragraphs[-1].lines[-1]):
            del paragraphs[-1]
    for end in (0, -1):
        found = [_running_key(paragraphs[end]) if paragraphs else None for paragraphs in pages]
        # The first page's head is neither counted nor taken: there it is as often the
        # document's own title; its foot is a page's foot like any other's.
        start = 1 if end == 0 else 0
        counts = Counter(key for key in found[start:] if key is not None)
        running = {
            key for key, count in counts.items() if count >= max(2, (len(pages) - start) / 2)
        }
        for paragraphs, key in zip(pages[start:], found[start:], strict=True):
            if key is not None and key in running:
                del paragraphs[end]


def _says_page(line: str) -> bool:
    """A page's number that says so: 'Page 3', '3 of 12', '3/12', '- 3 -'."""
    text = line.strip()
    return bool(_PAGE_NUMBER.match(text)) and not text.isdigit()


def _stepping_numbers(pages: list[list[_Paragraph]]) -> set[tuple[str, int]]:
    """(number, page index) for the bare numbers at the pages' heads and feet that keep
    step with the pages: the same distance from the page's place on two pages at least."""
    found = []
    for index, paragraphs in enumerate(pages):
        for paragraph in paragraphs[:1] + paragraphs[-1:]:
            for line in (paragraph.lines[0], paragraph.lines[-1]):
                # Three digits at most: '2026' heading a page is a year.
                if line.strip().isdigit() and len(line.strip()) <= 3:
                    found.append((line.strip(), index))
    steps = Counter(int(number) - index for number, index in set(found))
    kept = {step for step, count in steps.items() if count >= 2}
    # Or alone, the page's own place: a page number printed on one page only.
    return {
        (number, index)
        for number, index in found
        if int(number) - index in kept or int(number) == index + 1
    }


def _running_key(paragraph: _Paragraph) -> str | None:
    """A one-line paragraph's text as a running title or footer compares, a page's number
    at its end or set apart at its start put aside ('Homes Strategy - page 3', 'Denby
    Valley Council    3'); None for anything longer, a heading or a sentence."""
    if (
        len(paragraph.lines) != 1
        or paragraph.table
        or paragraph.heading
        or len(paragraph.lines[0].split()) > 15
        or paragraph.lines[0].rstrip().endswith((".", "!", "?"))
    ):
        return None
    line = paragraph.lines[0].strip()
    text = _SET_APART_NUMBER.sub("#", line)
    # A name of one word and a number ('Priority – 1', 'Ward  2') heads a section of its own;
    # a running title names the document ('Denby Valley Council    3').
    if text != line and len(text.replace("#", " ").split()) < 2:
        text = line
    text = _OPENS_ON_PAGE_NUMBER.sub("page # ", " ".join(text.split()).casefold())
    return _ENDS_ON_PAGE_NUMBER.sub(" page #", text)


_ENDS_ON_PAGE_NUMBER = re.compile(r"(?:^|\s)page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$")
_OPENS_ON_PAGE_NUMBER = re.compile(r"^page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s+(?=\S)")
# A number set apart at a line's start or end: two spaces or more, a tab, a bar, a dot or a
# dash between ('Denby Valley Council    3', '4 | Homes Strategy'); 'Priority 2' is a name.
_SET_APART_NUMBER = re.compile(
    r"^\d{1,4}(?=(?:\s{2,}|\t|\s*[|·–—-]\s*)\S)"
    r"|(?<=\S)(?:\s{2,}|\t|\s*[|·–—-]\s*)\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
)


def _join_across_pages(pages: list[list[_Paragraph]]) -> None:
    """A paragraph a page break cuts mid-sentence, as ``pdftotext`` writes a PDF's sentence
    that runs onto the next page, made one again, on the page it starts on: its first part
    alone read as a heading ('We will place volunteers in integrated neighbourhood'). A page
    number standing alone at a page's foot or head is passed over, and a paragraph may run
    over several pages."""
    open_at: tuple[int, int] | None = None  # (page, paragraph) that may go on
    for number, paragraphs in enumerate(pages):
        body = [at for at, paragraph in enumerate(paragraphs) if not _page_number(paragraph)]
        if open_at is not None and body:
            page, index = open_at
            last, first = pages[page][index], paragraphs[body[0]]
            if _runs_on(last, first):
                pages[page][index] = last._replace(
                    goes_on=(*last.goes_on, (number, tuple(first.lines)))
                )
                del paragraphs[body[0]]
                body = [at - 1 for at in body[1:]]
        if body:
            open_at = (number, body[-1])


def _runs_on(last: _Paragraph, first: _Paragraph) -> bool:
    """Whether ``first``, opening a page, goes on with the sentence ``last`` left open."""
    if any(p.heading or p.table or p.listed for p in (last, first)):
        return False
    end = (last.goes_on[-1][1] if last.goes_on else last.lines)[-1].rstrip()
    start = first.lines[0].lstrip()
    if not end or end[-1] in _ENDS_SENTENCE:
        return False
    return start[:1].islower() or end.split()[-1].casefold() in _RUNS_ON


# A page's number alone on its line, as pdftotext writes it: '3', 'Page 3', '3 of 12', '- 3 -',
# 'iv' (a well-formed roman numeral: not 'civil'); not a year ('2026').
_PAGE_NUMBER = re.compile(
    r"^\s*[-–—]?\s*(?:page\s+)?(?:\d{1,3}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\s*[-–—]?\s*$",
    re.IGNORECASE,
)


def _page_number(paragraph: _Paragraph) -> bool:
    return (
        not paragraph.heading
        and len(paragraph.lines) == 1
        and bool(_PAGE_NUMBER.match(paragraph.lines[0]))
    )


# What a paragraph a page break ends may end with: anything else goes on on the next page.
_ENDS_SENTENCE = frozenset(".!?:;")


class _Paragraph(NamedTuple):
    lines: list[str]
    # One entry of several lines that stand alone: not a heading, however short.
    entry: bool
    # One of the 'Name: what it means' entries a lead-in ending with a colon announces.
    listed: bool
    # The line of the file it starts on.
    line: int
    # Its level as a heading a line of '=' (1) or '-' (2) underlines; 0 for none.
    heading: int = 0
    # Rows of cells parted by tabs, as a spreadsheet or a Word table pasted as text has them.
    table: bool = False
    # Where a page break cuts it mid-sentence: each later page it goes on to (counted from
    # 0) and its lines there.
    goes_on: tuple[tuple[int, tuple[str, ...]], ...] = ()


# A line of '=' or '-' alone: an underline making the line above a heading (as Markdown
# has it), or a rule between paragraphs; never text.
_UNDERLINE = re.compile(r"^\s*(={3,}|-{3,})\s*$")
_MAX_UNDERLINED_LINES = 3


def _paragraphs(text: str, first: int = 1, unwrapped: bool = False) -> list[_Paragraph]:
    """Paragraphs split on blank lines and underlines, the text's first line being line
    ``first`` of the file; in an ``unwrapped`` file, on every line but between two rows of a
    table of tabs. 'Name: what it means' entries are listed where a lead-in ending
    with a colon ('Our priorities are:') stands straight above them or a blank line above:
    the lead-in is then a paragraph of its own, and the entries its list."""
    paragraphs: list[_Paragraph] = []
    current: list[str] = []
    start = first

    def close() -> None:
        if _tab_table(current):
            paragraphs.append(_Paragraph(current[:], False, False, start, table=True))
            current.clear()
            return
        lead = current[:1] if _leads_labelled_lines(current) else []
        above = paragraphs[-1] if paragraphs else None
        after_lead = bool(lead) or (
            above is not None
            and not above.heading
            and len(above.lines) == 1
            and above.lines[0].rstrip().endswith(":")
        )
        if lead:
            paragraphs.append(_Paragraph(lead, False, False, start))
        entries = separate_lines(current[len(lead) :])
        listed = after_lead and len(entries) > 1 and _all_labelled(entries)
        at = start + len(lead)
        for entry in entries:
            paragraphs.append(_Paragraph(entry, len(entries) > 1, listed, at))
            at += len(entry)
        current.clear()

    for number, line in enumerate([*text.split("\n"), ""], start=first):
        underline = _UNDERLINE.match(line)
        if underline and current and _underlined_heading(current):
            level = 1 if underline.group(1)[0] == "=" else 2
            if unwrapped and level == 1:
                start = _title_lines_above(paragraphs, current, start)
            paragraphs.append(_Paragraph(current[:], False, False, start, level))
            current.clear()
        elif line.strip() and not underline:
            if unwrapped and current and not _same_run(current[-1], line):
                close()
            start = start if current else number
            current.append(line)
        elif current:
            close()
    return paragraphs


def _same_run(above: str, line: str) -> bool:
    """Two lines of a paragraph-a-line file that still go together: rows of a table of tabs,
    or items of a list (each is split from the next as a wrapped file's are)."""
    if "\t" in above.strip() and "\t" in line.strip():
        return True
    return split_marker(above)[0] is not None and split_marker(line)[0] is not None


# Longer than anyone wraps text by hand, and prose (a dozen spaces at least): a paragraph
# written on one line, as Word and LibreOffice save a document as text.
_UNWRAPPED_LINE = 120
_PROSE_SPACES = 12


def _unwrapped(text: str) -> bool:
    """Whether the file holds a paragraph a line (a document saved as text), not paragraphs
    wrapped over lines: two lines of prose or more too long to have been wrapped by hand,
    nearly all ending a sentence (a wrapped line ends mid-sentence, however wide the file is
    wrapped), and next to none of the lines going on in lower case that a wrapped sentence's
    next line does. A table's rows ('|', or columns set by spaces) are no prose."""
    lines = text.split("\n")
    long = [line.rstrip() for line in lines if _long_prose(line)]
    if len(long) < 2:
        return False
    if sum(line.endswith(_SENTENCE_ENDS) for line in long) < _ENDING_SHARE * len(long):
        return False
    goes_on = sum(
        1
        for above, below in itertools.pairwise(lines)
        if above.strip() and not above.rstrip().endswith(":") and below.strip()[:1].islower()
    )
    return goes_on * 4 <= len(long)


_SENTENCE_ENDS = (".", "!", "?", ":", ".)", ".'", '."', ".’", ".”")
# Of the long lines, the share that end a sentence: most; a title or an address may not.
_ENDING_SHARE = 0.8


def _long_prose(line: str) -> bool:
    stripped = line.strip()
    return (
        len(line) > _UNWRAPPED_LINE
        and stripped.count(" ") >= _PROSE_SPACES
        and "|" not in stripped
        and "  " not in stripped
    )


# Three short lines in a row, in a file of a paragraph a line, are a table's cells saved one
# a line, a title page or a contents list: none of them heads the text below.
_SHORT_RUN = 3


def _in_runs_of_short_lines(paragraphs: list[_Paragraph]) -> set[int]:
    """The paragraphs (by position) that head nothing: in a run of three or more short
    lines (a name or a figure on a line of its own, not a list's item nor the end of a
    sentence), items of a list set a paragraph each ('1. Warm homes' / '2. Good jobs'), and
    lines with a tab."""
    short = [_short_line(paragraph) for paragraph in paragraphs]
    items = [_one_item(paragraph) for paragraph in paragraphs]
    # Lines set apart by blank lines are not a table's cells saved a line each: a title, a
    # heading and a sub-heading so set head what follows them.
    apart = [
        at > 0 and paragraphs[at - 1].line + len(paragraphs[at - 1].lines) < paragraph.line
        for at, paragraph in enumerate(paragraphs)
    ]
    # A line with a tab is a table's row or a contents entry and its page, set apart.
    rows = {at for at, p in enumerate(paragraphs) if any("\t" in x.strip() for x in p.lines)}
    return _runs(short, _SHORT_RUN, apart) | _runs(items, 2) | rows


def _runs(flags: list[bool], least: int, breaks: list[bool] | None = None) -> set[int]:
    """The positions in runs of ``least`` flags or more in a row (a ``breaks`` flag starts a
    new run)."""
    found: set[int] = set()
    start = 0
    for at in range(len(flags) + 1):
        if at < len(flags) and flags[at] and not (breaks and breaks[at] and at > start):
            continue
        if at < len(flags) and flags[at]:  # a break: the run so far ends, this one starts
            if at - start >= least:
                found.update(range(start, at))
            start = at
            continue
        if at - start >= least:
            found.update(range(start, at))
        start = at + 1
    return found


def _one_item(paragraph: _Paragraph) -> bool:
    return len(paragraph.lines) == 1 and split_marker(paragraph.lines[0])[0] is not None


def _short_line(paragraph: _Paragraph) -> bool:
    if len(paragraph.lines) != 1 or paragraph.table or paragraph.heading:
        return False
    line = paragraph.lines[0].strip()
    return (
        "\t" not in line  # a table's row, or a contents entry and its page
        and len(line.split()) <= _MAX_HEADING_WORDS
        and not line.endswith((".", ",", ";", ":", "!", "?"))
        and split_marker(line)[0] is None
    )


def _tab_cells(line: str) -> list[str]:
    # Blank cells are kept (a merged first cell, an empty last one): they hold a column.
    return [cell.strip() for cell in line.rstrip(" \r").split("\t")]


def _tab_table(lines: list[str]) -> bool:
    """Two lines or more, each of the same two cells or more parted by tabs: a table, whose
    cells were read run together as one paragraph ('Priority What we will do Lead ...') and
    quoted whole as a commitment. Not a list Word saved as text ('1.<tab>Tackling ...',
    '•<tab>...'): a first cell that is only a list's marker makes an item."""
    if len(lines) < 2 or not all("\t" in line.strip() for line in lines):
        return False
    rows = [_tab_cells(line) for line in lines]
    if any(split_marker(f"{row[0]} x")[0] is not None and len(row[0]) <= 4 for row in rows):
        return False
    counts = {len(row) for row in rows}
    return len(counts) == 1 and counts.pop() >= 2


def _title_lines_above(paragraphs: list[_Paragraph], current: list[str], start: int) -> int:
    """Where an underlined title starts in a paragraph-a-line file, which parts every line:
    the file's first lines, straight above its last with no blank line between, each short
    and none a sentence nor a bulleted item ('NHS Wenmoor ICB' above 'Joint Forward Plan:
    Summary' above '====='), are its lines, taken off ``paragraphs`` into ``current``; their
    first line's number. Only at the top: a signature or a caption above a heading later
    on is no part of it."""
    if not paragraphs or len(paragraphs) + len(current) > _MAX_UNDERLINED_LINES:
        return start
    expected = start
    for above in reversed(paragraphs):
        plain = not (above.entry or above.listed or above.heading or above.table)
        if not (plain and len(above.lines) == 1 and above.line == expected - 1):
            return start
        if not _underlined_heading(above.lines) or len(above.lines[0]) > _TITLE_LINE:
            return start
        expected = above.line
    current[:0] = [line for above in paragraphs for line in above.lines]
    paragraphs.clear()
    return expected


# Longer than a title's line: prose written on one line, which no heading takes in.
_TITLE_LINE = 120


def _underlined_heading(lines: list[str]) -> bool:
    """Whether the lines a line of '=' or '-' underlines are a heading: not a bulleted item,
    nor a paragraph that ends a sentence (a rule under it parts it from the next)."""
    ending = lines[-1].rstrip()
    return (
        len(lines) <= _MAX_UNDERLINED_LINES
        and split_marker(lines[0])[0] != "•"
        and not ending.endswith((".", ",", ";", ":"))
    )


def _all_labelled(entries: list[list[str]]) -> bool:
    return all(LABELLED_LINE.match(entry[0].strip()) for entry in entries)


def _leads_labelled_lines(lines: list[str]) -> bool:
    """'Our priorities are:' above two or more 'Name: what it means' lines."""
    labelled = [bool(LABELLED_LINE.match(line.strip())) for line in lines[1:]]
    return lines[0].rstrip().endswith(":") and bool(labelled) and labelled[0] and sum(labelled) >= 2


def _add_paragraph(
    builder: BlockBuilder,
    lines: list[str],
    may_be_heading: bool,
    page: int | None,
    width: int = 0,
    line: int | None = None,
) -> None:
    """``lines`` as blocks, the first on line ``line`` of the file and each next below."""
    at = line or 1
    if may_be_heading and len(lines) == 1 and _looks_like_heading(lines[0].strip()):
        builder.heading(lines[0], _heading_level(lines[0].strip()), page, line=at)
        return
    if may_be_heading and _heading_on_top(lines):
        builder.heading(lines[0], _heading_level(lines[0].strip()), page, line=at)
        lines, at = lines[1:], at + 1
    elif may_be_heading and _section_on_top(lines):
        builder.heading(lines[0], _level(builder, lines[0].strip()), page, line=at)
        lines, at = lines[1:], at + 1
    item_lines: list[str] = []
    nested = _bullets_between_numbers(lines)
    first_line = 0
    for index, text in enumerate(lines):
        marker, _ = split_marker(text)
        # '... for people over' / '65. We will ...' in a paragraph (not a list item): one
        # sentence. 'entitled to' / '2. Reach ...' under '1.' are two items.
        in_paragraph = bool(item_lines) and split_marker(item_lines[0])[0] is None
        if in_paragraph and number_goes_on(marker, item_lines[-1]):
            marker = None
        if marker and item_lines:
            _flush(builder, item_lines, page, width, at, first_line in nested)
            at += len(item_lines)
            item_lines, first_line = [], index
        item_lines.append(text)
    _flush(builder, item_lines, page, width, at, first_line in nested)


def _bullets_between_numbers(lines: list[str]) -> set[int]:
    """The lines of bullet items set between two items of one list at the same indent, as
    the second level of a list Word saved as plain text, which writes every level at the
    first's indent: between two numbers of one list ('2. Keep young people active' /
    'o Football clubs' / '3. Safe spaces'), or items opening with 'o' between two opening
    with another bullet ('• Warm homes' / 'o Insulation' / '• Jobs') or after the list's
    last item."""
    items = []
    for index, line in enumerate(lines):
        marker, _ = split_marker(line)
        if marker is not None:
            stripped = line.lstrip()
            items.append((index, marker, len(line) - len(stripped), stripped[:1]))
    nested: set[int] = set()
    tops = [k for k, (_, marker, _, glyph) in enumerate(items) if _top_level(marker, glyph)]
    for before, after in itertools.pairwise(tops):
        between = items[before + 1 : after]
        _, first, indent, glyph = items[before]
        _, second, indent_after, glyph_after = items[after]
        if not between or indent != indent_after or any(at != indent for *_, at, _ in between):
            continue
        numbers = first[:-1].isdigit() and second[:-1].isdigit()
        if numbers and int(second[:-1]) == int(first[:-1]) + 1:
            if all(marker == "•" for _, marker, _, _ in between):
                nested.update(index for index, *_ in between)
        elif not numbers and glyph == glyph_after and all(g == "o" for *_, g in between):
            nested.update(index for index, *_ in between)
    if tops:
        # After the last item of a list of one kind (numbers, or one bullet), its own 'o'
        # items: Word writes no other level so.
        _, _, indent, _ = items[tops[-1]]
        kinds = {"number" if m[:-1].isdigit() else g for _, m, _, g in (items[k] for k in tops)}
        trailing = items[tops[-1] + 1 :]
        if (
            len(kinds) == 1
            and trailing
            and all(g == "o" and at == indent for *_, at, g in trailing)
        ):
            nested.update(index for index, *_ in trailing)
    return nested


def _top_level(marker: str, glyph: str) -> bool:
    return marker[:-1].isdigit() or (marker == "•" and glyph != "o")


def _flush(
    builder: BlockBuilder,
    lines: list[str],
    page: int | None,
    width: int = 0,
    line: int = 1,
    nested: bool = False,
) -> None:
    marker, first = split_marker(lines[0])
    depth = 1 + (len(lines[0]) - len(lines[0].lstrip())) // 2 + nested
    if marker and _named_above_its_text(lines, first, width):
        if _SECTION_NUMBER.match(marker) and first[:1].isupper():
            # '4.1 Reducing reoffending' / 'We will ...': a section's number, as Word
            # numbers its headings, not an item of a list; read as a heading it is in the
            # other formats (a promise of its section's heading made it a commitment here).
            builder.heading(lines[0].strip(), _level(builder, lines[0].strip()), page, line=line)
            builder.add("paragraph", join_lines(lines[1:]), page, line=line + 1)
            return
        # '1. Tackle loneliness' / 'We will grow the peer support network ...': the item is
        # the name; the sentences under it are its text, not more of its name.
        builder.add("list_item", first.strip(), page, level=depth, marker=marker, line=line)
        builder.add("paragraph", join_lines(lines[1:]), page, line=line + 1)
        return
    text = join_lines([first, *lines[1:]])
    if marker:
        builder.add("list_item", text, page, level=depth, marker=marker, line=line)
    else:
        builder.add("paragraph", text, page, line=line)


_NARROWEST_WRAP = 40


def _line_width(text: str) -> int:
    """How wide the file's lines run: a line that stops well short of it was not wrapped.
    Nine lines in ten, not the longest: one long web address in a file wrapped at 75
    columns would make every wrapped line look short."""
    lengths = sorted(len(line.rstrip()) for line in text.splitlines() if line.strip())
    # At least 40: a file of short lines (contacts, a list of names) is not wrapped that
    # narrow.
    return max(lengths[(len(lengths) - 1) * 9 // 10], _NARROWEST_WRAP) if lengths else 0


def _named_above_its_text(lines: list[str], name: str, width: int) -> bool:
    """A numbered or bulleted name on a line of its own, its sentences on the lines below,
    flush left: not a wrapped item. A wrapped line runs to the file's width (the next word
    would not fit on it), ends mid-phrase, or goes on in lower case or indented."""
    if len(lines) < 2:
        return False
    below = lines[1]
    words = name.split()
    if not words or len(words) > 12 or name.rstrip()[-1] in ".,;:!?-–—":
        return False
    if words[-1].lower() in _RUNS_ON or below != below.lstrip() or not below[:1].isupper():
        return False
    if len(lines[0].rstrip()) + 1 + len(below.split()[0]) <= width:
        return lines[-1].rstrip().endswith((".", "!", "?"))
    return False


def _heading_on_top(lines: list[str]) -> bool:
    """'Our priorities' straight above its list, or 'What we will do' above its sentences,
    with no blank line between: a heading, not the start of a wrapped paragraph. A wrapped
    line is long, or ends mid-phrase ('Harrowdale Council and'), or runs on into a line that
    is not a whole sentence ('A Healthy and Greener' / 'Future for Everyone')."""
    if len(lines) < 2:
        return False
    first, second = lines[0].strip(), lines[1].strip()
    words = first.split()
    if len(words) > _MAX_TOP_HEADING_WORDS or words[-1].lower() in _RUNS_ON:
        return False
    if not _looks_like_heading(first) or split_marker(first)[0]:
        return False
    if split_marker(second)[0]:
        return True
    return second[:1].isupper() and lines[-1].rstrip().endswith((".", "!", "?"))


def _section_on_top(lines: list[str]) -> bool:
    """'4.1 Reducing reoffending' (a section's number, as Word numbers its headings) above its
    sentences or its list, with no blank line between: a heading, whatever follows it, so what
    follows is in its section. Not one of a run of such lines ('1.1 ...' / '1.2 ...'), which
    is a list numbered so."""
    if len(lines) < 2:
        return False
    first, second = lines[0].strip(), lines[1].strip()
    marker, name = split_marker(first)
    if marker is None or not _SECTION_NUMBER.match(marker) or not _looks_like_heading(first):
        return False
    # A name starts with a capital ('1.2 million people live here' is a figure), and what
    # follows starts anew: '2.1 Family hubs in every district' / 'will open by 2026' is one
    # item wrapped.
    if name[:1].islower() or not name[:1].isalpha():
        return False
    below, _ = split_marker(second)
    if below is not None and _SECTION_NUMBER.match(below):
        return False
    # Lower case goes on; a figure, a quote mark or '£' starts a sentence of its own.
    if below is None and second[:1].islower():
        return False
    words = name.split()
    return bool(words) and words[-1].lower() not in _RUNS_ON


_MAX_HEADING_WORDS = 12


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or line[-1] in ".,;:!?)\"'’”":
        return False
    if split_marker(line)[0] == "•":
        return False
    return bool(_NUMBERED_HEADING.match(line)) or line.isupper() or line[0].isupper()


def _level(builder: BlockBuilder, line: str) -> int:
    """A section-numbered heading's level ('4.1 Reducing reoffending'), in its trail."""
    return builder.numbered_level(split_marker(line)[0] or "", _heading_level(line))


def _heading_level(line: str) -> int:
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        return numbered.group(1).count(".") + 1
    return 1 if line.isupper() else 2
