"""OpenDocument Text (.odt) reader: headings, lists, tables, sections, text boxes, pages.

LibreOffice Writer's format is a zip archive whose ``content.xml`` holds the body and whose
``styles.xml`` (with ``content.xml``'s automatic styles) holds what a paragraph's style makes
of it. Read with the standard library alone (zipfile and ElementTree); the archive is checked
against the same limits as a Word file's before any part is inflated.

Read as the Word reader reads a .docx: headings by ``text:h`` or a heading style (Title,
Subtitle, Heading N, a style with an outline level), list items with their level and marker
(numbered or bulleted by their list style), table cells by (row, column), text boxes after the
paragraph they are anchored to, a bold opening as a run-in name, tracked changes as if accepted
(deletions are kept apart from the text in ``text:tracked-changes``), and neither comments,
footnotes nor hidden or struck-through text. Pages are known where LibreOffice wrote where
they break: its soft page breaks (``text:soft-page-break``, written whenever it saves a
laid-out document, inside paragraphs and between table rows as often as between
paragraphs) and the manual breaks its paragraph styles set.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

from alignck.errors import ReadError
from alignck.limits import Limits, check_inflation, check_paragraphs
from alignck.model import Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._sniff import refused
from alignck.readers._text import join_lines, separate_lines, split_marker, without_glyph

VERSION = "4"
# Bold-only headings sit below styled ones, as the Word reader places them.
PSEUDO_HEADING_LEVEL = 3

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_MIMETYPE = "application/vnd.oasis.opendocument.text"
# The body's elements that hold text of its own.
_TEXT_BLOCKS = frozenset(
    {f"{_TEXT}p", f"{_TEXT}h", f"{_TEXT}list", f"{_TABLE}table", f"{_TEXT}section"}
)
# What other OpenDocument files are, by their mimetype, for a file named .odt that is one.
_OTHER_KINDS = {
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
    "application/vnd.oasis.opendocument.text-template": "an OpenDocument template (.ott)",
}
# A paragraph or heading as LibreOffice writes it, for a count before the parse.
_PARAGRAPH_TAG = re.compile(rb"<text:[ph][\s>/]")
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
# A contents entry's page number after its tab: written as leaders, as the Word reader does,
# so that every reader's contents rule knows it.
_PAGE_AT_END = re.compile(r"\s+(\d{1,4})$")
# Elements whose text is not shown in the body as read: comments, footnotes and endnotes,
# tracked deletions, a field's hidden text, and what a frame holds (read after its paragraph).
_NOT_READ = frozenset(
    {
        f"{_OFFICE}annotation",
        f"{_OFFICE}annotation-end",
        f"{_TEXT}note",
        f"{_TEXT}tracked-changes",
        f"{_TEXT}hidden-text",
        f"{_TEXT}hidden-paragraph",
        f"{_TEXT}sequence-decls",
        f"{_TEXT}variable-decls",
        f"{_TEXT}user-field-decls",
        f"{_TEXT}bookmark-start",
        f"{_TEXT}bookmark-end",
        f"{_TEXT}number",  # a list label LibreOffice writes out; the reader numbers items itself
        f"{_DRAW}frame",
        f"{_OFFICE}forms",
    }
)


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    display: str
    parent: str | None
    outline_level: int | None = None
    bold: bool | None = None
    hidden: bool | None = None
    struck: bool | None = None
    list_style: str | None = None
    # A page break the style sets before or after its paragraph (a manual break: LibreOffice
    # writes no soft page break for it).
    break_before: bool | None = None
    break_after: bool | None = None
    # Its type size in points; None where it does not say (or says it in other units).
    size: float | None = None


@dataclass(slots=True)
class _Styles:
    styles: dict[str, _Style] = field(default_factory=dict)
    # A list style's kind at each level: True numbered, False bulleted.
    numbered: dict[tuple[str, int], bool] = field(default_factory=dict)
    # Where a numbered level starts counting, where not at 1.
    starts: dict[tuple[str, int], int] = field(default_factory=dict)

    def chain(self, name: str | None) -> Iterator[_Style]:
        seen = 0
        while name and name in self.styles and seen < 10:
            style = self.styles[name]
            yield style
            name = style.parent
            seen += 1

    def setting(self, name: str | None, attribute: str) -> bool | int | float | str | None:
        for style in self.chain(name):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None


def read(path: Path, options: ReadOptions | None = None) -> Document:
    limits = (options or ReadOptions()).limits
    content, styles_xml, declared = _parts(path, limits)
    styles = _Styles()
    for part in (styles_xml, content):
        if part is not None:
            _collect_styles(part, styles)
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise ReadError("not an OpenDocument text: its content holds no text body", str(path))
    walker = _Walker(styles, BlockBuilder(str(path), limits))
    # Writer marks the breaks it lays out ('soft' ones) where text runs over a page; a
    # document whose every page ends at a manual break has none, and its pages are known
    # when they come to the count Writer saved with it.
    soft = next(body.iter(f"{_TEXT}soft-page-break"), None) is not None
    walker.paged = soft or declared is not None
    try:
        walker.pseudo_levels = walker.pseudo_heading_levels(body)
        walker.walk(body)
    except RecursionError:
        raise ReadError(
            "its text is nested hundreds of levels deep (lists in lists, spans in spans), "
            "deeper than a document Writer makes: open it in LibreOffice and save it again",
            str(path),
        ) from None
    blocks = walker.builder.build()
    if not soft and walker.page != declared:
        # Laid out by no one, or breaks it does not mark: the pages are not known.
        walker.paged = False
        blocks = tuple(replace(block, page=None) for block in blocks)
    pages = walker.page if walker.paged else None
    return Document(str(path), "odt", blocks, pages=pages)


_PAGE_COUNT = re.compile(rb'meta:page-count="(\d{1,6})"')


def _parts(
    path: Path, limits: Limits
) -> tuple[ElementTree.Element, ElementTree.Element | None, int | None]:
    """content.xml and styles.xml, parsed, once the archive is known to be a text document
    within the limits, and the number of pages meta.xml says it had when saved, if any."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise refused(
            path,
            "an OpenDocument .odt file",
            "not a valid OpenDocument .odt file: not a zip archive (damaged or cut short?)",
        ) from error
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise ReadError(
                "not a valid OpenDocument .odt file: it holds two parts of one name, and "
                "readers differ in which they show; open it in LibreOffice and save it again",
                str(path),
            )
        parts = [(i.filename, i.compress_size, i.file_size) for i in infos]
        check_inflation(str(path), parts, limits, "an OpenDocument text")
        _check_kind(path, archive, names)
        data = archive.read("content.xml")
        # Counted before the parse as well as after: a tree of millions of paragraphs takes
        # hundreds of megabytes to build before it can be counted.
        check_paragraphs(str(path), len(_PARAGRAPH_TAG.findall(data)), limits)
        content = _parse(path, data, "content.xml")
        check_paragraphs(str(path), _count_paragraphs(content), limits)
        styles = (
            _parse(path, archive.read("styles.xml"), "styles.xml")
            if "styles.xml" in names
            else None
        )
        declared = _declared_pages(archive) if "meta.xml" in names else None
    return content, styles, declared


def _declared_pages(archive: zipfile.ZipFile) -> int | None:
    """The page count meta.xml says the document had when saved: None where it says none,
    or one (a generator's template may say one page whatever follows), or meta.xml cannot be
    read (a damaged part the text does not need stops nothing)."""
    try:
        found = _PAGE_COUNT.search(archive.read("meta.xml")[: 1 << 20])
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError):
        return None
    pages = int(found.group(1)) if found else None
    return pages if pages is not None and pages >= 2 else None


def _check_kind(path: Path, archive: zipfile.ZipFile, names: list[str]) -> None:
    if "word/document.xml" in names:
        raise ReadError(
            "not an OpenDocument .odt file; it is a Word document: name it .docx", str(path)
        )
    for part, kind in (("xl/workbook.xml", "an Excel workbook"), ("ppt/", "a PowerPoint deck")):
        if any(name.startswith(part) for name in names):
            raise ReadError(f"not an OpenDocument text: {kind} named .odt", str(path))
    mimetype = (
        archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    )
    if mimetype in _OTHER_KINDS:
        raise ReadError(f"not an OpenDocument text: {_OTHER_KINDS[mimetype]} named .odt", str(path))
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read(
        "META-INF/manifest.xml"
    ):
        raise ReadError(
            "a password-protected OpenDocument file: open it in LibreOffice and save it "
            "without a password (File > Properties > Security)",
            str(path),
        )
    if "content.xml" not in names:
        shown = ", ".join(n for n in names[:3] if not n.endswith("/")) or "nothing"
        raise ReadError(
            f"not a valid OpenDocument .odt file: a zip archive without a document in it "
            f"(it holds {shown})",
            str(path),
        )
    if mimetype and not mimetype.startswith(_MIMETYPE):
        raise ReadError(f"not an OpenDocument text: its type is '{mimetype}'", str(path))


def _parse(path: Path, data: bytes, part: str) -> ElementTree.Element:
    # OpenDocument never declares a document type; one that does may declare entities that
    # expand without end (expat bounds them too, but nothing here needs them).
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise ReadError(f"damaged OpenDocument file: {part} declares a document type", str(path))
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ReadError(
            f"damaged OpenDocument file: {part} is not valid XML ({error})", str(path)
        ) from error


def _count_paragraphs(content: ElementTree.Element) -> int:
    return sum(1 for e in content.iter() if e.tag in (f"{_TEXT}p", f"{_TEXT}h"))


def _collect_styles(root: ElementTree.Element, into: _Styles) -> None:
    for style in root.iter(f"{_STYLE}style"):
        name = style.get(f"{_STYLE}name")
        if not name:
            continue
        text = style.find(f"{_STYLE}text-properties")
        paragraph = style.find(f"{_STYLE}paragraph-properties")
        if paragraph is None:
            paragraph = style.find(f"{_STYLE}table-properties")
        outline = style.get(f"{_STYLE}default-outline-level")
        into.styles[name] = _Style(
            name=name,
            display=style.get(f"{_STYLE}display-name") or name.replace("_20_", " "),
            parent=style.get(f"{_STYLE}parent-style-name"),
            outline_level=int(outline) if outline and outline.isdigit() else None,
            bold=_bold(text),
            hidden=_hidden(text),
            struck=_struck(text),
            list_style=style.get(f"{_STYLE}list-style-name"),
            break_before=_page_break(paragraph, "break-before"),
            break_after=_page_break(paragraph, "break-after"),
            size=_points(text),
        )
    for list_style in root.iter(f"{_TEXT}list-style"):
        name = list_style.get(f"{_STYLE}name")
        if not name:
            continue
        for level_style in list_style:
            level = level_style.get(f"{_TEXT}level")
            if level and level.isdigit():
                numbered = level_style.tag == f"{_TEXT}list-level-style-number" and bool(
                    level_style.get(f"{_STYLE}num-format")
                )
                into.numbered[(name, int(level))] = numbered
                start = level_style.get(f"{_TEXT}start-value", "1")
                if numbered and start.isdigit() and start != "1":
                    into.starts[(name, int(level))] = int(start)


def _bold(properties: ElementTree.Element | None) -> bool | None:
    if properties is None:
        return None
    weight = properties.get(f"{_FO}font-weight")
    if weight is None:
        return None
    return weight == "bold" or (weight.isdigit() and int(weight) >= 600)


def _points(properties: ElementTree.Element | None) -> float | None:
    size = properties.get(f"{_FO}font-size", "") if properties is not None else ""
    try:
        return float(size.removesuffix("pt")) if size.endswith("pt") else None
    except ValueError:
        return None


def _page_break(properties: ElementTree.Element | None, side: str) -> bool | None:
    if properties is None:
        return None
    value = properties.get(f"{_FO}{side}")
    return None if value is None else value == "page"


def _hidden(properties: ElementTree.Element | None) -> bool | None:
    if properties is None:
        return None
    display = properties.get(f"{_TEXT}display")
    return None if display is None else display == "none"


def _struck(properties: ElementTree.Element | None) -> bool | None:
    if properties is None:
        return None
    through = properties.get(f"{_STYLE}text-line-through-style")
    return None if through is None else through != "none"


class _Walker:
    def __init__(self, styles: _Styles, builder: BlockBuilder) -> None:
        self.styles = styles
        self.builder = builder
        self.page = 1
        self.paged = False
        self.in_contents = False
        # Whether any text has been met: a page break before the first opens no page.
        self.begun = False
        # Numbered lists' counters by (list style, level); a list that does not continue
        # another starts again.
        self.counters: dict[tuple[str, int], int] = {}
        # Bold-only headings' levels by their type size (see pseudo_heading_levels).
        self.pseudo_levels: dict[float, int] = {}

    # -- the body ---------------------------------------------------------------------------

    def walk(self, parent: ElementTree.Element) -> None:
        for child in parent:
            self.block(child)

    def block(self, element: ElementTree.Element) -> None:
        style = element.get(f"{_TEXT}style-name") or element.get(f"{_TABLE}style-name")
        # A break before the document's first text (a title page's style) opens no new page.
        if self.begun and self.styles.setting(style, "break_before"):
            self.page += 1
        self.one_block(element)
        self.begun = self.begun or element.tag in _TEXT_BLOCKS
        if self.styles.setting(style, "break_after"):
            self.page += 1

    def one_block(self, element: ElementTree.Element) -> None:
        tag = element.tag
        if tag == f"{_TEXT}soft-page-break":
            self.page += 1
        elif tag in (f"{_DRAW}text-box", f"{_DRAW}custom-shape"):
            self.walk(element)  # a shape anchored to the page: its paragraphs where it stands
        elif tag.startswith(_DRAW):
            self.frames(element)  # a frame anchored to the page: its boxes where it stands
        elif tag == f"{_TEXT}h":
            self.heading_element(element)
        elif tag == f"{_TEXT}p":
            self.paragraph(element)
        elif tag == f"{_TEXT}list":
            self.a_list(element, 1, element.get(f"{_TEXT}style-name"))
        elif tag == f"{_TABLE}table":
            self.table(element)
        elif tag == f"{_TEXT}section":
            if element.get(f"{_TEXT}display") != "none":
                self.walk(element)
        elif tag == f"{_TEXT}table-of-content":
            body = element.find(f"{_TEXT}index-body")
            if body is not None:
                self.in_contents, was = True, self.in_contents
                self.walk(body)
                self.in_contents = was
        elif tag in (f"{_TEXT}index-body", f"{_TEXT}index-title"):
            self.walk(element)
        elif tag in _NOT_READ:
            return
        elif tag.startswith((_TEXT, _TABLE)):
            # Another index (an alphabetical one, a bibliography) or a container: its paragraphs.
            self.walk(element)

    def page_or_none(self) -> int | None:
        return self.page if self.paged else None

    def heading_element(self, element: ElementTree.Element) -> None:
        page = self.page_or_none()  # where it starts: a page may break inside it
        text = self.text(element)
        level = element.get(f"{_TEXT}outline-level")
        number = element.find(f"{_TEXT}number")
        label = (number.text or "").strip() if number is not None else ""
        if text.strip():
            self.builder.heading(
                f"{label} {text}" if label else text,
                int(level) if level and level.isdigit() else 1,
                page=page,
            )
        self.page += _breaks_inside(element)
        self.frames(element)

    def paragraph(self, element: ElementTree.Element) -> None:
        style = element.get(f"{_TEXT}style-name")
        if self.styles.setting(style, "hidden"):
            return
        page = self.page_or_none()  # where it starts: a page may break inside it
        shown = self.text(element, lines=True)
        text = shown.replace("\n", " ")
        if text.strip():
            self.own_text(element, style, shown, text, page)
        self.page += _breaks_inside(element)
        self.frames(element)

    def own_text(
        self,
        element: ElementTree.Element,
        style: str | None,
        shown: str,
        text: str,
        page: int | None,
    ) -> None:
        level = self.heading_level(style)
        if level:
            self.builder.heading(text, level, page=page)
            return
        if self.in_contents:
            self.builder.add("paragraph", _PAGE_AT_END.sub(r" .... \1", text), page=page)
            return
        lead = self.bold_lead(element, style)
        marker, rest = split_marker(text)
        if marker:
            self.builder.add(
                "list_item", without_glyph(rest), page=page, level=1, marker=marker, lead=lead
            )
        elif _looks_like_pseudo_heading(text) and self.all_bold(element, style):
            level = self.pseudo_levels.get(self.type_size(element, style), PSEUDO_HEADING_LEVEL)
            self.builder.heading(text, level, page=page)
        else:
            lines = [line for line in shown.split("\n") if line.strip()]
            for index, entry in enumerate(separate_lines(lines) if len(lines) > 1 else [[text]]):
                self.builder.add(
                    "paragraph", join_lines(entry), page=page, lead=lead if index == 0 else None
                )

    def heading_level(self, style: str | None) -> int:
        for found in self.styles.chain(style):
            name = found.display.lower()
            if name == "title":
                return 1
            if name == "subtitle":
                return 2
            matched = _HEADING_NAME.match(name)
            if matched:
                return int(matched.group(1))
        outline = self.styles.setting(style, "outline_level")
        return outline if isinstance(outline, int) and 0 < outline < 10 else 0

    def a_list(self, element: ElementTree.Element, depth: int, style: str | None) -> None:
        style = element.get(f"{_TEXT}style-name") or style
        continues = element.get(f"{_TEXT}continue-numbering") == "true" or element.get(
            f"{_TEXT}continue-list"
        )
        if not continues and style is not None and depth == 1:
            self.counters = {k: v for k, v in self.counters.items() if k[0] != style}
        for item in element:
            if item.tag == f"{_TEXT}soft-page-break":
                self.page += 1
                continue
            if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                continue
            header = item.tag == f"{_TEXT}list-header"
            restart = item.get(f"{_TEXT}start-value", "")
            if restart.isdigit() and style is not None:
                # 'Restart numbering' at this item, or 'Start at' a number of its own.
                self.counters[(style, depth)] = int(restart) - 1
            first = True
            for child in item:
                if child.tag == f"{_TEXT}p" and first and not header:
                    first = False
                    self.item(child, depth, style)
                elif child.tag == f"{_TEXT}h" and first and not header:
                    # A numbered heading as a list's item takes its number, as Writer shows.
                    first = False
                    self.marker(style, depth)
                    self.block(child)
                elif child.tag == f"{_TEXT}list":
                    self.a_list(child, depth + 1, style)
                else:
                    self.block(child)

    def item(self, element: ElementTree.Element, depth: int, style: str | None) -> None:
        own_style = element.get(f"{_TEXT}style-name")
        if self.styles.setting(own_style, "hidden"):
            return
        text = self.text(element)
        if text.strip():
            marker = self.marker(style, depth)
            lead = self.bold_lead(element, own_style)
            self.builder.add(
                "list_item",
                without_glyph(text),
                page=self.page_or_none(),
                level=depth,
                marker=marker,
                lead=lead,
            )
        self.page += _breaks_inside(element)
        self.frames(element)

    def marker(self, style: str | None, depth: int) -> str:
        if style is None or not self.styles.numbered.get((style, depth), False):
            return "•"
        for key in [k for k in self.counters if k[0] == style and k[1] > depth]:
            del self.counters[key]
        count = self.counters.get((style, depth), self.styles.starts.get((style, depth), 1) - 1) + 1
        self.counters[(style, depth)] = count
        return f"{count}."

    def table(self, element: ElementTree.Element) -> None:
        row_index = 0
        for row in _rows(element):
            if row.tag == f"{_TEXT}soft-page-break":
                self.page += 1  # LibreOffice breaks a long table between its rows
                continue
            column = 0
            for cell in row:
                repeated = cell.get(f"{_TABLE}number-columns-repeated")
                span = int(repeated) if repeated and repeated.isdigit() else 1
                if cell.tag == f"{_TABLE}table-cell":
                    self.cell(cell, (row_index, column))
                column += span
            row_index += 1

    def cell(self, cell: ElementTree.Element, where: tuple[int, int]) -> None:
        """A cell's text, as the Word reader gives it: every paragraph in it, in order, those
        of its lists, sections and text boxes too; then the tables nested in it."""
        page = self.page_or_none()
        paragraphs = [
            p
            for p in _cell_paragraphs(cell)
            if not self.styles.setting(p.get(f"{_TEXT}style-name"), "hidden")
        ]
        text = " ".join(t for t in (self.text(p) for p in paragraphs) if t.strip())
        self.builder.add("table_cell", text, page=page, cell=where)
        self.page += sum(_breaks_inside(p) for p in paragraphs)
        for nested in _nested(cell, f"{_TABLE}table"):
            self.table(nested)

    def frames(self, element: ElementTree.Element) -> None:
        """Text boxes and shapes anchored in a paragraph (or to the page): read as blocks of
        their own after it, each once (a box inside a box is read with its own paragraph)."""
        for box in _nested(element, f"{_DRAW}text-box", f"{_DRAW}custom-shape"):
            self.walk(box)

    # -- a paragraph's text ---------------------------------------------------------------

    def text(self, element: ElementTree.Element, lines: bool = False) -> str:
        parts: list[str] = []
        self._gather(element, parts, lines, element.get(f"{_TEXT}style-name"))
        return "".join(parts)

    def _gather(
        self, element: ElementTree.Element, parts: list[str], lines: bool, style: str | None
    ) -> None:
        if element.text and not self._unseen(style):
            parts.append(_collapsed(element.text))
        for child in element:
            tag = child.tag
            if tag in _NOT_READ or tag.startswith(_DRAW):
                pass  # a frame's or a shape's text is read after its paragraph (frames)
            elif tag == f"{_TEXT}s":
                count = child.get(f"{_TEXT}c")
                parts.append(" " * (int(count) if count and count.isdigit() else 1))
            elif tag == f"{_TEXT}tab":
                parts.append("\t" if self.in_contents else " ")
            elif tag == f"{_TEXT}line-break":
                parts.append("\n" if lines else " ")
            elif tag == f"{_TEXT}soft-page-break":
                pass
            else:
                inner = child.get(f"{_TEXT}style-name") if tag == f"{_TEXT}span" else None
                self._gather(child, parts, lines, inner or style)
            if child.tail and not self._unseen(style):
                parts.append(_collapsed(child.tail))

    def _unseen(self, style: str | None) -> bool:
        return bool(self.styles.setting(style, "hidden") or self.styles.setting(style, "struck"))

    def bold_lead(self, element: ElementTree.Element, style: str | None) -> str | None:
        """The bold words opening a paragraph that goes on in plain type: its run-in name."""
        if self.styles.setting(style, "bold"):
            return None
        if (element.text or "").strip():
            return None
        children = [c for c in element if c.tag not in _NOT_READ]
        if len(children) < 1 or children[0].tag != f"{_TEXT}span":
            return None
        first = children[0]
        if not self.styles.setting(first.get(f"{_TEXT}style-name"), "bold"):
            return None
        lead, whole = self.text(first), self.text(element)
        rest = whole[len(lead) :] if whole.startswith(lead) else ""
        return lead if lead.strip() and rest.strip() else None

    def pseudo_heading_levels(self, body: ElementTree.Element) -> dict[float, int]:
        """Type size -> level for bold-only headings, as the Word reader reads them: the
        larger, the higher, from PSEUDO_HEADING_LEVEL down. A tester's aims in bold 14-point
        type over 'What we will do' in bold body type were read all at one level, so every
        aim's promises were under 'What we will do' alone."""
        sizes: set[float] = set()
        for element in body.iter(f"{_TEXT}p"):
            style = element.get(f"{_TEXT}style-name")
            if self.heading_level(style):
                continue
            text = self.text(element)
            if _looks_like_pseudo_heading(text) and self.all_bold(element, style):
                sizes.add(self.type_size(element, style))
        if len(sizes) < 2:
            return {}
        ranked = sorted(sizes, reverse=True)
        return {size: PSEUDO_HEADING_LEVEL + rank for rank, size in enumerate(ranked)}

    def type_size(self, element: ElementTree.Element, style: str | None) -> float:
        """The largest size its spans set, or else its style's; 0 for none (the body's)."""
        found = [
            size
            for span in element.iter(f"{_TEXT}span")
            if isinstance(
                size := self.styles.setting(span.get(f"{_TEXT}style-name"), "size"), float
            )
        ]
        own = self.styles.setting(style, "size")
        return max(found, default=own if isinstance(own, float) else 0.0)

    def all_bold(self, element: ElementTree.Element, style: str | None) -> bool:
        if self.styles.setting(style, "bold"):
            return True
        if (element.text or "").strip():
            return False
        spans = [c for c in element if c.tag not in _NOT_READ]
        return bool(spans) and all(
            c.tag == f"{_TEXT}span"
            and self.styles.setting(c.get(f"{_TEXT}style-name"), "bold")
            and not (c.tail or "").strip()
            for c in spans
        )


def _collapsed(text: str) -> str:
    # OpenDocument collapses white space in its text as HTML does (a written space is
    # text:s): a file written by hand or pretty-printed breaks its lines anywhere.
    return _WHITE_SPACE.sub(" ", text)


_WHITE_SPACE = re.compile(r"[ \t\r\n]+")


def _breaks_inside(element: ElementTree.Element) -> int:
    """The soft page breaks within a paragraph's own text (LibreOffice writes most there),
    not within the frames and tables read apart from it."""
    count = 0
    for child in element:
        if child.tag == f"{_TEXT}soft-page-break":
            count += 1
        elif not child.tag.startswith(_DRAW) and child.tag != f"{_TABLE}table":
            count += _breaks_inside(child)
    return count


def _nested(element: ElementTree.Element, *tags: str) -> Iterator[ElementTree.Element]:
    """The outermost descendants of the given kinds: not those inside one of them."""
    for child in element:
        if child.tag in tags:
            yield child
        else:
            yield from _nested(child, *tags)


def _cell_paragraphs(cell: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """A cell's paragraphs and headings in order, through its lists, sections and frames, but
    not those of the tables nested in it (read as tables of their own)."""
    for child in cell:
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            yield child
            for box in _nested(child, f"{_DRAW}text-box", f"{_DRAW}custom-shape"):
                yield from _cell_paragraphs(box)
        elif not _unread_in_cell(child):
            yield from _cell_paragraphs(child)


def _unread_in_cell(element: ElementTree.Element) -> bool:
    """A nested table (read as one), a hidden section, or what is never read (notes,
    comments); a frame is read, for its text boxes."""
    tag = element.tag
    return (
        tag == f"{_TABLE}table"
        or (tag in _NOT_READ and not tag.startswith(_DRAW))
        or (tag == f"{_TEXT}section" and element.get(f"{_TEXT}display") == "none")
    )


def _rows(table: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """A table's rows in order, through its header rows and row groups, with the soft page
    breaks LibreOffice writes between them."""
    for child in table:
        if child.tag in (f"{_TABLE}table-row", f"{_TEXT}soft-page-break"):
            yield child
        elif child.tag in (
            f"{_TABLE}table-header-rows",
            f"{_TABLE}table-rows",
            f"{_TABLE}table-row-group",
        ):
            yield from _rows(child)


def _looks_like_pseudo_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and not text.rstrip().endswith((".", ",", ";", "!", "?", ":"))
