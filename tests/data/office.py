"""What the labelled sets' builders share (each builder runs from its own set's folder)."""

import subprocess
from pathlib import Path
from typing import Any


def word_to_pdf(docx: str) -> None:
    """Turn docs/NAME.docx into the PDF LibreOffice makes of it (docs/NAME.pdf), and remove
    the Word file: the set uses the PDF, the Word file was only its source."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", "docs", docx], check=True
    )
    Path(docx).unlink()


def add_table(doc: Any, rows: list[tuple[str, str]]) -> None:
    """A two-column Word table of these rows (the first is the header row)."""
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text = left
        table.cell(r, 1).text = right
