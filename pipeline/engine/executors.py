"""Who runs the steps: one interface, and two implementations on this machine.

- :class:`Inline` runs each step in this process, as it is submitted (``--workers 1``, the contract check,
  the benchmarks);
- :class:`WorkerPool` runs them in forked worker processes, several datasets and key ranges at once.

The third executor is Airflow: the DAG (dags/pdd_scan.py) maps the same steps onto tasks through
pipeline/engine/airflow.py, and Airflow's scheduler plays the part of :meth:`Executor.next`.

A step's outcome comes back as the step's result, or as the exception it raised; a worker process that
died (killed by the system, out of memory, a crash in a C library) comes back as :class:`WorkerDied`,
a type the engine tells apart from a bug in a step.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.util as mp_util
import queue
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from pipeline.engine.context import ScanContext
from pipeline.engine.steps import Outcome, Step
from pipeline.engine.store import RunStore

TRIES = 3
"""Times a step is tried when its worker process dies; then it is reported as failed."""


class WorkerDied(Exception):  # a fact about the process, not the step's own error
    """The process running a step died, :data:`TRIES` times; its text is the report's error text."""

    def __init__(self) -> None:
        super().__init__("its worker process died (killed by the system, out of memory, or a crash in a "
                         f"library), {TRIES} times")


Result = tuple[Step, "Outcome | BaseException"]


class Executor(Protocol):
    def accepts(self) -> bool:
        """Whether a step may be submitted now (a pool that is finding which step killed a worker may not)."""

    def submit(self, step: Step) -> None: ...

    def busy(self) -> bool:
        """Whether a submitted step has not come back yet from :meth:`next`."""

    def next(self) -> Result:
        """The next finished step and its outcome (or the exception it ended with); blocks."""

    def close(self) -> None: ...


def _attempt(step: Step, ctx: ScanContext, store: RunStore) -> Outcome | BaseException:
    try:
        return step.run(ctx, store)
    except Exception as exc:  # noqa: BLE001 - the step is reported as failed, the scan goes on
        return exc


class Inline:
    """Every step in this process, run as it is submitted."""

    def __init__(self, ctx: ScanContext, store: RunStore):
        self._ctx, self._store = ctx, store
        self._done: deque[Result] = deque()

    def accepts(self) -> bool:
        return not self._done  # one at a time: what a step makes ready runs next, as a loop would

    def submit(self, step: Step) -> None:
        self._done.append((step, _attempt(step, self._ctx, self._store)))

    def busy(self) -> bool:
        return bool(self._done)

    def next(self) -> Result:
        return self._done.popleft()

    def close(self) -> None:
        pass


# -- the worker side of the pool ------------------------------------------------------------------------
_WORKER: tuple[ScanContext, RunStore] | None = None


def _init_worker(ctx: ScanContext, store: RunStore) -> None:
    global _WORKER
    _WORKER = (ctx, store)
    # the sources this worker keeps open are closed when it exits (multiprocessing runs its finalizers then)
    mp_util.Finalize(None, ctx.close_opened, exitpriority=10)
    # Ctrl-C reaches the whole process group; only the main process decides what a stop means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_in_worker(step: Step) -> Outcome:
    assert _WORKER is not None
    return step.run(*_WORKER)


class WorkerPool:
    """Forked worker processes. A pool whose worker died is replaced; the steps that were in flight run
    again one at a time, and only a step whose worker dies while it runs alone is charged with the death
    (retried up to :data:`TRIES` times, then returned as :class:`WorkerDied`)."""

    def __init__(self, ctx: ScanContext, store: RunStore, workers: int):
        # fork: a worker starts in milliseconds with pdd imported and the context's classifier built.
        self._mp = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self._ctx, self._store, self._workers = ctx, store, workers
        self._results: queue.Queue[tuple[Step, Outcome | None, BaseException | None, int]] = queue.Queue()
        self._generation = 0
        self._executor = self._new()
        self._running = 0
        self._suspects: deque[Step] = deque()
        self._alone = False
        self._deaths: dict[str, int] = {}

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self._workers, mp_context=self._mp, initializer=_init_worker,
                                   initargs=(self._ctx, self._store))

    def accepts(self) -> bool:
        return not self._suspects and not self._alone

    def busy(self) -> bool:
        return bool(self._running or self._suspects)

    def submit(self, step: Step) -> None:
        generation = self._generation
        future = self._executor.submit(_run_in_worker, step)
        self._running += 1

        def done(f: Future) -> None:
            if f.cancelled():
                return
            error = f.exception()
            self._results.put((step, None if error else f.result(), error, generation))

        future.add_done_callback(done)

    def next(self) -> Result:
        while True:
            if self._suspects and not self._running:
                self.submit(self._suspects.popleft())
                self._alone = True
            step, outcome, error, generation = self._get()
            self._running -= 1
            was_alone, self._alone = self._alone, False
            if not isinstance(error, BrokenProcessPool):
                return step, error if error is not None else outcome  # type: ignore[return-value]  # the worker's error or the step's outcome, never both
            self._renew(generation)
            if was_alone:
                key = repr(step)
                self._deaths[key] = self._deaths.get(key, 0) + 1
                if self._deaths[key] >= TRIES:
                    return step, WorkerDied()
            self._suspects.append(step)

    def _get(self) -> tuple[Step, Outcome | None, BaseException | None, int]:
        # A timeout keeps the wait interruptible by signal handlers on every platform.
        while True:
            try:
                return self._results.get(timeout=0.5)
            except queue.Empty:
                continue

    def _renew(self, generation: int) -> None:
        """Replace the broken pool (once per breakage: the other steps it failed come back with its number)."""
        if generation == self._generation:
            _kill(self._executor)
            self._generation += 1
            self._executor = self._new()

    def close(self) -> None:
        _kill(self._executor)


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
