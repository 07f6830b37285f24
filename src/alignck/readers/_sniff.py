"""What a file that its name's reader refused looks like, from its first bytes: so that a PDF
named .txt, or text named .docx, is reported as such rather than in a library's words."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from alignck.errors import ReadError
from alignck.files import open_regular

# (leading bytes, what the file is, the extension alignck would read it by, if any)
_SIGNATURES: tuple[tuple[bytes, str, str | None], ...] = (
    (b"%PDF", "a PDF", ".pdf"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx, perhaps)", ".docx"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc or .xls); save it as .docx", None),
    (b"{\\rtf", "an RTF file; save it as .docx", None),
)
_LOOK_AT = 1024
# A Word document with macros is a Word ZIP file as a .docx is. (An OpenDocument text is told
# apart by the type it declares first: a damaged one keeps its reader's words.)
_AS_READ = {".docm": ".docx"}
_BINARY = (".pdf", ".docx", ".docm", ".odt")
# The formats alignck reads that are ZIP archives.
_ZIP_NAMES = (".docx", ".docm", ".odt")
# The namespace every OpenDocument file declares at its top.
_OPENDOCUMENT_XML = b"urn:oasis:names:tc:opendocument:xmlns:office"
# What Word writes at the top of a document it saved as a web page.
_WORD_WEB_PAGE = b"urn:schemas-microsoft-com:office:word"


def signature_of(data: bytes, names: Sequence[str] | None = None) -> tuple[str, str | None] | None:
    """(what the file is, the extension alignck would read it by) when its first bytes open
    like a PDF, a Word (ZIP) file or another office format; None otherwise. A ZIP archive is
    told apart by the parts it holds: ``names``, or those of ``data`` when it is the whole
    file."""
    head = data[:_LOOK_AT].lstrip(b"\xef\xbb\xbf \t\r\n")
    for signature, what, suffix in _SIGNATURES:
        # A PDF's header may follow a little junk; the others open the file.
        if signature in head if signature == b"%PDF" else head.startswith(signature):
            if signature == _ZIP:
                return _archive_kind(head, _part_names(data) if names is None else names)
            return what, suffix
    return None


_ZIP = b"PK\x03\x04"
# An OpenDocument file's first part is its type, stored as it is: 'mimetype' then the type,
# after the 30 bytes of the part's header.
_ODF_TYPE = 30 + len("mimetype")
_OPENDOCUMENT: dict[str, tuple[str, str | None]] = {
    "application/vnd.oasis.opendocument.text": ("an OpenDocument text", ".odt"),
    "application/vnd.oasis.opendocument.spreadsheet": ("an OpenDocument spreadsheet", None),
    "application/vnd.oasis.opendocument.presentation": ("an OpenDocument presentation", None),
    "application/vnd.oasis.opendocument.text-template": ("an OpenDocument template (.ott)", None),
}
# The parts that make an Office Open XML file what it is.
_OFFICE_PARTS: tuple[tuple[str, tuple[str, str | None]], ...] = (
    ("word/document.xml", ("a Word document", ".docx")),
    ("xl/workbook.xml", ("an Excel workbook", None)),
    ("ppt/presentation.xml", ("a PowerPoint presentation", None)),
)


def _archive_kind(head: bytes, names: Sequence[str] | None) -> tuple[str, str | None]:
    """What a ZIP archive is: a Word document, an OpenDocument text, another office file
    alignck does not read, or none of these; where its parts cannot be listed (damaged, cut
    short, or only its opening at hand), the Word document it most often is."""
    if head[30:_ODF_TYPE] == b"mimetype":
        declared = head[_ODF_TYPE : _ODF_TYPE + 64].split(b"PK", 1)[0].decode("ascii", "replace")
        if declared in _OPENDOCUMENT:
            return _OPENDOCUMENT[declared]
    if names is None:
        return "a ZIP archive (a Word .docx, perhaps)", ".docx"
    listed = set(names)
    for part, kind in _OFFICE_PARTS:
        if part in listed:
            return kind
    return _NO_DOCUMENT, None


_NO_DOCUMENT = "a ZIP archive"


def _part_names(source: bytes | BinaryIO) -> list[str] | None:
    """The names of a ZIP archive's parts, from its central directory; None where it cannot
    be read."""
    # Imported here, as _sniffed does: most runs never meet a misnamed file.
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as z:
            return z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def looks_like(data: bytes, extension: str, names: Sequence[str] | None = None) -> str:
    """'; it looks like a PDF: name it .pdf' (or '' when it looks like nothing else, or like
    what its extension says): a clause to end a reader's error with. ``names``: the parts of
    a ZIP archive of which ``data`` is only the opening."""
    head = data[:_LOOK_AT].lstrip(b"\xef\xbb\xbf \t\r\n")
    found = signature_of(data, names)
    if found is not None:
        what, suffix = found
        if what == _NO_DOCUMENT and extension in _ZIP_NAMES:
            return ""  # the reader says what the archive holds instead
        if suffix != _AS_READ.get(extension, extension):
            return f"; it looks like {what}" + (f": name it {suffix}" if suffix else "")
        return ""
    if extension in _BINARY and _saved_from_word(data):
        return "; it is a web page saved from Word: open it in Word and save it as .docx"
    if extension in _BINARY and head.startswith(b"<?xml") and _OPENDOCUMENT_XML in head:
        # LibreOffice's flat XML (.fodt): one XML file, not the archive an .odt is.
        return (
            "; it is an OpenDocument flat XML file (.fodt): open it in LibreOffice and save "
            "it as .odt"
        )
    if extension in _BINARY and head and _is_web_page(head):
        # Most often a download that failed: the site's error or sign-in page was saved.
        return "; it is a web page (HTML), perhaps a download that failed: save the document itself"
    if extension in _BINARY and head and _is_text(head):
        return "; it looks like text: name it .txt or .md"
    return ""


def refused(path: Path, kind: str, detail: str) -> ReadError:
    """The error for a file its reader refused: 'not KIND; it looks like ...' when its first
    bytes say what else it is, else the reader's own ``detail``."""
    hint = looks_like_file(path)
    return ReadError(f"not {kind}{hint}" if hint else detail, str(path))


def looks_like_file(path: Path) -> str:
    """:func:`looks_like` for a file on disk; '' when it cannot be read."""
    try:
        with open_regular(path) as handle:
            head = handle.read(_LOOK_AT)
            if head.startswith(_COMPOUND_FILE) and _encrypted_office(handle, head):
                return "; it is a password-protected Office file: remove its password and save it"
            names = None
            if head.startswith(_ZIP):
                handle.seek(0)
                names = _part_names(handle)
            return looks_like(head, path.suffix.lower(), names)
    except OSError:
        return ""


_COMPOUND_FILE = b"\xd0\xcf\x11\xe0"
# A Word, Excel or PowerPoint file saved with a password is a compound file holding this
# stream, whatever its extension; an old .doc is a compound file without it.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_LOOK_FOR_STREAMS = 1 << 20


def _encrypted_office(handle: BinaryIO, head: bytes) -> bool:
    data = head + handle.read(_LOOK_FOR_STREAMS)
    return _ENCRYPTED_PACKAGE in data


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # Cut in the middle of a character at the end of the sample: still text.
        return error.start >= len(head) - 3 and b"\x00" not in head
    return b"\x00" not in head


def _is_web_page(head: bytes) -> bool:
    """Whether text opens as an HTML document does ('<!DOCTYPE html', '<html', '<head')."""
    return head[:15].lower().startswith((b"<!doctype html", b"<html", b"<head"))


def saved_from_word(path: Path) -> bool:
    """Whether a regular file opens as a web page Word saved ('Save as Web Page'); False
    for anything else, a file that cannot be read, or one that is not a regular file (which
    :func:`open_regular` refuses without blocking)."""
    try:
        with open_regular(path) as handle:
            head = handle.read(_LOOK_AT)
    except OSError:
        return False
    return _saved_from_word(head)


def _saved_from_word(data: bytes) -> bool:
    """Whether a file's first bytes open as a web page and carry Word's namespace."""
    head = data[:_LOOK_AT]
    return _is_web_page(head.lstrip(b"\xef\xbb\xbf \t\r\n")) and _WORD_WEB_PAGE in head


def disguised_document(path: Path) -> str | None:
    """What a file without an extension really is, when it is a document alignck reads: 'a
    PDF: name it .pdf', 'a Word document: name it .docx'. An attachment or a download can
    lose its extension on the way; such a file is a partner's strategy, unread, not a file to
    pass over. None for anything else, a file that cannot be read, or one with an extension
    of its own (an Illustrator .ai is a PDF inside, a Word template .dotx a Word file)."""
    if path.suffix:
        return None
    return _sniffed(path)


def misnamed_document(path: Path) -> str | None:
    """What a file named as a format alignck does not read (.doc, .rtf, .odp) really is,
    when it is a PDF, a Word document or an OpenDocument text saved under the wrong name: 'a
    PDF: name it .pdf'. A real old Word file is left to its own reason."""
    really = _sniffed(path)
    return really if really in (_A_PDF, _A_WORD_DOCUMENT, _AN_OPENDOCUMENT_TEXT) else None


_A_PDF = "a PDF: name it .pdf"
_A_WORD_DOCUMENT = "a Word document: name it .docx"
_AN_OPENDOCUMENT_TEXT = "an OpenDocument text: name it .odt"


def _sniffed(path: Path) -> str | None:
    """What a file's first bytes say it is, whatever its name, when that is a document
    alignck reads or an old Office file; None otherwise."""
    import zipfile

    try:
        with open_regular(path) as handle:
            head = handle.read(_LOOK_AT)
        if head.startswith(b"%PDF"):
            return _A_PDF
        if head.startswith(_COMPOUND_FILE):
            with open_regular(path) as handle:
                if _encrypted_office(handle, b""):
                    return "a password-protected Office file: remove its password, save it as .docx"
            return "an old Office file (a Word .doc, perhaps): save it as .docx"
        if not head.startswith(b"PK\x03\x04"):
            return None
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" in archive.namelist():
                return _A_WORD_DOCUMENT
            if "mimetype" in archive.namelist() and archive.read("mimetype").strip() == (
                b"application/vnd.oasis.opendocument.text"
            ):
                return _AN_OPENDOCUMENT_TEXT
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    return None


# What a picture's first bytes are: a scan or a photo saved under a document's name.
_PICTURES = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


def picture_kind(path: Path) -> str | None:
    """'a JPEG image' and the like, when a regular file's first bytes are a picture's; None
    for anything else or a file that cannot be read. A photo renamed 'plan.pdf' was refused
    in the PDF library's words ('Stream has ended unexpectedly')."""
    try:
        with open_regular(path) as handle:
            head = handle.read(16)
    except OSError:
        return None
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    kind = next((kind for magic, kind in _PICTURES if head.startswith(magic)), None)
    if kind == "a GIF image" and all(32 <= b < 127 or b in b"\t\r\n" for b in head[6:]):
        # 'GIF89a and PNG are the formats ...' opening a note is text; a GIF's next bytes
        # are its screen size, binary.
        return None
    return kind
