"""Progress on a terminal: a bar per dataset while it is swept; one line per dataset elsewhere."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline.scan import DatasetResult, Scanner


@contextlib.contextmanager
def terminal_progress(scanner: Scanner, console: Console, enabled: bool = True) -> Iterator[None]:
    if not enabled:
        yield
        return
    if not console.is_terminal:
        def done(r: DatasetResult) -> None:
            state = f"error: {r.error}" if r.error else f"{len(r.violations)} violation(s)"
            console.print(f"scanned {r.source}/{r.dataset}: {r.rows:,} rows, {len(r.fields)} fields, {state}",
                          highlight=False)
        scanner.progress.dataset_done = done
        yield
        return
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed:,} rows"), TimeElapsedColumn(), console=console, transient=True)
    tasks: dict[tuple[str, str], int] = {}
    scanner.progress.dataset_started = lambda s, d: tasks.__setitem__((s, d), bar.add_task(f"{s}/{d}", total=None))
    scanner.progress.rows_swept = lambda s, d, n: bar.advance(tasks[(s, d)], n)

    def finished(r: DatasetResult) -> None:
        bar.remove_task(tasks.pop((r.source, r.dataset)))
        state = f"[red]error[/]: {r.error}" if r.error else f"{len(r.violations)} violation(s)"
        console.print(f"[dim]scanned[/] {r.source}/{r.dataset}: {r.rows:,} rows, {state}", highlight=False)

    scanner.progress.dataset_done = finished
    with bar:
        yield
