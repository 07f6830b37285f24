"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, GitLab).

One rule per kind of finding (ACK001 gap, ACK002 partial, ACK003 outside the framework, ACK004
unreadable document, ACK005 system coverage below --fail-under);
one result per finding, on its document, with the evidence in the message and the priority,
score and verdict in ``properties``. Levels follow :mod:`alignck.renderers._findings`.
Waived verdicts are results with an external suppression carrying the waiver's reason, so
dashboards show them as accepted. ``partialFingerprints`` (alignck's key, and GitHub's
``primaryLocationLineHash``) keeps a finding the same alert from run to run, wherever in the
document its evidence moves. A partial verdict or a stated priority outside the framework
sits on the line its quote starts on in a text or Markdown file
(:mod:`alignck.renderers._lines`); anything else, and every finding on a PDF or Word file,
on line 1; coverage below --fail-under sits on the framework file, or with a built-in
framework (no file) is a tool notification.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from alignck import __version__
from alignck.checkout import (
    checkout_path,
    framework_checkout_path,
    is_builtin,
    under_checkout,
)
from alignck.escape import one_line, shown_text
from alignck.model import Report
from alignck.policy import coverage_failure
from alignck.renderers import RenderOptions
from alignck.renderers._common import (
    document_problems,
    is_note,
    provenance,
    review_warnings,
    source_from_checkout,
    system_share,
    waiver_warnings,
    warning_from_checkout,
)
from alignck.renderers._findings import RULES, Finding, findings
from alignck.renderers._lines import line_of

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Opaque, stable ids (the SARIF spec asks that id and name differ), with readable names.
RULE_IDS = {
    "gap": ("ACK001", "PriorityNotAddressed"),
    "partial": ("ACK002", "PriorityPartlyAddressed"),
    "outside-framework": ("ACK003", "StatedPriorityOutsideFramework"),
    "unreadable-document": ("ACK004", "UnreadableDocument"),
    "coverage": ("ACK005", "CoverageBelowThreshold"),
}
DEFAULT_LEVELS = {
    "gap": "warning",
    "partial": "note",
    "outside-framework": "note",
    "unreadable-document": "error",
    "coverage": "error",
}


def uri(path: str) -> str:
    """Relative to the checkout where possible (what code scanning expects: forward slashes,
    escaped); an absolute path outside it is a file:// URI."""
    shown = checkout_path(path)
    if PurePath(shown).is_absolute():
        return "file://" + quote(shown, errors="surrogateescape")
    return quote(shown, errors="surrogateescape")


# The checkout's root, as GitHub's and other SARIF producers name it: a relative URI without
# a base is valid JSON but not valid SARIF, which says where such a URI is relative to.
SOURCE_ROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, str]:
    """A file's ``artifactLocation``: its URI (:func:`uri`), relative to the checkout's root
    where it lies under the checkout."""
    if not under_checkout(path):
        # Relative to the checkout's root, '../x/plan.md', or 'plan.md' named from a working
        # folder outside the workspace, would name another file: in full, as a file:// URI.
        whole = os.path.normpath(Path.cwd() / path)
        return {"uri": "file://" + quote(Path(whole).as_posix(), errors="surrogateescape")}
    return {"uri": uri(path), "uriBaseId": SOURCE_ROOT}


def fingerprints(key: str, value: str) -> dict[str, str]:
    """A result's ``partialFingerprints``: alignck's own key, and the same value as the
    ``primaryLocationLineHash`` GitHub's code scanning alone reads. Left to the upload
    action, that hash comes from the text of the result's line: every gap of a document sits
    on line 1, so a document's gaps were one alert, and editing its title line closed them
    all and opened them again."""
    return {key: value, "primaryLocationLineHash": value}


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    """Write the log one result at a time, one result a line: a national run has hundreds of
    thousands of findings, and indented JSON is encoded in pure Python, several times slower
    than the C encoder compact JSON gets."""
    log = _legal(sarif_log(report, with_results=False))
    head = json.dumps(log, indent=2, ensure_ascii=False)
    marker = '\n      "results": []'
    split = head.index(marker)
    out.write(head[:split] + '\n      "results": [')
    written = 0
    for result in results(report):
        text = json.dumps(_legal(result), ensure_ascii=False)
        out.write(("," if written else "") + "\n        " + text)
        written += 1
    out.write("\n      ]" if written else "]")
    out.write(head[split + len(marker) :] + "\n")


# GitHub's code scanning refuses an upload whose run holds more results than this.
GITHUB_MAX_RESULTS = 25_000


def over_github_limit(report: Report) -> int | None:
    """How many results the report's SARIF run holds, when GitHub would refuse the upload."""
    count = sum(1 for f in findings(report) if _file_of(f, report) is not None)
    return count if count > GITHUB_MAX_RESULTS else None


def results(report: Report) -> Iterator[dict[str, Any]]:
    rule_ids = list(RULES)
    for finding in findings(report):
        path = _file_of(finding, report)
        if path is not None:
            partner = report.partner(finding.path) if finding.path is not None else None
            yield _result(finding, rule_ids.index(finding.rule), path, partner)


def _file_of(finding: Finding, report: Report) -> str | None:
    """The file a finding sits on: its document, or for the run's own findings (coverage
    below --fail-under) the framework file; None where there is no such file."""
    return finding.path if finding.path is not None else _framework_file(report)


def _framework_file(report: Report) -> str | None:
    """The framework's file; None for a built-in framework, which is no file of the checkout
    ('builtin%3Aics-core-purposes' named one that does not exist). GitHub's code scanning
    refuses a whole upload holding a result without a location, so the run's own findings
    are then tool notifications (:func:`_unplaced`)."""
    path = report.framework.path
    return None if not path or is_builtin(path) else path


def _notification(line: str) -> dict[str, Any]:
    """A warning line as a notification; one about a place in a file of the checkout (a
    waiver's, a review's) names the file as results do and carries its location."""
    shown, file, number = warning_from_checkout(line)
    notification: dict[str, Any] = {
        "level": "error" if line.startswith("error") else "note" if is_note(line) else "warning",
        "message": {"text": one_line(shown)},
    }
    placed = checkout_path(file) if file else ""
    if number and placed and not placed.startswith("../") and not PurePath(placed).is_absolute():
        location = {
            "artifactLocation": artifact_location(file),
            "region": {"startLine": int(number)},
        }
        notification["locations"] = [{"physicalLocation": location}]
    return notification


def _unplaced(report: Report) -> list[dict[str, Any]]:
    """The run's own findings where no file carries them, as notifications of their rule."""
    below = coverage_failure(report)
    if below is None or _framework_file(report) is not None:
        return []
    rule = {"id": RULE_IDS["coverage"][0], "index": list(RULES).index("coverage")}
    return [{"level": "error", "message": {"text": below}, "associatedRule": rule}]


def sarif_log(report: Report, with_results: bool = True) -> dict[str, Any]:
    rule_ids = list(RULES)
    rules = [
        {
            "id": RULE_IDS[rule][0],
            "name": RULE_IDS[rule][1],
            "shortDescription": {"text": RULES[rule][0]},
            "fullDescription": {"text": RULES[rule][1]},
            "help": {"text": RULES[rule][2]},
            "defaultConfiguration": {"level": DEFAULT_LEVELS[rule]},
        }
        for rule in rule_ids
    ]
    # A message, not a name field: a control character in a file name it holds is shown as an
    # escape ('pl\x1ban.md'), as on standard error, not removed by _legal ('plan.md').
    notifications = [
        _notification(line)
        for line in [
            *document_problems(report),
            *waiver_warnings(report),
            *review_warnings(report),
            *report.policy.baseline_notes,
        ]
    ] + _unplaced(report)
    # Named from the checkout, as the documents are (and the coverage result's location).
    framework_path = framework_checkout_path(report.framework.path)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "alignck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": list(results(report)) if with_results else [],
                "properties": {
                    "framework": report.framework.name,
                    "frameworkPath": framework_path,
                    "systemCoverage": system_share(report),
                    # What produced the verdicts, as every shared report says.
                    "provenance": dict(provenance(report, framework_path)),
                },
            }
        ],
    }


def _result(
    finding: Finding, rule_index: int, path: str, partner: str | None = None
) -> dict[str, Any]:
    place = {
        "artifactLocation": artifact_location(path),
        "region": {"startLine": line_of(finding.path, finding.quote, finding.line) or 1},
    }
    result: dict[str, Any] = {
        "ruleId": RULE_IDS[finding.rule][0],
        "ruleIndex": rule_index,
        "level": finding.level,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": place}],
        "partialFingerprints": fingerprints("alignckFinding/v1", finding.fingerprint),
    }
    properties = {
        key: value
        for key, value in (
            ("priorityId", finding.priority_id),
            ("score", finding.score),
            # The partner --partner names as publishing the document.
            ("partner", one_line(partner) if partner is not None else None),
        )
        if value is not None
    }
    if properties:
        result["properties"] = properties
    if finding.waiver is not None:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{finding.waiver.reason} "
                f"({source_from_checkout(finding.waiver.source)})",
            }
        ]
    return result


def _legal(value: Any) -> Any:
    """Every string without C0 controls (other than tab and line breaks) or lone surrogates:
    JSON escapes them, yet SARIF viewers and the UTF-8 encoder of the output do not cope;
    nor the bidirectional overrides of 'Trojan Source', which make an alert read other
    than it says, as every other format removes them."""
    if isinstance(value, str):
        return shown_text(value)
    if isinstance(value, dict):
        return {key: _legal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_legal(item) for item in value]
    return value
