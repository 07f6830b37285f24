"""Report files that appear complete or not at all, with the mode a shared report should have.

Apart from the command line so that a replayed run (:mod:`alignck.replay`) can write the report
file the same way without importing it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from alignck.names import within_bytes

# '.' + this + '.' + 8 random characters + '.tmp' stays within 255 bytes.
_TEMPORARY_NAME_BYTES = 200
# A report's temporary file this old belongs to a run that was killed mid-write (kill -9, the
# out-of-memory killer), which no clean-up of its own could remove.
_STALE_TEMPORARY_SECONDS = 3600


@contextlib.contextmanager
def atomic_file(output: Path, binary: bool) -> Iterator[IO[Any]]:
    """A file that appears complete or not at all: a failed run never leaves half a report.
    A folder that cannot be written to is one line naming the file, not a traceback.

    Text is written as given, with no newline translation: the CSV for Excel ends its lines
    with CRLF itself, and every other report is the same bytes on every system."""
    import tempfile

    from alignck.errors import UsageError

    shown = str(output)
    descriptor = descriptor_linked(output)
    if descriptor is not None:
        with _on_descriptor(descriptor, binary, shown) as handle:
            yield handle
        return
    output = report_target(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # The temporary name is longer than the report's: cut, so that a report whose own
        # name is legal (up to 255 bytes) can be written.
        prefix = f".{within_bytes(output.name, _TEMPORARY_NAME_BYTES)}."
        descriptor, name = tempfile.mkstemp(dir=output.parent, prefix=prefix, suffix=".tmp")
    except OSError as error:
        raise UsageError(f"cannot write the report: {why(error)}", shown) from None
    try:
        if binary:
            with open(descriptor, "wb") as raw:  # noqa: PTH123 - a descriptor
                yield raw
        else:
            # backslashreplace: see tolerate_undecodable; a file name that is not UTF-8 must
            # not cost the report.
            with open(  # noqa: PTH123 - a descriptor
                descriptor, "w", encoding="utf-8", newline="", errors="backslashreplace"
            ) as handle:
                yield handle
        Path(name).chmod(_shared_mode(output))
        # Noted before it takes its place: a run stopped just after the rename (Ctrl-C,
        # SIGTERM), before its caller knew the report was written, took it for an earlier
        # run's and removed it (see written_by_this_run).
        if (written := _WRITTEN.get()) is not None:
            written.add(_identity(Path(name).stat()))
        Path(name).replace(output)
    except OSError as error:
        raise UsageError(f"cannot write the report: {why(error)}", shown) from None
    finally:
        Path(name).unlink(missing_ok=True)
    _remove_stale_temporaries(output.parent, prefix)


def _remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Remove the temporary files of this report that killed runs left beside it, this
    user's and an hour old: a nightly job's folder would otherwise fill with them. A run
    writing the same report now has a younger one, which stays."""
    import re
    import time

    user = getattr(os, "getuid", None)
    if user is None:
        return  # no owner to tell by (Windows): left, as before
    own = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}\.tmp")
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not own.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(status.st_mode)
                    and status.st_uid == user()
                    and now - status.st_mtime > _STALE_TEMPORARY_SECONDS
                ):
                    Path(entry.path).unlink()


# Each report file the current run has put in place, by its identity (see _identity); None
# outside a run that notes them (see noting_written).
_WRITTEN: ContextVar[set[tuple[int, int, int, int]] | None] = ContextVar("written", default=None)


@contextlib.contextmanager
def noting_written() -> Iterator[None]:
    """Within it, the report files :func:`atomic_file` puts in place are noted, for
    :func:`written_by_this_run`: one run's, not an earlier run's in the same process."""
    token = _WRITTEN.set(set())
    try:
        yield
    finally:
        _WRITTEN.reset(token)


def _identity(status: os.stat_result) -> tuple[int, int, int, int]:
    """A file as this run wrote it: its device and inode, which a rename keeps, and its
    modification time and size, so an inode the system reuses later is not taken for it."""
    return status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size


def written_by_this_run(path: Path) -> bool:
    """Whether the file at ``path`` is a report the current run (:func:`noting_written`)
    put in place, whatever its caller had recorded when the run was stopped."""
    written = _WRITTEN.get()
    try:
        return written is not None and _identity(path.stat()) in written
    except OSError:
        return False


@contextlib.contextmanager
def _on_descriptor(descriptor: int, binary: bool, shown: str) -> Iterator[IO[Any]]:
    """This process's open file ``descriptor``, written where it stands: opened again by its
    name, a log redirected with '>>' would be emptied first."""
    from alignck.errors import UsageError

    try:
        with open(  # noqa: PTH123 - a descriptor
            os.dup(descriptor), "wb" if binary else "w", **({} if binary else _TEXT)
        ) as handle:
            yield handle
    except OSError as error:
        raise UsageError(f"cannot write the report: {why(error)}", shown) from None


# See atomic_file: text as given, and names that are not UTF-8 never cost the report.
_TEXT: dict[str, Any] = {"encoding": "utf-8", "newline": "", "errors": "backslashreplace"}


def report_target(output: Path) -> Path:
    """The file a report at ``output`` is written to: through a link, the file it names.
    Replacing the link itself made '-o link.xml' a new file beside the target it pointed to,
    which kept the earlier run's report; the folder tried before any work and the stale
    report a failed run removes are the target's too."""
    return Path(os.path.realpath(output)) if output.is_symlink() else output


def descriptor_linked(output: Path) -> int | None:
    """The open file of this process that ``output`` leads to through links, as /dev/stdout
    and /dev/fd/1 do, or None: what it names is a stream the caller redirected, written
    where it stands; replacing the link, as a report file is replaced, replaced /dev/stdout
    itself for the whole system when run as root."""
    path = Path(os.path.abspath(output))  # noqa: PTH100 - no links followed
    folders = ("/proc/self/fd", "/dev/fd", f"/proc/{os.getpid()}/fd")
    for _ in range(40):  # the kernel's own limit on links followed
        if path.name.isdigit() and str(path.parent) in folders:
            return int(path.name) if _open_for_writing(int(path.name)) else None
        try:
            path = path.parent / path.readlink()
        except OSError:  # not a link (or gone): the end of the chain
            return None
    return None


def _open_for_writing(descriptor: int) -> bool:
    """Whether this process may write on the descriptor: /dev/stdin from a pipe may not, and
    is refused before any work as what it is (a FIFO), not after it."""
    import fcntl

    try:
        mode = fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_ACCMODE
    except OSError:
        return False
    return mode in (os.O_WRONLY, os.O_RDWR)


def why(error: OSError) -> str:
    # strerror alone: the error's own text names the temporary file, not the report.
    return error.strerror or str(error)


def _shared_mode(output: Path) -> int:
    """The mode a report is written with: an existing file's own, else what the umask allows.

    mkstemp creates files readable by their owner only, but a report is made to be shared.
    """
    try:
        return stat.S_IMODE(output.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
