"""The loader's type recovery (benchmarks/engines/schema.py) and DDL (ddl.py), without a server."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from benchmarks.engines.ddl import MARIADB, PG, column_type, create_table
from benchmarks.engines.large import luhn_complete, planted
from benchmarks.engines.schema import INT4, INT8, Column, Kind, Table, convert, infer, read_schema


@pytest.mark.parametrize(("declared", "values", "kind", "length"), [
    ("TEXT", ["2009-01-14", None, "1969-01-29"], Kind.DATE, 0),
    ("TEXT", ["2009-01-14", "2009-02-30"], Kind.VARCHAR, 16),            # not a date: a varchar
    ("TEXT", ["2009-01-14", "14/01/2009"], Kind.VARCHAR, 16),
    ("TEXT", ["2009-01-13 00:00:00.000", "2014-06-30 00:00:00.000"], Kind.TIMESTAMP, 3),
    ("TEXT", ["2023-02-02 04:01:59"], Kind.TIMESTAMP, 0),
    ("TEXT", ["2023-02-02 04:01:59", "2023-02-02"], Kind.VARCHAR, 32),    # mixed: neither
    ("TEXT", ["07:00:00.0000000", "15:00:00.0000000"], Kind.TIME, 6),   # time(7) cut to microseconds
    ("TEXT", ["F01251E5-96A3-448D-981E-0F99D789110D"], Kind.UUID, 0),
    ("TEXT", ["F01251E5-96A3-448D-981E-0F99D789110D0"], Kind.VARCHAR, 64),
    ("TEXT", ["AB ", "CM ", "US "], Kind.CHAR, 3),                       # nchar padding
    ("TEXT", ["AB", "CM", "US"], Kind.VARCHAR, 16),                      # same width, no padding
    ("TEXT", ["x" * 1001], Kind.TEXT, 1001),
    ("INTEGER", [1, INT4], Kind.INT4, 0),
    ("INTEGER", [-INT4 - 1, 0], Kind.INT4, 0),
    ("INTEGER", [1, INT4 + 1], Kind.INT8, 0),
    ("INTEGER", [INT8], Kind.INT8, 0),
    ("INTEGER", [1, "x"], Kind.TEXT, 0),                                 # mixed storage classes
    ("INTEGER", [None, None], Kind.INT4, 0),
    ("REAL", [125.5, 63.4615], Kind.DECIMAL, 0),
    ("REAL", [1.25, 3.0], Kind.DECIMAL, 0),
    ("REAL", [9.939946, 76.304845], Kind.FLOAT, 0),                      # coordinates stay floating
])
def test_infer(declared: str, values: list, kind: Kind, length: int) -> None:
    col = infer("c", declared, values)
    assert (col.kind, col.length) == (kind, length)


def test_decimal_scale_follows_the_values() -> None:
    assert infer("c", "REAL", [1.25, 3.0]).precision == (12, 2)
    assert infer("c", "REAL", [125.5, 63.4615]).precision == (19, 4)


def test_a_bigger_integer_than_int8_is_numeric() -> None:
    # SQLite stores integers up to int8; a 20-digit one is REAL there, so only the Python side can exceed it
    assert infer("c", "INTEGER", [INT8 + 1]).kind is Kind.BIGNUM


@pytest.mark.parametrize(("kind", "value", "expected"), [
    (Kind.DATE, "2009-01-14", dt.date(2009, 1, 14)),
    (Kind.TIMESTAMP, "2009-01-13 00:00:00.000", dt.datetime(2009, 1, 13)),
    (Kind.TIME, "07:00:00.0000000", dt.time(7)),
    (Kind.UUID, "F01251E5-96A3-448D-981E-0F99D789110D", uuid.UUID("f01251e5-96a3-448d-981e-0f99d789110d")),
    (Kind.DECIMAL, 63.4615, Decimal("63.4615")),
    (Kind.BINARY, "5AC0", b"\x5a\xc0"),
    (Kind.BOOL, 0, False),
    (Kind.VARCHAR, None, None),
])
def test_convert(kind: Kind, value: object, expected: object) -> None:
    assert convert(Column("c", kind), value) == expected


def _table(*cols: Column, pk: list[str] | None = None) -> Table:
    return Table("T", list(cols), pk or [])


@pytest.mark.parametrize(("col", "pg", "maria"), [
    (Column("id", Kind.ID), "serial", "mediumint unsigned NOT NULL AUTO_INCREMENT"),
    (Column("r", Kind.ID_REF), "integer", "mediumint unsigned"),
    (Column("y", Kind.YEAR), "smallint", "year"),
    (Column("g", Kind.ENUM, members=("M", "F")), "varchar(1)", "enum('M', 'F')"),
    (Column("g", Kind.ENUM, members=("M", "F"), pg_enum=True), '"t_g"', "enum('M', 'F')"),
    (Column("s", Kind.SET, members=("a", "bc")), "varchar(4)", "set('a', 'bc')"),
    (Column("b", Kind.BINARY), "bytea", "varbinary(892)"),
    (Column("x", Kind.XML), "xml", "longtext"),
    (Column("t", Kind.TEXT, length=70_000), "text", "mediumtext"),
    (Column("t", Kind.TEXT, length=65_535), "text", "text"),
    (Column("d", Kind.DECIMAL, precision=(19, 4)), "numeric(19,4)", "decimal(19,4)"),
    (Column("ts", Kind.TIMESTAMP, length=3), "timestamp(3)", "datetime(3)"),
    (Column("f", Kind.BOOL), "boolean", "tinyint(1)"),
])
def test_column_types(col: Column, pg: str, maria: str) -> None:
    t = _table(col)
    assert (column_type(PG, t, col), column_type(MARIADB, t, col)) == (pg, maria)


def test_create_table_declares_the_composite_key_and_the_enum_type_first() -> None:
    t = Table("T", [Column("a", Kind.INT4, not_null=True), Column("b", Kind.VARCHAR, length=16, not_null=True),
                    Column("g", Kind.ENUM, members=("M", "F"), pg_enum=True)], ["a", "b"])
    pg = create_table(PG, t)
    assert pg[0] == """CREATE TYPE "t_g" AS ENUM ('M', 'F')"""
    assert 'PRIMARY KEY ("a", "b")' in pg[1]
    assert create_table(MARIADB, t)[0].endswith("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")


def test_read_schema_uses_the_originals_and_checks_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "employees.db"
    with sqlite3.connect(db) as con:
        con.executescript("""
            CREATE TABLE employees (emp_no INTEGER NOT NULL, birth_date TEXT NOT NULL, gender TEXT NOT NULL,
                                    PRIMARY KEY (emp_no));
            CREATE TABLE departments (dept_no TEXT NOT NULL, PRIMARY KEY (dept_no));
            CREATE TABLE dept_manager (emp_no INTEGER NOT NULL, dept_no TEXT NOT NULL, PRIMARY KEY (emp_no, dept_no));
            INSERT INTO employees VALUES (10001, '1953-09-02', 'M');
            INSERT INTO departments VALUES ('d001');
            INSERT INTO dept_manager VALUES (110022, 'd001');
        """)
    schema = read_schema(db, "employees")
    gender = next(c for c in schema.table("employees").columns if c.name == "gender")
    assert (gender.kind, gender.members, gender.pg_enum) == (Kind.ENUM, ("M", "F"), True)
    assert schema.table("dept_manager").primary_key == ["emp_no", "dept_no"]
    assert [(f.table, f.columns, f.ref_table) for f in schema.foreign_keys] == [("dept_manager", ["dept_no"],
                                                                                 "departments")]
    assert schema.notes == ["employees: foreign key dept_manager.emp_no -> employees.emp_no not declared: "
                            "1 value(s) refer to no row of this copy"]


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_luhn_complete_is_luhn_valid(prefix: str) -> None:
    assert luhn.is_valid(luhn_complete(prefix))


def test_planted_cards_are_valid_test_numbers() -> None:
    digits = ["".join(ch for ch in text if ch.isdigit()) for text in planted().values()]
    assert [len(d) for d in digits] == [16, 16]
    assert all(luhn.is_valid(d) for d in digits)  # no value in the message: a bare bool
