"""The DAGs import with no errors, name only known pools, and import nothing heavy at parse time."""

from __future__ import annotations

import json
from pathlib import Path

from demo.generate import generate
from pipeline.config.load import load_config
from pipeline.engine.airflow import pools
from tests.dags.conftest import airflow_env, run_py

CHECK = """
import json, sys, time
import airflow.sdk
t = time.perf_counter()
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=__import__('os').environ['AIRFLOW__CORE__DAGS_FOLDER'])
print(json.dumps({
    "errors": {k: str(v)[-500:] for k, v in bag.import_errors.items()},
    "dags": sorted(bag.dags),
    "pools": sorted({t.pool for d in bag.dags.values() for t in d.tasks}),
    "tasks": sorted(t.task_id for d in bag.dags.values() for t in d.tasks),
    "heavy": [m for m in ("presidio_analyzer", "spacy", "pandas", "great_expectations", "pipeline.engine.dataset")
              if m in sys.modules],
    "seconds": time.perf_counter() - t,
}))
"""


def test_dagbag_imports_with_known_pools(airflow_home: Path, tmp_path: Path) -> None:
    manifest = generate(tmp_path / "data")
    cfg_text = manifest.config.read_text() + "schedule: '0 2 * * *'\n"
    manifest.config.write_text(cfg_text)
    proc = run_py(CHECK, airflow_env(airflow_home, manifest.config, tmp_path / "reports"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["errors"] == {}
    assert {"pdd_scan", "pdd_contracts"} <= set(out["dags"])
    known = set(pools(load_config(manifest.config))) | {"default_pool"}
    assert set(out["pools"]) <= known, f"unknown pools {set(out['pools']) - known}"
    assert "pdd_app_db" in out["pools"]
    assert {"link", "source_app_db.sweep", "source_web_logs.classify", "report", "gate"} <= set(out["tasks"])
    assert out["heavy"] == []
    assert "export" not in out["tasks"]  # off unless configured (issue 23)


def test_export_task_only_when_configured(airflow_home: Path, tmp_path: Path) -> None:
    manifest = generate(tmp_path / "data")
    manifest.config.write_text(manifest.config.read_text() + "exports:\n  - {target: datahub, out: dh.json}\n")
    proc = run_py(CHECK, airflow_env(airflow_home, manifest.config, tmp_path / "reports"))
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["errors"] == {} and "export" in out["tasks"] and out["heavy"] == []


def test_missing_or_broken_config_is_no_import_error(airflow_home: Path, tmp_path: Path) -> None:
    """The DAG file still parses (the scan DAG with no source groups); its prepare task fails instead, naming
    the file and line (tests/dags/test_config_failures.py)."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("sources:\n  - name: a\n    kind: sql\n    url: [unclosed\n")
    for config in (tmp_path / "nope.yaml", broken):
        proc = run_py(CHECK, airflow_env(airflow_home, config, tmp_path / "reports"))
        assert proc.returncode == 0, proc.stderr[-3000:]
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        assert out["errors"] == {}, (config, out["errors"])
        assert {"pdd_scan", "pdd_contracts"} <= set(out["dags"])
        assert {"prepare", "report", "gate"} <= set(out["tasks"])
