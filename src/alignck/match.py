"""Decide, for every document and framework priority, aligned / partial / gap, with evidence.

Each passage (sentence) gets a score per priority: the facets it matches (see
:mod:`alignck.similarity`) combined as independent evidence (noisy-or), then scaled by its share
of the sentence's best priority, since a sentence is mostly about one thing. That score is
weighted by the passage's role: commitments and stated priorities count in full, context less,
past achievements little, negated statements not at all. The document's score for a priority is
its best weighted passage, divided by a slowly growing function of the document's length (the
best of many sentences is higher by chance alone). A priority is aligned when a commitment that
shares at least two words with it (or names one of its keywords) reaches the aligned threshold,
partial when any evidence reaches the partial threshold, otherwise a gap. Thresholds, sorting
and evidence selection are decided here, not in the renderers.
"""

from __future__ import annotations

import functools
import hashlib
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
from alignck.senses import SENSE_MARK, plain
from alignck.similarity import TermSpace

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
# A stated priority names a framework priority when it shares this many of its words.
STATED_SHARED_WORDS = 2


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    statements: tuple[StatedMatch, ...]
    alignments: tuple[Alignment, ...]


@dataclass(frozen=True)
class PassageScores:
    """Per passage × priority: score, and whether the match is substantive (two or more shared
    words that are the priority's own rather than the whole framework's, or a named keyword or
    alias) rather than one word in common."""

    scores: Any
    substantive: Any


class Matcher:
    """Scores documents against one framework; build once, call :meth:`match` per document."""

    def __init__(self, framework: Framework, thresholds: Thresholds) -> None:
        self.framework = framework
        self.thresholds = thresholds
        self.exclusions = [[tuple(terms(e)) for e in p.exclude] for p in framework.priorities]

    @functools.cached_property
    def space(self) -> TermSpace:
        """Built on first use, so a run answered wholly from the cache never needs it."""
        facets = build_facets(self.framework)
        priority_terms = [set[str]() for _ in self.framework.priorities]
        for facet in facets:
            priority_terms[facet.priority].update(facet.terms)
        return TermSpace(facets, priority_terms)

    @functools.cached_property
    def fingerprint(self) -> str:
        """Names what the verdicts depend on besides the document: priorities, thresholds and
        whether themes are used."""
        text = repr((self.framework.priorities, self.thresholds, self.framework.themes))
        return hashlib.sha256(text.encode()).hexdigest()

    def match(self, statements: Sequence[Statement], passages: Sequence[Passage]) -> DocumentMatch:
        scored = self.passage_scores(passages)
        alignments = self._alignments(passages, scored)
        return DocumentMatch(self._stated(statements, passages, scored), alignments)

    def passage_scores(self, passages: Sequence[Passage]) -> PassageScores:
        import numpy as np

        shape = (len(passages), len(self.framework.priorities))
        if not passages:
            return PassageScores(np.zeros(shape), np.zeros(shape, dtype=bool))
        found = self.space.similarities(
            [self._terms(p) for p in passages], [p.phrase for p in passages]
        )
        priority_of = self.space.facet_priority[found.cols]
        substantive = found.shared_words >= 2
        phrase = self.space.phrase[found.cols]
        substantive[found.rows[phrase], priority_of[phrase]] = True
        misses = np.zeros(shape)
        np.add.at(misses, (found.rows, priority_of), np.log1p(-np.minimum(found.values, 0.999)))
        scores = 1.0 - np.exp(misses)
        best = scores.max(axis=1, keepdims=True)
        share = np.divide(scores, best, out=np.zeros_like(scores), where=best > 0)
        scores = scores * share**COMPETITION
        self._apply_exclusions(passages, scores)
        return PassageScores(scores, substantive)

    def _terms(self, passage: Passage) -> tuple[str, ...]:
        """The passage's words and the theme words it names that this framework uses: a theme
        word the framework never uses could only dilute the passage's other matches."""
        if not passage.themes or not self.framework.themes:
            return passage.terms
        vocabulary = self.space.vocabulary
        extra = tuple(t for t in passage.themes if t in vocabulary and t not in passage.terms)
        return passage.terms + extra if extra else passage.terms

    def _apply_exclusions(self, passages: Sequence[Passage], scores: Any) -> None:
        if not any(self.exclusions):
            return
        # An excluded phrase is excluded in whatever sense its words are read.
        plain_terms = [
            tuple(plain(t) for t in p.terms) if SENSE_MARK in "".join(p.terms) else p.terms
            for p in passages
        ]
        for k, exclusions in enumerate(self.exclusions):
            for exclusion in exclusions:
                needed = set(exclusion)
                for i, words in enumerate(plain_terms):
                    if needed.issubset(words) and _contains(words, exclusion):
                        scores[i, k] = 0.0

    def _alignments(
        self, passages: Sequence[Passage], scored: PassageScores
    ) -> tuple[Alignment, ...]:
        import numpy as np

        length = 1.0 + LENGTH_PENALTY * math.log(max(len(passages), 1))
        raw = scored.scores / length
        roles = np.array([ROLE_WEIGHTS[p.role] for p in passages])
        committed_role = np.array([p.role in COMMITTED_ROLES for p in passages], dtype=bool)
        weighted = raw * roles[:, None] if len(passages) else raw
        best = weighted.max(axis=0) if len(passages) else np.zeros(raw.shape[1])
        committed_scores = np.where(committed_role[:, None] & scored.substantive, raw, 0.0)
        committed = committed_scores.max(axis=0) if len(passages) else best
        alignments = []
        for k, priority in enumerate(self.framework.priorities):
            score, promise = float(best[k]), float(committed[k])
            status = self._status(score, promise)
            evidence: tuple[Evidence, ...] = ()
            nearest = None
            if status == "gap":
                nearest = self._nearest(weighted[:, k], passages)
            else:
                evidence = self._evidence(weighted[:, k], passages)
            alignments.append(
                Alignment(
                    priority.id, status, round(score, 4), evidence, round(promise, 4), nearest
                )
            )
        return tuple(alignments)

    def _status(self, score: float, committed: float) -> Status:
        if committed >= self.thresholds.aligned:
            return "aligned"
        if score >= self.thresholds.partial:
            return "partial"
        return "gap"

    def _evidence(self, column: Any, passages: Sequence[Passage]) -> tuple[Evidence, ...]:
        """The strongest distinct quotes, best first; ties keep document order."""
        import numpy as np

        floor = self.thresholds.partial * 0.75
        candidates = np.flatnonzero(column >= floor)
        if len(candidates) > 4 * MAX_EVIDENCE:
            top = np.argpartition(-column[candidates], 4 * MAX_EVIDENCE)[: 4 * MAX_EVIDENCE]
            candidates = candidates[top]
        ordered = sorted(candidates.tolist(), key=lambda i: (-column[i], i))
        chosen: list[Evidence] = []
        seen: set[str] = set()
        for index in ordered:
            passage = passages[index]
            if passage.text in seen:
                continue
            seen.add(passage.text)
            score = round(float(column[index]), 4)
            chosen.append(Evidence(passage.text, passage.location, score, passage.role))
            if len(chosen) == MAX_EVIDENCE:
                break
        return tuple(chosen)

    def _nearest(self, column: Any, passages: Sequence[Passage]) -> Evidence | None:
        """Why a gap is a gap: the passage that came closest, if any shares a word."""
        if not len(passages) or column.max() <= 0:
            return None
        index = int(column.argmax())
        passage = passages[index]
        return Evidence(
            passage.text, passage.location, round(float(column[index]), 4), passage.role
        )

    def _stated(
        self, statements: Sequence[Statement], passages: Sequence[Passage], scored: PassageScores
    ) -> tuple[StatedMatch, ...]:
        """Each statement with the framework priorities it names: it reaches the partial
        threshold and shares two of the priority's words (one, when the statement is a
        one-word name such as 'Place'), or a keyword or alias. One shared word does not put
        'Sustainable use of our estate' inside 'Healthy and sustainable places'."""
        scores = scored.scores
        position = {(p.text, p.location.paragraph): i for i, p in enumerate(passages)}
        ids = [p.id for p in self.framework.priorities]
        results: list[StatedMatch] = []
        for statement in statements:
            index = position.get((statement.text, statement.location.paragraph))
            if index is None:
                results.append(StatedMatch(statement, (), 0.0))
                continue
            row = scores[index]
            order = sorted(range(len(row)), key=lambda k: (-row[k], k))
            words = set(self._terms(passages[index]))
            # A priority named in one word ('Place', 'Wellbeing') can share only that word;
            # 'Be a great place to work' says more than 'place' and needs two.
            named_by = len(set(terms(statement.text, topical=False)))
            needed = STATED_SHARED_WORDS if named_by >= STATED_SHARED_WORDS else 1
            matched = tuple(
                ids[k]
                for k in order
                if row[k] >= self.thresholds.partial
                and (
                    scored.substantive[index, k]
                    or len(words & self.space.priority_terms[k]) >= needed
                )
            )
            best = round(float(row[order[0]]), 4) if order else 0.0
            results.append(StatedMatch(statement, matched, best))
        return tuple(results)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )
