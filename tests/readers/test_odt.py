import zipfile
from pathlib import Path

import pytest

from alignck.errors import ReadError
from alignck.readers import discover, read_document
from alignck.readers.docx import read as read_docx
from alignck.readers.odt import read

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
# Styles as LibreOffice writes them: automatic ones in content.xml, named ones in styles.xml.
_AUTOMATIC = """
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_1"/>
<style:style style:name="Hidden" style:family="paragraph">
  <style:text-properties text:display="none"/></style:style>
<style:style style:name="T1" style:family="text">
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text">
  <style:text-properties style:text-line-through-style="solid"/></style:style>
<style:style style:name="T3" style:family="text">
  <style:text-properties text:display="none"/></style:style>
<style:style style:name="Big" style:family="text">
  <style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>
<style:style style:name="Break" style:family="paragraph">
  <style:paragraph-properties fo:break-before="page"/></style:style>
<text:list-style style:name="From4">
  <text:list-level-style-number text:level="1" style:num-format="1" text:start-value="4"/>
</text:list-style>
<text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="•"/>
</text:list-style>
"""
_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_NAMESPACES}><office:styles>
<style:style style:name="Heading" style:family="paragraph"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
  style:parent-style-name="Heading" style:default-outline-level="1"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
</office:styles></office:document-styles>"""


def _odt(
    path: Path,
    body: str,
    mimetype: str = "application/vnd.oasis.opendocument.text",
    page_count: int | None = None,
) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}>'
        f"<office:automatic-styles>{_AUTOMATIC}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", _STYLES)
        if page_count is not None:
            archive.writestr(
                "meta.xml",
                '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                'office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">'
                f'<office:meta><meta:document-statistic meta:page-count="{page_count}"/>'
                "</office:meta></office:document-meta>",
            )
    return path


def test_heading_styles_lists_and_tables(make_document) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        "plan.odt",
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
    summary = [(b.kind, b.text, b.level, b.marker, b.cell) for b in doc.blocks]
    assert summary == [
        ("heading", "Plan", 1, None, None),
        ("heading", "Our priorities", 2, None, None),
        ("list_item", "Warm homes", 1, "1.", None),
        ("list_item", "Good jobs", 1, "2.", None),
        ("list_item", "a bullet", 1, "•", None),
        ("paragraph", "Body text.", 0, None, None),
        ("table_cell", "Measure", 0, None, (0, 0)),
        ("table_cell", "Target", 0, None, (0, 1)),
        ("table_cell", "Homes", 0, None, (1, 0)),
        ("table_cell", "300", 0, None, (1, 1)),
    ]
    assert doc.blocks[2].section == ("Plan", "Our priorities")
    assert doc.format == "odt"
    assert doc.pages is None  # no page breaks written: pages unknown


def test_the_same_blocks_as_the_word_file_of_the_same_text(make_document, plan_blocks) -> None:  # type: ignore[no-untyped-def]
    blocks = [*plan_blocks, ("lead", ("Warm homes.", "We will insulate 300 homes."))]
    odt = read(make_document("plan.odt", blocks))
    docx = read_docx(make_document("plan.docx", blocks))

    def shape(document):  # type: ignore[no-untyped-def]
        return [(b.kind, b.text, b.level, b.marker, b.section, b.lead) for b in document.blocks]

    assert shape(odt) == shape(docx)


def test_pages_from_the_page_breaks_libreoffice_writes(tmp_path: Path) -> None:
    path = _odt(
        tmp_path / "paged.odt",
        '<text:h text:outline-level="1">Plan</text:h>'
        "<text:p>Page one.</text:p><text:soft-page-break/>"
        "<text:p>Page two.</text:p>"
        '<text:list text:style-name="L1"><text:soft-page-break/>'
        "<text:list-item><text:p>On page three</text:p></text:list-item></text:list>",
    )
    doc = read(path)
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("Plan", 1),
        ("Page one.", 1),
        ("Page two.", 2),
        ("On page three", 3),
    ]
    assert doc.pages == 3


@pytest.mark.parametrize(
    ("saved", "pages"),
    [(2, [1, 1, 2]), (3, [None, None, None]), (None, [None, None, None]), (1, [None, None, None])],
)
def test_pages_from_manual_breaks_alone_where_writer_counted_as_many(
    tmp_path: Path, saved: int | None, pages: list[int | None]
) -> None:
    # A tester's file: every page ended at a manual break, so Writer marked no break of its
    # own, and every quote was placed by paragraph where the PDF gave its page.
    path = _odt(
        tmp_path / "manual.odt",
        '<text:h text:outline-level="1">Plan</text:h><text:p>Page one.</text:p>'
        '<text:p text:style-name="Break">Page two.</text:p>',
        page_count=saved,
    )
    doc = read(path)
    assert [b.page for b in doc.blocks] == pages
    assert doc.pages == (saved if pages[0] else None)


def test_pages_break_where_libreoffice_puts_them_inside_paragraphs_and_tables(
    tmp_path: Path,
) -> None:
    # A review: LibreOffice writes most soft breaks inside a paragraph or between a table's
    # rows, and none for a manual break; every quote of a saved file said 'p. 1'.
    path = _odt(
        tmp_path / "paged.odt",
        # A title whose style breaks the page before it opens page one, not page two.
        '<text:h text:outline-level="1" text:style-name="Break">Plan</text:h>'
        "<text:p>A long paragraph that runs <text:soft-page-break/>onto page two.</text:p>"
        "<text:p>Still page two.</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>Row one</text:p>"
        "</table:table-cell></table:table-row><text:soft-page-break/>"
        "<table:table-row><table:table-cell><text:p>Row two</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        '<text:p text:style-name="Break">After a manual break.</text:p>',
    )
    doc = read(path)
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("Plan", 1),
        ("A long paragraph that runs onto page two.", 1),
        ("Still page two.", 2),
        ("Row one", 2),
        ("Row two", 3),
        ("After a manual break.", 4),
    ]
    assert doc.pages == 4


def test_a_cell_s_lists_boxes_and_every_nested_table_are_read(tmp_path: Path) -> None:
    # A bulleted list in a 'What we will do' cell was dropped, the cell with it.
    path = _odt(
        tmp_path / "cells.odt",
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>Warm homes</text:p></table:table-cell>"
        '<table:table-cell><text:list text:style-name="L1"><text:list-item>'
        "<text:p>Insulate 500 homes</text:p></text:list-item><text:list-item>"
        "<text:p>Fund a damp team</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>First inner</text:p>"
        "</table:table-cell></table:table-row></table:table>"
        "<table:table><table:table-row><table:table-cell><text:p>Second inner</text:p>"
        "</table:table-cell></table:table-row></table:table>"
        "</table:table-cell></table:table-row></table:table>",
    )
    assert [b.text for b in read(path).blocks] == [
        "Warm homes",
        "Insulate 500 homes Fund a damp team",
        "First inner",
        "Second inner",
    ]


def test_shapes_and_boxes_are_read_once_after_their_paragraph(tmp_path: Path) -> None:
    # A shape's text was glued to its paragraph ('...everyoneOur vision'); a box inside a box
    # was read twice; a box anchored to the page was not read at all.
    path = _odt(
        tmp_path / "shapes.odt",
        "<draw:frame><draw:text-box><text:p>Page box.</text:p></draw:text-box></draw:frame>"
        "<draw:custom-shape><text:p>Page shape.</text:p></draw:custom-shape>"
        "<text:p><draw:custom-shape><text:p>Healthy lives for everyone</text:p>"
        "</draw:custom-shape>Our vision for Riverside.</text:p>"
        "<text:p>Boxes<draw:frame><draw:text-box><text:p>Outer box."
        "<draw:frame><draw:text-box><text:p>Inner box.</text:p></draw:text-box></draw:frame>"
        "</text:p></draw:text-box></draw:frame></text:p>",
    )
    assert [b.text for b in read(path).blocks] == [
        "Page box.",
        "Page shape.",
        "Our vision for Riverside.",
        "Healthy lives for everyone",
        "Boxes",
        "Outer box.",
        "Inner box.",
    ]


def test_a_damaged_odt_is_said_to_be_damaged(tmp_path: Path) -> None:
    # It was told 'it looks like an OpenDocument text: name it .odt', which it was.
    whole = _odt(tmp_path / "whole.odt", "<text:p>We will build homes.</text:p>")
    cut = tmp_path / "cut.odt"
    cut.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(ReadError, match=r"damaged or cut short"):
        read_document(cut)


def test_what_writer_does_not_show_is_not_read(tmp_path: Path) -> None:
    # Deletions tracked, comments, footnotes, hidden paragraphs and spans, struck-through
    # words: as the Word reader leaves them out.
    path = _odt(
        tmp_path / "draft.odt",
        "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        "<text:p>Deleted priority</text:p></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
        "<text:p>We will insulate<text:change text:change-id='c1'/> 300 homes"
        "<office:annotation><dc:creator>Ann</dc:creator><text:p>check this</text:p>"
        "</office:annotation>"
        "<text:note text:note-class='footnote'><text:note-citation>1</text:note-citation>"
        "<text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
        " by <text:span text:style-name='T2'>2025</text:span> 2027"
        "<text:span text:style-name='T3'> secretly</text:span>.</text:p>"
        "<text:p text:style-name='Hidden'>A hidden paragraph.</text:p>",
    )
    assert [b.text for b in read(path).blocks] == ["We will insulate 300 homes by 2027."]


def test_styled_headings_nested_lists_sections_boxes_and_cells(tmp_path: Path) -> None:
    path = _odt(
        tmp_path / "plan.odt",
        "<text:p text:style-name='Title'>Westmere Plan</text:p>"
        "<text:section text:name='S1'>"
        "<text:p text:style-name='P1'>Our priorities</text:p>"
        "<text:list text:style-name='L1'>"
        "<text:list-item><text:p>Warm homes</text:p>"
        "<text:list text:style-name='L1'><text:list-item><text:p>Insulation</text:p>"
        "</text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>Good<text:s text:c='2'/>jobs</text:p></text:list-item>"
        "</text:list></text:section>"
        "<text:p><text:span text:style-name='T1'>Clean air.</text:span> We will plant trees."
        "<draw:frame><draw:text-box><text:p>A call-out box.</text:p></draw:text-box>"
        "</draw:frame></text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>"
        "<table:covered-table-cell/><table:table-cell table:number-columns-repeated='2'/>"
        "<table:table-cell><text:p>D</text:p></table:table-cell></table:table-row></table:table>",
    )
    summary = [(b.kind, b.text, b.level, b.marker, b.lead, b.cell) for b in read(path).blocks]
    assert summary == [
        ("heading", "Westmere Plan", 1, None, None, None),
        ("heading", "Our priorities", 1, None, None, None),
        ("list_item", "Warm homes", 1, "1.", None, None),
        ("list_item", "Insulation", 2, "•", None, None),
        ("list_item", "Good jobs", 1, "2.", None, None),
        ("paragraph", "Clean air. We will plant trees.", 0, None, "Clean air", None),
        ("paragraph", "A call-out box.", 0, None, None, None),
        ("table_cell", "A", 0, None, None, (0, 0)),
        ("table_cell", "D", 0, None, None, (0, 4)),
    ]


@pytest.mark.parametrize(
    ("write", "said"),
    [
        (lambda p: p.write_text("# Plan\n\nWe will.\n", encoding="utf-8"), "it looks like text"),
        (
            lambda p: _odt(
                p, "<text:p>x</text:p>", "application/vnd.oasis.opendocument.spreadsheet"
            ),
            r"an OpenDocument spreadsheet \(\.ods\) named \.odt",
        ),
        (
            lambda p: zipfile.ZipFile(p, "w").writestr("word/document.xml", "<w:document/>"),
            "it is a Word document: name it .docx",
        ),
        (lambda p: _odt(p, "<text:p>unclosed"), "content.xml is not valid XML"),
        # LibreOffice's flat XML was 'it looks like text: name it .txt or .md'.
        (
            lambda p: p.write_text(
                '<?xml version="1.0"?><office:document xmlns:office='
                '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
                encoding="utf-8",
            ),
            r"an OpenDocument flat XML file \(\.fodt\): open it in LibreOffice",
        ),
        # 'a zip archive without a document in it (it holds xl/workbook.xml)', a review said.
        (
            lambda p: zipfile.ZipFile(p, "w").writestr("xl/workbook.xml", "<workbook/>"),
            "not an OpenDocument text: an Excel workbook named .odt",
        ),
    ],
)
def test_a_file_that_is_not_an_odt_says_what_it_is(tmp_path: Path, write, said: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.odt"
    write(path)
    with pytest.raises(ReadError, match=said):
        read_document(path)


def test_a_password_protected_odt_says_so(tmp_path: Path) -> None:
    path = _odt(tmp_path / "secret.odt", "<text:p>x</text:p>")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "META-INF/manifest.xml",
            "<manifest:manifest><manifest:encryption-data/></manifest:manifest>",
        )
    with pytest.raises(ReadError, match="password-protected OpenDocument"):
        read_document(path)


def test_an_odt_in_a_folder_is_a_document_and_one_without_its_extension_is_named(
    tmp_path: Path,
) -> None:
    _odt(tmp_path / "council plan.odt", "<text:p>We will.</text:p>")
    _odt(tmp_path / "trust plan", "<text:p>We will.</text:p>")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["council plan.odt"]
    assert [(Path(s.path).name, s.reason) for s in found.unsupported] == [
        (
            "trust plan",
            "unsupported format (files without an extension); it is an OpenDocument text: "
            "name it .odt",
        )
    ]


def test_check_and_extract_read_a_folder_of_odt_files(  # type: ignore[no-untyped-def]
    make_document, small_framework, tmp_path
) -> None:
    import json

    from typer.testing import CliRunner

    from alignck.cli import app

    (tmp_path / "docs").mkdir()
    make_document("docs/council plan.odt")
    make_document("docs/trust plan.md")
    runner = CliRunner()
    checked = runner.invoke(
        app, ["check", str(tmp_path / "docs"), "-f", str(small_framework), "--format", "json"]
    )
    assert checked.exit_code in (0, 1), checked.output
    report = json.loads(checked.stdout)
    by_name = {d["name"]: d for d in report["documents"]}
    assert by_name["council plan"]["status"] == "ok"
    assert by_name["council plan"]["format"] == "odt"
    # The same text in another format: the same verdicts.
    verdicts = {
        name: [(a["priority_id"], a["status"]) for a in d["alignment"]]
        for name, d in by_name.items()
    }
    assert verdicts["council plan"] == verdicts["trust plan"]
    extracted = runner.invoke(app, ["extract", str(tmp_path / "docs"), "--format", "json"])
    assert extracted.exit_code == 0, extracted.output
    stated = {
        Path(d["path"]).name: [s["text"] for s in d["stated_priorities"]]
        for d in json.loads(extracted.stdout)["documents"]
    }
    assert stated["council plan.odt"] == stated["trust plan.md"] != []


def test_white_space_in_the_xml_is_one_space_and_deep_nesting_is_one_line(tmp_path: Path) -> None:
    # A hand-made or pretty-printed file breaks its lines anywhere; OpenDocument collapses
    # white space as HTML does (text:s writes a space that stays).
    path = _odt(tmp_path / "spaced.odt", "<text:p>We will\n    build<text:s/> homes.</text:p>")
    assert [b.text for b in read(path).blocks] == ["We will build homes."]
    deep = "<text:span>" * 3000 + "We will." + "</text:span>" * 3000
    with pytest.raises(ReadError, match="nested hundreds of levels deep"):
        read(_odt(tmp_path / "deep.odt", f"<text:p>{deep}</text:p>"))


def test_a_numbered_heading_in_a_list_takes_its_number(tmp_path: Path) -> None:
    # The item after it was numbered '1.', where Writer (and Word, given the same file) shows 2.
    path = _odt(
        tmp_path / "numbered.odt",
        '<text:list text:style-name="L1"><text:list-item><text:h text:outline-level="2">'
        "<text:number>1.</text:number>Warm homes</text:h></text:list-item>"
        "<text:list-item><text:p>Good jobs</text:p></text:list-item></text:list>",
    )
    assert [(b.text, b.marker) for b in read(path).blocks] == [
        ("1. Warm homes", None),
        ("Good jobs", "2."),
    ]


def test_bold_only_headings_nest_by_their_type_size(tmp_path: Path) -> None:
    # A tester's trust strategy: aims in bold 14-point type over 'What we will do' in bold
    # body type were read at one level, so every aim's promises stood under 'What we will
    # do' alone, where the Word copy of it nests them under their aim.
    aim = '<text:p><text:span text:style-name="Big">{}</text:span></text:p>'
    part = '<text:p><text:span text:style-name="T1">What we will do</text:span></text:p>'
    body = "".join(
        aim.format(name) + part + f"<text:p>{promise}</text:p>"
        for name, promise in [
            ("Aim 1: Warm homes", "We will insulate 300 homes."),
            ("Aim 2: Clean air", "We will plant 500 trees."),
        ]
    )
    doc = read(_odt(tmp_path / "aims.odt", body))
    assert [(b.text, b.section) for b in doc.blocks if b.kind == "paragraph"] == [
        ("We will insulate 300 homes.", ("Aim 1: Warm homes", "What we will do")),
        ("We will plant 500 trees.", ("Aim 2: Clean air", "What we will do")),
    ]


def test_a_list_numbered_from_a_start_value_keeps_its_numbers(tmp_path: Path) -> None:
    # A list set to start at 4, and an item restarted at 9, were numbered from 1.
    item = "<text:list-item{}><text:p>{}</text:p></text:list-item>"
    body = (
        '<text:list text:style-name="From4">'
        + item.format("", "Warm homes")
        + item.format("", "Clean air")
        + item.format(' text:start-value="9"', "Good jobs")
        + "</text:list>"
    )
    doc = read(_odt(tmp_path / "from4.odt", body))
    assert [(b.marker, b.text) for b in doc.blocks] == [
        ("4.", "Warm homes"),
        ("5.", "Clean air"),
        ("9.", "Good jobs"),
    ]


def test_a_damaged_meta_part_stops_nothing(tmp_path: Path) -> None:
    # A review's repro: a meta.xml that cannot be inflated made the whole document
    # unreadable, where the text needs nothing from it.
    path = _odt(tmp_path / "meta.odt", "<text:p>We will plant 500 trees.</text:p>")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("meta.xml", b"x" * 100)
    raw = path.read_bytes()
    at = raw.rfind(b"x" * 100)
    path.write_bytes(raw[:at] + b"y" * 100 + raw[at + 100 :])  # its checksum no longer holds
    assert [b.text for b in read(path).blocks] == ["We will plant 500 trees."]
