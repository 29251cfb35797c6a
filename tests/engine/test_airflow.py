"""The scan in separate steps, as the DAG's tasks run them (pipeline/engine/airflow.py), gives the CLI's
report, also when tables are split into key ranges swept by different workers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from demo.generate import generate
from pipeline.config import Config, SqlSourceConfig
from pipeline.config.load import load_config
from pipeline.connections import sqlalchemy_url
from pipeline.engine.airflow import AirflowSteps, failure_message, pools
from pipeline.engine.run import scan
from pipeline.report import read_report


def _steps(config: Config, run_dir: Path, part_rows: int) -> dict:
    run = AirflowSteps(config, run_dir)
    run.link()
    for s in config.sources:
        units = [u for d in run.discover(s.name) for u in run.classify(s.name, d, part_rows=part_rows)]
        for u in units:
            run.sweep(u)
    return run.reduce()


def _comparable(report) -> dict:
    d = report.model_dump()
    d.pop("run")
    # how a large table was read when it could not be split: said by the split run only
    d["notes"] = [n for n in d["notes"] if "read as one part" not in n]
    return d


@pytest.mark.parametrize("part_rows", [1_000_000, 97])
def test_steps_equal_one_process(tmp_path: Path, part_rows: int) -> None:
    manifest = generate(tmp_path / "data")
    config = load_config(manifest.config)
    summary = _steps(config, tmp_path / "run", part_rows)
    split = read_report(summary["report"])
    assert _comparable(split) == _comparable(scan(config))
    one_part = [n for n in split.notes if "read as one part" in n]
    if part_rows < 100:
        # a view has no key: larger than a part, it is read whole, and the report says so
        assert one_part and all("without a primary key" in n for n in one_part)
        assert len(AirflowSteps(config, tmp_path / "run").store.sweeps("app_db", "payments")) > 3
    else:
        assert one_part == []


def test_ambiguous_dates_settled_across_parts(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, dob TEXT)")
    rows = [(i, f"{1 + i % 12:02d}/{1 + i % 12:02d}/1990") for i in range(1, 400)]
    rows.append((400, "01/12/2010"))  # under 16 only if day-first
    rows.append((401, "25/06/1991"))  # settles the field as day-first, in another part
    conn.executemany("INSERT INTO people VALUES (?, ?)", rows)
    conn.commit()
    conn.close()
    config = Config(as_of="2026-11-24", base_dir=tmp_path,
                    sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    summary = _steps(config, tmp_path / "run", part_rows=100)
    assert summary["by_rule"] == {"under_16": {"db/people.dob": 1}}
    assert [v.key for v in read_report(summary["report"]).violations] == ["400"]


def test_dataset_names_that_extend_each_other_keep_their_own_parts(tmp_path: Path) -> None:
    # Regression: sweep parts were found by the glob "<source>__<dataset>__*", which for dataset
    # "events" also picked up the parts of "events__2024".
    db = tmp_path / "e.db"
    conn = sqlite3.connect(db)
    for table, card_row in (("events", 3), ("events__2024", 250)):
        conn.execute(f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY, note TEXT)')
        conn.executemany(f'INSERT INTO "{table}" VALUES (?, ?)',
                         [(i, "card 4111 1111 1111 1111" if i == card_row else "ok") for i in range(1, 301)])
    conn.commit()
    conn.close()
    config = Config(as_of="2026-11-24", base_dir=tmp_path,
                    sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    report = read_report(_steps(config, tmp_path / "run", part_rows=100)["report"])
    assert sorted((v.dataset, v.key) for v in report.violations) == [("events", "3"), ("events__2024", "250")]
    assert {s.rows_scanned for s in report.sources} == {600}


def test_failed_step_is_an_error_in_the_report(tmp_path: Path) -> None:
    manifest = generate(tmp_path / "data")
    config = load_config(manifest.config)
    run = AirflowSteps(config, tmp_path / "run")
    run.link()
    for s in config.sources:
        for d in run.discover(s.name):
            if d != "payments":  # as if the classify task for payments had died
                for u in run.classify(s.name, d):
                    run.sweep(u)
    summary = run.reduce()
    report = read_report(summary["report"])
    app_db = next(s for s in report.sources if s.name == "app_db")
    assert app_db.status == "error" and "payments: not classified" in app_db.error
    assert summary["exit_code"] == 2
    assert "source app_db failed" in failure_message(summary)


def test_a_link_task_that_did_not_finish_is_a_note_and_the_rest_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT)")
        conn.executemany("INSERT INTO notes VALUES (?, ?)", [(i, "ok") for i in range(1, 20)])
    config = Config(as_of="2026-11-24", base_dir=tmp_path,
                    sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    run = AirflowSteps(config, tmp_path / "run")  # no link(): as if its task had failed every retry
    for u in run.classify("db", run.discover("db")[0]):
        with pytest.raises(RuntimeError, match="link step"):
            run.sweep(u)
    report = run.report()
    assert any("its link task did not finish" in n for n in report.notes)
    assert report.sources[0].status == "error" and "not swept" in (report.sources[0].error or "")


@pytest.mark.parametrize("fields,url", [
    (("postgres", "db.internal", "scanner", "p@ss", "app", 5432),
     "postgresql+psycopg://scanner:p%40ss@db.internal:5432/app"),
    (("mysql", "maria", "root", None, "test", None), "mysql+pymysql://root@maria/test"),
    (("sqlite", "/data/app.db", None, None, None, None), "sqlite:////data/app.db"),
])
def test_connection_url_has_explicit_driver(fields: tuple, url: str) -> None:
    assert sqlalchemy_url(*fields).render_as_string(hide_password=False) == url


def test_pools_one_per_sql_source(tmp_path: Path) -> None:
    manifest = generate(tmp_path / "data")
    assert set(pools(load_config(manifest.config))) == {"pdd_app_db"}


def test_reduce_publishes_the_page_records_the_history_and_spares_accepted(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE sandbox (id INTEGER PRIMARY KEY, note TEXT)")
    conn.executemany("INSERT INTO sandbox VALUES (?, ?)", [(i, "card 4111 1111 1111 1111" if i == 2 else "ok")
                                                           for i in range(1, 50)])
    conn.commit()
    conn.close()
    (tmp_path / "pdd-review.yaml").write_text(
        "accept:\n  - {rule: full_card_number, source: db, dataset: sandbox, why: provider sandbox,\n"
        "     until: 2026-12-31, by: bob, at: 2026-11-30}\n")
    config = Config(as_of="2026-11-24", base_dir=tmp_path,
                    sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    reports = tmp_path / "reports"
    for i in range(2):
        run = AirflowSteps(config, reports / "runs" / f"r{i}")
        run.link()
        for u in run.classify("db", run.discover("db")[0]):
            run.sweep(u)
        summary = run.reduce(latest=reports / "latest")
    assert (reports / "runs" / "r1" / "report.html").exists() and (reports / "latest" / "report.html").exists()
    from pipeline.history import History

    h = History(str(reports / "history.sqlite"))
    assert len(h.runs()) == 2
    h.close()
    assert summary["exit_code"] == 0 and summary["accepted"] == 1 and failure_message(summary) is None
