"""The same inputs give byte-identical reports in every format, whatever the hash seed, the
number of worker processes or the state of the cache.

Each run is a fresh interpreter (PYTHONHASHSEED only takes effect at start-up) that checks once
and renders every format; the documents are full of ties (sentences that score the same, in
several documents), where an order left to a set or a dict's history would show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RENDER_EVERY_FORMAT = """
import io, json, sys
from pathlib import Path
from alignck import cache
from alignck.pipeline import check
from alignck.renderers import BINARY_FORMATS, RENDERERS, RenderOptions, binary_renderer, renderer

docs, framework, folder, jobs, use_cache = sys.argv[1:]
cache.configure(Path(folder))
report = check([docs], framework, jobs=int(jobs), use_cache=use_cache == "1", matcher="lexical")
options = RenderOptions(color=False, width=120, evidence=True, explain=True)
outputs = {}
for name in sorted(set(RENDERERS) - BINARY_FORMATS):
    stream = io.StringIO()
    renderer(name)(report, stream, options)
    outputs[name] = stream.getvalue()
for name in sorted(BINARY_FORMATS):
    binary = io.BytesIO()
    binary_renderer(name)(report, binary, options)
    outputs[name] = binary.getvalue().hex()
print(json.dumps(outputs))
"""
PLACES = ["Ashby", "Brill", "Crane", "Dunmore", "Elton", "Farley"]


@pytest.fixture
def tied_documents(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(4):
        lines = [f"# Plan {number}", "", "## Our priorities", ""]
        lines += [f"- We will tackle loneliness and fuel poverty in {p}." for p in PLACES]
        lines += ["", "## Homes", ""]
        lines += [
            f"Damp and mould in {p} homes will end. We will tackle loneliness." for p in PLACES
        ]
        # Enough text for --jobs 2 to start worker processes (they need 256 KB in all).
        lines += ["", "## Places", ""]
        lines += [
            f"Paragraph {i} is about {PLACES[i % 6]} parks and libraries.\n" for i in range(1500)
        ]
        (docs / f"plan-{number}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docs


def _render(docs: Path, framework: Path, cache: Path, seed: int, jobs: int, use_cache: bool):  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    arguments = [str(docs), str(framework), str(cache), str(jobs), "1" if use_cache else "0"]
    done = subprocess.run(
        [sys.executable, "-c", RENDER_EVERY_FORMAT, *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_reports_are_byte_identical_across_seeds_jobs_and_cache(
    tied_documents: Path, small_framework: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    runs = [
        (1, 1, False),  # seed, jobs, cache
        (2, 2, False),
        (3, 1, True),  # cold cache: read and stored
        (4, 2, True),  # warm cache: every document from the cache
        (5, 1, True),
    ]
    first, *others = (_render(tied_documents, small_framework, cache, *run) for run in runs)
    assert set(first) == {
        "csv",
        "csv-excel",
        "github",
        "html",
        "json",
        "junit",
        "markdown",
        "sarif",
        "terminal",
        "xlsx",
    }
    assert "loneliness" in first["json"]
    for run, outputs in zip(runs[1:], others, strict=True):
        for name, text in first.items():
            assert outputs[name] == text, f"{name} differs for seed, jobs, cache = {run}"


TOPICS = ["loneliness", "fuel poverty", "damp and mould", "parks", "libraries", "smoking"]
GROUPS = ["older people", "carers", "young people", "new parents", "veterans"]


@pytest.fixture
def large_framework(tmp_path: Path) -> Path:
    """300 priorities sharing a small vocabulary, as merged partnership frameworks do: many
    priorities compete for every passage, and near ties between them abound."""
    lines = ["framework:", "  name: Large test framework", "priorities:"]
    for number in range(300):
        topic, group = TOPICS[number % 6], GROUPS[(number // 6) % 5]
        place = PLACES[(number // 30) % 6]
        lines += [
            f"  - id: p{number:03d}",
            f"    title: Tackle {topic} for {group} in {place}",
            f"    description: Work with {group} on {topic} across {place} (programme {number}).",
            f"    keywords: [{topic}]",
        ]
    path = tmp_path / "large.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_300_priority_framework_reports_the_same_parallel_cached_and_plain(
    tied_documents: Path, large_framework: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    runs = [(1, 1, False), (2, 2, True), (3, 1, True)]  # plain; parallel, stored; cached
    first, *others = (_render(tied_documents, large_framework, cache, *run) for run in runs)
    report = json.loads(first["json"])
    assert len(report["framework"]["priorities"]) == 300
    assert "loneliness" in first["json"]
    for run, outputs in zip(runs[1:], others, strict=True):
        for name, text in first.items():
            assert outputs[name] == text, f"{name} differs for seed, jobs, cache = {run}"


SIGNAL_BYTES = """
import hashlib, sys
from pathlib import Path
from alignck.framework import load_framework
from alignck.match import Matcher
from alignck.model import Thresholds
from alignck.reading import prepare

docs, framework = sys.argv[1:]
matcher = Matcher(load_framework(Path(framework)), Thresholds(), "lexical")
digest = hashlib.sha256()
for path in sorted(Path(docs).iterdir()):
    digest.update(matcher.run_signals(prepare(path).passages).terms.tobytes())
print(digest.hexdigest())
"""


def test_the_word_scores_are_the_same_to_the_last_bit_whatever_the_hash_seed(
    tmp_path: Path, large_framework: Path
) -> None:
    """Reports round, so a score that differed in its last bit from run to run would show
    only where it sits on a rounding or threshold edge: compare the scores themselves."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for number, place in enumerate(PLACES):
        lines = [f"# {place} plan", ""]
        lines += [
            f"We will tackle {TOPICS[(number + k) % 6]} for {GROUPS[k % 5]} in {place} "
            f"with partners, carers and the voluntary sector ({k})."
            for k in range(40)
        ]
        (docs / f"{place.lower()}.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    digests = set()
    for seed in (1, 2, 3):
        done = subprocess.run(
            [sys.executable, "-c", SIGNAL_BYTES, str(docs), str(large_framework)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        digests.add(done.stdout.strip())
    assert len(digests) == 1
