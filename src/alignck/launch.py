"""The console script's entry point: ``alignck --version``, and an ``alignck check`` whose every
input is unchanged since the same run (:mod:`alignck.replay`), are answered before the command
line is imported (Typer with the pydantic it loads, Rich and the commands take several times
longer than the answer); everything else goes to :mod:`alignck.cli`, which prints the same line
for ``--version`` anywhere else on the command line."""

from __future__ import annotations

import sys
from typing import TextIO

from alignck import __version__


def main() -> None:
    _closed_streams_to_null()
    try:
        _answer()
    except KeyboardInterrupt:
        # Ctrl-C before a command guards it (importing the command line takes a moment):
        # the one line and exit code every command gives, never a traceback.
        print("alignck: interrupted", file=sys.stderr)
        sys.exit(130)
    except OSError as error:
        if not device_full(error):
            raise
        # What no command guards ('--version', '--help', 'schema' > /dev/full).
        sys.exit(say_cannot_write(error))


def device_full(error: OSError) -> bool:
    """Whether a write failed for a full disk or device ('> /dev/full', a quota): said in one
    line and exit 2 wherever it happens, never a traceback."""
    import errno

    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def say_cannot_write(error: OSError) -> int:
    """Say so on standard error (if it can still be written) and give the exit code, 2: cli.app's
    EXIT_INPUT, without importing the command line on the fast path."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        print(f"alignck: error: cannot write: {os.strerror(error.errno or 0)}", file=sys.stderr)
    return 2


def _answer() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"alignck {__version__}")
        return
    from alignck import replay

    replayed = replay.answer(sys.argv[1:])
    if replayed is not None:
        sys.exit(replayed)
    from alignck.cli import main as run

    run()


def _closed_streams_to_null() -> None:
    """A standard stream the shell closed ('>&-') is None in Python, and the first write to it
    raised AttributeError: what would go there goes to the null device, saying so."""
    import os
    from pathlib import Path

    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
        print(
            "alignck: warning: standard output is closed: what it would show is lost",
            file=sys.stderr,
        )


def silence(stream: TextIO | None) -> None:
    """Point a standard stream whose reader went away at the null device (see cli.app)."""
    import os

    if stream is None:
        return
    try:
        fileno = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test's capture): nothing to silence
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)
