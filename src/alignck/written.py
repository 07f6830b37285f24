"""The mark alignck puts at the head of the reports it writes in formats it also reads
(Markdown, plain text), so that a report saved into the folder being checked is not read back
as a partner's document on the next run.

This module owns the mark and the test for it; the renderers write it, discovery skips on it.
"""

from __future__ import annotations

from pathlib import Path

# An HTML comment: invisible wherever the Markdown is shown (a pull request, a wiki).
MARKDOWN_MARK = "<!-- written by alignck: a report, not a document to check -->"
# The terminal report's first line, as '-o report.txt' saves it.
TERMINAL_MARK = "alignck · "
_MARKS = (MARKDOWN_MARK.encode(), TERMINAL_MARK.encode())
# The report formats that open with a mark (a diff's too).
MARKED_FORMATS = frozenset({"markdown", "terminal"})
_HEAD = max(len(m) for m in _MARKS) + 3  # room for a UTF-8 byte-order mark


def written_by_alignck(path: Path) -> bool:
    """Whether a regular file starts with one of alignck's marks (a file that cannot be read
    is left for the reader to report)."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return False
    return head.startswith(_MARKS)
