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
