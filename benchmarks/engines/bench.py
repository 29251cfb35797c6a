"""The real-data benchmark per engine: realdata's SQL databases scanned on SQLite, PostgreSQL and MariaDB.

Each engine scans the same data (benchmarks/engines/load.py puts the SQLite originals on the servers
with their native types) and is scored against realdata's labels.json: entity micro F1, personal-field
precision, false violations (realdata holds none), seconds. The synthetic 2,000,000-row ``int4`` table
(benchmarks/engines/large.py) is scanned apart: its two planted cards must be found (found / planted),
and its seconds are given. Seconds are also given as a ratio to SQLite's, timed in the same run: the
machine is shared, so only the ratios compare across runs.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.classification.realdata import DEFAULT_ROOT, load_labels
from benchmarks.classification.score import score
from benchmarks.engines import dataset, large
from benchmarks.engines.ddl import MARIADB, PG
from benchmarks.engines.load import drop, new_prefix
from pipeline.engine.run import WORK_DIR, Engine, ScanOptions

SQLITE = "sqlite"
AS_OF = dt.date(2026, 1, 1)  # realdata's sources.yaml


def _scan(urls: dict[str, str], out: Path, workers: int) -> tuple[Any, float]:
    t0 = time.perf_counter()
    ex = Engine(dataset.config(urls, AS_OF, out.parent), out / WORK_DIR, ScanOptions(workers=workers))
    report = ex.run()
    ex.clean()
    return report, time.perf_counter() - t0


def _score(engine: str, report: Any, seconds: float, truth: dict[str, list[str]]) -> dict:
    pred = {f"{f.source}/{f.dataset}/{f.field}": [e.type for e in f.entities] for f in report.fields}
    s = score(truth, pred).as_dict()
    return {"engine": engine, "micro_f1": s["micro"]["f1"], "personal_field_precision":
            s["personal_fields"]["precision"], "false_violations": len(report.violations), "seconds": round(seconds, 1),
            "source_errors": [f"{x.name}: {x.error}" for x in report.sources if x.error],
            "missing_fields": len(s["missing_fields"]), "unexpected_fields": len(s["unexpected_fields"])}


def _large(report: Any, seconds: float) -> dict:
    planted = {(large.FIELDS[k], str(k)) for k in large.FIELDS}
    got = {(v.field, v.key) for v in report.violations if v.rule == "full_card_number"}
    return {"found": len(planted & got), "planted": len(planted), "false": len(report.violations) - len(planted & got),
            "seconds": round(seconds, 1), "errors": [f"{x.name}: {x.error}" for x in report.sources if x.error]}


def run(engines: list[str], workdir: Path, root: Path = DEFAULT_ROOT, workers: int = 2) -> list[dict]:
    """One row per engine (SQLite first: the anchor of the time ratios)."""
    truth = {k: v for k, v in load_labels(root).items()
             if k.split("/", 1)[0] in dataset.realdata_files(root)}
    real = dataset.realdata_files(root)
    big = {large.SOURCE: large.make_sqlite(workdir / "large.db")}
    rows = []
    for engine in [SQLITE, *engines]:
        loaded = []
        try:
            if engine == SQLITE:
                real_urls, big_urls = dataset.sqlite_urls(real), dataset.sqlite_urls(big)
            else:
                prefix = new_prefix()
                loaded = dataset.load_all(engine, prefix, {**real, **big})
                urls = {d.source: d.url for d in loaded}
                real_urls, big_urls = {n: urls[n] for n in real}, {large.SOURCE: urls[large.SOURCE]}
            report, secs = _scan(real_urls, workdir / f"{engine}-real", workers)
            row = _score(engine, report, secs, truth)
            report, secs = _scan(big_urls, workdir / f"{engine}-large", workers)
            row["large"] = _large(report, secs)
            rows.append(row)
        finally:
            for d in loaded:
                drop(engine, d.database)
    base = rows[0]
    for r in rows:
        r["seconds_ratio"] = round(r["seconds"] / base["seconds"], 2) if base["seconds"] else None
        r["large"]["seconds_ratio"] = (round(r["large"]["seconds"] / base["large"]["seconds"], 2)
                                       if base["large"]["seconds"] else None)
    return rows


def table(rows: list[dict]) -> str:
    head = (f"{'engine':<11} {'entity F1':>9} {'pers. P':>7} {'false viol.':>11} {'seconds':>8} {'x SQLite':>8} | "
            f"{'2M int4: found/planted':>22} {'false':>5} {'seconds':>8} {'x SQLite':>8}")
    lines = [head, "-" * len(head)]
    for r in rows:
        g = r["large"]
        lines.append(f"{r['engine']:<11} {r['micro_f1']:>9.3f} {r['personal_field_precision']:>7.3f} "
                     f"{r['false_violations']:>11} {r['seconds']:>8.1f} {r['seconds_ratio'] or 0:>8.2f} | "
                     f"{str(g['found']) + '/' + str(g['planted']):>22} {g['false']:>5} {g['seconds']:>8.1f} "
                     f"{g['seconds_ratio'] or 0:>8.2f}")
    for r in rows:
        for e in r["source_errors"] + r["large"]["errors"]:
            lines.append(f"{r['engine']}: source error: {e}")
    return "\n".join(lines)


def main(engines: list[str], workdir: Path | None, out: Path | None, workers: int) -> int:
    workdir = workdir or Path(tempfile.mkdtemp(prefix="pdd-engines-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = run(engines, workdir, workers=workers)
    print(table(rows))
    out = out or workdir / "engines.json"
    out.write_text(json.dumps({"date": dt.date.today().isoformat(), "workers": workers, "rows": rows}, indent=1) + "\n")
    print(f"result: {out}")
    return 0


ALL = [PG, MARIADB]
