"""HTML report: one self-contained page (no scripts, no external files) to share or attach.

The same sections as the Markdown report, with the coverage grid coloured (past a dozen
documents, counts instead, as in Markdown); every verdict reads from its symbol and word, so the
page works printed in black and white too.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import TextIO

from alignck import __version__
from alignck.model import Report
from alignck.renderers import GRID_DOCUMENTS, RenderOptions
from alignck.renderers._common import (
    REVIEWED_HEADER,
    SYMBOLS,
    WAIVED_HEADER,
    document_problems,
    marked_names,
    percent,
    reviewed_rows,
    short_name,
    waived_rows,
    where,
)

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 75rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; vertical-align: top; }
th { background: #f0f0f0; text-align: left; }
td.aligned { background: #dff3e4; } td.partial { background: #fff4cc; }
td.gap { background: #fbe0e0; } td.mark { text-align: center; white-space: nowrap; }
.muted { color: #5f5f5f; }
"""


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    analysis = report.analysis
    results = [r for r in report.documents if r.status == "ok"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>alignck report: {escape(report.framework.name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>alignck report: {escape(report.framework.name)}</h1>",
        f"<p>{len(results)} document(s) checked against {len(report.framework.priorities)} "
        f"priorities; system coverage {percent(analysis.system_coverage.percent)}.</p>",
        f'<p class="provenance">Made by alignck {escape(__version__)} with the '
        f"{escape(report.matcher or 'default')} matcher; framework "
        f"{escape(report.framework.path)}"
        f"{escape(' ' + report.framework.version if report.framework.version else '')}; "
        f"thresholds: aligned {report.thresholds.aligned:g}, partial "
        f"{report.thresholds.partial:g}.</p>",
    ]
    if results:
        parts += _grid(report) if len(results) <= GRID_DOCUMENTS else _counts(report)
        parts += _gaps(report)
        if analysis.waived:
            parts += _table(
                "Waived (accepted gaps, still counted in coverage)",
                WAIVED_HEADER,
                waived_rows(report),
                "",
            )
        if analysis.reviewed:
            parts += _table(
                "Reviewed (verdicts set by a reviewer, used in coverage and policy)",
                REVIEWED_HEADER,
                reviewed_rows(report),
                "",
            )
        parts += _overlaps(report)
        parts += _outside(report)
    out.write("\n".join(parts) + "\n")
    if results and options.evidence is not False:
        # Line by line: the evidence of a national run is hundreds of megabytes.
        for line in _evidence(report):
            out.write(line + "\n")
    problems = [f"<li>{escape(line)}</li>" for line in document_problems(report)]
    if problems:
        out.write("\n".join(["<h2>Problems</h2>", "<ul>", *problems, "</ul>"]) + "\n")
    out.write("</body></html>\n")


def _mark(status: str) -> str:
    return f'<td class="mark {status}">{SYMBOLS[status]} {status}</td>'


def _grid(report: Report) -> list[str]:
    results = [r for r in report.documents if r.status == "ok"]
    statuses = [{a.priority_id: a.status for a in r.alignments} for r in results]
    head = "".join(f"<th>{escape(short_name(r.path))}</th>" for r in results)
    rows = [
        "<h2>Coverage</h2>",
        "<table>",
        f"<tr><th>Priority</th>{head}<th>System</th></tr>",
    ]
    for overview in report.analysis.priorities:
        priority = report.framework.priority(overview.priority_id)
        indent = "&nbsp;&nbsp;" * priority.depth
        cells = "".join(_mark(s[priority.id]) for s in statuses)
        rows.append(
            f"<tr><td>{indent}{escape(priority.title)} "
            f'<span class="muted">[{escape(priority.id)}]</span></td>{cells}'
            f"{_mark(overview.status)}</tr>"
        )
    coverage = "".join(
        f"<td>{percent(report.analysis.document_coverage[r.path].percent)}</td>" for r in results
    )
    rows.append(
        f"<tr><th>Coverage</th>{coverage}"
        f"<td>{percent(report.analysis.system_coverage.percent)}</td></tr>"
    )
    return [*rows, "</table>"]


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
        by_priority.append(
            [priority.title, *counts, f"{SYMBOLS[overview.status]} {overview.status}"]
        )
    by_document = [
        [short_name(path), percent(c.percent), str(c.aligned), str(c.partial), str(c.gap)]
        for path, c in analysis.document_coverage.items()
    ]
    return [
        *_table(
            f"Coverage across {checked} documents",
            ["Priority", "✔ aligned", "◐ partial", "✘ gap", "System"],
            by_priority,
            "",
        ),
        *_table("Coverage by document", ["Document", "Coverage", "✔", "◐", "✘"], by_document, ""),
    ]


def _table(title: str, header: list[str], rows: list[list[str]], empty: str) -> list[str]:
    if not rows:
        return [f"<h2>{title}</h2>", f"<p>{empty}</p>"]
    lines = [
        f"<h2>{title}</h2>",
        "<table>",
        "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>",
    ]
    lines += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    return [*lines, "</table>"]


def _gaps(report: Report) -> list[str]:
    analysis = report.analysis
    rows = []
    if analysis.unaddressed:
        titles = ", ".join(report.framework.priority(i).title for i in analysis.unaddressed)
        rows.append(["every document", titles])
    waived = analysis.waivers_by_verdict()
    for path, ids in analysis.missed.items():
        if ids:
            named = [
                report.framework.priority(i).title + (" (waived)" if (path, i) in waived else "")
                for i in ids
            ]
            rows.append([short_name(path), ", ".join(named)])
    return _table(
        "Gaps", ["Document", "Missing priorities"], rows, "Every document addresses every priority."
    )


def _overlaps(report: Report) -> list[str]:
    rows = [
        [
            report.framework.priority(o.priority_id).title,
            ", ".join(marked_names(o.aligned, o.partial)),
        ]
        for o in report.analysis.overlaps
    ]
    return _table(
        "Overlaps",
        ["Priority", "Documents (✔ aligned, ◐ partial)"],
        rows,
        "No priority is addressed by two or more documents.",
    )


def _outside(report: Report) -> list[str]:
    analysis = report.analysis
    rows = [
        [short_name(path), s.text, where(s.location)]
        for path, found in analysis.outside.items()
        for s in found
    ]
    lines = _table(
        "Outside the framework",
        ["Document", "Stated priority", "Where"],
        rows,
        "Every stated priority matches the framework.",
    )
    if analysis.shared_outside:
        lines.append("<p>Shared by several partners (candidates for the framework):</p><ul>")
        lines += [
            f"<li>{escape(g.label)} ({escape(', '.join(short_name(p) for p in g.documents))})</li>"
            for g in analysis.shared_outside
        ]
        lines.append("</ul>")
    return lines


def _evidence(report: Report) -> Iterator[str]:
    yield "<h2>Evidence</h2>"
    for result in report.documents:
        if result.status != "ok":
            continue
        lines = [
            f"<h3>{escape(short_name(result.path))}</h3>",
            "<table>",
            "<tr><th>Priority</th><th>Verdict</th><th>Score</th><th>Evidence</th>"
            "<th>Where</th></tr>",
        ]
        for alignment in result.alignments:
            title = escape(report.framework.priority(alignment.priority_id).title)
            best = alignment.evidence[0] if alignment.evidence else None
            shown = best or alignment.nearest
            if best:
                quote = f'“{escape(best.text)}” <span class="muted">({best.kind})</span>'
            elif alignment.nearest:
                quote = (
                    '<span class="muted">closest, below the threshold: '
                    f"“{escape(alignment.nearest.text)}”</span>"
                )
            else:
                quote = '<span class="muted">nothing shares a word with it</span>'
            place = escape(where(shown.location)) if shown else ""
            lines.append(
                f"<tr><td>{title}</td>{_mark(alignment.status)}"
                f"<td>{alignment.score:.2f}</td><td>{quote}</td><td>{place}</td></tr>"
            )
        lines.append("</table>")
        yield from lines
