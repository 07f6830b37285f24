"""Faults of the machine and odd file names: each is a correct result or one line and exit 2,
never a traceback, and never a temporary file left behind."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app

runner = CliRunner()
# 'plan\xe9.md': Latin-1 bytes that are not UTF-8, as a file copied from an old share has.
UNDECODABLE = os.fsdecode(b"plan\xe9.md")
FORMATS = ["json", "md", "csv", "html", "xml", "sarif", "txt"]


@pytest.fixture
def undecodable(tmp_path: Path, make_document) -> Path:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    make_document("docs/" + UNDECODABLE)
    return docs


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_file_name_that_is_not_utf8_is_reported_in_every_file_format(
    undecodable: Path, small_framework: Path, tmp_path: Path, suffix: str
) -> None:
    report = tmp_path / f"report.{suffix}"
    args = ["check", str(undecodable), "-f", str(small_framework), "-q", "-o", str(report)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = report.read_bytes().decode("utf-8")  # the report itself is valid UTF-8
    if suffix == "json":
        assert json.loads(text)["documents"][0]["path"] == str(undecodable / UNDECODABLE)
    assert "plan" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown", "csv", "html", "junit", "sarif"])
def test_a_file_name_that_is_not_utf8_reaches_a_strict_utf8_stdout(
    undecodable: Path, small_framework: Path, fmt: str
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    args = [str(undecodable), "-f", str(small_framework), "--format", fmt, "--no-cache"]
    done = subprocess.run(
        [sys.executable, "-m", "alignck", "check", *args], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    # Each format shows the name its own way (an escape, U+FFFD); all of them as UTF-8.
    assert "plan" in done.stdout.decode("utf-8")


@pytest.fixture
def deep_folder(tmp_path: Path) -> Iterator[Path]:
    """deep/d/d/.../d/plan.md, a thousand levels, removed afterwards bottom up: pytest's own
    clean-up of old temporary folders recurses, and would fail on it for every later run."""
    top = tmp_path / "deep"
    top.mkdir()
    # One level at a time through descriptors: the full path is too long for one call.
    opened = [os.open(top, os.O_RDONLY)]
    for _ in range(1000):
        os.mkdir("d", dir_fd=opened[-1])
        opened.append(os.open("d", os.O_RDONLY, dir_fd=opened[-1]))
    plan = os.open("plan.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=opened[-1])
    os.write(plan, b"# Plan\n\nWe will tackle loneliness.\n")
    os.close(plan)
    yield top
    os.unlink("plan.md", dir_fd=opened[-1])
    while len(opened) > 1:
        os.close(opened.pop())
        os.rmdir("d", dir_fd=opened[-1])
    os.close(opened[0])


def test_a_folder_a_thousand_levels_deep_is_searched(
    deep_folder: Path, small_framework: Path
) -> None:
    result = runner.invoke(app, ["check", str(deep_folder), "-f", str(small_framework)])
    assert result.exit_code == 0, result.output
    assert "loneliness" in result.stdout


def test_a_full_disk_is_one_line_and_leaves_no_temporary_file(
    tmp_path: Path, small_framework: Path, make_document, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    out = tmp_path / "out"
    out.mkdir()

    def write_until_full(report: object, fmt: str, stream, *args: object) -> None:  # type: ignore[no-untyped-def]
        stream.write("{" * 10_000)
        stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("alignck.cli.check.render", write_until_full)
    target = out / "report.json"
    result = runner.invoke(app, ["check", str(plan), "-f", str(small_framework), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {target}: cannot write the report: No space left on device"
    ]
    assert list(out.iterdir()) == []


def test_a_binary_file_named_md_is_refused_as_not_text(
    tmp_path: Path, small_framework: Path, make_document
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    result = runner.invoke(app, ["check", str(binary), str(plan), "-f", str(small_framework)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {binary}: not a text file (it holds binary data); alignck reads "
        "text as UTF-8, UTF-16 or Windows-1252"
    ]
    assert "Northby" in result.stdout  # the other document is still checked


@pytest.mark.parametrize("cached", [False, True])
def test_a_failed_check_exits_1_when_its_messages_reader_went_away(
    tmp_path: Path, small_framework: Path, make_document, cached: bool
) -> None:  # type: ignore[no-untyped-def]
    # 'alignck check ... 2>&1 | head' under 'set -o pipefail': the policy's failure must
    # survive the pipe closing, on a full run and on one answered from its record.
    plan = make_document("plan.md")
    env = {**os.environ, "ALIGNCK_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-m", "alignck", "check", str(plan), "-f", str(small_framework)]
    args += ["--fail-on", "gap", "--format", "json", *([] if cached else ["--no-cache"])]
    codes = []
    for _ in range(2):
        reader, writer = os.pipe()
        os.close(reader)  # nobody will ever read what it says
        out = subprocess.DEVNULL
        done = subprocess.run(args, stdout=out, stderr=writer, env=env, check=False)
        os.close(writer)
        codes.append(done.returncode)
    assert codes == [1, 1]


def _shell_check(tmp_path: Path, redirect: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "priorities.yaml").write_text(
        "priorities:\n  - {id: homes, title: Warm homes}\n", encoding="utf-8"
    )
    (tmp_path / "plan.md").write_text("# Plan\n\nWe will insulate 500 homes.\n", "utf-8")
    command = (
        f"'{sys.executable}' -m alignck check plan.md --matcher lexical --format json {redirect}"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_device_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # It was a traceback and exit 3 (a bug), the second time from the replayed record.
    for _ in range(2):  # the second run is answered from the first one's record
        done = _shell_check(tmp_path, "> /dev/full")
        assert done.returncode == 2, done.stderr
        assert (
            done.stderr.splitlines()[-1] == "alignck: error: cannot write: No space left on device"
        )
        assert "Traceback" not in done.stderr


def test_a_closed_standard_output_is_a_warning_not_a_traceback(tmp_path: Path) -> None:
    # 'AttributeError: 'NoneType' object has no attribute 'isatty'' and exit 1 (policy failed).
    done = _shell_check(tmp_path, ">&-")
    assert done.returncode == 0, done.stderr
    assert "alignck: warning: standard output is closed" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["schema", "framework"]])
def test_commands_no_check_guards_say_a_full_device_in_one_line(
    tmp_path: Path, args: list[str]
) -> None:
    command = " ".join([f"'{sys.executable}'", "-m", "alignck", *args, "> /dev/full"])
    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == "alignck: error: cannot write: No space left on device\n"
