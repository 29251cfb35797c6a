"""What several commands share: the two consoles, the exit with a message, the date option, the run history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from pipeline.history import History
    from pipeline.report.model import Report

HISTORY_DEFAULT = "pdd-report/history.sqlite"
HistoryOpt = Annotated[str, typer.Option("--history", help="Run history: a SQLite file or a SQLAlchemy URL "
                                         "(the config's stewards.history).")]

err = Console(stderr=True, soft_wrap=True)  # an error is one line, for grep and CI logs
out = Console()


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` on stderr and return the exit to raise (2: the command could not run)."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def parse_date(value: str) -> dt.date:
    """An --as-of or --until value (YYYY-MM-DD), or a usage error that says what was wrong."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def open_history(target: str) -> History:
    """The run history at ``target`` (a SQLite file or a SQLAlchemy URL), or exit 2 saying why not."""
    from pipeline.history import History, HistoryError, history_url

    if "://" not in target and not Path(target).exists():
        raise fail(f"history {target}: no such file (scan first, or give --history)")
    try:
        return History(history_url(target))
    except HistoryError as exc:
        raise fail(str(exc)) from None


def load_report(ref: str, history_target: str) -> Report:
    """A report from a report.json path (or its folder) or a scan run's id in the history."""
    from pipeline.history import HistoryError
    from pipeline.report import read_report

    p = Path(ref)
    if p.exists():
        try:
            return read_report(p)
        except (OSError, ValueError) as exc:
            raise fail(f"{ref}: not a report.json ({exc.__class__.__name__}: {str(exc).splitlines()[0]})") from None
    history = open_history(history_target)
    try:
        return history.report(ref)
    except HistoryError as exc:
        raise fail(f"{ref}: neither a report.json path nor a run of the history ({exc})") from None
    finally:
        history.close()
