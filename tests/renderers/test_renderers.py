"""Golden files for every report format, built from a hand-made report (not from scoring), so
that they change only when a renderer changes. Refresh with ``pytest --update-golden``."""

import csv
import html
import io
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from alignck.analyse import analyse
from alignck.model import (
    Alignment,
    Coverage,
    DocumentResult,
    Evidence,
    Framework,
    Location,
    Policy,
    Priority,
    Reason,
    Report,
    Skipped,
    StatedMatch,
    Statement,
    Thresholds,
    Waiver,
)
from alignck.renderers import BINARY_FORMATS, RENDERERS, RenderOptions, renderer

GOLDEN = Path(__file__).parent.parent / "golden"
FRAMEWORK = Framework(
    "Test system",
    "priorities.yaml",
    (
        Priority("homes", "Warm homes"),
        Priority("minds", "Mental health", required=True),
        Priority("air", "Clean air", parent="homes", depth=1),
    ),
)


WAIVER = Waiver(
    "air",
    "Air quality sits with the district councils.",
    "docs/trust*",
    date(2027, 3, 31),
    "waivers.yaml:3:5",
)


def _stated(text: str, matches: tuple[str, ...], page: int | None) -> StatedMatch:
    location = Location(page, 3, "Plan › Our priorities")
    return StatedMatch(Statement(text, "priority", location, "list under heading"), matches, 0.6)


REASONS = (
    Reason("terms", "terms_best", 0.42, 1.9),
    Reason("terms", "terms_committed", 0.4, 0.6),
)


def _report() -> Report:
    quote = Evidence(
        "We will insulate 300 homes by 2027.", Location(2, 7, "Plan › Homes"), 0.71, "commitment"
    )
    mention = Evidence(
        "Many residents worry about their mental health.",
        Location(None, 9, "Plan › Survey"),
        0.3,
        "context",
    )
    council = DocumentResult(
        "docs/council-plan.pdf",
        "ok",
        format="pdf",
        pages=4,
        statements=(
            _stated("Warm homes for all", ("homes",), 1),
            _stated("Grow the local economy", (), 1),
        ),
        alignments=(
            Alignment("homes", "aligned", 0.71, (quote,), 0.71, None, REASONS),
            Alignment("minds", "gap", 0.05),
            Alignment("air", "gap", 0.0),
        ),
    )
    trust = DocumentResult(
        "docs/trust.md",
        "ok",
        format="markdown",
        warnings=("not valid UTF-8 (byte 12); read as Windows-1252 (cp1252)",),
        statements=(_stated("Grow our local economy", (), None),),
        alignments=(
            Alignment("homes", "partial", 0.3, (mention,), 0.0),
            Alignment("minds", "partial", 0.3, (mention,), 0.0),
            Alignment("air", "gap", 0.0),
        ),
    )
    broken = DocumentResult("docs/broken.pdf", "error", error="docs/broken.pdf: not a readable PDF")
    results = (broken, council, trust)
    return Report(
        FRAMEWORK,
        results,
        (Skipped("docs/notes.rtf", "unsupported format"),),
        analyse(FRAMEWORK, results, (WAIVER,), today=date(2026, 11, 1)),
        Thresholds(0.4, 0.14),
        Policy(fail_under=80),
        "lexical (decision test)",
    )


# Binary formats are read back in their own tests; CSV for Excel is the CSV with a byte-order
# mark and CRLF, which a text golden file would not keep.
TEXT_GOLDEN = sorted(set(RENDERERS) - BINARY_FORMATS - {"csv-excel"})


@pytest.mark.parametrize("name", TEXT_GOLDEN)
def test_report_format_matches_golden_file(name: str, update_golden: bool) -> None:
    out = io.StringIO()
    renderer(name)(_report(), out, RenderOptions(color=False, width=100))
    golden = GOLDEN / f"report.{name}"
    if update_golden:
        golden.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == golden.read_text(encoding="utf-8")


def test_json_report_round_trips_and_keeps_required_fields() -> None:
    out = io.StringIO()
    renderer("json")(_report(), out, RenderOptions())
    data = json.loads(out.getvalue())
    assert data["gaps"]["unaddressed"] == ["air"]
    assert data["gaps"]["required"] == {"docs/council-plan.pdf": ["minds"]}
    assert data["overlaps"]["priorities"][0]["documents"] == [
        "docs/council-plan.pdf",
        "docs/trust.md",
    ]
    assert data["overlaps"]["shared_outside_framework"][0]["documents"] == [
        "docs/council-plan.pdf",
        "docs/trust.md",
    ]
    assert data["documents"][0]["status"] == "error"


def test_terminal_report_reads_without_colour() -> None:
    out = io.StringIO()
    renderer("terminal")(_report(), out, RenderOptions(color=False, width=100))
    text = out.getvalue()
    assert "\x1b[" not in text
    assert "✔ aligned" in text and "◐ partial" in text and "✘ gap" in text


def test_terminal_report_in_colour_uses_ansi_codes() -> None:
    out = io.StringIO()
    renderer("terminal")(_report(), out, RenderOptions(color=True, width=100))
    assert "\x1b[" in out.getvalue()


@pytest.mark.parametrize("name", ["terminal", "github"])
def test_a_long_quote_is_cut_where_a_word_ends(name: str) -> None:
    long = "We will insulate 300 homes by 2027, " + "and keep them warm " * 20 + "in winter."
    report = _report()
    council = report.documents[1]
    quote = replace(council.alignments[0].evidence[0], text=long)
    partial = replace(council.alignments[0], status="partial", evidence=(quote,))
    council = replace(council, alignments=(partial, *council.alignments[1:]))
    report = replace(report, documents=(report.documents[0], council, report.documents[2]))
    out = io.StringIO()
    renderer(name)(report, out, RenderOptions(width=400, evidence=True))
    shown = " ".join(out.getvalue().replace("%0A", " ").split())
    cut = re.search(r"keep them warm (\w*)…", shown) or re.search(r"(\w+)…", shown)
    assert cut is not None, shown
    assert cut.group(1) in ("and", "keep", "them", "warm"), cut.group(0)


def test_evidence_can_be_left_out() -> None:
    out = io.StringIO()
    renderer("terminal")(_report(), out, RenderOptions(width=100, evidence=False))
    assert "We will insulate 300 homes" not in out.getvalue()


def test_html_escapes_document_text() -> None:
    report = _report()
    quote = Evidence("Homes <b>&</b> more", Location(1, 1, None), 0.5, "commitment")
    council = report.documents[1]
    changed = replace(
        council,
        alignments=(replace(council.alignments[0], evidence=(quote,)), *council.alignments[1:]),
    )
    out = io.StringIO()
    renderer("html")(
        replace(report, documents=(report.documents[0], changed, report.documents[2])),
        out,
        RenderOptions(),
    )
    assert "Homes &lt;b&gt;&amp;&lt;/b&gt; more" in out.getvalue()
    assert "<b>&</b>" not in out.getvalue()


def _thirteen_partners() -> Report:
    """One more document than the grid shows: thirteen copies of the council's plan."""
    base = _report()
    council = next(d for d in base.documents if d.path.endswith("council-plan.pdf"))
    many = tuple(replace(council, path=f"docs/partner-{n:02}.pdf") for n in range(13))
    return replace(base, documents=many, analysis=analyse(base.framework, list(many)))


def test_past_the_grid_overlaps_are_counted_not_listed() -> None:
    out = io.StringIO()
    renderer("terminal")(_thirteen_partners(), out, RenderOptions(color=False))
    text = out.getvalue()
    assert "Coverage across 13 documents" in text
    assert "Overlaps: 1 of 3 priorities have two or more partners" in text
    assert "partner-07" not in text.split("Overlaps:")[1].split("Outside")[0]
    # Where the names are: the CSV's rows are documents x priorities, and list no overlap.
    assert "names in the json, markdown and html reports" in " ".join(text.split())
    report = _thirteen_partners()
    for name, heading, after in (
        ("markdown", "## Overlaps", "## Outside"),
        ("html", "<h2>Overlaps</h2>", "<h2>Outside"),
    ):
        shown = io.StringIO()
        renderer(name)(report, shown, RenderOptions())
        assert "partner-07" in shown.getvalue().split(heading)[1].split(after)[0], name


def test_past_the_grid_the_gaps_table_lists_documents_in_file_manager_order() -> None:
    base = _thirteen_partners()
    many = tuple(replace(d, path=f"docs/partner-{n}.pdf") for n, d in enumerate(base.documents, 1))
    report = replace(base, documents=many, analysis=analyse(base.framework, list(many)))
    out = io.StringIO()
    renderer("terminal")(report, out, RenderOptions(color=False, width=120))
    gaps = out.getvalue().split("Gaps:")[1].split("Overlaps:")[0]
    listed = re.findall(r"partner-\d+", gaps)
    assert listed == [f"partner-{n}" for n in range(1, 14)]  # as JSON and Markdown list them


def test_markdown_past_the_grid_counts_instead_of_one_column_per_document() -> None:
    out = io.StringIO()
    renderer("markdown")(_thirteen_partners(), out, RenderOptions(evidence=False))
    text = out.getvalue()
    assert "## Coverage across 13 documents" in text
    assert "| Warm homes \\[homes\\] | 13 | 0 | 0 | ✔ aligned |" in text
    assert "| partner-07 | 33% | 1 | 0 | 2 |" in text
    assert max(line.count("|") for line in text.splitlines()) <= 6


def test_html_past_the_grid_counts_instead_of_one_column_per_document() -> None:
    out = io.StringIO()
    renderer("html")(_thirteen_partners(), out, RenderOptions(evidence=False))
    text = out.getvalue()
    assert "<h2>Coverage across 13 documents</h2>" in text
    # Its id too, and indented under its parent (a sub-priority): a framework of indicators
    # read as flat siblings, none named by its id.
    assert (
        '<tr><th scope="row">Warm homes [homes]</th><td>13</td><td>0</td><td>0</td>'
        "<td>✔ aligned</td></tr>" in text
    )
    assert '<tr><th scope="row">\u00a0\u00a0Clean air [air]</th>' in text
    assert (
        '<tr><th scope="row">partner-07</th><td>33%</td><td>1</td><td>0</td><td>2</td></tr>' in text
    )
    assert '<span class="name">partner-07</span></th>' not in text  # no column of its own


def test_csv_for_excel_is_the_csv_with_a_byte_order_mark_and_crlf() -> None:
    plain, excel = io.StringIO(), io.StringIO()
    renderer("csv")(_report(), plain, RenderOptions())
    renderer("csv-excel")(_report(), excel, RenderOptions())
    assert excel.getvalue().startswith("\ufeffdocument,priority_id,")
    assert excel.getvalue() == "\ufeff" + plain.getvalue().replace("\n", "\r\n")


def test_same_named_documents_are_told_apart_by_their_folders() -> None:
    base = _report()
    council = next(d for d in base.documents if d.path.endswith("council-plan.pdf"))
    twins = (replace(council, path="north/plan.pdf"), replace(council, path="south/plan.pdf"))
    report = replace(base, documents=twins, analysis=analyse(base.framework, list(twins)))
    out = io.StringIO()
    renderer("markdown")(report, out, RenderOptions(evidence=False))
    assert "| Priority | north/plan | south/plan | System |" in out.getvalue()


def test_markdown_tells_priorities_of_one_title_apart_by_their_ids() -> None:
    # A merged framework's two 'Warm homes' rows could not be told apart; the terminal and
    # HTML grids always show ids.
    base = _report()
    framework = replace(
        base.framework,
        priorities=(*base.framework.priorities, Priority("homes-2", "Warm homes")),
    )
    results = tuple(
        replace(d, alignments=(*d.alignments, Alignment("homes-2", "gap", 0.0)))
        if d.status == "ok"
        else d
        for d in base.documents
    )
    report = replace(
        base, framework=framework, documents=results, analysis=analyse(framework, list(results))
    )
    out = io.StringIO()
    renderer("markdown")(report, out, RenderOptions(evidence=True))
    text = out.getvalue()
    assert "| Warm homes \\[homes\\] |" in text and "| Warm homes \\[homes-2\\] |" in text
    # A title no other priority has is shown alone, as before.
    assert "| Mental health |" in text


def test_every_text_report_names_what_produced_it() -> None:
    report = _report()
    report = replace(report, framework=replace(report.framework, version="2.1", sha256="ab" * 32))
    for name in ("markdown", "html", "terminal"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions(width=200))
        text = out.getvalue()
        for expected in (
            "0.1.0",
            "Test system",
            "2.1",
            "priorities.yaml",
            "ab" * 32 if name != "terminal" else "ab" * 6,
            "aligned 0.4, partial 0.14",
            "lexical (decision test)",
        ):
            assert expected in text, (name, expected)


def test_json_says_whether_the_run_passed() -> None:
    out = io.StringIO()
    renderer("json")(_report(), out, RenderOptions())
    data = json.loads(out.getvalue())
    assert data["passed"] is False
    assert data["policy"]["fail_under"] == 80
    assert any("below --fail-under 80%" in f for f in data["policy"]["failures"])
    optional = replace(
        FRAMEWORK, priorities=tuple(replace(p, required=False) for p in FRAMEWORK.priorities)
    )
    readable = _report().documents[1:]
    passing = replace(
        _report(),
        framework=optional,
        documents=readable,
        analysis=analyse(optional, list(readable)),
        policy=Policy(),
    )
    out = io.StringIO()
    renderer("json")(passing, out, RenderOptions())
    assert json.loads(out.getvalue())["passed"] is True
    # An unread document fails the run (exit 2): 'failures' says so, not [] beside passed false.
    everything = _report().documents
    unread = replace(passing, documents=everything, analysis=analyse(optional, list(everything)))
    out = io.StringIO()
    renderer("json")(unread, out, RenderOptions())
    data = json.loads(out.getvalue())
    assert data["passed"] is False
    assert data["policy"]["failures"] == ["1 document could not be read: broken"]


def test_a_run_with_no_policy_fails_as_a_run_not_a_policy_naming_what_was_unread() -> None:
    # 'Policy failed: 1 document could not be read' at the top of a board's report, with
    # no policy set and the file named only at the end.
    optional = replace(
        FRAMEWORK, priorities=tuple(replace(p, required=False) for p in FRAMEWORK.priorities)
    )
    everything = _report().documents
    unread = replace(
        _report(),
        framework=optional,
        analysis=analyse(optional, list(everything)),
        policy=Policy(),
    )
    for name in ("markdown", "html"):
        out = io.StringIO()
        renderer(name)(unread, out, RenderOptions())
        text = out.getvalue()
        assert "Run failed:" in text and "Policy failed" not in text
        assert "1 document could not be read: broken" in text


def test_past_the_grid_a_narrow_terminal_lists_counts_a_priority_a_line() -> None:
    out = io.StringIO()
    renderer("terminal")(_thirteen_partners(), out, RenderOptions(color=False, width=40))
    text = out.getvalue()
    assert "Coverage across 13 documents" in text
    assert "✔ Warm homes [homes]  ✔ 13 ◐ 0 ✘ 0" in text
    assert max(len(line) for line in text.splitlines()) <= 40
    # A title too long to share its line keeps its counts whole, on the next: '✘' ended one
    # line and its count began the other.
    narrow = io.StringIO()
    renderer("terminal")(_thirteen_partners(), narrow, RenderOptions(color=False, width=34))
    counts = narrow.getvalue()[narrow.getvalue().index("Coverage across") :].splitlines()
    assert all(not line.rstrip().endswith(("✔", "◐", "✘")) for line in counts)
    assert "    ✔ 13 ◐ 0 ✘ 0" in counts


@pytest.mark.parametrize("explain", [False, True])
def test_a_narrow_terminal_gives_each_verdict_s_evidence_as_lines(explain: bool) -> None:
    # At 40 columns the evidence table folded its words into pieces: 'Prio' / 'rity', and a
    # quote column three characters wide ('“Wa' / 'rm' / 'hom' / 'es').
    out = io.StringIO()
    renderer("terminal")(_report(), out, RenderOptions(color=False, width=40, explain=explain))
    text = out.getvalue()
    evidence = text[text.index("Evidence · ") :]
    assert max(len(line) for line in text.splitlines()) <= 40
    assert "Priority" not in evidence  # no table header
    words = " ".join(line.strip() for line in evidence.splitlines())
    assert "“We will insulate 300 homes by 2027.” (commitment)" in words
    assert "✔ aligned" in words and "p. 2 › Plan › Homes" in words
    assert ("terms best" in words) is explain


def test_a_gap_scoring_above_the_threshold_says_no_passage_addresses_it() -> None:
    # A verdict rests on passages: a document can score as addressing a priority while no
    # passage does on its own, and "below the threshold" beside a score of 0.90 misleads.
    from alignck.renderers.partner import render_html, render_markdown

    report = _gaps_with_a_closest_passage()
    results = report.documents
    above = (
        "scores at or above the 0.14 threshold as a whole, but no single passage addresses it "
        "on its own; the closest passage"
    )
    below = "the document's score is below the 0.14 threshold; the closest passage"
    for name in ("terminal", "markdown", "html"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions(width=400))
        text = " ".join(html.unescape(out.getvalue()).split())
        assert above in text and below in text, name
        # The passage's own score beside the verdict's: shown alone, one read as the other.
        # And the two measures are said apart: a passage at 0.51 under a 0.5 threshold the
        # document fell below read as a contradiction.
        own = "(this passage alone scores 0.20 as evidence, scored on its own, apart from the"
        assert own in text, name
    for write in (render_markdown, render_html):
        page = io.StringIO()
        write(report, results[1], page)
        shown = html.unescape(page.getvalue())
        assert above in shown and below in shown


def _gaps_with_a_closest_passage() -> Report:
    """The council's two gaps with a closest passage: one scoring above the threshold."""
    near = Evidence("Our wards are busy.", Location(3, 4, "Plan"), 0.2, "context")
    base = _report()
    council = base.documents[1]
    alignments = (
        council.alignments[0],
        Alignment("minds", "gap", 0.9, (), 0.0, near),
        Alignment("air", "gap", 0.05, (), 0.0, near),
    )
    results = (base.documents[0], replace(council, alignments=alignments), base.documents[2])
    return replace(
        base, documents=results, analysis=analyse(FRAMEWORK, results, (WAIVER,), date(2026, 11, 1))
    )


def test_spreadsheets_give_a_gap_s_closest_passage_and_the_workbook_its_policy() -> None:
    # The closest passage is what a reviewer reads first to judge a gap; CSV and the workbook
    # left it out, and the workbook did not say whether the run passed its policy.
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer

    report = _gaps_with_a_closest_passage()
    out = io.StringIO()
    renderer("csv")(report, out, RenderOptions())
    rows = {
        (r["document"], r["priority_id"]): r for r in csv.DictReader(io.StringIO(out.getvalue()))
    }
    gap = rows[("docs/council-plan.pdf", "air")]
    assert (gap["evidence"], gap["nearest"]) == ("", "Our wards are busy.")
    assert gap["nearest_where"] == "p. 3 › Plan"
    assert rows[("docs/council-plan.pdf", "homes")]["nearest"] == ""
    book = io.BytesIO()
    binary_renderer("xlsx")(report, book, RenderOptions())
    workbook = load_workbook(book)
    evidence = list(workbook["Evidence"].iter_rows(values_only=True))
    header = evidence[0]
    air = next(r for r in evidence if r[1] == "docs/council-plan.pdf" and r[2] == "air")
    found = dict(zip(header, air, strict=True))
    # The verdict alone beside its label, for a pivot of gaps: the label says '✘ gap'.
    assert (found["Verdict"], found["Status"]) == ("✘ gap", "gap")
    assert found["Closest passage (gap)"] == "Our wards are busy."
    assert found["Closest passage at"] == "p. 3 › Plan"
    summary = [r[:2] for r in workbook["Summary"].iter_rows(values_only=True)]
    assert ("Policy", "failed") in summary
    assert (None, "1 document could not be read: broken") in summary
    # What it failed, as the other reports a board reads say it.
    held = dict(summary).get("Held to") or ""
    assert held.startswith("system coverage of at least 80%; required priority")


def test_the_workbook_has_a_documents_table_a_script_can_read_and_the_skipped_files() -> None:
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer

    report = _report()
    book = io.BytesIO()
    binary_renderer("xlsx")(report, book, RenderOptions())
    workbook = load_workbook(book)
    rows = list(workbook["Documents"].iter_rows(values_only=True))
    assert rows[0] == (
        "Document",
        "Path",
        "Status",
        "Coverage %",
        "Aligned",
        "Partial",
        "Gap",
        "Error",
        "Warnings",
        "Partner",
    )
    by_path = {r[1]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert set(by_path) == {d.path for d in report.documents}
    broken = by_path["docs/broken.pdf"]
    assert broken["Status"] == "unreadable" and broken["Coverage %"] is None
    # No --partner: the column is there, empty; with one, the partner each document's.
    assert {r["Partner"] for r in by_path.values()} == {None}
    named = replace(report, documents=tuple(replace(d, partner="Trust") for d in report.documents))
    book = io.BytesIO()
    binary_renderer("xlsx")(named, book, RenderOptions())
    rows = list(load_workbook(book)["Documents"].iter_rows(values_only=True))
    assert {r[-1] for r in rows[1:]} == {"Trust"}
    assert "not a readable PDF" in broken["Error"]
    for path, coverage in report.analysis.document_coverage.items():
        row = by_path[path]
        assert row["Status"] == "ok" and isinstance(row["Coverage %"], float)
        assert (row["Aligned"], row["Partial"], row["Gap"]) == (
            coverage.aligned,
            coverage.partial,
            coverage.gap,
        )
    skipped = list(workbook["Skipped"].iter_rows(values_only=True))
    assert skipped[0] == ("Path", "Reason")
    assert skipped[1:] == [(s.path, s.reason) for s in report.skipped]


def test_coverage_percentages_round_halves_up_alike() -> None:
    from alignck.renderers._common import percent

    # 1 of 8 and 7 of 8: 12.5% and 87.5%, once shown as 12% and 88%.
    assert [percent(v) for v in (12.5, 87.5, 37.5, 14.3, 0.0, 100.0)] == [
        "13%",
        "88%",
        "38%",
        "14%",
        "0%",
        "100%",
    ]


def test_a_coverage_short_of_all_or_above_none_is_never_shown_as_100_or_0_percent() -> None:
    from alignck.analyse import coverage
    from alignck.renderers._common import percent

    # 199 priorities aligned and one partial; one partial among 200 gaps.
    nearly = coverage(["aligned"] * 199 + ["partial"])
    barely = coverage(["partial"] + ["gap"] * 199)
    assert percent(nearly.exact_percent) == "99.8%"
    # 0.25%: a half rounded up, as the JSON's figure is (Python's round gave 0.2).
    assert percent(barely.exact_percent) == "0.3%" and barely.percent == 0.3
    assert percent(100 - 50 / 3000) == "99.98%"
    assert percent(coverage(["partial"] + ["gap"] * 2999).exact_percent) == "0.02%"


def test_markdown_and_html_say_whether_the_run_passed_its_policy() -> None:
    # A board paper must not show "coverage 100%" while the run failed (exit 1).
    failed = _report()
    for name in ("markdown", "html", "terminal"):
        out = io.StringIO()
        renderer(name)(failed, out, RenderOptions(width=400))
        assert "Policy failed:" in out.getvalue(), name
        assert "is below --fail-under 80%" in out.getvalue(), name
        assert "(held to: system coverage of at least 80%; required priority" in out.getvalue()
    readable = tuple(r for r in failed.documents if r.status == "ok")
    optional = replace(
        FRAMEWORK, priorities=tuple(replace(p, required=False) for p in FRAMEWORK.priorities)
    )
    quiet = replace(
        failed,
        documents=readable,
        policy=Policy(),
        framework=optional,
        analysis=analyse(optional, readable, (), today=date(2026, 11, 1)),
    )
    passing = replace(quiet, policy=Policy(fail_under=10))
    for name in ("markdown", "html", "terminal"):
        shown = io.StringIO()
        renderer(name)(passing, shown, RenderOptions(width=400))
        # What it passed is said: 'Policy: passed' alone left a board to guess the standard.
        said = " ".join(shown.getvalue().split())
        assert "Policy: passed." in said, name
        assert "Held to: system coverage of at least 10%." in said, name
        plain = io.StringIO()
        renderer(name)(quiet, plain, RenderOptions())
        assert "Policy" not in plain.getvalue(), name


def test_a_renderer_asked_for_the_wrong_kind_of_stream_or_an_unknown_format_says_so() -> None:
    from alignck.renderers import binary_renderer

    # renderer('xlsx') handed a text stream failed half-way with a TypeError about bytes.
    with pytest.raises(ValueError, match=r"xlsx is written as bytes: use binary_renderer"):
        renderer("xlsx")
    with pytest.raises(ValueError, match=r"json is written as text: use renderer\('json'\)"):
        binary_renderer("json")
    with pytest.raises(ValueError, match=r"no report format 'pdf'; the formats are terminal"):
        renderer("pdf")
    out = io.BytesIO()
    binary_renderer("xlsx")(_report(), out, RenderOptions())
    assert out.getvalue().startswith(b"PK")


def test_ci_formats_say_why_a_gap_scoring_above_the_threshold_is_a_gap() -> None:
    # "does not address it (score 0.90)" beside a threshold of 0.14 reads as a contradiction.
    report = _gaps_with_a_closest_passage()
    # With the closest passage quoted next, not 'so there is nothing to quote' before it (an
    # assurance officer read the two as a contradiction).
    why = (
        "(score 0.90: it scores at or above the 0.14 threshold as a whole, but no single passage "
        "addresses it on its own). Closest passage:"
    )
    for name in ("junit", "sarif", "github"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions())
        text = out.getvalue()
        assert why in text, name
        assert "(score 0.05)" in text, name  # the gap below the threshold is left as it was
    # With no passage near it to quote, it says so.
    council = report.documents[1]
    alone = tuple(replace(a, nearest=None) for a in council.alignments)
    results = (report.documents[0], replace(council, alignments=alone), report.documents[2])
    bare = replace(report, documents=results)
    out = io.StringIO()
    renderer("junit")(bare, out, RenderOptions())
    assert "addresses it, so there is nothing to quote)" in out.getvalue()
    assert "Closest passage" not in out.getvalue()


def test_system_coverage_is_not_rounded_across_the_fail_under_it_fails() -> None:
    # 78.57% shown as '79%' beside 'below --fail-under 78.6%' read as a contradiction.
    from alignck.renderers._common import system_percent

    report = _report()  # system coverage 50%
    assert system_percent(replace(report, policy=Policy(fail_under=49.6))) == "50%"
    assert system_percent(replace(report, policy=Policy(fail_under=50))) == "50%"
    crossing = replace(report, policy=Policy(fail_under=50.2))
    assert system_percent(crossing) == "50%"  # rounding down does not carry it across
    exact = report.analysis.system_coverage.percent
    assert exact == 50.0
    # 5 aligned, 1 partial, 1 gap: 78.5714%, which the analysis rounds to 78.6, at the limit.
    below = replace(
        report,
        analysis=replace(report.analysis, system_coverage=Coverage(5, 1, 1, 78.6)),
        policy=Policy(fail_under=78.6),
    )
    assert system_percent(below) == "78.57%"
    for name in ("markdown", "html", "github", "terminal"):
        out = io.StringIO()
        renderer(name)(below, out, RenderOptions(width=200))
        assert "78.57%" in out.getvalue(), name
        assert "coverage 79%" not in out.getvalue(), name


def _reviewed_report() -> Report:
    """The council's gap on 'minds' overruled to aligned by a reviewer, with two quotes of
    alignck's own behind 'homes', and the trust's waived gap on 'air'."""
    from alignck.model import Review, ReviewedVerdict

    base = _report()
    council = base.documents[1]
    second = Evidence("We will fit heat pumps.", Location(3, 9, "Plan › Homes"), 0.6, "commitment")
    homes = replace(council.alignments[0], evidence=(*council.alignments[0].evidence, second))
    minds = Alignment("minds", "aligned", 0.24, (), 0.0)
    results = (
        base.documents[0],
        replace(council, alignments=(homes, minds, council.alignments[2])),
        base.documents[2],
    )
    review = Review(
        "council-plan", "minds", "aligned", "In the annex.", "A. Officer", date(2026, 11, 30)
    )
    analysis = replace(
        analyse(FRAMEWORK, results, (WAIVER,), today=date(2026, 11, 1)),
        reviewed=(ReviewedVerdict("docs/council-plan.pdf", "minds", "gap", review),),
    )
    return replace(base, documents=results, analysis=analysis)


def test_every_format_marks_reviewed_and_waived_verdicts_where_it_shows_them() -> None:
    # Only the per-document pages marked both; Markdown marked reviews only, HTML and the
    # workbook neither, and a reviewed verdict stood beside alignck's score as if its reason.
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer
    from alignck.renderers.partner import render_markdown

    report = _reviewed_report()
    for name in ("markdown", "html", "terminal"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions(width=240, evidence=True))
        text = " ".join(html.unescape(out.getvalue()).split())
        if name == "terminal":
            assert "reviewed" in text and "waived" in text, name
            # In the grid too, which showed a bare mark ('r' reviewed, 'w' waived).
            assert "✘ gap; r=reviewed w=waived" in text and "✔r" in text and "✘w" in text
        else:
            assert "✔ aligned (reviewed)" in text and "✘ gap (waived)" in text, name
        assert "0.24 (alignck's)" in text, name
    page = io.StringIO()
    render_markdown(report, report.documents[1], page)
    assert "✔ aligned (reviewed) | 0.24 (alignck's)" in page.getvalue()
    book = io.BytesIO()
    binary_renderer("xlsx")(report, book, RenderOptions())
    rows = list(load_workbook(book)["Evidence"].iter_rows(values_only=True))
    found = {(r[1], r[2]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    minds = found[("docs/council-plan.pdf", "minds")]
    assert minds["Verdict"] == "✔ aligned (reviewed)"
    assert minds["alignck's verdict"] == "gap"
    assert minds["Review"] == "A. Officer, 2026-11-30: In the annex."
    assert found[("docs/trust.md", "air")]["Verdict"] == "✘ gap (waived)"
    # The Matrix sheet marks them as the Evidence sheet does: it showed a bare '✘ gap'.
    matrix = list(load_workbook(book)["Matrix"].iter_rows(values_only=True))
    columns = {name: index for index, name in enumerate(matrix[0])}
    by_id = {row[0]: row for row in matrix[1:]}
    assert by_id["minds"][columns["council-plan"]] == "✔ aligned (reviewed)"
    assert by_id["air"][columns["trust"]] == "✘ gap (waived)"


def test_the_workbook_s_tables_have_frozen_headers_widths_and_filters() -> None:
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer

    book = io.BytesIO()
    binary_renderer("xlsx")(_reviewed_report(), book, RenderOptions())
    workbook = load_workbook(book)
    matrix, evidence, documents = (workbook[n] for n in ("Matrix", "Evidence", "Documents"))
    assert matrix.freeze_panes == "C2" and matrix.column_dimensions["B"].width > 30
    assert evidence.freeze_panes == documents.freeze_panes == "A2"
    assert evidence.auto_filter.ref == f"A1:R{evidence.max_row}"
    assert documents.auto_filter.ref == f"A1:J{documents.max_row}"
    summary = [r[0] for r in workbook["Summary"].iter_rows(values_only=True) if r[0]]
    assert any(line.startswith("Score: how likely the document is") for line in summary)


def test_markdown_and_html_evidence_tables_give_every_quote() -> None:
    # Only the first quote was shown: the commitment behind 'aligned' was often the second.
    for name in ("markdown", "html"):
        out = io.StringIO()
        renderer(name)(_reviewed_report(), out, RenderOptions(evidence=True))
        text = out.getvalue()
        assert "We will insulate 300 homes by 2027." in text and "We will fit heat pumps." in text


def test_a_score_rounded_onto_the_threshold_keeps_its_places() -> None:
    from alignck.renderers._common import score_text

    assert score_text(0.4994, 0.5) == "0.4994"  # not 0.50 beside 'below the threshold'
    assert score_text(0.5, 0.5) == "0.50"
    assert score_text(0.71, 0.5, reviewed=True) == "0.71 (alignck's)"


def test_markdown_and_html_name_waivers_that_applied_to_nothing() -> None:
    # Expired and unused waivers were said on standard error and in JSON only: the board
    # paper did not say its earlier acceptance of a gap had lapsed.
    lapsed = Waiver("air", "Agreed in 2024.", "trust", date(2025, 1, 1), "w.yaml:2:5")
    unused = Waiver("minds", "Not ours.", "council-plan", None, "w.yaml:6:5")
    base = _reviewed_report()  # council-plan aligned on 'minds'
    analysis = analyse(FRAMEWORK, base.documents, (lapsed, unused), today=date(2026, 11, 1))
    report = replace(base, analysis=analysis)
    assert (analysis.expired_waivers, analysis.unused_waivers) == ((lapsed,), (unused,))
    for name in ("markdown", "html"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions())
        text = html.unescape(out.getvalue())
        if name == "markdown":
            text = re.sub(r"\\(.)", r"\1", text)  # as Markdown shows it
        assert "Waivers to look at" in text, name
        assert "'Clean air' [air] in trust: expired on 2025-01-01" in text, name
        assert "[minds] in council-plan: applies to no gap or partial verdict" in text, name
        # An expired waiver did apply once: the heading's note says both kinds.
        assert "Waivers that expired or now apply to nothing" in text, name


def test_the_gaps_table_marks_a_gap_a_reviewer_set() -> None:
    # The grid said '✘ gap (reviewed)', the Gaps table only the title; waived gaps were
    # marked there.
    from alignck.model import Review, ReviewedVerdict

    base = _reviewed_report()
    review = Review("council-plan", "air", "gap", "Not in it.", "A. Officer", date(2026, 11, 30))
    reviewed = ReviewedVerdict("docs/council-plan.pdf", "air", "partial", review)
    report = replace(base, analysis=replace(base.analysis, reviewed=(reviewed,)))
    for name in ("markdown", "html", "terminal"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions())
        text = html.unescape(out.getvalue())
        if name == "markdown":
            text = re.sub(r"\\(.)", r"\1", text)
        gaps = text[text.index("Gaps") :]
        assert "Clean air (reviewed)" in gaps, name


@pytest.mark.parametrize(
    ("documents", "mark"), [("docs/trust*", " (waived in 1 of 2)"), ("*", " (waived)")]
)
def test_a_priority_no_document_addresses_says_how_far_waivers_accept_it(
    documents: str, mark: str
) -> None:
    # Each document's row marked its waived gap, the 'every document' row above them not, so a
    # priority accepted for every partner read as the system's one unaccepted gap.
    base = _report()
    waiver = replace(WAIVER, document=documents)
    analysis = analyse(FRAMEWORK, base.documents, (waiver,), today=date(2026, 11, 1))
    report = replace(base, analysis=analysis)
    for name in ("markdown", "html", "terminal"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions(width=200))
        text = html.unescape(out.getvalue())
        if name == "markdown":
            text = re.sub(r"\\(.)", r"\1", text)
        gaps = text[text.index("Gaps") :]
        first = gaps[: gaps.index("council-plan")]
        assert f"Clean air{mark}" in first, name
    unwaived = analyse(FRAMEWORK, base.documents, (), today=date(2026, 11, 1))
    out = io.StringIO()
    renderer("markdown")(replace(base, analysis=unwaived), out, RenderOptions())
    assert "Not addressed by any document: Clean air\n" in out.getvalue()


def test_a_waiver_whose_document_name_is_misspelt_is_said_so_in_every_report() -> None:
    # The reports said it 'applies to no gap or partial verdict', where the document it was
    # meant for has that gap: a board would have read the waiver as redundant.
    misspelt = Waiver("minds", "Not ours.", "councl-plan", None, "w.yaml:6:5")
    base = _reviewed_report()
    analysis = analyse(FRAMEWORK, base.documents, (misspelt,), today=date(2026, 11, 1))
    report = replace(base, analysis=analysis)
    assert analysis.unused_waivers == (misspelt,)
    said = "'councl-plan' matches no checked document; did you mean 'council-plan'?"
    for name in ("markdown", "html"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions())
        text = html.unescape(out.getvalue())
        if name == "markdown":
            text = re.sub(r"\\(.)", r"\1", text)
        assert said in text, name
        assert "applies to no gap" not in text, name
    out = io.StringIO()
    renderer("json")(report, out, RenderOptions())
    assert json.loads(out.getvalue())["waivers"]["unused"][0]["unused_because"] == said


def test_shared_reports_say_how_coverage_is_counted_and_the_system_counts() -> None:
    # 'system coverage 94%' alone: a board member could not check a document's 56%.
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer
    from alignck.renderers._common import COVERAGE_RULE

    for name in ("markdown", "html"):
        out = io.StringIO()
        renderer(name)(_report(), out, RenderOptions())
        text = html.unescape(out.getvalue())
        assert COVERAGE_RULE in text, name
        # In the terminal's words: '0 gap' above a table of each document's gaps read as a
        # contradiction.
        counts = "(1 aligned, 1 partial, 1 not addressed by any document)"
        assert f"system coverage 50% {counts}" in text, name
    book = io.BytesIO()
    binary_renderer("xlsx")(_report(), book, RenderOptions())
    summary = [r[0] for r in load_workbook(book)["Summary"].iter_rows(values_only=True)]
    assert COVERAGE_RULE in summary
    assert "System (the best any document gives)" in summary


def test_every_shared_report_and_partner_page_says_what_a_score_and_a_place_mean() -> None:
    # A partner's page showed '0.44' and '¶ 14' with nothing saying what either was, and a
    # reader counting Word paragraphs found ¶ a few early (headings and list items count).
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer
    from alignck.renderers._common import PLACE_RULE, score_rule
    from alignck.renderers.partner import render_html, render_markdown

    report = _report()
    rules = (score_rule(report), PLACE_RULE)
    shown = []
    for name in ("markdown", "html"):
        out = io.StringIO()
        renderer(name)(report, out, RenderOptions())
        shown.append(out.getvalue())
    for write in (render_markdown, render_html):
        page = io.StringIO()
        write(report, next(r for r in report.documents if r.status == "ok"), page)
        shown.append(page.getvalue())
    for text in shown:
        plain = " ".join(html.unescape(text).replace("\\", "").split())
        assert all(rule in plain for rule in rules), text[:80]
    book = io.BytesIO()
    binary_renderer("xlsx")(report, book, RenderOptions())
    summary = [r[0] for r in load_workbook(book)["Summary"].iter_rows(values_only=True)]
    assert all(rule in summary for rule in rules)


def test_html_tables_have_header_cells_a_screen_reader_can_name_a_verdict_by() -> None:
    # The grid's priority was a plain cell, so a verdict was read as '✔ aligned 0.71' with no
    # priority; the coverage table's headers were the symbols alone.
    out = io.StringIO()
    renderer("html")(_report(), out, RenderOptions())
    text = out.getvalue()
    assert '<th scope="row">Warm homes <span class="muted id">[homes]</span></th>' in text
    assert "<th>" not in text
    assert "#matrix td.cell .muted { color: inherit;" in text  # grey on dark green: 2.2:1
    # A grid wider than the screen scrolls in a region a keyboard can reach, not the page
    # (1704 pixels wide at 1280, the last columns off-screen).
    region = '<div class="scroll" role="region" aria-label="Coverage grid" tabindex="0">'
    assert text.index(region) < text.index('<table id="matrix">')
    assert "@media screen { .scroll { overflow-x: auto; } }" in text
    assert "<main>" in text and "</main>" in text
    # A sub-priority is indented, which is seen, not heard: its row says whose part it is.
    assert (
        '\u00a0Clean air <span class="muted id">[air]</span><span class="visually-hidden">, '
        "part of Warm homes</span></th>"
    ).replace("\u00a0", "&nbsp;") in text


def test_markdown_grid_cells_say_the_verdict_in_words_with_its_marks() -> None:
    out = io.StringIO()
    renderer("markdown")(_report(), out, RenderOptions())
    assert "| ✘ gap (waived) |" in out.getvalue()
    assert "| ✔ |" not in out.getvalue()


def test_the_terminal_shows_a_stated_priority_a_verdict_quotes_after_its_best() -> None:
    """A stated priority quoted second is inside the framework through that verdict alone:
    the terminal, which shows a verdict's best quote, shows it too, with its place."""
    best = Evidence(
        "We will insulate 300 homes by 2027.", Location(2, 7, "Plan › Homes"), 0.9, "commitment"
    )
    named = Evidence("A greener borough", Location(1, 3, "Plan › Our aims"), 0.56, "priority")
    context = Evidence("Homes are cold.", Location(2, 8, "Plan › Homes"), 0.5, "context")
    result = DocumentResult(
        "docs/council-plan.md",
        "ok",
        format="markdown",
        statements=(_stated("A greener borough", ("homes",), 1),),
        alignments=(
            Alignment("homes", "aligned", 0.9, (best, context, named), 0.9),
            Alignment("minds", "gap", 0.05),
            Alignment("air", "gap", 0.0),
        ),
    )
    report = Report(
        FRAMEWORK,
        (result,),
        (),
        analyse(FRAMEWORK, (result,), ()),
        Thresholds(),
        Policy(),
        "lexical (decision test)",
    )
    out = io.StringIO()
    renderer("terminal")(report, out, RenderOptions(color=False, width=200))
    text = out.getvalue()
    assert "also “A greener borough” (stated priority), p. 1" in text
    assert "Homes are cold." not in text
    # A quote marked '(priority)' under a framework priority read as that priority: the
    # reports a board reads call it the document's stated priority; JSON keeps the kind.
    for name in ("markdown", "html"):
        shared = io.StringIO()
        renderer(name)(report, shared, RenderOptions())
        assert '“A greener borough” <span class="muted">(stated priority)' in shared.getvalue() or (
            "“A greener borough” (stated priority)" in shared.getvalue()
        ), name
    data = io.StringIO()
    renderer("json")(report, data, RenderOptions())
    (homes,) = [
        a
        for a in json.loads(data.getvalue())["documents"][0]["alignment"]
        if a["priority_id"] == "homes"
    ]
    assert [e["kind"] for e in homes["evidence"] if e["text"] == "A greener borough"] == [
        "priority"
    ]
    # The workbook's Evidence sheet, which shows each verdict's first quote, names it as its
    # Summary does; CSV keeps the machine's kind.
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer

    led_by_it = replace(result.alignments[0], evidence=(named,))
    first = replace(result, alignments=(led_by_it, *result.alignments[1:]))
    led = replace(report, documents=(first,))
    book = io.BytesIO()
    binary_renderer("xlsx")(led, book, RenderOptions())
    rows = list(load_workbook(book)["Evidence"].iter_rows(values_only=True))
    kinds = [dict(zip(rows[0], row, strict=True))["Kind"] for row in rows[1:] if row[2] == "homes"]
    assert kinds == ["stated priority"]
    table = io.StringIO()
    renderer("csv")(led, table, RenderOptions())
    assert ",priority," in table.getvalue()


def test_long_text_in_the_workbook_wraps_in_its_cell() -> None:
    # A 579-character quote and the Summary's notes ran on in one line off the screen.
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer
    from alignck.renderers._common import COVERAGE_RULE

    book = io.BytesIO()
    binary_renderer("xlsx")(_report(), book, RenderOptions())
    summary = load_workbook(book)["Summary"]
    cells = {c.value: c for row in summary.iter_rows() for c in row if isinstance(c.value, str)}
    assert cells[COVERAGE_RULE].alignment.wrap_text
    assert not cells["System (the best any document gives)"].alignment.wrap_text


def test_every_sheet_of_the_workbook_sizes_its_columns() -> None:
    # The Summary (the sheet people open first) and the Skipped sheet had the default width,
    # and the Matrix cut '✘ gap (reviewed) (waived)'.
    from openpyxl import load_workbook

    from alignck.renderers import binary_renderer

    book = io.BytesIO()
    binary_renderer("xlsx")(_reviewed_report(), book, RenderOptions())
    workbook = load_workbook(book)
    for sheet in workbook.worksheets:
        # Sized, not left at the default (about 13).
        assert sheet.column_dimensions["A"].customWidth, sheet.title
    assert workbook["Matrix"].column_dimensions["C"].width >= len("✘ gap (reviewed) (waived)")


def test_a_narrow_grid_s_marks_line_up_when_some_carry_a_letter() -> None:
    # Read by position (P1, P2 ...), the rows' marks moved right after an 'r' or a 'w'.
    import re

    out = io.StringIO()
    renderer("terminal")(_reviewed_report(), out, RenderOptions(color=False, width=30))
    rows = [line for line in out.getvalue().splitlines() if re.match(r"^ +\d+%  ", line)]
    assert len(rows) >= 2
    places = {tuple(i for i, c in enumerate(row) if c in "✔◐✘") for row in rows}
    assert len(places) == 1, rows


def test_a_renderer_takes_its_options_as_given_or_the_defaults() -> None:
    # A Python user's 'renderer("markdown")(report, out)' raised a TypeError.
    report = _report()
    plain, given = io.StringIO(), io.StringIO()
    renderer("markdown")(report, plain)
    renderer("markdown")(report, given, RenderOptions())
    assert plain.getvalue() == given.getvalue() != ""
    shortened = io.StringIO()
    renderer("markdown")(report, shortened, RenderOptions(evidence=False))
    assert shortened.getvalue() != plain.getvalue()
    from alignck.renderers import binary_renderer

    book = io.BytesIO()
    binary_renderer("xlsx")(report, book)
    assert book.getvalue().startswith(b"PK")


def test_what_a_run_was_held_to_is_said_in_a_board_s_words() -> None:
    from alignck.renderers._common import held_to, policy_verdict

    report = _report()
    optional = replace(
        FRAMEWORK, priorities=tuple(replace(p, required=False) for p in FRAMEWORK.priorities)
    )
    plain = replace(report, framework=optional, policy=Policy())
    assert held_to(plain) == ""
    # A limit of 0 holds the run to nothing, as the policy itself reads it.
    assert held_to(replace(plain, policy=Policy(fail_under=0))) == ""
    partial = replace(plain, policy=Policy(fail_on="partial", fail_under=62.5))
    assert held_to(partial) == (
        "system coverage of at least 62.5%; every framework priority aligned in every "
        "document, waived verdicts aside"
    )
    gap = replace(plain, policy=Policy(fail_on="gap"))
    assert held_to(gap) == "no framework priority left a gap in any document, waived verdicts aside"
    baseline = {("docs/council-plan.md", "homes"): "gap"}
    held = Policy(fail_on="new-gap", baseline=baseline, baseline_source="last.json")
    assert held_to(replace(plain, policy=held)) == (
        "no gap the baseline (last.json) did not have, waived verdicts aside"
    )
    worse = Policy(fail_on="worse", baseline=baseline, baseline_source="last.json")
    assert held_to(replace(plain, policy=worse)) == (
        "no verdict worse than in the baseline (last.json), waived verdicts aside"
    )
    gap_held = Policy(fail_on="gap", baseline=baseline, baseline_source="last.json")
    assert held_to(replace(plain, policy=gap_held)) == (
        "no framework priority left a gap in any document, waived verdicts and what the "
        "baseline (last.json) had already aside"
    )
    # The shared test framework marks one priority required; a waiver or the baseline's own
    # gap excuses it too, as the policy does.
    required = [p.title for p in FRAMEWORK.priorities if p.required]
    assert len(required) == 1
    assert held_to(replace(report, policy=Policy())) == (
        f"required priority '{required[0]}' addressed by every document, waived verdicts aside"
    )
    # Nothing checked: no coverage to hold to a limit, and no verdict of a policy at all.
    empty = replace(
        plain,
        documents=(),
        analysis=analyse(optional, (), ()),
        policy=Policy(fail_under=60),
    )
    assert held_to(empty) == ""
    assert policy_verdict(empty) is None


def test_an_expired_waiver_s_reason_keeps_its_own_stop_after_its_place() -> None:
    from alignck.renderers._common import stale_waiver_lines

    base = _report()
    lapsed = replace(WAIVER, expires=date(2026, 1, 31), reason="The districts carry this.")
    analysis = analyse(FRAMEWORK, base.documents, (lapsed,), today=date(2026, 11, 1))
    (line,) = stale_waiver_lines(replace(base, analysis=analysis))
    assert line.endswith("(waivers.yaml:3:5; reason was: The districts carry this.)")


def test_the_system_figure_shown_is_on_the_side_of_the_limit_the_run_is() -> None:
    # A review: 100 of 101 priorities aligned and one partial is 99.5049%, shown '99.5%'
    # beside --fail-under 99.5025, which the run passes.
    from alignck.analyse import coverage
    from alignck.renderers._common import system_percent, system_share

    base = _report()
    share = coverage(["aligned"] * 100 + ["partial"])
    report = replace(base, analysis=replace(base.analysis, system_coverage=share))
    passing = replace(report, policy=Policy(fail_under=99.5025))
    assert float(system_percent(passing).rstrip("%")) >= 99.5025
    assert system_share(passing) >= 99.5025
    failing = replace(report, policy=Policy(fail_under=99.505))
    assert float(system_percent(failing).rstrip("%")) < 99.505
    assert system_share(failing) < 99.505


@pytest.mark.parametrize("name", ["markdown", "html", "terminal"])
def test_a_document_s_title_is_named_once_not_in_every_place(name: str) -> None:
    report = _report()
    titled = tuple(replace(d, title="Plan") if d.format == "pdf" else d for d in report.documents)
    out = io.StringIO()
    options = RenderOptions(color=False, width=200, evidence=True)
    renderer(name)(replace(report, documents=titled), out, options)
    text = out.getvalue()
    # Only in the evidence, under the title named there: the grid and the other tables are
    # read apart from it (and left out with --no-evidence).
    start = {"html": "<h2>Evidence</h2>", "markdown": "## Evidence", "terminal": "Evidence ·"}
    evidence = text[text.index(start[name]) :]
    assert "Title: Plan" in evidence
    assert "p. 2 › Homes" in evidence
    assert "Plan › Homes" not in evidence
    # The untitled document keeps its whole trail.
    assert "Plan › Survey" in evidence


def test_without_the_evidence_no_place_leaves_out_a_title() -> None:
    report = _report()
    titled = tuple(replace(d, title="Plan") if d.format == "pdf" else d for d in report.documents)
    for name in ("markdown", "html"):
        out = io.StringIO()
        options = RenderOptions(color=False, width=200, evidence=False)
        renderer(name)(replace(report, documents=titled), out, options)
        # No evidence, no title named, and no place short of it.
        assert "Title: Plan" not in out.getvalue(), name
        assert "› Homes" not in out.getvalue().replace("Plan › Homes", ""), name
