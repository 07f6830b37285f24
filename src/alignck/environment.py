"""The process environment left as alignck found it.

Libraries alignck loads set variables of their own as they load: threadpoolctl sets
``KMP_DUPLICATE_LIB_OK`` (which turns off Intel OpenMP's check for a second runtime), and
alignck itself sets ``ORT_DISABLE_TELEMETRY`` for onnxruntime. A script or notebook that calls
:func:`alignck.check` keeps its environment for whatever it loads next: each variable is
restored once the library that reads it has loaded.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def kept(*names: str) -> Iterator[None]:
    """Run the body, then give ``names`` the values (or the absence) they had before it."""
    before = {name: os.environ.get(name) for name in names}
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
