"""Reviews: loading with FILE:LINE:COL problems, and how applying them replaces verdicts while
keeping the machine's own."""

from datetime import date
from pathlib import Path

import pytest

from alignck.errors import ReviewError
from alignck.model import (
    Alignment,
    DocumentResult,
    Framework,
    Location,
    OverruledReview,
    Priority,
    Review,
    StatedMatch,
    Statement,
)
from alignck.reviews import apply_reviews, load_reviews, overruled_warning

FRAMEWORK = Framework("t", "f.yaml", (Priority("air", "Clean air"), Priority("homes", "Homes")))
ENTRY = (
    "reviews:\n"
    "  - document: council-plan\n"
    "    priority: air\n"
    "    verdict: partial\n"
    "    reason: The plan funds air monitoring.\n"
    "    reviewer: A. Officer\n"
    "    date: 2026-11-30\n"
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reviews.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_every_field(tmp_path: Path) -> None:
    path = _write(tmp_path, ENTRY)
    assert load_reviews(path, FRAMEWORK).reviews == (
        Review(
            "council-plan",
            "air",
            "partial",
            "The plan funds air monitoring.",
            "A. Officer",
            date(2026, 11, 30),
            f"{path}:2:5",
        ),
    )


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("priority: air", "priority: aire", ":3:15: reviews[0].priority: no framework priority"),
        ("verdict: partial", "verdict: maybe", ":4:14: reviews[0].verdict: must be aligned"),
        ("    reviewer: A. Officer\n", "", ":2:5: reviews[0].reviewer: missing required key"),
        ("date: 2026-11-30", "date: last week", ":7:11: reviews[0].date: expected a date"),
        ("date: 2026-11-30", "date: 20261130", ":7:11: reviews[0].date: expected a date"),
        (
            "date: 2026-11-30",
            "date: 2026-11-30\n    alignck_said: maybe",
            ":8:19: reviews[0].alignck_said: must be aligned, partial or gap",
        ),
    ],
)
def test_each_problem_is_one_line_at_its_place(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    path = _write(tmp_path, ENTRY.replace(old, new))
    with pytest.raises(ReviewError) as raised:
        load_reviews(path, FRAMEWORK)
    assert len(raised.value.problems) == 1
    assert raised.value.problems[0].startswith(str(path) + problem)


def test_a_review_replaces_the_verdict_and_keeps_the_machines() -> None:
    results = [
        DocumentResult("docs/council-plan.md", "ok", alignments=(Alignment("air", "gap", 0.1),)),
        DocumentResult("docs/trust.md", "ok", alignments=(Alignment("air", "gap", 0.1),)),
    ]
    review = Review("council-plan", "air", "partial", "r", "A", date(2026, 1, 1))
    stale = Review("old-name", "air", "aligned", "r", "A", date(2026, 1, 1))
    updated, applied, unused, overruled = apply_reviews(results, [review, stale])
    assert [r.alignments[0].status for r in updated] == ["partial", "gap"]
    assert [(a.path, a.machine, a.review) for a in applied] == [
        ("docs/council-plan.md", "gap", review)
    ]
    assert unused == (stale,)
    assert overruled == ()


def test_a_review_that_makes_a_gap_takes_the_priority_from_the_stated_priorities_naming_it() -> (
    None
):
    where = Location(None, 3, "Our priorities")
    stated = (
        StatedMatch(Statement("Cleaner air at schools", "priority", where, "r"), ("air",), 0.9),
        StatedMatch(Statement("Air and homes", "priority", where, "r"), ("air", "homes"), 0.8),
        StatedMatch(Statement("Street trees", "sub_priority", where, "r", "Air"), ("air",), 0.7),
    )
    result = DocumentResult(
        "docs/council-plan.md",
        "ok",
        statements=stated,
        alignments=(Alignment("air", "aligned", 0.9), Alignment("homes", "partial", 0.6)),
    )
    review = Review("council-plan", "air", "gap", "r", "A", date(2026, 1, 1))
    (updated,), *_ = apply_reviews([result], [review])
    assert [s.matches for s in updated.statements] == [(), ("homes",), ()]
    assert [s.statement for s in updated.statements] == [s.statement for s in stated]
    # A review the other way names nothing: which stated priority was meant is not said.
    made_aligned = Review("council-plan", "homes", "aligned", "r", "A", date(2026, 1, 1))
    (same,), *_ = apply_reviews([result], [made_aligned])
    assert same.statements == stated


def test_a_second_review_of_the_same_verdict_is_neither_unused_nor_silently_dropped() -> None:
    results = [
        DocumentResult("docs/council-plan.md", "ok", alignments=(Alignment("air", "gap", 0.1),))
    ]
    first = Review("council-plan", "air", "gap", "r", "A", date(2026, 1, 1), "r.yaml:2:5")
    glob = Review("council-*", "air", "aligned", "r", "B", date(2026, 2, 1), "r.yaml:8:5")
    agreeing = Review("*plan*", "air", "gap", "r", "C", date(2026, 3, 1), "r.yaml:14:5")
    updated, applied, unused, overruled = apply_reviews(results, [first, glob, agreeing])
    assert updated[0].alignments[0].status == "gap"
    assert [a.review for a in applied] == [first]
    assert unused == ()
    assert overruled == (OverruledReview(glob, first, "docs/council-plan.md"),)
    assert overruled_warning(overruled[0]) == (
        "r.yaml:8:5: warning: review of 'air' in 'docs/council-plan.md' says aligned, but the "
        "review at r.yaml:2:5 says gap and comes first, so it is applied"
    )


def test_what_alignck_said_when_reviewed_is_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, ENTRY + "    alignck_said: gap\n")
    assert load_reviews(path, FRAMEWORK).reviews[0].alignck_said == "gap"
    assert load_reviews(_write(tmp_path, ENTRY), FRAMEWORK).reviews[0].alignck_said is None


@pytest.mark.parametrize("text", ["", "{}\n", "reviews:\n"])
def test_a_file_that_lists_no_reviews_is_warned_of(tmp_path: Path, text: str) -> None:
    loaded = load_reviews(_write(tmp_path, text), FRAMEWORK)
    assert loaded.reviews == ()
    assert len(loaded.warnings) == 1
    assert loaded.warnings[0].endswith("lists no reviews, so no verdict is overruled")
    assert load_reviews(_write(tmp_path, "reviews: []\n"), FRAMEWORK).warnings == ()


def test_a_review_dated_after_today_is_warned_of(tmp_path: Path) -> None:
    # 'date: 2030-01-01' was accepted without a word in a run on 2027-03-31.
    text = (
        "reviews:\n  - document: plan\n    priority: air\n    verdict: gap\n    reason: x\n"
        "    reviewer: A B\n    date: '2030-01-01'\n"
    )
    path = _write(tmp_path, text)
    loaded = load_reviews(path, FRAMEWORK, date(2027, 3, 31))
    assert loaded.warnings == (
        f"{path}:2:5: warning: reviewed on 2030-01-01, after today (2027-03-31): a review "
        "records a judgement already made; check its date",
    )
    assert load_reviews(path, FRAMEWORK, date(2030, 1, 1)).warnings == ()


def test_a_review_date_quoted_empty_is_told_as_empty(tmp_path: Path) -> None:
    # It said "expected a date as YYYY-MM-DD, got 'a string'".
    text = (
        "reviews:\n  - document: plan\n    priority: air\n    verdict: gap\n    reason: x\n"
        '    reviewer: A B\n    date: ""\n'
    )
    path = _write(tmp_path, text)
    with pytest.raises(ReviewError) as raised:
        load_reviews(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:7:11: reviews[0].date: is empty: give the day of the review (YYYY-MM-DD)"
    ]


def test_a_review_s_key_at_the_margin_or_a_blank_date_is_an_error_at_its_place(
    tmp_path: Path,
) -> None:
    text = (
        "reviews:\n  - document: plan\n    priority: air\n    verdict: gap\n    reason: x\n"
        "    reviewer: A B\n    date:\nalignck_said: aligned\n"
    )
    path = _write(tmp_path, text)
    with pytest.raises(ReviewError) as raised:
        load_reviews(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:7:10: reviews[0].date: is empty: give the day of the review (YYYY-MM-DD)",
        f"{path}:8:1: alignck_said: 'alignck_said' is a review's key, at the top of the file: "
        "indent it under its review, as its 'document:' is",
    ]
