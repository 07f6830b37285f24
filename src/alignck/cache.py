"""Cache of prepared documents and of their results, keyed by content hash.

Two kinds of entry share the folder. A prepared document (read, extracted, cut into passages)
is keyed by the SHA-256 of the file's bytes, the reader and engine, alignck's version and a hash
of the code that prepares documents. A document's result against a framework adds the
framework's priorities and thresholds and a hash of all of alignck's code, so a re-run on
unchanged files against an unchanged framework does no reading and no matching at all, while
any change to the file, the framework, the thresholds or the code is a miss. Entries are
written to a temporary file and renamed into place, so concurrent runs never see half an entry;
an entry that cannot be loaded is deleted and the document read again. The whole folder is safe
to delete at any time. :func:`configure` moves it (the command line does so from
``ALIGNCK_CACHE_DIR``; tests use this).

Entries a code change or an edited file has made unreachable would otherwise pile up for ever,
so after a run that wrote entries the folder is trimmed to the configured size (the command
line's ``ALIGNCK_CACHE_MAX_MB``, default 1024 MiB), least recently used first: loading an entry
marks it used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from alignck import __version__
from alignck.errors import UsageError

_FORMAT = 1
DEFAULT_MAX_MB = 1024
# Trim to this share of the limit, so the next runs do not each have to trim again.
_TRIM_TO = 0.8
# A temporary file this old belongs to a run that died mid-write.
_STALE_TEMP_SECONDS = 3600
_writes = 0
_PREPARING_MODULES = (
    "readers/*.py",
    "extract/*.py",
    "language.py",
    "spelling.py",
    "passages.py",
    "model.py",
    "reading.py",
    "themes.py",
    "senses.py",
)
_ALL_MODULES = ("**/*.py",)
_directory: Path | None = None
_max_mb = DEFAULT_MAX_MB


def configure(directory: Path | None = None, max_mb: int = DEFAULT_MAX_MB) -> None:
    """Where the cache lives (None: the platform's user cache folder) and the size in MiB it
    is trimmed to."""
    global _directory, _max_mb
    if max_mb < 0:
        raise UsageError(f"the cache size must be a whole number of megabytes, not {max_mb}")
    _directory, _max_mb = directory, max_mb


def parse_max_mb(text: str, name: str) -> int:
    """A cache size given as text (an environment variable), or a one-line UsageError."""
    try:
        megabytes = int(text.strip())
    except ValueError:
        megabytes = -1
    if megabytes < 0:
        raise UsageError(f"{name} must be a whole number of megabytes, not {text!r}")
    return megabytes


def cache_dir() -> Path:
    if _directory is not None:
        return _directory
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("alignck", appauthor=False)) / "documents"


def key_for(data: bytes, reader: str) -> str:
    """The key of a prepared document."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{reader}\0{__version__}\0{_FORMAT}\0{code_fingerprint()}".encode())
    return digest.hexdigest()


def result_key(document_key: str, matching: str) -> str:
    """The key of a document's result; ``matching`` names the framework and thresholds."""
    text = f"{document_key}\0{matching}\0{code_fingerprint(_ALL_MODULES)}"
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=4)
def code_fingerprint(modules: tuple[str, ...] = _PREPARING_MODULES) -> str:
    """A hash of alignck's code, so no change to it can meet a stale entry."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in modules:
        for path in sorted(package.glob(name)):
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _entry(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key}.pickle"


def max_bytes() -> int:
    """The size the folder is trimmed to."""
    return _max_mb * 1024 * 1024


def writes() -> int:
    """How many entries this process has written (a run compares before and after)."""
    return _writes


def exists(key: str) -> bool:
    return bool(key) and _entry(key).is_file()


def load(key: str) -> Any | None:
    """The entry, or None when there is none or it cannot be loaded (then it is removed)."""
    path = _entry(key)
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:
        path.unlink(missing_ok=True)
        return None
    _mark_used(path)
    return value


def _mark_used(path: Path) -> None:
    # A read-only cache still answers; it just cannot record what was used.
    with contextlib.suppress(OSError):
        os.utime(path)


def store(key: str, value: Any) -> None:
    path = _entry(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(handle.name).replace(path)
    except OSError:
        return  # a read-only or full disk only costs speed, never the check
    global _writes
    _writes += 1


def prune(limit: int) -> int:
    """Delete the least recently used entries until the folder is well under ``limit`` bytes,
    and temporary files left by runs that died mid-write; return how many entries went."""
    folder = cache_dir()
    if not folder.is_dir():
        return 0
    now = time.time()
    entries: list[tuple[float, int, Path]] = []
    for path in folder.rglob("*"):
        try:
            stat = path.stat()
        except OSError:
            continue  # removed by a concurrent run
        if path.suffix == ".pickle":
            entries.append((stat.st_mtime, stat.st_size, path))
        elif path.suffix == ".tmp" and now - stat.st_mtime > _STALE_TEMP_SECONDS:
            path.unlink(missing_ok=True)
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return 0
    removed = 0
    for _, size, path in sorted(entries, key=lambda e: (e[0], str(e[2]))):
        if total <= limit * _TRIM_TO:
            break
        path.unlink(missing_ok=True)
        total -= size
        removed += 1
    return removed


def clear() -> tuple[int, Path]:
    folder = cache_dir()
    removed = 0
    if folder.is_dir():
        for entry in folder.rglob("*"):
            if entry.is_file():
                entry.unlink(missing_ok=True)
                removed += entry.suffix == ".pickle"
        for sub in sorted(folder.rglob("*"), reverse=True):
            if sub.is_dir():
                sub.rmdir()
    return removed, folder


def info() -> tuple[Path, int, int]:
    folder = cache_dir()
    entries = list(folder.rglob("*.pickle")) if folder.is_dir() else []
    return folder, len(entries), sum(e.stat().st_size for e in entries)
