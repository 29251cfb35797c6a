"""The sweep benchmark's data and anchors on a small scale: what it plants, pdd finds, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks import sweep
from pipeline.config import Config, PathSourceConfig, SqlSourceConfig
from pipeline.engine.context import ScanContext

ROWS = 2000


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return sweep.build(tmp_path_factory.mktemp("bench"), ROWS)


def test_pdd_finds_every_planted_card_and_no_decoy(files: dict[str, Path]) -> None:
    sources = {"sqlite": SqlSourceConfig(name="sqlite", kind="sql", url=f"sqlite:///{files['sqlite']}"),
               **{k: PathSourceConfig(name=k, kind="logs", path=str(files[k]))
                  for k in ("plain", "jsonl", "access", "gzip")}}
    cfg = Config(as_of="2026-11-24", base_dir=files["sqlite"].parent, sources=list(sources.values()))
    ctx = ScanContext.build(cfg)
    for name, src in sources.items():
        rows, keys = sweep.pdd_scan(ctx, src)
        assert rows == ROWS, name
        assert keys == sweep.expected_keys(name, ROWS), name


def test_anchors_see_the_planted_cards(files: dict[str, Path]) -> None:
    # The anchors check Luhn only: they count the planted cards and the Luhn-valid decoys and order ids.
    planted = len(sweep.planted_at(ROWS))
    assert sweep.naive_file(files["jsonl"]) >= planted + ROWS // 1000
    assert sweep.naive_sqlite(files["sqlite"]) >= planted
    assert sweep.read_file(files["gzip"]) == files["jsonl"].stat().st_size
    if shutil.which("rg") and shutil.which("sqlite3"):
        # one ripgrep over several logs counts what the Python loop counts in each, gzip decompressed
        assert sweep.rg_o_logs([files["jsonl"]]) == sweep.naive_file(files["jsonl"])
        assert sweep.rg_o_logs([files["jsonl"], files["gzip"], files["access"]]) == (
            2 * sweep.naive_file(files["jsonl"]) + sweep.naive_file(files["access"]))
        assert sweep.rg_o_sqlite(files["sqlite"]) == sweep.naive_sqlite(files["sqlite"])
        assert sweep.read_sqlite_cli(files["sqlite"]) > files["sqlite"].stat().st_size // 2


def test_the_sweep_alone_and_the_cli_scan_find_every_planted_card(files: dict[str, Path], tmp_path: Path) -> None:
    """The two pdd rows of the table, per group: every planted card found, nothing else (the CLI on 2 workers)."""
    folder = sweep.log_folder(files, tmp_path, ROWS)
    sources = {"logs": {"name": "logs", "kind": "logs", "path": f"{folder}/*"},
               "sqlite": {"name": "sqlite", "kind": "sql", "url": f"sqlite:///{files['sqlite']}"}}
    ctx = ScanContext.build(sweep.config_of(tmp_path, sources))
    for group, src in sources.items():
        rows, keys = sweep.sweep_only(ctx, sweep.prepare_sweep(ctx, group))
        assert rows == ROWS * (3 if group == "logs" else 1), group
        assert keys == sweep.expected(group, ROWS), group
        keys, wall, cpu, rss = sweep.cli_scan(sweep.write_config(tmp_path, group, src), tmp_path / group, 2)
        assert keys == sweep.expected(group, ROWS), group
        assert wall > 0 and cpu > 0 and rss > 10


def test_extras_time_what_they_say(tmp_path: Path) -> None:
    """The 1,000-field timing's pieces on a small table: every column classified, the read anchor reads them all."""
    db = sweep.fields_db(tmp_path, fields=100, rows=30)
    fields, wall, cpu = sweep.classify_fields(tmp_path, db)
    assert fields == 101  # 100 columns and the id key
    assert wall > 0 and cpu > 0
    read, _, _ = sweep.read_samples(tmp_path, db)
    assert read == 101
    w, c = sweep.cpu_loop(1)
    assert w > 0 and c > 0


def test_cpu_seconds_count_the_anchors_child_processes() -> None:
    import subprocess
    import sys

    c0 = sweep._cpu_seconds()
    subprocess.run([sys.executable, "-c", "sum(range(3 * 10**7))"], check=True)  # CPU spent in a child only
    assert sweep._cpu_seconds() - c0 > 0.1
