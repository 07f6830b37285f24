from alignck.model import Alignment
from alignck.renderers._common import nothing_near_note


def test_a_gap_with_nothing_near_says_whether_it_still_scores_as_addressed() -> None:
    # A gap whose document scores over the partial threshold, no passage being a ground.
    assert nothing_near_note(Alignment("minds", "gap", 0.76), 0.5) == (
        "scores at or above the 0.5 threshold as a whole, but no single passage addresses it, so "
        "there is nothing to quote"
    )
    assert nothing_near_note(Alignment("minds", "gap", 0.05), 0.5) == (
        "no passage that can be quoted shares anything with it"
    )
