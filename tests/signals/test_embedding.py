"""The embedding signal runs the registry-shipped model (the dev install brings it)."""

from pathlib import Path

import numpy as np
import pytest

from alignck.errors import UsageError
from alignck.signals import available_matcher
from alignck.signals.embedding import (
    Embedder,
    FrameworkVectors,
    embedder,
    facet_texts,
    missing_reason,
)
from conftest import count_model_runs


def test_the_model_is_installed_with_the_dev_tools() -> None:
    assert missing_reason() is None
    assert available_matcher("auto") == "semantic"


def test_sentences_are_unit_vectors_and_similar_meanings_are_closer() -> None:
    vectors = embedder().embed(
        [
            "We will build 500 affordable homes for local families.",
            "Housing",
            "Fewer people smoke.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    homes, housing, smoking = vectors
    assert homes @ housing > homes @ smoking + 0.1


def test_embedding_is_the_same_whatever_the_batch() -> None:
    texts = [f"Sentence number {i} about parks and green spaces." for i in range(20)]
    together = embedder().embed(texts)
    alone = np.stack([embedder().embed([t])[0] for t in texts[:3]])
    assert np.allclose(together[:3], alone, atol=1e-5)


def test_no_text_gives_no_vectors() -> None:
    assert embedder().embed([]).shape == (0, 384)


def test_facets_are_the_title_the_description_and_its_sentences() -> None:
    texts = facet_texts(
        "Warm homes",
        "Fewer homes are cold and damp. Every tenant can afford to heat their home.",
        ("Housing",),
    )
    assert texts == [
        "Warm homes",
        "Warm homes. Fewer homes are cold and damp. Every tenant can afford to heat their home.",
        "Fewer homes are cold and damp.",
        "Every tenant can afford to heat their home.",
        "Housing",
    ]


def test_the_areas_own_name_is_left_out_of_the_facets_but_not_of_aliases() -> None:
    area = frozenset(["northmoor"])
    texts = facet_texts(
        "A smokefree Northmoor",
        "Helping the people of Northmoor's towns to stop smoking.",
        ("Smokefree Northmoor",),
        area,
    )
    assert texts == [
        "A smokefree",
        "A smokefree. Helping the people of towns to stop smoking.",
        "Helping the people of towns to stop smoking.",
        "Smokefree Northmoor",
    ]


def test_without_its_name_a_sentence_that_only_names_the_area_is_no_longer_close() -> None:
    description = "Helping the people of Northmoor to grow old in good health."
    launch = "The plan was launched at Northmoor's town hall with councillors and partners."
    commitment = "We will support older people to stay active and well at home."
    named = FrameworkVectors([facet_texts("Healthy ageing", description, ())])
    unnamed = FrameworkVectors(
        [facet_texts("Healthy ageing", description, (), frozenset(["northmoor"]))]
    )
    before, _ = named.similarities([launch, commitment])
    after, _ = unnamed.similarities([launch, commitment])
    assert after[0, 0] < before[0, 0] - 0.05
    assert after[1, 0] > after[0, 0] + 0.15


def test_a_passage_is_scored_by_its_closest_facet() -> None:
    vectors = FrameworkVectors([["Clean air"], ["Good jobs", "Employment and skills"]])
    scores, coverage = vectors.similarities(["We will help unemployed people into work."])
    assert scores.shape == coverage.shape == (1, 2)
    assert scores[0, 1] > scores[0, 0]


def test_coverage_rewards_a_passage_naming_every_part_of_a_priority() -> None:
    vectors = FrameworkVectors([["Affordable warm homes"]])
    _, coverage = vectors.similarities(
        [
            "We will build affordable warm homes for older residents.",
            "The museum opens a new gallery of warm colours.",
            "Bus fares stay affordable.",
        ]
    )
    whole, colours, fares = coverage[:, 0]
    assert whole > colours and whole > fares
    assert whole > 0.8
    assert min(colours, fares) >= -1.0 and max(colours, fares) < 0.8


def test_coverage_does_not_depend_on_repeats_or_neighbours_of_the_same_passage() -> None:
    vectors = FrameworkVectors([["Healthy weight"], ["Clean air"]])
    text = "Fewer children leave primary school overweight."
    alone_cosine, alone = vectors.similarities([text, "A second line about air."])
    cosine, repeated = vectors.similarities([text, text, "A second line about air."])
    assert np.allclose(repeated[0], repeated[1])
    assert np.allclose(cosine[0], alone_cosine[0])
    # Words are weighed by how rare they are in the document, so neighbours may move the
    # coverage a little, never its order between priorities.
    assert (repeated[0, 0] > repeated[0, 1]) == (alone[0, 0] > alone[0, 1])


def test_no_passage_and_no_words_give_no_coverage() -> None:
    vectors = FrameworkVectors([["Clean air"]])
    cosine, coverage = vectors.similarities([])
    assert cosine.shape == coverage.shape == (0, 1)
    _, blank = vectors.similarities([""])
    assert blank[0, 0] == -1.0


def test_tokens_come_with_the_sentence_vector_without_changing_it() -> None:
    texts = ["We will plant trees.", "Housing"]
    vectors, words = embedder().embed_with_tokens(texts)
    assert np.allclose(vectors, embedder().embed(texts), atol=1e-6)
    ids, unit = words[1]
    assert len(ids) == len(unit) >= 1
    assert 101 not in ids.tolist() and 102 not in ids.tolist()  # no [CLS] or [SEP]
    assert np.allclose(np.linalg.norm(unit, axis=1), 1.0, atol=1e-5)


def test_another_model_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the model")
    monkeypatch.setenv("ALIGNCK_EMBEDDING_MODEL", str(fake))
    with pytest.raises(UsageError, match="not the expected model file"):
        Embedder()


def test_a_missing_model_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNCK_EMBEDDING_MODEL", str(tmp_path / "absent.onnx"))
    reason = missing_reason()
    assert reason is not None and "absent.onnx" in reason
    for asked in ("auto", "semantic"):
        with pytest.raises(UsageError, match="semantic matcher needs"):
            available_matcher(asked)


def test_an_unknown_matcher_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown matcher"):
        available_matcher("neural")


def _only_entry_key(folder: Path) -> str:
    [entry] = list(folder.rglob("*.json"))
    return entry.name.split(".")[0]


def test_facets_come_back_from_the_cache_exactly_without_the_model(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck import cache
    from alignck.signals import embedding

    texts = ["Clean air", "Good jobs. Employment and skills for everyone", "[PAD]"]
    vectors, words = embedding.embedded_facets(texts, cached=True)
    assert cache.info()[1] == 1  # one entry written

    def no_model() -> None:
        raise AssertionError("the model was run although the facets were cached")

    monkeypatch.setattr(embedding, "embedder", no_model)
    again, again_words = embedding.embedded_facets(texts, cached=True)
    assert again.dtype == vectors.dtype and np.array_equal(again, vectors)
    assert len(again_words) == len(words)
    for (ids, tokens), (ids_again, tokens_again) in zip(words, again_words, strict=True):
        assert np.array_equal(np.asarray(ids), np.asarray(ids_again))
        assert np.array_equal(np.asarray(tokens), np.asarray(tokens_again))
    with pytest.raises(AssertionError, match="the model was run"):
        embedding.embedded_facets([*texts, "Warm homes"], cached=True)  # other texts: a miss


def test_facets_are_not_cached_unless_asked(isolated_cache: Path) -> None:
    from alignck import cache
    from alignck.signals.embedding import embedded_facets

    embedded_facets(["Clean air"])
    assert cache.info()[1] == 0


def test_a_garbled_facet_entry_is_embedded_again(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck import cache
    from alignck.signals import embedding
    from alignck.signals.embedding import FacetEmbeddings, embedded_facets, pack_facets

    vectors, words = embedded_facets(["Clean air", "Good jobs"], cached=True)
    key = _only_entry_key(isolated_cache)
    good = pack_facets(vectors, words)
    # Cut short, and its digest made to match: the arrays no longer have their shapes.
    short = good.vectors[:-8]
    digest = embedding._fields_digest(short, good.lengths, good.ids, good.token_vectors)
    cut = FacetEmbeddings(good.count, short, good.lengths, good.ids, good.token_vectors, digest)
    cache.store(key, cut)
    runs = count_model_runs(monkeypatch)
    again, _ = embedded_facets(["Clean air", "Good jobs"], cached=True)
    assert runs == [1]
    assert np.array_equal(again, vectors)
    embedded_facets(["Clean air", "Good jobs"], cached=True)  # stored again, whole
    assert runs == [1]


def test_a_facet_entry_damaged_without_changing_its_length_is_embedded_again(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck import cache
    from alignck.signals import embedding

    texts = ["Clean air", "Good jobs"]
    vectors, words = embedding.embedded_facets(texts, cached=True)
    key = _only_entry_key(isolated_cache)
    good = embedding.pack_facets(vectors, words)
    # One base64 character changed: the same length, other numbers.
    flipped = good.vectors[:10] + ("A" if good.vectors[10] != "A" else "B") + good.vectors[11:]
    damaged = embedding.FacetEmbeddings(
        good.count, flipped, good.lengths, good.ids, good.token_vectors, good.digest
    )
    with pytest.raises(ValueError, match="digest"):
        embedding.unpack_facets(damaged)
    cache.store(key, damaged)
    runs = count_model_runs(monkeypatch)
    again, _ = embedding.embedded_facets(texts, cached=True)
    assert runs == [1] and np.array_equal(again, vectors)


def test_texts_that_join_alike_are_not_one_framework(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck.signals import embedding

    first = ["Warm homes\0Clean air", "Good jobs"]
    second = ["Warm homes", "Clean air\0Good jobs"]
    embedding.embedded_facets(first, cached=True)
    runs = count_model_runs(monkeypatch)
    vectors, _ = embedding.embedded_facets(second, cached=True)
    assert runs == [1]
    assert np.array_equal(vectors, embedder().embed_with_tokens(second)[0])


def test_facets_are_embedded_again_under_another_runtime(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck import model_files
    from alignck.signals import embedding

    texts = ["Clean air", "Good jobs"]
    embedding.embedded_facets(texts, cached=True)
    runs = count_model_runs(monkeypatch)
    embedding.embedded_facets(texts, cached=True)
    assert runs == []
    monkeypatch.setattr(model_files, "runtime", lambda: repr(("99.0", "99.0")))
    embedding.embedded_facets(texts, cached=True)
    assert runs == [1]


def test_loading_the_model_writes_nothing_in_the_home_folder(tmp_path: Path) -> None:
    # onnxruntime's telemetry kept a device id and an event database under ~/.cache/Microsoft:
    # alignck writes only its report and its cache.
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "ORT_DISABLE_TELEMETRY")}
    env["HOME"] = str(home)
    code = "from alignck.signals.embedding import embedder; embedder().embed(['Warm homes'])"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    assert list(home.rglob("*")) == []


def test_a_framework_s_facets_are_embedded_once_per_process_not_per_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A library caller checking drafts one by one against one framework embedded its facets
    # again on every call (3 s a call for the SDGs) unless the disk cache was on.
    from alignck import check
    from alignck.renderers.json import report_to_dict
    from alignck.signals import embedding

    model = embedding.embedder()
    embedded: list[int] = []
    real = model.embed_with_tokens

    def counting(texts, tokens=True):  # type: ignore[no-untyped-def]
        embedded.append(len(texts))
        return real(texts, tokens)

    monkeypatch.setattr(model, "embed_with_tokens", counting)
    framework = tmp_path / "f.yaml"
    framework.write_text(
        "priorities:\n  - id: homes\n    title: Warm homes\n    description: Warm, safe and "
        "affordable homes for everyone in the county.\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.md"
    draft.write_text("# Plan\n\nWe will insulate 500 council homes.\n", encoding="utf-8")
    first = report_to_dict(check([draft], framework, matcher="semantic"))
    calls = len(embedded)
    second = report_to_dict(check([draft], framework, matcher="semantic"))
    assert len(embedded) == calls + 1  # the draft's sentences only
    assert first == second
