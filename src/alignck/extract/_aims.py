"""Sentences that state an aim, as candidates where nothing else names a document's priorities.

A news release about a plan, a board's minute or a short web page often states what a partner
means to do in a sentence or two of prose ('The new strategy aims to improve access to
support for people who slip through the net'), with no list, no heading and no 'we will' the
rules read. Every sentence of such a document is a candidate; what makes one a statement of an
aim is described by features any document has (where it sits, how long it is, whether it says
what someone will do or means to do, whether it reports a figure or a quote), never by a phrase
seen in a labelled document. The fitted weights (``scripts/fit_extraction.py``) decide; this
module owns the candidates and their features.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from alignck.extract._common import (
    COMMITMENT_SENTENCE,
    INFINITIVE_LEAD,
    LEAD_IN,
    PRIORITY_WORDS,
    PURPOSE,
)
from alignck.language import is_statistic, role_of, sentences, terms
from alignck.model import Block

AIM_FEATURES = (
    "bias",
    "position",
    "first_sentences",
    "words",
    "long",
    "short",
    "promise",
    "intention",
    "purpose",
    "announces",
    "priority_word",
    "infinitive_lead",
    "to_verb",
    "statistic",
    "first_person",
    "reported",
    "figures",
    "list_item",
    "title_words",
    "role_context",
    "role_achievement",
    "role_negated",
)
# Fewer words than this is a label or a fragment, not a sentence saying what is meant.
_MIN_WORDS = 4
# How a sentence says what someone will do or means to do, whoever does it: the modal, or a
# verb of intending before 'to'.
_INTENTION = re.compile(
    r"\b(?:will|shall|(?:aim|seek|intend|plan|want|commit\w*|pledge|set\s+out)s?\s+to|"
    r"going\s+to)\b",
    re.IGNORECASE,
)
# 'to' before a verb: 'to improve', not 'to the', 'to a', 'to be'.
_TO_VERB = re.compile(r"\bto\s+(?!the\b|a\b|an\b|be\b|its?\b|their\b)[a-z]{3,}", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# Reported speech: what someone said about the plan, not what the plan states.
_REPORTED = re.compile(r"[“”\"]|\b(?:said|says|told)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d")
_FIRST_SENTENCES = 3
# A document states its aims early, if in prose at all (the first such sentence is the fifth at
# the median over the labelled documents); reading no further bounds the cost of a long one.
_MAX_CANDIDATES = 500
_LONG_WORDS = 40
_SHORT_WORDS = 6


@dataclass(frozen=True, slots=True)
class AimCandidate:
    """One sentence of a document, the block it is in, and its features."""

    block: Block
    text: str
    features: tuple[float, ...]


def aim_candidates(blocks: tuple[Block, ...]) -> list[AimCandidate]:
    """Every sentence of the document's paragraphs and list items, in document order."""
    title = next((b.text for b in blocks if b.kind == "heading"), "")
    title_words = set(terms(title))
    said = itertools.islice(
        (
            (block, sentence)
            for block in blocks
            if block.kind in ("paragraph", "list_item") and not block.navigation
            for sentence in sentences(block.text)
            if len(sentence.split()) >= _MIN_WORDS
        ),
        _MAX_CANDIDATES,
    )
    return [
        AimCandidate(block, sentence, _features(block, sentence, order, title_words))
        for order, (block, sentence) in enumerate(said)
    ]


def _features(block: Block, sentence: str, order: int, title_words: set[str]) -> tuple[float, ...]:
    words = len(sentence.split())
    role = role_of(sentence)
    shared = len(set(terms(sentence)) & title_words) / len(title_words) if title_words else 0.0
    values = {
        "bias": 1.0,
        "position": math.log1p(order) / math.log1p(50),
        "first_sentences": float(order < _FIRST_SENTENCES),
        "words": math.log(words) / math.log(50),
        "long": float(words > _LONG_WORDS),
        "short": float(words < _SHORT_WORDS),
        "promise": float(bool(COMMITMENT_SENTENCE.search(sentence))),
        "intention": float(bool(_INTENTION.search(sentence))),
        "purpose": float(bool(PURPOSE.search(sentence))),
        "announces": float(bool(LEAD_IN.search(sentence))),
        "priority_word": float(bool(PRIORITY_WORDS.search(sentence))),
        "infinitive_lead": float(bool(INFINITIVE_LEAD.search(sentence))),
        "to_verb": float(bool(_TO_VERB.search(sentence))),
        "statistic": float(is_statistic(sentence)),
        "first_person": float(bool(_FIRST_PERSON.search(sentence))),
        "reported": float(bool(_REPORTED.search(sentence))),
        "figures": float(bool(_FIGURE.search(sentence))),
        "list_item": float(block.kind == "list_item"),
        "title_words": shared,
        "role_context": float(role == "context"),
        "role_achievement": float(role == "achievement"),
        "role_negated": float(role == "negated"),
    }
    return tuple(values[name] for name in AIM_FEATURES)
