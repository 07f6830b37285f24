"""Records written as labelled lines, one field a paragraph, again for each item:

    Programme: Healthy Start
    Description: Increase take-up of vitamins ...
    Lead: Public Health

    Programme: Warm Homes Prescription
    Description: ...

A board paper or a delivery plan lays its programmes out so, in text, Word or Markdown alike.
Each record's first field names it, as a heading names its section: read so, the items are
found as the priorities they are, and the fields after the name sit under it. Read as
paragraphs, the field lines were sentences like any other ('Investment: £650,000' was taken
for a priority, the names never).
"""

from __future__ import annotations

import re
from dataclasses import replace

from alignck.model import Block

# Bumped when what this stage does to a document changes: part of every reader's version.
VERSION = 1

# 'Programme: Healthy Start', 'Lead officer: ...': a label of one to three words, capitalised,
# then a colon and the value.
# A label of one letter ('Q:', 'A:') is a question and its answer, not a field.
_FIELD = re.compile(r"(?P<label>[A-Z][A-Za-z]+(?:[ -][A-Za-z]+){0,2})\s*:\s+(?P<value>\S.*)", re.S)
# A record's name is a name, not a sentence: a few words, no full stop inside.
_NAME_WORDS = 12
# The fewest records that make a layout of records, and the fewest fields of each.
_RECORDS = 2
_FIELDS = 2
_DEEPEST = 6


def records_as_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each run of labelled records read as headed sections: the first field
    of each record a heading one level below the heading the run sits under, its value the
    heading's text, and the record's other fields under it. Everything else as it was."""
    out = list(blocks)
    start = 0
    while start < len(blocks):
        stop = start
        while stop < len(blocks) and _field(blocks[stop]) is not None:
            stop += 1
        if stop > start:
            _headed(out, blocks, start, stop)
            start = stop
        else:
            start += 1
    return tuple(out)


def _field(block: Block) -> tuple[str, str] | None:
    # A short field line can come from a reader as a heading (a text file's line without a
    # full stop): it is a field all the same.
    if block.kind not in ("paragraph", "heading") or block.cell is not None or block.navigation:
        return None
    found = _FIELD.fullmatch(block.text.strip())
    if found is None:
        return None
    return found.group("label").lower(), found.group("value").strip()


def _headed(out: list[Block], blocks: tuple[Block, ...], start: int, stop: int) -> None:
    """Rewrite blocks[start:stop] in ``out`` where they are records of one shape."""
    fields = [_field(block) for block in blocks[start:stop]]
    labels = [field[0] for field in fields if field is not None]
    first = labels[0]
    starts = [i for i, label in enumerate(labels) if label == first]
    records = [labels[a:b] for a, b in zip(starts, [*starts[1:], len(labels)], strict=True)]
    if starts[0] != 0 or len(records) < _RECORDS or len(records[0]) < _FIELDS:
        return
    if any(record != records[0] for record in records):
        return
    names = [fields[i][1] for i in starts if fields[i] is not None]  # type: ignore[index]
    if any(len(name.split()) > _NAME_WORDS or _holds_a_sentence(name) for name in names):
        return
    level = min(_level_above(blocks, start) + 1, _DEEPEST)
    for at, name in zip(starts, names, strict=True):
        head = blocks[start + at]
        # Its bold label ('**Programme:** ...') is not part of the heading it becomes.
        out[start + at] = replace(head, kind="heading", text=name, level=level, lead=None)
        end = start + at + len(records[0])
        for inner in range(start + at + 1, end):
            field = blocks[inner]
            out[inner] = replace(field, kind="paragraph", level=0, section=(*head.section, name))


def _holds_a_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?]\s+\S", text)) or text.rstrip().endswith((".", "!", "?"))


def _level_above(blocks: tuple[Block, ...], start: int) -> int:
    """The level of the heading the run sits under (0 where none)."""
    for block in reversed(blocks[:start]):
        if block.kind == "heading":
            return block.level
    return 0
