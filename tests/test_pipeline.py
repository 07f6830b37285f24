import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, FRAMEWORK

# A check run in a fresh interpreter, printing which heavy modules it loaded.
RUN = (
    "import sys; from pathlib import Path; from alignck import cache; "
    "from alignck.pipeline import check; cache.configure(Path(sys.argv[3])); "
    "check([sys.argv[1]], sys.argv[2], use_cache=True); "
    "heavy = ('numpy', 'scipy', 'onnxruntime', 'docx', 'pypdfium2', 'alignck.extract'); "
    "print(sorted({m.split('.')[0] if m[:7] != 'alignck' else m for m in sys.modules} "
    "& set(heavy)))"
)


def _loaded(folder: Path, cache: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(folder), str(FRAMEWORK), str(cache)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_a_fully_cached_run_reads_extracts_and_scores_nothing(isolated_cache: Path) -> None:
    # The documents are read, extracted and scored on the first run; the second only loads
    # results, so none of the modules that do that work (or their libraries) is imported.
    assert "alignck.extract" in _loaded(EXAMPLES, isolated_cache)
    assert _loaded(EXAMPLES, isolated_cache) == "[]"
