"""Decide, for every document and framework priority, aligned / partial / gap, with evidence.

Each passage (sentence) gets a score per priority: the facets it matches (see
:mod:`alignck.similarity`) combined as independent evidence (noisy-or), so a sentence that names
several aspects of a priority outscores one that brushes against a single word. That score is
weighted by the passage's role: commitments and stated priorities count in full, context less,
past achievements little, negated statements not at all. A priority is aligned when a commitment
reaches the aligned threshold, partial when any evidence reaches the partial threshold, else a
gap. Thresholds, sorting and evidence selection are decided here, not in the renderers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alignck.facets import build_facets
from alignck.language import terms
from alignck.model import (
    Alignment,
    Evidence,
    Framework,
    StatedMatch,
    Statement,
    Status,
    Thresholds,
)
from alignck.passages import Passage
from alignck.similarity import facet_similarity, inverse_frequencies, shared_term_counts

ROLE_WEIGHTS: dict[str, float] = {
    "priority": 1.0,
    "commitment": 1.0,
    "context": 0.7,
    "achievement": 0.35,
    "negated": 0.0,
}
COMMITTED_ROLES = ("priority", "commitment")
MAX_EVIDENCE = 3
LENGTH_PENALTY = 0.15
COMPETITION = 1.0
REPEAT_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    statements: tuple[StatedMatch, ...]
    alignments: tuple[Alignment, ...]


class Matcher:
    """Scores documents against one framework; build once, call :meth:`match` per document."""

    def __init__(self, framework: Framework, thresholds: Thresholds) -> None:
        self.framework = framework
        self.thresholds = thresholds
        self.facets = build_facets(framework)
        self.priority_terms = [set[str]() for _ in framework.priorities]
        for facet in self.facets:
            self.priority_terms[facet.priority].update(facet.terms)
        self.exclusions = [[tuple(terms(e)) for e in p.exclude] for p in framework.priorities]

    def match(self, statements: Sequence[Statement], passages: Sequence[Passage]) -> DocumentMatch:
        scores, substantive = self.passage_scores(passages)
        alignments = tuple(
            self._alignment(k, passages, scores, substantive)
            for k in range(len(self.framework.priorities))
        )
        return DocumentMatch(self._stated(statements, passages, scores), alignments)

    def passage_scores(self, passages: Sequence[Passage]) -> tuple[Any, Any]:
        """Matrices (passages × priorities): how strongly each passage expresses each priority,
        and whether the match is substantive (two or more shared words, or a named keyword or
        alias) rather than one word in common."""
        import numpy as np

        scores = np.zeros((len(passages), len(self.framework.priorities)))
        if not passages:
            return scores, scores > 0
        idf = inverse_frequencies([*self.priority_terms, *(set(p.terms) for p in passages)])
        rows, cols, values = facet_similarity(
            [p.terms for p in passages], [p.phrase for p in passages], self.facets, idf
        )
        priority_of = np.array([f.priority for f in self.facets], dtype=np.intp)
        substantive = shared_term_counts([p.terms for p in passages], self.priority_terms) >= 2
        phrase = np.array([f.is_phrase for f in self.facets], dtype=bool)[cols]
        substantive[rows[phrase], priority_of[cols[phrase]]] = True
        values = self._discount_repeated_terms(passages, rows, cols, values, priority_of, idf)
        misses = np.zeros_like(scores)
        np.add.at(misses, (rows, priority_of[cols]), np.log1p(-np.minimum(values, 0.999)))
        scores = 1.0 - np.exp(misses)
        if COMPETITION > 0:
            # A sentence is mostly about one thing: a priority it matches much less well than
            # its best one gets proportionally less credit.
            best = scores.max(axis=1, keepdims=True)
            with np.errstate(invalid="ignore", divide="ignore"):
                share = np.where(best > 0, scores / best, 0.0)
            scores = scores * share**COMPETITION
        for k, exclusions in enumerate(self.exclusions):
            if exclusions:
                for i, passage in enumerate(passages):
                    if any(_contains(passage.terms, e) for e in exclusions):
                        scores[i, k] = 0.0
        return scores, substantive

    def _discount_repeated_terms(
        self,
        passages: Sequence[Passage],
        rows: Any,
        cols: Any,
        values: Any,
        priority_of: Any,
        idf: dict[str, float],
    ) -> Any:
        """Facets of one priority corroborate only with words not already counted.

        A sentence sharing the single word 'safe' with both the title and the description of
        'Keep our communities safe' has one piece of evidence, not two: each further facet
        counts in proportion to the weight of the shared words that are new.
        """
        import numpy as np

        groups: dict[tuple[int, int], list[int]] = {}
        for index, (row, col) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
            groups.setdefault((row, int(priority_of[col])), []).append(index)
        values = values.copy()
        for (row, _), members in groups.items():
            if len(members) < 2:
                continue
            members.sort(key=lambda i: -values[i])
            seen: set[str] = set()
            passage_terms = set(passages[row].terms)
            for index in members:
                shared = passage_terms.intersection(self.facets[cols[index]].terms)
                mass = sum(idf.get(t, 1.0) ** 2 for t in shared)
                new = sum(idf.get(t, 1.0) ** 2 for t in shared - seen)
                values[index] *= (new + REPEAT_WEIGHT * (mass - new)) / mass if mass else 0.0
                seen |= shared
        return np.asarray(values)

    def _alignment(
        self, k: int, passages: Sequence[Passage], scores: Any, substantive: Any
    ) -> Alignment:
        # The best of many sentences is higher by chance alone; dividing by a slowly growing
        # function of the document's length keeps scores comparable between a one-sentence
        # statement and a hundred-page strategy.
        length = 1.0 + LENGTH_PENALTY * math.log(max(len(passages), 1))
        column = scores[:, k] / length
        ranked = sorted(
            (
                (float(column[i]) * ROLE_WEIGHTS[p.role], i)
                for i, p in enumerate(passages)
                if column[i] > 0
            ),
            key=lambda item: (-item[0], item[1]),
        )
        score = ranked[0][0] if ranked else 0.0
        committed = max(
            (
                float(column[i])
                for _, i in ranked
                if passages[i].role in COMMITTED_ROLES and substantive[i, k]
            ),
            default=0.0,
        )
        status = self._status(score, committed)
        evidence = _evidence(ranked, passages, self.thresholds.partial) if status != "gap" else ()
        priority_id = self.framework.priorities[k].id
        return Alignment(priority_id, status, round(score, 4), evidence, round(committed, 4))

    def _status(self, score: float, committed: float) -> Status:
        if committed >= self.thresholds.aligned:
            return "aligned"
        if score >= self.thresholds.partial:
            return "partial"
        return "gap"

    def _stated(
        self, statements: Sequence[Statement], passages: Sequence[Passage], scores: Any
    ) -> tuple[StatedMatch, ...]:
        """Each statement with the framework priorities it reaches the partial threshold for."""
        position = {(p.text, p.location.paragraph): i for i, p in enumerate(passages)}
        results: list[StatedMatch] = []
        for statement in statements:
            index = position.get((statement.text, statement.location.paragraph))
            if index is None:
                results.append(StatedMatch(statement, (), 0.0))
                continue
            row = scores[index]
            order = sorted(range(len(row)), key=lambda k: (-row[k], k))
            matched = tuple(
                self.framework.priorities[k].id for k in order if row[k] >= self.thresholds.partial
            )
            best = round(float(row[order[0]]), 4) if order else 0.0
            results.append(StatedMatch(statement, matched, best))
        return tuple(results)


def _evidence(
    ranked: list[tuple[float, int]], passages: Sequence[Passage], floor: float
) -> tuple[Evidence, ...]:
    chosen: list[Evidence] = []
    seen: set[str] = set()
    for score, index in ranked:
        passage = passages[index]
        if score < floor * 0.75 or passage.text in seen:
            continue
        seen.add(passage.text)
        chosen.append(Evidence(passage.text, passage.location, round(score, 4), passage.role))
        if len(chosen) == MAX_EVIDENCE:
            break
    return tuple(chosen)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )
