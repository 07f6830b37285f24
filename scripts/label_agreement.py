"""How far two labellers agree: `python scripts/label_agreement.py [--alignck]`.

For every set in eval/ with a `second-labels.yaml` (a second labeller's document x priority
labels, made without seeing the first labels or alignck), scores the second labels against the
first (truth.yaml) as alignck is scored: addressed precision, recall and F1 (yes or partial
against yes or partial) and the share of pairs given the same label. With `--alignck`, alignck's
addressed F1 and precision on the same sets (shipped decision, default matcher) stand beside
them. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from alignck.evaluation import metrics
from alignck.evaluation.dataset import Dataset, load_dataset
from alignck.evaluation.run import evaluate

ROOT = Path(__file__).resolve().parent.parent


def second_label_pairs(dataset: Dataset) -> list[tuple[str, str]]:
    """(second label, first label) for every pair both labelled."""
    path = dataset.root / "second-labels.yaml"
    second = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs = []
    for document in dataset.documents:
        theirs = second.get(document.doc, {})
        for priority, label in document.aligns.items():
            if priority in theirs:
                pairs.append((str(theirs[priority]), label.label))
    return pairs


def _addressed(pairs: list[tuple[str, str]]) -> metrics.Score:
    return metrics.binary([(a != "no", b != "no") for a, b in pairs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--alignck", action="store_true", help="score alignck on the same sets")
    args = parser.parse_args()
    folders = sorted(p.parent for p in (ROOT / "eval").glob("*/second-labels.yaml"))
    header = "| set | pairs | second labeller: addressed F1 | precision | recall | same label |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if args.alignck:
        header += " alignck: addressed F1 | precision |"
        rule += "---:|---:|"
    lines = [header, rule]
    pooled: list[tuple[str, str]] = []
    means: list[list[float]] = []
    for folder in folders:
        dataset = load_dataset(folder)
        pairs = second_label_pairs(dataset)
        pooled.extend(pairs)
        score = _addressed(pairs)
        same = sum(a == b for a, b in pairs) / len(pairs)
        row = [score.f1, score.precision, score.recall, same]
        line = f"| {folder.name} | {len(pairs)} | " + " | ".join(f"{v:.3f}" for v in row) + " |"
        if args.alignck:
            result = evaluate(dataset)
            theirs = metrics.addressed(result.verdicts())
            row += [theirs.f1, theirs.precision]
            line += f" {theirs.f1:.3f} | {theirs.precision:.3f} |"
        means.append(row)
        lines.append(line)
    if means:
        mean = [sum(column) / len(means) for column in zip(*means, strict=True)]
        lines.append(
            f"| mean of {len(means)} | {len(pooled)} | "
            + " | ".join(f"{v:.3f}" for v in mean)
            + " |"
        )
        score = _addressed(pooled)
        lines.append(
            f"| pooled | {len(pooled)} | {score.f1:.3f} | {score.precision:.3f} | "
            f"{score.recall:.3f} | {sum(a == b for a, b in pooled) / len(pooled):.3f} |"
            + (" | |" if args.alignck else "")
        )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
