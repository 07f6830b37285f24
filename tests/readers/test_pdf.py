from pathlib import Path
from typing import Any

import pytest

from alignck.errors import ReadError
from alignck.model import ReadOptions
from alignck.readers import read_document
from alignck.readers.pdf import ENGINES, read

BLOCKS = [
    ("h1", "Northby Plan"),
    (
        "p",
        "An introduction that runs long enough to wrap onto a second line of the page so "
        "that line joining is exercised by the reader.",
    ),
    ("h2", "Our priorities"),
    ("ul", ["Warm homes for everyone", "Good jobs"]),
    ("h3", "Details"),
    ("p", "We will insulate 300 homes."),
]


def _table_row(pdf: Any, y: float, first: list[str], second: list[str], width: float) -> float:
    """A two-column table row, each cell's lines one under another; where the next row goes."""
    for at, text in enumerate(first):
        pdf.set_xy(20, y + 6 * at)
        pdf.cell(80, 6, text)
    for at, text in enumerate(second):
        pdf.set_xy(110, y + 6 * at)
        pdf.cell(width, 6, text)
    return y + 6 * max(len(first), len(second)) + 3


@pytest.mark.parametrize("engine", ENGINES)
def test_headings_from_outline_and_font_size_lists_and_pages(make_document, engine: str) -> None:  # type: ignore[no-untyped-def]
    doc = read(make_document("plan.pdf", BLOCKS), ReadOptions(engine))
    summary = [(b.kind, b.text, b.level) for b in doc.blocks]
    assert summary == [
        ("heading", "Northby Plan", 1),
        ("paragraph", BLOCKS[1][1], 0),
        ("heading", "Our priorities", 2),
        ("list_item", "Warm homes for everyone", 1),
        ("list_item", "Good jobs", 1),
        ("heading", "Details", 3),
        ("paragraph", "We will insulate 300 homes.", 0),
    ]
    assert all(b.page == 1 for b in doc.blocks)
    assert doc.pages == 1
    assert doc.blocks[3].section == ("Northby Plan", "Our priorities")


def test_page_numbers_are_dropped_and_pages_counted(make_document) -> None:  # type: ignore[no-untyped-def]
    blocks = [("h1", "Long plan")] + [("p", f"Paragraph {i} " + "words " * 60) for i in range(40)]
    doc = read(make_document("long.pdf", blocks))
    assert doc.pages and doc.pages > 2
    assert not any(b.text.startswith("Page ") for b in doc.blocks)
    assert doc.blocks[-1].page == doc.pages


def test_corrupt_pdf_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    with pytest.raises(ReadError) as raised:
        read(path)
    assert "broken.pdf" in str(raised.value)


def test_password_protected_pdf_says_so(make_document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pypdf

    source = make_document("open.pdf", BLOCKS)
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ReadError, match="password-protected"):
        read(locked)


def test_pdf_without_text_is_a_read_error(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match="no text layer"):
        read(path)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pdf_whose_font_maps_no_letters_is_a_read_error_not_control_characters(
    tmp_path: Path, engine: str
) -> None:
    from hostile_files import pages_pdf

    # Text shown in a font without a map from its glyphs to letters comes out as glyph
    # numbers: control characters, quoted as they were, or an error in Python's words.
    glyphs = bytes(c for c in range(1, 32) if c not in b"\r\n()\\")
    page = b"BT /F1 11 Tf 1 0 0 1 56 800 Tm (" + glyphs * 3 + b") Tj ET\n"
    path = tmp_path / "housing.pdf"
    path.write_bytes(pages_pdf([page]))
    with pytest.raises(ReadError, match="none that says which letters its fonts draw"):
        read(path, ReadOptions(engine))


def test_text_drawn_outside_the_page_is_not_read(tmp_path: Path) -> None:
    from hostile_files import pages_pdf

    def shown(x: int, y: int, text: bytes) -> bytes:
        return b"BT /F1 11 Tf 1 0 0 1 %d %d Tm (%s) Tj ET\n" % (x, y, text)

    page = (
        shown(56, 780, b"We will run weekly peer support groups.")
        + shown(700, 740, b"We will offer free walking groups.")  # past the right edge
        + shown(56, -40, b"Slug: we will fund a new leisure centre.")  # below the page
        + shown(56, 700, b"We will insulate 300 homes.")
    )
    path = tmp_path / "plan.pdf"
    path.write_bytes(pages_pdf([page]))
    texts = [b.text for b in read(path).blocks]
    assert texts == ["We will run weekly peer support groups.", "We will insulate 300 homes."]


@pytest.mark.parametrize(
    "box",
    [b"[1000 1000 1200 1200]", b"[590 0 1200 842]", b"[-100 -100 50 50]"],
    ids=["apart", "a strip of it", "a corner"],
)
def test_a_crop_box_that_misses_the_text_leaves_the_whole_page_read(
    tmp_path: Path, box: bytes
) -> None:
    from hostile_files import pages_pdf

    text = b"BT /F1 11 Tf 1 0 0 1 56 780 Tm (We will run weekly peer support groups.) Tj ET\n"
    data = pages_pdf([text]).replace(
        b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /CropBox " + box
    )
    path = tmp_path / "plan.pdf"
    # The offsets of the cross-reference table move with the page's dictionary: pdfium
    # repairs such a file as viewers do.
    path.write_bytes(data)
    assert [b.text for b in read(path).blocks] == ["We will run weekly peer support groups."]


def _form_pdf() -> bytes:
    """A one-page form: a question, a text field answered (its widget drawing the answer),
    and a reviewer's note as a free-text annotation."""
    from hostile_files import _assemble, stream

    def shown(text: bytes, x: int = 2, y: int = 6) -> bytes:
        return b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (x, y, text)

    font = b"<< /Font << /F1 7 0 R >> >>"
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources " + font + b" /Annots [5 0 R 8 0 R] >>",
            stream(shown(b"Your main commitment for 2025/26:", 56, 760), b"null"),
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (answer) /F 4 /P 3 0 R "
            b"/V (We will offer free walking groups.) /Rect [56 700 540 720] /AP << /N 6 0 R >> >>",
            stream(
                shown(b"We will offer free walking groups."),
                b"null",
                b"/Type /XObject /Subtype /Form /BBox [0 0 484 20] /Resources " + font + b" ",
            ),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Annot /Subtype /FreeText /F 4 /Rect [56 600 540 620] "
            b"/Contents (Reviewer: we will build a hospital.) /DA (/F1 11 Tf 0 g) "
            b"/AP << /N 9 0 R >> >>",
            stream(
                shown(b"Reviewer: we will build a hospital."),
                b"null",
                b"/Type /XObject /Subtype /Form /BBox [0 0 484 20] /Resources " + font + b" ",
            ),
        ]
    )


def test_a_form_s_answers_are_read_and_a_reviewer_s_note_is_not(tmp_path: Path) -> None:
    path = tmp_path / "return.pdf"
    path.write_bytes(_form_pdf())
    original = path.read_bytes()
    texts = [b.text for b in read(path).blocks]
    assert texts == ["Your main commitment for 2025/26:", "We will offer free walking groups."]
    assert path.read_bytes() == original  # flattened in memory, never on disk


def _partly_scanned(tmp_path: Path, scanned: list[int], pages: int) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for number in range(1, pages + 1):
        pdf.add_page()
        if number in scanned:
            pdf.rect(10, 10, 150, 200)  # what a scanner leaves: a picture, no text
        else:
            pdf.multi_cell(0, 6, f"Page {number}. We will open four family hubs in Dale.")
    path = tmp_path / "part-scanned.pdf"
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pdf_mostly_of_scanned_pages_says_which_have_no_text(tmp_path: Path, engine: str) -> None:
    path = _partly_scanned(tmp_path, [2, 3, 4, 6], 6)
    document = read(path, ReadOptions(pdf_engine=engine))
    assert any(
        w.startswith("pages 2-4 and 6 of 6 have no text (scanned images?)")
        for w in document.warnings
    ), document.warnings


def test_one_scanned_page_among_few_is_one_page_in_the_warning(tmp_path: Path) -> None:
    document = read(_partly_scanned(tmp_path, [2], 4))
    said = [w for w in document.warnings if "no text" in w]
    assert said == [
        "page 2 of 4 has no text (scanned images?); alignck does not OCR, so what it says is "
        "not checked"
    ]


@pytest.mark.parametrize(
    ("scanned", "pages"),
    [([1], 5), ([1], 4), ([1, 4], 4), ([1, 4, 9, 14, 19, 20], 20)],
    ids=["cover", "cover of four", "cover and back", "cover, dividers and back"],
)
def test_covers_and_dividers_without_text_are_not_worth_a_warning(
    tmp_path: Path, scanned: list[int], pages: int
) -> None:
    document = read(_partly_scanned(tmp_path, scanned, pages))
    assert not [w for w in document.warnings if "no text" in w]


def _assemble(pages):  # type: ignore[no-untyped-def]
    from alignck.readers._builder import BlockBuilder
    from alignck.readers.pdf import _Assembler

    builder = BlockBuilder()
    _Assembler(builder, pages, []).run()
    return [(b.kind, b.text) for b in builder.build()]


def test_indented_first_lines_start_paragraphs_without_a_gap() -> None:
    from alignck.readers._pdflines import Line

    lines = [
        Line("We will build homes.", 10, False, 80, 700),
        Line("Another paragraph starts", 10, False, 90, 688),
        Line("here and goes on.", 10, False, 80, 676),
    ]
    assert _assemble([lines]) == [
        ("paragraph", "We will build homes."),
        ("paragraph", "Another paragraph starts here and goes on."),
    ]


def test_a_line_joined_over_a_hyphen_is_measured_from_its_end() -> None:
    from alignck.readers._pdflines import Line

    # PDFium returns 'adip-' + 'iscing elit' as one line that ends a line lower.
    lines = [
        Line("Lorem ipsum adipiscing elit,", 10, False, 72, 700, last_y=688),
        Line("sed do eiusmod.", 10, False, 72, 676),
    ]
    assert _assemble([lines]) == [("paragraph", "Lorem ipsum adipiscing elit, sed do eiusmod.")]


def test_paragraphs_run_on_over_a_page_break() -> None:
    from alignck.readers._pdflines import Line

    first = [Line("We will insulate homes across", 10, False, 72, 100)]
    second = [Line("the county by 2028.", 10, False, 72, 700)]
    assert _assemble([first, second]) == [
        ("paragraph", "We will insulate homes across the county by 2028.")
    ]


def test_a_sentence_wholly_on_the_next_page_of_a_run_on_paragraph_is_placed_there(
    tmp_path: Path,
) -> None:
    from alignck.readers._builder import BlockBuilder
    from alignck.readers._pdflines import Line
    from alignck.readers.pdf import _Assembler

    first = [Line("We will insulate homes across", 10, False, 72, 100)]
    second = [
        Line("the county by 2028. We will also fit heat pumps", 10, False, 72, 700),
        Line("in 300 council homes.", 10, False, 72, 688),
    ]
    builder = BlockBuilder()
    _Assembler(builder, [first, second], []).run()
    (block,) = builder.build()
    assert block.page == 1
    assert block.page_of("We will insulate homes across the county by 2028.") == 1
    assert block.page_of("We will also fit heat pumps in 300 council homes.") == 2
    # Through to the quotes: each sentence's passage is on its own page.
    from alignck.model import Document
    from alignck.passages import build_passages

    passages = build_passages(Document("p.pdf", "pdf", (block,)), [])
    assert [(p.text[:20], p.location.page) for p in passages] == [
        ("We will insulate hom", 1),
        ("We will also fit hea", 2),
    ]


@pytest.mark.parametrize(
    ("weight", "font", "bold"),
    [
        (700, b"Anything", True),
        (400, b"BAAAAA+DejaVuSerif-Bold", True),  # LibreOffice: weight 400, 'Bold' in the name
        (400, b"Arial-BlackItalic", True),
        (400, b"BAAAAA+DejaVuSerif", False),
    ],
)
def test_bold_is_read_from_the_weight_or_else_the_font_name(
    weight: int, font: bytes, bold: bool
) -> None:
    from alignck.readers._pdf_pdfium import _BoldTest

    test = _BoldTest(None)
    test.weight = lambda handle, index: weight  # type: ignore[method-assign,assignment]

    def info(handle: object, index: int, buffer: Any, size: int, flags: object) -> int:
        buffer.value = font
        return len(font)

    test.info = info  # type: ignore[method-assign,assignment]
    assert test(0) is bold


def test_a_character_without_a_font_is_not_bold_whatever_came_before() -> None:
    from alignck.readers._pdf_pdfium import _BoldTest

    test = _BoldTest(None)
    test.weight = lambda handle, index: -1  # type: ignore[method-assign,assignment]
    test.name.value = b"Helvetica-Bold"  # left by the character before
    test.info = lambda handle, index, buffer, size, flags: 0  # type: ignore[method-assign,assignment]
    assert test(0) is False


def test_a_bold_opening_runs_over_the_spaces_pdfium_generates(tmp_path: Path) -> None:
    from fpdf import FPDF

    from alignck.readers._pdf_pdfium import extract

    # Words placed one by one: the PDF has no space characters, PDFium makes them up.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(20, 30)
    pdf.cell(14, 6, "Warm")
    pdf.set_xy(35, 30)
    pdf.cell(16, 6, "homes.")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(52, 30)
    pdf.cell(80, 6, "We will insulate 1,000 homes.")
    path = tmp_path / "placed.pdf"
    pdf.output(str(path))

    pages = extract(path).pages
    assert [(line.text, line.lead) for line in pages[0]] == [
        ("Warm homes. We will insulate 1,000 homes.", "Warm homes.")
    ]


def _encrypted(plain: Path, user_password: str) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=plain)
    # RC4 needs no optional crypto library, so the test runs wherever pypdf does.
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    locked = plain.with_name(f"locked-{plain.name}")
    with locked.open("wb") as handle:
        writer.write(handle)
    return locked


@pytest.mark.parametrize("engine", ENGINES)
def test_an_encrypted_pdf_opens_with_its_password(make_document, engine: str) -> None:  # type: ignore[no-untyped-def]
    locked = _encrypted(make_document("plan.pdf", BLOCKS), "s3cret")
    options = ReadOptions(engine, ("wrong", "s3cret"))
    doc = read(locked, options)
    assert [b.text for b in doc.blocks][:1] == ["Northby Plan"]
    assert doc.protected


@pytest.mark.parametrize("engine", ENGINES)
def test_an_encrypted_pdf_without_its_password_is_one_clear_error(
    make_document, engine: str
) -> None:  # type: ignore[no-untyped-def]
    locked = _encrypted(make_document("plan.pdf", BLOCKS), "s3cret")
    with pytest.raises(ReadError, match="give its password with --password"):
        read(locked, ReadOptions(engine))
    with pytest.raises(ReadError, match="none of the 2 password"):
        read(locked, ReadOptions(engine, ("one", "two")))


@pytest.mark.parametrize("engine", ENGINES)
def test_an_empty_user_password_needs_no_password(make_document, engine: str) -> None:  # type: ignore[no-untyped-def]
    locked = _encrypted(make_document("plan.pdf", BLOCKS), "")
    doc = read(locked, ReadOptions(engine))
    assert doc.blocks[0].text == "Northby Plan"
    assert not doc.protected


def test_a_table_over_a_page_break_is_one_table_as_in_word(make_document) -> None:  # type: ignore[no-untyped-def]
    names = [
        f"{a} {b}"
        for a in ("Warm", "Safe", "Green", "Fair")
        for b in (
            "homes",
            "streets",
            "parks",
            "jobs",
            "schools",
            "buses",
            "clinics",
            "shops",
            "libraries",
            "markets",
            "rivers",
            "farms",
        )
    ]
    rows = [["Priority", "What we will do"], *([name, f"Improve {name.lower()}"] for name in names)]
    blocks = [("h2", "Our priorities"), ("table", rows), ("p", "After the table.")]

    pdf = read(make_document("long.pdf", blocks))
    cells = [(b.cell, b.text) for b in pdf.blocks if b.kind == "table_cell"]
    word = [
        (b.cell, b.text)
        for b in read_document(make_document("long.docx", blocks)).blocks
        if b.kind == "table_cell"
    ]

    assert {b.page for b in pdf.blocks if b.kind == "table_cell"} == {1, 2}
    # Rows numbered on across the page, the header repeated on page 2 not read as a row.
    assert cells == word


@pytest.mark.parametrize("engine", ENGINES)
def test_a_short_document_s_running_header_does_not_cut_a_list_over_a_page_break(
    tmp_path: Path, engine: str
) -> None:
    from fpdf import FPDF

    class WithHeader(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(
                0,
                6,
                "Westmere Health and Wellbeing Strategy | Draft",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            self.ln(2)

    pdf = WithHeader()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    # Enough text that the list starts near the foot of page 1.
    for _ in range(7):
        pdf.multi_cell(0, 6, "Westmere has many villages and growing needs for care. " * 8)
        pdf.ln(3)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, "Our priorities", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "We will focus on six priorities:", new_x="LMARGIN", new_y="NEXT")
    items = [
        "Warm homes",
        "Good jobs",
        "Clean air",
        "Safe streets",
        "Healthy weight",
        "Less loneliness",
    ]
    for number, item in enumerate(items, start=1):
        pdf.multi_cell(0, 7, f"{number}. {item}", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    document = read(path, ReadOptions(engine))
    assert max(b.page or 0 for b in document.blocks) == 2  # the list runs onto page 2
    assert not [b for b in document.blocks if "Draft" in b.text]
    listed = [b.text for b in document.blocks if b.kind == "list_item"]
    assert listed == items


def test_a_table_row_whose_last_cell_wraps_keeps_the_rows_after_it(make_document) -> None:  # type: ignore[no-untyped-def]
    # The wrapped row's first line holds every cell's first line on one baseline, too full
    # of text for a gap to show by width alone; the rows after it were read as prose.
    rows = [
        ["Priority", "What we will do"],
        ["Support unpaid carers", "Open a carers hub."],
        [
            "Improve mental wellbeing",
            "Train mental health first aiders in every school, college, surgery and workplace "
            "across the borough by the end of the plan.",
        ],
        ["Warm homes", "Insulate homes."],
        ["Clean air", "Clean air zones."],
    ]
    blocks = [("h2", "Our priorities"), ("table", rows), ("p", "After the table.")]

    pdf = [(b.cell, b.text) for b in read(make_document("t.pdf", blocks)).blocks]
    word = [(b.cell, b.text) for b in read_document(make_document("t.docx", blocks)).blocks]

    assert [c for c in pdf if c[0] is not None] == [c for c in word if c[0] is not None]
    assert ((4, 0), "Clean air") in pdf


def test_a_table_whose_wrapped_cells_are_centred_and_widely_spaced_is_read_by_cell(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # fpdf2's tables centre each cell in its row and set a cell's lines two font sizes
    # apart: the wrapped cells were not seen as cells, and the table was read as lines
    # glued across cells ('Loneliness Launch the befriending volunteer').
    rows = [
        ["Priority", "What we will do", "Lead", "By when"],
        [
            "Loneliness",
            "Launch the befriending volunteer scheme in every ward",
            "Volunteers",
            "2025",
        ],
        ["Warm homes", "Train ten caseworkers", "Housing lead", "2025"],
        ["Strong start", "Open peer-support groups in all four family hubs", "Families", "2026"],
    ]
    pdf = FPDF()
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9.5)
    with pdf.table(col_widths=(25, 60, 35, 30), text_align="LEFT") as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    path = tmp_path / "centred.pdf"
    pdf.output(str(path))
    cells = [(b.cell, b.text) for b in read(path).blocks if b.kind == "table_cell"]
    assert cells == [
        ((number, column), text)
        for number, row in enumerate(rows)
        for column, text in enumerate(row)
    ]


def test_table_rows_too_full_of_text_for_their_gap_to_show_are_still_rows(
    tmp_path: Path,
) -> None:
    # Cells set top-aligned on one baseline: the rows with longer cells look, by width, like
    # ordinary lines, and the row whose last cell wraps is followed by a line in that column.
    from fpdf import FPDF

    rows = [
        ["Priority", "What we will do"],
        ["Support unpaid carers", "Open a carers hub."],
        ["Improve mental wellbeing", "Train mental health first aiders in every school."],
        ["Warm homes", "Insulate homes."],
        ["Clean air", "Clean air zones."],
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    # Lines as close as a word processor sets them (fpdf2's default is twice the font size).
    spacing = pdf.font_size * 1.3
    layout = {"text_align": "LEFT", "v_align": "TOP", "col_widths": (50, 50), "width": 120}
    with pdf.table(first_row_as_headings=False, line_height=spacing, **layout) as table:
        for cells in rows:
            row = table.row()
            for text in cells:
                row.cell(text)
    path = tmp_path / "top.pdf"
    pdf.output(str(path))

    found = {b.cell: b.text for b in read(path).blocks if b.kind == "table_cell"}
    assert [found.get((r, 0)) for r in range(5)] == [r[0] for r in rows]
    assert found[(2, 1)] == rows[2][1]


def test_a_heading_opening_a_short_page_is_not_taken_for_a_running_header() -> None:
    from alignck.readers._pdflines import Line
    from alignck.readers.pdf import _drop_running_lines

    def line(text: str, y: float) -> Line:
        return Line(text, 11.0, False, 72.0, y)

    # On a page of two lines the first two are the last two: the heading was counted twice
    # there, and with its contents entry (digits aside, the same letters) it reached three.
    pages = [
        [line("Westbury Strategy", 700), line("Westbury Health Board", 680)],
        [line("Contents", 700), line("Start well 3", 680), line("Age well 5", 660)],
        [line("Start well", 700), line("We will open family hubs.", 680), line("More.", 660)],
        [line("Live well", 700), line("We will fund stop smoking.", 680), line("More.", 660)],
        [line("Age well", 700), line("We will offer falls classes.", 680)],
    ]
    kept = _drop_running_lines(pages, 11.0)
    assert [ln.text for ln in kept[4]] == ["Age well", "We will offer falls classes."]


def test_a_year_on_its_own_line_is_not_a_page_number() -> None:
    from alignck.readers.pdf import _is_page_number

    assert [_is_page_number(t, 12) for t in ("7", "Page 7 of 12", "7/12", "312")] == [True] * 4
    # A cover's 'Strategy 2025-' / '2030': the year was dropped, the title cut short.
    assert not _is_page_number("2030", 12)
    assert _is_page_number("1200", 1300)


def test_a_financial_year_on_its_own_line_is_not_a_page_of_pages() -> None:
    from alignck.readers.pdf import _is_page_number

    # A title wrapped before its year ('... Delivery Plan' / '2025/26') lost the year.
    assert not _is_page_number("2025/26", 12)
    assert not _is_page_number("2025/2026", 12)
    assert not _is_page_number("12/7", 12)
    assert _is_page_number("12/12", 12)


def test_a_heading_with_a_bullet_is_a_heading_when_the_outline_names_it(tmp_path: Path) -> None:
    from fpdf import FPDF

    # Word headings that carry list bullets keep the bullet in the PDF: read as list items,
    # the priorities after the first were lost under paragraphs between them.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.start_section("Our ambitions", level=0)
    pdf.multi_cell(0, 9, "Our ambitions", new_x="LMARGIN", new_y="NEXT")
    for name, promise in (
        ("Outstanding care", "We will cut waiting times for planned care."),
        ("A healthier workforce", "We will open an occupational health service."),
    ):
        pdf.set_font("Helvetica", "B", 11)
        pdf.start_section(name, level=1)
        pdf.multi_cell(0, 6, f"\x95 {name}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5, promise, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "bulleted.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, b.text, b.level) for b in read(path).blocks]
    assert blocks == [
        ("heading", "Our ambitions", 1),
        ("heading", "Outstanding care", 2),
        ("paragraph", "We will cut waiting times for planned care.", 0),
        ("heading", "A healthier workforce", 2),
        ("paragraph", "We will open an occupational health service.", 0),
    ]


def test_footnotes_are_not_text_and_their_marks_not_part_of_headings(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A footnote read as text joined the page's last section, and its aside was taken for a
    # stated priority; a heading's mark ('Reduce smoking3') kept it from its outline entry.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.start_section("Our priorities", level=0)
    pdf.multi_cell(0, 9, "Our priorities", new_x="LMARGIN", new_y="NEXT")
    for number, (name, promise) in enumerate(
        (
            ("Tackle fuel poverty", "We will help 5,000 households a year to insulate."),
            ("Reduce smoking", "We will fund a stop smoking service in every pharmacy."),
        ),
        start=1,
    ):
        pdf.set_font("Helvetica", "B", 13)
        pdf.start_section(name, level=1)
        pdf.multi_cell(0, 7, f"{name}{number}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 12)
        pdf.multi_cell(0, 6, promise, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-45)
    pdf.set_font("Helvetica", "", 9)
    for note in (
        "1 Reduce gambling harm is a priority for another partnership.",
        "2 Smoking prevalence was 14.2% in 2023.",
    ):
        pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "notes.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, b.text) for b in read(path).blocks]
    assert blocks == [
        ("heading", "Our priorities"),
        ("heading", "Tackle fuel poverty"),
        ("paragraph", "We will help 5,000 households a year to insulate."),
        ("heading", "Reduce smoking"),
        ("paragraph", "We will fund a stop smoking service in every pharmacy."),
    ]


def test_footnotes_whose_marks_are_set_as_superscripts_are_not_text(tmp_path: Path) -> None:
    from fpdf import FPDF

    # LibreOffice sets a footnote's number as a superscript, on a baseline of its own: the
    # number was dropped as a page number, and the note, no longer opening with one, was
    # read as body text (a source quoted as a commitment, an aside making a verdict) and cut
    # a list running over the page break.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Our priorities are:", new_x="LMARGIN", new_y="NEXT")
    for item in ("Good quality, affordable homes", "A thriving local economy"):
        pdf.multi_cell(0, 6, f"- {item}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-45)
    for number, note in enumerate(
        ("We will improve bus services under the Local Transport Plan.", "ONS, 2023."), start=1
    ):
        y = pdf.get_y()
        pdf.set_font("Helvetica", "", 5)
        pdf.set_xy(10, y - 2)
        pdf.cell(3, 3, str(number))
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(14, y)
        pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "superscripts.pdf"
    pdf.output(str(path))
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("paragraph", "Our priorities are:"),
        ("list_item", "Good quality, affordable homes"),
        ("list_item", "A thriving local economy"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_footnote_whose_number_is_in_the_body_s_type_close_under_the_text_is_not_text(
    tmp_path: Path, engine: str
) -> None:
    from fpdf import FPDF

    # LibreOffice's footnote: its number in the body's type, its words in 8 points, about
    # two lines' size under the text. Read by its number's type and taken for a caption, it
    # was quoted as a commitment ('1 We will also make all our offices ... smoke-free').
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_y(220)
    body = [
        f"In 202{n} we completed {n * 100 + 12} new affordable homes for local people."
        for n in range(4)
    ]
    for sentence in body:
        pdf.multi_cell(0, 5.1, sentence, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 2.2
    pdf.set_xy(10, y)
    pdf.cell(3, 4, "1")
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(13, y + 0.5)
    pdf.multi_cell(0, 3.5, "We will also make our offices smoke-free by 2027.")
    path = tmp_path / "note.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path, ReadOptions(engine)).blocks] == [" ".join(body)]


def _page_with_text_written_last(
    path: Path, box_x: float, page_number_size: float | None = None
) -> Path:
    """Headings and text down the page, then text written last at ``box_x``, back up in the
    gap under 'At a glance': where word processors put a text box's text; then, with
    ``page_number_size``, a page number in that type at the foot, written after the box as a
    footer is."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    for heading, y in (("At a glance", 20), ("Background", 80)):
        pdf.set_xy(20, y)
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 8, heading)
    pdf.set_xy(20, 90)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "The strategy was agreed by the Board in March 2025.")
    for offset, text in enumerate(("Healthy weight for every child", "Fewer people smoking")):
        pdf.set_xy(box_x, 35 + offset * 8)
        pdf.cell(0, 6, text)
    if page_number_size is not None:
        pdf.set_xy(0, 285)
        pdf.set_font("Helvetica", "", page_number_size)
        pdf.cell(210, 5, "2", align="C")
    pdf.output(str(path))
    return path


def test_a_text_box_written_last_is_read_where_it_sits(tmp_path: Path) -> None:
    # Read in the order written, the box's lines joined the page's last section.
    boxed = read(_page_with_text_written_last(tmp_path / "box.pdf", 24))
    assert [b.text for b in boxed.blocks] == [
        "At a glance",
        "Healthy weight for every child",
        "Fewer people smoking",
        "Background",
        "The strategy was agreed by the Board in March 2025.",
    ]
    # Text far to the right of the running text is a column or a sidebar: left in place.
    column = read(_page_with_text_written_last(tmp_path / "column.pdf", 120))
    assert [b.text for b in column.blocks][:2] == ["At a glance", "Background"]


def test_a_bulleted_item_listing_a_heading_that_follows_stays_an_item(tmp_path: Path) -> None:
    from fpdf import FPDF

    # The list names the priorities; their headings follow on the page, in the outline.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.start_section("Our priorities", level=0)
    pdf.multi_cell(0, 9, "Our priorities", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10.5)
    for name in ("Safer roads", "Disrupt drug supply"):
        pdf.multi_cell(0, 5, f"\x95 {name}", new_x="LMARGIN", new_y="NEXT")
    for name in ("Safer roads", "Disrupt drug supply"):
        pdf.set_font("Helvetica", "B", 13)
        pdf.start_section(name, level=1)
        pdf.multi_cell(0, 7, name, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5, "We will act on it this year.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "listed.pdf"
    pdf.output(str(path))
    kinds = [(b.kind, b.text) for b in read(path).blocks][:5]
    assert kinds == [
        ("heading", "Our priorities"),
        ("list_item", "Safer roads"),
        ("list_item", "Disrupt drug supply"),
        ("heading", "Safer roads"),
        ("paragraph", "We will act on it this year."),
    ]


def test_a_numbered_item_listing_a_heading_that_follows_stays_an_item(tmp_path: Path) -> None:
    from fpdf import FPDF

    # Word's numbered list, then a section headed by each item's words, as LibreOffice
    # exports them: the items on the headings' page were read as headings (their outline
    # entries), the list cut in two and its first items lost as stated priorities.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10.5)
    pdf.multi_cell(0, 5, "The Board has agreed three objectives:", new_x="LMARGIN", new_y="NEXT")
    names = ("1. Reduce waiting times", "2. Treat more people at home", "3. Net zero by 2040")
    for name in names:
        pdf.multi_cell(0, 5, name, new_x="LMARGIN", new_y="NEXT")
    for name in names:
        pdf.set_font("Helvetica", "B", 13)
        pdf.start_section(name, level=0)
        pdf.multi_cell(0, 7, name, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5, "We will act on it this year.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "listed.pdf"
    pdf.output(str(path))
    kinds = [(b.kind, b.marker, b.text) for b in read(path).blocks][:6]
    assert kinds == [
        ("paragraph", None, "The Board has agreed three objectives:"),
        ("list_item", "1.", "Reduce waiting times"),
        ("list_item", "2.", "Treat more people at home"),
        ("list_item", "3.", "Net zero by 2040"),
        ("heading", None, "1. Reduce waiting times"),
        ("paragraph", None, "We will act on it this year."),
    ]


def test_a_number_opening_a_wrapped_line_goes_on_with_the_sentence() -> None:
    from alignck.readers._pdflines import Line

    # '65.' opened an item: quoted as 'people over' and 'We will work with the county'.
    wrapped = [
        Line("We will run a falls service for people over", 10, False, 72, 700),
        Line("65. We will adapt homes so that people", 10, False, 72, 688),
        Line("can stay independent.", 10, False, 72, 676),
    ]
    assert _assemble([wrapped]) == [
        (
            "paragraph",
            "We will run a falls service for people over 65. We will adapt homes so that "
            "people can stay independent.",
        )
    ]
    listed = [
        Line("Our priorities", 10, False, 72, 700),
        Line("1. Start well", 10, False, 72, 688),
        Line("2. Live well", 10, False, 72, 676),
    ]
    assert [kind for kind, _ in _assemble([listed])] == ["paragraph", "list_item", "list_item"]


@pytest.mark.parametrize(
    ("scanned", "pages", "said"),
    [
        ([2, 3], 3, "pages 2-3 of 3"),
        ([2, 4, 6, 8], 8, "pages 2, 4, 6 and 8"),
    ],
    ids=["last two of three", "every other"],
)
def test_half_a_pdf_without_text_is_warned_of_however_its_pages_fall(
    tmp_path: Path, scanned: list[int], pages: int, said: str
) -> None:
    document = read(_partly_scanned(tmp_path, scanned, pages))
    assert any(w.startswith(said) for w in document.warnings), document.warnings


def _turned_page(path: Path, degrees: int) -> Path:
    """A list and a table set turned by ``degrees`` anticlockwise on a portrait page, as a
    landscape table or a sideways panel is."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    with pdf.rotation(degrees, x=105, y=148):
        pdf.set_xy(20, 60)
        pdf.multi_cell(
            170,
            7,
            "Our priorities\n\n- Give every child the best start in life\n"
            "- Improve mental health for all ages\n- Build warm and affordable homes",
        )
        pdf.set_xy(20, 110)
        with pdf.table(col_widths=(50, 120)) as table:
            for cells in (("Priority", "What we will do"), ("Warm homes", "We will insulate")):
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    pdf.output(str(path))
    return path


# Upside-down text (180) is left out: PDFium gives a row's cells in the page's order, so the
# cells of a table row come last first; no strategy seen sets its text upside down.
@pytest.mark.parametrize("degrees", [90, 270])
def test_text_turned_on_its_page_is_read_as_upright_text_is(tmp_path: Path, degrees: int) -> None:
    def blocks(path: Path) -> list[tuple[str, int, str]]:
        return [(b.kind, b.level, b.text) for b in read(path).blocks]

    upright = blocks(_turned_page(tmp_path / "upright.pdf", 0))
    assert upright[:4] == [
        ("paragraph", 0, "Our priorities"),
        ("list_item", 1, "Give every child the best start in life"),
        ("list_item", 1, "Improve mental health for all ages"),
        ("list_item", 1, "Build warm and affordable homes"),
    ]
    assert ("table_cell", 0, "We will insulate") in upright
    # Measured across the page, each turned line started further along than the last: the
    # items nested ever deeper, and a list set turning clockwise came bottom item first.
    assert blocks(_turned_page(tmp_path / "turned.pdf", degrees)) == upright


def _watermarked(path: Path, degrees: int | None) -> Path:
    """Two pages with a heading and a promise each, and with ``degrees`` a large bold 'DRAFT'
    set across every page at that angle, as a draft's watermark is."""
    from fpdf import FPDF

    pdf = FPDF()
    pages = [("Start well", "We will fund speech support."), ("Age well", "We will open 14 hubs.")]
    for heading, text in pages:
        pdf.add_page()
        if degrees is not None:
            with pdf.rotation(degrees, x=105, y=150):
                pdf.set_font("Helvetica", "B", 90)
                pdf.text(40, 190, "DRAFT")
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("degrees", [45, 30, -60])
def test_a_watermark_set_at_a_slant_across_the_page_is_not_read(
    tmp_path: Path, engine: str, degrees: int
) -> None:
    def blocks(path: Path) -> list[tuple[str, int, str, tuple[str, ...]]]:
        return [
            (b.kind, b.level, b.text, b.section) for b in read(path, ReadOptions(engine)).blocks
        ]

    plain = blocks(_watermarked(tmp_path / "plain.pdf", None))
    assert plain[0] == ("heading", 1, "Start well", ())
    # In large bold type, 'DRAFT' was the first heading of every page: every section's top.
    assert blocks(_watermarked(tmp_path / "draft.pdf", degrees)) == plain


@pytest.mark.parametrize("spacing", [1.2, 1.5, 1.85, 2.0, 2.4])
def test_paragraphs_set_at_one_and_a_half_or_double_spacing_stay_whole(
    tmp_path: Path, spacing: float
) -> None:
    from fpdf import FPDF

    first = (
        "We will open eight family hubs by 2027 so that every family with a new baby can get "
        "help with feeding, sleep and the first months of parenthood close to home. We will "
        "train two hundred volunteers to support parents in the most deprived wards, and "
        "we will publish what they tell us about the help families need every year."
    )
    second = "A second paragraph follows, long enough to run on to a second line of the page."
    pdf = FPDF(unit="pt")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pitch = 11 * spacing
    pdf.multi_cell(400, pitch, first)
    pdf.ln(pitch * 0.6)
    pdf.multi_cell(400, pitch, second)
    path = tmp_path / "spaced.pdf"
    pdf.output(str(path))

    # Word's 1.5 lines puts a paragraph's lines about 1.85 font sizes apart: each line was
    # read as a paragraph of its own, and quotes stopped mid-sentence.
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("paragraph", first),
        ("paragraph", second),
    ]


@pytest.mark.parametrize("marker", ["-", "1."])
def test_an_item_typed_without_a_hanging_indent_wraps_as_one_item(
    tmp_path: Path, marker: str
) -> None:
    from fpdf import FPDF

    items = [
        "Warm homes for everyone: we will invest in tackling fuel poverty and damp and mould in "
        "private rented homes across the district.",
        "Mental health and wellbeing: we will fund talking cafes and suicide prevention "
        "training for the council's front-line staff.",
    ]
    after = "This plan was agreed by the council in March 2025 and is reviewed every year."
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for item in items:
        # The marker typed in the text, so the lines it wraps to start under it.
        pdf.multi_cell(0, 6, f"{marker} {item}")
        pdf.ln(1)
    pdf.multi_cell(0, 6, after)
    path = tmp_path / "typed.pdf"
    pdf.output(str(path))

    # Each item was cut at its first line: 'suicide prevention training for' was quoted.
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("list_item", items[0]),
        ("list_item", items[1]),
        ("paragraph", after),
    ]


def test_items_of_a_narrow_column_wrap_as_one_item_where_their_lines_stop_short(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # A column's lines are shorter than the page's full lines, so a wrapped item's first
    # line never looked as if it ran out of room: 'We will support 200 people with' was
    # quoted alone, and 'dementia.' was a paragraph of its own.
    items = [
        "We will recruit 150 befriending volunteers to visit isolated older people at home, "
        "including people living with dementia.",
        "We will support 200 people with long-term health conditions into paid employment.",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(
        0,
        6,
        "Our plan for the next three years sets out what we will do across "
        "the district, with our partners, to reach the people who need us most.",
    )
    pdf.ln(4)
    for item in items:
        pdf.set_x(10)
        pdf.multi_cell(80, 6, f"- {item}")
        pdf.ln(2)
    path = tmp_path / "column.pdf"
    pdf.output(str(path))
    listed = [b.text for b in read(path).blocks if b.kind == "list_item"]
    assert listed == items, [(b.kind, b.text) for b in read(path).blocks]


def test_an_item_whose_lines_sit_as_far_apart_as_the_items_wraps_as_one_item(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # Lines and items evenly spaced leave only the words to tell a wrap from the next item:
    # '... across every neighbourhood in' / 'the county, ...' became an item and a paragraph.
    items = [
        "Healthy weight: we will fund weight management services and, across every "
        "neighbourhood in the county, expand leisure centre opening hours for families.",
        "Leisure: we will refurbish two swimming pools.",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 20, "Our priorities", new_x="LMARGIN", new_y="NEXT")
    for number, item in enumerate(items, start=1):
        pdf.multi_cell(0, 7, f"{number}. {item}", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "even.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, b.text) for b in read(path).blocks]
    assert [text for kind, text in blocks if kind == "list_item"] == items, blocks
    assert [kind for kind, text in blocks if "county" in text] == ["list_item"], blocks


def test_short_lower_case_paragraphs_set_apart_stay_paragraphs(tmp_path: Path) -> None:
    from fpdf import FPDF

    # Under the rule for lines that go on mid-sentence, a lead-in ending on a noun and the
    # lower-case lines set apart below it were read as one paragraph.
    texts = [
        "Over the next three years we will work on three priorities with residents and partners",
        "tackling loneliness and social isolation",
        "money advice, fair work and the cost of living",
        "Find out more",
        "www.alderbrook.org.uk/plan",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in texts:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "apart.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path).blocks] == texts


def test_rows_spaced_wider_than_the_text_do_not_widen_a_paragraph_s_spacing(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # Single-spaced paragraphs, then the rows of a table 2.2 font sizes apart: taken for the
    # document's line spacing, the rows' spacing merged the paragraphs into one, and the rows.
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    paragraphs = [
        "We will open eight family hubs by 2027 so that every family with a new baby can get "
        "help with feeding, sleep and the first months of parenthood close to home.",
        "We will insulate three thousand homes in the most deprived wards and we will report "
        "every year on damp, mould and fuel poverty across the district.",
        "We will train two hundred volunteers to support older people who live alone and we "
        "will publish what they tell us about loneliness every year.",
    ]
    for paragraph in paragraphs:
        pdf.multi_cell(480, 12, paragraph)
        pdf.ln(8)
    rows = [
        ("Increase childhood immunisation uptake", "95 per cent by 2027"),
        ("Reduce smoking in pregnancy across wards", "6 per cent by 2028"),
        ("Increase physical activity among adults", "70 per cent by 2028"),
        ("Reduce emergency admissions for falls", "10 per cent by 2027"),
        ("Increase health checks in deprived wards", "75 per cent by 2026"),
        ("Reduce waiting times for talking therapy", "6 weeks by 2026"),
        ("Increase the supply of affordable homes", "500 homes by 2029"),
        ("Reduce the number of people sleeping rough", "Half by 2027"),
    ]
    for aim, target in rows:
        y = pdf.get_y()
        pdf.set_xy(40, y)
        pdf.cell(220, 22, aim)
        pdf.set_xy(265, y)
        pdf.cell(110, 22, target)
        pdf.set_xy(380, y)
        pdf.cell(140, 22, "Public health team lead")
        pdf.set_y(y + 22)
    path = tmp_path / "rows.pdf"
    pdf.output(str(path))
    texts = [b.text for b in read(path).blocks]
    assert texts[: len(paragraphs)] == paragraphs
    assert len(texts) == len(paragraphs) + len(rows)


def test_a_table_row_whose_cell_wraps_at_a_hyphen_stays_a_row(tmp_path: Path) -> None:
    from fpdf import FPDF

    # PDFium joins a line ending in a hyphen to the next: the row's width then looked like
    # one run of text, so the row became a paragraph ('Create safe, clean neighbourhoods Work
    # with the police ...'), and every row after it too; its priority was lost.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    rows = [
        ("Priority", ["What we will do"]),
        (
            "Prevent homelessness",
            ["Open a prevention hub and end the use of bed and", "breakfast for families by 2026."],
        ),
        (
            "Create safe, clean neighbourhoods",
            ["Work with the police to tackle anti-", "social behaviour and fund two wardens."],
        ),
        ("Connect neighbourhoods to jobs", ["Restore evening bus services to the estates."]),
    ]
    y = 30.0
    for name, texts in rows:
        pdf.set_xy(20, y)
        pdf.cell(80, 6, name)
        for row, text in enumerate(texts):
            pdf.set_xy(110, y + 6 * row)
            pdf.cell(90, 6, text)
        y += 6 * len(texts) + 3
    path = tmp_path / "hyphen.pdf"
    pdf.output(str(path))
    cells = [(b.cell, b.text) for b in read(path).blocks if b.kind == "table_cell"]
    assert cells[4:] == [
        ((2, 0), "Create safe, clean neighbourhoods"),
        ((2, 1), "Work with the police to tackle anti-social behaviour and fund two wardens."),
        ((3, 0), "Connect neighbourhoods to jobs"),
        ((3, 1), "Restore evening bus services to the estates."),
    ]


def test_a_list_that_goes_on_in_the_next_column_keeps_its_level(tmp_path: Path) -> None:
    from fpdf import FPDF

    # The next column's items stand a column's width further right: measured as an indent,
    # items 4 to 6 became sub-items of item 3.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(15, 20)
    pdf.cell(0, 6, "Our priorities are:")
    items = [
        "Reduce smoking in pregnancy",
        "Help adults reach a healthy weight",
        "Improve mental health for all ages",
        "Protect people from gambling harm",
        "Give every child the best start",
        "Reduce air pollution near schools",
    ]
    for number, item in enumerate(items, start=1):
        column, row = divmod(number - 1, 3)
        pdf.set_xy(15 + column * 95, 30 + row * 8)
        pdf.cell(90, 6, f"{number}. {item}")
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    listed = [(b.level, b.text) for b in read(path).blocks if b.kind == "list_item"]
    assert listed == [(1, item) for item in items]


@pytest.mark.parametrize("repeated", [True, False], ids=["repeated header", "no header"])
def test_a_row_cut_by_a_page_break_goes_on_under_the_repeated_header(
    tmp_path: Path, repeated: bool
) -> None:
    from fpdf import FPDF

    # Word repeats a table's header row on the next page and lets a row break across pages:
    # the rest of the cut row, under the repeated header, was read into the header's cell
    # ('What we will do land and Homes England funding.') and the header taken for a row of
    # its own ('Priority', a stated priority); a first cell cut mid-phrase ('independently')
    # became a row of its own too.
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)

    def row(y: float, first: list[str], second: list[str]) -> float:
        return _table_row(pdf, y, first, second, 90)

    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.cell(0, 6, "Our priorities, and what we will do for each, are set out below.")
    y = row(230, ["Priority"], ["What we will do"])
    y = row(y, ["Prevent homelessness"], ["Open a prevention hub by 2026."])
    y = row(
        y,
        ["Support older people to live"],
        ["Build 1,500 homes, including 400 for", "social rent, using council"],
    )
    pdf.add_page()
    if repeated:
        y = row(20, ["Priority"], ["What we will do"])
        y = row(y - 3, ["independently"], ["land and Homes England funding."])
    else:
        # No repeated header: the cut cell's rest opens the page in its column, above the
        # table's next row (it was read as a paragraph, and the table started again at 0).
        y = row(20, [], ["land and Homes England funding."])
    y = row(y, ["Make homes warmer"], ["Retrofit 3,000 council homes."])
    y = row(y, ["Connect neighbourhoods"], ["Restore evening bus services."])
    path = tmp_path / "cut.pdf"
    pdf.output(str(path))
    cells = [(b.cell, b.text) for b in read(path).blocks if b.kind == "table_cell"]
    assert cells == [
        ((0, 0), "Priority"),
        ((0, 1), "What we will do"),
        ((1, 0), "Prevent homelessness"),
        ((1, 1), "Open a prevention hub by 2026."),
        ((2, 0), "Support older people to live" + (" independently" if repeated else "")),
        (
            (2, 1),
            "Build 1,500 homes, including 400 for social rent, using council land and Homes "
            "England funding.",
        ),
        ((3, 0), "Make homes warmer"),
        ((3, 1), "Retrofit 3,000 council homes."),
        ((4, 0), "Connect neighbourhoods"),
        ((4, 1), "Restore evening bus services."),
    ]


@pytest.mark.parametrize(
    ("rest", "after"),
    [
        (["accommodation for survivors."], []),
        (["accommodation for survivors."], ["Approved by Cabinet, 12 March 2025."]),
        (["accommodation for", "Domestic Abuse survivors."], ["Approved by Cabinet."]),
    ],
    ids=["table ends", "text follows", "a later line in capitals"],
)
def test_the_rest_of_a_cut_row_joins_its_cell_where_the_table_does_not_go_on(
    tmp_path: Path, rest: list[str], after: list[str]
) -> None:
    from fpdf import FPDF

    # The cut row was the table's last, or text came after it: with no table going on below
    # it, the rest of the cell was read as a paragraph, and the promise quoted cut short
    # ('We will commission 23 units of safe').
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)

    def lines(x: float, y: float, texts: list[str]) -> None:
        for at, text in enumerate(texts):
            pdf.set_xy(x, y + 6 * at)
            pdf.cell(80, 6, text)

    pdf.add_page()
    for y, first, second in [
        (240, ["Priority"], ["Action"]),
        (249, ["Warm homes"], ["We will insulate 300 homes."]),
        (258, ["Safe homes"], ["We will commission 23", "units of safe"]),
    ]:
        lines(20, y, first)
        lines(110, y, second)
    pdf.add_page()
    lines(110, 20, rest)
    lines(20, 40, after)
    path = tmp_path / "cut.pdf"
    pdf.output(str(path))

    blocks = [(b.kind, b.cell, b.text) for b in read(path).blocks]
    assert blocks[-2 - len(after) :] == [
        ("table_cell", (2, 0), "Safe homes"),
        ("table_cell", (2, 1), "We will commission 23 units of safe " + " ".join(rest)),
        *[("paragraph", None, text) for text in after],
    ]


def _two_page_table(
    path: Path, header: tuple[str, str], rows: list[tuple[str, str]], repeated: bool
) -> Path:
    """A table's header and first rows at the foot of page 1, then its last two rows at the
    top of page 2, under the header repeated or not."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)

    def row(y: float, first: str, second: str) -> float:
        pdf.set_xy(20, y)
        pdf.cell(80, 6, first)
        pdf.set_xy(110, y)
        pdf.cell(90, 6, second)
        return y + 9

    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.cell(0, 6, "What we will achieve, and how we will know, is set out below.")
    y = row(240, *header)
    for cells in rows[:-2]:
        y = row(y, *cells)
    pdf.add_page()
    y = row(20, *header) if repeated else 20
    for cells in rows[-2:]:
        y = row(y, *cells)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize(
    ("header", "rows", "repeated"),
    [
        # A row whose cells open with the header's words is a row, not the header repeated.
        (
            ("Outcome", "Indicator"),
            [
                ("Outcome 1: Clean air", "Indicator 1.1: NO2 levels"),
                ("Outcome 2: Skills", "Indicator 2.1: Apprenticeships"),
                ("Outcome 3: Warm homes", "Indicator 3.1: Homes insulated"),
            ],
            False,
        ),
        # A row labelled in lower case ('xvi') is a row, not the rest of the one above.
        (
            ("Ref", "Action"),
            [
                ("xv", "Create a local nature recovery plan"),
                ("xvi", "Expand the home library service"),
                ("xvii", "Open two more family hubs"),
            ],
            True,
        ),
    ],
    ids=["header words", "row label"],
)
def test_a_row_opening_the_next_page_is_a_row_of_its_own(
    tmp_path: Path, header: tuple[str, str], rows: list[tuple[str, str]], repeated: bool
) -> None:
    path = _two_page_table(tmp_path / "rows.pdf", header, rows, repeated)
    cells = [(b.cell, b.text) for b in read(path).blocks if b.kind == "table_cell"]
    expected = [((0, column), text) for column, text in enumerate(header)]
    for number, cells_of_row in enumerate(rows, start=1):
        expected += [((number, column), text) for column, text in enumerate(cells_of_row)]
    assert cells == expected


def test_sub_items_going_on_in_the_next_column_stay_sub_items(tmp_path: Path) -> None:
    from fpdf import FPDF

    # The next column's first item was taken at the top level whatever it was: a priority's
    # actions there became priorities of their own.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    left = [
        (0, "1. Good homes for everyone"),
        (1, "- Build 400 affordable homes"),
        (0, "2. A thriving economy"),
    ]
    right = [
        (1, "- Support 50 new businesses"),
        (1, "- Double apprenticeships"),
        (0, "3. Healthy lives"),
        (1, "- Open two family hubs"),
    ]
    for column, items in enumerate((left, right)):
        for row, (level, text) in enumerate(items):
            pdf.set_xy(15 + column * 95 + level * 8, 30 + row * 8)
            pdf.cell(80, 6, text)
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    listed = [(b.level, b.text) for b in read(path).blocks if b.kind == "list_item"]
    assert listed == [
        (1, "Good homes for everyone"),
        (2, "Build 400 affordable homes"),
        (1, "A thriving economy"),
        (2, "Support 50 new businesses"),
        (2, "Double apprenticeships"),
        (1, "Healthy lives"),
        (2, "Open two family hubs"),
    ]


def test_a_small_page_number_written_after_a_text_box_leaves_the_box_in_place(
    tmp_path: Path,
) -> None:
    # A number in small type is kept until footnotes are found; written after the box (as
    # a footer is), it joined the box's lines, and the box stayed after the page's text.
    path = _page_with_text_written_last(tmp_path / "box.pdf", 24, page_number_size=7)
    assert [b.text for b in read(path).blocks] == [
        "At a glance",
        "Healthy weight for every child",
        "Fewer people smoking",
        "Background",
        "The strategy was agreed by the Board in March 2025.",
    ]


def test_footnote_reference_marks_are_left_out_of_the_text_units_and_formulas_kept(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # Word's footnote references come out of a PDF glued to the text: quotes said 'by
    # 2028.4' and 'services12' where the Word file's said 'by 2028.' and 'services'.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_xy(20, 30)

    def write(text: str, vpos: str = "LINE") -> None:
        pdf.char_vpos = vpos  # type: ignore[assignment]
        pdf.set_font("Helvetica", size=11 if vpos == "LINE" else 7)
        pdf.write(6, text)

    write("We will plant trees over 500 m")
    write("2", "SUP")
    write(" of land and cut CO")
    write("2", "SUB")
    write(" emissions by 2028.")
    write("4", "SUP")
    write(" We will fund services")
    write("12", "SUP")
    write(" for carers.")
    path = tmp_path / "marks.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path).blocks] == [
        "We will plant trees over 500 m2 of land and cut CO2 emissions by 2028. We will fund "
        "services for carers."
    ]


def test_a_mark_glued_to_a_year_a_grouped_figure_or_a_percentage_is_left_out(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # Quotes said 'net zero by 20301 .', 'plant 250,0002 trees' and 'by 45%3'.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for before, mark, after in (
        ("We will make the estate net zero by 2030", "1", "."),
        ("We will plant 250,000", "2", " trees on council land."),
        ("We will cut emissions by 45%", "3", " against 2019 levels."),
        ("The hall is 10", "6", " square metres."),
    ):
        pdf.write(6, before)
        pdf.char_vpos = "SUP"  # type: ignore[assignment]
        pdf.write(6, mark)
        pdf.char_vpos = "LINE"  # type: ignore[assignment]
        pdf.write(6, after)
        pdf.ln(9)
    path = tmp_path / "marks.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path).blocks] == [
        "We will make the estate net zero by 2030.",
        "We will plant 250,000 trees on council land.",
        "We will cut emissions by 45% against 2019 levels.",
        "The hall is 106 square metres.",
    ]


def test_a_bold_word_going_on_into_its_phrase_is_no_lead(tmp_path: Path) -> None:
    from fpdf import FPDF

    from alignck.readers._pdf_pdfium import extract

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(20, 30)
    pdf.cell(14, 6, "Active")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(35, 30)
    pdf.cell(80, 6, ", healthy lives for everyone")
    path = tmp_path / "phrase.pdf"
    pdf.output(str(path))
    assert [line.lead for line in extract(path).pages[0]] == [None]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_running_header_naming_each_page_s_section_is_not_read(
    tmp_path: Path, engine: str
) -> None:
    # 'Hallowmere Strategy · <section>' changes from page to page: it was quoted as a stated
    # priority, and cut a sentence running over the page break in two.
    from fpdf import FPDF

    sections = ["Cover", "Our priorities", "Warm homes for every family", "Good mental health"]

    class WithHeader(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            name = sections[min(self.page_no() - 1, len(sections) - 1)]
            title = f"Hallowmere Corporate Strategy · {name}"
            self.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

    pdf = WithHeader()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for page in range(3):
        for _ in range(6):
            pdf.multi_cell(0, 6, "Hallowmere has many older streets and growing needs. " * 8)
            pdf.ln(3)
        if page < 2:
            pdf.add_page()
    pdf.multi_cell(0, 6, "We will tackle damp and mould in every council home by 2028. " * 6)
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    document = read(path, ReadOptions(engine))
    assert max(b.page or 0 for b in document.blocks) >= 3
    assert not [b for b in document.blocks if "Corporate Strategy" in b.text]


def test_a_title_before_a_separator_is_a_running_title_only_as_written() -> None:
    from alignck.readers._pdflines import Line
    from alignck.readers.pdf import _titled_key

    def key(text: str) -> str:
        return _titled_key(Line(text, 11.0, False, 0.0, 0.0, 0.0))

    assert key("Hallowmere Strategy · Warm homes") == key("Hallowmere Strategy | Good work")
    # Each page opening with its own numbered priority shares no title: all are kept.
    assert key("Priority 1 · Warm homes") != key("Priority 2 · Good work")
    assert key("Housing · Warm homes") == ""  # one word is no title
    assert key("Warm homes for every family") == ""


def test_a_bold_line_under_a_larger_title_and_its_short_lines_read_as_in_word(
    tmp_path: Path,
) -> None:
    # 'Our objectives' in bold straight under the plan's name was read as the title's second
    # line, and the three short lines under it as one paragraph: no stated priority, where
    # the Word file it was saved from gave three.
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    # Set close: 5 mm is under the gap that would part two bold lines of one size anyway.
    pdf.cell(0, 5, "Ormsby Town Council Plan", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 5, "Our objectives", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for line in ("A thriving high street", "Safe and clean parks", "A town for all ages"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    # PDFium, the default engine, tells bold type; pypdf, the fallback, does not.
    blocks = read(path, ReadOptions("pdfium")).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Ormsby Town Council Plan"),
        ("heading", "Our objectives"),
        ("paragraph", "A thriving high street"),
        ("paragraph", "Safe and clean parks"),
        ("paragraph", "A town for all ages"),
    ]


def test_wrapped_prose_whose_lines_open_like_labels_stays_one_paragraph(tmp_path: Path) -> None:
    # A review found wrapped prose cut where a line happened to open like a label ('Our
    # vision: ...' over 'NHS Ormsby: the hospital ...'): a PDF's lines are wraps, not
    # entries, unless they are a column of short names.
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    lines = [
        "Our vision: a healthier town where every resident, whatever their age, is supported by",
        "NHS Ormsby: the hospital, its community teams and the family doctors who work",
        "Together with the council to keep people well at home for longer.",
    ]
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path).blocks] == [" ".join(lines)]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_footer_written_before_a_text_box_s_lines_is_still_a_footer(
    tmp_path: Path, engine: str
) -> None:
    # A word processor writes a page's text boxes after its footer: on the one page with a
    # box the footer was not among the last lines, kept there, and quoted as a promise.
    from fpdf import FPDF

    footer = "OFFICIAL - we will review this plan annually."
    pages = [
        ("Our priorities", "Our priorities are warm homes and thriving children."),
        ("Thriving children", "We will open a family hub in every district by 2026."),
        ("Measuring success", "We will report progress to Cabinet every quarter."),
    ]
    pdf = FPDF()
    for number, (heading, text) in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.text(20, 30, heading)
        pdf.set_font("Helvetica", "", 11)
        pdf.text(20, 40, text)
        pdf.text(20, 285, footer)
        if number == 3:  # a box of two lines, after the footer
            pdf.text(20, 60, "Our pledge: we will halve suicides")
            pdf.text(20, 65, "among young men by 2030.")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))

    texts = [b.text for b in read(path, ReadOptions(engine)).blocks]
    assert footer not in texts
    assert "Our pledge: we will halve suicides among young men by 2030." in texts

    # A table at the top of every page is no header: its first row's last cell, the same in
    # every row ('County council'), is kept.
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for places in (["Northby", "Eastwick"], ["Southam", "Westmoor"], ["Upton", "Lowfield"]):
        pdf.add_page()
        for row, place in enumerate(places):
            pdf.text(20, 30 + 20 * row, place)
            pdf.text(60, 30 + 20 * row, "We will open a family")
            pdf.text(60, 35 + 20 * row, f"hub in {place}.")
            pdf.text(140, 30 + 20 * row, "County council")
        pdf.text(20, 285, footer)
    pdf.output(str(path))
    texts = [b.text for b in read(path, ReadOptions(engine)).blocks]
    assert texts.count("County council") >= 3
    assert footer not in texts


def _two_columns(path: Path, left: list[str], right: list[str]) -> Path:
    """A page of two columns of 10-point lines under a title, each line placed as set."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Westmoor Community Safety Plan", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for x, lines in ((15, left), (110, right)):
        for number, text in enumerate(lines):
            pdf.text(x, 40 + 5 * number, text)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_a_footer_ending_on_its_page_number_is_not_read_on_a_page_of_its_own(
    tmp_path: Path, engine: str
) -> None:
    from fpdf import FPDF

    # 'denbyvalley.gov.uk/publichealth Page 1 of 1' in the bottom margin of a one-page plan
    # (nothing repeats to show it is a footer) was read between a list's third item and its
    # fourth, and the list lost its last three.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.text(15, 40, "We have agreed four priorities:")
    for number, item in enumerate(("- Warm homes", "- Good jobs", "- Clean air", "- Safe streets")):
        pdf.text(15, 46 + 6 * number, item)
    pdf.set_font("Helvetica", "", 8)
    pdf.text(15, 285, "denbyvalley.gov.uk/publichealth Page 1 of 1")
    path = tmp_path / "footer.pdf"
    pdf.output(str(path))
    texts = [b.text for b in read(path, ReadOptions(engine)).blocks]
    assert texts == [
        "We have agreed four priorities:",
        "Warm homes",
        "Good jobs",
        "Clean air",
        "Safe streets",
    ]


_LEFT = [
    "Reported domestic abuse has risen by a quarter",
    "since 2021. We will set up a domestic abuse",
    "hub that brings together",
]
# The sentence ended at the column's foot; the next column opens with a list, or a capital
# after a word a sentence may end on.
_NOT_GOING_ON = [
    ([*_LEFT[:2], "hub in Westmoor."], ["the police and charities will staff it."], ["paragraph"]),
    (_LEFT, ["- the police", "- the council"], ["list_item", "list_item"]),
    ([*_LEFT[:2], "hub in Westmoor"], ["Residents and their families agree."], ["paragraph"]),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sentence_from_the_foot_of_a_column_goes_on_at_the_top_of_the_next(
    tmp_path: Path, engine: str
) -> None:
    def blocks(left: list[str], right: list[str]) -> list[tuple[str, str]]:
        path = _two_columns(tmp_path / "csp.pdf", left, right)
        return [(b.kind, b.text) for b in read(path, ReadOptions(engine)).blocks][1:]

    # Read as two, the promise was quoted cut short: '... a domestic abuse hub that brings
    # together', then 'the police, the council ...' on its own.
    right = ["the police, the council and charities in", "one building. Our partners agree."]
    assert blocks(_LEFT, right) == [
        (
            "paragraph",
            "Reported domestic abuse has risen by a quarter since 2021. We will set up a "
            "domestic abuse hub that brings together the police, the council and charities "
            "in one building. Our partners agree.",
        )
    ]
    # A sentence stopping on a word no sentence ends on goes on whatever the next column
    # opens with: 'hub for' / 'Westmoor residents ...' was quoted as two fragments.
    assert blocks([*_LEFT[:2], "hub for"], ["Westmoor residents and their families."]) == [
        (
            "paragraph",
            "Reported domestic abuse has risen by a quarter since 2021. We will set up a "
            "domestic abuse hub for Westmoor residents and their families.",
        )
    ]
    for left, right, kinds in _NOT_GOING_ON:
        assert blocks(left, right) == [
            ("paragraph", " ".join(left)),
            *zip(kinds, [text.removeprefix("- ") for text in right], strict=True),
        ]


def test_a_number_set_a_little_apart_from_its_word_is_a_word_of_its_own() -> None:
    from alignck.readers._pdf_pdfium import stands_apart

    # Advance boxes (start, end, bottom, top) as PDFium gave them. A contents entry tabbed to
    # its page number, which PDFium read 'inequalities4' (LibreOffice's PDF of a Word file):
    assert stands_apart((299.07, 304.71, 588.36, 598.05), (306.1, 313.1, 588.36, 598.46), 11, 0)
    # 'BRCA1' set as one word, in a PDF whose text matrix scales the type (size given as 1):
    assert not stands_apart(
        (297.75, 305.35, 249.62, 264.46), (305.35, 310.63, 249.62, 264.46), 1, 0
    )
    # A footnote mark raised after 'cancer' is no word of its own:
    assert not stands_apart((230.45, 234.07, 163.58, 170.0), (234.9, 236.6, 167.25, 172.0), 1, 0)


def test_a_word_and_its_number_set_as_one_stay_one(tmp_path: Path) -> None:
    from fpdf import FPDF

    # Measured between ink boxes, the side bearings of 'B' and '1' put 'B12' a fifth of the
    # size apart: 'B 12', and a keyword B12 no longer matched.
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("Times", size=11)
    pdf.text(72, 100, "We will offer B12 injections and COVID19 boosters at Level 1 sites.")
    path = tmp_path / "b12.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path).blocks] == [
        "We will offer B12 injections and COVID19 boosters at Level 1 sites."
    ]


def test_a_space_goes_only_where_a_number_stands_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    from alignck.readers import _pdf_pdfium

    monkeypatch.setattr(_pdf_pdfium._Boxes, "__init__", lambda self, handle, frame: None)
    monkeypatch.setattr(_pdf_pdfium._Boxes, "spaced", lambda self, at: at == 12)
    text = "inequalities4\r\nBRCA1 and 2028\x00"
    # The mark already taken out (\x00) and the digit set close stay as they are.
    shown = _pdf_pdfium._with_number_gaps(text, text, None, _pdf_pdfium._Frame())
    assert shown == "inequalities 4\r\nBRCA1 and 2028\x00"


def test_lines_that_each_open_with_a_label_are_entries_of_their_own(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A list whose labels were typed (or numbered by Word, as LibreOffice sets them) as text
    # comes out as lines of one paragraph; joined, 'Goal 2: ...' and its neighbours made one
    # garbled priority. A paragraph that wraps onto a line opening like a label stays whole.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10.5)
    pdf.multi_cell(0, 5, "The partnership has three goals:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    goals = (
        "Goal 1: Warm homes",
        "Goal 2: Every young person in training, work or education by the age of eighteen",
        "Goal 3: Safer streets",
    )
    for goal in goals:
        pdf.cell(0, 5, goal, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in ("We will report on progress every year to the", "Board: its members", "agree."):
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "goals.pdf"
    pdf.output(str(path))
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("paragraph", "The partnership has three goals:"),
        *[("paragraph", goal) for goal in goals],
        ("paragraph", "We will report on progress every year to the Board: its members agree."),
    ]


def test_the_outline_names_the_heading_not_a_list_line_of_the_same_words(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # The aims listed in body type, then each aim's heading in larger bold type on the same
    # page, both in the outline's words: the list's first line was read as the heading,
    # the other aims nested under it and the heading read twice.
    aims = ("Clean rivers", "Quiet streets", "Open libraries")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10.5)
    pdf.multi_cell(0, 5, "We have three aims:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for number, aim in enumerate(aims, 1):
        pdf.cell(0, 5, f"Aim {number} - {aim}", new_x="LMARGIN", new_y="NEXT")
    for number, aim in enumerate(aims, 1):
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 13)
        pdf.start_section(f"Aim {number}: {aim}", level=0)
        pdf.multi_cell(0, 7, f"Aim {number}: {aim}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5, "We will act on it this year.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "aims.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, b.text, b.section) for b in read(path).blocks]
    assert blocks[:4] == [
        ("paragraph", "We have three aims:", ()),
        *[("paragraph", f"Aim {n} - {aim}", ()) for n, aim in enumerate(aims, 1)],
    ]
    assert blocks[4:] == [
        block
        for n, aim in enumerate(aims, 1)
        for block in (
            ("heading", f"Aim {n}: {aim}", ()),
            ("paragraph", "We will act on it this year.", (f"Aim {n}: {aim}",)),
        )
    ]


def test_a_wrapped_heading_stands_at_the_outline_level_of_its_size(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A title in larger type, then sections whose headings the outline names at one level:
    # the one heading whose title wraps onto two lines matches no entry, and ranked by its
    # size among the title's and the sections' it was nested under the heading before it.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 24)
    pdf.multi_cell(0, 12, "Riverside Partnership", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 16)
    pdf.start_section("Our aims", level=0)
    pdf.multi_cell(0, 9, "Our aims", new_x="LMARGIN", new_y="NEXT")
    for name in (
        "Cleaner rivers",
        "Quieter streets for the people who live along the old ring road and its junctions",
    ):
        pdf.set_font("Helvetica", "B", 13)
        pdf.start_section(name, level=1)
        pdf.multi_cell(120, 7, name, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5, "We will act on it this year. " * 4, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "aims.pdf"
    pdf.output(str(path))
    headings = [(b.text, b.level, b.section) for b in read(path).blocks if b.kind == "heading"]
    assert headings == [
        ("Riverside Partnership", 1, ()),
        ("Our aims", 1, ()),
        ("Cleaner rivers", 2, ("Our aims",)),
        (
            "Quieter streets for the people who live along the old ring road and its junctions",
            2,
            ("Our aims",),
        ),
    ]


def test_a_row_s_last_two_cells_on_one_line_are_split_at_the_table_s_columns(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # Cells written one after another, as LibreOffice writes a table: a row whose 'Lead'
    # cell fits on one line comes out with its 'By' cell on the same line, a little more
    # than a space apart, under an 'Action' cell that wraps: read as one cell, 'Director
    # of Estates 2026/27', the table's columns known from its header row notwithstanding.
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    columns = (90, 198, 306, 414)
    rows = [
        [["Area"], ["Action"], ["Lead"], ["By"]],
        [
            ["Health"],
            ["Open a walk-in", "clinic in town"],
            ["Chief Medical", "Officer"],
            ["2025/26"],
        ],
        [["Estates"], ["Fit heat pumps", "at two sites"], ["Director of Estates"], ["2026/27"]],
        [["Estates"], ["Cut energy use", "by a fifth"], ["Director of Estates"], ["2027/28"]],
    ]
    y = 100.0
    for row in rows:
        for x, cell in zip(columns, row, strict=True):
            for step, text in enumerate(cell):
                pdf.text(x, y + step * 12.6, text)
        y += 12.6 * max(len(cell) for cell in row) + 2
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    cells = [(b.cell, b.text) for b in read(path).blocks if b.kind == "table_cell"]
    assert [text for cell, text in cells if cell and cell[0] == 2] == [
        "Estates",
        "Fit heat pumps at two sites",
        "Director of Estates",
        "2026/27",
    ]
    assert len(cells) == 16


@pytest.mark.parametrize(
    ("cut", "rest", "carried"),
    [
        (["We will cut the energy", "our buildings use by"], "20% by 2030.", True),
        # The cell above ends as a sentence may: the figure opens a row of its own.
        (["We will cut the energy", "our buildings use"], "20 new cycle routes.", False),
    ],
    ids=["goes on", "row of its own"],
)
def test_a_cut_row_goes_on_with_a_figure_after_a_word_no_sentence_ends_on(
    tmp_path: Path, cut: list[str], rest: str, carried: bool
) -> None:
    from fpdf import FPDF

    # The page break cut 'Cut energy use in our buildings by' from '20%': only a cut cell's
    # rest in lower case was carried on, so the figure was a paragraph of its own, the cell
    # was quoted cut short and the rows after it started a new table.
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)

    def row(y: float, first: list[str], second: list[str]) -> float:
        return _table_row(pdf, y, first, second, 80)

    pdf.add_page()
    y = row(240, ["Area"], ["Action"])
    y = row(y, ["Homes"], ["We will insulate 300 homes."])
    row(y, ["Estates"], cut)
    pdf.add_page()
    y = row(20, [], [rest])
    y = row(y, ["Air"], ["We will plant 500 trees."])
    row(y, ["Travel"], ["We will open two park and ride sites."])
    path = tmp_path / "cut.pdf"
    pdf.output(str(path))

    blocks = [(b.kind, b.cell, b.text) for b in read(path).blocks]
    cut_cell = " ".join(cut)
    if carried:
        assert blocks[-6:] == [
            ("table_cell", (2, 0), "Estates"),
            ("table_cell", (2, 1), f"{cut_cell} {rest}"),
            ("table_cell", (3, 0), "Air"),
            ("table_cell", (3, 1), "We will plant 500 trees."),
            ("table_cell", (4, 0), "Travel"),
            ("table_cell", (4, 1), "We will open two park and ride sites."),
        ]
    else:
        assert ("table_cell", (2, 1), cut_cell) in blocks
        assert ("paragraph", None, rest) in blocks


def test_a_hyphen_before_a_figure_at_a_line_end_stays(tmp_path: Path) -> None:
    from fpdf import FPDF

    # PDFium marks a hyphen ending a line and joins the next line to it: a hyphen breaking
    # a word goes, but one before a figure breaks none, and 'under-11s' was quoted 'under11s'.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(60, 6, "Free swimming lessons for the under-\n11s in every school holiday.")
    path = tmp_path / "swim.pdf"
    pdf.output(str(path))
    assert [b.text for b in read(path).blocks] == [
        "Free swimming lessons for the under-11s in every school holiday."
    ]


def test_wrapped_lines_that_open_like_labels_by_chance_stay_one_paragraph(tmp_path: Path) -> None:
    from fpdf import FPDF

    # Each wrapped line opens with a capital and holds a dash or colon, but their 'labels'
    # are neither short nor alike: one paragraph, not three entries.
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10.5)
    for line in (
        "Our Health and Wellbeing Board - the council, the NHS and the voluntary sector -",
        "Fenmarch Council - agreed in March 2025 that the partnership will focus on fewer",
        "NHS and council services working as one: prevention, early help and homes.",
    ):
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "wrapped.pdf"
    pdf.output(str(path))
    assert len([b for b in read(path).blocks if b.kind == "paragraph"]) == 1


def test_a_bold_name_after_a_plain_list_marker_is_the_items_lead(tmp_path: Path) -> None:
    from fpdf import FPDF

    # LibreOffice sets a list's number in plain type and the item's name in bold: the name
    # was lost, read only where the line's first character is bold.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_xy(20, 30)
    for number, name, rest in (
        ("1. ", "Active travel for everyday journeys.", " We will build 20 km of cycle lanes."),
        ("2. ", "Cleaner air.", " We will cut nitrogen dioxide near every school."),
    ):
        pdf.set_font("Helvetica", size=11)
        pdf.write(6, number)
        pdf.set_font("Helvetica", "B", 11)
        pdf.write(6, name)
        pdf.set_font("Helvetica", size=11)
        pdf.write(6, rest)
        pdf.ln(8)
    path = tmp_path / "leads.pdf"
    pdf.output(str(path))
    items = [b for b in read(path).blocks if b.kind == "list_item"]
    assert [b.lead for b in items] == ["Active travel for everyday journeys", "Cleaner air"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_slide_deck_s_footer_does_not_set_the_size_of_its_body_text(
    tmp_path: Path, engine: str
) -> None:
    # A deck has few words a slide and a footer on every one: counted, the footer's small
    # type was the body's size, every line of the slides larger than it was read as a
    # heading, and a heading is never quoted: a slide's commitments had no evidence.
    from fpdf import FPDF

    footer = "OFFICIAL | Northby District Council | Health and Wellbeing Board, 12 June 2025"
    slides = [
        ("Warm homes", ["We will insulate 1,500 homes", "by 2027 to cut fuel poverty."]),
        ("Good local jobs", ["We will spend 40% of our budget", "with local firms."]),
        ("Active lives", ["Free swimming for everyone", "under 16, all year round."]),
    ]
    pdf = FPDF(orientation="L")
    for title, body in slides:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 32)
        pdf.text(20, 40, title)
        pdf.set_font("Helvetica", "", 20)
        for row, line in enumerate(body):
            pdf.text(20, 80 + 10 * row, line)
        pdf.set_font("Helvetica", "", 9)
        pdf.text(20, 200, footer)
    path = tmp_path / "deck.pdf"
    pdf.output(str(path))

    blocks = [(b.kind, b.text) for b in read(path, ReadOptions(engine)).blocks]
    assert blocks == [
        ("heading", "Warm homes"),
        ("paragraph", "We will insulate 1,500 homes by 2027 to cut fuel poverty."),
        ("heading", "Good local jobs"),
        ("paragraph", "We will spend 40% of our budget with local firms."),
        ("heading", "Active lives"),
        ("paragraph", "Free swimming for everyone under 16, all year round."),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_item_wrapped_onto_a_line_opening_with_a_figure_goes_on(
    tmp_path: Path, engine: str
) -> None:
    # Typed without a hanging indent, an item wraps back to its marker's edge; a wrapped
    # line opening with a figure ('110, working ...', '2026.') was a paragraph of its own,
    # and the item was quoted cut short ('... from 180 to').
    from fpdf import FPDF

    lines = [
        "- We will reduce the number of patients who no longer meet the criteria to reside from",
        "180 to 110, working with the county council on a discharge to assess model.",
        "- We will meet the 28-day Faster Diagnosis Standard for suspected cancer at 80% by March",
        "2026.",
        "- We will open the community diagnostic centre in July 2025.",
        "2,000 more tests a year will follow.",
        "- Publish the partnership's annual report every March",
        "2025 saw record demand for urgent care.",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for row, line in enumerate(lines):
        pdf.text(20, 30 + 6 * row, line)
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))

    assert [(b.kind, b.text) for b in read(path, ReadOptions(engine)).blocks] == [
        (
            "list_item",
            "We will reduce the number of patients who no longer meet the criteria to reside "
            "from 180 to 110, working with the county council on a discharge to assess model.",
        ),
        (
            "list_item",
            "We will meet the 28-day Faster Diagnosis Standard for suspected cancer at 80% by "
            "March 2026.",
        ),
        ("list_item", "We will open the community diagnostic centre in July 2025."),
        # After a sentence's end, a figure starts something new; so does a year after a
        # month that is no date to come ('every March'), in an item without a full stop.
        ("paragraph", "2,000 more tests a year will follow."),
        ("list_item", "Publish the partnership's annual report every March"),
        ("paragraph", "2025 saw record demand for urgent care."),
    ]


def test_pdfium_reads_the_held_file_not_what_its_path_names_meanwhile(tmp_path: Path) -> None:
    # Given a path, pypdfium2 resolved the held file's link to its real name, and PDFium
    # opened that: a file swapped at the path while it was read was what PDFium read (an
    # information governance officer's trace).
    from fpdf import FPDF

    from alignck.files import held_open
    from alignck.readers._pdf_pdfium import _open

    def written(path: Path, text: str) -> Path:
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.cell(text=text)
        pdf.output(str(path))
        return path

    plan = written(tmp_path / "plan.pdf", "We will build homes.")
    other = written(tmp_path / "other.pdf", "Someone else's draft.")
    with held_open(plan) as through:
        other.replace(plan)
        document, _ = _open(through, ())
        text = document[0].get_textpage().get_text_range()
        document.close()
    assert "We will build homes." in text and "Someone" not in text


def test_pdfium_reads_no_more_of_the_held_file_than_the_size_limit(tmp_path: Path) -> None:
    # Read whole into memory, a file that grew past the limit after it was measured was read
    # in full (a review).
    from fpdf import FPDF

    from alignck.errors import LimitExceeded
    from alignck.limits import Limits
    from alignck.readers._pdf_pdfium import _open

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="We will build homes.")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    with path.open("ab") as grown:
        grown.write(b"%" + b" " * (2 * 1024 * 1024) + b"\n")
    with pytest.raises(LimitExceeded, match="over the limit of 1 MB"):
        _open(path, (), Limits(file_mb=1))
    document, _ = _open(path, (), Limits(file_mb=4))
    assert "We will build homes." in document[0].get_textpage().get_text_range()
    document.close()


def test_a_figure_wrapped_to_a_table_cell_s_last_line_is_kept(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A tester's table: '65' wrapped from 'every person aged over' stood alone on the cell's
    # last line and was dropped as a page number (or a note's mark) in the middle of the page.
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.cell(100, 6, "Our priorities for the next two years are set out below.")
    y = _table_row(pdf, 34, ["Priority"], ["What we will do"], 80)
    y = _table_row(
        pdf, y, ["Falls"], ["We will offer a balance class", "to every person aged over", "65"], 80
    )
    y = _table_row(pdf, y, ["Healthy weight"], ["We will run weight groups in 20 areas."], 80)
    _table_row(pdf, y, ["Clean air"], ["We will plant 500 trees by 2028."], 80)
    pdf.set_xy(100, 270)
    pdf.cell(20, 6, "1")
    path = tmp_path / "figure.pdf"
    pdf.output(str(path))

    texts = [b.text for b in read(path).blocks]
    assert "We will offer a balance class to every person aged over 65" in texts
    assert "1" not in texts  # the page's own number, in its margin


def test_page_numbers_that_keep_step_with_the_pages_are_dropped_wherever_written(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF

    # A review's repro: a footer of three lines in the body's type, its page number written
    # first, was neither among a page's first or last lines nor set apart in the margin,
    # and after the last change each number was read as a paragraph of its own.
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for number in range(1, 5):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for row, promise in enumerate(
            [
                f"We will open {number + 1} new youth clubs in the north of the borough.",
                "We will insulate 300 homes in the borough by 2028 with our partners.",
                "We will plant 500 trees along the main roads and in every park.",
            ]
        ):
            pdf.set_xy(20, 30 + 7 * row)
            pdf.cell(170, 6, promise)
        pdf.set_xy(180, 287)
        pdf.cell(10, 5, str(number))
        pdf.set_xy(20, 277)
        pdf.cell(100, 5, "Denby Valley Council, Town Hall, Denby DV1 1AA")
        pdf.set_xy(20, 282)
        pdf.cell(100, 5, "www.denby.example/housing")
    path = tmp_path / "footer.pdf"
    pdf.output(str(path))
    assert not [b.text for b in read(path).blocks if b.text.strip().isdigit()]


def _sized_pdf(by_matrix: bool) -> bytes:
    """One page of a heading and body text, its type sized by the font (Tf 18) or, as
    InDesign writes it, by the text matrix over a font of one point (Tf 1, Tm 18 0 0 18)."""
    from hostile_files import _assemble, stream

    lines = [(18, b"Our priorities")] + [
        (11, b"We will insulate %d homes in the borough by 2028 with our partners." % n)
        for n in (100, 200, 300, 400)
    ]
    shown = b""
    y = 760
    for size, text in lines:
        if by_matrix:
            shown += b"BT /F1 1 Tf %d 0 0 %d 56 %d Tm (%s) Tj ET\n" % (size, size, y, text)
        else:
            shown += b"BT /F1 %d Tf 56 %d Td (%s) Tj ET\n" % (size, y, text)
        y -= 2 * size
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(shown, b"null"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_type_sized_by_the_text_matrix_reads_as_type_sized_by_the_font(tmp_path: Path) -> None:
    # A designer's InDesign export: every font set at one point and scaled by the text
    # matrix, so every line read as one size; a page that renders as another read otherwise.
    paths = []
    for by_matrix in (False, True):
        path = tmp_path / f"sized-{by_matrix}.pdf"
        path.write_bytes(_sized_pdf(by_matrix))
        paths.append(path)
    plain, scaled = ([(b.kind, b.text) for b in read(p).blocks] for p in paths)
    assert plain[0] == ("heading", "Our priorities")
    assert scaled == plain


def test_a_page_of_small_labels_does_not_set_the_body_s_type(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A designer's short summary with a map of sixty ward labels in 5-point type: the labels
    # outnumbered the summary's own text, which was all read as headings, and its three
    # priorities were lost.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.set_xy(20, 20)
    pdf.cell(150, 8, "Our priorities")
    pdf.set_font("Helvetica", size=11)
    lines = [
        "We have agreed three priorities with our partners:",
        "- Giving children the best start",
        "- Tackling loneliness",
        "- Healthier homes",
    ]
    for row, text in enumerate(lines):
        pdf.set_xy(20, 32 + 7 * row)
        pdf.cell(170, 6, text)
    pdf.add_page()
    pdf.set_font("Helvetica", size=5)
    for label in range(60):
        pdf.set_xy(20 + 30 * (label % 6), 20 + 12 * (label // 6))
        pdf.cell(25, 3, f"Ward {label + 1}")
    path = tmp_path / "map.pdf"
    pdf.output(str(path))

    blocks = [(b.kind, b.text) for b in read(path).blocks if b.page == 1]
    assert blocks == [
        ("heading", "Our priorities"),
        ("paragraph", "We have agreed three priorities with our partners:"),
        ("list_item", "Giving children the best start"),
        ("list_item", "Tackling loneliness"),
        ("list_item", "Healthier homes"),
    ]


def test_numbers_set_large_beside_their_names_number_them(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A designer's priorities, each numbered by a large figure in a circle beside its name:
    # the figures were read as headings ('Our plan › 1 › Help every child ...'), and the
    # names as text under them, not the list they are.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=16)
    pdf.set_xy(20, 20)
    pdf.cell(150, 8, "Our priorities")
    names = ["Help every child to have the best start", "Support people to move more"]
    for row, name in enumerate(names):
        y = 40 + 30 * row
        pdf.set_font("Helvetica", size=24)
        pdf.set_xy(20, y)
        pdf.cell(12, 12, str(row + 1))
        pdf.set_font("Helvetica", size=11)
        pdf.set_xy(36, y + 1)
        pdf.cell(150, 6, name)
        pdf.set_xy(36, y + 10)
        pdf.cell(150, 6, "We will work with schools, families and the NHS across the borough.")
    path = tmp_path / "icons.pdf"
    pdf.output(str(path))

    blocks = [(b.kind, b.marker, b.text) for b in read(path).blocks]
    assert ("list_item", "1.", names[0]) in blocks
    assert ("list_item", "2.", names[1]) in blocks
    assert not [text for kind, _, text in blocks if kind == "heading" and text.isdigit()]


def test_a_plan_on_a_page_of_two_word_priorities_keeps_its_body_s_type(tmp_path: Path) -> None:
    from fpdf import FPDF

    # A review's repro of the map-labels change: six priorities of two words each under a
    # title and over a strapline set large: the large type was taken for the body's, every
    # heading read as text, and the six priorities were lost.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=20)
    pdf.set_xy(20, 20)
    pdf.cell(170, 10, "Our plan on a page 2025 to 2028")
    pdf.set_font("Helvetica", size=14)
    pdf.set_xy(20, 40)
    pdf.cell(170, 8, "Our priorities")
    pdf.set_font("Helvetica", size=11)
    names = ["Warm homes", "Good jobs", "Safer streets", "Faster buses", "Cleaner air"]
    names += ["Healthy children"]
    for row, name in enumerate(names):
        pdf.set_xy(20, 55 + 9 * row)
        pdf.cell(80, 6, name)
    pdf.set_font("Helvetica", size=20)
    pdf.set_xy(20, 120)
    pdf.cell(170, 10, "Working together with all our partners")
    path = tmp_path / "poster.pdf"
    pdf.output(str(path))
    blocks = [(b.kind, b.text) for b in read(path).blocks]
    assert ("heading", "Our priorities") in blocks
    assert [text for kind, text in blocks if kind == "paragraph"][:6] == names


def test_a_circled_figure_is_no_number_to_count() -> None:
    from alignck.readers._pdflines import Line
    from alignck.readers.pdf import _icon_numbers, _stepping_numbers

    # A review's repro: '①' passes isdigit() but int() refuses it, and a circled figure set
    # large beside a source note stopped the document's reading with an error.
    circled = Line("①", 7.0, False, 20.0, 100.0)
    note = Line("Source: Office for National Statistics, 2024.", 5.0, False, 30.0, 99.0)
    assert _icon_numbers([circled, note]) == [circled, note]
    assert _stepping_numbers([[circled], [circled]], 11.0) == set()
