"""Build a labelled corpus: SQLite tables, logs and files, with the ground truth of every field.

    python -m benchmarks.corpus --split train --out /tmp/pdd-corpus/train
    python -m benchmarks.corpus --seed 7 --locales en_IN,de_DE --out /tmp/c

Writes into OUT: ``corpus.db`` (SQLite), ``logs/`` (access log, JSON lines,
plain text), ``files/`` (CSV, TSV, Parquet, JSON lines), ``pdd.yaml`` (a sources
config for pdd with sources ``db``, ``logs`` and ``files``) and
``ground_truth.json``: ``{"<source>/<dataset>/<field>": [types]}`` with the
contract's naming (dotted paths for JSON keys and Parquet structs, ``c1..cN``
for a headerless CSV, nginx variable names for the access log). The same seed,
locales and Faker version give byte-identical data.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faker import Faker

import benchmarks.corpus.decoys  # registers the decoy kinds
import benchmarks.corpus.fields  # registers the personal kinds
import benchmarks.corpus.text  # noqa: F401 - registers the free-text kinds
from benchmarks.corpus import values as v
from benchmarks.corpus.datasets import TEMPLATES, Template
from benchmarks.corpus.kinds import KINDS, Kind, Tagged
from benchmarks.corpus.locales import LOCALES, SPLITS, Locale
from benchmarks.corpus.write import write_access, write_csv, write_jsonl, write_parquet, write_plain, write_sql

ROWS = (200, 1000)
STYLES = ("snake", "snake", "snake", "camel", "pascal", "upper")


@dataclass
class Column:
    name: str
    kind: Kind
    types: set[str] = field(default_factory=set)


@dataclass
class DatasetSpec:
    source: str
    name: str
    template: str
    container: str
    locale: str
    style: str
    columns: list[Column]
    rows: list[list[Any]]


@dataclass
class Corpus:
    root: Path
    config: Path
    ground_truth: dict[str, list[str]]
    datasets: list[dict]
    #: fields whose kind is a decoy (never personal whatever it looks like)
    decoys: list[str]


def styled(name: str, style: str) -> str:
    parts = [p for p in name.split("_") if p]
    if style == "camel" and len(parts) > 1:
        return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    if style == "pascal":
        return "".join(p[:1].upper() + p[1:] for p in parts) or name
    if style == "upper":
        return name.upper()
    return name


def _faker(locale: str, seed: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def _choose_fields(t: Template, loc: Locale, rng: random.Random) -> list[Kind]:
    out = []
    for f in t.fields:
        if f.when and (loc.region != f.when if not f.when.startswith("!") else loc.region == f.when[1:]):
            continue
        if f.p < 1 and rng.random() >= f.p:
            continue
        out.append(KINDS[rng.choice(f.kind.split("|"))])
    return out


def _name(k: Kind, loc: Locale, t: Template, split: str, style: str, rng: random.Random, used: set[str]) -> str:
    if k.key == "row_id":
        return styled("id", style)
    native = t.native and loc.lang != "en" and rng.random() < 0.7
    pool = k.names_for(loc.lang if native else "en", split)
    for cand in rng.sample(pool, len(pool)):
        name = styled(cand, style)
        if name.lower() not in used:
            used.add(name.lower())
            return name
    base, i = styled(pool[0], style), 2
    while f"{base}_{i}".lower() in used:
        i += 1
    used.add(f"{base}_{i}".lower())
    return f"{base}_{i}"


def _dataset(t: Template, loc: Locale, split: str, seed: int, taken: set[str], rows: tuple[int, int]
             ) -> DatasetSpec:
    rng = random.Random(f"{seed}:{t.key}")
    fake = _faker(loc.code, rng.randrange(2**31))
    style = "snake" if t.container in ("jsonl", "parquet", "access", "plain") and rng.random() < 0.6 \
        else rng.choice(STYLES)
    names = t.names.get(loc.lang) or t.names["en"]
    name = rng.choice(names)
    if t.container == "sql":
        name = styled(name, "upper" if style == "upper" else "snake")
    while name in taken:
        stem, dot, ext = name.partition(".")
        name = f"{stem}_{loc.code.lower()}{dot}{ext}"
    taken.add(name)
    kinds = _choose_fields(t, loc, rng)
    if t.opaque:
        rng.shuffle(kinds)
    columns: list[Column] = []
    used: set[str] = set()
    for i, k in enumerate(kinds, start=1):
        f = next(f for f in t.fields if k.key in f.kind.split("|"))
        if t.opaque:
            cname = f"c{i}"
        else:
            flat_style = "camel" if style == "camel" else "snake"
            leaf_style = style if t.container not in ("jsonl", "parquet") else flat_style
            cname = _name(k, loc, t, split, leaf_style, rng, used)
            if f.group:
                cname = f"{f.group}.{cname}"
        columns.append(Column(cname, k))
    n = rng.randint(*rows)
    data = []
    for i in range(n):
        r = v.Row(rng, fake, loc)
        row: list[Any] = []
        for c in columns:
            if c.kind.key == "row_id":
                row.append(i + 1)
                continue
            if c.kind.null_rate and rng.random() < c.kind.null_rate:
                row.append(None)
                continue
            val = c.kind.make(r)
            if isinstance(val, Tagged):
                c.types |= val.types
                val = val.value
            elif val is not None:
                c.types |= set(c.kind.types)
            row.append(val)
        data.append(row)
    return DatasetSpec(t.folder, name, t.key, t.container, loc.code, style, columns, data)


def generate(out: Path, seed: int, locales: Sequence[str], split: str = "train",
             rows: tuple[int, int] = ROWS) -> Corpus:
    """Write the corpus for ``seed`` and ``locales`` into ``out`` (created; existing corpus files replaced).

    ``split`` picks the half of each name list the split may use (kinds.Kind.names_for); ``rows`` bounds each
    dataset's row count (tests use small corpora).
    """
    unknown = [x for x in locales if x not in LOCALES]
    if unknown:
        raise ValueError(f"unknown locale(s) {', '.join(unknown)}; known: {', '.join(LOCALES)}")
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("logs", "files"):
        (out / sub).mkdir(exist_ok=True)
        for old in (out / sub).iterdir():
            old.unlink()
    db = out / "corpus.db"
    db.unlink(missing_ok=True)
    rng = random.Random(f"{seed}:locales")
    order = list(locales)
    rng.shuffle(order)
    taken: set[str] = set()
    specs = [_dataset(t, LOCALES[order[i % len(order)]], split, seed, taken, rows) for i, t in enumerate(TEMPLATES)]
    truth: dict[str, list[str]] = {}
    decoys: list[str] = []
    manifest = []
    conn = sqlite3.connect(db)
    try:
        for s in specs:
            writer = {"sql": lambda s=s: write_sql(conn, s), "access": lambda s=s: write_access(out / "logs", s),
                      "plain": lambda s=s: write_plain(out / s.source, s),
                      "jsonl": lambda s=s: write_jsonl(out / s.source, s),
                      "csv": lambda s=s: write_csv(out / s.source, s, header=True),
                      "tsv": lambda s=s: write_csv(out / s.source, s, header=True, delimiter="\t"),
                      "csv_noheader": lambda s=s: write_csv(out / s.source, s, header=False),
                      "parquet": lambda s=s: write_parquet(out / s.source, s)}[s.container]
            fields = writer()
            for fname, types, is_decoy in fields:
                key = f"{s.source}/{s.name}/{fname}"
                truth[key] = sorted(types)
                if is_decoy:
                    decoys.append(key)
            manifest.append({"source": s.source, "dataset": s.name, "template": s.template, "locale": s.locale,
                             "style": s.style, "rows": len(s.rows), "fields": len(fields)})
        conn.commit()
    finally:
        conn.close()
    config = out / "pdd.yaml"
    config.write_text(
        "# Generated by benchmarks.corpus.generate: the benchmark corpus as pdd sources.\n"
        f"as_of: {v.AS_OF.isoformat()}\n"
        "sources:\n"
        "  - {name: db, kind: sql, url: \"sqlite:///corpus.db\"}\n"
        "  - {name: logs, kind: logs, path: \"logs/*\"}\n"
        "  - {name: files, kind: files, path: \"files/*\"}\n", encoding="utf-8")
    (out / "ground_truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                           encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"seed": seed, "locales": list(locales), "split": split,
                                                   "datasets": manifest, "decoys": sorted(decoys)}, indent=1) + "\n",
                                       encoding="utf-8")
    return Corpus(out, config, truth, manifest, sorted(decoys))


def split_args(split: str | None, seed: int | None, locales: str | None) -> tuple[int, tuple[str, ...], str]:
    """Seed and locales for a named split, each overridable."""
    base = SPLITS.get(split or "train")
    if base is None:
        raise ValueError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    locs = tuple(x for x in re.split(r"[,\s]+", locales) if x) if locales else base["locales"]
    return (base["seed"] if seed is None else seed), locs, (split or "train")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=sorted(SPLITS), default="train", help="seed and locales of a named split")
    ap.add_argument("--seed", type=int, help="override the split's seed")
    ap.add_argument("--locales", help="override the split's locales (comma-separated Faker locales)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    seed, locs, split = split_args(args.split, args.seed, args.locales)
    t0 = time.perf_counter()
    c = generate(args.out, seed, locs, split)
    print(f"{len(c.datasets)} datasets, {len(c.ground_truth)} fields "
          f"({sum(1 for t in c.ground_truth.values() if t)} personal) in {time.perf_counter() - t0:.1f} s -> {c.root}")
