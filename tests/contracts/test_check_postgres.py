"""The same contract checks against PostgreSQL: the clean demo's tables copied into a fresh database pass the
committed contracts; a planted card, a 15-year-old and an undeclared e-mail column break them."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import sqlalchemy as sa

from demo.generate import Manifest
from tests.contracts.conftest import DEMO_CONTRACTS, pdd
from tests.contracts.test_check_demo import a_card_number, failures
from tests.helpers import leaks, leaks_in_tree

pytestmark = pytest.mark.postgres


def copy_demo(db: Path, url: str) -> None:
    """Every table of the demo's app.db into PostgreSQL, and its view; birth dates as a real DATE column."""
    src = sa.create_engine(f"sqlite:///{db}")
    meta = sa.MetaData()
    meta.reflect(src)
    pg = sa.create_engine(url)
    target = sa.MetaData()
    for table in meta.sorted_tables:
        cols = []
        for c in table.columns:
            kind = sa.BigInteger() if isinstance(c.type, sa.Integer) else sa.Float() if isinstance(c.type, sa.Float) \
                else sa.Date() if (table.name, c.name) == ("accounts", "date_of_birth") else sa.Text()
            cols.append(sa.Column(c.name, kind, primary_key=c.primary_key))
        sa.Table(table.name, target, *cols)
    target.create_all(pg)
    with src.connect() as s, pg.begin() as d:
        for table in meta.sorted_tables:
            rows = [dict(r._mapping) for r in s.execute(sa.select(table))]
            if table.name == "accounts":
                for r in rows:
                    r["date_of_birth"] = dt.date.fromisoformat(r["date_of_birth"]) if r["date_of_birth"] else None
            d.execute(target.tables[table.name].insert(), rows)
        with sqlite3.connect(db) as lite:
            for (view_sql,) in lite.execute("SELECT sql FROM sqlite_master WHERE type = 'view'"):
                d.execute(sa.text(view_sql))
    src.dispose()
    pg.dispose()


def test_postgres_passes_clean_and_fails_when_broken(clean_demo: Manifest, pg_database: str, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    copy_demo(clean_demo.out_dir / "app.db", pg_database)
    config = tmp_path / "pg.yaml"
    # the demo's recognizers file too: its contracts name the staff numbers' type (EMPLOYEE_NUMBER)
    config.write_text(f"as_of: 2026-11-24\nsources:\n  - name: app_db\n    kind: sql\n    url: {pg_database}\n"
                      f"classification:\n  recognizers: {clean_demo.out_dir / 'recognizers.yaml'}\n")
    args = ["contracts", "check", str(config), "--contracts", str(DEMO_CONTRACTS), "--source", "app_db"]

    clean_junit = tmp_path / "clean.xml"
    code, out = pdd(*args, "--junit", str(clean_junit))
    assert code == 0, out[-3000:]
    assert ET.parse(clean_junit).getroot().get("failures") == "0"

    number = a_card_number(2)
    pg = sa.create_engine(pg_database)
    with pg.begin() as conn:
        conn.execute(sa.text("UPDATE payments SET note = :n WHERE id = (SELECT min(id) FROM payments)"),
                     {"n": f"card {number} read out by the customer"})
        conn.execute(sa.text("UPDATE accounts SET date_of_birth = :d WHERE id = (SELECT min(id) FROM accounts)"),
                     {"d": dt.date(2011, 3, 1)})
        conn.execute(sa.text("ALTER TABLE products ADD COLUMN owner_email TEXT"))
        conn.execute(sa.text("UPDATE products SET owner_email = 'owner' || id || '@example.com'"))
    pg.dispose()

    junit = tmp_path / "out" / "contracts.xml"
    with caplog.at_level(logging.DEBUG):
        code, out = pdd(*args, "--junit", str(junit))
    assert code == 1, out[-3000:]
    failed = failures(junit)
    for clause, words in [(("app_db.payments", "note:full_card_number"), "1 of"),
                          (("app_db.accounts", "date_of_birth:under_16"), "1 of"),
                          (("app_db.products", "owner_email:listed"), "EMAIL_ADDRESS")]:
        assert clause in failed, sorted(failed)
        field, name = clause[1].split(":")
        for w in (clause[0].split(".")[1], f"field {field}", f"clause {name}", words):
            assert w in failed[clause]
        assert failed[clause] in out
    assert not leaks(out + caplog.text, [number]) and not leaks_in_tree(tmp_path / "out", [number])
