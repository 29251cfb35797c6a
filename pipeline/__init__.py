"""pdd: personal data discovery. The library behind the `pdd` command, the DAGs and the contract checks."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``: the installed distribution's version (pyproject.toml), so that `pdd --version` and a
    report's run.tool_version say what pip installed, with no second copy of the number to keep in step.

    Looked up on first use: importlib.metadata is a sixth of what `pdd --help` would import otherwise.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("pdd")
    except PackageNotFoundError:  # run from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
