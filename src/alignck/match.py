"""Decide, for every document and framework priority, aligned / partial / gap, with evidence.

The matcher runs its signals over a document's passages: ``terms`` always (each passage's
facets matched word by word, see :mod:`alignck.similarity`, combined as independent evidence
and scaled by the passage's share of its best priority, since a sentence is mostly about one
thing) and ``embedding`` for the semantic matcher. The fitted decision
(:mod:`alignck.decision`) turns what they found into the probability that the document
addresses each priority and that it commits to it; the thresholds cut those probabilities.
Evidence is the passages the same model rates highest on their own, commitments first for an
aligned verdict; headings and fragments are never evidence unless they are stated priorities.
A stated priority is inside the framework when the same judgement finds it addresses a
priority, or when it is quoted as a verdict's evidence. Thresholds, sorting and evidence
selection are decided here, not in the renderers.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alignck.decision import (
    Decision,
    Signals,
    decision_for,
    decision_version,
    document_features,
    passage_features,
)
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

MAX_EVIDENCE = 3
COMMITTED = ("priority", "commitment")
COMPETITION = 1.0
# Evidence reaches the partial threshold on its own; below it, only the best passage is quoted.
EVIDENCE_FLOOR = 1.0
# Fewer words than this, and not a stated priority, is a fragment ('People', 'Programme').
MIN_EVIDENCE_WORDS = 4
# A match is substantive, not one word in common, from this many of the priority's own words.
SUBSTANTIVE_WORDS = 2


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
    excluded: Any


class Matcher:
    """Scores documents against one framework; build once, call :meth:`match` per document."""

    def __init__(
        self,
        framework: Framework,
        thresholds: Thresholds,
        matcher: str = "lexical",
        decision: Decision | None = None,
    ) -> None:
        from alignck.signals import MATCHERS

        self.framework = framework
        self.thresholds = thresholds
        self.name = matcher
        self.signals = MATCHERS[matcher]
        self._given = decision
        self.exclusions = [[tuple(terms(e)) for e in p.exclude] for p in framework.priorities]

    @functools.cached_property
    def decision(self) -> Decision:
        """Loaded on first use (it needs numpy), so a fully cached run never loads it."""
        return self._given or decision_for(self.name)

    @property
    def decision_version(self) -> str:
        return self._given.version if self._given else decision_version(self.name)

    @functools.cached_property
    def space(self) -> TermSpace:
        """Built on first use, so a run answered wholly from the cache never needs it."""
        facets = build_facets(self.framework)
        priority_terms = [set[str]() for _ in self.framework.priorities]
        for facet in facets:
            priority_terms[facet.priority].update(facet.terms)
        return TermSpace(facets, priority_terms)

    @functools.cached_property
    def _words_needed(self) -> Any:
        """Shared words that make a match substantive: two of the priority's own words, or
        all of them when it has only one ('Housing')."""
        import numpy as np

        own = np.asarray(self.space.specific_matrix.sum(axis=1)).ravel()
        return np.clip(own, 1, SUBSTANTIVE_WORDS)

    @functools.cached_property
    def vectors(self) -> Any:
        """The framework's facets embedded, for the semantic matcher; built on first use."""
        from alignck.signals.embedding import FrameworkVectors, facet_texts

        return FrameworkVectors(
            [facet_texts(p.title, p.description, p.aliases) for p in self.framework.priorities]
        )

    @functools.cached_property
    def fingerprint(self) -> str:
        """Names what the verdicts depend on besides the document: priorities, thresholds,
        whether themes are used, the matcher and its fitted decision."""
        text = repr(
            (
                self.framework.priorities,
                self.thresholds,
                self.framework.themes,
                self.name,
                self.decision_version,
            )
        )
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def description(self) -> str:
        """Which matcher and model produced the verdicts, for every report."""
        if "embedding" in self.signals:
            from alignck.signals.embedding import MODEL_ID

            return f"{self.name} ({MODEL_ID}; decision {self.decision_version})"
        return f"{self.name} (decision {self.decision_version})"

    def match(self, statements: Sequence[Statement], passages: Sequence[Passage]) -> DocumentMatch:
        signals = self.run_signals(passages)
        judged = Judged(self, passages, signals)
        alignments = tuple(judged.alignment(k) for k in range(len(self.framework.priorities)))
        return DocumentMatch(self._stated(statements, passages, judged, alignments), alignments)

    def run_signals(self, passages: Sequence[Passage]) -> Signals:
        scored = self.passage_scores(passages)
        embedding = None
        if "embedding" in self.signals:
            embedding = self.vectors.similarities([p.text for p in passages])
            # An excluded phrase excludes the passage from every signal.
            embedding[scored.excluded] = -1.0
        roles = tuple(p.role for p in passages)
        return Signals(scored.scores, scored.substantive, roles, embedding)

    def passage_scores(self, passages: Sequence[Passage]) -> PassageScores:
        import numpy as np

        shape = (len(passages), len(self.framework.priorities))
        if not passages:
            none = np.zeros(shape, dtype=bool)
            return PassageScores(np.zeros(shape), none, none)
        found = self.space.similarities(
            [self.terms_of(p) for p in passages], [p.phrase for p in passages]
        )
        priority_of = self.space.facet_priority[found.cols]
        substantive = found.shared_words >= self._words_needed
        phrase = self.space.phrase[found.cols]
        substantive[found.rows[phrase], priority_of[phrase]] = True
        misses = np.zeros(shape)
        np.add.at(misses, (found.rows, priority_of), np.log1p(-np.minimum(found.values, 0.999)))
        scores = 1.0 - np.exp(misses)
        best = scores.max(axis=1, keepdims=True)
        share = np.divide(scores, best, out=np.zeros_like(scores), where=best > 0)
        scores = scores * share**COMPETITION
        excluded = self._exclusions(passages, shape)
        scores[excluded] = 0.0
        return PassageScores(scores, substantive, excluded)

    def terms_of(self, passage: Passage) -> tuple[str, ...]:
        """The passage's words and the theme words it names that this framework uses: a theme
        word the framework never uses could only dilute the passage's other matches."""
        if not passage.themes or not self.framework.themes:
            return passage.terms
        vocabulary = self.space.vocabulary
        extra = tuple(t for t in passage.themes if t in vocabulary and t not in passage.terms)
        return passage.terms + extra if extra else passage.terms

    def _exclusions(self, passages: Sequence[Passage], shape: tuple[int, int]) -> Any:
        """passages × priorities: True where a priority's excluded phrase appears."""
        import numpy as np

        excluded = np.zeros(shape, dtype=bool)
        if not any(self.exclusions):
            return excluded
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
                        excluded[i, k] = True
        return excluded

    def _stated(
        self,
        statements: Sequence[Statement],
        passages: Sequence[Passage],
        judged: Judged,
        alignments: Sequence[Alignment],
    ) -> tuple[StatedMatch, ...]:
        """Each statement with the framework priorities it names: the judgement that rates a
        passage as evidence finds it addresses them, or a verdict quotes it as evidence. No
        text is both a priority's evidence and outside the framework."""
        position = {(p.text, p.location.paragraph): i for i, p in enumerate(passages)}
        quoted: dict[str, set[str]] = {}
        for alignment in alignments:
            if alignment.status != "gap":
                for evidence in alignment.evidence:
                    quoted.setdefault(evidence.text, set()).add(alignment.priority_id)
        ids = [p.id for p in self.framework.priorities]
        results: list[StatedMatch] = []
        for statement in statements:
            index = position.get((statement.text, statement.location.paragraph))
            if index is None:
                results.append(StatedMatch(statement, (), 0.0))
                continue
            row = judged.passage_row(index)
            order = sorted(range(len(row)), key=lambda k: (-row[k], k))
            named = quoted.get(passages[index].text, set())
            matched = tuple(
                ids[k]
                for k in order
                if ids[k] in named
                or (row[k] >= self.thresholds.partial and judged.names(index, k, statement))
            )
            best = round(float(row[order[0]]), 4) if order else 0.0
            results.append(StatedMatch(statement, matched, best))
        return tuple(results)


class Judged:
    """One document's signals put through the decision: verdicts, evidence, reasons."""

    def __init__(self, matcher: Matcher, passages: Sequence[Passage], signals: Signals) -> None:
        self.matcher = matcher
        self.passages = passages
        self.signals = signals
        decision = matcher.decision
        self.features = document_features(signals, decision.features)
        self.addressed = decision.addressed.probability(self.features)
        committed = document_features(signals.committed(), decision.features)
        self.strong = decision.strong.probability(committed)
        self._columns: dict[int, Any] = {}

    def passage_column(self, k: int) -> Any:
        """Each passage's own probability of addressing priority ``k``."""
        if k not in self._columns:
            import numpy as np

            if not self.passages:
                self._columns[k] = np.zeros(0)
            else:
                rows = passage_features(self.signals, self.matcher.decision.features, k)
                self._columns[k] = self.matcher.decision.addressed.probability(rows)
        return self._columns[k]

    def names(self, index: int, k: int, statement: Statement) -> bool:
        """Whether a stated priority is about priority ``k``, not one word in common with it:
        with words alone, it shares two of the priority's words (one, when the statement is a
        one-word name such as 'Place') or a keyword; with the embedding signal, its meaning
        is closer to this priority than to the framework's others."""
        if self.signals.embedding is not None:
            row = self.signals.embedding[index]
            return bool(row[k] > row.mean())
        if self.signals.substantive[index, k]:
            return True
        words = set(self.matcher.terms_of(self.passages[index]))
        named_by = len(set(terms(statement.text, topical=False)))
        needed = SUBSTANTIVE_WORDS if named_by >= SUBSTANTIVE_WORDS else 1
        return len(words & self.matcher.space.priority_terms[k]) >= needed

    def passage_row(self, index: int) -> list[float]:
        return [
            float(self.passage_column(k)[index])
            for k in range(len(self.matcher.framework.priorities))
        ]

    def alignment(self, k: int) -> Alignment:
        priority = self.matcher.framework.priorities[k]
        thresholds = self.matcher.thresholds
        addressed, strong = float(self.addressed[k]), float(self.strong[k])
        column = self.passage_column(k)
        grounds = self._grounds(k, column)
        status: Status = "gap"
        if addressed >= thresholds.partial and grounds:
            committed = strong >= thresholds.aligned and self._committing(k, grounds)
            status = "aligned" if committed else "partial"
        reasons = self.matcher.decision.addressed.reasons(self.features[k])
        evidence: tuple[Evidence, ...] = ()
        nearest = None
        if status == "gap":
            nearest = self._nearest(column, k)
        else:
            evidence = self._evidence(column, grounds, committed_first=status == "aligned")
        return Alignment(
            priority.id,
            status,
            round(addressed, 4),
            evidence,
            round(strong, 4),
            nearest,
            reasons,
        )

    @functools.cached_property
    def _about_by_words(self) -> Any:
        """passages × priorities: the priority each passage's words are most about."""
        import numpy as np

        terms = self.signals.terms
        about = np.zeros(terms.shape, dtype=bool)
        if terms.size:
            about[np.arange(terms.shape[0]), terms.argmax(axis=1)] = True
            about &= terms > 0
        return about

    @functools.cached_property
    def _about(self) -> Any:
        """passages × priorities: the priority each passage is most about, by meaning when
        the embedding signal is there (and close enough to be about anything: the fitted
        ground cosine), else by its word scores."""
        import numpy as np

        embedding = self.signals.embedding
        source = embedding if embedding is not None else self.signals.terms
        about = np.zeros(source.shape, dtype=bool)
        if source.size:
            about[np.arange(source.shape[0]), source.argmax(axis=1)] = True
            floor = self.matcher.decision.ground_cosine if embedding is not None else 0.0
            about &= source > floor
        return about

    def _grounds(self, k: int, column: Any) -> dict[int, int]:
        """The passages a verdict on priority ``k`` may rest on, all quotable, each with its
        tier: 0 for those sharing two of its own words (or a keyword, or all of a one-word
        title) and, with the embedding signal, those most about it in meaning that the decision
        rates as addressing it on their own; 1 for those sharing a single word when their
        words are most about it.
        One word in common with a passage about something else is no ground
        at all ('Be a great place to work' for healthy places, beside a sentence on housing)."""
        terms = self.signals.terms[:, k] > 0
        strong = terms & self.signals.substantive[:, k]
        if self.signals.embedding is not None:
            strong |= self._about[:, k] & (column >= self.matcher.thresholds.partial)
        # What a sentence is most about, for one shared word, by its words even with meaning:
        # by meaning, leave one set out, lost 0.04 F1 on the real local systems.
        weak = terms & self._about_by_words[:, k] & ~strong
        tiers = dict.fromkeys(strong.nonzero()[0].tolist(), 0)
        tiers.update(dict.fromkeys(weak.nonzero()[0].tolist(), 1))
        return {i: tier for i, tier in sorted(tiers.items()) if self._quotable(i)}

    def _committing(self, k: int, grounds: dict[int, int]) -> list[int]:
        """The commitments an aligned verdict rests on: grounds of the first tier. One shared
        word is not enough."""
        return [
            i for i, tier in grounds.items() if tier == 0 and self.passages[i].role in COMMITTED
        ]

    def _quotable(self, index: int) -> bool:
        passage = self.passages[index]
        if passage.role == "priority":
            return True
        # A heading, or a lead-in that only announces a list, says nothing on its own.
        if passage.role == "negated" or passage.heading or passage.text.rstrip().endswith(":"):
            return False
        return len(passage.text.split()) >= MIN_EVIDENCE_WORDS

    def _evidence(
        self, column: Any, grounds: dict[int, int], committed_first: bool
    ) -> tuple[Evidence, ...]:
        """The strongest distinct grounds: for an aligned verdict the commitments it rests on
        first, then grounds of the first tier before the second; ties keep document order.
        Grounds that reach the threshold on their own are quoted (and the commitments an
        aligned verdict rests on); below it, only the best."""
        floor = self.matcher.thresholds.partial * EVIDENCE_FLOOR

        def committing(i: int) -> bool:
            return committed_first and grounds[i] == 0 and self.passages[i].role in COMMITTED

        def order(i: int) -> tuple[bool, int, float, int]:
            return (not committing(i), grounds[i], -float(column[i]), i)

        ranked = sorted(grounds, key=order)
        # The commitments an aligned verdict rests on are quoted whatever their own score.
        strong = [i for i in ranked if committing(i) or column[i] >= floor] or ranked[:1]

        chosen: list[Evidence] = []
        seen: set[str] = set()
        for index in strong:
            passage = self.passages[index]
            if passage.text in seen:
                continue
            seen.add(passage.text)
            score = round(float(column[index]), 4)
            chosen.append(Evidence(passage.text, passage.location, score, passage.role))
            if len(chosen) == MAX_EVIDENCE:
                break
        return tuple(chosen)

    def _near(self, index: int, k: int) -> bool:
        """A passage shares something with the priority: a word, or a meaning closer to it
        than to the framework's other priorities."""
        if self.signals.terms[index, k] > 0:
            return True
        embedding = self.signals.embedding
        return embedding is not None and bool(embedding[index, k] > embedding[index].mean())

    def _nearest(self, column: Any, k: int) -> Evidence | None:
        """Why a gap is a gap: the passage that came closest, if any shares anything."""
        quotable = [i for i in range(len(self.passages)) if self._quotable(i) and self._near(i, k)]
        if not quotable:
            return None
        index = max(quotable, key=lambda i: (float(column[i]), -i))
        passage = self.passages[index]
        return Evidence(
            passage.text, passage.location, round(float(column[index]), 4), passage.role
        )


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )
