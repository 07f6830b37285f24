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
    assert [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]] == ["plan.md"]
