"""The comparison as Markdown, for a pull request comment or ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from typing import TextIO

from alignck.compare import Change, Comparison
from alignck.escape import markdown_text, terminal_text
from alignck.renderers._common import SYMBOLS, shown_path
from alignck.renderers.diff import (
    DiffOptions,
    delta,
    evidence,
    figure,
    headline,
    now,
    regrounded_row,
    said_kind,
    was,
)
from alignck.written import MARKDOWN_MARK

_QUOTE = 200


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    lines = [
        # As check's reports: one saved among the documents is not read back as one of them.
        MARKDOWN_MARK,
        "## alignck: what changed",
        "",
        f"`{_code(comparison.old_source)}` → `{_code(comparison.new_source)}` "
        f"({markdown_text(comparison.framework)})",
        "",
        f"**{markdown_text(headline(comparison, options.fail_on))}**",
        "",
    ]
    if comparison.changes:
        lines += ["### Verdicts that moved", ""]
        lines += _table(["Document", "Priority", "Was", "Now", "Change", "Evidence now"])
        lines += [_row(_cells(c, options)) for c in comparison.changes]
        lines.append("")
    if comparison.regrounded:
        lines += ["### Verdicts that stand on other passages now", ""]
        lines += [
            "_The verdict did not move, but no longer quotes the passage it rested on: "
            "check that the new one addresses the priority._",
            "",
        ]
        lines += _table(["Document", "Priority", "Verdict", "Was quoted", "Now quoted"])
        for item in comparison.regrounded:
            document, priority, status, was_quoted, now_quoted = regrounded_row(item, _QUOTE)
            lines.append(
                _row(
                    [
                        markdown_text(shown_path(document)),
                        markdown_text(priority),
                        f"{SYMBOLS[item.status]} {status}",
                        markdown_text(was_quoted),
                        markdown_text(now_quoted),
                    ]
                )
            )
        lines.append("")
    lines += ["### Coverage", ""]
    lines += _table(["Document", "Before", "After", "Change (percentage points)"])
    for coverage in (*comparison.coverage, comparison.system):
        lines.append(
            _row(
                [
                    markdown_text(shown_path(coverage.document)),
                    figure(coverage.old),
                    figure(coverage.new),
                    delta(coverage),
                ]
            )
        )
    for label, names in (("Added", comparison.added), ("Removed", comparison.removed)):
        if names:
            shown = ", ".join(markdown_text(shown_path(n)) for n in names)
            lines += ["", f"{label} documents: {shown}"]
    for warning in comparison.warnings:
        lines += ["", f"> {markdown_text(warning)}"]
    out.write("\n".join(lines) + "\n")


def _cells(change: Change, options: DiffOptions) -> list[str]:
    label = said_kind(change)
    if change.regresses(options.fail_on):
        label = f"**{label}**"
    return [
        markdown_text(shown_path(change.document)),
        markdown_text(f"{change.title} [{change.priority_id}]"),
        f"{SYMBOLS[change.old]} {was(change)}" if change.old else was(change),
        f"{SYMBOLS[change.new.status]} {now(change)}",
        label,
        _evidence(change),
    ]


def _evidence(change: Change) -> str:
    return markdown_text(evidence(change, _QUOTE))


def _table(header: list[str]) -> list[str]:
    return [_row(header), _row(["---"] * len(header))]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _code(text: str) -> str:
    # A code span shows its text as written: no escape is read in it, so none is added.
    return terminal_text(text).replace("`", "'").replace("\r", " ").replace("\n", " ")
