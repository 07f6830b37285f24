"""The fitting script's far-domain sets: a labelled set's partner documents against what its
far-domain document states, every pair a gap."""

from pathlib import Path

from alignck.evaluation.dataset import load_dataset
from alignck.framework import load_framework
from conftest import from_script

(far_domain_sets,) = from_script("fit_decision", "far_domain_sets")

TRUTH = """\
framework: priorities.yaml
documents:
  - doc: docs/council-plan.md
    aligns: {homes: "yes"}
  - doc: docs/trust-strategy.md
    aligns: {homes: "no"}
  - doc: docs/waste-strategy.md
    negative: true
    stated_priorities:
      - "Recycle half of household waste by 2030"
      - "Food waste collections for every home"
      - "Cleaner streets in every ward"
    aligns: {homes: "no"}
"""


def _labelled_set(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "priorities.yaml").write_text(
        "priorities:\n  - id: homes\n    title: Warm, safe homes\n", encoding="utf-8"
    )
    (root / "truth.yaml").write_text(TRUTH, encoding="utf-8")
    for name in ("council-plan", "trust-strategy", "waste-strategy"):
        (root / "docs" / f"{name}.md").write_text(f"# {name}\n\nWe will act.\n", encoding="utf-8")
    return root


def test_partner_documents_meet_the_far_domain_priorities_as_gaps(tmp_path: Path) -> None:
    found = {"essex": _labelled_set(tmp_path / "essex")}
    made = far_domain_sets(found, tmp_path / "far")
    dataset = load_dataset(made["essex"])
    titles = [p.title for p in load_framework(dataset.framework).priorities]
    assert titles[0] == "Recycle half of household waste by 2030" and len(titles) == 3
    # The two partners, not the far-domain document itself, every pair a gap.
    assert sorted(d.path.name for d in dataset.documents) == [
        "council-plan.md",
        "trust-strategy.md",
    ]
    assert {label.label for d in dataset.documents for label in d.aligns.values()} == {"no"}
    # Nothing under the labelled set is written to.
    assert sorted(p.name for p in (tmp_path / "essex").iterdir()) == [
        "docs",
        "priorities.yaml",
        "truth.yaml",
    ]


def test_the_negative_controls_sets_make_none(tmp_path: Path) -> None:
    found = {"nottinghamshire": _labelled_set(tmp_path / "nottinghamshire")}
    assert far_domain_sets(found, tmp_path / "far") == {}
