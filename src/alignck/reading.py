"""Prepare documents for matching: read, extract statements, cut into passages.

Everything here depends on the document alone (not on the framework), so the result is what the
cache stores. Work is spread over processes when there is enough of it; results come back in the
order of the input paths whatever the number of workers, so a parallel run produces exactly what
a single-process run does. A run without worker processes still reads each document whose
reader can run native code (PDF, Word) in a process of its own (:mod:`alignck.workers`): a
parser stuck there would not see its time limit in this one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from alignck.errors import ReadError, os_reason
from alignck.files import read_regular
from alignck.limits import TimeLimit, check_passages, deadline, too_slow
from alignck.model import AIM_RULE, Document, DocumentResult, ReadOptions, Statement
from alignck.passages import Passage, build_passages
from alignck.readers import read_document, reader_version, runs_native_code
from alignck.workers import IsolatedReader, WorkerPool

# What a document with no text means for its verdicts (extract, which gives none, leaves it out).
NO_TEXT_MEANS = "; every priority is a gap for this document"
CHANGED_WHILE_READ = (
    "the file changed while alignck read it: what it says may mix two versions; check it again"
)
NO_STATED_PRIORITIES = (
    "no stated priorities found (no list, heading or 'we will' sentence stating one): nothing "
    "it states can show as outside the framework; 'alignck extract' shows what was read"
)
ONLY_AIMS = (
    "no list, heading or 'we will' sentence states a priority: its stated priorities are the "
    "sentences likeliest to state its aims, a guess; 'alignck extract' shows them"
)

# Called with (path, None) when a file is started (single process only) and (path, result)
# when it is done.
Progress = Callable[[str, "Prepared | DocumentResult | ReadError | None"], None]
# Below this much work, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 3
_PARALLEL_MIN_BYTES = 256 * 1024
# How many more times a file that changed while it was read is read again, and how long
# after it was last seen moving.
READ_AGAIN = 2
_SETTLE_SECONDS = 0.2
# What a document is made into within its limits: prepared for matching, or read whole.
_Read = TypeVar("_Read")


@dataclass(frozen=True, slots=True)
class Prepared:
    """What matching needs from a document (its blocks are not kept: nothing downstream reads
    them, and leaving them out keeps cache entries small and quick to load)."""

    path: str
    format: str
    pages: int | None
    warnings: tuple[str, ...]
    statements: tuple[Statement, ...]
    passages: tuple[Passage, ...]
    protected: bool = False  # opened with a password: never cached
    # Its file's bytes were not the same after it was read as before: never cached, since
    # what was read may be neither version, and the key is the earlier one's.
    changed: bool = False

    @property
    def cacheable(self) -> bool:
        return not (self.protected or self.changed)


@dataclass(frozen=True, slots=True)
class MatchedEntry:
    """What a worker process that prepared and matched a document sends back (see
    ``in_workers`` of :func:`iter_done`): its result and its prepared form, each as the cache
    entry the worker encoded, under ``result_key`` and the document key it was sent (the
    prepared form None: not to be cached; ``result_key`` empty: the result not to be cached).
    This process neither takes the passages in nor encodes them, and it decodes the result as
    it decodes one from the cache, equal values shared (unpickled, each of a result's
    thousands of scores and reasons was an object of its own)."""

    result: bytes
    result_key: str
    entry: bytes | None
    protected: bool = False


@dataclass(frozen=True, slots=True)
class Matched:
    """A document prepared and matched in a worker process: its result, and the cache entries
    to write for it (:class:`MatchedEntry`)."""

    result: DocumentResult
    entry: bytes | None
    result_entry: bytes | None
    protected: bool = False
    changed: bool = False

    @classmethod
    def arrived(cls, sent: MatchedEntry) -> Matched:
        from alignck import cache

        result = cache.decoded(sent.result, sent.result_key, DocumentResult)
        kept = sent.result if sent.result_key else None
        return cls(result, sent.entry, kept, sent.protected)

    @property
    def cacheable(self) -> bool:
        return not (self.protected or self.changed)

    def changed_while_read(self) -> Matched:
        """Marked as read while its file changed: its result warned of it, as a document
        matched here is, unless matching did not finish (that result replaces the prepared
        document and its warnings)."""
        result = self.result
        if result.status == "ok":
            warnings = (*result.warnings, CHANGED_WHILE_READ)
            result = dataclasses.replace(result, warnings=warnings)
        return dataclasses.replace(self, result=result, result_entry=None, changed=True)


def read_within_limits(path: Path, options: ReadOptions) -> Document | ReadError:
    """The document as read (its blocks, not cut up for matching), or why it could not be,
    its time limit included: what ``alignck init --from`` drafts a framework from."""
    return _within_limits(read_document, path, options)


def read_isolated(path: Path, options: ReadOptions) -> Document:
    """:func:`read_within_limits`, in a worker process of its own when the reader can run
    native code, so that a parser stuck there is stopped at the time limit too."""
    if runs_native_code(path):
        reader = IsolatedReader(options, task=read_within_limits)
        try:
            result = reader.run(path)
        finally:
            reader.close(at_once=False)
    else:
        result = read_within_limits(path, options)
    if isinstance(result, ReadError):
        raise result
    document: Document = result
    return document


def prepare(path: Path, options: ReadOptions | None = None) -> Prepared | ReadError:
    """The document read and cut up, or why it could not be: unreadable, or over a limit,
    its time limit included."""
    return _within_limits(_prepare, path, options or ReadOptions())


def _within_limits(
    work: Callable[[Path, ReadOptions], _Read], path: Path, options: ReadOptions
) -> _Read | ReadError:
    """What ``work`` made of the document within its time limit, or why it could not."""
    try:
        with deadline(options.limits.seconds):
            return work(path, options)
    except ReadError as error:
        return error
    except TimeLimit:
        return too_slow(str(path), options.limits)


def _prepare(path: Path, options: ReadOptions) -> Prepared:
    # Imported here: extraction's rules are the largest import of a run, and a run answered
    # from the cache never extracts.
    from alignck.extract import extract

    document = read_document(path, options)
    statements = extract(document)
    passages = tuple(build_passages(document, statements))
    check_passages(str(path), len(passages), options.limits)
    warnings = document.warnings
    if not passages:
        # Otherwise an empty or image-only file shows as a partner that addresses nothing.
        warnings = (*warnings, "no text found" + NO_TEXT_MEANS)
    elif not any(s.kind in ("priority", "commitment") for s in statements):
        # Otherwise an empty Outside row reads as 'nothing beyond the framework', when
        # alignck found nothing the document states at all (priorities in running prose).
        warnings = (*warnings, NO_STATED_PRIORITIES)
    elif all(s.rule == AIM_RULE for s in statements if s.kind in ("priority", "commitment")):
        # Its stated priorities are guesses, sentences of prose: say so where they show.
        warnings = (*warnings, ONLY_AIMS)
    return Prepared(
        document.path,
        document.format,
        document.pages,
        warnings,
        tuple(statements),
        passages,
        document.protected,
    )


def document_key(path: Path, options: ReadOptions | None = None) -> str | ReadError:
    """The cache key of a file's prepared form: its bytes, reader, the preparing code and the
    limits in force. A document is refused for a limit while it is read, and what the cache
    holds cannot say whether it would pass a lower one (its paragraphs and inflated parts are
    not kept), so a change of limits is a miss: a cached run gives what a cold one would."""
    from alignck import cache

    try:
        options = options or ReadOptions()
        before = Path(path).stat()
        content = hashlib.sha256(read_regular(path, options.limits)).hexdigest()
        _CONTENT[str(path)] = (_stamp(before), content)
        return cache.key_of_digest(content, _reader_tag(path, options))
    except ReadError as error:
        return error
    except OSError as error:
        return ReadError(f"cannot read file: {os_reason(error)}", str(path))


# Each file's SHA-256 as its cache key was last worked out, with the size and time it had
# then: a report gives it of every document, and a warm run had read every file twice for it.
_CONTENT: dict[str, tuple[tuple[int, int, int], str]] = {}


def _stamp(status: os.stat_result) -> tuple[int, int, int]:
    return status.st_size, status.st_mtime_ns, status.st_ino


def known_content(path: str) -> str | None:
    """The SHA-256 of the file's bytes, where working out its cache key read them and the
    file has not changed since (by its size, time and inode); None otherwise."""
    found = _CONTENT.get(path)
    if found is None:
        return None
    try:
        now = _stamp(Path(path).stat())
    except OSError:
        return None
    return found[1] if found[0] == now else None


def _reader_tag(path: Path, options: ReadOptions) -> str:
    return f"{reader_version(path)}:{options.pdf_engine}:{options.limits!r}"


def _at_path(prepared: Prepared, path: Path) -> Prepared:
    """The same bytes may sit at another path: report the path the user gave."""
    if prepared.path == str(path):
        return prepared
    return dataclasses.replace(prepared, path=str(path))


def prepare_all(
    paths: Sequence[Path],
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    known_keys: Sequence[str | None] | None = None,
    options: ReadOptions | None = None,
) -> list[Prepared | ReadError]:
    done = list(iter_done(paths, jobs, use_cache, progress, known_keys, options))
    # Only a task given to the workers (in_workers) gives back matched documents.
    return [item for item in done if not isinstance(item, Matched)]


def iter_done(
    paths: Sequence[Path],
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    known_keys: Sequence[str | None] | None = None,
    options: ReadOptions | None = None,
    while_reading: Callable[[], None] | None = None,
    in_workers: Callable[..., Prepared | MatchedEntry | ReadError] | None = None,
) -> Iterator[Prepared | Matched | ReadError]:
    """Prepare every path, yielding in path order as soon as each is ready.

    Cached documents are loaded in this process; the rest are read here or, when there is
    enough of them, in worker processes a few documents ahead of the consumer, so memory holds
    a handful of documents whatever the size of the run. ``known_keys`` saves hashing files
    whose cache keys the caller already has. A document opened with a password is never
    written to the cache. ``while_reading`` is called once, the first time this process
    would otherwise sit waiting for a worker process to read a document: what matching will
    need can be built meanwhile, on the other core. ``in_workers`` (called with a path, the
    read options and the document's cache key or None) is what worker processes do in place
    of preparing, when the run has them: :class:`MatchedEntry` documents come back from it,
    yielded as :class:`Matched`, and nothing is built meanwhile.
    """
    from alignck import cache

    options = options or ReadOptions()
    keys: list[str | None] = [None] * len(paths)
    stamps: list[FileStamp | None] = [None] * len(paths)
    failed: dict[int, ReadError] = {}
    if use_cache:
        for index, path in enumerate(paths):
            # Before the file is read (and hashed, unless the caller hashed it already): a
            # write that changes nothing of its bytes still moves its times, and the reader
            # may have met it half-written. (Only as fine as the file system's clock.)
            stamps[index] = file_stamp(path)
            key = (known_keys[index] if known_keys else None) or document_key(path, options)
            if isinstance(key, ReadError):
                failed[index] = key
            else:
                keys[index] = key
    misses = [
        i
        for i in range(len(paths))
        if i not in failed and not (use_cache and cache.exists(keys[i] or ""))
    ]
    workers = jobs if jobs > 1 and _worth_parallel([paths[i] for i in misses]) else 0
    task = _WorkerTask(in_workers, keys) if workers and in_workers else None
    meanwhile = None if task else while_reading
    with _AheadOfTime(paths, misses, workers, options, meanwhile, task) as ahead:
        for index, path in enumerate(paths):
            if index in failed:
                yield failed[index]
                continue
            entry = keys[index]
            found = cache.load(entry, Prepared) if entry and index not in ahead else None
            if isinstance(found, Prepared):
                item: Prepared | Matched | ReadError = _at_path(found, path)
            else:
                if progress and not ahead.parallel:
                    progress(str(path), None)
                item = ahead.result(index)
                if entry and isinstance(item, Prepared | Matched) and not item.protected:
                    item = _stored_if_unchanged(entry, path, item, options, stamps[index])
                    if item.changed:
                        item = _read_again(path, item, options, ahead)
            if progress:
                progress(str(path), item.result if isinstance(item, Matched) else item)
            yield item


FileStamp = tuple[int, int, int, int, int]


def file_stamp(path: Path) -> FileStamp | None:
    """What moves whenever a file is written, whatever it is written with: which file it is,
    its size, and when it and its entry last changed (a sync client that puts the old
    modification time back still moves the change time); None when it cannot be told."""
    try:
        status = Path(path).stat()
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _stored_if_unchanged(
    entry: str,
    path: Path,
    item: Prepared | Matched,
    options: ReadOptions,
    stamp: FileStamp | None = None,
) -> Prepared | Matched:
    """The document cached under the key of the bytes it was read from; or, when the file is
    no longer those bytes (saved, or a branch switched, while the run read it), or was
    written at all since ``stamp`` was taken before it was read (an editor or sync
    client saving the same bytes again: the reader may have met it half-written, and the
    key, of the whole file both times, would keep the half for good), not cached and said
    so: stored under the earlier key, a later run of the earlier bytes would have quoted
    text they do not hold, for as long as the cache kept it."""
    from alignck import cache

    if document_key(path, options) == entry and (stamp is None or file_stamp(path) == stamp):
        if isinstance(item, Matched):
            if item.entry is not None:
                cache.store_encoded(entry, item.entry)
        else:
            cache.store(entry, item)
        return item
    if isinstance(item, Matched):
        return item.changed_while_read()
    warnings = (*item.warnings, CHANGED_WHILE_READ)
    return dataclasses.replace(item, warnings=warnings, changed=True)


def _read_again(
    path: Path, earlier: Prepared | Matched, options: ReadOptions, ahead: _AheadOfTime
) -> Prepared | Matched | ReadError:
    """The file read again once it holds still: saved while the run read it (a synced
    folder, an editor's autosave), its verdicts would otherwise be of the version it no
    longer is, with a warning a nightly job's exit code never sees. Up to READ_AGAIN more
    reads, each after a moment's pause and kept only if the bytes were the same after it as
    before; a read that failed while the file was still moving (a sync client half-way
    through writing it) is not the file's error. Otherwise the earlier read, with its
    warning."""
    from alignck import cache

    for _ in range(READ_AGAIN):
        time.sleep(_SETTLE_SECONDS)
        stamp = file_stamp(path)
        key = document_key(path, options)
        if isinstance(key, ReadError):
            continue  # gone for a moment (a save that deletes, then writes)
        fresh = ahead.again(path)
        if document_key(path, options) != key or file_stamp(path) != stamp:
            continue
        if not isinstance(fresh, Prepared):
            return fresh  # it held still, and cannot be read: that is its error
        if not fresh.protected:
            cache.store(key, fresh)
        # The run's result is keyed by the earlier bytes: not cached under that key.
        return dataclasses.replace(fresh, changed=True)
    return earlier


class _AheadOfTime:
    """Prepares the listed documents in worker processes, a bounded window ahead of the
    consumer, when it has workers; otherwise prepares each document when asked for, one whose
    reader can run native code in an isolated worker process and any other here."""

    def __init__(
        self,
        paths: Sequence[Path],
        indices: list[int],
        workers: int,
        options: ReadOptions,
        meanwhile: Callable[[], None] | None = None,
        task: _WorkerTask | None = None,
    ) -> None:
        self.paths = paths
        self.options = options
        self.meanwhile = meanwhile
        self.indices = set(indices)
        documents = [(i, paths[i]) for i in indices]
        given = task.arguments(indices) if task else ()
        self.pool = WorkerPool(workers, options, documents, *given) if workers else None
        self.isolated = IsolatedReader(options)
        self.native = {i for i in indices if runs_native_code(paths[i])} if not workers else set()

    @property
    def parallel(self) -> bool:
        return self.pool is not None

    def __contains__(self, index: int) -> bool:
        return index in self.indices

    def __enter__(self) -> _AheadOfTime:
        if self.pool is not None:
            self.pool.start()
        elif self.native:
            # Now, before the first document is matched: the semantic matcher's threads would
            # make the cheap start (a fork) unsafe.
            self.isolated.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        # Interrupted, or failed: a worker deep in a long document would keep a gentle
        # shutdown waiting for minutes, so the workers are stopped at once.
        if self.pool is not None:
            self.pool.close(at_once=kind is not None)
        self.isolated.close(at_once=kind is not None)

    def result(self, index: int) -> Prepared | Matched | ReadError:
        """The prepared document (or, from a worker given a task, what the task made of it):
        from its worker if it was sent to one, else read now."""
        path = self.paths[index]
        if self.pool is not None and index in self.indices:
            item = self.pool.result(index, self._meanwhile())
            return Matched.arrived(item) if isinstance(item, MatchedEntry) else item
        if not runs_native_code(path):
            return prepare(path, self.options)
        item = self.isolated.prepare(path, self._meanwhile())
        self.native.discard(index)
        if not self.native:
            # Its memory (a large document's, read) would otherwise stay taken while this
            # process matches; a one-file run ends it before matching starts.
            self.isolated.close(at_once=False)
        return item

    def again(self, path: Path) -> Prepared | ReadError:
        """The document prepared once more, as a run without worker processes would: a
        reader that runs native code in the isolated worker, any other here."""
        if runs_native_code(path):
            return self.isolated.prepare(path)
        return prepare(path, self.options)

    def _meanwhile(self) -> Callable[[], None] | None:
        """The work to do while waiting for a worker, done once: the first time a document
        is not back at once, not merely the first asked for (a file that fails at once
        leaves it for the next)."""
        if self.meanwhile is None:
            return None

        def once() -> None:
            work, self.meanwhile = self.meanwhile, None
            if work is not None:
                work()

        return once


@dataclass(frozen=True, slots=True)
class _WorkerTask:
    """What the workers of a run do in place of preparing, and each document's cache key."""

    work: Callable[..., Prepared | MatchedEntry | ReadError]
    keys: Sequence[str | None]

    def arguments(
        self, indices: list[int]
    ) -> tuple[Callable[..., Prepared | MatchedEntry | ReadError], dict[int, tuple[str | None]]]:
        return self.work, {i: (self.keys[i],) for i in indices}


def _worth_parallel(paths: Sequence[Path]) -> bool:
    if len(paths) < _PARALLEL_MIN_FILES:
        return False
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:
            continue
    return size >= _PARALLEL_MIN_BYTES
