"""alignck: check partner strategies against a shared priority framework.

The package root stays import-light so that ``alignck --version`` is fast; the library entry
point :func:`check` loads the pipeline only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence
    from pathlib import Path

    from alignck.model import Framework, Policy, ReadOptions, Report, Review, Thresholds, Waiver
    from alignck.reading import Progress


def check(
    paths: Sequence[str | Path] | str | Path,
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
) -> Report:
    """Check every document under ``paths`` against the framework (a file, a built-in
    framework's name such as ``'ics-core-purposes'``, or a loaded ``Framework``) and return the
    :class:`alignck.model.Report`. The options are those of :func:`alignck.pipeline.check`,
    whose docstring says what each does; the pipeline is imported only when this is called,
    so that importing alignck stays quick."""
    from alignck.pipeline import check as _check

    return _check(
        paths,
        framework,
        thresholds=thresholds,
        jobs=jobs,
        use_cache=use_cache,
        progress=progress,
        read_options=read_options,
        waivers=waivers,
        today=today,
        policy=policy,
        follow_links=follow_links,
        matcher=matcher,
        reviews=reviews,
        run_files=run_files,
    )


__all__ = ["__version__", "check"]
