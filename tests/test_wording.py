from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.errors import FrameworkError
from alignck.framework import load_framework
from alignck.wording import counted


def _one_priority(folder: Path) -> Path:
    framework = folder / "priorities.yaml"
    framework.write_text(
        "framework: {name: One}\npriorities:\n  - {id: homes, title: Warm homes}\n",
        encoding="utf-8",
    )
    return framework


def test_a_count_of_one_takes_the_singular() -> None:
    assert counted(1, "priority", "priorities") == "1 priority"
    assert counted(0, "priority", "priorities") == "0 priorities"
    assert counted(2, "waiver") == "2 waivers"


def test_validate_says_one_priority_and_one_waiver(tmp_path) -> None:  # type: ignore[no-untyped-def]
    framework = _one_priority(tmp_path)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - {priority: homes, reason: Left to the districts.}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["validate", str(framework), "--waivers", str(waivers)])
    assert result.exit_code == 0, result.output
    assert "(1 priority, 1 warning)" in result.output
    assert "(1 waiver against" in result.output


def test_check_says_one_document_and_one_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    framework = _one_priority(tmp_path)
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will insulate 500 homes.\n", encoding="utf-8")
    args = ["check", str(plan), "-f", str(framework), "--matcher", "lexical", "--no-cache"]
    result = CliRunner().invoke(app, [*args, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "1 document checked against 1 priority" in result.stdout
    framework.write_text("priorities:\n  - {id: homes}\n", encoding="utf-8")
    # The problem itself is the message (a notebook shows only its last line), counted
    # beyond the first in the singular or plural as it should be.
    with pytest.raises(FrameworkError) as one:
        load_framework(framework)
    assert str(one.value) == (
        f"{framework}:2:5: invalid framework: priorities[0].title: missing required key 'title'"
    )
    # Its place is the error's own, for a caller to read (it was None beside the text).
    assert (one.value.line, one.value.column) == (2, 5)
    framework.write_text("priorities:\n  - {id: homes}\n  - {id: jobs}\n", encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"'title' \(and 1 more problem\)$"):
        load_framework(framework)


@pytest.mark.parametrize(
    ("system", "quoted"),
    [("posix", "'joint plan.docx'"), ("nt", '"joint plan.docx"')],
)
def test_a_path_in_a_suggested_command_is_quoted_for_the_user_s_shell(
    monkeypatch: pytest.MonkeyPatch, system: str, quoted: str
) -> None:
    # cmd.exe and PowerShell take '...' literally: a pasted command failed at the space.
    from alignck import wording

    monkeypatch.setattr(wording.os, "name", system)
    assert wording.shell_quoted("joint plan.docx") == quoted


def test_first_few_names_the_first_and_counts_the_rest() -> None:
    from alignck.wording import first_few

    assert first_few(["a", "b"]) == "a, b"
    assert first_few(["a", "b", "c", "d"]) == "a, b, c, d"
    assert first_few(["a", "b", "c", "d", "e", "f"]) == "a, b, c, d and 2 more"
    assert first_few(["a", "b", "c"], shown=1) == "a and 2 more"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("We will give support when they need it.", 100, "We will give support when they need it."),
        # A blind tester read '... support when th…' as a misquote: cut where a word ends.
        ("We will give support when they need it.", 30, "We will give support when…"),
        ("Warm homes, safe streets", 14, "Warm homes…"),  # nor left on a comma
        # One long word (a web address) is cut where it stands, not lost whole.
        ("See https://example.org/" + "a" * 60, 40, "See https://example.org/" + "a" * 15 + "…"),
    ],
)
def test_a_long_text_is_cut_at_the_end_of_a_word(text: str, limit: int, expected: str) -> None:
    from alignck.wording import clipped

    assert clipped(text, limit) == expected
    assert len(clipped(text, limit)) <= limit
