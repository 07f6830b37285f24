"""Fitting the decision: deterministic, set-balanced, and scored leave-one-set-out."""

import json
from importlib import resources
from pathlib import Path

import pytest

from alignck.evaluation.fitting import (
    Row,
    collect,
    fit,
    fit_model,
    fold_specs,
    leave_one_set_out,
    probabilities,
)

DATA = Path(__file__).parent.parent / "data"


def _row(score: float, label: str) -> Row:
    features = (score, score / 2, 1.0 if score > 0.2 else 0.0)
    return Row("d", "p", label, features, features)


def _sets() -> dict[str, list[Row]]:
    return {
        "a": [_row(0.5, "yes"), _row(0.3, "partial"), _row(0.02, "no"), _row(0.0, "no")],
        "b": [_row(0.6, "yes"), _row(0.25, "partial"), _row(0.05, "no"), _row(0.01, "no")],
    }


def test_fitting_twice_gives_the_same_model() -> None:
    assert fit(_sets(), "lexical") == fit(_sets(), "lexical")


def test_the_fitted_cutoff_is_folded_into_the_bias() -> None:
    spec = fit_model(_sets(), "addressed")
    strong_case = probabilities(spec, [_row(0.5, "yes").features])[0]
    weak_case = probabilities(spec, [_row(0.0, "no").features])[0]
    assert strong_case >= 0.5 > weak_case
    assert 0.2 <= spec["cutoff"] <= 0.8


def test_every_set_weighs_the_same_however_many_pairs_it_has() -> None:
    big = {"a": _sets()["a"] * 50, "b": _sets()["b"]}
    small = {"a": _sets()["a"], "b": _sets()["b"]}
    spec_big, spec_small = fit_model(big, "addressed"), fit_model(small, "addressed")
    assert spec_big["weights"] == pytest.approx(spec_small["weights"], rel=0.05, abs=0.05)


def test_sets_labelled_only_yes_or_no_do_not_teach_commitment() -> None:
    only_yes_no = {"sdg": [_row(0.01, "yes")] * 20 + [_row(0.9, "no")] * 20}
    with_partials = {**_sets(), **only_yes_no}
    assert fit_model(with_partials, "strong") == fit_model(_sets(), "strong")


def test_known_gaps_make_the_decision_slower_to_call_a_pair_addressed() -> None:
    # A framework from another domain: pairs as close as a partial one, all gaps.
    gaps = {"a": [_row(0.3, "no")] * 10}
    plain, taught = fit(_sets(), "lexical"), fit(_sets(), "lexical", gaps=gaps)
    case = [_row(0.3, "partial").features]
    assert probabilities(taught["addressed"], case)[0] < probabilities(plain["addressed"], case)[0]


def test_a_sets_known_gaps_are_left_out_with_it() -> None:
    collected = {name: collect(DATA / name, "lexical") for name in ("northmoor", "fernhill")}
    addressed = [r for r in collected["northmoor"].rows if r.label != "no"]
    gaps = {"northmoor": [Row(r.doc, "far", "no", r.features, r.committed) for r in addressed]}
    with_gaps, without = (
        fold_specs(collected, "lexical", gaps=gaps),
        fold_specs(collected, "lexical"),
    )
    # Northmoor's left-out decision never sees the gaps made from its own documents...
    assert with_gaps["northmoor"] == without["northmoor"]
    # ...while Fernhill's is fitted on them.
    assert with_gaps["fernhill"]["addressed"] != without["fernhill"]["addressed"]


def test_each_set_is_scored_by_a_decision_that_never_saw_it() -> None:
    collected = {name: collect(DATA / name, "lexical") for name in ("northmoor", "fernhill")}
    results = leave_one_set_out(collected, "lexical")
    for name, pairs in results.items():
        assert len(pairs) == len(collected[name].rows)
        assert {status for status, _ in pairs} <= {"aligned", "partial", "gap"}
        assert [label for _, label in pairs] == [row.label for row in collected[name].rows]


def test_the_shipped_decision_says_what_it_was_fitted_on() -> None:
    shipped = json.loads((resources.files("alignck") / "data" / "decision.json").read_text())
    names = " ".join(shipped["fitted_on"])
    for name in ("examples", "northmoor", "fernhill", "rotherham", "surrey"):
        assert name in names
    assert set(shipped["matchers"]) == {"lexical", "semantic"}


def test_the_same_passage_is_recognised_whatever_its_spacing_and_case() -> None:
    from alignck.evaluation.fitting import same_passage

    assert same_passage("We will open  family hubs", "we will open family hubs in every town.")
    assert not same_passage("We will open family hubs", "Our parks are well used.")


def test_evidence_hits_count_correct_verdicts_whose_quotes_hold_the_labelled_passage() -> None:
    from alignck.evaluation.fitting import judge

    collected = {name: collect(DATA / name, "lexical") for name in ("northmoor", "fernhill")}
    spec = fit({name: c.rows for name, c in collected.items()}, "lexical", collected)
    pairs, hits = judge(spec, collected["fernhill"], "lexical")
    assert len(pairs) == len(collected["fernhill"].rows)
    quoted = [k for k, v in collected["fernhill"].quotes.items() if v]
    assert 0 < len(hits) <= len(quoted)
    assert sum(hits) >= len(hits) / 2


def test_judging_at_a_higher_partial_threshold_calls_fewer_pairs_addressed() -> None:
    from alignck.evaluation.fitting import judge
    from alignck.model import Thresholds

    collected = {name: collect(DATA / name, "lexical") for name in ("northmoor", "fernhill")}
    spec = fit({name: c.rows for name, c in collected.items()}, "lexical", collected)

    # Northmoor: since an 'and' parts a sentence only after a promise, a fit on these two
    # small sets calls the same five of Fernhill's pairs addressed at every threshold.
    def called(partial: float) -> int:
        pairs, _ = judge(spec, collected["northmoor"], "lexical", Thresholds(partial=partial))
        return sum(status != "gap" for status, _ in pairs)

    default, _ = judge(spec, collected["northmoor"], "lexical")
    assert called(0.5) == sum(status != "gap" for status, _ in default)
    assert called(0.05) >= called(0.5) >= called(0.95)
    assert called(0.05) > called(0.95)


def test_grounds_are_taught_by_quoted_passages_against_unrelated_documents() -> None:
    from alignck.evaluation.fitting import ground_rows

    found = collect(DATA / "northmoor", "lexical")
    features, labels = ground_rows(found, "lexical")
    assert features.shape[0] == labels.shape[0] > 0
    labelled_yes = sum(1 for row in found.rows if row.label != "no")
    # Every positive is a passage a labeller quoted; there are no more than one per quote
    # here, and the documents labelled "no" give the negatives.
    assert 0 < labels.sum() <= 2 * labelled_yes
    assert (labels == 0).sum() > 0


def test_the_fitted_ground_model_rates_quoted_passages_above_the_rest() -> None:
    import numpy as np

    from alignck.decision import model_from
    from alignck.evaluation.fitting import fit_ground, ground_rows

    collected = {name: collect(DATA / name, "lexical") for name in ("northmoor", "eastbrook")}
    spec = fit_ground(collected, "lexical")
    assert spec == fit_ground(collected, "lexical")
    model = model_from(spec, tuple(spec["features"]))
    # Scored on a set it never saw, quoted passages still come out on top.
    features, labels = ground_rows(collect(DATA / "westhaven", "lexical"), "lexical")
    scores = model.probability(features)
    assert np.mean(scores[labels == 1]) > np.mean(scores[labels == 0]) + 0.2


def test_an_ablation_leaves_one_signal_out_of_the_decision() -> None:
    def row(score: float, label: str) -> Row:
        features = (score, score / 2, 1.0, 0.3 + score, 0.2 + score, score / 3, score, score, 2.0)
        return Row("d", "p", label, features, features)

    sets = {
        name: [row(0.5, "yes"), row(0.3, "partial"), row(0.02, "no"), row(0.0, "no")]
        for name in ("a", "b")
    }
    spec = fit(sets, "semantic", without="terms")
    assert spec["features"] == [
        "embedding_best",
        "embedding_committed",
        "embedding_specific",
        "coverage_best",
        "coverage_many",
        "passages_log",
    ]
    assert len(spec["addressed"]["weights"]) == 6


def test_a_dataset_labelled_against_a_second_framework_is_collected_against_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "own.yaml").write_text(
        "priorities:\n- id: housing\n  title: Better housing\n", encoding="utf-8"
    )
    (tmp_path / "purposes.yaml").write_text(
        "priorities:\n- id: outcomes\n  title: Improve health outcomes\n"
        "- id: value\n  title: Value for money\n",
        encoding="utf-8",
    )
    (tmp_path / "plan.md").write_text(
        "# Plan\n\nWe will improve health outcomes for every resident.\n", encoding="utf-8"
    )
    (tmp_path / "truth.yaml").write_text(
        "framework: own.yaml\ncore_purposes: purposes.yaml\ndocuments:\n- doc: plan.md\n"
        "  aligns:\n    housing: no\n"
        "  aligns_core_purposes:\n"
        "    outcomes: {label: yes, evidence: We will improve health outcomes}\n"
        "    value: no\n",
        encoding="utf-8",
    )
    own = collect(tmp_path, "lexical")
    purposes = collect(tmp_path, "lexical", None, "aligns_core_purposes", "core_purposes")
    assert [(r.priority_id, r.label) for r in own.rows] == [("housing", "no")]
    assert [(r.priority_id, r.label) for r in purposes.rows] == [
        ("outcomes", "yes"),
        ("value", "no"),
    ]
    assert [p.id for p in purposes.framework.priorities] == ["outcomes", "value"]
    assert purposes.quotes == {("plan.md", "outcomes"): "We will improve health outcomes"}
