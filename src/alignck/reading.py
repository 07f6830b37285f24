"""Prepare documents for matching: read, extract statements, cut into passages.

Everything here depends on the document alone (not on the framework), so the result is what the
cache stores. Work is spread over processes when there is enough of it; results come back in the
order of the input paths whatever the number of workers, so a parallel run produces exactly what
a single-process run does.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import multiprocessing
import multiprocessing.context
import multiprocessing.process
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from alignck.errors import ReadError
from alignck.files import read_regular
from alignck.limits import TimeLimit, check_passages, deadline, too_slow
from alignck.model import DocumentResult, ReadOptions, Statement
from alignck.passages import Passage, build_passages
from alignck.readers import read_document, reader_version

# Called with (path, None) when a file is started (single process only) and (path, result)
# when it is done.
Progress = Callable[[str, "Prepared | DocumentResult | ReadError | None"], None]
# Below this much work, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 3
_PARALLEL_MIN_BYTES = 256 * 1024
# How often the thread serving the workers looks at the clock when nothing else happens.
_POLL_SECONDS = 0.5
# A worker still on one document this long after its time limit is killed from outside.
_KILL_GRACE_SECONDS = 5.0


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


def prepare(path: Path, options: ReadOptions | None = None) -> Prepared | ReadError:
    """The document read and cut up, or why it could not be: unreadable, or over a limit,
    its time limit included."""
    options = options or ReadOptions()
    try:
        with deadline(options.limits.seconds):
            return _prepare(path, options)
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
        warnings = (*warnings, "no text found; every priority is a gap for this document")
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
        return cache.key_for(read_regular(path, options.limits), _reader_tag(path, options))
    except ReadError as error:
        return error
    except OSError as error:
        return ReadError(f"cannot read file: {error}", str(path))


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
    return list(iter_prepared(paths, jobs, use_cache, progress, known_keys, options))


def iter_prepared(
    paths: Sequence[Path],
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    known_keys: Sequence[str | None] | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Prepared | ReadError]:
    """Prepare every path, yielding in path order as soon as each is ready.

    Cached documents are loaded in this process; the rest are read here or, when there is
    enough of them, in worker processes a few documents ahead of the consumer, so memory holds
    a handful of documents whatever the size of the run. ``known_keys`` saves hashing files
    whose cache keys the caller already has. A document opened with a password is never
    written to the cache.
    """
    from alignck import cache

    options = options or ReadOptions()
    keys: list[str | None] = [None] * len(paths)
    failed: dict[int, ReadError] = {}
    if use_cache:
        for index, path in enumerate(paths):
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
    with _AheadOfTime(paths, misses, workers, options) as ahead:
        for index, path in enumerate(paths):
            if index in failed:
                yield failed[index]
                continue
            entry = keys[index]
            found = cache.load(entry, Prepared) if entry and index not in ahead else None
            if isinstance(found, Prepared):
                item: Prepared | ReadError = _at_path(found, path)
            else:
                if progress and not ahead.parallel:
                    progress(str(path), None)
                item = ahead.result(index)
                if entry and isinstance(item, Prepared) and not item.protected:
                    cache.store(entry, item)
            if progress:
                progress(str(path), item)
            yield item


class _AheadOfTime:
    """Prepares the listed documents in worker processes, a bounded window ahead of the
    consumer; any other document is prepared here when asked for."""

    def __init__(
        self, paths: Sequence[Path], indices: list[int], workers: int, options: ReadOptions
    ) -> None:
        self.paths = paths
        self.options = options
        self.indices = set(indices)
        self.pool = (
            _WorkerPool(workers, options, [(i, paths[i]) for i in indices]) if workers else None
        )

    @property
    def parallel(self) -> bool:
        return self.pool is not None

    def __contains__(self, index: int) -> bool:
        return index in self.indices

    def __enter__(self) -> _AheadOfTime:
        if self.pool is not None:
            self.pool.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self.pool is not None:
            # Interrupted, or failed: a worker deep in a long document would keep a gentle
            # shutdown waiting for minutes, so the workers are stopped at once.
            self.pool.close(at_once=kind is not None)

    def result(self, index: int) -> Prepared | ReadError:
        """The prepared document: from its worker if it was sent to one, else read here."""
        if self.pool is None or index not in self.indices:
            return prepare(self.paths[index], self.options)
        return self.pool.result(index)


@dataclass(slots=True)
class _Worker:
    """A worker process we started, the pipe to it, and the document it is preparing."""

    process: multiprocessing.process.BaseProcess
    connection: Connection
    index: int | None = None
    since: float = 0.0


class _WorkerPool:
    """Worker processes this process starts and holds, each preparing one document at a time.

    A thread of this process hands documents out and takes results in, so workers go on
    reading while the consumer matches; at most two documents per worker are out or done and
    not yet taken, so memory holds a handful of documents whatever the run's size. Because
    every worker is ours, it can be stopped at any moment (interrupt, time-out), and a worker
    that dies (a parser's crash, the memory killer) costs its one document, not the run.
    """

    def __init__(self, count: int, options: ReadOptions, documents: list[tuple[int, Path]]) -> None:
        self.count = count
        self.options = options
        self.pending = collections.deque(documents)
        self.paths = dict(documents)
        self.workers: list[_Worker] = []
        self.done: dict[int, Prepared | ReadError] = {}
        self.changed = threading.Condition()
        self.failure: BaseException | None = None
        self.stopping = False
        self.wake_reader, self.wake_writer = multiprocessing.Pipe(duplex=False)
        self.thread = threading.Thread(target=self._serve, name="alignck-workers", daemon=True)
        # Beyond the worker's own time limit: a parser stuck in native code never sees it.
        self.overdue = options.limits.seconds + _KILL_GRACE_SECONDS

    def start(self) -> None:
        self.workers = [self._started() for _ in range(self.count)]
        self.thread.start()

    def result(self, index: int) -> Prepared | ReadError:
        with self.changed:
            while index not in self.done:
                if self.failure is not None:
                    raise self.failure
                self.changed.wait()
            item = self.done.pop(index)
        self._wake()  # room in the window for one more document
        return item

    def close(self, at_once: bool) -> None:
        with self.changed:
            self.stopping = True
        self._wake()
        self.thread.join(timeout=None if not at_once else 5)
        for worker in self.workers:
            if not at_once and worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.connection.send(None)  # done: end when you like
        for worker in self.workers:
            if at_once:
                worker.process.terminate()
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.wake_reader.close()
        self.wake_writer.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self.wake_writer.send_bytes(b"")

    def _started(self) -> _Worker:
        ours, theirs = multiprocessing.Pipe()
        context: Any = worker_context()  # typeshed's BaseContext has no Process
        process = context.Process(
            target=_serve_documents, args=(theirs, os.getpid(), self.options), daemon=True
        )
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _serve(self) -> None:
        try:
            while True:
                with self.changed:
                    if self.stopping:
                        return
                    self._hand_out()
                self._take_in()
        except BaseException as error:  # handed to the consumer, which would wait forever
            with self.changed:
                self.failure = error
                self.changed.notify_all()

    def _hand_out(self) -> None:
        out = sum(worker.index is not None for worker in self.workers)
        for worker in list(self.workers):
            if not self.pending or out + len(self.done) >= 2 * self.count:
                return
            if worker.index is None:
                if not worker.process.is_alive():  # died idle: nothing of ours was lost
                    worker = self._restart(worker)
                index, path = self.pending.popleft()
                worker.connection.send((index, path))
                worker.index, worker.since = index, time.monotonic()
                out += 1

    def _take_in(self) -> None:
        busy = [worker for worker in self.workers if worker.index is not None]
        watched: list[Any] = [self.wake_reader]
        for worker in busy:
            watched += [worker.connection, worker.process.sentinel]
        ready = set(wait(watched, timeout=_POLL_SECONDS))
        if self.wake_reader in ready:
            while self.wake_reader.poll():
                self.wake_reader.recv_bytes()
        for worker in busy:
            if worker.connection in ready or worker.process.sentinel in ready:
                self._finished(worker)
            elif time.monotonic() - worker.since > self.overdue:
                self._replace(worker, too_slow(self._path(worker), self.options.limits))

    def _finished(self, worker: _Worker) -> None:
        try:
            index, item = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=5)
            code = worker.process.exitcode
            self._replace(worker, ReadError(f"the reader ended unexpectedly ({_ending(code)})"))
            return
        self._record(worker, index, item)

    def _replace(self, worker: _Worker, error: ReadError) -> None:
        """Record the worker's document as failed, stop the worker and start another."""
        if error.path is None:
            error = ReadError(error.message, self._path(worker))
        self._record(worker, worker.index, error)
        self._restart(worker)

    def _restart(self, worker: _Worker) -> _Worker:
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.connection.close()
        if self.stopping:  # closing: the pool stops every worker it holds
            return worker
        fresh = self._started()
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def _record(self, worker: _Worker, index: int | None, item: Prepared | ReadError) -> None:
        worker.index = None
        with self.changed:
            if index is not None:
                self.done[index] = item
            self.changed.notify_all()

    def _path(self, worker: _Worker) -> str:
        return str(self.paths[worker.index]) if worker.index is not None else ""


def _serve_documents(connection: Connection, parent: int, options: ReadOptions) -> None:
    """A worker's life: prepare each document sent until told to stop (None) or orphaned."""
    _start_worker(parent)
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, path = message
        connection.send((index, prepare(path, options)))


def _ending(code: int | None) -> str:
    """How a worker process ended, in words."""
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"exit code {code}"


def _start_worker(parent: int) -> None:
    """Set up a worker process: Ctrl-C reaches every process of the terminal's group, and
    only the parent answers it (by stopping the workers), so a worker ignores it rather than
    print a traceback; and a worker whose parent has died, however it died, ends itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch = threading.Thread(target=_exit_with, args=(parent,), daemon=True)
    watch.start()


def _exit_with(parent: int) -> None:
    """Wait for the parent process to end, then end this one at once."""
    try:
        descriptor = os.pidfd_open(parent)  # Linux: readable once the process has ended
    except (AttributeError, OSError):
        while os.getppid() != 1 and _alive(parent):
            time.sleep(0.5)
    else:
        select.select([descriptor], [], [])
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def worker_context() -> multiprocessing.context.BaseContext:
    """Workers start from a clean server process, never by forking this one.

    By the time documents are read, this process may run threads (the progress bar's refresh
    thread among them); a fork copies their locks in whatever state they are in, which can
    deadlock the child, and Python 3.12+ warns about it. Where there is no fork server
    (Windows), spawn is the platform's default anyway.
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


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
