"""Found items that are not priorities, told by the document itself: field labels repeated
down a layout ('Programme:' ... 'Programme:'), a proper name on its own (a place), and
contact details (an email or web address)."""

from __future__ import annotations

import re

from alignck.model import Block, Statement

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A word of _WORD's that starts with a capital: the run of word characters, apostrophes and
# hyphens it stands in, up to its first letter A-Z, holds no other letter a-z or A-Z (a
# _WORD starts at a run's first such letter), and the run is not entered midway.
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])(?:[^\WA-Za-z]|['’-])*([A-Z][\w'’-]*)")
# An email or web address: a deck's closing slide lists 'Contact: team@council.example'.
_ADDRESS = re.compile(r"\S+@[\w-]+\.\S+|\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
# Words an item keeps without its addresses, at most, to be contact details and no more
# ('Contact:', 'Follow us at'): a priority naming a site ('Promote the NHS App and
# www.nhs.uk so residents can book') says more.
_CONTACT_WORDS = 3


def without_labels_and_names(
    statements: list[Statement], blocks: tuple[Block, ...]
) -> list[Statement]:
    labels = _field_labels(statements, blocks)
    names = _proper_names(blocks)
    return [
        s
        for s in statements
        if s.kind != "priority"
        or (
            (s.text, s.location.section, s.rule) not in labels
            and not names.get(s.text, set()) - {s.location.paragraph}
            and not _contact_details(s.text)
        )
    ]


def _contact_details(text: str) -> bool:
    """Whether an item is an address and little else."""
    rest, found = _ADDRESS.subn(" ", text)
    return bool(found) and len(_WORD.findall(rest)) <= _CONTACT_WORDS


def _field_labels(
    statements: list[Statement], blocks: tuple[Block, ...]
) -> set[tuple[str, str | None, str]]:
    """The same name taken twice by one rule in one section labels a field: two priorities
    are not named alike. Not an item written twice in one list ('Healthy homes' first and
    last), which is one priority said twice: taken as a label, it was lost altogether."""
    where: dict[tuple[str, str | None, str], list[int | None]] = {}
    for s in statements:
        if s.kind == "priority":
            where.setdefault((s.text, s.location.section, s.rule), []).append(s.location.paragraph)
    headings = {block.number for block in blocks if block.kind == "heading"}
    items = {block.number for block in blocks if block.kind == "list_item"}
    return {
        key
        for key, found in where.items()
        if len(found) > 1
        and not _said_twice(found, blocks)
        # A heading names a priority once more after a contents list or a list of the plan's
        # priorities: one priority named twice, not a field's label. Headings named alike
        # ('Outcome 1: What success looks like', 'Outcome 2: ...') still label a field.
        and not (headings.intersection(found) and items.intersection(found))
    }


def _said_twice(paragraphs: list[int | None], blocks: tuple[Block, ...]) -> bool:
    """Whether the paragraphs are one item written again in the same list: list items with
    only list items between them, each the same text. ('Plan - full document' and 'Plan -
    summary document' name one thing twice as a label names its fields.)"""
    if None in paragraphs:
        return False
    numbers = [p for p in paragraphs if p is not None]
    by_number = {block.number: block for block in blocks}
    between = [by_number.get(n) for n in range(min(numbers), max(numbers) + 1)]
    texts = {by_number[n].text for n in numbers if n in by_number}
    if len(texts) != 1:
        return False
    if all(b is not None and b.kind == "list_item" for b in between):
        return True
    return _merged_down(numbers, by_number)


def _merged_down(numbers: list[int], by_number: dict[int, Block]) -> bool:
    """Whether the paragraphs are one table cell merged down rows, as a Word table's
    'Theme | Priority' repeats its theme in each of its rows: cells of one column in rows one
    after another."""
    cells = [by_number[n].cell for n in numbers if n in by_number]
    if len(cells) != len(numbers) or any(cell is None for cell in cells):
        return False
    columns = {cell[1] for cell in cells if cell is not None}
    rows = sorted(cell[0] for cell in cells if cell is not None)
    return len(columns) == 1 and rows == list(range(rows[0], rows[0] + len(rows)))


def _proper_names(blocks: tuple[Block, ...]) -> dict[str, set[int]]:
    """Words the document capitalises inside its sentences and never writes in lower case,
    with the paragraphs doing so: names ('Brackley'), which stated alone name no priority.
    A word capitalised only where it is listed ('Our themes: Place, Growth') may be a name
    given to a priority, so only other paragraphs count against it."""
    inside: dict[str, set[int]] = {}
    lower: set[str] = set()
    for block in blocks:
        lower.update(filter(str.islower, _WORD.findall(block.text)))
        if block.kind == "paragraph":
            for word in _inside_sentences(block.text):
                inside.setdefault(word, set()).add(block.number)
    return {word: found for word, found in inside.items() if word.lower() not in lower}


def _inside_sentences(text: str) -> list[str]:
    """The capitalised words of ``text`` that open neither the paragraph (past a label such
    as 'A.', '(i)' or '1'), a sentence, nor what follows a colon: a capital there is no sign
    of a name ('We will act now. Housing is where we start.' made 'Housing' a place, and the
    plan's first listed priority was lost). A full stop after an abbreviation that never
    ends a sentence ('e.g. Brackley', 'St. Helens') opens nothing. Taking a word for a name
    drops a stated priority, missing one costs little (names recur inside sentences), so a
    stop after any other word opens a sentence ('in the U.K. Housing is ...'). Each word is
    judged by the few characters before it: a long paragraph costs no more than its length."""
    label = _LABEL.match(text)
    label_end = label.end() if label else 0
    # The paragraph's first word past its label opens it; the label's own letters ('A.',
    # 'iv') come before.
    first = next((m for m in _WORD.finditer(text) if m.start() >= label_end), None)
    if first is None:
        return []
    found = []
    # Only the words after it that start with a capital, found by one search: most of a
    # paragraph's words do not, and one step per word took most of extraction's filtering.
    for match in _CAPITAL_WORD.finditer(text, first.end()):
        word = match.group(1)
        if word[1:].islower() and not _after_an_end(text, match.start(1)):
            found.append(word)
    return found


def _after_an_end(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a sentence's end or a colon and a space."""
    at = start - 1
    spaced = False
    while at >= 0 and start - at <= _LOOK_BACK and text[at] in _CLOSING:
        spaced = spaced or text[at].isspace()
        at -= 1
    if at < 0:
        return True
    if text[at] == ":":
        return spaced  # 'Lead: Healthwatch', not '10:30' or a web address
    if text[at] not in ".!?…":
        return False
    end = at
    while at > 0 and end - at < _LOOK_BACK and not text[at - 1].isspace():
        at -= 1
    return text[at:end].lower().rstrip(".") not in _NEVER_ENDS


_LOOK_BACK = 12
# A paragraph's own label before its first word: '1', '2.3', 'A.', 'a)', '(iv)', '–'.
_LABEL = re.compile(r"^\W*(?:(?:[0-9][0-9.]*|[ivxlcdm]{1,4}|[a-z])[.)]?(?=\W))?\W*", re.IGNORECASE)
# What may stand between a sentence's end and the next one's first word: space, quotes and
# brackets closing the one and opening the other.
_CLOSING = frozenset(" \t\n\"'’”)]‘“([")
# Abbreviations after which a capital starts a name, never a sentence.
_NEVER_ENDS = frozenset({"e.g", "i.e", "cf", "vs", "dr", "mr", "mrs", "ms", "prof", "cllr", "st"})
