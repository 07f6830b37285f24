"""The files ``alignck init`` writes: a commented starter framework and waivers file.

Each starts with a ``yaml-language-server`` comment naming the JSON Schema shipped in the
package, so editors that read it (VS Code's YAML extension, Neovim, Helix, Zed, JetBrains)
check and complete the file as it is written. Files are created, never replaced: an existing
file is an error before anything is written. Building a framework from a strategy document is
:mod:`alignck.from_strategy`'s.
"""

from __future__ import annotations

from pathlib import Path

from alignck.errors import UsageError, os_reason
from alignck.wording import shell_quoted

SCHEMAS = Path(__file__).parent / "data" / "schema"
SCHEMA_NAMES = ("framework", "waivers")


def schema_path(kind: str) -> Path:
    return SCHEMAS / f"{kind}.schema.json"


def schema_comment(kind: str) -> str:
    """The first line of a file editors should validate against the ``kind`` schema."""
    return f"# yaml-language-server: $schema={schema_path(kind).as_uri()}\n"


STARTER_FRAMEWORK = """\
# The priorities your partnership shares. alignck checks each partner's strategy against them:
#   alignck validate priorities.yaml       (says what is wrong, and what is too thin to match)
#   alignck check partner-strategies/      (uses ./priorities.yaml when there is no --framework)
# Write each priority as its framework states it. A title alone matches unreliably: give each a
# description, and keywords or aliases partners use for it.
framework:
  name: Our joint health and wellbeing strategy    # shown in every report
  # version: "2026.1"
  # source: where this wording comes from (a URL or the strategy's title)

priorities:
  - id: best-start                   # unique; letters, digits and - _ . : /
    title: Give every child the best start in life
    description: >
      Support families from pregnancy onwards so that children are healthy, safe and ready
      for school.
    keywords: [early years, family hubs, health visiting]   # phrases partners use for it
    aliases: [start well]                                    # other names for it
    # required: true                 # a gap in any document fails the check (exit 1)

  - id: healthy-places
    title: Create healthy and sustainable places
    description: >
      Warm, safe homes, clean air and green spaces, and places that make the healthy choice
      the easy one.
    keywords: [housing, air quality, green spaces, active travel]
    # exclude: [car parking]         # passages with these phrases never count for it
    priorities:                      # sub-priorities, with the same fields
      - id: warm-homes
        title: Warm, safe and affordable homes
        description: Fewer homes with damp, mould or fuel poverty.
"""

STARTER_WAIVERS = """\
# Gaps the partnership has accepted: a waived verdict is still reported, but it fails no policy
# (--fail-on, required priorities). Use it with: alignck check DOCS --waivers waivers.yaml
waivers:
  - priority: {priority:<24} # a priority id from {framework} (checked)
    document: "*district*"           # optional glob on the document's path, name or stem
    reason: Agreed by the partnership board; covered by the partner's own separate plan.
    expires: "2027-03-31"            # optional; from the day after, the waiver lapses
"""


def starter(kind: str, framework: str = "priorities.yaml", priority: str = "healthy-places") -> str:
    """The commented starter file of ``kind``; a waivers file names ``priority``, an id of the
    ``framework`` file written beside it, so that the pair validates as written."""
    if kind == "framework":
        # The file's own name in its advice: 'validate priorities.yaml' above '-o sub/fw.yaml'
        # checked another file, or none.
        advice = "alignck validate priorities.yaml      "
        named = STARTER_FRAMEWORK.replace(
            advice, f"alignck validate {shell_quoted(framework)} ".ljust(len(advice))
        )
        return schema_comment(kind) + named
    return schema_comment(kind) + STARTER_WAIVERS.format(priority=priority, framework=framework)


def first_priority_id(framework_text: str) -> str:
    """The id of the first priority of a framework alignck wrote."""
    import yaml

    data = yaml.safe_load(framework_text)
    return str(data["priorities"][0]["id"])


def refuse_document_name(path: Path) -> None:
    """A framework written under a document's extension ('-o out.md') would be read as a
    document by the next check of its folder, and one named '.json' or with no extension is
    YAML that says it is not: each is refused before anything is written."""
    from alignck.readers import supported_suffixes

    if str(path) == "-" or path.suffix.lower() in (".yaml", ".yml"):
        return
    if path.suffix.lower() in supported_suffixes():
        raise UsageError(
            f"is named as a document ({path.suffix}); alignck init writes YAML: give a name "
            "ending in .yaml",
            str(path),
        )
    what = f"a {path.suffix} name" if path.suffix else "a name without an extension"
    raise UsageError(
        f"is {what}; alignck init writes YAML: give a name ending in .yaml ({path.stem}.yaml)",
        str(path),
    )


def refuse_existing(path: Path) -> None:
    """Raise the one-line error ``write_new`` would, before anything is written."""
    if path.exists() or path.is_symlink():
        raise UsageError(_EXISTS, str(path))


_EXISTS = (
    "already exists; alignck init never replaces a file (move it, or give another name with "
    "--output)"
)


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; an existing file (or anything else there) is never
    replaced."""
    try:
        # As check's --output: a folder named for the new file is made.
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot make its folder: {os_reason(error)}", str(path)) from None
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(_EXISTS, str(path)) from None
    except OSError as error:
        raise UsageError(f"cannot write: {error.strerror or error}", str(path)) from None
