"""`pdd contracts init`: contracts drafted from a scan, for a steward to review and commit.

What the draft infers: each field's allowed types are the types the scan
found (never CREDIT_CARD: a full card number is never allowed); its
categories are the report's; rules are ``full_card_number`` on every field that
can hold one (text, JSON, integers), ``under_16`` on date-of-birth and age
fields, ``card_last_four_shape`` on CARD_LAST_FOUR fields whose sampled values
are all four digits (not a masked number, not a text that quotes one). Every
scanned dataset gets a contract, personal or not, so that the card rule covers it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.config.model import Config
from pipeline.contracts.model import CONTRACT_VERSION, FORBIDDEN_TYPES
from pipeline.contracts.store import FieldProfile, open_store
from pipeline.report.model import FieldEntry, Report
from pipeline.sources import SourceError

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_UNKNOWN = FieldProfile(can_hold_card=True, last_four_shaped=False)
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


class DraftError(Exception):
    """The draft cannot be written (a source failed, files would be overwritten); the message says which."""


@dataclass(frozen=True)
class Draft:
    filename: str
    source: str
    dataset: str
    text: str


def _scalar(s: str) -> str:
    return s if _PLAIN.fullmatch(s) and s.lower() not in _YAML_WORDS else json.dumps(s, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_scalar(i) for i in items) + "]"


def contract_filename(source: str, dataset: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]", "_", f"{source}.{dataset}") + ".yaml"


def _field_lines(f: FieldEntry, profile: FieldProfile) -> list[str]:
    found = [e.type for e in f.entities]
    types = [t for t in found if t not in FORBIDDEN_TYPES]
    rules: list[str] = []
    if profile.can_hold_card or "CREDIT_CARD" in found:
        rules.append("full_card_number")
    if "DATE_OF_BIRTH" in types:
        rules.append("{under_16: dob}")
    elif "AGE" in types:
        rules.append("{under_16: age}")
    if "CARD_LAST_FOUR" in types and profile.last_four_shaped:  # not a masked number or a text that quotes one
        rules.append("card_last_four_shape")
    head = f"  {_scalar(f.field)}:"
    body = []
    for t in found:
        if t in FORBIDDEN_TYPES:
            body.append(f"    # the scan found {t} here; it is never allowed ({FORBIDDEN_TYPES[t]})")
    if types:
        body.append(f"    types: {_flow(types)}")
    if f.categories:
        body.append(f"    categories: {_flow(f.categories)}")
    if rules:
        body.append(f"    rules: [{', '.join(rules)}]")
    if not body:
        return [head + " {}"]
    if not types and not f.categories and rules and len(body) == 1:
        return [f"{head} {{rules: [{', '.join(rules)}]}}"]
    return [head, *body]


def render(source: str, dataset: str, fields: list[FieldEntry], profiles: dict[str, FieldProfile], as_of: str) -> str:
    lines = [
        f"# Data contract of dataset {dataset} in source {source}.",
        f"# Drafted by `pdd contracts init` from a scan as of {as_of}: `types` are what the scan found there.",
        "# Before committing, a steward reviews it: keep in `categories` only the policy categories that",
        "# justify each field, explain surprising types in a `note`, add rules. Format: data_contracts/README.md",
        f"contract_version: {CONTRACT_VERSION}",
        f"source: {_scalar(source)}",
        f"dataset: {_scalar(dataset)}",
        "rules: []",
        "fields:" if fields else "fields: {}",
    ]
    for f in fields:
        lines += _field_lines(f, profiles.get(f.field, _UNKNOWN))
    return "\n".join(lines) + "\n"


def draft_contracts(config: Config, report: Report, sources: list[str] | None = None) -> list[Draft]:
    """One draft per dataset of the report (only of ``sources`` when given)."""
    failed = [s for s in report.sources if s.status != "ok" and (not sources or s.name in sources)]
    if failed:
        raise DraftError("; ".join(f"source {s.name} could not be scanned: {s.error}" for s in failed))
    by_dataset: dict[tuple[str, str], list[FieldEntry]] = {}
    for f in report.fields:
        if not sources or f.source in sources:
            by_dataset.setdefault((f.source, f.dataset), []).append(f)
    drafts = []
    for cfg in config.sources:
        if sources and cfg.name not in sources:
            continue
        try:
            with open_store(cfg, config) as found:
                stores = {name: sd.profile() for name, sd in found.items()}
        except SourceError as exc:
            raise DraftError(f"source {cfg.name}: {exc}") from None
        for (src, ds), fields in by_dataset.items():
            if src == cfg.name:
                text = render(src, ds, fields, stores.get(ds, {}), report.run.as_of)
                drafts.append(Draft(contract_filename(src, ds), src, ds, text))
    return drafts


def write_drafts(drafts: list[Draft], out: Path, force: bool = False) -> tuple[list[Path], list[Path]]:
    """Write the drafts into ``out``; a file that exists is kept (a steward's edits) unless ``force``."""
    out.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for d in drafts:
        path = out / d.filename
        if path.exists() and not force:
            kept.append(path)
            continue
        path.write_text(d.text, encoding="utf-8")
        written.append(path)
    return written, kept
