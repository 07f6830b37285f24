"""scipy imported whatever SOURCE_DATE_EPOCH holds (numpy.f2py reads it as it is imported).

Each case runs in a fresh interpreter: in this one scipy is already imported."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(args: list[str], epoch: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, XDG_CACHE_HOME=str(cwd / "cache"))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )


@pytest.mark.parametrize("epoch", ["", "yesterday", "1700000000.5"])
def test_a_check_runs_whatever_source_date_epoch_holds(tmp_path: Path, epoch: str) -> None:
    (tmp_path / "priorities.yaml").write_text(
        "priorities:\n  - {id: homes, title: Warm homes}\n", encoding="utf-8"
    )
    (tmp_path / "plan.md").write_text("# Plan\n\nWe will insulate 500 homes.\n", "utf-8")
    args = ["-m", "alignck", "check", "plan.md", "--matcher", "lexical", "--format", "json"]
    done = _run(args, epoch, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"][0]["status"] == "ok"


def test_the_variable_is_given_back_after_the_import(tmp_path: Path) -> None:
    code = (
        "import os; from alignck.scipy_import import sparse; sparse(); "
        "print(repr(os.environ['SOURCE_DATE_EPOCH']))"
    )
    done = _run(["-c", code], "yesterday", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "'yesterday'"
