"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per
finding, which GitHub shows as annotations on the run and on the files in a pull request.

Levels follow :mod:`alignck.renderers._findings`: a verdict that fails the run is an error.
Waived verdicts are left out (they are accepted). GitHub shows at most ten annotations of
each level per step, so the one-line summary, unattached to a file, comes first, where it is
always shown, and coverage below --fail-under right after it. A partial verdict or a stated
priority outside the framework sits on the line its quote starts on in a text or Markdown
file, sought in its own paragraph (:mod:`alignck.renderers._lines`); other annotations sit
on the file.
"""

from __future__ import annotations

from typing import TextIO

from alignck.checkout import checkout_path, framework_checkout_path
from alignck.escape import workflow_data as _data
from alignck.escape import workflow_path as _path
from alignck.escape import workflow_property as _property
from alignck.model import Report
from alignck.renderers import RenderOptions
from alignck.renderers._common import (
    is_note,
    review_warnings,
    system_counts,
    system_percent,
    waiver_warnings,
)
from alignck.renderers._findings import findings
from alignck.renderers._lines import line_of
from alignck.yamlnodes import source_place

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    summary = (
        f"{report.framework.name} ({framework_checkout_path(report.framework.path)}): "
        "system coverage "
        f"{system_percent(report)} "
        f"({system_counts(report)})"
    )
    out.write(f"::notice title=alignck::{_data(summary)}\n")
    for warning in waiver_warnings(report):
        out.write(warning_command(warning, "alignck waivers"))
    for warning in review_warnings(report):
        out.write(warning_command(warning, "alignck reviews"))
    for note in report.policy.baseline_notes:
        out.write(warning_command(note, "alignck baseline"))
    for result in report.documents:
        # What reading it noticed (no text found, the same text as another document), on the
        # file: an empty draft was otherwise only its gaps, annotated as any document's.
        shown = _path(checkout_path(result.path))
        for said in result.warnings:
            out.write(f"::warning file={shown},title=alignck document::{_data(said)}\n")
    found = list(findings(report))
    # The run's own findings (coverage below --fail-under) before any file's: past ten
    # errors GitHub shows no more, and the reason a run failed must be among those shown.
    for finding in [f for f in found if f.path is None] + [f for f in found if f.path]:
        if finding.waiver is not None:
            continue
        properties = []
        if finding.path is not None:
            properties.append(f"file={_path(checkout_path(finding.path))}")
            line = line_of(finding.path, finding.quote, finding.line)
            if line is not None:
                properties.append(f"line={line}")
        properties.append(f"title={_property('alignck ' + finding.title)}")
        command = _COMMANDS[finding.level]
        out.write(f"::{command} {','.join(properties)}::{_data(finding.message)}\n")


def warning_command(warning: str, title: str) -> str:
    """A 'FILE:LINE:COL: warning: ...' line as a ``::warning`` on that file's line (a 'note:'
    as a ``::notice``): a lapsed waiver is why a check turned red, and the pull request shows
    it there."""
    command, kind = ("notice", ": note: ") if is_note(warning) else ("warning", ": warning: ")
    source, _, said = warning.partition(kind)
    if not said:
        return f"::warning title={_property(title)}::{_data(warning)}\n"
    # 'alignck: warning: ...' is the tool's own, on no file.
    file, number = source_place(source) if source != "alignck" else ("", None)
    placed = checkout_path(file) if file else ""
    if placed.startswith("../"):
        # Above the checkout (a baseline kept beside it): GitHub places it on no file, so
        # the line keeps its file's name ('../main.json: ... waived there').
        return f"::{command} title={_property(title)}::{_data(source + ': ' + said)}\n"
    where = f"file={_path(placed)}," if placed else ""
    where += f"line={number}," if number else ""
    return f"::{command} {where}title={_property(title)}::{_data(said)}\n"
