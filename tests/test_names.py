"""Short names for documents: the stem, or the shortest tail of the path that tells two
documents apart, as a reader sees the names."""

import unicodedata

from alignck.names import distinguishing_names, within_bytes


def test_a_name_is_its_stem_unless_another_document_shares_it() -> None:
    names = distinguishing_names(["a/plan.md", "b/plan.md", "c/strategy.pdf"])
    assert names == {"a/plan.md": "a/plan", "b/plan.md": "b/plan", "c/strategy.pdf": "strategy"}
    assert distinguishing_names(["x/plan.md", "x/plan.docx"]) == {
        "x/plan.md": "plan.md",
        "x/plan.docx": "plan.docx",
    }


def test_names_that_differ_only_in_unicode_form_are_told_apart() -> None:
    # 'Café plan' composed and decomposed (as files unzipped on a Mac are named) showed as two
    # identical names with opposite verdicts in every report.
    composed = "docs/" + unicodedata.normalize("NFC", "Café plan") + ".md"
    decomposed = "docs/" + unicodedata.normalize("NFD", "Café plan") + ".md"
    names = distinguishing_names([composed, decomposed])
    shown = {unicodedata.normalize("NFC", n) for n in names.values()}
    assert len(shown) == 2
    assert names[decomposed].endswith("(name in decomposed Unicode)")
    nfd_elsewhere = "other/" + unicodedata.normalize("NFD", "Café plan") + ".md"
    assert distinguishing_names([composed, nfd_elsewhere])[composed] == "docs/Café plan"


def test_within_bytes_never_cuts_a_character() -> None:
    assert within_bytes("Стратегия", 5) == "Ст"
    assert within_bytes("plan", 10) == "plan"


def test_names_are_listed_as_a_file_manager_lists_them() -> None:
    # The name before its extension: 'plan.pdf' came after 'plan2.docx' and 'plan3.md'.
    from alignck.names import natural_order

    def listed(*names: str) -> list[str]:
        return sorted(names, key=lambda name: (natural_order(name), name))

    assert listed("plan2.docx", "plan3.md", "plan.pdf") == ["plan.pdf", "plan2.docx", "plan3.md"]
    assert listed("plan (2).md", "plan.md") == ["plan.md", "plan (2).md"]
    assert listed("Plan 10.md", "plan 2.md") == ["plan 2.md", "Plan 10.md"]
    # A folder named with a dot in it is a name: '2024 plan' before '2024.25 strategy'.
    assert listed("2024.25 strategy", "2024 plan") == ["2024 plan", "2024.25 strategy"]


def test_a_path_is_told_apart_from_one_that_reads_the_same_in_another_unicode_form() -> None:
    from alignck.names import told_apart

    composed = "docs/" + unicodedata.normalize("NFC", "Café plan") + ".md"
    decomposed = "docs/" + unicodedata.normalize("NFD", "Café plan") + ".md"
    both = [composed, decomposed, "docs/other.md"]
    assert told_apart(decomposed, both) == decomposed + " (name in decomposed Unicode)"
    assert told_apart(composed, both) == composed
    # Alone, a decomposed name needs no telling apart.
    assert told_apart(decomposed, [decomposed, "docs/other.md"]) == decomposed
