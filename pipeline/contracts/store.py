"""What the contract check needs from the stores: datasets, their fields, which fields can hold a card number,
and, for logs and files, the records as a pandas DataFrame for Great Expectations.

Datasets are listed through pdd's own sources (pipeline.sources), so that a
contract names datasets and fields exactly as the scan and report.json do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from pipeline.config.model import Config, SourceConfig
from pipeline.contracts.values import card_last_four_shaped
from pipeline.sources import Dataset, SourceError, open_source

if TYPE_CHECKING:
    import pandas as pd

#: Python types of values that cannot hold a full card number (a float loses digits; a date has none to spare).
_NO_CARD = (bool, float, dt.date, dt.datetime, dt.time, bytes, bytearray, memoryview)


def column_can_hold_card(column: sa.Column) -> bool:
    """Text, JSON, integers (a 16-digit number fits a BIGINT) and unknown types can; floats, dates, booleans not."""
    t = column.type
    if isinstance(t, sa.Numeric) and not isinstance(t, sa.Integer):
        return not isinstance(t, sa.Float) and (t.scale or 0) == 0
    try:
        py = t.python_type
    except NotImplementedError:
        return True
    return not issubclass(py, _NO_CARD)


def values_can_hold_card(values: list[Any]) -> bool:
    """For schemaless records: some value is text, an integer or a JSON document."""
    return any(v is not None and not isinstance(v, _NO_CARD) for v in values)


@dataclass(frozen=True)
class FieldProfile:
    can_hold_card: bool
    #: every sampled value is exactly four digits
    last_four_shaped: bool


@dataclass
class StoreDataset:
    """One dataset of a source, as the check and the draft see it."""

    source: str
    name: str
    kind: str  # "sql" or "frame"
    dataset: Dataset
    #: sql only: where the table lives
    schema: str | None = None
    table: str | None = None

    def card_fields(self) -> dict[str, bool]:
        """Each field of a SQL table, and whether its type can hold a full card number."""
        cols = self.dataset.table.columns  # type: ignore[attr-defined]  # only SQL datasets are asked (a SqlDataset has .table)
        return {c.name: column_can_hold_card(c) for c in cols}

    def profile(self, sample: int = 200) -> dict[str, FieldProfile]:
        """What a sample of each field shows, for drafting rules that the data already keeps."""
        values = self.dataset.sample(sample)
        types = self.card_fields() if self.kind == "sql" else {}
        out = {}
        for f in self.dataset.fields():
            vals = [v for v in values.get(f, []) if v is not None]
            can = types[f] if f in types else values_can_hold_card(vals) if self.kind != "sql" else True
            out[f] = FieldProfile(can_hold_card=can,
                                  last_four_shaped=bool(vals) and all(card_last_four_shaped(v) for v in vals))
        return out

    def frame(self, batch_size: int) -> pd.DataFrame:
        """Every record as a DataFrame of Python objects, indexed by the record's key (line number)."""
        import pandas as pd

        keys: list[str] = []
        cols: dict[str, list[Any]] = {}
        for batch in self.dataset.batches(batch_size):
            n = len(keys)
            for f, vals in batch.columns.items():
                cols.setdefault(f, [None] * n).extend(vals)
            keys.extend(batch.keys)
            for vals in cols.values():
                vals.extend([None] * (len(keys) - len(vals)))
        index = pd.Index(keys, dtype=object, name="key")
        return pd.DataFrame({f: pd.Series(v, index=index, dtype=object) for f, v in cols.items()}, index=index)


@contextlib.contextmanager
def open_store(cfg: SourceConfig, config: Config) -> Iterator[dict[str, StoreDataset]]:
    """The datasets of one configured source by name, open until the block ends; raises SourceError when the
    source cannot be read."""
    source = open_source(cfg, config)
    try:
        found = {}
        for ds in source.datasets():
            if cfg.kind == "sql":
                found[ds.name] = StoreDataset(cfg.name, ds.name, "sql", ds, schema=getattr(ds, "schema", None),
                                              table=getattr(ds, "table_name", ds.name))
            else:
                found[ds.name] = StoreDataset(cfg.name, ds.name, "frame", ds)
        yield found
    finally:
        source.close()


__all__ = ["FieldProfile", "SourceError", "StoreDataset", "column_can_hold_card", "open_store", "values_can_hold_card"]
