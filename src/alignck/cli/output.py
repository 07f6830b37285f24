"""Everything the command line decides about the terminal: colour, progress, report files.

The TTY decisions live in these small functions so that tests can patch them.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from alignck.report_file import (
    atomic_file,
    descriptor_linked,
    report_target,
    why,
    written_by_this_run,
)

if TYPE_CHECKING:
    from alignck.model import Report
    from alignck.readers import Discovery
    from alignck.reading import Progress


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal that shows it, never when NO_COLOR is set; FORCE_COLOR
    forces it. TERM=dumb says the terminal shows escape codes as text."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal: a binary report is never written onto one."""
    return sys.stdout.isatty()


def is_interactive(stream: TextIO) -> bool:
    """Progress bars only on a real terminal and never in CI logs."""
    if _set("CI") or _set("ALIGNCK_NO_PROGRESS"):
        return False
    return stream.isatty()


def _set(name: str) -> bool:
    """Whether a yes-or-no environment variable says yes: 'CI=false' or
    'ALIGNCK_NO_PROGRESS=0' says no, as the people who write them mean."""
    value = os.environ.get(name, "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


def choose_report_format(
    given: str | None,
    output: Path | None,
    formats: Sequence[str],
    checked: Sequence[Path] = (),
) -> str:
    """The format asked for (one of ``formats``), else the one ``--output``'s extension names.

    An extension that names none of ``formats`` is refused rather than filled with text the
    reader cannot open; so is a format given outright that the extension contradicts (JUnit in
    'alignck.sarif', SARIF in 'alignck.xml', a workbook in a text file's name): the step that
    reads the file (GitHub's SARIF upload, GitLab's JUnit report) fails a step later, with an
    error that names neither. An extension alignck gives no format keeps any format given.
    ``check`` and ``diff`` share this, so both refuse the same names with the same line."""
    if output is None:
        return given or "terminal"
    from alignck.errors import UsageError
    from alignck.renderers import EXTENSIONS, extension_of, format_named

    named = format_named(output.name)
    _refuse_document_program_name(output, given, formats)
    if given is not None:
        if named is not None and not _fits(given, named):
            leave_out = ", or leave out --format" if named in formats else ""
            raise UsageError(
                f"--output's extension '{extension_of(output.name)}' names {named}, but "
                f"--format is {given}; give a file name that fits the format{leave_out}",
                str(output),
            )
        _refuse_unmarked_document(output, given, checked)
        return given
    if named is None or named not in formats:
        extension = extension_of(output.name)
        known = ", ".join(sorted(e for e, f in EXTENSIONS.items() if f in formats))
        if named is not None:
            # --format cannot help: with it the extension contradicts the format (above).
            raise UsageError(
                f"--output has extension '{extension}', which names {named}, a format this "
                f"command does not write; use one of {known}",
                str(output),
            )
        what = f"extension '{extension}'" if extension else "no extension"
        raise UsageError(
            f"--output has {what}, which names no report format; use one of {known}, or give "
            f"--format ({', '.join(formats)})",
            str(output),
        )
    return named


# Office and PDF files, whose programs open only their own binary formats: a report under
# such a name opens in none of them ('-o report.docx --format html', as the hint to give
# --format led a volunteer to write, made an HTML file Word refuses).
_DOCUMENT_PROGRAM_FORMATS = frozenset(
    {".doc", ".docx", ".docm", ".odt", ".odp", ".ods", ".pdf", ".ppt", ".pptx", ".xls"}
)
# The extension suggested instead for a format no extension names.
_OWN_EXTENSION = {"github": ".txt", "csv-excel": ".csv"}


def _refuse_document_program_name(output: Path, given: str | None, formats: Sequence[str]) -> None:
    from alignck.errors import UsageError
    from alignck.renderers import EXTENSIONS

    name = output.name
    # The last extension, a name that is only an extension ('.docx') included.
    extension = name[name.rfind(".") :].lower() if "." in name else ""
    if extension not in _DOCUMENT_PROGRAM_FORMATS:
        return
    wanted = given or next(f for f in ("html", "markdown", *formats) if f in formats)
    own = _OWN_EXTENSION.get(wanted) or next(
        (e for e, f in EXTENSIONS.items() if f == wanted), None
    )
    stem = name[: -len(extension)]
    for report in EXTENSIONS:  # 'alignck.sarif.pdf' is 'alignck.sarif', not '.sarif.sarif'
        if stem.lower().endswith(report) and len(stem) > len(report):
            stem = stem[: -len(report)]
            break
    instead = f"name it {stem or 'report'}{own}" if own else "give it a report format's extension"
    known = ", ".join(sorted(e for e, f in EXTENSIONS.items() if f in formats))
    raise UsageError(
        f"--output's extension '{name[len(name) - len(extension) :]}' is an office or PDF "
        f"document's, which its program would not open as a report; {instead} (report "
        f"extensions: {known})",
        str(output),
    )


# A format in a file whose extension names another, which the file's readers still read:
# SARIF is JSON ('alignck.sarif.json'), the CSV for Excel is a CSV, and GitHub's workflow
# commands, which no extension names, are plain text ('annotations.txt').
_FITTING = frozenset({("sarif", "json"), ("csv-excel", "csv"), ("github", "terminal")})


def _fits(given: str, named: str) -> bool:
    """Whether a report in the format ``given`` may bear the extension that names ``named``."""
    return given == named or (given, named) in _FITTING


def _refuse_unmarked_document(output: Path, given: str, checked: Sequence[Path]) -> None:
    """A report whose file name alignck reads as a document ('-o docs/board.md --format
    html'), inside a folder being checked, is refused unless its format opens with alignck's
    mark (Markdown, the terminal's text): the next run would read it as a partner's document.
    Outside the folders checked, any name will do."""
    from alignck.errors import UsageError
    from alignck.readers import READERS
    from alignck.renderers import EXTENSIONS
    from alignck.written import MARKED_FORMATS

    if output.suffix.lower() not in READERS or given in MARKED_FORMATS:
        return
    if output.name.startswith(".") or not any(
        _inside(output, folder) for folder in checked if folder.is_dir()
    ):
        return  # a hidden file is never read from a folder either
    own = next((e for e, f in EXTENSIONS.items() if f == given.removesuffix("-excel")), None)
    instead = f"name it {output.stem}{own}" if own else "give it another extension"
    raise UsageError(
        f"a {given} report named '{output.suffix}' in a folder being checked would be read "
        f"as a partner's document by the next run (alignck reads {', '.join(sorted(READERS))} "
        f"files); {instead}, or write it outside the folders checked",
        str(output),
    )


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in ``folder`` or below it, links followed."""
    try:
        where, root = path.absolute().parent.resolve(), folder.resolve()
    except (OSError, RuntimeError):
        return False
    return where == root or root in where.parents


def report_files(given: Sequence[Path], given_format: str | None) -> list[Path]:
    """The --output files: several are written from one run (a CI job's SARIF, JUnit and
    HTML), each in the format its extension names; '-' (standard output) only alone."""
    from alignck.errors import UsageError

    if len(given) < 2:
        return list(given)
    if any(str(path) == "-" for path in given):
        raise UsageError(
            "'-o -' writes the one report to standard output; give it alone, or a file name "
            "for each report"
        )
    if given_format is not None:
        raise UsageError(
            f"--format names the format of one --output, but {len(given)} are given; with "
            "several, each file's extension names its format"
        )
    seen: dict[Path, Path] = {}
    for path in given:
        same = seen.setdefault(path.absolute().resolve(), path)
        if same is not path:
            raise UsageError(f"--output names the same file twice ({same} and {path})")
    return list(given)


def _plain_file(path: Path) -> bool:
    """Whether the path itself (not what a link leads to) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_stale_reports(given: Sequence[Path], read: Sequence[Path | None]) -> list[Path]:
    """Remove the reports an earlier run left at a failed run's --output files, and return
    them: a CI job that uploads the file whatever the outcome (GitLab's 'when: always',
    a reused Jenkins workspace) must not show an earlier run's pass. Only a file alignck
    wrote is removed, never one the run was given to read (a baseline report)."""
    from alignck.files import same_file
    from alignck.written import is_report

    removed = []
    kept = [Path(p) for p in read if p is not None]
    for path in given:
        if str(path) == "-" or any(same_file(path, other) for other in kept):
            continue
        # Never a link itself: '-o /dev/stdout' (a link to the process's standard output,
        # appended to a summary) named the report's destination, and unlinking it removed
        # /dev/stdout for the whole system. A link to a file is written through, so the
        # report an earlier run left is at its target.
        if descriptor_linked(path) is not None:
            continue
        target = report_target(path)
        if any(same_file(target, other) for other in kept) or not _plain_file(target):
            continue
        # This run's own, put in place just before it was stopped: no earlier run's report.
        if written_by_this_run(target):
            continue
        if is_report(target):
            with contextlib.suppress(OSError):
                target.unlink()
                removed.append(path)
    return removed


def standard_output_if_dash(output: Path | None) -> Path | None:
    """``-o -`` means standard output, as it does for most command-line tools: a file named
    '-' in the working folder is what nobody who writes it wants."""
    return None if output is not None and str(output) == "-" else output


def refuse_unsafe_output(output: Path, protected: Iterable[tuple[Path, str]]) -> None:
    """Refuse, before any work, a report file that would destroy something (see
    :func:`_refuse_destroying`), or one in a folder that cannot be written to."""
    _refuse_destroying(output, protected, "--output")
    _refuse_writing_through_a_stranger_link(output)
    if descriptor_linked(output) is None:
        # A link to a descriptor (/dev/stdout) is written there, not in its folder; a link
        # to a file, in its target's folder.
        written = report_target(output).absolute()
        _try_writing_in(written.parent, "cannot write the report there", str(output))


def _refuse_destroying(output: Path, protected: Iterable[tuple[Path, str]], option: str) -> None:
    """Refuse a report file that would destroy something: a folder, a device or a FIFO (the
    report replaces what is there: ``-o /dev/null`` run as root would replace the device
    itself), or any of ``protected``, (path, what it is) pairs naming every file the run
    reads. Hard links and links count: they are compared by identity, not by name."""
    from alignck.errors import UsageError
    from alignck.files import kind, same_file

    try:
        mode: int | None = output.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UsageError(f"cannot write the report there: {why(error)}", str(output)) from None
    # A link to this process's own descriptor (/dev/stdout into a pipe) is written on it,
    # never replaced: only what would be replaced must be a regular file.
    if mode is not None and not stat.S_ISREG(mode) and descriptor_linked(output) is None:
        raise UsageError(_not_a_report_file(kind(mode)), str(output))
    for path, what in protected:
        if same_file(output, path):
            also = "" if path == output else f" ({path})"
            raise UsageError(
                f"{option} would overwrite {what}{also}; {_elsewhere(option)}",
                str(output),
            )


def _refuse_writing_through_a_stranger_link(output: Path) -> None:
    """Refuse a report file that is a link to anything but a report alignck wrote: a link
    committed to a checkout under the report's name (alignck.html, leading to a file of the
    runner's home) made a CI job overwrite that file, and a link leading nowhere made one
    create it, folders and all. A link to an earlier report, the use links have here, is
    written through as before; one to standard output is a stream, not a file."""
    from alignck.errors import UsageError
    from alignck.written import is_report

    if not output.is_symlink() or descriptor_linked(output) is not None:
        return
    target = report_target(output)
    if not target.exists():
        problem = f"--output is a link to {target}, which does not exist"
    elif is_report(target) or _alignck_workbook(target):
        return
    else:
        problem = f"--output is a link to {target}, which is not a report alignck wrote"
    raise UsageError(
        f"{problem}; a report is written through a link only to replace an earlier report: "
        "give another file for the report, or remove the link",
        str(output),
    )


def _alignck_workbook(path: Path) -> bool:
    """Whether ``path`` is a workbook alignck wrote: its first sheet opens 'alignck report'."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as book, book.open("xl/worksheets/sheet1.xml") as sheet:
            return b"<t>alignck report</t>" in sheet.read(4096)
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _try_writing_in(folder: Path, problem: str, shown: str) -> None:
    """Try, before any work, to create a file in ``folder`` (or the nearest folder above it
    that exists), so that a folder that cannot be written to stops a national run at once,
    not after it. Trying is the one test that holds for ACLs, read-only mounts and root."""
    import tempfile

    from alignck.errors import UsageError

    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=".alignck-probe.")
    except OSError as error:
        raise UsageError(f"{problem}: {why(error)}", shown) from None
    os.close(descriptor)
    Path(name).unlink(missing_ok=True)


def _elsewhere(option: str) -> str:
    if option == "--per-document":
        return "give another folder for the pages"
    return "give another file for the report"


def _not_a_report_file(found: str) -> str:
    if found == "a folder":
        return "--output is a folder; give a file name for the report"
    return (
        f"--output is {found}, not a regular file; give a file name for the report, or leave "
        "out --output to write it to standard output"
    )


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[TextIO]:
    """A report file written as text, complete or not at all (see :func:`atomic_file`)."""
    with atomic_file(output, binary=False) as handle:
        yield cast("TextIO", handle)


DEFAULT_WIDTH = 120


def terminal_width(stream: IO[Any]) -> int:
    """The width to lay the terminal report out in: the terminal's own; else ``COLUMNS`` (a
    pipe, a CI log, a file); else 120."""
    if stream.isatty():
        with contextlib.suppress(OSError, ValueError):
            # A terminal with no size (0x0: 'docker run -t', 'script') is not 0 columns wide.
            if (size := os.get_terminal_size(stream.fileno()).columns) > 0:
                return size
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return DEFAULT_WIDTH


def render(
    report: Report,
    fmt: str,
    stream: IO[Any],
    color: bool,
    evidence: bool | None,
    explain: bool = False,
) -> None:
    from alignck.renderers import BINARY_FORMATS, RenderOptions, binary_renderer, renderer

    width = terminal_width(stream) if fmt == "terminal" else DEFAULT_WIDTH
    options = RenderOptions(
        color=color,
        width=width,
        evidence=evidence,
        explain=explain,
        timestamp=source_date() if fmt in BINARY_FORMATS else None,
    )
    if fmt in BINARY_FORMATS:
        # Standard output is text; its buffer takes the bytes. A report file is opened binary.
        binary = cast("BinaryIO", getattr(stream, "buffer", stream))
        if binary.seekable():
            binary_renderer(fmt)(report, binary, options)
        else:
            # A pipe: the whole file at once, so a reader that goes away ('| head') meets
            # one BrokenPipeError here rather than inside the spreadsheet library's writers.
            whole = io.BytesIO()
            binary_renderer(fmt)(report, whole, options)
            binary.write(whole.getvalue())
        binary.flush()
    else:
        renderer(fmt)(report, cast("TextIO", stream), options)


def source_date() -> datetime.datetime | None:
    """The time ``SOURCE_DATE_EPOCH`` gives (seconds since 1970, UTC), for a report that must
    carry one (reproducible-builds.org's convention); None when it is not set."""
    from alignck.errors import UsageError

    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    try:
        seconds = int(text)
        if seconds < 0:
            raise ValueError(text)  # before 1970: not what the convention means
        return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {text!r}"
        ) from None


def refuse_unsafe_folder(folder: Path) -> None:
    """Refuse, before any work, a --per-document folder that is a file (or anything else), or
    one that cannot be written to."""
    from alignck.errors import UsageError
    from alignck.files import kind

    try:
        mode: int | None = folder.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UsageError(f"cannot write pages there: {why(error)}", str(folder)) from None
    if mode is not None and not stat.S_ISDIR(mode):
        raise UsageError(
            f"--per-document is {kind(mode)}; give a folder for the pages", str(folder)
        )
    _try_writing_in(folder, "cannot write pages there", str(folder))


# The pages --per-document writes, one of each per document.
PAGE_SUFFIXES = (".md", ".html")


def refuse_output_among_pages(output: Path, folder: Path) -> None:
    """Refuse, before any work, an --output that is the --per-document folder, or a Markdown
    or HTML file in it: a document's page may take its name, and one would overwrite the other
    (pages are named after the documents, known only once they are read)."""
    from alignck.errors import UsageError

    where = output.absolute().parent.resolve()
    if output.absolute().resolve() == folder.absolute().resolve():
        raise UsageError(
            "--output and --per-document name the same path; give the report a file name of "
            "its own and the pages a folder",
            str(output),
        )
    if where == folder.absolute().resolve() and output.suffix.lower() in PAGE_SUFFIXES:
        raise UsageError(
            f"--output is a {output.suffix} file in the --per-document folder, where a "
            f"document's page may take its name; write the report outside {folder}",
            str(output),
        )


def refuse_replacing_others(
    folder: Path, found: Discovery, protected: list[tuple[Path, str]]
) -> None:
    """Refuse, before any work, a page that would replace a file alignck did not write
    (notes kept in the folder under a document's name) or one the run reads: as ``init``,
    --per-document never replaces a file that is not its own. The pages' names are foreseen
    from the documents found, as if every one is read; :func:`write_pages` checks them again
    once they are known."""
    for path in _foreseen_pages(folder, found):
        _refuse_replacing(path, protected)


def _foreseen_pages(folder: Path, found: Discovery) -> list[Path]:
    from pathlib import PurePath

    from alignck.names import distinguishing_names, path_order
    from alignck.renderers.partner import stems_for

    documents = sorted((str(file) for file in found.files), key=path_order)
    names = distinguishing_names([*documents, *(s.path for s in found.unsupported)])
    stems = stems_for({p: names.get(p) or PurePath(p).stem for p in documents})
    return [folder / f"{stem}{suffix}" for stem in stems.values() for suffix in PAGE_SUFFIXES]


def _refuse_replacing(page: Path, protected: list[tuple[Path, str]]) -> None:
    """Refuse a page that would destroy something (:func:`_refuse_destroying`) or replace a
    file alignck did not write."""
    from alignck.errors import UsageError
    from alignck.written import is_report

    _refuse_destroying(page, protected, "--per-document")
    target = report_target(page)
    if page.is_symlink() and not target.exists():
        # A link leading nowhere would have the page made where it leads, folders and all.
        raise UsageError(
            f"--per-document would write this page through a link to {target}, which does "
            "not exist; remove the link, or give another folder for the pages",
            str(page),
        )
    if _plain_file(target) and not is_report(target):
        raise UsageError(
            "--per-document would replace this file with a document's page, and alignck did "
            "not write it; move it, or give another folder for the pages",
            str(page),
        )


def write_pages(
    report: Report, folder: Path, protected: list[tuple[Path, str]], found: Discovery
) -> list[Path]:
    """One Markdown and one HTML page per document found in ``folder`` (one not read says
    so); every page is checked against what the run read before any is written."""
    from alignck.renderers.partner import page_stems, render_html, render_markdown

    stems = page_stems(report, unread={str(file) for file in found.files})
    pages = [
        (folder / f"{stems[r.path]}{suffix}", r, write)
        for r in report.documents
        if r.path in stems
        for suffix, write in zip(PAGE_SUFFIXES, (render_markdown, render_html), strict=True)
    ]
    for path, _, _ in pages:
        # The folder was tried before any work (refuse_unsafe_folder): once, not per page.
        # The pages were too (refuse_replacing_others), by names foreseen: these are final.
        _refuse_replacing(path, protected)
    for path, result, write in pages:
        with atomic_output(path) as handle:
            write(report, result, handle)
    return [path for path, _, _ in pages]


def stale_pages(folder: Path, written: list[Path], found: Discovery) -> list[Path]:
    """Pages alignck wrote in ``folder`` on an earlier run for documents this run did not
    find: of a document that left the run or was renamed, still showing its last verdicts
    beside this run's pages (a document found but unreadable has a page saying so, in place
    of its last). Named, never removed: the folder is the user's."""
    from alignck.written import is_page

    fresh = {path.name for path in written} | {p.name for p in _foreseen_pages(folder, found)}
    try:
        entries = sorted(folder.iterdir(), key=lambda path: path.name)
    except OSError:
        return []
    return [
        path
        for path in entries
        if path.suffix.lower() in PAGE_SUFFIXES
        and path.name not in fresh
        and _plain_file(path)
        and is_page(path)
    ]


@contextlib.contextmanager
def progress_bar(
    paths: list[Path], follow_links: bool, exclude: Sequence[str] = ()
) -> Iterator[Progress | None]:
    """A progress bar on an interactive stderr; nothing at all otherwise."""
    if not is_interactive(sys.stderr):
        yield None
        return
    from alignck.progress import ProgressBar
    from alignck.readers import discover
    from alignck.replay import unheard

    # Drawn past a run's record: a bar is not part of the answer to replay.
    bar_stream = unheard(sys.stderr)
    files = [str(path) for path in discover(paths, follow_links, exclude).files]
    with ProgressBar(bar_stream, len(files), files) as bar:
        yield bar
