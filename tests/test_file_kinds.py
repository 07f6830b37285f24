"""A file given to the wrong option is named for what it is, with the option that takes it:
a reviews file, the framework or a saved report as --waivers was a page of 'unknown key
(ignored)' warnings and a run that carried on without its waivers."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.errors import ConfigError
from alignck.framework import validate
from alignck.model import Framework, Priority
from alignck.reviews import load_reviews
from alignck.waivers import load_waivers

FRAMEWORK = Framework("t", "f.yaml", (Priority("air", "Clean air"),))
FILES = {
    "framework": "framework:\n  name: Ours\npriorities:\n  - id: air\n    title: Clean air\n",
    "waivers": "waivers:\n  - priority: air\n    reason: Not ours.\n",
    "reviews": (
        "reviews:\n  - document: plan\n    priority: air\n    verdict: partial\n"
        "    reason: x\n    reviewer: A\n    date: 2026-11-30\n"
    ),
    # A report holds 'framework', 'waivers' and 'reviews' keys of its own.
    "report": json.dumps(
        {
            "schema_version": 1,
            "tool": {"name": "alignck"},
            "framework": {"name": "t"},
            "waivers": {"applied": []},
            "reviews": {"applied": []},
        },
        indent=2,
    ),
}
PLACES = {"framework": "1:1", "waivers": "1:1", "reviews": "1:1", "report": "2:3"}
NAMED = {
    "framework": "a framework file, not {wanted}; give it with -f/--framework",
    "waivers": "a waivers file, not {wanted}; give it with --waivers",
    "reviews": "a review file, not {wanted}; give it with --review",
    "report": (
        "a saved alignck report, not {wanted}; a report is given to --baseline, or to "
        "'alignck diff'"
    ),
}
LOADERS = {"waivers": (load_waivers, "a waivers file"), "reviews": (load_reviews, "a review file")}


@pytest.mark.parametrize(
    ("wanted", "given"),
    [(wanted, given) for wanted in LOADERS for given in FILES if given != wanted],
)
def test_a_file_of_another_kind_is_refused_naming_what_it_is(
    tmp_path: Path, wanted: str, given: str
) -> None:
    path = tmp_path / ("given.json" if given == "report" else "given.yaml")
    path.write_text(FILES[given], encoding="utf-8")
    load, name = LOADERS[wanted]
    with pytest.raises(ConfigError) as raised:
        load(path, FRAMEWORK)
    said = NAMED[given].format(wanted=name)
    assert raised.value.problems == [f"{path}:{PLACES[given]}: {said}"]


def test_a_saved_report_given_as_the_framework_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    path.write_text(FILES["report"], encoding="utf-8")
    assert validate(path).errors == (
        f"{path}:1:1: a saved alignck report, not a framework; a report is given to "
        "--baseline, or to 'alignck diff'",
    )


@pytest.mark.parametrize("option", ["--waivers", "--review"])
def test_check_refuses_the_framework_as_waivers_or_reviews_with_one_line(
    make_document, small_framework, tmp_path, option
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    args = ["check", str(plan), "-f", str(small_framework), option, str(small_framework)]
    result = CliRunner().invoke(app, [*args, "--matcher", "lexical", "--format", "json"])
    assert result.exit_code == 2
    wanted = "a waivers file" if option == "--waivers" else "a review file"
    assert result.stderr.splitlines() == [
        f"{small_framework}:1:1: a framework file, not {wanted}; give it with -f/--framework"
    ]
    assert result.stdout == ""


def test_a_waivers_file_noting_its_framework_is_still_a_waivers_file(tmp_path: Path) -> None:
    # 'framework: ...' above the waivers, a note of what they were agreed against, made the
    # file 'a framework file' and the run stop.
    path = tmp_path / "waivers.yaml"
    path.write_text(
        "framework: Ours   # agreed against this framework\n" + FILES["waivers"],
        encoding="utf-8",
    )
    loaded = load_waivers(path, FRAMEWORK)
    assert [w.priority_id for w in loaded.waivers] == ["air"]
