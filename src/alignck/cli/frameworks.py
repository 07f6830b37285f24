"""Commands for getting a framework: ``frameworks`` and ``frameworks show``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from alignck.cli.app import app, fail

frameworks_app = typer.Typer(
    help="The frameworks built into alignck, usable by name wherever a framework file goes "
    "(--framework ics-core-purposes).",
    invoke_without_command=True,
)
app.add_typer(frameworks_app, name="frameworks")


@frameworks_app.callback()
def frameworks_list(context: typer.Context) -> None:
    """List the built-in frameworks: name, title, priorities, source and licence."""
    if context.invoked_subcommand is not None:
        return
    from alignck.builtins import describe

    for item in describe():
        print(f"{item.name}: {item.title} ({item.priorities} priorities)")
        print(f"  source: {item.source}")
        print(f"  licence: {item.licence}")


@frameworks_app.command("show")
def frameworks_show(
    name: Annotated[str, typer.Argument(help="A built-in framework's name.", show_default=False)],
) -> None:
    """Print a built-in framework as YAML, to copy into a priorities.yaml and adapt."""
    from alignck.builtins import names, text_of

    text = text_of(name)
    if text is None:
        fail(f"{name}: no built-in framework of that name (there are: {', '.join(names())})")
    sys.stdout.write(text)
