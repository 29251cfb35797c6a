"""A scan, stage by stage: open sources, list datasets, classify a sample, sweep every record, report.

The unit of work is one dataset (:func:`Scanner.scan_dataset`), so that the CLI
runs them in a loop and the Airflow DAG runs them as mapped tasks; both end in
:func:`assemble`, which builds report.json from the per-dataset results.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel, Field

from classifiers.field import FieldClassifier
from pipeline import __version__
from pipeline.classify import classify_dataset
from pipeline.config.model import Config, SourceConfig
from pipeline.policy import PolicyMap, load_policy
from pipeline.report.model import (
    DatasetProblem, EntityEntry, FieldEntry, Report, RunInfo, SourceEntry, ViolationEntry,
)
from pipeline.rules import DatasetContext, rules
from pipeline.sources import Dataset, Source, SourceError, open_source

log = logging.getLogger("pdd.scan")


class DatasetResult(BaseModel):
    """Everything one dataset contributes to the report (JSON-serializable, for Airflow XCom files)."""

    source: str
    dataset: str
    rows: int = 0
    fields: list[FieldEntry] = Field(default_factory=list)
    violations: list[ViolationEntry] = Field(default_factory=list)
    error: str | None = None
    skipped: dict[str, int] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


class SourceResult(BaseModel):
    name: str
    kind: str
    error: str | None = None
    datasets: list[DatasetResult] = Field(default_factory=list)


@dataclass
class Progress:
    """Hooks the caller may set to show progress; the library itself prints nothing."""

    dataset_started: Callable[[str, str], None] = lambda source, dataset: None
    rows_swept: Callable[[str, str, int], None] = lambda source, dataset, rows: None
    dataset_done: Callable[[DatasetResult], None] = lambda result: None


@dataclass
class Scanner:
    config: Config
    progress: Progress = field(default_factory=Progress)

    @cached_property
    def policy(self) -> PolicyMap:
        return load_policy(self.config.resolve(self.config.policy.map) if self.config.policy.map else None)

    @cached_property
    def classifier(self) -> FieldClassifier:
        c = self.config.classification
        return FieldClassifier(threshold=c.threshold, spacy_model=c.spacy_model)

    def open(self, source: SourceConfig) -> Source:
        return open_source(source, self.config)

    def scan_dataset(self, source: Source, dataset: Dataset) -> DatasetResult:
        """Classify and sweep one dataset; a read failure is kept in the result, not raised."""
        res = DatasetResult(source=source.name, dataset=dataset.name)
        self.progress.dataset_started(source.name, dataset.name)
        decisions: dict = {}
        active: list = []
        try:
            decisions = classify_dataset(dataset, self.classifier, self.config.classification.sample_size)
            field_types = {f: [e.type for e in d.entities] for f, d in decisions.items()}
            ctx = DatasetContext(source.name, dataset.name, self.config.as_of, field_types)
            active = [cls(ctx) for cls in rules().values()]
            for batch in dataset.batches(self.config.sweep.batch_size):
                for rule in active:
                    res.violations += [ViolationEntry(**v.__dict__) for v in rule.check(batch)]
                res.rows += len(batch)
                self.progress.rows_swept(source.name, dataset.name, len(batch))
            for rule in active:
                res.violations += [ViolationEntry(**v.__dict__) for v in rule.finish()]
                res.notes += [f"{source.name}/{dataset.name}: {n}" for n in rule.notes]
            # Schemaless files can show a field only after the sample (a JSON key first seen late):
            # it is still listed, judged by its name, with values_sampled 0 saying it was not sampled.
            for fname in dataset.fields():
                if fname not in decisions:
                    decisions[fname] = self.classifier.classify(fname, [])
        except SourceError as exc:
            res.error = exc.message
            log.warning("%s/%s: %s", source.name, dataset.name, exc.message)
        finally:
            res.skipped = dict(dataset.stats.skipped)
            res.notes += [f"{source.name}/{dataset.name}: {n}" for n in dataset.stats.notes]
            dataset.close()
        role = getattr(source.config, "role", "controller")
        for fname, d in decisions.items():
            entities = [EntityEntry(type=e.type, confidence=e.confidence, evidence=e.evidence) for e in d.entities]
            # The sweep is exhaustive where the sample is not: a rare hit it found is asserted however rare.
            for rule in active:
                finding = rule.findings.get(fname)
                if finding and finding.entity not in [e.type for e in entities]:
                    entities.insert(0, EntityEntry(
                        type=finding.entity, confidence=1.0,
                        evidence=[f"sweep: {rule.name} found in {finding.records} record(s)"]))
            cats, declared = self.policy.categorize([e.type for e in entities], role)
            res.fields.append(FieldEntry(source=source.name, dataset=dataset.name, field=fname, entities=entities,
                                         categories=cats, declared=declared, values_sampled=d.values_sampled))
        self.progress.dataset_done(res)
        return res

    def scan_source(self, cfg: SourceConfig, only: set[str] | None = None) -> SourceResult:
        out = SourceResult(name=cfg.name, kind=cfg.kind)
        try:
            source = self.open(cfg)
        except SourceError as exc:
            out.error = str(exc)
            return out
        try:
            for ds in source.datasets():
                if only is None or ds.name in only:
                    out.datasets.append(self.scan_dataset(source, ds))
        except SourceError as exc:
            out.error = str(exc)
            log.warning("%s", exc)
        finally:
            source.close()
        return out

    def run(self, sources: list[str] | None = None) -> Report:
        started = now()
        results = [self.scan_source(s) for s in self.config.sources if not sources or s.name in sources]
        return assemble(results, self.config, started)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def run_id(started: str) -> str:
    t = dt.datetime.fromisoformat(started)
    return f"{t:%Y%m%dT%H%MZ}-{secrets.token_hex(2)}"


def assemble(results: list[SourceResult], config: Config, started: str, rid: str | None = None) -> Report:
    """The report from per-source results (the reduce step)."""
    sources, fields, violations, notes = [], [], [], []
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
    return Report(run=run, sources=sources, fields=fields, violations=violations, notes=notes)
