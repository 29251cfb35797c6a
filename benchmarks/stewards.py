"""Stewards' outputs at scale: time to render report.html, diff two reports and record a run in the history.

    .venv/bin/python benchmarks/stewards.py REPORT_JSON [--times 70]

Takes a real report (e.g. pdd-report/report.json of `make demo`), multiplies
its fields and violations ``--times`` over (renamed so that they stay
distinct), and prints one line per step: seconds and output size. Results are
recorded by hand in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline.history import History
from pipeline.report import read_report
from pipeline.report.diff import diff_reports
from pipeline.report.html import render_html


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path, help="a report.json (or its folder) to inflate")
    ap.add_argument("--times", type=int, default=70, help="copies of every field and violation")
    args = ap.parse_args()
    base = read_report(args.report)
    big = base.model_copy(deep=True)
    big.fields = [f.model_copy(update={"field": f"{f.field}_{i}"}) for i in range(args.times) for f in base.fields]
    big.violations = [v.model_copy(update={"key": f"{v.key}_{i}"}) for i in range(args.times)
                      for v in base.violations]
    print(f"{len(big.fields):,} fields, {len(big.violations):,} violations")
    t = time.perf_counter()
    d = diff_reports(base, big)
    print(f"diff: {time.perf_counter() - t:.2f} s ({len(d.fields_added):,} fields added)")
    t = time.perf_counter()
    page = render_html(big, base)
    print(f"report.html: {time.perf_counter() - t:.2f} s, {len(page.encode()) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        h = History(str(Path(tmp) / "history.sqlite"))
        t = time.perf_counter()
        h.record(big)
        print(f"history record (SQLite): {time.perf_counter() - t:.2f} s, "
              f"{(Path(tmp) / 'history.sqlite').stat().st_size / 1e6:.1f} MB")
        h.close()


if __name__ == "__main__":
    main()
