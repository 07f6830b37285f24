"""Words whose sense depends on what the sentence is about.

'Safer junctions and cycle training for getting about by road' is about road safety, not
about keeping communities safe from harm; 'improving accessibility to key destinations' is about
reaching places, not about reaching the right support; 'digital connectivity for every
business' is about broadband, not connected communities. A word matcher cannot tell these
apart, so a text (a passage, or a part of a framework priority) that names transport (or
digital networks) reads a few words in that sense: they then match the same word in another
text on that subject, and not the word in its general sense. Two more senses are read from
the phrase around the word itself: 'care closer to home' and 'care homes' are where care is
given, not housing, and 'a place on a recovery programme' or '30 nursery places' are places to
be had, not places to live. Both sides of a match are read by the same rule, so a framework
priority about 'safe and active travel' still meets 'road safety'.

The context is read from the words as written: 'parking' names transport but its stem 'park'
would take in green spaces, and 'Traveller communities' are people, not journeys. A sense
covers the whole text it is found in (a sentence, or a part of a priority's description), so
a sentence that names a bus route reads all its 'services' as bus services.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from alignck import lexicon
from alignck.language import terms

SENSE_MARK = "~"


@lru_cache(maxsize=1)
def _senses() -> dict[str, tuple[re.Pattern[str], str]]:
    """Each sense (``data/lexicon/senses.json``): the pattern that sets it, and the words read
    in that sense."""
    return {
        entry.get("sense"): (entry.compiled, " ".join(entry.get("reads")))
        for entry in lexicon.entries("senses")
    }


@lru_cache(maxsize=1)
def _sensitive() -> dict[str, frozenset[str]]:
    return {sense: frozenset(terms(words)) for sense, (_, words) in _senses().items()}


@lru_cache(maxsize=1)
def _any_sensitive() -> frozenset[str]:
    return frozenset().union(*_sensitive().values())


def sense_of(text: str) -> tuple[str, ...]:
    """The senses a text sets for its sensitive words (usually none)."""
    return tuple(sense for sense, (pattern, _) in _senses().items() if pattern.search(text))


def senses_for(found: Sequence[str], text: str) -> tuple[str, ...]:
    """The senses a text sets that cover any of its terms: most texts have none of the
    words a sense covers, and then the patterns are not searched at all."""
    if _any_sensitive().isdisjoint(found):
        return ()
    sensitive = _sensitive()
    return tuple(
        sense
        for sense, (pattern, _) in _senses().items()
        if not sensitive[sense].isdisjoint(found) and pattern.search(text)
    )


def in_sense(found: Sequence[str], senses: Sequence[str]) -> tuple[str, ...]:
    """The terms with those a sense covers marked as read in it ('safe' -> 'safe~transport');
    a word two senses cover takes the first."""
    if not senses:
        return tuple(found)
    sensitive = _sensitive()
    return tuple(_marked(t, senses, sensitive) for t in found)


def _marked(term: str, senses: Sequence[str], sensitive: dict[str, frozenset[str]]) -> str:
    for sense in senses:
        if term in sensitive[sense]:
            return f"{term}{SENSE_MARK}{sense}"
    return term


def plain(term: str) -> str:
    """A term without its sense mark."""
    return term.split(SENSE_MARK, 1)[0]
