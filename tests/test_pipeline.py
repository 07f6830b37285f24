import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from alignck.framework import load_framework
from alignck.match import Matcher
from alignck.pipeline import _Scorer, check, resolve_thresholds
from alignck.reading import prepare_all
from alignck.renderers import RenderOptions, renderer
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


def _json(**options: object) -> str:
    out = io.StringIO()
    report = check([EXAMPLES], FRAMEWORK, **options)  # type: ignore[arg-type]
    renderer("json")(report, out, RenderOptions())
    return out.getvalue()


def test_documents_matched_in_worker_processes_give_the_same_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("alignck.reading._PARALLEL_MIN_BYTES", 0)
    plain = _json(matcher="lexical")
    assert _json(matcher="lexical", jobs=2) == plain
    assert _json(matcher="lexical", jobs=2, use_cache=True) == plain


def test_a_scorer_sent_to_a_worker_builds_its_own_matcher() -> None:
    framework = load_framework(FRAMEWORK)
    thresholds = resolve_thresholds(framework)
    engine = Matcher(framework, thresholds, "lexical")
    scorer = _Scorer(framework, thresholds, "lexical", engine)
    sent = pickle.loads(pickle.dumps(scorer))
    [document] = prepare_all([EXAMPLES / "riverside-vcs-alliance-strategy.md"], use_cache=False)

    assert scorer.in_workers and sent.engine is not engine
    assert sent(document) == scorer(document)
    assert any(a.status != "gap" for a in sent(document).alignments)


def test_the_semantic_matcher_stays_in_the_main_process() -> None:
    framework = load_framework(FRAMEWORK)
    thresholds = resolve_thresholds(framework)
    engine = Matcher(framework, thresholds, "semantic")
    assert not _Scorer(framework, thresholds, "semantic", engine).in_workers
