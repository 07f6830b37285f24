"""Worker processes alignck starts and holds to prepare documents, and how they are started.

A parser stuck inside native code (PDFium, lxml) never returns to the interpreter, so neither a
timer signal nor a timer thread (:func:`alignck.limits.deadline`) can stop it; a process can be
killed from outside. So documents whose reading can run native code are prepared in a worker
process: many at once in a :class:`WorkerPool` when a run has enough work, else one at a time
in an :class:`IsolatedReader`. A worker still on a document this long past its time limit is
killed, its document reported as not done in time, and another worker started. This module
knows nothing of what preparing a document means; :mod:`alignck.reading` decides which
documents go where.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import math
import multiprocessing
import multiprocessing.context
import multiprocessing.process
import os
import select
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alignck.errors import ReadError
from alignck.files import remove_held_folders
from alignck.limits import Limits, too_slow
from alignck.model import ReadOptions

if TYPE_CHECKING:
    from alignck.reading import Prepared

# What a worker does with each document it is sent, when not preparing it for matching: called
# with the path, the read options and whatever else the pool was given for that document.
Task = Callable[..., Any]
# How often the thread serving the workers looks at the clock when nothing else happens.
_POLL_SECONDS = 0.5
# A document not back from its worker this soon is being read: long enough for a file that
# fails at once (a password, not a PDF) to come back before any work is done meanwhile.
_BRIEFLY = 0.05
# A worker still on one document this long after its time limit is killed from outside.
KILL_GRACE_SECONDS = 5.0


def overdue_after(limits: Limits) -> float:
    """Seconds after which a worker still on one document (or one stage of it: reading, then
    matching, where the worker matches, :func:`next_stage`) is killed: its own time limit and
    a grace beyond it (a parser stuck in native code never sees the limit); never, without
    a limit."""
    return limits.seconds + KILL_GRACE_SECONDS if limits.seconds > 0 else math.inf


@dataclass(slots=True)
class Worker:
    """A worker process we started, the pipe to it, and the document it is preparing."""

    process: multiprocessing.process.BaseProcess
    connection: Connection
    index: int | None = None
    since: float = 0.0


@dataclass(frozen=True, slots=True)
class WorkerBug:
    """An exception of alignck's own code in a worker (a parser's failure on a malformed file
    is a :class:`ReadError` already): sent back whole, so the run reports it as the bug it
    is, with the worker's traceback and exit 3, as it would had the document been read here."""

    traceback: str

    def raised(self) -> InternalError:
        return InternalError(f"in a worker reading a document:\n{self.traceback.rstrip()}")


class InternalError(RuntimeError):
    """A bug of alignck's own, met in a worker process."""


class WorkerPool:
    """Worker processes this process starts and holds, each preparing one document at a time.

    A thread of this process hands documents out and takes results in, so workers go on
    reading while the consumer matches; at most two documents per worker (eight, for a task)
    are out or done and not yet taken, so memory holds a few documents whatever the run's
    size. Because every worker is ours, it can be stopped at any moment (interrupt, time-out),
    and a worker that dies (a parser's crash, the memory killer) costs its one document, not
    the run.
    """

    def __init__(
        self,
        count: int,
        options: ReadOptions,
        documents: list[tuple[int, Path]],
        task: Task | None = None,
        extras: dict[int, tuple[Any, ...]] | None = None,
    ) -> None:
        """``task`` (a module-level callable, or an instance of a module-level class) is done
        with each document in place of preparing it, given ``extras[index]`` after the path
        and options."""
        # A worker with no document to read is a process's memory for nothing.
        self.count = max(1, min(count, len(documents)))
        self.options = options
        self.task = task
        self.extras = extras or {}
        self.pending = collections.deque(documents)
        self.paths = dict(documents)
        self.workers: list[Worker] = []
        # What a task gives back (reading.Matched) as well as prepared documents.
        self.done: dict[int, Prepared | ReadError | WorkerBug | Any] = {}
        self.changed = threading.Condition()
        self.failure: BaseException | None = None
        self.stopping = False
        self.wake_reader, self.wake_writer = multiprocessing.Pipe(duplex=False)
        self.thread = threading.Thread(target=self._serve, name="alignck-workers", daemon=True)
        self.overdue = overdue_after(options.limits)
        # Documents per worker out or done and not yet taken. They are taken in path order, so
        # a long document holds back the workers done with those after it once the window is
        # full; a consumer that matches what it takes is slower than the workers anyway, one
        # that only takes what a task finished (verdicts and cache entries, encoded: about as
        # large as a prepared document) is not, and waits on the window.
        self.window = 2 if task is None else 8

    def start(self) -> None:
        self.workers = [
            start_worker(self.options, worker_context(), self.task, staged=True)
            for _ in range(self.count)
        ]
        self.thread.start()

    def result(
        self, index: int, meanwhile: Callable[[], None] | None = None
    ) -> Prepared | ReadError:
        """The document's result, once its worker has it; ``meanwhile`` is called (once, in
        this thread) if it is not there within a moment."""
        if meanwhile is not None:
            with self.changed:
                self.changed.wait_for(lambda: index in self.done or self.failure, _BRIEFLY)
                waiting = index not in self.done and self.failure is None
            if waiting:
                meanwhile()
        with self.changed:
            while index not in self.done:
                if self.failure is not None:
                    raise self.failure
                self.changed.wait()
            item = self.done.pop(index)
        self._wake()  # room in the window for one more document
        if isinstance(item, WorkerBug):
            raise item.raised()
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
            remove_held_folders(worker.process.pid)
            worker.connection.close()
        self.wake_reader.close()
        self.wake_writer.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self.wake_writer.send_bytes(b"")

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
            if not self.pending or out + len(self.done) >= self.window * self.count:
                return
            if worker.index is None:
                if not worker.process.is_alive():  # died idle: nothing of ours was lost
                    worker = self._restart(worker)
                index, path = self.pending.popleft()
                worker.connection.send((index, path, *self.extras.get(index, ())))
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

    def _finished(self, worker: Worker) -> None:
        try:
            index, item = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=5)
            code = worker.process.exitcode
            self._replace(worker, ended_unexpectedly(code))
            return
        if item is NEXT_STAGE:
            # Read, and matching now: the time limit starts again, as it does for matching
            # in this process.
            worker.since = time.monotonic()
            return
        self._record(worker, index, item)

    def _replace(self, worker: Worker, error: ReadError) -> None:
        """Record the worker's document as failed, stop the worker and start another."""
        if error.path is None:
            error = ReadError(error.message, self._path(worker))
        self._record(worker, worker.index, error)
        self._restart(worker)

    def _restart(self, worker: Worker) -> Worker:
        worker.process.kill()
        worker.process.join(timeout=5)
        remove_held_folders(worker.process.pid)
        worker.connection.close()
        if self.stopping:  # closing: the pool stops every worker it holds
            return worker
        fresh = start_worker(self.options, worker_context(), self.task, staged=True)
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def _record(
        self, worker: Worker, index: int | None, item: Prepared | ReadError | WorkerBug
    ) -> None:
        worker.index = None
        with self.changed:
            if index is not None:
                self.done[index] = item
            self.changed.notify_all()

    def _path(self, worker: Worker) -> str:
        return str(self.paths[worker.index]) if worker.index is not None else ""


def start_worker(
    options: ReadOptions, context: Any, task: Task | None = None, staged: bool = False
) -> Worker:
    """A worker process started with ``context`` (a multiprocessing context: typeshed's
    BaseContext has no Process), waiting for documents to prepare (or to hand to ``task``, a
    module-level function, so that any start method can send it by name); ``staged``: it may
    say when a document's next stage begins (:func:`next_stage`), as a pool's workers do."""
    ours, theirs = multiprocessing.Pipe()
    process = context.Process(
        target=_serve_documents, args=(theirs, os.getpid(), options, task, staged), daemon=True
    )
    with _as_the_caller_left_it():
        process.start()
    theirs.close()
    return Worker(process, ours)


@contextlib.contextmanager
def _as_the_caller_left_it() -> Iterator[None]:
    """Start a process without leaving marks on the caller's: multiprocessing's start reads
    the default start method, which fixes it ('fork') for the rest of a library caller's
    process, whose own set_start_method then fails; and a fresh worker runs the main script
    again by its file name, which for a script fed on standard input ('python - <<EOF') names
    no file, so every worker died at its start."""
    # One start at a time: threads starting workers at once hid and restored the script's
    # name under each other ('module' object has no attribute '__file__').
    with _STARTING:
        chosen = multiprocessing.get_start_method(allow_none=True)
        main = sys.modules.get("__main__")
        script = getattr(main, "__file__", None)
        hidden = isinstance(script, str) and not Path(script).is_file()
        if hidden:
            del main.__file__  # type: ignore[union-attr]
        try:
            yield
        finally:
            if hidden:
                main.__file__ = script  # type: ignore[union-attr]
            if chosen is None:
                multiprocessing.set_start_method(None, force=True)


_STARTING = threading.RLock()


def ended_unexpectedly(code: int | None) -> ReadError:
    return ReadError(f"the reader ended unexpectedly ({_ending(code)}){_unguarded_hint()}")


def _unguarded_hint() -> str:
    """What a script run as 'python script.py' must do when its workers die: each starts by
    importing the script, which, without the guard, runs the whole check again in every one
    of them (the README says so; the failure did not)."""
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if script is None or getattr(main, "__spec__", None) is not None:
        return ""  # an interactive session, 'python -m ...', or a test runner
    if "alignck" in Path(script).name.lower() or "alignck" in Path(script).parent.name.lower():
        return ""  # alignck's own command
    return (
        "; a script that calls alignck.check must call it under "
        "'if __name__ == \"__main__\":', which every worker otherwise runs again"
    )


@dataclass(frozen=True, slots=True)
class _NextStage:
    """Sent by a worker between the stages of one document (see :func:`next_stage`)."""

    def __reduce__(self) -> str:
        return "NEXT_STAGE"  # one object in every process, so ``is`` tells it


NEXT_STAGE = _NextStage()
# The pipe to the parent and the document in hand, in a worker process while it works on one.
_IN_HAND: tuple[Connection, int] | None = None


def next_stage() -> None:
    """Tell the parent that the document in hand has been read and the next stage (matching)
    begins, so that its time limit counts from now, as each stage's does in one process; does
    nothing outside a worker of a pool."""
    if _IN_HAND is not None:
        connection, index = _IN_HAND
        connection.send((index, NEXT_STAGE))


def _serve_documents(
    connection: Connection,
    parent: int,
    options: ReadOptions,
    task: Task | None = None,
    staged: bool = False,
) -> None:
    """A worker's life: prepare each document sent (or hand it to ``task``) until told to
    stop (None) or orphaned."""
    global _IN_HAND
    # Before anything else, the import below included: a Ctrl-C arriving while it runs would
    # otherwise print "Process ForkServerProcess-2:" and a traceback.
    _start_worker(parent)
    from alignck.reading import prepare

    # What the imports made lives as long as the worker: frozen, it is no longer walked by
    # every full collection, which a long document's tens of thousands of objects set off
    # several times over (0.30 -> 0.16 s of collection for the 20 benchmark strategies).
    gc.freeze()
    work = task or prepare
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, path, *extras = message
        # Only a pool's worker says when a document's next stage begins: the isolated reader
        # takes one message per document.
        _IN_HAND = (connection, index) if staged else None
        try:
            result = work(path, options, *extras)
        except Exception:  # a bug of ours, not the file's: the parent reports it as one
            result = WorkerBug(traceback.format_exc())
        finally:
            _IN_HAND = None
        connection.send((index, result))


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
    # A forked worker inherits the command line's SIGTERM handler, which would unwind the
    # worker with a traceback where stopping it should simply end it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
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
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    _start_fork_server_deaf_to_ctrl_c()
    return multiprocessing.get_context("forkserver")


_fork_server_started = False


def _start_fork_server_deaf_to_ctrl_c() -> None:
    """Start the fork server, if it is not running yet, with Ctrl-C ignored: an ignored signal
    stays ignored across exec, and the server hands that on to every worker it forks. A worker
    that ignores Ctrl-C only once its own code runs can still be hit while it is starting up
    (unpickling, importing), and then prints "Process ForkServerProcess-1:" before the
    command's one line. A Ctrl-C in the few milliseconds the server takes to start is lost:
    an ignored signal cannot be held back for later, so this is done once per process, not
    at every worker's start (``Process.start`` itself restarts a server that has died)."""
    global _fork_server_started
    if _fork_server_started or threading.current_thread() is not threading.main_thread():
        return
    from multiprocessing import forkserver

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with _as_the_caller_left_it():
            forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
    _fork_server_started = True


def reader_context() -> multiprocessing.context.BaseContext:
    """How an :class:`IsolatedReader` starts its worker: forked, when this process runs no
    other thread (native ones included), else as :func:`worker_context` says.

    A fork costs about 3 ms against about 165 ms for a worker from a fork server or spawned
    (measured on two cores: the fresh interpreter and its imports), the whole cost of isolating
    a one-file run. It is safe only while nothing else runs: once the semantic matcher has
    loaded, onnxruntime's threads (and numpy's) may hold locks a forked child would find held
    for ever. Documents are read before the first is matched, so the reader is usually forked
    then; one started later (after a worker was killed) comes from the fork server. Only Linux
    says how many threads a process runs (``/proc/self/task``); elsewhere there is no fork.
    """
    if sys.platform == "linux" and _runs_one_thread():
        return multiprocessing.get_context("fork")
    return worker_context()


def _runs_one_thread() -> bool:
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir()) == 1
    except OSError:
        return False


class IsolatedReader:
    """One worker process that prepares documents one at a time, when asked, for a run that
    would otherwise read them in its main process: the run waits as it would for a read here,
    but a reader stuck in native code can be killed at its time limit."""

    def __init__(self, options: ReadOptions, task: Task | None = None) -> None:
        self.options = options
        self.task = task
        self.worker: Worker | None = None
        self.overdue = overdue_after(options.limits)

    def start(self) -> None:
        """Start the worker now, while this process may still be forked safely (see
        :func:`reader_context`); :meth:`prepare` starts one if need be."""
        if self.worker is None:
            self.worker = start_worker(self.options, reader_context(), self.task)

    def prepare(
        self, path: Path, meanwhile: Callable[[], None] | None = None
    ) -> Prepared | ReadError:
        """The document prepared for matching, or why it could not be; ``meanwhile`` is
        called (once) if the worker does not have it within a moment."""
        result: Prepared | ReadError = self.run(path, meanwhile)
        return result

    def run(self, path: Path, meanwhile: Callable[[], None] | None = None) -> Any:
        """What the worker's task made of the document (prepared for matching, unless this
        reader was given another task), or a :class:`ReadError`."""
        worker = self._ready()
        watched: list[Any] = [worker.connection, worker.process.sentinel]
        sent = time.monotonic()
        try:
            worker.connection.send((0, path))
        except OSError:  # it died since it was found alive
            ready: list[Any] = [worker.process.sentinel]
        else:
            ready = wait(watched, timeout=min(_BRIEFLY, self.overdue)) if meanwhile else []
            if not ready:
                if meanwhile:
                    meanwhile()
                # The time limit counts from when the document was sent.
                left = self.overdue - (time.monotonic() - sent)
                ready = wait(watched, timeout=None if math.isinf(left) else max(left, 0.0))
        if worker.connection in ready:
            item: Any = None
            with contextlib.suppress(EOFError, OSError):
                _, item = worker.connection.recv()
            if isinstance(item, WorkerBug):
                raise item.raised()
            if item is not None:
                return item
        error: ReadError
        if not ready:
            error = too_slow(str(path), self.options.limits)
        else:  # it died (a parser's crash, the memory killer)
            worker.process.join(timeout=5)
            error = ended_unexpectedly(worker.process.exitcode)
        self._stop(at_once=True)
        return ReadError(error.message, str(path)) if error.path is None else error

    def close(self, at_once: bool) -> None:
        self._stop(at_once)

    def _ready(self) -> Worker:
        if self.worker is not None and not self.worker.process.is_alive():
            self._stop(at_once=True)  # died idle: nothing of ours was lost
        self.start()
        assert self.worker is not None
        return self.worker

    def _stop(self, at_once: bool) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        if at_once:
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.connection.send(None)  # done: end when you like
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        remove_held_folders(worker.process.pid)
        worker.connection.close()
