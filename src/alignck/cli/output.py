"""Everything the command line decides about the terminal: colour, progress, report files.

The TTY decisions live in these small functions so that tests can patch them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from alignck.model import Report
    from alignck.reading import Progress


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, never when NO_COLOR is set; FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def is_interactive(stream: TextIO) -> bool:
    """Progress bars only on a real terminal and never in CI logs."""
    if os.environ.get("CI") or os.environ.get("ALIGNCK_NO_PROGRESS"):
        return False
    return stream.isatty()


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[TextIO]:
    """A file that appears complete or not at all: a failed run never leaves half a report."""
    import tempfile

    output.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:  # noqa: PTH123 - a descriptor
            yield handle
        Path(name).chmod(_shared_mode(output))
        Path(name).replace(output)
    finally:
        Path(name).unlink(missing_ok=True)


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


def render(report: Report, fmt: str, stream: TextIO, color: bool, evidence: bool | None) -> None:
    from alignck.renderers import RenderOptions, renderer

    width = 120
    if fmt == "terminal" and stream.isatty():
        width = os.get_terminal_size(stream.fileno()).columns
    renderer(fmt)(report, stream, RenderOptions(color=color, width=width, evidence=evidence))


@contextlib.contextmanager
def progress_bar(paths: list[Path]) -> Iterator[Progress | None]:
    """A progress bar on an interactive stderr; nothing at all otherwise."""
    if not is_interactive(sys.stderr):
        yield None
        return
    from alignck.progress import ProgressBar
    from alignck.readers import discover

    with ProgressBar(sys.stderr, len(discover(paths).files)) as bar:
        yield bar
