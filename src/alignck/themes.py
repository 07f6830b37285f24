"""Broad policy themes named by their specific terms: 'greenhouse gas emissions' is about the
climate even when the sentence never says 'climate'.

Word matching cannot know that; this built-in lexicon gives it the most common of these links.
Each theme word is listed with terms that name a part of it, and the link runs one way only: a
sentence saying 'net zero' also counts as saying 'climate', but 'climate' does not imply 'net
zero'. A theme word is added to a sentence only when the framework uses that word (see
:mod:`alignck.match`), and it adds one word, never a phrase, so on its own it can make a
verdict partial, not aligned.

The terms are general vocabulary of public policy (international development goals and
English local health and care), written for alignck; a term is listed only when it names a
part of its theme in any strategy, not in one document's sense.
"""

from __future__ import annotations

import re
from functools import lru_cache

from alignck import lexicon
from alignck.language import WORD_PATTERN, joined_initials, phrase_key, stop_words, terms

_CASED_WORD = re.compile(WORD_PATTERN, re.IGNORECASE)
_INNER_CAPITAL = re.compile(r"[\s-][A-Z][a-z]")


def themes() -> dict[str, tuple[str, ...]]:
    """Each theme word with the terms that name a part of it (``data/lexicon/themes.json``)."""
    return {
        entry.get("theme"): entry.words
        for entry in lexicon.entries("themes")
        if entry.id.startswith("theme.")
    }


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """First stemmed word of each term -> (the term's other words, the stemmed theme words it
    names), so a passage costs one look-up per word."""
    index: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for theme, members in themes().items():
        for member in members:
            first, *rest = phrase_key(member).split()
            names = index.setdefault(first, {}).setdefault(tuple(rest), [])
            names.extend(t for t in terms(theme) if t not in names)
    return {
        first: tuple((rest, tuple(names)) for rest, names in tails.items())
        for first, tails in index.items()
    }


def theme_terms(phrase: str, text: str = "") -> tuple[str, ...]:
    """The stemmed theme words a passage names through their terms, given its phrase key
    (:func:`alignck.language.phrase_key`) and, to tell names and ages, its text."""
    found = _named_themes(phrase, text)
    if text and _may_name_an_age(text) and _older_age().search(text):
        return tuple(dict.fromkeys((*found, *_older())))
    return found


def _named_themes(phrase: str, text: str) -> tuple[str, ...]:
    index = _index()
    words = phrase.split()
    if index.keys().isdisjoint(words):
        return ()
    names: list[bool] | None = None
    found: dict[str, None] = {}
    for start, word in enumerate(words):
        for rest, themes in index.get(word, ()):
            if rest:
                if tuple(words[start + 1 : start + 1 + len(rest)]) != rest:
                    continue
            else:
                # Worked out only when needed: most passages name no theme.
                names = _name_words(text, len(words)) if names is None else names
                if names[start]:
                    continue
            found.update(dict.fromkeys(themes))
    return tuple(found)


def _older_age() -> re.Pattern[str]:
    return lexicon.entry("themes", "older-age").compiled


@lru_cache(maxsize=1)
def _older() -> tuple[str, ...]:
    return tuple(terms("older"))


def _may_name_an_age(text: str) -> bool:
    """A cheap test before the pattern: most passages name no age at all."""
    lowered = text.lower()
    return ("over" in lowered or "aged" in lowered) and any(d in text for d in "56789")


def _name_words(text: str, count: int) -> list[bool]:
    """Which words are capitalised inside a sentence that is not a title-case heading: part
    of a name, so 'Sherwood Forest Hospitals' says nothing about forests. Only one-word terms
    are checked; 'Net Zero' in a programme's name still means net zero."""
    if not _INNER_CAPITAL.search(text):
        return [False] * count  # no capital after the first word: no name
    plain = joined_initials(text).replace("’", "'").replace("‘", "'").replace("-", " ")
    tokens = [t for t in _CASED_WORD.findall(plain) if not t.isdigit()]
    if len(tokens) != count:
        return [False] * count
    # 'Forest' in a name, not 'GHG' or 'HIV': acronyms are terms.
    capital = [t[:1].isupper() and not t.isupper() for t in tokens]
    if not any(t.islower() and t not in stop_words() for t in tokens):
        return [False] * count  # a heading in title case
    return [index > 0 and capitalised for index, capitalised in enumerate(capital)]
