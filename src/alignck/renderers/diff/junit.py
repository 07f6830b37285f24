"""JUnit XML for a comparison: one test case per moved verdict, failing when it is a
regression (by --fail-on), in one suite per document."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from alignck.compare import Comparison
from alignck.escape import xml_text
from alignck.renderers.diff import DiffOptions, kind, message


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    root = ET.Element("testsuites", name=xml_text(f"alignck diff: {comparison.framework}"))
    failures = 0
    for document, changes in groupby(comparison.changes, key=lambda c: c.document):
        suite = ET.SubElement(root, "testsuite", name=xml_text(document))
        cases = 0
        for change in changes:
            cases += 1
            case = ET.SubElement(
                suite,
                "testcase",
                classname=xml_text(document),
                name=xml_text(f"{change.title} [{change.priority_id}]"),
            )
            text = xml_text(message(change))
            if change.regresses(options.fail_on):
                failures += 1
                failure = ET.SubElement(case, "failure", type=kind(change), message=text)
                failure.text = text
            else:
                ET.SubElement(case, "system-out").text = text
        suite.set("tests", str(cases))
        suite.set("failures", str(sum(1 for _ in suite.iter("failure"))))
    root.set("tests", str(len(comparison.changes)))
    root.set("failures", str(failures))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")
