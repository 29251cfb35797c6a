"""`pdd export inventory|trend|fides|datahub`: thin callers of pipeline.report.export (CSV for spreadsheets) and
pipeline.export (catalogs and data maps); exit 0 written, 2 could not write.

`python -m pipeline.cli.export fides|datahub` runs the catalog exports alone, for an environment that holds only
an export's extra and pdd's report model (fideslang cannot share pdd's lock: it pins pydantic<2.13)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import HISTORY_DEFAULT, HistoryOpt, fail, open_history

ReportArg = Annotated[Path, typer.Argument(help="The report folder (or its report.json).")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="File to write.")]
UrlOpt = Annotated[str | None, typer.Option("--url", help="Send to this server instead of writing a file.")]

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="CSV exports for spreadsheets (the field inventory, the history's trend) and "
                       "exports to catalogs and data maps (fides, datahub).")


@app.command()
def inventory(report: Annotated[Path, typer.Argument(help="report.json or its folder.")] = Path("pdd-report"),
              out: Annotated[Path | None, typer.Option("--out", help="CSV file; default: stdout.")] = None) -> None:
    """The field inventory of a report as CSV (one row per field)."""
    from pipeline.report import read_report
    from pipeline.report.export import inventory_csv

    try:
        text = inventory_csv(read_report(report))
    except (OSError, ValueError) as exc:
        raise fail(f"{report}: not a report.json ({exc.__class__.__name__})") from None
    _write(text, out)


@app.command()
def trend(history: HistoryOpt = HISTORY_DEFAULT,
          out: Annotated[Path | None, typer.Option("--out", help="CSV file; default: stdout.")] = None) -> None:
    """The history's runs as CSV, oldest first: counts of fields, personal fields, violations by rule."""
    from pipeline.report.export import trend_csv

    h = open_history(history)
    try:
        _write(trend_csv(h.runs()), out)
    finally:
        h.close()


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    out = {}
    for v in values or []:
        name, sep, target = v.partition("=")
        if not sep or not name or not target:
            raise typer.BadParameter(f"{v!r}: use SOURCE={what}")
        out[name] = target
    return out


def _run(target: str, work) -> None:  # a callable returning the line to print
    from pipeline.export import ExportError
    from pipeline.policy import PolicyError

    try:
        line = work()
    except (ExportError, PolicyError) as exc:
        typer.echo(f"pdd export {target}: {exc}", err=True)
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - a bug, said in one line without the message (it may quote a scanned name)
        typer.echo(f"pdd export {target}: failed ({exc.__class__.__name__}); nothing was written", err=True)
        raise typer.Exit(2) from None
    typer.echo(line, err=True)


def _options(config: Path | None, platform: list[str] | None = None, env: str = "PROD",
             service: list[str] | None = None):  # ExportOptions
    from pipeline.config.load import ConfigError
    from pipeline.export import ExportError, ExportOptions
    from pipeline.export.base import options_from_config

    extra = {"platforms": _pairs(platform, "PLATFORM"), "services": _pairs(service, "SERVICE.DATABASE"),
             "env": env}
    if config is None:
        return ExportOptions.model_validate(extra)
    try:
        return options_from_config(config, **extra)
    except ConfigError as exc:
        raise ExportError(f"config refused: {exc}") from None


@app.command()
def fides(report: ReportArg,
          out: Annotated[Path, typer.Option("--out", help="The fides dataset YAML to write.")]) -> None:
    """A fides dataset YAML per source (fields with fideslang data categories), validated by fideslang."""
    from pipeline.export import load
    from pipeline.export.fides import export_fides

    _run("fides", lambda: f"wrote {export_fides(load(report), out)}")


@app.command()
def datahub(report: ReportArg, out: OutOpt = None, url: UrlOpt = None,
            config: Annotated[Path | None, typer.Option("--config", help="The scan's config: SQL sources' "
                                                        "platforms and databases for the URNs.")] = None,
            platform: Annotated[list[str] | None, typer.Option("--platform", help="SOURCE=PLATFORM, DataHub's "
                                                               "platform of a source (repeatable).")] = None,
            env: Annotated[str, typer.Option("--env", help="DataHub environment (fabric) of the URNs.")] = "PROD",
            ) -> None:
    """DataHub metadata change proposals: DataHub's file format (--out) or sent to GMS (--url, token in
    DATAHUB_GMS_TOKEN)."""
    from pipeline.export import load
    from pipeline.export.datahub import TOKEN_ENV, export_datahub

    _run("datahub", lambda: export_datahub(load(report), _options(config, platform, env), out=out, url=url,
                                           token=os.environ.get(TOKEN_ENV)))


def main() -> None:
    """The catalog exports alone (`python -m pipeline.cli.export`), without the rest of `pdd`."""
    alone = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                        help="pdd's exports to catalogs and data maps.")
    alone.command(name="fides")(fides)
    alone.command(name="datahub")(datahub)
    alone()


if __name__ == "__main__":
    main()
