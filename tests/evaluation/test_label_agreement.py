"""scripts/label_agreement.py pairs a second labeller's labels with the first, pair by pair."""

import sys
from pathlib import Path
from typing import Any


def _script_function() -> Any:
    saved = list(sys.path)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    try:
        from label_agreement import second_label_pairs

        return second_label_pairs
    finally:
        sys.path[:] = saved


second_label_pairs = _script_function()


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
    assert sorted(second_label_pairs(tmp_path)) == [("no", "no"), ("partial", "yes")]
