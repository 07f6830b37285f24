"""JUnit XML for a comparison: one test case per moved verdict, failing when it is a
regression (by --fail-on), in one suite per document; with nothing moved, one passing case.
Suites, classnames and files are named as ``check``'s JUnit names them, so a CI system files
both under the same documents."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from pathlib import PurePosixPath
from typing import TextIO

from alignck import __version__
from alignck.checkout import checkout_path, shared_path
from alignck.compare import Comparison
from alignck.escape import xml_text
from alignck.names import distinguishing_names
from alignck.renderers._common import shown_path
from alignck.renderers.diff import (
    DiffOptions,
    documents_in_and_out,
    headline,
    kind,
    message,
    unread_message,
)
from alignck.renderers.junit import document_classnames


def render(comparison: Comparison, out: TextIO, options: DiffOptions) -> None:
    root = ET.Element("testsuites", name=xml_text(f"alignck diff: {comparison.framework}"))
    failures = 0
    names = distinguishing_names(comparison.documents)
    classnames = document_classnames(
        [
            (path, shown_path(names.get(path) or PurePosixPath(path).stem))
            for path in _paths(comparison)
        ]
    )
    for path, changes in groupby(comparison.changes, key=lambda c: c.path):
        shown = shown_path(checkout_path(path))
        suite = ET.SubElement(root, "testsuite", name=xml_text(shown))
        _properties(suite, comparison)
        cases = 0
        for change in changes:
            cases += 1
            case = ET.SubElement(
                suite,
                "testcase",
                classname=xml_text(classnames[path]),
                name=xml_text(f"{change.title} [{change.priority_id}]"),
                file=xml_text(shown),
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
    for path in comparison.unread:
        _unread(root, comparison, path, classnames)
    if not comparison.changes and not comparison.unread:
        _nothing_moved(root, comparison, options)
    _documents_in_and_out(root, comparison)
    root.set("tests", str(sum(1 for _ in root.iter("testcase"))))
    root.set("failures", str(failures))
    root.set("errors", str(len(comparison.unread)))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")


def _paths(comparison: Comparison) -> list[str]:
    """Every document a case may name: each is classed as check's JUnit classes it, by its
    stem or the shortest end of its path that tells it from the run's other documents of that
    name ('trust/strategy'), made unique (:func:`alignck.renderers.junit.document_classnames`)."""
    return list(dict.fromkeys([*comparison.documents, *comparison.unread]))


def _unread(
    root: ET.Element, comparison: Comparison, path: str, classnames: dict[str, str]
) -> None:
    """An erroring case for a document this run could not read, as check's JUnit has: the
    run exits 2, and a report of passes alone would say it passed."""
    shown = shown_path(checkout_path(path))
    suite = ET.SubElement(root, "testsuite", name=xml_text(shown), tests="1", failures="0")
    suite.set("errors", "1")
    _properties(suite, comparison)
    case = ET.SubElement(
        suite,
        "testcase",
        classname=xml_text(classnames[path]),
        name="read",
        file=xml_text(shown),
    )
    text = xml_text(unread_message(path, comparison))
    ET.SubElement(case, "error", type="unreadable", message=text).text = text


def _documents_in_and_out(root: ET.Element, comparison: Comparison) -> None:
    """A passing case for each document new in this run and each gone from it, as the
    terminal and Markdown diffs list them (a CI log named neither)."""
    said = documents_in_and_out(comparison)
    if not said:
        return
    suite = ET.SubElement(root, "testsuite", name="alignck diff: documents", failures="0")
    suite.set("tests", str(len(said)))
    _properties(suite, comparison)
    for which, name, text in said:
        case = ET.SubElement(
            suite, "testcase", classname="alignck_diff", name=xml_text(f"{which}: {name}")
        )
        ET.SubElement(case, "system-out").text = xml_text(text)


def _nothing_moved(root: ET.Element, comparison: Comparison, options: DiffOptions) -> None:
    """One passing test case saying so, in a suite that says what was compared: an empty
    '<testsuites/>' fails a Jenkins build by default (no test results found)."""
    suite = ET.SubElement(root, "testsuite", name="alignck diff", tests="1", failures="0")
    _properties(suite, comparison)
    case = ET.SubElement(suite, "testcase", classname="alignck_diff", name="no verdict moved")
    ET.SubElement(case, "system-out").text = xml_text(headline(comparison, options.fail_on))


def _properties(suite: ET.Element, comparison: Comparison) -> None:
    """What was compared, as check's suites say what produced them."""
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("alignck", __version__),
        ("framework", comparison.framework),
        ("old run", shared_path(comparison.old_source)),
        ("new run", shared_path(comparison.new_source)),
    ):
        ET.SubElement(properties, "property", name=name, value=xml_text(value))
