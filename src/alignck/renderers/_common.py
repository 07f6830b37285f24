"""Small helpers shared by renderers: short document names, locations, symbols."""

from __future__ import annotations

import functools
import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, TextIO

from alignck.model import Location

if TYPE_CHECKING:
    from rich.console import Console

    from alignck.model import Report

SYMBOLS = {"aligned": "✔", "partial": "◐", "gap": "✘"}


def console(out: TextIO, color: bool, width: int | None = None) -> Console:
    """A Rich console on ``out``: colour only when asked, no markup guessing, and a closed
    pipe ('alignck check ... | head') reported as BrokenPipeError for the CLI to handle
    (Rich's own handling exits 1, which here means 'policy failed')."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width or 120,
        highlight=False,
        emoji=False,
        color_system="standard" if color else None,
    )


def short_name(path: str) -> str:
    return PurePath(path).stem


def where(location: Location) -> str:
    """'p. 3 › Section' for PDFs, '¶ 12 › Section' otherwise."""
    place = (
        f"p. {location.page}"
        if location.page
        else (f"¶ {location.paragraph}" if location.paragraph else "")
    )
    if location.section:
        return f"{place} › {location.section}" if place else location.section
    return place


def marked_names(aligned: tuple[str, ...], partial: tuple[str, ...]) -> list[str]:
    """'✔ name' for each aligned document, then '◐ name' for each partial one."""
    return [f"{SYMBOLS['aligned']} {short_name(p)}" for p in aligned] + [
        f"{SYMBOLS['partial']} {short_name(p)}" for p in partial
    ]


def document_problems(report: Report) -> list[str]:
    """One line per unreadable document, warning and skipped file, for the shared formats."""
    lines = [f"error: {r.error or ''}" for r in report.errors]
    lines += [f"warning: {r.path}: {w}" for r in report.documents for w in r.warnings]
    lines += [f"skipped: {s.path} ({s.reason})" for s in report.skipped]
    return lines


def percent(value: float) -> str:
    return f"{value:.0f}%"


WAIVED_HEADER = ["Document", "Priority", "Verdict", "Reason", "Until", "Waiver"]


def waived_rows(report: Report) -> list[list[str]]:
    """One row per accepted verdict: document, priority, verdict, reason, expiry, source."""
    return [
        [
            short_name(w.path),
            report.framework.priority(w.priority_id).title,
            w.status,
            w.waiver.reason,
            w.waiver.expires.isoformat() if w.waiver.expires else "",
            w.waiver.source,
        ]
        for w in report.analysis.waived
    ]


def checkout_path(path: str) -> str:
    """The path CI systems place a finding by: from the working directory (the checkout) when
    an absolute path lies under it, else as given, with forward slashes."""
    # os.getcwd: a plain string for the cache key, asked once per verdict.
    return _checkout_path(path, os.getcwd())  # noqa: PTH109


@functools.lru_cache(maxsize=4096)
def _checkout_path(path: str, cwd: str) -> str:
    # Cached: the CI formats ask once per verdict, 300,000 times in a national run.
    pure = Path(path)
    if pure.is_absolute():
        try:
            return pure.relative_to(cwd).as_posix()
        except ValueError:
            return pure.as_posix()
    return pure.as_posix()
