from dataclasses import replace
from datetime import date

from alignck.analyse import analyse, coverage, partner_coverage, shared_outside
from alignck.model import (
    Alignment,
    DocumentResult,
    Framework,
    Location,
    Priority,
    StatedMatch,
    Statement,
    WaivedVerdict,
    Waiver,
)

FRAMEWORK = Framework(
    "f", "f.yaml", (Priority("a", "A"), Priority("b", "B"), Priority("c", "C", required=True))
)


def _statement(text: str, matches: tuple[str, ...] = ()) -> StatedMatch:
    return StatedMatch(Statement(text, "priority", Location(None, 1, None), "test"), matches, 0.5)


def _result(
    path: str, a: str, b: str, c: str, stated: tuple[StatedMatch, ...] = ()
) -> DocumentResult:
    alignments = tuple(Alignment(i, s, 0.5) for i, s in (("a", a), ("b", b), ("c", c)))  # type: ignore[arg-type]
    return DocumentResult(path, "ok", statements=stated, alignments=alignments)


def test_coverage_counts_partial_as_half() -> None:
    assert coverage(["aligned", "partial", "gap", "gap"]).percent == 37.5
    assert coverage([]).percent == 0.0


def test_system_view_gaps_overlaps_and_required() -> None:
    results = [
        _result("one.md", "aligned", "gap", "gap", (_statement("Grow the local economy"),)),
        _result(
            "two.md",
            "partial",
            "gap",
            "aligned",
            (_statement("Grow our local economy and jobs"), _statement("A", ("a",))),
        ),
        DocumentResult("bad.pdf", "error", error="bad.pdf: broken"),
    ]
    analysis = analyse(FRAMEWORK, results)
    assert analysis.document_coverage["one.md"].percent == 33.3
    assert "bad.pdf" not in analysis.document_coverage
    assert [(o.priority_id, o.status) for o in analysis.priorities] == [
        ("a", "aligned"),
        ("b", "gap"),
        ("c", "aligned"),
    ]
    assert analysis.system_coverage.percent == 66.7
    assert analysis.unaddressed == ("b",)
    assert analysis.missed == {"one.md": ("b", "c"), "two.md": ("b",)}
    assert analysis.required_gaps == {"one.md": ("c",)}
    assert [o.priority_id for o in analysis.overlaps] == ["a"]
    assert analysis.overlaps[0].aligned == ("one.md",)
    assert analysis.overlaps[0].partial == ("two.md",)
    assert [s.text for s in analysis.outside["two.md"]] == ["Grow our local economy and jobs"]
    assert analysis.shared_outside[0].documents == ("one.md", "two.md")


def test_outside_statements_of_one_document_are_not_shared() -> None:
    s = Statement("Grow the economy", "priority", Location(None, 1, None), "t")
    assert shared_outside({"one.md": (s, s)}) == ()


def test_unrelated_outside_statements_do_not_group() -> None:
    first = Statement("Grow the visitor offer", "priority", Location(None, 1, None), "t")
    second = Statement(
        "Grow our volunteer base and create good roles", "priority", Location(None, 2, None), "t"
    )
    third = Statement("Revitalise town centres", "priority", Location(None, 1, None), "t")
    assert shared_outside({"one.md": (first,), "two.md": (second, third)}) == ()


def test_statements_worded_apart_group_where_their_terms_name_one_theme() -> None:
    # Words alone grouped none of these: 'net zero' and 'carbon-neutral' both name the
    # climate, 'cost of living' and 'cost-of-living' poverty.
    def stated(text: str, paragraph: int = 1) -> Statement:
        return Statement(text, "priority", Location(None, paragraph, None), "t")

    groups = shared_outside(
        {
            "council.md": (stated("Support residents through the cost-of-living crisis"),),
            "trust.md": (stated("Deliver a net zero NHS"), stated("Safe staffing", 2)),
            "district.md": (stated("A carbon-neutral district by 2030"),),
            "charity.md": (stated("Helping households with the cost of living"),),
        }
    )
    # Members in the reports' order of documents (by name).
    assert sorted(g.members for g in groups) == [
        (
            ("charity.md", "Helping households with the cost of living"),
            ("council.md", "Support residents through the cost-of-living crisis"),
        ),
        (
            ("district.md", "A carbon-neutral district by 2030"),
            ("trust.md", "Deliver a net zero NHS"),
        ),
    ]


def test_a_theme_s_own_word_names_no_theme_to_share() -> None:
    # 'health' in both says nothing particular: only a term of a theme names it.
    def stated(text: str) -> Statement:
        return Statement(text, "priority", Location(None, 1, None), "t")

    assert (
        shared_outside(
            {"one.md": (stated("Improve health at work"),), "two.md": (stated("Health estates"),)}
        )
        == ()
    )


def test_a_share_short_of_all_or_above_none_never_reads_100_or_0() -> None:
    from alignck.analyse import coverage

    # JSON, SARIF and the workbook said 100.0 beside a policy saying 99.95% is below 100%.
    assert coverage(["aligned"] * 1999 + ["gap"]).percent == 99.95
    assert coverage(["partial"] + ["gap"] * 9999).percent == 0.01
    assert coverage(["aligned"] * 3).percent == 100.0
    assert coverage(["aligned", "gap", "gap"]).percent == 33.3


def test_one_shared_word_does_not_group_a_statement_with_a_longer_one() -> None:
    # 'Culture' and 'Youth culture' share one word of two: a cosine of 0.71, above the
    # bar, but a single word between a name and a longer one is no shared theme.
    culture = Statement("Culture", "priority", Location(None, 1, None), "t")
    youth = Statement("Youth culture", "priority", Location(None, 1, None), "t")
    assert shared_outside({"one.md": (culture,), "two.md": (youth,)}) == ()


def test_a_shared_group_is_named_by_its_most_linked_statement() -> None:
    # The fuller statement is linked to both others, which share only 'local' with each
    # other; the shortest ('Local jobs') does not name the group.
    def stated(text: str) -> Statement:
        return Statement(text, "priority", Location(None, 1, None), "t")

    groups = shared_outside(
        {
            "one.md": (stated("Grow the local economy"),),
            "two.md": (stated("Grow the local economy and jobs"),),
            "three.md": (stated("Local jobs"),),
        }
    )
    assert [(g.label, g.documents) for g in groups] == [
        ("Grow the local economy and jobs", ("one.md", "three.md", "two.md"))
    ]


def test_a_verdict_two_waivers_accept_is_waived_once_by_the_first() -> None:
    first = Waiver("b", "Covered by the districts.", "one.md")
    second = Waiver("b", "Covered elsewhere.")
    results = [_result("one.md", "aligned", "gap", "aligned")]
    analysis = analyse(FRAMEWORK, results, [first, second], today=date(2026, 1, 1))
    assert analysis.waived == (WaivedVerdict("one.md", "b", "gap", first),)
    # The second accepted nothing the first had not: it is reported as unused, and why; 'applies
    # to no gap or partial verdict' read as a misspelt waiver while its gap was there.
    assert analysis.unused_waivers == (second,)
    assert analysis.unused_with_reasons() == [
        (second, "accepts only verdicts an earlier waiver accepts already")
    ]
    sourced = replace(first, source="waivers.yaml:2:5")
    again = analyse(FRAMEWORK, results, [sourced, second], today=date(2026, 1, 1))
    assert again.unused_because == (
        "accepts only verdicts an earlier waiver accepts already, the one at waivers.yaml:2:5",
    )
    # A waiver that covers no gap or partial at all still says so, and where what it names
    # is aligned now, that a wrong aligned verdict is corrected by a review, not by deleting
    # the waiver it made look stale.
    alone = analyse(FRAMEWORK, results, [Waiver("a", "Not ours.")], today=date(2026, 1, 1))
    assert alone.unused_because == (
        "applies to no gap or partial verdict: aligned in one.md now; if that verdict is "
        "wrong, keep the waiver and correct the verdict with a review (--review)",
    )


def test_the_analysis_groups_by_the_themes_matching_found() -> None:
    # Kept with each cached result, so a warm run reads no theme lexicon: the analysis takes
    # them as given, not from the text again.
    def stated(text: str, themes: tuple[str, ...]) -> StatedMatch:
        return replace(_statement(text), themes=themes)

    results = [
        _result("one.md", "aligned", "gap", "gap", (stated("Blue skies", ("climat",)),)),
        _result("two.md", "aligned", "gap", "gap", (stated("Fewer fumes", ("climat",)),)),
    ]
    analysis = analyse(FRAMEWORK, results, today=date(2026, 1, 1))
    assert [g.members for g in analysis.shared_outside] == [
        (("one.md", "Blue skies"), ("two.md", "Fewer fumes"))
    ]
    unthemed = [
        replace(r, statements=(_statement(r.statements[0].statement.text),)) for r in results
    ]
    assert analyse(FRAMEWORK, unthemed, today=date(2026, 1, 1)).shared_outside == ()


def test_a_theme_named_by_hundreds_of_statements_still_groups_them() -> None:
    # Theme links shared the cap on a word's postings: past 300 statements naming one theme
    # (a national run), it grouped none of them by it.
    def stated(text: str) -> Statement:
        return Statement(text, "priority", Location(None, 1, None), "t")

    outside = {f"nhs-{n:03}.md": (stated("Deliver a net zero NHS"),) for n in range(160)}
    outside |= {f"council-{n:03}.md": (stated("A carbon-neutral district"),) for n in range(160)}
    (group,) = shared_outside(outside)
    assert len(group.members) == 320


def test_a_framework_without_themes_groups_no_statements_by_theme() -> None:
    # 'themes: false' says no built-in theme links: for matching and for these groups alike.
    climate = ("climat",)
    nhs = replace(_statement("Deliver a net zero NHS"), themes=climate)
    district = replace(_statement("A carbon-neutral district"), themes=climate)
    results = [
        _result("one.md", "aligned", "gap", "gap", (nhs,)),
        _result("two.md", "aligned", "gap", "gap", (district,)),
    ]
    themed = analyse(FRAMEWORK, results, today=date(2026, 1, 1))
    assert len(themed.shared_outside) == 1
    plain = analyse(replace(FRAMEWORK, themes=False), results, today=date(2026, 1, 1))
    assert plain.shared_outside == ()


def test_themes_given_for_fewer_statements_than_there_are_are_refused() -> None:
    import pytest

    one = Statement("Deliver a net zero NHS", "priority", Location(None, 1, None), "t")
    with pytest.raises(ValueError):
        shared_outside({"one.md": (one, one), "two.md": (one,)}, {"one.md": [()], "two.md": [()]})


def test_documents_one_partner_publishes_are_one_partner_in_overlaps_and_candidates() -> None:
    # A trust's strategy and its summary made it two partners in every overlap, and a
    # candidate for the framework 'shared' by one trust.
    climate = _statement("Deliver a net zero health service")
    results = [
        _result("trust-full.md", "aligned", "partial", "gap", (climate,)),
        _result("trust-summary.md", "aligned", "gap", "gap", (climate,)),
        _result("council.md", "gap", "aligned", "gap"),
    ]
    apart = analyse(FRAMEWORK, results)
    assert [(o.priority_id, o.partners) for o in apart.overlaps] == [("a", 2), ("b", 2)]
    assert len(apart.shared_outside) == 1
    grouped = [replace(r, partner="Trust") if r.path.startswith("trust") else r for r in results]
    together = analyse(FRAMEWORK, grouped)
    assert [(o.priority_id, o.partners) for o in together.overlaps] == [("b", 2)]
    a = next(o for o in together.priorities if o.priority_id == "a")
    assert (a.aligned, a.partners) == (("trust-full.md", "trust-summary.md"), 1)
    assert together.shared_outside == ()
    # The system's coverage and each document's are the same either way.
    assert together.system_coverage == apart.system_coverage
    assert together.document_coverage == apart.document_coverage


def test_a_partner_s_documents_together_give_each_priority_their_best_verdict() -> None:
    pcn = [
        replace(_result("pcn/plan.md", "partial", "gap", "gap"), partner="Riverside PCN"),
        replace(_result("pcn/report.md", "gap", "aligned", "gap"), partner="Riverside PCN"),
    ]
    alone = _result("council.md", "aligned", "aligned", "aligned")
    [found] = partner_coverage(FRAMEWORK, [*pcn, alone])
    assert found.partner == "Riverside PCN"
    assert found.documents == ("pcn/plan.md", "pcn/report.md")
    assert found.verdicts == {"a": "partial", "b": "aligned", "c": "gap"}
    assert found.gaps == ("c",)
    assert found.coverage.percent == 50.0
