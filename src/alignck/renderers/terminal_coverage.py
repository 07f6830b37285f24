"""The terminal report's coverage section, laid out for the width it is given: the grid while
every column fits, else one document per line; past a dozen documents, counts per priority
(in a table while it fits, else one priority per line). Nothing is dropped or cut to fit.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from alignck.escape import one_line
from alignck.model import Alignment, DocumentResult, PriorityOverview, Report, Status
from alignck.names import told_apart
from alignck.renderers import GRID_DOCUMENTS
from alignck.renderers._common import (
    SYMBOLS,
    VerdictMarks,
    percent,
    short_name,
    shown_path,
    system_percent,
)

STYLES: dict[Status, str] = {"aligned": "bold green", "partial": "yellow", "gap": "bold red"}
_UNBOUNDED = 100_000


def mark(status: Status, label: bool = False) -> Text:
    text = f"{SYMBOLS[status]} {status}" if label else SYMBOLS[status]
    return Text(text, style=STYLES[status])


def coverage(console: Console, report: Report, checked: int) -> None:
    """The grid while it fits the width, else the same verdicts one document per line;
    counts per priority past a dozen documents (in a table while that fits)."""
    if checked <= GRID_DOCUMENTS:
        table = _grid_table(report)
        if _fits(console, table):
            _grid(console, report, table)
        else:
            _compact(console, report)
    else:
        table = _counts_table(report)
        if _fits(console, table):
            console.print(table)
            console.print()
        else:
            _compact_counts(console, report)
        _lowest_coverage(console, report)


# Documents listed by coverage past a dozen: enough to find whom to talk to first.
_LOWEST_SHOWN = 20


def _lowest_coverage(console: Console, report: Report) -> None:
    """Each document's coverage, lowest first, past a dozen documents: the counts per
    priority left no document's own figure anywhere in the terminal report (an assurance
    officer found it only in the Markdown, HTML, workbook and JSON)."""
    covered = report.analysis.document_coverage
    ranked = sorted(covered, key=lambda path: covered[path].exact_percent)
    console.print(Text("Coverage by document, lowest first", style="bold"))
    for path in ranked[:_LOWEST_SHOWN]:
        found = covered[path]
        counts = f"{found.aligned} aligned, {found.partial} partial, {found.gap} gap"
        name = short_name(path, report)
        console.print(Text(f"  {percent(found.exact_percent):>5}  {name} ({counts})"))
    if len(ranked) > _LOWEST_SHOWN:
        more = f"  … {len(ranked) - _LOWEST_SHOWN} more (every document in --format json or csv)"
        console.print(Text(more, style="dim"))
    console.print()


def _fits(console: Console, table: Table) -> bool:
    """Whether every column gets at least its longest word: past that Rich would cut a
    percentage ('8…') or fold a priority id mid-word."""
    unbounded = console.options.update_width(_UNBOUNDED)  # Rich clamps to the width it is given
    return Measurement.get(console, unbounded, table).minimum <= console.width


def _grid_table(report: Report) -> Table:
    results = [r for r in report.documents if r.status == "ok"]
    marks = VerdictMarks(report)
    table = Table(
        title=f"Coverage (✔ aligned  ◐ partial  ✘ gap{_marks_legend(marks)})",
        box=box.SIMPLE_HEAVY,
        title_justify="left",
        show_footer=True,
        footer_style="bold",
    )
    table.add_column("Priority", footer="coverage", overflow="fold", min_width=24)
    for index, result in enumerate(results, start=1):
        coverage = report.analysis.document_coverage[result.path]
        table.add_column(
            f"{index}", justify="center", footer=percent(coverage.exact_percent), no_wrap=True
        )
    table.add_column(
        "system",
        justify="center",
        footer=system_percent(report),
        no_wrap=True,
    )
    verdicts = [_by_priority(r) for r in results]
    for overview in report.analysis.priorities:
        cells = [
            _cell(marks, result.path, verdict[overview.priority_id])
            for result, verdict in zip(results, verdicts, strict=True)
        ]
        table.add_row(_label(report, overview.priority_id), *cells, mark(overview.status))
    return table


def _by_priority(result: DocumentResult) -> dict[str, Alignment]:
    # Looked up once per cell: a scan for each was 15 s of a 20,000-priority framework's run.
    return {alignment.priority_id: alignment for alignment in result.alignments}


def _cell(marks: VerdictMarks, path: str, alignment: Alignment, width: int = 0) -> Text:
    """A verdict's mark, and 'r' where a reviewer set it, 'w' where a waiver accepts it: the
    other formats say '(reviewed)' and '(waived)' in the cell, and the grid said neither.
    ``width``: the flags padded to it, so marks read by position line up row under row."""
    cell = mark(alignment.status)
    flags = marks.letters(path, alignment.priority_id)
    return cell + Text(flags.ljust(width), style="dim") if flags or width else cell


def _marks_legend(marks: VerdictMarks) -> str:
    # Each entry one word: a narrow terminal wrapped 'r' and 'reviewed' onto two lines.
    said = [("r=reviewed", marks.reviewed), ("w=waived", marks.waived)]
    shown = [legend for legend, found in said if found]
    return "; " + "  ".join(shown) if shown else ""


def _label(report: Report, priority_id: str) -> Text:
    priority = report.framework.priority(priority_id)
    return Text(f"{'  ' * priority.depth}{priority.title} [{priority.id}]")


def _grid(console: Console, report: Report, table: Table) -> None:
    console.print(table)
    checked = checked_documents(report)
    paths = [result.path for result in checked]
    for index, result in enumerate(checked, start=1):
        partner = report.partner(result.path)
        whose = f"{one_line(partner)}: " if partner is not None else ""
        console.print(Text(f"  {index}  {whose}{shown_path(told_apart(result.path, paths))}"))
    console.print()


def checked_documents(report: Report) -> list[DocumentResult]:
    return [r for r in report.documents if r.status == "ok"]


def _compact(console: Console, report: Report) -> None:
    """The grid's verdicts for a narrow terminal: the priorities numbered, then one row per
    document with its coverage and a mark per priority in that order. Cells wrap at spaces,
    so no percentage is cut and no id is broken."""
    verdict_marks = VerdictMarks(report)
    flags = verdict_marks.most_letters()
    legend = _marks_legend(verdict_marks)
    console.print(Text(f"Coverage (✔ aligned  ◐ partial  ✘ gap{legend})", style="bold"))
    overviews = report.analysis.priorities
    priorities = Table.grid(padding=(0, 1))
    priorities.add_column(no_wrap=True)
    priorities.add_column(no_wrap=True)
    priorities.add_column(overflow="fold")
    for index, overview in enumerate(overviews, start=1):
        label = _label(report, overview.priority_id)
        priorities.add_row(f"  P{index}", mark(overview.status), label)
    console.print(priorities)
    legend = f"  Each document, then its coverage and P1 to P{len(overviews)}"
    console.print(Text(legend, style="dim"))
    for result in checked_documents(report):
        # The name on a line of its own, so a long one is not folded beside the marks.
        console.print(Text(f"  {short_name(result.path, report)}"))
        coverage = report.analysis.document_coverage[result.path].exact_percent
        marks = Text(f"    {percent(coverage):>4}  ")
        verdicts = _by_priority(result)
        marks.append_text(
            Text(" ").join(
                _cell(verdict_marks, result.path, verdicts[o.priority_id], flags) for o in overviews
            )
        )
        console.print(marks)
    system = system_percent(report)
    console.print(Text("  system"))
    console.print(
        Text(f"    {system:>4}  ").append_text(
            Text(" ").join(mark(o.status) + Text(" " * flags) for o in overviews)
        )
    )
    console.print()


def _counts_table(report: Report) -> Table:
    """Per priority, how many documents align with it: the grid for runs too wide to draw."""
    table = Table(
        title=f"Coverage across {len(report.analysis.document_coverage)} documents",
        box=box.SIMPLE_HEAVY,
        title_justify="left",
    )
    table.add_column("Priority", overflow="fold", min_width=24)
    for name in ("✔ aligned", "◐ partial", "✘ gap", "system"):
        table.add_column(name, justify="right", no_wrap=True)
    for overview in report.analysis.priorities:
        counts = [str(n) for n in _counts(report, overview)]
        table.add_row(_label(report, overview.priority_id), *counts, mark(overview.status))
    return table


def _counts(report: Report, overview: PriorityOverview) -> tuple[int, int, int]:
    aligned, partial = len(overview.aligned), len(overview.partial)
    return aligned, partial, len(report.analysis.document_coverage) - aligned - partial


def _compact_counts(console: Console, report: Report) -> None:
    """The counts table for a narrow terminal: one priority per line, wrapping at spaces."""
    checked = len(report.analysis.document_coverage)
    console.print(Text(f"Coverage across {checked} documents", style="bold"))
    for overview in report.analysis.priorities:
        aligned, partial, gaps = _counts(report, overview)
        line = Text("  ").append_text(mark(overview.status)).append(" ")
        line.append_text(_label(report, overview.priority_id))
        counts = f"✔ {aligned} ◐ {partial} ✘ {gaps}"
        if line.cell_len + 2 + len(counts) <= console.width:
            console.print(line.append(f"  {counts}"))
        else:
            # On a line of their own: wrapped with the title, '✘' ended one line and its
            # count began the next.
            console.print(line)
            console.print(Text(f"    {counts}"))
    console.print()
