"""A document's likeliest list or sentence: taken where nothing reaches the scorers' cut-off
but it reaches the lower cut-off fitted for a document's best."""

from tests.conftest import blocks_document, from_script

from alignck.extract import extract, stated_priorities
from alignck.extract._lists import FEATURES
from alignck.extract._prose import SENTENCE_FEATURES
from alignck.extract._scorer import ListModel, shipped_model, shipped_sentence_model
from alignck.model import Document, Statement


def _doc(*blocks: tuple[str, str]) -> Document:
    return blocks_document(*blocks, name="update.md")


# With every weight zero, every candidate is as likely as the next: 0.5.
def _lists(best: float) -> ListModel:
    return ListModel(tuple(0.0 for _ in FEATURES), cutoff=0.9, best=best)


def _sentences(best: float) -> ListModel:
    return ListModel(tuple(0.0 for _ in SENTENCE_FEATURES), cutoff=0.9, best=best)


# Two lists under plain paragraphs that announce nothing, and no heading the rules read.
_TWO_LISTS = _doc(
    ("paragraph", "The board met on Monday and looked at the year ahead."),
    ("paragraph", "It settled on the following."),
    ("list_item", "Warmer homes for older residents"),
    ("list_item", "Shorter waits for talking therapies"),
    ("list_item", "More young carers known to schools"),
    ("paragraph", "Those present included:"),
    ("list_item", "the chair of the board"),
    ("list_item", "two ward councillors"),
    ("list_item", "the director of public health"),
)


def _priorities(doc: Document, lists: ListModel, sentences: ListModel) -> list[Statement]:
    found = extract(doc, lists, sentence_model=sentences)
    return [s for s in stated_priorities(found) if s.kind == "priority"]


def _stated(doc: Document, lists: ListModel, sentences: ListModel) -> list[str]:
    return [s.text for s in _priorities(doc, lists, sentences)]


def test_the_likeliest_list_is_taken_where_it_reaches_the_cutoff_for_a_best() -> None:
    stated = _priorities(_TWO_LISTS, _lists(0.5), _sentences(2.0))
    # Equally likely: the first of them, and only it.
    assert [s.text for s in stated] == [
        "Warmer homes for older residents",
        "Shorter waits for talking therapies",
        "More young carers known to schools",
    ]
    assert all(s.rule.endswith("(the likeliest list)") for s in stated)


def test_below_the_cutoff_for_a_best_no_list_is_taken() -> None:
    assert _stated(_TWO_LISTS, _lists(0.6), _sentences(2.0)) == []


# No list; one sentence that enumerates, led by nothing that announces priorities.
_ONE_SENTENCE = _doc(
    ("heading", "Partnership update"),
    (
        "paragraph",
        "Over the summer the partners focused on warmer homes for older residents, shorter "
        "waits for talking therapies and support for young carers.",
    ),
    ("paragraph", "We will report again in the spring."),
)


def test_the_likeliest_sentence_is_taken_where_no_list_is() -> None:
    stated = _priorities(_ONE_SENTENCE, _lists(0.5), _sentences(0.5))
    assert [s.text for s in stated] == [
        "warmer homes for older residents",
        "shorter waits for talking therapies",
        "support for young carers",
    ]
    assert stated[0].rule.endswith("(the likeliest sentence)")


def test_without_a_best_the_commitments_stand_in() -> None:
    found = stated_priorities(extract(_ONE_SENTENCE, _lists(2.0), sentence_model=_sentences(2.0)))
    assert [(s.kind, s.text) for s in found] == [
        ("commitment", "We will report again in the spring.")
    ]


def test_the_shipped_cutoffs_for_a_best_are_below_the_scorers_own() -> None:
    lists, sentences = shipped_model(), shipped_sentence_model()
    assert lists is not None and sentences is not None
    assert 0.0 < lists.best < lists.cutoff
    assert 0.0 < sentences.best < sentences.cutoff


def test_fitting_chooses_the_highest_cutoff_that_takes_a_stated_list() -> None:
    labelled, models, with_best_cutoffs = from_script(
        "fit_extraction", "Labelled", "Models", "with_best_cutoffs"
    )
    stated = (
        "Warmer homes for older residents",
        "Shorter waits for talking therapies",
        "More young carers known to schools",
    )
    docs = {"a set": [labelled(_TWO_LISTS, stated, stated)]}
    chosen = with_best_cutoffs(models(_lists(2.0), _sentences(2.0)), docs)
    # Candidates are 0.5 likely: 0.4 is the highest cut-off tried that takes them.
    assert chosen.lists.best == 0.4
    # Once the list is taken, no sentence is read: nothing to choose, so never.
    assert chosen.sentences.best == 2.0


def test_a_list_under_a_part_every_document_has_is_never_the_likeliest() -> None:
    doc = _doc(
        ("heading", "Our values"),
        ("list_item", "Listening to residents"),
        ("list_item", "Working as one team"),
    )
    assert _stated(doc, _lists(0.1), _sentences(2.0)) == []
