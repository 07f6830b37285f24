"""Building a starter framework from a joint strategy we wrote for the test."""

from pathlib import Path

import pytest
import yaml

from alignck.errors import UsageError
from alignck.framework import load_framework, validate
from alignck.from_strategy import framework_from_strategy

JOINT_STRATEGY = """\
# Harbourside Joint Health and Wellbeing Strategy 2026-2031

The council, the hospital trust, the integrated care board and the voluntary sector agreed
this strategy together.

## Our priorities

### Healthy homes for every family

We will make homes warm, dry and affordable, and help landlords fix damp and mould.

### Good work and fair pay

Partners will create good jobs, pay the real living wage and help people back into work.

### Mental wellbeing in every community

We will cut waiting times for talking therapies.

#### Support for young people

Every secondary school will offer counselling.

#### Support for older people

Befriending schemes will reach people who live alone.

## How we will work together

We will share data and pool budgets.
"""


@pytest.fixture
def strategy(tmp_path: Path) -> Path:
    path = tmp_path / "joint-strategy.md"
    path.write_text(JOINT_STRATEGY, encoding="utf-8")
    return path


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "priorities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_stated_priorities_become_the_framework(strategy: Path, tmp_path: Path) -> None:
    path = _written(tmp_path, framework_from_strategy(strategy))
    result = validate(path)
    assert result.errors == () and result.warnings == ()
    framework = load_framework(path)
    assert framework.name == "Harbourside Joint Health and Wellbeing Strategy 2026-2031"
    assert [(p.id, p.title, p.parent) for p in framework.priorities] == [
        ("healthy-homes-for-every-family", "Healthy homes for every family", None),
        ("good-work-and-fair-pay", "Good work and fair pay", None),
        ("mental-wellbeing-in-every-community", "Mental wellbeing in every community", None),
        (
            "support-for-young-people",
            "Support for young people",
            "mental-wellbeing-in-every-community",
        ),
        (
            "support-for-older-people",
            "Support for older people",
            "mental-wellbeing-in-every-community",
        ),
    ]


def test_the_text_under_each_priority_is_its_description(strategy: Path, tmp_path: Path) -> None:
    framework = load_framework(_written(tmp_path, framework_from_strategy(strategy)))
    assert framework.priority("good-work-and-fair-pay").description == (
        "Partners will create good jobs, pay the real living wage and help people back into work."
    )
    # The parent's description stops where its sub-priorities begin.
    assert framework.priority("mental-wellbeing-in-every-community").description == (
        "We will cut waiting times for talking therapies."
    )


SUMMARY_THEN_SECTIONS = """\
# Eastmere Council Plan 2026-2030

## Our priorities

We will focus on three priorities:

- Give every child a good start
- Warm and safe homes
- A fairer local economy

## Priority 1: Give every child a good start

We will open family hubs. Over four years we will:

- train 40 new health visitors
- offer free places for two-year-olds

### Early help

Families will get help before problems grow.

## Goal 2 - Warm and safe homes

We will insulate 2,000 homes.

## A fairer local economy for all

A heading that only begins like a priority is not its section.
"""


def test_a_listed_priority_takes_its_own_section_as_its_description(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text(SUMMARY_THEN_SECTIONS, encoding="utf-8")
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    assert framework.priority("give-every-child-a-good-start").description == (
        "We will open family hubs. Over four years we will: train 40 new health visitors; "
        "offer free places for two-year-olds"
    )
    # Its section's own headings are its sub-priorities.
    assert [p.title for p in framework.priorities if p.parent] == ["Early help"]
    assert framework.priority("warm-and-safe-homes").description == (
        "We will insulate 2,000 homes."
    )
    assert not framework.priority("a-fairer-local-economy").description


def test_the_header_and_comments_say_where_each_came_from(strategy: Path) -> None:
    text = framework_from_strategy(strategy)
    assert text.startswith("# yaml-language-server: $schema=file://")
    assert "from the priorities joint-strategy.md states" in text
    assert "# paragraph 6, under '" in text
    data = yaml.safe_load(text)
    assert data["framework"]["source"] == str(strategy)


def test_a_document_stating_no_priorities_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("Minutes of the meeting.\n\nThe chair opened it.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no stated priorities found"):
        framework_from_strategy(path)


def test_quotes_and_colons_in_titles_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\n## Our priorities\n\n- 'Start well': #1 for us\n- Live well: key: yes\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(path)))
    first = framework.priorities[0]
    assert (first.id, first.title, first.description) == ("start-well", "Start well", "#1 for us")
    assert framework.priorities[1].title == "Live well: key: yes"


def test_priorities_stated_under_a_priority_heading_nest_beneath_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\n## Our priorities\n\n### Start well\n\nOur priorities here are:\n\n"
        "- Family hubs in every town\n- Health visiting for every family\n\n"
        "### Age well\n\nWe will help people stay independent.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(path)))
    parents = {p.title: p.parent for p in framework.priorities}
    assert parents["Start well"] is None and parents["Age well"] is None
    assert parents["Family hubs in every town"] == "start-well"


def test_a_priority_s_parts_are_not_also_its_description(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\n## Our priorities\n\n### Start well\n\nEvery child thrives. Our aims are:\n\n"
        "- Family hubs in every town\n- Health visiting for every family\n\n"
        "### Age well\n\nWe will help people stay independent.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(path)))
    parts = {p.title: p.parent for p in framework.priorities if p.parent}
    assert parts == {
        "Family hubs in every town": "start-well",
        "Health visiting for every family": "start-well",
    }
    # Each part once, as a sub-priority: the parent keeps only what is its own, without the
    # lead-in to the parts (a dangling 'Our aims are:').
    assert framework.priority("start-well").description == "Every child thrives."


def test_named_items_under_a_listed_priority_s_own_section_are_its_parts(tmp_path: Path) -> None:
    # Listed in a summary, then given a section whose list names its parts ('Healthy
    # pregnancies: support mothers ...'): the parts were folded into the description.
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\n## Our priorities\n\n1. Start well\n2. Age well\n\n"
        "## Priority 1: Start well\n\nEvery child thrives.\n\n"
        "- Healthy pregnancies: support mothers to stop smoking in pregnancy.\n"
        "- School readiness: more children ready for school at five.\n\n"
        "## Priority 2: Age well\n\n- We will open two day centres.\n- We will fund befriending.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(path)))
    parts = {p.title: (p.parent, p.description) for p in framework.priorities if p.parent}
    assert parts == {
        "Healthy pregnancies": ("start-well", "support mothers to stop smoking in pregnancy."),
        "School readiness": ("start-well", "more children ready for school at five."),
    }
    assert framework.priority("start-well").description == "Every child thrives."
    # A list of actions names no parts: it stays the description.
    assert "day centres" in framework.priority("age-well").description


def test_a_table_row_describes_its_priority(tmp_path: Path, make_document) -> None:  # type: ignore[no-untyped-def]
    # A delivery table's priorities take the row's describing cells, not its lead's name.
    rows = [
        ["Priority", "What we will do", "Lead"],
        ["Support unpaid carers", "We will open a carers hub in the city centre.", "Adult care"],
        ["Reduce smoking", "We will fund a stop smoking service in every practice.", "NHS"],
    ]
    blocks = [("h1", "Harbourside Plan"), ("h2", "How we will deliver"), ("table", rows)]
    for name in ("plan.docx", "plan.md"):
        source = make_document(name, blocks)
        framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
        assert framework.priority("support-unpaid-carers").description == rows[1][1], name
        assert framework.priority("reduce-smoking").description == rows[2][1], name


def test_an_outcome_in_a_priority_s_row_is_its_description_not_a_part(
    tmp_path: Path,
    make_document,  # type: ignore[no-untyped-def]
) -> None:
    # A table of outcomes: the outcome beside a priority describes it; extraction nests it
    # under the priority, and it was both the description and a sub-priority.
    rows = [
        ["Priority", "Outcome", "Measure"],
        ["Healthy ageing", "More older people stay independent at home", "Falls"],
        ["Warm homes", "Fewer households live in fuel poverty", "Homes insulated"],
    ]
    for name, framework in _from_outcome_table(tmp_path, make_document, rows):
        assert [p.id for p in framework.priorities] == ["healthy-ageing", "warm-homes"], name
        assert framework.priority("healthy-ageing").description == rows[1][1], name


def _from_outcome_table(tmp_path: Path, make_document, rows: list[list[str]]):  # type: ignore[no-untyped-def]
    """(name, framework) for a plan whose outcomes table is ``rows``, in Word and Markdown."""
    blocks = [("h1", "Harbourside Plan"), ("h2", "Our outcomes"), ("table", rows)]
    for name in ("plan.docx", "plan.md"):
        source = make_document(name, blocks)
        yield name, load_framework(_written(tmp_path, framework_from_strategy(source)))


def test_a_priority_beside_two_rows_of_outcomes_is_described_by_both(
    tmp_path: Path,
    make_document,  # type: ignore[no-untyped-def]
) -> None:
    # Its cell merged down (or left blank) beside a second outcome: the second was lost.
    rows = [
        ["Priority", "Outcome", "Measure"],
        ["Healthy ageing", "More older people stay independent at home", "Falls"],
        ["", "Fewer older people feel lonely or isolated", "Survey"],
        ["Warm homes", "Fewer households live in fuel poverty", "Homes insulated"],
    ]
    for name, framework in _from_outcome_table(tmp_path, make_document, rows):
        assert [p.id for p in framework.priorities] == ["healthy-ageing", "warm-homes"], name
        assert framework.priority("healthy-ageing").description == (
            "More older people stay independent at home; Fewer older people feel lonely or isolated"
        ), name
        assert framework.priority("warm-homes").description == rows[3][1], name


def test_sub_headings_every_priority_repeats_are_its_sections_not_its_parts(
    tmp_path: Path,
) -> None:
    # Each priority's section laid out the same way: 'What we know', 'What we will do' were
    # made sub-priorities of every priority, and the priorities lost their descriptions.
    source = tmp_path / "plan.md"
    source.write_text(
        "# Harbourside Plan\n\n"
        "## Priority 1: Start well\n\n### What we know\n\nOne child in five is not ready "
        "for school.\n\n### What we will do\n\nWe will open four family hubs.\n\n"
        "## Priority 2: Age well\n\n### What we know\n\nFalls are rising.\n\n"
        "### What we will do\n\nWe will expand reablement.\n\n"
        "### Staying independent at home\n\nWe will adapt 500 homes.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    start, age = framework.priority("start-well"), framework.priority("age-well")
    assert start.description == (
        "One child in five is not ready for school. We will open four family hubs."
    )
    assert "what-we-know" not in {p.id for p in framework.priorities}
    # A sub-heading of one priority alone is still its part, and not its description.
    assert [p.id for p in framework.priorities if p.parent == "age-well"] == [
        "staying-independent-at-home"
    ]
    assert age.description == "Falls are rising. We will expand reablement."


def test_items_listed_under_a_priority_s_item_are_its_sub_priorities(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text(
        "# Harbourside Plan\n\n## Our priorities\n\nWe have agreed two priorities:\n\n"
        "1. Warm and safe homes\n"
        "   1. Tackle damp and mould in rented homes\n"
        "   2. Bring empty homes back into use\n"
        "2. Good jobs for local people\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    homes = next(p for p in framework.priorities if p.title == "Warm and safe homes")
    assert [p.title for p in framework.priorities if p.parent == homes.id] == [
        "Tackle damp and mould in rented homes",
        "Bring empty homes back into use",
    ]


def test_an_id_cut_short_does_not_end_on_a_linking_word(tmp_path: Path) -> None:
    # 'reduce-harm-from-alcohol-drugs-and' was shown as the priority's id in every report.
    path = tmp_path / "joint.md"
    path.write_text(
        "# Joint strategy\n\n## Our priorities\n\n"
        "- Reduce harm from alcohol, drugs and violence in our towns\n"
        "- Make sure everyone has a warm, safe and affordable home\n"
        "- Good work and fair pay\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(path)))
    assert [p.id for p in framework.priorities] == [
        "reduce-harm-from-alcohol-drugs",
        "make-sure-everyone-has-a-warm-safe",
        "good-work-and-fair-pay",
    ]


def test_the_sentences_under_each_named_item_describe_it(tmp_path: Path) -> None:
    source = tmp_path / "alliance.txt"
    source.write_text(
        "Our three priorities\n\n"
        "1. Tackle loneliness\nWe will train 300 volunteer befrienders.\n\n"
        "2. Help people home from hospital\nOur service will support 1,500 people a year.\n\n"
        "3. Respond to the cost of living\nWe will expand food banks and debt advice.\n\n"
        "Background\n\nDemand has never been higher.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    assert [(p.title, p.description) for p in framework.priorities] == [
        ("Tackle loneliness", "We will train 300 volunteer befrienders."),
        ("Help people home from hospital", "Our service will support 1,500 people a year."),
        ("Respond to the cost of living", "We will expand food banks and debt advice."),
    ]


def test_the_paragraph_after_a_list_of_names_does_not_describe_its_last(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text(
        "# Dale Plan\n\n## Our priorities\n\n- Warm homes\n- Good jobs\n- Clean air\n\n"
        "We will report on all three every year.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    assert [p.description for p in framework.priorities] == ["", "", ""]


def test_a_listed_priority_takes_the_section_that_numbers_it_in_fewer_words(
    tmp_path: Path,
) -> None:
    source = tmp_path / "plan.md"
    source.write_text(
        "# Housing plan\n\n## Our priorities\n\nWe will focus on three priorities:\n\n"
        "1. Better homes for older people\n2. Ending rough sleeping\n"
        "3. Warmer, greener homes\n\n## Priority 1: Better homes\n\n"
        "We will adapt 500 homes.\n\n## Priority 3: Warmer homes\n\n"
        "We will insulate 1,000 homes.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    assert [p.title for p in framework.priorities] == [
        "Better homes for older people",
        "Ending rough sleeping",
        "Warmer, greener homes",
    ]
    assert framework.priority("better-homes-for-older-people").description == (
        "We will adapt 500 homes."
    )
    assert framework.priority("warmer-greener-homes").description == (
        "We will insulate 1,000 homes."
    )


# A joint strategy's summary table of two priorities, each described by its row.
_TABLE_OF_PRIORITIES = (
    "# Joint strategy\n\n## Our shared priorities\n\n"
    "| Priority | What it means |\n|---|---|\n"
    "| Start well | Every child has the best start in life, from pregnancy on. |\n"
    "| Age well | Older people stay independent in their own homes for longer. |\n\n"
)


def test_a_priority_described_in_a_summary_table_keeps_the_parts_its_section_heads(
    tmp_path: Path,
) -> None:
    # Its row's cells describe it; the headings under its own section were left out.
    source = tmp_path / "plan.md"
    source.write_text(
        _TABLE_OF_PRIORITIES + "## Start well\n\nWe will open family hubs in every district.\n\n"
        "### School readiness\n\nWe want 75% of children ready for school by 2031.\n\n"
        "## Age well\n\nWe will expand reablement.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    start = framework.priority("start-well")
    assert start.description == "Every child has the best start in life, from pregnancy on."
    assert [(p.title, p.parent) for p in framework.priorities if p.parent] == [
        ("School readiness", "start-well")
    ]


def test_an_appendix_named_after_a_priority_is_not_its_section(tmp_path: Path) -> None:
    # 'Appendix: Age well' gave the table's 'Age well' its data tables and glossary as parts.
    source = tmp_path / "plan.md"
    source.write_text(
        _TABLE_OF_PRIORITIES
        + "## Appendix: Age well\n\n### Data tables\n\nFigures.\n\n### Glossary\n\nTerms.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(source)))
    assert [p.title for p in framework.priorities] == ["Start well", "Age well"]


def test_case_studies_deep_in_a_priority_s_section_are_not_its_parts(tmp_path: Path) -> None:
    # Headings two levels down, after the section's own text, are no parts: extract already
    # read them so; init --from took them as sub-priorities.
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\n## Our priorities\n\n### Warm homes\n\nWe will insulate 2,000 homes.\n\n"
        "We will fit 500 heat pumps.\n\n##### Case study: a new boiler for Jane\n\n"
        "Jane's boiler was replaced in a day.\n\n"
        "### Good jobs\n\nWe will create 300 apprenticeships.\n",
        encoding="utf-8",
    )
    framework = load_framework(_written(tmp_path, framework_from_strategy(path)))
    assert [p.title for p in framework.priorities] == ["Warm homes", "Good jobs"]
