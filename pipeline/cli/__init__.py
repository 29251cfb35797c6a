"""The `pdd` command: the app shell over the library (pipeline/ and classifiers/).

One module per command or command group, each a thin caller of a library verb that turns its errors into
advice and exit codes; :mod:`pipeline.cli.root` holds the global options and wires every command onto the
one typer app, explicitly. Every module here imports only the standard library, typer and rich at its top;
a command imports what it needs when it runs, so that `pdd --help`, `pdd --version` and `pdd schema` start
fast (tests/test_cli.py checks which modules they load).

``main`` is the console script (`pdd`); ``app`` is the typer app, for tests that drive it in process. Both
are looked up on first use, so that `python -m pipeline.cli.export` (the exports alone, in the fides
environment) does not build the whole command tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    app: typer.Typer


def main() -> None:
    """The `pdd` console script (pyproject.toml [project.scripts])."""
    from pipeline.cli.root import main as run

    run()


def __getattr__(name: str) -> Any:
    if name == "app":
        from pipeline.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
