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
