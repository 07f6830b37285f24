"""Load an evaluation dataset: a framework, documents and ``truth.yaml`` with the labels.

The format is documented in docs/evaluation.md. Keys this module does not know are ignored, so
datasets can carry notes and provenance.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from alignck.errors import DatasetError
from alignck.readers import READERS
from alignck.yamlnodes import LOADER, Refused, refuse_unbounded

LABELS = ("yes", "partial", "no")


@dataclass(frozen=True, slots=True)
class Label:
    label: str
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class TruthDocument:
    doc: str
    path: Path
    stated: tuple[str, ...]
    sub: tuple[str, ...]
    outside: tuple[str, ...]
    aligns: dict[str, Label]
    has_stated: bool
    has_outside: bool
    # A document from a far domain, chosen to align poorly (the labelled sets hold one each).
    negative: bool = False
    # Each label's place in truth.yaml (FILE:LINE:COL), for errors found after loading.
    places: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Dataset:
    root: Path
    framework: Path
    documents: tuple[TruthDocument, ...]


def load_dataset(
    location: Path,
    documents_dir: str | None = None,
    labels_key: str = "aligns",
    framework_key: str = "framework",
) -> Dataset:
    """Load ``location`` (a folder holding truth.yaml, or the truth file itself)."""
    truth_path = location / "truth.yaml" if location.is_dir() else location
    if not truth_path.is_file():
        raise DatasetError("no truth.yaml here: an evaluation dataset needs one", str(location))
    try:
        text = truth_path.read_text(encoding="utf-8-sig")
        # The framework's bounds: aliases and deep nesting cost without limit.
        refuse_unbounded(text, str(truth_path))
        data = yaml.load(text, Loader=LOADER)
        marks = _Marks(str(truth_path), yaml.compose(text, Loader=LOADER))
    except Refused as error:
        raise DatasetError(str(error)) from None
    except (UnicodeDecodeError, OSError) as error:
        raise DatasetError(f"cannot read the file: {error}", str(truth_path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise DatasetError(
            f"not valid YAML: {getattr(error, 'problem', error)}", f"{truth_path}{where}"
        ) from error
    if not isinstance(data, dict):
        raise DatasetError("expected a mapping with 'framework' and 'documents'", marks.at())
    root = truth_path.parent
    framework = data.get(framework_key)
    if not isinstance(framework, str):
        raise DatasetError(
            f"'{framework_key}' must name the framework file", marks.at(framework_key)
        )
    entries = data.get("documents")
    if not isinstance(entries, list) or not entries:
        raise DatasetError("'documents' must be a non-empty list", marks.at("documents"))
    documents = tuple(
        _document(entry, i, root, marks, documents_dir, labels_key)
        for i, entry in enumerate(entries)
    )
    _refuse_twice_labelled(documents, marks)
    if not any(d.aligns for d in documents):
        # A misspelt key everywhere gave '0 labelled pairs' and a table of zeros, exit 0.
        raise DatasetError(f"no document has '{labels_key}' labels to measure", marks.at())
    return Dataset(root, (root / framework).resolve(), documents)


def _refuse_twice_labelled(documents: tuple[TruthDocument, ...], marks: _Marks) -> None:
    """One document listed twice would be scored twice, with both its labels."""
    first: dict[Path, int] = {}
    for index, document in enumerate(documents):
        earlier = first.setdefault(document.path.resolve(), index)
        if earlier != index:
            raise DatasetError(
                f"documents[{index}]: '{document.doc}' is labelled already, at "
                f"documents[{earlier}]; give each document one entry",
                marks.at("documents", index, "doc"),
            )


class _Marks:
    """Where a value sits in truth.yaml, so that an error names its line and column."""

    def __init__(self, path: str, root: yaml.Node | None) -> None:
        self.path = path
        self.root = root

    def at(self, *keys: str | int) -> str:
        """The value under ``keys``, or the nearest place on the way that exists."""
        return self._shown(self._walk(keys)[1])

    def key_at(self, *keys: str | int) -> str:
        """The last of ``keys`` itself (a label's priority id), not its value."""
        return self._shown(self._walk(keys)[0])

    def _walk(self, keys: tuple[str | int, ...]) -> tuple[yaml.Node | None, yaml.Node | None]:
        name, node = None, self.root
        for key in keys:
            found = _child(node, key)
            if found is None:
                break
            name, node = found
        return name or node, node

    def _shown(self, node: yaml.Node | None) -> str:
        if node is None:
            return self.path
        mark = node.start_mark
        return f"{self.path}:{mark.line + 1}:{mark.column + 1}"


def _child(node: yaml.Node | None, key: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """A child of ``node`` as (its key or index node, its value node)."""
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int):
        return (node.value[key], node.value[key]) if 0 <= key < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if name.value == str(key):
                return name, value
    return None


def _document(
    entry: Any, index: int, root: Path, marks: _Marks, documents_dir: str | None, labels_key: str
) -> TruthDocument:
    where = f"documents[{index}]"
    here = ("documents", index)
    if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
        raise DatasetError(f"{where}: expected a mapping with 'doc: path'", marks.at(*here))
    doc = entry["doc"]
    path = _locate(root, doc, documents_dir, marks.at(*here, "doc"), where)
    if labels_key not in entry:
        near = difflib.get_close_matches(labels_key, [str(k) for k in entry], n=1, cutoff=0.8)
        if near:
            raise DatasetError(
                f"{where}.{near[0]}: unknown key; did you mean '{labels_key}'?",
                marks.key_at(*here, near[0]),
            )
    aligns = entry.get(labels_key) or {}
    if not isinstance(aligns, dict):
        raise DatasetError(
            f"{where}.{labels_key}: expected a mapping of priority id to label",
            marks.at(*here, labels_key),
        )
    return TruthDocument(
        doc=doc,
        path=path,
        stated=_texts(entry, "stated_priorities", where, marks.at(*here, "stated_priorities")),
        sub=_texts(entry, "sub_priorities", where, marks.at(*here, "sub_priorities")),
        outside=_texts(entry, "outside_framework", where, marks.at(*here, "outside_framework")),
        aligns={
            str(k): _label(v, f"{where}.{labels_key}.{k}", marks.at(*here, labels_key, str(k)))
            for k, v in aligns.items()
        },
        has_stated="stated_priorities" in entry,
        # Out-of-framework labels are relative to the dataset's own framework.
        has_outside="outside_framework" in entry and labels_key == "aligns",
        negative=entry.get("negative") is True,
        places={str(k): marks.key_at(*here, labels_key, str(k)) for k in aligns},
    )


def _locate(root: Path, doc: str, documents_dir: str | None, truth: str, where: str) -> Path:
    path = root / doc
    if documents_dir is None:
        return path
    # A folder beside truth.yaml first ('pdf', 'docx'), else the path as given.
    folder = root / documents_dir if (root / documents_dir).is_dir() else Path(documents_dir)
    for suffix in sorted(READERS):
        candidate = folder / f"{Path(doc).stem}{suffix}"
        if candidate.exists():
            return candidate
    raise DatasetError(f"{where}: no '{Path(doc).stem}.*' in {folder}", truth)


def _texts(entry: dict[str, Any], key: str, where: str, place: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list):
        raise DatasetError(f"{where}.{key}: expected a list of strings", place)
    return tuple(str(item) for item in value)


def _label(value: Any, where: str, place: str) -> Label:
    if isinstance(value, dict):
        if "label" not in value:
            raise DatasetError(f"{where}: missing 'label' (yes, partial or no)", place)
        label, evidence = value.get("label"), value.get("evidence")
    else:
        label, evidence = value, None
    if isinstance(label, bool):  # an unquoted yes/no in YAML 1.1 arrives as a boolean
        label = "yes" if label else "no"
    if label not in LABELS:
        raise DatasetError(f"{where}: label must be one of yes, partial, no (got {label!r})", place)
    return Label(str(label), str(evidence) if evidence else None)
