"""Output formats. Each module exposes ``render(report, out, options)`` and writes only to ``out``:
a text stream, or for the binary formats (``BINARY_FORMATS``) a byte stream.

Renderers format; they never decide. Verdicts, thresholds and order are fixed in the Report.
Adding a format: DEVELOPERS.md lists every place that knows the formats.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import BinaryIO, Protocol, TextIO

from alignck.model import Report

RENDERERS: dict[str, str] = {
    "terminal": "alignck.renderers.terminal",
    "json": "alignck.renderers.json",
    "markdown": "alignck.renderers.markdown",
    "csv": "alignck.renderers.csv",
    "csv-excel": "alignck.renderers.csv_excel",
    "html": "alignck.renderers.html",
    "junit": "alignck.renderers.junit",
    "sarif": "alignck.renderers.sarif",
    "github": "alignck.renderers.github",
    "xlsx": "alignck.renderers.xlsx",
}

# Formats written as bytes: they need a file (or a pipe), never a terminal.
BINARY_FORMATS = frozenset({"xlsx"})

# File extensions that choose a format when --output is given without --format.
EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".txt": "terminal",
    ".xml": "junit",
    ".sarif": "sarif",
    ".xlsx": "xlsx",
}


def format_for(suffix: str) -> str | None:
    """The format a report file's extension names, or None for one alignck does not write."""
    return EXTENSIONS.get(suffix.lower())


# SARIF's other usual name, beside '.sarif': read by its last suffix, 'alignck.sarif.json'
# was written as alignck's own JSON, and a CI step uploaded that as SARIF.
SARIF_JSON = ".sarif.json"


def extension_of(name: str) -> str:
    """A report file's extension as alignck reads it: '.sarif.json' whole, else the last."""
    if name.lower().endswith(SARIF_JSON) and len(name) > len(SARIF_JSON):
        return name[-len(SARIF_JSON) :]
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def format_named(name: str) -> str | None:
    """The format a report file's name names by its extension (:func:`extension_of`)."""
    extension = extension_of(name)
    return "sarif" if extension.lower() == SARIF_JSON else format_for(extension)


# Above this many documents the terminal shows counts instead of a grid and leaves out the
# per-document evidence tables unless asked for them: they no longer fit a screen.
GRID_DOCUMENTS = 12


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a report is written; ``RenderOptions()`` is what ``alignck check`` uses for a file.

    ``color``: terminal colours (the terminal format only). ``width``: the terminal's columns
    (None: the console's own). ``evidence``: the per-document evidence tables; None shows them
    for at most ``GRID_DOCUMENTS`` documents in the terminal, and every quote in Markdown and
    HTML; False leaves them out. ``explain``: each verdict's reasons (the signals that moved
    it), in the terminal format's evidence tables only, so shown only where they are (JSON
    always carries them as ``reasons``). ``timestamp``: the time the xlsx workbook records
    (no text format carries one)."""

    color: bool = False
    width: int | None = None
    evidence: bool | None = None  # None: decide by the number of documents
    explain: bool = False  # show the signals that carried each verdict
    # The time a report whose format must carry one (xlsx) shows; None: a fixed time, so the
    # same run gives the same bytes.
    timestamp: datetime.datetime | None = None

    def __post_init__(self) -> None:
        # A width of 0 or below laid the terminal report out as nothing at all.
        if self.width is not None and (
            isinstance(self.width, bool) or not isinstance(self.width, int) or self.width < 1
        ):
            raise ValueError(
                f"RenderOptions.width is a number of columns, 1 or more (got {self.width!r})"
            )

    def show_evidence(self, documents: int) -> bool:
        return self.evidence if self.evidence is not None else documents <= GRID_DOCUMENTS


# What each format's module's ``render`` is.
_Render = Callable[[Report, TextIO, RenderOptions], None]
_BinaryRender = Callable[[Report, BinaryIO, RenderOptions], None]


class Renderer(Protocol):
    """Writes a report to a text stream; ``options`` default to ``RenderOptions()``."""

    def __call__(
        self, report: Report, out: TextIO, options: RenderOptions | None = None, /
    ) -> None: ...


class BinaryRenderer(Protocol):
    """Writes a report to a byte stream; ``options`` default to ``RenderOptions()``."""

    def __call__(
        self, report: Report, out: BinaryIO, options: RenderOptions | None = None, /
    ) -> None: ...


def renderer(name: str) -> Renderer:
    """The text format ``name``'s renderer, writing to a text stream."""
    if name in BINARY_FORMATS:
        # Given a text stream, it would fail half-way with a TypeError about bytes.
        raise ValueError(
            f"{name} is written as bytes: use binary_renderer({name!r}) with a byte stream, "
            "such as a file opened with 'wb'"
        )
    render: _Render = _module(name).render

    def with_defaults(report: Report, out: TextIO, options: RenderOptions | None = None, /) -> None:
        # 'renderer("markdown")(report, out)' raised a TypeError for the options not given.
        render(report, out, options if options is not None else RenderOptions())

    return with_defaults


def binary_renderer(name: str) -> BinaryRenderer:
    """The binary format ``name``'s renderer (one of ``BINARY_FORMATS``), writing bytes."""
    if name not in BINARY_FORMATS:
        _module(name)  # an unknown name is said as such, with the formats there are
        raise ValueError(f"{name} is written as text: use renderer({name!r})")
    render: _BinaryRender = _module(name).render

    def with_defaults(
        report: Report, out: BinaryIO, options: RenderOptions | None = None, /
    ) -> None:
        render(report, out, options if options is not None else RenderOptions())

    return with_defaults


def _module(name: str) -> ModuleType:
    if name not in RENDERERS:
        raise ValueError(f"no report format {name!r}; the formats are {', '.join(RENDERERS)}")
    return importlib.import_module(RENDERERS[name])
