import pytest

from alignck.partners import (
    claimed_twice,
    nearly_named,
    parse_partner,
    partner_globs,
    partner_of_each,
    unmatched,
)

PATHS = ["docs/nmc-strategy-full.docx", "docs/nmc-summary.md", "docs/council/plan.md"]


def test_a_partner_names_its_documents_as_a_waiver_names_one() -> None:
    partners = {"Trust": ("nmc-*",), "Council": ("docs/council",)}
    assert partner_of_each(PATHS, partners) == {
        "docs/nmc-strategy-full.docx": "Trust",
        "docs/nmc-summary.md": "Trust",
        "docs/council/plan.md": "Council",
    }
    # By file name without extension, case ignored, as waivers match.
    assert partner_of_each(PATHS, {"Trust": ("NMC-Summary",)}) == {"docs/nmc-summary.md": "Trust"}


def test_the_first_partner_keeps_a_document_two_name_and_both_are_said() -> None:
    partners = {"Trust": ("nmc-*",), "Summaries": ("*summary*",)}
    assert partner_of_each(PATHS, partners)["docs/nmc-summary.md"] == "Trust"
    assert claimed_twice(PATHS, partners) == [("docs/nmc-summary.md", "Trust", "Summaries")]


def test_a_glob_that_names_no_document_is_listed() -> None:
    partners = {"Trust": ("nmc-*", "mnc-*"), "Nobody": ("zzz",)}
    assert unmatched(PATHS, partners) == [("Trust", "mnc-*"), ("Nobody", "zzz")]


def test_a_partner_option_is_a_name_and_a_glob() -> None:
    assert parse_partner(" Northfen Trust = nmc-* ") == ("Northfen Trust", "nmc-*")
    assert parse_partner("A=b=c") == ("A", "b=c")
    for wrong in ("nmc-*", "=nmc-*", "Trust=", " = "):
        with pytest.raises(ValueError, match="--partner"):
            parse_partner(wrong)


def test_a_library_caller_s_partners_are_checked() -> None:
    assert partner_globs(None) == {}
    assert partner_globs({"Trust": "nmc-*"}) == {"Trust": ("nmc-*",)}
    assert partner_globs({"Trust": ["nmc-*", "trust/"]}) == {"Trust": ("nmc-*", "trust/")}
    with pytest.raises(TypeError, match="partners must map"):
        partner_globs([("Trust", "nmc-*")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="partner 'Trust'"):
        partner_globs({"Trust": b"nmc-*"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="partner 'Trust'"):
        partner_globs({"Trust": []})
    with pytest.raises(ValueError, match="non-empty"):
        partner_globs({" ": "nmc-*"})


def test_the_helpers_take_a_glob_given_as_a_string_as_the_library_does() -> None:
    # A review: unmatched(paths, {'Trust': 'nmc-*'}) walked the string letter by letter.
    assert unmatched(PATHS, {"Trust": "nmc-*"}) == []
    assert partner_of_each(PATHS, {"Trust": "docs/council"}) == {"docs/council/plan.md": "Trust"}
    assert claimed_twice(PATHS, {"A": "nmc-*", "B": "*summary"}) == [
        ("docs/nmc-summary.md", "A", "B")
    ]
    # One name written twice is one partner, as two --partner options of one name are.
    assert partner_globs({"Trust": ["nmc-*"], "Trust ": ["trust/"]}) == {
        "Trust": ("nmc-*", "trust/")
    }


def test_a_folder_as_the_reports_name_it_is_told_the_folder_to_write() -> None:
    # Reports name 'submissions/Riverside PCN/plan.docx' as 'Riverside PCN/plan'; written so,
    # the folder named nothing, and the warning said no more.
    paths = ["submissions/Riverside PCN/plan.docx", "submissions/Westmoor PCN/plan.docx"]
    assert unmatched(paths, {"Riverside": "Riverside PCN/"}) == [("Riverside", "Riverside PCN/")]
    assert nearly_named("Riverside PCN/", paths) == "submissions/Riverside PCN/"
    # Two folders of that name: no guess.
    twice = ["docs/trust/plan.md", "docs/archive/2023/trust/plan.md"]
    assert nearly_named("trust/", twice) is None
