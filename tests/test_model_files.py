import importlib
from pathlib import Path

import pytest

from alignck import model_files


def test_the_runtime_names_the_installed_onnxruntime_and_tokenizers() -> None:
    import onnxruntime
    import tokenizers

    runtime = model_files.runtime()
    for module in (onnxruntime, tokenizers):
        assert str(Path(module.__file__ or "").parent) in runtime


def test_a_library_that_is_not_installed_is_named_absent() -> None:
    assert model_files._package("no_such_package_here") == ("no_such_package_here", "absent")


def test_a_library_installed_again_reads_differently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "alignck_fake_runtime"
    package.mkdir()
    (package / "__init__.py").write_text("version = '1.0'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    before = model_files._package("alignck_fake_runtime")
    # An upgrade rewrites the package's files: another size or modification time.
    (package / "__init__.py").write_text("version = '1.10'\n")
    after = model_files._package("alignck_fake_runtime")
    assert before[1:] != ("absent",) and before != after
