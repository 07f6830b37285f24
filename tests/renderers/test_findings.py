"""The findings the CI formats share: what each says of a verdict held to a baseline, and
how a long quote is cut."""

from datetime import date

from alignck.analyse import analyse
from alignck.model import (
    Alignment,
    DocumentResult,
    Framework,
    Policy,
    Priority,
    Report,
    Thresholds,
)
from alignck.renderers._findings import _quote, findings, stable_hash

FRAMEWORK = Framework(
    "t", "f.yaml", (Priority("air", "Clean air", required=True), Priority("homes", "Warm homes"))
)
PATH = "docs/plan.md"


def test_only_a_finding_that_breaks_the_run_says_what_it_was_against_the_baseline() -> None:
    # The gap on 'Clean air' was a gap in the baseline too: known debt, which breaks nothing
    # and has no change to tell. The partial on 'Warm homes' was aligned: that is the failure.
    plan = DocumentResult(
        PATH, "ok", alignments=(Alignment("air", "gap", 0.0), Alignment("homes", "partial", 0.6))
    )
    analysis = analyse(FRAMEWORK, (plan,), (), today=date(2026, 1, 1))
    baseline = {(PATH, "air"): "gap", (PATH, "homes"): "aligned"}
    policy = Policy(fail_on="worse", baseline=baseline)  # type: ignore[arg-type]
    report = Report(FRAMEWORK, (plan,), (), analysis, Thresholds(), policy)
    said = {f.priority_id: (f.level, f.message) for f in findings(report)}
    assert said["air"][0] == "warning"
    assert "Against the baseline" not in said["air"][1]
    assert said["homes"][0] == "error"
    assert said["homes"][1].endswith(" Against the baseline: aligned → partial.")


def test_a_long_quote_is_cut_to_its_limit_with_an_ellipsis() -> None:
    assert _quote("x" * 200) == "“" + "x" * 200 + "”"
    cut = _quote("x" * 250)
    assert cut == "“" + "x" * 199 + "…”"
    assert len(cut.strip("“”")) == 200


def test_a_fingerprint_is_the_same_whichever_way_the_file_name_is_composed() -> None:
    # macOS gives 'é' as 'e' and a combining accent; a checkout on Linux as one character.
    composed, decomposed = "docs/stratégie.md", "docs/strate\u0301gie.md"
    prints = []
    for path in (composed, decomposed):
        plan = DocumentResult(path, "ok", alignments=(Alignment("air", "gap", 0.0),))
        analysis = analyse(FRAMEWORK, (plan,), (), today=date(2026, 1, 1))
        report = Report(FRAMEWORK, (plan,), (), analysis, Thresholds(), Policy())
        prints.append(next(f.fingerprint for f in findings(report) if f.priority_id == "air"))
    assert prints[0] == prints[1]
    assert stable_hash("gap", composed, "air") != stable_hash("gap", composed, "homes")
