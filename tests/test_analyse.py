from alignck.analyse import analyse, coverage, shared_outside
from alignck.model import (
    Alignment,
    DocumentResult,
    Framework,
    Location,
    Priority,
    StatedMatch,
    Statement,
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
    first = Statement("Grow the visitor economy", "priority", Location(None, 1, None), "t")
    second = Statement(
        "Grow the local economy and create good jobs", "priority", Location(None, 2, None), "t"
    )
    third = Statement("Revitalise town centres", "priority", Location(None, 1, None), "t")
    assert shared_outside({"one.md": (first,), "two.md": (second, third)}) == ()


def test_a_share_short_of_all_or_above_none_never_reads_100_or_0() -> None:
    from alignck.analyse import coverage

    # JSON, SARIF and the workbook said 100.0 beside a policy saying 99.95% is below 100%.
    assert coverage(["aligned"] * 1999 + ["gap"]).percent == 99.95
    assert coverage(["partial"] + ["gap"] * 9999).percent == 0.01
    assert coverage(["aligned"] * 3).percent == 100.0
    assert coverage(["aligned", "gap", "gap"]).percent == 33.3
