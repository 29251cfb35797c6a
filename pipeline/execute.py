"""The command line's scan: the Airflow DAG's units, run by a pool of worker processes on this machine.

One design for both callers. A scan is the steps of :class:`pipeline.orchestrate.Run`:
``discover`` a source, ``classify`` a dataset (which also splits a large table into key
ranges), ``sweep`` one unit (a whole dataset or one key range); each step leaves its result
as a JSON file in the work folder, and the report is assembled from those files alone
(``Run.report``). The DAG runs the steps as mapped tasks; here a pool of ``workers``
processes runs them as soon as the step they need is done, several datasets and several
key ranges of one table at once. Because the report is built from the same files in the
same order, it is the same whether one process or eight ran the steps.

The same files make a stopped scan resumable: ``resume`` keeps every step whose file is
there and runs the rest. The work folder holds a fingerprint of what was asked (config,
sources, part size), so a resume never mixes two different scans; it is removed when the
report has been built.

Stopping: :func:`stop_on_signals` turns SIGTERM and SIGINT into :class:`Stopped` in the
main process; the pool is terminated (workers ignore SIGINT and die on SIGTERM, so a
half-done step leaves no file: files are written to a temporary name and renamed).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing as mp
import os
import queue
import shutil
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import Config
from pipeline.orchestrate import Run
from pipeline.report.model import Report
from pipeline.scan import now, unexpected


def _lock_pool_wakeups() -> None:
    """Python 3.11's ProcessPoolExecutor races at interpreter exit: its exit hook checks that the manager
    thread's wake-up pipe is open, the manager thread closes it, and the hook's write then fails with
    "Bad file descriptor" and a traceback on stderr (seen after a SIGINT stop, under load). Python 3.12
    takes a lock around both (CPython gh-105829); the same lock, for the versions without it."""
    import sys
    import threading
    from concurrent.futures import process

    wakeup = getattr(process, "_ThreadWakeup", None)
    if sys.version_info >= (3, 12) or wakeup is None or getattr(wakeup, "_pdd_locked", False):
        return
    close, wake = wakeup.close, wakeup.wakeup
    guard = threading.Lock()  # one for all pools: wake-ups are rare (a submit, a stop, the exit)

    def locked_close(self: Any) -> None:
        with guard:
            close(self)

    def locked_wakeup(self: Any) -> None:
        with guard:
            wake(self)

    wakeup.close, wakeup.wakeup, wakeup._pdd_locked = locked_close, locked_wakeup, True


_lock_pool_wakeups()

PART_ROWS = 250_000
"""Rows per sweep unit: a larger table with an integer key is split into key ranges that
workers sweep side by side (smaller than the DAG's parts: here a unit costs no task start)."""

WORK_DIR = ".pdd-work"
"""The work folder's name inside the report folder."""

_FINGERPRINT = "scan.json"


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ExecOptions:
    """How the command line runs a scan."""

    workers: int = field(default_factory=default_workers)
    """Worker processes; 1 runs every step in this process."""
    resume: bool = False
    """Keep the steps a stopped scan finished (same config and sources), run the rest."""
    part_rows: int = PART_ROWS
    """Rows per key range of a large table."""
    sources: tuple[str, ...] | None = None
    """Only these sources (default: all of the config's)."""


class Stopped(BaseException):  # noqa: N818 - not an error: the user or the scheduler asked
    """The scan was asked to stop (SIGTERM, SIGINT); finished steps are kept for ``resume``."""

    def __init__(self, signame: str):
        super().__init__(signame)
        self.signame = signame


class ResumeRefused(Exception):
    """``resume`` was asked for a work folder that belongs to a different scan."""


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
    """What a scan tells its caller as it goes; the library prints nothing."""

    done: int = 0
    """Steps finished (by this run or kept from a stopped one)."""
    kept: int = 0
    """Steps kept from a stopped scan."""
    datasets_done: int = 0
    datasets: int = 0
    units_done: int = 0
    """Sweep units (a dataset, or one key range of a large one) finished."""
    units: int = 0
    """Sweep units known so far (grows as datasets are discovered and split)."""
    rows: int = 0
    """Records swept so far."""
    #: called after any change of the counts above (a step finished), for a progress display
    changed: Callable[[Progress], None] = lambda p: None
    #: (source, dataset, rows, violations so far, error) when a dataset's last unit is done
    dataset_done: Callable[[str, str, int, int, bool], None] = lambda *a: None


# -- the worker side --------------------------------------------------------------------------------------
_RUN: Run | None = None


def _init_worker(run: Run) -> None:
    global _RUN
    _RUN = run
    # Ctrl-C reaches the whole process group; only the main process decides what a stop means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _step(task: tuple[str, dict]) -> dict:
    """Run one step in this process (a worker, or the main one with one worker)."""
    assert _RUN is not None
    kind, a = task
    if kind == "discover":
        return {"datasets": _RUN.discover(a["source"])}
    if kind == "classify":
        return {"units": _RUN.classify(a["source"], a["dataset"], part_rows=a["part_rows"])}
    return _RUN.sweep(a["unit"])


# -- the main side ----------------------------------------------------------------------------------------
class Execution:
    """One command-line scan: its work folder, its pool, and the report at the end."""

    def __init__(self, config: Config, out_dir: Path, options: ExecOptions, progress: Progress | None = None):
        self.config = config
        self.options = options
        self.progress = progress or Progress()
        self.work_dir = Path(out_dir) / WORK_DIR
        self.started = now()
        self._prepare()
        self.run = Run(config, self.work_dir, log_hint="its step did not finish; rerun the scan")
        self._units_left: dict[tuple[str, str], int] = {}
        self._dataset_counts: dict[tuple[str, str], list[int]] = {}

    # -- the work folder ------------------------------------------------------------------------------
    def _fingerprint(self) -> dict:
        cfg = self.config.model_dump(mode="json")
        # Secret values are masked in a dump; their hash tells a changed URL without storing it.
        secrets = [s.url.get_secret_value() for s in self.config.sources if getattr(s, "url", None)]
        cfg["secrets"] = hashlib.sha256("\n".join(secrets).encode()).hexdigest()
        return {"tool_version": __version__, "config": cfg, "part_rows": self.options.part_rows,
                "sources": sorted(self.options.sources) if self.options.sources else None}

    def _prepare(self) -> None:
        marker = self.work_dir / _FINGERPRINT
        wanted = self._fingerprint()
        if self.options.resume and marker.exists():
            kept = json.loads(marker.read_text())
            if kept.get("scan") != wanted:
                raise ResumeRefused(f"{self.work_dir} holds the steps of a scan with another config, sources or "
                                    "version; run without --resume to start afresh")
            self.started = kept["started"]
            return
        if self.work_dir.exists():
            shutil.rmtree(self.work_dir)
        self.work_dir.mkdir(parents=True)
        marker.write_text(json.dumps({"scan": wanted, "started": self.started}))

    def clean(self) -> None:
        """Remove the work folder (once the report is written)."""
        shutil.rmtree(self.work_dir, ignore_errors=True)

    # -- running ----------------------------------------------------------------------------------------
    def execute(self) -> Report:
        """Run every step not done yet and return the report; raises Stopped when a signal asks to stop."""
        global _RUN
        self.run.scanner().classifier  # noqa: B018 - built once here, inherited by forked workers
        _RUN = self.run
        ready: deque[tuple[str, dict]] = deque(("discover", {"source": s.name}) for s in self.config.sources
                                              if not self.options.sources or s.name in self.options.sources)
        pool = _Pool(self.options.workers) if self.options.workers > 1 else None
        failures: dict[str, int] = {}
        running = 0
        # Steps that were in flight when a worker died: any of them may have killed it, so each runs again
        # alone, and only a step whose worker dies while it runs alone is charged with the death.
        suspects: deque[tuple[str, dict]] = deque()
        alone = False
        try:
            while ready or running or suspects:
                if suspects and not running:
                    pool.submit(suspects.popleft())  # type: ignore[union-attr]
                    running, alone = 1, True
                while ready and not suspects and not alone:
                    task = ready.popleft()
                    kept = self._kept(task)
                    if kept is not None:
                        self.progress.kept += 1
                        ready.extend(self._next(task, kept))
                        continue
                    running += 1
                    if pool is None:
                        pool_result = _inline(task)
                        ready.extend(self._finished(task, *pool_result, failures))
                        running -= 1
                    else:
                        pool.submit(task)
                if running:
                    task, result, error, generation = pool.get()  # type: ignore[union-attr]
                    running -= 1
                    was_alone, alone = alone, False
                    if isinstance(error, BrokenProcessPool):
                        # A worker died (killed by the system, out of memory, a crash in a C library): every
                        # step in flight failed with it. Each runs again alone on a fresh pool; a step that
                        # kills its worker alone is retried up to _TRIES times, then reported as failed.
                        pool.renew(generation)  # type: ignore[union-attr]
                        if not was_alone:
                            suspects.append(task)
                            continue
                        key = json.dumps(task, sort_keys=True)
                        failures[key] = failures.get(key, 0) + 1
                        if failures[key] < _TRIES:
                            suspects.append(task)
                            continue
                        error = RuntimeError("its worker process died (killed by the system, out of memory, or a "
                                             f"crash in a library), {_TRIES} times")
                    ready.extend(self._finished(task, result, error, failures))
        finally:
            if pool is not None:
                pool.close()
        return self.run.report(self.started, sources=list(self.options.sources) if self.options.sources else None)

    def _finished(self, task: tuple[str, dict], result: dict | None, error: BaseException | None,
                  failures: dict[str, int]) -> list[tuple[str, dict]]:
        if error is None and result is not None:
            return self._next(task, result)
        kind, a = task
        unit = a.get("unit")
        where = unit or a
        text = str(error) if isinstance(error, RuntimeError) and "worker process died" in str(error) \
            else unexpected(f"step {kind}", error or RuntimeError())
        return self._next(task, self.run.step_failed(kind, where["source"], where.get("dataset", ""), unit, text))

    def _kept(self, task: tuple[str, dict]) -> dict | None:
        """A step's result kept from a stopped scan (resume), or None when the step must run."""
        if not self.options.resume:
            return None
        kind, a = task
        if kind == "discover":
            return {"datasets": self.run.read("sources", a["source"])} if self.run.done("sources", a["source"]) \
                else None
        if kind == "classify":
            return {"units": self.run.read("units", a["source"], a["dataset"])} \
                if self.run.done("classify", a["source"], a["dataset"]) else None
        u = a["unit"]
        if not self.run.done("sweep", u["source"], u["dataset"], u["index"]):
            return None
        from pipeline.scan import SweepResult

        res = SweepResult.model_validate_json(
            self.run._file("sweep", u["source"], u["dataset"], u["index"]).read_text())
        return {"rows": res.rows, "violations": len(res.violations), "error": res.error is not None}

    def _next(self, task: tuple[str, dict], result: dict) -> list[tuple[str, dict]]:
        """The steps a finished one makes ready."""
        self.progress.done += 1
        kind, a = task
        if kind == "discover":
            self.progress.datasets += len(result["datasets"])
            self.progress.changed(self.progress)
            return [("classify", {"source": a["source"], "dataset": d, "part_rows": self.options.part_rows})
                    for d in result["datasets"]]
        if kind == "classify":
            units = result["units"]
            if not units:  # nothing to sweep (the dataset could not be opened): done
                self._dataset_finished(a["source"], a["dataset"], 0, 0, True)
            self._units_left[(a["source"], a["dataset"])] = len(units)
            self.progress.units += len(units)
            self.progress.changed(self.progress)
            return [("sweep", {"unit": u}) for u in units]
        self._unit_done(a["unit"], result)
        return []

    def _unit_done(self, unit: dict, counts: dict) -> None:
        key = (unit["source"], unit["dataset"])
        tally = self._dataset_counts.setdefault(key, [0, 0, 0])
        tally[0] += counts["rows"]
        tally[1] += counts["violations"]
        tally[2] |= bool(counts["error"])
        self._units_left[key] = self._units_left.get(key, 1) - 1
        self.progress.units_done += 1
        self.progress.rows += counts["rows"]
        if self._units_left[key] <= 0:
            self._dataset_finished(*key, tally[0], tally[1], bool(tally[2]))
        self.progress.changed(self.progress)

    def _dataset_finished(self, source: str, dataset: str, rows: int, violations: int, error: bool) -> None:
        self.progress.datasets_done += 1
        self.progress.dataset_done(source, dataset, rows, violations, error)


_TRIES = 3
"""Times a step is tried when its worker process dies; then it is reported as failed."""


def _inline(task: tuple[str, dict]) -> tuple[dict | None, BaseException | None]:
    try:
        return _step(task), None
    except Exception as exc:  # noqa: BLE001 - the step is reported as failed, the scan goes on
        return None, exc


class _Pool:
    """Forked worker processes; a pool whose worker died is replaced, and its steps come back as failed."""

    def __init__(self, workers: int):
        # fork: a worker starts in milliseconds with pdd already imported and the classifier built.
        self._ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self._workers = workers
        self._results: queue.Queue[tuple[tuple[str, dict], dict | None, BaseException | None, int]] = queue.Queue()
        self.generation = 0
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        assert _RUN is not None
        return ProcessPoolExecutor(self._workers, mp_context=self._ctx, initializer=_init_worker, initargs=(_RUN,))

    def submit(self, task: tuple[str, dict]) -> None:
        generation = self.generation
        future = self._executor.submit(_step, task)

        def done(f: Future) -> None:
            if f.cancelled():
                return
            error = f.exception()
            self._results.put((task, None if error else f.result(), error, generation))

        future.add_done_callback(done)

    def get(self) -> tuple[tuple[str, dict], dict | None, BaseException | None, int]:
        # A timeout keeps the wait interruptible by signal handlers on every platform.
        while True:
            try:
                return self._results.get(timeout=0.5)
            except queue.Empty:
                continue

    def renew(self, generation: int) -> None:
        """Replace the broken pool (once per breakage: the other steps it failed come back with its number)."""
        if generation == self.generation:
            self._kill(self._executor)
            self.generation += 1
            self._executor = self._new()

    def close(self) -> None:
        self._kill(self._executor)

    @staticmethod
    def _kill(executor: ProcessPoolExecutor) -> None:
        # Python 3.11 has no terminate_workers(): a stop must not wait for a long key range to finish, and
        # a worker left running would write a result file after the stop was reported.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(timeout=5)
        # Let the pool's manager thread see its workers gone and close its wake-up pipe now: left running, it
        # races the interpreter's exit hook, which then writes to the closing pipe and prints a traceback.
        manager = getattr(executor, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(timeout=10)
