"""The comparison as JSON (schema_version 1), for scripts and for archiving with a release."""

from __future__ import annotations

import json
from typing import Any, TextIO

from alignck import __version__
from alignck.analyse import rounded_share
from alignck.checkout import checkout_path
from alignck.compare import Change, Comparison, CoverageChange, Regrounded
from alignck.model import Location
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
        "regrounded": [_regrounded(r) for r in comparison.regrounded],
    }


def _regrounded(item: Regrounded) -> dict[str, Any]:
    new = item.new
    return {
        "document": item.document,
        "path": item.path,
        "priority_id": item.priority_id,
        "title": item.title,
        "status": item.status,
        "score": new.score,
        "was_quoted": item.was_quoted,
        "evidence": _evidence(new.quote, new.location) if new.quote is not None else None,
    }


def _change(change: Change, regression: bool) -> dict[str, Any]:
    new = change.new
    return {
        "document": change.document,
        "path": change.path,
        "priority_id": change.priority_id,
        "title": change.title,
        "change": kind(change),
        "old": change.old,
        "old_reviewed": change.old_reviewed,
        "old_waived": change.old_waived,
        "waiver_lapsed": change.only_waiver_went,
        "new_priority": change.new_priority,
        "new": new.status,
        "score": new.score,
        "regression": regression,
        "waived": new.waived,
        "reviewed": new.reviewed,
        "evidence": _evidence(new.quote, new.location) if new.quote is not None else None,
    }


def _evidence(quote: str, location: Location | None) -> dict[str, Any]:
    # 'where' as the other formats print it; the parts as check's JSON gives them.
    return {
        "text": quote,
        "where": where(location) if location else "",
        "page": location.page if location else None,
        "paragraph": location.paragraph if location else None,
        "section": location.section if location else None,
    }


def _coverage(coverage: CoverageChange) -> dict[str, Any]:
    # Shares to a tenth of a point as check's JSON gives them; the change from the exact ones.
    return {
        "document": coverage.document,
        "path": coverage.path,
        "old": None if coverage.old is None else rounded_share(coverage.old),
        "new": None if coverage.new is None else rounded_share(coverage.new),
        "delta": None if coverage.delta is None else round(coverage.delta, 1),
        "unread": coverage.unread,
    }
