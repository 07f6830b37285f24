"""Compare two runs: which verdicts moved, which gaps are new or closed, how coverage changed.

A run is a :class:`~alignck.snapshot.Snapshot`: the verdicts of every document, from a saved
JSON report or a report just made. Documents
are paired by their path, then below the run's common folder, then by the longest end of
their paths they share (a folder and the file at least), then by name without extension in
the same folder, then in any folder (a name only one document on each side has), and
two runs of one document each are paired whatever their names (two drafts of one strategy).
Runs against different frameworks cannot be compared; other differences (alignck version,
matcher, thresholds) are warnings, since verdicts may then move for reasons other than the text.
This module decides; it does not print (see :mod:`alignck.renderers.diff`).
"""

from __future__ import annotations

import math
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from alignck.checkout import checkout_path
from alignck.errors import ReportFileError
from alignck.model import STATUS_RANK, FailOn, Report, Status
from alignck.snapshot import DocumentRun, Snapshot, Verdict
from alignck.wording import counted

Regression = Literal["new-gap", "worse"]
REGRESSIONS: tuple[Regression, ...] = ("new-gap", "worse")


@dataclass(frozen=True, slots=True)
class Change:
    """A verdict that moved; ``old`` is None for a document or priority the old run did not
    have."""

    document: str
    priority_id: str
    title: str
    old: Status | None
    new: Verdict
    path: str = ""  # the document's path in the new run, for the CI formats
    # A priority the old run's framework did not have: ``old`` is None for that reason.
    new_priority: bool = False
    old_reviewed: bool = False  # the old verdict was a reviewer's, not alignck's
    old_waived: bool = False  # the old verdict was waived

    @property
    def waiver_lapsed(self) -> bool:
        """The old verdict was waived and this one, no better, is not: the waiver lapsed or
        went, and the verdict counts as new debt though its status did not move. One that
        improved (a waived gap now partial) is a closed gap, as without the waiver."""
        return (
            self.old_waived
            and self.old is not None
            and not self.new.waived
            and self.new.status != "aligned"
            and STATUS_RANK[self.new.status] <= STATUS_RANK[self.old]
        )

    @property
    def only_waiver_went(self) -> bool:
        """The verdict did not move, but its waiver lapsed or went: what diff says apart (a
        month of expired waivers read as thirteen new gaps). One that got worse as its waiver
        went moved for its document's sake too, and is not this."""
        return self.waiver_lapsed and self.old == self.new.status

    @property
    def is_new_gap(self) -> bool:
        return self.new.status == "gap" and (self.old != "gap" or self.waiver_lapsed)

    @property
    def is_closed_gap(self) -> bool:
        return self.old == "gap" and self.new.status != "gap"

    @property
    def is_worse(self) -> bool:
        was = self.old or "aligned"
        return self.waiver_lapsed or STATUS_RANK[self.new.status] < STATUS_RANK[was]

    def regresses(self, fail_on: Regression) -> bool:
        """Whether this change fails a run held to ``fail_on`` (a waived verdict never does)."""
        if self.new.waived:
            return False
        return self.is_new_gap if fail_on == "new-gap" else self.is_worse


@dataclass(frozen=True, slots=True)
class Regrounded:
    """A verdict that stands where it stood, aligned or partial, but no longer quotes the
    passage it rested on: a draft that lost the section behind a verdict can keep the verdict
    on another passage, and no moved verdict shows it."""

    document: str
    priority_id: str
    title: str
    status: Status
    was_quoted: str  # the passage the old verdict rested on
    new: Verdict
    path: str = ""


@dataclass(frozen=True, slots=True)
class CoverageChange:
    """Coverage in percent before and after; None where the document was not in that run."""

    document: str
    old: float | None
    new: float | None
    # The document's path as the run's report gives it ('' for the system): the key that
    # joins a comparison to a check report.
    path: str = ""
    # A document this run has but could not read: its row says so, where it would otherwise
    # be missing from the table, or read as removed.
    unread: bool = False

    @property
    def delta(self) -> float | None:
        """The change, worked out from the counts (the same half priority of six is the same
        change in every document), to a tenth of a point with halves away from zero as
        readers round (93.75 -> 87.5, shown 93.8 -> 87.5, changes by -6.3, not the -6.2
        Python's rounding to even gives)."""
        if self.old is None or self.new is None:
            return None
        change = tenths(abs(self.new - self.old)) / 10
        # No '-0.0' for a change too small to show.
        return -change if self.new < self.old and change else change


def tenths(value: float) -> int:
    """A non-negative percent in tenths of a point, halves rounded up as readers round them.
    Rounded to 9 places first: 93.75 - 87.5 is 6.25 exactly, 66.675 - 0.0 a hair under."""
    return math.floor(round(value * 10, 9) + 0.5)


@dataclass(frozen=True, slots=True)
class Comparison:
    old_source: str
    new_source: str
    framework: str
    changes: tuple[Change, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    coverage: tuple[CoverageChange, ...]
    system: CoverageChange
    warnings: tuple[str, ...] = ()
    # Documents of this run that could not be read: not compared, and the run fails (exit 2).
    unread: tuple[str, ...] = ()
    # Every document of this run, read or not: the reports name each as check's do, told
    # apart from the others of its name.
    documents: tuple[str, ...] = ()
    # Why each of ``unread`` could not be read, where the run said.
    unread_why: Mapping[str, str] = field(default_factory=dict)
    # Verdicts that did not move but rest on other passages now.
    regrounded: tuple[Regrounded, ...] = ()

    @property
    def new_gaps(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.is_new_gap)

    @property
    def closed_gaps(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.is_closed_gap)

    def regressions(self, fail_on: Regression) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.regresses(fail_on))


def comparable(old: Snapshot, new: Snapshot) -> list[str]:
    """Warnings about differences that move verdicts for reasons other than the documents;
    :class:`ReportFileError` when the two runs share no priority."""
    require_framework(old, list(new.priorities), new.framework, new.framework_file or new.source)
    differences = [
        ("alignck version", old.version, new.version),
        ("framework name", old.framework, new.framework),
        ("matcher", old.matcher, new.matcher),
        ("thresholds", _thresholds(old.thresholds), _thresholds(new.thresholds)),
    ]
    if old.version == new.version and old.code and new.code:
        # The same version, other code (a checkout between releases): verdicts moved by it.
        differences.append(("alignck code", old.code, new.code))
    warnings = [
        f"{old.source}: warning: made with {what} {was}, not {now}; verdicts may differ for "
        "that reason, not because the documents changed"
        for what, was, now in differences
        if was != now
    ]
    changes = _priority_changes(old, new.priorities)
    digests = (old.framework_sha256, new.framework_sha256)
    if not changes and all(digests) and digests[0] != digests[1]:
        # A description, keyword, alias or exclusion edited moves verdicts as a title does,
        # and the run that failed on it blamed a partner's draft.
        changes.append(
            f"{old.source}: warning: made with the framework file at sha256 "
            f"{old.framework_sha256[:12]}, not {new.framework_sha256[:12]}, with the same ids "
            "(as 'formerly' maps them) and titles: a priority's description, keywords, "
            "aliases or exclusions may have changed, and verdicts with them, not because the "
            "documents changed, or which "
            "priorities are required, and the policy with it (an edit of comments, layout or "
            "'formerly' alone changes the file but no verdict)"
        )
    return warnings + changes


def _priority_changes(old: Snapshot, titles: Mapping[str, str]) -> list[str]:
    """What the framework's edit between two runs did to its priorities: the verdicts of a
    priority on one side only are not compared (a new one's shortfalls count as new), and a
    priority reworded may move for that reason, not the documents'."""
    said = []
    added = [i for i in titles if i not in old.priorities]
    removed = [i for i in old.priorities if i not in titles]
    if added:
        said.append(
            f"{old.source}: warning: priorities new since this run: {', '.join(added)}; "
            "their verdicts have nothing to be compared with, and count as new"
        )
    if removed:
        said.append(
            f"{old.source}: warning: priorities no longer in the framework: "
            f"{', '.join(removed)}; their verdicts are not compared"
        )
    said += [
        f"{old.source}: note: '{new_id}' has the title '{titles[new_id]}' that '{old_id}' had: "
        f"if it is the same priority under a new id, add 'formerly: [{old_id}]' to it in the "
        "framework and its verdicts are compared"
        for new_id, old_id in _same_titles(added, removed, titles, old.priorities)
    ]
    said += [
        f"{old.source}: warning: priority '{i}' was '{old.priorities[i]}', now '{title}'; "
        "verdicts on it, and on the others (a passage is judged by how much closer it is to "
        "one priority than to the rest), may differ for that reason, not because the "
        "documents changed"
        for i, title in titles.items()
        if i in old.priorities and old.priorities[i] != title
    ]
    return said


def _same_titles(
    added: list[str], removed: list[str], titles: Mapping[str, str], before: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Each new priority paired with the removed priority of the same title, case and
    spacing aside, where each is the only one of its side with that title: an id changed
    without 'formerly' looks like one priority gone and another new, and every verdict on it
    counts as new."""

    def key(title: str) -> str:
        return " ".join(title.casefold().split())

    gone: dict[str, list[str]] = {}
    for old_id in removed:
        gone.setdefault(key(before[old_id]), []).append(old_id)
    come: dict[str, list[str]] = {}
    for new_id in added:
        come.setdefault(key(titles[new_id]), []).append(new_id)
    # One to one only: a former id may be no two priorities' (the framework refuses that).
    return [
        (new_ids[0], gone[title][0])
        for title, new_ids in come.items()
        if len(new_ids) == 1 and len(gone.get(title, [])) == 1
    ]


def require_framework(old: Snapshot, ids: list[str], name: str, source: str) -> None:
    """Refuse a run against a framework with none of the old run's priorities: its verdicts
    are on other questions, so no verdict can be said to have moved. Priorities added,
    removed or reordered by an edit of the framework leave the others comparable."""
    if not set(old.priorities) & set(ids):
        raise ReportFileError(
            f"checked against framework '{old.framework}', whose priorities "
            f"({_listed(list(old.priorities))}) are none of those of '{name}' in {source} "
            f"({_listed(ids)}): runs against different frameworks cannot be compared",
            old.source,
        )


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:5])
    return shown + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")


def _thresholds(pair: tuple[float, float]) -> str:
    return f"aligned {pair[0]:g} / partial {pair[1]:g}"


def compare(
    old: Snapshot,
    new: Snapshot,
    unread_old: Sequence[str] = (),
    unread_new: Sequence[str] = (),
) -> Comparison:
    """Every moved verdict, in new-run document order then framework order. A document this
    run could not read (``unread_new``) is not compared: its old run is neither kept nor
    removed. One the old run could not read (``unread_old``) had no verdicts then, so it is
    compared as a document new in this run, as check --baseline holds it. A warning says
    which. A priority renamed in between (its ``formerly``) is compared with itself."""
    old = old.with_ids_of(new.renamed)
    warnings = comparable(old, new)
    same = same_content(old.documents, new.documents)
    # Only those this run has, by name: one deleted since is compared with nothing.
    now = [d.path for d in new.documents]
    warnings += unread_then(
        old.source, [d.path for d in old.documents], unread_old, now, set(now), same
    )
    warnings += [
        f"alignck: warning: {path}: could not be read; not compared" for path in unread_new
    ]
    every, by_name_only, by_content = _paired(
        [d.path for d in old.documents] + list(unread_old),
        [d.path for d in new.documents] + list(unread_new),
        same=same,
    )
    # Only where the bytes made the pair: 'old/plan.md' and 'new/plan.md' are one by name.
    warnings += [same_content_note(old.source, every[path], path) for path in sorted(by_content)]
    # Old runs whose new side could not be read: nothing to compare them with.
    uncompared = {o for n, o in every.items() if n in unread_new}
    pairs = {n: o for n, o in every.items() if n not in unread_new and o not in unread_old}
    warnings += [
        elsewhere_warning(old.source, d.path, pairs[d.path])
        for d in new.documents
        if d.path in by_name_only and d.path in pairs and _other_folder(d.path, pairs[d.path])
    ]
    warnings += alone_warnings(
        old.source, [d.path for d in old.documents], [d.path for d in new.documents], pairs
    )
    # Every pairing, documents this run could not read included: they are not renamed.
    warnings += [
        renamed_note(old.source, was, now)
        for was, now in _renamed(
            [d.path for d in old.documents], [*(d.path for d in new.documents), *unread_new], every
        )
        if now not in unread_new
    ]
    warnings += left_unaddressed(old, new, unread_new)
    old_by_path = {d.path: d for d in old.documents}
    names = document_names([*(d.path for d in new.documents), *unread_new])
    changes: list[Change] = []
    regrounded: list[Regrounded] = []
    coverage: list[CoverageChange] = []
    for document in new.documents:
        if document.path in uncompared:
            continue
        before = old_by_path.get(pairs.get(document.path, ""))
        name = names[document.path]
        changes.extend(_moved(name, before, document, new.priorities, old.priorities))
        if before is not None:
            regrounded.extend(_regrounded(name, before, document, new.priorities))
        coverage.append(
            CoverageChange(
                name, before.percent if before else None, document.percent, document.path
            )
        )
    coverage.extend(
        CoverageChange(
            names[path],
            old_by_path[every[path]].percent if every.get(path) in old_by_path else None,
            None,
            path,
            unread=True,
        )
        for path in unread_new
    )
    paired = set(pairs.values())
    removed = tuple(
        d.path for d in old.documents if d.path not in paired and d.path not in uncompared
    )
    old_names = document_names([d.path for d in old.documents])
    coverage.extend(CoverageChange(old_names[p], old_by_path[p].percent, None, p) for p in removed)
    return Comparison(
        old.source,
        new.source,
        new.framework,
        tuple(changes),
        tuple(
            names[d.path] for d in new.documents if d.path not in pairs and d.path not in uncompared
        ),
        tuple(old_names[p] for p in removed),
        tuple(coverage),
        CoverageChange("system", old.system_percent, new.system_percent),
        tuple(warnings),
        tuple(unread_new),
        (*(d.path for d in new.documents), *unread_new),
        {**old.unread_why, **new.unread_why},
        tuple(regrounded),
    )


# How alike a quote must be to one of the new verdict's to be the same passage, edited
# (rapidfuzz's ratio, 0-100): a typo mended or a figure updated is not another ground.
_SAME_PASSAGE = 90


def _regrounded(
    name: str, before: DocumentRun, after: DocumentRun, titles: Mapping[str, str]
) -> Iterable[Regrounded]:
    """The verdicts, aligned or partial in both runs, set by alignck and not waived in both,
    whose old best quote is none of the new verdict's quotes, nor one of them edited or
    extended. Not where the file's bytes are the same: what moved there is alignck, not the
    document (a baseline made by an older version)."""
    if before.sha256 is not None and before.sha256 == after.sha256:
        return
    for priority_id, title in titles.items():
        old, new = before.verdicts.get(priority_id), after.verdicts.get(priority_id)
        if old is None or new is None or old.status != new.status or new.status == "gap":
            continue
        if old.reviewed or new.reviewed or old.waived or new.waived:
            continue
        if not old.quotes or not new.quotes:
            continue
        if not any(_same_passage(old.quotes[0], quote) for quote in new.quotes):
            yield Regrounded(name, priority_id, title, new.status, old.quotes[0], new, after.path)


# A quote this many words long or more found inside a longer one is that passage extended.
_EXTENDED_FROM = 5


def _same_passage(was: str, now: str) -> bool:
    """Whether two quotes are one passage: alike but for an edit, case or spacing ('Be a
    Great Place to Work'), or the one within the other ('We will open two crisis cafes'
    going on 'and fund a suicide prevention programme')."""
    from rapidfuzz import fuzz

    a, b = " ".join(was.split()).casefold(), " ".join(now.split()).casefold()
    if fuzz.ratio(a, b) >= _SAME_PASSAGE:
        return True
    shorter = min(a, b, key=len)
    return len(shorter.split()) >= _EXTENDED_FROM and fuzz.partial_ratio(a, b) >= _SAME_PASSAGE


def _moved(
    name: str,
    before: DocumentRun | None,
    after: DocumentRun,
    titles: Mapping[str, str],
    old_titles: Mapping[str, str],
) -> Iterable[Change]:
    """The verdicts that moved; a document or priority new in this run brings each verdict
    below aligned."""
    for priority_id, title in titles.items():
        verdict = after.verdicts.get(priority_id)
        if verdict is None:
            continue
        new_priority = priority_id not in old_titles
        old = before.verdicts.get(priority_id) if before and not new_priority else None
        old_status = old.status if old else None
        change = Change(
            name,
            priority_id,
            title,
            old_status,
            verdict,
            after.path,
            new_priority and bool(before),
            bool(old and old.reviewed),
            bool(old and old.waived),
        )
        if before and not new_priority:
            moved = old_status != verdict.status or change.waiver_lapsed
        else:
            moved = verdict.status != "aligned"
        if moved:
            yield change


def pair_documents(
    old: list[str], new: list[str], same: Mapping[str, str] | None = None
) -> dict[str, str]:
    """new path -> the old path it is a later run of; ``same``: new paths known to hold the
    same bytes as an old one (:func:`same_content`)."""
    return _paired(old, new, same=same)[0]


def same_content(old: Sequence[Any], new: Sequence[Any]) -> dict[str, str]:
    """new path -> old path, for each new document whose file has the same bytes (its
    ``sha256``) as one old document's, each the only one of its run with them, under
    another path: a file renamed between runs ('Trust strategy v3.docx' -> 'Trust strategy
    FINAL.docx') was compared as one document removed and another added, every gap new."""
    before, after = _one_each(old), _one_each(new)
    return {
        path: before[digest]
        for digest, path in after.items()
        if digest in before and before[digest] != path
    }


def _one_each(documents: Sequence[Any]) -> dict[str, str]:
    """sha256 -> path, for the digests only one document has, or only one document not named
    as a copy ('Copy of plan.md' beside the renamed 'plan.md' left it unpaired, every gap
    new)."""
    from alignck.names import named_as_copy

    seen: dict[str, list[str]] = {}
    for document in documents:
        if document.sha256:
            seen.setdefault(document.sha256, []).append(document.path)
    found = {}
    for digest, paths in seen.items():
        originals = [p for p in paths if not named_as_copy(p)] if len(paths) > 1 else paths
        if len(originals) == 1:
            found[digest] = originals[0]
    return found


def same_content_note(source: str, was: str, now: str) -> str:
    return (
        f"{source}: note: {checkout_path(now)} has the same bytes as {checkout_path(was)} "
        "of that run: compared with it, as the same document renamed"
    )


def _paired(
    old: list[str], new: list[str], lone: bool = True, same: Mapping[str, str] | None = None
) -> tuple[dict[str, str], set[str], set[str]]:
    """The pairs; the new paths paired with an old one of another folder by their file name
    alone (the last way tried before a lone document on each side, unless ``lone`` is
    false); and those paired by their bytes alone. ``same``: new paths known to hold an old
    one's bytes, paired after their paths and before their names."""
    old_keys, new_keys = _relative(old), _relative(new)
    # The same path is the same document: one system checked against a national baseline
    # has another common folder, and its paths below it are not the baseline's.
    at = {posixpath.normpath(_as_posix(p)): p for p in old}
    pairs = {
        path: at[found] for path in new if (found := posixpath.normpath(_as_posix(path))) in at
    }
    # The path below a run's folder names a document only where the run had a folder: a
    # run of one file has its own folder as that, and its path below it is its bare name,
    # which held the trust's 'trust/strategy.md' to the ICB's 'strategy.md' of a run of
    # several (two runs of one file each are two drafts: their names pair as they are).
    folders = (len(old) > 1) == (len(new) > 1)
    if folders:
        by_key = {key: path for path, key in old_keys.items() if path not in pairs.values()}
        for path, key in new_keys.items():
            if path not in pairs and key in by_key:
                pairs[path] = by_key.pop(key)
    _pair_by_tail(pairs, old, new)
    by_content: set[str] = set()
    if same:
        taken, olds, news = set(pairs.values()), set(old), set(new)
        for path, was in same.items():
            if path in news and path not in pairs and was in olds and was not in taken:
                pairs[path] = was
                taken.add(was)
                by_content.add(path)
    by_name_only: set[str] = set()
    for name in (_stem, _name, _loose_name) if folders else (_name, _loose_name):
        # A document renamed in its folder, then one moved to another folder: each paired
        # only when no other document of either run has its name, paired or not.
        taken = set(pairs.values())
        by_name = _unique({p: name(k) for p, k in old_keys.items()})
        for found, path in _unique({p: name(k) for p, k in new_keys.items()}).items():
            if path not in pairs and found in by_name and by_name[found] not in taken:
                pairs[path] = by_name[found]
                taken.add(by_name[found])
                if name is not _stem:
                    by_name_only.add(path)
    if lone and len(old) == 1 and len(new) == 1 and not pairs:
        pairs[new[0]] = old[0]
    return pairs, by_name_only, by_content


def unread_then_note(source: str, path: str) -> str:
    return f"{source}: {path} could not be read in that run; compared as a new document"


def unread_then(
    source: str,
    old: Sequence[str],
    unread_old: Sequence[str],
    now: Sequence[str],
    read: set[str],
    same: Mapping[str, str] | None = None,
) -> list[str]:
    """A note for each document the baseline could not read that this run read and holds as
    new: with no verdicts then, every gap it has is new (diff says so; check --baseline
    failed the night on 'new document' gaps and said nothing of why). ``old``: the
    baseline's documents read; ``now``: this run's documents, of which it ``read`` these.
    Documents pair as :func:`baseline_verdicts` pairs them; those it holds as new are then
    paired with the ones the baseline could not read."""
    held = pair_documents(list(old), list(now), same)
    new = [path for path in now if path in read and path not in held]
    # By name only: the one document the baseline could not read ('Board paper.docx',
    # deleted since) is no earlier run of the one new document of this run ('VCSE strategy
    # 2028.md'), as two runs of one file each would be.
    pairs, _, _ = _paired(list(unread_old), new, lone=False)
    then = set(pairs.values())
    return [unread_then_note(source, path) for path in unread_old if path in then]


def paired_elsewhere(
    source: str,
    old: list[str],
    new: list[str],
    unread: Sequence[str] = (),
    same: Mapping[str, str] | None = None,
) -> list[str]:
    """A warning for each document paired by its name alone with one of another folder
    (:func:`pair_documents`): 'icb/strategy.md' held to the baseline's 'trust/strategy.md'
    hid the ICB's new gaps behind the trust's old ones, and nothing said so. Pairs by path,
    by the path below each run's folder or by the end of the paths (the same files checked
    from elsewhere) are not warned of. Then a note for each document of the baseline this
    run does not have (a partner dropping out passed in silence), naming a document of this
    run that may be it renamed. ``unread``: documents of this run it could not read, which
    it has all the same (it says why elsewhere)."""
    pairs, by_name_only, by_content = _paired(old, [*new, *unread], same=same)
    paired = set(pairs.values())
    # One it could not read is no rename either (with no verdicts, none of its gaps is new),
    # but it still makes a likeness ambiguous.
    renamed = [(was, now) for was, now in _renamed(old, [*new, *unread], pairs) if now in new]
    named = {was for was, _ in renamed}
    return (
        [
            elsewhere_warning(source, now, pairs[now])
            for now in new
            if now in by_name_only and _other_folder(now, pairs[now])
        ]
        + alone_warnings(source, old, new, pairs)
        + [same_content_note(source, pairs[now], now) for now in new if now in by_content]
        + [renamed_note(source, was, now) for was, now in renamed]
        + [
            f"{source}: note: {checkout_path(path)} is not in this run; its verdicts are "
            "not compared"
            for path in old
            if path not in paired and path not in named
        ]
    )


# Name words that tell editions apart, not documents: a year, a version, a draft.
_EDITION = re.compile(r"^(?:\d+|v\d+(?:\.\d+)*|draft|final|revised|updated|new|latest|copy)$")


def _core(path: str) -> tuple[str, ...]:
    """A file name's words but those naming an edition: 'council-plan-2026-final-v3' is
    ('council', 'plan')."""
    words = re.split(r"[\s_.\-]+", _name(path.replace("\\", "/")).lower())
    return tuple(w for w in words if w and not _EDITION.match(w))


def _maybe_renamed(was: str, now: str) -> bool:
    """Whether one name is the other with its edition changed or words added at its end
    ('council-plan' and 'council-plan-2026', 'plan-2024' and 'plan-2026'), but not two
    names that differ in a word of their own ('north-trust' and 'south-trust')."""
    old, new = _core(was), _core(now)
    if not old or not new:
        return False
    shorter, longer = sorted((old, new), key=len)
    return longer[: len(shorter)] == shorter and len(longer) - len(shorter) <= 2


def _renamed(old: list[str], new: list[str], pairs: Mapping[str, str]) -> list[tuple[str, str]]:
    """(old, new) for each old document left unpaired whose name is like that of one new
    document left unpaired, whose name is like that of no other old one."""
    taken = set(pairs.values())
    old_left = [p for p in old if p not in taken]
    new_left = [p for p in new if p not in pairs]
    found = []
    for was in old_left:
        alike = [now for now in new_left if _maybe_renamed(was, now)]
        if len(alike) == 1 and [o for o in old_left if _maybe_renamed(o, alike[0])] == [was]:
            found.append((was, alike[0]))
    return found


def renamed_note(source: str, was: str, now: str) -> str:
    """A renamed file is compared as one document removed and another added, so its known
    gaps count as new: without a word, its history was lost in silence."""
    return (
        f"{source}: note: {checkout_path(was)} is not in this run and {checkout_path(now)} "
        "was not in that one; if it is the same document renamed, its verdicts are not "
        "compared (every gap counts as new): give it its earlier name to compare them"
    )


def alone_warnings(source: str, old: list[str], new: list[str], pairs: dict[str, str]) -> list[str]:
    """A note when the one document of each run is compared whatever their names: a draft's
    next version, as it usually is, or another partner's document, whose old gaps would then
    pass as this one's known debt."""
    if len(old) != 1 or len(new) != 1 or pairs.get(new[0]) != old[0]:
        return []
    if _name(new[0].replace("\\", "/")) == _name(old[0].replace("\\", "/")):
        return []
    return [
        f"{source}: note: {checkout_path(new[0])} is compared with {checkout_path(old[0])}, "
        "the one document of that run; if it is not an earlier version of the same "
        "document, the comparison is wrong"
    ]


def _other_folder(now: str, was: str) -> bool:
    """Whether two paths name files in folders of different names: 'icb/strategy.md' and
    'trust/strategy.md'. A path with no folder ('a.md', checked from inside the folder the
    other run named) tells nothing either way, and is taken as the same folder."""

    def folder(path: str) -> str:
        return PurePosixPath(path.replace("\\", "/")).parent.name

    return bool(folder(now)) and bool(folder(was)) and folder(now) != folder(was)


def elsewhere_warning(source: str, now: str, was: str) -> str:
    return (
        f"{source}: warning: {checkout_path(now)} is compared with {checkout_path(was)} of "
        "that run (the same file name in another folder); if they are two partners' "
        "documents, the comparison is wrong: give one of them another name"
    )


def _pair_by_tail(pairs: dict[str, str], old: list[str], new: list[str]) -> None:
    """Pair what is left by the longest end of their paths they share (a folder and the file
    at least): a run from another working directory names the same files by other paths.
    Only a pair that is each other's single best is taken."""
    left = [p for p in old if p not in pairs.values()]
    unpaired = [p for p in new if p not in pairs]
    if not left or not unpaired:
        return
    parts = {p: PurePosixPath(p.replace("\\", "/")).parts for p in (*left, *unpaired)}

    def shared(a: str, b: str) -> int:
        count = 0
        for x, y in zip(reversed(parts[a]), reversed(parts[b]), strict=False):
            if x != y:
                break
            count += 1
        return count

    def single_best(path: str, among: list[str]) -> str | None:
        scores = [(shared(path, other), other) for other in among]
        top = max(score for score, _ in scores)
        best = [other for score, other in scores if score == top]
        return best[0] if top >= _TAIL_PARTS and len(best) == 1 else None

    for path in unpaired:
        found = single_best(path, left)
        if found is not None and single_best(found, unpaired) == path:
            pairs[path] = found


# Parts of a path two runs must share at its end to pair by it: a folder and the file.
_TAIL_PARTS = 2


def document_names(paths: list[str]) -> dict[str, str]:
    """How a comparison names each document: its path below the run's common folder."""
    return _relative(paths)


def _relative(paths: list[str]) -> dict[str, str]:
    posix = {p: _as_posix(p) for p in paths}
    if not paths:
        return {}
    folders = [posixpath.dirname(p) for p in posix.values()]
    try:
        common = posixpath.commonpath(folders) if all(folders) else ""
    except ValueError:  # absolute and relative paths mixed
        common = ""
    return {p: posixpath.relpath(q, common) if common else q for p, q in posix.items()}


def _as_posix(path: str) -> str:
    """A path as pairing compares it: '/' between folders, and composed, as a reader sees a
    name (macOS writes 'é' as 'e' and an accent; a Linux checkout keeps what was typed)."""
    return unicodedata.normalize("NFC", path.replace("\\", "/"))


def _stem(key: str) -> str:
    return posixpath.splitext(key)[0]


def _name(key: str) -> str:
    """The file's own name without its extension, whatever its folder."""
    return _stem(posixpath.basename(key))


def _loose_name(key: str) -> str:
    """The file's name as a person reads it, whatever its case and separators: a document
    renamed 'vcs-alliance-plan.md' -> 'VCS Alliance Plan.md' is the same document."""
    return " ".join(re.split(r"[\s_\-.]+", _name(key).casefold())).strip()


def _unique(names: Mapping[str, str]) -> dict[str, str]:
    """name -> path, for the names only one path has."""
    seen: dict[str, list[str]] = {}
    for path, name in names.items():
        seen.setdefault(name, []).append(path)
    return {name: paths[0] for name, paths in seen.items() if len(paths) == 1}


def baseline_verdicts(
    baseline: Snapshot, report: Report
) -> tuple[dict[tuple[str, str], Status], frozenset[tuple[str, str]]]:
    """(document path in ``report``, priority id) -> the baseline's verdict, for the policy,
    and the pairs of those whose verdict a waiver accepted then (below aligned). Documents
    pair as in :func:`compare`; one the baseline did not have has no entries."""
    pairs = pair_documents(
        [d.path for d in baseline.documents],
        [d.path for d in report.documents],
        same_content(baseline.documents, report.documents),
    )
    by_path = {d.path: d for d in baseline.documents}
    held = {
        (path, priority_id): verdict
        for path, old_path in pairs.items()
        for priority_id, verdict in by_path[old_path].verdicts.items()
    }
    waived = frozenset(k for k, v in held.items() if v.waived and v.status != "aligned")
    return {k: v.status for k, v in held.items()}, waived


def held_to_baseline(
    report: Report, baseline: Snapshot, fail_on: FailOn | None, waivers_given: bool = True
) -> Report:
    """The report with its policy holding it to the baseline's verdicts under ``fail_on``
    (what ``check --baseline`` does; the baseline checked to come from the same framework
    before): what comparing found to say (a reworded priority, a renamed document, waived
    verdicts that no waivers given keep) is in its policy's ``baseline_notes``."""
    from dataclasses import replace

    from alignck.snapshot import snapshot_of

    # A priority renamed since (its 'formerly') is held to its own old verdicts.
    baseline = baseline.with_ids_of(report.framework.renamed)
    notes = comparable(baseline, snapshot_of(report, "this run"))
    # Documents read, as diff compares them: one that could not be read is not compared.
    old = [d.path for d in baseline.documents]
    new = [d.path for d in report.documents if d.status == "ok"]
    # One it could not read is in the run all the same, not gone nor renamed (its error
    # line says why).
    unread = [d.path for d in report.documents if d.status != "ok"]
    same = same_content(baseline.documents, [d for d in report.documents if d.status == "ok"])
    notes += paired_elsewhere(baseline.source, old, new, unread, same)
    every = [d.path for d in report.documents]
    notes += unread_then(baseline.source, old, baseline.unread, every, set(new), same)
    now = snapshot_of(report, "this run")
    notes += left_unaddressed(baseline, now, unread)
    # What diff lists apart: a verdict that held on another passage (a draft that lost the
    # section behind it) fails no policy, and a reviewer should see it.
    notes += [
        regrounded_note(baseline.source, item)
        for item in compare(baseline, now, baseline.unread, unread).regrounded
    ]
    verdicts, waived = baseline_verdicts(baseline, report)
    if waived and not waivers_given:
        notes.append(unwaived_note(baseline.source, len(waived)))
    held = replace(
        report.policy,
        fail_on=fail_on,
        baseline=verdicts,
        baseline_source=baseline.source,
        baseline_waived=waived,
        # In the reports too: a CI job's reader sees the pull request, not its log.
        baseline_notes=tuple(notes),
    )
    return replace(report, policy=held)


def regrounded_note(source: str, item: Regrounded) -> str:
    """What a check held to a baseline says of a verdict that stands on another passage."""
    from alignck.wording import clipped

    def quoted(text: str) -> str:
        return f"“{clipped(' '.join(text.split()), 120)}”"

    now = f"; it quotes {quoted(item.new.quote)}" if item.new.quote else ""
    return (
        f"{source}: note: {item.document}: '{item.title}' [{item.priority_id}] is still "
        f"{item.status} but no longer quotes {quoted(item.was_quoted)}{now}: check that the "
        "new passage addresses it"
    )


def left_unaddressed(old: Snapshot, new: Snapshot, unread: Sequence[str] = ()) -> list[str]:
    """A note for each priority some document of ``old`` addressed and no document of ``new``
    does, because every document that addressed it is gone from the run: no document's
    verdict moved, so nothing said that the system lost it (a partner's strategy left out of
    a quarter's folder took the one aligned verdict on smoking)."""
    addressed_now = {
        priority_id
        for document in new.documents
        for priority_id, verdict in document.verdicts.items()
        if verdict.status != "gap"
    }
    # A document this run could not read is in it all the same: not gone.
    now = [*(d.path for d in new.documents), *unread]
    kept = set(pair_documents([d.path for d in old.documents], now).values())
    notes = []
    for priority_id, title in new.priorities.items():
        if priority_id in addressed_now or priority_id not in old.priorities:
            continue
        then = [
            d.path
            for d in old.documents
            if (verdict := d.verdicts.get(priority_id)) and verdict.status != "gap"
        ]
        if then and not kept.intersection(then):
            gone = ", ".join(_name(path) for path in then)
            notes.append(
                f"{old.source}: note: '{title}' [{priority_id}] was addressed there by "
                f"{gone}, not in this run; no document of this run addresses it"
            )
    return notes


def compare_runs(old: Report | str | Path, new: Report | str | Path) -> Comparison:
    """What ``alignck diff OLD NEW`` compares, for a script: each run a :class:`Report`
    (``alignck.check``'s) or a JSON report saved by ``check --format json`` (its path). A
    document a run could not read is not compared, as diff does not compare it; the
    comparison's ``warnings`` say what diff would warn of about the runs themselves (diff
    also says what it finds of waivers and reviews it is given, which this does not take).
    Raises
    :class:`~alignck.errors.ReportFileError` for a file that is not such a report, or runs of
    frameworks that share no priority."""
    before, unread_before = _run_of(old, "old run")
    after, unread_after = _run_of(new, "new run")
    return compare(before, after, unread_before, unread_after)


def _run_of(run: Report | str | Path, name: str) -> tuple[Snapshot, tuple[str, ...]]:
    from alignck.snapshot import load_snapshot, snapshot_of

    if isinstance(run, Report):
        snapshot = snapshot_of(run, name)
    elif isinstance(run, (str, Path)):
        snapshot = load_snapshot(Path(run))
    else:
        raise TypeError(
            f"a run is an alignck Report or a saved JSON report's path (got {type(run).__name__})"
        )
    # Its unread documents, as the run saw them (the errors of a Report, a report's list).
    return snapshot, snapshot.unread


def unwaived_note(source: str, count: int) -> str:
    """Why verdicts an earlier run waived count as new in a run given no waivers at all: a
    forgotten --waivers reads as every waived gap reopened."""
    return (
        f"{source}: note: {counted(count, 'verdict')} waived there, not waived in this run (it "
        "was given no --waivers), so counted as new; give the waivers file with --waivers if "
        "they are still accepted"
    )
