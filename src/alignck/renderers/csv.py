"""CSV report: one row per document × priority with verdict, score and best evidence."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from alignck.escape import csv_cell, one_line
from alignck.model import Report, ReviewedVerdict
from alignck.renderers import RenderOptions
from alignck.renderers._common import shown_path, where

if TYPE_CHECKING:
    from _csv import Writer as _Writer

COLUMNS = [
    "document",
    "priority_id",
    "priority_title",
    "status",
    "score",
    "commitment",
    "evidence",
    "page",
    "paragraph",
    "section",
    "evidence_kind",
    "waived",
    "machine_status",
    "review",
    # For a gap, the closest passage below the threshold: what a reviewer reads first.
    "nearest",
    "nearest_where",
    # What reading the document noticed (a copy of another, saved while read, pages
    # without text), on each of its rows: a spreadsheet or a dashboard fed from the CSV
    # alone would not see it.
    "document_warnings",
    # The partner --partner names as publishing the document (empty where none is named):
    # last, so a sheet that reads the columns by place reads them as before.
    "partner",
]


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    write_rows(report, out)


def write_rows(report: Report, out: TextIO, line_end: str = "\n") -> None:
    """The header and one row per document and priority, each line ended by ``line_end``."""
    writer = _SafeWriter(csv.writer(out, lineterminator=line_end))
    writer.writerow(COLUMNS)
    waived = report.analysis.waivers_by_verdict()
    reviewed = report.analysis.reviews_by_verdict()
    for result in report.documents:
        # A control character in the name shown as an escape, as every report shows it:
        # removed, 'pl<ESC>an.md' was 'plan.md', and two documents' rows read as one's.
        document = shown_path(result.path)
        notes = " | ".join(one_line(w) for w in result.warnings)
        partner = one_line(result.partner) if result.partner is not None else ""
        if result.status != "ok":
            error = one_line(result.error or "")
            writer.writerow([document, "", "", "error", "", "", error, *[""] * 9, notes, partner])
            continue
        for alignment in result.alignments:
            title = report.framework.priority(alignment.priority_id).title
            best = alignment.evidence[0] if alignment.evidence else None
            writer.writerow(
                [
                    document,
                    alignment.priority_id,
                    title,
                    alignment.status,
                    f"{alignment.score:.4f}",
                    f"{alignment.commitment:.4f}",
                    best.text if best else "",
                    best.location.page if best and best.location.page else "",
                    best.location.paragraph if best and best.location.paragraph else "",
                    best.location.section or "" if best else "",
                    best.kind if best else "",
                    waiver.reason
                    if (waiver := waived.get((result.path, alignment.priority_id)))
                    else "",
                    *_review_cells(reviewed.get((result.path, alignment.priority_id))),
                    near.text if (near := alignment.nearest) else "",
                    where(near.location) if near else "",
                    notes,
                    partner,
                ]
            )


def _review_cells(reviewed: ReviewedVerdict | None) -> list[str]:
    """alignck's own verdict, and who reviewed it when and why (empty when not reviewed)."""
    if reviewed is None:
        return ["", ""]
    review = reviewed.review
    return [reviewed.machine, f"{review.reviewer}, {review.date.isoformat()}: {review.reason}"]


class _SafeWriter:
    """Every text cell neutralised against spreadsheet formulas: document text, file names and
    titles can start with '=', '+', '-' or '@'. Numbers are written as they are."""

    def __init__(self, writer: _Writer) -> None:
        self._writer = writer

    def writerow(self, row: Sequence[object]) -> None:
        self._writer.writerow([csv_cell(c) if isinstance(c, str) else c for c in row])
