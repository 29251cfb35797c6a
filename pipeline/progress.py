"""Progress of a command-line scan on stderr.

On a terminal: one Rich progress bar over the sweep units (a dataset, or one key range of a large table or
log), with datasets done of those found so far, bytes of files swept of those found and their rate, rows
of tables swept of those counted, records swept and their rate, elapsed time and an estimate of the time
left; a dataset that failed gets its own line above the bar. Not on a terminal (CI logs, a pipe): one plain
line per finished dataset, with the same progress. Under Airflow, PddScanOperator logs that line per dataset
(pipeline/airflow_provider/operators.py). Counts only, never a value.

Sizes are known before a dataset is swept (``Dataset.size``: a file's bytes on disk, a gzipped file's
compressed bytes, a table's counted rows), so the time left is the slowest measure's: what is left of it
at the rate its finished part went. Steps run in worker processes, so the bar moves when a unit finishes,
not per row; the summary at the end gives the report's own counts. The bar has no refresh thread (it is
redrawn when a step finishes): workers are forked while it shows, and a thread holding stderr's lock at a
fork would leave a worker stuck on it.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.filesize import decimal
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from pipeline.engine.run import Progress


def time_left(p: Progress, seconds: float) -> float | None:
    """Seconds left at the rate so far: the slowest of the sized measures (bytes, table rows), else by
    units; None before anything finished."""
    lefts = [(p.size[m] - done) * seconds / done for m, done in p.size_done.items() if done > 0 and m in p.size]
    if lefts:
        return max(lefts)
    if p.units_done:
        return (p.units - p.units_done) * seconds / p.units_done
    return None


def clock(seconds: float | None) -> str:
    """H:MM:SS, as Rich's own time columns show it; ``-:--:--`` when not known."""
    if seconds is None:
        return "-:--:--"
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def summary(p: Progress, records: bool = True, now: float | None = None) -> str:
    """Datasets done of those found, bytes and table rows swept of those known with the bytes' rate, records
    swept (``records``) with their rate, and the time left. Rates count from the first sweep step, so the
    startup (loading the classifier, sampling, linking) does not lower them."""
    seconds = max((now or time.monotonic()) - p.sweeping_since, 1e-6) if p.sweeping_since is not None else None

    def rate(n: int, unit: str) -> str:
        return "-" if seconds is None else (f"{decimal(int(n / seconds))}/s" if unit == "bytes" else
                                            f"{n / seconds:,.0f} {unit}/s")

    parts = [f"{p.datasets_done}/{p.datasets} datasets"]
    if "bytes" in p.size:
        done = p.size_done.get("bytes", 0)
        parts.append(f"{decimal(done)}/{decimal(p.size['bytes'])} ({rate(done, 'bytes')})")
    if "rows" in p.size:
        parts.append(f"{p.size_done.get('rows', 0):,}/{p.size['rows']:,} table rows")
    if records:
        parts.append(f"{p.rows:,} rows ({rate(p.rows, 'rows')})")
    parts.append(f"ETA {clock(time_left(p, seconds) if seconds is not None else None)}")
    return " · ".join(parts)


class ScanDisplay:
    """``with ScanDisplay(console) as display: Execution(..., display.progress).execute()``"""

    def __init__(self, console: Console, enabled: bool = True):
        self.console = console
        self.progress = Progress()
        self.bar: RichProgress | None = None
        self._task = None
        if not enabled:
            return
        if console.is_terminal and not console.is_dumb_terminal:
            self.bar = RichProgress(
                TextColumn("[bold]sweeping[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("units"),
                TimeElapsedColumn(), TextColumn("{task.fields[summary]}", markup=False),
                console=console, transient=True, auto_refresh=False)
            self._task = self.bar.add_task("scan", total=None, summary="")
            self.progress.changed = self._update
            self.progress.dataset_done = self._failed_line
        else:
            self.progress.dataset_done = self._plain_line

    def __enter__(self) -> ScanDisplay:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()

    def _update(self, p: Progress) -> None:
        assert self.bar is not None and self._task is not None
        self.bar.update(self._task, total=p.units or None, completed=p.units_done, summary=summary(p))
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
        done = summary(self.progress, records=False)
        self.console.print(f"[dim]swept[/] {source}/{dataset}: {rows:,} rows{state} | {done}", highlight=False)
