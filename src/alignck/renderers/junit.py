"""JUnit XML, which CI systems (GitLab, Jenkins, Azure DevOps, CircleCI) show as test results.

Each document is a test suite and each framework priority a test case in it: aligned passes;
a gap fails (type 'gap'); a partial passes with its evidence as output, unless the policy fails
on partials (--fail-on partial), when it fails too (type 'partial'); a waived verdict is
skipped with the waiver's reason. A gap on a required priority fails like any other. An
unreadable document is a suite with one erroring case, and --fail-under is one case of a last
'alignck policy' suite.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from alignck.model import Report
from alignck.policy import coverage_failure
from alignck.renderers import RenderOptions
from alignck.renderers._common import short_name
from alignck.renderers._findings import Finding, findings


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    by_verdict = {
        (f.path, f.priority_id): f for f in findings(report) if f.rule in ("gap", "partial")
    }
    root = ET.Element("testsuites", name=f"alignck: {report.framework.name}")
    for result in report.documents:
        suite = ET.SubElement(root, "testsuite", name=result.path)
        name = short_name(result.path)
        if result.status != "ok":
            case = ET.SubElement(suite, "testcase", classname=name, name="read", file=result.path)
            ET.SubElement(case, "error", type="unreadable", message=result.error or "")
            continue
        for alignment in result.alignments:
            priority = report.framework.priority(alignment.priority_id)
            case = ET.SubElement(
                suite,
                "testcase",
                classname=name,
                name=f"{priority.title} [{priority.id}]",
                file=result.path,
            )
            finding = by_verdict.get((result.path, priority.id))
            if finding is not None:
                _outcome(case, finding)
    limit = report.policy.fail_under
    if limit is not None:
        suite = ET.SubElement(root, "testsuite", name="alignck policy")
        case = ET.SubElement(
            suite, "testcase", classname="policy", name=f"system coverage at least {limit:g}%"
        )
        below = coverage_failure(report)
        if below is not None:
            ET.SubElement(case, "failure", type="coverage", message=below)
    _count(root)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _outcome(case: ET.Element, finding: Finding) -> None:
    if finding.waiver is not None:
        reason = f"waived: {finding.waiver.reason} ({finding.waiver.source})"
        ET.SubElement(case, "skipped", message=reason)
    elif finding.rule == "gap" or finding.level == "error":
        failure = ET.SubElement(case, "failure", type=finding.rule, message=finding.title)
        failure.text = finding.message
    else:
        ET.SubElement(case, "system-out").text = finding.message


def _count(root: ET.Element) -> None:
    """tests / failures / errors / skipped on every suite and on the whole."""
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root:
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
