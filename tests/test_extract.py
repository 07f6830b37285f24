import dataclasses
from pathlib import Path

import pytest
from tests.conftest import within

from alignck.extract import extract, stated_priorities, sub_priorities
from alignck.model import Block, Document, Statement
from alignck.readers import read_document


def _doc(*blocks: tuple[str, str] | tuple[str, str, int] | tuple[str, str, int, str]) -> Document:
    built = []
    trail: list[tuple[int, str]] = []
    for number, spec in enumerate(blocks, start=1):
        kind, text = spec[0], spec[1]
        level = spec[2] if len(spec) > 2 else (1 if kind in ("heading", "list_item") else 0)
        marker = spec[3] if len(spec) > 3 else ("•" if kind == "list_item" else None)
        if kind == "heading":
            while trail and trail[-1][0] >= level:
                trail.pop()
        section = tuple(t for _, t in trail)
        built.append(Block(kind, text, number, None, section, level, marker))  # type: ignore[arg-type]
        if kind == "heading":
            trail.append((level, text))
    return Document("doc.md", "markdown", tuple(built))


def _stated(doc: Document) -> list[str]:
    return [s.text for s in stated_priorities(extract(doc))]


def _markdown(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return path


def _stated_in(path: Path) -> list[str]:
    """Stated priorities of a file read by its real reader."""
    return _stated(read_document(path))


def test_items_under_a_priority_heading() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2), ("list_item", "Warm homes"), ("list_item", "Good jobs")
    )
    assert _stated(doc) == ["Warm homes", "Good jobs"]


def test_items_after_a_lead_in_sentence() -> None:
    doc = _doc(
        ("paragraph", "For the next ten years, we'll focus on:"),
        ("list_item", "improving health in all our communities"),
        ("list_item", "reducing our impact on the environment."),
    )
    assert _stated(doc) == [
        "improving health in all our communities",
        "reducing our impact on the environment",
    ]


def test_ordinary_bullets_are_not_priorities() -> None:
    doc = _doc(
        ("heading", "The survey", 2),
        ("paragraph", "Residents told us:"),
        ("list_item", "2 in 5 people worry about mental health"),
        ("list_item", "less traffic"),
    )
    assert _stated(doc) == []


def test_numbered_headings_and_their_titles() -> None:
    doc = _doc(
        ("heading", "Priority 1: Better mental health", 2),
        ("heading", "Ambition 2 – Warm homes", 2),
        ("heading", "Strategic Objective 3", 2),
        ("paragraph", "Care closer to home"),
        ("paragraph", "We will build teams."),
    )
    assert _stated(doc) == ["Better mental health", "Warm homes", "Care closer to home"]


def test_a_heading_naming_a_range_of_priorities_heads_them() -> None:
    # A deck's slide 'Priorities 1–3' was read as 'Priority 1', named '3': its three
    # priorities, each a heading of its own under it, were lost.
    doc = _doc(
        ("heading", "Priorities 1–3", 1),
        ("heading", "Home first", 2),
        ("paragraph", "We will run a 60-bed virtual ward."),
        ("heading", "Healthy hearts", 2),
        ("paragraph", "We will offer blood pressure checks in every clinic."),
        ("heading", "Our people", 2),
        ("paragraph", "We will recruit 40 apprentice nursing associates."),
    )
    assert _stated(doc) == ["Home first", "Healthy hearts", "Our people"]
    # A name that opens with a figure after the dash is still the priority's name.
    named = _doc(
        ("heading", "Priority 1 – 24/7 mental health crisis support", 2),
        ("heading", "Priority 2 – 16 to 25 year olds into work", 2),
        ("heading", "Priority 3 - 2 year plan for carers", 2),
        ("paragraph", "We will build teams."),
    )
    assert _stated(named) == [
        "24/7 mental health crisis support",
        "16 to 25 year olds into work",
        "2 year plan for carers",
    ]


def test_contact_details_are_no_stated_priority() -> None:
    # A deck's closing slide, read as a list under a heading: its contact line was listed
    # outside the framework as a priority the partner states.
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("list_item", "Warm homes"),
        ("list_item", "Good local jobs"),
        ("list_item", "Promote the NHS App and www.nhs.uk so residents can book online"),
        ("heading", "Thank you", 1),
        ("list_item", "Contact: healthier@northby.example"),
        ("list_item", "Follow us at https://northby.example"),
    )
    # An item that names a site and says more is a priority still.
    assert _stated(doc) == [
        "Warm homes",
        "Good local jobs",
        "Promote the NHS App and www.nhs.uk so residents can book online",
    ]


def test_ordinal_and_pipe_separated_labels_name_their_titles() -> None:
    doc = _doc(
        ("heading", "Our first priority: Healthy places", 2),
        ("heading", "The second ambition – Ageing well", 2),
        ("heading", "Theme 3 | Safer communities", 2),
        ("heading", "First, we will listen", 2),
        ("paragraph", "We will build teams."),
    )
    assert _stated(doc) == ["Healthy places", "Ageing well", "Safer communities"]


def test_sub_headings_under_a_priority_heading() -> None:
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("heading", "Healthy weight", 2),
        ("paragraph", "Text."),
        ("heading", "Clean air", 2),
        ("paragraph", "Text."),
    )
    assert _stated(doc) == ["Healthy weight", "Clean air"]


def test_a_list_under_what_we_will_deliver_is_commitments_that_stand_in() -> None:
    doc = _doc(
        ("heading", "NHS Delivery Plan 2026/27", 1),
        ("heading", "What we will deliver", 2),
        ("list_item", "A weight management service for adults"),
        ("list_item", "Alcohol care teams in every hospital"),
        ("heading", "Our challenges", 2),
        ("paragraph", "Waiting lists are long."),
    )
    found = stated_priorities(extract(doc))
    assert [(s.text, s.kind) for s in found] == [
        ("A weight management service for adults", "commitment"),
        ("Alcohol care teams in every hospital", "commitment"),
    ]


def test_sub_headings_named_our_something_are_priorities_but_not_our_vision() -> None:
    doc = _doc(
        ("heading", "Our strategic objectives", 1),
        ("heading", "Outstanding care", 2),
        ("paragraph", "Text."),
        ("heading", "Our people", 2),
        ("paragraph", "Text."),
        ("heading", "Our approach", 2),
        ("paragraph", "Text."),
        ("heading", "Our plan for the next five years", 2),
        ("paragraph", "Text."),
    )
    assert _stated(doc) == ["Outstanding care", "Our people"]


def test_inline_list_of_themes() -> None:
    doc = _doc(
        (
            "paragraph",
            "The strategy focuses on four themes: Place, Growth, Aspiration "
            "and Wellbeing, which cut across all services.",
        )
    )
    assert _stated(doc) == ["Place", "Growth", "Aspiration", "Wellbeing"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our priorities for 2025/26 are tackling homelessness, improving children's social "
        "care and balancing the budget.",
        "Looking ahead, our priorities for the coming year are tackling homelessness, "
        "improving children's social care and balancing the budget.",
        "Our priorities this year are tackling homelessness, improving children's social care "
        "and balancing the budget.",
        "The council's priorities are tackling homelessness, improving children's social care "
        "and balancing the budget.",
    ],
)
def test_priorities_named_after_a_time_or_another_s_subject(sentence: str) -> None:
    # Each found nothing: only 'Our [two words] priorities are ...' was read.
    assert _stated(_doc(("paragraph", sentence))) == [
        "tackling homelessness",
        "improving children's social care",
        "balancing the budget",
    ]


def test_priorities_described_rather_than_named_are_not_a_list() -> None:
    doc = _doc(("paragraph", "Our priorities for this year are clear, ambitious and achievable."))
    assert "clear" not in _stated(doc)


def test_a_lead_in_under_a_numbered_priority_heading_keeps_its_list_as_the_parts() -> None:
    # The items came out as priorities of their own, beside the heading's.
    doc = _doc(
        ("heading", "Our strategic priorities", 2),
        ("heading", "Priority 1: Start well", 3),
        ("paragraph", "Within this priority we will focus on:"),
        ("list_item", "Maternity care that is safe and personal"),
        ("list_item", "School readiness"),
        ("heading", "Priority 2: Live well", 3),
        ("paragraph", "Within this priority we will focus on:"),
        ("list_item", "Reducing smoking"),
    )
    found = extract(doc)
    assert _stated(doc) == ["Start well", "Live well"]
    assert [(s.text, s.parent) for s in found if s.kind == "sub_priority"] == [
        ("Maternity care that is safe and personal", "Start well"),
        ("School readiness", "Start well"),
        ("Reducing smoking", "Live well"),
    ]


def test_a_thousands_separator_does_not_split_an_item() -> None:
    doc = _doc(
        ("heading", "Strategic objectives", 2),
        ("paragraph", "Objective 1: Deliver 9,000 new homes in well-connected places"),
        ("paragraph", "Objective 2: Protect the green belt"),
    )
    assert _stated(doc) == [
        "Deliver 9,000 new homes in well-connected places",
        "Protect the green belt",
    ]
    themes = _doc(("paragraph", "Our themes are: 1,200 new jobs, safer streets and cleaner air."))
    assert _stated(themes) == ["1,200 new jobs", "safer streets", "cleaner air"]


def test_a_counted_lead_and_a_dash_stand_for_a_colon() -> None:
    doc = _doc(
        ("paragraph", "The Plan is built around three pillars – People, Place and Prosperity.")
    )
    assert _stated(doc) == ["People", "Place", "Prosperity"]
    described = _doc(("paragraph", "Our pillars - strong, fair and green - guide every decision."))
    assert _stated(described) == []


def test_the_title_after_a_numbered_label_is_not_split_at_its_commas() -> None:
    doc = _doc(
        ("heading", "Our shared ambitions", 2),
        ("paragraph", "Ambition one: Every child has the best start in life"),
        ("paragraph", "Ambition two: People live longer, healthier lives"),
    )
    assert _stated(doc) == [
        "Every child has the best start in life",
        "People live longer, healthier lives",
    ]


def test_reference_codes_before_titles_are_dropped() -> None:
    doc = _doc(
        ("heading", "Our strategic objectives", 2),
        ("list_item", "SO1: Improve outcomes in population health"),
        ("list_item", "SO2 – Tackle inequalities in access"),
        ("list_item", "NHS 111: online first"),
    )
    assert _stated(doc) == [
        "Improve outcomes in population health",
        "Tackle inequalities in access",
        "NHS 111: online first",
    ]


def test_section_numbers_before_titles_are_dropped_but_not_figures() -> None:
    # '2.1 Deliver safe care' kept its section number; '1.5 million trees' is a name's figure.
    doc = _doc(
        ("heading", "Our objectives", 2),
        ("heading", "2.1 Deliver safe and high-quality care", 3),
        ("heading", "2.2 Reduce waiting times for planned care", 3),
        ("heading", "1.5 million trees by 2030", 3),
    )
    assert _stated(doc) == [
        "Deliver safe and high-quality care",
        "Reduce waiting times for planned care",
        "1.5 million trees by 2030",
    ]
    # A list item opening on a figure in title case keeps it.
    items = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "2.5 Million Trees Planted by 2030"),
        ("list_item", "Warm Homes for Everyone"),
    )
    assert _stated(items) == ["2.5 Million Trees Planted by 2030", "Warm Homes for Everyone"]


def test_a_target_with_a_percentage_is_a_priority_but_a_figure_is_not() -> None:
    doc = _doc(
        ("heading", "Our goals", 2),
        ("paragraph", "By 2030 we want to:"),
        ("list_item", "cut smoking to 5%"),
        ("list_item", "31% of children live in poverty"),
        ("list_item", "halve the gap in life expectancy"),
    )
    assert _stated(doc) == ["cut smoking to 5%", "halve the gap in life expectancy"]


def test_title_paragraphs_each_over_their_text_under_a_priority_heading() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "Thriving communities"),
        ("paragraph", "We will work with residents to make neighbourhoods safer."),
        ("paragraph", "Healthy lives"),
        ("paragraph", "We want everyone to live a healthy life."),
        ("heading", "Background", 2),
        ("paragraph", "Our area"),
        ("paragraph", "The borough has 120,000 residents."),
        ("paragraph", "Our history"),
        ("paragraph", "The town grew around its mills."),
    )
    assert _stated(doc) == ["Thriving communities", "Healthy lives"]


def test_infinitive_list_in_a_sentence() -> None:
    doc = _doc(
        (
            "paragraph",
            "Our plan looks to improve health; to build more homes; to reduce "
            "crime; and to protect green spaces.",
        )
    )
    assert _stated(doc) == [
        "improve health",
        "build more homes",
        "reduce crime",
        "protect green spaces",
    ]


def test_named_as_a_priority() -> None:
    doc = _doc(
        (
            "paragraph",
            "Giving children the best start in life is a priority that we can all sign up to.",
        )
    )
    assert _stated(doc) == ["Giving children the best start in life"]


def test_commitments_stand_in_when_nothing_is_listed() -> None:
    doc = _doc(
        ("paragraph", "We are proud of last year. We will insulate 300 homes by 2027."),
        ("paragraph", "We are committed to a new leisure centre."),
    )
    statements = extract(doc)
    assert [s.kind for s in statements] == ["commitment", "commitment"]
    assert _stated(doc) == [
        "We will insulate 300 homes by 2027.",
        "We are committed to a new leisure centre.",
    ]


def test_what_a_plan_says_it_will_not_do_is_not_among_its_commitments() -> None:
    # A JSNA analyst found 'We will not reopen ...' listed by 'extract --commitments' while
    # check read it as withdrawn: the two now agree.
    doc = _doc(
        ("paragraph", "We will not reopen the minor injuries unit at the community hospital."),
        ("paragraph", "We will no longer fund the district's sports grants from 2026."),
        ("paragraph", "We will open two urgent treatment centres by 2027."),
        # A review: what check reads as a promise, or withdraws by a broader cue, stays.
        ("paragraph", "We will not tolerate discrimination in any of our services."),
        ("paragraph", "We will decommission paper referrals and move every one online."),
    )
    texts = [s.text for s in extract(doc) if s.kind == "commitment"]
    assert texts == [
        "We will open two urgent treatment centres by 2027.",
        "We will not tolerate discrimination in any of our services.",
        "We will decommission paper referrals and move every one online.",
    ]


def test_listed_priorities_hide_commitments_and_duplicates_collapse() -> None:
    doc = _doc(
        ("paragraph", "Our aims are:"),
        ("list_item", "Improve outcomes"),
        ("paragraph", "The strategy sets out our aims:"),
        ("list_item", "improving outcomes", 1, "1."),
        ("paragraph", "We will report every year."),
    )
    assert _stated(doc) == ["Improve outcomes"]


def test_commitments_that_differ_in_their_figures_are_two_not_a_duplicate() -> None:
    # 'build 500 homes by 2030' was dropped as a rewording of 'build 200 homes by 2026':
    # the targets are the substance.
    doc = _doc(
        ("paragraph", "We will build 200 affordable homes by 2026."),
        ("paragraph", "We will build 500 affordable homes by 2030."),
        ("paragraph", "We will build 200 affordable homes by 2026."),
    )
    texts = [s.text for s in extract(doc) if s.kind == "commitment"]
    assert texts == [
        "We will build 200 affordable homes by 2026.",
        "We will build 500 affordable homes by 2030.",
    ]


def test_statement_locations() -> None:
    doc = _doc(("heading", "Our priorities", 2), ("list_item", "Warm homes"))
    statement = stated_priorities(extract(doc))[0]
    assert statement.location.paragraph == 2
    assert statement.location.section == "Our priorities"


def test_flattened_lists_split_where_an_item_introduces_the_next_ones() -> None:
    # Word and PDF often lose list nesting: the measures under an item ending with ':' are
    # not priorities of the lead-in that introduced the first items.
    doc = _doc(
        ("paragraph", "Our approach will focus on:"),
        ("list_item", "Better networks", 1, "1."),
        ("list_item", "Regeneration", 1, "2."),
        ("list_item", "The network strategy will involve:", 1, "3."),
        ("list_item", "managing street works", 1, "•"),
        ("list_item", "parking strategy", 1, "•"),
    )
    assert _stated(doc) == ["Better networks", "Regeneration"]


def test_a_change_from_numbers_to_bullets_starts_a_new_list() -> None:
    doc = _doc(
        ("paragraph", "Our priorities are:"),
        ("list_item", "Warm homes", 1, "1."),
        ("list_item", "a point that is not a priority", 1, "•"),
    )
    assert _stated(doc) == ["Warm homes"]


def test_items_after_we_will_are_commitments_not_stated_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Warm homes"),
        ("paragraph", "Over the next four years we will:"),
        ("list_item", "open eight family hubs"),
    )
    statements = extract(doc)
    assert [(s.text, s.kind) for s in statements] == [
        ("Warm homes", "priority"),
        ("open eight family hubs", "commitment"),
    ]


def test_numbered_sub_headings_lose_their_numbers() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("heading", "1. Starting well", 3),
        ("paragraph", "Text."),
        ("heading", "2. Ageing well", 3),
    )
    assert _stated(doc) == ["Starting well", "Ageing well"]


def test_the_last_item_of_an_inline_list_splits_at_its_and() -> None:
    doc = _doc(
        (
            "paragraph",
            "We have three areas of focus: mental health, healthy weight and tackling loneliness.",
        )
    )
    assert _stated(doc) == ["mental health", "healthy weight", "tackling loneliness"]


def test_priorities_listed_after_are_without_a_colon() -> None:
    doc = _doc(
        (
            "paragraph",
            "Our vision is a fairer borough. Our three priorities are a thriving economy, "
            "safe and clean streets, and healthy residents.",
        )
    )
    assert _stated(doc) == ["a thriving economy", "safe and clean streets", "healthy residents"]


def test_adjectives_after_our_priorities_are_are_not_a_list() -> None:
    doc = _doc(("paragraph", "Our priorities are clear, ambitious and achievable."))
    assert _stated(doc) == []


def test_bold_run_in_headings_under_a_priority_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _markdown(
        tmp_path,
        "## Our priorities\n\n**Warm homes.** We will insulate 1,000 homes.\n\n"
        "**Good work** – helping people into jobs.\n\n"
        "## Our partners\n\n**The council** leads. **The trust** supports.\n\n"
        "**Volunteers** help too.\n",
    )
    assert _stated_in(path) == ["Warm homes", "Good work"]


def test_one_bold_lead_alone_is_not_a_list_of_priorities(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _markdown(tmp_path, "## Our priorities\n\n**In short**, we will focus on prevention.\n")
    assert "In short" not in _stated_in(path)


def test_a_listed_priority_is_named_by_its_bold_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _markdown(
        tmp_path,
        "## Our priorities\n\n- **Start well**: every child ready for school\n"
        "- **Age well**: independence for longer\n",
    )
    assert _stated_in(path) == ["Start well", "Age well"]


def test_a_ranked_priority_named_in_a_sentence() -> None:
    doc = _doc(
        (
            "paragraph",
            "Our first priority is reducing child poverty. Our main ambition is to improve "
            "air quality. Our first meeting is in May.",
        )
    )
    assert _stated(doc) == ["reducing child poverty", "improve air quality"]


def test_a_ranked_priority_named_after_a_clause_or_with_who_chose_it() -> None:
    # A tester's strategy stated its third and fourth priorities so, and both were missed.
    doc = _doc(
        (
            "paragraph",
            "Many carers go unseen, and so our third priority is to reach carers earlier. "
            "The fourth priority we have set ourselves is tackling food insecurity. "
            # What others said, what was turned down, history and what is no longer an aim.
            "For young people, the top priority is mental health support in schools. "
            "The first priority we rejected is building a new car park. "
            "In 2019, the first aim was to open a stadium. "
            "The main aim is no longer to build a stadium.",
        )
    )
    assert _stated(doc) == ["reach carers earlier", "tackling food insecurity"]


def test_numbered_headings_that_set_an_objective() -> None:
    doc = _doc(
        ("heading", "1. Introduction", 2),
        ("paragraph", "This plan runs to 2030."),
        ("heading", "2. Provide a reliable, resilient transport system", 2),
        ("paragraph", "We will keep roads in good repair."),
        ("heading", "3. Delivering the plan", 2),
    )
    assert _stated(doc) == ["Provide a reliable, resilient transport system"]


def test_numbered_headings_beside_an_objective_are_objectives_too() -> None:
    doc = _doc(
        ("heading", "Five-year plan", 1),
        ("heading", "1. Prevent cardiovascular disease", 2),
        ("paragraph", "Pharmacies will check blood pressure."),
        ("heading", "2. Faster urgent and emergency care", 2),
        ("paragraph", "We will cut handover delays."),
        ("heading", "3. Financial balance", 2),
        ("paragraph", "We will halve agency spending."),
    )
    assert _stated(doc) == [
        "Prevent cardiovascular disease",
        "Faster urgent and emergency care",
        "Financial balance",
    ]


@pytest.mark.parametrize(
    "heading",
    ["What we want to achieve", "Where we will focus", "Our promises to you", "What matters most"],
)
def test_headings_that_introduce_priorities_without_the_word(heading: str) -> None:
    doc = _doc(("heading", heading, 2), ("list_item", "Warm homes"), ("list_item", "Good jobs"))
    assert _stated(doc) == ["Warm homes", "Good jobs"]


def test_a_list_under_our_values_is_not_priorities() -> None:
    doc = _doc(("heading", "Our values", 2), ("list_item", "Compassion"), ("list_item", "Respect"))
    assert _stated(doc) == []


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_run_in_headings_are_found_in_every_format(make_document, suffix: str) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        f"plan{suffix}",
        [
            ("h1", "Westshire Council Plan"),
            ("h2", "Our priorities"),
            ("lead", ("Warm homes.", "We will insulate 1,000 homes by 2028.")),
            ("lead", ("Good jobs:", "we will create 500 apprenticeships.")),
            ("h2", "Delivery"),
            ("p", "The cabinet reviews progress each quarter."),
        ],
    )
    assert _stated_in(path) == [
        "Warm homes",
        "Good jobs",
    ]


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_priorities_in_a_table_column_headed_priority(make_document, suffix: str) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Delivery"),
            ("table", [["Priority", "What we will do"], ["Start well", "Family hubs"]]),
            ("p", "Between the tables."),
            ("table", [["Outcome measure", "Target"], ["Smoking rate", "5%"]]),
            ("table", [["Priority 1", "Age well"], ["Priority 2", "Live well"]]),
        ],
    )
    assert _stated_in(path) == [
        "Start well",
        "Age well",
        "Live well",
    ]


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_numbered_priorities_down_a_table_column_are_named_without_their_number(  # type: ignore[no-untyped-def]
    make_document, suffix: str
) -> None:
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Contents"),
            (
                "table",
                [
                    ["Section", "Page"],
                    ["Introduction", "2"],
                    ["Priority Outcome One – Feeling connected", "4"],
                    ["Priority Outcome Two – Good advice", "7"],
                ],
            ),
            ("h2", "Delivery"),
            (
                "table",
                [
                    ["Priority", "Lead"],
                    ["Priority 1 – Warm homes", "Council"],
                    ["Priority 2 – Clean air", "ICB"],
                ],
            ),
            ("h2", "Notes"),
            ("table", [["Item", "Note"], ["Aim 1: a remark on its own", "Kept as a cell"]]),
        ],
    )
    # A contents table's page numbers are navigation, dropped: nothing else of its row.
    assert _bodies_in(path) == {
        "Feeling connected": [],
        "Good advice": [],
        "Warm homes": ["Council"],
        "Clean air": ["ICB"],
    }


def _bodies_in(path: Path) -> dict[str, list[str]]:
    """Each stated priority of a file with the text of the cells that are the rest of it."""
    document = read_document(path)
    text = {block.number: block.text for block in document.blocks}
    return {s.text: [text[n] for n in s.body] for s in stated_priorities(extract(document))}


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_a_priority_named_in_a_table_holds_the_rest_of_its_row_or_column(  # type: ignore[no-untyped-def]
    make_document, suffix: str
) -> None:
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Delivery"),
            (
                "table",
                [["Priority", "What we will do", "Lead"], ["Start well", "Family hubs", "ICB"]],
            ),
            ("h2", "Our priorities"),
            (
                "table",
                [
                    ["Live well", "Age better"],
                    [
                        "Fewer people smoke and more people are active in every part of the county",
                        "Older people live independently at home for longer than they do today",
                    ],
                ],
            ),
        ],
    )
    assert _bodies_in(path) == {
        "Start well": ["Family hubs", "ICB"],
        "Live well": ["Fewer people smoke and more people are active in every part of the county"],
        "Age better": ["Older people live independently at home for longer than they do today"],
    }


def test_a_priority_named_beside_its_number_or_in_a_first_column_holds_the_rest_of_its_row() -> (
    None
):
    doc = Document(
        "plan.md",
        "markdown",
        (
            Block("table_cell", "Priority 1", 1, cell=(0, 0)),
            Block("table_cell", "Age well", 2, cell=(0, 1)),
            Block("table_cell", "Falls service", 3, cell=(0, 2)),
            Block("heading", "Our priorities", 4, level=2),
            Block("table_cell", "Area", 5, cell=(0, 0)),
            Block("table_cell", "What we will do", 6, cell=(0, 1)),
            Block("table_cell", "Start well", 7, cell=(1, 0)),
            Block("table_cell", "Open four family hubs", 8, cell=(1, 1)),
            Block("table_cell", "Live well", 9, cell=(2, 0)),
            Block("table_cell", "", 10, cell=(2, 1)),
        ),
    )
    bodies = {s.text: s.body for s in stated_priorities(extract(doc))}
    assert bodies == {"Age well": (3,), "Start well": (8,), "Live well": ()}


def test_a_list_item_is_named_by_its_words_before_a_dash() -> None:
    doc = _doc(
        ("paragraph", "Key priorities:"),
        ("list_item", "Best start in life – every child thrives from pregnancy onwards."),
        ("list_item", "Healthy weight – we will make the healthy choice the easy choice."),
        ("list_item", "Joined-up care"),
    )
    assert _stated(doc) == ["Best start in life", "Healthy weight", "Joined-up care"]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx", ".pdf", ".html"])
def test_a_list_item_is_named_by_its_words_before_a_full_stop(make_document, suffix: str) -> None:  # type: ignore[no-untyped-def]
    # A target in the explanation ('below 5%') does not make the item a statistic.
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Our priorities"),
            (
                "ol",
                [
                    "Workforce. We will reduce staff vacancies to below 5% by 2027.",
                    "Digital care. We will offer 40% of outpatient appointments by video.",
                    "We will grow. Our plan says how we will do it.",
                    "Smoking is still common. We will fund a stop smoking service.",
                    "St. Mary's Hospital becomes a centre of excellence for stroke care",
                ],
            ),
        ],
    )
    assert _stated_in(path) == [
        "Workforce",
        "Digital care",
        "We will grow. Our plan says how we will do it",
        "Smoking is still common. We will fund a stop smoking service",
        "St. Mary's Hospital becomes a centre of excellence for stroke care",
    ]


def test_a_short_item_with_a_dash_in_its_name_stays_whole() -> None:
    doc = _doc(("heading", "Our ambitions", 2), ("list_item", "Safe – and clean"))
    assert _stated(doc) == ["Safe – and clean"]


def test_items_under_a_heading_that_leads_in() -> None:
    doc = _doc(
        ("heading", "We will focus on three areas:", 2),
        ("list_item", "Prevention and early help"),
        ("list_item", "Tackling health inequalities"),
    )
    assert _stated(doc) == ["Prevention and early help", "Tackling health inequalities"]


def test_an_inline_list_separated_by_semicolons() -> None:
    doc = _doc(
        (
            "paragraph",
            "The partnership has agreed these priorities for 2025/26: reducing serious "
            "violence; tackling domestic abuse; and preventing anti-social behaviour.",
        ),
    )
    assert _stated(doc) == [
        "reducing serious violence",
        "tackling domestic abuse",
        "preventing anti-social behaviour",
    ]


def test_a_semicolon_after_a_comma_list_ends_it() -> None:
    doc = _doc(
        ("paragraph", "Our themes are: place, growth and wellbeing; we report on them yearly."),
    )
    assert _stated(doc) == ["place", "growth", "wellbeing"]


def test_an_infinitive_list_after_a_qualified_lead() -> None:
    doc = _doc(
        (
            "paragraph",
            "Our shared ambitions for 2024 to 2027 are to reduce loneliness among older "
            "people, to strengthen community groups and to tackle food poverty.",
        ),
    )
    assert _stated(doc) == [
        "reduce loneliness among older people",
        "strengthen community groups",
        "tackle food poverty",
    ]


def test_one_paragraph_read_by_two_rules_gives_one_name(tmp_path: Path) -> None:
    path = _markdown(
        tmp_path,
        "# Compact\n\n## Themes\n\n"
        "**Theme A: Connected communities** – bringing people together.\n\n"
        "**Theme B: Fairer futures** – tackling the causes of poverty.\n",
    )
    assert _stated_in(path) == ["Connected communities", "Fairer futures"]


def test_promises_listed_under_a_priority_heading_are_its_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "We will give every child the best start in life"),
        ("list_item", "We will make our streets cleaner and safer"),
        ("paragraph", "Reducing reoffending remains a priority for all partners."),
    )
    assert _stated(doc) == [
        "We will give every child the best start in life",
        "We will make our streets cleaner and safer",
        "Reducing reoffending",
    ]


def test_promises_under_one_numbered_priority_are_its_actions() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Healthy lives"),
        ("list_item", "Good jobs"),
        ("heading", "Priority 1: Healthy lives", 2),
        ("list_item", "We will open two family hubs"),
    )
    statements = extract(doc)
    assert _stated(doc) == ["Healthy lives", "Good jobs"]
    assert [s.kind for s in statements if s.text.startswith("We will open")] == ["commitment"]


def test_headings_after_a_lead_in_sentence() -> None:
    doc = _doc(
        ("paragraph", "The plan has four key themes:"),
        ("heading", "Thriving places", 3),
        ("paragraph", "Text about places."),
        ("heading", "Healthy people", 3),
        ("heading", "Delivering the plan", 2),
        ("heading", "Governance", 3),
    )
    assert _stated(doc) == ["Thriving places", "Healthy people"]


def test_headings_after_a_counted_lead_in_stop_at_the_count() -> None:
    doc = _doc(
        ("paragraph", "Our plan has 2 strategic priorities:"),
        ("heading", "Thriving places", 3),
        ("heading", "Healthy people", 3),
        ("heading", "Delivering the plan", 3),
    )
    assert _stated(doc) == ["Thriving places", "Healthy people"]


def test_a_bold_name_is_not_a_statistic_because_its_explanation_has_one() -> None:
    doc = _doc(
        ("heading", "Our commitments to you", 2),
        ("list_item", "Answer calls quickly. We will answer 90% of calls within a minute."),
        ("list_item", "Be open. We will publish our spending."),
        ("list_item", "12% of homes are privately rented"),
    )
    blocks = list(doc.blocks)
    for i in (1, 2):
        blocks[i] = dataclasses.replace(blocks[i], lead=blocks[i].text.split(".")[0])
    doc = dataclasses.replace(doc, blocks=tuple(blocks))
    assert _stated(doc) == ["Answer calls quickly", "Be open"]


def test_a_numbered_label_before_a_dash_is_not_the_name() -> None:
    doc = _doc(
        ("heading", "Our strategic aims", 2),
        ("list_item", "Aim one – improve outcomes in population health"),
        ("list_item", "Aim two – tackle unequal access to services"),
    )
    assert _stated(doc) == [
        "improve outcomes in population health",
        "tackle unequal access to services",
    ]


def test_a_label_qualified_by_a_capitalised_word_is_not_the_name() -> None:
    # 'Community Aim 1', 'Public Priority 2': the label may carry its own adjective.
    doc = _doc(
        ("paragraph", "The board has agreed three aims for the next four years:", 2),
        ("list_item", "Community Aim 1 – Help older people stay independent at home."),
        ("list_item", "Community Aim 2 – Cut the time families wait for a school place."),
        ("list_item", "Community Aim 3 – Make every park safe to walk in after dark."),
    )
    assert _stated(doc) == [
        "Help older people stay independent at home",
        "Cut the time families wait for a school place",
        "Make every park safe to walk in after dark",
    ]


def test_a_lower_case_phrase_before_the_label_is_not_a_label() -> None:
    from alignck.extract._common import numbered_label

    assert numbered_label("Reducing crime is priority one: now") is None
    assert numbered_label("Public Priority 3 – Improve trust") is not None


def _nested_list_files(tmp_path: Path) -> list[Path]:
    """'1. Healthy lives' with two sub-bullets, then '2. Good homes', in three formats."""
    import docx
    from fpdf import FPDF

    markdown = tmp_path / "nested.md"
    markdown.write_text(
        "## Our priorities\n\n1. Healthy lives\n    - stop smoking\n    - move more\n"
        "2. Good homes\n",
        encoding="utf-8",
    )
    word = docx.Document()
    word.add_heading("Our priorities", 2)
    word.add_paragraph("Healthy lives", style="List Number")
    word.add_paragraph("stop smoking", style="List Bullet 2")
    word.add_paragraph("move more", style="List Bullet 2")
    word.add_paragraph("Good homes", style="List Number")
    word.save(str(tmp_path / "nested.docx"))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.start_section("Our priorities")
    pdf.cell(0, 10, "Our priorities", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for indent, marker, text in [
        (20, "1.", "Healthy lives"),
        (30, "-", "stop smoking"),
        (30, "-", "move more"),
        (20, "2.", "Good homes"),
    ]:
        pdf.set_x(indent)
        pdf.cell(6, 6, marker)
        pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "nested.pdf"))
    return [tmp_path / f"nested.{suffix}" for suffix in ("md", "docx", "pdf")]


def test_sub_items_under_a_numbered_item_do_not_end_the_list(tmp_path: Path) -> None:
    for path in _nested_list_files(tmp_path):
        assert _stated_in(path) == ["Healthy lives", "Good homes"], path.suffix


def test_a_priority_section_that_opens_with_any_lead_in_lists_its_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "They are:"),
        ("list_item", "Safer neighbourhoods"),
        ("heading", "Our key ambitions", 2),
        ("paragraph", "Working with partners, we will make sure that:"),
        ("list_item", "every child is ready for school"),
        ("heading", "Our values", 2),
        ("paragraph", "We are:"),
        ("list_item", "Open"),
    )
    assert [(s.text, s.kind) for s in extract(doc) if s.rule.startswith("list")] == [
        ("Safer neighbourhoods", "priority"),
        ("every child is ready for school", "priority"),
    ]


def test_actions_later_in_a_priority_section_stay_commitments() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Healthy lives"),
        ("list_item", "Good homes"),
        ("paragraph", "Both need investment."),
        ("paragraph", "To deliver them, we will:"),
        ("list_item", "recruit forty health visitors"),
        ("heading", "Priority 1: Healthy lives", 2),
        ("paragraph", "We will:"),
        ("list_item", "open two family hubs"),
    )
    statements = extract(doc)
    assert _stated(doc) == ["Healthy lives", "Good homes"]
    kinds = {s.text: s.kind for s in statements}
    assert kinds["recruit forty health visitors"] == kinds["open two family hubs"] == "commitment"


def test_priorities_set_out_below_are_read_as_after_a_colon() -> None:
    doc = _doc(
        ("paragraph", "Our vision is a fairer town. Our priorities are set out below."),
        ("heading", "Health and care", 3),
        ("heading", "Education and skills", 3),
        ("paragraph", "The ambitions we agreed are as follows."),
        ("list_item", "Cleaner air"),
        ("list_item", "Safer roads"),
        ("paragraph", "Our priorities were set in 2020 and are reviewed below."),
        ("list_item", "a review note"),
    )
    assert _stated(doc) == [
        "Health and care",
        "Education and skills",
        "Cleaner air",
        "Safer roads",
    ]


def test_priorities_named_in_order_after_a_count() -> None:
    doc = _doc(
        (
            "paragraph",
            "The strategy has three aims. The first is to give every child the best start "
            "in life. The second is to help adults live healthier lives.",
        ),
        ("paragraph", "The third is to support older people to stay independent."),
        ("paragraph", "We met twice. The first is a record of the meeting."),
    )
    assert _stated(doc) == [
        "give every child the best start in life",
        "help adults live healthier lives",
        "support older people to stay independent",
    ]


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_entries_under_a_priority_heading_without_list_markers(make_document, suffix: str) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        f"plan{suffix}",
        [
            ("h1", "Westshire Council Plan"),
            ("h2", "Our priorities"),
            ("p", "Start well: every child ready for school by the age of five."),
            ("p", "Live well – people in good work and warm, affordable homes."),
            ("p", "Age well: older residents living independently for longer."),
            ("h2", "Delivery"),
            ("p", "Governance: the cabinet reviews progress each quarter."),
            ("p", "Funding: the plan is paid for from the general fund."),
        ],
    )
    assert _stated_in(path) == ["Start well", "Live well", "Age well"]


def test_names_alone_under_a_priority_heading_after_an_introduction() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "We have agreed three priorities with residents."),
        ("paragraph", "1 Start well"),
        ("paragraph", "2 Live well"),
        ("paragraph", "3 Age well"),
    )
    assert _stated(doc) == ["Start well", "Live well", "Age well"]


def test_one_labelled_paragraph_under_a_priority_heading_is_not_a_list() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "In short: prevention comes first in everything we do here."),
        ("paragraph", "This reflects what residents told us in the survey last year."),
    )
    assert _stated(doc) == []


def test_a_label_that_is_only_the_word_priority_is_not_the_name() -> None:
    doc = _doc(
        ("heading", "Priorities", 2),
        ("paragraph", "Priority: Best start in life. Every child ready for school."),
        ("paragraph", "Priority: Healthy places. Warm homes and clean air."),
        ("heading", "Our themes", 2),
        ("list_item", "Theme: thriving town centres for everyone"),
        ("list_item", "Theme: safe and clean streets in every ward"),
    )
    assert _stated(doc) == [
        "Best start in life",
        "Healthy places",
        "thriving town centres for everyone",
        "safe and clean streets in every ward",
    ]


@pytest.mark.parametrize("header", ["Priority area", "Focus areas", "Our missions", "Workstream"])
def test_table_columns_headed_by_other_names_for_priorities(header: str) -> None:
    doc = Document(
        "plan.md",
        "markdown",
        (
            Block("table_cell", header, 1, cell=(0, 0)),
            Block("table_cell", "Lead", 2, cell=(0, 1)),
            Block("table_cell", "Warm homes", 3, cell=(1, 0)),
            Block("table_cell", "Housing team", 4, cell=(1, 1)),
        ),
    )
    assert _stated(doc) == ["Warm homes"]


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_first_column_of_a_table_under_a_priority_heading(make_document, suffix: str) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Our priorities"),
            (
                "table",
                [
                    ["Area", "What we will do"],
                    ["Start well", "Open four family hubs"],
                    ["Live well", "Insulate 1,000 homes"],
                ],
            ),
            ("h2", "Delivery"),
            ("table", [["Board", "Meets monthly"], ["Cabinet", "Meets weekly"]]),
        ],
    )
    assert _stated_in(path) == ["Start well", "Live well"]


@pytest.mark.parametrize("suffix", [".md", ".docx", ".html"])
def test_a_priority_column_after_the_first_is_the_only_one_read(  # type: ignore[no-untyped-def]
    make_document, suffix: str
) -> None:
    # 'Outcome we want | Priority': the Priority column was read, and the first column too,
    # its header 'Outcome we want' a stated priority (a review of init --from found it).
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Our priorities"),
            (
                "table",
                [
                    ["Outcome we want", "Priority"],
                    ["More older people stay independent at home", "Healthy ageing"],
                    ["Fewer households live in fuel poverty", "Warm homes"],
                ],
            ),
        ],
    )
    assert _stated_in(path) == ["Healthy ageing", "Warm homes"]


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_a_header_row_of_one_word_labels_is_no_priority_of_the_first_column(  # type: ignore[no-untyped-def]
    make_document, suffix: str
) -> None:
    # 'Cymraeg | English' over the names in both languages: 'Cymraeg' was a stated priority.
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Our priorities"),
            (
                "table",
                [
                    ["Cymraeg", "English"],
                    ["Cartrefi cynnes a fforddiadwy", "Warm and affordable homes"],
                    ["Cymunedau diogel", "Safe communities"],
                ],
            ),
        ],
    )
    assert _stated_in(path) == ["Cartrefi cynnes a fforddiadwy", "Cymunedau diogel"]


def test_a_first_row_naming_one_word_beside_what_it_means_is_a_priority() -> None:
    doc = Document(
        "plan.md",
        "markdown",
        (
            Block("heading", "Our priorities", 1, level=2),
            Block("table_cell", "Housing", 2, cell=(0, 0)),
            Block("table_cell", "We will build 500 homes.", 2, cell=(0, 1)),
            Block("table_cell", "Good jobs", 3, cell=(1, 0)),
            Block("table_cell", "We will fund 100 apprenticeships.", 3, cell=(1, 1)),
        ),
    )
    assert [s.text for s in extract(doc) if s.kind == "priority"] == ["Housing", "Good jobs"]


def test_a_table_of_sentences_under_a_priority_heading_names_nothing() -> None:
    doc = Document(
        "plan.md",
        "markdown",
        (
            Block("heading", "Our priorities", 1, level=2),
            Block("table_cell", "We will open hubs.", 2, cell=(0, 0)),
            Block("table_cell", "We will insulate homes.", 3, cell=(1, 0)),
        ),
    )
    assert [s.text for s in extract(doc) if s.kind == "priority"] == []


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf", ".html"])
def test_header_row_of_a_table_under_a_priority_heading(make_document, suffix: str) -> None:  # type: ignore[no-untyped-def]
    path = make_document(
        f"plan{suffix}",
        [
            ("h2", "Our priorities"),
            (
                "table",
                [
                    ["Start well", "Live well", "Age well"],
                    [
                        "Every child is ready for school by the age of five",
                        "Fewer people smoke and more people are active",
                        "Older people live independently for longer",
                    ],
                ],
            ),
            ("h2", "Delivery"),
            ("p", "The board meets quarterly."),
        ],
    )
    assert _stated_in(path) == ["Start well", "Live well", "Age well"]


@pytest.mark.parametrize(
    "header",
    [
        ["Measure", "Baseline", "Target"],  # column labels, not priorities
        ["Start well", "What we will do"],  # one label is generic
        ["Start well", "Live well"],  # nothing below
    ],
)
def test_a_header_row_of_column_labels_names_nothing(header: list[str]) -> None:
    cells = [Block("table_cell", text, i + 2, cell=(0, i)) for i, text in enumerate(header)]
    if header != ["Start well", "Live well"]:
        cells += [
            Block(
                "table_cell", "Every child is ready for school by the age of five.", 9, cell=(1, 0)
            ),
            Block(
                "table_cell",
                "Fewer people smoke, and more are active, than in 2024.",
                10,
                cell=(1, 1),
            ),
        ]
    doc = Document(
        "plan.md",
        "markdown",
        (Block("heading", "Our priorities", 1, level=2), *cells),
    )
    assert [s.text for s in extract(doc) if s.kind == "priority"] == []


# The failure kinds of issue 14, on documents we write ourselves.


def test_a_plain_line_naming_priorities_heads_the_bullets_under_it() -> None:
    doc = _doc(
        ("heading", "Introduction", 1),
        ("paragraph", "Reducing loneliness is a priority for the council."),
        ("paragraph", "This plan sets out how the council will work to 2030."),
        ("paragraph", "Our objectives"),
        ("list_item", "Safer neighbourhoods"),
        ("list_item", "Affordable homes for local families"),
        ("list_item", "A thriving town centre"),
    )
    assert _stated(doc) == [
        "Reducing loneliness",
        "Safer neighbourhoods",
        "Affordable homes for local families",
        "A thriving town centre",
    ]


def test_a_lead_in_sentence_with_name_and_explanation_items_gives_the_names() -> None:
    doc = _doc(
        ("heading", "Looking ahead", 1),
        ("paragraph", "We have three aims:"),
        ("list_item", "Healthy minds – support that is there when people first need it"),
        ("list_item", "Warm homes – fewer households in fuel poverty each winter"),
        ("list_item", "Good work – more residents in secure, well-paid jobs"),
    )
    assert _stated(doc) == ["Healthy minds", "Warm homes", "Good work"]


def test_a_priority_heading_followed_by_a_sub_heading_naming_it() -> None:
    doc = _doc(
        ("heading", "Priority 1", 2),
        ("heading", "Children get the best start in life", 3),
        ("paragraph", "We will open family hubs in every ward."),
        ("heading", "Priority 2", 2),
        ("heading", "Older people stay independent for longer", 3),
        ("paragraph", "We will expand reablement."),
    )
    assert _stated(doc) == [
        "Children get the best start in life",
        "Older people stay independent for longer",
    ]


def test_run_in_field_labels_are_not_priorities() -> None:
    doc = _doc(
        ("heading", "Our priority programmes", 1),
        ("paragraph", "Programme: Healthy homes for every tenant in the borough"),
        ("paragraph", "Description: repairs and insulation for council housing"),
        ("paragraph", "Programme: Active travel routes to every school"),
        ("paragraph", "Description: safe walking and cycling to school"),
    )
    stated = _stated(doc)
    assert "Programme" not in stated and "Description" not in stated


def test_an_item_written_twice_in_one_list_is_one_priority_not_a_label() -> None:
    # Read as a field label repeated down a layout, 'Healthy homes' (first and last) was lost
    # altogether; items that only share a name ('Plan - full document', 'Plan - summary
    # document') still label nothing.
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("list_item", "Healthy homes"),
        ("list_item", "Good jobs"),
        ("list_item", "Healthy homes"),
    )
    assert _stated(doc) == ["Healthy homes", "Good jobs"]
    documents = _doc(
        ("heading", "Our priorities", 1),
        ("list_item", "Transport plan 2030 - full document"),
        ("list_item", "Transport plan 2030 - summary document"),
    )
    assert "Transport plan 2030" not in _stated(documents)


def test_a_sentence_cut_at_its_commas_gives_no_fragments() -> None:
    doc = _doc(
        ("heading", "Foreword", 1),
        (
            "paragraph",
            "My priority is that I want the county to be a safe place to live, learn and work.",
        ),
    )
    stated = _stated(doc)
    assert "learn" not in stated and "work" not in stated


def test_a_place_name_alone_is_not_a_priority() -> None:
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("list_item", "Brackley"),
        ("list_item", "Clean air"),
        ("list_item", "Good jobs"),
        ("heading", "Why", 1),
        ("paragraph", "Everyone in Brackley deserves a good life. We love Brackley."),
    )
    assert _stated(doc) == ["Clean air", "Good jobs"]


def test_a_name_written_in_lower_case_in_a_list_item_is_not_a_place() -> None:
    # The plan's slogan capitalises its priorities inside a sentence; the list writes them
    # in lower case too, so they are words, not names, and stay priorities.
    doc = _doc(
        ("heading", "Our new plan", 1),
        ("paragraph", "The plan makes Riverbend Bolder, Kinder, Calmer for everyone."),
        ("paragraph", "Our aim is to make sure the town is:"),
        ("list_item", "Bolder: a bolder town that backs its young people."),
        ("list_item", "Kinder: a kinder town where no one is left lonely."),
        ("list_item", "Calmer: a calmer town with quieter, safer streets."),
    )
    assert _stated(doc) == ["Bolder", "Kinder", "Calmer"]


def test_section_headings_every_document_has_are_not_priorities() -> None:
    doc = _doc(
        ("heading", "Our strategy and priorities", 1),
        ("heading", "About us", 2),
        ("paragraph", "We are a community trust."),
        ("heading", "Background", 2),
        ("paragraph", "The trust was founded in 2001."),
        ("heading", "Our values", 2),
        ("paragraph", "Kindness and respect."),
        ("heading", "Care closer to home", 2),
        ("paragraph", "More care in the community."),
        ("heading", "A great place to work", 2),
        ("paragraph", "Staff who want to stay."),
    )
    assert _stated(doc) == ["Care closer to home", "A great place to work"]


def test_a_priority_s_own_name_is_never_split_at_its_commas() -> None:
    doc = _doc(
        ("heading", "Summary", 1),
        (
            "paragraph",
            "Our priorities are: working with the statutory, voluntary and faith sectors; "
            "safer streets; good homes.",
        ),
    )
    assert _stated(doc) == [
        "working with the statutory, voluntary and faith sectors",
        "safer streets",
        "good homes",
    ]


def test_one_priority_named_twice_is_kept_once() -> None:
    doc = _doc(
        ("heading", "Our themes", 1),
        ("list_item", "Growth"),
        ("list_item", "Wellbeing"),
        ("list_item", "Place"),
        ("heading", "Delivering the themes", 1),
        (
            "paragraph",
            "Our themes are: A plan for growth, A plan for wellbeing and A plan for place.",
        ),
    )
    assert _stated(doc) == ["Growth", "Wellbeing", "Place"]


def test_priorities_named_short_in_a_delivery_table_are_the_list_s_priorities(
    tmp_path: Path,
) -> None:
    # The table's 'Money and work' was a sixth stated priority beside the list's 'Money
    # advice, fair work and the cost of living', and listed outside the framework.
    path = _markdown(
        tmp_path,
        "# Our strategy\n\nOver the next three years we will focus on three priorities:\n\n"
        "1. Tackling loneliness and social isolation\n"
        "2. Money advice, fair work and the cost of living\n"
        "3. Active, healthy lives at every age\n\n"
        "## Our delivery plan\n\n"
        "| Priority | What we will do | By when |\n|---|---|---|\n"
        "| Loneliness | Launch a befriending scheme | 2025 |\n"
        "| Money and work | Place debt advisers in GP surgeries | 2026 |\n"
        "| Active lives | Start 20 walking groups | 2026 |\n",
    )
    assert _stated_in(path) == [
        "Tackling loneliness and social isolation",
        "Money advice, fair work and the cost of living",
        "Active, healthy lives at every age",
    ]


def test_a_short_name_that_names_no_listed_priority_is_kept(tmp_path: Path) -> None:
    path = _markdown(
        tmp_path,
        "# Our strategy\n\nOver the next three years we will focus on two priorities:\n\n"
        "1. Tackling loneliness and social isolation\n"
        "2. Active, healthy lives at every age\n\n"
        "## Our delivery plan\n\n"
        "| Priority | What we will do | By when |\n|---|---|---|\n"
        "| Loneliness | Launch a befriending scheme | 2025 |\n"
        "| Housing | Fix damp and mould in 200 homes | 2026 |\n",
    )
    assert "Housing" in _stated_in(path)


def test_a_shorter_run_of_groups_to_focus_on_names_priorities_of_its_own(
    tmp_path: Path,
) -> None:
    # Two groups to focus on, each named in one of three priorities, were dropped as short
    # names of those priorities.
    path = _markdown(
        tmp_path,
        "# Our strategy\n\nOur three priorities are:\n\n"
        "1. Mental health support for children and young people\n"
        "2. Warm, safe homes for older people\n"
        "3. Good jobs\n\n"
        "## Who we will focus on\n\n"
        "In all our work we will prioritise two groups:\n\n"
        "- Children and young people\n"
        "- Older people\n",
    )
    assert len(_stated_in(path)) == 5


def test_a_word_hyphenated_in_one_copy_and_run_together_in_another_is_one_priority() -> None:
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("list_item", "Evidence-led care"),
        ("list_item", "Fair access"),
        ("heading", "Our priorities again", 1),
        ("list_item", "Evidenceled care"),
        ("list_item", "Fair access"),
    )
    assert _stated(doc) == ["Evidence-led care", "Fair access"]


def test_nested_items_are_sub_priorities_of_their_priority_not_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("list_item", "Healthy lives", 1),
        ("list_item", "Fewer people smoking", 2),
        ("list_item", "We will open two new leisure centres", 2),
        ("list_item", "Good jobs", 1),
    )
    statements = extract(doc)
    assert _stated(doc) == ["Healthy lives", "Good jobs"]
    subs = [(s.text, s.parent) for s in statements if s.kind == "sub_priority"]
    assert subs == [
        ("Fewer people smoking", "Healthy lives"),
        ("We will open two new leisure centres", "Healthy lives"),
    ]
    # A sub-priority worded as a promise still counts as a commitment.
    assert any(s.kind == "commitment" and s.text.startswith("We will open two") for s in statements)


def test_a_semicolon_list_in_prose_after_a_priority_noun() -> None:
    doc = _doc(
        ("heading", "News", 1),
        (
            "paragraph",
            "The new plan sets out our aims to deliver cleaner rivers and beaches; warmer "
            "homes for older residents; more apprenticeships; and faster buses.",
        ),
        (
            "paragraph",
            "Roads bring people together; open up training and leisure; and keep the county "
            "connected.",
        ),
    )
    assert _stated(doc) == [
        "cleaner rivers and beaches",
        "warmer homes for older residents",
        "more apprenticeships",
        "faster buses",
    ]


def test_an_inverted_sentence_names_the_ambition_not_the_place() -> None:
    doc = _doc(
        ("heading", "News", 1),
        ("paragraph", "At the heart of the plan is an ambition to end rough sleeping by 2030."),
        (
            "paragraph",
            "Underpinning all our work is our main ambition to listen to residents, "
            "and to act on what they say.",
        ),
    )
    assert _stated(doc) == ["end rough sleeping by 2030", "listen to residents"]


def test_a_word_and_number_before_a_dash_label_the_item_and_do_not_name_it() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Target 1 - Every bus stop within a short walk of home by 2030"),
        ("list_item", "Target 2 – Halve the miles driven on the school run by 2035"),
    )
    assert _stated(doc) == [
        "Every bus stop within a short walk of home by 2030",
        "Halve the miles driven on the school run by 2035",
    ]


def test_a_short_name_before_a_dash_still_names_its_item() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Clean air - fewer days of poor air quality around schools"),
        ("list_item", "Warm homes - every council home insulated by 2030"),
    )
    assert _stated(doc) == ["Clean air", "Warm homes"]


def test_a_lead_in_split_over_two_sentences_introduces_its_list() -> None:
    doc = _doc(
        ("heading", "News", 1),
        ("paragraph", "The mayor said the three priorities remain unchanged. They are:"),
        ("list_item", "cleaner streets"),
        ("list_item", "safer parks"),
        ("list_item", "fairer rents"),
        ("paragraph", "The plan is refreshed each spring."),
        ("list_item", "Read the plan online"),
        ("list_item", "Tell us what you think"),
    )
    assert _stated(doc) == ["cleaner streets", "safer parks", "fairer rents"]


def _pdf_without_outline(path: Path, style: str, section_size: float, item_size: float) -> Path:
    """A plan whose headings are only bold, or only larger, text: no PDF outline names them."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()

    def heading(text: str, size: float) -> None:
        pdf.ln(3)
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")

    def paragraph(text: str) -> None:
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")

    heading("Our priorities", section_size)
    paragraph("The partnership agreed these with residents in the spring.")
    heading("Cleaner rivers", item_size)
    paragraph("No sewage spills at the bathing sites by 2030.")
    heading("Safer lanes", item_size)
    paragraph("Lower speed limits near every village school.")
    heading("How we will report", section_size)
    paragraph("A yearly report to the board, published online.")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize(
    ("style", "section_size", "item_size"),
    [("B", 15, 11), ("", 16, 13), ("B", 15, 12.5)],
    ids=["bold-only", "larger-only", "bold-and-larger"],
)
def test_a_pdf_whose_headings_are_only_bold_or_larger_gives_the_markdown_items(
    tmp_path: Path, style: str, section_size: float, item_size: float
) -> None:
    markdown = _markdown(
        tmp_path,
        "## Our priorities\n\nThe partnership agreed these with residents in the spring.\n\n"
        "### Cleaner rivers\n\nNo sewage spills at the bathing sites by 2030.\n\n"
        "### Safer lanes\n\nLower speed limits near every village school.\n\n"
        "## How we will report\n\nA yearly report to the board, published online.\n",
    )
    pdf = _pdf_without_outline(tmp_path / "plan.pdf", style, section_size, item_size)
    assert _stated_in(markdown) == ["Cleaner rivers", "Safer lanes"]
    assert _stated_in(pdf) == _stated_in(markdown)


def test_a_bold_line_at_body_size_heads_the_list_under_it_in_a_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The plan was agreed by the board in May.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 8, "Where we will focus", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for item in ("Warmer homes", "Fewer empty shops", "Buses that run on time"):
        pdf.set_x(20)
        pdf.cell(6, 6, "-")
        pdf.cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    kinds = {b.text: b.kind for b in read_document(path).blocks}
    assert kinds["Where we will focus"] == "heading"
    assert _stated_in(path) == ["Warmer homes", "Fewer empty shops", "Buses that run on time"]


def test_a_lead_in_that_counts_its_items_names_them_whatever_its_noun() -> None:
    doc = _doc(
        ("heading", "Our plan", 1),
        ("paragraph", "Our three promises to families are:"),
        ("list_item", "no child goes hungry in the holidays"),
        ("list_item", "every family has a named worker"),
        ("list_item", "waiting lists for therapy fall each year"),
        ("paragraph", "Our two offices are:"),
        ("list_item", "Town Hall"),
        ("list_item", "Market Street"),
        ("list_item", "the library"),
    )
    assert _stated(doc) == [
        "no child goes hungry in the holidays",
        "every family has a named worker",
        "waiting lists for therapy fall each year",
    ]


def test_every_item_of_a_promise_list_is_a_commitment_its_target_figure_too() -> None:
    doc = _doc(
        ("heading", "Start well", 2),
        ("paragraph", "In Westmere 28% of children are not ready for school at five."),
        ("paragraph", "Over the next three years we will:"),
        ("list_item", "open six family hubs in our market towns"),
        ("list_item", "work with GPs to raise vaccination rates above 90%"),
        ("list_item", "offer free nursery places to two-year-olds"),
    )
    commitments = [s.text for s in extract(doc) if s.kind == "commitment"]
    assert commitments == [
        "open six family hubs in our market towns",
        "work with GPs to raise vaccination rates above 90%",
        "offer free nursery places to two-year-olds",
    ]


def test_a_table_s_header_row_labels_columns_and_is_no_commitment(tmp_path: Path) -> None:
    # 'What we will do' over a column was listed among the plan's commitments.
    path = _markdown(
        tmp_path,
        "# Plan\n\n| Area | What we will do |\n|---|---|\n"
        "| Air | We will introduce a clean air zone around schools. |\n",
    )
    commitments = [s.text for s in extract(read_document(path)) if s.kind == "commitment"]
    assert commitments == ["We will introduce a clean air zone around schools."]


def test_a_list_under_a_numbered_priority_heading_holds_its_children(tmp_path: Path) -> None:
    # Its items were priorities of their own beside it, listed outside the framework.
    path = _markdown(
        tmp_path,
        "# Plan\n\n## Priority 1: Better housing\n\n"
        "- Bring empty homes back into use\n- Build 500 homes for social rent\n\n"
        "## Priority 2: Good jobs\n\n- Help 300 people into work\n- We will open a jobs hub\n",
    )
    statements = extract(read_document(path))
    assert [s.text for s in stated_priorities(statements)] == ["Better housing", "Good jobs"]
    children = [(s.text, s.parent) for s in statements if s.kind == "sub_priority"]
    assert children == [
        ("Bring empty homes back into use", "Better housing"),
        ("Build 500 homes for social rent", "Better housing"),
        ("Help 300 people into work", "Good jobs"),
    ]
    # A promise among them is one of its actions.
    assert [s.text for s in statements if s.kind == "commitment"] == ["We will open a jobs hub"]


def test_a_header_row_over_one_row_of_text_names_the_priorities(tmp_path: Path) -> None:
    # Its first column was read: one name and the description below it.
    path = _markdown(
        tmp_path,
        "# Plan\n\n## Our ambitions\n\n"
        "| Thriving people | Thriving places | Thriving economy |\n|---|---|---|\n"
        "| Every resident healthy and independent | Safe, green neighbourhoods | "
        "Good jobs for local people |\n",
    )
    assert _stated_in(path) == ["Thriving people", "Thriving places", "Thriving economy"]


def test_a_list_under_contents_on_a_line_of_its_own_names_no_priority(tmp_path: Path) -> None:
    # 'Our priorities' and 'Delivery and governance', a contents list's entries, were taken.
    path = _markdown(
        tmp_path,
        "# Plan\n\nContents\n\n1. Foreword\n2. Background\n3. Our priorities\n"
        "4. Delivery and governance\n\n## Priority 1: Better housing\n\nWe will build homes.\n\n"
        "## Priority 2: Less homelessness\n\nWe will help.\n",
    )
    assert _stated_in(path) == ["Better housing", "Less homelessness"]


def test_a_list_under_a_summary_or_overview_is_still_read(tmp_path: Path) -> None:
    # A review found the first version of the rule above dropping these: a summary may list
    # the plan's priorities.
    path = _markdown(
        tmp_path,
        "# Plan\n\n## Summary\n\n1. Better housing for every family\n2. Good jobs close to home\n"
        "3. Healthy lives for all ages\n4. Safer streets and parks\n",
    )
    assert _stated_in(path) == [
        "Better housing for every family",
        "Good jobs close to home",
        "Healthy lives for all ages",
        "Safer streets and parks",
    ]


def test_a_two_row_table_of_names_beside_meanings_is_read_by_its_first_column(
    tmp_path: Path,
) -> None:
    # A review found 'Good jobs' lost and a description taken for a name: a Word table has
    # no header row by necessity.
    import docx

    document = docx.Document()
    document.add_heading("Plan", 1)
    document.add_heading("Our priorities", 2)
    table = document.add_table(rows=2, cols=2)
    rows = [
        ("Better housing", "Homes people can afford in every town"),
        ("Good jobs", "Work that pays enough to live on"),
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert _stated_in(path) == ["Better housing", "Good jobs"]


def test_a_numbered_heading_worded_as_a_promise_holds_no_children(tmp_path: Path) -> None:
    # Its items became children of a commitment, which extract shows nowhere.
    path = _markdown(
        tmp_path,
        "# Plan\n\n## Priority 1: We will give every child the best start\n\n"
        "- More health visitors\n- Family hubs in every town\n",
    )
    statements = extract(read_document(path))
    assert not [s for s in statements if s.kind == "sub_priority"]
    assert "More health visitors" in [s.text for s in statements if s.kind == "priority"]


def test_an_item_that_leads_in_is_no_child(tmp_path: Path) -> None:
    path = _markdown(
        tmp_path,
        "# Plan\n\n## Priority 1: Good jobs\n\n- Support for small businesses:\n"
        "- Help 300 people into work\n",
    )
    children = [s.text for s in extract(read_document(path)) if s.kind == "sub_priority"]
    assert not [child for child in children if child.endswith(":")]


def test_a_contents_list_naming_the_priority_headings_does_not_hide_them(tmp_path: Path) -> None:
    # Each priority was taken twice by one rule (its contents entry and its heading), read as
    # a field label, and both were lost.
    path = _markdown(
        tmp_path,
        "# Strategy\n\nContents\n\n1. Introduction\n2. Priority 1: Warm homes for patients\n"
        "3. Priority 2: Clean air around our sites\n4. Delivery\n\n"
        "## Priority 1: Warm homes for patients\n\n"
        "1. Refer patients in damp homes to the council\n\n"
        "## Priority 2: Clean air around our sites\n\n1. Electric fleet by 2028\n",
    )
    assert _stated_in(path) == ["Warm homes for patients", "Clean air around our sites"]


def test_a_priority_named_in_the_contents_is_placed_where_the_text_states_it(
    tmp_path: Path,
) -> None:
    # A tester's Markdown: the contents list's entries were the stated priorities, placed
    # and quoted at 'Contents', where the Word copy placed them at the list under 'Our
    # priorities'.
    path = _markdown(
        tmp_path,
        "# Strategy\n\n## Contents\n\n- Introduction\n- Our priorities\n"
        "- Priority 1: Tackling loneliness\n- Priority 2: Warm homes\n\n"
        "## Our priorities\n\nOur members have agreed two priorities:\n\n"
        "- Tackling loneliness – reaching people who are cut off\n"
        "- Warm homes – help with damp and bills\n\n"
        "## Priority 1: Tackling loneliness\n\nWe will train befrienders.\n\n"
        "## Priority 2: Warm homes\n\nWe will fund energy advice.\n",
    )
    stated = [s for s in extract(read_document(path)) if s.kind == "priority"]
    assert [s.text for s in stated] == ["Tackling loneliness", "Warm homes"]
    assert {s.location.section for s in stated} == {"Strategy › Our priorities"}


def test_a_third_wording_of_a_replaced_contents_entry_does_not_stop_the_run(
    tmp_path: Path,
) -> None:
    # A review's repro: the text's list item took the contents entry's place, and a heading
    # worded as only the entry was ('Healthcare' for 'Health care') found the entry removed
    # and removed it again: an internal error stopped the whole run.
    path = _markdown(
        tmp_path,
        "# Strategy\n\n## Contents\n\n- Priority 1: Health care closer to home\n"
        "- Priority 2: Warm homes\n\n## Our priorities\n\nWe have agreed these priorities:\n\n"
        "- The health care closer to home – fewer trips to hospital\n"
        "- Warm homes – help with damp and bills\n\n"
        "## Priority 1: Healthcare closer to home\n\nWe will open two community hubs.\n",
    )
    stated = [s.text for s in extract(read_document(path)) if s.kind == "priority"]
    assert stated == ["The health care closer to home", "Warm homes"]


def test_a_list_straight_after_another_shares_its_introduction(tmp_path: Path) -> None:
    # A tester's Markdown: bullets, then numbers, under 'Our priorities' (one list item
    # numbered by mistake, or two styles in one list): the numbered ones were dropped, and
    # 'Faster, cheaper buses' was a gap.
    path = _markdown(
        tmp_path,
        "# Plan\n\n## Our priorities\n\n- Good jobs for everyone\n- Warm homes for all\n\n"
        "1. Faster, cheaper buses\n2. Gigabit broadband in every town\n\n"
        "## Delivery\n\nWe will report each year.\n",
    )
    stated = [s for s in extract(read_document(path)) if s.kind == "priority"]
    assert [s.text for s in stated] == [
        "Good jobs for everyone",
        "Warm homes for all",
        "Faster, cheaper buses",
        "Gigabit broadband in every town",
    ]
    assert {s.rule for s in stated} == {"list under 'Our priorities'"}


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "## Our priorities\n\n1. Warm homes\n2. Good jobs\n\n"
            "- We will publish a yearly report on both.\n\n"
            "1. Ask residents what matters\n2. Publish the delivery plan\n",
            ["Warm homes", "Good jobs"],
        ),
        (
            "# Plan\n\n## Priority 1: Start well\n\nWithin this priority we will focus on:\n\n"
            "- Breastfeeding\n- Family hubs\n\n1. School readiness\n",
            ["Start well"],
        ),
    ],
    ids=["numbers before the bullets", "bullets under a priority's lead-in"],
)
def test_numbers_after_bullets_share_only_a_priorities_heading(
    tmp_path: Path, text: str, stated: list[str]
) -> None:
    # A review's repros: the walk back over the list before went past numbered items, and a
    # lead-in under a priority's own heading was shared by numbers its heading does not own.
    path = _markdown(tmp_path, text)
    assert [s.text for s in extract(read_document(path)) if s.kind == "priority"] == stated


def test_headings_named_alike_still_label_fields(tmp_path: Path) -> None:
    # 'What success looks like' under each outcome is a field's label, not a priority; the
    # exception for a contents entry and its heading must not reach it.
    path = _markdown(
        tmp_path,
        "# Our priorities\n\n## Outcome 1: What success looks like\n\n"
        "We will build 500 new council homes by 2030.\n\n"
        "## Outcome 2: What success looks like\n\nWe will plant a tree for every child.\n",
    )
    assert "What success looks like" not in _stated_in(path)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc"])
def test_we_ll_is_a_commitment_with_either_apostrophe(apostrophe: str) -> None:
    doc = _doc(
        ("heading", "Homes", 1),
        ("paragraph", f"We{apostrophe}ll build 1,200 affordable homes by 2029."),
    )
    assert [s.kind for s in extract(doc)] == ["commitment"]


COLUMN_OF_NAMES = [
    "Our priorities are:",
    "Thriving children and young people",
    "Warm, safe and affordable homes",
    "A greener county",
]


def _column_file(tmp_path: Path, suffix: str, lines: list[str]) -> Path:
    """The lines one after another with no blank line (text, Markdown), as one paragraph
    parted by manual line breaks (Word, a web page), or as lines of a page (PDF)."""
    path = tmp_path / f"plan{suffix}"
    if suffix in (".txt", ".md"):
        path.write_text("Northmoor Corporate Plan\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    elif suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_heading("Northmoor Corporate Plan", 1)
        paragraph = document.add_paragraph(lines[0])
        for line in lines[1:]:
            paragraph.runs[-1].add_break()
            paragraph.add_run(line)
        document.save(str(path))
    elif suffix == ".html":
        page = "<h1>Northmoor Corporate Plan</h1><p>" + "<br>".join(lines) + "</p>"
        path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    else:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(0, 10, "Northmoor Corporate Plan", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(path))
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".html"])
def test_names_a_line_each_under_a_lead_in_are_its_list(tmp_path: Path, suffix: str) -> None:
    # They were one paragraph parted at its commas ('Thriving children and young people
    # Warm', 'safe', ...), or only the first of them a priority.
    assert _stated_in(_column_file(tmp_path, suffix, COLUMN_OF_NAMES)) == COLUMN_OF_NAMES[1:]
    two = ["Our priorities are:", "Start well", "Live well"]
    assert _stated_in(_column_file(tmp_path, suffix, two)) == two[1:]


def test_a_column_of_values_or_of_labels_under_a_lead_in_names_no_priority() -> None:
    values = _doc(
        ("paragraph", "By living our values we will achieve our aims:"),
        ("paragraph", "Respect and dignity"),
        ("paragraph", "Everyone counts"),
    )
    labels = _doc(
        ("paragraph", "Our annual objectives are:"),
        ("paragraph", "Strategic aims"),
        ("paragraph", "Trust objectives for 2026"),
    )
    assert _stated(values) == [] and _stated(labels) == []
    # A name that holds a priority word is a name; one line listing them is still split.
    named = _doc(
        ("paragraph", "Our priorities are:"),
        ("paragraph", "Safe and happy children"),
        ("paragraph", "Better health outcomes for young people"),
    )
    listed = _doc(
        ("paragraph", "Our three priorities are:"),
        ("paragraph", "Start well, live well and age well"),
        ("paragraph", "Each is set out in the chapters that follow"),
    )
    assert _stated(named) == ["Safe and happy children", "Better health outcomes for young people"]
    assert _stated(listed) == ["Start well", "live well", "age well"]


def test_a_numbered_section_naming_a_listed_priority_is_that_priority_not_a_second() -> None:
    doc = _doc(
        ("heading", "Our priorities"),
        ("paragraph", "Over the next five years we will focus on three priorities:"),
        ("list_item", "Better homes for older people", 1, "1."),
        ("list_item", "Ending rough sleeping", 1, "2."),
        ("list_item", "Warmer, greener homes", 1, "3."),
        ("heading", "Priority 1: Better homes"),
        ("list_item", "Adapted homes"),
        ("heading", "Priority 3: Warmer homes"),
        ("paragraph", "We will insulate 1,000 homes by 2030."),
    )
    statements = extract(doc)
    assert _stated(doc) == [
        "Better homes for older people",
        "Ending rough sleeping",
        "Warmer, greener homes",
    ]
    # What its section lists is the listed priority's.
    assert [(s.text, s.parent) for s in statements if s.kind == "sub_priority"] == [
        ("Adapted homes", "Better homes for older people")
    ]


def test_a_question_states_no_priority() -> None:
    # A consultation page's questions came out as its priorities.
    doc = _doc(
        ("heading", "Have your say on our draft priorities", 2),
        ("list_item", "Healthy homes"),
        ("list_item", "Healthy minds"),
        ("heading", "Questions about our priorities", 2),
        ("list_item", "Which priority matters most to you?"),
        ("list_item", "Is there anything we have missed?"),
        ("list_item", "To what extent do you agree with our draft priorities?"),
    )
    assert "Which priority matters most to you" not in _stated(doc)
    assert not any(text.startswith(("Is there", "To what")) for text in _stated(doc))
    # An action may end on a question of its own.
    promise = _doc(
        ("paragraph", "We will:"),
        ("list_item", "Research which services work - how can they be delivered better?"),
    )
    assert [s.text for s in extract(promise) if s.kind == "commitment"] == [
        "Research which services work"
    ]


def test_numbered_priority_headings_leave_the_document_s_other_lists_alone() -> None:
    # With priorities only in headings, every list was weighed, and the board's members came
    # out as stated priorities (and outside the framework).
    doc = _doc(
        ("heading", "Priority 1: Healthy weight", 2),
        ("paragraph", "We will expand the active travel network."),
        ("heading", "Priority 2: Good mental health", 2),
        ("paragraph", "We will roll out suicide prevention training."),
        ("heading", "Board members", 2),
        ("list_item", "Councillor Ann Smith (Chair)"),
        ("list_item", "Dr Raj Patel, ICB"),
        ("list_item", "Healthwatch Severn Vale"),
    )
    assert _stated(doc) == ["Healthy weight", "Good mental health"]


def test_a_numbered_section_closer_to_another_item_is_not_merged_by_its_number() -> None:
    # 'Priority 1: Adult mental health' was merged with item 1, the children's, and
    # init --from gave the children's priority the adults' section.
    doc = _doc(
        ("paragraph", "Our priorities are:"),
        ("list_item", "Mental health support for children", 1, "1."),
        ("list_item", "Mental health support for adults", 1, "2."),
        ("heading", "Priority 1: Adult mental health", 2),
        ("paragraph", "Adults wait too long for talking therapies."),
        ("heading", "Priority 2: Children's mental health", 2),
        ("paragraph", "Children need help in school."),
    )
    assert _stated(doc) == [
        "Mental health support for children",
        "Mental health support for adults",
        "Adult mental health",
        "Children's mental health",
    ]


def test_most_items_heading_sections_in_order_number_the_rest_by_position() -> None:
    # 'Priority 3: Ageing well' came back as a priority of its own beside item 3.
    doc = _doc(
        ("paragraph", "This strategy has three priorities:"),
        ("list_item", "Give every child the best start in life", 1, "1."),
        ("list_item", "Improve mental health for all ages", 1, "2."),
        ("list_item", "Help older people live independently for longer", 1, "3."),
        ("heading", "Priority 1: Best start in life", 2),
        ("paragraph", "We will open family hubs."),
        ("heading", "Priority 2: Mental health", 2),
        ("paragraph", "We will cut waits for therapy."),
        ("heading", "Priority 3: Ageing well", 2),
        ("paragraph", "We will expand reablement."),
    )
    assert _stated(doc) == [
        "Give every child the best start in life",
        "Improve mental health for all ages",
        "Help older people live independently for longer",
    ]


def test_numbered_sections_that_name_other_things_stay_priorities() -> None:
    # One label matching by position is chance; names sharing one word of several are two.
    doc = _doc(
        ("paragraph", "We have three aims:"),
        ("list_item", "Improve the health of children", 1, "1."),
        ("list_item", "Support carers", 1, "2."),
        ("list_item", "Tackle loneliness", 1, "3."),
        ("heading", "Priority 1: Children's health"),
        ("paragraph", "We will open family hubs."),
        ("heading", "Priority 2: Safer streets for children and older people"),
        ("paragraph", "We will light every park."),
    )
    assert "Children's health" in _stated(doc)
    assert "Safer streets for children and older people" in _stated(doc)


def test_a_copula_list_is_read_in_linear_time_over_long_whitespace() -> None:
    from alignck.extract._common import COPULA_LIST

    # 2,000 spaces took 5 s, 100,000 did not finish: every space could go to any of the gaps.
    spaced = "our priorities of " + " " * 100_000 + "are tackling homelessness and damp"
    assert within(10, lambda: COPULA_LIST.search(spaced)) is None


def test_a_heading_that_speaks_of_priorities_does_not_list_them(tmp_path: Path) -> None:
    # Only 'Our aims' is a heading whose subject is priorities; the others speak of them,
    # and their lists (evidence used, last year's results) are no stated priorities.
    path = _markdown(
        tmp_path,
        "# Ashby Wellbeing Plan\n\n## Our aims\n\n- Safer streets\n- Cleaner parks\n\n"
        "## How we agreed our aims\n\nWe listened to several groups:\n\n"
        "- The youth council\n- Tenants' associations\n- Local traders\n\n"
        "## Progress on last year's aims\n\n- 120 street lights were replaced\n"
        "- Litter complaints fell by a third\n",
    )
    assert _stated_in(path) == ["Safer streets", "Cleaner parks"]


def test_sub_headings_under_a_title_about_priorities_are_not_priorities(tmp_path: Path) -> None:
    path = _markdown(
        tmp_path,
        "# Tell us what you think about our draft goals\n\n"
        "The council is asking residents about its new plan.\n\n"
        "## Our draft goals\n\n- Affordable homes\n- Thriving high streets\n- Green spaces\n\n"
        "## Questions for residents\n\n1. Do you agree with the goals?\n2. What have we missed?\n\n"
        "## When to reply\n\nReplies close at the end of March.\n",
    )
    assert _stated_in(path) == ["Affordable homes", "Thriving high streets", "Green spaces"]


def test_a_heading_whose_subject_is_priorities_still_lists_them() -> None:
    from alignck.extract._common import heads_priorities

    assert heads_priorities("Our priorities")
    assert heads_priorities("Summary of our key priorities for 2026")
    assert heads_priorities("What we want to achieve")
    assert not heads_priorities("Progress on our previous priorities")
    assert not heads_priorities("How we chose our priorities")
    assert not heads_priorities("Questions about our priorities")
    # A preposition before a colon, or far from the noun, does not govern it.
    assert heads_priorities("Looking ahead to 2030: our priorities")
    assert heads_priorities("2025 to 2028 priorities")
    assert heads_priorities("Introduction to our priorities")


def test_a_list_of_names_with_explanations_names_every_item_the_same_way() -> None:
    # The last item's name opens with an article, as a sentence might; alone it would be
    # kept whole, but its list names every other item by its first words.
    doc = _doc(
        ("heading", "Our three goals", 2),
        ("list_item", "Safer roads. We will cut speeds near every school in town.", 1, "1."),
        ("list_item", "Cleaner air. We will plant trees along the four busiest roads.", 1, "2."),
        ("list_item", "A greener town. We will double the area of wildflower verges.", 1, "3."),
    )
    assert _stated(doc) == ["Safer roads", "Cleaner air", "A greener town"]


def test_a_sentence_among_items_that_are_sentences_is_not_cut() -> None:
    # Most items are named by their first words, but a first sentence with a verb is a
    # statement, not a name: 'The town is growing', 'Demand for care keeps rising'.
    doc = _doc(
        ("heading", "Our goals", 2),
        ("list_item", "Safer roads. We will cut speeds near every school.", 1, "1."),
        ("list_item", "Cleaner air. We will plant trees along the four busiest roads.", 1, "2."),
        ("list_item", "The town is growing. We will plan for 4,000 more homes.", 1, "3."),
        ("list_item", "Demand for care keeps rising. We will invest in reablement.", 1, "4."),
        ("list_item", "The demand for care keeps rising. We will train carers.", 1, "5."),
    )
    stated = _stated(doc)
    assert stated[:2] == ["Safer roads", "Cleaner air"]
    assert "The town is growing" not in stated
    assert "Demand for care keeps rising" not in stated
    assert "The demand for care keeps rising" not in stated


def _measures_table(tmp_path: Path, listed_first: bool) -> Path:
    listed = (
        "## Our objectives\n\n- Shorter waits for planned operations\n"
        "- More care in people's own homes\n\n"
        if listed_first
        else ""
    )
    return _markdown(
        tmp_path,
        "# Harbour Trust Plan\n\n" + listed + "## How we will know\n\n"
        "| Objective | Measure | Target |\n|---|---|---|\n"
        "| Shorter waits | Patients waiting a year | None by 2028 |\n"
        "| Care at home | Virtual ward beds | 150 |\n",
    )


def test_a_table_of_measures_does_not_name_the_objectives_again(tmp_path: Path) -> None:
    # Its rows measure the objectives listed above, shortened; read as priorities they were
    # two more, and one of them the lead quote of a verdict.
    assert _stated_in(_measures_table(tmp_path, listed_first=True)) == [
        "Shorter waits for planned operations",
        "More care in people's own homes",
    ]


def test_a_table_of_measures_names_the_objectives_where_nothing_else_does(
    tmp_path: Path,
) -> None:
    assert _stated_in(_measures_table(tmp_path, listed_first=False)) == [
        "Shorter waits",
        "Care at home",
    ]


def test_a_sentence_of_introduction_between_a_priority_heading_and_its_list() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "The board agreed these in the spring after a year of listening."),
        ("list_item", "Prevention"),
        ("list_item", "Access"),
        ("list_item", "Integration"),
    )
    found = stated_priorities(extract(doc))
    assert [s.text for s in found] == ["Prevention", "Access", "Integration"]
    # Read because of the heading, as the list says, not its introduction.
    assert {s.rule for s in found} == {"list under 'Our priorities'"}


def test_a_longer_passage_between_a_priority_heading_and_a_list_breaks_the_link() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "We listened for a year. We met 40 groups. We read 900 replies."),
        ("list_item", "Tenants' associations"),
        ("list_item", "Youth councils"),
        ("list_item", "Parish councils"),
    )
    assert "Youth councils" not in _stated(doc)


def test_a_count_of_priorities_without_a_colon_introduces_as_many_items() -> None:
    doc = _doc(
        ("heading", "Introduction", 2),
        ("paragraph", "The partnership has agreed three priorities for the next three years."),
        ("list_item", "Maximising household incomes"),
        ("list_item", "Reducing the cost of living"),
        ("list_item", "Supporting people into good work"),
    )
    from alignck.extract import rule_statements

    # Read by the rules, which come before the fitted scorers and make the scorers stand down.
    assert [s.text for s in rule_statements(doc) if s.kind == "priority"] == [
        "Maximising household incomes",
        "Reducing the cost of living",
        "Supporting people into good work",
    ]


def test_a_list_whose_items_all_open_with_a_name_names_each_though_some_are_long() -> None:
    # A PDF lost the bold of the names: the first item was cut to its name, the others,
    # of five words, kept their sentences.
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Warmer homes. We will insulate 2,000 council homes."),
        ("list_item", "Supporting people into good work. We will create 300 job places."),
        ("list_item", "Making the town centre safer. We will light every underpass."),
    )
    assert _stated(doc) == [
        "Warmer homes",
        "Supporting people into good work",
        "Making the town centre safer",
    ]


def test_a_list_straight_under_a_sub_heading_priority_holds_its_parts() -> None:
    from alignck.extract import extract

    doc = _doc(
        ("heading", "Our priorities", 2),
        ("heading", "Healthy", 3),
        ("list_item", "Reduce childhood obesity"),
        ("list_item", "Improve children's oral health"),
        ("heading", "Heard", 3),
        ("list_item", "Set up a youth council in every town"),
        ("list_item", "Involve young people in hiring staff"),
    )
    found = extract(doc)
    assert [s.text for s in stated_priorities(found)] == ["Healthy", "Heard"]
    parts = {(s.parent, s.text) for s in found if s.kind == "sub_priority"}
    assert ("Healthy", "Reduce childhood obesity") in parts
    assert ("Heard", "Involve young people in hiring staff") in parts


def test_a_long_sub_heading_among_short_ones_is_still_a_priority() -> None:
    doc = _doc(
        ("heading", "Our strategic aims", 2),
        ("heading", "Healthy homes", 3),
        (
            "heading",
            "Helping people to recover and stay well in every neighbourhood of the "
            "borough and its villages",
            3,
        ),
        ("heading", "Good jobs", 3),
    )
    assert len(_stated(doc)) == 3


def test_of_two_columns_headed_as_priorities_the_first_names_them() -> None:
    doc = Document(
        "plan.docx",
        "docx",
        (
            Block("table_cell", "Priority", 1, cell=(0, 0)),
            Block("table_cell", "Objectives", 2, cell=(0, 1)),
            Block("table_cell", "Warm, safe homes", 3, cell=(1, 0)),
            Block("table_cell", "Tackle damp and mould in rented homes", 4, cell=(1, 1)),
            Block("table_cell", "Preventing homelessness", 5, cell=(2, 0)),
            Block("table_cell", "End rough sleeping by 2027", 6, cell=(2, 1)),
        ),
    )
    assert _stated(doc) == ["Warm, safe homes", "Preventing homelessness"]
    parts = {(s.parent, s.text) for s in extract(doc) if s.kind == "sub_priority"}
    assert parts == {
        ("Warm, safe homes", "Tackle damp and mould in rented homes"),
        ("Preventing homelessness", "End rough sleeping by 2027"),
    }


def test_a_theme_merged_down_its_rows_holds_the_priorities_beside_it() -> None:
    # 'Theme | Priority | Lead', the theme repeated in each of its rows (a merged cell): the
    # priorities were lost altogether, the repeated theme taken for a field's label.
    rows = [
        ("Theme", "Priority", "Lead"),
        ("Start well", "Every child ready for school", "ICB"),
        ("Start well", "Fewer children in poverty", "Council"),
        ("Live well", "Cut smoking", "Council"),
    ]
    blocks = tuple(
        Block("table_cell", text, 3 * r + c + 1, cell=(r, c))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    )
    found = extract(Document("plan.docx", "docx", blocks))
    assert [s.text for s in stated_priorities(found)] == ["Start well", "Live well"]
    parts = [(s.parent, s.text) for s in found if s.kind == "sub_priority"]
    assert parts == [
        ("Start well", "Every child ready for school"),
        ("Start well", "Fewer children in poverty"),
        ("Live well", "Cut smoking"),
    ]


def test_a_theme_on_rows_apart_is_a_field_label_not_a_merged_cell() -> None:
    # Only a cell merged down rows one after another repeats a theme: the same text in the
    # first column of rows apart labels a field, as 'Programme:' down a layout does.
    rows = [
        ("Theme", "Priority", "Lead"),
        ("Start well", "Every child ready for school", "ICB"),
        ("Live well", "Cut smoking", "Council"),
        ("Start well", "Fewer children in poverty", "Council"),
    ]
    blocks = tuple(
        Block("table_cell", text, 3 * r + c + 1, cell=(r, c))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    )
    found = extract(Document("plan.docx", "docx", blocks))
    assert [s.text for s in stated_priorities(found)] == ["Live well"]


def test_sub_headings_a_level_further_down_than_the_next_are_still_its_priorities() -> None:
    # Word's bold lines and a PDF's type sizes can put the priorities at level 3 under a
    # level 1 'Our priorities', with no level 2 between.
    doc = _doc(
        ("heading", "Our priorities", 1),
        ("heading", "Better access", 3),
        ("paragraph", "More appointments on the day."),
        ("heading", "Long-term conditions", 3),
        ("paragraph", "Earlier diagnosis of diabetes."),
    )
    assert _stated(doc) == ["Better access", "Long-term conditions"]


def test_a_third_level_of_a_list_is_its_parts_actions_not_more_parts() -> None:
    from alignck.extract import extract

    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Prevent ill health", 1),
        ("list_item", "Raise cancer screening uptake", 2),
        ("list_item", "Run mobile screening units in the east", 3),
        ("list_item", "Improve access to care", 1),
        ("list_item", "Make GP appointments easier to book", 2),
    )
    parts = [s.text for s in extract(doc) if s.kind == "sub_priority"]
    assert parts == ["Raise cancer screening uptake", "Make GP appointments easier to book"]


def test_sentences_grouping_a_lists_names_leave_the_names_as_its_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "These are the priorities where we keep what works", 1),
        ("list_item", "Safe and clean streets", 2),
        ("list_item", "Good schools", 2),
        ("list_item", "These are the focus areas where we must do better", 1),
        ("list_item", "Affordable homes", 2),
        ("list_item", "Healthier lives", 2),
    )
    assert _stated(doc) == [
        "Safe and clean streets",
        "Good schools",
        "Affordable homes",
        "Healthier lives",
    ]


def test_outcomes_and_promises_over_their_parts_stay_the_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Our children are safe and healthy", 1),
        ("list_item", "Family hubs", 2),
        ("list_item", "Health visiting", 2),
        ("list_item", "We will be a carbon neutral council by 2030", 1),
        ("list_item", "Insulated homes", 2),
        ("list_item", "Electric buses", 2),
    )
    assert _stated(doc) == [
        "Our children are safe and healthy",
        "We will be a carbon neutral council by 2030",
    ]


def test_names_over_their_parts_stay_the_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("list_item", "Strong communities", 1),
        ("list_item", "Safe and clean streets", 2),
        ("list_item", "Good schools", 2),
        ("list_item", "Healthier lives", 1),
        ("list_item", "Fewer people smoking", 2),
        ("list_item", "More people active", 2),
    )
    assert _stated(doc) == ["Strong communities", "Healthier lives"]


def test_one_priority_named_in_passing_leaves_a_table_of_priorities_and_measures(
    tmp_path: Path,
) -> None:
    path = _markdown(
        tmp_path,
        "# Harbour Plan\n\nOur first priority is keeping children safe.\n\n"
        "| Priority | What we will do | Measure of success |\n|---|---|---|\n"
        "| Safer streets | Light every underpass | Fewer assaults |\n"
        "| Warmer homes | Insulate 500 homes | Fewer cold homes |\n",
    )
    assert {"Safer streets", "Warmer homes"} <= set(_stated_in(path))


def test_an_account_of_what_was_done_does_not_introduce_a_list_under_a_priority_heading() -> None:
    doc = _doc(
        ("heading", "Our objectives", 2),
        ("paragraph", "This year the board reviewed progress against last year's plan."),
        ("list_item", "120 street lights were replaced"),
        ("list_item", "Litter complaints fell by a third"),
    )
    assert "Litter complaints fell by a third" not in _stated(doc)


def test_a_count_of_objectives_met_last_year_does_not_introduce_them() -> None:
    from alignck.extract import rule_statements

    doc = _doc(
        ("heading", "Introduction", 2),
        ("paragraph", "Last year we met all three of the objectives in our previous plan."),
        ("list_item", "Every school joined the healthy schools scheme"),
        ("list_item", "Rough sleeping fell by half"),
        ("list_item", "Two new parks opened"),
    )
    assert not [s for s in rule_statements(doc) if s.kind == "priority"]


def test_a_heading_on_a_plain_line_is_named_as_the_lists_lead() -> None:
    doc = _doc(
        ("paragraph", "This is the plan for the next five years."),
        ("paragraph", "Our objectives"),
        ("list_item", "Safer streets"),
        ("list_item", "Cleaner parks"),
    )
    found = stated_priorities(extract(doc))
    assert {s.rule for s in found} == {"list under 'Our objectives'"}


def test_headings_deep_under_a_section_of_run_in_priorities_are_not_its_priorities() -> None:
    doc = _doc(
        ("heading", "Our priorities", 2),
        ("paragraph", "Warm homes. We will insulate 2,000 homes."),
        ("paragraph", "Good jobs. We will create 300 apprenticeships."),
        ("heading", "Case study: a new boiler for Jane", 4),
        ("paragraph", "Jane's boiler was replaced in a day."),
        ("heading", "Case study: Sam's apprenticeship", 4),
        ("paragraph", "Sam now works for the council."),
    )
    assert not any(text.startswith("Case study") for text in _stated(doc))


def test_a_label_then_a_name_and_its_explanation_names_the_name() -> None:
    # A PDF's list whose labels are text comes as paragraphs: 'Aim 2: Fair work: a living
    # wage ...' names 'Fair work', as the list item 'Fair work: a living wage ...' and the
    # section headed 'Aim 2: Fair work' do; the label taken off, the rest was the name.
    names = ("Clean air", "Fair work", "Warm homes")
    doc = _doc(
        ("heading", "Our aims", 1),
        ("paragraph", "The partnership has agreed three aims for the next five years:"),
        ("paragraph", "Aim 1: Clean air"),
        ("paragraph", "Aim 2: Fair work: a living wage paid by every partner"),
        ("paragraph", "Aim 3: Warm homes"),
        *[
            block
            for number, name in enumerate(names, 1)
            for block in (
                ("heading", f"Aim {number}: {name}", 2),
                ("paragraph", "We will report on it every year."),
            )
        ],
    )
    assert _stated(doc) == list(names)


def test_an_article_led_sentence_with_a_verb_is_not_cut_among_named_items() -> None:
    doc = _doc(
        ("heading", "Our goals", 2),
        ("list_item", "Safer roads. We will cut speeds near every school.", 1, "1."),
        ("list_item", "Cleaner air. We will plant trees along the four busiest roads.", 1, "2."),
        ("list_item", "The demand for care keeps rising. We will train more carers.", 1, "3."),
    )
    assert "The demand for care keeps rising" not in _stated(doc)


def test_a_listed_priority_named_at_the_start_of_an_earlier_sentence_is_still_stated() -> None:
    # A capital opening a sentence is no sign of a proper name: 'Housing is where we start.'
    # made 'Housing' a place's name, and the first of the plan's priorities was lost.
    doc = _doc(
        ("paragraph", "Housing is where we start."),
        ("heading", "Our priorities", 2),
        ("list_item", "Housing"),
        ("list_item", "Transport"),
        ("list_item", "Jobs"),
    )
    assert _stated(doc) == ["Housing", "Transport", "Jobs"]


def test_a_listed_priority_opening_a_later_sentence_of_a_paragraph_is_still_stated() -> None:
    # The check for names counted a word's place in its paragraph, not its sentence:
    # 'Housing' opening the second sentence was taken for a place's name.
    doc = _doc(
        ("paragraph", "We will act now. Housing is where we start."),
        ("paragraph", "Our pledge: “Transport for all.”"),
        ("heading", "Our priorities", 2),
        ("list_item", "Housing"),
        ("list_item", "Transport"),
        ("list_item", "Jobs"),
    )
    assert _stated(doc) == ["Housing", "Transport", "Jobs"]
    # Inside a sentence, a capital still marks a name the document never writes in lower case.
    named = _doc(
        ("paragraph", "We will work with partners in Brackley on this."),
        ("heading", "Our priorities", 2),
        ("list_item", "Brackley"),
        ("list_item", "Better transport links"),
        ("list_item", "More local jobs"),
    )
    assert "Brackley" not in _stated(named)
    # A number or dash before a paragraph's first word, a closing quote or bracket after a
    # full stop: the word still opens its sentence.
    for opening in (
        "1 Housing is where we start.",
        "– Housing is where we start.",
        "(iv) Housing is where we start.",
        "We said “act now.” Housing is where we start.",
        "(See below.) Housing is where we start.",
        # A stop after an abbreviation ends a sentence as well: dropping a stated priority
        # costs more than missing a name, which recurs inside other sentences.
        "Rents here are the highest in the U.K. Housing is where we start.",
        "We work with Brackley Homes Ltd. Housing is where we start.",
        "A. Housing is where we start.",
        "Can we wait? The answer is no. Housing is where we start.",
    ):
        doc = _doc(
            ("paragraph", opening),
            ("heading", "Our priorities", 2),
            ("list_item", "Housing"),
            ("list_item", "Transport"),
            ("list_item", "Jobs"),
        )
        assert _stated(doc) == ["Housing", "Transport", "Jobs"], opening
    # An abbreviation's full stop ends no sentence: the name after it is still a name.
    abbreviated = _doc(
        ("paragraph", "We work with partners, e.g. Brackley and the districts."),
        ("heading", "Our priorities", 2),
        ("list_item", "Brackley"),
        ("list_item", "Better transport links"),
        ("list_item", "More local jobs"),
    )
    assert "Brackley" not in _stated(abbreviated)
    # A time's colon opens nothing; a colon before a space does.
    timed = _doc(
        ("paragraph", "The bus leaves at 10:30 Brackley time, from the square."),
        ("heading", "Our priorities", 2),
        ("list_item", "Brackley"),
        ("list_item", "Better transport links"),
        ("list_item", "More local jobs"),
    )
    assert "Brackley" not in _stated(timed)


def test_promises_under_references_or_a_glossary_are_no_commitments() -> None:
    # check reads none of their text; extract listed them as commitments.
    doc = Document(
        "plan.md",
        "markdown",
        (
            Block("heading", "What we will do", 1, level=2),
            Block("paragraph", "We will insulate 300 homes.", 2, section=("What we will do",)),
            Block("heading", "References", 3, level=2),
            Block(
                "paragraph",
                "We will not be bound by any reference listed here.",
                4,
                section=("References",),
            ),
        ),
    )
    assert [s.text for s in extract(doc) if s.kind == "commitment"] == [
        "We will insulate 300 homes."
    ]


def _markdown_statements(tmp_path: Path, text: str) -> list[Statement]:
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return extract(read_document(path))


_SECTIONS = (
    "# Eastmoor Partnership Plan\n\n"
    "## Priority 1: Start well\n\n### What we know\n\nOne child in five is not ready.\n\n"
    "### What we will do\n\nWe will open four family hubs.\n\n"
    "## Priority 2: Age well\n\n### What we know\n\nFalls are rising.\n\n"
    "### What we will do\n\nWe will expand reablement.\n\n"
    "### Staying independent at home:\n\nWe will adapt 500 homes.\n\n"
    "### Support for carers\n\nWe will open a carers centre.\n"
)


def test_headings_under_a_priority_s_heading_are_its_sub_priorities(tmp_path: Path) -> None:
    # init --from made them the priority's parts and extract showed none: the two disagreed.
    found = _markdown_statements(tmp_path, _SECTIONS)
    age = next(s for s in stated_priorities(found) if s.text == "Age well")
    assert [s.text for s in sub_priorities(found, age)] == [
        "Staying independent at home",
        "Support for carers",
    ]
    assert sub_priorities(found, age)[0].rule == "heading under 'Priority 2: Age well'"
    # The sub-headings every priority's section repeats are the sections' template.
    start = next(s for s in stated_priorities(found) if s.text == "Start well")
    assert sub_priorities(found, start) == []


def test_a_sub_priority_heading_gives_its_passage_no_role(tmp_path: Path) -> None:
    from alignck.reading import prepare

    path = tmp_path / "plan.md"
    path.write_text(_SECTIONS, encoding="utf-8")
    prepared = prepare(path)
    roles = {p.text: p.role for p in prepared.passages}  # type: ignore[union-attr]
    assert roles["Support for carers"] == "context"
    assert roles["Age well"] == "priority"


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        # A word keeps the marks it runs into, as the names it is compared with do.
        ("We work with ‘Brackley’ partners and 'Oakham' groups.", ["Brackley’", "Oakham'"]),
        ("We fund eHealth and x-Ray services in Brackley.", ["Brackley"]),
        ("2Gether with Brackley we act.", ["Brackley"]),
        ("A. Housing in Brackley comes first.", ["Brackley"]),
        ("We act now. Housing is where we start: Brackley first.", []),
        ("We start in e.g. Brackley and St. Helens.", ["Brackley", "St", "Helens"]),
        ("McDonald and BRACKLEY and Brackley-On-Sea and Co-op are here.", ["Co-op"]),
    ],
)
def test_the_words_a_paragraph_capitalises_inside_its_sentences(
    paragraph: str, names: list[str]
) -> None:
    from alignck.extract._filters import _inside_sentences

    # One search finds them where a step per word did: a capital opens a word only where
    # the run of letters, digits and marks it stands in has no earlier letter a-z or A-Z.
    assert _inside_sentences(paragraph) == names


def test_a_promise_in_a_table_s_first_row_is_a_commitment_but_a_column_label_is_not() -> None:
    # A table written without a header row: its first entry was taken for the column's
    # label, so 'extract --commitments' left out the promise 'check' quoted as one.
    doc = Document(
        "plan.docx",
        "docx",
        (
            Block("heading", "Care near where you live", 1, level=2),
            Block(
                "table_cell",
                "We will set up 12 teams near where you live. Nurses will work in them.",
                2,
                cell=(0, 0),
            ),
            Block("table_cell", "We will open 2 more crisis cafes.", 3, cell=(1, 0)),
        ),
    )
    assert [s.text for s in extract(doc) if s.kind == "commitment"] == [
        "We will set up 12 teams near where you live.",
        "We will open 2 more crisis cafes.",
    ]
    labelled = Document(
        "plan.docx",
        "docx",
        (
            Block("table_cell", "What we will do", 1, cell=(0, 0)),
            Block("table_cell", "We will open 2 more crisis cafes.", 2, cell=(1, 0)),
        ),
    )
    assert [s.text for s in extract(labelled) if s.kind == "commitment"] == [
        "We will open 2 more crisis cafes."
    ]


def test_a_first_row_is_a_label_by_its_question_and_a_promise_by_its_we() -> None:
    # A review: 'We will open 2 crisis cafes' (short, no full stop) was skipped as a label,
    # while 'What we will do over the next five years to improve health' (long) and 'What we
    # will do.' were taken as promises, the last listed outside the framework.
    def commitments(first: str, second: str) -> list[str]:
        doc = Document(
            "plan.docx",
            "docx",
            (
                Block("table_cell", first, 1, cell=(0, 0)),
                Block("table_cell", second, 2, cell=(1, 0)),
            ),
        )
        return [s.text for s in extract(doc) if s.kind == "commitment"]

    later = "We will train 40 school staff in suicide prevention."
    assert commitments("We will open 2 crisis cafes", later) == [
        "We will open 2 crisis cafes",
        later,
    ]
    long_label = "What we will do over the next five years to improve health"
    assert commitments(long_label, later) == [later]
    assert commitments("What we will do.", later) == [later]
    # A sentence that opens with a question word is no label; a long or parted question is.
    sentence = "Where families need help, we will open two crisis cafes in every town by 2026."
    assert commitments(sentence, later) == [sentence, later]
    for label in (
        "What we will do, and when we will do it",
        "What we will do in 2025/26 and 2026/27 to improve mental health for young people",
    ):
        assert commitments(label, later) == [later]
