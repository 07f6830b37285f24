"""Rebuild examples/ from scripts/example_content.py: `python scripts/build_examples.py`.

Needs the dev extra (`pip install -e '.[dev]'`) for PDF output. The output is reproducible:
running it again without changing the content gives byte-identical files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from docgen import write  # noqa: E402
from example_content import DOCUMENTS  # noqa: E402


def main() -> None:
    target = HERE.parent / "examples"
    target.mkdir(exist_ok=True)
    for name, (fmt, blocks) in DOCUMENTS.items():
        path = write(blocks, target / f"{name}.{fmt}")
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
