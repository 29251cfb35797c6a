"""dag.test() runs the scan DAG end to end over the demo; its report equals the CLI's for the same config."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from demo.generate import generate
from tests.dags.conftest import REPO, airflow_env, run_py
from tests.helpers import leaks

pytestmark = pytest.mark.slow  # each test runs a DAG in Airflow processes of its own

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
    # The optional export task (issue 23) runs when the config lists an export.
    manifest.config.write_text(manifest.config.read_text() + "exports:\n  - target: datahub\n"
                               f"    out: {tmp_path / 'datahub.json'}\n")
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
    assert tasks["export[-1]"] == "success"
    assert "urn:li:dataPlatform:sqlite,app.accounts,PROD" in (tmp_path / "datahub.json").read_text()

    dag_report = json.loads((reports / "latest" / "report.json").read_text())
    cli = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(manifest.config), "--out",
                          str(tmp_path / "cli"), "-q"], capture_output=True, text=True, cwd=REPO, timeout=600)
    assert cli.returncode == 1, cli.stderr[-2000:]
    cli_report = json.loads((tmp_path / "cli" / "report.json").read_text())
    assert _comparable(dag_report) == _comparable(cli_report)
    # The published report has its page beside it, and the run is in the history (issue 12).
    page = (reports / "latest" / "report.html").read_text()
    assert dag_report["run"]["id"] in page and leaks(page, manifest.card_numbers) == []
    assert (reports / "history.sqlite").exists()

    # Task logs (captured here from the process) and XComs hold no raw card number.
    assert leaks(proc.stdout + proc.stderr, manifest.card_numbers) == []


RUN_WITH_CONF = RUN.replace("mod.scan_dag.test()",
                            "mod.scan_dag.test(run_conf={'sources': ['app_db'], 'as_of': '2031-06-30'})")


def test_conn_id_source_and_operator_params(airflow_home: Path, tmp_path: Path) -> None:
    """A source that names an Airflow Connection instead of a url; an operator's run for one source and
    another as_of."""
    manifest = generate(tmp_path / "data")
    db = manifest.out_dir / "app.db"
    config = tmp_path / "pdd.yaml"
    config.write_text(manifest.config.read_text().replace("url: sqlite:///app.db", "conn_id: pdd_app_db")
                      .replace("path: logs/*", f"path: {manifest.out_dir / 'logs'}/*")
                      .replace("path: exports/*", f"path: {manifest.out_dir / 'exports'}/*")
                      .replace("recognizers: recognizers.yaml",
                               f"recognizers: {manifest.out_dir / 'recognizers.yaml'}"))
    assert "conn_id: pdd_app_db" in config.read_text()
    env = airflow_env(airflow_home, config, tmp_path / "reports")
    env["AIRFLOW_CONN_PDD_APP_DB"] = json.dumps({"conn_type": "sqlite", "host": str(db)})
    proc = run_py(RUN_WITH_CONF, env)
    assert proc.returncode == 0, proc.stderr[-4000:]
    tasks = json.loads(proc.stdout.strip().splitlines()[-1])["tasks"]
    assert tasks["report[-1]"] == "success", tasks
    report = json.loads((tmp_path / "reports" / "latest" / "report.json").read_text())
    assert report["run"]["as_of"] == "2031-06-30"
    assert [s["name"] for s in report["sources"]] == ["app_db"] and report["sources"][0]["status"] == "ok"
    cards = [v for v in report["violations"] if v["rule"] == "full_card_number"]
    assert len(cards) == 6 and {v["source"] for v in report["violations"]} == {"app_db"}


RUN_EXPORTS = RUN.replace("mod.scan_dag.test()", "mod.scan_dag.test(run_conf={'sources': ['exports']})")


def test_second_run_in_one_airflow_db_writes_to_its_own_report_dir(airflow_home: Path, tmp_path: Path) -> None:
    """Regression for issue 9: two manual runs of pdd_scan in the same Airflow metadata database, by processes
    with different PDD_REPORT_DIRs (a moved report volume, a staging deployment sharing the database). The
    ``pdd_report`` asset's URI used to be built from PDD_REPORT_DIR, Airflow 3 keeps one active asset per name,
    so the second URI stayed inactive and the second run's ``report`` task failed before writing anything."""
    manifest = generate(tmp_path / "data")
    for name in ("first", "second"):
        reports = tmp_path / name
        proc = run_py(RUN_EXPORTS, airflow_env(airflow_home, manifest.config, reports))
        assert proc.returncode == 0, proc.stderr[-4000:]
        tasks = json.loads(proc.stdout.strip().splitlines()[-1])["tasks"]
        assert tasks["report[-1]"] == "success", (name, tasks)
        report = json.loads((reports / "latest" / "report.json").read_text())
        assert [s["name"] for s in report["sources"]] == ["exports"]
        assert report["sources"][0]["status"] == "ok"
        assert len(list((reports / "runs").glob("*/report.json"))) == 1


CONTRACTS_RUN = RUN.replace("dags/pdd_scan.py", "dags/pdd_contracts.py").replace("mod.scan_dag", "mod.contracts_dag")


def test_contracts_dag_checks_the_published_report(airflow_home: Path, tmp_path: Path) -> None:
    """The downstream DAG (scheduled on the pdd_report asset) passes on the clean demo, fails on the normal one."""
    for clean, state in ((True, "success"), (False, "failed")):
        manifest = generate(tmp_path / f"data-{clean}", clean=clean)
        reports = tmp_path / f"reports-{clean}"
        cli = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(manifest.config), "--out",
                              str(reports / "latest"), "-q"], capture_output=True, text=True, cwd=REPO, timeout=600)
        assert cli.returncode == (0 if clean else 1), cli.stderr[-2000:]
        env = airflow_env(airflow_home, manifest.config, reports)
        env["PDD_CONTRACTS"] = str(REPO / "data_contracts" / "demo")
        proc = run_py(CONTRACTS_RUN, env)
        assert proc.returncode == 0, proc.stderr[-4000:]
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        assert result["state"] == state, proc.stderr[-3000:]
        assert list((reports / "contracts").glob("*/contracts.xml"))
        if not clean:
            assert "app_db.payments, field note, clause full_card_number" in proc.stderr + proc.stdout
            assert leaks(proc.stdout + proc.stderr, manifest.card_numbers) == []
