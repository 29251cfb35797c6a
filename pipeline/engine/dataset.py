"""The work on one dataset, in three parts that the engine's steps call (pipeline/engine/steps.py):

- :func:`classify` a dataset's sample -> :class:`Classification`;
- :func:`sweep` every record of the dataset, or of one key range of it,
  -> :class:`SweepResult` (violations so far, per-field findings, rule state);
- :func:`finish` the classification and all sweep parts ->
  :class:`DatasetResult`, the dataset's contribution to the report.

Every intermediate is a pydantic model, so it can travel between worker
processes and Airflow tasks as a JSON file in the run store. Each function
keeps its failures in the result instead of raising: one dataset's damage
must not end the scan.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from classifiers.field import FieldDecision
from classifiers.jsondoc import limits_hit
from pipeline.classify import classify_with_samples
from pipeline.engine.context import ScanContext
from pipeline.linkage.model import DatasetLinks
from pipeline.report.model import EntityEntry, FieldEntry, TemplateEntry, ViolationEntry
from pipeline.rules import DatasetContext, Rule, rules
from pipeline.sources import Dataset, Source, SourceError
from pipeline.sources.base import NOTES_PER_DATASET, Part, ReadPlan
from pipeline.templates.hook import log_templates

log = logging.getLogger("pdd.scan")


class FieldClass(BaseModel):
    entities: list[EntityEntry]
    values_sampled: int
    samples: list[str] = Field(default_factory=list)  # masked at the source (pipeline/classify/mask.py)
    empty: str | None = None
    templates: list[TemplateEntry] = Field(default_factory=list)  # a log message's personal templates


class Classification(BaseModel):
    source: str
    dataset: str
    fields: dict[str, FieldClass] = Field(default_factory=dict)
    error: str | None = None
    #: limit (classifiers.jsondoc) -> times hit in the sample
    limits: dict[str, int] = Field(default_factory=dict)

    def types(self) -> dict[str, list[str]]:
        return {f: [e.type for e in c.entities] for f, c in self.fields.items()}


class Finding(BaseModel):
    entity: str
    records: int


class SweepResult(BaseModel):
    source: str
    dataset: str
    part: dict | None = None
    rows: int = 0
    violations: list[ViolationEntry] = Field(default_factory=list)
    #: rule -> field -> what the rule found there
    findings: dict[str, dict[str, Finding]] = Field(default_factory=dict)
    #: rule -> state for finish() (rules.base.Rule.state)
    states: dict[str, dict] = Field(default_factory=dict)
    fields_seen: list[str] = Field(default_factory=list)
    error: str | None = None
    skipped: dict[str, int] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    #: limit (classifiers.jsondoc) -> times hit; counts, so that parts add up to what one pass says
    limits: dict[str, int] = Field(default_factory=dict)


class Unit(BaseModel):
    """What one sweep step sweeps: a whole dataset, or one key range (``part``) of ``of`` of a large table."""

    source: str
    dataset: str
    index: int = 0
    of: int = 1
    part: dict | None = None
    size: int | None = None
    """What sweeping this unit reads, in ``measure`` (its share of ``Dataset.size()``), for progress only."""
    measure: str | None = None
    """``bytes`` or ``rows``; None when the dataset's size is not known up front."""


class DatasetResult(BaseModel):
    """Everything one dataset contributes to the report."""

    source: str
    dataset: str
    rows: int = 0
    fields: list[FieldEntry] = Field(default_factory=list)
    violations: list[ViolationEntry] = Field(default_factory=list)
    error: str | None = None
    skipped: dict[str, int] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


def _add_findings(into: dict[str, dict[str, Finding]], rule: str, per_field: dict) -> None:
    """Add one part's (or one rule's) per-field record counts into the dataset's totals."""
    for f, x in per_field.items():
        into.setdefault(rule, {}).setdefault(f, Finding(entity=x.entity, records=0)).records += x.records


def _ctx(context: ScanContext, c: Classification, role: str) -> DatasetContext:
    return DatasetContext(c.source, c.dataset, context.config.as_of, c.types(), _links(context, c, role))


def _links(context: ScanContext, c: Classification, role: str) -> DatasetLinks | None:
    if context.persons is None:
        raise RuntimeError("the link step did not run before the sweep")  # the engine orders them
    return context.persons.for_dataset(c.source, c.dataset, role)


def unexpected(step: str, exc: BaseException, where: str = "") -> str:
    """A problem entry's text for an exception pdd did not expect: the step, the place in the data, the
    exception's type and the code line that raised it. Never the exception's message: it may quote a value."""
    frames = traceback.extract_tb(exc.__traceback__)
    code = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    at = f" {where}" if where else ""
    return f"{step} failed{at}: internal error {type(exc).__name__}{code} (a bug in pdd; please report it)"


def _limits() -> dict[str, int]:
    """The JSON limits hit since the last call (classifiers.jsondoc); the counters restart."""
    hits = limits_hit()
    out = dict(hits)
    hits.clear()
    return out


def _keys_span(keys: Sequence[str]) -> str:
    return f"in the records with keys {keys[0]}..{keys[-1]}" if keys else ""


def _record_order(v: ViolationEntry) -> tuple:
    return (tuple((0, int(k), "") if k.lstrip("-").isdigit() else (1, 0, k) for k in v.key.split("|")), v.rule)


def join_errors(*errors: str | None) -> str | None:
    """Several steps' errors as one, each once (a damaged file fails its sample and its sweep alike)."""
    unique = list(dict.fromkeys(e for e in errors if e))
    return "; ".join(unique) or None




def classify(context: ScanContext, source: Source, dataset: Dataset) -> Classification:
    """Classify a sample; any failure is kept in ``error`` (the sweep runs all the same)."""
    out = Classification(source=source.name, dataset=dataset.name)
    _limits()
    try:
        for fname, (d, samples) in classify_with_samples(dataset, context.classifier,
                                                         context.config.classification.sample_size).items():
            out.fields[fname] = _field_class(d).model_copy(update={"samples": samples})
        _add_templates(context, out, dataset)
    except SourceError as exc:
        out.error = exc.message
    except Exception as exc:  # noqa: BLE001 - one dataset's failure must not end the scan
        out.error = unexpected("sampling and classifying", exc)
    if out.error:
        log.warning("%s/%s: %s", source.name, dataset.name, out.error)
    out.limits = _limits()
    return out


def _add_templates(context: ScanContext, out: Classification, dataset: Dataset) -> None:
    """The log-template hook (pipeline/templates): a log message field's personal templates."""
    for fname, found in log_templates(dataset, context.classifier).items():
        if fname in out.fields:
            out.fields[fname].templates = found


def _field_class(d: FieldDecision) -> FieldClass:
    return FieldClass(entities=[EntityEntry(type=e.type, confidence=e.confidence, evidence=e.evidence,
                                            name_only=e.name_only) for e in d.entities],
                      values_sampled=d.values_sampled, empty=d.empty)


def sweep(context: ScanContext, source: Source, dataset: Dataset, classification: Classification,
          part: Part | None = None) -> SweepResult:
    """Run every rule over every record of ``dataset`` (or of ``part``); failures are kept, not raised."""
    res = SweepResult(source=source.name, dataset=dataset.name, part=part.to_dict() if part else None)
    ctx = _ctx(context, classification, source.config.role)
    active: list[Rule] = [cls(ctx) for cls in rules().values()]
    _limits()
    rule_errors: list[str] = []
    last: str | None = None
    plan = ReadPlan(candidates_only=not any(rule.needs_every_record() for rule in active),
                    raw_texts=all(rule.reads_raw_texts() for rule in active))
    try:
        for batch in dataset.part_batches(context.config.sweep.batch_size, part, plan):
            if len(batch):  # a batch may hold only left-out records (ReadPlan)
                for rule in active:
                    try:
                        res.violations += rule.check(batch)
                    except Exception as exc:  # noqa: BLE001 - the other rules and batches still run
                        rule_errors.append(unexpected(f"rule {rule.name}", exc, _keys_span(batch.keys)))
            res.rows += len(batch) + batch.left_out
            last = batch.keys[-1] if batch.keys else last
    except SourceError as exc:
        # What was found before the failure stays in the result.
        res.error = exc.message
    except Exception as exc:  # noqa: BLE001 - one dataset's failure must not end the scan
        res.error = unexpected("reading", exc, f"after the record with key {last}" if last else
                               "before the first record")
    if rule_errors:
        extra = f" (and {len(rule_errors) - 1} more batch(es))" if len(rule_errors) > 1 else ""
        res.error = join_errors(res.error, rule_errors[0] + extra)
    if res.error:
        log.warning("%s/%s: %s", source.name, dataset.name, res.error)
    for rule in active:
        res.states[rule.name] = rule.state()
        res.findings[rule.name] = {f: Finding(entity=x.entity, records=x.records)
                                   for f, x in rule.findings.items()}
    try:
        res.fields_seen = dataset.fields() if not res.error or res.rows else []
    except Exception:  # noqa: BLE001 - the fields of an unreadable dataset are unknown, not an error twice
        res.fields_seen = []
    res.skipped = dict(dataset.stats.skipped)
    res.notes = [f"{source.name}/{dataset.name}: {n}" for n in dataset.stats.notes]
    res.limits = _limits()
    return res


def finish(context: ScanContext, classification: Classification, parts: list[SweepResult], role: str
           ) -> DatasetResult:
    """Merge the sweep parts, let rules decide what they held back, and list the fields."""
    c = classification
    res = DatasetResult(source=c.source, dataset=c.dataset, error=c.error)
    findings: dict[str, dict[str, Finding]] = {}
    limits = dict(c.limits)
    read_notes: list[str] = []
    for p in parts:
        res.rows += p.rows
        res.violations += p.violations
        read_notes += p.notes
        for k, v in p.limits.items():
            limits[k] = limits.get(k, 0) + v
        res.error = join_errors(res.error, p.error)
        for k, v in p.skipped.items():
            res.skipped[k] = res.skipped.get(k, 0) + v
        for rname, per_field in p.findings.items():
            _add_findings(findings, rname, per_field)
    # Each part kept its first notes; the dataset keeps the first of all, as one pass over it would.
    res.notes = read_notes[:NOTES_PER_DATASET]
    res.notes += [f"{c.source}/{c.dataset}: {what}: {n} value(s)" for what, n in sorted(limits.items())]
    # Held-back decisions are made whatever happened to the sample: what the sweep read counts.
    ctx = _ctx(context, c, role)
    for rname, cls in rules().items():
        rule = cls(ctx)
        try:
            for p in parts:
                rule.absorb(p.states.get(rname, {}))
            res.violations += rule.finish()
        except Exception as exc:  # noqa: BLE001 - a rule that fails to finish is an error entry, the others go on
            res.error = join_errors(res.error, unexpected(f"rule {rname} (finishing)", exc))
        res.notes += [f"{c.source}/{c.dataset}: {n}" for n in rule.notes]
        _add_findings(findings, rname, rule.findings)
    # Each violating record once per rule, in key order of discovery.
    seen: set[tuple[str, str]] = set()
    unique = []
    for entry in res.violations:
        if (entry.rule, entry.key) not in seen:
            seen.add((entry.rule, entry.key))
            unique.append(entry)
    # One order whatever the batches and key ranges were: by record key (numbers as numbers), then rule.
    res.violations = sorted(unique, key=_record_order)

    fields = dict(c.fields)
    # Schemaless files can show a field only after the sample (a JSON key first seen late):
    # it is still listed, judged by its name, with values_sampled 0 saying it was not sampled.
    for p in parts:
        for fname in p.fields_seen:
            if fname not in fields:
                fields[fname] = _field_class(context.classifier.classify(fname, []))
    for fname, fc in fields.items():
        entities = list(fc.entities)
        # The sweep is exhaustive where the sample is not: what it found is asserted however rare.
        for rname, per_field in findings.items():
            x = per_field.get(fname)
            if x and x.records and x.entity not in [e.type for e in entities]:
                entities.insert(0, EntityEntry(type=x.entity, confidence=1.0,
                                               evidence=[f"sweep: {rname} found in {x.records} record(s)"]))
        cats, declared = context.policy.categorize([e.type for e in entities], role)
        res.fields.append(FieldEntry(source=c.source, dataset=c.dataset, field=fname, entities=entities,
                                     categories=cats, declared=declared, values_sampled=fc.values_sampled,
                                     samples=fc.samples, empty=fc.empty, templates=fc.templates))
    return res
