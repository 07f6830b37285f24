"""Is one fitted decision better than another, or only different? Compare two reports of
``scripts/fit_decision.py`` set by set.

Each labelled set is scored left out under both decisions; the difference in its addressed F1
is one paired observation. Sets have 20 to 70 pairs, so a single set's F1 moves by 0.05 with
one verdict, and refits on a few more sets have moved the mean by under 0.01 either way: the
interval says whether a change in the mean is larger than what resampling the sets gives.
The interval is a percentile bootstrap over sets with a fixed seed, so the same reports give
the same figures.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RESAMPLES = 4000
SEED = 20261204


@dataclass(frozen=True, slots=True)
class SetFigures:
    """One set's left-out figures in a report: addressed F1, precision, labelled pairs."""

    f1: float
    precision: float
    pairs: int


@dataclass(frozen=True, slots=True)
class Comparison:
    sets: tuple[str, ...]
    before_f1: float
    after_f1: float
    before_precision: float
    after_precision: float
    up: int
    down: int
    low: float
    high: float

    @property
    def difference(self) -> float:
        return self.after_f1 - self.before_f1

    @property
    def decided(self) -> bool:
        """The interval of the F1 difference leaves out zero."""
        return self.low > 0 or self.high < 0


def left_out_figures(report: str, matcher: str) -> dict[str, SetFigures]:
    """The per-set rows of one matcher's left-out table in a decision report (the table under
    ``### <matcher>``, up to the next sub-heading); summary rows are left out."""
    heading = f"### {matcher}\n"
    if heading not in report:
        raise ValueError(f"the report has no '{matcher}' section")
    start = report.index(heading) + len(heading)
    end = report.find("\n#", start)
    figures: dict[str, SetFigures] = {}
    for line in report[start : end if end >= 0 else len(report)].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 4 or cells[0] in ("set", "") or cells[0].startswith(("---", "mean", "sdg")):
            continue
        try:
            figures[cells[0]] = SetFigures(float(cells[2]), float(cells[3]), int(cells[1]))
        except ValueError:
            continue
    return figures


def compare(
    before: Mapping[str, SetFigures],
    after: Mapping[str, SetFigures],
    only: Iterable[str] | None = None,
) -> Comparison:
    """The sets both reports score (or ``only`` those), their mean F1 and precision under
    each, how many rose and fell by more than rounding, and a 95% interval of the mean
    F1 difference."""
    wanted = set(only) if only is not None else None
    names = tuple(n for n in before if n in after and (wanted is None or n in wanted))
    if not names:
        raise ValueError("the two reports score no set in common")
    differences = [after[n].f1 - before[n].f1 for n in names]
    low, high = _interval(differences)
    count = len(names)
    return Comparison(
        sets=names,
        before_f1=sum(before[n].f1 for n in names) / count,
        after_f1=sum(after[n].f1 for n in names) / count,
        before_precision=sum(before[n].precision for n in names) / count,
        after_precision=sum(after[n].precision for n in names) / count,
        up=sum(d > 0.0005 for d in differences),
        down=sum(d < -0.0005 for d in differences),
        low=low,
        high=high,
    )


def _interval(differences: list[float]) -> tuple[float, float]:
    draw = random.Random(SEED)
    count = len(differences)
    means = sorted(
        sum(draw.choice(differences) for _ in range(count)) / count for _ in range(RESAMPLES)
    )
    return means[int(0.025 * RESAMPLES)], means[int(0.975 * RESAMPLES) - 1]
