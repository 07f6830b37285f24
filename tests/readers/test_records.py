"""Records written as labelled lines, one field a paragraph ('Programme: ...', 'Description:
...', again for each programme), are read as headed sections in every format: the first
field of each record names it."""

from dataclasses import replace

import pytest

from alignck.extract import extract
from alignck.model import Block
from alignck.readers import read_document
from alignck.readers._records import records_as_headings

PAPER = [
    ("h1", "Westbury Integrated Care Board"),
    ("p", "Title: Prevention investment for 2025/26"),
    ("p", "Author: Director of Public Health"),
    ("h2", "Our priorities for 2025/26"),
    ("p", "Programme: Healthy Start Westbury"),
    ("p", "Description: Increase take-up of vitamins among families with young children."),
    ("p", "Investment: £650,000"),
    ("p", "Programme: Warm Homes Prescription"),
    ("p", "Description: Pay the winter energy bills of people with lung disease."),
    ("p", "Investment: £900,000"),
    ("p", "Programme: Falls Prevention"),
    ("p", "Description: Offer home hazard checks to older people at risk of falls."),
    ("p", "Investment: £1,250,000"),
    ("h2", "Recommendation"),
    ("p", "The Board is asked to approve the three programmes."),
]
NAMES = ["Healthy Start Westbury", "Warm Homes Prescription", "Falls Prevention"]


@pytest.mark.parametrize("name", ["paper.txt", "paper.md", "paper.docx", "paper.pdf"])
def test_each_record_s_first_field_names_a_priority_in_every_format(  # type: ignore[no-untyped-def]
    make_document, name: str
) -> None:
    document = read_document(make_document(name, PAPER))
    stated = [s for s in extract(document) if s.kind == "priority"]
    # Before, 'Investment: £650,000' and a programme's label line were taken, the names never.
    assert [s.text for s in stated] == NAMES
    headings = [b for b in document.blocks if b.kind == "heading" and b.text in NAMES]
    assert len(headings) == 3
    # Each record's fields sit under its name; the cover sheet's single record is as written.
    described = next(b for b in document.blocks if b.text.startswith("Description: Pay"))
    assert described.section[-1] == "Warm Homes Prescription"
    assert any(b.text == "Author: Director of Public Health" for b in document.blocks)


def _paragraphs(*texts: str) -> tuple[Block, ...]:
    return tuple(Block("paragraph", text, n) for n, text in enumerate(texts))


def test_only_records_of_one_shape_with_names_for_their_first_field_are_headed() -> None:
    records = _paragraphs("Programme: A", "Lead: X", "Programme: B", "Lead: Y")
    # A bold label ('**Programme:** A') is no lead of the heading the name becomes.
    bold = tuple(b if b.text.startswith("Lead") else replace(b, lead="Programme") for b in records)
    assert [(b.text, b.lead) for b in records_as_headings(bold)][:2] == [
        ("A", None),
        ("Lead: X", None),
    ]
    assert [b.kind for b in records_as_headings(records)] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    # A lone record (a cover sheet), records of different fields, a first field that is a
    # sentence, and fields of one line each are all left as written.
    for blocks in (
        _paragraphs("Title: Plan", "Author: Me", "Date: May"),
        _paragraphs("Programme: A", "Lead: X", "Programme: B", "Budget: £5"),
        _paragraphs("Aim: We will cut smoking. Now.", "Lead: X", "Aim: More. Now.", "Lead: Y"),
        _paragraphs("Programme: A", "Programme: B"),
        _paragraphs("Q: Falls work", "A: Community trust", "Q: Start", "A: April"),
    ):
        assert records_as_headings(blocks) == blocks
