"""Word (.docx) reader: heading and list styles, numbering, tables, content controls, text boxes.

python-docx opens the package; the body is then walked as XML with a style-id map built once,
because asking python-docx for each paragraph's style name was measured 22x slower than lxml and
its table walkers 6-126x slower. Headers, footers, comments and footnotes are not read.
"""

from __future__ import annotations

import io
import itertools
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from alignck.errors import LimitExceeded, ReadError
from alignck.files import open_regular
from alignck.limits import MB, Limits, check_inflation, check_paragraphs, inflating
from alignck.model import Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._sniff import refused
from alignck.readers._text import (
    bold_goes_on,
    is_bullet_glyph,
    join_lines,
    marks_a_note,
    separate_lines,
    split_marker,
    without_glyph,
)

VERSION = "25"
# Bold-only headings sit below styled ones: their place in the outline is unknown.
PSEUDO_HEADING_LEVEL = 3
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Word keeps a text box twice, as a shape and as a fallback picture for older readers.
_BOXED = (f"{_W}txbxContent", f"{_MC}Fallback")
_RUN, _RUN_PROPERTIES, _BOLD = f"{_W}r", f"{_W}rPr", f"{_W}b"
_MOVED_AWAY = f"{_W}moveFrom"
_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
_VML_SHAPE = "{urn:schemas-microsoft-com:vml}shape"
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_STYLE_DEPTH = re.compile(r"^list(?: bullet| number| continue)? ([2-9])$")


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    ilvl: int | None
    # Its bold ('Strong', or a paragraph style a heading is made with); None when it does not say.
    bold: bool | None = None
    size: float | None = None  # its type size in points; None when it does not say
    custom: bool = False  # a style of the author's own, not one of Word's
    hidden: bool | None = None  # its Hidden font setting; None when it does not say
    struck: bool | None = None  # its strikethrough (single or double); None when it does not say
    break_before: bool | None = None  # 'Page break before'; None when it does not say


def read(path: Path, options: ReadOptions | None = None) -> Document:
    _check_inflation(path, (options or ReadOptions()).limits)
    if _is_strict(path):
        # python-docx knows only the transitional namespace: it failed on a missing 'body'.
        raise ReadError(
            "Word's 'Strict Open XML Document' format is not read: save it as 'Word Document "
            "(.docx)'",
            str(path),
        )
    document = _open(path)
    styles = _style_map(document)
    bullet_formats = _numbering_formats(document)
    walker = _BodyWalker(styles, bullet_formats)
    walker.hidden = _hidden_styles(styles)
    walker.pseudo_levels = _pseudo_heading_levels(
        document.element.body, styles, walker.styled_heading
    )
    body = document.element.body
    declared = _declared_pages(document)
    walker.breaks = _page_breaks(body, styles, declared)
    walker.walk(body)
    warnings = (*_unread_parts(body), *_tracked_changes(body))
    blocks, pages = walker.builder.build(), None
    if walker.breaks is not None:
        if walker.page == declared:
            pages = walker.page
        else:  # counted otherwise than Word laid it out: no page is known
            blocks = tuple(replace(block, page=None) for block in blocks)
    return Document(str(path), "docx", blocks, pages=pages, warnings=warnings)


_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,6})\s*</(?:\w+:)?Pages>")


def _declared_pages(document: Any) -> int | None:
    """The number of pages docProps/app.xml says the document had when last laid out, from
    the package python-docx has already read."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            found = _PAGES.search(part.blob[: 1 << 20])
            return int(found.group(1)) if found else None
    return None


# Where Word last began a page in its own layout, and the breaks the author set.
_RENDERED = f"{_W}lastRenderedPageBreak"
_SECTION_PAGE_TYPES = frozenset(["nextPage", "oddPage", "evenPage"])


def _page_breaks(body: Any, styles: dict[str, _Style], declared: int | None) -> str | None:
    """Which breaks give the pages: 'rendered' (where Word last began each page), 'explicit'
    (page breaks, 'page break before' and section breaks, where every page ends at one), or
    None when neither comes to the page count the file was saved with, or that count is one
    (a generator's template says one page whatever follows)."""
    if declared is None or declared < 2:
        return None
    if _counted_breaks(body, _RENDERED) + 1 == declared:
        return "rendered"
    explicit = _counted_breaks(body, f"{_W}br")
    paragraphs = [p for p in body.iter(f"{_W}p") if _row_of(p) is None]
    for index, paragraph in enumerate(paragraphs):
        if _boxed_anywhere(paragraph):
            continue
        explicit += index > 0 and _breaks_before(paragraph, styles)
        explicit += _ends_page_section(paragraph) and index < len(paragraphs) - 1
    return "explicit" if explicit + 1 == declared else None


def _counted_breaks(body: Any, tag: str) -> int:
    """The page breaks of one kind as the walk counts them: each outside tables, and for a
    table row the most any one of its cells holds (Word marks a row that runs over a page
    in every cell)."""
    count = 0
    rows: dict[Any, dict[Any, int]] = {}
    for node in body.iter(tag):
        if _boxed_anywhere(node) or (tag != _RENDERED and not _page_break(node)):
            continue
        row = _row_of(node)
        if row is None:
            count += 1
        else:
            cells = rows.setdefault(row, {})
            cell = next(node.iterancestors(f"{_W}tc"), None)
            cells[cell] = cells.get(cell, 0) + 1
    return count + sum(max(cells.values()) for cells in rows.values())


def _row_of(node: Any) -> Any:
    """The table row a node is in (the innermost), or None."""
    return next(node.iterancestors(f"{_W}tr"), None)


def _boxed_anywhere(node: Any) -> bool:
    return any(ancestor.tag in _BOXED for ancestor in node.iterancestors())


def _page_break(node: Any) -> bool:
    return node.get(f"{_W}type") == "page"


def _breaks_before(paragraph: Any, styles: dict[str, _Style]) -> bool:
    ppr = paragraph.find(f"{_W}pPr")
    own = _on_off(ppr.find(f"{_W}pageBreakBefore")) if ppr is not None else None
    if own is not None:
        return own
    return bool(_from_style_chain(styles, _paragraph_style(paragraph), "break_before"))


def _ends_page_section(paragraph: Any) -> bool:
    section = paragraph.find(f"{_W}pPr/{_W}sectPr")
    if section is None:
        return False
    kind = section.find(f"{_W}type")
    return (kind.get(f"{_W}val") if kind is not None else "nextPage") in _SECTION_PAGE_TYPES


# Text a reviewer inserted, deleted or moved and no one has accepted or rejected yet.
_CHANGES = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")


def _tracked_changes(body: Any) -> tuple[str, ...]:
    """A draft's changes still pending: read as if accepted, which Word's markup view does not
    show (a tester's deleted priority was a gap and an inserted one aligned, with no word that
    either was only proposed)."""
    changes = sum(1 for _ in body.iter(*_CHANGES))
    if not changes:
        return ()
    return (
        f"{changes} tracked change{'s' if changes > 1 else ''} not yet accepted or rejected: "
        "read as if accepted (insertions read, deletions not); accept or reject them in Word "
        "to check the text as it will stand",
    )


def _unread_parts(body: Any) -> tuple[str, ...]:
    """What Word shows that alignck does not read: parts embedded as HTML or another document
    (w:altChunk, as HTML-to-Word exporters write them), said rather than silently dropped."""
    chunks = sum(1 for _ in body.iter(f"{_W}altChunk"))
    if not chunks:
        return ()
    return (
        f"{chunks} part{'s' if chunks > 1 else ''} embedded as HTML or another document "
        "(altChunk) not read: open the file in Word and save it again to make them ordinary "
        "text",
    )


def _check_inflation(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb from the archive's directory, before python-docx inflates every part
    into memory. A file that is not a zip archive is left for python-docx to name."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = [(i.filename, i.compress_size, i.file_size) for i in archive.infolist()]
            check_inflation(str(path), parts, limits)
            _refuse_twice_named(path, [name for name, _, _ in parts])
            _check_declared_sizes(path, archive)
            paragraphs = _count_paragraphs(archive)
    except (zipfile.BadZipFile, KeyError):
        return  # not a zip archive, or no body: python-docx names what is wrong
    check_paragraphs(str(path), paragraphs, limits)


def _refuse_twice_named(path: Path, names: list[str]) -> None:
    """Refuse an archive holding two parts of one name: which one a reader takes is its own
    choice (python-docx the last, Word perhaps the first, or neither), so the text alignck
    checks could be other than the text a reviewer opens."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ReadError(
                f"not a valid Word .docx file: it holds two parts named {name}, and readers "
                "differ in which they show; open it in Word and save it again",
                str(path),
            )
        seen.add(name)


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


def _check_declared_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse an archive one of whose parts inflates past the size its directory declares:
    the limits above trust those sizes, and python-docx reads a part by inflating up to 2 GB
    at a time, so a part declared at 5 kB that inflates to gigabytes took 2 GB of memory
    before anything failed. Each deflated part is inflated here a megabyte at a time and
    only counted, stopping one byte past its declared size."""
    with open_regular(path) as handle:
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_DEFLATED:
                continue
            if _inflated_size(handle, info, info.file_size + 1) > info.file_size:
                raise LimitExceeded(
                    f"part {info.filename} inflates past the {info.file_size:,} bytes its "
                    "archive declares: a zip bomb or a damaged file, not a Word document",
                    str(path),
                )


def _inflated_size(handle: BinaryIO, info: zipfile.ZipInfo, budget: int) -> int:
    """What a deflated part inflates to, up to just past ``budget``; 0 where its local header
    cannot be read (zipfile and python-docx then say what is wrong)."""
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        return 0
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    handle.seek(name_length + extra_length, io.SEEK_CUR)
    total = 0
    for piece in inflating(_compressed(handle, info.compress_size), raw=True):
        total += len(piece)
        if total > budget:
            break
    return total


def _compressed(handle: BinaryIO, size: int) -> Iterator[bytes]:
    """A part's compressed bytes from where the handle stands, a megabyte at a time."""
    while size > 0 and (chunk := handle.read(min(size, MB))):
        size -= len(chunk)
        yield chunk


# A paragraph's start tag in any namespace prefix ('<w:p>', '<w:p w:rsidR=...>').
_PARAGRAPH_TAG = re.compile(rb"<(?:[\w.-]+:)?p[\s>/]")


def _count_paragraphs(archive: zipfile.ZipFile) -> int:
    """Paragraphs in the body, counted by streaming its XML a megabyte at a time: a body of a
    million short paragraphs parses into more than a gigabyte, so it is refused unparsed."""
    count = 0
    tail = b""
    with archive.open("word/document.xml") as body:
        while chunk := body.read(1024 * 1024):
            # The tail of the last chunk completes a tag cut in two; it holds no whole tag.
            text = tail + chunk
            count += len(_PARAGRAPH_TAG.findall(text))
            tail = text[-64:]
            count -= len(_PARAGRAPH_TAG.findall(tail))
    return count + len(_PARAGRAPH_TAG.findall(tail))


# The main part of a Word document with macros and of Word's templates: the same
# WordprocessingML as a .docx's, which python-docx reads once told so.
_OTHER_WORD_MAIN_PARTS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _open(path: Path) -> Any:
    from docx.opc.constants import CONTENT_TYPE
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _OTHER_WORD_MAIN_PARTS:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    try:
        part = Package.open(str(path)).main_document_part
        found = part.content_type
        if found != CONTENT_TYPE.WML_DOCUMENT_MAIN and found not in _OTHER_WORD_MAIN_PARTS:
            raise ValueError(f"file is not a Word file, content type is '{found}'")
        return part.document
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise refused(path, _word_kind(path), _why_not_a_package(path, error)) from error
    # A part that is not what it should be: python-docx raises AttributeError on a
    # content-types part that is not one, lxml a SyntaxError on a part that is not XML.
    except (AttributeError, SyntaxError) as error:
        if not _holds_document(path):
            raise refused(path, _word_kind(path), _why_not_a_package(path, error)) from error
        raise ReadError(
            f"damaged Word .docx file: a part of it is not valid ({error})", str(path)
        ) from error
    except ValueError as error:
        raise ReadError(_not_word(path, error), str(path)) from error


_PAGE_AT_END = re.compile(r"\s+(\d{1,4})$")
_LEADERS = frozenset(["dot", "hyphen", "underscore", "middleDot"])


def _leader_tab(paragraph: Any) -> bool:
    """Whether the paragraph sets a tab stop drawn with leaders (dots to a page number)."""
    properties = paragraph.find(f"{_W}pPr")
    tabs = properties.find(f"{_W}tabs") if properties is not None else None
    return tabs is not None and any(tab.get(f"{_W}leader") in _LEADERS for tab in tabs)


def _word_kind(path: Path) -> str:
    """'a Word .docx file', or '.docm' for a Word document with macros."""
    return f"a Word {path.suffix.lower() or '.docx'} file"


def _not_word(path: Path, error: ValueError) -> str:
    """python-docx's 'file ... is not a Word file, content type is ...' in a user's words:
    a spreadsheet or a presentation renamed .docx, say, by what it is."""
    said = str(error)
    for marker, what in (
        ("spreadsheetml", "an Excel workbook (.xlsx)"),
        ("presentationml", "a PowerPoint presentation (.pptx)"),
    ):
        if marker.lower() in said.lower():
            return f"not a Word document: {what} named {path.suffix.lower()}"
    return f"not a Word document: {said}"


def _is_strict(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return (
                b"purl.oclc.org/ooxml/wordprocessingml" in archive.read("word/document.xml")[:4096]
            )
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _why_not_a_package(path: Path, error: Exception) -> str:
    """What is wrong, in the user's terms: python-docx says 'Package not found' of a file that
    is there but empty or cut short."""
    try:
        size = path.stat().st_size
        is_zip = zipfile.is_zipfile(path)
    except OSError:
        return f"not a valid Word .docx file ({error})"
    if size == 0:
        return "empty file (0 bytes), not a Word .docx file"
    if not is_zip:
        return "not a valid Word .docx file: not a zip archive (damaged or cut short?)"
    if _opendocument(path):
        return "an OpenDocument text file (.odt) named .docx: name it .odt"
    damaged = _damaged_package(path, error)
    if damaged is not None:
        return damaged
    # The library's words ('There is no item named [Content_Types].xml ...') say nothing to
    # a user; what the archive does hold does.
    return (
        "not a valid Word .docx file: a zip archive without a Word document in it "
        f"({_archive_contents(path)})"
    )


# The parts a Word archive is opened by: what each part is, and which part is the document.
_PACKAGE_PARTS = ("[Content_Types].xml", "_rels/.rels")
# python-docx's KeyError for a part the package names that the archive does not hold.
_NO_ITEM = re.compile(r"no item named '([^']+)'")


def _damaged_package(path: Path, error: Exception) -> str | None:
    """What a Word archive lacks whose document is there (a part Word opens it by, or one it
    names), or None when it holds no Word document: 'a zip archive without a Word document in
    it' sent its partner to look for a document that was in the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return None
    if "word/document.xml" not in names:
        return None
    missing = [part for part in _PACKAGE_PARTS if part not in names]
    named = _NO_ITEM.search(str(error))
    if not missing and named is not None:
        missing = [named.group(1)]
    if not missing:
        return (
            f"damaged Word .docx file: it holds word/document.xml, but cannot be opened ({error})"
        )
    return (
        f"damaged Word .docx file: it holds word/document.xml but no {' or '.join(missing)} "
        "(save it again from Word)"
    )


def _holds_document(path: Path) -> bool:
    """Whether the archive has a main document part (word/document.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _opendocument(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _archive_contents(path: Path) -> str:
    """'holds hello.txt, notes/a.csv and 3 more': the first few names in the archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
    except (OSError, zipfile.BadZipFile):
        return "its contents cannot be listed"
    if not names:
        return "it is empty"
    shown = ", ".join(names[:3])
    return f"it holds {shown}" + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _style_map(document: Any) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for element in document.styles.element.iterchildren(f"{_W}style"):
        style_id = element.get(f"{_W}styleId")
        if not style_id:
            continue
        name = element.find(f"{_W}name")
        based = element.find(f"{_W}basedOn")
        ppr = element.find(f"{_W}pPr")
        outline, num_id, ilvl = _paragraph_properties(ppr)
        styles[style_id] = _Style(
            name=name.get(f"{_W}val") if name is not None else style_id,
            based_on=based.get(f"{_W}val") if based is not None else None,
            outline_level=outline,
            num_id=num_id,
            ilvl=ilvl,
            bold=_bold_setting(element.find(_RUN_PROPERTIES)),
            size=_size_setting(element.find(_RUN_PROPERTIES)),
            custom=element.get(f"{_W}customStyle") in ("1", "true", "on"),
            hidden=_vanish_setting(element.find(_RUN_PROPERTIES)),
            struck=_strike_setting(element.find(_RUN_PROPERTIES)),
            break_before=_on_off(ppr.find(f"{_W}pageBreakBefore")) if ppr is not None else None,
        )
    return styles


def _mark_deleted(paragraph: Any) -> bool:
    return paragraph.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None


def _on_off(element: Any) -> bool | None:
    if element is None:
        return None
    return element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _vanish_setting(properties: Any) -> bool | None:
    vanish = properties.find(f"{_W}vanish") if properties is not None else None
    if vanish is None:
        return None
    return vanish.get(f"{_W}val") not in ("0", "false", "off")


def _run_unseen(run: Any, hidden: frozenset[str]) -> bool:
    """Whether a run is struck through or hidden, on itself or by its character style."""
    return _unseen_by(run.find(_RUN_PROPERTIES), hidden)


def _strike_setting(properties: Any) -> bool | None:
    """Whether these properties strike text through (w:strike or w:dstrike), say it does
    not (val 0), or say nothing (None). Struck text is how a draft marks words taken out
    without tracking the change: read as taken out, as Markdown's '~~' is ('We will ~~not~~
    build' builds)."""
    if properties is None:
        return None
    said = [
        found.get(f"{_W}val") not in ("0", "false", "off")
        for tag in ("strike", "dstrike")
        if (found := properties.find(f"{_W}{tag}")) is not None
    ]
    return any(said) if said else None


# How a style that strikes its text through is named among the hidden styles' ids.
_STRUCK = "strike:"


def _hidden_styles(styles: dict[str, _Style]) -> frozenset[str]:
    """The ids of styles whose text Word hides, set on them or on a style they are based on
    (how a template's guidance is usually hidden); and, prefixed with ``_STRUCK``, those
    that strike it through. The nearest style in the chain that says either way decides."""
    hidden = set()
    for style_id in styles:
        for setting, key in (("hidden", style_id), ("struck", _STRUCK + style_id)):
            current: str | None = style_id
            for _ in range(10):  # a based-on chain, guarded against loops
                found = styles.get(current or "")
                if found is None:
                    break
                said = getattr(found, setting)
                if said is not None:
                    if said:
                        hidden.add(key)
                    break
                current = found.based_on
    return frozenset(hidden)


def _style_struck(properties: Any, hidden: frozenset[str]) -> bool:
    style = properties.find(f"{_W}rStyle") if properties is not None else None
    return style is not None and _STRUCK + (style.get(f"{_W}val") or "") in hidden


def _paragraph_properties(ppr: Any) -> tuple[int | None, str | None, int | None]:
    if ppr is None:
        return None, None, None
    outline = ppr.find(f"{_W}outlineLvl")
    level = int(outline.get(f"{_W}val")) if outline is not None else None
    numpr = ppr.find(f"{_W}numPr")
    num_id = ilvl = None
    if numpr is not None:
        num = numpr.find(f"{_W}numId")
        lvl = numpr.find(f"{_W}ilvl")
        num_id = num.get(f"{_W}val") if num is not None else None
        ilvl = int(lvl.get(f"{_W}val")) if lvl is not None else None
    return level, num_id, ilvl


@dataclass(frozen=True, slots=True)
class _Level:
    """One level of a Word list as a numbering instance (w:num) uses it."""

    fmt: str  # 'bullet', 'decimal', 'upperLetter', 'lowerRoman', ...
    text: str  # what Word shows for it: '%1.', 'Priority %1:'
    start: int
    # The list (w:abstractNum) it numbers: instances of one list go on counting as one.
    list_id: str
    # 'Set numbering value' or 'Restart at': where this instance starts the level again.
    restart: int | None = None


def _numbering_formats(document: Any) -> dict[tuple[str, int], _Level]:
    """Map (numId, level) to how Word numbers it: its format, the text it shows, where it
    starts, and the list it counts in."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, _Level]] = {}
    for element in numbering.iterchildren(f"{_W}abstractNum"):
        list_id = element.get(f"{_W}abstractNumId") or ""
        abstract[list_id] = {
            level: found
            for lvl in element.iterchildren(f"{_W}lvl")
            for level, found in [_level(lvl, list_id)]
        }
    formats: dict[tuple[str, int], _Level] = {}
    for num in numbering.iterchildren(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        num_id = num.get(f"{_W}numId")
        for level, found in abstract.get(ref.get(f"{_W}val"), {}).items():
            formats[(num_id, level)] = found
        for override in num.iterchildren(f"{_W}lvlOverride"):
            level = _int(override.get(f"{_W}ilvl"), 0)
            lvl = override.find(f"{_W}lvl")
            base = formats.get((num_id, level)) or _Level("decimal", "", 1, f"num {num_id}")
            start = override.find(f"{_W}startOverride")
            restart = _int(start.get(f"{_W}val"), 1) if start is not None else None
            if lvl is not None:
                # The instance redefines the level (its format, text and start) and starts it
                # again, still in its list: a deeper level goes back to its start under it.
                base = _level(lvl, base.list_id)[1]
                restart = restart if restart is not None else base.start
            formats[(num_id, level)] = replace(base, restart=restart)
    return formats


def _level(lvl: Any, list_id: str) -> tuple[int, _Level]:
    fmt = lvl.find(f"{_W}numFmt")
    shown = lvl.find(f"{_W}lvlText")
    start = lvl.find(f"{_W}start")
    return _int(lvl.get(f"{_W}ilvl"), 0), _Level(
        fmt.get(f"{_W}val") or "decimal" if fmt is not None else "decimal",
        (shown.get(f"{_W}val") or "") if shown is not None else "",
        _int(start.get(f"{_W}val"), 1) if start is not None else 1,
        list_id,
    )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class _BodyWalker:
    def __init__(self, styles: dict[str, _Style], formats: dict[tuple[str, int], _Level]) -> None:
        self.styles = styles
        self.formats = formats
        self.builder = BlockBuilder()
        # Each list's count at each level, by (list, level).
        self.counters: dict[tuple[str, int], int] = {}
        # The numbering instances that have started counting (their restart is spent).
        self.started: set[tuple[str, int]] = set()
        # Which breaks give the pages (see _page_breaks); None where pages are not known.
        self.breaks: str | None = None
        self.page = 1
        # Whether any paragraph has been met: a break before the first opens no page.
        self.begun = False
        # Whether the last paragraph read runs on into the next (its mark deleted).
        self.runs_on = False
        # A bold-only heading's level by its type size (see _pseudo_heading_levels).
        self.pseudo_levels: dict[float, int] = {}
        # The styles whose text Word hides.
        self.hidden: frozenset[str] = frozenset()
        # Each labelled heading's level by its label ('Priority', 2), for the next in bold.
        self.labelled: dict[tuple[str, int], int] = {}

    def walk(self, parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == f"{_W}p":
                self.paragraph(child)
            elif child.tag == f"{_W}tbl":
                self.table(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content)

    def page_or_none(self) -> int | None:
        return self.page if self.breaks is not None else None

    def paragraph(self, element: Any) -> None:
        leading, trailing = self._page_breaks_in(element)
        self.page += leading
        before = self.builder.last
        self._paragraph(element)
        self.page += trailing
        self.begun = True
        added = self.builder.last
        # A paragraph whose mark a tracked change deletes runs on into the next one once the
        # change is accepted, as it is read ('..., we will' / 'fund debt advice ...').
        self.runs_on = (
            added is not None
            and added is not before
            and added.kind == "paragraph"
            and _mark_deleted(element)
        )

    def _page_breaks_in(self, element: Any) -> tuple[int, int]:
        """The page breaks a paragraph begins with (its text starts on a later page) and the
        ones within or after its text, as the chosen breaks count them."""
        if self.breaks is None or _boxed_anywhere(element):
            return 0, 0  # a text box's breaks are its own layout's
        leading = 0
        if self.breaks == "explicit" and self.begun and _breaks_before(element, self.styles):
            leading = 1
        before, total, _ = self._breaks_of([element])
        after = total - before
        if self.breaks == "explicit" and _ends_page_section(element):
            after += 1
        if not self.begun and self.breaks == "rendered":
            before = 0  # nothing is on the page a break before the first text would end
        return leading + before, after

    def _paragraph(self, element: Any) -> None:
        # A text box, or a fallback copy of what the paragraph holds (mc:Fallback, beside the
        # mc:Choice read): both left out of the paragraph's own text.
        boxed = next(element.iter(*_BOXED), None) is not None
        boxes = _text_boxes(element) if boxed else []
        # A floating box stands apart from the text; Word anchors it to the nearest
        # paragraph. Read after that paragraph, a call-out anchored in a lead-in ('... agreed
        # the following priorities:') parted it from its list, and the list was not read as
        # the priorities it announces: before a lead-in, the box parts nothing. Anywhere else
        # it stays after its paragraph (before a heading, bold or styled, it would move into
        # the section above).
        before: list[Any] = []
        if boxes and _text(element, boxed, self.hidden).rstrip().endswith(":"):
            before = [box for box in boxes if _floating(box, element)]
        after = [box for box in boxes if box not in before]  # lxml elements: by identity
        for box in before:
            self.walk(box)
        self._own_text(element, boxed)
        # Call-out boxes often hold a plan's priorities: read them as blocks of their own.
        for box in after:
            self.walk(box)

    def _own_text(self, element: Any, boxed: bool) -> None:
        shown = _text(element, boxed, self.hidden, lines=True, bullet=True)
        text = shown.replace("\n", " ")
        if not text.strip():
            return
        style_id, outline, num_id, ilvl = self._properties(element)
        heading = self._heading_level(style_id, outline)
        if heading:
            if num_id is not None and num_id != "0":
                # Word numbers the heading itself ('Priority 1:'); a PDF of it shows the label.
                label = self._label(num_id, ilvl or 0)
                text = f"{label} {text}" if label else text
            self._heading(text, heading)
            return
        lead = _bold_lead(element, self.styles, boxed, self.hidden)
        style_name = self._style_chain_name(style_id)
        if style_name.startswith("toc") or _leader_tab(element):
            # A contents entry: Word draws its dot leaders with a tab, which reads as a space;
            # written as leaders, every reader's contents rule knows it for one.
            text = _PAGE_AT_END.sub(r" .... \1", text)
        if num_id is not None and num_id != "0":
            level = ilvl or 0
            depth = max(level + 1, _list_style_depth(style_name))
            worded = self._worded_label(num_id, level)
            if worded is not None:
                # 'Priority 4: A smokefree borough', as Word shows it and a PDF of it reads.
                text = f"{worded} {without_glyph(text)}"
                numbered = (
                    f"{self.counters.get((self.formats[(num_id, level)].list_id, level), 1)}."
                )
            else:
                numbered = self._marker(num_id, level)
                text = without_glyph(text)
            self.builder.add(
                "list_item", text, self.page_or_none(), level=depth, marker=numbered, lead=lead
            )
            return
        if style_name.startswith("list"):
            depth = _list_style_depth(style_name)
            self.builder.add(
                "list_item",
                without_glyph(text),
                self.page_or_none(),
                level=depth,
                marker="•",
                lead=lead,
            )
            return
        marker, rest = split_marker(text)
        if marker and _numbered_bold_heading(text, element, self.styles, boxed):
            # '3.2 Housing' in bold type: a numbered heading, not the item of a list.
            self._heading(text, self._bold_heading_level(text, element, boxed))
            return
        if marker:
            self.builder.add(
                "list_item", rest, self.page_or_none(), level=1, marker=marker, lead=lead
            )
        elif _looks_like_pseudo_heading(text) and _all_bold(element, self.styles, boxed):
            # Many real documents mark headings only with bold type, not a heading style.
            self._heading(text, self._bold_heading_level(text, element, boxed))
        else:
            # Lines parted by manual breaks are entries of their own where Markdown's and a
            # text file's lines would be ('We will insulate ...' then 'We will plant ...'):
            # read as one, four promises were one passage.
            lines = [line for line in shown.split("\n") if line.strip()]
            last = self.builder.last
            if self.runs_on and len(lines) <= 1 and last is not None and last.kind == "paragraph":
                self.builder.extend_last(text, self.page_or_none())
                return
            for index, entry in enumerate(separate_lines(lines) if len(lines) > 1 else [[text]]):
                self.builder.add(
                    "paragraph",
                    join_lines(entry),
                    self.page_or_none(),
                    lead=lead if index == 0 else None,
                )

    def _heading(self, text: str, level: int) -> None:
        # A heading closes the sections at its level and below: a label of a section it
        # closed ('Stage 1' under 'How we made this plan') gives no later heading its level.
        self.labelled = {key: at for key, at in self.labelled.items() if at < level}
        labelled = _heading_label(text)
        if labelled is not None:
            self.labelled[labelled] = level
        self.builder.heading(text, level, self.page_or_none())

    def _bold_heading_level(self, text: str, element: Any, boxed: bool) -> int:
        """A bold-only heading's level: that of the heading whose label it goes on from
        ('Priority 3: ...' in bold after a styled 'Priority 2: ...', its sibling, not its
        part), else by its type size."""
        labelled = _heading_label(text)
        before = (labelled[0], labelled[1] - 1) if labelled is not None else None
        if before in self.labelled:
            return self.labelled[before]
        return self.pseudo_levels.get(_type_size(element, boxed, self.styles), PSEUDO_HEADING_LEVEL)

    def table(self, element: Any) -> None:
        self.runs_on = False
        for row_index, row in enumerate(_children(element, f"{_W}tr")):
            cells = [(cell, list(_children(cell, f"{_W}p"))) for cell in _children(row, f"{_W}tc")]
            # A row is placed on the page it starts on, and the page after it is as far on as
            # its longest cell went (each cell of a row cut by a page break marks the break).
            breaks = [self._breaks_of(paragraphs) for _, paragraphs in cells]
            start = self.page
            leading = min((lead for lead, _, text in breaks if text), default=0)
            further = 0
            for column, (cell, paragraphs) in enumerate(cells):
                texts = [_cell_text(p, self.hidden) for p in paragraphs]
                text = " ".join(t for t in texts if t.strip())
                self.page = start + leading
                self.builder.add("table_cell", text, self.page_or_none(), cell=(row_index, column))
                for nested in _children(cell, f"{_W}tbl"):
                    before = self.page
                    self.table(nested)
                    further += self.page - before
            self.page = start + max((total for _, total, _ in breaks), default=0) + further

    def _breaks_of(self, paragraphs: list[Any]) -> tuple[int, int, bool]:
        """The page breaks before the first text of ``paragraphs`` (a table cell's, or one
        paragraph), all their breaks, and whether they hold text, as the chosen breaks count
        them; no 'page break before' nor section break (a table's cells take none)."""
        if self.breaks is None:
            return 0, 0, False
        tag = _RENDERED if self.breaks == "rendered" else f"{_W}br"
        leading = total = 0
        text = False
        for paragraph in paragraphs:
            for node in paragraph.iter(f"{_W}t", tag):
                if _in_box(node, paragraph):
                    continue
                if node.tag == f"{_W}t":
                    text = text or bool((node.text or "").strip())
                elif node.tag == _RENDERED or _page_break(node):
                    total += 1
                    leading += not text
        return leading, total, text

    def _properties(self, element: Any) -> tuple[str | None, int | None, str | None, int | None]:
        ppr = element.find(f"{_W}pPr")
        style = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = style.get(f"{_W}val") if style is not None else None
        outline, num_id, ilvl = _paragraph_properties(ppr)
        for inherited in self._chain(style_id):
            outline = outline if outline is not None else inherited.outline_level
            if num_id is None and inherited.num_id is not None:
                num_id, ilvl = inherited.num_id, ilvl if ilvl is not None else inherited.ilvl
        return style_id, outline, num_id, ilvl

    def styled_heading(self, element: Any) -> bool:
        """A heading by its style or outline level, not by its type alone."""
        style_id, outline, _, _ = self._properties(element)
        return self._heading_level(style_id, outline) > 0

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while style_id and style_id in self.styles and len(chain) < 10:
            chain.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return chain

    def _style_chain_name(self, style_id: str | None) -> str:
        chain = self._chain(style_id)
        return chain[0].name.lower() if chain else ""

    def _heading_level(self, style_id: str | None, outline: int | None) -> int:
        for style in self._chain(style_id):
            name = style.name.lower()
            if name == "title":
                return 1
            if name == "subtitle":
                # The title's second line, not an entry under it: under a cover's 'Strategic
                # Priorities 2025/26', the trust's name was taken for a stated priority.
                return 2
            found = _HEADING_NAME.match(name)
            if found:
                return int(found.group(1))
        if outline is not None and outline < 9:
            return outline + 1
        return 0

    def _marker(self, num_id: str, level: int) -> str:
        found = self.formats.get((num_id, level))
        if found is None or found.fmt in ("bullet", "none"):
            return "•"
        return f"{self._count(num_id, level)}."

    def _count(self, num_id: str, level: int) -> int:
        """The number of this paragraph at ``level`` of its list: the instances of one list
        count on from each other ('Priority 3' then, after a heading, 'Priority 4'), unless
        one restarts it ('Set numbering value' to 4)."""
        found = self.formats.get((num_id, level)) or _Level("decimal", "", 1, num_id)
        list_id = found.list_id
        for key in [k for k in self.counters if k[0] == list_id and k[1] > level]:
            del self.counters[key]
        if found.restart is not None and (num_id, level) not in self.started:
            self.counters[(list_id, level)] = found.restart - 1
        self.started.add((num_id, level))
        count = self.counters.get((list_id, level), found.start - 1) + 1
        self.counters[(list_id, level)] = count
        return count

    def _label(self, num_id: str, level: int) -> str:
        """The number Word shows before a numbered paragraph, as its level's text gives it
        ('Priority %1:' -> 'Priority 2:', '%1.%2' -> '4.1', 'Annex %1' -> 'Annex A'); empty
        for a bullet or no number."""
        found = self.formats.get((num_id, level))
        if found is None or found.fmt in ("bullet", "none") or not found.text:
            return ""
        self._count(num_id, level)
        list_id = found.list_id

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = self.formats.get((num_id, at)) or found
            return _formatted(self.counters.get((list_id, at), shown.start), shown.fmt)

        return _LEVEL_NUMBER.sub(number, found.text).strip()

    def _worded_label(self, num_id: str, level: int) -> str | None:
        """A list level's label where it holds words ('Priority %1:'), which Word shows before
        the item and a PDF of it reads; None for a plain number or bullet ('%1.')."""
        found = self.formats.get((num_id, level))
        if found is None or found.fmt in ("bullet", "none"):
            return None
        if not any(ch.isalpha() for ch in _LEVEL_NUMBER.sub("", found.text)):
            return None
        return self._label(num_id, level)


def _formatted(number: int, fmt: str) -> str:
    if fmt == "none":
        return ""  # a level shown without its number ('Step %1%2' reads 'Step 1')
    if fmt in ("upperLetter", "lowerLetter"):
        letters = _letters(number)
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def _letters(number: int) -> str:
    # Word's letters: A ... Z, then AA, BB ...
    if number < 1:
        return str(number)
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = ""
    for value, numeral in _ROMAN:
        while number >= value:
            out, number = out + numeral, number - value
    return out


# '%1' in a level's text: the number of level 1 (ilvl 0), and so on.
_LEVEL_NUMBER = re.compile(r"%([1-9])")


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The children of ``parent`` with ``tag``, those a content control wraps among them (a
    repeating section's rows, a cell or a cell's paragraph in a control): read as Word shows
    them, where they were dropped, and a priority set in a controlled row was a gap."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _children(content, tag)


# What may wrap a table's rows, a row's cells or a cell's paragraphs: a content control, or
# custom XML markup.
_WRAPPERS = frozenset([f"{_W}sdt", f"{_W}customXml"])


def _list_style_depth(style_name: str) -> int:
    """'List Bullet 2' is a second-level item: Word numbers it through a list of its own at
    level 0, so the level is in the style's name."""
    found = _LIST_STYLE_DEPTH.match(style_name)
    return int(found.group(1)) if found else 1


# A heading's label and its number: 'Priority 3:', 'Theme 2 -', 'Outcome 4.'.
_HEADING_LABEL = re.compile(r"^\W*([A-Za-z]+)\s+(\d{1,2})(?=\s*[:.\-–—)]|\s*$)")


def _heading_label(text: str) -> tuple[str, int] | None:
    found = _HEADING_LABEL.match(text)
    return (found.group(1).casefold(), int(found.group(2))) if found else None


def _pseudo_heading_levels(
    body: Any, styles: dict[str, _Style], styled_heading: Callable[[Any], bool]
) -> dict[float, int]:
    """Type size -> level for bold-only headings: the larger, the higher, from
    PSEUDO_HEADING_LEVEL down. A document that makes its headings with bold type alone
    still sizes them ('Our priorities' at 14 points, each priority at body size under it);
    read all at one level, the priorities were siblings of their heading, not under it."""
    sizes: set[float] = set()
    for paragraph in body.iter(f"{_W}p"):
        if next(paragraph.iter(_BOXED[0]), None) is not None:
            continue  # a text box's headings are read in the box's own outline
        # Not a fallback copy of its runs (mc:Fallback), which would read it twice.
        text = "".join(t.text or "" for t in _own(paragraph, True, f"{_W}t"))
        # A heading by its style has its level already; Word's own are bold too.
        if styled_heading(paragraph):
            continue
        if _looks_like_pseudo_heading(text) and _all_bold(paragraph, styles):
            sizes.add(_type_size(paragraph, False, styles))
    if len(sizes) < 2:
        return {}
    return {size: PSEUDO_HEADING_LEVEL + rank for rank, size in enumerate(sorted(sizes)[::-1])}


def _type_size(paragraph: Any, boxed: bool, styles: dict[str, _Style] | None = None) -> float:
    """The largest size (points) its runs set, or else its paragraph style; 0 for none,
    which reads as the body's size."""
    sizes = [
        float(size.get(f"{_W}val", "0")) / 2
        for run in _own(paragraph, boxed, f"{_W}r")
        if (size := run.find(f"{_W}rPr/{_W}sz")) is not None
    ]
    if sizes or styles is None:
        return max(sizes, default=0.0)
    found = _from_style_chain(styles, _paragraph_style(paragraph), "size")
    return float(found) if found else 0.0


def _size_setting(properties: Any) -> float | None:
    size = properties.find(f"{_W}sz") if properties is not None else None
    try:
        return float(size.get(f"{_W}val", "")) / 2 if size is not None else None
    except ValueError:
        return None


def _paragraph_style(paragraph: Any) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def _from_style_chain(styles: dict[str, _Style], style_id: str | None, setting: str) -> Any:
    """What a style, or the first style it is based on that says, sets ('bold', 'size')."""
    found = _setting_style(styles, style_id, setting)
    return getattr(found, setting) if found is not None else None


def _setting_style(styles: dict[str, _Style], style_id: str | None, setting: str) -> _Style | None:
    """The style, or the first style it is based on, that says what ``setting`` is."""
    for _ in range(10):  # a based-on chain, guarded against loops
        found = styles.get(style_id or "")
        if found is None or getattr(found, setting) is not None:
            return found
        style_id = found.based_on
    return None


# An outline number of two levels or more ('1.1', '3.2.4'), as numbered headings carry.
_OUTLINE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S")


def _numbered_bold_heading(
    text: str, paragraph: Any, styles: dict[str, _Style], boxed: bool
) -> bool:
    return (
        bool(_OUTLINE_NUMBER.match(text))
        and _looks_like_pseudo_heading(text)
        and _all_bold(paragraph, styles, boxed)
    )


def _looks_like_pseudo_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and not text.rstrip().endswith((".", ",", ";", "!", "?"))


def _all_bold(paragraph: Any, styles: dict[str, _Style], boxed: bool = False) -> bool:
    """Every run with text is bold, directly, by its character style or by the paragraph's
    style (a heading style of the author's own, not based on Word's headings)."""
    runs = [r for r in _own(paragraph, boxed, f"{_W}r") if (r.findtext(f"{_W}t") or "").strip()]
    if not runs:
        return False
    by_paragraph = _bold_by_own_style(styles, _paragraph_style(paragraph))
    return all(_bold(run, styles, by_paragraph) for run in runs)


def _bold_by_own_style(styles: dict[str, _Style], style_id: str | None) -> bool:
    """Whether the paragraph's style makes its text bold, as a heading of the author's own:
    not Word's own bold styles for a caption or a quotation ('Caption', 'Intense Quote'),
    unless the author made a style of their own on one."""
    found = _setting_style(styles, style_id, "bold")
    return (
        found is not None
        and bool(found.bold)
        and (found.custom or found.name.casefold() not in _NOT_HEADINGS)
    )


# Word's own paragraph styles set in bold that name a caption or a quotation, no heading.
_NOT_HEADINGS = frozenset({"caption", "intense quote", "quote", "block text"})


def _bold_setting(properties: Any) -> bool | None:
    """What run properties say about bold: True, False, or nothing."""
    bold = properties.find(_BOLD) if properties is not None else None
    if bold is None:
        return None
    return bold.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _bold(run: Any, styles: dict[str, _Style], by_paragraph: bool = False) -> bool:
    """Bold as Word shows it: the run's own setting, else its character style's, else
    ``by_paragraph`` (what the paragraph's style says)."""
    properties = run.find(_RUN_PROPERTIES)
    direct = _bold_setting(properties)
    if direct is not None:
        return direct
    style = properties.find(f"{_W}rStyle") if properties is not None else None
    by_character = _from_style_chain(
        styles, style.get(f"{_W}val") if style is not None else None, "bold"
    )
    return by_paragraph if by_character is None else bool(by_character)


def _bold_lead(
    paragraph: Any,
    styles: dict[str, _Style],
    boxed: bool = False,
    hidden: frozenset[str] = frozenset(),
) -> str | None:
    """The bold words opening a paragraph that goes on in plain type ("Warm homes. We will");
    runs struck through or hidden are not read, so they are no part of it."""
    runs = (run for run in _own(paragraph, boxed, f"{_W}r") if not _run_unseen(run, hidden))
    first = next(runs, None)
    if first is None or not _bold(first, styles):
        return None  # most paragraphs: settled by their first run
    parts: list[str] = []
    for run in itertools.chain([first], runs):
        text = "".join(node.text or "" for node in run.iter(f"{_W}t"))
        if text.strip() and not _bold(run, styles):
            lead = "".join(parts)
            return None if not lead or bold_goes_on(lead, text) else lead
        parts.append(text)
    return None  # all bold, or no text: not a run-in heading


def _own(paragraph: Any, boxed: bool, *tags: str) -> Any:
    """The paragraph's descendants with these tags, leaving out its text boxes (``boxed``: it
    has some; the usual case, without, needs no ancestor walks)."""
    nodes = paragraph.iter(*tags)
    return (node for node in nodes if not _in_box(node, paragraph)) if boxed else nodes


def _in_box(node: Any, paragraph: Any) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag in _BOXED:
            return True
    return False


def _text_boxes(paragraph: Any) -> list[Any]:
    """The paragraph's own text boxes, once each (not their fallback copies or boxes in boxes)."""
    boxes = paragraph.iter(f"{_W}txbxContent")
    return [box for box in boxes if not _in_box(box.getparent(), paragraph)]


def _floating(box: Any, paragraph: Any) -> bool:
    """Whether a text box floats (placed on the page, not in the line of text): a DrawingML
    anchor, or a VML shape positioned absolutely."""
    for ancestor in box.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _ANCHOR:
            return True
        if ancestor.tag == _VML_SHAPE and "position:absolute" in ancestor.get("style", ""):
            return True
    return False


def _moved_away(node: Any, paragraph: Any) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _MOVED_AWAY:
            return True
    return False


def _hidden(
    node: Any, hidden: frozenset[str], paragraph_hidden: bool, paragraph_struck: bool = False
) -> bool:
    """Whether a run's text is hidden (w:vanish, on the run, its character style or its
    paragraph's style): Word does not show it, as with a template's guidance left in; read,
    it aligned priorities the document does not address."""
    return _unseen_by(_run_properties(node), hidden, paragraph_hidden, paragraph_struck)


def _run_properties(node: Any) -> Any:
    """The properties of the run a piece of text is in; None outside a run or without."""
    run = node.getparent()
    if run is None or run.tag != _RUN:
        return None
    # The schema puts a run's properties first: looking further (find) went through every
    # piece of a run without them, for each piece (and lxml counts children one by one), and
    # a run of 50,000 tabs took minutes.
    first = next(iter(run), None)
    return first if first is not None and first.tag == _RUN_PROPERTIES else None


def _unseen_by(
    properties: Any,
    hidden: frozenset[str],
    paragraph_hidden: bool = False,
    paragraph_struck: bool = False,
) -> bool:
    """Whether run properties (and the paragraph's style) hide or strike the run's text."""
    # Struck through on the run, or else by its character or paragraph style: the run's own
    # word wins ('strike off' on a run in a struck paragraph style is read).
    struck = _strike_setting(properties)
    if struck is None:
        struck = _style_struck(properties, hidden) or paragraph_struck
    if struck:
        return True
    direct = _vanish_setting(properties)
    if direct is not None:
        return direct
    if hidden and properties is not None:
        style = properties.find(f"{_W}rStyle")
        if style is not None and style.get(f"{_W}val") in hidden:
            return True
    return paragraph_hidden


# A note's mark set as a raised run ('clean air' then a superscript '1').
_MARK_TEXT = re.compile(r"^[\d*†‡§,]{1,6}$")


_NOTE_REFERENCES = (f"{_W}footnoteReference", f"{_W}endnoteReference")


def _custom_note_marks(paragraph: Any) -> set[Any]:
    """The runs holding a note's own mark ('*', '†') as text, after the reference that says
    its mark follows: it stayed on the priority's name ('Ageing well*'). Found once a
    paragraph: looked for at each piece of text, a run of 60,000 took 26 s."""
    return {
        reference.getparent()
        for reference in paragraph.iter(*_NOTE_REFERENCES)
        if reference.get(f"{_W}customMarkFollows") in ("1", "true", "on")
    }


def _note_mark(node: Any, parts: list[str]) -> bool:
    """Whether a piece of text is a footnote's mark typed as a superscript run after a word,
    a year or punctuation ('air' then '1'), which glued on read 'air1'; a unit or a power
    ('m' then '2') stays, as the Markdown and PDF readers keep it."""
    text = (node.text or "").strip()
    if not _MARK_TEXT.match(text):
        return False
    properties = _run_properties(node)
    align = properties.find(f"{_W}vertAlign") if properties is not None else None
    if align is None or align.get(f"{_W}val") != "superscript":
        return False
    return marks_a_note("".join(parts[-3:]))


def _style_of(element: Any, properties_tag: str, style_tag: str) -> str | None:
    properties = element.find(f"{_W}{properties_tag}")
    style = properties.find(f"{_W}{style_tag}") if properties is not None else None
    return style.get(f"{_W}val") if style is not None else None


def _cell_text(paragraph: Any, hidden: frozenset[str] = frozenset()) -> str:
    """A table cell's paragraph with its text boxes' words after its own, each once."""
    if next(paragraph.iter(*_BOXED), None) is None:
        return _text(paragraph, hidden=hidden)
    boxed = [_text(p, hidden=hidden) for box in _text_boxes(paragraph) for p in box.iter(f"{_W}p")]
    return " ".join([_text(paragraph, True, hidden), *boxed])


def _text(
    paragraph: Any,
    boxed: bool = False,
    hidden: frozenset[str] = frozenset(),
    lines: bool = False,
    bullet: bool = False,
) -> str:
    """The paragraph's text as Word shows it; with ``lines``, a manual line break (Shift+Enter)
    as a new line, else as a space; with ``bullet``, a bullet inserted as a symbol (w:sym, as
    Insert > Symbol and pasted lists make it) before any text, as its glyph."""
    parts: list[str] = []
    tags = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen", f"{_W}sym")
    # Text moved away with Track Changes on stays in the file at its old place, as w:t (a
    # deletion's is w:delText): read, it duplicated the moved priority, which then vanished.
    moved = next(paragraph.iter(_MOVED_AWAY), None) is not None
    paragraph_style = _style_of(paragraph, "pPr", "pStyle") or ""
    hidden_paragraph = bool(hidden) and paragraph_style in hidden
    struck_paragraph = bool(hidden) and _STRUCK + paragraph_style in hidden
    opening = bullet  # nothing shown yet but spaces
    custom = _custom_note_marks(paragraph)
    for node in _own(paragraph, boxed, *tags):
        if moved and _moved_away(node, paragraph):
            continue
        if _hidden(node, hidden, hidden_paragraph, struck_paragraph):
            continue
        if node.tag == f"{_W}sym":
            # Other symbols (a Wingdings tick mid-sentence) have no letters to read.
            glyph = _symbol_glyph(node) if opening else ""
            if is_bullet_glyph(glyph):
                parts.append(glyph)
                opening = False
            continue
        if node.tag == f"{_W}t":
            if custom and node.getparent() in custom:
                continue
            if _note_mark(node, parts):
                if (node.text or "")[-1:].isspace():
                    parts.append(" ")  # the mark goes, not the space after it
                continue
            parts.append(node.text or "")
            opening = opening and not (node.text or "").strip()
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
            opening = False
        elif lines and node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        else:
            parts.append(" ")
    return "".join(parts)


def _symbol_glyph(node: Any) -> str:
    """The character a w:sym draws, as a symbol font's Private Use Area code point: Word
    writes 'F0B7' for the Symbol font's bullet, and may write it as 'B7', the same glyph."""
    try:
        code = int(node.get(f"{_W}char") or "", 16)
    except ValueError:
        return ""
    return chr(code + 0xF000) if code < 0x100 else chr(code) if code < 0x110000 else ""
