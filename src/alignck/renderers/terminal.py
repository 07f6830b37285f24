"""Rich terminal report: summary, coverage grid, gaps, overlaps, outside-framework, evidence.

Symbols carry the verdict on their own (✔ aligned, ◐ partial, ✘ gap), so the report reads the
same without colour, in a log file or on a monochrome terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from alignck.escape import one_line, without_sequences
from alignck.model import Alignment, Framework, PriorityOverview, Reason, Report, Status
from alignck.renderers import GRID_DOCUMENTS, RenderOptions
from alignck.renderers._breakable import Breakable
from alignck.renderers._common import (
    PARTNERS_HEADER,
    PARTNERS_NOTE,
    PARTNERS_TITLE,
    REVIEWED_HEADER,
    STALE_WAIVERS_NOTE,
    SYMBOLS,
    WAIVED_HEADER,
    VerdictMarks,
    closest_note,
    failed_heading,
    held_to,
    kind_shown,
    missing_names,
    nothing_near_note,
    nothing_outside,
    overlap_unit,
    partner_rows,
    policy_verdict,
    priorities_counted,
    provenance,
    reviewed_lead,
    reviewed_rows,
    score_text,
    short_name,
    shown_path,
    stale_waiver_lines,
    system_percent,
    unaddressed_marks,
    waived_rows,
    where,
)
from alignck.renderers._common import console as make_console
from alignck.renderers.terminal_coverage import STYLES, coverage, mark
from alignck.wording import clipped, counted, first_few
from alignck.written import TERMINAL_MARK

_QUOTE_LENGTH = 220
_OUTSIDE_SHOWN = 8
_MANY_ROWS = 20


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    console = make_console(out, options.color, options.width)
    _summary(console, report)
    checked = len(report.analysis.document_coverage)
    if checked:
        coverage(console, report, checked)
        _partners(console, report)
        _gaps(console, report)
        _waived(console, report)
        _stale_waivers(console, report)
        _reviewed(console, report)
        if checked <= GRID_DOCUMENTS:
            _overlaps(console, report)
        else:
            _overlap_count(console, report)
        _outside(console, report)
        if options.show_evidence(checked):
            _evidence(console, report, options.explain)
    _problems(console, report)
    _policy(console, report)


def _policy(console: Console, report: Report) -> None:
    """Whether the run passed what it was held to, last, as the exit code says: a report
    saved with -o report.txt said nothing of the policy its run failed."""
    verdict = policy_verdict(report)
    if verdict is None:
        _baseline_notes(console, report)
        return
    passed, reasons = verdict
    terms = held_to(report)
    if passed:
        console.print(Text("Policy: passed.", style="bold green"), f"Held to: {terms}.")
        _baseline_notes(console, report)
        return
    heading = Text(f"{failed_heading(report)}:", style="bold red")
    if terms:
        console.print(heading, f"(held to: {terms})")
    else:
        console.print(heading)
    for reason in reasons:
        console.print(Text(f"- {one_line(reason)}"))
    _baseline_notes(console, report)


def _baseline_notes(console: Console, report: Report) -> None:
    """What comparing with the baseline found, as the JSON and CI formats say it."""
    if report.policy.baseline_notes:
        console.print(Text("Compared with the baseline:", style="bold"))
        for note in report.policy.baseline_notes:
            console.print(Text(f"- {one_line(note)}"))


def _stale_waivers(console: Console, report: Report) -> None:
    """Expired waivers and those that apply to nothing, as the shared reports list them."""
    lines = stale_waiver_lines(report)
    if not lines:
        return
    console.print(Text("Waivers to look at", style="bold"))
    console.print(Text(STALE_WAIVERS_NOTE, style="dim"))
    for line in lines:
        console.print(Text(f"- {one_line(line)}"))
    console.print()


def _summary(console: Console, report: Report) -> None:
    analysis = report.analysis
    checked = len(report.documents) - len(report.errors)
    system = analysis.system_coverage
    console.print(Text(f"{TERMINAL_MARK}{one_line(report.framework.name)}", style="bold"))
    console.print(
        f"{priorities_counted(report)}"
        f" · {counted(checked, 'document')} checked"
        f" · {len(report.errors)} unreadable · {len(report.skipped)} skipped"
    )
    if checked:
        console.print(
            f"System coverage {system_percent(report)}: {system.aligned} aligned, "
            f"{system.partial} partial, {system.gap} not addressed by any document"
        )
    # The framework's path leads the line: it may have been found rather than named.
    console.print(Text(_made_by(report), style="dim"))
    console.print()


def _made_by(report: Report) -> str:
    """alignck's version, the framework exactly (its hash shortened, as git shortens one),
    the thresholds and the matcher, on as few lines as the width allows."""
    made = dict(provenance(report))
    framework = report.framework
    version = f" {framework.version}" if framework.version else ""
    digest = f", sha256 {framework.sha256[:12]}" if framework.sha256 else ""
    baseline = f" · baseline {made['baseline']}" if "baseline" in made else ""
    code = f" (code {made['alignck code']})" if "alignck code" in made else ""
    judged = (
        f" · waivers judged on {made['waivers judged on']}" if "waivers judged on" in made else ""
    )
    return (
        f"alignck {made['alignck']}{code} · framework{version} ({framework.path}{digest}) · "
        f"thresholds {made['thresholds']} · matcher {made['matcher']}{judged}{baseline}"
    )


def _partners(console: Console, report: Report) -> None:
    rows = partner_rows(report)
    if not rows:
        return
    table = Table(title=f"{PARTNERS_TITLE}: {PARTNERS_NOTE}", box=box.SIMPLE, title_justify="left")
    for column in PARTNERS_HEADER:
        table.add_column(
            column, overflow="fold", justify="right" if column == "Coverage" else "left"
        )
    for row in rows[:_MANY_ROWS]:
        table.add_row(*row)
    if len(rows) > _MANY_ROWS:
        table.add_row(f"… and {len(rows) - _MANY_ROWS} more (all in --format json)", "", "", "")
    console.print(table)
    console.print()


def _gaps(console: Console, report: Report) -> None:
    analysis = report.analysis
    table = Table(
        title="Gaps: what each document does not address",
        box=box.SIMPLE,
        title_justify="left",
    )
    table.add_column("Document", overflow="fold")
    table.add_column("Missing priorities", overflow="fold")
    # With one document, 'every document' is that document: its own row says it.
    if analysis.unaddressed and len(analysis.document_coverage) > 1:
        marks = unaddressed_marks(report)
        table.add_row(
            Text("every document", style="bold red"),
            "; ".join(_title(report, i) + marks[i] for i in analysis.unaddressed),
        )
    rows = [(path, missing) for path, missing in analysis.missed.items() if missing]
    if len(analysis.document_coverage) > GRID_DOCUMENTS:
        # Too many to list: the partners that miss most come first, those that miss as many
        # in the report's order (file-manager order, as every other format lists them).
        rows.sort(key=lambda row: -len(row[1]))
    for path, missing in rows[:_MANY_ROWS]:
        names = missing_names(report, path, missing)
        table.add_row(
            Breakable(short_name(path, report)), "; ".join(names[:_MANY_ROWS]) + _more(names)
        )
    _more_documents(table, len(rows))
    if table.row_count:
        console.print(table)
    else:
        console.print("Gaps: every document addresses every priority.")
    console.print()


def _waived(console: Console, report: Report) -> None:
    """Accepted gaps, with why and until when: they stay in the counts, so say so."""
    title = (
        "Waived: accepted gaps and partial verdicts (still counted in coverage; no policy "
        "fails on them)"
    )
    _listed(console, title, WAIVED_HEADER, waived_rows(report))


def _reviewed(console: Console, report: Report) -> None:
    """Verdicts an officer set, beside what alignck itself said: they replace it everywhere."""
    title = "Reviewed: verdicts set by a reviewer (used in coverage, gaps and policy)"
    _listed(console, title, REVIEWED_HEADER, reviewed_rows(report))


def _listed(console: Console, title: str, header: Sequence[str], rows: Sequence[Any]) -> None:
    """A titled table of rows, the first few of many, or nothing when there are none; as
    lines where the table would have to fold its words to fit ('Documen' / 't', '2026-1' /
    '2-01' in eight columns at 80)."""
    if not rows:
        return
    if _narrowest(header, rows[:_MANY_ROWS]) > console.width:
        _listed_as_lines(console, title, header, rows)
        return
    table = Table(title=title, box=box.SIMPLE, title_justify="left")
    for name in header:
        table.add_column(name, overflow="fold")
    for row in rows[:_MANY_ROWS]:
        table.add_row(*row)
    if len(rows) > _MANY_ROWS:
        hidden = Text(f"… {len(rows) - _MANY_ROWS} more", style="dim")
        table.add_row(hidden, "(all in --format json or csv)")
    console.print(table)
    console.print()


def _narrowest(header: Sequence[str], rows: Sequence[Any]) -> int:
    """The width a table of these cells needs to wrap them at spaces only: each column its
    longest word, and three characters of padding and rule each."""
    columns = zip(header, *rows, strict=False)
    return sum(
        max(cell_len(w) for cell in column for w in str(cell).split()) + 3 for column in columns
    )


def _listed_as_lines(
    console: Console, title: str, header: Sequence[str], rows: Sequence[Any]
) -> None:
    """Each row as its first two cells (document and priority), then the others named by
    their headers, indented beneath."""
    from rich.padding import Padding

    console.print(Text(title, style="italic"))
    for row in rows[:_MANY_ROWS]:
        console.print(Padding(Text(f"{row[0]} · {row[1]}", style="bold"), (0, 0, 0, 2)))
        pairs = zip(header[2:], row[2:], strict=True)
        named = [f"{name.lower()}: {value}" for name, value in pairs if value]
        console.print(Padding(Text(" · ".join(named)), (0, 0, 0, 4)))
    if len(rows) > _MANY_ROWS:
        more = f"… {len(rows) - _MANY_ROWS} more (all in --format json or csv)"
        console.print(Padding(Text(more, style="dim"), (0, 0, 0, 2)))
    console.print()


def _overlaps(console: Console, report: Report) -> None:
    overlaps = report.analysis.overlaps
    if not overlaps:
        console.print(
            f"Overlaps: no priority is addressed by two or more {overlap_unit(report)}.\n"
        )
        return
    table = Table(
        title="Overlaps: priorities several partners address", box=box.SIMPLE, title_justify="left"
    )
    table.add_column("Priority", overflow="fold", max_width=36)
    table.add_column("#", justify="right")
    # One column, one name a line: two side by side would cut long file names mid-word.
    table.add_column("Documents (✔ aligned  ◐ partial)", overflow="fold")
    marks = VerdictMarks(report)
    for overview in overlaps:
        table.add_row(
            _title(report, overview.priority_id),
            str(overview.partners),
            Breakable(_marked_names(report, overview, marks), indent=2),
        )
    console.print(table)
    console.print()


def _overlap_count(console: Console, report: Report) -> None:
    """Past the grid, the counts table already says how many partners share each priority;
    listing their names again would run to thousands of lines in a national run."""
    shared = len(report.analysis.overlaps)
    # With --partner the counts above are still of documents: say where partners are counted.
    where = (
        "the counts above are of documents; partners per priority and names"
        if report.grouped
        else "counts above; names"
    )
    console.print(
        f"Overlaps: {shared} of {len(report.framework.priorities)} priorities have two or more "
        f"partners ({where} in the json, markdown and html reports).\n"
    )


def _outside(console: Console, report: Report) -> None:
    analysis = report.analysis
    table = Table(
        title="Outside the framework: stated priorities that match no framework priority",
        box=box.SIMPLE,
        title_justify="left",
    )
    table.add_column("Document", overflow="fold")
    table.add_column("Stated priorities (where)", overflow="fold")
    listed = [(path, found) for path, found in analysis.outside.items() if found]
    for path, statements in listed[:_MANY_ROWS]:
        shown = [
            f"{' '.join(s.text.split())} ({where(s.location)})" for s in statements[:_OUTSIDE_SHOWN]
        ]
        if len(statements) > _OUTSIDE_SHOWN:
            shown.append(f"… and {len(statements) - _OUTSIDE_SHOWN} more (all in --format json)")
        table.add_row(Breakable(short_name(path, report)), "\n".join(shown))
    _more_documents(table, len(listed))
    if table.row_count:
        console.print(table)
    else:
        console.print(f"Outside the framework: none. {nothing_outside(report)}")
    console.print()
    if analysis.shared_outside:
        shared = Table(
            title="Shared outside the framework (candidates for the framework)",
            box=box.SIMPLE,
            title_justify="left",
        )
        shared.add_column("Theme", overflow="fold")
        shared.add_column("Documents", overflow="fold")
        for group in analysis.shared_outside:
            names = ", ".join(short_name(p, report) for p in group.documents)
            shared.add_row(group.label, Breakable(names))
        console.print(shared)
        console.print()


def _evidence(console: Console, report: Report, explain: bool = False) -> None:
    marks = VerdictMarks(report)
    partial = report.thresholds.partial
    for result in report.documents:
        if result.status != "ok":
            continue
        title = f"Evidence · {shown_path(result.path)}"
        if result.partner is not None:
            title += f" · {one_line(result.partner)}"
        if result.title is not None:
            title += f" · Title: {one_line(without_sequences(result.title))}"
        if console.width < _EVIDENCE_TABLE_WIDTH:
            _evidence_as_lines(console, report, result, marks, title, explain)
            continue
        table = Table(title=title, box=box.SIMPLE, title_justify="left")
        table.add_column("Priority", overflow="fold", max_width=28)
        table.add_column("Verdict", no_wrap=True)
        table.add_column("Score", justify="right")
        table.add_column("Quote", overflow="fold")
        table.add_column("Where", overflow="fold", max_width=30)
        if explain:
            table.add_column(
                "Why (words in common; signal, value, effect)", overflow="fold", max_width=36
            )
        for alignment in result.alignments:
            why = [_why(alignment, report.framework)] if explain else []
            verdict = mark(alignment.status, label=True)
            reviewed = marks.is_reviewed(result.path, alignment.priority_id)
            for said in marks.marks(result.path, alignment.priority_id).split():
                verdict.append(f"\n{said.strip('()')}", style="italic")
            title = _title(report, alignment.priority_id)
            score = score_text(alignment.score, partial, reviewed)
            lead = reviewed_lead(reviewed, alignment, report, result.path)
            if not alignment.evidence:
                near = alignment.nearest
                note = nothing_near_note(alignment, partial)
                if near is not None:
                    note = f"{closest_note(alignment, partial)}: {_quote(near.text, near.kind)}"
                place = where(near.location, result.title) if near is not None else ""
                table.add_row(title, verdict, score, Text(lead + note, style="dim"), place, *why)
                continue
            best, *rest = alignment.evidence
            quote = lead + _quote(best.text, best.kind)
            # A stated priority quoted after the best is inside the framework by this verdict
            # alone: shown here, or it would be in no table of the report.
            for named in (e for e in rest if e.kind == "priority"):
                place = where(named.location, result.title)
                quote += f"\nalso {_quote(named.text, named.kind)}, {place}"
            table.add_row(title, verdict, score, quote, where(best.location, result.title), *why)
        console.print(table)
        console.print()


# Narrower than this, five columns fold their words into pieces ('Prio' / 'rity', a quote
# three characters wide): each verdict is then given as lines.
_EVIDENCE_TABLE_WIDTH = 72


def _evidence_as_lines(
    console: Console,
    report: Report,
    result: Any,
    marks: VerdictMarks,
    title: str,
    explain: bool,
) -> None:
    """Each verdict as a line of its priority, verdict and score, then its quote and place
    indented beneath, for a terminal too narrow for the table."""
    from rich.padding import Padding

    partial = report.thresholds.partial
    console.print(Text(title, style="italic"))
    for alignment in result.alignments:
        reviewed = marks.is_reviewed(result.path, alignment.priority_id)
        head = Text(f"{_title(report, alignment.priority_id)} · ", style="bold")
        head.append(mark(alignment.status, label=True))
        said = marks.marks(result.path, alignment.priority_id)
        score = score_text(alignment.score, partial, reviewed)
        head.append(f" {said} · {score}" if said else f" · {score}")
        console.print(Padding(head, (0, 0, 0, 2)))
        if alignment.evidence:
            best = alignment.evidence[0]
            quote, place = _quote(best.text, best.kind), where(best.location, result.title)
        else:
            near = alignment.nearest
            quote = nothing_near_note(alignment, partial)
            if near is not None:
                quote = f"{closest_note(alignment, partial)}: {_quote(near.text, near.kind)}"
            place = where(near.location, result.title) if near is not None else ""
        lead = reviewed_lead(reviewed, alignment, report, result.path)
        console.print(Padding(Text(lead + quote), (0, 0, 0, 4)))
        if place:
            console.print(Padding(Text(place, style="dim"), (0, 0, 0, 4)))
        if explain:
            why = _why(alignment, report.framework).replace("\n", "; ")
            console.print(Padding(Text(why), (0, 0, 0, 4)))
    console.print()


def _why(alignment: Alignment, framework: Framework) -> str:
    """The words the quote shares with the priority, then the signals that moved the verdict
    most, strongest first: features alone never said that 'five' of a description's 'age
    five' was all a sentence on licensing had in common with the best start in life."""
    lines = [
        f"{_reason_name(r)} = {r.value:.2f}, {r.contribution:+.1f}"
        for r in alignment.reasons[:_REASONS_SHOWN]
    ]
    quoted = alignment.evidence[0] if alignment.evidence else alignment.nearest
    if quoted is not None:
        from alignck.match import words_in_common

        # A verdict taken from a part quotes the part: its words are the ones to show.
        priority = alignment.through or alignment.priority_id
        shared = list(words_in_common(framework, priority, quoted.text))
        said = first_few(shared, _WORDS_SHOWN) if shared else "none (by meaning alone)"
        lines.insert(0, f"words in common: {said}")
    return "\n".join(lines)


_WORDS_SHOWN = 6


def _reason_name(reason: Reason) -> str:
    """The signal and its feature in words ('terms best', 'embedding coverage best'), the
    signal's name said once where the feature repeats it."""
    feature = reason.feature.removeprefix(f"{reason.signal}_")
    return f"{reason.signal} {feature.replace('_', ' ')}"


_REASONS_SHOWN = 3


def _quote(text: str, kind: str) -> str:
    # On one line: a line break inside a quote would let document text start a line of the log.
    text = " ".join(without_sequences(text).split())
    return f"“{clipped(text, _QUOTE_LENGTH)}” ({kind_shown(kind)})"


def _problems(console: Console, report: Report) -> None:
    for result in report.errors:
        console.print(Text(f"error: {one_line(result.error or '')}", style="bold red"))
    for result in report.documents:
        for warning in result.warnings:
            shown = f"warning: {shown_path(result.path)}: {warning}"
            console.print(Text(shown, style="yellow"))
    for skipped in report.skipped:
        console.print(Text(f"skipped: {shown_path(skipped.path)} ({skipped.reason})", style="dim"))


def _marked_names(
    report: Report, overview: PriorityOverview, marks: VerdictMarks, shown: int = 8
) -> Text:
    """Aligned documents then partial ones, each marked (and where a reviewer set the verdict
    or a waiver accepts it, said so, as in the grid), cut short for a national run."""
    listed: list[tuple[Status, str]] = [("aligned", p) for p in overview.aligned]
    listed += [("partial", p) for p in overview.partial]
    lines = Text()
    for position, (status, path) in enumerate(listed[:shown]):
        if position:
            lines.append("\n")
        lines.append(SYMBOLS[status], style=STYLES[status])
        lines.append(f" {short_name(path, report)}{marks.marks(path, overview.priority_id)}")
    if len(listed) > shown:
        lines.append(f"\n… and {len(listed) - shown} more")
    return lines


def _more_documents(table: Table, rows: int) -> None:
    if rows > _MANY_ROWS:
        hidden = Text(f"… {rows - _MANY_ROWS} more documents", style="dim")
        table.add_row(hidden, "(all in --format json or csv)")


def _more(names: list[str]) -> str:
    return f", … and {len(names) - _MANY_ROWS} more" if len(names) > _MANY_ROWS else ""


def _title(report: Report, priority_id: str) -> str:
    return report.framework.priority(priority_id).title
