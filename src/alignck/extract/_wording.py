"""Stated priorities found by wording in running text: inline lists, infinitive lists, "X is a
priority" and "our first priority is X"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from alignck.extract._common import (
    COPULA_LIST,
    COUNT,
    DASH_LIST,
    INFINITIVE_LEAD,
    INLINE_LIST,
    IS_PRIORITY,
    LEAD_IN,
    ORDINAL_ITEM,
    PRIORITY_WORDS,
    PRONOUN_START,
    PURPOSE,
    RANKED_PRIORITY,
    announced_count,
    make_statement,
    numbered_label,
    opens_with_relation,
)
from alignck.extract._lists import VALUES
from alignck.language import sentences
from alignck.model import Block, Statement


def inline(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "list_item"):
            continue
        for sentence in sentences(block.text):
            yield from _inline_items(sentence, block)
            yield from _semicolon_items(sentence, block)
            yield from _infinitive_items(sentence, block)
            yield from _is_a_priority(sentence, block)
        if index and _comma_list_after_lead_in(blocks, index):
            column = _column_of_names(blocks, index)
            if len(_split_items(block.text)) >= 3:
                column = [block]  # 'Start well, live well and age well': one line lists them
            if len(column) >= 2 and not _names_priorities(blocks[index - 1], column):
                continue
            # Names a line each ('Thriving children' / 'Warm, safe and affordable homes'),
            # else one line listing them ('Start well, live well and age well').
            items = [(b, b.text) for b in column] if len(column) >= 2 else _each(block)
            for paragraph, item in items:
                statement = make_statement(item, paragraph, "list after lead-in")
                if statement:
                    yield statement


def ordinal_items(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """'The strategy has three aims. The first is to ... The second is to ...': after a
    sentence announcing how many, as many sentences naming them in order."""
    pending = 0
    # The sentence that may announce a count, read only once an item in order follows it:
    # the count's pattern is searched through a whole sentence, and nearly every sentence
    # is followed by one that is no such item (the item's pattern fails at its first words).
    announcing: str | None = None
    for block in blocks:
        if block.kind not in ("paragraph", "list_item"):
            pending, announcing = 0, None
            continue
        for sentence in sentences(block.text):
            item = ORDINAL_ITEM.match(sentence)
            if item and announcing is not None:
                pending, announcing = announced_count(announcing) or 0, None
            if item and pending:
                pending -= 1
                statement = make_statement(item.group("subject"), block, "named in order")
                if statement:
                    yield statement
            elif not sentence.endswith(":"):
                pending, announcing = 0, sentence


def _each(block: Block) -> list[tuple[Block, str]]:
    return [(block, item) for item in _split_items(block.text)]


# A name on a line of its own is short: a wrapped sentence fills its line.
_NAME_WORDS = 10


def _column_of_names(blocks: tuple[Block, ...], index: int) -> list[Block]:
    """The paragraphs from ``index`` on that are each a short name: no full stop or colon at
    the end, a capital or a figure first, not a sentence with its own subject."""
    column: list[Block] = []
    for block in blocks[index:]:
        text = block.text.strip()
        if (
            block.kind != "paragraph"
            or (not text[:1].isupper() and not text[:1].isdigit())
            or len(text.split()) > _NAME_WORDS
            or text.endswith((".", ":", ";", ","))
            or PRONOUN_START.match(text)
        ):
            break
        column.append(block)
    return column


def _names_priorities(lead: Block, column: list[Block]) -> bool:
    """Whether a column of names under a lead-in names priorities: not the values the
    lead-in speaks of ('Guided by our values, we will meet our goals:'), nor labels that
    announce priorities themselves ('Strategic Aims' / 'Trust Objectives for 2021-22', a web
    page's headings come through as lines)."""
    if VALUES.search(lead.text):
        return False
    return not any(_announces(b.text) for b in column)


# A label that announces priorities is short: 'Strategic Aims', 'Trust Objectives for 2026';
# 'Better health outcomes for young people' names one.
_LABEL_WORDS = 4


def _announces(text: str) -> bool:
    return (
        len(text.split()) <= _LABEL_WORDS
        and bool(PRIORITY_WORDS.search(text))
        and not numbered_label(text)
    )


def _comma_list_after_lead_in(blocks: tuple[Block, ...], index: int) -> bool:
    block, previous = blocks[index], blocks[index - 1]
    return (
        block.kind == "paragraph"
        and previous.kind == "paragraph"
        and previous.text.endswith(":")
        and bool(LEAD_IN.search(previous.text))
        and len(block.text.split()) <= 20
        and not block.text.endswith(".")
        # 'I want every town to be a good place to grow up and grow old' is a sentence with
        # its own subject, not a list of names.
        and not PRONOUN_START.match(block.text)
    )


def _inline_items(sentence: str, block: Block) -> Iterator[Statement]:
    if numbered_label(sentence):
        return  # 'Ambition two: People live longer, healthier lives' is one title
    # The list patterns scan the whole sentence; most sentences have neither a colon nor a
    # dash, and are not worth scanning for them.
    match = (
        (":" in sentence and INLINE_LIST.search(sentence))
        or (_has_dash(sentence) and DASH_LIST.search(sentence))
        or COPULA_LIST.search(sentence)
    )
    if not match:
        return
    if match.re is INLINE_LIST and _led_by_values(sentence[match.end(1) : match.start("items")]):
        return  # '... the priorities below and the principles that will guide us: A, B, C'
    listed = _without_trailing_clause(match.group("items"))
    items = _split_items(listed)
    longest = _MAX_ITEM_WORDS
    count = _counted_in(sentence[: match.start("items")])
    if count is not None and len(items) > count:
        # Split into more items than the lead-in counts: an item's own commas made the rest
        # ('Our three priorities are tackling ..., helping families cope with rising food,
        # fuel and housing costs, and giving ...'). Where rejoining what does not open as
        # the items do gives the count, those are the items, and the count allows them
        # longer than an uncounted list's.
        merged = _parallel(items, listed)
        if len(merged) == count:
            items, longest = merged, _COUNTED_ITEM_WORDS
    elif count is not None and len(items) == count and _names_with_one_long(items, listed):
        longest = _COUNTED_ITEM_WORDS  # as many items as counted: one may run long
    if len(items) < 2 or any(len(item.split()) > longest for item in items):
        return
    if match.re is COPULA_LIST and not _counted_or_phrases(match.group("lead"), items):
        return  # "our priorities are clear, ambitious and achievable" describes, not lists
    if match.re is COPULA_LIST and match.group("to") and any(map(opens_with_relation, items)):
        return  # 'Our aims are to be the best, with the happiest residents' is one aim
    for item in items:
        statement = make_statement(item, block, "inline list")
        if statement:
            yield statement


# Values closed off by a comma before the verb of the list are named in passing: 'Our
# priorities, which reflect our values, are: ...'; not 'the values we hold are: ...'.
_CLOSED_BEFORE_VERB = re.compile(
    r",[^,]*\b(?:are|is|include|includes|will\s+be|were|was)\b", re.IGNORECASE
)


def _led_by_values(lead: str) -> bool:
    """Whether the words before a list's colon end on principles or values ('... and the
    principles that will guide how we work:'), as its lead-in."""
    found = list(VALUES.finditer(lead))
    return bool(found) and not _CLOSED_BEFORE_VERB.search(lead[found[-1].end() :])


# The words that hand over to a semicolon list's first item: 'the ambition to achieve A; B; C'.
_HAND_OVER = re.compile(r".*\b(?:to\s+\w+|on|are|is|includes?|of)\s+(?=\S)", re.IGNORECASE)


def _semicolon_items(sentence: str, block: Block) -> Iterator[Statement]:
    """'The strategy sets out the ambition to achieve A; B; C; and D.': three or more short
    parts separated by semicolons, the first led in by a priority noun, with no colon (a
    colon list is read by ``_inline_items``)."""
    if sentence.count(";") < _SEMICOLON_LIST - 1:
        return  # most sentences: not split at all
    parts = [p.strip() for p in sentence.rstrip(". ").split(";")]
    if len(parts) < _SEMICOLON_LIST or ":" in sentence or not LEAD_IN.search(parts[0]):
        return
    handed = _HAND_OVER.match(parts[0])
    first = parts[0][handed.end() :] if handed else ""
    items = [first, *(re.sub(r"^(?:and|or)\s+", "", p) for p in parts[1:])]
    if any(not 1 <= len(item.split()) <= _MAX_ITEM_WORDS + 2 for item in items):
        return
    for item in items:
        statement = make_statement(item, block, "semicolon list after a priority noun")
        if statement:
            yield statement


def _has_dash(sentence: str) -> bool:
    return "-" in sentence or "–" in sentence or "—" in sentence


def _without_trailing_clause(items: str) -> str:
    """'A, B and C, which we agreed with residents' lists A, B and C; a semicolon ends a comma
    list ('A, B and C; we will report yearly') but separates the items of a list without commas."""
    if items.count(";") >= _SEMICOLON_LIST - 1 and _parallel_parts(items.split(";")):
        # Items separated by semicolons, each of one shape: a clause inside an item is its
        # own ('working with landlords so that fewer families live in damp homes'); one
        # after a comma still closes the list.
        return re.split(r",\s+(?:which|that|who)\s+|\.\s", items)[0]
    items = re.split(r",?\s+(?:which|that|who)\s+|\.\s", items)[0]
    if items.count(";") >= _SEMICOLON_LIST - 1:
        return items  # a list whose items are separated by semicolons
    first, semicolon, _ = items.partition(";")
    return first if semicolon and "," in first else items


def _counted_or_phrases(lead: str, items: list[str]) -> bool:
    counted = re.search(rf"\b(?:{COUNT})\b", lead, re.IGNORECASE)
    return bool(counted) or all(len(item.split()) >= 2 for item in items)


_MAX_ITEM_WORDS = 8
_COUNTED_ITEM_WORDS = 14
# Three items or more separated by semicolons make a semicolon list (one semicolon may just end
# a comma list: 'A, B and C; we report yearly').
_SEMICOLON_LIST = 3
# A comma, semicolon or capitalised 'and' between items; not the comma of '9,000'.
_ITEM_BREAK = re.compile(r",(?!\d{3}(?!\d))\s*(?:and\s+|or\s+)?|\s+and\s+(?=[A-Z])|\s*;\s*")
# A comma then "and" or "or" before the last part: the list's own joint, not the item's.
_SERIAL_COMMA = re.compile(r",\s*(?:and|or)\s+[^,;]*$")


def _split_items(text: str) -> list[str]:
    by_semicolon = [part.strip() for part in text.rstrip(". ").split(";") if part.strip()]
    short = all(len(p.split()) <= _MAX_ITEM_WORDS for p in by_semicolon)
    # Semicolons between items, whose own commas would split them ('keeping older people
    # active, connected and safe; helping young carers, their families and schools; ...'):
    # that is what the semicolons are for, however long the items, where every item has the
    # same shape; clauses after a list ('...; each of them has a lead officer') are not items.
    if len(by_semicolon) >= _SEMICOLON_LIST and (short or _parallel_parts(by_semicolon)):
        # 'working with the statutory, voluntary and faith sectors; safer streets': the
        # semicolons separate the items, the commas belong to one of them.
        parts = [re.sub(r"^(?:and|or)\s+", "", part) for part in by_semicolon]
        if not short and re.match(r"(?:and|or)\s", by_semicolon[-1]):
            return parts  # '...; and reducing fuel poverty': the list's own joint
        # '...; using technology; connected communities and support to keep well': the last
        # item is joined by 'and', as in a comma list.
        return [*parts[:-1], *(p.strip() for p in parts[-1].split(" and ", 1))]
    parts = [part.strip() for part in re.split(_ITEM_BREAK, text.rstrip(". ")) if part.strip()]
    # "A, B and C": the last item is joined by its first 'and' ("health and wellbeing" inside
    # an earlier item stays whole). After a serial comma ("A, B, and C") the last item is
    # already apart, and an 'and' in it is its own ("homes warmer and cheaper to heat").
    if len(parts) >= 2 and " and " in parts[-1] and not _SERIAL_COMMA.search(text):
        parts[-1:] = _last_two(parts[-1], parts[:-1])
    return parts


def _parallel_parts(parts: list[str]) -> bool:
    """Whether a list's parts all open the same way, each a gerund phrase ('keeping ...;
    helping ...; and reducing ...') or each an aim ('to ...'): items, not clauses that go on
    about them."""
    opened = [re.sub(r"^(?:and|or)\s+", "", part.strip()) for part in parts if part.strip()]
    return len(opened) >= 2 and (
        all(map(_gerund_phrase, opened)) or all(p.lower().startswith("to ") for p in opened)
    )


def _names_with_one_long(items: list[str], listed: str) -> bool:
    """Whether a counted list's items may run longer than an uncounted list's: items of one
    shape (:func:`_parallel_parts`), or names of which one alone is long ('primary care,
    frailty and a new operating model for adult social services'). Three long clauses
    matching the count ('the new hub opened in March, rough sleeping fell by a third, ...')
    are no names."""
    if ";" in listed and _parallel_parts(items):
        return True
    return sum(len(item.split()) > _MAX_ITEM_WORDS for item in items) <= 1


def _counted_in(lead: str) -> int | None:
    """How many priorities a list's lead-in says it has, counted in its own clause (after its
    last comma): 'Our three priorities for 2026 to 2029 are', not 'Building on the five
    priorities of our 2020 plan, our priorities are now'; a count of years or boroughs is no
    count of the items."""
    return announced_count(lead.rsplit(",", 1)[-1])


def _parallel(parts: list[str], text: str) -> list[str]:
    """The items of a list whose items are gerund phrases ('tackling loneliness ...,
    helping families ...'), with a part that is not one rejoined to the item before it, whose
    own comma made it, as ``text`` writes them: 'helping families cope with rising food, fuel
    and housing costs' is one item, not two. Never the part after the list's last joint
    (', and' or 'and'), which is an item of the list."""
    if len(parts) < 3 or not _gerund_phrase(parts[0]):
        return parts
    spans: list[tuple[int, int]] = []
    own_end: list[int] = []  # where each item's own first part ends
    at = 0
    for index, part in enumerate(parts):
        start = text.find(part, at)
        if start < 0:
            return parts  # not as written: leave the split as it is
        at = start + len(part)
        last = index == len(parts) - 1
        if spans and not _gerund_phrase(part) and not last:
            spans[-1] = (spans[-1][0], at)
        else:
            spans.append((start, at))
            own_end.append(at)
    # What an item took in is the rest of a list of its own, closed by 'and' or 'or' ('food,
    # fuel and housing costs'); 'tackling loneliness, good jobs' is two items of the list.
    for (_, end), first in zip(spans, own_end, strict=True):
        if end > first and not re.search(r"\s(?:and|or)\s", text[first:end]):
            return parts
    return [text[start:end] for start, end in spans]


def _gerund_phrase(text: str) -> bool:
    """A gerund and what it acts on ('tackling loneliness'), not a noun that ends as one does
    ('housing', 'wellbeing', 'planning' alone)."""
    return _opens_on_gerund(text) and len(text.split()) >= 2


def _last_two(last: str, earlier: list[str]) -> list[str]:
    """The last two items of 'A, B and C', from the text after the last comma. Items of a list
    are parallel, so where the earlier ones all open on a gerund ('giving ..., supporting ...
    and making ...') the joint is the 'and' before one, not an 'and' inside the item
    ('supporting people to live and age well'); otherwise its first 'and'."""
    pieces = last.split(" and ")
    if len(pieces) > 2 and all(_opens_on_gerund(item) for item in earlier):
        for joint in range(1, len(pieces)):
            if _opens_on_gerund(pieces[joint]):
                return [" and ".join(pieces[:joint]).strip(), " and ".join(pieces[joint:]).strip()]
    before, _, after = last.partition(" and ")
    return [before.strip(), after.strip()]


def _opens_on_gerund(text: str) -> bool:
    """Whether the text's first word ends as a gerund or participle does ('supporting')."""
    words = text.split()
    return bool(words) and len(words[0]) > 5 and words[0].lower().endswith("ing")


# What a pattern below needs somewhere in a sentence, looked for first: most sentences have
# none, and the patterns themselves, opening on a choice of words, are tried at every
# character (several times as long). INFINITIVE_LEAD needs 'to' between spaces.
_TO = re.compile(r"\sto\s", re.IGNORECASE)
# IS_PRIORITY and RANKED_PRIORITY need one of these nouns.
_AIM_NOUNS = ("priorit", "ambition", "aim", "goal", "objective")


def _may_name_an_aim(sentence: str) -> bool:
    """False only where IS_PRIORITY and RANKED_PRIORITY cannot match: no noun of theirs in
    the sentence. Looked for in its lower case, which finds what the patterns' IGNORECASE
    finds but for a Turkish 'İ' or 'ı' (each matches 'i' there, and lower() makes neither
    'i'): with one of those the patterns decide. One search of all five nouns as a pattern
    took as long as the two patterns."""
    if not sentence.isascii() and ("ı" in sentence or "İ" in sentence):
        return True
    lower = sentence.lower()
    return any(noun in lower for noun in _AIM_NOUNS)


def _infinitive_items(sentence: str, block: Block) -> Iterator[Statement]:
    lead = _TO.search(sentence) and INFINITIVE_LEAD.search(sentence)
    if not lead:
        return
    rest = sentence[lead.end() :]
    parts = re.split(
        r"\s*;\s*(?:and\s+)?(?:to\s+)?|,?\s+and\s+to\s+|,\s+to\s+", rest.rstrip('.”" ')
    )
    if len(parts) < 3:
        return
    for part in parts:
        statement = make_statement(part, block, "infinitive list")
        if statement:
            yield statement


# A sentence opening on a place or a participle has its subject after the verb.
_INVERTED = re.compile(
    r"^(?:at|in|on|behind|within|central\s+to|core\s+to|[a-z]+ing\s+(?:all|every|the|our))\b",
    re.IGNORECASE,
)
_AMBITION_TO = re.compile(
    r"\b(?:priority|ambition|goal|objective|aim)\s+(?:is\s+)?to\s+(?P<named>.+?)"
    r"(?:,?\s+and\s+to\s+.*)?\.?$",
    re.IGNORECASE,
)


def _is_a_priority(sentence: str, block: Block) -> Iterator[Statement]:
    if not _may_name_an_aim(sentence):
        return
    match = IS_PRIORITY.match(sentence)
    # 'The mayor said: "These are ...': what follows a colon or an opening quote is the subject.
    subject = re.split(r"[:“\"]\s*", match.group("subject"))[-1] if match else None
    if subject and PRONOUN_START.match(subject):
        subject = None
    named = _AMBITION_TO.search(sentence, match.end("subject")) if match else None
    if subject and (_INVERTED.match(subject) or named):
        # 'Central to this plan is an ambition to build ...', 'The thread through the plan
        # is our ambition to ...': the subject frames; the ambition follows the noun.
        subject = named.group("named") if named else None
    ranked = RANKED_PRIORITY.search(sentence)
    for text in (subject, ranked.group("subject") if ranked else None):
        statement = make_statement(text, block, "named as a priority") if text else None
        if statement:
            yield statement


# Between the aims a purpose sentence names: '...; to be a great place to work', ', and to ...'.
_PURPOSE_BREAK = re.compile(r"\s*;\s*(?:and\s+)?(?:to\s+)?|,?\s+and\s+to\s+")


def purposes(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """'Our mission is to A; to B.': the aims a sentence names whose subject is a priority
    noun."""
    for block in blocks:
        if block.kind in ("paragraph", "list_item"):
            for sentence in sentences(block.text):
                yield from _purpose_items(sentence, block)


def _purpose_items(sentence: str, block: Block) -> Iterator[Statement]:
    """Each aim, up to a colon that goes on to describe it ('... to be the best place to grow
    old in: a place where ...')."""
    match = PURPOSE.match(sentence)
    if not match:
        return
    rest = match.group("rest").split(": ")[0].rstrip('.”" ')
    for part in _PURPOSE_BREAK.split(rest):
        statement = make_statement(part, block, "purpose sentence")
        if statement:
            yield statement
