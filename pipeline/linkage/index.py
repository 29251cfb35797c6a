"""The first pass of a scan: read the account datasets and the declared links into a :class:`PersonIndex`.

Pass order: this is the engine's link step (pipeline/engine/steps.py), run once
per scan before any dataset is swept, on every executor; its result is kept in
the run store and read by the sweep and finish steps. It reads only the account datasets, which
are small beside the stores that reference them, and keeps only the flagged
keys and a fixed-size sketch, so its result stays small however big the
stores are.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from pipeline.engine import dataset as work
from pipeline.engine.context import ScanContext
from pipeline.linkage import names
from pipeline.linkage.model import AccountSet, Link, PersonIndex, key_text, months_before
from pipeline.linkage.sketch import Sketch
from pipeline.rules.age import Under16
from pipeline.rules.base import DatasetContext
from pipeline.rules.dates import parse_date
from pipeline.sources import Dataset, Source, SourceError
from pipeline.sources.base import Batch

log = logging.getLogger("pdd.linkage")

#: source kinds whose datasets can be account tables; logs hold events about accounts, not accounts
_ACCOUNT_KINDS = ("sql", "files")


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        p = parse_date(text)
        return p.date if p else None


def _sql_key(ds: Dataset) -> str | None:
    pk = [c.name for c in getattr(getattr(ds, "table", None), "primary_key", None) or []] \
        if getattr(ds, "is_view", True) is False else []
    return pk[0] if len(pk) == 1 else None


def _discover(ds: Dataset, kind: str, referred: set[tuple[str, str]]) -> tuple[str, str | None, str | None, str] | None:
    """(key, termination/status-change field, status field, evidence) when ``ds`` looks like an account dataset."""
    fields = ds.fields()
    by_norm = {names.norm(f): f for f in fields}
    key = _sql_key(ds) if kind == "sql" else None
    if key is None:
        own = names.singular(ds.name)
        key = next((by_norm[n] for n in ("id", f"{own}_id", "account_id", "user_id", "customer_id") if n in by_norm),
                   None)
    if key is None:
        return None
    term = next((f for n, f in by_norm.items() if names.TERMINATED.match(n)), None)
    status = next((f for n, f in by_norm.items() if names.STATUS.match(n)), None)
    changed = next((f for n, f in by_norm.items() if names.STATUS_CHANGED.match(n)), None)
    if term:
        return key, term, None, f"discovered: key {key}, termination date {term}"
    if status and changed:
        return key, changed, status, f"discovered: key {key}, status {status} changed at {changed}"
    if (ds.name, key) in referred and names.is_account_name(ds.name):
        return key, None, None, f"discovered: key {key}, referenced by foreign keys"
    return None


def _read(context: ScanContext, src: Source, ds: Dataset, spec: tuple[str, str | None, str | None, str],
          role: str, cutoff: dt.date | None) -> AccountSet:
    key, term, status, evidence = spec
    acct = AccountSet(source=src.name, dataset=ds.name, key=key, terminated=term, status=status, role=role,
                      evidence=evidence)
    c = work.classify(context, src, ds)
    if c.error:
        acct.error = c.error
        return acct
    if key not in c.fields:
        acct.error = f"the key field {key!r} is not in {ds.name}"
        return acct
    config = context.config
    under = Under16(DatasetContext(src.name, ds.name, config.as_of, c.types()))
    sketch, kids = Sketch(), set[str]()
    try:
        for batch in ds.batches(config.sweep.batch_size):
            keys = [key_text(v) for v in batch.columns.get(key, ())]
            sketch.add_many({k for k in keys if k})
            # Keyed by account key, the under-16 rule reports accounts rather than rows.
            kids.update(v.key for v in under.check(Batch([k or "" for k in keys], batch.columns)) if v.key)
            if term and cutoff is not None:
                states = batch.columns.get(status, [None] * len(keys)) if status else [None] * len(keys)
                for k, when, state in zip(keys, batch.columns.get(term, ()), states, strict=False):
                    if k is None or (status and str(state or "").strip().lower() not in names.TERMINATED_STATUSES):
                        continue
                    day = as_date(when)
                    if day is not None and day < cutoff:
                        acct.ended[k] = day.isoformat()
            acct.rows += len(batch)
    except SourceError as exc:
        acct.error = exc.message
    kids.update(v.key for v in under.finish() if v.key)
    acct.sketch, acct.under16 = sketch.hashes, sorted(kids)
    return acct


def build_index(context: ScanContext) -> PersonIndex:
    """Read every account dataset of the config's sources; a source that cannot be read is noted, not fatal."""
    config = context.config
    retention = context.policy.retention
    idx = PersonIndex(as_of=config.as_of, min_overlap=config.linkage.min_overlap,
                      retention={r: retention.months(r) for r in ("controller", "processor", "backup")}
                      if retention else {},
                      ignore=[(i.source, i.dataset, i.field) for i in config.linkage.ignore])
    # Accounts terminated before the shortest window are the candidates; each source's role sets its own cutoff.
    cutoff = months_before(config.as_of, min(idx.retention.values())) if idx.retention else None
    declared = {(a.source, a.dataset): a for a in config.linkage.accounts}
    for cfg in config.sources:
        try:
            src = context.open(cfg)
        except SourceError as exc:
            idx.notes.append(f"linkage: source {cfg.name} was not read for accounts ({exc})")
            continue
        try:
            _source(context, src, cfg.kind, cfg.role, declared, cutoff, idx)
        except SourceError as exc:
            idx.notes.append(f"linkage: source {cfg.name} was not read for accounts ({exc})")
        finally:
            src.close()
    for (source, dataset) in declared:
        idx.notes.append(f"linkage: declared account dataset {source}/{dataset} was not found")
    for link in config.linkage.links:
        idx.links.append(Link(source=link.source, dataset=link.dataset, field=link.field, to=link.to or "",
                              kind="declared", evidence=f"declared link {link.dataset}.{link.field} -> {link.to}"))
    for a in idx.accounts:
        if a.error:
            idx.notes.append(f"linkage: account dataset {a.id} could not be read ({a.error})")
    return idx


def _source(context: ScanContext, src: Source, kind: str, role: str, declared: dict[tuple[str, str], Any],
            cutoff: dt.date | None, idx: PersonIndex) -> None:
    fks = src.foreign_keys() if hasattr(src, "foreign_keys") else []
    referred = {(ref, cols[0]) for _, _, ref, cols in fks if len(cols) == 1}
    found: list[AccountSet] = []
    for ds in src.datasets():
        try:
            spec: tuple[Any, str | None, str | None, str] | None
            decl = declared.pop((src.name, ds.name), None)
            if decl is not None:
                spec = (decl.key, decl.terminated, decl.status, "declared in the config")
            elif kind in _ACCOUNT_KINDS:
                spec = _discover(ds, kind, referred)
            else:
                spec = None
            if spec is not None:
                found.append(_read(context, src, ds, spec, role, cutoff))
        finally:
            ds.close()
    idx.accounts += found
    for table, cols, ref, ref_cols in fks:
        target = next((a for a in found if a.dataset == ref and [a.key] == ref_cols), None)
        if target is not None and len(cols) == 1 and not (table == ref and cols[0] == target.key):
            idx.links.append(Link(source=src.name, dataset=table, field=cols[0], to=target.id, kind="foreign key",
                                  evidence=f"foreign key {table}.{cols[0]} -> {ref}.{ref_cols[0]}"))
