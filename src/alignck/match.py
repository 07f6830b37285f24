"""Decide, for every document and framework priority, aligned / partial / gap, with evidence.

The matcher runs its signals over a document's passages: ``terms`` always (each passage's
facets matched word by word, see :mod:`alignck.similarity`, combined as independent evidence
and scaled by the passage's share of its best priority, since a sentence is mostly about one
thing) and ``embedding`` for the semantic matcher. The fitted decision
(:mod:`alignck.decision`) turns what they found into the probability that the document
addresses each priority and that it commits to it; the thresholds cut those probabilities.
:mod:`alignck.verdicts` cuts them into verdicts on grounds and picks the evidence. A stated
priority is inside the framework when the same judgement finds it names a priority, or when it
is quoted as a verdict's evidence. Thresholds, sorting and evidence selection are decided here
and there, never in the renderers.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alignck.decision import (
    Decision,
    Signals,
    committed_mask,
    decision_for,
    shipped_adapter,
)
from alignck.decision import decision_version as shipped_version
from alignck.facets import matchable_facets
from alignck.language import excluded_words, holds_phrase, phrase_key
from alignck.model import (
    Alignment,
    Framework,
    StatedMatch,
    Statement,
    Thresholds,
)
from alignck.passages import Passage
from alignck.senses import SENSE_MARK
from alignck.signals.adapter import FROM_DECISION, Adapter
from alignck.similarity import TermSpace
from alignck.verdicts import SUBSTANTIVE_WORDS, Judged, quoted_form

COMPETITION = 1.0


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
        adapter: Adapter | str | None = FROM_DECISION,
        cache_facets: bool = False,
    ) -> None:
        from alignck.signals import MATCHERS

        self.framework = framework
        self.thresholds = thresholds
        self.name = matcher
        self.signals = MATCHERS[matcher]
        self._given = decision
        # The decision's own adapter unless one is given (None for none): fitting scores each
        # labelled set through an adapter fitted without it.
        self._adapter = adapter
        # The framework's embedded facets kept in the cache folder (a run that uses the cache).
        self._cache_facets = cache_facets
        # Each priority's excluded phrases, as the words they are compared by.
        self.framework_exclusions = [
            [words for e in p.exclude if (words := excluded_words(e))] for p in framework.priorities
        ]

    @functools.cached_property
    def decision(self) -> Decision:
        """Loaded on first use (it needs numpy), so a fully cached run never loads it."""
        return self._given or decision_for(self.name)

    @property
    def decision_version(self) -> str:
        return self._given.version if self._given else shipped_version(self.name)

    @functools.cached_property
    def space(self) -> TermSpace:
        """Built on first use, so a run answered wholly from the cache never needs it (nor
        pays for checking that the framework has words to match on)."""
        facets = matchable_facets(self.framework)
        priority_terms = [set[str]() for _ in self.framework.priorities]
        for facet in facets:
            priority_terms[facet.priority].update(facet.terms)
        return TermSpace(facets, priority_terms)

    @functools.cached_property
    def _own_names(self) -> dict[str, set[int]]:
        """Each keyword and alias, as a phrase key, with the priorities it names: the
        framework's own names for them."""
        names: dict[str, set[int]] = {}
        for k, priority in enumerate(self.framework.priorities):
            for name in (*priority.keywords, *priority.aliases):
                if key := phrase_key(name):
                    names.setdefault(key, set()).add(k)
        return names

    def _named_in_own_words(self, text: str) -> set[int]:
        """The priorities a stated priority is named as, word for word: one of their keywords
        or aliases is its whole name. Held inside a longer name ('Free bus travel for young
        people' of a keyword 'young people'), it may be a priority the partnership should add."""
        return self._own_names.get(phrase_key(text), set())

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
        from alignck.facets import area_names
        from alignck.signals.embedding import FrameworkVectors, facet_texts

        area = area_names(self.framework)
        adapter = self.decision.adapter if isinstance(self._adapter, str) else self._adapter
        return FrameworkVectors(
            [
                facet_texts(p.title, p.description, p.aliases, area)
                for p in self.framework.priorities
            ],
            adapter,
            cached=self._cache_facets,
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
    def _adapted(self) -> bool:
        if not isinstance(self._adapter, str):
            return self._adapter is not None
        if self._given is not None:
            return self._given.adapter is not None
        return shipped_adapter(self.name)

    @property
    def description(self) -> str:
        """Which matcher and model produced the verdicts, for every report."""
        if "embedding" in self.signals:
            from alignck.signals.embedding import MODEL_ID

            model = f"{MODEL_ID}, adapted" if self._adapted else MODEL_ID
            return f"{self.name} ({model}; decision {self.decision_version})"
        return f"{self.name} (decision {self.decision_version})"

    def prepare(self) -> None:
        """Build now what matching any document needs (the decision, the term space and, for
        the semantic matcher, the framework's embedded facets), which :meth:`match` would
        build on first use: a run calls this while a worker process reads its first document."""
        _ = self.decision, self._words_needed
        if "embedding" in self.signals:
            _ = self.vectors

    def match(self, statements: Sequence[Statement], passages: Sequence[Passage]) -> DocumentMatch:
        signals = self.run_signals(passages)
        judged = Judged(self, passages, signals)
        alignments = tuple(judged.alignment(k) for k in range(len(self.framework.priorities)))
        return DocumentMatch(self._stated(statements, passages, judged, alignments), alignments)

    def run_signals(self, passages: Sequence[Passage]) -> Signals:
        scored = self.passage_scores(passages)
        embedding = coverage = None
        roles = tuple(p.role for p in passages)
        if "embedding" in self.signals:
            # Coverage is pruned to the pairs that can be a best over the same committed
            # passages the decision reads (Signals.committed).
            embedding, coverage = self.vectors.similarities(
                [p.text for p in passages], committed_mask(roles), scored.excluded
            )
            # An excluded phrase excludes the passage from every signal.
            embedding[scored.excluded] = -1.0
            coverage[scored.excluded] = -1.0
        words = tuple(len(p.text.split()) for p in passages)
        return Signals(scored.scores, scored.substantive, roles, embedding, words, coverage)

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
        scores = noisy_or(found.rows, priority_of, found.values, shape)
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
        """passages × priorities: True where a priority's excluded phrase appears, all its
        words side by side. Each distinct phrase is looked for once: sub-priorities inherit
        their parent's."""
        import numpy as np

        excluded = np.zeros(shape, dtype=bool)
        columns: dict[tuple[str, ...], list[int]] = {}
        for k, exclusions in enumerate(self.framework_exclusions):
            for exclusion in exclusions:
                columns.setdefault(exclusion, []).append(k)
        if not columns:
            return excluded
        said = [excluded_words(p.text) for p in passages]
        held = [frozenset(words) for words in said]
        for exclusion, ks in columns.items():
            needed = frozenset(exclusion)
            rows = [
                i
                for i, words in enumerate(said)
                if needed <= held[i] and holds_phrase(words, exclusion)
            ]
            if rows:
                excluded[np.ix_(rows, ks)] = True
        return excluded

    def _stated(
        self,
        statements: Sequence[Statement],
        passages: Sequence[Passage],
        judged: Judged,
        alignments: Sequence[Alignment],
    ) -> tuple[StatedMatch, ...]:
        """Each statement with the framework priorities it names: those whose verdict quotes
        it, or the rest of its own text (:attr:`Statement.body`), as evidence. So no text is
        both a priority's evidence and outside the framework, and
        a stated priority inside the framework is always shown, quoted, where it is. Naming
        also what the ground model rated a ground for a priority (or what shared two of its
        words) but no verdict quoted left such statements in no table of any report, and
        called more of them inside than the labellers do: outside-framework F1 over the 116
        real labelled sets 0.596 -> 0.627 per set by quoting alone (docs/accuracy.md)."""
        position = {(p.text, p.location.paragraph): i for i, p in enumerate(passages)}
        # A list item's commitment is its passage without the full stop ('Campaign on air
        # quality around schools' of '... schools.'): found by the words a reader compares.
        loosely = {(quoted_form(p.text), p.location.paragraph): i for i, p in enumerate(passages)}
        ids = [p.id for p in self.framework.priorities]
        column = {priority_id: k for k, priority_id in enumerate(ids)}
        # A stated priority's name and the list item or sentence that holds it are quoted
        # once, as the fuller, wherever that is ('Mental health', a heading, and 'We will
        # place a mental health practitioner in ...' under it): what a quote holds is quoted
        # too, in its own place or, where it is a ground for the priority, in another.
        quoted: dict[str, list[tuple[Any, int]]] = {}  # quote -> (place, priority column)
        # A priority's own text beside its name (its table row's other cells) names it too.
        quoted_at: dict[int | None, set[int]] = {}  # paragraph -> priority columns
        for alignment in alignments:
            if alignment.status != "gap":
                k = column[alignment.priority_id]
                for evidence in alignment.evidence:
                    quote = quoted_form(evidence.text)
                    quoted.setdefault(quote, []).append((evidence.location, k))
                    quoted_at.setdefault(evidence.location.paragraph, set()).add(k)
        holding = _quotes_holding(list(quoted))
        addressed = {column[a.priority_id] for a in alignments if a.status != "gap"}
        found = [
            position.get(
                (s.text, s.location.paragraph),
                loosely.get((quoted_form(s.text), s.location.paragraph)),
            )
            for s in statements
        ]
        at = [index for index in found if index is not None]
        grounds = judged.grounds[at]
        best = grounds.max(axis=1).tolist() if grounds.shape[1] else [0.0] * len(at)
        # How many stated priorities each quote holds: a sentence naming three ('... three
        # priorities: reducing smoking, improving children's mental health and ...') quoted for
        # a priority names only those of them whose own words are a ground for it.
        holders = {i: holding(quoted_form(passages[i].text)) for i in set(at)}
        held: dict[str, int] = {}
        for i in at:
            for quote in holders[i]:
                held[quote] = held.get(quote, 0) + 1
        results: list[StatedMatch] = []
        row = 0
        for statement, index in zip(statements, found, strict=True):
            if index is None:
                results.append(StatedMatch(statement, (), 0.0, _themes_of(statement.text)))
                continue
            # A set, not an array per statement: a long plan states hundreds, and each
            # array call cost more than the few priorities it held.
            named: set[int] = set()
            place = passages[index].location
            for quote in holders[index]:
                alone = held.get(quote, 0) <= 1
                for where, k in quoted[quote]:
                    if (where == place and alone) or judged.is_ground[index, k]:
                        named.add(k)
            for paragraph in statement.body:
                named.update(quoted_at.get(paragraph, ()))
            # Named by the framework's own words ('Eating disorders', a keyword of children's
            # mental health) where the document addresses that priority: listed outside the
            # framework when its verdict quoted other passages, it was the framework's own
            # priority shown as one the partnership might add. (No labelled framework has
            # keywords or aliases: measured on none.)
            if self._own_names:
                named.update(self._named_in_own_words(statement.text) & addressed)
            # Most likely first, ties in framework order.
            scores = grounds[row]
            matched = tuple(ids[k] for k in sorted(named, key=lambda k: (-scores[k], k)))
            # The passage's themes are the statement's: the same text, read the same way.
            passage = passages[index]
            same_text = passage.text == statement.text
            themes = passage.themes if same_text else _themes_of(statement.text)
            results.append(StatedMatch(statement, matched, round(best[row], 4), themes))
            row += 1
        return tuple(results)


def _themes_of(text: str) -> tuple[str, ...]:
    from alignck.themes import theme_terms

    return theme_terms(phrase_key(text), text)


def _quotes_holding(quotes: list[str]) -> Any:
    """A function giving the quotes that hold a name as whole words ('care' is not held by
    'childcare'). One search of all the quotes joined, not one per quote: a run against 300
    priorities has up to 900 quotes a document, and each stated priority is looked for."""
    joined = "\0".join(quotes)
    starts = [0]
    for quote in quotes[:-1]:
        starts.append(starts[-1] + len(quote) + 1)

    def holding(name: str) -> list[str]:
        found: dict[str, None] = {}
        at = joined.find(name) if name else -1
        while at != -1:
            end = at + len(name)
            if (at == 0 or not joined[at - 1].isalnum()) and (
                end == len(joined) or not joined[end].isalnum()
            ):
                found[quotes[bisect.bisect_right(starts, at) - 1]] = None
            at = joined.find(name, at + 1)
        return list(found)

    return holding


def noisy_or(rows: Any, columns: Any, values: Any, shape: tuple[int, int]) -> Any:
    """rows × columns: 1 - the product of (1 - value) over each cell's values, as independent
    evidence combines; a value is taken as at most 0.999, so that one never settles a cell."""
    import numpy as np

    # bincount adds in the order given, as np.add.at did, at a fraction of its cost: the same
    # sums to the last bit.
    misses = np.bincount(
        rows * shape[1] + columns,
        weights=np.log1p(-np.minimum(values, 0.999)),
        minlength=shape[0] * shape[1],
    ).reshape(shape)
    return 1.0 - np.exp(misses)


def words_in_common(framework: Framework, priority_id: str, text: str) -> tuple[str, ...]:
    """The words of ``text`` that a priority's title, description, keywords or aliases use
    too, as the text writes them, in its order; a theme it names only through a specific
    term ('net zero' for climate) as the theme's word. What --explain shows beside a quote:
    'five' shared with a description's 'age five' is why a sentence on licensing matched."""
    from alignck.language import stem, words
    from alignck.passages import passage_terms

    own = _priority_terms(framework).get(priority_id, frozenset())
    found = passage_terms(text)
    if not own or found is None:
        return ()
    sensed, themes = found
    shared = own.intersection(sensed) | own.intersection(themes)
    shown: dict[str, None] = {}
    covered: set[str] = set()
    for word in words(text):
        term = stem(word)
        marked = next((t for t in shared if t == term or t.startswith(term + SENSE_MARK)), None)
        if marked is not None:
            shown.setdefault(word, None)
            covered.add(marked)
    # A theme the text names by a specific term: shown as the priority writes its word.
    themes_left = set(shared - covered)
    if themes_left:
        priority = framework.priority(priority_id)
        said = " ".join(
            (priority.title, priority.description or "", *priority.keywords, *priority.aliases)
        )
        for word in words(said):
            if stem(word) in themes_left:
                shown.setdefault(word, None)
                themes_left.discard(stem(word))
    return tuple(shown)


@functools.lru_cache(maxsize=4)
def _priority_terms(framework: Framework) -> dict[str, frozenset[str]]:
    terms: dict[int, set[str]] = {}
    for facet in matchable_facets(framework):
        terms.setdefault(facet.priority, set()).update(facet.terms)
    return {
        priority.id: frozenset(terms.get(k, ())) for k, priority in enumerate(framework.priorities)
    }
