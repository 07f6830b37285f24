import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, FRAMEWORK, count_model_runs

# A check run in a fresh interpreter, printing which heavy modules it loaded.
RUN = (
    "import sys; from pathlib import Path; from alignck import cache; "
    "from alignck.pipeline import check; cache.configure(Path(sys.argv[3])); "
    "check([sys.argv[1]], sys.argv[2], use_cache=True); "
    "heavy = ('numpy', 'scipy', 'onnxruntime', 'docx', 'pypdfium2', 'alignck.extract'); "
    "print(sorted({m.split('.')[0] if m[:7] != 'alignck' else m for m in sys.modules} "
    "& set(heavy)))"
)


def _loaded(folder: Path, cache: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(folder), str(FRAMEWORK), str(cache)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_a_fully_cached_run_reads_extracts_and_scores_nothing(isolated_cache: Path) -> None:
    # The documents are read, extracted and scored on the first run; the second only loads
    # results, so none of the modules that do that work (or their libraries) is imported.
    assert "alignck.extract" in _loaded(EXAMPLES, isolated_cache)
    assert _loaded(EXAMPLES, isolated_cache) == "[]"


def _json(report: object) -> str:
    from alignck.renderers import RenderOptions, renderer

    out = io.StringIO()
    renderer("json")(report, out, RenderOptions())  # type: ignore[arg-type]
    return out.getvalue()


def test_a_new_document_against_a_framework_seen_before_reuses_its_embedded_facets(
    isolated_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck.pipeline import check
    from alignck.signals import embedding

    draft = tmp_path / "draft.md"
    draft.write_text("# Plan\n\nWe will build warm homes and help children start school ready.\n")
    check([draft], FRAMEWORK, use_cache=True, matcher="semantic")
    draft.write_text(draft.read_text() + "\nWe will cut smoking in pregnancy.\n")
    plain = _json(check([draft], FRAMEWORK, use_cache=False, matcher="semantic"))
    embedded: list[list[str]] = []
    model = embedding.embedder()

    class Counting:
        def embed_with_tokens(self, texts: list[str], tokens: bool = True) -> object:
            embedded.append(list(texts))
            return model.embed_with_tokens(texts, tokens)

        def __getattr__(self, name: str) -> object:
            return getattr(model, name)

    monkeypatch.setattr(embedding, "embedder", Counting)
    cached = _json(check([draft], FRAMEWORK, use_cache=True, matcher="semantic"))
    # Only the new document's passages went through the model; the report is the same.
    assert embedded and all("We will cut smoking in pregnancy." in " ".join(t) for t in embedded)
    assert cached == plain


def test_a_cached_semantic_result_is_scored_again_under_another_runtime(
    isolated_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck import model_files
    from alignck.pipeline import check

    draft = tmp_path / "draft.md"
    draft.write_text("# Plan\n\nWe will build warm homes and help children start school ready.\n")
    check([draft], FRAMEWORK, use_cache=True, matcher="semantic")
    runs = count_model_runs(monkeypatch)
    check([draft], FRAMEWORK, use_cache=True, matcher="semantic")
    assert runs == []
    # An upgraded onnxruntime or tokenizers can give other vectors from the same model file.
    monkeypatch.setattr(model_files, "runtime", lambda: repr(("99.0", "99.0")))
    check([draft], FRAMEWORK, use_cache=True, matcher="semantic")
    assert runs


def test_one_path_given_on_its_own_is_one_path(make_document, small_framework: Path) -> None:  # type: ignore[no-untyped-def]
    from alignck import check

    plan = make_document("plan.md")
    for given in (str(plan), plan, str(plan.parent)):
        report = check(given, str(small_framework), matcher="lexical")
        assert [Path(r.path).name for r in report.documents] == ["plan.md"], given


def test_framework_waivers_and_reviews_load_from_a_string_path(tmp_path: Path) -> None:
    from alignck.framework import load_framework
    from alignck.reviews import load_reviews
    from alignck.waivers import load_waivers

    framework = tmp_path / "f.yaml"
    framework.write_text("priorities:\n  - {id: air, title: Clean air}\n", encoding="utf-8")
    waivers = tmp_path / "w.yaml"
    waivers.write_text("waivers:\n  - {priority: air, reason: Not ours.}\n", encoding="utf-8")
    reviews = tmp_path / "r.yaml"
    reviews.write_text(
        "reviews:\n  - {document: plan, priority: air, verdict: gap, reason: No.,"
        " reviewer: A, date: 2026-11-30}\n",
        encoding="utf-8",
    )
    loaded = load_framework(str(framework))
    assert [p.id for p in loaded.priorities] == ["air"]
    assert [w.priority_id for w in load_waivers(str(waivers), loaded).waivers] == ["air"]
    assert [r.priority_id for r in load_reviews(str(reviews), loaded).reviews] == ["air"]


def test_today_given_as_a_string_is_refused_by_name(make_document, small_framework: Path) -> None:  # type: ignore[no-untyped-def]
    from alignck import check

    document = make_document("plan.md")
    with pytest.raises(TypeError, match=r"today must be a datetime\.date \(got '2026-01-01'\)"):
        check(document, small_framework, matcher="lexical", today="2026-01-01")  # type: ignore[arg-type]


def test_a_parent_is_partial_by_its_part_after_the_reviews(make_document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A part addressed lifts its parent from a gap to partial; a part a reviewer set to a
    gap lifts nothing, and a parent a reviewer set stays as set."""
    import datetime

    from alignck import check
    from alignck.model import Review

    framework = tmp_path / "f.yaml"
    framework.write_text(
        "framework: {name: t}\npriorities:\n"
        "  - id: places\n    title: Healthy places\n"
        "    priorities:\n"
        "      - id: digital\n        title: Digital inclusion\n"
        "        description: Nobody is excluded because they are not online.\n"
        "  - id: homes\n    title: Warm homes\n",
        encoding="utf-8",
    )
    plan = make_document(
        "plan.md",
        [
            ("h1", "Northby Plan"),
            ("p", "We will lend 500 tablets and run digital skills drop-ins in every library."),
            ("p", "We will insulate 2,000 council homes against damp and cold."),
        ],
    )

    def verdicts(*reviews: Review) -> dict[str, str]:
        report = check([plan], framework, matcher="lexical", reviews=reviews)
        return {a.priority_id: a.status for a in report.documents[0].alignments}

    def review(priority_id: str, verdict: str) -> Review:
        return Review("plan", priority_id, verdict, "checked", "QA", datetime.date(2026, 1, 1))  # type: ignore[arg-type]

    plain = verdicts()
    assert plain["digital"] != "gap" and plain["places"] == "partial"
    assert verdicts(review("digital", "gap"))["places"] == "gap"
    assert verdicts(review("places", "gap"))["places"] == "gap"
    assert verdicts(review("digital", "aligned"))["places"] == "partial"


def _spied_matching(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the run's matcher was asked to do, in order: "prepare" or "match"."""
    from alignck.match import Matcher

    calls: list[str] = []
    prepare, match = Matcher.prepare, Matcher.match

    def spied_prepare(self: Matcher) -> None:
        calls.append("prepare")
        prepare(self)

    def spied_match(self: Matcher, statements: object, passages: list) -> object:  # type: ignore[type-arg]
        calls.append("match")
        return match(self, statements, passages)  # type: ignore[arg-type]

    monkeypatch.setattr(Matcher, "prepare", spied_prepare)
    monkeypatch.setattr(Matcher, "match", spied_match)
    return calls


@pytest.mark.parametrize("pooled", [False, True])
def test_matching_is_made_ready_while_a_worker_reads_the_first_document(
    make_document,  # type: ignore[no-untyped-def]
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
    pooled: bool,
) -> None:
    from alignck import reading, workers
    from alignck.pipeline import check

    jobs = 2 if pooled else 1
    # A pool reads small documents too: the test is about waiting for one, not its size.
    monkeypatch.setattr(reading, "_PARALLEL_MIN_BYTES", 0)
    names = ["first.pdf", "second.docx", "third.pdf"]
    paths = [make_document(name) for name in names]
    plain = _json(check(paths, small_framework, use_cache=False, jobs=jobs))
    # No document comes back from its worker at once, as a long one would not.
    monkeypatch.setattr(workers, "_BRIEFLY", 0.0)
    calls = _spied_matching(monkeypatch)
    spied = _json(check(paths, small_framework, use_cache=False, jobs=jobs))
    assert calls[0] == "prepare" and calls.count("prepare") == 1
    assert len(calls) == 1 + len(names)
    assert spied == plain


def test_a_document_back_from_its_worker_at_once_is_matched_without_waiting_for_more(
    tmp_path: Path,
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alignck import workers
    from alignck.pipeline import check

    # A file that fails at once (not a PDF at all) leaves nothing to match: preparing the
    # matcher meanwhile would only lengthen the run.
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a PDF")
    monkeypatch.setattr(workers, "_BRIEFLY", 60.0)
    calls = _spied_matching(monkeypatch)
    report = check([broken], small_framework, use_cache=False)
    assert [d.status for d in report.documents] == ["error"]
    assert calls == []


def test_a_fully_cached_run_never_makes_matching_ready(
    isolated_cache: Path,
    make_document,
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from alignck import workers
    from alignck.pipeline import check

    path = make_document("plan.pdf")
    check([path], small_framework, use_cache=True)
    monkeypatch.setattr(workers, "_BRIEFLY", 0.0)
    calls = _spied_matching(monkeypatch)
    check([path], small_framework, use_cache=True)
    assert calls == []


def test_a_document_back_at_once_leaves_matching_to_be_made_ready_during_the_next(
    tmp_path: Path, make_document, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from alignck import workers
    from alignck.pipeline import check

    broken = tmp_path / "a-broken.pdf"
    broken.write_bytes(b"not a PDF")
    plan = make_document("b-plan.pdf")
    # The broken file is back well within the moment; the plan, as a long document would
    # be, is not (the moment is shortened once the first answer is in).
    waits = iter([60.0, 0.0])
    monkeypatch.setattr(workers, "_BRIEFLY", 60.0)
    original = workers.IsolatedReader.run

    def run(self, path, meanwhile=None):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(workers, "_BRIEFLY", next(waits))
        return original(self, path, meanwhile)

    monkeypatch.setattr(workers.IsolatedReader, "run", run)
    calls = _spied_matching(monkeypatch)
    report = check([broken, plan], small_framework, use_cache=False)
    assert [d.status for d in report.documents] == ["error", "ok"]
    assert calls == ["prepare", "match"]


def test_a_copy_of_a_document_is_warned_of_once(tmp_path, make_document, small_framework) -> None:  # type: ignore[no-untyped-def]
    from alignck.pipeline import check

    (tmp_path / "docs" / "archive").mkdir(parents=True)
    plan = make_document("docs/plan.md")
    copy = tmp_path / "docs" / "archive" / "plan-2019.md"
    copy.write_bytes(plan.read_bytes())
    # The same size, other bytes: not a copy.
    other = tmp_path / "docs" / "other.md"
    other.write_bytes(plan.read_bytes().replace(b"Northby", b"Southby"))
    report = check([tmp_path / "docs"], small_framework, matcher="lexical")
    warned = {
        r.path: [w for w in r.warnings if w.startswith("a byte-for-byte copy of")]
        for r in report.documents
    }
    assert warned == {
        str(copy): [],
        str(other): [],
        str(plan): [
            f"a byte-for-byte copy of {copy}: it counts as a second partner in coverage, "
            "overlaps and shared priorities; leave one of them out"
        ],
    }


@pytest.mark.parametrize(
    "copy_name",
    [
        "a/Copy of VCSE alliance strategy.md",
        "a/VCSE alliance strategy - Copy (2).md",
        "a/VCSE alliance strategy copy 2.md",
        "a/VCSE alliance strategy (1).md",
    ],
)
def test_a_file_named_as_a_copy_is_the_copy_whatever_the_order(
    tmp_path, make_document, small_framework, copy_name: str
) -> None:  # type: ignore[no-untyped-def]
    # 'Copy of VCSE alliance strategy.md' sorts first, and the strategy itself was warned of
    # as a copy of it (a board secretary's folder); in a folder that sorts first, so does
    # any copy.
    from alignck.pipeline import check

    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "b").mkdir(parents=True)
    original = make_document("docs/b/VCSE alliance strategy.md")
    copy = tmp_path / "docs" / copy_name
    copy.write_bytes(original.read_bytes())
    report = check([tmp_path / "docs"], small_framework, matcher="lexical")
    warned = {r.path: [w for w in r.warnings if "copy of" in w] for r in report.documents}
    assert warned[str(original)] == []
    assert warned[str(copy)] and warned[str(copy)][0].startswith(
        f"a byte-for-byte copy of {original}"
    )
    # The same text in other bytes (saved again) reads the same way.
    copy.write_bytes(original.read_bytes() + b"\n\n")
    again = check([tmp_path / "docs"], small_framework, matcher="lexical", use_cache=False)
    near = {r.path: [w for w in r.warnings if "the same text as" in w] for r in again.documents}
    assert near[str(original)] == [] and near[str(copy)]


def test_a_year_in_brackets_is_no_copy_mark(tmp_path, make_document, small_framework) -> None:  # type: ignore[no-untyped-def]
    from alignck.pipeline import check

    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "b").mkdir(parents=True)
    first = make_document("docs/a/Strategy (2024).md")
    second = tmp_path / "docs" / "b" / "plan.md"
    second.write_bytes(first.read_bytes())
    report = check([tmp_path / "docs"], small_framework, matcher="lexical")
    warned = {r.path: [w for w in r.warnings if "copy of" in w] for r in report.documents}
    assert warned[str(first)] == [] and warned[str(second)]


def test_a_copy_names_its_original_apart_from_a_twin_name_in_another_unicode_form(
    tmp_path, make_document, small_framework
) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    from alignck.pipeline import check

    # 'Café plan.md' composed and decomposed side by side, each copied into a folder: both
    # copies were said to be 'a byte-for-byte copy of docs/Café plan.md'.
    (tmp_path / "docs").mkdir()
    plan = make_document("docs/plan.md")
    composed = tmp_path / "docs" / (unicodedata.normalize("NFC", "Café plan") + ".md")
    composed.write_bytes(plan.read_bytes().replace(b"Northby", b"Westby"))
    decomposed = tmp_path / "docs" / (unicodedata.normalize("NFD", "Café plan") + ".md")
    decomposed.write_bytes(plan.read_bytes().replace(b"Northby", b"Southby"))
    plan.unlink()
    (tmp_path / "docs" / "north").mkdir()
    (tmp_path / "docs" / "south").mkdir()
    (tmp_path / "docs" / "north" / "x.md").write_bytes(composed.read_bytes())
    (tmp_path / "docs" / "south" / "x.md").write_bytes(decomposed.read_bytes())
    report = check([tmp_path / "docs"], small_framework, matcher="lexical")
    said = {
        Path(r.path).parent.name: w.split(":")[0]
        for r in report.documents
        for w in r.warnings
        if w.startswith("a byte-for-byte copy of")
    }
    originals = sorted(said.values())
    assert len(set(originals)) == 2
    assert sum(o.endswith("(name in decomposed Unicode)") for o in originals) == 1


def test_reports_list_documents_in_the_order_they_were_found(
    tmp_path, make_document, small_framework
) -> None:  # type: ignore[no-untyped-def]
    # A folder was read as a file manager lists it, then reported in code-point order:
    # 'plan 10' before 'plan 2' in every table, and 'plan 2' the copy of 'plan 10'.
    from alignck.pipeline import check

    (tmp_path / "docs").mkdir()
    first = make_document("docs/plan 2.md")
    second = make_document("docs/plan 10.md")
    report = check([tmp_path / "docs"], small_framework, matcher="lexical")
    assert [r.path for r in report.documents] == [str(first), str(second)]
    assert [w for w in report.documents[1].warnings if "copy" in w] == [
        f"a byte-for-byte copy of {first}: it counts as a second partner in coverage, "
        "overlaps and shared priorities; leave one of them out"
    ]
    groups = report.analysis.shared_outside
    assert groups and all(g.documents == (str(first), str(second)) for g in groups)


def test_a_document_saved_while_it_is_read_is_not_cached_under_its_earlier_bytes(
    isolated_cache: Path, tmp_path: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saved between hashing and reading, its new text was cached under the old bytes' key:
    # once the old text was back, every warm run quoted what the file no longer said.
    from alignck import reading
    from alignck.pipeline import check

    plan = tmp_path / "plan.md"
    before = "# Plan\n\n## Our priorities\n\n- We will end fuel poverty in every ward.\n"
    after = "# Plan\n\n## Our priorities\n\n- We will open two crisis cafes.\n"
    plan.write_text(before, encoding="utf-8")
    read = reading.read_document
    saves: list[int] = []

    def saved_meanwhile(path: Path, options: object) -> object:
        if not saves:  # saved once, during the first read
            saves.append(1)
            plan.write_text(after, encoding="utf-8")
        return read(path, options)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "read_document", saved_meanwhile)
    raced = check([plan], small_framework, matcher="lexical", use_cache=True).documents[0]
    # Read again once it held still: the verdicts are of the file as it now is.
    assert reading.CHANGED_WHILE_READ not in raced.warnings
    assert "crisis" in " ".join(s.statement.text for s in raced.statements)
    monkeypatch.setattr(reading, "read_document", read)
    plan.write_text(before, encoding="utf-8")
    again = check([plan], small_framework, matcher="lexical", use_cache=True).documents[0]
    quoted = " ".join(s.statement.text for s in again.statements)
    assert "fuel poverty" in quoted and "crisis" not in quoted
    assert reading.CHANGED_WHILE_READ not in again.warnings


def test_a_document_saved_just_after_it_was_read_is_read_again_as_it_now_is(
    isolated_cache: Path, tmp_path: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first read is of the old text, and the file is saved as it ends: reported as read,
    # a nightly job got the old verdicts with only a warning. Read again, the new text.
    from alignck import cache, reading
    from alignck.pipeline import check

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\n- We will end fuel poverty in every ward.\n", encoding="utf-8")
    read = reading.read_document
    reads: list[int] = []

    def saved_after(path: Path, options: object) -> object:
        document = read(path, options)  # type: ignore[arg-type]
        if not reads:
            plan.write_text("# Plan\n\n- We will open two crisis cafes.\n", encoding="utf-8")
        reads.append(1)
        return document

    monkeypatch.setattr(reading, "read_document", saved_after)
    raced = check([plan], small_framework, matcher="lexical", use_cache=True).documents[0]
    assert len(reads) == 2
    assert reading.CHANGED_WHILE_READ not in raced.warnings
    quoted = " ".join(s.statement.text for s in raced.statements)
    assert "crisis" in quoted and "fuel poverty" not in quoted
    # The second read is cached under the new bytes: a warm run reads nothing.
    monkeypatch.setattr(reading, "read_document", read)
    key = reading.document_key(plan)
    assert isinstance(key, str) and cache.exists(key)


def _saved_on_every_read(
    plan: Path, read: Callable[..., object], after_first: Exception | None = None
) -> tuple[Callable[[Path, object], object], list[int]]:
    """A reader under which the file is saved again (one more space) at every read, and
    which, given ``after_first``, raises it from the second read on; and its reads."""
    reads: list[int] = []
    text = plan.read_text(encoding="utf-8")

    def reader(path: Path, options: object) -> object:
        reads.append(1)
        plan.write_text(text.rstrip("\n") + " " * len(reads) + "\n", encoding="utf-8")
        if after_first is not None and len(reads) > 1:
            raise after_first
        return read(path, options)

    return reader, reads


def test_a_read_again_that_fails_while_the_file_moves_keeps_the_first_read(
    isolated_cache: Path, tmp_path: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sync client half-way through writing: the second read meets a broken file, then the
    # client finishes. The run failed the document (exit 2) where its first read was good.
    from alignck import reading
    from alignck.errors import ReadError
    from alignck.pipeline import check

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\n- We will end fuel poverty in every ward.\n", encoding="utf-8")
    broken = ReadError("not a Word .docx file (truncated)", str(plan))
    half_written, _ = _saved_on_every_read(plan, reading.read_document, broken)
    monkeypatch.setattr(reading, "read_document", half_written)
    raced = check([plan], small_framework, matcher="lexical", use_cache=True).documents[0]
    assert raced.status == "ok"
    assert reading.CHANGED_WHILE_READ in raced.warnings
    assert "fuel poverty" in " ".join(s.statement.text for s in raced.statements)


def test_a_document_that_changes_during_every_read_keeps_the_warning(
    isolated_cache: Path, tmp_path: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read again up to READ_AGAIN times; a file still moving after that is reported as read,
    # with the warning, and cached under none of its keys.
    from alignck import cache, reading
    from alignck.pipeline import check

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\n- We will end fuel poverty.\n", encoding="utf-8")
    saved_meanwhile, reads = _saved_on_every_read(plan, reading.read_document)

    monkeypatch.setattr(reading, "read_document", saved_meanwhile)
    written = cache.writes()
    raced = check([plan], small_framework, matcher="lexical", use_cache=True).documents[0]
    assert reading.CHANGED_WHILE_READ in raced.warnings
    assert len(reads) == 1 + reading.READ_AGAIN
    assert cache.writes() == written


def test_policy_lines_and_json_lists_name_documents_in_the_order_they_were_found(
    tmp_path: Path,
) -> None:
    # 'required priority ... is a gap in plan 10, plan 2', and the JSON's documents list
    # beside an aligned list in the other order.
    import json

    from alignck.pipeline import check
    from alignck.policy import failures

    framework = tmp_path / "framework.yaml"
    framework.write_text(
        "framework: {name: t}\npriorities:\n"
        "  - {id: air, title: Clean air, keywords: [air quality], required: true}\n"
        "  - {id: homes, title: Warm homes, keywords: [fuel poverty]}\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    for name in ("plan 10.md", "plan 2.md"):
        (tmp_path / "docs" / name).write_text(
            f"# {name}\n\n## Our priorities\n\n- We will end fuel poverty.\n", encoding="utf-8"
        )
    report = check([tmp_path / "docs"], framework, matcher="lexical")
    assert any(line.endswith("is a gap in plan 2, plan 10") for line in failures(report))
    out = io.StringIO()
    from alignck.renderers import RenderOptions, renderer

    renderer("json")(report, out, RenderOptions())
    homes = next(
        p
        for p in json.loads(out.getvalue())["summary"]["priorities"]
        if p["priority_id"] == "homes"
    )
    assert [Path(d).name for d in homes["documents"]] == ["plan 2.md", "plan 10.md"]


def _pooled_documents(make_document, monkeypatch: pytest.MonkeyPatch) -> list[Path]:  # type: ignore[no-untyped-def]
    """Three documents that a run with two jobs reads in a pool of workers, small as they are."""
    from alignck import reading

    monkeypatch.setattr(reading, "_PARALLEL_MIN_BYTES", 0)
    return [make_document(name) for name in ("first.pdf", "second.docx", "third.md")]


def test_a_lexical_run_with_workers_matches_its_documents_in_them(
    make_document,  # type: ignore[no-untyped-def]
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Matching at 300 priorities kept this one process busy while both workers waited for it
    # to take what they had read: the lexical matcher now runs in the workers, and this
    # process neither matches nor builds a matcher meanwhile. The report is the same.
    from alignck.pipeline import check

    paths = _pooled_documents(make_document, monkeypatch)
    plain = _json(check(paths, small_framework, matcher="lexical", use_cache=False))
    calls = _spied_matching(monkeypatch)
    pooled = check(paths, small_framework, matcher="lexical", use_cache=False, jobs=2)
    assert calls == []
    assert _json(pooled) == plain


def test_a_run_matched_in_workers_caches_what_a_run_in_one_process_does(
    tmp_path: Path,
    make_document,  # type: ignore[no-untyped-def]
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The workers encode each prepared document for the cache and this process writes the
    # bytes: the same entries, byte for byte, as a run that encodes them here.
    from alignck import cache
    from alignck.pipeline import check

    paths = _pooled_documents(make_document, monkeypatch)
    written: dict[int, dict[str, bytes]] = {}
    for jobs in (1, 2):
        folder = tmp_path / f"cache-{jobs}"
        cache.configure(folder)
        check(paths, small_framework, matcher="lexical", use_cache=True, jobs=jobs)
        written[jobs] = {
            str(p.relative_to(folder)): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() and p.name != "CACHEDIR.TAG"
        }
        # Answered from what it wrote, the warm run reports what the cold one did.
        warm = check(paths, small_framework, matcher="lexical", use_cache=True, jobs=jobs)
        assert _json(warm) == _json(check(paths, small_framework, matcher="lexical"))
    assert len(written[2]) == 2 * len(paths)  # each document prepared, and its result
    assert written[2] == written[1]


def test_a_framework_with_nothing_to_match_on_fails_alike_with_workers(
    tmp_path: Path,
    make_document,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Found by the worker building its matcher: said by this process as a run without
    # workers says it, not reported as a bug in a worker.
    from alignck.errors import FrameworkError
    from alignck.pipeline import check

    framework = tmp_path / "priorities.yaml"
    framework.write_text("priorities:\n  - id: ours\n    title: Our priorities\n", "utf-8")
    paths = _pooled_documents(make_document, monkeypatch)
    said = []
    for jobs in (1, 2):
        with pytest.raises(FrameworkError) as raised:
            check(paths, framework, matcher="lexical", jobs=jobs)
        said.append(str(raised.value))
    assert said[0] == said[1] and "no priority names anything" in said[0]


def _plan(folder: Path, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    plan = folder / "plan.md"
    plan.write_text("# Riverside plan\n\n## What we will do\n\n" + body, encoding="utf-8")
    return plan


_BEFORE = (
    "We will open family hubs in every town so that every child has the best start in life.\n\n"
    "We will insulate 2,000 cold, damp homes this year.\n"
)


def _saved_then_dropped(tmp_path: Path) -> tuple[Path, Path, Any, Path]:
    """A folder checked and its report saved, then its best-start commitment dropped: the
    folder, the plan, the first run's Report and its saved file."""
    import json

    from alignck.pipeline import check
    from alignck.renderers.json import report_to_dict

    folder = tmp_path / "docs"
    plan = _plan(folder, _BEFORE)
    first = check([folder], FRAMEWORK, matcher="lexical")
    saved = tmp_path / "baseline.json"
    saved.write_text(json.dumps(report_to_dict(first)), encoding="utf-8")
    plan.write_text("# Riverside plan\n\n## What we will do\n\n" + _BEFORE.split("\n\n")[1])
    return folder, plan, first, saved


def test_a_check_held_to_a_saved_baseline_fails_on_what_got_worse(tmp_path: Path) -> None:
    import json

    from alignck.pipeline import check
    from alignck.policy import run_failures
    from alignck.renderers.json import report_to_dict

    folder = tmp_path / "docs"
    plan = _plan(folder, _BEFORE)
    saved = tmp_path / "baseline.json"
    first = check([folder], FRAMEWORK, matcher="lexical")
    saved.write_text(json.dumps(report_to_dict(first)), encoding="utf-8")
    before = {a.priority_id: a.status for a in first.documents[0].alignments}
    assert before["best-start"] != "gap"

    # The same run held to itself passes, though it has gaps: they are the baseline's.
    same = check([folder], FRAMEWORK, matcher="lexical", baseline=saved)
    assert "gap" in before.values() and run_failures(same) == []
    assert same.policy.baseline_source == str(saved) and same.policy.fail_on == "new-gap"

    plan.write_text("# Riverside plan\n\n## What we will do\n\n" + _BEFORE.split("\n\n")[1])
    worse = check([folder], FRAMEWORK, matcher="lexical", baseline=saved)
    assert [a.status for a in worse.documents[0].alignments if a.priority_id == "best-start"] == [
        "gap"
    ]
    failures = run_failures(worse)
    assert len(failures) == 1 and "best-start" in failures[0]
    # Held as --baseline holds it: the report carries the baseline as the CLI's does.
    assert report_to_dict(worse)["policy"]["baseline"] == str(saved)


def test_a_baseline_mode_without_a_baseline_is_refused(tmp_path: Path) -> None:
    from alignck.model import Policy
    from alignck.pipeline import check

    plan = _plan(tmp_path / "docs", _BEFORE)
    with pytest.raises(ValueError, match="baseline"):
        check([plan], FRAMEWORK, matcher="lexical", policy=Policy(fail_on="worse"))
    # A baseline given as Policy's own mapping, as before check took one, still holds.
    mapping = {(str(plan), "best-start"): "aligned"}
    held = check(
        [plan], FRAMEWORK, matcher="lexical", policy=Policy(fail_on="new-gap", baseline=mapping)
    )
    assert held.policy.baseline == mapping


def test_a_report_is_a_baseline_as_its_saved_file_is(tmp_path: Path) -> None:
    from alignck.pipeline import check
    from alignck.policy import run_failures
    from alignck.renderers.json import report_to_dict

    folder, _, first, saved = _saved_then_dropped(tmp_path)
    by_report = check([folder], FRAMEWORK, matcher="lexical", baseline=first)
    by_file = check([folder], FRAMEWORK, matcher="lexical", baseline=saved)
    assert run_failures(by_report) == run_failures(by_file) != []
    # Any verdict below the baseline's, as --baseline --fail-on worse holds a draft.
    from alignck.model import Policy

    worse = check(
        [folder], FRAMEWORK, matcher="lexical", baseline=saved, policy=Policy(fail_on="worse")
    )
    assert worse.policy.fail_on == "worse" and run_failures(worse) != []
    with pytest.raises(TypeError) as refused:
        check([folder], FRAMEWORK, matcher="lexical", baseline=report_to_dict(first))  # type: ignore[arg-type]
    assert str(refused.value).endswith("(got dict)")


def test_compare_runs_takes_reports_and_saved_files_as_diff_does(tmp_path: Path) -> None:
    from alignck.compare import compare_runs
    from alignck.pipeline import check

    folder, plan, old, saved = _saved_then_dropped(tmp_path)
    new = check([folder], FRAMEWORK, matcher="lexical")
    from_report, from_file = compare_runs(old, new), compare_runs(saved, new)
    assert from_report.changes == from_file.changes
    moved = {(c.path, c.priority_id, c.old, c.new.status) for c in from_report.changes}
    assert (
        str(plan),
        "best-start",
        old.documents[0].alignment("best-start").status,
        "gap",
    ) in moved
    assert [c.priority_id for c in from_report.new_gaps] == ["best-start"]
    import alignck

    assert alignck.compare_runs is compare_runs
    with pytest.raises(TypeError, match="saved JSON report"):
        compare_runs(old, {"documents": []})  # type: ignore[arg-type]


def test_a_check_leaves_the_callers_environment_as_it_was(tmp_path: Path) -> None:
    # threadpoolctl sets KMP_DUPLICATE_LIB_OK as it loads, and the model's runtime was given
    # ORT_DISABLE_TELEMETRY: a notebook that calls check kept both for what it loaded next.
    import os

    code = (
        "import os, sys; before = dict(os.environ); from alignck.pipeline import check; "
        "check([sys.argv[1]], sys.argv[2], matcher='semantic'); "
        "print(sorted(set(os.environ.items()) ^ set(before.items())))"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("KMP_DUPLICATE_LIB_OK", "ORT_DISABLE_TELEMETRY")
    }
    plan = _plan(tmp_path / "docs", _BEFORE)
    done = subprocess.run(
        [sys.executable, "-c", code, str(plan), str(FRAMEWORK)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert done.stdout.strip() == "[]"


def test_a_fifo_named_like_a_framework_in_a_folder_checked_never_hangs_the_run(
    tmp_path: Path,
) -> None:
    # Every skipped .yaml was read whole to tell the framework by its bytes: a FIFO named
    # notes.yaml hung the run, a link to /dev/zero filled its memory.
    import os

    from alignck.framework import load_framework
    from alignck.pipeline import _is_framework_file
    from conftest import within

    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "framework: {name: t}\npriorities:\n  - id: a\n    title: Warm homes\n", encoding="utf-8"
    )
    loaded = load_framework(framework)
    pipe = tmp_path / "notes.yaml"
    os.mkfifo(pipe)
    assert within(10, lambda: _is_framework_file(str(pipe), loaded)) is False
    assert _is_framework_file(str(framework), loaded) is True


def test_a_cached_run_reads_each_file_once_for_its_digest(
    isolated_cache: Path,
    tmp_path: Path,
    make_document,
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """A review: the SHA-256 each report gives of a document was worked out by reading the
    file again after the run, where its cache key had read it already (10 files of 20 MB: a
    warm run 1.2 s -> 1.5 s). With the cache, the key's reading gives it."""
    from alignck import pipeline
    from alignck.pipeline import check

    (tmp_path / "docs").mkdir()
    plan = make_document("docs/plan.md")

    def no_second_read(path: Path, follow: bool = True):  # type: ignore[no-untyped-def]
        raise OSError("read again")

    monkeypatch.setattr(pipeline, "open_regular", no_second_read)
    report = check([tmp_path / "docs"], small_framework, matcher="lexical", use_cache=True)
    import hashlib

    assert report.documents[0].sha256 == hashlib.sha256(plan.read_bytes()).hexdigest()
