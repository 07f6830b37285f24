"""The pre-commit hook alignck ships, and the README's example of limiting it."""

import re

import yaml

from alignck.readers import READERS
from conftest import ROOT


def _patterns() -> list[str]:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"^\s+files: (\S*drafts\S*)$", readme, re.MULTILINE)
    assert example is not None
    return [hook["files"], example.group(1)]


def test_the_hook_takes_every_format_alignck_reads_in_any_case() -> None:
    # A Windows user's 'Leisure-Plan.DOCX' was skipped by the hook ('no files to check'),
    # which check itself reads; '.text' was missing too.
    for pattern in _patterns():
        for suffix in READERS:
            for name in (f"drafts/plan{suffix}", f"drafts/Plan{suffix.upper()}"):
                assert re.search(pattern, name), (pattern, name)
        assert not re.search(pattern, "drafts/notes.csv")


def test_the_hook_leaves_out_a_folder_s_notes_in_any_folder() -> None:
    # Its exclude named only the repository's own README.md: a drafts folder's README,
    # named by pre-commit, was checked as a partner's plan and failed the commit (a review).
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    left_out = ["README.md", "drafts/README.md", "drafts/trust/CHANGELOG.txt", "drafts/Licence"]
    for name in left_out:
        assert re.search(hook["exclude"], name), name
    for name in [
        "drafts/plan.md",
        "drafts/readme-plan.md",
        "drafts/README.pdf",
        "notes/my-readme.md",
    ]:
        assert not re.search(hook["exclude"], name), name
