"""Hostile file names and document text, through the real command line, in every format:
nothing a document says may run in a spreadsheet, a Markdown viewer, a terminal or a CI log,
and the XML and JSON reports still parse."""

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app

runner = CliRunner()
# A text file: the Markdown reader would already drop the HTML tags from the text.
HOSTILE_NAME = "plan\n::error::pwned \x1b[31m<img src=x onerror=alert(1)>.txt"
FRAMEWORK = """\
framework:
  name: "Hostile test\\n::error::forged by the framework's name"
priorities:
  - id: air
    title: Clean air
    keywords: [air quality, air pollution]
  - id: zoo
    title: Zoo animals
    keywords: [zoo animals]
  - id: homes
    title: Warm homes
    keywords: [home insulation]
"""
TEXT = (
    "Our priorities\n\n"
    '=HYPERLINK("http://evil") We will improve air quality and cut air pollution '
    "<script>alert(1)</script> \x1b]0;pwned\x07 [bold]markup[/bold] \x01 today.\n\n"
    "+We will care for zoo animals | with a pipe.\n"
)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(TEXT, encoding="utf-8")
    (folder / "bad\n::error::forged.pdf").write_bytes(b"not a pdf at all")
    framework = tmp_path / "framework.yaml"
    framework.write_text(FRAMEWORK, encoding="utf-8")
    return folder, framework


def _check(hostile: tuple[Path, Path], fmt: str):  # type: ignore[no-untyped-def]
    folder, framework = hostile
    args = ["check", str(folder), "-f", str(framework), "--format", fmt, "--matcher", "lexical"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output  # the unreadable PDF
    return result


def _one_document(tmp_path: Path, name: str, text: str) -> list[str]:
    """A folder of one document and the framework beside it: the arguments that check them."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "framework.yaml").write_text(FRAMEWORK, encoding="utf-8")
    return ["check", str(tmp_path / "docs"), "-f", str(tmp_path / "framework.yaml")]


def _no_forged_lines(text: str) -> None:
    assert all(not line.lstrip().startswith("::error::") for line in text.splitlines())


def test_csv_cells_cannot_start_a_formula(hostile: tuple[Path, Path]) -> None:
    rows = list(csv.reader(io.StringIO(_check(hostile, "csv").stdout)))
    cells = [cell for row in rows for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_markdown_shows_html_rather_than_running_it(hostile: tuple[Path, Path]) -> None:
    out = _check(hostile, "markdown").stdout
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<script" not in out and "<img" not in out
    assert "\x1b" not in out


def test_terminal_shows_no_escape_sequence_markup_or_forged_line(
    hostile: tuple[Path, Path],
) -> None:
    result = _check(hostile, "terminal")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[bold]markup[/bold]" in result.stdout  # shown as written, not interpreted
    shown = result.stdout.replace("\u200b", "")  # '::' is shown as ':\u200b:' (log_text)
    assert "plan\\n::error::pwned" in shown
    assert "Hostile test\\n::error::forged" in shown.splitlines()[0]
    _no_forged_lines(result.stdout)


def test_document_text_opening_a_line_runs_no_ci_command(tmp_path: Path) -> None:
    # A partner's list item opened a line of the terminal report, which GitHub's runner reads
    # as a workflow command after the line's spaces: '::add-mask::', '::stop-commands::'.
    checking = _one_document(
        tmp_path,
        "partner.md",
        "# Partner plan\n\n## Our priorities\n\n- Build a new bypass for lorries\n"
        "- ##[error]Forged error\n- ::add-mask::secret\n- ::stop-commands::pwned\n",
    )
    for args in ([*checking, "--matcher", "lexical"], ["extract", str(tmp_path / "docs")]):
        out = runner.invoke(app, args).stdout
        assert "add-mask" in out and "stop-commands" in out
        for line in out.splitlines():
            assert not line.lstrip().startswith("::") and "##[" not in line, line


def test_stderr_names_stay_on_their_line(hostile: tuple[Path, Path]) -> None:
    result = _check(hostile, "terminal")
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("alignck: ") for line in lines)
    assert any("bad\\n::error::forged.pdf" in line for line in lines)


def test_junit_parses(hostile: tuple[Path, Path]) -> None:
    root = ET.fromstring(_check(hostile, "junit").stdout)
    names = [suite.get("name") or "" for suite in root]
    assert any("::error::pwned" in name for name in names)
    assert all("\x1b" not in name and "\x01" not in name for name in names)


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_html_and_markdown_show_a_newline_in_an_unreadable_file_s_name_as_an_escape(
    hostile: tuple[Path, Path], fmt: str
) -> None:
    # The problems list held the name as it is: in the HTML a line of its own opened with
    # '::error::forged', and the Markdown showed 'bad ::error::forged.pdf'.
    out = _check(hostile, fmt).stdout
    _no_forged_lines(out)
    # Markdown shows the backslash of the escape escaped, as every backslash.
    escape = "\\\\n" if fmt == "markdown" else "\\n"
    assert f"/bad{escape}::error::forged.pdf: not a PDF" in out


@pytest.mark.parametrize("fmt", ["html", "csv", "markdown", "terminal"])
def test_no_report_keeps_a_control_or_a_direction_override_from_a_document(
    tmp_path: Path, fmt: str
) -> None:
    # HTML and CSV kept them: U+202E made a quote in the HTML display backwards ('Trojan
    # Source'), and ESC and U+0001 reached the spreadsheet.
    args = _one_document(
        tmp_path,
        "plan.md",
        "# Plan\n\n## Priorities\n\n- We will improve air quality \x01\x1b[31m and cut air "
        "pollution \ufffe today.\n- We will care for zoo animals \u202e slamina \u202c now.\n",
    )
    out = runner.invoke(app, [*args, "--format", fmt, "--matcher", "lexical"]).stdout
    assert "air pollution" in out and "zoo animals" in out
    for char in ("\x01", "\x1b", "\u202e", "\u202c", "\ufffe"):
        assert char not in out, (fmt, repr(char))


@pytest.mark.parametrize("fmt", ["csv", "markdown", "html", "terminal"])
def test_an_escape_sequence_in_a_document_is_removed_whole(tmp_path: Path, fmt: str) -> None:
    # CSV and Markdown removed the ESC alone: 'we will [31mcut[0m air pollution'.
    args = _one_document(
        tmp_path,
        "plan.md",
        "# Plan\n\n## Priorities\n\n- We will \x1b[31mcut\x1b[0m air pollution by half.\n",
    )
    out = runner.invoke(app, [*args, "--format", fmt, "--matcher", "lexical"]).stdout
    assert "cut air pollution" in " ".join(out.split())
    assert "31m" not in out and "[0m" not in out


@pytest.mark.parametrize("fmt", ["csv", "markdown", "html"])
def test_no_document_text_is_removed_with_a_c1_control_or_a_stray_escape(
    tmp_path: Path, fmt: str
) -> None:
    # U+009C and U+009D of mojibake curly quotes were taken for an 8-bit OSC: 'the board said
    # \u00e2clean air\u00e2the mayor\u00e2 promised'; and ESC, space, 'i' for a sequence.
    args = _one_document(
        tmp_path,
        "plan.md",
        "# Plan\n\n## Priorities\n\n- Air quality: the board said \u00e2\x80\x9cclean air"
        "\u00e2\x80\x9d and we will cut air pollution by half, as \u00e2\x80\x9cthe mayor"
        "\u00e2\x80\x9d promised.\n- We will care for zoo animals \x1b in homes.\n",
    )
    out = runner.invoke(app, [*args, "--format", fmt, "--matcher", "lexical"]).stdout
    words = " ".join(out.split())
    assert "and we will cut air pollution by half, as" in words
    assert "animals in homes" in words.replace("  ", " ")


def test_the_workbook_keeps_no_control_or_direction_override_either(tmp_path: Path) -> None:
    # The CSV lost them; the xlsx Evidence sheet, said to hold the same data, kept U+202E.
    from openpyxl import load_workbook

    args = _one_document(
        tmp_path,
        "plan.md",
        "# Plan\n\n## Priorities\n\n- We will care for zoo animals \u202e slamina \u202c now.\n",
    )
    book = tmp_path / "r.xlsx"
    runner.invoke(app, [*args, "--matcher", "lexical", "-o", str(book), "-q"])
    cells = [
        str(value)
        for sheet in load_workbook(book).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert any("zoo animals" in cell for cell in cells)
    assert not any("\u202e" in cell or "\u202c" in cell for cell in cells)


def test_sarif_holds_no_control_characters(hostile: tuple[Path, Path]) -> None:
    out = _check(hostile, "sarif").stdout
    log = json.loads(out)
    assert log["runs"][0]["results"]
    assert "\\u001b" not in out and "\\u0001" not in out and "\\u0007" not in out


def test_github_commands_cannot_be_forged(hostile: tuple[Path, Path]) -> None:
    out = _check(hostile, "github").stdout
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "plan%0A%3A%3Aerror%3A%3Apwned" in out  # the name, inside the file= property
    assert "\x1b" not in out


def test_per_document_pages_show_a_newline_in_a_name_as_an_escape(
    hostile: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, framework = hostile
    pages = tmp_path / "pages"
    args = ["check", str(folder), "-f", str(framework), "--matcher", "lexical", "-q"]
    result = runner.invoke(app, [*args, "--per-document", str(pages)])
    assert result.exit_code == 2, result.output
    # Every page, the unreadable document's ('could not be read') too, names its file with
    # the newline shown as an escape.
    names = {"plan": "plan\\n::error::pwned", "bad": "bad\\n::error::forged.pdf"}
    for page in pages.iterdir():
        text = page.read_text(encoding="utf-8")
        document = next(line for line in text.splitlines() if "Document: " in line)
        shown = names[page.name.split("-", 1)[0]]
        # Markdown escapes the backslash that shows the newline, so it is shown, not read.
        shown = shown.replace("\\", "\\\\") if page.suffix == ".md" else shown
        assert shown in document, page.name


@pytest.fixture
def twin_names(tmp_path: Path) -> tuple[Path, Path]:
    """'plan.md' and 'pl<ESC>an.md', each addressing another priority: a name whose control
    character a report removed would be the other's."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.md").write_text(
        "# Plan\n\n## Our priorities\n\n- We will improve air quality and cut air pollution.\n",
        encoding="utf-8",
    )
    (folder / "pl\x1ban.md").write_text(
        "# Other\n\n## Our priorities\n\n- We will care for zoo animals in the zoo.\n",
        encoding="utf-8",
    )
    framework = tmp_path / "framework.yaml"
    framework.write_text(FRAMEWORK, encoding="utf-8")
    return folder, framework


@pytest.mark.parametrize("fmt", ["github", "junit", "csv", "csv-excel", "markdown", "html"])
def test_a_control_character_in_a_file_name_is_shown_not_dropped(
    twin_names: tuple[Path, Path], fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitHub's file=, JUnit's suites and files and the CSV's document column removed the ESC:
    # both documents were 'docs/plan.md', and GitHub put the other's gaps on plan.md.
    folder, framework = twin_names
    monkeypatch.chdir(folder.parent)
    args = ["check", "docs", "-f", str(framework), "--format", fmt, "--matcher", "lexical"]
    out = runner.invoke(app, args).stdout
    assert "\x1b" not in out
    escape = "pl\\\\x1ban" if fmt == "markdown" else "pl\\x1ban"
    assert escape in out
    if fmt == "github":
        lines = [line for line in out.splitlines() if "file=" in line]
        files = {line.split("file=")[1].split(",")[0] for line in lines}
        assert files == {"docs/plan.md", "docs/pl\\x1ban.md"}
    if fmt == "junit":
        suites = [suite.get("name") for suite in ET.fromstring(out)]
        assert sorted(suites) == ["docs/pl\\x1ban.md", "docs/plan.md"]
    if fmt.startswith("csv"):
        rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
        assert {row["document"] for row in rows} == {"docs/plan.md", "docs/pl\\x1ban.md"}


def test_the_workbook_shows_a_control_character_in_a_file_name(
    twin_names: tuple[Path, Path], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    folder, framework = twin_names
    book = tmp_path / "r.xlsx"
    args = ["check", str(folder), "-f", str(framework), "--matcher", "lexical"]
    runner.invoke(app, [*args, "-o", str(book), "-q"])
    documents = load_workbook(book)["Documents"]
    names = [row[0] for row in documents.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["pl\\x1ban", "plan"]


@pytest.mark.parametrize("fmt", ["github", "junit", "markdown", "terminal"])
def test_diff_shows_a_control_character_in_a_file_name(
    twin_names: tuple[Path, Path], tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, framework = twin_names
    old = tmp_path / "old"
    old.mkdir()
    for name in ("plan.md", "pl\x1ban.md"):
        (old / name).write_text("# Plan\n\nNothing yet.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["diff", "old", "docs", "-f", str(framework), "--matcher", "lexical"]
    out = runner.invoke(app, [*args, "--format", fmt]).stdout
    assert "\x1b" not in out
    escape = "pl\\\\x1ban" if fmt == "markdown" else "pl\\x1ban"
    assert escape in out
    if fmt == "github":
        assert "file=docs/pl\\x1ban.md," in out
    if fmt == "junit":
        suites = [suite.get("name") for suite in ET.fromstring(out)]
        assert sorted(suites) == ["docs/pl\\x1ban.md", "docs/plan.md"]


def test_sarif_notifications_show_a_control_character_in_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The notifications went through the XML filter, which removed the ESC: 'pl<ESC>an.md'
    # was named 'docs/plan.md', although SARIF is said to hold names as they are.
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "# Plan\n\n## Our priorities\n\n- We will improve air quality.\n"
    for name in ("a.md", "pl\x1ban.md"):  # a byte-for-byte copy is warned of
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "framework.yaml").write_text(FRAMEWORK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "docs", "-f", "framework.yaml", "--matcher", "lexical", "--format", "sarif"]
    log = json.loads(runner.invoke(app, args).stdout)
    said = [
        notification["message"]["text"]
        for notification in log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    ]
    assert any("docs/pl\\x1ban.md" in line for line in said), said
    assert not any("docs/plan.md" in line for line in said), said


@pytest.mark.parametrize("fmt", ["sarif", "junit", "markdown"])
def test_a_report_on_standard_output_is_utf8_whatever_the_locale(
    tmp_path: Path, small_framework: Path, make_document, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    """An auditor's locale was ISO-8859-1: '¶' went out as one byte, and the JUnit file said
    encoding="UTF-8" and was not; SARIF in a POSIX locale held '\\xb6', no JSON escape."""
    import subprocess
    import sys

    plan = make_document("plan.md")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "ALIGNCK_CACHE_DIR": str(tmp_path / "c")}
    command = [sys.executable, "-m", "alignck", "check", str(plan), "-f", str(small_framework),
               "--matcher", "lexical", "--format", fmt]  # fmt: skip
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    # Again, answered from the run's record: the same bytes (a review found them latin-1).
    again = subprocess.run(command, capture_output=True, env=env, check=False)
    assert again.stdout == done.stdout
    text = done.stdout.decode("utf-8")  # raises on a byte that is not UTF-8
    assert "¶" in text
    if fmt == "sarif":
        json.loads(text)


@pytest.mark.parametrize(
    "args", [("schema", "report"), ("frameworks", "show", "sdgs"), ("init", "-o", "-")]
)
def test_a_file_printed_to_standard_output_is_utf8_whatever_the_locale(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A review: 'schema' and 'frameworks show' ended in a traceback, exit 1, in a latin-1
    locale."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "ALIGNCK_CACHE_DIR": str(tmp_path / "c")}
    done = subprocess.run(
        [sys.executable, "-m", "alignck", *args], capture_output=True, env=env, check=False,
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    done.stdout.decode("utf-8")
