from pathlib import Path

from alignck import model_files


def test_the_runtime_names_the_installed_onnxruntime_and_tokenizers() -> None:
    import onnxruntime
    import tokenizers

    runtime = model_files.runtime()
    for module in (onnxruntime, tokenizers):
        assert str(Path(module.__file__ or "").parent) in runtime


def test_a_library_that_is_not_installed_is_named_absent() -> None:
    assert model_files._package("no_such_package_here") == ("no_such_package_here", "absent")
