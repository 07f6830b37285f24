"""The cache deletes only what alignck wrote, and only in a folder that is alignck's."""

import os
from pathlib import Path

import pytest

from alignck import cache
from alignck.cache_folder import TAG_NAME, is_tagged
from alignck.errors import CacheError
from conftest import within

KEY = "ab" + "0" * 62
SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"


def _private_folder(tmp_path: Path) -> Path:
    """An ordinary folder of someone's own files that a careless setting points the cache at."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "id_rsa").write_text("PRIVATE KEY\n", encoding="utf-8")
    (folder / "ab").mkdir()
    (folder / "ab" / "notes.txt").write_text("mine\n", encoding="utf-8")
    return folder


def test_a_new_cache_folder_is_tagged_as_alignck_s(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "cache"
    cache.configure(folder)
    cache.store(KEY, "value")
    text = (folder / TAG_NAME).read_text(encoding="ascii")
    assert text.startswith(SIGNATURE + "\n")  # the spec's exact first bytes
    assert "created by alignck" in text.splitlines()[1]
    assert cache.load(KEY, str) == "value"


def test_clear_refuses_a_folder_of_other_files_and_deletes_nothing(tmp_path: Path) -> None:
    folder = _private_folder(tmp_path)
    cache.configure(folder)
    with pytest.raises(CacheError) as raised:
        cache.clear()
    assert str(raised.value) == (
        f"{folder}: not alignck's cache folder: it holds 'ab/notes.txt', which alignck did "
        f"not write, and no {TAG_NAME} from alignck; refusing to clear it"
    )
    assert (folder / "id_rsa").read_text(encoding="utf-8") == "PRIVATE KEY\n"
    assert (folder / "ab" / "notes.txt").exists()


def test_prune_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    folder = _private_folder(tmp_path)
    cache.configure(folder)
    with pytest.raises(CacheError, match="refusing to trim it"):
        cache.prune(limit=0)
    assert (folder / "id_rsa").exists() and (folder / "ab" / "notes.txt").exists()


def test_such_a_folder_is_not_used_as_a_cache_at_all(tmp_path: Path) -> None:
    folder = _private_folder(tmp_path)
    cache.configure(folder)
    with pytest.raises(CacheError, match="refusing to use it as the cache"):
        cache.claim()
    cache.store(KEY, "value")  # the library's loads and stores quietly do without
    assert cache.load(KEY, str) is None
    assert sorted(p.name for p in folder.rglob("*")) == ["ab", "id_rsa", "notes.txt"]


def test_in_alignck_s_own_folder_clear_and_prune_remove_only_entries(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache.configure(folder)
    cache.store(KEY, "value")
    planted = [
        folder / "id_rsa",
        folder / "ab" / "notes.txt",
        folder / "ab" / ("ab" + "1" * 62 + ".json.bak"),
        folder / "ab" / ("cd" + "1" * 62 + ".json"),  # an entry's name, in the wrong place
    ]
    for path in planted:
        path.write_text("mine\n", encoding="utf-8")
    linked = folder / "ab" / ("ab" + "2" * 62 + ".json")
    linked.symlink_to(folder / "id_rsa")

    assert cache.prune(limit=0) == 1
    cache.store(KEY, "value")
    assert cache.clear() == (1, folder)

    assert all(p.read_text(encoding="utf-8") == "mine\n" for p in planted)
    assert linked.is_symlink()
    assert is_tagged(folder) and not cache.exists(KEY)


def test_clear_removes_emptied_sub_folders_and_keeps_the_tag(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache.configure(folder)
    cache.store(KEY, "value")
    assert cache.clear() == (1, folder)
    assert sorted(p.name for p in folder.iterdir()) == [TAG_NAME]


def test_an_untagged_cache_of_alignck_s_entries_is_adopted(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    (folder / "ab").mkdir(parents=True)
    (folder / "ab" / f"{KEY}.pickle").write_bytes(b"not a pickle")
    cache.configure(folder)
    assert cache.claim() == folder
    assert is_tagged(folder)
    assert cache.clear() == (1, folder)


def test_another_tool_s_cache_tag_does_not_make_a_folder_alignck_s(tmp_path: Path) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / TAG_NAME).write_text(SIGNATURE + "\n# created by another tool\n", encoding="ascii")
    cache.configure(folder)
    with pytest.raises(CacheError, match=f"it holds '{TAG_NAME}'"):
        cache.clear()
    assert (folder / TAG_NAME).exists()


def test_a_cache_folder_that_is_a_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    file = tmp_path / "cache"
    file.write_text("a file\n", encoding="utf-8")
    cache.configure(file)
    for action in (cache.claim, cache.clear, cache.info, lambda: cache.prune(0)):
        with pytest.raises(CacheError, match=r"not a folder"):
            action()
    cache.store(KEY, "value")
    assert cache.load(KEY, str) is None
    assert file.read_text(encoding="utf-8") == "a file\n"


def test_a_fifo_in_place_of_the_tag_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    os.mkfifo(folder / TAG_NAME)
    assert within(5, lambda: is_tagged(folder)) is False


def _refusing(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Opening ``refused`` or listing under it answers as another user's private file does
    (root reads anything, so it is simulated)."""
    real_open, real_scandir, real_is_file = os.open, os.scandir, Path.is_file
    real_read_bytes = Path.read_bytes

    def open_(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def is_file(self: Path) -> bool:
        if refused in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    def read_bytes(self: Path) -> bytes:
        if refused in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "is_file", is_file)


def test_a_cache_folder_another_user_keeps_is_a_warning_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck.errors import CacheUnwritable

    folder = tmp_path / "shared"
    cache.configure(folder)
    cache.store(KEY, "value")  # the other user's run
    _refusing(monkeypatch, folder / TAG_NAME)
    cache.configure(folder)
    # Not 'not alignck's cache folder: it holds CACHEDIR.TAG': the run goes on without it.
    with pytest.raises(CacheUnwritable, match=r"cannot use the cache folder"):
        cache.claim()


def test_a_shared_cache_s_private_sub_folder_is_a_miss_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    cache.configure(folder)
    cache.store(KEY, "value")  # the other user's run, in a sub-folder private to them
    _refusing(monkeypatch, folder / KEY[:2])
    cache.configure(folder)
    assert cache.exists(KEY) is False
    assert cache.load(KEY, str) is None


def test_a_cache_folder_that_cannot_be_listed_is_a_warning_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignck.errors import CacheUnwritable

    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "ab").mkdir()  # untagged: alignck looks inside before adopting it
    _refusing(monkeypatch, folder)
    cache.configure(folder)
    with pytest.raises(CacheUnwritable, match=r"cannot read the cache folder"):
        cache.claim()


def test_a_trim_leaves_what_it_may_not_remove_in_a_shared_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    cache.configure(folder)
    cache.store(KEY, "x" * 5000)

    def refused(path: str) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(cache, "_remove", refused)
    assert cache.prune(0) == 0
    assert cache.load(KEY, str) == "x" * 5000
