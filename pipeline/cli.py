"""The `pdd` command: a thin caller of the library that turns errors into advice and exit codes."""

from __future__ import annotations

import datetime as dt
import enum
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pipeline.contracts.cli import app as contracts_app
from pipeline.linkage.cli import subject
from pipeline.stewards_cli import register as register_steward_commands
from pipeline.templates.cli import templates

app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False,
                  help="pdd: personal data discovery. Checks real data against the privacy policy's promises.")
err = Console(stderr=True, soft_wrap=True)  # an error is one line, for grep and CI logs
out = Console()


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
    from pipeline import cli_logs

    try:
        level = cli_logs.level_for(verbose, quiet)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    cli_logs.configure(level, log_format.value)


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@app.command()
def scan(
    config: Annotated[Path, typer.Argument(help="Sources config (YAML), see contract.md §1.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for report.json.")] = Path("pdd-report"),
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date ages are computed at (YYYY-MM-DD).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Scan only this source (repeatable).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, only errors.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=1,
                                                help="Worker processes (default: every core).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue a stopped scan of the same config and "
                                         "--out, keeping the datasets and key ranges it finished.")] = False,
    part_rows: Annotated[int | None, typer.Option("--part-rows", min=1, hidden=True,
                                                  help="Rows per key range of a large table.")] = None,
) -> None:
    """Scan every source of CONFIG and write OUT/report.json.

    Exit status: 0 no violation, 1 violations found, 2 the scan could not run, a source failed, or it was
    stopped (SIGTERM, Ctrl-C; finished work is kept for --resume and an earlier report.json is left as it was).
    """
    from pipeline.cli_logs import quiet_requested
    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.run import WORK_DIR, Engine, ResumeRefused, ScanOptions, Stopped, stop_on_signals
    from pipeline.progress import ScanDisplay
    from pipeline.report import write_report
    from pipeline.report.summary import print_summary

    quiet = quiet or quiet_requested()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")  # unless configured
    try:
        cfg = load_config(config, as_of=_as_of(as_of))
    except ConfigError as exc:
        err.print(f"[red]config refused:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    from pipeline.review import ReviewError, load_decisions

    try:
        load_decisions(cfg.resolve(cfg.stewards.decisions))  # refused before a long scan, not after
    except ReviewError as exc:
        err.print(f"[red]review decisions refused:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    unknown = set(source or []) - {s.name for s in cfg.sources}
    if unknown:
        err.print(f"[red]no source named {', '.join(sorted(unknown))} in {config}[/]")
        raise typer.Exit(2)
    options = ScanOptions(resume=resume, sources=tuple(source) if source else None,
                          **({"workers": workers} if workers else {}),
                          **({"part_rows": part_rows} if part_rows else {}))
    try:
        display = ScanDisplay(err, enabled=not quiet)
        engine = Engine(cfg, out_dir / WORK_DIR, options, display.progress)
    except ResumeRefused as exc:
        err.print(f"[red]cannot resume:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    try:
        with stop_on_signals():
            with display:
                report = engine.run()
            path = write_report(report, out_dir)
            engine.clean()
    except Stopped as stop:
        p = engine.progress
        err.print(f"[yellow]pdd scan stopped by {stop.signame}[/]: {p.datasets_done} of {p.datasets} dataset(s) "
                  f"listed so far were done ({p.done} step(s), {p.kept} kept from before); report.json was not "
                  f"written (an earlier one in {out_dir} is left as it was). Finished work is kept in "
                  f"{engine.work_dir}: rerun with --resume to continue.", highlight=False)
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - the library's own errors carry advice; anything else is a bug, said in one line
        from classifiers.engine import ModelNotInstalled
        from pipeline.engine.dataset import unexpected
        from pipeline.policy import PolicyError

        text = str(exc) if isinstance(exc, (ModelNotInstalled, PolicyError)) else unexpected("the scan", exc)
        err.print(f"[red]cannot scan:[/] {text}", highlight=False)
        raise typer.Exit(2) from None
    from pipeline.report.publish import publish

    published = publish(report, out_dir, cfg)  # report.html beside report.json, the run in the history
    for problem in published.problems:
        err.print(f"[yellow]warning:[/] {problem}", highlight=False)
    if not quiet:
        print_summary(report, out, path)
        out.print(f"Page: {published.html}" + (f" (since run {published.previous_run})" if published.previous_run
                                               else ""))
    raise typer.Exit(report.exit_code)


@app.command()
def pools(
    config: Annotated[Path, typer.Argument(help="Sources config (YAML).")],
    slots: Annotated[int, typer.Option(help="Concurrent pdd tasks allowed per source.")] = 2,
) -> None:
    """Print the Airflow pools the scan DAG uses, as JSON for `airflow pools import`."""
    import json

    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.airflow import pools as scan_pools

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        err.print(f"[red]config refused:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    out.print_json(json.dumps(scan_pools(cfg, slots)))


class SchemaName(str, enum.Enum):  # noqa: UP042 - typer reads its choices from a str Enum
    config = "config"
    report = "report"
    decisions = "decisions"
    contract = "contract"


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(help="Which file: the sources config, report.json, the review "
                                                      "decisions, a data contract.")]) -> None:
    """Print the JSON Schema (draft 2020-12) of a file pdd reads or writes, generated from the model that loads it.

    The same schemas are checked in under docs/schemas/; report.json names its own in `$schema`.
    """
    from pipeline.schemas import render

    sys.stdout.write(render(name.value))


app.add_typer(contracts_app, name="contracts")
register_steward_commands(app)
app.command()(subject)
app.command()(templates)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(2)


if __name__ == "__main__":
    main()
