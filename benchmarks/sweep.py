"""Sweep benchmark: pdd's full scan beside the anchors it must be measured against, in the same run.

    .venv/bin/python benchmarks/sweep.py [--rows 1000000] [--rounds 3] [--workdir /tmp/pdd-bench]
                                         [--no-pg] [--no-rss] [--rss-mb 1024] [--workers N]
    .venv/bin/python benchmarks/sweep.py --extras-only [--rounds 3]   # 1,000-field classification + demo scan only

Builds (once, cached in --workdir) data shaped like the worst realistic case
(every record holds digits: 16-digit order ids, phones, timestamps; Luhn-valid
decoys that are no card):

- a SQLite table of 9 text columns (plus the integer key), ``--rows`` rows;
- three logs of ``--rows`` lines each: plain text, JSON lines, an nginx access
  log; and a gzip copy of the JSON lines;
- the same table copied into PostgreSQL (127.0.0.1:5432, database
  ``pdd_bench``) unless ``--no-pg``;
- a ~1 GB log for the peak-RSS check, scanned in a child process.

Twenty cards are planted in each of the SQLite table and the three logs (80),
in the groupings people write them in. Per dataset and round it times:

- ``pdd``: the engine in one process (``pipeline.engine.run.scan``: sampled classification + the full sweep);
- ``rg+luhn``: ripgrep's candidate matches (``-o``), Luhn-checked in Python
  (for SQLite: ``sqlite3`` prints the table into ripgrep);
- ``python re``: a naive single-process sweep, Python ``re`` + Luhn;
- ``read``: the floor: a plain read of the file (gunzip for .gz), ``sqlite3``
  printing the table, a server-side (named cursor) fetch on PostgreSQL;
- ``pdd -jN`` (logs): the scan as ``pdd scan --workers N`` runs it (default:
  every core; forked workers, large plain and JSON-lines logs in byte ranges),
  printed in a second table beside the one-process time.

Rounds are interleaved (every method once per round) and the median of the
rounds is printed with the ratio pdd time / anchor time (below 1: pdd is
faster). A missing anchor tool (rg, sqlite3, PostgreSQL) is said, not skipped
silently. Absolute times on shared machines drift by 2-5x between runs; the
ratios in one run are the figures to compare (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from stdnum import luhn

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.config import Config, PathSourceConfig, SqlSourceConfig  # noqa: E402 - after the sys.path line above, run as a script
from pipeline.engine import dataset as work  # noqa: E402 - after the sys.path line above, run as a script
from pipeline.engine.context import ScanContext  # noqa: E402 - after the sys.path line above, run as a script
from pipeline.engine.run import PART_ROWS, Engine, ScanOptions, default_workers, scan  # noqa: E402 - after the sys.path line above, run as a script
from pipeline.sources.logs import BYTES_PER_LINE  # noqa: E402 - after the sys.path line above, run as a script

PART_BYTES = PART_ROWS * BYTES_PER_LINE

PLANTED_PER_DATASET = 20
PG_DB = "pdd_bench"
PG_URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/{PG_DB}"
#: The anchors' candidate: 13-19 digits with optional single space/dash separators.
RG_PATTERN = r"[0-9](?:[ -]?[0-9]){12,22}"
_NAIVE = re.compile(RG_PATTERN)
_SEP = str.maketrans("", "", " -")


# ---------------------------------------------------------------- data


def _card(rng: random.Random, i: int) -> str:
    """A planted card: Visa/Mastercard/Amex in the groupings people write them in."""
    kind = i % 4
    if kind == 3:  # Amex 4-6-5
        body = "37" + "".join(rng.choice("0123456789") for _ in range(12))
        d = body + luhn.calc_check_digit(body)
        return f"{d[:4]} {d[4:10]} {d[10:]}"
    prefix = "4" if kind != 1 else "5" + rng.choice("12345")
    body = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
    d = body + luhn.calc_check_digit(body)
    if kind == 2:
        return "-".join(d[j : j + 4] for j in range(0, 16, 4))
    return d


def _decoy(rng: random.Random) -> str:
    """A Luhn-valid 16-digit number in no issuer range (a gift-card or loyalty number)."""
    body = "9" + "".join(rng.choice("0123456789") for _ in range(14))
    return body + luhn.calc_check_digit(body)


def planted_at(rows: int) -> set[int]:
    """The 0-based record numbers that hold a planted card."""
    step = rows // PLANTED_PER_DATASET
    return {k * step + step // 2 for k in range(PLANTED_PER_DATASET)}


def _row(i: int, rng: random.Random, planted: set[int]) -> tuple:
    note = f"order {rng.randrange(10**15, 10**16)} shipped to pin {rng.randrange(100000, 999999)}"
    if i in planted:
        note = f"customer card {_card(rng, i)} please refund"
    elif i % 1000 == 7:
        note = f"loyalty no {_decoy(rng)} credited"
    return (i, f"user{i}@example.in", f"+91 9{rng.randrange(10**8, 10**9)}", f"10.{i % 250}.{i // 250 % 250}.7",
            f"2026-11-{1 + i % 28:02d}T10:{i % 60:02d}:00Z", note, f"SKU-{i % 9973:05d}",
            f"{rng.randrange(1, 10**6) / 100:.2f}", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36", "ok")


COLS = ["id", "email", "phone", "ip", "ts", "note", "sku", "amount", "ua", "status"]


def _lines(kind: str, rows: int) -> object:
    rng = random.Random(2)
    planted = planted_at(rows)
    for i in range(rows):
        r = _row(i, rng, planted)
        if kind == "jsonl":
            yield json.dumps({"user": {"email": r[1], "phone": r[2]}, "ip": r[3], "ts": r[4],
                              "msg": r[5], "sku": r[6]}) + "\n"
        elif kind == "access":
            day = 1 + i % 28
            # the note's number in the query string, unseparated (a URL has no spaces)
            number = re.search(r"[0-9][0-9 -]{11,}[0-9]", r[5]).group().translate(_SEP)
            what = "card" if i in planted else "loyalty" if i % 1000 == 7 else "order"
            yield (f'{r[3]} - - [{day:02d}/Nov/2026:10:{i % 60:02d}:00 +0530] "GET /api/refund?sku={r[6]}&{what}='
                   f'{number} HTTP/1.1" 200 {512 + i % 4096} "-" "{r[8]}"\n')
        else:
            yield f"{r[4]} INFO {r[5]} for {r[1]} from {r[3]} amount {r[7]}\n"


def build(workdir: Path, rows: int) -> dict[str, Path]:
    """The benchmark's files (built once per row count)."""
    workdir.mkdir(parents=True, exist_ok=True)
    out = {"sqlite": workdir / f"bench-{rows}.db"}
    if not out["sqlite"].exists():
        tmp = out["sqlite"].with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        conn.execute(f"CREATE TABLE events ({COLS[0]} INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in COLS[1:])})")
        rng = random.Random(1)
        planted = planted_at(rows)
        conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * len(COLS))})",
                         (_row(i, rng, planted) for i in range(rows)))
        conn.commit()
        conn.close()
        tmp.rename(out["sqlite"])
    for kind, ext in (("plain", "log"), ("jsonl", "jsonl"), ("access", "access.log")):
        path = workdir / f"bench-{rows}-{kind}.{ext}"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            with tmp.open("w") as fh:
                fh.writelines(_lines(kind, rows))
            tmp.rename(path)
        out[kind] = path
    gz = workdir / f"bench-{rows}-jsonl.jsonl.gz"
    if not gz.exists():
        tmp = gz.with_suffix(".tmp")
        with out["jsonl"].open("rb") as src, gzip.open(tmp, "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        tmp.rename(gz)
    out["gzip"] = gz
    return out


def build_big(workdir: Path, megabytes: int) -> Path:
    """A plain-text log of about ``megabytes`` MB for the RSS check (cards planted as above)."""
    rows = megabytes * 1_000_000 // 130  # a plain line is ~130 bytes
    path = workdir / f"big-{megabytes}mb.log"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with tmp.open("w") as fh:
            fh.writelines(_lines("plain", rows))
        tmp.rename(path)
    return path


def build_pg(db: Path) -> str | None:
    """Copy the SQLite table into PostgreSQL (once); None when PostgreSQL cannot be reached."""
    try:
        import psycopg
    except ImportError:
        return "psycopg not installed"
    try:
        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as c:
            if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (PG_DB,)).fetchone():
                c.execute(f"CREATE DATABASE {PG_DB}")
        with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={PG_DB}") as c:
            have = c.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'events'").fetchone()[0]
            src = sqlite3.connect(db)
            n = src.execute("SELECT count(*) FROM events").fetchone()[0]
            if have and c.execute("SELECT count(*) FROM events").fetchone()[0] == n:
                return None
            c.execute("DROP TABLE IF EXISTS events")
            c.execute(f"CREATE TABLE events (id BIGINT PRIMARY KEY, {', '.join(x + ' TEXT' for x in COLS[1:])})")
            with c.cursor().copy(f"COPY events ({', '.join(COLS)}) FROM STDIN") as cp:
                for row in src.execute("SELECT * FROM events"):
                    cp.write_row(row)
            c.execute("ANALYZE events")
    except Exception as exc:  # noqa: BLE001 - any failure means "no PostgreSQL anchor", said below
        return f"PostgreSQL not reachable ({type(exc).__name__})"
    return None


# ---------------------------------------------------------------- anchors


def _luhn_candidates(lines: object) -> int:
    """Luhn-valid 13-19 digit candidates among ``lines`` of text (the anchors' check)."""
    hits = 0
    for cand in lines:
        d = cand.translate(_SEP)
        if 13 <= len(d) <= 19 and luhn.is_valid(d):
            hits += 1
    return hits


def rg_luhn(cmd_in: list[str] | None, path: Path | None) -> int:
    """ripgrep's candidates (``-o``) over a file, or over a command's output, Luhn-checked."""
    rg = ["rg", "--no-filename", "--no-line-number", "-o", "-a", "-e", RG_PATTERN]
    if path is not None and path.suffix == ".gz":
        rg.insert(1, "-z")
    producer = subprocess.Popen(cmd_in, stdout=subprocess.PIPE) if cmd_in else None
    proc = subprocess.Popen(rg + ([] if producer else [str(path)]), stdin=producer.stdout if producer else None,
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    if producer:
        producer.stdout.close()
    hits = _luhn_candidates(line.rstrip("\n") for line in proc.stdout)
    proc.wait()
    if producer:
        producer.wait()
    return hits


def naive_file(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        return _luhn_candidates(m.group() for line in fh for m in _NAIVE.finditer(line))


def naive_sqlite(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute("SELECT * FROM events")
    return _luhn_candidates(m.group() for row in rows for v in row if isinstance(v, str) for m in _NAIVE.finditer(v))


def read_file(path: Path) -> int:
    """The floor: every byte read (gzip through ISA-L when installed, as pdd reads it)."""
    opener = _fast_gzip_open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += len(chunk)
    return n


def _fast_gzip_open(path: Path, mode: str) -> object:
    try:
        from isal import igzip
    except ImportError:
        return gzip.open(path, mode)
    return igzip.open(path, mode)


def sqlite_dump_cmd(db: Path) -> list[str]:
    return ["sqlite3", "-readonly", str(db), "SELECT * FROM events"]


def read_sqlite_cli(db: Path) -> int:
    return len(subprocess.run(sqlite_dump_cmd(db), stdout=subprocess.PIPE, check=True).stdout)


def read_pg() -> int:
    import psycopg

    n = 0
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={PG_DB}") as c, c.cursor(name="floor") as cur:
        cur.itersize = 5000
        cur.execute("SELECT * FROM events")
        for _ in cur:
            n += 1
    return n


# ---------------------------------------------------------------- pdd


def pdd_scan(ctx: ScanContext, cfg: object) -> tuple[int, set[str]]:
    """Scan one source in one process; (records, keys of the full_card_number violations)."""
    name = cfg.name
    report = scan(ctx.config, sources=[name], context=ctx)
    for s in report.sources:
        if s.error:
            raise SystemExit(f"pdd failed on {name}: {s.error}")
    return (sum(s.rows_scanned for s in report.sources),
            {v.key for v in report.violations if v.rule == "full_card_number"})


def pdd_workers(ctx: ScanContext, cfg: Config, name: str, workers: int, workdir: Path,
                part_rows: int = PART_ROWS) -> tuple[int, set[str]]:
    """Scan one source as ``pdd scan --workers N`` does (pipeline/engine: forked workers, a large plain
    log split into byte ranges); the context is built once outside the timing, as for the ``pdd`` column."""
    engine = Engine(cfg, workdir / f"exec-{name}", ScanOptions(workers=workers, sources=(name,),
                                                               part_rows=part_rows), context=ctx)
    report = engine.run()
    engine.clean()
    for s in report.sources:
        if s.status != "ok":
            raise SystemExit(f"pdd --workers {workers} failed on {name}: {s.status}")
    return 0, {v.key for v in report.violations if v.rule == "full_card_number" and v.source == name}


def expected_keys(kind: str, rows: int) -> set[str]:
    # SQLite and PostgreSQL key records by their integer key (0-based here); logs by 1-based line number
    return {str(i if kind in ("sqlite", "pg") else i + 1) for i in planted_at(rows)}


def scan_one_child(path: Path) -> None:
    """Child mode for the RSS check: scan one log and print time and peak RSS as JSON."""
    cfg = Config(as_of="2026-11-24", base_dir=path.parent,
                 sources=[PathSourceConfig(name="big", kind="logs", path=str(path))])
    t0 = time.perf_counter()
    rows, keys = pdd_scan(ScanContext.build(cfg), cfg.sources[0])
    print(json.dumps({"rows": rows, "cards": len(keys), "seconds": time.perf_counter() - t0,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/pdd-bench"))
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    ap.add_argument("--no-rss", action="store_true", help="skip the 1 GB peak-RSS check")
    ap.add_argument("--rss-mb", type=int, default=1024, help="size of the RSS check's log")
    ap.add_argument("--no-extras", action="store_true", help="skip the 1,000-field classification and demo timings")
    ap.add_argument("--extras-only", action="store_true",
                    help="only the 1,000-field classification and the demo scan, beside their anchors")
    ap.add_argument("--calibrate", action="store_true", help="time the cpu anchor alone (for CPU_LOOP_IDLE_S)")
    ap.add_argument("--workers", type=int, default=default_workers(),
                    help="also time logs as `pdd scan --workers N` runs them (default: every core, as the CLI); "
                         "0 or 1: the one-process column only")
    ap.add_argument("--only", default="", help="comma-separated datasets (sqlite,pg,plain,jsonl,access,gzip)")
    ap.add_argument("--scan-one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scan_one:
        scan_one_child(args.scan_one)
        return

    if args.calibrate:
        print(calibrate())
        return
    if args.extras_only:
        print(extras(args.workdir, args.rounds))
        print(f"\nhardware: {os.cpu_count()} cores, {_cpu()}, Python {sys.version.split()[0]}")
        return

    files = build(args.workdir, args.rows)
    missing = [t for t in ("rg", "sqlite3") if shutil.which(t) is None]
    for tool in missing:
        print(f"ANCHOR TOOL MISSING: {tool} (apt-get install {'ripgrep' if tool == 'rg' else 'sqlite3'}); "
              "its anchors are not measured")
    pg_problem = "skipped (--no-pg)" if args.no_pg else build_pg(files["sqlite"])
    if pg_problem:
        print(f"PostgreSQL anchor and scan: {pg_problem}")

    sources = {
        "sqlite": SqlSourceConfig(name="sqlite", kind="sql", url=f"sqlite:///{files['sqlite']}"),
        **{k: PathSourceConfig(name=k, kind="logs", path=str(files[k])) for k in ("plain", "jsonl", "access", "gzip")},
    }
    if not pg_problem:
        sources["pg"] = SqlSourceConfig(name="pg", kind="sql", url=PG_URL)
    if args.only:
        sources = {k: v for k, v in sources.items() if k in args.only.split(",")}
    cfg = Config(as_of="2026-11-24", base_dir=args.workdir, sources=list(sources.values()))
    ctx = ScanContext.build(cfg)
    ctx.classifier  # noqa: B018 - build the engine outside the timings

    methods: dict[str, dict[str, Callable[[], object]]] = {}
    jn = f"pdd -j{args.workers}"
    for name, src in sources.items():
        m: dict[str, Callable[[], object]] = {"pdd": lambda src=src: pdd_scan(ctx, src)}
        if name == "pg":
            m["read"] = read_pg
        elif name == "sqlite":
            db = files["sqlite"]
            m["python re"] = lambda db=db: naive_sqlite(db)
            if "sqlite3" not in missing:
                m["read"] = lambda db=db: read_sqlite_cli(db)
                if "rg" not in missing:
                    m["rg+luhn"] = lambda db=db: rg_luhn(sqlite_dump_cmd(db), None)
        else:
            p = files[name]
            m["python re"] = lambda p=p: naive_file(p)
            m["read"] = lambda p=p: read_file(p)
            if "rg" not in missing:
                m["rg+luhn"] = lambda p=p: rg_luhn(None, p)
        if args.workers > 1:
            m[jn] = lambda name=name: pdd_workers(ctx, cfg, name, args.workers, args.workdir)
        methods[name] = m

    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}  # this process + its finished children (sqlite3, rg)
    results: dict[str, tuple[int, set[str]]] = {}
    for r in range(args.rounds):
        for name, m in methods.items():
            for method, fn in m.items():
                t0, c0 = time.perf_counter(), _cpu_seconds()
                out = fn()
                times.setdefault((name, method), []).append(time.perf_counter() - t0)
                cpu.setdefault((name, method), []).append(_cpu_seconds() - c0)
                if method in ("pdd", jn):
                    results[name if method == "pdd" else f"{name} {jn}"] = out
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)

    print(f"\nmedian of {args.rounds} interleaved rounds; ratio = pdd time / anchor time (< 1: pdd faster)\n")
    print(f"{'dataset':8} {'size MB':>8} {'pdd s':>7} {'MB/s':>7}  " + "  ".join(
        f"{a:>16}" for a in ("rg+luhn", "python re", "read")) + "  cards found  false")
    total_found = total_false = total_planted = 0
    for name in methods:
        size = (files["sqlite"] if name == "pg" else files[name]).stat().st_size / 1e6
        pdd_t = statistics.median(times[(name, "pdd")])
        cells = []
        for a in ("rg+luhn", "python re", "read"):
            if (name, a) in times:
                at = statistics.median(times[(name, a)])
                cells.append(f"{at:6.2f}s {pdd_t / at:6.2f}x")
            else:
                cells.append(f"{'n/a':>16}")
        _, keys = results[name]
        want = expected_keys(name, args.rows)
        found, false = len(keys & want), len(keys - want)
        total_found, total_false, total_planted = total_found + found, total_false + false, total_planted + len(want)
        print(f"{name:8} {size:8.0f} {pdd_t:7.2f} {size / pdd_t:7.1f}  " + "  ".join(cells)
              + f"  {found:>5}/{len(want):<5} {false:>5}")
    print("\nCPU seconds (this process and the anchors' child processes; not the PostgreSQL server's), median;"
          "\nratio = pdd CPU / anchor CPU: steadier than wall time when other jobs share the cores, and fair to"
          "\npipelines of several processes, which get more of an oversubscribed machine's CPU than one process\n")
    print(f"{'dataset':8} {'pdd cpu':>8}  " + "  ".join(f"{a:>16}" for a in ("rg+luhn", "python re", "read")))
    for name in methods:
        pdd_c = statistics.median(cpu[(name, "pdd")])
        cells = [f"{statistics.median(cpu[(name, a)]):6.2f}s "
                 f"{pdd_c / max(statistics.median(cpu[(name, a)]), 1e-3):6.2f}x"
                 if (name, a) in cpu else f"{'n/a':>16}" for a in ("rg+luhn", "python re", "read")]
        print(f"{name:8} {pdd_c:7.2f}s  " + "  ".join(cells))
    if any((name, jn) in times for name in methods):
        print(f"\nas the CLI runs them: `pdd scan --workers {args.workers}` (forked workers; tables split into key "
              f"ranges of {PART_ROWS:,} rows, plain logs and JSON lines into byte ranges of "
              f"~{PART_BYTES // 1_000_000} MB; "
              "gzip is one part)\n")
        print(f"{'dataset':8} {'pdd s':>7} {jn + ' s':>10} {'speedup':>8}  {'vs rg+luhn':>10}  {'vs read':>8}  "
              "cards found  false")
        for name in methods:
            if (name, jn) not in times:
                continue
            one, many = statistics.median(times[(name, "pdd")]), statistics.median(times[(name, jn)])
            vs = f"{many / statistics.median(times[(name, 'rg+luhn')]):9.2f}x" if (name, "rg+luhn") in times else "n/a"
            vr = f"{many / statistics.median(times[(name, 'read')]):7.2f}x" if (name, "read") in times else "n/a"
            _, keys = results[f"{name} {jn}"]
            want = expected_keys(name, args.rows)
            found, false = len(keys & want), len(keys - want)
            total_found, total_false = total_found + found, total_false + false
            total_planted += len(want)
            print(f"{name:8} {one:7.2f} {many:10.2f} {one / many:7.2f}x  {vs:>10}  {vr:>8}  {found:>5}/{len(want):<5} "
                  f"{false:>5}")
    print(f"\nplanted cards found {total_found}/{total_planted}, false ones {total_false}")
    print(f"peak RSS of this process (every source above, engine included): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    if not args.no_rss:
        big = build_big(args.workdir, args.rss_mb)
        child = subprocess.run([sys.executable, __file__, "--scan-one", str(big)], stdout=subprocess.PIPE,
                               text=True, check=True)
        res = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"RSS check: {big.stat().st_size / 1e6:.0f} MB log, {res['rows']:,} lines, {res['seconds']:.1f} s, "
              f"cards {res['cards']}, peak RSS {res['peak_rss_mb']:.0f} MB (target < 500 MB)")
    if not args.no_extras:
        print(classification_1000(args.workdir))
        print(demo_scan(args.workdir))
    print(f"\nhardware: {os.cpu_count()} cores, {_cpu()}, Python {sys.version.split()[0]}")


def fields_db(workdir: Path, fields: int = 1000, rows: int = 300) -> Path:
    """``fields`` text columns of values of 10 kinds: SQLite tables of 100 columns (plus an id key), ``rows`` rows."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"fields-{fields}.db"
    if not db.exists():
        rng = random.Random(3)
        makers = [lambda i: f"user{i}@example.in", lambda i: f"+91 9{rng.randrange(10**8, 10**9)}",
                  lambda i: f"10.{i % 250}.{i % 7}.7", lambda i: f"2026-11-{1 + i % 28:02d}T10:00:00Z",
                  lambda i: f"order {rng.randrange(10**9, 10**10)}", lambda i: f"SKU-{i % 9973:05d}",
                  lambda i: str(rng.randrange(1, 10**6)), lambda i: rng.choice(["Asha Rao", "Vikram Singh", "Li Wei"]),
                  lambda i: f"{rng.randrange(1, 28)} MG Road, Pune", lambda i: "Mozilla/5.0 (Linux; Android 14)"]
        tmp = db.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        for t in range(fields // 100):
            cols = [f"c{t}_{j}" for j in range(100)]
            conn.execute(f"CREATE TABLE t{t} (id INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in cols)})")
            conn.executemany(f"INSERT INTO t{t} VALUES ({', '.join('?' * 101)})",
                             ([i] + [makers[(t + j) % 10](i) for j in range(100)] for i in range(rows)))
        conn.commit()
        conn.close()
        tmp.rename(db)
    return db


def _wide_config(workdir: Path, db: Path) -> Config:
    return Config(as_of="2026-11-24", base_dir=workdir,
                  sources=[SqlSourceConfig(name="wide", kind="sql", url=f"sqlite:///{db}")])


def classify_fields(workdir: Path, db: Path) -> tuple[int, float, float]:
    """(fields, wall s, CPU s) of the sampled classification of every table in ``db``, the engine built inside."""
    w0, c0 = time.perf_counter(), time.process_time()
    ctx = ScanContext.build(_wide_config(workdir, db))
    source = ctx.open(ctx.config.sources[0])
    n = sum(len(work.classify(ctx, source, ds).fields) for ds in source.datasets())
    source.close()
    return n, time.perf_counter() - w0, time.process_time() - c0


def read_samples(workdir: Path, db: Path) -> tuple[int, float, float]:
    """Anchor: the same samples read by the same reader (``Dataset.sample``), nothing classified."""
    w0, c0 = time.perf_counter(), time.process_time()
    ctx = ScanContext.build(_wide_config(workdir, db))
    source = ctx.open(ctx.config.sources[0])
    size = ctx.config.classification.sample_size
    n = sum(len(ds.sample(size)) for ds in source.datasets())
    source.close()
    return n, time.perf_counter() - w0, time.process_time() - c0


#: The CPU anchor's fixed work: Python bytecode, dicts and regexes, like classification's own mix.
_CPU_TEXTS = [f"user{i}@example.in +91 98{i:08d} 10.{i % 250}.0.7 MG Road {i}" for i in range(2_000)]
_CPU_RE = re.compile(r"\b(\w+)@(\w+)\.in\b|\+91 (\d{10})|(\d+)\.(\d+)\.(\d+)\.(\d+)")


#: The CPU anchor's time on an idle core of this machine (AMD EPYC, Python 3.11.7): the fastest of the runs of
#: 2026-12-01 (40 repeats, 0.20 s). Recalibrate on other hardware: ``python benchmarks/sweep.py --calibrate``.
CPU_LOOP_IDLE_S = 0.20


def cpu_loop(repeat: int = 40) -> tuple[float, float]:
    """Anchor: a fixed single-core workload; (wall s, CPU s)."""
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        seen: dict[str, int] = {}
        for t in _CPU_TEXTS:
            for m in _CPU_RE.finditer(t):
                k = m.group(0)
                seen[k] = seen.get(k, 0) + len(k.split("."))
    return time.perf_counter() - w0, time.process_time() - c0


def demo_data(workdir: Path) -> Path:
    out = workdir / "demo"
    subprocess.run([sys.executable, "-m", "demo", "--out", str(out / "data")], check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    return next((out / "data").rglob("pdd.yaml"), None) or ROOT / "demo" / "pdd.yaml"


def demo_scan_once(workdir: Path, config: Path, args: tuple[str, ...] = ()) -> tuple[int, float, float]:
    """(exit status, wall s, CPU s of the child) of ``pdd scan`` on the demo, process start and imports included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "scan", str(config), "--out",
                           str(workdir / "demo" / "report"), "-q", *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.returncode, dt, cpu


def classification_1000(workdir: Path, fields: int = 1000, rows: int = 300) -> str:
    """Sampled classification of ``fields`` fields (10 tables of 100 columns, values of 10 kinds)."""
    n, dt, _ = classify_fields(workdir, fields_db(workdir, fields, rows))
    return (f"classification: {n:,} fields (+ their id keys) in {dt:.1f} s, "
            "engine built inside the timing (target < 60 s)")


def demo_scan(workdir: Path) -> str:
    """The demo's scan through the CLI, as `make demo` runs it (process start and imports included)."""
    code, dt, _ = demo_scan_once(workdir, demo_data(workdir))
    return f"demo scan (pdd scan via the CLI, exit {code}): {dt:.1f} s (target < 5 s)"


def extras(workdir: Path, rounds: int) -> str:
    """The 1,000-field classification and the demo scan, each beside anchors timed in the same rounds.

    Anchors: ``read`` (the same samples read by the same reader, nothing classified) and ``cpu`` (a fixed
    single-core loop, run before every measurement). On a loaded machine wall time says little; CPU time
    says what the work costs, and the loop's CPU time against its idle figure (``CPU_LOOP_IDLE_S``) says how
    much a CPU second is stretched by the neighbours (caches, SMT). ``idle est.`` = CPU time / that stretch:
    the single-process figure on an idle core. The demo is also run with ``--workers 1`` so that its
    estimate is a single-process one (the default 2-worker scan is at most that on an idle 2-core machine)."""
    db = fields_db(workdir)
    config = demo_data(workdir)
    t: dict[str, list[float]] = {}
    n = code = 0
    steps = (("read", lambda: read_samples(workdir, db)), ("classify", lambda: classify_fields(workdir, db)),
             ("demo", lambda: demo_scan_once(workdir, config)),
             ("demo w1", lambda: demo_scan_once(workdir, config, ("--workers", "1"))))
    for r in range(rounds):
        for name, fn in steps:
            aw, ac = cpu_loop()
            t.setdefault("cpu", []).append(aw)
            t.setdefault("cpu cpu", []).append(ac)
            k, wall, cpu = fn()
            t.setdefault(name, []).append(wall)
            t.setdefault(name + " cpu", []).append(cpu)
            if name == "classify":
                n = k
            elif name == "demo":
                code = k
        print(f"extras round {r + 1}/{rounds} done", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in t.items()}
    stretch = max(1.0, med["cpu cpu"] / CPU_LOOP_IDLE_S)
    load = os.getloadavg()
    return "\n".join([
        f"median of {rounds} interleaved rounds; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}",
        f"cpu anchor (fixed loop, before each measurement): {med['cpu']:.2f} s wall, {med['cpu cpu']:.2f} s CPU; "
        f"idle {CPU_LOOP_IDLE_S:.2f} s: wall x{med['cpu'] / CPU_LOOP_IDLE_S:.1f}, CPU second stretched x{stretch:.2f}",
        f"classification: {n:,} fields (+ their id keys), engine built inside: {med['classify']:.1f} s wall "
        f"({med['classify'] / med['cpu']:.1f}x the cpu anchor), {med['classify cpu']:.1f} s CPU; read of the same "
        f"samples {med['read']:.2f} s wall ({med['classify'] / med['read']:.0f}x); "
        f"idle est. {med['classify cpu'] / stretch:.1f} s (target < 60 s)",
        f"demo scan (pdd scan via the CLI, exit {code}), 2 workers: {med['demo']:.2f} s wall "
        f"({med['demo'] / med['cpu']:.1f}x the cpu anchor), {med['demo cpu']:.2f} s CPU (all processes)",
        f"demo scan, --workers 1: {med['demo w1']:.2f} s wall ({med['demo w1'] / med['cpu']:.1f}x the cpu anchor), "
        f"{med['demo w1 cpu']:.2f} s CPU; idle est. {med['demo w1 cpu'] / stretch:.2f} s (target < 5 s)",
    ])


def calibrate() -> str:
    best = min(cpu_loop()[1] for _ in range(10))
    return f"cpu anchor: fastest of 10 runs {best:.3f} s CPU (CPU_LOOP_IDLE_S is {CPU_LOOP_IDLE_S})"


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its waited-for children so far."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "cpu unknown"


if __name__ == "__main__":
    main()
