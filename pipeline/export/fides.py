"""`pdd export fides`: one fides dataset per source, fields carrying fideslang data categories.

The YAML is what `fides evaluate` and `fides push` read (`dataset: [...]`). Collections are pdd's
datasets, fields its fields (names as stored; a JSON path stays one dotted name). A field's
`data_categories` come from its entity types through pipeline/policy/fideslang.yaml; its description
says the types, confidences, the policy categories, `declared` and the review status. Every dataset is
validated with fideslang's own `Dataset` model, and what is written is that model's dump.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from pipeline.export.base import (
    DatasetFindings,
    ExportError,
    FieldFinding,
    MissingExtra,
    datasets,
    write_text,
)
from pipeline.policy.fideslang_map import fideslang_categories
from pipeline.report.model import Report


def _fideslang() -> Any:  # the fideslang.models module
    try:
        from fideslang import models
    except ImportError:
        raise MissingExtra("fideslang", "fides",
                           "fideslang pins pydantic<2.13, below pdd's lock: install it in its own environment, "
                           "see `make fides-venv`") from None
    return models


def fides_key(name: str) -> str:
    """A FidesKey (letters, digits, `_ . - < >`) for a source name; other characters become `_`."""
    return re.sub(r"[^A-Za-z0-9_.<>-]", "_", name) or "_"


def describe(f: FieldFinding) -> str:
    """The field's findings in one line (no value: types, confidences, categories, declared, review)."""
    review = f"review: {f.status}" + (f" by {f.reviewed_by}" if f.reviewed_by else "")
    if not f.types:
        return f"pdd: no personal data found; {review}"
    types = ", ".join(f"{t.type} ({t.confidence:.2f})" for t in f.types)
    cats = ", ".join(f.categories) or "none"
    return f"pdd: {types}; policy categories: {cats}; {'declared' if f.declared else 'NOT declared'}; {review}"


#: The category of a company's own type (a recognizers file's, not in entities.md and so not in the map):
#: fideslang's root of data about a user; the field's description names the type.
OWN_TYPE_CATEGORY = "user"


def _field(f: FieldFinding, cmap: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": f.field, "description": describe(f)}
    cats = sorted({cmap.get(t.type, OWN_TYPE_CATEGORY) for t in f.types})
    if cats:
        out["data_categories"] = cats
    return out


def fides_datasets(report: Report) -> list[dict[str, Any]]:
    """One fides dataset (a plain dict, as the YAML holds it) per source of the report."""
    cmap = fideslang_categories()
    by_source: dict[str, list[DatasetFindings]] = {}
    for d in datasets(report):
        by_source.setdefault(d.source, []).append(d)
    out = []
    for source, dss in by_source.items():
        personal = sum(len(d.personal) for d in dss)
        out.append({
            "fides_key": fides_key(source),
            "name": source,
            "description": f"pdd scan {report.run.id} (as of {report.run.as_of}): {personal} personal field(s) "
                           f"in {len(dss)} dataset(s)",
            "meta": {"pdd_run": report.run.id, "pdd_as_of": report.run.as_of, "pdd_source_kind": dss[0].kind},
            "collections": [{"name": d.dataset, "fields": [_field(f, cmap) for f in d.fields]} for d in dss],
        })
    return out


def validated(report: Report) -> list[dict[str, Any]]:
    """The datasets as fideslang's `Dataset` model accepts and dumps them; ExportError names the one refused."""
    models = _fideslang()
    from pydantic import ValidationError

    out = []
    for raw in fides_datasets(report):
        try:
            ds = models.Dataset.model_validate(raw)
        except ValidationError as exc:
            where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
            raise ExportError(f"fides dataset {raw['fides_key']!r} refused by fideslang: {where}") from None
        out.append(ds.model_dump(mode="json", exclude_none=True))
    return out


def export_fides(report: Report, out: str | Path) -> Path:
    """Write the fides dataset YAML (validated first) to OUT."""
    text = yaml.safe_dump({"dataset": validated(report)}, sort_keys=False, allow_unicode=True)
    return write_text(out, text)
