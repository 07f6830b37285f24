"""A fitted low-rank correction to how close in meaning a passage is to a priority.

The sentence model was trained on general web text, not on strategies. The decision's labelled
data says, passage by passage, which sentences partners wrote for a priority (the labellers'
quotes) and which came closest without addressing it (the best passages of documents labelled
as not addressing it). The adapter is fitted on those pairs (:mod:`alignck.evaluation.adapting`)
and adds a bilinear term to the cosine: ``p·f + (p U)·(f V)`` for a passage vector ``p`` and a
facet vector ``f``, with ``U`` and ``V`` of a few columns each. It ships inside the decision
file (``data/decision.json``) with the models fitted on its scores, so one version names both.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Where a matcher is given no adapter of its own: the one its decision was fitted with.
FROM_DECISION = "decision"


@dataclass(frozen=True, eq=False)
class Adapter:
    """``passages`` (dimensions × rank) maps passage vectors, ``facets`` facet vectors."""

    passages: Any
    facets: Any

    def facet_side(self, vectors: Any) -> Any:
        """What a framework's facet vectors contribute, worked out once per framework."""
        return vectors @ self.facets

    def scores(self, passages: Any, facets: Any, facet_side: Any) -> Any:
        """passages × facets: the cosine with the fitted correction added."""
        return passages @ facets.T + (passages @ self.passages) @ facet_side.T


def adapter_from(spec: Mapping[str, Any] | None) -> Adapter | None:
    """The adapter as the decision file holds it, or None where it holds none."""
    if not spec:
        return None
    return Adapter(_matrix(spec["passages"], spec["rank"]), _matrix(spec["facets"], spec["rank"]))


def adapter_spec(adapter: Adapter) -> dict[str, Any]:
    """The adapter as data: each matrix as its float32 bytes in base64, so the decision file
    holds the fitted values exactly and stays small and quick to parse (as numbers, one per
    line, it was four times the size)."""
    return {
        "rank": int(adapter.passages.shape[1]),
        "encoding": "float32 little-endian, row by row, base64",
        "passages": _encoded(adapter.passages),
        "facets": _encoded(adapter.facets),
    }


def _encoded(matrix: Any) -> str:
    import numpy as np

    return base64.b64encode(np.ascontiguousarray(matrix, dtype="<f4").tobytes()).decode("ascii")


def _matrix(text: str, rank: int) -> Any:
    import numpy as np

    return np.frombuffer(base64.b64decode(text), dtype="<f4").reshape(-1, rank).copy()
