"""A scan run: the steps (steps.py) scheduled on an executor (executors.py) over a run store (store.py).

One way through for every caller: ``pdd scan``, ``contracts check``/``init``, the benchmarks and the tests
call :class:`Engine` (or :func:`scan`, the same with a temporary run folder); the Airflow DAG runs the same
steps as tasks (airflow.py). A step runs as soon as the step it needs is done: discover a source, classify
each of its datasets (which splits a large table into key ranges), sweep each unit once the link step has
built the person index; the report is assembled from the store alone, so it is the same whether one
process or eight ran the steps.

"Run" means one execution of a scan: it has an id (report.json's ``run.id``, the history's key) and a
folder, the run store. A stopped run resumes (``resume``): every step whose result is in the store is kept.
The store holds a fingerprint of what was asked (config, sources, part size), so a resume never mixes two
different scans.

Stopping: :func:`stop_on_signals` turns SIGTERM and SIGINT into :class:`Stopped` in the main process; the
pool is terminated (workers ignore SIGINT and die on SIGTERM, so a half-done step leaves no file).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config.model import Config
from pipeline.engine.assemble import assemble_run, now
from pipeline.engine.context import ScanContext
from pipeline.engine.dataset import unexpected
from pipeline.engine.executors import Executor, Inline, WorkerDied, WorkerPool
from pipeline.engine.steps import (
    Classified,
    Classify,
    Discover,
    Link,
    Linked,
    Listed,
    Outcome,
    Step,
    Sweep,
    Swept,
)
from pipeline.engine.store import RunStore
from pipeline.report.model import Report

PART_ROWS = 250_000
"""Rows per sweep unit on this machine: a larger table with an integer key is split into key ranges that
workers sweep side by side (smaller than the DAG's parts: here a unit costs no task start)."""

WORK_DIR = ".pdd-work"
"""The run store's folder inside the report folder."""


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ScanOptions:
    """How a run is executed."""

    workers: int = field(default_factory=default_workers)
    """Worker processes; 1 runs every step in this process."""
    resume: bool = False
    """Keep the steps a stopped run finished (same config and sources), run the rest."""
    part_rows: int = PART_ROWS
    """Rows per key range of a large table."""
    sources: tuple[str, ...] | None = None
    """Only these sources (default: all of the config's)."""


class Stopped(BaseException):  # not an error: the user or the scheduler asked
    """The run was asked to stop (SIGTERM, SIGINT); finished steps are kept for ``resume``."""

    def __init__(self, signame: str):
        super().__init__(signame)
        self.signame = signame


class ResumeRefused(Exception):
    """``resume`` was asked for a run store that belongs to a different scan."""


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT raise :class:`Stopped` in the main thread, for as long as the block runs.

    SIGTERM's default action kills without running ``finally``; SIGINT's KeyboardInterrupt is
    caught by click before pdd sees it. Both become one exception the caller reports.
    """
    def stop(signum: int, _frame: Any) -> None:
        raise Stopped(signal.Signals(signum).name)

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


@dataclass
class Progress:
    """What a run tells its caller as it goes; the library prints nothing (pipeline/progress.py does)."""

    done: int = 0
    """Steps finished (by this run or kept from a stopped one)."""
    kept: int = 0
    """Steps kept from a stopped run."""
    datasets_done: int = 0
    datasets: int = 0
    units_done: int = 0
    """Sweep units (a dataset, or one key range of a large one) finished."""
    units: int = 0
    """Sweep units known so far (grows as datasets are discovered and split)."""
    rows: int = 0
    """Records swept so far."""
    sweeping_since: float | None = None
    """``time.monotonic()`` when the first sweep step started (rates count from there, not from startup)."""
    size: dict[str, int] = field(default_factory=dict)
    """Measure (``bytes``, ``rows``) -> what the units known so far read, for those whose size is known."""
    size_done: dict[str, int] = field(default_factory=dict)
    """Measure -> the part of ``size`` that finished units read."""
    #: (source, dataset, rows, violations so far, error) when a dataset's last unit is done
    dataset_done: Callable[[str, str, int, int, bool], None] = lambda *a: None
    #: called after any change of the counts above (a step finished), for a progress display
    changed: Callable[[Progress], None] = lambda p: None


class Engine:
    """One scan run: its context, its store, its executor, and the report at the end."""

    def __init__(self, config: Config, work_dir: Path, options: ScanOptions | None = None,
                 progress: Progress | None = None, context: ScanContext | None = None):
        self.config = config
        self.options = options or ScanOptions()
        self.progress = progress or Progress()
        self.work_dir = Path(work_dir)
        self.context = context or ScanContext.build(config)
        self.started = now()
        self._prepare()
        self.store = RunStore(self.work_dir)
        self._units_left: dict[tuple[str, str], int] = {}
        self._tally: dict[tuple[str, str], list[int]] = {}
        self._linked = False
        self._waiting: list[Step] = []  # sweeps that wait for the link step

    # -- the run store's fingerprint ------------------------------------------------------------------
    def _fingerprint(self) -> dict:
        cfg = self.config.model_dump(mode="json")
        # Secret values are masked in a dump; their hash tells a changed URL without storing it.
        secrets = [url.get_secret_value() for s in self.config.sources if (url := getattr(s, "url", None))]
        cfg["secrets"] = hashlib.sha256("\n".join(secrets).encode()).hexdigest()
        return {"tool_version": __version__, "config": cfg, "part_rows": self.options.part_rows,
                "sources": sorted(self.options.sources) if self.options.sources else None}

    def _prepare(self) -> None:
        wanted = self._fingerprint()
        kept = RunStore(self.work_dir).fingerprint() if self.options.resume and self.work_dir.exists() else None
        if kept is not None:
            if kept.get("scan") != wanted:
                raise ResumeRefused(f"{self.work_dir} holds the steps of a scan with another config, sources or "
                                    "version; run without --resume to start afresh")
            self.started = kept["started"]
            return
        if self.work_dir.exists():
            shutil.rmtree(self.work_dir)
        RunStore(self.work_dir).write_fingerprint(wanted, self.started)

    def clean(self) -> None:
        """Remove the run store (once the report is written)."""
        shutil.rmtree(self.work_dir, ignore_errors=True)

    # -- running ----------------------------------------------------------------------------------------
    def _executor(self) -> Executor:
        if self.options.workers > 1:
            self.context.classifier  # noqa: B018 - built once here, inherited by the forked workers
            return WorkerPool(self.context, self.store, self.options.workers)
        return Inline(self.context, self.store)

    def run(self) -> Report:
        """Run every step not done yet and return the report; raises Stopped when a signal asks to stop."""
        sources = [s.name for s in self.config.sources if not self.options.sources or s.name in self.options.sources]
        ready: deque[Step] = deque(Discover(s) for s in sources)
        if self.context.persons is None:
            ready.appendleft(Link())
        else:  # a context that has run the link step before (the benchmarks scan one source at a time)
            self.store.write_index(self.context.persons)
            self._linked = True
        executor = self._executor()
        try:
            while ready or executor.busy():
                while ready and executor.accepts():
                    step = ready.popleft()
                    kept = step.kept(self.store) if self.options.resume else None
                    if kept is not None:
                        self.progress.kept += 1
                        ready.extend(self._after(step, kept))
                    else:
                        if isinstance(step, Sweep) and self.progress.sweeping_since is None:
                            self.progress.sweeping_since = time.monotonic()
                        executor.submit(step)
                if executor.busy():
                    step, outcome = executor.next()
                    if isinstance(outcome, BaseException):
                        text = str(outcome) if isinstance(outcome, WorkerDied) else \
                            unexpected(f"step {type(step).__name__.lower()}", outcome)
                        outcome = step.failed(self.context, self.store, text)
                    ready.extend(self._after(step, outcome))
        finally:
            executor.close()
            self.context.close_opened()
        return assemble_run(self.context, self.store, self.started, sources=list(self.options.sources)
                            if self.options.sources else None, log_hint="its step did not finish; rerun the scan")

    def _after(self, step: Step, outcome: Outcome) -> list[Step]:
        """The steps a finished one makes ready."""
        self.progress.done += 1
        if isinstance(outcome, Linked):
            self._linked = True
            waiting, self._waiting = self._waiting, []
            return waiting
        if isinstance(outcome, Listed):
            assert isinstance(step, Discover)
            self.progress.datasets += len(outcome.datasets)
            self.progress.changed(self.progress)
            return [Classify(step.source, d, self.options.part_rows) for d in outcome.datasets]
        if isinstance(outcome, Classified):
            assert isinstance(step, Classify)
            if not outcome.units:  # nothing to sweep (the dataset could not be opened): done
                self._dataset_finished(step.source, step.dataset, 0, 0, True)
            self._units_left[(step.source, step.dataset)] = len(outcome.units)
            self.progress.units += len(outcome.units)
            for u in outcome.units:
                if u.measure is not None and u.size is not None:
                    self.progress.size[u.measure] = self.progress.size.get(u.measure, 0) + u.size
            self.progress.changed(self.progress)
            sweeps: list[Step] = [Sweep(u) for u in outcome.units]
            if self._linked:
                return sweeps
            self._waiting += sweeps
            return []
        assert isinstance(outcome, Swept)
        self._unit_done(outcome)
        return []

    def _unit_done(self, swept: Swept) -> None:
        key = (swept.unit.source, swept.unit.dataset)
        tally = self._tally.setdefault(key, [0, 0, 0])
        tally[0] += swept.rows
        tally[1] += swept.violations
        tally[2] |= swept.error
        self._units_left[key] = self._units_left.get(key, 1) - 1
        self.progress.units_done += 1
        self.progress.rows += swept.rows
        if (u := swept.unit).measure is not None and u.size is not None:
            self.progress.size_done[u.measure] = self.progress.size_done.get(u.measure, 0) + u.size
        if self._units_left[key] <= 0:
            self._dataset_finished(*key, tally[0], tally[1], bool(tally[2]))
        self.progress.changed(self.progress)

    def _dataset_finished(self, source: str, dataset: str, rows: int, violations: int, error: bool) -> None:
        self.progress.datasets_done += 1
        self.progress.dataset_done(source, dataset, rows, violations, error)


def scan(config: Config, sources: list[str] | None = None, workers: int = 1, progress: Progress | None = None,
         context: ScanContext | None = None) -> Report:
    """A whole run in a temporary run store, removed afterwards: the report only (the library's one call)."""
    with tempfile.TemporaryDirectory(prefix="pdd-run-") as tmp:
        options = ScanOptions(workers=workers, sources=tuple(sources) if sources else None)
        return Engine(config, Path(tmp) / WORK_DIR, options, progress, context).run()
