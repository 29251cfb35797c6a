"""pdd: personal data discovery. The library behind the `pdd` command, the DAGs and the contract checks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pdd")
    """The installed distribution's version (pyproject.toml), so that `pdd --version` and a report's
    run.tool_version say what pip installed, with no second copy of the number to keep in step."""
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
