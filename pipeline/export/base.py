"""What every export reads from a report: the fields' reviewed types, categories and review status.

Exports are rendered from the same `Report` that report.json is written from, after the stewards'
decisions were applied (pipeline/review): a rejected type has already left `entities` for
`review.rejected`, and is dropped here again so that no export can carry one. Nothing else of a field
travels: no sample value, no evidence text (evidence may quote a column's content in a future rule),
only names, types, confidences, categories, `declared` and the review status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from pipeline.report.model import FieldEntry, Report

if TYPE_CHECKING:
    from pipeline.config.model import Config


class ExportError(Exception):
    """The export could not be built or written; the message names the target and what failed."""


class MissingExtra(ExportError):
    """The target's client library is not installed."""

    def __init__(self, module: str, extra: str, note: str = "") -> None:
        super().__init__(f"needs the {module!r} package, which is not installed: "
                         f"pip install 'pdd[{extra}]'" + (f" ({note})" if note else ""))


class ExportOptions(BaseModel):
    """How pdd's sources are named in the target (one small typed object for every exporter)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    platforms: dict[str, str] = Field(default_factory=dict)
    """Source name -> DataHub platform (postgres, mysql, sqlite, ...), given by hand; wins over `drivers`."""
    drivers: dict[str, str] = Field(default_factory=dict)
    """Source name -> SQLAlchemy driver name of a SQL source (from the config), mapped to a platform."""
    databases: dict[str, str] = Field(default_factory=dict)
    """Source name -> database name, the first part of a SQL dataset's name in DataHub's URNs."""
    env: str = "PROD"
    """DataHub's fabric (environment) of the dataset URNs."""
    services: dict[str, str] = Field(default_factory=dict)
    """Source name -> OpenMetadata `service.database` (default: the source name and `default`)."""


@dataclass(frozen=True)
class TypeFinding:
    type: str
    confidence: float


@dataclass(frozen=True)
class FieldFinding:
    """One scanned field as every export sees it."""

    source: str
    dataset: str
    field: str
    types: tuple[TypeFinding, ...]
    categories: tuple[str, ...]
    declared: bool
    status: str
    """suggested (no decision), confirmed, or changed (decide again): pipeline/review."""
    reviewed_by: str | None = None
    rejected: tuple[str, ...] = ()
    """Types a steward rejected: never exported as found; a target that keeps old tags is told to drop them."""

    @property
    def personal(self) -> bool:
        return bool(self.types)


@dataclass
class DatasetFindings:
    source: str
    kind: str
    dataset: str
    fields: list[FieldFinding] = field(default_factory=list)

    @property
    def personal(self) -> list[FieldFinding]:
        return [f for f in self.fields if f.personal]


def options_from_config(config: Config | str | Path, **overrides: object) -> ExportOptions:
    """Platforms and database names of the SQL sources of a scan's config (no secret is kept)."""
    from sqlalchemy.engine import make_url

    from pipeline.config.load import load_config

    cfg = config if not isinstance(config, (str, Path)) else load_config(config)
    drivers: dict[str, str] = {}
    databases: dict[str, str] = {}
    for s in cfg.sources:
        url = getattr(s, "url", None)
        if url is None:
            continue
        u = make_url(url.get_secret_value())
        drivers[s.name] = u.drivername
        if u.database:
            databases[s.name] = Path(u.database).stem if u.get_backend_name() == "sqlite" else u.database
    data: dict = {"drivers": drivers, "databases": databases}
    for k, v in overrides.items():
        data[k] = {**data.get(k, {}), **v} if isinstance(v, dict) else v
    return ExportOptions.model_validate(data)


def _finding(f: FieldEntry) -> FieldFinding:
    rejected = {r.type for r in f.review.rejected} if f.review else set()
    types = tuple(TypeFinding(e.type, round(e.confidence, 4)) for e in f.entities if e.type not in rejected)
    return FieldFinding(source=f.source, dataset=f.dataset, field=f.field, types=types,
                        categories=tuple(f.categories), declared=f.declared,
                        status=f.review.status if f.review else "suggested",
                        reviewed_by=f.review.by if f.review and f.review.status == "confirmed" else None,
                        rejected=tuple(sorted(rejected)))


def datasets(report: Report) -> list[DatasetFindings]:
    """The report's fields grouped by source and dataset, in report order."""
    kinds = {s.name: s.kind for s in report.sources}
    out: dict[tuple[str, str], DatasetFindings] = {}
    for f in report.fields:
        key = (f.source, f.dataset)
        if key not in out:
            out[key] = DatasetFindings(f.source, kinds.get(f.source, "files"), f.dataset)
        out[key].fields.append(_finding(f))
    return list(out.values())


def load(report_dir: str | Path) -> Report:
    """The report.json in REPORT_DIR (or that file); ExportError when it is missing or not a report."""
    from pipeline.report import read_report

    try:
        return read_report(report_dir)
    except (OSError, ValueError) as exc:
        raise ExportError(f"{report_dir}: not a readable report.json ({exc.__class__.__name__})") from None


def readable(tmp: str) -> None:
    """mkstemp makes a 0600 file; an export is for other tools to read: the umask's usual mode instead."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)


def write_text(path: str | Path, text: str) -> Path:
    """Write atomically, so that a failed export never leaves half a file where a good one was."""
    import os
    import tempfile

    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".pdd-export-", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        readable(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc.__class__.__name__}") from None
    return target
