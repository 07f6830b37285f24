"""What kind of file a path is, for the checks that keep alignck to ordinary files.

Reading a FIFO blocks until someone writes to it, a device such as ``/dev/zero`` never ends, and
the kernel's files under ``/proc`` and ``/sys`` look like regular files but hold the machine's
state (``/proc/self/environ`` is every secret in the environment); writing a report over a
device or a folder is never what was meant. This module names kinds, compares identities and
reads regular files only; readers and the command line decide what else to refuse.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from alignck.errors import ReadError

if TYPE_CHECKING:
    from alignck.limits import Limits

_KERNEL_ROOTS = ("/proc", "/sys")
# An open that never waits (a FIFO with no writer would) nor takes a terminal as ours; Windows
# has neither flag, and no FIFOs or terminals to open by a file's name.
NON_BLOCKING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
ONLY_REGULAR = "alignck reads only regular files"

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str:
    """'a folder', 'a named pipe (FIFO)', … for a ``st_mode``; 'a regular file' otherwise."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "a special file"


def real_path(path: Path) -> Path:
    """The path with every link resolved; never raises, even on a loop of links or a link
    replaced by a file while it is resolved (readlink then fails with EINVAL)."""
    try:
        return Path(os.path.realpath(path))
    except OSError:
        return Path(os.path.abspath(path))  # noqa: PTH100 - no links followed


def same_file(path: Path, other: Path) -> bool:
    """Whether the two paths name one file: the same resolved path, or the same device and
    inode (a hard link, or a link through a folder ``realpath`` cannot see through)."""
    try:
        first, second = path.stat(), other.stat()
    except OSError:
        return real_path(path) == real_path(other)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def refusal(path: Path) -> str | None:
    """Why the path is not read as a document (a FIFO, a device, a kernel file…), or None.
    Looks with stat, never opens, so it cannot hang; a path that cannot be looked at is left
    for the reader to report."""
    try:
        status = path.stat()
    except OSError:
        return None
    return _refusal(path, status)


def special_file(path: Path) -> str | None:
    """Why a file alignck is given to read whole (a framework, waivers or reviews file) is not
    read: a FIFO, a device or a kernel file, which could hang the run or never end. A folder
    or a missing path is left for the reader's own message. Looks with stat, never opens."""
    try:
        status = path.stat()
    except OSError:
        return None
    return None if stat.S_ISDIR(status.st_mode) else _refusal(path, status)


def _refusal(path: Path, status: os.stat_result) -> str | None:
    if not stat.S_ISREG(status.st_mode):
        return f"{kind(status.st_mode)}, not a regular file; {ONLY_REGULAR}"
    if is_kernel_file(path, status):
        return f"a file of the kernel's /proc or /sys, not a document; {ONLY_REGULAR}"
    return None


def is_kernel_file(path: Path, status: os.stat_result | None = None) -> bool:
    """Whether the path lies in /proc or /sys, by where it leads or by the file system it is on
    (so a link into them, or a bind mount of them elsewhere, is caught too)."""
    if real_path(path).parts[1:2] in {(root[1:],) for root in _KERNEL_ROOTS}:
        return True
    if status is None:
        try:
            status = path.stat()
        except OSError:
            return False
    return status.st_dev in _kernel_devices()


@lru_cache(maxsize=1)
def _kernel_devices() -> frozenset[int]:
    # Only mount points: an empty /proc folder on a system without procfs would otherwise make
    # its whole disk look like the kernel's.
    return frozenset(Path(r).stat().st_dev for r in _KERNEL_ROOTS if os.path.ismount(r))


class NotRegular(OSError):
    """What :func:`open_regular` opened is no regular file (its ``strerror`` says what)."""


def open_regular(path: Path, follow: bool = True) -> io.BufferedReader:
    """A regular file opened for reading, without blocking, and checked on the open file: a
    FIFO or device put in its place after any earlier check can neither hang the run nor
    feed it, and a path that is no link when looked at, or may not be one (``follow``
    false: it was a file when found), is opened without following one, so a link swapped in
    meanwhile (leading out of a checked folder) is refused. Only the last part of the path
    is held so. Raises OSError for anything else, with the reason :func:`refusal` gives."""
    flags = os.O_RDONLY | NON_BLOCKING
    try:
        if not follow or not stat.S_ISLNK(os.lstat(path).st_mode):
            flags |= getattr(os, "O_NOFOLLOW", 0)
    except OSError:
        pass  # the open says why
    descriptor = os.open(path, flags)
    try:
        reason = _refusal(Path(path), os.fstat(descriptor))
        if reason is not None:
            raise NotRegular(errno.EINVAL, reason)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


@lru_cache(maxsize=1)
def _reopens_by_descriptor() -> bool:
    """Whether /proc/self/fd/N reopens a file held open as that very file, whatever its path
    names by then (Linux); elsewhere /dev/fd/N duplicates the descriptor (one offset shared
    by every reader of it), so there a file is read by its path."""
    return sys.platform.startswith("linux") and Path("/proc/self/fd").is_dir()


_HELD_PREFIX = "alignck-read-"


def remove_held_folders(pid: int | None) -> None:
    """Remove what :func:`held_open` left behind in a process that was killed while it read
    (a reader past its time limit): its private folders, named by its process id."""
    import shutil
    import tempfile

    if pid is None:
        return
    for folder in Path(tempfile.gettempdir()).glob(f"{_HELD_PREFIX}{pid}-*"):
        with suppress(OSError):
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid():
                shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def held_open(path: Path, follow: bool = True) -> Iterator[Path]:
    """A path to read a regular file by, naming the file :func:`open_regular` opened and
    checked for as long as the context lasts: readers that open it again (PDFium, zip
    archives, the PDF stream scan) read that file, not one swapped in at its path
    meanwhile (a FIFO, which hung a run; a link out of the folder, which was read). It
    has the file's own name, in a private folder, as readers look at its extension."""
    import shutil
    import tempfile

    with open_regular(path, follow) as handle:
        if not _reopens_by_descriptor():
            yield path
            return
        folder = None
        try:
            folder = Path(tempfile.mkdtemp(prefix=f"{_HELD_PREFIX}{os.getpid()}-"))
            through = folder / Path(path).name
            through.symlink_to(f"/proc/self/fd/{handle.fileno()}")
        except OSError:
            # Nowhere to put a link (a full or link-less temporary folder): read by the path,
            # as elsewhere.
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            yield path
            return
        try:
            yield through
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def read_regular(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file, or a :class:`ReadError`. Opened without blocking and
    checked on the open file, so a FIFO or device put in its place after any earlier check
    can neither hang the run nor fill its memory; a file over ``limits`` is refused before a
    byte is read, and no more than the limit is read should it grow meanwhile."""
    from alignck.limits import MB, check_file_size

    # Its type first, as the path says: a socket cannot be opened at all ('no such device
    # or address'), and nothing else is opened before its type is known.
    reason = _refusal(path, Path(path).stat())
    if reason is not None:
        raise ReadError(reason, str(path))
    try:
        handle = open_regular(path)
    except NotRegular as error:
        raise ReadError(error.strerror or ONLY_REGULAR, str(path)) from error
    with handle:
        status = os.fstat(handle.fileno())
        if limits is None:
            return handle.read()
        check_file_size(str(path), status.st_size, limits)
        data = _read_at_most(handle, limits.file_mb * MB + 1)
        check_file_size(str(path), len(data), limits)
        return data


def _read_at_most(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, a megabyte at a time: ``read(size)`` sets aside all of ``size``
    at once, however small the file."""
    chunks = []
    left = size
    while left > 0 and (chunk := handle.read(min(left, 1024 * 1024))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def near_name(path: Path, suffixes: tuple[str, ...] = ()) -> str:
    """'; did you mean 'mine'?' where a file or folder beside ``path`` has nearly its name
    (the same but for case or Unicode form, else one or two letters apart, by edit distance),
    else ''. Where a folder on the way is missing, the nearest to it ('Mine/plan.md' ->
    'mine/plan.md'). With ``suffixes``, only regular files ending so are suggested (a
    framework's '.yaml'). Editors' and Word's lock and backup files are never suggested."""
    missing = path
    while not missing.parent.exists() and missing.parent != missing:
        missing = missing.parent  # the first part of the path that is not there
    rest = path.relative_to(missing) if missing != path else None
    found = _near(missing, suffixes if rest is None else ())
    if not found:
        return ""
    shown = [str(missing.parent / name) if str(missing.parent) != "." else name for name in found]
    if rest is not None:
        shown = [str(Path(name) / rest) for name in shown]
    same_letters = [
        unicodedata.normalize("NFC", name) == unicodedata.normalize("NFC", missing.name)
        for name in found
    ]
    told = " or ".join(f"'{name}'" for name in shown)
    form = " (the same letters, written in another Unicode form)" if any(same_letters) else ""
    return f"; did you mean {told}?{form}"


def _near(path: Path, suffixes: tuple[str, ...]) -> list[str]:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    if not path.name:
        return []
    try:
        listed = _listing(str(path.parent), path.parent.stat().st_mtime_ns)
    except (OSError, ValueError):
        return []
    names, folded = listed

    def wanted(name: str) -> bool:
        return not suffixes or (name.lower().endswith(suffixes) and (path.parent / name).is_file())

    if suffixes:
        names = tuple(filter(wanted, names))
    same = [n for n in folded.get(_fold(path.name), []) if n != path.name and wanted(n)]
    if same:
        return same[:3]
    # One letter apart in a short name, two in a longer: 'barnet-strategy' is not
    # 'barnsley-strategy', another council's.
    limit = 1 if len(path.name) < 8 else 2
    found = process.extract(
        path.name, names, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
    )
    if not found:
        return []
    best = min(score for _, score, _ in found)
    return sorted(name for name, score, _ in found if score == best)[:3]


@lru_cache(maxsize=16)
def _listing(folder: str, _changed: int) -> tuple[tuple[str, ...], dict[str, list[str]]]:
    """A folder's names (sorted, lock and backup files left out) and by their folded form;
    listed once for each change of the folder, whatever the number of paths asked about."""
    names = tuple(
        sorted(
            entry.name
            for entry in os.scandir(folder)
            if not entry.name.startswith(("~$", ".~lock")) and not entry.name.endswith("~")
        )
    )
    folded: dict[str, list[str]] = {}
    for name in names:
        folded.setdefault(_fold(name), []).append(name)
    return names, folded


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()
