"""The steps of a scan, typed: each says how it runs, what it leaves in the run store, what a kept result
looks like on resume, and what it records when its process died or it raised.

    Discover(source)          -> Listed(datasets)     the source's dataset names
    Link()                    -> Linked()             the person index (pipeline/linkage), before any sweep
    Classify(source, dataset) -> Classified(units)    a sample classified, the dataset split into sweep units
    Sweep(unit)               -> Swept(counts)        every record of one unit through every rule
then the report is assembled from the store (pipeline/engine/assemble.py).

Outcomes carry names and counts only (they travel between processes and as Airflow XComs); results stay in
the store. Every executor (pipeline/engine/executors.py) runs these same steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from pipeline.engine import dataset as work
from pipeline.engine.context import ScanContext
from pipeline.engine.dataset import Classification, SweepResult, Unit, unexpected
from pipeline.engine.store import RunStore
from pipeline.linkage.index import build_index
from pipeline.linkage.model import PersonIndex
from pipeline.sources import Dataset, Source, SourceError
from pipeline.sources.base import BYTES, Part, Size


@dataclass(frozen=True)
class Listed:
    datasets: list[str]


@dataclass(frozen=True)
class Linked:
    notes: int = 0


@dataclass(frozen=True)
class Classified:
    units: list[Unit]


@dataclass(frozen=True)
class Swept:
    unit: Unit
    rows: int = 0
    violations: int = 0
    error: bool = False


Outcome = Union[Listed, Linked, Classified, Swept]  # noqa: UP007 - a runtime alias, read by isinstance


def persons(ctx: ScanContext, store: RunStore) -> PersonIndex:
    """The link step's index: in this process's context, else from the store (a worker, an Airflow task)."""
    if ctx.persons is None:
        ctx.persons = store.index()
    if ctx.persons is None:
        raise RuntimeError("the link step has not run")  # the engine runs it before any sweep
    return ctx.persons


def _open(ctx: ScanContext, source: str, dataset: str) -> tuple[Source, Dataset]:
    """The dataset, from the source this process keeps open (ScanContext.opened)."""
    src = ctx.opened(source)
    for d in src.datasets():
        if d.name == dataset:
            return src, d
    raise SourceError("is gone since it was listed", source=source, dataset=dataset)


def _shares(size: Size | None, parts: list[Part | None]) -> list[int | None]:
    """Each part's share of the dataset's size: a byte range its own length, a key range an even share."""
    if size is None:
        return [None] * len(parts)
    ranges = [p for p in parts if p is not None and p.column == BYTES]
    if len(ranges) == len(parts):
        return [(size.amount if p.hi is None else p.hi) - p.lo for p in ranges]
    each = size.amount // len(parts)
    return [size.amount - each * (len(parts) - 1), *[each] * (len(parts) - 1)]


@dataclass(frozen=True)
class Discover:
    source: str

    def run(self, ctx: ScanContext, store: RunStore) -> Listed:
        """Dataset names of one source; a source that cannot be read leaves an error and no datasets."""
        kind = ctx.source(self.source).kind
        store.write_listing(self.source, kind, [], None, listed=False)
        try:
            names = [d.name for d in ctx.opened(self.source).datasets()]
        except Exception as exc:  # noqa: BLE001 - a source that cannot be listed is an error entry
            error = str(exc) if isinstance(exc, SourceError) else unexpected(f"listing source {self.source!r}", exc)
            store.write_listing(self.source, kind, [], error)
            return Listed([])
        store.write_listing(self.source, kind, names, None)
        return Listed(names)

    def kept(self, store: RunStore) -> Listed | None:
        listing = store.listing(self.source)
        return Listed(listing["datasets"]) if listing is not None and listing.get("listed", True) else None

    def failed(self, ctx: ScanContext, store: RunStore, error: str) -> Listed:
        store.write_listing(self.source, ctx.source(self.source).kind, [], error)
        return Listed([])


@dataclass(frozen=True)
class Link:
    def run(self, ctx: ScanContext, store: RunStore) -> Linked:
        ctx.persons = build_index(ctx)
        store.write_index(ctx.persons)
        return Linked(len(ctx.persons.notes))

    def kept(self, store: RunStore) -> Linked | None:
        index = store.index()
        return Linked(len(index.notes)) if index is not None else None

    def failed(self, ctx: ScanContext, store: RunStore, error: str) -> Linked:
        """No index: person-level rules find nothing to link, and the report's notes say why."""
        ctx.persons = PersonIndex(as_of=ctx.config.as_of, min_overlap=ctx.config.linkage.min_overlap,
                                  notes=[f"linkage: the account datasets were not read ({error})"])
        store.write_index(ctx.persons)
        return Linked(1)


@dataclass(frozen=True)
class Classify:
    source: str
    dataset: str
    part_rows: int

    def run(self, ctx: ScanContext, store: RunStore) -> Classified:
        """Classify one dataset and split it into sweep units (key ranges for a large table)."""
        try:
            src, ds = _open(ctx, self.source, self.dataset)
        except Exception as exc:  # noqa: BLE001 - a dataset that cannot be opened is an error entry, the others go on
            error = exc.message if isinstance(exc, SourceError) else unexpected("opening", exc)
            store.write_classification(Classification(source=self.source, dataset=self.dataset, error=error), [])
            return Classified([])
        try:
            c = work.classify(ctx, src, ds)  # keeps its own errors
            try:
                parts: list[Part | None] = list(ds.partitions(self.part_rows))
            except Exception:  # noqa: BLE001 - cannot count: sweep it whole, which reports the real error
                parts = [None]
            size = ds.size()
        finally:
            ds.close()
        # Sample and sweep are independent: a failed sample still leaves the dataset to sweep.
        units = [Unit(source=self.source, dataset=self.dataset, index=i, of=len(parts),
                      part=p.to_dict() if p else None, size=share, measure=size.unit if size else None)
                 for i, (p, share) in enumerate(zip(parts, _shares(size, parts), strict=True))]
        store.write_classification(c, units)
        return Classified(units)

    def kept(self, store: RunStore) -> Classified | None:
        units = store.units(self.source, self.dataset)
        if units is None or store.classification(self.source, self.dataset) is None:
            return None
        return Classified(units)

    def failed(self, ctx: ScanContext, store: RunStore, error: str) -> Classified:
        """A classify step that failed still leaves its dataset to sweep, whole."""
        units = [Unit(source=self.source, dataset=self.dataset)]
        store.write_classification(Classification(source=self.source, dataset=self.dataset, error=error), units)
        return Classified(units)


@dataclass(frozen=True)
class Sweep:
    unit: Unit = field(hash=False)

    def run(self, ctx: ScanContext, store: RunStore) -> Swept:
        u = self.unit
        c = store.classification(u.source, u.dataset)
        assert c is not None, "a unit is swept after its dataset's classify step"
        try:
            src, ds = _open(ctx, u.source, u.dataset)
        except Exception as exc:  # noqa: BLE001 - a dataset that cannot be opened is an error entry, the others go on
            error = exc.message if isinstance(exc, SourceError) else unexpected("opening", exc)
            res = SweepResult(source=u.source, dataset=u.dataset, part=u.part, error=error)
        else:
            try:
                persons(ctx, store)
                res = work.sweep(ctx, src, ds, c, Part.from_dict(u.part))  # keeps its own errors
            finally:
                ds.close()
        store.write_sweep(u, res)
        return self._counts(res)

    def _counts(self, res: SweepResult) -> Swept:
        return Swept(self.unit, rows=res.rows, violations=len(res.violations), error=res.error is not None)

    def kept(self, store: RunStore) -> Swept | None:
        res = store.sweep(self.unit)
        return self._counts(res) if res is not None else None

    def failed(self, ctx: ScanContext, store: RunStore, error: str) -> Swept:
        u = self.unit
        res = SweepResult(source=u.source, dataset=u.dataset, part=u.part, error=error)
        store.write_sweep(u, res)
        return self._counts(res)


Step = Union[Discover, Link, Classify, Sweep]  # noqa: UP007 - a runtime alias, read by isinstance
