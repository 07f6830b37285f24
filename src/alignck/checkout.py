"""Where CI systems place a finding: a document's path from the repository's checkout.

Shared by the CI report formats, which name each document so, and by waivers and reviews,
whose globs are written from what those reports show."""

from __future__ import annotations

import functools
import os
from pathlib import Path

# Where GitHub Actions and GitLab CI check the repository out: findings are placed from there,
# even when a step runs in a folder of it (a monorepo's 'working-directory').
CHECKOUT_VARIABLES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")


def checkout_path(path: str) -> str:
    """The path CI systems place a finding by: from the checkout (the CI system's workspace,
    else the working directory) when the file lies under it, else as given, with forward
    slashes."""
    workspace = next((os.environ[v] for v in CHECKOUT_VARIABLES if os.environ.get(v)), None)
    # os.getcwd: a plain string for the cache key, asked once per verdict.
    return _checkout_path(path, os.getcwd(), workspace)  # noqa: PTH109


@functools.lru_cache(maxsize=4096)
def _checkout_path(path: str, cwd: str, workspace: str | None) -> str:
    # Cached: the CI formats ask once per verdict, 300,000 times in a national run.
    # Without '..' steps too: GitHub places no annotation on 'drafts/../drafts/plan.md'.
    pure = Path(os.path.normpath(path)) if path else Path(path)
    if not path:
        return pure.as_posix()
    whole = Path(os.path.normpath(Path(cwd) / pure))
    root = Path(os.path.normpath(Path(cwd) / workspace)) if workspace is not None else Path(cwd)
    found = _below(whole, root)
    if found is not None:
        return found
    if workspace is not None and pure.is_absolute():
        # Outside the workspace: named from the working directory, as without one.
        found = _below(whole, Path(cwd))
        if found is not None:
            return found
    return pure.as_posix()


def _below(whole: Path, root: Path) -> str | None:
    """``whole`` from ``root``, as written or with the links of its folders resolved in both
    ('$PWD/examples' through a linked checkout, which os.getcwd names by its real path:
    SARIF gave every finding a new fingerprint); None where it is not below it."""
    # The file's folder resolved, not the file: a link to 'drafts/plan.md' kept elsewhere is
    # named where it is, not as what it points to (a waiver of the target applied to it).
    resolved = Path(os.path.realpath(whole.parent)) / whole.name
    for under, base in ((whole, root), (resolved, Path(os.path.realpath(root)))):
        try:
            return under.relative_to(base).as_posix()
        except ValueError:
            continue
    return None


def under_checkout(path: str) -> bool:
    """Whether the file lies under the checkout (the CI system's workspace, else the working
    directory), by where it is, not by how its name reads: outside the workspace a path is
    named from the working directory, and 'plan.md' there is no file of the checkout."""
    workspace = next((os.environ[v] for v in CHECKOUT_VARIABLES if os.environ.get(v)), None)
    return _under_checkout(path, os.getcwd(), workspace)  # noqa: PTH109


@functools.lru_cache(maxsize=4096)
def _under_checkout(path: str, cwd: str, workspace: str | None) -> bool:
    # Cached as _checkout_path is: asked once per result.
    whole = Path(os.path.normpath(Path(cwd) / path))
    # A workspace given relatively ('.') is the working directory's.
    return _below(whole, Path(os.path.normpath(Path(cwd) / (workspace or cwd)))) is not None


def shared_path(path: str) -> str:
    """A file the run read beside its documents (a waivers file, a baseline) as a shared CI
    report names it: from the checkout when it lies under it, else by its own name only. A
    baseline downloaded to the runner's temporary folder put the runner's paths in every
    published report, and '../waivers.yaml' from a sub-folder made two runs' reports differ."""
    shown = checkout_path(path)
    if Path(shown).is_absolute() or shown == ".." or shown.startswith("../"):
        return Path(shown).name or shown
    return shown


def framework_checkout_path(path: str) -> str:
    """A framework file as the CI formats name it, from the checkout as its documents are;
    a built-in framework by its name."""
    return path if is_builtin(path) else checkout_path(path)


def is_builtin(path: str) -> bool:
    """Whether a framework's path names a built-in framework, which is no file to point at."""
    # Literal, not imported: this module is imported by every CI format, builtins reads YAML.
    return path.startswith("builtin:")
