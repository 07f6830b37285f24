"""The command-line application object, exit codes and the error boundary.

User errors (:class:`~alignck.errors.AlignckError`) become one line on stderr and exit 2;
Ctrl-C exits 130; anything else is a bug: its traceback is printed and the exit code is 3.
"""

from __future__ import annotations

import datetime
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar

import typer
from typer.core import TyperGroup

from alignck import __version__
from alignck.cli.repeats import repeated_option
from alignck.errors import AlignckError, ConfigError
from alignck.escape import one_line
from alignck.launch import device_full, say_cannot_write
from alignck.wording import counted, shell_quoted

if TYPE_CHECKING:
    from alignck.limits import Limits
    from alignck.model import ReadOptions

EXIT_OK = 0
EXIT_POLICY = 1
EXIT_INPUT = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process SIGTERM ended
# A run that ends without the reports it was asked for: an error, a bug, Ctrl-C or SIGTERM (a
# CI job's timeout, after which an 'upload always' step still runs). Each removes the report
# an earlier run left at an --output it did not write (output.remove_stale_reports).
EXIT_UNFINISHED = (EXIT_INPUT, EXIT_BUG, EXIT_INTERRUPTED, EXIT_TERMINATED)

EXIT_CODES_HELP = (
    "Exit codes: 0 checked and passed; 1 checked and the policy failed (--fail-under, "
    "--fail-on, or a required priority missed, unless waived); 2 usage error, invalid "
    "framework, waivers, reviews or baseline file, a refused --output, --per-document or "
    "cache folder, or an unreadable document (the others are still checked); 3 internal "
    "error; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM)."
)
# The commands that check nothing against a policy: they never exit 1.
OTHER_EXIT_CODES_HELP = (
    "Exit codes: 0 done; 2 usage error, or an input that could not be read or is invalid "
    "(each named on standard error); 3 internal error; 130 interrupted (Ctrl-C); 143 "
    "terminated (SIGTERM)."
)


class _Commands(TyperGroup):
    """alignck's commands, which refuse an empty argument, and an option taking one value
    given twice, before any is parsed."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _refuse_blank_arguments(args)
        repeated = repeated_option(self, args)
        if repeated:
            fail(
                f"{repeated} is given more than once; it takes one value (only the last "
                "would be used): give it once"
            )
        return super().parse_args(ctx, args)


# The options whose value may be empty: a PDF's password can be.
_MAY_BE_EMPTY = ("--password",)


def _refuse_blank_arguments(arguments: list[str]) -> None:
    """An empty argument is a CI variable that was never set ('alignck diff "$BASE" drafts'):
    read as a path it was the current folder, and a run against it passed. Refused, exit 2."""
    after_option = ""
    for position, argument in enumerate(arguments):
        if argument == "--":
            # After it every argument is a path ('check -- "$DRAFT"'): none may be empty.
            if "" in arguments[position + 1 :]:
                _say_empty("")
            return
        value = argument
        option = after_option
        if argument.startswith("--") and "=" in argument:
            option, value = argument.split("=", 1)
        if value == "" and option not in _MAY_BE_EMPTY:
            _say_empty(option)
        after_option = argument if argument.startswith("-") and "=" not in argument else ""


def _say_empty(option: str) -> NoReturn:
    shown = f"{option} is given an empty value" if option else "an empty argument"
    fail(f"{shown} (a variable that was never set?): give it a value or leave it out")


def _argument_names_alone() -> None:
    """Typer prints a positional argument's Python type after the name it is given ('PATH
    <list[Path]>'); where alignck names it, the name says what to give."""
    from typer.core import TyperArgument

    shown = getattr(TyperArgument, "display_type_rich", None)
    if shown is None or getattr(shown, "names_alone", False):
        return

    def name_alone(self: TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar else shown(self, ctx)

    name_alone.names_alone = True  # type: ignore[attr-defined]
    TyperArgument.display_type_rich = name_alone  # type: ignore[method-assign,assignment]


_argument_names_alone()


def _refusals_in_plain_words() -> None:
    """Typer words a refused value as its validation library does ("Invalid value for
    '--fail-on': Value error, 'bogus' is not one of ..."): the prefix is that library's
    category, not something a user of alignck can act on."""
    import importlib

    for name in ("typer._coercion", "typer._param_types"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        worded = getattr(module, "get_error_msg", None)
        if worded is None or getattr(worded, "plain", False):
            continue

        def plain(exc: Any, worded: Callable[[Any], str] = worded) -> str:
            return worded(exc).removeprefix("Value error, ")

        plain.plain = True  # type: ignore[attr-defined]
        module.get_error_msg = plain  # type: ignore[attr-defined]


_refusals_in_plain_words()

app = typer.Typer(
    name="alignck",
    cls=_Commands,
    help="Check partner strategies against a shared priority framework: coverage, gaps and "
    "overlaps, with the evidence behind every verdict.\n\n" + EXIT_CODES_HELP,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
cache_app = typer.Typer(help="Manage the cache of parsed documents.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

T = TypeVar("T")


class ReportFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    csv_excel = "csv-excel"
    html = "html"
    junit = "junit"
    sarif = "sarif"
    github = "github"
    xlsx = "xlsx"


class FailOn(StrEnum):
    gap = "gap"
    partial = "partial"
    new_gap = "new-gap"
    worse = "worse"


class MatcherChoice(StrEnum):
    auto = "auto"
    lexical = "lexical"
    semantic = "semantic"


MatcherOption = Annotated[
    MatcherChoice,
    typer.Option(
        "--matcher",
        envvar="ALIGNCK_MATCHER",
        help="How passages are judged: 'lexical' (shared words), 'semantic' (shared words and "
        "meaning, from a small sentence-embedding model installed with alignck) or 'auto' "
        "(semantic, unless its model is not installed; the default). Every report names the "
        "matcher used.",
    ),
]


class TableFormat(StrEnum):
    terminal = "terminal"
    json = "json"


def _version(value: bool) -> None:
    if value:
        print(f"alignck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """alignck command line."""


def say(message: str, stream: TextIO | None = None) -> None:
    """Print one line on stderr (or ``stream``). Messages carry file names and document text:
    their control characters are shown as escapes, so a name holding a newline cannot end the
    line and start another (a CI log would run a GitHub '::error' command) and an ESC cannot act
    on the terminal."""
    target = stream or sys.stderr
    try:
        print(one_line(message), file=target, flush=True)
    except BrokenPipeError:
        if target is sys.stdout:
            raise  # the report's reader went away: the command decides what that means
        # Whoever read our messages went away ('2>&1 | head'): the run goes on, and its exit
        # code stays the verdict's, not the pipe's.
        silence(sys.__stderr__)


# A framework's warnings beyond these are counted, not printed: a generated framework of
# thousands of entries gave as many lines, burying the run's own messages.
SHOWN_WARNINGS = 20


def say_file_warnings(warnings: Sequence[str], shown: str) -> None:
    """The warnings of loading one input file, at most SHOWN_WARNINGS of them, then how many
    more and where to see them all."""
    for warning in warnings[:SHOWN_WARNINGS]:
        say(warning)
    if len(warnings) > SHOWN_WARNINGS:
        more = len(warnings) - SHOWN_WARNINGS
        say(
            # The command bare: a path quoted for the shell inside quotes of ours was no
            # command to paste.
            f"{shown}: {counted(more, 'more warning')} not shown; "
            f"alignck validate {shell_quoted(shown)} lists them all"
        )


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    say(f"alignck: error: {message}")
    raise typer.Exit(code)


def guarded(action: Callable[[], T]) -> T:
    """Map user errors to exit 2 with one line, interrupts to 130, and bugs to 3."""
    tolerate_undecodable(sys.stdout)
    tolerate_undecodable(sys.stderr)
    previous = _terminate_cleanly()
    try:
        return action()
    except typer.Exit:
        raise
    except Terminated:
        _quiet_after_stopping()
        print("alignck: terminated", file=sys.stderr)
        raise typer.Exit(EXIT_TERMINATED) from None
    except ConfigError as error:
        for problem in [*error.problems, *error.notes]:
            say(problem)
        raise typer.Exit(EXIT_INPUT) from None
    except AlignckError as error:
        fail(str(error))
    except BrokenPipeError:
        # The reader of our output went away ('| head'): nothing more to say, and no
        # traceback; the check itself did not fail.
        silence_stdout()
        raise typer.Exit(EXIT_OK) from None
    except KeyboardInterrupt:
        _quiet_after_stopping()
        print("alignck: interrupted", file=sys.stderr)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except OSError as error:
        if not device_full(error):
            _report_bug()
        # A report or file being written to a full disk or device: the run's own files are
        # refused with their names; standard output (a shell's '> /dev/full') is here.
        raise typer.Exit(say_cannot_write(error)) from None
    except Exception:
        _report_bug()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="The day waivers' expiry dates are judged against (default: today), to run "
        "an earlier CI job again as it ran.",
        show_default=False,
    ),
]


def day_given(text: str | None) -> datetime.date | None:
    """--today as a date, or a one-line usage error."""
    if text is None:
        return None
    from alignck.yamlnodes import day_written, written_as_a_day

    try:
        return day_written(text.strip())
    except ValueError:
        if written_as_a_day(text.strip()):
            fail(f"--today: no such day as {text.strip()!r} in the calendar")
        fail(f"--today must be a date written YYYY-MM-DD, not {text!r}")


def exit_code_of(action: Callable[[], int]) -> int:
    """The exit code of ``guarded(action)``, whether returned or raised, for a command with
    something left to do after a failure."""
    try:
        return guarded(action)
    except typer.Exit as ended:
        return ended.exit_code


def _quiet_after_stopping() -> None:
    """A stopped run says one line: a report writer's generator cut short (openpyxl's, writing
    a workbook) otherwise printed 'Exception ignored in ...' and a traceback as the
    interpreter collected it on the way out."""
    sys.unraisablehook = lambda _unraisable: None


def _report_bug() -> NoReturn:
    traceback.print_exc()
    print(
        f"alignck {__version__}: internal error; please report it with the traceback above",
        file=sys.stderr,
    )
    raise typer.Exit(EXIT_BUG) from None


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so worker processes are stopped and a report
    being written is removed, where the default action would end the process on the spot."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def _terminate_cleanly() -> signal.Handlers | Callable[..., object] | int | None:
    """Make SIGTERM raise :class:`Terminated`; returns the handler it replaced, or None where
    no handler can be set (outside the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


def tolerate_undecodable(stream: TextIO) -> None:
    """Let the stream write what a file name's undecodable bytes became (os.fsdecode keeps them
    as lone surrogates, which a strict UTF-8 stream refuses with a traceback) as backslash
    escapes such as '\\udce9': valid UTF-8, a JSON escape, and visibly not the name's text.
    A stream in a legacy code page (cp1252 where Windows redirects output, ASCII in some CI
    agents) writes what it cannot encode, '✔' among it, the same way: '\\u2714' is a JSON
    escape of the same character, and elsewhere a visible stand-in, not an internal error."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def utf8_stdout(fmt: str) -> None:
    """Standard output in UTF-8 for a report that is a file's contents (every format but the
    terminal's): JSON and SARIF must be UTF-8, and JUnit, HTML and the CSV for Excel say they
    are, but in a legacy locale (ISO-8859-1, a POSIX locale with UTF-8 mode off) '¶' was written
    as one byte, or as '\\xb6', which no JSON reader takes. The terminal keeps the locale's."""
    if fmt == "terminal":
        return
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and (sys.stdout.encoding or "").lower().replace("_", "-") != "utf-8":
        sys.stdout.flush()
        reconfigure(encoding="utf-8", errors="backslashreplace")


def silence_stdout() -> None:
    silence(sys.stdout)


def silence(stream: TextIO | None) -> None:
    """Send whatever is still written to a standard stream whose reader went away nowhere, so
    that neither a later message nor the interpreter's last flush fails on it."""
    from alignck.launch import silence as to_devnull

    to_devnull(stream)


def fraction(value: float | None, name: str) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        fail(f"{name} must be between 0 and 1 (got {value})")
    return value


PasswordOption = Annotated[
    list[str] | None,
    typer.Option(
        "--password",
        metavar="PW",
        help="Password to try on encrypted PDFs; repeat for several. Documents opened with a "
        "password are never cached. Also read from ALIGNCK_PDF_PASSWORD (one password, "
        "spaces and all) and ALIGNCK_PDF_PASSWORDS (one per line), which other users of this "
        "machine cannot see in the process list.",
        show_default=False,
    ),
]


def read_options(passwords: list[str] | None) -> ReadOptions:
    """The reading choices the command line and environment make."""
    import os

    from alignck.model import ReadOptions
    from alignck.readers.pdf import ENGINES

    engine = os.environ.get("ALIGNCK_PDF_ENGINE", "pdfium")
    if engine not in ENGINES:
        fail(f"ALIGNCK_PDF_ENGINE must be one of {', '.join(ENGINES)} (got {engine!r})")
    return ReadOptions(engine, (*(passwords or ()), *environment_passwords()), limits())


def limits() -> Limits:
    """The limits on one document's work, each from its environment variable when set."""
    import dataclasses
    import os

    from alignck.limits import VARIABLES, Limits

    chosen: dict[str, Any] = {}
    for name, variable in VARIABLES.items():
        text = os.environ.get(variable, "").strip()
        if text:
            chosen[name] = _positive(text, variable, integer=name != "seconds")
    return dataclasses.replace(Limits(), **chosen)


def _positive(text: str, variable: str, integer: bool) -> float:
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        value = 0
    if not value > 0 or value == float("inf"):
        kind = "a whole number" if integer else "a number of seconds"
        fail(f"{variable} must be {kind} above 0 (got {text!r})")
    return value


def environment_passwords() -> tuple[str, ...]:
    """ALIGNCK_PDF_PASSWORD as one password, whatever it holds (splitting it on spaces, as an
    option's environment variable would be, made 'two words' two wrong passwords), then each
    line of ALIGNCK_PDF_PASSWORDS: a newline is the one character no typed password holds."""
    import os

    single = os.environ.get("ALIGNCK_PDF_PASSWORD")
    several = os.environ.get("ALIGNCK_PDF_PASSWORDS", "").splitlines()
    return tuple(p for p in (single, *several) if p)


def warn_if_words_alone(matcher: str) -> None:
    """The default matcher is words alone where the model cannot run (a package removed, a
    minimal install): say so, since the verdicts differ (a tester's ten of 42 moved), and a
    CI gate's answers must not change without a word. Chosen by name, it is not warned of."""
    import os

    if matcher != "auto" or os.environ.get("ALIGNCK_EMBEDDING_MODEL"):
        return  # a model named by path that is missing is an error of its own
    from alignck.signals.embedding import missing_reason

    reason = missing_reason()
    if reason:
        say(
            f"alignck: warning: the semantic matcher (the default) needs {reason}; matching by "
            "words alone, whose verdicts differ (--matcher lexical chooses it without this "
            "warning)"
        )


def cache_usable(wanted: bool) -> bool:
    """Whether a run can use the cache it asks for. One whose folder cannot be created (a
    container's read-only home) runs without it, with a warning: the cache only saves time.
    A folder that is not alignck's is still refused (exit 2), before anything is read."""
    if not wanted:
        return False
    from alignck import cache
    from alignck.errors import CacheUnwritable

    try:
        cache.claim()
    except CacheUnwritable as error:
        hint = "" if "ALIGNCK_CACHE_DIR" in str(error) else " (ALIGNCK_CACHE_DIR names another)"
        say(f"alignck: warning: {error}; running without it{hint}")
        return False
    return True


def available_cpus() -> int:
    """The processors this process may run on: a container's or taskset's limit, not the
    host's count (one worker per host core on a large machine is memory for nothing)."""
    import os

    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def use_cache_settings() -> None:
    """Apply ALIGNCK_CACHE_DIR and ALIGNCK_CACHE_MAX_MB to the cache."""
    import os

    from alignck import cache

    folder = os.environ.get("ALIGNCK_CACHE_DIR")
    size = os.environ.get("ALIGNCK_CACHE_MAX_MB", "").strip()
    cache.configure(
        # '~/cache' from a CI variable or a unit file, which no shell expanded.
        Path(folder).expanduser() if folder else None,
        cache.parse_max_mb(size, "ALIGNCK_CACHE_MAX_MB") if size else cache.DEFAULT_MAX_MB,
    )


ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="PATTERN",
        help="Leave out what this pattern matches in the folders searched (repeat for "
        "several): a name ('Archive', '*.tmp') or a path under the folder given "
        "('Public Health/old/*'), ignoring case; listed as skipped. Files named on the "
        "command line are always read.",
        show_default=False,
    ),
]
FollowLinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="Follow links that lead out of a folder being searched (by default they are "
        "listed as skipped). Devices, FIFOs and /proc files are never read.",
    ),
]
PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        # alignck names a file it cannot read in one line (Typer's check stopped the run).
        readable=False,
        help="Documents or folders (searched recursively) to check.",
        show_default=False,
        metavar="PATH",
    ),
]
FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        "-f",
        # alignck names a file it cannot read in one line (Typer's check stopped the run).
        readable=False,
        help="The shared framework file, or a built-in framework's name (alignck frameworks). "
        "Default: ./priorities.yaml, else priorities.yaml in the one folder being checked.",
        show_default=False,
    ),
]
