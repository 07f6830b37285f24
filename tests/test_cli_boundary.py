"""Every user error is one line and exit 2, never a traceback: ``validate`` inside the error
boundary, and a framework with nothing to match on refused by ``check`` and ``validate`` alike."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

import alignck.framework
from alignck.cli import app
from alignck.errors import FrameworkError, UsageError
from alignck.pipeline import check

runner = CliRunner()
WORDLESS = "framework:\n  name: Wordless\npriorities:\n  - id: ours\n    title: Our priorities\n"
PLAN = "# Plan\n\n## Our priorities\n\n- We will build warm homes.\n- We will clean the air.\n"


def _write(tmp_path: Path, framework: str) -> tuple[Path, Path]:
    (tmp_path / "framework.yaml").write_text(framework, encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    return tmp_path / "framework.yaml", tmp_path / "plan.md"


@pytest.mark.parametrize("matcher", ["lexical", "auto"])
def test_check_refuses_a_framework_with_nothing_to_match(tmp_path: Path, matcher: str) -> None:
    framework, plan = _write(tmp_path, WORDLESS)
    args = ["check", str(plan), "-f", str(framework), "--matcher", matcher, "--no-cache"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    # Framework problems are FILE[:LINE:COL]: lines, as validate shows them.
    assert result.stderr.splitlines() == [
        f"{framework}: no priority names anything alignck can match on "
        "('Our priorities'); give the priorities titles, keywords or descriptions that say "
        "what they are about"
    ]
    assert "Traceback" not in result.output


def test_validate_does_not_call_ok_what_check_refuses(tmp_path: Path) -> None:
    framework, _ = _write(tmp_path, WORDLESS)
    result = runner.invoke(app, ["validate", str(framework)])
    assert result.exit_code == 2
    assert "ok" not in result.stdout
    assert result.stderr.startswith(f"{framework}: no priority names anything")


def test_a_wordless_priority_beside_others_is_a_gap(tmp_path: Path) -> None:
    framework, plan = _write(
        tmp_path, WORDLESS + "  - id: homes\n    title: Warm homes\n    keywords: [warm homes]\n"
    )
    result = runner.invoke(app, ["check", str(plan), "-f", str(framework), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {line.split(",")[1]: line.split(",")[3] for line in result.stdout.splitlines()[1:]}
    assert rows == {"ours": "gap", "homes": "aligned"}


def test_the_library_raises_the_same_error(tmp_path: Path) -> None:
    framework, plan = _write(tmp_path, WORDLESS)
    with pytest.raises(FrameworkError, match="no priority names anything"):
        check([plan], framework)


def test_validate_maps_user_errors_to_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, shown: str | None = None) -> None:
        raise UsageError("cannot be validated here", str(path))

    monkeypatch.setattr(alignck.framework, "validate", refuse)
    framework, _ = _write(tmp_path, WORDLESS)
    result = runner.invoke(app, ["validate", str(framework)])
    assert result.exit_code == 2
    assert result.stderr == f"alignck: error: {framework}: cannot be validated here\n"


def test_validate_interrupted_exits_130_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(path: Path, shown: str | None = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(alignck.framework, "validate", interrupt)
    framework, _ = _write(tmp_path, WORDLESS)
    result = runner.invoke(app, ["validate", str(framework)])
    assert result.exit_code == 130
    assert result.stderr == "alignck: interrupted\n"


def test_an_unread_document_exits_2_though_the_policy_failed_too(tmp_path: Path) -> None:
    # Any document left unread means 2, the exit of a run that could not check everything:
    # the coverage failure's 1 must not hide it.
    framework, _ = _write(
        tmp_path,
        "framework:\n  name: Homes and rivers\npriorities:\n"
        "  - {id: homes, title: Warm homes, keywords: [warm homes]}\n"
        "  - {id: rivers, title: Clean rivers, keywords: [river pollution]}\n",
    )
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.md").write_text(PLAN, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\ncut short")
    args = ["check", str(folder), "-f", str(framework), "--matcher", "lexical", "--no-cache"]
    result = runner.invoke(app, [*args, "--fail-under", "100"])
    assert result.exit_code == 2, result.output
    assert "is below --fail-under 100%" in result.output
    assert "1 document could not be read: broken" in result.output
