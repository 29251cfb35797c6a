"""The last step of a scan: report.json from every source's dataset results (the reduce).

Why a module of its own: every executor ends here, with results read back from the run store, so the
report is the same whoever ran the steps and in whatever order.
"""

from __future__ import annotations

import datetime as dt
import secrets

from pydantic import BaseModel, Field

from pipeline import __version__
from pipeline.config.model import Config
from pipeline.engine import dataset as work
from pipeline.engine.context import ScanContext
from pipeline.engine.dataset import DatasetResult, join_errors
from pipeline.engine.steps import Link
from pipeline.engine.store import RunStore
from pipeline.report.model import DatasetProblem, Report, RunInfo, SourceEntry
from pipeline.review import review_report


class SourceResult(BaseModel):
    name: str
    kind: str
    error: str | None = None
    datasets: list[DatasetResult] = Field(default_factory=list)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def run_id(started: str) -> str:
    t = dt.datetime.fromisoformat(started)
    return f"{t:%Y%m%dT%H%MZ}-{secrets.token_hex(2)}"  # the run's id in report.json and the history


def assemble(results: list[SourceResult], config: Config, started: str, rid: str | None = None,
             notes: list[str] | None = None) -> Report:
    """The report from per-source results (the reduce step); ``notes``: the run's own (the linkage's)."""
    sources, fields, violations, notes = [], [], [], list(notes or [])
    for r in results:
        problems = [DatasetProblem(dataset=d.dataset, error=d.error) for d in r.datasets if d.error]
        error = r.error
        if problems and not error:
            error = "; ".join(f"{p.dataset}: {p.error}" for p in problems)
        skipped: dict[str, int] = {}
        for d in r.datasets:
            for k, v in d.skipped.items():
                skipped[k] = skipped.get(k, 0) + v
            fields += d.fields
            violations += d.violations
            notes += d.notes
        sources.append(SourceEntry(name=r.name, kind=r.kind, status="error" if error else "ok", error=error,
                                   datasets=len(r.datasets), fields=sum(len(d.fields) for d in r.datasets),
                                   rows_scanned=sum(d.rows for d in r.datasets), problems=problems,
                                   skipped=skipped))
    run = RunInfo(id=rid or run_id(started), as_of=config.as_of.isoformat(), started_at=started, finished_at=now(),
                  tool_version=__version__)
    return review_report(Report(run=run, sources=sources, fields=fields, violations=violations, notes=notes),
                         config)


def assemble_run(ctx: ScanContext, store: RunStore, started: str | None = None, rid: str | None = None,
                 sources: list[str] | None = None, log_hint: str = "see the step's log") -> Report:
    """The report from every step's files in ``store``; a step that left nothing is reported as an error.

    ``sources``: the sources the run was asked to scan (default: all of the config's); ``log_hint``: where
    a step that died left its traceback, for the error text.
    """
    if ctx.persons is None:
        ctx.persons = store.index()
    if ctx.persons is None:  # its task failed: the person-level rules link nothing, and the notes say why
        Link().failed(ctx, store, f"its link task did not finish; {log_hint}")
    results = []
    for cfg in ctx.config.sources:
        if sources is not None and cfg.name not in sources:
            continue
        listing = store.listing(cfg.name)
        if listing is None:
            results.append(SourceResult(name=cfg.name, kind=cfg.kind, error=f"source {cfg.name!r}: not scanned "
                                        f"(its discover task did not finish; {log_hint})"))
            continue
        sr = SourceResult(name=cfg.name, kind=cfg.kind, error=listing["error"])
        for dataset in listing["datasets"]:
            sr.datasets.append(_finish(ctx, store, cfg.name, cfg.role, dataset, log_hint))
        results.append(sr)
    return assemble(results, ctx.config, started or now(), rid, notes=ctx.persons.notes if ctx.persons else [])


def _finish(ctx: ScanContext, store: RunStore, source: str, role: str, dataset: str, log_hint: str
            ) -> DatasetResult:
    c = store.classification(source, dataset)
    if c is None:
        return DatasetResult(source=source, dataset=dataset,
                             error=f"not classified (its classify task did not finish; {log_hint})")
    sweeps = store.sweeps(source, dataset)
    res = work.finish(ctx, c, sweeps, role)
    units = store.units(source, dataset)
    expected = len(units) if units is not None else None
    if not sweeps:
        res.error = join_errors(res.error, f"not swept (its sweep tasks did not finish; {log_hint})")
    elif expected is not None and len(sweeps) < expected:
        res.error = join_errors(res.error, f"{expected - len(sweeps)} of {expected} key ranges not swept "
                                f"(their sweep tasks did not finish; {log_hint})")
    return res
