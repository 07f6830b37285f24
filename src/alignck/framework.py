"""Load and validate the shared framework (``priorities.yaml``).

Validation walks PyYAML's node graph rather than the loaded data so that every problem can be
reported as ``FILE:LINE:COL: key.path: message``; all problems are collected before failing, so
one run shows everything to fix. Unknown keys are warnings, not errors. This module reads the
framework file and nothing else.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from alignck.errors import FrameworkError, not_utf8, os_reason
from alignck.files import near_name, open_regular, special_file
from alignck.model import Framework, Priority, Thresholds
from alignck.shapes import PRIORITY_KEYS, TOP_KEYS, normalise, written_without_dash
from alignck.wording import counted
from alignck.yamlnodes import (
    Findings,
    Refused,
    any_yaml_error,
    boolean,
    compose,
    kind,
    mapping,
    scalar_text,
    string,
    string_list,
    yaml_text,
)

_TOP_KEYS = set(TOP_KEYS)
# source and licence: where a framework's wording comes from (every built-in one says).
_FRAMEWORK_KEYS = {"name", "version", "description", "source", "licence"}
_PRIORITY_KEYS = set(PRIORITY_KEYS)
_THRESHOLD_KEYS = {"aligned", "partial"}
# A priority's keys written at the top of the file: its indentation slipped, and ignored,
# what they hold (a priority's keywords) would be lost.
# ('title' and 'description' may be the framework's own, which belong under 'framework:'.)
_PRIORITY_KEYS_AT_THE_TOP = dict.fromkeys(
    ("id", "keywords", "aliases", "exclude", "required", "formerly"),
    "is a priority's key, at the top of the file: indent it under its priority",
)
# The file's own keys, indented into a priority: ignored there, 'themes: false' left the
# themes on with only 'unknown key' said.
_MISPLACED_TOP_KEY = (
    "is a key of the whole file, inside a priority: move it to the top of the file, unindented"
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$")


def _misplaced_top_keys(item: yaml.MappingNode) -> dict[str, str]:
    """The file's own keys written inside a priority with the shape they have at the top
    ('themes: false', 'thresholds: {aligned: 0.6}'): errors, where they belong is plain. The
    same name with another shape ('themes: [prevention]', a tag of the author's own) stays
    an unknown key, ignored with a warning, as before."""
    found: dict[str, str] = {}
    for key_node, value in item.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key == "themes" and isinstance(value, yaml.ScalarNode) and value.tag.endswith(":bool"):
            found[key] = _MISPLACED_TOP_KEY
        elif key in ("thresholds", "framework") and isinstance(value, yaml.MappingNode):
            inner = {k.value for k, _ in value.value if isinstance(k, yaml.ScalarNode)}
            wanted = {"aligned", "partial"} if key == "thresholds" else {"name"}
            if inner & wanted:
                found[key] = _MISPLACED_TOP_KEY
    return found


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of validating a framework file: the framework if usable, and all findings."""

    framework: Framework | None
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    # How well a valid framework will match (thin priorities): for 'validate' to show.
    advice: tuple[str, ...] = ()


def load_framework(path: str | Path, shown: str | None = None) -> Framework:
    """Load a valid framework or raise :class:`FrameworkError` listing every problem.
    ``path`` is a framework file or, as ``--framework`` takes it, a built-in framework's name
    ('ics-core-purposes', 'builtin:sdgs'); ``shown`` is the name messages and reports give
    the file (a built-in's name)."""
    path = Path(path)
    if shown is None:
        from alignck.builtins import locate

        # As check() and the CLI take it: the error for a built-in's name listed the
        # built-ins, yet loading one by name here failed.
        located = locate(path)
        path, shown = located.path, located.shown
    result = validate(path, shown)
    if result.framework is None:
        # The warnings too, as notes: an ignored 'our priorities:' key is what explains a
        # missing 'priorities', as validate shows.
        # The first problem in the message itself: a traceback's last line (a notebook's)
        # said only 'invalid framework (1 problem)', the cause hidden in ``problems``.
        where = shown or str(path)
        more = len(result.errors) - 1
        also = f" (and {counted(more, 'more problem')})" if more else ""
        line, column, said = _placed(result.errors[0], where) if result.errors else (None, None, "")
        raise FrameworkError(
            f"invalid framework: {said}{also}",
            where,
            problems=list(result.errors),
            line=line,
            column=column,
            notes=list(result.warnings),
        )
    return result.framework


def validate(path: str | Path, shown: str | None = None) -> Validation:
    """Every problem, warning and piece of advice of a framework file, and the framework when
    it is valid; nothing is raised for what is wrong with the file."""
    path = Path(path)
    shown = shown or str(path)
    if special := special_file(path):
        return Validation(None, (f"{shown}: {special}",), ())
    try:
        with open_regular(path) as handle:
            data = handle.read()
        text = yaml_text(data)
    except FileNotFoundError:
        return Validation(None, (f"{shown}: {_not_found(shown)}",), ())
    except UnicodeDecodeError as error:
        from alignck.readers._sniff import signature_of

        if document := signature_of(data):
            from alignck.wording import shell_quoted

            # A strategy given as the framework: saving it as UTF-8 would not help. The
            # command is quoted as a shell needs it, to be pasted as it stands; a workbook or
            # a slide deck, which init cannot read, is only named.
            said = f"{shown}: {document[0]}, not a framework file"
            named = path.suffix.lower()
            if document[1] is not None and (
                named == document[1] or (named, document[1]) == (".docm", ".docx")
            ):
                said += (
                    "; build a framework from a strategy with: alignck init --from "
                    f"{shell_quoted(str(path))}"
                )
            elif document[1] is not None:
                # Named as something else (a PDF saved as priorities.yaml): init reads a
                # document by its name, so the name comes first.
                renamed = shell_quoted(str(path.with_suffix(document[1])))
                said += (
                    f"; name it {document[1]}, then build a framework from it with: "
                    f"alignck init --from {renamed}"
                )
            return Validation(None, (said,), ())
        line, column, problem = not_utf8(data, error)
        return Validation(None, (f"{shown}:{line}:{column}: {problem}",), ())
    except OSError as error:
        return Validation(None, (f"{shown}: cannot read framework file: {os_reason(error)}",), ())
    try:
        root = compose(text, shown)
    except Refused as refused:
        return Validation(None, (str(refused),), ())
    except yaml.YAMLError as error:
        if _a_document(path, None) and not _FRAMEWORK_KEY_LINE.search(text):
            # A Markdown strategy whose text is not even YAML ('- item' after a paragraph):
            # the mix-up, not where PyYAML gave up. A framework saved as .txt with a slip
            # in it has its keys, and gets the slip.
            return Validation(None, (_a_document_said(shown, path),), ())
        return Validation(None, (any_yaml_error(shown, error, text),), ())
    other = _other_kind_of_file(root)
    if other is not None:
        return Validation(None, (f"{shown}:1:1: {other}",), ())
    if _a_document(path, root):
        # Markdown reads as YAML text (its headings as comments): the error was 'expected a
        # mapping' at some line, with no word of the mix-up.
        return Validation(None, (_a_document_said(shown, path),), ())
    findings = Findings(shown, text)
    if root is not None:
        _warn_of_cut_texts(root, text, findings)
        root = normalise(root, findings)
    framework = _framework(root, findings, shown)
    if findings.errors or framework is None:
        return Validation(None, tuple(findings.errors), tuple(findings.warnings))
    digest = hashlib.sha256(data).hexdigest()
    return Validation(
        replace(framework, sha256=digest), (), tuple(findings.warnings), tuple(findings.advice)
    )


def _warn_of_cut_texts(root: yaml.Node, text: str, findings: Findings) -> None:
    """A title pasted as 'Priority 3 #housing' is read as 'Priority 3': in YAML an unquoted
    ' #' starts a comment. Said where the text is cut, since nothing else would show it."""
    lines = text.split("\n")
    pending: list[yaml.Node] = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            pending.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.value:
            end = node.end_mark
            rest = lines[end.line][end.column :] if end.line < len(lines) else ""
            comment = rest.lstrip()
            # Only a '#' one space after the text, as in pasted text: a comment set apart by
            # two spaces or more is the file's own note.
            if comment.startswith("#") and len(rest) - len(comment) == 1:
                findings.warn(
                    node,
                    "",
                    f"'{node.value}' is cut at ' {comment[:20]}': an unquoted ' #' starts a "
                    f'YAML comment; quote the whole text to keep it ("{node.value} '
                    f'{comment[:20]}")',
                )


_FRAMEWORK_KEY_LINE = re.compile(r"^\s*(?:priorities|framework)\s*:", re.MULTILINE)


def _a_document_said(shown: str, path: Path) -> str:
    from alignck.wording import shell_quoted

    return (
        f"{shown}: a document, not a framework file; build a framework from a strategy "
        f"with: alignck init --from {shell_quoted(str(path))}"
    )


def _a_document(path: Path, root: yaml.Node | None) -> bool:
    """A Markdown or text strategy given as the framework: it reads as YAML text, not as a
    mapping or a list of priorities."""
    text_suffix = path.suffix.lower() in (".md", ".markdown", ".txt", ".text")
    return text_suffix and not isinstance(root, yaml.MappingNode | yaml.SequenceNode)


def _other_kind_of_file(root: yaml.Node | None) -> str | None:
    """What a waivers or review file, or a saved report, given as a framework is, said as
    such: read as a framework it gives a page of unknown keys and no hint of the mix-up."""
    from alignck.file_kinds import NAMES, kind_of

    found = kind_of(root)
    if found is None or found[0] == "framework":
        return None
    other = found[0]
    if other == "report":
        return (
            f"{NAMES[other]}, not a framework; a report is given to --baseline, or to "
            "'alignck diff'"
        )
    option = {"waivers": "--waivers", "reviews": "--review"}[other]
    return (
        f"a {other} file, not a framework; check it against its framework with "
        f"'alignck validate FRAMEWORK {option} FILE'"
    )


def _not_found(shown: str) -> str:
    from alignck.builtins import PREFIX, names

    if shown.startswith(PREFIX):
        # 'builtin:' only ever names a built-in framework: no file was looked for.
        return (
            f"no built-in framework of that name ({', '.join(names())}; see 'alignck frameworks')"
        )
    if shown.startswith("ramework"):
        # '-framework x' is '-f ramework' and an argument 'x': one dash for a long option.
        return f"framework file not found; for the option, write --framework{shown[8:]}"
    near = near_name(Path(shown), (".yaml", ".yml"))
    return f"framework file not found{near}{_builtin_hint(shown)}"


def _placed(problem: str, where: str) -> tuple[int | None, int | None, str]:
    """'f.yaml:3:3: what' as (3, 3, 'what'): the error's line and column are its own (a
    caller reads them, and its message reads 'f.yaml:3:3: invalid framework: what')."""
    rest = problem.removeprefix(where)
    place = re.match(r":(\d+):(\d+): ", rest)
    if place:
        return int(place.group(1)), int(place.group(2)), rest[place.end() :]
    return None, None, rest.removeprefix(": ") if rest != problem else problem


def _builtin_hint(shown: str) -> str:
    from alignck.builtins import names

    if "/" in shown or shown.endswith((".yaml", ".yml")):
        return ""
    return f", nor a built-in framework ({', '.join(names())}; see 'alignck frameworks')"


def _indented_priorities(meta: yaml.MappingNode) -> yaml.Node | None:
    """The 'priorities' key of a 'framework:' block, where one was indented into it."""
    return next((key for key, _ in meta.value if key.value == "priorities"), None)


def _framework(root: yaml.Node | None, findings: Findings, path: str) -> Framework | None:
    if root is None:
        findings.marked_errors.append((0, 0, f"{path}: framework file is empty"))
        return None
    if not isinstance(root, yaml.MappingNode):
        findings.error(root, "", "expected a mapping with 'framework' and 'priorities' keys")
        return None
    # 'priority:' at the top is 'priorities' in another form: nothing else could be meant.
    top = mapping(
        root,
        "",
        _TOP_KEYS,
        findings,
        elsewhere=_PRIORITY_KEYS_AT_THE_TOP,
        singular=True,
        nested=PRIORITY_KEYS,
    )
    meta = top.get("framework")
    name, version, description, source, licence = None, None, None, None, None
    misplaced = None
    if meta is None:
        # A name is all the block must give, and the file's own name serves: requiring the
        # block stopped people at their first framework.
        name = Path(path).name
        findings.note(root, f"no 'framework:' block with a name; named '{name}' after its file")
    elif isinstance(meta, yaml.MappingNode):
        misplaced = _indented_priorities(meta) if top.get("priorities") is None else None
        known = _FRAMEWORK_KEYS | ({"priorities"} if misplaced is not None else set())
        fields = mapping(meta, "framework", known, findings)
        name = string(fields.get("name"), "framework.name", findings, required=meta)
        version = scalar_text(fields.get("version"), "framework.version", findings)
        description = string(fields.get("description"), "framework.description", findings)
        source = string(fields.get("source"), "framework.source", findings) or None
        licence = string(fields.get("licence"), "framework.licence", findings) or None
    else:
        findings.error(meta, "framework", "expected a mapping with at least 'name'")
    thresholds = _thresholds(top.get("thresholds"), findings)
    themes_node = top.get("themes")
    themes = themes_node is None or boolean(themes_node, "themes", findings)
    priorities: list[Priority] = []
    listed = top.get("priorities")
    if listed is None and misplaced is not None:
        # Said where it is, once: not an unknown key of 'framework' and a missing one.
        findings.error(
            misplaced,
            "framework.priorities",
            "'priorities' is indented under 'framework:' but belongs at the top level: start "
            "'priorities:' at the beginning of its line, as 'framework:' is, and move its list "
            "left with it",
        )
    elif listed is None:
        findings.error(root, "priorities", "missing required key 'priorities'")
    else:
        seen = _Seen()
        _priorities(listed, "priorities", None, 0, findings, priorities, seen)
        _warn_of_sisters_worded_alike(seen.wordings, findings)
        _warn_of_words_for_every_priority(priorities, seen.words, findings)
        _check_former_ids(priorities, seen.formerly, findings)
        if isinstance(listed, yaml.SequenceNode) and not listed.value:
            findings.error(listed, "priorities", "the framework lists no priorities")
    if findings.errors:
        return None
    return Framework(
        name or "",
        path,
        tuple(priorities),
        version,
        description,
        thresholds,
        tuple(findings.warnings),
        themes,
        source=source,
        licence=licence,
    )


def _thresholds(node: yaml.Node | None, findings: Findings) -> Thresholds | None:
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        findings.error(node, "thresholds", "expected a mapping with 'aligned' and 'partial'")
        return None
    fields = mapping(node, "thresholds", _THRESHOLD_KEYS, findings)
    default = Thresholds()
    values = {"aligned": default.aligned, "partial": default.partial}
    for key, value in fields.items():
        number = _fraction(value, f"thresholds.{key}", findings)
        if number is not None:
            values[key] = number
    if values["partial"] < _LOW_PROBABILITY:
        # Thresholds were word scores (0.085, 0.2) before the fitted decision; as the
        # probabilities they now are, such values would call nearly everything addressed.
        findings.warn(
            node,
            "thresholds.partial",
            f"{values['partial']:g} is a very low probability: thresholds are the fitted "
            "decision's probabilities (default 0.5), and this calls nearly every priority "
            "partial",
        )
    return Thresholds(values["aligned"], values["partial"])


_LOW_PROBABILITY = 0.2


def _fraction(node: yaml.Node, where: str, findings: Findings) -> float | None:
    try:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":bool"):
            raise ValueError
        number = float(node.value)
    except ValueError:
        got = repr(node.value) if isinstance(node, yaml.ScalarNode) else kind(node)
        findings.error(node, where, f"expected a number between 0 and 1, got {got}")
        return None
    if not 0.0 <= number <= 1.0:
        findings.error(node, where, f"expected a number between 0 and 1, got {node.value}")
        return None
    return number


def _priorities(
    node: yaml.Node,
    where: str,
    parent: str | None,
    depth: int,
    findings: Findings,
    out: list[Priority],
    seen: _Seen,
    inherited_exclude: tuple[str, ...] = (),
) -> None:
    if isinstance(node, yaml.MappingNode) and written_without_dash(node):
        first = node.value[0][0]
        findings.error(
            first,
            where,
            f"expected a list of priorities, got one priority's fields written without '- ': "
            f"start its first line ('{first.value}: ...') with '- ', indented under "
            f"'{where.rpartition('.')[2] or where}:'",
        )
        return
    if not isinstance(node, yaml.SequenceNode):
        findings.error(node, where, f"expected a list of priorities, got {kind(node)}")
        return
    for index, item in enumerate(node.value):
        here = f"{where}[{index}]"
        if not isinstance(item, yaml.MappingNode):
            findings.error(
                item, here, f"expected a priority (a mapping with id and title), got {kind(item)}"
            )
            continue
        fields = mapping(
            item,
            here,
            _PRIORITY_KEYS,
            findings,
            elsewhere=_misplaced_top_keys(item),
            nested=PRIORITY_KEYS,
        )
        priority_id = _priority_id(item, fields.get("id"), here, findings, seen)
        title = string(fields.get("title"), f"{here}.title", findings, required=item)
        _refuse_title_without_words(fields.get("title"), here, title, findings)
        _warn_if_curly_quoted(fields.get("title"), f"{here}.title", title, findings)
        priority = Priority(
            id=priority_id or "",
            # A title is one line: a YAML block scalar's line break showed in a terminal
            # table as a second priority.
            title=" ".join((title or "").split()),
            description=string(fields.get("description"), f"{here}.description", findings) or "",
            keywords=string_list(fields.get("keywords"), f"{here}.keywords", findings),
            aliases=string_list(fields.get("aliases"), f"{here}.aliases", findings),
            # A parent's exclusions hold for its parts: a passage that may not count for
            # the whole may not count for a part of it either.
            exclude=tuple(
                dict.fromkeys(
                    (
                        *inherited_exclude,
                        *string_list(fields.get("exclude"), f"{here}.exclude", findings),
                    )
                )
            ),
            required=boolean(fields.get("required"), f"{here}.required", findings),
            parent=parent,
            depth=depth,
            formerly=string_list(fields.get("formerly"), f"{here}.formerly", findings),
        )
        if priority.formerly:
            seen.formerly.append((priority.id, here, fields["formerly"]))
        out.append(priority)
        for name in ("keywords", "aliases"):
            words = fields.get(name)
            if isinstance(words, yaml.SequenceNode):
                # Only the words string_list took: a blank or null one is an error already.
                seen.words.extend(
                    (priority.id, f"{here}.{name}[{i}]", node)
                    for i, node in enumerate(words.value)
                    if isinstance(node, yaml.ScalarNode)
                    and not node.tag.endswith(":null")
                    and str(node.value).strip()
                )
        _warn_if_title_repeated(fields.get("title"), here, priority.title, findings, seen.titles)
        seen.wordings.append((_wording(here, item, priority), item, here))
        _warn_if_excluded_by_itself(fields.get("exclude"), here, priority, findings)
        _warn_if_excluded_by_its_parent(item, here, priority, inherited_exclude, findings)
        children = fields.get("priorities")
        _advise_if_thin(item, here, priority, children is not None, findings)
        _warn_if_nothing_to_match(item, here, priority, findings)
        if isinstance(children, yaml.SequenceNode) and not children.value:
            # The schema refuses it; validate named nothing.
            findings.warn(
                children,
                f"{here}.priorities",
                "an empty list of sub-priorities: list them, or leave the key out",
            )
        elif children is not None:
            _priorities(
                children,
                f"{here}.priorities",
                priority.id or None,
                depth + 1,
                findings,
                out,
                seen,
                priority.exclude,
            )


class _Wording(NamedTuple):
    """A priority's words (title, description, keywords, aliases), its title's words, its
    title as compared for a repeat, where it is, and its parent's id."""

    words: frozenset[str]
    title: frozenset[str]
    named: str
    where: str
    parent: str | None


@dataclass
class _Seen:
    """Where each id and each title was first given (ids exactly, titles case- and
    space-blind), for naming the first beside a repeat."""

    ids: dict[str, str] = field(default_factory=dict)
    # The first id of each case-folded spelling, for a second that differs only in case.
    folded_ids: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    # Each priority's wording and its node, in file order: to find two sisters worded alike.
    wordings: list[tuple[_Wording, yaml.Node, str]] = field(default_factory=list)
    # Each keyword and alias: (its priority's id, where, its node).
    words: list[tuple[str, str, yaml.ScalarNode]] = field(default_factory=list)
    # Each priority's 'formerly': (its id, where, its node).
    formerly: list[tuple[str, str, yaml.Node]] = field(default_factory=list)


def _check_former_ids(
    priorities: list[Priority], formerly: list[tuple[str, str, yaml.Node]], findings: Findings
) -> None:
    """An id a priority had before must be no priority's now, nor another's before: a waiver
    or an earlier run naming it must mean one priority."""
    current = {p.id for p in priorities}
    claimed: dict[str, str] = {}
    for owner, where, node in formerly:
        for old in next(p for p in priorities if p.id == owner).formerly:
            if old in current:
                findings.error(
                    node, f"{where}.formerly", f"'{old}' is the id of a priority of this framework"
                )
            elif old in claimed and claimed[old] != owner:
                findings.error(
                    node,
                    f"{where}.formerly",
                    f"'{old}' is also given as a former id of '{claimed[old]}'",
                )
            claimed.setdefault(old, owner)


def _warn_of_words_for_every_priority(
    priorities: list[Priority], words: list[tuple[str, str, yaml.ScalarNode]], findings: Findings
) -> None:
    """A keyword or alias that another priority's title is, or whose words most priorities
    use ('health' in a health framework, 'we will'), matches every document that speaks of
    them: a tester's 'Housing' with keyword 'health' was aligned in every document."""
    from alignck.language import terms

    if len(priorities) < 3:
        return
    # A priority without a title (an error already) has none for a word to be.
    titles = {" ".join(p.title.lower().split()): p.id for p in priorities if p.title}
    wording = {p.id: set(terms(f"{p.title} {p.description}", topical=False)) for p in priorities}
    common: dict[str, list[tuple[yaml.ScalarNode, str, str, int]]] = {}
    for owner, where, node in words:
        text = str(node.value)
        other = titles.get(" ".join(text.lower().split()))
        if other is not None and other != owner:
            findings.warn(
                node, where, f"'{text}' is the title of '{other}': it will match that priority"
            )
            continue
        found = terms(text, topical=False)
        if not found:
            findings.warn(
                node, where, f"'{text}' has no word that says what it is about: it matches anything"
            )
            continue
        sharing = [pid for pid, said in wording.items() if pid != owner and set(found) <= said]
        if len(sharing) * 2 >= len(priorities):
            common.setdefault(text.casefold(), []).append((node, where, text, len(sharing)))
    for said in common.values():
        _warn_of_common_words(said, len(priorities), findings)


# A word most priorities use, given to many as a keyword (a framework merged from one
# template), is warned of at its first places and then once for the rest, not once a line.
_COMMON_WORD_PLACES = 2


def _warn_of_common_words(
    places: list[tuple[yaml.ScalarNode, str, str, int]], priorities: int, findings: Findings
) -> None:
    for node, where, text, sharing in places[:_COMMON_WORD_PLACES]:
        findings.warn(
            node,
            where,
            f"'{text}' is in the wording of {sharing} of the framework's {priorities} "
            "priorities: it matches whatever speaks of any of them; use a phrase partners use "
            "for this priority alone",
        )
    rest = places[_COMMON_WORD_PLACES:]
    if rest:
        node, where, text, _ = rest[0]
        lines = ", ".join(str(n.start_mark.line + 1) for n, *_ in rest)
        findings.warn(
            node,
            where,
            f"'{text}' is given to {len(rest)} more priorities too, with the same problem "
            f"(lines {lines})",
        )


def _refuse_title_without_words(
    node: yaml.Node | None, where: str, title: str | None, findings: Findings
) -> None:
    """A title of no letter or digit ('🏠', '—') gives matching no word to find it by:
    validate called it ok, advising on its 'one word', though no document could name it."""
    if node is None or not title or any(character.isalnum() for character in title):
        return
    findings.error(
        node,
        f"{where}.title",
        f"'{title}' has no letter or digit: alignck matches a priority on the words of its "
        "title, and this one has none; write its name in words (a symbol may stay beside them)",
    )


_CURLY_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"))


def _warn_if_curly_quoted(
    node: yaml.Node | None, where: str, text: str | None, findings: Findings
) -> None:
    """A title pasted from Word with its curly quotes ('“Start well”') shows them in every
    report: YAML quotes are straight, and curly ones are part of the text."""
    if node is None or not text:
        return
    stripped = text.strip()
    inner = stripped[1:-1]
    # Wrapped, not quoting a word at each end ('“Healthy” homes and “warm streets”').
    if any(
        stripped.startswith(a) and stripped.endswith(b) and a not in inner and b not in inner
        for a, b in _CURLY_PAIRS
    ):
        findings.warn(
            node,
            where,
            f"{stripped!r} is wrapped in curly quotes (pasted from Word?), which every report "
            "will show; remove them, or quote it with straight ones",
        )


def _warn_if_title_repeated(
    node: yaml.Node | None, where: str, title: str, findings: Findings, seen: dict[str, str]
) -> None:
    """Two priorities of one title cannot be told apart in a report, nor by the matcher."""
    if node is None or not title:
        return
    key = " ".join(title.lower().split())
    if key in seen:
        findings.warn(node, f"{where}.title", f"the same title as {seen[key]}")
    else:
        seen[key] = f"{where} (line {node.start_mark.line + 1})"


# Share of their words (title, description, keywords and aliases) from which two sister
# priorities are worded alike, and fewest words a priority has for the comparison to say much.
_WORDED_ALIKE = 0.8
_FEWEST_WORDS = 3


def _wording(where: str, node: yaml.Node, priority: Priority) -> _Wording:
    from alignck.language import terms

    texts = [priority.title, priority.description, *priority.keywords, *priority.aliases]
    return _Wording(
        frozenset(t for text in texts if text for t in terms(text)),
        frozenset(terms(priority.title)),
        priority.title.casefold(),
        f"{where} (line {node.start_mark.line + 1})",
        priority.parent,
    )


def _warn_of_sisters_worded_alike(
    wordings: list[tuple[_Wording, yaml.Node, str]], findings: Findings
) -> None:
    """Two sister priorities worded almost alike ('Improve mental health and emotional
    wellbeing', 'Improve emotional wellbeing and mental health', merging two boards' lists):
    a passage about one is as much about the other, no commitment is clearly about either,
    and both fall to partial where one alone was aligned. Each is compared with the sisters
    before it in the file, and warned of beside the first it is worded as.

    Only sisters whose titles share a word of their prefix are compared (prefix filtering for
    set similarity: words ordered rarest first, a title's prefix is all but the words it
    could lose and still be alike, so two titles alike share a word of their prefixes): every
    pair of 8,000 indicators took longer than reading the documents."""
    rarity = Counter(word for wording, *_ in wordings for word in wording.title)
    # Sisters' prefixes, by parent and word: each holds the positions of earlier priorities.
    prefixes: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for position, (here, node, where) in enumerate(wordings):
        prefix = sorted(here.title, key=lambda word: (rarity[word], word))
        prefix = prefix[: len(prefix) - math.ceil(_TITLES_IN_PART * len(prefix)) + 1]
        if len(here.words) >= _FEWEST_WORDS:
            size = len(here.title)
            earlier = sorted({i for word in prefix for i in prefixes[(here.parent, word)]})
            for other in (wordings[i][0] for i in earlier):
                # The titles' share of words, first: most candidates fall short of it.
                common = len(here.title & other.title)
                if common < _TITLES_IN_PART * (size + len(other.title) - common):
                    continue
                # The same title is warned of on its own line.
                if here.named != other.named and _alike(here, other):
                    findings.warn(
                        node,
                        where,
                        f"worded almost as {other.where} is: a passage about one is as much "
                        "about the other, so neither can be clearly committed to and both may "
                        "fall to partial; say in each what tells it apart (who it is for, what "
                        "it covers), or merge them",
                    )
                    break
        for word in prefix:
            prefixes[(here.parent, word)].append(position)


def _alike(one: _Wording, other: _Wording) -> bool:
    """Worded almost alike: the titles, whatever the descriptions say (one described and its
    twin not, 'Reduce smoking for all ethnic minority communities', was missed), or the whole
    wording where the titles are alike at least in part (a merged framework's descriptions
    written from one template make different titles' wordings alike)."""

    def share(a: frozenset[str], b: frozenset[str]) -> float:
        return len(a & b) / len(a | b) if a | b else 0.0

    titles = share(one.title, other.title)
    if min(len(one.title), len(other.title)) >= _FEWEST_WORDS and titles >= _WORDED_ALIKE:
        return True
    return share(one.words, other.words) >= _WORDED_ALIKE and titles >= _TITLES_IN_PART


# Titles sharing this much of their words may be twins whose whole wordings decide.
_TITLES_IN_PART = 0.5


def _warn_if_excluded_by_itself(
    node: yaml.Node | None, where: str, priority: Priority, findings: Findings
) -> None:
    """An excluded phrase found in the priority's own title, keywords or aliases stops every
    passage that names the priority from counting for it: with 'exclude: [housing]' under
    'Better housing', a plan promising better housing was a gap."""
    if not isinstance(node, yaml.SequenceNode):
        return
    from alignck.language import excluded_words, holds_phrase

    own = [("title", priority.title)]
    own += [("keyword", k) for k in priority.keywords] + [("alias", a) for a in priority.aliases]
    for item in node.value:
        phrase = item.value if isinstance(item, yaml.ScalarNode) else None
        excluded = excluded_words(phrase) if isinstance(phrase, str) else ()
        if isinstance(phrase, str) and not excluded:
            findings.warn(
                item, f"{where}.exclude", f"'{phrase}' has no words, so it excludes nothing"
            )
            continue
        found = next(
            (
                f"{kind} '{text}'"
                for kind, text in own
                if holds_phrase(excluded_words(text), excluded)
            ),
            None,
        )
        if found:
            findings.warn(
                item,
                f"{where}.exclude",
                f"'{phrase}' is in the priority's own {found}: passages that name the priority "
                "would never count for it",
            )


def _warn_if_excluded_by_its_parent(
    item: yaml.Node, where: str, priority: Priority, inherited: tuple[str, ...], findings: Findings
) -> None:
    """A parent's exclusions hold for its parts: one found in a part's title stops it counting
    ('exclude: [housing]' above 'Better housing for older residents')."""
    if not inherited or not priority.title:
        return
    from alignck.language import excluded_words, holds_phrase

    title = excluded_words(priority.title)
    for phrase in inherited:
        if holds_phrase(title, excluded_words(phrase)):
            findings.warn(
                item,
                f"{where}.title",
                f"its parent's exclude '{phrase}' is in this sub-priority's title: passages "
                "that name it would never count for it",
            )


def _warn_if_nothing_to_match(
    item: yaml.Node, where: str, priority: Priority, findings: Findings
) -> None:
    """A priority none of whose words alignck reads (a title in Greek or Japanese: it matches
    English words) can only ever be a gap, beside others that match; a file of nothing but
    such priorities is refused when it is checked."""
    from alignck.language import terms

    texts = [priority.title, priority.description or "", *priority.keywords, *priority.aliases]
    written = "".join(texts)
    # Only words in another script: a title of stop words ('Our aims') is advised on apart.
    other_script = any(c.isalpha() and not c.isascii() for c in written)
    if not other_script or any(terms(text) for text in texts):
        return
    findings.warn(
        item,
        where,
        f"priority '{priority.title}' has no word alignck can match on (it reads English): "
        "every document would leave it a gap; give it English keywords or aliases",
    )


def _advise_if_thin(
    item: yaml.Node, where: str, priority: Priority, has_children: bool, findings: Findings
) -> None:
    """A title alone gives matching a few words to go on: say what to add."""
    if has_children or priority.description or priority.keywords or priority.aliases:
        return
    if not priority.title:
        return
    from alignck.language import terms

    short = " (one word, which many unrelated sentences share)" if " " not in priority.title else ""
    if not terms(priority.title) and terms(priority.title, topical=False):
        # 'Good work': words every strategy uses ('we will work with ...'), which matching
        # by words leaves out; only meaning can find it.
        short = (
            " (words every strategy uses, which matching by words leaves out: with "
            "--matcher lexical every document leaves it a gap)"
        )
    # Said in full once: a framework of 150 indicators, most of them titles alone, gave the
    # same two lines of advice 47 times.
    advice = (
        "add a description, keywords or aliases, as above"
        if "thin" in findings.advised
        else "add a 'description' (a sentence or two on what the partnership means by it), "
        "'keywords' (phrases partners use for it) or 'aliases' (other names for it)"
    )
    findings.advised.add("thin")
    findings.advise(
        item,
        where,
        f"priority '{priority.title}' [{priority.id}] has only its title to match on{short}; "
        f"{advice}",
    )


def _first_bad_character(value: str) -> str:
    """Where an id goes wrong, named so it can be found: a non-breaking space or an en dash
    pasted from Word looks like the character it stands in for."""
    import unicodedata

    for index, character in enumerate(value):
        allowed = character.isascii() and (character.isalnum() or character in "-_.:/")
        if not allowed or (index == 0 and not character.isalnum()):
            name = unicodedata.name(character, "a control character").lower()
            return f" (U+{ord(character):04X} {name}, character {index + 1})"
    return ""


def _priority_id(
    item: yaml.Node, node: yaml.Node | None, where: str, findings: Findings, seen: _Seen
) -> str | None:
    if node is None:
        findings.error(item, f"{where}.id", "missing required key 'id'")
        return None
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
        findings.error(node, f"{where}.id", f"expected an id string, got {kind(node)}")
        return None
    value = str(node.value).strip()
    if not _ID.match(value):
        findings.error(
            node,
            f"{where}.id",
            f"invalid id '{value}'{_first_bad_character(value)}: start with a letter or digit, "
            "then use only A-Z, a-z, 0-9 and - _ . : / (no spaces or accents)",
        )
        return None
    if value in seen.ids:
        findings.error(
            node, f"{where}.id", f"duplicate id '{value}' (first used at {seen.ids[value]})"
        )
        return None
    alike = seen.folded_ids.setdefault(value.lower(), value)
    if alike != value:
        # Waivers and reviews name priorities by id, and a slip of the shift key names the
        # other one; reports show the two as if one were written twice.
        findings.warn(
            node,
            f"{where}.id",
            f"id '{value}' differs only in case from '{alike}' ({seen.ids[alike]}): a waiver "
            "or review naming one is easily written for the other",
        )
    seen.ids[value] = f"line {node.start_mark.line + 1}"
    return value


def framework_to_dict(framework: Framework) -> dict[str, Any]:
    """The framework summary every report carries."""
    return {
        "name": framework.name,
        "version": framework.version,
        "path": framework.path,
        "sha256": framework.sha256 or None,
        # Only where given: a report on a framework without them is the same as before.
        **({"source": framework.source} if framework.source else {}),
        **({"licence": framework.licence} if framework.licence else {}),
        "themes": framework.themes,
        "priorities": [
            {"id": p.id, "title": p.title, "parent": p.parent, "required": p.required}
            # Only where given: a report's framework block is the same as before.
            | ({"formerly": list(p.formerly)} if p.formerly else {})
            for p in framework.priorities
        ],
    }
