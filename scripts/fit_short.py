"""Fit the short-statement model and measure it: `python scripts/fit_short.py`.

A text of at most five passages (``SHORT_PASSAGES``) is a statement, not a document, and
``check`` judges whether it addresses a priority by a model fitted on short statements alone
(``alignck.evaluation.fitting.fit_short``). ``scripts/fit_decision.py`` fits it with everything
else; this script fits only it, on the same labelled sets, with the shipped decision's other
models and adapter untouched, and writes it into src/alignck/data/decision.json.

It also writes benchmarks/short-statements.md. The only labelled set of short statements
large enough to fit on is the UN SDG one, so leaving that set out leaves nothing to fit:
instead its statements are split in five folds, and each fold is judged (as ``check`` judges,
grounds and all) by a short-statement model fitted, and its cut-off chosen, on the other four
folds. That is the figure to expect on statements of the same kind it has never seen; the
in-sample one is beside it. Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from alignck.evaluation import metrics
from alignck.evaluation.dataset import load_dataset
from alignck.evaluation.fitting import (
    SHORT_PASSAGES,
    Collected,
    collect,
    fit_short,
    judge,
)
from alignck.reading import prepare
from alignck.signals.embedding import model_available

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_decision import FIRST_RUN_ONLY, datasets, decision_version  # noqa: E402

FOLDS = 5


def has_short(path: Path) -> bool:
    """Whether a labelled set holds any document of at most SHORT_PASSAGES passages."""
    for truth in load_dataset(path, None, "aligns", "framework").documents:
        if len(getattr(prepare(truth.path), "passages", [])) <= SHORT_PASSAGES:
            return True
    return False


def per_goal(found: Collected, pairs: list[tuple[str, str]]) -> tuple[float, metrics.Score]:
    """Addressed F1 per priority, averaged (as SDG benchmarks report), and pooled."""
    goals: dict[str, list[tuple[bool, bool]]] = {}
    for row, (status, label) in zip(found.rows, pairs, strict=True):
        goals.setdefault(row.priority_id, []).append((status != "gap", label != "no"))
    pooled = metrics.binary([p for v in goals.values() for p in v])
    return sum(metrics.binary(v).f1 for v in goals.values()) / len(goals), pooled


def fold_of(found: Collected, fold: int, keep: bool) -> Collected:
    """The set's documents of one fold (``keep``) or of every other fold (not ``keep``)."""
    order = sorted({doc for doc, *_ in found.documents})
    chosen = {doc for i, doc in enumerate(order) if (i % FOLDS == fold) == keep}
    return Collected(
        [r for r in found.rows if r.doc in chosen],
        found.framework,
        [d for d in found.documents if d[0] in chosen],
        {k: v for k, v in found.quotes.items() if k[0] in chosen},
    )


def cross_validated(
    entry: dict[str, Any], collected: dict[str, Collected], name: str, matcher: str
) -> list[tuple[str, str]]:
    """The verdicts on set ``name``, each fold judged with a short-statement model fitted
    without it (the other sets' short statements stay in)."""
    found = collected[name]
    by_doc: dict[tuple[str, str], tuple[str, str]] = {}
    for fold in range(FOLDS):
        training = {n: c.rows for n, c in collected.items() if n != name}
        training[name] = fold_of(found, fold, keep=False).rows
        short = fit_short(training)
        spec = {k: v for k, v in entry.items() if k != "short"}
        if short is not None:
            spec["short"] = short
        held = fold_of(found, fold, keep=True)
        pairs, _ = judge(spec, held, matcher)
        for row, pair in zip(held.rows, pairs, strict=True):
            by_doc[(row.doc, row.priority_id)] = pair
    return [by_doc[(r.doc, r.priority_id)] for r in found.rows]


def figures(found: Collected, pairs: list[tuple[str, str]]) -> str:
    goal, pooled = per_goal(found, pairs)
    return f"{goal:.3f} | {pooled.f1:.3f} | {pooled.precision:.3f} | {pooled.recall:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--output", type=Path, default=ROOT / "src" / "alignck" / "data" / "decision.json"
    )
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "short-statements.md")
    args = parser.parse_args()
    found = {n: p for n, p in datasets(args.eval_dir).items() if n not in FIRST_RUN_ONLY}
    if "sdg" not in found:
        sys.exit(f"fit_short: no SDG statements under {args.eval_dir}: nothing to fit on")
    short_sets = {n: p for n, p in found.items() if has_short(p)}
    print(f"sets with short statements: {', '.join(short_sets)}", file=sys.stderr)
    payload = json.loads(args.output.read_text())
    matchers = ["lexical", "semantic"] if model_available() else ["lexical"]
    report = [
        "# Short statements: their own model, measured on statements it never saw",
        "",
        "Generated by `python scripts/fit_short.py`. A text of at most "
        f"{SHORT_PASSAGES} passages is judged by the short-statement model, fitted on the "
        f"labelled texts that short ({', '.join(short_sets)}); the document model judges the "
        "rest. Per priority: addressed F1 for each priority, averaged, as SDG benchmarks "
        "report. *Five folds*: each fifth of the SDG statements judged (as `check` judges, "
        "grounds and all) by a short-statement model fitted, and its cut-off chosen, on the "
        "other four fifths: no statement scored took part in fitting what judged it. The "
        "document model alone is the shipped one, whose fit included the SDG statements as one "
        "set among the others.",
        "",
    ]
    for matcher in matchers:
        collected = {n: collect(p, matcher) for n, p in short_sets.items()}
        entry = dict(payload["matchers"][matcher])
        document_only = {k: v for k, v in entry.items() if k != "short"}
        short = fit_short({n: c.rows for n, c in collected.items()})
        if short is None:
            sys.exit(f"fit_short: too few short statements to fit the {matcher} model")
        entry["short"] = short
        payload["matchers"][matcher] = entry
        sdg = collected["sdg"]
        report += [
            f"## {matcher}",
            "",
            "| SDG statements judged by | per priority F1 | addressed F1 | precision | recall |",
            "|---|---:|---:|---:|---:|",
            f"| the document model alone | {figures(sdg, judge(document_only, sdg, matcher)[0])} |",
            "| the short-statement model, five folds | "
            f"{figures(sdg, cross_validated(entry, collected, 'sdg', matcher))} |",
            "| the short-statement model, in-sample | "
            f"{figures(sdg, judge(entry, sdg, matcher)[0])} |",
            "",
        ]
        print("\n".join(report[-7:]), file=sys.stderr)
    payload["version"] = decision_version(found, payload["matchers"])
    args.output.write_text(json.dumps(payload, indent=1) + "\n")
    args.report.write_text("\n".join(report))


if __name__ == "__main__":
    main()
