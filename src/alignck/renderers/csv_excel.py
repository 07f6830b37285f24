"""CSV for Excel: the CSV report with a byte-order mark and CRLF line ends.

Excel on Windows reads a CSV without a byte-order mark in the local code page, garbling every
accented name and the verdict symbols; with one it reads UTF-8. Other tools take plain ``csv``.
"""

from __future__ import annotations

from typing import TextIO

from alignck.model import Report
from alignck.renderers import RenderOptions
from alignck.renderers.csv import write_rows

BYTE_ORDER_MARK = "\ufeff"


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    out.write(BYTE_ORDER_MARK)
    write_rows(report, out, line_end="\r\n")
