"""What tells the semantic matcher's model files apart on disk, cheaply: each file's size and
modification time.

A cached result, or a warm run's record, was produced by the model in place when it was kept;
replacing the file at ``ALIGNCK_EMBEDDING_MODEL`` (or in the model's package) must make both a
miss. Hashing the model's 23 MB (or a larger copy) on every warm run would cost more than the
run, and replacing a file in place changes its size or its modification time, so the files are
told apart by ``stat`` alone. The model is checked against its sha256 when it is loaded.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

_TOKENIZER = Path(__file__).resolve().parent / "data" / "minilm-tokenizer.json"


def stamp() -> str:
    """The size and modification time (ns) of the model file the semantic matcher would load and
    of its tokenizer; 'absent' for one that is not there."""
    # One place decides where the model is (ALIGNCK_EMBEDDING_MODEL, else its package).
    from alignck.signals.embedding import model_path

    return repr(tuple(_stat(path) for path in (model_path(), _TOKENIZER)))


@functools.lru_cache(maxsize=1)
def runtime() -> str:
    """The installed copies of the libraries that compute the vectors from the model's files:
    an upgraded onnxruntime or tokenizers can give other numbers from the same files. Told
    apart, like the files, by ``stat`` (each package's folder and its first module): reading
    the packages' versions through importlib.metadata costs more than a warm run."""
    return repr(tuple(_package(name) for name in ("onnxruntime", "tokenizers")))


def _package(name: str) -> tuple[object, ...]:
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return (name, "absent")
    origin = Path(spec.origin)
    return (name, _stat(origin.parent), _stat(origin))


def _stat(path: Path | None) -> tuple[str, int, int] | str:
    if path is None:
        return "absent"
    try:
        status = os.stat(path)  # noqa: PTH116 - one call, no Path object per file
    except OSError:
        return f"absent: {path}"
    return str(path), status.st_size, status.st_mtime_ns
