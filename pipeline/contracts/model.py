"""Data contracts: what a steward promises about each dataset, held as YAML and validated on load.

One file holds the contract of one dataset (``source`` + ``dataset`` + ``fields``)
or of several datasets of one source (``source`` + ``datasets``). The format is
documented in data_contracts/README.md. A wrong file is refused with its path,
the line and the key: ``app_db.payments.yaml line 14, fields.card_last4.rules[1]:
unknown rule 'last_four' (known: ...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from classifiers.entities import ENTITY_TYPES
from pipeline.policy import PolicyMap
from pipeline.yaml_lines import LinedYaml, where

CONTRACT_VERSION: Final = 1
FORBIDDEN_TYPES = {"CREDIT_CARD": "the policy forbids storing full card numbers; the full_card_number rule guards it"}


class ContractError(Exception):
    """A contract file or folder is wrong; the message names the file, line and key."""


@dataclass(frozen=True)
class RuleKind:
    """One rule a contract may name: where it may appear and what argument it takes."""

    name: str
    scopes: frozenset[str]
    doc: str
    #: allowed argument values; () means the rule takes no argument, None any string
    choices: tuple[str, ...] | None = ()


RULES: dict[str, RuleKind] = {r.name: r for r in (
    RuleKind("full_card_number", frozenset({"field", "dataset"}),
             "no value holds a full card number (at dataset level: every field that can hold one)"),
    RuleKind("under_16", frozenset({"field"}),
             "no person younger than 16 on as_of; the argument says how the field holds it: dob or age",
             ("dob", "age")),
    RuleKind("card_last_four_shape", frozenset({"field"}), "every value is exactly four digits"),
    RuleKind("matches", frozenset({"field"}), "every value matches the given regular expression", None),
    RuleKind("not_null", frozenset({"field"}), "no value is null"),
    RuleKind("no_unlisted_fields", frozenset({"dataset"}), "the dataset has no field that the contract does not list"),
)}


class RuleSpec(BaseModel):
    """A rule as written: ``full_card_number`` or ``under_16: dob``."""

    model_config = ConfigDict(frozen=True)
    name: str
    arg: str | None = None

    @property
    def clause(self) -> str:
        return self.name

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """In a file a rule is written as ``name`` or ``{name: arg}`` (see _parse_rule), not as this model's
        own keys: the published schema (pdd schema contract) says the written form, from RULES."""
        bare = [n for n, k in RULES.items() if k.choices is not None]
        args = {n: ({"enum": list(k.choices)} if k.choices else {"type": "string", "minLength": 1})
                for n, k in RULES.items() if k.choices != ()}
        return {"anyOf": [{"enum": bare},
                          {"type": "object", "properties": args, "additionalProperties": False,
                           "minProperties": 1, "maxProperties": 1}],
                "description": "; ".join(f"{n}: {k.doc}" for n, k in RULES.items())}


def _parse_rule(item: Any, scope: str) -> RuleSpec:
    if isinstance(item, RuleSpec):
        return item
    if isinstance(item, str):
        name, arg = item, None
    elif isinstance(item, dict) and len(item) == 1:
        name, arg = next(iter(item.items()))
        if not isinstance(arg, (str, int)):
            raise ValueError(f"the argument of rule {name!r} must be a single value")
        arg = str(arg)
    else:
        raise ValueError("a rule is a name (full_card_number) or a name with its argument (under_16: dob)")
    kind = RULES.get(name)
    if kind is None:
        known = ", ".join(n for n, k in RULES.items() if scope in k.scopes)
        raise ValueError(f"unknown rule {name!r} (known at {scope} level: {known})")
    if scope not in kind.scopes:
        where = " and ".join(sorted(kind.scopes))
        raise ValueError(f"rule {name!r} belongs at {where} level, not {scope} level")
    if kind.choices == () and arg is not None:
        raise ValueError(f"rule {name!r} takes no argument")
    if kind.choices and arg is not None and arg not in kind.choices:
        raise ValueError(f"rule {name!r} takes one of {', '.join(kind.choices)}, not {arg!r}")
    if kind.choices is None and not arg:
        raise ValueError(f"rule {name!r} needs an argument ({kind.doc})")
    if name == "matches":
        import re

        try:
            re.compile(arg or "")
        except re.error as exc:
            raise ValueError(f"rule 'matches': not a regular expression ({exc})") from None
    return RuleSpec(name=name, arg=arg)


def _rules(items: Any, scope: str) -> list[RuleSpec]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValueError("rules must be a list")
    out: list[RuleSpec] = []
    for i, item in enumerate(items):
        try:
            rule = _parse_rule(item, scope)
        except ValueError as exc:
            raise ValueError(f"rules[{i}]: {exc}") from None
        if any(r.name == rule.name for r in out):
            raise ValueError(f"rules[{i}]: rule {rule.name!r} is given twice")
        out.append(rule)
    return out


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_types(v: list[str], name: str, known: Any = None) -> list[str]:
    """``known``: the entity types a contract may name (entities.md's, plus a recognizers file's own types when
    the check passes them in its validation context)."""
    known = known or ENTITY_TYPES
    for i, t in enumerate(v):
        if t in FORBIDDEN_TYPES:
            raise ValueError(f"{name}[{i}]: {t} can never be allowed: {FORBIDDEN_TYPES[t]}")
        if t not in known:
            raise ValueError(f"{name}[{i}]: unknown entity type {t!r} (the names are in entities.md or the "
                             f"config's recognizers file: {', '.join(known)})")
    if len(set(v)) != len(v):
        raise ValueError("a type is listed twice")
    return v


class FieldContract(_Strict):
    types: list[str] = []
    """Entity types the field may hold (names from entities.md); [] means not personal."""
    categories: list[str] = []
    """Policy categories that justify the types (ids from the policy map)."""
    rules: list[RuleSpec] = []
    misread: list[str] = []
    """Types the classifier reports for this field that are not there (product names read as person names):
    tolerated by the drift check, needing no category. Never CREDIT_CARD: the sweep that finds it is exact."""
    note: str | None = None
    """The steward's remark (why a type is allowed, who owns the field)."""
    templates: dict[str, list[str]] = {}
    """For a log's message field: types allowed in one log template only, keyed by the template's text as the
    report writes it (``"password reset requested for <*>": [EMAIL_ADDRESS]``). The field may hold such a type
    as long as every template the scan found it in allows it."""

    @field_validator("types", "misread")
    @classmethod
    def _known_types(cls, v: list[str], info: ValidationInfo) -> list[str]:
        return _check_types(v, info.field_name or "types", (info.context or {}).get("types"))

    @field_validator("templates")
    @classmethod
    def _template_types(cls, v: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        for text, types in v.items():
            if "<*>" not in text:
                raise ValueError(f"{text!r}: a template's text as the report writes it, with <*> for its slots")
            _check_types(types, f"templates[{text!r}]", (info.context or {}).get("types"))
        return v

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, v: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get("categories")
        for i, c in enumerate(v):
            if known is not None and c not in known:
                raise ValueError(f"categories[{i}]: unknown policy category {c!r} (ids of the policy map: "
                                 f"{', '.join(known)})")
        return v

    @field_validator("rules", mode="before")
    @classmethod
    def _parse(cls, v: Any) -> list[RuleSpec]:
        return _rules(v, "field")

    @model_validator(mode="after")
    def _under_16_how(self) -> FieldContract:
        both = sorted(set(self.types) & set(self.misread))
        if both:
            raise ValueError(f"{', '.join(both)} is both allowed (types) and a misreading (misread); keep one")
        rules = []
        for r in self.rules:
            if r.name == "under_16" and r.arg is None:
                how = [a for t, a in (("DATE_OF_BIRTH", "dob"), ("AGE", "age")) if t in self.types]
                if len(how) != 1:
                    raise ValueError("under_16 needs to know how the field holds it: write `under_16: dob` "
                                     "or `under_16: age`")
                r = RuleSpec(name=r.name, arg=how[0])
            rules.append(r)
        object.__setattr__(self, "rules", rules)
        return self


class DatasetBody(_Strict):
    owner: str | None = None
    note: str | None = None
    rules: list[RuleSpec] = []
    fields: dict[str, FieldContract] = {}

    @field_validator("rules", mode="before")
    @classmethod
    def _parse(cls, v: Any) -> list[RuleSpec]:
        return _rules(v, "dataset")


class ContractFile(_Strict):
    contract_version: Literal[1] = CONTRACT_VERSION
    source: str
    dataset: str | None = None
    owner: str | None = None
    note: str | None = None
    rules: list[Any] | None = None
    fields: dict[str, Any] | None = None
    datasets: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _one_form(self) -> ContractFile:
        if (self.dataset is None) == (self.datasets is None):
            raise ValueError("give either `dataset` (one dataset per file) or `datasets` (several of one source)")
        if self.datasets is not None and (self.fields is not None or self.rules is not None):
            raise ValueError("with `datasets`, put fields and rules under each dataset")
        return self


@dataclass(frozen=True)
class Contract:
    """The contract of one dataset, as the check uses it."""

    source: str
    dataset: str
    fields: dict[str, FieldContract]
    rules: list[RuleSpec]
    file: Path
    owner: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.dataset)

    @property
    def name(self) -> str:
        return f"{self.source}.{self.dataset}"


@dataclass
class ContractSet:
    folder: Path
    contracts: list[Contract] = field(default_factory=list)

    def get(self, source: str, dataset: str) -> Contract | None:
        return next((c for c in self.contracts if c.key == (source, dataset)), None)

    def for_sources(self, names: set[str]) -> list[Contract]:
        return [c for c in self.contracts if c.source in names]


def _errors(path: Path, doc: LinedYaml, exc: ValidationError, prefix: tuple[Any, ...] = ()) -> ContractError:
    msgs = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        text = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            text = "unknown key (see data_contracts/README.md for the keys)"
        elif err["type"] == "missing":
            text = "required key is missing"
        # "fields.x.rules: rules[1]: ..." reads better as "fields.x.rules[1]: ..."
        if text.startswith(("rules[", "types[", "categories[", "misread[")) and loc and loc[-1] in (
                "rules", "types", "categories", "misread"):
            idx = int(text.split("[", 1)[1].split("]", 1)[0])
            loc, text = (*loc, idx), text.split(": ", 1)[1]
        line = doc.line(loc)
        msgs.append(f"{path}{f' line {line}' if line else ''}, {where(loc)}: {text}")
    return ContractError("\n".join(msgs))


def load_contract_file(path: Path, policy: PolicyMap | None = None) -> list[Contract]:
    """The contracts in one file (one, or several for a per-source file)."""
    doc = LinedYaml.read(path, ContractError, "contract file")
    if not isinstance(doc.data, dict):
        raise ContractError(f"{path}: a contract is a mapping with source, dataset and fields "
                            "(see data_contracts/README.md)")
    ctx = {"categories": list(policy.categories) if policy else None, "types": policy.entity_types if policy else None}
    try:
        top = ContractFile.model_validate(doc.data, context=ctx)
    except ValidationError as exc:
        raise _errors(path, doc, exc) from None
    if top.dataset is not None:
        raw = {k: doc.data[k] for k in ("owner", "note", "rules", "fields") if k in doc.data}
        bodies: dict[str, tuple[Any, tuple[Any, ...]]] = {top.dataset: (raw, ())}
    else:
        bodies = {name: (doc.data["datasets"][name] or {}, ("datasets", name)) for name in top.datasets or {}}
    out = []
    for name, (raw, prefix) in bodies.items():
        if not isinstance(raw, dict):
            raise ContractError(f"{path} line {doc.line(prefix)}, {where(prefix)}: a dataset's contract is a "
                                "mapping with fields and rules")
        raw = {**raw, "fields": {k: (v if v is not None else {}) for k, v in (raw.get("fields") or {}).items()}}
        try:
            body = DatasetBody.model_validate(raw, context=ctx)
        except ValidationError as exc:
            raise _errors(path, doc, exc, prefix) from None
        out.append(Contract(source=top.source, dataset=name, fields=dict(body.fields), rules=body.rules, file=path,
                            owner=body.owner or top.owner, note=body.note or top.note))
    return out


def load_contracts(folder: str | Path, policy: PolicyMap | None = None) -> ContractSet:
    """Every contract in ``folder`` (its *.yaml and *.yml files; subfolders are other contract sets)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ContractError(f"{folder}: no such contracts folder (write one with `pdd contracts init CONFIG "
                            f"--out {folder}`, or pass --contracts DIR)")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))
    if not files:
        raise ContractError(f"{folder}: holds no contract (*.yaml); write them with `pdd contracts init CONFIG "
                            f"--out {folder}`")
    out = ContractSet(folder)
    seen: dict[tuple[str, str], Path] = {}
    for path in files:
        for c in load_contract_file(path, policy):
            if c.key in seen:
                raise ContractError(f"{path}: dataset {c.source}/{c.dataset} already has a contract in "
                                    f"{seen[c.key]}; keep one")
            seen[c.key] = path
            out.contracts.append(c)
    return out
