"""A document that names no priority and promises nothing: its likeliest sentences stating an
aim, by the fitted aim scorer."""

from pathlib import Path

import pytest
from tests.conftest import blocks_document, from_script

from alignck.extract import extract, stated_priorities
from alignck.extract._aims import AIM_FEATURES, aim_candidates
from alignck.extract._scorer import AimModel, likeliest_aims, shipped_aim_model
from alignck.model import Document
from alignck.readers import read_document


def _doc(*blocks: tuple[str, str]) -> Document:
    return blocks_document(*blocks, name="release.md")


# A news release: no list, no heading the rules read, no 'we will'.
_RELEASE = _doc(
    ("heading", "New mental health strategy for Riverside"),
    ("paragraph", "Riverside Council and its NHS partners have published a new strategy."),
    (
        "paragraph",
        "The strategy aims to improve access to mental health support for young people who "
        "fall through the gaps between services.",
    ),
    ("paragraph", "In 2024, 31% of young people said they had waited over a year for help."),
    ("paragraph", "“This is a big day for the town,” said the council's leader."),
)


def _model(feature: str, most: int = 1, cutoff: float = 0.5) -> AimModel:
    """A model that likes one feature and nothing else: 0.88 likely with it, 0.12 without."""
    weights = [2.0 if name == feature else 0.0 for name in AIM_FEATURES]
    weights[AIM_FEATURES.index("bias")] -= 2.0 if feature != "bias" else 0.0
    return AimModel(tuple(weights), cutoff, most)


def test_every_sentence_of_the_text_is_a_candidate_with_its_features() -> None:
    candidates = aim_candidates(_RELEASE.blocks)
    # Headings are not; each sentence of four words or more of a paragraph or item is.
    assert [c.text[:20] for c in candidates] == [
        "Riverside Council an",
        "The strategy aims to",
        "In 2024, 31% of youn",
        "“This is a big day f",
    ]
    assert all(len(c.features) == len(AIM_FEATURES) for c in candidates)
    aims = dict(zip(AIM_FEATURES, candidates[1].features, strict=True))
    assert aims["intention"] == 1.0 and aims["to_verb"] == 1.0 and aims["reported"] == 0.0
    quote = dict(zip(AIM_FEATURES, candidates[3].features, strict=True))
    assert quote["reported"] == 1.0


def test_the_likeliest_sentences_are_taken_up_to_the_most_and_from_the_cutoff() -> None:
    taken = likeliest_aims(_RELEASE.blocks, _model("intention"))
    assert [s.text[:24] for s in taken] == ["The strategy aims to imp"]
    assert taken[0].kind == "priority" and taken[0].rule == "a sentence stating an aim"
    # Two at most, in document order; the second is as likely as any other (0.12).
    assert len(likeliest_aims(_RELEASE.blocks, _model("intention", most=2, cutoff=0.1))) == 2
    # None reaches the cut-off.
    assert likeliest_aims(_RELEASE.blocks, _model("intention", cutoff=0.9)) == []


def test_a_release_stating_no_priority_gets_its_aim_from_the_shipped_model() -> None:
    stated = [s.text for s in stated_priorities(extract(_RELEASE))]
    assert stated[:1] == [
        "The strategy aims to improve access to mental health support for young people who "
        "fall through the gaps between services."
    ]
    # A figure and a quote of what someone said are not what the strategy states.
    assert not any(text.startswith(("In 2024", "“This")) for text in stated)


def test_aims_are_not_read_where_commitments_stand_in() -> None:
    doc = _doc(
        ("paragraph", "The strategy aims to improve access to support for young people."),
        ("paragraph", "We will open two new youth hubs by 2027."),
    )
    found = stated_priorities(extract(doc, aim_model=_model("bias", cutoff=0.0)))
    assert [(s.kind, s.text) for s in found] == [
        ("commitment", "We will open two new youth hubs by 2027.")
    ]


def test_the_shipped_aim_model_takes_few_sentences_from_a_real_cutoff() -> None:
    model = shipped_aim_model()
    assert model is not None
    assert 1 <= model.most <= 3 and 0.0 < model.cutoff <= 1.0


def test_fitting_takes_the_aims_that_match_and_chooses_how_many() -> None:
    labelled, models, with_aims, no_lists, no_sentences = from_script(
        "fit_extraction", "Labelled", "Models", "with_aims", "RULES_ONLY", "NO_SENTENCES"
    )
    aim = (
        "The strategy aims to improve access to mental health support for young people who "
        "fall through the gaps between services."
    )
    docs = {"a set": [labelled(_RELEASE, (aim,), (aim,))]}
    chosen = with_aims(models(no_lists, no_sentences), docs).aims
    # Its one stated aim is the likeliest sentence: one taken, from a cut-off it reaches.
    assert chosen.most == 1
    assert [s.text for s in likeliest_aims(_RELEASE.blocks, chosen)] == [aim]


def test_an_aim_is_matched_as_the_sentence_it_is_not_as_a_named_priority() -> None:
    from alignck.passages import build_passages

    passages = build_passages(_RELEASE, extract(_RELEASE))
    aim = [p for p in passages if p.text.startswith("The strategy aims to")]
    # One passage, weighed by its own words: a stated priority's role made it a commitment.
    assert len(aim) == 1
    assert aim[0].role != "priority"


def test_only_the_first_five_hundred_sentences_are_read() -> None:
    filler = [("paragraph", f"The board met on day {n} of the year.") for n in range(600)]
    doc = _doc(*filler, ("paragraph", "The strategy aims to improve access to support."))
    candidates = aim_candidates(doc.blocks)
    assert len(candidates) == 500
    assert candidates[-1].text == "The board met on day 499 of the year."


def test_init_from_never_makes_a_guessed_aim_a_framework_priority(tmp_path: Path) -> None:
    from alignck.errors import UsageError
    from alignck.from_strategy import framework_from_strategy

    release = tmp_path / "release.md"
    release.write_text(
        "# New carers strategy\n\nThe council has published a new strategy.\n\n"
        "The strategy aims to make sure every unpaid carer is identified early and can get "
        "a break.\n",
        encoding="utf-8",
    )
    assert stated_priorities(extract(read_document(release)))
    with pytest.raises(UsageError, match="no stated priorities found"):
        framework_from_strategy(release)


def test_a_document_whose_priorities_are_guessed_aims_says_so(tmp_path: Path) -> None:
    from alignck.reading import ONLY_AIMS, prepare

    release = tmp_path / "release.md"
    release.write_text(
        "# New carers strategy\n\nThe strategy aims to make sure every unpaid carer is "
        "identified early and can get a break.\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will open two carers' centres by 2027.\n", encoding="utf-8")
    prepared = prepare(release)
    assert not isinstance(prepared, Exception) and ONLY_AIMS in prepared.warnings
    promised = prepare(plan)
    assert not isinstance(promised, Exception) and ONLY_AIMS not in promised.warnings
