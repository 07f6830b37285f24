"""Make untrusted text (file names, document text, framework and waiver strings) safe for the
reader of each output: a spreadsheet, a Markdown viewer, a terminal, a CI log, an XML or JSON
parser.

Each function serves one reader and changes nothing a reader would not misread, so reports stay
faithful to the document. What each output must escape is decided here, once; the renderers and
the command line only call these. This module does not decide how text is laid out.
"""

from __future__ import annotations

import re

# C0 controls other than tab, newline and carriage return: illegal in XML 1.0, and in JSON
# they reach consumers that mishandle them. Surrogates (left by undecodable file names) and the
# two non-characters XML also forbids.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a terminal acts on rather than shows: C0 (ESC starts colour, cursor and title
# sequences; CR rewrites the line), DEL, C1 (U+009B is an 8-bit CSI) and the bidirectional
# overrides that make a line display other than it reads ('Trojan Source').
_TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# As for a terminal, but CR and LF stay: the workflow command escapes encode them, and a
# browser or a spreadsheet shows them as the line breaks they are.
_WORKFLOW_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# Whole escape sequences, removed before the controls that open them: removing ESC alone left
# '[31mcut[0m' of a coloured word in a quote. Only well-formed 7-bit sequences, each bounded,
# so that no document text is taken with them: CSI (colour, cursor, erase: ESC '[',
# parameters, intermediates, a final byte); OSC (a window title, an OSC 8 link) and the string
# commands (DCS, SOS, PM, APC) up to their terminator (BEL or ESC '\' for OSC, as xterm reads
# it; ESC '\' alone for the others), holding no control and at most 512 characters; ESC,
# intermediates, a final byte (ESC ( B); and ESC and a final byte that is neither a letter
# nor a digit (ESC =, ESC \). An ESC before a letter or a
# digit, a space, or a sequence left open loses only itself: what follows may be the text's
# own ('fix damp <ESC> in homes'). The 8-bit C1 characters open nothing here: U+009C and U+009D
# are in every curly quote of UTF-8 misread as Latin-1 ('\u00e2\x80\x9d'), and taking them
# for an OSC's opening and terminator removed the clause between two quotes. The controls
# are then removed one by one, each losing only itself.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]{0,32}[!-/]{0,2}[@-~]"
    r"|\x1b\][^\x00-\x1f\x7f-\x9f]{0,512}(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x00-\x1f\x7f-\x9f]{0,512}\x1b\\"
    r"|\x1b[!-/]{1,2}[0-~]"
    r"|\x1b[:-@\\`{-~]"
)
_LINE_BREAKING = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# Characters a spreadsheet reads as the start of a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def xml_text(text: str) -> str:
    """Text an XML 1.0 parser accepts: escape sequences and illegal characters removed
    (surrogates become U+FFFD, so an undecodable file name still shows where it was)."""
    if not _XML_ILLEGAL.search(text):
        return text
    return _XML_ILLEGAL.sub(_xml_replacement, without_sequences(text))


def without_sequences(text: str) -> str:
    """Text with its terminal escape sequences removed whole (see ``_ESCAPE_SEQUENCE``)."""
    if "\x1b" not in text:
        return text
    return _ESCAPE_SEQUENCE.sub("", text)


def _xml_replacement(found: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= found.group() <= "\udfff" else ""


def terminal_text(text: str) -> str:
    """Text a terminal shows as text: escape and control sequences removed, newlines and tabs
    kept (the layout is made of them). A byte of a file name that is not UTF-8 (a lone
    surrogate) is shown as the terminal's stream shows it elsewhere ('bad\\udce9name.md'),
    so the same file has the same name in a warning as in the tables."""
    if not _TERMINAL_CONTROLS.search(text):
        return text
    return _TERMINAL_CONTROLS.sub(_terminal_replacement, without_sequences(text))


def _terminal_replacement(found: re.Match[str]) -> str:
    character = found.group()
    return f"\\u{ord(character):04x}" if "\ud800" <= character <= "\udfff" else ""


def log_text(text: str) -> str:
    """Text a CI log shows as text: GitHub's runner takes a line that opens with '::' (after
    its spaces) or '##[' as a workflow command ('::add-mask::', '::stop-commands::'), and a
    partner's sentence can open a line of a report's table. A zero-width space between the
    two characters leaves the text as it reads and the line a line."""
    if "::" not in text and "##[" not in text:
        return text
    return text.replace("::", ":\u200b:").replace("##[", "##\u200b[")


def one_line(text: str) -> str:
    r"""A message for a log line: every control character shown as an escape (a newline as
    ``\n``), so a file name cannot end the line and start another (a GitHub ``::error``
    command, say) nor act on the terminal."""
    if not _LINE_BREAKING.search(text):
        return text
    return _LINE_BREAKING.sub(_visible, text)


def _visible(found: re.Match[str]) -> str:
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take this text, typed into a cell, as a formula."""
    return text.startswith(_FORMULA_START)


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading single
    quote, as OWASP recommends (Excel and LibreOffice hide it); control characters and
    bidirectional overrides, which make a cell read other than it says, are removed."""
    # Stripped first: an invisible mark in front of '=' must not hide the formula behind it.
    text = shown_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def shown_text(text: str) -> str:
    """Text a viewer (a browser, a spreadsheet) shows as written: control characters, the
    bidirectional overrides of 'Trojan Source' and XML's non-characters removed, lines and
    tabs kept."""
    return xml_text(_WORKFLOW_CONTROLS.sub(_xml_replacement, without_sequences(text)))


def html_text(text: str, quote: bool = True) -> str:
    """Text inside HTML: shown as written (:func:`shown_text`), markup escaped."""
    import html

    return html.escape(shown_text(text), quote)


def markdown_text(text: str) -> str:
    """Text inline in Markdown (and in a table cell): HTML is shown, not run, a pipe does not
    split the cell, a line break does not end the row, a file named '*draft* [x](y)' or a
    quote with '**' in it is shown as written, not in italics or as a link, and '@name'
    mentions no one."""
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", terminal_text(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    # At a line's (or a list item's) start, a file named '1. Council plan' or '# Trust plan'
    # was a nested list or a heading, '---' a rule, and four spaces (or tabs) a code block.
    text = _BLOCK_OPENING.sub(_escaped_opening, text, count=1)
    # '@team' in a quote would notify that team where the report is posted as a comment.
    text = _MENTION.sub("@\u200b", text)
    return text.replace("|", "\\|")


# What Markdown reads as emphasis, links, code or a strike-through; each may be escaped by a
# backslash in CommonMark and GitHub's Markdown.
# And '$', which GitHub reads as mathematics between two ('costs $5 ... saves $20').
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]~$])")
_MENTION = re.compile(r"@(?=\w)")
# What opens a block only where a space or the end follows (CommonMark): '0.1.0' and '#123'
# are text.
_BLOCK_OPENING = re.compile(
    r"^( *)(#(?=#{0,5}(?:\s|$))|-(?=(?:\s*-){2,}\s*$)|[-+=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))?"
)


def _escaped_opening(found: re.Match[str]) -> str:
    spaces, marker = found.group(1), found.group(2) or ""
    shown = "&#32;" * len(spaces)
    if not marker:
        return shown
    if marker.isdigit():
        # '1.' is a list's marker; '1\.' is the number and its full stop.
        return f"{shown}{marker}\\"
    return f"{shown}\\{marker}"


def workflow_data(text: str) -> str:
    """The message of a GitHub workflow command, escaped as the runner unescapes it; other
    controls removed (the annotation is shown in a browser and in the log)."""
    text = _WORKFLOW_CONTROLS.sub(_xml_replacement, without_sequences(text))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value (file=, title=) of a GitHub workflow command."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_path(path: str) -> str:
    r"""A file's path as the file= property of a GitHub workflow command: a newline or carriage
    return as the runner decodes it, so the annotation lands on the file of that name; any
    other control character, which no escape of the runner carries, shown as reports show it
    (``\x1b``), never removed: removed, 'pl<ESC>an.md' was 'plan.md', and its findings
    landed on that other file. The runner decodes only '%25', '%0D', '%0A', '%3A' and '%2C'."""
    return workflow_property(_WORKFLOW_CONTROLS.sub(_visible, path))
