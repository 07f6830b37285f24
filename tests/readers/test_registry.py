import os
import re
import unicodedata
from pathlib import Path

import pytest

from alignck.errors import ReadError
from alignck.readers import discover, read_document
from conftest import within


def test_folders_are_walked_recursively_with_hidden_and_unsupported_listed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("B\n", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("x", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "~$lock.docx").write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["a.md", "b.txt"]
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert reasons[".hidden.md"] == "hidden"
    assert "unsupported format ('.csv' files)" in reasons["notes.csv"]
    assert reasons["~$lock.docx"] == "Office lock file"


def test_excluded_names_and_paths_are_listed_as_skipped_and_excluded_folders_not_searched(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "shared"
    for folder in ("Archive/2024", "Public Health/old", "NHS"):
        (shared / folder).mkdir(parents=True)
    for name in (
        "Archive/2024/plan.md",
        "Public Health/old/plan.md",
        "Public Health/plan.md",
        "NHS/trust.md",
        "NHS/trust draft.TMP.md",
    ):
        (shared / name).write_text("# Plan\n", encoding="utf-8")
    named = shared / "Archive" / "2024" / "plan.md"
    found = discover([shared, named], exclude=["archive/", "public health/old/*", "*.tmp.md"])
    assert [p.relative_to(shared).as_posix() for p in found.files] == [
        "NHS/trust.md",
        "Public Health/plan.md",
        "Archive/2024/plan.md",  # named on the command line: always read
    ]
    reasons = {Path(s.path).relative_to(shared).as_posix(): s.reason for s in found.skipped}
    assert reasons == {
        "Archive": "excluded by --exclude 'archive/'",
        "Public Health/old/plan.md": "excluded by --exclude 'public health/old/*'",
        "NHS/trust draft.TMP.md": "excluded by --exclude '*.tmp.md'",
    }


def test_exclude_patterns_written_as_people_write_them(tmp_path: Path) -> None:
    # From the folder given or in full, with './', brackets as written, accents as a Mac
    # spells them: each left nothing out (review).
    from alignck.readers import unused_patterns

    shared = tmp_path / "shared"
    for folder in ("Archive", "Strategy [DRAFT]", "Åbenrå arkiv", "current"):
        (shared / folder).mkdir(parents=True)
        (shared / folder / "plan.md").write_text("# Plan\n", encoding="utf-8")
    mac = unicodedata.normalize("NFD", "åbenrå ARKIV")
    patterns = ["./archive", f"{shared}/Strategy [DRAFT]", mac, "shared/current/", "nothing*"]
    found = discover([shared], exclude=patterns)
    assert found.files == ()
    assert unused_patterns(patterns, found.skipped) == ["nothing*"]
    # In a pattern with a wildcard, brackets choose characters, as in a shell.
    assert discover([shared], exclude=["Strategy [DRAFT]*"]).files != ()


@pytest.mark.parametrize("pattern", ["/Archive", "./Archive", "/archive/"])
def test_an_anchored_exclude_leaves_out_the_folder_s_own_archive_only(
    tmp_path: Path, pattern: str
) -> None:
    # '/Archive' matched nothing (review), and './Archive' every Archive at any depth.
    for folder in ("Archive", "teams/Archive"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "plan.md").write_text("# Plan\n", encoding="utf-8")
    found = discover([tmp_path], exclude=[pattern])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["teams/Archive/plan.md"]


def test_a_link_in_a_loop_is_called_a_loop_not_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "self.md").symlink_to("self.md")
    (tmp_path / "x.md").symlink_to("y.md")
    (tmp_path / "y.md").symlink_to("x.md")
    (tmp_path / "gone.md").symlink_to("nowhere.md")
    found = discover([tmp_path])
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    loop = "a link in a loop (it leads back to itself)"
    assert reasons == {
        "self.md": loop,
        "x.md": loop,
        "y.md": loop,
        "gone.md": "a broken link (it leads nowhere)",
    }
    named = discover([tmp_path / "self.md", tmp_path / "gone.md", tmp_path / "missing.md"])
    assert [(Path(s.path).name, s.reason) for s in named.unsupported] == [
        ("self.md", loop),
        ("gone.md", "a broken link (it leads nowhere)"),
        ("missing.md", "no such file or folder"),
    ]


def test_a_web_page_word_saved_as_doc_says_to_save_it_from_word(tmp_path: Path) -> None:
    page = b'<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>Plan</body></html>'
    (tmp_path / "Healthy Weight Plan (web).doc").write_bytes(page)
    (tmp_path / "old plan.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60))
    os.mkfifo(tmp_path / "minutes.doc")  # never opened: reading it would block for ever
    found = within(10, lambda: discover([tmp_path]))
    reasons = {Path(s.path).name: s.reason for s in found.unsupported}
    assert reasons["Healthy Weight Plan (web).doc"] == (
        "unsupported format (a web page saved from Word, named .doc): open it in Word and "
        "save it as .docx"
    )
    assert reasons["old plan.doc"].startswith("unsupported format (legacy Word .doc: save it")


def test_a_waivers_or_reviews_file_in_a_folder_says_how_to_give_it(tmp_path: Path) -> None:
    # 'init --waivers' writes waivers.yaml beside the framework; listed as an unsupported
    # format it read as a file alignck cannot use.
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text("# accepted gaps\nwaivers:\n  - priority: a\n")
    (tmp_path / "reviews.yml").write_text("reviews: []\n", encoding="utf-8")
    (tmp_path / "other.yaml").write_text("# waivers: no\nsettings: {}\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    found = discover([tmp_path])
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    waivers = tmp_path / "waivers.yaml"
    assert reasons["waivers.yaml"] == (
        f"a waivers file, not a document: 'alignck check' takes it with --waivers {waivers}"
    )
    assert reasons["reviews.yml"].endswith(f"takes it with --review {tmp_path / 'reviews.yml'}")
    assert reasons["other.yaml"].startswith("unsupported format (")
    assert reasons["pipe.yaml"].startswith("unsupported format (")


def test_a_framework_in_a_folder_is_said_to_be_one(tmp_path: Path) -> None:
    # 'alignck extract docs/' listed the folder's priorities.yaml as an unsupported format.
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "priorities.yaml").write_text("framework:\n  name: Ours\npriorities: []\n")
    (tmp_path / "merged.yml").write_text("# merged\npriorities:\n  - id: a\n")
    # A deployment's settings that happen to open on 'framework:' are no framework.
    (tmp_path / "deploy.yaml").write_text("framework: django\nworkers: 4\n", encoding="utf-8")
    found = discover([tmp_path])
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert reasons["priorities.yaml"] == reasons["merged.yml"] == "a framework file, not a document"
    assert reasons["deploy.yaml"].startswith("unsupported format (")


@pytest.mark.parametrize(
    "name",
    ["trust.doc", "hospice.rtf", "council.pages", "board.pptx", "old.ppt", "vcs.odp"],
)
def test_a_strategy_in_a_word_processor_format_found_in_a_folder_is_unreadable(
    tmp_path: Path, name: str
) -> None:
    # Passed over as 'skipped' and listed at the end, a partner's .doc left a run that
    # checked one document of four passing with exit 0.
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert [Path(s.path).name for s in found.unsupported] == [name]
    assert found.unsupported[0].reason.startswith("unsupported format (")
    assert "save it as" in found.unsupported[0].reason or "export it" in found.unsupported[0].reason
    assert not found.skipped


def test_a_pdf_or_word_file_that_lost_its_extension_is_an_unread_strategy(
    tmp_path: Path,
) -> None:
    import zipfile

    # An attachment saved without its extension was skipped, and the run passed with exit 0
    # on the partners it could read.
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "Trust strategy").write_bytes(b"%PDF-1.7\n% ...")
    with zipfile.ZipFile(tmp_path / "ICB plan", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with zipfile.ZipFile(tmp_path / "photos", "w") as archive:
        archive.writestr("a.jpg", "x")
    (tmp_path / "LICENSE").write_text("MIT", encoding="utf-8")
    # Files of other kinds, with extensions of their own, that hold a PDF inside (an
    # Illustrator file) or mention one: passed over, as before. A Word template is not: a
    # tester's strategy saved as .dotx was passed over with the run passing.
    (tmp_path / "logo.ai").write_bytes(b"%PDF-1.5\n% Illustrator")
    with zipfile.ZipFile(tmp_path / "letter.dotx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "tidy").write_text('#!/bin/sh\ngrep -l "%PDF" *\n', encoding="utf-8")
    found = discover([tmp_path])
    reasons = {Path(s.path).name: s.reason for s in found.unsupported}
    assert reasons == {
        "ICB plan": "unsupported format (files without an extension); it is a Word document: "
        "name it .docx",
        "Trust strategy": "unsupported format (files without an extension); it is a PDF: "
        "name it .pdf",
        "letter.dotx": "unsupported format ('.dotx' files); it is a Word document: name it .docx",
    }
    assert sorted(Path(s.path).name for s in found.skipped) == [
        "LICENSE",
        "logo.ai",
        "photos",
        "tidy",
    ]
    # Named on its own, the error says what it is too.
    (named,) = discover([tmp_path / "Trust strategy"]).unsupported
    assert named.reason.endswith("it is a PDF: name it .pdf")


def test_a_pdf_or_word_file_saved_under_an_old_format_s_name_is_told_its_right_name(
    tmp_path: Path,
) -> None:
    import zipfile

    # An export saved as 'strategy.doc' was told to be saved as .docx, which it already was
    # in all but name, or, being a PDF, could not be.
    (tmp_path / "trust strategy.doc").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj")
    with zipfile.ZipFile(tmp_path / "council plan.rtf", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    # A real old Word file (an OLE compound file) keeps its own reason.
    (tmp_path / "old plan.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    found = discover([tmp_path])
    reasons = {Path(s.path).name: s.reason for s in found.unsupported}
    assert reasons == {
        "trust strategy.doc": "unsupported format ('.doc' files); it is a PDF: name it .pdf",
        "council plan.rtf": "unsupported format ('.rtf' files); it is a Word document: "
        "name it .docx",
        "old plan.doc": "unsupported format (legacy Word .doc: save it as .docx); alignck reads "
        ".docm, .docx, .htm, .html, .markdown, .md, .odt, .pdf, .text, .txt",
    }
    # Named on its own, the same.
    (named,) = discover([tmp_path / "trust strategy.doc"]).unsupported
    assert named.reason == reasons["trust strategy.doc"]


def test_a_link_back_to_a_searched_folder_is_skipped_not_followed(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    found = discover([tmp_path])
    assert found.files == (tmp_path / "plan.md",)
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("again", "folder already searched (another path leads to it)")
    ]


def test_a_folder_and_a_link_to_it_are_searched_under_the_folder_s_own_name(
    tmp_path: Path,
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    # 'alias' sorts before 'real': the link is still the one listed as the second way in.
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    found = discover([tmp_path])
    assert found.files == (tmp_path / "real" / "plan.md",)
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert reasons == {
        "alias": "folder already searched (another path leads to it)",
        "gone.md": "a broken link (it leads nowhere)",
    }


def test_one_file_reached_by_two_paths_is_checked_once(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "linked.md").symlink_to(plan)
    found = discover([tmp_path, tmp_path / "sub" / ".." / "plan.md"])
    assert found.files == (plan,)
    # Every other way to it is listed, never dropped unsaid.
    assert sorted((s.path, s.reason) for s in found.skipped) == sorted(
        [
            (str(tmp_path / "sub" / "linked.md"), f"the same file as {plan}, read once"),
            (str(tmp_path / "sub" / ".." / "plan.md"), f"the same file as {plan}, read once"),
        ]
    )


def test_a_file_named_and_also_in_a_folder_named_is_read_once_and_not_skipped(
    tmp_path: Path,
) -> None:
    # It was listed as skipped, 'the same file as' itself.
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n", encoding="utf-8")
    found = discover([tmp_path, plan])
    assert found.files == (plan,)
    assert found.skipped == ()


def test_explicit_unsupported_file_is_returned_as_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    found = discover([path])
    assert found.files == ()
    assert found.unsupported[0].reason.startswith("unsupported format (legacy Word .doc")


def test_a_missing_path_is_returned_as_an_error_for_that_path(tmp_path: Path) -> None:
    found = discover([tmp_path / "nope"])
    assert found.files == ()
    assert [(s.path, s.reason) for s in found.unsupported] == [
        (str(tmp_path / "nope"), "no such file or folder")
    ]


def test_read_document_rejects_unknown_types(tmp_path: Path) -> None:
    path = tmp_path / "x.odp"
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


def _outside_and_inside(tmp_path: Path) -> tuple[Path, Path]:
    """A folder to check, holding links to a file and a folder outside it."""
    outside = tmp_path / "outside"
    (outside / "more").mkdir(parents=True)
    (outside / "secret.md").write_text("# Secret\n", encoding="utf-8")
    (outside / "more" / "other.md").write_text("# Other\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.md").write_text("# Plan\n", encoding="utf-8")
    (docs / "leak.md").symlink_to(outside / "secret.md")
    (docs / "more").symlink_to(outside / "more", target_is_directory=True)
    return docs, outside


def test_links_leading_out_of_the_folder_are_skipped_with_the_reason(tmp_path: Path) -> None:
    docs, _ = _outside_and_inside(tmp_path)
    found = discover([docs])
    assert found.files == (docs / "plan.md",)
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("leak.md", f"a link leading out of {docs}; give --follow-links to follow it"),
        ("more", f"a link leading out of {docs}; give --follow-links to follow it"),
    ]


def test_follow_links_follows_them(tmp_path: Path) -> None:
    docs, _ = _outside_and_inside(tmp_path)
    found = discover([docs], follow_links=True)
    # Links are walked after the folder's own files and folders.
    assert found.files == (docs / "plan.md", docs / "leak.md", docs / "more" / "other.md")
    assert found.skipped == ()


def test_links_that_stay_inside_the_folder_are_followed(tmp_path: Path) -> None:
    docs, _ = _outside_and_inside(tmp_path)
    (docs / "part").mkdir()
    (docs / "part" / "annex.md").write_text("# Annex\n", encoding="utf-8")
    (docs / "alias").symlink_to(docs / "part", target_is_directory=True)
    (docs / "part" / "up.md").symlink_to("../plan.md")
    found = discover([docs])
    # Each file once, under its own name: the links to them are listed as second ways in.
    assert found.files == (docs / "part" / "annex.md", docs / "plan.md")
    reasons = {s.path: s.reason for s in found.skipped}
    assert reasons[str(docs / "alias")] == "folder already searched (another path leads to it)"
    assert reasons[str(docs / "part" / "up.md")] == (
        f"the same file as {docs / 'plan.md'}, read once"
    )


def test_the_folder_given_may_itself_be_a_link(tmp_path: Path) -> None:
    docs, _ = _outside_and_inside(tmp_path)
    alias = tmp_path / "alias"
    alias.symlink_to(docs, target_is_directory=True)
    found = discover([alias])
    assert found.files == (alias / "plan.md",)
    assert {Path(s.path).name for s in found.skipped} == {"leak.md", "more"}


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc")
def test_even_followed_links_never_lead_into_the_kernel_s_folders(tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to("/proc/self", target_is_directory=True)
    found = discover([tmp_path], follow_links=True)
    assert found.files == ()
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("self", "a folder of the kernel's /proc or /sys")
    ]


def test_a_folder_s_documents_come_in_the_order_a_file_manager_lists_them(tmp_path: Path) -> None:
    # 'Partner plan 10' came before 'Partner plan 2' in every report, and 'B' before 'a'.
    # And 'école' after 'Zarząd', by code point, where a file manager lists it with the e's.
    names = ["Partner plan 10.md", "Partner plan 2.md", "a.md", "B.md", "Partner plan 1.md"]
    names += ["Zarząd.md", "école.md"]
    for name in names:
        (tmp_path / name).write_text("# Plan\n", encoding="utf-8")
    assert [p.name for p in discover([tmp_path]).files] == [
        "a.md",
        "B.md",
        "école.md",
        "Partner plan 1.md",
        "Partner plan 2.md",
        "Partner plan 10.md",
        "Zarząd.md",
    ]


def test_an_old_or_password_protected_office_file_that_lost_its_extension_is_unread(
    tmp_path: Path,
) -> None:
    # Both were passed over as 'files without an extension', and the run passed.
    compound = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016
    (tmp_path / "council-plan").write_bytes(compound + "EncryptedPackage".encode("utf-16-le"))
    (tmp_path / "old-plan").write_bytes(compound + "WordDocument".encode("utf-16-le"))
    reasons = {Path(s.path).name: s.reason for s in discover([tmp_path]).unsupported}
    assert reasons["council-plan"].endswith(
        "it is a password-protected Office file: remove its password, save it as .docx"
    )
    assert reasons["old-plan"].endswith(
        "it is an old Office file (a Word .doc, perhaps): save it as .docx"
    )


@pytest.mark.parametrize("name", ["scan.pdf", "scan.docx", "scan.md", "scan.txt"])
def test_a_picture_saved_under_a_document_s_name_is_said_to_be_one(
    tmp_path: Path, name: str
) -> None:
    from alignck.errors import ReadError
    from alignck.readers import read_document

    # A photo renamed 'plan.pdf' was refused in the PDF library's words ('Stream has ended
    # unexpectedly'), as a Word file that is 'not a zip archive'.
    path = tmp_path / name
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300))
    with pytest.raises(ReadError) as raised:
        read_document(path)
    assert f"a JPEG image, not a {path.suffix} document" in str(raised.value)
    assert "alignck reads text, not pictures" in str(raised.value)
    # A document whose text happens to start alike is read as it is.
    text = tmp_path / "notes.md"
    text.write_text("GIF89a logos\n\nand PNG are the formats our team will use.\n\n# Our plan\n")
    assert read_document(text).blocks
    gif = tmp_path / "logo.pdf"
    gif.write_bytes(b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + bytes(100))
    with pytest.raises(ReadError, match=r"a GIF image, not a \.pdf document"):
        read_document(gif)


def test_a_slide_deck_is_an_unread_strategy_told_to_be_exported_as_pdf(tmp_path: Path) -> None:
    # A partner's board deck in a folder was passed over as 'skipped', and a quiet run
    # passed with exit 0 without it.
    (tmp_path / "board deck.pptx").write_bytes(b"PK\x03\x04")
    found = discover([tmp_path])
    (unread,) = found.unsupported
    assert unread.reason.startswith("unsupported format (PowerPoint .pptx: export it as PDF)")
    # Named on its own, the same advice.
    (named,) = discover([tmp_path / "board deck.pptx"]).unsupported
    assert named.reason == unread.reason


def test_an_office_lock_file_named_on_the_command_line_is_skipped_not_read(
    tmp_path: Path,
) -> None:
    # 'alignck check *.docx' while a document is open in Word names its lock file, which was
    # read and reported as a damaged Word file (exit 2).
    lock = tmp_path / "~$nland plan.docx"
    lock.write_bytes(b"\x0bJo Bloggs" + bytes(150))
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n", encoding="utf-8")
    found = discover([lock, plan])
    assert found.files == (plan,)
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("~$nland plan.docx", "Office lock file")
    ]
    assert not found.unsupported


def test_a_folder_s_readme_is_skipped_unless_named(tmp_path: Path) -> None:
    # A drafts folder's README.md was checked as a partner's strategy and failed a CI job's
    # required priority.
    drafts = tmp_path / "drafts"
    (drafts / "trust").mkdir(parents=True)
    plan = drafts / "trust" / "plan.md"
    plan.write_text("# Plan\n\nWe will open a family hub.\n", encoding="utf-8")
    for name in ("README.md", "readme.txt", "CHANGELOG.md", "LICENSE", "trust/Contributing.md"):
        (drafts / name).write_text("Put each partner's draft in a folder of its own.\n")
    kept = drafts / "README.pdf"
    kept.write_bytes(b"%PDF-1.4\n%%EOF\n")
    found = discover([drafts])
    assert found.files == (kept, plan)
    reason = "the folder's notes, not a partner's document (name it to check it)"
    assert sorted(Path(s.path).name for s in found.skipped if s.reason == reason) == [
        "CHANGELOG.md",
        "Contributing.md",
        "LICENSE",
        "README.md",
        "readme.txt",
    ]
    assert discover([drafts / "README.md"]).files == (drafts / "README.md",)


def test_a_word_template_is_an_unreadable_partner_with_its_remedy(tmp_path: Path) -> None:
    # Not a letterhead: without Word's parts inside, the reason says to save it as .docx.
    (tmp_path / "strategy.dotm").write_bytes(b"not a zip archive")
    (found,) = discover([tmp_path]).unsupported
    assert found.reason.startswith(
        "unsupported format (a Word template (.dotm): save it as .docx to check it, or leave "
        "it out)"
    )
