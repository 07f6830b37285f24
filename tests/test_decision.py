"""The fitted decision: features from signals, probabilities, reasons."""

import numpy as np
import pytest

from alignck.decision import (
    GROUND_FEATURES,
    Signals,
    decision_for,
    document_features,
    ground_features,
    ground_features_at,
)
from alignck.evaluation.fitting import MATCHER_FEATURES

ROLES = ("commitment", "context", "achievement")


def _signals(embedding: bool = False) -> Signals:
    terms = np.array([[0.6, 0.0], [0.3, 0.1], [0.0, 0.5]])
    substantive = np.array([[True, False], [False, False], [False, True]])
    cosines = np.array([[0.7, 0.1], [0.4, 0.2], [0.1, 0.6]]) if embedding else None
    coverage = np.array([[0.3, 0.0], [0.9, 0.1], [0.2, 0.8]]) if embedding else None
    return Signals(terms, substantive, ROLES, cosines, (12, 6, 3), coverage)


def test_term_features_weigh_each_passage_by_its_role() -> None:
    features = document_features(_signals(), MATCHER_FEATURES["lexical"])
    length = 1 + 0.15 * np.log(3)
    # Priority 0: the commitment counts in full; priority 1: the achievement at 0.35.
    assert features[0, 0] == pytest.approx(0.6 / length)
    assert features[1, 0] == pytest.approx(0.5 * 0.35 / length)
    # Only a commitment sharing enough words counts as committed.
    assert features[0, 1] == pytest.approx(0.6 / length)
    assert features[1, 1] == 0.0


def test_embedding_features_say_how_close_and_how_specific() -> None:
    names = MATCHER_FEATURES["semantic"]
    features = dict(zip(names, document_features(_signals(True), names).T, strict=True))
    assert features["embedding_best"].tolist() == pytest.approx([0.7, 0.6])
    assert features["embedding_committed"].tolist() == pytest.approx([0.7, 0.1])
    # The first passage is 0.3 closer to priority 0 than its average.
    assert features["embedding_specific"][0] == pytest.approx(0.3)
    # The best coverage is not always in the closest passage.
    assert features["coverage_best"].tolist() == pytest.approx([0.9, 0.8])
    assert features["coverage_many"].tolist() == pytest.approx([0.9 * np.log(4), 0.8 * np.log(4)])
    assert features["passages_log"].tolist() == pytest.approx([np.log(4)] * 2)


def test_a_negated_statement_counts_for_nothing_in_meaning_as_in_words() -> None:
    # 'We will not fund alcohol services' is as close in meaning to the alcohol priority as
    # the promise: it carried a document that said only that to 0.96 on alcohol.
    plain = _signals(True)
    negated = ("negated", "context", "achievement")
    signals = Signals(
        plain.terms, plain.substantive, negated, plain.embedding, plain.words, plain.coverage
    )
    names = MATCHER_FEATURES["semantic"]
    features = dict(zip(names, document_features(signals, names).T, strict=True))
    # Priority 0's closest passage (0.7) is the negated one: the next (0.4) stands instead.
    assert features["embedding_best"].tolist() == pytest.approx([0.4, 0.6])
    assert features["coverage_best"].tolist() == pytest.approx([0.9, 0.8])
    assert features["embedding_specific"][0] == pytest.approx(0.1)


def test_a_document_that_only_rules_a_priority_out_is_not_read_as_addressing_it(
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    from alignck.pipeline import check

    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "framework: {name: Test}\npriorities:\n"
        "  - id: alcohol\n    title: Reduce harm from alcohol\n"
        "  - id: leisure\n    title: Leisure and libraries for everyone\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Eastmere Leisure Trust Business Plan\n\n## Our priorities\n\n"
        "We will reopen the Brackley lido and extend library opening hours.\n\n"
        "## What we will not do\n\n"
        "We will not fund alcohol treatment services, and we will not run any programme to "
        "reduce alcohol-related hospital admissions.\n",
        encoding="utf-8",
    )
    report = check([plan], framework, matcher="semantic")
    verdicts = {a.priority_id: a for a in report.documents[0].alignments}
    assert verdicts["alcohol"].status == "gap"
    assert verdicts["alcohol"].score < 0.5


def test_without_coverage_the_cosine_stands_in_for_it() -> None:
    plain = _signals(True)
    signals = Signals(plain.terms, plain.substantive, ROLES, plain.embedding, plain.words)
    names = MATCHER_FEATURES["semantic"]
    features = dict(zip(names, document_features(signals, names).T, strict=True))
    assert features["coverage_best"].tolist() == pytest.approx([0.7, 0.6])


def test_commitments_alone_are_the_committed_passages() -> None:
    committed = _signals(True).committed()
    assert committed.roles == ("commitment",)
    assert committed.terms.shape == (1, 2)
    assert committed.embedding is not None and committed.embedding.shape == (1, 2)
    assert committed.coverage is not None and committed.coverage.tolist() == [[0.3, 0.0]]
    assert committed.words == (12,)


@pytest.mark.parametrize("embedding", [False, True])
def test_the_features_of_chosen_cells_are_those_of_the_whole_matrix(embedding: bool) -> None:
    names = GROUND_FEATURES["semantic" if embedding else "lexical"]
    signals = _signals(embedding)
    cells = (np.array([0, 1, 2, 2]), np.array([1, 0, 0, 1]))
    chosen = ground_features_at(signals, names, cells)
    assert chosen.shape == (4, len(names))
    assert np.array_equal(chosen, ground_features(signals, names)[cells])


def test_a_document_with_no_passages_has_zero_features() -> None:
    empty = Signals(np.zeros((0, 2)), np.zeros((0, 2), dtype=bool), (), np.zeros((0, 2)))
    features = document_features(empty, MATCHER_FEATURES["semantic"])
    assert features.shape == (2, len(MATCHER_FEATURES["semantic"])) and not features.any()


def test_a_ground_is_judged_by_what_it_shares_and_what_kind_of_passage_it_is() -> None:
    names = GROUND_FEATURES["semantic"]
    rows = ground_features(_signals(True), names)
    assert rows.shape == (3, 2, len(names))
    first = dict(zip(names, rows[0, 0], strict=True))
    # The commitment shares the most with priority 0, two words or more: its full share, and
    # 0.6 closer to it than to priority 1.
    assert first["ground_terms"] == 0.6 and first["ground_terms_single"] == 0.0
    assert first["ground_share"] == 1.0
    assert first["ground_margin"] == pytest.approx(0.6)
    assert first["ground_committed"] == 1.0 and first["ground_context"] == 0.0
    assert first["ground_words"] == pytest.approx(np.log1p(12))
    second = dict(zip(names, rows[1, 1], strict=True))
    # The context sentence is closer to priority 0 than to 1: a negative margin for 1.
    assert second["ground_margin"] == pytest.approx(-0.2)
    # One word in common only: it counts apart, and as far as the meaning is about it.
    assert second["ground_terms"] == 0.0 and second["ground_terms_single"] == 0.1
    assert second["ground_single_margin"] == pytest.approx(0.1 * -0.2)
    assert second["ground_cosine_committed"] == 0.0 and second["ground_context"] == 1.0


def test_a_one_priority_framework_has_no_margin_to_measure() -> None:
    signals = Signals(
        np.array([[0.4]]), np.array([[True]]), ("commitment",), np.array([[0.5]]), (8,)
    )
    rows = ground_features(signals, GROUND_FEATURES["semantic"])
    assert rows[0, 0, GROUND_FEATURES["semantic"].index("ground_margin")] == 0.0


@pytest.mark.parametrize("matcher", sorted(GROUND_FEATURES))
def test_the_shipped_ground_model_prefers_passages_about_the_priority(matcher: str) -> None:
    decision = decision_for(matcher)
    names = decision.ground.features
    assert names == GROUND_FEATURES[matcher]
    about = {"ground_terms": 0.6, "ground_terms_single": 0.0, "ground_share": 1.0}
    about |= {"ground_cosine": 0.6, "ground_margin": 0.3, "ground_cosine_committed": 0.6}
    aside = {"ground_terms": 0.0, "ground_terms_single": 0.05, "ground_share": 0.2}
    aside |= {"ground_cosine": 0.1, "ground_margin": -0.3, "ground_cosine_committed": 0.1}
    about["ground_single_margin"], aside["ground_single_margin"] = 0.0, -0.015
    common = {"ground_committed": 1.0, "ground_context": 0.0, "ground_words": np.log1p(15)}
    rows = np.array([[{**common, **case}[n] for n in names] for case in (about, aside)])
    near, far = decision.ground.probability(rows)
    assert near >= 0.5 > far


@pytest.mark.parametrize("matcher", sorted(MATCHER_FEATURES))
def test_the_shipped_decision_uses_the_fitted_features(matcher: str) -> None:
    decision = decision_for(matcher)
    assert decision.features == MATCHER_FEATURES[matcher]
    assert decision.version.startswith("data-")


@pytest.mark.parametrize("matcher", sorted(MATCHER_FEATURES))
def test_more_evidence_never_lowers_the_probability_of_being_addressed(matcher: str) -> None:
    decision = decision_for(matcher)
    names = decision.features
    weak = np.array([[0.05 if "terms" in n else 0.2 for n in names]])
    strong = np.array([[0.5 if "terms" in n else 0.7 for n in names]])
    assert decision.addressed.probability(strong)[0] > decision.addressed.probability(weak)[0]


def test_reasons_are_the_contributions_to_the_verdict_strongest_first() -> None:
    decision = decision_for("lexical")
    row = np.array([0.4, 0.3, 1.0])
    reasons = decision.addressed.reasons(row)
    assert [r.signal for r in reasons] == ["terms"] * 3
    total = sum(r.contribution for r in reasons) + decision.addressed.bias
    assert total == pytest.approx(float(decision.addressed.logits(row[None, :])[0]), abs=0.01)
    sizes = [abs(r.contribution) for r in reasons]
    assert sizes == sorted(sizes, reverse=True)


def test_the_reasons_of_many_rows_are_each_rows_own() -> None:
    decision = decision_for("lexical")
    rows = np.array([[0.4, 0.3, 1.0], [0.0, 0.0, 0.0], [0.05, 0.5, 2.0]])
    together = decision.addressed.reasons_of_rows(rows)
    assert together == [decision.addressed.reasons(row) for row in rows]
    model = decision.addressed
    for row, reasons in zip(rows, together, strict=True):
        expected = (row - model.mean) / model.scale * model.weights
        by_feature = {r.feature: r for r in reasons}
        for name, value, contribution in zip(model.features, row, expected, strict=True):
            assert by_feature[name].value == round(float(value), 4)
            assert by_feature[name].contribution == round(float(contribution), 3)
    assert together[0] != together[1]
