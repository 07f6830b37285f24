from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from alignck.errors import FrameworkError
from alignck.framework import load_framework, validate
from alignck.waivers import load_waivers


def _validate(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "priorities.yaml"
    path.write_text(text, encoding="utf-8")
    return path, validate(path)


VALID = """\
framework:
  name: Shared
  version: 2
priorities:
  - id: a
    title: Alpha
    keywords: [orchards, clean rivers]
    priorities:
      - id: a1
        title: Alpha one
  - id: b
    title: Beta
    required: true
thresholds: {aligned: 0.6, partial: 0.3}
"""


def test_valid_framework_loads_with_nested_priorities_and_thresholds(tmp_path: Path) -> None:
    path, result = _validate(tmp_path, VALID)
    assert result.errors == () and result.warnings == ()
    framework = load_framework(path)
    assert [(p.id, p.parent, p.depth) for p in framework.priorities] == [
        ("a", None, 0),
        ("a1", "a", 1),
        ("b", None, 0),
    ]
    assert framework.version == "2"
    assert framework.priority("b").required is True
    assert framework.thresholds is not None and framework.thresholds.partial == 0.3
    assert framework.themes is True


def test_a_title_broken_over_lines_is_one_line(tmp_path: Path) -> None:
    # A block scalar's line break showed in terminal tables as a second priority.
    text = (
        "framework: {name: x}\npriorities:\n  - id: a\n    title: |\n"
        "      Reduce loneliness, isolation\n      and suicide\n"
    )
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    assert load_framework(path).priority("a").title == "Reduce loneliness, isolation and suicide"


def test_themes_can_be_switched_off(tmp_path: Path) -> None:
    path, result = _validate(tmp_path, VALID + "themes: false\n")
    assert result.errors == ()
    assert load_framework(path).themes is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "framework: {name: x\npriorities: [\n",
            ":1:12: not valid YAML: did not find expected ',' or '}' (while parsing a flow "
            "mapping that starts here); the '{' is not closed on its line",
        ),
        (
            'framework: {name: x}\npriorities:\n  - id: a\n    title: "Clean air\n  - id: b\n',
            ":4:12: not valid YAML: found unexpected end of stream (while scanning a quoted "
            "scalar that starts here)",
        ),
        ("", ": framework file is empty"),
        ("just some text\n", ":1:1: expected a mapping with 'framework' and 'priorities'"),
        (
            "framework: {}\npriorities:\n  - {id: a, title: A}\n",
            ":1:12: framework.name: missing required key 'name'",
        ),
        ("framework: {name: x}\n", ":1:1: priorities: missing required key 'priorities'"),
        # Indentation slips, where PyYAML's own words point at a quote or a missing key.
        (
            "framework: {name: x}\npriorities:\n  - id: a\n    title: A\n      keywords: [x]\n",
            ":5:15: not valid YAML: mapping values are not allowed in this context; 'keywords:' "
            "is indented more than 'title:' on line 4, so it reads as part of that value; give "
            "it the same indentation",
        ),
        (
            "framework: {name: x}\npriorities:\n  - id: a\n    title: A\n   - id: b\n",
            ":5:4: not valid YAML: did not find expected '-' indicator (while parsing a block "
            "collection); this list item's '-' is 3 spaces in and line 3's 2; line up the '-' "
            "of every item of one list",
        ),
        ("framework: {name: x}\npriorities: []\n", ":2:13: priorities: the framework lists no"),
        (
            "framework: {name: x}\npriorities:\n  - {id: a, title: A}\n  - {id: a, title: B}\n",
            ":4:10: priorities[1].id: duplicate id 'a' (first used at line 3)",
        ),
        (
            "framework: {name: x}\npriorities:\n  - {description: no title}\n",
            ":3:5: priorities[0].id: missing required key 'id'",
        ),
        ("framework: {name: x}\npriorities:\n  - [a]\n", ":3:5: priorities[0]: expected a"),
        (
            "framework: {name: x}\npriorities:\n  - {id: has space, title: A}\n",
            ":3:10: priorities[0].id: invalid id 'has space'",
        ),
        (
            "framework: {name: x}\npriorities:\n  - {id: -x, title: A}\n",
            ":3:10: priorities[0].id: invalid id '-x' (U+002D hyphen-minus, character 1): "
            "start with a letter or digit, then use only A-Z, a-z, 0-9 and - _ . : / "
            "(no spaces or accents)",
        ),
        (
            "framework: {name: x}\npriorities:\n  - {id: a}\n",
            ":3:5: priorities[0].title: missing required key 'title'",
        ),
        (
            "framework: {name: x}\npriorities:\n  - id: a\n    title: A\n    keywords: health\n",
            ":5:15: priorities[0].keywords: expected a list of strings, got a string",
        ),
        (
            "framework: {name: x}\npriorities:\n  - id: a\n    title: A\n    aliases: [[x]]\n",
            ":5:15: priorities[0].aliases[0]: expected a string, got a list",
        ),
        (
            "framework: {name: x}\npriorities:\n  - id: a\n    title: A\n    required: maybe\n",
            ":5:15: priorities[0].required: expected true or false, got a string",
        ),
        (
            "framework: {name: x}\npriorities:\n  - id: a\n    title: A\n    priorities: x\n",
            ":5:17: priorities[0].priorities: expected a list of priorities, got a string",
        ),
        (
            "framework: {name: x}\npriorities: [{id: a, title: A}]\nthresholds: {aligned: 2}\n",
            ":3:23: thresholds.aligned: expected a number between 0 and 1, got 2",
        ),
        (
            "framework: {name: x}\npriorities: [{id: a, title: A}]\nthemes: off please\n",
            ":3:9: themes: expected true or false, got a string",
        ),
        (
            "framework: {name: x}\nframework: {name: y}\npriorities: [{id: a, title: A}]\n",
            ":2:1: framework: duplicate key 'framework'",
        ),
        # The '- ' forgotten: read as priorities titled 'id' and 'title', it validated.
        (
            "priorities:\n  id: a\n  title: Best start\n",
            ":2:3: priorities: expected a list of priorities, got one priority's fields "
            "written without '- ': start its first line ('id: ...') with '- '",
        ),
        (
            "priorities:\n  - id: a\n    title: A\n    priorities:\n      id: b\n      title: B\n",
            ":5:7: priorities[0].priorities: expected a list of priorities, got one priority's "
            "fields written without '- '",
        ),
        ("id: a\ntitle: Best start\n", ":1:1: priorities: missing required key 'priorities'"),
    ],
)
def test_each_kind_of_error_is_reported_with_line_and_column(
    tmp_path: Path, text: str, expected: str
) -> None:
    path, result = _validate(tmp_path, text)
    assert result.framework is None
    assert any(str(path) + expected in line for line in result.errors), result.errors


def test_priorities_indented_under_the_framework_block_is_one_error_saying_so(
    tmp_path: Path,
) -> None:
    # Said as an unknown key of 'framework' (a warning) and a missing 'priorities' (an error
    # at line 1), which left the reader to work out that one was the other.
    path = tmp_path / "f.yaml"
    path.write_text(
        "framework:\n  name: x\n  priorities:\n    - id: a\n      title: A\n", encoding="utf-8"
    )
    result = validate(path)
    assert result.errors == (
        f"{path}:3:3: framework.priorities: 'priorities' is indented under 'framework:' but "
        "belongs at the top level: start 'priorities:' at the beginning of its line, as "
        "'framework:' is, and move its list left with it",
    )
    assert result.warnings == ()


def test_every_problem_is_reported_in_file_order(tmp_path: Path) -> None:
    text = "framework: {name: x}\npriorities:\n  - {id: a}\n  - {id: a, title: B, keywords: k}\n"
    path, result = _validate(tmp_path, text)
    assert [line.split(": ", 1)[0] for line in result.errors] == [
        f"{path}:3:5",
        f"{path}:4:10",
        f"{path}:4:33",
    ]


def test_unknown_keys_are_warnings_not_errors(tmp_path: Path) -> None:
    text = "framework: {name: x, colour: red}\npriorities:\n  - {id: a, title: A, owner: me}\n"
    path, result = _validate(tmp_path, text)
    assert result.framework is not None and result.errors == ()
    assert result.warnings == (
        f"{path}:1:22: framework.colour: warning: unknown key 'colour' (ignored)",
        f"{path}:3:23: priorities[0].owner: warning: unknown key 'owner' (ignored)",
    )


def test_load_framework_raises_with_every_problem(tmp_path: Path) -> None:
    path, _ = _validate(
        tmp_path, "framework: {name: x}\npriorities:\n  - {id: a}\n  - {title: B, id: a b}\n"
    )
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert len(raised.value.problems) == 2


def test_load_framework_keeps_notes_apart_from_its_problems(tmp_path: Path) -> None:
    # No 'framework:' block (a note), an unknown key (a warning), keywords as a string (a
    # problem): a script counting problems counts the one.
    path, _ = _validate(tmp_path, "priorities:\n  - {id: a, title: A, owner: me, keywords: a}\n")
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert len(raised.value.problems) == 1 and "keywords" in raised.value.problems[0]
    notes = raised.value.notes
    assert len(notes) == 2 and ": note: " in notes[0] and ": warning: unknown key" in notes[1]


def test_missing_file(tmp_path: Path) -> None:
    result = validate(tmp_path / "none.yaml")
    assert result.errors == (f"{tmp_path / 'none.yaml'}: framework file not found",)


def test_a_folder_is_said_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "priorities.yaml"
    folder.mkdir()
    assert validate(folder).errors == (
        f"{folder}: cannot read framework file: a folder, not a regular file; alignck reads "
        "only regular files",
    )


def test_text_that_is_not_utf8_names_its_line_column_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_bytes(b"framework:\n  name: Caf\xe9 plan\npriorities: []\n")
    assert validate(path).errors == (
        f"{path}:2:12: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    )


def test_a_byte_order_mark_does_not_move_the_place_of_a_byte_that_is_not_utf8(
    tmp_path: Path,
) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_bytes(b"\xef\xbb\xbfframework:\n  name: Caf\xe9 plan\npriorities: []\n")
    assert validate(path).errors == (
        f"{path}:2:12: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    )


def test_a_tab_is_named_as_the_problem(tmp_path: Path) -> None:
    path, result = _validate(tmp_path, "framework:\n  name: X\npriorities:\n\t- id: a\n")
    assert result.errors == (
        f"{path}:4:1: not valid YAML: a tab character; YAML indents with spaces only",
    )


def test_a_blank_line_holding_a_tab_is_blank(tmp_path: Path) -> None:
    # Notepad's auto-indent leaves a tab on the blank line between entries, and at the end:
    # refused as 'a tab character; YAML indents with spaces only' on a line that indents
    # nothing.
    text = "priorities:\n  - id: a\n    title: Clean air\n\t\n  - id: b\n    title: Homes\n \t"
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    assert [p.id for p in load_framework(path).priorities] == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "option"), [("waivers: []\n", "--waivers"), ("reviews: []\n", "--review")]
)
def test_a_waivers_or_review_file_given_as_a_framework_is_named_as_such(
    tmp_path: Path, text: str, option: str
) -> None:
    path, result = _validate(tmp_path, text)
    kind = text.split(":")[0]
    assert result.errors == (
        f"{path}:1:1: a {kind} file, not a framework; check it against its framework with "
        f"'alignck validate FRAMEWORK {option} FILE'",
    )


def test_validating_never_modifies_the_file(tmp_path: Path) -> None:
    path, _ = _validate(tmp_path, VALID)
    before = path.read_bytes()
    validate(path)
    assert path.read_bytes() == before


def test_misspelt_keys_get_a_suggestion(tmp_path: Path) -> None:
    path, result = _validate(
        tmp_path, "framework: {name: x}\npriorities:\n  - {id: a, title: A, keyword: [x]}\n"
    )
    assert result.framework is None
    assert result.errors == (
        f"{path}:3:23: priorities[0].keyword: unknown key 'keyword'; did you mean "
        "'keywords'? (a misspelt key is not ignored)",
    )


def test_a_key_unlike_any_known_one_is_only_a_warning(tmp_path: Path) -> None:
    # A partnership's own bookkeeping (a lead officer, a named framework) is no misspelling,
    # even where it resembles a key.
    path, result = _validate(
        tmp_path,
        "framework: {name: x}\nframework_name: y\npriorities:\n  - {id: a, title: A, owner: Jo}\n",
    )
    assert result.errors == ()
    assert result.warnings == (
        f"{path}:2:1: framework_name: warning: unknown key 'framework_name' (ignored); "
        "did you mean 'framework'?",
        f"{path}:4:23: priorities[0].owner: warning: unknown key 'owner' (ignored)",
    )


def test_word_score_thresholds_from_before_the_fitted_decision_are_warned_about(
    tmp_path: Path,
) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_text(
        "framework: {name: x}\npriorities: [{id: a, title: A}]\n"
        "thresholds: {aligned: 0.2, partial: 0.085}\n",
        encoding="utf-8",
    )
    framework = load_framework(path)
    assert framework.thresholds is not None and framework.thresholds.partial == 0.085
    assert any(
        ":3:13: thresholds.partial: warning: 0.085 is a very low probability" in w
        for w in framework.warnings
    ), framework.warnings


def _ids_titles(path: Path) -> list[tuple[str, str, str | None]]:
    return [(p.id, p.title, p.parent) for p in load_framework(path).priorities]


def test_a_plain_list_of_titles_is_read_with_ids_derived_and_one_note(tmp_path: Path) -> None:
    path, result = _validate(tmp_path, "- Workforce\n- Good homes for all\n- Workforce\n")
    assert result.errors == ()
    assert _ids_titles(path) == [
        ("workforce", "Workforce", None),
        ("good-homes-for-all", "Good homes for all", None),
        ("workforce-2", "Workforce", None),
    ]
    # The repeated title is read (its id made unique) and warned about.
    assert len(result.warnings) == 2
    note, repeated = result.warnings
    assert repeated.endswith(
        "priorities[2].title: warning: the same title as priorities[0] (line 1)"
    )
    assert note.startswith(f"{path}:1:1: note: read a plain list")
    assert "named 'priorities.yaml' after its file" in note
    assert "workforce, good-homes-for-all, workforce-2" in note


def test_titles_as_keys_are_read_with_their_text_as_description(tmp_path: Path) -> None:
    text = (
        "Workforce: Grow and keep the health and care workforce.\n"
        "Housing:\n"
        "  keywords: [warm homes]\n"
        "Best start:\n"
        "  - Family hubs\n"
        "  - School readiness\n"
    )
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    framework = load_framework(path)
    assert framework.name == "priorities.yaml"
    assert [(p.id, p.parent) for p in framework.priorities] == [
        ("workforce", None),
        ("housing", None),
        ("best-start", None),
        ("family-hubs", "best-start"),
        ("school-readiness", "best-start"),
    ]
    assert framework.priority("workforce").description.startswith("Grow and keep")
    assert framework.priority("housing").keywords == ("warm homes",)
    assert any("note: read titles as keys" in w for w in result.warnings)


def test_ids_as_keys_are_read_as_ids_and_a_waiver_can_name_them(tmp_path: Path) -> None:
    # 'jobs: {title: Good jobs}' had the id 'good-jobs' derived from its title, the key
    # dropped, so a waiver naming 'jobs' named nothing; 'housing: Better housing' was a
    # priority titled 'housing' with 'Better housing' for its description.
    text = (
        "priorities:\n"
        "  jobs:\n    title: Good jobs\n    keywords: [apprenticeships]\n"
        "  housing: Better housing\n"
        "  P3: {title: Clean air}\n"
        "  Workforce: Grow and keep the health and care workforce.\n"
        "  best start: Family hubs in every town\n"
    )
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    assert _ids_titles(path) == [
        ("jobs", "Good jobs", None),
        ("housing", "Better housing", None),
        ("P3", "Clean air", None),
        ("workforce", "Workforce", None),
        ("best-start", "best start", None),
    ]
    framework = load_framework(path)
    assert framework.priority("jobs").keywords == ("apprenticeships",)
    assert framework.priority("housing").description == ""
    assert framework.priority("best-start").description == "Family hubs in every town"
    assert any("note: read ids as keys and titles as keys" in w for w in result.warnings)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers:\n  - priority: jobs\n    reason: agreed\n", encoding="utf-8")
    (waiver,) = load_waivers(waivers, framework).waivers
    assert waiver.priority_id == "jobs"


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("priorities:\n  - title: Title\n  - title: Name\n", ["title", "name"]),
        (
            "framework: {name: X, description: Our plan}\npriorities:\n  - title: Name\n"
            "  - title: Description\n",
            ["name", "description"],
        ),
    ],
)
def test_a_field_s_name_is_no_id_a_title_must_give_way_to(
    tmp_path: Path, text: str, ids: list[str]
) -> None:
    # Every 'name:' and 'title:' field was taken for an id written as a key, so priorities
    # titled 'Title' or 'Name' became 'title-2' and 'name-2' (a review).
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    assert [p[0] for p in _ids_titles(path)] == ids
    assert not any("start alike" in w for w in result.warnings)


def test_a_title_s_derived_id_does_not_take_an_id_written_as_a_key_below_it(
    tmp_path: Path,
) -> None:
    path, result = _validate(tmp_path, "Housing:\n  keywords: [damp]\nhousing: Better homes\n")
    assert result.errors == ()
    assert [p[0] for p in _ids_titles(path)] == ["housing-2", "housing"]


def test_priorities_given_as_a_mapping_or_without_ids_are_read(tmp_path: Path) -> None:
    text = (
        "framework: {name: Ours}\n"
        "priorities:\n"
        "  Clean air: Cut nitrogen dioxide near schools.\n"
        "  Active travel:\n"
        "    id: walk-cycle\n"
        "    description: More walking and cycling.\n"
    )
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    assert _ids_titles(path) == [
        ("clean-air", "Clean air", None),
        ("walk-cycle", "Active travel", None),
    ]


def test_a_derived_id_never_takes_an_id_the_file_gives(tmp_path: Path) -> None:
    text = "framework: {name: x}\npriorities:\n  - {id: housing, title: Homes}\n  - Housing\n"
    path, result = _validate(tmp_path, text)
    assert result.errors == ()
    assert [p.id for p in load_framework(path).priorities] == ["housing", "housing-2"]


def test_titles_that_share_their_first_words_keep_their_ids_when_reordered(
    tmp_path: Path,
) -> None:
    # Cut short, both were 'improving-the-mental-health-and', numbered in file order: the
    # ids swapped when the list was reordered, and a waiver followed the id to the other.
    children = "Improving the mental health and wellbeing of children and young people"
    adults = "Improving the mental health and wellbeing of working-age adults"
    ids = []
    for order in ((children, adults, "Reduce smoking"), (adults, children, "Reduce smoking")):
        path, result = _validate(tmp_path, "".join(f"- {title}\n" for title in order))
        assert result.errors == ()
        ids.append({p.title: p.id for p in load_framework(path).priorities})
    assert ids[0] == ids[1]
    path, result = _validate(tmp_path, f"- {children}\n- {adults}\n")
    assert any("2 titles start alike and take all their words" in n for n in result.warnings)
    assert (
        ids[0][children] == "improving-the-mental-health-and-wellbeing-of-children-and-young-people"
    )
    assert ids[0]["Reduce smoking"] == "reduce-smoking"


def test_a_framework_giving_every_id_is_not_copied_to_derive_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Copying a 300-priority framework to find that no id needs deriving took 0.4 s of every
    # cold run; a sub-priority without an id still needs the trial.
    import copy

    calls = []
    real = copy.deepcopy
    monkeypatch.setattr(copy, "deepcopy", lambda node: calls.append(1) or real(node))
    given = (
        "framework: {name: x}\npriorities:\n  - {id: homes, title: Homes}\n"
        "  - id: jobs\n    title: Jobs\n    priorities: [{id: skills, title: Skills}]\n"
    )
    path, _ = _validate(tmp_path, given)
    assert [p.id for p in load_framework(path).priorities] == ["homes", "jobs", "skills"]
    assert calls == []
    path, _ = _validate(tmp_path, given.replace("{id: skills, title: Skills}", "Skills"))
    assert [p.id for p in load_framework(path).priorities] == ["homes", "jobs", "skills"]
    assert calls


def test_derived_ids_are_stable_and_short() -> None:
    from alignck.shapes import derive_id

    assert derive_id("Give every child the best start in life") == (
        "give-every-child-the-best-start-in-life"
    )
    assert derive_id("Économie & santé: 2030!") == "economie-sante-2030"
    assert len(derive_id("word " * 40)) <= 40
    assert derive_id("!!!") == derive_id(" !!! ") != derive_id("???")
    assert derive_id("!!!").startswith("priority-")


def test_titles_with_no_ascii_word_keep_their_ids_when_reordered_and_are_warned_of(
    tmp_path: Path,
) -> None:
    # Greek titles were 'priority' and 'priority-2' in file order, swapped by a reordering;
    # and one among English priorities was a gap in every document without a word said.
    housing, health = "Στέγαση: Warm homes.", "Υγεία: Mental health support."
    ids = []
    for order in ((housing, health), (health, housing)):
        path, result = _validate(tmp_path, "".join(f"{line}\n" for line in order))
        assert result.errors == ()
        ids.append({p.title: p.id for p in load_framework(path).priorities})
    assert ids[0] == ids[1] and len(set(ids[0].values())) == 2
    _, mixed = _validate(
        tmp_path, "- id: homes\n  title: Warm homes\n- id: mh\n  title: Ψυχική υγεία\n"
    )
    said = [w for w in mixed.warnings if "has no word alignck can match on" in w]
    assert len(said) == 1 and "'Ψυχική υγεία'" in said[0] and "priorities[1]" in said[0]
    assert any("ids as given" in w for w in mixed.warnings)


def test_validate_says_a_title_of_words_every_strategy_uses_needs_meaning(
    tmp_path: Path,
) -> None:
    text = (
        "framework: {name: x}\npriorities:\n"
        "  - {id: g, title: Good work}\n  - {id: a, title: Clean air}\n"
    )
    _, result = _validate(tmp_path, text)
    assert (
        "'Good work' [g] has only its title to match on (words every strategy uses"
        in result.advice[0]
    )
    assert "with --matcher lexical every document leaves it a gap" in result.advice[0]
    assert "words every strategy uses" not in result.advice[1]


def test_validate_advises_on_priorities_with_only_a_title(tmp_path: Path) -> None:
    text = (
        "framework: {name: x}\npriorities:\n"
        "  - {id: w, title: Workforce}\n"
        "  - {id: h, title: Good homes, keywords: [warm homes]}\n"
        "  - {id: p, title: Parent, priorities: [{id: c, title: Child thing}]}\n"
    )
    path, result = _validate(tmp_path, text)
    assert result.errors == () and result.warnings == ()
    assert len(result.advice) == 2
    assert result.advice[0].startswith(f"{path}:3:5: priorities[0]: warning: priority")
    assert "'Workforce' [w] has only its title to match on (one word" in result.advice[0]
    assert "add a 'description'" in result.advice[0]
    # The same advice is given in full once (a framework of 150 indicators, most of them
    # titles alone, repeated it 47 times), then pointed back to.
    assert result.advice[1].endswith(
        "'Child thing' [c] has only its title to match on; add a description, keywords or "
        "aliases, as above"
    )


def test_a_misspelt_top_key_is_told_as_a_typo_not_read_as_a_title(tmp_path: Path) -> None:
    _, result = _validate(tmp_path, "framwork: {name: x}\npriorites:\n  - {id: a, title: A}\n")
    assert result.framework is None
    assert any("did you mean 'priorities'?" in e for e in result.errors)
    assert any("missing required key 'priorities'" in e for e in result.errors)
    # A title that only resembles a key is still a title.
    _, titles = _validate(tmp_path, "Priority 1: Keep people safe.\nWorkforce: Grow it.\n")
    assert titles.framework is not None and len(titles.framework.priorities) == 2


@pytest.mark.parametrize(
    ("key", "block"),
    [
        ("priority", ""),
        ("Priority", ""),
        ("PRIORITIES", ""),
        ("priorty", ""),
        ("priority", "framework: {name: x}\n"),
        ("Priority", "framework: {name: x}\n"),
    ],
)
def test_another_form_of_priorities_at_the_top_is_an_error_not_a_title(
    tmp_path: Path, key: str, block: str
) -> None:
    # Read as a title, 'priority:' became a priority named 'priority' that every document
    # saying the word addressed; under a 'framework:' block it was ignored with a warning.
    path, result = _validate(tmp_path, f"{block}{key}:\n  - id: a\n    title: Stop smoking\n")
    line = 2 if block else 1
    assert result.framework is None
    assert f"{path}:{line}:1: {key}: unknown key '{key}'; did you mean 'priorities'? (a " in (
        "\n".join(result.errors)
    )


def test_an_exclusion_that_would_stop_the_priority_s_own_words_is_warned_about(
    tmp_path: Path,
) -> None:
    # 'exclude: [housing]' under 'Better housing' made a plan promising better housing a gap.
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - id: homes\n    title: Better housing\n    keywords: [warm homes]\n"
        "    exclude: [Housing, car parking, warm home]\n",
    )
    assert result.errors == ()
    said = "passages that name the priority would never count for it"
    assert result.warnings == (
        f"{path}:6:15: priorities[0].exclude: warning: 'Housing' is in the priority's own "
        f"title 'Better housing': {said}",
        f"{path}:6:37: priorities[0].exclude: warning: 'warm home' is in the priority's own "
        f"keyword 'warm homes': {said}",
    )


def test_an_exclusion_is_warned_about_only_where_all_its_words_are_in_the_priority(
    tmp_path: Path,
) -> None:
    # 'place to work' was said to be in 'Good homes, good work and healthy places', its
    # content word 'place' alone compared; an exclusion of no words excludes nothing.
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - id: homes\n    title: Good homes, good work and healthy places\n"
        "    exclude: [place to work, '!!']\n",
    )
    assert result.errors == ()
    assert result.warnings == (
        f"{path}:5:30: priorities[0].exclude: warning: '!!' has no words, so it excludes nothing",
    )


def test_sister_priorities_worded_almost_alike_are_warned_about(tmp_path: Path) -> None:
    # Two boards' lists merged: each fell from aligned to partial, and validate said nothing.
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - {id: a, title: Improve mental health and emotional wellbeing}\n"
        "  - {id: b, title: Improve emotional wellbeing and mental health}\n"
        "  - {id: c, title: Stop smoking,\n"
        "     priorities: [{id: d, title: Stop smoking in pregnancy}]}\n"
        "  - {id: e, title: Mental health in the workplace}\n",
    )
    alike = [w for w in result.warnings if "worded almost" in w]
    assert alike == [
        f"{path}:4:5: priorities[1]: warning: worded almost as priorities[0] (line 3) is: a "
        "passage about one is as much about the other, so neither can be clearly committed to "
        "and both may fall to partial; say in each what tells it apart (who it is for, what "
        "it covers), or merge them"
    ]


def test_twin_titles_are_warned_about_whatever_their_descriptions_say(tmp_path: Path) -> None:
    # One twin described and the other not hid them; descriptions from one template made
    # priorities about different things look alike.
    template = "Work with partners so that people in these communities get fair access."
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - id: a\n    title: Reduce smoking for ethnic minority communities\n"
        f"    description: {template}\n"
        "  - id: b\n    title: Reduce smoking for all ethnic minority communities\n"
        "    keywords: [smoking, tobacco]\n"
        "  - id: c\n    title: Improve sexual health for ethnic minority communities\n"
        f"    description: {template}\n"
        "  - id: d\n    title: Reduce smoking for all ethnic minority communities\n",
    )
    alike = [w for w in result.warnings if "worded almost" in w]
    assert alike[0].startswith(
        f"{path}:6:5: priorities[1]: warning: worded almost as priorities[0]"
    )
    # Sexual health shares the template, not its title's subject.
    assert not [w for w in alike if "priorities[2]" in w]
    # The same title again is warned of as the same title, not as worded almost as it.
    assert not [w for w in alike if "as priorities[1]" in w]
    assert any("priorities[3].title: warning: the same title" in w for w in result.warnings)


def test_a_common_keyword_given_to_many_priorities_is_warned_of_without_a_flood(
    tmp_path: Path,
) -> None:
    # A framework merged from one template gave 'inequalities' to 41 priorities: 41 lines.
    topics = ["mental health", "oral health", "sexual health", "child health", "eye health"]
    items = "".join(
        f"  - id: p{n}\n    title: Improve {topic} inequalities\n    keywords: [inequalities]\n"
        for n, topic in enumerate(topics)
    )
    path, result = _validate(tmp_path, "framework: {name: X}\npriorities:\n" + items)
    said = [w for w in result.warnings if "'inequalities'" in w]
    assert len(said) == 3
    assert all("is in the wording of 4 of the framework's 5 priorities" in w for w in said[:2])
    assert said[2] == (
        f"{path}:11:16: priorities[2].keywords[0]: warning: 'inequalities' is given to 3 more "
        "priorities too, with the same problem (lines 11, 14, 17)"
    )


def test_a_key_of_the_whole_file_inside_a_priority_is_an_error(tmp_path: Path) -> None:
    # 'themes: false' indented under a priority was 'unknown key (ignored)': the themes
    # stayed on, as the reverse slip (a priority's key at the top) was refused.
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n  - id: a\n    title: Stop smoking\n"
        "    themes: false\n",
    )
    assert result.errors == (
        f"{path}:5:5: priorities[0].themes: 'themes' is a key of the whole file, inside a "
        "priority: move it to the top of the file, unindented",
    )
    # The same name as the author's own tag, another shape: ignored with a warning, as before.
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n  - id: a\n    title: Stop smoking\n"
        "    themes: [prevention]\n    framework: NHS Long Term Plan\n",
    )
    assert result.errors == ()
    assert [w.split(": warning: ")[1] for w in result.warnings if "unknown key" in w] == [
        "unknown key 'themes' (ignored)",
        "unknown key 'framework' (ignored)",
    ]


def test_a_title_pasted_with_its_curly_quotes_is_warned_about(tmp_path: Path) -> None:
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - {id: a, title: \u201cStop smoking\u201d, keywords: [smoking]}\n"
        "  - {id: b, title: The \u2018best start\u2019 in life, keywords: [early years]}\n"
        "  - {id: c, title: \u201cWarm\u201d homes and \u201cwarm streets\u201d}\n",
    )
    assert result.warnings == (
        f"{path}:3:20: priorities[0].title: warning: '\u201cStop smoking\u201d' is wrapped in "
        "curly quotes (pasted from Word?), which every report will show; remove them, or "
        "quote it with straight ones",
    )


def test_a_parent_s_exclusion_in_a_sub_priority_s_title_is_warned_about(tmp_path: Path) -> None:
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - id: homes\n    title: Homes\n    exclude: [housing]\n    priorities:\n"
        "      - {id: older, title: Better housing for older residents}\n",
    )
    assert result.errors == ()
    assert result.warnings == (
        f"{path}:7:9: priorities[0].priorities[0].title: warning: its parent's exclude "
        "'housing' is in this sub-priority's title: passages that name it would never count "
        "for it",
    )


def test_two_priorities_of_one_title_are_warned_about(tmp_path: Path) -> None:
    path, result = _validate(
        tmp_path,
        "framework: {name: X}\npriorities:\n"
        "  - id: a\n    title: Warm homes\n    description: Homes kept warm.\n"
        "  - id: b\n    title: warm  Homes\n    description: Homes kept warm in winter.\n",
    )
    assert result.errors == ()
    assert result.warnings == (
        f"{path}:7:12: priorities[1].title: warning: the same title as priorities[0] (line 4)",
    )


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "priorities:\n  - id: a\n    title: Priority 1: Best start in life\n",
            ":3:22: not valid YAML: mapping values are not allowed in this context; a value "
            "holding ': ' needs quotes",
        ),
        (
            "priorities:\n  - {id: a, title: A}\n---\npriorities:\n  - {id: b, title: B}\n",
            ":3:1: not valid YAML: but found another document (expected a single document in "
            "the stream); alignck reads one YAML document a file: remove the '---' line",
        ),
        (
            'priorities:\n  - id: a\n    title: "Healthy homes" for all\n',
            ":3:28: not valid YAML: did not find expected key (while parsing a block mapping); "
            "the value's quotes end before the rest of it: quote all of it "
            """(title: '"Healthy homes" for all')""",
        ),
        (
            """priorities:\n  - id: a\n    title: "Children's" health for all\n""",
            ":3:25: not valid YAML: did not find expected key (while parsing a block mapping); "
            "the value's quotes end before the rest of it: quote all of it "
            """(title: '"Children''s" health for all')""",
        ),
    ],
    ids=["colon in a title", "two documents", "a quote closing early", "a quote inside"],
)
def test_common_yaml_slips_say_what_to_do(tmp_path: Path, text: str, hint: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert result.framework is None
    assert result.errors[0].startswith(f"{path}{hint}")


@pytest.mark.parametrize(("name", "quoted"), [("joint.docx", "{}"), ("joint plan.docx", "'{}'")])
def test_a_strategy_document_given_as_the_framework_is_named_as_one(
    tmp_path: Path, name: str, quoted: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb3\x9c\xff")
    result = validate(path)
    # The command is quoted as a shell needs it, to be pasted as it stands.
    assert result.errors == (
        f"{path}: a ZIP archive (a Word .docx, perhaps), not a framework file; build a "
        f"framework from a strategy with: alignck init --from {quoted.format(path)}",
    )


def test_a_document_named_as_a_framework_is_told_its_name_before_init(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "priorities.yaml"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    # 'init --from priorities.yaml' would read it by its name, as YAML, and fail again.
    assert validate(path).errors == (
        f"{path}: a Word document, not a framework file; name it .docx, then build a "
        f"framework from it with: alignck init --from {tmp_path / 'priorities.docx'}",
    )
    workbook = tmp_path / "priorities.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    # init reads no workbook: it is only named.
    assert validate(workbook).errors == (f"{workbook}: an Excel workbook, not a framework file",)


def test_a_framework_or_waivers_file_saved_as_utf16_is_read(tmp_path: Path) -> None:
    # Windows PowerShell's '>' writes UTF-16 with a byte-order mark: 'alignck frameworks show
    # NAME > priorities.yaml' gave 'not UTF-8 text (byte 0xff)'.
    from alignck.model import Framework
    from alignck.waivers import load_waivers

    text = "framework: {name: x}\npriorities:\n  - id: a\n    title: Warm homes\n"
    path = tmp_path / "priorities.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    framework = load_framework(path)
    assert isinstance(framework, Framework) and framework.priority("a").title == "Warm homes"
    waivers = tmp_path / "waivers.yaml"
    waivers.write_bytes("waivers:\n  - priority: a\n    reason: Agreed.\n".encode("utf-16"))
    assert [w.priority_id for w in load_waivers(waivers, framework).waivers] == ["a"]


@pytest.mark.parametrize(
    ("pasted", "said"),
    [
        ("LW\u00a06", "(U+00A0 no-break space, character 3)"),
        ("LW\u20134", "(U+2013 en dash, character 3)"),
        ("-x", "(U+002D hyphen-minus, character 1)"),
    ],
)
def test_an_invalid_id_names_the_character_at_fault(tmp_path: Path, pasted: str, said: str) -> None:
    # Pasted from Word, a non-breaking space or an en dash looks like what it stands in for.
    _, result = _validate(tmp_path, f'priorities:\n  - {{id: "{pasted}", title: Housing}}\n')
    assert len(result.errors) == 1
    assert f"invalid id '{pasted}' {said}: start with" in result.errors[0]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "  \u2013 id: b",
            "line 4 starts with '\u2013' (U+2013), not a hyphen: a list item starts with '- '",
        ),
        ("  -id: b", "line 4: a list item needs a space after '-' ('- id: b')"),
    ],
)
def test_a_list_item_written_as_a_word_processor_leaves_it_is_named(
    tmp_path: Path, line: str, said: str
) -> None:
    path, result = _validate(
        tmp_path, f"priorities:\n  - id: a\n    title: A\n{line}\n    title: B\n"
    )
    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{path}:4:3: not valid YAML: ")
    assert result.errors[0].endswith(f"; {said}")


def test_a_keyword_item_without_its_space_and_a_pasted_non_breaking_indent_are_named(
    tmp_path: Path,
) -> None:
    # PyYAML spoke of a missing ':' and of a mapping on a later line, naming neither slip.
    keywords = "priorities:\n  - id: a\n    title: A\n    keywords:\n    -health visiting\n"
    path, result = _validate(tmp_path, keywords + "    - smoking\n")
    (error,) = result.errors
    assert error.startswith(f"{path}:5:5: not valid YAML: ")
    assert error.endswith("; line 5: a list item needs a space after '-' ('- health visiting')")
    path, result = _validate(tmp_path, "priorities:\n\u00a0 - id: a\n    title: A\n")
    assert result.errors == (
        f"{path}:2:1: not valid YAML: a non-breaking space (U+00A0) in the indentation (pasted "
        "from Word or a web page?); indent with ordinary spaces",
    )


def test_the_indent_and_dash_hints_keep_out_of_text_that_holds_them_rightly(
    tmp_path: Path,
) -> None:
    # A non-breaking space inside a block of text is its text, and '-free by 2030' continues
    # a value: both hints took over another slip's message (review).
    block = "      Our aims:\n      \u00a0\u00a0warm homes\n"
    text = f"priorities:\n  - id: a\n    description: |\n{block}    title: Priority 1: A\n"
    _, result = _validate(tmp_path, text)
    (error,) = result.errors
    assert "non-breaking" not in error and "a value holding ': ' needs quotes" in error
    text = "priorities:\n  - id: a\n    description: Make every site smoke\n      -free by 2030\n"
    _, result = _validate(tmp_path, text + "    title: Priority 1: A\n")
    (error,) = result.errors
    assert "list item" not in error and "a value holding ': ' needs quotes" in error


def test_a_text_cut_by_an_unquoted_hash_is_warned_of(tmp_path: Path) -> None:
    path, result = _validate(
        tmp_path,
        "priorities:\n  - id: a\n    title: Priority 3 #housing and homes\n"
        "    description: Warm homes.  # the board's note, set apart\n",
    )
    assert result.framework is not None
    assert result.framework.priorities[0].title == "Priority 3"
    assert [w for w in result.warnings if "#" in w] == [
        f"{path}:3:12: warning: 'Priority 3' is cut at ' #housing and homes': an unquoted "
        "' #' starts a YAML comment; quote the whole text to keep it "
        '("Priority 3 #housing and homes")'
    ]


def test_a_builtin_prefix_that_names_no_builtin_is_not_a_missing_file() -> None:
    result = validate(Path("builtin:nope"), "builtin:nope")
    assert result.errors[0].startswith("builtin:nope: no built-in framework of that name (")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_framework_saved_as_utf16_without_a_mark_is_read(tmp_path: Path, encoding: str) -> None:
    # YAML said 'unacceptable character #x0000' at 'position 1', with no line.
    path = tmp_path / "priorities.yaml"
    path.write_bytes("priorities:\n  - id: a\n    title: Best start\n".encode(encoding))
    assert [p.title for p in load_framework(path).priorities] == ["Best start"]


def test_keywords_and_aliases_that_match_every_priority_are_warned_of(tmp_path: Path) -> None:
    # A tester's Housing with keyword 'health' and another priority's title as an alias
    # was aligned in every document, the voluntary sector's included; validate said nothing.
    text = (
        "priorities:\n"
        "  - id: housing\n    title: Housing\n"
        "    keywords: [health, we will, warm homes]\n"
        "    aliases: [Tackle health inequalities]\n"
        "  - id: inequalities\n    title: Tackle health inequalities\n"
        "  - id: minds\n    title: Mental health\n"
        "  - id: weight\n    title: Healthy weight\n    description: Good health for all.\n"
    )
    _, result = _validate(tmp_path, text)
    warned = [w.split(": warning: ")[1] for w in result.warnings if ": warning: '" in w]
    assert warned == [
        "'health' is in the wording of 3 of the framework's 4 priorities: it matches whatever "
        "speaks of any of them; use a phrase partners use for this priority alone",
        "'we will' has no word that says what it is about: it matches anything",
        "'Tackle health inequalities' is the title of 'inequalities': it will match that priority",
    ]
    assert result.errors == ()


def test_nested_priorities_under_another_key_are_an_error_not_lost(tmp_path: Path) -> None:
    # An outcomes framework written with 'outcomes:' under each ambition lost every
    # outcome beneath it, with a warning and exit 0.
    text = (
        "framework: {name: ICS}\npriorities:\n"
        "  - id: A1\n    title: Start well\n    outcomes:\n"
        "      - {id: A1.1, title: Healthy pregnancy}\n"
        "      - {id: A1.2, title: School readiness}\n"
        "  - id: A2\n    title: Live well\n    tags: [adults]\n"
    )
    _, result = _validate(tmp_path, text)
    assert result.framework is None
    assert [e.split(": ", 1)[1] for e in result.errors] == [
        "priorities[0].outcomes: unknown key 'outcomes': nested priorities go under "
        "'priorities' (it holds 2 entries with a title or id; ignored, they would be lost)"
    ]
    # A list of plain words under an unknown key is still only ignored, with a warning; so is
    # a list of entries that are not shaped as priorities (a job title, a reference's id).
    assert any("unknown key 'tags' (ignored)" in w for w in result.warnings)
    _, kept = _validate(
        tmp_path,
        "framework: {name: ICS}\npriorities:\n  - id: A1\n    title: Start well\n"
        "    contacts: [{name: Jo Bloggs, title: Head of Housing}]\n"
        "    sources: [{id: ons-aps, url: 'https://example.org'}]\n",
    )
    assert kept.errors == ()
    assert [w.split("warning: ")[1] for w in kept.warnings if "unknown key" in w] == [
        "unknown key 'contacts' (ignored)",
        "unknown key 'sources' (ignored)",
    ]


def test_a_keyword_of_initials_joined_by_an_ampersand_is_not_warned_of(tmp_path: Path) -> None:
    text = (
        "framework: {name: ICS}\npriorities:\n"
        "  - id: urgent\n    title: Urgent care\n    keywords: [A&E, ambulance handover]\n"
        "  - id: homes\n    title: Warm homes\n"
        "  - id: minds\n    title: Mental health\n"
    )
    _, result = _validate(tmp_path, text)
    assert result.warnings == () and result.errors == ()


@pytest.mark.parametrize(
    ("key", "meant"),
    [("sub-priorities", "priorities"), ("subpriorities", "priorities"), ("exclusions", "exclude")],
)
def test_another_form_of_a_known_key_is_an_error_not_ignored(
    tmp_path: Path, key: str, meant: str
) -> None:
    # Warned of and ignored, the sub-priorities under it were dropped without a failure.
    _, result = _validate(
        tmp_path, f"priorities:\n  - id: a\n    title: Warm homes\n    {key}: [Insulation]\n"
    )
    assert any(f"unknown key '{key}'; did you mean '{meant}'?" in e for e in result.errors)


def test_a_priority_s_key_at_the_top_of_the_file_is_an_error(tmp_path: Path) -> None:
    # Its indentation slipped: warned of and ignored, the keywords were lost.
    _, result = _validate(
        tmp_path, "priorities:\n  - id: a\n    title: Warm homes\nkeywords: [damp]\n"
    )
    assert any(
        ":4:1: keywords: 'keywords' is a priority's key, at the top of the file" in e
        for e in result.errors
    )
    # An id too, which no framework has of its own (it was a warning, and the id derived).
    _, id_at_top = _validate(tmp_path, "priorities:\n  - title: Good work for all\nid: good-work\n")
    assert any("'id' is a priority's key, at the top of the file" in e for e in id_at_top.errors)
    # A rank of the partnership's own stays a warning.
    _, ranked = _validate(tmp_path, "priorities:\n  - {id: a, title: Warm homes, priority: high}\n")
    assert ranked.errors == () and any("unknown key 'priority'" in w for w in ranked.warnings)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # PyYAML's own words ran on past a literal '\\n' to '<unicode string>', position 16.
        (
            "priorities: [A]\n\x00\n",
            ":2:1: not valid YAML: the character U+0000 (control characters are not allowed)",
        ),
        # Counted past blank lines of tabs (emptied before parsing), it was put at 2:3.
        (
            "priorities: [A]\n \t\n \t\n\x00\n",
            ":4:1: not valid YAML: the character U+0000",
        ),
        # The key was shown as PyYAML's node objects.
        ("framework:\n  ? [x]\n  : y\npriorities: [A]\n", "framework.(a list): warning"),
        ("priorities: [A]\nthresholds: {aligned: .inf}\n", "between 0 and 1, got '.inf'"),
    ],
    ids=["a NUL byte", "a NUL byte after tab lines", "a list as a key", "infinity"],
)
def test_messages_say_what_is_wrong_in_the_file_s_own_terms(
    tmp_path: Path, text: str, said: str
) -> None:
    _, result = _validate(tmp_path, text)
    assert any(said in line for line in [*result.errors, *result.warnings])
    assert not any("ScalarNode" in line or "<unicode string>" in line for line in result.errors)


def test_a_strategy_given_as_the_framework_is_named_as_one(tmp_path: Path) -> None:
    # 'expected a mapping' at line 3 said nothing of the mix-up.
    path = tmp_path / "strategy.md"
    path.write_text("# Plan\n\nWe will build homes.\n", encoding="utf-8")
    assert validate(path).errors == (
        f"{path}: a document, not a framework file; build a framework from a strategy with: "
        f"alignck init --from {path}",
    )
    # One that is not even YAML got PyYAML's 'did not find expected <document start>'.
    path.write_text("# Plan\n\nWe will: run groups.\n\n- Befriending\n", encoding="utf-8")
    assert validate(path).errors[0].startswith(f"{path}: a document, not a framework file")
    # A framework saved as .txt with a slip in it is a framework, and gets its slip.
    framework = tmp_path / "framework.txt"
    framework.write_text("priorities:\n  - id: a\n    title: Priority 1: Smoking\n", "utf-8")
    assert "a value holding ': ' needs quotes" in validate(framework).errors[0]


def test_one_title_twice_is_not_said_to_be_titles_that_start_alike(tmp_path: Path) -> None:
    _, result = _validate(tmp_path, "- Warm homes\n- Warm homes\n")
    assert any("the same title as priorities[0]" in w for w in result.warnings)
    assert not any("titles start alike" in w for w in result.warnings)


def test_ids_that_differ_only_in_case_are_warned_of(tmp_path: Path) -> None:
    _, result = _validate(
        tmp_path, "priorities:\n  - {id: Housing, title: Homes}\n  - {id: housing, title: Jobs}\n"
    )
    assert result.errors == ()
    assert any(
        "id 'housing' differs only in case from 'Housing' (line 2)" in w for w in result.warnings
    )


def test_keys_of_the_partnership_s_own_stay_warnings(tmp_path: Path) -> None:
    # 'lead_id' was refused as a misspelt 'id', and a top-level 'description' as a
    # priority's key: frameworks that validated before were refused.
    _, result = _validate(
        tmp_path,
        "framework: {name: x, data_source: ONS}\ndescription: Our shared plan.\n"
        "priorities:\n  - {id: a, title: Warm homes, lead_id: 7, subtitle: Homes}\n",
    )
    assert result.errors == ()
    for key in ("data_source", "description", "lead_id", "subtitle"):
        assert any(f"unknown key '{key}'" in w for w in result.warnings), key


def test_a_blank_alias_and_a_missing_title_are_each_told_as_what_they_are(
    tmp_path: Path,
) -> None:
    # The blank alias was warned of as "'  ' is the title of 'c'", c having no title; and
    # 'title:' with nothing after it was called a missing key, though the key is there.
    path, result = _validate(
        tmp_path,
        "priorities:\n  - id: c\n    title:\n  - id: d\n    title: Warm homes\n"
        '    aliases: ["  "]\n  - id: e\n    title: Good jobs\n',
    )
    assert result.errors == (
        f"{path}:3:11: priorities[0].title: must not be empty",
        f"{path}:6:15: priorities[1].aliases[0]: must not be empty",
    )
    assert not any("aliases" in warning for warning in result.warnings)


def test_keywords_indented_into_a_block_description_are_an_error(tmp_path: Path) -> None:
    # The keywords were read as the description's last line and lost, with exit 0.
    path, result = _validate(
        tmp_path,
        "priorities:\n  - id: c\n    title: Housing\n    description: >\n"
        "      Homes that are warm and safe.\n      keywords: [damp, mould]\n"
        "      Outcome: fewer admissions.\n",
    )
    assert result.errors == (
        f"{path}:6:7: priorities[0].description: 'keywords: [damp, mould]' is read as more of "
        "the text of 'description': if it is this entry's 'keywords:', indent it as far as "
        "'description:' is",
    )


def test_keywords_indented_into_a_block_description_of_a_windows_file_are_an_error(
    tmp_path: Path,
) -> None:
    # A bare 'keywords:' line ended in '\r' and was not seen: the list went into the text.
    text = (
        "priorities:\n  - id: c\n    title: Housing\n    description: >\n"
        "      Homes that are warm.\n      keywords:\n        - damp\n"
    ).replace("\n", "\r\n")
    path = tmp_path / "priorities.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = validate(path)
    assert [e.split(": ", 1)[0] for e in result.errors] == [f"{path}:6:7"]


def test_a_version_read_as_a_comment_is_warned_of(tmp_path: Path) -> None:
    path, result = _validate(
        tmp_path, "framework:\n  name: X\n  version: #3\npriorities:\n  - {id: a, title: A}\n"
    )
    assert result.errors == ()
    assert (
        f"{path}:3:11: framework.version: warning: is empty ('#' after a space starts a "
        "comment, so '#3' was not read: write \"#3\")"
    ) in result.warnings


def test_a_value_read_as_a_comment_is_told_to_be_quoted(tmp_path: Path) -> None:
    # 'title: #1 priority' was 'must not be empty' with no word of the '#', and a description
    # or keyword opening with one went unread in silence.
    path, result = _validate(
        tmp_path,
        "priorities:\n  - id: c\n    title: #1 priority\n    description: #NoWrongDoor\n"
        "    keywords:\n      - #hashtag\n      - # none yet\n  - id: d\n    title:  # TODO\n",
    )
    taken = "('#' after a space starts a comment, so '{0}' was not read: write \"{0}\")"
    assert result.errors == (
        f"{path}:3:11: priorities[0].title: must not be empty {taken.format('#1 priority')}",
        f"{path}:6:8: priorities[0].keywords[0]: expected a string, got nothing (null) "
        + taken.format("#hashtag"),
        f"{path}:7:8: priorities[0].keywords[1]: expected a string, got nothing (null)",
        f"{path}:9:11: priorities[1].title: must not be empty",
    )
    assert (
        f"{path}:4:17: priorities[0].description: warning: is empty " + taken.format("#NoWrongDoor")
    ) in result.warnings


@pytest.mark.parametrize("title", ['"🏠"', "—", '"🚭 🚭"'])
def test_a_title_with_no_letter_or_digit_is_an_error(tmp_path: Path, title: str) -> None:
    # It was 'ok', with advice on its 'one word', though it could match nothing.
    path, result = _validate(
        tmp_path,
        f"priorities:\n  - id: a\n    title: {title}\n"
        "  - id: b\n    title: Warm homes\n    description: Damp.\n",
    )
    assert result.framework is None
    shown = title.strip('"')
    assert result.errors == (
        f"{path}:3:12: priorities[0].title: '{shown}' has no letter or digit: alignck matches a "
        "priority on the words of its title, and this one has none; write its name in words (a "
        "symbol may stay beside them)",
    )
    # Beside words, a symbol stays.
    _, beside = _validate(tmp_path, 'priorities:\n  - {id: a, title: "🏠 Warm homes"}\n')
    assert beside.errors == ()


def test_a_key_and_a_value_holding_a_colon_without_the_key_s_colon_is_an_error(
    tmp_path: Path,
) -> None:
    # It was a warning, "unknown key 'description Homes that are warm' (ignored)", and the
    # description was lost.
    path, result = _validate(
        tmp_path,
        "priorities:\n  - id: warm\n    title: Warm homes\n"
        "    description Homes that are warm: for all\n",
    )
    assert result.errors == (
        f"{path}:4:5: priorities[0].description: 'description' has no ':' after it; write "
        "'description: \"Homes that are warm: ...\"' (a value holding ': ' needs quotes)",
    )


def test_required_written_yes_or_on_is_required_and_no_or_off_is_not(tmp_path: Path) -> None:
    # YAML 1.1 reads yes/no and on/off as booleans; a framework written so must mean them.
    path = tmp_path / "priorities.yaml"
    path.write_text(
        "framework: {name: x}\npriorities:\n"
        "  - {id: a, title: Clean air, required: yes}\n"
        "  - {id: b, title: Warm homes, required: on}\n"
        "  - {id: c, title: Good jobs, required: no}\n"
        "  - {id: d, title: Green parks, required: off}\n",
        encoding="utf-8",
    )
    framework = load_framework(path)
    assert [(p.id, p.required) for p in framework.priorities] == [
        ("a", True),
        ("b", True),
        ("c", False),
        ("d", False),
    ]
    assert framework.warnings == ()


def test_thresholds_of_0_and_1_are_in_range(tmp_path: Path) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_text(
        "framework: {name: x}\npriorities: [{id: a, title: A}]\n"
        "thresholds: {aligned: 1, partial: 0}\n",
        encoding="utf-8",
    )
    framework = load_framework(path)
    assert framework.thresholds is not None
    assert (framework.thresholds.aligned, framework.thresholds.partial) == (1.0, 0.0)
    # Accepted, but a partial threshold of 0 calls everything partial: said.
    assert [w.split(": ", 1)[1] for w in framework.warnings] == [
        "thresholds.partial: warning: 0 is a very low probability: thresholds are the fitted "
        "decision's probabilities (default 0.5), and this calls nearly every priority partial"
    ]


@pytest.mark.parametrize(("partial", "warned"), [("0.2", False), ("0.19", True)])
def test_a_partial_threshold_below_0_2_is_warned_of_and_0_2_is_not(
    tmp_path: Path, partial: str, warned: bool
) -> None:
    path = tmp_path / "priorities.yaml"
    path.write_text(
        "framework: {name: x}\npriorities: [{id: a, title: A}]\n"
        f"thresholds: {{aligned: 0.6, partial: {partial}}}\n",
        encoding="utf-8",
    )
    said = [w for w in load_framework(path).warnings if "very low probability" in w]
    assert bool(said) is warned


_WORDS = ["health", "mental", "smoking", "homes", "warm", "children", "care"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS), min_size=0, max_size=7),
            st.lists(st.sampled_from(_WORDS), min_size=0, max_size=2),
            st.sampled_from([None, "a"]),
        ),
        max_size=16,
    )
)
# Alike, though each title's rarest word is not in the other: a prefix of the right length.
@example(
    [
        (["health", "mental"], ["smoking", "care"], None),
        (["health", "mental", "smoking"], ["care"], None),
        (["health"], [], "a"),
        (["mental", "health"], [], "a"),
    ]
)
def test_sisters_worded_alike_are_found_as_comparing_every_pair_finds_them(
    written: list[tuple[list[str], list[str], str | None]],
) -> None:
    # Only titles sharing a word of their prefixes are compared (a framework of 8,000
    # indicators compared every pair, 79 s): the same warnings as comparing every pair.
    from alignck.framework import _alike, _warn_of_sisters_worded_alike, _Wording
    from alignck.language import terms
    from alignck.yamlnodes import Findings

    wordings = []
    for position, (title, description, parent) in enumerate(written):
        text = " ".join(title)
        words = frozenset(terms(text) + terms(" ".join(description)))
        wording = _Wording(words, frozenset(terms(text)), text, f"p{position}", parent)
        wordings.append((wording, yaml.compose(f"p{position}"), f"priorities[{position}]"))
    findings = Findings("f.yaml")
    _warn_of_sisters_worded_alike(wordings, findings)
    said = [text for *_, text in findings.marked_warnings]
    found = [warning.split("worded almost as ")[1].split(" ")[0] for warning in said]
    expected = []
    for position, (here, *_) in enumerate(wordings):
        if len(here.words) < 3:
            continue
        first = next(
            (
                other.where
                for other, *_ in wordings[:position]
                if other.parent == here.parent and other.named != here.named and _alike(here, other)
            ),
            None,
        )
        if first is not None:
            expected.append(first)
    assert found == expected


@pytest.mark.parametrize(
    ("title", "said"),
    [
        (
            "!Warm homes for all",
            "write \"!Warm homes for all\" (unquoted, YAML reads '!Warm' as a tag",
        ),
        (
            "&Warm homes for all",
            "write \"&Warm homes for all\" (unquoted, YAML reads '&Warm' as an anchor",
        ),
    ],
)
def test_a_title_opening_with_a_tag_or_anchor_sign_is_refused_not_cut(
    tmp_path: Path, title: str, said: str
) -> None:
    # YAML took '!Warm' for a tag and '&Warm' for an anchor: the title lost its first word.
    path, result = _validate(tmp_path, f"priorities:\n  - id: homes\n    title: {title}\n")
    assert result.errors == (
        f"{path}:3:12: a value starting with '{title[0]}' needs quotes: {said} and drops it)",
    )
