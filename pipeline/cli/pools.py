"""`pdd pools CONFIG`: the Airflow pools the scan DAG uses (pipeline.engine.airflow.pools), as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import err, out


def pools(
    config: Annotated[Path, typer.Argument(help="Sources config (YAML).")],
    slots: Annotated[int, typer.Option(help="Concurrent pdd tasks allowed per source.")] = 2,
) -> None:
    """Print the Airflow pools the scan DAG uses, as JSON for `airflow pools import`."""
    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.airflow import pools as scan_pools

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        err.print(f"[red]config refused:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    out.print_json(json.dumps(scan_pools(cfg, slots)))
