"""A Rich progress bar for long runs: files done, pages, current file and time remaining.

It appears only after about a second, so quick runs print nothing, and the CLI creates it only
when standard error is an interactive terminal (never in CI logs, pipes or JSON output).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import PurePath
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from alignck.model import DocumentResult
from alignck.names import distinguishing_names
from alignck.reading import Prepared
from alignck.wording import counted

DELAY_SECONDS = 1.0


class ProgressBar:
    def __init__(self, stream: TextIO, total: int, paths: Sequence[str] = ()) -> None:
        """``paths``: the files to read, to name the current one as reports will (a national
        run has seventy 'strategy' files; its file name alone told none apart)."""
        self.pages = 0
        self._names = distinguishing_names(paths)
        self._lock = threading.Lock()
        self._shown = False
        self._progress = Progress(
            # Reading and matching: a document counts once both are done.
            TextColumn("[bold]checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[pages_shown]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}"),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._progress.add_task("checking", total=total, pages_shown="", current="")
        self._timer = threading.Timer(DELAY_SECONDS, self._show)
        self._timer.daemon = True

    def __enter__(self) -> ProgressBar:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        with self._lock:
            if self._shown:
                self._progress.stop()

    def _show(self) -> None:
        with self._lock:
            self._progress.start()
            self._shown = True

    def __call__(self, path: str, item: object | None) -> None:
        name = self._names.get(path) or PurePath(path).name
        if item is None:
            self._progress.update(self._task, current=name)
            return
        if isinstance(item, Prepared | DocumentResult):
            self.pages += item.pages or 0
        self._progress.update(self._task, advance=1, pages_shown=self.pages_shown(), current=name)

    def pages_shown(self) -> str:
        """'12 pages' of the PDFs read so far; nothing while there are none (Markdown and Word
        files have no pages, and '0 pages' for a whole run of them read as a fault)."""
        return counted(self.pages, "page") if self.pages else ""
