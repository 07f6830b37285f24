import io
import json
from pathlib import Path

import pytest

from alignck import cache
from alignck.cache_folder import entry_path
from alignck.errors import ReadError
from alignck.pipeline import check
from alignck.reading import Matched, Prepared, prepare_all
from alignck.renderers import RenderOptions, renderer
from alignck.workers import worker_context
from conftest import EXAMPLES, FRAMEWORK


def _json(**options: object) -> str:
    out = io.StringIO()
    renderer("json")(check([EXAMPLES], FRAMEWORK, **options), out, RenderOptions())  # type: ignore[arg-type]
    return out.getvalue()


def test_parallel_and_cached_runs_give_byte_identical_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("alignck.reading._PARALLEL_MIN_BYTES", 0)
    plain = _json()
    assert _json(jobs=2) == plain
    assert _json(use_cache=True) == plain  # fills the cache
    assert _json(use_cache=True) == plain  # reads from it
    assert _json(use_cache=True, jobs=2) == plain


def test_results_keep_input_order_whatever_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("alignck.reading._PARALLEL_MIN_BYTES", 0)
    paths = sorted(EXAMPLES.iterdir(), reverse=True)
    results = prepare_all(paths, jobs=2, use_cache=False)
    assert [r.path for r in results if isinstance(r, Prepared)] == [str(p) for p in paths]


def test_workers_are_never_forked_from_a_process_that_may_run_threads() -> None:
    # The progress bar runs a refresh thread while documents are read; forking then can
    # deadlock a worker (Python 3.12+ warns about it).
    assert worker_context().get_start_method() in ("forkserver", "spawn")


def test_second_run_reads_from_the_cache(monkeypatch: pytest.MonkeyPatch, make_document) -> None:  # type: ignore[no-untyped-def]
    path = make_document("plan.pdf")
    prepare_all([path], use_cache=True)
    assert cache.info()[1] == 1

    def fail(_: Path) -> None:
        raise AssertionError("read again despite the cache")

    monkeypatch.setattr("alignck.reading.read_document", fail)
    [item] = prepare_all([path], use_cache=True)
    assert isinstance(item, Prepared) and item.path == str(path)


def test_edited_file_is_read_again(make_document) -> None:  # type: ignore[no-untyped-def]
    path = make_document("plan.md")
    prepare_all([path], use_cache=True)
    path.write_text("# Changed\n\nWe will plant trees.\n", encoding="utf-8")
    [item] = prepare_all([path], use_cache=True)
    assert isinstance(item, Prepared) and item.passages[0].text == "Changed"


def test_same_content_at_another_path_reports_the_new_path(make_document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = make_document("plan.md")
    second = tmp_path / "copy.md"
    second.write_bytes(first.read_bytes())
    prepare_all([first], use_cache=True)
    [item] = prepare_all([second], use_cache=True)
    assert isinstance(item, Prepared) and item.path == str(second)


def test_corrupt_cache_entry_is_read_again(make_document, isolated_cache: Path) -> None:  # type: ignore[no-untyped-def]
    path = make_document("plan.md")
    prepare_all([path], use_cache=True)
    [entry] = list(isolated_cache.rglob("*.json"))
    entry.write_bytes(b"not a pickle at all")
    [item] = prepare_all([path], use_cache=True)
    assert isinstance(item, Prepared)
    assert entry.read_bytes() != b"not a pickle at all"


def test_cache_clear_removes_entries(make_document) -> None:  # type: ignore[no-untyped-def]
    prepare_all([make_document("a.md"), make_document("b.txt")], use_cache=True)
    removed, _ = cache.clear()
    assert removed == 2 and cache.info()[1] == 0


def test_unreadable_files_are_errors_not_cache_entries(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing")
    [item] = prepare_all([broken], use_cache=True)
    assert isinstance(item, ReadError)
    assert cache.info()[1] == 0


def test_json_never_contains_progress_output(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from alignck.cli import app

    result = CliRunner().invoke(
        app, ["check", str(EXAMPLES), "-f", str(FRAMEWORK), "--format", "json"]
    )
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert result.stderr == ""


def test_progress_bar_only_on_an_interactive_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from alignck import cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert cli.is_interactive(Tty()) is True
    assert cli.is_interactive(io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert cli.is_interactive(Tty()) is False


def test_progress_bar_counts_files_and_pages(
    monkeypatch: pytest.MonkeyPatch, make_document
) -> None:  # type: ignore[no-untyped-def]
    from alignck.progress import ProgressBar

    monkeypatch.setattr("alignck.progress.DELAY_SECONDS", 0.0)
    stream = io.StringIO()
    paths = [make_document("a.pdf"), make_document("b.md")]
    with ProgressBar(stream, total=2) as bar:
        prepare_all(paths, progress=bar, use_cache=False)
    assert bar.pages == 1
    assert bar.pages_shown() == "1 page"
    bar.pages = 0
    assert bar.pages_shown() == ""


def test_corrupt_result_entries_are_recomputed(isolated_cache: Path) -> None:
    plain = _json()
    assert _json(use_cache=True) == plain
    for entry in isolated_cache.rglob("*.json"):
        entry.write_bytes(b"\x80\x04 broken")
    assert _json(use_cache=True) == plain
    assert _json(use_cache=True) == plain


def test_results_are_reused_only_for_the_same_framework(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _json(use_cache=True)
    other = tmp_path / "f.yaml"
    other.write_text(
        FRAMEWORK.read_text(encoding="utf-8").replace(
            "Give every child the best start in life", "Give every baby the best start"
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    renderer("json")(check([EXAMPLES], other, use_cache=True), out, RenderOptions())
    assert "Give every baby the best start" in out.getvalue()

    def fail(*args: object) -> None:
        raise AssertionError("matched although the result was cached")

    monkeypatch.setattr("alignck.match.Matcher.match", fail)
    assert _json(use_cache=True) == plain


def test_a_document_without_text_is_checked_with_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("   \n")
    (result,) = prepare_all([empty], use_cache=False)
    assert isinstance(result, Prepared)
    assert result.warnings == ("no text found; every priority is a gap for this document",)


def test_a_document_that_states_nothing_alignck_can_find_is_warned_of(tmp_path: Path) -> None:
    # An empty Outside row would otherwise read as 'nothing beyond the framework'.
    prose = tmp_path / "prose.md"
    prose.write_text(
        "# Trust strategy\n\nThe Trust's attention will be on three things. First, shorter "
        "waits for planned operations. Second, a better place to work.\n",
        encoding="utf-8",
    )
    listed = tmp_path / "listed.md"
    listed.write_text("# Plan\n\n## Our priorities\n\n- Warm homes\n- Clean air\n")
    prose_result, listed_result = prepare_all([prose, listed], use_cache=False)
    assert isinstance(prose_result, Prepared) and isinstance(listed_result, Prepared)
    assert prose_result.warnings == (
        "no stated priorities found (no list, heading or 'we will' sentence stating one): "
        "nothing it states can show as outside the framework; 'alignck extract' shows what "
        "was read",
    )
    assert listed_result.warnings == ()


def test_a_document_that_has_gone_is_said_in_words(tmp_path: Path) -> None:
    from alignck.readers import read_document

    with pytest.raises(ReadError) as raised:
        read_document(tmp_path / "gone.md")
    assert str(raised.value) == f"{tmp_path / 'gone.md'}: cannot read file: no such file or folder"


def test_progress_bar_names_the_current_file_as_reports_do(tmp_path: Path) -> None:
    # Seventy files called 'strategy': the file name alone told none apart.
    from alignck.progress import ProgressBar

    paths = [
        str(tmp_path / "north" / "trust" / "strategy.md"),
        str(tmp_path / "south" / "strategy.md"),
    ]
    shown: list[str] = []
    bar = ProgressBar(io.StringIO(), total=2, paths=paths)
    bar._progress.update = lambda task, **fields: shown.append(fields["current"])  # type: ignore[method-assign]
    bar(paths[0], None)
    bar(paths[1], None)
    assert shown == ["trust/strategy", "south/strategy"]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx", ".pdf"])
def test_a_zero_byte_file_is_unreadable_in_every_format_alike(tmp_path: Path, suffix: str) -> None:
    # An empty .md or .txt was a checked partner with every priority a gap; an empty .docx
    # or .pdf an error, each in its own words.
    from alignck.readers import read_document

    empty = tmp_path / f"download{suffix}"
    empty.write_bytes(b"")
    with pytest.raises(ReadError) as raised:
        read_document(empty)
    assert str(raised.value) == f"{empty}: empty file (0 bytes): no document to check"


def _matched(path: Path, status: str = "ok") -> Matched:
    from alignck.model import DocumentResult

    result = DocumentResult(str(path), status, format="markdown", warnings=("short",))  # type: ignore[arg-type]
    return Matched(result, b'["an entry"]', b'["its result"]')


def _plan_and_its_key(folder: Path) -> tuple[Path, str]:
    from alignck.reading import document_key

    plan = folder / "plan.md"
    plan.write_text("# Plan\n\n- We will end fuel poverty.\n", encoding="utf-8")
    key = document_key(plan)
    assert isinstance(key, str)
    return plan, key


def test_a_document_matched_in_a_worker_is_cached_as_the_worker_encoded_it(
    tmp_path: Path,
) -> None:
    from alignck.model import ReadOptions
    from alignck.reading import _stored_if_unchanged

    plan, key = _plan_and_its_key(tmp_path)
    kept = _stored_if_unchanged(key, plan, _matched(plan), ReadOptions())
    assert kept == _matched(plan) and kept.cacheable
    assert entry_path(cache.cache_dir(), key).read_bytes() == b'["an entry"]'


def test_a_document_saved_while_a_worker_matched_it_is_warned_of_and_not_cached(
    tmp_path: Path,
) -> None:
    from alignck.model import ReadOptions
    from alignck.reading import CHANGED_WHILE_READ, _stored_if_unchanged

    plan, key = _plan_and_its_key(tmp_path)
    plan.write_text("# Plan\n\n- We will open two crisis cafes.\n", encoding="utf-8")
    written = cache.writes()
    raced = _stored_if_unchanged(key, plan, _matched(plan), ReadOptions())
    assert raced.changed and not raced.cacheable and raced.result_entry is None
    assert raced.result.warnings == ("short", CHANGED_WHILE_READ)
    assert cache.writes() == written


def test_a_document_a_worker_could_not_match_in_time_is_not_warned_of_a_change_too() -> None:
    # Matched here, a result of matching too slowly replaces the prepared document, and the
    # warning it carried with it: the worker's result said the file changed as well.
    from alignck.reading import CHANGED_WHILE_READ

    slow = _matched(Path("plan.md"), status="error").changed_while_read()
    assert slow.changed and CHANGED_WHILE_READ not in slow.result.warnings


def test_a_result_a_worker_encoded_arrives_as_the_cache_would_give_it() -> None:
    # Unpickled, each of a result's thousands of scores was an object of its own: 80 MB
    # more at the peak of 1,000 documents against 300 priorities.
    from alignck.model import Alignment, DocumentResult
    from alignck.reading import MatchedEntry

    alignments = tuple(Alignment(f"p{k}", "partial", 0.5123, commitment=0.25) for k in range(3))
    result = DocumentResult("plan.md", "ok", format="markdown", alignments=alignments)
    sent = MatchedEntry(cache.encoded("k", result), "k", None)
    arrived = Matched.arrived(sent)
    assert arrived.result == result and arrived.result_entry == sent.result
    assert len({id(a.score) for a in arrived.result.alignments}) == 1
    assert Matched.arrived(MatchedEntry(cache.encoded("", result), "", None)).result_entry is None


def test_a_file_saved_again_with_the_same_bytes_while_read_is_not_cached_half_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An editor or sync client writing the file in place while alignck reads it: the bytes
    # are the same before and after, but the reader met it half-written.
    import os

    from alignck import reading

    plan = tmp_path / "plan.md"
    whole = "# Plan\n\n## Our priorities\n\n- Warm homes\n- Good jobs\n- Clean air\n"
    plan.write_text(whole, encoding="utf-8")
    real_prepare = reading.prepare
    calls: list[int] = []

    def read_while_saved(path: Path, options: object = None) -> object:
        calls.append(1)
        if len(calls) > 1:
            return real_prepare(path, options)  # type: ignore[arg-type]
        path.write_text(whole[:40], encoding="utf-8")  # the save has begun
        half = real_prepare(path, options)  # type: ignore[arg-type]
        path.write_text(whole, encoding="utf-8")  # and ends, the same bytes as before
        status = path.stat()
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))
        return half

    monkeypatch.setattr(reading, "prepare", read_while_saved)
    [first] = prepare_all([plan], use_cache=True)
    [cached] = prepare_all([plan], use_cache=True)
    [clean] = prepare_all([plan], use_cache=False)
    assert isinstance(first, Prepared) and isinstance(cached, Prepared)
    assert isinstance(clean, Prepared)
    assert len(calls) >= 2  # read again once it held still
    assert [p.text for p in cached.passages] == [p.text for p in clean.passages]
    assert "Clean air" in [p.text for p in cached.passages]
