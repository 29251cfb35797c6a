"""report.json, exactly as contract.md §3 gives it. Keys are only ever added."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

REPORT_VERSION = 1
SCHEMA_URI = f"https://pdd.dev/schemas/report-v{REPORT_VERSION}.schema.json"
"""What every report.json names in ``$schema``: the `$id` of `pdd schema report` (docs/schemas/report.schema.json).
Keyed on report_version, which changes only when a key changes meaning: keys are only ever added."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RunInfo(_M):
    id: str
    as_of: str
    started_at: str
    finished_at: str
    tool_version: str


class DatasetProblem(_M):
    """A dataset of a source that could not be (fully) read; added to the contract's source entry."""

    dataset: str
    error: str


class SourceEntry(_M):
    name: str
    kind: str
    status: str  # "ok" or "error"
    error: str | None
    datasets: int
    fields: int
    rows_scanned: int
    problems: list[DatasetProblem] = Field(default_factory=list)
    skipped: dict[str, int] = Field(default_factory=dict)
    """Lines or values the read counted and skipped, by reason (never silent)."""


class EntityEntry(_M):
    type: str
    confidence: float
    evidence: list[str]
    name_only: bool = False
    """True when this type rests on the column name alone (no value evidence)."""


class RejectedType(_M):
    type: str
    why: str
    by: str
    template: str | None = None
    """Rejected in this log template's slots only (its text), not in the whole field."""
    slot: int | None = None


class FieldReview(_M):
    """A steward's decision applied to the field (pipeline/review); absent when no decisions were loaded."""

    status: str  # suggested | confirmed | changed
    by: str | None = None
    at: str | None = None
    why: str | None = None
    rejected: list[RejectedType] = Field(default_factory=list)
    changes: list[str] = Field(default_factory=list)
    """Why a confirmed decision was re-opened (status changed): types that appeared or vanished."""


class SlotEntry(_M):
    index: int
    """The slot's place among the template's ``<*>``, from 1."""
    entities: list[str]
    """The types asserted for the slot's values (classified like a column)."""


class TemplateEntry(_M):
    """A log statement (a mined template) whose slots hold personal data (pipeline/templates)."""

    id: int
    template: str
    """The template text with ``<*>`` for each slot; never a raw value."""
    count: int
    """Lines of this template among the lines mined (a scan mines the sampled lines)."""
    slots: list[SlotEntry]


class FieldEntry(_M):
    source: str
    dataset: str
    field: str
    entities: list[EntityEntry]
    categories: list[str]
    declared: bool
    values_sampled: int
    samples: list[str] = Field(default_factory=list)
    """A few masked sample values of a personal field (``j***@example.com``); masked where read."""
    review: FieldReview | None = None
    empty: str | None = None
    """Why the field had no values to examine ("no non-null value in 200", "all 10000 values are '-'"), else null."""
    templates: list[TemplateEntry] = Field(default_factory=list)
    """For a log's message field: the templates whose slots hold personal data, most lines first."""


class Acceptance(_M):
    why: str
    until: str
    by: str


class ViolationEntry(_M):
    rule: str
    source: str
    dataset: str
    field: str
    key: str
    path: str | None
    evidence: str
    accepted: Acceptance | None = None
    """Set when a steward accepted this violation until a date: reported, not counted in the exit status."""


class Report(_M):
    model_config = ConfigDict(extra="forbid", validate_by_name=True, serialize_by_alias=True)
    schema_uri: str = Field(SCHEMA_URI, alias="$schema")
    """The JSON Schema this file follows; a report written before it had none reads as this one."""
    report_version: int = REPORT_VERSION
    run: RunInfo
    sources: list[SourceEntry]
    fields: list[FieldEntry]
    violations: list[ViolationEntry]
    notes: list[str] = Field(default_factory=list)
    """Things a steward should know that are not findings (ambiguous dates left undecided, ...)."""

    @property
    def exit_code(self) -> int:
        """0 clean, 1 violations found, 2 a source failed (contract.md §3)."""
        if any(s.status != "ok" for s in self.sources):
            return 2
        return 1 if any(v.accepted is None for v in self.violations) else 0
