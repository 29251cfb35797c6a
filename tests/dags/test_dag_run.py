"""dag.test() runs the scan DAG end to end over the demo; its report equals the CLI's for the same config."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipeline.demo.generate import generate
from tests.dags.conftest import REPO, airflow_env, run_py
from tests.helpers import leaks

RUN = """
import importlib.util, json
spec = importlib.util.spec_from_file_location("pdd_scan_dag", "dags/pdd_scan.py")
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
run = mod.scan_dag.test()
print(json.dumps({"state": str(run.state),
                  "tasks": {f"{ti.task_id}[{ti.map_index}]": str(ti.state) for ti in run.get_task_instances()}}))
"""


def _comparable(report: dict) -> dict:
    return {k: v for k, v in report.items() if k != "run"} | {"as_of": report["run"]["as_of"]}


def test_dag_report_equals_cli_report(airflow_home: Path, tmp_path: Path) -> None:
    manifest = generate(tmp_path / "data")
    reports = tmp_path / "reports"
    proc = run_py(RUN, airflow_env(airflow_home, manifest.config, reports))
    assert proc.returncode == 0, proc.stderr[-4000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    tasks = result["tasks"]
    # The planted violations fail the run visibly, after the report is written.
    assert result["state"] == "failed"
    assert tasks["gate[-1]"] == "failed" and tasks["report[-1]"] == "success"
    assert all(s == "success" for t, s in tasks.items() if t != "gate[-1]"), tasks
    assert "full_card_number: 12 record(s)" in proc.stderr + proc.stdout

    dag_report = json.loads((reports / "latest" / "report.json").read_text())
    cli = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(manifest.config), "--out",
                          str(tmp_path / "cli"), "-q"], capture_output=True, text=True, cwd=REPO, timeout=600)
    assert cli.returncode == 1, cli.stderr[-2000:]
    cli_report = json.loads((tmp_path / "cli" / "report.json").read_text())
    assert _comparable(dag_report) == _comparable(cli_report)

    # Task logs (captured here from the process) and XComs hold no raw card number.
    assert leaks(proc.stdout + proc.stderr, manifest.card_numbers) == []
