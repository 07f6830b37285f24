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
from alignck.model import DocumentResult, Statement
from alignck.passages import Passage, build_passages
from alignck.readers import read_document, reader_version

# Called with (path, None) when a file is started (single process only) and (path, result)
# when it is done.
Progress = Callable[[str, "Prepared | DocumentResult | ReadError | None"], None]
# Below this much work, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 3
_PARALLEL_MIN_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Prepared:
    """What matching needs from a document (its blocks are not kept: nothing downstream reads
    them, and leaving them out keeps cache entries small and quick to load)."""

    path: str
    format: str
    pages: int | None
    warnings: tuple[str, ...]
    statements: tuple[Statement, ...]
    passages: tuple[Passage, ...]


def prepare(path: Path) -> Prepared | ReadError:
    try:
        document = read_document(path)
    except ReadError as error:
        return error
    statements = extract(document)
    passages = tuple(build_passages(document, statements))
    return Prepared(
        document.path,
        document.format,
        document.pages,
        document.warnings,
        tuple(statements),
        passages,
    )


def document_key(path: Path) -> str | ReadError:
    """The cache key of a file's prepared form: its bytes, reader and the preparing code."""
    from alignck import cache

    try:
        return cache.key_for(path.read_bytes(), _reader_tag(path))
    except ReadError as error:
        return error
    except OSError as error:
        return ReadError(f"cannot read file: {error}", str(path))


def _reader_tag(path: Path) -> str:
    engine = os.environ.get("ALIGNCK_PDF_ENGINE", "pdfium")
    return f"{reader_version(path)}:{engine}"


def _at_path(prepared: Prepared, path: Path) -> Prepared:
    """The same bytes may sit at another path: report the path the user gave."""
    if prepared.path == str(path):
        return prepared
    return dataclasses.replace(prepared, path=str(path))


def prepare_all(
    paths: Sequence[Path],
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    known_keys: Sequence[str | None] | None = None,
) -> list[Prepared | ReadError]:
    """Prepare every path, in order. Cached documents are loaded here; only the rest are read,
    in worker processes when there is enough of them to be worth it. ``known_keys`` saves
    hashing files whose cache keys the caller already has."""
    results: dict[int, Prepared | ReadError] = {}
    keys: dict[int, str] = {}
    if use_cache:
        from alignck import cache

        for index, path in enumerate(paths):
            known = known_keys[index] if known_keys else None
            key = known or document_key(path)
            if isinstance(key, ReadError):
                results[index] = key
                continue
            found = cache.load(key)
            if isinstance(found, Prepared):
                results[index] = _at_path(found, path)
                if progress:
                    progress(str(path), results[index])
            else:
                keys[index] = key
    todo = [i for i in range(len(paths)) if i not in results]
    todo_paths = [paths[i] for i in todo]
    if jobs > 1 and _worth_parallel(todo_paths):
        prepared = _in_processes(todo_paths, jobs, progress)
    else:
        prepared = [_prepare_reporting(path, progress) for path in todo_paths]
    for index, item in zip(todo, prepared, strict=True):
        results[index] = item
        if use_cache and index in keys and isinstance(item, Prepared):
            from alignck import cache

            cache.store(keys[index], item)
    return [results[i] for i in range(len(paths))]


def _prepare_reporting(path: Path, progress: Progress | None) -> Prepared | ReadError:
    if progress:
        progress(str(path), None)
    item = prepare(path)
    if progress:
        progress(str(path), item)
    return item


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
    paths: Sequence[Path], jobs: int, progress: Progress | None
) -> list[Prepared | ReadError]:
    from concurrent.futures import ProcessPoolExecutor

    results: list[Prepared | ReadError] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        for path, item in zip(paths, pool.map(prepare, paths, chunksize=1), strict=True):
            results.append(item)
            if progress:
                progress(str(path), item)
    return results
