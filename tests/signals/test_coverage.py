"""Coverage is scored only where it can be a best, and the bests the decision reads stay exact."""

from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from alignck.decision import EMBEDDING_FEATURES, Signals, document_features
from alignck.signals import coverage
from alignck.signals.coverage import FacetTokens, allowed, candidates, scored, token_weights
from alignck.signals.embedding import FrameworkVectors

DIMENSIONS = 8
# Tolerance for the same dot products summed by BLAS in differently shaped products.
FLOAT32_ULPS = 1e-6


def _unit(rng: np.random.Generator, rows: int) -> np.ndarray:
    vectors = rng.normal(size=(rows, DIMENSIONS)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _words(rng: np.random.Generator, lengths: list[int]) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(rng.integers(1000, 1030, size=n), _unit(rng, n)) for n in lengths]


def _bests(values: np.ndarray, owner: np.ndarray, groups: list[np.ndarray]) -> np.ndarray:
    """Each priority's best over each group's allowed passages: what the decision reads."""
    found = []
    for group in groups:
        masked = np.where(np.broadcast_to(group, values.shape), values, -np.inf)
        found.append([masked[:, owner == k].max() for k in range(owner.max() + 1)])
    return np.array(found)


@st.composite
def documents(draw: st.DrawFn) -> dict:
    seed = draw(st.integers(0, 2**32 - 1))
    passages = draw(st.integers(1, 14))
    facets_per_priority = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
    return {
        "rng": np.random.default_rng(seed),
        "passage_lengths": draw(st.lists(st.integers(0, 5), min_size=passages, max_size=passages)),
        "facets_per_priority": facets_per_priority,
        "committed": draw(st.lists(st.booleans(), min_size=passages, max_size=passages)),
        "exclusions": draw(st.booleans()),
    }


def _setup(doc: dict) -> tuple:
    rng = doc["rng"]
    owner = np.repeat(np.arange(len(doc["facets_per_priority"])), doc["facets_per_priority"])
    words = _words(rng, doc["passage_lengths"])
    facets = FacetTokens.of(_words(rng, list(rng.integers(1, 5, size=len(owner)))), DIMENSIONS)
    count = len(words)
    weights = token_weights(words, np.ones(count, dtype=np.int64), facets.ids)
    rows = np.arange(count)
    excluded = np.zeros((count, len(doc["facets_per_priority"])), dtype=bool)
    if doc["exclusions"]:
        excluded = rng.random(excluded.shape) < 0.3
    committed = np.array(doc["committed"], dtype=bool)
    groups = [
        allowed(rows, count, members, excluded, owner)
        for members in (np.ones(count, dtype=bool), committed)
    ]
    return words, facets, weights, owner, groups


@settings(max_examples=60, deadline=None)
@given(documents())
def test_pruned_bests_equal_the_exact_ones_when_cosine_ranks_coverage(doc: dict) -> None:
    words, facets, weights, owner, groups = _setup(doc)
    every = np.ones((len(words), len(owner)), dtype=bool)
    exact = scored(words, facets, weights, every, owner)
    with mock.patch.object(coverage, "CLOSEST", 2):
        # A perfect proxy: ranked by the coverage itself (a passage without tokens, -1, last).
        pruned = scored(words, facets, weights, candidates(exact, groups), owner)
    assert np.allclose(_bests(pruned, owner, groups), _bests(exact, owner, groups), atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(documents(), st.integers(0, 2**32 - 1))
def test_whatever_the_ranking_unscored_pairs_never_raise_a_best(doc: dict, seed: int) -> None:
    words, facets, weights, owner, groups = _setup(doc)
    every = np.ones((len(words), len(owner)), dtype=bool)
    exact = scored(words, facets, weights, every, owner)
    cosine = np.random.default_rng(seed).uniform(-1, 1, size=exact.shape)
    with mock.patch.object(coverage, "CLOSEST", 2):
        chosen = candidates(cosine, groups)
    pruned = scored(words, facets, weights, chosen, owner)
    # Scored pairs are exact; the others are UNSCORED, at or below any coverage.
    assert np.allclose(pruned[chosen], exact[chosen], atol=FLOAT32_ULPS)
    assert (pruned[~chosen] == coverage.UNSCORED).all()
    assert (_bests(pruned, owner, groups) <= _bests(exact, owner, groups) + FLOAT32_ULPS).all()
    # Each facet's two closest allowed passages of each group are scored.
    for group in groups:
        allowed_here = np.broadcast_to(group, cosine.shape)
        for facet in range(cosine.shape[1]):
            ranked = np.flatnonzero(allowed_here[:, facet])
            closest = ranked[np.argsort(-cosine[ranked, facet], kind="stable")][:2]
            assert chosen[closest, facet].all()


def test_a_short_document_is_scored_whole() -> None:
    rng = np.random.default_rng(3)
    cosine = rng.uniform(-1, 1, size=(coverage.CLOSEST, 5))
    everyone = np.ones((coverage.CLOSEST, 1), dtype=bool)
    assert candidates(cosine, [everyone]).all()


def test_an_excluded_passage_takes_no_place_among_the_closest() -> None:
    rows = np.arange(4)
    excluded = np.array([[True, False], [False, False], [False, False], [False, False]])
    mask = allowed(rows, 4, np.ones(4, dtype=bool), excluded, np.arange(2))
    cosine = np.array([[0.9, 0.9], [0.8, 0.8], [0.1, 0.1], [0.0, 0.0]])
    with mock.patch.object(coverage, "CLOSEST", 2):
        chosen = candidates(cosine, [mask])
    assert chosen[:, 0].tolist() == [False, True, True, False]
    assert chosen[:, 1].tolist() == [True, True, False, False]


TOPICS = (
    "people who smoke",
    "children's teeth",
    "damp and cold homes",
    "bus routes to the hospital",
    "loneliness in later life",
    "school meals",
    "air pollution near schools",
    "debt advice",
    "carers' breaks",
    "walking and cycling",
    "hospital discharge",
    "mental health crisis care",
    "drug and alcohol services",
    "apprenticeships for young people",
    "food banks",
    "falls among older people",
    "childhood vaccinations",
    "fuel poverty",
)
FRAMES = (
    "We will reduce the harm from {}.",
    "Our plan puts {} at the centre of neighbourhood work.",
    "Partners measured {} last year.",
    "A new team will look after {} from April.",
    "Residents told us about {}.",
    "The council funds a service for {}.",
    "Volunteers help with {} every week.",
    "We will publish figures on {} each quarter.",
)


def _signals(vectors: FrameworkVectors, texts: list[str], roles: tuple[str, ...]) -> Signals:
    committed = [role == "commitment" for role in roles]
    cosine, covered = vectors.similarities(texts, committed)
    empty = np.zeros(cosine.shape)
    return Signals(empty, empty.astype(bool), roles, cosine, (8,) * len(texts), covered)


def test_a_long_document_keeps_the_bests_the_decision_reads() -> None:
    texts = [frame.format(topic) for topic in TOPICS for frame in FRAMES]
    assert len(set(texts)) > coverage.CLOSEST
    roles = tuple("commitment" if t.startswith("We will") else "context" for t in texts)
    vectors = FrameworkVectors(
        [
            ["Smokefree generation", "Fewer people smoke, and fewer children start."],
            ["Warm homes", "No one lives in a cold or damp home."],
            ["Active travel", "More journeys on foot or by bike."],
        ]
    )
    pruned = _signals(vectors, texts, roles)
    with mock.patch.object(coverage, "CLOSEST", len(texts)):
        exact = _signals(vectors, texts, roles)
    assert (pruned.coverage == coverage.UNSCORED).sum() > (exact.coverage == -1).sum()
    for pick in (lambda s: s, lambda s: s.committed()):
        assert np.allclose(
            document_features(pick(pruned), EMBEDDING_FEATURES),
            document_features(pick(exact), EMBEDDING_FEATURES),
            rtol=0,
            atol=FLOAT32_ULPS,
        )
