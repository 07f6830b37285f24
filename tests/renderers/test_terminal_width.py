"""The terminal report at any width, through the command line with ``COLUMNS`` (honoured when
the output is piped): no line wider than asked, no percentage cut, no id broken, no document
left out; below what the grid needs, the compact layout instead of dropped columns."""

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from alignck.cli import app

ROOT = Path(__file__).parent.parent.parent
EXAMPLES, FRAMEWORK = ROOT / "examples", ROOT / "priorities.yaml"


def _check(*args: str, columns: int | None = None):  # type: ignore[no-untyped-def]
    env: dict[str, str | None] = {"COLUMNS": str(columns) if columns else None}
    return CliRunner().invoke(app, ["check", str(EXAMPLES), "-f", str(FRAMEWORK), *args], env=env)


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    data = json.loads(_check("--format", "json").stdout)
    ok = [d for d in data["documents"] if d["status"] == "ok"]
    return {
        "ids": [p["id"] for p in data["framework"]["priorities"]],
        "names": [d["name"] for d in ok],
        "percents": [f"{d['coverage']['percent']:.0f}%" for d in ok],
    }


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
def test_the_report_fits_the_width_and_cuts_nothing(columns: int, expected) -> None:  # type: ignore[no-untyped-def]
    result = _check("--no-evidence", columns=columns)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert not re.search(r"\d…", result.stdout)
    for priority_id in expected["ids"]:
        assert any(f"[{priority_id}]" in line for line in lines), priority_id
    for name in expected["names"]:
        assert any(name in line for line in lines), name
    for shown in expected["percents"]:
        assert re.search(rf"(?<![\d.]){re.escape(shown)}", result.stdout), shown


def test_a_narrow_terminal_gets_the_compact_layout_a_wide_one_the_grid(expected) -> None:  # type: ignore[no-untyped-def]
    narrow = _check("--no-evidence", columns=60).stdout
    wide = _check("--no-evidence", columns=120).stdout
    assert "Each document, then its coverage and P1 to P7" in narrow
    assert "system" in narrow.split("Gaps:")[0]
    assert "Each document, then" not in wide
    assert re.search(r"Priority\s+1\s+2\s+3\s+4\s+5\s+6\s+system", wide)


def test_without_columns_a_pipe_gets_120(expected) -> None:  # type: ignore[no-untyped-def]
    lines = _check("--no-evidence").stdout.splitlines()
    assert max(cell_len(line) for line in lines) == 120


@pytest.mark.parametrize("columns", [60, 80])
def test_names_in_the_tables_wrap_after_a_hyphen_never_inside_a_word(
    columns: int, expected
) -> None:  # type: ignore[no-untyped-def]
    # At 80 columns 'wolds-district-economy-and-culture-strategy' came out as '...-culture-st'
    # over 'rategy', and an overlap's mark stood alone above its name.
    tables = _check("--no-evidence", columns=columns).stdout.split("Gaps:")[1]
    words = re.findall(r"[\w-]+", tables)
    names = [str(n) for n in expected["names"]]  # type: ignore[attr-defined]
    cut = [w for w in words if any(n.startswith(w) and n != w for n in names) and w[-1] != "-"]
    assert not cut
    wrapped = [w for w in words if w[-1] == "-" and any(n.startswith(w) for n in names)]
    assert wrapped if columns == 60 else True  # the narrow run does wrap names
    assert not re.search(r"^\s*[✔◐]\s*$", tables, re.MULTILINE)


def test_extract_and_diff_keep_to_the_width_too(tmp_path: Path) -> None:
    # Both laid themselves out at 120 columns whatever COLUMNS said.
    env = {"COLUMNS": "70"}
    extracted = CliRunner().invoke(app, ["extract", str(EXAMPLES)], env=env)
    assert extracted.exit_code == 0, extracted.output
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    for saved in (old, new):
        args = ["check", str(EXAMPLES), "-f", str(FRAMEWORK), "--matcher", "lexical"]
        done = CliRunner().invoke(app, [*args, "-o", str(saved), "-q"])
        assert done.exit_code == 0, done.output
    compared = CliRunner().invoke(app, ["diff", str(old), str(new)], env=env)
    written = tmp_path / "diff.txt"
    saved_diff = CliRunner().invoke(app, ["diff", str(old), str(new), "-o", str(written)], env=env)
    assert compared.exit_code == 0 and saved_diff.exit_code == 0, compared.output
    for text in (extracted.stdout, compared.stdout, written.read_text(encoding="utf-8")):
        lines = text.splitlines()
        assert lines and max(cell_len(line) for line in lines) <= 70


def test_reviewed_verdicts_at_80_columns_are_lines_not_a_folded_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Eight columns in 80 folded the headers and dates: 'Documen' / 't', '2025-0' / '5-01'.
    monkeypatch.chdir(tmp_path)
    review = Path("reviews.yaml")
    review.write_text(
        "reviews:\n  - document: riverside-county-council-plan\n    priority: best-start\n"
        "    verdict: gap\n    reason: The hubs are the NHS's, not the council's.\n"
        "    reviewer: A. Officer\n    date: 2026-12-01\n",
        encoding="utf-8",
    )
    for columns, as_lines in ((80, True), (160, False)):
        shown = _check("--no-evidence", "--review", str(review), columns=columns).stdout
        section = shown.split("Reviewed:")[1].split("Overlaps:")[0]
        assert ("riverside-county-council-plan · Give every child" in section) is as_lines
        assert ("on: 2026-12-01" in section) is as_lines
        assert "2026-12-01" in section and "Documen\n" not in section
