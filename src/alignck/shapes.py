"""Read the framework shapes people write first, by rewriting them into the documented one.

A plain list of titles, titles as mapping keys (at the top or under ``priorities:``) and
priorities without ids are rewritten, node by node, into ``priorities:`` entries with an ``id``
derived from the title, before the framework is validated: the new nodes keep the marks of the
text they came from, so every later message still points at ``FILE:LINE:COL``. Whatever was
derived is said once, in one note. This module changes no file and decides nothing about
whether the result is valid; :mod:`alignck.framework` does.
"""

from __future__ import annotations

import copy
import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from alignck.yamlnodes import Findings, misspelt

TOP_KEYS = frozenset({"framework", "priorities", "thresholds", "themes"})
# The keys of one priority: a mapping of them is a priority written without its '- ', not
# priorities titled 'id' and 'title'.
PRIORITY_KEYS = frozenset(
    {
        "id",
        "title",
        "description",
        "keywords",
        "aliases",
        "exclude",
        "required",
        "priorities",
        "formerly",
    }
)
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ID_WORDS_MAX_CHARS = 40


def derive_id(title: str, whole: bool = False) -> str:
    """A stable id from a title: ASCII words, lower case, joined by hyphens, about 40 characters
    at most ('Give every child the best start in life' -> 'give-every-child-the-best-start-in');
    ``whole``: every word, for titles that share their first 40 characters."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    kept: list[str] = []
    for word in words:
        if kept and not whole and len("-".join([*kept, word])) > _ID_WORDS_MAX_CHARS:
            break
        kept.append(word)
    # A title with no ASCII word (in Greek, say) is named by its text's digest: numbered in
    # file order, two such priorities swapped ids when the file was reordered.
    return "-".join(kept) or f"priority-{_digest(title)}"


def _digest(title: str) -> str:
    import hashlib

    return hashlib.sha256(unicodedata.normalize("NFC", title.strip()).encode()).hexdigest()[:8]


@dataclass
class _Rewrite:
    """What the rewrite did, for the one note, and the ids already taken."""

    taken: set[str]
    # Titles whose short ids would clash: they take every word of the title instead.
    whole: frozenset[str] = frozenset()
    shapes: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    whole_file: bool = False  # the file was nothing but priorities

    def new_id(self, title: str) -> str:
        self.titles.append(title)
        base = derive_id(title, title in self.whole)
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        self.derived.append(candidate)
        return candidate

    def saw(self, shape: str) -> None:
        if shape not in self.shapes:
            self.shapes.append(shape)


def normalise(root: yaml.Node, findings: Findings) -> yaml.Node:
    """``root`` in the documented shape, with one note on ``findings`` if anything was derived."""
    taken = _explicit_ids(root) | _keyed_ids(root)
    rewrite = _Rewrite(taken, _clashing_titles(root, taken, findings.path))
    root = _rewritten(root, rewrite, findings.path)
    _note(root, findings, rewrite)
    return root


def _clashing_titles(root: yaml.Node, taken: set[str], path: str) -> frozenset[str]:
    """The titles whose short ids clash with another's or with an id the file gives: numbered
    in file order ('-2'), they swapped ids when the file was reordered, and a waiver or a
    baseline followed the id to the other priority. Found by a rewrite of a copy."""
    if _every_id_written(root):
        # Nothing to derive: copying a framework of 300 described priorities to find that
        # out took 0.4 s of every cold run.
        return frozenset()
    trial = _Rewrite(set(taken))
    _rewritten(copy.deepcopy(root), trial, path)
    # Distinct titles: the same title twice is warned of as such, and takes '-2' whatever.
    counts = Counter(derive_id(title) for title in set(trial.titles))
    return frozenset(
        title for title in trial.titles if counts[derive_id(title)] > 1 or derive_id(title) in taken
    )


def _every_id_written(root: yaml.Node) -> bool:
    """Whether the file is in the documented shape with an id written for every priority,
    its sub-priorities' too: then no id is derived from a title."""
    if not isinstance(root, yaml.MappingNode) or not _has_top_key(root):
        return False
    return all(_ids_written(value) for key, value in root.value if key.value == "priorities")


def _ids_written(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.SequenceNode):
        return False
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            return False
        fields = {str(key.value): value for key, value in item.value}
        if "id" not in fields:
            return False
        if "priorities" in fields and not _ids_written(fields["priorities"]):
            return False
    return True


def _rewritten(root: yaml.Node, rewrite: _Rewrite, path: str) -> yaml.Node:
    if isinstance(root, yaml.SequenceNode):
        rewrite.saw("a plain list of priorities")
        rewrite.whole_file = True
    elif isinstance(root, yaml.MappingNode) and root.value and not _has_top_key(root):
        # Titles or ids as keys: each entry says which as it is read (_keyed_item).
        rewrite.whole_file = True
    if rewrite.whole_file:
        root = _whole_file(root, path)
    if isinstance(root, yaml.MappingNode):
        root.value = [
            (key, _priorities(value, rewrite) if key.value == "priorities" else value)
            for key, value in root.value
        ]
    return root


def _whole_file(priorities: yaml.Node, path: str) -> yaml.MappingNode:
    """A file that is nothing but priorities, as the documented shape: named after the file
    (which the one note says)."""
    name = _mapping(priorities, [(_text(priorities, "name"), _text(priorities, Path(path).name))])
    return _mapping(
        priorities,
        [(_text(priorities, "framework"), name), (_text(priorities, "priorities"), priorities)],
    )


def _has_top_key(node: yaml.MappingNode) -> bool:
    """Whether the file means to be in the documented shape: it uses a top-level key, or
    misspells one ('priorites'), which is better told as a typo than read as a title."""
    keys = [str(key.value) for key, _ in node.value]
    return bool(PRIORITY_KEYS.intersection(keys)) or any(
        key in TOP_KEYS
        or difflib.get_close_matches(key, TOP_KEYS, n=1, cutoff=0.8)
        or _another_form_of_priorities(key)
        for key in keys
    )


def _another_form_of_priorities(key: str) -> bool:
    """A key of one word that is 'priorities' in another form ('priority', 'Priorities',
    'PRIORITIES', 'priorites'): read as a title, it became a priority named 'priority' that
    every document mentioning the word addressed. A title says what the priority is about,
    in words of its own; one word that is this key's is the key, mistyped."""
    return len(key.split()) == 1 and misspelt(key, "priorities", singular=True)


def _priorities(node: yaml.Node, rewrite: _Rewrite) -> yaml.Node:
    if isinstance(node, yaml.MappingNode) and written_without_dash(node):
        return node  # validation says what it is
    if isinstance(node, yaml.MappingNode) and node.value:
        node = yaml.SequenceNode(
            _SEQ,
            [_keyed_item(key, value, rewrite) for key, value in node.value],
            node.start_mark,
            node.end_mark,
        )
    if isinstance(node, yaml.SequenceNode):
        node.value = [_item(item, rewrite) for item in node.value]
    return node


def written_without_dash(node: yaml.MappingNode) -> bool:
    """Whether a mapping where priorities belong is one priority's fields ('id: b', 'title:
    ...') rather than titles as keys."""
    return bool(PRIORITY_KEYS.intersection(str(key.value) for key, _ in node.value))


def _item(node: yaml.Node, rewrite: _Rewrite) -> yaml.Node:
    if _is_title(node):
        rewrite.saw("titles without ids")
        return _mapping(node, [(_text(node, "title"), node)], rewrite.new_id(str(node.value)))
    if isinstance(node, yaml.MappingNode):
        return _completed(node, rewrite)
    return node


# A key written as an id is ('housing', 'clean-air', 'P1'): what the framework's ids may be.
_ID_SHAPED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]*")
# Longer than a title is written: such a text under a key is the key's description.
_TITLE_WORDS_MAX = 12


def key_is_id(key: yaml.Node, value: yaml.Node) -> bool:
    """Whether a priority written under a key names its id there, not its title: an id-shaped
    key over fields with a title and no id ('jobs: {title: Good jobs}'), or a key in an id's
    lower case over a title ('housing: Better housing', no sentence's full stop). Read as a
    title, the key was the priority's name and its own title a description, or was dropped
    for an id derived from the title, and a waiver naming 'jobs' named nothing."""
    written = str(key.value)
    if not isinstance(key, yaml.ScalarNode) or not _ID_SHAPED.fullmatch(written):
        return False
    if isinstance(value, yaml.MappingNode):
        fields = {str(k.value) for k, _ in value.value}
        return "title" in fields and "id" not in fields
    if not _is_title(value) or written != written.lower():
        return False
    text = str(value.value).strip()
    return len(text.split()) <= _TITLE_WORDS_MAX and not text.endswith((".", "!", "?"))


def _keyed_item(key: yaml.Node, value: yaml.Node, rewrite: _Rewrite) -> yaml.Node:
    """One ``Title: ...`` entry: text is its description, a list its sub-priorities, a
    mapping its other fields; or one ``id: ...`` entry (:func:`key_is_id`)."""
    title = str(key.value)
    if key_is_id(key, value):
        rewrite.saw("ids as keys")
        written = _text(key, title)  # as text: '1:' is an integer to YAML
        if isinstance(value, yaml.MappingNode):
            return _completed(_mapping(value, [(_text(key, "id"), written), *value.value]), rewrite)
        return _mapping(key, [(_text(key, "id"), written), (_text(value, "title"), value)])
    rewrite.saw("titles as keys")
    if isinstance(value, yaml.MappingNode):
        fields = {str(k.value) for k, _ in value.value}
        extra = [] if "title" in fields else [(_text(key, "title"), key)]
        return _completed(_mapping(value, [*extra, *value.value]), rewrite)
    pairs: list[tuple[yaml.Node, yaml.Node]] = [(_text(key, "title"), key)]
    if isinstance(value, yaml.SequenceNode):
        pairs.append((_text(value, "priorities"), _priorities(value, rewrite)))
    elif not (isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null")):
        pairs.append((_text(value, "description"), value))
    return _mapping(key, pairs, rewrite.new_id(title))


def _completed(node: yaml.MappingNode, rewrite: _Rewrite) -> yaml.MappingNode:
    """A priority mapping with an id (derived from its title when it has none) and its
    sub-priorities rewritten too."""
    keys = {str(k.value): v for k, v in node.value}
    node.value = [
        (k, _priorities(v, rewrite) if k.value == "priorities" else v) for k, v in node.value
    ]
    title = keys.get("title")
    if "id" not in keys and title is not None and _is_title(title):
        rewrite.saw("titles without ids")
        node.value.insert(0, (_text(node, "id"), _text(title, rewrite.new_id(str(title.value)))))
    return node


def _is_title(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and not node.tag.endswith(":null")
        and bool(str(node.value).strip())
    )


def _text(at: yaml.Node, value: str) -> yaml.ScalarNode:
    return yaml.ScalarNode(_STR, value, at.start_mark, at.end_mark)


def _mapping(
    at: yaml.Node, pairs: list[tuple[yaml.Node, yaml.Node]], new_id: str | None = None
) -> yaml.MappingNode:
    if new_id is not None:
        pairs = [(_text(at, "id"), _text(at, new_id)), *pairs]
    return yaml.MappingNode(_MAP, pairs, at.start_mark, at.end_mark)


def _keyed_ids(root: yaml.Node) -> set[str]:
    """The ids written as keys where priorities are keyed (:func:`key_is_id`): in a file of
    nothing but priorities, or under a ``priorities:`` mapping, at any depth; taken before any
    id is derived, so a title above ``housing: Better homes`` does not take 'housing'. Only
    there: a ``name:`` or ``title:`` field is no id ('title-2' for a priority titled 'Title')."""
    found: set[str] = set()
    if isinstance(root, yaml.MappingNode) and root.value and not _has_top_key(root):
        found |= _ids_of_keyed(root)
    found |= _under_priorities(root)
    return found


def _under_priorities(node: yaml.Node) -> set[str]:
    found: set[str] = set()
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            keyed = isinstance(value, yaml.MappingNode) and not written_without_dash(value)
            if key.value == "priorities" and keyed:
                assert isinstance(value, yaml.MappingNode)
                found |= _ids_of_keyed(value)
            found |= _under_priorities(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found |= _under_priorities(item)
    return found


def _ids_of_keyed(node: yaml.MappingNode) -> set[str]:
    """The ids of a mapping of keyed priorities, and of those keyed under them."""
    found = {str(key.value) for key, value in node.value if key_is_id(key, value)}
    for _, value in node.value:
        found |= _under_priorities(value)
    return found


def _explicit_ids(node: yaml.Node) -> set[str]:
    """Every id the file gives itself, so that a derived id never takes one of them."""
    found: set[str] = set()
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode):
                found.add(str(value.value).strip())
            found |= _explicit_ids(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found |= _explicit_ids(item)
    return found


def _note(root: yaml.Node, findings: Findings, rewrite: _Rewrite) -> None:
    if not rewrite.shapes:
        return
    shown = ", ".join(rewrite.derived[:5]) + (", ..." if len(rewrite.derived) > 5 else "")
    named = f"named '{Path(findings.path).name}' after its file, " if rewrite.whole_file else ""
    alike = ""
    if rewrite.whole:
        # Adding a title like theirs would change a short id to a long one, and back.
        alike = (
            f"; {len(rewrite.whole)} titles start alike and take all their words, so give "
            "these ids yourself before a waiver or a saved run names them"
        )
    derived = f"ids derived from the titles ({shown})" if rewrite.derived else "ids as given"
    findings.note(
        root,
        f"read {' and '.join(rewrite.shapes)}; {named}{derived}"
        f"{alike}. Write each as a 'priorities:' entry with 'id', 'title' and 'description' "
        "to choose them ('alignck init' writes a starter)",
    )
