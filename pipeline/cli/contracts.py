"""`pdd contracts init|check`: thin callers of pipeline.contracts that turn errors into advice and exit codes.

Heavy modules (Great Expectations, pandas, the classifiers) are imported inside
the commands, so that `pdd --help` stays fast.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import fail, parse_date

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Data contracts: draft them from a scan (init), check the stores against them in CI (check).")

ConfigArg = Annotated[Path, typer.Argument(help="Sources config (YAML), see contract.md §1.")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Date ages are computed at (YYYY-MM-DD); default: "
                                             "the config's as_of.")]
SourceOpt = Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")]
ReportOpt = Annotated[Path | None, typer.Option("--report", help="Use this report.json of `pdd scan CONFIG` "
                                                "instead of scanning again.")]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="Worker processes for the scan (as `pdd scan "
                                         "--workers`); default 1.")]


def _config(path: Path, as_of: str | None):  # Config, imported lazily
    from pipeline.config.load import ConfigError, load_config

    date = parse_date(as_of) if as_of is not None else None
    try:
        return load_config(path, as_of=date)
    except ConfigError as exc:
        raise fail(f"config refused: {exc}") from None


def _quiet_logs() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)


@app.command()
def init(
    config: ConfigArg,
    out: Annotated[Path, typer.Option("--out", help="Folder for the drafted contracts.")] = Path("data_contracts"),
    as_of: AsOfOpt = None,
    source: SourceOpt = None,
    report: ReportOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite contract files that exist.")] = False,
    workers: WorkersOpt = 1,
) -> None:
    """Draft one contract per dataset from a scan of CONFIG, for a data steward to review and commit.

    Allowed types are what the scan found; rules: full_card_number on every field that can hold a card number,
    under_16 on date-of-birth and age fields, card_last_four_shape on CARD_LAST_FOUR fields of four-digit values.
    Files that exist are kept (a steward's edits) unless --force. Exit status: 0 drafted, 2 could not scan or write.
    """
    from pipeline.contracts.check import CheckError, load_report
    from pipeline.contracts.draft import DraftError, draft_contracts, write_drafts
    from pipeline.policy import PolicyError

    _quiet_logs()
    cfg = _config(config, as_of)
    names = [s.name for s in cfg.sources]
    unknown = sorted(set(source or []) - set(names))
    if unknown:
        raise fail(f"no source named {', '.join(unknown)} in {config}")
    scope = list(source or names)
    try:
        if report is not None:
            rep = load_report(report, cfg, scope)
        else:
            from pipeline.engine.run import scan

            typer.echo(f"Scanning {', '.join(scope)} to draft contracts...", err=True)
            rep = scan(cfg, sources=scope, workers=workers)
        drafts = draft_contracts(cfg, rep, scope)
    except (CheckError, DraftError, PolicyError) as exc:
        raise fail(f"cannot draft contracts: {exc}") from None
    written, kept = write_drafts(drafts, out, force=force)
    for p in written:
        typer.echo(f"drafted {p}")
    for p in kept:
        typer.echo(f"kept    {p} (exists; --force overwrites it)")
    typer.echo(f"{len(written)} contracts drafted in {out}, {len(kept)} kept. Review them (types, categories, "
               f"rules; see data_contracts/README.md), then check: pdd contracts check {config} --contracts {out}")


@app.command()
def check(
    config: ConfigArg,
    contracts: Annotated[Path, typer.Option("--contracts", help="Folder of contract files.")] = Path("data_contracts"),
    junit: Annotated[Path | None, typer.Option("--junit", help="Write a JUnit XML report here.")] = None,
    summary: Annotated[Path | None, typer.Option("--summary", help="Write a Markdown summary here (e.g. "
                                                 "$GITHUB_STEP_SUMMARY).")] = None,
    as_of: AsOfOpt = None,
    source: SourceOpt = None,
    report: ReportOpt = None,
    workers: WorkersOpt = 1,
    data_docs: Annotated[Path | None, typer.Option("--data-docs", help="Keep GE's validation results in a "
                                                   "file-backed GE context in this folder and build its Data "
                                                   "Docs there.")] = None,
) -> None:
    """Check the stores of CONFIG against the data contracts.

    Classification drift comes from a pdd scan; every rule runs as a Great Expectations expectation against the
    store itself.

    Exit status: 0 every clause holds, 1 a contract is broken, 2 the check could not run (bad config or contract,
    missing contracts folder, store unreachable).
    """
    from pipeline.contracts.check import CheckError, CheckOptions
    from pipeline.contracts.check import check as run_check
    from pipeline.contracts.junit import write_junit
    from pipeline.contracts.model import ContractError
    from pipeline.policy import PolicyError

    _quiet_logs()
    cfg = _config(config, as_of)
    options = CheckOptions(contracts=contracts, sources=tuple(source or ()), report=report, workers=workers)
    try:
        result = run_check(cfg, options)
    except ContractError as exc:
        raise fail(f"contract refused: {exc}") from None
    except (CheckError, PolicyError) as exc:
        raise fail(f"cannot check: {exc}") from None
    typer.echo(result.text())
    if junit is not None:
        typer.echo(f"JUnit: {write_junit(result, junit)}")
    if data_docs is not None:
        from pipeline.contracts.datadocs import build_data_docs

        try:
            typer.echo(f"Data Docs: {build_data_docs(result.gx_validations, data_docs)}")
        except Exception as exc:  # noqa: BLE001 - GE's own errors; the check's verdict still stands below
            typer.echo(f"Data Docs could not be built in {data_docs} ({exc.__class__.__name__})", err=True)
            raise typer.Exit(2) from None
    if summary is not None:
        summary.parent.mkdir(parents=True, exist_ok=True)
        with summary.open("a", encoding="utf-8") as fh:  # appends: $GITHUB_STEP_SUMMARY may hold other steps
            fh.write(result.markdown())
    raise typer.Exit(result.exit_code)
