"""The review decisions file: what data stewards decided about fields and violations.

This module is the file's only owner: nothing else parses or writes it. It is
YAML, meant to be read and changed in pull requests (or with ``pdd review``),
and validated on load with errors that name file, line and key::

    review_version: 1
    fields:
      - source: app_db
        dataset: users
        field: email
        confirm: [EMAIL_ADDRESS]          # the types this field holds, checked by a person
        reject:                           # false positives: kept out of every later scan
          - {type: PHONE_NUMBER, why: "order ids that look like phones"}
          - {type: PERSON_NAME, template: "job <*> started by <*>", slot: 1, why: "job names"}
        add: [PERSON_NAME]                # a type the classifier misses
        by: alice
        at: 2026-11-30
        why: checked against the signup form
    accept:                               # known violations, out of the exit status until `until`
      - rule: full_card_number
        source: app_db
        dataset: sandbox_cards            # field and key are optional (default: all)
        why: payment provider sandbox, test cards only
        until: 2027-01-31
        by: bob
        at: 2026-11-30
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.yaml_lines import LinedYaml

REVIEW_VERSION = 1


class ReviewError(Exception):
    """The decisions file is wrong; the message names file, line and key."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Rejection(_M):
    type: str = Field(min_length=1)
    why: str = Field(min_length=1)
    template: str | None = Field(None, min_length=1)
    """A log template's text as the report writes it (``<*>`` slots): the type is rejected in that template's
    slots only, not in the field (template ids change between runs, their text does not)."""
    slot: int | None = Field(None, ge=1)
    """With ``template``: only this slot (1-based) of it."""

    @property
    def whole_field(self) -> bool:
        return self.template is None

    @property
    def key(self) -> tuple[str, str | None, int | None]:
        return (self.type, self.template, self.slot)


class FieldDecision(_M):
    source: str
    dataset: str
    field: str
    confirm: list[str] | None = None
    """The types a person checked the field holds (``[]``: no personal type); absent: nothing confirmed."""
    reject: list[Rejection] = Field(default_factory=list)
    add: list[str] = Field(default_factory=list)
    by: str = Field(min_length=1)
    at: dt.date
    why: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.dataset, self.field)


class Acceptance(_M):
    rule: str
    source: str
    dataset: str
    field: str | None = None
    key: str | None = None
    why: str = Field(min_length=1)
    until: dt.date
    by: str = Field(min_length=1)
    at: dt.date

    @field_validator("key", mode="before")
    @classmethod
    def _key_as_text(cls, v: object) -> object:
        return str(v) if isinstance(v, int) else v  # `key: 42` in YAML is the report's "42"

    def names_field(self, rule: str, source: str, dataset: str, field: str) -> bool:
        """The acceptance is of this rule's violations in this field (or in the whole dataset), of some
        or all of its records."""
        return (self.rule, self.source, self.dataset) == (rule, source, dataset) and self.field in (None, field)

    def covers(self, rule: str, source: str, dataset: str, field: str, key: str) -> bool:
        return self.names_field(rule, source, dataset, field) and self.key in (None, key)


class Decisions(_M):
    review_version: int = REVIEW_VERSION
    fields: list[FieldDecision] = Field(default_factory=list)
    accept: list[Acceptance] = Field(default_factory=list)

    def for_field(self, source: str, dataset: str, field: str) -> FieldDecision | None:
        return self._index().get((source, dataset, field))

    def _index(self) -> dict[tuple[str, str, str], FieldDecision]:
        return {d.key: d for d in self.fields}


def load_decisions(path: str | Path) -> Decisions:
    """Read and validate the decisions at ``path``; a missing file means no decision yet."""
    path = Path(path)
    if not path.exists():
        return Decisions()
    doc = LinedYaml.read(path, ReviewError, "decisions file")
    if doc.data is None:
        return Decisions()
    if not isinstance(doc.data, dict):
        raise ReviewError(f"{path}: the decisions file must be a mapping with 'fields' and 'accept' lists")
    try:
        decisions = Decisions.model_validate(doc.data)
    except ValidationError as exc:
        msgs = []
        for e in exc.errors():
            text = "unknown key" if e["type"] == "extra_forbidden" else (
                "required key is missing" if e["type"] == "missing" else e["msg"])
            msgs.append(str(doc.error(tuple(e["loc"]), text)))
        raise ReviewError("\n".join(msgs)) from None
    if decisions.review_version != REVIEW_VERSION:
        raise doc.error(("review_version",), f"version {decisions.review_version} is not known "
                        f"(this pdd reads {REVIEW_VERSION})")
    seen: dict[tuple[str, str, str], int] = {}
    for i, d in enumerate(decisions.fields):
        if d.key in seen:
            raise doc.error(("fields", i), f"{'/'.join(d.key)} already has a decision (fields[{seen[d.key]}])")
        seen[d.key] = i
        clash = set(d.confirm or []) & {r.type for r in d.reject if r.whole_field}
        if clash:
            raise doc.error(("fields", i), f"{', '.join(sorted(clash))} both confirmed and rejected")
        for j, r in enumerate(d.reject):
            if r.slot is not None and r.template is None:
                raise doc.error(("fields", i, "reject", j, "slot"), "a slot is one of a template's: give its template")
    return decisions


def save_decisions(decisions: Decisions, path: str | Path) -> None:
    """Write the decisions back as plain YAML (used by `pdd review`), atomically."""
    path = Path(path)
    data = decisions.model_dump(mode="python")  # dates stay YAML dates, unquoted
    for d in data["fields"]:
        for r in d["reject"]:
            for k in ("template", "slot"):
                if r.get(k) is None:
                    r.pop(k)
        for k in ("reject", "add", "why"):
            if not d.get(k):
                d.pop(k)
        if d.get("confirm") is None:
            d.pop("confirm")
    for a in data["accept"]:
        for k in ("field", "key"):
            if a.get(k) is None:
                a.pop(k)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("# pdd review decisions: see pipeline/review/decisions.py for the format.\n"
                   + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    tmp.replace(path)
