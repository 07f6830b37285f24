"""How a count is said ('1 priority', '7 priorities'), the first few of a list, and a path in a
command to paste."""

from __future__ import annotations

import os


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """The count with its noun in the number the count needs."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def first_few(items: list[str], shown: int = 4) -> str:
    """The first ``shown`` items joined, and how many more: 'a, b, c, d and 2 more'."""
    rest = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {rest} more" if rest > 0 else "")


def shell_quoted(text: str) -> str:
    """``text`` as the user's shell reads it in a command alignck suggests: POSIX quoting,
    or on Windows the double quotes cmd.exe and PowerShell read (they take '...' literally)."""
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline([text])
    import shlex

    return shlex.quote(text)


# How far back from the limit a cut looks for the end of a word: a long word (a URL) is cut
# where it stands rather than lose most of the line.
_WORD_END_WITHIN = 25


def clipped(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters, cut at the end of a word with an ellipsis where
    it is longer: '... support when th…' read as a misquote."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit - 1 - _WORD_END_WITHIN:
        head = head[:space]
    return head.rstrip(" ,;:–—-") + "…"
