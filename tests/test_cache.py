import errno
import io
import json
import os
import pickle
import shlex
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from alignck import __version__, cache
from alignck.errors import UsageError
from alignck.pipeline import check
from alignck.renderers import RenderOptions, renderer
from conftest import EXAMPLES, FRAMEWORK


@dataclass(frozen=True)
class Filler:
    text: str


def _key(start: str) -> str:
    """A key of the shape alignck's are (SHA-256 hex digests), beginning with ``start``."""
    return start.ljust(64, "0")


def _entry(key: str, size: int, age_seconds: float) -> Path:
    cache.store(key, Filler("x" * size))
    path = next(cache.cache_dir().rglob(f"{key}.json"))
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
    assert cache.load(_key("aa01"), Filler) == Filler("x" * 1000)

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


def test_prune_trims_to_four_fifths_of_the_limit(isolated_cache: Path) -> None:
    # Well under the limit, so that the next runs do not each have to trim again: ten
    # entries of one size over a limit of five are trimmed to four, the oldest going first.
    entries = [_entry(_key(f"{n:02d}"), 1000, age_seconds=1000 - n) for n in range(10)]
    sizes = {path.stat().st_size for path in entries}
    assert len(sizes) == 1
    removed = cache.prune(limit=5 * sizes.pop())
    assert removed == 6
    assert [path.exists() for path in entries] == [False] * 6 + [True] * 4


def test_a_result_s_key_changes_with_alignck_s_code(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A result computed by other code must not be met again: the key holds the code's hash.
    document = _key("aa01")
    monkeypatch.setattr(cache, "code_fingerprint", lambda modules=(): "one")
    before = cache.result_key(document, "framework")
    assert cache.result_key(document, "framework") == before
    monkeypatch.setattr(cache, "code_fingerprint", lambda modules=(): "two")
    assert cache.result_key(document, "framework") != before


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


# Entries are data checked against what was asked for: nothing in the folder is ever trusted.


def _report(**options: object) -> str:
    out = io.StringIO()
    renderer("json")(check([EXAMPLES], FRAMEWORK, **options), out, RenderOptions())  # type: ignore[arg-type]
    return out.getvalue()


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


class _Planted:
    """Unpickling this runs a command that leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {shlex.quote(str(self.marker))}",)


def test_a_planted_pickle_is_never_run_and_the_documents_are_read_again(
    isolated_cache: Path, tmp_path: Path
) -> None:
    plain = _report()
    assert _report(use_cache=True) == plain
    marker = tmp_path / "ran"
    for entry in _entries(isolated_cache):
        entry.write_bytes(pickle.dumps(_Planted(marker)))
        # Where earlier versions kept entries, too: those are never loaded.
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(_Planted(marker)))

    assert _report(use_cache=True) == plain
    assert not marker.exists()
    assert all(not e.read_bytes().startswith(b"\x80") for e in _entries(isolated_cache))


def test_an_entry_moved_under_another_key_is_ignored(isolated_cache: Path) -> None:
    plain = _report()
    assert _report(use_cache=True) == plain
    entries = _entries(isolated_cache)
    contents = [e.read_bytes() for e in entries]
    for entry, content in zip(entries, contents[1:] + contents[:1], strict=True):
        entry.write_bytes(content)  # each valid entry now sits under its neighbour's key

    assert _report(use_cache=True) == plain
    assert [e.read_bytes() for e in _entries(isolated_cache)] == contents  # rewritten whole


def test_a_truncated_entry_is_read_again(isolated_cache: Path) -> None:
    plain = _report()
    assert _report(use_cache=True) == plain
    for entry in _entries(isolated_cache):
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])

    assert _report(use_cache=True) == plain
    assert _report(use_cache=True) == plain


def test_an_entry_of_another_version_or_kind_is_not_loaded(isolated_cache: Path) -> None:
    key = _key("ab12")
    cache.store(key, Filler("kept"))
    [entry] = _entries(isolated_cache)
    written = json.loads(entry.read_bytes())
    assert written[:4] == [2, __version__, key, "Filler"]

    assert cache.load(key, str) is None  # asked for another kind: not believed, and removed
    assert not entry.exists()
    entry.write_bytes(json.dumps([2, "0.0.1", key, "Filler", ["old"]]).encode())
    assert cache.load(key, Filler) is None


@pytest.mark.parametrize(
    "payload",
    [
        ["a", "b"],  # a field too many
        [],  # a field missing
        [7],  # a number where text belongs
        [None],
        [["nested"]],
    ],
)
def test_an_entry_whose_fields_do_not_fit_their_types_is_refused(
    isolated_cache: Path, payload: list[object]
) -> None:
    key = _key("cd34")
    cache.store(key, Filler("real"))
    [entry] = _entries(isolated_cache)
    entry.write_bytes(json.dumps([2, __version__, key, "Filler", payload]).encode())
    assert cache.load(key, Filler) is None
    assert not entry.exists()


def test_a_failed_write_leaves_no_temporary_file(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    cache.claim()
    monkeypatch.setattr("pathlib.Path.replace", full_disk)
    before = cache.writes()
    cache.store(_key("ef56"), Filler("text"))
    assert cache.writes() == before
    assert [p for p in isolated_cache.rglob("*") if p.is_file()] == [
        isolated_cache / "CACHEDIR.TAG"
    ]


def test_configure_takes_a_folder_as_text_or_a_path_with_a_tilde(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A str was accepted and the next check failed on "'str' object has no attribute
    # 'stat'"; '~/x' made a folder literally named '~'.
    monkeypatch.setenv("HOME", str(tmp_path))
    try:
        cache.configure(str(tmp_path / "c"), 10)
        assert cache.cache_dir() == tmp_path / "c"
        cache.configure(Path("~/x"))
        assert cache.cache_dir() == tmp_path / "x"
        with pytest.raises(TypeError, match="cache size must be a whole number"):
            cache.configure(tmp_path, "10")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="cannot be negative"):
            cache.configure(tmp_path, -5)
        with pytest.raises(TypeError, match="cache folder must be a path"):
            cache.configure(3)  # type: ignore[arg-type]
    finally:
        cache.configure()


def test_the_code_fingerprint_is_the_same_whichever_way_a_checkout_ends_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A checkout on Windows may end lines CRLF: a baseline made on Linux was then 'made
    # with other code', for the same release.
    fingerprints = []
    for ending in ("\n", "\r\n"):
        package = tmp_path / ending.encode().hex()
        (package / "readers").mkdir(parents=True)
        (package / "readers" / "text.py").write_bytes(f"x = 1{ending}y = 2{ending}".encode())
        (package / "readers.py").write_bytes(f"z = 3{ending}".encode())
        monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
        cache.code_fingerprint.cache_clear()  # it is worked out once a process
        fingerprints.append(cache.code_fingerprint(("readers.py", "readers/*.py")))
    (package / "readers.py").write_bytes(b"z = 4\n")
    cache.code_fingerprint.cache_clear()
    other = cache.code_fingerprint(("readers.py", "readers/*.py"))
    cache.code_fingerprint.cache_clear()
    assert fingerprints[0] == fingerprints[1] != other
