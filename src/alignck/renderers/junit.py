"""JUnit XML, which CI systems (GitLab, Jenkins, Azure DevOps, CircleCI) show as test results.

Each document is a test suite and each framework priority a test case in it. A case fails
exactly where the run's policy fails that verdict, so the test view agrees with the exit
code, as SARIF's levels and GitHub's annotations do: a gap fails (type 'gap') with
--fail-on gap or on a required priority, a partial (type 'partial') with --fail-on partial,
only what is worse than the baseline with one; any other gap or partial passes with its
finding as output. Aligned passes; a waived verdict is skipped with the waiver's reason. An
unreadable document is a suite with one erroring case, and --fail-under is one case of a last
'alignck policy' suite. Suites are written one at a time, so a national run never holds the
whole tree; the totals on <testsuites> come from a first, cheap pass over the verdicts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal, TextIO
from xml.sax.saxutils import quoteattr

from alignck.checkout import checkout_path, framework_checkout_path
from alignck.escape import one_line, shown_text
from alignck.model import Alignment, DocumentResult, Report, Waiver
from alignck.policy import coverage_failure, coverage_measured, fails, limit_figure
from alignck.renderers import RenderOptions
from alignck.renderers._common import (
    plain_name,
    provenance,
    shown_path,
    source_from_checkout,
)
from alignck.renderers._findings import Finding, document_findings

Outcome = Literal["passed", "failures", "errors", "skipped"]


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    waived = report.analysis.waivers_by_verdict()
    totals = Counter(_outcomes(report, waived))
    # An empty '<testsuites/>' fails a Jenkins build (no test results found) that alignck
    # passed: a run with nothing to check says so in one passing case (and skips the
    # coverage case of --fail-under, which had nothing to measure).
    totals["passed"] += 0 if report.documents else 1
    tests = sum(totals.values())
    framework = report.framework
    shown = framework_checkout_path(framework.path)
    name = quoteattr(shown_text(f"alignck: {framework.name} ({shown})"))
    counts = " ".join(f'{key}="{totals[key]}"' for key in ("failures", "errors", "skipped"))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name={name} tests="{tests}" {counts}>\n')
    classnames = document_classnames(
        [(result.path, plain_name(result.path, report)) for result in report.documents]
    )
    for result in report.documents:
        _write(out, _suite(report, result, waived, classnames[result.path]))
    if report.policy.fail_under is not None:
        _write(out, _policy_suite(report, report.policy.fail_under))
    if not report.documents:
        _write(out, _nothing_checked(report))
    out.write("</testsuites>\n")


def _outcome(
    report: Report, path: str, alignment: Alignment, waived: Mapping[tuple[str, str], Waiver]
) -> Outcome:
    if alignment.status == "aligned":
        return "passed"
    if (path, alignment.priority_id) in waived:
        return "skipped"
    # A red test view on a run that passed (no --fail-on) was read as a failed check.
    return "failures" if fails(report, path, alignment, waived) else "passed"


def _outcomes(report: Report, waived: Mapping[tuple[str, str], Waiver]) -> Iterator[Outcome]:
    for result in report.documents:
        if result.status != "ok":
            yield "errors"
            continue
        for alignment in result.alignments:
            yield _outcome(report, result.path, alignment, waived)
    if report.policy.fail_under is not None:
        yield _coverage_outcome(report)


def _coverage_outcome(report: Report) -> Outcome:
    if not coverage_measured(report):
        return "skipped"
    return "failures" if coverage_failure(report) else "passed"


def _suite(
    report: Report,
    result: DocumentResult,
    waived: Mapping[tuple[str, str], Waiver],
    name: str,
) -> ET.Element:
    # As the testcases' file: one suite name however the folder was named (absolute or not),
    # and a control character in it shown as an escape, not removed ('pl<ESC>an.md' was
    # 'plan.md', and two suites and their cases shared one name).
    shown = shown_path(checkout_path(result.path))
    suite = ET.Element("testsuite", name=shown)
    _properties(suite, report, result.partner)
    found = {f.priority_id: f for f in document_findings(report, result, waived)}
    if result.status != "ok":
        case = ET.SubElement(suite, "testcase", classname=name, name="read", file=shown)
        ET.SubElement(case, "error", type="unreadable", message=result.error or "")
        outcomes: list[Outcome] = ["errors"]
    else:
        outcomes = []
        for alignment in result.alignments:
            priority = report.framework.priority(alignment.priority_id)
            case = ET.SubElement(
                suite,
                "testcase",
                classname=name,
                name=f"{priority.title} [{priority.id}]",
                file=shown,
            )
            outcome = _outcome(report, result.path, alignment, waived)
            outcomes.append(outcome)
            finding = found.get(priority.id)
            if finding is not None:
                _describe(case, finding, outcome)
    if result.warnings:
        # What reading the document noticed (no text found, the same text as another file):
        # an empty draft was otherwise seven ordinary gaps here. After the test cases, where
        # the JUnit schema puts a suite's output.
        # One line each: a copy's warning names a file, and a newline in its name made two.
        ET.SubElement(suite, "system-err").text = "\n".join(
            f"warning: {one_line(warning)}" for warning in result.warnings
        )
    _count(suite, outcomes)
    return suite


def _properties(suite: ET.Element, report: Report, partner: str | None = None) -> None:
    """What produced the verdicts, in each suite: JUnit has no place for them on the whole;
    and in a document's suite, the partner --partner names as publishing it."""
    properties = ET.SubElement(suite, "properties")
    for label, value in provenance(report, framework_checkout_path(report.framework.path)):
        ET.SubElement(properties, "property", name=label, value=value)
    if partner is not None:
        ET.SubElement(properties, "property", name="partner", value=one_line(partner))


def _describe(case: ET.Element, finding: Finding, outcome: Outcome) -> None:
    if outcome == "skipped" and finding.waiver is not None:
        # The verdict waived too ('waived gap: ...'): a waived partial and a waived gap read
        # alike, and the finding's own words said which only in the other formats.
        source = source_from_checkout(finding.waiver.source)
        reason = f"waived {finding.rule}: {finding.waiver.reason} ({source})"
        skipped = ET.SubElement(case, "skipped", message=reason)
        skipped.text = finding.message
    elif outcome == "failures":
        failure = ET.SubElement(case, "failure", type=finding.rule, message=finding.title)
        failure.text = finding.message
    else:
        ET.SubElement(case, "system-out").text = finding.message


# The classnames of alignck's own cases (check's --fail-under and 'nothing to check', diff's
# 'no verdict moved'): without a dot, as Jenkins reads dots as packages, and never a
# document's (see document_classname).
OWN_CLASSNAMES = frozenset({"alignck_policy", "alignck_run", "alignck_diff"})


def document_classname(short: str) -> str:
    """A document's classname, from its short name: its dots as underscores, since Jenkins
    reads a classname's dots as packages ('plan.docx': package plan, class docx); and one of
    alignck's own classnames with an underscore added, so that a document named
    'alignck.policy' or 'alignck_policy' never shares the coverage case's class, nor has its
    findings read as the run's ('alignck_policy_')."""
    name = short.replace(".", "_")
    return f"{name}_" if name in OWN_CLASSNAMES else name


def document_classnames(shorts: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Each document's classname by its path, from (path, short name); one that another
    document's would equal ('plan.v1' and 'plan_v1' both read 'plan_v1') gets the first free
    number after it ('plan_v1_2'), since Jenkins keeps a test's history by classname and
    name and would mix the two documents' results. Which document keeps the plain name does
    not hang on the others in the run: the one named so outright ('plan_v1'), else the first
    by name."""
    bases = {path: document_classname(short) for path, short in shorts}
    taken = set(OWN_CLASSNAMES) | set(bases.values())
    order = sorted(shorts, key=lambda item: (bases[item[0]], item[1] != bases[item[0]], item[1]))
    given: dict[str, str] = {}
    used: set[str] = set()
    for path, _ in order:
        base = bases[path]
        name, number = base, 1
        while name in used or (number > 1 and name in taken):
            number += 1
            name = f"{base}_{number}"
        used.add(name)
        given[path] = name
    return given


def _policy_suite(report: Report, limit: float) -> ET.Element:
    suite = ET.Element("testsuite", name="alignck policy")
    # Not 'policy': a document named so would share the class, and the coverage failure would
    # read as that document's. Nor 'alignck.policy': Jenkins reads dots as packages, and
    # showed a package 'alignck' apart from the documents (diff's own case is 'alignck_diff').
    # No document is classed so (OWN_CLASSNAMES).
    case = ET.SubElement(
        suite,
        "testcase",
        classname="alignck_policy",
        name=f"system coverage at least {limit_figure(limit)}%",
    )
    below = coverage_failure(report)
    if below is not None:
        ET.SubElement(case, "failure", type="coverage", message=below)
    elif not coverage_measured(report):
        # Not a pass: 0% of nothing did not reach the limit, and no document was read.
        ET.SubElement(case, "skipped", message="no document was checked: no coverage to hold")
    _count(suite, [_coverage_outcome(report)])
    return suite


def _nothing_checked(report: Report) -> ET.Element:
    suite = ET.Element("testsuite", name="alignck")
    _properties(suite, report)
    case = ET.SubElement(suite, "testcase", classname="alignck_run", name="nothing to check")
    skipped = ", ".join(f"{shown_path(checkout_path(s.path))} ({s.reason})" for s in report.skipped)
    ET.SubElement(case, "system-out").text = shown_text(
        "no documents checked" + (f"; skipped: {skipped}" if skipped else "")
    )
    _count(suite, ["passed"])
    return suite


def _count(suite: ET.Element, outcomes: list[Outcome]) -> None:
    counted = Counter(outcomes)
    suite.set("tests", str(len(outcomes)))
    for key in ("failures", "errors", "skipped"):
        suite.set(key, str(counted[key]))


def _write(out: TextIO, suite: ET.Element) -> None:
    _legal(suite)
    ET.indent(suite, space="  ", level=1)
    out.write("  " + ET.tostring(suite, encoding="unicode").rstrip() + "\n")


def _legal(suite: ET.Element) -> None:
    """Remove what XML 1.0 forbids from every value: ElementTree writes control characters
    from a document or file name as they are, and no CI system could parse the file."""
    for element in suite.iter():
        for key, value in element.attrib.items():
            element.set(key, shown_text(value))
        if element.text:
            element.text = shown_text(element.text)
