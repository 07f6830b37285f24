"""Output formats for ``alignck diff``: each module has ``render(comparison, out, options)``.

They format a :class:`~alignck.compare.Comparison`; what is a regression is decided by
:meth:`~alignck.compare.Change.regresses`, never here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from alignck.compare import Change, Comparison, CoverageChange, Regression, Regrounded
from alignck.wording import clipped, counted

DIFF_RENDERERS: dict[str, str] = {
    "terminal": "alignck.renderers.diff.terminal",
    "json": "alignck.renderers.diff.json",
    "markdown": "alignck.renderers.diff.markdown",
    "junit": "alignck.renderers.diff.junit",
    "sarif": "alignck.renderers.diff.sarif",
    "github": "alignck.renderers.diff.github",
}


@dataclass(frozen=True, slots=True)
class DiffOptions:
    fail_on: Regression = "new-gap"
    color: bool = False
    width: int | None = None


DiffRenderer = Callable[[Comparison, TextIO, DiffOptions], None]


def diff_renderer(name: str) -> DiffRenderer:
    render: DiffRenderer = importlib.import_module(DIFF_RENDERERS[name]).render
    return render


def kind(change: Change) -> str:
    """'new gap', 'closed gap', 'worse', 'better' or 'new partial': how a change reads in
    every format. A document or priority the old run did not have moved nowhere: its partial
    verdict is below the aligned it is held to (``--fail-on worse``), not worse than before."""
    if change.is_new_gap:
        return "new gap"
    if change.is_closed_gap:
        return "closed gap"
    if change.old is None and change.new.status == "partial":
        return "new partial"
    return "worse" if change.is_worse else "better"


def said_kind(change: Change) -> str:
    """How a change reads where people read it: its :func:`kind`, and where the verdict did
    not move but its waiver lapsed or went, that ('new gap (no longer waived)'): a month of
    expired waivers read as thirteen new gaps, as if the documents had changed."""
    return kind(change) + (" (no longer waived)" if change.only_waiver_went else "")


def was(change: Change) -> str:
    """The old verdict ('partial (reviewed)' where a reviewer gave it), or 'new document' or
    'new priority'."""
    if change.old is not None:
        marks = (" (reviewed)" if change.old_reviewed else "") + (
            " (waived)" if change.old_waived else ""
        )
        return change.old + marks
    return "new priority" if change.new_priority else "new document"


def figure(value: float | None) -> str:
    """A coverage figure as the reports of ``check`` give it (the JSON report's share)."""
    from alignck.analyse import rounded_share

    if value is None:
        return "—"
    # As many places as rounded_share kept (at most six), one at least: not repr's '1e-05'.
    text = f"{rounded_share(value):.6f}".rstrip("0")
    return f"{text}0%" if text.endswith(".") else f"{text}%"


def delta(coverage: CoverageChange) -> str:
    if coverage.unread:
        return "not read"
    change = coverage.delta
    if change is None:
        return "added" if coverage.old is None else "removed"
    # No sign on a change too small to show ('+0.0' beside a small fall).
    return f"{change:+.1f}" if change else "0.0"


def headline(comparison: Comparison, fail_on: Regression) -> str:
    """One sentence: how many verdicts moved, and whether that is a regression."""
    changes = comparison.changes
    regressions = len(comparison.regressions(fail_on))
    verdict = (
        f"{counted(regressions, 'regression')} (--fail-on {fail_on})"
        if regressions
        else (f"no regression (--fail-on {fail_on})")
    )
    # A run that could not read a document fails whatever moved: 'no regression' alone
    # read as a pass beside exit 2.
    unread = (
        f"; {counted(len(comparison.unread), 'document')} could not be read"
        if comparison.unread
        else ""
    )
    lapsed = sum(change.only_waiver_went for change in comparison.new_gaps)
    no_longer = f" ({lapsed} no longer waived)" if lapsed else ""
    return (
        f"{counted(len(changes), 'verdict')} moved: "
        f"{counted(len(comparison.new_gaps), 'new gap')}{no_longer}, "
        f"{counted(len(comparison.closed_gaps), 'closed gap')}; system coverage "
        f"{figure(comparison.system.old)} → {figure(comparison.system.new)}; {verdict}{unread}"
    )


def documents_in_and_out(comparison: Comparison) -> list[tuple[str, str, str]]:
    """(added or removed, the document's name, what to say of it) for each document new in
    this run and each gone from it, as the terminal and Markdown diffs list them: the CI
    formats say them in the same words."""
    return [("added", name, f"{name} is new in this run") for name in comparison.added] + [
        ("removed", name, f"{name} is not in this run: its verdicts are not compared")
        for name in comparison.removed
    ]


def unread_message(path: str, comparison: Comparison) -> str:
    """What the CI formats say of a document this run could not read, and why where the run
    said (the error names the document first, as check's does)."""
    from alignck.checkout import checkout_path
    from alignck.renderers._common import shown_path

    said = comparison.unread_why.get(path, "")
    why = f" ({said.removeprefix(path + ': ')})" if said else ""
    return f"{shown_path(checkout_path(path))}: could not be read{why}; not compared (exit 2)"


def evidence(change: Change, limit: int) -> str:
    """The new verdict's best quote with its place ('closest:' for a gap), at most ``limit``
    characters of quote."""
    from alignck.renderers._common import where

    new = change.new
    if new.quote is None:
        # An empty cell read as a missing value; check says this of such a gap too.
        return "no passage that can be quoted is close to it" if new.status == "gap" else ""
    text = " ".join(new.quote.split())
    text = clipped(text, limit)
    closest = "closest: " if new.status == "gap" else ""
    place = f" ({where(new.location)})" if new.location else ""
    return f"{closest}“{text}”{place}"


def regrounded_row(item: Regrounded, limit: int) -> tuple[str, str, str, str, str]:
    """(document, priority, verdict, the passage it rested on, what it quotes now), as the
    terminal and Markdown diffs list a verdict that stands on other grounds."""
    from alignck.renderers._common import where

    def quoted(text: str) -> str:
        return f"“{clipped(' '.join(text.split()), limit)}”"

    place = f" ({where(item.new.location)})" if item.new.location else ""
    return (
        item.document,
        f"{item.title} [{item.priority_id}]",
        item.status,
        quoted(item.was_quoted),
        quoted(item.new.quote or "") + place,
    )


def regrounded_message(item: Regrounded) -> str:
    """One sentence for a CI log: the verdict stands, on another passage."""
    from alignck.renderers._common import shown_path

    document, _, status, was_quoted, now_quoted = regrounded_row(item, 200)
    return (
        f"{shown_path(document)}: '{item.title}' [{item.priority_id}] is still {status}, "
        f"but no longer quotes {was_quoted}; it quotes {now_quoted}. Check that the new "
        "passage addresses it."
    )


def message(change: Change) -> str:
    """One sentence for the CI formats: what moved, from what, with the new evidence."""
    from alignck.renderers._common import shown_path

    found = evidence(change, 200)
    return (
        f"{shown_path(change.document)}: '{change.title}' [{change.priority_id}] "
        f"{said_kind(change)}: "
        f"{was(change)} → {now(change)}." + (f" Evidence now: {found}." if found else "")
    )


def now(change: Change) -> str:
    """The new verdict with the marks every report gives it: 'gap (reviewed) (waived)'; a
    waived new gap in a CI log must not read as one that fails."""
    new = change.new
    return (
        new.status + (" (reviewed)" if new.reviewed else "") + (" (waived)" if new.waived else "")
    )
