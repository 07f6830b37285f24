"""One decision: signals' evidence in, aligned / partial / gap out, with its reasons.

For a document × priority, the signals' passage-level evidence (:mod:`alignck.signals`) is
summarised as a few features: the best role-weighted word score, the best committed one, how
many passages reach it, and with the semantic matcher the best cosine, the best committed
cosine and how specific the best passage is to this priority rather than the others. Two
logistic models, fitted on labelled data by ``scripts/fit_decision.py`` and shipped as
``data/decision.json`` with the data they were fitted on, turn the features into the
probability that the document addresses the priority (labelled yes or partial), and the same
features of its commitments alone into the probability that it commits to it (labelled yes).
The cut-offs chosen in fitting are folded into the models, so a probability of 0.5 is the
fitted default for both thresholds. A third model, the ground model, judges each passage on
its own: the probability that it is evidence for the priority, fitted on the passages
labellers quoted against the passages of documents labelled as not addressing it; a verdict
rests on the passages it rates at 0.5 or more, and they are its evidence. This module does
not read documents or score passages; it only weighs what the signals found.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from alignck.interning import shared_float
from alignck.model import Reason
from alignck.signals.adapter import Adapter, adapter_from

ROLE_WEIGHTS: dict[str, float] = {
    "priority": 1.0,
    "commitment": 1.0,
    "context": 0.7,
    "achievement": 0.35,
    "negated": 0.0,
}
COMMITTED_ROLES = ("priority", "commitment")
LENGTH_PENALTY = 0.15
# A passage counts towards "how many passages" from this role-weighted word score.
COUNT_FLOOR = 0.085
FEATURE_SIGNALS: dict[str, str] = {
    "terms_best": "terms",
    "terms_committed": "terms",
    "terms_count": "terms",
    "embedding_best": "embedding",
    "embedding_committed": "embedding",
    "embedding_specific": "embedding",
    "coverage_best": "embedding",
    "coverage_many": "embedding",
    # How many passages the best was the best of: it weighs the two above.
    "passages_log": "embedding",
    "ground_terms": "terms",
    "ground_terms_single": "terms",
    "ground_share": "terms",
    "ground_committed": "roles",
    "ground_context": "roles",
    "ground_words": "roles",
    "ground_cosine": "embedding",
    "ground_margin": "embedding",
    "ground_cosine_committed": "embedding",
    # One word in common, weighed by meaning: without the word, there is nothing to weigh.
    "ground_single_margin": "terms",
}
# The document features each signal gives, in the order the fitted models read them.
TERM_FEATURES = ("terms_best", "terms_committed", "terms_count")
EMBEDDING_FEATURES = (
    "embedding_best",
    "embedding_committed",
    "embedding_specific",
    "coverage_best",
    "coverage_many",
    "passages_log",
)
# What makes one passage a ground for a verdict on one priority: the features of the ground
# model, fitted on the passages labellers quoted as evidence against the passages of documents
# labelled as not addressing the priority at all.
GROUND_FEATURES: dict[str, tuple[str, ...]] = {
    "lexical": (
        "ground_terms",
        "ground_terms_single",
        "ground_share",
        "ground_committed",
        "ground_context",
        "ground_words",
    ),
    "semantic": (
        "ground_terms",
        "ground_terms_single",
        "ground_share",
        "ground_committed",
        "ground_context",
        "ground_words",
        "ground_cosine",
        "ground_margin",
        "ground_cosine_committed",
        "ground_single_margin",
    ),
}


@dataclass(frozen=True, slots=True)
class Signals:
    """What the signals found in one document: passages × priorities matrices."""

    terms: Any
    substantive: Any
    roles: tuple[str, ...]
    embedding: Any | None = None
    # Each passage's length in words.
    words: tuple[int, ...] = ()
    # passages × priorities: how much of a priority's wording each passage covers, in context;
    # scored only where it can be a priority's best over the passages or over the committed
    # ones, and below any coverage elsewhere (alignck.signals.coverage): read only its maxima.
    coverage: Any | None = None

    def committed(self) -> Signals:
        """Only the passages that commit (stated priorities and commitments): whether a
        document commits to a priority is whether its commitments address it."""
        keep = committed_mask(self.roles)
        embedding = None if self.embedding is None else self.embedding[keep]
        roles = tuple(r for r in self.roles if r in COMMITTED_ROLES)
        words = tuple(
            w for w, r in zip(self.words, self.roles, strict=False) if r in COMMITTED_ROLES
        )
        coverage = None if self.coverage is None else self.coverage[keep]
        return Signals(self.terms[keep], self.substantive[keep], roles, embedding, words, coverage)


@dataclass(frozen=True)
class Model:
    """One fitted logistic model over named, standardised features."""

    features: tuple[str, ...]
    mean: Any
    scale: Any
    weights: Any
    bias: float

    def logits(self, matrix: Any) -> Any:
        return ((matrix - self.mean) / self.scale) @ self.weights + self.bias

    def probability(self, matrix: Any) -> Any:
        import numpy as np

        return 1.0 / (1.0 + np.exp(-self.logits(matrix)))

    def reasons(self, row: Any) -> tuple[Reason, ...]:
        return self.reasons_of_rows(row[None, :])[0]

    def reasons_of_rows(self, matrix: Any) -> list[tuple[Reason, ...]]:
        """Each row's features with their contributions to the logit, strongest first; the
        contributions of every row at once (300 priorities, one document)."""
        contributions = ((matrix - self.mean) / self.scale * self.weights).tolist()
        signals = [FEATURE_SIGNALS[name] for name in self.features]
        found = []
        for values, parts in zip(matrix.tolist(), contributions, strict=True):
            reasons = [
                Reason(signal, name, shared_float(round(v, 4)), shared_float(round(c, 3)))
                for signal, name, v, c in zip(signals, self.features, values, parts, strict=True)
            ]
            found.append(tuple(sorted(reasons, key=lambda r: (-abs(r.contribution), r.feature))))
        return found


@dataclass(frozen=True)
class Decision:
    """The fitted models of one matcher: whether a document addresses a priority, whether it
    commits to it, and which of its passages are grounds for saying so."""

    addressed: Model
    strong: Model
    ground: Model
    version: str
    # The fitted correction to closeness in meaning these models were fitted on, if any.
    adapter: Adapter | None = None

    @property
    def features(self) -> tuple[str, ...]:
        return self.addressed.features


def model_from(spec: Mapping[str, Any], features: tuple[str, ...] = ()) -> Model:
    """One model as data/decision.json (and the fitting script) hold it."""
    import numpy as np

    return Model(
        features,
        np.array(spec["mean"], dtype=float),
        np.array(spec["scale"], dtype=float),
        np.array(spec["weights"], dtype=float),
        float(spec["bias"]),
    )


@functools.cache
def _shipped() -> tuple[dict[str, Any], str]:
    raw = (resources.files("alignck") / "data" / "decision.json").read_bytes()
    return json.loads(raw), hashlib.sha256(raw).hexdigest()[:12]


def decision_version(matcher: str) -> str:
    """The shipped decision's version, without loading numpy: a fully cached run needs only
    this, to find its cached results."""
    data, digest = _shipped()
    if matcher not in data["matchers"]:
        raise KeyError(matcher)
    return f"{data['version']}+{digest}"


def shipped_adapter(matcher: str) -> bool:
    """Whether the shipped decision for a matcher corrects closeness in meaning with an
    adapter, without loading numpy."""
    return bool(_shipped()[0]["matchers"][matcher].get("adapter"))


def decision_for(matcher: str, spec: dict[str, Any] | None = None) -> Decision:
    """The shipped decision for a matcher, or one given as the fitting script writes it."""
    data, digest = (spec, "custom") if spec is not None else _shipped()
    entry = data["matchers"][matcher]
    features = tuple(entry["features"])
    return Decision(
        model_from(entry["addressed"], features),
        model_from(entry["strong"], features),
        model_from(entry["ground"], tuple(entry["ground"]["features"])),
        f"{data['version']}+{digest}",
        adapter_from(entry.get("adapter")),
    )


def document_features(signals: Signals, features: tuple[str, ...]) -> Any:
    """priorities × features for one document."""
    import numpy as np

    columns = {**_term_features(signals), **_embedding_features(signals)}
    return np.stack([columns[name] for name in features], axis=1)


def ground_features(signals: Signals, features: tuple[str, ...]) -> Any:
    """passages × priorities × features: each passage judged as a ground on its own, by what
    it shares with the priority (words, meaning), how much more than with the framework's other
    priorities, and what kind of passage it is."""
    import numpy as np

    count, priorities = signals.terms.shape
    if not count:
        return np.zeros((0, priorities, len(features)))
    cells = np.nonzero(np.ones((count, priorities), dtype=bool))
    return ground_features_at(signals, features, cells).reshape(count, priorities, len(features))


def ground_features_at(signals: Signals, features: tuple[str, ...], cells: Any) -> Any:
    """The ground features of the given (passage, priority) cells only, one row per cell:
    a passage can be a ground only where it shares something with a priority (:func:`near`),
    so the rest of a large framework's cells need no features at all."""
    import numpy as np

    rows, cols = cells
    terms = signals.terms[rows, cols]
    substantive = signals.substantive[rows, cols]
    best = signals.terms.max(axis=1)[rows]
    committed = committed_mask(signals.roles)[rows]
    context = np.array([r == "context" for r in signals.roles], dtype=bool)[rows]
    words = np.log1p(np.array(signals.words, dtype=float).reshape(len(signals.roles)))
    columns: dict[str, Any] = {
        # Words in common count apart from one word in common, which is weaker evidence.
        "ground_terms": np.where(substantive, terms, 0.0),
        "ground_terms_single": np.where(substantive, 0.0, terms),
        "ground_share": np.divide(terms, best, out=np.zeros_like(terms), where=best > 0),
        "ground_committed": committed.astype(float),
        "ground_context": context.astype(float),
        "ground_words": words[rows],
    }
    if signals.embedding is not None:
        cosine = signals.embedding[rows, cols]
        columns["ground_cosine"] = cosine
        columns["ground_margin"] = margin(signals.embedding)[rows, cols]
        columns["ground_cosine_committed"] = np.where(committed, cosine, 0.0)
        # One word in common, as evidence, only as far as the meaning is about the priority.
        columns["ground_single_margin"] = columns["ground_terms_single"] * columns["ground_margin"]
    return np.stack([columns[name] for name in features], axis=1).reshape(len(rows), len(features))


def near(signals: Signals) -> Any:
    """passages × priorities: where a passage shares anything with a priority at all, a word
    or a meaning closer to it than to the framework's average priority. Only these can be
    grounds, so the ground model learns to tell them apart, not them from unrelated text."""
    close = signals.terms > 0
    if signals.embedding is not None:
        close = close | (signals.embedding > signals.embedding.mean(axis=1, keepdims=True))
    return close


def margin(cosine: Any) -> Any:
    """How much closer each passage is to each priority than to the closest of the others."""
    import numpy as np

    count, priorities = cosine.shape
    if priorities < 2 or not count:
        return np.zeros_like(cosine)
    order = np.sort(cosine, axis=1)
    top, second = order[:, -1:], order[:, -2:-1]
    # The best priority is measured against the second; every other one against the best.
    return np.where(cosine >= top, cosine - second, cosine - top)


def _length_norm(count: int) -> float:
    # The best of many sentences is higher by chance alone.
    return 1.0 + LENGTH_PENALTY * math.log(max(count, 1))


def _role_weights(roles: tuple[str, ...]) -> Any:
    import numpy as np

    return np.array([ROLE_WEIGHTS[r] for r in roles], dtype=float)


def committed_mask(roles: Sequence[str]) -> Any:
    """Per passage, whether it commits (a stated priority or a commitment): the passages
    `Signals.committed` keeps."""
    import numpy as np

    return np.array([r in COMMITTED_ROLES for r in roles], dtype=bool)


def _term_features(signals: Signals) -> dict[str, Any]:
    import numpy as np

    scores = signals.terms
    if not len(signals.roles):
        zeros = np.zeros(scores.shape[1])
        return dict.fromkeys(TERM_FEATURES, zeros)
    raw = scores / _length_norm(len(signals.roles))
    weighted = raw * _role_weights(signals.roles)[:, None]
    committed = committed_mask(signals.roles)[:, None] & signals.substantive
    return {
        "terms_best": weighted.max(axis=0),
        "terms_committed": np.where(committed, raw, 0.0).max(axis=0),
        "terms_count": np.log1p((weighted >= COUNT_FLOOR).sum(axis=0)),
    }


def _no_commitment(signals: Signals) -> float:
    """The cosine a document without commitments is given: its own weakest."""
    if signals.embedding is None or not signals.embedding.size:
        return 0.0
    return float(signals.embedding.min())


def _embedding_features(signals: Signals) -> dict[str, Any]:
    import numpy as np

    if signals.embedding is None:
        return {}
    cosine = signals.embedding
    if not len(signals.roles):
        zeros = np.zeros(cosine.shape[1])
        return dict.fromkeys(EMBEDDING_FEATURES, zeros)
    committed = committed_mask(signals.roles)[:, None]
    # A negated statement ('we will not fund alcohol services') is as close in meaning to
    # the priority as the promise would be: it counts for nothing here, as it does for the
    # terms (ROLE_WEIGHTS), and stands at the document's weakest.
    affirmed = np.array([r != "negated" for r in signals.roles], dtype=bool)[:, None]
    weakest = _no_commitment(signals)
    plain = np.where(affirmed, cosine, weakest)
    covered = cosine if signals.coverage is None else signals.coverage
    coverage = np.where(affirmed, covered, covered.min() if covered.size else 0.0).max(axis=0)
    specific = cosine - cosine.mean(axis=1, keepdims=True)
    many = math.log1p(len(signals.roles))
    return {
        "embedding_best": plain.max(axis=0),
        "embedding_committed": np.where(committed, cosine, weakest).max(axis=0),
        "embedding_specific": np.where(affirmed, specific, specific.min()).max(axis=0),
        # Whether one passage covers the priority word by word: a sentence on physical health
        # is close to "physical activity" as a whole but does not cover "activity".
        "coverage_best": coverage,
        # The best of many passages is high by chance more often than the best of a few, and
        # a close sentence stands for more in a short text than in a long one: the fitted
        # weights say how much, by the number of passages.
        "coverage_many": coverage * many,
        "passages_log": np.full(cosine.shape[1], many),
    }
