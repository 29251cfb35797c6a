"""Every place that holds one person's data, for access and erasure requests (`pdd subject`, contract.md §4).

Given an e-mail, a phone number or an account id, two passes over the
configured sources:

1. the account datasets (pipeline/linkage): the rows that are that person's
   account, by key (``--id``) or by the e-mail/phone anywhere in the row;
   their keys are the person's account keys;
2. every dataset: records that hold the e-mail/phone in any field (whole value
   or inside text, JSON, a log line), and records whose reference fields hold
   one of the person's account keys, through the same links the scan uses
   (foreign keys, declared links, names confirmed by value overlap).

Locations only (source, dataset, field, key, and how each was found); the
only value that ever appears is the identity the user gave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from pipeline.engine.context import ScanContext
from pipeline.linkage.index import build_index
from pipeline.linkage.model import DatasetLinks, Ref, confirm, key_text
from pipeline.linkage.sketch import Sketch
from pipeline.sources import Dataset, SourceError

Kind = Literal["email", "phone", "id"]
_SEP = r"[\s().\-/]*"


class Location(BaseModel):
    source: str
    dataset: str
    field: str
    key: str
    found_by: str


class SubjectResult(BaseModel):
    identity: str
    kind: Kind
    locations: list[Location] = Field(default_factory=list)
    #: sources or datasets that could not be read: an erasure cannot be proved complete
    errors: list[str] = Field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else (1 if self.locations else 0)


@dataclass(frozen=True)
class Identity:
    kind: Kind
    value: str

    def __post_init__(self) -> None:
        if self.kind == "phone" and len(re.sub(r"\D", "", self.value)) < 7:
            raise ValueError("a phone number needs at least 7 digits")
        if self.kind == "email" and "@" not in self.value:
            raise ValueError("an e-mail address needs an @")
        if not self.value.strip():
            raise ValueError("the identity is empty")

    @property
    def pattern(self) -> re.Pattern[str] | None:
        if self.kind == "email":
            return re.compile(r"(?<![\w.+-])" + re.escape(self.value.strip()) + r"(?![\w-])", re.IGNORECASE)
        if self.kind == "phone":
            digits = re.sub(r"\D", "", self.value)[-10:]  # national number: with or without a country code
            return re.compile(r"(?<!\d)" + _SEP.join(digits) + r"(?!\d)")
        return None

    @property
    def hint(self) -> str:
        """A cheap substring every match contains, to skip most values before the regex."""
        return self.value.strip().lower() if self.kind == "email" else re.sub(r"\D", "", self.value)[-4:]


@dataclass
class _Found:
    result: SubjectResult
    seen: set[tuple[str, str, str, str]] = field(default_factory=set)

    def add(self, source: str, dataset: str, fname: str, key: str, how: str) -> None:
        if (source, dataset, fname, key) not in self.seen:
            self.seen.add((source, dataset, fname, key))
            self.result.locations.append(Location(source=source, dataset=dataset, field=fname, key=key, found_by=how))


def find_subject(context: ScanContext, identity: Identity) -> SubjectResult:
    """Both passes over ``context``'s sources; the person index is the scan's link step, built here if the
    context has none yet."""
    found = _Found(SubjectResult(identity=identity.value, kind=identity.kind))
    if context.persons is None:
        context.persons = build_index(context)
    index = context.persons
    found.result.errors += [n for n in index.notes if "could not be read" in n or "was not read" in n]
    accounts = {a.id: a for a in index.accounts if not a.error}
    if identity.kind == "id" and not accounts:
        found.result.errors.append("no account dataset is known, so an account id leads nowhere; declare one under "
                                   "linkage.accounts in the config")
        return found.result
    keys: dict[str, set[str]] = {a: set() for a in accounts}
    for first_pass in (True, False):
        for cfg in context.config.sources:
            try:
                src = context.open(cfg)
            except SourceError as exc:
                if first_pass:
                    found.result.errors.append(str(exc))
                continue
            try:
                for ds in src.datasets():
                    try:
                        acct = accounts.get(f"{src.name}/{ds.name}")
                        if first_pass and acct is not None:
                            _sweep(context, src.name, ds, identity, found, None, keys, acct.key, keys[acct.id])
                        elif not first_pass:
                            links = index.for_dataset(src.name, ds.name, cfg.role)
                            _sweep(context, src.name, ds, identity, found, links, keys, None, None)
                    except SourceError as exc:
                        found.result.errors.append(str(exc))
                    finally:
                        ds.close()
            except SourceError as exc:
                if first_pass:
                    found.result.errors.append(str(exc))
            finally:
                src.close()
    found.result.locations.sort(key=lambda x: (x.source, x.dataset, _order(x.key), x.field))
    return found.result


def _order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (1 << 62, key)


def _sweep(context: ScanContext, source: str, ds: Dataset, identity: Identity, found: _Found,
           links: DatasetLinks | None, keys: dict[str, set[str]], key_field: str | None,
           own_keys: set[str] | None) -> None:
    """One dataset: identity matches, and (second pass) references to the person's account keys."""
    pattern, hint = identity.pattern, identity.hint
    sketches: dict[str, Sketch] = {}
    pending: list[tuple[Ref, str]] = []
    for batch in ds.batches(context.config.sweep.batch_size):
        for fname, col in batch.columns.items():
            if pattern is not None:
                for i, (rkey, value) in enumerate(zip(batch.keys, col, strict=False)):
                    if value is None:
                        continue
                    text = str(value)
                    if hint in (text.lower() if identity.kind == "email" else text) or (
                            identity.kind == "phone" and hint in re.sub(r"\D", "", text)):
                        if pattern.search(text):
                            found.add(source, ds.name, fname, rkey, f"the {identity.kind} in {fname}")
                            if own_keys is not None and key_field in batch.columns:
                                k = key_text(batch.columns[key_field][i])
                                if k:
                                    own_keys.add(k)
            elif own_keys is not None and fname == key_field:
                for rkey, value in zip(batch.keys, col, strict=False):
                    if key_text(value) == identity.value.strip():
                        own_keys.add(identity.value.strip())
                        found.add(source, ds.name, fname, rkey, "the account id")
            if links is None:
                continue
            for ref in links.refs(fname):
                wanted = keys.get(ref.target.id)
                if not ref.confirmed:
                    sketches.setdefault(fname, Sketch()).add_many({k for k in map(key_text, set(
                        v for v in col if not isinstance(v, (list, dict)))) if k})
                if not wanted:
                    continue
                for rkey, value in zip(batch.keys, col, strict=False):
                    if key_text(value) in wanted:
                        if ref.confirmed:
                            found.add(source, ds.name, fname, rkey, ref.evidence)
                        else:
                            pending.append((ref, rkey))
    min_overlap = links.index.min_overlap if links else 1.0
    decided: dict[tuple[str, str], Ref | None] = {}
    for ref, rkey in pending:
        pair = (ref.field, ref.target.id)
        if pair not in decided:
            decided[pair] = confirm(ds.name, ref, sketches[ref.field].hashes, min_overlap)[0]
        if decided[pair] is not None:
            found.add(source, ds.name, ref.field, rkey, decided[pair].evidence)  # type: ignore[union-attr]  # not None: checked on the line above
