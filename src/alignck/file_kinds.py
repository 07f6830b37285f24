"""Which of alignck's inputs a YAML (or JSON) file is, told from its top-level keys.

A file given to the wrong option (a reviews file as --waivers, the framework as --review, a
saved JSON report as either) was read as the kind the option wants: a page of 'unknown key
(ignored)' warnings, or none, and a run that carried on without the waivers or reviews meant.
Here such a file is named for what it is, with the option that takes it. A file whose keys
tell no kind is left for its loader to judge.
"""

from __future__ import annotations

import yaml

# What each kind is called in a message, and the option that takes it.
NAMES = {
    "framework": "a framework file",
    "waivers": "a waivers file",
    "reviews": "a review file",
    "report": "a saved alignck report",
}
_OPTIONS = {"framework": "-f/--framework", "waivers": "--waivers", "reviews": "--review"}


def kind_of(root: yaml.Node | None) -> tuple[str, yaml.Node] | None:
    """The kind of file ``root`` is ('framework', 'waivers', 'reviews' or 'report') with the
    key that tells it, or None when its keys tell none. A saved report holds 'framework',
    'waivers' and 'reviews' keys of its own, so it is told first; a framework's keys win
    over a stray 'waivers' key, as the framework loader reads them."""
    if not isinstance(root, yaml.MappingNode):
        return None
    keys = {str(key.value): key for key, _ in root.value}
    if "schema_version" in keys and "tool" in keys:
        return "report", keys["schema_version"]
    for kind, key in (
        ("framework", "framework"),
        ("framework", "priorities"),
        ("waivers", "waivers"),
        ("reviews", "reviews"),
    ):
        if key in keys:
            return kind, keys[key]
    return None


def _holds_key(root: yaml.Node | None, key: str) -> bool:
    return isinstance(root, yaml.MappingNode) and any(k.value == key for k, _ in root.value)


def mistaken_kind(root: yaml.Node | None, wanted: str, shown: str) -> str | None:
    """'FILE:LINE:COL: what the file is, and the option that takes it' when ``root`` is
    recognisably another kind of file than ``wanted``; else None."""
    found = kind_of(root)
    if found is None or found[0] == wanted:
        return None
    # A waivers file may say which framework it was agreed against ('framework: ICS 2025'):
    # a file holding the key of the wanted kind is that kind, whatever else it notes.
    if found[0] != "report" and _holds_key(root, wanted) and not _holds_key(root, "priorities"):
        return None
    kind, key = found
    if kind == "report":
        advice = "a report is given to --baseline, or to 'alignck diff'"
    else:
        advice = f"give it with {_OPTIONS[kind]}"
    mark = key.start_mark
    return (
        f"{shown}:{mark.line + 1}:{mark.column + 1}: {NAMES[kind]}, not {NAMES[wanted]}; {advice}"
    )
