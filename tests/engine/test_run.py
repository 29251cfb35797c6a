"""The engine runs the same steps inline or in worker processes (pipeline/engine/run.py): the report is the
same with one worker or several, split tables included; a worker that dies is a problem entry; a stopped
scan says so, exits 2 and resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from demo.generate import generate
from pipeline.config import Config, PathSourceConfig, SqlSourceConfig
from pipeline.config.load import load_config
from pipeline.engine import dataset as work
from pipeline.engine.run import WORK_DIR, Engine, ResumeRefused, ScanOptions, scan
from tests.helpers import leaks_in_tree

REPO = Path(__file__).resolve().parents[2]
CARD = "4111111111111111"


def _comparable(report: object) -> dict:
    d = report.model_dump() if hasattr(report, "model_dump") else dict(report)
    d.pop("run")
    return d


def _execute(config: Config, out: Path, **options: object) -> object:
    engine = Engine(config, out / WORK_DIR, ScanOptions(**options))
    report = engine.run()
    engine.clean()
    return report


def test_multi_worker_report_equals_one_worker_on_the_demo(tmp_path: Path) -> None:
    config = load_config(generate(tmp_path / "data").config)
    two = _execute(config, tmp_path / "two", workers=2)
    one = _execute(config, tmp_path / "one", workers=1)
    assert _comparable(two) == _comparable(one)
    assert not (tmp_path / "two" / WORK_DIR).exists()


def test_split_table_with_cards_on_range_boundaries_equals_one_worker(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE payments (id INTEGER PRIMARY KEY, note TEXT, dob TEXT)")
        # part_rows 100 over ids 1..1000 puts range bounds at 101, 201, ...: cards on both sides of each.
        cards = {1, 100, 101, 200, 201, 500, 501, 999, 1000}
        rows = [(i, f"paid with {CARD}" if i in cards else f"order {i}", f"{1 + i % 12:02d}/{1 + i % 12:02d}/1990")
                for i in range(1, 1001)]
        rows[349] = (350, "order 350", "01/12/2012")  # under 16 only if day-first ...
        rows[849] = (850, "order 850", "25/06/1991")  # ... which a row in another range settles
        conn.executemany("INSERT INTO payments VALUES (?, ?, ?)", rows)
    config = Config(as_of="2026-11-24", base_dir=tmp_path,
                    sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    split = _execute(config, tmp_path / "split", workers=2, part_rows=100)
    one = _execute(config, tmp_path / "one", workers=1, part_rows=10_000)
    assert _comparable(split) == _comparable(one) == _comparable(scan(config))
    got = [(v.rule, v.key) for v in split.violations]
    assert sorted(got) == sorted([("full_card_number", str(i)) for i in cards] + [("under_16", "350")])


def test_resume_refused_for_a_work_folder_of_another_config(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    sqlite3.connect(db).close()
    config = Config(as_of="2026-11-24", base_dir=tmp_path,
                    sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    Engine(config, tmp_path / "out" / WORK_DIR, ScanOptions(workers=1))  # a scan that stopped before any step
    other = config.model_copy(update={"as_of": config.as_of.replace(year=2025)})
    with pytest.raises(ResumeRefused, match="another config"):
        Engine(other, tmp_path / "out" / WORK_DIR, ScanOptions(workers=1, resume=True))


def _pdd(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "200"})


def _stop_when(proc: subprocess.Popen[str], ready: object, sig: int, timeout: float = 300) -> tuple[str, str]:
    deadline = time.monotonic() + timeout
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the scan ended before it could be stopped"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return out, err


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo at 10x, one large table of it (payments: 6,000 rows) in a config of its own."""
    root = tmp_path_factory.mktemp("large")
    manifest = generate(root / "data", scale=10)
    config = root / "payments.yaml"
    db = manifest.config.parent / "app.db"
    config.write_text(f"as_of: 2026-11-24\nsources:\n  - name: app_db\n    kind: sql\n    url: sqlite:///{db}\n"
                      "    include: [payments]\n")
    return config


@pytest.mark.slow
def test_sigterm_mid_table_then_resume_gives_the_same_report(large: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text('{"earlier": true}')
    parts = out / WORK_DIR / "work" / "sweep"
    proc = _pdd("scan", str(large), "--out", str(out), "--workers", "1", "--part-rows", "50")
    _, err = _stop_when(proc, lambda: len(list(parts.rglob("*.json"))) >= 3, signal.SIGTERM)
    assert proc.returncode == 2, err
    assert "stopped by SIGTERM" in err and "--resume" in err and "Traceback" not in err
    assert json.loads((out / "report.json").read_text()) == {"earlier": True}  # left as it was
    done_before = len(list(parts.rglob("*.json")))
    assert 3 <= done_before < 120  # 6,000 rows in ranges of 50: stopped mid-way through the table

    resumed = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(large), "--out", str(out),
                              "--workers", "1", "--part-rows", "50", "--resume", "-q"],
                             cwd=REPO, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 1, resumed.stderr
    whole = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(large), "--out", str(tmp_path / "whole"),
                            "--part-rows", "50", "-q"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert whole.returncode == 1, whole.stderr
    a = json.loads((out / "report.json").read_text())
    b = json.loads((tmp_path / "whole" / "report.json").read_text())
    a.pop("run"), b.pop("run")
    assert a == b and a["violations"]
    assert not (out / WORK_DIR).exists()


def test_sigint_stops_workers_with_a_message_and_exit_2(large: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    parts = out / WORK_DIR / "work" / "sweep"
    proc = _pdd("scan", str(large), "--out", str(out), "--workers", "2", "--part-rows", "50")
    _, err = _stop_when(proc, lambda: any(parts.rglob("*.json")), signal.SIGINT)
    assert proc.returncode == 2, err
    assert "stopped by SIGINT" in err and "Traceback" not in err
    assert not (out / "report.json").exists()
    assert not leaks_in_tree(out, [CARD])


def test_hostile_record_ends_with_a_report_not_a_traceback(tmp_path: Path) -> None:
    # Issue 11: one JSON line nested 5,000 levels deep ended `pdd scan` with a traceback, no report.json and
    # exit 1 ("violations found" to every CI gate). Now: a report with the other findings, and the card's exit.
    (tmp_path / "app.jsonl").write_text('{"a":' * 5000 + "1" + "}" * 5000 + "\n" + json.dumps({"n": CARD}) + "\n")
    (tmp_path / "pdd.yaml").write_text("as_of: 2026-11-24\nsources:\n  - name: logs\n    kind: logs\n"
                                       "    path: app.jsonl\n")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(tmp_path / "pdd.yaml"), "--out",
                           str(tmp_path / "out"), "-q"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [v["key"] for v in report["violations"]] == ["2"]


def test_a_worker_killed_mid_step_is_a_problem_entry_and_the_scan_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Whatever happens to the process": a worker killed by the system (out of memory) must not hang the
    # scan or lose the other datasets. The forked workers inherit this patch.
    (tmp_path / "a.log").write_text(f"paid {CARD}\n")
    (tmp_path / "b.log").write_text(f"paid {CARD}\n")
    real = work.sweep

    def sweep(context: object, source: object, dataset: object, *args: object) -> object:
        if dataset.name == "a.log":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(context, source, dataset, *args)

    monkeypatch.setattr(work, "sweep", sweep)
    config = Config(as_of="2026-11-24", base_dir=tmp_path, sources=[
        PathSourceConfig(name="logs", kind="logs", path="*.log")])
    report = _execute(config, tmp_path / "out", workers=2)
    assert [(v.dataset, v.key) for v in report.violations] == [("b.log", "1")]
    problem = report.sources[0].problems[0]
    assert problem.dataset == "a.log" and "worker process died" in problem.error


def test_split_log_file_with_cards_on_byte_range_boundaries_equals_one_worker(tmp_path: Path) -> None:
    from pipeline.sources.textfile import TextFile

    width = 60  # every line the same length: card lines can replace others without moving the ranges
    lines = [f"2026-01-01 10:00:00 INFO order {i:06d}".ljust(width - 1) for i in range(1, 601)]
    (tmp_path / "app.log").write_text("\n".join(lines) + "\n")
    (tmp_path / "app.jsonl").write_text("".join(json.dumps({"i": i, "m": "x" * 30}) + "\n" for i in range(1, 601)))
    ranges = TextFile(tmp_path / "app.log", "app.log", "logs").byte_ranges(5 * 200)
    assert len(ranges) > 10 and all(r is not None for r in ranges)
    firsts = [r.line for r in ranges if r is not None]
    hits = sorted({1, 600} | {n for f in firsts[1:] for n in (f - 1, f)})  # both sides of every boundary
    for n in hits:
        lines[n - 1] = f"2026-01-01 10:00:00 INFO paid {CARD}".ljust(width - 1)
    (tmp_path / "app.log").write_text("\n".join(lines) + "\n")
    config = Config(as_of="2026-11-24", base_dir=tmp_path, sources=[
        PathSourceConfig(name="logs", kind="logs", path="app.*")])
    split = _execute(config, tmp_path / "split", workers=2, part_rows=5)
    one = _execute(config, tmp_path / "one", workers=1)
    assert _comparable(split) == _comparable(one) == _comparable(scan(config))
    assert [v.key for v in split.violations] == [str(n) for n in hits]
    assert {s.rows_scanned for s in split.sources} == {1200}


def _ordered_steps(config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: object = None
                   ) -> list[str]:
    """The step kinds in the order an inline run submits them."""
    from pipeline.engine import executors

    order: list[str] = []
    real = executors.Inline.submit

    def submit(self: executors.Inline, step: object) -> None:
        order.append(type(step).__name__)
        real(self, step)

    monkeypatch.setattr(executors.Inline, "submit", submit)
    Engine(config, tmp_path / WORK_DIR, ScanOptions(workers=1), context=context).run()
    return order


def test_the_link_step_runs_once_before_any_sweep_and_is_reused_by_a_linked_context(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.engine.context import ScanContext

    (tmp_path / "a.log").write_text("hello\n")
    config = Config(as_of="2026-11-24", base_dir=tmp_path, sources=[
        PathSourceConfig(name="logs", kind="logs", path="*.log")])
    context = ScanContext.build(config)
    order = _ordered_steps(config, tmp_path / "one", monkeypatch, context)
    assert order.count("Link") == 1 and order.index("Link") < order.index("Sweep")
    assert context.persons is not None  # the run left its index in the context ...
    again = _ordered_steps(config, tmp_path / "two", monkeypatch, context)
    assert "Link" not in again and "Sweep" in again  # ... and a second run with it links nothing again
