"""Prepare documents for matching: read, extract statements, cut into passages.

Everything here depends on the document alone (not on the framework), so the result is what the
cache stores. Work is spread over processes when there is enough of it; results come back in the
order of the input paths whatever the number of workers, so a parallel run produces exactly what
a single-process run does.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from alignck.errors import ReadError
from alignck.extract import extract
from alignck.model import Document, Statement
from alignck.passages import Passage, build_passages
from alignck.readers import read_document, reader_version

# Called with (path, None) when a file is started (single process only) and (path, result)
# when it is done.
Progress = Callable[[str, "Prepared | ReadError | None"], None]
# Below this much work, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 3
_PARALLEL_MIN_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Prepared:
    document: Document
    statements: tuple[Statement, ...]
    passages: tuple[Passage, ...]


def prepare(path: Path) -> Prepared | ReadError:
    try:
        document = read_document(path)
    except ReadError as error:
        return error
    statements = extract(document)
    return Prepared(document, tuple(statements), tuple(build_passages(document, statements)))


def _prepare_cached(path: Path) -> Prepared | ReadError:
    from alignck import cache

    try:
        key = cache.key_for(path.read_bytes(), _reader_tag(path))
    except (OSError, ReadError) as error:
        return (
            error
            if isinstance(error, ReadError)
            else ReadError(f"cannot read file: {error}", str(path))
        )
    found = cache.load(key)
    if isinstance(found, Prepared):
        return _at_path(found, path)
    prepared = prepare(path)
    if isinstance(prepared, Prepared):
        cache.store(key, prepared)
    return prepared


def _reader_tag(path: Path) -> str:
    engine = os.environ.get("ALIGNCK_PDF_ENGINE", "pdfium")
    return f"{reader_version(path)}:{engine}"


def _at_path(prepared: Prepared, path: Path) -> Prepared:
    """The same bytes may sit at another path: report the path the user gave."""
    if prepared.document.path == str(path):
        return prepared
    document = dataclasses.replace(prepared.document, path=str(path))
    return dataclasses.replace(prepared, document=document)


def prepare_all(
    paths: Sequence[Path], jobs: int = 1, use_cache: bool = True, progress: Progress | None = None
) -> list[Prepared | ReadError]:
    work = _prepare_cached if use_cache else prepare
    if jobs > 1 and _worth_parallel(paths):
        return _in_processes(work, paths, jobs, progress)
    results = []
    for path in paths:
        if progress:
            progress(str(path), None)
        item = work(path)
        results.append(item)
        if progress:
            progress(str(path), item)
    return results


def _worth_parallel(paths: Sequence[Path]) -> bool:
    if len(paths) < _PARALLEL_MIN_FILES:
        return False
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:
            continue
    return size >= _PARALLEL_MIN_BYTES


def _in_processes(
    work: Callable[[Path], Prepared | ReadError],
    paths: Sequence[Path],
    jobs: int,
    progress: Progress | None,
) -> list[Prepared | ReadError]:
    from concurrent.futures import ProcessPoolExecutor

    results: list[Prepared | ReadError] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        for path, item in zip(paths, pool.map(work, paths, chunksize=1), strict=True):
            results.append(item)
            if progress:
                progress(str(path), item)
    return results
