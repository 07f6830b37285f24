from alignck.model import Alignment, Location
from alignck.renderers._common import nothing_near_note, where


def test_a_gap_with_nothing_near_says_whether_it_still_scores_as_addressed() -> None:
    # A gap whose document scores over the partial threshold, no passage being a ground.
    assert nothing_near_note(Alignment("minds", "gap", 0.76), 0.5) == (
        "scores at or above the 0.5 threshold as a whole, but no single passage addresses it, so "
        "there is nothing to quote"
    )
    assert nothing_near_note(Alignment("minds", "gap", 0.05), 0.5) == (
        "no passage that can be quoted shares anything with it"
    )


def test_a_place_s_heading_loses_its_escape_sequences_whole() -> None:
    # Rich drops an ESC alone: ']8;;http://…' of a heading's OSC 8 link was left in the
    # terminal's Where column, where a quote's own sequences were already removed.
    from alignck.model import Location
    from alignck.renderers._common import where

    heading = "Plan \x1b]8;;http://e.example\x07link\x1b]8;;\x07 end › Homes"
    assert where(Location(None, 3, heading)) == "¶ 3 › Plan link end › Homes"
    assert where(Location(2, None, "Red \x1b[31mtext\x1b[0m")) == "p. 2 › Red text"


def test_a_quote_in_the_terminal_loses_its_escape_sequences_whole() -> None:
    # Rich drops the ESC alone: ']8;;http://…' of a list item's OSC 8 link was left in the
    # terminal's Quote column.
    from alignck.renderers.terminal import _quote

    shown = _quote("Act \x1b]8;;http://e.example\x07now\x1b]8;;\x07 on homes", "commitment")
    assert shown == "“Act now on homes” (commitment)"


def test_a_place_leaves_out_the_document_s_title_only_where_it_leads_the_trail() -> None:
    assert where(Location(4, None, "Plan › Our priorities"), "Plan") == "p. 4 › Our priorities"
    assert where(Location(None, 2, "Plan"), "Plan") == "¶ 2"
    # A heading that merely begins like the title is another heading.
    assert where(Location(None, 5, "Planning › Homes"), "Plan") == "¶ 5 › Planning › Homes"
    assert where(Location(None, 5, "Plan › Homes")) == "¶ 5 › Plan › Homes"
