"""generate(): the whole demo folder, its sources config and its ground truth.

Layout of ``out_dir``::

    app.db                      source app_db (sql)
    logs/*                      source web_logs (logs)
    exports/*                   source exports (files)
    pdd.yaml                    a config for exactly this folder
    recognizers.yaml            the demo company's own identifier (staff numbers), named by pdd.yaml
    expected.json               the ground truth: planted violations, decoys, every field's entity types

The committed demo/pdd.yaml is the same config seen from one folder up
(``data/app.db``), for the default ``--out demo/data``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifiers.cards import brand
from demo import exports, logs, people
from demo.plant import (
    APP_DB,
    AS_OF,
    BACKUPS,
    EXPORTS,
    FULL_CARD,
    RETENTION,
    UNDER_16,
    WEB_LOGS,
    Ctx,
    Planter,
    Spot,
    Written,
)
from demo.sql import VIEWS, write_sql

#: The demo's recognizers file (its own staff numbers), copied beside the data and named by the config.
RECOGNIZERS = Path(__file__).with_name("recognizers.yaml")
SOURCES = {APP_DB: "sql", WEB_LOGS: "logs", EXPORTS: "files", BACKUPS: "files"}
VIEW_KEYS = {f"{APP_DB}/{view}" for view in VIEWS}


def config_text(root: str = "") -> str:
    """The sources config for demo data in folder ``root`` (relative to the config file, '' or 'data/')."""
    return (
        "# The Scalejet demo: `python -m demo` writes the data, `pdd scan` reads it.\n"
        "# Paths are relative to this file's folder. as_of is fixed so that the planted ages never change.\n"
        f"as_of: {AS_OF.isoformat()}\n"
        "sources:\n"
        f"  - name: {APP_DB}\n    kind: {SOURCES[APP_DB]}\n    url: sqlite:///{root}app.db\n"
        f"  - name: {WEB_LOGS}\n    kind: {SOURCES[WEB_LOGS]}\n    path: {root}logs/*\n"
        f"  - name: {EXPORTS}\n    kind: {SOURCES[EXPORTS]}\n    path: {root}exports/*\n"
        "  # A nightly dump of the accounts table: the policy gives backups 3 months more than active stores.\n"
        f"  - name: {BACKUPS}\n    kind: {SOURCES[BACKUPS]}\n    path: {root}{people.FOLDER}/*\n    role: backup\n"
        "# The company's own identifiers (staff numbers), in Presidio's recognizer YAML: see the file.\n"
        f"classification:\n  recognizers: {root}{RECOGNIZERS.name}\n"
    )


@dataclass(frozen=True)
class Manifest:
    """What a run wrote. Raw planted values are kept for leak tests only and left out of repr."""

    out_dir: Path
    config: Path
    expected: Path
    seed: int
    clean: bool
    scale: float
    violations: list[Spot]
    decoys: list[Spot]
    #: "source/dataset/field" -> entity types, as in expected.json
    fields: dict[str, list[str]]
    #: "source/dataset" -> records written (rows, lines without header)
    records: dict[str, int]
    files: list[Path]
    #: the raw planted card numbers: never print them
    card_numbers: list[str] = field(repr=False)
    #: every raw planted value (cards, birth dates, ages): never print them
    planted_values: list[str] = field(repr=False)

    def summary(self) -> str:
        """One paragraph for a person; masked like every other pdd output (brands and counts only)."""
        tables = {k: n for k, n in self.records.items() if k.startswith(f"{APP_DB}/") and k not in VIEW_KEYS}
        views = len(VIEW_KEYS)
        rows = sum(tables.values())
        per = {s: sum(n for k, n in self.records.items() if k.startswith(f"{s}/")) for s in (WEB_LOGS, EXPORTS)}
        files = {s: sum(1 for k in self.records if k.startswith(f"{s}/")) for s in (WEB_LOGS, EXPORTS)}
        head = (f"Wrote the Scalejet demo data to {self.out_dir} (seed {self.seed}, scale {self.scale}, "
                f"as_of {AS_OF.isoformat()}): app.db with {len(tables)} tables and {views} view ({rows:,} rows), "
                f"{files[WEB_LOGS]} log files ({per[WEB_LOGS]:,} lines) and {files[EXPORTS]} exports "
                f"({per[EXPORTS]:,} records), {len(self.fields)} fields in all.")
        cards = [s for s in self.violations if s.rule == FULL_CARD]
        kids = [s for s in self.violations if s.rule == UNDER_16 and not s.link]
        footprint = [s for s in self.violations if s.rule == UNDER_16 and s.link]
        expired = [s for s in self.violations if s.rule == RETENTION]
        if self.clean:
            planted = "Clean mode: no violation planted."
        else:
            brands = Counter(brand(n) for n in self.card_numbers)
            mix = ", ".join(f"{n} {b}" for b, n in sorted(brands.items()))
            datasets = len({(s.source, s.dataset) for s in cards})
            planted = (f"Planted {len(cards)} full card numbers ({mix}) in {datasets} datasets, "
                       f"{len(kids)} records of people under 16 and {len(footprint)} more records linked to "
                       f"under-16 accounts, and terminated accounts around the retention window: "
                       f"{len(expired)} records past it.")
        return (f"{head} {planted} {len(self.decoys)} decoys (masked cards, Luhn-failing order refs, IMEIs, long ids, "
                f"people exactly 16) must not be flagged. Ground truth: {self.expected}. "
                f"Scan it with: pdd scan {self.config}")


def generate(out_dir: Path, *, seed: int = 7, clean: bool = False, scale: float = 1.0) -> Manifest:
    """Write the demo data into ``out_dir``; the same arguments give byte-identical files."""
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive number, got {scale!r}")
    out_dir = Path(out_dir)
    _refuse_strangers(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    planter = Planter(seed=seed, enabled=not clean)
    ctx = Ctx(out_dir=out_dir, seed=seed, scale=scale, planter=planter)
    written = Written()
    for write in (write_sql, logs.write_logs, exports.write_exports):
        written.add(write(ctx))
    written.add(people.write_backups(ctx))  # reads app.db back: after write_sql
    people.truth(ctx)  # reads everything back: last
    if planter.problems:
        raise RuntimeError("demo generator: " + "; ".join(planter.problems))

    fields = _fields(written.fields, planter.violations)
    expected = out_dir / "expected.json"
    expected.write_text(json.dumps(_truth(seed, clean, scale, planter, fields), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    config = out_dir / "pdd.yaml"
    config.write_text(config_text(), encoding="utf-8")
    recognizers = out_dir / RECOGNIZERS.name
    recognizers.write_bytes(RECOGNIZERS.read_bytes())
    return Manifest(out_dir=out_dir, config=config, expected=expected, seed=seed, clean=clean, scale=scale,
                    violations=_sorted(planter.violations), decoys=_sorted(planter.decoys), fields=fields,
                    records=dict(sorted(written.records.items())),
                    files=[*written.files, expected, config, recognizers],
                    card_numbers=list(planter.cards), planted_values=list(planter.raw))


def _refuse_strangers(out_dir: Path) -> None:
    """Other files under logs/ or exports/ would be scanned too and are in no ground truth: refuse before writing."""
    strangers = sorted(f"{mod.FOLDER}/{p.name}" for mod in (logs, exports, people) if (out_dir / mod.FOLDER).is_dir()
                       for p in (out_dir / mod.FOLDER).iterdir() if p.name not in mod.WRITERS)
    if strangers:
        raise ValueError(f"{out_dir} holds files that the demo did not write and that a scan would read: "
                         f"{', '.join(strangers)}; remove them or choose another output folder")


def _fields(types: dict[str, list[str]], violations: list[Spot]) -> dict[str, list[str]]:
    """Each field's entity types, plus CREDIT_CARD where a card was planted (contract.md §3)."""
    out = {k: set(t) for k, t in types.items()}
    for s in violations:
        key = f"{s.source}/{s.dataset}/{s.field}"
        if key not in out:
            raise RuntimeError(f"demo generator: planted violation in {key}, a field no writer declared")
        if s.rule == FULL_CARD:
            out[key].add("CREDIT_CARD")
        elif s.rule == RETENTION or s.link:
            continue  # found through the linkage: the field ties the record to its account, it holds no type
        elif not out[key] & {"DATE_OF_BIRTH", "AGE"}:
            raise RuntimeError(f"demo generator: under-16 record planted in {key}, which holds no birth date or age")
    return {k: sorted(out[k]) for k in sorted(out)}


def _sorted(spots: list[Spot]) -> list[Spot]:
    return sorted(spots, key=lambda s: (s.rule, s.source, s.dataset, s.field, int(s.key), s.path or ""))


def _truth(seed: int, clean: bool, scale: float, planter: Planter, fields: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "as_of": AS_OF.isoformat(),
        "generator": {"seed": seed, "clean": clean, "scale": scale},
        "violations": [s.as_json() for s in _sorted(planter.violations)],
        # Records that look like a violation and are not one: a scan that lists them has a false positive.
        "decoys": [s.as_json() for s in _sorted(planter.decoys)],
        "fields": fields,
    }
