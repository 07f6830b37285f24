"""The one exception family for user mistakes and unusable input.

Every message reads ``path[:line[:col]]: what is wrong`` so that the CLI can print it as one line
on stderr. Anything that is not an :class:`AlignckError` is a bug and keeps its traceback.
"""

from __future__ import annotations

from codecs import BOM_UTF8 as BOM


class AlignckError(Exception):
    """A problem the user can fix: bad arguments, an invalid framework, an unreadable file."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class UsageError(AlignckError):
    """The command line asked for something impossible (missing path, bad option value)."""


class ConfigError(AlignckError):
    """A YAML input (framework, waivers) cannot be used; ``problems`` lists every problem
    that makes it so, and ``notes`` the file's warnings and notes, which may explain them
    (an ignored 'our priorities:' key, the reason 'priorities' is missing)."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        problems: list[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        notes: list[str] | None = None,
    ) -> None:
        super().__init__(message, path, line, column)
        self.problems = problems or [str(self)]
        self.notes = notes or []


class FrameworkError(ConfigError):
    """The framework file cannot be used."""


class WaiverError(ConfigError):
    """The waivers file cannot be used."""


class ReadError(AlignckError):
    """One document could not be read; the others are still checked."""


class LimitExceeded(ReadError):
    """One document is over a limit on the work it may cause (size, pages, text, time)."""


class CacheError(AlignckError):
    """The cache folder cannot be used or cleared safely: not a folder, or not alignck's."""


class CacheUnwritable(CacheError):
    """The cache folder cannot be created (a read-only home): a run can go on without it."""


class DatasetError(AlignckError):
    """An evaluation dataset (truth.yaml) is malformed."""


class ReportFileError(AlignckError):
    """A saved JSON report (a baseline, or a side of a diff) cannot be used."""


class ReviewError(ConfigError):
    """The review file cannot be used."""


def os_reason(error: OSError) -> str:
    """What went wrong with a file, in words, without Python's '[Errno 21] ...: 'name''
    (the message names the file already)."""
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "a folder, not a file"
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a file is in the way of a folder it needs"
    return error.strerror.lower() if error.strerror else str(error)


def not_utf8(data: bytes, error: UnicodeDecodeError) -> tuple[int, int, str]:
    """The line and column (in bytes) of the first byte that is not UTF-8, and what to do
    about it; ``error`` from decoding ``data`` as 'utf-8-sig', which counts from after a
    byte-order mark."""
    start = error.start + (len(BOM) if data.startswith(BOM) else 0)
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    byte = data[start]
    return line, column, f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"
