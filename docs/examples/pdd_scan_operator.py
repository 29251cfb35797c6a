"""An example DAG to copy into your dags folder: one pdd scan as one task, with PddScanOperator.

Install pdd into the Airflow environment (``pip install "pdd[airflow]"``), then:

- write a sources config (contract.md §1); a SQL source may name an Airflow Connection instead of a URL:

      sources:
        - name: app_db
          kind: sql
          conn_id: app_db_readonly       # host, login, password, database and extra (sslmode, sslrootcert,
                                         # options, ...) all come from the Connection

- point PDD_CONFIG at it (or write the path below), and PDD_REPORT_DIR at a folder the workers can write.

Each run writes report.json and report.html into its own folder under PDD_REPORT_DIR, and the run history
beside them. The task fails when the scan finds violations or a source cannot be read (after the report is
written), and at once, without retries, when the config is missing or wrong (the message names the file and
line). For large stores, use pdd's own scan DAG (dags/pdd_scan.py: one task per dataset and key range).
"""

from __future__ import annotations

import datetime as dt
import os

from airflow.sdk import dag

from pipeline.airflow_provider import PddScanOperator

CONFIG = os.environ.get("PDD_CONFIG", "/opt/pdd/config/pdd.yaml")
REPORTS = os.environ.get("PDD_REPORT_DIR", "/opt/pdd/reports")


@dag(
    dag_id="pdd_scan_operator_example",
    schedule=None,  # e.g. "@daily"
    start_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    tags=["pdd", "privacy", "example"],
    doc_md=__doc__,
)
def pdd_scan_operator_example():
    PddScanOperator(
        task_id="scan",
        config=CONFIG,
        report_dir=REPORTS + "/{{ dag.dag_id }}/{{ run_id | replace(':', '_') | replace('+', '_') }}",
        history_dir=REPORTS + "/{{ dag.dag_id }}",
        fail_on_violations=True,
        retries=1,
    )


example_dag = pdd_scan_operator_example()
