"""Cache of prepared documents and of their results, keyed by content hash.

Two kinds of entry share the folder. A prepared document (read, extracted, cut into passages)
is keyed by the SHA-256 of the file's bytes, the reader and engine, alignck's version and a hash
of the code that prepares documents. A document's result against a framework adds the
framework's priorities and thresholds and a hash of all of alignck's code, so a re-run on
unchanged files against an unchanged framework does no reading and no matching at all, while
any change to the file, the framework, the thresholds or the code is a miss. Entries are
written to a temporary file and renamed into place, so concurrent runs never see half an entry;
an entry that cannot be loaded is deleted and the document read again. The whole folder is safe
to delete at any time. ``ALIGNCK_CACHE_DIR`` moves it (tests use this).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from alignck import __version__

_FORMAT = 1
_PREPARING_MODULES = (
    "readers/*.py",
    "extract.py",
    "language.py",
    "spelling.py",
    "passages.py",
    "model.py",
    "reading.py",
)
_ALL_MODULES = ("**/*.py",)


def cache_dir() -> Path:
    configured = os.environ.get("ALIGNCK_CACHE_DIR")
    if configured:
        return Path(configured)
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


def exists(key: str) -> bool:
    return bool(key) and _entry(key).is_file()


def load(key: str) -> Any | None:
    """The entry, or None when there is none or it cannot be loaded (then it is removed)."""
    path = _entry(key)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:
        path.unlink(missing_ok=True)
        return None


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
        pass  # a read-only or full disk only costs speed, never the check


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
