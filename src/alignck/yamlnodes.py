"""Validate YAML by walking PyYAML's node graph, so that every problem names its place.

Shared by the framework, waivers and review files: each finding reads ``FILE:LINE:COL: key.path:
message``, every problem is collected before failing (one run shows everything to fix), and
unknown keys are warnings with a did-you-mean hint. What a YAML syntax error means is said by
:mod:`alignck.yamlhints`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from alignck.errors import not_utf8, os_reason
from alignck.files import open_regular, special_file
from alignck.yamlhints import ODD_SPACES, unquoted_star_said, yaml_error

if TYPE_CHECKING:
    from collections.abc import Mapping

    from alignck.errors import ConfigError
    from alignck.model import Framework

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Deeper than any framework needs (each level of sub-priorities is two), far below where
# composing the nodes, a recursive walk, would exhaust the stack.
MAX_DEPTH = 64


class Refused(Exception):
    """YAML that alignck will not compose: its message is one ``FILE:LINE:COL: ...`` line."""


def compose(text: str, path: str) -> yaml.Node | None:
    """The node graph of ``text``, after one streaming pass over its events has refused
    aliases and deep nesting: an alias is expanded by every walk of the graph, so a few
    hundred bytes of nested aliases cost gigabytes ('billion laughs') and a recursive one never
    ends. Nothing is composed before the pass is done. Syntax errors raise as PyYAML's."""
    text = _BLANK_WITH_TABS.sub("", text)
    refuse_unbounded(text, path)
    return yaml.compose(text, Loader=LOADER)


# A line of nothing but spaces and tabs, as Notepad's auto-indent leaves between entries:
# blank to a reader, but PyYAML refuses its tab ('YAML indents with spaces only', on a
# line that indents nothing). Emptied before parsing; the lines keep their numbers.
_BLANK_WITH_TABS = re.compile(r"^[ ]*\t[ \t]*$", re.MULTILINE)


def compose_file(
    path: Path, error: type[ConfigError], what: str, kind: str
) -> tuple[yaml.Node | None, str]:
    """The node graph of a YAML file alignck is given (a waivers or review file: ``kind``
    'waivers' or 'reviews'), or ``error`` with one line naming it: not found, unreadable,
    refused or invalid YAML, or recognisably another kind of file. With the text it was
    composed from, which findings quote."""
    shown = str(path)
    if special := special_file(path):
        raise error(special, shown)
    try:
        with open_regular(path) as handle:
            data = handle.read()
    except FileNotFoundError:
        from alignck.files import near_name

        # As -f says it: 'waiver.yaml' for 'waivers.yaml' names the file meant.
        near = near_name(path, (".yaml", ".yml"))
        raise error(f"{what} not found{near}", shown) from None
    except OSError as problem:
        raise error(f"cannot read {what}: {os_reason(problem)}", shown) from None
    try:
        text = yaml_text(data)
    except UnicodeDecodeError as problem:
        from alignck.readers._sniff import signature_of

        if document := signature_of(data):
            # A PDF or Word file given as the waivers: 'save the file as UTF-8' would not help.
            raise error(f"{document[0]}, not a {what}", shown) from None
        line, column, said = not_utf8(data, problem)
        raise error(
            "not UTF-8 text", shown, problems=[f"{shown}:{line}:{column}: {said}"]
        ) from None
    try:
        root = compose(text, shown)
    except Refused as refused:
        raise error("refused YAML", shown, problems=[str(refused)]) from None
    except yaml.YAMLError as problem:
        said = any_yaml_error(shown, problem, text)
        raise error("invalid YAML", shown, problems=[said]) from None
    from alignck.file_kinds import mistaken_kind

    if mistaken := mistaken_kind(root, kind, shown):
        raise error(f"not a {what}", shown, problems=[mistaken])
    return root, text


def any_yaml_error(shown: str, problem: yaml.YAMLError, text: str) -> str:
    """One line for any error PyYAML raises, with line and column where it can be told."""
    if isinstance(problem, yaml.MarkedYAMLError):
        return yaml_error(shown, problem, text)
    if isinstance(problem, yaml.reader.ReaderError):
        # Its text ends in a line of its own naming '<unicode string>' and an offset.
        return _unreadable_character(shown, text, problem)
    said = (str(problem).splitlines() or ["invalid YAML"])[0]
    return f"{shown}: not valid YAML: {said}"


def _unreadable_character(shown: str, text: str, problem: yaml.reader.ReaderError) -> str:
    """Where a character YAML refuses (a NUL, a control character) is, as line and column:
    counted in the text PyYAML read, whose blank lines of tabs :func:`compose` emptied."""
    text = _BLANK_WITH_TABS.sub("", text)
    at = min(max(problem.position, 0), len(text))
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    character = problem.character
    code = ord(character) if isinstance(character, str) else character
    shown_character = f"U+{code:04X}" if isinstance(code, int) else repr(character)
    return (
        f"{shown}:{line}:{column}: not valid YAML: the character {shown_character} "
        f"({problem.reason}); alignck reads YAML files as UTF-8 text"
    )


def yaml_text(data: bytes) -> str:
    """A YAML file's text: UTF-8 (with or without a byte-order mark), or UTF-16 with one, as
    Windows PowerShell's '>' writes ('alignck frameworks show NAME > priorities.yaml'), or
    without one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        # Notepad's 'UTF-16 LE' without a mark: read, where YAML said '#x0000' at 'position 1'.
        from alignck.readers._text import utf16_without_bom

        encoding = utf16_without_bom(data)
        if encoding is not None:
            return data.decode(encoding)
    return data.decode("utf-8-sig")


def _own_tag(event: yaml.ScalarEvent) -> bool:
    """A tag the file gave a value itself ('!Warm'), not YAML's own ('!!str')."""
    return bool(event.tag) and not str(event.tag).startswith(("tag:yaml.org,2002:", "!!"))


def _anchor_or_tag_said(event: yaml.ScalarEvent) -> str:
    mark, name = ("&", event.anchor) if event.anchor else ("!", str(event.tag).lstrip("!"))
    what = "an anchor" if mark == "&" else "a tag"
    written = f"{mark}{name} {event.value}".strip()
    return (
        f"a value starting with '{mark}' needs quotes: write \"{written}\" (unquoted, YAML "
        f"reads '{mark}{name}' as {what} and drops it)"
    )


def refuse_unbounded(text: str, path: str) -> None:
    """Raise :class:`Refused` for an alias or nesting deeper than MAX_DEPTH, from one
    streaming pass over the events, before anything is built from them."""
    depth = 0
    anchors: set[str] = set()
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.ScalarEvent) and (event.anchor or _own_tag(event)):
            # 'title: &Warm homes' or '!Warm homes': YAML takes the first word for an anchor
            # or a tag, and the title lost it in silence. alignck's files use neither.
            raise Refused(_at(path, event.start_mark, _anchor_or_tag_said(event)))
        if isinstance(event, yaml.AliasEvent):
            # With no anchor of its name, a value opening with '*' left unquoted, a glob most
            # often ('document: *-plan'), not an alias meant.
            said = (
                f"YAML alias '*{event.anchor}' is not allowed (aliases can expand without "
                "bound); write the value out in full"
                if event.anchor in anchors
                else unquoted_star_said(f"*{event.anchor}")
            )
            raise Refused(_at(path, event.start_mark, said))
        if isinstance(event, yaml.NodeEvent) and event.anchor:
            anchors.add(event.anchor)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                message = f"nested more than {MAX_DEPTH} levels deep; flatten the file"
                raise Refused(_at(path, event.start_mark, message))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _at(path: str, mark: Any, message: str) -> str:
    # Any: the C and the pure-Python parsers have marks of different classes, alike in use.
    if mark is None:
        return f"{path}: {message}"
    return f"{path}:{mark.line + 1}:{mark.column + 1}: {message}"


@dataclass
class Findings:
    path: str
    # The text the nodes were composed from: CSafeLoader's marks do not hold it.
    text: str = ""
    marked_errors: list[tuple[int, int, str]] = field(default_factory=list)
    marked_warnings: list[tuple[int, int, str]] = field(default_factory=list)
    # Advice on how well a valid file will work (thin priorities), which only 'validate'
    # shows: repeating it on every check would bury the warnings that matter.
    marked_advice: list[tuple[int, int, str]] = field(default_factory=list)
    # Advice already given in full once: later findings of the kind point back to it.
    advised: set[str] = field(default_factory=set)

    def error(self, node: yaml.Node, where: str, message: str) -> None:
        self.marked_errors.append(marked(self.path, node, where, message))

    def warn(self, node: yaml.Node, where: str, message: str) -> None:
        self.marked_warnings.append(marked(self.path, node, where, f"warning: {message}"))

    def note(self, node: yaml.Node, message: str) -> None:
        """Something alignck read in a way the file did not spell out (a derived id)."""
        self.marked_warnings.append(marked(self.path, node, "", f"note: {message}"))

    def advise(self, node: yaml.Node, where: str, message: str) -> None:
        self.marked_advice.append(marked(self.path, node, where, f"warning: {message}"))

    @property
    def errors(self) -> list[str]:
        return [text for *_, text in sorted(self.marked_errors)]

    @property
    def warnings(self) -> list[str]:
        return [text for *_, text in sorted(self.marked_warnings)]

    @property
    def advice(self) -> list[str]:
        return [text for *_, text in sorted(self.marked_advice)]


def source_place(source: str) -> tuple[str, str]:
    """A 'FILE:LINE:COL' source (a waiver's, a review's) as its file and line ('' where it
    has none): 'waivers.yaml:3:5' -> ('waivers.yaml', '3')."""
    found = re.match(r"^(.*):(\d+):\d+$", source)
    return (found.group(1), found.group(2)) if found else (source, "")


def marked(path: str, node: yaml.Node, where: str, message: str) -> tuple[int, int, str]:
    mark = node.start_mark
    prefix = f"{where}: " if where else ""
    return mark.line, mark.column, f"{path}:{mark.line + 1}:{mark.column + 1}: {prefix}{message}"


def mapping(
    node: yaml.MappingNode,
    where: str,
    known: set[str],
    findings: Findings,
    strict: str | None = None,
    elsewhere: Mapping[str, str] | None = None,
    singular: bool = False,
    nested: frozenset[str] | None = None,
) -> dict[str, yaml.Node]:
    """The known keys of a mapping; an unknown key is a warning, or with ``strict`` (why
    ignoring it would be wrong) an error. A key that looks like a misspelling of a known one
    is an error too: ignored, 'requried' would quietly drop what 'required' asks for; and so
    is one of ``elsewhere``, keys of another mapping (each with where it belongs), which a
    slip of indentation put here; and, with ``nested`` (the keys of the entries this mapping
    lists under 'priorities'), an unknown key holding a list of such entries. With
    ``singular``, a known key's singular is taken for it too (see :func:`misspelt`)."""
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        # A key that is a list or a mapping ('? [x]') is named as what it is, not as PyYAML's
        # node objects.
        scalar = isinstance(key_node, yaml.ScalarNode)
        key = str(key_node.value) if scalar else f"({kind(key_node)})"
        path = f"{where}.{key}" if where else key
        if key in fields:
            findings.error(key_node, path, f"duplicate key '{key}'")
            continue
        if elsewhere and key in elsewhere:
            findings.error(key_node, path, f"'{key}' {elsewhere[key]}")
            continue
        # What a key opens with that looks like indentation but is no space to YAML.
        if scalar and (odd := ODD_SPACES.get(key[:1])) is not None:
            # A last line indented with non-breaking spaces is valid YAML: a key of the
            # outer mapping, its name opening with them, which ignored dropped the value.
            findings.error(
                key_node,
                where or key.strip(),
                f"{odd} in the indentation of '{key.strip()}' (pasted from Word or a web "
                "page?); indent with ordinary spaces",
            )
            continue
        first, _, rest = key.partition(" ")
        if key not in known and first in known and rest.strip():
            # 'description Homes that are warm: for all' - the ': ' inside the value made
            # one key of the key and the text before it; ignored, the text would be lost.
            findings.error(
                key_node,
                f"{where}.{first}" if where else first,
                f"'{first}' has no ':' after it; write '{first}: \"{rest.strip()}: ...\"' "
                "(a value holding ': ' needs quotes)",
            )
            continue
        if key not in known:
            close = (
                difflib.get_close_matches(key, sorted(known), n=1)
                or [k for k in sorted(known) if misspelt(key, k, singular)][:1]
            )
            hint = f"; did you mean '{close[0]}'?" if close else ""
            if strict:
                findings.error(key_node, path, f"unknown key '{key}'{hint} ({strict})")
            elif close and misspelt(key, close[0], singular):
                findings.error(
                    key_node, path, f"unknown key '{key}'{hint} (a misspelt key is not ignored)"
                )
            elif nested and (held := _entries_shaped(value_node, nested)):
                # 'outcomes:' or 'indicators:' under an ambition: ignored, its whole subtree
                # of priorities was lost with a warning and exit 0.
                advice = hint or ": nested priorities go under 'priorities'"
                entries, lost = ("1 entry", "it") if held == 1 else (f"{held} entries", "they")
                findings.error(
                    key_node,
                    path,
                    f"unknown key '{key}'{advice} (it holds {entries} with a title or id; "
                    f"ignored, {lost} would be lost)",
                )
            else:
                findings.warn(key_node, path, f"unknown key '{key}' (ignored){hint}")
            continue
        fields[key] = value_node
    _keys_taken_as_text(fields, known, where, findings)
    return fields


# A line that opens with a key and its ':', as a key's line does, and what follows it.
_KEY_OPENING = re.compile(r"([ \t]*)([A-Za-z_][\w-]*):(?:[ \t]+(.*)|$)")
# Keys whose value is a date, a list or yes/no: such a value is told by its form, not its words.
_DATE_KEYS = frozenset({"expires", "date"})
_LIST_KEYS = frozenset({"keywords", "aliases", "exclude", "priorities", "formerly"})
_YES_NO_KEYS = frozenset({"required", "themes"})
_YES_NO = re.compile(r"(?i:y|n|yes|no|true|false|on|off)")
# How a sentence a block of text holds may end: a full stop, a bracket or a closing quote.
_SENTENCE_END = (".", "!", "?", "…", ")", "”", "’")
# A value quoted whole.
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
# Words enough for a name written as a value; a file's extension, a folder or a glob.
_VALUE_WORDS = 4
_FILE_LIKE = re.compile(r"\.\w{2,5}$|[/\\*?]")


def _reads_as_a_value(key: str, value: str, next_line: str | None, keys: set[str]) -> bool:
    """Whether what follows a key's ':' on a line of text reads as that key's value rather
    than as a sentence the text holds ('document: the housing plan was not ready in time.'):
    for a date's key, a date, or anything opening with a figure ('31 March 2026', which the
    key refuses, but said where it is); for a yes/no key, yes or no; for any other, a list, a
    quoted value, a block of its own, or text that is no sentence: it does not end as one,
    and the block's text does not go on after it (a sentence wrapped over two lines does; a
    comment or another of the entry's keys is no more of it)."""
    value = re.split(r"\s#", value, maxsplit=1)[0].strip()
    if not value:
        return True
    if key in _DATE_KEYS:
        return value[0].isdigit() or bool(_QUOTED.fullmatch(value))
    if key in _YES_NO_KEYS:
        return bool(_YES_NO.fullmatch(value))
    if value[0] in "[{>|" or _QUOTED.fullmatch(value):
        return True
    if value.endswith(_SENTENCE_END):
        return False
    # A name is short, or names a file or a pattern ('Our Housing and Health Plan.pdf',
    # 'drafts/*'); 'the housing plan was not ready in time' is a sentence without its stop.
    named = len(value.split()) <= _VALUE_WORDS or bool(_FILE_LIKE.search(value))
    if not named:
        return False
    if next_line is None or not next_line.strip() or next_line.strip().startswith("#"):
        return True
    following = _KEY_OPENING.match(next_line)
    return following is not None and following.group(2) in keys


def _keys_taken_as_text(
    fields: Mapping[str, yaml.Node], known: set[str], where: str, findings: Findings
) -> None:
    """A key of this mapping, not given, written on a line of a '>' or '|' block's text: YAML
    reads the line as more of the text, so 'expires: 2026-03-31' indented under a folded
    reason made the waiver's reason longer and the waiver one that never lapses, in silence."""
    # A Windows file's lines end in '\r' here, which YAML reads as part of the line break.
    lines = [line.removesuffix("\r") for line in findings.text.split("\n")]
    for key, node in fields.items():
        if not isinstance(node, yaml.ScalarNode) or node.style not in ("|", ">"):
            continue
        last = node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
        for number in range(node.start_mark.line + 1, min(last + 1, len(lines))):
            found = _KEY_OPENING.match(lines[number])
            if found is None or found.group(2) not in known or found.group(2) in fields:
                continue
            following = lines[number + 1] if number + 1 <= last else None
            if not _reads_as_a_value(found.group(2), found.group(3) or "", following, known):
                continue
            name = found.group(2)
            shown = lines[number].strip()
            shown = shown if len(shown) <= 60 else f"{shown[:57]}..."
            said = (
                f"'{shown}' is read as more of the text of '{key}': if it is this entry's "
                f"'{name}:', indent it as far as '{key}:' is"
            )
            path = f"{where}.{key}" if where else key
            text = f"{findings.path}:{number + 1}:{len(found.group(1)) + 1}: {path}: {said}"
            findings.marked_errors.append((number, len(found.group(1)), text))


def _entries_shaped(node: yaml.Node, keys: frozenset[str]) -> int:
    """How many entries of a list are shaped as entries of ``keys``, whatever the key above
    them is called: a title or an id, and no other key (a 'contacts' list's {name, title} is
    someone's job title; a 'sources' list's {id, url} a reference)."""
    if not isinstance(node, yaml.SequenceNode):
        return 0
    return sum(1 for item in node.value if _shaped(item, keys))


def _shaped(node: yaml.Node, keys: frozenset[str]) -> bool:
    if not isinstance(node, yaml.MappingNode):
        return False
    found = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    return len(found) == len(node.value) and bool(found & {"id", "title"}) and found <= keys


def misspelt(key: str, known: str, singular: bool = False) -> bool:
    """A slip of one or two keys (a letter missed, doubled or swapped), not a different
    word: 'requried' for 'required', but not 'framework_name' for 'framework'; or another
    form of the key ('sub-priorities' or 'subpriorities' for 'priorities', 'exclusions' for
    'exclude'), which, ignored, dropped what it held. With ``singular``, the key's singular
    or a slip of it too ('priority', 'priorty' for 'priorities'), where nothing else can be
    meant by it: at the top of a framework, not in a priority, where 'priority: high' may be
    a rank of the partnership's own."""
    from rapidfuzz.distance import DamerauLevenshtein

    written = key.lower()
    if DamerauLevenshtein.distance(written, known) <= (1 if len(known) <= 5 else 2):
        return True
    one = _singular(known) if singular else None
    if one is not None and DamerauLevenshtein.distance(written, one) <= 1:
        return True
    joined = re.sub(r"[-_ ]", "", written)
    # Longer, as a plural or a noun of it is: 'priority' may be a rank of the partnership's,
    # and 'lead_id' or 'data_source' keys of its own.
    grown = joined == written and len(written) > len(known) >= 6
    sub_priorities = known == "priorities" and joined == "subpriorities"
    return sub_priorities or (grown and written[:5] == known[:5])


def _singular(word: str) -> str | None:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else None


def string(
    node: yaml.Node | None, where: str, findings: Findings, required: yaml.Node | None = None
) -> str | None:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        if required is not None and node is not None:
            # 'title:' with nothing after it: the key is there, its value is not.
            findings.error(node, where, f"must not be empty{comment_taken(node, findings.text)}")
        elif required is not None:
            findings.error(required, where, f"missing required key '{where.split('.')[-1]}'")
        elif node is not None and (taken := comment_taken(node, findings.text)):
            # An optional value lost the same way would go unread in silence.
            findings.warn(node, where, f"is empty{taken}")
        return None
    if not isinstance(node, yaml.ScalarNode):
        findings.error(node, where, f"expected text, got {kind(node)}")
        return None
    text = str(node.value).strip()
    if required is not None and not text:
        findings.error(node, where, "must not be empty")
        return None
    return text


def comment_taken(node: yaml.Node, text: str) -> str:
    """Where an empty value is a comment on its line ('title: #1 priority'): YAML starts a
    comment at ' #', so the text meant as the value was dropped. What to write, or ''."""
    mark = node.start_mark
    lines = text.split("\n")
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    rest = line[mark.column :].strip()
    # '# TODO' with its space is a comment meant as one; '#1 priority' and '#hashtag' are not.
    if not rest.startswith("#") or len(rest) < 2 or rest[1].isspace():
        return ""
    escaped = rest.replace("\\", "\\\\").replace('"', '\\"')
    return f" ('#' after a space starts a comment, so '{rest}' was not read: write \"{escaped}\")"


def accepted_ids(framework: Framework) -> dict[str, str]:
    """Each id a waiver or review may name -> the priority's id now: its own, or one it had
    before it was renamed ('formerly')."""
    return {**framework.renamed, **{p.id: p.id for p in framework.priorities}}


def current_id(
    given: str, ids: Mapping[str, str], node: yaml.Node, where: str, findings: Findings
) -> str:
    """The id a waiver or review means, said when it names a priority by a former id."""
    now = ids[given]
    if now != given:
        findings.warn(
            node,
            where,
            f"'{given}' is now '{now}' (a former id the framework gives it); write '{now}'",
        )
    return now


def curly_quoted(node: yaml.Node | None, text: str | None, where: str, findings: Findings) -> bool:
    """Whether a name is wrapped in curly quotes (pasted from Word), which YAML keeps as part
    of it, so that it names nothing: an error, with what to write instead."""
    if node is None or text is None or len(text) < 2:
        return False
    if text[0] not in "“‘„" or text[-1] not in "”’“":
        return False
    findings.error(
        node,
        where,
        f"{text} is in curly quotes, which YAML keeps as part of the name; write it in straight "
        f'quotes ("{text[1:-1]}") or none',
    )
    return True


def scalar_text(node: yaml.Node | None, where: str, findings: Findings) -> str | None:
    if node is None:
        return None
    if not isinstance(node, yaml.ScalarNode):
        findings.error(node, where, f"expected text or a number, got {kind(node)}")
        return None
    if node.tag.endswith(":null") and (taken := comment_taken(node, findings.text)):
        # 'version: #3' went unread in silence, as a description would have (a review).
        findings.warn(node, where, f"is empty{taken}")
    return str(node.value)


def kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith((":int", ":float")):
        return "a number"
    if node.tag.endswith(":bool"):
        return "true/false"
    if node.tag.endswith(":null"):
        return "nothing (null)"
    return "a string"


def string_list(node: yaml.Node | None, where: str, findings: Findings) -> tuple[str, ...]:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        hint = (
            " (write it as [\"...\"] or as '- ...' lines)"
            if isinstance(node, yaml.ScalarNode)
            else ""
        )
        findings.error(node, where, f"expected a list of strings, got {kind(node)}{hint}")
        return ()
    values: list[str] = []
    for index, item in enumerate(node.value):
        if not isinstance(item, yaml.ScalarNode) or item.tag.endswith(":null"):
            said = f"expected a string, got {kind(item)}{comment_taken(item, findings.text)}"
            findings.error(item, f"{where}[{index}]", said)
        elif str(item.value).strip():
            values.append(str(item.value).strip())
        else:
            findings.error(item, f"{where}[{index}]", "must not be empty")
    return tuple(values)


def boolean(node: yaml.Node | None, where: str, findings: Findings) -> bool:
    if node is None:
        return False
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
        return str(node.value).lower() in ("true", "yes", "on")
    findings.error(node, where, f"expected true or false, got {kind(node)}")
    return False


# ASCII digits only: '\d' takes full-width ones ('２０２７-０１-０１'), no date of the form.
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day_written(text: str) -> datetime.date:
    """A date written YYYY-MM-DD, as waivers, reviews and --today take it; ValueError for
    anything else. Python's own reading takes '20270101' and even '20270101.5' for
    1 January 2027, a number YAML read from an unquoted 'expires: 20270101'."""
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return datetime.date.fromisoformat(text)


def written_as_a_day(text: str) -> bool:
    """Whether ``text`` has a date's form, YYYY-MM-DD, whether or not the calendar has it."""
    return bool(_DAY.fullmatch(text))


def date_problem(text: str, shown: str) -> str:
    """What is wrong with a date :func:`day_written` refused (``shown``: as the file has it):
    a date in the right form that the calendar lacks ('2027-02-30') is no such day, not a
    date in the wrong form."""
    if written_as_a_day(text):
        return f"no such day as {text!r} in the calendar"
    return f"expected a date as YYYY-MM-DD, got {shown!r}"
