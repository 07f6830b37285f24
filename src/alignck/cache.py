"""Cache of prepared documents and of their results, keyed by content hash.

Two kinds of entry share the folder. A prepared document (read, extracted, cut into passages)
is keyed by the SHA-256 of the file's bytes, the reader and engine, alignck's version and a hash
of the code and lexicon (``data/lexicon``) that prepare documents. A document's result against a
framework adds the framework's priorities and thresholds and a hash of all of alignck's code and
lexicon, so a re-run on unchanged files against an unchanged framework does no reading and no
matching at all, while any change to the file, the framework, the thresholds or the code is a
miss. Entries are written to a temporary file and renamed into place, so concurrent runs never
see half an entry.

An entry is JSON data, never code (:mod:`alignck.cache_codec`): it records its own key, alignck's
version and the kind of value it holds, and is believed only when all three are what the loader
asked for and every field has its declared type. Anything else (garbled, truncated, written by
another version, planted, or a valid entry moved under another key) is deleted and the document
read again. The whole folder is safe to delete at any time. :func:`configure` moves it (the
command line does so from ``ALIGNCK_CACHE_DIR``; tests use this).

Entries a code change or an edited file has made unreachable would otherwise pile up for ever,
so after a run that wrote entries the folder is trimmed to the configured size (the command
line's ``ALIGNCK_CACHE_MAX_MB``, default 1024 MiB), least recently used first: loading an entry
marks it used.

Clearing and trimming delete only what alignck wrote, and only in a folder that is alignck's
(:mod:`alignck.cache_folder`): a folder of other files is refused, never emptied. Such a folder
is not used for caching either, so no entry is ever mixed in with someone's own files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from alignck import __version__, collector, jsonfast
from alignck.cache_codec import EntryError, decode, encode
from alignck.cache_folder import TEMP_PREFIX, TEMP_SUFFIX, check_ours, entry_path, own_files, shards
from alignck.cache_folder import tag as tag_folder
from alignck.errors import CacheError, CacheUnwritable, UsageError

_FORMAT = 2  # 1 was pickle
T = TypeVar("T")
DEFAULT_MAX_MB = 1024
# Trim to this share of the limit, so the next runs do not each have to trim again.
_TRIM_TO = 0.8
# A temporary file this old belongs to a run that died mid-write.
_STALE_TEMP_SECONDS = 3600
_writes = 0
# Why the first entry of this process could not be written (a full or read-only disk).
_write_problem: str | None = None
_PREPARING_MODULES = (
    "readers/*.py",
    "extract/*.py",
    "data/extraction.json",
    "language.py",
    "spelling.py",
    "passages.py",
    "model.py",
    "reading.py",
    "themes.py",
    "senses.py",
    "lexicon.py",
    "data/lexicon/*.json",
)
_ALL_MODULES = ("**/*.py", "data/lexicon/*.json")
_directory: Path | None = None
_max_mb = DEFAULT_MAX_MB
# The folder claim() last answered for, and its answer, so that every load and store does not
# look through the folder again.
_claimed: tuple[Path, CacheError | None] | None = None


def configure(directory: str | Path | None = None, max_mb: int = DEFAULT_MAX_MB) -> None:
    """Where the cache lives (None: the platform's user cache folder; '~' is the home folder,
    as ALIGNCK_CACHE_DIR reads it) and the size in MiB it is trimmed to."""
    global _directory, _max_mb, _claimed, _write_problem
    if directory is not None and not isinstance(directory, (str, Path)):
        raise TypeError(f"the cache folder must be a path (got {directory!r})")
    if isinstance(max_mb, bool) or not isinstance(max_mb, int):
        raise TypeError(f"the cache size must be a whole number of megabytes (got {max_mb!r})")
    if max_mb < 0:
        raise ValueError(f"the cache size cannot be negative (got {max_mb})")
    folder = Path(directory).expanduser() if directory is not None else None
    _directory, _max_mb, _claimed, _write_problem = folder, max_mb, None, None


def parse_max_mb(text: str, name: str) -> int:
    """A cache size given as text (an environment variable), or a one-line UsageError."""
    try:
        megabytes = int(text.strip())
    except ValueError:
        megabytes = -1
    if megabytes < 0:
        raise UsageError(f"{name} must be a whole number of megabytes, not {text!r}")
    return megabytes


def cache_dir() -> Path:
    """The cache folder: ALIGNCK_CACHE_DIR (or the library caller's choice), else the user's
    cache folder. Raises :class:`CacheUnwritable` (a run goes on without the cache) when the
    user has no home folder to keep it in: a CI container's arbitrary user has neither HOME
    nor an entry in the password file, and platformdirs then raised a traceback (or, before
    4.1, named a folder '~' in the working directory, and the cache was written there)."""
    if _directory is not None:
        return _directory
    from platformdirs import user_cache_dir

    try:
        found = Path(user_cache_dir("alignck", appauthor=False))
    except (RuntimeError, KeyError, OSError):
        found = Path("~")
    if not found.is_absolute():
        raise CacheUnwritable(
            "no home folder to keep the cache in (HOME is not set and this user has none): "
            "set ALIGNCK_CACHE_DIR to keep it somewhere"
        )
    return found / "documents"


def key_for(data: bytes, reader: str) -> str:
    """The key of a prepared document."""
    return key_of_digest(hashlib.sha256(data).hexdigest(), reader)


def key_of_digest(content: str, reader: str) -> str:
    """The key of a prepared document whose bytes have the SHA-256 ``content``: the bytes are
    hashed once, and the same digest is the one reports give of the file."""
    salt = f"\0{reader}\0{__version__}\0{_FORMAT}\0{code_fingerprint()}"
    return hashlib.sha256((content + salt).encode()).hexdigest()


def result_key(document_key: str, matching: str) -> str:
    """The key of a document's result; ``matching`` names the framework and thresholds."""
    text = f"{document_key}\0{matching}\0{code_fingerprint(_ALL_MODULES)}"
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=4)
def code_fingerprint(modules: tuple[str, ...] = _PREPARING_MODULES) -> str:
    """A hash of alignck's code, so no change to it can meet a stale entry."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in modules:
        # The same on every system: names with '/' in the order their parts sort (Windows
        # writes a backslash and sorts without case), text with its lines ending LF (a
        # checkout may end them CRLF), so a baseline made on one is not 'made with other
        # code' on another.
        found = sorted(package.glob(name), key=lambda path: path.relative_to(package).parts)
        for path in found:
            digest.update(path.relative_to(package).as_posix().encode())
            data = path.read_bytes()
            if path.suffix in _TEXT_SUFFIXES:
                data = data.replace(b"\r\n", b"\n")
            digest.update(data)
    return digest.hexdigest()[:16]


_TEXT_SUFFIXES = frozenset({".py", ".json", ".yaml", ".yml", ".txt", ".md"})


def _entry(key: str) -> Path:
    return entry_path(cache_dir(), key)


def claim() -> Path:
    """The cache folder, created and tagged as alignck's when need be.

    Raises :class:`CacheError` when the path is not a folder, or holds files alignck did not
    write: entries must not be mixed in with someone's own files, which a later clear or trim
    would then have to tell apart.
    """
    global _claimed
    folder = cache_dir()
    if _claimed is None or _claimed[0] != folder:
        _claimed = folder, _claim(folder)
    if _claimed[1] is not None:
        raise _claimed[1]
    return folder


def _claim(folder: Path) -> CacheError | None:
    try:
        check_ours(folder, "use it as the cache")
        _make_private(folder)
    except CacheError as error:
        return error
    except OSError as error:
        return CacheUnwritable(f"cannot create the cache folder: {error.strerror}", str(folder))
    tag_folder(folder)
    return None


def _make_private(folder: Path) -> None:
    """Make the folder and each missing folder above it, each its owner's alone whatever the
    umask: another user who can rename a folder on the way can swap the cache for one of
    theirs, whose entries a run believes. Folders that exist are left as they are."""
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    for made in reversed([p for p in missing if not p.exists()]):
        made.mkdir(mode=0o700, exist_ok=True)


def _usable() -> bool:
    """Whether loads and stores may touch the folder; a library caller that did not claim it
    first gets an uncached run rather than an error."""
    try:
        claim()
    except CacheError:
        return False
    return True


def max_bytes() -> int:
    """The size the folder is trimmed to."""
    return _max_mb * 1024 * 1024


def write_problem() -> str | None:
    """Why an entry could not be written in this process, if one could not: every later run
    then reads afresh, and a user should hear why."""
    return _write_problem


def writes() -> int:
    """How many entries this process has written (a run compares before and after)."""
    return _writes


def exists(key: str) -> bool:
    if not (key and _usable()):
        return False
    try:
        return _entry(key).is_file()
    except OSError:
        # Another user's entry in a shared folder, private to them: a miss, read afresh.
        return False


def load(key: str, kind: type[T]) -> T | None:
    """The ``kind`` stored under ``key``, or None when there is none or it is not a valid entry
    for that key (then it is removed, so the caller's fresh result replaces it)."""
    if not _usable():
        return None
    path = _entry(key)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return None  # unreadable: the document is simply read again
    try:
        value = _unwrap(data, key, kind)
    except (ValueError, TypeError, RecursionError):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    _mark_used(path)
    return value


def _wrap(key: str, value: Any) -> bytes:
    # Without the collector: it walked the heap several times per entry (see collector).
    with collector.paused():
        encoded = encode(value)
        return jsonfast.dumps_compact([_FORMAT, __version__, key, type(value).__name__, encoded])


def _unwrap(data: bytes, key: str, kind: type[T]) -> T:
    """Raises ValueError (EntryError among them) unless the entry is this key's, of this
    version and kind, and of the right shape throughout."""
    with collector.paused():  # as in _wrap
        entry = jsonfast.loads(data)
        if type(entry) is not list or len(entry) != 5:
            raise EntryError("not an alignck cache entry")
        if entry[:4] != [_FORMAT, __version__, key, kind.__name__]:
            raise EntryError("an entry of another key, version or kind")
        return decode(entry[4], kind)


def _mark_used(path: Path) -> None:
    # A read-only cache still answers; it just cannot record what was used.
    with contextlib.suppress(OSError):
        os.utime(path)


def store(key: str, value: Any) -> None:
    """Write a dataclass instance under ``key`` (see :mod:`alignck.cache_codec` for what it may
    hold)."""
    if _max_mb and _usable():
        store_encoded(key, encoded(key, value))


def encoded(key: str, value: Any) -> bytes:
    """What :func:`store` writes for ``value`` under ``key``: a worker process that prepared a
    document encodes it there, and this process only writes the bytes."""
    return _wrap(key, value)


def decoded(data: bytes, key: str, kind: type[T]) -> T:
    """What :func:`encoded` was given under ``key``, equal values shared as :func:`load`
    shares them; ValueError when the bytes are not such an entry."""
    return _unwrap(data, key, kind)


def store_encoded(key: str, data: bytes) -> None:
    """Write an entry :func:`encoded` made; nothing where the cache may hold nothing
    (``ALIGNCK_CACHE_MAX_MB=0``: trimming to nothing after each run still left its last
    entry, the run's record, whose report quotes the documents)."""
    if _max_mb == 0 or not _usable():
        return
    path = _entry(key)
    global _writes, _write_problem
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_whole(path, data)
    except OSError as error:
        # A read-only or full disk only costs speed, never the check; the caller may say so.
        _write_problem = _write_problem or (error.strerror or str(error)).lower()
        return
    _writes += 1


def _write_whole(path: Path, data: bytes) -> None:
    """Write beside the entry and rename into place; a failed write (a full disk) leaves no
    temporary file behind."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        Path(name).replace(path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def prune(limit: int) -> int:
    """Delete the least recently used entries until the folder is well under ``limit`` bytes,
    and temporary files left by runs that died mid-write; return how many entries went.
    Raises :class:`CacheError` rather than touch a folder that is not alignck's."""
    folder = cache_dir()
    if not check_ours(folder, "trim it"):
        return 0
    now = time.time()
    entries: list[tuple[float, int, str]] = []
    for item, kind in own_files(folder):
        try:
            status = item.stat(follow_symlinks=False)
        except OSError:
            continue  # removed by a concurrent run
        if kind == "entry":
            entries.append((status.st_mtime, status.st_size, item.path))
        elif now - status.st_mtime > _STALE_TEMP_SECONDS:
            _remove_if_allowed(item.path)
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return 0
    removed = 0
    for _, size, path in sorted(entries):
        if total <= limit * _TRIM_TO:
            break
        if _remove_if_allowed(path):
            total -= size
            removed += 1
    return removed


def _remove_if_allowed(path: str) -> bool:
    """Remove an entry in a trim; False where it is not this user's to remove (a folder
    shared with others, whose entries stay theirs) or went meanwhile."""
    try:
        _remove(path)
    except OSError:
        return False
    return True


def clear() -> tuple[int, Path]:
    """Delete every entry alignck wrote, and nothing else; the tag stays, so the folder is
    still known as alignck's. Raises :class:`CacheError` for a folder that is not alignck's."""
    folder = cache_dir()
    if not check_ours(folder, "clear it"):
        return 0, folder
    removed = 0
    for item, kind in list(own_files(folder)):
        try:
            _remove(item.path)
        except OSError as error:
            # A read-only or foreign-owned folder: one line, as any refused cache folder is.
            raise CacheError(
                f"cannot clear the cache folder: {error.strerror or error}", str(folder)
            ) from None
        removed += kind == "entry"
    for shard in shards(folder):
        with contextlib.suppress(OSError):
            shard.rmdir()  # only an empty one goes: anything else in it stays
    return removed, folder


def _remove(path: str) -> None:
    Path(path).unlink(missing_ok=True)


def info() -> tuple[Path, int, int]:
    """The folder, its entry count and their size; only alignck's entries are counted."""
    folder = cache_dir()
    if not folder.exists():
        return folder, 0, 0
    if not folder.is_dir():
        raise CacheError("not a folder; alignck cannot keep its cache here", str(folder))
    sizes = [_size(item) for item, kind in own_files(folder) if kind == "entry"]
    return folder, len(sizes), sum(sizes)


# What each kind of entry holds, as `alignck cache info` names it.
KIND_NAMES = {
    "Prepared": "parsed documents",
    "DocumentResult": "document results",
    "RunRecord": "run records kept to replay a run (each holds its report)",
    "FacetEmbeddings": "framework embeddings",
}
_KIND = re.compile(rb'^\[[^,]*,"[^"]*","[^"]*","(\w+)"')


def info_by_kind() -> dict[str, tuple[int, int]]:
    """Entry count and size for each kind of entry (by the class named in its header): a
    replayable run keeps its whole report, and a national run's is tens of megabytes."""
    folder = cache_dir()
    found: dict[str, tuple[int, int]] = {}
    if not folder.is_dir():
        return found
    for item, kind in own_files(folder):
        if kind != "entry":
            continue
        try:
            with open(item.path, "rb") as handle:  # noqa: PTH123 - a DirEntry's path
                head = handle.read(512)
        except OSError:
            continue  # removed by a concurrent run
        match = _KIND.match(head)
        name = match.group(1).decode() if match else "other"
        count, size = found.get(name, (0, 0))
        found[name] = (count + 1, size + _size(item))
    return found


def _size(item: os.DirEntry[str]) -> int:
    try:
        return item.stat(follow_symlinks=False).st_size
    except OSError:
        return 0  # removed by a concurrent run
