"""Fitting on joined documents, weighed to their set's share addressed (tried, not shipped:
``scripts/fit_decision.py --joined-balanced``)."""

import numpy as np
from tests.conftest import from_script

from alignck.evaluation.fitting import Row, fit_model

(weighed_to,) = from_script("fit_decision", "weighed_to")


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
    weighted = {
        "a": [base[0], Row("d", "p", "no", base[1].features, base[1].features, 2.0), base[2]]
    }
    weighted["b"] = doubled["b"]
    one, two = fit_model(doubled, "addressed"), fit_model(weighted, "addressed")
    assert np.allclose(one["weights"], two["weights"], atol=1e-4)
    assert one["cutoff"] == two["cutoff"]
