"""Load and validate the shared framework (``priorities.yaml``).

Validation walks PyYAML's node graph rather than the loaded data so that every problem can be
reported as ``FILE:LINE:COL: key.path: message``; all problems are collected before failing, so
one run shows everything to fix. Unknown keys are warnings, not errors. This module reads the
framework file and nothing else.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from alignck.errors import FrameworkError
from alignck.model import Framework, Priority, Thresholds

_TOP_KEYS = {"framework", "priorities", "thresholds"}
_FRAMEWORK_KEYS = {"name", "version", "description"}
_PRIORITY_KEYS = {
    "id",
    "title",
    "description",
    "keywords",
    "aliases",
    "exclude",
    "required",
    "priorities",
}
_THRESHOLD_KEYS = {"aligned", "partial"}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class _Findings:
    path: str
    marked_errors: list[tuple[int, int, str]] = field(default_factory=list)
    marked_warnings: list[tuple[int, int, str]] = field(default_factory=list)

    def error(self, node: yaml.Node, where: str, message: str) -> None:
        self.marked_errors.append(_marked(self.path, node, where, message))

    def warn(self, node: yaml.Node, where: str, message: str) -> None:
        self.marked_warnings.append(_marked(self.path, node, where, f"warning: {message}"))

    @property
    def errors(self) -> list[str]:
        return [text for *_, text in sorted(self.marked_errors)]

    @property
    def warnings(self) -> list[str]:
        return [text for *_, text in sorted(self.marked_warnings)]


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of validating a framework file: the framework if usable, and all findings."""

    framework: Framework | None
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def _marked(path: str, node: yaml.Node, where: str, message: str) -> tuple[int, int, str]:
    mark = node.start_mark
    prefix = f"{where}: " if where else ""
    return mark.line, mark.column, f"{path}:{mark.line + 1}:{mark.column + 1}: {prefix}{message}"


def load_framework(path: Path) -> Framework:
    """Load a valid framework or raise :class:`FrameworkError` listing every problem."""
    result = validate(path)
    if result.framework is None:
        raise FrameworkError(
            f"invalid framework ({len(result.errors)} problem(s))",
            str(path),
            problems=list(result.errors),
        )
    return result.framework


def validate(path: Path) -> Validation:
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return Validation(None, (f"{shown}: framework file not found",), ())
    except (OSError, UnicodeDecodeError) as error:
        return Validation(None, (f"{shown}: cannot read framework file: {error}",), ())
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return Validation(None, (_yaml_error(shown, error),), ())
    except yaml.YAMLError as error:
        return Validation(None, (f"{shown}: not valid YAML: {error}",), ())
    findings = _Findings(shown)
    framework = _framework(root, findings, shown)
    if findings.errors:
        return Validation(None, tuple(findings.errors), tuple(findings.warnings))
    return Validation(framework, (), tuple(findings.warnings))


def _yaml_error(path: str, error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if error.context and error.context not in problem:
        problem = f"{problem} ({error.context})"
    if mark is None:
        return f"{path}: not valid YAML: {problem}"
    return f"{path}:{mark.line + 1}:{mark.column + 1}: not valid YAML: {problem}"


def _framework(root: yaml.Node | None, findings: _Findings, path: str) -> Framework | None:
    if root is None:
        findings.marked_errors.append((0, 0, f"{path}: framework file is empty"))
        return None
    if not isinstance(root, yaml.MappingNode):
        findings.error(root, "", "expected a mapping with 'framework' and 'priorities' keys")
        return None
    top = _mapping(root, "", _TOP_KEYS, findings)
    meta = top.get("framework")
    name, version, description = None, None, None
    if meta is None:
        findings.error(root, "framework", "missing required key 'framework'")
    elif isinstance(meta, yaml.MappingNode):
        fields = _mapping(meta, "framework", _FRAMEWORK_KEYS, findings)
        name = _string(fields.get("name"), "framework.name", findings, required=meta)
        version = _scalar_text(fields.get("version"), "framework.version", findings)
        description = _string(fields.get("description"), "framework.description", findings)
    else:
        findings.error(meta, "framework", "expected a mapping with at least 'name'")
    thresholds = _thresholds(top.get("thresholds"), findings)
    priorities: list[Priority] = []
    listed = top.get("priorities")
    if listed is None:
        findings.error(root, "priorities", "missing required key 'priorities'")
    else:
        _priorities(listed, "priorities", None, 0, findings, priorities, {})
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
    )


def _mapping(
    node: yaml.MappingNode, where: str, known: set[str], findings: _Findings
) -> dict[str, yaml.Node]:
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        path = f"{where}.{key}" if where else key
        if key in fields:
            findings.error(key_node, path, f"duplicate key '{key}'")
            continue
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            findings.warn(key_node, path, f"unknown key '{key}' (ignored){hint}")
            continue
        fields[key] = value_node
    return fields


def _string(
    node: yaml.Node | None, where: str, findings: _Findings, required: yaml.Node | None = None
) -> str | None:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        if required is not None:
            findings.error(
                node or required, where, f"missing required key '{where.split('.')[-1]}'"
            )
        return None
    if not isinstance(node, yaml.ScalarNode):
        findings.error(node, where, f"expected text, got {_kind(node)}")
        return None
    text = str(node.value).strip()
    if required is not None and not text:
        findings.error(node, where, "must not be empty")
        return None
    return text


def _scalar_text(node: yaml.Node | None, where: str, findings: _Findings) -> str | None:
    if node is None:
        return None
    if not isinstance(node, yaml.ScalarNode):
        findings.error(node, where, f"expected text or a number, got {_kind(node)}")
        return None
    return str(node.value)


def _kind(node: yaml.Node) -> str:
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


def _string_list(node: yaml.Node | None, where: str, findings: _Findings) -> tuple[str, ...]:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        hint = (
            " (write it as [\"...\"] or as '- ...' lines)"
            if isinstance(node, yaml.ScalarNode)
            else ""
        )
        findings.error(node, where, f"expected a list of strings, got {_kind(node)}{hint}")
        return ()
    values: list[str] = []
    for index, item in enumerate(node.value):
        if not isinstance(item, yaml.ScalarNode) or item.tag.endswith(":null"):
            findings.error(item, f"{where}[{index}]", f"expected a string, got {_kind(item)}")
        elif str(item.value).strip():
            values.append(str(item.value).strip())
        else:
            findings.error(item, f"{where}[{index}]", "must not be empty")
    return tuple(values)


def _boolean(node: yaml.Node | None, where: str, findings: _Findings) -> bool:
    if node is None:
        return False
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
        return str(node.value).lower() in ("true", "yes", "on")
    findings.error(node, where, f"expected true or false, got {_kind(node)}")
    return False


def _thresholds(node: yaml.Node | None, findings: _Findings) -> Thresholds | None:
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        findings.error(node, "thresholds", "expected a mapping with 'aligned' and 'partial'")
        return None
    fields = _mapping(node, "thresholds", _THRESHOLD_KEYS, findings)
    default = Thresholds()
    values = {"aligned": default.aligned, "partial": default.partial}
    for key, value in fields.items():
        number = _fraction(value, f"thresholds.{key}", findings)
        if number is not None:
            values[key] = number
    if values["partial"] > values["aligned"]:
        findings.error(node, "thresholds", "'partial' must not be above 'aligned'")
        return None
    return Thresholds(values["aligned"], values["partial"])


def _fraction(node: yaml.Node, where: str, findings: _Findings) -> float | None:
    try:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":bool"):
            raise ValueError
        number = float(node.value)
    except ValueError:
        findings.error(node, where, f"expected a number between 0 and 1, got {_kind(node)}")
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
    findings: _Findings,
    out: list[Priority],
    seen: dict[str, str],
) -> None:
    if not isinstance(node, yaml.SequenceNode):
        findings.error(node, where, f"expected a list of priorities, got {_kind(node)}")
        return
    for index, item in enumerate(node.value):
        here = f"{where}[{index}]"
        if not isinstance(item, yaml.MappingNode):
            findings.error(
                item, here, f"expected a priority (a mapping with id and title), got {_kind(item)}"
            )
            continue
        fields = _mapping(item, here, _PRIORITY_KEYS, findings)
        priority_id = _priority_id(item, fields.get("id"), here, findings, seen)
        title = _string(fields.get("title"), f"{here}.title", findings, required=item)
        priority = Priority(
            id=priority_id or "",
            title=title or "",
            description=_string(fields.get("description"), f"{here}.description", findings) or "",
            keywords=_string_list(fields.get("keywords"), f"{here}.keywords", findings),
            aliases=_string_list(fields.get("aliases"), f"{here}.aliases", findings),
            exclude=_string_list(fields.get("exclude"), f"{here}.exclude", findings),
            required=_boolean(fields.get("required"), f"{here}.required", findings),
            parent=parent,
            depth=depth,
        )
        out.append(priority)
        children = fields.get("priorities")
        if children is not None:
            _priorities(
                children, f"{here}.priorities", priority.id or None, depth + 1, findings, out, seen
            )


def _priority_id(
    item: yaml.Node, node: yaml.Node | None, where: str, findings: _Findings, seen: dict[str, str]
) -> str | None:
    if node is None:
        findings.error(item, f"{where}.id", "missing required key 'id'")
        return None
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
        findings.error(node, f"{where}.id", f"expected an id string, got {_kind(node)}")
        return None
    value = str(node.value).strip()
    if not _ID.match(value):
        findings.error(
            node,
            f"{where}.id",
            f"invalid id '{value}': use letters, digits and - _ . : / without spaces",
        )
        return None
    if value in seen:
        findings.error(node, f"{where}.id", f"duplicate id '{value}' (first used at {seen[value]})")
        return None
    seen[value] = f"line {node.start_mark.line + 1}"
    return value


def framework_to_dict(framework: Framework) -> dict[str, Any]:
    """The framework summary every report carries."""
    return {
        "name": framework.name,
        "version": framework.version,
        "path": framework.path,
        "priorities": [
            {"id": p.id, "title": p.title, "parent": p.parent, "required": p.required}
            for p in framework.priorities
        ],
    }
