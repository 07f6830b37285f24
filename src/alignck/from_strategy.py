"""Build a starter framework from a joint strategy document (``alignck init --from``).

The document is read and its stated priorities found by the same readers and extraction that
``check`` uses; each becomes a priority with an id derived from its title, the text under it
(the paragraphs below its heading, or the rest of its list item or paragraph) as its
description (for a priority listed in a summary, its explanation there, or where it has none
the section its own heading opens), and the
priorities stated under its heading nested beneath it. A comment on each
says where in the document it came from. The result is YAML text, ready to edit; nothing is
decided here that a person should not check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from alignck.errors import UsageError
from alignck.extract import extract
from alignck.extract._common import location, named_part
from alignck.extract._sections import numbered_sections
from alignck.extract._structure import child_headings, heading_key, in_section, template_keys
from alignck.language import names_in_heading, sentences
from alignck.model import AIM_RULE, Block, ReadOptions, Statement
from alignck.reading import read_isolated
from alignck.shapes import derive_id
from alignck.starter import schema_comment

_DESCRIPTION_MAX_CHARS = 600
_TITLE_MAX_OFFSET = 4
# A table cell of this many words or more describes; fewer is a name (a lead, a date).
_DESCRIBING_WORDS = 4


@dataclass
class _Drafted:
    title: str
    description: str
    where: str
    block: Block
    children: list[_Drafted] = field(default_factory=list)
    # The section heading of a priority listed elsewhere, which holds its text and its parts.
    heading: Block | None = None
    # That heading where the priority's own text describes it (a summary table's row): its
    # parts are still the headings under it.
    section: Block | None = None


def framework_from_strategy(path: Path, options: ReadOptions | None = None) -> str:
    """The YAML of a framework whose priorities are those ``path`` states."""
    if path.is_dir():
        raise UsageError(
            "a folder; give one strategy document (PDF, Word, OpenDocument, Markdown, a web "
            "page or text)",
            str(path),
        )
    # Read as check reads it: within the time limit, a PDF or Word file in a worker process.
    document = read_isolated(path, options or ReadOptions())
    statements = extract(document)
    # Sentences of prose taken as a document's likeliest aims are guesses, not titles.
    stated = [s for s in statements if s.kind == "priority" and s.rule != AIM_RULE]
    if not stated:
        raise UsageError(
            "no stated priorities found (alignck looks for a priorities heading or lead-in, "
            "numbered priorities and the like; see 'alignck extract'); start from 'alignck "
            "init' instead",
            str(path),
        )
    by_number = {block.number: block for block in document.blocks}
    sections = numbered_sections(statements, document.blocks)
    drafted = [_draft(s, by_number, document.blocks, sections.get(s)) for s in stated]
    named = {d.block.number for d in drafted} | {d.section.number for d in drafted if d.section}
    subs = [s for s in statements if s.kind == "sub_priority"]
    for item, statement in zip(drafted, stated, strict=True):
        own = item.section if item.block.kind != "heading" else None
        parent = item.heading or own or item.block
        item.children = _child_headings(parent, document.blocks, named)
        # The items listed under a priority's own item, as extract shows them.
        headed = {child.block.number for child in item.children}
        item.children += [
            _draft(sub, by_number, document.blocks)
            for sub in subs
            if sub.parent == statement.text and sub.location.paragraph not in headed
        ]
        if not item.children:
            item.children = _named_items(parent, document.blocks, named)
        if item.block.kind == "table_cell":
            # The cells of its own row are its description ('Healthy ageing | More older
            # people stay independent'): not also a priority below it.
            row = {cell.number for cell in _row_of(item.block, document.blocks)}
            item.children = [child for child in item.children if child.block.number not in row]
    template = _without_templates(drafted, document.blocks)
    nested = _nest(drafted)
    _without_parts(nested, document.blocks, template)
    return _yaml(path, _name(path, document.blocks), nested)


def _draft(
    statement: Statement,
    by_number: dict[int, Block],
    blocks: tuple[Block, ...],
    numbered: Block | None = None,
) -> _Drafted:
    block = by_number[statement.location.paragraph or 0]
    described = _text_under(statement, block, blocks)
    own = _own_heading(statement.text, block, blocks)
    if own is None and numbered is not None and numbered.kind == "heading":
        # Its section's heading numbers it and names it in fewer words ('Priority 1: Better
        # homes' for '1. Better homes for older people').
        own = numbered
    heading = None if described else own
    if heading is not None:
        # Listed in a summary ('Our priorities: ...'), then given a section of its own
        # ('Priority 1: Give every child ...'): that section is its description.
        described = _text_under(_named(heading), heading, blocks)
    return _Drafted(
        statement.text, described, _where(statement), block, heading=heading, section=own
    )


def _named(heading: Block) -> Statement:
    return Statement(heading.text, "priority", location(heading), "")


def _without_templates(items: list[_Drafted], blocks: tuple[Block, ...]) -> set[str]:
    """Sub-headings that recur under two or more priorities ('What we know', 'What we will
    do' under each) are the sections' template, not parts: each priority keeps the text
    under them as its description. Gives the template's headings (as :func:`_heading_key`
    writes them)."""
    template = template_keys([c.title for c in item.children] for item in items)
    if not template:
        return template
    for item in items:
        kept = [c for c in item.children if heading_key(c.title) not in template]
        if len(kept) == len(item.children):
            continue
        item.children = kept
        source = item.heading or item.block
        if source.kind == "heading":
            parts = {child.block.number for child in kept}
            item.description = _text_under(_named(source), source, blocks, parts, template)
    return template


def _without_parts(
    items: list[_Drafted], blocks: tuple[Block, ...], template: set[str] | None = None
) -> None:
    """Each priority's description without the text of its sub-priorities: a part listed
    under a priority's heading is a priority of its own below it, not also words of its
    parent's description (the text under its sections' ``template`` headings still is)."""
    for item in items:
        _without_parts(item.children, blocks, template)
        parts = {child.block.number for child in item.children}
        source = item.heading or item.block
        if not parts or source.kind != "heading":
            continue
        item.description = _text_under(_named(source), source, blocks, parts, template)


def _own_heading(title: str, block: Block, blocks: tuple[Block, ...]) -> Block | None:
    """The heading that names a listed priority, alone or after a short label ('Priority 1:',
    'Goal 2 -'), if the document gives it one."""
    for candidate in blocks:
        if (
            candidate.kind == "heading"
            and candidate.number != block.number
            and names_in_heading(candidate.text, title)
        ):
            return candidate
    return None


def _child_headings(parent: Block, blocks: tuple[Block, ...], named: set[int]) -> list[_Drafted]:
    """The headings straight under a priority's heading: its sub-priorities (as extract
    names them)."""
    return [
        _Drafted(
            b.text,
            _text_under(Statement(b.text, "priority", location(b), "heading"), b, blocks),
            f"page {b.page}" if b.page else f"paragraph {b.number}",
            b,
        )
        for b in child_headings(parent, blocks, named)
    ]


# A list of parts: two or more named items ('Healthy pregnancies: support mothers to ...').
_MIN_NAMED_ITEMS = 2


def _named_items(parent: Block, blocks: tuple[Block, ...], named: set[int]) -> list[_Drafted]:
    """The items of a list straight under a priority's heading that each name a part
    ('Healthy pregnancies: support mothers to stop smoking ...'): its sub-priorities, the
    name as the title and the rest as the description. Extraction takes them as neither (a
    document's priorities are what check lists), so only a list of named items counts."""
    items = [b for b in in_section(parent, blocks, named, "list_item") if b.level <= 1]
    parts = []
    for block in items:
        name = block.lead or named_part(block.text)
        if name == block.text:
            return []  # one unnamed item: a list of actions, not of parts
        rest = block.text[block.text.find(name) + len(name) :] if name in block.text else ""
        title = name.strip(" .:–-")
        where = _where(Statement(title, "sub_priority", location(block), ""))
        parts.append(_Drafted(title, _clip(rest.lstrip(" .:;,-–—")), where, block))
    return parts if len(parts) >= _MIN_NAMED_ITEMS else []


def _name(path: Path, blocks: tuple[Block, ...]) -> str:
    first = blocks[0] if blocks else None
    if first is not None and first.kind == "heading" and first.level <= 1:
        return first.text
    return path.stem


def _text_under(
    statement: Statement,
    block: Block,
    blocks: tuple[Block, ...],
    leaving_out: set[int] | None = None,
    through: set[str] | None = None,
) -> str:
    """A heading's paragraphs up to the next heading (but the blocks ``leaving_out``
    names, and on past the sub-headings ``through`` names, its sections' template); a table
    cell's row (the cells beside it that say something: a lead's name is not a
    description); else what its own block says after it."""
    if block.kind == "table_cell" and block.cell is not None:
        cells = [b.text.strip() for b in _row_of(block, blocks) if b is not block]
        row = [text for text in cells if len(text.split()) >= _DESCRIBING_WORDS]
        return _clip("; ".join(text.rstrip(";") for text in row))
    if block.kind == "heading":
        following = blocks[blocks.index(block) + 1 :]
        texts: list[str] = []
        for later in following:
            if later.kind == "heading":
                if through and later.level > block.level and heading_key(later.text) in through:
                    continue
                break
            if leaving_out and later.number in leaving_out:
                continue
            text = later.text.strip()
            # List items run on without their markers: each is ended as a clause.
            if later.kind == "list_item" and not text.endswith((".", "!", "?", ":", ";")):
                text = text.rstrip(",") + ";"
            texts.append(text)
        # A lead-in whose list became the priority's parts ('What we will focus on:') leads
        # to nothing left in the description.
        while texts and texts[-1].endswith(":"):
            kept = sentences(texts.pop())[:-1]
            if kept:
                texts.append(" ".join(kept))
                break
        return _clip(" ".join(texts).rstrip(";"))
    # The title opens its block, perhaps after a quote mark or a number ("'Start well': ...").
    start = block.text.lower().find(statement.text.lower())
    if not 0 <= start <= _TITLE_MAX_OFFSET:
        return ""
    rest = block.text[start + len(statement.text) :].lstrip(" .:;,-–—'\"‘’“”")
    if not rest and block.kind == "list_item":
        # '1. Tackle loneliness' on its own line, its sentences below it: they describe it.
        return _clip(" ".join(_paragraphs_after(block, blocks)))
    return _clip(rest)


def _paragraphs_after(item: Block, blocks: tuple[Block, ...]) -> list[str]:
    """The paragraphs straight after a list item, where the items of its list each have
    theirs: before the next item, or after the item before it. The paragraph after a list of
    names alone is about the list, not its last name."""
    at = blocks.index(item)
    texts = []
    end = at + 1
    while end < len(blocks) and blocks[end].kind == "paragraph":
        texts.append(blocks[end].text.strip())
        end += 1
    if not texts:
        return []
    if end < len(blocks) and blocks[end].kind == "list_item":
        return texts
    before = at - 1
    while before >= 0 and blocks[before].kind == "paragraph":
        before -= 1
    between = at - 1 - before
    return texts if between and before >= 0 and blocks[before].kind == "list_item" else []


def _row_of(cell: Block, blocks: tuple[Block, ...]) -> list[Block]:
    """The cells of a table cell's row: its neighbours in the document, in the same row; and
    the rows after it that have no cell in its column, where it spans them (a priority with
    two outcomes, its cell merged down, or left blank, beside both)."""
    at = blocks.index(cell)
    row = cell.cell[0] if cell.cell is not None else None

    def same_row(other: Block) -> bool:
        return other.kind == "table_cell" and other.cell is not None and other.cell[0] == row

    start, end = at, at + 1
    while start > 0 and same_row(blocks[start - 1]):
        start -= 1
    while end < len(blocks) and same_row(blocks[end]):
        end += 1
    return list(blocks[start:end]) + _rows_spanned(cell, blocks, end)


def _rows_spanned(cell: Block, blocks: tuple[Block, ...], end: int) -> list[Block]:
    """The cells of the rows from ``end`` on that have nothing in ``cell``'s column."""
    if cell.cell is None:
        return []
    own_row, column = cell.cell
    spanned: list[Block] = []
    while end < len(blocks) and (row := _row_number(blocks[end])) is not None:
        if row <= own_row:
            break  # another table
        cells = []
        while end < len(blocks) and _row_number(blocks[end]) == row:
            cells.append(blocks[end])
            end += 1
        if any(c.cell is not None and c.cell[1] == column and c.text.strip() for c in cells):
            break  # the next priority's row
        spanned += cells
    return spanned


def _row_number(block: Block) -> int | None:
    return block.cell[0] if block.kind == "table_cell" and block.cell is not None else None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _DESCRIPTION_MAX_CHARS:
        return text
    cut = text[:_DESCRIPTION_MAX_CHARS].rsplit(" ", 1)[0]
    return f"{cut} ..."


def _where(statement: Statement) -> str:
    place = statement.location
    parts = [f"page {place.page}" if place.page else f"paragraph {place.paragraph}"]
    if place.section:
        parts.append(f"under '{place.section}'")
    return ", ".join(parts)


def _nest(drafted: list[_Drafted]) -> list[_Drafted]:
    """Priorities stated under another's heading become its sub-priorities."""
    top: list[_Drafted] = []
    headings: list[_Drafted] = []
    for item in drafted:
        # A block's section is the trail of headings above it (never itself).
        parent = next((h for h in reversed(headings) if h.block.text in item.block.section), None)
        (parent.children if parent is not None else top).append(item)
        if item.block.kind == "heading":
            headings.append(item)
    return top


def _yaml(path: Path, name: str, priorities: list[_Drafted]) -> str:
    taken: set[str] = set()
    lines = [
        schema_comment("framework"),
        f"# Built by 'alignck init --from' from the priorities {path.name} states; each\n",
        "# comment says where the priority was found. Check every title and description against\n",
        "# the document, add keywords or aliases partners use, then: alignck validate FILE\n",
        "framework:\n",
        f"  name: {_quoted(name)}\n",
        f"  source: {_quoted(str(path))}\n",
        "priorities:\n",
    ]
    lines += _entries(priorities, 1, taken)
    return "".join(lines)


def _entries(items: list[_Drafted], depth: int, taken: set[str]) -> list[str]:
    pad = "  " * (2 * depth - 1)
    out: list[str] = []
    for item in items:
        out.append(f"{pad}# {item.where}\n")
        out.append(f"{pad}- id: {_unique(_written_id(item.title), taken)}\n")
        out.append(f"{pad}  title: {_quoted(item.title)}\n")
        if item.description:
            out.append(f"{pad}  description: {_quoted(item.description)}\n")
        if item.children:
            out.append(f"{pad}  priorities:\n")
            out += _entries(item.children, depth + 1, taken)
    return out


# Words an id cut short at about 40 characters should not end on.
_LINKING_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "to",
        "with",
        "within",
    ]
)


def _written_id(title: str) -> str:
    """The id ``init --from`` writes: the one a framework without ids derives, less the
    linking words its cut leaves at the end ('reduce-harm-from-alcohol-drugs-and' ->
    'reduce-harm-from-alcohol-drugs'); every report shows it."""
    words = derive_id(title).split("-")
    while len(words) > 1 and words[-1] in _LINKING_WORDS:
        words.pop()
    return "-".join(words)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: safe whatever the document's text holds.
    return json.dumps(text, ensure_ascii=False)
