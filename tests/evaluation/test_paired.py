from __future__ import annotations

from pathlib import Path

import pytest

from alignck.evaluation.paired import SetFigures, compare, left_out_figures
from conftest import from_script

ROOT = Path(__file__).resolve().parents[2]


def _report(rows: dict[str, tuple[int, float, float]]) -> str:
    lines = [
        "# The fitted decision",
        "",
        "### lexical",
        "",
        "| set | pairs | addressed F1, left out | precision, left out | strong | hit | in |",
        "|---|---:|---:|---:|---:|---:|---:|",
        "| alpha | 30 | 0.100 | 0.100 | 0.0 | 0.5 (2) | 0.1 |",
        "",
        "### semantic",
        "",
        "| set | pairs | addressed F1, left out | precision, left out | strong | hit | in |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {pairs} | {f1:.3f} | {precision:.3f} | 0.5 | 0.7 (9) | {f1:.3f} |"
        for name, (pairs, f1, precision) in rows.items()
    ]
    lines += [
        "| sdg (per goal 0.8) | 5044 | 0.800 | 0.900 | — | — | 0.8 |",
        "| mean of the real local systems | | 0.700 | 0.700 | | 0.70 | |",
        "",
        "#### semantic: what `--partial-threshold` trades, left out",
        "| 0.3 | 0.709 | 0.621 | 0.865 | 58% | 0.860 |",
    ]
    return "\n".join(lines)


def test_reads_one_matchers_rows_and_leaves_out_summaries() -> None:
    report = _report({"alpha": (30, 0.7, 0.8), "beta": (45, 0.6, 0.5)})
    semantic = left_out_figures(report, "semantic")
    assert semantic == {"alpha": SetFigures(0.7, 0.8, 30), "beta": SetFigures(0.6, 0.5, 45)}
    assert left_out_figures(report, "lexical") == {"alpha": SetFigures(0.1, 0.1, 30)}


def test_a_report_without_the_matcher_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no 'semantic' section"):
        left_out_figures("### lexical\n| a | 1 | 0.5 | 0.5 |\n", "semantic")


def test_a_rise_on_every_set_is_shown_and_a_mixed_one_is_not() -> None:
    names = [f"s{i}" for i in range(20)]
    before = {n: SetFigures(0.6, 0.6, 30) for n in names}
    rise = {n: SetFigures(0.65 + 0.001 * i, 0.6, 30) for i, n in enumerate(names)}
    mixed = {n: SetFigures(0.7 if i % 2 else 0.5, 0.6, 30) for i, n in enumerate(names)}
    shown = compare(before, rise)
    assert shown.decided and shown.low > 0 and shown.up == 20 and shown.down == 0
    assert shown.difference == pytest.approx(0.0595)
    unclear = compare(before, mixed)
    assert not unclear.decided and unclear.low < 0 < unclear.high
    assert (unclear.up, unclear.down) == (10, 10)


def test_only_the_sets_asked_for_and_in_both_reports_count() -> None:
    before = {"a": SetFigures(0.5, 0.5, 30), "b": SetFigures(0.5, 0.5, 30)}
    after = {"a": SetFigures(0.9, 0.7, 30), "c": SetFigures(0.1, 0.1, 30)}
    result = compare(before, after)
    assert result.sets == ("a",) and result.after_precision == pytest.approx(0.7)
    with pytest.raises(ValueError, match="no set in common"):
        compare(before, after, only=["b"])


def test_the_script_compares_two_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (main,) = from_script("compare_decisions", "main")
    before, after = tmp_path / "before.md", tmp_path / "after.md"
    before.write_text(_report({"rotherham": (36, 0.8, 0.8), "surrey": (30, 0.6, 0.6)}))
    after.write_text(_report({"rotherham": (36, 0.9, 0.8), "surrey": (30, 0.5, 0.6)}))
    assert main([str(before), str(after)]) == 0
    printed = capsys.readouterr().out
    assert "2 sets, semantic, left out: F1 0.700 -> 0.700 (up on 1, down on 1)" in printed
    assert "not shown" in printed
    assert main([str(before), str(tmp_path / "missing.md")]) == 2
