"""The fitting scripts and the negative control need the shared evaluation data: without it
each says so in one line, exits 1 and writes nothing (they ended in a traceback, or measured
fewer sets and overwrote the committed figures under the same name)."""

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
    before = (ROOT / written).stat().st_mtime_ns
    completed = subprocess.run(
        [sys.executable, str(ROOT / script), "--eval-dir", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "--eval-dir" in lines[0], completed.stderr
    assert (ROOT / written).stat().st_mtime_ns == before
