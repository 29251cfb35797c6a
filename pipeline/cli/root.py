"""The root of `pdd`: its global options (--version, --verbose/--quiet, --log-format, shell completion) and the
wiring of every command and command group, in the order `pdd --help` lists them.

Each command lives in its own module of this package and is registered here, by name, and nowhere else.
"""

from __future__ import annotations

import enum
import sys
from typing import Annotated

import typer

from pipeline.cli import contracts, diff, export, logs, pools, review, scan, schema, subject, templates
from pipeline.cli.common import err

app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False,
                  help="pdd: personal data discovery. Checks real data against the privacy policy's promises.")


class LogFormat(str, enum.Enum):  # noqa: UP042 - typer reads its choices from a str Enum
    text = "text"
    json = "json"


def _print_version(value: bool) -> None:
    if value:
        from pipeline import __version__

        typer.echo(f"pdd {__version__}")
        raise typer.Exit()


@app.callback()
def _top(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print `pdd X.Y.Z` and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what pdd does (pdd's own INFO and DEBUG "
                                          "messages).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors: no warnings, no summary.")] = False,
    log_format: Annotated[LogFormat, typer.Option("--log-format",
                                            help="text, or json: one JSON object per line on stderr "
                                            "(time, level, logger, message), for log shippers.")] = LogFormat.text,
) -> None:
    """pdd: personal data discovery. Checks real data against the privacy policy's promises."""
    try:
        level = logs.level_for(verbose, quiet)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    logs.configure(level, log_format.value)


app.command()(scan.scan)
app.command()(pools.pools)
app.command()(schema.schema)
app.command()(diff.diff)
app.command()(subject.subject)
app.command()(templates.templates)
app.add_typer(contracts.app, name="contracts")
app.add_typer(review.app, name="review")
app.add_typer(export.app, name="export")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(2)
