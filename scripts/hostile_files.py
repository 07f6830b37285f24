"""Hostile documents, written by code: PDFs whose streams inflate far beyond their size on disk.

Used by the tests and by ``benchmarks/hostile.py``. The PDFs are written by hand (a few objects
and a cross-reference table), so that their streams hold exactly what a test needs.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable
from pathlib import Path

MB = 1024 * 1024
WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXT = b"BT /F1 12 Tf 72 720 Td (We will tackle loneliness.) Tj ET\n"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def hand_written_pdf(*streams: bytes, pages: int = 1) -> bytes:
    """A PDF of ``pages`` pages each showing the first stream (already encoded, its filters in
    its dictionary); any other streams are written as objects of their own."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = 3 + pages
    contents = font + 1
    kids = []
    for _ in range(pages):
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (contents, font)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    objects += [_FONT, *streams]
    return _assemble(objects)


def pages_pdf(page_contents: Iterable[bytes]) -> bytes:
    """A PDF with one page per content stream given (each deflated here)."""
    contents = [stream(zlib.compress(content)) for content in page_contents]
    count = len(contents)
    font = 3 + 2 * count
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for content in contents:
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects) + 2, font)
        )
        objects.append(content)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), count)
    objects.append(_FONT)
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data: bytes, filters: bytes = b"/FlateDecode", extra: bytes = b"") -> bytes:
    """A stream object's body: its dictionary (with ``extra`` entries) and its data."""
    return b"<< /Length %d /Filter %s %s>>\nstream\n%s\nendstream" % (
        len(data),
        filters,
        extra,
        data,
    )


@functools.cache  # a gigabyte takes seconds to deflate: once per test run is enough
def spaces_after_text(megabytes: int) -> bytes:
    """A line of text, then ``megabytes`` of spaces, deflated: a few kB per 10 MB."""
    deflate = zlib.compressobj(9)
    parts = [deflate.compress(TEXT)]
    parts += [deflate.compress(b" " * MB) for _ in range(megabytes)]
    return b"".join(parts) + deflate.flush()


def text_page(line: str, lines: int) -> bytes:
    """A page's content stream showing ``line`` on ``lines`` lines down the page."""
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode()
    body = b"".join(b"0 -14 Td (%s) Tj\n" % escaped for _ in range(lines))
    return b"BT /F1 11 Tf 1 0 0 1 56 800 Tm\n" + body + b"ET\n"


def encrypted_pdf(content: bytes, user_password: str = "", flate_layers: int = 1) -> bytes:
    """A one-page PDF encrypted (RC4, as pypdf writes it without extra packages) whose page
    shows ``content`` (already deflated, ``flate_layers`` times): on disk its streams are
    ciphertext, which no scan of the file's bytes can inflate."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    contents = StreamObject()
    contents._data = content
    flate = NameObject("/FlateDecode")
    contents[NameObject("/Filter")] = (
        ArrayObject([flate] * flate_layers) if flate_layers > 1 else flate
    )
    page[NameObject("/Contents")] = writer._add_object(contents)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    written = io.BytesIO()
    writer.write(written)
    return written.getvalue()


def lzw_encoded(data: bytes) -> bytes:
    """``data`` LZW-encoded as PDF's LZWDecode reads it (EarlyChange 1), ending with EOD."""
    table = {bytes([i]): i for i in range(256)}
    codes = [256]
    current = b""
    for byte in data:
        grown = current + bytes([byte])
        if grown in table:
            current = grown
            continue
        codes.append(table[current])
        if len(table) + 2 < 4096:
            table[grown] = len(table) + 2
        current = bytes([byte])
    if current:
        codes.append(table[current])
    return _packed([*codes, 257])


def lzw_bomb(repeats: int) -> bytes:
    """Codes that build the table one space longer at a time, then name its longest entry
    ``repeats`` times: about 7 MB, plus 4 kB a repeat, from a few kB."""
    return _packed([256, 32, *range(258, 4096), *([4095] * repeats), 257])


def _packed(codes: list[int]) -> bytes:
    # Each code as wide as the decoder expects at that point: 9 bits, one more each time the
    # table (one code early) reaches a power of two, at most 12; a clear starts again.
    value = bits = 0
    out = bytearray()
    width, size, previous = 9, 258, False
    for code in codes:
        value, bits = (value << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((value >> bits) & 0xFF)
        value &= (1 << bits) - 1
        if code == 256:
            width, size, previous = 9, 258, False
            continue
        if previous and size < 4096:
            size += 1
        previous = True
        if size + 1 >= 1 << width and width < 12:
            width += 1
    if bits:
        out.append((value << (8 - bits)) & 0xFF)
    return bytes(out)


def word_file(path: Path, body: bytes) -> Path:
    """A Word file whose document.xml is ``body`` (paragraph elements) inside a body element,
    every other part as python-docx writes a blank document."""
    import io
    import zipfile

    from docx import Document

    template = io.BytesIO()
    Document().save(template)
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                head = f'<?xml version="1.0"?><w:document {WORD_NS}><w:body>'.encode()
                z.writestr("word/document.xml", head + body + b"</w:body></w:document>")
            else:
                z.writestr(info, source.read(info.filename))
    return path


def understated(path: Path, part: str, declared: int) -> Path:
    """The Word file at ``path`` with ``part``'s inflated size declared as ``declared`` bytes,
    in its local header and in the central directory: a zip bomb that lies about its size."""
    import struct
    import zipfile

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    struct.pack_into("<L", data, info.header_offset + 22, declared)
    end = data.rfind(b"PK\x05\x06")
    at = struct.unpack_from("<L", data, end + 16)[0]  # where the central directory starts
    while data[at : at + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<3H", data, at + 28)
        if data[at + 46 : at + 46 + name_length] == part.encode():
            struct.pack_into("<L", data, at + 24, declared)
        at += 46 + name_length + extra_length + comment_length
    path.write_bytes(bytes(data))
    return path
