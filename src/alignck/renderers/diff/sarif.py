"""SARIF 2.1.0 for a comparison: one result per moved verdict on its document. Regressions
(by --fail-on) are errors; other moves are notes, so a dashboard shows what got better too."""

from __future__ import annotations

import json
from typing import Any, TextIO

from alignck import __version__
from alignck.compare import Change, Comparison
from alignck.renderers.diff import DiffOptions, kind, message
from alignck.renderers.sarif import uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "new gap": ("ACK101", "NewGap", "A framework priority the document addressed is now a gap."),
    "worse": ("ACK102", "VerdictWorse", "A verdict moved down (aligned to partial)."),
    "closed gap": ("ACK103", "GapClosed", "A gap in the old run is addressed now."),
    "better": ("ACK104", "VerdictBetter", "A verdict moved up (partial to aligned)."),
}


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    rules = [
        {"id": rule_id, "name": name, "shortDescription": {"text": text}}
        for rule_id, name, text in RULES.values()
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
                "results": [_result(c, options) for c in comparison.changes],
            }
        ],
    }
    json.dump(log, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _result(change: Change, options: DiffOptions) -> dict[str, Any]:
    label = kind(change)
    rule_id = RULES[label][0]
    return {
        "ruleId": rule_id,
        "ruleIndex": list(RULES).index(label),
        "level": "error" if change.regresses(options.fail_on) else "note",
        "message": {"text": message(change)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(change.path)}}}],
        "partialFingerprints": {"alignck/v1": f"{change.document}\x1f{change.priority_id}"},
        "properties": {
            "priority": change.priority_id,
            "old": change.old,
            "new": change.new.status,
            "score": round(change.new.score, 4),
        },
    }
