"""Find documents under the given paths and read each with the reader for its file type.

Readers are modules with ``read(path, options) -> Document`` (``options`` a
:class:`~alignck.model.ReadOptions`: limits, PDF engine, passwords) and a ``VERSION`` string
(part of the cache key); they are imported only when a file of their type is met, so start-up
stays cheap. This module decides which files are documents; it does not extract or score
anything. Adding a format: DEVELOPERS.md lists every place that knows the formats.
"""

from __future__ import annotations

import errno
import fnmatch
import importlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from alignck.errors import ReadError, os_reason
from alignck.files import (
    ONLY_REGULAR,
    NotRegular,
    held_open,
    is_kernel_file,
    near_name,
    open_regular,
    real_path,
    refusal,
)
from alignck.limits import check_characters, check_file_size, check_paragraphs
from alignck.model import Document, ReadOptions, Skipped
from alignck.names import natural_order
from alignck.readers._sniff import (
    disguised_document,
    misnamed_document,
    picture_kind,
    saved_from_word,
)
from alignck.wording import shell_quoted
from alignck.written import written_by_alignck

# Why a report alignck wrote, found among the documents, is passed over.
REPORT_SKIPPED = "a report written by alignck"
# A folder's own notes, by the names code and document folders give them: checked as a
# partner's strategy, a drafts folder's README failed a CI job's required priority.
FOLDER_NOTES = frozenset({"readme", "changelog", "contributing", "licence", "license"})
FOLDER_NOTE_SKIPPED = "the folder's notes, not a partner's document (name it to check it)"

READERS: dict[str, str] = {
    ".pdf": "alignck.readers.pdf",
    ".docx": "alignck.readers.docx",
    # Word's macro-enabled document: the same format, read the same way (its macros are
    # never run; they are not text). Word's templates (.dotx, .dotm): see KNOWN_UNSUPPORTED.
    ".docm": "alignck.readers.docx",
    ".md": "alignck.readers.markdown",
    ".markdown": "alignck.readers.markdown",
    # OpenDocument Text, LibreOffice Writer's format (standard library only).
    ".odt": "alignck.readers.odt",
    # A web page saved from the browser ('Save page as'), its content only.
    ".html": "alignck.readers.html",
    ".htm": "alignck.readers.html",
    ".txt": "alignck.readers.text",
    ".text": "alignck.readers.text",
}

# Readers that hand the file to native code (PDFium, lxml), where a stuck parser sees no time
# limit: a run without worker processes reads these in one of their own.
NATIVE_READERS = frozenset({".pdf", ".docx", ".docm"})

# Formats people often have next to their strategies; named so the skip reason can say what to do.
KNOWN_UNSUPPORTED: dict[str, str] = {
    ".doc": "legacy Word .doc: save it as .docx",
    # A template is a letterhead or a form as often as a draft saved the wrong way; passed
    # over, a partner's strategy saved so went unchecked with the run passing.
    ".dotx": "a Word template (.dotx): save it as .docx to check it, or leave it out",
    ".dotm": "a Word template (.dotm): save it as .docx to check it, or leave it out",
    ".rtf": "Rich Text .rtf: save it as .docx or PDF",
    ".pages": "Apple Pages: export it as .docx or PDF",
    # A partner's strategy often comes as its board's slide deck: unread, not passed over.
    ".pptx": "PowerPoint .pptx: export it as PDF",
    ".ppt": "legacy PowerPoint .ppt: export it as PDF",
    ".odp": "OpenDocument .odp: export it as PDF",
}


# What Word, Excel and PowerPoint write beside a document while it is open ('~$plan.docx').
LOCK_FILE_SKIPPED = "Office lock file"


@dataclass(frozen=True, slots=True)
class Discovery:
    """The documents to read, in a stable order, and what was passed over with why."""

    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]
    unsupported: tuple[Skipped, ...]
    # Those of ``files`` that were links when found (see ReadOptions.links).
    links: frozenset[str] = frozenset()


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def reader_for(path: Path) -> ModuleType:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise ReadError(unsupported_reason(path), str(path))
    return importlib.import_module(READERS[suffix])


def unsupported_reason(path: Path) -> str:
    suffix = path.suffix.lower()
    known = KNOWN_UNSUPPORTED.get(suffix)
    wanted = ", ".join(supported_suffixes())
    if known:
        return f"unsupported format ({known}); alignck reads {wanted}"
    kind = f"'{suffix}' files" if suffix else "files without an extension"
    return f"unsupported format ({kind}); alignck reads {wanted}"


def _old_format_reason(path: Path) -> str:
    """Why a file of a format alignck does not read is not read; for one that is really a
    PDF or a Word document, its right name; for a '.doc' that is a web page Word saved, what
    to do with it in Word."""
    if path.suffix.lower() in KNOWN_UNSUPPORTED and (really := misnamed_document(path)):
        # A PDF saved as 'strategy.doc' was told to be saved as .docx.
        return f"unsupported format ('{path.suffix}' files); it is {really}"
    if path.suffix.lower() != ".doc" or not saved_from_word(path):
        return unsupported_reason(path)
    return (
        "unsupported format (a web page saved from Word, named .doc): open it in Word and "
        "save it as .docx"
    )


def _disguised_reason(path: Path, really: str) -> str:
    """'unsupported format (files without an extension); it is a PDF: name it .pdf'."""
    return f"{unsupported_reason(path).split(';')[0]}; it is {really}"


_OPTION_FOR_KEY = {"waivers": "--waivers", "reviews": "--review"}


def _skipped_reason(path: Path) -> str:
    """Why a file in a folder is not read. A waivers or reviews file says what it is and how
    to give it: 'init --waivers' writes one beside the framework, and 'unsupported format'
    read as though alignck could not use it at all."""
    keys = _top_level_keys(path) if path.suffix.lower() in (".yaml", ".yml") else []
    key = keys[0] if keys else None
    if key in _OPTION_FOR_KEY:
        # 'alignck check' named: extract, which lists skipped files too, has no such option.
        given = f"{_OPTION_FOR_KEY[key]} {shell_quoted(str(path))}"
        return f"a {key} file, not a document: 'alignck check' takes it with {given}"
    if key in ("framework", "priorities") and "priorities" in keys:
        # 'alignck extract docs/' called the folder's priorities.yaml an unsupported format;
        # a deployment's 'framework: django' has no priorities.
        return "a framework file, not a document"
    return unsupported_reason(path)


def _top_level_keys(path: Path) -> list[str]:
    """The keys at the start of a line in a regular file's opening, in order (comments start
    with '#', so never match); none when the file cannot be read."""
    try:
        with open_regular(path) as handle:
            opening = handle.read(1 << 16).decode("utf-8", "replace")
    except OSError:
        return []
    return re.findall(r"^([A-Za-z_][\w-]*)[ \t]*:", opening, re.MULTILINE)


def runs_native_code(path: Path) -> bool:
    """Whether reading the file can run native code that never returns to the interpreter."""
    return path.suffix.lower() in NATIVE_READERS


def reader_version(path: Path) -> str:
    from alignck.readers import _contents

    module = reader_for(path)
    return f"{module.__name__}:{module.VERSION}:contents{_contents.VERSION}"


_EMPTY = "empty file (0 bytes): no document to check"


def read_document(path: Path, options: ReadOptions | None = None) -> Document:
    """Read one file; every failure becomes a :class:`ReadError` naming the file. Only a
    regular file is opened: a FIFO would hang the run and a device never end."""
    module = reader_for(path)
    reason = refusal(path)
    if reason is not None:
        raise ReadError(reason, str(path))
    try:
        return _read_held(module, path, options)
    except ReadError as error:
        # Looked for only once the reader has failed, so a document read costs no more: a
        # photo renamed 'plan.pdf' was refused in the PDF library's words.
        picture = picture_kind(path)
        if picture is None:
            raise
        raise ReadError(
            f"{picture}, not a {path.suffix} document: alignck reads text, not pictures (a "
            "scanned page needs text recognition first)",
            str(path),
        ) from error


def _read_held(module: ModuleType, path: Path, options: ReadOptions | None) -> Document:
    """The document, read through the file held open (:func:`held_open`), so every reader
    that opens it again reads the file checked, named by its own path in what it says."""
    from dataclasses import replace

    try:
        follow = options is None or options.links is None or str(path) in options.links
        with held_open(path, follow) as through:
            try:
                document = _read(module, through, options)
            except ReadError as error:
                if through == path:
                    raise
                said = error.message.replace(str(through), str(path))
                raise type(error)(said, str(path), error.line, error.column) from error
    except NotRegular as error:
        raise ReadError(error.strerror or ONLY_REGULAR, str(path)) from error
    except OSError as error:
        raise ReadError(f"cannot read file: {os_reason(error)}", str(path)) from error
    return document if document.path == str(path) else replace(document, path=str(path))


def _read(module: ModuleType, path: Path, options: ReadOptions | None) -> Document:
    """The reader's document, within the limits; any failure a :class:`ReadError`."""
    limits = (options or ReadOptions()).limits
    try:
        size = path.stat().st_size
        if size == 0:
            # A failed download or a file made and never saved: not a partner's strategy
            # with every priority a gap, in any format.
            raise ReadError(_EMPTY, str(path))
        check_file_size(str(path), size, limits)
        document: Document = module.read(path, options)
        document = _without_contents(document)
        check_paragraphs(str(path), len(document.blocks), limits)
        check_characters(str(path), sum(len(block.text) for block in document.blocks), limits)
    except ReadError:
        raise
    except OSError as error:
        raise ReadError(f"cannot read file: {os_reason(error)}", str(path)) from error
    except (UnicodeError, ValueError) as error:
        raise ReadError(f"cannot read file: {error}", str(path)) from error
    except Exception as error:
        # PDF and Office parsers raise all sorts on malformed files (KeyError, IndexError,
        # library-specific errors); one broken document must not stop the others.
        name = type(error).__name__
        raise ReadError(f"cannot parse the file ({name}: {error})", str(path)) from error
    return document


def _without_contents(document: Document) -> Document:
    from dataclasses import replace

    from alignck.readers._contents import without_contents

    blocks = without_contents(document.blocks)
    return document if blocks == document.blocks else replace(document, blocks=blocks)


def discover(
    paths: Iterable[Path], follow_links: bool = False, exclude: Sequence[str] = ()
) -> Discovery:
    """Walk folders recursively; explicit files are always taken, even unsupported ones.

    Hidden files and unsupported types met inside folders are listed as skipped (but a
    document in a word processor's or slide program's format alignck cannot read, .doc,
    .rtf, .pages, .pptx, .ppt or .odp, is returned in ``unsupported``: a partner's strategy,
    unread), and so are Office lock files, named or not, and
    links that lead out of the folder given, unless ``follow_links``: a folder handed over for
    checking (a pull request's, say) must not make alignck read what lies outside it. A file
    named explicitly with an unsupported type, or that is not a regular file (a FIFO, a device,
    a file of /proc), is returned in ``unsupported`` so the caller reports it as an error: the
    user asked for it by name. Entries of a folder that an ``exclude`` pattern matches (see
    :func:`excluded_by`) are listed as skipped, and an excluded folder is not searched.
    """
    search = _Search(follow_links, tuple(exclude))
    unsupported: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            _walk(path, _Root(str(path), real_path(path)), search)
        elif not path.exists():
            # Named, so an error for that path, as an unreadable file is: the others are
            # still checked and the run still fails.
            missing = (
                dead_link(path) if path.is_symlink() else f"no such file or folder{near_name(path)}"
            )
            unsupported.append(Skipped(str(path), missing))
        elif path.name.startswith("~$") and path.is_file():
            # Skipped, not an error: 'alignck check *.docx' names Word's lock file while a
            # document is open, and reading it said the file was damaged.
            search.skipped.append(Skipped(str(path), LOCK_FILE_SKIPPED))
        elif (reason := refusal(path)) is not None:
            # Named, so an error for that file; the others are still checked.
            unsupported.append(Skipped(str(path), reason))
        elif path.suffix.lower() in READERS and written_by_alignck(path):
            # Named, yet a report: checked, it would score its own list of gaps as aligned.
            # Skipped, not an error: a pre-commit hook names a committed report among the
            # documents whenever it changes.
            search.skipped.append(Skipped(str(path), REPORT_SKIPPED))
        elif path.suffix.lower() in READERS:
            search.files.append(path)
            if path.is_symlink():
                search.links.add(str(path))
        elif (really := disguised_document(path)) is not None:
            unsupported.append(Skipped(str(path), _disguised_reason(path, really)))
        else:
            unsupported.append(Skipped(str(path), _old_format_reason(path)))
    files = _distinct_files(search.files, search.skipped)
    links = frozenset(str(p) for p in files if str(p) in search.links)
    return Discovery(files, tuple(search.skipped), (*unsupported, *search.unreadable), links)


@dataclass(slots=True)
class _Search:
    """What walking the given folders has found so far, and whether links may lead out."""

    follow_links: bool
    exclude: tuple[str, ...] = ()
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Strategies saved in a word processor's other formats: unreadable documents, not files
    # passed over, or a run missing a partner's .doc would pass.
    unreadable: list[Skipped] = field(default_factory=list)
    searched: set[tuple[int, int]] = field(default_factory=set)
    links: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Root:
    """A folder given to search: as the user wrote it, and where it really is."""

    shown: str
    real: Path

    def holds(self, path: Path) -> bool:
        """Whether the path, every link followed, is this folder or lies inside it."""
        real = real_path(path)
        return real == self.real or self.real in real.parents


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _distinct_files(files: list[Path], skipped: list[Skipped]) -> tuple[Path, ...]:
    """Each file once, by identity: a file linked into two folders is one partner's document,
    and counting it twice would invent an overlap. Each other name it is found by is listed
    in ``skipped``, never dropped unsaid."""
    seen: dict[tuple[int, int], int] = {}
    distinct: list[Path] = []
    for path in files:
        try:
            identity = _identity(path)
        except OSError:
            distinct.append(path)  # the reader reports what is wrong with it
            continue
        if identity not in seen:
            seen[identity] = len(distinct)
            distinct.append(path)
            continue
        kept = distinct[seen[identity]]
        if _links_in(path) < _links_in(kept):
            # Read under its own name rather than a link's, in the place first met.
            distinct[seen[identity]], path, kept = path, kept, path
        if path == kept:
            # Named on its own and found again in a folder given: one name, read once.
            continue
        skipped.append(Skipped(str(path), f"the same file as {kept}, read once"))
    return tuple(distinct)


def _links_in(path: Path) -> int:
    """How many links the path goes through as written: its own name is the one with fewest
    (a link above the folder given, such as macOS's /tmp, counts for every name alike)."""
    parts = path.absolute().parts
    return sum(Path(*parts[: i + 1]).is_symlink() for i in range(1, len(parts)))


# The kinds a folder's notes are written in; a README.pdf or .docx is somebody's document.
_NOTE_SUFFIXES = (".md", ".markdown", ".txt", "")


def _walk(folder: Path, root: _Root, search: _Search) -> None:
    """Depth first, in name order, with a stack of open folders rather than recursion: a
    folder a thousand levels deep must not exhaust Python's stack."""
    first = _entries(folder, search)
    open_folders = [first] if first is not None else []
    while open_folders:
        entry = next(open_folders[-1], None)
        if entry is None:
            open_folders.pop()
            continue
        try:
            _visit(entry, root, search, open_folders)
        except OSError as error:
            # A name the system cannot look up (a path past PATH_MAX, deep in a synced
            # share): that entry fails the run as an unreadable document does, not the run.
            search.unreadable.append(Skipped(str(entry), f"cannot read: {os_reason(error)}"))


def _visit(entry: Path, root: _Root, search: _Search, open_folders: list[Iterator[Path]]) -> None:
    """Sort one entry of a folder being searched: a document, a folder to search, or passed
    over with the reason."""
    reason = _passed_over(entry, root, search.follow_links) or _excluded(entry, root, search)
    if reason is not None:
        search.skipped.append(Skipped(str(entry), reason))
    elif entry.is_dir() and (page := _page_saved_with(entry)) is not None:
        search.skipped.append(
            Skipped(str(entry), f"what the browser saved with {page.name}, not a document")
        )
    elif entry.is_dir():
        inner = _entries(entry, search)
        if inner is not None:
            open_folders.append(inner)
    elif entry.name.startswith("~$"):
        search.skipped.append(Skipped(str(entry), LOCK_FILE_SKIPPED))
    elif entry.is_symlink() and not entry.exists():
        search.skipped.append(Skipped(str(entry), dead_link(entry)))
    elif entry.suffix.lower() in READERS and written_by_alignck(entry):
        search.skipped.append(Skipped(str(entry), REPORT_SKIPPED))
    elif entry.suffix.lower() in _NOTE_SUFFIXES and entry.stem.lower() in FOLDER_NOTES:
        search.skipped.append(Skipped(str(entry), FOLDER_NOTE_SKIPPED))
    elif entry.suffix.lower() in READERS:
        search.files.append(entry)
        if entry.is_symlink():
            search.links.add(str(entry))
    elif entry.suffix.lower() in KNOWN_UNSUPPORTED:
        search.unreadable.append(Skipped(str(entry), _old_format_reason(entry)))
    elif (really := disguised_document(entry)) is not None:
        search.unreadable.append(Skipped(str(entry), _disguised_reason(entry, really)))
    else:
        search.skipped.append(Skipped(str(entry), _skipped_reason(entry)))


# The folder a browser's 'Save page as' (and Word's 'Save as Web Page') writes beside the page,
# named after it: the page's frames, scripts and pictures, some of them pages themselves.
_SAVED_WITH_PAGE = ("_files", "-Dateien", "_archivos", "_fichiers")


def _page_saved_with(folder: Path) -> Path | None:
    """The page beside ``folder`` whose resources it holds ('plan_files' beside 'plan.html'),
    or None; never for a folder that holds a document of another kind (a partners.html
    beside a partners_files folder of their strategies)."""
    for ending in _SAVED_WITH_PAGE:
        if folder.name.endswith(ending) and len(folder.name) > len(ending):
            stem = folder.name[: -len(ending)]
            for suffix in (".html", ".htm"):
                page = folder.with_name(stem + suffix)
                if page.is_file() and not _holds_documents(folder):
                    return page
    return None


def _holds_documents(folder: Path) -> bool:
    """Whether the folder holds, anywhere in it, a document other than a page: one alignck
    reads, or one in a format it names as unsupported."""
    import os

    kinds = {suffix for suffix, module in READERS.items() if not module.endswith(".html")}
    kinds |= set(KNOWN_UNSUPPORTED)  # a partner's .doc or slides, to be said unreadable
    for _, _, names in os.walk(folder):
        if any(Path(name).suffix.lower() in kinds for name in names):
            return True
    return False


def _entries(folder: Path, search: _Search) -> Iterator[Path] | None:
    """The folder's entries in name order, or None (with the reason recorded) when it is not
    to be searched: already searched through a link, or a folder of the kernel."""
    try:
        identity = _identity(folder)
    except OSError as error:
        search.unreadable.append(Skipped(str(folder), f"cannot read folder: {os_reason(error)}"))
        return None
    if identity in search.searched:
        search.skipped.append(
            Skipped(str(folder), "folder already searched (another path leads to it)")
        )
        return None
    search.searched.add(identity)
    if is_kernel_file(folder):
        search.skipped.append(Skipped(str(folder), "a folder of the kernel's /proc or /sys"))
        return None
    try:
        listed = list(folder.iterdir())
    except OSError as error:
        # A folder that may hold strategies and cannot be searched fails the run as an
        # unreadable document does; the rest are still checked.
        search.unreadable.append(Skipped(str(folder), f"cannot read folder: {os_reason(error)}"))
        return None
    # Links last: a folder reached both by its own name and through a link is searched
    # under its own name, the link listed as the second way to it.
    return iter(sorted(listed, key=lambda p: (_is_link(p), natural_order(p.name), p.name)))


def _is_link(path: Path) -> bool:
    """Whether the entry is a link; False for one the system cannot look up, which its own
    visit then reports."""
    try:
        return path.is_symlink()
    except OSError:
        return False


def dead_link(path: Path) -> str:
    """What is wrong with a link that leads to no file: it leads nowhere, or round in a loop
    (a link to itself, two links to each other), which is not a missing file."""
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "a link in a loop (it leads back to itself)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a link in a loop (it leads back to itself)"
    return "a broken link (it leads nowhere)"


def _excluded(entry: Path, root: _Root, search: _Search) -> str | None:
    if not search.exclude:
        return None
    pattern = excluded_by(search.exclude, entry, Path(root.shown))
    return None if pattern is None else f"{_EXCLUDED}'{pattern}'"


def excluded_by(patterns: Sequence[str], entry: Path, root: Path) -> str | None:
    """The first pattern that excludes a folder's entry, or None. A pattern without '/' is
    matched against the entry's name anywhere ('Archive', '*.tmp', '~*'); one with '/' against
    its path under the folder given ('Public Health/old/*'), also written from the folder
    itself ('shared/Archive' for the folder 'shared') or in full; one starting '/' or './' is
    anchored at the folder given ('/Archive', './Archive': its own Archive, not a deeper
    one's). Case and Unicode spelling are ignored (shared drives ignore case; a Mac writes
    accents apart); a trailing '/' is allowed; a pattern with no '*' or '?' is a name as
    written, brackets included ('Strategy [DRAFT]'), where in another they choose characters
    as in a shell."""
    try:
        under = _folded(entry.relative_to(root).as_posix())
    except ValueError:
        under = _folded(entry.name)
    full = _folded(str(entry.absolute()).replace("\\", "/"))
    beside = [_folded(f"{folder}/") + under for folder in (root.name, root.as_posix())]
    name = _folded(entry.name)
    for pattern in patterns:
        wanted = _folded(pattern.replace("\\", "/")).rstrip("/")
        pairs: list[tuple[str, str]]
        if wanted.startswith("./"):
            while wanted.startswith("./"):
                wanted = wanted[2:]
            pairs = [(under, wanted)]
        elif wanted.startswith("/"):
            pairs = [(full, wanted), (under, wanted.lstrip("/"))]
        elif "/" in wanted:
            pairs = [(text, wanted) for text in (under, *beside, full)]
        else:
            pairs = [(name, wanted)]
        if any(_matches_pattern(text, glob) for text, glob in pairs if glob not in ("", ".")):
            return pattern
    return None


def _matches_pattern(text: str, pattern: str) -> bool:
    if "*" in pattern or "?" in pattern:
        return fnmatch.fnmatchcase(text, pattern)
    return text == pattern


def unused_patterns(patterns: Sequence[str], skipped: Sequence[Skipped]) -> list[str]:
    """The patterns that left nothing out, each once: a pattern a nightly job mistyped would
    otherwise fail it night after night with no word of why."""
    used = {s.reason for s in skipped if s.reason.startswith(_EXCLUDED)}
    return [p for p in dict.fromkeys(patterns) if f"{_EXCLUDED}'{p}'" not in used]


_EXCLUDED = "excluded by --exclude "


def unused_exclusion(pattern: str) -> str:
    return (
        f"--exclude '{pattern}' left nothing out: it is matched against each name (or, with "
        "a '/', each path under a folder given), ignoring case"
    )


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _passed_over(entry: Path, root: _Root, follow_links: bool) -> str | None:
    """Why a folder's entry is neither searched nor read, whatever its type; or None."""
    if entry.name.startswith("."):
        return "hidden"
    if not follow_links and entry.is_symlink() and not root.holds(entry):
        if not entry.exists():
            # --follow-links would not help: say what it would have said.
            return dead_link(entry)
        return f"a link leading out of {root.shown}; give --follow-links to follow it"
    return None
