"""Prepare documents for matching: read, extract statements, cut into passages.

Everything here depends on the document alone (not on the framework), so the result is what the
cache stores. Work is spread over processes when there is enough of it; results come back in the
order of the input paths whatever the number of workers, so a parallel run produces exactly what
a single-process run does.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import multiprocessing.context
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from alignck.errors import ReadError
from alignck.files import read_regular
from alignck.limits import TimeLimit, deadline, too_slow
from alignck.model import DocumentResult, ReadOptions, Statement
from alignck.passages import Passage, build_passages
from alignck.readers import read_document, reader_version

# Called with (path, None) when a file is started (single process only) and (path, result)
# when it is done.
Progress = Callable[[str, "Prepared | DocumentResult | ReadError | None"], None]
# Below this much work, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 3
_PARALLEL_MIN_BYTES = 256 * 1024


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
    """The cache key of a file's prepared form: its bytes, reader and the preparing code."""
    from alignck import cache

    try:
        options = options or ReadOptions()
        return cache.key_for(read_regular(path, options.limits), _reader_tag(path, options))
    except ReadError as error:
        return error
    except OSError as error:
        return ReadError(f"cannot read file: {error}", str(path))


def _reader_tag(path: Path, options: ReadOptions) -> str:
    return f"{reader_version(path)}:{options.pdf_engine}"


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
    """Prepares the listed documents in worker processes, a bounded window ahead."""

    def __init__(
        self, paths: Sequence[Path], indices: list[int], workers: int, options: ReadOptions
    ) -> None:
        self.paths = paths
        self.options = options
        self.pending = iter(indices)
        self.indices = set(indices)
        self.workers = workers
        self.window: dict[int, Future[Prepared | ReadError]] = {}
        self.pool: ProcessPoolExecutor | None = None

    @property
    def parallel(self) -> bool:
        return self.pool is not None

    def __contains__(self, index: int) -> bool:
        return index in self.indices

    def __enter__(self) -> _AheadOfTime:
        if self.workers:
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=worker_context(),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
            self._top_up()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self.pool is None:
            return
        if kind is not None:
            # Interrupted, or failed: a worker deep in a long document would keep the
            # shutdown waiting for minutes, so the workers are stopped first.
            _stop_workers(self.pool)
        self.pool.shutdown(wait=kind is None, cancel_futures=True)

    def _top_up(self) -> None:
        assert self.pool is not None
        while len(self.window) < 2 * self.workers:
            index = next(self.pending, None)
            if index is None:
                return
            self.window[index] = self.pool.submit(prepare, self.paths[index], self.options)

    def result(self, index: int) -> Prepared | ReadError:
        """The prepared document: from its worker if it was sent to one, else read here."""
        if self.pool is None or index not in self.window:
            return prepare(self.paths[index], self.options)
        item = self.window.pop(index).result()
        self._top_up()
        return item


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # The executor offers no way to stop running work before Python 3.14's terminate_workers.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


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
