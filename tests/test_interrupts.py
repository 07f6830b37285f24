"""Ctrl-C, SIGTERM and the death of the main process during a parallel run: every worker stops,
one line is printed, the exit code says why, and no temporary file is left beside the report.

Run as real processes (``--jobs 2``) on a folder each test builds: long enough documents that
the signal arrives while workers are busy.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
WORDS = ["we", "will", "improve", "health", "care", "housing", "air", "quality", "for", "older"]


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for a reaper, not for us)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _descendants(root: int) -> set[int]:
    parents = {
        int(p.name): _parent_of(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()
    }
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return {pid for pid in found if _running(pid)}


def _wait_for(condition, limit: float = 120.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal's command gets it: a test run started in the background (``&``
    in a script) ignores SIGINT, every process it starts inherits that, and Python then never
    turns the signal into KeyboardInterrupt, so the run would carry on and end 0."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def earlier() -> str | None:
    """What an earlier run left at the report's place (a test parametrizes it)."""
    return None


@pytest.fixture
def busy_run(tmp_path: Path, small_framework: Path, earlier: str | None):  # type: ignore[no-untyped-def]
    """Start a parallel check of twenty long documents writing r.json into out/ (where
    ``earlier``, if given, is already); return the process once its worker processes are
    running. Twenty, not a few: on a loaded machine a few were sometimes all checked before the
    signal was sent."""
    docs = tmp_path / "docs"
    docs.mkdir()
    pick = random.Random(7)
    for number in range(20):
        paragraphs = (" ".join(pick.choices(WORDS, k=40)) + "." for _ in range(8000))
        (docs / f"plan{number}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    if earlier is not None:
        (out / "r.json").write_text(earlier, encoding="utf-8")
    command = [sys.executable, "-m", "alignck", "check", str(docs), "-f", str(small_framework)]
    command += ["--jobs", "2", "--no-cache", "--matcher", "lexical", "-o", str(out / "r.json")]
    process = subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    )
    # Two workers, forked by the fork server: counting every descendant could count the server
    # and the resource tracker while the server starts, when Ctrl-C is ignored on purpose.
    assert _wait_for(lambda: len(_workers_of(process)) >= 2), "workers never started"
    process.workers = _descendants(process.pid)  # type: ignore[attr-defined]
    process.out = out  # type: ignore[attr-defined]
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()
    for pid in process.workers:  # type: ignore[attr-defined]
        if _running(pid):
            os.kill(pid, signal.SIGKILL)


def _ended_cleanly(process, code: int, line: str) -> None:  # type: ignore[no-untyped-def]
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == code
    assert stderr.decode().splitlines() == [line]
    assert _wait_for(lambda: not any(_running(pid) for pid in process.workers), 30)
    assert list(process.out.iterdir()) == []


def test_ctrl_c_stops_every_worker_with_one_line(busy_run) -> None:  # type: ignore[no-untyped-def]
    os.killpg(busy_run.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _ended_cleanly(busy_run, 130, "alignck: interrupted")


def test_sigterm_stops_every_worker_with_one_line(busy_run) -> None:  # type: ignore[no-untyped-def]
    os.kill(busy_run.pid, signal.SIGTERM)  # as 'kill' or a CI runner's timeout does
    _ended_cleanly(busy_run, 143, "alignck: terminated")


@pytest.mark.parametrize(
    "earlier",
    ['{"schema_version": 1, "passed": true, "tool": {"name": "alignck"}}\n'],
    ids=["a passing report"],
)
def test_sigterm_removes_the_report_an_earlier_run_left(busy_run) -> None:  # type: ignore[no-untyped-def]
    # A CI job's timeout left the earlier run's passing report at -o, and an 'upload always'
    # step published it as this run's.
    os.kill(busy_run.pid, signal.SIGTERM)
    _, stderr = busy_run.communicate(timeout=120)
    assert busy_run.returncode == 143
    report = busy_run.out / "r.json"
    assert stderr.decode().splitlines() == [
        "alignck: terminated",
        f"alignck: removed {report}, an earlier run's report this run did not replace",
    ]
    assert list(busy_run.out.iterdir()) == []


def test_the_workers_end_when_the_main_process_is_killed(busy_run) -> None:  # type: ignore[no-untyped-def]
    os.kill(busy_run.pid, signal.SIGKILL)
    busy_run.wait(timeout=60)
    assert _wait_for(lambda: not any(_running(pid) for pid in busy_run.workers), 30)


def _workers_of(process: subprocess.Popen[bytes]) -> list[int]:
    """The worker processes: descendants of the run that the run did not start itself (the
    fork server starts them)."""
    return sorted(pid for pid in _descendants(process.pid) if _parent_of(pid) != process.pid)


def _start_check(tmp_path: Path, framework: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    pick = random.Random(11)
    for number in range(4):
        paragraphs = (" ".join(pick.choices(WORDS, k=40)) + "." for _ in range(2000))
        (docs / f"plan{number}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    command = [sys.executable, "-m", "alignck", "check", str(docs), "-f", str(framework)]
    command += ["--jobs", "2", "--no-cache", "--matcher", "lexical", "--format", "json"]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )


def test_a_worker_that_dies_costs_its_document_alone(tmp_path: Path, small_framework: Path) -> None:
    """As when the kernel's memory killer ends a worker: that document is one line, the
    others are checked, and the run does not hang."""
    process = _start_check(tmp_path, small_framework)
    assert _wait_for(lambda: len(_workers_of(process)) >= 2), "workers never started"
    os.kill(_workers_of(process)[0], signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=120)
    statuses = sorted(d["status"] for d in json.loads(stdout)["documents"])
    if statuses == ["ok"] * 4:  # killed idle, between two documents: nothing was lost
        assert (process.returncode, stderr) == (0, b"")
        return
    [line] = stderr.decode().splitlines()
    assert process.returncode == 2
    assert statuses == ["error", "ok", "ok", "ok"]
    assert re.fullmatch(
        r"alignck: error: .*plan\d\.txt: the reader ended unexpectedly \(killed by SIGKILL\)",
        line,
    )


def test_a_worker_that_never_answers_is_stopped_after_its_time_limit(
    tmp_path: Path, small_framework: Path
) -> None:
    """A worker that cannot see its own time limit (here stopped outright, as a parser deep in
    native code is to Python) is killed from outside a few seconds after it."""
    process = _start_check(tmp_path, small_framework, {"ALIGNCK_MAX_SECONDS": "4"})
    assert _wait_for(lambda: len(_workers_of(process)) >= 2), "workers never started"
    stopped = _workers_of(process)[0]
    os.kill(stopped, signal.SIGSTOP)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 2
    assert sorted(d["status"] for d in json.loads(stdout)["documents"]) == [
        "error",
        "ok",
        "ok",
        "ok",
    ]
    [line] = stderr.decode().splitlines()
    assert re.fullmatch(
        r"alignck: error: .*plan\d\.txt: not done in time, over the limit of 4 s; "
        r"raise it with ALIGNCK_MAX_SECONDS",
        line,
    )
    assert _wait_for(lambda: not _running(stopped), 30)


def test_a_writer_cut_short_by_ctrl_c_prints_no_traceback_on_the_way_out(
    capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # A workbook being written when Ctrl-C came printed six 'Exception ignored in: <generator
    # object WorksheetWriter.get_stream ...>' tracebacks after 'alignck: interrupted'.
    import gc
    import sys

    import typer

    from alignck.cli.app import guarded

    # The interpreter's own hook, which prints (pytest's turns them into warnings).
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)

    def writer():  # type: ignore[no-untyped-def]
        try:
            yield 1
        finally:
            raise RuntimeError("inconsistent exit action in context manager")

    def run() -> int:
        stream = writer()
        next(stream)
        run.stream = stream  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    with pytest.raises(typer.Exit):
        guarded(run)
    del run.stream  # type: ignore[attr-defined]
    gc.collect()
    said = capsys.readouterr().err
    assert said == "alignck: interrupted\n"
