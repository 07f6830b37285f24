"""A review file as an evaluation dataset: each reviewed verdict is a label.

Officers' corrections (see :mod:`alignck.reviews`) are what a partnership itself judges its
documents to say, so they measure alignck on those documents: aligned is labelled 'yes',
partial 'partial', gap 'no'. Only reviewed pairs are scored; alignck's own verdicts are the
machine's (reviews are not applied to the run being measured).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alignck.errors import DatasetError
from alignck.evaluation.dataset import Dataset, Label, TruthDocument
from alignck.model import Review, Status
from alignck.readers import discover
from alignck.reviews import matches

LABEL_OF: dict[Status, str] = {"aligned": "yes", "partial": "partial", "gap": "no"}


def dataset_from_reviews(
    reviews: Sequence[Review], source: Path, framework: Path, paths: Sequence[Path]
) -> Dataset:
    """The documents under ``paths`` that reviews are about, labelled by those reviews (the
    first review of a document and priority wins, as when checking)."""
    documents = []
    found = discover(paths, False)
    for named in found.unsupported:
        # A path given that is missing or no document: the measure would quietly leave it out.
        raise DatasetError(named.reason, named.path)
    for path in found.files:
        labels: dict[str, Label] = {}
        for review in reviews:
            if review.priority_id not in labels and matches(review, str(path)):
                labels[review.priority_id] = Label(LABEL_OF[review.verdict])
        if labels:
            documents.append(TruthDocument(str(path), path, (), (), (), labels, False, False))
    if not documents:
        where = ", ".join(map(str, paths))
        raise DatasetError(f"no review is about a document in {where}", str(source))
    return Dataset(source, framework.resolve(), tuple(documents))
