"""pdd_contracts: check the data contracts whenever pdd_scan publishes a new report.

Scheduled on the ``pdd_report`` asset that pdd_scan's report task updates. It
reuses that report for classification drift (no second scan) and runs the
Great Expectations suites generated from the contracts in ``PDD_CONTRACTS``
against the stores, writing a JUnit file beside the report. A broken contract
fails the task with the dataset, field and clause of each failure (names and
counts only). Without a contracts folder the task is skipped.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from airflow.sdk import Asset, dag, get_current_context, task

CONFIG = Path(os.environ.get("PDD_CONFIG", "/opt/pdd/config/pdd.yaml"))
REPORTS = Path(os.environ.get("PDD_REPORT_DIR", "/opt/pdd/reports"))
CONTRACTS = Path(os.environ.get("PDD_CONTRACTS", "/opt/pdd/contracts"))
# The same asset pdd_scan publishes (same name and URI; see dags/pdd_scan.py for why the URI is no path).
REPORT_ASSET = Asset(name="pdd_report", uri="x-pdd://report")


def _triggering_report() -> Path | None:
    """The run report of the pdd_scan run that triggered this one (from the asset event), if it is readable."""
    events = get_current_context().get("triggering_asset_events") or {}
    try:
        extras = [e.extra or {} for e in events[REPORT_ASSET]]
    except (KeyError, TypeError):
        return None
    for extra in reversed(extras):
        path = Path(extra.get("run_report") or extra.get("report") or "")
        if path.name == "report.json" and path.is_file():
            return path
    return None


@dag(
    dag_id="pdd_contracts",
    description="Check the data contracts against each new pdd report",
    schedule=[REPORT_ASSET],
    start_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": dt.timedelta(minutes=2),
                  "execution_timeout": dt.timedelta(hours=2)},
    tags=["pdd", "privacy", "contracts"],
    doc_md=__doc__,
)
def pdd_contracts():
    @task
    def check_contracts() -> dict:
        from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

        from pipeline.airflow_provider.hooks import resolve_connections
        from pipeline.config.load import load_config
        from pipeline.contracts.check import CheckOptions, check
        from pipeline.contracts.junit import write_junit
        from pipeline.contracts.runner import quiet_gx_logging

        if not CONTRACTS.is_dir():
            raise AirflowSkipException(f"no contracts folder at {CONTRACTS}; set PDD_CONTRACTS to check contracts")
        quiet_gx_logging()
        config = resolve_connections(load_config(CONFIG))  # conn_id sources: URL from the whole Connection
        report = _triggering_report() or REPORTS / "latest" / "report.json"
        result = check(config, CheckOptions(contracts=CONTRACTS, report=report if report.is_file() else None))
        run_id = get_current_context()["run_id"].replace(":", "_").replace("+", "_")
        junit = write_junit(result, REPORTS / "contracts" / run_id / "contracts.xml")
        failed = [c for c in result.clauses if c.status in ("failed", "error")]
        summary = {"junit": str(junit), "headline": result.headline(), "failed": len(failed),
                   "problems": result.problems, "exit_code": result.exit_code}
        if result.exit_code:
            lines = [f"{c.source}.{c.dataset}, field {c.field}, clause {c.clause}: {c.message}" for c in failed[:50]]
            lines += [f"could not check: {p}" for p in result.problems]
            raise AirflowFailException(result.headline() + "\n" + "\n".join(lines))
        return summary

    check_contracts()


contracts_dag = pdd_contracts()
