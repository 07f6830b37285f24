"""Lines and outline from pypdf: the slower pure-Python engine, kept as fallback and baseline."""

from __future__ import annotations

import logging
import math
import warnings
from pathlib import Path
from typing import Any

from alignck.errors import ReadError
from alignck.limits import Limits
from alignck.readers._pdflines import (
    Extracted,
    Line,
    OutlineEntry,
    aslant,
    bounded_pages,
    glyph_numbers,
    locked,
)
from alignck.readers._sniff import refused
from alignck.readers._text import clean


def extract(path: Path, passwords: tuple[str, ...] = (), limits: Limits | None = None) -> Extracted:
    import pypdf
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(str(path))
            protected = reader.is_encrypted and _unlock(reader, path, passwords)
            lines = (_page_lines(page) for page in reader.pages)
            pages = bounded_pages(path, len(reader.pages), lines, limits)
            outline = _outline(reader)
    except ReadError:
        raise
    except pypdf.errors.DependencyError as error:
        raise ReadError(
            f"encrypted PDF that pypdf cannot decrypt here ({error})", str(path)
        ) from error
    except (PdfReadError, pypdf.errors.PyPdfError, KeyError, ValueError, TypeError) as error:
        raise refused(path, "a PDF", f"not a readable PDF ({error})") from error
    return Extracted(pages, outline, protected=protected)


def _unlock(reader: Any, path: Path, passwords: tuple[str, ...]) -> bool:
    """Open an encrypted file: True when it took one of the passwords (an empty user
    password opens without one)."""
    if reader.decrypt(""):
        return False
    for password in passwords:
        if reader.decrypt(password):
            return True
    raise locked(path, passwords)


def _page_lines(page: Any) -> list[Line]:
    pieces: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text.strip():
            return
        a, b, c, d, e, f = _multiply(tm, cm)
        if aslant(math.atan2(b, a)):
            return  # a watermark across the page
        scale = (abs(a * d - b * c)) ** 0.5 or 1.0
        pieces.append((f, e, size * scale, text))

    page.extract_text(visitor_text=visit)
    if glyph_numbers("".join(text for *_, text in pieces)):
        return []  # a font's glyph numbers, not letters: the page counts as textless
    lines: list[Line] = []
    for y, x, size, text in pieces:
        if lines and abs(lines[-1].y - y) < max(size, 1.0) * 0.5:
            last = lines[-1]
            joiner = "" if last.text.endswith(" ") or text.startswith(" ") else " "
            # The type of its words, not of a note's number or a bullet opening it (as the
            # PDFium engine reads it): a footnote's '1' at the body's size is no body text.
            words = any(c.isalpha() for c in last.text) or not any(c.isalpha() for c in text)
            kept = last.size if words else round(size, 2)
            lines[-1] = Line(last.text + joiner + text, kept, False, last.x, last.y)
        else:
            lines.append(Line(text, round(size, 2), False, x, y))
    return [
        Line(clean(line.text), line.size, False, line.x, line.y)
        for line in lines
        if clean(line.text)
    ]


def _multiply(m: list[float], n: list[float]) -> tuple[float, ...]:
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _outline(reader: Any) -> list[OutlineEntry]:
    entries: list[OutlineEntry] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            try:
                page = reader.get_destination_page_number(item) + 1
            except Exception:
                page = None
            entries.append(OutlineEntry(level, str(item.title), page))

    try:
        walk(reader.outline, 0)
    except Exception:
        return []
    return entries
