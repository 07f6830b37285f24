"""Lists as candidates for a document's stated priorities, described by generic features.

Every run of list items is a candidate, whatever introduces it. What makes it a list of stated
priorities is described by features any document has (how it is led in, how many items, how
long and how alike they are, where it sits), never by a phrase seen in a labelled document; a
small logistic regression fitted on the labelled sets (``scripts/fit_extraction.py``) weighs
them. This module owns the candidates and their features; it does not decide.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from alignck.extract._common import (
    COMMITMENT_SENTENCE,
    LEAD_IN,
    PROMISE_LEAD,
    announced_count,
    item_names,
    numbered_label,
    opens_list,
)
from alignck.language import is_statistic, role_of, sentences
from alignck.model import Block

FEATURES = (
    "bias",
    "lead_colon",
    "introduced",
    "lead_heading",
    "lead_plain_line",
    "lead_announces",
    "before_announces",
    "lead_count_matches",
    "lead_promise",
    "lead_copula",
    "lead_auxiliary",
    "lead_values",
    "lead_names_one",
    "section_announces",
    "few_items",
    "mean_words",
    "named_items",
    "capitalised",
    "full_stops",
    "parallel",
    "numbered",
    "unfinished",
    "lead_achievement",
    "position",
)
_PLAIN_LINE_WORDS = 8
# How a lead-in ends says what follows: 'Our aims are:' names things; 'we will:', 'we have:'
# promise or recount actions.
_COPULA_COLON = re.compile(r"\b(?:are|is|be)\s*:$", re.IGNORECASE)
_AUXILIARY_COLON = re.compile(
    r"\b(?:will|shall|can|could|must|should|would|have|has|had|did)\s*:$", re.IGNORECASE
)
# Every strategy also lists how it works, not what it will achieve: values, principles.
VALUES = re.compile(r"\b(?:values|principles|behaviours|behaviors|ways\s+of\s+working)\b", re.I)
# An item that stops on a function word was cut from a sentence, not written as a name.
_UNFINISHED = re.compile(
    r"\b(?:a|an|the|and|or|of|to|for|with|that|which|are|is|in|on|by|our|their)$", re.IGNORECASE
)
_FEW_ITEMS = range(2, 9)
# The word class an item opens with: parallel items open alike ('Improve ...', 'Reduce ...';
# 'Growing ...', 'Tackling ...'; 'A ...', 'An ...').
_OPENING_CLASSES = (
    ("gerund", re.compile(r"^[A-Za-z]+ing\b")),
    ("infinitive", re.compile(r"^to\b", re.IGNORECASE)),
    ("article", re.compile(r"^(?:a|an|the)\b", re.IGNORECASE)),
    ("pronoun", re.compile(r"^(?:we|our|i|you|they|it|this|these)\b", re.IGNORECASE)),
)


@dataclass(frozen=True, slots=True)
class ListCandidate:
    """One list: its top-level items with their names, why it would be taken (its lead-in),
    and its features."""

    items: tuple[tuple[Block, str], ...]
    why: str
    features: tuple[float, ...]
    # The heading or line before the list.
    lead: str = ""


def list_candidates(blocks: tuple[Block, ...]) -> Iterator[ListCandidate]:
    for start, run in list_runs(blocks):
        top = min(item.level for item in run)
        tops = [item for item in run if item.level == top]
        items = tuple(
            (item, name)
            for item, named in zip(tops, item_names(tops), strict=True)
            if not item.text.rstrip().endswith(":")
            for name in [named.strip()]
            if name and not is_statistic(name)
        )
        if len(items) < 2:
            continue  # one item is a remark set off, not a list of priorities
        lead = lead_text(blocks, start)
        features = _features(blocks, start, run, items, lead)
        yield ListCandidate(items, why_listed(blocks, start), features, lead)


def list_runs(blocks: tuple[Block, ...]) -> Iterator[tuple[int, list[Block]]]:
    """Consecutive list items that form one list; ``start`` is the index of the first. A
    numbered list whose items each have a paragraph or two after them ('1. Thriving children',
    its text, '2. Safe homes', its text) is one list: its numbering goes on across them."""
    run: list[Block] = []
    start = 0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "list_item" and not (run and _starts_new_list(run, block)):
            if not run:
                start = index
            run.append(block)
            index += 1
            continue
        resumed = _numbering_resumes(run, blocks, index) if run else None
        if resumed is not None:
            index = resumed
            continue
        if run:
            yield start, run
        run = [block] if block.kind == "list_item" else []
        start = index
        index += 1
    if run:
        yield start, run


# At most this many paragraphs between two numbered items of one list.
_PARAGRAPHS_BETWEEN_ITEMS = 3


def _numbering_resumes(run: list[Block], blocks: tuple[Block, ...], index: int) -> int | None:
    """Where the list of ``run`` goes on after the paragraphs from ``index``: the next item
    at its top level numbered one more than its last there. None when a heading, a lead-in
    ending in a colon ('The Strategy is based on three guiding principles:', where Word goes
    on numbering a new list) or anything but paragraphs comes first, or the numbers do not
    follow."""
    top = min(item.level for item in run)
    last = next(item for item in reversed(run) if item.level == top)
    number = _marker_number(last.marker)
    if number is None:
        return None
    for ahead in range(index, min(index + _PARAGRAPHS_BETWEEN_ITEMS + 1, len(blocks))):
        block = blocks[ahead]
        if block.kind == "paragraph" and not block.text.rstrip().endswith(":"):
            continue  # a paragraph ending in a colon leads in a list of its own
        follows = block.kind == "list_item" and block.level == top
        if follows and _marker_number(block.marker) == (number[0] + 1, number[1]):
            return ahead
        return None
    return None


def _marker_number(marker: str | None) -> tuple[int, str] | None:
    """'3.' -> (3, '.'); a bullet or a letter -> None."""
    if not marker or len(marker) < 2 or not marker[:-1].isdigit() or marker[-1] not in ".)":
        return None
    return int(marker[:-1]), marker[-1]


def _starts_new_list(run: list[Block], block: Block) -> bool:
    """Numbering restarts, an item ending with ':' introduces what follows, or the marker
    changes between numbers and bullets at the same level (flattened Word and PDF lists)."""
    if run[-1].text.rstrip().endswith(":"):
        return True
    if block.level != run[0].level:
        return False
    # Compare with the last item at this level: '2. Good homes' after its own sub-bullets
    # goes on from '1. Healthy lives'.
    sibling = next(item for item in reversed(run) if item.level == block.level)
    if block.marker in ("1.", "1)", "a.", "a)"):
        # Numbering starts again, unless every item is numbered '1.' (Markdown numbers them).
        return sibling.marker != block.marker
    return (block.marker == "•") != (sibling.marker == "•")


_SHOWN_LEAD_CHARS = 60


def why_listed(blocks: tuple[Block, ...], start: int) -> str:
    """'list under '…the following key components:'': the end of a long lead-in says most."""
    lead = lead_text(blocks, start)
    if len(lead) > _SHOWN_LEAD_CHARS:
        tail = lead[-_SHOWN_LEAD_CHARS:]
        lead = "…" + tail[tail.find(" ") + 1 :]
    return f"list under '{lead}'" if lead else "list"


def lead_text(blocks: tuple[Block, ...], start: int) -> str:
    """The heading or the last sentence before a list: what a reader takes as its lead-in."""
    if not start:
        return ""
    previous = blocks[start - 1]
    if previous.kind == "heading":
        over = blocks[start - 2] if start >= 2 else None
        if over is not None and over.kind == "paragraph" and over.text.rstrip().endswith(":"):
            found = sentences(over.text)
            return found[-1].strip() if found else previous.text.strip()
        return previous.text.strip()
    found = sentences(previous.text)
    return found[-1].strip() if found else ""


def _features(
    blocks: tuple[Block, ...],
    start: int,
    run: list[Block],
    items: tuple[tuple[Block, str], ...],
    lead: str,
) -> tuple[float, ...]:
    previous = blocks[start - 1] if start else None
    # The lead-in and the sentence before it: 'around our five objectives. Those are to:'.
    before = " ".join(sentences(previous.text)[-2:]) if previous else ""
    names = [name for _, name in items]
    words = [len(name.split()) for name in names]
    section = run[0].section[-1] if run[0].section else ""
    values = {
        "bias": 1.0,
        "lead_colon": float(opens_list(lead)),
        "introduced": float(
            opens_list(lead)
            or announced_count(before) == len(items)
            or (previous is not None and previous.kind == "heading")
            or plain_line(previous)
        ),
        "lead_heading": float(previous is not None and previous.kind == "heading"),
        "lead_plain_line": float(plain_line(previous)),
        "lead_announces": float(bool(LEAD_IN.search(lead))),
        "before_announces": float(bool(LEAD_IN.search(before))),
        "lead_count_matches": float(announced_count(before) == len(items)),
        "lead_promise": float(
            bool(PROMISE_LEAD.search(lead))
            or (
                (previous is not None and previous.kind == "heading")
                and bool(COMMITMENT_SENTENCE.search(lead))
            )
        ),
        "lead_copula": float(bool(_COPULA_COLON.search(lead))),
        "lead_auxiliary": float(bool(_AUXILIARY_COLON.search(lead))),
        # 'Priority 1: Healthy lives' names one priority; its list holds that one's parts.
        "lead_names_one": float(bool(numbered_label(lead))),
        "lead_values": float(bool(VALUES.search(lead))),
        "section_announces": float(bool(LEAD_IN.search(section))),
        "few_items": float(len(items) in _FEW_ITEMS),
        "mean_words": math.log1p(sum(words) / len(words)) / math.log1p(30),
        "named_items": _share(item.lead is not None or name != item.text for item, name in items),
        "capitalised": _share(name[:1].isupper() for name in names),
        "full_stops": _share(item.text.rstrip().endswith(".") for item, _ in items),
        "parallel": _parallel(names),
        "numbered": float(any(ch.isdigit() for ch in run[0].marker or "")),
        "unfinished": _share(bool(_UNFINISHED.search(name.rstrip(" .,;"))) for name in names),
        # 'What we achieved last year:' lists the past, which is no stated priority.
        "lead_achievement": float(
            role_of(lead) == "achievement" or role_of(before) == "achievement"
        ),
        "position": start / max(len(blocks), 1),
    }
    return tuple(values[name] for name in FEATURES)


def plain_line(block: Block | None) -> bool:
    """'Our objectives' on a line of its own, without heading markup: a heading in all but
    name."""
    if block is None or block.kind != "paragraph":
        return False
    text = block.text.strip()
    return 0 < len(text.split()) <= _PLAIN_LINE_WORDS and not text.endswith((".", ":", "?", "!"))


def _share(flags: Iterator[bool] | list[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def _parallel(names: list[str]) -> float:
    """The share of items opening with the most common word class."""
    classes = [opening_class(name) for name in names]
    return max(classes.count(c) for c in set(classes)) / len(classes)


def opening_class(name: str) -> str:
    for label, pattern in _OPENING_CLASSES:
        if pattern.match(name):
            return label
    return "capitalised" if name[:1].isupper() else "lower"
