"""Longer documents: `python benchmarks/length_control.py [--matcher semantic] [--sets a,b,...]`.

Every labelled document is a stored copy of a web page, about 2,000 characters; the strategies
users check run to tens of pages. Whole strategies with labels are not to be had, so this
lengthens the labelled ones in two ways, neither of which isolates length, on the sets the
shipped decision was never fitted on (`FIRST_RUN_ONLY` in scripts/fit_decision.py):

- joined: the documents of a set joined in full groups of k, in their order (a last, smaller
  group is left out); a group addresses a priority as far as its most addressing document does,
  which the labelling rules make exact for "addressed" (labels judge only the text), though
  two partial parts might together make a "yes";
- padded: each document followed by N far-domain documents (waste, transport, culture ...) of
  other labelled sets, its own labels kept, the same N for every document of a set; such text
  may touch a priority (a transport plan's active travel), so its rows are an upper bound on
  what the added text costs;
- padding alone: how many of a framework's priorities alignck calls addressed by the N
  far-domain documents joined, beside what their own labels would predict.

Besides F1 and precision, each row gives the share of pairs labelled "no" that are called
addressed: with exact labels, a rise in it is what a longer text costs. Figures are pooled over
pairs. Temporary files only; nothing under eval/ is written. Writes
benchmarks/length-control.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from alignck import check
from alignck.evaluation import metrics
from alignck.evaluation.dataset import Dataset, Label, TruthDocument, load_dataset
from alignck.evaluation.run import evaluate

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
RANK = {"no": 0, "partial": 1, "yes": 2}
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _held_out_sets() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("fit", ROOT / "scripts" / "fit_decision.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.FIRST_RUN_ONLY)


def _body(path: Path) -> str:
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    return text.replace("[… stored copy ends here]", "").strip()


def far_domain_documents() -> tuple[list[tuple[str, Path]], float]:
    """(set, path) of every labelled set's far-domain document, and the share of their pairs
    labelled addressed against their own set's framework."""
    found: list[tuple[str, Path]] = []
    labels: list[bool] = []
    for folder in sorted(p for p in EVAL.iterdir() if (p / "truth.yaml").is_file()):
        for document in load_dataset(folder).documents:
            if document.negative:
                found.append((folder.name, document.path))
                labels.extend(label.label != "no" for label in document.aligns.values())
    return found, sum(labels) / len(labels)


def joined(dataset: Dataset, size: int, out: Path) -> Dataset:
    documents = []
    items = list(dataset.documents)
    for start in range(0, len(items) - size + 1, size):
        group = items[start : start + size]
        path = out / f"joined-{start // size}.md"
        path.write_text("\n\n".join(_body(d.path) for d in group) + "\n", encoding="utf-8")
        ids = {i for d in group for i in d.aligns}
        aligns = {i: max((d.aligns[i] for d in group if i in d.aligns), key=_rank) for i in ids}
        documents.append(TruthDocument(path.name, path, (), (), (), aligns, False, False))
    return Dataset(dataset.root, dataset.framework, tuple(documents))


def _rank(label: Label) -> int:
    return RANK[label.label]


def padded(dataset: Dataset, padding: str, out: Path) -> Dataset:
    documents = []
    for number, document in enumerate(dataset.documents):
        path = out / f"padded-{number}.md"
        path.write_text(_body(document.path) + "\n\n" + padding + "\n", encoding="utf-8")
        documents.append(replace(document, doc=path.name, path=path, has_stated=False))
    return Dataset(dataset.root, dataset.framework, tuple(documents))


def _padding(name: str, far: Sequence[tuple[str, Path]], count: int) -> str:
    others = [path for owner, path in far if owner != name]
    chosen = random.Random(name).sample(others, count)
    return "\n\n".join(_body(p) for p in chosen)


class Tally:
    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []
        self.characters: list[int] = []

    def add(self, dataset: Dataset, matcher: str) -> None:
        result = evaluate(dataset, matcher=matcher)
        if result.errors:
            # A document not read would count as gaps and flatter the figures.
            raise SystemExit(f"{dataset.root}: {'; '.join(result.errors)}")
        self.pairs.extend(result.verdicts())
        self.characters.extend(len(_body(d.path)) for d in dataset.documents)

    def row(self, label: str) -> str:
        score = metrics.addressed(self.pairs)
        called = sum(status != "gap" for status, _ in self.pairs) / len(self.pairs)
        truly = sum(label_ != "no" for _, label_ in self.pairs) / len(self.pairs)
        everything = 2 * truly / (1 + truly)
        mean_chars = sum(self.characters) / len(self.characters)
        nos = [status for status, label_ in self.pairs if label_ == "no"]
        false = sum(status != "gap" for status in nos)
        return (
            f"| {label} | {len(self.characters)} | {mean_chars:,.0f} | {len(self.pairs)} | "
            f"{truly:.0%} | {called:.0%} | {false}/{len(nos)} ({false / max(len(nos), 1):.0%}) | "
            f"{score.f1:.3f} | {score.precision:.3f} | {score.recall:.3f} | {everything:.3f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--matcher", default="semantic", choices=("semantic", "lexical"))
    parser.add_argument("--sets", help="comma-separated eval/ set names (default: never fitted)")
    parser.add_argument("--join", default="2,3,5", help="group sizes for joined documents")
    parser.add_argument("--pad", default="5,20", help="far-domain documents appended")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "length-control.md")
    args = parser.parse_args()
    names = args.sets.split(",") if args.sets else list(_held_out_sets())
    sizes = [int(s) for s in args.join.split(",")]
    pads = [int(s) for s in args.pad.split(",")]
    far, touched = far_domain_documents()
    tallies = {"as labelled": Tally()}
    tallies.update({f"joined in groups of {k}": Tally() for k in sizes})
    tallies.update({f"each + {n} far-domain documents": Tally() for n in pads})
    alone: dict[int, list[int]] = {n: [0, 0] for n in pads}
    with tempfile.TemporaryDirectory() as temporary:
        for name in names:
            dataset = load_dataset(EVAL / name)
            tallies["as labelled"].add(dataset, args.matcher)
            for k in sizes:
                out = Path(temporary) / name / f"joined-{k}"
                out.mkdir(parents=True)
                tallies[f"joined in groups of {k}"].add(joined(dataset, k, out), args.matcher)
            for n in pads:
                out = Path(temporary) / name / f"padded-{n}"
                out.mkdir(parents=True)
                padding = _padding(name, far, n)
                tallies[f"each + {n} far-domain documents"].add(
                    padded(dataset, padding, out), args.matcher
                )
                only = out / "padding-alone.md"
                only.write_text(padding + "\n", encoding="utf-8")
                report = check([only], dataset.framework, matcher=args.matcher)
                statuses = [a.status for a in report.documents[0].alignments]
                alone[n][0] += sum(s != "gap" for s in statuses)
                alone[n][1] += len(statuses)
            print(name, flush=True)
    lines = [
        "# Longer documents: joined and padded texts",
        "",
        f"Generated by `python benchmarks/length_control.py --matcher {args.matcher}` on "
        f"{len(names)} sets"
        + ("" if args.sets else " the shipped decision was never fitted on")
        + f": {', '.join(names)}. Figures pooled over pairs.",
        "",
        "| documents | count | mean characters | pairs | labelled addressed "
        "| called addressed | pairs labelled no, called addressed | addressed F1 | precision "
        "| recall | calling everything addressed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(tally.row(label) for label, tally in tallies.items()),
        "",
        "The far-domain padding alone, joined into one document, checked by alignck against "
        "each set's framework:",
        "",
        "| far-domain documents | pairs | called addressed | expected from the labels |",
        "|---:|---:|---:|---:|",
        *(
            f"| {n} | {t} | {hit} ({hit / t:.0%}) | {1 - (1 - touched) ** n:.0%} |"
            for n, (hit, t) in alone.items()
        ),
        "",
        f"Expected from the labels: the far-domain documents are labelled addressed in "
        f"{touched:.1%} of their pairs against their own set's framework; were that so against "
        "any framework, independently, N of them would touch a priority with probability "
        f"1 - (1 - {touched:.3f})^N. The padded rows keep each document's own labels, so where "
        "the padding does touch a priority they count a correct verdict as false: read them as "
        "an upper bound on what the added text costs. The joined rows' labels are exact for "
        "addressed.",
        "",
    ]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
