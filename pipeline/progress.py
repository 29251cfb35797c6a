"""Progress on the terminal: one line per dataset as its last step finishes (steps run in worker processes,
so there is no per-row bar; the summary at the end gives the report's own counts)."""

from __future__ import annotations

from rich.console import Console

from pipeline.execute import Progress


def dataset_lines(console: Console, enabled: bool = True) -> Progress:
    progress = Progress()
    if not enabled:
        return progress

    def done(source: str, dataset: str, rows: int, violations: int, error: bool) -> None:
        state = "[red]error[/] (see the report)" if error else f"{violations} violation(s)"
        console.print(f"[dim]scanned[/] {source}/{dataset}: {rows:,} rows, {state}", highlight=False)

    progress.dataset_done = done
    return progress
