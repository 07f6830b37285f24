"""Bounds on the work one document may cause, and the one-line errors that name them.

A folder anyone can fill may hold a zip bomb named ``.docx``, a PDF of a million pages or a
gigabyte of text; each limit stops such a file early, as an error for that file alone, while
the other documents are still checked. The defaults leave room for a 500-page strategy many
times over. This module says what the limits are and checks them; readers decide where.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from alignck.errors import LimitExceeded

MB = 1024 * 1024
# A Word part that inflates more than this many times over is not prose: XML of real
# documents compresses 5-20 times, a zip bomb hundreds or thousands of times.
MAX_INFLATION_RATIO = 100
# Parts this small may inflate as they like: their size cannot hurt.
RATIO_FREE_BYTES = 1 * MB


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost; each has an environment variable (see ``VARIABLES``)."""

    file_mb: int = 256
    pages: int = 5_000
    characters: int = 10_000_000
    # Blocks (paragraphs, list items, headings, table cells): each costs memory and matching
    # time whatever its length, so a million one-word paragraphs is refused for its count.
    paragraphs: int = 200_000
    # Passages (sentences, items, headings) to match: the semantic matcher holds a vector of
    # each, and matching 199,000 of them peaked at 840 MB on top of what reading left.
    passages: int = 100_000
    inflated_mb: int = 256
    # Parsed XML costs several times its size (64 MB of Word XML peaked at 400 MB), so the
    # parts that are parsed have a bound of their own, under the one for every part.
    xml_mb: int = 64
    # One PDF stream once inflated, fonts aside: PDFium reads a page's text at ~165 bytes of
    # memory per byte of its operators (8 MB of them on one page peaked at 1.3 GB), while a
    # dense page of real text holds tens of kB.
    stream_mb: int = 4
    seconds: float = 300.0

    def __post_init__(self) -> None:
        # As the command line refuses one at or below 0: Limits(seconds=-1) was taken, and
        # meant no limit at all.
        for name in VARIABLES:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ValueError(f"Limits.{name} must be a number above 0 (got {value!r})")


# field -> the environment variable that sets it, for the command line and for messages.
VARIABLES = {
    "file_mb": "ALIGNCK_MAX_FILE_MB",
    "pages": "ALIGNCK_MAX_PAGES",
    "characters": "ALIGNCK_MAX_CHARACTERS",
    "paragraphs": "ALIGNCK_MAX_PARAGRAPHS",
    "passages": "ALIGNCK_MAX_PASSAGES",
    "inflated_mb": "ALIGNCK_MAX_INFLATED_MB",
    "xml_mb": "ALIGNCK_MAX_XML_MB",
    "stream_mb": "ALIGNCK_MAX_STREAM_MB",
    "seconds": "ALIGNCK_MAX_SECONDS",
}


def over(path: str, what: str, limit: str, name: str) -> LimitExceeded:
    """The error for a document over a limit: what it holds, the limit and how to raise it."""
    return LimitExceeded(
        f"{what}, over the limit of {limit}; raise it with {VARIABLES[name]}", path
    )


def check_file_size(path: str, size: int, limits: Limits) -> None:
    if size > limits.file_mb * MB:
        raise over(path, f"{_mb(size)} file", f"{limits.file_mb} MB", "file_mb")


def check_pages(path: str, pages: int, limits: Limits) -> None:
    if pages > limits.pages:
        raise over(path, f"{pages:,} pages", f"{limits.pages:,} pages", "pages")


def check_characters(path: str, characters: int, limits: Limits) -> None:
    if characters > limits.characters:
        found = f"more than {limits.characters:,} characters of text"
        raise over(path, found, f"{limits.characters:,}", "characters")


def check_paragraphs(path: str, paragraphs: int, limits: Limits) -> None:
    if paragraphs > limits.paragraphs:
        found = f"{paragraphs:,} paragraphs, list items and cells"
        raise over(path, found, f"{limits.paragraphs:,}", "paragraphs")


def check_passages(path: str, passages: int, limits: Limits) -> None:
    if passages > limits.passages:
        found = f"{passages:,} passages to match (sentences, list items, headings)"
        raise over(path, found, f"{limits.passages:,}", "passages")


def inflating(chunks: Iterable[bytes], raw: bool = False) -> Iterator[bytes]:
    """Compressed bytes inflated a megabyte at a time (zlib data, or with ``raw`` a bare
    deflate stream as a zip archive holds), so that a caller counting what comes out can
    stop at its limit however far the data would inflate; a broken stream yields up to where
    it breaks (readers keep what they inflated before the damage)."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    try:
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:
                out = inflater.decompress(pending, MB)
                if out:
                    yield out
                pending = inflater.unconsumed_tail
            if inflater.eof:
                return
    except zlib.error:
        return


def check_inflation(
    path: str, parts: list[tuple[str, int, int]], limits: Limits, kind: str = "a Word document"
) -> None:
    """Refuse a zip archive, from the sizes its directory declares and before inflating any
    part, whose parts (name, compressed, inflated) add up to more than the limit, or one of
    which inflates suspiciously far. Python's zipfile never inflates a part beyond its declared
    size, so the declared sizes bound the work."""
    total = sum(inflated for _, _, inflated in parts)
    if total > limits.inflated_mb * MB:
        found = f"parts that inflate to {_mb(total)}"
        raise over(path, found, f"{limits.inflated_mb} MB", "inflated_mb")
    xml = sum(inflated for name, _, inflated in parts if name.endswith((".xml", ".rels")))
    if xml > limits.xml_mb * MB:
        found = f"XML parts that inflate to {_mb(xml)}"
        raise over(path, found, f"{limits.xml_mb} MB", "xml_mb")
    for name, compressed, inflated in parts:
        if inflated > RATIO_FREE_BYTES and inflated > MAX_INFLATION_RATIO * max(compressed, 1):
            raise LimitExceeded(
                f"part {name} inflates {inflated // max(compressed, 1):,} times over "
                f"({_mb(inflated)}); a zip bomb, not {kind}",
                path,
            )


class TimeLimit(BaseException):
    """Raised inside the work on a document when its time is up. A BaseException, so the
    readers' broad ``except Exception`` (which turns parser failures into read errors) lets it
    through to the one place that reports it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimit` in this block after ``seconds``, between two steps of Python
    code (as any signal handler runs). A timer signal does it in the main thread of a process
    that has one (Linux, macOS); elsewhere (Windows, another thread) a timer thread raises it
    in this thread. Neither stops a parser stuck inside native code: a worker process that
    long past its limit is killed from outside (see :mod:`alignck.reading`)."""
    if seconds <= 0:
        yield
    elif _timer_signal_usable():
        with _timer_signal(seconds):
            yield
    else:
        with _timer_thread(seconds):
            yield


def _timer_signal_usable() -> bool:
    """Whether the process's real-time timer is ours to use: not where a caller's own timer
    is running (a library caller's signal.alarm), which setting ours would cancel."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextlib.contextmanager
def _timer_signal(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _timer_thread(seconds: float) -> Iterator[None]:
    """CPython's documented PyThreadState_SetAsyncExc raises an exception in another thread,
    on any platform; a lock keeps it from landing once the block is over."""
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    guard = threading.Lock()
    state = {"over": False, "fired": False}

    def expire() -> None:
        with guard:
            if not state["over"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(TimeLimit))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with guard:
            state["over"] = True
            if state["fired"]:
                # Fired as the block ended and not raised yet: it must not land after it.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def too_slow(path: str, limits: Limits) -> LimitExceeded:
    return over(path, "not done in time", f"{limits.seconds:g} s", "seconds")


def _mb(size: int) -> str:
    return f"{size / MB:,.1f} MB"
