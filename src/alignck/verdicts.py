"""Verdicts for one document: the decision's probabilities cut by the thresholds, on grounds.

:class:`Judged` takes what a :class:`~alignck.match.Matcher`'s signals found in one document and
gives each priority its verdict (aligned / partial / gap), the evidence quoted for it and the
reasons behind it, and tells whether a stated priority names a priority. A verdict rests on
grounds: passages that share enough of the priority's own words, or (with meaning) are most
about it; the evidence is those grounds, commitments first for an aligned verdict. It does not
score passages or fit anything: the matcher's signals and the fitted decision do.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from alignck.decision import COMMITTED_ROLES, Signals, document_features, passage_features
from alignck.language import terms
from alignck.model import Alignment, Evidence, Statement, Status
from alignck.passages import Passage

if TYPE_CHECKING:
    from alignck.match import Matcher

MAX_EVIDENCE = 3
# Fewer words than this, and not a stated priority, is a fragment ('People', 'Programme').
MIN_EVIDENCE_WORDS = 4
# A match is substantive, not one word in common, from this many of the priority's own words.
SUBSTANTIVE_WORDS = 2


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
            committed = strong >= thresholds.aligned and self._committing(grounds)
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
        return _most_about(self.signals.terms, 0.0)

    @functools.cached_property
    def _about(self) -> Any:
        """passages × priorities: the priority each passage is most about in meaning, when it
        is close enough to be about anything (the fitted ground cosine); only asked for when
        the embedding signal is there."""
        return _most_about(self.signals.embedding, self.matcher.decision.ground_cosine)

    def _grounds(self, k: int, column: Any) -> dict[int, int]:
        """The passages a verdict on priority ``k`` may rest on, all quotable, each with its
        tier: 0 for those sharing two of its own words (or a keyword, or all of a one-word
        title) and, with the embedding signal, those most about it in meaning that the decision
        rates as addressing it on their own; 1 for those sharing a single word when their
        words are most about it. One word in common with a passage about something else is no
        ground at all ('Be a great place to work' for healthy places, beside housing)."""
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

    def _committing(self, grounds: dict[int, int]) -> list[int]:
        """The commitments an aligned verdict rests on: grounds of the first tier. One shared
        word is not enough."""
        return [
            i
            for i, tier in grounds.items()
            if tier == 0 and self.passages[i].role in COMMITTED_ROLES
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
        floor = self.matcher.thresholds.partial

        def committing(i: int) -> bool:
            return committed_first and grounds[i] == 0 and self.passages[i].role in COMMITTED_ROLES

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


def _most_about(scores: Any, floor: float) -> Any:
    """passages × priorities: True at each passage's highest score, where it is above floor."""
    import numpy as np

    about = np.zeros(scores.shape, dtype=bool)
    if scores.size:
        about[np.arange(scores.shape[0]), scores.argmax(axis=1)] = True
        about &= scores > floor
    return about
