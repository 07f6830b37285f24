"""What :func:`alignck.check` is given, checked where it is given.

The command line only ever passes what its own parsing made, but a library caller can pass
anything: a tuple for ``thresholds``, a file name for ``waivers``, a review whose verdict is
'yes', a framework built in code with one id twice. Each failed far from the call (an
AttributeError eight frames down) or, worse, not at all (a 'yes' verdict counted in coverage).
Here each is a TypeError or ValueError naming the argument, as the YAML loaders would say it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import PurePath
from typing import get_args

from alignck.model import (
    BASELINE_MODES,
    Framework,
    Policy,
    ReadOptions,
    Report,
    Review,
    Status,
    Thresholds,
    Waiver,
)

_STATUSES = get_args(Status)
MATCHERS = ("auto", "lexical", "semantic")


def check_arguments(
    thresholds: object,
    jobs: object,
    read_options: object,
    waivers: object,
    policy: object,
    reviews: object,
    *,
    paths: object = (),
    use_cache: object = False,
    follow_links: object = False,
    matcher: object = "auto",
    exclude: object = (),
    baseline: object = None,
) -> None:
    """Raise TypeError or ValueError naming the first argument of the wrong kind."""
    if not isinstance(paths, (str, PurePath)) and (
        isinstance(paths, bytes)
        or not isinstance(paths, Sequence)
        or not all(isinstance(p, (str, PurePath)) for p in paths)
    ):
        raise TypeError(f"paths must be a path or a list of paths (got {paths!r})")
    for name, flag in (("use_cache", use_cache), ("follow_links", follow_links)):
        if not isinstance(flag, bool):
            # 'no' is true: the cache was on and written under the user's cache folder.
            raise TypeError(f"{name} must be True or False (got {flag!r})")
    if exclude is not None and (
        isinstance(exclude, (str, bytes, PurePath))
        or not isinstance(exclude, (Sequence, set, frozenset))
        or not all(isinstance(p, (str, PurePath)) for p in exclude)
    ):
        # One pattern as a string would be a pattern per character ('A', 'r', ...).
        raise TypeError(f"exclude must be a list of patterns (got {exclude!r})")
    if matcher not in MATCHERS:
        raise ValueError(f"matcher must be one of {', '.join(MATCHERS)} (got {matcher!r})")
    _instance("thresholds", thresholds, Thresholds, optional=True)
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be a whole number of worker processes (got {jobs!r})")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (got {jobs})")
    _instance("read_options", read_options, ReadOptions, optional=True)
    _instance("policy", policy, Policy, optional=True)
    if baseline is not None and not isinstance(baseline, (str, PurePath, Report)):
        # By its type: a Report's repr runs to tens of thousands of characters.
        raise TypeError(
            "baseline must be a saved JSON report's path or an alignck Report (got "
            f"{type(baseline).__name__})"
        )
    if (
        isinstance(policy, Policy)
        and policy.fail_on in BASELINE_MODES
        and policy.baseline is None
        and baseline is None
    ):
        # Every gap would count as new, each said to be worse than a baseline there is not.
        raise ValueError(
            f"Policy.fail_on {policy.fail_on!r} compares with a baseline: give check a "
            "baseline (a JSON report an earlier check saved, or its Report)"
        )
    _items("waivers", waivers, Waiver, "alignck.waivers.load_waivers(PATH, framework).waivers")
    _items("reviews", reviews, Review, "alignck.reviews.load_reviews(PATH, framework).reviews")


def check_framework_use(
    framework: Framework, waivers: Sequence[Waiver], reviews: Sequence[Review]
) -> None:
    """A framework built in code holds what a framework file must (priorities, each id once,
    lists of words as tuples of strings), and every waiver and review names one of its
    priorities with a verdict alignck gives: what the YAML loaders check of a file."""
    if not framework.priorities:
        raise ValueError("the framework lists no priorities")
    _instance("the framework's thresholds", framework.thresholds, Thresholds, optional=True)
    seen: set[str] = set()
    for priority in framework.priorities:
        for name in ("id", "title"):
            value = getattr(priority, name)
            if not isinstance(value, str) or not value.strip():
                # An int id passed check and then broke the HTML and SARIF writers.
                raise TypeError(f"a priority's {name} must be a non-empty string (got {value!r})")
        if priority.id in seen:
            raise ValueError(f"priority id '{priority.id}' is used twice in the framework")
        if priority.parent is not None and priority.parent not in seen:
            raise ValueError(
                f"priority '{priority.id}': parent '{priority.parent}' is not a priority listed "
                "before it"
            )
        seen.add(priority.id)
        for name in ("keywords", "aliases", "exclude", "formerly"):
            words = getattr(priority, name)
            if not isinstance(words, tuple) or not all(isinstance(w, str) for w in words):
                written = f"({words!r},)" if isinstance(words, str) else f"tuple({words!r})"
                raise TypeError(
                    f"priority '{priority.id}': {name} must be a tuple of strings "
                    f"(got {words!r}; write {written})"
                )
    for kind, items in (("waiver", waivers), ("review", reviews)):
        for item in items:
            if item.priority_id not in seen:
                raise ValueError(
                    f"{kind} {_source(item)}names no framework priority: '{item.priority_id}'"
                )
    for waiver in waivers:
        if waiver.expires is not None and not isinstance(waiver.expires, datetime.date):
            raise TypeError(
                f"waiver {_source(waiver)}expires must be a datetime.date (got {waiver.expires!r})"
            )
    for review in reviews:
        if not isinstance(review.date, datetime.date):
            # Accepted, it broke every report writer once the whole check had run.
            raise TypeError(
                f"review {_source(review)}date must be a datetime.date (got {review.date!r})"
            )
        if review.verdict not in _STATUSES:
            raise ValueError(
                f"review {_source(review)}verdict must be one of {', '.join(_STATUSES)} "
                f"(got {review.verdict!r})"
            )


def _source(item: Waiver | Review) -> str:
    return f"({item.source}) " if item.source else ""


def _instance(name: str, value: object, kind: type, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be an alignck {kind.__name__} (got {value!r})")


def _items(name: str, value: object, kind: type, hint: str) -> None:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(
            f"{name} must be a sequence of alignck {kind.__name__} objects (got {value!r}); "
            f"from a file: {hint}"
        )
    for item in value:
        if not isinstance(item, kind):
            raise TypeError(f"{name} must hold alignck {kind.__name__} objects (got {item!r})")
