"""Turn per-document verdicts into the system view: coverage, gaps, overlaps, shared themes.

Coverage counts an aligned verdict as 1 and a partial one as 0.5. The system's verdict on a
priority is the best any document gives it. Out-of-framework statements from different partners
are grouped when their terms largely agree or their terms name the same policy theme
(:mod:`alignck.themes`), to show candidates for the framework.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath

from alignck.language import phrase_key, terms
from alignck.model import (
    Analysis,
    Coverage,
    DocumentResult,
    Framework,
    OutsideGroup,
    PartnerCoverage,
    PriorityOverview,
    Statement,
    Status,
    WaivedVerdict,
    Waiver,
)
from alignck.names import path_order
from alignck.waivers import concerns, covers, split_expired, unused_reason
from alignck.wording import clipped

_RANK: dict[Status, int] = {"gap": 0, "partial": 1, "aligned": 2}
SHARED_OUTSIDE_SIMILARITY = 0.6
MAX_POSTINGS = 300


def coverage(statuses: Iterable[Status]) -> Coverage:
    counted = list(statuses)
    aligned = counted.count("aligned")
    partial = counted.count("partial")
    gap = counted.count("gap")
    percent = 100.0 * (aligned + 0.5 * partial) / len(counted) if counted else 0.0
    return Coverage(aligned, partial, gap, rounded_share(percent))


def rounded_share(percent: float) -> float:
    """A share in percent to 0.1, as reports give it, a half rounded up as the terminal and
    Markdown round it (18.75 and 31.25 are 18.8 and 31.3; Python's round made the second
    31.2); a share short of all or above none keeps as many more figures as it needs not to
    read 100.0 or 0.0 (199.5 of 200 is 99.8, 1,999.5 of 2,000 is 99.98)."""
    shown = _half_up(percent, 1)
    digits = 1
    while (shown in (0.0, 100.0)) and 0 < percent < 100 and digits < 6:
        digits += 1
        shown = _half_up(percent, digits)
    return shown


def _half_up(value: float, digits: int) -> float:
    from decimal import ROUND_HALF_UP, Decimal

    # From the shortest decimal that is the float: 64.285714... is not taken for a tie.
    exact = Decimal(repr(value))
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def analyse(
    framework: Framework,
    results: Sequence[DocumentResult],
    waivers: Sequence[Waiver] = (),
    today: datetime.date | None = None,
) -> Analysis:
    """The system view; ``waivers`` in force on ``today`` accept gaps and partials (they stay
    in every count, but required-priority gaps they accept no longer fail)."""
    checked = [r for r in results if r.status == "ok"]
    paths = [r.path for r in checked]
    partner = {r.path: partner_key(r) for r in checked}
    overview = _overviews(framework, checked, partner)
    required = {p.id for p in framework.priorities if p.required}
    live, expired = split_expired(waivers, today or datetime.date.today())
    waived = _waived(framework, checked, live)
    accepted = {(w.path, w.priority_id) for w in waived}
    used = {w.waiver for w in waived}
    missed = {
        r.path: tuple(a.priority_id for a in r.alignments if a.status == "gap") for r in checked
    }
    outside = {
        r.path: tuple(s.statement for s in r.stated_priorities if not s.matches) for r in checked
    }
    return Analysis(
        document_coverage={r.path: coverage(a.status for a in r.alignments) for r in checked},
        system_coverage=coverage(o.status for o in overview) if checked else coverage([]),
        priorities=overview,
        unaddressed=tuple(o.priority_id for o in overview if o.status == "gap") if checked else (),
        missed=missed,
        outside=outside,
        overlaps=tuple(o for o in overview if o.partners >= 2),
        shared_outside=shared_outside(
            outside,
            {r.path: [s.themes for s in r.stated_priorities if not s.matches] for r in checked},
            themed=framework.themes,
            partner_of=partner,
        ),
        required_gaps={
            path: unwaived
            for path, ids in missed.items()
            if (unwaived := tuple(i for i in ids if i in required and (path, i) not in accepted))
        },
        waived=waived,
        # Stale: a waiver about a document checked that accepts none of its verdicts. One
        # for documents this run did not check (a shared file, one draft) is not.
        unused_waivers=(unused := tuple(w for w in live if w not in used and concerns(w, paths))),
        unused_because=tuple(
            _taken_already(w, waived, framework)
            or _aligned_now(w, checked, framework)
            or unused_reason(w, paths)
            for w in unused
        ),
        # Lapsed, about a document checked: one about documents this run did not check (a
        # draft run beside the partners' waivers) is no more its business than one in force.
        expired_waivers=tuple(w for w in expired if concerns(w, paths)),
        elsewhere_waivers=tuple(w for w in live if w not in used and not concerns(w, paths)),
        partners=partner_coverage(framework, checked),
    )


def _waived(
    framework: Framework, results: Sequence[DocumentResult], waivers: Sequence[Waiver]
) -> tuple[WaivedVerdict, ...]:
    """Each gap or partial verdict with the first waiver in force that accepts it. A waiver on
    a priority also accepts its sub-priorities: accepting 'Healthy homes' accepts its parts."""
    if not waivers:
        return ()
    parents = {p.id: p.parent for p in framework.priorities}
    found = []
    for result in results:
        for alignment in result.alignments:
            if alignment.status == "aligned":
                continue
            lineage = _lineage(alignment.priority_id, parents)
            for waiver in waivers:
                if waiver.priority_id in lineage and covers(waiver, result.path):
                    found.append(
                        WaivedVerdict(result.path, alignment.priority_id, alignment.status, waiver)
                    )
                    break
    return tuple(found)


def _taken_already(
    waiver: Waiver, waived: Sequence[WaivedVerdict], framework: Framework
) -> str | None:
    """Why a waiver that accepts a verdict an earlier one accepted first was used for none:
    said to apply to no gap, it read as a misspelt waiver while its gap was there."""
    parents = {p.id: p.parent for p in framework.priorities}
    for accepted in waived:
        lineage = _lineage(accepted.priority_id, parents)
        if waiver.priority_id in lineage and covers(waiver, accepted.path):
            first = f", the one at {accepted.waiver.source}" if accepted.waiver.source else ""
            return f"accepts only verdicts an earlier waiver accepts already{first}"
    return None


def _aligned_now(
    waiver: Waiver, results: Sequence[DocumentResult], framework: Framework
) -> str | None:
    """Why a waiver applies to nothing where what it names is aligned now: said only to
    apply to no gap, it was deleted as stale, though the aligned verdict it met was alignck's
    mistake (a fire service's 'no early years role' waiver, met by a false aligned verdict on
    the best start in life)."""
    parents = {p.id: p.parent for p in framework.priorities}
    aligned = [
        (result, alignment)
        for result in results
        if covers(waiver, result.path)
        for alignment in result.alignments
        if waiver.priority_id in _lineage(alignment.priority_id, parents)
        and alignment.status == "aligned"
    ]
    if not aligned:
        return None
    result, alignment = aligned[0]
    quote = alignment.evidence[0].text if alignment.evidence else ""
    quoted = f", quoting “{clipped(' '.join(quote.split()), 100)}”" if quote else ""
    others = {r.path for r, _ in aligned} - {result.path}
    more = f" (and in {len(others)} more)" if others else ""
    return (
        f"applies to no gap or partial verdict: aligned in {PurePath(result.path).name} now"
        f"{quoted}{more}; if that verdict is wrong, keep the waiver and correct the verdict "
        "with a review (--review)"
    )


def _lineage(priority_id: str, parents: dict[str, str | None]) -> set[str]:
    """The priority and every priority above it."""
    found: set[str] = set()
    current: str | None = priority_id
    while current is not None and current not in found:
        found.add(current)
        current = parents.get(current)
    return found


def partner_coverage(
    framework: Framework, results: Sequence[DocumentResult]
) -> tuple[PartnerCoverage, ...]:
    """Each named partner's documents taken together, in the order its first document comes:
    a place board asked which of eight PCNs leaves a priority unaddressed, and reports gave
    only each PCN's three documents apart."""
    checked = [r for r in results if r.status == "ok" and r.partner is not None]
    grouped: dict[str, list[DocumentResult]] = {}
    for result in checked:
        grouped.setdefault(result.partner or "", []).append(result)
    found = []
    for partner, documents in grouped.items():
        best: dict[str, Status] = {}
        for result in documents:
            for alignment in result.alignments:
                was = best.get(alignment.priority_id, "gap")
                if _RANK[alignment.status] >= _RANK[was]:
                    best[alignment.priority_id] = alignment.status
        verdicts = {p.id: best.get(p.id, "gap") for p in framework.priorities}
        found.append(
            PartnerCoverage(
                partner,
                tuple(r.path for r in documents),
                verdicts,
                coverage(verdicts.values()),
                tuple(pid for pid, status in verdicts.items() if status == "gap"),
            )
        )
    return tuple(found)


def partner_key(result: DocumentResult) -> str:
    """Who publishes a document, as overlaps count partners: the partner --partner names, else
    the document itself."""
    return publisher(result.path, result.partner)


def publisher(path: str, partner: str | None) -> str:
    """A document's publisher as partners are counted: a name cannot be mistaken for a path,
    as each is keyed apart."""
    return f"partner:{partner}" if partner is not None else f"path:{path}"


def _overviews(
    framework: Framework, results: Sequence[DocumentResult], partner: Mapping[str, str]
) -> tuple[PriorityOverview, ...]:
    """One pass over every verdict (alignments come in framework order)."""
    aligned: dict[str, list[str]] = {p.id: [] for p in framework.priorities}
    partial: dict[str, list[str]] = {p.id: [] for p in framework.priorities}
    for result in results:
        for alignment in result.alignments:
            if alignment.status == "aligned":
                aligned[alignment.priority_id].append(result.path)
            elif alignment.status == "partial":
                partial[alignment.priority_id].append(result.path)
    overviews = []
    for priority in framework.priorities:
        yes, some = tuple(aligned[priority.id]), tuple(partial[priority.id])
        best: Status = "aligned" if yes else "partial" if some else "gap"
        partners = len({partner[path] for path in (*yes, *some)})
        overviews.append(PriorityOverview(priority.id, best, yes, some, partners))
    return tuple(overviews)


def shared_outside(
    outside: dict[str, tuple[Statement, ...]],
    themes_of: Mapping[str, Sequence[tuple[str, ...]]] | None = None,
    themed: bool = True,
    partner_of: Mapping[str, str] | None = None,
) -> tuple[OutsideGroup, ...]:
    """Group out-of-framework statements that several documents share (single-link): those
    whose words largely agree, and, unless the framework says ``themes: false`` (``themed``),
    those whose terms name the same theme ('Deliver a net zero NHS' and 'A carbon-neutral
    district by 2030', both the climate; 'Help people through the cost of living' and
    'Support residents through the cost-of-living crisis'). Against themes labelled blind by
    meaning on 38 labelled sets (benchmarks/candidates.py), words alone grouped 4 pairs, 3 of
    them among the 242 labelled together; with themes, 17, 15 of them (docs/accuracy.md).

    Only statements sharing a word are compared (an inverted index), so thousands of
    statements cost little more than what they share; a theme joins all that name it at once.
    ``themes_of`` gives each path's statements' themes, in order, as matching found them (kept
    in the cache); without it they are worked out here. ``partner_of`` (path -> partner, as
    :func:`partner_key` gives it) makes a group need two partners, not two documents of one.
    """
    ordered = sorted(outside.items(), key=lambda item: path_order(item[0]))
    owner = partner_of or {}
    items = [
        (path, s.text, set(terms(s.text, topical=False))) for path, found in ordered for s in found
    ]
    themes = _themes(ordered, themes_of) if themed else [set() for _ in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links = [0] * len(items)
    for i, j in _candidate_pairs(items):
        if _similarity(items[i][2], items[j][2]) >= SHARED_OUTSIDE_SIMILARITY:
            parent[root(j)] = root(i)
            links[i] += 1
            links[j] += 1
    for members in _by_theme(themes).values():
        per_document = Counter(items[i][0] for i in members)
        if len({owner.get(path, path) for path in per_document}) < 2:
            continue  # one partner's statements share nothing with another's
        for i in members:
            parent[root(i)] = root(members[0])
            links[i] += len(members) - per_document[items[i][0]]
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    shared = []
    for members in groups.values():
        if len({owner.get(items[i][0], items[i][0]) for i in members}) >= 2:
            # The statement with most links names the group: one per statement worded alike
            # from another document, and per theme one for each other document's statement
            # naming it (a pair sharing two themes counts twice).
            central = min(members, key=lambda i: (-links[i], len(items[i][1]), items[i][1]))
            label = items[central][1]
            shared.append(OutsideGroup(label, tuple((items[i][0], items[i][1]) for i in members)))
    return tuple(sorted(shared, key=lambda g: (-len(g.documents), g.label)))


def _themes(
    ordered: list[tuple[str, tuple[Statement, ...]]],
    themes_of: Mapping[str, Sequence[tuple[str, ...]]] | None,
) -> list[set[str]]:
    """Each statement's themes, in the order of ``ordered``. A theme is named through its
    terms ('net zero' the climate, 'economy' the economic), never by its own name alone:
    'health' or 'partnership' in a statement names no particular theme."""
    if themes_of is None:
        from alignck.themes import theme_terms

        return [set(theme_terms(phrase_key(s.text), s.text)) for _, found in ordered for s in found]
    # One set of themes per statement, or the themes would be another statement's.
    return [
        set(named)
        for path, found in ordered
        for _, named in zip(found, themes_of[path], strict=True)
    ]


def _by_theme(themes: list[set[str]]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for index, named in enumerate(themes):
        for theme in sorted(named):
            found.setdefault(theme, []).append(index)
    return found


def _candidate_pairs(items: list[tuple[str, str, set[str]]]) -> list[tuple[int, int]]:
    """Pairs of statements from different documents that share at least one word."""
    postings: dict[str, list[int]] = {}
    for index, (_, _, words) in enumerate(items):
        for word in words:
            postings.setdefault(word, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > MAX_POSTINGS:
            continue  # a word this common names no particular theme
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                if items[i][0] != items[j][0]:
                    pairs.add((i, j))
    return sorted(pairs)


def _similarity(first: set[str], second: set[str]) -> float:
    """Cosine of the two term sets; one shared word between longer statements is not enough."""
    shared = len(first & second)
    if not shared or (shared < 2 and (len(first) > 1 or len(second) > 1)):
        return 0.0
    return shared / (len(first) * len(second)) ** 0.5
