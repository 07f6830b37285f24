"""The fitted sentence scorer: priorities named in one sentence of a document that states
them nowhere else."""

import json
from importlib import resources

from tests.conftest import blocks_document

from alignck.extract import extract, stated_priorities
from alignck.extract._prose import SENTENCE_FEATURES, enumeration, sentence_candidates
from alignck.extract._scorer import ListModel, shipped_sentence_model
from alignck.model import Document


def _doc(*blocks: tuple[str, str]) -> Document:
    return blocks_document(*blocks, name="news.md")


# A news page about a plan: its aims are named in one long sentence, with no list, no
# heading and no label the rules read (with a count, 'four shared commitments', the rules
# read it: tests/test_extract_wording.py).
_NEWS = _doc(
    ("heading", "Riverside Care Partnership agrees its plan"),
    ("paragraph", "The partnership board met in March to agree the plan for the next three years."),
    (
        "paragraph",
        "Members agreed their shared commitments for the borough: keeping older residents well "
        "and independent in their own homes for longer; making sure every young carer in the "
        "borough is known and properly supported; cutting the time people wait for mental "
        "health support in every neighbourhood; and working with landlords so that fewer "
        "families live in cold and damp homes.",
    ),
    ("paragraph", "The plan will be published in the spring after a public consultation."),
)


def test_shipped_sentence_weights_cover_the_features_in_order() -> None:
    data = json.loads(resources.files("alignck.data").joinpath("extraction.json").read_text())
    assert data["sentences"]["features"] == list(SENTENCE_FEATURES)
    assert len(data["sentences"]["weights"]) == len(SENTENCE_FEATURES)
    assert shipped_sentence_model() is not None


def test_priorities_named_in_one_sentence_are_taken_with_their_lead() -> None:
    found = stated_priorities(extract(_NEWS))
    assert [s.text for s in found] == [
        "keeping older residents well and independent in their own homes for longer",
        "making sure every young carer in the borough is known and properly supported",
        "cutting the time people wait for mental health support in every neighbourhood",
        "working with landlords so that fewer families live in cold and damp homes",
    ]
    assert {s.kind for s in found} == {"priority"}
    # Why: the lead the parts sit under, for a user to check.
    assert found[0].rule == (
        "named in a sentence after 'Members agreed their shared commitments for the borough:'"
    )


def test_priorities_named_after_a_clause_of_the_sentence_are_taken_whole() -> None:
    # None was found: the clause before the lead was read as the lead.
    survey = _doc(
        ("heading", "Healthwatch Riverside priorities"),
        ("paragraph", "Each year we ask local people what matters most to them."),
        (
            "paragraph",
            "Based on what they told us, our three priorities for 2026 are making it easier to "
            "see a GP, improving dentistry for children, and making sure people with a learning "
            "disability get their annual health check.",
        ),
    )
    assert [s.text for s in stated_priorities(extract(survey))] == [
        "making it easier to see a GP",
        "improving dentistry for children",
        "making sure people with a learning disability get their annual health check",
    ]


def test_a_sentence_that_describes_who_is_served_is_not_taken() -> None:
    doc = _doc(
        ("heading", "Hillcrest Hospice"),
        (
            "paragraph",
            "Our hospice care is open to everyone in the district, regardless of age, faith, "
            "gender, diagnosis or postcode.",
        ),
        ("paragraph", "We were founded by local families in 1984 and rely on our supporters."),
    )
    assert len(list(sentence_candidates(doc.blocks))) == 1
    assert [s for s in extract(doc) if s.kind == "priority"] == []


def test_sentences_are_not_read_where_the_rules_find_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities"),
        ("list_item", "Healthy homes"),
        ("list_item", "Good jobs"),
        (
            "paragraph",
            "Members agreed their shared commitments for the borough: keeping older residents "
            "well and independent in their own homes for longer; making sure every young "
            "carer in the borough is known and properly supported; cutting the time people "
            "wait for mental health support in every neighbourhood; and working with "
            "landlords so that fewer families live in cold and damp homes.",
        ),
    )
    assert [s.text for s in stated_priorities(extract(doc))] == ["Healthy homes", "Good jobs"]


def test_a_model_that_takes_no_sentence_leaves_the_stand_ins() -> None:
    never = ListModel(tuple(0.0 for _ in SENTENCE_FEATURES), cutoff=2.0)
    found = stated_priorities(extract(_NEWS, sentence_model=never))
    assert all(not s.rule.startswith("named in a sentence") for s in found)


def test_an_enumeration_is_split_into_its_lead_and_parts() -> None:
    assert enumeration(
        "We will improve care, reduce inequalities in health, support our workforce and "
        "balance the books."
    ) == (
        "We will",
        (
            "improve care",
            "reduce inequalities in health",
            "support our workforce",
            "balance the books",
        ),
    )
    # After a colon, two parts are enough; semicolons keep a part's own commas.
    assert enumeration("Our aims are: clean air; safe, warm homes.") == (
        "Our aims are:",
        ("clean air", "safe, warm homes"),
    )
    # A long clause before the parts is the lead.
    lead, parts = enumeration(
        "After a long year of listening to the residents of every ward of the town and to the "
        "businesses in its centre the council has chosen to focus on housing, transport and "
        "jobs."
    ) or ("", ())
    assert parts == ("housing", "transport", "jobs")
    assert lead.endswith("has chosen to focus on")


def test_parallel_parts_say_where_the_first_part_begins() -> None:
    # It handed over at the last 'to': 'see a GP'.
    assert enumeration(
        "Our three priorities are making it easier to see a GP, improving dentistry for "
        "children, and making sure people with a learning disability get a health check."
    ) == (
        "Our three priorities are",
        (
            "making it easier to see a GP",
            "improving dentistry for children",
            "making sure people with a learning disability get a health check",
        ),
    )
    # A clause before the lead was the lead, and the lead a part: ('what they told us', 'our
    # three priorities for 2026 are making it easier to see a GP', ...).
    assert enumeration(
        "Based on what they told us, our priorities for 2026 are making it easier to see a "
        "GP, improving dentistry for children, and making sure every child is vaccinated."
    ) == (
        "Based on what they told us, our priorities for 2026 are",
        (
            "making it easier to see a GP",
            "improving dentistry for children",
            "making sure every child is vaccinated",
        ),
    )
    # Parts that do not open alike hand over at the last 'to', as before.
    assert enumeration(
        "We have agreed to work together to improve care, cut waits and support carers."
    ) == ("We have agreed to work together to", ("improve care", "cut waits", "support carers"))


def test_after_a_serial_comma_the_last_part_keeps_its_own_and() -> None:
    # Four parts of three: 'tackling loneliness' and 'social isolation among older residents'.
    assert enumeration(
        "The strategy focuses on three priorities: giving every child the best start, "
        "helping people stay independent, and tackling loneliness and social isolation."
    ) == (
        "The strategy focuses on three priorities:",
        (
            "giving every child the best start",
            "helping people stay independent",
            "tackling loneliness and social isolation",
        ),
    )
    # Without it, the last 'and' parts the last two, as before.
    assert enumeration("We will improve care, cut waits and support carers.") == (
        "We will",
        ("improve care", "cut waits", "support carers"),
    )


def test_a_sentence_without_an_enumeration_is_no_candidate() -> None:
    assert enumeration("The council met on Tuesday to agree the budget.") is None
    # Two pieces enumerate nothing without a colon or semicolons.
    assert enumeration("In March, the board agreed the plan.") is None
    # A colon followed by long clauses is prose, not a list.
    assert (
        enumeration(
            "The chair said: we have listened to what residents told us over the last year "
            "about what they need from their services and from each other, and we will act"
        )
        is None
    )
