"""The Airflow executor: the DAG's task bodies (dags/pdd_scan.py), each one step of the engine.

Airflow schedules, retries and maps the tasks; each task body is one call here, running one step
(pipeline/engine/steps.py) against the run store of the DAG run, exactly as the local executors do:

    discover(source)            -> dataset names
    link()                      -> note count              (before any sweep task: the DAG orders it)
    classify(source, dataset)   -> the dataset's sweep units, as dicts
    sweep(unit)                 -> counts
then for the whole run:
    reduce()                    -> report.json + summary   (what a failed task left missing is an error)

Only names, paths and counts come back from the steps (they travel as XComs); values stay in the store
and the run folder holds masked results only.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.config.model import Config
from pipeline.engine.assemble import assemble_run
from pipeline.engine.context import ScanContext
from pipeline.engine.dataset import Unit
from pipeline.engine.steps import Classify, Discover, Link, Outcome, Step, Sweep, Swept
from pipeline.engine.store import RunStore
from pipeline.report import write_report
from pipeline.report.model import Report

#: rows per sweep task; a larger table is split into key ranges swept by separate workers
DEFAULT_PART_ROWS = 2_000_000

def pools(config: Config, default_slots: int = 2) -> dict[str, dict[str, Any]]:
    """The Airflow pools the scan uses: one per SQL source (``pool`` or ``pdd_<name>``), for `airflow pools import`."""
    out = {}
    for s in config.sources:
        name = pool_for(s)
        if name != "default_pool":
            out[name] = {"slots": default_slots, "description": f"pdd scans of source {s.name}",
                         "include_deferred": False}
    return out


def pool_for(source: Any) -> str:
    pool = getattr(source, "pool", None)
    if pool:
        return pool
    return f"pdd_{source.name}" if source.kind == "sql" else "default_pool"


class AirflowSteps:
    """The task bodies of one DAG run: its run store and the context its tasks share in this process."""

    def __init__(self, config: Config, run_dir: Path | str, resolve_conn: Callable[[str], str] | None = None,
                 log_hint: str = "see the Airflow task log"):
        self.context = ScanContext.build(config, resolve_conn)
        self.store = RunStore(run_dir)
        self.run_dir = self.store.folder
        #: where a step that died left its traceback, for the report's error text
        self.log_hint = log_hint

    def _step(self, step: Step) -> Outcome:
        """Run one step. One that raises fails its task (Airflow retries it); a task that never succeeded
        left no result, and the reduce reports what is missing. A task is one step: what it opened is closed."""
        try:
            return step.run(self.context, self.store)
        finally:
            self.context.close_opened()

    def discover(self, source: str) -> list[str]:
        return self._step(Discover(source)).datasets  # type: ignore[union-attr]  # a Discover step's outcome is Discovered

    def link(self) -> int:
        return self._step(Link()).notes  # type: ignore[union-attr]  # a Link step's outcome is Linked

    def classify(self, source: str, dataset: str, part_rows: int = DEFAULT_PART_ROWS) -> list[dict]:
        return [u.model_dump() for u in self._step(Classify(source, dataset, part_rows)).units]  # type: ignore[union-attr]  # a Classify step's outcome is Classified

    def sweep(self, unit: dict) -> dict:
        """Sweep one unit; returns counts only."""
        swept = self._step(Sweep(Unit.model_validate(unit)))
        assert isinstance(swept, Swept)
        return {"source": swept.unit.source, "dataset": swept.unit.dataset, "index": swept.unit.index,
                "rows": swept.rows, "violations": swept.violations, "error": swept.error}

    def report(self, started: str | None = None, run_id: str | None = None,
               sources: list[str] | None = None) -> Report:
        """The report from every step's files (the reduce step, without writing it)."""
        return assemble_run(self.context, self.store, started, run_id, sources, self.log_hint)

    def reduce(self, started: str | None = None, run_id: str | None = None, latest: Path | None = None,
               sources: list[str] | None = None) -> dict:
        """Build report.json from every step's files; a step that left nothing is reported as an error.

        ``sources``: the sources this run was asked to scan (default: all of the config's).
        """
        report = self.report(started, run_id, sources)
        path = write_report(report, self.run_dir)
        from pipeline.report.publish import publish

        # The history sits beside latest/ (PDD_REPORT_DIR), shared by every run, unless the config names one.
        published = publish(report, self.run_dir, self.context.config,
                            history_dir=latest.parent if latest is not None else self.run_dir.parent)
        if latest is not None:
            latest.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, latest / "report.json")
            shutil.copyfile(published.html, latest / "report.html")
        return summarize(report, path)


def summarize(report: Report, path: Path | str) -> dict:
    """Counts for XCom and for the failure message: rule -> {where: count}; never a value."""
    by_rule: dict[str, dict[str, int]] = {}
    for v in report.violations:
        if v.accepted is not None:  # a steward accepted it until a date (pipeline/review): reported, not failed
            continue
        where = f"{v.source}/{v.dataset}.{v.field}"
        by_rule.setdefault(v.rule, {}).setdefault(where, 0)
        by_rule[v.rule][where] += 1
    return {"report": str(path), "run_id": report.run.id, "violations": len(report.violations),
            "accepted": sum(v.accepted is not None for v in report.violations),
            "by_rule": by_rule, "failed_sources": {s.name: s.error for s in report.sources if s.status != "ok"},
            "exit_code": report.exit_code}


def failure_message(summary: dict) -> str | None:
    """What a failed run says in its task log: which rule, where, how many; None when the run is clean."""
    lines = []
    for rule, where in sorted(summary["by_rule"].items()):
        total = sum(where.values())
        top = ", ".join(f"{w} ({n})" for w, n in sorted(where.items(), key=lambda kv: -kv[1])[:10])
        lines.append(f"{rule}: {total} record(s) in {top}" + (" ..." if len(where) > 10 else ""))
    for name, error in summary["failed_sources"].items():
        lines.append(f"source {name} failed: {error}")
    if not lines:
        return None
    return f"pdd found problems (report: {summary['report']}):\n" + "\n".join(lines)
