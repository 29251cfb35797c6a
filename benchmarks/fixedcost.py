"""Classification's fixed costs, two code trees side by side: CPU seconds per task, and the ratio new / old.

    python -m benchmarks.fixedcost --old /work/main --new . [--rounds 3] [--workdir /tmp/pdd-fixedcost]
                                   [--demo DIR] [--tasks loghub,fields,demo]

Why a second script beside benchmarks/sweep.py: sweep.py times one tree against external anchors; an
engine change is judged by the same work run from the old and the new tree in the same rounds (the
machine's load drifts 2-5x between runs, so only interleaved figures compare). Every task runs in a
child process whose ``PYTHONPATH`` and working folder are the tree, and is timed by the child's own
CPU (user + system, from ``getrusage``), wall time beside it. Tasks:

- ``loghub``: the sampled classification (log templates included) of every dataset of the realdata
  source ``loghub`` (issue 24's cost); also counts the analyzer calls and prints a digest of the
  classification results, which must be equal between the trees;
- ``fields``: the 1,000-field classification of benchmarks/sweep.py (``classify_fields``, engine built
  inside);
- ``demo``: ``pdd scan --workers 1`` on a demo folder (process start and imports included).

Rounds alternate old/new per task; the median of the rounds is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REALDATA = Path("/work/shared/realdata/sources.yaml")

_LOGHUB = """
import hashlib, json, sys
from pathlib import Path
from pipeline.config.load import load_config
from pipeline.engine import dataset as work
from pipeline.engine.context import ScanContext
ctx = ScanContext.build(load_config(Path(sys.argv[1])))
analyzer = ctx.classifier.analyzer
calls = [0]
analyze = analyzer.analyze
def counted(text, language):
    calls[0] += 1
    return analyze(text, language=language)
analyzer.analyze = counted
source = ctx.open("loghub")
out = [work.classify(ctx, source, ds).model_dump(mode="json") for ds in source.datasets()]
digest = hashlib.sha256(json.dumps(out, sort_keys=True).encode()).hexdigest()[:16]
print(json.dumps({"calls": calls[0], "digest": digest}))
"""

_FIELDS = """
import json, sys
from pathlib import Path
from benchmarks.sweep import classify_fields, fields_db
wd = Path(sys.argv[1])
n, wall, cpu = classify_fields(wd, fields_db(wd))
print(json.dumps({"fields": n}))
"""


def _run(tree: Path, argv: list[str]) -> tuple[float, float, dict]:
    """(wall s, CPU s of the child, its last stdout line as JSON or {}) of ``python argv`` run from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, *argv], cwd=tree, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr[-2000:])
        raise SystemExit(f"{' '.join(argv[:2])} failed in {tree} (exit {done.returncode})")
    lines = done.stdout.strip().splitlines()
    try:
        info = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        info = {}
    return wall, cpu, info


def tasks(workdir: Path, demo: Path | None) -> dict[str, list[str]]:
    out = {"loghub": ["-c", _LOGHUB, str(REALDATA)], "fields": ["-c", _FIELDS, str(workdir)]}
    if demo is not None:
        out["demo"] = ["-c", "from pipeline.cli import main; main()", "scan", str(demo / "pdd.yaml"), "--out",
                       str(workdir / "demo-report"), "--workers", "1", "-q"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="code tree before the change")
    ap.add_argument("--new", type=Path, default=Path("."), help="code tree after the change")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/pdd-fixedcost"))
    ap.add_argument("--demo", type=Path, help="a demo folder (pdd demo --out DIR); the demo task needs it")
    ap.add_argument("--tasks", default="loghub,fields,demo")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    chosen = {k: v for k, v in tasks(args.workdir, args.demo).items() if k in args.tasks.split(",")}
    if "fields" in chosen:
        from benchmarks.sweep import fields_db

        fields_db(args.workdir)  # built once, outside the timings
    got: dict[tuple[str, str], list[tuple[float, float, dict]]] = {}
    for r in range(args.rounds):
        for name, cmd in chosen.items():
            for label, tree in (("old", args.old), ("new", args.new)):
                got.setdefault((name, label), []).append(_run(tree, cmd))
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
    load = os.getloadavg()
    print(f"median of {args.rounds} interleaved rounds (old, new alternating); load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"{'task':8} {'old CPU s':>10} {'new CPU s':>10} {'new/old CPU':>12} {'old wall s':>11} {'new wall s':>11}"
          f" {'new/old wall':>13}  notes")
    for name in chosen:
        old, new = got[(name, "old")], got[(name, "new")]
        oc, nc = statistics.median(x[1] for x in old), statistics.median(x[1] for x in new)
        ow, nw = statistics.median(x[0] for x in old), statistics.median(x[0] for x in new)
        notes = f"old {old[-1][2]} new {new[-1][2]}" if old[-1][2] or new[-1][2] else ""
        print(f"{name:8} {oc:10.2f} {nc:10.2f} {nc / oc:12.2f} {ow:11.2f} {nw:11.2f} {nw / ow:13.2f}  {notes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
