"""Short names for documents: the file's stem, or where two documents share a stem, the
shortest trailing part of their paths that tells them apart ('council/plan', 'trust/plan').

This module only names; it never reads the file system.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePath


def distinguishing_names(paths: Iterable[str]) -> dict[str, str]:
    """Each path's shortest name that no other path in ``paths`` shares."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for path in dict.fromkeys(paths):
        by_stem[PurePath(path).stem].append(path)
    names: dict[str, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            names[group[0]] = stem
        else:
            names.update((path, _distinct_tail(path, group)) for path in group)
    return names


def _distinct_tail(path: str, group: list[str]) -> str:
    """The fewest trailing folders before the stem that no other path of ``group`` ends with;
    failing that (plan.md and plan.docx side by side), the same with the file's extension."""
    others = [p for p in group if p != path]
    for with_suffix in (False, True):
        for folders in range(len(PurePath(path).parts)):
            tail = _tail(path, folders, with_suffix)
            if all(_tail(other, folders, with_suffix) != tail for other in others):
                return tail
    return PurePath(path).as_posix()


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
