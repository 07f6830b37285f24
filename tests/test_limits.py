"""Limits on one document's work: each hostile file is one line naming it and the limit, exit 2,
and every other document is still checked."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_files import (
    encrypted_pdf,
    hand_written_pdf,
    spaces_after_text,
    stream,
    understated,
    word_file,
)
from typer.testing import CliRunner

from alignck.cli import app
from alignck.errors import LimitExceeded
from alignck.limits import MB, Limits, TimeLimit, deadline
from alignck.model import ReadOptions
from alignck.reading import prepare

runner = CliRunner()


def _check(*paths: Path, framework: Path):  # type: ignore[no-untyped-def]
    args = ["check", *map(str, paths), "-f", str(framework), "--format", "json", "--no-cache"]
    return runner.invoke(app, [*args, "--matcher", "lexical"])


def _checked(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {d["path"]: d["status"] for d in json.loads(result.stdout)["documents"]}


def _paragraphs(count: int, text: str = "x") -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() * count


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.md"
    path.write_text("# Plan\n\nWe will tackle loneliness.\n", encoding="utf-8")
    return path


def test_a_file_over_the_size_limit_is_one_line_and_the_others_are_checked(
    tmp_path: Path, plan: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"We will tackle loneliness.\n\n" * 50_000)  # 1.4 MB
    monkeypatch.setenv("ALIGNCK_MAX_FILE_MB", "1")
    result = _check(big, plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {big}: 1.3 MB file, over the limit of 1 MB; raise it with "
        "ALIGNCK_MAX_FILE_MB"
    ]
    assert _checked(result) == {str(big): "error", str(plan): "ok"}


def test_text_over_the_character_limit(
    tmp_path: Path, plan: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = tmp_path / "long.md"
    long.write_text("We will tackle loneliness. " * 100, encoding="utf-8")
    monkeypatch.setenv("ALIGNCK_MAX_CHARACTERS", "1000")
    result = _check(long, plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {long}: more than 1,000 characters of text, over the limit of 1,000; "
        "raise it with ALIGNCK_MAX_CHARACTERS"
    ]
    assert _checked(result) == {str(long): "error", str(plan): "ok"}


@pytest.mark.parametrize("engine", ["pdfium", "pypdf"])
def test_a_pdf_over_the_page_limit_is_refused_before_its_pages_are_read(
    tmp_path: Path, engine: str
) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "pages.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    found = prepare(path, ReadOptions(engine, limits=Limits(pages=2)))
    assert isinstance(found, LimitExceeded)
    assert str(found) == (
        f"{path}: 3 pages, over the limit of 2 pages; raise it with ALIGNCK_MAX_PAGES"
    )


def test_a_docx_zip_bomb_is_refused_from_its_declared_sizes(
    tmp_path: Path, plan: Path, small_framework: Path
) -> None:
    bomb = word_file(tmp_path / "bomb.docx", _paragraphs(200_000))  # 7 MB inflating from ~20 kB
    result = _check(bomb, plan, framework=small_framework)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    # The ratio depends on zlib's version; the rest is exact.
    assert re.fullmatch(
        f"alignck: error: {re.escape(str(bomb))}: part word/document.xml inflates "
        r"[1-9]\d\d+ times over \(6\.5 MB\); a zip bomb, not a Word document",
        line,
    )
    assert _checked(result) == {str(bomb): "error", str(plan): "ok"}


def test_a_docx_part_that_inflates_past_its_declared_size_is_refused(
    tmp_path: Path, plan: Path, small_framework: Path
) -> None:
    # Declared at 5,000 bytes, the limits passed it, and python-docx inflated it up to 2 GB at
    # a time: 2.1 GB of memory, then 'a zip archive without a Word document in it'.
    path = word_file(tmp_path / "liar.docx", _paragraphs(200_000))
    understated(path, "word/document.xml", 5_000)
    result = _check(path, plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {path}: part word/document.xml inflates past the 5,000 bytes its "
        "archive declares: a zip bomb or a damaged file, not a Word document"
    ]
    assert _checked(result) == {str(path): "error", str(plan): "ok"}


def test_docx_parts_over_the_inflated_and_xml_limits(tmp_path: Path) -> None:
    # Random text compresses less than prose, so only the size limits can stop it.
    body = b"".join(_paragraphs(1, os.urandom(40).hex()) for _ in range(22_000))
    path = word_file(tmp_path / "long.docx", body)
    too_much_xml = prepare(path, ReadOptions(limits=Limits(xml_mb=1)))
    assert isinstance(too_much_xml, LimitExceeded)
    assert "XML parts that inflate to" in str(too_much_xml)
    assert str(too_much_xml).endswith("over the limit of 1 MB; raise it with ALIGNCK_MAX_XML_MB")
    too_much = prepare(path, ReadOptions(limits=Limits(inflated_mb=1)))
    assert isinstance(too_much, LimitExceeded)
    assert str(too_much).endswith("over the limit of 1 MB; raise it with ALIGNCK_MAX_INFLATED_MB")
    assert not isinstance(prepare(path, ReadOptions()), LimitExceeded)


def _hang_on_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the Markdown reader loop for ever on a file named slow.md."""
    import alignck.readers.markdown as markdown

    original = markdown.read

    def hang_on_slow(path: Path, options: ReadOptions | None = None):  # type: ignore[no-untyped-def]
        while path.name == "slow.md":
            time.sleep(0.05)  # a parser stuck on a hostile file
        return original(path, options)

    monkeypatch.setattr(markdown, "read", hang_on_slow)


@pytest.mark.parametrize("timer", ["signal", "thread"])
def test_a_document_over_its_time_limit_is_an_error_and_the_run_goes_on(
    tmp_path: Path,
    plan: Path,
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
    timer: str,
) -> None:
    if timer == "thread":  # as on Windows, which has no timer signal
        monkeypatch.delattr(signal, "setitimer", raising=False)
    slow = tmp_path / "slow.md"
    slow.write_text("# Slow\n\nWe will tackle loneliness.\n", encoding="utf-8")
    _hang_on_slow(monkeypatch)
    monkeypatch.setenv("ALIGNCK_MAX_SECONDS", "2")
    result = _check(plan, slow, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {slow}: not done in time, over the limit of 2 s; raise it with "
        "ALIGNCK_MAX_SECONDS"
    ]
    assert _checked(result) == {str(plan): "ok", str(slow): "error"}


def test_the_time_limit_holds_in_a_thread_other_than_the_main_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library caller's worker thread cannot receive a timer signal."""
    slow = tmp_path / "slow.md"
    slow.write_text("# Slow\n", encoding="utf-8")
    _hang_on_slow(monkeypatch)
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.append(prepare(slow, ReadOptions(limits=Limits(seconds=0.5)))),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=60)
    assert [str(item) for item in found] == [
        f"{slow}: not done in time, over the limit of 0.5 s; raise it with ALIGNCK_MAX_SECONDS"
    ]


def test_a_time_limit_never_lands_after_its_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(signal, "setitimer", raising=False)
    for _ in range(20):
        with deadline(0.01):
            sum(range(20_000))  # ends about when the timer fires
    time.sleep(0.1)  # a stray TimeLimit would land here, outside any deadline
    with pytest.raises(TimeLimit), deadline(0.05):
        while True:
            sum(range(1_000))


def test_a_caller_s_own_timer_is_left_running_and_a_limit_still_holds() -> None:
    # A library caller's signal.alarm(60) was cancelled by the first Markdown document read:
    # its handler came back, its pending timer did not.
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with deadline(5):
            sum(range(1_000))
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 25 < remaining <= 30
        with pytest.raises(TimeLimit), deadline(0.05):
            while True:
                sum(range(1_000))
        assert 25 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with deadline(5):
            time.sleep(0.3)  # the caller's timer fires inside the block, to its own handler
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_document_of_too_many_passages(
    tmp_path: Path, plan: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = tmp_path / "many.md"
    many.write_text("# Plan\n\n" + "We will act. " * 30, encoding="utf-8")
    monkeypatch.setenv("ALIGNCK_MAX_PASSAGES", "20")
    result = _check(many, plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {many}: 30 passages to match (sentences, list items, headings), "
        "over the limit of 20; raise it with ALIGNCK_MAX_PASSAGES"
    ]
    assert _checked(result) == {str(many): "error", str(plan): "ok"}


@pytest.mark.parametrize(
    ("variable", "limit", "problem"),
    [
        (
            "ALIGNCK_MAX_PASSAGES",
            "20",
            "30 passages to match (sentences, list items, headings), over the limit of 20",
        ),
        (
            "ALIGNCK_MAX_CHARACTERS",
            "100",
            "more than 100 characters of text, over the limit of 100",
        ),
    ],
)
def test_a_cached_document_over_a_lowered_limit_is_refused_as_a_cold_run_refuses_it(
    tmp_path: Path,
    plan: Path,
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    limit: str,
    problem: str,
) -> None:
    many = tmp_path / "many.md"
    many.write_text("# Plan\n\n" + "We will act. " * 30, encoding="utf-8")
    args = ["check", str(many), str(plan), "-f", str(small_framework), "--format", "json"]
    args += ["--matcher", "lexical"]
    assert runner.invoke(app, args).exit_code == 0  # read under the defaults and cached
    monkeypatch.setenv(variable, limit)
    cached = runner.invoke(app, args)
    cold = runner.invoke(app, [*args, "--no-cache"])
    assert cached.exit_code == cold.exit_code == 2
    assert cached.stderr.splitlines() == [
        f"alignck: error: {many}: {problem}; raise it with {variable}"
    ]
    assert (cached.stdout, cached.stderr) == (cold.stdout, cold.stderr)
    assert _checked(cached) == {str(many): "error", str(plan): "ok"}
    monkeypatch.delenv(variable)
    assert runner.invoke(app, args).exit_code == 0  # the entry of the defaults still serves


@pytest.mark.parametrize("value", ["0", "-3", "lots", "inf"])
def test_a_limit_that_is_not_a_positive_number_is_one_line(
    plan: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("ALIGNCK_MAX_PAGES", value)
    result = _check(plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: ALIGNCK_MAX_PAGES must be a whole number above 0 (got {value!r})"
    ]


PEAK_OF_CHILDREN = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(done.returncode, peak // 1024)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_the_largest_word_file_the_limits_let_be_parsed_stays_within_a_gigabyte(
    tmp_path: Path, small_framework: Path
) -> None:
    """Just under the XML and paragraph limits, in text that compresses like prose: parsed in
    full, then refused for its characters. Measured over every process of the run (the peak
    of any one of them); 64 MB of one-word paragraphs peaked at 1.3 GB before the limits."""
    paragraphs = Limits().paragraphs - 1000
    per_paragraph = (Limits().xml_mb * MB - 100_000) // paragraphs
    text_size = per_paragraph - len(_paragraphs(1, ""))
    body = b"".join(_paragraphs(1, os.urandom(text_size // 2).hex()) for _ in range(paragraphs))
    hostile = word_file(tmp_path / "hostile.docx", body)
    command = [sys.executable, "-m", "alignck", "check", str(hostile), "-f", str(small_framework)]
    wrapper = [sys.executable, "-c", PEAK_OF_CHILDREN, *command, "--no-cache", "--jobs", "2"]
    done = subprocess.run(wrapper, capture_output=True, text=True, check=False)
    code, peak_mb = map(int, done.stdout.split())
    assert code == 2  # over the character limit, once parsed
    assert peak_mb < 1024


@pytest.mark.parametrize("engine", ["pdfium", "pypdf"])
def test_a_pdf_whose_page_inflates_to_a_gigabyte_is_one_line_and_the_others_are_checked(
    tmp_path: Path,
    plan: Path,
    small_framework: Path,
    monkeypatch: pytest.MonkeyPatch,
    engine: str,
) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hand_written_pdf(stream(spaces_after_text(1024))))  # 1 GB from 1 MB
    before = bomb.read_bytes()
    monkeypatch.setenv("ALIGNCK_PDF_ENGINE", engine)
    result = _check(bomb, plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {bomb}: a compressed stream that inflates to more than 4 MB, over "
        "the limit of 4 MB; raise it with ALIGNCK_MAX_STREAM_MB"
    ]
    assert _checked(result) == {str(bomb): "error", str(plan): "ok"}
    assert bomb.read_bytes() == before


def test_an_encrypted_pdf_bomb_is_one_line_and_the_others_are_checked(
    tmp_path: Path, plan: Path, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "locked.pdf"
    bomb.write_bytes(encrypted_pdf(spaces_after_text(64), "s3cret"))
    before = bomb.read_bytes()
    monkeypatch.setenv("ALIGNCK_PDF_PASSWORD", "s3cret")
    result = _check(bomb, plan, framework=small_framework)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {bomb}: a compressed stream that inflates to more than 4 MB, over "
        "the limit of 4 MB; raise it with ALIGNCK_MAX_STREAM_MB"
    ]
    assert _checked(result) == {str(bomb): "error", str(plan): "ok"}
    assert bomb.read_bytes() == before


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_a_pdf_bomb_is_refused_within_a_few_hundred_megabytes(
    tmp_path: Path, small_framework: Path
) -> None:
    """Measured over every process of the run; 2 GB of spaces on one page peaked at 3.1 GB before
    streams were measured."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hand_written_pdf(stream(spaces_after_text(1024))))
    command = [sys.executable, "-m", "alignck", "check", str(bomb), "-f", str(small_framework)]
    wrapper = [sys.executable, "-c", PEAK_OF_CHILDREN, *command, "--no-cache"]
    done = subprocess.run(wrapper, capture_output=True, text=True, check=False)
    code, peak_mb = map(int, done.stdout.split())
    assert code == 2
    assert peak_mb < 512


def test_too_many_paragraphs_are_refused_before_a_docx_is_parsed(tmp_path: Path) -> None:
    path = word_file(tmp_path / "many.docx", _paragraphs(20, "We will act."))
    found = prepare(path, ReadOptions(limits=Limits(paragraphs=10)))
    assert str(found) == (
        f"{path}: 20 paragraphs, list items and cells, over the limit of 10; raise it with "
        "ALIGNCK_MAX_PARAGRAPHS"
    )
    text = tmp_path / "many.txt"
    text.write_text("We will act.\n\n" * 20, encoding="utf-8")
    assert isinstance(prepare(text, ReadOptions(limits=Limits(paragraphs=10))), LimitExceeded)
    assert not isinstance(prepare(path, ReadOptions(limits=Limits(paragraphs=20))), LimitExceeded)


def test_text_four_times_over_the_character_limit_is_refused_before_it_is_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 250 MB of text with one emoji took a gigabyte decoded (four bytes a character) before
    # the count refused it: no encoding takes more than four bytes a character.
    from alignck.readers import _text, read_document

    def never(data: bytes) -> tuple[str, str | None]:
        raise AssertionError("decoded")

    monkeypatch.setattr(_text, "decode", never)
    wide = tmp_path / "wide.txt"
    wide.write_bytes("😀".encode() + b"we will improve services. " * 20)
    options = ReadOptions(limits=Limits(characters=100))
    with pytest.raises(LimitExceeded, match="more than 100 characters"):
        read_document(wide, options)


def test_a_markdown_table_over_the_paragraph_limit_stops_where_it_passes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A table of 20,000 columns made five million cells, 1.6 GB of blocks, before the count
    # of a finished document refused it: the builder stops at the limit.
    from alignck.readers import _builder, read_document

    made = []
    real = _builder.Block

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_builder, "Block", counted)
    table = tmp_path / "table.md"
    row = "|" + "x|" * 200
    table.write_text("|" + "a|" * 200 + "\n|" + "-|" * 200 + "\n" + (row + "\n") * 50)
    options = ReadOptions(limits=Limits(paragraphs=500))
    with pytest.raises(LimitExceeded, match="paragraphs, list items and cells"):
        read_document(table, options)
    # Twice the limit at most: a contents list is left out after the count of blocks made.
    assert len(made) <= 1000
    made.clear()
    lines = tmp_path / "lines.txt"
    lines.write_text("We act.\n\n" * 3000, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="paragraphs, list items and cells"):
        read_document(lines, options)
    assert len(made) <= 1000
