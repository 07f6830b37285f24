"""``alignck diff OLD NEW``: what changed between two runs, drafts or folders."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from alignck.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_POLICY,
    EXIT_UNFINISHED,
    FrameworkOption,
    MatcherChoice,
    MatcherOption,
    TodayOption,
    app,
    available_cpus,
    cache_usable,
    day_given,
    exit_code_of,
    fail,
    read_options,
    say,
    say_file_warnings,
    use_cache_settings,
    utf8_stdout,
    warn_if_words_alone,
)
from alignck.cli.output import (
    atomic_output,
    choose_report_format,
    refuse_unsafe_output,
    remove_stale_reports,
    report_files,
    standard_output_if_dash,
    terminal_width,
    use_color,
)
from alignck.report_file import noting_written

if TYPE_CHECKING:
    from alignck.builtins import Located
    from alignck.model import Framework, Review, Waiver
    from alignck.snapshot import Snapshot

DIFF_EXIT_CODES = (
    "Exit codes: 0 no regression; 1 regression (a new gap, or with --fail-on worse any verdict "
    "that moved down, unless waived); 2 usage error, unusable report file, different "
    "frameworks, or an unreadable document; 3 internal error; 130 interrupted (Ctrl-C); 143 "
    "terminated (SIGTERM)."
)


class DiffFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class Regression(StrEnum):
    new_gap = "new-gap"
    worse = "worse"


@app.command(epilog=DIFF_EXIT_CODES)
def diff(
    old: Annotated[
        Path,
        typer.Argument(
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="The earlier run: a JSON report (alignck check --format json), a document "
            "or a folder.",
            show_default=False,
            metavar="OLD",
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(help="The later run, in the same forms.", show_default=False, metavar="NEW"),
    ],
    framework: FrameworkOption = None,
    fmt: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            help="Output format (default: terminal, or from --output's extension).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the comparison to this file ('-': standard output); give it again for "
            "more files, each in the format its extension names.",
            show_default=False,
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
        ),
    ] = None,
    fail_on: Annotated[
        Regression,
        typer.Option(
            "--fail-on",
            help="What is a regression: a verdict that became a gap ('new-gap'), or any "
            "verdict that moved down ('worse'). Gaps in a document the old run did not have "
            "count as new.",
        ),
    ] = Regression.new_gap,
    waivers_file: Annotated[
        Path | None,
        typer.Option(
            "--waivers",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="YAML file of accepted gaps, as check takes it, for the documents checked "
            "here: a waived verdict is never a regression. (A saved report keeps the waivers "
            "of its own run.)",
            show_default=False,
        ),
    ] = None,
    review_file: Annotated[
        Path | None,
        typer.Option(
            "--review",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="YAML file of reviewed verdicts, as check takes it, for the documents "
            "checked here: each replaces alignck's verdict. (A saved report keeps the reviews "
            "of its own run.)",
            show_default=False,
        ),
    ] = None,
    today: TodayOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="With --output, print nothing on standard output.")
    ] = False,
    matcher: MatcherOption = MatcherChoice.auto,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read documents afresh; do not use the cache.")
    ] = False,
) -> None:
    """Compare two runs: new and closed gaps, verdicts that moved, coverage before and after.

    Each side is a saved JSON report, or documents (a file or folder) checked here against
    --framework."""
    # As check does: a bad date is refused before anything else is said or done.
    day = day_given(today)
    # The --output files once every check of them has passed, and those this run wrote: a
    # run that fails removes the stale reports at the others.
    accepted: list[Path] = []
    done: list[Path] = []

    def run() -> int:
        from alignck.cli.check import waivers_and_reviews
        from alignck.compare import compare, unwaived_note
        from alignck.renderers.diff import DiffOptions, diff_renderer, was
        from alignck.snapshot import is_saved_report

        given_format = fmt.value if fmt else None
        files = [
            path
            for path in report_files(output or [], given_format)
            if standard_output_if_dash(path) is not None
        ]
        sides = [(old, "the old run"), (new, "the new run")]
        if waivers_file is not None:
            sides.append((waivers_file, "the waivers file"))
        if review_file is not None:
            sides.append((review_file, "the reviews file"))
        # A side that is documents is checked against a framework, chosen once for both the
        # files a report must not replace and the check itself.
        located = (
            None if is_saved_report(old) and is_saved_report(new) else _located(framework, old, new)
        )
        protected = [*sides, *_read_by_checking(located, old, new)]
        for file in files:
            refuse_unsafe_output(file, protected)
        if not files and quiet and [str(path) for path in output or []] != ["-"]:
            # As check says it: '-q' alone printed the whole comparison, and nothing said why.
            say("alignck: warning: -q only quietens a run that writes its report with -o")
        known = [f.value for f in DiffFormat]
        formats = [choose_report_format(given_format, file, known, [old, new]) for file in files]
        # What standard output shows: the comparison itself unless it is written to a file.
        chosen = "terminal" if files else (given_format or "terminal")
        accepted.extend(files)
        # Once the -o files are accepted: a variable set wrong removes an earlier report.
        use_cache_settings()
        loaded = None
        waivers: tuple[Waiver, ...] = ()
        reviews: tuple[Review, ...] = ()
        if located is not None:
            loaded = _framework(located)
            waivers, reviews = waivers_and_reviews(waivers_file, review_file, loaded, day)
        else:
            for option, given, what in (
                ("--waivers", waivers_file, "keep the waivers of their own runs"),
                ("--review", review_file, "keep the reviews of their own runs"),
                ("--today", today, "judged their waivers on the day they ran"),
            ):
                if given is not None:
                    say(
                        f"alignck: warning: {option} applies to documents checked here; both "
                        f"sides are saved reports, which {what}"
                    )
        cached = cache_usable(not no_cache and loaded is not None)
        if loaded is not None:
            warn_if_words_alone(matcher.value)
        checking = _Checking(loaded, matcher.value, cached, waivers, reviews, day)
        before, unread_before, said_before = _snapshot(old, checking)
        after, unread_after, said_after = _snapshot(new, checking)
        comparison = compare(before, after, unread_before, unread_after)
        # The waivers and reviews judge the new side where it is checked here (both sides
        # checked would say each lapsed waiver twice).
        judged = said_after if not is_saved_report(new) else said_before
        comparison = dataclasses.replace(comparison, warnings=comparison.warnings + judged)
        reopened = sum(change.waiver_lapsed for change in comparison.changes)
        if reopened and waivers_file is None and not is_saved_report(new):
            note = unwaived_note(str(old), reopened)
            comparison = dataclasses.replace(comparison, warnings=(*comparison.warnings, note))
        if not is_saved_report(old) and (waivers_file is not None or review_file is not None):
            note = _old_side_judged_now(
                old,
                day,
                waivers_file is not None,
                review_file is not None,
                not is_saved_report(new),
            )
            comparison = dataclasses.replace(comparison, warnings=(*comparison.warnings, note))
        if unread_before and not is_saved_report(old):
            # Checked now, they fail this run as the new side's do; a saved earlier run's
            # unread document is history, which no one can now fix.
            comparison = dataclasses.replace(comparison, unread=unread_before + comparison.unread)
        for warning in comparison.warnings:
            say(warning)
        # As check does: every file written before any takes its place.
        with contextlib.ExitStack() as stack:
            for file, written in zip(files, formats, strict=True):
                handle = stack.enter_context(atomic_output(file))
                # As check lays out its terminal report: the width COLUMNS gives, else 120.
                options = DiffOptions(fail_on.value, width=terminal_width(handle))
                diff_renderer(written)(comparison, handle, options)
        done.extend(files)
        if not files or not quiet:
            # As check does: a report written to a file still shows the comparison here.
            color = use_color(sys.stdout) and chosen == "terminal"
            shown = DiffOptions(fail_on.value, color, terminal_width(sys.stdout))
            utf8_stdout(chosen)
            diff_renderer(chosen)(comparison, sys.stdout, shown)
        # As check does: the readable documents are compared, and the run still fails.
        if comparison.unread:
            return EXIT_INPUT
        regressions = comparison.regressions(fail_on.value)
        # Last, as check does, so a CI log ends with the reason for its exit code.
        for change in regressions:
            # The words the report uses: 'new document', 'new priority', 'partial (reviewed)'.
            name = f"{change.title} [{change.priority_id}]"
            if change.old is None:
                said = f"is a {change.new.status} in {change.document} ({was(change)})"
            else:
                said = f"went from {was(change)} to {change.new.status} in {change.document}"
            say(f"alignck: diff failed: {name} {said}")
        return EXIT_POLICY if regressions else EXIT_OK

    # As check does: a report put in place just before the run was stopped is its own.
    with noting_written():
        code = exit_code_of(run)
        if code in EXIT_UNFINISHED:
            # Ctrl-C and SIGTERM too: a CI job's timeout ends the run, and a step that uploads
            # the report whatever the outcome must not publish an earlier run's pass.
            read = [old, new, framework, waivers_file, review_file]
            stale = [path for path in accepted if path not in done]
            for path in remove_stale_reports(stale, read):
                say(f"alignck: removed {path}, an earlier run's report this run did not replace")
    raise typer.Exit(code)


def _old_side_judged_now(
    old: Path, day: datetime.date | None, waivers: bool, reviews: bool, new_checked: bool
) -> str:
    """Why an earlier draft's verdicts may differ from those of the run made of it then: it
    is checked here, with this run's waivers and reviews, its waivers judged on this run's
    day (a scrutiny officer read last year's coverage as it had been reported then)."""
    when = day.isoformat() if day else "today"
    given = " and ".join(n for n, g in (("waivers", waivers), ("reviews", reviews)) if g)
    judged = f" and its waivers are judged as of {when}" if waivers else ""
    also = ", as the new side is" if new_checked else ""
    return (
        f"{old}: note: checked now{also}: the {given} given apply to it{judged}; to compare "
        "with how it was judged when it was checked then, diff that run's saved JSON report "
        "instead"
    )


def _located(given: Path | None, old: Path, new: Path) -> Located:
    """The framework named (a file or a built-in), else the one found as check finds it."""
    from alignck.cli.check import choose_framework
    from alignck.snapshot import is_saved_report

    # A saved report's folder says nothing of where the documents' framework is.
    sides = [p for p in (old, new) if not is_saved_report(p)] or [old, new]
    return choose_framework(given, [p for p in sides if not p.is_file()] or sides)


def _read_by_checking(located: Located | None, old: Path, new: Path) -> list[tuple[Path, str]]:
    """The files the run reads to check a side that is documents, not a saved report: its
    documents and the framework, which a report must never be written over."""
    from alignck.cli.check import files_read
    from alignck.readers import discover
    from alignck.snapshot import is_saved_report

    checked = [side for side in (old, new) if not is_saved_report(side)]
    if located is None or not checked:
        return []
    return list(files_read(discover(checked), located.path))


def _framework(located: Located) -> Framework:
    from alignck.framework import load_framework

    loaded = load_framework(located.path, located.shown)
    say_file_warnings(loaded.warnings, located.shown)
    return loaded


@dataclass(frozen=True, slots=True)
class _Checking:
    """How diff checks a side that is documents rather than a saved report."""

    framework: Framework | None
    matcher: str
    cache: bool
    waivers: tuple[Waiver, ...] = ()
    reviews: tuple[Review, ...] = ()
    today: datetime.date | None = None


def _snapshot(path: Path, how: _Checking) -> tuple[Snapshot, tuple[str, ...], tuple[str, ...]]:
    """A saved report as it is, or documents checked now; the documents that could not be
    read (the others are still compared); and what the check said of its waivers and reviews
    (lapsed, unused), as check says it."""
    from alignck.cli.check import waivers_and_reviews_said
    from alignck.pipeline import check
    from alignck.snapshot import is_saved_report, load_snapshot, snapshot_of

    if is_saved_report(path):
        # A document the saved run could not read is not one it dropped: it was not compared
        # then, and is not now, and the run fails as a folder with that document would.
        saved = load_snapshot(path)
        return saved, saved.unread, ()
    assert how.framework is not None  # loaded whenever a side is not a saved report
    report = check(
        [path],
        how.framework,
        jobs=available_cpus(),
        use_cache=how.cache,
        read_options=read_options(None),
        matcher=how.matcher,
        waivers=how.waivers,
        reviews=how.reviews,
        today=how.today,
    )
    for result in report.errors:
        say(f"alignck: error: {result.error}")
    if len(report.errors) == len(report.documents):
        fail(f"{path}: no readable documents to compare", EXIT_INPUT)
    said = waivers_and_reviews_said(report, how.waivers, how.reviews)
    return snapshot_of(report, str(path)), tuple(r.path for r in report.errors), tuple(said)
