"""Documents one partner publishes, counted as that partner.

A folder of partner documents often holds several of one organisation's: its strategy, the
summary, an Easy Read version, a delivery plan. Counted as documents, they made one trust four
partners in every overlap and a candidate for the framework 'shared' by a strategy and its own
summary. ``--partner NAME=GLOB`` (``partners`` of :func:`alignck.check`) names the documents a
partner publishes, matched as a waiver's ``document`` is (a path, a file name or name without
extension, a glob, or a folder); overlaps and shared out-of-framework priorities then count
partners. A document no partner names is a partner of its own, as it always was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath

from alignck.model import Waiver
from alignck.waivers import covers

# name -> its globs, or a glob alone, as a library caller may give them.
Given = Mapping[str, str | Sequence[str]]


def partner_globs(partners: Given | None) -> dict[str, tuple[str, ...]]:
    """A library caller's ``partners`` as name -> globs (one glob may be given as a string),
    or TypeError / ValueError naming what is wrong."""
    if partners is None:
        return {}
    if not isinstance(partners, Mapping):
        raise TypeError(f"partners must map each partner's name to its globs (got {partners!r})")
    found: dict[str, tuple[str, ...]] = {}
    for name, globs in partners.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a partner's name must be a non-empty string (got {name!r})")
        listed = (globs,) if isinstance(globs, str) else globs
        if (
            isinstance(listed, bytes)
            or not isinstance(listed, Sequence)
            or not listed
            or not all(isinstance(g, str) and g.strip() for g in listed)
        ):
            raise TypeError(
                f"partner {name!r} must be given a glob or a list of globs (got {globs!r})"
            )
        # 'Trust', 'Trust ' and 'trust' are one partner, as two --partner options of one
        # name are, under the spelling given first.
        key = next((known for known in found if known.casefold() == name.strip().casefold()), None)
        key = key or name.strip()
        found[key] = found.get(key, ()) + tuple(g.strip() for g in listed)
    return found


def partner_of_each(paths: Iterable[str], partners: Given) -> dict[str, str]:
    """Each path a partner's glob names -> that partner's name; where two partners' globs name
    one document, the first partner given keeps it (see :func:`claimed_twice`)."""
    found: dict[str, str] = {}
    grouped = partner_globs(partners)
    for path in paths:
        for name, globs in grouped.items():
            if any(_names(glob, path) for glob in globs):
                found[path] = name
                break
    return found


def unmatched(paths: Sequence[str], partners: Given) -> list[tuple[str, str]]:
    """(name, glob) for each glob that names none of ``paths``: a misspelt one would quietly
    leave the partner's documents counted apart."""
    return [
        (name, glob)
        for name, globs in partner_globs(partners).items()
        for glob in globs
        if not any(_names(glob, path) for path in paths)
    ]


def nearly_named(glob: str, paths: Sequence[str]) -> str | None:
    """What a glob that names none most likely means: the folder it names the end of, as
    the reports name documents below the run's common folder ('Riverside PCN/' for
    'submissions/Riverside PCN/'), when that names one folder; else the document it nearly
    names ('vsc-*' for 'vcs-strategy'), as a waiver's misspelt document is told."""
    from alignck.checkout import checkout_path
    from alignck.waivers import near_name

    wanted = glob.replace("\\", "/").strip("/").casefold()
    if wanted and not any(ch in wanted for ch in "*?["):
        folders = {
            str(parent) + "/"
            for path in paths
            for parent in PurePath(checkout_path(path.replace("\\", "/"))).parents
            if str(parent).casefold().endswith("/" + wanted)
        }
        if len(folders) == 1:
            return folders.pop()
    return near_name(Waiver("", "", glob), paths)


def named_apart(paths: Sequence[str], partners: Given) -> list[tuple[str, str, list[str]]]:
    """(name, glob, paths) for each glob written as one name, with no wildcard and no folder
    ('strategy'), that names documents in more than one folder: 'Trust=strategy' took the
    council's strategy.md too, silently."""
    found = []
    for name, globs in partner_globs(partners).items():
        for glob in globs:
            if any(ch in glob for ch in "*?[/\\"):
                continue
            matched = [path for path in paths if _names(glob, path)]
            folders = {str(PurePath(path.replace("\\", "/")).parent) for path in matched}
            if len(folders) > 1:
                found.append((name, glob, matched))
    return found


def claimed_twice(paths: Sequence[str], partners: Given) -> list[tuple[str, str, str]]:
    """(path, partner kept, partner also naming it) for each document two partners name."""
    found: list[tuple[str, str, str]] = []
    grouped = partner_globs(partners)
    for path in paths:
        naming = [name for name, globs in grouped.items() if any(_names(g, path) for g in globs)]
        if len(naming) > 1:
            found.extend((path, naming[0], other) for other in naming[1:])
    return found


def parse_partner(given: str) -> tuple[str, str]:
    """'Northfen Trust=nmc-*' as (name, glob); ValueError naming what is wrong."""
    name, equals, glob = given.partition("=")
    if not equals:
        raise ValueError(f"--partner takes NAME=GLOB ('Northfen Trust=nmc-*'), not {given!r}")
    if not name.strip() or not glob.strip():
        raise ValueError(f"--partner needs a name and a glob on each side of '=' (got {given!r})")
    return name.strip(), glob.strip()


def _names(glob: str, path: str) -> bool:
    return covers(Waiver("", "", glob), path)
