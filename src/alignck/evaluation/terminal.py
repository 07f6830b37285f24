"""Rich tables for ``alignck eval``."""

from __future__ import annotations

from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from alignck.evaluation.metrics import Score, macro_f1
from alignck.renderers._common import NOTHING_NEAR, closest_lead
from alignck.renderers._common import console as make_console
from alignck.wording import counted


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render_summary(summary: dict[str, Any], out: TextIO, color: bool) -> None:
    console = make_console(out, color)
    thresholds = summary["thresholds"]
    console.print(Text(f"alignck eval · {summary['dataset']}", style="bold"))
    console.print(
        f"{counted(summary['documents'], 'document')}, "
        f"{counted(summary['pairs'], 'labelled pair')}; "
        f"thresholds aligned {thresholds['aligned']}, partial {thresholds['partial']}"
        + (f"; matcher {summary['matcher']}" if summary.get("matcher") else "")
    )
    for error in summary["errors"]:
        console.print(Text(f"error: {error}", style="red"))
    if summary.get("unscored_pairs"):
        console.print(
            Text(
                f"{summary['unscored_pairs']} labelled pairs of documents that could not be "
                "read are left out of every figure",
                style="red",
            )
        )
    headline = Table(box=box.SIMPLE, title="Overall", title_justify="left")
    for column in ("measure", "precision", "recall", "F1", "detail"):
        headline.add_column(column, justify="left" if column in ("measure", "detail") else "right")
    for name in ("addressed", "strong"):
        score = summary[name]
        macro = macro_f1(_counted(row[name]) for row in summary["per_priority"].values())
        headline.add_row(name, *_cells(score), f"macro F1 {_f(macro)}")
    agreement = _share(summary.get("exact_agreed"), summary["pairs"], summary["exact"])
    headline.add_row("exact (3-class)", "", "", "", f"agreement {_f(agreement)}")
    if summary.get("all_addressed"):
        score = summary["all_addressed"]
        headline.add_row(
            "every pair addressed", *_cells(score), "the baseline to beat: addressed F1 above it"
        )
    if summary["extraction"]:
        score = summary["extraction"]
        headline.add_row(
            "extraction", *_cells(score), f"{score['found']}/{score['actual']} stated found"
        )
    if summary.get("outside_framework"):
        score = summary["outside_framework"]
        headline.add_row("outside framework", *_cells(score), f"{score['actual']} labelled outside")
    console.print(headline)
    _per_priority(console, summary)
    _misses(console, summary)
    if "calibration" in summary:
        _calibration(console, summary["calibration"], summary["pairs"])


def _per_priority(console: Console, summary: dict[str, Any]) -> None:
    table = Table(box=box.SIMPLE, title="Per priority", title_justify="left")
    for column in ("priority", "pairs", "addressed P", "R", "F1", "strong F1", "exact"):
        table.add_column(column, justify="left" if column == "priority" else "right")
    for priority_id, row in summary["per_priority"].items():
        addressed = row["addressed"]
        table.add_row(
            priority_id,
            str(row["pairs"]),
            _f(_counted(addressed).precision),
            _f(_counted(addressed).recall),
            _f1(addressed),
            _f1(row["strong"]),
            _f(_share(row.get("exact_agreed"), row["pairs"], row["exact"])),
        )
    console.print(table)
    rows = summary["per_priority"].values()
    if any(_f1(row["addressed"]) == "—" or _f1(row["strong"]) == "—" for row in rows):
        console.print("—: nothing to find and nothing found (F1 undefined; left out of macro F1)")


def _cells(score: dict[str, Any]) -> tuple[str, str, str]:
    """A score's precision, recall and F1 as the headline table shows them, worked out from
    its counts: the JSON's figures are rounded to four places, and rounding those again to
    three gave 0.597 for 34/57 (0.59649, 0.5965 in the JSON)."""
    exact = _counted(score)
    return _f(exact.precision), _f(exact.recall), _f(exact.f1)


def _f1(score: dict[str, Any]) -> str:
    return _f(_counted(score).f1) if score["predicted"] or score["actual"] else "—"


def _share(count: int | None, total: int, rounded: float) -> float:
    """A share worked out from its count where the summary has it (a saved one may not)."""
    return count / total if count is not None and total else rounded


def _counted(score: dict[str, Any]) -> Score:
    return Score(score["correct"], score["predicted"], score["found"], score["actual"])


def _misses(console: Console, summary: dict[str, Any]) -> None:
    if not summary["misses"]:
        return
    table = Table(
        box=box.SIMPLE, title="Worst misses (what alignck said vs. the truth)", title_justify="left"
    )
    table.add_column("document", overflow="fold", max_width=30)
    table.add_column("priority", overflow="fold", max_width=22)
    table.add_column("said")
    table.add_column("truth")
    table.add_column("evidence", overflow="fold")
    partial = float(summary["thresholds"]["partial"])
    for miss in summary["misses"]:
        # In check's words: a gap can score above the threshold with no passage that
        # addresses the priority on its own.
        score = None if miss.get("score") is None else float(miss["score"])
        if miss["evidence"]:
            ours = miss["evidence"][0]
        elif miss.get("nearest"):
            ours = f"({closest_lead(score, partial)}) {miss['nearest']}"
        else:
            opening = f" document: {miss['opening']}" if miss.get("opening") else ""
            ours = f"({NOTHING_NEAR}){opening}"
        theirs = miss["truth_evidence"] or "(no quote)"
        table.add_row(
            miss["doc"],
            miss["priority_id"],
            f"{miss['predicted']} {miss['score']:.2f}",
            miss["label"],
            f"said: “{ours}”\ntruth: “{theirs}”",
        )
    console.print(table)


# Below this many labelled pairs a calibration's thresholds move with a pair or two.
_FEW_PAIRS = 200


def _calibration(console: Console, calibration: dict[str, Any], pairs: int) -> None:
    suggested = calibration["suggested"]
    console.print(
        Text(
            f"Suggested thresholds: aligned {suggested['aligned']}, partial "
            f"{suggested['partial']} (addressed F1 "
            f"{_f(calibration['addressed']['f1'])}, strong F1 "
            f"{_f(calibration['strong']['f1'])})",
            style="bold",
        )
    )
    # A registrar's 35 pairs gave 0.86255, the other half of her documents 0.98: printed to
    # five places with no word of caution, it read as a measured value.
    if pairs < _FEW_PAIRS:
        console.print(
            f"Chosen on {counted(pairs, 'labelled pair')}: one or two pairs more or fewer can "
            "move them a long way. Read them as a hint, and check them on documents they were "
            "not chosen on."
        )
    console.print("Put them in the framework file to use them by default:")
    console.print(
        f"  thresholds: {{aligned: {suggested['aligned']}, partial: {suggested['partial']}}}"
    )
    # The aligned sweep is run at the suggested partial threshold, not the one the headline
    # used: say so, or its strong F1 reads as contradicting the headline's.
    console.print(
        f"The aligned sweep holds the partial threshold at the suggested {suggested['partial']}."
    )
    for name, curve in (
        ("partial threshold → addressed", calibration["partial_curve"]),
        ("aligned threshold → strong", calibration["aligned_curve"]),
    ):
        table = Table(box=box.SIMPLE, title=name, title_justify="left")
        for column in ("threshold", "precision", "recall", "F1"):
            table.add_column(column, justify="right")
        for point in curve:
            table.add_row(
                # In full: typed back as --partial-threshold, it gives this row.
                f"{point['threshold']:g}",
                _f(point["precision"]),
                _f(point["recall"]),
                _f(point["f1"]),
            )
        console.print(table)
