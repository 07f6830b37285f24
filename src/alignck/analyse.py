"""Turn per-document verdicts into the system view: coverage, gaps, overlaps, shared themes.

Coverage counts an aligned verdict as 1 and a partial one as 0.5. The system's verdict on a
priority is the best any document gives it. Out-of-framework statements from different partners
are grouped when their terms largely agree, to show candidates for the framework.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from alignck.language import terms
from alignck.model import (
    Analysis,
    Coverage,
    DocumentResult,
    Framework,
    OutsideGroup,
    PriorityOverview,
    Statement,
    Status,
)

_RANK: dict[Status, int] = {"gap": 0, "partial": 1, "aligned": 2}
SHARED_OUTSIDE_SIMILARITY = 0.6


def coverage(statuses: Iterable[Status]) -> Coverage:
    counted = list(statuses)
    aligned = counted.count("aligned")
    partial = counted.count("partial")
    gap = counted.count("gap")
    percent = 100.0 * (aligned + 0.5 * partial) / len(counted) if counted else 0.0
    return Coverage(aligned, partial, gap, round(percent, 1))


def analyse(framework: Framework, results: Sequence[DocumentResult]) -> Analysis:
    checked = [r for r in results if r.status == "ok"]
    overview = tuple(_overview(p.id, checked) for p in framework.priorities)
    required = {p.id for p in framework.priorities if p.required}
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
        overlaps=tuple(o for o in overview if len(o.aligned) + len(o.partial) >= 2),
        shared_outside=shared_outside(outside),
        required_gaps={
            path: tuple(i for i in ids if i in required)
            for path, ids in missed.items()
            if any(i in required for i in ids)
        },
    )


def _overview(priority_id: str, results: Sequence[DocumentResult]) -> PriorityOverview:
    aligned, partial = [], []
    for result in results:
        status = result.alignment(priority_id).status
        if status == "aligned":
            aligned.append(result.path)
        elif status == "partial":
            partial.append(result.path)
    best: Status = "aligned" if aligned else "partial" if partial else "gap"
    return PriorityOverview(priority_id, best, tuple(aligned), tuple(partial))


def shared_outside(outside: dict[str, tuple[Statement, ...]]) -> tuple[OutsideGroup, ...]:
    """Group out-of-framework statements that several documents share (single-link)."""
    items = [
        (path, s.text, set(terms(s.text, topical=False)))
        for path, found in sorted(outside.items())
        for s in found
    ]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (path_i, _, terms_i) in enumerate(items):
        for j in range(i + 1, len(items)):
            path_j, _, terms_j = items[j]
            if path_i != path_j and _similarity(terms_i, terms_j) >= SHARED_OUTSIDE_SIMILARITY:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    shared = []
    for members in groups.values():
        if len({items[i][0] for i in members}) >= 2:
            label = _central(members, items)
            shared.append(OutsideGroup(label, tuple((items[i][0], items[i][1]) for i in members)))
    return tuple(sorted(shared, key=lambda g: (-len(g.documents), g.label)))


def _central(members: list[int], items: list[tuple[str, str, set[str]]]) -> str:
    """The statement most like the others in its group names the group."""

    def closeness(i: int) -> tuple[float, int, str]:
        total = sum(_similarity(items[i][2], items[j][2]) for j in members if j != i)
        return (-total, len(items[i][1]), items[i][1])

    return items[min(members, key=closeness)][1]


def _similarity(first: set[str], second: set[str]) -> float:
    """Cosine of the two term sets; one shared word between longer statements is not enough."""
    shared = len(first & second)
    if not shared or (shared < 2 and (len(first) > 1 or len(second) > 1)):
        return 0.0
    return shared / (len(first) * len(second)) ** 0.5
