"""Escaping untrusted text for each reader: spreadsheet, Markdown, terminal, log line, XML."""

import xml.etree.ElementTree as ET

import pytest

from alignck.escape import (
    csv_cell,
    log_text,
    markdown_text,
    one_line,
    shown_text,
    terminal_text,
    workflow_data,
    workflow_property,
    xml_text,
)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_starting_like_a_formula_is_quoted(start: str) -> None:
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"


def test_csv_cell_of_plain_text_is_unchanged() -> None:
    assert csv_cell("We will insulate 300 homes = good") == "We will insulate 300 homes = good"


def test_markdown_text_shows_html_and_keeps_the_table_cell() -> None:
    text = '<script>alert(1)</script> & <img src=x onerror="a()"> | x\ny'
    assert markdown_text(text) == (
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror="a()"&gt; \\| x y'
    )


def test_terminal_text_removes_escape_sequences_and_bidi_overrides() -> None:
    # The sequences whole: removing ESC alone left 'a[2J]0;titleb'. An 8-bit C1 control
    # (U+009B) opens no sequence, so it loses only itself (it is in mojibake: 'Å\x9b' is 'ś').
    text = "a\x1b[2J\x1b]0;title\x07b\x9b31m\u202ec\rd\x7f"
    assert terminal_text(text) == "ab31mcd"


@pytest.mark.parametrize(
    "escape", [csv_cell, markdown_text, terminal_text, shown_text, xml_text, workflow_data]
)
def test_every_report_removes_an_escape_sequence_whole(escape) -> None:  # type: ignore[no-untyped-def]
    # CSV and Markdown showed 'we will [31mcut[0m air pollution' (Markdown '\\[31mcut\\[0m').
    assert escape("we will \x1b[31mcut\x1b[0m air pollution") == "we will cut air pollution"
    # A link (OSC 8, ended by ST) and a character set (ESC ( B) go too, their text stays.
    assert escape("see \x1b]8;;https://x.test\x1b\\the plan\x1b]8;;\x1b\\ \x1b(Bnow") == (
        "see the plan now"
    )


def test_an_escape_that_opens_no_whole_sequence_loses_only_itself() -> None:
    # Unterminated, or before a letter of the text: the text after it is the document's.
    assert shown_text("open \x1b]0;the rest") == "open ]0;the rest"
    assert shown_text("pl\x1ban") == "plan"


ESCAPES = [csv_cell, markdown_text, terminal_text, shown_text, xml_text, workflow_data]


@pytest.mark.parametrize("escape", ESCAPES)
def test_no_document_text_goes_with_a_c1_control_or_a_lone_escape(escape) -> None:  # type: ignore[no-untyped-def]
    # UTF-8 curly quotes misread as Latin-1 hold U+009C and U+009D, taken for an 8-bit OSC and
    # its terminator: the clause between two quotes was removed. ESC, a space and a letter were
    # taken for ESC, an intermediate and a final byte: 'fix damp n homes'.
    quoted = "the board said \u00e2\x80\x9cclean air\u00e2\x80\x9d and we will cut air pollution"
    quoted += " by half, as \u00e2\x80\x9cthe mayor\u00e2\x80\x9d promised."
    shown = escape(quoted)
    assert "and we will cut air pollution by half, as" in shown
    assert "clean air" in shown and "the mayor" in shown and "promised." in shown
    assert escape("fix damp \x1b in homes") == "fix damp  in homes"
    # A lone C1 control opens nothing either (XML keeps it; the others remove it alone).
    shown = escape("\x1b\x90rest \x9b1m \x9d0;title\x07 end")
    assert all(part in shown for part in ("rest", "1m", "0;title", "end"))
    # An open string command is bounded: a stray ESC ']' far before a BEL takes nothing.
    far = "see \x1b]" + "x" * 600 + "\x07 end"
    assert "x" * 600 in escape(far)
    # Space is no intermediate of a CSI either.
    assert "quarters" in escape("\x1b[2 quarters")


def test_terminal_text_keeps_layout() -> None:
    assert terminal_text("a\tb\nc é ✔") == "a\tb\nc é ✔"


def test_one_line_shows_line_breaks_and_controls_as_escapes() -> None:
    assert one_line("plan\n::error::x\r\x1b.md") == "plan\\n::error::x\\r\\x1b.md"


def test_workflow_values_are_escaped_as_github_unescapes_them() -> None:
    assert workflow_data("100%\r\nnext\x1b") == "100%25%0D%0Anext"
    assert workflow_property("a:b,c\n%") == "a%3Ab%2Cc%0A%25"


def test_xml_text_parses_whatever_it_was_given() -> None:
    hostile = "".join(chr(c) for c in range(32)) + "\ud800\ufffe\uffff end"
    cleaned = xml_text(hostile)
    element = ET.fromstring(f"<a b='{cleaned}'>{cleaned.replace('<', '')}</a>")
    assert element.text is not None and element.text.endswith("\ufffd end")
    assert "\t\n\r" in cleaned


def test_markdown_text_shows_emphasis_links_and_code_as_written() -> None:
    # A file named '*draft* [click](x)' showed in italics with a live link; a quote with '**'
    # in it turned bold.
    from alignck.escape import markdown_text

    assert markdown_text("*draft* [click](x) plan_v2 `code` ~~old~~") == (
        "\\*draft\\* \\[click\\](x) plan\\_v2 \\`code\\` \\~\\~old\\~\\~"
    )
    assert markdown_text("a \\ b | c") == "a \\\\ b \\| c"


def test_log_text_runs_no_workflow_command_and_reads_the_same() -> None:
    for text in ("::add-mask::secret", "  ::stop-commands::pwned", "##[error]forged"):
        safe = log_text(text)
        assert not safe.lstrip().startswith("::") and "##[" not in safe
        assert safe.replace("\u200b", "") == text
    assert log_text("Priority 2: homes #3") == "Priority 2: homes #3"


def test_markdown_text_mentions_no_one() -> None:
    # A quote posted in a pull-request comment notified '@housing-team'.
    shown = markdown_text("Warm homes with @housing-team and @wolds-council/officers")
    assert "@housing" not in shown and "@wolds" not in shown
    assert (
        shown.replace("\u200b", "") == "Warm homes with @housing-team and @wolds-council/officers"
    )


@pytest.mark.parametrize("hidden", ["\u200e", "\x01", "\u202e", "\ufffe"])
def test_an_invisible_character_before_a_formula_does_not_hide_it(hidden: str) -> None:
    # Stripped after the test for a formula, it left '=HYPERLINK(...)' at the cell's start.
    assert csv_cell(f'{hidden}=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("1. Council plan", "1\\. Council plan"),
        ("# Trust plan", "\\# Trust plan"),
        ("- draft", "\\- draft"),
        ("    indented", "&#32;&#32;&#32;&#32;indented"),
        ("\t\t\t\tindented", "&#32;&#32;&#32;&#32;indented"),
        ("---", "\\---"),
        # Not block openers: left as written.
        ("0.1.0", "0.1.0"),
        ("#123", "#123"),
        ("-5% by 2030", "-5% by 2030"),
    ],
)
def test_a_name_at_a_line_s_start_opens_no_list_heading_or_code_block(
    name: str, shown: str
) -> None:
    # '- 1. Council plan leaves a gap' rendered as a nested list without its '1.', and
    # '- # Trust plan ...' as a heading, in the step summary a pull request shows.
    from alignck.escape import markdown_text

    assert markdown_text(name) == shown


def test_markdown_text_reads_no_mathematics_into_amounts_of_money() -> None:
    # Between two '$' GitHub renders mathematics: 'costs $5 ... saves $20' lost its amounts.
    from alignck.escape import markdown_text

    assert markdown_text("costs $5 and saves $20") == "costs \\$5 and saves \\$20"


def test_a_workflow_path_shows_what_no_workflow_escape_carries() -> None:
    # workflow_property removed the ESC: 'pl<ESC>an.md' was 'plan.md', another file.
    import os

    from alignck.escape import workflow_path

    assert workflow_path("drafts/pl\x1ban.md") == "drafts/pl\\x1ban.md"
    assert workflow_path("plan\n::error::x.md") == "plan%0A%3A%3Aerror%3A%3Ax.md"
    assert workflow_path("a\u202eb.md") == "a\\u202eb.md"
    assert workflow_path(os.fsdecode(b"plan\xe9.md")) == "plan\\udce9.md"


def test_a_string_command_ends_only_at_its_own_terminator() -> None:
    from alignck.escape import without_sequences

    # 'ESC P' before a word and a BEL further on took the words between (BEL ends an OSC).
    assert without_sequences("x\x1bPlease note our plans\x07 y") == (
        "x\x1bPlease note our plans\x07 y"
    )
    assert without_sequences("a\x1b]0;title\x07b") == "ab"
    assert without_sequences("a\x1bPq#0\x1b\\b") == "ab"


def test_a_file_name_byte_that_is_not_utf8_shows_as_the_terminal_stream_shows_it() -> None:
    # The tables showed 'bad\udce9name.md' (the stream's backslashreplace), the warning about
    # the same file 'bad\ufffdname.md'.
    assert terminal_text("copy of bad\udce9name.md") == "copy of bad\\udce9name.md"
