from pathlib import Path

import pytest

from alignck.readers.text import read


def test_single_statement_is_a_paragraph_not_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("reducing income inequality matters for development\n", encoding="utf-8")
    doc = read(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "reducing income inequality matters for development")
    ]


def test_short_standalone_lines_are_headings_and_bullets_are_items(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "OUR PRIORITIES\n\n- Warm homes\n- Good jobs\n\nWe will act.\n", encoding="utf-8"
    )
    doc = read(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "OUR PRIORITIES"),
        ("list_item", "Warm homes"),
        ("list_item", "Good jobs"),
        ("paragraph", "We will act."),
    ]
    assert doc.blocks[1].section == ("OUR PRIORITIES",)


def test_lines_of_cells_parted_by_tabs_are_a_table(tmp_path: Path) -> None:
    # A table pasted as text was one paragraph, 'Priority What we will do Lead Loneliness
    # Launch ...', quoted whole as a commitment.
    path = tmp_path / "plan.txt"
    path.write_text(
        "Our delivery plan\n\n"
        "Priority\tWhat we will do\tBy when\n"
        "Loneliness\tLaunch a befriending scheme\tSeptember 2025\n"
        "Warm homes\t\tDecember 2025\n\n"
        "We will report each year.\tSee page 4.\n",
        encoding="utf-8",
    )
    blocks = read(path).blocks
    cells = [(b.cell, b.text) for b in blocks if b.kind == "table_cell"]
    assert cells == [
        ((0, 0), "Priority"),
        ((0, 1), "What we will do"),
        ((0, 2), "By when"),
        ((1, 0), "Loneliness"),
        ((1, 1), "Launch a befriending scheme"),
        ((1, 2), "September 2025"),
        ((2, 0), "Warm homes"),
        ((2, 2), "December 2025"),
    ]
    # One line with a tab in it is no table.
    assert blocks[-1].kind == "paragraph" and blocks[-1].text.startswith("We will report")


def test_a_table_with_blank_edge_cells_is_still_a_table(tmp_path: Path) -> None:
    # A merged first cell and an empty last one left the rows' cell counts unequal, and the
    # table went back to run-together paragraphs.
    path = tmp_path / "merged.txt"
    path.write_text(
        "Priority\tWhat we will do\tBy when\n"
        "Loneliness\tLaunch a befriending scheme\tSeptember 2025\n"
        "\tTrain 40 volunteers\tDecember 2025\n"
        "Warm homes\tInsulate 300 homes\t\n",
        encoding="utf-8",
    )
    cells = [(b.cell, b.text) for b in read(path).blocks if b.kind == "table_cell"]
    assert ((2, 1), "Train 40 volunteers") in cells
    assert ((3, 0), "Warm homes") in cells and ((3, 1), "Insulate 300 homes") in cells


@pytest.mark.parametrize("marker", ["1.", "•", "-"])
def test_a_list_word_saved_as_text_with_tabs_stays_a_list(tmp_path: Path, marker: str) -> None:
    # Word's 'Save as Plain Text' puts a tab after each item's number or bullet: read as a
    # table of two columns, the priorities were lost.
    items = ["Tackling loneliness", "Money advice and fair work", "Active lives"]
    path = tmp_path / "list.txt"
    lines = [f"{marker}\t{item}" for item in items]
    path.write_text("Our three priorities:\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    blocks = read(path).blocks
    assert [b.text for b in blocks if b.kind == "list_item"] == items
    assert not [b for b in blocks if b.kind == "table_cell"]


def test_wrapped_lines_join_and_hyphenation_is_undone(tmp_path: Path) -> None:
    path = tmp_path / "wrap.txt"
    path.write_text(
        "Intro line.\n\nWe will support organ-\nisations across the\ncounty.\n", encoding="utf-8"
    )
    assert read(path).blocks[-1].text == "We will support organisations across the county."


def test_a_compound_broken_at_its_own_hyphen_keeps_it() -> None:
    from alignck.readers._text import join_lines, keeps_hyphen, rejoin_hyphenated

    # Two words of the language, and no word when joined: a compound ('step-down').
    assert [keeps_hyphen(*pair) for pair in [("step", "down"), ("non", "emergency")]] == [
        True,
        True,
    ]
    # A word hyphenated to fit its line: one half is no word, or the join is one.
    assert [keeps_hyphen(*pair) for pair in [("organ", "isation"), ("import", "ant")]] == [
        False,
        False,
    ]
    # PDFium marks both kinds alike (U+FFFE or 0x02) and joins the lines itself.
    assert rejoin_hyphenated("commission step\ufffedown beds for organ\x02isations") == (
        "commission step-down beds for organisations"
    )
    assert join_lines(["We will offer person-", "centred care and", "decision-", "making."]) == (
        "We will offer person-centred care and decision-making."
    )


def test_a_range_wrapped_at_its_dash_joins_without_a_space() -> None:
    from alignck.readers._text import join_lines

    assert join_lines(["Health and Wellbeing Strategy 2025-", "2030"]) == (
        "Health and Wellbeing Strategy 2025-2030"
    )
    assert join_lines(["Cut waits by 2026 -", "2027 plans"]) == "Cut waits by 2026 - 2027 plans"
    # A tester's subtitle wrapped after an en dash read '2025– 2028'.
    assert join_lines(["Wellbeing plan 2025–", "2028"]) == "Wellbeing plan 2025–2028"


def test_a_word_broken_after_a_prefix_english_closes_up_is_joined() -> None:
    from alignck.readers._text import rejoin_hyphenated

    # A tester's PDF: 'un-healthy' (read as 'healthy'): the prefix and the word are each in
    # the model's vocabulary, the joined word only in pieces, so the hyphen was kept. A
    # review: 'inter-agency' and 'over-reliance' are compounds, and keep theirs.
    text = (
        "tackle un\ufffehealthy homes for dis\ufffeengaged and mis\ufffediagnosed people with "
        "inter\ufffeagency teams and no over\ufffereliance on beds"
    )
    assert rejoin_hyphenated(text) == (
        "tackle unhealthy homes for disengaged and misdiagnosed people with inter-agency "
        "teams and no over-reliance on beds"
    )


def test_a_number_s_compound_wrapped_at_its_hyphen_keeps_it_without_a_space() -> None:
    from alignck.readers._text import join_lines

    # 'a 24- hour repairs line' was quoted from a PDF wrapped after '24-'.
    assert join_lines(["We will run a 24-", "hour repairs line"]) == (
        "We will run a 24-hour repairs line"
    )
    assert join_lines(["Ages 5 -", "hour"]) == "Ages 5 - hour"
    assert join_lines(["In 2026-", "Housing"]) == "In 2026- Housing"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Healthy places\n".encode("utf-16"))
    assert read(path).blocks[0].text == "Healthy places"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    # Some Windows tools save UTF-16 with no byte-order mark: it was refused as 'binary data'
    # by a message that said UTF-16 was read.
    path = tmp_path / "u16.txt"
    path.write_bytes("Healthy places\n\nWe will plant trees in Café Street.\n".encode(encoding))
    doc = read(path)
    assert [b.text for b in doc.blocks] == [
        "Healthy places",
        "We will plant trees in Café Street.",
    ]
    assert doc.warnings == ()


def test_binary_data_with_nuls_on_one_side_is_still_not_text(tmp_path: Path) -> None:
    from alignck.errors import ReadError

    path = tmp_path / "image.txt"
    path.write_bytes(bytes([0x01, 0x00, 0x02, 0x00]) * 200)  # small 16-bit numbers
    with pytest.raises(ReadError, match="not a text file"):
        read(path)


def test_form_feeds_end_pages(tmp_path: Path) -> None:
    path = tmp_path / "converted.txt"
    path.write_text("Plan\n\nWe will build homes.\n\fWe will create jobs.\n\f", encoding="utf-8")
    doc = read(path)
    assert doc.pages == 2
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("Plan", 1),
        ("We will build homes.", 1),
        ("We will create jobs.", 2),
    ]


def test_a_sentence_a_page_break_cuts_is_one_paragraph_on_its_first_page(tmp_path: Path) -> None:
    path = tmp_path / "converted.txt"
    path.write_text(
        "Plan\n\nOur commitments\n\nWe will place volunteers in integrated neighbourhood\n"
        "\fteams to speed up discharge. We will run a carers' cafe.\n\n"
        "We will open a hub in the\n\fTown Hall.\n\n"
        "Our aims\n\fWe will create jobs.\n",
        encoding="utf-8",
    )
    doc = read(path)
    assert [(b.kind, b.text, b.page) for b in doc.blocks] == [
        ("heading", "Plan", 1),
        ("heading", "Our commitments", 1),
        (
            "paragraph",
            "We will place volunteers in integrated neighbourhood teams to speed up discharge. "
            "We will run a carers' cafe.",
            1,
        ),
        ("paragraph", "We will open a hub in the Town Hall.", 2),
        # A line that ends its page as a heading would, and a sentence on the next: two.
        ("heading", "Our aims", 3),
        ("paragraph", "We will create jobs.", 4),
    ]
    # Each sentence on the page it starts on.
    joined = doc.blocks[2]
    assert joined.page_of("We will place volunteers") == 1
    assert joined.page_of("We will run a carers' cafe.") == 2


def test_a_sentence_cut_past_a_page_number_or_over_three_pages_is_one_paragraph(
    tmp_path: Path,
) -> None:
    # pdftotext writes a page's number at its foot, before the form feed.
    path = tmp_path / "converted.txt"
    path.write_text(
        "Plan\n\nWe will place volunteers in integrated neighbourhood\n\n3\n"
        "\fteams across the\n\n4\n\fcounty by 2026. We will act.\n\n5\n",
        encoding="utf-8",
    )
    doc = read(path)
    texts = [(b.kind, b.text, b.page) for b in doc.blocks]
    joined = "We will place volunteers in integrated neighbourhood teams across the county by 2026."
    assert texts[:2] == [("heading", "Plan", 1), ("paragraph", f"{joined} We will act.", 1)]
    assert doc.blocks[1].page_of("We will act.") == 3
    assert [t for t in texts[2:] if t[0] != "paragraph" or not t[1].isdigit()] == []


def test_without_form_feeds_there_are_no_pages(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Plan\n\nWe will build homes.\n", encoding="utf-8")
    doc = read(path)
    assert doc.pages is None and {b.page for b in doc.blocks} == {None}


def test_lines_that_name_one_entry_each_are_separate_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Our priorities\n\n"
        "Start well: every child ready for school,\n"
        "with help from family hubs.\n"
        "Live well - people in good work and warm homes.\n",
        encoding="utf-8",
    )
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("heading", "Our priorities"),
        ("paragraph", "Start well: every child ready for school, with help from family hubs."),
        ("paragraph", "Live well - people in good work and warm homes."),
    ]


def test_key_value_lines_without_a_lead_in_are_not_a_list(tmp_path: Path) -> None:
    # 'Version: 2.1' / 'Owner: ...' became three stated priorities, and the commitment went.
    path = tmp_path / "plan.txt"
    path.write_text(
        "Version: 2.1 approved by the board\nOwner: Director of Public Health\n"
        "Status: Final draft for consultation\n\nWe will cut smoking to 5% by 2030.\n",
        encoding="utf-8",
    )
    assert [b.kind for b in read(path).blocks] == ["paragraph"] * 4


def test_name_lines_a_blank_line_below_their_lead_in_are_its_list(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Our priorities are:\n\nTackling loneliness: we will train 300 befrienders.\n"
        "Better health: we will run 40 walking groups.\n",
        encoding="utf-8",
    )
    assert [b.kind for b in read(path).blocks] == ["paragraph", "list_item", "list_item"]


def test_name_lines_under_a_lead_in_are_its_list(tmp_path: Path) -> None:
    # 'Our priorities are:' joined the first entry's paragraph, and the three priorities
    # were taken as commitments, the first of them with the lead-in at its head.
    path = tmp_path / "plan.txt"
    path.write_text(
        "Eastmoor Voluntary Action\n\nOur priorities are:\n"
        "Tackling loneliness: we will train 300 befrienders.\n"
        "Better health: we will run 40 walking groups a week.\n\nWe will report each year.\n",
        encoding="utf-8",
    )
    assert [(b.kind, b.text) for b in read(path).blocks][1:] == [
        ("paragraph", "Our priorities are:"),
        ("list_item", "Tackling loneliness: we will train 300 befrienders."),
        ("list_item", "Better health: we will run 40 walking groups a week."),
        ("paragraph", "We will report each year."),
    ]


def test_a_column_of_short_names_is_entries_not_headings(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Our priorities\n\nStart well\nLive well\nAge well\n", encoding="utf-8")
    assert [(b.kind, b.text) for b in read(path).blocks][1:] == [
        ("paragraph", "Start well"),
        ("paragraph", "Live well"),
        ("paragraph", "Age well"),
    ]


def test_wrapped_prose_and_a_wrapped_title_stay_whole(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "A Healthy and Greener\nFuture for Everyone\n\n"
        "Our plan: it sets out what we will do over the\nnext four years. Westshire Council\n"
        "Cabinet agreed it in May.\n",
        encoding="utf-8",
    )
    assert [b.text for b in read(path).blocks] == [
        "A Healthy and Greener Future for Everyone",
        "Our plan: it sets out what we will do over the next four years. Westshire Council "
        "Cabinet agreed it in May.",
    ]


def test_a_heading_line_straight_above_its_list_or_sentences(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "PARTNERSHIP PLAN\n\n"
        "Our priorities\n- Reduce domestic abuse\n- Reduce reoffending\n\n"
        "What we will do\nWe will fund two advisers.\nThe police will hold street surgeries.\n\n"
        "Harrowdale Council and\nNHS partners agreed the plan.\n",
        encoding="utf-8",
    )
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("heading", "PARTNERSHIP PLAN"),
        ("heading", "Our priorities"),
        ("list_item", "Reduce domestic abuse"),
        ("list_item", "Reduce reoffending"),
        ("heading", "What we will do"),
        ("paragraph", "We will fund two advisers. The police will hold street surgeries."),
        ("paragraph", "Harrowdale Council and NHS partners agreed the plan."),
    ]
    assert read(path).blocks[3].section == ("PARTNERSHIP PLAN", "Our priorities")


def test_a_heading_in_capitals_above_numbered_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "HOUSING STRATEGY\n\nOUR PRIORITIES\n1) More homes\n2) Better homes\n3) No one homeless\n",
        encoding="utf-8",
    )
    assert [(b.kind, b.text) for b in read(path).blocks][1:] == [
        ("heading", "OUR PRIORITIES"),
        ("list_item", "More homes"),
        ("list_item", "Better homes"),
        ("list_item", "No one homeless"),
    ]


def test_a_bullet_glyph_after_a_dash_is_one_marker(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Our priorities:\n\n- • Warm homes\n- • Good jobs\n", encoding="utf-8")
    items = [(b.marker, b.text) for b in read(path).blocks if b.kind == "list_item"]
    assert items == [("•", "Warm homes"), ("•", "Good jobs")]


def test_a_number_opening_a_wrapped_line_goes_on_with_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "We will run a falls service for people over\n65. We will adapt homes.\n\n"
        "Our priorities are\n1. Start well\n2. Live well\n",
        encoding="utf-8",
    )
    assert [(b.kind, b.text) for b in read(path).blocks] == [
        ("paragraph", "We will run a falls service for people over 65. We will adapt homes."),
        ("paragraph", "Our priorities are"),
        ("list_item", "Start well"),
        ("list_item", "Live well"),
    ]


def test_a_numbered_item_ending_on_such_a_word_still_ends_at_the_next_number(
    tmp_path: Path,
) -> None:
    # 'entitled to' / '2. Reach ...' were joined into one item, as was '... by 10%' / '2. ...'.
    from alignck.readers._text import ends_on_word_that_goes_on

    path = tmp_path / "aims.txt"
    path.write_text(
        "1. Help people get the income they are entitled to\n"
        "2. Reach people who do not come to us\n"
        "3. Grow membership income by 10%\n4. Refurbish the Lido\n",
        encoding="utf-8",
    )
    assert [b.text for b in read(path).blocks if b.kind == "list_item"] == [
        "Help people get the income they are entitled to",
        "Reach people who do not come to us",
        "Grow membership income by 10%",
        "Refurbish the Lido",
    ]
    assert ends_on_word_that_goes_on("services for people over")
    assert not ends_on_word_that_goes_on("Grow membership income by 10%")
    # A lead-in ending on such a word and a colon, or above a list's first number, leads in.
    led = tmp_path / "led.txt"
    led.write_text(
        "Over the next five years we will focus on:\n1. The best start in life\n2. Good work\n\n"
        "Together we will work to\n1. Reduce smoking\n2. Cut waiting times\n",
        encoding="utf-8",
    )
    assert [b.text for b in read(led).blocks if b.kind == "list_item"] == [
        "The best start in life",
        "Good work",
        "Reduce smoking",
        "Cut waiting times",
    ]


def test_quotes_keep_fractions_and_sub_and_superscripts_but_ligatures_are_letters() -> None:
    from alignck.readers._text import clean, clean_lines

    written = "95% of families have the 2–2½ year review; CO₂ falls; 70 m² homes"
    assert clean(written) == written
    assert clean_lines([written, "ﬁnancial ﬂow"]) == [written, "financial flow"]
    assert clean("Ｈｅａｌｔｈ  ﬃ") == "Health ffi"


def test_a_text_document_is_quoted_as_written(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("We will cut CO₂ by 40% and offer the 2½ year review.\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks] == [
        "We will cut CO₂ by 40% and offer the 2½ year review."
    ]


def _blocks(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return [(b.kind, b.text) for b in read(path).blocks]


def test_a_numbered_name_on_its_own_line_is_the_item_and_the_lines_below_its_text(
    tmp_path: Path,
) -> None:
    text = (
        "Our four priorities\n\n"
        "1. Tackle loneliness\n"
        "We will grow the peer support network to every ward and train 300 befrienders.\n\n"
        "2. Help people home from hospital\n"
        "Our Home from Hospital service will support 1,500 older people a year.\n"
    )
    assert _blocks(tmp_path, text) == [
        ("heading", "Our four priorities"),
        ("list_item", "Tackle loneliness"),
        (
            "paragraph",
            "We will grow the peer support network to every ward and train 300 befrienders.",
        ),
        ("list_item", "Help people home from hospital"),
        ("paragraph", "Our Home from Hospital service will support 1,500 older people a year."),
    ]


def test_a_section_number_of_two_levels_above_its_text_is_a_heading(tmp_path: Path) -> None:
    """'4.1 Reducing reoffending' straight above its sentences was an item of a list, and the
    promise of its section's heading ('What we will do') made it a commitment: quoted as
    evidence, where Word, numbering its headings so, gives a heading."""
    text = (
        "1. PURPOSE\n\nThis plan says what the unit will do this year.\n\n"
        "4. WHAT WE WILL DO\n\n"
        "4.1 Reducing reoffending\n"
        "We will agree a resettlement plan with every person twelve weeks before release.\n\n"
        "4.2 Domestic abuse\n"
        "We will run the programme for sixty men convicted of abuse.\n"
    )
    blocks = _blocks(tmp_path, text)
    assert ("heading", "4.1 Reducing reoffending") in blocks
    assert ("heading", "4.2 Domestic abuse") in blocks
    assert not [t for kind, t in blocks if kind == "list_item"]
    path = tmp_path / "plan.txt"
    under = [b for b in read(path).blocks if b.text.startswith("We will agree")]
    assert under[0].section == ("4. WHAT WE WILL DO", "4.1 Reducing reoffending")


@pytest.mark.parametrize("dot", ["", "."], ids=["1.1", "1.1."])
def test_section_numbers_under_an_unnumbered_heading_nest_under_it(
    tmp_path: Path, dot: str
) -> None:
    # A review: '1.1 Tackle loneliness' took the level of 'Our priorities' above it and
    # replaced it, where the same file in Markdown nests them and names them priorities;
    # then '1.1.' nested and '1.2.' did not, its trailing dot counted as a level.
    text = (
        "Wolds council plan\n\nOur priorities\n\n"
        f"1.1{dot} Tackle loneliness\nWe will grow the peer support network across every town.\n\n"
        f"1.2{dot} Cut smoking\nWe will fund stop-smoking services in every GP practice.\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    blocks = read(path).blocks
    smoking = next(b for b in blocks if b.text.startswith("We will fund"))
    assert smoking.section == ("Our priorities", f"1.2{dot} Cut smoking")
    from alignck.extract import extract

    stated = [s.text for s in extract(read(path)) if s.kind == "priority"]
    assert stated == ["Tackle loneliness", "Cut smoking"]


@pytest.mark.parametrize(
    "text",
    [
        # One item wrapped: its second line goes on in lower case.
        "OUR ACTIONS\n\n2.1 Family hubs in every district\nwill open by 2026, with health "
        "visitors on site.\n",
        # A figure, not a section's number.
        "About the county\n\n1.2 million people live in Riverside\nThe population is "
        "growing and ageing.\n",
    ],
    ids=["wrapped-item", "decimal-figure"],
)
def test_a_number_of_two_levels_is_no_heading_where_it_is_no_sections(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    headings = [b.text for b in read(path).blocks if b.kind == "heading"]
    assert len(headings) == 1, headings


def test_a_section_number_above_a_list_heads_it_and_a_run_of_numbers_is_a_list(
    tmp_path: Path,
) -> None:
    """A review: '5.1 Rough sleeping' above its bullets stayed an item, and the bullets fell
    in the section of the '4.2' heading before it. A run of '1.1' / '1.2' lines is a list."""
    text = (
        "OUR PLAN\n\nThis plan says what we will do.\n\n"
        "4.2 Domestic abuse\nWe will run the programme for sixty men convicted of abuse.\n\n"
        "5.1 Rough sleeping\n- We will give every person leaving a refuge a safe place.\n\n"
        "6. ACTIONS\n\n1.1 Increase screening uptake\n1.2 Reduce smoking in pregnancy\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    blocks = read(path).blocks
    refuge = next(b for b in blocks if "refuge" in b.text)
    assert refuge.kind == "list_item" and refuge.section[-1] == "5.1 Rough sleeping"
    items = [b.text for b in blocks if b.kind == "list_item" and b.section == ("6. ACTIONS",)]
    assert items == ["Increase screening uptake", "Reduce smoking in pregnancy"]


@pytest.mark.parametrize(
    "item",
    [
        # Wrapped at the file's width: 'NHS' would not have fitted on the line above.
        "1. Cut waiting times for dentists and pharmacies across Eastmoor wards\n"
        "NHS England will fund two more practices.\n",
        # Ends mid-phrase.
        "1. We will work with the\nNHS to cut waiting times.\n",
        # A hanging indent goes on with the item.
        "1. Tackle loneliness\n   We will grow the peer support network.\n",
        # Lower case goes on with the item.
        "1. Tackle loneliness\nand isolation in every ward.\n",
    ],
    ids=["full width", "mid-phrase", "hanging indent", "lower case"],
)
def test_a_wrapped_item_stays_one_item(tmp_path: Path, item: str) -> None:
    text = "Our priorities\n\n" + item + "\nA shorter line of prose under the list.\n"
    blocks = _blocks(tmp_path, text)
    assert [kind for kind, _ in blocks] == ["heading", "list_item", "paragraph"]
    assert blocks[1][1].startswith(item.split("\n")[0][3:].strip())


def test_one_long_line_does_not_make_a_wrapped_item_look_short(tmp_path: Path) -> None:
    import textwrap

    prose = "We fund the Alliance to run projects with partners in every ward. " * 12
    text = (
        "Our priorities\n\n"
        + textwrap.fill(prose, 66)
        + "\n\nSee https://www.example.org/strategy/2025/our-priorities-and-what-we-will-do-"
        "for-each-of-them.html for the full plan.\n\n"
        + textwrap.fill(
            "1. Tackle loneliness through the Connectors programme run by Age UK and local "
            "charities in every ward.",
            66,
        )
        + "\n"
    )
    assert text.count("\nUK and local") == 1  # wrapped before 'UK', as the test needs
    items = [text for kind, text in _blocks(tmp_path, text) if kind == "list_item"]
    assert items == [
        "Tackle loneliness through the Connectors programme run by Age UK and local "
        "charities in every ward."
    ]


def test_a_file_of_short_lines_still_parts_a_name_from_its_text(tmp_path: Path) -> None:
    contacts = "".join(f"Ward {n}: 0161 {n:03}\n" for n in range(13))
    text = (
        "1. Tackle loneliness\nWe will train 300 befrienders.\n\n"
        "2. Warm homes\nWe will insulate 2,000 homes.\n\n" + contacts
    )
    items = [t for kind, t in _blocks(tmp_path, text) if kind == "list_item"]
    assert items == ["Tackle loneliness", "Warm homes"]


def test_each_block_knows_the_line_of_the_file_it_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(
        b"OUR PLAN\r\n\r\nOur priorities\r\n- Warm homes\r\n- Good jobs\r\n\r\n"
        b"We will act.\r\nAnd soon.\r\n\x0cPAGE TWO\n\n1. Tackle loneliness\n"
        b"We will grow the peer support network.\n\nPriorities:\nHomes: warm ones\n"
        b"Jobs: good ones\n"
    )
    doc = read(path)
    assert [(b.text, b.line) for b in doc.blocks] == [
        ("OUR PLAN", 1),
        ("Our priorities", 3),
        ("Warm homes", 4),
        ("Good jobs", 5),
        ("We will act. And soon.", 7),
        ("PAGE TWO", 9),
        ("Tackle loneliness", 11),
        ("We will grow the peer support network.", 12),
        ("Priorities:", 14),
        ("Homes: warm ones", 15),
        ("Jobs: good ones", 16),
    ]


VCS = """NORTHMOOR VOLUNTARY ACTION STRATEGY 2025-2028
============================================

Our strategic priorities
------------------------
Our three priorities are:

1. Tackle loneliness and social isolation
2. Support people facing multiple disadvantage
3. Build a sustainable voluntary sector
"""


def test_a_line_underlined_with_equals_or_dashes_is_a_heading(tmp_path: Path) -> None:
    # The underline was read as text, and the lead-in with it: "list under
    # '…------------------------ Our three priorities are:'", in no section.
    path = tmp_path / "vcs.txt"
    path.write_text(VCS, encoding="utf-8")
    doc = read(path)
    assert [(b.kind, b.level, b.text, b.line) for b in doc.blocks[:3]] == [
        ("heading", 1, "NORTHMOOR VOLUNTARY ACTION STRATEGY 2025-2028", 1),
        ("heading", 2, "Our strategic priorities", 4),
        ("paragraph", 0, "Our three priorities are:", 6),
    ]
    assert doc.blocks[3].section == (
        "NORTHMOOR VOLUNTARY ACTION STRATEGY 2025-2028",
        "Our strategic priorities",
    )
    from alignck.extract import extract

    stated = [s for s in extract(doc) if s.kind == "priority"]
    assert [s.rule for s in stated] == ["list under 'Our three priorities are:'"] * 3


# A paragraph a line, as Word saves text: its prose lines run far past any hand-wrapped width.
_PROSE = (
    "The board plans and pays for services for 1.1 million people across two counties, and "
    "this summary sets out what it will do over the next five years with its partners."
)


@pytest.mark.parametrize(
    "body",
    [
        "2,000 homes with damp and mould will be insulated by 2028.",
        "“Clean air for every child” is our promise: we will bring in a clean air zone.",
        "£2 million will go to warm homes by 2028.",
    ],
    ids=["figure", "quote-mark", "pound-sign"],
)
def test_a_section_whose_text_starts_with_a_figure_or_a_quote_mark_keeps_its_heading(
    tmp_path: Path, body: str
) -> None:
    # A review: only a capital letter was taken to start the sentence under '1.2 Warm homes'.
    text = (
        "Our priorities\n\n1.1 Tackle loneliness\nWe will grow the peer support network.\n\n"
        f"1.2 Warm homes\n{body}\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    blocks = read(path).blocks
    assert ("heading", "1.2 Warm homes") in [(b.kind, b.text) for b in blocks]
    assert blocks[-1].section[-1] == "1.2 Warm homes"


@pytest.mark.parametrize(
    ("above", "heading"),
    [
        (
            "NHS Wenmoor Integrated Care Board\nJoint Forward Plan: Summary",
            "NHS Wenmoor Integrated Care Board Joint Forward Plan: Summary",
        ),
        ("We thank our partners.\nJoint Forward Plan: Summary", "Joint Forward Plan: Summary"),
        (f"{_PROSE}\nJoint Forward Plan: Summary", "Joint Forward Plan: Summary"),
    ],
    ids=["two-title-lines", "under-a-sentence", "under-prose"],
)
def test_an_underlined_title_of_two_lines_in_a_paragraph_a_line_file_keeps_both(
    tmp_path: Path, above: str, heading: str
) -> None:
    # A blind tester's ICB summary: the first of its two title lines above '=====' was
    # dropped from the heading, since such a file parts every line.
    path = tmp_path / "summary.txt"
    path.write_text(f"{above}\n=====\n\n{_PROSE}\n\n{_PROSE}\n", encoding="utf-8")
    blocks = read(path).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == [heading]
    assert blocks[-1].section == (heading,)


@pytest.mark.parametrize(
    "text",
    [
        "We will act on loneliness.\n--------------------------\nWe will fund advice.\n",
        "- Warm homes\n-----------\nWe will fund advice.\n",
        "We will act on loneliness.\n\n=====\n\nWe will fund advice.\n",
    ],
    ids=["under-a-sentence", "under-a-bullet", "alone"],
)
def test_a_rule_that_underlines_no_heading_is_not_read_as_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    blocks = read(path).blocks
    assert not any(b.kind == "heading" for b in blocks)
    assert not any("---" in b.text or "===" in b.text for b in blocks)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("3", True),
        ("Page 3", True),
        ("3 of 12", True),
        ("- 3 -", True),
        ("xii", True),
        ("Civil", False),
        ("ill", False),
        ("2026", False),
    ],
)
def test_what_a_page_break_passes_over_as_a_page_number(line: str, number: bool) -> None:
    from alignck.readers.text import _page_number, _Paragraph

    assert _page_number(_Paragraph([line], False, False, 1)) is number


def _levelled(tmp_path: Path, text: str) -> list[tuple[str, str, int]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return [(b.kind, b.text, b.level) for b in read(path).blocks]


def test_tab_parted_rows_of_different_lengths_are_not_a_table(tmp_path: Path) -> None:
    # A table's rows have as many cells each; these lines only happen to hold tabs.
    assert _levelled(tmp_path, "Priority\tLead\nHomes\tCouncil\tNHS\n") == [
        ("paragraph", "Priority Lead Homes Council NHS", 0)
    ]


def test_a_numbered_heading_s_level_is_its_number_s_depth(tmp_path: Path) -> None:
    text = "2.1 Our aims\n\nWe will act now.\n\n3 Housing\n\nWe will build.\n"
    assert _levelled(tmp_path, text) == [
        ("heading", "2.1 Our aims", 2),
        ("paragraph", "We will act now.", 0),
        ("heading", "3 Housing", 1),
        ("paragraph", "We will build.", 0),
    ]


def test_an_item_indented_under_another_is_a_level_further_down(tmp_path: Path) -> None:
    assert _levelled(tmp_path, "- Warm homes\n  - Insulate every home\n") == [
        ("list_item", "Warm homes", 1),
        ("list_item", "Insulate every home", 2),
    ]


def test_a_line_ending_in_a_comma_above_a_rule_is_not_a_heading(tmp_path: Path) -> None:
    # A sentence the rule parts from the next, not a title it underlines.
    text = "We will work with partners,\n---\nand with residents.\n"
    assert _levelled(tmp_path, text) == [
        ("paragraph", "We will work with partners,", 0),
        ("paragraph", "and with residents.", 0),
    ]


def test_utf32_with_its_byte_order_mark_is_read_as_utf32(tmp_path: Path) -> None:
    # Its little-endian mark opens with UTF-16's: read as UTF-16, every character came
    # with a NUL and the whole file was one paragraph.
    for encoding in ("utf-32", "utf-32-be"):
        path = tmp_path / f"{encoding}.txt"
        body = "Our priorities\n\nWarm homes for older people\n"
        data = body.encode(encoding)
        if encoding == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        path.write_bytes(data)
        doc = read(path)
        assert [b.text for b in doc.blocks] == ["Our priorities", "Warm homes for older people"]
        assert doc.warnings == ()


def test_utf16_cut_short_is_read_with_a_warning_not_refused(tmp_path: Path) -> None:
    # One byte short, it was refused: "'utf-16-le' codec can't decode byte 0x0a ...".
    path = tmp_path / "short.txt"
    path.write_bytes(
        "Warm homes for older people\n\nWe will insulate 500 homes.\n".encode("utf-16")[:-1]
    )
    doc = read(path)
    assert doc.blocks[0].text == "Warm homes for older people"
    assert doc.blocks[1].text == "We will insulate 500 homes."
    assert doc.warnings == (
        f"UTF-16 text cut short (byte {path.stat().st_size - 1}); its last character left out",
    )


def test_utf16_with_a_broken_character_is_read_with_it_marked(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    # A lone low surrogate: no character at all.
    data = "Warm homes.\n".encode("utf-16-le") + b"\x00\xdc" + "Jobs.\n".encode("utf-16-le")
    path.write_bytes(b"\xff\xfe" + data)
    doc = read(path)
    assert [b.text for b in doc.blocks] == ["Warm homes. \ufffdJobs."]
    assert doc.warnings == (
        "not valid UTF-16 (byte 26); read with each broken character shown as \ufffd",
    )


def test_a_labelled_line_over_a_sentence_is_a_line_of_its_own(tmp_path: Path) -> None:
    # 'Priority 1: ...' with its promise on the next line was one paragraph: the promise
    # was listed twice with the priority's name glued on, and under the wrong priority.
    path = tmp_path / "plan.txt"
    path.write_text(
        "Priority 1: Maximise people's income through debt and benefits advice\n"
        "We will run a money advice clinic in every library.\n\n"
        "Aim 2: Warm homes\nOur wardens will visit every tenant.\n\n"
        # Two labels with no blank line between: each name apart from its own promise.
        "Priority 1: Warm homes\nWe will insulate 500 homes.\n"
        "Priority 2: Good jobs\nWe will train 200 apprentices.\n"
    )
    assert [b.text for b in read(path).blocks] == [
        "Priority 1: Maximise people's income through debt and benefits advice",
        "We will run a money advice clinic in every library.",
        "Aim 2: Warm homes",
        "Our wardens will visit every tenant.",
        "Priority 1: Warm homes",
        "We will insulate 500 homes.",
        "Priority 2: Good jobs",
        "We will train 200 apprentices.",
    ]


def test_a_labelled_sentence_wrapped_before_a_name_stays_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Priority 1: we will work with partners in\n"
        "The Potteries to build homes.\n\n"
        "Contents: What the plan means for you 3\nThe plan at a glance 6\n"
    )
    assert [b.text for b in read(path).blocks] == [
        "Priority 1: we will work with partners in The Potteries to build homes.",
        "Contents: What the plan means for you 3 The plan at a glance 6",
    ]


def test_word_s_plain_text_second_level_is_read_under_its_item(tmp_path: Path) -> None:
    # Word's 'Save as Plain Text' writes every level at the first's indent, the second
    # as 'o': the numbered list was cut at the 'o' item and its third priority lost.
    path = tmp_path / "plan.txt"
    path.write_text(
        "1.\tGive every child a great start\n2.\tKeep young people active\n"
        "o\tFootball and dance clubs\n3.\tSafe spaces for teenagers\n\n"
        "\u2022\tWarm homes\no\tInsulation for 300 homes\n\u2022\tGood jobs\n"
        "o\tApprenticeships\n\n"
        # The last item's own sub-items, after a numbered list, and a list of one item's.
        "1.\tSchools\no\tNursery places\n2.\tSport\no\tFootball clubs\n\n"
        "1.\tWarm homes\no\tInsulation\n"
    )
    assert [(b.level, b.text) for b in read(path).blocks] == [
        (1, "Give every child a great start"),
        (1, "Keep young people active"),
        (2, "Football and dance clubs"),
        (1, "Safe spaces for teenagers"),
        (1, "Warm homes"),
        (2, "Insulation for 300 homes"),
        (1, "Good jobs"),
        (2, "Apprenticeships"),
        (1, "Schools"),
        (2, "Nursery places"),
        (1, "Sport"),
        (2, "Football clubs"),
        (1, "Warm homes"),
        (2, "Insulation"),
    ]


def test_bullets_between_numbers_that_do_not_run_on_stay_where_they_are(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("1. Homes\n- Jobs\n4. Streets\n\n- Parks\n- Libraries\n- Open late\n")
    assert [b.level for b in read(path).blocks] == [1, 1, 1, 1, 1, 1]
    # An 'o' after a list of one kind is its last item's own; after a mixed one, not known.
    path.write_text("- Parks\n- Libraries\no Open late\n\n1. Homes\n- Jobs\no Later\n")
    assert [b.level for b in read(path).blocks] == [1, 1, 2, 1, 1, 1]


def test_page_numbers_and_running_titles_of_a_paged_text_are_no_part_of_it(
    tmp_path: Path,
) -> None:
    # 'Page 1' on the last line of a paragraph was quoted in its sentence, and the title
    # repeated at each page's head kept the two halves of a sentence apart.
    title = "Denby Valley Housing \u2013 Homes Strategy 2026\u20132030"
    path = tmp_path / "plan.txt"
    path.write_text(
        f"{title}\n\nWe will retrofit 2,400 homes and work with the\nPage 1\n\f"
        f"{title}\n\nDenby Valley Credit Union to offer loans.\n\nPage 2\n\f"
        f"{title}\n\nWe will adapt 300 homes.\nPage 3\n"
    )
    doc = read(path)
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, title),
        (
            1,
            "We will retrofit 2,400 homes and work with the Denby Valley Credit Union to "
            "offer loans.",
        ),
        (3, "We will adapt 300 homes."),
    ]


def test_a_heading_naming_each_page_and_a_figure_mid_page_are_the_page_s_own(
    tmp_path: Path,
) -> None:
    # Set aside but for their figures, 'Priority 2' and 'Priority 3' heading their pages
    # were taken for a running title and lost; a '300' mid-page for a page number.
    pages = [
        f"Priority {n}\n\nOur target for homes insulated:\n\n300\n\nWe will do it.\n\n"
        f"Homes Strategy - page {n}\n"
        for n in (1, 2, 3)
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\f".join(pages))
    texts = [b.text for b in read(path).blocks]
    assert [t for t in texts if t.startswith("Priority")] == [
        "Priority 1",
        "Priority 2",
        "Priority 3",
    ]
    assert texts.count("300") == 3
    assert not [t for t in texts if "Homes Strategy" in t]


def test_utf16_cut_short_without_a_byte_order_mark_or_inside_a_pair_is_read(
    tmp_path: Path,
) -> None:
    # Without its mark, one byte short was refused as binary; cut inside an emoji's
    # surrogate pair, it was 'not valid UTF-16' with a broken character shown.
    body = "Warm homes for older people\n\nWe will insulate 500 homes \U0001f600"
    for data, encoding in (
        (body.encode("utf-16-le")[:-1], "no mark"),
        (body.encode("utf-16")[:-1], "a pair cut by one byte"),
        (body.encode("utf-16")[:-2], "a pair cut by two"),
    ):
        path = tmp_path / "short.txt"
        path.write_bytes(data)
        doc = read(path)
        assert doc.blocks[0].text == "Warm homes for older people", encoding
        assert doc.blocks[1].text == "We will insulate 500 homes", encoding
        assert len(doc.warnings) == 1 and "UTF-16 text cut short" in doc.warnings[0], encoding


def test_a_footer_whose_page_number_is_set_apart_goes_and_a_figure_or_a_sentence_stays(
    tmp_path: Path,
) -> None:
    # 'Denby Valley Council    3' ending each page was read as a heading over the next
    # page's text once footers had to end on 'page N'; a '300' at a page's foot was dropped
    # as a page number, and a promise repeated at each foot lost from every page.
    footer = "Denby Valley Council    {}\n"
    pages = [
        "We will insulate 500 homes for older people across the\n\n" + footer.format(1),
        "city by 2030.\n\nOur target for homes insulated:\n\n300\n\n" + footer.format(2),
        "We will plant 900 trees.\n\n" + footer.format(3),
        "We will open two hubs.\n\n" + footer.format(4),
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\f".join(pages))
    texts = [b.text for b in read(path).blocks]
    assert texts[0] == "We will insulate 500 homes for older people across the city by 2030."
    assert not [t for t in texts if "Denby Valley Council" in t]
    assert "300" in texts
    promise = "We will review this plan every year."
    path.write_text("\f".join(f"We will act on item {n}.\n\n{promise}\n" for n in range(4)))
    assert [b.text for b in read(path).blocks].count(promise) == 4


def test_bare_page_numbers_that_keep_step_with_the_pages_go(tmp_path: Path) -> None:
    pages = [f"Section {n}\n\nWe will act on item {n}.\n\n{n + 2}\n" for n in range(1, 5)]
    path = tmp_path / "plan.txt"
    path.write_text("\f".join(pages))
    texts = [b.text for b in read(path).blocks]
    assert not [t for t in texts if t.isdigit()]


def test_under_each_of_several_labelled_names_a_lead_in_and_its_column_stay_apart(
    tmp_path: Path,
) -> None:
    # With two labels, what was under each name was one paragraph: 'We will focus on:
    # Insulation Heat pumps', where under one label the lead-in and its column part.
    path = tmp_path / "plan.txt"
    path.write_text(
        "Priority 1: Warm homes\nWe will focus on:\nInsulation\nHeat pumps\n"
        "Priority 2: Good jobs\nWe will train 200 apprentices.\n"
    )
    assert [b.text for b in read(path).blocks] == [
        "Priority 1: Warm homes",
        "We will focus on:",
        "Insulation",
        "Heat pumps",
        "Priority 2: Good jobs",
        "We will train 200 apprentices.",
    ]


def test_years_heading_pages_and_numbered_section_labels_are_no_page_furniture(
    tmp_path: Path,
) -> None:
    # '2026' / '2027' / '2028' heading their pages went as page numbers, and 'Priority – 1'
    # / 'Priority – 2' as a running title: sections lost. A number on one page's foot that
    # is its place goes; a footer of two pages goes from both.
    path = tmp_path / "plan.txt"
    path.write_text("\f".join(f"{2026 + n}\n\nWe will open hub {n}.\n" for n in range(3)))
    assert [b.text for b in read(path).blocks if b.text.isdigit()] == ["2026", "2027", "2028"]
    path.write_text("\f".join(f"Priority \u2013 {n}\n\nWe will act on {n}.\n" for n in (1, 2, 3)))
    assert len([b for b in read(path).blocks if b.text.startswith("Priority")]) == 3
    path.write_text("We will insulate homes.\fWe will open two hubs.\n2\n")
    assert [b.text for b in read(path).blocks] == [
        "We will insulate homes.",
        "We will open two hubs.",
    ]
    path.write_text(
        "We will work with the\n\nDenby Valley Council    1\f"
        "voluntary sector to open hubs.\n\nDenby Valley Council    2\n"
    )
    assert [b.text for b in read(path).blocks] == [
        "We will work with the voluntary sector to open hubs."
    ]
    pages = [f"Page {n} | Homes Strategy\n\nWe will act on item {n}.\n" for n in (1, 2, 3)]
    path.write_text("\f".join(pages))
    assert not [b for b in read(path).blocks[1:] if "Homes Strategy" in b.text]


def test_a_wrapped_sentence_ending_on_a_word_that_goes_on_is_no_column_of_names(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("We will insulate 300 homes with\nDenby Homes and\nWarm Works Ltd\n")
    assert [b.text for b in read(path).blocks] == [
        "We will insulate 300 homes with Denby Homes and Warm Works Ltd"
    ]


# A document saved as text by Word or LibreOffice: a paragraph a line, however long, with no
# blank line between paragraphs; a list's items indented; a table's cells a line each.
_SAVED_AS_TEXT = [
    "Healthier Brackenford",
    "Brackenford Borough Council Wellbeing Plan 2026–2029",
    "Contents",
    "Introduction\t2",
    "Our priorities\t3",
    "Measuring progress\t5",
    "Introduction",
    "This plan sets out what the borough council will do over the next three years to help "
    "people in Brackenford live longer and healthier lives, working with the NHS and local "
    "charities.",
    "Our priorities",
    "After talking to more than 900 residents last year, the council has agreed three "
    "priorities for the years to come:",
    "    1. Warm homes for every family",
    "    2. Parks and play close to home",
    "    3. Fewer people lonely",
    "Each priority has a lead councillor, and the council's cabinet will review progress on "
    "all three every six months in public, with the figures published on our website.",
    "Measuring progress",
    "Priority",
    "Measure",
    "Target",
    "Warm homes for every family",
    "Homes insulated",
    "400",
]


@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no blank lines", "blank lines"])
def test_a_document_saved_as_text_is_read_a_paragraph_a_line(tmp_path: Path, between: str) -> None:
    # A tester's Word and LibreOffice exports: lines with no blank line between them were
    # joined, so the list's last item ran into the next paragraph and headings into their
    # text; set apart by blank lines, each item was a numbered heading, and table cells too.
    blocks = _blocks(tmp_path, between.join(_SAVED_AS_TEXT) + "\n")
    items = [text for kind, text in blocks if kind == "list_item"]
    assert items == [
        "Warm homes for every family",
        "Parks and play close to home",
        "Fewer people lonely",
    ]
    # A heading straight above a table's cells cannot be told from them, so is text. Set
    # apart by blank lines, short lines are read as headings again (a title over a heading
    # over a sub-heading; a review found them read as text).
    headings = [text for kind, text in blocks if kind == "heading"]
    if between == "\n":
        assert headings == ["Introduction", "Our priorities"]
    else:
        assert {"Introduction", "Our priorities"} <= set(headings)
    paragraphs = [text for kind, text in blocks if kind == "paragraph"]
    assert _SAVED_AS_TEXT[7] in paragraphs
    assert _SAVED_AS_TEXT[13] in paragraphs
    if between == "\n":
        assert {"Priority", "Measure", "Target", "400"} <= set(paragraphs)  # a table's cells


def test_a_file_wrapped_by_hand_keeps_its_lines_together(tmp_path: Path) -> None:
    # Two long lines (an address, a long name) do not make a wrapped file a paragraph a line.
    text = (
        "Our priorities\n\n"
        "The council has agreed three priorities, after talking to more than 900\n"
        "residents across the borough last year and to every partner of the\n"
        "health and wellbeing board, whose members met four times to agree them.\n\n"
        "Read the full consultation report, the equality impact assessment and the minutes "
        "of every meeting on our website at the address below, or ask for a paper copy.\n"
        "Brackenford Borough Council, Town Hall, Market Square, Brackenford, BR1 1AA, "
        "telephone 01234 567890, email wellbeing@brackenford.example\n"
    )
    blocks = _blocks(tmp_path, text)
    assert (
        "paragraph",
        "The council has agreed three priorities, after talking to more than 900 residents "
        "across the borough last year and to every partner of the health and wellbeing board, "
        "whose members met four times to agree them.",
    ) in blocks


@pytest.mark.parametrize(
    "text",
    [
        # Wrapped wider than 120 columns: its long lines end mid-sentence.
        "Our priorities\n\nThe council will insulate four hundred homes by 2028 and work with "
        "Denby Homes, Warm Works and the health service, with the\nNHS trust paying for the "
        "first two hundred, to reach families in fuel poverty across every ward of the "
        "borough.\n\nParks and play\n\nEvery child should live within ten minutes' walk of a "
        "park or play area by 2029, and the council will reopen the old park with\nnew play "
        "equipment and a cafe run by a local charity.\n",
        # Wrapped at 72 columns beside a table of long rows.
        "Our priorities\n\nThe council has agreed three priorities after talking to residents\n"
        "across the borough last year and to every partner of the\nHealth and Wellbeing "
        "Board, who met four times to agree them.\n\n"
        "| Priority | What we will do | Lead | Target date | Measure of what we will do |\n"
        "| Warm homes for every family | Insulate four hundred homes with Denby Homes and Warm "
        "Works | Cllr Patel | March 2028 | Homes insulated |\n"
        "| Parks and play close to home | Reopen the old park with new play equipment and a "
        "cafe | Cllr Jones | June 2027 | Parks reopened |\n",
    ],
    ids=["wide", "beside a table"],
)
def test_files_wrapped_by_hand_are_not_read_a_line_a_paragraph(tmp_path: Path, text: str) -> None:
    # A review's repros: a capital letter at the start of one wrapped line, or two long table
    # rows, read every wrapped line of the file as a paragraph of its own.
    from alignck.readers.text import _unwrapped

    assert not _unwrapped(text)
    paragraphs = [t for kind, t in _blocks(tmp_path, text) if kind == "paragraph"]
    assert any(t.startswith("The council") and t.rstrip().endswith(".") for t in paragraphs)


def test_short_lines_set_apart_by_blank_lines_still_head_the_text(tmp_path: Path) -> None:
    # A title, a heading and a sub-heading, each set apart, in a file of a paragraph a line.
    long = (
        "The council will insulate four hundred homes by 2028 and work with Denby Homes, Warm "
        "Works and the health service to reach families in fuel poverty."
    )
    text = f"Housing Strategy 2026\n\nOur priorities\n\nWarm homes\n\n{long}\n\nParks\n\n{long}\n"
    headings = [t for kind, t in _blocks(tmp_path, text) if kind == "heading"]
    assert headings == ["Housing Strategy 2026", "Our priorities", "Warm homes", "Parks"]


def test_a_short_line_above_a_heading_later_in_a_paragraph_a_line_file_stays_apart(
    tmp_path: Path,
) -> None:
    # A review: a signature above a '-----' heading was taken into it, and every later
    # quote's section read 'Cllr Jane Smith, Leader of the Council Children and families'.
    text = (
        f"Riverside Council\nCouncil Plan 2025 to 2030\n=====\n\n{_PROSE}\n"
        "Cllr Jane Smith, Leader of the Council\nChildren and families\n---------------------\n"
        f"{_PROSE}\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    blocks = read(path).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings[0] == "Riverside Council Council Plan 2025 to 2030"
    assert "Children and families" in headings
    assert blocks[-1].section[-1] == "Children and families"
