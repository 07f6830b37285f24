"""Compare two runs: which verdicts moved, which gaps are new or closed, how coverage changed.

A run is a :class:`Snapshot`: the verdicts of every document, taken from a saved JSON report
(``alignck check --format json``) or from a :class:`~alignck.model.Report` just made. Documents
are paired by their path below the run's common folder, then by name without extension, and
two runs of one document each are paired whatever their names (two drafts of one strategy).
Runs against different frameworks cannot be compared; other differences (alignck version,
matcher, thresholds) are warnings, since verdicts may then move for reasons other than the text.
This module decides; it does not print (see :mod:`alignck.renderers.diff`).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from alignck.errors import ReportFileError
from alignck.model import Location, Report, Status

RANK: dict[Status, int] = {"gap": 0, "partial": 1, "aligned": 2}
Regression = Literal["new-gap", "worse"]
REGRESSIONS: tuple[Regression, ...] = ("new-gap", "worse")
_SCHEMA_VERSION = 1


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


@dataclass(frozen=True, slots=True)
class Change:
    """A verdict that moved; ``old`` is None for a document the old run did not have."""

    document: str
    priority_id: str
    title: str
    old: Status | None
    new: Verdict
    path: str = ""  # the document's path in the new run, for the CI formats

    @property
    def is_new_gap(self) -> bool:
        return self.new.status == "gap" and self.old != "gap"

    @property
    def is_closed_gap(self) -> bool:
        return self.old == "gap" and self.new.status != "gap"

    @property
    def is_worse(self) -> bool:
        return RANK[self.new.status] < RANK[self.old or "aligned"]

    def regresses(self, fail_on: Regression) -> bool:
        """Whether this change fails a run held to ``fail_on`` (a waived verdict never does)."""
        if self.new.waived:
            return False
        return self.is_new_gap if fail_on == "new-gap" else self.is_worse


@dataclass(frozen=True, slots=True)
class CoverageChange:
    """Coverage in percent before and after; None where the document was not in that run."""

    document: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True, slots=True)
class Comparison:
    old_source: str
    new_source: str
    framework: str
    changes: tuple[Change, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    coverage: tuple[CoverageChange, ...]
    system: CoverageChange
    warnings: tuple[str, ...] = ()

    @property
    def new_gaps(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.is_new_gap)

    @property
    def closed_gaps(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.is_closed_gap)

    def regressions(self, fail_on: Regression) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.regresses(fail_on))


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
    if data.get("schema_version") != _SCHEMA_VERSION:
        raise ValueError(f"schema_version {data.get('schema_version')!r}, not {_SCHEMA_VERSION}")
    framework = data["framework"]
    documents = tuple(
        DocumentRun(
            str(d["path"]),
            float(d["coverage"]["percent"]),
            {str(a["priority_id"]): _verdict_from_json(a) for a in d["alignment"]},
        )
        for d in data["documents"]
        if d["status"] == "ok"
    )
    return Snapshot(
        source,
        str(data["tool"].get("version", "")),
        str(framework["name"]),
        {str(p["id"]): str(p["title"]) for p in framework["priorities"]},
        str(data.get("matcher", "")),
        (float(data["thresholds"]["aligned"]), float(data["thresholds"]["partial"])),
        float(data["summary"]["system_coverage"]["percent"]),
        documents,
    )


def _verdict_from_json(alignment: dict[str, Any]) -> Verdict:
    status = alignment["status"]
    if status not in RANK:
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
        percent = report.analysis.document_coverage[result.path].percent
        documents.append(DocumentRun(result.path, percent, verdicts))
    return Snapshot(
        source,
        __version__,
        report.framework.name,
        {p.id: p.title for p in report.framework.priorities},
        report.matcher,
        (report.thresholds.aligned, report.thresholds.partial),
        report.analysis.system_coverage.percent,
        tuple(documents),
    )


def comparable(old: Snapshot, new: Snapshot) -> list[str]:
    """Warnings about differences that move verdicts for reasons other than the documents;
    :class:`ReportFileError` when the two runs used different frameworks."""
    require_framework(old, list(new.priorities), new.framework, new.source)
    differences = [
        ("alignck version", old.version, new.version),
        ("framework name", old.framework, new.framework),
        ("matcher", old.matcher, new.matcher),
        ("thresholds", _thresholds(old.thresholds), _thresholds(new.thresholds)),
    ]
    return [
        f"{old.source}: warning: made with {what} {was}, not {now}; verdicts may differ for "
        "that reason, not because the documents changed"
        for what, was, now in differences
        if was != now
    ]


def require_framework(old: Snapshot, ids: list[str], name: str, source: str) -> None:
    """Refuse a run against another framework (its priorities differ): its verdicts are on
    other questions, so no verdict can be said to have moved."""
    if list(old.priorities) != ids:
        raise ReportFileError(
            f"checked against framework '{old.framework}' ({len(old.priorities)} priorities), "
            f"not the '{name}' ({len(ids)} priorities) of {source}: runs against different "
            "frameworks cannot be compared; make a new baseline",
            old.source,
        )


def _thresholds(pair: tuple[float, float]) -> str:
    return f"aligned {pair[0]:g} / partial {pair[1]:g}"


def compare(old: Snapshot, new: Snapshot) -> Comparison:
    """Every moved verdict, in new-run document order then framework order."""
    warnings = comparable(old, new)
    pairs = pair_documents([d.path for d in old.documents], [d.path for d in new.documents])
    old_by_path = {d.path: d for d in old.documents}
    names = document_names([d.path for d in new.documents])
    changes: list[Change] = []
    coverage: list[CoverageChange] = []
    for document in new.documents:
        before = old_by_path.get(pairs.get(document.path, ""))
        name = names[document.path]
        changes.extend(_moved(name, before, document, new.priorities))
        coverage.append(CoverageChange(name, before.percent if before else None, document.percent))
    paired = set(pairs.values())
    removed = tuple(d.path for d in old.documents if d.path not in paired)
    old_names = document_names([d.path for d in old.documents])
    coverage.extend(CoverageChange(old_names[p], old_by_path[p].percent, None) for p in removed)
    return Comparison(
        old.source,
        new.source,
        new.framework,
        tuple(changes),
        tuple(names[d.path] for d in new.documents if d.path not in pairs),
        tuple(old_names[p] for p in removed),
        tuple(coverage),
        CoverageChange("system", old.system_percent, new.system_percent),
        tuple(warnings),
    )


def _moved(
    name: str, before: DocumentRun | None, after: DocumentRun, titles: Mapping[str, str]
) -> Iterable[Change]:
    """The verdicts that moved; a document new in this run brings each verdict below aligned."""
    for priority_id, title in titles.items():
        verdict = after.verdicts.get(priority_id)
        if verdict is None:
            continue
        old = before.verdicts.get(priority_id) if before else None
        old_status = old.status if old else None
        moved = old_status != verdict.status if before else verdict.status != "aligned"
        if moved:
            yield Change(name, priority_id, title, old_status, verdict, after.path)


def pair_documents(old: list[str], new: list[str]) -> dict[str, str]:
    """new path -> the old path it is a later run of."""
    old_keys, new_keys = _relative(old), _relative(new)
    by_key = {key: path for path, key in old_keys.items()}
    pairs = {path: by_key[key] for path, key in new_keys.items() if key in by_key}
    by_stem = {_stem(k): p for p, k in old_keys.items() if p not in pairs.values()}
    for path, key in new_keys.items():
        if path not in pairs and _stem(key) in by_stem:
            pairs[path] = by_stem.pop(_stem(key))
    if len(old) == 1 and len(new) == 1 and not pairs:
        pairs[new[0]] = old[0]
    return pairs


def document_names(paths: list[str]) -> dict[str, str]:
    """How a comparison names each document: its path below the run's common folder."""
    return _relative(paths)


def _relative(paths: list[str]) -> dict[str, str]:
    posix = {p: p.replace("\\", "/") for p in paths}
    if not paths:
        return {}
    folders = [posixpath.dirname(p) for p in posix.values()]
    try:
        common = posixpath.commonpath(folders) if all(folders) else ""
    except ValueError:  # absolute and relative paths mixed
        common = ""
    return {p: posixpath.relpath(q, common) if common else q for p, q in posix.items()}


def _stem(key: str) -> str:
    return posixpath.splitext(key)[0]


def is_saved_report(path: Path) -> bool:
    """Whether a diff input is a saved JSON report rather than a document or folder to check."""
    return path.suffix.lower() == ".json" and not path.is_dir()


def baseline_verdicts(baseline: Snapshot, report: Report) -> dict[tuple[str, str], Status]:
    """(document path in ``report``, priority id) -> the baseline's verdict, for the policy.
    Documents pair as in :func:`compare`; one the baseline did not have has no entries."""
    pairs = pair_documents([d.path for d in baseline.documents], [d.path for d in report.documents])
    by_path = {d.path: d for d in baseline.documents}
    return {
        (path, priority_id): verdict.status
        for path, old_path in pairs.items()
        for priority_id, verdict in by_path[old_path].verdicts.items()
    }
