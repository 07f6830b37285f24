"""What the project's files declare for the package built from them: its licence files, the
third-party content it ships, and its data files' modes (a packaging review found no licence
text shipped, the tokenizer of another project's model undeclared, and that tokenizer
executable). The archives themselves are built and checked by hand (python -m build,
twine check), not here."""

import stat
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "alignck" / "data"


def _project() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_licence_file_the_project_names_exists() -> None:
    assert _project()["license"] == "MIT AND Apache-2.0"
    patterns = _project()["license-files"]
    assert "LICENSE" in patterns
    for pattern in patterns:
        assert list(ROOT.glob(pattern)), pattern


def test_the_notice_names_what_others_made_that_the_package_ships() -> None:
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "minilm-tokenizer.json" in notice
    assert "LICENSES/Apache-2.0.txt" in notice
    assert (
        (ROOT / "LICENSES" / "Apache-2.0.txt")
        .read_text(encoding="utf-8")
        .lstrip()
        .startswith("Apache License")
    )
    assert "frameworks/*.yaml" in notice


def test_no_data_file_is_executable() -> None:
    executable = [
        str(path.relative_to(DATA))
        for path in DATA.rglob("*")
        if path.is_file() and path.stat().st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    ]
    assert executable == []
