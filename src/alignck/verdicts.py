"""Verdicts for one document: the decision's probabilities cut by the thresholds, on grounds.

:class:`Judged` takes what a :class:`~alignck.match.Matcher`'s signals found in one document and
gives each priority its verdict (aligned / partial / gap), the evidence quoted for it and the
reasons behind it, and tells which priorities a stated priority is about. A verdict rests on
grounds: quotable passages that the fitted ground model, taught by the passages labellers
quoted as evidence, rates as addressing the priority on their own. The evidence is those
grounds, most convincing first, and for an aligned verdict the commitments it rests on first.
It does not score passages or fit anything: the matcher's signals and the fitted decision do.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from alignck.decision import (
    COMMITTED_ROLES,
    Signals,
    committed_mask,
    document_features,
    ground_features_at,
    margin,
    near,
)
from alignck.interning import shared_float
from alignck.language import names_in_heading
from alignck.model import Alignment, Evidence, Priority, Reason, Status
from alignck.passages import Passage

if TYPE_CHECKING:
    from alignck.match import Matcher

MAX_EVIDENCE = 3
# Fewer words than this, and not a stated priority, is a fragment ('People', 'Programme').
MIN_EVIDENCE_WORDS = 4
# A match is substantive, not one word in common, from this many of the priority's own words.
SUBSTANTIVE_WORDS = 2
# The ground model's probability from which a passage is a ground: it is fitted with the
# labellers' quotes and the passages of unrelated documents weighing the same, so the middle.
GROUND = 0.5
GROUND_DIGITS = 9
# How much closer in meaning (cosine) a commitment must be to a priority than to any other for
# it to be about that priority without two of its words: closest by a hair is a coin toss ('Be a
# great place to work' is 0.01 closer to sustainable places than to joined-up care). First
# chosen on ten real local systems (strong F1 0.373 at 0, 0.371 at 0.02, 0.386 at 0.05, 0.355
# at 0.08); measured again on the 76 systems the decision is fitted on, with the shipped
# decision, mean strong F1 0.4926 at 0.05, 0.5053 at 0.02, 0.4824 at 0.10, and confirmed on the
# 40 no fit has seen: 0.4393, 0.4455, 0.4042. Addressed F1 and the SDG statements do not move.
CLOSEST_BY = 0.02


class Judged:
    """One document's signals put through the decision: verdicts, evidence, reasons."""

    def __init__(self, matcher: Matcher, passages: Sequence[Passage], signals: Signals) -> None:
        import numpy as np

        self.matcher = matcher
        self.passages = passages
        self.signals = signals
        decision = matcher.decision
        self.features = document_features(signals, decision.features)
        self.addressed = decision.addressed.probability(self.features)
        committed = document_features(signals.committed(), decision.features)
        # Committing to a priority is one way of addressing it: never the likelier of the two.
        self.strong = np.minimum(decision.strong.probability(committed), self.addressed)
        can_quote = np.array([quotable(p) for p in passages], dtype=bool)
        # passages × priorities: each passage's probability of being a ground, 0 where it
        # cannot be quoted at all or shares nothing with the priority; only the cells that
        # can be grounds are judged, so idle priorities cost nothing.
        self.grounds = np.zeros(signals.terms.shape)
        # passages × priorities: quotable passages sharing two of a priority's own words (or a
        # keyword, or all of a one-word title): about it by more than one word, which an
        # aligned verdict's commitments must be. They are grounds only when the ground model
        # says so: two description words in common ('children', 'adults') are not a topic.
        self.substantive = np.zeros(signals.terms.shape, dtype=bool)
        if len(passages):
            cells = np.nonzero(can_quote[:, None] & near(signals))
            rows = ground_features_at(signals, decision.ground.features, cells)
            # Rounded before anything is ranked by it: a threaded matrix product can give two
            # equal features probabilities that differ in the last bit from run to run, and
            # equals must tie (document or framework order), not swap places.
            self.grounds[cells] = np.round(decision.ground.probability(rows), GROUND_DIGITS)
            self.substantive = signals.substantive & (signals.terms > 0) & can_quote[:, None]
        # passages × priorities: what a verdict may rest on. Letting substantive passages be
        # grounds whatever the model says changed nothing on the ten real local systems left
        # out (addressed F1 0.716 either way) and quoted statistics on the shipped example.
        self.is_ground = self.grounds >= GROUND
        # Per passage: whether it commits (a stated priority or a commitment), and with
        # meaning, the priority it is clearly closest to (-1 for none).
        self.commits = committed_mask(signals.roles)
        self.roles = np.array(signals.roles, dtype=str)
        self.closest = _clearly_closest(signals.embedding)

    def ground_row(self, index: int) -> list[float]:
        return [float(v) for v in self.grounds[index]]

    @functools.cached_property
    def _by_priority(self) -> tuple[Any, Any]:
        """grounds and is_ground laid out priority by priority: each verdict reads its own
        column whole, which in passage-major order is a strided walk over the matrix."""
        import numpy as np

        return np.ascontiguousarray(self.grounds.T), np.ascontiguousarray(self.is_ground.T)

    @functools.cached_property
    def _reasons(self) -> list[tuple[Reason, ...]]:
        """Every priority's reasons, worked out together."""
        return self.matcher.decision.addressed.reasons_of_rows(self.features)

    def alignment(self, k: int) -> Alignment:
        priority = self.matcher.framework.priorities[k]
        thresholds = self.matcher.thresholds
        addressed, strong = float(self.addressed[k]), float(self.strong[k])
        by_priority, is_ground = self._by_priority
        column = by_priority[k]
        grounds = is_ground[k].nonzero()[0]
        status: Status = "gap"
        # Worked out whatever the thresholds, so a threshold sweep can judge as this does.
        commits = self._committing(grounds, k) if len(grounds) else []
        if addressed >= thresholds.partial and len(grounds):
            status = "aligned" if commits and strong >= thresholds.aligned else "partial"
        committing = commits if status == "aligned" else []
        reasons = self._reasons[k]
        evidence: tuple[Evidence, ...] = ()
        nearest = None
        if status == "gap":
            nearest = self._nearest(column)
        else:
            evidence = self._evidence(column, grounds, _leading(committing, column, self.roles))
        return Alignment(
            priority.id,
            status,
            shared_float(round(addressed, 4)),
            evidence,
            shared_float(round(strong, 4)),
            nearest,
            reasons,
            grounded=bool(len(grounds)),
            committed=bool(commits),
        )

    def _committing(self, grounds: Any, k: int) -> list[int]:
        """The commitments an aligned verdict rests on: grounds that commit and are about the
        priority by more than one word in common, sharing two of its own words or (with
        meaning) clearly closer to it than to any other priority. One shared word never makes
        an alignment ('Be a great place to work' for sustainable places)."""
        about = self.substantive[:, k]
        if self.closest is not None:
            about = about | (self.closest == k)
        committing: list[int] = grounds[self.commits[grounds] & about[grounds]].tolist()
        return committing

    def _evidence(self, column: Any, grounds: Any, first: list[int]) -> tuple[Evidence, ...]:
        """The most convincing distinct grounds, ``first`` the commitments an aligned verdict
        opens with (its best promise before a stated priority's name); a ground and one that holds
        its words are one quote, the fuller. Ties keep document order."""
        import numpy as np

        # A flag per ground, not per passage of the document: ``first`` are grounds, and
        # grounds come in passage order, so a binary search finds them.
        later = np.ones(len(grounds), dtype=bool)
        later[np.searchsorted(grounds, first)] = False
        # As sorted by (not committing, -score, index), without a Python key per ground.
        ranked = grounds[np.lexsort((grounds, -column[grounds], later))].tolist()
        chosen: list[Evidence] = []
        said: list[str] = []
        for index in ranked:
            passage = self.passages[index]
            score = shared_float(round(float(column[index]), 4))
            found = Evidence(passage.text, passage.location, score, passage.role)
            # A stated priority's name and the list item or sentence that holds it, or a clause
            # and its whole sentence, are one piece of evidence: the fuller quote is shown once,
            # in the place the better of the two earned. Only where they are one place: a
            # sentence elsewhere that repeats a priority's name ('members told us that warm
            # homes matter') is not where the document states it.
            key = quoted_form(passage.text) or passage.text
            again = next(
                (
                    i
                    for i, earlier in enumerate(said)
                    if _said_already(key, earlier, found, chosen[i])
                ),
                None,
            )
            if again is not None:
                if key == said[again]:
                    # The same words again: one quote, a commitment where either copy is one.
                    chosen[again] = _fuller(chosen[again], [found])
                continue
            held = [
                i
                for i, earlier in enumerate(said)
                if earlier in key and _one_place(found, chosen[i])
            ]
            if held:
                chosen[held[0]] = _fuller(found, [chosen[i] for i in held])
                said[held[0]] = key
                for i in reversed(held[1:]):
                    del chosen[i], said[i]
                continue
            said.append(key)
            chosen.append(found)
            if len(chosen) == MAX_EVIDENCE:
                break
        return tuple(_promise_first(chosen, [self.passages[i].text for i in first]))

    def _nearest(self, column: Any) -> Evidence | None:
        """Why a gap is a gap: the passage that came closest to being a ground, among those
        that can be quoted and share anything with the priority at all."""
        if not len(column) or float(column.max()) <= 0.0:
            return None
        # The first of equals, as argmax gives it: ties keep document order.
        index = int(column.argmax())
        passage = self.passages[index]
        score = shared_float(round(float(column[index]), 4))
        return Evidence(passage.text, passage.location, score, passage.role)


def _leading(committing: list[int], column: Any, roles: Any) -> list[int]:
    """The commitments an aligned verdict's quotes open with: its best promise and its best
    stated priority (the first of equals, in document order), not every commitment about it;
    ``roles`` is every passage's role, as an array. The rest of its quotes are its most
    convincing grounds of any kind: three stated priorities, each about it by a word or two,
    crowded out the passage that most plainly addressed it (over the 116 real labelled sets,
    the share of correct aligned verdicts quoting the labeller's passage went from 0.755 to
    0.777, of all correct addressed verdicts from 0.720 to 0.731)."""
    import numpy as np

    if not committing:
        return []
    # Best first, equals in document order; then the first of each role. A long document
    # has about sixty such commitments per priority: one at a time in Python, they cost it a
    # tenth of its matching against 300 priorities.
    chosen = np.asarray(committing)
    chosen = chosen[np.argsort(-column[chosen], kind="stable")]
    ranked = roles[chosen]
    leading = []
    for role in COMMITTED_ROLES:
        of_role = ranked == role
        if of_role.any():
            leading.append(int(chosen[of_role.argmax()]))
    return sorted(leading)


def _promise_first(chosen: list[Evidence], committing: list[str]) -> list[Evidence]:
    """An aligned verdict's quotes with its best promise first where a stated priority's name
    led: the name ('Cleaner air on our busiest roads') says what the partner aims at, the
    sentence what it will do, which a reader looks for first (the terminal shows the first
    quote whole and a stated priority after it as 'also ...'). Which passages are quoted is
    unchanged."""
    if not chosen or chosen[0].kind != "priority":
        return chosen
    for at, evidence in enumerate(chosen):
        promised = evidence.kind == "commitment" and any(t in evidence.text for t in committing)
        if promised:
            return [evidence, *chosen[:at], *chosen[at + 1 :]]
    return chosen


def _said_already(key: str, earlier: str, found: Evidence, quoted: Evidence) -> bool:
    """Whether a passage is already quoted: the same words anywhere (a summary repeating the
    body), or held by a quote of the same place."""
    return key == earlier or (key in earlier and _one_place(found, quoted))


def _one_place(one: Evidence, other: Evidence) -> bool:
    """Whether two quotes, one holding the other's words, are one piece of evidence: in the
    same paragraph (a clause and its sentence, a list item's name and the item), or a stated
    priority's heading and a passage under it ('Mental health' and 'We will place a mental
    health practitioner in ...')."""
    if one.location.paragraph == other.location.paragraph:
        return True
    return _under(one, other) or _under(other, one)


def _under(heading: Evidence, passage: Evidence) -> bool:
    if heading.kind != "priority" or not passage.location.section:
        return False
    return names_in_heading(passage.location.section.rpartition(" › ")[2], heading.text)


def _fuller(fuller: Evidence, held: Sequence[Evidence]) -> Evidence:
    """The fuller quote, scored as the best passage it holds, and a commitment or a stated
    priority when it holds one: the place of a commitment is never given to context."""
    best = max([fuller.score, *(e.score for e in held)])
    kinds = [fuller.kind, *(e.kind for e in held)]
    kind = next((k for k in kinds if k in COMMITTED_ROLES), fuller.kind)
    return Evidence(fuller.text, fuller.location, best, kind)


@functools.lru_cache(maxsize=16384)
def quoted_form(text: str) -> str:
    """A passage's words as a reader compares two quotes: case, spacing and the closing
    punctuation set aside."""
    return " ".join(text.casefold().split()).rstrip(" .:;,")


def _clearly_closest(cosine: Any) -> Any:
    """Per passage, the priority it is closer to in meaning than to any other by
    ``CLOSEST_BY``, or -1; None without meaning."""
    import numpy as np

    if cosine is None or not cosine.size:
        return None
    closest = cosine.argmax(axis=1)
    rows = np.arange(len(closest))
    return np.where(margin(cosine)[rows, closest] >= CLOSEST_BY, closest, -1)


def quotable(passage: Passage) -> bool:
    """Whether a passage can be quoted as evidence at all: a stated priority can; a heading,
    a lead-in that only announces a list, a negated statement or a fragment cannot."""
    if passage.role == "priority":
        return True
    if passage.role == "negated" or passage.heading or passage.text.rstrip().endswith(":"):
        return False
    return len(passage.text.split()) >= MIN_EVIDENCE_WORDS


def with_parts_addressed(
    priorities: Sequence[Priority],
    alignments: tuple[Alignment, ...],
    reviewed: Collection[str] = (),
) -> tuple[Alignment, ...]:
    """Verdicts in which a priority left a gap while one of its sub-priorities is addressed
    is partial: a document that commits to part of a priority addresses it in part, which is
    what partial means. It takes the score and quotes of its best addressed part (a parent
    'Healthy places' was a gap beside its part 'Digital inclusion' aligned). Parts come after
    their parent, so a part lifted by its own parts is lifted first. An aligned verdict that
    opens with a part's promise while another part is a gap is partial too
    (:func:`_part_promised`). Either way ``through`` names the part. A ``reviewed`` verdict
    stays as its reviewer set it."""
    by_id = {a.priority_id: a for a in alignments}
    parts: dict[str, list[str]] = {}
    for priority in priorities:
        if priority.parent is not None:
            parts.setdefault(priority.parent, []).append(priority.id)
    for priority in reversed(priorities):
        if priority.id in reviewed:
            continue
        own = by_id[priority.id]
        its_parts = [by_id[i] for i in parts.get(priority.id, ())]
        addressed = [p for p in its_parts if p.status != "gap"]
        part = _part_promised(own, its_parts)
        if own.status == "aligned" and part is not None:
            by_id[priority.id] = replace(own, status="partial", through=part)
            continue
        if own.status != "gap" or not addressed:
            continue
        best = max(addressed, key=lambda a: a.score)
        by_id[priority.id] = replace(
            own,
            status="partial",
            score=max(own.score, best.score),
            evidence=best.evidence,
            nearest=None,
            # What carried the part carries the parent's partial, not its own gap's features.
            reasons=best.reasons,
            through=best.priority_id,
        )
    return tuple(by_id[a.priority_id] for a in alignments)


def _part_promised(own: Alignment, parts: Sequence[Alignment]) -> str | None:
    """The part whose promise a priority's aligned verdict opens with, where another part is
    a gap (as alignck or a reviewer found it): a commitment to a part, partial for the whole.
    A leisure trust's promise on childhood weight made 'Give every child the best start in
    life' aligned, its family hubs untouched; the labelling rules call a commitment that
    covers only a narrow part partial. None where every part is addressed, or the verdict
    opens with a promise no part quotes (alignck's quotes of a part a reviewer set to a gap
    included: rejecting the part left the whole aligned on it)."""
    if not own.evidence or all(p.status != "gap" for p in parts):
        return None
    opening = own.evidence[0]
    if opening.kind not in ("commitment", "priority"):
        return None
    return next(
        (p.priority_id for p in parts if any(e.text == opening.text for e in p.evidence)), None
    )
