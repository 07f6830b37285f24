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


def test_a_check_trims_the_cache_to_its_limit(make_document, isolated_cache, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    plan = str(make_document("plan.md"))
    runner = CliRunner()
    assert runner.invoke(app, ["check", plan, "-f", str(FRAMEWORK)]).exit_code == 0
    assert list(isolated_cache.rglob("*.pickle"))  # the default limit keeps what was written

    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "0")
    other = str(make_document("other.md", [("p", "We will open two new youth centres.")]))
    assert runner.invoke(app, ["check", other, "-f", str(FRAMEWORK)]).exit_code == 0
    assert not list(isolated_cache.rglob("*.pickle"))


def test_a_bad_cache_limit_is_one_line_and_exit_2(make_document, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from conftest import FRAMEWORK

    monkeypatch.setenv("ALIGNCK_CACHE_MAX_MB", "1GB")
    result = CliRunner().invoke(app, ["check", str(make_document("plan.md")), "-f", str(FRAMEWORK)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "alignck: error: ALIGNCK_CACHE_MAX_MB must be a whole number of megabytes, not '1GB'"
    ]
