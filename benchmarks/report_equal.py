"""Same reports before and after an engine change: scan fixed inputs, keep report.json without run ids and times.

Why: a refactor of the engine must not change a single finding. This scans the demo data and
shared/realdata through ``pdd scan`` with 1 and 2 workers, using the code tree given by ``--code``
(so the branch base, unpacked with ``git archive``, and the working tree can be run side by side),
and either records the normalized reports or compares them byte for byte against a recording.

    python -m benchmarks.report_equal record /tmp/engine20-before --code /tmp/base --demo /tmp/demo
    python -m benchmarks.report_equal compare /tmp/engine20-before --code . --demo /tmp/demo

The demo folder is generated once (``python -m demo --out DIR`` from the repository root) and reused,
so a change in the demo generator cannot hide a change in the scan. Each scan also prints its wall
time; under a shared load compare ratios from interleaved runs, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REALDATA = Path("/work/shared/realdata/sources.yaml")
VOLATILE_RUN_KEYS = ("id", "started_at", "finished_at")
"""The only values of report.json that differ between two scans of the same data."""


def normalized(report: Path) -> bytes:
    """report.json without the run id and times, in a stable serialization."""
    data = json.loads(report.read_text(encoding="utf-8"))
    for key in VOLATILE_RUN_KEYS:
        data["run"].pop(key, None)
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")


def scan(code: Path, config: Path, workers: int, out: Path) -> tuple[int, float]:
    """Run ``pdd scan`` from the code tree ``code``; the exit status and the wall time in seconds."""
    env = {**os.environ, "PYTHONPATH": str(code.resolve())}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from pipeline.cli import main; main()", "scan", str(config),
                           "--out", str(out), "--workers", str(workers), "-q"],
                          cwd=code, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr[-2000:])
    return done.returncode, seconds


def cases(demo: Path) -> list[tuple[str, Path, int]]:
    return [(f"{name}-w{workers}", config, workers)
            for name, config in (("demo", demo / "pdd.yaml"), ("realdata", REALDATA)) for workers in (1, 2)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("recording", type=Path, help="Folder of normalized reports.")
    parser.add_argument("--code", type=Path, default=Path("."), help="Code tree to run pdd from.")
    parser.add_argument("--demo", type=Path, required=True, help="Demo data folder (python -m demo --out DIR).")
    args = parser.parse_args(argv)
    args.recording.mkdir(parents=True, exist_ok=True)
    differ = 0
    for name, config, workers in cases(args.demo):
        with tempfile.TemporaryDirectory(prefix="pdd-equal-") as tmp:
            status, seconds = scan(args.code, config, workers, Path(tmp) / "out")
            report = Path(tmp) / "out" / "report.json"
            if not report.exists():
                print(f"{name}: no report.json (exit {status})")
                differ += 1
                continue
            got = normalized(report)
            target = args.recording / f"{name}.json"
            if args.mode == "record":
                target.write_bytes(got)
                (args.recording / f"{name}.exit").write_text(str(status))
                verdict = "recorded"
            else:
                same = target.read_bytes() == got and (args.recording / f"{name}.exit").read_text() == str(status)
                verdict = "equal" if same else "DIFFERENT"
                if not same:
                    differ += 1
                    shutil.copyfile(report, args.recording / f"{name}.after.json")
            print(f"{name}: exit {status}, {seconds:.1f}s, {len(got)} bytes, {verdict}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
