"""English text handling for matching: sentences, content terms, and what a sentence commits to.

Terms are lower-cased, spelling-folded (British/American), stop-word filtered and stemmed
(Snowball English), so 'prioritising', 'prioritize' and 'priorities' meet. The role of a sentence
(a commitment, a past achievement, a negated or de-prioritised statement, or context) is read
from its wording by :func:`role_of`, the one definition of these roles, with the cue patterns of
``data/lexicon/roles.json``; scoring decides what the role is worth.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse
from typing import Any, Literal

from alignck import lexicon
from alignck.model import EvidenceKind
from alignck.spelling import americanise


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Function words and filler that name no subject."""
    return lexicon.words("words", "stop-words")


@lru_cache(maxsize=1)
def strategy_words() -> frozenset[str]:
    """Words every strategy uses whatever its subject: intent, praise and planning vocabulary."""
    return lexicon.words("words", "strategy-words")


WORD_PATTERN = r"[a-z0-9]+(?:['’][a-z]+)?|[a-z0-9]+"
_WORD = re.compile(WORD_PATTERN)
_HYPHENATED = re.compile(r"\b([a-z]+)-([a-z]+)(?:-([a-z]+))?\b")
# Capital initials joined by an ampersand name one thing ('A&E', 'R&D'): read as their
# letters, each too short to be a word, they were no word at all, and a priority's 'A&E'
# matched nothing. In capitals only: 'choose a & b' in prose is two letters.
_AMPERSAND_INITIALS = re.compile(r"\b([A-Z])\s?&\s?([A-Z])\b")


def joined_initials(text: str) -> str:
    """The text with capital initials joined by an ampersand written as one word ('AE'):
    every reading of a text's words does this first, so they count its words alike."""
    return _AMPERSAND_INITIALS.sub(r"\1\2", text) if "&" in text else text


@lru_cache(maxsize=1)
def _abbreviations() -> re.Pattern[str]:
    """A word ending with a full stop that does not end the sentence ('e.g.', 'Dr.')."""
    listed = "|".join(re.escape(word) for word in lexicon.entry("words", "abbreviations").words)
    return lexicon.compiled(rf"\b(?:{listed})\.$")


# 'About', in lower case and before a figure only.
_CIRCA = frozenset(["c.", "ca.", "(c.", "(ca."])
# Group 1, the quotation marks and brackets that close a sentence, is the sentence's own.
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Longer than any sentence people write (a long one runs to 500 characters): text without
# sentence ends (a table flattened, a scan's word list) is cut at words into pieces of at most
# this, so no quote or stated priority is the whole of a 2 MB line.
LONGEST_SENTENCE = 2000


def _stemmer() -> object:
    """This thread's stemmer: one keeps its word in progress on itself, so two threads
    sharing it (a web service checking two uploads at once) broke each other's words."""
    stemmer = getattr(_PER_THREAD, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _PER_THREAD.stemmer = snowballstemmer.stemmer("english")
    return stemmer


_PER_THREAD = threading.local()


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    word = lexicon.mapping("words", "lemmas").get(word, word)
    return _stemmer().stemWord(americanise(word))  # type: ignore[attr-defined]


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, and for matching only the compatibility forms
    quotes keep ('CO₂' is the word 'co2', 'PM₂.₅' is 'pm2.5')."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.lower().replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    """Lower-case words with possessive endings removed; hyphenated compounds kept whole."""
    text = normalise(joined_initials(text))
    if "-" in text:
        text = _HYPHENATED.sub(_compound, text)
    if "'" not in text:  # most sentences: no possessive to strip
        return list(_without_numbers(_WORD.findall(text)))
    found: list[str] = []
    for word in _WORD.findall(text):
        if word.endswith("'s"):
            word = word[:-2]
        elif "'" in word:
            word = word.split("'")[0]
        if word and not word.isdigit():
            found.append(word)
    return found


def _compound(match: re.Match[str]) -> str:
    """'smoke-free' as 'smoke smokefree': its parts and the joined word, but not a last part
    that only qualifies the first ('-free', '-led', '-related'): 'free to use' has nothing to
    do with 'tobacco-free'. A compound that is a word of its own ('anti-social') is only
    that word: anti-social behaviour is not social isolation."""
    parts = [g for g in match.groups() if g]
    if match.group(0) in lexicon.words("words", "whole-compounds"):
        return "".join(parts)
    shown = parts[:-1] if parts[-1] in lexicon.words("words", "qualifying-parts") else parts
    return " ".join(shown) + " " + "".join(parts)


def _without_numbers(found: list[str]) -> Iterator[str]:
    """The words that are not all digits, filtered in C, not word by word in Python: every
    sentence of a document passes through here two or three times."""
    return filterfalse(str.isdigit, found)


def phrase_key(text: str) -> str:
    """Every word stemmed, stop words kept: for matching multi-word phrases in order."""
    plain = normalise(joined_initials(text)).replace("-", " ")
    return " ".join(map(stem, _without_numbers(_WORD.findall(plain))))


def excluded_words(text: str) -> tuple[str, ...]:
    """An excluded phrase's words as they are compared: every word but the small ones
    ('the', 'to'), stemmed, spelling and compounds folded as :func:`terms` folds them, and the
    words every strategy uses kept ('place to work' is 'place work', never 'place' alone,
    which excluded every passage about places)."""
    return tuple(terms(text, topical=False))


def holds_phrase(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether ``words`` hold ``phrase``'s words side by side, in order (terms against terms:
    how an excluded phrase is found in a passage, or in a priority's own wording)."""
    words, phrase = tuple(words), tuple(phrase)
    size = len(phrase)
    return size > 0 and any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def terms(text: str, *, topical: bool = True) -> list[str]:
    """Content terms, stemmed, in order. ``topical`` also drops the intent and planning words
    every strategy uses (``STRATEGY_WORDS``): right for matching, wrong for naming a statement."""
    return list(_terms(text, topical))


def _terms(text: str, topical: bool) -> tuple[str, ...]:
    return _both_terms(text)[topical]


@lru_cache(maxsize=16384)
def _both_terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's terms with the strategy words, then without them (``topical``), from one
    reading of its words. Cached, and small: a sentence is cut into clauses and then scored,
    asking twice in a row; and a passage's terms are asked for again without the strategy
    words when a framework's excluded phrases are looked for in it."""
    stop, strategy = stop_words(), strategy_words()
    content = [word for word in words(text) if len(word) > 1 and word not in stop]
    every = tuple(map(stem, content))
    if strategy.isdisjoint(content):
        return every, every
    return every, tuple(
        term for word, term in zip(content, every, strict=True) if word not in strategy
    )


@lru_cache(maxsize=65536)
def sentences(text: str) -> tuple[str, ...]:
    """Split a block's text into sentences, keeping abbreviations and decimals together."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].strip()
        last_word = candidate.rsplit(" ", 1)[-1] if candidate else ""
        if _abbreviations().search(last_word) or len(candidate) < 3:
            continue
        if last_word in _CIRCA and text[match.end() : match.end() + 1].isdigit():
            continue  # 'c. 4,000 carers'; 'Option C.' and 'hepatitis C.' end their sentence
        pieces.append(candidate + match.group(1))
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    if any(len(piece) > LONGEST_SENTENCE for piece in pieces):
        return tuple(part for piece in pieces for part in _within_longest(piece))
    return tuple(pieces)


def _within_longest(text: str) -> list[str]:
    """``text`` cut at spaces into pieces of at most :data:`LONGEST_SENTENCE` characters (a
    word longer than that is cut where it reaches it), each cut marked with '…' on both
    sides: a piece quoted must not read as the whole sentence."""
    parts: list[str] = []
    room = LONGEST_SENTENCE - 2  # for the marks
    while len(text) > room:
        cut = text.rfind(" ", 0, room + 1)
        cut = cut if cut > 0 else room
        parts.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        parts.append(text)
    return [
        ("…" if index else "") + part + ("…" if index < len(parts) - 1 else "")
        for index, part in enumerate(parts)
    ]


Scope = Literal["sentence", "heading"]


@dataclass(frozen=True, slots=True)
class _RoleRule:
    """One role's entries, each as its cue substrings (empty: no cheap test) and its pattern,
    and every cue of them in one pattern: most sentences hold none of a role's cue words, and
    one search says so where a test per entry took most of the time of reading a role."""

    entries: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]
    any_cue: re.Pattern[str] | None


@lru_cache(maxsize=32)
def _role_rule(role: str, scope: Scope) -> _RoleRule:
    found = lexicon.select("roles", lambda e: e.get("role") == role and scope in e.get("scope"))
    entries = tuple((entry.cues, entry.compiled) for entry in found if entry.pattern is not None)
    cues = {cue for each, _ in entries for cue in each}
    any_cue = re.compile(_any_of(cues)) if cues else None
    return _RoleRule(entries, any_cue)


def _any_of(cues: Iterable[str]) -> str:
    """A pattern found in a text exactly where one of ``cues`` is, its choices shared by
    prefix ('not', 'no plan' and "n't" as "n(?:'t|o(?:\\ plan|t))"): a flat choice of some 60
    cues was tried one by one at every character, most of the time a role's test took on the
    many sentences with no cue."""
    trie: dict[str, Any] = {}
    for cue in cues:
        node = trie
        for character in cue:
            node = node.setdefault(character, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, Any]) -> str:
    if "" in node:
        return ""  # a cue ends here: whatever follows, one is found
    choices = [re.escape(key) + _branches(child) for key, child in sorted(node.items())]
    return choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"


def _says(role: str, text: str, lower: str, scope: Scope = "sentence") -> bool:
    rule = _role_rule(role, scope)
    cued = rule.any_cue is not None and rule.any_cue.search(lower) is not None
    straight = None
    for cues, pattern in rule.entries:
        # Cheap substring checks first, entry by entry: most sentences hold none of an
        # entry's cue words, and then its pattern is never searched.
        if cues and not (cued and any(map(lower.__contains__, cues))):
            continue
        if straight is None:
            # Searched with straight apostrophes, so 'We’ll' is 'We'll'.
            straight = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
        if pattern.search(straight):
            return True
    return False


def role_of(
    text: str,
    scope: Scope = "sentence",
    *,
    given: EvidenceKind = "context",
    item: bool = True,
    fragments: bool = True,
) -> EvidenceKind:
    """What a sentence (or a heading, for what sits under it) does: commits to something,
    reports the past, withdraws something, or is context. A sentence that shows no role of its
    own takes ``given``, the role of the heading, lead-in or sentence it sits under, except that
    a statement of fact never becomes a commitment, and, unless it is an ``item`` (a list
    item, a table cell, a clause of a sentence), neither does a whole sentence of background:
    only an action fragment ('Improve outcomes for ...') or a sentence in the future tense
    takes a heading's promise; without ``fragments`` (a paragraph that makes its own promise,
    whose other sentences are not a list's), only the future tense."""
    own = _own_role(text, scope)
    if own != "context" or given == "context":
        return own
    if given == "commitment" and (
        states_fact(text)
        or projects(text)
        or not (item or _says_what_is_done(text, fragments))
        or hedged(text)
    ):
        return "context"
    return given


def hedged(text: str) -> bool:
    """An aspiration without commitment ('we may consider ...', '... subject to funding'),
    which takes no promise from the list or heading it sits under."""
    return _says("hedged", text, normalise(text))


@lru_cache(maxsize=16384)
def _own_role(text: str, scope: Scope) -> EvidenceKind:
    lower = normalise(text)
    if _says("negated", text, lower, scope):
        return "negated"
    if _says("achievement", text, lower, scope) and not _says("future", lower, lower, scope):
        return "achievement"
    if scope == "sentence" and _says("projection", text, lower, scope):
        return "context"
    if _says("commitment", text, lower, scope):
        return "commitment"
    # A date or a target alone does not make a statement of fact a promise: '1 in 4 residents
    # are over 60, and will be 1 in 3 by 2040' is a projection.
    if _says("target-set", text, lower, scope) and not states_fact(text):
        return "commitment"
    return "context"


def projects(text: str) -> bool:
    """A forecast of how many or how much ('the number of people over 85 will grow by 40%'),
    which, as a statistic, takes no promise from the heading or list it sits under."""
    return _says("projection", text, normalise(text))


def is_statistic(text: str) -> bool:
    """A figure about the area ('31% of children ...'), not a target set for it."""
    return _says("statistic", text, text) and not _says("target", text, text)


def states_fact(text: str) -> bool:
    """A figure or measured comparison stated as how things are or were ('31% of children
    are not ready for school', 'life expectancy is nine years shorter than ...'), not a
    target ('cut smoking to 5%') nor an aim named with a figure ('faster diagnosis, with 75%
    of patients told within 28 days')."""
    figure = _says("statistic", text, text) or _says("figure", text, text)
    return figure and not _says("target", text, text) and _says("declarative", text, text)


def is_declarative(text: str) -> bool:
    """Whether the text says how something is, with a verb of being ('Smoking is still
    common'), rather than naming or doing something ('Workforce', 'Improve care')."""
    lower = normalise(text)
    return _says("declarative", lower, lower)


def _says_what_is_done(text: str, fragments: bool = True) -> bool:
    """A sentence in the future tense, or (with ``fragments``) an action or a name without a
    verb of being and without a subject (what a list without bullets looks like); not a
    sentence of background about how things are."""
    lower = normalise(text)
    if _says("future-tense", lower, lower):
        return True
    return fragments and not _says("declarative", lower, lower)


# A heading's label before the name it gives a priority: 'Priority 1:', 'Goal 2 -'.
_LABEL_MAX_WORDS = 3


def names_in_heading(heading: str, name: str) -> bool:
    """Whether a heading names a stated priority, alone or after a short label ('Priority
    1: Start well', '1. Start well' for 'Start well'): its section is that priority's."""
    text, wanted = _plain_name(heading), _plain_name(name)
    if not wanted or not text.endswith(wanted):
        return False
    label = text[: len(text) - len(wanted)]
    labelled = not label or label.rstrip().endswith((":", "-", "–", "—", "."))
    return labelled and len(label.split()) <= _LABEL_MAX_WORDS and not _PART_LABEL.match(label)


# A label naming a part of the document, not a priority: 'Appendix: Age well' holds its data
# tables, 'Case study - Start well' one family's story.
_PART_LABEL = re.compile(r"(?:appendix|annexe?|case\s+study)\b", re.IGNORECASE)


def _plain_name(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(" .")


def describes_an_image(sentence: str) -> bool:
    """Whether a sentence says what a picture or figure shows ('Picture: a house with a heart
    on it', 'Figure 3: Life expectancy by ward'): a description of the page, never evidence."""
    return bool(lexicon.entry("roles", "apparatus.image-description").compiled.search(sentence))


@lru_cache(maxsize=4096)
def is_apparatus(heading: str) -> bool:
    """Whether a heading is references, a glossary, acknowledgements or notes, whose text
    cites, defines or thanks and states nothing the document sets out to do (a reference to
    a dementia study made a transport plan address dementia). Only the nearest heading
    counts, so that a heading level read wrongly does not hide the rest of a document."""
    return bool(lexicon.entry("roles", "apparatus.reference-part").compiled.search(heading))
