"""``pdd templates LOG [--json] [--lines FILE]``: a thin caller of pipeline.templates.log.mine_log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def templates(
    log: Annotated[Path, typer.Argument(help="A plain-text or JSON-lines log file (.gz read transparently).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: the log, its message field, templates.")]
    = False,
    lines: Annotated[Path | None, typer.Option("--lines", help="Write one JSON line per log line to this file: "
                                               '{"line": N, "template": ID}, N 1-based.')] = None,
) -> None:
    """Mine the statements that wrote LOG: each template's text (<*> slots), line count, and slot types.

    Exit status: 0 mined, 2 could not read the log or it has no message to mine.
    """
    import contextlib

    from classifiers.field import FieldClassifier
    from pipeline.sources.base import SourceError
    from pipeline.templates.log import mine_log

    try:
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(open(lines, "w", encoding="utf-8")) if lines else None
            mined = mine_log(log, FieldClassifier(), lines_out=out)
    except SourceError as exc:
        typer.echo(f"cannot mine templates: {exc}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(f"cannot mine templates: {exc.filename or lines}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps({"log": mined.log, "field": mined.field, "lines": mined.lines,
                               "forgotten": mined.forgotten,
                               "templates": [t.model_dump() for t in mined.templates]}, ensure_ascii=False))
        return
    personal = sum(any(s.entities for s in t.slots) for t in mined.templates)
    typer.echo(f"{mined.log}: {mined.lines} lines of field {mined.field}, {len(mined.templates)} templates, "
               f"{personal} with personal data" + (f", {mined.forgotten} lines of forgotten templates"
                                                   if mined.forgotten else ""))
    for t in mined.templates:
        kinds = "; ".join(f"slot {s.index}: {', '.join(s.entities)}" for s in t.slots if s.entities)
        typer.echo(f"{t.id:>6} {t.count:>9}  {t.template}" + (f"   [{kinds}]" if kinds else ""))
