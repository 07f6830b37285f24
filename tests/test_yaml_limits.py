"""Bounded YAML: aliases in a framework or waivers file are refused before anything expands
them, and deep nesting is refused, each as one FILE:LINE:COL line and exit 2."""

import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app

runner = CliRunner()
FRAMEWORK = "framework: {name: Plain}\npriorities:\n  - {id: air, title: Clean air}\n"


def _laughs() -> str:
    """A 'billion laughs': nine levels of nine aliases each, 9^9 strings once expanded."""
    lines = ["framework: {name: Laughs}", 'l0: &l0 ["lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    lines.append("priorities: [{id: x, title: Laughs, keywords: *l9}]")
    return "\n".join(lines) + "\n"


RECURSIVE = "framework: {name: R}\npriorities: &p\n  - id: x\n    title: t\n    priorities: *p\n"


def _files(tmp_path: Path, framework: str, waivers: str | None = None) -> list[str]:
    (tmp_path / "plan.md").write_text("# Plan\n\nWe will clean the air.\n", encoding="utf-8")
    (tmp_path / "framework.yaml").write_text(framework, encoding="utf-8")
    args = [str(tmp_path / "plan.md"), "-f", str(tmp_path / "framework.yaml")]
    if waivers is not None:
        (tmp_path / "waivers.yaml").write_text(waivers, encoding="utf-8")
        args += ["--waivers", str(tmp_path / "waivers.yaml")]
    return args


def _one_line(result, file: str, message: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert re.fullmatch(rf".*{re.escape(file)}:\d+:\d+: .*{message}.*", lines[0]), lines[0]
    assert "Traceback" not in result.output


def test_the_laughs_file_is_small() -> None:
    assert len(_laughs().encode()) < 1000


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_billion_laughs_framework_is_refused_at_once(tmp_path: Path, command: str) -> None:
    args = _files(tmp_path, _laughs())
    args = [args[2]] if command == "validate" else [*args, "--matcher", "lexical"]
    started = time.monotonic()
    result = runner.invoke(app, [command, *args])
    assert time.monotonic() - started < 1.0
    _one_line(result, "framework.yaml", "YAML alias '\\*l0' is not allowed")
    assert re.search(r"framework\.yaml:3:\d+:", result.stderr)


def test_a_recursive_alias_in_a_framework_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", *_files(tmp_path, RECURSIVE)])
    _one_line(result, "framework.yaml", "YAML alias '\\*p' is not allowed")
    assert "framework.yaml:5:17:" in result.stderr


def test_aliases_in_a_waivers_file_are_refused(tmp_path: Path) -> None:
    waivers = "waivers:\n  - &w {priority: air, reason: Covered elsewhere}\n  - *w\n"
    result = runner.invoke(app, ["check", *_files(tmp_path, FRAMEWORK, waivers)])
    _one_line(result, "waivers.yaml", "YAML alias '\\*w' is not allowed")
    assert "waivers.yaml:3:5:" in result.stderr


def test_a_recursive_alias_in_a_waivers_file_is_refused_by_validate(tmp_path: Path) -> None:
    args = _files(tmp_path, FRAMEWORK, "waivers: &w\n  - *w\n")
    result = runner.invoke(app, ["validate", args[2], "--waivers", args[4]])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{args[4]}:2:5: YAML alias '*w' is not allowed "
        "(aliases can expand without bound); write the value "
        "out in full",
        f"{args[4]}: invalid against {args[2]} (1 problem)",
    ]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = "framework: {name: Deep}\npriorities: " + "[" * 200 + "]" * 200 + "\n"
    result = runner.invoke(app, ["check", *_files(tmp_path, deep)])
    _one_line(result, "framework.yaml", "nested more than 64 levels deep")


def test_very_deep_nesting_is_one_line_too(tmp_path: Path) -> None:
    deep = "framework: {name: Deep}\npriorities: " + "[" * 100_000 + "]" * 100_000 + "\n"
    result = runner.invoke(app, ["validate", _files(tmp_path, deep)[2]])
    _one_line(result, "framework.yaml", "nest")
    # libyaml's reader runs ahead of the events, and refuses past 1,000 levels before
    # alignck's own bound is met; the pure-Python parser leaves it to alignck.
    said = result.stderr.split(": ", 1)[1]
    assert said in (
        "not valid YAML: exceeded maximum nesting depth (while increasing flow level)\n",
        "nested more than 64 levels deep; flatten the file\n",
    ), said


def test_anchors_without_aliases_still_load(tmp_path: Path) -> None:
    framework = "framework: &f {name: Anchored}\npriorities:\n  - {id: air, title: Clean air}\n"
    result = runner.invoke(app, ["validate", _files(tmp_path, framework)[2]])
    assert result.exit_code == 0, result.output
    assert "ok (1 priority" in result.stdout
