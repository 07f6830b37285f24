"""Waivers: loading with FILE:LINE:COL problems, glob matching, expiry, and what they change
in the analysis (required gaps) and what they leave alone (verdicts, coverage)."""

from datetime import date
from pathlib import Path

import pytest

from alignck.analyse import analyse
from alignck.errors import WaiverError
from alignck.model import Alignment, DocumentResult, Framework, Priority, Waiver
from alignck.waivers import covers, load_waivers, unused_warning

FRAMEWORK = Framework(
    "t",
    "f.yaml",
    (Priority("air", "Clean air", required=True), Priority("homes", "Warm homes")),
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_every_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "waivers:\n"
        "  - priority: air\n"
        "    document: '*transport*'\n"
        "    reason: Left to the district councils.\n"
        "    expires: 2027-03-31\n"
        "  - priority: homes\n"
        "    reason: Not a housing authority.\n",
    )
    loaded = load_waivers(path, FRAMEWORK)
    assert loaded.waivers == (
        Waiver(
            "air", "Left to the district councils.", "*transport*", date(2027, 3, 31), f"{path}:2:5"
        ),
        Waiver("homes", "Not a housing authority.", None, None, f"{path}:6:5"),
    )
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "waivers:\n  - priority: aire\n    reason: x\n",
            ":2:15: waivers[0].priority: no framework priority 'aire'; did you mean 'air'?",
        ),
        ("waivers:\n  - priority: air\n", ":2:5: waivers[0].reason: missing required key 'reason'"),
        (
            "waivers:\n  - priority: air\n    reason: x\n    expires: next year\n",
            ":4:14: waivers[0].expires: expected a date as YYYY-MM-DD, got 'next year'",
        ),
        # Python's date reading takes both for 1 January 2027.
        (
            "waivers:\n  - priority: air\n    reason: x\n    expires: 20270101\n",
            ":4:14: waivers[0].expires: expected a date as YYYY-MM-DD, got '20270101'",
        ),
        (
            "waivers:\n  - priority: air\n    reason: x\n    expires: 20270101.5\n",
            ":4:14: waivers[0].expires: expected a date as YYYY-MM-DD, got '20270101.5'",
        ),
        # Full-width digits are no date of the form.
        (
            "waivers:\n  - priority: air\n    reason: x\n"
            "    expires: '\uff12\uff10\uff12\uff17-01-01'\n",
            ":4:14: waivers[0].expires: expected a date as YYYY-MM-DD, got "
            "'\uff12\uff10\uff12\uff17-01-01'",
        ),
        # In the right form, but no day of the calendar: not 'expected a date as YYYY-MM-DD'.
        (
            "waivers:\n  - priority: air\n    reason: x\n    expires: '2027-02-30'\n",
            ":4:14: waivers[0].expires: no such day as '2027-02-30' in the calendar",
        ),
        ("waivers: air\n", ":1:10: waivers: expected a list of waivers, got a string"),
        (
            "waivers:\n  - air\n",
            ":2:5: waivers[0]: expected a waiver (priority and reason), got a string",
        ),
        # Unclosed: shown where the bracket opened, not past the file's last line.
        (
            "waivers:\n  - priority: [air\n",
            ":2:15: not valid YAML: did not find expected ',' or ']' (while parsing a flow "
            "sequence that starts here)",
        ),
    ],
)
def test_each_problem_is_reported_with_line_and_column(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert any(line.startswith(str(path)) and problem in line for line in raised.value.problems)


def test_an_unknown_key_in_a_waiver_is_an_error_with_a_hint(tmp_path: Path) -> None:
    # Ignored, a misspelt 'expires' or 'document' would widen the waiver.
    path = _write(tmp_path, "waivers:\n  - priority: air\n    reason: x\n    expiry: 2027-01-01\n")
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems[0].startswith(
        f"{path}:4:5: waivers[0].expiry: unknown key 'expiry'; did you mean 'expires'?"
    )


@pytest.mark.parametrize("given", ['""', "'   '", "", "null"])
def test_an_empty_document_is_an_error_not_a_waiver_of_every_document(
    tmp_path: Path, given: str
) -> None:
    path = _write(tmp_path, f"waivers:\n  - priority: air\n    reason: x\n    document: {given}\n")
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems[0].startswith(f"{path}:4:")
    assert "waivers[0].document: is empty; name the document" in raised.value.problems[0]


def test_an_empty_document_and_an_unknown_priority_are_both_said_at_once(tmp_path: Path) -> None:
    path = _write(tmp_path, 'waivers:\n  - priority: airr\n    reason: x\n    document: ""\n')
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    said = " ".join(raised.value.problems)
    assert len(raised.value.problems) == 2
    assert "no framework priority 'airr'" in said and "document: is empty" in said


def test_a_document_in_curly_quotes_is_an_error_not_a_waiver_of_nothing(tmp_path: Path) -> None:
    # Pasted from Word: YAML keeps the quotes, the name matches no document, and the gap
    # the waiver was written for failed the run with no word of why.
    path = _write(tmp_path, "waivers:\n  - priority: air\n    reason: x\n    document: “vcs”\n")
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems[0] == (
        f"{path}:4:15: waivers[0].document: “vcs” is in curly quotes, which YAML keeps as part "
        'of the name; write it in straight quotes ("vcs") or none'
    )


@pytest.mark.parametrize("document", ["“vcs", "vcs”"])
def test_a_document_with_one_curly_quote_is_taken_as_written(tmp_path: Path, document: str) -> None:
    # Only a pair of curly quotes is the sign of a name pasted from Word; one on its own is
    # part of the name.
    path = _write(
        tmp_path, f"waivers:\n  - priority: air\n    reason: x\n    document: {document}\n"
    )
    assert [w.document for w in load_waivers(path, FRAMEWORK).waivers] == [document]


def test_a_waiver_s_problems_are_listed_in_file_order(tmp_path: Path) -> None:
    # The empty document (line 4) is found before the unknown priority (line 2).
    path = _write(tmp_path, 'waivers:\n  - priority: airr\n    reason: x\n    document: ""\n')
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert [problem.split(": ", 1)[0] for problem in raised.value.problems] == [
        f"{path}:2:15",
        f"{path}:4:15",
    ]


def test_an_unknown_key_beside_the_list_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, "owner: team\nwaivers:\n  - priority: air\n    reason: x\n")
    loaded = load_waivers(path, FRAMEWORK)
    assert len(loaded.waivers) == 1
    assert loaded.warnings == (f"{path}:1:1: owner: warning: unknown key 'owner' (ignored)",)


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WaiverError, match="waivers file not found"):
        load_waivers(tmp_path / "nope.yaml", FRAMEWORK)


def test_the_file_is_not_modified(tmp_path: Path) -> None:
    text = "waivers:\n  - priority: air\n    reason: x\n"
    path = _write(tmp_path, text)
    load_waivers(path, FRAMEWORK)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        (None, "docs/plan.pdf", True),
        ("plan.pdf", "docs/plan.pdf", True),
        ("plan", "docs/plan.pdf", True),
        ("docs/*.pdf", "docs/plan.pdf", True),
        ("*transport*", "docs/Local-Transport-Plan.docx", True),
        ("other/*.pdf", "docs/plan.pdf", False),
        ("plan.docx", "docs/plan.pdf", False),
        ("./docs/*.pdf", "docs/plan.pdf", True),
        ("docs/*.pdf", "./docs/plan.pdf", True),
    ],
)
def test_document_globs_match_path_name_or_stem(
    pattern: str | None, path: str, expected: bool
) -> None:
    assert covers(Waiver("air", "x", pattern), path) is expected


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts/**/plan.md", "drafts/plan.md", True),
        ("drafts/**/plan.md", "drafts/icb/2026/plan.md", True),
        ("**/plan.md", "plan.md", True),
        ("drafts/**/plan.md", "drafts/icb-plan.md", False),
        ("drafts/**/plan.md", "other/plan.md", False),
        # Each '**/' on its own: all of them standing for no folder at once missed these.
        ("a/**/b/**/c.md", "a/x/b/c.md", True),
        ("a/**/b/**/c.md", "a/b/x/c.md", True),
        ("a/**/b/**/c.md", "a/c.md", False),
        ("a/**/b/**/c/**/d/**/e/**/f.md", "a/b/c/d/e/f.md", True),
    ],
)
def test_a_double_star_folder_stands_for_no_folder_too(
    pattern: str, path: str, expected: bool
) -> None:
    # 'drafts/**/plan.md' missed drafts/plan.md, which .gitignore and CI path filters match.
    assert covers(Waiver("air", "x", pattern), path) is expected


@pytest.mark.parametrize("name", ["plan [v2]", "plan [v2].md", "docs/plan [v2].md"])
def test_a_name_with_brackets_names_its_document_as_written(name: str) -> None:
    # As a glob, '[v2]' is one character, 'v' or '2': the waiver matched nothing, and the
    # hint suggested the very name written.
    assert covers(Waiver("air", "x", name), "docs/plan [v2].md")
    assert not covers(Waiver("air", "x", name), "docs/plan v2.md")


def test_a_name_with_brackets_that_names_two_documents_is_warned_of_as_a_name_is() -> None:
    from alignck.waivers import several_warning

    paths = ["docs/north/plan [v2].md", "docs/south/plan [v2].md", "docs/plan.md"]
    # Read as a name, it waived both partners' files, and no warning said so ('plan' did).
    said = several_warning("waiver", Waiver("air", "x", "plan [v2]", source="w.yaml:2:5"), paths)
    assert said is not None and "matches 2 documents" in said
    # A glob meant for several is not warned of.
    assert (
        several_warning("waiver", Waiver("air", "x", "plan*", source="w.yaml:2:5"), paths) is None
    )


def test_a_glob_copied_from_the_report_matches_a_folder_named_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'alignck check $PWD/drafts' reports drafts/plan.md; the waiver says what the report said.
    monkeypatch.chdir(tmp_path)
    assert covers(Waiver("air", "x", "drafts/pl*"), str(tmp_path / "drafts" / "plan.md"))
    assert not covers(Waiver("air", "x", "drafts/pl*"), "/elsewhere/drafts2/plan.md")


def _results() -> list[DocumentResult]:
    gaps = (Alignment("air", "gap", 0.0), Alignment("homes", "partial", 0.2))
    return [
        DocumentResult("docs/transport.md", "ok", alignments=gaps),
        DocumentResult("docs/council.md", "ok", alignments=gaps),
    ]


def test_a_waived_required_gap_no_longer_fails_but_stays_a_gap() -> None:
    waiver = Waiver("air", "Left to the districts.", "transport*")
    analysis = analyse(FRAMEWORK, _results(), [waiver], today=date(2026, 1, 1))
    assert analysis.required_gaps == {"docs/council.md": ("air",)}
    assert [(w.path, w.priority_id, w.status) for w in analysis.waived] == [
        ("docs/transport.md", "air", "gap")
    ]
    assert analysis.missed["docs/transport.md"] == ("air",)
    unwaived = analyse(FRAMEWORK, _results())
    assert analysis.document_coverage == unwaived.document_coverage
    assert analysis.system_coverage == unwaived.system_coverage


def test_partials_can_be_waived_and_aligned_verdicts_need_no_waiver() -> None:
    results = [
        DocumentResult("a.md", "ok", alignments=(Alignment("homes", "partial", 0.2),)),
        DocumentResult("b.md", "ok", alignments=(Alignment("homes", "aligned", 0.5),)),
    ]
    analysis = analyse(FRAMEWORK, results, [Waiver("homes", "x")], today=date(2026, 1, 1))
    assert [(w.path, w.status) for w in analysis.waived] == [("a.md", "partial")]


def test_expired_waivers_lapse_and_unused_ones_are_reported() -> None:
    expired = Waiver("air", "old", None, date(2025, 12, 31))
    unused = Waiver("air", "typo in the glob", "trasport*")
    analysis = analyse(FRAMEWORK, _results(), [expired, unused], today=date(2026, 1, 1))
    assert analysis.waived == ()
    assert analysis.expired_waivers == (expired,)
    assert analysis.unused_waivers == (unused,)
    assert set(analysis.required_gaps) == {"docs/transport.md", "docs/council.md"}


def test_a_lapsed_waiver_about_documents_not_checked_is_not_reported() -> None:
    # A draft checked beside the partners' waivers file was warned (a GitHub annotation) of
    # another partner's waiver lapsing, as an unused one in force is not.
    elsewhere = Waiver("air", "old", "district-*", date(2025, 12, 31))
    here = Waiver("air", "old", "transport*", date(2025, 12, 31))
    analysis = analyse(FRAMEWORK, _results(), [elsewhere, here], today=date(2026, 1, 1))
    assert analysis.expired_waivers == (here,)


def test_a_waiver_is_in_force_on_its_expiry_date() -> None:
    waiver = Waiver("air", "x", None, date(2026, 1, 1))
    analysis = analyse(FRAMEWORK, _results(), [waiver], today=date(2026, 1, 1))
    assert len(analysis.waived) == 2 and analysis.required_gaps == {}


def test_a_waiver_on_a_priority_accepts_its_sub_priorities() -> None:
    framework = Framework(
        "t",
        "f.yaml",
        (
            Priority("homes", "Warm homes"),
            Priority("damp", "No damp", parent="homes", depth=1),
            Priority("air", "Clean air"),
        ),
    )
    gaps = tuple(Alignment(i, "gap", 0.0) for i in ("homes", "damp", "air"))
    results = [DocumentResult("a.md", "ok", alignments=gaps)]
    analysis = analyse(framework, results, [Waiver("homes", "x")], today=date(2026, 1, 1))
    assert [w.priority_id for w in analysis.waived] == ["homes", "damp"]
    child_only = analyse(framework, results, [Waiver("damp", "x")], today=date(2026, 1, 1))
    assert [w.priority_id for w in child_only.waived] == ["damp"]


def test_a_waivers_file_that_is_not_utf8_names_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_bytes(b"waivers:\n  - priority: air\n    reason: Caf\xe9\n")
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:3:16: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    ]


def test_a_waiver_for_a_document_not_checked_is_not_stale_but_a_mistyped_glob_is() -> None:
    elsewhere = Waiver("air", "another partner's plan", "district-*")
    slip = Waiver("air", "a typing slip", "trasport*")
    analysis = analyse(FRAMEWORK, _results(), [elsewhere, slip], today=date(2026, 1, 1))
    assert analysis.waived == ()
    assert analysis.unused_waivers == (slip,)


def test_an_unused_waiver_says_whether_its_glob_matched_a_document() -> None:
    paths = [r.path for r in _results()]
    slip = Waiver("air", "a typing slip", "trasport*", source="w.yaml:2:5")
    assert unused_warning(slip, paths) == (
        "w.yaml:2:5: warning: waiver for 'air': 'trasport*' matches no checked document; "
        "did you mean 'transport.md'?"
    )
    matched = Waiver("mental-health", "no longer needed", "council*", source="w.yaml:6:5")
    assert unused_warning(matched, paths) == (
        "w.yaml:6:5: warning: waiver for 'mental-health' in documents matching 'council*' "
        "applies to no gap or partial verdict"
    )


def test_with_no_document_read_no_waiver_is_called_stale() -> None:
    broken = [DocumentResult("docs/plan.pdf", "error", error="docs/plan.pdf: not a PDF")]
    waivers = [Waiver("air", "every document"), Waiver("air", "one", "plan*")]
    analysis = analyse(FRAMEWORK, broken, waivers, today=date(2026, 1, 1))
    assert analysis.unused_waivers == ()


@pytest.mark.parametrize(
    "glob",
    [
        "north/trust/strategy",  # the name reports give it beside other 'strategy' files
        "north/trust/strategy.md",
        "trust/strategy",
        "north/trust/*",
        "corpus/region-north/north/trust/strategy.md",
        "strategy",
    ],
)
def test_a_document_is_covered_by_the_names_reports_give_it(glob: str) -> None:
    # A report names two 'strategy' files by the shortest tail that tells them apart; a
    # waiver or review copying that name matched nothing, silently.
    path = "corpus/region-north/north/trust/strategy.md"
    assert covers(Waiver("homes", "r", glob), path)


def test_a_tail_does_not_cover_another_partner_s_document() -> None:
    path = "corpus/region-north/north/mh-trust/strategy.md"
    assert not covers(Waiver("homes", "r", "north/trust/strategy"), path)
    assert not covers(Waiver("homes", "r", "trust/strategy"), path)


def test_a_slip_names_the_nearest_document_not_the_first_near_enough() -> None:
    from alignck.waivers import slipped_from

    paths = ["docs/north/mh-trust/strategy.md", "docs/north/trust/strategy.md"]
    waiver = Waiver("homes", "r", "nort/trust/strategy.md")
    assert slipped_from(waiver, paths) == "docs/north/trust/strategy.md"


def test_a_waiver_matches_a_name_in_either_unicode_form() -> None:
    # Typed 'Café plan' (composed) in the waivers file, it missed the file unzipped on a Mac,
    # whose name is decomposed, and the warning hid that the other 'Café plan' had the gap.
    import unicodedata

    waiver = Waiver("air", "Agreed.", unicodedata.normalize("NFC", "Café plan"))
    decomposed = "docs/" + unicodedata.normalize("NFD", "Café plan") + ".md"
    assert covers(waiver, decomposed)
    assert not covers(waiver, "docs/Cafe plan.md")


@pytest.mark.parametrize(
    ("glob", "meant"),
    [("vsc*", "vcs.txt"), ("vcz", "vcs"), ("vcs.md", "vcs.txt"), ("counsil*", "council.md")],
)
def test_a_slip_in_a_short_name_or_its_extension_is_named(glob: str, meant: str) -> None:
    """Transposed or wrong letters in a three-letter name, or the extension of another
    format, left a waiver silently unapplied: a ratio of likeness is too coarse for them."""
    gaps = (Alignment("air", "gap", 0.0),)
    results = [
        DocumentResult("docs/vcs.txt", "ok", alignments=gaps),
        DocumentResult("docs/council.md", "ok", alignments=gaps),
    ]
    slip = Waiver("air", "a typing slip", glob, source="w.yaml:2:5")
    analysis = analyse(FRAMEWORK, results, [slip], today=date(2026, 1, 1))
    assert analysis.unused_waivers == (slip,)
    assert unused_warning(slip, [r.path for r in results]).endswith(f"did you mean '{meant}'?")


def test_a_waiver_for_a_short_name_unlike_any_checked_is_for_another_document() -> None:
    gaps = (Alignment("air", "gap", 0.0),)
    results = [DocumentResult("docs/vcs.txt", "ok", alignments=gaps)]
    elsewhere = Waiver("air", "the ICB's plan", "icb*")
    assert analyse(FRAMEWORK, results, [elsewhere], today=date(2026, 1, 1)).unused_waivers == ()


def test_a_glob_reads_from_the_waivers_file_s_folder_whatever_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'drafts/icb-plan.md' applied from the repository's root but not from 'drafts/'.
    (tmp_path / "drafts").mkdir()
    waiver = Waiver("air", "Agreed.", "drafts/icb-plan.md", source=f"{tmp_path}/w.yaml:3:5")
    monkeypatch.chdir(tmp_path / "drafts")
    assert covers(waiver, "icb-plan.md")
    assert covers(waiver, "./icb-plan.md")
    assert not covers(waiver, "trust-plan.md")
    elsewhere = Waiver("air", "Agreed.", "drafts/icb-plan.md", source="/nowhere/w.yaml:3:5")
    assert not covers(elsewhere, "icb-plan.md")


def test_an_absolute_document_names_its_file_however_the_checked_path_was_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'check drafts' left it unapplied (under waivers.elsewhere) where 'check $PWD/drafts'
    # applied it: the same files, two verdicts.
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "trust-strategy.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "linked").symlink_to("drafts")
    monkeypatch.chdir(tmp_path)
    named = str(tmp_path / "drafts" / "trust-strategy.md")
    typed = (
        "drafts/trust-strategy.md",
        named,
        "./drafts/../drafts/trust-strategy.md",
        "linked/trust-strategy.md",
    )
    for document in (named, f"{tmp_path}/drafts/trust*", f"{tmp_path}/linked/trust-strategy.md"):
        waiver = Waiver("air", "Agreed.", document, source="/nowhere/w.yaml:3:5")
        assert all(covers(waiver, path) for path in typed), document
        assert not covers(waiver, "drafts/council-plan.md")
        assert not covers(waiver, "elsewhere/drafts/trust-strategy.md")


def test_check_today_judges_waiver_expiry_as_on_that_day(tmp_path: Path, make_document) -> None:  # type: ignore[no-untyped-def]
    # A CI job run again after a waiver lapsed failed where it had passed: --today runs it
    # as it ran.
    from typer.testing import CliRunner

    from alignck.cli import app
    from conftest import SMALL_FRAMEWORK

    framework = tmp_path / "priorities.yaml"
    framework.write_text(SMALL_FRAMEWORK, encoding="utf-8")
    plan = make_document("plan.md")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - {priority: early-years, reason: Not ours., expires: 2026-03-31}\n",
        encoding="utf-8",
    )
    args = ["check", str(plan), "-f", str(framework), "--waivers", str(waivers)]
    args += ["--fail-on", "gap", "--matcher", "lexical", "-q", "-o", str(tmp_path / "r.json")]
    runner = CliRunner()
    before = runner.invoke(app, [*args, "--today", "2026-03-31"])
    after = runner.invoke(app, [*args, "--today", "2026-04-01"])
    assert before.exit_code == 0, before.stderr
    assert after.exit_code == 1 and "expired on 2026-03-31" in after.stderr
    bad = runner.invoke(app, [*args, "--today", "31/03/2026"])
    assert bad.exit_code == 2
    assert (
        bad.stderr
        == "alignck: error: --today must be a date written YYYY-MM-DD, not '31/03/2026'\n"
    )
    assert runner.invoke(app, [*args, "--today", "20260401"]).exit_code == 2


@pytest.mark.parametrize(
    ("document", "expected"),
    [("drafts", True), ("drafts/", True), ("Drafts", True), ("draft", False), ("plan/", False)],
)
def test_a_folder_names_every_document_under_it(document: str, expected: bool) -> None:
    # 'document: drafts/' matched nothing, silently, where .gitignore names the folder's files.
    assert covers(Waiver("air", "x", document), "drafts/sub/plan.md") is expected


def test_an_absolute_folder_names_its_documents_however_they_were_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    waiver = Waiver("air", "x", str(tmp_path / "drafts") + "/")
    assert covers(waiver, "drafts/plan.md")
    assert covers(waiver, str(tmp_path / "drafts" / "plan.md"))
    assert not covers(Waiver("air", "x", str(tmp_path / "other")), "drafts/plan.md")


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ("drafts/", "Drafts/plan.md"),
        ("drafts", "DRAFTS/sub/Plan.md"),
        ("Drafts/", "drafts/plan.md"),
    ],
)
def test_a_waiver_for_a_folder_matches_its_documents_whatever_their_case(
    document: str, path: str
) -> None:
    assert covers(Waiver("air", "x", document), path)


def test_a_waiver_for_a_same_named_file_in_another_folder_is_for_another_document() -> None:
    # 'other/plan.md' is another partner's plan, not a slip for 'docs/plan.md': no hint to
    # take it for this run's plan, and no warning that it is stale.
    from alignck.waivers import concerns, near_name

    waiver = Waiver("air", "Agreed.", "other/plan.md", source="w.yaml:3:5")
    paths = ["docs/plan.md"]
    assert near_name(waiver, paths) is None
    assert not concerns(waiver, paths)
    assert unused_warning(waiver, paths) == (
        "w.yaml:3:5: warning: waiver for 'air': 'other/plan.md' matches no checked document"
    )
    results = [DocumentResult("docs/plan.md", "ok", alignments=(Alignment("air", "gap", 0.0),))]
    analysis = analyse(FRAMEWORK, results, [waiver], today=date(2026, 1, 1))
    assert analysis.unused_waivers == ()
    assert analysis.elsewhere_waivers == (waiver,)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "waivers.yaml: warning: the file is empty: it lists no waivers"),
        ("{}\n", ":1:1: waivers: warning: the file has no 'waivers' key: it lists no waivers"),
        ("waivers:\n", ":1:9: waivers: warning: lists no waivers, so no gap is accepted"),
    ],
)
def test_a_file_that_lists_no_waivers_is_warned_of(tmp_path: Path, text: str, said: str) -> None:
    # A waivers file blanked by mistake quietly dropped every waiver: 'ok (0 waivers)'.
    loaded = load_waivers(_write(tmp_path, text), FRAMEWORK)
    assert loaded.waivers == ()
    assert len(loaded.warnings) == 1 and said in loaded.warnings[0]
    assert load_waivers(_write(tmp_path, "waivers: []\n"), FRAMEWORK).warnings == ()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A waiver's key slipped to the margin: ignored, the waiver covered every document.
        (
            "waivers:\n  - priority: air\n    reason: x\ndocument: council-plan\n",
            ":4:1: document: 'document' is a waiver's key, at the top of the file: indent it "
            "under its waiver, as its 'priority:' is",
        ),
        # A template's 'expires:' left blank: a waiver that never lapses, in silence.
        (
            "waivers:\n  - priority: air\n    reason: x\n    expires:\n",
            ":4:13: waivers[0].expires: is empty: give a date (YYYY-MM-DD), or leave the key "
            "out for a waiver that never lapses",
        ),
        # A glob left unquoted is read as an alias.
        (
            "waivers:\n  - priority: air\n    reason: x\n    document: *-plan\n",
            ":4:15: a value starting with '*' needs quotes: write \"*-plan\" (unquoted, YAML "
            "reads it as an alias)",
        ),
        (
            "waivers:\n  - priority: air\n    reason: x\n    document: *.md\n",
            ":4:15: not valid YAML: a value starting with '*' needs quotes: write \"*.md\" "
            "(unquoted, YAML reads it as an alias)",
        ),
    ],
)
def test_slips_that_would_widen_a_waiver_are_errors_at_their_place(
    tmp_path: Path, text: str, said: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems == [f"{path}{said}"]


@pytest.mark.parametrize("style", [">", "|", ">-"])
def test_an_expiry_indented_into_a_block_reason_is_an_error_not_more_reason(
    tmp_path: Path, style: str
) -> None:
    # Read as more of the reason: the waiver never lapsed, and nothing said so.
    text = (
        f"waivers:\n  - priority: air\n    reason: {style}\n      agreed at the March board\n"
        "      expires: 2026-03-31\n"
    )
    path = _write(tmp_path, text)
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:5:7: waivers[0].reason: 'expires: 2026-03-31' is read as more of the text of "
        "'reason': if it is this entry's 'expires:', indent it as far as 'reason:' is"
    ]


def test_a_sentence_opening_with_a_key_s_name_is_text_in_a_block_reason(tmp_path: Path) -> None:
    # 'document: the housing plan ...' is prose in a reason, not a swallowed key (a review):
    # the file was refused.
    text = (
        "waivers:\n  - priority: air\n    reason: |\n      Agreed at the March board.\n"
        "      document: the housing plan was not ready in time.\n"
    )
    (waiver,) = load_waivers(_write(tmp_path, text), FRAMEWORK).waivers
    assert waiver.reason.endswith("document: the housing plan was not ready in time.")


@pytest.mark.parametrize(
    ("last", "refused"),
    [
        # Keys indented into the reason: each would widen the waiver or keep it from lapsing.
        ("document: Our Housing and Health Plan.pdf", True),
        ("expires: '2026-03-31'", True),
        ("expires: 31 March 2026", True),
        ("expires: 2026-03-31 #end of year", True),
        ("document: housing-plan.pdf\n      # the draft", True),
        # Sentences a reason may hold (two reviews): a date's key needs a figure; other text
        # ends as a sentence does, runs on, or is too long for a name.
        ("expires: next March, once the board agrees.", False),
        ("document: 2025 was a year the plan slipped.", False),
        ("document: the housing plan\n      was not ready in time.", False),
        ("document: the housing plan was not ready in time", False),
        ("document: the plan comes first this year (minute 4)", False),
        ("document: “it was not ready in time.”", False),
        ("document: housing plan deferred\n      status: agreed by all partners", False),
    ],
)
def test_a_key_in_a_block_reason_is_told_by_its_value_s_form(
    tmp_path: Path, last: str, refused: bool
) -> None:
    text = f"waivers:\n  - priority: air\n    reason: |\n      Agreed at the board.\n      {last}\n"
    path = _write(tmp_path, text)
    if refused:
        with pytest.raises(WaiverError) as raised:
            load_waivers(path, FRAMEWORK)
        (problem,) = raised.value.problems
        first = last.split("\n")[0]
        assert problem.startswith(f"{path}:5:7: waivers[0].reason: '{first}' is read as more of")
    else:
        (waiver,) = load_waivers(path, FRAMEWORK).waivers
        assert waiver.document is None and waiver.expires is None


def test_a_key_the_waiver_has_is_text_in_a_block_reason(tmp_path: Path) -> None:
    text = (
        "waivers:\n  - priority: air\n    expires: 2026-03-31\n    reason: |\n"
        "      Agreed at the March board.\n      expires: see minute 12\n"
    )
    (waiver,) = load_waivers(_write(tmp_path, text), FRAMEWORK).waivers
    assert waiver.reason == "Agreed at the March board.\nexpires: see minute 12"


@pytest.mark.parametrize("blank", ['""', "''", '"  "'])
def test_an_expiry_quoted_empty_is_told_as_empty(tmp_path: Path, blank: str) -> None:
    # It said "expected a date as YYYY-MM-DD, got 'a string'".
    path = _write(tmp_path, f"waivers:\n  - priority: air\n    reason: x\n    expires: {blank}\n")
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:4:14: waivers[0].expires: is empty: give a date (YYYY-MM-DD), or leave the key "
        "out for a waiver that never lapses"
    ]


def test_a_reason_opening_with_a_hash_is_told_to_be_quoted(tmp_path: Path) -> None:
    # A ticket number as the reason ('#123 agreed at board') was 'must not be empty'.
    path = _write(tmp_path, "waivers:\n  - priority: air\n    reason: #123 agreed at board\n")
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:3:12: waivers[0].reason: must not be empty ('#' after a space starts a "
        "comment, so '#123 agreed at board' was not read: write \"#123 agreed at board\")"
    ]


def test_a_pdf_given_as_the_waivers_file_is_said_to_be_one(tmp_path: Path) -> None:
    # 'not UTF-8 text (byte 0xe9); save the file as UTF-8' told the officer to resave a PDF.
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.7\n\xe9\xe8\n%%EOF\n")
    with pytest.raises(WaiverError, match="a PDF, not a waivers file"):
        load_waivers(path, FRAMEWORK)


def test_a_last_line_indented_with_non_breaking_spaces_is_an_error_not_ignored(
    tmp_path: Path,
) -> None:
    # Valid YAML: a key of the file's own, opening with the spaces; ignored with a warning,
    # the waiver's expiry was dropped and the lapsed waiver applied.
    text = "waivers:\n  - priority: air\n    reason: x\n" + "\u00a0" * 4 + "expires: '2026-01-31'\n"
    path = _write(tmp_path, text)
    with pytest.raises(WaiverError) as raised:
        load_waivers(path, FRAMEWORK)
    assert raised.value.problems == [
        f"{path}:4:1: expires: a non-breaking space (U+00A0) in the indentation of 'expires' "
        "(pasted from Word or a web page?); indent with ordinary spaces"
    ]


def test_a_waiver_naming_a_folder_is_not_warned_of_as_matching_several() -> None:
    # A partnership analyst's 'document: docs/trust/' applied to the trust's three documents,
    # as the README says a folder does, and was warned of as a name matching several.
    from alignck.waivers import several_warning

    paths = ["docs/trust/a.md", "docs/trust/b.md", "docs/council/strategy.md"]
    for folder in ("docs/trust/", "docs/trust"):
        assert several_warning("waiver", Waiver("air", "x", folder, source="w:2:5"), paths) is None
    same_name = ["docs/trust/strategy.md", "docs/council/strategy.md"]
    named = several_warning("waiver", Waiver("air", "x", "strategy", source="w:2:5"), same_name)
    assert named is not None and "matches 2 documents" in named
