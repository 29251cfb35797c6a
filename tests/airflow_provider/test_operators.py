"""PddScanOperator's execute() as a library call (the scheduled runs are in tests/dags/test_operator_run.py):
inline sources, fail_on_violations, the per-dataset log line, a broken inline source named by its line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("airflow", reason="Airflow is an extra: pip install -e '.[airflow]'")

from pipeline.airflow_provider import PddScanOperator
from tests.dags.test_operator_run import luhn_card
from tests.helpers import leaks

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def _exports(tmp_path: Path) -> tuple[list[dict], list[str]]:
    import random

    cards = [luhn_card(random.Random(i)) for i in range(30)]
    data = tmp_path / "data"
    data.mkdir()
    (data / "payments.csv").write_text("id,email,card_number\n" + "".join(
        f"{i},c{i}@example.com,{c}\n" for i, c in enumerate(cards)))
    return [{"name": "exports", "kind": "files", "path": str(data / "*.csv")}], cards


def test_readme_snippet_builds_an_operator() -> None:
    snippet = re.search(r"```python\n(from pipeline.airflow_provider import PddScanOperator\n.*?)```", README, re.S)
    assert snippet, "README shows PddScanOperator"
    scope: dict = {}
    exec(snippet.group(1), scope)  # the README's own example
    with pytest.raises(ValueError, match="exactly one of config"):
        PddScanOperator(task_id="both", config="a.yaml", sources=[], report_dir="r")


def test_inline_sources_report_without_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources, cards = _exports(tmp_path)
    op = PddScanOperator(task_id="scan", sources=sources, report_dir=str(tmp_path / "out"), as_of="2026-11-24",
                         fail_on_violations=False)
    summary = op.execute({})
    logged = capsys.readouterr().out  # the task logger (structlog) writes to stdout outside a task runner
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert summary["violations"] == len(report["violations"]) == len(cards)
    assert summary["by_rule"] == {"full_card_number": {"exports/payments.csv.card_number": len(cards)}}
    assert (tmp_path / "out" / "report.html").is_file() and (tmp_path / "out" / "history.sqlite").is_file()
    assert "pdd: swept exports/payments.csv: 30 rows" in logged
    assert leaks(logged + json.dumps(summary), cards) == []


def test_violations_fail_the_task_after_the_report(tmp_path: Path) -> None:
    from airflow.sdk.exceptions import AirflowFailException

    sources, cards = _exports(tmp_path)
    op = PddScanOperator(task_id="scan", sources=sources, report_dir=str(tmp_path / "out"))
    with pytest.raises(AirflowFailException, match=r"full_card_number: 30 record\(s\) in exports/payments.csv") as e:
        op.execute({})
    assert (tmp_path / "out" / "report.json").is_file() and leaks(str(e.value), cards) == []


def test_broken_inline_source_is_named_by_line(tmp_path: Path) -> None:
    from airflow.sdk.exceptions import AirflowFailException

    op = PddScanOperator(task_id="scan", report_dir=str(tmp_path / "out"),
                         sources=[{"name": "a", "kind": "files", "path": "x/*"}, {"name": "b", "kind": "nosuch"}])
    with pytest.raises(AirflowFailException,
                       match=r"pdd-sources.yaml line \d+, sources\[1\].kind: unknown source kind"):
        op.execute({})
    assert not (tmp_path / "out" / "report.json").exists()
