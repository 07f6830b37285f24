"""How far a PDF's compressed streams inflate, measured before any engine opens the file.

Both engines inflate a page's content stream whole before reading it, so a 2 MB file whose
one page inflates to 2 GB of spaces peaked at over 3 GB. Every stream of a PDF sits in the
file itself (an object stream holds no streams), so a pass over the raw bytes finds them all;
each is inflated a megabyte at a time and only its size is kept, stopping as soon as a limit
is passed; LZW and run-length streams are counted without being decoded. Images are not read
to extract text and fonts are read at about their size, so neither is held to the limit on
one stream (fonts count towards the total); but a label is only a claim, so one over that
limit is checked against the pages' content streams.
"""

from __future__ import annotations

import base64
import binascii
import mmap
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignck.files import open_regular
from alignck.limits import MB, Limits, inflating, over

# A stream's dictionary ends right before the keyword; its data starts after the end of line.
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
# An object's number and generation, right before its "obj" keyword.
_OBJECT_HEAD = re.compile(rb"(?<![\d.])\d+\s+\d+\s+$")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_EARLY_CHANGE_OFF = re.compile(rb"/EarlyChange\s+0(?!\d)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# An embedded font file: FreeType reads it at about its size, unlike a page's operators.
_FONT = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_END = re.compile(rb"endstream")
# How far back from a stream's data its dictionary is looked for (a real one is far shorter).
_DICTIONARY_REACH = 16 * 1024
# Compressed bytes read at a time: most streams are a few kB, and a slice is a copy.
_READ_STEP = 64 * 1024
_FLATE = (b"FlateDecode", b"Fl")
# Filters that expand without zlib: run-length (at most 64 times) and LZW (thousands of times).
_RUN_LENGTH = (b"RunLengthDecode", b"RL")
_LZW = (b"LZWDecode", b"LZW")
_EXPANDING = _RUN_LENGTH + _LZW
_LZW_CLEAR, _LZW_END, _LZW_FIRST, _LZW_TABLE = 256, 257, 258, 4096
_ASCII_DECODERS = {
    b"ASCIIHexDecode": lambda data: binascii.unhexlify(_hex_digits(data)),
    b"AHx": lambda data: binascii.unhexlify(_hex_digits(data)),
    b"ASCII85Decode": lambda data: base64.a85decode(_a85_body(data), ignorechars=b" \t\r\n\f\0"),
    b"A85": lambda data: base64.a85decode(_a85_body(data), ignorechars=b" \t\r\n\f\0"),
}


@dataclass(frozen=True, slots=True)
class _Stream:
    start: int  # where its data starts in the file
    filters: list[bytes]
    kind: str  # "image", "font" or "other", as its dictionary says
    # LZW's code width grows one code early unless the dictionary says otherwise.
    early_change: bool = True


def check_streams(path: Path, limits: Limits, passwords: Sequence[str] = ()) -> None:
    """Refuse a PDF, before any of it is parsed, whose compressed streams inflate to more than
    the inflated-size limit, or one of whose pages' content (or other parsed) streams alone
    passes the stream limit (PDFium reads a page's text at ~165 bytes of memory per byte of its
    operators). An encrypted file's streams are measured once decrypted, as the engines will
    read them, with the passwords the engines are given."""
    if path.stat().st_size == 0:
        return
    with (
        open_regular(path) as handle,
        mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
    ):
        # Found first, then measured: a scan still running over the map when a limit is
        # passed would keep it from closing.
        found = list(_compressed_streams(data))
        measured = [(stream.start, stream.kind, _sized(data, stream)) for stream in found]
        _hold_to_limits(path, limits, measured, lambda: _page_content_starts(path, data))
        if data.find(b"/Encrypt") != -1:
            _check_encrypted(path, limits, passwords)


def _hold_to_limits(
    path: Path,
    limits: Limits,
    streams: Iterable[tuple[int, str, Callable[[int], int]]],
    page_contents: Callable[[], set[int] | None],
) -> None:
    """Each stream (where it is, its kind, how to measure it within a budget) against the
    limits; images and fonts over the stream limit only if a page's content is among them."""
    total_limit, stream_limit = limits.inflated_mb * MB, limits.stream_mb * MB
    total = 0
    labelled_over: set[int] = set()  # images and fonts over the stream limit
    for key, kind, size_within in streams:
        if kind == "image":  # never part of the total: only its claim is checked
            budget = stream_limit
        elif kind == "font":
            budget = total_limit - total
        else:
            budget = min(stream_limit, total_limit - total)
        size = size_within(budget)
        if size > stream_limit:
            if kind == "other":
                raise _over_stream_limit(path, limits)
            labelled_over.add(key)
        if kind != "image":
            total += size
        if total > total_limit:
            found = f"compressed streams that inflate to more than {limits.inflated_mb:,} MB"
            raise over(str(path), found, f"{limits.inflated_mb:,} MB", "inflated_mb")
    if labelled_over:
        contents = page_contents()
        if contents is None or contents & labelled_over:
            raise _over_stream_limit(path, limits)


def _check_encrypted(path: Path, limits: Limits, passwords: Sequence[str]) -> None:
    """An encrypted file's streams are ciphertext on disk, so the scan above saw nothing it
    could inflate: pypdf decrypts each stream object (reading it does not inflate it) and its
    data is measured as any other. A file pypdf cannot open or decrypt is left to the
    engines, which report it."""
    import pypdf
    from pypdf.generic import StreamObject

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(str(path))
            if not reader.is_encrypted or not _decrypted(reader, passwords):
                return
            streams: list[tuple[int, str, Callable[[int], int]]] = []
            for objects in reader.xref.values():
                for number in objects:
                    found = reader.get_object(number)
                    sized = _data_sized(found) if isinstance(found, StreamObject) else None
                    if sized is not None:
                        streams.append((number, _kind_of(found), sized))
            contents = {r.idnum for page in reader.pages for r in _content_references(page)}
    except Exception:
        return
    _hold_to_limits(path, limits, streams, lambda: contents)


def _decrypted(reader: Any, passwords: Sequence[str]) -> bool:
    for password in ("", *passwords):
        try:
            if reader.decrypt(password):
                return True
        except Exception:  # a wrong or unusable password: try the next one
            continue
    return False


def _kind_of(found: Any) -> str:
    if found.get("/Subtype") == "/Image":
        return "image"
    if any(key in found for key in ("/Length1", "/Length2", "/Length3")) or found.get(
        "/Subtype"
    ) in ("/Type1C", "/CIDFontType0C", "/OpenType"):
        return "font"
    return "other"


def _data_sized(found: Any) -> Callable[[int], int] | None:
    """How to measure a decrypted stream object's data (read, not yet decoded) by its first
    filter; None for filters that do not expand it."""
    filters = found.get("/Filter")
    first = filters[0] if isinstance(filters, list) and filters else filters
    name = str(first or "").lstrip("/").encode()
    raw: bytes = found._data
    if name in _FLATE:
        names = (
            [str(f).lstrip("/").encode() for f in filters] if isinstance(filters, list) else [name]
        )
        return lambda budget: _chain_size(_chunks(raw, 0), names, budget)
    if name in _RUN_LENGTH:
        return lambda budget: _run_length_size(raw, budget)
    if name in _LZW:
        parameters = found.get("/DecodeParms")
        if isinstance(parameters, list):
            parameters = parameters[0] if parameters else None
        early = not (isinstance(parameters, dict) and parameters.get("/EarlyChange") == 0)
        return lambda budget: _lzw_size(raw, budget, early)
    return None


def _over_stream_limit(path: Path, limits: Limits) -> Exception:
    found = f"a compressed stream that inflates to more than {limits.stream_mb:,} MB"
    return over(str(path), found, f"{limits.stream_mb:,} MB", "stream_mb")


def _compressed_streams(data: mmap.mmap) -> Iterator[_Stream]:
    """Each stream filtered through Flate, as its dictionary says or, where no filter can be
    seen, as its data's zlib header shows."""
    for match in _STREAM.finditer(data):
        dictionary = _dictionary_before(data, match.start())
        found = _FILTERS.search(dictionary)
        if found is not None:
            filters = _NAME.findall(found.group(1))
        elif _looks_like_zlib(data[match.end() : match.end() + 2]):
            filters = [b"FlateDecode"]
        else:
            continue
        if not any(name in _FLATE or name in _EXPANDING for name in filters):
            continue
        kind = "other"
        if _IMAGE.search(dictionary):
            kind = "image"
        elif _FONT.search(dictionary):
            kind = "font"
        early = _EARLY_CHANGE_OFF.search(dictionary) is None
        yield _Stream(match.end(), filters, kind, early)


def _dictionary_before(data: mmap.mmap, end: int) -> bytes:
    """The stream's dictionary, from its object's start where that is within reach. Searched
    backwards for 'obj': a regular expression run forwards over a page's numbers backtracks
    at every digit."""
    window = data[max(0, end - _DICTIONARY_REACH) : end]
    at = len(window)
    while (at := window.rfind(b"obj", 0, at)) != -1:
        if _OBJECT_HEAD.search(window, max(0, at - 40), at) is not None:
            return window[at + 3 :]
    return window


def _looks_like_zlib(head: bytes) -> bool:
    return len(head) == 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def _page_content_starts(path: Path, data: mmap.mmap) -> set[int] | None:
    """Where the data of each page's content stream starts in the file, from the objects
    pypdf finds through the page tree and its cross-reference table (not from the scan, which
    a crafted dictionary can mislead); None when pypdf cannot say. Only asked when an image
    or a font is over the stream limit, as a page's content labelled an image would be."""
    import pypdf

    starts: set[int] = set()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(str(path))
            for page in reader.pages:
                for reference in _content_references(page):
                    offset = reader.xref[reference.generation][reference.idnum]
                    found = _STREAM.search(data, offset)
                    if found is None:
                        return None
                    starts.add(found.end())
    except Exception:
        return None  # what cannot be parsed is taken at its worst
    return starts


def _content_references(page: Any) -> list[Any]:
    from pypdf.generic import ArrayObject, IndirectObject

    contents = page.raw_get("/Contents") if "/Contents" in page else None
    if isinstance(contents, IndirectObject):
        resolved = contents.get_object()  # a stream's data is read, not inflated
        if not isinstance(resolved, ArrayObject):
            return [contents]
        contents = resolved
    if isinstance(contents, ArrayObject):
        return [item for item in contents if isinstance(item, IndirectObject)]
    return []


def _sized(data: mmap.mmap, stream: _Stream) -> Callable[[int], int]:
    if stream.filters[0] in _EXPANDING:
        return lambda budget: _expanded(data, stream, budget)
    return lambda budget: _stream_size(data, stream.start, stream.filters, budget)


def _expanded(data: mmap.mmap, stream: _Stream, budget: int) -> int:
    """What a run-length or LZW stream (the first of its filters) decodes to, counted without
    decoding: its compressed bytes are at most the file's."""
    end = _END.search(data, stream.start)
    raw = data[stream.start : end.start() if end else len(data)]
    if stream.filters[0] in _RUN_LENGTH:
        return _run_length_size(raw, budget)
    return _lzw_size(raw, budget, stream.early_change)


def _run_length_size(raw: bytes, budget: int) -> int:
    total = at = 0
    while at < len(raw) and raw[at] != 128:  # 128 ends the data
        length = raw[at]
        if length < 128:  # the next length + 1 bytes, as they are
            total, at = total + length + 1, at + length + 2
        else:  # the next byte, 257 - length times
            total, at = total + 257 - length, at + 2
        if total > budget:
            break
    return total


def _lzw_size(raw: bytes, budget: int, early_change: bool = True) -> int:
    """Bytes an LZW stream decodes to, from the lengths of its table's entries alone (each
    new entry is one longer than the code before it), as the PDF reference decodes it."""
    lengths = [1] * _LZW_CLEAR + [0, 0]
    width, previous, total, bits, value = 9, -1, 0, 0, 0
    early = 1 if early_change else 0
    for byte in raw:
        value, bits = (value << 8) | byte, bits + 8
        while bits >= width:
            bits -= width
            code, value = value >> bits, value & ((1 << bits) - 1)
            if code == _LZW_CLEAR:
                del lengths[_LZW_FIRST:]
                width, previous = 9, -1
                continue
            if code == _LZW_END:
                return total
            if code < len(lengths) and lengths[code]:
                length = lengths[code]
            elif code == len(lengths) and previous >= 0:
                length = lengths[previous] + 1
            else:  # a broken stream: decoders stop here
                return total
            total += length
            if total > budget:
                return total
            if previous >= 0 and len(lengths) < _LZW_TABLE:
                lengths.append(lengths[previous] + 1)
            previous = code
            if len(lengths) + early >= 1 << width and width < 12:
                width += 1
    return total


def _stream_size(data: mmap.mmap, start: int, filters: list[bytes], budget: int) -> int:
    if filters[0] in _FLATE:
        return _chain_size(_chunks(data, start), filters, budget)
    decode = _ASCII_DECODERS.get(filters[0])
    if decode is None or len(filters) < 2 or filters[1] not in _FLATE:
        return 0  # not a chain an engine inflates from the file's bytes through Flate
    end = _END.search(data, start)
    try:
        decoded = decode(data[start : end.start() if end else len(data)])
    except (ValueError, binascii.Error):
        return 0
    return _chain_size(_chunks(decoded, 0), filters[1:], budget)


def _chain_size(chunks: Iterator[bytes], filters: Sequence[bytes], budget: int) -> int:
    """The most any layer of a chain of filters decodes to, the first a Flate one: each Flate
    layer is inflated as the one before it yields, so a stream compressed twice (2 MB
    outside, gigabytes inside) is measured where it grows, not where it looks small. A layer
    that shrinks (ASCII) is decoded whole, within the budget; run-length and LZW are counted
    as the last layer measured; the chain stops at a filter that decodes no further (an
    image's)."""
    sizes: list[int] = []
    for at, name in enumerate(filters):
        if name in _FLATE:
            sizes.append(0)
            chunks = _counted(inflating(chunks), sizes, budget)
            continue
        if at == 0:
            break
        held = b"".join(chunks)  # at most the budget: the layer before stopped there
        if name in _RUN_LENGTH:
            sizes.append(_run_length_size(held, budget))
        elif name in _LZW:
            sizes.append(_lzw_size(held, budget))
        elif (decode := _ASCII_DECODERS.get(name)) is not None:
            try:
                decoded = decode(held)
            except (ValueError, binascii.Error):
                break
            sizes.append(len(decoded))
            chunks = iter((decoded,))
            continue
        chunks = iter(())
        break
    for _ in chunks:  # the last layer, drained: only its size is kept
        pass
    return max(sizes, default=0)


def _counted(chunks: Iterator[bytes], sizes: list[int], budget: int) -> Iterator[bytes]:
    """The chunks, their bytes added to the last of ``sizes``; stopping once past the budget."""
    for chunk in chunks:
        sizes[-1] += len(chunk)
        yield chunk
        if sizes[-1] > budget:
            return


def _chunks(data: mmap.mmap | bytes, start: int) -> Iterator[bytes]:
    for offset in range(start, len(data), _READ_STEP):
        yield data[offset : offset + _READ_STEP]


def _hex_digits(data: bytes) -> bytes:
    digits = bytes(data.split(b">", 1)[0].translate(None, b" \t\r\n\f\0"))
    return digits + b"0" if len(digits) % 2 else digits


def _a85_body(data: bytes) -> bytes:
    return data.split(b"~>", 1)[0].strip()
