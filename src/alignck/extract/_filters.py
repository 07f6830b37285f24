"""Found items that are not priorities, told by the document itself: field labels repeated
down a layout ('Programme:' ... 'Programme:'), and a proper name on its own (a place)."""

from __future__ import annotations

import re
from collections import Counter

from alignck.model import Block, Statement

_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def without_labels_and_names(
    statements: list[Statement], blocks: tuple[Block, ...]
) -> list[Statement]:
    labels = _field_labels(statements)
    names = _proper_names(blocks)
    return [
        s
        for s in statements
        if s.kind != "priority"
        or (
            (s.text, s.location.section, s.rule) not in labels
            and not names.get(s.text, set()) - {s.location.paragraph}
        )
    ]


def _field_labels(statements: list[Statement]) -> set[tuple[str, str | None, str]]:
    """The same name taken twice by one rule in one section labels a field: two priorities
    are not named alike."""
    counts = Counter(
        (s.text, s.location.section, s.rule) for s in statements if s.kind == "priority"
    )
    return {key for key, count in counts.items() if count > 1}


def _proper_names(blocks: tuple[Block, ...]) -> dict[str, set[int]]:
    """Words the document capitalises inside its sentences and never writes in lower case,
    with the paragraphs doing so: names ('Brackley'), which stated alone name no priority.
    A word capitalised only where it is listed ('Our themes: Place, Growth') may be a name
    given to a priority, so only other paragraphs count against it."""
    inside: dict[str, set[int]] = {}
    lower: set[str] = set()
    for block in blocks:
        for index, word in enumerate(_WORD.findall(block.text)):
            if word.islower():
                lower.add(word)
            elif block.kind == "paragraph" and index and word[:1].isupper() and word[1:].islower():
                inside.setdefault(word, set()).add(block.number)
    return {word: found for word, found in inside.items() if word.lower() not in lower}
