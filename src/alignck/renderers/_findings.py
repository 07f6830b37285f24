"""The findings CI formats report: one per verdict worth a look, with its level.

JUnit XML, SARIF and GitHub annotations all speak in findings on files, so they share one
list: every gap, partial and out-of-framework stated priority, every unreadable document, and
system coverage below --fail-under, each with the level the run gives it. A finding that breaks the
policy is an ``error``; a gap that does not is a ``warning``; a partial verdict or a stated
priority outside the framework is a ``note``. Waived verdicts keep their level and carry the
waiver, so each format can show them as accepted rather than hide them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from alignck.checkout import checkout_path
from alignck.model import Alignment, DocumentResult, Report, ReviewedVerdict, Waiver
from alignck.policy import baseline_change, coverage_failure, fails
from alignck.renderers._common import (
    NOTHING_TO_QUOTE,
    nothing_near_note,
    plain_name,
    score_text,
    source_from_checkout,
    where,
)
from alignck.wording import clipped

Level = Literal["error", "warning", "note"]
Rule = Literal["gap", "partial", "outside-framework", "unreadable-document", "coverage"]

# Per rule: short description, full description, what to do about it.
RULES: dict[Rule, tuple[str, str, str]] = {
    "gap": (
        "Framework priority not addressed",
        "The document neither commits to nor mentions this framework priority.",
        "Add a commitment to the priority (a 'we will', target or measure), or, if the "
        "partnership accepts the gap, record it with a reason in the waivers file "
        "(alignck check --waivers).",
    ),
    "partial": (
        "Framework priority only partly addressed",
        "The document mentions this priority, or commits to part of it, without a full commitment.",
        "Turn the mention into a commitment to the priority's substance, or accept it in the "
        "waivers file. The quoted evidence shows what alignck found.",
    ),
    "outside-framework": (
        "Stated priority outside the framework",
        "The document states a priority that matches no framework priority: a candidate "
        "for the framework, or drift from it.",
        "Check whether the priority belongs in the shared framework, or restate it in the "
        "framework's terms (its keywords and aliases help matching).",
    ),
    "unreadable-document": (
        "Document could not be read",
        "The document could not be opened or has no readable text; it was not checked.",
        "Check that the file opens and is a PDF, Word .docx, OpenDocument .odt, Markdown, "
        "HTML or text file; give "
        "--password for an encrypted PDF; a scanned PDF needs a text layer (OCR).",
    ),
    "coverage": (
        "System coverage below the threshold",
        "The share of framework priorities the documents address together (aligned 1, "
        "partial 0.5) is below --fail-under.",
        "Address the gaps listed for the documents, or agree a different threshold.",
    ),
}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: Rule
    level: Level
    path: str | None  # the document; None for the run as a whole
    title: str  # short: 'gap: Clean air [air]'
    message: str  # one paragraph with the evidence
    priority_id: str | None = None
    score: float | None = None
    waiver: Waiver | None = None
    # The text the finding points at in its document (a partial's best quote, a stated
    # priority), which formats with lines place it on; a gap is the document's as a whole.
    quote: str | None = None
    # The line the quote's block starts on in a text, Markdown or HTML file, as its reader
    # found it.
    line: int | None = None

    @property
    def fingerprint(self) -> str:
        """Stable across runs for the same document, rule and priority (or statement), the
        document named as CI systems place it, however the run named its folder."""
        path = checkout_path(self.path) if self.path else ""
        return stable_hash(self.rule, path, self.priority_id or self.title)


def stable_hash(*parts: str) -> str:
    """A finding's fingerprint from its parts. Composed first: macOS names files decomposed
    ('e' and a combining accent) where Linux and Windows keep what was typed, and a statement's
    text comes as its document wrote it, so the same finding would otherwise hash two ways
    and a code-scanning dashboard close one alert and open another."""
    key = unicodedata.normalize("NFC", "\x1f".join(parts))
    # surrogateescape: a file name that is not UTF-8 hashes as its own bytes.
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _quote(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return f"“{clipped(text, limit)}”"


def findings(report: Report) -> Iterator[Finding]:
    """Every finding, in document then framework order; coverage below --fail-under last.
    A generator: a national run has hundreds of thousands."""
    waived = report.analysis.waivers_by_verdict()
    for result in report.documents:
        yield from document_findings(report, result, waived)
    below = coverage_failure(report)
    if below is not None:
        yield Finding("coverage", "error", None, "coverage below --fail-under", below)


def document_findings(
    report: Report, result: DocumentResult, waived: Mapping[tuple[str, str], Waiver]
) -> list[Finding]:
    """One document's findings (``waived``: from ``waivers_by_verdict``)."""
    name = plain_name(result.path, report)
    if result.status != "ok":
        message = result.error or "could not be read"
        return [
            Finding("unreadable-document", "error", result.path, f"unreadable: {name}", message)
        ]
    found = [
        _verdict(report, result.path, name, alignment, waived)
        for alignment in result.alignments
        if alignment.status != "aligned"
    ]
    for statement in report.analysis.outside.get(result.path, ()):
        found.append(
            Finding(
                "outside-framework",
                "note",
                result.path,
                f"outside the framework: {statement.text[:80]}",
                f"{name} states a priority that matches no framework priority: "
                f"{_quote(statement.text)} ({where(statement.location)}).",
                quote=statement.text,
                line=statement.location.line,
            )
        )
    return found


def _verdict(
    report: Report,
    path: str,
    name: str,
    alignment: Alignment,
    waived: Mapping[tuple[str, str], Waiver],
) -> Finding:
    priority = report.framework.priority(alignment.priority_id)
    label = f"'{priority.title}' [{priority.id}]"
    breaks = fails(report, path, alignment, waived)
    reviewed = _review_of(report, path, alignment.priority_id)
    # The score is alignck's own: beside a reviewer's verdict it must not read as the reason.
    said = "alignck's score" if reviewed else "score"
    limits = report.thresholds
    score = f"{said} {score_text(alignment.score, limits.partial, aligned=limits.aligned)}"
    if alignment.status == "gap":
        level: Level = "error" if breaks else "warning"
        message = f"{name} does not address {label} ({score})."
        if reviewed is None and alignment.score >= report.thresholds.partial:
            # A gap scoring above the threshold reads as a contradiction unless it says why;
            # with a closest passage quoted next, not that there is nothing to quote.
            note = nothing_near_note(alignment, report.thresholds.partial)
            if alignment.nearest is not None:
                note = note.removesuffix(NOTHING_TO_QUOTE) + " on its own"
            message = f"{name} does not address {label} ({score}: it {note})."
        if alignment.nearest is not None:
            near = alignment.nearest
            message += f" Closest passage: {_quote(near.text)} ({where(near.location)})."
    else:
        level = "error" if breaks else "note"
        message = f"{name} only partly addresses {label} ({score})."
        if alignment.evidence:
            best = alignment.evidence[0]
            message += f" Evidence: {_quote(best.text)} ({where(best.location)})."
    waiver = waived.get((path, alignment.priority_id))
    if waiver is not None:
        # Named from the checkout, as the suppression and JUnit's skipped case name it.
        message += f" Waived: {waiver.reason} ({source_from_checkout(waiver.source)})."
    if reviewed is not None:
        review = reviewed.review
        message += (
            f" Reviewed by {review.reviewer} on {review.date.isoformat()} (alignck said "
            f"{reviewed.machine}): {review.reason} ({review.source})."
        )
    if breaks and report.policy.baseline is not None:
        # What failed is a change, not the verdict itself: say from what, as stderr does.
        message += f" Against the baseline: {baseline_change(report.policy, path, alignment)}."
    title = f"{alignment.status}: {priority.title} [{priority.id}]"
    status: Rule = "gap" if alignment.status == "gap" else "partial"
    shown = alignment.evidence[0] if status == "partial" and alignment.evidence else None
    quote, line = (shown.text, shown.location.line) if shown else (None, None)
    return Finding(
        status, level, path, title, message, priority.id, alignment.score, waiver, quote, line
    )


def _review_of(report: Report, path: str, priority_id: str) -> ReviewedVerdict | None:
    # A scan, not a dict: reviews are a handful, verdicts hundreds of thousands.
    for reviewed in report.analysis.reviewed:
        if reviewed.path == path and reviewed.priority_id == priority_id:
            return reviewed
    return None
