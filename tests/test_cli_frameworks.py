"""The framework commands through the CLI: built-ins by name, listing, showing, discovery."""

import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from alignck.builtins import names
from alignck.cli import app

runner = CliRunner()

# A partner plan of our own that speaks to each of the four purposes of integrated care systems.
PLAN = """\
# Eastmere Care Partnership Plan

## Our priorities

- We will improve outcomes in population health and healthcare across Eastmere.
- We will tackle inequalities in outcomes, experience and access for deprived areas.
- We will enhance productivity and value for money by sharing back-office services.
- We will help the NHS support broader social and economic development as a local employer.
"""
# Twenty-five subjects, each a title worded unlike the others.
SUBJECTS = (
    "air damp dental falls flu food gambling homes jobs loneliness mould noise parks "
    "poverty rivers roads schools sleep smoking stroke teeth trees vaping walking youth"
)
OWN = "framework: {name: Own}\npriorities:\n  - id: air\n    title: Clean air near schools\n"


def _check(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(
        app, ["check", *args, "--matcher", "lexical", "--no-cache", "--format", "json"]
    )


def test_frameworks_lists_every_built_in_with_source_and_licence() -> None:
    result = runner.invoke(app, ["frameworks"])
    assert result.exit_code == 0
    for name in names():
        assert f"\n{name}: " in f"\n{result.stdout}"
    assert "ics-core-purposes: Integrated care systems - four core purposes (4 priorities)" in (
        result.stdout
    )
    assert result.stdout.count("  licence: ") == len(names())


def test_frameworks_show_prints_a_file_that_validates_once_copied(tmp_path: Path) -> None:
    result = runner.invoke(app, ["frameworks", "show", "marmot-principles"])
    assert result.exit_code == 0
    assert "Give every child the best start in life" in result.stdout
    copy = tmp_path / "priorities.yaml"
    copy.write_text(result.stdout, encoding="utf-8")
    validated = runner.invoke(app, ["validate", str(copy)])
    assert validated.exit_code == 0
    assert f"{copy}: ok (8 priorities, 0 warnings)" in validated.stdout


def test_frameworks_show_refuses_an_unknown_name_in_one_line() -> None:
    result = runner.invoke(app, ["frameworks", "show", "marmot"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "marmot: no built-in framework of that name" in result.stderr


def test_validate_takes_a_built_in_name() -> None:
    result = runner.invoke(app, ["validate", "core20plus5-cyp"])
    assert result.exit_code == 0
    assert "builtin:core20plus5-cyp: ok (5 priorities, 0 warnings)" in result.stdout


def test_check_with_a_built_in_reports_each_of_its_priorities(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    result = _check(str(tmp_path / "plan.md"), "--framework", "ics-core-purposes")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["framework"]["path"] == "builtin:ics-core-purposes"
    statuses = {a["priority_id"]: a["status"] for a in report["documents"][0]["alignment"]}
    assert set(statuses) == {
        "population-health-outcomes",
        "tackle-inequalities",
        "productivity-value",
        "social-economic-development",
    }
    assert "gap" not in statuses.values()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "partners"
    folder.mkdir()
    (folder / "plan.md").write_text(PLAN, encoding="utf-8")
    return folder


def test_check_uses_priorities_yaml_in_the_current_folder_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    (folder / "priorities.yaml").write_text("- Something else entirely\n", encoding="utf-8")
    (tmp_path / "priorities.yaml").write_text(OWN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _check("partners")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["framework"]["path"] == "priorities.yaml"
    assert "alignck: framework: priorities.yaml" in result.stderr


def test_check_finds_priorities_yaml_in_the_one_folder_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    (folder / "priorities.yaml").write_text(OWN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _check("partners")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["framework"]["path"] == "partners/priorities.yaml"
    assert "alignck: framework: partners/priorities.yaml" in result.stderr
    assert [d["path"] for d in report["documents"]] == ["partners/plan.md"]


def test_check_finds_priorities_yaml_beside_the_documents_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'alignck check docs/plan.docx' beside docs/priorities.yaml was told there was none.
    folder = _folder(tmp_path)
    (folder / "priorities.yaml").write_text(OWN, encoding="utf-8")
    (folder / "board paper.md").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for documents in (["partners/plan.md"], ["partners/plan.md", "partners/board paper.md"]):
        result = _check(*documents)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["framework"]["path"] == "partners/priorities.yaml"
        assert "alignck: framework: partners/priorities.yaml" in result.stderr
    # Documents from two folders have no one folder of their own: where it looked is said.
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text(PLAN, encoding="utf-8")
    result = _check("partners/plan.md", "elsewhere.md")
    assert result.exit_code == 2
    assert "priorities.yaml: no framework file here;" in result.stderr
    (folder / "priorities.yaml").unlink()
    result = _check("partners/plan.md")
    assert result.exit_code == 2
    assert "priorities.yaml: no framework file here or in partners;" in result.stderr


def test_diff_finds_priorities_yaml_beside_the_documents_not_the_saved_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'alignck diff runs/last.json docs/plan.md' counted the report's folder as a second one.
    folder = _folder(tmp_path)
    (folder / "priorities.yaml").write_text(OWN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "runs").mkdir()
    saved = _check("partners/plan.md", "-o", "runs/last.json")
    assert saved.exit_code == 0, saved.output
    result = runner.invoke(app, ["diff", "runs/last.json", "partners/plan.md", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "no framework file here" not in result.stderr
    # Documents named by different paths to one folder are in one folder.
    (folder / "more").mkdir()
    result = _check("partners/plan.md", "partners/more/../plan.md")
    assert result.exit_code == 0, result.output


def test_a_framework_by_a_near_name_is_named_where_none_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "priorities.yml").write_text("priorities: [Clean air]\n", encoding="utf-8")
    (tmp_path / "partners" / "Priorities.yaml").write_text("priorities: [Air]\n", encoding="utf-8")
    result = _check("partners")
    assert result.exit_code == 2
    assert (
        "no framework file here or in partners (priorities.yml, partners/Priorities.yaml are "
        "not read by those names)" in result.stderr
    )


def test_a_priorities_yaml_that_is_not_a_regular_file_is_refused_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    os.mkfifo("priorities.yaml")
    result = _check("partners")
    assert result.exit_code == 2
    assert "priorities.yaml: a named pipe (FIFO), not a regular file" in result.stderr
    assert "no framework file here" not in result.stderr


def test_check_without_a_framework_anywhere_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = _check("partners")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "priorities.yaml: no framework file here or in partners" in result.stderr
    assert "alignck init" in result.stderr


def test_a_named_framework_is_not_announced(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = _check(str(folder), "--framework", "ics-core-purposes")
    assert result.exit_code == 0, result.output
    assert "alignck: framework:" not in result.stderr


JOINT = """\
# Riverside Joint Strategy

## Our priorities

### Give every child the best start in life

We will support parents from pregnancy, through family hubs and health visiting.

### Improve mental health and wellbeing at every age

We will reduce loneliness and make talking therapies easier to reach.
"""


def test_init_writes_a_starter_and_waivers_that_validate_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "--waivers"])
    assert result.exit_code == 0, result.output
    assert "wrote priorities.yaml" in result.stdout and "wrote waivers.yaml" in result.stdout
    # check never finds a waivers file by itself, so the message says how to give it
    assert "use it with: alignck check DOCS --waivers waivers.yaml" in result.stdout
    first = Path("priorities.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=file://")
    assert first.endswith("framework.schema.json")
    validated = runner.invoke(app, ["validate", "priorities.yaml", "--waivers", "waivers.yaml"])
    assert validated.exit_code == 0, validated.output
    assert "priorities.yaml: ok (3 priorities, 0 warnings)" in validated.stdout


def test_init_makes_the_folder_it_is_told_to_write_into_as_check_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "--waivers", "-o", "partnership/priorities.yaml"])
    assert result.exit_code == 0, result.output
    assert Path("partnership/priorities.yaml").is_file()
    assert Path("partnership/waivers.yaml").is_file()


def test_init_from_a_folder_or_with_a_file_in_the_way_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("strategies").mkdir()
    folder = runner.invoke(app, ["init", "--from", "strategies"])
    assert folder.exit_code == 2
    assert folder.stderr == (
        "alignck: error: strategies: a folder; give one strategy document (PDF, Word, "
        "OpenDocument, Markdown, a web page or text)\n"
    )
    Path("taken").write_text("x", encoding="utf-8")
    blocked = runner.invoke(app, ["init", "-o", "taken/priorities.yaml"])
    assert blocked.exit_code == 2
    assert blocked.stderr == (
        "alignck: error: taken/priorities.yaml: cannot make its folder: a file is in the way "
        "of a folder it needs\n"
    )


def test_init_never_replaces_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("waivers.yaml").write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", "--waivers"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "waivers.yaml: already exists" in result.stderr
    # Refused before anything was written: no half-done pair.
    assert not Path("priorities.yaml").exists()
    assert Path("waivers.yaml").read_text(encoding="utf-8") == "mine\n"


def test_init_from_a_joint_strategy_gives_a_framework_to_check_against(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import EXAMPLES

    monkeypatch.chdir(tmp_path)
    Path("joint.md").write_text(JOINT, encoding="utf-8")
    result = runner.invoke(app, ["init", "--from", "joint.md", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    validated = runner.invoke(app, ["validate", "ours.yaml"])
    assert validated.exit_code == 0, validated.output
    assert "ours.yaml: ok (2 priorities, 0 warnings)" in validated.stdout
    checked = _check(str(EXAMPLES / "riverside-vcs-alliance-strategy.md"), "-f", "ours.yaml")
    assert checked.exit_code == 0, checked.output
    titles = [p["title"] for p in json.loads(checked.stdout)["framework"]["priorities"]]
    assert titles == [
        "Give every child the best start in life",
        "Improve mental health and wellbeing at every age",
    ]


def test_init_from_an_unreadable_document_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "--from", "missing.docx"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "missing.docx" in result.stderr
    assert not Path("priorities.yaml").exists()


@pytest.mark.parametrize("kind", ["framework", "waivers", "reviews", "report", "diff"])
def test_schema_prints_the_shipped_json_schema(kind: str) -> None:
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$id"] == f"alignck-{kind}.schema.json"


def test_the_shipped_and_starter_waivers_keep_to_the_schema_as_pyyaml_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An unquoted date is a datetime.date to PyYAML, and the schema (as YAML editors read
    # it) says a string: a tool validating the file with the two would refuse it.
    from jsonschema import Draft202012Validator

    from conftest import ROOT

    validator = Draft202012Validator(json.loads(runner.invoke(app, ["schema", "waivers"]).stdout))
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "--waivers"]).exit_code == 0
    for path in (ROOT / "waivers.yaml", tmp_path / "waivers.yaml"):
        waivers = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(waivers)] == [], path


def test_eval_scores_the_labels_against_the_framework_given(tmp_path: Path) -> None:
    from conftest import ROOT

    labelled = ROOT / "tests" / "data" / "labelled"
    # The same ids with no words to match: the labels are now scored against this file.
    framework = tmp_path / "bare.yaml"
    framework.write_text(
        "- {id: mental-health, title: Zebra crossings}\n"
        "- {id: warm-homes, title: Lighthouse keeping}\n"
        "- {id: early-years, title: Orbital mechanics}\n",
        encoding="utf-8",
    )
    own = runner.invoke(app, ["eval", str(labelled), "--format", "json"])
    other = runner.invoke(
        app, ["eval", str(labelled), "--format", "json", "--framework", str(framework)]
    )
    assert own.exit_code == 0 and other.exit_code == 0, other.output
    assert json.loads(own.stdout)["addressed"]["correct"] > 0
    assert json.loads(other.stdout)["addressed"]["correct"] == 0


def test_init_writes_to_standard_output_for_a_dash_and_refuses_a_document_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    printed = runner.invoke(app, ["init", "-o", "-"])
    assert printed.exit_code == 0, printed.output
    assert "priorities:" in printed.stdout and list(tmp_path.iterdir()) == []
    paired = runner.invoke(app, ["init", "-o", "-", "--waivers"])
    assert paired.exit_code == 2
    assert paired.stderr == (
        "alignck: error: -o -: --waivers needs a framework file to sit beside\n"
    )
    named = runner.invoke(app, ["init", "-o", "framework.md"])
    assert named.exit_code == 2
    assert named.stderr == (
        "alignck: error: framework.md: is named as a document (.md); alignck init writes "
        "YAML: give a name ending in .yaml\n"
    )
    assert list(tmp_path.iterdir()) == []
    for name, said in (("fw.json", "is a .json name"), ("fw", "is a name without an extension")):
        refused = runner.invoke(app, ["init", "-o", name])
        assert refused.exit_code == 2
        assert refused.stderr == (
            f"alignck: error: {name}: {said}; alignck init writes YAML: give a name ending in "
            ".yaml (fw.yaml)\n"
        )
    assert list(tmp_path.iterdir()) == []


def test_the_starter_s_advice_names_the_file_it_is_written_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "-o", "sub/fw.yaml"]).exit_code == 0
    text = (tmp_path / "sub" / "fw.yaml").read_text(encoding="utf-8")
    assert "#   alignck validate sub/fw.yaml " in text
    assert "alignck validate priorities.yaml" not in text
    assert runner.invoke(app, ["init", "-o", "my plans/fw.yaml"]).exit_code == 0
    spaced = (tmp_path / "my plans" / "fw.yaml").read_text(encoding="utf-8")
    assert "#   alignck validate 'my plans/fw.yaml' " in spaced


def test_check_and_diff_give_the_warning_that_explains_a_framework_error(
    write_framework, make_document
) -> None:  # type: ignore[no-untyped-def]
    framework = write_framework(
        "framework: {name: t}\nour priorities:\n  - {id: a, title: Clean air}\n"
    )
    plan = str(make_document("plan.md"))
    # A key of the partnership's own may be anything, but one holding entries with titles
    # holds priorities: an error, with the key it was meant to be.
    hint = (
        "unknown key 'our priorities'; did you mean 'priorities'? (it holds 1 entry with a "
        "title or id; ignored, it would be lost)"
    )
    for args in (["check", plan], ["diff", plan, plan]):
        result = runner.invoke(app, [*args, "-f", str(framework)])
        assert result.exit_code == 2
        assert "missing required key 'priorities'" in result.stderr
        assert hint in result.stderr


def test_validate_refuses_priority_at_the_top_rather_than_read_it_as_a_title(
    write_framework,
) -> None:  # type: ignore[no-untyped-def]
    # It said 'ok (2 priorities)': a parent titled 'priority', matching the word everywhere.
    framework = write_framework("priority:\n  - id: a\n    title: Stop smoking services\n")
    result = runner.invoke(app, ["validate", str(framework)])
    assert result.exit_code == 2
    assert (
        f"{framework}:1:1: priority: unknown key 'priority'; did you mean 'priorities'? (a "
        "misspelt key is not ignored)\n"
    ) in result.stderr
    assert "ok (" not in result.stdout


def test_a_misspelt_required_fails_the_run_instead_of_dropping_the_policy(
    write_framework, make_document
) -> None:  # type: ignore[no-untyped-def]
    framework = write_framework(
        "framework: {name: t}\npriorities:\n  - {id: a, title: Clean air, requried: true}\n"
    )
    result = runner.invoke(app, ["check", str(make_document("plan.md")), "-f", str(framework)])
    assert result.exit_code == 2
    assert "unknown key 'requried'; did you mean 'required'?" in result.stderr


def test_init_from_a_strategy_writes_waivers_that_validate_against_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("joint.md").write_text(
        "# Joint strategy\n\n## Our priorities\n\n- Healthy homes for all\n- Best start in life\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["init", "--from", "joint.md", "--waivers", "-o", "fw.yaml"])
    assert result.exit_code == 0, result.output
    validated = runner.invoke(app, ["validate", "fw.yaml", "--waivers", "waivers.yaml"])
    assert validated.exit_code == 0, validated.output
    assert "waivers.yaml: ok (1 waiver against fw.yaml" in validated.stdout
    assert "a priority id from fw.yaml" in Path("waivers.yaml").read_text(encoding="utf-8")


def test_a_framework_whose_name_windows_showed_without_txt_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saved from Notepad with extensions hidden: 'priorities.yaml' on screen.
    _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    hidden = tmp_path / "partners" / "priorities.yaml.txt"
    hidden.write_text("priorities: [Air]\n", encoding="utf-8")
    result = _check("partners")
    assert result.exit_code == 2
    assert "(partners/priorities.yaml.txt is not read by that name)" in result.stderr
    # A backup is not a framework meant to be read.
    (tmp_path / "partners" / "priorities.yaml.bak").write_text("priorities: [A]\n", "utf-8")
    again = _check("partners")
    assert "priorities.yaml.bak" not in again.stderr


def test_a_title_opening_with_a_bracket_is_one_line_telling_to_quote_it(tmp_path: Path) -> None:
    # A draft marker typed as the title's start: PyYAML's 'did not find expected key' was all
    # the officer was told, at the character after the bracket.
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n  - id: air\n    title: [Draft] Clean air near schools\n", encoding="utf-8"
    )
    result = _check(str(plan), "-f", str(framework))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        f"{framework}:3:12: not valid YAML: a value starting with '[' needs quotes: write "
        "title: \"[Draft] Clean air near schools\" (unquoted, YAML reads '[' as a list)"
    )
    assert "Traceback" not in result.stderr


def test_a_framework_s_many_warnings_are_counted_past_twenty_and_validate_lists_them(
    tmp_path: Path,
) -> None:
    # A generated framework of thousands of entries printed a warning line for each.
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    framework = tmp_path / "big framework.yaml"
    subjects = SUBJECTS.split()
    entries = "".join(
        f"  - id: p{n}\n    title: {subject.title()}\n    colour: blue\n"
        for n, subject in enumerate(subjects)
    )
    framework.write_text(f"framework: {{name: Big}}\npriorities:\n{entries}", encoding="utf-8")
    result = _check(str(plan), "-f", str(framework))
    assert result.exit_code == 0, result.output
    unknown = [line for line in result.stderr.splitlines() if "unknown key 'colour'" in line]
    assert len(unknown) == 20
    assert (
        f"{framework}: 5 more warnings not shown; alignck validate '{framework}' lists them all"
    ) in result.stderr.splitlines()
    listed = runner.invoke(app, ["validate", str(framework)])
    assert sum("unknown key 'colour'" in line for line in listed.output.splitlines()) == 25


def test_a_file_named_as_a_built_in_is_used_and_said_to_be_not_the_built_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An edited copy saved under the built-in's name was used in silence, its report headed
    # with the built-in's own title.
    monkeypatch.chdir(tmp_path)
    Path("plan.md").write_text(PLAN, encoding="utf-8")
    Path("ics-core-purposes").write_text(OWN, encoding="utf-8")
    note = (
        "alignck: note: 'ics-core-purposes' is the file of that name here, not the built-in "
        "framework 'ics-core-purposes'; write builtin:ics-core-purposes for the built-in"
    )
    result = _check("plan.md", "-f", "ics-core-purposes")
    assert result.exit_code == 0, result.output
    assert note in result.stderr.splitlines()
    assert json.loads(result.stdout)["framework"]["name"] == "Own"
    assert note in runner.invoke(app, ["validate", "ics-core-purposes"]).output
    built_in = _check("plan.md", "-f", "builtin:ics-core-purposes")
    assert "alignck: note:" not in built_in.stderr
    assert json.loads(built_in.stdout)["framework"]["path"] == "builtin:ics-core-purposes"


def test_reports_on_a_built_in_carry_its_source_licence_and_version(tmp_path: Path) -> None:
    # No report said where a built-in's wording came from or on what terms, though they
    # reproduce NHS England's titles under the Open Government Licence, which asks for it;
    # and every built-in was 'framework version: (none given)'.
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    json_report, markdown = tmp_path / "r.json", tmp_path / "r.md"
    html = tmp_path / "r.html"
    result = runner.invoke(
        app,
        [
            "check",
            str(plan),
            "-f",
            "ics-core-purposes",
            "--matcher",
            "lexical",
            "--no-cache",
            "-o",
            str(json_report),
            "-o",
            str(markdown),
            "-o",
            str(html),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    framework = json.loads(json_report.read_text(encoding="utf-8"))["framework"]
    assert (
        framework["source"] == "https://www.england.nhs.uk/integratedcare/what-is-integrated-care/"
    )
    assert framework["licence"] == "Open Government Licence v3.0 (NHS England)"
    assert framework["version"].startswith("NHS England's wording as published")
    text = markdown.read_text(encoding="utf-8")
    assert "framework licence: Open Government Licence v3.0 (NHS England)" in text
    assert "framework source: https://www.england.nhs.uk/integratedcare/" in text
    page = html.read_text(encoding="utf-8")
    assert "framework licence</th><td>Open Government Licence v3.0 (NHS England)</td>" in page
    assert "framework source</th><td>https://www.england.nhs.uk/integratedcare/" in page
    # A framework of one's own that names neither has neither key.
    own = tmp_path / "own.yaml"
    own.write_text(OWN, encoding="utf-8")
    mine = json.loads(_check(str(plan), "-f", str(own)).stdout)["framework"]
    assert "source" not in mine and "licence" not in mine


@pytest.mark.parametrize("name", names())
def test_every_built_in_names_its_edition(name: str) -> None:
    shown = runner.invoke(app, ["frameworks", "show", name]).stdout
    assert yaml.safe_load(shown)["framework"]["version"].strip()


def test_frameworks_show_help_names_every_built_in() -> None:
    shown = runner.invoke(app, ["frameworks", "show", "--help"], terminal_width=400).stdout
    assert " ".join(shown.split()).count(", ".join(names())) == 1
