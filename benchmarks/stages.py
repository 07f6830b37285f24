"""Where a cold lexical check's time goes, stage by stage, in one process.

    python benchmarks/stages.py CORPUS/strategies FRAMEWORK [--cprofile OUT.prof]

Runs what `alignck check --matcher lexical --no-cache --format json` runs on every PDF of the
folder, but each stage in this process and timed on its own (process time, so other jobs on a
shared machine slow it less than they slow the wall clock): the workers' side (reading,
extraction, segmentation, pickling the prepared document), the matching process's side
(unpickling it, the signals, the decision, the verdicts, the cache entries a cold run writes)
and the run's end (analysis, the JSON report). Start-up is measured apart, as fresh
interpreters importing what the matching process and a worker import. Prints a Markdown table;
benchmarks/profile.md holds one. ``--cprofile`` also writes a cProfile of the stages, for
finding what inside a stage costs most (cProfile inflates Python-heavy stages: read the table
for their sizes).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pickle
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

# What each process imports before its first document: the command line and matching in the
# main process, the readers and extraction in a worker.
MAIN_IMPORTS = "import alignck.cli.check, alignck.pipeline, alignck.match, numpy, scipy.sparse"
WORKER_IMPORTS = "import alignck.reading, alignck.extract, alignck.readers.pdf, pypdfium2"
WORKER = "worker"
MAIN = "main"
END = "end"


class Stages:
    """Process time per stage, and which process's side each is on."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.side: dict[str, str] = {}

    def time(self, name: str, side: str, work: Callable[..., Any], *args: Any) -> Any:
        start = time.process_time()
        result = work(*args)
        self.seconds[name] += time.process_time() - start
        self.side[name] = side
        return result


def start_up(runs: int = 5) -> dict[str, float]:
    """Median wall time of a fresh interpreter importing each process's modules."""
    found = {}
    for name, imports in (("main", MAIN_IMPORTS), ("worker", WORKER_IMPORTS)):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", imports], check=True)
            times.append(time.perf_counter() - start)
        found[name] = statistics.median(times)
    return found


def profile(folder: Path, framework_path: Path, stages: Stages) -> tuple[int, int, int]:
    """Every stage over every PDF of the folder; (documents, passages, pickled bytes)."""
    from alignck.analyse import analyse
    from alignck.extract import extract
    from alignck.framework import load_framework
    from alignck.match import Matcher
    from alignck.model import DocumentResult, Policy, ReadOptions, Report
    from alignck.passages import build_passages
    from alignck.pipeline import resolve_thresholds
    from alignck.readers import pdf, read_document
    from alignck.reading import Prepared
    from alignck.renderers import RenderOptions, renderer
    from alignck.verdicts import Judged

    framework = stages.time("framework loaded", MAIN, load_framework, framework_path)
    thresholds = resolve_thresholds(framework)
    matcher = Matcher(framework, thresholds, "lexical")
    stages.time("term space and decision built", MAIN, lambda: (matcher.space, matcher.decision))
    engine = pdf._extract

    def pdfium(*args: Any) -> Any:
        return stages.time("reading: PDFium text, positions, font sizes", WORKER, engine, *args)

    pdf._extract = pdfium  # type: ignore[assignment]
    results, passages_seen, pickled = [], 0, 0
    options = ReadOptions()
    paths = sorted(folder.glob("*.pdf"))
    for path in paths:
        before = stages.seconds["reading: PDFium text, positions, font sizes"]
        document = stages.time("reading (whole)", WORKER, read_document, path, options)
        inner = stages.seconds["reading: PDFium text, positions, font sizes"] - before
        stages.seconds["reading: blocks, headings by font size, tables"] += (
            stages.seconds.pop("reading (whole)") - inner
        )
        stages.side["reading: blocks, headings by font size, tables"] = WORKER
        statements = stages.time("extraction (rules, fitted scorers)", WORKER, extract, document)
        passages = tuple(
            stages.time(
                "segmentation (passages, roles, terms)",
                WORKER,
                build_passages,
                document,
                statements,
            )
        )
        passages_seen += len(passages)
        prepared = Prepared(
            document.path,
            document.format,
            document.pages,
            document.warnings,
            tuple(statements),
            passages,
            document.protected,
        )
        blob = stages.time(
            "pickling the prepared document",
            WORKER,
            pickle.dumps,
            prepared,
            pickle.HIGHEST_PROTOCOL,
        )
        pickled += len(blob)
        stages.time("unpickling it", MAIN, pickle.loads, blob)
        signals = stages.time("term signals", MAIN, matcher.run_signals, passages)
        judged = stages.time("ground model and decision", MAIN, Judged, matcher, passages, signals)
        count = len(framework.priorities)
        alignments = stages.time(
            "verdicts and evidence",
            MAIN,
            _verdicts,
            judged,
            count,
        )
        stated = stages.time(
            "stated priorities named",
            MAIN,
            matcher._stated,
            statements,
            passages,
            judged,
            alignments,
        )
        result = DocumentResult(
            str(path),
            "ok",
            format=document.format,
            pages=document.pages,
            statements=stated,
            alignments=alignments,
            warnings=document.warnings,
        )
        stages.time(
            "cache entries written by a cold run (encoded)",
            MAIN,
            _cache_entries,
            prepared,
            result,
        )
        results.append(result)
    pdf._extract = engine
    analysis = stages.time("analysis", END, analyse, framework, results)
    report = Report(
        framework, tuple(results), (), analysis, thresholds, Policy(), matcher.description
    )
    stages.time("JSON report", END, renderer("json"), report, io.StringIO(), RenderOptions())
    return len(paths), passages_seen, pickled


def _verdicts(judged: Any, count: int) -> tuple[Any, ...]:
    return tuple(judged.alignment(k) for k in range(count))


def _cache_entries(*values: Any) -> list[bytes]:
    from alignck import cache

    return [cache._wrap("key", value) for value in values]


def table(stages: Stages, started: dict[str, float]) -> str:
    lines = ["| stage | side | seconds | share |", "|---|---|---:|---:|"]
    total = sum(stages.seconds.values())
    for name, seconds in stages.seconds.items():
        share = seconds / total
        lines.append(f"| {name} | {stages.side[name]} | {seconds:.2f} | {share:.0%} |")
    for side in (WORKER, MAIN, END):
        part = sum(s for n, s in stages.seconds.items() if stages.side[n] == side)
        lines.append(f"| **{side} side, total** | | **{part:.2f}** | **{part / total:.0%}** |")
    lines += [
        "",
        f"Start-up, per process (wall, median of 5): main {started['main']:.2f} s, "
        f"worker {started['worker']:.2f} s.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("strategies", type=Path)
    parser.add_argument("framework", type=Path)
    parser.add_argument("--cprofile", type=Path)
    args = parser.parse_args()
    started = start_up()
    stages = Stages()
    profiler = cProfile.Profile() if args.cprofile else None
    if profiler:
        profiler.enable()
    documents, passages, pickled = profile(args.strategies, args.framework, stages)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.cprofile)
    print(table(stages, started))
    print(
        f"\n{documents} documents, {passages} passages, {pickled / 1e6:.1f} MB pickled; "
        f"load average {os.getloadavg()[1]:.1f} over the last 5 minutes."
    )


if __name__ == "__main__":
    main()
