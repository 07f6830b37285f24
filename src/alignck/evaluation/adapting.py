"""Fit the adapter of :mod:`alignck.signals.adapter` on labelled data.

A labelled set teaches it three kinds of passage × priority pair:
- *for*: the passages holding the labeller's quote for a pair labelled yes or partial;
- *against*: the passages of a document labelled as not addressing a priority that came
  closest to it in meaning (the ones a plain cosine would mistake for it);
- *far against*: each set holds one document from a far domain (waste, minerals, tourism);
  the priorities it states stand for a framework the partners' documents do not address, and
  each partner document's passage closest to each of them is a pair against. Without these,
  the adapter learned to lift whatever sounds like a public service's commitment ("increase
  capacity", "improve access") towards any priority, a transport plan's too.
Each pair is scored against the priority's facet it is closest to, and a logistic model of the
corrected closeness is fitted with every set weighing the same (its two kinds of pair half each),
so a large set does not drown a small one. The rank and the weight decay were chosen by
leave-sets-out figures on the 66 systems of the time and checked on five more never fitted on
(docs/accuracy.md). Fitting is deterministic: a fixed start and a full-batch optimiser.

:func:`cross_fitted` gives each set an adapter fitted without it (and without the others of its
fold), so the decision is fitted on closeness figures that behave as they will on documents the
adapter has never seen, and every left-out figure stays left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignck.signals.adapter import Adapter

RANK = 16
L2 = 0.01
FOLDS = 6
QUOTED_PASSAGES = 3
CLOSEST_AGAINST = 5
FAR_AGAINST = 1
MIN_TEXT_CHARS = 15
_ITERATIONS = 300


@dataclass(frozen=True)
class Pairs:
    """One set's training pairs: passage and facet vectors, row by row, and which are *for*."""

    passages: Any
    facets: Any
    positive: Any


def quoted(texts: Sequence[str], quote: str) -> list[int]:
    """The passages that are the quote, by the test the evidence hit uses (one holds the
    other, nearly); a quote or passage too short to place teaches nothing."""
    from alignck.evaluation.fitting import same_passage

    if len(quote.strip()) < MIN_TEXT_CHARS:
        return []
    found = [
        i
        for i, text in enumerate(texts)
        if len(text.strip()) >= MIN_TEXT_CHARS and same_passage(quote, text)
    ]
    return found[:QUOTED_PASSAGES]


def training_pairs(location: Path, far: bool = True) -> Pairs:
    """The *for* and *against* pairs of one labelled set, with its own framework's labels, and
    (``far``) the *far against* pairs. A label without a quote teaches nothing."""
    import numpy as np

    from alignck.evaluation.dataset import load_dataset
    from alignck.facets import area_names
    from alignck.framework import load_framework
    from alignck.reading import prepare
    from alignck.signals.embedding import embedder, facet_texts

    dataset = load_dataset(location)
    framework = load_framework(dataset.framework)
    area = area_names(framework)
    model = embedder()
    facets = {
        p.id: model.embed(facet_texts(p.title, p.description, p.aliases, area))
        for p in framework.priorities
    }
    far_facets = _far_facets(dataset, model) if far else None
    rows: list[tuple[Any, Any, bool]] = []
    for truth in dataset.documents:
        texts = [p.text for p in getattr(prepare(truth.path), "passages", [])]
        if not texts:
            continue
        vectors = model.embed(texts)
        if far_facets is not None and not truth.negative:
            rows.extend((vectors[i], facet, False) for i, facet in _closest(vectors, far_facets))
        for priority_id, label in truth.aligns.items():
            if priority_id not in facets:
                continue
            cosine = vectors @ facets[priority_id].T
            if label.label == "no":
                chosen = np.argsort(-cosine.max(axis=1), kind="stable")[:CLOSEST_AGAINST]
            else:
                chosen = np.array(quoted(texts, label.evidence or ""), dtype=int)
            for i in chosen.tolist():
                facet = facets[priority_id][int(cosine[i].argmax())]
                rows.append((vectors[i], facet, label.label != "no"))
    if not rows:
        empty = np.zeros((0, 0))
        return Pairs(empty, empty, np.zeros(0, dtype=bool))
    return Pairs(
        np.array([r[0] for r in rows], dtype=float),
        np.array([r[1] for r in rows], dtype=float),
        np.array([r[2] for r in rows], dtype=bool),
    )


def far_domain_priorities(dataset: Any) -> list[str]:
    """The priorities a labelled set's far-domain documents state, long enough to place."""
    return [
        text
        for truth in dataset.documents
        if truth.negative
        for text in truth.stated
        if len(text.strip()) >= MIN_TEXT_CHARS
    ]


def _far_facets(dataset: Any, model: Any) -> Any:
    """The priorities the set's far-domain documents state, embedded, or None."""
    stated = far_domain_priorities(dataset)
    return model.embed(stated) if stated else None


def _closest(vectors: Any, facets: Any) -> list[tuple[int, Any]]:
    """For each facet, the passages closest to it, as (passage, facet vector)."""
    import numpy as np

    cosine = vectors @ facets.T
    return [
        (int(i), facets[j])
        for j in range(facets.shape[0])
        for i in np.argsort(-cosine[:, j], kind="stable")[:FAR_AGAINST]
    ]


def fit_adapter(pairs_by_set: Mapping[str, Pairs]) -> Adapter:
    """The adapter fitted on the given sets' pairs (sets without both kinds teach nothing)."""
    import numpy as np

    from alignck.scipy_import import optimize

    minimize = optimize().minimize

    usable = [p for p in pairs_by_set.values() if p.positive.any() and (~p.positive).any()]
    passages = np.concatenate([p.passages for p in usable])
    facets = np.concatenate([p.facets for p in usable])
    target = np.concatenate([p.positive for p in usable]).astype(float)
    weight = np.concatenate([_balanced(p.positive) for p in usable])
    weight /= weight.sum()
    cosine = (passages * facets).sum(axis=1)
    dims = passages.shape[1]
    size = dims * RANK

    def loss(x: Any) -> tuple[float, Any]:
        u, v = x[:size].reshape(dims, RANK), x[size : 2 * size].reshape(dims, RANK)
        scale, bias = x[-2:]
        pu, fv = passages @ u, facets @ v
        closeness = cosine + (pu * fv).sum(axis=1)
        p = 1.0 / (1.0 + np.exp(-np.clip(scale * closeness + bias, -30, 30)))
        value = -(weight * (target * np.log(p + 1e-12) + (1 - target) * np.log(1 - p + 1e-12)))
        value = value.sum() + L2 * float((x[:-2] ** 2).sum())
        residual = weight * (p - target)
        inner = (residual * scale)[:, None]
        grad = np.concatenate(
            [
                (passages.T @ (inner * fv)).ravel() + 2 * L2 * x[:size],
                (facets.T @ (inner * pu)).ravel() + 2 * L2 * x[size : 2 * size],
                [float((residual * closeness).sum()), float(residual.sum())],
            ]
        )
        return value, grad

    start = np.concatenate([np.random.default_rng(0).normal(0, 0.01, 2 * size), [10.0, -4.0]])
    found = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": _ITERATIONS})
    u = found.x[:size].reshape(dims, RANK)
    v = found.x[size : 2 * size].reshape(dims, RANK)
    return Adapter(u.astype(np.float32), v.astype(np.float32))


def _balanced(positive: Any) -> Any:
    import numpy as np

    return np.where(positive, 0.5 / max(positive.sum(), 1), 0.5 / max((~positive).sum(), 1))


def folds(names: Sequence[str]) -> list[list[str]]:
    """The sets in :data:`FOLDS` groups, every FOLDS-th set together, in the order given."""
    return [list(names[i::FOLDS]) for i in range(FOLDS)]


def cross_fitted(pairs_by_set: Mapping[str, Pairs]) -> dict[str, Adapter]:
    """For each set, an adapter fitted on the other folds' sets only."""
    names = list(pairs_by_set)
    adapters: dict[str, Adapter] = {}
    for fold in folds(names):
        if not fold:
            continue
        adapter = fit_adapter({n: p for n, p in pairs_by_set.items() if n not in fold})
        adapters.update(dict.fromkeys(fold, adapter))
    return adapters
