"""Arbitrary input never crashes the pipeline: a document is either checked or a read error."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignck.errors import ReadError
from alignck.framework import load_framework
from alignck.match import Matcher
from alignck.model import Thresholds
from alignck.reading import Prepared, prepare
from conftest import FRAMEWORK

MATCHER = Matcher(load_framework(FRAMEWORK), Thresholds())
# ALIGNCK_FUZZ_EXAMPLES=3000 for a longer local run; CI keeps the default.
SETTINGS = settings(
    max_examples=int(os.environ.get("ALIGNCK_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _check(path: Path) -> None:
    item = prepare(path)
    if isinstance(item, ReadError):
        assert str(path) in str(item)
        return
    assert isinstance(item, Prepared)
    result = MATCHER.match(item.statements, item.passages)
    assert all(0.0 <= a.score <= 1.0 for a in result.alignments)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
@SETTINGS
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_is_read_and_matched(tmp_path: Path, suffix: str, text: str) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    _check(path)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".pdf", ".docx", ".html"])
@SETTINGS
@given(data=st.binary(max_size=600))
def test_any_bytes_are_a_document_or_a_read_error(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    _check(path)


@SETTINGS
@given(
    lines=st.lists(
        st.sampled_from(
            [
                "# Our priorities",
                "## Priority 1:",
                "- ",
                "1. ",
                "We will",
                "Our aims are:",
                "**Bold**",
                "| a | b |",
                "---",
                "We will no longer fund it.",
                "Ambition 2 –",
                "  - nested",
                "**Warm homes.** We will help.",
                "- **Start well**: early help",
                "| Priority | Lead |",
                "| Priority 1 | Warm homes |",
                "|---|---|",
                "| |",
                "Our three priorities are a, b and c.",
                "Our first priority is homes.",
                "## 4. Provide homes",
                "## What we want to achieve",
                "",
            ]
        ),
        max_size=30,
    )
)
def test_structural_fragments_in_any_order(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "doc.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    _check(path)


_BLOCKS = st.sampled_from(
    [
        ("h1", "Plan"),
        ("h2", "Our priorities"),
        ("h2", "4. Provide homes"),
        ("p", "We will open two family hubs."),
        ("p", "Our three priorities are warm homes, good jobs and clean air."),
        ("lead", ("Warm homes.", "We will insulate homes.")),
        ("lead", ("", "Nothing bold here.")),
        ("ul", ["Warm homes", "Good jobs"]),
        ("ol", ["Start well"]),
        ("table", [["Priority", "Lead"], ["Warm homes", "Council"]]),
        ("table", [["Priority 1"], [""]]),
    ]
)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@SETTINGS
@given(blocks=st.lists(_BLOCKS, max_size=12))
def test_structures_in_any_order_in_word_and_pdf(
    tmp_path: Path, suffix: str, blocks: list[tuple[str, object]]
) -> None:
    from docgen import write

    _check(write(blocks, tmp_path / f"doc{suffix}"))
