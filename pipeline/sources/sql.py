"""SQL stores through SQLAlchemy: SQLite, PostgreSQL, MariaDB/MySQL, and any other dialect.

Read-only by construction: SQLite files are opened with ``mode=ro``; PostgreSQL
and MySQL sessions are set to read-only transactions on connect, so even a bug
in pdd cannot write to a scanned store.

Sampling avoids reading the whole table where it can: with one integer primary
key (or SQLite's rowid) it fetches rows at random key values; PostgreSQL
without one uses TABLESAMPLE; anything else reads the first rows. The sweep
streams every row through a server-side cursor in batches, fetched from the
driver's own cursor (SQLite, psycopg) rather than as SQLAlchemy Row objects. Declared foreign
keys are read from the catalog for the linkage stage (pipeline/linkage).
"""

from __future__ import annotations

import contextlib
import fnmatch
import random
from collections.abc import Generator, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from classifiers.card_spec import SEPARATOR, text_kind
from pipeline.config.model import SqlSourceConfig
from pipeline.sources.base import (
    Batch,
    Dataset,
    Part,
    ReadPlan,
    ReadStats,
    Size,
    Source,
    SourceError,
)
from pipeline.sources.sql_keys import TableKey, Unsplittable, compare, key_text

_SAMPLE_SEED = 20261124  # fixed: a rerun samples the same rows


def _explain(exc: Exception, busy_timeout: float | None = None) -> str:
    """A one-line reason from a driver error, without SQL parameters (they may hold values)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else orig.__class__.__name__
    if busy_timeout is not None and "database is locked" in text:
        text += (f"; another process held the SQLite file locked for longer than busy_timeout "
                 f"({busy_timeout:g} s): raise it in the source's config, or scan when the writer is done")
    return f"{orig.__class__.__name__}: {text}"


def _readonly_engine(url: URL, base_dir: Any, busy_timeout: float = 5.0) -> Engine:
    backend = url.get_backend_name()
    if backend == "sqlite":
        import sqlite3
        from pathlib import Path

        db = url.database
        if not db or db == ":memory:":
            raise SourceError("a SQLite URL needs a database file (sqlite:///path/to/file.db)")
        path = Path(db)
        if not path.is_absolute():
            path = base_dir / path
        if not path.is_file():
            raise SourceError(f"SQLite file {path} does not exist; check the url (relative paths are resolved "
                              "against the config file's folder)")
        uri = f"file:{path}?mode=ro"
        # timeout: a file another process is writing is waited for (SQLite's busy handler), up to the bound.
        return sa.create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False,
                                                                             timeout=busy_timeout))
    engine = sa.create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=0)

    @sa.event.listens_for(engine, "connect")
    def _read_only(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            if backend == "postgresql":
                cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                cur.execute("SET statement_timeout = '15min'")
                # a table without a key is keyed by row offset: its scan must start at the first block,
                # not join another session's scan midway
                cur.execute("SET synchronize_seqscans = off")
            elif backend in ("mysql", "mariadb"):
                cur.execute("SET SESSION TRANSACTION READ ONLY")
        finally:
            cur.close()
        if backend == "postgresql":
            dbapi_conn.commit()

    return engine


class SqlSource(Source):
    kind = "sql"
    config_model = SqlSourceConfig

    @classmethod
    def check_config(cls, config: SqlSourceConfig) -> tuple[str, str] | None:  # type: ignore[override]  # each kind checks its own config model
        if (config.url is None) == (config.conn_id is None):
            return ("url",
                    "a sql source needs exactly one of url (a SQLAlchemy URL) or conn_id (an Airflow Connection)")
        return None

    def __init__(self, config: SqlSourceConfig, settings: Any, engine: Engine | None = None):
        super().__init__(config, settings)
        self.config: SqlSourceConfig = config
        self._engine = engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            if self.config.url is None:
                raise SourceError(f"conn_id {self.config.conn_id!r} is resolved only when running under Airflow; "
                                  "give a url to scan from the command line", source=self.name)
            try:
                url = make_url(self.config.url.get_secret_value())
            except ArgumentError:
                raise SourceError("the url is not a SQLAlchemy URL (expected e.g. postgresql+psycopg://user@host/db)",
                                  source=self.name) from None
            try:
                self._engine = _readonly_engine(url, self.settings.base_dir, self.config.busy_timeout)
            except NoSuchModuleError:
                raise SourceError(f"no SQLAlchemy dialect for {url.drivername!r}; check the url's scheme",
                                  source=self.name) from None
            except ModuleNotFoundError as exc:
                raise SourceError(f"the database driver is not installed ({exc.name})", source=self.name) from None
            except SourceError as exc:
                raise SourceError(exc.message, source=self.name) from None
        return self._engine

    def datasets(self) -> Iterator[SqlDataset]:
        try:
            insp = sa.inspect(self.engine)
            default = insp.default_schema_name
            schemas: list[str | None] = list(self.config.schemas or ()) or [default]
            found: list[tuple[str | None, str, bool]] = []
            for schema in schemas:
                if schema not in insp.get_schema_names() and schema != default:
                    raise SourceError(f"schema {schema!r} does not exist", source=self.name)
                sch = None if schema == default else schema
                found += [(sch, t, False) for t in insp.get_table_names(schema=sch)]
                found += [(sch, v, True) for v in insp.get_view_names(schema=sch)]
        except SQLAlchemyError as exc:
            raise SourceError(f"cannot connect or list tables ({_explain(exc, self.config.busy_timeout)})",
                              source=self.name) from None
        for schema, table, is_view in sorted(found, key=lambda t: (t[0] or "", t[1])):
            name = f"{schema}.{table}" if schema else table
            if not any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(table, g) for g in self.config.include):
                continue
            if any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(table, g) for g in self.config.exclude):
                continue
            yield SqlDataset(self, schema, table, is_view)

    def foreign_keys(self) -> list[tuple[str, list[str], str, list[str]]]:
        """Declared foreign keys between the scanned tables, from the database's own catalog (SQLAlchemy inspector):
        ``(dataset, columns, referred dataset, referred columns)``, datasets named as :meth:`datasets` names them."""
        names = {(d.schema, d.table_name): d.name for d in self.datasets() if not d.is_view}
        try:
            insp = sa.inspect(self.engine)
            default = insp.default_schema_name
            out = []
            for (schema, table), name in sorted(names.items(), key=lambda kv: kv[1]):
                for fk in insp.get_foreign_keys(table, schema=schema):
                    ref_schema = fk.get("referred_schema")
                    ref_schema = None if ref_schema in (None, default) else ref_schema
                    ref = names.get((ref_schema, fk["referred_table"]))
                    if ref is not None:
                        out.append((name, list(fk["constrained_columns"]), ref, list(fk["referred_columns"])))
        except SQLAlchemyError as exc:
            raise SourceError(f"cannot read foreign keys ({_explain(exc)})", source=self.name) from None
        return out

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


class SqlDataset(Dataset):
    def __init__(self, source: SqlSource, schema: str | None, table: str, is_view: bool):
        self.source = source
        self.schema = schema
        self.table_name = table
        self.is_view = is_view
        self.name = f"{schema}.{table}" if schema else table
        self.stats = ReadStats()
        self._table: sa.Table | None = None
        self._table_key: TableKey | None = None
        self._counted: int | None = None  # rows, as partitions() counted them

    def _err(self, what: str, exc: Exception) -> SourceError:
        return SourceError(f"{what} ({_explain(exc, self.source.config.busy_timeout)})", source=self.source.name,
                           dataset=self.name)

    @property
    def table(self) -> sa.Table:
        if self._table is None:
            try:
                table = sa.Table(self.table_name, sa.MetaData(), schema=self.schema,
                                 autoload_with=self.source.engine)
            except SQLAlchemyError as exc:
                raise self._err("cannot read the table's columns", exc) from None
            if self.source.engine.dialect.name == "sqlite":
                _lenient_columns(table, self.source.engine.dialect)
            self._table = table
        return self._table

    def fields(self) -> list[str]:
        return [c.name for c in self.table.columns]

    def _key(self) -> TableKey:
        """How this table's rows are keyed (contract.md §2): its primary key, SQLite's rowid, else offsets."""
        if self._table_key is None:
            t = self.table
            pk = [c.name for c in t.primary_key.columns]
            if pk:
                self._table_key = TableKey("pk", tuple(t.c[c] for c in pk), tuple(pk))
            elif self.source.engine.dialect.name == "sqlite" and not self.is_view and self._has_rowid():
                self._table_key = TableKey("rowid", (sa.literal_column("rowid", sa.Integer),), ("rowid",))
            else:
                self._table_key = TableKey("offset", (), ())
        return self._table_key

    def _has_rowid(self) -> bool:
        try:
            with self.source.engine.connect() as conn:
                conn.execute(sa.text(f'SELECT rowid FROM "{self.table_name}" LIMIT 1'))
            return True
        except SQLAlchemyError:
            return False

    def _int_key(self) -> sa.ColumnElement | None:
        """The single integer key that arithmetic key ranges and random sampling use, if there is one."""
        return self._key().integer

    def _select(self, part: Part | None = None) -> sa.Select:
        key = self._key()
        t = self.table
        if key.kind == "rowid":
            stmt = sa.select(key.columns[0].label("__pdd_rowid__"), *t.columns).order_by(key.columns[0])
        else:
            stmt = sa.select(*t.columns).order_by(*key.columns)
        if part is not None and (part.lo is not None or part.hi is not None):
            if not key.ordered:
                raise SourceError("cannot be read by key range (no primary key)", source=self.source.name,
                                  dataset=self.name)
            if part.lo is not None:
                stmt = stmt.where(key.compare(">=", key.decode(part.lo)))
            if part.hi is not None:
                stmt = stmt.where(key.compare("<", key.decode(part.hi)))
        return stmt

    def partitions(self, max_rows: int) -> list[Part | None]:
        """Key ranges of about ``max_rows`` rows. An integer key is split arithmetically between its
        smallest and largest value; any other key (numeric, text, UUID, composite) at every ``max_rows``-th
        key in key order (``row_number()`` over the key's index). The first range has no lower bound and the
        last none above (rows added meanwhile are not missed, and no sentinel has to fit the key's type).
        A table that cannot be split is one part that says why (its note reaches the report)."""
        key = self._key()
        try:
            with self.source.engine.connect() as conn:
                count = conn.execute(sa.select(sa.func.count()).select_from(self.table)).scalar()
                self._counted = count
                if not count or count <= max_rows:
                    return [None]
                if not key.ordered:
                    return [self._whole(f"{count} rows read as one part: {'a view' if self.is_view else 'a table'}"
                                        " without a primary key is keyed by row offset, which key ranges "
                                        "cannot split")]
                n = -(-count // max_rows)
                if (ik := key.integer) is not None:
                    lo, hi = conn.execute(sa.select(sa.func.min(ik), sa.func.max(ik)).select_from(self.table)).one()
                    step = max(1, -(-(hi - lo + 1) // n))
                    bounds = [(b,) for b in range(lo + step, hi + 1, step)]
                else:
                    try:
                        bounds = self._every_nth_key(conn, key, -(-count // n))
                    except SQLAlchemyError as exc:
                        return [self._whole(f"{count} rows read as one part: the server cannot number the rows "
                                            f"by key {key.describe()} ({_explain(exc)})")]
        except SQLAlchemyError as exc:
            raise self._err("cannot count rows", exc) from None
        try:
            edges = [None, *(key.encode(b) for b in bounds), None]
        except Unsplittable as exc:
            return [self._whole(f"{count} rows read as one part: key {key.describe()} has values of type {exc}, "
                                "which a key range cannot carry")]
        return [Part(",".join(key.names), edges[i], edges[i + 1]) for i in range(len(edges) - 1)]

    def size(self) -> Size | None:
        """The rows partitions() counted (it counts every table it splits or not, so this costs no query; a
        catalog estimate such as pg_class.reltuples would be a second query for a rougher number)."""
        return Size(self._counted, "rows") if self._counted is not None else None

    def _whole(self, why: str) -> Part:
        return Part(",".join(self._key().names), None, None, note=why)

    def _every_nth_key(self, conn: sa.Connection, key: TableKey, step: int) -> list[tuple[Any, ...]]:
        """The key of every ``step``-th row in key order, the first row's left out: the lower bounds of all
        key ranges but the first."""
        rn = sa.func.row_number().over(order_by=list(key.columns)).label("__pdd_rn__")
        ranked = sa.select(*key.columns, rn).select_from(self.table).subquery()
        cols = [ranked.c[n] for n in key.names]
        stmt = (sa.select(*cols).where(ranked.c["__pdd_rn__"] > 1)
                .where((ranked.c["__pdd_rn__"] - 1) % step == 0).order_by(*cols))
        return [tuple(r) for r in conn.execute(stmt)]

    def sample(self, n: int) -> dict[str, list[Any]]:
        names = self.fields()
        out: dict[str, list[Any]] = {f: [] for f in names}
        try:
            with self.source.engine.connect() as conn:
                for row in self._sample_rows(conn, n):
                    m = row._mapping
                    for f in names:
                        v = m[f]
                        if v is not None and len(out[f]) < n:
                            out[f].append(v)
                # Sparse columns: top up with non-null values so a mostly-empty column is still examined.
                t = self.table
                for f in names:
                    if len(out[f]) < min(n, 10):
                        col = t.c[f]
                        extra = conn.execute(sa.select(col).where(col.is_not(None)).limit(n)).scalars().all()
                        out[f] = list(extra)[:n]
        except SQLAlchemyError as exc:
            raise self._err("cannot sample rows", exc) from None
        return out

    def _sample_rows(self, conn: sa.Connection, n: int) -> list[Any]:
        t = self.table
        dialect = conn.dialect.name
        int_key = self._int_key()
        if int_key is not None:
            lo, hi, count = conn.execute(sa.select(sa.func.min(int_key), sa.func.max(int_key), sa.func.count())
                                         .select_from(t)).one()
            if count is None or count <= n * 2 or lo is None:
                return list(conn.execute(sa.select(*t.columns).limit(n * 2)))
            rng = random.Random(_SAMPLE_SEED)
            picks = sorted({rng.randint(lo, hi) for _ in range(n * 2)})
            rows = list(conn.execute(sa.select(*t.columns).where(int_key.in_(picks))))
            return rows
        if dialect == "postgresql" and not self.is_view:
            count = conn.execute(sa.text("SELECT reltuples::bigint FROM pg_class WHERE oid = CAST(:t AS regclass)"),
                                 {"t": f'"{self.schema}"."{self.table_name}"' if self.schema
                                  else f'"{self.table_name}"'}).scalar() or 0
            if count > n * 20:
                pct = min(100.0, 100.0 * n * 4 / count)
                sampled = t.tablesample(sa.func.system(pct))
                return list(conn.execute(sa.select(*sampled.columns).limit(n * 2)))
        return list(conn.execute(sa.select(*t.columns).limit(n * 2)))

    def batches(self, size: int) -> Iterator[Batch]:
        return self.part_batches(size, None)

    def part_batches(self, size: int, part: Part | None, plan: ReadPlan | None = None) -> Iterator[Batch]:
        key = self._key()
        read, last, shown = 0, None, None  # the typed key of the last row handed on, and its report text
        if part is not None and part.note:
            self.stats.note(part.note)
        texts = None
        if plan is not None and plan.raw_texts:
            texts, why = self._texts_plan()
            if why:
                self.stats.note(why)
        reads = [self._text_batches(size, part, texts) if texts else self._fetch(size, part)]
        while True:
            try:
                for batch, last_key in reads[-1]:
                    if len(batch):
                        read, last, shown = read + len(batch), last_key, batch.keys[-1]
                    yield batch
                return
            except SQLAlchemyError as exc:
                failure = exc
            lost = _connection_lost(failure)
            # A damaged page fails a whole fetch of `size` rows; with a key, read on from the last good row one
            # row at a time, so that every row before the damage is still swept (once: a failure that recurs
            # fails the table). A lost connection is not retried: the table fails with what was read kept (the
            # server or an operator ended the session).
            if lost or not key.ordered or len(reads) > 1:
                break
            reads.append(self._fetch(size, part, after=last, one_by_one=True))
        where = f"after the row with key {shown}" if shown is not None else "before the first row"
        what = "the connection to the database was lost" if lost else "reading rows failed"
        raise self._err(f"{what} {where} ({read} rows read)", failure) from None

    def _fetch(self, size: int, part: Part | None, after: tuple | None = None, one_by_one: bool = False,
               upto: tuple | None = None) -> Iterator[tuple[Batch, tuple | None]]:
        """Rows as typed columns, in key order, each batch with its last row's typed key; with a key, only
        keys in ``(after, upto]``."""
        key = self._key()
        names = self.fields()
        offset = 0
        stmt = self._select(part)
        if after is not None:
            stmt = stmt.where(key.compare(">", after))
        if upto is not None:
            stmt = stmt.where(key.compare("<=", upto))
        with self.source.engine.connect() as conn:
            cols_in = None if one_by_one else _raw_column_batches(conn, stmt, size)
            if cols_in is None:  # another driver, or the row-by-row retry: SQLAlchemy's own rows
                result = conn.execution_options(stream_results=True, yield_per=1 if one_by_one else size).execute(stmt)
                rows_in = (result.partitions(size) if not one_by_one else _grouped(result, size))
                # column-major: one pass, no per-cell lookups
                cols_in = (list(zip(*rows, strict=True)) for rows in rows_in)
            shift = 1 if key.kind == "rowid" else 0
            key_idx = [0] if key.kind == "rowid" else [names.index(c) for c in key.names]
            as_text = str if key.integer is not None else key_text
            for by_col in cols_in:
                n = len(by_col[0])
                if not key.ordered:
                    keys, last = [str(offset + i) for i in range(n)], None
                elif len(key_idx) == 1:
                    keys, last = list(map(as_text, by_col[key_idx[0]])), (by_col[key_idx[0]][-1],)
                else:
                    keys = list(map(key.text, zip(*(by_col[i] for i in key_idx), strict=True)))
                    last = tuple(by_col[i][-1] for i in key_idx)
                offset += n
                columns = {f: list(by_col[i + shift]) for i, f in enumerate(names)}
                self.stats.records += n
                yield Batch(keys, columns), last

    # -- texts-only reads (ReadPlan.raw_texts): the server joins each column's values ---------------------
    def _texts_plan(self) -> tuple[list[tuple[str, str]] | None, str | None]:
        """How each field reaches a texts-only read, or None when this table must be read row by row; and
        a note when the key is why.

        PostgreSQL with a primary key whose text is the report's key text (integers, numerics, strings but
        CHAR, UUIDs; composite too). Per field, the card spec's ``text_kind`` of its Python type
        (classifiers/card_spec.py): ``text`` (the value itself), ``cast`` (the server's text of it) or
        ``skip`` (its text is always ''). Any other type (JSON, bytea, arrays, network addresses, unknown
        types) needs the spec's ``value_text`` of the typed value: the whole table is then read row by row.
        MariaDB/MySQL: the same per field, for tables with one integer key (no note otherwise).
        """
        dialect = self.source.engine.dialect.name
        if dialect not in ("postgresql", "mysql", "mariadb"):
            return None, None
        key = self._key()
        if dialect != "postgresql":  # MariaDB/MySQL: one integer key (its text is its digits), no note
            return (self._columns_plan() if key.integer is not None else None), None
        if not key.ordered:  # a view has no key to read on from: no note, that is what a view is
            return None, None if self.is_view else (
                "read row by row in physical order, not in server-joined pages: without a primary key "
                "there is no key to read on from")
        odd = [(n, c) for n, c in zip(key.names, key.columns, strict=True) if not _pages_by(c.type)]
        if odd:
            return None, ("read row by row, not in server-joined pages: the key column(s) "
                          + ", ".join(f"{n} ({type(c.type).__name__})" for n, c in odd)
                          + " have no text equal to the report's key to read on from")
        return self._columns_plan(), None

    def _columns_plan(self) -> list[tuple[str, str]] | None:
        """Each column's ``text_kind``, or None when a column's text only its typed value gives."""
        out = []
        for col in self.table.columns:
            how = _text_kind(col.type)
            if how is None or isinstance(col.type, mysql.SET):  # the driver returns a SET as a Python set
                return None
            out.append((col.name, how))
        return out

    def _text_batches(self, size: int, part: Part | None, plan: list[tuple[str, str]]
                      ) -> Iterator[tuple[Batch, tuple | None]]:
        """Batches of ``size`` rows in key order, each field's values joined by the server into one text
        (``Batch.texts``): one aggregate row per batch instead of ``size`` rows of Python objects.

        Keyset pages (``key > last ORDER BY key LIMIT size``, the last key bound with the key columns' own
        types) in one repeatable-read transaction, so the read is one snapshot as a single cursor's would be.
        PostgreSQL joins with ``string_agg``, MariaDB with ``GROUP_CONCAT`` (:func:`_mysql_page`), whose
        joined text the server may cut (``max_allowed_packet``): such a page is read again row by row.
        The next page is fetched on a thread while the caller sweeps this one: the server builds it while the
        client works. A value (or key) holding the separator itself cannot be told apart: that page is read
        again row by row.
        """
        key = self._key()
        nk = len(key.names)
        sub = self._select(part).subquery()
        kcols = [sub.c[n] for n in key.names]
        sep = sa.literal(SEPARATOR, sa.Text)
        joined = [(f, how) for f, how in plan if how != "skip"]
        maria = self.source.engine.dialect.name != "postgresql"
        after_binds = [sa.bindparam(f"after_{i}", type_=c.type) for i, c in enumerate(kcols)]

        def page_stmt(first: bool) -> sa.Select:
            rows = sa.select(*sub.c)
            if not first:  # the first page has no lower bound: no sentinel has to fit the key's type
                rows = rows.where(compare(kcols, ">", after_binds))
            page = rows.order_by(*kcols).limit(sa.bindparam("size", type_=sa.Integer)).subquery("pdd_page")
            pk = [page.c[n] for n in key.names]
            if maria:
                return _mysql_page(page, key.names[0], joined, self.source.engine.dialect)
            newest_first = [c.desc() for c in pk]
            key_txt = (sa.cast(pk[0], sa.Text) if nk == 1 else
                       sa.func.concat_ws(sa.literal("|", sa.Text), *[sa.cast(c, sa.Text) for c in pk]))
            # the page's last key: max() for one integer column, else the first of the key in reverse order
            # (PostgreSQL has no max(uuid), and a composite key's last row is not each column's max)
            last = ([sa.func.max(pk[0])] if key.integer is not None else
                    [sa.func.array_agg(aggregate_order_by(c, *newest_first))[1] for c in pk])
            return sa.select(sa.func.count(), *last,
                             sa.func.string_agg(key_txt, sep),
                             *[sa.func.string_agg(sa.func.coalesce(page.c[f] if how == "text" else
                                                                   sa.cast(page.c[f], sa.Text), ""), sep)
                               for f, how in joined])

        first, rest = page_stmt(True), page_stmt(False)
        with self.source.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            if maria:  # a page's joined texts must not be cut at the default 1 KiB (a cut one is re-read below)
                conn.exec_driver_sql("SET SESSION group_concat_max_len = 4294967295")

            def fetch(last: tuple | None) -> Any:
                if last is None:
                    return conn.execute(first, {"size": size}).one()
                return conn.execute(rest, {"size": size, **{f"after_{i}": v for i, v in enumerate(last)}}).one()

            # closing(): the fetcher thread stops before the connection it uses is closed, even when the
            # caller stops reading early
            with contextlib.closing(_prefetched(fetch, lambda row: tuple(row[1:1 + nk]))) as pages:
                for after, (n, *rest_of) in pages:
                    top, keys = tuple(rest_of[:nk]), rest_of[nk]
                    texts, lengths = rest_of[nk + 1 : nk + 1 + len(joined)], rest_of[nk + 1 + len(joined):]
                    if lengths and any(len(t) != chars + n - 1 for t, chars in zip((keys, *texts), lengths,
                                                                                   strict=True)):
                        # MariaDB cut a joined text (max_allowed_packet): typed rows, on a connection of their own
                        yield from self._fetch(size, part, after=after, upto=top)
                        continue
                    if any(t.count(SEPARATOR) != n - 1 for t in (keys, *texts)):
                        # typed rows on a connection of their own: the fetcher may be using this one
                        yield from self._fetch(size, part, after=after, upto=top)
                        start = f"the page after key {key.text(after)}" if after is not None else "the first page"
                        self.stats.note(f"rows with keys up to {key.text(top)} (from {start}) hold the text "
                                        "separator (U+0001) in a value: read row by row")
                        continue
                    self.stats.records += n
                    by_field = {f: t for (f, _), t in zip(joined, texts, strict=True)}
                    yield Batch(JoinedKeys(keys, n, SEPARATOR), {}, texts=by_field), top


def _mysql_page(page: sa.Subquery, key: str, joined: list[tuple[str, str]], dialect: sa.Dialect) -> sa.Select:
    """One MariaDB/MySQL page as one aggregate row: (rows, last key, keys joined, each field's texts joined,
    then the total length of each joined text's values, so that a text the server cut is told apart)."""
    q = dialect.identifier_preparer.quote
    name = q(page.name)

    def text_of(field: str, how: str) -> str:
        col = f"{name}.{q(field)}"
        return f"COALESCE({col if how == 'text' else f'CAST({col} AS CHAR)'}, '')"

    values = [f"CAST({name}.{q(key)} AS CHAR)", *(text_of(f, how) for f, how in joined)]
    order = f"{name}.{q(key)}"
    concat: list[sa.ColumnElement] = [
        sa.literal_column(f"GROUP_CONCAT({v} ORDER BY {order} SEPARATOR '{SEPARATOR}')") for v in values]
    return sa.select(sa.func.count(), sa.func.max(page.c[key]), *concat,
                     *[sa.literal_column(f"SUM(CHAR_LENGTH({v}))") for v in values]).select_from(page)


def _pages_by(t: sa.types.TypeEngine) -> bool:
    """Whether a key column of type ``t`` can page a texts-only read: PostgreSQL's text of it is the report's
    key text (sql_keys.key_text) of the value the driver returns. Not CHAR: its text drops the padding."""
    return _text_kind(t) in ("text", "cast") and not isinstance(t, sa.CHAR)


def _connection_lost(exc: Exception) -> bool:
    """Whether a read failed because the session itself ended (server restart, pg_terminate_backend, network),
    not because of what it read: such a read is not retried row by row."""
    if getattr(exc, "connection_invalidated", False):
        return True
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None)  # psycopg
    if state:
        return state.startswith("08") or state in ("57P01", "57P02", "57P03")
    if type(orig).__module__.startswith("psycopg") and type(orig).__name__ == "OperationalError":
        return True  # psycopg's own "the connection is closed", which carries no SQLSTATE
    args: tuple[Any, ...] = getattr(orig, "args", ())
    return bool(args) and args[0] in (2006, 2013, 2055)  # MySQL/MariaDB client: server gone, lost during query


class _Lenient(sa.types.TypeDecorator):
    """A SQLite column's declared type whose conversion gives way to the stored value when it fails.

    SQLite keeps whatever a row was given, whatever the column's declared type: a DATE column may hold
    '03/04/2015' or 'unknown', a NUMERIC column 'n/a'. SQLAlchemy converts each value by the declared type
    and raises on one it cannot read, which failed the whole table's read, and so the records beside
    that value went unswept. Such a value is handed on as stored (a string): it still counts, and the rules
    read its text like any other. Values that convert are converted exactly as before.
    """

    impl = sa.types.NullType
    cache_ok = True

    def __init__(self, inner: sa.types.TypeEngine) -> None:
        super().__init__()
        self.inner = inner

    @property
    def python_type(self) -> type:
        return self.inner.python_type

    def result_processor(self, dialect: sa.Dialect, coltype: Any) -> Any:
        convert = self.inner.dialect_impl(dialect).result_processor(dialect, coltype)
        if convert is None:
            return None

        def process(value: Any) -> Any:
            try:
                return convert(value)
            except (ValueError, TypeError, ArithmeticError):
                return value

        return process


def _lenient_columns(table: sa.Table, dialect: sa.Dialect) -> None:
    """Make the conversions of a SQLite table's non-key columns lenient (see _Lenient); key columns keep
    their type, because key ranges bind values of it."""
    keys = {c.name for c in table.primary_key.columns}
    for col in table.columns:
        if col.name not in keys and col.type.dialect_impl(dialect).result_processor(dialect, None) is not None:
            col.type = _Lenient(col.type)


def _text_kind(t: sa.types.TypeEngine) -> str | None:
    """How a column of type ``t`` reaches a texts-only read (SqlDataset._texts_plan): the card spec's
    ``text_kind`` of the Python type its driver returns; None when that type is unknown."""
    try:
        return text_kind(t.python_type)
    except NotImplementedError:  # a type SQLAlchemy knows no Python type for (NullType, some dialect types)
        return None


def _prefetched(fetch: Any, last_of: Any) -> Generator[tuple[Any, Any], None, None]:
    """``(after, page)`` for ``page = fetch(after)`` until a page is empty, ``after`` being
    ``last_of(previous page)``, its highest key (None for the first); each next page is fetched on a thread
    while the caller works on the current one. Errors reach the caller.
    """
    import queue
    import threading

    q: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def hand(item: Any) -> bool:
        """Put ``item`` in the queue unless the caller has stopped listening (then nothing waits for it)."""
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        after = None
        try:
            while True:
                row = fetch(after)
                if not row[0]:
                    break
                if not hand((after, tuple(row))):
                    return
                after = last_of(row)
            hand(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
            hand(exc)

    worker = threading.Thread(target=run, name="pdd-prefetch", daemon=True)
    worker.start()
    try:
        while (item := q.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


class JoinedKeys(Sequence[str]):
    """The record keys of a batch as one joined text, split only when a key is looked up.

    A texts-only read (``Batch.texts``) usually needs no key but the last one (progress, error spans), so
    a million keys are not built as a million strings.
    """

    def __init__(self, joined: str, n: int, sep: str = ","):
        self._joined, self._n, self._sep = joined, n, sep
        self._split: list[str] | None = None

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # Sequence's int/slice overloads
        if self._split is None:
            if isinstance(i, int) and i in (-1, self._n - 1) and self._n:
                return self._joined.rsplit(self._sep, 1)[-1]
            if isinstance(i, int) and i in (0, -self._n) and self._n:
                return self._joined.split(self._sep, 1)[0]
            self._split = self._joined.split(self._sep) if self._n else []
        return self._split[i]


#: Drivers whose own cursor the sweep reads (see _raw_column_batches); others go through SQLAlchemy's rows.
_RAW_DRIVERS = {("sqlite", "pysqlite"), ("postgresql", "psycopg")}


def _raw_column_batches(conn: sa.Connection, stmt: sa.Select, size: int) -> Iterator[list[tuple]] | None:
    """The statement's rows in batches of ``size``, column by column (a tuple per column), read from the
    driver's own cursor; None for a driver not in ``_RAW_DRIVERS``.

    SQLAlchemy builds a Row object per row and runs its processors per cell: a quarter of a sweep's time on a
    wide table. Here the statement is still built and compiled by SQLAlchemy (same SQL, same bound keys) and
    the connection comes from its pool (read-only session, busy timeout), but the rows are fetched in batches
    from the DB-API cursor (PostgreSQL: a server-side named cursor, as ``stream_results`` uses), and the few
    columns whose type has a result processor (a date stored as text in SQLite, a Numeric) are converted
    column by column, so the values are the ones SQLAlchemy would give. Driver errors come out as SQLAlchemy's
    ``DBAPIError`` subclasses, as they would from ``execute``.
    """
    dialect = conn.dialect
    if (dialect.name, dialect.driver) not in _RAW_DRIVERS:
        return None
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positional:
        params = tuple(compiled.params[k] for k in compiled.positiontup or ())
    types = [c.type for c in stmt.selected_columns]
    return _raw_columns(conn, str(compiled), params, types, size)


def _raw_columns(conn: sa.Connection, sql: str, params: Any, types: list[Any], size: int) -> Iterator[list[tuple]]:
    dialect = conn.dialect
    dbapi_error = dialect.loaded_dbapi.Error
    raw = conn.connection.dbapi_connection
    cur = raw.cursor(name="pdd_sweep") if dialect.name == "postgresql" else raw.cursor()  # type: ignore[union-attr]  # an open connection has its DBAPI connection
    try:
        try:
            cur.execute(sql, params)
            procs = [(i, p) for i, (t, d) in enumerate(zip(types, cur.description, strict=True))
                     if (p := t.dialect_impl(dialect).result_processor(dialect, d[1])) is not None]
            while rows := cur.fetchmany(size):
                by_col = list(zip(*rows, strict=True))
                for i, p in procs:
                    by_col[i] = tuple(map(p, by_col[i]))
                yield by_col
        except dbapi_error as exc:
            raise sa.exc.DBAPIError.instance(None, None, exc, dbapi_error) from None
    finally:
        try:
            cur.close()
        except dbapi_error:
            pass


def _grouped(result: Any, size: int) -> Iterator[list[Any]]:
    """Rows fetched one at a time, handed on in groups of ``size``; a failing fetch hands on what came before."""
    rows: list[Any] = []
    try:
        for row in result:
            rows.append(row)
            if len(rows) == size:
                yield rows
                rows = []
    except Exception:
        if rows:
            yield rows
        raise
    if rows:
        yield rows
