"""A fully warm ``alignck check`` answered from the record of the same run, before the command
line is imported.

Importing the command line (Typer, the pydantic it loads, Rich) and loading every document's
cached result costs several times what a warm run may take, so a run whose every input is
unchanged is answered from a record kept by the previous run: what it wrote on standard output
and standard error, and its exit code. The record is kept under a key hashing the whole command
line, the working folder, today's date (waivers lapse), the environment variables that can
change a report, which standard streams are terminals, Python and its installed packages, every
file of alignck's code and data, and the size and time of the semantic matcher's model files. It
holds a digest of every file the run read (the framework, waivers, review and baseline files,
every document) and of the places a framework would be looked for, and what the documents'
discovery found; it is believed only when all of them are as they were, so an edited, added or
removed file is a miss and the run is done in full (and kept again).

Only runs whose whole answer is text are kept: standard output not a terminal, a text format,
no ``--per-document`` pages, the cache in use, no password, exit 0 or 1 (an unreadable
document or a time limit may not fail the same way twice), and no more than
:data:`RECORD_LIMIT` bytes written on any stream or to the report file. A report written with
``--output`` is part of the record and written again, the same bytes, when the file may be
written as the full run would (absent or a regular file, none of the files read); a report
written where the documents are looked for is believed only once it is found there as the
record saw it. The record is a cache entry like any other (:mod:`alignck.cache`): ``alignck
cache clear`` removes it and the folder's size limit trims it. This module decides nothing
about verdicts; the command line tells it what a finished run read and wrote.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, cast

from alignck import __version__

# Environment variables that can change what a run writes: alignck's own, the locale and
# Python's (the streams' encoding), colour and width, CI detection, the time zone (today's
# date) and where the cache lives.
_ENVIRONMENT_PREFIXES = ("ALIGNCK_", "PYTHON", "LC_", "TTY_", "JUPYTER_", "GITHUB_")
_ENVIRONMENT_NAMES = frozenset(
    {
        "CI_PROJECT_DIR",
        "LANG",
        "LANGUAGE",
        "TERM",
        "COLORTERM",
        "COLUMNS",
        "LINES",
        "NO_COLOR",
        "FORCE_COLOR",
        "CI",
        "TZ",
        "HOME",
        "XDG_CACHE_HOME",
    }
)
_PASSWORD_VARIABLES = ("ALIGNCK_PDF_PASSWORD", "ALIGNCK_PDF_PASSWORDS")
# Every file of alignck that can change a report: its code, lexicon, fitted decisions,
# built-in frameworks and the semantic matcher's tokenizer.
CODE_AND_DATA = ("**/*.py", "data/**/*.json", "data/**/*.yaml")

# A run is kept only while each stream, and the report file, took at most this many bytes: a
# national run's JSON report runs to hundreds of megabytes, and keeping it for the record held
# it in memory several times over (3.4 GiB at 1,000 documents against 300 priorities). Such a
# run is answered from the cached results of its documents instead.
RECORD_LIMIT = 64 * 1024 * 1024

# The key of this process's run, when the console script computed one (a run is kept only
# then, so tests driving the command line in-process never meet a record).
_key: str | None = None
_heard: tuple[_Tee, _Tee] | None = None


@dataclass(frozen=True, slots=True)
class RunRecord:
    """What a finished run read (each file with its digest) and what it wrote."""

    inputs: tuple[tuple[str, str], ...]
    paths: tuple[str, ...]
    follow_links: bool
    discovered: str
    stdout: str
    stdout_errors: str
    stderr: str
    exit_code: int
    # The --output file as given, and the report written to it.
    output: str | None = None
    report: str | None = None
    # The encoding the run's standard output was written in (UTF-8 for a report in any
    # format but the terminal's, whatever the locale): a replay writes the same bytes.
    stdout_encoding: str = ""
    # Where the --output file was, its links followed: a link re-pointed since (into a folder
    # being checked, say) is a place the full run may refuse.
    output_place: str | None = None
    # The --exclude patterns the run searched with: what discovery finds depends on them.
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Started:
    """What a run's inputs were before it read them (see :func:`before_reading`)."""

    inputs: tuple[tuple[str, str], ...]
    discovered: str


def answer(argv: Sequence[str]) -> int | None:
    """The exit code of ``alignck check ARGV...`` after writing what it wrote last time, or
    None (having written nothing) when the run has to be done."""
    global _key
    _key = None
    if not _replayable(argv):
        return None
    from alignck import cache
    from alignck.cache_folder import entry_path
    from alignck.errors import AlignckError

    try:
        _configure_cache(cache)
        _key = run_key(argv)
        if not entry_path(cache.cache_dir(), _key).is_file():
            return None  # nothing kept: do not create the cache folder just to look
    except (OSError, ValueError, AlignckError):
        return None  # the full run says what is wrong
    record = cache.load(_key, RunRecord)
    if record is None or not _unchanged(record):
        return None
    if record.output is not None and not _rewritten(record):
        return None
    from alignck.launch import device_full, say_cannot_write, silence

    for stream, text, errors in (
        (sys.stdout, record.stdout, record.stdout_errors),
        (sys.stderr, record.stderr, None),
    ):
        try:
            encoding = record.stdout_encoding if stream is sys.stdout else ""
            _write(stream, text, errors, encoding)
        except BrokenPipeError:
            # Its reader went away ('2>&1 | head'): the exit code is still the run's.
            silence(stream)
        except OSError as error:
            if not device_full(error):
                raise
            return say_cannot_write(error)  # as a full run says it
    return record.exit_code


def _replayable(argv: Sequence[str]) -> bool:
    """Cheap refusals, before any hashing: what is never kept."""
    if not argv or argv[0] != "check" or sys.stdout.isatty():
        return False
    if any(os.environ.get(name) for name in _PASSWORD_VARIABLES):
        return False
    refused = ("--password", "--no-cache", "--per-document")
    return not any(arg.startswith(refused) for arg in argv)


def _configure_cache(cache: Any) -> None:
    """The cache folder the run would use (the command line's ALIGNCK_CACHE_DIR); a size that
    is not a number raises UsageError, for the full run to report."""
    folder = os.environ.get("ALIGNCK_CACHE_DIR")
    size = os.environ.get("ALIGNCK_CACHE_MAX_MB", "").strip()
    megabytes = cache.parse_max_mb(size, "ALIGNCK_CACHE_MAX_MB") if size else cache.DEFAULT_MAX_MB
    cache.configure(Path(folder).expanduser() if folder else None, megabytes)


def run_key(argv: Sequence[str]) -> str:
    """The hash of everything besides the files read that can change the run's output."""
    from alignck import model_files
    from alignck.cache import code_fingerprint

    environment = sorted(
        (name, value)
        for name, value in os.environ.items()
        if name in _ENVIRONMENT_NAMES or name.startswith(_ENVIRONMENT_PREFIXES)
    )
    parts = (
        "run",
        __version__,
        tuple(argv),
        str(Path.cwd()),
        datetime.date.today().isoformat(),
        environment,
        tuple(os.isatty(fd) for fd in (0, 1, 2)),
        sys.version,
        sys.executable,
        _installed(),
        code_fingerprint(CODE_AND_DATA),
        # The model a semantic run loads can be replaced in place, path and all.
        model_files.stamp(),
    )
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _installed() -> tuple[tuple[str, int], ...]:
    """Each import folder with its modification time, which installing, upgrading or removing
    a package there changes (the semantic matcher's model is a package)."""
    found = []
    for entry in sys.path:
        with contextlib.suppress(OSError):
            found.append((entry, Path(entry or ".").stat().st_mtime_ns))
    return tuple(found)


def _unchanged(record: RunRecord) -> bool:
    if any(digest_of(Path(path)) != digest for path, digest in record.inputs):
        return False
    found = discovery_digest(record.paths, record.follow_links, record.exclude)
    return found == record.discovered


def _rewritten(record: RunRecord) -> bool:
    """Write the recorded report to its file again, as the full run would have; False, having
    written nothing, when the full run would refuse the file (it is now a folder, a device or
    one of the files read), or cannot write it: the full run then says why."""
    from alignck.errors import UsageError
    from alignck.files import same_file
    from alignck.report_file import atomic_file

    assert record.output is not None and record.report is not None
    output = Path(record.output)
    if os.path.realpath(output) != record.output_place:
        return False
    try:
        mode = output.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError:
        return False
    if mode is not None and not stat.S_ISREG(mode):
        return False
    if any(same_file(output, Path(path)) for path, _ in record.inputs):
        return False
    try:
        with atomic_file(output, binary=False) as handle:
            handle.write(record.report)
    except UsageError:
        return False
    return True


def digest_of(path: Path) -> str:
    """The SHA-256 of a regular file's bytes; what else is there (or that nothing is) when it
    is not one. Nothing but a regular file is opened: a FIFO would hang the run."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "absent"
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        return "other"
    from alignck.files import open_regular

    try:
        # A FIFO put in the file's place after the look at its type must not hang the run.
        with open_regular(path) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return "unreadable"


def discovery_digest(paths: Sequence[str], follow_links: bool, exclude: Sequence[str] = ()) -> str:
    """What searching the paths finds (documents, skipped files and why), as a digest: a file
    added to or removed from a folder changes it."""
    from alignck.readers import discover

    found = discover((Path(p) for p in paths), follow_links, exclude)
    text = repr((found.files, found.skipped, found.unsupported))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _write(stream: TextIO, text: str, errors: str | None, encoding: str = "") -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and encoding and encoding != stream.encoding:
        # A report written as UTF-8 in a legacy locale (utf8_stdout) went out in the locale's
        # encoding when replayed, other bytes than the run it stands for.
        stream.flush()
        reconfigure(encoding=encoding)
    if errors is not None and reconfigure is not None:
        # The recorded run wrote through a stream with these errors (backslash escapes for
        # undecodable file names); the same text must become the same bytes.
        reconfigure(errors=errors)
    stream.write(text)
    stream.flush()


class _Tee:
    """A standard stream that also keeps what is written through it, up to
    :data:`RECORD_LIMIT` bytes: past that it keeps nothing, and the run is not kept."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        # UTF-8 in one buffer, and nothing past the limit: a national run's whole report,
        # joined into a second copy and encoded for the cache, took several times its size.
        self.kept = bytearray()
        self.overflowed = False

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        if not self.overflowed:
            # surrogatepass: undecodable file names reach the stream as lone surrogates.
            self.kept += text.encode("utf-8", "surrogatepass")
            if len(self.kept) > RECORD_LIMIT:
                self.overflowed = True
                self.kept = bytearray()
        return written

    @property
    def text(self) -> str:
        return self.kept.decode("utf-8", "surrogatepass")

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def overheard(stream: TextIO) -> TextIO:
    """The report file's stream, keeping what is written through it when the run may be kept
    (:func:`keep` takes it back with ``report``)."""
    return cast("TextIO", _Tee(stream)) if _key is not None else stream


def seen_before_writing(
    paths: Sequence[Path], follow_links: bool, exclude: Sequence[str] = ()
) -> str | None:
    """What discovery finds before the run writes its report file, when the run may be kept:
    a report written into a folder being checked is found by the next run (and listed as
    skipped), so the record is believed only once the folder holds it as this run saw it."""
    if _key is None:
        return None
    return discovery_digest([str(p) for p in paths], follow_links, exclude)


def unheard(stream: TextIO) -> TextIO:
    """The stream itself, past what :func:`listening` keeps (for a progress bar)."""
    return stream.stream if isinstance(stream, _Tee) else stream


@contextlib.contextmanager
def listening() -> Iterator[None]:
    """Keep what the run writes on standard output and error, when the run has a key (it was
    started by the console script and may be kept)."""
    global _heard
    if _key is None:
        yield
        return
    saved = sys.stdout, sys.stderr
    _heard = _Tee(sys.stdout), _Tee(sys.stderr)
    sys.stdout, sys.stderr = _heard
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        _heard = None


def before_reading(
    inputs: Iterable[Path], paths: Sequence[Path], follow_links: bool, exclude: Sequence[str] = ()
) -> Started | None:
    """The inputs' digests and what discovery finds, before the run reads anything, when the
    run may be kept: :func:`keep` keeps no record of a run whose inputs changed while it ran.
    A file added to a folder meanwhile was left out of its report, and the record, taken at
    the end, found the folder as the report did not: every later run replayed the report
    without it (and one removed meanwhile stayed in every replay)."""
    if _key is None:
        return None
    found = discovery_digest([str(p) for p in paths], follow_links, exclude)
    return Started(_digests(inputs), found)


def _digests(inputs: Iterable[Path]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({(str(p), digest_of(p)) for p in inputs}))


def keep(
    inputs: Iterable[Path],
    paths: Sequence[Path],
    follow_links: bool,
    exit_code: int,
    output: Path | None = None,
    written: TextIO | None = None,
    discovered: str | None = None,
    started: Started | None = None,
    exclude: Sequence[str] = (),
) -> None:
    """Keep the finished run's record: the caller vouches that its whole answer is what it
    wrote on the standard streams, its exit code and, with ``output``, the report file it wrote
    through ``written`` (from :func:`overheard`) after discovery found ``discovered``
    (:func:`seen_before_writing`); none when the inputs are not what they were when the run
    ``started`` (:func:`before_reading`)."""
    if _key is None or _heard is None:
        return
    stdout, stderr = _heard
    report = None
    if output is not None:
        if not isinstance(written, _Tee) or discovered is None:
            return  # what the report file holds, or what the run saw, is not known
        if written.overflowed:
            return
        report = written.text
    if stdout.overflowed or stderr.overflowed:
        return
    from alignck import cache

    record = RunRecord(
        inputs=_digests(inputs),
        paths=tuple(str(p) for p in paths),
        follow_links=follow_links,
        discovered=discovered or discovery_digest([str(p) for p in paths], follow_links, exclude),
        stdout=stdout.text,
        stdout_errors=str(getattr(stdout.stream, "errors", None) or "strict"),
        stdout_encoding=str(getattr(stdout.stream, "encoding", None) or ""),
        stderr=stderr.text,
        exit_code=exit_code,
        output=None if output is None else str(output),
        report=report,
        output_place=None if output is None else os.path.realpath(output),
        exclude=tuple(exclude),
    )
    if started is not None and (started.inputs, started.discovered) != (
        record.inputs,
        record.discovered,
    ):
        return
    cache.store(_key, record)
