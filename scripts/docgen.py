"""Write one block list as Markdown, Word (.docx) or PDF, reproducibly.

Used to build the examples, the test fixtures and the benchmark corpus, so that every document
alignck is tested on is generated from text we wrote. Needs the ``dev`` extra (fpdf2 for PDF).
Blocks: ("h1" | "h2" | "h3", text), ("p", text), ("lead", (bold words, rest)), ("ul" | "ol",
[items]), ("table", [rows]), ("break", None): a new page in Word and PDF, nothing elsewhere.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

# A block's value is text, a (bold words, rest) pair or a list of items or rows, by its kind.
Block = tuple[str, Any]
FIXED_TIME = datetime(2025, 1, 1, 12, 0, 0)
_HEADING_SIZES = {"h1": 20, "h2": 15, "h3": 12.5}
# After each multi-line cell, continue at the left margin on the next line.
_NEXT_LINE: dict[str, Any] = {"new_x": "LMARGIN", "new_y": "NEXT"}


def write(blocks: Sequence[Block], path: Path) -> Path:
    """Write ``blocks`` in the format named by ``path``'s extension."""
    writers = {".md": write_markdown, ".docx": write_docx, ".pdf": write_pdf, ".txt": write_text}
    writers[path.suffix](blocks, path)
    return path


def write_markdown(blocks: Sequence[Block], path: Path) -> None:
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "break":
            continue
        if kind in _HEADING_SIZES:
            lines += ["#" * int(kind[1]) + " " + str(value), ""]
        elif kind == "p":
            lines += [str(value), ""]
        elif kind == "lead":
            lead, rest = value
            lines += [f"**{lead}** {rest}", ""]
        elif kind in ("ul", "ol"):
            items = list(value)
            for number, item in enumerate(items, start=1):
                lines.append(f"{number}. {item}" if kind == "ol" else f"- {item}")
            lines.append("")
        elif kind == "table":
            rows = list(value)
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_text(blocks: Sequence[Block], path: Path) -> None:
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "break":
            continue
        if kind in ("ul", "ol"):
            items = list(value)
            lines += [f"{n}. {i}" if kind == "ol" else f"- {i}" for n, i in enumerate(items, 1)]
        elif kind == "table":
            lines += ["\t".join(row) for row in value]
        elif kind == "lead":
            lines.append(" ".join(value))
        else:
            lines.append(str(value))
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_docx(blocks: Sequence[Block], path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.core_properties.author = "alignck examples"
    for kind, value in blocks:
        if kind == "break":
            document.add_page_break()
        elif kind in _HEADING_SIZES:
            document.add_heading(str(value), level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(str(value))
        elif kind == "lead":
            lead, rest = value
            paragraph = document.add_paragraph()
            paragraph.add_run(str(lead)).bold = True
            paragraph.add_run(f" {rest}")
        elif kind in ("ul", "ol"):
            style = "List Number" if kind == "ol" else "List Bullet"
            for item in value:
                document.add_paragraph(str(item), style=style)
        elif kind == "table":
            rows = list(value)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip_times(buffer.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite the archive with fixed timestamps so a rebuild gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def write_pdf(blocks: Sequence[Block], path: Path, body_size: float = 10.5) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_author("alignck examples")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(22, 20, 22)
    pdf.alias_nb_pages()
    _PageFooter.install(pdf)
    pdf.add_page()
    for kind, value in blocks:
        if kind == "break":
            pdf.add_page()
        elif kind in _HEADING_SIZES:
            level = int(kind[1]) - 1
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", _HEADING_SIZES[kind])
            pdf.start_section(_latin(str(value)), level=level, strict=False)
            pdf.multi_cell(0, _HEADING_SIZES[kind] * 0.55, _latin(str(value)), **_NEXT_LINE)
            pdf.ln(1.5)
        elif kind == "p":
            pdf.set_font("Helvetica", "", body_size)
            pdf.multi_cell(0, body_size * 0.5, _latin(str(value)), **_NEXT_LINE)
            pdf.ln(2.5)
        elif kind == "lead":
            lead, rest = value
            pdf.set_font("Helvetica", "", body_size)
            text = _latin(f"**{lead}** {rest}")
            pdf.multi_cell(0, body_size * 0.5, text, markdown=True, **_NEXT_LINE)
            pdf.ln(2.5)
        elif kind in ("ul", "ol"):
            pdf.set_font("Helvetica", "", body_size)
            for number, item in enumerate(value, start=1):
                marker = f"{number}." if kind == "ol" else "-"
                pdf.set_x(26)
                pdf.cell(6, body_size * 0.5, marker)
                pdf.multi_cell(0, body_size * 0.5, _latin(str(item)), **_NEXT_LINE)
                pdf.ln(1)
            pdf.ln(1.5)
        elif kind == "table":
            pdf.set_font("Helvetica", "", body_size)
            # A real grid: each cell placed on its own, header row in bold, as word processors
            # write tables.
            with pdf.table(line_height=body_size * 0.5, text_align="LEFT") as table:
                for row in value:
                    cells = table.row()
                    for text in row:
                        cells.cell(_latin(str(text)))
            pdf.ln(2.5)
    pdf.output(str(path))


class _PageFooter:
    """Page numbers at the foot of every page, as real strategies have (readers drop them)."""

    @staticmethod
    def install(pdf: Any) -> None:
        def footer() -> None:
            pdf.set_y(-14)
            pdf.set_font("Helvetica", "", 8)
            pdf.cell(0, 6, f"Page {pdf.page_no()}", align="C")

        pdf.footer = footer


def _latin(text: str) -> str:
    """The PDF core fonts cover Latin-1 only; typographic dashes and quotes are folded."""
    table = str.maketrans(
        {
            "\u2013": "-",
            "\u2014": "-",
            "\u2018": "'",
            "\u2019": "'",
            "\u201c": '"',
            "\u201d": '"',
            "\u2022": "-",
        }
    )
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")
