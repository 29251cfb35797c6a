"""What the linkage stage knows before the sweep: account datasets, their flagged keys, and the links to them.

A :class:`PersonIndex` is small by construction (the keys of terminated and
under-age accounts, a fixed-size sketch of each account dataset's keys, the
declared links) and travels as one JSON file between workers, like every other
intermediate of a scan.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from pipeline.linkage import names


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (clamped to the month's last day)."""
    y, m = divmod(day.month - 1 - months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def mask_key(key: str) -> str:
    """An account key as evidence shows it: its last two characters only."""
    return "*" * min(max(len(key) - 2, 1), 6) + key[-2:] if len(key) > 2 else "*" + key[-1:]


def key_text(value: object) -> str | None:
    """A key or reference value as text, so that 42, 42.0 and '42' are the same key."""
    if value is None or isinstance(value, (bool, dict, list)):
        return None
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else None
    s = str(value).strip()
    return s or None


class AccountSet(BaseModel):
    """One dataset whose records are accounts, and what the pass over it found."""

    source: str
    dataset: str
    key: str
    terminated: str | None = None
    status: str | None = None
    role: str = "controller"
    evidence: str
    rows: int = 0
    #: bottom-k hashes of the account keys (linkage.sketch), for value overlap
    sketch: list[int] = Field(default_factory=list)
    #: account key -> termination date (ISO), for accounts terminated before as_of minus the shortest window
    ended: dict[str, str] = Field(default_factory=dict)
    #: account keys of people under 16 on as_of (found by the under_16 rule on this dataset's own rows)
    under16: list[str] = Field(default_factory=list)
    error: str | None = None

    @property
    def id(self) -> str:
        return f"{self.source}/{self.dataset}"

    @property
    def tie_field(self) -> str:
        """The field a retention finding on the account's own row names (contract.md §3)."""
        return self.status or self.terminated or self.key  # status set only when it says "terminated"


class Link(BaseModel):
    """A field of one dataset that references an account dataset's key, and how that is known."""

    source: str
    dataset: str
    field: str
    to: str
    kind: str  # "foreign key", "declared", "inferred"
    evidence: str


class PersonIndex(BaseModel):
    as_of: dt.date
    #: role -> months after termination that data may stay; empty when the policy sets no retention
    retention: dict[str, int] = Field(default_factory=dict)
    accounts: list[AccountSet] = Field(default_factory=list)
    #: links known before the sweep (foreign keys, config); inferred ones are decided per dataset
    links: list[Link] = Field(default_factory=list)
    #: (source, dataset, field) that must not be linked
    ignore: list[tuple[str, str, str]] = Field(default_factory=list)
    min_overlap: float = 0.9
    notes: list[str] = Field(default_factory=list)

    def cutoff(self, role: str) -> dt.date | None:
        months = self.retention.get(role, self.retention.get("controller"))
        return None if months is None else months_before(self.as_of, months)

    def for_dataset(self, source: str, dataset: str, role: str) -> DatasetLinks | None:
        accounts = [a for a in self.accounts if not a.error]
        if not accounts:
            return None
        own = next((a for a in accounts if a.source == source and a.dataset == dataset), None)
        return DatasetLinks(self, source, dataset, role, own, accounts)


@dataclass
class Ref:
    """A field of the dataset being swept that may reference an account dataset."""

    field: str
    target: AccountSet
    confirmed: bool
    evidence: str


def confirm(dataset: str, ref: Ref, hashes: list[int], min_overlap: float) -> tuple[Ref | None, str]:
    """An inferred reference confirmed (a new, confirmed :class:`Ref`) or not, by value overlap; and why."""
    from pipeline.linkage.sketch import Sketch

    est = Sketch(hashes).containment_in(Sketch(ref.target.sketch))
    if est is not None and est[1] >= 3 and est[0] >= min_overlap:
        return Ref(ref.field, ref.target, True, f"inferred link {dataset}.{ref.field} -> {ref.target.id}."
                   f"{ref.target.key} (name; {est[0]:.0%} of {est[1]} sampled distinct values are its keys)"), ""
    share = "none of its" if est is None else f"{est[0]:.0%} of {est[1]} sampled distinct"
    return None, f"{ref.target.id} ({share} values are its keys)"


@dataclass
class DatasetLinks:
    """The linkage as one dataset's rules see it: is it an account dataset, which of its fields reference one."""

    index: PersonIndex
    source: str
    dataset: str
    role: str
    account: AccountSet | None
    accounts: list[AccountSet]
    _refs: dict[str, list[Ref]] = field(default_factory=dict)

    @property
    def cutoff(self) -> dt.date | None:
        return self.index.cutoff(self.role)

    def refs(self, field_name: str) -> list[Ref]:
        """The account datasets this field may reference: declared/foreign-key links, else name candidates."""
        if field_name in self._refs:
            return self._refs[field_name]
        out: list[Ref] = []
        if (self.source, self.dataset, field_name) not in {tuple(i) for i in self.index.ignore}:
            for link in self.index.links:
                if (link.source, link.dataset, link.field) == (self.source, self.dataset, field_name):
                    target = next((a for a in self.accounts if a.id == link.to), None)
                    if target is not None:
                        out.append(Ref(field_name, target, True, link.evidence))
            if not out:
                for a in self.accounts:
                    if a is self.account or not names.is_reference_name(field_name, a.dataset):
                        continue
                    out.append(Ref(field_name, a, False, f"inferred: the name {field_name!r} and its values match "
                                                         f"the keys of {a.id}.{a.key}"))
        self._refs[field_name] = out
        return out
