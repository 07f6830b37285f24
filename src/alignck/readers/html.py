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
from dataclasses import replace
from pathlib import Path

from alignck.model import Document, ReadOptions
from alignck.readers._builder import BlockBuilder
from alignck.readers._html import VOID_TAGS as _VOID_TAGS
from alignck.readers._html import ToMarkdown, within_passed_over
from alignck.readers._text import read_text
from alignck.readers.markdown import parse_lines

VERSION = "1"
# How many characters of a page may be markup for each character of text the limit allows.
_MARKUP_PER_TEXT = 10

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
        "select",
        "textarea",
        "iframe",
        "object",
        "dialog",
    ]
)
# Where a <header> is its content's title, not the site's banner (as HTML defines a banner).
_CONTENT_SCOPES = frozenset(["article", "main", "section"])
# The parts of a page its landmarks name as the site's, not the content's.
_NOT_CONTENT_ROLES = frozenset(
    ["navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"]
)
# The names web platforms give the site's own parts in class and id attributes (WordPress's
# 'menu-main-container' and 'widget-area', Drupal's 'region-sidebar', 'breadcrumbs'): a page
# without landmarks marks them so, and their links are not the strategy's words.
_SITE_PARTS = frozenset(
    [
        "menu",
        "submenu",
        "nav",
        "navbar",
        "navigation",
        "sidebar",
        "widget",
        "widgets",
        "breadcrumb",
        "breadcrumbs",
        "cookie",
        "cookies",
        "masthead",
        "footer",
        "skiplink",
    ]
)
_NAME_PARTS = re.compile(r"[^a-z0-9]+")
_NEVER_SITE_PARTS = frozenset(["html", "body", "main", "article"])
# Text for screen readers alone ('Show this section' in an accordion's button), by the
# names the common frameworks give it (GOV.UK, Bootstrap, WordPress).
_SCREEN_READERS_ONLY = re.compile(
    r"visually-?hidden|sr-only|screen-reader-text|assistive-text", re.IGNORECASE
)


def read(path: Path, options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    # The limit on characters is on the page's text, which the reader checks once it is read;
    # its markup (styles, scripts, an image embedded as data) may be many times that, and
    # is bounded by the limit on the file's size.
    markup = replace(options.limits, characters=options.limits.characters * _MARKUP_PER_TEXT)
    text, warning = read_text(path, replace(options, limits=markup))
    if warning and _declares_windows_1252(text) and warning.endswith(_READ_AS_WINDOWS_1252):
        warning = None  # read as the page says it is written, as a browser reads it
    lines, numbers = markdown_of_page(text)
    builder = BlockBuilder(str(path), options.limits)
    parse_lines(lines, numbers, builder)
    blocks = builder.build()
    warnings = (warning,) if warning else ()
    if _PASSWORD_FIELD.search(text) and sum(len(b.text.split()) for b in blocks) < _FEW_WORDS:
        # A saved page is often the site's sign-in page in place of the strategy behind it.
        warnings = (*warnings, SIGN_IN_PAGE)
    return Document(str(path), "html", blocks, None, warnings)


SIGN_IN_PAGE = (
    "a page that asks for a password and says little else: a sign-in page saved in place of "
    "the strategy? open it in a browser"
)
_PASSWORD_FIELD = re.compile(r"<input\b[^>]{0,500}?\btype\s*=\s*[\"']?password\b", re.I)
# Fewer words than this, beside a password field, is a sign-in page rather than a strategy.
_FEW_WORDS = 150


_READ_AS_WINDOWS_1252 = "read as Windows-1252 (cp1252)"
# A page's own word on its encoding, in its first bytes; browsers read ISO-8859-1 pages as
# Windows-1252 (the WHATWG encoding standard), as alignck's fallback does.
_DECLARED_CHARSET = re.compile(r"<meta\b[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_WINDOWS_1252_NAMES = frozenset(["windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1"])


def _declares_windows_1252(text: str) -> bool:
    declared = _DECLARED_CHARSET.search(text[:4096])
    return declared is not None and declared.group(1).lower() in _WINDOWS_1252_NAMES


def markdown_of_page(text: str) -> tuple[list[str], list[int]]:
    """The page's content as Markdown lines, each with the number of the page's line it
    starts on (from 1): its main content where it marks one that a reader sees, else the
    whole page less what is not content."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page = _read_page(text, main_only=True)
    if not page.found_main:
        page = _read_page(text, main_only=False)
    return page.lines, [start + 1 for start in page.starts]


def _read_page(text: str, main_only: bool) -> _Page:
    page = _Page(main_only)
    page.feed(text)
    page.close()
    page.end_line()
    return page


class _Page(ToMarkdown):
    """The Markdown of a whole page: its content only, bold kept as run-in labels need it."""

    def __init__(self, main_only: bool) -> None:
        super().__init__(page=True)
        self.main_only = main_only
        # The main content's element and how many of its name are open inside it.
        self.main: tuple[str, int] | None = None
        self.found_main = False
        # Outside the main content, the elements passed over that are open: a <main> in a
        # hidden part or a <template> is not the page's.
        self.outside: list[str] = []
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
            if name in ("class", "id") and value and _names_a_site_part(tag, value):
                return True
            if name == "class" and value and _SCREEN_READERS_ONLY.search(value):
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.main_only and self.main is None:
            self._outside_main(tag, attrs)
            return
        # Counted whether or not the element is passed over: its end is counted too.
        if self.main is not None and tag == self.main[0]:
            self.main = (tag, self.main[1] + 1)
        if tag in _CONTENT_SCOPES:
            self.within_content += 1
        super().handle_starttag(tag, attrs)

    def _outside_main(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Looking for the main content: only the first a reader sees is read."""
        if within_passed_over(self.outside, tag, opening=True):
            return
        if tag not in _VOID_TAGS and self.passed_over(tag, attrs):
            self.outside.append(tag)
        elif not self.found_main and _is_main(tag, attrs):
            self.main = (tag, 1)
            self.found_main = True
            self.within_content += 1

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.main_only and self.main is None:
            within_passed_over(self.outside, tag, opening=False)
            return
        if self.main is not None and tag == self.main[0]:
            depth = self.main[1] - 1
            self.main = (tag, depth) if depth else None
            if not depth:
                self.end_line()
                self.within_content -= 1
                return
        if tag in _CONTENT_SCOPES and self.within_content:
            self.within_content -= 1
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.main_only and self.main is None:
            return
        super().handle_data(data)


def _names_a_site_part(tag: str, names: str) -> bool:
    """Whether a class or id names a part of the site: one of its names opens with such a
    word ('menu-main-container', 'widget-area', 'sidebar'), not by its letters ('menuitem'
    is no menu) nor as a later word, which is how themes describe the page around content
    ('no-sidebar', 'has-navbar-fixed-top', 'elementor-widget-text-editor'). The page's own
    frame and content elements are never a site part."""
    if tag in _NEVER_SITE_PARTS:
        return False
    return any(_NAME_PARTS.split(name)[0] in _SITE_PARTS for name in names.lower().split() if name)


def _is_main(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return tag == "main" or any(
        name == "role" and (value or "").strip().lower() == "main" for name, value in attrs
    )
