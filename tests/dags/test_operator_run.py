"""PddScanOperator for real: the example DAG a user copies (docs/examples/pdd_scan_operator.py), run by a real
scheduler (the harness of test_scheduled_run: PostgreSQL metadata DB, LocalExecutor, a run triggered through
the REST API), scanning PostgreSQL through an Airflow Connection whose extra sets ``sslmode=disable`` and
``options=-c search_path=app``. The data sits in schema ``app`` and a decoy table in ``public``: only the
options value makes ``app`` the connection's default schema, so the report's datasets show it arrived."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import PG_ADMIN, _fresh_database
from tests.dags.conftest import REPO
from tests.dags.test_scheduled_run import Api, _free_port, local_airflow, server_env
from tests.helpers import leaks, leaks_in_tree

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

EXAMPLE = REPO / "docs" / "examples" / "pdd_scan_operator.py"
DAG_ID = "pdd_scan_operator_example"


def luhn_card(rng: random.Random) -> str:
    """A Luhn-valid 16-digit Visa-range number (made up, never a real card)."""
    body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


@pytest.fixture
def scanned_pg() -> Iterator[str]:
    """A second fresh database (the first is Airflow's metadata DB): what the operator scans."""
    yield from _fresh_database(PG_ADMIN, "PostgreSQL", '"', " WITH (FORCE)")


def plant(url: str, n: int = 40) -> list[str]:
    rng = random.Random(22)
    cards = [luhn_card(rng) for _ in range(n)]
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE SCHEMA app"))
        conn.execute(sa.text("CREATE TABLE app.payments (id serial PRIMARY KEY, email text, card_number text)"))
        conn.execute(sa.text("INSERT INTO app.payments (email, card_number) VALUES (:e, :c)"),
                     [{"e": f"customer{i}@example.com", "c": c} for i, c in enumerate(cards)])
        conn.execute(sa.text("CREATE TABLE public.decoy (id serial PRIMARY KEY, note text)"))
        conn.execute(sa.text("INSERT INTO public.decoy (note) VALUES ('nothing personal')"))
    engine.dispose()
    return cards


@pytest.fixture
def operator_cluster(pg_database: str, scanned_pg: str, tmp_path: Path) -> Iterator[tuple[Api, Path, list[str]]]:
    cards = plant(scanned_pg)
    dags = tmp_path / "dags"
    dags.mkdir()
    shutil.copy(EXAMPLE, dags / EXAMPLE.name)  # the example, unchanged: what a user copies
    config = tmp_path / "pdd.yaml"
    config.write_text("as_of: 2026-11-24\nsources:\n  - name: app_db\n    kind: sql\n    conn_id: pdd_pg\n")
    target = sa.make_url(scanned_pg)
    conn = {"conn_type": "postgres", "host": target.host, "port": target.port, "login": target.username,
            "schema": target.database, "extra": {"sslmode": "disable", "options": "-c search_path=app"}}
    port = _free_port()
    env = server_env(tmp_path, config, pg_database, port, {
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor", "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW_CONN_PDD_PG": json.dumps(conn)})
    with local_airflow(env, port, tmp_path / "proc-logs") as api:
        yield api, tmp_path, cards


def test_operator_scans_postgres_through_a_connection_with_extra(operator_cluster: tuple) -> None:
    api, tmp_path, cards = operator_cluster
    run_id, state, tis = api.run_scan(DAG_ID)
    states = {t["task_id"]: t["state"] for t in tis}
    # The planted cards fail the task (fail_on_violations), after the report was written.
    assert state == "failed" and states == {"scan": "failed"}, states

    reports = list((tmp_path / "reports" / DAG_ID).glob("*/report.json"))
    assert len(reports) == 1, reports
    report = json.loads(reports[0].read_text())
    assert [(s["name"], s["status"]) for s in report["sources"]] == [("app_db", "ok")]
    # search_path=app arrived: the default schema is app (names unqualified), the public decoy is not scanned
    assert {f["dataset"] for f in report["fields"]} == {"payments"}
    violations = [(v["rule"], v["dataset"], v["field"]) for v in report["violations"]]
    assert violations == [("full_card_number", "payments", "card_number")] * len(cards)
    assert (reports[0].parent / "report.html").is_file()
    assert (tmp_path / "reports" / DAG_ID / "history.sqlite").is_file()

    task_logs = "\n".join(p.read_text(errors="replace") for p in (tmp_path / "home" / "logs").rglob("*")
                          if p.is_file())
    assert "pdd: swept app_db/payments: 40 rows" in task_logs
    assert "full_card_number: 40 record(s) in app_db/payments.card_number" in task_logs
    assert leaks_in_tree(tmp_path / "home" / "logs", cards) == {}
    assert leaks(reports[0].read_text(), cards) == []
