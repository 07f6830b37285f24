"""The fitted weighing of list candidates: which lists hold a document's stated priorities.

The weights come from ``src/alignck/data/extraction.json``, written by
``scripts/fit_extraction.py`` from the labelled sets; this module only applies them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from alignck.extract._common import make_statement
from alignck.extract._lists import FEATURES, ListCandidate, list_candidates
from alignck.model import Block, Statement


@dataclass(frozen=True, slots=True)
class ListModel:
    """Logistic-regression weights over ``FEATURES`` and the probability a list must reach."""

    weights: tuple[float, ...]
    cutoff: float = 0.5
    version: str = ""

    def probability(self, candidate: ListCandidate) -> float:
        logit = sum(w * x for w, x in zip(self.weights, candidate.features, strict=True))
        return 1.0 / (1.0 + math.exp(-logit))


@lru_cache(maxsize=1)
def shipped_model() -> ListModel | None:
    """The model fitted on every labelled set; None when no fitted file ships (a fresh fit)."""
    try:
        text = resources.files("alignck.data").joinpath("extraction.json").read_text("utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError("extraction.json was fitted on other features: run fit_extraction.py")
    return ListModel(tuple(data["weights"]), data["cutoff"], data["version"])


def scored_lists(
    blocks: tuple[Block, ...], model: ListModel, taken: Collection[int | None] = ()
) -> Iterator[Statement]:
    """The items of every list the model takes, each naming the lead-in it sits under; a list
    with an item in a ``taken`` paragraph is left alone."""
    for candidate in list_candidates(blocks):
        if any(item.number in taken for item, _ in candidate.items):
            continue
        if model.probability(candidate) < model.cutoff:
            continue
        for item, name in candidate.items:
            statement = make_statement(name, item, candidate.why)
            if statement:
                yield statement
