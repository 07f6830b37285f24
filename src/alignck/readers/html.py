"""HTML reader: a web page as its reader sees it, read by the Markdown reader's rules.

Many partners publish their strategy as a page on their website, and an officer saves it from
the browser. The page is rewritten as the Markdown it stands for (headings, nested lists,
tables, paragraphs, bold run-in labels) and the Markdown reader's parser reads that, so a
page and the same strategy in Markdown give the same blocks. What is not the page's content is
passed over: the head, scripts and styles, navigation, the site's banner and footer, asides,
forms, and what a reader does not see (hidden, struck or deleted text). Where the page marks
its main content (``<main>``, or ``role="main"``), only that is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from alignck.model import Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._html import ToMarkdown
from alignck.readers._text import read_text
from alignck.readers.markdown import parse_lines

VERSION = "1"

# Never the page's content, wherever they stand.
_NOT_CONTENT = frozenset(
    [
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "nav",
        "aside",
        "footer",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "object",
        "dialog",
    ]
)
# The parts of a page its landmarks name as the site's, not the content's.
_NOT_CONTENT_ROLES = frozenset(
    ["navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"]
)
_MAIN = re.compile(r"<main[\s>]|\brole\s*=\s*[\"']?main\b", re.IGNORECASE)


def read(path: Path, options: ReadOptions | None = None) -> Document:
    text, warning = read_text(path, options)
    lines, numbers = markdown_of_page(text)
    builder = BlockBuilder(str(path), (options or ReadOptions()).limits)
    parse_lines(lines, numbers, builder)
    warnings = (warning,) if warning else ()
    return Document(str(path), "html", builder.build(), None, warnings)


def markdown_of_page(text: str) -> tuple[list[str], list[int]]:
    """The page's content as Markdown lines, each with the number of the page's line it
    starts on (from 1)."""
    page = _Page(main_only=_MAIN.search(text) is not None)
    page.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
    page.close()
    page.end_line()
    return page.lines, [start + 1 for start in page.starts]


class _Page(ToMarkdown):
    """The Markdown of a whole page: its content only, bold kept as run-in labels need it."""

    def __init__(self, main_only: bool) -> None:
        super().__init__(page=True)
        self.main_only = main_only
        # The main content's element and how many of its name are open inside it; a page
        # may mark more than one (a second <main hidden> is passed over as unseen).
        self.main: tuple[str, int] | None = None
        # Articles and main content open: a <header> inside one is its title, not the site's.
        self.within_content = 0

    def passed_over(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _NOT_CONTENT or super().passed_over(tag, attrs):
            return True
        if tag == "header" and not self.within_content:
            return True
        for name, value in attrs:
            if name == "role" and value and value.strip().lower() in _NOT_CONTENT_ROLES:
                return True
            if name == "aria-hidden" and value and value.strip().lower() == "true":
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.main_only and not self.unseen:
            if self.main is not None:
                if tag == self.main[0]:
                    self.main = (tag, self.main[1] + 1)
            elif _is_main(tag, attrs) and not self.passed_over(tag, attrs):
                self.main = (tag, 1)
                self.within_content += 1
                return
            else:
                return
        if tag in ("article", "main") and not self.unseen:
            self.within_content += 1
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.main_only and not self.unseen:
            if self.main is None:
                return
            if tag == self.main[0]:
                depth = self.main[1] - 1
                self.main = (tag, depth) if depth else None
                if not depth:
                    self.end_line()
                    self.within_content -= 1
                    return
        if tag in ("article", "main") and not self.unseen and self.within_content:
            self.within_content -= 1
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.main_only and self.main is None:
            return
        super().handle_data(data)


def _is_main(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return tag == "main" or any(
        name == "role" and (value or "").strip().lower() == "main" for name, value in attrs
    )
