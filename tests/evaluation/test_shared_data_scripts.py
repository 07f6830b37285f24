"""The fitting scripts and the negative control need the shared evaluation data: without it
each says so in one line, exits 1 and writes nothing (they ended in a traceback, or measured
fewer sets and overwrote the committed figures under the same name)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(
    ("script", "written"),
    [
        ("benchmarks/negative_control.py", "benchmarks/negative-control.md"),
        ("scripts/fit_decision.py", "src/alignck/data/decision.json"),
        ("scripts/fit_extraction.py", "src/alignck/data/extraction.json"),
    ],
)
def test_a_script_without_the_shared_data_says_so_and_writes_nothing(
    tmp_path: Path, script: str, written: str
) -> None:
    # Run from a copy of its folder, so that a guard that fails writes into the copy, never
    # over the repository's own figures.
    copy = tmp_path / "copy"
    for folder in ("benchmarks", "scripts"):  # the scripts import each other's modules
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("corpus"))
    (copy / written).parent.mkdir(parents=True, exist_ok=True)
    (copy / written).write_text("kept\n", encoding="utf-8")
    before = (copy / written).stat().st_mtime_ns
    completed = subprocess.run(
        [sys.executable, str(copy / script), "--eval-dir", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "--eval-dir" in lines[0], completed.stderr
    assert (copy / written).stat().st_mtime_ns == before
    assert (copy / written).read_text(encoding="utf-8") == "kept\n"
