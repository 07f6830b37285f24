"""Which folder and which files are alignck's cache, so that nothing else is ever deleted.

The cache folder can be put anywhere (``ALIGNCK_CACHE_DIR``), so a typo or a careless setting can
point it at a folder of someone's own files. alignck tags a folder it uses with a
``CACHEDIR.TAG`` (the Cache Directory Tagging spec, https://bford.info/cachedir/, which backup
and sync tools also honour) whose second line says alignck wrote it, and gives what it stores
names of one shape: ``ab/<64 hex digits>.json`` for entries and ``ab/tmp*.tmp`` while one is
written (``.pickle`` entries of earlier versions are still recognised, so that clearing and
trimming remove them; they are never loaded). A folder is alignck's when it has that tag, or
holds nothing but such names (an empty one, or a cache from before the tag). This module only
recognises; ``cache`` decides what to keep.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from alignck.errors import CacheError, CacheUnwritable
from alignck.files import NON_BLOCKING

TAG_NAME = "CACHEDIR.TAG"
_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
_OWNER = b"# This file is a cache directory tag created by alignck."
_TAG = (
    _SIGNATURE
    + b"\n"
    + _OWNER
    + b"\n# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
_SHARD = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:json|pickle)")
TEMP_PREFIX, TEMP_SUFFIX = "tmp", ".tmp"
# tempfile's names: the prefix, eight characters of tempfile's alphabet, the suffix.
_TEMP = re.compile(rf"{TEMP_PREFIX}[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")


def entry_path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json"


def is_tagged(folder: Path) -> bool:
    """Whether the folder carries alignck's own CACHEDIR.TAG (another tool's does not count)."""
    try:
        # O_NONBLOCK: a FIFO planted under the tag's name must not hang the check.
        descriptor = os.open(folder / TAG_NAME, os.O_RDONLY | NON_BLOCKING)
    except OSError:
        return False
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return False
        head = handle.read(512)
    return head.startswith(_SIGNATURE) and _OWNER in head


def _tag_withheld(folder: Path) -> bool:
    """Whether the folder holds a tag this user may not read."""
    try:
        os.close(os.open(folder / TAG_NAME, os.O_RDONLY | NON_BLOCKING))
    except PermissionError:
        return True
    except OSError:
        return False
    return False


def tag(folder: Path) -> None:
    """Write alignck's tag, whole or not at all; a read-only folder simply stays untagged."""
    if is_tagged(folder):
        return
    with contextlib.suppress(OSError):
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(_TAG)
            Path(name).chmod(0o644)
            Path(name).replace(folder / TAG_NAME)
        finally:
            Path(name).unlink(missing_ok=True)


def check_ours(folder: Path, action: str) -> bool:
    """True when the folder is alignck's, False when it does not exist yet; otherwise a
    :class:`CacheError` saying alignck refuses to ``action``."""
    try:
        mode = folder.stat().st_mode
    except FileNotFoundError:
        return False
    except OSError as error:
        raise CacheUnwritable(
            f"cannot use the cache folder: {error.strerror}", str(folder)
        ) from None
    if not stat.S_ISDIR(mode):
        raise CacheError(f"not a folder; refusing to {action}", str(folder))
    if is_tagged(folder):
        return True
    if _tag_withheld(folder):
        # Another user's cache, shared by setting the variable for everyone: theirs to keep,
        # and this run goes on without one, as with any folder it cannot reach.
        raise CacheUnwritable(
            f"cannot use the cache folder: its {TAG_NAME} cannot be read (another user's?)",
            str(folder),
        )
    try:
        stranger = _first_stranger(folder)
    except OSError as error:
        raise CacheUnwritable(
            f"cannot read the cache folder: {error.strerror}", str(folder)
        ) from None
    if stranger is not None:
        raise CacheError(
            f"not alignck's cache folder: it holds {stranger!r}, which alignck did not write, "
            f"and no {TAG_NAME} from alignck; refusing to {action}",
            str(folder),
        )
    return True


def _first_stranger(folder: Path) -> str | None:
    """The first name in the folder that alignck would not have written, or None."""
    with os.scandir(folder) as items:
        for item in sorted(items, key=lambda i: i.name):
            if _SHARD.fullmatch(item.name) and item.is_dir(follow_symlinks=False):
                inside = _first_stranger_in_shard(Path(item.path))
                if inside is not None:
                    return f"{item.name}/{inside}"
            elif not (_TEMP.fullmatch(item.name) and item.is_file(follow_symlinks=False)):
                return item.name
    return None


def _first_stranger_in_shard(shard: Path) -> str | None:
    with os.scandir(shard) as items:
        for item in sorted(items, key=lambda i: i.name):
            if _kind(item, shard.name) is None:
                return item.name
    return None


def _kind(item: os.DirEntry[str], shard: str) -> str | None:
    """'entry' or 'temp' for a file alignck writes into a shard, None for anything else."""
    if not item.is_file(follow_symlinks=False):
        return None
    if _ENTRY.fullmatch(item.name) and item.name.startswith(shard):
        return "entry"
    return "temp" if _TEMP.fullmatch(item.name) else None


def shards(folder: Path) -> list[Path]:
    """The sub-folders alignck spreads entries over (real folders: a link is never entered)."""
    with os.scandir(folder) as items:
        return sorted(
            Path(i.path)
            for i in items
            if _SHARD.fullmatch(i.name) and i.is_dir(follow_symlinks=False)
        )


def own_files(folder: Path) -> Iterator[tuple[os.DirEntry[str], str]]:
    """Every file alignck wrote into the folder, with its kind ('entry' or 'temp'); a file of
    any other name or type is never listed, so it can never be deleted."""
    for shard in shards(folder):
        try:
            with os.scandir(shard) as items:
                listed = list(items)
        except OSError:
            continue  # removed by a concurrent run
        for item in listed:
            kind = _kind(item, shard.name)
            if kind is not None:
                yield item, kind
