"""``PddScanOperator``: a whole pdd scan as one Airflow task.

    from pipeline.airflow_provider import PddScanOperator

    PddScanOperator(task_id="scan", config="/opt/pdd/config/pdd.yaml", report_dir="/opt/pdd/reports/{{ ds }}")

The report folder gets report.json and report.html (and the run history, unless ``history_dir`` or the
config's ``stewards.history`` says where). A missing or broken config, or a Connection that cannot become a
URL, fails the task (no retry) with the file and line or the connection and key; a source that could not be
read fails it after the report is written; violations fail it too unless ``fail_on_violations=False``. The
task log gets one line per dataset, never a value. For one mapped task per dataset and key range, use the
scan DAG (dags/pdd_scan.py) instead.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from airflow.sdk import BaseOperator
from airflow.sdk.exceptions import AirflowFailException

if TYPE_CHECKING:
    from pipeline.engine.run import Progress


class PddScanOperator(BaseOperator):
    """Scan the sources of ``config`` (a YAML path) or of ``sources`` (the same list, inline) into
    ``report_dir``; SQL sources may name an Airflow Connection by ``conn_id``. Returns the run's counts
    (XCom): report path, run id, violations by rule and place, failed sources."""

    template_fields: Sequence[str] = ("config", "report_dir", "history_dir", "as_of")
    ui_color = "#e8f4ea"

    def __init__(self, *, report_dir: str, config: str | None = None, sources: list[dict[str, Any]] | None = None,
                 fail_on_violations: bool = True, as_of: str | None = None, history_dir: str | None = None,
                 workers: int = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if (config is None) == (sources is None):
            raise ValueError(f"{self.task_id}: give exactly one of config (a path) and sources (inline)")
        self.config = config
        self.sources = sources
        self.report_dir = report_dir
        self.fail_on_violations = fail_on_violations
        self.as_of = as_of
        self.history_dir = history_dir
        self.workers = workers

    def _config_path(self, out: Path) -> Path:
        if self.config is not None:
            return Path(self.config)
        # Inline sources go through the same loader as a file, so a mistake is named by its line there.
        path = out / "pdd-sources.yaml"
        path.write_text(yaml.safe_dump({"sources": self.sources}, sort_keys=False), encoding="utf-8")
        return path

    def execute(self, context: Any) -> dict:
        import datetime as dt

        from pipeline.airflow_provider.hooks import resolve_connections
        from pipeline.config.load import ConfigError, load_config
        from pipeline.connections import ConnectionError_
        from pipeline.engine.airflow import failure_message, summarize
        from pipeline.engine.run import WORK_DIR, Engine, Progress, ResumeRefused, ScanOptions
        from pipeline.report import write_report
        from pipeline.report.publish import publish

        out = Path(self.report_dir)
        out.mkdir(parents=True, exist_ok=True)
        try:
            as_of = dt.date.fromisoformat(self.as_of) if self.as_of else None
            config = resolve_connections(load_config(self._config_path(out), as_of=as_of))
        except (ConfigError, ConnectionError_, ValueError) as exc:
            raise AirflowFailException(f"pdd: {exc}") from None

        progress = Progress()
        progress.dataset_done = functools.partial(self._dataset_line, progress)
        try:  # a retried task keeps the steps its previous try finished
            engine = Engine(config, out / WORK_DIR, ScanOptions(workers=self.workers, resume=True), progress)
        except ResumeRefused:
            engine = Engine(config, out / WORK_DIR, ScanOptions(workers=self.workers), progress)
        report = engine.run()
        path = write_report(report, out)
        engine.clean()
        published = publish(report, out, config, history_dir=Path(self.history_dir) if self.history_dir else None)
        for problem in published.problems:
            self.log.warning("%s", problem)
        summary = summarize(report, path)
        self.log.info("pdd: report %s (%d violation(s), %d accepted)", path, summary["violations"],
                      summary["accepted"])
        message = failure_message(summary if self.fail_on_violations else {**summary, "by_rule": {}})
        if message:
            raise AirflowFailException(message)
        return summary

    def _dataset_line(self, progress: Progress, source: str, dataset: str, rows: int, violations: int,
                      error: bool) -> None:
        # Counts only; the violation count is left to the report (rules settle some records at the end).
        from pipeline.progress import summary

        self.log.info("pdd: swept %s/%s: %d rows%s | %s", source, dataset, rows,
                      ", error (see the report)" if error else "", summary(progress, records=False))
