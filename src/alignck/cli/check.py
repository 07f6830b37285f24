"""``alignck check``: the product's main command."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, TextIO, cast

import typer

from alignck import replay
from alignck.cli.app import (
    EXIT_CODES_HELP,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_POLICY,
    EXIT_UNFINISHED,
    ExcludeOption,
    FailOn,
    FollowLinksOption,
    FrameworkOption,
    MatcherChoice,
    MatcherOption,
    PasswordOption,
    PathsArgument,
    ReportFormat,
    TodayOption,
    app,
    available_cpus,
    cache_usable,
    day_given,
    exit_code_of,
    fail,
    fraction,
    read_options,
    say,
    say_file_warnings,
    silence_stdout,
    use_cache_settings,
    utf8_stdout,
    warn_if_words_alone,
)
from alignck.cli.output import (
    atomic_file,
    choose_report_format,
    progress_bar,
    refuse_output_among_pages,
    refuse_replacing_others,
    refuse_unsafe_folder,
    refuse_unsafe_output,
    remove_stale_reports,
    render,
    report_files,
    stale_pages,
    standard_output_if_dash,
    stdout_is_terminal,
    use_color,
    write_pages,
)
from alignck.report_file import noting_written
from alignck.wording import counted, first_few

if TYPE_CHECKING:
    import datetime

    from alignck.builtins import Located
    from alignck.model import Framework, Policy, Report, Review, Waiver
    from alignck.readers import Discovery


def _one_terminal(out: TextIO, err: TextIO) -> bool:
    """Whether the report and the messages show on one terminal, where the report's own
    last lines already give the policy's reasons (a pipe or file keeps them on standard
    error, as CI logs are read)."""
    import os

    if os.name == "nt":
        # Windows gives every character device the same device and inode numbers, NUL
        # included, which is a tty to its C runtime: 'check docs >NUL' would lose the reasons.
        return False
    try:
        if not (out.isatty() and err.isatty()):
            return False
        return os.path.samestat(os.fstat(out.fileno()), os.fstat(err.fileno()))
    except (AttributeError, OSError, ValueError):
        return False


def _refuse_binary_on_terminal(chosen: str, output: Path | None) -> None:
    from alignck.renderers import BINARY_FORMATS

    if chosen in BINARY_FORMATS and output is None and stdout_is_terminal():
        fail(f"--format {chosen} is a binary file; give it a name with -o report.{chosen}")


def _warn_if_cache_unwritten() -> None:
    from alignck import cache

    problem = cache.write_problem()
    if problem is not None:
        # A full cache folder made every run cold, with nothing to say why.
        remedy = (
            # Another user's folder (a cache shared by setting the variable for everyone).
            "set ALIGNCK_CACHE_DIR to a folder of your own"
            if "permission" in problem or "read-only" in problem
            else "free space there, or set ALIGNCK_CACHE_DIR"
        )
        say(
            f"alignck: warning: the cache could not be written in {cache.cache_dir()} "
            f"({problem}): the next run reads every document again; {remedy}"
        )


def _warn_if_github_refuses(report: Report) -> None:
    from alignck.renderers.sarif import GITHUB_MAX_RESULTS, over_github_limit

    count = over_github_limit(report)
    if count is not None:
        # The upload failed later in CI, with nothing pointing here.
        say(
            f"alignck: warning: the SARIF report holds {count:,} results; GitHub's code scanning "
            f"refuses a run of more than {GITHUB_MAX_RESULTS:,}: upload a run over fewer "
            "documents, or use JUnit"
        )


def _write_reports(
    report: Report,
    files: Sequence[Path],
    formats: Sequence[str],
    evidence: bool | None,
    explain: bool,
    done: list[Path],
) -> None:
    import contextlib

    from alignck.renderers import BINARY_FORMATS

    # Every file written before any takes its place: a run stopped between two of them left
    # one new report beside an earlier run's.
    with contextlib.ExitStack() as stack:
        for file, chosen in zip(files, formats, strict=True):
            handle = stack.enter_context(atomic_file(file, chosen in BINARY_FORMATS))
            render(report, chosen, handle, False, evidence, explain)
    done.extend(files)


def _percentage(given: str | None) -> float | None:
    """--fail-under as a number, its '%' allowed ('60%' is how CI settings write it)."""
    if given is None:
        return None
    try:
        return float(given.strip().removesuffix("%").strip())
    except ValueError:
        fail(f"--fail-under must be a number from 0 to 100, a percentage (got {given!r})")


def _partners_given(given: list[str]) -> dict[str, list[str]]:
    """--partner NAME=GLOB options as name -> globs, in the order given; one line and exit 2
    for one without a name or a glob."""
    from alignck.partners import parse_partner

    partners: dict[str, list[str]] = {}
    for value in given:
        try:
            name, glob = parse_partner(value)
        except ValueError as error:
            fail(str(error))
        partners.setdefault(name, []).append(glob)
    return partners


def _say_partner_warnings(report: Report, partners: dict[str, list[str]]) -> None:
    """A --partner glob that names no document checked, and a document two partners name."""
    if not partners:
        return
    from alignck.partners import claimed_twice, named_apart, nearly_named, unmatched

    paths = [d.path for d in report.documents]
    for name, glob in unmatched(paths, partners):
        near = nearly_named(glob, paths)
        hint = f"; did you mean '{near}'?" if near else ""
        say(f"alignck: warning: --partner '{name}={glob}' names no document checked{hint}")
    for name, glob, matched in named_apart(paths, partners):
        shown = first_few(matched)
        say(
            f"alignck: warning: --partner '{name}={glob}' names documents in different folders "
            f"({shown}); write a path or a folder to mean one partner's"
        )
    for path, kept, other in claimed_twice(paths, partners):
        counted = f"counted as published by {kept}"
        say(f"alignck: warning: {path}: named by --partner {kept!r} and {other!r}; {counted}")


def _policy(fail_under: float | None, fail_on: FailOn | None, baseline: Path | None) -> Policy:
    from alignck.model import Policy

    if fail_on in (FailOn.new_gap, FailOn.worse) and baseline is None:
        fail(f"--fail-on {fail_on.value} compares with a baseline: give --baseline OLD.json")
    if baseline is not None and fail_on is None:
        fail_on = FailOn.new_gap  # a baseline is given to fail on what is new
    return Policy(fail_under, fail_on.value if fail_on is not None else None)


def waivers_from(path: Path | None, framework: Framework) -> tuple[Waiver, ...]:
    """The waivers of ``--waivers``, their warnings said; none without the option."""
    if path is None:
        return ()
    from alignck.waivers import load_waivers

    found = load_waivers(path, framework)
    for warning in found.warnings:
        say(warning)
    return found.waivers


def reviews_from(
    path: Path | None, framework: Framework, today: datetime.date | None = None
) -> tuple[Review, ...]:
    """The reviews of ``--review``, their warnings said; none without the option."""
    if path is None:
        return ()
    from alignck.reviews import load_reviews

    found = load_reviews(path, framework, today)
    for warning in found.warnings:
        say(warning)
    return found.reviews


def waivers_and_reviews(
    waivers_file: Path | None,
    review_file: Path | None,
    framework: Framework,
    today: datetime.date | None = None,
) -> tuple[tuple[Waiver, ...], tuple[Review, ...]]:
    """Both files loaded, or every problem of both said at once (as validate says them):
    a waivers file edited for a new framework hid its reviews file's bad ids until fixed."""
    from alignck.errors import ConfigError

    problems: list[str] = []
    waivers: tuple[Waiver, ...] = ()
    reviews: tuple[Review, ...] = ()
    try:
        waivers = waivers_from(waivers_file, framework)
    except ConfigError as error:
        problems += error.problems
    try:
        reviews = reviews_from(review_file, framework, today)
    except ConfigError as error:
        problems += error.problems
    if problems:
        raise ConfigError(problems[0], problems=problems)
    return waivers, reviews


def files_read(
    found: Discovery, framework: Path, *others: tuple[Path | None, str]
) -> Iterator[tuple[Path, str]]:
    """Every file the run reads (the documents ``found``), with what it is, for the report
    never to be written over."""
    yield framework, "the framework file"
    for path, what in others:
        if path is not None:
            yield path, what
    for path in (*found.files, *(Path(s.path) for s in found.unsupported)):
        yield path, "a document being checked"


def choose_framework(given: Path | None, paths: list[Path]) -> Located:
    """The framework named, else ./priorities.yaml, else priorities.yaml in the one folder
    being checked or in the folder every document being checked is in (:func:`_home_folder`):
    a folder of partner strategies often carries its own framework."""
    from alignck.builtins import Located, locate

    if given is not None:
        located = locate(given)
        if note := located.shadow_note():
            say(note)
        return located
    # Whatever is there by that name is the framework: one that is not a regular file (a
    # FIFO, a folder) is then refused with what it is, rather than said to be missing.
    here = Path("priorities.yaml")
    if here.exists():
        return Located(here, str(here))
    folders = _home_folder(paths)
    if folders and (folders[0] / "priorities.yaml").exists():
        found = folders[0] / "priorities.yaml"
        return Located(found, str(found))
    from alignck.errors import UsageError

    looked = [Path(), *folders]
    where = f" or in {folders[0]}" if folders else ""
    near = [str(p) for folder in looked for p in _near_framework_names(folder)]
    said = "is not read by that name" if len(near) == 1 else "are not read by those names"
    seen = f" ({', '.join(near)} {said})" if near else ""
    raise UsageError(
        f"no framework file here{where}{seen}; give one with --framework FILE, or a built-in "
        "framework's name (alignck frameworks), or write one with alignck init",
        "priorities.yaml",
    )


def _home_folder(paths: list[Path]) -> list[Path]:
    """The folder a framework is looked for in besides this one: the one folder being
    checked, or the folder every document being checked is in ('alignck check
    docs/plan.docx' beside docs/priorities.yaml was told there was no framework file)."""
    if len(paths) == 1 and paths[0].is_dir():
        return [paths[0]]
    if not paths or not all(p.is_file() for p in paths):
        return []
    # 'docs/a.md docs/x/../b.md' are in one folder.
    if len({p.parent.resolve() for p in paths}) != 1:
        return []
    folder = paths[0].parent
    return [] if folder.resolve() == Path().resolve() else [folder]


def _near_framework_names(folder: Path) -> list[Path]:
    """Files in the folder that look meant as its priorities.yaml but are not read by their
    name ('priorities.yml', 'Priorities.yaml', and 'priorities.yaml.txt', which Windows
    shows as 'priorities.yaml' when it hides known extensions)."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    names = ("priorities.yaml", "priorities.yml")
    return [
        entry
        for entry in entries
        if entry.name != "priorities.yaml"
        and (entry.name.lower() in names or entry.name.lower() in {f"{n}.txt" for n in names})
    ]


def framework_places(given: Path | None, paths: list[Path]) -> list[Path]:
    """Every place :func:`choose_framework` looks: a file appearing at one could change its
    choice."""
    places = [
        Path("priorities.yaml"),
        *(p / "priorities.yaml" for p in paths),
        *(p.parent / "priorities.yaml" for p in paths if p.is_file()),
    ]
    return [given, *places] if given is not None else places


def exit_code(report: Report) -> int:
    from alignck.policy import failures

    if report.errors:
        return EXIT_INPUT
    return EXIT_POLICY if failures(report) else EXIT_OK


def _say_document_warnings(report: Report) -> None:
    from alignck.renderers._common import shown_path

    for result in report.documents:
        for warning in result.warnings:
            say(f"alignck: warning: {shown_path(result.path)}: {warning}")


def waivers_and_reviews_said(
    report: Report, waivers: Sequence[Waiver], reviews: Sequence[Review]
) -> list[str]:
    """What a run has to say of its waivers and reviews: lapsed, unused, matching several
    documents, overruled."""
    from alignck.renderers._common import review_warnings, waiver_warnings

    return [
        *waiver_warnings(report),
        *_matching_several(report, waivers, reviews),
        *review_warnings(report),
    ]


def _matching_several(
    report: Report, waivers: Sequence[Waiver], reviews: Sequence[Review]
) -> list[str]:
    """Warnings for waivers and reviews whose one name matches several documents, and, where
    the run names partners, for those that match documents of several partners."""
    from alignck.reviews import as_waiver
    from alignck.waivers import across_partners_warning, several_warning

    # Only documents checked: a partner's .doc beside its .md can be neither waived nor
    # reviewed, and is an error of its own.
    paths = [r.path for r in report.documents if r.status == "ok"]
    partner_of = {r.path: r.partner for r in report.documents if r.status == "ok"}
    items = [("waiver", w) for w in waivers] + [("review", as_waiver(r)) for r in reviews]
    said = []
    for kind, item in items:
        warning = several_warning(kind, item, paths)
        if warning is None and report.grouped:
            warning = across_partners_warning(kind, item, paths, partner_of)
        if warning is not None:
            said.append(warning)
    return said


def _only_reports_named(paths: list[Path], report: Report) -> bool:
    """Whether the run was given files only, each of them a report alignck wrote."""
    from alignck.readers import REPORT_SKIPPED

    reports = {s.path for s in report.skipped if s.reason == REPORT_SKIPPED}
    return bool(paths) and all(p.is_file() and str(p) in reports for p in paths)


@app.command(epilog=EXIT_CODES_HELP)
def check(
    paths: PathsArgument,
    framework: FrameworkOption = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            help="Report format (default: terminal, or from --output's extension).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Write the report to this file instead of standard output "
            "(a terminal summary is still shown); '-' is standard output. Give it again for "
            "more reports from one run, each in the format its extension names.",
            show_default=False,
        ),
    ] = None,
    fail_under_given: Annotated[
        str | None,
        typer.Option(
            "--fail-under",
            metavar="PCT",
            # Read by the command, in one line: Click's said 'nan' was above 100, and '60%'
            # was 'Input should be a valid number'.
            help="Exit 1 when system coverage (percent) is below this: a number from 0 to 100 "
            "('60' or '60%').",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when any document leaves a framework priority as a gap ('gap'), or "
            "less than aligned ('partial'); with --baseline, only on a gap the baseline did "
            "not have ('new-gap', the default there) or any verdict below the baseline's "
            "('worse'); 'gap' and 'partial' there fail only verdicts worse than the "
            "baseline's. Waived verdicts never fail.",
            show_default=False,
        ),
    ] = None,
    review_file: Annotated[
        Path | None,
        typer.Option(
            "--review",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="YAML file of reviewed verdicts (document, priority, verdict, reason, "
            "reviewer, date): each replaces alignck's verdict and shows as reviewed.",
            show_default=False,
        ),
    ] = None,
    baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="A JSON report of an earlier run (alignck check --format json) against the "
            "same framework: the run fails only where it is worse (see --fail-on); the "
            "baseline's own gaps, required ones too, do not fail it.",
            show_default=False,
        ),
    ] = None,
    waivers_file: Annotated[
        Path | None,
        typer.Option(
            "--waivers",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="YAML file of accepted gaps (priority, document glob, reason, expiry); "
            "waived verdicts are still reported but fail no policy.",
            show_default=False,
        ),
    ] = None,
    today: TodayOption = None,
    aligned: Annotated[
        float | None,
        typer.Option(
            "--aligned-threshold",
            help="Probability (0-1) that the commitments commit to a priority, from which an "
            "addressed priority is aligned (default 0.5, the fitted cut-off).",
        ),
    ] = None,
    partial: Annotated[
        float | None,
        typer.Option(
            "--partial-threshold",
            help="Probability (0-1) that a document addresses a priority, from which it is "
            "partial (default 0.5, the fitted cut-off).",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Documents read in parallel (0: every core this process may use).",
        ),
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
            "12 documents; JSON always carries every quote, CSV and xlsx the strongest "
            "one of each verdict, Markdown and HTML every quote unless --no-evidence).",
            show_default=False,
        ),
    ] = None,
    per_document: Annotated[
        Path | None,
        typer.Option(
            "--per-document",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Also write one Markdown and one HTML page per document into this folder: "
            "its verdicts with evidence, its gaps and who addresses them, and its priorities "
            "outside the framework.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="With --output, print nothing on standard output.")
    ] = False,
    passwords: PasswordOption = None,
    follow_links: FollowLinksOption = False,
    exclude: ExcludeOption = None,
    partner: Annotated[
        list[str] | None,
        typer.Option(
            "--partner",
            metavar="NAME=GLOB",
            help="The documents one partner publishes ('Northfen Trust=nmc-*', matched as a "
            "waiver's document: a path, name, glob or folder; repeat for more partners or "
            "globs): overlaps and shared candidates count partners, not documents.",
            show_default=False,
        ),
    ] = None,
    matcher: MatcherOption = MatcherChoice.auto,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show, for every verdict, the signals that carried it (the JSON report "
            "always has them as 'reasons').",
        ),
    ] = False,
) -> None:
    """Check documents against the framework: coverage grid, gaps, overlaps and evidence."""
    fraction(aligned, "--aligned-threshold")
    fraction(partial, "--partial-threshold")
    day = day_given(today)
    fail_under = _percentage(fail_under_given)
    if fail_under is not None and not 0 <= fail_under <= 100:
        from alignck.policy import limit_figure

        # Every digit: '(got 100)' for 100.0001 named a value that would have been taken.
        fail(
            "--fail-under must be a number from 0 to 100, a percentage "
            f"(got {limit_figure(fail_under)})"
        )
    if fail_under is not None and 0 < fail_under < 1:
        from alignck.policy import as_percentage

        # A fraction would make a check that can never fail.
        fail(
            f"--fail-under is a percentage (0-100), not a fraction: did you mean "
            f"{as_percentage(fail_under)}?"
        )
    policy = _policy(fail_under, fail_on, baseline_file)
    excluded = tuple(exclude or ())
    partners = _partners_given(partner or [])

    # Whether the run used the cache: asked for, and its folder could be made.
    cached = False
    # The --output files once every check of them has passed, and those this run wrote: a
    # run that fails removes the stale reports at the others.
    accepted: list[Path] = []
    done: list[Path] = []
    from alignck.model import ReadOptions

    # Read from the environment once the -o files are accepted: a CI job's variable set
    # wrong ends the run as any other error does, removing an earlier run's report.
    options = ReadOptions()

    def run() -> int:
        nonlocal cached, options
        from alignck.framework import load_framework
        from alignck.pipeline import before_the_baseline, load_baseline, resolve_thresholds
        from alignck.pipeline import check as run_check

        given_format = fmt.value if fmt else None
        given = report_files(output or [], given_format)
        # '-o -' is an -o: its report is the run's output, and -q with it is not a mistake.
        dash = [str(path) for path in given] == ["-"]
        files = [path for path in given if standard_output_if_dash(path) is not None]
        chosen_framework = choose_framework(framework, paths)
        if framework is None:
            # Found, not named: say which, before anything else can go wrong with it.
            say(f"alignck: framework: {chosen_framework.shown}")
        from alignck.readers import discover, unused_exclusion, unused_patterns

        # The documents found once, for the files a report must not replace and the pages'.
        found = discover(paths, follow_links, excluded)
        for pattern in unused_patterns(excluded, found.skipped):
            say(f"alignck: warning: {unused_exclusion(pattern)}")
        inputs = list(
            files_read(
                found,
                chosen_framework.path,
                (waivers_file, "the waivers file"),
                (baseline_file, "the baseline report"),
                (review_file, "the review file"),
            )
        )
        read = [path for path, _ in inputs] + framework_places(framework, paths)
        for file in files:
            refuse_unsafe_output(file, inputs)
        if not files and quiet and not dash:
            # Added to a pre-commit hook's args, -q changed nothing, and nothing said why.
            say("alignck: warning: -q only quietens a run that writes its report with -o")
        if per_document is not None:
            refuse_unsafe_folder(per_document)
            refuse_replacing_others(per_document, found, inputs)
            for file in files:
                refuse_output_among_pages(file, per_document)
        known = [f.value for f in ReportFormat]
        formats = [choose_report_format(given_format, file, known, paths) for file in files]
        # What standard output shows: the report itself unless it is written to a file.
        chosen = "terminal" if files else (given_format or "terminal")
        _refuse_binary_on_terminal(chosen, None)
        accepted.extend(files)
        use_cache_settings()
        options = read_options(passwords)
        # Before anything is read, for a run that may be kept: the record holds only what the
        # run saw (the cost, a second hash of each input, is paid by no other run).
        keepable = _may_be_kept([chosen, *formats], len(files)) and not no_cache
        started = replay.before_reading(read, paths, follow_links, excluded) if keepable else None
        loaded = load_framework(chosen_framework.path, chosen_framework.shown)
        say_file_warnings(loaded.warnings, chosen_framework.shown)
        waivers, reviews = waivers_and_reviews(waivers_file, review_file, loaded, day)
        baseline = None
        if baseline_file is not None:
            baseline = load_baseline(baseline_file, loaded, chosen_framework.shown)
        thresholds = resolve_thresholds(loaded, aligned, partial)
        cached = cache_usable(not no_cache)
        warn_if_words_alone(matcher.value)
        with progress_bar(paths, follow_links, excluded) as progress:
            report = run_check(
                paths,
                loaded,
                thresholds=thresholds,
                jobs=jobs or available_cpus(),
                use_cache=cached,
                progress=progress,
                read_options=options,
                waivers=waivers,
                # Held to the baseline once it is read (held_to_baseline), with its mode.
                policy=before_the_baseline(policy),
                follow_links=follow_links,
                exclude=excluded,
                matcher=matcher.value,
                reviews=reviews,
                run_files=[f for f in (waivers_file, review_file, baseline_file) if f],
                today=day,
                partners=partners,
            )
        for result in report.errors:
            say(f"alignck: error: {result.error}")
        _say_partner_warnings(report, partners)
        if cached:
            _warn_if_cache_unwritten()
        terminal_shown = not quiet if files else chosen == "terminal"
        if not terminal_shown:
            # No terminal report will show them: a document with no text, say, must not pass
            # a CI gate as seven silent gaps.
            _say_document_warnings(report)
        if not report.documents:
            from alignck.readers import READERS

            if _only_reports_named(paths, report):
                # A pre-commit hook names the files a commit changes: one that changes only
                # a report alignck wrote has nothing to check, and nothing to fail.
                say("alignck: nothing to check: every file named is a report alignck wrote")
                # A CI job reads the file it names: one from an earlier run must not stand
                # for this one.
                _write_reports(report, files, formats, evidence, explain, done)
                return EXIT_OK
            # An empty folder or a mistyped path must not pass a CI gate silently.
            skipped = f" ({counted(len(report.skipped), 'file')} skipped)" if report.skipped else ""
            fail(
                f"no documents to check in {', '.join(map(str, paths))}{skipped}; alignck "
                f"reads {', '.join(READERS)}"
            )
        for warning in waivers_and_reviews_said(report, waivers, reviews):
            say(warning)
        if baseline is not None:
            from alignck.compare import held_to_baseline

            report = held_to_baseline(report, baseline, policy.fail_on, waivers_file is not None)
            for note in report.policy.baseline_notes:
                say(note)
        code = exit_code(report)
        if per_document is not None:
            from alignck.errors import UsageError

            try:
                pages = write_pages(report, per_document, inputs, found)
            except UsageError:
                # A page that would take an input's place, or a file alignck did not write,
                # is a mistake of the command line, foreseen before any work but named for
                # certain only now: like the others, it leaves an earlier run's report.
                accepted.clear()
                raise
            say(f"alignck: wrote {len(pages)} pages to {per_document}")
            left = stale_pages(per_document, pages, found)
            if left:
                listed = ", ".join(path.name for path in left[:6])
                more = f" and {len(left) - 6} more" if len(left) > 6 else ""
                say(
                    f"alignck: note: {per_document} also holds {counted(len(left), 'page')} an "
                    f"earlier run wrote for documents not checked now ({listed}{more}); they "
                    "show that run's verdicts: remove them if those documents have left"
                )
        from alignck.renderers import BINARY_FORMATS

        cut_short = False
        # A text report file is kept with the run's record, to be written again by a replay.
        written: IO[Any] | None = None
        seen: str | None = None
        try:
            if len(files) == 1:
                binary = formats[0] in BINARY_FORMATS
                if not binary:
                    seen = replay.seen_before_writing(paths, follow_links, excluded)
                with atomic_file(files[0], binary) as handle:
                    written = handle if binary else replay.overheard(cast("TextIO", handle))
                    render(report, formats[0], written, False, evidence, explain)
                done.append(files[0])
            else:
                _write_reports(report, files, formats, evidence, explain, done)
            if files:
                if not quiet:
                    # A summary beside the files, its evidence tables only when asked for
                    # (--evidence, or --explain, which shows them as it does without -o):
                    # '--evidence -o report.md' showed none.
                    shown_here = True if explain else evidence is True
                    render(report, "terminal", sys.stdout, use_color(sys.stdout), shown_here)
            else:
                stdout_color = use_color(sys.stdout) and chosen == "terminal"
                shown = True if explain else evidence
                utf8_stdout(chosen)
                render(report, chosen, sys.stdout, stdout_color, shown, explain)
        except BrokenPipeError:
            # The output was cut short ('| head'); the verdict still decides the exit code.
            silence_stdout()
            cut_short = True
        if "sarif" in [*formats, chosen]:
            _warn_if_github_refuses(report)
        # Last, so a CI log ends with the reason for its exit code; not again on the terminal
        # the report itself just ended with them.
        from alignck.policy import failures

        report_ended_with_them = (files and not quiet) or (not files and chosen == "terminal")
        if not (report_ended_with_them and _one_terminal(sys.stdout, sys.stderr)):
            for failure in failures(report):
                say(f"alignck: policy failed: {failure}")
        if not cut_short and _whole_answer_is_text([chosen, *formats], len(files), code):
            text = cast("TextIO | None", written)
            report_file = files[0] if files else None
            replay.keep(read, paths, follow_links, code, report_file, text, seen, started, excluded)
        return code

    def _whole_answer_is_text(shown: list[str], files: int, code: int) -> bool:
        """Whether the standard streams, the exit code and at most one text report file are
        all the run gave: no pages written, text, nothing opened with a password, and no error
        that might not recur."""
        finished = code in (EXIT_OK, EXIT_POLICY)
        return finished and _may_be_kept(shown, files) and cached

    def _may_be_kept(shown: list[str], files: int) -> bool:
        """What of :func:`_whole_answer_is_text` is known before the run."""
        from alignck.renderers import BINARY_FORMATS

        pages = per_document is not None
        secret = bool(options.passwords)
        text = not BINARY_FORMATS.intersection(shown)
        return text and files <= 1 and not pages and not secret

    # The reports this run puts in place are noted as they take it: one stopped just after, before
    # 'done' was told, is this run's, not an earlier run's to remove.
    with replay.listening(), noting_written():
        code = exit_code_of(run)
        if code in EXIT_UNFINISHED:
            # Ctrl-C and SIGTERM too: a CI job's timeout ends the run, and a step that uploads
            # the report whatever the outcome must not publish an earlier run's pass.
            read = [*paths, framework, waivers_file, review_file, baseline_file]
            stale = [path for path in accepted if path not in done]
            for path in remove_stale_reports(stale, read):
                say(f"alignck: removed {path}, an earlier run's report this run did not replace")
    raise typer.Exit(code)
