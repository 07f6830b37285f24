"""The smaller commands: ``extract``, ``validate``, ``eval`` and ``cache``."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from alignck.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_POLICY,
    OTHER_EXIT_CODES_HELP,
    ExcludeOption,
    FollowLinksOption,
    MatcherChoice,
    MatcherOption,
    PasswordOption,
    PathsArgument,
    TableFormat,
    TodayOption,
    app,
    cache_app,
    day_given,
    fail,
    fraction,
    guarded,
    read_options,
    say,
    use_cache_settings,
    utf8_stdout,
)
from alignck.cli.output import terminal_width, use_color
from alignck.escape import one_line
from alignck.wording import counted

if TYPE_CHECKING:
    import datetime

    from alignck.evaluation.dataset import Dataset
    from alignck.model import Framework


@app.command(epilog=OTHER_EXIT_CODES_HELP)
def extract(
    paths: PathsArgument,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.terminal,
    commitments: Annotated[
        bool, typer.Option("--commitments", help="Also list every 'we will' commitment.")
    ] = False,
    passwords: PasswordOption = None,
    follow_links: FollowLinksOption = False,
    exclude: ExcludeOption = None,
) -> None:
    """List the priorities each document states, with page and section."""
    options = read_options(passwords)

    def run() -> int:
        from alignck.extraction_view import extract_documents, render_extraction
        from alignck.readers import unused_exclusion

        extraction = extract_documents(paths, options, follow_links, exclude or ())
        for error in extraction.errors:
            say(f"alignck: error: {error}")
        for path, warning in extraction.warnings:
            say(f"alignck: warning: {one_line(path)}: {warning}")
        for pattern in extraction.unused_exclusions:
            say(f"alignck: warning: {unused_exclusion(pattern)}")
        width = terminal_width(sys.stdout)
        color = use_color(sys.stdout)
        # Written whatever was found: a script reads the JSON of an empty run too.
        utf8_stdout(fmt.value)
        render_extraction(extraction, sys.stdout, fmt.value, commitments, color, width)
        if not extraction.rows and not extraction.unreadable:
            return _nothing_read(paths, extraction.skipped)
        return EXIT_INPUT if extraction.errors else EXIT_OK

    raise typer.Exit(guarded(run))


def _nothing_read(paths: list[Path], skipped: list[tuple[str, str]]) -> int:
    """As check says it: an empty folder or a mistyped path printed nothing and exited 0, as
    if the documents had stated nothing; files named that are all reports alignck wrote are
    nothing to read, and no failure (a pre-commit hook names the files a commit changes)."""
    from alignck.readers import READERS, REPORT_SKIPPED

    reports = {path for path, reason in skipped if reason == REPORT_SKIPPED}
    if paths and all(p.is_file() and str(p) in reports for p in paths):
        say("alignck: nothing to read: every file named is a report alignck wrote")
        return EXIT_OK
    passed = f" ({counted(len(skipped), 'file')} skipped)" if skipped else ""
    say(
        f"alignck: error: no documents to read in {', '.join(map(str, paths))}{passed}; "
        f"alignck reads {', '.join(READERS)}"
    )
    return EXIT_INPUT


VALIDATE_EXIT_CODES_HELP = OTHER_EXIT_CODES_HELP.replace(
    "0 done;", "0 done; 1 a warning was given under --strict;"
)


@app.command(epilog=VALIDATE_EXIT_CODES_HELP)
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Framework files (or built-in frameworks' names) to validate.",
            show_default=False,
            metavar="FILE",
        ),
    ],
    waivers: Annotated[
        list[Path] | None,
        typer.Option(
            "--waivers",
            metavar="FILE",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Also validate this waivers file against each valid framework (repeatable); "
            "waivers past their expiry date are warned about.",
            show_default=False,
        ),
    ] = None,
    reviews: Annotated[
        list[Path] | None,
        typer.Option(
            "--review",
            metavar="FILE",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Also validate this review file against each valid framework (repeatable).",
            show_default=False,
        ),
    ] = None,
    documents: Annotated[
        list[Path] | None,
        typer.Option(
            "--documents",
            metavar="PATH",
            help="A document or folder the waivers and reviews are for, as check would be "
            "given it (repeatable): each waiver or review that names none of its documents "
            "is warned of, with the one it nearly names.",
            show_default=False,
        ),
    ] = None,
    today: TodayOption = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 when any warning is given (a lapsed waiver, a slip validate only "
            "warns of), as well as 2 on errors: a pre-merge job fails on stale waivers.",
        ),
    ] = False,
    follow_links: FollowLinksOption = False,
    exclude: ExcludeOption = None,
) -> None:
    """Validate framework files; problems are shown as FILE:LINE:COL: key.path: message."""
    import datetime

    # The day check --today would judge the waivers on, so the two agree on what has lapsed.
    day = day_given(today) or datetime.date.today()

    def run() -> int:
        if documents and not (waivers or reviews):
            fail("--documents checks waivers and reviews: give --waivers or --review too")
        if (exclude or follow_links) and not documents:
            fail("--exclude and --follow-links say how to find --documents: give --documents too")
        paths = _documents_found(documents, follow_links, exclude or ()) if documents else None
        given = [
            _validate_framework(file, waivers or [], reviews or [], day, paths) for file in files
        ]
        if None in given:
            return EXIT_INPUT
        warned = sum(count for count in given if count is not None)
        if strict and warned:
            say(f"alignck: --strict: {counted(warned, 'warning')}, so validation failed")
            return EXIT_POLICY
        return EXIT_OK

    raise typer.Exit(guarded(run))


def _documents_found(
    given: list[Path], follow_links: bool = False, exclude: Sequence[str] = ()
) -> list[str]:
    """The documents check would find in ``given`` (with the same --follow-links and
    --exclude), as it names them; a path that is not there is a usage error, as check's
    is."""
    from alignck.files import near_name
    from alignck.readers import discover, unused_exclusion, unused_patterns

    for path in given:
        if not path.exists():
            fail(f"--documents: {path}: no such file or folder{near_name(path)}", EXIT_INPUT)
    found = discover(given, follow_links, exclude)
    for pattern in unused_patterns(exclude, found.skipped):
        say(f"alignck: warning: {unused_exclusion(pattern)}")
    # A partner's .doc is found, and refused, by check: a waiver naming it names a document.
    documents = [*(str(path) for path in found.files), *(s.path for s in found.unsupported)]
    if not documents:
        # As check refuses it: every waiver would be warned of, for a mistyped pattern.
        from alignck.readers import READERS

        skipped = f" ({counted(len(found.skipped), 'file')} skipped)" if found.skipped else ""
        fail(
            f"--documents: no documents to check in {', '.join(map(str, given))}{skipped}; "
            f"alignck reads {', '.join(READERS)}",
            EXIT_INPUT,
        )
    return documents


def _validate_framework(
    file: Path,
    waivers: list[Path],
    reviews: list[Path],
    day: datetime.date,
    documents: list[str] | None = None,
) -> int | None:
    """Report one framework file (and the waivers and review files against it): how many
    warnings were given, notes aside, or None where any is invalid."""
    from alignck.builtins import locate
    from alignck.errors import FrameworkError
    from alignck.facets import matchable_facets
    from alignck.framework import validate as validate_file

    located = locate(file)
    if note := located.shadow_note():
        say(note)
    result = validate_file(located.path, located.shown)
    for line in (*result.errors, *result.warnings):
        say(line, sys.stderr if line in result.errors else sys.stdout)
    if result.framework is None:
        return None
    try:
        # What check would refuse, validate refuses too: 'ok' must mean check can use it.
        matchable_facets(result.framework)
    except FrameworkError as error:
        say(str(error))
        return None
    count = len(result.framework.priorities)
    for line in result.advice:
        say(line, sys.stdout)
    lines = (*result.warnings, *result.advice)
    # A note says how alignck read the file (a derived id), not that something is wrong.
    noted = sum(bool(_NOTE.match(line)) for line in lines)
    notes = f", {counted(noted, 'note')}" if noted else ""
    warnings = counted(len(lines) - noted, "warning")
    said = f"{counted(count, 'priority', 'priorities')}, {warnings}{notes}"
    say(f"{located.shown}: ok ({said})", sys.stdout)
    given = [
        *(_validate_waivers(w, result.framework, day, documents) for w in waivers),
        *(_validate_reviews(r, result.framework, day, documents) for r in reviews),
    ]
    if None in given:
        return None
    return len(lines) - noted + sum(count for count in given if count is not None)


# A note's line: its place, then 'note:' (a warning's place is followed by the key it is about).
_NOTE = re.compile(r".*?:\d+:\d+: note: ")


def _invalid_against(path: Path, framework: Framework, problems: int) -> str:
    # With several frameworks a file is checked against each: say which one it failed.
    return f"{path}: invalid against {framework.path} ({counted(problems, 'problem')})"


def _validate_reviews(
    path: Path, framework: Framework, day: datetime.date, documents: list[str] | None = None
) -> int | None:
    """How many warnings the review file drew, or None where it is invalid; with
    ``documents``, a review that names none of them is one."""
    from alignck.errors import ReviewError
    from alignck.reviews import as_waiver, load_reviews, unused_warning
    from alignck.waivers import misnamed

    try:
        loaded = load_reviews(path, framework, day)
    except ReviewError as error:
        for problem in error.problems:
            say(problem)
        say(_invalid_against(path, framework, len(error.problems)))
        return None
    warnings = list(loaded.warnings)
    if documents is not None:
        warnings += [
            unused_warning(r, documents)
            for r in loaded.reviews
            if misnamed(as_waiver(r), documents)
        ]
    for line in warnings:
        say(line, sys.stdout)
    say(
        f"{path}: ok ({counted(len(loaded.reviews), 'review')} against {framework.path}, "
        f"{counted(len(warnings), 'warning')})",
        sys.stdout,
    )
    return len(warnings)


def _validate_waivers(
    path: Path, framework: Framework, day: datetime.date, documents: list[str] | None = None
) -> int | None:
    """How many warnings the waivers file drew (lapsed waivers among them, and with
    ``documents`` those that name none of them), or None where it is invalid."""
    from alignck.errors import WaiverError
    from alignck.waivers import (
        lapsed_warning,
        load_waivers,
        misnamed,
        split_expired,
        unused_warning,
    )

    try:
        loaded = load_waivers(path, framework)
    except WaiverError as error:
        for problem in error.problems:
            say(problem)
        say(_invalid_against(path, framework, len(error.problems)))
        return None
    _, expired = split_expired(loaded.waivers, day)
    warnings = [*loaded.warnings, *(lapsed_warning(w) for w in expired)]
    if documents is not None:
        warnings += [unused_warning(w, documents) for w in loaded.waivers if misnamed(w, documents)]
    for line in warnings:
        say(line, sys.stdout)
    say(
        f"{path}: ok ({counted(len(loaded.waivers), 'waiver')} against {framework.path}, "
        f"{counted(len(warnings), 'warning')})",
        sys.stdout,
    )
    return len(warnings)


@app.command(name="eval", epilog=OTHER_EXIT_CODES_HELP)
def evaluate(
    datasets: Annotated[
        list[Path],
        typer.Argument(
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Dataset folders (each with truth.yaml) or truth files; with --review, the "
            "documents or folders the reviews are about.",
            show_default=False,
            metavar="DATASET",
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
    aligned: Annotated[
        float | None,
        typer.Option(
            "--aligned-threshold",
            help="Score alignck at this aligned threshold (0-1) instead of the framework's "
            "or the default 0.5, as check's option of the same name does.",
        ),
    ] = None,
    partial: Annotated[
        float | None,
        typer.Option(
            "--partial-threshold",
            help="Score alignck at this partial threshold (0-1), as check's option does.",
        ),
    ] = None,
    misses: Annotated[
        int, typer.Option("--misses", min=0, help="How many of the worst misses to show.")
    ] = 10,
    matcher: MatcherOption = MatcherChoice.auto,
    review: Annotated[
        Path | None,
        typer.Option(
            "--review",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Use this review file (as for check --review) as the labels: alignck's own "
            "verdicts on the documents given are scored against the reviewers'.",
            show_default=False,
        ),
    ] = None,
    framework: Annotated[
        Path | None,
        typer.Option(
            "--framework",
            "-f",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Score the labels against this framework (a file or a built-in framework's "
            "name) instead of the one the dataset names; its ids must be the labels' ids.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Measure accuracy against a labelled dataset: addressed, strong, exact and extraction.

    A dataset is a folder with a truth.yaml of labels; its format and the metrics are in
    docs/evaluation.md."""
    fraction(aligned, "--aligned-threshold")
    fraction(partial, "--partial-threshold")
    options = read_options(None)

    def run() -> int:
        from alignck.evaluation.dataset import load_dataset
        from alignck.evaluation.report import render_evaluations
        from alignck.evaluation.run import evaluate as run_eval

        labels, key = (
            ("aligns_core_purposes", "core_purposes") if core_purposes else ("aligns", "framework")
        )
        if review is not None:
            sets = [_reviewed_dataset(review, framework, datasets)]
        else:
            sets = [
                _with_framework(load_dataset(d, documents, labels, key), framework)
                for d in datasets
            ]
        results = [
            run_eval(
                dataset,
                aligned,
                partial,
                options=options,
                matcher=matcher.value,
            )
            for dataset in sets
        ]
        utf8_stdout(fmt.value)
        render_evaluations(results, sys.stdout, fmt.value, calibrate, misses, use_color(sys.stdout))
        unread = [error for result in results for error in result.errors]
        for error in unread:
            say(f"alignck: error: {error}")
        # A labelled document that could not be read is left out of the figures, which are
        # then not the whole set's: the run says so by its exit code, as check does.
        return EXIT_INPUT if unread else EXIT_OK

    raise typer.Exit(guarded(run))


def _reviewed_dataset(review: Path, given: Path | None, paths: list[Path]) -> Dataset:
    from alignck.builtins import locate
    from alignck.evaluation.reviewed import dataset_from_reviews
    from alignck.framework import load_framework
    from alignck.reviews import load_reviews

    framework = locate(given or Path("priorities.yaml")).path
    loaded = load_reviews(review, load_framework(framework))
    for warning in loaded.warnings:
        say(warning)
    return dataset_from_reviews(loaded.reviews, review, framework, paths)


def _with_framework(dataset: Dataset, framework: Path | None) -> Dataset:
    if framework is None:
        return dataset
    import dataclasses

    from alignck.builtins import locate

    return dataclasses.replace(dataset, framework=locate(framework).path)


@cache_app.command("clear", epilog=OTHER_EXIT_CODES_HELP)
def cache_clear() -> None:
    """Delete every cached document and result (safe at any time).

    Only files alignck wrote are removed; a folder that is not alignck's cache (no CACHEDIR.TAG
    from alignck, and files of other names) is refused, and nothing in it is touched.
    """
    from alignck.cache import clear

    def run() -> int:
        use_cache_settings()
        removed, folder = clear()
        say(f"removed {_entries(removed)} from {folder}", sys.stdout)
        return EXIT_OK

    raise typer.Exit(guarded(run))


@cache_app.command("info", epilog=OTHER_EXIT_CODES_HELP)
def cache_info() -> None:
    """Show where the cache is and how big it is."""
    from alignck.cache import KIND_NAMES, info, info_by_kind, max_bytes

    def run() -> int:
        use_cache_settings()
        folder, count, size = info()
        limit = max_bytes() / (1024 * 1024)
        print(
            f"{folder}: {_entries(count)}, {size / 1024:.0f} KiB; trimmed to {limit:.0f} MiB, "
            "least recently used first (ALIGNCK_CACHE_MAX_MB)"
        )
        for kind, (entries, bytes_held) in sorted(info_by_kind().items()):
            print(f"  {entries} {KIND_NAMES.get(kind, kind)}: {bytes_held / 1024:.0f} KiB")
        return EXIT_OK

    raise typer.Exit(guarded(run))


def _entries(count: int) -> str:
    return f"{count} cache {'entry' if count == 1 else 'entries'}"
