"""Markdown reader: ATX and setext headings, nested bullet and numbered lists, tables, paragraphs.

A small line-based parser rather than a Markdown library: alignck needs the block structure and
the words, not HTML, and strategies written in Markdown use only the common constructs. HTML
comments, front matter and code blocks are dropped; HTML blocks (lists, tables, headings) are
read as the Markdown they stand for; inline markup is reduced to its text, entities decoded,
a code span's text kept as written.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from alignck.model import Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._html import html_blocks_to_markdown, unseen_element
from alignck.readers._text import (
    bold_goes_on,
    join_lines,
    marks_a_note,
    read_text,
    separate_lines,
    without_glyph,
)

VERSION = "19"
PSEUDO_HEADING_LEVEL = 3

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_ITEM = re.compile(r"^(\s*)([-*+•]|\d{1,3}[.)]|[a-zA-Z][.)])\s+(.*)$")
# Pandoc's and MkDocs' attributes closing a heading ('Our priorities {#priorities}').
# Attributes parted by spaces, an unquoted value holding no '=' or brace: each piece of the
# line can be read one way only (allowed to run together, '{a=a=a=...' took minutes).
_HEADING_ATTRIBUTE = r"""(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}=]+))"""
_HEADING_ATTRIBUTES = re.compile(
    rf"\s+\{{\s*{_HEADING_ATTRIBUTE}(?:\s+{_HEADING_ATTRIBUTE})*\s*\}}\s*$"
)
# Lines that mark, not say: a Pandoc fenced div's fence (':::'), a GitHub alert's type
# ('> [!IMPORTANT]'), an abbreviation's definition ('*[NEET]: Not in education ...').
_MARKUP_LINE = re.compile(
    r"^\s*(?::{3,}.*|\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*|\*\[[\w&.-]{1,20}\]:\s.*[^*])$",
    re.IGNORECASE,
)
_PSEUDO_HEADING = re.compile(r"^\s{0,3}(\*\*|__)(?=\S)([^*_]{1,80}?)(?<=\S)\1\s*$")
# "**Warm homes.** We will ...": a bold phrase that opens a paragraph and is followed by more.
_RUN_IN = re.compile(r"^\s*(\*\*|__)(?=\S)(?P<lead>[^*_]{1,100}?)(?<=\S)\1\s*[.:–—-]*\s*\S")
# Four spaces or a tab before a line outside a paragraph or a list: an indented code block.
_INDENTED_CODE = re.compile(r"^ {0,3}(?:\t| {4})")
# CommonMark: a fence of three or more backticks or tildes; it closes at a fence of the same
# character, as long at least, with nothing after it (a line '```python' inside a block
# fenced by four, or by three, closes nothing).
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
# A cell ends at a pipe, unless escaped: GitHub reads 'Mental health \| wellbeing' as one cell.
_CELL_END = re.compile(r"(?<!\\)\|")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A footnote's definition ('[^1]: ...') is not read, as Word's and a PDF's footnotes are not.
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")
# A link's definition ('[hp]: https://... "Title"') is shown nowhere: its title was quoted.
_LINK_TITLE = re.compile(r"""^\s+(?:"[^"]*"|'[^']*'|\([^)]*\))\s*$""")
_LINK_DEFINITION = re.compile(
    r"^ {0,3}\[[^\]]{1,999}\]:\s*\S+(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$"
)
# '- [ ] We will ...': a task list's box is not part of the item.
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")
# Bounded in length, not in pieces: 2,000 pieces of 2,000 characters each took 11 s a
# megabyte of hostile text, every '[' before it a fresh start.
_TARGET = r"[^()]{0,2000}(?:\([^()]{0,200}\)[^()]{0,200}){0,5}"
# Each construct spans at most 1,000 characters: an opener with no closer ('*a **a *a ...')
# was sought to the end of the paragraph from every opener, so 280 kB took 100 s to read.
_INLINE = [
    # A footnote's mark ('by 2027.[^1]') is not part of the sentence, nor Pandoc's note
    # written in place ('^[Priority 9 was dropped in 2024.]').
    (re.compile(r"\[\^[^\]\s]{1,1000}\]"), ""),
    (re.compile(r"\^\[[^\[\]]{0,1000}\]"), ""),
    # A target of any length where it is data ('data:image/png;base64,...' can be megabytes);
    # parentheses in pairs within it, as CommonMark allows ('.../Social_prescribing_(UK)').
    (re.compile(rf"!\[([^\]]{{0,1000}})\]\((?:data:[^)]*|{_TARGET})\)"), ""),
    (re.compile(rf"\[([^\]]{{1,1000}})\]\((?:data:[^)]*|{_TARGET})\)"), r"\1"),
    (re.compile(r"\[([^\]]{1,1000})\]\[[^\]]{0,1000}\]"), r"\1"),
    # An autolink is its address; a line break, a space between the words it parts.
    (re.compile(r"<((?:https?|mailto|ftp):[^>\s]{1,1000})>", re.IGNORECASE), r"\1"),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
    # Tags only: 'under <18 weeks ... and >95% seen' is text.
    (re.compile(r"</?[A-Za-z][\w-]{0,1000}(?:\s[^<>\n]{0,1000})?/?>"), ""),
    (re.compile(r"(\*\*|__)(.{1,1000}?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.{1,1000}?)(?<!\s)\1(?![\w*])"), r"\2"),
    # CommonMark: a backslash before any ASCII punctuation shows that character ('5\%').
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),
]


def read(path: Path, options: ReadOptions | None = None) -> Document:
    text, warning = read_text(path, options)
    builder = BlockBuilder(str(path), (options or ReadOptions()).limits)
    parse_lines(*_prepare(text), builder)
    warnings = (warning,) if warning else ()
    return Document(str(path), "markdown", builder.build(), None, warnings)


# Text struck through, deleted or hidden is not what the document says now: 'We will
# ~~not~~ build' builds, and a hidden span's promise was quoted as a commitment.
# The struck text cannot run past another '~~': each opener looks no further than the next.
_STRUCK = re.compile(r"~~(?=\S)((?:(?!~~).){1,1000}?)(?<=\S)~~")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][\w-]{0,20})(\s[^<>]{0,1000})?>")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_SUPERSCRIPT = re.compile(r"<sup>\s{0,9}([\d*†‡§,\s]{1,20}?)\s{0,9}</sup>", re.IGNORECASE)


def _unseen(tag: str, attributes: str) -> bool:
    """As the HTML block reader tells it, from the attributes as written in the tag."""
    found = [(name.lower(), value) for name, value in _ATTRIBUTE.findall(attributes)]
    return unseen_element(tag.lower(), found)


def _without_unseen_elements(text: str) -> str:
    """The text without the elements a reader does not see, nested ones whole. Each tag is
    found once and elements are matched by name with a stack, so text full of unclosed or
    nested tags costs one pass (a search for each opener's end took 24 s on 150 kB of
    '<s>')."""
    if "<" not in text:
        return text
    regions = _unseen_regions(text)
    if not regions:
        return text
    out, position = [], 0
    for start, end in regions:
        if start >= position:
            out.append(text[position:start])
            position = end
    return "".join(out) + text[position:]


# An element ending further than this from its start is not taken out: a tag left open
# would otherwise take the rest of a paragraph with it.
_MAX_UNSEEN = 2000


def _unseen_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each unseen element, outermost first in text order."""
    open_by_name: dict[str, list[tuple[int, bool]]] = {}
    regions = []
    for found in _ANY_TAG.finditer(text):
        closing, name = found.group(1) == "/", found.group(2).lower()
        stack = open_by_name.setdefault(name, [])
        if not closing:
            stack.append((found.start(), _unseen(name, found.group(3) or "")))
        elif stack:
            start, unseen = stack.pop()
            if unseen and found.end() - start <= _MAX_UNSEEN:
                regions.append((start, found.end()))
    regions.sort()
    return regions


def _without_marks(text: str) -> str:
    def mark(found: re.Match[str]) -> str:
        symbols = not any(c.isdigit() for c in found.group(1))
        noted = symbols or marks_a_note(found.string[max(0, found.start() - 5) : found.start()])
        return "" if noted else found.group(1).strip()

    return _SUPERSCRIPT.sub(mark, text) if "<" in text else text


def _as_shown(text: str) -> str:
    """What a reader sees: struck, deleted and hidden text gone."""
    return _without_marks(_without_unseen_elements(_STRUCK.sub("", text)))


# A code span shows its text as written: a tag, an entity, an asterisk or a backslash in it is
# text, not markup ('`<b>x</b>`' lost its tags). As CommonMark has it, a run of backticks
# (not escaped) opens it and a run of as many closes it; a space just inside each end goes.
_CODE_SPAN = re.compile(r"(?<![`\\])(`{1,10})(?!`)(.{1,1000}?)(?<!`)\1(?!`)")
# Each span stands in the text as one character of a private-use plane while the markup
# around it is read, then is put back: no pattern for markup matches such a character.
_SPAN_BASE = 0xF0000
_SPAN_PLACE = re.compile("[\U000f0000-\U000ffffd]")
_MAX_SPANS = 0xFFFD


def _code_spans_set_aside(text: str) -> tuple[str, list[str]]:
    """``text`` with each code span's place held by one character, and the spans' texts."""
    if "`" not in text or _SPAN_PLACE.search(text):
        return text, []  # a file that holds such characters itself: read as before
    spans: list[str] = []

    def hold(found: re.Match[str]) -> str:
        if len(spans) >= _MAX_SPANS:
            return found.group()
        shown = found.group(2)
        if len(shown) > 2 and shown[0] == shown[-1] == " " and shown.strip():
            shown = shown[1:-1]
        spans.append(shown)
        return chr(_SPAN_BASE + len(spans) - 1)

    return _CODE_SPAN.sub(hold, text), spans


def inline_text(text: str) -> str:
    text, spans = _code_spans_set_aside(text)
    text = _as_shown(text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    # After the tags are gone: '&lt;b&gt;' is text, not a tag. ('A&amp;E' was quoted raw.)
    text = html.unescape(text) if "&" in text else text
    if spans:
        text = _SPAN_PLACE.sub(lambda found: spans[ord(found.group()) - _SPAN_BASE], text)
    return text


_MAX_NAME_WORDS = 10
# A wrapped line stops on a word that needs the next line: 'Work with partners across'.
_UNFINISHED_LINE = re.compile(
    r"\b(?:a|an|the|and|or|of|to|for|with|that|which|in|on|by|our|their|across|from)$",
    re.IGNORECASE,
)


def _name_line(item_lines: list[str]) -> str | None:
    """'1. A more sustainable borough' / 'We are committed to ...' on the next line: an item's
    name on a line of its own, then what it means."""
    lines = [line.strip() for line in item_lines if line.strip()]
    if len(lines) < 2 or not lines[1][:1].isupper():
        return None
    first = lines[0]
    if first.endswith((".", ",", ";", ":", "!", "?")) or _UNFINISHED_LINE.search(first):
        return None
    return inline_text(first) if len(first.split()) <= _MAX_NAME_WORDS else None


def _run_in(raw: str) -> str | None:
    match = _RUN_IN.match(raw)
    if match is None:
        return None
    following = raw[match.end("lead") + len(match.group(1)) :]
    return (
        None if bold_goes_on(match.group("lead"), following) else inline_text(match.group("lead"))
    )


def _prepare(text: str) -> tuple[list[str], list[int]]:
    """The lines the parser reads, and the number of the file's line each one starts on."""
    # A form feed (a page break some tools write) is a space: before '## Our priorities' it
    # hid the heading, and the sections of what followed were wrong.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ")
    lines, numbers = _uncommented_lines(text)
    # Front matter, YAML ('---') or TOML ('+++'): the site's settings, not the document.
    fence = lines[0].strip() if lines else ""
    if fence in ("---", "+++"):
        ends = ("---", "...") if fence == "---" else ("+++",)
        for index in range(1, len(lines)):
            if lines[index].strip() in ends:
                lines, numbers = lines[index + 1 :], numbers[index + 1 :]
                break
    quoted = [re.sub(r"^\s{0,3}>\s?", "", line) for line in lines]
    return html_blocks_to_markdown(quoted, numbers)


def _uncommented_lines(text: str) -> tuple[list[str], list[int]]:
    """The text's lines with its HTML comments taken out, each with the number of the line
    it starts on: a comment's own line breaks are gone, but still counted."""
    lines, numbers = [""], [1]

    def take(piece: str, number: int) -> None:
        first, *rest = piece.split("\n")
        lines[-1] += first
        lines.extend(rest)
        numbers.extend(range(number + 1, number + 1 + len(rest)))

    position, number = 0, 1
    for found in _COMMENT.finditer(text):
        piece = text[position : found.start()]
        take(piece, number)
        number += piece.count("\n") + found.group().count("\n")
        position = found.end()
    rest = text[position:]
    # A comment never closed, opening a block, hides the rest of the file, as CommonMark and
    # GitHub show it (a draft's 'do not publish' notes were read as its priorities); one in
    # a line's text or in code is text.
    opened = _unclosed_comment(rest)
    take(rest if opened < 0 else rest[:opened], number)
    return lines, numbers


_BLOCK_COMMENT = re.compile(r"^ {0,3}<!--")


def _unclosed_comment(text: str) -> int:
    """Where a comment opening a block outside code starts in ``text``, which holds no
    closed comment; -1 for none."""
    fence: tuple[str, int] | None = None
    at = 0
    for line in text.split("\n"):
        if fence is None and _BLOCK_COMMENT.match(line):
            return at + line.index("<")
        fence = _fence_after(fence, line)
        at += len(line) + 1
    return -1


def _cannot_interrupt(marker: str, in_paragraph: bool) -> bool:
    """CommonMark: an ordered list interrupts a paragraph only when it starts at 1, so a
    wrapped line '65. We will ...' under '... for people over' goes on with the sentence.
    (Under a list item the next number is its list's next item, after sub-items too.)"""
    number = marker.rstrip(".)")
    return in_paragraph and number.isdigit() and int(number) != 1


def parse_lines(lines: list[str], numbers: list[int], builder: BlockBuilder) -> None:
    """Blocks from Markdown ``lines``, each with the ``numbers`` entry of the line it starts
    on (the HTML reader hands it a page's content rewritten as Markdown)."""
    paragraph: list[str] = []
    paragraph_numbers: list[int] = []
    item: tuple[int, str, list[str], int] | None = None
    # The open fence's character and length, or None.
    fence: tuple[str, int] | None = None
    in_footnote = False
    in_table = False

    def flush() -> None:
        nonlocal paragraph, item
        if item:
            depth, marker, item_lines, first = item
            raw = join_lines(item_lines)
            lead = _run_in(raw) or _name_line(item_lines)
            builder.add(
                "list_item", inline_text(raw), level=depth, marker=marker, lead=lead, line=first
            )
            item = None
        if paragraph:
            at = 0
            for lines in separate_lines(paragraph):
                raw = join_lines(lines)
                line = paragraph_numbers[at]
                builder.add("paragraph", inline_text(raw), lead=_run_in(raw), line=line)
                at += len(lines)
            paragraph = []
            paragraph_numbers.clear()

    indents: list[int] = []
    table_row = 0
    for index, (line, number) in enumerate(zip(lines, numbers, strict=True)):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if fence is not None:
            fence = _fence_after(fence, line)
            continue
        fence = _fence_after(None, line)
        if fence is not None:
            flush()
            in_table = False
            indents = _outside_lists(line, indents)
            continue
        # GFM: a table ends at a blank line or a line that starts another block.
        in_table = in_table and "|" in line and bool(line.strip()) and not _ITEM.match(line)
        if not in_table and _opens_table(line, following):
            in_table = True
        if not in_table:
            table_row = 0  # the next table line starts a new table at its header
        if not line.strip():
            flush()
            continue
        if _MARKUP_LINE.match(line):
            continue
        if line.rstrip().endswith("\\") and not line.rstrip().endswith("\\\\"):
            line = line.rstrip()[:-1]  # a hard line break: the backslash shows nothing
        if _FOOTNOTE.match(line):
            flush()
            in_footnote = True
            continue
        if in_footnote and line.startswith(("    ", "\t")):
            continue  # the footnote's further lines
        in_footnote = False
        if not paragraph and _LINK_DEFINITION.match(line):
            continue  # CommonMark: one cannot interrupt a paragraph, and it shows nothing
        if (
            not paragraph
            and index
            and _LINK_DEFINITION.match(lines[index - 1])
            and _LINK_TITLE.match(line)
        ):
            continue  # the definition's title, on a line of its own
        if not paragraph and not item and not indents and _INDENTED_CODE.match(line):
            continue  # CommonMark: code, shown as code (it cannot interrupt a paragraph)
        heading = _ATX.match(line)
        if heading:
            flush()
            indents = _outside_lists(line, indents)
            shown = _HEADING_ATTRIBUTES.sub("", heading.group(2))
            builder.heading(inline_text(shown), len(heading.group(1)), line=number)
            continue
        if paragraph and not item and _SETEXT.match(line):
            level = 1 if line.strip().startswith("=") else 2
            text = _HEADING_ATTRIBUTES.sub("", join_lines(paragraph))
            paragraph = []
            builder.heading(inline_text(text), level, line=paragraph_numbers[0])
            paragraph_numbers.clear()
            indents = _outside_lists(line, indents)
            continue
        if _RULE.match(line) and not _SETEXT.match(following or "x"):
            flush()
            indents = _outside_lists(line, indents)
            continue
        if in_table:
            flush()
            indents = _outside_lists(line, indents)
            if not _TABLE_SEPARATOR.match(line):
                for column, cell in enumerate(_cells(line)):
                    found = inline_text(cell)
                    builder.add("table_cell", found, cell=(table_row, column), line=number)
                table_row += 1
            continue
        match = _ITEM.match(line)
        if match and _cannot_interrupt(match.group(2), bool(paragraph)):
            match = None
        if match:
            flush()
            indent = len(match.group(1).replace("\t", "    "))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            marker = "•" if match.group(2) in "-*+•" else match.group(2)
            text = _TASK_BOX.sub("", match.group(3), count=1)
            item = (len(indents), marker, [without_glyph(text)], number)
            continue
        if item:
            item[2].append(line)
        elif not paragraph and _PSEUDO_HEADING.match(line) and not following.strip():
            # A line that is all bold, standing alone, is used as a heading in many documents.
            builder.heading(inline_text(line.strip()), PSEUDO_HEADING_LEVEL, line=number)
        else:
            indents = []
            paragraph.append(line)
            paragraph_numbers.append(number)
    flush()


def _fence_after(fence: tuple[str, int] | None, line: str) -> tuple[str, int] | None:
    """The fence open after ``line`` (its character and length), given the one open before
    it: CommonMark's rules, one place for every reader of them. A fence closes at one of its
    character, as long at least, with nothing after it; a backtick fence's info string holds
    no backtick (else the line is inline code, no fence)."""
    fenced = _FENCE.match(line)
    if fenced is None:
        return fence
    marks, rest = fenced.group(1), fenced.group(2)
    if fence is not None:
        closes = marks[0] == fence[0] and len(marks) >= fence[1] and not rest.strip()
        return None if closes else fence
    if marks[0] == "`" and "`" in rest:
        return None
    return marks[0], len(marks)


def _opens_table(line: str, following: str) -> bool:
    """A table's first line: one opening with a pipe, or (GitHub's tables need no outer
    pipes) one with a pipe over a delimiter row with one ('Priority | Lead' / '--- | ---')."""
    if line.lstrip().startswith("|"):
        return True
    return "|" in line and "|" in following and bool(_TABLE_SEPARATOR.match(following))


def _outside_lists(line: str, indents: list[int]) -> list[int]:
    """The lists still open after a heading, rule, table or fence on ``line``: none where it
    stands at the margin (what follows is not a list's, and an indented line there is code
    again), all where it is indented into a list item's content (pandoc writes a list
    item's fenced code and tables so)."""
    return indents if line[:1] in (" ", "\t") else []


def _cells(line: str) -> list[str]:
    """A table row's cells, pipes written as '\\|' kept in them."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.replace("\\|", "|") for cell in _CELL_END.split(row)]
