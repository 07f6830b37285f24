"""One run as a comparison sees it: every document's verdicts, from a saved JSON report or a
report just made.

A :class:`Snapshot` keeps what a comparison or a baseline needs (verdicts with their best quote,
coverage, and what made the run: alignck version, framework, matcher, thresholds) and nothing
else. Loading a file that is not an alignck JSON report raises :class:`ReportFileError` saying
why; this module does not compare (see :mod:`alignck.compare`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from alignck.errors import ReportFileError
from alignck.files import open_regular
from alignck.model import Location, Report, Status

_SCHEMA_VERSION = 1
_STATUSES = ("aligned", "partial", "gap")


@dataclass(frozen=True, slots=True)
class Verdict:
    """One document's verdict on one priority, with the quote that best shows it."""

    status: Status
    score: float
    quote: str | None = None
    location: Location | None = None
    waived: bool = False
    reviewed: bool = False
    # Every quote the verdict gives, the best first: the grounds it rests on.
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentRun:
    path: str
    percent: float
    verdicts: dict[str, Verdict]
    # The SHA-256 of the file's bytes, where the run gives it: a file renamed since with the
    # same bytes is the same document.
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a comparison needs from one run. ``source`` names it in messages."""

    source: str
    version: str
    framework: str
    priorities: dict[str, str]  # id -> title, in framework order
    matcher: str
    thresholds: tuple[float, float]
    system_percent: float
    documents: tuple[DocumentRun, ...]
    # Documents the run could not read: not 'removed' from it, and not compared.
    unread: tuple[str, ...] = ()
    # Each id a priority of its framework had before -> its id then ('formerly').
    renamed: dict[str, str] = field(default_factory=dict)
    # Where its framework is to be read, when not in ``source`` (a saved report holds its
    # own): the framework file of documents checked now.
    framework_file: str = ""
    # Why each of ``unread`` could not be read, as the run said it.
    unread_why: dict[str, str] = field(default_factory=dict)
    # The framework file's SHA-256 ('' where the report does not say).
    framework_sha256: str = ""
    # A hash of the alignck code that made it ('' where the report does not say).
    code: str = ""

    def with_ids_of(self, later: dict[str, str]) -> Snapshot:
        """This run with its priorities under the ids a later framework gives them (``later``:
        that framework's former id -> id), so that a renamed priority is compared with itself,
        not as one removed and one added."""
        moved = {old: new for old, new in later.items() if old in self.priorities}
        targets = list(moved.values())
        # A priority this run had under its own id, or two that became one (a merge), keep
        # their own verdicts: mapping them would put one's verdicts on the other.
        moved = {
            old: new
            for old, new in moved.items()
            if new not in self.priorities and targets.count(new) == 1
        }
        if not moved:
            return self
        priorities = {moved.get(i, i): title for i, title in self.priorities.items()}
        documents = tuple(
            replace(d, verdicts={moved.get(i, i): v for i, v in d.verdicts.items()})
            for d in self.documents
        )
        return replace(self, priorities=priorities, documents=documents)


def is_saved_report(path: Path) -> bool:
    """Whether a diff input is a saved JSON report rather than a document or folder to check."""
    return path.suffix.lower() == ".json" and not path.is_dir()


def _decoded(data: bytes) -> str:
    """UTF-8, or UTF-16 with its byte-order mark (what Windows PowerShell 5.1's '>' writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def load_snapshot(path: Path) -> Snapshot:
    """A saved JSON report as a snapshot, or :class:`ReportFileError` saying why it is not one."""
    shown = str(path)
    text = ""
    try:
        # Opened without blocking: a FIFO given as the baseline hung the run.
        with open_regular(path) as handle:
            text = _decoded(handle.read())
        data = json.loads(text)
    except FileNotFoundError:
        from alignck.files import near_name

        near = near_name(path, (".json",))
        raise ReportFileError(f"report file not found{near}", shown) from None
    except IsADirectoryError:
        raise ReportFileError("a folder, not a saved JSON report", shown) from None
    except UnicodeDecodeError:
        raise ReportFileError("not a JSON report: its text is not UTF-8 or UTF-16", shown) from None
    except OSError as error:
        if path.is_dir():
            raise ReportFileError("a folder, not a saved JSON report", shown) from None
        raise ReportFileError(f"cannot read the report: {error.strerror or error}", shown) from None
    except json.JSONDecodeError as error:
        if mistaken := _other_kind(text, shown) or _another_format(text, None, shown):
            raise ReportFileError(mistaken) from None
        # Near the end: a literal or number cut in the middle ("nul") fails where it starts.
        at_the_end = error.pos >= len(text.rstrip()) - 6 or error.msg.startswith("Unterminated")
        if text.lstrip().startswith("{") and at_the_end and _left_open(text):
            raise ReportFileError(
                "a JSON report cut short: it ends before its JSON is complete (saved while "
                "the run was writing it, or copied in part?); save the report again",
                shown,
            ) from None
        raise ReportFileError(
            f"not a JSON report (invalid JSON: {error.msg})", shown, error.lineno, error.colno
        ) from None
    except RecursionError:
        raise ReportFileError("not an alignck JSON report (nested too deeply)", shown) from None
    except ValueError as error:  # an integer of thousands of digits, say
        raise ReportFileError(f"not an alignck JSON report ({error})", shown) from None
    try:
        return _snapshot_from_json(data, shown)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if mistaken := _other_kind_of_json(text, data, shown) or _another_format(text, data, shown):
            raise ReportFileError(mistaken) from None
        why = f"missing key {error}" if isinstance(error, KeyError) else str(error)
        raise ReportFileError(
            f"not an alignck JSON report (as 'alignck check --format json' writes): {why}",
            shown,
        ) from None


def _left_open(text: str) -> bool:
    """Whether JSON text ends inside a string or with a bracket unclosed: cut short, not
    written wrong. (Only on the way to refusing a file: a scan of every character.)"""
    depth, in_string, escaped = 0, False, False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "{[":
            depth += 1
        elif character in "}]":
            depth -= 1
    return in_string or depth > 0


def _another_format(text: str, data: Any, shown: str) -> str | None:
    """'FILE: alignck's SARIF report, not its JSON one; ...' for a report alignck wrote in a
    format no comparison reads (SARIF, JUnit XML): 'no 'tool: alignck'' did not say that
    the file was alignck's own."""
    given = "give the report 'alignck check --format json' writes"
    if (
        isinstance(data, dict)
        and isinstance(data.get("runs"), list)
        and "sarif" in str(data.get("$schema", "")).lower() + str(data.get("version", ""))
    ):
        drivers = [
            driver.get("name")
            for run in data["runs"]
            if isinstance(run, dict)
            and isinstance(tool := run.get("tool"), dict)
            and isinstance(driver := tool.get("driver"), dict)
        ]
        whose = "alignck's SARIF report" if "alignck" in drivers else "a SARIF report"
        return f"{shown}: {whose}, not a JSON report; {given}"
    head = text.lstrip()[:4096]
    if data is None and head.startswith("<") and "<testsuite" in head and "alignck" in head:
        return f"{shown}: alignck's JUnit XML report, not a JSON report; {given}"
    return None


def _other_kind(text: str, shown: str) -> str | None:
    """'FILE:LINE:COL: a waivers file, not a saved alignck report; give it with --waivers'
    for a file of alignck's that is not a report (a waivers, review or framework file in
    YAML), as --waivers and --review name one: 'not a JSON report (invalid JSON: Expecting
    value)' did not say that --baseline and --waivers were swapped. None for anything else.
    Only for text that is not JSON: JSON is told by :func:`_other_kind_of_json`."""
    import yaml

    from alignck.file_kinds import mistaken_kind
    from alignck.yamlnodes import Refused, compose

    try:
        root = compose(text, shown)
    except (Refused, yaml.YAMLError, RecursionError):
        return None
    return mistaken_kind(root, "report", shown)


# The top-level keys that tell one of alignck's files (see alignck.file_kinds.kind_of).
_TELLING_KEYS = frozenset({"framework", "priorities", "waivers", "reviews"})


def _other_kind_of_json(text: str, data: Any, shown: str) -> str | None:
    """As :func:`_other_kind`, for JSON already parsed as ``data``: told from its top-level
    keys, never by composing the text again as YAML (a 45 MB JSON file that is no report
    took 21 s and a gigabyte to be refused so)."""
    if not isinstance(data, dict) or not _TELLING_KEYS.intersection(data):
        return None
    if "schema_version" in data and "tool" in data:  # a report, of another version say
        return None
    import yaml

    from alignck.file_kinds import mistaken_kind

    def scalar(value: str, at: int = 0) -> yaml.ScalarNode:
        line = text.count("\n", 0, at)
        mark = yaml.Mark(shown, at, line, at - (text.rfind("\n", 0, at) + 1), None, 0)
        return yaml.ScalarNode("tag:yaml.org,2002:str", value, mark, mark)

    pairs = [(scalar(key, at), scalar("")) for key, at in _top_level_keys(text)]
    return mistaken_kind(yaml.MappingNode("tag:yaml.org,2002:map", pairs), "report", shown)


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _top_level_keys(text: str) -> list[tuple[str, int]]:
    """Each key of the JSON object ``text`` (valid JSON) holds at its top level, with where
    its opening quote is: the place a message points at, as YAML's mark of the key does."""
    decoder = json.JSONDecoder()
    keys: list[tuple[str, int]] = []
    at = _skip_space(text, 0)
    if text[at : at + 1] != "{":
        return keys
    at = _skip_space(text, at + 1)
    try:
        while text[at : at + 1] == '"':
            key, end = decoder.raw_decode(text, at)
            keys.append((str(key), at))
            at = _skip_space(text, _skip_space(text, end) + 1)  # past the ':'
            _, end = decoder.raw_decode(text, at)
            at = _skip_space(text, end)
            if text[at : at + 1] != ",":
                break
            at = _skip_space(text, at + 1)
    except (ValueError, RecursionError):
        pass
    return keys


def _skip_space(text: str, at: int) -> int:
    found = _JSON_SPACE.match(text, at)
    return found.end() if found else at


def _snapshot_from_json(data: Any, source: str) -> Snapshot:
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict) or tool.get("name") != "alignck":
        raise ValueError("no 'tool: alignck'")
    if "changes" in data and "documents" not in data:
        raise ValueError("this is the output of 'alignck diff', not of 'alignck check'")
    if data.get("schema_version") != _SCHEMA_VERSION:
        raise ValueError(f"schema_version {data.get('schema_version')!r}, not {_SCHEMA_VERSION}")
    report = _Json(data, "")
    framework = report["framework"]
    listed = report["documents"].items()
    documents = tuple(
        DocumentRun(
            d["path"].text(),
            _percent(d["coverage"]),
            {a["priority_id"].text(): _verdict_from_json(a) for a in d["alignment"].items()},
            _digest(d),
        )
        for d in listed
        if d["status"].value == "ok"
    )
    unread = [d for d in listed if d["status"].value != "ok"]
    priorities = framework["priorities"].items()
    return Snapshot(
        source,
        str(tool.get("version", "")),
        framework["name"].text(),
        {p["id"].text(): p["title"].text() for p in priorities},
        str(data.get("matcher", "")),
        (report["thresholds"]["aligned"].number(), report["thresholds"]["partial"].number()),
        _percent(report["summary"]["system_coverage"]),
        documents,
        tuple(d["path"].text() for d in unread),
        {old.text(): p["id"].text() for p in priorities for old in p.optional("formerly")},
        unread_why={
            d["path"].text(): d.value["error"]
            for d in unread
            if isinstance(d.value.get("error"), str)
        },
        framework_sha256=str(framework.value.get("sha256") or ""),
        code=str(tool.get("code") or ""),
    )


@dataclass(frozen=True, slots=True)
class _Json:
    """A value of the report with its place in it ('documents[0].alignment'), so that a key
    missing or of the wrong kind is said by its place, not by Python's words for it ("'NoneType'
    object is not iterable")."""

    value: Any
    where: str

    def __getitem__(self, key: str) -> _Json:
        """A key the object must have."""
        if not isinstance(self.value, dict):
            raise ValueError(f"{self.where or 'the report'}: {_expected('an object', self.value)}")
        place = f"{self.where}.{key}" if self.where else key
        if key not in self.value:
            raise ValueError(f"missing key {place}")
        return _Json(self.value[key], place)

    def items(self) -> list[_Json]:
        """The items of a list the report must have here."""
        if not isinstance(self.value, list):
            raise ValueError(f"{self.where}: {_expected('a list', self.value)}")
        return [_Json(item, f"{self.where}[{i}]") for i, item in enumerate(self.value)]

    def optional(self, key: str) -> list[_Json]:
        """The items of a list the object may leave out, or give as null."""
        if not isinstance(self.value, dict) or self.value.get(key) is None:
            return []
        return self[key].items()

    def text(self) -> str:
        if isinstance(self.value, dict | list) or self.value is None:
            raise ValueError(f"{self.where}: {_expected('text', self.value)}")
        return str(self.value)

    def number(self) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise ValueError(f"{self.where}: {_expected('a number', self.value)}")
        return float(self.value)


def _digest(document: _Json) -> str | None:
    """A document's ``sha256``, where the report gives one as a digest should be written;
    a report made before it was written has none, and one that is not a digest is ignored
    (it only pairs renamed files)."""
    found = document.value.get("sha256") if isinstance(document.value, dict) else None
    return found if isinstance(found, str) and _SHA256.fullmatch(found) else None


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _expected(kind: str, value: Any) -> str:
    """'expected a list, got null', in JSON's words for what was there."""
    found = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
    shown = "null" if value is None else found.get(type(value), "a number")
    return f"expected {kind}, got {shown}"


def _percent(coverage: _Json) -> float:
    """Coverage from its counts where the report gives them: the percent it prints is
    rounded, and two rounded figures gave the same change as -8.4 and -8.3."""
    values = coverage.value if isinstance(coverage.value, dict) else {}
    counts = [values.get(k) for k in ("aligned", "partial", "gap")]
    whole: list[int] = [c for c in counts if isinstance(c, int) and not isinstance(c, bool)]
    if len(whole) == len(counts) and whole[0] + whole[1] + whole[2] > 0:
        aligned, partial, gap = whole
        return 100.0 * (aligned + 0.5 * partial) / (aligned + partial + gap)
    return coverage["percent"].number()


def _verdict_from_json(alignment: _Json) -> Verdict:
    status = alignment["status"].value
    if status not in _STATUSES:
        raise ValueError(f"{alignment.where}.status: unknown verdict {status!r}")
    evidence = alignment["evidence"].items()
    shown = evidence[0] if evidence else None
    if shown is None and alignment.value.get("nearest") is not None:
        shown = alignment["nearest"]
    where = shown.value if shown is not None else {}
    if shown is not None and not isinstance(where, dict):
        raise ValueError(f"{shown.where}: {_expected('an object', where)}")
    return Verdict(
        status,
        alignment["score"].number(),
        shown["text"].text() if shown is not None else None,
        Location(where.get("page"), where.get("paragraph"), where.get("section"))
        if shown is not None
        else None,
        alignment.value.get("waived") is not None,
        alignment.value.get("review") is not None,
        tuple(item["text"].text() for item in evidence),
    )


def snapshot_of(report: Report, source: str) -> Snapshot:
    """The snapshot of a report made in this run."""
    from alignck import __version__

    waived = report.analysis.waivers_by_verdict()
    reviewed = {(r.path, r.priority_id) for r in report.analysis.reviewed}
    documents = []
    for result in report.documents:
        if result.status != "ok":
            continue
        verdicts = {}
        for a in result.alignments:
            shown = a.evidence[0] if a.evidence else a.nearest
            key = (result.path, a.priority_id)
            verdicts[a.priority_id] = Verdict(
                a.status,
                a.score,
                shown.text if shown else None,
                shown.location if shown else None,
                key in waived,
                key in reviewed,
                tuple(e.text for e in a.evidence),
            )
        percent = report.analysis.document_coverage[result.path].exact_percent
        documents.append(DocumentRun(result.path, percent, verdicts, result.sha256))
    return Snapshot(
        source,
        __version__,
        report.framework.name,
        {p.id: p.title for p in report.framework.priorities},
        report.matcher,
        (report.thresholds.aligned, report.thresholds.partial),
        report.analysis.system_coverage.exact_percent,
        tuple(documents),
        tuple(r.path for r in report.errors),
        report.framework.renamed,
        report.framework.path,
        {r.path: r.error for r in report.errors if r.error},
        report.framework.sha256,
        report.code,
    )
