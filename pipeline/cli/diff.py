"""`pdd diff [OLD NEW]`: a thin caller of pipeline.report.diff over two reports or two scan runs of the history."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from pipeline.cli.common import HISTORY_DEFAULT, HistoryOpt, fail, load_report, open_history


def diff(
    old: Annotated[str | None, typer.Argument(help="report.json (or its folder) or a run id; default: the "
                                              "history's second-last run.")] = None,
    new: Annotated[str | None, typer.Argument(help="report.json or run id; default: the history's last run.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False,
    history: HistoryOpt = HISTORY_DEFAULT,
) -> None:
    """What changed between two runs: datasets and fields added or gone, types changed, violations new and resolved.

    Exit status: 0 nothing changed, 1 something changed, 2 could not compare.
    """
    from pipeline.report.diff import diff_lines, diff_reports

    if (old is None) != (new is None):
        raise fail("give both OLD and NEW, or neither (the history's last two runs)")
    if old is None or new is None:  # neither given (one alone is refused above)
        h = open_history(history)
        try:
            runs = h.runs(limit=2)
        finally:
            h.close()
        if len(runs) < 2:
            raise fail(f"the history {history} holds {len(runs)} run(s); two are needed to compare")
        old, new = runs[0].run_id, runs[1].run_id
    d = diff_reports(load_report(old, history), load_report(new, history))
    if as_json:
        typer.echo(json.dumps({**d.model_dump(mode="json"), "changed": d.changed}, indent=2, ensure_ascii=False))
    else:
        for line in diff_lines(d):
            typer.echo(line)
    raise typer.Exit(1 if d.changed else 0)
