from alignck.model import Block, Document
from alignck.passages import Passage, build_passages, document_title


def _passages(*texts: str) -> list[tuple[str, str]]:
    blocks = tuple(
        Block("paragraph", text, number, None, ("Plan",), 0, None)
        for number, text in enumerate(texts, start=1)
    )
    return [(p.text, p.role) for p in build_passages(Document("d.md", "markdown", blocks), [])]


def test_two_promises_in_one_sentence_are_two_passages_with_its_role() -> None:
    assert _passages(
        "We will run a tobacco dependence service in every hospital, and alcohol care teams "
        "will see every patient admitted with an alcohol-related condition."
    ) == [
        ("We will run a tobacco dependence service in every hospital", "commitment"),
        (
            "alcohol care teams will see every patient admitted with an alcohol-related condition.",
            "commitment",
        ),
    ]


def test_a_sentence_joined_by_and_without_a_second_clause_stays_whole() -> None:
    sentence = "We will cut smoking and obesity, and reduce harm from alcohol."
    assert _passages(sentence) == [(sentence, "commitment")]
    short = "We will open a hub; and more."
    assert _passages(short) == [(short, "commitment")]


def test_an_and_between_two_names_does_not_part_the_sentence() -> None:
    # Quoted as 'Vale will meet the needs ...', cut from the place's own name.
    sentence = (
        "This draft sets out how the NHS in Hartshire and Vale will meet the needs of our "
        "population over the next five years."
    )
    assert [text for text, _ in _passages(sentence)] == [sentence]


def _under(heading: str, *blocks: tuple[str, str]) -> dict[str, str]:
    """Each block's text -> its role, every block sitting under one heading."""
    built = (
        Block("heading", heading, 1, None, (), 1),
        *(
            Block(kind, text, number, None, (heading,), 0)
            for number, (kind, text) in enumerate(blocks, start=2)
        ),
    )
    passages = build_passages(Document("d.md", "markdown", built), [])
    return {p.text: p.role for p in passages if not p.heading}


def test_a_priorities_heading_makes_its_list_items_commitments_not_its_background() -> None:
    roles = _under(
        "Our priorities for the next five years",
        ("paragraph", "Our borough has changed a great deal since the last census."),
        ("paragraph", "Bus fares are a barrier for young people looking for work."),
        ("paragraph", "Our outreach nurses will visit every care leaver."),
        ("paragraph", "Expand free swimming for under-16s"),
        ("list_item", "More affordable homes near the town centre"),
        ("list_item", "A walk-in mental health hub open at weekends"),
    )
    assert roles == {
        "Our borough has changed a great deal since the last census.": "context",
        "Bus fares are a barrier for young people looking for work.": "context",
        "Our outreach nurses will visit every care leaver.": "commitment",
        "Expand free swimming for under-16s": "commitment",
        "More affordable homes near the town centre": "commitment",
        "A walk-in mental health hub open at weekends": "commitment",
    }


def test_an_aspiration_under_a_priorities_heading_takes_no_promise_from_it() -> None:
    # 'We will' weakened to 'we may consider' under 'Our priorities' stayed a commitment, so
    # a partner that watered a promise down kept its aligned verdict and passed --fail-on
    # worse; the labelling rules call an aspiration without commitment partial.
    roles = _under(
        "Our priorities",
        ("list_item", "We may consider crisis support in future years, subject to funding."),
        ("list_item", "A frailty unit, if funding is found."),
        ("list_item", "We would like to open a second hub."),
        ("list_item", "More affordable homes near the town centre"),
        ("list_item", "We will open a hub, subject to funding."),
    )
    assert roles == {
        "We may consider crisis support in future years, subject to funding.": "context",
        "A frailty unit, if funding is found.": "context",
        "We would like to open a second hub.": "context",
        "More affordable homes near the town centre": "commitment",
        "We will open a hub, subject to funding.": "commitment",
    }


def test_a_stated_priority_named_only_as_an_aspiration_is_no_commitment() -> None:
    from alignck.model import Location, Statement

    item = "Mental health: We may consider crisis support in future years, subject to funding."
    blocks = (
        Block("heading", "Our priorities", 1, None, (), 1),
        Block("list_item", item, 2, None, ("Our priorities",), 0),
        Block("list_item", "Jobs: We will create 500 jobs.", 3, None, ("Our priorities",), 0),
    )
    stated = [
        Statement("Mental health", "priority", Location(None, 2, "Our priorities"), "list"),
        Statement("Jobs", "priority", Location(None, 3, "Our priorities"), "list"),
    ]
    passages = build_passages(Document("d.md", "markdown", blocks), stated)
    roles = {p.text: p.role for p in passages}
    assert roles["Mental health"] == "context"
    assert roles["Jobs"] == "priority"


def test_a_paragraph_that_makes_its_own_promise_keeps_its_background_as_context() -> None:
    roles = _under(
        "Our goals",
        (
            "paragraph",
            "Loneliness harms health as much as smoking does. Our volunteers will call every "
            "isolated resident. We will:",
        ),
        ("list_item", "run befriending schemes in every ward"),
        ("paragraph", "Grow the number of lunch clubs"),
    )
    assert roles["Loneliness harms health as much as smoking does."] == "context"
    # In the future tense, or an action fragment alone in its paragraph: the heading's promise.
    assert roles["Our volunteers will call every isolated resident."] == "commitment"
    assert roles["Grow the number of lunch clubs"] == "commitment"
    assert roles["run befriending schemes in every ward"] == "commitment"


def test_actions_after_a_paragraph_s_own_promise_keep_the_heading_s_promise() -> None:
    # A list without bullets, run into one paragraph by a PDF or a text file.
    roles = _under(
        "Our goals",
        (
            "paragraph",
            "Over the next five years we will: Tackle damp and mould in private rented homes. "
            "Cut fuel poverty among older residents. Grow physical activity through active "
            "travel.",
        ),
    )
    assert roles["Cut fuel poverty among older residents."] == "commitment"
    assert roles["Grow physical activity through active travel."] == "commitment"


def test_a_need_stated_after_a_paragraph_s_own_whole_promise_stays_context() -> None:
    roles = _under(
        "Our goals",
        (
            "paragraph",
            "We will open two crisis cafes in Riverside. Too few of our children walk or "
            "cycle to school and many struggle with their weight.",
        ),
    )
    assert roles["We will open two crisis cafes in Riverside."] == "commitment"
    need = "Too few of our children walk or cycle to school and many struggle with their weight."
    assert roles[need] == "context"


def test_a_statistic_is_context_under_a_priorities_heading_or_a_promising_lead_in() -> None:
    roles = _under(
        "What we will deliver",
        ("paragraph", "Over the next year we will:"),
        ("list_item", "Quicker diagnosis, with 80% of people seen within two weeks"),
        ("list_item", "Two in five of our adults are not active enough."),
        ("list_item", "27% of our four-year-olds are not ready for school."),
    )
    assert roles["Quicker diagnosis, with 80% of people seen within two weeks"] == "commitment"
    assert roles["Two in five of our adults are not active enough."] == "context"
    assert roles["27% of our four-year-olds are not ready for school."] == "context"


def test_an_achievements_heading_still_marks_its_paragraphs_as_the_past() -> None:
    roles = _under(
        "Looking back on 2024",
        ("paragraph", "The new leisure centre opened in May."),
        ("list_item", "Opened two family hubs"),
    )
    assert set(roles.values()) == {"achievement"}


def test_references_glossary_and_acknowledgements_are_not_read() -> None:
    """They cite, define or thank: a transport plan's reference to a dementia study addresses
    no dementia priority."""
    for heading in ("References", "7. Glossary of terms", "Acknowledgements", "Appendix B: Notes"):
        assert (
            _under(
                heading,
                ("paragraph", "Alzheimer's Society (2024) Dementia diagnosis rates in England."),
                ("list_item", "Dementia: a group of conditions affecting memory."),
            )
            == {}
        ), heading
    read = _under("Referral pathways", ("paragraph", "We will speed up dementia referrals."))
    assert read == {"We will speed up dementia referrals.": "commitment"}


def test_what_was_done_stays_the_past_under_a_heading_that_promises() -> None:
    roles = _under(
        "How we will measure progress",
        ("paragraph", "In 2023 we built 200 homes."),
        ("paragraph", "We will report on homes built every quarter."),
    )
    assert roles == {
        "In 2023 we built 200 homes.": "achievement",
        "We will report on homes built every quarter.": "commitment",
    }


def test_only_the_nearest_heading_makes_apparatus() -> None:
    """A heading read one level too deep under 'Notes' must not hide the rest of a document;
    a stated priority found under references is not read either."""
    from alignck.model import Location, Statement

    blocks = (
        Block("heading", "Notes", 1, None, ("Notes",), 1),
        Block("paragraph", "Dementia: a group of conditions.", 2, None, ("Notes",), 0),
        Block("heading", "Our priorities", 3, None, ("Notes", "Our priorities"), 2),
        Block("paragraph", "We will open a dementia hub.", 4, None, ("Notes", "Our priorities")),
    )
    stated = [
        Statement("Dementia", "priority", Location(None, 2, "Notes"), "list"),
        Statement("A dementia hub", "priority", Location(None, 4, "Notes › Our priorities"), "x"),
    ]
    texts = [p.text for p in build_passages(Document("d.md", "markdown", blocks), stated)]
    assert "We will open a dementia hub." in texts and "A dementia hub" in texts
    assert "Dementia: a group of conditions." not in texts and "Dementia" not in texts


def test_a_promise_without_will_still_parts_its_sentence() -> None:
    assert [
        text
        for text, _ in _passages(
            "We'll expand talking therapies for adults, and community teams will see every "
            "patient within two weeks."
        )
    ] == [
        "We'll expand talking therapies for adults",
        "community teams will see every patient within two weeks.",
    ]


def test_a_stated_priority_that_withdraws_is_negated_not_a_priority() -> None:
    from alignck.model import Location, Statement

    items = ["Balance the budget", "We will no longer fund family hubs or health visiting"]
    blocks = (
        Block("heading", "Our priorities", 1, None, (), 1),
        *(
            Block("list_item", text, number, None, ("Our priorities",), 0)
            for number, text in enumerate(items, start=2)
        ),
    )
    stated = [
        Statement(text, "priority", Location(None, number, "Our priorities"), "list")
        for number, text in enumerate(items, start=2)
    ]
    built = build_passages(Document("d.md", "markdown", blocks), stated)
    roles = {p.text: p.role for p in built if not p.heading}
    assert roles == {
        "Balance the budget": "priority",
        "We will no longer fund family hubs or health visiting": "negated",
    }


def test_a_sentence_repeated_over_a_page_break_is_placed_on_each_page() -> None:
    text = "We will act. We will listen. We will act."
    block = Block("paragraph", text, 1, 1, ("Plan",), turns=((text.index("We will listen"), 2),))
    passages = build_passages(Document("d.pdf", "pdf", (block,)), [])
    assert [(p.text, p.location.page) for p in passages] == [
        ("We will act.", 1),
        ("We will listen.", 2),
        ("We will act.", 2),
    ]


def test_the_pieces_of_an_over_long_sentence_are_placed_on_their_own_pages() -> None:
    # Marked '…' where they were cut, the pieces were no longer found in the text and all
    # took the page the block starts on.
    text = " ".join(f"word{i}" for i in range(1200))  # about 9,000 characters, no stop
    block = Block("paragraph", text, 1, 3, ("Plan",), turns=((6000, 4),))
    passages = build_passages(Document("d.pdf", "pdf", (block,)), [])
    assert passages[0].text.endswith("…") and passages[-1].text.startswith("…")
    assert passages[0].location.page == 3
    assert passages[-1].location.page == 4
    assert block.page_of(passages[-1].text) == 4


def _table_under(heading: str, rows: list[list[str]]) -> dict[str, str]:
    """Each cell's text -> its role, a table of ``rows`` (the first its header) under one
    heading."""
    cells = [
        Block("table_cell", text, 2 + at, None, (heading,), 0, cell=(row, column))
        for at, (row, column, text) in enumerate(
            (row, column, text)
            for row, values in enumerate(rows)
            for column, text in enumerate(values)
        )
    ]
    built = (Block("heading", heading, 1, None, (), 1), *cells)
    passages = build_passages(Document("d.docx", "docx", built), [])
    return {p.text: p.role for p in passages if not p.heading}


def test_who_and_when_beside_a_promise_in_a_row_are_not_promises_themselves() -> None:
    roles = _table_under(
        "Our action plan",
        [
            # Headers that name no lead nor date: the promise beside them makes them context.
            ["Action", "Partner", "Month"],
            ["We will train 40 school staff to spot young carers", "Young carers lead", "2027"],
            ["We will run weekly coffee mornings", "Partnership with Jobcentre Plus", "June"],
        ],
    )
    assert roles["We will train 40 school staff to spot young carers"] == "commitment"
    assert roles["We will run weekly coffee mornings"] == "commitment"
    assert roles["Young carers lead"] == "context"
    assert roles["Partnership with Jobcentre Plus"] == "context"


def test_an_action_in_a_row_without_a_promise_in_words_takes_the_heading_s() -> None:
    roles = _table_under(
        "Our action plan",
        [["Action", "Lead"], ["Train school staff to spot young carers", "Young carers lead"]],
    )
    assert roles["Train school staff to spot young carers"] == "commitment"


def test_cells_of_another_row_or_table_are_not_described_by_a_promise() -> None:
    roles = _table_under(
        "Our action plan",
        [
            ["We will open two crisis cafes", "Mental health lead"],
            ["Expand social prescribing", "Primary care lead"],
        ],
    )
    assert roles["Mental health lead"] == "context"
    assert roles["Expand social prescribing"] == "commitment"
    assert roles["Primary care lead"] == "commitment"


def test_a_picture_s_description_is_no_passage() -> None:
    # An Easy Read plan describes the picture beside each point: 'Picture: a house with a
    # heart on it' made it address housing, and 'Picture: a young person learning' the best
    # start in life.
    roles = _under(
        "Care near where you live",
        ("paragraph", "Picture: a house with a heart on it."),
        ("paragraph", "We will set up 12 teams near where you live."),
        ("paragraph", "Figure 3: Children ready for school at five, by ward"),
        ("paragraph", "The picture across the county is mixed."),
    )
    assert list(roles) == [
        "We will set up 12 teams near where you live.",
        "The picture across the county is mixed.",
    ]


def test_a_lead_in_cell_does_not_take_the_promise_from_the_actions_beside_it() -> None:
    # A reviewer's action plan: 'By March 2026 we will:' beside the actions was taken for a
    # cell promising in its own words, and the actions became context (aligned -> partial).
    roles = _table_under(
        "Our action plan",
        [
            ["When", "What"],
            ["By March 2026 we will:", "Open two crisis cafes and expand talking therapies"],
            ["In 2027 we will", "Train 40 school staff in suicide prevention"],
        ],
    )
    assert roles["Open two crisis cafes and expand talking therapies"] == "commitment"
    assert roles["Train 40 school staff in suicide prevention"] == "commitment"


def test_a_short_promise_in_a_cell_still_makes_the_cells_beside_it_context() -> None:
    roles = _table_under(
        "Our action plan",
        [
            ["Action", "Partner", "Outcome"],
            ["We will recruit nurses", "Mental health crisis team", "Fewer crisis admissions"],
        ],
    )
    assert roles["We will recruit nurses"] == "commitment"
    assert roles["Mental health crisis team"] == "context"


def test_a_promise_ending_in_to_is_its_own_but_a_run_of_colons_costs_nothing() -> None:
    from alignck.passages import _promises_itself

    assert _promises_itself("We will give children somewhere safe to go to")
    assert not _promises_itself("In 2026 we will")
    assert not _promises_itself("By March 2026 we will:" + ":" * 5000)


def _trailed(*trails: tuple[str, ...]) -> list[Passage]:
    blocks = tuple(
        Block("paragraph", f"We will act on part {n}.", n, None, trail, 0, None)
        for n, trail in enumerate(trails, start=1)
    )
    return build_passages(Document("d.md", "markdown", blocks), [])


def test_a_document_s_title_is_the_heading_every_other_sits_under() -> None:
    trails = _trailed(("Plan",), ("Plan", "Homes"), ("Plan", "Homes", "Damp"))
    assert document_title(trails) == "Plan"


def test_a_document_with_two_top_headings_or_none_has_no_title() -> None:
    assert document_title(_trailed(("Part A",), ("Part B", "Homes"))) is None
    assert document_title(_trailed((), ())) is None


def test_a_heading_over_part_of_the_text_or_over_no_other_is_no_title() -> None:
    # The text before a closing 'Contact us' sits under no heading.
    assert document_title(_trailed((), (), ("Contact us",))) is None
    # A cover line before the plan's title leaves its places whole too.
    assert document_title(_trailed((), ("Plan", "Homes"))) is None
    # 'Our priorities' over its list alone is where a quote is, not a title.
    assert document_title(_trailed(("Our priorities",), ("Our priorities",))) is None


def test_who_leads_an_action_and_by_when_are_no_passages_whatever_the_action_says() -> None:
    roles = _table_under(
        "Action plan",
        [
            ["Objective", "Action", "Lead officer", "By when"],
            [
                "Fair outcomes",
                "Report falls by deprivation quintile every quarter",
                "Director of Public Health",
                "September 2025",
            ],
        ],
    )
    assert roles["Report falls by deprivation quintile every quarter"] == "commitment"
    assert "Director of Public Health" not in roles
    assert "September 2025" not in roles
    assert "Lead officer" not in roles


def test_a_column_headed_by_what_it_holds_stays_a_passage() -> None:
    roles = _table_under(
        "Action plan",
        [["Action", "Leading to"], ["Open two family hubs", "More families supported early"]],
    )
    assert roles["More families supported early"] == "commitment"


def test_what_sits_under_a_heading_over_what_is_left_out_is_withdrawn() -> None:
    blocks = (
        Block("heading", "What this section does not cover", 1, None, (), 2),
        Block(
            "paragraph",
            "Childhood obesity is led by the council through its own plan.",
            2,
            None,
            ("What this section does not cover",),
        ),
        Block(
            "paragraph",
            "We will refer every family we see to it.",
            3,
            None,
            ("What this section does not cover",),
        ),
    )
    passages = build_passages(Document("d.md", "markdown", blocks), [])
    roles = {p.text: p.role for p in passages if not p.heading}
    assert roles["Childhood obesity is led by the council through its own plan."] == "negated"
    # A promise in its own words under it stays one.
    assert roles["We will refer every family we see to it."] == "commitment"


def test_a_table_after_one_with_a_lead_column_keeps_its_own_columns() -> None:
    # The second table's corner is blank, so its first cell read is (0, 1).
    cells = [
        ((0, 0), "Action"),
        ((0, 1), "Lead"),
        ((1, 0), "Open two family hubs"),
        ((1, 1), "Director of Children's Services"),
        ((0, 1), "2025/26"),
        ((1, 0), "Housing"),
        ((1, 1), "We will bring 500 damp homes up to the decent homes standard."),
    ]
    blocks = (
        Block("heading", "Action plan", 1, None, (), 1),
        *(
            Block("table_cell", text, 2 + at, None, ("Action plan",), 0, cell=place)
            for at, (place, text) in enumerate(cells)
        ),
    )
    texts = {p.text for p in build_passages(Document("d.md", "markdown", blocks), [])}
    assert "We will bring 500 damp homes up to the decent homes standard." in texts
    assert "Director of Children's Services" not in texts


def test_who_a_row_is_for_and_its_status_stay_passages() -> None:
    roles = _table_under(
        "Action plan",
        [
            ["Who", "What we will do", "Status"],
            ["Children with asthma", "Make sure every school has an asthma plan", "Completed"],
        ],
    )
    assert "Children with asthma" in roles
    assert "Completed" in roles


def _read_as(*blocks: tuple[str, str, tuple[str, ...]]) -> list[Passage]:
    built = tuple(
        Block(kind, text, n, None, trail, 1 if kind == "heading" else 0)
        for n, (kind, text, trail) in enumerate(blocks, start=1)
    )
    return build_passages(Document("d.md", "markdown", built), [])


def test_a_title_heading_read_as_the_document_reads_it_is_its_title() -> None:
    passages = _read_as(
        ("heading", "Northby Plan 2025", ()),
        ("paragraph", "This plan sets out what we will do.", ("Northby Plan 2025",)),
        ("heading", "Homes", ("Northby Plan 2025",)),
        ("paragraph", "We will insulate 300 homes.", ("Northby Plan 2025", "Homes")),
    )
    assert document_title(passages) == "Northby Plan 2025"
    # The text before a closing top heading sits under none: no title.
    closing = _read_as(
        ("paragraph", "We will insulate 300 homes.", ()),
        ("heading", "Contact us", ()),
        ("paragraph", "Write to the council.", ("Contact us",)),
    )
    assert document_title(closing) is None


def test_who_after_the_action_leads_it_and_a_status_promises_nothing() -> None:
    roles = _table_under(
        "Action plan",
        [
            ["Action", "Who", "When", "Status"],
            [
                "Open two family hubs in Northgate",
                "Community mental health team",
                "March 2026",
                "Delayed: mental health crisis cafe funding withdrawn",
            ],
        ],
    )
    assert roles["Open two family hubs in Northgate"] == "commitment"
    assert "Community mental health team" not in roles
    assert "Status" not in roles
    assert roles["Delayed: mental health crisis cafe funding withdrawn"] == "context"
