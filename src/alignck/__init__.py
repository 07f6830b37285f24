"""alignck: check partner strategies against a shared priority framework.

The package root stays import-light so that ``alignck --version`` is fast: :func:`check`
(:func:`alignck.pipeline.check`, whose docstring says what each option does) and
:func:`compare_runs` (:func:`alignck.compare.compare_runs`, what ``alignck diff`` compares)
are imported the first time they are asked for, not when the package is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from alignck.compare import compare_runs
    from alignck.pipeline import check


def __getattr__(name: str) -> Any:
    if name == "check":
        from alignck.pipeline import check

        return check
    if name == "compare_runs":
        from alignck.compare import compare_runs

        return compare_runs
    raise AttributeError(f"module 'alignck' has no attribute {name!r}")


__all__ = ["__version__", "check", "compare_runs"]
