"""The frameworks shipped with alignck, usable by name wherever a framework file goes.

Each is a framework file in ``alignck/data/frameworks`` whose ``framework:`` block names its
source and licence; its name is the file's stem (``ics-core-purposes``). A path that exists
always wins over a built-in of the same name, so a team's own file is never shadowed. This
module finds and describes them; loading is :mod:`alignck.framework`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "data" / "frameworks"
PREFIX = "builtin:"


@dataclass(frozen=True, slots=True)
class Located:
    """A framework file and the name messages and reports give it."""

    path: Path
    shown: str
    # The built-in framework of the same name that a file here was taken for instead.
    shadows: str = ""

    def shadow_note(self) -> str | None:
        """What to say when a file took a built-in framework's name: the report still shows
        the name the file gives itself, often the built-in's own title."""
        if not self.shadows:
            return None
        return (
            f"alignck: note: '{self.shown}' is the file of that name here, not the built-in "
            f"framework '{self.shadows}'; write {PREFIX}{self.shadows} for the built-in"
        )


@dataclass(frozen=True, slots=True)
class BuiltIn:
    name: str
    title: str
    source: str
    licence: str
    priorities: int


def names() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


def locate(value: Path) -> Located:
    """The file ``value`` names: itself when it exists or looks like a path, else the
    built-in framework of that name (``builtin:NAME`` always means the built-in)."""
    text = str(value)
    name = text.removeprefix(PREFIX)
    builtin = FOLDER / f"{name}.yaml"
    wants_builtin = text.startswith(PREFIX) or not (value.exists() or _looks_like_a_path(text))
    if wants_builtin and name in names():
        return Located(builtin, f"{PREFIX}{name}")
    return Located(value, text, name if name == text and name in names() else "")


def _looks_like_a_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.endswith((".yaml", ".yml"))


def text_of(name: str) -> str | None:
    """The built-in framework's file as shipped, comments and all, or None if there is none."""
    if name.removeprefix(PREFIX) not in names():
        return None
    return (FOLDER / f"{name.removeprefix(PREFIX)}.yaml").read_text(encoding="utf-8")


def describe() -> list[BuiltIn]:
    """Every built-in framework, with where its wording comes from and how many priorities."""
    return [_describe(name) for name in names()]


def _describe(name: str) -> BuiltIn:
    data = yaml.safe_load((FOLDER / f"{name}.yaml").read_text(encoding="utf-8"))
    meta = data["framework"]
    return BuiltIn(name, meta["name"], meta["source"], meta["licence"], _count(data["priorities"]))


def _count(priorities: list[dict[str, object]]) -> int:
    nested = (p.get("priorities") for p in priorities)
    return len(priorities) + sum(_count(n) for n in nested if isinstance(n, list))
