"""The native schema (benchmarks/engines/schema.py) as PostgreSQL and MariaDB DDL.

The mapping, kind by kind (PostgreSQL | MariaDB):

=========  ==============================  ===========================================
id         ``serial`` (int4)               ``mediumint unsigned AUTO_INCREMENT``
id_ref     ``integer``                     ``mediumint unsigned``
bool       ``boolean``                     ``tinyint(1)`` (MariaDB's BOOLEAN)
int1       ``smallint``                    ``tinyint unsigned`` (SQL Server tinyint: 0-255)
int2/4/8   ``smallint/integer/bigint``     ``smallint/int/bigint``
bignum     ``numeric(20,0)``               ``decimal(20,0)``
year       ``smallint``                    ``year``
decimal    ``numeric(p,s)``                ``decimal(p,s)``
float      ``double precision``            ``double``
date       ``date``                        ``date``
timestamp  ``timestamp(n)``                ``datetime(n)``
time       ``time(n)``                     ``time(n)``
uuid       ``uuid``                        ``uuid`` (MariaDB 10.7+)
char(n)    ``char(n)``                     ``char(n)``
varchar(n) ``varchar(n)``                  ``varchar(n)``
text       ``text``                        ``text``, ``mediumtext`` above 65,535 bytes
xml        ``xml``                         ``longtext``
binary     ``bytea``                       ``varbinary(892)`` (hierarchyid's maximum)
enum       an ``ENUM`` type where the      ``enum(...)``
           original port has one, else
           ``varchar(n)``
set        ``varchar(n)``                  ``set(...)``
=========  ==============================  ===========================================
"""

from __future__ import annotations

from benchmarks.engines.schema import Column, ForeignKey, Kind, Table

PG, MARIADB = "postgresql", "mariadb"


def quote(dialect: str, name: str) -> str:
    if dialect == PG:
        return '"' + name.replace('"', '""') + '"'
    return "`" + name.replace("`", "``") + "`"


def _literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def enum_type_name(table: Table, column: Column) -> str:
    return f"{table.name}_{column.name}".lower()


def column_type(dialect: str, table: Table, c: Column) -> str:
    k = c.kind
    pg = dialect == PG
    if k is Kind.ID:
        return "serial" if pg else "mediumint unsigned NOT NULL AUTO_INCREMENT"
    if k is Kind.ID_REF:
        return "integer" if pg else "mediumint unsigned"
    if k is Kind.BOOL:
        return "boolean" if pg else "tinyint(1)"
    if k is Kind.INT1:
        return "smallint" if pg else "tinyint unsigned"
    simple = {Kind.INT2: "smallint", Kind.INT4: "integer" if pg else "int", Kind.INT8: "bigint",
              Kind.BIGNUM: "numeric(20,0)" if pg else "decimal(20,0)", Kind.YEAR: "smallint" if pg else "year",
              Kind.FLOAT: "double precision" if pg else "double", Kind.DATE: "date", Kind.UUID: "uuid",
              Kind.XML: "xml" if pg else "longtext", Kind.BINARY: "bytea" if pg else "varbinary(892)"}
    if k in simple:
        return simple[k]
    if k is Kind.DECIMAL:
        return f"{'numeric' if pg else 'decimal'}({c.precision[0]},{c.precision[1]})"
    if k is Kind.TIMESTAMP:
        return f"timestamp({c.length})" if pg else f"datetime({c.length})"
    if k is Kind.TIME:
        return f"time({c.length})"
    if k is Kind.CHAR:
        return f"char({c.length})"
    if k is Kind.VARCHAR:
        return f"varchar({c.length})"
    if k is Kind.TEXT:
        return "text" if pg or c.length <= 65_535 else "mediumtext"
    members = ", ".join(_literal(m) for m in c.members)
    if k is Kind.ENUM:
        if pg:
            return quote(PG, enum_type_name(table, c)) if c.pg_enum else f"varchar({max(map(len, c.members))})"
        return f"enum({members})"
    if k is Kind.SET:
        return f"varchar({len(','.join(c.members))})" if pg else f"set({members})"
    raise ValueError(f"no {dialect} type for {k}")


def create_table(dialect: str, table: Table) -> list[str]:
    """The statements that create ``table`` (its enum types first, on PostgreSQL)."""
    out = []
    if dialect == PG:
        out += [f"CREATE TYPE {quote(PG, enum_type_name(table, c))} AS ENUM "
                f"({', '.join(_literal(m) for m in c.members)})"
                for c in table.columns if c.kind is Kind.ENUM and c.pg_enum]
    cols = [f"{quote(dialect, c.name)} {column_type(dialect, table, c)}"
            + (" NOT NULL" if c.not_null and c.kind is not Kind.ID else "") for c in table.columns]
    if table.primary_key:
        cols.append(f"PRIMARY KEY ({', '.join(quote(dialect, k) for k in table.primary_key)})")
    tail = "" if dialect == PG else " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
    out.append(f"CREATE TABLE {quote(dialect, table.name)} (\n  " + ",\n  ".join(cols) + f"\n){tail}")
    return out


def add_foreign_key(dialect: str, fk: ForeignKey) -> str:
    def q(n: str) -> str:
        return quote(dialect, n)

    name = f"fk_{fk.table}_{'_'.join(fk.columns)}"[:60]
    return (f"ALTER TABLE {q(fk.table)} ADD CONSTRAINT {q(name)} FOREIGN KEY ({', '.join(map(q, fk.columns))}) "
            f"REFERENCES {q(fk.ref_table)} ({', '.join(map(q, fk.ref_columns))})")
