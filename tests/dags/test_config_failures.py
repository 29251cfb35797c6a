"""A missing or broken config fails a task, naming the file and line, not the DAG's import: the scan DAG's
prepare task, and PddScanOperator in the example DAG (dag.test(), no retries for a config mistake)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.dags.conftest import REPO, airflow_env, run_py

pytestmark = pytest.mark.slow  # each test runs Airflow in a process of its own

RUN = """
import importlib.util, json
spec = importlib.util.spec_from_file_location("dag_under_test", {path!r})
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
run = mod.{dag}.test()
print(json.dumps({{"state": str(run.state),
                  "tasks": {{ti.task_id: str(ti.state) for ti in run.get_task_instances()}}}}))
"""

SCAN_DAG = RUN.format(path=str(REPO / "dags" / "pdd_scan.py"), dag="scan_dag")
EXAMPLE_RUN = RUN.format(path=str(REPO / "docs" / "examples" / "pdd_scan_operator.py"), dag="example_dag")


def _broken(tmp_path: Path) -> Path:
    path = tmp_path / "pdd.yaml"
    path.write_text("as_of: 2026-11-24\nsources:\n  - name: app_db\n    kind: nosuch\n    url: sqlite:///x.db\n")
    return path


@pytest.mark.parametrize("case", ["missing", "broken"])
def test_scan_dag_prepare_fails_naming_the_config(airflow_home: Path, tmp_path: Path, case: str) -> None:
    config = tmp_path / "nope.yaml" if case == "missing" else _broken(tmp_path)
    proc = run_py(SCAN_DAG, airflow_env(airflow_home, config, tmp_path / "reports"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["state"] == "failed" and result["tasks"]["prepare"] == "failed", result
    said = proc.stdout + proc.stderr
    assert (f"{config}: no such config file" if case == "missing"
            else f"{config} line 4, sources[0].kind: unknown source kind 'nosuch'") in said


def test_operator_fails_naming_the_config(airflow_home: Path, tmp_path: Path) -> None:
    config = _broken(tmp_path)
    env = airflow_env(airflow_home, config, tmp_path / "reports")
    env["AIRFLOW__CORE__DAGS_FOLDER"] = str(REPO / "docs" / "examples")  # dag.test() runs DAGs of its bundle
    proc = run_py(EXAMPLE_RUN, env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"state": "failed", "tasks": {"scan": "failed"}}, result
    assert f"{config} line 4, sources[0].kind: unknown source kind 'nosuch'" in proc.stdout + proc.stderr
