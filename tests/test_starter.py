"""The JSON Schemas shipped for editors, and the starter files 'alignck init' writes."""

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from alignck.builtins import FOLDER
from alignck.errors import UsageError
from alignck.framework import validate
from alignck.starter import schema_comment, schema_path, starter, write_new
from conftest import ROOT


def _data(text: str) -> Any:
    """YAML as the JSON an editor's schema check sees (dates are text there)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    return plain(yaml.safe_load(text))


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "path",
    [
        ROOT / "priorities.yaml",
        *sorted(FOLDER.glob("*.yaml")),
        *sorted((ROOT / "tests" / "data").glob("*/priorities.yaml")),
        *sorted((ROOT / "eval").glob("*/priorities.yaml")),
        ROOT / "benchmarks" / "data" / "transport-framework.yaml",
    ],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_shipped_frameworks_validate_against_the_schema(path: Path) -> None:
    errors = list(_validator("framework").iter_errors(_data(path.read_text(encoding="utf-8"))))
    assert errors == []


def test_the_shipped_waivers_validate_against_the_schema() -> None:
    text = (ROOT / "waivers.yaml").read_text(encoding="utf-8")
    assert list(_validator("waivers").iter_errors(_data(text))) == []


@pytest.mark.parametrize(
    ("kind", "text", "where"),
    [
        ("framework", "framework: {name: x}\npriorities:\n  - {id: a b, title: A}\n", "id"),
        ("framework", "framework: {name: x}\npriorities:\n  - {id: a}\n", "title"),
        ("framework", "framework: {name: x}\npriorities: []\n", "priorities"),
        ("framework", "priorities: [A]\nthresholds: {aligned: 2}\n", "aligned"),
        ("framework", "priorities:\n  - {title: A, keywords: health}\n", "keywords"),
        ("waivers", "waivers:\n  - {priority: a}\n", "reason"),
        ("waivers", "waivers:\n  - {priority: a, reason: r, expires: soon}\n", "expires"),
    ],
)
def test_a_broken_file_fails_the_schema(kind: str, text: str, where: str) -> None:
    errors = list(_validator(kind).iter_errors(_data(text)))
    assert errors
    assert where in " ".join(_described(errors))


@pytest.mark.parametrize(
    "text",
    [
        "- Give every child the best start in life\n- Warm homes for everyone\n",
        "Housing: Warm homes for everyone.\nEarly years:\n  - Family hubs\n  - Childcare\n",
        "framework: {name: x}\npriorities:\n  Housing: Warm homes for everyone.\n  Air:\n",
    ],
    ids=["plain list", "titles as keys", "priorities as titles"],
)
def test_the_shapes_people_write_first_keep_to_the_schema_as_validate_reads_them(
    tmp_path: Path, text: str
) -> None:
    # validate read them, as the README says; the schema, which editors check as you type,
    # refused each ('is not of type array', 'priorities is a required property').
    path = tmp_path / "priorities.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate(path).errors == ()
    assert list(_validator("framework").iter_errors(_data(text))) == []


def test_schema_and_validate_agree_on_a_number_as_an_id_and_an_empty_sub_list(
    tmp_path: Path,
) -> None:
    # validate took 'id: 5' that the schema refused, and 'priorities: []' under a priority,
    # which the schema refuses, without a word.
    numbered = "framework: {name: x}\npriorities:\n  - {id: 5, title: Warm homes}\n"
    assert list(_validator("framework").iter_errors(_data(numbered))) == []
    empty = "framework: {name: x}\npriorities:\n  - {id: a, title: A, priorities: []}\n"
    assert list(_validator("framework").iter_errors(_data(empty)))
    path = tmp_path / "priorities.yaml"
    path.write_text(empty, encoding="utf-8")
    assert any(
        "priorities[0].priorities: warning: an empty list of sub-priorities" in w
        for w in validate(path).warnings
    )


@pytest.mark.parametrize(
    "text",
    [
        "priorities:\n  - {title: A, requried: true}\n",
        "priorities:\n  - {title: A, desciption: Warm homes.}\n",
        "framework: {name: x, vesion: 1}\npriorities: [A]\n",
        "priorities:\n  - {id: -5, title: A}\n",
    ],
    ids=["misspelt required", "misspelt description", "misspelt version", "negative id"],
)
def test_what_validate_refuses_the_schema_refuses(tmp_path: Path, text: str) -> None:
    # Editors showed no error where validate, the authority, refused the file (exit 2).
    path = tmp_path / "priorities.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate(path).errors
    assert list(_validator("framework").iter_errors(_data(text)))


@pytest.mark.parametrize(
    "text",
    [
        "priorities:\n  - title: A\n    keywords:\n    aliases:\n    description:\n",
        "Warm homes: {description: Tackle damp., keywords: [insulation]}\n",
        "priorities:\n  - {title: A, aliases: [1, 2], description: 5}\n",
        "framework: {name: 2030}\npriorities: [A]\n",
        "Housing: 2030\n",
        "- 42\n- Warm homes\n",
    ],
    ids=[
        "blank keys",
        "fields under a title",
        "numbers as text",
        "a number as name",
        "a number as description",
        "a number as title",
    ],
)
def test_what_validate_reads_the_schema_accepts(tmp_path: Path, text: str) -> None:
    # The schema refused files validate reads without a word: editors marked them red.
    path = tmp_path / "priorities.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate(path).errors == ()
    assert list(_validator("framework").iter_errors(_data(text))) == []


def test_a_key_a_waiver_does_not_know_fails_the_schema_as_it_fails_validate() -> None:
    text = "waivers:\n  - {priority: a, reason: r, note: extra}\n"
    assert list(_validator("waivers").iter_errors(_data(text)))


def _described(errors: list[jsonschema.ValidationError]) -> list[str]:
    """Each error's place and message, with those of the alternatives a oneOf tried."""
    found: list[str] = []
    for error in errors:
        found.append(f"{list(error.path)} {error.message}")
        found += _described(list(error.context or []))
    return found


@pytest.mark.parametrize("kind", ["framework", "waivers"])
def test_each_starter_names_its_schema_and_validates(kind: str) -> None:
    text = starter(kind)
    assert text.startswith(schema_comment(kind))
    assert schema_path(kind).as_uri() in text.splitlines()[0]
    assert list(_validator(kind).iter_errors(_data(text))) == []


def test_the_starter_framework_validates_without_warnings(tmp_path: Path) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_text(starter("framework"), encoding="utf-8")
    result = validate(path)
    assert result.errors == () and result.warnings == () and result.advice == ()
    assert result.framework is not None and len(result.framework.priorities) == 3


def test_write_new_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists"):
        write_new(path, "theirs\n")
    assert path.read_text(encoding="utf-8") == "mine\n"
