import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignck.language import _any_of, role_of, sentences, terms
from alignck.spelling import americanise


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organisation", "organization"),
        ("prioritise", "prioritize"),
        ("behaviour", "behavior"),
        ("neighbourhood", "neighborhood"),
        ("centre", "center"),
        ("analyse", "analyze"),
        ("programme", "program"),
        ("paediatric", "pediatric"),
        ("travelling", "traveling"),
    ],
)
def test_british_spellings_fold_to_american(british: str, american: str) -> None:
    assert americanise(british) == american


@pytest.mark.parametrize(
    "word",
    [
        "exercise",
        "advise",
        "promise",
        "four",
        "hour",
        "course",
        "enterprise",
        "raised",
        "otherwise",
    ],
)
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    assert americanise(word) == word


def test_terms_meet_across_spelling_inflection_and_hyphenation() -> None:
    assert terms("Prioritising organisations") == terms("prioritize organization")
    assert terms("children") == terms("child")
    assert "wellb" in terms("well-being") and terms("wellbeing") == ["wellb"]
    assert terms("healthy") == terms("health")
    assert terms("lonely") == terms("loneliness")
    assert terms("pregnant smokers") == terms("pregnancy smoking")
    # A last part that only qualifies the first is not a word of its own.
    assert "free" not in terms("A tobacco-free generation")
    assert "tobacco" in terms("A tobacco-free generation")
    assert "led" not in terms("community-led") and "communiti" in terms("community-led")
    # 'real-time information' says nothing about 'the right support at the right time'
    assert "time" not in terms("real-time information") and "real" in terms("real-time")
    assert terms("low-cost classes") == ["low", "lowcost", "class"]
    # a compound that is a word of its own
    assert terms("anti-social behaviour") == terms("antisocial behaviour")
    assert "social" not in " ".join(terms("anti-social behaviour"))
    assert "poverti" in terms("an anti-poverty strategy")
    assert terms("cyclists") == terms("cycle")
    assert terms("the and of we will") == []


def test_sentences_keep_abbreviations_and_decimals() -> None:
    text = "We will act, e.g. on damp. It costs £1.5m. Dr. Patel leads it! Then done"
    assert list(sentences(text)) == [
        "We will act, e.g. on damp.",
        "It costs £1.5m.",
        "Dr. Patel leads it!",
        "Then done",
    ]


def test_the_marks_that_close_a_sentence_are_its_own() -> None:
    # The closing quotation mark began the next sentence, and the quote was left open.
    text = (
        "One volunteer told us: “Joining the group was a breath of fresh air.” Stories like "
        "hers matter. We will act (by 2026.) Then we report. She said 'yes.' We went on."
    )
    assert list(sentences(text)) == [
        "One volunteer told us: “Joining the group was a breath of fresh air.”",
        "Stories like hers matter.",
        "We will act (by 2026.)",
        "Then we report.",
        "She said 'yes.'",
        "We went on.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We will fund short breaks for carers, incl. 300 overnight stays each year.",
        "We will fund the Young Carers Service (Reg. No. 1098765) so that every carer is seen.",
        "We will build a carers' centre in Eastdale (est. 2027 opening) with an advice hub.",
        "We will support c. 4,000 carers through the new carers' card.",
    ],
)
def test_a_sentence_is_not_cut_at_a_common_abbreviation(text: str) -> None:
    assert sentences(text) == (text,)
    # A word that merely ends in one still ends its sentence, and so does a capital C.
    assert sentences("It is the best. We will act.") == ("It is the best.", "We will act.")
    assert sentences("We chose Option C. We will build homes.") == (
        "We chose Option C.",
        "We will build homes.",
    )
    # 'etc.' ends a sentence before a capital, and goes on before a lower-case word.
    assert sentences("We will fund hubs etc. We will visit homes.") == (
        "We will fund hubs etc.",
        "We will visit homes.",
    )
    assert sentences("We will fund hubs, visits etc. and more.") == (
        "We will fund hubs, visits etc. and more.",
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("We will open two family hubs.", "commitment"),
        ("Our welfare rights team will run advice sessions in every library.", "commitment"),
        ("Our community nurses will visit every new parent at home.", "commitment"),
        ("Our services will not close this year.", "context"),
        ("We'll reduce smoking by 2030.", "commitment"),
        ("Our ambition is that every child thrives.", "commitment"),
        ("Reducing obesity is a priority for us.", "commitment"),
        ("We have delivered 300 new homes.", "achievement"),
        # The simple past of 'we', regular or not, whatever heading it sits under.
        ("In 2023 we built 200 homes.", "achievement"),
        ("In 2023 we trained 150 new care workers.", "achievement"),
        ("We need more homes.", "context"),
        ("We are proud of what we achieved last year.", "achievement"),
        ("We will no longer fund the breakfast club.", "negated"),
        ("Obesity is not a priority for this plan.", "negated"),
        ("One in four children is overweight.", "context"),
        ("We will discontinue the pilot.", "negated"),
        ("The day centre will no longer be provided.", "negated"),
        # Not doing something, wherever the 'not' sits, and cutting what pays for it.
        ("We will not end rough sleeping: that is for the county council.", "negated"),
        ("We will not address smoking, housing or alcohol in this plan.", "negated"),
        ("We won't reopen the smoking shelters.", "negated"),
        ("We do not plan any new stop smoking service.", "negated"),
        ("We will close the memory clinic and no longer fund dementia support.", "negated"),
        ("We will cut our funding for homelessness services by half.", "negated"),
        ("We will not be able to fund the service.", "negated"),
        ("This plan does not cover housing.", "negated"),
        ("It does not cover stop smoking services, which the county council runs.", "negated"),
        (
            "It does not cover the outlying villages, so we will extend it to every village.",
            "commitment",
        ),
        ("Digital services are outside our remit and we will not be developing them.", "negated"),
        ("We have no plans to work on smoking cessation.", "negated"),
        ("We will not be complacent about waiting times.", "commitment"),
        ("We will not only treat illness but prevent it.", "commitment"),
        # Refusing to cut, close or reduce is a promise; cuts suffered or resisted are not ours.
        ("We will not close any libraries.", "commitment"),
        ("We will not reduce funding for youth services.", "commitment"),
        ("We will not be able to achieve this alone, so we will work with partners.", "commitment"),
        ("Despite cuts to government funding, we will protect frontline services.", "commitment"),
        ("We will cut agency spending by 2 million pounds.", "commitment"),
        ("We do not plan to reduce services.", "context"),
        ("We have no intention of leaving anyone behind.", "context"),
        (
            "Health inequalities are beyond the remit of any one organisation, so we will work "
            "with partners.",
            "commitment",
        ),
        # 'won' is not 'won't'; a past tense inside a promise leaves it a promise.
        ("We won't leave anyone behind.", "context"),
        ("Our ambition is to build on the foundations we created.", "commitment"),
        (
            "Our priority is to reduce waiting times, which we identified as the top concern.",
            "commitment",
        ),
        ("In March, we identified three themes with carers:", "context"),
        ("In March, we identified three themes with carers.", "achievement"),
        ("We will not leave anyone behind.", "commitment"),
        ("We will cut smoking rates by half.", "commitment"),
        # Saying no to something, or ending something harmful, is still a commitment.
        ("We will not tolerate discrimination in any form.", "commitment"),
        ("We will phase out gas boilers in council homes by 2030.", "commitment"),
        ("We will expand stop smoking services.", "commitment"),
        ("Without action, inequalities will not narrow.", "context"),
        # A year in the past is not an achievement of the organisation's.
        ("In 2018, one in four children was overweight.", "context"),
        ("Our achievements include 300 new homes.", "achievement"),
        # An aim qualified by when or for whom is still an aim.
        ("Our aim over the next five years is to halve waiting times.", "commitment"),
        ("Our priority for 2025/26 is to open a family hub.", "commitment"),
        ("Our priority for next year is unclear.", "context"),
        # A passive future promises as much as 'we will'; a forecast does not.
        ("Every smoker will be offered treatment before discharge.", "commitment"),
        ("Staff will be trained in brief advice.", "commitment"),
        ("Costs will be higher next year.", "context"),
        ("Many families will be affected by the rise in energy prices.", "context"),
        # Curly apostrophes read as straight ones.
        ("We’ll open two family hubs.", "commitment"),
        # A statement of fact is context, even about 'our' people and places, and even when
        # it names a date: a projection is not a promise.
        (
            "Life expectancy in our poorest wards is eleven years lower than in our richest.",
            "context",
        ),
        ("28% of our reception-age children are not school ready.", "context"),
        (
            "Our population is ageing: 1 in 5 residents are over 65, and 1 in 4 will be by 2035.",
            "context",
        ),
        # ... but a promise or a target that cites a figure is still a commitment.
        (
            "Reducing obesity is a priority because 31% of our children are overweight.",
            "commitment",
        ),
        ("Smoking will fall to 8% by 2030.", "commitment"),
        ("Full-fibre broadband will reach 95% of homes by 2029.", "commitment"),
    ],
)
def test_sentence_roles(text: str, role: str) -> None:
    assert role_of(text) == role


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Our achievements", "achievement"),
        ("Looking back", "achievement"),
        ("What we achieved last year", "achievement"),
        ("What we will do", "commitment"),
        ("Our priorities for 2030", "commitment"),
        ("Next steps", "commitment"),
        ("What we will no longer fund", "negated"),
        # What a document, a part of it or its body leaves out heads refusals, not promises.
        ("What we will not do", "negated"),
        ("6.5 What this section does not cover", "negated"),
        ("What is not covered", "negated"),
        ("What we will no longer do", "negated"),
        ("Scope of this plan", "context"),
        # ... ending there: what follows says how, and exclusions from school are a subject.
        ("What we will not do alone", "commitment"),
        ("What we will not do in 2025/26", "negated"),
        ("What we will not do and why", "negated"),
        ("Exclusions", "context"),
        ("Background", "context"),
        ("Life expectancy in Riverside", "context"),
    ],
)
def test_headings_read_the_same_cues_as_sentences_and_a_few_of_their_own(
    heading: str, role: str
) -> None:
    assert role_of(heading, "heading") == role


@pytest.mark.parametrize(
    ("text", "item", "role"),
    [
        ("Waiting times for hip replacements are long.", False, "context"),
        ("Waiting times for hip replacements are long.", True, "commitment"),
        ("Expand the stop smoking service.", False, "commitment"),
        ("Our community pharmacists will offer blood pressure checks.", False, "commitment"),
        ("40% of adults are inactive.", True, "context"),
        ("Quicker diagnosis, with 90% of people seen within a week", True, "commitment"),
        # Under a stated priority's heading, a survey's finding was quoted as a commitment.
        (
            "One in five people over 75 told our survey they go a week without a chat.",
            False,
            "context",
        ),
        ("Over 40 per cent of carers say they never get a break.", True, "context"),
        ("Support 1 in 3 carers with a short break.", True, "commitment"),
        ("90% of children will be ready for school, through early years.", True, "commitment"),
        ("Nine in ten families will get a health visitor check.", False, "commitment"),
        # A forecast is how things will be, as a statistic is how they are: a blind tester's
        # 'number of people aged 85 and over will grow by 40%' aligned a plan on ageing well.
        ("The number of people aged 85 and over will grow by 40% by 2035.", False, "context"),
        ("Demand for home care is expected to rise by a fifth.", True, "context"),
        ("We will grow the number of health visitors by 40% by 2030.", False, "commitment"),
        # So is what the organisation, named as itself, says it will not take on.
        ("The county council will not take on a housing role during this period.", True, "negated"),
        ("The council will not tolerate discrimination.", True, "commitment"),
        # A review: targets of the organisation's own, and refusals that are not, stay promises.
        ("The number of apprenticeships we offer will double by 2028.", False, "commitment"),
        ("The number of family hubs will increase from 3 to 12 by 2026.", False, "commitment"),
        ("The ICB will not fund the hubs, so we will fund them ourselves.", False, "commitment"),
        ("We will not take on apprentices without a job offer at the end.", False, "commitment"),
        # A JSNA analyst's: a forecast by its trend, a past act named by its year or by how.
        ("If current trends continue, 33% of adults will be obese by 2030.", True, "context"),
        ("In 2023/24 the smokefree pathway supported 420 pregnant women.", True, "achievement"),
        (
            "Through the Warm Homes programme, which closed in 2024, we insulated 2,100 homes.",
            True,
            "achievement",
        ),
        ("We will not take on the delivery of statutory advocacy contracts.", True, "negated"),
        # A second review: promises beside another body's refusal, outcome targets, a
        # participle after a year, and a past act with a promise after it stay promises.
        ("We will fund two advisers because the ICB will not fund them.", False, "commitment"),
        ("The ICB will not fund the hubs, so the council will fund them.", False, "commitment"),
        (
            "The percentage of children ready for school will rise to 75% by 2028.",
            False,
            "commitment",
        ),
        ("The number of families using our family hubs will double by 2027.", False, "commitment"),
        (
            "In 2026/27 the programme led by public health will reach every school.",
            False,
            "commitment",
        ),
        (
            "With the new funding, we expanded the pilot and will extend it by 2027.",
            False,
            "commitment",
        ),
        ("On current trends the council will extend the pilot to every ward.", False, "commitment"),
    ],
)
def test_what_a_sentence_takes_from_a_commitment_above_it(text: str, item: bool, role: str) -> None:
    assert role_of(text, given="commitment", item=item) == role


def test_any_other_role_above_a_sentence_passes_to_it_whole() -> None:
    assert role_of("Smoking is 12% of adults.", given="achievement", item=False) == "achievement"
    assert role_of("We will open a hub.", given="achievement") == "commitment"


def test_strategy_words_are_not_topical_but_still_name_statements() -> None:
    assert terms("improve outcomes by working together") == []
    assert terms("improve outcomes", topical=False) == ["improv", "outcom"]


def test_everyday_verbs_are_not_terms() -> None:
    # 'people can get support' says nothing about 'make sure families get financial support'
    assert terms("reach people who do not come to us") == ["person", "come"]
    # 'bring empty homes back into use' says nothing about 'help back to work'
    assert "back" not in terms("bring empty homes back into use")
    assert terms("make sure families get the financial support they need") == [
        "famili",
        "financi",
    ]


def test_text_without_sentence_ends_is_cut_at_words_into_sentence_sized_pieces() -> None:
    # A 2 MB line with no full stop was one 'sentence': one quote, one stated priority, of
    # the whole file, and a report of 16 MB.
    from alignck.language import LONGEST_SENTENCE, sentences

    words = [f"word{i % 97}" for i in range(3000)]
    pieces = sentences(" ".join(words) + ". Short one here.")
    assert all(len(piece) <= LONGEST_SENTENCE for piece in pieces)
    # Each cut is marked on both sides, so no piece reads as the whole sentence.
    cut = [piece for piece in pieces if piece != "Short one here."]
    assert cut[0].endswith("…") and not cut[0].startswith("…")
    assert all(piece.startswith("…") and piece.endswith("…") for piece in cut[1:-1])
    assert cut[-1].startswith("…") and cut[-1].endswith(".")
    unmarked = " ".join(pieces).replace("…", "").split()
    assert unmarked == [*words[:-1], f"{words[-1]}.", "Short", "one", "here."]
    assert len(pieces) > 3000 * 6 // LONGEST_SENTENCE
    # A real sentence, however long, is left whole.
    long_but_real = "We will " + ", ".join(f"support group {i}" for i in range(60)) + "."
    assert sentences(long_but_real) == (long_but_real,)


def test_words_read_sub_and_superscript_digits_as_digits_while_quotes_keep_them() -> None:
    from alignck.language import words

    assert words("We will halve CO₂ and PM₂.₅ emissions") == words(
        "We will halve CO2 and PM2.5 emissions"
    )
    assert "co2" in words("CO₂ emissions")


def test_threads_stemming_at_once_each_get_their_own_words() -> None:
    # One stemmer keeps its word in progress on itself: shared by two threads (a web
    # service checking two uploads at once), it raised IndexError or stemmed wrongly.
    import threading

    from alignck import language

    endings = ("ing", "ed", "ion", "ional", "ness", "ities", "ations", "ly", "er")
    words = [w + e for w in ("connect", "relat", "organis", "hop", "generat") for e in endings]
    words *= 200
    expected = [language._stemmer().stemWord(w) for w in words]  # type: ignore[attr-defined]
    failed: list[str] = []

    def stem_all() -> None:
        try:
            got = [language._stemmer().stemWord(w) for w in words]  # type: ignore[attr-defined]
        except Exception as error:  # what the shared stemmer raised
            failed.append(repr(error))
        else:
            if got != expected:
                failed.append("stemmed wrongly")

    threads = [threading.Thread(target=stem_all) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []


def test_initials_joined_by_an_ampersand_are_one_word() -> None:
    # 'A&E' was the letters 'a' and 'e', each too short to be a word: a priority's 'A&E'
    # matched nothing, and validate called it a keyword that matches anything.
    assert terms("A&E waits") == terms("A & E waits") == ["ae", "wait"]
    assert terms("R&D") == ["rd"]
    assert terms("fish & chips") == ["fish", "chip"]
    # In capitals only: in prose, 'a & b' are two letters.
    assert terms("choose a & b") == ["choos"]


def test_a_name_holding_initials_joined_by_an_ampersand_is_still_a_name() -> None:
    from alignck.language import phrase_key
    from alignck.themes import theme_terms

    # 'A&E' was one word to the passage's terms and two to the check for names, which then
    # gave up, and 'Sherwood Forest Hospitals' spoke of forests.
    text = "Sherwood Forest Hospitals will cut A&E waiting times."
    assert theme_terms(phrase_key(text), text) == ()


_CUE_CHARACTERS = st.sampled_from("notw 'a.")


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.text(_CUE_CHARACTERS, min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(_CUE_CHARACTERS, max_size=30),
)
def test_one_search_for_any_cue_finds_exactly_the_texts_holding_one(
    cues: set[str], text: str
) -> None:
    found = re.search(_any_of(cues), text) is not None
    assert found == any(cue in text for cue in cues)


def test_we_do_not_provide_refuses_unless_a_promise_follows() -> None:
    # Under a housing association's commitments, the 0.99 ground of a verdict on rough
    # sleeping its author labelled not addressed.
    refused = "We do not provide supported housing, hostels or services for people sleeping rough."
    assert role_of(refused, given="commitment") == "negated"
    assert role_of("Homelessness prevention is not repeated here.") == "negated"
    but = "We do not run the hospital, but we will support the trust to reduce waiting lists."
    assert role_of(but) == "commitment"
    # Promises said with a 'not' keep the heading's promise.
    for promise in (
        "Ensure people do not fall through the gaps between services.",
        "People are not discharged from hospital without a care plan.",
        "We do not tolerate racism or discrimination in our services.",
    ):
        assert role_of(promise, given="commitment") == "commitment", promise
