"""Progress on the terminal: one line per dataset as its last step finishes (steps run in worker processes,
so there is no per-row bar; the summary at the end gives the report's own counts)."""

from __future__ import annotations

from rich.console import Console

from pipeline.engine.run import Progress


def dataset_lines(console: Console, enabled: bool = True) -> Progress:
    progress = Progress()
    if not enabled:
        return progress

    def done(source: str, dataset: str, rows: int, violations: int, error: bool) -> None:
        # No violation count here: rules settle some records only when the report is assembled (a card held
        # back until its field's digit runs are counted, an inferred link to an account), so a count at this
        # point would understate; the summary gives the report's own numbers.
        state = ", [red]error[/] (see the report)" if error else ""
        console.print(f"[dim]swept[/] {source}/{dataset}: {rows:,} rows{state}", highlight=False)

    progress.dataset_done = done
    return progress
