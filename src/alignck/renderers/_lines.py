"""The line a quote starts on in a text, Markdown or HTML file, for the CI formats that place a
finding on a line (SARIF regions, GitHub annotations).

The text and Markdown readers note the line each block starts on, and a quote's location
carries its block's: the quote is sought from there to the block's end (the next blank
line), so a copy of it earlier in the file (in a comment, struck through, in a code block or
an earlier paragraph) never takes its place, and the block's own line stands where the quote
is not found in it (a short name, a quote composed from a lead-in and its item). A quote is
the text as read: markup gone, wrapped lines joined, a list item without its marker. So it
is found with only its letters and digits compared, lower-cased; whatever else differs
(asterisks, line breaks, punctuation turned typographic) does not stop the match. Without
its block's line (a location from elsewhere), the first match in the whole file is taken. A
quote that cannot be placed, or a file that is not text or Markdown (a PDF or Word file has
no lines), gives None, and the finding stays on the file's first line.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from pathlib import Path, PurePath

from alignck.files import open_regular
from alignck.readers._text import decode

# A web page is read as the Markdown it stands for, its blocks on the lines of its source.
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm"})
_NOT_COMPARED = re.compile(r"[\W_]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKUP = re.compile(
    r"\]\([^()\s]{0,2000}(?:\([^()\s]{0,200}\)[^()\s]{0,200}){0,5}(?:\s+\"[^\"]{0,1000}\")?\)"
    r"|<[^>\n]+>|&#?\w+;"
)
# What the Markdown reader leaves out of the text altogether (an image, its alt text too; a
# footnote's mark) or keeps without its brackets (an autolink's address).
_IMAGE = re.compile(
    r"!\[[^\]\n]{0,1000}\]\([^()\n]{0,2000}(?:\([^()\n]{0,200}\)[^()\n]{0,200}){0,5}\)"
)
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\](?!:)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^>\s@]+@[^>\s]+)>")
# Enough of a quote's opening to place it; a shorter fallback for a quote the reader
# composed (a lead-in joined to its item) whose opening is in the file but not the rest.
_KEY_LENGTHS = (80, 30)
_SHORTEST_KEY = 6
# Larger files are left on line 1 rather than read a second time.
_LARGEST_FILE = 32 << 20


def line_of(path: str | None, quote: str | None, near: int | None = None) -> int | None:
    """The 1-based line of ``path`` where ``quote`` starts, or None when it cannot be told;
    ``near``: the line the quote's block starts on, as its reader found it."""
    if not path or PurePath(path).suffix.lower() not in TEXT_SUFFIXES:
        return None
    index = _file_index(path)
    if near is not None:
        found = _within_block(index, quote, near) if index and quote else None
        return found or near
    if index is None or not quote:
        return None
    flat, starts, _blank = index
    key = _flat(quote)
    if len(key) < _SHORTEST_KEY:
        return None
    whole = flat.find(key[: _KEY_LENGTHS[0]])
    if whole >= 0:
        return bisect_right(starts, whole)
    # The opening alone, only where it is found once: a first match elsewhere put a quote
    # on an earlier sentence that opens the same way.
    opening = key[: _KEY_LENGTHS[1]]
    at = flat.find(opening)
    if at >= 0 and flat.find(opening, at + 1) < 0:
        return bisect_right(starts, at)
    return None


def _within_block(index: _Index, quote: str, near: int) -> int | None:
    """The line ``quote`` starts on in the block that starts on line ``near`` (which ends at
    the next blank line): its whole opening, or failing that its shorter one."""
    flat, starts, blank = index
    if not 0 < near <= len(starts):
        return None
    end = next((at for at in range(near - 1, len(blank)) if blank[at]), len(starts))
    block = flat[starts[near - 1] : starts[end] if end < len(starts) else len(flat)]
    key = _flat(quote)
    for length in _KEY_LENGTHS:
        at = block.find(key[:length]) if key else -1
        if at >= 0:
            return bisect_right(starts, starts[near - 1] + at)
    return None


def _flat(text: str) -> str:
    return _NOT_COMPARED.sub("", text.lower())


# The file's letters and digits in one string, where each line begins in it, and which lines
# are blank.
_Index = tuple[str, tuple[int, ...], tuple[bool, ...]]


def _file_index(path: str) -> _Index | None:
    try:
        file = Path(path).resolve()
        status = file.stat()
    except (OSError, RuntimeError):
        return None
    if not file.is_file() or status.st_size > _LARGEST_FILE:
        return None
    # Keyed by what the file is now: one process (a test run) may render several reports.
    return _index(str(file), status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=32)
def _index(path: str, _mtime_ns: int, _size: int) -> _Index | None:
    try:
        with open_regular(Path(path)) as handle:
            text, _warning = decode(handle.read())
    except (OSError, ValueError):
        return None
    starts: list[int] = []
    pieces: list[str] = []
    blank: list[bool] = []
    length = 0
    # The line breaks editors and SARIF count, not str.splitlines' form feeds and the like.
    markdown = PurePath(path).suffix.lower() in (".md", ".markdown")
    for line in _LINE_BREAK.split(text):
        starts.append(length)
        # A link's target, a tag or an entity is not in the text a quote holds.
        piece = _flat(_markdown_text(line) if markdown else line)
        pieces.append(piece)
        blank.append(not line.strip())
        length += len(piece)
    return "".join(pieces), tuple(starts), tuple(blank)


def _markdown_text(line: str) -> str:
    """A Markdown line as near as it can be told, line by line, to the text its reader keeps."""
    line = _FOOTNOTE_MARK.sub("", _IMAGE.sub("", line))
    return _MARKUP.sub("", _AUTOLINK.sub(r"\1", line))
