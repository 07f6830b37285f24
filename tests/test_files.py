import os
from pathlib import Path

import pytest

from alignck.errors import ReadError
from alignck.files import is_kernel_file, read_regular, refusal, same_file
from conftest import within

ONLY = "alignck reads only regular files"
needs_proc = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="no /proc")


def test_an_ordinary_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(b"# Plan\n")
    assert refusal(path) is None
    assert read_regular(path) == b"# Plan\n"


def test_a_fifo_is_refused_without_opening_it_and_reading_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)
    assert refusal(fifo) == f"a named pipe (FIFO), not a regular file; {ONLY}"
    with pytest.raises(ReadError) as raised:
        within(10, lambda: read_regular(fifo))
    assert str(raised.value) == f"{fifo}: a named pipe (FIFO), not a regular file; {ONLY}"


def test_a_socket_is_refused_by_its_type_not_by_the_failure_to_open_it(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "plan.md"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        # It was opened first: 'cannot read file: no such device or address'.
        with pytest.raises(ReadError) as raised:
            read_regular(path)
    assert str(raised.value) == f"{path}: a socket, not a regular file; {ONLY}"


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert refusal(link) == f"a character device, not a regular file; {ONLY}"
    with pytest.raises(ReadError, match="a character device"):
        within(10, lambda: read_regular(link))


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    assert refusal(tmp_path) == f"a folder, not a regular file; {ONLY}"


@needs_proc
def test_the_kernel_s_files_are_refused_though_they_look_regular(tmp_path: Path) -> None:
    link = tmp_path / "env.txt"
    link.symlink_to("/proc/self/environ")
    assert link.is_file()  # what a plain check would have let through
    for path in (Path("/proc/self/environ"), link):
        assert is_kernel_file(path)
        assert refusal(path) == f"a file of the kernel's /proc or /sys, not a document; {ONLY}"
        with pytest.raises(ReadError, match="a file of the kernel's /proc or /sys"):
            read_regular(path)
    assert not is_kernel_file(tmp_path)


def test_same_file_sees_through_links_and_hard_links(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("x", encoding="utf-8")
    (tmp_path / "hard.md").hardlink_to(plan)
    (tmp_path / "soft.md").symlink_to(plan)
    (tmp_path / "other.md").write_text("x", encoding="utf-8")
    assert same_file(tmp_path / "hard.md", plan)
    assert same_file(tmp_path / "soft.md", plan)
    # Not there yet, but writing it would write plan.md: the resolved paths are compared.
    assert same_file(tmp_path / "new" / ".." / "plan.md", plan)
    assert not same_file(tmp_path / "other.md", plan)
    assert not same_file(tmp_path / "new.md", plan)
