"""``check -o``: the report is never written over what the run reads, nor onto anything that
is not a regular file; each refusal is one line, exit 2, before any work, the file untouched."""

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app
from conftest import within

runner = CliRunner()


def _snapshot(path: Path) -> tuple[bytes, int, int]:
    status = path.stat()
    return path.read_bytes(), status.st_mtime_ns, status.st_ino


@pytest.fixture
def run(make_document, small_framework, tmp_path):  # type: ignore[no-untyped-def]
    """A check of plan.md in docs/ against the small framework with waivers.yaml, -o TARGET."""
    docs = tmp_path / "docs"
    docs.mkdir()
    plan = make_document("docs/plan.md")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers: []\n", encoding="utf-8")

    def invoke(target: Path, checked: Path = plan):  # type: ignore[no-untyped-def]
        args = ["check", str(checked), "-f", str(small_framework), "--waivers", str(waivers)]
        return runner.invoke(app, [*args, "-o", str(target), "-q"])

    invoke.plan, invoke.framework, invoke.waivers = plan, small_framework, waivers  # type: ignore[attr-defined]
    return invoke


def _hard_link(run: Callable[..., object], tmp_path: Path) -> Path:
    link = tmp_path / "report.md"
    link.hardlink_to(run.plan)  # type: ignore[attr-defined]
    return link


def _symlink(run: Callable[..., object], tmp_path: Path) -> Path:
    link = tmp_path / "report.json"
    link.symlink_to(run.plan)  # type: ignore[attr-defined]
    return link


@pytest.mark.parametrize(
    ("target", "what"),
    [
        (lambda run, _: run.plan, "a document being checked"),
        (lambda run, _: run.framework, "the framework file"),
        (lambda run, _: run.waivers, "the waivers file"),
        (_hard_link, "a document being checked (PLAN)"),
        (_symlink, "a document being checked (PLAN)"),
    ],
    ids=["document", "framework", "waivers", "hard link", "symlink"],
)
def test_the_report_is_never_written_over_an_input(
    run, tmp_path, isolated_cache, target, what
) -> None:  # type: ignore[no-untyped-def]
    output = target(run, tmp_path)
    inputs = (run.plan, run.framework, run.waivers)
    before = [_snapshot(p) for p in inputs]

    result = run(output)

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {output}: --output would overwrite "
        f"{what.replace('PLAN', str(run.plan))}; give another file for the report"
    ]
    assert [_snapshot(p) for p in inputs] == before
    assert not list(isolated_cache.rglob("*.json"))  # refused before any reading


def test_a_document_found_in_a_checked_folder_is_protected_too(run) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(run.plan)
    result = run(run.plan, checked=run.plan.parent)
    assert result.exit_code == 2
    assert "--output would overwrite a document being checked" in result.stderr
    assert _snapshot(run.plan) == before


def test_the_report_is_not_written_onto_a_folder(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "old.json").write_text("{}", encoding="utf-8")
    result = run(folder)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {folder}: --output is a folder; give a file name for the report"
    ]
    assert [p.name for p in folder.iterdir()] == ["old.json"]


def test_the_report_is_not_written_onto_a_fifo_and_nothing_hangs(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    result = within(60, lambda: run(fifo))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {fifo}: --output is a named pipe (FIFO), not a regular file; give a "
        "file name for the report, or leave out --output to write it to standard output"
    ]


def test_the_report_is_not_written_onto_a_device(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Through a link of the test's own: were the refusal ever lost, the report would replace
    # the link, not the machine's /dev/null (which a root run would otherwise replace).
    device = tmp_path / "null"
    device.symlink_to(os.devnull)
    result = run(device)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {device}: --output is a character device, not a regular file; give "
        "a file name for the report, or leave out --output to write it to standard output"
    ]
    assert Path(os.devnull).is_char_device()


def test_a_report_under_a_file_is_one_line_not_a_traceback(run) -> None:  # type: ignore[no-untyped-def]
    target = run.plan / "report.json"
    result = run(target)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {target}: cannot write the report there: Not a directory"
    ]


def test_a_folder_that_cannot_be_written_is_one_line_not_a_traceback(
    run, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path / ".report.json.x.tmp"))

    def never(*_: object, **__: object) -> None:
        raise AssertionError("the documents were checked before the folder was tried")

    # Patched rather than made read-only: the tests may run as root, who can write anywhere.
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    # Refused before any work: a national run does not find out at its end.
    monkeypatch.setattr("alignck.pipeline.check", never)
    target = tmp_path / "new" / "report.json"
    result = run(target)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {target}: cannot write the report there: Permission denied"
    ]
    assert not target.exists() and not target.parent.exists()


def test_a_pages_folder_is_tried_once_before_any_work(run, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tempfile

    tried: list[str] = []
    real = tempfile.mkstemp

    def counted(**kwargs: str) -> tuple[int, str]:
        if kwargs.get("prefix") == ".alignck-probe.":
            tried.append(str(kwargs["dir"]))
        return real(**kwargs)

    monkeypatch.setattr("tempfile.mkstemp", counted)
    pages = tmp_path / "pages"
    args = ["check", str(run.plan), "-f", str(run.framework), "--per-document", str(pages)]
    assert runner.invoke(app, args).exit_code == 0
    # One try, in the nearest folder that exists, not one for each of the pages written.
    assert tried == [str(tmp_path)] and len(list(pages.iterdir())) == 2

    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    def never(*_: object, **__: object) -> None:
        raise AssertionError("the documents were checked before the folder was tried")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    monkeypatch.setattr("alignck.pipeline.check", never)
    result = runner.invoke(app, [*args[:-1], str(tmp_path / "other")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"alignck: error: {tmp_path / 'other'}: cannot write pages there: Permission denied"
    ]


def test_dash_as_the_output_file_is_standard_output(run, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    args = ["check", str(run.plan), "-f", str(run.framework), "-o", "-", "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{") and '"schema_version"' in result.stdout
    assert not (tmp_path / "-").exists()
    compared = runner.invoke(
        app, ["diff", str(run.plan), str(run.plan), "-f", str(run.framework), "-o", "-"]
    )
    assert compared.exit_code == 0, compared.stderr
    assert compared.stdout and not (tmp_path / "-").exists()


def test_an_ordinary_report_file_is_still_written(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.json"
    target.write_text("an old report", encoding="utf-8")
    result = run(target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("{")


def test_a_report_with_a_long_legal_name_is_written(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 250 bytes of name is legal; the temporary file beside it, named after it, was not, and
    # the run lost its report ('File name too long').
    target = tmp_path / ("r" * 245 + ".json")
    result = run(target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("{")


def test_per_document_pages_of_a_document_with_a_long_name_are_written(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # A partner's file named in 126 Cyrillic letters is legal (255 bytes); its page, with
    # '.html' for '.md', was not, and the whole run's report was lost with it.
    name = "Стратегия" * 14 + ".md"
    assert len(name.encode()) == 255
    plan = make_document(name)
    pages, report = tmp_path / "pages", tmp_path / "report.html"
    args = ["check", str(plan), "-f", str(small_framework), "--per-document", str(pages)]
    result = runner.invoke(app, [*args, "-o", str(report), "-q"])
    assert result.exit_code == 0, result.stderr
    written = sorted(pages.iterdir())
    assert [p.suffix for p in written] == [".html", ".md"]
    assert all(len(p.name.encode()) <= 255 and p.stem.startswith("Стратегия") for p in written)
    assert report.read_text(encoding="utf-8").startswith("<!")


def test_a_document_named_as_its_page_keeps_the_page_s_name(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # 'a b.md' came first and took 'a-b.md', so the page named after 'a-b.md' (the one sent
    # to that partner) held the other document's verdicts.
    (tmp_path / "docs").mkdir()
    make_document("docs/a b.md"), make_document("docs/a-b.md")
    (tmp_path / "docs" / "a b.md").write_text("# A\n\nWe will end fuel poverty.\n")
    pages = tmp_path / "pages"
    args = ["check", str(tmp_path / "docs"), "-f", str(small_framework), "--per-document"]
    result = runner.invoke(app, [*args, str(pages), "-o", str(tmp_path / "r.json"), "-q"])
    assert result.exit_code in (0, 1), result.stderr
    assert (pages / "a-b.md").read_text(encoding="utf-8").splitlines()[1].startswith("# a-b:")
    (other,) = pages.glob("a-b-*.md")
    assert other.read_text(encoding="utf-8").splitlines()[1].startswith("# a b:")


def test_a_document_that_can_no_longer_be_read_has_its_page_say_so(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # Emptied by a failed sync, a document's page from the last run stayed as it was,
    # showing verdicts this run did not give, and no note named it.
    (tmp_path / "docs").mkdir()
    plan = make_document("docs/Dale Housing Plan.md")
    make_document("docs/icb.md")
    pages = tmp_path / "pages"
    args = ["check", str(tmp_path / "docs"), "-f", str(small_framework), "--per-document"]
    args += [str(pages), "-o", str(tmp_path / "r.json"), "-q"]
    assert runner.invoke(app, args).exit_code in (0, 1)
    assert "% coverage of" in (pages / "Dale-Housing-Plan.md").read_text(encoding="utf-8")
    plan.write_bytes(b"")
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert sorted(p.name for p in pages.iterdir()) == [
        "Dale-Housing-Plan.html",
        "Dale-Housing-Plan.md",
        "icb.html",
        "icb.md",
    ]
    for page in ("Dale-Housing-Plan.md", "Dale-Housing-Plan.html"):
        text = (pages / page).read_text(encoding="utf-8")
        assert "could not be read, so no verdicts on" in text
        assert "empty file (0 bytes)" in text
        assert "% coverage of" not in text
    # Still known as a page alignck wrote: replaced once the document reads again, and
    # never read back as a document.
    make_document("docs/Dale Housing Plan.md")
    assert runner.invoke(app, args).exit_code in (0, 1)
    assert "% coverage of" in (pages / "Dale-Housing-Plan.md").read_text(encoding="utf-8")


def test_a_partner_s_page_lists_its_expired_waivers(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # The main report listed an expired waiver to renew; the page of the partner who must
    # renew it did not mention it.
    (tmp_path / "docs").mkdir()
    make_document("docs/trust.md"), make_document("docs/council.md")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - priority: warm-homes\n    document: trust\n"
        "    reason: Housing is the council's.\n    expires: 2026-01-31\n"
        # One for a priority the trust now addresses: nothing to renew.
        "  - priority: mental-health\n    document: trust\n"
        "    reason: Not ours.\n    expires: 2026-01-31\n",
        encoding="utf-8",
    )
    pages = tmp_path / "pages"
    args = ["check", str(tmp_path / "docs"), "-f", str(small_framework), "--waivers"]
    args += [str(waivers), "--per-document", str(pages), "-o", str(tmp_path / "r.json"), "-q"]
    assert runner.invoke(app, args).exit_code in (0, 1)
    trust = (pages / "trust.md").read_text(encoding="utf-8")
    assert "## Expired waivers" in trust
    assert (
        "| Warm and healthy homes \\[warm-homes\\] | 2026-01-31 | Housing is the council's. |"
        in trust
    )
    assert "Not ours." not in trust
    # Expiry lets a policy that fails on such a verdict fail again; it counted in coverage
    # all along.
    assert "a policy that fails on such verdicts" in trust
    assert "count again" not in trust
    assert "Expired waivers" not in (pages / "council.md").read_text(encoding="utf-8")
    assert "Expired waivers" in (pages / "trust.html").read_text(encoding="utf-8")


def test_a_partner_s_page_says_what_the_verdicts_mean_and_reads_on_a_phone_and_in_print(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # A communications officer publishing the pages found no word on what 'partial' means,
    # a desktop page shrunk to a phone's width, and tables printed without their headers.
    make_document("trust.md")
    pages = tmp_path / "pages"
    args = ["check", str(tmp_path / "trust.md"), "-f", str(small_framework)]
    args += ["--per-document", str(pages), "-o", str(tmp_path / "r.json"), "-q"]
    assert runner.invoke(app, args).exit_code in (0, 1)
    markdown = (pages / "trust.md").read_text(encoding="utf-8")
    html = (pages / "trust.html").read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "◐ partial: it mentions the priority, or commits to part of it." in text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<thead><tr><th" in html and "<main>" in html
    # Given by absolute paths, the page sent out named where the files lay on the checking
    # machine (a user's OneDrive folder): the files' names are enough.
    for text in (markdown, html):
        assert str(tmp_path) not in text
        assert "Document: trust.md" in text


def test_a_page_s_name_does_not_pass_to_another_document_when_one_leaves_the_run() -> None:
    # Two names that come out alike were numbered in the run's order: when the first left,
    # the second took its page's name, and the page sent to the first partner last time now
    # held the other's verdicts.
    from alignck.renderers.partner import stems_for

    both = stems_for({"1": "St Mary's & St John's Hospitals", "2": "St Mary's St John's Hospitals"})
    assert len(set(both.values())) == 2
    alone = stems_for({"2": "St Mary's St John's Hospitals"})
    assert alone["2"] != both["1"]
    # Each keeps its name whatever else is in the run.
    assert (
        stems_for({"2": "St Mary's St John's Hospitals", "1": "St Mary's & St John's Hospitals"})
        == both
    )


def test_pages_are_never_named_as_a_windows_device_nor_split_at_a_mac_s_accents() -> None:
    # 'CON.html' and 'aux.md' cannot be opened on Windows nor synced to SharePoint; a name
    # synced from a Mac spells 'å' as two characters, and 'Åbenrå' became 'A-benra'.
    from alignck.renderers.partner import stems_for

    decomposed = unicodedata.normalize("NFD", "Åbenrå plan")
    names = {"1": "CON", "2": "aux", "3": "com1.v2", "4": "lpt0", "5": "COM¹", "6": decomposed}
    assert stems_for(names) == {
        "1": "CON-page",
        "2": "aux-page",
        "3": "com1-page.v2",  # Windows reads the name before the first dot
        "4": "lpt0-page",
        "5": "COM¹-page",
        "6": "Åbenrå-plan",
    }


class _Terminal:
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, True),
        ({"TERM": "dumb"}, False),
        ({"NO_COLOR": "1"}, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, True),
    ],
)
def test_colour_only_where_the_terminal_shows_it(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: bool
) -> None:
    from alignck.cli.output import use_color

    for name in ("TERM", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_color(_Terminal()) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"CI": "true"}, False),
        ({"CI": "false"}, True),
        ({"ALIGNCK_NO_PROGRESS": "1"}, False),
        ({"ALIGNCK_NO_PROGRESS": "0"}, True),
        ({"CI": "", "ALIGNCK_NO_PROGRESS": "off"}, True),
    ],
)
def test_a_progress_bar_follows_what_ci_and_no_progress_say_not_that_they_are_set(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: bool
) -> None:
    # 'CI=false' and 'ALIGNCK_NO_PROGRESS=0' both turned the bar off.
    from alignck.cli.output import is_interactive

    for name in ("CI", "ALIGNCK_NO_PROGRESS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert is_interactive(_Terminal()) is expected  # type: ignore[arg-type]


def test_a_cache_folder_given_with_a_tilde_is_under_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    # 'ALIGNCK_CACHE_DIR=~/cache' from a CI variable made a folder named '~' in the checkout.
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    plan = make_document("plan.md")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ALIGNCK_CACHE_DIR", "~/alignck-cache")
    monkeypatch.chdir(work)
    result = runner.invoke(
        app, ["check", str(plan), "-f", str(small_framework), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    assert (home / "alignck-cache").is_dir()
    assert not (work / "~").exists()


def test_quiet_without_an_output_file_says_it_changes_nothing(
    make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    result = runner.invoke(app, ["check", str(plan), "-f", str(small_framework), "-q"])
    assert result.exit_code == 0
    assert "-q only quietens a run that writes its report with -o" in result.stderr
    assert result.stdout  # the report, as before


def test_quiet_with_the_report_on_standard_output_given_as_a_dash_is_no_mistake(
    make_document, small_framework: Path
) -> None:  # type: ignore[no-untyped-def]
    # '-q -o -' was told '-q only quietens a run that writes its report with -o'.
    plan = make_document("plan.md")
    args = ["check", str(plan), "-f", str(small_framework), "-q", "-o", "-", "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "-q only quietens" not in result.stderr
    assert result.stdout.startswith("{")


def _several(run, *targets: str):  # type: ignore[no-untyped-def]
    args = ["check", str(run.plan), "-f", str(run.framework), "-q"]
    for target in targets:
        args += ["-o", target]
    return runner.invoke(app, args)


def test_several_output_files_are_each_written_in_their_own_format(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import xml.etree.ElementTree as ET

    names = [tmp_path / n for n in ("r.json", "r.sarif", "r.xml", "r.html", "r.csv")]
    result = _several(run, *map(str, names))
    assert result.exit_code in (0, 1), result.output
    json_report = json.loads(names[0].read_text(encoding="utf-8"))
    assert json_report["schema_version"] == 1
    assert json.loads(names[1].read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse(names[2]).getroot().tag in ("testsuites", "testsuite")
    assert names[3].read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert names[4].read_text(encoding="utf-8-sig").splitlines()[0].count(",") >= 2
    # The same run's verdicts in each: the single-file JSON of a separate run agrees.
    alone = tmp_path / "alone.json"
    assert _several(run, str(alone)).exit_code == result.exit_code
    assert json.loads(alone.read_text(encoding="utf-8"))["documents"] == json_report["documents"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "json"], "--format names the format of one --output, but 2 are given"),
        ([], "--output names the same file twice"),
    ],
    ids=["format", "same file"],
)
def test_several_outputs_refuse_what_would_be_ambiguous(run, tmp_path, extra, message) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "a.json"
    second = tmp_path / ("b.json" if extra else "sub/../a.json")
    (tmp_path / "sub").mkdir()
    result = runner.invoke(
        app,
        [
            "check",
            str(run.plan),
            "-f",
            str(run.framework),
            "-o",
            str(first),
            "-o",
            str(second),
            *extra,
        ],
    )
    assert result.exit_code == 2
    assert message in result.output
    assert not first.exists() and not second.exists()


def test_standard_output_is_not_one_of_several_outputs(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = _several(run, str(tmp_path / "a.json"), "-")
    assert result.exit_code == 2
    assert "'-o -' writes the one report to standard output" in result.output
    assert not (tmp_path / "a.json").exists()


def test_one_unsafe_output_among_several_stops_the_run_before_any_is_written(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(run.framework)
    result = _several(run, str(run.framework), str(tmp_path / "a.json"))
    assert result.exit_code == 2
    assert _snapshot(run.framework) == before
    assert not (tmp_path / "a.json").exists()


def _stale_report(run, tmp_path, name: str = "stale.json") -> Path:  # type: ignore[no-untyped-def]
    stale = tmp_path / name
    written = runner.invoke(
        app, ["check", str(run.plan), "-f", str(run.framework), "-o", str(stale), "-q"]
    )
    assert written.exit_code in (0, 1) and stale.is_file()
    return stale


@pytest.mark.parametrize(
    "failing",
    [
        lambda run, tmp: ["check", str(tmp / "empty"), "-f", str(run.framework)],
        lambda run, tmp: ["check", str(run.plan), "-f", str(tmp / "missing.yaml")],
        lambda run, tmp: ["check", str(run.plan), "-f", str(run.framework), "--waivers", "x.yaml"],
    ],
    ids=["no documents", "no framework", "no waivers file"],
)
def test_a_failed_run_removes_the_report_an_earlier_run_left_at_its_output(
    run, tmp_path, failing
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    stale = _stale_report(run, tmp_path)
    result = runner.invoke(app, [*failing(run, tmp_path), "-o", str(stale), "-q"])
    assert result.exit_code == 2
    assert not stale.exists()
    assert f"alignck: removed {stale}, an earlier run's report this run did not replace" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [("ALIGNCK_MAX_PAGES", "0"), ("ALIGNCK_CACHE_MAX_MB", "abc"), ("ALIGNCK_PDF_ENGINE", "bogus")],
)
def test_a_variable_set_wrong_removes_the_report_an_earlier_run_left(
    run, tmp_path, monkeypatch, variable: str, value: str
) -> None:  # type: ignore[no-untyped-def]
    # A CI job's variable set wrong must not leave the last run's pass to be uploaded.
    stale = _stale_report(run, tmp_path)
    monkeypatch.setenv(variable, value)
    result = runner.invoke(
        app, ["check", str(run.plan), "-f", str(run.framework), "-o", str(stale), "-q"]
    )
    assert result.exit_code == 2 and variable in result.stderr
    assert not stale.exists()


def test_a_failed_diff_removes_its_stale_report_too(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    saved = _stale_report(run, tmp_path, "run.json")
    stale = _stale_report(run, tmp_path, "diff.json")
    args = ["diff", str(saved), str(tmp_path / "empty"), "-f", str(run.framework)]
    result = runner.invoke(app, [*args, "-o", str(stale)])
    assert result.exit_code == 2
    assert not stale.exists() and saved.is_file()


def test_a_diff_with_a_cache_variable_set_wrong_removes_its_stale_report(
    run, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    saved = _stale_report(run, tmp_path, "run.json")
    stale = _stale_report(run, tmp_path, "diff.json")
    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "abc")
    result = runner.invoke(app, ["diff", str(saved), str(saved), "-o", str(stale)])
    assert result.exit_code == 2 and "ALIGNCK_CACHE_MAX_MB" in result.stderr
    assert not stale.exists() and saved.is_file()


def test_a_failed_run_keeps_what_it_reads_and_what_alignck_did_not_write(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    baseline = _stale_report(run, tmp_path, "baseline.json")
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}\n', encoding="utf-8")
    for target in (baseline, notes):
        before = _snapshot(target)
        args = ["check", str(tmp_path / "empty"), "-f", str(run.framework)]
        result = runner.invoke(app, [*args, "--baseline", str(baseline), "-o", str(target)])
        assert result.exit_code == 2
        assert _snapshot(target) == before
        assert "removed" not in result.stderr


def test_a_run_that_fails_on_an_unreadable_document_keeps_the_report_it_wrote(
    run, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    stale = _stale_report(run, tmp_path)
    broken = tmp_path / "docs" / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    result = runner.invoke(
        app, ["check", str(run.plan.parent), "-f", str(run.framework), "-o", str(stale), "-q"]
    )
    assert result.exit_code == 2
    assert stale.is_file() and "broken.pdf" in stale.read_text(encoding="utf-8")


def test_a_failed_run_never_removes_a_link_at_its_output(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # '-o /dev/stdout >> summary.md' once a report had been appended there: the link named
    # the report's destination, and unlinking it removed /dev/stdout for the whole system.
    # A link to a file is written through, so the earlier report at its target goes (it was
    # left there, passing, for CI to upload), and the link stays.
    (tmp_path / "empty").mkdir()
    summary = _stale_report(run, tmp_path, "summary.md")
    link = tmp_path / "stdout"
    link.symlink_to(summary)
    args = ["check", str(tmp_path / "empty"), "-f", str(run.framework), "--format", "markdown"]
    result = runner.invoke(app, [*args, "-o", str(link)])
    assert result.exit_code == 2
    assert link.is_symlink() and not summary.exists()
    assert f"removed {link}" in result.stderr


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_failed_run_never_removes_what_a_descriptor_link_leads_to(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alignck.cli.output import remove_stale_reports

    report = tmp_path / "summary.md"
    report.write_text("<!-- written by alignck: a report, not a document to check -->\n")
    with report.open("a", encoding="utf-8") as held:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{held.fileno()}")
        assert remove_stale_reports([link], []) == []
    assert link.is_symlink() and report.is_file()


@pytest.mark.parametrize(
    "mistake",
    [
        lambda stale: ["-o", str(stale), "-o", str(stale)],
        lambda stale: ["-o", str(stale), "-o", "-"],
        lambda stale: ["-o", str(stale), "--format", "xlsx"],
        lambda stale: ["-o", str(stale), "--today", "2025-13-40"],
    ],
    ids=["same file twice", "dash among several", "binary format", "bad date"],
)
def test_a_command_line_mistake_leaves_the_output_file_alone(run, tmp_path, mistake) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    stale = _stale_report(run, tmp_path)
    before = _snapshot(stale)
    args = ["check", str(tmp_path / "empty"), "-f", str(run.framework), *mistake(stale)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert _snapshot(stale) == before
    assert "removed" not in result.stderr


def test_pages_that_would_overwrite_an_input_leave_the_output_file_alone(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Found only once the documents are named, the mistake removed the earlier report where
    # every other mistake of the command line keeps it.
    stale = _stale_report(run, tmp_path)
    before = _snapshot(stale)
    pages = tmp_path / "pages"
    pages.mkdir()
    framework = pages / "plan.md"  # where plan.md's page would go
    framework.write_bytes(run.framework.read_bytes())
    args = ["check", str(run.plan), "-f", str(framework), "--per-document", str(pages)]
    result = runner.invoke(app, [*args, "-o", str(stale), "-q"])
    assert result.exit_code == 2
    assert "--per-document would overwrite the framework file" in result.stderr
    assert _snapshot(stale) == before
    assert "removed" not in result.stderr
    assert framework.read_bytes() == run.framework.read_bytes()


@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [("ctrl-c", 130, "alignck: interrupted"), ("sigterm", 143, "alignck: terminated")],
)
def test_a_stopped_run_removes_the_report_an_earlier_run_left_at_its_output(
    run, tmp_path, monkeypatch, stop, code, said
) -> None:  # type: ignore[no-untyped-def]
    # A CI job's timeout (SIGTERM) left the earlier run's passing report in place, and the
    # step that uploads it whatever the outcome ('when: always') published it as this run's.
    import alignck.pipeline
    from alignck.cli.app import Terminated

    stale = _stale_report(run, tmp_path)

    def stopped(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt if stop == "ctrl-c" else Terminated

    monkeypatch.setattr(alignck.pipeline, "check", stopped)
    result = runner.invoke(
        app, ["check", str(run.plan), "-f", str(run.framework), "-o", str(stale), "-q"]
    )
    assert result.exit_code == code
    assert not stale.exists()
    assert result.stderr.splitlines()[-2:] == [
        said,
        f"alignck: removed {stale}, an earlier run's report this run did not replace",
    ]


@pytest.mark.parametrize("outputs", [["r.json"], ["a.json", "b.md"]], ids=["one", "several"])
def test_a_report_this_run_put_in_place_just_before_it_was_stopped_stays(
    run, tmp_path, monkeypatch, outputs
) -> None:  # type: ignore[no-untyped-def]
    # Stopped after the rename but before the run recorded the report as written, the run
    # removed its own fresh report and called it 'an earlier run's report'.
    from alignck.cli.app import Terminated

    real = Path.replace
    placed: list[Path] = []

    def replaced_then_stopped(self: Path, target):  # type: ignore[no-untyped-def]
        moved = real(self, target)
        placed.append(Path(target))
        if len(placed) == len(outputs):
            raise Terminated
        return moved

    files = [_stale_report(run, tmp_path, name) for name in outputs]
    before = [_snapshot(file) for file in files]
    monkeypatch.setattr(Path, "replace", replaced_then_stopped)
    args = ["check", str(run.plan), "-f", str(run.framework), "-q"]
    result = runner.invoke(app, [*args, *[f"-o{file}" for file in files]])
    assert result.exit_code == 143
    assert all(file.is_file() for file in files), result.stderr
    assert all(_snapshot(f) != b for f, b in zip(files, before, strict=True))  # this run's
    assert "removed" not in result.stderr


def test_a_diff_report_put_in_place_just_before_the_run_was_stopped_stays(
    run, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from alignck.cli.app import Terminated

    saved = _stale_report(run, tmp_path, "run.json")
    report = _stale_report(run, tmp_path, "diff.json")
    real = Path.replace

    def replaced_then_stopped(self: Path, target):  # type: ignore[no-untyped-def]
        real(self, target)
        raise Terminated

    monkeypatch.setattr(Path, "replace", replaced_then_stopped)
    args = ["diff", str(saved), str(saved), "-f", str(run.framework), "-q"]
    result = runner.invoke(app, [*args, "-o", str(report)])
    assert result.exit_code == 143
    assert "changes" in report.read_text(encoding="utf-8")  # diff's report, not check's
    assert "removed" not in result.stderr


def test_a_stopped_run_keeps_a_file_alignck_did_not_write(run, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import alignck.pipeline

    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}\n', encoding="utf-8")
    before = _snapshot(notes)

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(alignck.pipeline, "check", interrupted)
    result = runner.invoke(
        app, ["check", str(run.plan), "-f", str(run.framework), "-o", str(notes), "-q"]
    )
    assert result.exit_code == 130
    assert _snapshot(notes) == before
    assert "removed" not in result.stderr


def test_a_stopped_diff_removes_its_stale_report_too(run, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import alignck.compare
    from alignck.cli.app import Terminated

    saved = _stale_report(run, tmp_path, "run.json")
    stale = _stale_report(run, tmp_path, "diff.json")

    def terminated(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Terminated

    monkeypatch.setattr(alignck.compare, "compare", terminated)
    args = ["diff", str(saved), str(saved), "-f", str(run.framework)]
    result = runner.invoke(app, [*args, "-o", str(stale)])
    assert result.exit_code == 143
    assert not stale.exists() and saved.is_file()


def test_several_outputs_take_their_places_together_or_not_at_all(
    run, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # A run stopped between two reports left the first new beside the second's earlier run:
    # a CI job uploading both showed two runs as one.
    import alignck.cli.check

    first = _stale_report(run, tmp_path, "a.json")
    second = _stale_report(run, tmp_path, "b.md")
    real = alignck.cli.check.render

    def interrupted_on_markdown(report, fmt, *args, **kwargs):  # type: ignore[no-untyped-def]
        if fmt == "markdown":
            raise KeyboardInterrupt
        return real(report, fmt, *args, **kwargs)

    monkeypatch.setattr(alignck.cli.check, "render", interrupted_on_markdown)
    args = ["check", str(run.plan), "-f", str(run.framework), "-q"]
    result = runner.invoke(app, [*args, "-o", str(first), "-o", str(second)])
    assert result.exit_code == 130
    # Neither new report took its place; both earlier ones are removed (a stopped run's
    # earlier reports must not be uploaded as its own), none left beside the other.
    assert not first.exists() and not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_sarif_report_github_would_refuse_is_warned_of(run, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # 25,033 results were written with exit 0 and nothing said; the upload failed later.
    import json

    import alignck.renderers.sarif

    monkeypatch.setattr(alignck.renderers.sarif, "GITHUB_MAX_RESULTS", 1)
    target = tmp_path / "r.sarif"
    result = runner.invoke(
        app, ["check", str(run.plan), "-f", str(run.framework), "-o", str(target), "-q"]
    )
    held = len(json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"])
    assert held > 1
    assert (
        f"alignck: warning: the SARIF report holds {held:,} results; GitHub's code scanning "
        "refuses a run of more than 1:"
    ) in result.stderr
    monkeypatch.setattr(alignck.renderers.sarif, "GITHUB_MAX_RESULTS", 25_000)
    quiet = runner.invoke(
        app, ["check", str(run.plan), "-f", str(run.framework), "-o", str(target), "-q"]
    )
    assert "SARIF report holds" not in quiet.stderr


def test_a_report_written_to_a_link_goes_through_it(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The link itself was replaced by the report, and the file it named (the artifact a CI
    # step uploads) kept the earlier run's report.
    target = tmp_path / "reports" / "alignck.json"
    target.parent.mkdir()
    assert run(target).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8").replace("{", "{ ", 1), encoding="utf-8")
    link = tmp_path / "alignck.json"
    link.symlink_to(target)
    assert run(link).exit_code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith('{\n  "schema_version"')


def test_a_link_to_anything_but_an_earlier_report_is_never_written_through(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A link committed to a checkout under the report's name made a CI job overwrite the
    # file it led to (a file of the runner's home), or create one where it led nowhere.
    victim = tmp_path / "home" / ".profile"
    victim.parent.mkdir()
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    link = tmp_path / "alignck.json"
    link.symlink_to(victim)
    refused = run(link)
    assert refused.exit_code == 2
    assert f"--output is a link to {victim}, which is not a report alignck wrote" in (
        refused.stderr
    )
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    link.unlink()
    nowhere = tmp_path / "made" / "here.json"
    link.symlink_to(nowhere)
    missing = run(link)
    assert missing.exit_code == 2 and "which does not exist" in missing.stderr
    assert not nowhere.parent.exists()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_report_written_to_a_descriptor_link_goes_where_that_descriptor_writes(
    run, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # '-o /dev/stdout > out.log' replaced /dev/stdout (run as root, for the whole system) with
    # a file holding the report, and out.log stayed empty; '>>' must not empty the log either.
    import subprocess
    import sys

    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    log = tmp_path / "out.log"
    log.write_text("earlier\n", encoding="utf-8")
    args = [sys.executable, "-m", "alignck", "check", str(run.plan), "-f", str(run.framework)]
    with log.open("a", encoding="utf-8") as appended:
        subprocess.run(
            [*args, "--format", "json", "--matcher", "lexical", "-o", str(link), "-q"],
            stdout=appended,
            check=True,
            env={**os.environ, "ALIGNCK_CACHE_DIR": str(tmp_path / "cache")},
        )
    assert link.is_symlink()
    written = log.read_text(encoding="utf-8")
    assert written.startswith("earlier\n{") and written.rstrip().endswith("}")
    # The descriptor's own name too: it was refused, its folder being no place to write.
    with log.open("a", encoding="utf-8") as appended:
        subprocess.run(
            [*args, "--format", "json", "--matcher", "lexical", "-o", "/proc/self/fd/1", "-q"],
            stdout=appended,
            check=True,
            env={**os.environ, "ALIGNCK_CACHE_DIR": str(tmp_path / "cache")},
        )
    assert log.read_text(encoding="utf-8") == written + written.removeprefix("earlier\n")


def test_a_terminal_with_no_size_is_laid_out_at_columns_or_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 'docker run -t' and 'script' give a terminal of 0x0: the run ended in an internal
    # error (a report 0 columns wide) instead of its policy's exit code.
    import io

    from alignck.cli import output

    class SizelessTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            return 1

    monkeypatch.setattr(output.os, "get_terminal_size", lambda _fd: os.terminal_size((0, 0)))
    monkeypatch.setenv("COLUMNS", "100")
    assert output.terminal_width(SizelessTerminal()) == 100
    monkeypatch.delenv("COLUMNS")
    assert output.terminal_width(SizelessTerminal()) == output.DEFAULT_WIDTH


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_link_s_target_folder_is_tried_before_any_work(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The link's own folder was tried, and a long run was lost at its end.
    link = tmp_path / "report.json"
    link.symlink_to("/proc/no-such-folder/report.json")
    result = run(link)
    # Refused before any work: a link leading nowhere is no earlier report to replace.
    assert result.exit_code == 2 and "which does not exist" in result.stderr


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="/dev/stdout is no link here")
def test_a_report_written_to_dev_stdout_reaches_a_pipe(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Refused as a FIFO, though the README gives '-o /dev/stdout' for standard output.
    import subprocess
    import sys

    args = [sys.executable, "-m", "alignck", "check", str(run.plan), "-f", str(run.framework)]
    piped = subprocess.run(
        [*args, "--format", "json", "--matcher", "lexical", "-o", "/dev/stdout", "-q"],
        capture_output=True,
        text=True,
        env={**os.environ, "ALIGNCK_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("{")


@pytest.mark.skipif(not Path("/dev/stdin").is_symlink(), reason="/dev/stdin is no link here")
def test_dev_stdin_from_a_pipe_is_refused_before_any_work(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Taken as a descriptor to write on, the whole run happened and then failed ('Bad file
    # descriptor'); a pipe read from is refused as the FIFO it is.
    import subprocess
    import sys

    args = [sys.executable, "-m", "alignck", "check", str(run.plan), "-f", str(run.framework)]
    piped = subprocess.run(
        [*args, "--format", "json", "-o", "/dev/stdin", "-q"],
        input="",
        capture_output=True,
        text=True,
        env={**os.environ, "ALIGNCK_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert piped.returncode == 2 and "not a regular file" in piped.stderr


def test_the_summary_beside_an_output_file_shows_evidence_only_when_asked_for(
    run, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # '--evidence -o report.md' showed no evidence tables on the terminal.
    args = ["check", str(run.plan), "-f", str(run.framework), "--matcher", "lexical"]
    plain = runner.invoke(app, [*args, "-o", str(tmp_path / "a.md")])
    asked = runner.invoke(app, [*args, "-o", str(tmp_path / "b.md"), "--evidence"])
    assert plain.exit_code == asked.exit_code == 0, asked.stderr
    assert "Evidence ·" not in plain.stdout
    assert "Evidence ·" in asked.stdout
    assert "Coverage" in plain.stdout
    explained = runner.invoke(app, [*args, "-o", str(tmp_path / "c.md"), "--explain"])
    assert "Evidence ·" in explained.stdout


def test_a_page_is_never_written_through_a_link_leading_nowhere(
    make_document, small_framework, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # A link planted in the pages folder under a page's name had the page made where it
    # led, folders and all.
    (tmp_path / "docs").mkdir()
    make_document("docs/plan.md")
    pages = tmp_path / "pages"
    pages.mkdir()
    victim = tmp_path / "victim" / ".bash_profile"
    (pages / "plan.md").symlink_to(victim)
    args = ["check", str(tmp_path / "docs"), "-f", str(small_framework)]
    result = runner.invoke(app, [*args, "--per-document", str(pages), "-q", "-o", "-"])
    assert result.exit_code == 2
    assert "which does not exist" in result.stderr
    assert not victim.parent.exists()


def test_the_terminal_grid_legend_tells_twin_names_in_two_unicode_forms_apart(  # type: ignore[no-untyped-def]
    make_document, small_framework, tmp_path
) -> None:
    # The legend read '1  docs/Café plan.md' and '2  docs/Café plan.md'.
    (tmp_path / "docs").mkdir()
    plan = make_document("docs/plan.md")
    for form, town in (("NFC", b"Westby"), ("NFD", b"Southby")):
        twin = tmp_path / "docs" / (unicodedata.normalize(form, "Café plan") + ".md")
        twin.write_bytes(plan.read_bytes().replace(b"Northby", town))
    plan.unlink()
    result = runner.invoke(
        app,
        ["check", str(tmp_path / "docs"), "-f", str(small_framework), "--matcher", "lexical"],
        env={"COLUMNS": "400"},
    )
    legend = [line.strip() for line in result.stdout.splitlines()]
    legend = [line for line in legend if line[:1].isdigit() and line.endswith(("md", ")"))]
    assert len(legend) == 2
    assert sum(line.endswith("(name in decomposed Unicode)") for line in legend) == 1


@pytest.mark.parametrize(
    ("name", "given", "instead"),
    [
        ("report.docx", None, "report.html"),
        ("report.docx", "html", "report.html"),
        ("board.pdf", "xlsx", "board.xlsx"),
        ("notes.odt", "markdown", "notes.md"),
    ],
)
def test_a_report_named_as_a_document_its_program_would_not_open_is_refused(
    make_document, small_framework: Path, tmp_path: Path, name: str, given: str | None, instead: str
) -> None:  # type: ignore[no-untyped-def]
    # Refused without --format, a volunteer gave '--format html' as the line said, and wrote an
    # HTML file named .docx that Word would not open.
    plan = make_document("plan.md")
    target = tmp_path / "out" / name
    target.parent.mkdir()
    chosen = ["--format", given] if given else []
    args = ["check", str(plan), "-f", str(small_framework), "-o", str(target), *chosen]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"--output's extension '{target.suffix}' is an office or PDF document's" in line
    assert f"name it {instead}" in line
    assert not target.exists()


def test_a_diff_named_as_a_document_is_told_a_name_diff_writes(
    make_document, small_framework: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # diff writes no HTML: told to name it report.html, the volunteer was then refused again.
    plan = make_document("plan.md")
    args = ["diff", str(plan), str(plan), "-f", str(small_framework)]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "changes.docx")])
    assert result.exit_code == 2
    assert "name it changes.md " in result.stderr
    assert runner.invoke(app, [*args, "-o", str(tmp_path / "changes.md")]).exit_code in (0, 1)


@pytest.mark.parametrize(
    ("name", "given", "instead"),
    [
        (".docx", "html", "report.html"),
        ("a.sarif.pdf", "sarif", "a.sarif"),
        ("x.pptx", None, "x.html"),
    ],
)
def test_a_document_name_without_a_stem_or_with_a_report_s_extension_is_refused_too(
    make_document, small_framework: Path, tmp_path: Path, name: str, given: str | None, instead: str
) -> None:  # type: ignore[no-untyped-def]
    plan = make_document("plan.md")
    chosen = ["--format", given] if given else []
    target = tmp_path / name
    args = ["check", str(plan), "-f", str(small_framework), "-o", str(target), *chosen]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"name it {instead} " in result.stderr
    assert not target.exists()
