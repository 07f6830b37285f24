import os
import re
from pathlib import Path

import pytest

from alignck.errors import ReadError, UsageError
from alignck.readers import discover, read_document
from conftest import within


def test_folders_are_walked_recursively_with_hidden_and_unsupported_listed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("B\n", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("x", encoding="utf-8")
    (tmp_path / "notes.rtf").write_text("x", encoding="utf-8")
    (tmp_path / "~$lock.docx").write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["a.md", "b.txt"]
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert reasons[".hidden.md"] == "hidden"
    assert "unsupported format (Rich Text .rtf" in reasons["notes.rtf"]
    assert reasons["~$lock.docx"] == "Office lock file"


def test_a_link_back_to_a_searched_folder_is_skipped_not_followed(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    found = discover([tmp_path])
    assert found.files == (tmp_path / "plan.md",)
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("again", "folder already searched (a link back to it)")
    ]


def test_one_file_reached_by_two_paths_is_checked_once(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "linked.md").symlink_to(plan)
    found = discover([tmp_path, tmp_path / "sub" / ".." / "plan.md"])
    assert found.files == (plan,)


def test_explicit_unsupported_file_is_returned_as_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    found = discover([path])
    assert found.files == ()
    assert found.unsupported[0].reason.startswith("unsupported format (legacy Word .doc")


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        discover([tmp_path / "nope"])


def test_read_document_rejects_unknown_types(tmp_path: Path) -> None:
    path = tmp_path / "x.odt"
    path.write_bytes(b"PK")
    with pytest.raises(ReadError, match="OpenDocument"):
        read_document(path)


def test_reading_never_modifies_the_file(make_document) -> None:  # type: ignore[no-untyped-def]
    for name in ("a.md", "b.docx", "c.pdf", "d.txt"):
        path = make_document(name)
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        read_document(path)
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_parser_crash_becomes_a_read_error(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "odd.md"
    path.write_text("# x\n", encoding="utf-8")

    def crash(_: Path, __: object = None) -> None:
        raise KeyError("/Root")

    monkeypatch.setattr("alignck.readers.markdown.read", crash)
    with pytest.raises(ReadError, match=r"cannot parse the file \(KeyError: '/Root'\)"):
        read_document(path)


def test_a_fifo_named_explicitly_is_an_error_for_it_alone(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n", encoding="utf-8")
    found = discover([fifo, plan])
    assert found.files == (plan,)
    assert [(s.path, s.reason) for s in found.unsupported] == [
        (str(fifo), "a named pipe (FIFO), not a regular file; alignck reads only regular files")
    ]


def test_read_document_opens_nothing_but_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    device = tmp_path / "zero.txt"
    device.symlink_to("/dev/zero")
    for path, kind in ((fifo, "a named pipe (FIFO)"), (device, "a character device")):
        with pytest.raises(ReadError, match=rf"^{path}: {re.escape(kind)}, not a regular file"):
            within(10, lambda p=path: read_document(p))
