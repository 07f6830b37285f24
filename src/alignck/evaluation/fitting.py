"""Fit the decision on labelled data, and measure it honestly: leave one set out.

Every labelled document × priority becomes a row of signal features (see
:mod:`alignck.decision`) and its label. Two logistic models are fitted, addressed (yes or
partial) and strong (yes), with every labelled set weighing the same however many pairs it has,
so 5,000 SDG statements do not drown a local system of thirty. The cut-off is the probability
that maximises the mean F1 over the training sets, folded into the bias so that 0.5 is the
default threshold. :func:`leave_one_set_out` refits without each set in turn and scores that
set with a model that never saw it: the figure to expect on documents alignck has never seen.
Fitting is deterministic (fixed start, full-batch optimiser), so the same data gives the same
file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alignck.decision import (
    EMBEDDING_FEATURES,
    TERM_FEATURES,
    Signals,
    document_features,
    model_from,
)
from alignck.evaluation.dataset import load_dataset
from alignck.evaluation.metrics import binary
from alignck.model import Alignment
from alignck.signals.adapter import FROM_DECISION

MATCHER_FEATURES: dict[str, tuple[str, ...]] = {
    "lexical": TERM_FEATURES,
    "semantic": TERM_FEATURES + EMBEDDING_FEATURES,
}
# Weight decay on the standardised weights, against the set-weighted mean log-loss: the same
# however many pairs the sets have.
L2 = 0.001
CUTOFFS = tuple(round(0.2 + 0.025 * i, 3) for i in range(25))
# How the rows of a set's joined documents are named among the sets fitted on.
JOINED = " (joined)"


@dataclass(frozen=True, slots=True)
class Row:
    doc: str
    priority_id: str
    label: str
    features: tuple[float, ...]
    # The same features over the document's commitments alone, for the strong model.
    committed: tuple[float, ...]
    # Its weight within its set (rows balanced by label weigh apart).
    weight: float = 1.0


@dataclass
class Collected:
    """One dataset's feature rows, and what the real judgement needs to score it again under
    another fitted decision: each document's passages and signals."""

    rows: list[Row]
    framework: Any
    documents: list[tuple[str, Any, Signals, dict[str, str]]]
    # The labeller's evidence quote for each labelled pair, where there is one.
    quotes: dict[tuple[str, str], str] = field(default_factory=dict)


def collect(
    location: Path,
    matcher: str,
    documents_dir: str | None = None,
    labels_key: str = "aligns",
    framework_key: str = "framework",
    adapter: Any = FROM_DECISION,
) -> Collected:
    """Feature rows for every labelled pair of one dataset, with the given matcher's signals;
    by default its own framework's labels, or (``aligns_core_purposes`` and ``core_purposes``)
    the labels of the same documents against another framework. ``adapter`` is the
    correction to closeness in meaning to score with (:class:`alignck.match.Matcher`)."""
    from alignck.framework import load_framework
    from alignck.match import Matcher
    from alignck.model import Thresholds
    from alignck.reading import prepare

    dataset = load_dataset(location, documents_dir, labels_key, framework_key)
    framework = load_framework(dataset.framework)
    engine = Matcher(framework, Thresholds(), matcher, adapter=adapter)
    names = MATCHER_FEATURES[matcher]
    found = Collected([], framework, [])
    for truth in dataset.documents:
        prepared = prepare(truth.path)
        passages = getattr(prepared, "passages", [])
        signals: Signals = engine.run_signals(passages)
        matrix = document_features(signals, names)
        committed = document_features(signals.committed(), names)
        labels = {k: v.label for k, v in truth.aligns.items()}
        found.documents.append((truth.doc, passages, signals, labels))
        found.quotes.update(
            {(truth.doc, k): v.evidence for k, v in truth.aligns.items() if v.evidence}
        )
        for k, priority in enumerate(framework.priorities):
            if priority.id in labels:
                found.rows.append(
                    Row(
                        truth.doc,
                        priority.id,
                        labels[priority.id],
                        _rounded(matrix[k]),
                        _rounded(committed[k]),
                    )
                )
    return found


def _rounded(values: Any) -> tuple[float, ...]:
    return tuple(round(float(v), 6) for v in values)


def _inputs(row: Row, target: str) -> tuple[float, ...]:
    return row.committed if target == "strong" else row.features


def _fitting_sets(
    rows_by_set: Mapping[str, Sequence[Row]], target: str
) -> dict[str, Sequence[Row]]:
    """Sets that can teach the target: only sets that label some pairs partial tell a
    commitment (yes) from a mention (partial); the SDG statements are labelled yes or no."""
    if target != "strong":
        return dict(rows_by_set)
    return {n: rows for n, rows in rows_by_set.items() if any(r.label == "partial" for r in rows)}


def _arrays(rows_by_set: Mapping[str, Sequence[Row]], target: str) -> tuple[Any, Any, Any]:
    import numpy as np

    features, labels, weights = [], [], []
    for rows in rows_by_set.values():
        total = sum(row.weight for row in rows)
        for row in rows:
            features.append(_inputs(row, target))
            labels.append(_positive(row.label, target))
            weights.append(row.weight / total)
    return np.array(features, dtype=float), np.array(labels, dtype=float), np.array(weights)


def _positive(label: str, target: str) -> bool:
    return label == "yes" if target == "strong" else label in ("yes", "partial")


def _logistic(features: Any, labels: Any, weights: Any) -> tuple[Any, float]:
    import numpy as np

    from alignck.scipy_import import optimize

    minimize = optimize().minimize

    design = np.hstack([features, np.ones((len(features), 1))])
    total = weights.sum()

    def loss(beta: Any) -> tuple[float, Any]:
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        eps = 1e-12
        value = -(weights * (labels * np.log(p + eps) + (1 - labels) * np.log(1 - p + eps))).sum()
        penalty = L2 * (beta[:-1] ** 2).sum()
        gradient = design.T @ (weights * (p - labels)) / total
        gradient[:-1] += 2 * L2 * beta[:-1]
        return value / total + penalty, gradient

    found = minimize(loss, np.zeros(design.shape[1]), jac=True, method="L-BFGS-B")
    return found.x[:-1], float(found.x[-1])


def fit_model(rows_by_set: Mapping[str, Sequence[Row]], target: str) -> dict[str, Any]:
    """One model as ``data/decision.json`` holds it, its cut-off folded into the bias."""
    import numpy as np

    rows_by_set = _fitting_sets(rows_by_set, target)
    features, labels, weights = _arrays(rows_by_set, target)
    # Standardised as the sets are weighed, so one large set does not set the scale.
    mean = np.average(features, axis=0, weights=weights)
    scale = np.sqrt(np.average((features - mean) ** 2, axis=0, weights=weights))
    scale[scale == 0] = 1.0
    coefficients, bias = _logistic((features - mean) / scale, labels, weights)
    spec = {
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "weights": coefficients.round(6).tolist(),
        "bias": round(bias, 6),
    }
    cutoff = _best_cutoff(rows_by_set, spec, target)
    spec["bias"] = round(bias - float(np.log(cutoff / (1 - cutoff))), 6)
    spec["cutoff"] = cutoff
    return spec


def _best_cutoff(
    rows_by_set: Mapping[str, Sequence[Row]], spec: dict[str, Any], target: str
) -> float:
    import numpy as np

    def mean_f1(cutoff: float) -> float:
        scores = []
        for name, rows in rows_by_set.items():
            if name.endswith(JOINED):
                continue  # the cut-off is the one that serves documents as they come
            predicted = probabilities(spec, [_inputs(r, target) for r in rows]) >= cutoff
            truth = [_positive(r.label, target) for r in rows]
            if any(truth) or predicted.any():
                scores.append(binary(list(zip(predicted.tolist(), truth, strict=True))).f1)
        return float(np.mean(scores)) if scores else 0.0

    # Ties go to the cut-off nearest the middle: the least committal choice.
    return max(CUTOFFS, key=lambda c: (round(mean_f1(c), 6), -abs(c - 0.5)))


def probabilities(spec: Mapping[str, Any], features: Sequence[Sequence[float]]) -> Any:
    """The fitted model's probabilities, computed as the shipped decision computes them."""
    import numpy as np

    return model_from(spec).probability(np.array(features, dtype=float))


def fit(
    rows_by_set: Mapping[str, Sequence[Row]],
    matcher: str,
    collected: Mapping[str, Collected] | None = None,
    without: str | None = None,
    gaps: Mapping[str, Sequence[Row]] | None = None,
    joined: Mapping[str, Sequence[Row]] | None = None,
) -> dict[str, Any]:
    """The decision of one matcher; with the sets' passages at hand, also its ground model.
    ``without`` names a signal whose features are left out (an ablation). ``gaps`` are rows
    known to be gaps (a set's partner documents against what its far-domain document states),
    and ``joined`` rows of a set's documents joined into longer ones (each row weighted), each
    entry weighing as a set of its own in the addressed and strong models; the cut-offs are
    chosen without the joined ones."""
    rows_by_set = {
        **rows_by_set,
        **{f"{name} (far domain)": r for name, r in (gaps or {}).items()},
        **{f"{name}{JOINED}": r for name, r in (joined or {}).items()},
    }
    names = MATCHER_FEATURES[matcher]
    kept = _kept(names, without)
    if kept != names:
        rows_by_set = {
            n: [_projected(r, names, kept) for r in rows] for n, rows in rows_by_set.items()
        }
    spec: dict[str, Any] = {
        "features": list(kept),
        "addressed": fit_model(rows_by_set, "addressed"),
        "strong": fit_model(rows_by_set, "strong"),
    }
    if collected:
        spec["ground"] = fit_ground(collected, matcher, without)
    return spec


def _kept(names: Sequence[str], without: str | None) -> tuple[str, ...]:
    from alignck.decision import FEATURE_SIGNALS

    return tuple(n for n in names if without is None or FEATURE_SIGNALS[n] != without)


def _projected(row: Row, names: Sequence[str], kept: Sequence[str]) -> Row:
    index = [names.index(n) for n in kept]
    return Row(
        row.doc,
        row.priority_id,
        row.label,
        tuple(row.features[i] for i in index),
        tuple(row.committed[i] for i in index),
        row.weight,
    )


def ground_rows(
    found: Collected, matcher: str, names: Sequence[str] | None = None
) -> tuple[Any, Any]:
    """The ground model's examples from one set, among the quotable passages near a priority
    (see :func:`~alignck.decision.near`): those a labeller quoted as evidence for a priority
    the document addresses (all of them, for a labelled statement of a passage or two, as the
    SDG statements are), against those of the documents labelled as not addressing it.
    Passages of an addressing document that were not quoted teach nothing: they may address
    it too."""
    import numpy as np

    from alignck.decision import GROUND_FEATURES, ground_features, near
    from alignck.verdicts import quotable

    names = tuple(names or GROUND_FEATURES[matcher])
    features: list[Any] = []
    labels: list[int] = []
    for doc, passages, signals, labelled in found.documents:
        if not passages:
            continue
        matrix = ground_features(signals, names)
        close = near(signals)
        can_quote = [i for i, p in enumerate(passages) if quotable(p)]
        for k, priority in enumerate(found.framework.priorities):
            label = labelled.get(priority.id)
            if label is None:
                continue
            if label == "no":
                chosen, positive = can_quote, 0
            else:
                chosen, positive = _quoted(found.quotes.get((doc, priority.id)), passages), 1
            chosen = [i for i in chosen if i in can_quote and close[i, k]]
            features += [matrix[i, k] for i in chosen]
            labels += [positive] * len(chosen)
    width = len(names)
    return np.array(features, dtype=float).reshape(-1, width), np.array(labels, dtype=float)


def _quoted(quote: str | None, passages: Sequence[Any]) -> list[int]:
    if quote is None:
        return list(range(len(passages))) if len(passages) <= 2 else []
    return [i for i, p in enumerate(passages) if same_passage(quote, p.text)]


def fit_ground(
    collected: Mapping[str, Collected], matcher: str, without: str | None = None
) -> dict[str, Any]:
    """The ground model: every set weighs the same, and within a set its grounds and its
    non-grounds weigh half each, so 0.5 is the natural cut."""
    import numpy as np

    from alignck.decision import GROUND_FEATURES

    names = _kept(GROUND_FEATURES[matcher], without)
    blocks, targets, weights = [], [], []
    for found in collected.values():
        features, labels = ground_rows(found, matcher, names)
        positives = labels.sum()
        if positives == 0 or positives == len(labels):
            continue
        blocks.append(features)
        targets.append(labels)
        weights.append(np.where(labels == 1, 0.5 / positives, 0.5 / (len(labels) - positives)))
    features, labels, weight = np.vstack(blocks), np.concatenate(targets), np.concatenate(weights)
    mean = np.average(features, axis=0, weights=weight)
    scale = np.sqrt(np.average((features - mean) ** 2, axis=0, weights=weight))
    scale[scale == 0] = 1.0
    coefficients, bias = _logistic((features - mean) / scale, labels, weight)
    return {
        "features": list(names),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "weights": coefficients.round(6).tolist(),
        "bias": round(bias, 6),
    }


def _engine(
    spec: Mapping[str, Any], collected: Collected, matcher: str, thresholds: Any = None
) -> Any:
    """A matcher for the collected set's framework that decides with ``spec``."""
    from alignck.decision import decision_for
    from alignck.match import Matcher
    from alignck.model import Thresholds

    decision = decision_for(matcher, {"version": "fold", "matchers": {matcher: dict(spec)}})
    return Matcher(collected.framework, thresholds or Thresholds(), matcher, decision)


def _judged(
    spec: Mapping[str, Any], collected: Collected, matcher: str, thresholds: Any = None
) -> Iterator[Judgement]:
    """Each labelled pair's verdict, judged as ``check`` judges it (grounds, commitment guard
    and all) under a fitted spec, at the default thresholds unless others are given."""
    from alignck.verdicts import Judged

    engine = _engine(spec, collected, matcher, thresholds)
    for doc, passages, signals, labels in collected.documents:
        judged = Judged(engine, passages, signals)
        for k, priority in enumerate(collected.framework.priorities):
            if priority.id in labels:
                quote = collected.quotes.get((doc, priority.id))
                yield Judgement(labels[priority.id], quote, judged.alignment(k))


@dataclass(frozen=True, slots=True)
class Judgement:
    label: str
    quote: str | None
    alignment: Alignment

    @property
    def evidence_hit(self) -> bool | None:
        """For a correct addressed verdict whose label quotes the text, whether alignck's quotes
        include the labeller's passage (one contains the other, or they agree on at least 90%
        of the shorter's words in order, as rapidfuzz's partial ratio measures)."""
        if self.quote is None or self.label == "no" or self.alignment.status == "gap":
            return None
        return any(same_passage(self.quote, e.text) for e in self.alignment.evidence)


def verdicts(spec: Mapping[str, Any], collected: Collected, matcher: str) -> list[tuple[str, str]]:
    """(status, label) for each labelled pair under a fitted spec."""
    return [(j.alignment.status, j.label) for j in _judged(spec, collected, matcher)]


def judge(
    spec: Mapping[str, Any], collected: Collected, matcher: str, thresholds: Any = None
) -> tuple[list[tuple[str, str]], list[bool]]:
    """One pass: (status, label) for each labelled pair, and the evidence hits."""
    judgements = list(_judged(spec, collected, matcher, thresholds))
    pairs: list[tuple[str, str]] = [(j.alignment.status, j.label) for j in judgements]
    hits = [j.evidence_hit for j in judgements if j.evidence_hit is not None]
    return pairs, hits


def fold_specs(
    collected: Mapping[str, Collected],
    matcher: str,
    without: str | None = None,
    gaps: Mapping[str, Sequence[Row]] | None = None,
    joined: Mapping[str, Sequence[Row]] | None = None,
) -> dict[str, dict[str, Any]]:
    """For each set, the decision fitted on every other set (``without`` one signal); a set's
    ``gaps`` and ``joined`` rows, made from its own documents, are left out with it."""
    specs = {}
    for held in collected:
        others = {name: c for name, c in collected.items() if name != held}
        kept_gaps = {name: r for name, r in (gaps or {}).items() if name != held}
        kept_joined = {name: r for name, r in (joined or {}).items() if name != held}
        specs[held] = fit(
            {name: c.rows for name, c in others.items()},
            matcher,
            others,
            without,
            kept_gaps,
            kept_joined,
        )
    return specs


def leave_one_set_out(
    collected: Mapping[str, Collected], matcher: str
) -> dict[str, list[tuple[str, str]]]:
    """For each set, its verdicts from a decision fitted on every other set."""
    specs = fold_specs(collected, matcher)
    return {name: verdicts(specs[name], found, matcher) for name, found in collected.items()}


def same_passage(truth: str, quoted: str) -> bool:
    """Whether a labeller's quote and a passage are the same text: one holds the other, or
    nearly (PDF line breaks and hyphens differ), whatever the spacing and case."""
    from rapidfuzz import fuzz

    a, b = " ".join(truth.lower().split()), " ".join(quoted.lower().split())
    return a in b or b in a or fuzz.partial_ratio(a, b) >= 90
