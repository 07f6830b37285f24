"""Commands for getting a framework: ``frameworks``, ``frameworks show``, ``init``, ``schema``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from alignck.cli.app import (
    EXIT_OK,
    OTHER_EXIT_CODES_HELP,
    PasswordOption,
    app,
    fail,
    guarded,
    read_options,
    say,
    utf8_stdout,
)
from alignck.wording import counted

frameworks_app = typer.Typer(
    help="The frameworks built into alignck, usable by name wherever a framework file goes "
    "(--framework ics-core-purposes).",
    epilog=OTHER_EXIT_CODES_HELP,
    invoke_without_command=True,
)
app.add_typer(frameworks_app, name="frameworks")


class SchemaKind(StrEnum):
    framework = "framework"
    waivers = "waivers"
    reviews = "reviews"
    report = "report"
    diff = "diff"


@frameworks_app.callback()
def frameworks_list(context: typer.Context) -> None:
    """List the built-in frameworks: name, title, priorities, source and licence."""
    if context.invoked_subcommand is not None:
        return
    from alignck.builtins import describe

    for item in describe():
        print(f"{item.name}: {item.title} ({counted(item.priorities, 'priority', 'priorities')})")
        print(f"  source: {item.source}")
        print(f"  licence: {item.licence}")


# Listed where the name is asked for: the help named none. The folder is read, not the
# builtins module imported, which would bring PyYAML into every command's start.
_NAMES_HELP = (
    "A built-in framework's name: "
    + ", ".join(
        sorted(
            p.stem for p in (Path(__file__).parent.parent / "data" / "frameworks").glob("*.yaml")
        )
    )
    + "."
)


@frameworks_app.command("show")
def frameworks_show(
    name: Annotated[
        str,
        typer.Argument(help=_NAMES_HELP, show_default=False, metavar="NAME"),
    ],
) -> None:
    """Print a built-in framework as YAML, to copy into a priorities.yaml and adapt."""
    from alignck.builtins import names, text_of

    text = text_of(name)
    if text is None:
        fail(f"{name}: no built-in framework of that name (there are: {', '.join(names())})")
    utf8_stdout("yaml")  # a file's contents: a latin-1 locale ended in a traceback
    sys.stdout.write(text)


@app.command(epilog=OTHER_EXIT_CODES_HELP)
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="Which file's schema to print: a framework, waivers or reviews file, or the "
            "JSON report check or diff writes."
        ),
    ] = SchemaKind.framework,
) -> None:
    """Print the JSON Schema of the framework, waivers or reviews file, or of check's or
    diff's JSON report, for editors and other tools."""
    from alignck.starter import schema_path

    utf8_stdout("json")
    sys.stdout.write(schema_path(kind.value).read_text(encoding="utf-8"))


@app.command(epilog=OTHER_EXIT_CODES_HELP)
def init(
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            # alignck names a file it cannot read in one line (Typer's check stopped the run).
            readable=False,
            help="Build the priorities from this joint strategy document (PDF, Word, "
            "OpenDocument, Markdown, a web page or text): the priorities it states, with the "
            "text under each.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The framework file to create."),
    ] = Path("priorities.yaml"),
    waivers: Annotated[
        bool,
        typer.Option("--waivers", help="Also create a commented waivers.yaml beside it."),
    ] = False,
    passwords: PasswordOption = None,
) -> None:
    """Create a starter priorities.yaml (commented, with its schema for editors); never
    replaces an existing file."""
    options = read_options(passwords)

    def run() -> int:
        from alignck.errors import UsageError
        from alignck.starter import (
            first_priority_id,
            refuse_document_name,
            refuse_existing,
            starter,
            write_new,
        )

        to_stdout = str(output) == "-"
        if to_stdout and waivers:
            raise UsageError("--waivers needs a framework file to sit beside", "-o -")
        refuse_document_name(output)
        waivers_file = output.parent / "waivers.yaml"
        # Both refused before either is written: never half a pair.
        for path in () if to_stdout else (output, *((waivers_file,) if waivers else ())):
            refuse_existing(path)
        if source is not None:
            from alignck.from_strategy import framework_from_strategy

            text = framework_from_strategy(source, options)
        else:
            text = starter("framework", "priorities.yaml" if to_stdout else str(output))
        if to_stdout:
            utf8_stdout("yaml")
            sys.stdout.write(text)
            return EXIT_OK
        write_new(output, text)
        say(f"wrote {output}; next: alignck validate {output}", sys.stdout)
        if waivers:
            write_new(waivers_file, starter("waivers", output.name, first_priority_id(text)))
            say(
                f"wrote {waivers_file}; use it with: alignck check DOCS --waivers {waivers_file}",
                sys.stdout,
            )
        return EXIT_OK

    raise typer.Exit(guarded(run))
