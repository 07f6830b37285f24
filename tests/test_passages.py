from alignck.model import Block, Document
from alignck.passages import build_passages


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
