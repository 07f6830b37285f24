"""benchmarks/length_control.py: joined documents carry their parts' strongest labels, padded
documents keep their own, and neither keeps the source comments of the stored pages."""

from pathlib import Path
from typing import Any

from alignck.evaluation.dataset import load_dataset
from conftest import from_script

joined, padded = from_script("length_control", "joined", "padded", folder="benchmarks")

TRUTH = """\
framework: priorities.yaml
documents:
  - doc: docs/council.md
    aligns: {homes: "no", jobs: "partial"}
  - doc: docs/trust.md
    aligns: {homes: "yes", jobs: "no"}
  - doc: docs/police.md
    aligns: {homes: "no", jobs: "no"}
"""
FRAMEWORK = """\
priorities:
  - {id: homes, title: Warm homes}
  - {id: jobs, title: Good jobs}
"""


def _dataset(root: Path) -> Any:
    (root / "docs").mkdir(parents=True)
    (root / "truth.yaml").write_text(TRUTH, encoding="utf-8")
    (root / "priorities.yaml").write_text(FRAMEWORK, encoding="utf-8")
    for name, text in (("council", "Jobs."), ("trust", "Homes."), ("police", "Crime.")):
        page = f"<!-- source: https://example.org/{name} -->\n{text}\n[… stored copy ends here]\n"
        (root / "docs" / f"{name}.md").write_text(page, encoding="utf-8")
    return load_dataset(root)


def test_a_joined_document_is_labelled_as_its_most_addressing_part(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = joined(_dataset(tmp_path / "set"), 2, out)
    # Three documents in twos: one full group; the police plan left alone is left out.
    (first,) = result.documents
    assert {k: v.label for k, v in first.aligns.items()} == {"homes": "yes", "jobs": "partial"}
    assert first.path.read_text(encoding="utf-8") == "Jobs.\n\nHomes.\n"


def test_a_padded_document_keeps_its_labels_and_gains_the_padding(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = padded(_dataset(tmp_path / "set"), "Bins.", out)
    assert [d.aligns["homes"].label for d in result.documents] == ["no", "yes", "no"]
    assert result.documents[1].path.read_text(encoding="utf-8") == "Homes.\n\nBins.\n"
    assert not any(d.has_stated for d in result.documents)
