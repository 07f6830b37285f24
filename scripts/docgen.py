"""Write one block list as Markdown, Word (.docx), OpenDocument (.odt), HTML or PDF, reproducibly.

The .odt is written as XML directly (no LibreOffice needed). Used to build the examples, the
test fixtures and the benchmark corpus, so that every document alignck is tested on is generated
from text we wrote. Needs the ``dev`` extra (fpdf2 for PDF).
Blocks: ("h1" | "h2" | "h3", text), ("p", text), ("lead", (bold words, rest)), ("ul" | "ol",
[items]), ("table", [rows]), ("break", None): a new page in Word, PDF and .odt, nothing elsewhere.
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
    writers = {
        ".md": write_markdown,
        ".docx": write_docx,
        ".pdf": write_pdf,
        ".txt": write_text,
        ".odt": write_odt,
        ".html": write_html,
    }
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


def write_html(blocks: Sequence[Block], path: Path) -> None:
    """A page as a council's website serves it: the site's banner, navigation and footer
    around the strategy in <main>."""
    from html import escape

    body: list[str] = []
    for kind, value in blocks:
        if kind == "break":
            continue
        if kind in _HEADING_SIZES:
            body.append(f"<{kind}>{escape(str(value))}</{kind}>")
        elif kind == "p":
            body.append(f"<p>{escape(str(value))}</p>")
        elif kind == "lead":
            lead, rest = value
            body.append(f"<p><strong>{escape(lead)}</strong> {escape(rest)}</p>")
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{escape(str(item))}</li>" for item in value)
            body.append(f"<{kind}>{items}</{kind}>")
        elif kind == "table":
            rows = list(value)
            head = "".join(f"<th>{escape(cell)}</th>" for cell in rows[0])
            cells = [
                "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                for row in rows[1:]
            ]
            body.append(
                f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(cells)}</tbody></table>"
            )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Strategy</title>'
        "</head>\n<body>\n<header><p>Council website</p><nav><ul><li>Home</li><li>Services</li>"
        "</ul></nav></header>\n<main>\n" + "\n".join(body) + "\n</main>\n"
        "<footer><p>Contact us</p></footer>\n</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8")


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


_ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.3"'
)
_ODT_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_ODT_NAMESPACES}><office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="3"/>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis"
 style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
</text:list-style>
<text:list-style style:name="List_20_1" style:display-name="List 1">
<text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
</text:list-style>
</office:styles></office:document-styles>
"""
_ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.3">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def write_odt(blocks: Sequence[Block], path: Path) -> None:
    """An OpenDocument text as LibreOffice Writer saves one: headings as ``text:h``, lists
    with the Numbering 123 or List 1 style, a table with a header row, and a page break where
    LibreOffice marks one (``text:soft-page-break``)."""
    from xml.sax.saxutils import escape

    body: list[str] = []
    for kind, value in blocks:
        if kind == "break":
            body.append("<text:soft-page-break/>")
        elif kind in _HEADING_SIZES:
            level = int(kind[1])
            body.append(
                f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                f"{escape(str(value))}</text:h>"
            )
        elif kind == "p":
            body.append(f'<text:p text:style-name="Standard">{escape(str(value))}</text:p>')
        elif kind == "lead":
            lead, rest = value
            body.append(
                '<text:p text:style-name="Standard"><text:span '
                f'text:style-name="Strong_20_Emphasis">{escape(str(lead))}</text:span> '
                f"{escape(str(rest))}</text:p>"
            )
        elif kind in ("ul", "ol"):
            style = "Numbering_20_123" if kind == "ol" else "List_20_1"
            items = "".join(
                f'<text:list-item><text:p text:style-name="Standard">{escape(str(item))}'
                "</text:p></text:list-item>"
                for item in value
            )
            body.append(f'<text:list text:style-name="{style}">{items}</text:list>')
        elif kind == "table":
            rows = list(value)

            def row(cells: Sequence[str]) -> str:
                return (
                    "<table:table-row>"
                    + "".join(
                        '<table:table-cell office:value-type="string"><text:p>'
                        f"{escape(cell)}</text:p></table:table-cell>"
                        for cell in cells
                    )
                    + "</table:table-row>"
                )

            body.append(
                f'<table:table table:name="Table{len(body)}">'
                f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
                f"<table:table-header-rows>{row(rows[0])}</table:table-header-rows>"
                + "".join(row(r) for r in rows[1:])
                + "</table:table>"
            )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODT_NAMESPACES}>'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document-content>\n"
    )
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        # The mimetype first and stored, as the OpenDocument package format requires.
        archive.writestr(
            zipfile.ZipInfo("mimetype", date_time=stamp),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        for name, text in (
            ("content.xml", content),
            ("styles.xml", _ODT_STYLES),
            ("META-INF/manifest.xml", _ODT_MANIFEST),
        ):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)


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
