"""Reviewed verdicts: an officer's correction of a verdict, applied on every later run.

A review file is YAML::

    reviews:
      - document: riverside-county-council-plan   # path, file name, name, or a glob
        priority: best-start
        verdict: partial                          # aligned, partial or gap
        reason: Family hubs are funded but the plan sets no target.
        reviewer: A. Officer
        date: 2026-11-30
        alignck_said: gap                         # optional: alignck's verdict then
        alignck_quoted: Family hubs will open     # optional: its quote then, or its start

A reviewed verdict replaces alignck's own in coverage, gaps and policy, shows as "reviewed"
in every format, and keeps the machine's verdict beside it (in the JSON report). Every key
but ``alignck_said`` and ``alignck_quoted`` is required: a correction says who made it, when
and why. A review that matches no verdict is reported, so that one left behind by a renamed
document is noticed, and so is one whose ``alignck_said`` is no longer alignck's verdict,
or whose ``alignck_quoted`` alignck no longer quotes: the text it was made of has changed.
The same file serves as labels for ``alignck eval --review``, so a team's corrections
measure alignck on its own documents. This module loads and applies reviews; it does not print.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from alignck.errors import ReviewError
from alignck.model import (
    DocumentResult,
    Framework,
    OverruledReview,
    Review,
    ReviewedVerdict,
    Status,
    Waiver,
)
from alignck.waivers import covers
from alignck.wording import counted
from alignck.yamlhints import single_quoted
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
    string,
)

_TOP_KEYS = {"reviews"}
_REVIEW_KEYS = {
    "document",
    "priority",
    "verdict",
    "reason",
    "reviewer",
    "date",
    "alignck_said",
    "alignck_quoted",
}
_A_REVIEWS_KEY = dict.fromkeys(
    _REVIEW_KEYS,
    "is a review's key, at the top of the file: indent it under its review, as its 'document:' is",
)
VERDICTS: tuple[Status, ...] = ("aligned", "partial", "gap")


@dataclass(frozen=True, slots=True)
class LoadedReviews:
    reviews: tuple[Review, ...]
    warnings: tuple[str, ...] = ()


def load_reviews(
    path: str | Path, framework: Framework, today: datetime.date | None = None
) -> LoadedReviews:
    """Load and check a review file against the framework, or raise :class:`ReviewError`
    listing every problem as FILE:LINE:COL. Unknown keys are warnings, and so is a review
    dated after ``today`` (the run's day; the machine's by default)."""
    path = Path(path)
    shown = str(path)
    root, text = compose_file(path, ReviewError, "review file", "reviews")
    findings = Findings(shown, text)
    reviews = _reviews(root, findings, accepted_ids(framework))
    if findings.errors:
        raise ReviewError(
            f"invalid review file ({counted(len(findings.errors), 'problem')})",
            shown,
            problems=findings.errors,
        )
    day = today or datetime.date.today()
    # A review records a judgement made: one dated later is a slip of the year, most often.
    later = tuple(
        f"{review.source}: warning: reviewed on {review.date}, after today ({day}): a review "
        "records a judgement already made; check its date"
        for review in reviews
        if review.date > day
    )
    return LoadedReviews(reviews, (*findings.warnings, *later))


_LISTS_NONE = "lists no reviews, so no verdict is overruled"


def _reviews(
    root: yaml.Node | None, findings: Findings, ids: Mapping[str, str]
) -> tuple[Review, ...]:
    if root is None:
        # A file blanked by mistake would quietly drop every one.
        said = f"{findings.path}: warning: the file is empty: it {_LISTS_NONE}"
        findings.marked_warnings.append((0, 0, said))
        return ()
    if not isinstance(root, yaml.MappingNode):
        findings.error(root, "", "expected a mapping with a 'reviews' list")
        return ()
    # A review's key slipped to the file's margin belongs to the review above it.
    listed = mapping(root, "", _TOP_KEYS, findings, elsewhere=_A_REVIEWS_KEY).get("reviews")
    if listed is None or (isinstance(listed, yaml.ScalarNode) and listed.tag.endswith(":null")):
        missing = "the file has no 'reviews' key: it " if listed is None else ""
        findings.warn(listed or root, "reviews", f"{missing}{_LISTS_NONE}")
        return ()
    if not isinstance(listed, yaml.SequenceNode):
        findings.error(listed, "reviews", f"expected a list of reviews, got {kind(listed)}")
        return ()
    found = (_review(item, f"reviews[{i}]", findings, ids) for i, item in enumerate(listed.value))
    return tuple(review for review in found if review is not None)


def _review(
    item: yaml.Node, where: str, findings: Findings, ids: Mapping[str, str]
) -> Review | None:
    if not isinstance(item, yaml.MappingNode):
        findings.error(
            item, where, f"expected a review (document, priority, ...), got {kind(item)}"
        )
        return None
    fields = mapping(item, where, _REVIEW_KEYS, findings)
    texts = {
        key: string(fields.get(key), f"{where}.{key}", findings, required=item)
        for key in ("document", "priority", "verdict", "reason", "reviewer")
    }
    when = _date(fields.get("date"), f"{where}.date", findings, item)
    priority, verdict = texts["priority"], texts["verdict"]
    if priority is not None and priority not in ids:
        close = difflib.get_close_matches(priority, list(ids), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        findings.error(
            fields["priority"], f"{where}.priority", f"no framework priority '{priority}'{hint}"
        )
        return None
    status = None
    if verdict is not None:
        status = _verdict(verdict, fields["verdict"], f"{where}.verdict", findings)
        if status is None:
            return None
    valid, said = _alignck_said(fields.get("alignck_said"), f"{where}.alignck_said", findings)
    quoted = None
    if fields.get("alignck_quoted") is not None and not _null(fields["alignck_quoted"]):
        node = fields["alignck_quoted"]
        quoted = string(node, f"{where}.alignck_quoted", findings)
        if quoted is not None and not _quote_words(quoted):
            # An empty quote would match every quote, and never warn.
            findings.error(
                node, f"{where}.alignck_quoted", "empty: give alignck's quote, or leave the key out"
            )
            quoted = None
        valid = valid and quoted is not None
    document, reason, reviewer = texts["document"], texts["reason"], texts["reviewer"]
    missing = None in (document, priority, reason, reviewer)
    if missing or status is None or when is None or not valid:
        return None
    if curly_quoted(fields.get("document"), document, f"{where}.document", findings):
        return None
    priority = current_id(str(priority), ids, fields["priority"], f"{where}.priority", findings)
    mark = item.start_mark
    source = f"{findings.path}:{mark.line + 1}:{mark.column + 1}"
    return Review(
        str(document), str(priority), status, str(reason), str(reviewer), when, source, said, quoted
    )


def _null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _alignck_said(
    node: yaml.Node | None, where: str, findings: Findings
) -> tuple[bool, Status | None]:
    """(whether it is valid, the optional verdict alignck gave when the review was made)."""
    if node is None or _null(node):
        return True, None
    text = string(node, where, findings)
    said = _verdict(text, node, where, findings) if text is not None else None
    return said is not None, said


def _verdict(text: str, node: yaml.Node, where: str, findings: Findings) -> Status | None:
    """The verdict written; None (with an error) where it is no verdict."""
    for status in VERDICTS:
        if text == status:
            return status
    findings.error(node, where, f"must be aligned, partial or gap, not '{text}'")
    return None


def _date(
    node: yaml.Node | None, where: str, findings: Findings, item: yaml.Node
) -> datetime.date | None:
    if node is None:
        findings.error(item, where, "missing required key 'date'")
        return None
    if isinstance(node, yaml.ScalarNode) and (
        node.tag.endswith(":null") or not str(node.value).strip()
    ):
        # 'expires: ""' (a template's variable left empty) is blank as much as 'expires:' is.
        findings.error(node, where, "is empty: give the day of the review (YYYY-MM-DD)")
        return None
    text = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
    try:
        return day_written(text)
    except ValueError:
        findings.error(node, where, date_problem(text, text or kind(node)))
        return None


def as_waiver(review: Review) -> Waiver:
    """The waiver whose document matches what the review's does: reviews match as waivers."""
    return Waiver(review.priority_id, review.reason, review.document, source=review.source)


def matches(review: Review, path: str) -> bool:
    """Whether the review is about this document (matched as waivers match)."""
    return covers(as_waiver(review), path)


def apply_reviews(
    results: Sequence[DocumentResult],
    reviews: Sequence[Review],
    shown: Sequence[DocumentResult] | None = None,
) -> tuple[
    list[DocumentResult],
    tuple[ReviewedVerdict, ...],
    tuple[Review, ...],
    tuple[OverruledReview, ...],
]:
    """(results with reviewed verdicts set, what each review changed, reviews that matched
    nothing, reviews that matched a verdict another review of another verdict decided). The
    first review in the file that matches a verdict wins. ``shown``: the same results as a
    report without the reviews gives them, where that differs (a parent priority partial
    through its part): what alignck said, and quoted, is what the reviewer read."""
    if not reviews:
        return list(results), (), (), ()
    said = {
        (result.path, alignment.priority_id): alignment
        for result in shown or ()
        for alignment in result.alignments
    }
    by_priority: dict[str, list[Review]] = {}
    for entry in reviews:
        by_priority.setdefault(entry.priority_id, []).append(entry)
    applied: list[ReviewedVerdict] = []
    matched: set[Review] = set()
    overruled: list[OverruledReview] = []
    updated = []
    for result in results:
        alignments = []
        for alignment in result.alignments:
            candidates = by_priority.get(alignment.priority_id, ())
            found = [r for r in candidates if matches(r, result.path)]
            matched.update(found)
            if found:
                review = found[0]
                read = said.get((result.path, alignment.priority_id), alignment)
                quotes = tuple(e.text for e in read.evidence) + (
                    (read.nearest.text,) if read.nearest is not None else ()
                )
                applied.append(
                    ReviewedVerdict(result.path, alignment.priority_id, read.status, review, quotes)
                )
                overruled += [
                    OverruledReview(other, review, result.path)
                    for other in found[1:]
                    if other.verdict != review.verdict
                ]
                alignment = replace(alignment, status=review.verdict)
            alignments.append(alignment)
        updated.append(_without_gaps_named(replace(result, alignments=tuple(alignments))))
    unused = tuple(r for r in reviews if r not in matched)
    return updated, tuple(applied), unused, tuple(overruled)


def _without_gaps_named(result: DocumentResult) -> DocumentResult:
    """``result`` whose stated priorities no longer name a priority a review made a gap: the
    review said the document does not address it, so a stated priority inside the framework
    only by that priority is outside it, in the candidates a partnership might add, as it
    would be had alignck said gap (a review the other way names nothing new: which stated
    priority the reviewer had in mind is not said)."""
    gaps = {a.priority_id for a in result.alignments if a.status == "gap"}
    if not gaps or not any(gaps.intersection(s.matches) for s in result.statements):
        return result
    statements = tuple(
        replace(s, matches=tuple(m for m in s.matches if m not in gaps)) for s in result.statements
    )
    return replace(result, statements=statements)


def overruled_warning(found: OverruledReview) -> str:
    review, by = found.review, found.by
    return (
        f"{review.source}: warning: review of '{review.priority_id}' in '{found.path}' "
        f"says {review.verdict}, but the review at {by.source} says {by.verdict} and comes "
        "first, so it is applied"
    )


def changed_warning(found: ReviewedVerdict, several: bool = False) -> str | None:
    """A warning where alignck's verdict is not what it was when the review was made (the
    review's ``alignck_said``): the document or the framework changed since, and a review
    made of the old text may no longer hold. None where it says nothing or the same."""
    review = found.review
    if review.alignck_said is None or review.alignck_said == found.machine:
        return _requoted_warning(found, several)
    # A review applied to several documents (a glob, a name two files share) records one
    # verdict for all: writing one document's would only move the warning to another. The
    # first review matching a verdict is applied, so the new one goes first.
    # Quoted to paste as it is: strategies say "the county's".
    fix = (
        f"give '{found.path}' a review of its own, above this one in the file"
        if several
        else f"write alignck_said: {found.machine}"
    )
    return (
        f"{review.source}: warning: review of '{review.priority_id}' in '{found.path}' was "
        f"made when alignck said {review.alignck_said}; it says {found.machine} now: check "
        f"the review still holds, then {fix}"
    )


def _requoted_warning(found: ReviewedVerdict, several: bool) -> str | None:
    """A warning where alignck no longer quotes what it quoted when the review was made (the
    review's ``alignck_quoted``), its verdict the same: a review of a heading that is gone
    held on, the verdict now resting on another passage. None where it says nothing, or
    alignck still quotes it (in part or in full)."""
    review = found.review
    if review.alignck_quoted is None:
        return None
    then = _quote_words(review.alignck_quoted)
    # The quote as written, or its start (reports cut a long quote at its end): not any
    # words of it, or 'Homes' (a heading gone) would be found in 'Many homes in ...'.
    if any(_quote_words(q).startswith(then) for q in found.quotes):
        return None
    shown = " ".join(review.alignck_quoted.split())
    shown = shown if len(shown) <= 80 else shown[:79] + "…"
    now = " ".join(found.quotes[0].split()) if found.quotes else ""
    now = now if len(now) <= 80 else now[:79] + "…"
    fix = (
        f"give '{found.path}' a review of its own, above this one in the file"
        if several
        else (f"write alignck_quoted: {single_quoted(now)}" if now else "take alignck_quoted out")
    )
    return (
        f"{review.source}: warning: review of '{review.priority_id}' in '{found.path}' was "
        f"made when alignck quoted '{shown}'; it quotes "
        + (f"'{now}' now" if now else "nothing now")
        + f": the document or the framework changed since; check the review still holds, "
        f"then {fix}"
    )


# The kind a report writes after a quote (and where it is, in HTML), copied with it from a
# table's cell.
_KIND_MARK = re.compile(
    r"\s*\((?:commitment|context|achievement|stated priority|priority|negated)(?:,[^()]*)?\)\s*$"
)


def _quote_words(text: str) -> str:
    # As a reader compares two quotes: case, spacing, the marks a report puts around a quote
    # and after it, and the ellipsis it cuts one with.
    text = _KIND_MARK.sub("", text)
    return " ".join(text.strip().strip('“”"').removesuffix("…").casefold().split())


def unused_warning(review: Review, paths: Sequence[str] = ()) -> str:
    """Why a review applied to nothing, naming the checked document it nearly names (a
    strategy re-saved as PDF, 'plan.docx' for 'plan.pdf'), as a waiver's warning does."""
    from alignck.waivers import near_name

    near = near_name(as_waiver(review), paths)
    hint = f"; did you mean '{near}'?" if near else ""
    return (
        f"{review.source}: warning: review of '{review.priority_id}' in '{review.document}' "
        f"matches no document checked{hint}"
    )
