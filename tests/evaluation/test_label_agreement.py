"""scripts/label_agreement.py pairs a second labeller's labels with the first, pair by pair."""

from pathlib import Path

from alignck.evaluation.dataset import load_dataset
from conftest import from_script

(second_label_pairs,) = from_script("label_agreement", "second_label_pairs")


def test_each_pair_is_the_second_label_beside_the_first(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.md").write_text("Homes and jobs.\n", encoding="utf-8")
    (tmp_path / "priorities.yaml").write_text(
        "priorities:\n  - {id: homes, title: Homes}\n  - {id: jobs, title: Jobs}\n",
        encoding="utf-8",
    )
    (tmp_path / "truth.yaml").write_text(
        "framework: priorities.yaml\ndocuments:\n  - doc: docs/plan.md\n"
        '    aligns: {homes: "yes", jobs: "no"}\n',
        encoding="utf-8",
    )
    (tmp_path / "second-labels.yaml").write_text(
        'docs/plan.md:\n  homes: "partial"\n  jobs: "no"\n', encoding="utf-8"
    )
    assert sorted(second_label_pairs(load_dataset(tmp_path))) == [("no", "no"), ("partial", "yes")]
