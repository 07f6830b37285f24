"""GitHub Actions workflow commands for a comparison: the totals first, then an ``::error``
for each regression and a ``::notice`` for every other moved verdict. GitHub shows at most
ten annotations of each level per step, so the totals, a notice, come before the others, as
``check``'s summary does."""

from __future__ import annotations

from typing import TextIO

from alignck.checkout import checkout_path
from alignck.compare import Comparison
from alignck.escape import workflow_data, workflow_path, workflow_property
from alignck.renderers.diff import (
    DiffOptions,
    documents_in_and_out,
    headline,
    message,
    regrounded_message,
    said_kind,
    unread_message,
)
from alignck.renderers.github import warning_command


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    summary = workflow_data(headline(comparison, options.fail_on))
    out.write(f"::notice title=alignck diff::{summary}\n")
    for warning in comparison.warnings:
        out.write(warning_command(warning, "alignck diff"))
    for change in comparison.changes:
        command = "error" if change.regresses(options.fail_on) else "notice"
        title = workflow_property(
            f"alignck {said_kind(change)}: {change.title} [{change.priority_id}]"
        )
        where = workflow_path(checkout_path(change.path))
        out.write(f"::{command} file={where},title={title}::{workflow_data(message(change))}\n")
    for item in comparison.regrounded:
        title = workflow_property(
            f"alignck diff: other passage for {item.title} [{item.priority_id}]"
        )
        where = workflow_path(checkout_path(item.path))
        said = workflow_data(regrounded_message(item))
        out.write(f"::notice file={where},title={title}::{said}\n")
    # The terminal and Markdown diffs list documents added and gone; a CI log said neither.
    for which, _, said in documents_in_and_out(comparison):
        title = workflow_property(f"alignck diff: {which} document")
        out.write(f"::notice title={title}::{workflow_data(said)}\n")
    for path in comparison.unread:
        where = workflow_path(checkout_path(path))
        title = workflow_property("alignck: unreadable document")
        said = workflow_data(unread_message(path, comparison))
        out.write(f"::error file={where},title={title}::{said}\n")
