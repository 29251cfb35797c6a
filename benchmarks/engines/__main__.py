"""Command line: load the SQL data onto the servers (and keep it), drop it, or run the per-engine benchmark.

    python -m benchmarks.engines load [--engine postgresql|mariadb] [--no-demo] [--no-large] [--workdir DIR]
    python -m benchmarks.engines drop PREFIX [--engine ...]
    python -m benchmarks.engines bench [--engine ...] [--workers N] [--workdir DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.engines import bench, dataset
from benchmarks.engines.load import drop_prefixed, new_prefix


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.engines", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("load", "drop", "bench"):
        p = sub.add_parser(name)
        p.add_argument("--engine", action="append", choices=bench.ALL,
                       help="a server to use (repeatable; default: both)")
        if name == "drop":
            p.add_argument("prefix", help="the prefix `load` printed (pdd_eng_...)")
        else:
            p.add_argument("--workdir", type=Path, help="where the demo and the large SQLite table are made")
        if name == "load":
            p.add_argument("--no-demo", action="store_true")
            p.add_argument("--no-large", action="store_true")
        if name == "bench":
            p.add_argument("--workers", type=int, default=2)
            p.add_argument("--out", type=Path, help="result JSON (default: WORKDIR/engines.json)")
    args = ap.parse_args(argv)
    engines = args.engine or bench.ALL
    if args.cmd == "bench":
        return bench.main(engines, args.workdir, args.out, args.workers)
    if args.cmd == "drop":
        for e in engines:
            print(f"{e}: dropped {', '.join(drop_prefixed(e, args.prefix)) or 'nothing'}")
        return 0
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pdd-engines-"))
    files = dataset.sqlite_files(workdir, demo=not args.no_demo, big=not args.no_large)
    prefix = new_prefix()
    print(f"prefix {prefix} (drop with: python -m benchmarks.engines drop {prefix})")
    for e in engines:
        for d in dataset.load_all(e, prefix, files):
            print(f"{e}: {d.source}: {d.url}")
            for note in d.schema.notes if d.schema else []:
                print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
