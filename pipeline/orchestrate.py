"""A scan split into steps that separate workers run, talking through JSON files in a run folder.

This is what the Airflow DAG calls (dags/pdd_scan.py); each DAG task body is
one call here. Steps, per source:

    discover(source)            -> dataset names            (a source that cannot be opened: an error file)
    classify(source, dataset)   -> the dataset's key-range parts  (classification file)
    sweep(source, unit)         -> counts                    (sweep file for that part)
then for the whole run:
    reduce()                    -> report.json + summary     (what a failed task left missing is an error)

Only names, paths and counts come back from the steps (they travel as XComs);
values stay in the store and the run folder holds masked results only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Config, SqlSourceConfig
from pipeline.report import write_report
from pipeline.report.model import Report
from pipeline.scan import (
    Classification, DatasetResult, Scanner, SourceResult, SweepResult, assemble, join_errors, now, unexpected,
)
from pipeline.sources import SourceError
from pipeline.sources.base import Part

#: rows per sweep task; a larger table is split into key ranges swept by separate workers
DEFAULT_PART_ROWS = 2_000_000

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")

#: Airflow connection types -> SQLAlchemy drivers (explicit: Connection.get_uri() gives postgres://,
#: which SQLAlchemy 2 rejects)
DRIVERS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg", "mysql": "mysql+pymysql",
           "mariadb": "mysql+pymysql", "sqlite": "sqlite", "mssql": "mssql+pymssql", "oracle": "oracle+oracledb"}


def connection_url(conn_type: str, host: str | None, login: str | None, password: str | None,
                   schema: str | None, port: int | None, conn_id: str = "") -> str:
    """A SQLAlchemy URL (with an explicit driver) from an Airflow Connection's fields."""
    import sqlalchemy as sa

    driver = DRIVERS.get((conn_type or "").lower())
    if driver is None:
        raise SourceError(f"Airflow connection {conn_id!r} has type {conn_type!r}; pdd knows "
                          f"{', '.join(sorted(DRIVERS))}")
    if driver == "sqlite":
        return f"sqlite:///{host or schema}"
    return sa.URL.create(driver, username=login or None, password=password or None, host=host or None,
                         port=port or None, database=schema or None).render_as_string(hide_password=False)


def pools(config: Config, default_slots: int = 2) -> dict[str, dict[str, Any]]:
    """The Airflow pools the scan uses: one per SQL source (``pool`` or ``pdd_<name>``), for `airflow pools import`."""
    out = {}
    for s in config.sources:
        name = pool_for(s)
        if name != "default_pool":
            out[name] = {"slots": default_slots, "description": f"pdd scans of source {s.name}",
                         "include_deferred": False}
    return out


def pool_for(source: Any) -> str:
    pool = getattr(source, "pool", None)
    if pool:
        return pool
    return f"pdd_{source.name}" if source.kind == "sql" else "default_pool"


def _safe(name: str) -> str:
    """A file name for a source or dataset name; the hash keeps ``a b`` and ``a_b`` apart."""
    return f"{_SAFE.sub('_', name)[:80]}-{hashlib.sha1(name.encode()).hexdigest()[:8]}"


@dataclass
class Run:
    """One scan run's folder and the config it runs with."""

    config: Config
    run_dir: Path
    resolve_conn: Callable[[str], str] | None = None
    #: where a step that died left its traceback, for the report's error text
    log_hint: str = "see the Airflow task log"

    def __post_init__(self) -> None:
        self.run_dir = Path(self.run_dir)
        (self.run_dir / "work").mkdir(parents=True, exist_ok=True)
        self._scanner: Scanner | None = None

    # -- files ----------------------------------------------------------------------------------------
    def _file(self, kind: str, source: str, dataset: str = "", index: int | None = None) -> Path:
        """work/sources/<source>.json, work/classify/<source>/<dataset>.json (and work/units/... its sweep
        units), work/sweep/<source>/<dataset>/<i>.json"""
        folder = self.run_dir / "work" / kind / _safe(source)
        if not dataset:
            return folder.with_suffix(".json")
        if index is None:
            return folder / f"{_safe(dataset)}.json"
        return folder / _safe(dataset) / f"{index}.json"

    def _write(self, path: Path, data: Any) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(data.model_dump_json() if hasattr(data, "model_dump_json") else json.dumps(data))
        os.replace(tmp, path)
        return str(path)

    # -- the scanner, with Airflow connections resolved -----------------------------------------------
    def scanner(self) -> Scanner:
        """One Scanner per Run (its classifier is costly to build), with Airflow connections resolved."""
        if self._scanner is None:
            self._scanner = self._new_scanner()
        return self._scanner

    def _new_scanner(self) -> Scanner:
        cfg = self.config
        if self.resolve_conn and any(getattr(s, "conn_id", None) for s in cfg.sources):
            from pydantic import SecretStr

            sources = [s.model_copy(update={"url": SecretStr(self.resolve_conn(s.conn_id)), "conn_id": None})
                       if isinstance(s, SqlSourceConfig) and s.conn_id else s for s in cfg.sources]
            cfg = cfg.model_copy(update={"sources": sources})
        # The linkage's first pass (account datasets) is built by the first task that needs it and shared.
        return Scanner(cfg, linkage_file=self.run_dir / "work" / "linkage.json")

    # -- steps ----------------------------------------------------------------------------------------
    def discover(self, source: str) -> list[str]:
        """Dataset names of one source; a source that cannot be read leaves an error file and no datasets."""
        scanner = self.scanner()
        cfg = next(s for s in scanner.config.sources if s.name == source)
        self._write(self._file("sources", source), {"name": source, "kind": cfg.kind, "error": None, "datasets": [],
                                                    "listed": False})
        try:
            src = scanner.open(cfg)
            try:
                names = [d.name for d in src.datasets()]
            finally:
                src.close()
        except Exception as exc:  # noqa: BLE001 - a source that cannot be listed is an error entry
            error = str(exc) if isinstance(exc, SourceError) else unexpected(f"listing source {source!r}", exc)
            self._write(self._file("sources", source), {"name": source, "kind": cfg.kind, "error": error,
                                                        "datasets": []})
            return []
        self._write(self._file("sources", source), {"name": source, "kind": cfg.kind, "error": None,
                                                    "datasets": names})
        return names

    def _dataset(self, scanner: Scanner, source: str, dataset: str) -> tuple[Any, Any]:
        src = scanner.open(source)
        for d in src.datasets():
            if d.name == dataset:
                return src, d
        src.close()
        raise SourceError("is gone since it was listed", source=source, dataset=dataset)

    def classify(self, source: str, dataset: str, part_rows: int = DEFAULT_PART_ROWS) -> list[dict]:
        """Classify one dataset and split it into sweep units (key ranges for a large table)."""
        scanner = self.scanner()
        try:
            src, ds = self._dataset(scanner, source, dataset)
        except Exception as exc:  # noqa: BLE001
            error = exc.message if isinstance(exc, SourceError) else unexpected("opening", exc)
            self._write(self._file("classify", source, dataset), Classification(
                source=source, dataset=dataset, error=error))
            return []
        try:
            c = scanner.classify(src, ds)  # keeps its own errors
            try:
                parts = ds.partitions(part_rows)
            except Exception:  # noqa: BLE001 - cannot count: sweep it whole, which reports the real error
                parts = [None]
        finally:
            ds.close()
            src.close()
        # Sample and sweep are independent: a failed sample still leaves the dataset to sweep.
        units = [{"source": source, "dataset": dataset, "index": i, "of": len(parts),
                  "part": p.to_dict() if p else None} for i, p in enumerate(parts)]
        self._write(self._file("units", source, dataset), units)
        self._write(self._file("classify", source, dataset), c)
        return units

    def step_failed(self, kind: str, source: str, dataset: str = "", unit: dict | None = None,
                    error: str = "") -> dict:
        """Record a step whose process died or raised: the error in its result file, and what runs next.

        A classify step that failed still leaves its dataset to sweep, whole (sample and sweep are
        independent); returns what the step would have returned.
        """
        if kind == "discover":
            cfg = next(s for s in self.config.sources if s.name == source)
            self._write(self._file("sources", source), {"name": source, "kind": cfg.kind, "error": error,
                                                        "datasets": []})
            return {"datasets": []}
        if kind == "classify":
            units = [{"source": source, "dataset": dataset, "index": 0, "of": 1, "part": None}]
            self._write(self._file("units", source, dataset), units)
            self._write(self._file("classify", source, dataset),
                        Classification(source=source, dataset=dataset, error=error))
            return {"units": units}
        assert unit is not None
        self._write(self._file("sweep", unit["source"], unit["dataset"], unit["index"]),
                    SweepResult(source=unit["source"], dataset=unit["dataset"], part=unit["part"], error=error))
        return {"source": unit["source"], "dataset": unit["dataset"], "index": unit["index"], "rows": 0,
                "violations": 0, "error": True}

    def done(self, kind: str, source: str, dataset: str = "", index: int | None = None) -> bool:
        """Whether a step finished and left its result file (``--resume`` skips such steps)."""
        path = self._file(kind, source, dataset, index)
        if kind == "sources":
            return path.exists() and json.loads(path.read_text()).get("listed", True)
        if kind == "classify":
            return path.exists() and self._file("units", source, dataset).exists()
        return path.exists()

    def read(self, kind: str, source: str, dataset: str = "") -> Any:
        """A finished discover step's dataset names, or classify step's sweep units."""
        data = json.loads(self._file(kind, source, dataset).read_text())
        return data["datasets"] if kind == "sources" else data

    def sweep(self, unit: dict) -> dict:
        """Sweep one unit; returns counts only."""
        source, dataset = unit["source"], unit["dataset"]
        scanner = self.scanner()
        c = Classification.model_validate_json(self._file("classify", source, dataset).read_text())
        try:
            src, ds = self._dataset(scanner, source, dataset)
        except Exception as exc:  # noqa: BLE001
            error = exc.message if isinstance(exc, SourceError) else unexpected("opening", exc)
            res = SweepResult(source=source, dataset=dataset, part=unit["part"], error=error)
        else:
            try:
                res = scanner.sweep(src, ds, c, Part.from_dict(unit["part"]))  # keeps its own errors
            finally:
                ds.close()
                src.close()
        self._write(self._file("sweep", source, dataset, unit["index"]), res)
        return {"source": source, "dataset": dataset, "index": unit["index"], "rows": res.rows,
                "violations": len(res.violations), "error": res.error is not None}

    def reduce(self, started: str | None = None, run_id: str | None = None, latest: Path | None = None,
               sources: list[str] | None = None) -> dict:
        """Build report.json from every step's files; a step that left nothing is reported as an error.

        ``sources``: the sources this run was asked to scan (default: all of the config's).
        """
        report = self.report(started, run_id, sources)
        path = write_report(report, self.run_dir)
        from pipeline.report.publish import publish

        # The history sits beside latest/ (PDD_REPORT_DIR), shared by every run, unless the config names one.
        published = publish(report, self.run_dir, self.scanner().config,
                            history_dir=latest.parent if latest is not None else self.run_dir.parent)
        if latest is not None:
            latest.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, latest / "report.json")
            shutil.copyfile(published.html, latest / "report.html")
        return summarize(report, path)

    def report(self, started: str | None = None, run_id: str | None = None,
               sources: list[str] | None = None) -> Report:
        """The report from every step's files (the reduce step, without writing it)."""
        scanner = self.scanner()
        results = []
        for cfg in scanner.config.sources:
            if sources is not None and cfg.name not in sources:
                continue
            sfile = self._file("sources", cfg.name)
            if not sfile.exists():
                results.append(SourceResult(name=cfg.name, kind=cfg.kind, error=f"source {cfg.name!r}: not scanned "
                                            f"(its discover task did not finish; {self.log_hint})"))
                continue
            meta = json.loads(sfile.read_text())
            sr = SourceResult(name=cfg.name, kind=cfg.kind, error=meta["error"])
            for dataset in meta["datasets"]:
                sr.datasets.append(self._finish(scanner, cfg, dataset))
            results.append(sr)
        return assemble(results, scanner.config, started or now(), run_id, notes=scanner.persons.notes)

    def _finish(self, scanner: Scanner, cfg: Any, dataset: str) -> DatasetResult:
        cfile = self._file("classify", cfg.name, dataset)
        if not cfile.exists():
            return DatasetResult(source=cfg.name, dataset=dataset,
                                 error=f"not classified (its classify task did not finish; {self.log_hint})")
        c = Classification.model_validate_json(cfile.read_text())
        # in unit order, which is key order (a key range's bound may be None, a string or a list)
        parts = sorted(self._file("sweep", cfg.name, dataset, 0).parent.glob("*.json"), key=lambda p: int(p.stem))
        sweeps = [SweepResult.model_validate_json(p.read_text()) for p in parts]
        res = scanner.finish(c, sweeps, getattr(cfg, "role", "controller"))
        ufile = self._file("units", cfg.name, dataset)
        expected = len(json.loads(ufile.read_text())) if ufile.exists() else None
        if not sweeps:
            res.error = join_errors(res.error, f"not swept (its sweep tasks did not finish; {self.log_hint})")
        elif expected is not None and len(sweeps) < expected:
            res.error = join_errors(res.error, f"{expected - len(sweeps)} of {expected} key ranges not swept "
                                    f"(their sweep tasks did not finish; {self.log_hint})")
        return res


def summarize(report: Report, path: Path | str) -> dict:
    """Counts for XCom and for the failure message: rule -> {where: count}; never a value."""
    by_rule: dict[str, dict[str, int]] = {}
    for v in report.violations:
        if v.accepted is not None:  # a steward accepted it until a date (pipeline/review): reported, not failed
            continue
        where = f"{v.source}/{v.dataset}.{v.field}"
        by_rule.setdefault(v.rule, {}).setdefault(where, 0)
        by_rule[v.rule][where] += 1
    return {"report": str(path), "run_id": report.run.id, "violations": len(report.violations),
            "accepted": sum(v.accepted is not None for v in report.violations),
            "by_rule": by_rule, "failed_sources": {s.name: s.error for s in report.sources if s.status != "ok"},
            "exit_code": report.exit_code}


def failure_message(summary: dict) -> str | None:
    """What a failed run says in its task log: which rule, where, how many; None when the run is clean."""
    lines = []
    for rule, where in sorted(summary["by_rule"].items()):
        total = sum(where.values())
        top = ", ".join(f"{w} ({n})" for w, n in sorted(where.items(), key=lambda kv: -kv[1])[:10])
        lines.append(f"{rule}: {total} record(s) in {top}" + (" ..." if len(where) > 10 else ""))
    for name, error in summary["failed_sources"].items():
        lines.append(f"source {name} failed: {error}")
    if not lines:
        return None
    return f"pdd found problems (report: {summary['report']}):\n" + "\n".join(lines)
