"""Classification benchmark: generate a split, scan it with pdd and with plain Presidio, score both.

    python -m benchmarks.classification [--split train|test|realdata|all] [--seed N] [--locales a,b]
                                        [--workdir DIR] [--realdata DIR]

``realdata`` is the hand-labelled public real data in ../shared/realdata (benchmarks/classification/realdata.py).

Prints one table per split and writes every number (and each wrong field) to WORKDIR/classification.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.classification import realdata
from benchmarks.classification.run import machine, missed_targets, run_split, table
from benchmarks.corpus import SPLITS, split_args


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.classification",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=[*sorted(SPLITS), "realdata", "all"], default="all")
    ap.add_argument("--seed", type=int, help="override the split's seed (one split only)")
    ap.add_argument("--locales", help="override the split's locales, comma-separated (one split only)")
    ap.add_argument("--workdir", type=Path, help="where corpora are generated (default: a temp dir)")
    ap.add_argument("--out", type=Path, help="result JSON (default: WORKDIR/classification.json)")
    ap.add_argument("--realdata", type=Path, default=realdata.DEFAULT_ROOT,
                    help="the real-data folder (sources.yaml + labels.json; default: ../shared/realdata)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the Presidio baseline")
    ap.add_argument("--check", action="store_true", help="exit 1 when the test split misses a target (TARGETS)")
    args = ap.parse_args(argv)
    splits = [*sorted(SPLITS, reverse=True), "realdata"] if args.split == "all" else [args.split]
    if len([s for s in splits if s != "realdata"]) > 1 and (args.seed is not None or args.locales):
        ap.error("--seed and --locales apply to one split; pass --split train or --split test")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pdd-bench-"))
    jobs = []
    for name in splits:
        if name == "realdata":
            continue
        seed, locales, split = split_args(name, args.seed, args.locales)
        jobs.append((split, seed, locales, workdir, not args.no_baseline))
    t0 = time.perf_counter()
    if len(jobs) == 1 and "realdata" not in splits:
        results = [run_split(*jobs[0])]
    else:
        # One process per split: the splits are independent and the machine has two cores.
        with ProcessPoolExecutor(max_workers=2) as pool:
            pending = [pool.submit(run_split, *job) for job in jobs]
            if "realdata" in splits:
                pending.append(pool.submit(realdata.run_realdata, args.realdata, not args.no_baseline))
            results = [p.result() for p in pending]
    for r in results:
        print(table(r))
        if r["split"] == "realdata":
            print(realdata.summary(r))
        print()
    out = args.out or workdir / "classification.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"date": dt.date.today().isoformat(), "machine": machine(),
                               "wall_seconds": round(time.perf_counter() - t0, 1),
                               "results": {r["split"]: r for r in results}}, indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print(f"wall {time.perf_counter() - t0:.0f} s; result: {out}")
    if args.check:
        misses = [m for r in results if r["split"] == "test" for m in missed_targets(r)]
        misses += [m for r in results if r["split"] == "realdata" for m in realdata.missed_targets(r)]
        for m in misses:
            print(f"target missed: {m}")
        return 1 if misses else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
