import subprocess
import sys

import pytest
from typer.testing import CliRunner

from alignck.cli import app

ASK_VERSION = (
    "import sys; from alignck.launch import main; sys.argv = ['alignck', '--version']; main(); "
    "print(sorted({'typer', 'rich', 'alignck.cli'} & set(sys.modules)))"
)


def test_version_is_answered_without_loading_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-c", ASK_VERSION], capture_output=True, text=True, check=True
    )
    expected = CliRunner().invoke(app, ["--version"]).stdout
    assert done.stdout == expected + "[]\n"
    assert expected.startswith("alignck ")


def test_anything_else_goes_to_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "alignck", "--help"], capture_output=True, text=True, check=True
    )
    assert "check" in done.stdout


def test_ctrl_c_before_a_command_starts_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from alignck import launch, replay

    def interrupted(arguments: list[str]) -> None:
        raise KeyboardInterrupt

    # Where a Ctrl-C lands while the command line is still being imported.
    monkeypatch.setattr(replay, "answer", interrupted)
    monkeypatch.setattr(sys, "argv", ["alignck", "check", "examples"])
    with pytest.raises(SystemExit) as exit_:
        launch.main()
    assert exit_.value.code == 130
    assert capsys.readouterr().err == "alignck: interrupted\n"
