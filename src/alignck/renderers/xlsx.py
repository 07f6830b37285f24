"""Spreadsheet report (.xlsx, through openpyxl): a summary sheet, the coverage matrix coloured as
the terminal colours it, an evidence sheet with one row per document and priority, an Outside
sheet with the stated priorities outside the framework (and the theme several partners share,
for those that are candidates for the framework), and for scripts and pivot tables a Documents
sheet (one row per document, the unreadable ones too, its header on the first row) and a
Skipped sheet.

Every text cell is stored as text, never as a formula: a file name, title or quote that starts
with '=' is marked with Excel's own hidden text prefix (``quotePrefix``), so it shows as written
and stays text when edited. Characters XML cannot hold are removed. Sheets are written row by
row (openpyxl's write-only mode): a national run has hundreds of thousands of verdicts.

A workbook records when it was made and modified, and a zip archive the time of every part; all
of them are the one time the options give (the command line's ``SOURCE_DATE_EPOCH``), else a
fixed one, so two runs over the same input write the same bytes.
"""

from __future__ import annotations

import datetime
import functools
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from alignck.escape import looks_like_formula, one_line, shown_text
from alignck.model import Alignment, Report, Status, Waiver
from alignck.policy import sets_a_policy
from alignck.renderers import RenderOptions
from alignck.renderers._common import (
    COVERAGE_RULE,
    PLACE_RULE,
    SYMBOLS,
    VerdictMarks,
    held_to,
    kind_shown,
    nothing_outside,
    policy_verdict,
    provenance,
    score_rule,
    short_name,
    shown_path,
    system_share,
    where,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# The terminal's green, yellow and red, as fills light enough to read black text on.
FILLS: dict[Status, str] = {"aligned": "C6EFCE", "partial": "FFEB9C", "gap": "FFC7CE"}
# The earliest time a zip archive can record (a workbook's times are naive UTC).
UNDATED = datetime.datetime(1980, 1, 1)
# The latest.
_LAST_ZIP_TIME = datetime.datetime(2107, 12, 31, 23, 59, 58)
EVIDENCE_HEADER = [
    "Document",
    "Path",
    "Priority id",
    "Priority",
    "Verdict",
    # The verdict alone (aligned, partial, gap), as the CSV's status column: the Verdict
    # column's '✘ gap (waived)' needed text functions before a pivot could count gaps.
    "Status",
    "Score",
    "Commitment",
    "Evidence",
    "Kind",
    "Page",
    "Paragraph",
    "Section",
    "Waived",
    # For a gap, the closest passage below the threshold: what a reviewer reads first.
    "Closest passage (gap)",
    "Closest passage at",
    # A reviewer's verdict replaces alignck's, kept here with who reviewed it, when and why.
    "alignck's verdict",
    "Review",
]


def render(report: Report, out: BinaryIO, options: RenderOptions) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _summary(book.create_sheet("Summary"), report)
    _matrix(book.create_sheet("Matrix"), report)
    _evidence(book.create_sheet("Evidence"), report)
    _outside(book.create_sheet("Outside"), report)
    _documents(book.create_sheet("Documents"), report)
    _skipped(book.create_sheet("Skipped"), report)
    _save(book, out, options.timestamp or UNDATED)


def _save(book: Any, out: BinaryIO, when: datetime.datetime) -> None:
    """What ``book.save(out)`` does, but with ``when`` where it writes the current time."""
    from openpyxl.writer.excel import ExcelWriter

    utc = when.astimezone(datetime.UTC).replace(tzinfo=None) if when.tzinfo else when
    book.properties.created = book.properties.modified = utc
    archive = _StampedZip(out, min(max(utc, UNDATED), _LAST_ZIP_TIME))
    ExcelWriter(book, archive).save()  # closes the archive


class _StampedZip(zipfile.ZipFile):
    """A zip archive whose every part carries the one time it was given."""

    def __init__(self, out: IO[bytes], when: datetime.datetime) -> None:
        super().__init__(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._part(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl's write-only sheets come from temporary files: the zip module would record
        # each file's own time and permissions.
        part = self._part(str(arcname or filename))
        source = Path(filename)
        part.file_size = source.stat().st_size  # tells the zip module whether it needs zip64
        with source.open("rb") as read, self.open(part, "w") as target:
            shutil.copyfileobj(read, target)

    def _part(self, name: str) -> zipfile.ZipInfo:
        part = zipfile.ZipInfo(name, self.stamp)
        part.compress_type = self.compression
        part.external_attr = 0o600 << 16  # what the zip module gives a part written from bytes
        return part


def _cell(sheet: WriteOnlyWorksheet, value: object, status: Status | None = None) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import PatternFill

    if isinstance(value, str):
        # As the CSV shows it: no control characters, nor the bidirectional overrides that
        # make a cell read backwards ('Trojan Source'); a formula judged as shown.
        shown = shown_text(value)
        cell = WriteOnlyCell(sheet, value=shown)
        cell.data_type = "s"  # openpyxl would otherwise store '=...' as a formula
        cell.quotePrefix = looks_like_formula(shown)
        if len(value) > _WRAPPED_FROM:
            # A 579-character quote ran off the screen on one line, and the notes too.
            cell.alignment = _wrapped()
    else:
        cell = WriteOnlyCell(sheet, value=value)
    if status is not None:
        cell.fill = PatternFill("solid", start_color=FILLS[status], end_color=FILLS[status])
    return cell


# Text longer than this wraps in its cell, top-aligned, rather than running on in one line.
_WRAPPED_FROM = 60


@functools.cache
def _wrapped() -> Any:
    from openpyxl.styles import Alignment as CellAlignment

    return CellAlignment(wrap_text=True, vertical="top")


def _append(sheet: WriteOnlyWorksheet, values: Iterable[object]) -> None:
    sheet.append([_cell(sheet, v) for v in values])


def _bold_row(sheet: WriteOnlyWorksheet, values: Iterable[object]) -> None:
    from openpyxl.styles import Font

    cells = [_cell(sheet, v) for v in values]
    for cell in cells:
        cell.font = Font(bold=True)
    sheet.append(cells)


def _summary(sheet: WriteOnlyWorksheet, report: Report) -> None:
    analysis = report.analysis
    system = analysis.system_coverage
    # Sized as the other sheets are: document names were cut at the default width, the
    # first sheet people open. Its header is not the first row, so nothing is frozen.
    _laid_out(sheet, [40, 60, 12, 10, 10, 10], freeze=None)
    _bold_row(sheet, ["alignck report", report.framework.name])
    for label, value in provenance(report):
        _append(sheet, [label, value])
    verdict = policy_verdict(report)
    if verdict is not None:
        # What the run's exit code said, for a board that reads only the workbook.
        passed, reasons = verdict
        label = "Policy" if sets_a_policy(report) else "Run"
        _append(sheet, [label, "passed" if passed else "failed"])
        if terms := held_to(report):
            _append(sheet, ["Held to", terms])
        for reason in reasons:
            _append(sheet, ["", one_line(reason)])
    # What comparing with the baseline found, as the other reports say it.
    for index, note in enumerate(report.policy.baseline_notes):
        _append(sheet, ["Compared with the baseline" if index == 0 else "", one_line(note)])
    _append(sheet, [])
    _bold_row(sheet, ["Document", "Path", "Coverage %", "Aligned", "Partial", "Gap"])
    for path, coverage in analysis.document_coverage.items():
        counts = [coverage.aligned, coverage.partial, coverage.gap]
        _append(sheet, [short_name(path, report), shown_path(path), coverage.percent, *counts])
    # Its gaps are the priorities no document addresses, not a sum of the rows above.
    system_row = [system_share(report), system.aligned, system.partial, system.gap]
    _append(sheet, ["System (the best any document gives)", "", *system_row])
    _append(sheet, [COVERAGE_RULE])
    _append(sheet, [score_rule(report)])
    _append(sheet, [PLACE_RULE])
    for result in report.errors:
        name, shown = short_name(result.path, report), shown_path(result.path)
        _append(sheet, [name, shown, "unreadable", one_line(result.error or "")])


def _matrix(sheet: WriteOnlyWorksheet, report: Report) -> None:
    results = [r for r in report.documents if r.status == "ok"]
    # Laid out before the first row: a write-only sheet writes its view and columns first.
    # Wide enough for '✘ gap (reviewed) (waived)'.
    _laid_out(sheet, [16, 44, *([26] * len(results)), 12], freeze="C2")
    _bold_row(
        sheet, ["Priority id", "Priority", *(short_name(r.path, report) for r in results), "System"]
    )
    verdicts = VerdictMarks(report)
    found = [{a.priority_id: a for a in r.alignments} for r in results]
    for overview in report.analysis.priorities:
        priority = report.framework.priority(overview.priority_id)
        # Marked '(reviewed)' and '(waived)' as the Evidence sheet and every other format.
        marks = [
            _cell(sheet, verdicts.label(r.path, by_id[priority.id]), by_id[priority.id].status)
            for r, by_id in zip(results, found, strict=True)
        ]
        label = _cell(sheet, "  " * priority.depth + priority.title)
        sheet.append([_cell(sheet, priority.id), label, *marks, _mark(sheet, overview.status)])
    coverage = [report.analysis.document_coverage[r.path].percent for r in results]
    _bold_row(sheet, ["", "Coverage %", *coverage, system_share(report)])


def _mark(sheet: WriteOnlyWorksheet, status: Status) -> Any:
    return _cell(sheet, f"{SYMBOLS[status]} {status}", status)


def _laid_out(
    sheet: WriteOnlyWorksheet,
    widths: list[int],
    freeze: str | None = "A2",
    rows: int | None = None,
) -> None:
    """Column widths and a frozen header (and the rows under it filterable, when counted)."""
    from openpyxl.utils import get_column_letter

    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    if freeze is not None:
        sheet.freeze_panes = freeze
    if rows is not None:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{rows + 1}"


EVIDENCE_WIDTHS = [24, 30, 16, 40, 18, 9, 8, 11, 70, 12, 6, 10, 40, 30, 60, 30, 14, 40]


def _evidence(sheet: WriteOnlyWorksheet, report: Report) -> None:
    rows = sum(len(r.alignments) for r in report.documents if r.status == "ok")
    _laid_out(sheet, EVIDENCE_WIDTHS, rows=rows)
    _bold_row(sheet, EVIDENCE_HEADER)
    waived = report.analysis.waivers_by_verdict()
    reviewed = report.analysis.reviews_by_verdict()
    marks = VerdictMarks(report)
    for result in report.documents:
        if result.status != "ok":
            continue
        for alignment in result.alignments:
            key = (result.path, alignment.priority_id)
            row = _evidence_row(sheet, report, result.path, alignment, waived.get(key))
            row[4] = _cell(sheet, marks.label(result.path, alignment), alignment.status)
            review = reviewed.get(key)
            if review is not None:
                said = review.review
                row[-2:] = [
                    _cell(sheet, review.machine),
                    _cell(sheet, f"{said.reviewer}, {said.date.isoformat()}: {said.reason}"),
                ]
            sheet.append(row)


def _evidence_row(
    sheet: WriteOnlyWorksheet,
    report: Report,
    path: str,
    alignment: Alignment,
    waiver: Waiver | None,
) -> list[Any]:
    best = alignment.evidence[0] if alignment.evidence else None
    place = best.location if best else None
    title = report.framework.priority(alignment.priority_id).title
    before = [short_name(path, report), shown_path(path), alignment.priority_id, title]
    after = [
        round(alignment.score, 4),
        round(alignment.commitment, 4),
        best.text if best else "",
        kind_shown(best.kind) if best else "",
        place.page if place and place.page else None,
        place.paragraph if place and place.paragraph else None,
        (place.section or "") if place else "",
        waiver.reason if waiver else "",
        near.text if (near := alignment.nearest) else "",
        where(near.location) if near else "",
        "",
        "",
    ]
    return [
        *(_cell(sheet, v) for v in before),
        _mark(sheet, alignment.status),
        _cell(sheet, alignment.status),
        *(_cell(sheet, v) for v in after),
    ]


OUTSIDE_HEADER = [
    "Document",
    "Path",
    "Stated priority",
    "Page",
    "Paragraph",
    "Section",
    # The theme several partners state outside the framework: a candidate for it.
    "Shared theme",
    "Also stated by",
]


def _outside(sheet: WriteOnlyWorksheet, report: Report) -> None:
    """One row per stated priority outside the framework, in the order the other formats
    list them; a board adding to the framework filters on the shared theme."""
    analysis = report.analysis
    rows = [(path, s) for path, found in analysis.outside.items() for s in found]
    _laid_out(sheet, [24, 40, 60, 6, 10, 40, 40, 40], rows=len(rows))
    _bold_row(sheet, OUTSIDE_HEADER)
    if not rows:
        # As the other formats say it: an empty sheet read as 'nothing beyond the framework'
        # of documents in which no stated priority was found at all.
        _append(sheet, [nothing_outside(report)])
        return
    themes = {member: group for group in analysis.shared_outside for member in group.members}
    for path, statement in rows:
        place = statement.location
        group = themes.get((path, statement.text))
        others = [short_name(p, report) for p in group.documents if p != path] if group else []
        _append(
            sheet,
            [
                short_name(path, report),
                shown_path(path),
                statement.text,
                place.page or None,
                place.paragraph or None,
                place.section or "",
                group.label if group else "",
                "; ".join(others),
            ],
        )


DOCUMENTS_HEADER = [
    "Document",
    "Path",
    "Status",
    "Coverage %",
    "Aligned",
    "Partial",
    "Gap",
    "Error",
    "Warnings",
    # The partner --partner names as publishing it (empty where none is named): last, as in
    # the CSV, so a sheet read by column letter reads as before.
    "Partner",
]


def _documents(sheet: WriteOnlyWorksheet, report: Report) -> None:
    """One row per document, the header on row 1 and a number in every number column (empty
    for a document that could not be read): the Summary sheet is laid out for reading, and
    where its table starts depends on the run."""
    _laid_out(sheet, [24, 40, 11, 11, 8, 8, 8, 40, 40, 24], rows=len(report.documents))
    _bold_row(sheet, DOCUMENTS_HEADER)
    for result in report.documents:
        coverage = report.analysis.document_coverage.get(result.path)
        counts: list[object] = (
            [coverage.percent, coverage.aligned, coverage.partial, coverage.gap]
            if coverage is not None and result.status == "ok"
            else [None, None, None, None]
        )
        status = "ok" if result.status == "ok" else "unreadable"
        row = [short_name(result.path, report), shown_path(result.path), status, *counts]
        partner = one_line(result.partner) if result.partner is not None else ""
        error = one_line(result.error or "")
        _append(sheet, [*row, error, "; ".join(result.warnings), partner])


def _skipped(sheet: WriteOnlyWorksheet, report: Report) -> None:
    _laid_out(sheet, [60, 60])
    _bold_row(sheet, ["Path", "Reason"])
    for skipped in report.skipped:
        _append(sheet, [shown_path(skipped.path), skipped.reason])
