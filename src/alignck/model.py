"""Plain frozen dataclasses passed between the pipeline stages.

This module owns the shapes only: no parsing, scoring or formatting happens here, so every stage
can import it without importing another stage.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Literal

from alignck.limits import Limits

PDF_ENGINES = ("pdfium", "pypdf")


class CompactPickle:
    """Pickle a slotted frozen dataclass as its field values.

    The default for slots dataclasses looks up the fields again for every object and was the
    largest cost of loading a cached document (tens of thousands of passages).
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        kind = self.__class__
        values = _FIELD_VALUES.get(kind) or _field_values(kind)
        return kind, values(self)


_FIELD_VALUES: dict[type, Callable[[object], tuple[object, ...]]] = {}


def _field_values(kind: type) -> Callable[[object], tuple[object, ...]]:
    """A slotted class's field values as a tuple, read in C: a worker pickles tens of
    thousands of passages per document, and a generator of getattr calls per object took
    twice as long."""
    names: tuple[str, ...] = kind.__slots__  # type: ignore[attr-defined]
    values: Callable[[object], tuple[object, ...]]
    if len(names) == 1:
        single = operator.attrgetter(names[0])
        values = lambda value: (single(value),)  # noqa: E731
    else:
        values = operator.attrgetter(*names)
    _FIELD_VALUES[kind] = values
    return values


BlockKind = Literal["heading", "paragraph", "list_item", "table_cell"]
Status = Literal["aligned", "partial", "gap"]
# Verdicts from worst to best, for comparing one run with another.
STATUS_RANK: dict[Status, int] = {"gap": 0, "partial": 1, "aligned": 2}
# A sub-priority belongs to a stated priority (its ``parent``); it is never one of the document's
# stated priorities itself.
StatementKind = Literal["priority", "sub_priority", "commitment"]
EvidenceKind = Literal["priority", "commitment", "context", "achievement", "negated"]


@dataclass(frozen=True, slots=True)
class Block(CompactPickle):
    """One unit of a document's text with its place in the document's structure."""

    kind: BlockKind
    text: str
    number: int
    page: int | None = None
    section: tuple[str, ...] = ()
    level: int = 0
    marker: str | None = None
    # A bold phrase opening the block ("**Warm homes.** We will ..."): a run-in heading.
    lead: str | None = None
    # A table cell's (row, column), counted from 0; the header row is row 0.
    cell: tuple[int, int] | None = None
    # An entry of a table of contents, its leaders and page number left out: it can name a
    # priority ('Priority 2: Empower communities') but is navigation, never quoted.
    navigation: bool = False
    # The line of its file the block starts on, counted from 1, where the format has lines
    # (text and Markdown): a finding is placed there, not on the first line that reads alike.
    line: int | None = None
    # Where a paragraph a page break cuts goes on to a later page: (offset in ``text``, page).
    turns: tuple[tuple[int, int], ...] = ()

    @property
    def section_path(self) -> str | None:
        return " › ".join(self.section) if self.section else None

    def page_of(self, part: str) -> int | None:
        """The page a sentence or clause of the block starts on (where it first appears): a
        paragraph runs on over a page break, and a sentence wholly on the next page is
        there, not on the first."""
        if not self.turns:
            return self.page
        # Without the '…' an over-long sentence's piece is marked with where it was cut.
        return self.page_at(max(self.text.find(part.strip("…")), 0))

    def page_at(self, offset: int) -> int | None:
        """The page the block's text is on at ``offset``."""
        page = self.page
        for turn, turned in self.turns:
            if offset < turn:
                break
            page = turned
        return page


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How readers open files: the PDF engine, passwords to try on encrypted PDFs, and what
    one document may cost."""

    pdf_engine: str = "pdfium"
    passwords: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    # The documents that were links when found, which alone may be read through a link;
    # None, any (a document read on its own, as a library caller does). A file found as a
    # file and a link by the time it is read was swapped: a link out of the folder given.
    links: frozenset[str] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.pdf_engine not in PDF_ENGINES:
            raise ValueError(
                f"ReadOptions.pdf_engine must be one of {', '.join(PDF_ENGINES)} "
                f"(got {self.pdf_engine!r})"
            )
        # One password given as a string is one password, not one per character.
        passwords = (self.passwords,) if isinstance(self.passwords, str) else self.passwords
        if not all(isinstance(p, str) for p in passwords):
            raise TypeError("ReadOptions.passwords must be strings")
        object.__setattr__(self, "passwords", tuple(passwords))


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its blocks in reading order, page count (PDF) and reader warnings.

    ``protected`` marks a document that needed a password to open: its text is never written
    to the cache."""

    path: str
    format: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    protected: bool = False


@dataclass(frozen=True, slots=True)
class Location(CompactPickle):
    """Where a quote sits: page (PDF) or paragraph number, and the heading trail; ``line``,
    its block's first line in a text, Markdown or HTML file, only places a finding on that line
    (reports do not show it, and a location loaded from one has none)."""

    page: int | None
    paragraph: int | None
    section: str | None
    line: int | None = field(default=None, compare=False)


# Why a sentence of prose was taken as a stated priority where a document names none: it
# says what the document means to do, but it is no more a commitment than its words make it.
AIM_RULE = "a sentence stating an aim"


@dataclass(frozen=True, slots=True)
class Statement(CompactPickle):
    """A priority a document states, one of its sub-priorities, or an explicit commitment.

    ``rule`` says why it was taken (the lead-in or heading it sits under); ``parent`` is the
    text of the priority a sub-priority belongs to."""

    text: str
    kind: StatementKind
    location: Location
    rule: str
    parent: str | None = None
    # The rest of the priority's own text where it is not the text under it: the numbers of
    # the blocks of its table row's other cells, or of the cells below a header naming it.
    body: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Cut-offs: a verdict whose score reaches ``partial`` is partial, and aligned where its
    commitment (how likely the document is to commit to the priority, ``Alignment.commitment``)
    reaches ``aligned`` too; either needs a passage that addresses the priority on its own."""

    aligned: float = 0.5
    partial: float = 0.5

    def __post_init__(self) -> None:
        # The command line and the framework loader say this in their own terms first; a
        # library caller's value out of range would otherwise quietly call everything a gap
        # (above 1) or addressed (below 0).
        for name in ("aligned", "partial"):
            _require_fraction(getattr(self, name), f"Thresholds.{name}")


@dataclass(frozen=True, slots=True)
class Priority:
    """One framework priority; sub-priorities are flattened with ``parent`` set."""

    id: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    required: bool = False
    parent: str | None = None
    depth: int = 0
    # Ids it had before (renamed): waivers, reviews and earlier runs that name them mean it.
    formerly: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Framework:
    """A shared framework: its ``priorities`` in file order, sub-priorities after their parent
    with ``parent`` set (:func:`alignck.framework.load_framework` reads one from YAML); ``path``
    is the name reports give its file, ``sha256`` the hash of its bytes."""

    name: str
    path: str
    priorities: tuple[Priority, ...]
    version: str | None = None
    description: str | None = None
    thresholds: Thresholds | None = None
    warnings: tuple[str, ...] = ()
    # Whether matching uses the built-in themes lexicon (alignck.themes).
    themes: bool = True
    # SHA-256 of the framework file's bytes, so a report names exactly what it was checked against.
    sha256: str = ""
    # Where its wording comes from and on what terms (a built-in's publisher and licence), which
    # a shared report reproducing its titles must carry.
    source: str | None = None
    licence: str | None = None
    # Reports look a priority up once per verdict: hundreds of thousands in a national run.
    _by_id: dict[str, Priority] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Reversed, so that (in a framework built in code) the first of a repeated id wins.
        object.__setattr__(self, "_by_id", {p.id: p for p in reversed(self.priorities)})

    def priority(self, priority_id: str) -> Priority:
        return self._by_id[priority_id]

    @property
    def renamed(self) -> dict[str, str]:
        """Each id a priority had before -> its id now."""
        return {old: p.id for p in self.priorities for old in p.formerly}


@dataclass(frozen=True, slots=True)
class Evidence(CompactPickle):
    """A quote that supports a verdict, with its strength and what kind of statement it is."""

    text: str
    location: Location
    score: float
    kind: EvidenceKind


@dataclass(frozen=True, slots=True)
class Reason(CompactPickle):
    """One thing the decision weighed: a signal's feature, its value, and how far it moved the
    verdict (its contribution to the log-odds that the document addresses the priority)."""

    signal: str
    feature: str
    value: float
    contribution: float


@dataclass(frozen=True, slots=True)
class Alignment(CompactPickle):
    """The verdict for one document against one framework priority. ``score`` is the fitted
    probability that the document addresses the priority, ``commitment`` that it commits to it."""

    priority_id: str
    status: Status
    score: float
    evidence: tuple[Evidence, ...] = ()
    commitment: float = 0.0
    nearest: Evidence | None = None  # for a gap: the closest passage, below the threshold
    reasons: tuple[Reason, ...] = ()
    # Whatever the thresholds: whether a passage could ground a verdict, and a commitment an
    # aligned one (so that a threshold sweep judges as check does; not in reports).
    grounded: bool = False
    committed: bool = False
    # The sub-priority a partial verdict is taken from, where the priority left a gap but one
    # of its parts is addressed (its score and quotes are that part's): reports say so.
    through: str | None = None


@dataclass(frozen=True, slots=True)
class StatedMatch(CompactPickle):
    """A stated priority with the framework priorities it corresponds to (empty: outside),
    and the themes its terms name (:func:`alignck.themes.theme_terms`), kept with the cached
    result so that grouping those outside by theme reads no lexicon on a warm run."""

    statement: Statement
    matches: tuple[str, ...]
    score: float
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One document's outcome: ``status`` "ok" with its ``alignments`` (one per framework
    priority, in framework order) and ``statements`` (the priorities it states, each with the
    framework priorities it matches), or "error" with ``error``, one line naming the file and
    the problem; ``warnings`` are what reading it noticed (no text, an odd encoding)."""

    path: str
    status: Literal["ok", "error"]
    error: str | None = None
    format: str | None = None
    pages: int | None = None
    statements: tuple[StatedMatch, ...] = ()
    alignments: tuple[Alignment, ...] = ()
    warnings: tuple[str, ...] = ()
    # A sketch of its text (alignck.likeness), to find the same text saved twice.
    sketch: tuple[int, ...] = ()
    # The partner that publishes it, where --partner names one (alignck.partners); None: the
    # document is a partner of its own.
    partner: str | None = None
    # The SHA-256 of the file's bytes (hex), where it was read: a file renamed between two
    # runs ('strategy v3.docx' -> 'strategy FINAL.docx') is the same document to compare.
    sha256: str | None = None
    # The heading every heading of the document sits under (its title), where it has one:
    # reports that name the document show places without it ('p. 4 › Our priorities').
    title: str | None = None

    @property
    def stated_priorities(self) -> tuple[StatedMatch, ...]:
        """Listed priorities; a document that lists none states its priorities as commitments."""
        listed = tuple(s for s in self.statements if s.statement.kind == "priority")
        return listed or tuple(s for s in self.statements if s.statement.kind == "commitment")

    def sub_priorities(self, parent: Statement) -> tuple[StatedMatch, ...]:
        """The sub-priorities stated under one stated priority."""
        return tuple(
            s
            for s in self.statements
            if s.statement.kind == "sub_priority" and s.statement.parent == parent.text
        )

    @property
    def commitments(self) -> tuple[StatedMatch, ...]:
        return tuple(s for s in self.statements if s.statement.kind == "commitment")

    def alignment(self, priority_id: str) -> Alignment:
        """The verdict on one priority (a scan: loop over ``alignments`` for many)."""
        for alignment in self.alignments:
            if alignment.priority_id == priority_id:
                return alignment
        raise KeyError(priority_id)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """Counts of verdicts and the coverage share (aligned 1, partial 0.5) in percent."""

    aligned: int
    partial: int
    gap: int
    percent: float

    @property
    def exact_percent(self) -> float:
        """The share unrounded, as --fail-under compares it (``percent`` is rounded to 0.1)."""
        counted = self.aligned + self.partial + self.gap
        return 100.0 * (self.aligned + 0.5 * self.partial) / counted if counted else 0.0


@dataclass(frozen=True, slots=True)
class PartnerCoverage:
    """One partner --partner names, as its documents together stand: each priority's best
    verdict among them, their coverage, and the priorities none of them addresses."""

    partner: str
    documents: tuple[str, ...]  # paths, in the run's order
    verdicts: dict[str, Status]
    coverage: Coverage
    gaps: tuple[str, ...]  # priority ids


@dataclass(frozen=True, slots=True)
class PriorityOverview:
    """How the whole system stands on one priority."""

    priority_id: str
    status: Status
    aligned: tuple[str, ...]
    partial: tuple[str, ...]
    # How many partners address it: its documents, those of one partner counted once.
    partners: int = 0


@dataclass(frozen=True, slots=True)
class OutsideGroup:
    """Out-of-framework statements from several documents that say the same thing."""

    label: str
    members: tuple[tuple[str, str], ...]

    @property
    def documents(self) -> tuple[str, ...]:
        from alignck.names import path_order

        return tuple(sorted({path for path, _ in self.members}, key=path_order))


@dataclass(frozen=True, slots=True)
class Waiver:
    """An accepted gap: documents matching ``document`` need not address ``priority_id``.

    ``document`` is a glob on the document's path or file name (None: every document); after
    ``expires`` the waiver no longer applies. ``source`` is 'FILE:LINE:COL' for messages."""

    priority_id: str
    reason: str
    document: str | None = None
    expires: date | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class WaivedVerdict:
    """A gap or partial verdict that a waiver accepts: reported, but no policy fails on it."""

    path: str
    priority_id: str
    status: Status
    waiver: Waiver


@dataclass(frozen=True, slots=True)
class Review:
    """An officer's verdict on one document and priority, replacing alignck's: ``document``
    matches like a waiver's (path, file name or name without extension, or a glob)."""

    document: str
    priority_id: str
    verdict: Status
    reason: str
    reviewer: str
    date: date
    source: str = ""
    # alignck's own verdict when the review was made, where the review file says: a run whose
    # verdict now differs says so, as the document (or the framework) changed since.
    alignck_said: Status | None = None
    # The quote alignck gave for the verdict then, where the review file says: a run that no
    # longer quotes it says so, though its verdict is the same (the heading a review was about
    # gone, and the verdict resting on another passage).
    alignck_quoted: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewedVerdict:
    """A verdict a review set: ``machine`` is what alignck itself found."""

    path: str
    priority_id: str
    machine: Status
    review: Review
    # What alignck quotes for the verdict now (its evidence; for a gap, its closest passage),
    # to tell whether the review's ``alignck_quoted`` is still among them.
    quotes: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class OverruledReview:
    """A review that matched a verdict which an earlier review, of another verdict, decided."""

    review: Review
    by: Review
    path: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the verdicts add up to: coverage per document path and for the system (the best
    verdict any document gives each priority), each priority's overview, the priorities no
    document addresses (``unaddressed``, ids) and each document misses (``missed``, path ->
    ids), stated priorities outside the framework (``outside``) and those several documents
    share (``shared_outside``), overlaps, required priorities left a gap, what waivers and
    reviews did, and each named partner's documents taken together (``partners``)."""

    document_coverage: dict[str, Coverage]
    system_coverage: Coverage
    priorities: tuple[PriorityOverview, ...]
    unaddressed: tuple[str, ...]
    missed: dict[str, tuple[str, ...]]
    outside: dict[str, tuple[Statement, ...]]
    overlaps: tuple[PriorityOverview, ...]
    shared_outside: tuple[OutsideGroup, ...]
    required_gaps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    waived: tuple[WaivedVerdict, ...] = ()
    unused_waivers: tuple[Waiver, ...] = ()
    # Why each unused waiver applied to nothing, in the same order: its document name
    # matches no checked document, what it names has no gap or partial verdict, or an
    # earlier waiver accepts every verdict it covers.
    unused_because: tuple[str, ...] = ()
    expired_waivers: tuple[Waiver, ...] = ()
    # In force, but about documents this run did not check (a shared file, one draft).
    elsewhere_waivers: tuple[Waiver, ...] = ()
    reviewed: tuple[ReviewedVerdict, ...] = ()
    unused_reviews: tuple[Review, ...] = ()
    overruled_reviews: tuple[OverruledReview, ...] = ()
    # Each partner --partner names, its documents taken together.
    partners: tuple[PartnerCoverage, ...] = ()

    def waivers_by_verdict(self) -> dict[tuple[str, str], Waiver]:
        """(document path, priority id) -> the waiver that accepts that verdict."""
        return {(w.path, w.priority_id): w.waiver for w in self.waived}

    def reviews_by_verdict(self) -> dict[tuple[str, str], ReviewedVerdict]:
        """(document path, priority id) -> the review that set that verdict."""
        return {(r.path, r.priority_id): r for r in self.reviewed}

    def unused_with_reasons(self) -> list[tuple[Waiver, str]]:
        """Each unused waiver with why it applied to nothing; an analysis made without the
        reasons (by hand, in a test) gives the ordinary one."""
        reasons = self.unused_because or (NO_VERDICT_WAIVED,) * len(self.unused_waivers)
        return list(zip(self.unused_waivers, reasons, strict=True))


# Why a waiver of a checked document applied to nothing, where its name matched one.
NO_VERDICT_WAIVED = "applies to no gap or partial verdict"


FailOn = Literal["gap", "partial", "new-gap", "worse"]
FAIL_ON: tuple[FailOn, ...] = ("gap", "partial", "new-gap", "worse")
# The modes that compare with a baseline's verdicts, meaningless without one.
BASELINE_MODES: tuple[FailOn, ...] = ("new-gap", "worse")


@dataclass(frozen=True, slots=True)
class Policy:
    """What fails a run: coverage below ``fail_under`` percent, any unwaived gap
    (``fail_on='gap'``) or verdict below aligned (``'partial'``), or, against a ``baseline``,
    a gap the baseline did not have (``'new-gap'``) or any verdict below the baseline's
    (``'worse'``); required priorities always.

    ``baseline`` maps (document path in this run, priority id) to the baseline's verdict; a
    document the baseline did not have has no entries (all its gaps are new)."""

    fail_under: float | None = None
    fail_on: FailOn | None = None
    baseline: Mapping[tuple[str, str], Status] | None = field(default=None, compare=False)
    # The baseline's file, as it was given: a report held to it says which.
    baseline_source: str | None = field(default=None, compare=False)
    # The (path, priority id) pairs of ``baseline`` whose verdict a waiver accepted then: debt
    # only while waived, so once the waiver lapses or goes, the verdict is held as a new one.
    baseline_waived: frozenset[tuple[str, str]] = field(default=frozenset(), compare=False)
    # What comparing with the baseline found to say (a reworded priority, a renamed document,
    # waived verdicts no waivers file keeps): warnings and notes, one line each.
    baseline_notes: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.fail_under is not None:
            if not _is_number(self.fail_under) or not 0 <= self.fail_under <= 100:
                raise ValueError(
                    f"Policy.fail_under is a percentage from 0 to 100 (got {self.fail_under!r})"
                )
            if 0 < self.fail_under < 1:
                from alignck.policy import as_percentage

                # A fraction would make a check that can never fail.
                raise ValueError(
                    f"Policy.fail_under is a percentage (0-100), not a fraction: did you mean "
                    f"{as_percentage(self.fail_under)}?"
                )
            if isinstance(self.fail_under, float) and self.fail_under == 0:
                # -0 is 0: JUnit's case said 'at least -0%', the JSON 'fail_under: -0.0'.
                object.__setattr__(self, "fail_under", 0.0)
        if self.fail_on is not None and self.fail_on not in FAIL_ON:
            raise ValueError(
                f"Policy.fail_on must be one of {', '.join(FAIL_ON)} (got {self.fail_on!r})"
            )


@dataclass(frozen=True, slots=True)
class Report:
    """A whole run: the framework, every document's result (in path order), what searching
    the folders skipped and why, the analysis, the thresholds and policy applied, and which
    matcher produced the verdicts. :meth:`name` gives a document's name as reports show it."""

    framework: Framework
    documents: tuple[DocumentResult, ...]
    skipped: tuple[Skipped, ...]
    analysis: Analysis
    thresholds: Thresholds
    policy: Policy = Policy()
    # Which matcher and fitted decision produced the verdicts.
    matcher: str = ""
    # A hash of the alignck code that made the report (its version alone was the same across
    # changes that moved verdicts), and the day waivers were judged against; '' and None in
    # a report made by hand.
    code: str = ""
    judged_on: date | None = None
    # Each document's name in reports; computed once, as renderers ask once per verdict.
    _names: dict[str, str] = field(init=False, repr=False, compare=False)
    # The partner --partner names for each document it names.
    _partners: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from alignck.names import distinguishing_names

        paths = [d.path for d in self.documents]
        object.__setattr__(self, "_names", distinguishing_names(paths))
        partners = {d.path: d.partner for d in self.documents if d.partner is not None}
        object.__setattr__(self, "_partners", partners)

    def partner(self, path: str) -> str | None:
        """The partner that publishes the document, where the run names one."""
        return self._partners.get(path)

    @property
    def grouped(self) -> bool:
        """Whether the run names partners: overlaps then count partners, not documents."""
        return bool(self._partners)

    def name(self, path: str) -> str:
        """A document's short name: its stem, or the shortest path that tells it apart from
        another document of the same name."""
        return self._names.get(path) or PurePath(path).stem

    def published_name(self, path: str) -> str:
        """The short name after the partner that publishes the document, where the run names
        one ('Riverside PCN: Annual Report'): two PCNs' annual reports, told apart by their
        names alone, read as one another's. Raw: each format escapes it as it escapes names."""
        partner = self._partners.get(path)
        name = self.name(path)
        return f"{partner}: {name}" if partner is not None else name

    @property
    def errors(self) -> tuple[DocumentResult, ...]:
        return tuple(d for d in self.documents if d.status == "error")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _require_fraction(value: object, name: str) -> None:
    if not _is_number(value):
        raise TypeError(f"{name} must be a number between 0 and 1 (got {value!r})")
    if not 0.0 <= value <= 1.0:  # type: ignore[operator]
        raise ValueError(f"{name} must be between 0 and 1 (got {value!r})")
