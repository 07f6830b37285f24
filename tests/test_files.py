import os
import sys
from pathlib import Path

import pytest

from alignck.errors import ReadError
from alignck.files import is_kernel_file, near_name, read_regular, refusal, same_file
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


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_swapped_in_after_the_check_is_refused_on_the_open_file(tmp_path: Path) -> None:
    # A FIFO put at a document's path after its type was looked at hung a run: the open
    # itself waited for a writer, and no time limit could end it.
    from alignck.files import NotRegular, open_regular

    pipe = tmp_path / "plan.md"
    os.mkfifo(pipe)
    with pytest.raises(NotRegular, match="a named pipe"):
        open_regular(pipe)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux reopens by descriptor")
def test_a_document_held_open_is_read_as_checked_whatever_its_path_names_meanwhile(
    tmp_path: Path,
) -> None:
    # Readers open a document again (PDFium, zip archives): one swapped for a FIFO, or for a
    # link out of the folder, between the check and their open hung the run or was read.
    from alignck.files import held_open

    plan = tmp_path / "docs" / "plan.md"
    plan.parent.mkdir()
    plan.write_text("# Plan\n\nWe will build homes.\n", encoding="utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text("SECRET\n", encoding="utf-8")
    with held_open(plan) as through:
        assert through.name == "plan.md" and through != plan
        plan.unlink()
        plan.symlink_to(secret)
        assert through.read_text(encoding="utf-8") == "# Plan\n\nWe will build homes.\n"
        plan.unlink()
        os.mkfifo(plan)
        with through.open("rb") as handle:  # would block on the FIFO
            assert handle.read().startswith(b"# Plan")
    assert not through.parent.exists()


def test_a_link_swapped_in_between_the_look_and_the_open_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The path was a regular file when looked at, so it is opened without following a link:
    # one put there meanwhile, leading out of the folder, is not read.
    from alignck import files

    if not hasattr(os, "O_NOFOLLOW"):
        pytest.skip("no O_NOFOLLOW here")
    secret = tmp_path / "secret.md"
    secret.write_text("SECRET\n", encoding="utf-8")
    plan = tmp_path / "plan.md"
    plan.symlink_to(secret)
    regular = secret.stat()
    monkeypatch.setattr(files.os, "lstat", lambda path: regular)
    with pytest.raises(OSError):
        files.open_regular(plan)


def test_a_document_read_through_its_held_file_is_named_by_its_own_path(tmp_path: Path) -> None:
    from alignck.errors import ReadError
    from alignck.readers import read_document

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will build homes.\n", encoding="utf-8")
    assert read_document(plan).path == str(plan)
    broken = tmp_path / "plan.docx"
    broken.write_text("# Plan\n", encoding="utf-8")
    with pytest.raises(ReadError) as raised:
        read_document(broken)
    assert raised.value.path == str(broken)
    assert "alignck-read-" not in str(raised.value)
    assert "it looks like text" in str(raised.value)


def test_the_folders_a_killed_reader_held_open_are_removed_by_its_process_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader killed past its time limit never reaches its own clean-up: the process that
    # killed it removes what it left, and only that.
    import tempfile

    from alignck.files import remove_held_folders

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left = tmp_path / "alignck-read-4242-abcd"
    left.mkdir()
    (left / "plan.md").symlink_to("/proc/self/fd/7")
    other = tmp_path / "alignck-read-42420-efgh"
    other.mkdir()
    remove_held_folders(4242)
    assert not left.exists() and other.exists()
    remove_held_folders(None)
    assert other.exists()


def test_a_file_found_as_a_file_and_a_link_when_read_is_refused(tmp_path: Path) -> None:
    # Swapped for a link out of the folder between the search and the read, it was read
    # (three runs in twenty under a swapping process): only what was a link when found may
    # be read through one.
    from alignck.model import ReadOptions
    from alignck.readers import discover, read_document

    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nSECRET-TOKEN\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    plan = docs / "plan.md"
    plan.write_text("# Plan\n\nWe will build homes.\n", encoding="utf-8")
    found = discover([docs])
    assert found.files == (plan,) and found.links == frozenset()
    plan.unlink()
    plan.symlink_to(secret)
    with pytest.raises(ReadError) as raised:
        read_document(plan, ReadOptions(links=found.links))
    assert raised.value.path == str(plan)
    # A link named on the command line is read where it leads, as before.
    named = discover([plan])
    assert named.links == frozenset({str(plan)})
    read = read_document(plan, ReadOptions(links=named.links))
    assert "SECRET-TOKEN" in " ".join(b.text for b in read.blocks)


def test_a_document_is_read_by_its_path_where_no_link_can_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full temporary folder, or one on a file system without links, failed every document.
    from alignck.files import held_open

    def refused(self: Path, target: str) -> None:
        raise OSError(1, "operation not permitted")

    monkeypatch.setattr(Path, "symlink_to", refused)
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n", encoding="utf-8")
    with held_open(plan) as through:
        assert through == plan


def test_resolving_a_path_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    # A link replaced by a file while it is resolved makes readlink fail with EINVAL: the
    # search stopped with exit 3.
    import os.path

    from alignck.files import real_path

    def racing(path: object, *args: object, **kwargs: object) -> str:
        raise OSError(22, "invalid argument")

    monkeypatch.setattr(os.path, "realpath", racing)
    assert real_path(Path("docs/plan.md")) == Path.cwd() / "docs" / "plan.md"


def test_a_name_nearly_beside_a_missing_path_is_suggested(tmp_path: Path) -> None:
    # A charity's volunteer typed 'Mine/' for 'mine' and 'board-priorites.yaml'.
    (tmp_path / "mine").mkdir()
    (tmp_path / "board-priorities.yaml").write_text("", encoding="utf-8")
    assert near_name(tmp_path / "Mine") == f"; did you mean '{tmp_path / 'mine'}'?"
    assert near_name(tmp_path / "board-priorites.yaml") == (
        f"; did you mean '{tmp_path / 'board-priorities.yaml'}'?"
    )
    assert near_name(tmp_path / "strategy.pdf") == ""
    assert near_name(tmp_path / "gone" / "mine") == ""  # a folder that is not there


def test_a_near_name_in_the_current_folder_is_given_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path)
    assert near_name(Path("Mine")) == "; did you mean 'mine'?"


def test_a_near_name_is_one_the_user_meant_not_another_partner_s_or_a_lock_file(
    tmp_path: Path,
) -> None:
    # From a review: 'barnet-strategy.pdf' was offered 'barnsley-strategy.pdf' (another
    # council's), 'strategy.docx' Word's lock file, and a file inside a mistyped folder nothing.
    (tmp_path / "mine").mkdir()
    for name in ("barnsley-strategy.pdf", "~$rategy.docx", "plan.md~", "priorities.yaml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert near_name(tmp_path / "barnet-strategy.pdf") == ""
    assert near_name(tmp_path / "strategy.docx") == ""
    assert near_name(tmp_path / "plan.md") == ""
    assert near_name(tmp_path / "Mine" / "plan.md") == (
        f"; did you mean '{tmp_path / 'mine' / 'plan.md'}'?"
    )
    (tmp_path / "Priorities").mkdir()
    # A framework is a YAML file: the folder 'Priorities' is no framework to suggest.
    assert near_name(tmp_path / "priorities", (".yaml", ".yml")) == ""
    assert near_name(tmp_path / "priorites.yaml", (".yaml", ".yml")) == (
        f"; did you mean '{tmp_path / 'priorities.yaml'}'?"
    )


def test_names_equally_near_are_all_given_and_another_unicode_form_is_said(
    tmp_path: Path,
) -> None:
    import unicodedata

    for name in ("plan-a.md", "plan-b.md", unicodedata.normalize("NFD", "café.md")):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert near_name(tmp_path / "plan-c.md") == (
        f"; did you mean '{tmp_path / 'plan-a.md'}' or '{tmp_path / 'plan-b.md'}'?"
    )
    said = near_name(tmp_path / unicodedata.normalize("NFC", "café.md"))
    assert said.endswith("(the same letters, written in another Unicode form)")
