"""An option that takes one value, given twice, is a usage error (Click kept the last)."""

from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from alignck.cli import app
from alignck.cli.repeats import repeated_option

runner = CliRunner()
SAID = "is given more than once; it takes one value (only the last would be used): give it once"


@pytest.fixture
def checked(make_document, small_framework, tmp_path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    (tmp_path / "drafts").mkdir()
    make_document("drafts/plan.md")
    for name in ("shared.yaml", "local.yaml"):
        (tmp_path / name).write_text("waivers: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["check", "drafts", "--waivers", "shared.yaml", "--waivers", "local.yaml"], "--waivers"),
        (["check", "drafts", "--fail-on", "partial", "--fail-on=gap"], "--fail-on"),
        (["check", "drafts", "-f", "priorities.yaml", "-f", "other.yaml"], "-f"),
        (["check", "drafts", "-f", "priorities.yaml", "--framework=x.yaml"], "-f/--framework"),
        (["check", "drafts", "-qfpriorities.yaml", "-f", "x.yaml"], "-f"),
        (["check", "drafts", "--baseline", "a.json", "--baseline", "b.json"], "--baseline"),
        (["diff", "drafts", "drafts", "--review", "a.yaml", "--review", "b.yaml"], "--review"),
        (["eval", "data.yaml", "--misses", "3", "--misses", "5"], "--misses"),
        (["extract", "drafts", "--format", "json", "--format", "terminal"], "--format"),
        (["init", "-o", "a.yaml", "--output", "b.yaml"], "-o/--output"),
    ],
)
def test_a_single_value_option_given_twice_is_refused_naming_it(
    checked: Path, args: list[str], named: str
) -> None:
    before = sorted(p.name for p in checked.iterdir())
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"alignck: error: {named} {SAID}"]
    assert sorted(p.name for p in checked.iterdir()) == before


def test_flags_and_options_that_take_several_values_may_be_given_again(checked: Path) -> None:
    result = runner.invoke(
        app,
        [
            *("check", "drafts", "-q", "-q", "--no-cache", "--no-cache", "--evidence"),
            *("--no-evidence", "-o", "a.json", "-o", "b.md", "--password", "x", "--password="),
            *("--waivers", "shared.yaml", "--waivers", "local.yaml"),
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"alignck: error: --waivers {SAID}"]
    command = typer.main.get_command(app)
    assert repeated_option(command, ["validate", "x", "--waivers", "a", "--waivers", "b"]) is None
    assert repeated_option(command, ["check", "x", "--waivers", "a", "--", "--waivers"]) is None
    # A value that looks like an option is the value, as Click reads it.
    assert (
        repeated_option(command, ["check", "x", "--password", "--waivers", "--waivers", "a"])
        is None
    )


def test_a_sub_command_of_a_group_is_read_for_its_own_options() -> None:
    root = typer.Typer()
    group = typer.Typer()
    root.add_typer(group, name="cache")

    @root.command()
    def other(name: Annotated[str, typer.Option("--name")] = "") -> None: ...

    @group.command()
    def clear(keep: Annotated[str, typer.Option("--keep", "-k")] = "") -> None: ...

    command = typer.main.get_command(root)
    assert repeated_option(command, ["cache", "clear", "--keep", "a", "-k", "b"]) == "-k/--keep"
    assert repeated_option(command, ["cache", "clear", "-k", "--keep", "x"]) is None
    assert repeated_option(command, ["other", "--name", "a", "--name", "b"]) == "--name"
    assert repeated_option(command, ["other", "--name", "a", "--", "--name", "b"]) is None
