"""Cut a document into the sentences that matching scores, each with its role.

What sits under references, a glossary, acknowledgements or notes is not read: it cites,
defines or thanks.

A passage is one sentence (or one heading, list item or stated priority) with its location and
role: a stated priority, a commitment, context, a past achievement, or a negated statement. List
items inherit the role of the sentence that introduces them ("Over the next year we will:" or
"We are proud of what we delivered, including:"), and a heading such as "Our achievements" marks
what sits under it as the past; a heading that announces priorities gives its list items (and
action fragments) the commitment role, but not the sentences of background under it, and no
statement of fact is ever a commitment (:func:`alignck.language.role_of` decides all of this).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from alignck import lexicon
from alignck.language import (
    describes_an_image,
    hedged,
    is_apparatus,
    phrase_key,
    role_of,
    sentences,
    terms,
)
from alignck.model import (
    AIM_RULE,
    Block,
    CompactPickle,
    Document,
    EvidenceKind,
    Location,
    Statement,
)
from alignck.senses import in_sense, senses_for
from alignck.tables import table_runs
from alignck.themes import theme_terms


@dataclass(frozen=True, slots=True)
class Passage(CompactPickle):
    text: str
    location: Location
    role: EvidenceKind
    terms: tuple[str, ...]
    phrase: str
    # Broad themes the passage names through their specific terms ('net zero': climate).
    themes: tuple[str, ...] = ()
    # A heading alone is never evidence unless it is a stated priority.
    heading: bool = False


# Blocks that are one item each: a heading's role reaches them whole, not only as fragments.
_ITEMS = frozenset(["list_item", "table_cell"])


def build_passages(document: Document, statements: list[Statement]) -> list[Passage]:
    """Every sentence of the document plus every stated priority, in document order."""
    stated = [
        s
        for s in statements
        if s.kind == "priority"
        and not is_apparatus((s.location.section or "").rpartition(" › ")[2])
    ]
    # A sentence of prose taken for the document's aim (where it names no priority) is the
    # sentence it is, weighed as its words make it, not a priority the document names.
    stated = [s for s in stated if s.rule != AIM_RULE]
    stated_texts = {s.text for s in stated}
    passages: list[Passage] = []
    lead_role: EvidenceKind = "context"
    who_and_when, how_it_went = _table_columns(document.blocks)
    described = _cells_describing_a_promise(document.blocks) | how_it_went
    for block in document.blocks:
        if block.navigation or block.number in who_and_when:
            # Navigation: a stated priority it names is a passage of its own below. Who
            # leads an action and by when ('Head of Therapies', 'September 2025') say nothing
            # of what is done: the row's action is its passage.
            continue
        if is_apparatus(block.section[-1] if block.section else "") or (
            block.kind == "heading" and is_apparatus(block.text)
        ):
            continue
        location = Location(block.page, block.number, block.section_path, block.line)
        heading_role = _role_under(block.section)
        pieces: Sequence[tuple[str, EvidenceKind]] = (
            [(block.text, role_of(block.text))] if block.kind == "heading" else _pieces(block.text)
        )
        actions_from = _actions_from(block, pieces)
        read_to = 0  # where the last piece ends in the block: a sentence may repeat
        for at, (piece, role) in enumerate(pieces):
            if piece.rstrip(".") in stated_texts or describes_an_image(piece):
                continue
            if role == "context" and block.kind == "list_item":
                role = role_of(piece, given=lead_role)
            if role == "context" and block.kind != "heading" and block.number not in described:
                role = role_of(
                    piece,
                    given=heading_role,
                    item=block.kind in _ITEMS,
                    fragments=at >= actions_from,
                )
            place = location
            if block.turns:
                # A piece of an over-long sentence is marked '…' where it was cut: found
                # without the marks, it is where it stands in the text.
                bare = piece.strip("…")
                found = block.text.find(bare, read_to)
                read_to = found + len(bare) if found >= 0 else read_to
                page = block.page_at(max(found, 0))
                place = Location(page, block.number, block.section_path, block.line)
            passage = _passage(piece, place, role, heading=block.kind == "heading")
            if passage:
                passages.append(passage)
        if block.kind != "list_item":
            lead_role = _lead_role(block, [piece for piece, _ in pieces])
    item_of: dict[int | None, str] = {block.number: block.text for block in document.blocks}
    for statement in stated:
        # A list under 'Our priorities' can withdraw as well as promise ('We will no longer
        # fund family hubs', 'Clean air: no longer a council priority', its name alone
        # 'Clean air'): such an item is no evidence for the priority it names.
        said = _sentence_naming(statement.text, item_of.get(statement.location.paragraph, ""))
        withdrawn = "negated" in (role_of(statement.text), role_of(said) if said else "")
        # 'Mental health: We may consider crisis support, subject to funding': named, but
        # only as an aspiration, which the labelling rules call partial, not a commitment.
        aspired = bool(said) and role_of(said) != "commitment" and hedged(said)
        stated_role: EvidenceKind = "negated" if withdrawn else "context" if aspired else "priority"
        passage = _passage(statement.text, statement.location, stated_role)
        if passage:
            passages.append(passage)
    passages.sort(key=lambda p: p.location.paragraph or 0)
    return passages


def document_title(passages: Sequence[Passage]) -> str | None:
    """The heading every passage sits under, with headings of its own under it: the
    document's title, which every place in it would otherwise repeat. None where a passage
    sits under no heading (text before the one heading, 'Contact us', at its end), where the
    headings have two roots, or where the one root heads no other ('Our priorities' over its
    list is the place a quote is, not a title)."""
    # A top-level heading sits under none: the title itself, or a second root beside it.
    trails = [p.location.section for p in passages if p.location.section or not p.heading]
    tops = {p.text for p in passages if p.heading and not p.location.section}
    if not trails or any(not trail for trail in trails) or len(tops) > 1:
        return None
    roots = {trail.split(" › ", 1)[0] for trail in trails if trail}
    deeper = any(" › " in trail for trail in trails if trail)
    return roots.pop() if len(roots) == 1 and deeper else None


# A table column that says who does a row's action or by when: 'Lead', 'Owner', 'By when',
# and 'Who' after the action it leads ('Action | Who | When'); 'Who' first names whom a row is
# for ('Who | What we will do').
_WHO_OR_WHEN = re.compile(
    r"^\W*(?:(?:lead|responsible|accountable)(?:\s+(?:officers?|organisations?|partners?|"
    r"agenc(?:y|ies)|bod(?:y|ies)|leads?|owners?))?|leads|owners?(?:ship)?|"
    r"responsibility|accountability|who(?:\s+(?:leads|is\s+responsible|will\s+(?:lead|deliver)))?|"
    r"(?:by\s+)?when|timescales?|time\s*frames?|timings?|deadlines?|"
    r"(?:target\s+|completion\s+|delivery\s+|due\s+)?dates?|due)"
    r"\W*$",
    re.IGNORECASE,
)
_WHO_FIRST = re.compile(r"^\W*who\W*$", re.IGNORECASE)
# A column that reports how a row's action went ('Status', 'Progress', 'RAG'): its cells
# can say what was done ('Completed: 2,400 people quit smoking') or why not ('Delayed:
# funding withdrawn'), never what will be, so they take no promise from the heading.
_HOW_IT_WENT = re.compile(
    r"^\W*(?:status|progress(?:\s+(?:to\s+date|so\s+far|update))?|update|rag(?:\s+(?:rating|status))?)\W*$",
    re.IGNORECASE,
)


def _table_columns(blocks: Sequence[Block]) -> tuple[set[int], set[int]]:
    """The cells (by block number) that give no passage: those of columns whose header names
    who leads a row's action or by when, their headers with them, and the header of a column
    reporting how it went; and that column's other cells (passages that take no promise)."""
    dropped: set[int] = set()
    reported: set[int] = set()
    for table in table_runs(blocks):
        who_when: set[int] = set()
        how_it_went: set[int] = set()
        for block in table:
            if block.cell is None:
                continue
            row, column = block.cell
            if row == 0:
                text = block.text
                if _WHO_OR_WHEN.match(text) and not (column == 0 and _WHO_FIRST.match(text)):
                    who_when.add(column)
                    dropped.add(block.number)
                elif _HOW_IT_WENT.match(text):
                    how_it_went.add(column)
                    dropped.add(block.number)  # a label: 'Status' alone says nothing
            elif column in who_when:
                dropped.add(block.number)
            elif column in how_it_went:
                reported.add(block.number)
    return dropped, reported


def _cells_describing_a_promise(blocks: Sequence[Block]) -> set[int]:
    """The table cells (by block number) that sit in a row beside a cell promising in its own
    words ('We will train 40 school staff' | 'Young carers lead' | 'March 2027'): they say
    who does it, when or how it is measured, and take no promise from the heading over the
    table; said whole by the row, the promise is quoted from the cell that makes it."""
    described: set[int] = set()
    row: list[Block] = []
    for block in [*blocks, None]:
        same_row = (
            block is not None
            and block.kind == "table_cell"
            and block.cell is not None
            and bool(row)
            and row[-1].cell is not None
            and block.cell[0] == row[-1].cell[0]
            and block.cell[1] > row[-1].cell[1]
        )
        if same_row:
            row.append(block)  # type: ignore[arg-type]
            continue
        promising = {cell.number for cell in row if _promises_itself(cell.text)}
        if promising:
            described.update(cell.number for cell in row if cell.number not in promising)
        row = [block] if block is not None and block.kind == "table_cell" and block.cell else []
    return described


# A cell's promise says what is done ('We will recruit nurses'), not a lead-in to the next
# cell ('By March 2026 we will:', 'In 2026 we will'): it goes on past its last 'will'.
_LEAD_WORDS = frozenset({"will", "shall"})
_LAST_WORD = re.compile(r"(\w+)\W*\Z")


def _promises_itself(text: str) -> bool:
    return any(
        role == "commitment" and not _leads_in(piece) and len(terms(piece)) >= 2
        for piece, role in _pieces(text)
    )


def _leads_in(piece: str) -> bool:
    """Whether a piece stops where a lead-in does: on a colon, or on 'will' ('In 2026 we
    will'). Read from its last 40 characters, so a run of punctuation costs nothing."""
    tail = piece.rstrip()[-40:]
    if tail.endswith(":"):
        return True
    last = _LAST_WORD.search(tail)
    return last is not None and last.group(1).lower() in _LEAD_WORDS


def _actions_from(block: Block, pieces: Sequence[tuple[str, EvidenceKind]]) -> int:
    """From which piece a block's action fragments may take the heading's promise. In a
    paragraph that promises in its own words, not before that promise (the background to it:
    'Loneliness harms health as much as smoking. We will: ...'), and after it only where it
    leads in to them ('we will: Tackle damp ... Grow physical activity ...', a list run into
    one paragraph); after a promise whole in itself ('We will open two crisis cafes.'), a
    sentence of need ('Too few of our children walk to school.') is not one. From the first
    for a heading, a list item or a table cell, or a paragraph that makes no promise itself."""
    if block.kind == "heading" or block.kind in _ITEMS:
        return 0
    first = next((at for at, (_, role) in enumerate(pieces) if role == "commitment"), None)
    if first is None:
        return 0
    # A colon leads in, at the sentence's end or before its first action ('we will: Tackle').
    return first + 1 if ":" in pieces[first][0] else len(pieces)


def _sentence_naming(name: str, block_text: str) -> str:
    """The sentence of a block that holds a stated priority's name ('Clean air: no longer a
    council priority.' for 'Clean air'): what it says of the priority. Another sentence of
    the paragraph ('To fund them we have paused the refurbishment') says nothing of it."""
    for sentence in sentences(block_text):
        if name in sentence:
            return sentence
    return ""


@lru_cache(maxsize=8192)
def _pieces(text: str) -> tuple[tuple[str, EvidenceKind], ...]:
    """The sentences of a block, a sentence of two independent clauses as two pieces; each
    with the role of its whole sentence, which a clause keeps when it shows none itself.
    Cached: blocks repeat (a running title, a list written again, one body's plans)."""
    found: list[tuple[str, EvidenceKind]] = []
    for sentence in sentences(text):
        role = role_of(sentence)
        clauses = _clauses(sentence)
        if len(clauses) < 2:
            found.append((sentence, role))
            continue
        found.extend((clause, role_of(clause, given=role)) for clause in clauses)
    return tuple(found)


def _clauses(sentence: str) -> list[str]:
    if "and" not in sentence and ";" not in sentence:
        return [sentence]
    # 'Every hospital will run a tobacco service, and alcohol care teams will see every
    # patient ...': two promises in one sentence, each evidence of its own.
    breaks = lexicon.entry("roles", "clause.second-promise").compiled
    clauses, start = [], 0
    for found in breaks.finditer(sentence):
        before = sentence[start : found.start()]
        # An 'and' parts two promises only where the first is one: in 'the NHS in Hartshire
        # and Vale will meet ...' it joins two names, and the quote began at 'Vale'.
        if ";" in found.group() or _promises(before):
            clauses.append(before.strip())
            start = found.end()
    clauses = [c for c in [*clauses, sentence[start:].strip()] if c]
    if len(clauses) < 2 or any(len(terms(c)) < 3 for c in clauses):
        return [sentence]
    return clauses


_PROMISE = re.compile(r"\bwill\b")


def _promises(part: str) -> bool:
    """Whether a sentence's first part promises something: 'will', or whatever makes a
    sentence a commitment ("We'll expand ...", "We are committed to ...")."""
    return bool(_PROMISE.search(part)) or role_of(part.strip()) == "commitment"


def _passage(
    text: str, location: Location, role: EvidenceKind, heading: bool = False
) -> Passage | None:
    read = _read(text)
    if read is None:
        return None
    sensed, phrase, themes = read
    return Passage(text, location, role, sensed, phrase, themes, heading)


def passage_terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A passage's terms in their senses and the themes it names, as matching reads them."""
    read = _read(text)
    return None if read is None else (read[0], read[2])


@lru_cache(maxsize=16384)
def _read(text: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """A passage's terms (in their senses), phrase key and themes, which its text alone
    decides; ``None`` for a text without terms. Cached: a document repeats sentences (a
    running title, a list written again), and a folder of one body's plans repeats more."""
    found = terms(text)
    if not found:
        return None
    phrase = phrase_key(text)
    return in_sense(found, senses_for(found, text)), phrase, theme_terms(phrase, text)


@lru_cache(maxsize=4096)
def _role_under(section: tuple[str, ...]) -> EvidenceKind:
    """The role headings give what sits under them; blocks of one section share it."""
    for heading in reversed(section):
        role = role_of(heading, "heading")
        if role != "context":
            return role
    return "context"


def _lead_role(block: Block, pieces: Sequence[str]) -> EvidenceKind:
    """The role a following list inherits: that of a lead-in sentence ending with a colon."""
    if not pieces or not pieces[-1].rstrip().endswith(":"):
        return "context"
    role = role_of(pieces[-1])
    return role if role in ("commitment", "achievement") else "context"
