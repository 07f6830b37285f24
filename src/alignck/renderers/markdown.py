"""Markdown report: the terminal report's tables as GitHub-flavoured Markdown, for sharing.

Like the terminal, past a dozen documents it counts verdicts per priority instead of drawing a
column per document."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TextIO

from alignck.escape import markdown_text, one_line
from alignck.model import DocumentResult, Priority, Report
from alignck.renderers import GRID_DOCUMENTS, RenderOptions
from alignck.renderers._common import (
    COVERAGE_RULE,
    PARTNERS_HEADER,
    PARTNERS_NOTE,
    PARTNERS_TITLE,
    PLACE_RULE,
    REVIEWED_HEADER,
    STALE_REVIEWS_NOTE,
    STALE_WAIVERS_NOTE,
    SYMBOLS,
    WAIVED_HEADER,
    VerdictMarks,
    closest_note,
    document_problems,
    failed_heading,
    held_to,
    kind_shown,
    marked_names,
    missing_names,
    nothing_near_note,
    nothing_outside,
    overlap_unit,
    partner_rows,
    percent,
    policy_verdict,
    priorities_counted,
    provenance,
    review_warnings,
    reviewed_lead,
    reviewed_rows,
    score_rule,
    score_text,
    short_name,
    stale_waiver_lines,
    system_counts,
    system_percent,
    unaddressed_marks,
    waived_rows,
    where,
)
from alignck.wording import counted
from alignck.written import MARKDOWN_MARK


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    lines = [MARKDOWN_MARK, f"# alignck report: {_cell(report.framework.name)}", ""]
    results = [r for r in report.documents if r.status == "ok"]
    lines.append(
        f"{counted(len(results), 'document')} checked against "
        f"{priorities_counted(report)}; "
        f"system coverage {system_percent(report)} ({system_counts(report)})."
    )
    lines += ["", f"_{COVERAGE_RULE}_", "", f"_{score_rule(report)} {PLACE_RULE}_", ""]
    verdict = policy_verdict(report)
    if verdict is not None:
        passed, reasons = verdict
        terms = held_to(report)
        if passed:
            lines.append("**Policy: passed.**" + (f" Held to: {_cell(terms)}." if terms else ""))
        else:
            held = f" (held to: {_cell(terms)})" if terms else ""
            lines.append(f"**{failed_heading(report)}:**{held}")
        lines += [f"- {_cell(one_line(reason))}" for reason in reasons]
        lines.append("")
    if report.policy.baseline_notes:
        # What comparing with the baseline found (a document renamed, a priority reworded or
        # left unaddressed): the JSON and CI formats had them, the reports people read not.
        lines.append("**Compared with the baseline:**")
        lines += [f"- {_cell(one_line(note))}" for note in report.policy.baseline_notes]
        lines.append("")
    lines += _provenance(report)
    if results:
        coverage = _grid(report, results) if len(results) <= GRID_DOCUMENTS else _counts(report)
        lines += coverage + _partners(report)
        lines += _gaps(report) + _waived(report) + _stale_waivers(report) + _reviewed(report)
        lines += _stale_reviews(report)
        lines += _overlaps(report) + _outside(report)
    evidence = _evidence(report) if results and options.evidence is not False else iter(())
    problems = [f"- {_cell(one_line(line))}" for line in document_problems(report)]
    tail = ["## Problems", "", *problems, ""] if problems else []
    _write_trimmed(out, itertools.chain(lines, evidence, tail))


def _partners(report: Report) -> list[str]:
    rows = partner_rows(report)
    if not rows:
        return []
    lines = [f"## {PARTNERS_TITLE}", "", f"_{PARTNERS_NOTE}_", ""]
    lines += [_row(PARTNERS_HEADER), _row(["---", "---", "---:", "---"])]
    lines += [_row([_cell(cell) for cell in row]) for row in rows]
    return [*lines, ""]


def _provenance(report: Report) -> list[str]:
    """What produced the verdicts, so a shared report can be reproduced."""
    lines = ["<details><summary>How this report was made</summary>", ""]
    lines += [f"- {label}: {_cell(value)}" for label, value in provenance(report)]
    return [*lines, "", "</details>", ""]


def _grid(report: Report, results: list[DocumentResult]) -> list[str]:
    analysis = report.analysis
    lines = ["## Coverage", "", "✔ aligned · ◐ partial · ✘ gap", ""]
    header = ["Priority", *[_cell(short_name(r.path, report)) for r in results], "System"]
    lines += [_row(header), _row(["---"] * len(header))]
    statuses = [{a.priority_id: a.status for a in r.alignments} for r in results]
    marks = VerdictMarks(report)
    for overview in analysis.priorities:
        priority = report.framework.priority(overview.priority_id)
        # The word beside the symbol, which a screen reader reads out as a shape, and the
        # marks a reviewed or waived verdict carries wherever it is shown.
        cells = [
            f"{SYMBOLS[status]} {status}{marks.marks(r.path, priority.id)}"
            for r, status in ((r, statuses[i][priority.id]) for i, r in enumerate(results))
        ]
        system = f"{SYMBOLS[overview.status]} {overview.status}"
        lines.append(_row([_title_cell(priority), *cells, system]))
    footer = [
        "**Coverage**",
        *[percent(analysis.document_coverage[r.path].exact_percent) for r in results],
        system_percent(report),
    ]
    return [*lines, _row(footer), ""]


def _title_cell(priority: Priority) -> str:
    """A priority's title and id, as the terminal's and HTML's grids give them (a framework
    of indicators is read and waived by id: 'A2.3.1' was nowhere in the report), a
    sub-priority's indented under its parent's: a Markdown table drops leading spaces, so
    non-breaking ones and a hook carry the level."""
    title = f"{priority.title} [{priority.id}]"
    if not priority.depth:
        return _cell(title)
    return "&nbsp;&nbsp;" * (priority.depth - 1) + "↳ " + _cell(title)


def _named(priority: Priority, repeated: frozenset[str]) -> str:
    """Its title, with its id where another priority has the same title."""
    if priority.title.casefold() in repeated:
        return f"{priority.title} [{priority.id}]"
    return priority.title


def _repeated_titles(report: Report) -> frozenset[str]:
    titles = Counter(p.title.casefold() for p in report.framework.priorities)
    return frozenset(title for title, count in titles.items() if count > 1)


def _counts(report: Report) -> list[str]:
    """Past a dozen documents a grid is wider than any page: per priority, how many
    documents align with it; per document, its coverage (every verdict is in the evidence)."""
    analysis = report.analysis
    checked = len(analysis.document_coverage)
    lines = [f"## Coverage across {checked} documents", ""]
    lines += [_row(["Priority", "✔ aligned", "◐ partial", "✘ gap", "System"])]
    lines += [_row(["---", "---:", "---:", "---:", "---"])]
    for overview in analysis.priorities:
        priority = report.framework.priority(overview.priority_id)
        aligned, partial = len(overview.aligned), len(overview.partial)
        counts = [str(aligned), str(partial), str(checked - aligned - partial)]
        system = f"{SYMBOLS[overview.status]} {overview.status}"
        lines.append(_row([_title_cell(priority), *counts, system]))
    lines += [
        "",
        _row(["Document", "Coverage", "✔ aligned", "◐ partial", "✘ gap"]),
        _row(["---", "---:", "---:", "---:", "---:"]),
    ]
    for path, coverage in analysis.document_coverage.items():
        counts = [str(coverage.aligned), str(coverage.partial), str(coverage.gap)]
        lines.append(
            _row([_cell(short_name(path, report)), percent(coverage.exact_percent), *counts])
        )
    return [*lines, ""]


def _write_trimmed(out: TextIO, lines: Iterable[str]) -> None:
    """Write line by line (the evidence of a national run is hundreds of megabytes), leaving
    out blank lines at the end."""
    blank: list[str] = []
    for line in lines:
        if line.strip():
            out.write("".join(f"{b}\n" for b in blank) + line + "\n")
            blank.clear()
        else:
            blank.append(line)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    # Every text from a document, a file name or the framework: raw HTML in a shared report
    # would run in the viewer ('<img onerror>'), and a pipe would split the table cell.
    return markdown_text(text)


def _gaps(report: Report) -> list[str]:
    analysis = report.analysis
    lines = ["## Gaps", ""]
    if analysis.unaddressed:
        repeated = _repeated_titles(report)
        marks = unaddressed_marks(report)
        titles = "; ".join(
            _named(report.framework.priority(i), repeated) + marks[i] for i in analysis.unaddressed
        )
        lines += [f"Not addressed by any document: {_cell(titles)}", ""]
    rows = [(path, ids) for path, ids in analysis.missed.items() if ids]
    if rows:
        lines += [_row(["Document", "Missing priorities"]), _row(["---", "---"])]
        for path, ids in rows:
            titles = "; ".join(missing_names(report, path, ids))
            lines.append(_row([_cell(short_name(path, report)), _cell(titles)]))
    else:
        lines.append("Every document addresses every priority.")
    return [*lines, ""]


def _waived(report: Report) -> list[str]:
    rows = waived_rows(report)
    if not rows:
        return []
    note = "Accepted gaps and partial verdicts: still counted in coverage; no policy fails on them."
    lines = ["## Waived", "", note, ""]
    lines += [_row(WAIVED_HEADER), _row(["---"] * len(WAIVED_HEADER))]
    lines += [_row([_cell(c) for c in row]) for row in rows]
    return [*lines, ""]


def _stale_waivers(report: Report) -> list[str]:
    return _to_look_at("Waivers to look at", STALE_WAIVERS_NOTE, stale_waiver_lines(report))


def _stale_reviews(report: Report) -> list[str]:
    return _to_look_at("Reviews to look at", STALE_REVIEWS_NOTE, review_warnings(report))


def _to_look_at(title: str, note: str, lines: list[str]) -> list[str]:
    """A section listing waivers or reviews to look at, or nothing where there are none."""
    if not lines:
        return []
    return [f"## {title}", "", note, "", *(f"- {_cell(line)}" for line in lines), ""]


def _reviewed(report: Report) -> list[str]:
    rows = reviewed_rows(report)
    if not rows:
        return []
    note = "Verdicts set by a reviewer: they replace alignck's in coverage, gaps and policy."
    lines = ["## Reviewed", "", note, ""]
    lines += [_row(REVIEWED_HEADER), _row(["---"] * len(REVIEWED_HEADER))]
    lines += [_row([_cell(c) for c in row]) for row in rows]
    return [*lines, ""]


def _overlaps(report: Report) -> list[str]:
    lines = ["## Overlaps", ""]
    if not report.analysis.overlaps:
        return [*lines, f"No priority is addressed by two or more {overlap_unit(report)}.", ""]
    # With --partner, how many partners each: the documents listed count one partner's apart.
    counted = ["Partners"] if report.grouped else []
    header = ["Priority", *counted, "Documents (✔ aligned, ◐ partial)"]
    lines += [_row(header), _row(["---"] * len(header))]
    marks = VerdictMarks(report)
    for overview in report.analysis.overlaps:
        names = ", ".join(marked_names(report, overview, marks))
        title = _cell(report.framework.priority(overview.priority_id).title)
        partners = [str(overview.partners)] if report.grouped else []
        lines.append(_row([title, *partners, _cell(names)]))
    return [*lines, ""]


def _outside(report: Report) -> list[str]:
    analysis = report.analysis
    rows = [(path, s) for path, found in analysis.outside.items() for s in found]
    lines = ["## Outside the framework", ""]
    if not rows:
        return [*lines, markdown_text(nothing_outside(report)), ""]
    lines += [_row(["Document", "Stated priority", "Where"]), _row(["---", "---", "---"])]
    for path, statement in rows:
        lines.append(
            _row(
                [
                    _cell(short_name(path, report)),
                    _cell(statement.text),
                    _cell(where(statement.location)),
                ]
            )
        )
    if analysis.shared_outside:
        lines += ["", "Shared by several partners (candidates for the framework):", ""]
        for group in analysis.shared_outside:
            names = ", ".join(short_name(p, report) for p in group.documents)
            lines.append(f"- {_cell(group.label)} ({_cell(names)})")
    return [*lines, ""]


def _titled(result: DocumentResult) -> list[str]:
    """The document's title, said once above its evidence, whose places leave it out."""
    if result.title is None:
        return []
    return [f"Title: {_cell(one_line(result.title))}", ""]


def _evidence(report: Report) -> Iterator[str]:
    yield from ("## Evidence", "")
    marks = VerdictMarks(report)
    partial = report.thresholds.partial
    repeated = _repeated_titles(report)
    for result in report.documents:
        if result.status != "ok":
            continue
        lines = [
            f"### {_cell(short_name(result.path, report))}",
            "",
            *_titled(result),
            _row(["Priority", "Verdict", "Score", "Evidence", "Where"]),
            _row(["---", "---", "---:", "---", "---"]),
        ]
        for alignment in result.alignments:
            title = _named(report.framework.priority(alignment.priority_id), repeated)
            reviewed = marks.is_reviewed(result.path, alignment.priority_id)
            lead = reviewed_lead(reviewed, alignment, report, result.path)
            if alignment.evidence:
                # Every quote: the commitment behind 'aligned' is often not the first.
                quotes = (f"“{e.text}” ({kind_shown(e.kind)})" for e in alignment.evidence)
                quote = lead + " · ".join(quotes)
                place = " · ".join(where(e.location, result.title) for e in alignment.evidence)
            elif alignment.nearest:
                near = alignment.nearest
                shown = f"“{near.text}” ({kind_shown(near.kind)})"
                quote = f"{lead}{closest_note(alignment, partial)}: {shown}"
                place = where(near.location, result.title)
            else:
                quote, place = lead + nothing_near_note(alignment, partial), ""
            row = [
                _cell(title),
                marks.label(result.path, alignment),
                score_text(alignment.score, partial, reviewed),
                _cell(quote),
                _cell(place),
            ]
            lines.append(_row(row))
        lines.append("")
        yield from lines
