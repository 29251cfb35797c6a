"""A SQLite database's tables as engine-neutral column types: what each column natively is.

The SQLite files keep SQLite's storage classes only (INTEGER, REAL, TEXT). The type each column had in
its original database is recovered from two things:

1. **The values** (every row is read): a TEXT column whose values are all ISO dates is a ``date``;
   ``YYYY-MM-DD HH:MM:SS[.fff]`` a ``timestamp`` (with that many fraction digits); ``HH:MM:SS[.f]`` a
   ``time``; all UUIDs a ``uuid``; fixed-width values padded with spaces a ``char(n)`` (nchar); anything
   else ``varchar(n)`` (``text`` when long). An INTEGER column is ``int4`` when its values fit, else
   ``int8``, else ``numeric(20)``. A REAL column whose values have at most four decimals is a decimal
   (``numeric(19,4)`` money, ``numeric(12,2)`` at most two decimals), else ``float8``.
2. **What the original schemas declare** (:data:`ORIGINAL`): the MySQL ``employees`` sample's
   ``gender ENUM('M','F')``; AdventureWorks' ``IDENTITY`` keys (``serial`` on PostgreSQL), ``bit``
   flags (boolean), ``tinyint``/``smallint`` counters, ``xml`` documents, the ``hierarchyid``
   ``OrganizationNode`` (binary), card expiry and reseller years (MariaDB ``year``), single-letter
   codes (MariaDB ``enum``) and the special-offer category (MariaDB ``set``); declared foreign keys.

An identity key (``Kind.ID``) is ``serial`` (int4) on PostgreSQL and ``mediumint unsigned
AUTO_INCREMENT`` on MariaDB, as MySQL ports of these samples (sakila's style) declare them; a column
declared to refer to one gets the same type without the sequence (``Kind.ID_REF``), as MariaDB
requires of a foreign key. ``ddl`` renders these kinds per engine.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any


class Kind(StrEnum):
    ID = "id"              # identity key: serial / mediumint unsigned auto_increment
    ID_REF = "id_ref"      # a column referring to an identity key
    BOOL = "bool"
    INT1 = "int1"          # tinyint (PostgreSQL: smallint)
    INT2 = "int2"
    INT4 = "int4"
    INT8 = "int8"
    BIGNUM = "bignum"      # integers beyond int8: numeric(20)
    YEAR = "year"          # MariaDB year; PostgreSQL smallint
    DECIMAL = "decimal"    # numeric(precision, scale)
    FLOAT = "float"
    DATE = "date"
    TIMESTAMP = "timestamp"
    TIME = "time"
    UUID = "uuid"
    CHAR = "char"          # fixed width, space padded
    VARCHAR = "varchar"
    TEXT = "text"
    XML = "xml"            # PostgreSQL xml; MariaDB longtext
    BINARY = "binary"      # bytea; varbinary
    ENUM = "enum"          # MariaDB enum (and PostgreSQL enum where its port has one); else varchar
    SET = "set"            # MariaDB set; PostgreSQL varchar


@dataclass
class Column:
    name: str
    kind: Kind
    length: int = 0                    # char/varchar length, timestamp/time fraction digits, text bytes
    precision: tuple[int, int] = (0, 0)  # decimal
    members: tuple[str, ...] = ()      # enum/set members
    pg_enum: bool = False              # a PostgreSQL enum type too (else varchar there)
    not_null: bool = False


@dataclass
class Table:
    name: str
    columns: list[Column]
    primary_key: list[str]
    rows: int = 0


@dataclass
class ForeignKey:
    table: str
    columns: list[str]
    ref_table: str
    ref_columns: list[str]


@dataclass
class Schema:
    tables: list[Table]
    views: dict[str, str] = field(default_factory=dict)  # name -> SELECT (portable SQL)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)       # what could not be declared, and why

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


@dataclass(frozen=True)
class Original:
    """What an original schema declares for one column (overrides what the values suggest)."""

    kind: Kind
    members: tuple[str, ...] = ()
    pg_enum: bool = False
    precision: tuple[int, int] = (0, 0)


_AW_FLAGS = ("SalariedFlag", "CurrentFlag", "MakeFlag", "FinishedGoodsFlag", "IsOnlyStateProvinceFlag",
             "ActiveFlag", "PreferredVendorStatus")
_AW_TINY = ("ExpMonth", "PayFrequency", "TaxType", "CreditRating")
_AW_XML = ("Resume", "Demographics", "CatalogDescription", "Instructions")

#: Per source (database file stem), per "Table.column" or "*.column": the originals' declarations.
ORIGINAL: dict[str, dict[str, Original]] = {
    "employees": {
        # employees.sql: gender ENUM ('M','F'); its PostgreSQL ports declare an enum type.
        "employees.gender": Original(Kind.ENUM, ("M", "F"), pg_enum=True),
    },
    "adventureworks": {
        **{f"*.{c}": Original(Kind.BOOL) for c in _AW_FLAGS},  # dbo.Flag / bit
        **{f"*.{c}": Original(Kind.INT1) for c in _AW_TINY},
        **{f"*.{c}": Original(Kind.XML) for c in _AW_XML},
        "CreditCard.ExpYear": Original(Kind.YEAR),                 # smallint; a year on MariaDB
        "Employee.OrganizationNode": Original(Kind.BINARY),         # hierarchyid (binary; hex in the CSV)
        "Employee.Gender": Original(Kind.ENUM, ("M", "F")),         # nchar(1) CHECK (Gender IN ('M','F'))
        "Employee.MaritalStatus": Original(Kind.ENUM, ("M", "S")),  # nchar(1) CHECK (... IN ('M','S'))
        "SpecialOffer.Category": Original(Kind.SET, ("No Discount", "Reseller", "Customer")),
        "Shift.ShiftID": Original(Kind.INT1),                       # tinyint IDENTITY
    },
    "adventureworks_dw": {
        "DimReseller.FirstOrderYear": Original(Kind.YEAR),
        "DimReseller.LastOrderYear": Original(Kind.YEAR),
        "DimReseller.YearOpened": Original(Kind.YEAR),
        "DimReseller.OrderMonth": Original(Kind.INT1),
        "ProspectiveBuyer.Gender": Original(Kind.ENUM, ("M", "F")),
        "ProspectiveBuyer.MaritalStatus": Original(Kind.ENUM, ("M", "S")),
    },
}

#: Foreign keys the original schemas declare (declared only where every value resolves in this data).
FOREIGN_KEYS: dict[str, list[tuple[str, str, str, str]]] = {
    "classicmodels": [
        ("Customers", "salesRepEmployeeNumber", "Employees", "employeeNumber"),
        ("Employees", "reportsTo", "Employees", "employeeNumber"),
        ("Employees", "officeCode", "Offices", "officeCode"),
        ("Orders", "customerNumber", "Customers", "customerNumber"),
        ("OrderDetails", "orderNumber", "Orders", "orderNumber"),
        ("OrderDetails", "productCode", "Products", "productCode"),
        ("Payments", "customerNumber", "Customers", "customerNumber"),
        ("Products", "productLine", "ProductLines", "productLine"),
    ],
    "employees": [
        ("dept_manager", "emp_no", "employees", "emp_no"),  # none of the 24 managers is in the subset
        ("dept_manager", "dept_no", "departments", "dept_no"),
    ],
    "adventureworks": [
        ("Address", "StateProvinceID", "StateProvince", "StateProvinceID"),
        ("StateProvince", "CountryRegionCode", "CountryRegion", "CountryRegionCode"),
        ("StateProvince", "TerritoryID", "SalesTerritory", "TerritoryID"),
        ("EmailAddress", "BusinessEntityID", "Password", "BusinessEntityID"),
        ("PersonPhone", "PhoneNumberTypeID", "PhoneNumberType", "PhoneNumberTypeID"),
        ("BusinessEntityContact", "ContactTypeID", "ContactType", "ContactTypeID"),
        ("EmployeeDepartmentHistory", "BusinessEntityID", "Employee", "BusinessEntityID"),
        ("EmployeeDepartmentHistory", "DepartmentID", "Department", "DepartmentID"),
        ("EmployeeDepartmentHistory", "ShiftID", "Shift", "ShiftID"),
        ("EmployeePayHistory", "BusinessEntityID", "Employee", "BusinessEntityID"),
        ("JobCandidate", "BusinessEntityID", "Employee", "BusinessEntityID"),
        ("PersonCreditCard", "CreditCardID", "CreditCard", "CreditCardID"),
        ("Customer", "TerritoryID", "SalesTerritory", "TerritoryID"),
        ("SalesPerson", "TerritoryID", "SalesTerritory", "TerritoryID"),
        ("SalesPersonQuotaHistory", "BusinessEntityID", "SalesPerson", "BusinessEntityID"),
        ("SalesTerritoryHistory", "BusinessEntityID", "SalesPerson", "BusinessEntityID"),
        ("SalesTerritoryHistory", "TerritoryID", "SalesTerritory", "TerritoryID"),
        ("SalesTaxRate", "StateProvinceID", "StateProvince", "StateProvinceID"),
        ("Product", "ProductSubcategoryID", "ProductSubcategory", "ProductSubcategoryID"),
        ("Product", "ProductModelID", "ProductModel", "ProductModelID"),
        ("ProductSubcategory", "ProductCategoryID", "ProductCategory", "ProductCategoryID"),
        ("ProductReview", "ProductID", "Product", "ProductID"),
        ("ProductModelProductDescriptionCulture", "ProductModelID", "ProductModel", "ProductModelID"),
        ("ProductModelProductDescriptionCulture", "ProductDescriptionID", "ProductDescription",
         "ProductDescriptionID"),
        ("ProductModelProductDescriptionCulture", "CultureID", "Culture", "CultureID"),
        ("CountryRegionCurrency", "CountryRegionCode", "CountryRegion", "CountryRegionCode"),
        ("CountryRegionCurrency", "CurrencyCode", "Currency", "CurrencyCode"),
        ("ShoppingCartItem", "ProductID", "Product", "ProductID"),
    ],
    "adventureworks_dw": [
        ("DimReseller", "GeographyKey", "DimGeography", "GeographyKey"),
        ("DimGeography", "SalesTerritoryKey", "DimSalesTerritory", "SalesTerritoryKey"),
    ],
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.(\d{1,7}))?")
_TIME = re.compile(r"\d{2}:\d{2}:\d{2}(?:\.(\d{1,7}))?")
_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
INT4 = 2**31 - 1
INT8 = 2**63 - 1
LONG_TEXT = 1000  # characters; longer values make a text column


def _is_date(s: str) -> bool:
    try:
        dt.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def _fraction(m: re.Match[str]) -> int:
    return len(m.group(1) or "")


def infer(name: str, declared: str, values: list[Any], *, identity: bool = False) -> Column:
    """The native type of one column from its SQLite declaration and all its values (nulls left out)."""
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if identity:
        return Column(name, Kind.ID)
    if not present:  # nothing to tell: keep the declaration's class
        decl = declared.upper()
        if "INT" in decl:
            return Column(name, Kind.INT4)
        return Column(name, Kind.FLOAT) if "REAL" in decl else Column(name, Kind.VARCHAR, 50)
    if kinds == {int}:
        lo, hi = min(present), max(present)
        if -INT4 - 1 <= lo and hi <= INT4:
            return Column(name, Kind.INT4)
        return Column(name, Kind.INT8 if -INT8 - 1 <= lo and hi <= INT8 else Kind.BIGNUM)
    if kinds <= {int, float}:
        decimals = [_decimals(v) for v in present]
        if max(decimals) <= 4 and max(abs(v) for v in present) < 1e14:
            return Column(name, Kind.DECIMAL, precision=(12, 2) if max(decimals) <= 2 else (19, 4))
        return Column(name, Kind.FLOAT)
    if kinds != {str}:  # mixed storage classes (or blobs): keep the text of each value
        return Column(name, Kind.TEXT)
    texts: list[str] = present
    if all(_DATE.fullmatch(s) and _is_date(s) for s in texts):
        return Column(name, Kind.DATE)
    stamps = [_STAMP.fullmatch(s) for s in texts]
    if all(stamps) and all(_is_date(s[:10]) for s in texts):
        return Column(name, Kind.TIMESTAMP, length=min(6, max(_fraction(m) for m in stamps)))
    times = [_TIME.fullmatch(s) for s in texts]
    if all(times):
        return Column(name, Kind.TIME, length=min(6, max(_fraction(m) for m in times)))
    if all(_UUID.fullmatch(s) for s in texts):
        return Column(name, Kind.UUID)
    longest = max(len(s) for s in texts)
    if longest <= 10 and len({len(s) for s in texts}) == 1 and any(s != s.rstrip(" ") for s in texts):
        return Column(name, Kind.CHAR, length=longest)
    widest = max(len(s.encode()) for s in texts)
    if longest > LONG_TEXT or widest > LONG_TEXT:
        return Column(name, Kind.TEXT, length=widest)  # the length of a text: its widest value in bytes
    return Column(name, Kind.VARCHAR, length=max(16, 1 << (longest - 1).bit_length()))


def _decimals(v: int | float) -> int:
    if isinstance(v, int):
        return 0
    exp = Decimal(repr(v)).as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_schema(db: Path, source: str) -> Schema:
    """The native schema of a SQLite file: every column typed from its values and :data:`ORIGINAL`."""
    originals = ORIGINAL.get(source, {})
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        views = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name"))
        tables = []
        for name in names:
            info = con.execute(f"PRAGMA table_info({_quote(name)})").fetchall()  # cid, name, type, notnull, dflt, pk
            pk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
            rows = con.execute(f"SELECT * FROM {_quote(name)}").fetchall()
            cols = []
            for i, (_, col, decl, notnull, _, _) in enumerate(info):
                values = [r[i] for r in rows]
                identity = (pk == [col] and "INT" in decl.upper() and col.lower() in
                            (f"{name.lower()}id", f"{name.lower().removeprefix('dim')}key")
                            and source.startswith("adventureworks"))
                c = infer(col, decl, values, identity=identity)
                orig = originals.get(f"{name}.{col}") or originals.get(f"*.{col}")
                if orig is not None:
                    c = Column(col, orig.kind, members=orig.members, pg_enum=orig.pg_enum, precision=orig.precision,
                               length=c.length if orig.kind in (Kind.CHAR, Kind.VARCHAR) else 0)
                c.not_null = bool(notnull) or col in pk
                cols.append(c)
            tables.append(Table(name, cols, pk, len(rows)))
        schema = Schema(tables, {n: _select_of(sql) for n, sql in views.items()})
        _declare_foreign_keys(schema, con, source)
    finally:
        con.close()
    return schema


def _select_of(create_view: str) -> str:
    """The SELECT of a ``CREATE VIEW name AS SELECT ...`` statement."""
    m = re.search(r"\bAS\s+(SELECT\b.*)$", create_view, re.IGNORECASE | re.DOTALL)
    if m is None:
        raise ValueError(f"cannot read the view's SELECT: {create_view[:80]!r}")
    return m.group(1)


def _declare_foreign_keys(schema: Schema, con: sqlite3.Connection, source: str) -> None:
    """The original schemas' foreign keys (and the SQLite file's own), where every value resolves."""
    wanted = list(FOREIGN_KEYS.get(source, []))
    for t in schema.tables:
        for row in con.execute(f"PRAGMA foreign_key_list({_quote(t.name)})"):
            wanted.append((t.name, row[3], row[2], row[4] or schema.table(row[2]).primary_key[0]))
    names = {t.name for t in schema.tables}
    for table, col, ref, ref_col in wanted:
        if table not in names or ref not in names:
            continue
        orphans = con.execute(f"SELECT count(*) FROM {_quote(table)} c WHERE c.{_quote(col)} IS NOT NULL AND NOT "
                              f"EXISTS (SELECT 1 FROM {_quote(ref)} p WHERE p.{_quote(ref_col)} = c.{_quote(col)})"
                              ).fetchone()[0]
        if orphans:
            schema.notes.append(f"{source}: foreign key {table}.{col} -> {ref}.{ref_col} not declared: "
                                f"{orphans} value(s) refer to no row of this copy")
            continue
        if schema.table(ref).primary_key != [ref_col]:
            schema.notes.append(f"{source}: foreign key {table}.{col} -> {ref}.{ref_col} not declared: "
                                f"{ref_col} is not {ref}'s whole key here")
            continue
        schema.foreign_keys.append(ForeignKey(table, [col], ref, [ref_col]))
        parent = next(c for c in schema.table(ref).columns if c.name == ref_col)
        child = next(c for c in schema.table(table).columns if c.name == col)
        # MariaDB requires a foreign key's columns to have the referenced column's type (sign included).
        child.kind = Kind.ID_REF if parent.kind is Kind.ID else parent.kind
        child.length, child.precision, child.members = parent.length, parent.precision, parent.members


def convert(column: Column, value: Any) -> Any:
    """A SQLite value as the Python value its native column takes (the driver sends it as that type)."""
    if value is None:
        return None
    k = column.kind
    if k is Kind.BOOL:
        return bool(value)
    if k is Kind.DATE:
        return dt.date.fromisoformat(value)
    if k is Kind.TIMESTAMP:
        return dt.datetime.fromisoformat(_trim_fraction(value))
    if k is Kind.TIME:
        return dt.time.fromisoformat(_trim_fraction(value))
    if k is Kind.UUID:
        return uuid.UUID(value)
    if k is Kind.DECIMAL:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if k is Kind.BINARY:
        return bytes.fromhex(value) if isinstance(value, str) else bytes(value)
    if k is Kind.BIGNUM:
        return Decimal(value)
    return value


def _trim_fraction(s: str) -> str:
    """Python and the servers hold microseconds: ``07:00:00.0000000`` (SQL Server time(7)) is cut to six."""
    head, dot, frac = s.partition(".")
    return f"{head}.{frac[:6]}" if dot else head


def rows_of(db: Path, table: Table) -> Iterable[tuple]:
    """The table's rows in rowid order, converted for its native columns."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        cols = ", ".join(_quote(c.name) for c in table.columns)
        cur = con.execute(f"SELECT {cols} FROM {_quote(table.name)} ORDER BY rowid")
        for row in cur:
            yield tuple(convert(c, v) for c, v in zip(table.columns, row, strict=True))
    finally:
        con.close()
