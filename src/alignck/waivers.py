"""Waivers: gaps a partnership has accepted, so that CI does not fail on them.

A waivers file is YAML::

    waivers:
      - priority: every-child-best-chance       # a priority id (and its sub-priorities)
        document: "*transport*"                 # optional glob on path or file name
        reason: Children's services are covered by the Best Start strategy.
        expires: 2027-03-31                     # optional; after it the waiver lapses

A waived verdict is still reported as the gap or partial it is (coverage does not change);
it only stops the policies (required priorities, ``--fail-on``) from failing on it. A reason
is required so that every accepted gap says why; an expired waiver lapses with a warning, and a
waiver that applies to a document checked but matches none of its verdicts is reported so
stale entries get cleaned up.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePath, PurePosixPath

import yaml
from rapidfuzz.distance import OSA

from alignck.checkout import checkout_path
from alignck.errors import WaiverError
from alignck.model import NO_VERDICT_WAIVED, Framework, Waiver
from alignck.wording import counted, first_few
from alignck.yamlnodes import (
    Findings,
    accepted_ids,
    compose_file,
    curly_quoted,
    current_id,
    date_problem,
    day_written,
    kind,
    mapping,
    source_place,
    string,
)

_TOP_KEYS = {"waivers"}
_WAIVER_KEYS = {"priority", "document", "reason", "expires"}
# A misspelt 'document' or 'expires' ignored would waive the gap in every document, for ever.
_STRICT = "a waiver with a key it does not know could waive more than it says"
_A_WAIVERS_KEY = dict.fromkeys(
    _WAIVER_KEYS,
    "is a waiver's key, at the top of the file: indent it under its waiver, as its 'priority:' is",
)


@dataclass(frozen=True, slots=True)
class LoadedWaivers:
    waivers: tuple[Waiver, ...]
    warnings: tuple[str, ...] = ()


def load_waivers(path: str | Path, framework: Framework) -> LoadedWaivers:
    """Load and check a waivers file against the framework, or raise :class:`WaiverError`
    listing every problem as FILE:LINE:COL. Unknown keys are warnings, but in a waiver
    itself errors."""
    path = Path(path)
    shown = str(path)
    root, text = compose_file(path, WaiverError, "waivers file", "waivers")
    findings = Findings(shown, text)
    waivers = _waivers(root, findings, framework)
    if findings.errors:
        raise WaiverError(
            f"invalid waivers file ({counted(len(findings.errors), 'problem')})",
            shown,
            problems=findings.errors,
        )
    return LoadedWaivers(waivers, tuple(findings.warnings))


_LISTS_NONE = "lists no waivers, so no gap is accepted"


def _waivers(
    root: yaml.Node | None, findings: Findings, framework: Framework
) -> tuple[Waiver, ...]:
    if root is None:
        # A file blanked by mistake would quietly drop every one.
        said = f"{findings.path}: warning: the file is empty: it {_LISTS_NONE}"
        findings.marked_warnings.append((0, 0, said))
        return ()
    if not isinstance(root, yaml.MappingNode):
        findings.error(root, "", "expected a mapping with a 'waivers' list")
        return ()
    # A waiver's key slipped to the file's margin belongs to the waiver above it: ignored,
    # the waiver it should narrow ('document:') or end ('expires:') waived every document
    # for ever.
    listed = mapping(root, "", _TOP_KEYS, findings, elsewhere=_A_WAIVERS_KEY).get("waivers")
    if listed is None or (isinstance(listed, yaml.ScalarNode) and listed.tag.endswith(":null")):
        missing = "the file has no 'waivers' key: it " if listed is None else ""
        findings.warn(listed or root, "waivers", f"{missing}{_LISTS_NONE}")
        return ()
    if not isinstance(listed, yaml.SequenceNode):
        findings.error(listed, "waivers", f"expected a list of waivers, got {kind(listed)}")
        return ()
    ids = accepted_ids(framework)
    waivers = []
    for index, item in enumerate(listed.value):
        waiver = _waiver(item, f"waivers[{index}]", findings, ids)
        if waiver is not None:
            waivers.append(waiver)
    return tuple(waivers)


def _waiver(
    item: yaml.Node, where: str, findings: Findings, ids: Mapping[str, str]
) -> Waiver | None:
    if not isinstance(item, yaml.MappingNode):
        findings.error(item, where, f"expected a waiver (priority and reason), got {kind(item)}")
        return None
    fields = mapping(item, where, _WAIVER_KEYS, findings, strict=_STRICT)
    priority = string(fields.get("priority"), f"{where}.priority", findings, required=item)
    reason = string(fields.get("reason"), f"{where}.reason", findings, required=item)
    document = string(fields.get("document"), f"{where}.document", findings)
    # Every problem of the waiver said at once, not one per run of validate.
    bad = False
    if "document" in fields and not document and isinstance(fields["document"], yaml.ScalarNode):
        # 'document: ""' (a CI template's variable left empty) waived the gap in every
        # document, and looked like a waiver meant for all of them.
        findings.error(
            fields["document"],
            f"{where}.document",
            "is empty; name the document (a path, file name or glob), or leave the key out "
            "to waive the gap in every document",
        )
        bad = True
    elif curly_quoted(fields.get("document"), document, f"{where}.document", findings):
        bad = True
    expires = _date(fields.get("expires"), f"{where}.expires", findings)
    if priority is not None and priority not in ids:
        close = difflib.get_close_matches(priority, list(ids), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        node = fields["priority"]
        findings.error(node, f"{where}.priority", f"no framework priority '{priority}'{hint}")
        return None
    if bad or priority is None or reason is None:
        return None
    priority = current_id(priority, ids, fields["priority"], f"{where}.priority", findings)
    mark = item.start_mark
    source = f"{findings.path}:{mark.line + 1}:{mark.column + 1}"
    return Waiver(priority, reason, document or None, expires, source)


def _date(node: yaml.Node | None, where: str, findings: Findings) -> datetime.date | None:
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode) and (
        node.tag.endswith(":null") or not str(node.value).strip()
    ):
        # 'expires: ""' (a template's variable left empty) is blank as much as 'expires:' is.
        # A template's 'expires:' left blank made a waiver that never lapses, in silence, as
        # a blank 'document:' would have waived every document.
        findings.error(
            node,
            where,
            "is empty: give a date (YYYY-MM-DD), or leave the key out for a waiver that "
            "never lapses",
        )
        return None
    text = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
    try:
        return day_written(text)
    except ValueError:
        findings.error(node, where, date_problem(text, text or kind(node)))
        return None


def several_warning(kind: str, item: Waiver, paths: Sequence[str]) -> str | None:
    """A warning when a waiver's or review's document, written as one name without a glob
    ('strategy'), matches more than one checked document: a second file of that name in
    another folder ('icb/strategy.md' beside 'trust/strategy.md') was silently waived or
    reviewed too. None when it matches at most one, or is a glob meant for several."""
    if item.document is None:
        return None
    matched = [path for path in paths if covers(item, path)]
    # A glob is meant for several; a name with brackets that names files as written is not.
    if len(matched) < 2 or (
        any(ch in item.document for ch in "*?[") and not any(_named(item, p) for p in matched)
    ):
        return None
    # A folder ('docs/trust/') means every document in it, as the README says.
    if all(_in_folder(_reported(path), item.document) for path in matched):
        return None
    shown = ", ".join(checkout_path(path) for path in matched[:4])
    more = f" and {len(matched) - 4} more" if len(matched) > 4 else ""
    return (
        f"{item.source}: warning: {kind} of '{item.priority_id}' names '{item.document}', "
        f"which matches {len(matched)} documents ({shown}{more}); write the path of the one "
        "meant, or a glob to mean all"
    )


def across_partners_warning(
    kind: str, item: Waiver, paths: Sequence[str], partner_of: Mapping[str, str | None]
) -> str | None:
    """A warning when a waiver's or review's document names documents of two partners or
    more that --partner names (``partner_of``: each path's partner, None for a document no
    --partner names): 'Trust strategy*', written for the acute trust, also waived the mental
    health trust's new 'Trust strategy 2027' without a word. Documents no --partner names
    are not counted: a glob meant for several of them ('wolds-district-*', for every district
    council) was written for what it matches. None where it matches every document checked,
    or a folder (meant whole)."""
    if item.document is None:
        return None
    matched = [path for path in paths if covers(item, path)]
    owners: dict[str, str] = {}
    for path in matched:
        if (partner := partner_of.get(path)) is not None:
            owners.setdefault(partner.casefold(), partner)
    if len(owners) < 2 or len(matched) == len(paths):
        return None
    if all(_in_folder(_reported(path), item.document) for path in matched):
        return None
    named = sorted(owners.values())
    shown = first_few(named)
    return (
        f"{item.source}: warning: {kind} of '{item.priority_id}' names '{item.document}', "
        f"which matches documents of {len(owners)} partners ({shown}); write the path or a "
        "glob of the one partner's documents it is for"
    )


def covers(waiver: Waiver, path: str) -> bool:
    """Whether the waiver's glob matches the document's path, file name or name without
    extension (case-insensitive: CI runners and laptops differ in how they spell paths)."""
    if waiver.document is None:
        return True
    pattern = _pattern(waiver.document)
    # The path as reports show it too: 'alignck check $PWD/drafts' reports drafts/..., and a
    # glob copied from the report must still match.
    reported = _nfc(checkout_path(path.replace("\\", "/"))).lower()
    if _matches(reported, pattern) or any(_matches(n, pattern) for n in _names_of(path)):
        return True
    if _in_folder(reported, waiver.document):
        return True
    # And from the waivers file's own folder, as .gitignore reads its patterns: 'drafts/plan.md'
    # written beside 'drafts/' matched from the repository's root but not from 'drafts/',
    # so the same file passed a CI job and failed a local run, or the other way round.
    beside = _from_folder_of(waiver.source, path)
    if beside is not None and _matches(_nfc(beside).lower(), pattern):
        return True
    # An absolute path names a file wherever the run starts: 'check drafts' and 'check
    # $PWD/drafts' gave it different verdicts. Both sides are compared resolved.
    absolute = PurePath(waiver.document).is_absolute()
    if not absolute:
        return False
    whole = os.path.realpath(os.path.join(os.getcwd(), path))  # noqa: PTH109, PTH118
    folder = os.path.realpath(waiver.document.rstrip("/\\") or "/")
    return _resolved_match(waiver.document, path, os.getcwd()) or _in_folder(  # noqa: PTH109
        _pattern(whole), folder
    )


def _reported(path: str) -> str:
    """A document's path as a waiver's document is compared with it: as reports show it."""
    return _nfc(checkout_path(path.replace("\\", "/"))).lower()


def _in_folder(reported: str, document: str) -> bool:
    """Whether the document names a folder the path is in ('drafts', 'drafts/'), as a
    .gitignore line names everything under a folder: such a waiver matched nothing."""
    folder = _pattern(document.rstrip("/\\"))
    if not folder or folder in (".", "/"):
        return False
    return any(_matches(str(parent), folder) for parent in PurePosixPath(reported).parents)


@functools.lru_cache(maxsize=4096)
def _resolved_match(document: str, path: str, cwd: str) -> bool:
    """Whether an absolute document (a path or glob) names the file at ``path`` (from
    ``cwd``), each with its links resolved, as written or resolved."""
    whole = os.path.join(cwd, path)  # noqa: PTH118
    names = {_pattern(os.path.normpath(whole)), _pattern(os.path.realpath(whole))}
    patterns = {_pattern(document), _pattern(_resolved_folders(document))}
    return any(_matches(name, pattern) for name in names for pattern in patterns)


def _resolved_folders(document: str) -> str:
    """The absolute document with the folders before its first glob resolved ('/link/*.md'
    is '/real/*.md')."""
    parts = PurePath(document).parts
    plain = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), len(parts))
    if plain == 0:
        return document
    return str(PurePath(os.path.realpath(PurePath(*parts[:plain])), *parts[plain:]))


def _matches(name: str, pattern: str) -> bool:
    """The name itself, or what the glob matches: a file named 'plan [v2].md' is named by
    'plan [v2]', which as a glob is 'plan v' or 'plan 2' and matched nothing. A '**/' also
    stands for no folder, as in .gitignore and CI path filters: 'drafts/**/plan.md' names
    drafts/plan.md too."""
    if name == pattern or fnmatchcase(name, pattern):
        return True
    return any(fnmatchcase(name, form) for form in _without_some_folders(pattern))


@functools.lru_cache(maxsize=1024)
def _without_some_folders(pattern: str) -> tuple[str, ...]:
    """The pattern with each choice of its '**/' standing for no folder ('a/**/b/**/c.md':
    'a/b/**/c.md', 'a/**/b/c.md', 'a/b/c.md'): 2 to the number of them, and past eight
    (256 patterns) the first eight choose and the rest stand for a folder or more."""
    pieces = _ANY_FOLDERS.split(pattern)
    if len(pieces) == 1:
        return ()
    forms = [""]
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            forms = [form + piece for form in forms]
        elif index > 2 * _MOST_CHOICES:
            forms = [form + piece + "**/" for form in forms]
        else:  # the separator before '**/' ('' at the start, '/' after a folder) and '**/'
            forms = [form + piece + kept for form in forms for kept in ("**/", "")]
    return tuple(form for form in forms if form != pattern)


_ANY_FOLDERS = re.compile(r"((?:^|/))\*\*/")
_MOST_CHOICES = 8


def _from_folder_of(source: str, path: str) -> str | None:
    """The document's path from the folder of the file ``source`` names ('FILE:LINE:COL'),
    or None where there is no such file or the document lies outside that folder."""
    file = source_place(source)[0]
    if not file:
        return None
    return _relative_to(os.path.abspath(path), os.path.dirname(os.path.abspath(file)))  # noqa: PTH100, PTH120


@functools.lru_cache(maxsize=4096)
def _relative_to(document: str, folder: str) -> str | None:
    try:
        return PurePath(document).relative_to(folder).as_posix()
    except ValueError:
        return None


def _pattern(document: str) -> str:
    """A waiver's or review's document as it is compared with a document's names. One form
    of Unicode for both: 'Café' typed here is NFC, and a file unzipped from a Mac is named in
    NFD; the two look the same in every report."""
    return _without_dot(_nfc(document).lower().replace("\\", "/"))


def _named(item: Waiver, path: str) -> bool:
    """Whether the waiver's or review's document is one of the path's names as written, not
    as a glob matches it ('plan [v2]' for 'docs/plan [v2].md')."""
    return _pattern(item.document or "") in _names_of(path)


@functools.lru_cache(maxsize=4096)
def _names_of(path: str) -> tuple[str, ...]:
    """Every other name a waiver or review may give a document, lower-cased: its path as
    given, and each tail of it with and without its extension, down to the file name and
    stem. A report names two 'strategy' files by the shortest tail that tells them apart
    ('north/trust/strategy'), and a glob copied from the report must match."""
    pure = PurePath(path.replace("\\", "/"))
    names = [_without_dot(pure.as_posix())]
    parts = pure.parts
    for start in range(len(parts) - 1, -1, -1):
        tail = "/".join(parts[start:])
        names += [tail, tail[: -len(pure.suffix)] if pure.suffix else tail]
    return tuple(dict.fromkeys(_nfc(name).lower() for name in names))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _without_dot(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def concerns(waiver: Waiver, paths: Sequence[str]) -> bool:
    """Whether a waiver is about one of these documents: its glob matches one, or misses one
    by a typing slip ('trasport*' for transport-plan). A waiver for a document the run did
    not check is not."""
    return any(covers(waiver, path) for path in paths) or near_name(waiver, paths) is not None


def slipped_from(waiver: Waiver, paths: Sequence[str]) -> str | None:
    """The name (path, file name or stem) of the first document the waiver's glob misses by a
    typing slip, or None when it misses none that way."""
    if waiver.document is None:
        return None  # it covers every document
    pattern = waiver.document.lower().replace("\\", "/")
    literal = _GLOB_CHARACTERS.sub("", pattern)
    best, best_ratio = None, _SLIP
    for path in paths:
        pure = PurePath(path.replace("\\", "/"))
        for name in (pure.as_posix(), *_names_of(path)):
            # A trailing '*' stands for the rest of the name: compare what it leaves.
            shown = name.lower()[: len(literal)] if pattern.endswith("*") else name.lower()
            ratio = difflib.SequenceMatcher(None, literal, shown).ratio()
            # A short name has too few letters for a ratio: 'vsc' is 'vcs' with two swapped,
            # 'vcz' one letter off, at 0.67 each. One edit is a slip there.
            if len(literal) >= _SHORT_SLIP_LETTERS and OSA.distance(literal, shown) <= 1:
                ratio = max(ratio, _SLIP)
            # The nearest, not the first near enough: 'north/trust/strategy' is nearer
            # 'docs/north/trust/strategy.md' than the 'north/mh-trust/...' listed before it.
            if ratio > best_ratio or (ratio == best_ratio and best is None):
                best, best_ratio = pure.as_posix() if "/" in name else name, ratio
    return best


def near_name(waiver: Waiver, paths: Sequence[str]) -> str | None:
    """The checked document a waiver's (or review's) document most likely means: the same
    name in another format ('plan.docx' re-saved as 'plan.pdf'), else a typing slip."""
    if waiver.document is None:
        return None
    given = PurePath(_nfc(waiver.document).replace("\\", "/"))
    if given.suffix:
        for path in paths:
            pure = PurePath(_nfc(path).replace("\\", "/"))
            same_name = pure.stem.lower() == given.stem.lower()
            if same_name and pure.suffix.lower() != given.suffix.lower():
                return pure.name
    return slipped_from(waiver, paths)


# What a glob says besides its literal text; how alike a slip of the keyboard leaves them.
_GLOB_CHARACTERS = re.compile(r"[*?\[\]!]")
_SLIP = 0.8
_SHORT_SLIP_LETTERS = 3


def is_expired(waiver: Waiver, today: datetime.date) -> bool:
    return waiver.expires is not None and waiver.expires < today


def split_expired(
    waivers: Sequence[Waiver], today: datetime.date
) -> tuple[tuple[Waiver, ...], tuple[Waiver, ...]]:
    """(in force, expired)."""
    live = tuple(w for w in waivers if not is_expired(w, today))
    return live, tuple(w for w in waivers if is_expired(w, today))


def lapsed_warning(waiver: Waiver) -> str:
    return (
        f"{waiver.source}: warning: waiver for '{waiver.priority_id}' expired on "
        f"{waiver.expires}; not applied"
    )


def unused_warning(waiver: Waiver, paths: Sequence[str] = (), reason: str | None = None) -> str:
    """Why a waiver of the checked documents applied to nothing, as a warning; ``reason``
    the analysis gave, where it knows more (an earlier waiver took its verdicts)."""
    head = f"{waiver.source}: warning: waiver for '{waiver.priority_id}'"
    if misnamed(waiver, paths):
        return f"{head}: {unused_reason(waiver, paths)}"
    scope = f" in documents matching '{waiver.document}'" if waiver.document else ""
    return f"{head}{scope} {reason or unused_reason(waiver, paths)}"


def misnamed(waiver: Waiver, paths: Sequence[str]) -> bool:
    """Whether a waiver names a document, by a glob that matches none of ``paths``."""
    return waiver.document is not None and not any(covers(waiver, path) for path in paths)


def unused_reason(waiver: Waiver, paths: Sequence[str] = ()) -> str:
    """Why a waiver of the checked documents applied to nothing: its glob matched none of
    ``paths`` (naming the one it nearly matched), or what it matched has no such verdict."""
    if misnamed(waiver, paths):
        near = near_name(waiver, paths)
        hint = f"; did you mean '{near}'?" if near else ""
        return f"'{waiver.document}' matches no checked document{hint}"
    return NO_VERDICT_WAIVED
