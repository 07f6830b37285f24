from alignck.language import phrase_key, terms
from alignck.themes import theme_terms, themes


def _themes(text: str) -> set[str]:
    return set(theme_terms(phrase_key(text)))


def test_a_specific_term_names_its_theme() -> None:
    assert _themes("Cut greenhouse gases from council buildings") == set(terms("climate"))
    assert _themes("Expand the food banks network") == set(terms("poverty"))


def test_care_around_birth_says_pregnancy() -> None:
    assert set(terms("pregnancy")) <= _themes("A perinatal mental health service for mothers")
    assert set(terms("pregnancy")) <= _themes("Our midwives will see every woman by 10 weeks")


def test_terms_match_whole_words_in_order_in_any_inflection() -> None:
    assert _themes("Carbon emissions fell") == set(terms("climate"))
    assert _themes("Emissions of carbon monoxide") == set()
    assert _themes("A schoolyard mural") == set()


def test_a_theme_word_alone_names_no_specific_term() -> None:
    # One way only: 'climate' does not imply 'net zero', so nothing is added.
    assert _themes("We will act on the climate") == set()


def test_one_passage_can_name_several_themes_once_each() -> None:
    found = theme_terms(phrase_key("Obesity and smoking-related disease, tobacco and obese adults"))
    assert sorted(found) == sorted({*terms("weight"), *terms("health"), *terms("smoking")})
    assert len(found) == len(set(found))


def test_every_theme_term_is_reachable_and_is_not_its_own_theme() -> None:
    for theme, members in themes().items():
        for member in members:
            assert set(terms(theme)) <= _themes(member), member
            assert phrase_key(member) != phrase_key(theme), member


def _named(text: str) -> set[str]:
    return set(theme_terms(phrase_key(text), text))


def test_a_one_word_term_inside_a_name_names_no_theme() -> None:
    assert _named("Patients of Sherwood Forest Hospitals were surveyed.") == set()
    assert _named("We will plant a new forest.") == set(terms("biodiversity"))
    assert _named("Forests cover a tenth of the county.") == set(terms("biodiversity"))


def test_a_title_case_heading_is_not_a_name() -> None:
    assert _named("Protecting Our Forests") == set(terms("biodiversity"))
    assert _named("OUR FORESTS") == set(terms("biodiversity"))


def test_a_term_of_several_words_counts_in_a_name() -> None:
    assert _named("Funding from the Net Zero Homes Fund arrived.") == set(terms("climate"))


def test_an_age_over_fifty_for_people_says_older() -> None:
    assert _named("Walking football for people over 60 at every centre.") >= set(terms("older"))
    assert _named("Every patient over 75 admitted after a fall.") == set(terms("older"))
    assert _named("Checks for residents aged 65 and over.") == set(terms("older"))
    assert _named("A club for the over-50s.") == set(terms("older"))
    # The name rule still holds in a passage that names an age.
    assert _named("Patients of Sherwood Forest Hospitals aged 75 and over.") == set(terms("older"))
    # Numbers of things, and children's ages, are not older people.
    assert _named("We will build over 50 new homes.") == set()
    assert _named("Children aged 5 and over can join.") == set()
