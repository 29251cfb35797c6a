"""Sweep benchmark: rows/s and MB/s of the exhaustive rule sweep, and peak memory.

    .venv/bin/python benchmarks/sweep.py [--rows 1000000] [--workdir /tmp/pdd-bench]

Builds (once, cached in --workdir) a SQLite table of 9 text columns and a
JSON-lines log of the same number of records, shaped like the demo data (most
values hold digits: order ids, phones, timestamps), with a card number planted
every 100,000 records; then scans each with pdd and prints one line per
dataset. Results are recorded by hand in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import time
from pathlib import Path

from stdnum import luhn

from pipeline.config import Config, PathSourceConfig, SqlSourceConfig
from pipeline.scan import Scanner


def _card(rng: random.Random) -> str:
    body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    return body + luhn.calc_check_digit(body)


def _row(i: int, rng: random.Random) -> tuple:
    note = f"order {rng.randrange(10**15, 10**16)} shipped to pin {rng.randrange(100000, 999999)}"
    if i % 100_000 == 50_000:
        note = f"customer card {_card(rng)} please refund"
    return (i, f"user{i}@example.in", f"+91 9{rng.randrange(10**8, 10**9)}", f"10.{i % 250}.{i // 250 % 250}.7",
            f"2026-11-{1 + i % 28:02d}T10:{i % 60:02d}:00Z", note, f"SKU-{i % 9973:05d}",
            f"{rng.randrange(1, 10**6) / 100:.2f}", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36", "ok")


COLS = ["id", "email", "phone", "ip", "ts", "note", "sku", "amount", "ua", "status"]


def build(workdir: Path, rows: int) -> tuple[Path, Path]:
    workdir.mkdir(parents=True, exist_ok=True)
    db, log = workdir / f"bench-{rows}.db", workdir / f"bench-{rows}.jsonl"
    rng = random.Random(1)
    if not db.exists():
        conn = sqlite3.connect(db)
        conn.execute(f"CREATE TABLE events ({COLS[0]} INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in COLS[1:])})")
        conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * len(COLS))})",
                         (_row(i, rng) for i in range(rows)))
        conn.commit()
        conn.close()
    if not log.exists():
        with log.open("w") as fh:
            for i in range(rows):
                r = _row(i, rng)
                fh.write(json.dumps({"user": {"email": r[1], "phone": r[2]}, "ip": r[3], "ts": r[4],
                                     "msg": r[5], "sku": r[6]}) + "\n")
    return db, log


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/pdd-bench"))
    args = ap.parse_args()
    db, log = build(args.workdir, args.rows)
    cfg = Config(as_of="2026-11-24", base_dir=args.workdir, sources=[
        SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}"),
        PathSourceConfig(name="logs", kind="logs", path=str(log))])
    scanner = Scanner(cfg)
    scanner.classifier  # noqa: B018 - build the engine outside the timings
    for src_cfg, size in ((cfg.sources[0], db.stat().st_size), (cfg.sources[1], log.stat().st_size)):
        t0 = time.perf_counter()
        res = scanner.scan_source(src_cfg)
        dt = time.perf_counter() - t0
        for d in res.datasets:
            print(f"{src_cfg.kind:5} {d.dataset:22} rows={d.rows:,} violations={len(d.violations)} "
                  f"time={dt:.1f}s rows/s={d.rows / dt:,.0f} MB/s={size / dt / 1e6:.1f}"
                  + (f" error={d.error}" if d.error else ""))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
