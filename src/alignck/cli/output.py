"""Everything the command line decides about the terminal: colour, progress, report files.

The TTY decisions live in these small functions so that tests can patch them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
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


def refuse_unsafe_output(output: Path, protected: Iterable[tuple[Path, str]]) -> None:
    """Refuse, before any work, a report file that would destroy something: a folder, a device
    or a FIFO (the report replaces what is there: ``-o /dev/null`` run as root would replace
    the device itself), or any of ``protected``, (path, what it is) pairs naming every file the
    run reads. Hard links and links count: they are compared by identity, not by name."""
    from alignck.errors import UsageError
    from alignck.files import kind, same_file

    try:
        mode: int | None = output.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UsageError(f"cannot write the report there: {_why(error)}", str(output)) from None
    if mode is not None and not stat.S_ISREG(mode):
        raise UsageError(_not_a_report_file(kind(mode)), str(output))
    for path, what in protected:
        if same_file(output, path):
            also = "" if path == output else f" ({path})"
            raise UsageError(
                f"--output would overwrite {what}{also}; give another file for the report",
                str(output),
            )


def _not_a_report_file(found: str) -> str:
    if found == "a folder":
        return "--output is a folder; give a file name for the report"
    return (
        f"--output is {found}, not a regular file; give a file name for the report, or leave "
        "out --output to write it to standard output"
    )


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[TextIO]:
    """A file that appears complete or not at all: a failed run never leaves half a report.
    A folder that cannot be written to is one line naming the file, not a traceback."""
    import tempfile

    from alignck.errors import UsageError

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(
            dir=output.parent, prefix=f".{output.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise UsageError(f"cannot write the report: {_why(error)}", str(output)) from None
    try:
        # backslashreplace: see tolerate_undecodable; a file name that is not UTF-8 must not
        # cost the report.
        with open(  # noqa: PTH123 - a descriptor
            descriptor, "w", encoding="utf-8", errors="backslashreplace"
        ) as handle:
            yield handle
        Path(name).chmod(_shared_mode(output))
        Path(name).replace(output)
    except OSError as error:
        raise UsageError(f"cannot write the report: {_why(error)}", str(output)) from None
    finally:
        Path(name).unlink(missing_ok=True)


def _why(error: OSError) -> str:
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


def render(
    report: Report,
    fmt: str,
    stream: TextIO,
    color: bool,
    evidence: bool | None,
    explain: bool = False,
) -> None:
    from alignck.renderers import RenderOptions, renderer

    width = 120
    if fmt == "terminal" and stream.isatty():
        width = os.get_terminal_size(stream.fileno()).columns
    options = RenderOptions(color=color, width=width, evidence=evidence, explain=explain)
    renderer(fmt)(report, stream, options)


@contextlib.contextmanager
def progress_bar(paths: list[Path], follow_links: bool) -> Iterator[Progress | None]:
    """A progress bar on an interactive stderr; nothing at all otherwise."""
    if not is_interactive(sys.stderr):
        yield None
        return
    from alignck.progress import ProgressBar
    from alignck.readers import discover

    with ProgressBar(sys.stderr, len(discover(paths, follow_links).files)) as bar:
        yield bar
