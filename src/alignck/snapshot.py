"""One run as a comparison sees it: every document's verdicts, from a saved JSON report or a
report just made.

A :class:`Snapshot` keeps what a comparison or a baseline needs (verdicts with their best quote,
coverage, and what made the run: alignck version, framework, matcher, thresholds) and nothing
else. Loading a file that is not an alignck JSON report raises :class:`ReportFileError` saying
why; this module does not compare (see :mod:`alignck.compare`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from alignck.errors import ReportFileError
from alignck.model import Location, Report, Status

_SCHEMA_VERSION = 1
_STATUSES = ("aligned", "partial", "gap")


@dataclass(frozen=True, slots=True)
class Verdict:
    """One document's verdict on one priority, with the quote that best shows it."""

    status: Status
    score: float
    quote: str | None = None
    location: Location | None = None
    waived: bool = False
    reviewed: bool = False


@dataclass(frozen=True, slots=True)
class DocumentRun:
    path: str
    percent: float
    verdicts: dict[str, Verdict]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a comparison needs from one run. ``source`` names it in messages."""

    source: str
    version: str
    framework: str
    priorities: dict[str, str]  # id -> title, in framework order
    matcher: str
    thresholds: tuple[float, float]
    system_percent: float
    documents: tuple[DocumentRun, ...]
    # Documents the run could not read: not 'removed' from it, and not compared.
    unread: tuple[str, ...] = ()
    # Each id a priority of its framework had before -> its id then ('formerly').
    renamed: dict[str, str] = field(default_factory=dict)
    # Where its framework is to be read, when not in ``source`` (a saved report holds its
    # own): the framework file of documents checked now.
    framework_file: str = ""
    # Why each of ``unread`` could not be read, as the run said it.
    unread_why: dict[str, str] = field(default_factory=dict)
    # The framework file's SHA-256 ('' where the report does not say).
    framework_sha256: str = ""

    def with_ids_of(self, later: dict[str, str]) -> Snapshot:
        """This run with its priorities under the ids a later framework gives them (``later``:
        that framework's former id -> id), so that a renamed priority is compared with itself,
        not as one removed and one added."""
        moved = {old: new for old, new in later.items() if old in self.priorities}
        targets = list(moved.values())
        # A priority this run had under its own id, or two that became one (a merge), keep
        # their own verdicts: mapping them would put one's verdicts on the other.
        moved = {
            old: new
            for old, new in moved.items()
            if new not in self.priorities and targets.count(new) == 1
        }
        if not moved:
            return self
        priorities = {moved.get(i, i): title for i, title in self.priorities.items()}
        documents = tuple(
            replace(d, verdicts={moved.get(i, i): v for i, v in d.verdicts.items()})
            for d in self.documents
        )
        return replace(self, priorities=priorities, documents=documents)


def is_saved_report(path: Path) -> bool:
    """Whether a diff input is a saved JSON report rather than a document or folder to check."""
    return path.suffix.lower() == ".json" and not path.is_dir()


def load_snapshot(path: Path) -> Snapshot:
    """A saved JSON report as a snapshot, or :class:`ReportFileError` saying why it is not one."""
    shown = str(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise ReportFileError("report file not found", shown) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ReportFileError(f"cannot read the report: {error}", shown) from None
    except json.JSONDecodeError as error:
        raise ReportFileError(
            f"not a JSON report (invalid JSON: {error.msg})", shown, error.lineno, error.colno
        ) from None
    except RecursionError:
        raise ReportFileError("not an alignck JSON report (nested too deeply)", shown) from None
    except ValueError as error:  # an integer of thousands of digits, say
        raise ReportFileError(f"not an alignck JSON report ({error})", shown) from None
    try:
        return _snapshot_from_json(data, shown)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        why = f"missing key {error}" if isinstance(error, KeyError) else str(error)
        raise ReportFileError(
            f"not an alignck JSON report (as 'alignck check --format json' writes): {why}",
            shown,
        ) from None


def _snapshot_from_json(data: Any, source: str) -> Snapshot:
    if not isinstance(data, dict) or data.get("tool", {}).get("name") != "alignck":
        raise ValueError("no 'tool: alignck'")
    if "changes" in data and "documents" not in data:
        raise ValueError("this is the output of 'alignck diff', not of 'alignck check'")
    if data.get("schema_version") != _SCHEMA_VERSION:
        raise ValueError(f"schema_version {data.get('schema_version')!r}, not {_SCHEMA_VERSION}")
    framework = data["framework"]
    documents = tuple(
        DocumentRun(
            str(d["path"]),
            _percent(d["coverage"]),
            {str(a["priority_id"]): _verdict_from_json(a) for a in d["alignment"]},
        )
        for d in data["documents"]
        if d["status"] == "ok"
    )
    unread = tuple(str(d["path"]) for d in data["documents"] if d["status"] != "ok")
    return Snapshot(
        source,
        str(data["tool"].get("version", "")),
        str(framework["name"]),
        {str(p["id"]): str(p["title"]) for p in framework["priorities"]},
        str(data.get("matcher", "")),
        (float(data["thresholds"]["aligned"]), float(data["thresholds"]["partial"])),
        _percent(data["summary"]["system_coverage"]),
        documents,
        unread,
        {
            str(old): str(p["id"])
            for p in framework["priorities"]
            for old in p.get("formerly") or ()
        },
        unread_why={
            str(d["path"]): str(d["error"])
            for d in data["documents"]
            if d["status"] != "ok" and isinstance(d.get("error"), str)
        },
        framework_sha256=str(framework.get("sha256") or ""),
    )


def _percent(coverage: dict[str, Any]) -> float:
    """Coverage from its counts where the report gives them: the percent it prints is
    rounded, and two rounded figures gave the same change as -8.4 and -8.3."""
    counts = [coverage.get(k) for k in ("aligned", "partial", "gap")]
    whole: list[int] = [c for c in counts if isinstance(c, int) and not isinstance(c, bool)]
    if len(whole) == len(counts) and whole[0] + whole[1] + whole[2] > 0:
        aligned, partial, gap = whole
        return 100.0 * (aligned + 0.5 * partial) / (aligned + partial + gap)
    return float(coverage["percent"])


def _verdict_from_json(alignment: dict[str, Any]) -> Verdict:
    status = alignment["status"]
    if status not in _STATUSES:
        raise ValueError(f"unknown verdict {status!r}")
    shown = alignment["evidence"][0] if alignment["evidence"] else alignment.get("nearest")
    return Verdict(
        status,
        float(alignment["score"]),
        str(shown["text"]) if shown else None,
        Location(shown.get("page"), shown.get("paragraph"), shown.get("section"))
        if shown
        else None,
        alignment.get("waived") is not None,
        alignment.get("review") is not None,
    )


def snapshot_of(report: Report, source: str) -> Snapshot:
    """The snapshot of a report made in this run."""
    from alignck import __version__

    waived = report.analysis.waivers_by_verdict()
    reviewed = {(r.path, r.priority_id) for r in report.analysis.reviewed}
    documents = []
    for result in report.documents:
        if result.status != "ok":
            continue
        verdicts = {}
        for a in result.alignments:
            shown = a.evidence[0] if a.evidence else a.nearest
            key = (result.path, a.priority_id)
            verdicts[a.priority_id] = Verdict(
                a.status,
                a.score,
                shown.text if shown else None,
                shown.location if shown else None,
                key in waived,
                key in reviewed,
            )
        percent = report.analysis.document_coverage[result.path].exact_percent
        documents.append(DocumentRun(result.path, percent, verdicts))
    return Snapshot(
        source,
        __version__,
        report.framework.name,
        {p.id: p.title for p in report.framework.priorities},
        report.matcher,
        (report.thresholds.aligned, report.thresholds.partial),
        report.analysis.system_coverage.exact_percent,
        tuple(documents),
        tuple(r.path for r in report.errors),
        report.framework.renamed,
        report.framework.path,
        {r.path: r.error for r in report.errors if r.error},
        report.framework.sha256,
    )
