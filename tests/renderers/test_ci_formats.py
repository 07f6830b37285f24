"""JUnit XML, SARIF and GitHub annotations: structure CI systems rely on, levels that follow
the policy, waivers shown as accepted, and escaping of document text."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from alignck.analyse import analyse
from alignck.model import (
    Alignment,
    DocumentResult,
    Evidence,
    Framework,
    Location,
    Policy,
    Priority,
    Report,
    Thresholds,
    Waiver,
)
from alignck.renderers import EXTENSIONS, RenderOptions, renderer
from alignck.renderers.sarif import uri

FRAMEWORK = Framework(
    "Test system",
    "priorities.yaml",
    (
        Priority("air", "Clean air", required=True),
        Priority("homes", "Warm homes"),
        Priority("minds", "Mental health"),
    ),
)
ODD = 'Tricky <text> & "quotes", 100% sure:\nnext line'


def _report(policy: Policy | None = None, waivers: tuple[Waiver, ...] = ()) -> Report:
    mention = Evidence(ODD, Location(None, 4, "Plan"), 0.3, "context")
    plan = DocumentResult(
        "docs/draft plan.md",
        "ok",
        alignments=(
            Alignment("air", "gap", 0.02),
            Alignment("homes", "partial", 0.3, (mention,)),
            Alignment("minds", "aligned", 0.6, (mention,), 0.6),
        ),
    )
    error = "docs/broken.pdf: not a PDF\n(%PDF missing)"
    broken = DocumentResult("docs/broken.pdf", "error", error=error)
    results = (broken, plan)
    analysis = analyse(FRAMEWORK, results, waivers, today=date(2026, 1, 1))
    return Report(FRAMEWORK, results, (), analysis, Thresholds(), policy or Policy())


def _render(name: str, report: Report) -> str:
    out = io.StringIO()
    renderer(name)(report, out, RenderOptions())
    return out.getvalue()


def _cases(root: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name", ""): c for c in root.iter("testcase")}


def test_junit_gap_fails_partial_passes_unreadable_errors() -> None:
    root = ET.fromstring(_render("junit", _report()))
    cases = _cases(root)
    assert cases["Clean air [air]"].find("failure") is not None
    assert cases["Warm homes [homes]"].find("failure") is None
    assert 'Tricky <text> & "quotes", 100% sure: next line' in (
        cases["Warm homes [homes]"].findtext("system-out") or ""
    )
    assert cases["Mental health [minds]"].find("*") is None
    assert cases["read"].find("error") is not None
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "1")


@pytest.mark.parametrize(
    ("policy", "fails"),
    [(None, False), (Policy(fail_under=10), False), (Policy(fail_on="gap"), True)],
    ids=["no policy", "coverage only", "fail on gap"],
)
def test_junit_fails_a_gap_exactly_where_the_policy_does(
    policy: Policy | None, fails: bool
) -> None:
    report = _report(policy)
    plan = replace(
        report.documents[1],
        alignments=tuple(
            Alignment("homes", "gap", 0.02) if a.priority_id == "homes" else a
            for a in report.documents[1].alignments
        ),
    )
    report = replace(report, documents=(report.documents[0], plan))
    case = _cases(ET.fromstring(_render("junit", report)))["Warm homes [homes]"]
    assert (case.find("failure") is not None) is fails
    if not fails:
        assert "does not address 'Warm homes'" in (case.findtext("system-out") or "")
    sarif = json.loads(_render("sarif", report))
    levels = {
        r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"] if "homes" in json.dumps(r)
    }
    assert (levels.get("ACK001") == "error") is fails


def test_junit_fails_partials_under_fail_on_partial_and_skips_waived() -> None:
    waiver = Waiver("air", "Left to the districts.", None, None, "w.yaml:2:5")
    root = ET.fromstring(_render("junit", _report(Policy(fail_on="partial"), (waiver,))))
    cases = _cases(root)
    assert cases["Warm homes [homes]"].find("failure") is not None
    skipped = cases["Clean air [air]"].find("skipped")
    assert skipped is not None and "Left to the districts." in skipped.get("message", "")
    assert root.get("skipped") == "1"


def test_junit_reports_fail_under_as_a_policy_case() -> None:
    root = ET.fromstring(_render("junit", _report(Policy(fail_under=90))))
    case = _cases(root)["system coverage at least 90%"]
    failure = case.find("failure")
    assert failure is not None and "below --fail-under 90%" in failure.get("message", "")


def test_junit_classnames_hold_no_dot_for_jenkins_to_split() -> None:
    report = _report()
    twins = tuple(
        replace(d, path=f"docs/strategy-v2.1{suffix}")
        for d, suffix in zip(report.documents, (".pdf", ".md"), strict=True)
    )
    results = tuple(d for d in twins)
    analysis = analyse(FRAMEWORK, results, (), today=date(2026, 1, 1))
    root = ET.fromstring(_render("junit", replace(report, documents=results, analysis=analysis)))
    names = {c.get("classname") for c in root.iter("testcase")}
    assert names == {"strategy-v2_1_pdf", "strategy-v2_1_md"}


@pytest.mark.parametrize(
    "stems", [("plan.v1", "plan_v1"), ("plan.v1", "plan_v1", "plan_v1_2")], ids=["two", "three"]
)
def test_junit_gives_documents_whose_classnames_would_meet_classnames_of_their_own(
    stems: tuple[str, ...],
) -> None:
    # 'plan.v1.md' and 'plan_v1.md' were both classed 'plan_v1': Jenkins keeps a test's
    # history by classname and name, and mixed the two documents' results.
    report = _report()
    template = report.documents[0]
    results = tuple(replace(template, path=f"docs/{stem}.md") for stem in stems)
    analysis = analyse(FRAMEWORK, results, (), today=date(2026, 1, 1))
    root = ET.fromstring(_render("junit", replace(report, documents=results, analysis=analysis)))
    by_suite = {
        suite.get("name"): {c.get("classname") for c in suite.iter("testcase")}
        for suite in root.iter("testsuite")
    }
    classes = [names.pop() for names in by_suite.values() if len(names) == 1]
    assert len(classes) == len(stems) == len(set(classes)), by_suite
    assert all("." not in name for name in classes)
    # The document named 'plan_v1' outright keeps the name, whatever else is in the run.
    assert by_suite_name(root, "docs/plan_v1.md") == "plan_v1"


def by_suite_name(root: ET.Element, suite: str) -> str:
    found = next(s for s in root.iter("testsuite") if s.get("name") == suite)
    return next(c.get("classname") or "" for c in found.iter("testcase"))


def test_junit_escapes_document_text() -> None:
    text = _render("junit", _report())
    assert "&lt;text&gt; &amp;" in text
    ET.fromstring(text)  # well-formed


def test_sarif_results_reference_rules_and_locations() -> None:
    log = json.loads(_render("sarif", _report()))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all({"id", "name", "shortDescription", "help"} <= set(r) for r in rules)
    assert len({r["id"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert result["partialFingerprints"]["alignckFinding/v1"]
    levels = {r.get("properties", {}).get("priorityId"): r["level"] for r in run["results"]}
    # A gap on a required priority breaks the run; a partial is a note; aligned is silent.
    assert levels["air"] == "error" and levels["homes"] == "note" and "minds" not in levels
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"docs/draft%20plan.md", "docs/broken.pdf"}
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_levels_follow_fail_on_and_waivers_are_suppressions() -> None:
    waiver = Waiver("air", "Left to the districts.", None, None, "w.yaml:2:5")
    log = json.loads(_render("sarif", _report(Policy(fail_on="partial"), (waiver,))))
    results = {r.get("properties", {}).get("priorityId"): r for r in log["runs"][0]["results"]}
    assert results["homes"]["level"] == "error"
    suppression = results["air"]["suppressions"][0]
    assert suppression["kind"] == "external"
    assert "Left to the districts." in suppression["justification"]


def test_sarif_fingerprints_are_stable_and_distinct() -> None:
    first = json.loads(_render("sarif", _report()))["runs"][0]["results"]
    again = json.loads(_render("sarif", _report()))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["alignckFinding/v1"] for r in first]
    assert prints == [r["partialFingerprints"]["alignckFinding/v1"] for r in again]
    assert len(set(prints)) == len(prints)


def test_sarif_uris_are_escaped_and_absolute_paths_are_file_uris() -> None:
    assert uri("docs/a b#1.pdf") == "docs/a%20b%231.pdf"
    assert uri("/srv/plans/x.pdf") == "file:///srv/plans/x.pdf"


def test_github_annotations_escape_and_leave_out_waived_verdicts() -> None:
    lines = _render("github", _report()).splitlines()
    partial = next(line for line in lines if "[homes]" in line)
    assert partial.startswith("::notice file=docs/draft plan.md,title=alignck partial%3A ")
    assert "100%25 sure: next line" in partial
    broken = next(line for line in lines if "broken.pdf" in line)
    assert broken.endswith("docs/broken.pdf: not a PDF%0A(%25PDF missing)")
    assert all("\n" not in line for line in lines)
    assert any(line.startswith("::error file=docs/draft plan.md") for line in lines)
    waiver = Waiver("air", "Left to the districts.")
    waived = _render("github", _report(waivers=(waiver,)))
    assert "[air]" not in waived


def test_github_gives_a_coverage_failure_right_after_the_summary() -> None:
    # GitHub shows ten errors per step: after ten gap errors the reason the run failed was
    # dropped.
    lines = _render("github", _report(Policy(fail_on="gap", fail_under=95))).splitlines()
    assert lines[0].startswith("::notice title=alignck::")
    assert lines[1].startswith("::error title=alignck coverage below --fail-under::")
    assert sum(line.startswith("::error") for line in lines) > 1


def test_coverage_below_fail_under_with_a_built_in_framework_names_no_file() -> None:
    # 'builtin%3Aics-core-purposes' was the location of ACK005: a file that does not exist.
    # A result without one makes GitHub refuse the whole upload: it is a notification.
    report = _report(Policy(fail_under=95))
    on_file = json.loads(_render("sarif", report))["runs"][0]
    coverage = [r for r in on_file["results"] if r["ruleId"] == "ACK005"]
    assert coverage[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "priorities.yaml"
    )
    builtin = replace(report, framework=replace(report.framework, path="builtin:ics-core-purposes"))
    run = json.loads(_render("sarif", builtin))["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"docs/draft%20plan.md", "docs/broken.pdf"}
    assert "ACK005" not in {r["ruleId"] for r in run["results"]}
    assert {
        "level": "error",
        "message": {"text": coverage[0]["message"]["text"]},
        "associatedRule": {"id": "ACK005", "index": 4},
    } in run["invocations"][0]["toolExecutionNotifications"]
    annotations = _render("github", builtin).splitlines()
    assert annotations[1].startswith("::error title=alignck coverage below --fail-under::")
    assert not any("builtin" in line.split("::")[1] for line in annotations)


def test_junit_skips_the_coverage_case_when_no_document_was_checked() -> None:
    # A run of unreadable documents (or of none) has no coverage to hold to --fail-under:
    # its case passed, as if 0% had reached 50%.
    unread = replace(_report(Policy(fail_under=50)), documents=_report().documents[:1])
    for report in (unread, replace(unread, documents=())):
        root = ET.fromstring(_render("junit", report))
        case = _cases(root)["system coverage at least 50%"]
        assert case.find("skipped") is not None and case.find("failure") is None
        assert root.get("skipped") == "1" and root.get("failures") == "0"


def test_junit_coverage_case_cannot_share_a_class_with_a_document_named_policy() -> None:
    report = _report(Policy(fail_under=95))
    named = replace(
        report, documents=tuple(replace(d, path="docs/policy.md") for d in report.documents[1:])
    )
    root = ET.fromstring(_render("junit", named))
    coverage = [c for c in root.iter("testcase") if c.get("name", "").startswith("system coverage")]
    # And no dot: Jenkins read 'alignck.policy' as a package 'alignck' holding a class 'policy'.
    assert [c.get("classname") for c in coverage] == ["alignck_policy"]
    documents = {c.get("classname") for c in root.iter("testcase")} - {"alignck_policy"}
    assert documents == {"policy"}


@pytest.mark.parametrize("stem", ["alignck.policy", "alignck_policy", "alignck.run"])
def test_no_document_takes_the_classname_of_alignck_s_own_cases(stem: str) -> None:
    # A document named 'alignck.policy' (or 'alignck_policy') was classed 'alignck_policy',
    # as the coverage case is: its cases and the run's read as one class.
    report = _report(Policy(fail_under=95))
    named = replace(
        report, documents=tuple(replace(d, path=f"docs/{stem}.md") for d in report.documents[1:])
    )
    root = ET.fromstring(_render("junit", named))
    coverage = [c for c in root.iter("testcase") if c.get("name", "").startswith("system coverage")]
    assert [c.get("classname") for c in coverage] == ["alignck_policy"]
    documents = {c.get("classname") for c in root.iter("testcase") if c not in coverage}
    assert documents == {stem.replace(".", "_") + "_"}
    assert not documents & {"alignck_policy", "alignck_run", "alignck_diff"}


def test_junit_s_own_cases_have_no_dot_in_their_classname() -> None:
    # 'alignck.run' and 'alignck.policy' read in Jenkins as a package 'alignck' apart from the
    # documents, which the README says have their dots made underscores for that reason.
    nothing = replace(_report(Policy(fail_under=50)), documents=())
    root = ET.fromstring(_render("junit", nothing))
    assert [c.get("classname") for c in root.iter("testcase")] == ["alignck_policy", "alignck_run"]


def test_ci_formats_keep_the_places_that_show_a_score_is_under_its_line() -> None:
    # 'does not address Clean air (score 0.50)' beside a partial threshold of 0.5: the
    # terminal and Markdown said 0.4953, the CI formats rounded it across the line.
    near = Evidence("We will plant trees by schools.", Location(None, 2, "Plan"), 0.4, "context")
    plan = DocumentResult(
        "docs/plan.md",
        "ok",
        alignments=(
            Alignment("air", "gap", 0.4953),
            Alignment("homes", "partial", 0.7996, (near,)),
            Alignment("minds", "partial", 0.62, (near,)),
        ),
    )
    analysis = analyse(FRAMEWORK, (plan,), (), today=date(2026, 1, 1))
    report = Report(FRAMEWORK, (plan,), (), analysis, Thresholds(0.8, 0.5), Policy())
    for name in ("github", "junit", "sarif"):
        text = _render(name, report)
        assert "score 0.4953" in text and "score 0.7996" in text and "score 0.62" in text
        assert "score 0.50" not in text and "score 0.80" not in text


def test_ci_formats_are_chosen_by_output_extension() -> None:
    assert EXTENSIONS[".sarif"] == "sarif" and EXTENSIONS[".xml"] == "junit"


def test_junit_totals_match_the_suites_they_sum() -> None:
    waiver = Waiver("air", "Left to the districts.")
    for report in (
        _report(),
        _report(Policy(fail_on="partial", fail_under=95)),
        _report(Policy(fail_under=10), (waiver,)),
    ):
        root = ET.fromstring(_render("junit", report))
        for key in ("tests", "failures", "errors", "skipped"):
            assert root.get(key) == str(sum(int(s.get(key, "0")) for s in root))
        cases = list(root.iter("testcase"))
        assert root.get("tests") == str(len(cases))
        assert root.get("failures") == str(sum(c.find("failure") is not None for c in cases))


def test_github_annotations_name_files_from_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    report = _report()
    inside = replace(report.documents[1], path=str(tmp_path / "docs" / "plan.md"))
    outside = replace(report.documents[1], path="/elsewhere/plan.md")
    for document, shown in ((inside, "docs/plan.md"), (outside, "/elsewhere/plan.md")):
        changed = replace(report, documents=(document,))
        changed = replace(changed, analysis=analyse(FRAMEWORK, [document]))
        assert f"::error file={shown},title=" in _render("github", changed)


def test_sarif_uris_are_relative_to_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert uri(str(tmp_path / "drafts" / "plan.pdf")) == "drafts/plan.pdf"


def test_junit_file_attributes_are_relative_to_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    report = _report()
    document = replace(report.documents[1], path=str(tmp_path / "docs" / "plan.md"))
    changed = replace(report, documents=(document,), analysis=analyse(FRAMEWORK, [document]))
    root = ET.fromstring(_render("junit", changed))
    assert {c.get("file") for c in root.iter("testcase")} == {"docs/plan.md"}


def test_a_file_name_that_is_not_utf8_gets_its_original_bytes_in_the_sarif_uri() -> None:
    import os

    from alignck.renderers.sarif import uri

    # A name read from disk with undecodable bytes carries them as surrogates.
    assert uri(os.fsdecode(b"docs/plan\xff.md")) == "docs/plan%FF.md"


def test_an_absolute_path_under_the_checkout_gives_the_same_sarif_and_junit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # 'check $PWD/docs' and 'check docs': the same alerts and test history, not new ones.
    monkeypatch.chdir(tmp_path)
    plain = _report()
    absolute = replace(
        plain,
        documents=tuple(replace(r, path=str(tmp_path / r.path)) for r in plain.documents),
    )
    absolute = replace(
        absolute, analysis=analyse(FRAMEWORK, absolute.documents, (), today=date(2026, 1, 1))
    )
    for name in ("sarif", "junit"):
        assert _render(name, absolute) == _render(name, plain), name


@pytest.mark.parametrize("variable", ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"])
def test_findings_are_placed_from_the_ci_checkout_when_run_in_a_folder_of_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str
) -> None:
    # A monorepo step with 'working-directory: drafts' names files relative to drafts/.
    from alignck.checkout import checkout_path
    from alignck.waivers import covers

    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert checkout_path("plan.md") == "plan.md"
    monkeypatch.setenv(variable, str(tmp_path))
    assert checkout_path("plan.md") == "drafts/plan.md"
    assert checkout_path(str(tmp_path / "drafts" / "plan.md")) == "drafts/plan.md"
    assert checkout_path("/elsewhere/plan.md") == "/elsewhere/plan.md"
    assert uri("plan.md") == "drafts/plan.md"
    assert covers(Waiver("air", "x", "drafts/pl*"), "plan.md")


def test_a_path_with_dot_dot_steps_is_named_without_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # 'alignck check drafts/../drafts/plan.md' gave GitHub and SARIF that path, on which
    # GitHub places no annotation.
    from alignck.checkout import checkout_path

    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert checkout_path("drafts/../drafts/plan.md") == "drafts/plan.md"
    assert checkout_path(str(tmp_path / "a" / ".." / "drafts" / "plan.md")) == "drafts/plan.md"
    assert uri("drafts/./x/../plan.md") == "drafts/plan.md"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert checkout_path("drafts/../drafts/plan.md") == "drafts/plan.md"


def test_ci_formats_name_the_framework_from_the_checkout_as_they_name_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run from drafts/ under CI_PROJECT_DIR: documents were 'drafts/a.md' and the coverage
    # result 'priorities.yaml', while frameworkPath said '../priorities.yaml'.
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    report = _report(Policy(fail_under=95))
    report = replace(report, framework=replace(report.framework, path="../priorities.yaml"))
    log = json.loads(_render("sarif", report))
    properties = log["runs"][0]["properties"]
    assert properties["frameworkPath"] == "priorities.yaml"
    assert properties["provenance"]["framework file"] == "priorities.yaml"
    root = ET.fromstring(_render("junit", report))
    assert root.get("name", "").endswith("(priorities.yaml)")
    assert "(priorities.yaml): system coverage" in _render("github", report)
    builtin = replace(report, framework=replace(report.framework, path="builtin:ics-core-purposes"))
    assert json.loads(_render("sarif", builtin))["runs"][0]["properties"]["frameworkPath"] == (
        "builtin:ics-core-purposes"
    )


def test_a_lapsed_waiver_reaches_the_ci_formats_on_its_line() -> None:
    # Only standard error said why a waived gap failed the run again.
    lapsed = Waiver("air", "Agreed.", expires=date(2025, 1, 1), source="waivers.yaml:3:5")
    report = _report(waivers=(lapsed,))
    github = _render("github", report).splitlines()
    assert github[1] == (
        "::warning file=waivers.yaml,line=3,title=alignck waivers::waiver for 'air' expired "
        "on 2025-01-01; not applied"
    )
    sarif = json.loads(_render("sarif", report))
    said = [
        n["message"]["text"]
        for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    ]
    assert "waivers.yaml:3:5: warning: waiver for 'air' expired on 2025-01-01; not applied" in said


@pytest.mark.parametrize("typed", ["../waivers.yaml", "{root}/waivers.yaml"])
def test_waiver_files_are_named_from_the_checkout_in_sarif_and_junit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    # Run from drafts/ with '--waivers ../waivers.yaml' (or in full): SARIF's notification
    # and suppression and JUnit's skip said '../waivers.yaml' (or the full path), so one
    # checkout's reports differed by where it ran, and the notification had no location.
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    file = typed.format(root=tmp_path)
    lapsed = Waiver("air", "Agreed.", expires=date(2025, 1, 1), source=f"{file}:3:5")
    kept = Waiver("homes", "Elsewhere.", source=f"{file}:7:5")
    report = _report(Policy(fail_on="partial"), waivers=(lapsed, kept))
    run = json.loads(_render("sarif", report))["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    lapsed_note = next(n for n in notes if "expired" in n["message"]["text"])
    assert lapsed_note["message"]["text"].startswith("waivers.yaml:3:5: warning: waiver for")
    assert lapsed_note["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "waivers.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3},
            }
        }
    ]
    justifications = [s["justification"] for r in run["results"] for s in r.get("suppressions", [])]
    assert justifications == ["Elsewhere. (waivers.yaml:7:5)"]
    # The waived result's own message said the path as typed (the runner's, in full).
    (waived,) = [r for r in run["results"] if r.get("suppressions")]
    assert waived["message"]["text"].endswith(" Waived: Elsewhere. (waivers.yaml:7:5).")
    skipped = [s.get("message") for s in ET.fromstring(_render("junit", report)).iter("skipped")]
    # The verdict waived too: a waived gap and a waived partial read alike.
    assert skipped == ["waived partial: Elsewhere. (waivers.yaml:7:5)"]


def test_a_document_s_gaps_are_each_their_own_alert_on_github(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitHub's code scanning reads only 'primaryLocationLineHash', which the upload action
    # makes from the result's line: every gap sits on line 1, so a document's gaps were one
    # alert, and a new title line closed and reopened them all.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    run = json.loads(_render("sarif", _report(Policy(fail_on="partial"))))["runs"][0]
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"]]
    assert len(hashes) >= 2 and len(set(hashes)) == len(hashes)
    for result in run["results"]:
        prints = result["partialFingerprints"]
        assert prints["primaryLocationLineHash"] == prints["alignckFinding/v1"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%" and not location["uri"].startswith("/")


def test_a_file_outside_the_checkout_is_not_placed_relative_to_its_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # '../x/plan.md' from a sub-folder was given %SRCROOT% as its base, naming another file.
    from alignck.renderers.sarif import artifact_location

    (tmp_path / "w" / "sub").mkdir(parents=True)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "w"))
    monkeypatch.chdir(tmp_path / "w" / "sub")
    assert artifact_location("plan.md") == {"uri": "sub/plan.md", "uriBaseId": "%SRCROOT%"}
    # Outside the checkout, in full: a relative URI would be read from the checkout's root.
    assert artifact_location("../../x/plan.md") == {"uri": f"file://{tmp_path}/x/plan.md"}
    assert artifact_location(str(tmp_path / "x" / "plan.md")) == {
        "uri": f"file://{tmp_path}/x/plan.md"
    }
    # A working folder outside the workspace names its files from there (a review).
    (tmp_path / "outside").mkdir()
    monkeypatch.chdir(tmp_path / "outside")
    assert artifact_location("plan.md") == {"uri": f"file://{tmp_path}/outside/plan.md"}
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert artifact_location("plan.md") == {"uri": "plan.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("../other/plan.md") == {"uri": f"file://{tmp_path}/other/plan.md"}
    # A workspace given relatively is the working directory's.
    monkeypatch.setenv("GITHUB_WORKSPACE", ".")
    assert artifact_location("plan.md") == {"uri": "plan.md", "uriBaseId": "%SRCROOT%"}


def test_a_warning_of_alignck_s_own_names_no_file() -> None:
    # diff's 'alignck: warning: new/bad.pdf: could not be read' was annotated on a file
    # named 'alignck'.
    from alignck.renderers.github import warning_command

    said = warning_command("alignck: warning: new/bad.pdf: could not be read", "alignck diff")
    assert said.startswith("::warning title=alignck diff::") and "file=" not in said
    placed = warning_command("w.yaml:2:5: warning: waiver for 'air' expired", "alignck diff")
    assert placed.startswith("::warning file=w.yaml,line=2,title=alignck diff::waiver for")
    # A baseline kept above the checkout: GitHub could place nothing on '../main.json'.
    above = warning_command("../main.json: note: 1 verdict waived there", "alignck baseline")
    assert above == "::notice title=alignck baseline::../main.json: 1 verdict waived there\n"


def test_a_partial_verdict_sits_on_the_line_of_its_evidence_s_own_block(tmp_path: Path) -> None:
    # Placed on the first line reading like the quote: here a struck-through draft.
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Plan\n\n~~We will insulate homes.~~\n\n## Homes\n\nWe will insulate homes.\n",
        encoding="utf-8",
    )
    quote = Evidence(
        "We will insulate homes.", Location(None, 3, "Plan › Homes", 7), 0.3, "context"
    )
    result = DocumentResult(
        str(plan),
        "ok",
        alignments=(
            Alignment("air", "aligned", 0.6, (quote,), 0.6),
            Alignment("homes", "partial", 0.3, (quote,)),
            Alignment("minds", "aligned", 0.6, (quote,), 0.6),
        ),
    )
    analysis = analyse(FRAMEWORK, (result,), (), today=date(2026, 1, 1))
    report = Report(FRAMEWORK, (result,), (), analysis, Thresholds(), Policy())
    sarif = json.loads(_render("sarif", report))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif] == [7]
    assert any(",line=7," in line for line in _render("github", report).splitlines())


def test_sarif_alerts_hold_no_bidirectional_overrides() -> None:
    # 'Trojan Source': a quote holding U+202E reads reversed in a code-scanning alert; every
    # other format removed the overrides, SARIF kept them.
    tricked = Evidence("Bidi \u202egnirts\u202c here", Location(None, 4, "Plan"), 0.3, "context")
    report = _report()
    plan = report.documents[1]
    partial = replace(plan.alignments[1], evidence=(tricked,))
    odd = replace(plan, alignments=(plan.alignments[0], partial, plan.alignments[2]))
    tricky = replace(report, documents=(report.documents[0], odd))
    sarif = _render("sarif", tricky)
    assert "gnirts" in sarif
    for override in ("\u202e", "\u202c", "\\u202e", "\\u202c"):
        assert override not in sarif
    # JUnit's test output too.
    junit = _render("junit", tricky)
    assert "gnirts" in junit and "\u202e" not in junit and "\u202c" not in junit


def test_a_document_s_warnings_are_one_line_each_in_junit() -> None:
    # A copy's warning names a file; a newline in its name made it read as two warnings.
    base = _report()
    trust = replace(base.documents[-1], warnings=("the same text as a\nb.md", "no text found"))
    report = replace(base, documents=(*base.documents[:-1], trust))
    said = [s.findtext("system-err") for s in ET.fromstring(_render("junit", report)).iter()]
    lines = next(text for text in said if text).splitlines()
    assert lines == ["warning: the same text as a\\nb.md", "warning: no text found"]


def test_the_partner_publishing_each_document_reaches_csv_junit_and_sarif() -> None:
    """A dashboard fed from the CSV, or a CI job reading JUnit or SARIF, saw no partner
    where --partner named one, though every other report names it."""
    plain = _report()
    named = tuple(
        replace(r, partner="Riverside Trust") if r.path == "docs/draft plan.md" else r
        for r in plain.documents
    )
    report = replace(plain, documents=named)
    rows = list(csv.DictReader(io.StringIO(_render("csv", report))))
    assert {r["partner"] for r in rows if r["document"] == "docs/draft plan.md"} == {
        "Riverside Trust"
    }
    assert [r["partner"] for r in rows if r["document"] == "docs/broken.pdf"] == [""]
    suites = {s.get("name"): s for s in ET.fromstring(_render("junit", report)).iter("testsuite")}
    partner = [
        p for p in suites["docs/draft plan.md"].iter("property") if p.get("name") == "partner"
    ]
    assert [p.get("value") for p in partner] == ["Riverside Trust"]
    assert not [p for p in suites["docs/broken.pdf"].iter("property") if p.get("name") == "partner"]
    results = json.loads(_render("sarif", report))["runs"][0]["results"]
    on_plan = [r for r in results if "draft" in json.dumps(r["locations"])]
    assert on_plan and all(r["properties"]["partner"] == "Riverside Trust" for r in on_plan)
    plain_results = json.loads(_render("sarif", plain))["runs"][0]["results"]
    assert all("partner" not in r.get("properties", {}) for r in plain_results)


def test_a_document_named_through_a_linked_checkout_is_placed_as_by_its_real_path(
    tmp_path: Path,
) -> None:
    """An auditor ran CI through a linked checkout with '$PWD/examples' (the link) while the
    working directory is the real folder: SARIF named the files absolutely and gave every
    finding a new fingerprint. From the checkout, '../repo/examples' is 'examples' too."""
    from alignck.checkout import _checkout_path

    real = tmp_path / "repo"
    (real / "examples").mkdir(parents=True)
    (real / "examples" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    cwd = str(real)
    assert _checkout_path(str(link / "examples" / "plan.md"), cwd, None) == "examples/plan.md"
    assert _checkout_path("../repo/examples/plan.md", cwd, None) == "examples/plan.md"
    assert _checkout_path(str(link / "examples" / "plan.md"), cwd, str(link)) == "examples/plan.md"
    # Outside the checkout, named as given.
    assert _checkout_path("../elsewhere/plan.md", cwd, None) == "../elsewhere/plan.md"


def test_a_link_to_a_file_of_the_checkout_is_named_where_it_is(tmp_path: Path) -> None:
    """A review: a link kept outside the checkout to 'drafts/plan.md' was named as its
    target, and a waiver of the target applied to it."""
    from alignck.checkout import _checkout_path

    real = tmp_path / "repo"
    (real / "drafts").mkdir(parents=True)
    (real / "drafts" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "trust.md").symlink_to(real / "drafts" / "plan.md")
    assert _checkout_path("../other/trust.md", str(real), None) == "../other/trust.md"
