"""The distributed path for real: the scan DAG on Airflow's CeleryExecutor.

Redis on 127.0.0.1:6379 is the broker (a database number and a queue of this
test's own), a fresh PostgreSQL database the metadata database and the Celery
result backend; api-server, scheduler, dag-processor and two Celery workers run
as separate processes on free ports. The triggered run's report must equal the
CLI's for the same config, and both workers must have run tasks. Everything it
starts is stopped, and its Redis database flushed, at the end.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from demo.generate import generate
from tests.conftest import IN_CI
from tests.dags.conftest import REPO
from tests.dags.test_dag_run import _comparable
from tests.dags.test_scheduled_run import Api, _free_port, server_env, stop_processes
from tests.helpers import leaks_in_tree

pytestmark = pytest.mark.slow

pytest.importorskip("airflow.providers.celery", reason="the Celery provider is in the airflow extra")

REDIS = ("127.0.0.1", 6379)
REDIS_DB = 13  # this test's own; flushed before and after
WORKERS = ("pdd-w1", "pdd-w2")


def _redis() -> object:
    redis = pytest.importorskip("redis", reason="the Celery provider's redis extra")
    client = redis.Redis(host=REDIS[0], port=REDIS[1], db=REDIS_DB, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        msg = f"Redis is not running on {REDIS[0]}:{REDIS[1]}"
        if IN_CI:
            pytest.fail(f"{msg}; CI=true requires it")
        pytest.skip(msg)
    return client


@pytest.fixture
def celery_cluster(pg_database: str, tmp_path: Path) -> Iterator[tuple[Api, Path, object]]:
    client = _redis()
    client.flushdb()
    manifest = generate(tmp_path / "data")
    manifest.config.write_text(manifest.config.read_text() + "schedule: null\n")
    port = _free_port()
    db = sa.make_url(pg_database).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    queue = f"pdd-test-{secrets.token_hex(4)}"  # no stray worker elsewhere can take these tasks
    env = server_env(tmp_path, manifest.config, pg_database, port, {
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": "tests.dags.worker_name.hostname",
        "AIRFLOW__CELERY__BROKER_URL": f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}",
        "AIRFLOW__CELERY__RESULT_BACKEND": f"db+{db}",
        "AIRFLOW__CELERY__WORKER_PREFETCH_MULTIPLIER": "1",
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": queue,
    })
    airflow = [sys.executable, "-m", "airflow"]
    logs = tmp_path / "proc-logs"
    logs.mkdir()
    procs: dict[str, subprocess.Popen] = {}

    def start(name: str, cmd: list[str], extra: dict[str, str] | None = None) -> None:
        out = (logs / f"{name}.log").open("w")
        procs[name] = subprocess.Popen(airflow + cmd, env={**env, **(extra or {})}, stdout=out,
                                       stderr=subprocess.STDOUT, start_new_session=True, cwd=REPO)

    try:
        start("api-server", ["api-server", "--port", str(port), "--host", "127.0.0.1"])
        start("scheduler", ["scheduler"])
        start("dag-processor", ["dag-processor"])
        for name in WORKERS:
            start(name, ["celery", "worker", "--concurrency", "2", "--queues", queue,
                         "--celery-hostname", f"{name}@%h", "--skip-serve-logs"],
                  {"PDD_TEST_WORKER": name, "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port())})
        api = Api(f"http://127.0.0.1:{port}")
        api.wait_up(120)
        api.token = api.call("GET", "/auth/token")["access_token"]
        _workers_ready(procs, logs, 120)
        yield api, tmp_path, manifest
    finally:
        stop_processes(list(procs.values()))
        client.flushdb()


def _workers_ready(procs: dict[str, subprocess.Popen], logs: Path, seconds: float) -> None:
    """Wait until each Celery worker says it is ready; a process that exited fails the test at once with its
    log, instead of leaving the run's tasks queued until the run's deadline (celery 5.7 with the Celery
    provider 3.26: the executor could not be imported, the workers exited at start; see pyproject.toml)."""
    deadline = time.monotonic() + seconds
    while True:
        for name, proc in procs.items():
            if proc.poll() is not None:
                tail = (logs / f"{name}.log").read_text(errors="replace")[-3000:]
                pytest.fail(f"airflow {name} exited with status {proc.returncode}:\n{tail}")
        if all(" ready." in (logs / f"{w}.log").read_text(errors="replace") for w in WORKERS):
            return
        if time.monotonic() > deadline:
            pytest.fail("the Celery workers did not say they were ready in time: "
                        + "; ".join((logs / f"{w}.log").read_text(errors="replace")[-500:] for w in WORKERS))
        time.sleep(1)


def test_celery_run_equals_cli_report(celery_cluster: tuple) -> None:
    api, tmp_path, manifest = celery_cluster
    _, state, tis = api.run_scan()
    states = {(t["task_id"], t["map_index"]): t["state"] for t in tis}
    # The planted violations fail the run at its gate, after the report was written.
    assert state == "failed", states
    assert states[("gate", -1)] == "failed" and states[("report", -1)] == "success"
    assert all(s == "success" for (t, _), s in states.items() if t != "gate"), states
    # Both Celery workers ran tasks (each reports its own name as the task's hostname).
    assert {t["hostname"] for t in tis if t["state"] in ("success", "failed")} == set(WORKERS)

    celery_report = json.loads((tmp_path / "reports" / "latest" / "report.json").read_text())
    cli = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(manifest.config), "--out",
                          str(tmp_path / "cli"), "-q"], capture_output=True, text=True, cwd=REPO, timeout=600)
    assert cli.returncode == 1, cli.stderr[-2000:]
    cli_report = json.loads((tmp_path / "cli" / "report.json").read_text())
    assert _comparable(celery_report) == _comparable(cli_report)
    assert leaks_in_tree(tmp_path / "home" / "logs", manifest.card_numbers) == {}
    assert leaks_in_tree(tmp_path / "proc-logs", manifest.card_numbers) == {}
