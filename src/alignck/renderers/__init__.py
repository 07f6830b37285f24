"""Output formats. Each module exposes ``render(report, out, options)`` and writes only to ``out``.

Renderers format; they never decide. Verdicts, thresholds and order are fixed in the Report.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from alignck.model import Report

RENDERERS: dict[str, str] = {
    "terminal": "alignck.renderers.terminal",
    "json": "alignck.renderers.json",
    "markdown": "alignck.renderers.markdown",
    "csv": "alignck.renderers.csv",
}

# File extensions that choose a format when --output is given without --format.
EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".txt": "terminal",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    width: int | None = None
    evidence: bool = True


Renderer = Callable[[Report, TextIO, RenderOptions], None]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(RENDERERS[name])
    render: Renderer = module.render
    return render
