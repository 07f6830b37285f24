"""What the labelled sets' builders share (each builder runs from its own set's folder)."""

import subprocess
from pathlib import Path


def word_to_pdf(docx: str) -> None:
    """Turn docs/NAME.docx into the PDF LibreOffice makes of it (docs/NAME.pdf), and remove
    the Word file: the set uses the PDF, the Word file was only its source."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", "docs", docx], check=True
    )
    Path(docx).unlink()
