"""scipy, imported so that the environment cannot break it.

numpy.f2py, which scipy's import touches, runs ``int(os.environ["SOURCE_DATE_EPOCH"])`` as it
is imported: a value that is not a whole number (an empty one, as CI templates leave it, or
a date) raised ValueError from inside scipy, and every check ended as an internal error. The
variable is hidden while scipy is first imported; the xlsx report, the one format that reads
it, still refuses such a value with one line (:func:`alignck.cli.output.source_date`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from types import ModuleType


def sparse() -> ModuleType:
    with _numpy_importable():
        from scipy import sparse as module
    return module


def optimize() -> ModuleType:
    with _numpy_importable():
        from scipy import optimize as module
    return module


@contextlib.contextmanager
def _numpy_importable() -> Iterator[None]:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or _whole_number(value):
        yield
        return
    del os.environ["SOURCE_DATE_EPOCH"]
    try:
        yield
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = value


def _whole_number(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True
