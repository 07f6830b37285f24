"""The command line: parse arguments, call the library, print, and choose the exit code.

This is the only module that touches argv, the environment, the terminal and exit codes. Heavy
modules (readers, scoring) are imported inside the commands so that ``--help`` and ``--version``
stay fast.

Exit codes: 0 checked and passed; 1 checked and the policy failed (coverage under
``--fail-under``, or a required priority missed); 2 usage error, invalid framework or an
unreadable document; 3 internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO, TypeVar

import typer

from alignck import __version__
from alignck.errors import AlignckError, FrameworkError

if TYPE_CHECKING:
    from alignck.model import Report
    from alignck.reading import Progress

EXIT_OK = 0
EXIT_POLICY = 1
EXIT_INPUT = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "Exit codes: 0 checked and passed; 1 checked and the policy failed (--fail-under, or a "
    "required priority missed); 2 usage error, invalid framework or unreadable document; "
    "3 internal error."
)

app = typer.Typer(
    name="alignck",
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


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, never when NO_COLOR is set; FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def is_interactive(stream: TextIO) -> bool:
    """Progress bars only on a real terminal and never in CI logs."""
    if os.environ.get("CI") or os.environ.get("ALIGNCK_NO_PROGRESS"):
        return False
    return stream.isatty()


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    print(f"alignck: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def guarded(action: Callable[[], T]) -> T:
    """Map user errors to exit 2 with one line, interrupts to 130, and bugs to 3."""
    try:
        return action()
    except typer.Exit:
        raise
    except FrameworkError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise typer.Exit(EXIT_INPUT) from None
    except AlignckError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        print("alignck: interrupted", file=sys.stderr)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception:
        traceback.print_exc()
        print(
            f"alignck {__version__}: internal error; please report it with the traceback above",
            file=sys.stderr,
        )
        raise typer.Exit(EXIT_BUG) from None


def _fraction(value: float | None, name: str) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        _fail(f"{name} must be between 0 and 1 (got {value})")
    return value


def _choose_format(fmt: ReportFormat | None, output: Path | None) -> str:
    if fmt is not None:
        return fmt.value
    if output is not None:
        from alignck.renderers import EXTENSIONS

        return EXTENSIONS.get(output.suffix.lower(), "terminal")
    return "terminal"


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[TextIO]:
    """A file that appears complete or not at all: a failed run never leaves half a report."""
    import tempfile

    output.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:  # noqa: PTH123 - a descriptor
            yield handle
        Path(name).replace(output)
    finally:
        Path(name).unlink(missing_ok=True)


def _render(report: Report, fmt: str, stream: TextIO, color: bool, evidence: bool | None) -> None:
    from alignck.renderers import RenderOptions, renderer

    width = 120
    if fmt == "terminal" and stream.isatty():
        width = os.get_terminal_size(stream.fileno()).columns
    renderer(fmt)(report, stream, RenderOptions(color=color, width=width, evidence=evidence))


def exit_code(report: Report, fail_under: float | None) -> int:
    if report.errors:
        return EXIT_INPUT
    if report.analysis.required_gaps:
        return EXIT_POLICY
    if fail_under is not None and report.analysis.system_coverage.percent < fail_under:
        return EXIT_POLICY
    return EXIT_OK


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Documents or folders (searched recursively) to check.", show_default=False
    ),
]
FrameworkOption = Annotated[
    Path, typer.Option("--framework", "-f", help="The shared framework file.")
]


@app.command(epilog=EXIT_CODES_HELP)
def check(
    paths: PathsArgument,
    framework: FrameworkOption = Path("priorities.yaml"),
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            help="Report format (default: terminal, or from --output's extension).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file instead of standard output "
            "(a terminal summary is still shown).",
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            min=0,
            max=100,
            help="Exit 1 when system coverage (percent) is below this.",
        ),
    ] = None,
    aligned: Annotated[
        float | None,
        typer.Option(
            "--aligned-threshold", help="Score (0-1) from which a committed match is aligned."
        ),
    ] = None,
    partial: Annotated[
        float | None,
        typer.Option("--partial-threshold", help="Score (0-1) from which a match is partial."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Documents read in parallel (0: all cores).")
    ] = 0,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read every document afresh; do not use or fill the cache."
        ),
    ] = False,
    evidence: Annotated[
        bool | None,
        typer.Option(
            "--evidence/--no-evidence",
            help="Show the evidence table for every document (default: when checking at most "
            "12 documents; the JSON, Markdown and CSV reports always carry it).",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="With --output, print nothing on standard output.")
    ] = False,
) -> None:
    """Check documents against the framework: coverage grid, gaps, overlaps and evidence."""
    chosen = _choose_format(fmt, output)
    _fraction(aligned, "--aligned-threshold")
    _fraction(partial, "--partial-threshold")

    def run() -> int:
        from alignck.framework import load_framework
        from alignck.pipeline import check as run_check
        from alignck.pipeline import resolve_thresholds

        if not framework.exists() and framework == Path("priorities.yaml"):
            _fail("priorities.yaml: no framework file here; give one with --framework FILE")
        loaded = load_framework(framework)
        thresholds = resolve_thresholds(loaded, aligned, partial)
        if thresholds.partial > thresholds.aligned:
            _fail(
                f"the partial threshold ({thresholds.partial}) is above the aligned "
                f"threshold ({thresholds.aligned})"
            )
        with _progress_bar(paths) as progress:
            report = run_check(
                paths,
                loaded,
                thresholds=thresholds,
                jobs=jobs or os.cpu_count() or 1,
                use_cache=not no_cache,
                progress=progress,
            )
        for result in report.errors:
            print(f"alignck: error: {result.error}", file=sys.stderr)
        if not report.documents:
            # An empty folder or a mistyped path must not pass a CI gate silently.
            skipped = f" ({len(report.skipped)} file(s) skipped)" if report.skipped else ""
            _fail(
                f"no documents to check in {', '.join(map(str, paths))}{skipped}; alignck "
                "reads .pdf, .docx, .md and .txt"
            )
        if output is not None:
            with atomic_output(output) as handle:
                _render(report, chosen, handle, color=False, evidence=evidence)
            if not quiet:
                _render(report, "terminal", sys.stdout, use_color(sys.stdout), evidence=False)
        else:
            stdout_color = use_color(sys.stdout) and chosen == "terminal"
            _render(report, chosen, sys.stdout, stdout_color, evidence)
        return exit_code(report, fail_under)

    raise typer.Exit(guarded(run))


@contextlib.contextmanager
def _progress_bar(paths: list[Path]) -> Iterator[Progress | None]:
    """A progress bar on an interactive stderr; nothing at all otherwise."""
    if not is_interactive(sys.stderr):
        yield None
        return
    from alignck.progress import ProgressBar
    from alignck.readers import discover

    with ProgressBar(sys.stderr, len(discover(paths).files)) as bar:
        yield bar


@app.command(epilog=EXIT_CODES_HELP)
def extract(
    paths: PathsArgument,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.terminal,
    commitments: Annotated[
        bool, typer.Option("--commitments", help="Also list every 'we will' commitment.")
    ] = False,
) -> None:
    """List the priorities each document states, with page and section."""

    def run() -> int:
        from alignck.extraction_view import extract_documents, render_extraction

        rows, errors = extract_documents(paths)
        for error in errors:
            print(f"alignck: error: {error}", file=sys.stderr)
        render_extraction(rows, sys.stdout, fmt.value, commitments, use_color(sys.stdout))
        return EXIT_INPUT if errors else EXIT_OK

    raise typer.Exit(guarded(run))


@app.command(epilog=EXIT_CODES_HELP)
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Framework files to validate.", show_default=False)
    ],
) -> None:
    """Validate framework files; problems are shown as FILE:LINE:COL: key.path: message."""
    from alignck.framework import validate as validate_file

    failed = False
    for file in files:
        result = validate_file(file)
        for line in (*result.errors, *result.warnings):
            print(line, file=sys.stderr if line in result.errors else sys.stdout)
        if result.framework is None:
            failed = True
        else:
            count = len(result.framework.priorities)
            print(f"{file}: ok ({count} priorities, {len(result.warnings)} warning(s))")
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command(name="eval", epilog=EXIT_CODES_HELP)
def evaluate(
    datasets: Annotated[
        list[Path],
        typer.Argument(
            help="Dataset folders (each with truth.yaml) or truth files.", show_default=False
        ),
    ],
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.terminal,
    documents: Annotated[
        str | None,
        typer.Option(
            "--documents",
            help="Read each labelled document from this folder instead (same file "
            "name, any supported format), e.g. 'pdf' or 'docx'.",
        ),
    ] = None,
    calibrate: Annotated[
        bool,
        typer.Option("--calibrate", help="Suggest the thresholds that maximise F1 on this data."),
    ] = False,
    core_purposes: Annotated[
        bool,
        typer.Option(
            "--core-purposes",
            help="Score the 'aligns_core_purposes' labels against the "
            "dataset's 'core_purposes' framework.",
        ),
    ] = False,
    aligned: Annotated[float | None, typer.Option("--aligned-threshold")] = None,
    partial: Annotated[float | None, typer.Option("--partial-threshold")] = None,
    misses: Annotated[
        int, typer.Option("--misses", min=0, help="How many of the worst misses to show.")
    ] = 10,
) -> None:
    """Measure accuracy against a labelled dataset: addressed, strong, exact and extraction."""
    _fraction(aligned, "--aligned-threshold")
    _fraction(partial, "--partial-threshold")

    def run() -> int:
        from alignck.evaluation.dataset import load_dataset
        from alignck.evaluation.report import render_evaluations
        from alignck.evaluation.run import evaluate as run_eval

        labels, key = (
            ("aligns_core_purposes", "core_purposes") if core_purposes else ("aligns", "framework")
        )
        results = [
            run_eval(load_dataset(d, documents, labels, key), aligned, partial) for d in datasets
        ]
        render_evaluations(results, sys.stdout, fmt.value, calibrate, misses, use_color(sys.stdout))
        return EXIT_OK

    raise typer.Exit(guarded(run))


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached document."""
    from alignck.cache import clear

    removed, folder = clear()
    print(f"removed {removed} cached document(s) from {folder}")


@cache_app.command("info")
def cache_info() -> None:
    """Show where the cache is and how big it is."""
    from alignck.cache import info

    folder, count, size = info()
    print(f"{folder}: {count} cached document(s), {size / 1024:.0f} KiB")


def main() -> None:
    app()
