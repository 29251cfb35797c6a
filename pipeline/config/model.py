"""Typed configuration: the sources config of contract.md §1, plus pdd's own settings.

Lookup order, documented once: values come from the YAML file; ``${NAME}`` in a
string value is replaced from the environment (so secrets never sit in the
file); relative paths and SQLite files are resolved against the config file's
folder. Nothing else is consulted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceConfig(_Strict):
    """Keys every source has; each kind's module extends this with its own."""

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")
    """Unique; appears in every finding."""
    kind: str
    """Which source module reads it (sql, logs, files, ...)."""
    role: Literal["controller", "processor", "backup"] = "controller"
    """`processor` marks Part II service data (a customer's own records); `backup` a backup copy
    (the policy's retention window plus its backup months)."""


class SqlSourceConfig(SourceConfig):
    url: SecretStr | None = None
    """Any SQLAlchemy URL; `${ENV}` is expanded. Exactly one of url and conn_id."""
    conn_id: str | None = None
    """An Airflow Connection id, resolved when running under Airflow."""
    schemas: list[str] | None = None
    """Schemas to scan; default: the connection's default schema."""
    include: list[str] = ["*"]
    exclude: list[str] = []
    pool: str | None = None
    """Airflow pool that bounds concurrent tasks against this store."""
    busy_timeout: float = Field(5.0, ge=0, le=3600)
    """Seconds to wait for a SQLite file that another process holds locked before reporting it."""


class PathSourceConfig(SourceConfig):
    path: str
    """A glob, relative to the config file's folder unless absolute."""
    exclude: list[str] = []


class ClassificationSettings(_Strict):
    sample_size: int = Field(200, ge=10, le=100_000)
    """Values examined per field for classification."""
    threshold: float = Field(0.5, gt=0, lt=1)
    """A type is asserted for a field when its confidence reaches this."""
    spacy_model: str | None = None
    """Installed spaCy pipeline (package name or path) to use for NER; none by default."""
    recognizers: str | None = None
    """A recognizers file (Presidio's recognizer YAML plus validator and category; pipeline/config/recognizers.py)
    for the company's own identifiers, relative to the config's folder."""


class SweepSettings(_Strict):
    batch_size: int = Field(5_000, ge=100, le=1_000_000)
    """Records per batch when streaming every row."""


class PolicySettings(_Strict):
    map: str | None = None
    """Policy map YAML; default: the bundled Scalejet map."""


class StewardSettings(_Strict):
    """Where the state that outlives a run lives (pipeline/review, pipeline/history)."""

    decisions: str = "pdd-review.yaml"
    """Review decisions file, relative to the config's folder; applied when it exists."""
    history: SecretStr | None = None
    """Run history: a SQLAlchemy URL (PostgreSQL, MariaDB, SQLite) or a file path; `${ENV}` is expanded.
    Default: history.sqlite in the report folder."""


class AccountDecl(_Strict):
    """A dataset whose records are accounts (people): declared when discovery misses or misjudges it."""

    source: str
    dataset: str
    key: str
    """The field holding the account's id, which other datasets reference."""
    terminated: str | None = None
    """The field with the termination/closure date (or the date the status changed, with `status`)."""
    status: str | None = None
    """A status field; with it, `terminated` is the date of the last status change."""


class LinkDecl(_Strict):
    """A field of a dataset that references an account dataset's key."""

    source: str
    dataset: str
    field: str
    to: str | None = None
    """The account dataset as `source/dataset`; required in `links`, ignored in `ignore`."""


class LinkageSettings(_Strict):
    accounts: list[AccountDecl] = []
    """Account datasets, added to (or replacing, same source/dataset) the discovered ones."""
    links: list[LinkDecl] = []
    """References to declare where the store has no foreign key and names or values do not show it."""
    ignore: list[LinkDecl] = []
    """Discovered or inferred links that are wrong (the field is not that account's id)."""
    min_overlap: float = Field(0.9, gt=0, le=1)
    """An inferred link needs this share of the field's distinct values to be keys of the account dataset."""


class ExportTarget(_Strict):
    """An export written after each scheduled run (pipeline/export); none unless configured."""

    target: Literal["datahub", "fides"]
    out: str | None = None
    """File to write, relative to the config's folder (required unless `url`)."""
    url: str | None = None
    """Server to send to (DataHub GMS); its token is read from the environment (DATAHUB_GMS_TOKEN)."""
    platforms: dict[str, str] = {}
    """Source name -> DataHub platform, where the SQL URL does not tell it (a conn_id source)."""
    env: str = "PROD"

    @model_validator(mode="after")
    def _somewhere(self) -> ExportTarget:
        if not self.out and not self.url:
            raise ValueError(f"export {self.target}: give `out` (a file) or `url` (a server)")
        return self


class Config(_Strict):
    as_of: dt.date = Field(default_factory=dt.date.today)
    sources: list[SourceConfig] = Field(min_length=1)
    classification: ClassificationSettings = ClassificationSettings()
    sweep: SweepSettings = SweepSettings()
    policy: PolicySettings = PolicySettings()
    stewards: StewardSettings = StewardSettings()
    linkage: LinkageSettings = LinkageSettings()
    schedule: str | None = None
    """Cron or preset for the scheduled Airflow run."""
    exports: list[ExportTarget] = []
    """Exports the scheduled run writes after its report (an optional DAG task, off when empty)."""
    base_dir: Path = Path(".")
    """The config file's folder (set by the loader, not read from YAML)."""

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[SourceConfig]) -> list[SourceConfig]:
        seen: set[str] = set()
        for s in sources:
            if s.name in seen:
                raise ValueError(f"duplicate source name {s.name!r}")
            seen.add(s.name)
        return sources

    def resolve(self, path: str | Path) -> Path:
        p = Path(path).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    def with_connections(self, url_of: Callable[[str], str]) -> Config:
        """This config with every SQL source's ``conn_id`` replaced by the URL ``url_of(conn_id)`` gives (an
        Airflow Connection read whole: pipeline/airflow_provider/hooks.py)."""
        if not any(isinstance(s, SqlSourceConfig) and s.conn_id for s in self.sources):
            return self
        sources = [s.model_copy(update={"url": SecretStr(url_of(s.conn_id)), "conn_id": None})
                   if isinstance(s, SqlSourceConfig) and s.conn_id else s for s in self.sources]
        return self.model_copy(update={"sources": sources})
