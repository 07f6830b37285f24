"""The line record both PDF engines produce, so that block assembly is engine-independent."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from alignck.errors import ReadError
from alignck.limits import Limits, check_characters, check_pages
from alignck.wording import counted

# A number set under this share of the size of the text it sits by is a superscript: a
# footnote's mark, whichever engine read it.
SUPERSCRIPT_SIZE = 0.7
# A line off the page's axes by more than this (radians: 10 degrees) is set at a slant; a
# scan's text layer tilts by a degree or two.
_SLANT = math.radians(10)
_QUARTER = math.pi / 2


@dataclass(frozen=True, slots=True)
class Line:
    """One text line: its text, font size, weight, start x and baseline y (PDF points, y up)."""

    text: str
    size: float
    bold: bool
    x: float
    y: float
    last_y: float | None = None  # baseline of the last character when the line wraps
    lead: str | None = None  # bold words opening a line that goes on in plain type
    # Pieces of one baseline set far apart (table cells on one row): (start x, text) each.
    pieces: tuple[tuple[float, str], ...] = ()

    @property
    def end_y(self) -> float:
        return self.y if self.last_y is None else self.last_y


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    level: int
    title: str
    page: int | None


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an engine read: lines per page, the outline, warnings, and whether it took a
    password to open."""

    pages: list[list[Line]]
    outline: list[OutlineEntry]
    warnings: list[str] = field(default_factory=list)
    protected: bool = False


def locked(path: Path, passwords: tuple[str, ...]) -> ReadError:
    """The error for an encrypted PDF none of the given passwords opens."""
    if len(passwords) == 1:
        # Not 'none of the 1 password given opens it'.
        reason = "password-protected PDF; the password given does not open it"
    elif passwords:
        given = counted(len(passwords), "password")
        reason = f"password-protected PDF; none of the {given} given opens it"
    else:
        reason = "password-protected PDF; give its password with --password"
    return ReadError(reason, str(path))


def is_password_problem(error: ReadError) -> bool:
    return error.message.startswith("password-protected")


def bounded_pages(
    path: Path, count: int, pages: Iterable[list[Line]], limits: Limits | None
) -> list[list[Line]]:
    """The pages' lines, refusing a document of more pages than the limit before reading any,
    and stopping at the page where its text passes the character limit."""
    limits = limits or Limits()
    check_pages(str(path), count, limits)
    kept: list[list[Line]] = []
    characters = 0
    for lines in pages:
        characters += sum(len(line.text) for line in lines)
        check_characters(str(path), characters, limits)
        kept.append(lines)
    return kept


def aslant(angle: float) -> bool:
    """Whether text set at ``angle`` (radians, either way round) is at a slant, neither along
    the page nor a quarter turn from it: a 'DRAFT' watermark across the page, or a stamp, never
    a heading or a sentence. Read, a watermark in large bold type headed every section
    ('DRAFT › Start well'), so both engines leave such text out."""
    turns = angle / _QUARTER
    return abs(turns - round(turns)) * _QUARTER > _SLANT


# Control characters other than line ends: what PDFium gives for the glyphs of a font with no
# map from its glyphs to letters (no ToUnicode).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_GLYPH_NUMBERS_SHARE = 0.3


def glyph_numbers(text: str) -> bool:
    """Whether a page's text is glyph numbers rather than letters: read, it would quote
    control characters, and split into lines it no longer matched its character count."""
    found = len(_CONTROL.findall(text))
    return found > 0 and found >= _GLYPH_NUMBERS_SHARE * len(text.replace("\r\n", ""))
