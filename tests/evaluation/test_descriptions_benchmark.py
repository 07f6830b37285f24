"""benchmarks/descriptions.py: the titles-only copy of a framework drops every description
and keeps everything else, and leaves the labelled set's own files alone."""

from pathlib import Path

from alignck.evaluation.dataset import load_dataset
from alignck.framework import load_framework
from conftest import from_script

(titles_only,) = from_script("descriptions", "titles_only", folder="benchmarks")

FRAMEWORK = """\
framework:
  name: Westmere Health and Wellbeing Strategy
priorities:
  - id: homes
    title: Warm homes
    description: Every home warm, dry and affordable to heat.
  - id: jobs
    title: Good jobs
"""
TRUTH = """\
framework: priorities.yaml
documents:
  - doc: docs/council.md
    aligns: {homes: "yes", jobs: "no"}
"""


def test_the_titles_only_copy_has_no_descriptions_and_the_same_priorities(tmp_path: Path) -> None:
    root = tmp_path / "westmere"
    (root / "docs").mkdir(parents=True)
    (root / "priorities.yaml").write_text(FRAMEWORK, encoding="utf-8")
    (root / "truth.yaml").write_text(TRUTH, encoding="utf-8")
    (root / "docs" / "council.md").write_text("We will insulate homes.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()

    bare = titles_only(load_dataset(root), out)

    assert bare.framework.parent == out
    framework = load_framework(bare.framework)
    assert [(p.id, p.title) for p in framework.priorities] == [
        ("homes", "Warm homes"),
        ("jobs", "Good jobs"),
    ]
    assert all(not p.description for p in framework.priorities)
    assert framework.name == "Westmere Health and Wellbeing Strategy"
    assert bare.documents == load_dataset(root).documents
    assert (root / "priorities.yaml").read_text(encoding="utf-8") == FRAMEWORK
