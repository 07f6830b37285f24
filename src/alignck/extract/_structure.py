"""Stated priorities found by a document's structure: lists under a priority heading or lead-in,
numbered items and headings, sub-headings and bold run-in headings (tables: _tables)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from itertools import takewhile

from alignck.extract._common import (
    BARE_NUMBER,
    COMMITMENT_SENTENCE,
    COUNT,
    LEAD_IN,
    OBJECTIVE_HEADING,
    POINTS_BELOW,
    PRIORITY_WORDS,
    PROMISE_LEAD,
    PRONOUN_START,
    announced_count,
    count_value,
    heads_priorities,
    item_names,
    make_statement,
    named_part,
    numbered_label,
    opens_list,
)
from alignck.extract._lists import list_runs, plain_line, why_listed
from alignck.language import is_declarative, is_statistic, role_of, sentences
from alignck.model import Block, BlockKind, Statement
from alignck.tables import table_runs

_MAX_ENTRY_WORDS = 10

_NUMBERED_HEADING = re.compile(r"^\(?\d{1,2}[.)]\s+\S")
# Numbered sections every document has, which make a run of numbered headings chapters.
_SECTION_PART = re.compile(
    r"^\(?\d{1,2}[.)]\s+(?:introduction|background|context|summary|executive\s+summary|"
    r"foreword|overview|purpose|scope|glossary|references|appendix|appendices|annex|"
    r"governance|monitoring|next\s+steps|conclusions?|our\s+vision|vision|the\s+plan|"
    r"delivering|how\s+we|where\s+we\s+are|why|what\s+we|national|local\s+context)\b",
    re.IGNORECASE,
)


def numbered(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    rows = _numbered_column_rows(blocks)
    for index, block in enumerate(blocks):
        match = numbered_label(block.text)
        if not match or (block.kind == "table_cell" and block.number not in rows):
            continue
        title = match.group(2).strip()
        if not title and block.kind == "heading":
            title = _following_title(blocks, index)
        if title:
            statement = make_statement(named_part(sentences(title)[0]), block, "numbered")
            if statement:
                yield (
                    with_body(statement, rows[block.number]) if block.number in rows else statement
                )


def _numbered_column_rows(blocks: tuple[Block, ...]) -> dict[int | None, list[Block]]:
    """The cells of table columns in which two or more cells each number a titled priority
    ('Priority Outcome One – Having a say | 4-6' down a contents table), each with its row's
    other cells: one such cell alone may be a row's remark, a column of them is a list."""
    found: dict[int | None, list[Block]] = {}
    for table in table_runs(blocks):
        by_column: dict[int, list[Block]] = {}
        for block in table:
            label = numbered_label(block.text) if block.cell else None
            if block.cell and label and label.group(2).strip():
                by_column.setdefault(block.cell[1], []).append(block)
        for cells in by_column.values():
            if len(cells) < 2:
                continue
            for cell in cells:
                row = cell.cell[0] if cell.cell else -1
                found[cell.number] = [
                    other
                    for other in table
                    if other.cell and other.cell[0] == row and other is not cell
                ]
    return found


def _following_title(blocks: tuple[Block, ...], index: int) -> str:
    """'Strategic Objective 2' as a heading is followed by the objective's title."""
    if index + 1 < len(blocks) and blocks[index + 1].kind in ("paragraph", "heading"):
        first = sentences(blocks[index + 1].text)[0]
        if len(first.split()) <= 20:
            return first
    return ""


def listed(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Top-level items of a list introduced by a priority heading or lead-in sentence, each
    followed by the items nested under it as its sub-priorities."""
    titled = {s.location.paragraph: s for s in subheadings(blocks)}
    for start, run in list_runs(blocks):
        lead = _lead_in(blocks, start)
        top = min(item.level for item in run)
        if lead is None and _counted_for(blocks, start, run, top):
            lead = "lead-in"
        named = _named_heading(blocks, start - 1) if lead == "named heading" else None
        if lead == "lead-in" and _lead_in_under_heading(blocks, start):
            # 'Priority 1: Start well', then 'Within this priority we will focus on:' and its
            # list: the lead-in speaks for the heading, whose parts the items are.
            named = _named_heading(blocks, start - 2)
        if named is None:
            # The same under a priority named by a sub-heading ('Our priorities' > 'Healthy').
            named = _under_titled(blocks, start, lead, titled)
        if named is not None:
            # 'Priority 1: Better housing' names the priority; the list straight under it
            # holds its parts: its children, not priorities of their own ('We will ...'
            # items are its actions, commitments). A list after the heading's opening
            # paragraphs is left alone: in the labelled documents such lists were as often
            # clauses of a sentence or explanations as parts.
            why = why_listed(blocks, start)
            for item in run:
                if item.level != top:
                    continue
                found = _list_item(item, "named heading", why)
                if found is not None and found.kind == "commitment":
                    yield found
                else:
                    yield from sub_priority(item, named)
            continue
        if lead is None:
            continue
        why = _why(blocks, start, lead)
        tops = [item for item in run if item.level == top]
        names = dict(zip(map(id, tops), item_names(tops), strict=True))
        # The items one level in are the parts; those further in, the parts' own actions.
        part = min((item.level for item in run if item.level > top), default=top)
        if lead in ("heading", "lead-in") and _groups_by_sentence(run, top, part):
            # '1. We are building strong foundations' over '- Sustaining quality education':
            # items that say something of the names under them group the priorities.
            for item in run:
                if item.level == part:
                    found = _list_item(item, lead, why)
                    if found is not None:
                        yield found
            continue
        parent: Statement | None = None
        for item in run:
            if item.level != top:
                if parent is not None and lead in ("heading", "lead-in") and item.level == part:
                    yield from sub_priority(item, parent)
                continue
            parent = _list_item(item, lead, why, names[id(item)])
            if parent:
                yield parent


def _groups_by_sentence(run: list[Block], top: int, part: int) -> bool:
    """Whether a list's top-level items are sentences each grouping short names one level
    in: every top item says something of the priorities ('These are the areas where we must
    improve') and holds items, none of which says anything."""
    if part == top:
        return False
    tops = [item for item in run if item.level == top]
    held = [item for item in run if item.level == part]
    if len(tops) < 2 or len(held) < 2 * len(tops):
        return False
    starts = [index for index, item in enumerate(run) if item.level == top]
    each_holds = all(
        any(item.level == part for item in run[first + 1 : last])
        for first, last in zip(starts, [*starts[1:], len(run)], strict=True)
    )
    return (
        each_holds
        and all(item.lead is None and _speaks_of_priorities(item.text) for item in tops)
        and not any(_says_something(item.lead or item.text) for item in held)
    )


def _says_something(text: str) -> bool:
    first = sentences(text.strip())[0] if text.strip() else ""
    return bool(PRONOUN_START.match(first)) and is_declarative(first)


def _speaks_of_priorities(text: str) -> bool:
    """A sentence about the priorities under it ('These are the focus areas where we must
    do better'), not one stating an outcome ('Our children are safe and healthy') or a
    promise ('We will be a carbon neutral council')."""
    first = sentences(text.strip())[0] if text.strip() else ""
    return (
        _says_something(first)
        and PRIORITY_WORDS.search(first) is not None
        and COMMITMENT_SENTENCE.search(first) is None
    )


def _under_titled(
    blocks: tuple[Block, ...], start: int, lead: str | None, titled: dict[int | None, Statement]
) -> Statement | None:
    """The priority a sub-heading names whose section the list at ``start`` opens: straight
    under it, or after a lead-in straight under it."""
    at = start - 1 if lead is None else start - 2 if lead == "lead-in" else -1
    if at < 0 or (lead == "lead-in" and not _lead_in_under_heading(blocks, start)):
        return None
    return titled.get(blocks[at].number) if blocks[at].kind == "heading" else None


def _why(blocks: tuple[Block, ...], start: int, lead: str) -> str:
    """Why a list was read: its lead-in, or the priority heading over a paragraph of
    introduction that says nothing of the list ('These were agreed in March.'); for a list
    straight after another, what introduces that one."""
    earlier = _list_before(blocks, start)
    if earlier is not None and lead == "heading" and _lead_in(blocks, earlier) == lead:
        return _why(blocks, earlier, lead)
    previous = blocks[start - 1] if start else None
    if (
        lead == "heading"
        and previous is not None
        and previous.kind == "paragraph"
        and not previous.text.rstrip().endswith(":")
        and not plain_line(previous)
        and start >= 2
        and introduces(blocks[start - 2])
    ):
        return why_listed(blocks, start - 1)
    return why_listed(blocks, start)


def _lead_in_under_heading(blocks: tuple[Block, ...], start: int) -> bool:
    """Whether the list at ``start`` follows a one-sentence lead-in ('... we will focus on:')
    straight under a heading."""
    if start < 2:
        return False
    lead, heading = blocks[start - 1], blocks[start - 2]
    return (
        lead.kind == "paragraph"
        and lead.text.rstrip().endswith(":")
        and len(sentences(lead.text)) == 1
        and heading.kind == "heading"
    )


def _named_heading(blocks: tuple[Block, ...], index: int) -> Statement | None:
    """The priority a numbered heading names, as :func:`numbered` finds it."""
    match = numbered_label(blocks[index].text)
    title = match.group(2).strip() if match else ""
    if match and not title:
        title = _following_title(blocks, index)
    if not title:
        return None
    statement = make_statement(named_part(sentences(title)[0]), blocks[index], "numbered")
    # A heading worded as a promise ('Priority 1: We will ...') is a commitment, as
    # :func:`numbered` takes it: no priority to hold children, so its list is read as before.
    return statement if statement is not None and statement.kind == "priority" else None


def _list_item(item: Block, lead: str, why: str, name: str | None = None) -> Statement | None:
    # "- **Start well**: every child ready for school": the bold words name the item.
    name = name or item.lead or named_part(item.text)
    # Under 'we will:' an item finishes the promise ('raise immunisation rates above 95%'):
    # an action with its target, never a figure about the area.
    if item.text.rstrip().endswith(":") or (lead != "promise" and is_statistic(name)):
        return None
    statement = make_statement(name, item, why)
    if statement and lead == "promise":
        return Statement(statement.text, "commitment", statement.location, why)
    if statement and lead in ("heading", "lead-in"):
        # Under 'Our priorities', '- We will give every child the best start' is a
        # stated priority worded as a promise, not an action among others.
        return Statement(statement.text, "priority", statement.location, why)
    return statement


def sub_priority(item: Block, parent: Statement) -> Iterator[Statement]:
    if item.text.rstrip().endswith(":"):
        return  # 'Support for small businesses:' leads in what follows; it names nothing
    name = item.lead or named_part(item.text)
    statement = make_statement(name, item, f"nested under '{parent.text}'")
    if statement and parent.kind == "priority" and not is_statistic(name):
        yield Statement(
            statement.text, "sub_priority", statement.location, statement.rule, parent.text
        )


def _list_before(blocks: tuple[Block, ...], start: int) -> int | None:
    """Where the bulleted list straight before the numbered one at ``start`` starts, when one
    is (its last item leading in to nothing), and something comes before it. Not bullets
    after numbers: a flattened Word or PDF list sets its items' parts so."""
    if start < 1 or blocks[start - 1].kind != "list_item":
        return None
    if blocks[start - 1].text.rstrip().endswith(":"):
        return None
    if blocks[start - 1].marker != "•" or blocks[start].marker in (None, "•"):
        return None
    # The bullets alone: numbered items before them are a list of their own.
    before = start - 1
    while (
        before > 0 and blocks[before - 1].kind == "list_item" and blocks[before - 1].marker == "•"
    ):
        before -= 1
    return before if before > 0 else None


def _lead_in(blocks: tuple[Block, ...], start: int) -> str | None:
    """What introduces the list starting at ``start``: 'lead-in', 'heading', 'named heading'
    (one numbered priority), 'promise' or nothing."""
    previous = blocks[start - 1] if start else None
    if previous is None:
        return None
    if plain_line(previous) and heads_priorities(previous.text):
        # 'Our objectives' on a line of its own: a heading without the markup.
        return "heading"
    earlier = _list_before(blocks, start)
    if earlier is not None and _lead_in(blocks, earlier) == "heading":
        # Straight after bullets under 'Our priorities', numbers are introduced by it too.
        # Under a priorities heading only: under a lead-in a priority's heading may own the
        # bullets as its parts, which the numbers would not share.
        return "heading"
    if previous.kind in ("paragraph", "list_item"):
        said = sentences(previous.text)
        last = said[-1]
        if _leads_in(last) or (opens_list(last) and len(said) > 1 and _announces(said[-2])):
            # 'Our three priorities remain. They are:' is one lead-in in two sentences.
            return "lead-in"
        if (
            start >= 2
            and introduces(blocks[start - 2])
            and (last.endswith(":") or _introduces_list(previous.text, said))
        ):
            # '## Our priorities' / 'They are:' / the list: the section opens with it; or
            # with a sentence or two of introduction ('These were agreed in March.').
            return "heading"
        if PROMISE_LEAD.search(last):
            return "promise"
        return None
    if previous.kind == "heading" and numbered_label(previous.text):
        # 'Priority 1: Healthy lives' names one priority; its list holds its actions.
        return "named heading"
    if introduces(previous) or (
        previous.kind == "heading"
        and LEAD_IN.search(previous.text)
        and heads_priorities(previous.text)
    ):
        return "heading"
    if previous.kind == "heading" and COMMITMENT_SENTENCE.search(previous.text):
        # 'What we will deliver' heads a list of actions: commitments.
        return "promise"
    return None


# A paragraph this short between a priority heading and a list introduces the list ...
_INTRODUCTION_SENTENCES = 2
# ... where it points to it ('These were agreed in March.', '... the following areas.') or
# speaks of priorities itself ('Our aim over the next five years is to ...').
_POINTS_TO_LIST = re.compile(
    r"\b(?:these|they|them|those|following|below|as\s+follows|listed)\b", re.IGNORECASE
)


def _introduces_list(text: str, said: tuple[str, ...] | list[str]) -> bool:
    """Whether a paragraph between a priority heading and a list introduces that list: a
    sentence or two that point to it or speak of priorities, not one about something else
    ('This year the board reviewed progress against last year's plan.')."""
    return len(said) <= _INTRODUCTION_SENTENCES and bool(
        _POINTS_TO_LIST.search(text) or LEAD_IN.search(text)
    )


def _leads_in(sentence: str) -> bool:
    """'Our priorities are:' or 'Our priorities are set out below.'"""
    return bool(LEAD_IN.search(sentence)) and (
        opens_list(sentence) or bool(POINTS_BELOW.search(sentence))
    )


# "Our four pledges are:": a count, its noun and a colon that opens the list.
_COUNTED_LEAD = re.compile(
    rf"^(?:our|the)\s+(?P<count>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?\w+\s+are:$", re.IGNORECASE
)


def _counted_for(blocks: tuple[Block, ...], start: int, run: list[Block], top: int) -> bool:
    """A lead-in that counts its items ('Our four pledges are:' over four items) names
    what they are, whatever its noun: the count is the announcement."""
    previous = blocks[start - 1] if start else None
    if previous is None or previous.kind != "paragraph":
        return False
    last = sentences(previous.text)[-1].strip()
    items = sum(item.level == top for item in run)
    match = _COUNTED_LEAD.match(last)
    if match:
        return count_value(match.group("count")) == items
    # 'The partnership has agreed three priorities for the next three years.' over three
    # items: a count of priorities, without the colon, that the list bears out; not 'Last year
    # we met all three of our objectives.' over what was done.
    return _announces(last) and announced_count(last) == items and role_of(last) != "achievement"


def _announces(sentence: str) -> bool:
    """'The three main priorities remain unchanged.': names priorities, promises nothing."""
    return bool(LEAD_IN.search(sentence)) and not COMMITMENT_SENTENCE.search(sentence)


def introduces(block: Block) -> bool:
    """A heading that introduces priorities ('Our priorities'), not one that names a
    single priority ('Priority 1: Healthy lives')."""
    return (
        block.kind == "heading" and heads_priorities(block.text) and not numbered_label(block.text)
    )


def subheadings(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Title-like sub-headings directly below a priority heading ('Our priorities' > '...')."""
    for index, block in enumerate(blocks):
        if (
            block.kind != "heading"
            or not heads_priorities(block.text)
            or numbered_label(block.text)
        ):
            continue
        children = _child_headings(blocks, index)
        if len(children) < 2 or any(numbered_label(child.text) for child in children):
            continue
        for child in children:
            if title_like(child.text):
                statement = make_statement(child.text, child, "sub-heading")
                if statement:
                    yield statement


def headings_after_lead_in(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """'The plan has four key themes:' followed by a heading per theme."""
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if (
            block.kind != "paragraph"
            or following.kind != "heading"
            or not _leads_in(sentences(block.text)[-1])
        ):
            continue
        siblings = _sibling_headings(blocks, index + 1)
        if len(siblings) < 2:
            continue
        # 'three themes:' then three theme headings and 'How we will deliver' at their level.
        count = announced_count(block.text)
        if count and count < len(siblings):
            siblings = siblings[:count]
        for heading in siblings:
            if title_like(heading.text):
                statement = make_statement(heading.text, heading, "headings after lead-in")
                if statement:
                    yield statement


# 'Our people', 'Our patients', 'Our places': a trust's objectives are often named so. Not the
# parts every strategy has ('Our vision', 'Our approach').
_OUR_NAME = re.compile(
    r"^our\s+(?!(?:vision|values|approach|purpose|mission|context|story|progress|"
    r"achievements|role|plan|strategy|journey|principles|priorities|commitments?|ambitions?|"
    r"objectives|aims|goals|outcomes|focus|area|organisation|organization|trust|council|"
    r"board|partnership|system)\b)[a-z]+(?:\s+[a-z]+)?$",
    re.IGNORECASE,
)


def _sibling_headings(blocks: tuple[Block, ...], first: int) -> list[Block]:
    level = blocks[first].level
    found: list[Block] = []
    for block in blocks[first:]:
        if block.kind == "heading" and block.level < level:
            break
        if block.kind == "heading" and block.level == level:
            found.append(block)
    return found


def _child_headings(blocks: tuple[Block, ...], index: int) -> list[Block]:
    """The headings one level below a heading in its section: the shallowest level under it,
    which may skip one ('Our priorities' at level 1 over its priorities at level 3, as a
    Word file's bold lines or a PDF's type sizes give them)."""
    parent = blocks[index]
    under: list[Block] = []
    for block in blocks[index + 1 :]:
        if block.kind != "heading":
            if block.kind == "list_item" and not under:
                return []
            continue
        if block.level <= parent.level:
            break
        under.append(block)
    level = min((block.level for block in under), default=0)
    if level > parent.level + 1 and not opens_section(blocks, index, under[0]):
        return []  # case studies deep under a section of run-in priorities are no priorities
    return [block for block in under if block.level == level]


def in_section(
    parent: Block, blocks: tuple[Block, ...], named: Collection[int], kind: BlockKind
) -> list[Block]:
    """The blocks of ``kind`` in the section a heading opens, but those ``named`` (statements
    of their own); none for a parent that is no heading."""
    if parent.kind != "heading":
        return []
    return [
        b
        for b in blocks
        if b.kind == kind and b.number not in named and b.section and b.section[-1] == parent.text
    ]


def child_headings(parent: Block, blocks: tuple[Block, ...], named: Collection[int]) -> list[Block]:
    """The headings straight under a priority's heading, but those ``named`` (statements of
    their own): its parts, unless a level is skipped deep inside its section (case studies)."""
    under = [b for b in in_section(parent, blocks, named, "heading") if b.level > parent.level]
    level = min((b.level for b in under), default=0)
    if (
        under
        and level > parent.level + 1
        and not opens_section(blocks, blocks.index(parent), under[0])
    ):
        return []
    return [b for b in under if b.level == level]


def heading_key(text: str) -> str:
    """A sub-heading's words as compared across sections ('What we know' under each)."""
    return " ".join(text.casefold().split())


def template_keys(children: Iterable[Iterable[str]]) -> set[str]:
    """The sub-headings (as :func:`heading_key` writes them) that recur under two or more
    priorities: their sections' template ('What we know', 'What we will do'), not parts."""
    seen = Counter(key for titles in children for key in {heading_key(t) for t in titles})
    return {key for key, count in seen.items() if count >= _TEMPLATE_REPEATS}


# Two priorities with the same sub-heading make it a template of the sections.
_TEMPLATE_REPEATS = 2


def opens_section(blocks: tuple[Block, ...], index: int, first: Block) -> bool:
    """Whether a heading comes first in a section, after a paragraph of introduction at
    most: where a level is skipped, the headings that open the section are its parts."""
    following = blocks[index + 1 : index + 3]
    return first in following and all(
        b is first or b.kind == "paragraph" for b in following[: following.index(first) + 1]
    )


# A sub-heading naming a priority can run long ('Supporting people to recover and stay well
# across every neighbourhood of Westgate and its villages', 15 words); 20 measured as 14 did.
_TITLE_WORDS = 20


def title_like(text: str) -> bool:
    return (
        len(text.split()) <= _TITLE_WORDS
        and not text.endswith((".", ":", "?"))
        and (not PRONOUN_START.match(text) or _OUR_NAME.match(text) is not None)
        and not PRIORITY_WORDS.fullmatch(text)
    )


def run_in_headings(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Paragraphs opening with bold words under a priority heading ("**Warm homes.** We will
    ..."): two or more of them in one section name its priorities."""
    sections: dict[tuple[str, ...], list[Block]] = {}
    for block in blocks:
        if block.kind == "paragraph" and block.lead and block.section:
            sections.setdefault(block.section, []).append(block)
    for section, led in sections.items():
        if len(led) < 2 or not heads_priorities(section[-1]):
            continue
        for block in led:
            statement = make_statement(_unlabelled(block.lead or ""), block, "run-in heading")
            if statement:
                yield statement


def entries_under_heading(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Paragraphs that name one priority each, straight under a priority heading, with no
    list markers: 'Start well: every child ...' / 'Live well: ...', or names alone."""
    for index, block in enumerate(blocks):
        if not introduces(block):
            continue
        run = _paragraphs_after(blocks, index)
        named = [(paragraph, _entry_name(paragraph)) for paragraph in run]
        if named and named[0][1] is None:
            named = named[1:]  # one sentence of introduction may come first
        names = list(takewhile(lambda pair: pair[1] is not None, named))
        if len(names) < 2:
            names = _titles_over_paragraphs(named)
        if len(names) < 2:
            continue
        for paragraph, name in names:
            statement = make_statement(name or "", paragraph, "entry under a priority heading")
            if statement:
                yield statement


def _titles_over_paragraphs(
    named: list[tuple[Block, str | None]],
) -> list[tuple[Block, str | None]]:
    """'Healthy lives' / 'We want everyone to ...' / 'A growing economy' / 'We will ...': a
    web page's sub-headings that came through as plain paragraphs, each over its text."""
    titles: list[tuple[Block, str | None]] = []
    for index in range(0, len(named) - 1, 2):
        (title, name), (_, body) = named[index], named[index + 1]
        if name is None or body is not None:
            break
        titles.append((title, name))
    return titles


def _paragraphs_after(blocks: tuple[Block, ...], index: int) -> list[Block]:
    return list(takewhile(lambda b: b.kind == "paragraph", blocks[index + 1 :]))


def _entry_name(paragraph: Block) -> str | None:
    if paragraph.lead:
        return _unlabelled(paragraph.lead)
    text = BARE_NUMBER.sub("", paragraph.text.strip())
    name = named_part(text)
    if name != text:
        return _unlabelled(sentences(name)[0])
    return text if names_entry(text) else None


def _unlabelled(lead: str) -> str:
    """'Theme A: Connected communities' names 'Connected communities'."""
    label = numbered_label(lead)
    return label.group(2).strip() if label and label.group(2).strip() else lead


def objective_headings(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Numbered headings that set an objective: '4. Provide a reliable transport system'
    (not '1. Introduction' or '3. Delivering the plan'), and the numbered headings beside
    one ('1. Prevent cardiovascular disease', '2. Faster urgent care', '3. Financial
    balance': one list of objectives, not all worded as verbs) unless one of them names a
    part every document has ('2. Background')."""
    for group in _numbered_sibling_headings(blocks):
        objectives = [b for b in group if OBJECTIVE_HEADING.match(b.text)]
        if objectives and not any(_SECTION_PART.match(b.text) for b in group):
            objectives = group
        for block in objectives:
            statement = make_statement(block.text, block, "numbered objective heading")
            if statement:
                yield statement


def _numbered_sibling_headings(blocks: tuple[Block, ...]) -> Iterator[list[Block]]:
    """Numbered headings ('1. ...', '2) ...') of one level under one parent heading."""
    groups: dict[tuple[tuple[str, ...], int], list[Block]] = {}
    for block in blocks:
        if block.kind == "heading" and _NUMBERED_HEADING.match(block.text):
            groups.setdefault((block.section, block.level), []).append(block)
    yield from groups.values()


def with_body(statement: Statement, cells: list[Block]) -> Statement:
    """The statement with the cells that hold the rest of its own text (a row's other cells,
    a column's cells below its header)."""
    body = tuple(cell.number for cell in cells if cell.text.strip())
    return dataclasses.replace(statement, body=body) if body else statement


def names_entry(text: str) -> bool:
    return len(text.split()) <= _MAX_ENTRY_WORDS and title_like(text) and text[:1].isupper()
