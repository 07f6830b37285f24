"""The mark alignck puts at the head of the reports it writes in formats it also reads
(Markdown, plain text), so that a report saved into the folder being checked is not read back
as a partner's document on the next run; and how every other report it writes opens, so that
one saved under a name it reads (a CSV report as 'v.txt', GitHub annotations as 'ann.txt', JSON
as 'x.md') is not read back either.

This module owns the mark and the tests for it; the renderers write it, discovery skips on it.
"""

from __future__ import annotations

import re
from pathlib import Path

from alignck.files import open_regular

# An HTML comment: invisible wherever the Markdown is shown (a pull request, a wiki).
MARKDOWN_MARK = "<!-- written by alignck: a report, not a document to check -->"
# The terminal report's first line, as '-o report.txt' saves it.
TERMINAL_MARK = "alignck · "
_MARKS = (MARKDOWN_MARK.encode(), TERMINAL_MARK.encode())
# The report formats that open with a mark (a diff's too).
MARKED_FORMATS = frozenset({"markdown", "terminal"})


def written_by_alignck(path: Path) -> bool:
    """Whether a regular file opens as a report alignck wrote: one of its marks, then the
    report's own opening, or the opening of a report in a format that carries no mark (a file
    that cannot be read is left for the reader to report). The mark alone is one line anyone
    can type at the head of a draft, which a pre-commit check would then pass as 'nothing to
    check'."""
    head = _opening(path, _OPENING_BYTES)
    return head is not None and (
        _MARKED_REPORT.match(head) is not None or _UNMARKED_REPORT.match(head) is not None
    )


# A --per-document page's title: whose coverage of what it is. A share near 0 or 100 keeps a
# decimal ('99.8%'), which a whole number of percent missed.
# A page of a document found but not read says so where its coverage would stand.
NOT_READ_TITLE = "could not be read, so no verdicts on"
_PAGE_TITLE = (
    rb"[^\n]*: (?:[\d.]+% coverage of [^\n]*\(\d+ aligned, \d+ partial, \d+ gaps?\)|"
    + re.escape(NOT_READ_TITLE.encode())
    + rb" [^\n]*)"
)

# A mark, then what follows it in each report that carries one: check's, diff's and the
# per-document pages' Markdown headings; the terminal report's counts line or a diff's
# headline, within the opening read (long paths or a long framework name wrap the first line
# over several).
_MARKED_REPORT = re.compile(
    re.escape(MARKDOWN_MARK.encode())
    + rb"\r?\n(?:# alignck report: |## alignck: what changed"
    # A --per-document page: '# plan: 43% coverage of ... (2 aligned, 2 partial, 3 gap)'.
    + rb"|# "
    + _PAGE_TITLE
    + rb"\r?\n)"
    + rb"|"
    + re.escape(TERMINAL_MARK.encode())
    + rb"[^\n]*\n(?:[^\n]*\n)*?(?:\d+ priorit(?:y|ies) |\d+ verdicts? moved: )"
)


def _opening(path: Path, size: int) -> bytes | None:
    """A regular file's first bytes, without a UTF-8 byte-order mark; None for anything
    else, or a file that cannot be read (left for the reader to report)."""
    try:
        with open_regular(path) as handle:
            head = handle.read(size).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return None
    # A terminal report saved in colour ('FORCE_COLOR=1 alignck check . > out.txt') opens
    # with an escape sequence before its mark, and was read back as a partner's document.
    return _COLOUR.sub(b"", head) if b"\x1b[" in head else head


_COLOUR = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]")


# How each report alignck writes in a format that carries no mark opens (check's and diff's:
# JSON, SARIF, JUnit, HTML, CSV, GitHub annotations; extract's JSON and table), within its
# first few hundred bytes: so
# particular to alignck that no partner's document opens so.
_UNMARKED_OPENINGS = (
    rb'\{\s*"schema_version":\s*\d+,(?:\s*"passed":\s*(?:true|false),)?\s*"tool":\s*'
    rb'\{\s*"name":\s*"alignck"'
    rb'|\{\s*"\$schema":[^\n]*sarif[^{]*\{\s*"tool":\s*\{\s*"driver":\s*\{\s*"name":\s*"alignck"'
    rb'|<\?xml[^>]*>\s*<testsuites name=["\x27]alignck'
    rb'|<!DOCTYPE html>[^<]*<html[^>]*><head><meta charset="utf-8">\s*'
    + re.escape(MARKDOWN_MARK.encode())
    + rb"|document,priority_id,priority_title,status,"
    + rb"|::(?:notice|warning|error)[^:\n]*title=alignck"
    # 'alignck extract', as JSON and as its table: what a document states, not a document.
    + rb'|\{\s*"schema_version":\s*\d+,\s*"documents":\s*\[\s*\{\s*"path":[^\n]*\n'
    + rb'\s*"status":[^\n]*\n(?:\s*"[a-z_]+":[^\n]*\n){0,3}\s*"stated_priorities":'
    + rb"|[^\n]{1,300}: \d+ stated priorit(?:y|ies)\s*\n\s*\n\s*#\s+Kind\s+Stated priority"
)
_UNMARKED_REPORT = re.compile(rb"^(?:" + _UNMARKED_OPENINGS + rb")")
# Every report's opening, a bare mark included; a file that opens otherwise is not one.
_REPORT_OPENINGS = re.compile(
    rb"^(?:" + _UNMARKED_OPENINGS + rb"|" + rb"|".join(re.escape(m) for m in _MARKS) + rb")"
)
_OPENING_BYTES = 1024


# A --per-document page, Markdown or HTML: its title says whose coverage of what it is.
_PAGE = re.compile(
    rb"^(?:<!DOCTYPE html>\s*<html[^>]*><head><meta charset=\"utf-8\">\s*"
    + re.escape(MARKDOWN_MARK.encode())
    # A viewport since 6 December 2026: pages written before have none.
    + rb"\s*(?:<meta name=\"viewport\"[^>]*>\s*)?<title>|"
    + re.escape(MARKDOWN_MARK.encode())
    + rb"\r?\n# )"
    + _PAGE_TITLE
)


def is_page(path: Path) -> bool:
    """Whether a regular file is a page --per-document wrote (not another report)."""
    head = _opening(path, _OPENING_BYTES)
    return head is not None and _PAGE.match(head) is not None


def is_report(path: Path) -> bool:
    """Whether a regular file is a report alignck wrote, in any text format: a run that ends
    in error removes one left at its --output, so that an earlier run's does not stand for
    it (a workbook is left: it cannot be told from the head of the file)."""
    head = _opening(path, _OPENING_BYTES)
    return head is not None and _REPORT_OPENINGS.match(head) is not None
