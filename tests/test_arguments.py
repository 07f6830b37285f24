"""alignck.check's arguments are checked where they are given: a library caller's mistake is
a TypeError or ValueError naming the argument, never an AttributeError deep inside, nor (a
review's 'yes' verdict, one id twice) a report that quietly counts it."""

import datetime
from pathlib import Path

import pytest

from alignck.framework import load_framework
from alignck.model import Framework, Policy, Priority, Review, Thresholds, Waiver
from alignck.pipeline import check


@pytest.fixture
def plan(make_document) -> Path:  # type: ignore[no-untyped-def]
    return make_document("plan.md")  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("options", "error", "said"),
    [
        ({"thresholds": (0.6, 0.4)}, TypeError, "thresholds must be an alignck Thresholds"),
        ({"waivers": "waivers.yaml"}, TypeError, "waivers must be a sequence of alignck Waiver"),
        ({"reviews": [{"verdict": "gap"}]}, TypeError, "reviews must hold alignck Review"),
        ({"policy": {"fail_on": "gap"}}, TypeError, "policy must be an alignck Policy"),
        ({"read_options": {}}, TypeError, "read_options must be an alignck ReadOptions"),
        ({"jobs": "2"}, TypeError, "jobs must be a whole number"),
        ({"jobs": 0}, ValueError, "jobs must be at least 1 (got 0)"),
        # 'no' is true: the cache was on, and written under the user's cache folder.
        ({"use_cache": "no"}, TypeError, "use_cache must be True or False (got 'no')"),
        ({"follow_links": 1}, TypeError, "follow_links must be True or False"),
        ({"matcher": "fuzzy"}, ValueError, "matcher must be one of auto, lexical, semantic"),
    ],
)
def test_an_argument_of_the_wrong_kind_is_named(
    plan: Path, small_framework: Path, options: dict, error: type, said: str
) -> None:  # type: ignore[type-arg]
    with pytest.raises(error, match=said.replace("(", r"\(").replace(")", r"\)")):
        check(plan, small_framework, **options)


def test_a_framework_that_is_none_is_named(plan: Path) -> None:
    with pytest.raises(TypeError, match="framework must be a file's path"):
        check(plan, None)  # type: ignore[arg-type]


def _review(verdict: str, priority_id: str = "mental-health") -> Review:
    return Review("plan", priority_id, verdict, "read it", "A. Officer", datetime.date(2026, 1, 5))  # type: ignore[arg-type]


def test_a_review_with_a_verdict_alignck_never_gives_is_refused(
    plan: Path, small_framework: Path
) -> None:
    # It was counted: coverage of 6 verdicts over 7 priorities.
    with pytest.raises(
        ValueError, match=r"verdict must be one of aligned, partial, gap \(got 'yes'\)"
    ):
        check(plan, small_framework, reviews=[_review("yes")])


@pytest.mark.parametrize("kind", ["waiver", "review"])
def test_a_waiver_or_review_of_no_framework_priority_is_refused(
    plan: Path, small_framework: Path, kind: str
) -> None:
    # As the YAML loaders refuse it: a typo in an id is an error, not an unused waiver.
    given = (
        {"waivers": [Waiver("no-such", "accepted")]}
        if kind == "waiver"
        else {"reviews": [_review("gap", "no-such")]}
    )
    with pytest.raises(ValueError, match=f"{kind} names no framework priority: 'no-such'"):
        check(plan, small_framework, **given)


def test_a_waiver_expiry_given_as_text_is_refused(plan: Path, small_framework: Path) -> None:
    waiver = Waiver("mental-health", "accepted", expires="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expires must be a datetime\.date"):
        check(plan, small_framework, waivers=[waiver])


def test_a_review_date_given_as_text_is_refused(plan: Path, small_framework: Path) -> None:
    # Accepted, it broke every report writer once the whole check had run.
    review = Review("plan", "mental-health", "gap", "read it", "A. Officer", "2026-01-05")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"date must be a datetime\.date \(got '2026-01-05'\)"):
        check(plan, small_framework, reviews=[review])


@pytest.mark.parametrize("mode", ["new-gap", "worse"])
def test_a_baseline_mode_without_a_baseline_is_refused(
    plan: Path, small_framework: Path, mode: str
) -> None:
    # Every gap counted as new, each said to be worse than a baseline there was not.
    with pytest.raises(ValueError, match=f"fail_on '{mode}' compares with a baseline"):
        check(plan, small_framework, policy=Policy(fail_on=mode))  # type: ignore[arg-type]


def _built(*priorities: Priority) -> Framework:
    return Framework("Built in code", "<code>", priorities)


@pytest.mark.parametrize(
    ("framework", "error", "said"),
    [
        (_built(), ValueError, "the framework lists no priorities"),
        (
            _built(Priority("a", "Housing"), Priority("a", "Jobs")),
            ValueError,
            "priority id 'a' is used twice",
        ),
        (
            _built(Priority("air", "Clean air", keywords="air quality")),  # type: ignore[arg-type]
            TypeError,
            "priority 'air': keywords must be a tuple of strings",
        ),
        (
            _built(Priority("air", "Clean air", keywords=["smoke"])),  # type: ignore[arg-type]
            TypeError,
            r"write tuple\(\['smoke'\]\)",
        ),
        # An int id passed check and then broke the HTML and SARIF writers.
        (_built(Priority(3, "Smoking")), TypeError, "a priority's id must be a non-empty string"),  # type: ignore[arg-type]
        (
            _built(Priority("a", "Air", parent="zzz")),
            ValueError,
            "priority 'a': parent 'zzz' is not a priority listed before it",
        ),
        (
            Framework("F", "<code>", (Priority("a", "Air"),), thresholds={"aligned": 0.5}),  # type: ignore[arg-type]
            TypeError,
            "the framework's thresholds must be an alignck Thresholds",
        ),
    ],
)
def test_a_framework_built_in_code_is_checked_as_a_file_would_be(
    plan: Path, framework: Framework, error: type, said: str
) -> None:
    with pytest.raises(error, match=said):
        check(plan, framework)


def test_good_arguments_still_check(plan: Path, small_framework: Path) -> None:
    framework = load_framework(small_framework)
    report = check(
        [plan],
        framework,
        thresholds=Thresholds(0.5, 0.5),
        jobs=1,
        waivers=(Waiver("early-years", "accepted"),),
        reviews=[_review("aligned")],
        policy=Policy(),
    )
    assert [d.status for d in report.documents] == ["ok"]


def test_the_package_s_check_is_the_pipeline_s() -> None:
    # help(alignck.check) showed '**options: Any', so an editor offered no option.
    import alignck
    from alignck import pipeline

    assert alignck.check is pipeline.check


def test_the_result_types_say_what_they_hold() -> None:
    from alignck.model import Analysis, DocumentResult, Framework, Report

    for kind in (Analysis, DocumentResult, Framework, Report):
        # Not the dataclass's own 'Report(framework: ...)' signature line.
        assert kind.__doc__ and not kind.__doc__.startswith(kind.__name__ + "("), kind


@pytest.mark.parametrize("paths", [None, 123, b"plan.md", [Path("a.md"), 3]])
def test_paths_of_the_wrong_kind_are_named(small_framework: Path, paths: object) -> None:
    with pytest.raises(TypeError, match="paths must be a path or a list of paths"):
        check(paths, small_framework)  # type: ignore[arg-type]


def test_paths_may_be_any_iterable_of_paths(plan: Path, small_framework: Path) -> None:
    # A generator or a set worked before the arguments were checked.
    assert check(plan.parent.glob("*.md"), small_framework).documents
    assert check({plan}, small_framework).documents


def test_one_threshold_changed_keeps_the_framework_s_other_as_the_readme_says(
    plan: Path, tmp_path: Path
) -> None:
    from alignck.pipeline import resolve_thresholds

    path = tmp_path / "framework.yaml"
    path.write_text(
        "framework: {name: t}\nthresholds: {aligned: 0.95, partial: 0.9}\n"
        "priorities:\n  - {id: air, title: Clean air, keywords: [air quality]}\n",
        encoding="utf-8",
    )
    framework = load_framework(path)
    chosen = resolve_thresholds(framework, partial=0.3)
    assert check(plan, framework, thresholds=chosen).thresholds == Thresholds(0.95, 0.3)


def test_a_cache_folder_that_cannot_be_made_raises_a_cache_error(
    plan: Path, small_framework: Path, tmp_path: Path
) -> None:
    from alignck import cache
    from alignck.errors import CacheError

    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    cache.configure(blocked / "cache")
    try:
        with pytest.raises(CacheError):
            check(plan, small_framework, use_cache=True)
    finally:
        cache.configure(None)


def test_library_settings_out_of_range_are_refused_where_they_are_made() -> None:
    # Each was taken: a width of -5 wrote an empty report, Limits(seconds=-1) meant no limit,
    # and binary_renderer('bogus') advised renderer('bogus'), which failed too.
    from alignck.limits import Limits
    from alignck.renderers import RenderOptions, binary_renderer

    with pytest.raises(ValueError, match=r"RenderOptions\.width is a number of columns"):
        RenderOptions(width=-5)
    with pytest.raises(ValueError, match=r"Limits\.seconds must be a number above 0 \(got -1\)"):
        Limits(seconds=-1)
    with pytest.raises(ValueError, match="no report format 'bogus'"):
        binary_renderer("bogus")


def test_fail_under_is_written_as_the_command_line_writes_it(
    plan: Path, small_framework: Path
) -> None:
    import io
    import json

    from alignck.renderers import RenderOptions, renderer

    out = io.StringIO()
    renderer("json")(
        check(plan, small_framework, policy=Policy(fail_under=50)), out, RenderOptions()
    )
    assert '"fail_under": 50.0' in out.getvalue()
    assert json.loads(out.getvalue())["policy"]["fail_under"] == 50.0
