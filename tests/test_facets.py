"""Facets: the place names a framework's own name gives, which match nothing."""

import pytest

from alignck.facets import area_names, build_facets, description_parts
from alignck.model import Framework, Priority


def _framework(name: str, *priorities: Priority) -> Framework:
    return Framework(name, "f.yaml", priorities)


def test_the_area_named_in_the_framework_and_its_priorities_is_found() -> None:
    framework = _framework(
        "Northmoor Health and Wellbeing Board priorities",
        Priority("smoke", "A smokefree Northmoor", "Help every smoker in Northmoor to quit."),
        Priority("minds", "Good mental health", "Reduce loneliness in our communities."),
    )
    assert area_names(framework) == {"northmoor"}
    smoke_terms = {t for f in build_facets(framework) if f.priority == 0 for t in f.terms}
    assert "northmoor" not in smoke_terms and "smokefre" in smoke_terms


def test_capitalised_words_that_also_appear_in_lower_case_are_topics() -> None:
    framework = _framework(
        "Healthy Places Partnership",
        Priority("places", "Healthy places for Healthy lives", "Make places healthy."),
    )
    assert area_names(framework) == frozenset()


def test_title_case_priorities_say_nothing_about_names() -> None:
    framework = _framework(
        "Best Start Partnership",
        Priority("start", "Give Every Child the Best Start in Life"),
    )
    assert area_names(framework) == frozenset()


def test_the_area_closing_a_title_case_title_is_found() -> None:
    framework = _framework(
        "Northmoor Joint Health and Wellbeing Strategy",
        Priority("smoke", "Smokefree Northmoor", "Help smokers to quit."),
        Priority("air", "Clean Air"),
    )
    assert area_names(framework) == {"northmoor"}


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("Healthy Lives Partnership", ["Healthy Minds", "Healthy Weight", "Start Well"]),
        ("Better Health Strategy", ["Better Jobs", "Warm Homes"]),
        ("Wellbeing", ["Mental Wellbeing", "Clean Air"]),
        ("Best Start Partnership", ["Best Start for Every Child", "Warm Homes"]),
    ],
)
def test_a_word_the_titles_use_as_a_word_is_no_area(name: str, titles: list[str]) -> None:
    # 'Healthy' opening titles under 'Healthy Lives Partnership' was taken for a place and
    # left out of matching: 'Healthy Minds' went from aligned to a gap.
    priorities = [Priority(f"p{i}", title) for i, title in enumerate(titles)]
    assert area_names(_framework(name, *priorities)) == frozenset()


def test_keywords_and_aliases_keep_the_place_name() -> None:
    framework = _framework(
        "Northmoor Board",
        Priority("smoke", "A smokefree Northmoor", keywords=("Northmoor Quits",)),
    )
    keyword = next(f for f in build_facets(framework) if f.kind == "keyword")
    assert "northmoor" in keyword.terms


def test_short_items_between_semicolons_are_parts_of_their_own() -> None:
    text = "Good-quality, warm homes; clean air; and green spaces everyone can reach."
    assert description_parts(text) == [
        "Good-quality, warm homes;",
        "clean air;",
        "and green spaces everyone can reach.",
    ]
    # Elsewhere a short piece is a fragment of the part before it.
    assert description_parts("Cut smoking in pregnancy. And more.") == [
        "Cut smoking in pregnancy. And more."
    ]


def test_each_fewer_or_more_outcome_is_a_part() -> None:
    text = (
        "Adults live healthier lives: fewer people smoke, more people are a healthy weight "
        "and fewer people drink at harmful levels."
    )
    assert description_parts(text) == [
        "Adults live healthier lives:",
        "fewer people smoke",
        "more people are a healthy weight",
        "fewer people drink at harmful levels.",
    ]
    older = "Older people stay connected and independent, with fewer falls and less loneliness."
    assert description_parts(older)[-1] == "with fewer falls and less loneliness."


def test_a_colon_ends_a_part() -> None:
    text = "Everyone lives well: warm homes for all, with clean air in every street."
    assert description_parts(text)[0] == "Everyone lives well:"


def test_a_description_opening_with_a_list_of_short_names_is_cut_into_them() -> None:
    text = "Warm homes, clean air, green spaces and active travel, with action on climate."
    assert description_parts(text) == [
        "Warm homes",
        "clean air",
        "green spaces and active travel, with action on climate.",
    ]
    # lists of adjectives or of verbs stay whole
    for whole in (
        "Provide safe, non-violent, inclusive and effective learning environments for all.",
        "Everyone will grow, live, work and age in places that promote good health.",
        "By 2030, ensure access for all to adequate, safe and affordable housing.",
    ):
        assert len(description_parts(whole)) == 1, whole
