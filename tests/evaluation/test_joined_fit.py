"""Fitting on joined documents, weighed to their set's share addressed (tried, not shipped:
``scripts/fit_decision.py --joined-balanced``)."""

from dataclasses import replace
from pathlib import Path

import numpy as np
from tests.conftest import from_script

from alignck.evaluation.fitting import JOINED, Row, _best_cutoff, collect, fit_model, fold_specs

(weighed_to,) = from_script("fit_decision", "weighed_to")
DATA = Path(__file__).parent.parent / "data"


def _row(score: float, label: str) -> Row:
    features = (score, score / 2, 1.0 if score > 0.2 else 0.0)
    return Row("d", "p", label, features, features)


def test_joined_rows_weigh_their_set_s_share_addressed() -> None:
    rows = [_row(0.5, "yes"), _row(0.4, "partial"), _row(0.3, "yes"), _row(0.0, "no")]
    weighed = weighed_to(rows, 0.25)
    addressed = sum(r.weight for r in weighed if r.label != "no")
    assert addressed / sum(r.weight for r in weighed) == 0.25
    assert [r.features for r in weighed] == [r.features for r in rows]


def test_rows_of_one_label_cannot_be_weighed() -> None:
    assert weighed_to([_row(0.5, "yes"), _row(0.4, "partial")], 0.4) == []
    assert weighed_to([_row(0.5, "yes"), _row(0.0, "no")], 0.0) == []


def test_a_row_s_weight_counts_as_that_many_rows_in_its_set() -> None:
    base = [_row(0.5, "yes"), _row(0.3, "no"), _row(0.0, "no")]
    doubled = {"a": [*base, base[1]], "b": [_row(0.6, "yes"), _row(0.01, "no")]}
    twice = Row("d", "p", "no", base[1].features, base[1].features, 2.0)
    weighted = {"a": [base[0], twice, base[2]], "b": doubled["b"]}
    one, two = fit_model(doubled, "addressed"), fit_model(weighted, "addressed")
    assert np.allclose(one["weights"], two["weights"], atol=1e-4)


def test_the_cutoff_is_chosen_without_the_joined_rows() -> None:
    # A model whose probabilities spread over the cut-offs tried: 0.88 at 0.5, 0.27 at 0.2.
    spec = {"mean": [0.0] * 3, "scale": [1.0] * 3, "weights": [10.0, 0.0, 0.0], "bias": -3.0}
    sets = {
        "a": [_row(0.5, "yes"), _row(0.3, "partial"), _row(0.02, "no"), _row(0.0, "no")],
        "b": [_row(0.6, "yes"), _row(0.25, "partial"), _row(0.05, "no"), _row(0.01, "no")],
    }
    # Weak pairs, all addressed: as a set of its own they pull the cut-off down...
    weak = [_row(0.2, "yes"), _row(0.2, "partial"), _row(0.2, "yes")]
    alone = _best_cutoff(sets, spec, "addressed")
    assert _best_cutoff({**sets, "c": weak}, spec, "addressed") < alone
    # ...as joined rows they do not.
    assert _best_cutoff({**sets, f"c{JOINED}": weak}, spec, "addressed") == alone


def test_a_set_s_joined_rows_are_left_out_with_it() -> None:
    collected = {name: collect(DATA / name, "lexical") for name in ("northmoor", "fernhill")}
    addressed = [r for r in collected["northmoor"].rows if r.label != "no"]
    joined = {"northmoor": [replace(r, label="no", weight=0.5) for r in addressed]}
    with_joined = fold_specs(collected, "lexical", joined=joined)
    without = fold_specs(collected, "lexical")
    # Northmoor's left-out decision never sees the rows made from its own documents...
    assert with_joined["northmoor"] == without["northmoor"]
    # ...while Fernhill's is fitted on them.
    assert with_joined["fernhill"]["addressed"] != without["fernhill"]["addressed"]
