"""Refit the list scorer, measure extraction: `python scripts/fit_extraction.py [--eval-dir DIR]`.

Every list in every labelled document is a candidate; it is labelled a list of stated
priorities when most of its items match the document's stated or sub-priorities (the
evaluation's own matching). A small L2-regularised logistic regression over the generic
features of ``alignck.extract._lists`` is fitted on all labelled sets and written to
src/alignck/data/extraction.json with the version of the data it came from. Then every set is
scored leave-one-set-out (by weights fitted without it) beside in-sample and beside the rules
alone, both as shipped (the scorer reads the lists of documents where the rules find no stated
priority) and with its lists added to every document, and benchmarks/extraction.md is written.
Deterministic: the same data gives the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from alignck.evaluation import metrics
from alignck.evaluation.dataset import load_dataset
from alignck.extract import extract, stated_priorities
from alignck.extract._lists import FEATURES, list_candidates
from alignck.extract._scorer import ListModel
from alignck.model import Document
from alignck.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_decision import datasets  # noqa: E402

REAL_LOCAL = ("nottinghamshire", "leeds", "rotherham", "surrey")
FORMATS = ("docx", "pdf")
# Strength of the L2 penalty: with a few hundred lists, enough to keep weights modest.
PENALTY = 1.0
CUTOFF = 0.5  # the untuned default: a list is taken when it is more likely than not
# Scores every list as the rules alone would: the model never takes one.
RULES_ONLY = ListModel(tuple(0.0 for _ in FEATURES), cutoff=2.0)


@dataclass(frozen=True)
class Labelled:
    """One labelled document: its blocks read once, and what it states."""

    document: Document
    stated: tuple[str, ...]
    accepted: tuple[str, ...]


def load(path: Path, documents_dir: str | None = None) -> list[Labelled]:
    dataset = load_dataset(path, documents_dir)
    return [
        Labelled(read_document(t.path), t.stated, (*t.stated, *t.sub))
        for t in dataset.documents
        if t.has_stated
    ]


def examples(docs: list[Labelled]) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for doc in docs:
        for candidate in list_candidates(doc.document.blocks):
            hits = [
                any(metrics.same_priority(name, s) for s in doc.accepted)
                for _, name in candidate.items
            ]
            rows.append(candidate.features)
            labels.append(float(sum(hits) * 2 > len(hits)))
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> ListModel:
    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        penalty = PENALTY * (w[1:] @ w[1:]) / 2  # the bias is not shrunk
        value = np.sum(np.logaddexp(0.0, z) - y * z) + penalty
        grad = x.T @ (p - y) + PENALTY * np.concatenate([[0.0], w[1:]])
        return float(value), grad

    result = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    return ListModel(tuple(round(float(w), 6) for w in result.x), CUTOFF)


def score(docs: list[Labelled], model: ListModel, everywhere: bool = False) -> metrics.Score:
    found = []
    for doc in docs:
        statements = extract(doc.document, model, lists_everywhere=everywhere)
        extracted = [s.text for s in stated_priorities(statements)]
        found.append(metrics.extraction(extracted, doc.stated, tuple(doc.accepted)))
    return metrics.combine(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    sets = {n: p for n, p in datasets(args.eval_dir).items() if n != "sdg"}
    loaded = {name: load(path) for name, path in sets.items()}
    loaded = {name: docs for name, docs in loaded.items() if docs}
    data = {name: examples(docs) for name, docs in loaded.items()}
    model = fit(*_stack(data.values()))
    version = _data_version(sets, loaded)
    _write_model(model, version, data)
    lines = _table(loaded, data, model)
    lines += _formats(sets, model)
    (ROOT / "benchmarks" / "extraction.md").write_text(_report(lines, version), encoding="utf-8")
    print("\n".join(lines))


def _stack(parts: object) -> tuple[np.ndarray, np.ndarray]:
    pairs = list(parts)  # type: ignore[call-overload]
    return np.vstack([x for x, _ in pairs]), np.concatenate([y for _, y in pairs])


def _table(
    loaded: dict[str, list[Labelled]],
    data: dict[str, tuple[np.ndarray, np.ndarray]],
    model: ListModel,
) -> list[str]:
    lines = [
        "| set | stated | lists (priority) | rules alone F1 | shipped F1, left out | "
        "P / R, left out | shipped F1, in-sample | lists everywhere F1, left out |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, docs in loaded.items():
        fold = fit(*_stack(v for n, v in data.items() if n != name))
        rules, out, inside = score(docs, RULES_ONLY), score(docs, fold), score(docs, model)
        everywhere = score(docs, fold, everywhere=True)
        y = data[name][1]
        lines.append(
            f"| {name} | {rules.actual} | {len(y)} ({int(y.sum())}) | {rules.f1:.3f} | "
            f"{out.f1:.3f} | {out.precision:.2f} / {out.recall:.2f} | {inside.f1:.3f} | "
            f"{everywhere.f1:.3f} |"
        )
    return lines


def _formats(sets: dict[str, Path], model: ListModel) -> list[str]:
    lines = ["", "| set | Markdown | Word | PDF |", "|---|---:|---:|---:|"]
    for name in REAL_LOCAL:
        path = sets.get(name)
        if path is None or not all((path / f).is_dir() for f in FORMATS):
            continue
        figures = [score(load(path, d), model).f1 for d in (None, *FORMATS)]
        lines.append(f"| {name} | " + " | ".join(f"{f:.3f}" for f in figures) + " |")
    return lines


def _data_version(sets: dict[str, Path], loaded: dict[str, list[Labelled]]) -> str:
    digest = hashlib.sha256()
    for name in loaded:
        digest.update((sets[name] / "truth.yaml").read_bytes())
    return f"data-{digest.hexdigest()[:8]}"


def _write_model(
    model: ListModel, version: str, data: dict[str, tuple[np.ndarray, np.ndarray]]
) -> None:
    fitted = {
        "version": version,
        "fitted_on": [f"{n} ({len(y)} lists)" for n, (_, y) in data.items()],
        "features": list(FEATURES),
        "weights": list(model.weights),
        "cutoff": model.cutoff,
    }
    path = ROOT / "src" / "alignck" / "data" / "extraction.json"
    path.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")


def _report(lines: list[str], version: str) -> str:
    head = [
        "# Extraction",
        "",
        "Generated by `python scripts/fit_extraction.py` (weights: "
        f"`src/alignck/data/extraction.json`, {version}). Extraction F1 as "
        "`../shared/eval/README.md` defines it, per labelled set: the rules alone; the rules "
        "plus the fitted list scorer with weights fitted **without** the set (left out, the "
        "figure to quote); and with weights fitted on every set (in-sample). The rules were "
        "written while reading some of these sets, so their figures are in-sample too.",
        "",
        "Shipped: the rules first; in a document where they find no stated priority, the "
        "fitted scorer weighs every list. Adding the scorer's lists to every document (last "
        "column) gains recall on Rotherham but costs Nottinghamshire and Leeds precision. "
        "Before this work (main at 70a90f3) the extractor scored Leeds 0.546, Rotherham "
        "0.571, Surrey 0.598, Nottinghamshire 0.980. 'Rules alone' here includes the "
        "structural fixes made since; three of them were written after seeing a shape in a "
        "labelled document, so those sets are no longer unseen by the rules: a semicolon "
        "list in prose after a priority noun (Rotherham: 0.730 without it), and an item's "
        "name on a line of its own and an inverted 'At the heart of the plan is an ambition "
        "to ...' (Surrey: 0.682 without them). 'Rules alone' on Leeds is lower than before "
        "because junk headings are gone and commitments then stand in. With about "
        "90 lists to fit on, one list more or less moves a set's figure by several points. "
        "The cutoff is the untuned 0.5. Tried and not kept: the headings one level below a "
        "heading as candidates too (Leeds left out 0.764 -> 0.737, no gain elsewhere).",
        "",
    ]
    return "\n".join([*head, *lines, ""])


if __name__ == "__main__":
    main()
