"""The comparison on a terminal: one line of totals, the verdicts that moved with the new
evidence, and coverage before and after for each document and the system."""

from __future__ import annotations

from typing import TextIO

from rich.table import Table
from rich.text import Text

from alignck.compare import Change, Comparison
from alignck.renderers._common import SYMBOLS, console, shown_path
from alignck.renderers.diff import (
    DiffOptions,
    delta,
    evidence,
    figure,
    headline,
    kind,
    now,
    regrounded_row,
    said_kind,
    was,
)
from alignck.written import TERMINAL_MARK

_STYLES = {
    "new gap": "red",
    "worse": "yellow",
    "new partial": "yellow",
    "closed gap": "green",
    "better": "green",
}
_QUOTE = 160


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    screen = console(out, options.color, options.width)
    # alignck's mark opens the line, as check's: '-o diff.txt' saved among the documents is
    # not read back as one of them.
    compared = f"{comparison.old_source} → {comparison.new_source} ({comparison.framework})"
    screen.print(Text(f"{TERMINAL_MARK}{compared}"))
    screen.print(Text(headline(comparison, options.fail_on), style="bold"))
    if comparison.changes:
        screen.print(_changes(comparison, options))
    if comparison.regrounded:
        screen.print(_regrounded(comparison))
    screen.print(_coverage(comparison))
    for label, names in (("Added", comparison.added), ("Removed", comparison.removed)):
        if names:
            screen.print(Text(f"{label} documents: {', '.join(shown_path(n) for n in names)}"))


def _changes(comparison: Comparison, options: DiffOptions) -> Table:
    table = Table(title="Verdicts that moved", title_justify="left", expand=False)
    for column in ("Document", "Priority", "Was", "Now", "Change", "Evidence now"):
        table.add_column(column, overflow="fold")
    for change in comparison.changes:
        label = kind(change)
        style = (
            _STYLES[label]
            if change.regresses(options.fail_on)
            or label
            in (
                "closed gap",
                "better",
            )
            else ""
        )
        table.add_row(
            shown_path(change.document),
            f"{change.title} [{change.priority_id}]",
            f"{SYMBOLS[change.old]} {was(change)}" if change.old else was(change),
            f"{SYMBOLS[change.new.status]} {now(change)}",
            Text(said_kind(change), style=style),
            _evidence(change),
        )
    return table


def _regrounded(comparison: Comparison) -> Table:
    table = Table(
        title="Verdicts that stand on other passages now (check the new quote addresses it)",
        title_justify="left",
        expand=False,
    )
    for column in ("Document", "Priority", "Verdict", "Was quoted", "Now quoted"):
        table.add_column(column, overflow="fold")
    for item in comparison.regrounded:
        document, priority, status, was_quoted, now_quoted = regrounded_row(item, _QUOTE)
        table.add_row(
            shown_path(document),
            priority,
            f"{SYMBOLS[item.status]} {status}",
            was_quoted,
            now_quoted,
        )
    return table


def _evidence(change: Change) -> str:
    return evidence(change, _QUOTE)


def _coverage(comparison: Comparison) -> Table:
    table = Table(title="Coverage", title_justify="left")
    # The name is the row's only key: folded, never cut short ('riverside-county-…').
    table.add_column("Document", overflow="fold")
    for column in ("Before", "After", "Change\n(percentage points)"):
        table.add_column(column, justify="right")
    for coverage in (*comparison.coverage, comparison.system):
        table.add_row(
            shown_path(coverage.document),
            figure(coverage.old),
            figure(coverage.new),
            delta(coverage),
        )
    return table
