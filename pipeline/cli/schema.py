"""`pdd schema NAME`: the JSON Schema of a file pdd reads or writes (pipeline.schemas.render)."""

from __future__ import annotations

import enum
import sys
from typing import Annotated

import typer


class SchemaName(str, enum.Enum):  # noqa: UP042 - typer reads its choices from a str Enum
    config = "config"
    report = "report"
    decisions = "decisions"
    contract = "contract"


def schema(name: Annotated[SchemaName, typer.Argument(help="Which file: the sources config, report.json, the review "
                                                      "decisions, a data contract.")]) -> None:
    """Print the JSON Schema (draft 2020-12) of a file pdd reads or writes, generated from the model that loads it.

    The same schemas are checked in under docs/schemas/; report.json names its own in `$schema`.
    """
    from pipeline.schemas import render

    sys.stdout.write(render(name.value))
