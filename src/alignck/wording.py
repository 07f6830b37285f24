"""How a count is said: '1 priority', '7 priorities'."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """The count with its noun in the number the count needs."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
