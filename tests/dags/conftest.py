"""Airflow runs in subprocesses: its config is read at import time and it reconfigures logging globally,
so each test gets a clean process with AIRFLOW_HOME, the metadata DB and the pdd config set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytest.importorskip("airflow", reason="Airflow is an extra: pip install -e '.[airflow]'")


def airflow_env(home: Path, config: Path, reports: Path, db_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW__")}
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": db_url or f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "PDD_CONFIG": str(config),
        "PDD_REPORT_DIR": str(reports),
        "PYTHONPATH": str(REPO),
    })
    return env


def run_py(code: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=REPO)


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated Airflow metadata DB (SQLite), once per session."""
    home = tmp_path_factory.mktemp("airflow_home")
    env = airflow_env(home, REPO / "demo" / "pdd.yaml", home / "reports")
    proc = subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return home
