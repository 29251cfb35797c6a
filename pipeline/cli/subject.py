"""`pdd subject`: a thin caller of pipeline.linkage.subject that turns errors into advice and exit codes."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer


def subject(
    config: Annotated[Path, typer.Argument(help="Sources config (YAML), see contract.md §1.")],
    email: Annotated[str | None, typer.Option("--email", help="The person's e-mail address.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="The person's phone number.")] = None,
    id_: Annotated[str | None, typer.Option("--id", help="The person's account id.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: identity and locations.")] = False,
) -> None:
    """Every record of one person (e-mail, phone or account id) across the sources, through identity fields and links.

    Prints locations only (source, dataset, field, key), no value but the identity given.
    Exit status: 0 nothing found (an erasure is complete), 1 records found, 2 could not run.
    """
    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.context import ScanContext
    from pipeline.linkage.subject import Identity, find_subject
    from pipeline.policy import PolicyError

    given = [(k, v) for k, v in (("email", email), ("phone", phone), ("id", id_)) if v is not None]
    if len(given) != 1:
        typer.echo("give exactly one of --email, --phone, --id", err=True)
        raise typer.Exit(2)
    try:
        identity = Identity(*given[0])  # type: ignore[arg-type]  # the option's name is one of the identity kinds
    except ValueError as exc:
        typer.echo(f"--{given[0][0]}: {exc}", err=True)
        raise typer.Exit(2) from None
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        typer.echo(f"config refused: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        result = find_subject(ScanContext.build(cfg), identity)
    except PolicyError as exc:
        typer.echo(f"cannot search: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result.model_dump(), indent=2))
    else:
        where = {(x.source, x.dataset) for x in result.locations}
        typer.echo(f"{result.kind} {result.identity}: {len(result.locations)} location(s) in {len(where)} dataset(s)")
        for x in result.locations:
            typer.echo(f"  {x.source}/{x.dataset}  {x.field}  key {x.key}  ({x.found_by})")
        for e in result.errors:
            typer.echo(f"not searched: {e}", err=True)
        if not result.locations and not result.errors:
            typer.echo("nothing found: no record of this person is left in the configured sources")
    raise typer.Exit(result.exit_code)
