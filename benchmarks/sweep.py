"""Sweep benchmark: pdd beside the anchors it must be measured against, timed in the same run.

    .venv/bin/python benchmarks/sweep.py [--rows 1000000] [--rounds 3] [--workdir /tmp/pdd-bench]
                                         [--no-pg] [--no-rss] [--rss-mb 1024] [--workers N] [--only logs,sqlite]
    .venv/bin/python benchmarks/sweep.py --extras-only [--rounds 3]   # 1,000-field classification + demo scan only

Builds (once, cached in --workdir) data shaped like the worst realistic case
(every record holds digits: 16-digit order ids, phones, timestamps; Luhn-valid
decoys that are no card):

- a SQLite table of 9 text columns (plus the integer key), ``--rows`` rows;
- logs of ``--rows`` lines each: an nginx access log, JSON lines and a gzip copy
  of the JSON lines (the ``logs`` group, hard-linked into one folder), and plain
  text (for the RSS check);
- the same table copied into PostgreSQL (127.0.0.1:5432, database
  ``pdd_bench``) unless ``--no-pg``;
- a ~1 GB log for the peak-RSS check, scanned in a child process.

Twenty cards are planted per dataset, in the groupings people write them in. Per
group (``logs``: the three logs together; ``sqlite``; ``pg``) and round it times:

- the anchor, ``rg -o | luhn``: ripgrep prints only the candidate digit runs and
  one Python process Luhn-checks them. Logs: ONE command over all logs,
  ``rg -P -o -n -H -z PATTERN logs... | luhn``; tables: the engine's own dump,
  ``sqlite3 -batch DB 'SELECT id, cols FROM t ORDER BY id' | rg -P -o -n PATTERN
  | luhn`` (``psql -At -c ...`` on PostgreSQL);
- ``read``: the floor: a plain read of the files (gunzip for .gz), ``sqlite3``
  printing the table, a server-side (named cursor) fetch on PostgreSQL;
- ``python re`` (SQLite): a one-process Python ``re`` + Luhn loop over the rows;
- ``pdd sweep``: pdd's sweep alone, in one process (``engine.dataset.sweep`` per
  dataset; the person index and the sampled classification done before the timing);
- ``pdd scan``: the whole scan through the CLI, as a user runs it (process start,
  imports, sampling, classification, the sweep on ``--workers``, the report), so
  the fixed costs show beside the sweep.

Rounds are interleaved (every method once per round); the median of the rounds is
printed with wall and CPU seconds (this process's and its children's), each as a
ratio to the anchor's (below 1: pdd is faster), the planted cards found and the
false ones, the scan's peak RSS (its largest process, from ``wait4``), and the
1-minute load average after each run (median, max): on a shared machine, ratios
from one run are the figures to compare, not absolute seconds.
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
from pipeline.engine.run import default_workers, scan  # noqa: E402 - after the sys.path line above, run as a script
from pipeline.linkage.index import build_index  # noqa: E402 - after the sys.path line above, run as a script
from pipeline.sources.base import Dataset, Source  # noqa: E402 - after the sys.path line above, run as a script

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


# ---------------------------------------------------------------- groups

#: The issue's three logs, swept together: one source (``path: folder/*``) and one ripgrep command over all.
LOG_FILES = {"access": "access.log", "jsonl": "app.jsonl", "gzip": "app.jsonl.gz"}
TABLE = "events"


def log_folder(files: dict[str, Path], workdir: Path, rows: int) -> Path:
    """The three logs hard-linked into one folder (no copy): the logs source's glob and ripgrep read them all."""
    folder = workdir / f"logs-{rows}"
    folder.mkdir(parents=True, exist_ok=True)
    for kind, name in LOG_FILES.items():
        link = folder / name
        if not link.exists():
            os.link(files[kind], link)
    return folder


def expected(group: str, rows: int) -> set[tuple[str, str]]:
    """(dataset, key) of every planted card: tables key rows by their 0-based integer key, logs by 1-based
    line number."""
    if group == "logs":
        return {(name, str(i + 1)) for name in LOG_FILES.values() for i in planted_at(rows)}
    return {(TABLE, str(i)) for i in planted_at(rows)}


def expected_keys(kind: str, rows: int) -> set[str]:
    """The keys of the planted cards of one dataset kind (sqlite, pg, plain, jsonl, access, gzip)."""
    return {str(i if kind in ("sqlite", "pg") else i + 1) for i in planted_at(rows)}


# ---------------------------------------------------------------- anchors


#: The anchors' last stage, one Python process: ripgrep's ``-o`` lines (``[path:]line:match``) on stdin, the
#: number of Luhn-valid 13-19 digit candidates on stdout. Run with ``python -c`` (no pdd import: a light start).
LUHN_SCRIPT = """
import sys
from stdnum.luhn import is_valid
hits = 0
for line in sys.stdin.buffer:
    cand = line.rstrip(b"\\n").rpartition(b":")[2].translate(None, b" -")
    if 13 <= len(cand) <= 19 and is_valid(cand.decode("ascii", "replace")):
        hits += 1
print(hits)
"""
LUHN = [sys.executable, "-c", LUHN_SCRIPT]


def run_pipeline(cmds: list[list[str]]) -> int:
    """Run ``cmds`` as a shell pipeline (each one's stdout into the next); the last one's stdout as an int."""
    procs: list[subprocess.Popen] = []
    for i, cmd in enumerate(cmds):
        procs.append(subprocess.Popen(cmd, stdin=procs[-1].stdout if procs else subprocess.DEVNULL,
                                      stdout=subprocess.PIPE))
        if i:
            procs[-2].stdout.close()  # type: ignore[union-attr]  # the next one reads it now
    out = procs[-1].communicate()[0]
    for p in procs:
        if p.wait() not in (0, 1):  # ripgrep exits 1 when nothing matched
            raise SystemExit(f"anchor command failed ({p.returncode}): {' '.join(p.args)}")  # type: ignore[arg-type]  # args: the list given above
    return int(out.decode().strip() or 0)


def rg_o_logs(paths: list[Path]) -> int:
    """``rg -P -o -n -H -z PATTERN logs... | luhn``: one ripgrep over every log, one Python Luhn check."""
    return run_pipeline([["rg", "-P", "-o", "-n", "-H", "-z", "-e", RG_PATTERN, *map(str, paths)],
                         LUHN])


def table_query() -> str:
    return f"SELECT {', '.join(COLS)} FROM {TABLE} ORDER BY id"


def rg_o_sqlite(db: Path) -> int:
    """``sqlite3 -batch DB 'SELECT id, cols FROM t ORDER BY id' | rg -P -o -n PATTERN | luhn``."""
    return run_pipeline([["sqlite3", "-batch", "-readonly", str(db), table_query()],
                         ["rg", "-P", "-o", "-n", "-e", RG_PATTERN], LUHN])


def rg_o_pg() -> int:
    """``psql -At -c 'SELECT id, cols FROM t ORDER BY id' | rg -P -o -n PATTERN | luhn`` (the server's own
    text output, streamed)."""
    return run_pipeline([["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", PG_DB, "-At", "-c", table_query()],
                         ["rg", "-P", "-o", "-n", "-e", RG_PATTERN], LUHN])


def _luhn_candidates(lines: object) -> int:
    """Luhn-valid 13-19 digit candidates among ``lines`` of text (the anchors' check)."""
    hits = 0
    for cand in lines:  # type: ignore[attr-defined]  # an iterable of str
        d = cand.translate(_SEP)
        if 13 <= len(d) <= 19 and luhn.is_valid(d):
            hits += 1
    return hits


def naive_file(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        return _luhn_candidates(m.group() for line in fh for m in _NAIVE.finditer(line))


def naive_sqlite(db: Path) -> int:
    """The one-process Python anchor: ``re`` + Luhn over every text value of the table."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(f"SELECT * FROM {TABLE}")
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


def read_sqlite_cli(db: Path) -> int:
    """The table's floor: ``sqlite3`` printing it (what the ``-o`` anchor's first stage does), read whole."""
    return len(subprocess.run(["sqlite3", "-batch", "-readonly", str(db), table_query()], stdout=subprocess.PIPE,
                              check=True).stdout)


def read_pg() -> int:
    """PostgreSQL's floor: a server-side (named cursor) fetch of every row."""
    import psycopg

    n = 0
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={PG_DB}") as c, c.cursor(name="floor") as cur:
        cur.itersize = 5000
        cur.execute(f"SELECT * FROM {TABLE}")
        for _ in cur:
            n += 1
    return n


# ---------------------------------------------------------------- pdd


def pdd_scan(ctx: ScanContext, cfg: object) -> tuple[int, set[str]]:
    """Scan one source in one process; (records, keys of the full_card_number violations)."""
    name = cfg.name  # type: ignore[attr-defined]  # a source config
    report = scan(ctx.config, sources=[name], context=ctx)
    for s in report.sources:
        if s.error:
            raise SystemExit(f"pdd failed on {name}: {s.error}")
    return (sum(s.rows_scanned for s in report.sources),
            {v.key for v in report.violations if v.rule == "full_card_number"})


Prepared = list[tuple[Source, Dataset, "work.Classification"]]


def prepare_sweep(ctx: ScanContext, name: str) -> Prepared:
    """Everything the sweep needs that the scan does before it (the person index, each dataset's sampled
    classification), done once, outside the timing."""
    if ctx.persons is None:
        ctx.persons = build_index(ctx)
    source = ctx.opened(name)
    return [(source, ds, work.classify(ctx, source, ds)) for ds in source.datasets()]


def sweep_only(ctx: ScanContext, prepared: Prepared) -> tuple[int, set[tuple[str, str]]]:
    """pdd's sweep alone, in this process: every record of every dataset through every rule, as the engine's
    Sweep step runs it (one unit per dataset); (records, (dataset, key) of the card violations)."""
    rows, keys = 0, set()
    for source, ds, classification in prepared:
        res = work.sweep(ctx, source, ds, classification)
        if res.error:
            raise SystemExit(f"pdd's sweep failed on {source.name}/{ds.name}: {res.error}")
        rows += res.rows
        keys |= {(ds.name, v.key) for v in res.violations if v.rule == "full_card_number"}
    return rows, keys


def write_config(workdir: Path, group: str, src: dict[str, str]) -> Path:
    """A sources config holding one source, for ``pdd scan``."""
    path = workdir / f"scan-{group}.yaml"
    path.write_text(json.dumps({"as_of": "2026-11-24", "sources": [src]}, indent=1))  # JSON is YAML
    return path


def config_of(workdir: Path, sources: dict[str, dict[str, str]]) -> Config:
    """The same sources as a Config, for the in-process sweep."""
    return Config(as_of="2026-11-24", base_dir=workdir,
                  sources=[(PathSourceConfig if src["kind"] == "logs" else SqlSourceConfig)(**src)  # type: ignore[arg-type]  # str fields
                           for src in sources.values()])


def cli_scan(config: Path, out: Path, workers: int | None) -> tuple[set[tuple[str, str]], float, float, float]:
    """``pdd scan CONFIG`` end to end (start-up, imports, sampling, classification, sweep, report), as a user
    runs it; ((dataset, key) of the card violations, wall s, CPU s of it and its workers, peak RSS MB of the
    largest of its processes)."""
    cmd = [sys.executable, "-m", "pipeline.cli", "scan", str(config), "--out", str(out), "-q"]
    if workers:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()  # type: ignore[union-attr]  # PIPE above
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage (its waited-for workers included)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"pdd scan {config} exited {proc.returncode}: {err.decode(errors='replace')[-1500:]}")
    report = json.loads((out / "report.json").read_text())
    for s in report["sources"]:
        if s["status"] != "ok":
            raise SystemExit(f"pdd scan {config}: source {s['name']} {s['status']}: {s['error']}")
    keys = {(v["dataset"], v["key"]) for v in report["violations"] if v["rule"] == "full_card_number"}
    return keys, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def scan_one_child(path: Path) -> None:
    """Child mode for the RSS check: scan one log and print time and peak RSS as JSON."""
    cfg = Config(as_of="2026-11-24", base_dir=path.parent,
                 sources=[PathSourceConfig(name="big", kind="logs", path=str(path))])
    t0 = time.perf_counter()
    rows, keys = pdd_scan(ScanContext.build(cfg), cfg.sources[0])
    print(json.dumps({"rows": rows, "cards": len(keys), "seconds": time.perf_counter() - t0,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


# ---------------------------------------------------------------- main


ANCHOR = "rg -o | luhn"
SWEEP = "pdd sweep"
SCAN = "pdd scan"


def _methods(args: argparse.Namespace, files: dict[str, Path], ctx: ScanContext,
             configs: dict[str, Path]) -> dict[str, dict[str, Callable[[], object]]]:
    """Per group, the methods timed in each round, anchor first."""
    logs = [log_folder(files, args.workdir, args.rows) / n for n in LOG_FILES.values()]
    out: dict[str, dict[str, Callable[[], object]]] = {}
    for group in configs:
        prepared = prepare_sweep(ctx, group)
        m: dict[str, Callable[[], object]] = {}
        if group == "logs":
            m[ANCHOR] = lambda: rg_o_logs(logs)
            m["read"] = lambda: sum(read_file(p) for p in logs)
        elif group == "sqlite":
            db = files["sqlite"]
            m[ANCHOR] = lambda db=db: rg_o_sqlite(db)  # type: ignore[misc]  # bound now, not at call time
            m["read"] = lambda db=db: read_sqlite_cli(db)  # type: ignore[misc]  # bound now, not at call time
            m["python re"] = lambda db=db: naive_sqlite(db)  # type: ignore[misc]  # bound now, not at call time
        else:
            m[ANCHOR] = rg_o_pg
            m["read"] = read_pg
        m[SWEEP] = lambda prepared=prepared: sweep_only(ctx, prepared)  # type: ignore[misc]  # bound now
        m[SCAN] = lambda group=group: cli_scan(configs[group], args.workdir / f"report-{group}",  # type: ignore[misc]  # bound now
                                               args.workers)
        out[group] = m
    return out


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
    ap.add_argument("--workers", type=int, default=None,
                    help="`pdd scan --workers N` for the whole-scan rows (default: the CLI's own, every core)")
    ap.add_argument("--only", default="", help="comma-separated groups (logs,sqlite,pg)")
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
    if missing:
        raise SystemExit(f"ANCHOR TOOL MISSING: {', '.join(missing)} (apt-get install ripgrep sqlite3)")
    pg_problem = "skipped (--no-pg)" if args.no_pg else build_pg(files["sqlite"])
    if not pg_problem and shutil.which("psql") is None:
        pg_problem = "psql missing (its anchor pipeline needs it)"
    if pg_problem:
        print(f"PostgreSQL anchor and scan: {pg_problem}")

    folder = log_folder(files, args.workdir, args.rows)
    sources = {"logs": {"name": "logs", "kind": "logs", "path": f"{folder}/*"},
               "sqlite": {"name": "sqlite", "kind": "sql", "url": f"sqlite:///{files['sqlite']}"}}
    if not pg_problem:
        sources["pg"] = {"name": "pg", "kind": "sql", "url": PG_URL}
    if args.only:
        sources = {k: v for k, v in sources.items() if k in args.only.split(",")}
    configs = {group: write_config(args.workdir, group, src) for group, src in sources.items()}
    ctx = ScanContext.build(config_of(args.workdir, sources))
    ctx.classifier  # noqa: B018 - build the engine outside the timings
    methods = _methods(args, files, ctx, configs)

    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    load: dict[tuple[str, str], list[float]] = {}
    rss: dict[str, list[float]] = {}
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for r in range(args.rounds):
        for group, m in methods.items():
            for method, fn in m.items():
                t0, c0 = time.perf_counter(), _cpu_seconds()
                out = fn()
                wall, used = time.perf_counter() - t0, _cpu_seconds() - c0
                if method == SCAN:  # its own wall time, CPU and RSS, from wait4
                    keys, wall, used, peak = out  # type: ignore[misc]  # cli_scan's tuple
                    rss.setdefault(group, []).append(peak)
                    found[(group, method)] = keys
                elif method == SWEEP:
                    found[(group, method)] = out[1]  # type: ignore[index]  # sweep_only's tuple
                times.setdefault((group, method), []).append(wall)
                cpu.setdefault((group, method), []).append(used)
                load.setdefault((group, method), []).append(os.getloadavg()[0])
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)

    med = {k: statistics.median(v) for k, v in times.items()}
    mcpu = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"\nmedian of {args.rounds} interleaved rounds; x = pdd / `{ANCHOR}` anchor (below 1: pdd faster); "
          "CPU: this process's and its children's (the PostgreSQL server's not counted); load = 1-min load average "
          f"after each run (median, max); {os.cpu_count()} cores")
    total_found = total_false = total_planted = 0
    for group, m in methods.items():
        size = (sum(p.stat().st_size for p in folder.iterdir()) if group == "logs"
                else files["sqlite"].stat().st_size) / 1e6
        want = expected(group, args.rows)
        a_wall, a_cpu = med[(group, ANCHOR)], mcpu[(group, ANCHOR)]
        print(f"\n{group} ({size:.0f} MB on disk{', ' + ', '.join(LOG_FILES.values()) if group == 'logs' else ''})")
        print(f"  {'method':<18} {'wall s':>7} {'x wall':>7} {'cpu s':>7} {'x cpu':>7}  {'cards':>9} {'false':>5} "
              f"{'peak RSS':>9}  load")
        for method in m:
            k = (group, method)
            cards = false = ""
            if k in found:
                cards, false = f"{len(found[k] & want)}/{len(want)}", str(len(found[k] - want))
                total_found += len(found[k] & want)
                total_false += len(found[k] - want)
                total_planted += len(want)
            peak = f"{statistics.median(rss[group]):6.0f} MB" if method == SCAN else ""
            print(f"  {method:<18} {med[k]:7.2f} {med[k] / a_wall:6.2f}x {mcpu[k]:7.2f} "
                  f"{mcpu[k] / max(a_cpu, 1e-3):6.2f}x  {cards:>9} {false:>5} {peak:>9}  "
                  f"{statistics.median(load[k]):.1f}, {max(load[k]):.1f}")
        fixed = med[(group, SCAN)] - med[(group, SWEEP)]
        print(f"  fixed costs (scan - sweep, wall): {fixed:.2f} s; `pdd scan` = {med[(group, SCAN)] / a_wall:.2f}x "
              f"the anchor, its sweep alone {med[(group, SWEEP)] / a_wall:.2f}x"
              + ("" if args.workers == 1 else f" (the scan on {args.workers or default_workers()} workers, the sweep "
                 "on one process: --workers 1 for the fixed costs alone)"))
    if len(methods) > 1:
        a = sum(med[(g, ANCHOR)] for g in methods)
        print(f"\nevery group: `pdd scan` {sum(med[(g, SCAN)] for g in methods) / a:.2f}x the anchors' summed time, "
              f"the sweeps alone {sum(med[(g, SWEEP)] for g in methods) / a:.2f}x")
    print(f"\nplanted cards found {total_found}/{total_planted}, false ones {total_false} "
          f"({SWEEP} and {SCAN}, last round)")
    print(f"peak RSS of this process (the sweeps above, in one process): "
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
