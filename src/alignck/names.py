"""Short names for documents: the file's stem, or where two documents share a stem, the
shortest trailing part of their paths that tells them apart ('council/plan', 'trust/plan').

This module only names; it never reads the file system.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePath


def distinguishing_names(paths: Iterable[str]) -> dict[str, str]:
    """Each path's shortest name that no other path in ``paths`` shares, as a reader sees
    it: two names that differ only in Unicode form ('Café' composed, and decomposed as a
    Mac writes it) are the same name to a reader, and are told apart."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for path in dict.fromkeys(paths):
        by_stem[_seen(PurePath(path).stem)].append(path)
    names: dict[str, str] = {}
    for group in by_stem.values():
        if len(group) == 1:
            names[group[0]] = PurePath(group[0]).stem
        else:
            names.update((path, _distinct_tail(path, group)) for path in group)
    return names


def _distinct_tail(path: str, group: list[str]) -> str:
    """The fewest trailing folders before the stem that no other path of ``group`` ends with;
    failing that (plan.md and plan.docx side by side), the same with the file's extension;
    failing that, the name said to be in decomposed Unicode where it is."""
    others = [p for p in group if p != path]
    for with_suffix in (False, True):
        for folders in range(len(PurePath(path).parts)):
            tail = _tail(path, folders, with_suffix)
            if all(_seen(_tail(other, folders, with_suffix)) != _seen(tail) for other in others):
                return tail
    shown = PurePath(path).as_posix()
    if _seen(shown) != shown:
        return f"{shown} (name in decomposed Unicode)"
    return shown


def told_apart(path: str, paths: Iterable[str]) -> str:
    """``path`` as a reader can tell it from the others of ``paths``: the same, but for a name
    in decomposed Unicode beside one that reads the same composed ('Café plan.md' twice)."""
    if _seen(path) == path or not any(
        other != path and _seen(other) == _seen(path) for other in paths
    ):
        return path
    return f"{path} (name in decomposed Unicode)"


def _seen(text: str) -> str:
    """A name as a reader sees it: one Unicode form for every way of writing a letter."""
    return unicodedata.normalize("NFC", text)


def _tail(path: str, folders: int, with_suffix: bool) -> str:
    pure = PurePath(path)
    last = pure.name if with_suffix else pure.stem
    parents = pure.parent.parts[len(pure.parent.parts) - folders :] if folders else ()
    return "/".join([*parents, last])


def within_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, never inside a character: file
    names are limited in bytes, and a character of another script takes two or three."""
    encoded = text.encode("utf-8", "surrogateescape")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", "ignore")


_Parts = tuple[str | tuple[int, str], ...]
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}")


def natural_order(name: str) -> tuple[_Parts, _Parts]:
    """A name's place as a file manager lists it: numbers by their value and letters in any
    case or accent ('Partner plan 2' before 'Partner plan 10', 'école' before 'Zarząd'), the
    name before its extension first ('plan.pdf' before 'plan2.docx', 'plan.md' before
    'plan (2).md', as Explorer and ``ls -v`` list them); the name itself breaks ties."""
    suffix = PurePath(name).suffix
    if not _EXTENSION.fullmatch(suffix):
        suffix = ""  # '2024.25 strategy' is a name, not '2024' with an extension
    stem = name[: len(name) - len(suffix)] if suffix else name
    return _natural(stem), _natural(suffix)


def _natural(text: str) -> _Parts:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    parts = re.split(r"(\d+)", plain.casefold())
    return tuple((int(part), part) if index % 2 else part for index, part in enumerate(parts))


@functools.lru_cache(maxsize=8192)
def path_order(path: str) -> tuple[tuple[tuple[_Parts, _Parts], ...], str]:
    """A path's place among a run's documents: folder by folder as a file manager lists each
    (:func:`natural_order`), so reports list them in the order they were found; the path
    itself breaks ties. Kept for the run's paths: a report sorts the same few documents
    once for each priority (6,000 times at 300 priorities, half a second)."""
    return tuple(natural_order(part) for part in PurePath(path).parts), path


# How file managers name a copy: 'Copy of plan.md' (Google Drive, Outlook), 'plan - Copy.md'
# and 'plan - Copy (2).md' (Windows), 'plan copy.md' and 'plan copy 2.md' (macOS), 'plan (1).md'
# (a browser's second download; '(2024)' is a year, not a copy).
_COPY_NAME = re.compile(
    r"^copy(?: \(\d{1,2}\))? of |[ _-]+copy(?: \(?\d{1,2}\)?)?$| \(\d{1,2}\)$", re.IGNORECASE
)


def named_as_copy(path: str) -> bool:
    """Whether a file's name says it is a copy of another ('Copy of plan.md', 'plan (1).md')."""
    return bool(_COPY_NAME.search(PurePath(path.replace("\\", "/")).stem))
