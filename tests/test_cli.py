import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck import __version__
from alignck.cli import app
from conftest import EXAMPLES, FRAMEWORK, ROOT

runner = CliRunner()
LABELLED = Path(__file__).parent / "data" / "labelled"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"alignck {__version__}\n"


def _commands() -> list[tuple[str, ...]]:
    from alignck.cli.app import cache_app
    from alignck.cli.frameworks import frameworks_app

    top = [(c.name or c.callback.__name__,) for c in app.registered_commands if c.callback]
    cache = [("cache", c.name or "") for c in cache_app.registered_commands]
    builtin = [("frameworks", c.name or "") for c in frameworks_app.registered_commands]
    return [*top, ("cache",), *cache, ("frameworks",), *builtin]


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_text(command: tuple[str, ...]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    summary = result.stdout.split("\n\n")[1].strip()
    assert len(summary) > 20, f"{' '.join(command)} has no help text"


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_says_what_to_give_not_python_types(command: tuple[str, ...]) -> None:
    text = invoke(*command, "--help").stdout
    for python_type in ("list[", "<path>", "<str>"):
        arguments = text.split("Arguments:")[1].split("Options:")[0] if "Arguments:" in text else ""
        assert python_type not in arguments, f"{' '.join(command)}: {arguments}"
    assert "list[" not in text


@pytest.mark.parametrize("command", [("check",), ("diff", "a.json")])
def test_a_refused_choice_is_worded_for_people(command: tuple[str, ...]) -> None:
    # "Invalid value for '--fail-on': Value error, 'bogus' is not one of ...": the prefix is
    # the validation library's category.
    result = invoke(*command, "b.json", "--fail-on", "bogus")
    assert result.exit_code == 2
    assert "'bogus' is not one of" in result.stderr
    assert "Value error" not in result.stderr


def test_all_commands_are_known() -> None:
    assert {c[0] for c in _commands()} == {
        "check",
        "diff",
        "extract",
        "validate",
        "eval",
        "cache",
        "frameworks",
        "init",
        "schema",
    }


def test_exit_codes_are_documented_in_help() -> None:
    text = " ".join(invoke("--help").stdout.split())
    assert "Exit codes: 0" in text and "1 checked and the policy failed" in text
    # Every refusal the README's table gives exit 2 for, not only some.
    for refused in ("reviews", "a refused --output, --per-document or cache folder"):
        assert refused in " ".join(invoke("check", "--help").stdout.split()), refused


@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("diff",),
        ("extract",),
        ("validate",),
        ("eval",),
        ("init",),
        ("schema",),
        ("cache", "info"),
        ("cache", "clear"),
        ("frameworks",),
    ],
)
def test_every_command_s_help_gives_its_exit_codes(command: tuple[str, ...]) -> None:
    text = invoke(*command, "--help").stdout
    assert "Exit codes: 0" in text and "130 interrupted" in " ".join(text.split())


def test_check_examples_shows_grid_gaps_overlaps_outside_and_evidence() -> None:
    result = invoke("check", str(EXAMPLES), "--framework", str(FRAMEWORK))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in ("Coverage", "Gaps:", "Overlaps:", "Outside the framework", "Evidence ·"):
        assert heading in out
    assert "✔" in out and "✘" in out
    assert "Revitalise our town centres" in out


def test_check_json_has_the_documented_shape() -> None:
    result = invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert set(report) >= {"framework", "documents", "gaps", "overlaps", "summary"}
    assert {"name", "path", "priorities"} <= set(report["framework"])
    document = report["documents"][0]
    assert {"path", "status", "error", "stated_priorities", "alignment"} <= set(document)
    stated = document["stated_priorities"][0]
    assert {"text", "page", "section", "matches"} <= set(stated)
    alignment = document["alignment"][0]
    assert {"priority_id", "status", "score", "evidence"} <= set(alignment)
    assert alignment["status"] in ("aligned", "partial", "gap")
    assert 0.0 <= alignment["score"] <= 1.0
    evidence = [e for d in report["documents"] for a in d["alignment"] for e in a["evidence"]]
    assert evidence and {"text", "page", "section"} <= set(evidence[0])


def test_fail_under_compares_unrounded_and_refuses_a_fraction() -> None:
    draft = str(EXAMPLES / "wolds-district-economy-and-culture-strategy.docx")
    # One partial priority of seven is 1/14 = 7.1429%: below 7.143, not rounded up to pass it,
    # and said with the digits that show it below ('7.143% is below --fail-under 7.143%').
    below = invoke("check", draft, "-f", str(FRAMEWORK), "--fail-under", "7.143")
    assert below.exit_code == 1
    assert "system coverage 7.1429% is below --fail-under 7.143%" in below.stderr
    # The limit with every digit given: '7.142857% is below --fail-under 7.143%' for this.
    close = invoke("check", draft, "-f", str(FRAMEWORK), "--fail-under", "7.1428572")
    assert close.exit_code == 1
    assert "system coverage 7.142857% is below --fail-under 7.1428572%" in close.stderr
    assert invoke("check", draft, "-f", str(FRAMEWORK), "--fail-under", "7.142").exit_code == 0
    fraction = invoke("check", draft, "-f", str(FRAMEWORK), "--fail-under", "0.6")
    assert fraction.exit_code == 2
    assert fraction.stderr.strip() == (
        "alignck: error: --fail-under is a percentage (0-100), not a fraction: did you mean 60?"
    )


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        # '{:g}' rounded: 'did you mean 100?', a limit no run short of 100% passes.
        ("0.99999999", "99.999999"),
        ("1e-9", "0.0000001"),  # 'did you mean 1e-07?'
        ("0.125", "12.5"),
        ("0.07", "7"),  # 0.07 * 100 is 7.000000000000001 in binary floating point
    ],
)
def test_a_fraction_given_as_fail_under_is_moved_two_places_unrounded(
    value: str, meant: str
) -> None:
    result = invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "--fail-under", value)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "alignck: error: --fail-under is a percentage (0-100), not a fraction: "
        f"did you mean {meant}?"
    ]


def test_fail_under_minus_zero_is_zero() -> None:
    # JUnit's case was 'system coverage at least -0%', and the JSON's fail_under -0.0.
    import xml.etree.ElementTree as ET

    draft = str(EXAMPLES / "wolds-district-economy-and-culture-strategy.docx")
    args = ["check", draft, "-f", str(FRAMEWORK), "--fail-under", "-0", "--matcher", "lexical"]
    junit = invoke(*args, "--format", "junit")
    assert junit.exit_code == 0, junit.output
    names = [case.get("name") for case in ET.fromstring(junit.stdout).iter("testcase")]
    assert "system coverage at least 0%" in names
    data = json.loads(invoke(*args, "--format", "json").stdout)
    assert "-0" not in json.dumps(data["policy"])


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("nan", "nan"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("150", "150"),
        ("-1", "-1"),
        # Said '(got 100)', a value it would have taken.
        ("100.0001", "100.0001"),
        ("-0.00001", "-1e-05"),
    ],
)
def test_fail_under_outside_0_to_100_is_one_line_saying_so(value: str, shown: str) -> None:
    # 'nan' was 'Input should be less than or equal to 100', under a usage block.
    result = invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "--fail-under", value)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: --fail-under must be a number from 0 to 100, a percentage (got {shown})"
    ]


@pytest.mark.parametrize("value", ["60%", " 60 % ", "60"])
def test_fail_under_takes_a_percentage_with_or_without_its_sign(value: str) -> None:
    # '60%' was Typer's 'Input should be a valid number', under a usage block.
    args = ["check", str(EXAMPLES), "-f", str(FRAMEWORK), "--matcher", "lexical"]
    result = invoke(*args, "--fail-under", value, "--format", "json")
    # The examples cover every priority between them (100%): 60 is met, and the run says
    # so; 'exit 0 or 1' passed a limit that was parsed and never held.
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["policy"]["fail_under"] == 60 and data["passed"] is True
    above = invoke(*args, "--fail-under", "100.5%", "--format", "json")
    assert above.exit_code == 2


def test_fail_under_that_is_no_number_is_one_line_saying_so() -> None:
    result = invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "--fail-under", "sixty")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "alignck: error: --fail-under must be a number from 0 to 100, a percentage (got 'sixty')"
    ]


def test_fail_under_fails_the_policy_with_exit_1() -> None:
    result = invoke(
        "check",
        str(EXAMPLES / "wolds-district-economy-and-culture-strategy.docx"),
        "-f",
        str(FRAMEWORK),
        "--fail-under",
        "60",
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "alignck: policy failed: system coverage 7.143% is below --fail-under 60%"
    )
    assert (
        invoke(
            "check",
            str(EXAMPLES / "riverside-and-wolds-icb-joint-forward-plan.md"),
            "-f",
            str(FRAMEWORK),
            "--fail-under",
            "10",
        ).exit_code
        == 0
    )


def test_required_priority_missed_fails_the_policy(write_framework, make_document) -> None:  # type: ignore[no-untyped-def]
    framework = write_framework(
        "framework: {name: t}\npriorities:\n  - id: air\n    title: Clean air\n    required: true\n"
    )
    result = invoke("check", str(make_document("plan.md")), "-f", str(framework))
    assert result.exit_code == 1
    assert "(required)" in result.stdout
    assert result.stderr == (
        "alignck: policy failed: required priority 'Clean air' [air] is a gap in plan\n"
    )


def test_corrupt_pdf_is_one_line_exit_2_and_the_others_are_still_checked(
    tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    make_document("good.md")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    result = invoke("check", str(tmp_path), "-f", str(FRAMEWORK), "--format", "json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.pdf" in lines[0] and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    statuses = {Path(d["path"]).name: d["status"] for d in report["documents"]}
    assert statuses == {"broken.pdf": "error", "good.md": "ok"}
    assert "broken.pdf" in next(d["error"] for d in report["documents"] if d["error"])


def test_broken_framework_gives_file_line_col_and_exit_2(tmp_path: Path, make_document) -> None:  # type: ignore[no-untyped-def]
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "framework: {name: t}\npriorities:\n  - id: a\n    title: A\n    keywords: oops\n",
        encoding="utf-8",
    )
    result = invoke("check", str(make_document("plan.md")), "-f", str(framework))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{framework}:5:15: priorities[0].keywords:")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_document_is_an_error_for_it_and_the_others_are_still_checked(
    tmp_path: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(tmp_path / "missing.pdf"), "-f", str(FRAMEWORK))
    assert result.exit_code == 2
    assert result.stderr == f"alignck: error: {tmp_path / 'missing.pdf'}: no such file or folder\n"
    plan = make_document("plan.md")
    both = invoke(
        "check", str(tmp_path / "typo.pdf"), str(plan), "-f", str(FRAMEWORK), "--format", "json"
    )
    assert both.exit_code == 2
    statuses = {Path(d["path"]).name: d["status"] for d in json.loads(both.stdout)["documents"]}
    assert statuses == {"typo.pdf": "error", "plan.md": "ok"}


def test_unsupported_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    result = invoke("check", str(path), "-f", str(FRAMEWORK))
    assert result.exit_code == 2
    assert "unsupported format (legacy Word .doc" in result.stderr


def test_thresholds_are_checked(make_document) -> None:  # type: ignore[no-untyped-def]
    path = str(make_document("plan.md"))
    assert invoke("check", path, "-f", str(FRAMEWORK), "--aligned-threshold", "1.5").exit_code == 2
    # The two thresholds cut two different probabilities: any pair in 0-1 is valid, and
    # raising the partial one can only turn verdicts into gaps.
    low = invoke("check", path, "-f", str(FRAMEWORK), "--format", "json")
    high = invoke(
        "check",
        path,
        "-f",
        str(FRAMEWORK),
        "--format",
        "json",
        "--aligned-threshold",
        "0.2",
        "--partial-threshold",
        "0.999",
    )
    assert high.exit_code == 0
    gaps = [
        sum(a["status"] == "gap" for a in json.loads(r.stdout)["documents"][0]["alignment"])
        for r in (low, high)
    ]
    assert gaps[1] > gaps[0]


def test_output_file_takes_its_format_from_the_extension(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in EXAMPLES.iterdir()}
    for name, check_text in (
        ("r.json", lambda t: json.loads(t)["schema_version"] == 1),
        ("r.md", lambda t: t.splitlines()[1].startswith("# alignck report")),
        ("r.csv", lambda t: t.startswith("document,priority_id")),
        ("r.html", lambda t: t.startswith("<!DOCTYPE html>")),
    ):
        target = tmp_path / name
        result = invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "-o", str(target), "-q")
        assert result.exit_code == 0 and result.stdout == ""
        assert check_text(target.read_text(encoding="utf-8"))
    assert {p: p.read_bytes() for p in EXAMPLES.iterdir()} == before


def test_a_saved_report_can_be_read_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    previous = os.umask(0o022)
    try:
        result = invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "-o", str(target))
    finally:
        os.umask(previous)
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_an_overwritten_report_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    assert invoke("check", str(EXAMPLES), "-f", str(FRAMEWORK), "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert json.loads(target.read_text())["schema_version"] == 1


def test_validate(tmp_path: Path) -> None:
    assert invoke("validate", str(FRAMEWORK)).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("framework: {name: x}\npriorities:\n  - {id: a}\n", encoding="utf-8")
    result = invoke("validate", str(bad))
    assert result.exit_code == 2
    assert result.stderr == f"{bad}:3:5: priorities[0].title: missing required key 'title'\n"


def test_extract_lists_stated_priorities() -> None:
    path = EXAMPLES / "riverside-vcs-alliance-strategy.md"
    result = invoke("extract", str(path), "--format", "json")
    assert result.exit_code == 0
    texts = [s["text"] for s in json.loads(result.stdout)["documents"][0]["stated_priorities"]]
    assert texts == [
        "Tackle loneliness and isolation",
        "Reach people facing multiple disadvantage",
        "Grow volunteering across Riverside",
        "Secure sustainable funding for community groups",
    ]
    table = invoke("extract", str(path))
    assert "Tackle loneliness and isolation" in table.stdout


def test_extract_shows_why_and_keeps_sub_priorities_under_their_priority(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Our priorities\n\n- Healthy lives\n  - Fewer people smoking\n  - More people active\n"
        "- Good jobs\n",
        encoding="utf-8",
    )
    result = invoke("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    stated = json.loads(result.stdout)["documents"][0]["stated_priorities"]
    assert [s["text"] for s in stated] == ["Healthy lives", "Good jobs"]
    assert stated[0]["rule"] == "list under 'Our priorities'"
    assert [c["text"] for c in stated[0]["sub_priorities"]] == [
        "Fewer people smoking",
        "More people active",
    ]
    assert stated[1]["sub_priorities"] == []
    table = invoke("extract", str(path)).stdout
    assert "└ Fewer people smoking" in table and "list under 'Our priorities'" in table
    assert "2 stated priorities" in table
    # A sub-priority's own reason, as the JSON gives it, on its row of the table.
    row = next(line for line in table.splitlines() if "└ Fewer people smoking" in line)
    assert "nested under" in row


def test_extract_json_lists_an_unreadable_document_with_why(tmp_path: Path) -> None:
    good = EXAMPLES / "riverside-vcs-alliance-strategy.md"
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a PDF", encoding="utf-8")
    (tmp_path / "notes.odt").write_text("x", encoding="utf-8")
    result = invoke(
        "extract", str(good), str(broken), str(tmp_path / "notes.odt"), "--format", "json"
    )
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    # As check lists them: named files that cannot be read are documents in error, in path
    # order, with no stated priorities.
    listed = [(Path(d["path"]).name, d["status"]) for d in data["documents"]]
    assert sorted(listed) == [
        ("broken.pdf", "error"),
        ("notes.odt", "error"),
        (good.name, "ok"),
    ]
    assert [d["path"] for d in data["documents"]] == sorted(d["path"] for d in data["documents"])
    for document in data["documents"]:
        if document["status"] == "error":
            assert document["stated_priorities"] == []
            assert document["error"] in result.stderr
    # What a folder's search passes over is under skipped, as in check's report.
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "plan.md").write_text("# Our priorities\n\n- Warm homes\n", encoding="utf-8")
    (folder / "notes.csv").write_text("x", encoding="utf-8")
    (folder / ".hidden.md").write_text("x", encoding="utf-8")
    walked = json.loads(invoke("extract", str(folder), "--format", "json").stdout)
    checked = json.loads(
        invoke("check", str(folder), "-f", str(FRAMEWORK), "--format", "json").stdout
    )
    assert walked["skipped"] == checked["skipped"]
    assert {Path(s["path"]).name for s in walked["skipped"]} == {"notes.csv", ".hidden.md"}


def test_extract_json_lists_documents_in_the_order_they_were_found(tmp_path: Path) -> None:
    # Sorted again by code point, 'plan 10' came before 'plan 2' (and the unreadable 'plan 3'
    # before both), unlike the folder's own order.
    for name in ("plan 2.md", "plan 10.md"):
        (tmp_path / name).write_text("# Our priorities\n\n- Warm homes\n", encoding="utf-8")
    (tmp_path / "plan 3.pdf").write_text("not a PDF", encoding="utf-8")
    data = json.loads(invoke("extract", str(tmp_path), "--format", "json").stdout)
    names = [Path(d["path"]).name for d in data["documents"]]
    assert names == ["plan 2.md", "plan 3.pdf", "plan 10.md"]


def test_eval_shows_a_priority_with_nothing_to_find_and_nothing_found_as_undefined(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.md").write_text(
        "# Plan\n\n## Our priorities\n\n- Warm homes\n\nWe will insulate 2,000 homes.\n",
        encoding="utf-8",
    )
    (tmp_path / "priorities.yaml").write_text(
        "framework: {name: T}\npriorities:\n"
        "  - id: homes\n    title: Warm homes\n    description: Homes kept warm and dry.\n"
        "  - id: whales\n    title: Protect whales at sea\n"
        "    description: Ocean whale protection from shipping.\n",
        encoding="utf-8",
    )
    (tmp_path / "truth.yaml").write_text(
        "framework: priorities.yaml\ndocuments:\n  - doc: docs/plan.md\n"
        "    aligns: {homes: {label: 'yes', evidence: 'We will insulate 2,000 homes.'}, "
        "whales: {label: 'no'}}\n",
        encoding="utf-8",
    )
    summary = json.loads(invoke("eval", str(tmp_path), "--format", "json").stdout)
    assert summary["per_priority"]["whales"]["addressed"]["predicted"] == 0
    assert summary["macro"]["addressed_f1"] == summary["per_priority"]["homes"]["addressed"]["f1"]
    table = runner.invoke(app, ["eval", str(tmp_path)], env={"COLUMNS": "200"}).stdout
    row = next(line for line in table.splitlines() if line.strip().startswith("whales"))
    assert "—" in row and "nothing to find and nothing found" in table


def test_eval_leaves_a_labelled_document_it_cannot_read_out_of_the_figures(
    tmp_path: Path,
) -> None:
    # Scored as gaps, an unread document's 'no' labels read as agreement and its 'yes'
    # labels as misses: the figures were not the set's either way.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.md").write_text(
        "# Plan\n\n## Our priorities\n\n- Warm homes\n\nWe will insulate 2,000 homes.\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "empty.md").write_bytes(b"")
    (tmp_path / "priorities.yaml").write_text(
        "priorities:\n  - id: homes\n    title: Warm homes\n"
        "  - id: whales\n    title: Protect whales at sea\n",
        encoding="utf-8",
    )
    (tmp_path / "truth.yaml").write_text(
        "framework: priorities.yaml\ndocuments:\n"
        "  - {doc: docs/plan.md, aligns: {homes: 'yes', whales: 'no'}}\n"
        "  - {doc: docs/empty.md, aligns: {homes: 'no', whales: 'no'}}\n",
        encoding="utf-8",
    )
    result = invoke("eval", str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    summary = json.loads(result.stdout)
    assert (summary["pairs"], summary["documents"], summary["unscored_pairs"]) == (2, 1, 2)
    assert summary["exact"] <= 1.0 and summary["errors"] and "empty.md" in summary["errors"][0]
    table = runner.invoke(app, ["eval", str(tmp_path)], env={"COLUMNS": "200"}).stdout
    assert "2 labelled pairs of documents that could not be read are left out" in table


def test_eval_reports_metrics_as_json() -> None:
    result = invoke("eval", str(LABELLED), "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["pairs"] == 6
    assert set(summary["addressed"]) >= {"precision", "recall", "f1"}
    assert summary["extraction"]["actual"] == 5
    assert set(summary["per_priority"]) == {"mental-health", "warm-homes", "early-years"}


def test_eval_gives_the_baseline_of_calling_every_pair_addressed() -> None:
    """The README judges every figure against it; eval gives it beside the verdicts'."""
    summary = json.loads(invoke("eval", str(LABELLED), "--format", "json").stdout)
    baseline = summary["all_addressed"]
    labelled_addressed = summary["addressed"]["actual"]
    assert baseline["predicted"] == summary["pairs"]
    assert baseline["correct"] == baseline["found"] == baseline["actual"] == labelled_addressed
    assert baseline["recall"] == 1.0
    shown = invoke("eval", str(LABELLED)).stdout
    assert "every pair addressed" in shown
    assert f"{baseline['f1']:.3f}" in shown


def test_eval_calibrate_suggests_thresholds() -> None:
    result = invoke("eval", str(LABELLED), "--calibrate")
    assert result.exit_code == 0
    assert "Suggested thresholds" in result.stdout and "thresholds: {aligned:" in result.stdout
    # The strong figures of the aligned sweep are at the suggested partial threshold.
    assert "The aligned sweep holds the partial threshold at the suggested" in result.stdout
    # Chosen on six pairs, they are a hint, and the output says so.
    said = " ".join(result.stdout.split())
    assert "Chosen on 6 labelled pairs: one or two pairs more or fewer can move them" in said
    # And which matcher made the verdicts measured, as every report says.
    assert "matcher lexical" in said or "matcher semantic" in said


def test_internal_errors_exit_3_with_the_traceback(
    monkeypatch: pytest.MonkeyPatch, make_document
) -> None:  # type: ignore[no-untyped-def]
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("alignck.pipeline.check", boom)
    result = invoke("check", str(make_document("plan.md")), "-f", str(FRAMEWORK))
    assert result.exit_code == 3
    assert "RuntimeError: kaboom" in result.stderr and "internal error" in result.stderr


def test_python_dash_m_runs_the_cli() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "alignck", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0 and completed.stdout.strip() == f"alignck {__version__}"


def test_nothing_to_check_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    result = invoke("check", str(tmp_path), "-f", str(FRAMEWORK))
    assert result.exit_code == 2
    assert "no documents to check" in result.stderr and "1 file skipped" in result.stderr


def test_missing_default_framework_says_how_to_give_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_document
) -> None:  # type: ignore[no-untyped-def]
    path = make_document("plan.md")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "priorities.yaml").unlink(missing_ok=True)
    result = invoke("check", str(path))
    assert result.exit_code == 2
    assert "give one with --framework FILE" in result.stderr


@pytest.mark.parametrize(("extra", "expected"), [((), 0), (("--fail-under", "99"), 1)])
def test_output_cut_short_keeps_the_verdict_and_prints_no_traceback(
    tmp_path: Path, extra: tuple[str, ...], expected: int
) -> None:
    # 'alignck check ... | head -1': the reader goes away after the first line, long before
    # the report (far more than a pipe's 64 KiB buffer) is written.
    source = (EXAMPLES / "riverside-and-wolds-icb-joint-forward-plan.md").read_bytes()
    for index in range(40):
        (tmp_path / f"plan-{index:02d}.md").write_bytes(source)
    command = [
        sys.executable,
        "-m",
        "alignck",
        "check",
        str(tmp_path),
        "-f",
        str(FRAMEWORK),
        "--no-cache",
        "--format",
        "json",
        *extra,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"{\n"
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == expected
    assert "Traceback" not in errors


def test_framework_warnings_are_shown_but_do_not_fail(write_framework, make_document) -> None:  # type: ignore[no-untyped-def]
    framework = write_framework(
        "framework: {name: t, owner: me}\npriorities:\n  - id: a\n"
        "    title: Improve mental health\n"
    )
    result = invoke("check", str(make_document("plan.md")), "-f", str(framework))
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"{framework}:1:22: framework.owner: warning: unknown key 'owner' (ignored)\n"
    )


def _waivers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _check_waived(  # type: ignore[no-untyped-def]
    plan: Path, framework: Path, waivers: Path, *extra: str
):
    """``alignck check PLAN -f FRAMEWORK --waivers WAIVERS`` and any further options."""
    return invoke("check", str(plan), "-f", str(framework), "--waivers", str(waivers), *extra)


def test_fail_on_gap_fails_until_every_gap_is_waived(
    small_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    failed = invoke("check", str(plan), "-f", str(small_framework), "--fail-on", "gap")
    assert failed.exit_code == 1
    assert failed.stderr.splitlines()[-1] == (
        "alignck: policy failed: plan leaves a gap on "
        "'Give every child the best start in life' [early-years]"
    )
    waivers = _waivers(
        tmp_path,
        "waivers:\n  - priority: early-years\n    document: plan.md\n"
        "    reason: Children's services are the county's.\n",
    )
    passed = invoke(
        "check",
        str(plan),
        "-f",
        str(small_framework),
        "--fail-on",
        "gap",
        "--waivers",
        str(waivers),
    )
    assert passed.exit_code == 0, passed.stderr
    assert "(waived)" in passed.stdout and "Children's services are the" in passed.stdout
    assert passed.stderr == ""


def test_fail_on_partial_also_fails_on_partial_verdicts(small_framework, make_document) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    result = invoke(
        "check", str(plan), "-f", str(small_framework), "--fail-on", "partial", "--format", "json"
    )
    verdicts = {
        a["priority_id"]: a["status"]
        for a in json.loads(result.stdout)["documents"][0]["alignment"]
    }
    assert verdicts["warm-homes"] == "partial"
    assert result.exit_code == 1
    assert (
        "alignck: policy failed: plan only partly addresses 'Warm and healthy homes' [warm-homes]"
        in result.stderr
    )


def test_a_waived_required_gap_passes_and_json_carries_the_waiver(
    write_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    framework = write_framework(
        "framework: {name: t}\npriorities:\n  - id: air\n    title: Clean air\n    required: true\n"
    )
    waivers = _waivers(tmp_path, "waivers:\n  - priority: air\n    reason: Not ours.\n")
    result = _check_waived(make_document("plan.md"), framework, waivers, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"][0]["alignment"][0]["waived"]["reason"] == "Not ours."
    assert [w["priority_id"] for w in report["waivers"]["applied"]] == ["air"]
    assert report["gaps"]["required"] == {}


def test_json_names_each_verdict_a_parent_waiver_waives(
    write_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    framework = write_framework(
        "framework: {name: t}\npriorities:\n"
        "  - id: air\n    title: Clean air\n    priorities:\n"
        "      - {id: diesel, title: Fewer diesel buses}\n"
        "      - {id: fires, title: No bonfires in smoke control areas}\n"
    )
    waivers = _waivers(tmp_path, "waivers:\n  - priority: air\n    reason: Not ours.\n")
    result = _check_waived(make_document("plan.md"), framework, waivers, "--format", "json")
    applied = json.loads(result.stdout)["waivers"]["applied"]
    assert sorted((w["priority_id"], w["waiver_priority_id"]) for w in applied) == [
        ("air", "air"),
        ("diesel", "air"),
        ("fires", "air"),
    ]


def test_expired_and_unused_waivers_are_warned_about(
    small_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    waivers = _waivers(
        tmp_path,
        "waivers:\n"
        "  - priority: early-years\n    reason: old\n    expires: 2020-01-01\n"
        "  - priority: mental-health\n    reason: not needed\n"
        "  - priority: mental-health\n    document: district-*\n    reason: not checked here\n",
    )
    result = _check_waived(make_document("plan.md"), small_framework, waivers, "--fail-on", "gap")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        f"{waivers}:2:5: warning: waiver for 'early-years' expired on 2020-01-01; not applied"
        in lines
    )
    unused = f"{waivers}:5:5: warning: waiver for 'mental-health' applies to no gap or partial"
    [said] = [line for line in lines if line.startswith(unused)]
    # The plan is aligned on it: a waiver a wrong aligned verdict met is not to be deleted.
    assert "aligned in plan.md now, quoting “We will open two crisis cafes" in said
    assert said.endswith("keep the waiver and correct the verdict with a review (--review)")
    # A waiver for documents this run did not check (a shared file, one draft) is not stale.
    assert not any("district-*" in line for line in lines)
    # But a report says which waivers were about other documents: one left behind by a
    # renamed document would otherwise build up unseen.
    plan = make_document("plan.md")
    saved = tmp_path / "run.json"
    _check_waived(plan, small_framework, waivers, "-o", str(saved))
    listed = json.loads(saved.read_text(encoding="utf-8"))["waivers"]
    assert [w["document"] for w in listed["elsewhere"]] == ["district-*"]
    assert [w["reason"] for w in listed["unused"]] == ["not needed"]


def test_an_invalid_waivers_file_exits_2_with_line_and_column(
    small_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    waivers = _waivers(tmp_path, "waivers:\n  - priority: early_years\n    reason: x\n")
    result = _check_waived(make_document("plan.md"), small_framework, waivers)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{waivers}:2:15: waivers[0].priority: no framework priority 'early_years'; "
        "did you mean 'early-years'?\n"
    )
    assert "Traceback" not in result.output


def test_the_shipped_waivers_file_is_valid_and_used_by_the_examples() -> None:
    result = invoke(
        "check",
        str(EXAMPLES),
        "-f",
        str(FRAMEWORK),
        "--waivers",
        str(ROOT / "waivers.yaml"),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    applied = json.loads(result.stdout)["waivers"]["applied"]
    assert applied and all(w["status"] in ("gap", "partial") for w in applied)


def test_ci_formats_through_the_cli(small_framework, make_document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import xml.etree.ElementTree as ET

    plan = make_document("plan.md")
    sarif = tmp_path / "alignck.sarif"
    result = invoke(
        "check", str(plan), "-f", str(small_framework), "--fail-on", "gap", "-q", "-o", str(sarif)
    )
    assert result.exit_code == 1
    log = json.loads(sarif.read_text(encoding="utf-8"))
    errors = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    assert [r["properties"]["priorityId"] for r in errors] == ["early-years"]
    junit = tmp_path / "alignck.xml"
    # The test view agrees with the exit code: the gap fails only where the run fails on it.
    passing = invoke("check", str(plan), "-f", str(small_framework), "-q", "-o", str(junit))
    assert passing.exit_code == 0
    assert ET.parse(junit).getroot().get("failures") == "0"
    args = ["check", str(plan), "-f", str(small_framework), "--fail-on", "gap", "-q"]
    assert invoke(*args, "-o", str(junit)).exit_code == 1
    assert ET.parse(junit).getroot().get("failures") == "1"
    github = invoke("check", str(plan), "-f", str(small_framework), "--format", "github")
    assert github.exit_code == 0
    # First: GitHub shows ten annotations of a level per step, and the summary must be one.
    assert github.stdout.splitlines()[0].startswith("::notice title=alignck::Test framework")


def test_validate_judges_waiver_expiry_on_the_day_given(small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    waivers = _waivers(
        tmp_path, "waivers:\n  - priority: early-years\n    reason: x\n    expires: 2020-01-01\n"
    )
    before = invoke(
        "validate", str(small_framework), "--waivers", str(waivers), "--today", "2019-12-31"
    )
    assert before.exit_code == 0
    assert "expired" not in before.stdout
    assert f"{waivers}: ok (1 waiver against {small_framework}, 0 warnings)" in before.stdout
    after = invoke(
        "validate", str(small_framework), "--waivers", str(waivers), "--today", "2020-01-02"
    )
    assert "waiver for 'early-years' expired on 2020-01-01" in after.stdout
    bad = invoke("validate", str(small_framework), "--today", "tomorrow")
    assert bad.exit_code == 2
    assert "--today must be a date written YYYY-MM-DD" in bad.stderr
    no_such_day = invoke("validate", str(small_framework), "--today", "2027-02-30")
    assert no_such_day.exit_code == 2
    assert "--today: no such day as '2027-02-30' in the calendar" in no_such_day.stderr


def test_validate_strict_fails_on_a_lapsed_waiver_and_passes_without_warnings(
    small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # A pre-merge 'alignck validate --waivers' passed with a lapsed waiver: exit 0 said
    # nothing was wrong.
    waivers = _waivers(
        tmp_path, "waivers:\n  - priority: early-years\n    reason: x\n    expires: 2020-01-01\n"
    )
    args = ("validate", str(small_framework), "--waivers", str(waivers), "--strict")
    lapsed = invoke(*args, "--today", "2020-01-02")
    assert lapsed.exit_code == 1
    assert "waiver for 'early-years' expired on 2020-01-01" in lapsed.stdout
    assert lapsed.stderr.splitlines()[-1] == "alignck: --strict: 1 warning, so validation failed"
    assert invoke(*args, "--today", "2019-12-31").exit_code == 0
    assert invoke(*args[:-1], "--today", "2020-01-02").exit_code == 0
    assert "1 a warning was given under --strict" in " ".join(
        invoke("validate", "--help").stdout.split()
    )


def test_validate_checks_a_waivers_file_against_the_framework(small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = _waivers(
        tmp_path, "waivers:\n  - priority: early-years\n    reason: x\n    expires: 2020-01-01\n"
    )
    result = invoke("validate", str(small_framework), "--waivers", str(good))
    assert result.exit_code == 0
    assert f"{good}:2:5: warning: waiver for 'early-years' expired on 2020-01-01" in result.stdout
    assert f"{good}: ok (1 waiver against {small_framework}, 1 warning)" in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("waivers:\n  - priority: nope\n    reason: x\n", encoding="utf-8")
    result = invoke("validate", str(small_framework), "--waivers", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{bad}:2:15: waivers[0].priority: no framework priority 'nope'"
    )
    assert f"{bad}: invalid against {small_framework} (1 problem)" in result.stderr


def test_validate_says_which_framework_a_waivers_file_failed_against(
    small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.yaml"
    other.write_text(
        "framework: {name: Other}\npriorities:\n  - id: air\n    title: Clean air\n"
        "    description: Cleaner air on every street.\n",
        encoding="utf-8",
    )
    waivers = _waivers(tmp_path, "waivers:\n  - priority: early-years\n    reason: x\n")
    result = invoke("validate", str(small_framework), str(other), "--waivers", str(waivers))
    assert result.exit_code == 2
    assert f"{waivers}: ok (1 waiver against {small_framework}" in result.stdout
    assert f"{waivers}: invalid against {other} (1 problem)" in result.stderr


def test_validate_counts_a_note_as_a_note(tmp_path: Path) -> None:
    path = tmp_path / "titles.yaml"
    path.write_text(
        "- title: Warm homes\n  description: Every home warm and dry.\n"
        "- title: Good jobs\n  description: Work that pays.\n",
        encoding="utf-8",
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 0, result.stderr
    assert ": note: " in result.stdout
    assert f"{path}: ok (2 priorities, 0 warnings, 1 note)" in result.stdout


@pytest.mark.parametrize(
    "command", ["check", "diff", "extract", "validate", "eval", "init", "frameworks"]
)
def test_each_command_s_help_gives_its_own_exit_codes(command: str) -> None:
    shown = " ".join(CliRunner().invoke(app, [command, "--help"]).stdout.split())
    assert "130 interrupted" in shown and "143 terminated" in shown
    # Only check and diff can fail a policy, and validate --strict on a warning; the others
    # never exit 1.
    assert ("; 1 " in shown) is (command in ("check", "diff", "validate"))
    assert "alignck[semantic]" not in shown


def test_extract_warns_of_an_empty_document_as_check_does(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")  # no text, though not 0 bytes
    warning = f"alignck: warning: {empty}: no text found"
    extracted = invoke("extract", str(empty))
    checked = invoke("check", str(empty), "-f", str(FRAMEWORK), "--no-cache", "--format", "json")
    assert extracted.exit_code == 0
    assert warning in extracted.stderr and warning in checked.stderr
    # Nothing is matched by extract: what no text means for verdicts is check's to say.
    assert "every priority is a gap" not in extracted.stderr
    assert "every priority is a gap" in checked.stderr


def test_extract_with_no_document_to_read_says_so_and_exits_2_as_check_does(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    named_as_a_file = tmp_path / "bad" / "dir.docx"  # a folder, named as a Word file
    named_as_a_file.mkdir(parents=True)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "budget.xlsx").write_bytes(b"PK")
    for folder, skipped in ((empty, ""), (named_as_a_file, ""), (tmp_path / "notes", "1 file")):
        result = invoke("extract", str(folder))
        assert result.exit_code == 2, folder
        assert f"alignck: error: no documents to read in {folder}" in result.stderr
        assert (f"({skipped} skipped)" in result.stderr) == bool(skipped)
        assert ("skipped: " in result.stdout) == bool(skipped)
    # A script reading the JSON gets it, empty, beside the exit code.
    as_json = invoke("extract", str(empty), "--format", "json")
    assert as_json.exit_code == 2 and json.loads(as_json.stdout)["documents"] == []


def test_extract_given_only_a_report_alignck_wrote_has_nothing_to_read(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    plan = EXAMPLES / "riverside-vcs-alliance-strategy.md"
    made = invoke("check", str(plan), "-f", str(FRAMEWORK), "--no-cache", "-o", str(report), "-q")
    assert made.exit_code in (0, 1), made.stderr
    result = invoke("extract", str(report))
    assert result.exit_code == 0
    assert "nothing to read: every file named is a report alignck wrote" in result.stderr


def test_extract_names_each_document_by_path_and_lists_what_it_skipped(tmp_path: Path) -> None:
    # Two 'empty: no stated priorities found' lines for empty.md and empty.txt, and a
    # spreadsheet in the folder passed over without a word.
    for name in ("empty.md", "empty.txt"):
        (tmp_path / name).write_text("\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    shown = " ".join(result.stdout.split())
    for name in ("empty.md", "empty.txt"):
        assert f"{tmp_path / name}: no stated priorities found" in shown
    assert f"skipped: {tmp_path / 'notes.csv'} (" in shown


def test_extract_finding_no_priority_says_what_it_read(tmp_path: Path) -> None:
    # check's warning sends the user to extract, which said only 'no stated priorities
    # found': nothing told text never read from text read and not taken.
    path = tmp_path / "minutes.md"
    path.write_text(
        "# Board minutes\n\n## Present\n\nThe chair opened the meeting. Apologies were noted."
        "\n\n## Finance\n\nThe budget was agreed.\n",
        encoding="utf-8",
    )
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert " ".join(result.stdout.split()) == (
        f"{path}: no stated priorities found; read: 3 passages (sentences, list items, table "
        "cells) under the headings Board minutes; Present; Finance"
    )


def test_eval_with_a_labelled_document_it_cannot_read_exits_2(tmp_path: Path) -> None:
    # The missing document was scored as missed (a recall of 0.5 on its priority) and eval
    # exited 0, where its help promises 2 for an input that could not be read.
    import shutil

    dataset = tmp_path / "fernhill"
    shutil.copytree(Path(__file__).parent / "data" / "fernhill", dataset)
    first = sorted((dataset / "docs").iterdir())[0]
    first.unlink()
    result = invoke("eval", str(dataset), "--matcher", "lexical")
    assert result.exit_code == 2
    said = [line for line in result.stderr.splitlines() if line.startswith("alignck: error: ")]
    assert said and first.name in said[0]


@pytest.mark.parametrize(("encoding", "fmt"), [("cp1252", "terminal"), ("ascii", "json")])
def test_a_legacy_code_page_on_standard_output_is_no_internal_error(
    encoding: str, fmt: str
) -> None:
    # Windows redirects output in cp1252, some CI agents in ASCII: '✔' raised an encoding
    # error and the run ended with exit 3, 'internal error; please report it'.
    import os

    command = [sys.executable, "-m", "alignck", "check", str(EXAMPLES), "-f", str(FRAMEWORK)]
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    completed = subprocess.run(
        [*command, "--matcher", "lexical", "--no-cache", "--format", fmt],
        cwd=ROOT,
        capture_output=True,
        env=env,
        check=False,
    )
    assert completed.returncode in (0, 1), completed.stderr.decode(errors="replace")[-500:]
    if fmt == "json":
        data = json.loads(completed.stdout)  # '\u2714' is the JSON escape of the same mark
        assert data["tool"]["name"] == "alignck"
    else:
        # The report itself came out, in what the code page can show, not mangled or cut.
        shown = completed.stdout.decode(encoding)
        assert "Riverside and Wolds Joint Health and Wellbeing Strategy" in shown
        assert "System coverage" in shown


def test_extract_names_a_heading_of_no_word_to_match_among_those_it_read(tmp_path: Path) -> None:
    # 'Our priorities' holds the text that was read, but as a heading of no word to match on
    # it was left out of the headings named, as if its section had not been read.
    path = tmp_path / "plan.md"
    path.write_text(
        "# Ashby Plan\n\n## Our priorities\n\nThe board met twice. It agreed a budget.\n"
        "\n## Governance\n\nThe board meets monthly.\n",
        encoding="utf-8",
    )
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert "under the headings Ashby Plan; Our priorities; Governance" in " ".join(
        result.stdout.split()
    )


def test_a_terminal_report_saved_to_a_file_ends_with_the_policy_and_its_stale_waivers(
    small_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # 'check -o report.txt' kept neither the policy its run failed nor the expired waiver:
    # both were said on standard error only, which a shared file does not keep.
    waivers = _waivers(
        tmp_path, "waivers:\n  - priority: early-years\n    reason: old\n    expires: 2020-01-01\n"
    )
    saved = tmp_path / "report.txt"
    plan = make_document("plan.md")
    result = _check_waived(plan, small_framework, waivers, "--fail-on", "gap", "-o", str(saved))
    assert result.exit_code == 1
    text = " ".join(saved.read_text(encoding="utf-8").split())
    assert "Waivers to look at" in text
    assert "expired on 2020-01-01, so no longer applied (" in text
    assert "; reason was: old)" in text
    tail = text[text.index("Policy failed:") :]
    assert tail.startswith(
        "Policy failed: (held to: no framework priority left a gap in any document, waived "
        "verdicts aside) - plan leaves a gap on"
    )
    # Standard error still ends with the reasons, as a CI log is read.
    assert result.stderr.splitlines()[-1].startswith("alignck: policy failed: plan leaves a gap")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_the_policy_s_reasons_are_not_said_twice_on_one_terminal(tmp_path: Path) -> None:
    import io

    from alignck.cli.check import _one_terminal

    leader, follower = os.openpty()
    try:
        with open(follower, "w", closefd=False) as out, open(follower, "w", closefd=False) as err:
            assert _one_terminal(out, err)
        log = tmp_path / "log.txt"
        with log.open("w") as piped, open(follower, "w", closefd=False) as err:
            assert not _one_terminal(piped, err)
        assert not _one_terminal(io.StringIO(), io.StringIO())
    finally:
        os.close(leader)
        os.close(follower)


def test_a_waiver_without_an_expiry_date_says_so_in_the_reports(
    small_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # Its 'Until' cell was blank, which a board read as a date nobody had filled in.
    waivers = _waivers(tmp_path, "waivers:\n  - priority: early-years\n    reason: Not ours.\n")
    saved = tmp_path / "report.md"
    result = _check_waived(make_document("plan.md"), small_framework, waivers, "-o", str(saved))
    assert result.exit_code == 0, result.output
    assert "| Not ours. | no expiry |" in saved.read_text(encoding="utf-8")


def test_a_second_waiver_for_a_waived_gap_is_warned_of_as_such_on_standard_error(
    small_framework, make_document, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # Standard error and the CI formats said 'applies to no gap or partial verdict' of it,
    # while the reports said an earlier waiver took its gap.
    waivers = _waivers(
        tmp_path,
        "waivers:\n"
        "  - priority: early-years\n    reason: Ours.\n"
        "  - priority: early-years\n    document: plan\n    reason: Theirs.\n",
    )
    result = _check_waived(make_document("plan.md"), small_framework, waivers, "--fail-on", "gap")
    assert (
        f"{waivers}:4:5: warning: waiver for 'early-years' in documents matching 'plan' accepts "
        f"only verdicts an earlier waiver accepts already, the one at {waivers}:2:5"
    ) in result.stderr.splitlines()


@pytest.mark.parametrize("quiet", [False, True])
def test_the_policy_s_reasons_stay_on_standard_error_unless_the_report_just_gave_them(
    quiet: bool, small_framework, make_document, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # On one terminal the terminal report ends with the reasons; with -q it shows nothing,
    # so standard error must still give them.
    import alignck.cli.check as check_command

    monkeypatch.setattr(check_command, "_one_terminal", lambda out, err: True)
    plan = make_document("plan.md")
    args = ["check", str(plan), "-f", str(small_framework), "--fail-on", "gap"]
    args += ["-o", str(tmp_path / "report.md"), *(["-q"] if quiet else [])]
    result = invoke(*args)
    assert result.exit_code == 1
    said = "alignck: policy failed: plan leaves a gap" in result.stderr
    assert said is quiet
    assert ("Policy failed:" in result.stdout) is not quiet


def test_a_file_named_like_an_option_is_refused_with_how_to_name_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from alignck.cli import main

    monkeypatch.chdir(tmp_path)
    Path("-plan.md").write_text("# Plan\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["alignck", "check", "-plan.md"])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    said = capsys.readouterr().err
    assert "No such option" in said
    assert "alignck: hint: to name the file '-plan.md', put '--' before it" in said


def test_a_mistyped_folder_or_framework_is_answered_with_the_near_name(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "plan.md").write_text("# Plan\n\nWe will open a lunch club.\n", encoding="utf-8")
    framework = tmp_path / "board-priorities.yaml"
    framework.write_text(FRAMEWORK.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", str(tmp_path / "Mine"), "-f", str(framework))
    assert result.exit_code == 2
    assert f"{tmp_path / 'Mine'}: no such file or folder; did you mean '{folder}'?" in (
        result.stderr
    )
    typo = invoke("check", str(folder), "-f", str(tmp_path / "board-priorites.yaml"))
    assert typo.exit_code == 2
    assert f"framework file not found; did you mean '{framework}'?" in typo.stderr
    dash = invoke("check", str(folder), "-framework", str(framework))
    assert dash.exit_code == 2
    assert "ramework: framework file not found; for the option, write --framework" in dash.stderr


def test_a_mistyped_waivers_review_or_report_file_names_the_near_one(tmp_path: Path) -> None:
    # The volunteer's near-name hints reached documents and -f, not the other files a run
    # reads: 'waiver.yaml' said only 'not found'.
    (tmp_path / "waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    (tmp_path / "reviews.yaml").write_text("reviews: []\n", encoding="utf-8")
    saved = tmp_path / "base.json"
    made = invoke(
        "check", str(EXAMPLES), "--matcher", "lexical", "--format", "json", "-o", str(saved)
    )
    assert made.exit_code in (0, 1), made.stderr
    run = ["check", str(EXAMPLES), "--matcher", "lexical", "--format", "json"]
    waivers = invoke(*run, "--waivers", str(tmp_path / "waiver.yaml"))
    assert waivers.exit_code == 2
    assert f"did you mean '{tmp_path / 'waivers.yaml'}'?" in waivers.stderr
    reviews = invoke(*run, "--review", str(tmp_path / "review.yaml"))
    assert f"did you mean '{tmp_path / 'reviews.yaml'}'?" in reviews.stderr
    baseline = invoke(*run, "--baseline", str(tmp_path / "bse.json"))
    assert baseline.exit_code == 2
    assert f"report file not found; did you mean '{saved}'?" in baseline.stderr
    diffed = invoke("diff", str(tmp_path / "bse.json"), str(saved))
    assert f"report file not found; did you mean '{saved}'?" in diffed.stderr


def test_validate_with_documents_warns_of_waivers_and_reviews_that_name_none_of_them(
    small_framework, tmp_path, make_document
) -> None:  # type: ignore[no-untyped-def]
    """A board secretary's waivers of a deleted plan and of a file moved and renamed showed
    only in the JSON's waivers.elsewhere, and validate could not check them against a
    folder before a run."""
    (tmp_path / "docs" / "county").mkdir(parents=True)
    make_document("docs/county/plan.md")
    waivers = _waivers(
        tmp_path,
        "waivers:\n"
        "  - priority: early-years\n    document: plan\n    reason: Kept.\n"
        "  - priority: early-years\n    document: plann\n    reason: A slip.\n"
        "  - priority: warm-homes\n    document: mental-health-plan\n    reason: Deleted.\n",
    )
    reviews = tmp_path / "reviews.yaml"
    reviews.write_text(
        "reviews:\n  - document: district-plan\n    priority: warm-homes\n    verdict: gap\n"
        "    reason: Moved.\n    reviewer: A. Secretary\n    date: 2026-11-30\n",
        encoding="utf-8",
    )
    args = ["validate", str(small_framework), "--waivers", str(waivers), "--review", str(reviews)]
    result = invoke(*args, "--documents", str(tmp_path / "docs"), "--today", "2026-12-01")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "'plann' matches no checked document; did you mean 'plan'?" in said
    assert "'mental-health-plan' matches no checked document" in said
    assert "review of 'warm-homes' in 'district-plan' matches no document checked" in said
    assert said.count("matches no") == 3  # not the waiver of 'plan', which names a document
    strict = invoke(*args, "--documents", str(tmp_path / "docs"), "--strict")
    assert strict.exit_code == 1
    # Without --documents, nothing is said of the documents, as before.
    assert "matches no" not in invoke(*args).stdout
    missing = invoke(*args, "--documents", str(tmp_path / "dcos"))
    assert missing.exit_code == 2 and "dcos: no such file or folder" in missing.stderr
    # A document check finds and cannot read (a .doc) is still a document a waiver names.
    (tmp_path / "docs" / "board-paper.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    board = _waivers(
        tmp_path, "waivers:\n  - priority: early-years\n    document: board-paper\n    reason: x\n"
    )
    named = invoke(
        "validate",
        str(small_framework),
        "--waivers",
        str(board),
        "--documents",
        str(tmp_path / "docs"),
    )
    assert "matches no" not in named.stdout, named.stdout
    # Alone, --documents has nothing to check: said, not done in silence.
    alone = invoke("validate", str(small_framework), "--documents", str(tmp_path / "docs"))
    assert alone.exit_code == 2 and "give --waivers or --review too" in alone.stderr


def test_validate_finds_the_documents_check_would_with_the_same_exclude(
    small_framework, tmp_path, make_document
) -> None:  # type: ignore[no-untyped-def]
    # Check run with '--exclude Archive' leaves the archived plan out; validate had no
    # --exclude, so a waiver of it was a document validate found and check never would.
    (tmp_path / "docs" / "Archive").mkdir(parents=True)
    make_document("docs/plan.md")
    make_document("docs/Archive/old-plan.md")
    waivers = _waivers(
        tmp_path, "waivers:\n  - priority: early-years\n    document: old-plan\n    reason: x\n"
    )
    args = ["validate", str(small_framework), "--waivers", str(waivers)]
    args += ["--documents", str(tmp_path / "docs")]
    assert "matches no" not in invoke(*args).stdout
    excluded = invoke(*args, "--exclude", "Archive", "--exclude", "*.tmp")
    assert excluded.exit_code == 0, excluded.stderr
    assert "'old-plan' matches no checked document" in " ".join(excluded.stdout.split())
    alone = invoke("validate", str(small_framework), "--exclude", "Archive")
    assert alone.exit_code == 2 and "give --documents too" in alone.stderr
    # A review: a pattern that leaves nothing out is said, as check says it, and one that
    # leaves out every document is refused, not one warning per waiver.
    mistyped = invoke(*args, "--exclude", "Archvie")
    assert "--exclude 'Archvie' left nothing out" in " ".join(mistyped.stderr.split())
    everything = invoke(*args, "--exclude", "*.md")
    assert everything.exit_code == 2, everything.stdout
    assert "--documents: no documents to check in" in everything.stderr
