import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from alignck.reading import prepare_all
from alignck.signals import available_matcher


def test_cache_info_and_clear(make_document, isolated_cache) -> None:  # type: ignore[no-untyped-def]
    prepare_all([make_document("plan.md")], use_cache=True)
    runner = CliRunner()
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and "1 cache entry, " in info.stdout
    # Each kind of entry counted apart: a replayable run's record holds its whole report.
    assert "  1 parsed documents: " in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 1 cache entry from" in cleared.stdout
    assert not list(isolated_cache.rglob("*.json"))


def test_cache_info_tells_run_records_from_documents(make_document, isolated_cache) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    runner = CliRunner()
    plan = str(make_document("plan.md"))
    assert runner.invoke(app, ["check", plan, "-f", str(FRAMEWORK), "-q"]).exit_code == 0
    from alignck import cache
    from alignck.replay import RunRecord

    cache.claim()
    cache.store("0" * 64, RunRecord((), (), False, "d", "x" * 5000, "strict", "", 0))
    info = runner.invoke(app, ["cache", "info"]).stdout
    # Each kind of entry counted apart: a replayable run's record holds its whole report.
    assert "  1 parsed documents: " in info
    assert "  1 document results: " in info
    assert "  1 run records kept to replay a run (each holds its report): " in info


def test_no_cache_leaves_the_cache_empty(make_document, isolated_cache) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    result = CliRunner().invoke(
        app, ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK), "--no-cache"]
    )
    assert result.exit_code == 0
    assert not list(isolated_cache.rglob("*.json"))


def test_a_check_trims_the_cache_to_its_limit(make_document, isolated_cache, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    plan = str(make_document("plan.md"))
    runner = CliRunner()
    assert runner.invoke(app, ["check", plan, "-f", str(FRAMEWORK)]).exit_code == 0
    assert list(isolated_cache.rglob("*.json"))  # the default limit keeps what was written

    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "0")
    other = str(make_document("other.md", [("p", "We will open two new youth centres.")]))
    assert runner.invoke(app, ["check", other, "-f", str(FRAMEWORK)]).exit_code == 0
    assert not list(isolated_cache.rglob("*.json"))


def test_a_warm_check_trims_the_cache_to_a_limit_lowered_since(
    make_document, isolated_cache, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # The limit was applied only by a run that wrote entries: a fully warm run left the
    # folder at 133 MB under ALIGNCK_CACHE_MAX_MB=10.
    from conftest import FRAMEWORK

    plan = str(make_document("plan.md"))
    runner = CliRunner()
    args = ["check", plan, "-f", str(FRAMEWORK), "--format", "json"]
    assert runner.invoke(app, args).exit_code == 0
    assert list(isolated_cache.rglob("*.json"))
    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "0")
    assert runner.invoke(app, args).exit_code == 0  # nothing new to write
    assert not list(isolated_cache.rglob("*.json"))


def test_a_cache_limit_of_nothing_keeps_nothing_not_even_the_run_s_record(
    make_document, isolated_cache, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # Trimmed to nothing after the run, the cache still held the run's record, whose report
    # quoted the documents (an information governance officer's test).
    from conftest import FRAMEWORK

    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "0")
    plan = str(make_document("plan.md"))
    report = tmp_path / "report.json"
    # In a process of its own, as a run keeps its record only there.
    args = [sys.executable, "-m", "alignck", "check", plan, "-f", str(FRAMEWORK), "-q"]
    for _ in range(2):
        done = subprocess.run([*args, "-o", str(report)], capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        assert report.is_file()
        assert not list(isolated_cache.rglob("*.json"))


def test_the_cache_folder_is_its_owner_s_alone_whatever_the_umask(
    make_document, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Made under umask 000, the folders were world-writable: another user could swap entries.
    from conftest import FRAMEWORK

    folder = tmp_path / "xdg" / "alignck" / "cache"
    monkeypatch.setenv("ALIGNCK_CACHE_DIR", str(folder))
    monkeypatch.delenv("ALIGNCK_CACHE_MAX_MB", raising=False)
    plan = str(make_document("plan.md"))
    previous = os.umask(0)
    try:
        result = CliRunner().invoke(app, ["check", plan, "-f", str(FRAMEWORK), "-q"])
    finally:
        os.umask(previous)
    assert result.exit_code == 0
    # The folders it made above the cache too (a review): 'xdg/alignck' was left open.
    made = [tmp_path / "xdg", tmp_path / "xdg" / "alignck"]
    folders = [*made, folder, *(p for p in folder.rglob("*") if p.is_dir())]
    assert len(folders) > 3
    for made in folders:
        assert made.stat().st_mode & 0o077 == 0, made


def test_a_bad_cache_limit_is_one_line_and_exit_2(make_document, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "1GB")
    result = CliRunner().invoke(app, ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "alignck: error: ALIGNCK_CACHE_MAX_MB must be a whole number of megabytes, not '1GB'"
    ]


def test_a_pdf_opened_with_a_password_is_never_cached(
    make_document, isolated_cache, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfWriter

    from conftest import FRAMEWORK

    plain = make_document("plan.pdf")
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    locked = plain.with_name("locked.pdf")
    with locked.open("wb") as handle:
        writer.write(handle)
    runner = CliRunner()

    refused = runner.invoke(app, ["check", str(locked), "-f", str(FRAMEWORK)])
    assert refused.exit_code == 2
    assert f"{locked}: password-protected PDF; give its password with --password" in (
        refused.stderr
    )

    opened = runner.invoke(
        app, ["check", str(locked), "-f", str(FRAMEWORK), "--password", "s3cret"]
    )
    assert opened.exit_code == 0, opened.stderr
    assert "Northby" in opened.stdout
    # Only the framework's embedded priorities are kept: nothing of the document.
    entries = [json.loads(p.read_bytes()) for p in isolated_cache.rglob("*.json")]
    assert [entry[3] for entry in entries] in ([], ["FacetEmbeddings"])

    monkeypatch.setenv("ALIGNCK_PDF_PASSWORD", "s3cret")
    assert runner.invoke(app, ["check", str(locked), "-f", str(FRAMEWORK)]).exit_code == 0
    # The same document unencrypted is cached as usual.
    assert runner.invoke(app, ["check", str(plain), "-f", str(FRAMEWORK)]).exit_code == 0
    assert list(isolated_cache.rglob("*.json"))


def test_an_unknown_pdf_engine_is_one_line_and_exit_2(make_document, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    monkeypatch.setenv("ALIGNCK_PDF_ENGINE", "ghostscript")
    result = CliRunner().invoke(
        app, ["check", str(make_document("plan.pdf")), "-f", str(FRAMEWORK)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "alignck: error: ALIGNCK_PDF_ENGINE must be one of pdfium, pypdf (got 'ghostscript')"
    )


def test_switching_themes_off_is_not_answered_from_the_cache(
    make_document, isolated_cache, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    plan = str(make_document("plan.md", [("p", "We will halve greenhouse gas emissions.")]))
    framework = tmp_path / "climate.yaml"
    text = "framework: {name: t}\npriorities:\n  - {id: climate, title: Tackle climate change}\n"
    runner = CliRunner()
    framework.write_text(text, encoding="utf-8")
    args = ["check", plan, "-f", str(framework), "--format", "csv", "--matcher", "lexical"]
    first = runner.invoke(app, args)
    framework.write_text(text + "themes: false\n", encoding="utf-8")
    second = runner.invoke(app, args)
    # Without themes nothing in the sentence is the framework's word: a lower score, not the
    # cached one.
    assert first.exit_code == 0 and second.exit_code == 0
    assert first.stdout != second.stdout
    assert list(isolated_cache.rglob("*.json"))


def _ordinary_folder(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """ALIGNCK_CACHE_DIR pointed, by mistake, at a folder holding a private key."""
    folder = tmp_path / "dot-ssh"
    folder.mkdir()
    (folder / "id_rsa").write_text("PRIVATE KEY\n", encoding="utf-8")
    monkeypatch.setenv("ALIGNCK_CACHE_DIR", str(folder))
    return folder


def test_cache_clear_refuses_a_folder_alignck_did_not_make(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = _ordinary_folder(tmp_path, monkeypatch)
    result = CliRunner().invoke(app, ["cache", "clear"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {folder}: not alignck's cache folder: it holds 'id_rsa', which "
        "alignck did not write, and no CACHEDIR.TAG from alignck; refusing to clear it"
    ]
    assert result.stdout == ""
    assert (folder / "id_rsa").read_text(encoding="utf-8") == "PRIVATE KEY\n"


def test_check_refuses_to_cache_in_a_folder_alignck_did_not_make(
    make_document, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    folder = _ordinary_folder(tmp_path, monkeypatch)
    plan = str(make_document("plan.md"))
    runner = CliRunner()
    refused = runner.invoke(app, ["check", plan, "-f", str(FRAMEWORK)])
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        f"alignck: error: {folder}: not alignck's cache folder: it holds 'id_rsa', which "
        "alignck did not write, and no CACHEDIR.TAG from alignck; refusing to use it as the cache"
    ]
    assert [p.name for p in folder.iterdir()] == ["id_rsa"]
    # Without the cache the folder is not needed, so nothing stops the check.
    assert runner.invoke(app, ["check", plan, "-f", str(FRAMEWORK), "--no-cache"]).exit_code == 0


def test_cache_clear_in_alignck_s_folder_spares_files_it_did_not_write(
    make_document, isolated_cache
) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    runner = CliRunner()
    assert (
        runner.invoke(app, ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK)]).exit_code
        == 0
    )
    assert (isolated_cache / "CACHEDIR.TAG").is_file()
    mine = isolated_cache / "notes.txt"
    mine.write_text("mine\n", encoding="utf-8")
    cleared = runner.invoke(app, ["cache", "clear"])
    # The document, its result and, with the semantic matcher, the framework's embedded
    # priorities.
    entries = 3 if available_matcher("auto") == "semantic" else 2
    assert cleared.exit_code == 0 and f"removed {entries} cache entries" in cleared.stdout
    assert mine.read_text(encoding="utf-8") == "mine\n"
    assert not list(isolated_cache.rglob("*.json"))


@pytest.mark.parametrize("command", [["cache", "clear"], ["cache", "info"], ["check"]])
def test_a_cache_folder_that_is_a_file_is_one_line_and_exit_2(
    command, make_document, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    file = tmp_path / "cache"
    file.write_text("a file\n", encoding="utf-8")
    monkeypatch.setenv("ALIGNCK_CACHE_DIR", str(file))
    if command == ["check"]:
        command = ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"alignck: error: {file}: not a folder")
    assert file.read_text(encoding="utf-8") == "a file\n"


def test_cache_clear_on_a_read_only_folder_is_one_line_and_exit_2(
    make_document, isolated_cache, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno

    from alignck import cache

    prepare_all([make_document("plan.md")], use_cache=True)

    def read_only(path: str) -> None:
        raise OSError(errno.EROFS, "Read-only file system", path)

    monkeypatch.setattr(cache, "_remove", read_only)
    result = CliRunner().invoke(app, ["cache", "clear"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"alignck: error: {isolated_cache}: cannot clear the cache folder: Read-only file system\n"
    )


@pytest.mark.parametrize("command", ["check", "diff"])
def test_a_cache_folder_that_cannot_be_made_is_a_warning_and_the_run_goes_on(
    command, make_document, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # A container's read-only home: the cache only saves time, so the gate must still run.
    import json

    from conftest import FRAMEWORK

    blocker = tmp_path / "home"
    blocker.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("ALIGNCK_CACHE_DIR", str(blocker / "cache"))
    plan = str(make_document("plan.md"))
    args = [plan] if command == "check" else [plan, plan]
    result = CliRunner().invoke(app, [command, *args, "-f", str(FRAMEWORK), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)
    warnings = [line for line in result.stderr.splitlines() if "cache" in line]
    assert warnings == [
        f"alignck: warning: {blocker / 'cache'}: cannot use the cache folder: Not a directory; "
        "running without it (ALIGNCK_CACHE_DIR names another)"
    ]
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.parametrize("given", ["raises", "~/.cache/alignck"])
def test_a_user_without_a_home_folder_runs_without_the_cache(
    given, make_document, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # A packaging tester's CI user with no HOME and no password entry: platformdirs raised
    # and check ended in a traceback with exit 1; platformdirs before 4.1 named a folder '~'
    # in the working directory, and documents' text was cached there, in the checkout.
    import json

    import platformdirs

    from conftest import FRAMEWORK

    def no_home(*args, **kwargs):  # type: ignore[no-untyped-def]
        if given == "raises":
            raise RuntimeError("could not determine the home directory for '~/.cache'")
        return given

    monkeypatch.delenv("ALIGNCK_CACHE_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_cache_dir", no_home)
    monkeypatch.chdir(tmp_path)
    plan = str(make_document("plan.md"))
    result = CliRunner().invoke(app, ["check", plan, "-f", str(FRAMEWORK), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)
    assert [line for line in result.stderr.splitlines() if "cache" in line] == [
        "alignck: warning: no home folder to keep the cache in (HOME is not set and this "
        "user has none): set ALIGNCK_CACHE_DIR to keep it somewhere; running without it"
    ]
    assert not (tmp_path / "~").exists()
    info = CliRunner().invoke(app, ["cache", "info"])
    assert info.exit_code == 2
    assert info.stderr.startswith("alignck: error: no home folder to keep the cache in")
    assert len(info.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("refusal", "problem", "remedy", "not_said"),
    [
        # A full cache folder made every run cold, exit 0, with nothing to say why.
        (
            OSError(28, "No space left on device"),
            "(no space left on device)",
            "free space there",
            "a folder of your own",
        ),
        # A folder shared by setting the variable for everyone: 'free space there' was no help.
        (
            PermissionError(13, "Permission denied"),
            "(permission denied)",
            "set ALIGNCK_CACHE_DIR to a folder of your own",
            "free space",
        ),
    ],
)
def test_a_cache_that_cannot_be_written_is_warned_of_with_its_remedy(
    make_document, small_framework, monkeypatch, refusal, problem, remedy, not_said
) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from alignck import cache
    from alignck.cli import app

    def refused(path, data):  # type: ignore[no-untyped-def]
        raise refusal

    monkeypatch.setattr(cache, "_write_problem", None)
    monkeypatch.setattr(cache, "_write_whole", refused)
    plan = make_document("plan.md")
    result = CliRunner().invoke(
        app, ["check", str(plan), "-f", str(small_framework), "--format", "json"]
    )
    assert result.exit_code in (0, 1)
    assert "alignck: warning: the cache could not be written in " in result.stderr
    assert problem in result.stderr
    assert remedy in result.stderr
    assert not_said not in result.stderr
