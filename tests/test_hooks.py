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
