"""When Python's cycle collector may run, where alignck builds many objects at once.

CPython runs a collection every few hundred new container objects, and a full one, over every
object of the process, each time the survivors grow by a quarter. Encoding or decoding a cache
entry builds one list or dataclass per value, tens of thousands for a long document, every one
alive until the entry is done and none of them in a cycle: the collector walked the whole heap
(the lexicon, the caches of words and sentences, the document) several times per entry to free
nothing. Pausing it there leaves the same objects to one collection afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cycle collection inside the block; the caller's setting restored after it (a caller
    who disabled the collector keeps it disabled)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
