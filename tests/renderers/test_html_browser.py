"""The HTML report in a real browser (Debian's chromium, headless): a cell opens its evidence,
the filters hide other documents and priorities, and document text stays text."""

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium); the HTML is checked in a "
    "real browser only where one is",
)

# Run after the page's own script: what a reader does with the mouse and keyboard.
CLICKS = """
<script>
document.querySelector("#matrix td.cell summary").click();
var byDocument = document.getElementById("document-filter");
byDocument.value = "1";
byDocument.dispatchEvent(new Event("change"));
var byPriority = document.getElementById("priority-filter");
byPriority.value = "homes  Warm";
byPriority.dispatchEvent(new Event("input"));
document.body.setAttribute("data-clicked", "yes");
</script>
"""


class _Dom(HTMLParser):
    """The matrix as the browser left it: each cell's and row's attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict[str, str | None]] = []
        self.rows: list[dict[str, str | None]] = []
        self.details: list[dict[str, str | None]] = []
        self.body: dict[str, str | None] = {}
        self.sections: list[dict[str, str | None]] = []
        self.in_matrix = False
        self.scripts_run = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "body":
            self.body = found
        elif tag == "td" and "cell" in (found.get("class") or ""):
            self.cells.append(found)
        elif tag == "tr" and "data-priority" in found and self.in_matrix:
            self.rows.append(found)
        elif tag == "section" and "data-document" in found:
            self.sections.append(found)
        if tag == "table":
            self.in_matrix = found.get("id") == "matrix"
        elif tag == "details" and self.cells:  # the matrix's, not the provenance's
            self.details.append(found)


def _browse(page: Path, *options: str) -> _Dom:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # tests may run as root, where chromium refuses its sandbox
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={page.parent / 'profile'}",
            *options,
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = _Dom()
    dom.feed(done.stdout)
    return dom


def test_a_cell_opens_its_evidence_and_the_filters_hide_the_rest(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    make_document("docs/council.md")
    make_document("docs/<i>trust<i>.md")
    page = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", str(docs), "-f", str(small_framework), "-o", str(page), "-q"]
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "&lt;i&gt;trust&lt;i&gt;" in html and "<i>trust<i>" not in html
    clicked = tmp_path / "clicked.html"
    clicked.write_text(html.replace("</body>", CLICKS + "</body>"), encoding="utf-8")
    dom = _browse(clicked)
    assert dom.body.get("data-clicked") == "yes"
    assert len(dom.cells) == 2 * 3
    assert "open" in dom.details[0]
    assert all("open" not in d for d in dom.details[1:])
    shown = [c.get("data-document") for c in dom.cells if "hidden" not in c]
    assert shown and set(shown) == {"1"}
    # Each word of the filter, in any order ('homes warm' was one string, found nowhere).
    visible = [r["data-priority"] for r in dom.rows if "hidden" not in r]
    assert visible == ["warm-homes warm and healthy homes"]
    # The evidence follows the document filter too.
    assert [s.get("data-document") for s in dom.sections if "hidden" not in s] == ["1"]


def test_without_clicks_every_cell_is_shown_and_closed(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    make_document("plan.md")
    page = tmp_path / "report.html"
    args = ["check", str(tmp_path / "plan.md"), "-f", str(small_framework), "-o", str(page)]
    assert CliRunner().invoke(app, [*args, "-q"]).exit_code == 0
    dom = _browse(page)
    assert len(dom.cells) == 3
    assert all("hidden" not in c for c in dom.cells)
    assert all("open" not in d for d in dom.details)


def test_printed_it_keeps_how_it_was_made_and_drops_screen_instructions(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    # A board paper is printed: the folded provenance was left out of it, and the legend
    # told the reader to open cells of paper.
    make_document("plan.md")
    page = tmp_path / "report.html"
    args = ["check", str(tmp_path / "plan.md"), "-f", str(small_framework), "-o", str(page)]
    assert CliRunner().invoke(app, [*args, "-q"]).exit_code == 0
    text = " ".join(" ".join(_printed_pages(page, tmp_path)).split())
    assert "framework sha256" in text
    assert "Open a cell for its evidence" not in text


def test_past_the_grid_the_filters_act_on_the_evidence(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    # Above a dozen documents the page had no filters at all: 209 evidence sections and
    # nothing to choose one by.
    names = [f"partner-{number:02d}" for number in range(13)]
    page = _html_report(tmp_path, make_document, small_framework, names)
    html = page.read_text(encoding="utf-8")
    assert 'id="document-filter"' in html and 'id="priority-filter"' in html
    chosen = tmp_path / "chosen.html"
    script = (
        '<script>var f = document.getElementById("document-filter"); f.value = "4";'
        'f.dispatchEvent(new Event("change"));</script>'
    )
    chosen.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    dom = _browse(chosen)
    assert len(dom.sections) == 13
    assert [s.get("data-document") for s in dom.sections if "hidden" not in s] == ["4"]


def _html_report(tmp_path: Path, make_document, small_framework, names: list[str]) -> Path:  # type: ignore[no-untyped-def]
    """report.html of a check of documents of these names, written in a folder of their own."""
    (tmp_path / "docs").mkdir()
    for name in names:
        make_document(f"docs/{name}.md")
    page = tmp_path / "report.html"
    args = ["check", str(tmp_path / "docs"), "-f", str(small_framework), "-o", str(page), "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return page


def _printed_pages(page: Path, tmp_path: Path) -> list[str]:
    """The text of each page of the HTML page printed to PDF by chromium (PDFium reads
    the document names the grid prints upright)."""
    import pypdfium2 as pdfium

    assert CHROMIUM is not None
    printed = tmp_path / f"{page.stem}.pdf"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pdf = pdfium.PdfDocument(printed)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_printed_a_dozen_documents_grid_keeps_every_column_and_says_when_filtered(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    # A board pack printed the grid cut off after about five documents, System column and
    # all; and a grid filtered to one document printed with nothing to say so.
    names = [f"partner-organisation-{number:02d}" for number in range(12)]
    page = _html_report(tmp_path, make_document, small_framework, names)
    grid = next(text for text in _printed_pages(page, tmp_path) if "Priority" in text)
    assert "System" in grid
    assert all(f"partner-organisation-{n:02d}" in grid for n in range(12))
    assert "Filtered" not in grid
    chosen = tmp_path / "chosen.html"
    script = (
        '<script>var f = document.getElementById("document-filter"); f.value = "4";'
        'f.dispatchEvent(new Event("change"));</script>'
    )
    html = page.read_text(encoding="utf-8")
    chosen.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    printed = " ".join(" ".join(_printed_pages(chosen, tmp_path)).split())
    assert "Filtered: only document partner-organisation-04 shown" in printed


def test_a_long_document_name_does_not_part_the_printed_grid_from_its_header(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    # Printed upright on one line, a 150-character name took a page of its own: the grid's
    # header, then its rows on the next page with no header to say which column is whose.
    long_name = (
        "Northmoor Metropolitan Borough Council Corporate Plan 2025 to 2030 - Building a "
        "Fairer, Greener, Healthier and More Prosperous Northmoor for Everyone"
    )
    page = _html_report(tmp_path, make_document, small_framework, [long_name, "icb"])
    grid = next(text for text in _printed_pages(page, tmp_path) if "Priority" in text)
    assert "Improve mental health" in grid and "Coverage" in grid


# The report in a frame as wide as a phone (WCAG 1.4.10, reflow at 320 CSS pixels): what
# stands past the frame's right edge outside a region that scrolls on its own.
NARROW = """<!DOCTYPE html><html><body>
<iframe id="page" src="{page}" style="width: 320px; height: 800px; border: 0"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {{
  var page = this.contentDocument, width = page.documentElement.clientWidth, past = [];
  page.querySelectorAll("body *").forEach(function (element) {{
    if (element.closest(".scroll")) {{ return; }}
    if (element.getBoundingClientRect().right > width + 1) {{ past.push(element.tagName); }}
  }});
  document.body.setAttribute("data-past", past.join(" ") || "none");
  document.body.setAttribute("data-wide", String(page.documentElement.scrollWidth - width));
}});
</script></body></html>
"""


def _past_the_edge(page: Path) -> tuple[str, str]:
    frame = page.parent / f"narrow-{page.stem}.html"
    frame.write_text(NARROW.format(page=page.name), encoding="utf-8")
    # The frame's page is read from its file, once it has loaded.
    body = _browse(frame, "--allow-file-access-from-files", "--virtual-time-budget=5000")
    return str(body.body.get("data-past")), str(body.body.get("data-wide"))


def test_the_report_and_its_pages_reflow_on_a_screen_320_pixels_wide(tmp_path: Path) -> None:
    from conftest import EXAMPLES, FRAMEWORK

    page, pages = tmp_path / "report.html", tmp_path / "pages"
    common = [str(EXAMPLES), "-f", str(FRAMEWORK), "--matcher", "lexical", "-q"]
    result = CliRunner().invoke(
        app, ["check", *common, "-o", str(page), "--per-document", str(pages)]
    )
    assert result.exit_code == 0, result.output
    assert _past_the_edge(page) == ("none", "0")
    one = sorted(pages.glob("*.html"))[0]
    assert _past_the_edge(one) == ("none", "0")


def test_a_filter_that_hides_every_priority_says_so_in_a_live_status(
    make_document,
    small_framework,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    page = _html_report(tmp_path, make_document, small_framework, ["council", "trust"])
    html = page.read_text(encoding="utf-8")
    # In the page from the start, so a screen reader hears it change.
    assert '<p id="filter-note" role="status"></p>' in html
    typed = tmp_path / "typed.html"
    script = (
        '<script>var f = document.getElementById("priority-filter"); f.value = "zzz";'
        'f.dispatchEvent(new Event("input"));'
        'document.body.setAttribute("data-note", '
        'document.getElementById("filter-note").textContent);</script>'
    )
    typed.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    assert _browse(typed).body.get("data-note") == "No priority matches \u201czzz\u201d."
