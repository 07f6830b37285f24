"""Enumerations inside sentences as candidates for a document's stated priorities.

'We will improve care, reduce inequalities, support our workforce and balance the books' names
four aims in one sentence, as a list would name them on four lines. Every sentence that
enumerates three or more short parts (or two or more after a colon, or apart by semicolons)
is a candidate; what makes it a sentence of stated priorities is described by features any
document has (a lead that announces priorities, a count that matches, parallel parts, their
length, the tense, where it sits), never by a phrase seen in a labelled document. The fitted
weights (``scripts/fit_extraction.py``) decide; this module owns the candidates and their
features.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from alignck.extract._common import (
    COMMITMENT_SENTENCE,
    INFINITIVE_LEAD,
    LEAD_IN,
    PURPOSE,
    announced_count,
)
from alignck.extract._lists import opening_class
from alignck.language import is_statistic, role_of, sentences
from alignck.model import Block

SENTENCE_FEATURES = (
    "bias",
    "lead_announces",
    "before_announces",
    "lead_colon",
    "semicolons",
    "count_matches",
    "counted",
    "lead_promise",
    "lead_first_person",
    "lead_words",
    "items",
    "mean_words",
    "longest_words",
    "parallel",
    "verb_phrases",
    "capitalised",
    "one_word_items",
    "achievement",
    "first_sentence",
    "first_paragraphs",
    "section_announces",
    "statistics",
    "infinitive_lead",
    "commitment",
    "first_candidate",
    "candidates",
)
# The longest part an enumeration may have: longer, it is a clause of the sentence.
_MAX_PART_WORDS = 20
_MIN_ITEMS = 3
# A comma, a semicolon or the 'and' / 'or' closing an enumeration; not the comma of '9,000'.
_BREAK = re.compile(r"\s*;\s*(?:and\s+|or\s+)?|,(?!\d{3}(?!\d))\s*(?:and\s+|or\s+)?")
_SEMICOLON = re.compile(r"\s*;\s*(?:and\s+|or\s+)?")
_AND = re.compile(r"\s+(?:and|or)\s+")
# Where a lead hands over to its first item: 'to improve ...', 'focus on ...', 'are: ...'.
_HAND_OVER = re.compile(
    r"(?::|\b(?:to|on|are|is|were|was|be|will|include|includes|including|such\s+as|by|"
    r"through|as|namely|covering))\s+(?=\S)",
    re.IGNORECASE,
)
_FIRST_PARAGRAPHS = 6
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SentenceCandidate:
    """One enumerating sentence: its block, its parts as names, the lead they sit under, and
    its features."""

    block: Block
    items: tuple[str, ...]
    why: str
    features: tuple[float, ...]


def sentence_candidates(blocks: tuple[Block, ...]) -> Iterator[SentenceCandidate]:
    """Every sentence of a paragraph that enumerates, in document order."""
    found: list[tuple[Block, str, str, tuple[str, ...], str, bool, int]] = []
    paragraphs = 0
    for block in blocks:
        if block.kind != "paragraph":
            continue  # a list item's commas are its own: 'Make the city cleaner, safer, greener'
        paragraphs += 1
        said = sentences(block.text)
        for index, sentence in enumerate(said):
            parts = enumeration(sentence)
            if parts is None:
                continue
            before = said[index - 1] if index else ""
            found.append((block, sentence, *parts, before, index == 0, paragraphs))
    for order, (block, sentence, lead, items, before, first, place) in enumerate(found):
        context = (order == 0, len(found))
        features = _features(block, sentence, lead, items, before, first, place, context)
        yield SentenceCandidate(block, items, _why(lead), features)


def enumeration(sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """The lead and the parts of the enumeration a sentence ends with, or None.

    After a colon, the parts are what follows it; otherwise the sentence's pieces between
    semicolons (when it has two or more) or commas, the last split at its 'and' ('A, B and
    C'), and the enumeration is the longest run of short pieces ending the sentence (a long
    clause before it is the lead). The lead is handed over to the first part at its last
    'to', 'on', 'are' or the like ('we aim to | improve care, ...')."""
    text = sentence.strip().rstrip(".;:!?”\"' ")
    lead, colon, rest = text.rpartition(": ")
    if not colon:
        lead, rest = "", text
    by_semicolon = rest.count(";") >= (1 if colon else 2)
    breaks = _SEMICOLON if by_semicolon else _BREAK
    pieces = [p.strip() for p in breaks.split(rest) if p and p.strip()]
    if not by_semicolon and pieces and not _closed_by_conjunction(rest):
        # 'A, B and C': the last piece is split at its first 'and'. After a serial comma ('A,
        # B, and C and D') the last piece is already apart, and its 'and' is its own.
        pieces[-1:] = [p.strip() for p in _AND.split(pieces[-1], maxsplit=1) if p.strip()]
    if len(pieces) < 2:
        return None
    run: list[str] = []
    for piece in reversed(pieces if colon else pieces[1:]):
        if len(piece.split()) > _MAX_PART_WORDS:
            break
        run.insert(0, piece)
    if not colon:
        run = _parallel_tail(run)
        opener = pieces[len(pieces) - len(run) - 1]
        cut = _hand_over(opener, run)
        first = opener[cut:].strip()
        if not first or len(first.split()) > _MAX_PART_WORDS:
            return None
        earlier = pieces[: len(pieces) - len(run) - 1]
        lead = ", ".join([*earlier, opener[:cut].strip()]).strip(", ")
        run.insert(0, first)
    elif len(run) < len(pieces):
        return None  # a colon followed by long clauses is prose, not a list
    items = tuple(run)
    if len(items) < (2 if (by_semicolon or colon) else _MIN_ITEMS):
        return None
    return (f"{lead}:" if colon else lead), items


# Openings shared by parallel parts that say where the first part begins: 'are | making it
# easier to see a GP, improving ..., making sure ...', not 'to | see a GP'.
_PARALLEL_OPENINGS = ("gerund", "infinitive", "article")


def _parallel_tail(run: list[str]) -> list[str]:
    """The run without the pieces before its parallel end: in 'Based on what they told us,
    our priorities are making it easier to see a GP, improving ..., making sure ...', the
    parts open alike ('improving', 'making') and the piece before them holds the lead."""
    if len(run) < 3:
        return run
    shared = opening_class(run[-1])
    if shared not in _PARALLEL_OPENINGS or opening_class(run[-2]) != shared:
        return run
    start = len(run)
    while start > 0 and opening_class(run[start - 1]) == shared:
        start -= 1
    return run[start:] if start > 0 else run


def _hand_over(opener: str, rest: list[str]) -> int:
    """Where the lead hands over to the first part: at its last 'to', 'on', 'are' or the like,
    or, where the other parts all open alike ('improving ...', 'making sure ...'), at the last
    of those after which the first part opens as they do."""
    cuts = [found.end() for found in _HAND_OVER.finditer(opener)]
    if not cuts:
        return 0
    openings = {opening_class(part) for part in rest}
    shared = next(iter(openings)) if len(openings) == 1 else None
    if shared in _PARALLEL_OPENINGS:
        alike = [cut for cut in cuts if opening_class(opener[cut:].strip()) == shared]
        if alike:
            return alike[-1]
    return cuts[-1]


def _closed_by_conjunction(text: str) -> bool:
    """Whether the last break of an enumeration is a comma with its 'and' or 'or'."""
    breaks = [found.group() for found in _BREAK.finditer(text)]
    return bool(breaks) and bool(_AND_OR.search(breaks[-1]))


_AND_OR = re.compile(r"\b(?:and|or)\b")


def _why(lead: str) -> str:
    shown = lead if len(lead) <= 60 else "…" + lead[-60:].split(" ", 1)[-1]
    return f"named in a sentence after '{shown}'" if shown else "named in a sentence"


def _features(
    block: Block,
    sentence: str,
    lead: str,
    items: tuple[str, ...],
    before: str,
    first_sentence: bool,
    paragraphs: int,
    context: tuple[bool, int],
) -> tuple[float, ...]:
    first_candidate, candidates = context
    words = [len(item.split()) for item in items]
    classes = [opening_class(item) for item in items]
    section = block.section[-1] if block.section else ""
    values = {
        "bias": 1.0,
        "lead_announces": float(bool(LEAD_IN.search(lead))),
        "before_announces": float(bool(LEAD_IN.search(before))),
        "lead_colon": float(lead.endswith(":")),
        "semicolons": float(sentence.count(";") >= 2),
        "count_matches": float(announced_count(f"{before} {lead}") == len(items)),
        "counted": float(announced_count(f"{before} {lead}") is not None),
        "lead_promise": float(bool(COMMITMENT_SENTENCE.search(lead))),
        "lead_first_person": float(bool(_FIRST_PERSON.search(lead))),
        "lead_words": math.log1p(len(lead.split())) / math.log1p(40),
        "items": math.log(len(items)) / math.log(10),
        "mean_words": math.log1p(sum(words) / len(words)) / math.log1p(20),
        "longest_words": math.log1p(max(words)) / math.log1p(20),
        "parallel": max(classes.count(c) for c in set(classes)) / len(classes),
        "verb_phrases": sum(c in ("gerund", "infinitive", "lower") for c in classes) / len(classes),
        "capitalised": sum(item[:1].isupper() for item in items) / len(items),
        "one_word_items": sum(w == 1 for w in words) / len(words),
        "achievement": float(role_of(sentence) == "achievement"),
        "first_sentence": float(first_sentence),
        "first_paragraphs": float(paragraphs <= _FIRST_PARAGRAPHS),
        "section_announces": float(bool(LEAD_IN.search(section))),
        "statistics": float(any(is_statistic(item) for item in items)),
        "infinitive_lead": float(bool(INFINITIVE_LEAD.search(sentence) or PURPOSE.match(sentence))),
        "commitment": float(role_of(sentence) == "commitment"),
        "first_candidate": float(first_candidate),
        "candidates": math.log1p(candidates) / math.log1p(20),
    }
    return tuple(values[name] for name in SENTENCE_FEATURES)
