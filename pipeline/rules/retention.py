"""retention_expired, and the whole footprint of under_16: records of a person, found through the linkage.

The linkage (pipeline/linkage) has read the account datasets before the sweep
and hands each dataset its :class:`~pipeline.linkage.DatasetLinks`: whether it
is an account dataset, and which of its fields reference one. This rule then
reports, per record:

- ``retention_expired``: the account's own row, when it was terminated more
  than the policy's retention period before ``as_of`` (a backup source gets the
  backup months on top), and every record that references such an account;
- ``under_16``: every record that references an account of a person under 16
  (the account's own row is reported by rules/age.py).

A reference through a foreign key or a declared link is reported as it is
found. One inferred from a field's name waits (the matched records are few:
they belong to flagged accounts only) until ``finish`` has the sketch of the
field's values from every part and can check that they are the account
dataset's keys. Evidence holds the masked account key, how long ago it was
terminated and the link that found the record; never a value.
"""

from __future__ import annotations

import datetime as dt

from pipeline.linkage.model import DatasetLinks, Ref, confirm, key_text, mask_key
from pipeline.linkage.sketch import Sketch
from pipeline.rules.base import DatasetContext, Rule, Violation
from pipeline.sources.base import Batch

UNDER_16 = "under_16"


class _Flagged:
    """One account dataset's flagged keys as the sweep looks them up: by str and, for integer keys, by int."""

    def __init__(self, cutoff: dt.date | None, ended: dict[str, str], under16: list[str]):
        self.expired = {k: dt.date.fromisoformat(d) for k, d in ended.items()
                        if cutoff is not None and dt.date.fromisoformat(d) < cutoff}
        self.kids = set(under16)
        self.lookup: dict[object, str] = {}
        for k in [*self.expired, *self.kids]:
            self.lookup[k] = k
            if k.lstrip("-").isdigit():
                self.lookup[int(k)] = k  # 42 and 42.0 hash equal: an int or float column matches without conversion


class RetentionExpired(Rule):
    name = "retention_expired"

    def __init__(self, ctx: DatasetContext) -> None:
        super().__init__(ctx)
        self.links: DatasetLinks | None = getattr(ctx, "links", None)
        self.flagged: dict[str, _Flagged] = {}
        if self.links is not None:
            for a in self.links.accounts:
                self.flagged[a.id] = _Flagged(self.links.cutoff, a.ended, a.under16)
        self.sketches: dict[str, Sketch] = {}
        #: inferred references waiting for finish: (field, account dataset, record key, account key)
        self.pending: list[tuple[str, str, str, str]] = []
        self._refs: dict[tuple[str, ...], list[Ref]] = {}

    def needs_every_record(self) -> bool:
        # Only a flagged account key can make this rule report or hold anything back (check() looks up
        # nothing otherwise): with none, a read may leave out records with no card candidate (ReadPlan).
        return self.links is not None and any(f.lookup for f in self.flagged.values())

    def reads_raw_texts(self) -> bool:
        return not self.needs_every_record()  # with no flagged account key, check() reads nothing

    def _active_refs(self, columns: tuple[str, ...]) -> list[Ref]:
        if columns not in self._refs:
            # An account dataset with no flagged key needs no lookup and no inference: nothing could be reported.
            self._refs[columns] = [r for f in columns for r in self.links.refs(f)  # type: ignore[union-attr]  # links: the rule runs only on datasets the person index links
                                   if self.flagged[r.target.id].lookup]
        return self._refs[columns]

    def check(self, batch: Batch) -> list[Violation]:
        if self.links is None:
            return []
        out: list[Violation] = []
        own = self.links.account
        if own is not None and own.id in self.flagged and self.flagged[own.id].expired:
            flagged = self.flagged[own.id]
            for rkey, value in zip(batch.keys, batch.columns.get(own.key, ()), strict=False):
                k = flagged.lookup.get(value) if _hashable(value) else None
                if k is None:
                    k = key_text(value)
                if k in flagged.expired:
                    out.append(self.violation(own.tie_field, rkey, self._ended(flagged, k, "its own row")))
        for ref in self._active_refs(tuple(batch.columns)):
            col = batch.columns[ref.field]
            try:
                distinct = set(col)
            except TypeError:  # a list or document in a JSON field: never a key
                distinct = {v for v in col if _hashable(v)}
            if not ref.confirmed:
                self.sketches.setdefault(ref.field, Sketch()).add_many({k for k in map(key_text, distinct) if k})
            lookup = self.flagged[ref.target.id].lookup
            # Values are matched as stored (42, 42.0 and "42" alike; " 42" is not). Set intersection in C first:
            # most batches hold no flagged key, and then no row is visited.
            present = lookup.keys() & distinct
            if not present:
                continue
            for rkey, value in zip(batch.keys, col, strict=False):
                if not _hashable(value) or value not in present:
                    continue
                k = lookup[value]
                if ref.confirmed:
                    out += self._linked(ref, rkey, k)
                else:
                    self.pending.append((ref.field, ref.target.id, rkey, k))
        return out

    def _ended(self, flagged: _Flagged, k: str, how: str) -> str:
        days = (self.ctx.as_of - flagged.expired[k]).days  # type: ignore[operator]  # as_of is set for every scan (the config's or today)
        months = self.links.index.retention.get(self.links.role, self.links.index.retention.get("controller"))  # type: ignore[union-attr]  # links: as above
        where = "a backup" if self.links.role == "backup" else "an active store"  # type: ignore[union-attr]  # links: as above
        return (f"account {mask_key(k)} was terminated {days} days before {self.ctx.as_of} (retention in {where}: "
                f"{months} months); found by {how}")

    def _linked(self, ref: Ref, rkey: str, k: str) -> list[Violation]:
        flagged = self.flagged[ref.target.id]
        out = []
        if k in flagged.expired:
            out.append(self.violation(ref.field, rkey, self._ended(flagged, k, ref.evidence)))
        if k in flagged.kids:
            out.append(Violation(rule=UNDER_16, source=self.ctx.source, dataset=self.ctx.dataset, field=ref.field,
                                 key=rkey, path=None, evidence=f"record of account {mask_key(k)}, a person under 16 "
                                 f"on {self.ctx.as_of}; found by {ref.evidence}"))
        return out

    def state(self) -> dict:
        return {"sketches": {f: s.hashes for f, s in self.sketches.items()}, "pending": self.pending}

    def absorb(self, state: dict) -> None:
        for f, hashes in state.get("sketches", {}).items():
            self.sketches.setdefault(f, Sketch()).merge(Sketch(hashes))
        self.pending += [tuple(p) for p in state.get("pending", [])]

    def finish(self) -> list[Violation]:
        """Confirm or drop each inferred reference by the overlap of its values with the account keys."""
        if self.links is None:
            return []
        decided: dict[tuple[str, str], Ref | None] = {}
        for f, sketch in self.sketches.items():
            misses = []
            for ref in self.links.refs(f):
                if ref.confirmed:
                    continue
                decided[(f, ref.target.id)], why = confirm(self.ctx.dataset, ref, sketch.hashes,
                                                           self.links.index.min_overlap)
                if why:
                    misses.append(why)
            if misses and not any(decided.get((f, r.target.id)) for r in self.links.refs(f)):
                self.notes.append(f"field {f} is named like a reference to an account but is not linked: "
                                  + "; ".join(misses))
        out = []
        for f, target, rkey, k in self.pending:
            linked = decided.get((f, target))
            if linked is not None:
                out += self._linked(linked, rkey, k)
        return out


def _hashable(value: object) -> bool:
    return not isinstance(value, (list, dict, set))


def _distinct(col: list) -> set[str]:
    try:
        values = set(col)
    except TypeError:
        values = {str(v) for v in col if _hashable(v)}
    return {k for k in map(key_text, values) if k}
