"""alignck: check partner strategies against a shared priority framework.

The package root stays import-light so that ``alignck --version`` is fast; the library entry
point :func:`check` loads the pipeline only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from alignck.model import Report


def check(paths: Any, framework: Any, **options: Any) -> Report:
    """Run the whole pipeline; see :func:`alignck.pipeline.check` for the options."""
    from alignck.pipeline import check as _check

    return _check(paths, framework, **options)


__all__ = ["__version__", "check"]
