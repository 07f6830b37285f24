"""Small helpers shared by renderers: short document names, locations, symbols."""

from __future__ import annotations

from pathlib import PurePath

from alignck.model import Location

SYMBOLS = {"aligned": "✔", "partial": "◐", "gap": "✘"}


def short_name(path: str) -> str:
    return PurePath(path).stem


def where(location: Location) -> str:
    """'p. 3 › Section' for PDFs, '¶ 12 › Section' otherwise."""
    place = (
        f"p. {location.page}"
        if location.page
        else (f"¶ {location.paragraph}" if location.paragraph else "")
    )
    if location.section:
        return f"{place} › {location.section}" if place else location.section
    return place


def percent(value: float) -> str:
    return f"{value:.0f}%"
