"""The command line: parse arguments, call the library, print, and choose the exit code.

This package is the only code that touches argv, the environment, the terminal and exit codes.
Heavy modules (readers, scoring) are imported inside the commands so that ``--help`` and
``--version`` stay fast.

Exit codes: 0 checked and passed; 1 checked and the policy failed (coverage under
``--fail-under``, or a required priority missed); 2 usage error, invalid framework or an
unreadable document; 3 internal error (a bug: please report it); 130 interrupted.
"""

from alignck.cli import check, commands, diff, frameworks  # noqa: F401 - importing registers them
from alignck.cli.app import EXIT_BUG, EXIT_INPUT, EXIT_OK, EXIT_POLICY, app
from alignck.cli.output import is_interactive, use_color

__all__ = [
    "EXIT_BUG",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_POLICY",
    "app",
    "is_interactive",
    "main",
    "use_color",
]


def main() -> None:
    import sys

    try:
        app()
    except SystemExit as stop:
        if stop.code == EXIT_INPUT:
            _hint_dash_named_file(sys.argv[1:])
        raise


def _hint_dash_named_file(arguments: list[str]) -> None:
    """After a usage error, the way to name a file whose name starts with '-' ('-plan.md' was
    refused as 'No such option: -p', with nothing to say what to do)."""
    import sys
    from pathlib import Path

    for argument in arguments:
        if argument == "--":
            return
        if argument.startswith("-") and argument != "-" and Path(argument).exists():
            print(
                f"alignck: hint: to name the file {argument!r}, put '--' before it "
                f"('-- {argument}') or write it as ./{argument}",
                file=sys.stderr,
            )
            return
