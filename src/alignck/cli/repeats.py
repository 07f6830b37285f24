"""Options that take one value, refused when given twice.

Click keeps the last value of a repeated single-value option and says nothing, so
'--waivers shared.yaml --waivers local.yaml' applied only local.yaml and '--fail-on partial
--fail-on gap' quietly relaxed the policy. This module reads the raw arguments as Click will
(the sub-command named, '--opt=value', '-o value', '-ovalue', short flags run together, '--'
ending the options) and names the first such option given twice. It parses nothing itself:
unknown options and missing values are left for Click to report. Flags given twice are
harmless and pass.
"""

from __future__ import annotations

from typing import Any


def repeated_option(group: Any, arguments: list[str]) -> str | None:
    """The first option taking a single value that ``arguments`` give twice for the command
    they invoke under ``group``, as '--name' (or '-n/--name' when both spellings were used),
    or None."""
    command, options = group, _options_of(group)
    seen: dict[int, str] = {}
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        position += 1
        if argument == "--":
            return None
        if argument.startswith("-") and len(argument) > 1:
            named = _named_option(argument, options)
            if named is not None:
                option, spelling, value_attached = named
                if not option.multiple and _repeats(option, spelling, seen):
                    return seen[id(option)]
                position += 0 if value_attached else option.nargs
            continue
        subcommands = getattr(command, "commands", None)
        if subcommands is not None and argument in subcommands:
            command = subcommands[argument]
            options, seen = _options_of(command), {}
    return None


def _options_of(command: Any) -> dict[str, Any]:
    """The command's options by each of their spellings."""
    options: dict[str, Any] = {}
    for parameter in getattr(command, "params", ()):
        if getattr(parameter, "param_type_name", "") == "option":
            for spelling in (*parameter.opts, *parameter.secondary_opts):
                options[spelling] = parameter
    return options


def _named_option(argument: str, options: dict[str, Any]) -> tuple[Any, str, bool] | None:
    """The value-taking option an argument names, if any, with its spelling and whether its
    value is in the argument itself."""
    if argument.startswith("--"):
        spelling, equals, _ = argument.partition("=")
        option = options.get(spelling)
        return (option, spelling, bool(equals)) if _takes_value(option) else None
    for index, letter in enumerate(argument[1:], start=2):
        option = options.get(f"-{letter}")
        if option is None:
            return None  # Click will say what is wrong with it
        if _takes_value(option):
            # As Click reads '-ofile' and '-qo file': the rest of the argument is the value.
            return option, f"-{letter}", index < len(argument)
    return None


def _takes_value(option: Any) -> bool:
    return option is not None and not option.is_flag and not option.count


def _repeats(option: Any, spelling: str, seen: dict[int, str]) -> bool:
    """Note the option as given; True when it was given before (``seen`` then holds every
    spelling it was given as)."""
    earlier = seen.get(id(option))
    if earlier is None:
        seen[id(option)] = spelling
        return False
    if spelling not in earlier.split("/"):
        seen[id(option)] = "/".join(sorted((*earlier.split("/"), spelling), key=len))
    return True
