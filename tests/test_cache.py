import os
import time
from pathlib import Path

import pytest

from alignck import cache
from alignck.errors import UsageError


def _key(start: str) -> str:
    """A key of the shape alignck's are (SHA-256 hex digests), beginning with ``start``."""
    return start.ljust(64, "0")


def _entry(key: str, size: int, age_seconds: float) -> Path:
    cache.store(key, b"x" * size)
    path = next(cache.cache_dir().rglob(f"{key}.pickle"))
    moment = time.time() - age_seconds
    os.utime(path, (moment, moment))
    return path


def test_prune_removes_least_recently_used_entries_first(isolated_cache: Path) -> None:
    oldest = _entry(_key("aa01"), 1000, age_seconds=300)
    middle = _entry(_key("bb02"), 1000, age_seconds=200)
    newest = _entry(_key("cc03"), 1000, age_seconds=100)
    total = sum(p.stat().st_size for p in (oldest, middle, newest))

    removed = cache.prune(limit=total - 1)

    assert removed == 1
    assert not oldest.exists() and middle.exists() and newest.exists()


def test_loading_an_entry_keeps_it_from_being_pruned(isolated_cache: Path) -> None:
    used = _entry(_key("aa01"), 1000, age_seconds=300)
    unused = _entry(_key("bb02"), 1000, age_seconds=200)
    assert cache.load(_key("aa01")) == b"x" * 1000

    cache.prune(limit=int(used.stat().st_size * 1.3))  # room for one entry after trimming

    assert used.exists() and not unused.exists()


def test_prune_leaves_a_cache_under_its_limit_alone(isolated_cache: Path) -> None:
    kept = _entry(_key("aa01"), 1000, age_seconds=300)
    assert cache.prune(limit=10**6) == 0
    assert kept.exists()


def test_prune_removes_temporary_files_of_runs_that_died(isolated_cache: Path) -> None:
    _entry(_key("aa01"), 10, age_seconds=0)
    stale = isolated_cache / "aa" / "tmpdead0000.tmp"
    fresh = isolated_cache / "aa" / "tmpwriting1.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))

    cache.prune(limit=10**6)

    assert not stale.exists() and fresh.exists()


def test_the_cache_is_configured_not_read_from_the_environment(
    isolated_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIGNCK_CACHE_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "5")
    assert cache.cache_dir() == isolated_cache
    assert cache.max_bytes() == cache.DEFAULT_MAX_MB * 1024 * 1024
    cache.configure(tmp_path / "chosen", 5)
    assert (cache.cache_dir(), cache.max_bytes()) == (tmp_path / "chosen", 5 * 1024 * 1024)


def test_a_cache_size_is_whole_megabytes() -> None:
    assert cache.parse_max_mb(" 5 ", "SIZE") == 5
    for bad in ("lots", "-1", "1.5"):
        with pytest.raises(
            UsageError, match=rf"SIZE must be a whole number of megabytes, not '{bad}'"
        ):
            cache.parse_max_mb(bad, "SIZE")
