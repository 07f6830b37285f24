"""The adapter: a fitted correction added to the cosine, carried in the decision file."""

import numpy as np

from alignck.decision import decision_for
from alignck.match import Matcher
from alignck.model import Framework, Priority, Thresholds
from alignck.signals.adapter import Adapter, adapter_from, adapter_spec
from alignck.signals.embedding import FrameworkVectors

FRAMEWORK = Framework("f", "f.yaml", (Priority("air", "Clean air"), Priority("jobs", "Good jobs")))


def _unit(rows: list[list[float]]) -> np.ndarray:
    array = np.array(rows, dtype=float)
    return array / np.linalg.norm(array, axis=1, keepdims=True)


def test_the_correction_is_added_to_the_cosine() -> None:
    passages, facets = _unit([[1, 0, 0], [0, 1, 0]]), _unit([[1, 1, 0]])
    adapter = Adapter(np.array([[1.0], [0.0], [0.0]]), np.array([[0.0], [2.0], [0.0]]))
    scores = adapter.scores(passages, facets, adapter.facet_side(facets))
    cosine = passages @ facets.T
    # Only the first passage has a component along U's column, and the facet along V's.
    assert scores[1, 0] == cosine[1, 0]
    assert scores[0, 0] == cosine[0, 0] + 2 / np.sqrt(2)


def test_a_decision_without_an_adapter_has_none() -> None:
    assert adapter_from(None) is None
    assert adapter_from({}) is None


def test_the_adapter_survives_the_decision_file() -> None:
    adapter = Adapter(np.full((4, 2), 0.25), np.arange(8, dtype=float).reshape(4, 2) / 10)
    again = adapter_from(adapter_spec(adapter))
    assert again is not None
    assert again.passages.shape == (4, 2)
    assert np.allclose(again.facets, adapter.facets)


def test_the_framework_vectors_are_scored_through_the_adapter() -> None:
    facets = [["Clean air"], ["Good jobs"]]
    plain = FrameworkVectors(facets)
    zero = FrameworkVectors(facets, Adapter(np.zeros((384, 2)), np.zeros((384, 2))))
    text = ["We will help unemployed people into work."]
    assert np.allclose(plain.similarities(text)[0], zero.similarities(text)[0], atol=1e-6)
    # A correction that lifts everything close to the first facet changes the scores.
    lift = Adapter(plain.vectors[:1].T.astype(float), plain.vectors[:1].T.astype(float))
    lifted = FrameworkVectors(facets, lift).similarities(text)[0]
    assert not np.allclose(lifted, plain.similarities(text)[0])


def test_the_shipped_semantic_decision_carries_the_adapter_it_was_fitted_with() -> None:
    assert decision_for("semantic").adapter is not None
    assert decision_for("lexical").adapter is None
    framework = FRAMEWORK
    assert Matcher(framework, Thresholds(), "semantic").vectors.adapter is not None
    assert Matcher(framework, Thresholds(), "semantic", adapter=None).vectors.adapter is None


def test_every_report_names_the_adapter_with_the_model() -> None:
    framework = FRAMEWORK
    assert "adapted" in Matcher(framework, Thresholds(), "semantic").description
    assert "adapted" not in Matcher(framework, Thresholds(), "semantic", adapter=None).description
    assert "adapted" not in Matcher(framework, Thresholds(), "lexical").description
