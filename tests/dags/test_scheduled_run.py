"""A real scheduled run: PostgreSQL as the metadata database; scheduler, dag-processor and api-server as
processes on loopback (LocalExecutor); a run triggered through the REST API, waited for, its report checked.
Everything it starts is stopped and its database dropped afterwards."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from demo.generate import generate
from tests.dags.conftest import REPO, airflow_env
from tests.helpers import leaks_in_tree

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, base: str):
        self.base = base
        self.token = ""

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        req = urllib.request.Request(self.base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": f"Bearer {self.token}"} if self.token else {})})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read() or b"{}")

    def wait_up(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                self.call("GET", "/api/v2/version")
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)

    def run_scan(self, dag_id: str = "pdd_scan") -> tuple[str, str, list[dict]]:
        """Unpause ``dag_id`` (once the dag-processor has parsed it), trigger a run and wait for it to end:
        (run id, final state, its task instances)."""
        deadline = time.monotonic() + 120
        while True:
            try:
                self.call("PATCH", f"/api/v2/dags/{dag_id}", {"is_paused": False})
                break
            except urllib.error.HTTPError as exc:
                if exc.code != 404 or time.monotonic() > deadline:
                    raise
                time.sleep(2)
        run_id = self.call("POST", f"/api/v2/dags/{dag_id}/dagRuns", {"logical_date": None, "conf": {}})["dag_run_id"]
        path = f"/api/v2/dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id)}"
        deadline = time.monotonic() + 600
        while (state := self.call("GET", path)["state"]) not in ("success", "failed") and time.monotonic() < deadline:
            time.sleep(3)
        return run_id, state, self.call("GET", f"{path}/taskInstances?limit=200")["task_instances"]


def server_env(tmp_path: Path, config: Path, pg_database: str, port: int, extra: dict[str, str]) -> dict[str, str]:
    """The environment of an Airflow deployment on loopback (api-server on ``port``, PostgreSQL metadata DB),
    its database migrated and the demo's pool created."""
    db = sa.make_url(pg_database).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    env = airflow_env(tmp_path / "home", config, tmp_path / "reports", db_url=db)
    env.update({
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": db,
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(16),
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port()),
        "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK": "False",
        **extra,
    })
    for cmd in (["db", "migrate"], ["pools", "set", "pdd_app_db", "2", "pdd scans of app_db"]):
        proc = subprocess.run([sys.executable, "-m", "airflow", *cmd], env=env, capture_output=True, text=True,
                              timeout=300, cwd=REPO)
        assert proc.returncode == 0, proc.stderr[-3000:]
    return env


def stop_processes(procs: list[subprocess.Popen]) -> None:
    """SIGTERM each server's process group, then SIGKILL what is still there after 30 s."""
    for p in procs:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=10)


@contextlib.contextmanager
def local_airflow(env: dict[str, str], port: int, logs: Path) -> Iterator[Api]:
    """A LocalExecutor Airflow (API server, scheduler, DAG processor) on ``port``, logged into ``logs``; an
    authenticated API client while it runs, every process stopped after."""
    airflow = [sys.executable, "-m", "airflow"]
    procs = []
    logs.mkdir()
    try:
        for name, cmd in (("api-server", ["api-server", "--port", str(port), "--host", "127.0.0.1"]),
                          ("scheduler", ["scheduler"]), ("dag-processor", ["dag-processor"])):
            out = (logs / f"{name}.log").open("w")
            procs.append(subprocess.Popen(airflow + cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                          start_new_session=True))
        api = Api(f"http://127.0.0.1:{port}")
        api.wait_up(120)
        api.token = api.call("GET", "/auth/token")["access_token"]
        yield api
    finally:
        stop_processes(procs)


@pytest.fixture
def airflow_cluster(pg_database: str, tmp_path: Path) -> Iterator[tuple[Api, Path, object]]:
    manifest = generate(tmp_path / "data")
    manifest.config.write_text(manifest.config.read_text() + "schedule: null\n")
    port = _free_port()
    env = server_env(tmp_path, manifest.config, pg_database, port, {"AIRFLOW__CORE__EXECUTOR": "LocalExecutor"})
    with local_airflow(env, port, tmp_path / "proc-logs") as api:
        yield api, tmp_path, manifest


def test_triggered_run_writes_the_report(airflow_cluster: tuple) -> None:
    api, tmp_path, manifest = airflow_cluster
    run_id, state, tis = api.run_scan()
    states = {(t["task_id"], t["map_index"]): t["state"] for t in tis}
    # The planted violations fail the run at its gate, after the report was written and published.
    assert state == "failed", states
    assert states[("gate", -1)] == "failed" and states[("report", -1)] == "success"
    assert all(s == "success" for (t, _), s in states.items() if t != "gate"), states

    report = json.loads((tmp_path / "reports" / "latest" / "report.json").read_text())
    expected = json.loads(manifest.expected.read_text())
    def key(v: dict) -> tuple:
        return v["rule"], v["source"], v["dataset"], v["field"], v["key"]

    assert {key(v) for v in report["violations"]} == {key(v) for v in expected["violations"]}
    assert all(s["status"] == "ok" for s in report["sources"])

    events = api.call("GET", "/api/v2/assets/events?limit=10")["asset_events"]
    ours = [e for e in events if e.get("source_run_id") == run_id]
    assert ours, "the report asset was not published"
    # The event says where this run's report is (the asset's URI is fixed, never a path: issue 9).
    assert ours[0]["extra"]["report"] == str(tmp_path / "reports" / "latest" / "report.json"), ours[0]
    # Task logs hold no raw card number.
    assert leaks_in_tree(tmp_path / "home" / "logs", manifest.card_numbers) == {}
