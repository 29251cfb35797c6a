"""Progress of a command-line scan on stderr.

On a terminal: one Rich progress bar over the sweep units (a dataset, or one key range of a large table or
log), with datasets done of those found so far, records swept, their rate, elapsed time and an estimate of
the time left; a dataset that failed gets its own line above the bar. Not on a terminal (CI logs, a pipe):
one plain line per finished dataset. Under Airflow, PddScanOperator logs the same line per dataset
(pipeline/airflow_provider/operators.py). Counts only, never a value.

Steps run in worker processes, so the bar moves when a unit finishes, not per row; the summary at the end
gives the report's own counts. The bar has no refresh thread (it is redrawn when a step finishes): workers
are forked while it shows, and a thread holding stderr's lock at a fork would leave a worker stuck on it.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from pipeline.engine.run import Progress


class ScanDisplay:
    """``with ScanDisplay(console) as display: Execution(..., display.progress).execute()``"""

    def __init__(self, console: Console, enabled: bool = True):
        self.console = console
        self.progress = Progress()
        self.bar: RichProgress | None = None
        self._task = None
        self._started = time.monotonic()
        if not enabled:
            return
        if console.is_terminal and not console.is_dumb_terminal:
            self.bar = RichProgress(
                TextColumn("[bold]sweeping[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("units"),
                TextColumn("{task.fields[datasets]}"), TextColumn("{task.fields[rows]}"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=console, transient=True, auto_refresh=False)
            self._task = self.bar.add_task("scan", total=None, datasets="", rows="")
            self.progress.changed = self._update
            self.progress.dataset_done = self._failed_line
        else:
            self.progress.dataset_done = self._plain_line

    def __enter__(self) -> ScanDisplay:
        self._started = time.monotonic()
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()

    def fields(self, p: Progress) -> dict[str, str]:
        """The bar's text: datasets done of those found, rows swept and their rate."""
        seconds = max(time.monotonic() - self._started, 1e-6)
        return {"datasets": f"{p.datasets_done}/{p.datasets} datasets",
                "rows": f"{p.rows:,} rows ({p.rows / seconds:,.0f} rows/s)"}

    def _update(self, p: Progress) -> None:
        assert self.bar is not None and self._task is not None
        self.bar.update(self._task, total=p.units or None, completed=p.units_done, **self.fields(p))  # type: ignore[arg-type]  # rich keeps extra keywords as task fields
        self.bar.refresh()

    def _failed_line(self, source: str, dataset: str, rows: int, violations: int, error: bool) -> None:
        if error:
            self.console.print(f"[dim]swept[/] {source}/{dataset}: {rows:,} rows, [red]error[/] (see the report)",
                               highlight=False)

    def _plain_line(self, source: str, dataset: str, rows: int, violations: int, error: bool) -> None:
        # No violation count here: rules settle some records only when the report is assembled (a card held
        # back until its field's digit runs are counted, an inferred link to an account), so a count at this
        # point would understate; the summary gives the report's own numbers.
        state = ", [red]error[/] (see the report)" if error else ""
        self.console.print(f"[dim]swept[/] {source}/{dataset}: {rows:,} rows{state}", highlight=False)

