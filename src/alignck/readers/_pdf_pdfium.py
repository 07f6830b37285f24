"""Lines and outline from PDFium (pypdfium2): the fast default engine."""

from __future__ import annotations

import ctypes
from pathlib import Path

from alignck.errors import ReadError
from alignck.readers._pdflines import Line, OutlineEntry
from alignck.readers._text import clean


def extract(path: Path) -> tuple[list[list[Line]], list[OutlineEntry]]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ReadError(
                "password-protected PDF; alignck cannot read it without the password", str(path)
            ) from error
        raise ReadError(f"not a readable PDF ({error})", str(path)) from error
    try:
        pages = [_page_lines(pdf[index]) for index in range(len(pdf))]
        return pages, _outline(pdf)
    finally:
        pdf.close()


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
    import pypdfium2.raw as raw

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        text = textpage.get_text_range()
        x, y = ctypes.c_double(), ctypes.c_double()
        lines: list[Line] = []
        start = 0
        for raw_line in text.split("\r\n"):
            first = start + len(raw_line) - len(raw_line.lstrip())
            last = start + len(raw_line.rstrip()) - 1
            start += len(raw_line) + 2
            cleaned = clean(raw_line)
            if not cleaned:
                continue
            raw.FPDFText_GetCharOrigin(textpage, first, ctypes.byref(x), ctypes.byref(y))
            size = raw.FPDFText_GetFontSize(textpage, first)
            bold = (
                raw.FPDFText_GetFontWeight(textpage, first) >= 600
                and raw.FPDFText_GetFontWeight(textpage, max(first, last)) >= 600
            )
            lines.append(Line(cleaned, round(size, 2), bold, x.value, y.value))
        return lines
    finally:
        textpage.close()
        page.close()  # type: ignore[attr-defined]
