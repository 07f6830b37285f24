"""SARIF 2.1.0 for a comparison: one result per moved verdict on its document. Regressions
(by --fail-on) are errors; other moves are notes, so a dashboard shows what got better too."""

from __future__ import annotations

import json
from typing import Any, TextIO

from alignck import __version__
from alignck.checkout import checkout_path, shared_path
from alignck.compare import Change, Comparison
from alignck.escape import one_line
from alignck.renderers._findings import stable_hash
from alignck.renderers.diff import DiffOptions, documents_in_and_out, kind, message, unread_message
from alignck.renderers.sarif import artifact_location, fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "new gap": ("ACK101", "NewGap", "A framework priority the document addressed is now a gap."),
    "worse": ("ACK102", "VerdictWorse", "A verdict moved down (aligned to partial)."),
    "closed gap": ("ACK103", "GapClosed", "A gap in the old run is addressed now."),
    "better": ("ACK104", "VerdictBetter", "A verdict moved up (partial to aligned)."),
    "unreadable": ("ACK105", "UnreadableDocument", "A document this run could not read."),
    "new partial": (
        "ACK106",
        "NewPartial",
        "A document or priority the old run did not have is partly addressed, not aligned.",
    ),
}


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    rules = [
        {
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": text},
            "fullDescription": {"text": text},
            "defaultConfiguration": {
                "level": "error" if label == "unreadable" or _can_fail(label, options) else "note"
            },
        }
        for label, (rule_id, name, text) in RULES.items()
    ]
    log = {
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
                "results": [_result(c, options) for c in comparison.changes]
                + [_unread_result(path, comparison) for path in comparison.unread],
                # As check's SARIF: a run that could not read a document did not succeed.
                "invocations": [
                    {
                        "executionSuccessful": not comparison.unread,
                        "toolExecutionNotifications": [
                            {"level": "warning", "message": {"text": one_line(warning)}}
                            for warning in comparison.warnings
                        ]
                        + [
                            {"level": "note", "message": {"text": one_line(said)}}
                            for _, _, said in documents_in_and_out(comparison)
                        ],
                    }
                ],
                # What was compared, as check's SARIF says what produced it.
                "properties": {
                    "framework": comparison.framework,
                    "oldRun": shared_path(comparison.old_source),
                    "newRun": shared_path(comparison.new_source),
                    "systemCoverage": {
                        "old": comparison.system.old,
                        "new": comparison.system.new,
                    },
                },
            }
        ],
    }
    json.dump(log, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _result(change: Change, options: DiffOptions) -> dict[str, Any]:
    label = kind(change)
    rule_id = RULES[label][0]
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": list(RULES).index(label),
        "level": "error" if change.regresses(options.fail_on) else "note",
        "message": {"text": message(change)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(change.path)}}],
        "partialFingerprints": fingerprints("alignckChange/v1", _fingerprint(change, rule_id)),
        "properties": {
            "priority": change.priority_id,
            "old": change.old,
            "new": change.new.status,
            "score": round(change.new.score, 4),
        },
    }
    if change.new.waived:
        # As check's SARIF: an accepted gap is suppressed, so code scanning shows it as such.
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": "waived"}
        ]
    return result


def _unread_result(path: str, comparison: Comparison) -> dict[str, Any]:
    rule_id = RULES["unreadable"][0]
    return {
        "ruleId": rule_id,
        "ruleIndex": list(RULES).index("unreadable"),
        "level": "error",
        "message": {"text": unread_message(path, comparison)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
        "partialFingerprints": fingerprints(
            "alignckChange/v1", stable_hash(rule_id, checkout_path(path))
        ),
    }


def _can_fail(label: str, options: DiffOptions) -> bool:
    return label == "new gap" or (label in ("worse", "new partial") and options.fail_on == "worse")


def _fingerprint(change: Change, rule_id: str) -> str:
    """Stable for the same document, rule and priority, the document named as CI systems
    place it: hashed, as check's are (a file name is no fingerprint)."""
    return stable_hash(rule_id, checkout_path(change.path), change.priority_id)
