import re
from collections.abc import Callable
from pathlib import Path

import pytest

from alignck.errors import ReadError
from alignck.readers.docx import read


def test_heading_styles_lists_and_tables(make_document) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        "plan.docx",
        [
            ("h1", "Plan"),
            ("h2", "Our priorities"),
            ("ol", ["Warm homes", "Good jobs"]),
            ("ul", ["a bullet"]),
            ("p", "Body text."),
            ("table", [["Measure", "Target"], ["Homes", "300"]]),
        ],
    )
    doc = read(path)
    summary = [(b.kind, b.text, b.level, b.marker) for b in doc.blocks]
    assert summary == [
        ("heading", "Plan", 1, None),
        ("heading", "Our priorities", 2, None),
        ("list_item", "Warm homes", 1, "1."),
        ("list_item", "Good jobs", 1, "2."),
        ("list_item", "a bullet", 1, "•"),
        ("paragraph", "Body text.", 0, None),
        ("table_cell", "Measure", 0, None),
        ("table_cell", "Target", 0, None),
        ("table_cell", "Homes", 0, None),
        ("table_cell", "300", 0, None),
    ]
    assert doc.blocks[2].section == ("Plan", "Our priorities")
    assert doc.format == "docx"


def test_not_a_docx_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"\x00\x01 this is not a zip archive")
    with pytest.raises(ReadError, match=r"not a valid Word \.docx file"):
        read(path)


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("plan.docx", b"# Plan\n\nWe will.\n", "not a Word .docx file; it looks like text: name"),
        ("plan.pdf", b"# Plan\n\nWe will.\n", "not a PDF; it looks like text: name it .txt"),
        # A download that failed: the site's error page was saved under the document's name.
        (
            "strategy.pdf",
            b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>",
            "not a PDF; it is a web page (HTML), perhaps a download that failed: save the "
            "document itself",
        ),
        (
            "strategy.docx",
            b"\n<HTML>\n<body>Sign in</body></HTML>",
            "not a Word .docx file; it is a web page (HTML), perhaps a download that failed",
        ),
        # Word's 'Save as Web Page' under a Word name: the advice is Word's.
        (
            "strategy.docx",
            b'<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>Plan</body></html>',
            "not a Word .docx file; it is a web page saved from Word: open it in Word and save "
            "it as .docx",
        ),
        (
            "plan.txt",
            b"%PDF-1.7\n\x00\x01\x02",
            "not a text file; it looks like a PDF: name it .pdf",
        ),
        ("plan.md", b"PK\x03\x04\x00\x00", "it looks like a ZIP archive (a Word .docx, perhaps)"),
        # No NUL in its opening kilobytes, as a real PDF's: it was read as Windows-1252.
        (
            "plan.txt",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20,
            "not a text file; it looks like a PDF: name it .pdf",
        ),
    ],
)
def test_a_file_with_another_format_s_extension_is_named_for_what_it_is(
    tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    from alignck.readers import read_document

    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=re.escape(said)):
        read_document(path)


def _archive(path: Path, *parts: str, mimetype: str | None = None) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        if mimetype is not None:
            # As OpenDocument writes it: the type first, stored as it is.
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for part in parts:
            archive.writestr(part, "<x/>")
    return path


@pytest.mark.parametrize(
    ("name", "parts", "mimetype", "said"),
    [
        # Every ZIP archive was 'a Word .docx, perhaps: name it .docx', and renamed, a
        # workbook or an OpenDocument text then failed again, in other words.
        ("budget.txt", ("[Content_Types].xml", "xl/workbook.xml"), None, "an Excel workbook"),
        ("deck.md", ("[Content_Types].xml", "ppt/presentation.xml"), None, "a PowerPoint"),
        ("notes.md", ("a.csv",), None, "not a text file; it looks like a ZIP archive"),
        ("plan.txt", ("[Content_Types].xml", "word/document.xml"), None, "a Word document"),
        (
            "plan.md",
            ("content.xml",),
            "application/vnd.oasis.opendocument.text",
            "an OpenDocument text: name it .odt",
        ),
        (
            "plan.pdf",
            ("content.xml",),
            "application/vnd.oasis.opendocument.spreadsheet",
            "not a PDF; it looks like an OpenDocument spreadsheet",
        ),
        # A template was told 'name it .odt', then refused as a template named .odt.
        (
            "plan.txt",
            ("content.xml",),
            "application/vnd.oasis.opendocument.text-template",
            "it looks like an OpenDocument template (.ott)",
        ),
    ],
)
def test_a_zip_archive_with_a_document_s_name_is_named_by_what_it_holds(
    tmp_path: Path, name: str, parts: tuple[str, ...], mimetype: str | None, said: str
) -> None:
    from alignck.readers import read_document

    path = _archive(tmp_path / name, *parts, mimetype=mimetype)
    with pytest.raises(ReadError) as raised:
        read_document(path)
    assert said in str(raised.value)
    if "Word" not in said:
        assert ".docx" not in str(raised.value)
    if "template" in said:
        assert "name it" not in str(raised.value)


def test_a_short_all_bold_paragraph_is_a_heading(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Our priorities").bold = True
    document.add_paragraph("Warm homes", style="List Bullet")
    document.add_paragraph().add_run("A bold sentence is still a paragraph.").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Partly").bold = True
    mixed.add_run(" bold")
    path = tmp_path / "bold.docx"
    document.save(str(path))
    blocks = [(b.kind, b.text) for b in read(path).blocks]
    assert blocks == [
        ("heading", "Our priorities"),
        ("list_item", "Warm homes"),
        ("paragraph", "A bold sentence is still a paragraph."),
        ("paragraph", "Partly bold"),
    ]
    assert read(path).blocks[1].section == ("Our priorities",)


def test_a_bold_heading_that_goes_on_from_a_styled_one_s_label_is_its_sibling(
    tmp_path: Path,
) -> None:
    import docx

    # 'Priority 3' in bold type after a styled 'Priority 2' heading sat under it: quotes of
    # Priority 3 were placed in 'Our priorities › Priority 2 › Priority 3'.
    document = docx.Document()
    document.add_heading("Our priorities", level=1)
    document.add_heading("Priority 2: Warm, dry homes", level=2)
    document.add_paragraph("We will insulate 300 homes.")
    document.add_paragraph().add_run("Priority 3: A strong start").bold = True
    document.add_paragraph("We will open two family hubs.")
    document.add_paragraph().add_run("Our partners").bold = True
    path = tmp_path / "labelled.docx"
    document.save(str(path))
    blocks = read(path).blocks
    hubs = next(b for b in blocks if b.text.startswith("We will open"))
    assert hubs.section == ("Our priorities", "Priority 3: A strong start")
    levels = {b.text: b.level for b in blocks if b.kind == "heading"}
    assert levels["Priority 3: A strong start"] == levels["Priority 2: Warm, dry homes"] == 2
    # A bold heading with no label to go on from keeps its place below the styled ones.
    assert levels["Our partners"] == 3


def test_a_bold_heading_takes_no_level_from_a_label_of_a_section_closed_before(
    tmp_path: Path,
) -> None:
    import docx

    # 'Stage 2' in bold under 'Priority 1' took the level of 'Stage 1', a section of another
    # part of the plan, and its text lost its place under Priority 1.
    document = docx.Document()
    document.add_heading("How we made this plan", level=1)
    document.add_heading("Stage 1: Listening", level=2)
    document.add_heading("Our priorities", level=1)
    document.add_heading("Priority 1: Warm, dry homes", level=2)
    document.add_paragraph().add_run("Stage 2: Delivery").bold = True
    document.add_paragraph("We will insulate 300 homes by 2027.")
    path = tmp_path / "closed.docx"
    document.save(str(path))
    homes = next(b for b in read(path).blocks if b.text.startswith("We will insulate"))
    assert homes.section == ("Our priorities", "Priority 1: Warm, dry homes", "Stage 2: Delivery")


_BOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>
    </w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""
_BOX_CONTENT = """
<w:txbxContent>
  <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Our priorities</w:t></w:r></w:p>
  <w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>Warm homes</w:t></w:r></w:p>
</w:txbxContent>
"""


def test_text_boxes_are_read_once_as_their_own_blocks(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("Plan", 1)
    anchor = document.add_paragraph("Partners agreed these in 2025.")
    anchor._p.append(parse_xml(_BOX.format(content=_BOX_CONTENT)))
    path = tmp_path / "boxed.docx"
    document.save(str(path))

    summary = [(b.kind, b.text) for b in read(path).blocks]

    # Word stores a text box twice (the shape and a fallback picture); neither copy may run
    # into the paragraph it is anchored to.
    assert summary == [
        ("heading", "Plan"),
        ("paragraph", "Partners agreed these in 2025."),
        ("heading", "Our priorities"),
        ("list_item", "Warm homes"),
    ]


_FLOATING_BOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>{content}</wps:txbx>
    </wps:wsp></wp:anchor></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape style="position:absolute;margin-left:267pt">
    <v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""
_CALL_OUT = """
<w:txbxContent>
  <w:p><w:r><w:t>The Board approved this plan in March 2025.</w:t></w:r></w:p>
</w:txbxContent>
"""


@pytest.mark.parametrize("choice", [True, False])
def test_a_floating_box_is_read_before_the_paragraph_it_is_anchored_to(
    tmp_path: Path, choice: bool
) -> None:
    import docx
    from docx.oxml import parse_xml

    # A call-out anchored in a list's lead-in was read between the two, and the list was
    # no longer read as the priorities its lead-in announces.
    box = _FLOATING_BOX.format(content=_CALL_OUT)
    if not choice:  # an older writer's box: only the VML shape, positioned absolutely
        box = box.replace("<mc:AlternateContent>", "").replace("</mc:AlternateContent>", "")
        box = box[: box.index("<mc:Choice")] + box[box.index("</mc:Choice>") + 12 :]
        box = box.replace("<mc:Fallback>", "").replace("</mc:Fallback>", "")
    document = docx.Document()
    document.add_heading("Our strategic priorities", 1)
    lead_in = document.add_paragraph("The Trust Board has agreed the following priorities:")
    lead_in._p.insert(0, parse_xml(box))
    document.add_paragraph("Net zero hospitals", style="List Number")
    document.add_paragraph("Same day emergency care", style="List Number")
    heading = document.add_heading("Delivery", 1)
    heading._p.append(parse_xml(box))
    # A heading in bold type alone is a heading too: its box stays in its section.
    document.add_paragraph().add_run("Priority 2: Warm homes").bold = True
    document.paragraphs[-1]._p.append(parse_xml(box))
    path = tmp_path / "boxed.docx"
    document.save(str(path))

    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("heading", "Our strategic priorities"),
        ("paragraph", "The Board approved this plan in March 2025."),
        ("paragraph", "The Trust Board has agreed the following priorities:"),
        ("list_item", "Net zero hospitals"),
        ("list_item", "Same day emergency care"),
        # Anchored to a heading, a box stays in the heading's section.
        ("heading", "Delivery"),
        ("paragraph", "The Board approved this plan in March 2025."),
        ("heading", "Priority 2: Warm homes"),
        ("paragraph", "The Board approved this plan in March 2025."),
    ]


def test_bold_words_opening_a_paragraph_are_its_lead(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    led = document.add_paragraph()
    led.add_run("Warm homes. ").bold = True
    led.add_run("We will insulate 1,000 homes.")
    document.add_paragraph("Plain words, then ").add_run("bold ones").bold = True
    path = tmp_path / "led.docx"
    document.save(str(path))

    assert [(b.text, b.lead) for b in read(path).blocks] == [
        ("Warm homes. We will insulate 1,000 homes.", "Warm homes"),
        ("Plain words, then bold ones", None),
    ]


def test_bold_words_that_go_on_into_their_phrase_are_no_lead(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    comma = document.add_paragraph()
    comma.add_run("Active").bold = True
    comma.add_run(", healthy lives")
    lower = document.add_paragraph()
    lower.add_run("Warm").bold = True
    lower.add_run(" homes for all")
    path = tmp_path / "phrase.docx"
    document.save(str(path))
    assert [(b.text, b.lead) for b in read(path).blocks] == [
        ("Active, healthy lives", None),
        ("Warm homes for all", None),
    ]


def test_bold_set_by_a_character_style_makes_a_lead(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    led = document.add_paragraph()
    led.add_run("Warm homes.").style = document.styles["Strong"]
    led.add_run(" We will insulate 1,000 homes.")
    path = tmp_path / "styled.docx"
    document.save(str(path))

    assert [b.lead for b in read(path).blocks] == ["Warm homes"]


def test_a_text_box_in_a_table_cell_is_read_once(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Lead:")
    cell.paragraphs[0]._p.append(parse_xml(_BOX.format(content=_BOX_CONTENT)))
    path = tmp_path / "boxed-cell.docx"
    document.save(str(path))

    assert [b.text for b in read(path).blocks] == ["Lead: Our priorities Warm homes"]


def test_a_bullet_glyph_typed_into_a_list_paragraph_is_not_its_text(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("• Warm homes", style="List Bullet")
    document.add_paragraph("•\tGood jobs", style="List Bullet")
    path = tmp_path / "glyphs.docx"
    document.save(str(path))

    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("list_item", "Warm homes"),
        ("list_item", "Good jobs"),
    ]


def test_a_bullet_inserted_as_a_symbol_opens_a_list_item(tmp_path: Path) -> None:
    # Insert > Symbol and lists pasted from older files put the bullet in a w:sym run, a
    # Symbol-font character with no text: read as nothing, the items were plain paragraphs.
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("Our priorities are:")
    for char, text in [("F0B7", "Good jobs"), ("B7", "Warm homes")]:
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(f'<w:r {w}><w:sym w:font="Symbol" w:char="{char}"/></w:r>'))
        paragraph.add_run("\t" + text)
    tick = document.add_paragraph("Done ")
    tick._p.append(parse_xml(f'<w:r {w}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'))
    path = tmp_path / "symbols.docx"
    document.save(str(path))

    assert [(b.kind, b.text, b.marker) for b in read(path).blocks] == [
        ("paragraph", "Our priorities are:", None),
        ("list_item", "Good jobs", "•"),
        ("list_item", "Warm homes", "•"),
        ("paragraph", "Done", None),
    ]


def test_a_heading_word_numbers_shows_its_number_as_a_pdf_of_it_does(tmp_path: Path) -> None:
    from docx import Document as NewDocument
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = NewDocument()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="Aim %1:"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_heading("Westmere plan", 1)
    for title in ("Warm homes for all", "Good work for all"):
        heading = document.add_heading(title, 2)
        heading._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
        document.add_paragraph("We will act.")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    headings = [b.text for b in read(path).blocks if b.kind == "heading"]
    assert headings == ["Westmere plan", "Aim 1: Warm homes for all", "Aim 2: Good work for all"]


def _bold_headed(path: Path, sizes: tuple[float | None, float | None]) -> Path:
    """A plan whose headings are bold paragraphs: the section heading at sizes[0], each
    priority at sizes[1] (None: the body's size)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()

    def bold(text: str, size: float | None) -> None:
        run = document.add_paragraph().add_run(text)
        run.bold = True
        if size:
            run.font.size = Pt(size)

    bold("Our priorities", sizes[0])
    document.add_paragraph("Over the next five years we will focus on two priorities.")
    for name, promise in (
        ("Warm and healthy homes", "We will bring 1,500 homes up to the decent homes standard."),
        ("Ending rough sleeping", "We will open a hub for people sleeping rough."),
    ):
        bold(name, sizes[1])
        document.add_paragraph(promise)
    document.save(path)
    return path


def test_bold_headings_nest_by_their_type_size(tmp_path: Path) -> None:
    from alignck.extract import extract

    # All bold at one level, the priorities were siblings of 'Our priorities', not under it:
    # none was found, and the lead-in sentence stood in for them.
    doc = read(_bold_headed(tmp_path / "sized.docx", (14, None)))
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Our priorities", 3),
        ("Warm and healthy homes", 4),
        ("Ending rough sleeping", 4),
    ]
    stated = [s.text for s in extract(doc) if s.kind == "priority"]
    assert stated == ["Warm and healthy homes", "Ending rough sleeping"]
    # One size for every bold heading says nothing of their nesting: one level, as before.
    same = read(_bold_headed(tmp_path / "same.docx", (None, None)))
    assert {b.level for b in same.blocks if b.kind == "heading"} == {3}


def test_text_moved_away_with_track_changes_is_not_read(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    # Word keeps moved-away text at its old place as ordinary text (a deletion's is not):
    # read, it duplicated the moved priority, and the duplicate took the priority with it.
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    who = 'w:author="Policy Team" w:date="2025-02-01T00:00:00Z"'
    run = "<w:r><w:t>Give every child the best start in life</w:t></w:r>"

    def item(body: str) -> object:
        return parse_xml(f'<w:p {w}><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>{body}</w:p>')

    document = docx.Document()
    document.add_heading("Our priorities", 1)
    at = document.paragraphs[-1]._p
    for paragraph in (
        item(f'<w:moveTo w:id="1" {who}>{run}</w:moveTo>'),
        item("<w:r><w:t>Help people move more and eat well</w:t></w:r>"),
        item(f'<w:moveFrom w:id="2" {who}>{run}</w:moveFrom>'),
    ):
        at.addnext(paragraph)
        at = paragraph
    document.save(tmp_path / "moved.docx")
    items = [b.text for b in read(tmp_path / "moved.docx").blocks if b.kind == "list_item"]
    assert items == [
        "Give every child the best start in life",
        "Help people move more and eat well",
    ]


def test_an_empty_or_cut_short_docx_says_so(tmp_path: Path, make_document) -> None:  # type: ignore[no-untyped-def]
    # python-docx says 'Package not found at ...' of a file that is there.
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match=r"empty file \(0 bytes\), not a Word \.docx file"):
        read(empty)
    whole = make_document("whole.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ReadError, match=r"not a zip archive \(damaged or cut short\?\)") as raised:
        read(cut)
    assert "Package not found" not in str(raised.value)


def test_a_bold_paragraph_with_an_outline_number_is_a_heading(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("3.2 Housing").bold = True
    document.add_paragraph("We will build 1,200 affordable homes.")
    document.add_paragraph().add_run("3.3 Clean air").bold = True
    document.add_paragraph("We will plant 20,000 trees.")
    # Not bold, or one level of number only: as before, the items of a list.
    document.add_paragraph("4.1 Warm homes")
    document.add_paragraph().add_run("1. Thriving children").bold = True
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    blocks = read(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "3.2 Housing"),
        ("paragraph", "We will build 1,200 affordable homes."),
        ("heading", "3.3 Clean air"),
        ("paragraph", "We will plant 20,000 trees."),
        ("list_item", "Warm homes"),
        ("list_item", "Thriving children"),
    ]
    assert blocks[1].section == ("3.2 Housing",) and blocks[3].section == ("3.3 Clean air",)


def test_a_zip_archive_named_docx_says_what_it_holds(tmp_path: Path) -> None:
    # The library's own words ('There is no item named [Content_Types].xml in the archive')
    # were the whole explanation.
    import zipfile

    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("minutes.txt", "Minutes")
        archive.writestr("figures/table.csv", "a,b")
    with pytest.raises(ReadError) as raised:
        read(path)
    assert str(raised.value).endswith(
        "not a valid Word .docx file: a zip archive without a Word document in it (it holds "
        "minutes.txt, figures/table.csv)"
    )


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    # A template's guidance left in as hidden text aligned priorities the plan never speaks
    # of; Word does not show it.
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    hidden = paragraph.add_run("Guidance: we will reduce rough sleeping (delete this). ")
    hidden.font.hidden = True
    paragraph.add_run("We will open four new family hubs.")
    shown = document.add_paragraph()
    unhidden = shown.add_run("We will plant trees.")
    unhidden.font.hidden = False
    document.save(tmp_path / "hidden.docx")
    assert [b.text for b in read(tmp_path / "hidden.docx").blocks] == [
        "We will open four new family hubs.",
        "We will plant trees.",
    ]


def test_struck_through_text_is_read_as_taken_out(tmp_path: Path) -> None:
    # A draft's words struck through, not tracked: a tester's 'and end rough sleeping' was
    # quoted as the plan's promise; 'We will not build' read as a refusal.
    import docx

    document = docx.Document()
    first = document.add_paragraph("We will insulate 2,000 homes")
    first.add_run(" and end rough sleeping").font.strike = True
    first.add_run(" by 2028.")
    second = document.add_paragraph("We will ")
    second.add_run("not ").font.double_strike = True
    second.add_run("build 600 homes.")
    third = document.add_paragraph()
    unstruck = third.add_run("We will plant trees.")
    unstruck.font.strike = False
    document.save(tmp_path / "struck.docx")
    assert [b.text for b in read(tmp_path / "struck.docx").blocks] == [
        "We will insulate 2,000 homes by 2028.",
        "We will build 600 homes.",
        "We will plant trees.",
    ]


def test_a_part_embedded_as_html_is_warned_of_not_dropped_in_silence(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    document = docx.Document()
    document.add_paragraph("We will open four new family hubs.")
    document.paragraphs[-1]._p.addnext(parse_xml(f'<w:altChunk {w} {r} r:id="rIdAlt"/>'))
    document.save(tmp_path / "chunk.docx")
    read_back = read(tmp_path / "chunk.docx")
    assert read_back.warnings == (
        "1 part embedded as HTML or another document (altChunk) not read: open the file in Word "
        "and save it again to make them ordinary text",
    )


def test_strict_open_xml_and_other_formats_named_docx_are_named(tmp_path: Path) -> None:
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("We will open four new family hubs.")
    document.save(tmp_path / "plain.docx")
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(tmp_path / "plain.docx") as source, zipfile.ZipFile(strict, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
            out.writestr(item, data)
    with pytest.raises(ReadError, match="'Strict Open XML Document' format is not read"):
        read(strict)
    odt = tmp_path / "odt.docx"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ReadError, match=r"it looks like an OpenDocument text: name it \.odt"):
        read(odt)


def test_a_workbook_named_docx_is_named_for_what_it_is(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = tmp_path / "plan.docx"
    Workbook().save(workbook)
    with pytest.raises(ReadError, match=r"not a Word document: an Excel workbook \(\.xlsx\)"):
        read(workbook)


def test_text_hidden_through_a_style_is_not_read(tmp_path: Path) -> None:
    # Templates hide their guidance with a style, not on the text itself.
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    guidance = document.styles.add_style("Guidance", WD_STYLE_TYPE.PARAGRAPH)
    guidance.font.hidden = True
    note = document.styles.add_style("Hidden note", WD_STYLE_TYPE.CHARACTER)
    note.font.hidden = True
    shown_again = document.styles.add_style("Shown guidance", WD_STYLE_TYPE.PARAGRAPH)
    shown_again.base_style = guidance
    shown_again.font.hidden = False
    document.add_paragraph("Guidance: we will reduce rough sleeping.", style="Guidance")
    paragraph = document.add_paragraph("We will open four new family hubs.")
    paragraph.add_run(" (Note: check the figure.)", style="Hidden note")
    document.add_paragraph("We will plant trees.", style="Shown guidance")
    document.save(tmp_path / "styled.docx")
    assert [b.text for b in read(tmp_path / "styled.docx").blocks] == [
        "We will open four new family hubs.",
        "We will plant trees.",
    ]


def test_a_word_file_with_two_parts_of_one_name_is_refused(tmp_path: Path) -> None:
    import warnings
    import zipfile

    from alignck.readers.docx import read

    source = Path(__file__).parent.parent.parent / "examples" / "riverside-county-council-plan.docx"
    doubled = tmp_path / "doubled.docx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
        with zipfile.ZipFile(source) as original, zipfile.ZipFile(doubled, "w") as copy:
            for info in original.infolist():
                copy.writestr(info, original.read(info.filename))
            copy.writestr("word/document.xml", original.read("word/document.xml"))
    # python-docx read the second body, which Word may not show.
    with pytest.raises(ReadError, match=r"two parts named word/document\.xml"):
        read(doubled)


@pytest.mark.parametrize("types", ["<x/>", "not xml <"])
def test_a_zip_with_a_broken_content_types_part_says_what_it_holds(
    tmp_path: Path, types: str
) -> None:
    # A blind tester's zip of '[Content_Types].xml' alone: the reason given was python-docx's
    # "AttributeError: 'lxml.etree._Element' object has no attribute 'overrides'".
    import zipfile

    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
    with pytest.raises(ReadError) as raised:
        read(path)
    assert str(raised.value).endswith(
        "not a valid Word .docx file: a zip archive without a Word document in it (it holds "
        "[Content_Types].xml)"
    )


def test_lines_parted_by_manual_breaks_are_entries_as_markdown_lines_are(tmp_path: Path) -> None:
    # Shift+Enter between four promises: read as one passage, a blind tester's plan addressed
    # one priority in four. Markdown's and a text file's lines part them; so do Word's now.
    import docx

    from alignck.readers.markdown import read as read_markdown

    promises = [
        "We will insulate 2,000 council homes",
        "We will build 20 km of cycle lanes",
        "We will plant 5,000 street trees",
    ]
    document = docx.Document()
    paragraph = document.add_paragraph()
    for index, promise in enumerate(promises):
        run = paragraph.add_run(promise)
        if index < len(promises) - 1:
            run.add_break()
    wrapped = document.add_paragraph()
    wrapped.add_run("We will work with partners across").add_break()
    wrapped.add_run("the county to cut waiting times.")
    document.save(tmp_path / "breaks.docx")
    (tmp_path / "breaks.md").write_text(
        "\n".join(promises) + "\n\nWe will work with partners across\nthe county to cut "
        "waiting times.\n",
        encoding="utf-8",
    )
    word = [b.text for b in read(tmp_path / "breaks.docx").blocks]
    assert word == [*promises, "We will work with partners across the county to cut waiting times."]
    assert word == [b.text for b in read_markdown(tmp_path / "breaks.md").blocks]


def _with_parts(tmp_path: Path, changed: Callable[[str, bytes], bytes | None]) -> Path:
    """A one-paragraph Word file with each part as ``changed`` gives it (None: left out)."""
    import zipfile

    import docx

    whole = tmp_path / "whole.docx"
    document = docx.Document()
    document.add_paragraph("We will act.")
    document.save(str(whole))
    cut = tmp_path / "cut.docx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(cut, "w") as target:
        for item in source.infolist():
            data = changed(item.filename, source.read(item.filename))
            if data is not None:
                target.writestr(item, data)
    return cut


def test_a_word_file_with_a_damaged_part_is_called_damaged_not_empty(tmp_path: Path) -> None:
    # It holds a Word document: 'a zip archive without a Word document in it' was untrue.
    def halved(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "word/document.xml" else data

    cut = _with_parts(tmp_path, halved)
    with pytest.raises(ReadError) as raised:
        read(cut)
    assert "damaged Word .docx file: a part of it is not valid (" in str(raised.value)


def test_text_struck_through_by_its_style_is_taken_out_and_is_no_lead(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    removed = document.styles.add_style("Removed", WD_STYLE_TYPE.CHARACTER)
    removed.font.strike = True
    styled = document.add_paragraph("We will plant trees")
    styled.add_run(" and end rough sleeping", style="Removed")
    styled.add_run(".")
    led = document.add_paragraph()
    old = led.add_run("Old name. ")
    old.bold = True
    old.font.strike = True
    led.add_run("We will insulate 1,000 homes.")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert [(b.text, b.lead) for b in read(path).blocks] == [
        ("We will plant trees.", None),
        ("We will insulate 1,000 homes.", None),
    ]


def test_strike_turned_off_by_a_run_or_a_style_based_on_a_struck_one_is_read(
    tmp_path: Path,
) -> None:
    # A review found both dropped: Word shows them unstruck.
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    removed = document.styles.add_style("Removed", WD_STYLE_TYPE.CHARACTER)
    removed.font.strike = True
    kept = document.styles.add_style("Kept", WD_STYLE_TYPE.CHARACTER)
    kept.base_style = removed
    kept.font.strike = False
    paragraph = document.add_paragraph("We will plant trees")
    paragraph.add_run(" and open a library", style="Kept")
    unstruck = paragraph.add_run(" and mend bridges", style="Removed")
    unstruck.font.strike = False
    paragraph.add_run(" and end rough sleeping", style="Removed")
    paragraph.add_run(".")
    path = tmp_path / "kept.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == [
        "We will plant trees and open a library and mend bridges."
    ]


def test_strike_turned_off_on_a_run_in_a_struck_paragraph_style_is_read(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    struck = document.styles.add_style("StruckPara", WD_STYLE_TYPE.PARAGRAPH)
    struck.font.strike = True
    document.add_paragraph("We will close the libraries.", style="StruckPara")
    kept = document.add_paragraph(style="StruckPara")
    kept.add_run("We will open ten new parks.").font.strike = False
    path = tmp_path / "para.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == ["We will open ten new parks."]


def test_a_superscript_note_mark_after_a_word_is_not_read_but_a_unit_s_is(
    tmp_path: Path,
) -> None:
    # 'clean air' then a raised '1' read 'clean air1', and the air priority was partial.
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("We will deliver clean air")
    paragraph.add_run("1").font.superscript = True
    paragraph.add_run(" around every school and 500 m")
    paragraph.add_run("2").font.superscript = True
    paragraph.add_run(" of new parks.")
    # After a figure grouped in thousands, a raised figure is a note's mark too.
    trees = document.add_paragraph("We will plant 250,000")
    trees.add_run("2").font.superscript = True
    trees.add_run(" trees.")
    path = tmp_path / "marks.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == [
        "We will deliver clean air around every school and 500 m2 of new parks.",
        "We will plant 250,000 trees.",
    ]


def test_a_macro_enabled_word_document_is_read_as_word(tmp_path: Path) -> None:
    # A partner's .docm was passed over as an unknown type, and the run passed without it.
    import zipfile

    import docx

    from alignck.readers import discover, read_document

    made = tmp_path / "made.docx"
    document = docx.Document()
    document.add_paragraph("We will prevent fires in the home.")
    document.save(str(made))
    path = tmp_path / "fire-plan.docm"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(main.encode(), macro.encode())
            target.writestr(item, data)
    assert [b.text for b in read_document(path).blocks] == ["We will prevent fires in the home."]
    assert set(discover([tmp_path]).files) == {path, made}


def test_a_password_protected_word_file_is_said_to_be_one(tmp_path: Path) -> None:
    # It was called 'an old Office file (.doc or .xls); save it as .docx', of a .docx.
    from alignck.readers import read_document

    compound = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016
    locked = tmp_path / "council-plan.docx"
    locked.write_bytes(compound + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"))
    old = tmp_path / "old-plan.docx"
    old.write_bytes(compound + b"\x00" * 600 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(ReadError, match="password-protected Office file"):
        read_document(locked)
    with pytest.raises(ReadError, match=r"old Office file \(.doc or .xls\)"):
        read_document(old)


def test_a_docm_that_is_not_word_is_said_to_be_what_it_is(tmp_path: Path) -> None:
    from alignck.readers import read_document

    text = tmp_path / "plan.docm"
    text.write_text("just text here\n", encoding="utf-8")
    page = tmp_path / "page.docm"
    page.write_text("<!DOCTYPE html><html>", encoding="utf-8")
    with pytest.raises(ReadError, match=r"not a Word \.docm file; it looks like text"):
        read_document(text)
    with pytest.raises(ReadError, match="it is a web page"):
        read_document(page)


def test_a_word_contents_page_drawn_with_leader_tabs_or_toc_styles_is_navigation(
    tmp_path: Path,
) -> None:
    # Word draws a contents page's dots with a tab stop, read as a space: its entries were
    # text ('How we will tackle health inequalities 7', a commitment) where the PDF saved
    # from it had dots and read them as a table of contents.
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Inches

    from alignck.readers import read_document

    document = docx.Document()
    document.add_heading("In this plan", 2)
    for name, page in (("Introduction", 2), ("How we will tackle health inequalities", 7)):
        paragraph = document.add_paragraph(f"{name}\t{page}")
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(Inches(6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("Contents again", 2)
    for name, page in (("Our vision", 3), ("How we will cut our carbon emissions", 9)):
        document.add_paragraph(f"{name}\t{page}", style="toc 1")
    document.add_heading("Introduction", 2)
    document.add_paragraph("The trust runs six leisure centres.")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    navigation = [b.text for b in read_document(path).blocks if b.navigation]
    assert navigation == [
        "Introduction",
        "How we will tackle health inequalities",
        "Our vision",
        "How we will cut our carbon emissions",
    ]


@pytest.mark.parametrize("dropped", ["[Content_Types].xml", "_rels/.rels", "word/styles.xml"])
def test_a_word_file_missing_a_package_part_names_the_part(tmp_path: Path, dropped: str) -> None:
    # '[Content_Types].xml' dropped was 'a zip archive without a Word document in it (it holds
    # _rels/.rels, ...)', yet word/document.xml was there: its partner said so.
    cut = _with_parts(tmp_path, lambda name, data: None if name == dropped else data)
    with pytest.raises(ReadError) as raised:
        read(cut)
    assert str(raised.value).endswith(
        f"damaged Word .docx file: it holds word/document.xml but no {dropped} "
        "(save it again from Word)"
    )


def test_a_subtitle_is_the_title_s_second_line_not_an_entry_under_it(tmp_path: Path) -> None:
    import docx

    from alignck.extract import extract

    # Under a cover's title 'Green Plan and Strategic Priorities 2025/26', the subtitle (the
    # trust's name) and the meeting's date were taken for its stated priorities.
    document = docx.Document()
    document.add_paragraph("Green Plan and Strategic Priorities 2025/26", style="Title")
    document.add_paragraph("Fenland Acute Hospitals NHS Foundation Trust", style="Subtitle")
    document.add_paragraph("Board of Directors, 5 June 2025")
    document.add_heading("Our strategic priorities", 1)
    document.add_paragraph("The Trust Board has agreed the following priorities:")
    document.add_paragraph("Net zero hospitals", style="List Number")
    document.add_paragraph("Same day emergency care", style="List Number")
    path = tmp_path / "green plan.docx"
    document.save(str(path))

    blocks = read(path).blocks
    assert [(b.kind, b.level) for b in blocks[:2]] == [("heading", 1), ("heading", 2)]
    stated = [s.text for s in extract(read(path)) if s.kind == "priority"]
    assert stated == ["Net zero hospitals", "Same day emergency care"]


_WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _word_list(path: Path, formats: tuple[str, ...], items: list[tuple[int, str]]) -> Path:
    """A Word file of one list numbered by a list definition of its own, ``formats`` giving
    each level's number format, ``items`` each paragraph's level (ilvl) and text."""
    from docx import Document as NewDocument
    from docx.oxml import parse_xml

    document = NewDocument()
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%{ilvl + 1}."/></w:lvl>'
        for ilvl, fmt in enumerate(formats)
    )
    numbering = document.part.numbering_part.element
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_WORD_NS} w:abstractNumId="91">{levels}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {_WORD_NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    for ilvl, text in items:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {_WORD_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="91"/></w:numPr>'
            )
        )
    document.save(str(path))
    return path


def test_sub_items_of_a_word_numbered_list_count_again_from_one_under_each_item(
    tmp_path: Path,
) -> None:
    items = [
        (0, "Warm homes"),
        (1, "Insulate every home"),
        (1, "Fit heat pumps"),
        (0, "Good jobs"),
        (1, "More apprenticeships"),
        (1, "A living wage"),
    ]
    path = _word_list(tmp_path / "plan.docx", ("decimal", "decimal"), items)
    assert [(b.marker, b.level, b.text) for b in read(path).blocks] == [
        ("1.", 1, "Warm homes"),
        ("1.", 2, "Insulate every home"),
        ("2.", 2, "Fit heat pumps"),
        ("2.", 1, "Good jobs"),
        ("1.", 2, "More apprenticeships"),
        ("2.", 2, "A living wage"),
    ]


def test_a_list_level_numbered_none_shows_a_bullet_not_a_number(tmp_path: Path) -> None:
    # Word draws no number for numFmt 'none': the items are a list, but not numbered ones.
    path = _word_list(tmp_path / "plan.docx", ("none",), [(0, "Warm homes"), (0, "Good jobs")])
    assert [(b.kind, b.marker, b.text) for b in read(path).blocks] == [
        ("list_item", "•", "Warm homes"),
        ("list_item", "•", "Good jobs"),
    ]


def test_outline_level_9_is_body_text_not_a_heading(tmp_path: Path) -> None:
    # Word's outline levels 0 to 8 are heading levels 1 to 9; 9 is its 'Body Text' level.
    from docx import Document as NewDocument
    from docx.oxml import parse_xml

    document = NewDocument()
    for outline, text in ((8, "Our priorities"), (9, "We will insulate 500 homes.")):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:outlineLvl {_WORD_NS} w:val="{outline}"/>')
        )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert [(b.kind, b.level, b.text) for b in read(path).blocks] == [
        ("heading", 9, "Our priorities"),
        ("paragraph", 0, "We will insulate 500 homes."),
    ]


def test_a_heading_made_with_a_bold_paragraph_style_of_the_author_s_own_is_a_heading(
    tmp_path: Path,
) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    # Bold and 16 points by a style not based on Word's headings: it was body text, the
    # priorities under it were missed and it was quoted as a commitment.
    document = docx.Document()
    big = document.styles.add_style("Partner Heading", WD_STYLE_TYPE.PARAGRAPH)
    big.font.bold, big.font.size = True, Pt(16)
    small = document.styles.add_style("Partner Subheading", WD_STYLE_TYPE.PARAGRAPH)
    small.font.bold, small.font.size = True, Pt(13)
    document.add_paragraph("Our priorities", style="Partner Heading")
    document.add_paragraph("Warm homes", style="Partner Subheading")
    document.add_paragraph("We will insulate 300 homes.")
    document.add_paragraph("What we will do", style="Partner Heading")
    document.add_paragraph("We will open two family hubs.")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    blocks = read(path).blocks
    headings = [(b.text, b.level) for b in blocks if b.kind == "heading"]
    assert [text for text, _ in headings] == ["Our priorities", "Warm homes", "What we will do"]
    levels = dict(headings)
    assert levels["Our priorities"] == levels["What we will do"] < levels["Warm homes"]
    homes = next(b for b in blocks if b.text.startswith("We will insulate"))
    assert homes.section == ("Our priorities", "Warm homes")


def test_word_s_own_bold_styles_for_captions_and_quotations_make_no_heading(
    tmp_path: Path,
) -> None:
    import docx

    # Bold by Word's own 'Caption' and 'Intense Quote' styles, a figure's caption and a
    # quotation were read as headings, and the promise after them filed under them.
    document = docx.Document()
    document.add_heading("Our plan", level=1)
    document.add_paragraph("Figure 2 Homes insulated by ward", style="Caption")
    document.add_paragraph("Nothing about us without us", style="Intense Quote")
    document.add_paragraph("We will plant 500 trees.")
    path = tmp_path / "captions.docx"
    document.save(str(path))
    blocks = read(path).blocks
    assert [b.text for b in blocks if b.kind == "heading"] == ["Our plan"]
    trees = next(b for b in blocks if b.text.startswith("We will plant"))
    assert trees.section == ("Our plan",)


def test_a_word_style_the_author_made_bold_makes_a_heading(tmp_path: Path) -> None:
    import docx

    # Word's own 'No Spacing' set bold by the author (no customStyle mark) for headings was
    # read as body text once only styles of the author's own counted.
    document = docx.Document()
    document.styles["No Spacing"].font.bold = True
    document.add_paragraph("Warm homes", style="No Spacing")
    document.add_paragraph("We will insulate 300 homes.")
    path = tmp_path / "no-spacing.docx"
    document.save(str(path))
    blocks = read(path).blocks
    assert [b.text for b in blocks if b.kind == "heading"] == ["Warm homes"]


def test_content_controls_in_a_table_are_read_as_word_shows_them(tmp_path: Path) -> None:
    # A tester's form-built plan: a row, a cell and a cell's paragraph each wrapped in a
    # content control (a repeating section, say) were dropped, and the priority in that row
    # became a gap.
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Our priorities", 1)
    rows = [
        ("Priority", "What we will do"),
        ("Active lives", "We will open two leisure centres."),
        ("A smokefree borough", "We will double the use of our stop smoking service."),
        ("Warm homes", "We will insulate 300 homes."),
        ("Ageing well", "We will adapt 200 homes."),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text

    def wrapped(element):  # type: ignore[no-untyped-def]
        control = element.makeelement(qn("w:sdt"), {})
        content = control.makeelement(qn("w:sdtContent"), {})
        control.append(content)
        element.addprevious(control)
        content.append(element)

    trs = table._tbl.findall(qn("w:tr"))
    wrapped(trs[2])  # the row
    wrapped(trs[3].findall(qn("w:tc"))[1])  # a cell
    wrapped(trs[4].findall(qn("w:tc"))[0].find(qn("w:p")))  # a cell's paragraph
    path = tmp_path / "controls.docx"
    document.save(str(path))

    cells = [(b.cell, b.text) for b in read(path).blocks if b.cell is not None]
    assert cells == [((r, c), text) for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_changes_no_one_has_accepted_are_read_as_accepted_and_said(tmp_path: Path) -> None:
    # A tester's draft: a deleted priority was a gap and an inserted one aligned, with no word
    # that either was only proposed.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Our priorities are warm homes and good jobs.")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.element.body.insert(
        -1,
        parse_xml(
            f"<w:p {w}><w:r><w:t xml:space='preserve'>We will </w:t></w:r>"
            '<w:del w:id="1" w:author="A" w:date="2026-12-01T00:00:00Z"><w:r>'
            "<w:delText>close</w:delText></w:r></w:del>"
            '<w:ins w:id="2" w:author="A" w:date="2026-12-01T00:00:00Z"><w:r>'
            "<w:t>open</w:t></w:r></w:ins><w:r><w:t xml:space='preserve'> two hubs.</w:t>"
            "</w:r></w:p>"
        ),
    )
    path = tmp_path / "draft.docx"
    document.save(str(path))
    doc = read(path)
    assert [b.text for b in doc.blocks] == [
        "Our priorities are warm homes and good jobs.",
        "We will open two hubs.",
    ]
    assert doc.warnings == (
        "2 tracked changes not yet accepted or rejected: read as if accepted (insertions read, "
        "deletions not); accept or reject them in Word to check the text as it will stand",
    )


def test_word_numbering_labels_restarts_and_letters_read_as_word_shows_them(
    tmp_path: Path,
) -> None:
    # A tester's plans: a list whose numbering shows 'Priority %1:' lost its labels (three
    # priorities of five found, where the PDF of it gave five); a heading list restarted at
    # 4 read 'Priority 1'; a second instance of one list started again at 1; an 'Annex %1'
    # in letters read 'Annex 1'.
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for xml in (
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="Priority %1:"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>',
        f'<w:abstractNum {w} w:abstractNumId="93">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>'
        '<w:lvlText w:val="Annex %1 –"/></w:lvl></w:abstractNum>',
        f'<w:num {w} w:numId="91"><w:abstractNumId w:val="90"/></w:num>',
        f'<w:num {w} w:numId="92"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>',
        f'<w:num {w} w:numId="94"><w:abstractNumId w:val="93"/></w:num>',
    ):
        element = parse_xml(xml)
        if element.tag.endswith("abstractNum"):
            numbering.insert(0, element)
        else:
            numbering.append(element)

    def numbered(text: str, num: str, level: int, style: str | None = None) -> None:
        paragraph = document.add_paragraph(text, style=style)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
        )

    numbered("Active lives", "91", 0, "Heading 1")
    numbered("Swimming", "91", 1, "Heading 2")
    numbered("Good mental wellbeing", "91", 0)
    numbered("A smokefree borough", "92", 0, "Heading 1")
    numbered("Warm homes", "91", 0, "Heading 1")
    numbered("Ageing well", "94", 0, "Heading 1")
    path = tmp_path / "numbered.docx"
    document.save(str(path))

    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("heading", "Priority 1: Active lives"),
        ("heading", "1.1 Swimming"),
        ("list_item", "Priority 2: Good mental wellbeing"),
        ("heading", "Priority 4: A smokefree borough"),
        ("heading", "Priority 5: Warm homes"),
        ("heading", "Annex A – Ageing well"),
    ]


def _laid_out(tmp_path: Path, pages: int | None) -> Path:
    """A Word file as Word saves one: where it last began each page marked in the text
    (w:lastRenderedPageBreak), and ``pages`` in docProps/app.xml."""
    import re
    import zipfile

    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_heading("Westmoor plan", 1)
    document.add_paragraph("An introduction on the first page.")
    heading = document.add_heading("Our priorities", 2)
    heading.runs[0]._r.insert(0, parse_xml(f"<w:lastRenderedPageBreak {w}/>"))
    document.add_paragraph("Warm homes", style="List Bullet")
    paragraph = document.add_paragraph("We will insulate 300 homes and ")
    run = paragraph.add_run("fit 200 heat pumps.")
    run._r.insert(0, parse_xml(f"<w:lastRenderedPageBreak {w}/>"))
    document.add_paragraph("We will plant 500 trees.")
    plain = tmp_path / "plain.docx"
    document.save(str(plain))
    path = tmp_path / "laid-out.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                shown = f"<Pages>{pages}</Pages>" if pages is not None else ""
                data = re.sub(rb"<Pages>\d+</Pages>", shown.encode(), data)
            target.writestr(item, data)
    return path


def test_pages_where_word_last_laid_them_out_and_said_as_many(tmp_path: Path) -> None:
    # A tester found no Word file ever had page numbers, where a PDF of it did: Word marks
    # where it began each page when it last laid the document out, and saves the count.
    doc = read(_laid_out(tmp_path, 3))
    assert [(b.text[:20], b.page) for b in doc.blocks] == [
        ("Westmoor plan", 1),
        ("An introduction on t", 1),
        ("Our priorities", 2),
        ("Warm homes", 2),
        ("We will insulate 300", 2),  # where it starts; it runs on to page 3
        ("We will plant 500 tr", 3),
    ]
    assert doc.pages == 3


@pytest.mark.parametrize("pages", [5, 1, None])
def test_pages_are_not_given_where_the_count_does_not_hold(
    tmp_path: Path, pages: int | None
) -> None:
    # Edited since it was laid out, or saved by a generator whose template says one page
    # whatever follows, or with no count: no page is known.
    doc = read(_laid_out(tmp_path, pages))
    assert doc.pages is None
    assert {b.page for b in doc.blocks} == {None}


def test_a_paragraph_s_alternate_content_is_read_once(tmp_path: Path) -> None:
    # A tester's file: runs written twice, for newer Word (mc:Choice) and older (mc:Fallback),
    # were both read, and the promise quoted twice over.
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    run = "<w:r><w:t>We will insulate 300 homes.</w:t></w:r>"
    document = docx.Document()
    document.element.body.insert(
        -1,
        parse_xml(
            f"<w:p {w} {mc}><mc:AlternateContent><mc:Choice Requires='w14'>{run}</mc:Choice>"
            f"<mc:Fallback>{run}</mc:Fallback></mc:AlternateContent></w:p>"
        ),
    )
    # And in a table's cell (a review found the cells still read both).
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)._tc
    cell.remove(cell.find(qn("w:p")))
    cell.append(
        parse_xml(
            f"<w:p {w} {mc}><mc:AlternateContent><mc:Choice Requires='w14'>{run}</mc:Choice>"
            f"<mc:Fallback>{run}</mc:Fallback></mc:AlternateContent></w:p>"
        )
    )
    path = tmp_path / "alternate.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == ["We will insulate 300 homes."] * 2


def test_a_note_s_own_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    # A tester's priority 'Ageing well at home*' kept the asterisk its footnote was marked by.
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.element.body.insert(
        -1,
        parse_xml(
            f"<w:p {w}><w:r><w:t>Ageing well at home</w:t></w:r><w:r>"
            "<w:footnoteReference w:customMarkFollows='1' w:id='2'/><w:t>*</w:t></w:r></w:p>"
        ),
    )
    path = tmp_path / "marked.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == ["Ageing well at home"]


def test_a_paragraph_whose_mark_is_deleted_runs_on_into_the_next(tmp_path: Path) -> None:
    # A tester's draft: a tracked change deleting the mark between 'Working with partners, we
    # will' and 'fund debt advice ...' split one promise in two, read as if accepted.
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    body = document.element.body
    for xml in (
        f"<w:p {w}><w:pPr><w:rPr><w:del w:id='1' w:author='A' w:date='2026-12-01T00:00:00Z'/>"
        "</w:rPr></w:pPr><w:r><w:t>Working with partners, we will</w:t></w:r></w:p>",
        f"<w:p {w}><w:r><w:t>fund debt advice in every library.</w:t></w:r></w:p>",
        f"<w:p {w}><w:r><w:t>We will plant 500 trees.</w:t></w:r></w:p>",
    ):
        body.insert(-1, parse_xml(xml))
    path = tmp_path / "joined.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks] == [
        "Working with partners, we will fund debt advice in every library.",
        "We will plant 500 trees.",
    ]


@pytest.mark.parametrize("cut", [False, True], ids=["row on the next page", "row cut"])
def test_a_table_row_is_placed_on_the_page_it_starts_on(tmp_path: Path, cut: bool) -> None:
    # A review's repros: a row Word began on page 2 (each of its cells marked) was placed on
    # page 1; in a row cut by the break, a cell after the one that ran over took page 2.
    import re
    import zipfile

    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Warm homes", "Cllr Patel"), ("Good jobs", "Cllr Jones")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("After the table.")
    mark = f"<w:lastRenderedPageBreak {w}/>"
    if cut:
        # The first row's first cell runs on to page 2: its second paragraph is there.
        cell = table.cell(0, 0)
        cell.add_paragraph("and fit heat pumps")
        cell.paragraphs[1].runs[0]._r.insert(0, parse_xml(mark))
    else:
        for c in range(2):
            table.cell(1, c).paragraphs[0].runs[0]._r.insert(0, parse_xml(mark))
    plain = tmp_path / "plain.docx"
    document.save(str(plain))
    path = tmp_path / "table.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                data = re.sub(rb"<Pages>\d+</Pages>", b"<Pages>2</Pages>", data)
            target.writestr(item, data)
    pages = [(b.text.split()[0], b.page) for b in read(path).blocks]
    assert pages == [
        ("Warm", 1),
        ("Cllr", 1),
        ("Good", 2),
        ("Cllr", 2),
        ("After", 2),
    ]


def test_a_level_an_instance_redefines_starts_again_in_its_list(tmp_path: Path) -> None:
    # A review's repros: a level redefined by an instance (w:lvlOverride with w:lvl) counted
    # apart from its list, so the level under it went on from the earlier item's sub-items
    # ('3.' for the first); a level shown without a number read 'Step 11' for 'Step 1'.
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="80">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="Goal %1"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="85">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="Step %1%2"/></w:lvl></w:abstractNum>'
        ),
    )
    for xml in (
        f'<w:num {w} w:numId="81"><w:abstractNumId w:val="80"/></w:num>',
        f'<w:num {w} w:numId="82"><w:abstractNumId w:val="80"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="upperLetter"/>'
        '<w:lvlText w:val="Goal %1"/></w:lvl></w:lvlOverride></w:num>',
        f'<w:num {w} w:numId="86"><w:abstractNumId w:val="85"/></w:num>',
    ):
        numbering.append(parse_xml(xml))

    def numbered(text: str, num: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
        )

    numbered("first goal", "81", 0)
    numbered("a part", "81", 1)
    numbered("another part", "81", 1)
    numbered("second goal", "82", 0)
    numbered("its part", "82", 1)
    numbered("first step", "86", 1)
    path = tmp_path / "levels.docx"
    document.save(str(path))
    assert [(b.marker, b.text) for b in read(path).blocks] == [
        ("1.", "Goal 1 first goal"),
        ("1.", "a part"),
        ("2.", "another part"),
        ("2.", "Goal B second goal"),
        ("1.", "its part"),
        ("1.", "Step 1 first step"),
    ]
