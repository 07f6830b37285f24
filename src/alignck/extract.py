"""Find the priorities a document states, and the explicit commitments it makes.

Stated priorities come from structure and wording, never from the framework: list items under a
priority heading or lead-in ("Our priorities are:"), numbered forms ("Priority 1:", "Ambition 3 –",
"Strategic Objective 2" followed by its title), sub-headings or bold run-in headings ("**Warm
homes.** We will ...") under a priority heading, inline lists ("four themes: Place, Growth and
Wellbeing"; "our three priorities are A, B and C"), infinitive lists ("the plan looks to improve
...; to reduce ...; and to protect ...") and "X is a priority". Commitments are "we will" / "we
are committed to" sentences. Ordinary bullet points elsewhere are not priorities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from alignck.language import is_statistic, sentences, terms
from alignck.model import Block, Document, Location, Statement, StatementKind

_PRIORITY_NOUN = (
    r"priorit(?:y|ies)|objectives?|ambitions?|aims?|goals?|outcomes?|"
    r"commitments?|pledges?|promises?|themes?|pillars?|missions?|focus\s+areas?|"
    r"areas\s+of\s+focus|areas\s+for\s+action|key\s+areas|strategic\s+areas|workstreams?"
)
# Headings that introduce priorities without naming them so.
_PRIORITY_HEADING = (
    r"what\s+we\s+(?:(?:want|aim|plan|intend|hope)\s+to|will)\s+achieve|"
    r"where\s+we\s+will\s+focus|our\s+focus"
)
_PRIORITY_WORDS = re.compile(rf"\b(?:{_PRIORITY_NOUN}|{_PRIORITY_HEADING})\b", re.IGNORECASE)
_LEAD_IN = re.compile(
    rf"(\b(?:{_PRIORITY_NOUN})\b|\bfocus(?:es|ing)?\s+on\b|"
    r"\bprioriti[sz]e\b|\bwe'll\s+focus\b)",
    re.IGNORECASE,
)
# "Over the next year we will:" introduces actions: commitments, not stated priorities.
_PROMISE_LEAD = re.compile(
    r"\b(?:we\s*(?:will|'ll|shall)|we\s+commit\s+to)\b[^.]*:\s*$", re.IGNORECASE
)
_NUMBERED = re.compile(
    rf"^\s*(?:(?:our|strategic|key|corporate|system)\s+)?(?:{_PRIORITY_NOUN})\s*"
    r"(?:no\.?\s*)?(\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"\s*[:.)\-–—]?\s*(.*)$",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^(we|our|i|you|they|it|this|these|there|here)\b", re.IGNORECASE)
_COMMITMENT_SENTENCE = re.compile(
    r"\b(we\s*(?:will|'ll|shall)|we\s+(?:are|remain)\s+committed\s+to|we\s+commit\s+to|"
    r"we\s+pledge\s+to|we\s+are\s+determined\s+to)\b",
    re.IGNORECASE,
)
_FUTURE_CLAUSE = re.compile(r"\b\w+\s+will\s+\w+", re.IGNORECASE)
_INFINITIVE_LEAD = re.compile(
    r"\b(?:plan|strategy|priorities|aims?|objectives?|ambitions?|we)\s+"
    r"(?:looks?|aims?|seeks?|sets?\s+out|intends?|wants?|will\s+work|is|are)\s+to\s+",
    re.IGNORECASE,
)
_IS_PRIORITY = re.compile(
    r"^(?P<subject>.{8,160}?)\s+(?:is|are|remains?)\s+(?:a|an|our|one\s+of\s+our|the)\s+"
    r"(?:\w+\s+){0,2}(?:priority|priorities|ambition|goal|objective)\b",
    re.IGNORECASE,
)
# "Our first priority is reducing child poverty", "Our top ambition is to ..."
_RANKED_PRIORITY = re.compile(
    r"^(?:our|the)\s+(?:first|second|third|fourth|fifth|sixth|main|top|overriding|biggest|"
    r"number\s+one|single\s+most\s+important)\s+(?:priority|ambition|aim|goal|objective)\s+"
    r"(?:is|will\s+be)\s+(?:to\s+)?(?P<subject>.{4,160}?)\.?$",
    re.IGNORECASE,
)
_OBJECTIVE_HEADING = re.compile(
    r"^\(?\d{1,2}[.)]?\s+(?:provide|improve|reduce|increase|create|support|deliver|tackle|"
    r"ensure|protect|promote|prevent|build|develop|enable|help|give|keep|make|grow|strengthen|"
    r"enhance|invest|raise|close|narrow|end|achieve|maintain|transform|empower|champion|"
    r"encourage|attract|secure|boost|halve|eliminate)\b[^.]{3,160}$",
    re.IGNORECASE,
)
# A table column of priorities is headed by the noun alone: 'Priority', 'Our ambitions'.
_COLUMN_HEADER = re.compile(
    r"^\W*(?:our\s+)?(?:strategic\s+|key\s+)?(?:priorit(?:y|ies)|ambitions?|objectives?|aims?|"
    r"goals?|outcomes?|themes?|pillars?|commitments?)\W*$",
    re.IGNORECASE,
)
_INLINE_LIST = re.compile(
    rf"\b(?:{_PRIORITY_NOUN})\b[^:.]{{0,60}}:\s*(?P<items>[^:]+)$", re.IGNORECASE
)
# "Our three priorities are a thriving economy, safe streets and healthy residents."
_COPULA_LIST = re.compile(
    r"^(?:our|the)\s+(?P<lead>(?:[\w-]+\s+){0,2})"
    r"(?:priorities|objectives|ambitions|aims|goals|outcomes|themes|pillars|missions)"
    r"\s+(?:are|will\s+be)\s+(?!to\b)(?P<items>[^:]+)$",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 30
_LEADING_NUMBER = re.compile(r"^\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-hA-H]|[ivxIVX]{1,4})[.)]\s+(?=\S)")


def extract(document: Document) -> list[Statement]:
    """Stated priorities and commitments, in document order, without duplicates."""
    found = [*_structured(document.blocks), *_commitments(document.blocks)]
    found.sort(key=lambda s: s.location.paragraph or 0)
    return _deduplicate(found)


def _structured(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    yield from _numbered(blocks)
    yield from _listed(blocks)
    yield from _subheadings(blocks)
    yield from _run_in_headings(blocks)
    yield from _objective_headings(blocks)
    yield from _table_columns(blocks)
    yield from _inline(blocks)


def _location(block: Block) -> Location:
    return Location(block.page, block.number, block.section_path)


def _statement(text: str, block: Block, rule: str) -> Statement | None:
    text = _tidy(text)
    if not text or len(text.split()) > _MAX_TITLE_WORDS or not terms(text, topical=False):
        return None
    kind: StatementKind = "commitment" if _reads_as_commitment(text) else "priority"
    return Statement(text, kind, _location(block), rule)


def _tidy(text: str) -> str:
    text = _LEADING_NUMBER.sub("", text.strip().strip("\"“”'‘’").strip()).rstrip(".")
    text = re.sub(r"[,;]?\s+(?:and|or)$", "", text)
    return text.rstrip(" ,;").strip()


def _reads_as_commitment(text: str) -> bool:
    return bool(_COMMITMENT_SENTENCE.search(text) or _FUTURE_CLAUSE.search(text))


def _numbered(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    for index, block in enumerate(blocks):
        match = _NUMBERED.match(block.text)
        if not match or block.kind == "table_cell":
            continue
        title = match.group(2).strip()
        if not title and block.kind == "heading":
            title = _following_title(blocks, index)
        if title:
            statement = _statement(sentences(title)[0], block, "numbered")
            if statement:
                yield statement


def _following_title(blocks: tuple[Block, ...], index: int) -> str:
    """'Strategic Objective 2' as a heading is followed by the objective's title."""
    if index + 1 < len(blocks) and blocks[index + 1].kind in ("paragraph", "heading"):
        first = sentences(blocks[index + 1].text)[0]
        if len(first.split()) <= 20:
            return first
    return ""


def _listed(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Top-level items of a list introduced by a priority heading or lead-in sentence."""
    for start, run in _list_runs(blocks):
        lead = _lead_in(blocks, start)
        if lead is None:
            continue
        top = min(item.level for item in run)
        for item in run:
            if item.level != top or item.text.rstrip().endswith(":") or is_statistic(item.text):
                continue
            # "- **Start well**: every child ready for school": the bold words name the item.
            statement = _statement(item.lead or item.text, item, f"list under {lead}")
            if statement and lead == "promise":
                statement = Statement(
                    statement.text, "commitment", statement.location, "list under 'we will'"
                )
            if statement:
                yield statement


def _list_runs(blocks: tuple[Block, ...]) -> Iterator[tuple[int, list[Block]]]:
    """Consecutive list items that form one list; ``start`` is the index of the first."""
    run: list[Block] = []
    start = 0
    for index, block in enumerate(blocks):
        if block.kind == "list_item" and not (run and _starts_new_list(run, block)):
            if not run:
                start = index
            run.append(block)
            continue
        if run:
            yield start, run
        run = [block] if block.kind == "list_item" else []
        start = index
    if run:
        yield start, run


def _starts_new_list(run: list[Block], block: Block) -> bool:
    """Numbering restarts, an item ending with ':' introduces what follows, or the marker
    changes between numbers and bullets at the same level (flattened Word and PDF lists)."""
    previous = run[-1]
    if previous.text.rstrip().endswith(":"):
        return True
    if block.level != run[0].level:
        return False
    if block.marker in ("1.", "1)", "a.", "a)"):
        return True
    return (block.marker == "•") != (previous.marker == "•")


def _lead_in(blocks: tuple[Block, ...], start: int) -> str | None:
    """What introduces the list starting at ``start``: 'lead-in', 'heading' or nothing."""
    previous = blocks[start - 1] if start else None
    if previous is None:
        return None
    if previous.kind in ("paragraph", "list_item"):
        last = sentences(previous.text)[-1]
        if last.endswith(":") and _LEAD_IN.search(last):
            return "lead-in"
        if _PROMISE_LEAD.search(last):
            return "promise"
        return None
    if previous.kind == "heading" and _PRIORITY_WORDS.search(previous.text):
        return "heading"
    return None


def _run_in_headings(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Paragraphs opening with bold words under a priority heading ("**Warm homes.** We will
    ..."): two or more of them in one section name its priorities."""
    sections: dict[tuple[str, ...], list[Block]] = {}
    for block in blocks:
        if block.kind == "paragraph" and block.lead and block.section:
            sections.setdefault(block.section, []).append(block)
    for section, led in sections.items():
        if len(led) < 2 or not _PRIORITY_WORDS.search(section[-1]):
            continue
        for block in led:
            statement = _statement(block.lead or "", block, "run-in heading")
            if statement:
                yield statement


def _table_columns(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Cells under a 'Priority' (or 'Ambition', 'Objective', ...) column header, and the cell
    beside a row label such as 'Priority 1'."""
    for table in _tables(blocks):
        by_place = {block.cell: block for block in table if block.cell}
        columns = {c for (r, c), b in by_place.items() if r == 0 and _COLUMN_HEADER.match(b.text)}
        for (row, column), block in sorted(by_place.items()):
            label = _NUMBERED.match(block.text)
            beside = by_place.get((row, column + 1))
            if row > 0 and column in columns:
                statement = _statement(block.text, block, "priority column")
            elif label and not label.group(2).strip() and beside:
                statement = _statement(beside.text, beside, "numbered row")
            else:
                continue
            if statement:
                yield statement


def _tables(blocks: tuple[Block, ...]) -> Iterator[list[Block]]:
    """Runs of table cells, one per table (a new table starts again at row 0, column 0)."""
    table: list[Block] = []
    for block in blocks:
        starts_table = block.cell == (0, 0)
        if table and (block.kind != "table_cell" or starts_table):
            yield table
            table = []
        if block.kind == "table_cell":
            table.append(block)
    if table:
        yield table


def _objective_headings(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Numbered headings that set an objective: '4. Provide a reliable transport system'
    (not '1. Introduction' or '3. Delivering the plan')."""
    for block in blocks:
        if block.kind == "heading" and _OBJECTIVE_HEADING.match(block.text):
            statement = _statement(block.text, block, "numbered objective heading")
            if statement:
                yield statement


def _subheadings(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    """Title-like sub-headings directly below a priority heading ('Our priorities' > '...')."""
    for index, block in enumerate(blocks):
        if (
            block.kind != "heading"
            or not _PRIORITY_WORDS.search(block.text)
            or _NUMBERED.match(block.text)
        ):
            continue
        children = _child_headings(blocks, index)
        if len(children) < 2 or any(_NUMBERED.match(child.text) for child in children):
            continue
        for child in children:
            if _title_like(child.text):
                statement = _statement(child.text, child, "sub-heading")
                if statement:
                    yield statement


def _child_headings(blocks: tuple[Block, ...], index: int) -> list[Block]:
    parent = blocks[index]
    children: list[Block] = []
    for block in blocks[index + 1 :]:
        if block.kind != "heading":
            if block.kind == "list_item" and not children:
                return []
            continue
        if block.level <= parent.level:
            break
        if block.level == parent.level + 1:
            children.append(block)
    return children


def _title_like(text: str) -> bool:
    return (
        len(text.split()) <= 14
        and not text.endswith((".", ":", "?"))
        and not _PRONOUN_START.match(text)
        and not _PRIORITY_WORDS.fullmatch(text)
    )


def _inline(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "list_item"):
            continue
        for sentence in sentences(block.text):
            yield from _inline_items(sentence, block)
            yield from _infinitive_items(sentence, block)
            yield from _is_a_priority(sentence, block)
        if index and _comma_list_after_lead_in(blocks, index):
            for item in _split_items(block.text):
                statement = _statement(item, block, "list after lead-in")
                if statement:
                    yield statement


def _comma_list_after_lead_in(blocks: tuple[Block, ...], index: int) -> bool:
    block, previous = blocks[index], blocks[index - 1]
    return (
        block.kind == "paragraph"
        and previous.kind == "paragraph"
        and previous.text.endswith(":")
        and bool(_LEAD_IN.search(previous.text))
        and len(block.text.split()) <= 20
        and not block.text.endswith(".")
    )


def _inline_items(sentence: str, block: Block) -> Iterator[Statement]:
    match = _INLINE_LIST.search(sentence) or _COPULA_LIST.search(sentence)
    if not match:
        return
    items = _split_items(re.split(r",?\s+(?:which|that|who)\s+|;|\.\s", match.group("items"))[0])
    if len(items) < 2 or any(len(item.split()) > 8 for item in items):
        return
    if match.re is _COPULA_LIST and not _counted_or_phrases(match.group("lead"), items):
        return  # "our priorities are clear, ambitious and achievable" describes, not lists
    for item in items:
        statement = _statement(item, block, "inline list")
        if statement:
            yield statement


def _counted_or_phrases(lead: str, items: list[str]) -> bool:
    counted = re.search(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b", lead, re.I)
    return bool(counted) or all(len(item.split()) >= 2 for item in items)


def _split_items(text: str) -> list[str]:
    parts = [
        part.strip()
        for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+(?=[A-Z])|\s*;\s*", text.rstrip(". "))
        if part.strip()
    ]
    # "A, B and C": the last item is joined by its first 'and' ("health and wellbeing" inside
    # an earlier item stays whole).
    if len(parts) >= 2 and " and " in parts[-1]:
        parts[-1:] = [p.strip() for p in parts[-1].split(" and ", 1)]
    return parts


def _infinitive_items(sentence: str, block: Block) -> Iterator[Statement]:
    lead = _INFINITIVE_LEAD.search(sentence)
    if not lead:
        return
    rest = sentence[lead.end() :]
    parts = re.split(r"\s*;\s*(?:and\s+)?(?:to\s+)?|,\s+(?:and\s+)?to\s+", rest.rstrip('.”" '))
    if len(parts) < 3:
        return
    for part in parts:
        statement = _statement(part, block, "infinitive list")
        if statement:
            yield statement


def _is_a_priority(sentence: str, block: Block) -> Iterator[Statement]:
    match = _IS_PRIORITY.match(sentence)
    subject = match.group("subject") if match else None
    if subject and _PRONOUN_START.match(subject):
        subject = None
    ranked = _RANKED_PRIORITY.match(sentence)
    for text in (subject, ranked.group("subject") if ranked else None):
        statement = _statement(text, block, "named as a priority") if text else None
        if statement:
            yield statement


def _commitments(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    for block in blocks:
        if block.kind == "heading":
            continue
        for sentence in sentences(block.text):
            # A lead-in ("we will:") introduces commitments; it is not one itself.
            if (
                _COMMITMENT_SENTENCE.search(sentence)
                and len(sentence.split()) >= 4
                and not sentence.rstrip().endswith(":")
            ):
                yield Statement(sentence, "commitment", _location(block), "we will")


def _deduplicate(statements: list[Statement]) -> list[Statement]:
    seen: dict[tuple[str, ...], Statement] = {}
    ordered: list[Statement] = []
    for statement in statements:
        key = tuple(sorted(set(terms(statement.text, topical=False))))
        earlier = seen.get(key)
        if earlier is not None and (earlier.kind == "priority" or statement.kind == "commitment"):
            continue
        if earlier is not None:
            ordered.remove(earlier)
        seen[key] = statement
        ordered.append(statement)
    return ordered


def stated_priorities(statements: list[Statement]) -> list[Statement]:
    """The document's stated priorities; commitments stand in when it lists none."""
    listed = [s for s in statements if s.kind == "priority"]
    return listed or [s for s in statements if s.kind == "commitment"]
