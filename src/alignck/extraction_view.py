"""The ``alignck extract`` command's work: stated priorities per document, as a table or JSON.

Each priority shows why it was taken (the lead-in or heading it sits under) so a user can see
and report a wrong one, and its sub-priorities beneath it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from alignck.extract import stated_priorities
from alignck.model import ReadOptions, Statement
from alignck.names import path_order
from alignck.passages import Passage
from alignck.readers import discover, unused_patterns
from alignck.reading import NO_TEXT_MEANS, Prepared, prepare_all
from alignck.wording import counted

# (path, stated priorities, commitments, sub-priorities)
Row = tuple[str, list[Statement], list[Statement], list[Statement]]


@dataclass
class Extraction:
    """What ``alignck extract`` found, as ``check`` lists it: each readable document's
    statements; the documents that could not be read, named or found (path, the error line);
    and what searching the folders passed over (path, why)."""

    rows: list[Row] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # What reading a readable document warned of (path, warning), as check says it.
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # What was read of each readable document: its passages counted, and its headings.
    read: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    # The --exclude patterns that left nothing out.
    unused_exclusions: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        """One line for each document that was not read, as the command says it."""
        return [why for _, why in self.unreadable]


def extract_documents(
    paths: Sequence[Path],
    options: ReadOptions | None = None,
    follow_links: bool = False,
    exclude: Sequence[str] = (),
) -> Extraction:
    found = discover(paths, follow_links, exclude)
    extraction = Extraction(
        unreadable=[(str(s.path), f"{s.path}: {s.reason}") for s in found.unsupported],
        skipped=[(str(s.path), s.reason) for s in found.skipped],
        unused_exclusions=unused_patterns(exclude, found.skipped),
    )
    # Through prepare_all, not prepare: a PDF or Word file is read in a worker process, which
    # can be stopped at the time limit where a parser stuck in native code here could not.
    held = dataclasses.replace(options or ReadOptions(), links=found.links)
    prepared = prepare_all(found.files, use_cache=False, options=held)
    for path, item in zip(found.files, prepared, strict=True):
        if isinstance(item, Prepared):
            # Nothing is matched here: what no text means for the verdicts is check's to say.
            extraction.warnings += [
                (str(path), warning.removesuffix(NO_TEXT_MEANS)) for warning in item.warnings
            ]
            statements = list(item.statements)
            read = [p for p in item.passages if not p.heading]
            extraction.read[str(path)] = (len(read), _sections_of(item.passages))
            extraction.rows.append(
                (
                    str(path),
                    stated_priorities(statements),
                    [s for s in statements if s.kind == "commitment"],
                    [s for s in statements if s.kind == "sub_priority"],
                )
            )
        else:
            extraction.unreadable.append((str(path), str(item)))
    return extraction


def render_extraction(
    extraction: Extraction,
    out: TextIO,
    fmt: str,
    commitments: bool,
    color: bool,
    width: int | None = None,
) -> None:
    rows = extraction.rows
    if fmt == "json":
        from alignck.renderers.json import statement_to_dict

        data = [
            {
                "path": path,
                "status": "ok",
                "stated_priorities": [
                    {
                        **statement_to_dict(s),
                        "sub_priorities": [statement_to_dict(c) for c in _children(s, subs)],
                    }
                    for s in stated
                ],
                **(
                    {"commitments": [statement_to_dict(s) for s in promised]} if commitments else {}
                ),
            }
            for path, stated, promised, subs in rows
        ]
        # As check's JSON report: a document that could not be read is listed with why, and
        # every document in the order of its path.
        data += [
            {
                "path": path,
                "status": "error",
                "error": why,
                "stated_priorities": [],
                **({"commitments": []} if commitments else {}),
            }
            for path, why in extraction.unreadable
        ]
        data.sort(key=lambda d: path_order(str(d["path"])))
        skipped = [{"path": path, "reason": why} for path, why in extraction.skipped]
        document = {"schema_version": 1, "documents": data, "skipped": skipped}
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from alignck.renderers._common import console as make_console
    from alignck.renderers._common import where

    console = make_console(out, color, width)
    for path, stated, promised, subs in rows:
        table = Table(
            title=f"{path}: {counted(len(stated), 'stated priority', 'stated priorities')}",
            box=box.SIMPLE,
            title_justify="left",
        )
        table.add_column("#", justify="right")
        table.add_column("Kind")
        table.add_column("Stated priority", overflow="fold")
        table.add_column("Why", overflow="fold", max_width=40)
        table.add_column("Where", overflow="fold", max_width=40)
        listed = stated + ([s for s in promised if s not in stated] if commitments else [])
        for index, statement in enumerate(listed, start=1):
            table.add_row(
                str(index),
                statement.kind,
                statement.text,
                statement.rule,
                where(statement.location),
            )
            for child in _children(statement, subs):
                # Its own reason ('nested under ...'), as the JSON gives it.
                table.add_row("", "", f"  └ {child.text}", child.rule, where(child.location))
        if not listed:
            # By path, as the tables are titled: two 'empty' files were two lines alike. What
            # was read is said, so the line tells text not found from text read and not seen.
            console.print(
                Text(f"{path}: no stated priorities found{_what_was_read(extraction, path)}")
            )
        else:
            console.print(table)
    for path, why in extraction.skipped:
        # As check lists them: a partner's .doc or .rtf must not vanish without a word.
        console.print(Text(f"skipped: {path} ({why})"))


_SHOWN_HEADINGS = 8


def _sections_of(passages: Sequence[Passage]) -> list[str]:
    """The headings the passages stand under, each once, in the order they come: 'Our
    priorities', which holds a list that was read, was left out where only the headings
    read as passages were named (a heading of no word to match on is not one)."""
    found: dict[str, None] = {}
    for passage in passages:
        for part in (passage.location.section or "").split(" › "):
            if part:
                found.setdefault(part, None)
        if passage.heading:
            found.setdefault(passage.text, None)
    return list(found)


def _what_was_read(extraction: Extraction, path: str) -> str:
    """'; read: 37 passages (sentences, list items, table cells) under the headings
    Abstract; Introduction' (a heading of no word to match on is not read)."""
    passages, headings = extraction.read.get(path, (0, []))
    said = f"; read: {counted(passages, 'passage')} (sentences, list items, table cells)"
    if not headings:
        return f"{said} and no headings"
    shown = "; ".join(headings[:_SHOWN_HEADINGS])
    more = " ..." if len(headings) > _SHOWN_HEADINGS else ""
    return f"{said} under the headings {shown}{more}"


def _children(statement: Statement, subs: list[Statement]) -> list[Statement]:
    return [s for s in subs if s.parent == statement.text] if statement.kind == "priority" else []
