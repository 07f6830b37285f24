"""Compare two decision reports set by set: `python scripts/compare_decisions.py BEFORE AFTER`.

BEFORE and AFTER are reports written by `scripts/fit_decision.py --report` (the shipped one is
benchmarks/decision.md). Over the real local systems both score (or `--sets a,b,c`), prints
each report's mean left-out addressed F1 and precision, how many sets rose and fell, and a 95%
bootstrap interval of the mean F1 difference (alignck.evaluation.paired): a change whose
interval holds zero is not yet shown to be better or worse.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alignck.evaluation.paired import compare, left_out_figures

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_decision import REAL_LOCAL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--matcher", default="semantic", choices=("lexical", "semantic"))
    parser.add_argument("--sets", help="comma-separated set names (default: the real systems)")
    args = parser.parse_args(argv)
    try:
        before = left_out_figures(args.before.read_text(encoding="utf-8"), args.matcher)
        after = left_out_figures(args.after.read_text(encoding="utf-8"), args.matcher)
        only = args.sets.split(",") if args.sets else REAL_LOCAL
        result = compare(before, after, only)
    except (OSError, ValueError) as error:
        print(f"compare_decisions: {error}", file=sys.stderr)
        return 2
    print(
        f"{len(result.sets)} sets, {args.matcher}, left out: "
        f"F1 {result.before_f1:.3f} -> {result.after_f1:.3f} "
        f"(up on {result.up}, down on {result.down}), "
        f"precision {result.before_precision:.3f} -> {result.after_precision:.3f}"
    )
    verdict = "shown" if result.decided else "not shown (the interval holds zero)"
    print(
        f"mean F1 difference {result.difference:+.4f}, 95% interval over sets "
        f"{result.low:+.4f} .. {result.high:+.4f}: a difference {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
