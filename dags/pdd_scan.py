"""pdd_scan: the scheduled scan of production stores, for Airflow 3.

Per source (a task group, with that source's pool so a production database
never sees more than the pool's slots of pdd tasks at once):

    discover -> classify (mapped per dataset) -> flatten -> sweep (mapped per key range)

and once per run, ``link`` (the person index, from the account datasets) before any sweep.

then ``report`` writes report.json, publishes it as the ``pdd_report`` asset
(downstream DAGs such as contract checks schedule on it), and ``gate`` fails
the run, after the report is safe, when there are violations or a source
failed, saying which rule, where and how many.

When the config lists ``exports:``, an ``export`` task writes them from the published report
(pipeline/export; DataHub proposals, a fides dataset): it is not in the DAG otherwise.

Parse time reads only the YAML config's schedule and source names (no
Presidio, spaCy, pandas or Great Expectations import); every task body is one
call into pipeline.engine.airflow (the engine's steps, run as mapped tasks). XComs carry names, paths and counts.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml
from airflow.sdk import Asset, Param, dag, get_current_context, task, task_group

CONFIG = Path(os.environ.get("PDD_CONFIG", "/opt/pdd/config/pdd.yaml"))
REPORTS = Path(os.environ.get("PDD_REPORT_DIR", "/opt/pdd/reports"))
# The asset's identity must not depend on this process's PDD_REPORT_DIR: Airflow 3 keeps one active asset
# per name, so a second URI for "pdd_report" (another report folder, a staging deployment sharing the
# metadata database) would be left inactive and every later `report` task would fail before writing
# anything. Where the report was written travels in each asset event's extra instead.
REPORT_ASSET = Asset(name="pdd_report", uri="x-pdd://report")


def _parse_time_config() -> dict:
    """The config's schedule and source names for the DAG's shape. A missing or broken config is no import
    error: the DAG then has no source groups and its ``prepare`` task fails naming the file and line."""
    try:
        raw = yaml.safe_load(CONFIG.read_text())
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return raw if isinstance(raw, dict) else {}


_RAW = _parse_time_config()
SOURCES = [(s["name"], s.get("kind", ""), s.get("pool")) for s in _RAW.get("sources", []) or []
           if isinstance(s, dict) and isinstance(s.get("name"), str)]
EXPORTS = [e.get("target") for e in _RAW.get("exports") or [] if isinstance(e, dict)]

DEFAULTS = {
    "retries": 2,
    "retry_delay": dt.timedelta(minutes=1),
    "retry_exponential_backoff": True,
    "max_retry_delay": dt.timedelta(minutes=15),
    "execution_timeout": dt.timedelta(hours=6),
}


def _pool(name: str, kind: str, pool: str | None) -> str:
    # Same rule as pipeline.engine.airflow.pool_for, without importing the library at parse time.
    return pool or (f"pdd_{name}" if kind == "sql" else "default_pool")


def _steps():  # runs inside a task: this scan run's AirflowSteps
    from airflow.sdk.exceptions import AirflowFailException

    from pipeline.airflow_provider.hooks import PddConnectionHook
    from pipeline.config.load import ConfigError, load_config
    from pipeline.engine.airflow import AirflowSteps

    ctx = get_current_context()
    params = ctx["params"]
    as_of = dt.date.fromisoformat(params["as_of"]) if params.get("as_of") else None
    try:
        config = load_config(CONFIG, as_of=as_of)
    except ConfigError as exc:  # names the file and line; retrying would not fix it
        raise AirflowFailException(f"pdd: {exc} (PDD_CONFIG names the config)") from None

    def resolve(conn_id: str) -> str:
        return PddConnectionHook(conn_id).get_uri()

    return AirflowSteps(config, REPORTS / "runs" / ctx["run_id"].replace(":", "_").replace("+", "_"), resolve)


def _selected(name: str) -> bool:
    wanted = get_current_context()["params"].get("sources") or []
    return not wanted or name in wanted


@dag(
    dag_id="pdd_scan",
    description="Scan production stores for personal data and privacy-policy violations",
    schedule=_RAW.get("schedule", "@daily"),
    start_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULTS,
    tags=["pdd", "privacy"],
    params={
        "sources": Param([], type="array", items={"type": "string"},
                         description="Scan only these sources (empty: all of them)"),
        "as_of": Param(None, type=["null", "string"], format="date",
                       description="Date ages are computed at (default: the config's as_of, else today)"),
    },
    doc_md=__doc__,
)
def pdd_scan():
    @task
    def prepare() -> dict:
        """Validate the config before any store is touched; a wrong config fails here with its line."""
        steps = _steps()
        config = steps.context.config
        return {"run_dir": str(steps.run_dir), "as_of": config.as_of.isoformat(),
                "sources": [s.name for s in config.sources if _selected(s.name)]}

    @task
    def link(prep: dict) -> int:
        """The person index (account datasets, declared links), read by every sweep and the report."""
        return _steps().link()

    started = prepare()
    linked = link(started)
    sweeps = []
    for name, kind, pool in SOURCES:
        task_pool = _pool(name, kind, pool)

        @task_group(group_id=f"source_{name}")
        def per_source(name: str = name, task_pool: str = task_pool):
            @task(pool=task_pool)
            def discover(prep: dict) -> list[str]:
                return _steps().discover(name) if name in prep["sources"] else []

            @task(pool=task_pool, map_index_template="{{ task.op_kwargs['dataset'] }}")
            def classify(dataset: str) -> list[dict]:
                return _steps().classify(name, dataset)

            @task
            def flatten(units: list[list[dict]]) -> list[dict]:
                return [u for group in units for u in group]

            @task(pool=task_pool)
            def sweep(unit: dict) -> dict:
                return _steps().sweep(unit)

            swept = sweep.expand(unit=flatten(classify.expand(dataset=discover(started))))
            linked >> swept
            return swept

        sweeps.append(per_source())

    @task(outlets=[REPORT_ASSET], trigger_rule="all_done", retries=0)
    def report(prep: dict) -> dict:
        """Write report.json even when some scan tasks failed: what they left missing is listed as errors."""
        ctx = get_current_context()
        steps = _steps()
        start = ctx["dag_run"].start_date
        summary = steps.reduce(started=start.isoformat(timespec="seconds") if start else None,
                             latest=REPORTS / "latest", sources=prep["sources"])
        ctx["outlet_events"][REPORT_ASSET].extra = {"report": str(REPORTS / "latest" / "report.json"),
                                                    "run_report": summary["report"], "run_id": summary["run_id"]}
        return summary

    @task(retries=0)
    def gate(summary: dict) -> None:
        """Fail the run visibly when the data breaks a rule or a source failed: rule, where, how many."""
        from airflow.sdk.exceptions import AirflowFailException

        from pipeline.engine.airflow import failure_message

        message = failure_message(summary)
        if message:
            raise AirflowFailException(message)

    summary = report(started)
    [linked, *sweeps] >> summary
    gate(summary)

    if EXPORTS:  # off unless the config lists `exports:`

        @task(retries=0)
        def export(summary: dict) -> list[str]:
            """Write the configured exports (DataHub, fides) of the published report; names what failed."""
            from pipeline.config.load import load_config
            from pipeline.export.configured import run_configured

            return run_configured(load_config(CONFIG), REPORTS / "latest")

        export(summary)


scan_dag = pdd_scan()
