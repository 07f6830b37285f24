"""The line record both PDF engines produce, so that block assembly is engine-independent."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One text line: its text, font size, weight, start x and baseline y (PDF points, y up)."""

    text: str
    size: float
    bold: bool
    x: float
    y: float
    last_y: float | None = None  # baseline of the last character when the line wraps
    lead: str | None = None  # bold words opening a line that goes on in plain type

    @property
    def end_y(self) -> float:
        return self.y if self.last_y is None else self.last_y


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    level: int
    title: str
    page: int | None
