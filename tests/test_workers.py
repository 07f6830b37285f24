"""A run that reads its documents without a pool of workers (fewer than three files, or
``--jobs 1``) still reads a PDF or Word file in a worker process of its own: a reader stuck in
native code there is killed at its time limit, and one that crashes costs its document alone.

The stuck reader is real: every Python process of the run loads a ``sitecustomize`` that makes
reading a file named ``stuck.*`` block in ``read(2)`` on a pipe nobody writes to, with the
timer signal blocked, so no handler of Python's ever runs (as in a parser deep inside PDFium);
reading ``crash.*`` kills its own process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alignck.workers import reader_context

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

HOSTILE_READERS = """
import os, signal
from pathlib import Path

import alignck.reading as reading
import alignck.workers as workers

# The test is about where documents are read, not how long alignck waits past a time limit.
workers.KILL_GRACE_SECONDS = 0.5
_read = reading.read_document
_never_written = os.pipe()


def read_document(path, options=None):
    if Path(path).stem == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        os.read(_never_written[0], 1)
    if Path(path).stem == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    if Path(path).stem == "bug":
        raise ZeroDivisionError("a bug of alignck's own")
    return _read(path, options)


reading.read_document = read_document
"""


def _session_members(session: int) -> set[int]:
    """The running processes (not zombies) of a session."""
    members = set()
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and fields[0] != "Z" and int(fields[3]) == session:
            members.add(int(entry.name))
    return members


def _start(tmp_path: Path, *arguments: str, seconds: str = "1") -> subprocess.Popen[bytes]:
    """``alignck ARGUMENTS`` started as a process of a new session, with the hostile readers."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(HOSTILE_READERS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "ALIGNCK_MAX_SECONDS": seconds}
    command = [sys.executable, "-m", "alignck", *arguments]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
    )


def _finish(process: subprocess.Popen[bytes]):  # type: ignore[no-untyped-def]
    """The run's exit code, output and errors once it ends, and its session's members left."""
    try:
        stdout, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the run hung on the stuck reader")
    end = time.monotonic() + 30
    while _session_members(process.pid) and time.monotonic() < end:
        time.sleep(0.1)
    return process.returncode, stdout, stderr.decode(), _session_members(process.pid)


def _run(tmp_path: Path, *arguments: str):  # type: ignore[no-untyped-def]
    return _finish(_start(tmp_path, *arguments))


@pytest.mark.parametrize(
    ("names", "options", "problem"),
    [
        (
            ["stuck.pdf", "plan.md"],
            [],
            "not done in time, over the limit of 1 s; raise it with ALIGNCK_MAX_SECONDS",
        ),
        (
            ["stuck.docx", "plan.md", "other.md"],
            ["--jobs", "1"],
            "not done in time, over the limit of 1 s; raise it with ALIGNCK_MAX_SECONDS",
        ),
        (["crash.pdf", "plan.md"], [], "the reader ended unexpectedly (killed by SIGKILL)"),
    ],
)
def test_a_reader_stuck_in_native_code_is_stopped_without_a_pool(
    tmp_path: Path,
    small_framework: Path,
    make_document,  # type: ignore[no-untyped-def]
    names: list[str],
    options: list[str],
    problem: str,
) -> None:
    paths = [make_document(name) for name in names]
    arguments = ["check", *map(str, paths), "-f", str(small_framework), "--no-cache"]
    arguments += ["--matcher", "lexical", "--format", "json", *options]
    code, stdout, stderr, left = _run(tmp_path, *arguments)
    assert code == 2
    # The documents are copies of one another, which is warned of.
    said = [line for line in stderr.splitlines() if not line.startswith("alignck: warning:")]
    assert said == [f"alignck: error: {paths[0]}: {problem}"]
    statuses = {d["path"]: d["status"] for d in json.loads(stdout)["documents"]}
    assert statuses == {str(paths[0]): "error", **{str(p): "ok" for p in paths[1:]}}
    assert left == set()


@pytest.mark.parametrize("pooled", [False, True])
def test_a_bug_in_a_worker_is_reported_as_a_bug_as_it_would_be_here(
    tmp_path: Path,
    small_framework: Path,
    make_document,  # type: ignore[no-untyped-def]
    pooled: bool,
) -> None:
    from alignck import __version__

    paths = [make_document("bug.pdf"), make_document("plan.md")]
    options = ["--jobs", "1"]
    if pooled:  # three files and over 256 kB: a pool of two workers reads every document
        big = tmp_path / "big.md"
        big.write_text("# Big\n\n" + "We will keep the parks open all year. " * 9000, "utf-8")
        paths, options = [*paths, big], ["--jobs", "2"]
    arguments = ["check", *map(str, paths), "-f", str(small_framework), "--no-cache"]
    code, stdout, stderr, left = _run(tmp_path, *arguments, "--matcher", "lexical", *options)
    assert code == 3
    assert stdout == b""
    lines = stderr.splitlines()
    assert (
        lines[-1]
        == f"alignck {__version__}: internal error; please report it with the traceback above"
    )
    assert "ZeroDivisionError: a bug of alignck's own" in stderr
    assert left == set()


def test_extract_stops_a_stuck_reader_too(tmp_path: Path, make_document) -> None:  # type: ignore[no-untyped-def]
    stuck, plan = make_document("stuck.pdf"), make_document("plan.md")
    code, stdout, stderr, left = _run(
        tmp_path, "extract", str(stuck), str(plan), "--format", "json"
    )
    assert code == 2
    assert stderr.splitlines() == [
        f"alignck: error: {stuck}: not done in time, over the limit of 1 s; raise it with "
        "ALIGNCK_MAX_SECONDS"
    ]
    listed = {d["path"]: d["status"] for d in json.loads(stdout)["documents"]}
    assert listed == {str(plan): "ok", str(stuck): "error"}
    assert left == set()


def test_init_from_a_strategy_stops_a_stuck_reader(tmp_path: Path, make_document) -> None:  # type: ignore[no-untyped-def]
    stuck = make_document("stuck.pdf")
    output = tmp_path / "drafted.yaml"
    code, stdout, stderr, left = _run(tmp_path, "init", "--from", str(stuck), "-o", str(output))
    assert stdout == b""
    assert code == 2
    assert stderr.splitlines() == [
        f"alignck: error: {stuck}: not done in time, over the limit of 1 s; raise it with "
        "ALIGNCK_MAX_SECONDS"
    ]
    assert not output.exists()
    assert left == set()


def test_init_from_a_strategy_reads_a_pdf_in_a_worker_as_it_did_in_process(
    tmp_path: Path,
    make_document,  # type: ignore[no-untyped-def]
) -> None:
    from alignck.from_strategy import framework_from_strategy
    from alignck.model import ReadOptions
    from alignck.readers import read_document
    from alignck.reading import read_isolated

    plan = make_document("plan.pdf")
    assert read_isolated(plan, ReadOptions()) == read_document(plan)
    assert "priorities:" in framework_from_strategy(plan)


def test_sigterm_during_a_stuck_read_stops_the_reader_too(
    tmp_path: Path,
    small_framework: Path,
    make_document,  # type: ignore[no-untyped-def]
) -> None:
    stuck, plan = make_document("stuck.pdf"), make_document("plan.md")
    arguments = ["check", str(stuck), str(plan), "-f", str(small_framework), "--no-cache"]
    process = _start(tmp_path, *arguments, "--matcher", "lexical", seconds="300")
    end = time.monotonic() + 60
    while len(_session_members(process.pid)) < 2 and time.monotonic() < end:
        time.sleep(0.1)  # until the reader's worker runs
    assert len(_session_members(process.pid)) == 2, "the worker never started"
    process.send_signal(signal.SIGTERM)
    code, _, stderr, left = _finish(process)
    assert (code, stderr, left) == (143, "alignck: terminated\n", set())


FORK_CHOICE = """
import sys, threading
from alignck.workers import reader_context
if sys.argv[1] == "thread":
    threading.Thread(target=threading.Event().wait, daemon=True).start()
print(reader_context().get_start_method())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux tells a process's threads")
@pytest.mark.parametrize(("threads", "method"), [("none", "fork"), ("thread", "forkserver")])
def test_the_isolated_reader_is_forked_only_from_a_process_of_one_thread(
    threads: str, method: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FORK_CHOICE, threads], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"{method}\n"


def test_this_process_never_forks_its_reader_once_it_runs_threads() -> None:
    import threading

    waiting = threading.Event()
    thread = threading.Thread(target=waiting.wait, daemon=True)
    thread.start()
    try:
        assert reader_context().get_start_method() in ("forkserver", "spawn")
    finally:
        waiting.set()
        thread.join()


def _how_ctrl_c_is_handled() -> int:
    return int(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_workers_ignore_ctrl_c_from_the_moment_they_start() -> None:
    # A worker of the fork server, before any code of its own runs: a Ctrl-C while it is
    # still starting must not print "Process ForkServerProcess-1:" and a traceback.
    from concurrent.futures import ProcessPoolExecutor

    from alignck.workers import worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        assert pool.submit(_how_ctrl_c_is_handled).result(timeout=60) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_ctrl_c_is_set_aside_only_while_the_fork_server_first_starts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Every swap of the handler is a moment in which a Ctrl-C is lost: later workers' starts
    # must not swap it again.
    from alignck.workers import worker_context

    worker_context()
    swaps: list[object] = []
    monkeypatch.setattr(signal, "signal", lambda *arguments: swaps.append(arguments))
    worker_context()
    worker_context()
    assert swaps == []


def test_a_pool_starts_no_more_workers_than_documents() -> None:
    # '-j 64' on 60 documents started 64 processes: 1.8 GB resident and slower than '-j 2'.
    from alignck.model import ReadOptions
    from alignck.workers import WorkerPool

    pool = WorkerPool(64, ReadOptions(), [(0, Path("a.md")), (1, Path("b.md"))])
    assert pool.count == 2


def test_the_default_jobs_follow_the_processors_this_process_may_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Under taskset or a container's CPU limit the default counted every core of the host.
    import os

    from alignck.cli.app import available_cpus

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert available_cpus() == 1


def test_a_dead_worker_of_a_script_says_what_the_script_must_do(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Without the guard every worker ran the script's check again and died; the message
    # did not say the one thing that fixes it.
    import sys
    import types

    from alignck.workers import ended_unexpectedly

    script = types.ModuleType("__main__")
    script.__file__ = str(tmp_path / "analysis.py")
    script.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    assert "under 'if __name__ == \"__main__\":'" in str(ended_unexpectedly(1))
    command = types.ModuleType("__main__")
    command.__file__ = str(tmp_path / "bin" / "alignck")
    command.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", command)
    assert str(ended_unexpectedly(1)).endswith("the reader ended unexpectedly (exit code 1)")


def _on_standard_input(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """``script`` run as 'python - <<EOF' runs it: its main module names no file."""
    ran = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, cwd=folder
    )
    assert ran.returncode == 0, ran.stderr
    return ran


def test_a_script_fed_on_standard_input_keeps_its_workers_and_start_method(
    tmp_path: Path,
) -> None:
    # 'python - <<EOF' calling check twice: the second call's workers (from the fork server,
    # once the process runs threads) tried to run the script again from a file named
    # '<stdin>' and died, every PDF an error; and the caller's multiprocessing start method
    # was fixed at 'fork', so its own set_start_method failed.
    from conftest import EXAMPLES, FRAMEWORK

    script = (
        "import multiprocessing, alignck\n"
        "if __name__ == '__main__':\n"
        "    for _ in range(2):\n"
        f"        report = alignck.check([{str(EXAMPLES)!r}], {str(FRAMEWORK)!r}, "
        "matcher='lexical')\n"
        "        print([d.status for d in report.documents])\n"
        "    print(multiprocessing.get_start_method(allow_none=True))\n"
        "    multiprocessing.set_start_method('spawn')\n"
    )
    ran = _on_standard_input(script, tmp_path)
    lines = ran.stdout.splitlines()
    assert lines[:2] == [str(["ok"] * 6)] * 2 and lines[2] == "None"
    assert "Traceback" not in ran.stderr


def test_workers_started_from_several_threads_of_a_script_on_standard_input(
    tmp_path: Path,
) -> None:
    # Each start hid and restored the script's name unguarded: a second thread found it gone
    # ('module' object has no attribute '__file__'), or started a worker that ran '<stdin>'.
    script = (
        "import threading\n"
        "from alignck.model import ReadOptions\n"
        "from alignck.workers import start_worker, worker_context\n"
        "if __name__ == '__main__':\n"
        "    failed = []\n"
        "    for _ in range(15):\n"
        "        barrier = threading.Barrier(3)\n"
        "        def start():\n"
        "            barrier.wait()\n"
        "            try:\n"
        "                worker = start_worker(ReadOptions(), worker_context())\n"
        "                worker.process.kill(); worker.process.join()\n"
        "            except Exception as error:\n"
        "                failed.append(repr(error))\n"
        "        threads = [threading.Thread(target=start) for _ in range(3)]\n"
        "        [t.start() for t in threads]; [t.join() for t in threads]\n"
        "    print(failed)\n"
    )
    ran = _on_standard_input(script, tmp_path)
    assert ran.stdout.strip() == "[]"
    assert "FileNotFoundError" not in ran.stderr


SLOW_STAGES = """
import time
from pathlib import Path

import alignck.pipeline as pipeline
import alignck.reading as reading
import alignck.workers as workers

import alignck.match as match

workers.KILL_GRACE_SECONDS = 0.5
reading._PARALLEL_MIN_BYTES = 0
_prepare, _check_one, _decision_for = reading._prepare, pipeline._check_one, match.decision_for
READING, BUILDING, MATCHING = {times}


def prepare(path, options):
    if Path(path).stem == "a-slow":
        time.sleep(READING)
    return _prepare(path, options)


def decision_for(name):
    time.sleep(BUILDING)  # the matcher, built for a worker's first document
    return _decision_for(name)


def check_one(item, matcher, limits):
    if Path(getattr(item, "path", "")).stem == "a-slow":
        time.sleep(MATCHING)
    return _check_one(item, matcher, limits)


reading._prepare, pipeline._check_one, match.decision_for = prepare, check_one, decision_for
"""


@pytest.mark.parametrize(
    ("times", "limit"),
    [
        # Reading (1.2 s) and matching (1.2 s) each within the 2 s limit, as in one process,
        # yet together past the limit: the worker was killed, the document lost. (Margins of
        # 0.8 s: at 0.2 s a machine busy with other work ran past the limit.)
        ((1.2, 0.0, 1.2), "2"),
        # Reading (2.2 s) within the 3 s limit, and building the matcher (1.2 s) with
        # matching (0.8 s) within it too, as in one process; the build counted with reading.
        ((2.2, 1.2, 0.8), "3"),
    ],
)
def test_a_worker_that_reads_and_matches_has_the_time_limit_for_each(
    tmp_path: Path,
    small_framework: Path,
    make_document,  # type: ignore[no-untyped-def]
    times: tuple[float, float, float],
    limit: str,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SLOW_STAGES.format(times=times), encoding="utf-8")
    # First in path order: the first document of its worker, which builds the matcher for it.
    paths = [make_document(name) for name in ("a-slow.md", "plan.md", "other.md")]
    arguments = ["check", *map(str, paths), "-f", str(small_framework), "--no-cache", "-q"]
    arguments += ["--matcher", "lexical", "--format", "json", "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(site), "ALIGNCK_MAX_SECONDS": limit}
    done = subprocess.run(
        [sys.executable, "-m", "alignck", *arguments], capture_output=True, env=env, timeout=120
    )
    statuses = {d["path"]: d["status"] for d in json.loads(done.stdout)["documents"]}
    assert statuses == dict.fromkeys(map(str, paths), "ok"), done.stderr.decode()
