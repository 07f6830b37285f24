"""Small helpers shared by renderers: short document names, locations, symbols."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO

from alignck.escape import one_line, without_sequences
from alignck.model import Alignment, Location
from alignck.wording import counted

if TYPE_CHECKING:
    from rich.console import Console

    from alignck.model import DocumentResult, PriorityOverview, Report, ReviewedVerdict, Waiver

SYMBOLS = {"aligned": "✔", "partial": "◐", "gap": "✘"}


def console(out: TextIO, color: bool, width: int | None = None) -> Console:
    """A Rich console on ``out``: colour only when asked, no markup guessing, and a closed
    pipe ('alignck check ... | head') reported as BrokenPipeError for the CLI to handle
    (Rich's own handling exits 1, which here means 'policy failed').

    Everything printed is untrusted (file names, document text, framework titles), so Rich
    markup is off ('[link=...]' in a title stays text) and every segment of text is stripped of
    control characters before it reaches the terminal: an ESC from a file name could otherwise
    recolour, retitle or rewrite the screen; and of what a CI log runs as a command ('::' and
    '##['). Rich's own styling is added after, so it stays."""
    from rich.console import Console, RenderableType
    from rich.segment import Segment

    from alignck.escape import log_text, terminal_text

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

        def render(self, renderable: RenderableType, options: Any = None) -> Iterator[Segment]:
            for segment in super().render(renderable, options):
                text = segment.text
                if segment.control or (text.isprintable() and ":" not in text and "#" not in text):
                    yield segment
                else:
                    yield segment._replace(text=log_text(terminal_text(text)))

    return _Console(
        file=out,
        markup=False,
        force_terminal=color,
        no_color=not color,
        width=width or 120,
        highlight=False,
        emoji=False,
        color_system="standard" if color else None,
    )


def short_name(path: str, report: Report | None = None) -> str:
    """The document's name as reports show it: its stem, or with ``report``, the shortest
    path that tells it apart from the report's other documents of the same name, after the
    partner that publishes it where the run names one ('Riverside PCN: annual-report'): two
    PCNs' annual reports, told apart by their names alone, were read as one another's."""
    if report is None:
        return shown_path(PurePath(path).stem)
    return shown_path(report.published_name(path))


def shown_path(path: str) -> str:
    r"""A file name as a report shows it: a newline or other control character in it appears as
    an escape (``\n``), so the name stays on its line (no forged CI command or table row)."""
    return one_line(path)


def where(location: Location, title: str | None = None) -> str:
    """'p. 3 › Section' for PDFs, '¶ 12 › Section' otherwise; without ``title``, the heading
    the document's every heading sits under, which a report naming the document gives once
    (a quote three headings deep was placed under the plan's full title every time)."""
    place = (
        f"p. {location.page}"
        if location.page
        else (f"¶ {location.paragraph}" if location.paragraph else "")
    )
    section = location.section
    if section and title:
        section = "" if section == title else section.removeprefix(f"{title} › ")
    if section:
        # A heading's escape sequences removed whole, as a quote's are: Rich drops the ESC
        # alone, and ']8;;http://…' of a link was left in the terminal's Where column.
        section = without_sequences(section)
        return f"{place} › {section}" if place else section
    return place


def marked_names(
    report: Report, overview: PriorityOverview, marks: VerdictMarks | None = None
) -> list[str]:
    """'✔ name (aligned)' for each document aligned on the priority, then '◐ name (partial)' for
    each partial one: the word too, as a symbol alone is read out as its shape, or not at all;
    with the verdict's marks where a reviewer set it or a waiver accepts it ('◐ plan (partial)
    (reviewed)', as the grid shows it: an overlap can rest on a reviewer's verdict alone). A
    document --partner names reads 'Partner: name'."""
    marks = marks or VerdictMarks(report)
    named = [("aligned", p) for p in overview.aligned] + [("partial", p) for p in overview.partial]
    return [
        f"{SYMBOLS[status]} {short_name(p, report)} ({status})"
        f"{marks.marks(p, overview.priority_id)}"
        for status, p in named
    ]


def plain_name(path: str, report: Report) -> str:
    """A document's short name without its partner: what the CI formats keep as its
    identifier (a JUnit classname a CI server tracks history by), and a partner's own page
    names beside its 'Partner:' line."""
    return shown_path(report.name(path))


def overlap_unit(report: Report) -> str:
    """What an overlap counts: documents, unless the run names the partners publishing them."""
    return "partners" if report.grouped else "documents"


def missing_names(report: Report, path: str, ids: tuple[str, ...]) -> list[str]:
    """Each priority a document misses, by title, marked where a policy requires it, a
    reviewer set the gap or a waiver accepts it: the same words in every format that lists
    gaps, and the same marks as the verdicts' own."""
    required = set(report.analysis.required_gaps.get(path, ()))
    marks = VerdictMarks(report)
    return [
        report.framework.priority(i).title
        + (" (required)" if i in required else "")
        + marks.marks(path, i)
        for i in ids
    ]


def nothing_outside(report: Report, result: DocumentResult | None = None) -> str:
    """What an empty 'Outside the framework' table says: that every stated priority matches,
    but not of a document in which alignck found none stated (priorities written only in
    prose), whose empty row read as 'nothing beyond the framework'. ``result`` for one
    document's page."""
    if result is not None:
        if not result.stated_priorities:
            return NO_STATED_PRIORITY_FOUND
        return EVERY_STATED_PRIORITY_MATCHES
    checked = [r for r in report.documents if r.status == "ok"]
    silent = [short_name(r.path, report) for r in checked if not r.stated_priorities]
    if not silent:
        return EVERY_STATED_PRIORITY_MATCHES
    if len(silent) == len(checked):
        return (
            "alignck found no stated priority in any document, so none can show here "
            "('alignck extract' shows what was read)."
        )
    named = ", ".join(silent) if len(silent) <= _NAMED_SILENT else f"{len(silent)} documents"
    return (
        f"Every stated priority found matches the framework; alignck found none stated in "
        f"{named}, which can show nothing here ('alignck extract' shows what was read)."
    )


EVERY_STATED_PRIORITY_MATCHES = "Every stated priority matches the framework."
NO_STATED_PRIORITY_FOUND = (
    "alignck found no stated priority in this document, so nothing it states can show here "
    "('alignck extract' shows what was read)."
)
_NAMED_SILENT = 5


def unaddressed_marks(report: Report) -> dict[str, str]:
    """For each priority no document addresses, how far waivers accept that: ' (waived)'
    where every document's gap is waived, ' (waived in 2 of 6)' where some are, '' where none
    is; the rows beneath, one per document, mark each gap so, and 'every document' above
    them said nothing of it."""
    waived = set(report.analysis.waivers_by_verdict())
    paths = list(report.analysis.document_coverage)
    found = {}
    for priority_id in report.analysis.unaddressed:
        count = sum((path, priority_id) in waived for path in paths)
        found[priority_id] = (
            ""
            if not count
            else " (waived)"
            if count == len(paths)
            else f" (waived in {count} of {len(paths)})"
        )
    return found


def document_problems(report: Report) -> list[str]:
    """One line per unreadable document, warning and skipped file, for the shared formats."""
    lines = [f"error: {r.error or ''}" for r in report.errors]
    lines += [f"warning: {r.path}: {w}" for r in report.documents for w in r.warnings]
    lines += [f"skipped: {s.path} ({s.reason})" for s in report.skipped]
    return lines


def is_note(line: str) -> bool:
    """Whether a 'FILE: note: ...' line is a note rather than a warning: the CI formats give
    it their milder level (GitHub's notice, SARIF's note)."""
    return ": warning: " not in line and ": note: " in line


def waiver_warnings(report: Report) -> list[str]:
    """Lapsed and unused waivers, so stale entries get noticed and cleaned up: on standard
    error, and in the CI formats beside the findings (a lapsed waiver turns a check red)."""
    from alignck.waivers import lapsed_warning, unused_warning

    analysis = report.analysis
    checked = [r.path for r in report.documents if r.status == "ok"]
    return [
        *(lapsed_warning(w) for w in analysis.expired_waivers),
        *(unused_warning(w, checked, why) for w, why in analysis.unused_with_reasons()),
    ]


def review_warnings(report: Report) -> list[str]:
    """Reviews that apply to no document checked, that a first review overrules, or that
    were made when alignck said otherwise: on standard error, and in the CI formats beside
    the waivers' (a review made of an earlier text may no longer hold)."""
    from alignck.reviews import changed_warning, matches, overruled_warning, unused_warning

    analysis = report.analysis
    checked = [r.path for r in report.documents if r.status == "ok"]
    unread = [r.path for r in report.documents if r.status != "ok"]
    applied = Counter(id(reviewed.review) for reviewed in analysis.reviewed)
    changed = (
        changed_warning(reviewed, applied[id(reviewed.review)] > 1)
        for reviewed in analysis.reviewed
    )
    # A review of a document this run could not read is not stale (its error says why), as
    # a waiver of one is not: 'matches no document' would have it deleted.
    unused = [r for r in analysis.unused_reviews if not any(matches(r, p) for p in unread)]
    return [
        *(unused_warning(review, checked) for review in unused),
        *(overruled_warning(overruled) for overruled in analysis.overruled_reviews),
        *(warning for warning in changed if warning is not None),
    ]


def provenance(report: Report, framework_file: str | None = None) -> list[tuple[str, str]]:
    """What produced the verdicts, as (label, value) pairs, so a shared report can be
    reproduced: alignck's version, the framework exactly, the thresholds and the matcher.
    ``framework_file``: the framework's path as the report names its documents."""
    from alignck import __version__
    from alignck.checkout import shared_path

    framework = report.framework
    held = report.policy.baseline_source
    if held and framework_file is not None:
        # Named as the framework and documents are, never by the runner's own folders.
        held = shared_path(held)
    baseline = [("baseline", held)] if held else []
    return [
        ("alignck", __version__),
        ("framework", framework.name),
        ("framework version", framework.version or "(none given)"),
        ("framework file", framework_file or framework.path),
        ("framework sha256", framework.sha256 or "(not read from a file)"),
        # Where its wording is from, and on what terms, as its licence asks a copy to say.
        *([("framework source", framework.source)] if framework.source else []),
        *([("framework licence", framework.licence)] if framework.licence else []),
        (
            "thresholds",
            f"aligned {report.thresholds.aligned:g}, partial {report.thresholds.partial:g}",
        ),
        ("matcher", report.matcher or "default"),
        # The version alone was the same across changes that moved verdicts.
        *([("alignck code", report.code)] if report.code else []),
        *([("waivers judged on", report.judged_on.isoformat())] if report.judged_on else []),
        *baseline,
    ]


def percent(value: float) -> str:
    """A share as a whole percent, halves rounded up as readers round them (12.5 -> 13, as
    87.5 -> 88; Python's own rounding gives halves to the even neighbour, 12); never 100% or
    0% unless it is exactly that: 199 of 200 priorities aligned and one partial is 99.8%, as
    the JSON report's figure (rounded to 0.1) says, with more figures where that is 100.0."""
    whole = math.floor(value + 0.5)
    if (whole >= 100 and value < 100) or (whole <= 0 and value > 0):
        from decimal import Decimal

        from alignck.analyse import rounded_share

        # As the JSON gives it (halves up, from 0.1 on): 1 partial of 200 is 0.3%, not 0.2%.
        return f"{Decimal(repr(rounded_share(value))):f}%"
    return f"{whole:d}%"


def system_percent(report: Report) -> str:
    """System coverage as a whole percent, unless rounding would carry it across
    --fail-under (78.57% shown as 79% beside a failed 78.6): then as the policy said it."""
    from alignck.policy import coverage_figure

    value = report.analysis.system_coverage.exact_percent
    limit = report.policy.fail_under
    shown = percent(value)
    # Compared as shown: past 99.5 a share is shown to 0.1 or finer, not as a whole percent.
    if _across(float(shown.rstrip("%")), value, limit):
        return f"{coverage_figure(value, limit)}%"
    return shown


def system_share(report: Report) -> float:
    """System coverage as the machine-readable formats give it (to 0.1), unless rounding would
    carry it across --fail-under (64.29 shown as 64.3 beside a failed 64.3, which a script
    comparing the two would read as a pass): then with as many figures as the policy said."""
    from alignck.policy import coverage_figure

    coverage = report.analysis.system_coverage
    limit = report.policy.fail_under
    exact = coverage.exact_percent
    if _across(coverage.percent, exact, limit):
        return float(coverage_figure(exact, limit))
    return coverage.percent


def _across(shown: float, exact: float, limit: float | None) -> bool:
    """Whether a figure as shown lies on the other side of --fail-under than the share it
    rounds."""
    return limit is not None and (shown >= limit) != (exact >= limit)


WAIVED_HEADER = ["Document", "Priority", "Verdict", "Reason", "Until", "Waiver"]


def waived_rows(report: Report, path: str | None = None) -> list[list[str]]:
    """One row per accepted verdict (of the document at ``path`` alone, if given): document,
    priority, verdict, reason, expiry, source."""
    return [
        [
            short_name(w.path, report),
            report.framework.priority(w.priority_id).title,
            w.status,
            w.waiver.reason,
            w.waiver.expires.isoformat() if w.waiver.expires else "no expiry",
            w.waiver.source,
        ]
        for w in report.analysis.waived
        if path is None or w.path == path
    ]


REVIEWED_HEADER = [
    "Document",
    "Priority",
    "Reviewed",
    "alignck said",
    "Reason",
    "By",
    "On",
    "Review",
]


def reviewed_rows(report: Report, path: str | None = None) -> list[list[str]]:
    """One row per reviewed verdict (of the document at ``path`` alone, if given): document,
    priority, the officer's verdict, alignck's own, reason, reviewer, date, source."""
    return [
        [
            # As the grid and the Waived table name it: two 'strategy' files were one name.
            short_name(r.path, report),
            report.framework.priority(r.priority_id).title,
            r.review.verdict,
            _machine_said(r),
            r.review.reason,
            r.review.reviewer,
            r.review.date.isoformat(),
            r.review.source,
        ]
        for r in report.analysis.reviewed
        if path is None or r.path == path
    ]


def _machine_said(reviewed: ReviewedVerdict) -> str:
    """alignck's verdict beside a review; where it has changed since the review was made
    (its ``alignck_said``), both: shown alone, today's read as the verdict the reviewer
    overruled, and nothing published said the review might no longer hold."""
    then = reviewed.review.alignck_said
    if then is None or then == reviewed.machine:
        return reviewed.machine
    return f"{reviewed.machine} now ({then} when reviewed)"


def closest_note(alignment: Alignment, partial: float) -> str:
    """What a gap's closest passage is introduced as. A gap can score above the partial
    threshold: the document as a whole looks like it addresses the priority, but no passage
    does on its own, and a verdict rests on passages."""
    # The passage's own score as evidence, beside the verdict's score for the whole
    # document: shown alone, the verdict's read as the passage's.
    # Which score is below the threshold is said outright: a board member read 'closest,
    # below the threshold (this passage 0.75 as evidence)' under a 0.50 threshold as an error.
    near = alignment.nearest
    own = (
        f" (this passage alone scores {near.score:.2f} as evidence, scored on its own, apart "
        "from the document as a whole)"
        if near is not None
        else ""
    )
    return closest_lead(alignment.score, partial) + own


def closest_lead(score: float | None, partial: float) -> str:
    """How a gap's closest passage is introduced, by the verdict's score (None: not known,
    taken as below the threshold); :func:`closest_note` adds the passage's own score."""
    if score is not None and score >= partial:
        return (
            f"scores at or above the {partial:g} threshold as a whole, but no single passage "
            "addresses it on its own; the closest passage"
        )
    return f"the document's score is below the {partial:g} threshold; the closest passage"


# What a gap says when no passage that can be quoted shares anything with its priority.
NOTHING_NEAR = "no passage that can be quoted shares anything with it"


def nothing_near_note(alignment: Alignment, partial: float) -> str:
    """What a gap with no closest passage says: none of the passages that can be quoted
    shares anything with the priority (a heading may), though the document as a whole can
    still score as addressing it."""
    if alignment.through is not None:
        # Its part's verdict is a reviewer's, or rests on no passage of its own either.
        return "its part has no passage to quote"
    if alignment.score >= partial:
        # 'scores as addressed' read as jargon to a blind tester: which score, addressed how.
        return (
            f"scores at or above the {partial:g} threshold as a whole, but no single passage "
            f"addresses it{NOTHING_TO_QUOTE}"
        )
    return NOTHING_NEAR


NOTHING_TO_QUOTE = ", so there is nothing to quote"


def policy_verdict(report: Report) -> tuple[bool, list[str]] | None:
    """Whether the run passed its policy (as its exit code says) and why not, for the reports
    a board reads; None when the run set no policy (no --fail-under, no --fail-on, no
    required priority) and read every document."""
    from alignck.policy import coverage_measured, failures, sets_a_policy, unread_reason

    reasons = failures(report)
    if not (reasons or report.errors or sets_a_policy(report)):
        return None
    if not (reasons or report.errors or coverage_measured(report)):
        # Nothing checked: no standard was met or missed ('Policy: passed' under '0
        # documents checked' said a coverage limit had been reached).
        return None
    unread = unread_reason(report)
    return not (reasons or unread), [*reasons, *([unread] if unread else [])]


def held_to(report: Report) -> str:
    """What the run was held to, in words a board reads ('system coverage of at least 90%;
    every framework priority aligned in every document, waived verdicts aside'): a report
    saying only 'Policy: passed' left the reader to guess which standard it passed. Empty
    where the run was held to nothing (a --fail-under of 0 holds it to nothing)."""
    from alignck.policy import coverage_measured, limit_figure

    policy = report.policy
    terms = []
    if policy.fail_under and coverage_measured(report):
        terms.append(f"system coverage of at least {limit_figure(policy.fail_under)}%")
    named = f" ({policy.baseline_source})" if policy.baseline_source else ""
    held = policy.baseline is not None
    # What no failure counts: waived verdicts, and with a baseline what it had already.
    aside = "waived verdicts" + (f" and what the baseline{named} had already" if held else "")
    fail_on = policy.fail_on
    if fail_on == "new-gap":
        terms.append(f"no gap the baseline{named} did not have, waived verdicts aside")
    elif fail_on == "worse":
        terms.append(f"no verdict worse than in the baseline{named}, waived verdicts aside")
    elif fail_on is not None:
        wanted = (
            "no framework priority left a gap in any document"
            if fail_on == "gap"
            else "every framework priority aligned in every document"
        )
        terms.append(f"{wanted}, {aside} aside")
    required = [p.title for p in report.framework.priorities if p.required]
    if required:
        titles = ", ".join(f"'{title}'" for title in required)
        kind = "priority" if len(required) == 1 else "priorities"
        terms.append(f"required {kind} {titles} addressed by every document, {aside} aside")
    return "; ".join(terms)


def failed_heading(report: Report) -> str:
    """'Policy failed', or 'Run failed' where no policy was set and only unreadable documents
    failed it: a board must not read a standard into a run that applied none."""
    from alignck.policy import sets_a_policy

    return "Policy failed" if sets_a_policy(report) else "Run failed"


class VerdictMarks:
    """Which verdicts a reviewer set and which a waiver accepts, marked the same way in
    every format that shows verdicts: '✘ gap (reviewed) (waived)'."""

    def __init__(self, report: Report) -> None:
        self.reviewed = {(r.path, r.priority_id) for r in report.analysis.reviewed}
        self.waived = set(report.analysis.waivers_by_verdict())

    def marks(self, path: str, priority_id: str) -> str:
        key = (path, priority_id)
        return (" (reviewed)" if key in self.reviewed else "") + (
            " (waived)" if key in self.waived else ""
        )

    def letters(self, path: str, priority_id: str) -> str:
        """The same marks as letters, where a cell has no room for words: 'r', 'w', 'rw'."""
        key = (path, priority_id)
        return ("r" if key in self.reviewed else "") + ("w" if key in self.waived else "")

    def most_letters(self) -> int:
        """How many letters a verdict of this report carries at most: 0, 1 or 2."""
        return 2 if self.reviewed & self.waived else int(bool(self.reviewed or self.waived))

    def label(self, path: str, alignment: Alignment) -> str:
        status = alignment.status
        return f"{SYMBOLS[status]} {status}{self.marks(path, alignment.priority_id)}"

    def is_reviewed(self, path: str, priority_id: str) -> bool:
        return (path, priority_id) in self.reviewed


def score_text(
    score: float, partial: float, reviewed: bool = False, aligned: float | None = None
) -> str:
    """A verdict's score to two places, or four where two would carry it across a
    threshold (0.4994 shown as 0.50 beside 'below the threshold' of 0.5); 'alignck's' beside
    a reviewer's verdict, whose reason it is not."""
    shown = f"{score:.2f}"
    lines = (partial,) if aligned is None else (partial, aligned)
    if any((round(score, 2) >= line) != (score >= line) for line in lines):
        shown = f"{score:.4f}"
    return f"{shown} (alignck's)" if reviewed else shown


def reviewed_lead(
    reviewed: bool,
    alignment: Alignment | None = None,
    report: Report | None = None,
    path: str = "",
) -> str:
    """What a reviewed verdict's quotes are introduced as: alignck's, not the reviewer's; and
    a verdict taken from a part, as that part's ('through its part ...'): a parent partial on
    a sub-priority's quotes, or on its reviewer's verdict, said nothing of where it came from."""
    lead = "alignck quoted: " if reviewed else ""
    if alignment is None or report is None or alignment.through is None:
        return lead
    part = report.framework.priority(alignment.through)
    # The reviewer's verdict on it, not only that there was one: a part a reviewer set to a
    # gap read '(reviewed)' beside the quote it rejected, as if confirmed.
    set_to = next(
        (
            r.review.verdict
            for r in report.analysis.reviewed
            if r.path == path and r.priority_id == part.id
        ),
        None,
    )
    by = f" (reviewed: {set_to})" if set_to else ""
    return f"{lead}through its part '{one_line(part.title)}' [{part.id}]{by}: "


# What the reports say above stale_waiver_lines: an expired waiver did apply to a verdict
# once, so 'applied to nothing' alone described only the other kind.
STALE_WAIVERS_NOTE = "Waivers that expired or now apply to nothing: renew them, or remove them."


# What the shared reports say above review_warnings: they were on standard error, in the JSON
# and the CI formats, but a board reading the Markdown or HTML never saw a review gone stale.
STALE_REVIEWS_NOTE = (
    "Reviews that apply to no document checked, that an earlier review overrules, or that were "
    "made when alignck said something else: check they still hold, or remove them."
)


def stale_waiver_lines(report: Report) -> list[str]:
    """Waivers to look at: expired ones (a policy failing on their verdicts fails again) and
    ones that match no gap or partial. Said on standard error too, but a board reads the
    report."""
    analysis = report.analysis
    lines = []
    for waiver in analysis.expired_waivers:
        lines.append(
            f"{_waived_priority(report, waiver)}: expired on {waiver.expires}, so no longer "
            # The place first: after the reason ('carry this priority.; waivers.yaml:4:5') it
            # doubled the reason's own stop, and the stop cannot be cut ('... the U.S.').
            f"applied ({waiver.source}; reason was: {waiver.reason})"
        )
    # A misspelt document name is said so: 'applies to no gap' hid a gap it was meant for.
    for waiver, reason in analysis.unused_with_reasons():
        lines.append(f"{_waived_priority(report, waiver)}: {reason} ({waiver.source})")
    return lines


def _waived_priority(report: Report, waiver: Waiver) -> str:
    titles = {p.id: p.title for p in report.framework.priorities}
    title = titles.get(waiver.priority_id)
    named = f"'{title}' [{waiver.priority_id}]" if title else f"[{waiver.priority_id}]"
    return f"{named} in {waiver.document or 'every document'}"


# How every coverage figure is counted, said once in each shared report.
COVERAGE_RULE = (
    "Coverage counts an aligned priority as 1 and a partial one as 0.5, out of every framework "
    "priority (a sub-priority counts as one, as its parent does); the system's verdict on a "
    "priority is the best any document gives it."
)


# What a quote's place means: a reader counting paragraphs in Word found '¶ 14' a few early.
PLACE_RULE = (
    "Where: p. is a page, where the document records its pages (a PDF does); ¶ counts a "
    "Word, OpenDocument, Markdown, HTML or text document's headings, paragraphs, list items and "
    "table cells from its start; after › come the headings it sits under (in a document's "
    "evidence, those under the title named above it)."
)


def score_rule(report: Report) -> str:
    """What a verdict's score and a quote's kind mean, for a reader of a shared report who
    has not read the README (a board member)."""
    limits = report.thresholds
    return (
        "Score: how likely the document is to address the priority, from 0 to 1, as weighed "
        "by a model fitted on documents people labelled. From "
        f"{limits.partial:g} a verdict is partial; aligned needs a commitment to the priority "
        f"scoring {limits.aligned:g} too; either needs a passage that addresses it on its own, "
        "which is quoted. Quotes are marked as a commitment (what the document says will be "
        "done), a stated priority (one of the document's own), context (background, figures) "
        "or an achievement "
        "(what was done)."
    )


def kind_shown(kind: str) -> str:
    """A quote's kind as a reader's report names it: 'stated priority', since a quote marked
    '(priority)' under a framework priority read as that priority (the machine formats keep
    'priority')."""
    return "stated priority" if kind == "priority" else kind


def priorities_counted(report: Report) -> str:
    """'7 priorities', or '7 priorities (1 a sub-priority)': each is a verdict and counts in
    coverage alike, and a board counting the framework's top-level priorities found fewer."""
    priorities = report.framework.priorities
    parts = sum(1 for p in priorities if p.parent)
    said = counted(len(priorities), "priority", "priorities")
    if not parts:
        return said
    return f"{said} ({parts} {'a sub-priority' if parts == 1 else 'of them sub-priorities'})"


def system_counts(report: Report) -> str:
    """'7 aligned, 1 partial, 0 not addressed by any document': the system verdicts behind
    its coverage, in the terminal's words. '0 gap' above a table of each document's gaps
    read to a board member as a contradiction."""
    system = report.analysis.system_coverage
    return (
        f"{system.aligned} aligned, {system.partial} partial, "
        f"{system.gap} not addressed by any document"
    )


# How a warning line names its kind after the file and place it is about.
_KINDS = (": warning: ", ": note: ", ": error: ")


def source_from_checkout(source: str) -> str:
    """A 'FILE:LINE:COL' source (a waiver's, a review's) with its file named as the results
    name documents, from the checkout (:func:`alignck.checkout.checkout_path`): typed as
    '../waivers.yaml' from a sub-folder, or in full, it made the same checkout's SARIF and
    JUnit differ by where they ran."""
    from alignck.checkout import shared_path
    from alignck.yamlnodes import source_place

    file, _ = source_place(source)
    if not file or file == "alignck":
        return source
    return shared_path(file) + source[len(file) :]


def warning_from_checkout(line: str) -> tuple[str, str, str]:
    """A 'FILE:LINE:COL: warning: ...' line with its file named from the checkout, and the
    file (as the line gave it) and line it is about ('' where it names none)."""
    from alignck.yamlnodes import source_place

    for kind in _KINDS:
        source, found, said = line.partition(kind)
        if found and source != "alignck":
            file, number = source_place(source)
            return f"{source_from_checkout(source)}{kind}{said}", file, number
    return line, "", ""


PARTNERS_TITLE = "Coverage by partner"
PARTNERS_NOTE = (
    "Each partner --partner names, its documents taken together: a priority is aligned or "
    "partial for it where one of its documents is, and not addressed where none is."
)
PARTNERS_HEADER = ["Partner", "Documents", "Coverage", "Not addressed by any of its documents"]


def partner_rows(report: Report) -> list[list[str]]:
    """One row per partner --partner names: its name, its documents, the coverage of their
    best verdicts, and the priorities none of them addresses."""
    rows = []
    for found in report.analysis.partners:
        documents = "; ".join(shown_path(report.name(path)) for path in found.documents)
        missing = "; ".join(report.framework.priority(pid).title for pid in found.gaps)
        rows.append(
            [
                one_line(found.partner),
                documents,
                percent(found.coverage.exact_percent),
                missing or "—",
            ]
        )
    return rows
