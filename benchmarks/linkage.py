"""Linkage benchmark: the sweep with and without the person linkage (issue 14), rows/s and peak memory.

    .venv/bin/python benchmarks/linkage.py [--rows 1000000] [--workdir /tmp/pdd-bench] [--linkage]

Builds (once, cached in --workdir) a SQLite table of 9 text columns and a
JSON-lines log of the same number of records, shaped like the demo data (most
values hold digits: order ids, phones, timestamps), with a card number planted
every 100,000 records; then scans each with pdd and prints one line per
dataset. Every record references an account (``user_id``, ``user.id``: no
foreign key, so the linkage infers the link from name and values); with
``--linkage`` an accounts table (one account per 20 records, 1% terminated
past the retention window, 0.2% under 16) is scanned too, so the linkage's
first pass and its per-record lookups are on: run it with and without to see
what the linkage costs. Results are recorded by hand in docs/benchmarks.md.
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
from pipeline.engine.context import ScanContext
from pipeline.engine.run import scan
from pipeline.linkage.index import build_index


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


COLS = ["id", "email", "phone", "ip", "ts", "note", "sku", "amount", "ua", "status", "user_id"]


def _accounts(rows: int) -> int:
    return max(rows // 20, 10)


def _user(i: int, rows: int) -> int:
    return 1 + (i * 7919) % _accounts(rows)  # no draw from rng: the other columns stay as they were


def build(workdir: Path, rows: int) -> tuple[Path, Path]:
    workdir.mkdir(parents=True, exist_ok=True)
    db, log = workdir / f"bench-u-{rows}.db", workdir / f"bench-u-{rows}.jsonl"
    rng = random.Random(1)
    if not db.exists():
        conn = sqlite3.connect(db)
        conn.execute(f"CREATE TABLE events ({COLS[0]} INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in COLS[1:])})")
        conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * len(COLS))})",
                         ((*_row(i, rng), _user(i, rows)) for i in range(rows)))
        conn.commit()
        conn.close()
    if not log.exists():
        with log.open("w") as fh:
            for i in range(rows):
                r = _row(i, rng)
                fh.write(json.dumps({"user": {"id": _user(i, rows), "email": r[1], "phone": r[2]}, "ip": r[3],
                                     "ts": r[4],
                                     "msg": r[5], "sku": r[6]}) + "\n")
    return db, log


def build_accounts(workdir: Path, rows: int) -> Path:
    path = workdir / f"bench-accounts-{rows}.db"
    if not path.exists():
        rng = random.Random(2)
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT, date_of_birth TEXT, status TEXT, "
                     "terminated_at TEXT)")
        conn.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?, ?)", (
            (a, f"user{a}@example.in",
             f"{2013 if rng.random() < 0.002 else rng.randrange(1950, 2005)}"
             f"-0{rng.randrange(1, 10)}-1{rng.randrange(10)}",
             *(("terminated", f"2026-0{rng.randrange(1, 5)}-1{rng.randrange(10)} 10:00:00") if rng.random() < 0.01
               else ("active", None)))
            for a in range(1, _accounts(rows) + 1)))
        conn.commit()
        conn.close()
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/pdd-bench"))
    ap.add_argument("--linkage", action="store_true", help="Add the accounts table: the linkage is on.")
    args = ap.parse_args()
    db, log = build(args.workdir, args.rows)
    sources = [SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}"),
               PathSourceConfig(name="logs", kind="logs", path=str(log))]
    if args.linkage:
        sources.append(SqlSourceConfig(name="crm", kind="sql",
                                       url=f"sqlite:///{build_accounts(args.workdir, args.rows)}"))
    cfg = Config(as_of="2026-11-24", base_dir=args.workdir, sources=sources)
    ctx = ScanContext.build(cfg)
    ctx.classifier  # noqa: B018 - build the engine outside the timings
    t0 = time.perf_counter()
    index = ctx.persons = build_index(ctx)  # the link step (the account datasets), as the engine runs it first
    print(f"linkage first pass: {time.perf_counter() - t0:.1f}s, "
          + ", ".join(f"{a.id}: {a.rows:,} accounts, {len(a.ended):,} terminated past the window, "
                      f"{len(a.under16):,} under 16" for a in index.accounts)
          if index.accounts else "no account dataset")
    for src_cfg, size in ((cfg.sources[0], db.stat().st_size), (cfg.sources[1], log.stat().st_size)):
        t0 = time.perf_counter()
        report = scan(cfg, sources=[src_cfg.name], context=ctx)
        dt = time.perf_counter() - t0
        for s in report.sources:
            found = [v for v in report.violations if v.source == s.name]
            by_rule = {r: sum(v.rule == r for v in found) for r in sorted({v.rule for v in found})}
            print(f"{src_cfg.kind:5} {s.name:22} rows={s.rows_scanned:,} violations={by_rule} "
                  f"time={dt:.1f}s rows/s={s.rows_scanned / dt:,.0f} MB/s={size / dt / 1e6:.1f}"
                  + (f" error={s.error}" if s.error else ""))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
