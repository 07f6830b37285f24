"""Only regular files are read: a FIFO, a device or a kernel file among the documents is one
error line for that file, the others are still checked, exit 2, and nothing hangs."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from conftest import within

runner = CliRunner()
ONLY = "not a regular file; alignck reads only regular files"
KERNEL = "a file of the kernel's /proc or /sys, not a document; alignck reads only regular files"
needs_proc = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="no /proc")


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    return within(60, lambda: runner.invoke(app, list(args)))


def _in_docs(make_document, tmp_path: Path, name: str = "plan.md") -> Path:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir(exist_ok=True)
    return make_document(f"docs/{name}")  # type: ignore[no-any-return]


def _statuses(stdout: str) -> dict[str, str]:
    return {Path(d["path"]).name: d["status"] for d in json.loads(stdout)["documents"]}


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cached", "no cache"])
def test_a_fifo_in_a_checked_folder_is_an_error_and_hangs_nothing(
    make_document, small_framework, tmp_path, cache
) -> None:  # type: ignore[no-untyped-def]
    plan = _in_docs(make_document, tmp_path)
    fifo = plan.parent / "pipe.md"
    os.mkfifo(fifo)
    result = _invoke(
        "check", str(plan.parent), "-f", str(small_framework), "--format", "json", *cache
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"alignck: error: {fifo}: a named pipe (FIFO), {ONLY}"]
    assert _statuses(result.stdout) == {"pipe.md": "error", "plan.md": "ok"}


@needs_proc
def test_devices_fifos_and_kernel_files_named_directly_are_errors_one_by_one(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    environ = tmp_path / "environ.txt"
    environ.symlink_to("/proc/self/environ")
    named = [str(p) for p in (fifo, zero, environ, plan)]
    result = _invoke("check", *named, "-f", str(small_framework), "--format", "json")
    assert result.exit_code == 2
    assert sorted(result.stderr.splitlines()) == [
        f"alignck: error: {environ}: {KERNEL}",
        f"alignck: error: {fifo}: a named pipe (FIFO), {ONLY}",
        f"alignck: error: {zero}: a character device, {ONLY}",
    ]
    assert _statuses(result.stdout) == {
        "environ.txt": "error",
        "pipe.md": "error",
        "plan.md": "ok",
        "zero.txt": "error",
    }


def test_extract_refuses_a_fifo_and_still_lists_the_others(make_document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    plan = _in_docs(make_document, tmp_path)
    fifo = plan.parent / "pipe.txt"
    os.mkfifo(fifo)
    result = _invoke("extract", str(plan.parent), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"alignck: error: {fifo}: a named pipe (FIFO), {ONLY}"]
    assert _statuses(result.stdout) == {"plan.md": "ok", "pipe.txt": "error"}


def _folder_with_a_way_out(make_document, tmp_path: Path) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """docs/plan.md, and docs/leak.md: a link to a document outside docs/ with a secret in it."""
    plan = _in_docs(make_document, tmp_path)
    secret = make_document("secret.md", [("h1", "Private"), ("p", "TOKEN-8c1f We will open.")])
    (plan.parent / "leak.md").symlink_to(secret)
    return plan.parent, secret


def test_a_link_out_of_the_checked_folder_is_skipped_and_said_so(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    docs, _ = _folder_with_a_way_out(make_document, tmp_path)
    reason = f"a link leading out of {docs}; give --follow-links to follow it"
    shown = _invoke("check", str(docs), "-f", str(small_framework), "--evidence")
    assert shown.exit_code == 0, shown.stderr
    assert f"skipped: {docs / 'leak.md'} ({reason})" in " ".join(shown.stdout.split())

    saved = _invoke("check", str(docs), "-f", str(small_framework), "--format", "json")
    report = json.loads(saved.stdout)
    assert _statuses(saved.stdout) == {"plan.md": "ok"}
    assert report["skipped"] == [{"path": str(docs / "leak.md"), "reason": reason}]
    assert "TOKEN-8c1f" not in saved.stdout


def test_a_broken_link_out_of_the_folder_is_called_broken_the_first_time(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # It said 'give --follow-links to follow it', and with that option, that it was broken.
    docs, secret = _folder_with_a_way_out(make_document, tmp_path)
    secret.unlink()
    saved = _invoke("check", str(docs), "-f", str(small_framework), "--format", "json")
    reasons = {s["reason"] for s in json.loads(saved.stdout)["skipped"]}
    assert reasons == {"a broken link (it leads nowhere)"}


def test_follow_links_reads_what_the_link_leads_to(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    docs, secret = _folder_with_a_way_out(make_document, tmp_path)
    args = ["check", str(docs), "-f", str(small_framework), "--follow-links"]
    result = _invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert _statuses(result.stdout) == {"leak.md": "ok", "plan.md": "ok"}
    assert "TOKEN-8c1f" in result.stdout
    # What a followed link leads to is read, so it is protected from -o like any input.
    before = secret.read_bytes()
    refused = _invoke(*args, "-o", str(secret))
    assert refused.exit_code == 2
    assert "--output would overwrite a document being checked" in refused.stderr
    assert secret.read_bytes() == before


@needs_proc
def test_follow_links_never_reads_devices_fifos_or_kernel_files(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    plan = _in_docs(make_document, tmp_path)
    (plan.parent / "zero.txt").symlink_to("/dev/zero")
    (plan.parent / "environ.md").symlink_to("/proc/self/environ")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (plan.parent / "pipe.md").symlink_to(fifo)
    args = ["check", str(plan.parent), "-f", str(small_framework), "--follow-links"]
    result = _invoke(*args, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {plan.parent / 'environ.md'}: {KERNEL}",
        f"alignck: error: {plan.parent / 'pipe.md'}: a named pipe (FIFO), {ONLY}",
        f"alignck: error: {plan.parent / 'zero.txt'}: a character device, {ONLY}",
    ]
    assert _statuses(result.stdout)["plan.md"] == "ok"


def test_extract_skips_links_out_of_the_folder_unless_told(make_document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs, _ = _folder_with_a_way_out(make_document, tmp_path)

    def listed(*extra: str) -> list[str]:
        result = _invoke("extract", str(docs), "--format", "json", *extra)
        assert result.exit_code == 0, result.stderr
        return [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]]

    assert listed() == ["plan.md"]
    assert listed("--follow-links") == ["leak.md", "plan.md"]  # in the order of their paths


@pytest.mark.parametrize("command", ["check", "extract"])
def test_follow_links_is_in_the_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert "--follow-links" in result.stdout
    assert "never read" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("options", "on_stderr"),
    [
        (["--format", "json"], True),
        (["--format", "csv"], True),
        (["-o", "report.json", "-q"], True),
        # The terminal report shows the warning itself: not said twice.
        ([], False),
        (["-o", "report.json"], False),
    ],
)
def test_a_document_with_no_text_is_a_warning_on_stderr_unless_the_terminal_report_shows_it(
    small_framework, tmp_path, monkeypatch, options, on_stderr
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.md").write_text("\n", encoding="utf-8")
    result = _invoke("check", "empty.md", "-f", str(small_framework), *options)
    assert result.exit_code == 0
    said = "alignck: warning: empty.md: no text found; every priority is a gap"
    assert (said in result.stderr) is on_stderr


@pytest.mark.parametrize(
    "option", ["framework", "--waivers", "--review"], ids=["framework", "waivers", "reviews"]
)
def test_a_fifo_given_as_the_framework_waivers_or_reviews_file_is_refused(
    make_document, small_framework, tmp_path, option
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    fifo = tmp_path / "given.yaml"
    os.mkfifo(fifo)
    framework = fifo if option == "framework" else small_framework
    extra = [] if option == "framework" else [option, str(fifo)]
    result = _invoke("check", str(plan), "-f", str(framework), *extra)
    assert result.exit_code == 2
    assert result.stderr == f"{fifo}: a named pipe (FIFO), {ONLY}\n"
    if option != "--review":
        validated = _invoke("validate", str(framework), *extra)
        assert validated.exit_code == 2
        assert f"{fifo}: a named pipe (FIFO), {ONLY}" in validated.stderr


def test_the_run_s_own_framework_and_waivers_beside_the_documents_are_not_skipped_files(
    tmp_path: Path, make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    # 'alignck check partners/' finds partners/priorities.yaml, as the README lays it out:
    # the run then listed its own framework as a skipped file, under 'Problems'.
    import json
    import shutil

    partners = tmp_path / "partners"
    partners.mkdir()
    shutil.copy(small_framework, partners / "priorities.yaml")
    make_document("partners/plan.md")
    waivers = partners / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - priority: warm-homes\n    reason: Not ours.\n", encoding="utf-8"
    )
    (partners / "notes.csv").write_text("a,b\n", encoding="utf-8")
    # Named by another path than the one the folder walk finds: the file is the same.
    framework = Path(os.path.relpath(partners / "priorities.yaml"))
    args = ["check", str(partners), "-f", str(framework), "--waivers", str(waivers)]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    skipped = [Path(s["path"]).name for s in json.loads(result.stdout)["skipped"]]
    assert skipped == ["notes.csv"]


def test_a_second_framework_among_the_documents_is_said_to_be_one(
    tmp_path: Path, make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    # 'unsupported format (.yaml files)' left the user to wonder which framework was used.
    import json
    import shutil

    (tmp_path / "docs" / "trust").mkdir(parents=True)
    make_document("docs/plan.md")
    shutil.copy(small_framework, tmp_path / "docs" / "trust" / "priorities.yaml")
    (tmp_path / "docs" / "trust" / "priorities.yaml").write_text("priorities: [Air]\n")
    args = ["check", str(tmp_path / "docs"), "-f", str(small_framework), "--format", "json"]
    result = CliRunner().invoke(app, args)
    skipped = json.loads(result.stdout)["skipped"]
    assert [s["reason"] for s in skipped] == [f"a framework file; this run used {small_framework}"]


def test_an_empty_waivers_file_beside_the_documents_is_not_a_skipped_file(
    tmp_path: Path, make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    # A waivers file started and not filled in has no entry to know it by: it was listed
    # under 'Problems' as a file alignck could not read.
    import json

    partners = tmp_path / "partners"
    partners.mkdir()
    make_document("partners/plan.md")
    waivers = partners / "waivers.yaml"
    waivers.write_text("waivers: []\n", encoding="utf-8")
    args = ["check", str(partners), "-f", str(small_framework), "--waivers", str(waivers)]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(result.stdout)["skipped"] == []


def test_a_partner_s_doc_in_the_folder_fails_the_run_as_unreadable(
    tmp_path: Path, make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    import json

    (tmp_path / "partners").mkdir()
    make_document("partners/plan.md")
    (tmp_path / "partners" / "NHS Trust Strategy 2025.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    args = ["check", str(tmp_path / "partners"), "-f", str(small_framework), "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    statuses = {Path(d["path"]).name: d["status"] for d in json.loads(result.stdout)["documents"]}
    assert statuses == {"plan.md": "ok", "NHS Trust Strategy 2025.doc": "error"}
    assert "legacy Word .doc: save it as .docx" in result.stderr


def test_a_folder_that_cannot_be_searched_is_one_error_and_the_rest_are_checked(
    make_document, small_framework, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    plan = _in_docs(make_document, tmp_path)
    locked = plan.parent / "locked"
    locked.mkdir()
    # As a folder without read permission answers (root reads any, so it is simulated).
    iterdir = Path.iterdir

    def refusing(folder: Path):  # type: ignore[no-untyped-def]
        if folder == locked:
            raise PermissionError(13, "Permission denied", str(folder))
        return iterdir(folder)

    monkeypatch.setattr(Path, "iterdir", refusing)
    result = _invoke("check", str(plan.parent), "-f", str(small_framework), "--format", "json")
    assert result.exit_code == 2
    assert f"alignck: error: {locked}: cannot read folder: permission denied" in result.stderr
    assert "Traceback" not in result.stderr
    assert _statuses(result.stdout) == {"plan.md": "ok", "locked": "error"}


def test_a_folder_nested_past_the_system_s_path_limit_is_one_error_and_the_rest_are_checked(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    plan = _in_docs(make_document, tmp_path)
    # Folders nested until their path is longer than the system can look up (PATH_MAX),
    # made one inside the other by descriptor, as a synced share can hold them.
    name = "e" + "x" * 240
    at = os.open(plan.parent, os.O_RDONLY)
    for _ in range(18):
        os.mkdir(name, dir_fd=at)
        inner = os.open(name, os.O_RDONLY, dir_fd=at)
        os.close(at)
        at = inner
    os.close(at)
    result = _invoke("check", str(plan.parent), "-f", str(small_framework), "--format", "json")
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2, result.stderr
    assert ": cannot read: file name too long" in result.stderr
    assert _statuses(result.stdout)["plan.md"] == "ok"


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_file_named_is_read_by_alignck_not_refused_by_the_command_line(
    make_document, small_framework, tmp_path, monkeypatch, command
) -> None:  # type: ignore[no-untyped-def]
    # Typer's own check of read permission refused the whole run in four lines of usage, so
    # one unreadable file named among others stopped them all. alignck reads each file itself
    # and names the one it cannot read (its own error, tested with folders above); here the
    # permission check says no while the file can be read, as root finds any file.
    plan = _in_docs(make_document, tmp_path)
    secret = _in_docs(make_document, tmp_path, "secret.md")
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path).name != "secret.md")
    framework = ["-f", str(small_framework)] if command == "check" else []
    result = _invoke(command, str(secret), str(plan), *framework)
    assert "Usage:" not in result.stderr
    assert result.exit_code == 0
    assert "secret.md" in result.stdout and "plan.md" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["check", ""],
        ["check", "plan.md", "-o", ""],
        ["check", "plan.md", "--per-document", ""],
        ["check", "plan.md", "--baseline="],
        ["diff", "", "plan.md"],
        ["extract", ""],
        ["check", "--", ""],
        ["diff", "--", "", "plan.md"],
    ],
)
def test_an_empty_argument_is_refused_not_read_as_this_folder(  # type: ignore[no-untyped-def]
    make_document, tmp_path, monkeypatch, args: list[str]
) -> None:
    make_document("plan.md")
    (tmp_path / "priorities.yaml").write_text(
        "priorities:\n  - id: a\n    title: Mental health\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "empty" in result.stderr and "never set" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_password_is_a_password(make_document, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_document("plan.md")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "plan.md", "--password", ""])
    assert result.exit_code == 0, result.stderr


def test_excluding_a_broken_archive_lets_the_nightly_run_pass(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # A shared folder whose archive holds a file no one can read failed every run (exit 2);
    # --exclude leaves it out, and the report still says what was left out and why.
    plan = _in_docs(make_document, tmp_path)
    (plan.parent / "Archive").mkdir()
    (plan.parent / "Archive" / "old plan.docx").write_bytes(b"")
    common = ["check", str(plan.parent), "-f", str(small_framework), "--format", "json"]
    assert _invoke(*common, "--matcher", "lexical").exit_code == 2
    result = _invoke(*common, "--matcher", "lexical", "--exclude", "archive")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert _statuses(result.stdout) == {"plan.md": "ok"}
    assert {"path": str(plan.parent / "Archive"), "reason": "excluded by --exclude 'archive'"} in [
        {"path": s["path"], "reason": s["reason"]} for s in report["skipped"]
    ]
    listed = _invoke("extract", str(plan.parent), "--format", "json", "--exclude", "Archive")
    assert listed.exit_code == 0, listed.output
    # A pattern that leaves nothing out is said to, or a mistyped one fails every night.
    typo = _invoke(*common, "--matcher", "lexical", "--exclude", "archiv")
    assert typo.exit_code == 2
    assert "alignck: warning: --exclude 'archiv' left nothing out" in typo.stderr


def test_exclude_given_to_the_library_as_one_string_is_refused(small_framework, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alignck import check

    with pytest.raises(TypeError, match="exclude must be a list of patterns"):
        check([tmp_path], small_framework, exclude="Archive")  # type: ignore[arg-type]
    # As paths may be: None, a generator, paths.
    for given in (None, (p for p in ["Archive"]), [Path("Archive")], {"Archive"}):
        assert check([tmp_path], small_framework, matcher="lexical", exclude=given).documents == ()


def test_a_fifo_given_as_framework_baseline_waivers_or_review_is_refused_not_waited_on(
    tmp_path: Path,
) -> None:
    # Read with read_bytes, a named pipe given as the baseline hung the run until killed.
    import os

    from typer.testing import CliRunner

    from alignck.cli import app

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    framework = tmp_path / "priorities.yaml"
    framework.write_text("priorities:\n  - {id: a, title: Warm homes}\n", encoding="utf-8")
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will insulate 300 homes.\n", encoding="utf-8")
    base = ["check", str(plan), "-f", str(framework), "--matcher", "lexical"]
    for option in ("--baseline", "--waivers", "--review"):
        result = CliRunner().invoke(app, [*base, option, str(fifo)])
        assert result.exit_code == 2, option
        assert "a named pipe (FIFO), not a regular file" in result.stderr, option
    result = CliRunner().invoke(app, ["diff", str(fifo), str(fifo)])
    assert result.exit_code == 2
    assert "a named pipe (FIFO), not a regular file" in result.stderr
