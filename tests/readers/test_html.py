"""The HTML reader: a web page saved from the browser, its content read as its reader sees it."""

from __future__ import annotations

from pathlib import Path

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
    assert lines == ["4. Age well", "9. Die well", "10. After"]


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
