"""`pdd scan` shows a progress bar on a terminal and plain lines elsewhere (pipeline/progress.py): the CLI is
run for real, once with stderr on a pseudo-terminal, once on a pipe; then the rendering alone, on a fake
terminal and a plain stream, and the sizes the engine gives it."""

from __future__ import annotations

import gzip
import io
import os
import pty
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from pipeline.config import Config, PathSourceConfig, SqlSourceConfig
from pipeline.engine.run import WORK_DIR, Engine, Progress, ScanOptions
from pipeline.progress import ScanDisplay, clock, summary, time_left

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def _config(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for i in range(3):
        rows = "\n".join(f"{n},user{n}@example.com,{n * 7 % 90}" for n in range(200))
        (data / f"signups{i}.csv").write_text("id,email,score\n" + rows + "\n")
    config = tmp_path / "pdd.yaml"
    config.write_text(f"as_of: 2026-11-24\nsources:\n  - name: exports\n    kind: files\n    path: {data}/*.csv\n")
    return config


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "200", "PYTHONPATH": str(REPO)}


def test_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    config = _config(tmp_path)
    master, slave = pty.openpty()
    proc = subprocess.Popen([*CLI, "scan", str(config), "--out", str(tmp_path / "out"), "--workers", "1"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, cwd=REPO, env=_env())
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.communicate(timeout=300)
    os.close(master)
    assert proc.returncode == 0
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode(errors="replace"))
    # the bar's last state: every unit, dataset and byte done, rows with their rate, elapsed time and ETA
    size = sum(f.stat().st_size for f in (tmp_path / "data").iterdir())
    kb = f"{size / 1000:.1f} kB"
    assert re.search(rf"sweeping .* 3/3 units \d+:\d\d:\d\d 3/3 datasets · {kb}/{kb} \([\d.,]+ \w+/s\) · "
                     r"600 rows \([\d,]+ rows/s\) · ETA 0:00:00", shown), shown
    assert "swept exports/" not in shown  # no per-dataset lines under the bar


def test_pipe_gets_plain_lines(tmp_path: Path) -> None:
    config = _config(tmp_path)
    proc = subprocess.run([*CLI, "scan", str(config), "--out", str(tmp_path / "out"), "--workers", "1"],
                          capture_output=True, text=True, cwd=REPO, env=_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [line for line in proc.stderr.splitlines() if line.startswith("swept")]
    assert sorted(line.split(" | ")[0] for line in lines) == [f"swept exports/signups{i}.csv: 200 rows"
                                                              for i in range(3)], proc.stderr
    # each line carries the run's progress: datasets and bytes done of those known, their rate, the time left
    size = sum(f.stat().st_size for f in (tmp_path / "data").iterdir())
    assert re.fullmatch(rf".* \| 3/3 datasets · {size / 1000:.1f} kB/{size / 1000:.1f} kB \([\d.,]+ \w+/s\) · "
                        r"ETA 0:00:00", lines[-1]), lines
    assert "sweeping" not in proc.stderr and "\x1b[" not in proc.stderr


# -- the rendering, without a subprocess: a fake terminal (Rich's force_terminal) and a plain stream ---------

def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=200, color_system=None), out


def _half_done(p: Progress, now: float) -> None:
    """Two of four datasets found; 1 MB of 3 MB and 40 of 100 table rows swept in the 10 s since sweeping began."""
    p.datasets, p.datasets_done, p.units, p.units_done, p.rows = 4, 2, 5, 2, 1_040
    p.size, p.size_done = {"bytes": 3_000_000, "rows": 100}, {"bytes": 1_000_000, "rows": 40}
    p.sweeping_since = now - 10


def test_summary_shows_datasets_bytes_table_rows_rates_and_the_slowest_measures_time_left() -> None:
    p = Progress()
    _half_done(p, 1000.0)
    # bytes: 2 MB left at 100 kB/s = 20 s; table rows: 60 left at 4 rows/s = 15 s; the slower one counts
    assert summary(p, now=1000.0) == ("2/4 datasets · 1.0 MB/3.0 MB (100.0 kB/s) · 40/100 table rows · "
                                      "1,040 rows (104 rows/s) · ETA 0:00:20")
    assert summary(p, records=False, now=1000.0) == ("2/4 datasets · 1.0 MB/3.0 MB (100.0 kB/s) · "
                                                     "40/100 table rows · ETA 0:00:20")


@pytest.mark.parametrize(("p", "left"), [
    (Progress(), None),                                                   # nothing known yet
    (Progress(units=4, units_done=1), 30.0),                              # no size known: by units
    (Progress(units=4, units_done=1, size={"bytes": 10}, size_done={}), 30.0),  # no sized unit done yet
    (Progress(units=4, units_done=4, size={"bytes": 10}, size_done={"bytes": 10}), 0.0),
    (Progress(size={"bytes": 100, "rows": 10}, size_done={"bytes": 50, "rows": 9}), 10.0),
])
def test_time_left(p: Progress, left: float | None) -> None:
    assert time_left(p, 10.0) == left


def test_before_the_first_sweep_there_is_no_rate_and_no_time_left() -> None:
    p = Progress(datasets=3, size={"bytes": 2_000})
    assert summary(p) == "0/3 datasets · 0 bytes/2.0 kB (-) · 0 rows (-) · ETA -:--:--"
    assert clock(3725.4) == "1:02:05"


def test_fake_terminal_gets_the_bar_and_only_failed_datasets_as_lines() -> None:
    console, written = _console(terminal=True)
    with ScanDisplay(console) as display:
        p = display.progress
        _half_done(p, time.monotonic())
        p.changed(p)
        p.dataset_done("exports", "a.csv", 20, 0, False)
        p.dataset_done("app_db", "notes", 20, 0, True)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", written.getvalue())
    assert re.search(r"sweeping .* 2/5 units \d:\d\d:\d\d 2/4 datasets · 1\.0 MB/3\.0 MB \(\d+\.\d kB/s\) · "
                     r"40/100 table rows · 1,040 rows \(\d+ rows/s\) · ETA 0:00:\d\d", shown), shown
    assert "swept app_db/notes: 20 rows, error (see the report)" in shown
    assert "a.csv" not in shown


def test_plain_stream_gets_a_line_per_dataset_with_the_runs_progress() -> None:
    console, written = _console(terminal=False)
    with ScanDisplay(console) as display:
        p = display.progress
        _half_done(p, time.monotonic())
        p.dataset_done("web_logs", "api.log.2.gz", 1_000, 3, False)
    out = written.getvalue()
    assert re.fullmatch(r"swept web_logs/api\.log\.2\.gz: 1,000 rows \| 2/4 datasets · 1\.0 MB/3\.0 MB "
                        r"\(\d+\.\d kB/s\) · 40/100 table rows · ETA 0:00:\d\d\n", out), out
    assert "sweeping" not in out and "\x1b[" not in out


def test_sizes_are_known_before_the_sweep_and_split_over_the_units(tmp_path: Path) -> None:
    """A log split into byte ranges, a gzipped log (its compressed bytes) and a table split into key ranges:
    the units' shares add up to the dataset's size, and a finished run has swept all of it."""
    logs = tmp_path / "logs"
    logs.mkdir()
    lines = "".join(f'10.0.0.{i % 250} - - [24/Nov/2026:10:00:00 +0000] "GET /p/{i} HTTP/1.1" 200 5 "-" "x"\n'
                    for i in range(3000))
    (logs / "access.log").write_text(lines)
    with gzip.open(logs / "old.log.gz", "wt") as f:
        f.write(lines)
    db = tmp_path / "app.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, f"order {i}") for i in range(1, 1001)])
    config = Config(as_of="2026-11-24", sources=[
        PathSourceConfig(name="web", kind="logs", path=str(logs / "*")),
        SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")])
    progress = Progress()
    engine = Engine(config, tmp_path / "out" / WORK_DIR, ScanOptions(workers=1, part_rows=300), progress)
    engine.run()
    disk = sum(f.stat().st_size for f in logs.iterdir())
    assert progress.size == progress.size_done == {"bytes": disk, "rows": 1000}
    units = {d: engine.store.units(s, d) for s, d in [("web", "access.log"), ("web", "old.log.gz"), ("db", "t")]}
    assert len(units["access.log"]) > 1 and len(units["t"]) == 4 and len(units["old.log.gz"]) == 1
    assert sum(u.size for u in units["access.log"]) == (logs / "access.log").stat().st_size
    assert [u.size for u in units["old.log.gz"]] == [(logs / "old.log.gz").stat().st_size]
    assert [u.size for u in units["t"]] == [250, 250, 250, 250]
    assert {u.measure for us in units.values() for u in us} == {"bytes", "rows"}
