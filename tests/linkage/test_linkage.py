"""The linkage end to end on real stores: declared foreign keys on PostgreSQL and MariaDB, references inferred
from names and value overlap on SQLite and in a JSON-lines log; config links and ignores; pdd subject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.config.load import load_config
from pipeline.engine.context import ScanContext
from pipeline.engine.run import scan
from pipeline.linkage.subject import Identity, find_subject

EXPIRED, EXACTLY, INSIDE, CHILD = 3, 4, 5, 7
N = 40


def _load(url: str, foreign_keys: bool) -> None:
    md = sa.MetaData()
    accounts = sa.Table("accounts", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                        sa.Column("email", sa.String(80)), sa.Column("date_of_birth", sa.String(10)),
                        sa.Column("status", sa.String(12)), sa.Column("terminated_at", sa.String(19)))
    ref = [sa.ForeignKey("accounts.id")] if foreign_keys else []
    orders = sa.Table("orders", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                      sa.Column("account_id", sa.Integer, *ref), sa.Column("amount", sa.Integer))
    events = sa.Table("events", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                      sa.Column("user_id", sa.Integer), sa.Column("page", sa.String(40)))
    ended = {EXPIRED: "2026-01-10 08:00:00", EXACTLY: "2026-05-24 23:59:00", INSIDE: "2026-07-01 12:00:00"}
    engine = sa.create_engine(url)
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(accounts.insert(), [
            {"id": i, "email": f"person{i}@example.org", "date_of_birth": "2015-03-02" if i == CHILD
             else f"{1930 + i}-0{1 + i % 9}-1{i % 10}", "status": "terminated" if i in ended else "active",
             "terminated_at": ended.get(i)} for i in range(1, N + 1)])
        conn.execute(orders.insert(), [{"id": 100 + i, "account_id": 1 + i % N, "amount": i} for i in range(80)])
        conn.execute(events.insert(), [{"id": i, "user_id": 1 + (i * 7) % N, "page": "/home"} for i in range(60)])
    engine.dispose()


def _config(tmp_path: Path, url: str, extra: str = "") -> Path:
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    (logs / "app.jsonl").write_text("".join(json.dumps({"event": "login", "user": {"id": 1 + (i * 3) % N}}) + "\n"
                                            for i in range(50)))
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text(f"as_of: 2026-11-24\nsources:\n  - name: db\n    kind: sql\n    url: {url}\n"
                   f"  - name: logs\n    kind: logs\n    path: {logs}/*\n{extra}")
    return cfg


def _found(report, rule: str) -> dict[tuple[str, str, str], str]:
    return {(v.dataset, v.field, v.key): v.evidence for v in report.violations if v.rule == rule}


def _expect(report, fk: bool) -> None:
    expired, kids = _found(report, "retention_expired"), _found(report, "under_16")
    want = {("accounts", "terminated_at", str(EXPIRED))}
    want |= {("orders", "account_id", str(100 + i)) for i in range(80) if 1 + i % N == EXPIRED}
    want |= {("events", "user_id", str(i)) for i in range(60) if 1 + (i * 7) % N == EXPIRED}
    want |= {("app.jsonl", "user.id", str(i + 1)) for i in range(50) if 1 + (i * 3) % N == EXPIRED}
    assert set(expired) == want
    child = {("orders", "account_id", str(100 + i)) for i in range(80) if 1 + i % N == CHILD}
    child |= {("events", "user_id", str(i)) for i in range(60) if 1 + (i * 7) % N == CHILD}
    child |= {("app.jsonl", "user.id", str(i + 1)) for i in range(50) if 1 + (i * 3) % N == CHILD}
    assert set(kids) == child | {("accounts", "date_of_birth", str(CHILD))}
    order_link = "foreign key orders.account_id -> accounts.id" if fk else "inferred link orders.account_id"
    assert all(order_link in e for k, e in {**expired, **kids}.items() if k[0] == "orders")
    assert all("inferred link events.user_id -> db/accounts.id" in e for k, e in expired.items() if k[0] == "events")
    assert all("inferred link app.jsonl.user.id" in e for k, e in expired.items() if k[0] == "app.jsonl")
    assert all("terminated 318 days before 2026-11-24" in e for e in expired.values())
    assert all(f"account *{EXPIRED}" in e for e in expired.values())


@pytest.mark.parametrize("server", ["pg_database", "mariadb_database"])
def test_declared_foreign_keys_on_real_servers(server: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    url = request.getfixturevalue(server)
    _load(url, foreign_keys=True)
    report = scan(load_config(_config(tmp_path, url)))
    assert all(s.status == "ok" for s in report.sources), [s.error for s in report.sources]
    _expect(report, fk=True)


def test_sqlite_and_logs_with_inferred_references(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    _load(url, foreign_keys=False)
    report = scan(load_config(_config(tmp_path, url)))
    _expect(report, fk=False)


def test_config_declares_and_ignores_links(tmp_path: Path) -> None:
    """`page` is no reference by name; declared, it links. An ignored field is never linked."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    _load(url, foreign_keys=False)
    extra = ("linkage:\n  links:\n    - {source: logs, dataset: app.jsonl, field: event, to: db/accounts}\n"
             "  ignore:\n    - {source: db, dataset: events, field: user_id}\n")
    report = scan(load_config(_config(tmp_path, url, extra)))
    expired = _found(report, "retention_expired")
    assert not [k for k in expired if k[0] == "events"]
    assert [k for k in expired if k[0] == "orders"]


def test_subject_by_email_phone_and_id(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    _load(url, foreign_keys=True)
    context = ScanContext.build(load_config(_config(tmp_path, url)))
    by_email = find_subject(context, Identity("email", f"PERSON{CHILD}@example.org"))
    by_id = find_subject(context, Identity("id", str(CHILD)))
    places = {(x.dataset, x.key) for x in by_email.locations}
    assert places == {(x.dataset, x.key) for x in by_id.locations}
    assert ("accounts", str(CHILD)) in places and {d for d, _ in places} == {"accounts", "orders", "events",
                                                                              "app.jsonl"}
    assert by_email.exit_code == 1 and by_email.identity == f"PERSON{CHILD}@example.org"
    nobody = find_subject(context, Identity("phone", "+91 98765 43210"))
    assert (nobody.locations, nobody.exit_code) == ([], 0)


def test_status_with_its_change_date_and_a_backup_role(tmp_path: Path) -> None:
    """No termination column: status 'closed' and the date it changed; a backup copy gets 3 months more."""
    rows = [(1, "active", "2026-01-01"), (2, "closed", "2026-04-01"), (3, "closed", "2026-01-20"), (4, "active", None)]
    for name in ("live", "dump"):
        engine = sa.create_engine(f"sqlite:///{tmp_path / name}.db")
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE users (id INTEGER PRIMARY KEY, status TEXT, status_changed_at TEXT)"))
            conn.execute(sa.text("INSERT INTO users VALUES (:i, :s, :d)"),
                         [{"i": i, "s": s, "d": d} for i, s, d in rows])
        engine.dispose()
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text(f"as_of: 2026-11-24\nsources:\n  - {{name: live, kind: sql, url: 'sqlite:///{tmp_path}/live.db'}}\n"
                   f"  - {{name: dump, kind: sql, url: 'sqlite:///{tmp_path}/dump.db', role: backup}}\n")
    report = scan(load_config(cfg))
    got = {(v.source, v.field, v.key) for v in report.violations if v.rule == "retention_expired"}
    # 2 closed 7 months ago: past 6 (live), inside 9 (dump); 3 closed 10 months ago: past both; 1 is active.
    assert got == {("live", "status", "2"), ("live", "status", "3"), ("dump", "status", "3")}
