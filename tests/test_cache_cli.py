from typer.testing import CliRunner

from alignck.cli import app
from alignck.reading import prepare_all


def test_cache_info_and_clear(make_document, isolated_cache) -> None:  # type: ignore[no-untyped-def]
    prepare_all([make_document("plan.md")], use_cache=True)
    runner = CliRunner()
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and "1 cache entry (parsed" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 1 cache entry from" in cleared.stdout
    assert not list(isolated_cache.rglob("*.pickle"))


def test_no_cache_leaves_the_cache_empty(make_document, isolated_cache) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    result = CliRunner().invoke(
        app, ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK), "--no-cache"]
    )
    assert result.exit_code == 0
    assert not list(isolated_cache.rglob("*.pickle"))
