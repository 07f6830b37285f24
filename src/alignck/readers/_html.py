"""HTML blocks in Markdown, as web-exported strategies have them (a council's page saved as
Markdown keeps its <ul>, <table> and <h2>), rewritten as the Markdown they stand for, so the
Markdown reader sees list items, table rows and headings rather than one run of text.

A block starts at a line opening with a block-level tag, or at a struck or hidden inline
element's tag alone on a line after a blank one, and ends at a blank line, as CommonMark
reads HTML blocks. What a reader does not see is passed over: struck, deleted and hidden
elements, and where a block leaves one open, the lines up to the one that closes it (within
200 lines; one left open further is read). Entities are decoded; other tags are left to the
reader's inline pass, which drops them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_START = re.compile(
    r"^ {0,3}</?(?:ul|ol|li|table|thead|tbody|tr|td|th|h[1-6]|p|div|section|article|dl|dt|dd"
    r"|blockquote)(?:[\s/>]|$)",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^\s*(```|~~~)")
# An inline element's tag alone on its line opens an HTML block too (CommonMark's seventh
# kind): '<del>', a blank line, a paragraph, '</del>' strikes the paragraph through.
_TAG_ALONE = re.compile(r"^ {0,3}</?(?:del|s|strike|span)(?:\s[^<>]*)?>\s*$", re.IGNORECASE)
VOID_TAGS = frozenset(["br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"])
# What a page's head holds; any other element starts its body, whether or not it says so.
_HEAD_CONTENT = frozenset(["title", "meta", "link", "style", "script", "base", "noscript"])
_TAKEN_OUT = frozenset(["del", "s", "strike"])


def unseen_element(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a reader does not see the element (``tag`` and attribute names in lower
    case): struck through, deleted or hidden."""
    if tag in _TAKEN_OUT:
        return True
    # A tab's panel and 'hidden="until-found"' (an accordion's body) are hidden until the
    # reader opens them: they are the page's text, one click away.
    opened = any(name == "role" and value == "tabpanel" for name, value in attrs)
    for name, value in attrs:
        if name == "hidden" and not opened and (value or "").strip().lower() != "until-found":
            return True
        if name == "style" and value and re.search(r"display\s*:\s*none", value, re.IGNORECASE):
            return True
    return False


def html_blocks_to_markdown(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """``lines`` with each HTML block replaced by its Markdown; fenced code is left alone.
    ``numbers`` are the lines' own numbers in the file, and the numbers of the lines
    returned with them: a converted line's is the one its element starts on."""
    out: list[str] = []
    out_numbers: list[int] = []
    index = 0
    in_fence = False
    # Lines looked through for unseen elements' ends, over the whole file: bounded, so a
    # file of openers that nothing closes is read as text in one pass.
    budget = [_SEARCH_BUDGET]
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        # A tag alone on its line cannot interrupt a paragraph (CommonMark): a stray
        # '</span>' under 'Our priorities are:' is text, and the list after it a list.
        alone = _TAG_ALONE.match(line) and (index == 0 or not lines[index - 1].strip())
        if in_fence or not (_BLOCK_START.match(line) or alone):
            out.append(line)
            out_numbers.append(numbers[index])
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        converted, starts, left_open = _markdown_of("\n".join(lines[index:end]))
        if not out or not out[-1].strip():
            # After a blank line, a block at the margin ends the lists open before it, as
            # CommonMark reads it: a line indented four spaces after '<div hidden>...</div>'
            # is code, not an item of the list above. A rule line, at the block's own
            # indent, says so to the parser and shows nothing.
            # A blank line after it: a first converted line of dashes or equals ('<p>---</p>')
            # would make the rule a setext heading '*'.
            out.extend((line[: len(line) - len(line.lstrip())] + "***", ""))
            out_numbers.extend((numbers[index], numbers[index]))
        out.extend(converted)
        out_numbers.extend(numbers[index + min(start, end - index - 1)] for start in starts)
        out.append("")
        out_numbers.append(numbers[end - 1])
        index = end
        # A paragraph left open is closed by the next one: the Markdown after it shows.
        if left_open and left_open != "p":
            # '<div hidden>', a blank line, Markdown, '</div>': a browser hides the Markdown
            # between too. Passed over to the line that closes it; left open, read.
            closed = _closing_line(lines, index, left_open, budget)
            if closed is not None:
                index = closed + 1
    return out, out_numbers


def _markdown_of(html: str) -> tuple[list[str], list[int], str | None]:
    """The block's Markdown, the line of the block (from 0) each of its lines starts on,
    and the name of an unseen element it leaves open, if any."""
    parser = ToMarkdown()
    parser.feed(html)
    parser.close()
    parser.end_line()
    return parser.lines, parser.starts, parser.unseen[0] if parser.unseen else None


# How many lines an unseen element left open by its block may hide before it closes, and
# how many characters a file's search for such ends may look through in all.
_MAX_UNSEEN_LINES = 200
_SEARCH_BUDGET = 2_000_000
_CODE_SPAN = re.compile(r"`[^`]*`")


def _closing_line(lines: list[str], start: int, tag: str, budget: list[int]) -> int | None:
    """The index of the line from ``start`` on that closes an element ``tag`` left open
    (elements of its name opened on the way nest); None when none does."""
    pattern = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
    depth = 1
    in_fence = False
    # Looked for within a bound, in lines and in characters over the file: a file of
    # unclosed openers would otherwise cost each of them a pass over the rest.
    for index in range(start, min(len(lines), start + _MAX_UNSEEN_LINES)):
        line = lines[index]
        budget[0] -= len(line) + 1
        if budget[0] < 0:
            return None
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue  # a tag in code is shown, not markup
        for found in pattern.finditer(_CODE_SPAN.sub("", line)):
            depth += -1 if found.group(1) else 1
            if depth == 0:
                return index
    return None


# Characters of a page's text that the Markdown parser would read as markup, written as the
# entities it decodes once the markup is read: a page's '5*' or 'A&lt;B' stays as shown.
_AS_TEXT = str.maketrans(
    {c: f"&#{ord(c)};" for c in "&<>*_`[]~^|\\#"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)


# Characters a page types as a paragraph's bullet ('•' the Markdown reader knows already).
_TYPED_BULLETS = frozenset("·▪◦‣")
# Elements that part the text around them as paragraphs do.
_BLOCKS = ("p", "div", "section", "article", "dt", "dd", "blockquote", "details")


def within_passed_over(open_elements: list[str], tag: str, opening: bool) -> bool:
    """Keep ``open_elements``, the elements open inside one passed over (it first), up to
    date with a tag; True when the tag is within it, False when it is not (none is open, or
    the tag ends it). An end tag closes what is open down to its element, as a browser
    closes what a page left open inside it; one the page left out ends where a browser ends
    it ('<li hidden>Old<li>Jobs' shows 'Jobs', its nested list's items staying hidden)."""
    if not open_elements:
        return False
    root = open_elements[0]
    if opening:
        # A paragraph or a head holds no block or body element, whatever is open inside it.
        if root in ("p", "head") and ends_left_open(root, tag, opening=True):
            open_elements.clear()
            return False
        ended = _ended_item(open_elements, tag)
        if ended is not None:
            del open_elements[ended:]
            if not open_elements:
                return False
        # Past this depth the page is a pathological one: its elements are not followed
        # further (each end tag is looked for in the stack, and a deep one made that slow).
        if tag not in VOID_TAGS and len(open_elements) < _DEEPEST:
            open_elements.append(tag)
        return True
    if tag in open_elements:
        while open_elements.pop() != tag:
            pass
        return True
    if ends_left_open(root, tag, opening=False):
        open_elements.clear()
        return False
    return True


# How deep within an element passed over its open elements are followed.
_DEEPEST = 256
# The items a start tag ends when one is open (their end tags left out), and the elements
# that bound the search for one: an item of a list nested in it is not its.
_ITEMS = {
    "li": (frozenset(["li"]), frozenset(["ul", "ol", "table"])),
    "dt": (frozenset(["dt", "dd"]), frozenset(["dl", "table"])),
    "dd": (frozenset(["dt", "dd"]), frozenset(["dl", "table"])),
    "td": (frozenset(["td", "th"]), frozenset(["table"])),
    "th": (frozenset(["td", "th"]), frozenset(["table"])),
    "tr": (frozenset(["tr", "td", "th"]), frozenset(["table"])),
}


def _ended_item(open_elements: list[str], tag: str) -> int | None:
    """Where in ``open_elements`` the item that ``tag`` (a start tag) ends stands, with
    what is open inside it: a new list item ends the open one, whatever inline element is
    still open in it."""
    found = _ITEMS.get(tag)
    if found is None:
        return None
    items, bounds = found
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index] in items:
            return index
        if open_elements[index] in bounds:
            return None
    return None


def ends_left_open(element: str, tag: str, opening: bool) -> bool:
    """Whether ``tag`` (a start tag if ``opening``, else an end tag) ends an open ``element``
    whose end tag HTML lets a page leave out: a paragraph at the next block, a list item at
    the next item or its list's end, a cell at the next cell or its row's or table's end, a
    head at the first element of the body."""
    if element == "p":
        return _BLOCK_START.match(f"<{tag}>") is not None
    if element == "head":
        return opening and tag not in _HEAD_CONTENT and tag != "head"
    if element == "li":
        return tag == "li" if opening else tag in ("ul", "ol")
    if element in ("dt", "dd"):
        return tag in ("dt", "dd") if opening else tag == "dl"
    if element in ("td", "th"):
        return tag in ("td", "th", "tr") if opening else tag in ("tr", "table")
    if element == "tr":
        return tag == "tr" if opening else tag in ("table", "tbody", "thead", "tfoot")
    return False


def _heading_level(tag: str, attrs: list[tuple[str, str | None]]) -> int:
    """The heading level an element stands for: h1-h6, or role="heading" with its
    aria-level (2 where none is given, as the ARIA specification has it); 0 for none."""
    if re.fullmatch(r"h[1-6]", tag):
        return int(tag[1])
    found = dict(attrs)
    if (found.get("role") or "").strip().lower() != "heading":
        return 0
    level = _number(found.get("aria-level"))
    return min(level, 6) if level else 2


def _symbol_font(attrs: list[tuple[str, str | None]]) -> bool:
    style = dict(attrs).get("style") or ""
    return re.search(r"font-family\s*:\s*['\"]?(?:symbol|wingdings)", style, re.I) is not None


def _first_number(attrs: list[tuple[str, str | None]]) -> int:
    return _number(dict(attrs).get("start")) or 1


def _number(value: str | None) -> int | None:
    """An attribute's whole number; None for none, or for one too long to be a list's."""
    value = (value or "").strip()
    return int(value) if value.isdecimal() and len(value) <= 9 else None


class ToMarkdown(HTMLParser):
    """HTML as the Markdown it stands for. ``page``: a whole web page rather than a block
    in a Markdown file, so its text is text (markup characters escaped) and its bold is kept,
    as the Markdown reader needs it for run-in labels ('**Housing:** We will ...')."""

    def __init__(self, page: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        # Where each open bold element's text starts in ``line``.
        self.bold: list[int] = []
        self.lines: list[str] = []
        # The line of the block (from 0) each of ``lines`` starts on, and the current one's.
        self.starts: list[int] = []
        self.start: int | None = None
        self.line = ""
        self.prefix = ""
        self.lists: list[str] = []  # 'ul' or 'ol', innermost last
        # Each open list's next number (an 'ol' counts from its start attribute).
        self.numbers: list[int] = []
        self.row: list[str] | None = None
        self.rows_written = 0
        self.cell: list[str] | None = None
        # Tables open inside the current cell: their cells are its text.
        self.inner_tables = 0
        # The elements open that make a heading (h1-h6, or role="heading"), innermost last.
        self.headings: list[str] = []
        # A page's inline elements open, each with where its text starts in ``line`` and
        # what it is: a span in a Symbol or Wingdings font (Word's bullet), a span in a
        # heading, a heading's permalink.
        self.inline: list[tuple[str, int, str]] = []
        # A heading's part has just ended: the next text, if it opens with a capital, is
        # another line of the heading as shown, parted by a space.
        self.apart = False
        self.apart_digit = False
        # The definition list's term or definition open ('dt', 'dd'), if any.
        self.definition: str | None = None
        # The elements being passed over, innermost last: struck through, deleted or hidden
        # ('<del>', '<p hidden>', style="display: none"), which a reader does not see.
        self.unseen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if within_passed_over(self.unseen, tag, opening=True):
            return
        if tag not in VOID_TAGS and self.passed_over(tag, attrs):
            self.unseen.append(tag)
            return
        if self.cell is not None and self._within_cell(tag, opening=True):
            return
        level = _heading_level(tag, attrs)
        if self.page and self._page_starttag(tag, attrs):
            return
        if self.page and tag in ("b", "strong") and self.cell is None:
            self.bold.append(len(self.line))
        elif tag == "sup":
            # Left to the inline pass, which tells a note's mark from a unit ('m²').
            self._markup("<sup>")
        elif tag in ("ul", "ol"):
            self.end_line()
            if not self.lists:
                # A list is a block of its own: 'Our priorities are:' over '<ol start="3">'
                # is a lead-in and its list, not one paragraph (an item numbered other than
                # 1 cannot interrupt a paragraph in Markdown).
                self._append("")
            self.lists.append(tag)
            self.numbers.append(_first_number(attrs))
        elif tag == "li":
            self.end_line()
            depth = max(len(self.lists) - 1, 0)
            marker = "-"
            if self.lists and self.lists[-1] == "ol":
                # '<li value="4">' numbers its item, and those after count on from it.
                value = _number(dict(attrs).get("value"))
                if value is not None:
                    self.numbers[-1] = value
                # Past three digits the Markdown reader sees no item: a bullet stands in.
                marker = f"{self.numbers[-1]}." if 0 <= self.numbers[-1] <= 999 else "-"
                self.numbers[-1] += 1
            self.prefix = "  " * depth + marker + " "
            self._starts_here()
        elif level:
            if self.headings and re.fullmatch(r"h[1-6]", tag):
                self._end_heading()  # a browser closes an open heading at the next one
            self.end_line()
            self.prefix = "#" * level + " "
            self.headings.append(tag)
            self._starts_here()
        elif tag == "table":
            self.end_line()
            self.rows_written = 0
        elif tag == "tr":
            self._end_row()
            self.end_line()
            self.row = []
            self._starts_here()
        elif tag in ("td", "th"):
            self.cell = []
            self.inner_tables = 0
        elif tag == "br" and self.headings:
            self.line += " "  # a heading set on two lines is one heading
        elif tag in _BLOCKS or tag == "br":
            # '<li><p>Housing</p></li>': the paragraph is the item's text, marker and all.
            self.end_line(keep_prefix=True)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if within_passed_over(self.unseen, tag, opening=False):
            return
        if self.cell is not None and self._within_cell(tag, opening=False):
            return
        if self.page and self._page_endtag(tag):
            return
        if self.page and tag in ("b", "strong") and self.cell is None:
            self._embolden()
        elif tag == "sup":
            self._markup("</sup>")
        elif tag in ("ul", "ol"):
            self.end_line()
            if self.lists:
                self.lists.pop()
                self.numbers.pop()
                if not self.lists:
                    # What follows a list is not its last item's ('</ol><p>We will also').
                    self._append("")
        elif tag in ("td", "th") and self.cell is not None:
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self.end_line()
            self._append("")
        elif self.headings and (
            tag == self.headings[-1]
            or (re.fullmatch(r"h[1-6]", tag) and re.fullmatch(r"h[1-6]", self.headings[-1]))
        ):
            self._end_heading()
        elif tag == "li" or tag in _BLOCKS or re.fullmatch(r"h[1-6]", tag):
            self.end_line()
            if self.page and self.lists:
                pass  # in a list item, its blocks are its text: a blank line would end the list
            elif tag == "p" or (self.page and tag in _BLOCKS):
                # A paragraph stands apart from what follows; so does any block of a page
                # ('<div>We will ...</div>' then an accordion's next name).
                self._append("")

    def _end_heading(self) -> None:
        self.headings.pop()
        self.end_line()
        self._append("")  # a heading stands apart from what follows

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()).replace("|", "\\|"))
        self.cell = None

    def _end_row(self) -> None:
        """Write the row being read, if any (a row's end tag may be left out)."""
        self._end_cell()
        if self.row is not None:
            self._write_row(self.row)
            self.row = None

    def _within_cell(self, tag: str, opening: bool) -> bool:
        """Inside a table's cell, what its tags stand for: a paragraph, a line break or a
        list in the cell is a space in its text (a blank line there ended the table, and the
        row under 'Priority' was lost), a table in it is more of its text. True when the
        tag is dealt with."""
        assert self.cell is not None
        if not self.inner_tables and (
            tag in ("td", "th", "tr") or (tag == "table" and not opening)
        ):
            if opening:
                self._end_cell()  # the page left its end tag out, as HTML allows
            return False  # the cell ends
        if tag == "table":
            self.inner_tables += 1 if opening else -1
            self.cell.append(" ")
            return True
        if tag in ("b", "strong", "sup"):
            return False
        self.cell.append(" ")
        return True

    def _page_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """A whole page's own cases; True when the tag is dealt with."""
        if tag in ("dt", "dd"):
            # A term or definition left open ends at the next, as a browser ends it.
            self._end_definition()
            self.definition = tag
        if tag in ("summary", "dt"):
            # An accordion's or a definition list's name stands alone, bold, as a name
            # over the text it opens does in Markdown.
            self.end_line()
            self.bold = [0]
            self._starts_here()
            return True
        if tag == "span" and not self.line.strip() and not self.prefix and _symbol_font(attrs):
            self.inline.append((tag, len(self.line), "glyph"))
            return True
        if tag == "span" and self.headings:
            self.inline.append((tag, len(self.line), "part"))
            return True
        if tag == "a" and self.headings:
            self.inline.append((tag, len(self.line), "link"))
            return True
        if self.inline and tag == self.inline[-1][0]:
            self.inline.append((tag, len(self.line), "other"))
        return False

    def _end_definition(self) -> None:
        """End the term (bold, standing alone) or definition open, if any."""
        if self.definition == "dt":
            self._embolden()
        if self.definition is not None:
            self.end_line()
            self._append("")
        self.definition = None

    def _page_endtag(self, tag: str) -> bool:
        if tag in ("dt", "dd", "dl"):
            self._end_definition()
            return tag != "dl"
        if tag == "summary":
            self._embolden()
            self.end_line()
            self._append("")
            return True
        if not (self.inline and tag == self.inline[-1][0]):
            return False
        _, start, kind = self.inline.pop()
        inner = self.line[start:] if start <= len(self.line) else ""
        shown = inner.replace("\xa0", " ").strip()
        if kind == "glyph" and len(shown) == 1 and not shown.isalnum():
            # Word's 'Web Page' bullet: a Symbol-font '·' then spaces, before the item.
            self.line = self.line[:start]
            self.prefix = "- "
        elif kind == "link" and shown and not any(c.isalnum() for c in shown):
            self.line = self.line[:start]  # a heading's permalink ('¶', '#')
        elif kind == "part" and len(shown) > 1 and shown[-1].isalnum():
            # A caption or number set apart from the heading's words ('Priority 1' then
            # 'Warm homes', each shown on its own line by the page's style): parted from
            # what follows if that opens a new word ('Decarbon' 'isation' is one).
            self.apart = True
            # 'Priority 1' then '2030 target': two numbers, parted ('CO' then '2' is one).
            self.apart_digit = shown[-1].isdigit()
        return True

    def passed_over(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element is not read, with what it holds."""
        return unseen_element(tag, attrs)

    def _embolden(self) -> None:
        """'**' around the text since the bold element opened, if it is still on this line
        and holds words; spaces stay outside, where Markdown needs them."""
        if not self.bold:
            return
        start = self.bold.pop()
        inner = self.line[start:] if start <= len(self.line) else ""
        if not inner.strip() or "*" in inner:
            return
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        self.line = self.line[:start] + lead + "**" + inner.strip() + "**" + trail

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """'<![CDATA[ ... ]]>' or a stray '<![x[': passed over as a browser passes over such
        a section in HTML (a comment), where the standard parser stopped the whole file
        with an AssertionError."""
        end = self.rawdata.find("]]>", i + 3)
        if end >= 0:
            return end + 3
        end = self.rawdata.find(">", i + 3)
        return end + 1 if end >= 0 else -1

    def _markup(self, text: str) -> None:
        """Markup for the Markdown reader's inline pass, as written (never escaped)."""
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.line += text

    def handle_data(self, data: str) -> None:
        if self.unseen:
            return
        if self.page:
            data = data.translate(_AS_TEXT)
            if self.apart and (data[:1].isupper() or (self.apart_digit and data[:1].isdigit())):
                data = " " + data
            if data.strip():
                self.apart = False
        if self.cell is not None:
            self.cell.append(data)
        else:
            if self.start is None and data.strip():
                # Where its words start: past the line breaks that lead up to them.
                leading = data[: len(data) - len(data.lstrip())]
                self.start = self.getpos()[0] - 1 + leading.count("\n")
            self.line += data

    def _starts_here(self) -> None:
        self.start = self.getpos()[0] - 1

    def _append(self, line: str) -> None:
        self.lines.append(line)
        self.starts.append(self.start if self.start is not None else self.getpos()[0] - 1)

    def end_line(self, keep_prefix: bool = False) -> None:
        """Write the line so far; ``keep_prefix``: a list item's or heading's marker waits
        for text if there is none yet."""
        text = " ".join(self.line.split())
        typed = text[:1] in _TYPED_BULLETS and text[1:2] == " "
        if self.page and typed and not self.prefix and not self.lists:
            # A bullet typed as a character ('·' then spaces, as Word's 'Web Page' writes
            # one in the body's font): a list item, as a '•' is in Markdown.
            self.prefix, text = "- ", text[2:]
        if text:
            self._append(self.prefix + text)
        if text or not keep_prefix:
            self.prefix = ""
        self.line = ""
        self.start = None
        self.bold = [0] * len(self.bold)
        self.inline = []  # inline elements do not run on past a line
        self.apart = False

    def _write_row(self, cells: list[str]) -> None:
        if not cells:
            return
        self._append("| " + " | ".join(cells) + " |")
        if self.rows_written == 0:
            self._append("|" + "---|" * len(cells))
        self.rows_written += 1
        self.start = None
