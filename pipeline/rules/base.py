"""What a rule is: something checked on every record of a dataset, in one streaming pass.

A rule sees the dataset's fields with their classification (so the under-16
rule knows which fields hold dates of birth) and then every batch; it returns
violations as it finds them and may hold back undecided ones until ``finish``
(dates whose day/month order only the rest of the column settles). A rule
keeps per-field counts so that the report can list, for instance, CREDIT_CARD
on every field where the sweep found a full number.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from pipeline.report.model import ViolationEntry as Violation  # rules emit report entries directly
from pipeline.sources.base import Batch

_RULES: dict[str, type[Rule]] = {}


@dataclass
class FieldFinding:
    """What a rule found in one field over the whole sweep, for the field's entity list."""

    entity: str
    records: int = 0


@dataclass(frozen=True)
class DatasetContext:
    source: str
    dataset: str
    as_of: dt.date | None  # None only outside a scan (contracts check card values without one)
    #: field -> entity types asserted by classification
    field_types: dict[str, list[str]]
    #: the linkage as this dataset sees it (pipeline.linkage.DatasetLinks), None when no account dataset is known
    links: object | None = None


class Rule(ABC):
    name: ClassVar[str]

    def __init_subclass__(cls, **kw: object) -> None:
        super().__init_subclass__(**kw)
        if cls.__dict__.get("name"):
            _RULES[cls.name] = cls

    def __init__(self, ctx: DatasetContext):
        self.ctx = ctx
        self.findings: dict[str, FieldFinding] = {}
        self.notes: list[str] = []

    @abstractmethod
    def check(self, batch: Batch) -> list[Violation]:
        """Violations in this batch (each record at most once per rule)."""

    def needs_every_record(self) -> bool:
        """False when the rule can find something only in a record whose raw bytes hold a card candidate
        (pipeline/sources/prefilter.py): a read may then leave the other records out (ReadPlan)."""
        return True

    def reads_raw_texts(self) -> bool:
        """True when ``check`` reads nothing but each field's values as texts (``Batch.texts``, see
        ReadPlan.raw_texts); a rule that reads typed values or needs ``columns`` says False."""
        return False

    def finish(self) -> list[Violation]:
        """Violations held back until the whole dataset was seen."""
        return []

    def state(self) -> dict:
        """What ``finish`` needs, as JSON, when a dataset is swept in parts by several workers."""
        return {}

    def absorb(self, state: dict) -> None:  # noqa: B027 - a hook: rules that keep no state take nothing in
        """Take in one part's ``state()``; after all parts, ``finish`` decides as if it had seen the whole."""

    def violation(self, field_name: str, key: str, evidence: str, path: str | None = None) -> Violation:
        # evidence is masked by the rule: never a raw value
        return Violation(rule=self.name, source=self.ctx.source, dataset=self.ctx.dataset, field=field_name,
                         key=key, path=path, evidence=evidence)

    def found(self, field_name: str, entity: str) -> None:
        self.findings.setdefault(field_name, FieldFinding(entity)).records += 1


def rules() -> dict[str, type[Rule]]:
    return dict(_RULES)
