"""The library entry point: read → extract → match → analyse, composed in one function.

``check()`` takes paths and a framework and returns a :class:`~alignck.model.Report`; it never
prints, exits or touches the terminal. A document that cannot be read becomes an error result
and every other document is still checked.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from alignck import cache
from alignck.analyse import analyse
from alignck.arguments import check_arguments, check_framework_use
from alignck.errors import AlignckError, ReadError
from alignck.files import open_regular
from alignck.framework import load_framework
from alignck.likeness import earlier_alike, sketch
from alignck.limits import Limits, TimeLimit, deadline, too_slow
from alignck.match import Matcher
from alignck.model import (
    BASELINE_MODES,
    DocumentResult,
    Framework,
    Policy,
    ReadOptions,
    Report,
    Review,
    ReviewedVerdict,
    Skipped,
    Thresholds,
    Waiver,
)
from alignck.names import named_as_copy, path_order, told_apart
from alignck.partners import partner_globs, partner_of_each
from alignck.passages import document_title
from alignck.readers import discover
from alignck.reading import (
    Matched,
    MatchedEntry,
    Prepared,
    Progress,
    document_key,
    iter_done,
    known_content,
    prepare,
)
from alignck.replay import CODE_AND_DATA
from alignck.reviews import apply_reviews
from alignck.verdicts import with_parts_addressed
from alignck.workers import next_stage
from alignck.yamlnodes import source_place

if TYPE_CHECKING:
    from alignck.snapshot import Snapshot


def resolve_thresholds(
    framework: Framework, aligned: float | None = None, partial: float | None = None
) -> Thresholds:
    """Command-line values win over the framework's, which win over the defaults."""
    base = framework.thresholds or Thresholds()
    return replace(
        base, **{k: v for k, v in (("aligned", aligned), ("partial", partial)) if v is not None}
    )


def _load(path: Path) -> Framework:
    """A framework file, or a built-in framework by name, as ``-f`` takes them."""
    from alignck.builtins import locate

    located = locate(path)
    return load_framework(located.path, located.shown)


def check(
    paths: Iterable[str | Path] | str | Path,
    framework: str | Path | Framework,
    *,
    thresholds: Thresholds | None = None,
    jobs: int = 1,
    use_cache: bool = False,
    progress: Progress | None = None,
    read_options: ReadOptions | None = None,
    waivers: Sequence[Waiver] = (),
    today: datetime.date | None = None,
    policy: Policy | None = None,
    follow_links: bool = False,
    matcher: str = "auto",
    reviews: Sequence[Review] = (),
    run_files: Sequence[str | Path] = (),
    exclude: Iterable[str | PurePath] | None = (),
    baseline: str | Path | Report | None = None,
    partners: Mapping[str, str | Sequence[str]] | None = None,
) -> Report:
    """Check every document under ``paths`` against the framework (a loaded one, a file, or a
    built-in framework's name such as ``'ics-core-purposes'``). ``thresholds`` replace the
    framework's aligned and partial pair whole (:func:`resolve_thresholds` changes one);
    ``jobs`` worker processes read (and, with the lexical matcher, match) the documents;
    ``use_cache`` keeps and reuses each document's work in alignck's cache folder;
    ``progress(path, outcome)`` is called as each document is done; ``policy`` says what fails
    the run (:func:`alignck.policy.run_failures` of the report lists why it does).
    ``read_options`` chooses the PDF engine and gives passwords for encrypted PDFs; ``waivers``
    in force on ``today`` (default: the real today) accept gaps; ``follow_links`` follows links
    that lead out of a folder given (they are listed as skipped otherwise); ``exclude`` patterns
    leave out what they match in the folders searched (a name such as ``'Archive'`` or
    ``'*.tmp'``, or a path under the folder such as ``'Public Health/old/*'``; listed as
    skipped); ``matcher`` is ``lexical``, ``semantic`` (its model is in the default install) or
    ``auto`` (semantic where the model can be loaded, else lexical); ``reviews`` replace the
    verdicts they are about (the cache keeps the machine's own); ``run_files`` are other files
    the run read (its waivers, reviews or baseline file), not listed as skipped when they sit
    among the documents; ``baseline``, a JSON report an earlier check saved or its
    :class:`Report`, holds the run to its verdicts as ``--baseline`` does (the policy's
    ``fail_on`` then defaults to ``'new-gap'``; ``'new-gap'`` and ``'worse'`` need one, or a
    ``Policy.baseline`` mapping); what comparing found to say is in the report's
    ``policy.baseline_notes``, not printed. ``partners`` names the documents each partner
    publishes (``{'Northfen Trust': ['nmc-strategy*', 'trust/']}``, each glob matched as a
    waiver's document is; a document no partner names is a partner of its own): overlaps and
    the out-of-framework priorities partners share then count partners, not documents, and
    each document's result says its ``partner``."""
    from alignck.signals import available_matcher

    if today is not None and not isinstance(today, datetime.date):
        # A string would fail deep in the waivers, far from the call that gave it.
        raise TypeError(f"today must be a datetime.date (got {today!r})")
    if not isinstance(framework, (str, Path, Framework)):
        raise TypeError(
            f"framework must be a file's path, a built-in framework's name or an alignck "
            f"Framework (got {framework!r})"
        )
    if not isinstance(paths, (str, Path, bytes)) and isinstance(paths, Iterable):
        # A generator ('Path("docs").glob("*.md")') or a set, as before the arguments were
        # checked.
        paths = list(paths)
    if exclude is not None and not isinstance(exclude, (str, bytes, PurePath)):
        exclude = list(exclude)  # a generator, as paths may be
    check_arguments(
        thresholds,
        jobs,
        read_options,
        waivers,
        policy,
        reviews,
        paths=paths,
        use_cache=use_cache,
        follow_links=follow_links,
        matcher=matcher,
        exclude=exclude,
        baseline=baseline,
    )
    grouped = partner_globs(partners)
    policy = policy or Policy()
    cache_limit = cache.max_bytes() if use_cache else None
    loaded = framework if isinstance(framework, Framework) else _load(Path(framework))
    check_framework_use(loaded, waivers, reviews)
    held = None
    if baseline is not None:
        held = load_baseline(baseline, loaded)
        if not isinstance(baseline, Report):
            run_files = [*run_files, baseline]
    chosen = thresholds or resolve_thresholds(loaded)
    # One path on its own is one path: a string iterated would be a path per character
    # ('/' among them, the whole file system).
    given = [paths] if isinstance(paths, (str, Path)) else paths
    patterns = [str(p) for p in exclude or ()]
    found = discover((Path(p) for p in given), follow_links, patterns)
    skipped = _not_run_files(found.skipped, loaded, waivers, reviews, run_files)
    engine = Matcher(loaded, chosen, available_matcher(matcher), cache_facets=use_cache)
    if use_cache:
        cache.claim()  # a folder that is not alignck's is refused before any reading
    options = replace(read_options or ReadOptions(), links=found.links)
    results = _check_files(found.files, engine, jobs, use_cache, progress, options)
    if cache_limit is not None:
        # After every run, not only one that wrote: a limit lowered since (or a run record
        # kept by the last run) left the folder over it until a document changed. Listing
        # the folder costs ~10 ms for 750 entries.
        cache.prune(cache_limit)
    results.extend(
        DocumentResult(s.path, "error", error=f"{s.path}: {s.reason}") for s in found.unsupported
    )
    if grouped:
        named = partner_of_each([r.path for r in results], grouped)
        results = [replace(r, partner=named.get(r.path)) for r in results]
    results = _with_copies_named(_with_digests(results))
    results.sort(key=lambda r: path_order(r.path))
    # What a report without the reviews says is what a reviewer read and answered.
    shown = _with_parts_addressed(loaded, results, ()) if reviews else results
    results, reviewed, unused, overruled = apply_reviews(results, reviews, shown)
    results = _with_parts_addressed(loaded, results, reviewed)
    day = today or datetime.date.today()
    analysis = replace(
        analyse(loaded, results, waivers, day),
        reviewed=reviewed,
        unused_reviews=unused,
        overruled_reviews=overruled,
    )
    report = Report(
        loaded,
        tuple(results),
        skipped,
        analysis,
        chosen,
        # Held to the baseline once the run is made, with its mode.
        before_the_baseline(policy) if held else policy,
        engine.description,
        # Every file that can move what a run writes, as a replay's key names them.
        cache.code_fingerprint(CODE_AND_DATA),
        # Only a run with waivers judged any on a day: a header naming one without them
        # read as if some had been.
        day if waivers else None,
    )
    if held is None:
        return report
    from alignck.compare import held_to_baseline

    return held_to_baseline(report, held, policy.fail_on or "new-gap", bool(waivers))


def load_baseline(
    baseline: str | Path | Report, framework: Framework, shown: str | None = None
) -> Snapshot:
    """A run to hold this one to, a Report or a saved one, refused
    (:class:`ReportFileError`) before anything is read when the file is not a saved report,
    or the run was of a framework that shares no priority with this one (the framework named
    as ``shown``, else by its path)."""
    from alignck.compare import require_framework
    from alignck.snapshot import load_snapshot, snapshot_of

    if isinstance(baseline, Report):
        saved = snapshot_of(baseline, "the baseline run")
    else:
        saved = load_snapshot(Path(baseline))
    saved = saved.with_ids_of(framework.renamed)
    ids = [p.id for p in framework.priorities]
    require_framework(saved, ids, framework.name, shown or framework.path)
    return saved


def before_the_baseline(policy: Policy) -> Policy:
    """The policy without the modes that only a baseline gives a meaning to ('new-gap',
    'worse'): the run is held to the baseline, with its mode, once it is made."""
    return replace(policy, fail_on=None) if policy.fail_on in BASELINE_MODES else policy


def _with_copies_named(results: list[DocumentResult]) -> list[DocumentResult]:
    """Each document that is a copy of another, warned of: an archived copy beside the
    current file counts as a second partner in every overlap and shared priority. A
    byte-for-byte copy, or one whose text is mostly the same (a Word file and its PDF export,
    a copy saved again); only documents read are compared, and only regular files are opened
    (a FIFO among them would block)."""
    read = [r.path for r in results if r.status == "ok"]
    copies = {
        path: (f"a byte-for-byte copy of {told_apart(original, read)}", original)
        for path, original in _copies(results).items()
    }
    copies |= {path: found for path, found in _same_texts(results).items() if path not in copies}
    if not copies:
        return results
    partner = {r.path: r.partner for r in results}
    return [
        replace(r, warnings=(*r.warnings, _copy_warning(*copies[r.path], r.partner, partner)))
        if r.path in copies and r.status == "ok"
        else r
        for r in results
    ]


def _copy_warning(
    said: str, original: str, owner: str | None, partner: dict[str, str | None]
) -> str:
    """What a copy costs the run: another partner in overlaps, unless --partner makes both one
    partner's (``owner``), when its verdicts and gaps are still listed twice."""
    if owner is not None and partner.get(original) == owner:
        return (
            # No possessive: 'Northvale Hospitals's' reads wrong, and a name may end anyhow.
            f"{said}: both are published by {owner}, so it counts once in overlaps, but its "
            "verdicts and gaps are listed twice; leave one of them out"
        )
    return (
        f"{said}: it counts as a second partner in coverage, overlaps and shared priorities; "
        "leave one of them out"
    )


def _same_texts(results: Sequence[DocumentResult]) -> dict[str, tuple[str, str]]:
    """Each document whose text is mostly an earlier one's (in path order) -> what to say of
    it, and the earlier one's path."""
    read = sorted(
        (r for r in results if r.status == "ok" and r.sketch), key=lambda r: _as_copy(r.path)
    )
    from alignck.likeness import SKETCH

    said = {}
    paths = [r.path for r in read]
    for index, (earlier, share) in earlier_alike([r.sketch for r in read]).items():
        one, other = set(read[earlier].sketch), set(read[index].sketch)
        # A sketch shorter than SKETCH holds every distinct passage of its document: two such
        # are compared whole, not by the sample the share was estimated from (one passage
        # added to twenty was 'every passage alike' about one time in twenty).
        whole = len(read[earlier].sketch) < SKETCH and len(read[index].sketch) < SKETCH
        exact = len(one & other) / len(one | other) if whole else share
        original = told_apart(read[earlier].path, paths)
        said[read[index].path] = (
            f"the same text as {original}" + _how_alike(exact, whole),
            read[earlier].path,
        )
    return said


def _as_copy(path: str) -> tuple[bool, tuple[object, ...]]:
    """The order in which the first of two alike documents is the original: path order, but
    a file named as a copy after the others ('Copy of strategy.md' sorted before
    'strategy.md', and the strategy was warned of as a copy of it)."""
    return named_as_copy(path), path_order(path)


def _how_alike(share: float, whole: bool) -> str:
    """How alike two texts are, in words that agree with the number: every passage alike is
    not 'nearly', and 99.6% alike is not shown as 100%. ``whole``: both sketches hold every
    passage of their document; otherwise the share is of a sample, and all of a sample alike
    is not every passage."""
    if share >= 1.0 and whole:
        return " (every passage alike, in another file or format)"
    if share >= 1.0:
        return ", nearly (every passage compared alike)"
    return f", nearly ({math.floor(share * 100)}% of their passages alike)"


def _copies(results: Sequence[DocumentResult]) -> dict[str, str]:
    """Each path whose file has the same bytes (its ``sha256``) as an earlier one (in path
    order, files named as copies last) -> that one."""
    first: dict[str, str] = {}
    copies: dict[str, str] = {}
    read = [r for r in results if r.status == "ok" and r.sha256 is not None]
    for result in sorted(read, key=lambda r: _as_copy(r.path)):
        original = first.setdefault(str(result.sha256), result.path)
        if original != result.path:
            copies[result.path] = original
    return copies


def _with_digests(results: list[DocumentResult]) -> list[DocumentResult]:
    """Each document read, with the SHA-256 of its file's bytes (to find copies, and a file
    renamed between runs); only regular files are opened (a FIFO among them would block), and
    one that cannot be opened now has none. About 2 ms a megabyte."""
    return [
        replace(r, sha256=_digest(Path(r.path))) if r.status == "ok" and r.sha256 is None else r
        for r in results
    ]


def _digest(path: Path) -> str | None:
    known = known_content(str(path))
    if known is not None:
        return known
    try:
        with open_regular(path) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _with_parts_addressed(
    framework: Framework, results: list[DocumentResult], reviewed: Sequence[ReviewedVerdict]
) -> list[DocumentResult]:
    """Each document's verdicts with a priority partial where one of its sub-priorities is
    addressed (:func:`alignck.verdicts.with_parts_addressed`), after the reviews: a part a
    reviewer set to a gap lifts nothing, and a parent a reviewer set stays as set."""
    if not any(priority.parent for priority in framework.priorities):
        return results
    fixed: dict[str, set[str]] = {}
    for verdict in reviewed:
        fixed.setdefault(verdict.path, set()).add(verdict.priority_id)
    return [
        replace(
            result,
            alignments=with_parts_addressed(
                framework.priorities, result.alignments, fixed.get(result.path, set())
            ),
        )
        if result.status == "ok"
        else result
        for result in results
    ]


def _not_run_files(
    skipped: tuple[Skipped, ...],
    framework: Framework,
    waivers: Sequence[Waiver],
    reviews: Sequence[Review],
    run_files: Sequence[str | Path] = (),
) -> tuple[Skipped, ...]:
    """The files skipped in the folders walked, less the run's own framework, waivers and
    reviews: 'partners/priorities.yaml' beside the documents is where alignck looks for it,
    and was reported as a skipped file under 'Problems'. A waivers file with no entries yet
    gives no waiver to know it by, so the files the run read are named too."""
    sources = [w.source for w in waivers] + [r.source for r in reviews]
    own = {_resolved(source_place(source)[0]) for source in sources if source}
    own |= {_resolved(str(path)) for path in run_files}
    return tuple(
        _named_as_a_framework(s, framework)
        for s in skipped
        if _resolved(s.path) not in own and not _is_framework_file(s.path, framework)
    )


def _named_as_a_framework(skipped: Skipped, framework: Framework) -> Skipped:
    """A second 'priorities.yaml' (a partner's folder's own) said to be a framework this run
    did not use: 'unsupported format' left the user to wonder which framework was."""
    if Path(skipped.path).name.lower() not in ("priorities.yaml", "priorities.yml"):
        return skipped
    return Skipped(skipped.path, f"a framework file; this run used {framework.path}")


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return path


def _is_framework_file(path: str, framework: Framework) -> bool:
    """By its bytes: the framework's path is the name reports give it, not always one that
    resolves from here."""
    if not framework.sha256 or Path(path).suffix.lower() not in (".yaml", ".yml"):
        return False
    try:
        # Opened as a document is: a FIFO named notes.yaml hung the run here, and a link to
        # /dev/zero filled its memory.
        with open_regular(Path(path)) as handle:
            data = handle.read((1 << 24) + 1)
    except OSError:
        return False
    return len(data) <= 1 << 24 and hashlib.sha256(data).hexdigest() == framework.sha256


def _check_files(
    paths: Sequence[Path],
    matcher: Matcher,
    jobs: int,
    use_cache: bool,
    progress: Progress | None,
    options: ReadOptions,
) -> list[DocumentResult]:
    """Results in path order; with the cache, unchanged files against an unchanged framework
    are answered without reading or matching. Results quote the text, so a document opened
    with a password is not cached."""
    results: dict[int, DocumentResult] = {}
    keys: dict[int, str] = {}
    matching = _matching(matcher) if use_cache else ""
    if use_cache:
        for index, path in enumerate(paths):
            key = document_key(path, options)
            if isinstance(key, ReadError):
                results[index] = _check_one(key, matcher, options.limits)
                continue
            keys[index] = key
            hit = cache.load(cache.result_key(key, matching), DocumentResult)
            if isinstance(hit, DocumentResult):
                results[index] = replace(hit, path=str(path))
                if progress:
                    progress(str(path), hit)
    todo = [i for i in range(len(paths)) if i not in results]
    prepared = iter_done(
        [paths[i] for i in todo],
        jobs=jobs,
        use_cache=use_cache,
        progress=progress,
        known_keys=[keys.get(i) for i in todo],
        options=options,
        while_reading=matcher.prepare,
        in_workers=_matched_in_workers(matcher, use_cache),
    )
    # Matched as each document arrives, so only results stay in memory.
    for index, item in zip(todo, prepared, strict=True):
        if isinstance(item, Matched):
            results[index] = item.result
        else:
            results[index] = _check_one(item, matcher, options.limits)
        cacheable = not isinstance(item, Prepared | Matched) or item.cacheable
        if use_cache and index in keys and results[index].status == "ok" and cacheable:
            key = cache.result_key(keys[index], matching)
            if isinstance(item, Matched) and item.result_entry is not None:
                cache.store_encoded(key, item.result_entry)  # the same key, in the worker
            else:
                cache.store(key, results[index])
    return [results[i] for i in range(len(paths))]


def _matched_in_workers(matcher: Matcher, use_cache: bool) -> MatchInWorker | None:
    """What the worker processes of a run do, if it has them: each prepares and matches its
    documents with the lexical matcher, whose matching would otherwise keep this one process
    busy while they wait (at 300 priorities the run's longest path). The semantic matcher
    runs its model on every core already, and a model in each worker would embed a large
    framework's facets once in each; so its documents are matched here."""
    if "embedding" in matcher.signals:
        return None
    matching = _matching(matcher) if use_cache else None
    return MatchInWorker(matcher.framework, matcher.thresholds, matcher.name, matching)


class MatchInWorker:
    """A worker process's task: prepare a document and match it, with a matcher built the
    first time (the same as this process's: same framework, thresholds and matcher), and
    encode the prepared document and its result as the cache's entries: under the key it
    was sent and, given what the matching depends on (``matching``: None when the run does
    not cache), its result's key."""

    def __init__(
        self, framework: Framework, thresholds: Thresholds, matcher: str, matching: str | None
    ) -> None:
        self.framework = framework
        self.thresholds = thresholds
        self.matcher = matcher
        self.matching = matching
        self._engine: Matcher | AlignckError | None = None

    def __getstate__(self) -> dict[str, object]:
        # Sent to each worker before it has matched anything: the engine is built there.
        return {**self.__dict__, "_engine": None}

    def __call__(
        self, path: Path, options: ReadOptions, key: str | None = None
    ) -> Prepared | MatchedEntry | ReadError:
        item = prepare(path, options)
        if not isinstance(item, Prepared):
            return item
        # Matching (the matcher built for the first document included) has its own time
        # limit, as it does in one process.
        next_stage()
        engine = self._ready()
        if not isinstance(engine, Matcher):
            # The framework cannot be matched on (no words at all): the document goes back
            # as prepared, and the run says why as it does without workers.
            return item
        matching = self.matching if key and item.cacheable else None
        entry = cache.encoded(key, item) if key and matching is not None else None
        result_key = cache.result_key(key, matching) if key and matching is not None else ""
        result = _check_one(item, engine, options.limits)
        encoded = cache.encoded(result_key, result)
        return MatchedEntry(encoded, result_key, entry, protected=item.protected)

    def _ready(self) -> Matcher | AlignckError:
        if self._engine is None:
            engine = Matcher(self.framework, self.thresholds, self.matcher)
            try:
                engine.prepare()
            except AlignckError as error:
                self._engine = error  # once: every later document would fail alike
            else:
                self._engine = engine
        return self._engine


def _matching(matcher: Matcher) -> str:
    """What a cached result depends on besides the document: the matcher's fingerprint, and
    for the semantic matcher its model files as they are on disk (a file replaced in place
    keeps its path, so the model's name would not tell) and the versions of the libraries
    that run them."""
    if "embedding" not in matcher.signals:
        return matcher.fingerprint
    from alignck import model_files

    return f"{matcher.fingerprint}\0{model_files.stamp()}\0{model_files.runtime()}"


def _check_one(item: Prepared | ReadError, matcher: Matcher, limits: Limits) -> DocumentResult:
    """The document's verdicts; matching has the same time limit as reading (a long document
    under the semantic matcher spends most of its time here)."""
    if isinstance(item, ReadError):
        return DocumentResult(item.path or "", "error", error=str(item))
    try:
        with deadline(limits.seconds):
            matched = matcher.match(item.statements, item.passages)
    except TimeLimit:
        return _check_one(too_slow(item.path, limits), matcher, limits)
    return DocumentResult(
        item.path,
        "ok",
        format=item.format,
        pages=item.pages,
        statements=matched.statements,
        alignments=matched.alignments,
        warnings=item.warnings,
        sketch=sketch(p.text for p in item.passages),
        title=document_title(item.passages),
    )
