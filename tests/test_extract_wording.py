"""Priorities stated in running text rather than as lists or headings (issue 14's failure
kinds, on documents written here)."""

from alignck.extract import extract, stated_priorities
from alignck.model import Block, Document


def _paragraphs(*texts: str, heading: str | None = None) -> Document:
    blocks = [Block("heading", heading, 1, None, (), 1, None)] if heading else []
    for text in texts:
        section = (heading,) if heading else ()
        blocks.append(Block("paragraph", text, len(blocks) + 1, None, section, 0, None))
    return Document("plan.md", "markdown", tuple(blocks))


def _stated(doc: Document) -> list[str]:
    return [s.text for s in stated_priorities(extract(doc))]


def test_a_colon_list_led_by_what_the_plan_focuses_on_is_stated() -> None:
    doc = _paragraphs(
        "Over the coming years the plan steers us by focusing on what counts most: safe "
        "neighbourhoods; thriving high streets; cleaner rivers; and a fairer start for every child."
    )
    assert _stated(doc) == [
        "safe neighbourhoods",
        "thriving high streets",
        "cleaner rivers",
        "a fairer start for every child",
    ]


def test_a_colon_in_an_ordinary_sentence_lists_no_priorities() -> None:
    doc = _paragraphs("The library opens on three days: Monday, Wednesday and Friday.")
    assert _stated(doc) == []
