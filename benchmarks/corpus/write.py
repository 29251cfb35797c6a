"""Writers: one dataset spec to a SQLite table, a log file or a data file.

Each writer returns the fields as pdd will name them (contract.md §2) with
their ground-truth types: ``[(field, types, is_decoy)]``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from benchmarks.corpus.locales import LOCALES

if TYPE_CHECKING:
    from benchmarks.corpus.generate import DatasetSpec

Fields = list[tuple[str, set[str], bool]]
ACCESS_FIELDS = ("remote_addr", "remote_user", "time_local", "request", "status", "body_bytes_sent",
                 "http_referer", "http_user_agent")


def _fields(spec: DatasetSpec, names: list[str] | None = None) -> Fields:
    names = names or [c.name for c in spec.columns]
    return [(n, set(c.types), not c.types) for n, c in zip(names, spec.columns, strict=True)]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_sql(conn: sqlite3.Connection, spec: DatasetSpec) -> Fields:
    cols = []
    for c in spec.columns:
        decl = "INTEGER PRIMARY KEY" if c.kind.key == "row_id" else c.kind.sql_type
        cols.append(f'"{c.name}" {decl}')
    conn.execute(f'CREATE TABLE "{spec.name}" ({", ".join(cols)})')
    marks = ", ".join("?" * len(spec.columns))
    conn.executemany(f'INSERT INTO "{spec.name}" VALUES ({marks})', [[_plain(x) for x in row] for row in spec.rows])
    return _fields(spec)


def _nest(spec: DatasetSpec, row: list[Any], *, lists: bool) -> dict:
    doc: dict = {}
    for c, value in zip(spec.columns, row, strict=True):
        if value is None:
            continue
        if lists and c.kind.key == "tags":
            value = json.loads(value)
        *parents, leaf = c.name.split(".")
        at = doc
        for p in parents:
            at = at.setdefault(p, {})
        at[leaf] = _plain(value)
    return doc


def write_jsonl(folder: Path, spec: DatasetSpec) -> Fields:
    with (folder / spec.name).open("w", encoding="utf-8") as fh:
        for row in spec.rows:
            fh.write(json.dumps(_nest(spec, row, lists=True), ensure_ascii=False) + "\n")
    return _fields(spec)


def write_parquet(folder: Path, spec: DatasetSpec) -> Fields:
    records = [_nest(spec, row, lists=True) for row in spec.rows]
    pq.write_table(pa.Table.from_pylist(records), folder / spec.name)
    return _fields(spec)


def write_csv(folder: Path, spec: DatasetSpec, *, header: bool, delimiter: str | None = None) -> Fields:
    delimiter = delimiter or LOCALES[spec.locale].csv_delimiter
    with (folder / spec.name).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        if header:
            w.writerow([c.name for c in spec.columns])
        for row in spec.rows:
            w.writerow(["" if x is None else _plain(x) for x in row])
    return _fields(spec, None if header else [f"c{i}" for i in range(1, len(spec.columns) + 1)])


def write_access(folder: Path, spec: DatasetSpec) -> Fields:
    """nginx combined format; the columns are, in order, the nginx variables of ACCESS_FIELDS."""
    with (folder / spec.name).open("w", encoding="utf-8") as fh:
        for ip, user, when, request, status, size, ref, ua in spec.rows:
            fh.write(f'{ip} - {user or "-"} [{when}] "{request}" {status} {size} "{ref or "-"}" "{ua}"\n')
    return _fields(spec, list(ACCESS_FIELDS))


def write_plain(folder: Path, spec: DatasetSpec) -> Fields:
    with (folder / spec.name).open("w", encoding="utf-8") as fh:
        for (line,) in spec.rows:
            fh.write(f"{line}\n")
    return _fields(spec, ["message"])
