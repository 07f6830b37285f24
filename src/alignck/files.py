"""What kind of file a path is, for the checks that keep alignck to ordinary files.

Reading a FIFO blocks until someone writes to it and a device such as ``/dev/zero`` never ends;
writing a report over a device or a folder is never what was meant. This module only names
kinds and compares identities; readers and the command line decide what to refuse.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str:
    """'a folder', 'a named pipe (FIFO)', … for a ``st_mode``; 'a regular file' otherwise."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def real_path(path: Path) -> Path:
    """The path with every link resolved; never raises, even on a loop of links."""
    return Path(os.path.realpath(path))


def same_file(path: Path, other: Path) -> bool:
    """Whether the two paths name one file: the same resolved path, or the same device and
    inode (a hard link, or a link through a folder ``realpath`` cannot see through)."""
    try:
        first, second = path.stat(), other.stat()
    except OSError:
        return real_path(path) == real_path(other)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)
