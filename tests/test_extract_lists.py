"""The fitted list scorer: lists the rules leave alone, weighed by generic features."""

import json
from importlib import resources
from pathlib import Path

from tests.conftest import blocks_document

from alignck.extract import extract, stated_priorities
from alignck.extract._lists import FEATURES, list_candidates, list_runs
from alignck.extract._scorer import ListModel, shipped_model
from alignck.model import Block, Document
from alignck.readers import read_document


def _doc(*blocks: tuple[str, str]) -> Document:
    return blocks_document(*blocks)


def _stated(doc: Document) -> list[str]:
    return [s.text for s in stated_priorities(extract(doc))]


def test_shipped_weights_cover_the_features_in_order() -> None:
    data = json.loads(resources.files("alignck.data").joinpath("extraction.json").read_text())
    assert data["features"] == list(FEATURES)
    assert data["version"].startswith("data-")
    assert len(data["weights"]) == len(FEATURES)


def test_a_list_announced_by_the_sentence_before_its_lead_in_is_taken() -> None:
    doc = _doc(
        ("heading", "Introduction"),
        ("paragraph", "The plan is framed around our four objectives. They are to:"),
        ("list_item", "Grow a fairer local economy"),
        ("list_item", "Give every child a good start"),
        ("list_item", "Keep older people independent"),
        ("list_item", "Cut the town's carbon emissions"),
    )
    found = stated_priorities(extract(doc))
    assert [s.text for s in found][:2] == [
        "Grow a fairer local economy",
        "Give every child a good start",
    ]
    # Why it was taken: the lead-in it sits under.
    assert found[0].rule == "list under 'They are to:'"


def test_a_list_of_things_done_is_not_taken() -> None:
    doc = _doc(
        ("heading", "Our story so far"),
        ("paragraph", "Since the last plan, we have:"),
        ("list_item", "opened two new libraries in the east of the town"),
        ("list_item", "resurfaced forty miles of road across the district"),
        ("list_item", "planted three thousand trees along the river"),
    )
    assert _stated(doc) == []


def test_a_single_remark_in_a_list_is_no_candidate() -> None:
    doc = _doc(("paragraph", "Our aims:"), ("list_item", "Clean air"))
    assert list(list_candidates(doc.blocks)) == []


def test_a_model_that_takes_nothing_leaves_the_rules_alone() -> None:
    never = ListModel(tuple(0.0 for _ in FEATURES), cutoff=2.0)
    doc = _doc(
        ("paragraph", "The plan was agreed in May. It sets out how we will:"),
        ("list_item", "Grow a fairer local economy"),
        ("list_item", "Give every child a good start"),
    )
    assert [s for s in extract(doc, never) if s.kind == "priority"] == []
    assert shipped_model() is not None


def test_a_long_lead_in_is_shown_by_its_end() -> None:
    doc = _doc(
        (
            "paragraph",
            "The partnership board will oversee the development of a delivery plan made up of "
            "the following key components:",
        ),
        ("list_item", "Fewer people in fuel poverty"),
        ("list_item", "More young people in training"),
        ("list_item", "Cleaner rivers and parks"),
    )
    found = stated_priorities(extract(doc))
    assert (
        found[0].rule == "list under '…of a delivery plan made up of the following key components:'"
    )


def test_a_list_of_what_was_achieved_is_not_taken() -> None:
    doc = _doc(
        (
            "paragraph",
            "Last year we achieved a great deal for our residents, including:",
        ),
        ("list_item", "Opening the new riverside leisure centre"),
        ("list_item", "Planting five thousand street trees"),
        ("list_item", "Keeping the lowest council tax in the county"),
    )
    candidate = next(list_candidates(doc.blocks))
    achieved = dict(zip(FEATURES, candidate.features, strict=True))["lead_achievement"]
    assert achieved == 1.0
    assert _stated(doc) == []


def test_a_list_numbered_one_throughout_is_one_list(tmp_path: Path) -> None:
    # Markdown renders '1. 1. 1.' as 1, 2, 3: one list, not three lists of one item.
    path = tmp_path / "plan.md"
    path.write_text(
        "## Our delivery programmes\n\nThe plan has three delivery programmes.\n\n"
        "1. Healthy homes\n   - Insulate older council homes\n"
        "1. Safer streets\n   - Light every underpass\n"
        "1. Cleaner air\n",
        encoding="utf-8",
    )
    runs = list(list_runs(read_document(path).blocks))
    assert len(runs) == 1
    run = runs[0][1]
    assert [item.text for item in run if item.level == run[0].level] == [
        "Healthy homes",
        "Safer streets",
        "Cleaner air",
    ]


def test_a_list_numbered_afresh_starts_a_new_list() -> None:
    blocks = tuple(
        Block("list_item", text, number, level=1, marker=marker)
        for number, (marker, text) in enumerate(
            [("1.", "Healthy homes"), ("2.", "Safer streets"), ("1.", "Open the new library")],
            start=1,
        )
    )
    assert [len(run) for _, run in list_runs(blocks)] == [2, 1]


def test_lists_are_weighed_where_the_rules_found_only_headings() -> None:
    # The page's sections sit under a heading with a priority word, so the rules take the
    # section titles ('Five year strategy', 'Annual report'); the list of aims in one of
    # those sections, led in by no priority word, is weighed all the same.
    rows = [
        ("heading", 1, "Our priorities and plans"),
        ("heading", 2, "Five year strategy"),
        ("paragraph", 0, "In the spring the board agreed a new strategy for the trust."),
        ("paragraph", 0, "It rests on four big changes, which guide everything we do:"),
        ("list_item", 1, "Cut waiting times for planned operations"),
        ("list_item", 1, "Give every patient a named nurse"),
        ("list_item", 1, "Halve the trust's carbon emissions"),
        ("list_item", 1, "Become the best place to work in the region"),
        ("heading", 2, "Annual report"),
        ("paragraph", 0, "Our annual report for last year is published each summer."),
    ]
    blocks = tuple(
        Block(kind, text, number, level=level, marker="•" if kind == "list_item" else None)  # type: ignore[arg-type]
        for number, (kind, level, text) in enumerate(rows, start=1)
    )
    found = extract(Document("plan.md", "markdown", blocks))
    headings = [s.text for s in found if s.rule == "sub-heading"]
    assert headings == ["Five year strategy", "Annual report"]
    stated = [s.text for s in stated_priorities(found)]
    assert "Cut waiting times for planned operations" in stated
    assert "Become the best place to work in the region" in stated


def test_a_colon_lead_in_is_read_across_a_heading_set_between_it_and_its_list() -> None:
    # A page's layout can put a banner heading between the sentence that introduces a list
    # and the list itself; a reader still takes the sentence as the lead-in.
    doc = _doc(
        ("heading", "About the partnership"),
        ("paragraph", "Over the next three years our strategic aims are as follows:"),
        ("heading", "Working better together"),
        ("list_item", "Warmer homes for older residents"),
        ("list_item", "Safer routes to school"),
        ("list_item", "Cleaner air in the town centre"),
    )
    candidate = next(list_candidates(doc.blocks))
    features = dict(zip(FEATURES, candidate.features, strict=True))
    assert features["lead_colon"] == 1.0
    assert features["lead_announces"] == 1.0
    lead = "Over the next three years our strategic aims are as follows:"
    assert candidate.why == f"list under '{lead}'"


def test_a_heading_over_a_list_stays_its_lead_in_when_no_colon_comes_before() -> None:
    doc = _doc(
        ("paragraph", "The council met in May and agreed the budget."),
        ("heading", "Working better together"),
        ("list_item", "Warmer homes for older residents"),
        ("list_item", "Safer routes to school"),
    )
    candidate = next(list_candidates(doc.blocks))
    assert candidate.why == "list under 'Working better together'"


NUMBERED_WITH_TEXT = """\
# Riverside Council Plan

## Our priorities

1. Thriving children and young people

Every child should grow up safe. We will open four family hubs.

2. Safe and affordable homes

We will build 1,200 affordable homes.

We will inspect every privately rented home.

3. Good jobs and a fair economy

We will support 500 apprenticeships.
"""


def test_numbered_priorities_each_followed_by_its_text_are_one_list(tmp_path: Path) -> None:
    # Markdown, Word and PDF alike give '1.', its paragraphs, '2.', ...: one run per item,
    # of which only the first, under the heading, was taken.
    path = tmp_path / "plan.md"
    path.write_text(NUMBERED_WITH_TEXT, encoding="utf-8")
    assert _stated(read_document(path)) == [
        "Thriving children and young people",
        "Safe and affordable homes",
        "Good jobs and a fair economy",
    ]


def test_numbering_goes_on_only_across_paragraphs_and_in_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    # A heading between items ends the list, and so does a number that does not follow.
    path.write_text(
        "# Plan\n\n## Our priorities\n\n1. Warm homes\n\nText.\n\n## Our values\n\n2. Respect\n\n"
        "Text.\n\n4. Honesty\n",
        encoding="utf-8",
    )
    runs = [[b.text for b in run] for _, run in list_runs(read_document(path).blocks)]
    assert runs == [["Warm homes"], ["Respect"], ["Honesty"]]
    # Word numbers a second list on from the first: a lead-in ending in a colon starts it.
    path.write_text(
        "# Plan\n\nOur aims:\n\n1. Warm homes\n2. Clean air\n\nOur principles:\n\n"
        "3. Prevention first\n4. Equity\n",
        encoding="utf-8",
    )
    runs = [[b.text for b in run] for _, run in list_runs(read_document(path).blocks)]
    assert runs == [["Warm homes", "Clean air"], ["Prevention first", "Equity"]]


def _numbered_apart(paragraphs: int) -> tuple[Block, ...]:
    """'1. Healthy homes', ``paragraphs`` paragraphs of its text, then '2. Safer streets'."""
    specs = [
        ("list_item", "Healthy homes", "1."),
        *[("paragraph", f"We will act on it, part {n}.", None) for n in range(paragraphs)],
        ("list_item", "Safer streets", "2."),
    ]
    return tuple(
        Block(kind, text, number, level=1 if marker else 0, marker=marker)  # type: ignore[arg-type]
        for number, (kind, text, marker) in enumerate(specs, start=1)
    )


def test_a_numbered_list_goes_on_across_three_paragraphs_but_not_four() -> None:
    # Each item may have a paragraph or three of its own text; past that, a '2.' is
    # another list's.
    assert [[b.text for b in run] for _, run in list_runs(_numbered_apart(3))] == [
        ["Healthy homes", "Safer streets"]
    ]
    assert [[b.text for b in run] for _, run in list_runs(_numbered_apart(4))] == [
        ["Healthy homes"],
        ["Safer streets"],
    ]
