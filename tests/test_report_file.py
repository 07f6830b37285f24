"""Report files written whole, and what killed runs left beside them cleared away."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from alignck.report_file import atomic_file


def test_a_killed_run_s_temporary_report_is_removed_once_stale_and_a_fresh_one_kept(
    tmp_path: Path,
) -> None:
    output = tmp_path / "report.json"
    # What a run killed mid-write (kill -9) leaves: its temporary file, never renamed.
    stale = tmp_path / ".report.json.0kh6aplz.tmp"
    stale.write_text('{"half": ', encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    # A run writing the same report right now.
    fresh = tmp_path / ".report.json.a1b2c3d4.tmp"
    fresh.write_text("{", encoding="utf-8")
    # Another report's, and a file of the user's own that only looks alike.
    other = tmp_path / ".other.json.0kh6aplz.tmp"
    other.write_text("{", encoding="utf-8")
    os.utime(other, (two_hours_ago, two_hours_ago))
    mine = tmp_path / ".report.json.notes.tmp"
    mine.write_text("mine", encoding="utf-8")
    os.utime(mine, (two_hours_ago, two_hours_ago))

    with atomic_file(output, binary=False) as handle:
        handle.write("{}\n")

    assert output.read_text(encoding="utf-8") == "{}\n"
    assert not stale.exists()
    assert fresh.exists() and other.exists() and mine.exists()


def test_another_user_s_stale_temporary_report_is_left_alone(tmp_path: Path) -> None:
    theirs = tmp_path / ".report.json.0kh6aplz.tmp"
    theirs.write_text("{", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(theirs, (two_hours_ago, two_hours_ago))
    if os.getuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(theirs, 12345, 12345)
    with atomic_file(tmp_path / "report.json", binary=False) as handle:
        handle.write("{}\n")
    assert theirs.exists()
