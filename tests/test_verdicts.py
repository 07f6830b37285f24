"""Judged on signals we make up: which passages a verdict may rest on, and which commitments
an aligned verdict may rest on, whatever the fitted models' weights are."""

from pathlib import Path

import numpy as np

from alignck.decision import Signals
from alignck.framework import load_framework
from alignck.match import Matcher
from alignck.model import Location, Thresholds
from alignck.passages import Passage
from alignck.verdicts import CLOSEST_BY, GROUND, GROUND_DIGITS, Judged


def _framework(write_framework) -> Matcher:  # type: ignore[no-untyped-def]
    path: Path = write_framework(
        "framework: {name: t}\npriorities:\n"
        "  - {id: places, title: Sustainable places}\n"
        "  - {id: care, title: Joined-up care}\n"
    )
    return Matcher(load_framework(path), Thresholds(), "lexical")


def _commitments(*texts: str) -> list[Passage]:
    return [
        Passage(text, Location(None, i, ()), "commitment", tuple(text.lower().split()), text)
        for i, text in enumerate(texts)
    ]


def _signals(passages: list[Passage], cosine: list[list[float]]) -> Signals:
    shape = (len(passages), len(cosine[0]))
    terms = np.full(shape, 0.2)
    return Signals(
        terms,
        np.zeros(shape, dtype=bool),
        tuple(p.role for p in passages),
        np.array(cosine),
        tuple(len(p.text.split()) for p in passages),
    )


def test_a_commitment_closest_to_a_priority_by_a_hair_is_not_about_it(write_framework) -> None:  # type: ignore[no-untyped-def]
    passages = _commitments(
        "We will be a great place to work for every member of staff.",
        "We will make every town a greener place with parks and clean air.",
    )
    hair = 0.30 + CLOSEST_BY / 5
    signals = _signals(passages, [[hair, 0.30], [0.30 + 2 * CLOSEST_BY, 0.30]])
    judged = Judged(_framework(write_framework), passages, signals)
    # Both are closest to sustainable places in meaning; only the second by a clear margin.
    assert judged._committing(np.array([0, 1]), 0) == [1]


def test_sharing_two_of_its_words_makes_a_commitment_about_a_priority_whatever_the_margin(
    write_framework,
) -> None:  # type: ignore[no-untyped-def]
    passages = _commitments("We will build sustainable places in every town.")
    signals = _signals(passages, [[0.30, 0.31]])
    signals.substantive[0, 0] = True
    judged = Judged(_framework(write_framework), passages, signals)
    assert judged._committing(np.array([0]), 0) == [0]


def test_two_words_in_common_name_a_stated_priority_but_are_no_ground_alone(
    write_framework,
) -> None:  # type: ignore[no-untyped-def]
    passages = _commitments("We will improve services for children and adults in every town.")
    signals = _signals(passages, [[0.10, 0.60]])
    # Two of the priority's words in common, but they weigh almost nothing and the meaning is
    # elsewhere: the ground model, not the count of words, decides whether it is evidence.
    signals.terms[0] = [0.01, 0.4]
    signals.substantive[0, 0] = True
    judged = Judged(_framework(write_framework), passages, signals)
    assert judged.grounds[0, 0] < GROUND
    assert not judged.is_ground[0, 0]
    assert judged.alignment(0).status == "gap"
    # As a stated priority, the same two words still name the framework priority.
    assert bool(judged.names(0, 9)[0])


def test_a_one_word_stated_priority_names_what_it_shares_and_words_are_counted_only_then(
    write_framework,
) -> None:  # type: ignore[no-untyped-def]
    passages = _commitments("Housing")
    signals = _signals(passages, [[0.10, 0.60]])
    signals.terms[0] = [0.0, 0.2]
    judged = Judged(_framework(write_framework), passages, signals)
    counted: list[int] = []

    def count(words: int) -> int:
        counted.append(words)
        return words

    assert judged.names(0, lambda: count(1)).tolist() == [False, True]
    assert judged.names(0, lambda: count(2)).tolist() == [False, False]
    assert counted == [1, 2]
    signals.terms[0] = [0.0, 0.0]
    assert judged.names(0, lambda: count(1)).tolist() == [False, False]
    assert counted == [1, 2]


def test_ground_probabilities_are_rounded_so_equals_tie_in_every_run(write_framework) -> None:  # type: ignore[no-untyped-def]
    passages = _commitments("We will build sustainable places and joined-up care in every town.")
    signals = _signals(passages, [[0.41, 0.41]])
    judged = Judged(_framework(write_framework), passages, signals)
    assert np.array_equal(judged.grounds, np.round(judged.grounds, GROUND_DIGITS))
    # The same features for both priorities: the same probability, to the last bit.
    assert judged.grounds[0, 0] == judged.grounds[0, 1]


def test_names_of_many_passages_are_what_names_gives_each_and_count_words_as_rarely(
    write_framework,
) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(7)
    passages = _commitments(*(f"We will act on housing and care number {i}." for i in range(30)))
    signals = _signals(passages, rng.random((30, 2)).tolist())
    signals.terms[:] = rng.choice([0.0, 0.05, 0.3], size=(30, 2))
    signals.substantive[:] = rng.random((30, 2)) < 0.3
    judged = Judged(_framework(write_framework), passages, signals)
    indices = [3, 0, 17, 3, 29, 8, 11]
    words = [1, 2, 1, 1, 3, 1, 2]
    asked: list[int] = []

    def count(row: int) -> int:
        asked.append(row)
        return words[row]

    one_by_one = []
    for row, index in enumerate(indices):
        one_by_one.append(judged.names(index, words[row]).tolist())
    assert judged.names_of(indices, count).tolist() == one_by_one
    shared = signals.terms[indices] > 0
    named = judged.is_ground[indices] | judged.substantive[indices]
    assert asked == np.flatnonzero((shared & ~named).any(axis=1)).tolist()


def test_a_fuller_quote_keeps_the_best_score_and_the_commitment_it_holds() -> None:
    from alignck.model import Evidence
    from alignck.verdicts import _fuller

    where = Location(None, 1, ())
    name = Evidence("Tackle inequalities", where, 0.9, "priority")
    item = Evidence("Tackle inequalities in access to care", where, 0.6, "context")
    merged = _fuller(item, [name])
    assert merged.text == item.text
    assert merged.score == 0.9
    assert merged.kind == "priority"
    # Nothing committed inside: the fuller quote is what it is.
    aside = Evidence("inequalities", where, 0.5, "context")
    assert _fuller(item, [aside]) == Evidence(item.text, where, 0.6, "context")
