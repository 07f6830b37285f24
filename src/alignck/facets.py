"""What a framework priority is matched by: its facets.

A facet is one thing a priority can be recognised by: its title (and each half of a
"Title: subtitle"), each alias, each keyword, each part of its description (long descriptions
are split into sentences, clauses, run-together targets and opening lists of short names, so
that one strong part can match on its own), and the facets of its sub-priorities, which count
towards the parent at a lower weight. The area's own name ('A smokefree Northmoor') is left out
of titles and descriptions: every partner names its area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alignck.language import phrase_key, terms
from alignck.model import Framework, Priority
from alignck.senses import in_sense, sense_of

FACET_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "alias": 1.0,
    "keyword": 0.9,
    "description": 0.9,
    "child": 0.8,
}
_PART_STARTS = (
    "By|In|Ensure|Implement|Promote|Support|Achieve|Increase|Reduce|Develop|Strengthen|Improve|"
    "Protect|Provide|Create|Build|Enhance|Take|End|Eliminate|Encourage|Adopt|Substantially|"
    "Significantly|Double|Halve|Mobilize|Mobilise|Integrate|Upgrade|Facilitate|Expand|Make|"
    "Give|Keep|Tackle|Prevent|Work|Help|Enable"
)
_CLAUSE_VERBS = (
    "tackle|address|reduce|promote|prevent|protect|improve|increase|ensure|support|strengthen|"
    "end|eliminate|build|create|provide|enable|help|close|narrow|raise|cut|halve|double|keep|"
    # 'fewer people smoke, more people are a healthy weight and fewer people drink ...'
    r"fewer|less|more|with\s+(?:fewer|less|more)"
)
# Sentence ends, and targets run together without punctuation ("... a day By 2030, reduce").
_DESCRIPTION_BREAK = re.compile(rf"(?<=[.;:!?])\s+|(?<=[a-z0-9)])\s+(?=(?:{_PART_STARTS})\b)")
# Clauses inside a sentence: ", tackle the causes of ... and address the climate crisis".
_CLAUSE_BREAK = re.compile(rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?:{_CLAUSE_VERBS})\b)")


_MIN_LIST_ITEM_WORDS = 2
_MAX_LIST_ITEM_WORDS = 3
_NOT_IN_A_NAME = frozenset(["will", "can", "to", "is", "are", "be", "by"])
_VERB_START = re.compile(rf"^(?:{_PART_STARTS}|{_CLAUSE_VERBS})\b", re.IGNORECASE)

# Words as written, capitals kept, for telling place names from topics.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+")


@dataclass(frozen=True, slots=True)
class Facet:
    priority: int
    text: str
    terms: tuple[str, ...]
    key: str
    weight: float
    kind: str

    @property
    def is_phrase(self) -> bool:
        """Keywords and aliases are phrases: they match whole or not at all."""
        return self.kind in ("keyword", "alias")


def description_parts(text: str) -> list[str]:
    """Split a long description into sentences, run-together targets and clauses."""
    parts: list[str] = []
    for part in _DESCRIPTION_BREAK.split(text):
        if not part or not part.strip():
            continue
        # 'warm homes; clean air; and green spaces': an item after a semicolon stands alone,
        # however short; elsewhere a short piece is a fragment, not a target of its own.
        if parts and len(terms(part)) < 3 and not parts[-1].endswith(";"):
            parts[-1] = f"{parts[-1]} {part.strip()}"
        else:
            parts.append(part.strip())
    return [item for part in parts for clause in _clauses(part) for item in _list_items(clause)]


def _list_items(part: str) -> list[str]:
    """'Warm homes, clean air, green spaces and active travel, with ...': a description that
    opens with a list of short names, each a part that can match on its own. Only names of two
    or three words, and not a list that opens with a verb, so that 'provide safe, non-violent,
    inclusive ... environments' and 'grow, live, work and age in places' stay whole."""
    items = [item.strip() for item in part.split(", ")]
    run = 0
    for item in items:
        words = item.split()
        if not _MIN_LIST_ITEM_WORDS <= len(words) <= _MAX_LIST_ITEM_WORDS:
            break
        if any(w.lower() in _NOT_IN_A_NAME for w in words):
            break
        run += 1
    if run < 2 or len(items) < 3 or _VERB_START.match(items[0]):
        return [part]
    rest = ", ".join(items[run:])
    return [*items[:run], *([rest] if rest else [])]


def _clauses(sentence: str) -> list[str]:
    """Cut at ', tackle ...' / 'and address ...': each aim in 'Reduce loneliness, prevent
    suicide and ...' is a part that can match on its own."""
    pieces: list[str] = []
    start = 0
    for found in _CLAUSE_BREAK.finditer(sentence):
        before, after = sentence[start : found.start()], sentence[found.end() :]
        if terms(before) and len(terms(after)) >= 2:
            pieces.append(before.strip())
            start = found.end()
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]


def build_facets(framework: Framework) -> list[Facet]:
    index = {p.id: i for i, p in enumerate(framework.priorities)}
    names = area_names(framework)
    facets: list[Facet] = []
    for position, priority in enumerate(framework.priorities):
        facets.extend(_own_facets(position, priority, 1.0, names))
    for priority in framework.priorities:
        if priority.parent is not None and priority.parent in index:
            parent = index[priority.parent]
            facets.extend(_own_facets(parent, priority, FACET_WEIGHTS["child"], names, "child"))
    return facets


def area_names(framework: Framework) -> frozenset[str]:
    """Terms of the place names in the framework's own name ('Northmoor', 'Riverside'): words
    capitalised there, capitalised inside a sentence of its priorities ('A smokefree
    Northmoor', 'every child in Nottinghamshire') and never written in lower case. Every
    partner names its area, so a priority must not match a document for naming it too."""
    name_words = _TOKEN.findall(framework.name)
    named = {t for word in name_words if word[:1].isupper() for t in terms(word, topical=False)}
    inside: set[str] = set()
    lower: set[str] = set()
    openings = {
        words[0].lower()
        for priority in framework.priorities
        if (words := _TOKEN.findall(priority.title))
    }
    for priority in framework.priorities:
        for text in (priority.title, priority.description, *priority.keywords, *priority.aliases):
            for sentence in _SENTENCE.split(text):
                words = _TOKEN.findall(sentence)
                for word in words:
                    if word[:1].islower():
                        lower.update(terms(word, topical=False))
                if _title_case(words):
                    # In 'Give Every Child the Best Start' a capital says nothing about
                    # names, but the name's first word closing a title still names the area.
                    inside.update(_area_closing(words, name_words, openings))
                    continue
                for word in words[1:]:
                    if word[:1].isupper():
                        inside.update(terms(word, topical=False))
    return frozenset((named & inside) - lower)


def _area_closing(words: list[str], name_words: list[str], openings: set[str]) -> list[str]:
    """The terms of the framework name's first word where a title-case title ends on it
    ('Smokefree Northmoor' under 'Northmoor Joint Health and Wellbeing Strategy'). Only at
    the end, of a name of two words or more, and never a word a title opens on: 'Healthy
    Minds' and 'Healthy Weight' under 'Healthy Lives Partnership' use 'Healthy' as a word."""
    if len(name_words) < 2 or not name_words[0][:1].isupper() or len(words) < 2:
        return []
    first = name_words[0].lower()
    if words[-1].lower() != first or first in openings:
        return []
    return terms(name_words[0], topical=False)


def without_area_name(text: str, area: frozenset[str]) -> str:
    """``text`` without the words of the area's name (``area``, as :func:`area_names` gives
    it): for the semantic matcher, which reads a priority's text whole rather than its terms."""
    if not area or not text:
        return text

    def kept(match: re.Match[str]) -> str:
        found = terms(match.group(0), topical=False)
        return "" if found and all(t in area for t in found) else match.group(0)

    return " ".join(_TOKEN.sub(kept, text).split())


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and all(w[:1].isupper() for w in long)


def _own_facets(
    position: int,
    priority: Priority,
    scale: float,
    area: frozenset[str] = frozenset(),
    as_kind: str | None = None,
) -> list[Facet]:
    texts: list[tuple[str, str]] = [("title", priority.title)]
    if ":" in priority.title:
        texts.extend(("title", part) for part in priority.title.split(":") if part.strip())
    texts.extend(("alias", alias) for alias in priority.aliases)
    texts.extend(("keyword", keyword) for keyword in priority.keywords)
    texts.extend(("description", part) for part in description_parts(priority.description))
    # A keyword or alias is a fragment ('accessibility'): it takes its sense from the whole
    # priority; a title or description part from its own words.
    whole_sense = sense_of(" ".join(text for _, text in texts))
    facets = []
    for kind, text in texts:
        phrase = kind in ("keyword", "alias")
        sense = sense_of(text) or (whole_sense if phrase else ())
        found = in_sense(tuple(dict.fromkeys(terms(text))), sense)
        if not phrase:  # a phrase the user wrote stays whole
            found = tuple(t for t in found if t not in area)
        if found:
            kind_used = "keyword" if as_kind and kind in ("keyword", "alias") else as_kind or kind
            facets.append(
                Facet(
                    position, text, found, phrase_key(text), FACET_WEIGHTS[kind] * scale, kind_used
                )
            )
    return facets


def matchable_facets(framework: Framework) -> list[Facet]:
    """The framework's facets; :class:`FrameworkError` when no priority has a word to match
    on: a framework whose only priority is 'Our priorities' is valid YAML, yet names no topic
    and would leave the matcher an empty vocabulary. Priorities without words beside others
    that have some are only ever gaps, and the report shows that."""
    from alignck.errors import FrameworkError

    facets = build_facets(framework)
    if not facets:
        titles = ", ".join(f"'{p.title}'" for p in framework.priorities[:3])
        raise FrameworkError(
            f"no priority names anything alignck can match on ({titles}); give the priorities "
            "titles, keywords or descriptions that say what they are about",
            framework.path,
        )
    return facets
