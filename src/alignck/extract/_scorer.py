"""The fitted weighing of candidates: which lists, and which sentences that enumerate, hold a
document's stated priorities, and where nothing does, which sentences state its aims.

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
from typing import Any, TypeVar

from alignck.extract._aims import AIM_FEATURES, AimCandidate, aim_candidates
from alignck.extract._common import (
    is_document_part,
    location,
    make_statement,
    never_lists_priorities,
)
from alignck.extract._lists import FEATURES, ListCandidate, list_candidates
from alignck.extract._prose import SENTENCE_FEATURES, SentenceCandidate, sentence_candidates
from alignck.model import AIM_RULE, Block, Statement

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ListModel:
    """Logistic-regression weights over ``FEATURES`` and the probability a list must reach."""

    weights: tuple[float, ...]
    cutoff: float = 0.5
    version: str = ""
    # The probability a document's likeliest candidate must reach where none reaches
    # ``cutoff`` (above 1: never taken for being the likeliest).
    best: float = 2.0

    def probability(self, candidate: ListCandidate | SentenceCandidate) -> float:
        return _logistic(self.weights, candidate.features)


@dataclass(frozen=True, slots=True)
class AimModel:
    """Logistic-regression weights over ``AIM_FEATURES``: a document's ``most`` likeliest
    sentences that reach ``cutoff`` state its aims (above 1: none is ever taken)."""

    weights: tuple[float, ...]
    cutoff: float = 2.0
    most: int = 1

    def probability(self, candidate: AimCandidate) -> float:
        return _logistic(self.weights, candidate.features)


def _logistic(weights: tuple[float, ...], features: tuple[float, ...]) -> float:
    logit = sum(w * x for w, x in zip(weights, features, strict=True))
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
    return ListModel(tuple(data["weights"]), data["cutoff"], data["version"], data.get("best", 2.0))


def shipped_sentence_model() -> ListModel | None:
    """The sentence model fitted on every labelled set; None when none ships."""
    data = _shipped()
    fitted = data.get("sentences") if data else None
    if data is None or not isinstance(fitted, dict):
        return None
    if tuple(fitted["features"]) != SENTENCE_FEATURES:
        raise ValueError("extraction.json was fitted on other features: run fit_extraction.py")
    return ListModel(
        tuple(fitted["weights"]), fitted["cutoff"], data["version"], fitted.get("best", 2.0)
    )


def shipped_aim_model() -> AimModel | None:
    """The aim model fitted on every labelled set; None when none ships."""
    data = _shipped()
    fitted = data.get("aims") if data else None
    if not isinstance(fitted, dict):
        return None
    if tuple(fitted["features"]) != AIM_FEATURES:
        raise ValueError("extraction.json was fitted on other features: run fit_extraction.py")
    return AimModel(tuple(fitted["weights"]), fitted["cutoff"], fitted["most"])


def likeliest_aims(blocks: tuple[Block, ...], model: AimModel) -> list[Statement]:
    """The document's likeliest sentences stating an aim, at most ``model.most`` of them and
    each reaching ``model.cutoff``, in document order."""
    scored = [(model.probability(c), order, c) for order, c in enumerate(aim_candidates(blocks))]
    scored.sort(key=lambda found: (-found[0], found[1]))
    chosen = sorted((order, c) for p, order, c in scored[: model.most] if p >= model.cutoff)
    return [Statement(c.text, "priority", location(c.block, c.text), AIM_RULE) for _, c in chosen]


def scored_lists(
    blocks: tuple[Block, ...], model: ListModel, taken: Collection[int | None] = ()
) -> Iterator[Statement]:
    """The items of every list the model takes, each naming the lead-in it sits under; a list
    with an item in a ``taken`` paragraph is left alone, and so is one under a part whose
    list is never priorities ('Contents' on a line of its own, 'Our values')."""
    for candidate in list_candidates(blocks):
        if any(item.number in taken for item, _ in candidate.items):
            continue
        if never_lists_priorities(candidate.lead):
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


def best_list(
    blocks: tuple[Block, ...], model: ListModel, taken: Collection[int | None] = ()
) -> Iterator[Statement]:
    """The items of the document's likeliest list, where it reaches ``model.best``; never a
    list whose heading or lead-in names a part every document has ('Our values'), which the
    rules never take either."""
    scored = [
        (model.probability(c), order, c)
        for order, c in enumerate(list_candidates(blocks))
        if not any(item.number in taken for item, _ in c.items) and not is_document_part(c.lead)
    ]
    chosen = _likeliest(scored, model.best)
    if chosen is None:
        return
    for item, name in chosen.items:
        statement = make_statement(name, item, f"{chosen.why} (the likeliest list)")
        if statement:
            yield statement


def best_sentence(blocks: tuple[Block, ...], model: ListModel) -> Iterator[Statement]:
    """The parts of the document's likeliest enumerating sentence, where it reaches
    ``model.best``."""
    candidates = enumerate(sentence_candidates(blocks))
    chosen = _likeliest([(model.probability(c), order, c) for order, c in candidates], model.best)
    if chosen is None:
        return
    for name in chosen.items:
        statement = make_statement(name, chosen.block, f"{chosen.why} (the likeliest sentence)")
        if statement:
            yield statement


def _likeliest(scored: list[tuple[float, int, _T]], cutoff: float) -> _T | None:
    """The candidate of highest probability, the first of equals, if it reaches the cut-off."""
    if not scored:
        return None
    probability, _, candidate = max(scored, key=lambda found: (found[0], -found[1]))
    return candidate if probability >= cutoff else None
