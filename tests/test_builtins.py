from pathlib import Path

import pytest

from alignck.builtins import PREFIX, describe, locate, names, text_of
from alignck.framework import load_framework, validate

EXPECTED_IDS = {
    "core20plus5-adults": [
        "maternity",
        "severe-mental-illness",
        "chronic-respiratory-disease",
        "early-cancer-diagnosis",
        "hypertension-case-finding",
    ],
    "core20plus5-cyp": ["asthma", "diabetes", "epilepsy", "oral-health", "mental-health"],
    "ics-core-purposes": [
        "population-health-outcomes",
        "tackle-inequalities",
        "productivity-value",
        "social-economic-development",
    ],
    "marmot-principles": [
        "best-start-in-life",
        "capabilities-and-control",
        "fair-employment-good-work",
        "healthy-standard-of-living",
        "healthy-sustainable-places",
        "ill-health-prevention",
        "tackle-racism-discrimination",
        "sustainability-health-equity",
    ],
    "ten-year-health-plan": [
        "hospital-to-community",
        "analogue-to-digital",
        "sickness-to-prevention",
    ],
    "sdgs": [f"SDG{n}" for n in range(1, 18)],
}


def test_every_built_in_framework_is_expected() -> None:
    assert names() == sorted(EXPECTED_IDS)


@pytest.mark.parametrize("name", sorted(EXPECTED_IDS))
def test_each_built_in_loads_validates_and_keeps_its_ids(name: str) -> None:
    located = locate(Path(name))
    assert located.shown == f"{PREFIX}{name}"
    result = validate(located.path, located.shown)
    assert result.errors == () and result.warnings == ()
    framework = load_framework(located.path, located.shown)
    assert [p.id for p in framework.priorities] == EXPECTED_IDS[name]
    assert framework.path == f"{PREFIX}{name}"


@pytest.mark.parametrize("item", describe(), ids=lambda item: item.name)
def test_each_built_in_names_its_source_and_licence(item) -> None:  # type: ignore[no-untyped-def]
    assert item.source.startswith("https://")
    assert item.licence.strip()
    assert item.priorities == len(EXPECTED_IDS[item.name])
    assert f"source: {item.source}" in (text_of(item.name) or "")


def test_the_sdgs_carry_their_targets() -> None:
    framework = load_framework(locate(Path("sdgs")).path)
    goal = framework.priority("SDG3")
    assert goal.title.startswith("Good health and well-being")
    assert "maternal mortality" in goal.description


@pytest.mark.parametrize(
    ("goal", "earlier", "later"),
    [
        # 8.9 before 8.10 before 8.a: the targets had been sorted as text (8.1, 8.10, 8.2).
        ("SDG8", "promote sustainable tourism", "Strengthen the capacity of domestic financial"),
        ("SDG8", "Strengthen the capacity of domestic financial", "Increase Aid for Trade"),
        ("SDG16", "provide legal identity for all", "Ensure public access to information"),
        ("SDG16", "Ensure public access to information", "Strengthen relevant national"),
        ("SDG17", "Enhance international support for implementing", "Promote a universal, rules"),
        ("SDG17", "Strengthen domestic resource mobilization", "Developed countries to implement"),
    ],
)
def test_the_sdgs_targets_are_in_their_numbered_order(goal: str, earlier: str, later: str) -> None:
    framework = load_framework(locate(Path("sdgs")).path)
    targets = framework.priority(goal).description
    assert targets.index(earlier) < targets.index(later)


def test_a_file_that_exists_wins_over_a_built_in_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sdgs").write_text("- Our own\n", encoding="utf-8")
    assert locate(Path("sdgs")).path == Path("sdgs")
    assert locate(Path("builtin:sdgs")).shown == "builtin:sdgs"


def test_a_path_is_never_taken_for_a_built_in() -> None:
    assert locate(Path("frameworks/sdgs.yaml")).path == Path("frameworks/sdgs.yaml")
    assert locate(Path("no-such-framework")).path == Path("no-such-framework")


def test_a_mistyped_name_is_told_the_built_in_names(tmp_path: Path) -> None:
    result = validate(Path("ics-core-purpose"))
    assert len(result.errors) == 1
    assert "nor a built-in framework (core20plus5-adults" in result.errors[0]
    assert "built-in" not in validate(tmp_path / "missing.yaml").errors[0]


def test_the_library_takes_a_built_in_framework_by_name(tmp_path: Path) -> None:
    import alignck

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will reduce health inequalities.\n", encoding="utf-8")
    report = alignck.check([plan], "ics-core-purposes", matcher="lexical")
    assert report.framework.path == "builtin:ics-core-purposes"
    assert [d.status for d in report.documents] == ["ok"]


@pytest.mark.parametrize("given", ["ics-core-purposes", "builtin:ics-core-purposes"])
def test_load_framework_takes_a_built_in_by_name_as_check_does(given: str) -> None:
    # It failed with 'not found, nor a built-in framework (... ics-core-purposes ...)',
    # listing the very name it refused, though check() took it.
    framework = load_framework(given)
    assert framework.path == "builtin:ics-core-purposes"
    assert len(framework.priorities) == 4


def test_validate_takes_a_path_as_text(tmp_path: Path) -> None:
    # validate('priorities.yaml') raised AttributeError; it took only a Path.
    framework = tmp_path / "priorities.yaml"
    framework.write_text("priorities:\n  - id: a\n    title: Clean air\n", encoding="utf-8")
    result = validate(str(framework))
    assert result.errors == () and result.framework is not None
