"""HTML report: one self-contained page to share, attach or print (no external files).

The coverage grid is a heat-map: each cell is coloured by its verdict and shaded by its score,
and opens (a ``<details>`` element, so it works without scripts) to show its evidence. A few
lines of inline script add filters by document and priority; without scripts the page is
complete, just unfiltered. Past a dozen documents, counts instead of a grid, as in Markdown.
Every verdict reads from its symbol and word, so the page works printed in black and white, and
every text from a document, a file name or the framework is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from alignck.escape import html_text as escape
from alignck.escape import one_line
from alignck.model import Alignment, DocumentResult, Evidence, Report, Status
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

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; background: #fff;
  max-width: 90rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; vertical-align: top; }
th { background: #f0f0f0; text-align: left; }
td.aligned { background: #dff3e4; } td.partial { background: #fff4cc; }
td.gap { background: #fbe0e0; } td.mark { text-align: center; white-space: nowrap; }
#matrix td.cell { min-width: 5rem; text-align: center; }
#matrix td.cell.aligned { background: rgba(26, 127, 55, calc(0.15 + 0.55 * var(--score))); }
#matrix td.cell.partial { background: rgba(212, 167, 44, calc(0.15 + 0.55 * var(--score))); }
.policy { border-left: 4px solid; padding-left: 0.6rem; }
.policy.failed { border-color: #cf222e; } .policy.passed { border-color: #1a7f37; }
#matrix td.cell.gap { background: rgba(207, 34, 46, calc(0.35 - 0.25 * var(--score))); }
#matrix summary { cursor: pointer; white-space: nowrap; }
#matrix .evidence { text-align: left; min-width: 16rem; max-width: 28rem; font-size: 0.9rem; }
#matrix tbody th { font-weight: normal; background: none; }
#matrix td.cell .muted { color: inherit; font-style: italic; }
.filters { margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
table.data tbody th[scope="row"] { font-weight: normal; background: none; }
li, .provenance td { overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
@media screen and (max-width: 40rem) { body { margin: 0.75rem; } }
[hidden] { display: none !important; }
.muted { color: #5f5f5f; } .id { white-space: nowrap; }
@media screen { .scroll { overflow-x: auto; } }
#filter-note { font-weight: bold; } #filter-note:empty { margin: 0; }
@media print {
  /* A board pack is printed: a dozen documents' columns and the System column must all be
     on the page, not cut off at the sixth. */
  @page wide { size: landscape; margin: 1cm; }
  .grid { page: wide; }
  body { margin: 0; max-width: none; }
  #matrix { font-size: 7.5pt; }
  #matrix th, #matrix td { padding: 0.1rem 0.2rem; }
  #matrix td.cell { min-width: 0; }
  #matrix summary { white-space: normal; }
  #matrix tbody th { max-width: 12rem; }
  #matrix thead th[data-document] { writing-mode: vertical-rl; transform: rotate(180deg); }
  /* A long name wraps into a few upright lines: written in one, a 150-character name took
     a page of its own, and the grid's rows printed without their header. */
  #matrix thead th[data-document] .name {
    display: inline-block; max-inline-size: 24em; white-space: normal;
  }
  .filters, .screen { display: none !important; }
  td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, details { break-inside: avoid; }
  #matrix summary { list-style: none; }
}
"""

# Shows the filters and applies them; reads only data attributes the page itself wrote.
_SCRIPT = """
(function () {
  // Paper cannot open a summary: how the report was made is printed open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.provenance").forEach(function (d) { d.open = true; });
  });
})();
(function () {
  var filters = document.getElementById("filters");
  var byDocument = document.getElementById("document-filter");
  var byPriority = document.getElementById("priority-filter");
  if (!filters || !byDocument || !byPriority) { return; }
  filters.hidden = false;
  var note = document.getElementById("filter-note");
  function apply() {
    var chosen = byDocument.value;
    var words = byPriority.value.trim().toLowerCase();
    // Printed with a filter on, the page must say it shows part of the run.
    var shown = [];
    if (chosen !== "") { shown.push("document " + byDocument.selectedOptions[0].text); }
    if (words !== "") { shown.push("priorities matching \u201c" + words + "\u201d"); }
    document.querySelectorAll("[data-document]").forEach(function (cell) {
      cell.hidden = chosen !== "" && cell.getAttribute("data-document") !== chosen;
    });
    // Each word, anywhere in the title or id: 'best start life' finds 'the best start in life'.
    var each = words.split(/\\s+/).filter(function (word) { return word !== ""; });
    var matching = 0;
    document.querySelectorAll("tr[data-priority]").forEach(function (row) {
      var named = row.getAttribute("data-priority");
      row.hidden = !each.every(function (word) { return named.indexOf(word) >= 0; });
      if (!row.hidden) { matching += 1; }
    });
    // A live status, always there: a screen reader hears each change, and a filter that
    // hides every row says so.
    if (note) {
      note.textContent = !shown.length ? "" : (matching || words === "" ? "Filtered: only " +
        shown.join(" and ") + " shown; the summary and the System column are for every " +
        "document." : "No priority matches \u201c" + words + "\u201d.");
    }
  }
  byDocument.addEventListener("change", apply);
  byPriority.addEventListener("input", apply);
})();
"""
_QUOTES_IN_CELL = 3
# A symbol alone is read out as its shape ('circle with left half black').
_STATUS_HEADERS = ("✔ aligned", "◐ partial", "✘ gap")


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    analysis = report.analysis
    results = [r for r in report.documents if r.status == "ok"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        "<!-- written by alignck: a report, not a document to check -->",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>alignck report: {escape(one_line(report.framework.name))}</title>",
        # A landmark: a screen reader's user goes to the report past nothing else.
        f"<style>{_STYLE}</style></head><body><main>",
        f"<h1>alignck report: {escape(one_line(report.framework.name))}</h1>",
        f"<p>{counted(len(results), 'document')} checked against "
        f"{priorities_counted(report)}; "
        f"system coverage {system_percent(report)} "
        f"({escape(system_counts(report))}).</p>",
        f'<p class="muted">{escape(COVERAGE_RULE)}</p>',
        f'<p class="muted">{escape(score_rule(report))} {escape(PLACE_RULE)}</p>',
        *_policy(report),
        *_provenance(report),
    ]
    if results:
        quoted = options.evidence is not False
        parts += _grid(report, quoted) if len(results) <= GRID_DOCUMENTS else _counts(report)
        if rows := partner_rows(report):
            parts += _table(
                escape(PARTNERS_TITLE),
                [escape(h) for h in PARTNERS_HEADER],
                [[escape(cell) for cell in row] for row in rows],
                "",
            )
            parts.append(f'<p class="muted">{escape(PARTNERS_NOTE)}</p>')
        parts += _gaps(report)
        if analysis.waived:
            parts += _table(
                "Waived (accepted gaps and partial verdicts, still counted in coverage; no policy "
                "fails on them)",
                WAIVED_HEADER,
                waived_rows(report),
                "",
            )
        parts += _to_look_at("Waivers to look at", STALE_WAIVERS_NOTE, stale_waiver_lines(report))
        if analysis.reviewed:
            parts += _table(
                "Reviewed (verdicts set by a reviewer, used in coverage and policy)",
                REVIEWED_HEADER,
                reviewed_rows(report),
                "",
            )
        parts += _to_look_at("Reviews to look at", STALE_REVIEWS_NOTE, review_warnings(report))
        parts += _overlaps(report)
        parts += _outside(report)
    out.write("\n".join(parts) + "\n")
    if results and options.evidence is not False:
        if len(results) > GRID_DOCUMENTS:
            # Without the grid the filters act on the evidence, where a large run needs them.
            out.write("\n".join(_filters(report, results)) + "\n")
        # Line by line: the evidence of a national run is hundreds of megabytes.
        for line in _evidence(report):
            out.write(line + "\n")
    problems = [f"<li>{escape(one_line(line))}</li>" for line in document_problems(report)]
    if problems:
        out.write("\n".join(["<h2>Problems</h2>", "<ul>", *problems, "</ul>"]) + "\n")
    out.write(f"</main><script>{_SCRIPT}</script>\n</body></html>\n")


def _provenance(report: Report) -> list[str]:
    """What produced the verdicts, so a shared report can be reproduced."""
    rows = [
        f'<tr><th scope="row">{escape(label)}</th><td>{escape(one_line(value))}</td></tr>'
        for label, value in provenance(report)
    ]
    return [
        '<details class="provenance"><summary>How this report was made</summary>',
        '<div class="scroll" role="region" aria-label="How this report was made" tabindex="0">',
        "<table>",
        *rows,
        "</table></div></details>",
    ]


def _mark(status: str) -> str:
    return f'<td class="mark {status}">{SYMBOLS[status]} {status}</td>'


def _grid(report: Report, quoted: bool = True) -> list[str]:
    """The coverage grid; ``quoted``: each cell opens to its quotes (not with --no-evidence,
    which left every quote in the page, inside the cells)."""
    results = [r for r in report.documents if r.status == "ok"]
    head = "".join(
        f'<th scope="col" data-document="{index}">'
        f'<span class="name">{escape(short_name(r.path, report))}</span></th>'
        for index, r in enumerate(results)
    )
    rows = [
        '<div class="grid">',
        "<h2>Coverage</h2>",
        '<p class="muted">✔ aligned · ◐ partial · ✘ gap; the deeper a cell\'s colour, the surer '
        "that the document addresses the priority (for a gap, that it does not): aligned also "
        "needs a commitment, so a partial can be surer than an aligned verdict."
        + ('<span class="screen"> Open a cell for its evidence.</span>' if quoted else "")
        + "</p>",
        *_filters(report, results),
        # Wider than the screen, the grid scrolls in a region of its own, reachable by
        # keyboard, not the whole page sideways (WCAG 1.4.10).
        '<div class="scroll" role="region" aria-label="Coverage grid" tabindex="0">',
        '<table id="matrix">',
        f'<thead><tr><th scope="col">Priority</th>{head}<th scope="col">System</th></tr></thead>',
        "<tbody>",
    ]
    verdicts = [{a.priority_id: a for a in r.alignments} for r in results]
    marks = VerdictMarks(report)
    for overview in report.analysis.priorities:
        priority = report.framework.priority(overview.priority_id)
        indent = "&nbsp;&nbsp;" * priority.depth
        # The indent is seen, not heard: a screen reader is told whose part it is.
        part_of = (
            f'<span class="visually-hidden">, part of '
            f"{escape(report.framework.priority(priority.parent).title)}</span>"
            if priority.parent
            else ""
        )
        cells = "".join(
            _cell(v[priority.id], index, report.thresholds.partial, marks, r.path, quoted)
            for index, (r, v) in enumerate(zip(results, verdicts, strict=True))
        )
        words = escape(f"{priority.id} {priority.title}".lower())
        rows.append(
            # A header cell: a screen reader names the priority with each verdict.
            f'<tr data-priority="{words}"><th scope="row">{indent}{escape(priority.title)} '
            f'<span class="muted id">[{escape(priority.id)}]</span>{part_of}</th>{cells}'
            f"{_mark(overview.status)}</tr>"
        )
    coverage = "".join(
        f'<td data-document="{index}">'
        f"{percent(report.analysis.document_coverage[r.path].exact_percent)}</td>"
        for index, r in enumerate(results)
    )
    rows.append(
        f'</tbody><tfoot><tr><th scope="row">Coverage</th>{coverage}'
        f"<td>{system_percent(report)}</td></tr></tfoot>"
    )
    return [*rows, "</table>", "</div>", "</div>"]


def _filters(report: Report, results: list[DocumentResult]) -> list[str]:
    """Hidden until the script shows them: without scripts they would do nothing."""
    options = "".join(
        f'<option value="{index}">{escape(short_name(r.path, report))}</option>'
        for index, r in enumerate(results)
    )
    return [
        '<div class="filters" id="filters" hidden>',
        '<label>Document <select id="document-filter"><option value="">every document</option>'
        f"{options}</select></label>",
        '<label>Priority <input id="priority-filter" type="search" '
        'placeholder="words of its title or id"></label>',
        "</div>",
        # Said as it changes, and shown: a filter that hides every row said nothing.
        '<p id="filter-note" role="status"></p>',
    ]


def _policy(report: Report) -> list[str]:
    verdict = policy_verdict(report)
    judged = _policy_verdict(report, verdict) if verdict is not None else []
    return judged + _baseline_notes(report)


def _baseline_notes(report: Report) -> list[str]:
    """What comparing with the baseline found, as the JSON and CI formats say it."""
    notes = report.policy.baseline_notes
    if not notes:
        return []
    items = "".join(f"<li>{escape(one_line(note))}</li>" for note in notes)
    return [f"<div><p><strong>Compared with the baseline:</strong></p><ul>{items}</ul></div>"]


def _policy_verdict(report: Report, verdict: tuple[bool, list[str]]) -> list[str]:
    passed, reasons = verdict
    terms = held_to(report)
    if passed:
        held = f" Held to: {escape(terms)}." if terms else ""
        return [f'<p class="policy passed"><strong>Policy: passed.</strong>{held}</p>']
    held = f" (held to: {escape(terms)})" if terms else ""
    items = "".join(f"<li>{escape(one_line(reason))}</li>" for reason in reasons)
    return [
        f'<div class="policy failed"><p><strong>{failed_heading(report)}:</strong>{held}</p>'
        f"<ul>{items}</ul></div>"
    ]


def _cell(
    alignment: Alignment,
    index: int,
    partial: float,
    marks: VerdictMarks,
    path: str,
    quoted: bool = True,
) -> str:
    """A heat-map cell: the verdict and score, opening to the quotes behind it. A reviewed
    verdict is coloured at full depth: the reviewer is sure, whatever alignck scored."""
    status: Status = alignment.status
    reviewed = marks.is_reviewed(path, alignment.priority_id)
    quotes = alignment.evidence[:_QUOTES_IN_CELL]
    lead = f'<p class="muted">{escape(reviewed_lead(reviewed).rstrip())}</p>' if reviewed else ""
    if quotes:
        body = lead + "".join(_quote(e) for e in quotes)
    elif alignment.nearest is not None:
        closest = escape(closest_note(alignment, partial))
        body = lead + f'<p class="muted">{closest}:</p>' + _quote(alignment.nearest)
    else:
        body = lead + f'<p class="muted">{escape(nothing_near_note(alignment, partial))}</p>'
    depth = (1.0 if status != "gap" else 0.0) if reviewed else min(max(alignment.score, 0.0), 1.0)
    summary = escape(
        f"{marks.label(path, alignment)} {score_text(alignment.score, partial, reviewed)}"
    )
    opening = f'<td class="cell {status}" data-document="{index}" style="--score: {depth:.2f}">'
    if not quoted:
        return f"{opening}{summary}</td>"
    return (
        f"{opening}<details><summary>{summary}</summary>"
        f'<div class="evidence">{body}</div></details></td>'
    )


def _quote(evidence: Evidence) -> str:
    place = escape(where(evidence.location))
    return (
        f'<p>“{escape(evidence.text)}” <span class="muted">({kind_shown(evidence.kind)}'
        f"{', ' + place if place else ''})</span></p>"
    )


def _counts(report: Report) -> list[str]:
    """Past a dozen documents a column each is wider than any screen (and a national run's
    page would be a million cells): per priority, how many documents align with it; per
    document, its coverage. Every verdict is still in the evidence."""
    analysis = report.analysis
    checked = len(analysis.document_coverage)
    by_priority = []
    for overview in analysis.priorities:
        priority = report.framework.priority(overview.priority_id)
        aligned, partial = len(overview.aligned), len(overview.partial)
        counts = [str(aligned), str(partial), str(checked - aligned - partial)]
        # Indented under its parent and with its id, as the grid of fewer documents gives
        # it: a framework of indicators read as flat siblings, none of them by its id.
        named = "\u00a0\u00a0" * priority.depth + f"{priority.title} [{priority.id}]"
        by_priority.append([named, *counts, f"{SYMBOLS[overview.status]} {overview.status}"])
    by_document = [
        [
            short_name(path, report),
            percent(c.exact_percent),
            str(c.aligned),
            str(c.partial),
            str(c.gap),
        ]
        for path, c in analysis.document_coverage.items()
    ]
    return [
        *_table(
            f"Coverage across {checked} documents",
            ["Priority", "✔ aligned", "◐ partial", "✘ gap", "System"],
            by_priority,
            "",
        ),
        *_table(
            "Coverage by document", ["Document", "Coverage", *_STATUS_HEADERS], by_document, ""
        ),
    ]


def _table(title: str, header: list[str], rows: list[list[str]], empty: str) -> list[str]:
    if not rows:
        return [f"<h2>{title}</h2>", f"<p>{empty}</p>"]
    lines = [
        f"<h2>{title}</h2>",
        *_table_start(title),
        "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in header) + "</tr></thead>",
        "<tbody>",
    ]
    lines += [row_named_by_its_first_cell(row) for row in rows]
    return [*lines, "</tbody></table></div>"]


def row_named_by_its_first_cell(cells: Sequence[str]) -> str:
    """A table row of plain texts, its first cell the row's header, as a screen reader
    announces it with every other cell."""
    return (
        "<tr>"
        + "".join(
            f'<th scope="row">{escape(c)}</th>' if at == 0 else f"<td>{escape(c)}</td>"
            for at, c in enumerate(cells)
        )
        + "</tr>"
    )


def _table_start(title: str) -> list[str]:
    """A data table opened in a region that scrolls, not the page (a narrow screen reflows
    the rest), captioned for the list of tables a screen reader gives."""
    return [
        f'<div class="scroll" role="region" aria-label="{title}" tabindex="0">',
        f'<table class="data"><caption class="visually-hidden">{title}</caption>',
    ]


def _gaps(report: Report) -> list[str]:
    analysis = report.analysis
    rows = []
    if analysis.unaddressed:
        marks = unaddressed_marks(report)
        titles = "; ".join(
            report.framework.priority(i).title + marks[i] for i in analysis.unaddressed
        )
        rows.append(["every document", titles])
    for path, ids in analysis.missed.items():
        if ids:
            rows.append([short_name(path, report), "; ".join(missing_names(report, path, ids))])
    return _table(
        "Gaps", ["Document", "Missing priorities"], rows, "Every document addresses every priority."
    )


def _to_look_at(title: str, note: str, lines: list[str]) -> list[str]:
    """A section listing waivers or reviews to look at, or nothing where there are none."""
    if not lines:
        return []
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return [f"<h2>{title}</h2>", f'<p class="muted">{escape(note)}</p><ul>{items}</ul>']


def _overlaps(report: Report) -> list[str]:
    marks = VerdictMarks(report)
    # With --partner, how many partners each: the documents listed count one partner's apart.
    rows = [
        [
            report.framework.priority(o.priority_id).title,
            *([str(o.partners)] if report.grouped else []),
            ", ".join(marked_names(report, o, marks)),
        ]
        for o in report.analysis.overlaps
    ]
    counted = ["Partners"] if report.grouped else []
    return _table(
        "Overlaps",
        ["Priority", *counted, "Documents (✔ aligned, ◐ partial)"],
        rows,
        f"No priority is addressed by two or more {overlap_unit(report)}.",
    )


def _outside(report: Report) -> list[str]:
    analysis = report.analysis
    rows = [
        [short_name(path, report), s.text, where(s.location)]
        for path, found in analysis.outside.items()
        for s in found
    ]
    lines = _table(
        "Outside the framework",
        ["Document", "Stated priority", "Where"],
        rows,
        # Names documents by their file names: escaped, as every cell is.
        escape(nothing_outside(report)),
    )
    if analysis.shared_outside:
        lines.append("<p>Shared by several partners (candidates for the framework):</p><ul>")
        lines += [
            f"<li>{escape(g.label)} ({escape(_names(report, g.documents))})</li>"
            for g in analysis.shared_outside
        ]
        lines.append("</ul>")
    return lines


def _evidence(report: Report) -> Iterator[str]:
    yield "<h2>Evidence</h2>"
    marks = VerdictMarks(report)
    partial = report.thresholds.partial
    results = [r for r in report.documents if r.status == "ok"]
    for index, result in enumerate(results):
        lines = [
            # Numbered as the filters number documents, so they show one document's evidence.
            f'<section data-document="{index}">',
            f"<h3>{escape(short_name(result.path, report))}</h3>",
            *(
                [f'<p class="muted">Title: {escape(one_line(result.title))}</p>']
                if result.title is not None
                else []
            ),
            *_table_start(f"Evidence: {escape(short_name(result.path, report))}"),
            "<thead><tr>"
            + "".join(
                f'<th scope="col">{h}</th>'
                for h in ("Priority", "Verdict", "Score", "Evidence", "Where")
            )
            + "</tr></thead><tbody>",
        ]
        for alignment in result.alignments:
            title = escape(report.framework.priority(alignment.priority_id).title)
            reviewed = marks.is_reviewed(result.path, alignment.priority_id)
            lead = escape(reviewed_lead(reviewed, alignment, report, result.path))
            if alignment.evidence:
                # Every quote: the commitment behind 'aligned' is often not the first.
                quote = lead + " · ".join(
                    f'“{escape(e.text)}” <span class="muted">({kind_shown(e.kind)})</span>'
                    for e in alignment.evidence
                )
                place = " · ".join(
                    escape(where(e.location, result.title)) for e in alignment.evidence
                )
            elif alignment.nearest:
                closest = escape(closest_note(alignment, partial))
                near = escape(alignment.nearest.text)
                quote = f'{lead}<span class="muted">{closest}: “{near}”</span>'
                place = escape(where(alignment.nearest.location, result.title))
            else:
                note = escape(nothing_near_note(alignment, partial))
                quote, place = f'{lead}<span class="muted">{note}</span>', ""
            label = escape(marks.label(result.path, alignment))
            score = escape(score_text(alignment.score, partial, reviewed))
            priority = report.framework.priority(alignment.priority_id)
            words = escape(f"{priority.id} {priority.title}".lower())
            named = f'{title} <span class="muted id">[{escape(priority.id)}]</span>'
            lines.append(
                f'<tr data-priority="{words}"><th scope="row">{named}</th>'
                f'<td class="mark {alignment.status}">{label}</td>'
                f"<td>{score}</td><td>{quote}</td><td>{place}</td></tr>"
            )
        lines.append("</tbody></table></div></section>")
        yield from lines


def _names(report: Report, paths: tuple[str, ...]) -> str:
    return ", ".join(short_name(p, report) for p in paths)
