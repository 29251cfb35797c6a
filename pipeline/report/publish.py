"""After a scan: record it in the run history and write report.html beside report.json.

One function that both callers use (the CLI's ``pdd scan`` and the DAG's report
task through pipeline/engine/airflow.py), so that every run is recorded and every
report.json gets its page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config.model import Config
from pipeline.report.model import Report

log = logging.getLogger("pdd.report")


@dataclass
class Published:
    html: Path
    history: str | None
    previous_run: str | None
    problems: list[str] = field(default_factory=list)
    """What could not be done (history unreachable); the page is written anyway."""


def history_target(config: Config, default_dir: Path) -> str:
    """The configured history (URL or path), else history.sqlite in ``default_dir``."""
    if config.stewards.history is not None:
        value = config.stewards.history.get_secret_value()
        return value if "://" in value else str(config.resolve(value))
    return str(default_dir / "history.sqlite")


def publish(report: Report, out_dir: str | Path, config: Config, history_dir: Path | None = None) -> Published:
    """Record ``report`` in the history and write ``out_dir``/report.html with the previous run and the trend."""
    from pipeline.config.recognizers import RecognizersError
    from pipeline.history import History, HistoryError
    from pipeline.policy import PolicyError, policy_for
    from pipeline.report.html import write_html

    out = Path(out_dir)
    target = history_target(config, history_dir or out)
    previous, trend, problems, where = None, None, [], None
    try:
        history = History(target)
        where = history.where
        try:
            previous = history.previous(report.run.id)
            history.record(report)
            trend = [(r.run_id, {"violations": r.violations, "personal fields": r.personal_fields,
                                 "undeclared fields": r.undeclared_fields}) for r in history.runs(limit=30)]
        finally:
            history.close()
    except HistoryError as exc:
        problems.append(str(exc))
        log.warning("%s", exc)
    try:
        policy = policy_for(config)
    except (PolicyError, RecognizersError):
        policy = None
    html = write_html(report, out, previous, trend, policy)
    return Published(html=html, history=where, previous_run=previous.run.id if previous else None,
                     problems=problems)
