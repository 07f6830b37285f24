"""Every lexicon entry's examples, the shape of the lexicon files, and that they load lazily."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alignck import lexicon
from alignck.language import normalise, phrase_key, terms
from alignck.themes import theme_terms

FILES = sorted(path.stem for path in lexicon.FOLDER.glob("*.json"))
ENTRIES = [(name, entry) for name in FILES for entry in lexicon.entries(name)]
IDS = [f"{name}:{entry.id}" for name, entry in ENTRIES]


def test_the_lexicon_files_are_there() -> None:
    assert {"roles", "words", "themes", "senses", "spelling"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_entry_has_a_unique_id_a_reason_and_one_kind_of_knowledge(name: str) -> None:
    raw = json.loads((lexicon.FOLDER / f"{name}.json").read_text(encoding="utf-8"))["entries"]
    ids = [item["id"] for item in raw]
    assert len(ids) == len(set(ids))
    for item in raw:
        assert item["why"].strip() and "\n" not in item["why"], item["id"]
        assert sum(key in item for key in ("pattern", "words", "map")) == 1, item["id"]
        assert item["examples"]["match"] and item["examples"]["no_match"], item["id"]


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=IDS)
def test_examples_match_and_do_not_match(name: str, entry: lexicon.Entry) -> None:
    for text in entry.match:
        assert entry.matches(text), f"{entry.id} should match {text!r}"
    for text in entry.no_match:
        assert not entry.matches(text), f"{entry.id} should not match {text!r}"


@pytest.mark.parametrize(("name", "entry"), [(n, e) for n, e in ENTRIES if e.cues], ids=str)
def test_cues_are_in_every_matching_example(name: str, entry: lexicon.Entry) -> None:
    # The cues are a cheap test before the pattern: one missing would hide a match.
    for text in entry.match:
        assert any(cue in normalise(text) for cue in entry.cues), (entry.id, text)


@pytest.mark.parametrize(
    "entry", [e for e in lexicon.entries("themes") if e.pattern is None], ids=str
)
def test_a_theme_entry_makes_its_examples_name_the_theme(entry: lexicon.Entry) -> None:
    theme = set(terms(entry.get("theme")))
    for text in entry.match:
        assert theme <= set(theme_terms(phrase_key(text), text)), text
    for text in entry.no_match:
        assert not theme & set(theme_terms(phrase_key(text), text)), text


def test_every_role_entry_names_its_role_and_where_it_applies() -> None:
    for entry in lexicon.entries("roles"):
        assert entry.get("role"), entry.id
        assert set(entry.get("scope")) <= {"sentence", "heading"} and entry.get("scope"), entry.id


def test_each_role_entry_is_gated_by_its_own_cues_and_one_without_is_always_searched() -> None:
    from alignck.language import _role_rule

    sentence = _role_rule("commitment", "sentence")
    assert (("we",), lexicon.entry("roles", "commitment.we-will").compiled) in sentence.entries
    assert sentence.any_cue is not None and sentence.any_cue.search("we will")
    heading = _role_rule("commitment", "heading")
    assert ((), lexicon.entry("roles", "heading.commitments").compiled) in heading.entries


def test_a_role_is_read_alike_whether_or_not_a_sentence_holds_any_cue_word() -> None:
    """The one search for every cue word only skips what the entries' own cues would skip."""
    from alignck.language import _role_rule, _says

    for role in ("negated", "achievement", "commitment", "target-set"):
        for scope in ("sentence", "heading"):
            for cues, pattern in _role_rule(role, scope).entries:
                for text in lexicon.select("roles", lambda e, p=pattern: e.compiled is p)[0].match:
                    lower = text.lower().replace("\u2019", "'")
                    if not cues or any(cue in lower for cue in cues):
                        assert _says(role, text, lower, scope), (role, scope, text)


def test_an_unknown_entry_is_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match=r"roles\.json has no entry 'no-such-entry'"):
        lexicon.entry("roles", "no-such-entry")


_RUN = """
import json, sys
import alignck.lexicon as lexicon
read = []
loaded = lexicon.entries
lexicon.entries = lambda name: read.append(name) or loaded(name)
from alignck.cli import app
try:
    app(sys.argv[1:])
finally:
    print(json.dumps(sorted(set(read))), file=sys.stderr)
"""


def _lexicon_read(arguments: list[str]) -> tuple[str, list[str]]:
    """A run's output and the lexicon files it read."""
    command = [sys.executable, "-c", _RUN, *arguments]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout, json.loads(completed.stderr.splitlines()[-1])


def test_a_run_answered_from_the_cache_reads_no_cue_patterns(
    make_document, isolated_cache: Path
) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    arguments = ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK), "--format", "json"]
    first, read_cold = _lexicon_read(arguments)
    cached, read_warm = _lexicon_read(arguments)
    assert cached == first
    assert {"roles", "themes", "senses"} <= set(read_cold)
    # Only the word lists that make terms: the analysis compares stated priorities' words,
    # and the matcher reads the framework's 'exclude' words, on every run.
    assert set(read_warm) <= {"words", "spelling"}
