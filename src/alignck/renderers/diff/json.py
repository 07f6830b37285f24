"""The comparison as JSON (schema_version 1), for scripts and for archiving with a release."""

from __future__ import annotations

import json
from typing import Any, TextIO

from alignck import __version__
from alignck.checkout import checkout_path
from alignck.compare import Change, Comparison, CoverageChange
from alignck.renderers._common import where
from alignck.renderers.diff import DiffOptions, kind

SCHEMA_VERSION = 1


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    json.dump(comparison_to_dict(comparison, options), out, indent=2, ensure_ascii=False)
    out.write("\n")


def comparison_to_dict(comparison: Comparison, options: DiffOptions) -> dict[str, Any]:
    regressions = comparison.regressions(options.fail_on)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "alignck", "version": __version__},
        "old": comparison.old_source,
        "new": comparison.new_source,
        "framework": comparison.framework,
        "fail_on": options.fail_on,
        "regression": bool(regressions),
        "changes": [_change(c, c in regressions) for c in comparison.changes],
        "new_gaps": len(comparison.new_gaps),
        "closed_gaps": len(comparison.closed_gaps),
        "added_documents": list(comparison.added),
        "removed_documents": list(comparison.removed),
        "coverage": {
            "system": _coverage(comparison.system),
            "documents": [_coverage(c) for c in comparison.coverage],
        },
        "warnings": list(comparison.warnings),
        "unread_documents": [checkout_path(path) for path in comparison.unread],
    }


def _change(change: Change, regression: bool) -> dict[str, Any]:
    new = change.new
    return {
        "document": change.document,
        "priority_id": change.priority_id,
        "title": change.title,
        "change": kind(change),
        "old": change.old,
        "old_reviewed": change.old_reviewed,
        "old_waived": change.old_waived,
        "new_priority": change.new_priority,
        "new": new.status,
        "score": new.score,
        "regression": regression,
        "waived": new.waived,
        "reviewed": new.reviewed,
        "evidence": (
            {"text": new.quote, "where": where(new.location) if new.location else ""}
            if new.quote is not None
            else None
        ),
    }


def _coverage(coverage: CoverageChange) -> dict[str, Any]:
    return {
        "document": coverage.document,
        "old": coverage.old,
        "new": coverage.new,
        "delta": None if coverage.delta is None else round(coverage.delta, 1),
    }
