"""Signals: each one sees one kind of evidence that a passage addresses a priority.

A signal turns the passages of one document and the priorities of one framework into a
passages × priorities matrix of evidence. Signals know nothing of verdicts: the fitted
decision (:mod:`alignck.decision`) combines them. Each has an id, listed in :data:`SIGNALS`;
a matcher names the signals it uses, and reports say which matcher produced them.

- ``terms`` (:meth:`alignck.match.Matcher.passage_scores`, over :mod:`alignck.similarity`):
  shared words, weighted by how rare they are.
- ``embedding`` (:mod:`alignck.signals.embedding`): the meaning of the whole sentence, from a
  small sentence-embedding model; only with the ``semantic`` extra installed.
"""

from __future__ import annotations

SIGNALS: dict[str, str] = {
    "terms": "shared words weighted by rarity, keywords and aliases as phrases, themes",
    "embedding": "cosine similarity of sentence embeddings (all-MiniLM-L6-v2, int8 ONNX)",
}

MATCHERS: dict[str, tuple[str, ...]] = {
    "lexical": ("terms",),
    "semantic": ("terms", "embedding"),
}


def available_matcher(requested: str = "auto") -> str:
    """The matcher a run uses: ``auto`` is ``semantic`` when its model is installed."""
    from alignck.errors import UsageError

    if requested == "auto":
        import os

        from alignck.signals.embedding import model_available

        if not os.environ.get("ALIGNCK_EMBEDDING_MODEL"):
            return "semantic" if model_available() else "lexical"
        # Asked for a model by name: a mistyped path must not turn every verdict into the
        # words-only matcher's without a word.
        requested = "semantic"
    if requested not in MATCHERS:
        raise UsageError(f"unknown matcher {requested!r}; choose from auto, {', '.join(MATCHERS)}")
    if requested == "semantic":
        from alignck.signals.embedding import missing_reason

        reason = missing_reason()
        if reason:
            raise UsageError(f"the semantic matcher needs {reason}")
    return requested
