"""The run store: one scan run's folder, where every step leaves its result as a JSON file.

Why files: steps run in this process, in forked workers or in Airflow tasks on other machines, and a
stopped run resumes from what is there. The report is assembled from these files alone, so it is the same
whoever ran the steps. Values stay in the scanned stores: the files hold masked results only. Files are
written to a temporary name and renamed, so a step killed half-way leaves no file.

Layout under ``<folder>/work``: ``sources/<source>.json`` (a discover step's listing),
``classify/<source>/<dataset>.json`` and ``units/<source>/<dataset>.json`` (a classify step's result and
the sweep units it made), ``sweep/<source>/<dataset>/<i>.json`` (one unit's sweep), ``linkage.json``
(the link step's person index).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pipeline.engine.dataset import Classification, SweepResult, Unit
from pipeline.linkage.model import PersonIndex

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_FINGERPRINT = "scan.json"


def _safe(name: str) -> str:
    """A file name for a source or dataset name; the hash keeps ``a b`` and ``a_b`` apart."""
    return f"{_SAFE.sub('_', name)[:80]}-{hashlib.sha1(name.encode()).hexdigest()[:8]}"


class RunStore:
    """The folder of one scan run and the typed results in it."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        (self.folder / "work").mkdir(parents=True, exist_ok=True)

    # -- paths ----------------------------------------------------------------------------------------
    def _path(self, kind: str, source: str, dataset: str = "", index: int | None = None) -> Path:
        folder = self.folder / "work" / kind / _safe(source)
        if not dataset:
            return folder.with_suffix(".json")
        if index is None:
            return folder / f"{_safe(dataset)}.json"
        return folder / _safe(dataset) / f"{index}.json"

    @staticmethod
    def _write(path: Path, data: BaseModel | Any) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{secrets.token_hex(4)}.tmp")
        tmp.write_text(data.model_dump_json() if isinstance(data, BaseModel) else json.dumps(data))
        os.replace(tmp, path)  # workers that write the same file at once write the same thing

    # -- discover: a source's datasets ------------------------------------------------------------------
    def write_listing(self, source: str, kind: str, datasets: list[str], error: str | None,
                      listed: bool = True) -> None:
        """A source's dataset names; ``listed`` False marks a listing begun and not finished."""
        self._write(self._path("sources", source), {"name": source, "kind": kind, "error": error,
                                                    "datasets": datasets, "listed": listed})

    def listing(self, source: str) -> dict | None:
        """A source's listing ({kind, error, datasets, listed}), begun or finished; None before its step ran."""
        path = self._path("sources", source)
        return json.loads(path.read_text()) if path.exists() else None

    # -- classify: a dataset's classification and sweep units -------------------------------------------
    def write_classification(self, c: Classification, units: list[Unit]) -> None:
        self._write(self._path("units", c.source, c.dataset), [u.model_dump() for u in units])
        self._write(self._path("classify", c.source, c.dataset), c)

    def classification(self, source: str, dataset: str) -> Classification | None:
        path = self._path("classify", source, dataset)
        return Classification.model_validate_json(path.read_text()) if path.exists() else None

    def units(self, source: str, dataset: str) -> list[Unit] | None:
        path = self._path("units", source, dataset)
        return [Unit.model_validate(u) for u in json.loads(path.read_text())] if path.exists() else None

    # -- sweep: one unit's result -----------------------------------------------------------------------
    def write_sweep(self, unit: Unit, result: SweepResult) -> None:
        self._write(self._path("sweep", unit.source, unit.dataset, unit.index), result)

    def sweep(self, unit: Unit) -> SweepResult | None:
        path = self._path("sweep", unit.source, unit.dataset, unit.index)
        return SweepResult.model_validate_json(path.read_text()) if path.exists() else None

    def sweeps(self, source: str, dataset: str) -> list[SweepResult]:
        """Every finished unit of a dataset, in unit order, which is key order (one order whatever finished
        first; a key range's bound may be None, a string or a list, so the unit index orders, not the bound)."""
        parts = sorted(self._path("sweep", source, dataset, 0).parent.glob("*.json"), key=lambda p: int(p.stem))
        return [SweepResult.model_validate_json(p.read_text()) for p in parts]

    # -- link: the person index -------------------------------------------------------------------------
    def write_index(self, index: PersonIndex) -> None:
        self._write(self.folder / "work" / "linkage.json", index)

    def index(self) -> PersonIndex | None:
        path = self.folder / "work" / "linkage.json"
        return PersonIndex.model_validate_json(path.read_text()) if path.exists() else None

    # -- what the run was asked (resume) ----------------------------------------------------------------
    def fingerprint(self) -> dict | None:
        """What a run in this folder was asked ({scan, started}), or None for a fresh folder."""
        path = self.folder / _FINGERPRINT
        return json.loads(path.read_text()) if path.exists() else None

    def write_fingerprint(self, scan: dict, started: str) -> None:
        (self.folder / _FINGERPRINT).write_text(json.dumps({"scan": scan, "started": started}))
