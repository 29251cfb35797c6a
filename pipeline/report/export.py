"""CSV exports for stewards' spreadsheets: the field inventory of a report, the history's trend.

Cells come from the report (masked by construction). Scanned names are hostile
input: a cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``,
``@``, tab, carriage return first) is prefixed with ``'`` so that it stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from pipeline.report.model import Report

INVENTORY_COLUMNS = ["source", "dataset", "field", "types", "confidence", "name_only", "evidence", "samples",
                     "categories", "declared", "review_status", "rejected", "values_sampled", "empty"]
TREND_COLUMNS = ["run_id", "as_of", "started_at", "exit_code", "fields", "personal_fields", "undeclared_fields",
                 "violations", "violations_by_rule"]


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(header: list[str], rows: Iterable[list[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([cell(x) for x in r])
    return buf.getvalue()


def inventory_csv(report: Report) -> str:
    """One row per field: types and confidences side by side, separated by ``; ``."""
    def rows() -> Iterable[list[object]]:
        for f in report.fields:
            es = f.entities
            rv = f.review
            yield [f.source, f.dataset, f.field, "; ".join(e.type for e in es),
                   "; ".join(f"{e.confidence:.2f}" for e in es),
                   "; ".join(e.type for e in es if getattr(e, "name_only", False)),
                   " | ".join(f"{e.type}: {x}" for e in es for x in e.evidence),
                   " | ".join(getattr(f, "samples", None) or []),
                   "; ".join(f.categories), "yes" if f.declared else "no",
                   rv.status if rv else "suggested",
                   "; ".join(f"{r.type}" + (f" in template {r.template!r}" + (f" slot {r.slot}" if r.slot else "")
                                                if r.template else "") + f" ({r.why})" for r in rv.rejected)
                   if rv else "",
                   f.values_sampled, getattr(f, "empty", None)]
    return _csv(INVENTORY_COLUMNS, rows())


def trend_csv(runs: Iterable[object]) -> str:
    """One row per recorded run (pipeline.history.RunRow), oldest first."""
    import json

    return _csv(TREND_COLUMNS, ([r.run_id, r.as_of, r.started_at, r.exit_code, r.fields, r.personal_fields,  # type: ignore[attr-defined]  # history RunRows, typed as object to keep the import light
                                 r.undeclared_fields, r.violations, json.dumps(r.by_rule, sort_keys=True)]  # type: ignore[attr-defined]  # as above
                                for r in runs))
