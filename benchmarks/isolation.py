"""What reading PDF and Word files in a worker process costs a run without a pool (issue 17).

    python benchmarks/isolation.py              # 9 rounds
    python benchmarks/isolation.py --runs 5

Two measurements, written to benchmarks/isolation.md. First, how long a worker takes from
``Process.start()`` to its first answer, having imported the reading code, for each start method
(fork from a parent that has imported it; a fork server; spawn). Second, one-file cold runs
(``alignck check FILE --no-cache``) of a shipped example, three ways in rounds so the load falls
on all alike: read in the main process (as before isolation), in a forked worker (what a run
does when it has no other thread), and in a worker from the fork server (what it does
otherwise). Medians of wall time. Linux only (fork).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FRAMEWORK = ROOT / "priorities.yaml"
FILES = {
    "PDF": ROOT / "examples" / "riverside-public-health-plan.pdf",
    "Word": ROOT / "examples" / "riverside-county-council-plan.docx",
}
MATCHERS = ("lexical", "semantic")
# Each way of reading, as code run before the command line.
WAYS = {
    "main process": "import alignck.reading as r; r.runs_native_code = lambda path: False",
    "forked worker": "",
    "fork-server worker": "import alignck.workers as w; w.reader_context = w.worker_context",
}
LAUNCH = "{}\nimport sys; from alignck.launch import main; sys.argv[0] = 'alignck'; main()"


def _serve(connection: object) -> None:
    import alignck.readers.docx
    import alignck.readers.pdf
    import alignck.reading  # noqa: F401 - what a worker needs before it can read

    connection.send("ready")  # type: ignore[attr-defined]
    connection.recv()  # type: ignore[attr-defined]


def start_up(method: str) -> float:
    context = multiprocessing.get_context(method)
    ours, theirs = context.Pipe()
    began = time.perf_counter()
    process = context.Process(target=_serve, args=(theirs,), daemon=True)  # type: ignore[attr-defined]
    process.start()
    ours.recv()
    elapsed = time.perf_counter() - began
    ours.send(None)
    process.join()
    return elapsed


def start_up_in_fresh_process(method: str) -> float:
    """In a new interpreter each time: a fork server is started once per parent."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import isolation\n"
        "if sys.argv[2] == 'fork':  # a parent that has read before\n"
        "    import alignck.reading, alignck.readers.pdf, alignck.readers.docx\n"
        "print(isolation.start_up(sys.argv[2]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(HERE), method], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def cold_run(way: str, path: Path, matcher: str) -> float:
    command = [sys.executable, "-c", LAUNCH.format(WAYS[way]), "check", str(path)]
    command += ["-f", str(FRAMEWORK), "--no-cache", "--format", "json", "--matcher", matcher]
    began = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--out", type=Path, default=HERE / "isolation.md")
    args = parser.parse_args()
    starts: dict[str, list[float]] = {m: [] for m in ("fork", "forkserver", "spawn")}
    cold: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(args.runs):
        for method, times in starts.items():
            times.append(start_up_in_fresh_process(method))
        for kind, path in FILES.items():
            for matcher in MATCHERS:
                for way in WAYS:
                    cold.setdefault((kind, matcher, way), []).append(cold_run(way, path, matcher))
    write_report(args.out, args.runs, starts, cold)


def write_report(
    out: Path,
    runs: int,
    starts: dict[str, list[float]],
    cold: dict[tuple[str, str, str], list[float]],
) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# Reading PDF and Word files in a worker of their own (issue 17)",
        "",
        f"`python benchmarks/isolation.py --runs {runs}` on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load} when "
        "it ended; medians.",
        "",
        "| start method | from start() to the first answer, reading code imported |",
        "|---|---:|",
    ]
    for method, times in starts.items():
        lines.append(f"| {method} | {statistics.median(times) * 1000:,.0f} ms |")
    lines += [
        "",
        "| one-file cold run | " + " | ".join(WAYS) + " | forked, extra |",
        "|---|" + "---:|" * (len(WAYS) + 1),
    ]
    for kind in FILES:
        for matcher in MATCHERS:
            medians = [statistics.median(cold[kind, matcher, way]) for way in WAYS]
            cells = [f"{m:.2f} s" for m in medians]
            extra = (medians[1] - medians[0]) * 1000
            lines.append(f"| {kind}, {matcher} | " + " | ".join(cells) + f" | {extra:+.0f} ms |")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
