"""Measure alignck's speed and memory against poppler's pdftotext, and write the figures.

    python benchmarks/performance.py            # after `sh benchmarks/setup.sh` once

Runs hyperfine (medians of repeated runs, with a warm-up) and /usr/bin/time -v (peak memory)
on the corpus from benchmarks/corpus.py, cold, warm and one draft against both the 7-priority
example framework and the corpus's generated 300-priority one, and writes
benchmarks/performance.md with medians and ratios measured in the same run. The machines are
shared and noisy: compare ratios, not absolute times, between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FRAMEWORK = ROOT / "priorities.yaml"
READ_ONLY = (
    "import os, sys; from pathlib import Path; from alignck.readers import read_document; "
    "from alignck.model import ReadOptions; "
    "o = ReadOptions(os.environ.get('ALIGNCK_PDF_ENGINE', 'pdfium')); "
    "[read_document(p, o) for p in sorted(Path(sys.argv[1]).glob('*.pdf'))]"
)


def hyperfine(commands: dict[str, str], runs: int, prepare: str | None = None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        command = [
            "hyperfine",
            "--warmup",
            "1",
            "--runs",
            str(runs),
            "--export-json",
            export.name,
            "--style",
            "basic",
        ]
        if prepare:
            command += ["--prepare", prepare]
        for name, line in commands.items():
            command += ["--command-name", name, line]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        results = json.loads(Path(export.name).read_text())["results"]
    return {r["command"]: r["median"] for r in results}


def _check_figures(
    alignck: str, strategies: Path, framework: Path, size: str, runs: int, clear: str, quick: bool
) -> dict[str, float]:
    """Cold, warm and one-draft medians of `alignck check --format json` with one framework;
    the report goes to hyperfine's /dev/null (alignck refuses `-o` onto a device). A warm run
    is replayed from its record, writing to standard output or with `-o` (which writes the
    report file again)."""
    # The lexical matcher: the semantic one has its own benchmark (matchers.py), and with the
    # dev extra installed `auto` would pick it.
    check = f"{alignck} check {strategies} -f {framework} --format json --matcher lexical"
    draft = f"{alignck} check {strategies / 'strategy-01.pdf'} -f {framework} --format json"
    draft += " --matcher lexical"
    cold = {f"{size}: cold": check}
    if not quick:
        cold[f"{size}: cold, --jobs 1"] = f"{check} --jobs 1"
    figures = hyperfine(cold, runs, prepare=clear)
    for line in (check, draft):
        subprocess.run([*line.split(), "-q"], check=True, stdout=subprocess.DEVNULL)
    # Removed after the runs: a folder left in /tmp by every benchmark run piled up.
    with tempfile.TemporaryDirectory(prefix="alignck-bench-report-") as scratch:
        written = Path(scratch) / "report.json"
        warm = {
            f"{size}: warm": check,
            f"{size}: warm, -o": f"{check} -o {written} -q",
            f"{size}: draft, warm": draft,
        }
        return figures | hyperfine(warm, runs)


def peak_memory(command: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MiB) of one run, from GNU time."""
    completed = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if completed.returncode not in (0, 1):
        raise RuntimeError(completed.stderr[-2000:])
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
    wall = re.search(
        r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)",
        completed.stderr,
    )
    assert peak and wall
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, int(peak.group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=HERE / "performance.md")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="leave out the slowest lines (pypdf reading, --jobs 1, peak memory over 1,000 "
        "documents), "
        "for a machine too busy to measure them in reasonable time",
    )
    args = parser.parse_args()
    for tool in ("hyperfine", "pdftotext", "/usr/bin/time"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: run `sh benchmarks/setup.sh` first")
    corpus = args.corpus.resolve()
    strategies = corpus / "strategies"
    if not strategies.is_dir():
        subprocess.run([sys.executable, str(HERE / "corpus.py"), "--out", str(corpus)], check=True)
    # As an installed wheel is: compiled. An editable install under PYTHONDONTWRITEBYTECODE
    # (set on these machines) would otherwise compile alignck's modules in every run,
    # about 0.06 s of a warm run's processor time.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    cache = Path(tempfile.mkdtemp(prefix="alignck-bench-cache-"))
    os.environ["ALIGNCK_CACHE_DIR"] = str(cache)
    os.environ.pop("CI", None)
    try:
        figures, memory = _measure(args, corpus, strategies, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    write_report(args.output, figures, memory, _pages(strategies), args.runs)


def _measure(
    args: argparse.Namespace, corpus: Path, strategies: Path, cache: Path
) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """Every figure of the benchmark, and the peak memory of the long runs."""
    python, alignck = sys.executable, shutil.which("alignck") or "alignck"
    frameworks = {"7": FRAMEWORK, "300": corpus / "framework-300.yaml"}
    pdftotext = f"bash -c 'for f in {strategies}/*.pdf; do pdftotext -q \"$f\" /dev/null; done'"
    clear = f"rm -rf {cache}"
    figures: dict[str, float] = {}
    reading = {
        "pdftotext": pdftotext,
        "read (pdfium, 1 process)": f'{python} -c "{READ_ONLY}" {strategies}',
    }
    if not args.quick:
        reading["read (pypdf, 1 process)"] = (
            f'env ALIGNCK_PDF_ENGINE=pypdf {python} -c "{READ_ONLY}" {strategies}'
        )
    figures |= hyperfine(reading, args.runs)
    for size, framework in frameworks.items():
        figures |= _check_figures(
            alignck, strategies, framework, size, args.runs, clear, args.quick
        )
    figures |= hyperfine({"alignck --version": f"{alignck} --version"}, args.runs)
    memory: dict[str, tuple[float, float]] = {}
    for folder in () if args.quick else ("many-500", "many"):
        subprocess.run(["rm", "-rf", str(cache)], check=True)
        memory[folder] = peak_memory(
            [
                alignck,
                "check",
                str(corpus / folder),
                "-f",
                str(frameworks["300"]),
                "--format",
                "json",
                "--matcher",
                "lexical",
                "-q",
            ]
        )
    return figures, memory


def _memory_lines(memory: dict[str, tuple[float, float]]) -> list[str]:
    if not memory:
        return [
            "",
            "Peak memory over 1,000 documents was not measured in this run (`--quick`).",
            "",
        ]
    lines = [
        "",
        "| 300-priority framework, JSON report | wall time | peak memory |",
        "|---|---:|---:|",
    ]
    for folder, label in (("many-500", "500 documents"), ("many", "1,000 documents")):
        seconds, mib = memory[folder]
        lines.append(f"| {label}, cold cache | {seconds:.1f} s | {mib:.0f} MiB |")
    ratio = memory["many-500"][0] / memory["many"][0]
    return [
        *lines,
        "",
        f"500 documents take {ratio:.2f} of the time of 1,000 (linear would be 0.50); "
        "the target for peak memory is ≤ 500 MB.",
        "",
    ]


def _pages(folder: Path) -> int:
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(str(p))) for p in folder.glob("*.pdf"))


def write_report(
    output: Path,
    figures: dict[str, float],
    memory: dict[str, tuple[float, float]],
    pages: int,
    runs: int,
) -> None:
    base = figures["pdftotext"]
    rows = [
        ("pdftotext over the 20 PDFs (baseline)", "pdftotext", ""),
        ("alignck reading only, pdfium engine, one process", "read (pdfium, 1 process)", "≤ 2×"),
        ("alignck reading only, pypdf engine, one process", "read (pypdf, 1 process)", ""),
    ]
    for size, target in (("7", "≤ 3×"), ("300", "≤ 2×")):
        rows += [
            (
                f"`alignck check`, {size} priorities, cold cache (both cores)",
                f"{size}: cold",
                target,
            ),
            (
                f"`alignck check`, {size} priorities, cold cache, `--jobs 1`",
                f"{size}: cold, --jobs 1",
                "",
            ),
        ]
    lines = [
        "# Performance",
        "",
        f"Generated by `python benchmarks/performance.py`: medians of {runs} runs after a "
        "warm-up (hyperfine), ratios to pdftotext from the same run. Corpus: "
        f"`benchmarks/corpus.py` (20 strategies, {pages} pages; 1,000 short documents; a "
        "300-priority framework). Every check uses the lexical matcher and writes the JSON "
        "report, against the 7-priority example framework (`priorities.yaml`) or the corpus's "
        "300-priority one. "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {os.getloadavg()[1]:.1f} over the last 5 minutes of the run (other "
        "jobs on the machine slow every command, pdftotext included: read the ratios); "
        "alignck's modules compiled beforehand, as an installed wheel's are. "
        "A warm run is answered from the record of the same run (`alignck/replay.py`) once "
        "every file it read is found unchanged, whether it writes its report to standard "
        "output or with `-o` (the file is written again, the same bytes).",
        "",
        "| measurement | median | × pdftotext | target |",
        "|---|---:|---:|---|",
    ]
    for label, key, target in rows:
        if key not in figures:
            lines.append(f"| {label} | not measured (`--quick`) | | {target} |")
            continue
        lines.append(f"| {label} | {figures[key]:.2f} s | {figures[key] / base:.2f}× | {target} |")
    for size, target in (("7", "≤ 0.5 s"), ("300", "≤ 0.3 s")):
        lines += [
            f"| `alignck check` on the 20, {size} priorities, warm cache | "
            f"{figures[f'{size}: warm']:.2f} s | | {target} |",
            f"| the same, report written with `-o` (replayed too) | "
            f"{figures[f'{size}: warm, -o']:.2f} s | | |",
            f"| one 60-page draft, {size} priorities, warm cache | "
            f"{figures[f'{size}: draft, warm']:.2f} s | | ≤ 0.5 s |",
        ]
    lines += [
        f"| `alignck --version` | {figures['alignck --version']:.3f} s | | ≤ 0.1 s |",
    ]
    lines += _memory_lines(memory)
    output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
