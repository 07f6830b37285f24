"""How far a PDF's compressed streams inflate, measured before any engine opens the file.

Both engines inflate a page's content stream whole before reading it, so a 2 MB file whose
one page inflates to 2 GB of spaces peaked at over 3 GB. Every stream of a PDF sits in the
file itself (an object stream holds no streams), so a pass over the raw bytes finds them all;
each is inflated a megabyte at a time and only its size is kept, stopping as soon as the total
passes the inflated-size limit. Images are left out: no engine decodes them to read text.
"""

from __future__ import annotations

import base64
import binascii
import mmap
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from alignck.limits import MB, Limits, over

# A stream's dictionary ends right before the keyword; its data starts after the end of line.
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_OBJECT_START = re.compile(rb"\d+\s+\d+\s+obj\b")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# An embedded font file: FreeType reads it at about its size, unlike a page's operators.
_FONT = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_END = re.compile(rb"endstream")
# How far back from a stream's data its dictionary may start; a longer dictionary is not a
# real page's.
_DICTIONARY_REACH = 64 * 1024
_STEP = 1 * MB
_FLATE = (b"FlateDecode", b"Fl")
_ASCII_DECODERS = {
    b"ASCIIHexDecode": lambda data: binascii.unhexlify(_hex_digits(data)),
    b"AHx": lambda data: binascii.unhexlify(_hex_digits(data)),
    b"ASCII85Decode": lambda data: base64.a85decode(_a85_body(data), ignorechars=b" \t\r\n\f\0"),
    b"A85": lambda data: base64.a85decode(_a85_body(data), ignorechars=b" \t\r\n\f\0"),
}


def check_streams(path: Path, limits: Limits) -> None:
    """Refuse a PDF, before any of it is parsed, whose compressed streams inflate to more than
    the inflated-size limit, or one of whose streams other than fonts alone passes the stream
    limit (PDFium reads a page's text at ~165 bytes of memory per byte of its operators)."""
    total_limit, stream_limit = limits.inflated_mb * MB, limits.stream_mb * MB
    if path.stat().st_size == 0:
        return
    total = 0
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for start, filters, font in _compressed_streams(data):
            budget = total_limit - total if font else min(stream_limit, total_limit - total)
            size = _stream_size(data, start, filters, budget)
            if size > stream_limit and not font:
                found = f"a compressed stream that inflates to more than {limits.stream_mb:,} MB"
                raise over(str(path), found, f"{limits.stream_mb:,} MB", "stream_mb")
            total += size
            if total > total_limit:
                found = f"compressed streams that inflate to more than {limits.inflated_mb:,} MB"
                raise over(str(path), found, f"{limits.inflated_mb:,} MB", "inflated_mb")


def _compressed_streams(data: mmap.mmap) -> Iterator[tuple[int, list[bytes], bool]]:
    """Where each stream's data starts, its filters, and whether it is a font, for streams
    that are not images."""
    for match in _STREAM.finditer(data):
        dictionary = _dictionary_before(data, match.start())
        found = _FILTERS.search(dictionary)
        if found is None or _IMAGE.search(dictionary):
            continue
        filters = _NAME.findall(found.group(1))
        if any(name in _FLATE for name in filters):
            yield match.end(), filters, _FONT.search(dictionary) is not None


def _dictionary_before(data: mmap.mmap, end: int) -> bytes:
    start = max(0, end - _DICTIONARY_REACH)
    window = data[start:end]
    heads = list(_OBJECT_START.finditer(window))
    return window[heads[-1].end() :] if heads else window


def _stream_size(data: mmap.mmap, start: int, filters: list[bytes], budget: int) -> int:
    if filters[0] in _FLATE:
        return _inflated(_chunks(data, start), budget)
    decode = _ASCII_DECODERS.get(filters[0])
    if decode is None or len(filters) < 2 or filters[1] not in _FLATE:
        return 0  # not a chain an engine inflates from the file's bytes through Flate
    end = _END.search(data, start)
    try:
        decoded = decode(data[start : end.start() if end else len(data)])
    except (ValueError, binascii.Error):
        return 0
    return _inflated(_chunks(decoded, 0), budget)


def _chunks(data: mmap.mmap | bytes, start: int) -> Iterator[bytes]:
    for offset in range(start, len(data), _STEP):
        yield data[offset : offset + _STEP]


def _inflated(chunks: Iterator[bytes], budget: int) -> int:
    """Bytes the zlib stream inflates to, a megabyte at a time; a broken stream counts up to
    where it breaks (engines keep what they inflated before the damage)."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:
                total += len(inflater.decompress(pending, _STEP))
                if total > budget:
                    return total
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass
    return total


def _hex_digits(data: bytes) -> bytes:
    digits = bytes(data.split(b">", 1)[0].translate(None, b" \t\r\n\f\0"))
    return digits + b"0" if len(digits) % 2 else digits


def _a85_body(data: bytes) -> bytes:
    return data.split(b"~>", 1)[0].strip()
