"""What must be the same in the reports of one dataset on two engines, and how they differ.

Compared: the fields (source, dataset, field), each field's entity types, every violation (rule, source,
dataset, field, key, path), and per source its status, error and rows scanned.

Not compared, because it must differ or is not a finding: the run block (ids, times); confidences,
evidence and sampled values (a ``date`` column's sample is ``2009-01-14`` on a server where SQLite holds
the text as written, and PostgreSQL samples a large table without an integer key with TABLESAMPLE);
dataset problems' and notes' wording.

One normalisation of keys: a table without a primary key is keyed by SQLite's rowid (1-based) and, on
a server, by the row's 0-based position in the read (contract.md §2). Both name the same row of a
table loaded in rowid order, so such keys are compared as the 0-based position (``rowid - 1``).
"""

from __future__ import annotations

from typing import Any


def comparable(report: Any, keyless: set[tuple[str, str]], *, sqlite: bool) -> dict[str, Any]:
    """The parts of ``report`` that must not depend on the engine; ``keyless``: (source, dataset) of the
    tables without a primary key; ``sqlite``: the report is of the SQLite originals (keys are rowids)."""
    def key(v: Any) -> str:
        if (v.source, v.dataset) in keyless and sqlite:
            return str(int(v.key) - 1)
        return v.key

    return {
        "sources": sorted((s.name, s.status, s.error, s.rows_scanned) for s in report.sources),
        "fields": {f"{f.source}/{f.dataset}/{f.field}": sorted(e.type for e in f.entities) for f in report.fields},
        "violations": sorted((v.rule, v.source, v.dataset, v.field, key(v), v.path or "") for v in report.violations),
    }


def differences(a: dict[str, Any], b: dict[str, Any], limit: int = 40) -> list[str]:
    """Readable lines for what differs between two :func:`comparable` projections (a: SQLite, b: engine).
    Violation lines name rule, place and key only: never a value."""
    out: list[str] = []
    if a["sources"] != b["sources"]:
        sa_, sb = set(a["sources"]), set(b["sources"])
        out += [f"source only in sqlite: {s}" for s in sorted(sa_ - sb, key=str)]
        out += [f"source only on engine: {s}" for s in sorted(sb - sa_, key=str)]
    for f in sorted(set(a["fields"]) | set(b["fields"])):
        ta, tb = a["fields"].get(f), b["fields"].get(f)
        if ta != tb:
            out.append(f"field {f}: sqlite {ta} engine {tb}")
    va, vb = set(a["violations"]), set(b["violations"])
    out += [f"violation only in sqlite: {' '.join(v)}" for v in sorted(va - vb)]
    out += [f"violation only on engine: {' '.join(v)}" for v in sorted(vb - va)]
    return out[:limit] + ([f"... and {len(out) - limit} more"] if len(out) > limit else [])
