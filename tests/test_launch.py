import subprocess
import sys

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
