"""Refit the list, sentence and aim scorers, measure extraction: `python scripts/fit_extraction.py
[--eval-dir DIR]`.

Every list in every labelled document is a candidate; it is labelled a list of stated priorities
when most of its items match the document's stated or sub-priorities (the evaluation's own
matching). Every sentence that enumerates, in a document where the rules find no stated
priority, is a candidate too, labelled the same way (and only when its parts match two stated
priorities or more). A small L2-regularised logistic regression over the generic features of
``alignck.extract._lists`` and one over those of ``alignck.extract._prose`` are fitted on all
labelled sets, with the lower cut-offs at which a document's likeliest list and sentence are
taken where nothing reaches 0.5 (chosen on the same sets); then one over those of
``alignck.extract._aims``, on every sentence of the documents where those find no stated
priority and no commitment, each labelled by whether it matches a stated or sub-priority,
with how many of a document's likeliest sentences it takes and from what probability
(chosen on the same sets). All are written to
src/alignck/data/extraction.json with the version of the data they came from. Then every set is
scored leave-one-set-out (by weights and cut-offs fitted without it) beside in-sample, beside
the rules alone and beside the left-out figure without the sentence scorer, both as shipped (the
list scorer reads the lists of documents where the rules find no stated priority, the sentence
scorer the sentences of those where neither does) and with the list scorer's lists added to
every document, and benchmarks/extraction.md is written (keeping its hand-written analysis of
failure kinds, below HAND_WRITTEN) with docs/accuracy.md's extraction table (between TABLE_START
and TABLE_END). Deterministic: the same data gives the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

from alignck.evaluation import metrics
from alignck.evaluation.dataset import load_dataset
from alignck.extract import extract, rule_statements, stated_priorities
from alignck.extract._aims import AIM_FEATURES, aim_candidates
from alignck.extract._common import make_statement
from alignck.extract._lists import FEATURES, list_candidates
from alignck.extract._prose import SENTENCE_FEATURES, sentence_candidates
from alignck.extract._scorer import (
    AimModel,
    ListModel,
    shipped_aim_model,
    shipped_model,
    shipped_sentence_model,
)
from alignck.model import Document
from alignck.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_decision import REAL_LOCAL as REAL_SETS  # noqa: E402
from fit_decision import (  # noqa: E402
    UNSEEN_BY_EXTRACTION,
    datasets,
)

# Sets with Word and PDF copies of their documents, scored in every format.
FORMAT_SETS = ("nottinghamshire", "leeds", "rotherham", "surrey")
HAND_WRITTEN = "<!-- written by hand below; fit_extraction.py keeps it -->"
TABLE_START = "<!-- extraction table: written by scripts/fit_extraction.py -->"
TABLE_END = "<!-- end of extraction table -->"
FORMATS = ("docx", "pdf")
# Strength of the L2 penalty: with a few hundred lists, enough to keep weights modest.
PENALTY = 1.0
# The untuned default, for lists and sentences alike: taken when more likely than not.
CUTOFF = 0.5
# The cut-offs tried for a document's likeliest list and sentence (above 1: never taken).
BEST_CUTOFFS = (2.0, 0.4, 0.3, 0.2, 0.15, 0.1)
# Scores every list as the rules alone would: the model never takes one.
RULES_ONLY = ListModel(tuple(0.0 for _ in FEATURES), cutoff=2.0)
NO_SENTENCES = ListModel(tuple(0.0 for _ in SENTENCE_FEATURES), cutoff=2.0)
NO_AIMS = AimModel(tuple(0.0 for _ in AIM_FEATURES), cutoff=2.0)
# Where nothing else is found, a document's likeliest sentences stating its aims are taken:
# how many at most, and the probability each must reach (2.0: never), chosen on the sets.
AIM_CUTOFFS = (2.0, 0.5, 0.4, 0.3, 0.2, 0.1)
AIM_MOST = (1, 2, 3)


@dataclass(frozen=True)
class Labelled:
    """One labelled document: its blocks read once, and what it states."""

    document: Document
    stated: tuple[str, ...]
    accepted: tuple[str, ...]


# Joining words a place's name keeps in lower case ("Brighton and Hove", "Stoke-on-Trent").
_JOINING = {"and", "on", "upon", "of", "the", "with"}


def place_name(set_name: str) -> str:
    """A labelled set's folder name as the place is written."""
    words = set_name.split("-")
    shown = [w if w in _JOINING and i else w.capitalize() for i, w in enumerate(words)]
    # A name joined by "on" or "upon" keeps its hyphens (Stoke-on-Trent, Southend-on-Sea).
    hyphenated = any(w in {"on", "upon"} for w in words[1:-1])
    return ("-" if hyphenated else " ").join(shown)


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


def said_in(docs: list[Labelled]) -> tuple[np.ndarray, np.ndarray]:
    """The enumerating sentences of the documents where the rules find no stated priority
    (the only ones the sentence scorer reads). A sentence is labelled one of stated
    priorities when most of its parts, named as extraction names them, match stated or
    sub-priorities and they match two or more of them (the parts of 'Make the city cleaner,
    safer and greener', one stated priority, do not make it one)."""
    rows, labels = [], []
    for doc in docs:
        if any(s.kind == "priority" for s in rule_statements(doc.document)):
            continue
        for candidate in sentence_candidates(doc.document.blocks):
            named = (make_statement(n, candidate.block, "") for n in candidate.items)
            matched = [
                next((s for s in doc.accepted if metrics.same_priority(n.text, s)), None)
                for n in named
                if n is not None
            ]
            hits = [m for m in matched if m is not None]
            rows.append(candidate.features)
            labels.append(float(len(hits) * 2 > len(matched) and len(set(hits)) >= 2))
    return (
        np.array(rows, dtype=float).reshape(-1, len(SENTENCE_FEATURES)),
        np.array(labels),
    )


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


@dataclass(frozen=True)
class Models:
    """The list scorer, the sentence scorer and the aim scorer, fitted on the same sets."""

    lists: ListModel
    sentences: ListModel
    aims: AimModel = NO_AIMS


RULES = Models(RULES_ONLY, NO_SENTENCES)


def fit_models(
    lists: tuple[np.ndarray, np.ndarray],
    sentences: tuple[np.ndarray, np.ndarray],
    loaded: dict[str, list[Labelled]],
) -> Models:
    """The scorers fitted on these examples, with the cut-offs for a document's likeliest
    list and sentence chosen on the documents they came from (``loaded``); then the aim
    scorer, fitted on the sentences of the documents where they find nothing, with how many
    of its likeliest it takes and their cut-off chosen on the same documents."""
    models = with_best_cutoffs(Models(fit(*lists), fit(*sentences)), loaded)
    return with_aims(models, loaded)


def aims_in(docs: list[Labelled]) -> tuple[np.ndarray, np.ndarray]:
    """The sentences of documents in which nothing else is found (the only ones the aim
    scorer reads), each labelled by whether it matches one of the document's stated or
    sub-priorities."""
    rows, labels = [], []
    for doc in docs:
        for candidate in aim_candidates(doc.document.blocks):
            rows.append(candidate.features)
            labels.append(
                float(any(metrics.same_priority(candidate.text, s) for s in doc.accepted))
            )
    return np.array(rows, dtype=float).reshape(-1, len(AIM_FEATURES)), np.array(labels)


def _finds_nothing(doc: Labelled, models: Models) -> bool:
    statements = extract(
        doc.document, models.lists, sentence_model=models.sentences, aim_model=NO_AIMS
    )
    return not any(s.kind in ("priority", "commitment") for s in statements)


def with_aims(models: Models, loaded: dict[str, list[Labelled]]) -> Models:
    """The aim scorer fitted on the documents of ``loaded`` where ``models`` find nothing,
    with the number of its likeliest sentences taken and their cut-off that give the best
    mean extraction F1 over the sets (ties to the fewer, then the higher cut-off)."""
    fixed, open_ = {}, {}
    for name, docs in loaded.items():
        nothing = {id(d) for d in docs if _finds_nothing(d, models)}
        fixed[name] = [score_one(d, models) for d in docs if id(d) not in nothing]
        open_[name] = [d for d in docs if id(d) in nothing]
    x, y = _stack(aims_in(docs) for docs in open_.values())
    if not y.sum():
        return models
    weights = fit(x, y).weights

    def mean_f1(aims: AimModel) -> float:
        candidate = replace(models, aims=aims)
        figures = [
            metrics.combine([*fixed[n], *(score_one(d, candidate) for d in open_[n])]).f1
            for n in loaded
        ]
        return float(np.mean(figures))

    options = [AimModel(weights, cutoff, most) for cutoff in AIM_CUTOFFS for most in AIM_MOST]
    best = max(options, key=lambda a: (round(mean_f1(a), 6), -a.most, a.cutoff))
    return replace(models, aims=best)


def with_best_cutoffs(models: Models, loaded: dict[str, list[Labelled]]) -> Models:
    """The cut-offs for the likeliest list, then the likeliest sentence, that give the best
    mean extraction F1 over the sets, one after the other from ``BEST_CUTOFFS`` (ties to the
    higher, the least taken). Only documents in which the rules find no stated priority can
    take their likeliest candidates: the others are scored once."""
    fixed, open_ = {}, {}
    for name, docs in loaded.items():
        fixed[name] = [score_one(d, models) for d in docs if _rules_state(d)]
        open_[name] = [d for d in docs if not _rules_state(d)]

    def mean_f1(candidate: Models) -> float:
        figures = [
            metrics.combine([*fixed[n], *(score_one(d, candidate) for d in open_[n])]).f1
            for n in loaded
        ]
        return float(np.mean(figures))

    for part in ("lists", "sentences"):
        options = [
            replace(models, **{part: replace(getattr(models, part), best=c)}) for c in BEST_CUTOFFS
        ]
        models = max(options, key=lambda m: (round(mean_f1(m), 6), getattr(m, part).best))
    return models


def _rules_state(doc: Labelled) -> bool:
    return any(s.kind == "priority" for s in rule_statements(doc.document))


def score(docs: list[Labelled], models: Models, everywhere: bool = False) -> metrics.Score:
    return metrics.combine([score_one(doc, models, everywhere) for doc in docs])


def score_one(doc: Labelled, models: Models, everywhere: bool = False) -> metrics.Score:
    statements = extract(
        doc.document,
        models.lists,
        lists_everywhere=everywhere,
        sentence_model=models.sentences,
        aim_model=models.aims,
    )
    extracted = [s.text for s in stated_priorities(statements)]
    return metrics.extraction(extracted, doc.stated, tuple(doc.accepted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--keep-weights",
        action="store_true",
        help="measure only: score with the shipped scorers as the in-sample figure and leave "
        "extraction.json as it is (the left-out figures are refitted per set either way)",
    )
    args = parser.parse_args()
    if not (args.eval_dir / "ics").is_dir():
        # Without the shared sets the fit would run on fewer and overwrite extraction.json.
        raise SystemExit(
            f"fit_extraction.py: {args.eval_dir}: no shared evaluation data there (its ics/ "
            "folder); give --eval-dir"
        )
    # The sets labelled after the shipped scorers were fitted are kept for their first run.
    found = datasets(args.eval_dir).items()
    sets = {n: p for n, p in found if n != "sdg" and n not in UNSEEN_BY_EXTRACTION}
    loaded = {name: load(path) for name, path in sets.items()}
    loaded = {name: docs for name, docs in loaded.items() if docs}
    data = {name: examples(docs) for name, docs in loaded.items()}
    said = {name: said_in(docs) for name, docs in loaded.items()}
    _cache_what_no_model_changes()
    if args.keep_weights:
        # The rules change between refits; measuring today's rules with the scorers as shipped
        # keeps the figures current without changing what ships.
        models, version = _shipped_models()
    else:
        models = fit_models(_stack(data.values()), _stack(said.values()), loaded)
        version = _data_version(sets, loaded)
        _write_model(models, version, data, said)
    figures = _figures(loaded, data, said, models)
    lines = [*_table(figures), *_formats(sets, models)]
    report = ROOT / "benchmarks" / "extraction.md"
    text = _report(lines, version, _hand_written(report), kept=args.keep_weights)
    report.write_text(text, encoding="utf-8")
    _write_table(figures)
    print("\n".join(lines))


def _shipped_models() -> tuple[Models, str]:
    """The scorers as extraction.json ships them, with the version of the data they were
    fitted on."""
    lists, sentences, aims = shipped_model(), shipped_sentence_model(), shipped_aim_model()
    if lists is None or sentences is None or aims is None:
        raise SystemExit("no fitted extraction.json ships: run without --keep-weights first")
    return Models(lists, sentences, aims), lists.version


def _cache_what_no_model_changes() -> None:
    """The cut-offs are chosen by scoring every document again under each fold's models; the
    rules' statements and the candidates do not depend on the models, so each document's are
    found once. Each entry keeps its document, so its id is never reused."""
    import alignck.extract as extracting
    import alignck.extract._scorer as scoring

    found: dict[tuple[str, int], tuple[object, tuple[object, ...]]] = {}

    def cached(function: Any) -> Any:
        def once(argument: Any, *rest: Any) -> Any:
            key = (function.__name__, id(argument))
            if rest or key not in found:
                if rest:
                    return function(argument, *rest)
                found[key] = (argument, tuple(function(argument)))
            return list(found[key][1])

        return once

    extracting.rule_statements = cached(extracting.rule_statements)
    scoring.list_candidates = cached(scoring.list_candidates)
    scoring.sentence_candidates = cached(scoring.sentence_candidates)
    scoring.aim_candidates = cached(scoring.aim_candidates)
    globals()["aim_candidates"] = scoring.aim_candidates
    globals()["rule_statements"] = extracting.rule_statements


def _stack(parts: object) -> tuple[np.ndarray, np.ndarray]:
    pairs = list(parts)  # type: ignore[call-overload]
    return np.vstack([x for x, _ in pairs]), np.concatenate([y for _, y in pairs])


@dataclass(frozen=True)
class Figures:
    """One set's extraction figures: rules alone, left out, in-sample, lists everywhere."""

    name: str
    documents: int
    lists: tuple[int, int]
    said: tuple[int, int]
    rules: metrics.Score
    lists_only: metrics.Score
    without_aims: metrics.Score
    left_out: metrics.Score
    in_sample: metrics.Score
    everywhere: metrics.Score

    @property
    def real(self) -> bool:
        return self.name in REAL_SETS


def _figures(
    loaded: dict[str, list[Labelled]],
    data: dict[str, tuple[np.ndarray, np.ndarray]],
    said: dict[str, tuple[np.ndarray, np.ndarray]],
    models: Models,
) -> list[Figures]:
    found = []
    for name, docs in loaded.items():
        fold = fit_models(
            _stack(v for n, v in data.items() if n != name),
            _stack(v for n, v in said.items() if n != name),
            {n: d for n, d in loaded.items() if n != name},
        )
        y, z = data[name][1], said[name][1]
        found.append(
            Figures(
                name,
                len(docs),
                (len(y), int(y.sum())),
                (len(z), int(z.sum())),
                score(docs, RULES),
                score(docs, Models(fold.lists, NO_SENTENCES)),
                score(docs, replace(fold, aims=NO_AIMS)),
                score(docs, fold),
                score(docs, models),
                score(docs, fold, everywhere=True),
            )
        )
    return found


def _table(figures: list[Figures]) -> list[str]:
    lines = [
        "| set | stated | lists (priority) | sentences (priority) | rules alone F1 | "
        "without sentences F1, left out | without aims F1, left out | shipped F1, left out | "
        "P / R, left out | shipped F1, in-sample | lists everywhere F1, left out |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in figures:
        out = f.left_out
        lines.append(
            f"| {f.name} | {f.rules.actual} | {f.lists[0]} ({f.lists[1]}) | "
            f"{f.said[0]} ({f.said[1]}) | {f.rules.f1:.3f} | {f.lists_only.f1:.3f} | "
            f"{f.without_aims.f1:.3f} | {out.f1:.3f} | {out.precision:.2f} / "
            f"{out.recall:.2f} | {f.in_sample.f1:.3f} | {f.everywhere.f1:.3f} |"
        )
    real = [f for f in figures if f.real]
    rose = sum(f.without_aims.f1 > f.lists_only.f1 + 1e-9 for f in real)
    fell = sum(f.without_aims.f1 < f.lists_only.f1 - 1e-9 for f in real)
    aims_rose = sum(f.left_out.f1 > f.without_aims.f1 + 1e-9 for f in real)
    aims_fell = sum(f.left_out.f1 < f.without_aims.f1 - 1e-9 for f in real)
    lines.append(
        f"| **mean of the {len(real)} real sets** | | | | {_mean(real, 'rules'):.3f} | "
        f"{_mean(real, 'lists_only'):.3f} | {_mean(real, 'without_aims'):.3f} | "
        f"**{_mean(real, 'left_out'):.3f}** | | "
        f"{_mean(real, 'in_sample'):.3f} | {_mean(real, 'everywhere'):.3f} |"
    )
    lines += [
        "",
        f"With the sentence scorer, left out: {rose} real sets rose and {fell} fell against "
        f"the figure without it; with the aim scorer, {aims_rose} rose and {aims_fell} fell "
        "against the figure without it.",
    ]
    return lines


def _mean(figures: list[Figures], which: str) -> float:
    return sum(getattr(f, which).f1 for f in figures) / len(figures)


def _write_table(figures: list[Figures]) -> None:
    page = ROOT / "docs" / "accuracy.md"
    text = page.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        raise SystemExit(f"{page}: no {TABLE_START!r} ... {TABLE_END!r} to write between")
    head, rest = text.split(TABLE_START, 1)
    _, tail = rest.split(TABLE_END, 1)
    rows = [
        "| labelled set | documents | extraction F1, left out | in-sample | rules alone |",
        "|---|---:|---:|---:|---:|",
    ]
    real = [f for f in figures if f.real]
    for f in real:
        rows.append(
            f"| {place_name(f.name)} (real) | {f.documents} | {f.left_out.f1:.3f} | "
            f"{f.in_sample.f1:.3f} | {f.rules.f1:.3f} |"
        )
    rows.append(
        f"| mean of the {len(real)} real sets | | {_mean(real, 'left_out'):.3f} | "
        f"{_mean(real, 'in_sample'):.3f} | {_mean(real, 'rules'):.3f} |"
    )
    ours = [f.left_out.f1 for f in figures if not f.real]
    rows.append(
        f"| our own {len(ours)} written sets | {sum(f.documents for f in figures if not f.real)}"
        f" | {min(ours):.3f}–{max(ours):.3f} | | |"
    )
    body = "\n".join(["", *rows, ""])
    page.write_text(head + TABLE_START + body + TABLE_END + tail, encoding="utf-8")


def _formats(sets: dict[str, Path], model: Models) -> list[str]:
    lines = ["", "| set | Markdown | Word | PDF |", "|---|---:|---:|---:|"]
    for name in FORMAT_SETS:
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
    models: Models,
    version: str,
    data: dict[str, tuple[np.ndarray, np.ndarray]],
    said: dict[str, tuple[np.ndarray, np.ndarray]],
) -> None:
    fitted = {
        "version": version,
        "fitted_on": [
            f"{n} ({len(y)} lists, {len(said[n][1])} sentences)" for n, (_, y) in data.items()
        ],
        "features": list(FEATURES),
        "weights": list(models.lists.weights),
        "cutoff": models.lists.cutoff,
        "best": models.lists.best,
        "sentences": {
            "features": list(SENTENCE_FEATURES),
            "weights": list(models.sentences.weights),
            "cutoff": models.sentences.cutoff,
            "best": models.sentences.best,
        },
        "aims": {
            "features": list(AIM_FEATURES),
            "weights": list(models.aims.weights),
            "cutoff": models.aims.cutoff,
            "most": models.aims.most,
        },
    }
    path = ROOT / "src" / "alignck" / "data" / "extraction.json"
    path.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")


def _report(lines: list[str], version: str, hand_written: str, kept: bool = False) -> str:
    command = "fit_extraction.py --keep-weights" if kept else "fit_extraction.py"
    in_sample = (
        "with the shipped weights, fitted on every set when the rules were older (in-sample; "
        "measured without refitting them)"
        if kept
        else "with weights fitted on every set (in-sample)"
    )
    head = [
        "# Extraction",
        "",
        f"Generated by `python scripts/{command}` (weights: "
        f"`src/alignck/data/extraction.json`, {version}). Extraction F1 as "
        "`../shared/eval/README.md` defines it, per labelled set: the rules alone; the rules "
        "plus the fitted list scorer with weights fitted **without** the set (left out, the "
        f"figure to quote); and {in_sample}. The rules were "
        "written while reading some of these sets (see the notes below), so for those sets "
        "the rules are in-sample whatever the column says.",
        "",
        "Shipped: the rules first; in a document where they find no stated priority, the "
        "fitted list scorer weighs every list; where neither finds one, the fitted sentence "
        "scorer weighs every sentence that enumerates (its candidates and those labelled "
        "priorities are counted in the 'sentences' column); where none finds one, purpose "
        "sentences ('Our mission is to ...'), then commitments, stand in; where there are "
        "none of those either, the fitted aim scorer weighs every sentence and the "
        "document's likeliest (as many and from the cut-off chosen on the sets fitted on) "
        "are taken ('without aims' is the left-out figure without them). Both scorers' "
        "cut-offs are the untuned 0.5; where nothing reaches them, the document's likeliest "
        "list, then its likeliest sentence, is taken if it reaches a lower cut-off for a "
        f"document's best, chosen from {', '.join(str(c) for c in BEST_CUTOFFS if c <= 1)} "
        "(or never) for the best mean F1 over the sets fitted on, so each left-out figure "
        "comes from cut-offs chosen without its set. 'Without sentences' is the left-out "
        "figure with the list scorer alone (the likeliest list included); the count of sets "
        "that rose and fell compares it with the shipped figure, so it measures the sentence "
        "scorer and the likeliest sentence together. The last column adds the list scorer's "
        "lists to every document.",
        "",
    ]
    return "\n".join([*head, *lines, "", HAND_WRITTEN, hand_written.strip("\n"), ""])


def _hand_written(report: Path) -> str:
    """The analysis below the generated tables, kept from the file as it stands."""
    text = report.read_text(encoding="utf-8") if report.is_file() else ""
    return text.split(HAND_WRITTEN, 1)[1] if HAND_WRITTEN in text else ""


if __name__ == "__main__":
    main()
