"""A table of contents is dropped by every reader: its entries repeat the headings with a
page number glued on, and were taken for the stated priorities, quoted at the contents page."""

import pytest

from alignck.extract import extract
from alignck.model import Block
from alignck.readers import read_document
from alignck.readers._contents import without_contents

STRATEGY = [
    ("h1", "Westbury Health and Wellbeing Strategy"),
    ("p", "Westbury Health and Wellbeing Board"),
    ("break", None),
    ("h2", "Contents"),
    ("p", "Our priorities .......... 3"),
    ("p", "Priority 1: Start well .......... 3"),
    ("p", "Priority 2: Live well .......... 4"),
    ("p", "Priority 3: Age well .......... 5"),
    ("break", None),
    ("h2", "Our priorities"),
    ("p", "The Board agreed three priorities for the next five years."),
    ("h3", "Priority 1: Start well"),
    ("p", "We will open a family hub in every town and expand health visiting."),
    ("break", None),
    ("h3", "Priority 2: Live well"),
    ("p", "We will fund a stop smoking service in every pharmacy."),
    ("break", None),
    ("h3", "Priority 3: Age well"),
    ("p", "We will offer a falls prevention class in every ward."),
]


@pytest.mark.parametrize("name", ["strategy.md", "strategy.docx", "strategy.pdf"])
def test_a_contents_page_is_not_read_as_the_stated_priorities(make_document, name: str) -> None:  # type: ignore[no-untyped-def]
    document = read_document(make_document(name, STRATEGY))
    texts = [block.text for block in document.blocks]
    assert not any(".........." in text for text in texts)
    stated = [(s.text, s.location.section) for s in extract(document) if s.kind == "priority"]
    assert [text for text, _ in stated] == ["Start well", "Live well", "Age well"]
    assert all(section and "Contents" not in section for _, section in stated)
    if name.endswith(".pdf"):
        # Each priority's heading opens a short page and repeats a contents entry: it was
        # dropped as a running header, and its commitment filed under the one before.
        pages = {s.text: s.location.page for s in extract(document) if s.kind == "priority"}
        assert pages == {"Start well": 3, "Live well": 4, "Age well": 5}


def _blocks(*texts: str, kind: str = "paragraph") -> list[Block]:
    return [Block(kind, text, n) for n, text in enumerate(texts)]  # type: ignore[arg-type]


def test_entries_are_dropped_only_where_their_names_come_back_later() -> None:
    contents = _blocks("Start well 3", "Live well\t4", "Age well 5")
    body = [Block("heading", t, 10 + n) for n, t in enumerate(["Start well", "Live well"])]
    assert [b.text for b in without_contents([*contents, *body])] == ["Start well", "Live well"]
    # Targets ending in a number name nothing that follows: they are text.
    targets = _blocks("Cut smoking to 5", "Plant trees in 12", "Open hubs in 20", kind="list_item")
    assert without_contents([*targets, *body]) == (*targets, *body)
    # Numbers that go down are not page numbers.
    falling = _blocks("Start well 5", "Live well 4")
    assert without_contents([*falling, *body]) == (*falling, *body)
    # Entries after the headings they name point back: a list, not a table of contents.
    assert without_contents([*body, *contents]) == (*body, *contents)


# A contents page that lists sections the copy does not hold (a document cut short), with
# entries worded as promises: they named no heading later, so they were read as text and
# quoted as commitments.
CUT_SHORT = [
    ("h1", "Eastdale Leisure Trust Business Plan"),
    ("h2", "Contents"),
    ("p", "Introduction .......... 2"),
    ("p", "How we will tackle health inequalities .......... 7"),
    ("p", "Priority 1: Active lives for everyone .......... 9"),
    ("h2", "Introduction"),
    ("p", "Eastdale Leisure Trust runs six leisure centres for the district council."),
]


@pytest.mark.parametrize("name", ["plan.md", "plan.docx", "plan.pdf", "plan.txt"])
def test_contents_entries_that_name_nothing_later_are_navigation_never_commitments(  # type: ignore[no-untyped-def]
    make_document, name: str
) -> None:
    document = read_document(make_document(name, CUT_SHORT))
    navigation = [block.text for block in document.blocks if block.navigation]
    assert navigation == [
        "Introduction",
        "How we will tackle health inequalities",
        "Priority 1: Active lives for everyone",
    ]
    statements = extract(document)
    assert not [s for s in statements if s.kind == "commitment"]
    # An entry can still name a priority: a cut-short copy states it nowhere else.
    assert [s.text for s in statements if s.kind == "priority"] == ["Active lives for everyone"]


def test_entries_under_a_contents_heading_or_with_leaders_are_navigation() -> None:
    heading = Block("heading", "Contents", 0)
    entries = _blocks("How we will cut emissions 7", "How we will plant trees 9")
    marked = without_contents([heading, *entries])
    assert [(b.text, b.navigation) for b in marked[1:]] == [
        ("How we will cut emissions", True),
        ("How we will plant trees", True),
    ]
    # The same lines under another heading, without leaders, are text.
    other = Block("heading", "Targets", 0)
    assert without_contents([other, *entries]) == (other, *entries)
    # A two-column contents table: the name keeps its row, the page number goes.
    row = [
        Block("table_cell", "Our priorities ..........", 1, cell=(0, 0)),
        Block("table_cell", "3", 2, cell=(0, 1)),
        Block("table_cell", "Our people ..........", 3, cell=(1, 0)),
        Block("table_cell", "5–6", 4, cell=(1, 1)),
    ]
    assert [(b.text, b.navigation) for b in without_contents(row)] == [
        ("Our priorities", True),
        ("Our people", True),
    ]


def test_an_entry_names_a_later_heading_whatever_the_heading_s_section_number() -> None:
    # The entries stayed as the stated priorities, located at the contents page.
    contents = _blocks("Our vision 2", "Priority one: Healthier communities 3")
    body = [
        Block("heading", "1. Our vision", 10),
        Block("heading", "3. Priority one: Healthier communities", 11),
    ]
    assert [b.text for b in without_contents([*contents, *body])] == [b.text for b in body]


def test_a_table_of_priorities_and_years_or_a_list_of_age_bands_is_not_contents() -> None:
    # Their names come back as headings later, and their figures go up: they were dropped.
    body = [
        Block("heading", name, 20 + n)
        for n, name in enumerate(["Warm homes", "Clean air", "Start well", "Grow well"])
    ]
    years = [
        Block("table_cell", "Priority", 1, cell=(0, 0)),
        Block("table_cell", "Delivered by", 2, cell=(0, 1)),
        Block("table_cell", "Warm homes", 3, cell=(1, 0)),
        Block("table_cell", "2026", 4, cell=(1, 1)),
        Block("table_cell", "Clean air", 5, cell=(2, 0)),
        Block("table_cell", "2028", 6, cell=(2, 1)),
    ]
    assert without_contents([*years, *body]) == (*years, *body)
    bands = _blocks("Start well 0–5", "Grow well 5–19", kind="list_item")
    assert without_contents([*bands, *body]) == (*bands, *body)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "spaced.txt",
            "Plan\n\nContents\n\nIntroduction . . . . . . . 2\n"
            "How we will tackle health inequalities . . . . . . . 7\n"
            "Priority 1: Active lives . . . . . . . 9\n\nIntroduction\n\nWe run leisure centres.\n",
        ),
        (
            "anchors.md",
            "# Plan\n\n## Contents\n\n* [Introduction](#intro)\n"
            "* [How we will tackle health inequalities](#inequalities)\n"
            "* [Priority 1: Active lives](#active)\n\n## Introduction\n\nWe run leisure centres.\n",
        ),
        (
            "pageword.md",
            "# Plan\n\n## Table of contents\n\n- Introduction, page 2\n"
            "- How we will tackle health inequalities, page 7\n- Priority 1: Active lives, page 9\n"
            "\n## Introduction\n\nWe run leisure centres.\n",
        ),
    ],
)
def test_contents_pages_of_other_shapes_are_navigation_too(tmp_path, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    # Each made 'How we will tackle health inequalities' a commitment, aligned.
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert [b.text for b in document.blocks if b.navigation] == [
        "Introduction",
        "How we will tackle health inequalities",
        "Priority 1: Active lives",
    ]
    statements = extract(document)
    assert [(s.kind, s.text) for s in statements] == [("priority", "Active lives")]
