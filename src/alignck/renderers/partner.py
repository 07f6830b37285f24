"""One page per document, for the partner who wrote it: its coverage, each verdict with its
evidence, its gaps with the partners that address each (who to talk to), the gaps accepted and
the verdicts a reviewer set for it, and the priorities it states outside the framework.
Markdown and HTML, from one list of sections.

Pages are written one per stream like every renderer; naming the files and writing them is the
command line's business (:func:`page_stems` only proposes names).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath
from typing import TextIO

from alignck.escape import html_text as escape
from alignck.escape import markdown_text, one_line
from alignck.model import Alignment, DocumentResult, PriorityOverview, Report
from alignck.names import within_bytes
from alignck.renderers._common import (
    PLACE_RULE,
    REVIEWED_HEADER,
    WAIVED_HEADER,
    VerdictMarks,
    closest_note,
    kind_shown,
    marked_names,
    missing_names,
    nothing_near_note,
    nothing_outside,
    percent,
    plain_name,
    provenance,
    reviewed_lead,
    reviewed_rows,
    score_rule,
    score_text,
    shown_path,
    waived_rows,
    where,
)
from alignck.renderers.html import row_named_by_its_first_cell
from alignck.written import MARKDOWN_MARK, NOT_READ_TITLE

_QUOTES = 3
_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w.-]+")
# Names Windows keeps for devices, whatever the extension: a page 'CON.html' or 'aux.md'
# cannot be opened there, nor synced to OneDrive or SharePoint.
# Windows reads the part before the first dot ('com1.v2.html' is COM1); OneDrive and
# SharePoint refuse COM0 and LPT0 too, and Windows the superscript digits.
_WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading, an optional line of prose and a table (header, rows) of plain text."""

    title: str
    note: str
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


# A file name may have 255 bytes on most systems: room for '-12', '.html' and a long
# (Cyrillic, Japanese) document name cut short rather than a run's pages lost.
_STEM_BYTES = 200


def page_stems(report: Report, unread: Collection[str] = ()) -> dict[str, str]:
    """A file name (without extension) per readable document: its short name with anything
    unsafe in a file name replaced, and where two come out the same, marked with four
    characters of its own name. A name that needed no change keeps it: 'council-plan' is the
    council plan's page, never 'council/plan''s, which became 'council-plan' first in path
    order and sent the council another partner's verdicts. Documents of ``unread`` (found,
    but not read) are named too: their pages say so."""
    named = [r.path for r in report.documents if r.status == "ok" or r.path in unread]
    return stems_for({path: report.name(path) for path in named})


def stems_for(names: dict[str, str]) -> dict[str, str]:
    """:func:`page_stems` for documents given as {path: short name}, in the report's order:
    the command line asks before any document is read."""
    bases: dict[str, tuple[str, bool]] = {}
    for path, name in names.items():
        # Composed first: a name synced from a Mac spells 'å' as 'a' and a combining ring,
        # which is not a word character, and 'Åbenrå' became 'A-benra'.
        safe = _UNSAFE_IN_FILE_NAME.sub("-", unicodedata.normalize("NFC", name))
        base = within_bytes(safe, _STEM_BYTES).strip("-.") or "document"
        device, dot, rest = base.partition(".")
        if device.upper() in _WINDOWS_DEVICES:
            base = f"{device}-page{dot}{rest}"
        bases[path] = (base, base == name)
    clashes = Counter(base.lower() for base, _ in bases.values())
    stems: dict[str, str] = {}
    taken: set[str] = set()
    for as_written in (True, False):
        for path, (base, exact) in bases.items():
            if exact != as_written or path in stems:
                continue
            if not exact and clashes[base.lower()] > 1:
                # Marked by its own name, not numbered in the run's order: numbered, one
                # partner's page took another's file name when that other left the run
                # ('St Mary's St John's' took the page 'St Mary's & St John's' had been sent).
                base = f"{base}-{_name_mark(names[path])}"
            stem, number = base, 1
            while stem.lower() in taken:
                number += 1
                stem = f"{base}-{number}"
            taken.add(stem.lower())
            stems[path] = stem
    return stems


def _name_mark(name: str) -> str:
    """Four hexadecimal digits from a document's name: the same name, the same mark."""
    import hashlib

    return hashlib.sha256(unicodedata.normalize("NFC", name).encode()).hexdigest()[:4]


def sections(report: Report, result: DocumentResult) -> list[Section]:
    if result.status != "ok":
        return [_not_read(result)]
    found = [*_warnings(result), _verdicts(report, result), _gaps(report, result)]
    found += _waived(report, result) + _expired(report, result) + _reviewed(report, result)
    return [*found, _outside(report, result)]


def _warnings(result: DocumentResult) -> list[Section]:
    """What reading the document noticed (no text found, the same text as another file),
    first: an empty draft's page otherwise showed only its gaps, as if it had been read."""
    if not result.warnings:
        return []
    note = "What reading this document noticed: read its verdicts with these in mind."
    return [Section("Warnings", note, ("Warning",), tuple((w,) for w in result.warnings))]


def _verdicts(report: Report, result: DocumentResult) -> Section:
    marks = VerdictMarks(report)
    partial = report.thresholds.partial

    def row(alignment: Alignment) -> tuple[str, str, str, str]:
        reviewed = marks.is_reviewed(result.path, alignment.priority_id)
        return (
            report.framework.priority(alignment.priority_id).title,
            marks.label(result.path, alignment),
            score_text(alignment.score, partial, reviewed),
            reviewed_lead(reviewed, alignment, report, result.path)
            + _evidence(alignment, partial, result.title),
        )

    rows = tuple(row(a) for a in result.alignments)
    return Section(
        "Verdicts",
        "Each framework priority, with the quotes behind the verdict.",
        ("Priority", "Verdict", "Score", "Evidence"),
        rows,
    )


def _evidence(alignment: Alignment, partial: float, title: str | None) -> str:
    quotes = alignment.evidence[:_QUOTES]
    if quotes:
        return " · ".join(
            f"“{e.text}” ({kind_shown(e.kind)}, {where(e.location, title)})" for e in quotes
        )
    if alignment.nearest is not None:
        near = alignment.nearest
        lead = closest_note(alignment, partial)
        return f"{lead}: “{near.text}” ({where(near.location, title)})"
    return nothing_near_note(alignment, partial)


def _gaps(report: Report, result: DocumentResult) -> Section:
    """Each gap with the partners that address that priority: the people to talk to."""
    overviews = {o.priority_id: o for o in report.analysis.priorities}
    marks = VerdictMarks(report)
    rows = []
    missed = report.analysis.missed.get(result.path, ())
    for priority_id, title in zip(missed, missing_names(report, result.path, missed), strict=True):
        overview = _others(report, overviews[priority_id], result.partner)
        partners = marked_names(report, overview, marks)
        rows.append((title, ", ".join(partners) or "no other partner addresses it yet"))
    note = "Framework priorities this document does not address, and who does."
    if not rows:
        note = "This document addresses every framework priority."
    return Section("Gaps", note, ("Priority", "Addressed by") if rows else (), tuple(rows))


def _others(report: Report, overview: PriorityOverview, partner: str | None) -> PriorityOverview:
    """Who addresses a priority, but for the documents of the page's own partner (--partner):
    a trust's summary page named its full strategy as the partner to talk to."""
    if partner is None:
        return overview
    aligned = tuple(p for p in overview.aligned if report.partner(p) != partner)
    partial = tuple(p for p in overview.partial if report.partner(p) != partner)
    return dataclasses.replace(overview, aligned=aligned, partial=partial)


def _waived(report: Report, result: DocumentResult) -> list[Section]:
    rows = [tuple(row[1:]) for row in waived_rows(report, result.path)]
    if not rows:
        return []
    note = (
        "Gaps and partial verdicts the partnership has accepted: still counted in coverage; "
        "no policy fails on them."
    )
    return [Section("Waived", note, tuple(WAIVED_HEADER[1:]), tuple(rows))]


def _expired(report: Report, result: DocumentResult) -> list[Section]:
    """The partner's waivers that have expired: the main report lists them to renew, and
    the partner who must ask for that was not told on its own page."""
    from alignck.waivers import covers

    titles = {p.id: p.title for p in report.framework.priorities}
    # Only where it would still matter: a priority the document now addresses needs none.
    short = {a.priority_id for a in result.alignments if a.status != "aligned"}
    rows = tuple(
        (f"{titles[w.priority_id]} [{w.priority_id}]", str(w.expires), w.reason)
        for w in report.analysis.expired_waivers
        if w.priority_id in titles and w.priority_id in short and covers(w, result.path)
    )
    if not rows:
        return []
    note = (
        "Accepted verdicts whose waiver has expired: a policy that fails on such verdicts "
        "(--fail-on, a required priority) does so again until it is renewed; waived or not, "
        "every verdict counts in coverage."
    )
    return [Section("Expired waivers", note, ("Priority", "Expired on", "Reason was"), rows)]


def _reviewed(report: Report, result: DocumentResult) -> list[Section]:
    rows = [tuple(row[1:]) for row in reviewed_rows(report, result.path)]
    if not rows:
        return []
    note = (
        "Verdicts set by a reviewer: they replace alignck's, whose quotes the verdicts above "
        "still show."
    )
    return [Section("Reviewed", note, tuple(REVIEWED_HEADER[1:]), tuple(rows))]


def _not_read(result: DocumentResult) -> Section:
    """What a page says of a document found but not read: left as it was, an earlier run's
    page went on showing verdicts this run did not give, and a folder of pages published as
    it stood published them."""
    problem = (result.error or "").removeprefix(f"{result.path}: ").rstrip(".")
    return Section(
        "Not read",
        f"alignck could not read this document: {problem}. Verdicts an earlier run gave it "
        "no longer stand; it is checked again once it can be read.",
    )


def _outside(report: Report, result: DocumentResult) -> Section:
    stated = report.analysis.outside.get(result.path, ())
    rows = tuple((s.text, where(s.location, result.title)) for s in stated)
    if not rows:
        return Section("Outside the framework", nothing_outside(report, result))
    return Section(
        "Outside the framework",
        "Priorities this document states that match no framework priority.",
        ("Stated priority", "Where"),
        rows,
    )


def _title(report: Report, result: DocumentResult) -> str:
    if result.status != "ok":
        return f"{plain_name(result.path, report)}: {NOT_READ_TITLE} {report.framework.name}"
    coverage = report.analysis.document_coverage[result.path]
    return (
        f"{plain_name(result.path, report)}: {percent(coverage.exact_percent)} coverage of "
        f"{report.framework.name} ({coverage.aligned} aligned, {coverage.partial} partial, "
        f"{coverage.gap} gap)"
    )


def render_markdown(report: Report, result: DocumentResult, out: TextIO) -> None:
    lines = [MARKDOWN_MARK, f"# {markdown_text(_title(report, result))}", ""]
    lines += [f"Document: {markdown_text(_file_name(result.path))}", ""]
    if result.title is not None:
        lines += [f"Title: {markdown_text(one_line(result.title))}", ""]
    if result.partner is not None:
        lines += [f"Partner: {markdown_text(one_line(result.partner))}", ""]
    if result.status == "ok":
        lines += [markdown_text(VERDICTS_MEANING), ""]
        lines += [f"_{markdown_text(score_rule(report))} {markdown_text(PLACE_RULE)}_", ""]
    for section in sections(report, result):
        lines += [f"## {section.title}", "", markdown_text(section.note), ""]
        if section.rows:
            lines.append("| " + " | ".join(section.header) + " |")
            lines.append("|" + " --- |" * len(section.header))
            lines += [
                "| " + " | ".join(markdown_text(c) for c in row) + " |" for row in section.rows
            ]
            lines.append("")
    lines += ["## How this report was made", ""]
    lines += [f"- {label}: {markdown_text(value)}" for label, value in _provenance(report)]
    out.write("\n".join(lines) + "\n")


def render_html(report: Report, result: DocumentResult, out: TextIO) -> None:
    title = escape(_title(report, result))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        "<!-- written by alignck: a report, not a document to check -->",
        # A partner opening the page on a phone got a desktop page shrunk to fit.
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body><main>",
        f"<h1>{title}</h1>",
        f"<p>Document: {escape(_file_name(result.path))}</p>",
    ]
    if result.title is not None:
        parts.append(f"<p>Title: {escape(one_line(result.title))}</p>")
    if result.partner is not None:
        parts.append(f"<p>Partner: {escape(one_line(result.partner))}</p>")
    if result.status == "ok":
        parts.append(f"<p>{escape(VERDICTS_MEANING)}</p>")
        parts.append(f'<p class="muted">{escape(score_rule(report))} {escape(PLACE_RULE)}</p>')
    for section in sections(report, result):
        parts += [f"<h2>{escape(section.title)}</h2>", f"<p>{escape(section.note)}</p>"]
        if section.rows:
            # A header row in <thead>: printed, it is repeated on every page the table runs to.
            heads = "".join(f'<th scope="col">{escape(h)}</th>' for h in section.header)
            # In a region that scrolls, not the page: a narrow screen reflows the rest.
            parts.append(
                f'<div class="scroll" role="region" aria-label="{escape(section.title)}" '
                f'tabindex="0"><table><caption class="visually-hidden">{escape(section.title)}'
                f"</caption><thead><tr>{heads}</tr></thead><tbody>"
            )
            parts += [row_named_by_its_first_cell(row) for row in section.rows]
            parts.append("</tbody></table></div>")
    parts += ["<h2>How this report was made</h2>", "<ul>"]
    parts += [f"<li>{escape(label)}: {escape(value)}</li>" for label, value in _provenance(report)]
    parts += ["</ul>", "</main></body></html>"]
    out.write("\n".join(parts) + "\n")


def _file_name(path: str) -> str:
    """A document as the page sent to its partner names it: its file's name, not where it lay
    on the checking machine ('/home/officer/OneDrive - Council/Confidential drafts/...')."""
    return shown_path(PurePath(path).name or path)


def _provenance(report: Report) -> list[tuple[str, str]]:
    """What produced the verdicts, the framework and baseline files named by their names alone,
    as the document is."""
    return [
        (label, _file_name(value) if label in ("framework file", "baseline") else value)
        for label, value in provenance(report)
    ]


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; background: #fff;
  max-width: 75rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; vertical-align: top; }
th { background: #f0f0f0; text-align: left; }
tbody th[scope="row"] { font-weight: normal; background: none; }
li { overflow-wrap: anywhere; }
.muted { color: #555; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
@media screen { .scroll { overflow-x: auto; } }
@media screen and (max-width: 40rem) { body { margin: 0.75rem; } }
@media print {
  body { margin: 0; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""

# What each verdict means, in the words a partner reads first.
VERDICTS_MEANING = (
    "✔ aligned: the document commits to the priority. ◐ partial: it mentions the priority, or "
    "commits to part of it. ✘ gap: it does not address it."
)
