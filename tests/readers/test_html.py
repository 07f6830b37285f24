"""The HTML reader: a web page saved from the browser, its content read as its reader sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.readers import discover, read_document
from alignck.readers._html import html_blocks_to_markdown
from alignck.readers.html import markdown_of_page

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Westshire Council Plan | Westshire Council</title>
<style>.x { color: red }</style>
<script>var banner = "<p>Accept cookies</p>";</script></head>
<body>
<header><p>Westshire Council</p>
<nav><ul><li>Home</li><li>Bins and recycling</li></ul></nav></header>
<main id="content">
<h1>Westshire Council Plan 2025&ndash;2030</h1>
<p>We answer 95% of calls in &lt;2 minutes, A&amp;E waits aside; 5* ratings for care_homes.</p>
<h2>Our priorities</h2>
<ol start="1">
  <li><p><strong>Warm homes:</strong> we will insulate 1,000 homes by 2028.</p></li>
  <li><strong>Good jobs</strong> for young people</li>
  <li>Healthy places
    <ul><li>More parks</li><li>Cleaner air</li></ul>
  </li>
</ol>
<p hidden>Draft priority we dropped</p>
<div aria-hidden="true">Decorative quote</div>
<table><tr><th>Priority</th><th>Measure</th></tr>
<tr><td>Warm homes</td><td>1,000 homes | by 2028</td></tr></table>
<aside><p>Related pages: Council tax</p></aside>
</main>
<footer><p>Contact us on 01234 567890</p></footer>
</body>
</html>
"""


def _blocks(tmp_path: Path, page: str, name: str = "plan.html") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return [(block.kind, block.text) for block in read_document(path).blocks]


def test_a_page_is_read_as_its_content_without_the_site_around_it(tmp_path: Path) -> None:
    assert _blocks(tmp_path, _PAGE) == [
        ("heading", "Westshire Council Plan 2025–2030"),
        (
            "paragraph",
            "We answer 95% of calls in <2 minutes, A&E waits aside; 5* ratings for care_homes.",
        ),
        ("heading", "Our priorities"),
        ("list_item", "Warm homes: we will insulate 1,000 homes by 2028."),
        ("list_item", "Good jobs for young people"),
        ("list_item", "Healthy places"),
        ("list_item", "More parks"),
        ("list_item", "Cleaner air"),
        ("table_cell", "Priority"),
        ("table_cell", "Measure"),
        ("table_cell", "Warm homes"),
        ("table_cell", "1,000 homes | by 2028"),
    ]


def test_a_page_keeps_its_list_numbers_nesting_and_run_in_labels(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(_PAGE, encoding="utf-8")
    items = [b for b in read_document(path).blocks if b.kind == "list_item"]
    assert [(b.marker, b.level, b.lead) for b in items] == [
        ("1.", 1, "Warm homes"),
        ("2.", 1, None),  # bold that runs on into its sentence is no label, as in Markdown
        ("3.", 1, None),
        ("•", 2, None),
        ("•", 2, None),
    ]
    # Each block keeps the line of the page it starts on, for the CI formats' annotations.
    assert (
        items[0].line
        == _PAGE.splitlines().index(
            "  <li><p><strong>Warm homes:</strong> we will insulate 1,000 homes by 2028.</p></li>"
        )
        + 1
    )


def test_an_ordered_list_counts_from_its_start_and_an_item_s_value() -> None:
    lines, _ = markdown_of_page('<ol start="4"><li>Age well<li value="9">Die well<li>After</ol>')
    assert [line for line in lines if line] == ["4. Age well", "9. Die well", "10. After"]


def test_without_main_the_body_is_read_less_its_navigation_and_footer(tmp_path: Path) -> None:
    page = """<html><body>
<div role="navigation"><a href="/">Home</a></div>
<header><p>Site banner</p></header>
<article><header><h1>Our strategy</h1></header>
<h2>Our aims</h2><ul><li>Start well</li><li>Age well</li></ul></article>
<footer>Accessibility statement</footer>
</body></html>"""
    assert _blocks(tmp_path, page) == [
        ("heading", "Our strategy"),
        ("heading", "Our aims"),
        ("list_item", "Start well"),
        ("list_item", "Age well"),
    ]


def test_a_page_s_priorities_are_found_as_in_the_same_strategy_in_markdown(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan.html").write_text(_PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "plan.html"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Warm homes" in result.output and "Good jobs" in result.output
    assert "Bins and recycling" not in result.output


def test_a_folder_with_a_saved_page_is_checked_and_alignck_s_html_report_is_not(
    tmp_path: Path,
) -> None:
    (tmp_path / "priorities.yaml").write_text(
        "name: Westshire\npriorities:\n  - id: warm-homes\n    title: Warm homes\n"
        "    description: Insulate homes so that nobody lives in a cold home.\n",
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.htm").write_text(_PAGE, encoding="utf-8")
    runner = CliRunner()
    framework = str(tmp_path / "priorities.yaml")
    first = runner.invoke(
        app,
        ["check", str(docs), "-f", framework, "--matcher", "lexical", "-o", str(docs / "r.html")],
    )
    assert first.exit_code == 0, first.output
    again = runner.invoke(
        app, ["check", str(docs), "-f", framework, "--matcher", "lexical", "--format", "json"]
    )
    assert again.exit_code == 0, again.output
    assert [Path(s.path).name for s in discover([docs]).skipped] == ["r.html"]
    assert '"format": "html"' in again.output
    assert '"status": "aligned"' in again.output


def test_an_item_s_paragraph_keeps_its_marker_in_markdown_html_blocks_too() -> None:
    lines, _ = html_blocks_to_markdown(["<ul><li><p>Warm homes</p></li></ul>"], [1])
    assert "- Warm homes" in lines


def _items(tmp_path: Path, body: str, name: str = "page.html") -> list[tuple[str, str]]:
    return _blocks(tmp_path, f"<!DOCTYPE html><html><body>{body}</body></html>", name)


def test_an_accordion_s_buttons_and_bodies_are_read_as_its_sections(tmp_path: Path) -> None:
    # GOV.UK's accordion: each name a button in a heading, with a note for screen readers
    # only, each body hidden until the reader opens it.
    body = (
        '<main><h2>Our priorities</h2><div class="govuk-accordion">'
        '<h3><button type="button">Better buses<span class="govuk-visually-hidden">'
        ", Show this section</span></button></h3>"
        '<div hidden="until-found"><p>We will restore evening bus services.</p></div>'
        '<div role="tabpanel" hidden><p>We will build 500 homes.</p></div></div></main>'
    )
    assert _items(tmp_path, body) == [
        ("heading", "Our priorities"),
        ("heading", "Better buses"),
        ("paragraph", "We will restore evening bus services."),
        ("paragraph", "We will build 500 homes."),
    ]


def test_a_page_without_landmarks_leaves_out_its_menus_and_widgets(tmp_path: Path) -> None:
    body = (
        '<div class="site-header"><div class="menu-main-container"><ul class="menu">'
        '<li><a>Our priorities</a><ul class="sub-menu"><li><a>Net zero by 2030</a></li>'
        "</ul></li></ul></div></div>"
        '<div class="content"><h1>Trust plan</h1><p>We will open two warm spaces.</p></div>'
        '<div id="secondary" class="widget-area"><h2>Recent posts</h2></div>'
    )
    assert _items(tmp_path, body) == [
        ("heading", "Trust plan"),
        ("paragraph", "We will open two warm spaces."),
    ]


def test_cells_that_hold_paragraphs_keep_their_table(tmp_path: Path) -> None:
    body = (
        "<h2>Our priorities</h2><table><tr><th>Priority</th><th>What we will do</th></tr>"
        "<tr><td><p>Better buses</p></td><td><p>We will restore services.</p>"
        "<p>By 2027.</p></td></tr></table>"
    )
    assert _items(tmp_path, body) == [
        ("heading", "Our priorities"),
        ("table_cell", "Priority"),
        ("table_cell", "What we will do"),
        ("table_cell", "Better buses"),
        ("table_cell", "We will restore services. By 2027."),
    ]


def test_word_s_web_page_bullets_are_list_items(tmp_path: Path) -> None:
    bullet = (
        "<p class=MsoListParagraph><span style='font-family:Symbol'>\u00b7"
        "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>"
        "<b>{}</b> We will act.</p>"
    )
    body = "<h2>Our priorities</h2>" + "".join(
        bullet.format(name) for name in ("Warm homes.", "Good jobs.")
    )
    path = tmp_path / "plan.htm"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    items = [b for b in read_document(path).blocks if b.kind == "list_item"]
    assert [(b.text, b.lead) for b in items] == [
        ("Warm homes. We will act.", "Warm homes"),
        ("Good jobs. We will act.", "Good jobs"),
    ]


def test_details_and_definition_lists_name_the_text_they_open(tmp_path: Path) -> None:
    body = (
        "<h2>Our priorities</h2><details><summary>Better buses</summary>"
        "<div>We will restore services.</div></details>"
        "<dl><dt>Warm homes</dt><dd>We will insulate homes.</dd></dl>"
    )
    assert _items(tmp_path, body) == [
        ("heading", "Our priorities"),
        ("heading", "Better buses"),
        ("paragraph", "We will restore services."),
        ("heading", "Warm homes"),
        ("paragraph", "We will insulate homes."),
    ]


def test_a_heading_is_read_as_it_shows(tmp_path: Path) -> None:
    body = (
        "<h1><span class=caption>Corporate strategy</span>Brookfield plan</h1>"
        "<h2>Our<br>priorities<a class=headerlink href=#p>\u00b6</a></h2>"
        '<div role="heading" aria-level="3"><span>Priority 1</span><span>Warm homes</span></div>'
        "<p>We will insulate homes.</p>"
    )
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    blocks = read_document(path).blocks
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        ("heading", "Corporate strategy Brookfield plan", 1),
        ("heading", "Our priorities", 2),
        ("heading", "Priority 1 Warm homes", 3),
        ("paragraph", "We will insulate homes.", 0),
    ]


def test_a_page_s_embedded_picture_does_not_count_against_the_text_limit(tmp_path: Path) -> None:
    from alignck.limits import Limits
    from alignck.model import ReadOptions

    path = tmp_path / "page.html"
    picture = "A" * 5000
    path.write_text(
        f'<html><body><img src="data:image/png;base64,{picture}"><p>We will act.</p></body></html>',
        encoding="utf-8",
    )
    document = read_document(path, ReadOptions(limits=Limits(characters=1000)))
    assert [b.text for b in document.blocks] == ["We will act."]


@pytest.mark.parametrize(
    "page",
    [
        # A style that names the main role, and no main element: the whole page is read.
        '<style>[role="main"] { margin: 0 }</style><body><p>We will act.</p></body>',
        # ASP.NET and SharePoint put the whole body in a form.
        '<body><form id="aspnetForm"><p>We will act.</p></form></body>',
        # A head whose end tag is left out, as HTML allows.
        "<head><title>Plan</title><body><p>We will act.</p></body>",
        # A main hidden, then the one a reader sees.
        "<body><div hidden><main><p>Draft.</p></main></div><main><p>We will act.</p></main>",
        "<body><template><main><p>Draft.</p></main></template><main><p>We will act.</p></main>",
    ],
)
def test_a_page_s_text_is_found_whatever_its_shell(tmp_path: Path, page: str) -> None:
    assert _blocks(tmp_path, f"<!DOCTYPE html><html>{page}</html>") == [
        ("paragraph", "We will act.")
    ]


def test_a_hidden_item_left_open_hides_only_itself(tmp_path: Path) -> None:
    body = "<ul><li hidden>Old aim<li>Good jobs</ul><h2>Next</h2>"
    assert _items(tmp_path, body) == [("list_item", "Good jobs"), ("heading", "Next")]


def test_a_declared_windows_1252_page_is_read_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u00a35</p>'
    path.write_bytes(page.encode("cp1252"))
    document = read_document(path)
    assert [b.text for b in document.blocks] == ["Caf\u00e9 \u00a35"]
    assert document.warnings == ()


def test_an_ordered_list_from_three_after_a_lead_in_is_a_list_in_markdown_too() -> None:
    lines, _ = html_blocks_to_markdown(
        ["Our priorities are:", '<ol start="3"><li>Housing</li><li>Transport</li></ol>'],
        [1, 2],
    )
    assert [line for line in lines if line] == ["Our priorities are:", "3. Housing", "4. Transport"]
    assert lines[lines.index("3. Housing") - 1] == ""


def test_a_start_number_too_long_for_a_list_is_ignored() -> None:
    lines, _ = markdown_of_page(f'<ol start="{"9" * 5000}"><li>Housing</ol>')
    assert [line for line in lines if line] == ["1. Housing"]


def test_what_the_browser_saved_beside_a_page_is_not_checked(tmp_path: Path) -> None:
    (tmp_path / "plan.html").write_text(_PAGE, encoding="utf-8")
    resources = tmp_path / "plan_files"
    resources.mkdir()
    (resources / "saved_resource.html").write_text("<p>We will track you.</p>", encoding="utf-8")
    # A folder of that shape beside no page is searched as any other.
    (tmp_path / "notes_files").mkdir()
    (tmp_path / "notes_files" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    found = discover([tmp_path])
    assert [Path(p).name for p in found.files] == ["plan.md", "plan.html"]
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("plan_files", "what the browser saved with plan.html, not a document")
    ]


def test_a_sign_in_page_saved_in_place_of_the_strategy_is_warned_of(tmp_path: Path) -> None:
    from alignck.readers.html import SIGN_IN_PAGE

    path = tmp_path / "plan.html"
    path.write_text(
        "<html><body><main><h1>Sign in to the partner portal</h1><form>"
        '<label>Password <input type="password" name="pw"></label></form>'
        "<p>We will never share your password.</p></main></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).warnings == (SIGN_IN_PAGE,)
    # A strategy whose page has a sign-in box is not warned of.
    (tmp_path / "long.html").write_text(
        '<html><body><input type="password"><p>' + "We will act. " * 60 + "</p></body></html>",
        encoding="utf-8",
    )
    assert read_document(tmp_path / "long.html").warnings == ()


def test_a_folder_of_documents_named_like_a_page_s_is_searched(tmp_path: Path) -> None:
    (tmp_path / "partners.html").write_text(_PAGE, encoding="utf-8")
    (tmp_path / "partners_files").mkdir()
    (tmp_path / "partners_files" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    assert [Path(p).name for p in discover([tmp_path]).files] == ["partners.html", "plan.md"]


@pytest.mark.parametrize(
    ("page", "lines"),
    [
        # A hidden item's nested list stays hidden with it (in Markdown's HTML blocks too).
        (
            '<ul><li style="display:none">Draft<ul><li>Draft sub</li></ul> tail</li>'
            "<li>Live</li></ul>",
            ["- Live"],
        ),
        # Cells and rows whose end tags the page left out.
        (
            "<table><tr><th>Priority<th>Action<tr><td>Homes<td>We will build</table><p>After",
            ["| Priority | Action |", "|---|---|", "| Homes | We will build |", "After"],
        ),
        # Terms and definitions whose end tags the page left out.
        (
            "<dl><dt>Warm homes<dd>We will insulate.<dt>Good jobs<dd>We will train.</dl>",
            ["**Warm homes**", "We will insulate.", "**Good jobs**", "We will train."],
        ),
        # What follows the main content, and a site part inside it, are not read.
        (
            '<div role="main"><p>We will act.</p><div class="sidebar">Links</div></div>'
            '<div class="site-info"><p>We will never share your data.</p></div>',
            ["We will act."],
        ),
        # A theme's words for the page around the content do not make it a site part.
        (
            '<body class="page no-sidebar"><main><div class="elementor-widget-text-editor">'
            "<p>We will build.</p></div></main></body>",
            ["We will build."],
        ),
        # A site part passed over does not make a later banner the content's.
        (
            '<section class="cookie-banner"><p>Cookies</p></section>'
            "<header><p>Site name</p></header><p>Body</p>",
            ["Body"],
        ),
        # A heading left open or closed by another level ends as a browser ends it.
        (
            "<h1>Plan<h2>Our priorities</h3><p>Our aims:<br>Warm homes<br>Good jobs</p>",
            ["# Plan", "## Our priorities", "Our aims:", "Warm homes", "Good jobs"],
        ),
        # A word split over spans stays one word; a caption is parted from the title.
        (
            "<h2><span>Decarbon</span>isation</h2><h2><span>Priority 1</span>Warm homes</h2>",
            ["## Decarbonisation", "## Priority 1 Warm homes"],
        ),
        # A note's mark is left to the Markdown reader, as in a Markdown file.
        (
            "<p>Emissions down 50%<sup>1</sup> by 2030.</p>",
            ["Emissions down 50%<sup>1</sup> by 2030."],
        ),
        # A bullet typed as a character in the body's font.
        (
            "<p>\u00b7&nbsp;&nbsp; Warm homes</p><p>\u00b7&nbsp;&nbsp; Good jobs</p>",
            ["- Warm homes", "- Good jobs"],
        ),
        # A hidden item or cell whose end tag is left out ends at the next one, whatever is
        # still open inside it.
        ("<ul><li>a<li hidden><p>b<li>c</ul><p>After.</p>", ["- a", "- c", "After."]),
        ("<ul><li hidden><span>Old<li>Jobs</li></ul><p>Shown</p>", ["- Jobs", "Shown"]),
        ("<dl><dt>T1<dd hidden><p>x<dt>T2<dd>D2</dl>", ["**T1**", "**T2**", "D2"]),
        ("<table><tr><td hidden>a<td>b</table><p>After</p>", ["| b |", "|---|", "After"]),
        # A marked section the standard parser refused is passed over, as a browser does.
        ("<p>We will act.</p><![x[ <p>More.</p>", ["We will act.", "More."]),
        # A typed bullet within a list item is its text, not another item.
        ("<ul><li><p>Name</p><p>\u00b7 detail</p></li></ul>", ["- Name", "\u00b7 detail"]),
        ("<h2><span>Priority 1</span>2030 target</h2>", ["## Priority 1 2030 target"]),
        # An ARIA level too long to be one is level 2.
        ('<div role="heading" aria-level="' + "9" * 5000 + '">Aims</div>', ["## Aims"]),
    ],
)
def test_a_page_s_markup_is_read_as_a_browser_shows_it(page: str, lines: list[str]) -> None:
    assert [line for line in markdown_of_page(page)[0] if line] == lines


def test_a_list_item_s_blocks_are_its_text(tmp_path: Path) -> None:
    body = (
        '<h2>Our priorities</h2><ul><li><div class="t">Warm homes</div><div>We will insulate.'
        "</div></li><li><p>Good jobs</p><p>We will train.</p></li></ul>"
        "<p>We will also act.</p>"
    )
    assert _items(tmp_path, body) == [
        ("heading", "Our priorities"),
        ("list_item", "Warm homes We will insulate."),
        ("list_item", "Good jobs We will train."),
        ("paragraph", "We will also act."),  # what follows the list is not its last item's
    ]


def test_a_folder_named_like_a_page_s_holding_old_formats_is_searched(tmp_path: Path) -> None:
    (tmp_path / "partners.html").write_text(_PAGE, encoding="utf-8")
    (tmp_path / "partners_files").mkdir()
    (tmp_path / "partners_files" / "strategy.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60))
    found = discover([tmp_path])
    assert [Path(s.path).name for s in found.unsupported] == ["strategy.doc"]
