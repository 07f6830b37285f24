from typer.testing import CliRunner

from alignck.cli import app
from alignck.wording import counted


def test_a_count_of_one_takes_the_singular() -> None:
    assert counted(1, "priority", "priorities") == "1 priority"
    assert counted(0, "priority", "priorities") == "0 priorities"
    assert counted(2, "waiver") == "2 waivers"


def test_validate_says_one_priority_and_one_waiver(tmp_path) -> None:  # type: ignore[no-untyped-def]
    framework = tmp_path / "priorities.yaml"
    framework.write_text(
        "framework: {name: One}\npriorities:\n  - {id: homes, title: Warm homes}\n",
        encoding="utf-8",
    )
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - {priority: homes, reason: Left to the districts.}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["validate", str(framework), "--waivers", str(waivers)])
    assert result.exit_code == 0, result.output
    assert "(1 priority, 1 warning(s))" in result.output
    assert "(1 waiver against" in result.output
