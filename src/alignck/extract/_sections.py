"""One priority named twice: in a summary list, then over a numbered section of its own.

'1. Better homes for older people' in a list that announces a strategy's priorities, then a
section headed 'Priority 1: Better homes', is one stated priority, named where it was listed;
``init --from`` takes the section as its description. The list's order and the labels'
numbers say which section is which item's, with the words they share.
"""

from __future__ import annotations

import dataclasses

from alignck.extract._common import numbered_label
from alignck.extract._lists import list_runs
from alignck.language import terms
from alignck.model import Block, Statement

_POSITIONS = {
    word: index
    for index, words in enumerate(
        (
            ("1", "a", "one", "first"),
            ("2", "b", "two", "second"),
            ("3", "c", "three", "third"),
            ("4", "d", "four", "fourth"),
            ("5", "e", "five", "fifth"),
            ("6", "f", "six", "sixth"),
            ("7", "g", "seven", "seventh"),
            ("8", "h", "eight", "eighth"),
            ("9", "nine", "ninth"),
            ("10", "ten", "tenth"),
        )
    )
    for word in words
}
# A label numbers one of a list's first this many items.
_NUMBERED_ITEMS = max(_POSITIONS.values()) + 1


def numbered_repeats(statements: list[Statement], blocks: tuple[Block, ...]) -> list[Statement]:
    """A section headed 'Priority 1: Better homes' opens item 1 of the list that announced the
    priorities ('1. Better homes for older people'): one priority, named where it was listed."""
    sections = numbered_sections(statements, blocks)
    if not sections:
        return statements
    opening = {block.number: listed for listed, block in sections.items()}
    renamed = {
        s.text: opening[s.location.paragraph].text
        for s in statements
        if s.kind == "priority" and s.location.paragraph in opening
    }
    return [
        _reparented(s, renamed)
        for s in statements
        if not (s.kind == "priority" and s.location.paragraph in opening)
    ]


# A document with more numbered labels than this numbers something other than its priorities'
# sections (a plan's actions, say): its labels are not matched to lists.
_MAX_NUMBERED_LABELS = 100


def numbered_sections(
    statements: list[Statement], blocks: tuple[Block, ...]
) -> dict[Statement, Block]:
    """Each listed priority's numbered heading or paragraph, where the document gives the list's
    items sections of their own: blocks whose labels give an item's position in the list
    ('Priority 1:', 'Aim A –', 'Our first priority:') and whose names are mostly the item's
    words or the item mostly theirs, for two or more of its items, so that one label
    numbering something else, or a name sharing a word with an item, is not taken for it."""
    labels = _numbered_labels(blocks)
    found: dict[Statement, Block] = {}
    if not labels or len(labels) > _MAX_NUMBERED_LABELS:
        return found
    for run in _listed_positions(statements, blocks):
        matched: dict[Statement, Block] = {}
        words_of = [set(terms(item.text)) if item is not None else set() for item in run]
        for position, item in enumerate(run[:_NUMBERED_ITEMS]):
            words = words_of[position]
            named = [
                b
                for p, name, b in labels
                if p == position
                and _same_name(name, words)
                and position in _closest(name, words_of)
            ]
            if item is not None and named:
                matched[item] = named[0]
        if len(matched) >= 2 and len(matched) * 2 > len([i for i in run if i is not None]):
            # Most of the list's items head sections of their own, in its order: the rest
            # do too, where a label of the same kind and level numbers them in other words
            # ('5. Help older people live independently' and 'Priority 5: Ageing well').
            matched.update(_numbered_in_order(run, labels, matched))
        if len(matched) >= 2:
            found.update(matched)
    return found


def _numbered_in_order(
    run: list[Statement | None],
    labels: list[tuple[int, set[str], Block]],
    matched: dict[Statement, Block],
) -> dict[Statement, Block]:
    """The run's items without a section of their own that a label like the matched ones
    (the same label word, on a block of the same kind and level) numbers by position."""
    kinds = {(_label_word(b), b.kind, b.level) for b in matched.values()}
    taken = {b.number for b in matched.values()}
    more: dict[Statement, Block] = {}
    for position, item in enumerate(run[:_NUMBERED_ITEMS]):
        if item is None or item in matched:
            continue
        alike = [
            b
            for p, _, b in labels
            if p == position
            and b.number not in taken
            and (_label_word(b), b.kind, b.level) in kinds
        ]
        if len(alike) == 1:
            more[item] = alike[0]
    return more


def _label_word(block: Block) -> str:
    """The word a numbered label opens on ('priority' of 'Priority 5: Ageing well')."""
    return block.text.split(maxsplit=1)[0].lower() if block.text.split() else ""


def _numbered_labels(blocks: tuple[Block, ...]) -> list[tuple[int, set[str], Block]]:
    """Blocks other than list items that number a named priority: its position and words."""
    found = []
    for block in blocks:
        label = numbered_label(block.text) if block.kind != "list_item" else None
        position = _POSITIONS.get(label.group(1).lower()) if label else None
        if label and position is not None and label.group(2).strip():
            found.append((position, set(terms(label.group(2))), block))
    return found


def _closest(name: set[str], items: list[set[str]]) -> set[int]:
    """The items that share the most of a name's words: 'Adult mental health' is item 2's,
    'Mental health support for adults', not item 1's ('... for children'), whatever its
    number; where items tie, the number chooses among them."""
    shared = [len(name & words) for words in items]
    best = max(shared, default=0)
    return {index for index, count in enumerate(shared) if best and count == best}


def _same_name(first: set[str], second: set[str]) -> bool:
    """Most words of the shorter name are the other's: 'Better homes', 'Better homes for older
    people'."""
    shorter = min(len(first), len(second))
    return shorter > 0 and len(first & second) * 2 >= shorter + (shorter > 1)


def _listed_positions(
    statements: list[Statement], blocks: tuple[Block, ...]
) -> list[list[Statement | None]]:
    """Each list's stated priorities by the position of their item among its top-level items."""
    by_paragraph = {s.location.paragraph: s for s in statements if s.kind == "priority"}
    found: list[list[Statement | None]] = []
    for _, run in list_runs(blocks):
        top = min(item.level for item in run)
        named = [by_paragraph.get(item.number) for item in run if item.level == top]
        if any(named):
            found.append(named)
    return found


def _reparented(statement: Statement, renamed: dict[str, str]) -> Statement:
    if statement.parent in renamed:
        return dataclasses.replace(statement, parent=renamed[statement.parent])
    return statement
