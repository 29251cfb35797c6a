"""How the rows of a SQL table are keyed, for the report and for reading on from a row.

A row's key is what contract.md §2 names it: the primary key value (a composite
key's values joined with ``|``), SQLite's rowid where there is no primary key,
else the 0-based row offset. The same row must get the same key text whatever
read it (a plain cursor, a key range, a texts-only page), so :func:`key_text`
is the one place a key value becomes text.

Reading on from a row (keyset pages, key ranges, the retry after a damaged
page) compares the key with bound values of the key columns' *own* types: a
bound wider than the column (a BIGINT sentinel against an int4 key) is an
error on PostgreSQL, so an open end is no bound at all rather than a sentinel.
Composite keys are compared column by column (``a > x OR (a = x AND b > y)``,
with ``a >= x`` beside it so every engine scans the key's index from ``x``).

Key ranges (``Part``) travel between processes as JSON: :meth:`TableKey.encode`
and :meth:`TableKey.decode` carry ints and strings as themselves, and Decimal
and UUID values tagged; a key of any other type cannot be split into ranges.
"""

from __future__ import annotations

import decimal
import operator
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa


def key_text(value: Any) -> str:
    """One key value as report.json writes it: a Decimal in plain notation (as PostgreSQL's own text of a
    numeric, never ``1E+2``), bytes as hex, anything else as ``str``."""
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


class Unsplittable(ValueError):
    """A key value that cannot be carried in a key range (its type has no JSON form here)."""


def _encode(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        raise Unsplittable(type(value).__name__)
    if isinstance(value, (int, str)):
        return value
    if isinstance(value, decimal.Decimal):
        return {"decimal": format(value, "f")}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    raise Unsplittable(type(value).__name__)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "decimal" in value:
            return decimal.Decimal(value["decimal"])
        return uuid.UUID(value["uuid"])
    return value


def _bind(col: Any, value: Any) -> Any:
    """``value`` bound with ``col``'s own type (a column of unknown type: the value's)."""
    if isinstance(value, sa.ClauseElement):
        return value
    return sa.literal(value, type_=None if isinstance(col.type, sa.types.NullType) else col.type)


_STRICT = {">": operator.gt, ">=": operator.gt, "<": operator.lt, "<=": operator.lt}
_LOOSE = {">": operator.ge, ">=": operator.ge, "<": operator.le, "<=": operator.le}


def compare(cols: Sequence[Any], op: str, values: Sequence[Any]) -> sa.ColumnElement[bool]:
    """``(cols) op (values)`` in key order, written out column by column (every engine plans it as a range
    of the key's index; row-value comparison is not planned as one by MariaDB)."""
    binds = [_bind(c, v) for c, v in zip(cols, values, strict=True)]
    if len(cols) == 1:
        return {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}[op](cols[0], binds[0])
    terms = [sa.and_(*[c == b for c, b in zip(cols[:i], binds[:i], strict=True)], _STRICT[op](cols[i], binds[i]))
             for i in range(len(cols))]
    if op in (">=", "<="):
        terms.append(sa.and_(*[c == b for c, b in zip(cols, binds, strict=True)]))
    return sa.and_(_LOOSE[op](cols[0], binds[0]), sa.or_(*terms))


@dataclass(frozen=True)
class TableKey:
    """The key of one table: ``kind`` 'pk', 'rowid' or 'offset' (no key: rows are numbered as read)."""

    kind: str
    #: the key's columns (SQL expressions of the table), in key order; empty for 'offset'
    columns: tuple[Any, ...]
    names: tuple[str, ...]

    @property
    def ordered(self) -> bool:
        """Rows can be read in key order and read on from a key (keyset pages, key ranges)."""
        return bool(self.columns)

    @property
    def integer(self) -> sa.ColumnElement | None:
        """The single integer key (or rowid) that arithmetic key ranges and random sampling use."""
        if self.kind == "rowid":
            return self.columns[0]
        if self.kind == "pk" and len(self.columns) == 1 and isinstance(self.columns[0].type, sa.Integer):
            return self.columns[0]
        return None

    def text(self, values: Sequence[Any]) -> str:
        """The row's key in report.json."""
        return "|".join(map(key_text, values))

    def compare(self, op: str, values: Sequence[Any]) -> sa.ColumnElement[bool]:
        return compare(self.columns, op, values)

    def encode(self, values: Sequence[Any]) -> Any:
        """A key as JSON for a Part bound (a single key as itself, a composite one as a list)."""
        out = [_encode(v) for v in values]
        return out[0] if len(out) == 1 else out

    def decode(self, bound: Any) -> tuple[Any, ...]:
        if len(self.columns) == 1:
            return (_decode(bound),)
        return tuple(_decode(v) for v in bound)

    def describe(self) -> str:
        """The key's columns and types, for notes."""
        return ", ".join(f"{n} ({type(c.type).__name__})" for n, c in zip(self.names, self.columns, strict=True))
