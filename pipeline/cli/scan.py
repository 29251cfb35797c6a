"""`pdd scan CONFIG`: a thin caller of the scan engine (pipeline.engine.run) that turns errors into advice and exit
codes, shows progress on stderr and prints the summary."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import err, out, parse_date


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
    from pipeline.cli.logs import quiet_requested
    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.run import WORK_DIR, Engine, ResumeRefused, ScanOptions, Stopped, stop_on_signals
    from pipeline.progress import ScanDisplay
    from pipeline.report import write_report
    from pipeline.report.summary import print_summary

    quiet = quiet or quiet_requested()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")  # unless configured
    try:
        cfg = load_config(config, as_of=parse_date(as_of) if as_of is not None else None)
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
