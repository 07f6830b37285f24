"""Comparing two runs: how documents are paired, which verdicts count as moved, and what is
a regression."""

from dataclasses import replace

import pytest

from alignck.compare import Change, compare, pair_documents
from alignck.snapshot import DocumentRun, Snapshot, Verdict


def test_documents_pair_by_path_below_each_runs_folder() -> None:
    old = ["drafts/v1/plan.md", "drafts/v1/other.md"]
    new = ["drafts/v2/plan.md", "drafts/v2/other.md", "drafts/v2/more.md"]
    assert pair_documents(old, new) == {
        "drafts/v2/plan.md": "drafts/v1/plan.md",
        "drafts/v2/other.md": "drafts/v1/other.md",
    }


def test_a_document_saved_in_another_format_pairs_by_name() -> None:
    assert pair_documents(["a/plan.docx", "a/x.md"], ["a/plan.pdf", "a/x.md"]) == {
        "a/plan.pdf": "a/plan.docx",
        "a/x.md": "a/x.md",
    }


def test_a_document_renamed_only_in_case_and_separators_pairs_by_its_name() -> None:
    # 'vcs-alliance-plan.md' saved again as 'VCS Alliance Plan.md' was a new document, and
    # every gap it had in the baseline failed as new.
    old = ["q3/vcs-alliance-plan.md", "q3/council_plan.docx", "q3/trust.md"]
    new = ["q4/VCS Alliance Plan.md", "q4/Council Plan.docx", "q4/trust.md"]
    assert pair_documents(old, new) == {
        "q4/VCS Alliance Plan.md": "q3/vcs-alliance-plan.md",
        "q4/Council Plan.docx": "q3/council_plan.docx",
        "q4/trust.md": "q3/trust.md",
    }
    # Two names alike so are no pair: which is which is not known.
    assert pair_documents(["a/plan-a.md", "a/x.md"], ["a/Plan A.md", "a/plan_a.md"]) == {}


def test_a_document_moved_into_a_folder_pairs_by_its_name() -> None:
    # Moving a draft into a sub-folder made every gap it had in the baseline 'new'.
    old = ["drafts/strategy.md", "drafts/trust-plan.md"]
    new = ["drafts/council/strategy.md", "drafts/trust-plan.md"]
    assert pair_documents(old, new) == {
        "drafts/council/strategy.md": "drafts/strategy.md",
        "drafts/trust-plan.md": "drafts/trust-plan.md",
    }


def test_a_name_two_documents_share_pairs_neither_by_guess() -> None:
    old = ["d/a/plan.md", "d/b/plan.md", "d/x.md"]
    new = ["d/c/plan.md", "d/e/plan.md", "d/x.md"]
    assert pair_documents(old, new) == {"d/x.md": "d/x.md"}
    assert pair_documents(["a/plan.docx", "a/plan.pdf", "a/x.md"], ["a/plan.md", "a/x.md"]) == {
        "a/x.md": "a/x.md"
    }


def test_one_system_checked_against_a_national_baseline_pairs_by_its_paths() -> None:
    # Checking one system's folder gave another common folder: every document was 'not in
    # the baseline', every gap new, and the check failed though nothing had changed.
    old = [
        "partners/north/trust/strategy.md",
        "partners/north/mh-trust/strategy.md",
        "partners/south/trust/strategy.md",
    ]
    new = ["partners/north/trust/strategy.md", "partners/north/mh-trust/strategy.md"]
    assert pair_documents(old, new) == {path: path for path in new}


def test_a_run_from_another_folder_pairs_by_the_end_of_the_paths() -> None:
    old = ["/ci/work/partners/north/trust/strategy.md", "/ci/work/partners/north/mh/strategy.md"]
    new = ["partners/north/trust/strategy.md", "partners/south/x/strategy.md"]
    assert pair_documents(old, new) == {
        "partners/north/trust/strategy.md": "/ci/work/partners/north/trust/strategy.md"
    }


def test_a_document_paired_with_one_of_another_folder_is_warned_of() -> None:
    # The trust's file moved and renamed, the ICB's arrived with its old name: the ICB was
    # held to the trust's verdicts, its new gaps hidden as known debt, and nothing said so.
    from alignck.compare import paired_elsewhere

    old = ["p/trust/strategy.md", "p/council/plan.md"]
    new = ["p/trust-renamed/cth-strategy.md", "p/icb/strategy.md", "p/council/plan.md"]
    assert paired_elsewhere("base.json", old, new) == [
        "base.json: warning: p/icb/strategy.md is compared with p/trust/strategy.md of that "
        "run (the same file name in another folder); if they are two partners' documents, "
        "the comparison is wrong: give one of them another name"
    ]
    # Pairs by path, by the path below each run's folder or by the end of the paths are the
    # same documents checked from elsewhere: no warning.
    for before, after in (
        (["/ci/work/p/trust/strategy.md", "/ci/work/p/council/plan.md"], old),
        (["drafts-2024/a.md", "drafts-2024/b.md"], ["drafts-2025/a.md", "drafts-2025/b.md"]),
        (["docs/a.md", "docs/b.md"], ["a.md", "b.md"]),
        (["v1/vcs-draft.md"], ["v2/vcs-draft.docx"]),
        # Renamed in its own folder while another folder joined the run.
        (["docs/plan.md", "docs/sub/x.md"], ["docs/plan.docx", "other/y.md"]),
        # Checked from inside the folder, against a baseline of that folder and another.
        (["docs/a.md", "docs/b.md", "notes/c.md"], ["a.md", "b.md"]),
    ):
        said = paired_elsewhere("base.json", before, after)
        # What the baseline has and this run has not is a note, not a warning of a pairing.
        assert [w for w in said if ": note: " not in w] == [], (before, after)
        assert all(w.endswith("is not in this run; its verdicts are not compared") for w in said)


def test_one_file_named_on_its_own_pairs_by_its_folder_not_its_bare_name() -> None:
    old = ["drafts/strategy.md", "drafts/trust/strategy.md"]
    # Named by another path: the trust's file, not the ICB's, whose path below the old run's
    # folder is 'strategy.md', as the bare name of any one file run on its own is.
    assert pair_documents(old, ["/ci/work/drafts/trust/strategy.md"]) == {
        "/ci/work/drafts/trust/strategy.md": "drafts/trust/strategy.md"
    }
    # A partner the old run did not have is new, its gaps new: not held to the ICB's.
    assert pair_documents(old, ["drafts/council/strategy.md"]) == {}
    # Its name is no other document's: paired by it, as a document moved to another folder.
    assert pair_documents(["docs/plan.md", "docs/other.md"], ["v2/plan.docx"]) == {
        "v2/plan.docx": "docs/plan.md"
    }


def test_two_single_drafts_pair_whatever_their_names() -> None:
    assert pair_documents(["plan-v1.docx"], ["plan-v2.docx"]) == {"plan-v2.docx": "plan-v1.docx"}


def test_two_single_documents_of_other_names_are_paired_with_a_note() -> None:
    # A trust's plan as the baseline of a district's: the district's gaps the trust also had
    # passed as known debt, and nothing said the two were compared.
    from alignck.compare import paired_elsewhere

    assert paired_elsewhere("base.json", ["trust-plan.txt"], ["district plan.docx"]) == [
        "base.json: note: district plan.docx is compared with trust-plan.txt, the one document "
        "of that run; if it is not an earlier version of the same document, the comparison "
        "is wrong"
    ]


def _run(source: str, documents: dict[str, dict[str, str]]) -> Snapshot:
    runs = tuple(
        DocumentRun(path, 0.0, {p: Verdict(s, 0.5) for p, s in verdicts.items()})  # type: ignore[arg-type]
        for path, verdicts in documents.items()
    )
    return Snapshot(source, "1", "F", {"a": "A", "b": "B"}, "m", (0.5, 0.5), 0.0, runs)


def test_only_moved_verdicts_and_a_new_documents_shortfalls_are_changes() -> None:
    old = _run("old", {"x/plan.md": {"a": "aligned", "b": "gap"}})
    new = _run(
        "new",
        {"y/plan.md": {"a": "partial", "b": "gap"}, "y/new.md": {"a": "gap", "b": "aligned"}},
    )
    found = compare(old, new)
    assert [(c.document, c.priority_id, c.old, c.new.status) for c in found.changes] == [
        ("plan.md", "a", "aligned", "partial"),
        ("new.md", "a", None, "gap"),
    ]
    assert found.added == ("new.md",) and found.removed == ()
    assert [c.document for c in found.regressions("new-gap")] == ["new.md"]
    assert len(found.regressions("worse")) == 2


def test_a_waived_gap_is_no_regression() -> None:
    change = Change("d", "a", "A", "aligned", Verdict("gap", 0.1, waived=True))
    assert change.is_new_gap and not change.regresses("new-gap")


def test_a_former_id_is_not_mapped_onto_a_priority_the_old_run_had_itself() -> None:
    # 'healthy-weight' merged into 'mental-health' (formerly: [healthy-weight]): the old
    # run's own mental-health verdicts were overwritten by healthy-weight's.
    from alignck.snapshot import DocumentRun, Snapshot, Verdict

    old = Snapshot(
        "old.json",
        "1",
        "F",
        {"mental-health": "Mental health", "healthy-weight": "Healthy weight"},
        "lexical",
        (0.5, 0.5),
        50.0,
        (
            DocumentRun(
                "plan.md",
                50.0,
                {"mental-health": Verdict("aligned", 0.9), "healthy-weight": Verdict("gap", 0.1)},
            ),
        ),
    )
    kept = old.with_ids_of({"healthy-weight": "mental-health"})
    assert kept.documents[0].verdicts["mental-health"].status == "aligned"
    renamed = old.with_ids_of({"healthy-weight": "weight"})
    assert renamed.documents[0].verdicts["weight"].status == "gap"


def test_a_new_documents_partial_reads_as_new_not_as_worse() -> None:
    from alignck.renderers.diff import kind, message

    new_document = Change("new.md", "a", "A", None, Verdict("partial", 0.6))
    new_priority = Change("plan.md", "b", "B", None, Verdict("partial", 0.6), new_priority=True)
    moved_down = Change("plan.md", "a", "A", "aligned", Verdict("partial", 0.6))
    assert kind(new_document) == kind(new_priority) == "new partial"
    assert kind(moved_down) == "worse"
    # Still held to aligned by --fail-on worse: below it, whatever it is called.
    assert new_document.regresses("worse") and not new_document.regresses("new-gap")
    assert "new partial: new document → partial" in message(new_document)


def test_sarif_has_a_rule_for_a_new_partial_at_the_index_its_results_give() -> None:
    from alignck.renderers.diff import DiffOptions
    from alignck.renderers.diff.sarif import RULES, _can_fail, _result

    change = Change("new.md", "a", "A", None, Verdict("partial", 0.6), path="new.md")
    result = _result(change, DiffOptions(fail_on="worse"))
    assert result["ruleId"] == "ACK106" and result["level"] == "error"
    # The rule's own level agrees with its results' where they can fail the run.
    assert _can_fail("new partial", DiffOptions(fail_on="worse"))
    assert not _can_fail("new partial", DiffOptions(fail_on="new-gap"))
    assert list(RULES.values())[result["ruleIndex"]][0] == "ACK106"
    # The rules before it keep their indices: saved SARIF and dashboards key on them.
    assert [rule[0] for rule in RULES.values()][:5] == [f"ACK10{i}" for i in range(1, 6)]


def test_a_document_renamed_is_named_as_maybe_the_one_of_the_other_run() -> None:
    from alignck.compare import paired_elsewhere

    old = ["p/council-plan.docx", "p/police-plan.md", "p/libraries.md"]
    new = ["p/council-plan-2026.docx", "p/police-plan.md"]
    notes = paired_elsewhere("base.json", old, new)
    assert notes == [
        "base.json: note: p/council-plan.docx is not in this run and p/council-plan-2026.docx "
        "was not in that one; if it is the same document renamed, its verdicts are not "
        "compared (every gap counts as new): give it its earlier name to compare them",
        "base.json: note: p/libraries.md is not in this run; its verdicts are not compared",
    ]


def test_unlike_names_or_two_alike_are_no_rename() -> None:
    from alignck.compare import paired_elsewhere

    unlike = paired_elsewhere("b", ["x/council-plan.md", "x/a.md"], ["x/police-plan.md", "x/a.md"])
    assert not any("renamed" in note for note in unlike)
    two = paired_elsewhere(
        "b", ["x/plan.md", "x/a.md"], ["x/plan-2025.md", "x/plan-2026.md", "x/a.md"]
    )
    assert not any("renamed" in note for note in two)


@pytest.mark.parametrize(
    ("was", "now", "renamed"),
    [
        ("plan.md", "plan-2026.md", True),
        ("plan-2024.md", "plan-2026.md", True),
        ("council-plan.docx", "council-plan-2026-final-v3.docx", True),
        ("camden-plan.md", "camden-plan-final.md", True),
        # Two partners, not two editions: 'give it its earlier name' would hide one's gaps
        # behind the other's known debt.
        ("north-trust.md", "south-trust.md", False),
        ("trust-a.md", "trust-c.md", False),
        ("plan.md", "police-plan.md", False),
    ],
)
def test_a_rename_is_an_edition_s_name_not_a_like_one(was: str, now: str, renamed: bool) -> None:
    from alignck.compare import paired_elsewhere

    notes = paired_elsewhere("b", [f"x/{was}", "x/a.md"], [f"x/{now}", "x/a.md"])
    assert any("same document renamed" in note for note in notes) == renamed


def test_two_editions_and_one_new_name_no_rename() -> None:
    from alignck.compare import paired_elsewhere

    notes = paired_elsewhere("b", ["x/plan-2024.md", "x/plan-2025.md"], ["x/plan-2026.md"])
    assert not any("renamed" in note for note in notes)


def test_a_document_this_run_could_not_read_is_neither_missing_nor_renamed() -> None:
    from alignck.compare import paired_elsewhere

    old = ["x/council-plan.docx", "x/a.md"]
    notes = paired_elsewhere(
        "b", old, ["x/council-plan-2026.docx", "x/a.md"], ["x/council-plan.docx"]
    )
    assert notes == []


def test_a_document_now_unreadable_is_no_rename_and_keeps_a_likeness_ambiguous() -> None:
    from alignck.compare import paired_elsewhere

    unread = paired_elsewhere("b", ["x/plan-2025.md"], [], ["x/plan-2026.md"])
    assert not any("renamed" in note for note in unread)
    both = paired_elsewhere("b", ["x/plan-2025.md"], ["x/plan-final.md"], ["x/plan-2026.md"])
    assert not any("renamed" in note for note in both)


def test_a_coverage_change_rounds_its_half_tenths_away_from_zero() -> None:
    from alignck.compare import CoverageChange
    from alignck.renderers.diff import delta, figure

    # 15 of 16 to 14 of 16: shown 93.8% -> 87.5% beside a change of -6.2 (Python's
    # rounding of -6.25 to even), which the figures shown do not add up to.
    change = CoverageChange("plan", 93.75, 87.5)
    assert (figure(change.old), figure(change.new), delta(change)) == ("93.8%", "87.5%", "-6.3")
    assert CoverageChange("plan", 87.5, 93.75).delta == 6.3
    # Worked out from the counts, not from the rounded figures: half a priority of six.
    assert CoverageChange("plan", 200 / 3, 175 / 3).delta == -8.3
    # A figure as check's reports give it (81.25 is 81.3 there, a half rounded up), no '-0.0'.
    assert figure(81.25) == "81.3%"
    assert (figure(100.0), figure(0.00001), figure(99.95)) == ("100.0%", "0.00001%", "99.95%")
    assert str(CoverageChange("plan", 50.0, 49.96).delta) == "0.0"
    assert delta(CoverageChange("plan", 50.0, 49.96)) == "0.0"


def _quoted(
    source: str, quotes: tuple[str, ...], status: str = "aligned", **marks: bool
) -> Snapshot:
    verdict = Verdict(status, 0.9, quotes[0] if quotes else None, quotes=quotes, **marks)  # type: ignore[arg-type]
    runs = (DocumentRun("plan.md", 100.0, {"a": verdict}),)
    return Snapshot(source, "1", "F", {"a": "A"}, "m", (0.5, 0.5), 100.0, runs)


def test_a_verdict_that_stands_on_another_passage_is_said_apart_from_moved_ones() -> None:
    old = _quoted("old", ("We will reduce deliberate fires with the police.", "Safer roads"))
    new = _quoted("new", ("Protection keeps people safe in buildings.", "Safer roads"))
    found = compare(old, new)
    assert found.changes == ()
    assert [(r.priority_id, r.status, r.was_quoted) for r in found.regrounded] == [
        ("a", "aligned", "We will reduce deliberate fires with the police.")
    ]
    assert found.regressions("worse") == ()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Still among its quotes, if no longer the first.
        (("We will open two cafes.",), ("We will fund a helpline.", "We will open two cafes.")),
        # The same passage, edited.
        (("We will open two crisis cafes by 2026.",), ("We will open two crisis cafes by 2027.",)),
        # ... or in capitals, or extended.
        (("Be a great place to work",), ("Be a Great Place to Work",)),
        (
            ("We will open two crisis cafes in the county.",),
            ("We will open two crisis cafes in the county and fund a suicide prevention line.",),
        ),
    ],
)
def test_a_verdict_still_quoting_its_passage_is_not_on_other_grounds(
    old: tuple[str, ...], new: tuple[str, ...]
) -> None:
    assert compare(_quoted("old", old), _quoted("new", new)).regrounded == ()


def test_gaps_moved_reviewed_and_waived_verdicts_are_not_on_other_grounds() -> None:
    was, now = ("We will open two cafes.",), ("We will fund a helpline.",)
    assert compare(_quoted("o", was, "gap"), _quoted("n", now, "gap")).regrounded == ()
    assert compare(_quoted("o", was), _quoted("n", now, "partial")).regrounded == ()
    reviewed = _quoted("n", now, reviewed=True)
    assert compare(_quoted("o", was), reviewed).regrounded == ()
    assert compare(_quoted("o", was, waived=True), _quoted("n", now)).regrounded == ()


def test_a_document_of_the_same_bytes_is_not_on_other_grounds() -> None:
    # What moved is alignck (a baseline made by an older version), not the document.
    was, now = ("We will open two cafes.",), ("We will fund a helpline.",)
    old, new = _quoted("o", was), _quoted("n", now)
    same = [replace(d, sha256="ab") for d in (old.documents[0], new.documents[0])]
    found = compare(replace(old, documents=(same[0],)), replace(new, documents=(same[1],)))
    assert found.regrounded == ()
    other = replace(same[1], sha256="cd")
    assert compare(replace(old, documents=(same[0],)), replace(new, documents=(other,))).regrounded
