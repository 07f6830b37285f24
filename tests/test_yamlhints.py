import re

import pytest
import yaml
from tests.conftest import within

from alignck.yamlhints import yaml_error
from alignck.yamlnodes import compose


def _said(text: str) -> str:
    try:
        compose(text, "f.yaml")
    except yaml.MarkedYAMLError as error:
        return yaml_error("f.yaml", error, text)
    raise AssertionError("the text is valid YAML")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # It said 'a value holding ': ' needs quotes', at line 2's 'id: a'.
        (
            "priorities\n  - id: a\n    title: Stop smoking\n",
            "f.yaml:1:11: not valid YAML: 'priorities' has no ':' after it; write 'priorities:'",
        ),
        (
            "framework\n  name: x\npriorities:\n  - {id: a, title: A}\n",
            "f.yaml:1:10: not valid YAML: 'framework' has no ':' after it; write 'framework:'",
        ),
        # It said 'could not find expected ':'', a line or more after the key.
        (
            "framework: {name: x}\npriorities\n\n  # ours\n  - id: a\n    title: A\n",
            "f.yaml:2:11: not valid YAML: 'priorities' has no ':' after it; write 'priorities:'",
        ),
        (
            "priorities:\n  - id: a\n    title: A\n    keywords\n    - damp\n",
            "f.yaml:4:13: not valid YAML: 'keywords' has no ':' after it; write 'keywords:'",
        ),
        # It said 'could not find expected ':' (while scanning a simple key that starts here)'.
        (
            "priorities:\n  - id: a\n    title Stop smoking\n    keywords: [x]\n",
            "f.yaml:3:10: not valid YAML: 'title' has no ':' after it; write 'title: Stop smoking'",
        ),
        (
            "priorities:\n  - id: a\n\n    # the name\n    title   Stop smoking  # ours\n",
            "f.yaml:5:10: not valid YAML: 'title' has no ':' after it; write 'title: Stop smoking'",
        ),
        # No key beside it at its indent: words, not a key without its ':'.
        (
            "priorities:\n  - id: a\n  title Stop smoking\n",
            "f.yaml:3:3: not valid YAML: could not find expected ':' (while scanning a simple "
            "key that starts here)",
        ),
    ],
    ids=[
        "above its list",
        "above its mapping",
        "above a comment",
        "above a dash",
        "key and text",
        "key and text after a comment",
        "words at another indent",
    ],
)
def test_a_key_without_its_colon_is_named_where_the_colon_belongs(text: str, said: str) -> None:
    assert _said(text) == said


@pytest.mark.parametrize(
    ("value", "written"),
    [
        # It said (title: "'Children's health'"), which keeps the quotes in the title.
        (
            "'Children's health'",
            "the ' inside ends the value: double it (title: 'Children''s health') or put the "
            """value in double quotes (title: "Children's health")""",
        ),
        (
            '"Say "no" to smoking"',
            """the " inside ends the value: write it \\" (title: "Say \\"no\\" to smoking") or """
            """put the value in single quotes (title: 'Say "no" to smoking')""",
        ),
    ],
    ids=["apostrophe", "double quotes"],
)
def test_a_quote_inside_a_value_quoted_whole_is_doubled_or_the_other_kind(
    value: str, written: str
) -> None:
    said = _said(f"priorities:\n  - id: a\n    title: {value}\n")
    assert said.endswith(f"(while parsing a block mapping); {written}")
    # What it suggests reads as the title meant, without quote marks of its own.
    suggested = re.findall(r"\((title: .*?)\)(?: or|$)", written)
    assert len(suggested) == 2
    assert all(yaml.safe_load(each)["title"] == value[1:-1] for each in suggested)


def test_two_quoted_phrases_in_a_value_are_quoted_whole_as_written() -> None:
    # It took the last quote for the end of one quoted value and suggested \" inside it,
    # which loads as 'Right care" for "everyone'.
    said = _said('priorities:\n  - id: a\n    title: "Right care" for "everyone"\n')
    (suggested,) = re.findall(r"\((title: .*?)\)", said)
    assert yaml.safe_load(suggested)["title"] == '"Right care" for "everyone"'


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # It said 5:7, the start of the next priority, with no word of the '['.
        (
            "priorities:\n  - id: a\n    keywords: [damp, mould\n    aliases: [cold]\n"
            "  - id: b\n    title: Jobs\n",
            "f.yaml:3:15: not valid YAML: did not find expected ',' or ']' (while parsing a flow "
            "sequence that starts here); the '[' is not closed on its line: end the list with ']'",
        ),
        (
            "priorities:\n  - {id: a, title: Warm homes\n  - {id: b, title: Jobs}\n",
            "f.yaml:2:5: not valid YAML: did not find expected ',' or '}' (while parsing a flow "
            "mapping that starts here); the '{' is not closed on its line: end the mapping with "
            "'}'",
        ),
        # A list that goes on over lines on purpose is not said to be unclosed; where it
        # opened is said all the same.
        (
            "priorities:\n  - id: a\n    keywords: [damp,\n      mould}\n",
            "f.yaml:4:12: not valid YAML: did not find expected ',' or ']' (while parsing a flow "
            "sequence that starts on line 3)",
        ),
    ],
    ids=["list", "mapping", "over lines"],
)
def test_an_unclosed_bracket_is_shown_where_it_opened(text: str, said: str) -> None:
    assert _said(text) == said


def test_a_key_run_into_a_long_line_is_answered_at_once() -> None:
    # The hint's pattern took time growing with the square of the line: 35 s at 40,000 spaces.
    text = "priorities:\n  - id: a\n    title a" + " " * 100_000 + ":\n    keywords: [x]\n"
    said = within(10, lambda: _said(text))
    assert said.startswith("f.yaml:3:5: not valid YAML: ")


def test_a_key_indented_as_far_as_its_item_s_dash_is_told_to_line_up_with_its_keys() -> None:
    # It said only "did not find expected '-' indicator", at the key.
    text = (
        "priorities:\n"
        "  - id: housing\n"
        "    title: Housing\n"
        "  description: >\n"
        "      Everyone lives in a warm, safe home.\n"
        "  - id: weight\n"
        "    title: Healthy weight\n"
    )
    assert _said(text) == (
        "f.yaml:4:3: not valid YAML: did not find expected '-' indicator (while parsing a "
        "block collection); 'description:' is 2 spaces in, as far as the '-' of the list item "
        "on line 2, whose keys are 4 in; indent it as they are"
    )
    # An item written with more room after its '-' says so.
    wide = text.replace("  - id: housing\n    title", "  -   id: housing\n      title")
    assert "whose keys are 6 in" in _said(wide)


def test_a_key_under_a_list_of_plain_values_is_not_told_to_line_up_with_keys_it_has_not() -> None:
    # The hint said "whose keys are 8 in" of a '- safe' item, which has none.
    text = (
        "priorities:\n"
        "  - id: housing\n"
        "    title: Housing\n"
        "    keywords:\n"
        "      - warm\n"
        "      - safe\n"
        "      description: Everyone lives in a warm home.\n"
    )
    assert "whose keys are" not in _said(text)


# Each line as a person writes it, the hint alignck gives, and the value they meant: the
# written form the hint suggests must read back as that value.
_NEEDS_QUOTES = [
    ("title: @home care", "3:12", "title: \"@home care\" (unquoted, YAML reserves '@')"),
    ("title: `NHS App` first", "3:12", "title: \"`NHS App` first\" (unquoted, YAML reserves '`')"),
    ("title: %20 more homes", "3:12", "title: \"%20 more homes\" (unquoted, YAML reads '%' as"),
    ("title: [Draft] Housing", "3:12", "title: \"[Draft] Housing\" (unquoted, YAML reads '['"),
    ("title: {Draft} Housing", "3:12", "title: \"{Draft} Housing\" (unquoted, YAML reads '{'"),
    ("title: > 5 a day", "3:12", "title: \"> 5 a day\" (unquoted, YAML reads '>' as a block"),
    ("title: | Housing  # ours", "3:12", "title: \"| Housing\" (unquoted, YAML reads '|'"),
    ("title: - Housing", "3:12", "title: \"- Housing\" (unquoted, YAML reads '- ' as a list"),
]


@pytest.mark.parametrize(("line", "place", "said"), _NEEDS_QUOTES)
def test_a_value_opening_with_yaml_syntax_is_told_to_be_quoted(
    line: str, place: str, said: str
) -> None:
    # PyYAML said 'found character that cannot start any token', 'did not find expected key'
    # or 'block sequence entries are not allowed in this context', never 'quote it'.
    text = f"priorities:\n  - id: a\n    {line}\n    keywords: [x]\n"
    message = _said(text)
    assert message.startswith(f"f.yaml:{place}: not valid YAML: a value starting with '")
    assert f"needs quotes: write {said}" in message
    written = re.search(r"write (title: \".*?\") \(unquoted", message)
    assert written is not None
    fixed = yaml.safe_load(text.replace(line, written.group(1)))
    meant = line.removeprefix("title: ").split("  #")[0]
    assert fixed["priorities"][0]["title"] == meant


def test_a_list_item_opening_with_yaml_syntax_is_told_to_be_quoted() -> None:
    text = "priorities:\n  - id: a\n    title: A\n    keywords:\n      - @home\n"
    assert _said(text) == (
        "f.yaml:5:9: not valid YAML: a value starting with '@' needs quotes: write - \"@home\" "
        "(unquoted, YAML reserves '@')"
    )


def test_a_list_left_open_is_not_told_to_be_quoted() -> None:
    text = "priorities:\n  - id: a\n    title: A\n    keywords: [damp, mould\n    id: b\n"
    assert "needs quotes" not in _said(text)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("title:Give children the best start", "write 'title: Give children the best start'"),
        ("title:Housing", "write 'title: Housing'"),
    ],
)
def test_a_key_run_into_its_value_is_told_to_take_a_space(line: str, said: str) -> None:
    # It said 'could not find expected ':' (while scanning a simple key that starts here)'.
    text = f"priorities:\n  - id: a\n    {line}\n    keywords: [x]\n"
    assert (
        _said(text) == f"f.yaml:3:10: not valid YAML: 'title:' needs a space after its ':'; {said}"
    )


def test_a_colon_in_prose_without_a_key_beside_it_is_not_called_a_key() -> None:
    text = "priorities:\n  - id: a\n    title: A\n  note:see below\n"
    assert "needs a space" not in _said(text)


@pytest.mark.parametrize(
    ("line", "column", "written"),
    [
        ('document: "C:\\Users\\me\\plan.docx"', 18, "document: 'C:\\Users\\me\\plan.docx'"),
        ('document: "D:\\plans\\draft.pdf"  # ours', 18, "document: 'D:\\plans\\draft.pdf'"),
    ],
)
def test_a_backslash_in_double_quotes_is_told_to_use_single_quotes(
    line: str, column: int, written: str
) -> None:
    # It said 'found unknown escape character' or 'did not find expected hexdecimal number'.
    text = f"waivers:\n  - priority: a\n    {line}\n    reason: agreed\n"
    message = _said(text)
    assert message.startswith(f"f.yaml:3:{column}: not valid YAML: in double quotes a backslash")
    assert message.endswith(f"({written})")
    fixed = yaml.safe_load(text.replace(line, written))
    assert fixed["waivers"][0]["document"] == line.split('"')[1]


@pytest.mark.parametrize(("line", "_place", "said"), _NEEDS_QUOTES)
def test_the_hints_hold_with_pyyaml_s_own_parser_too(line: str, _place: str, said: str) -> None:
    # They matched libyaml's words only; PyYAML's own parser, used where libyaml is not
    # installed, words the same slips otherwise (a review).
    text = f"priorities:\n  - id: a\n    {line}\n    keywords: [x]\n"
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.compose(text, Loader=yaml.SafeLoader)
    assert f"needs quotes: write {said}" in yaml_error("f.yaml", raised.value, text)


def test_a_list_item_opening_with_a_bracket_is_told_to_be_quoted() -> None:
    # libyaml's 'did not find expected '-' indicator' led to advice to line up the dashes.
    text = "priorities:\n  - id: a\n    title: A\n    keywords:\n      - [Draft] home\n      - x\n"
    assert _said(text).endswith(
        "a value starting with '[' needs quotes: write - \"[Draft] home\" (unquoted, YAML "
        "reads '[' as a list)"
    )


@pytest.mark.parametrize(
    ("line", "written", "meant"),
    [
        ("title:#1 priority", 'title: "#1 priority"', "#1 priority"),
        ("title:[Draft] Housing", 'title: "[Draft] Housing"', "[Draft] Housing"),
        ("title:@home", 'title: "@home"', "@home"),
        # Quoted already, or with a comment of its own: as written (a review).
        ('title:"Housing"', 'title: "Housing"', "Housing"),
        ("title:'Warm homes'", "title: 'Warm homes'", "Warm homes"),
        ("title:Warm homes # our wording", "title: Warm homes # our wording", "Warm homes"),
        # A '#' inside quotes is the value's; ' #' starts a comment with or without a space
        # after it (a third review).
        ('title:"Housing # 1"', 'title: "Housing # 1"', "Housing # 1"),
        ("title:Warm homes #draft", "title: Warm homes #draft", "Warm homes"),
    ],
)
def test_a_key_run_into_a_value_that_needs_quotes_is_told_to_quote_it(
    line: str, written: str, meant: str
) -> None:
    # 'write title: #1 priority' lost the title to a comment (a review).
    text = f"priorities:\n  - id: a\n    {line}\n    keywords: [x]\n"
    assert _said(text).endswith(f"needs a space after its ':'; write '{written}'")
    fixed = yaml.safe_load(text.replace(line, written))
    assert fixed["priorities"][0]["title"] == meant


def test_a_backslash_already_doubled_is_not_told_to_go_in_single_quotes() -> None:
    text = 'waivers:\n  - priority: a\n    document: "C:\\\\Users\\me\\plan.docx"\n'
    message = _said(text)
    assert "in double quotes a backslash starts an escape" in message
    assert "'C:" not in message
