"""The fitted weighing of candidates: which lists, and which sentences that enumerate, hold a
document's stated priorities.

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
from typing import Any

from alignck.extract._common import make_statement
from alignck.extract._lists import FEATURES, ListCandidate, list_candidates
from alignck.extract._prose import SENTENCE_FEATURES, SentenceCandidate, sentence_candidates
from alignck.model import Block, Statement


@dataclass(frozen=True, slots=True)
class ListModel:
    """Logistic-regression weights over ``FEATURES`` and the probability a list must reach."""

    weights: tuple[float, ...]
    cutoff: float = 0.5
    version: str = ""

    def probability(self, candidate: ListCandidate | SentenceCandidate) -> float:
        logit = sum(w * x for w, x in zip(self.weights, candidate.features, strict=True))
        return 1.0 / (1.0 + math.exp(-logit))


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any] | None:
    """The fitted file's contents; None when no fitted file ships (a fresh fit)."""
    try:
        text = resources.files("alignck.data").joinpath("extraction.json").read_text("utf-8")
    except FileNotFoundError:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


def shipped_model() -> ListModel | None:
    """The list model fitted on every labelled set; None when no fitted file ships (a fresh
    fit)."""
    data = _shipped()
    if data is None:
        return None
    if tuple(data["features"]) != FEATURES:
        raise ValueError("extraction.json was fitted on other features: run fit_extraction.py")
    return ListModel(tuple(data["weights"]), data["cutoff"], data["version"])


def shipped_sentence_model() -> ListModel | None:
    """The sentence model fitted on every labelled set; None when none ships."""
    data = _shipped()
    fitted = data.get("sentences") if data else None
    if data is None or not isinstance(fitted, dict):
        return None
    if tuple(fitted["features"]) != SENTENCE_FEATURES:
        raise ValueError("extraction.json was fitted on other features: run fit_extraction.py")
    return ListModel(tuple(fitted["weights"]), fitted["cutoff"], data["version"])


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


def scored_sentences(blocks: tuple[Block, ...], model: ListModel) -> Iterator[Statement]:
    """The parts of every enumerating sentence the model takes."""
    for candidate in sentence_candidates(blocks):
        if model.probability(candidate) < model.cutoff:
            continue
        for name in candidate.items:
            statement = make_statement(name, candidate.block, candidate.why)
            if statement:
                yield statement
