"""The library entry point: read → extract → match → analyse, composed in one function.

``check()`` takes paths and a framework and returns a :class:`~alignck.model.Report`; it never
prints, exits or touches the terminal. A document that cannot be read becomes an error result
and every other document is still checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from alignck.analyse import analyse
from alignck.errors import ReadError
from alignck.framework import load_framework
from alignck.match import Matcher
from alignck.model import DocumentResult, Framework, Report, Thresholds
from alignck.readers import discover
from alignck.reading import Prepared, Progress, prepare_all


def resolve_thresholds(
    framework: Framework, aligned: float | None = None, partial: float | None = None
) -> Thresholds:
    """Command-line values win over the framework's, which win over the defaults."""
    base = framework.thresholds or Thresholds()
    return replace(
        base, **{k: v for k, v in (("aligned", aligned), ("partial", partial)) if v is not None}
    )


def check(
    paths: Sequence[str | Path],
    framework: str | Path | Framework,
    *,
    thresholds: Thresholds | None = None,
    jobs: int = 1,
    use_cache: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Check every document under ``paths`` against the framework."""
    loaded = framework if isinstance(framework, Framework) else load_framework(Path(framework))
    chosen = thresholds or resolve_thresholds(loaded)
    found = discover(Path(p) for p in paths)
    prepared = prepare_all(found.files, jobs=jobs, use_cache=use_cache, progress=progress)
    matcher = Matcher(loaded, chosen)
    results = [_check_one(item, matcher) for item in prepared]
    results.extend(
        DocumentResult(s.path, "error", error=f"{s.path}: {s.reason}") for s in found.unsupported
    )
    results.sort(key=lambda r: r.path)
    return Report(loaded, tuple(results), found.skipped, analyse(loaded, results), chosen)


def _check_one(item: Prepared | ReadError, matcher: Matcher) -> DocumentResult:
    if isinstance(item, ReadError):
        return DocumentResult(item.path or "", "error", error=str(item))
    document = item.document
    matched = matcher.match(item.statements, item.passages)
    return DocumentResult(
        document.path,
        "ok",
        format=document.format,
        pages=document.pages,
        statements=matched.statements,
        alignments=matched.alignments,
        warnings=document.warnings,
    )
