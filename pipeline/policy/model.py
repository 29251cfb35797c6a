"""The policy map: which collection categories declare which entity types.

Held as data (scalejet.yaml beside this file, or any file named in the config),
validated when loaded: an unknown entity type or a type both declared and
undeclared is refused with the file and the offending name.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from classifiers.entities import ENTITY_TYPES

BUNDLED = Path(__file__).with_name("scalejet.yaml")


class PolicyError(Exception):
    """The policy map file is wrong; the message names the file and the entry."""


class Category(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    entities: list[str] | Literal["any"]
    roles: list[Literal["controller", "processor"]] = ["controller", "processor"]

    @field_validator("entities")
    @classmethod
    def _known(cls, v: list[str] | str) -> list[str] | str:
        if isinstance(v, list):
            unknown = [e for e in v if e not in ENTITY_TYPES]
            if unknown:
                raise ValueError(f"unknown entity type(s) {unknown}; the names are in entities.md")
        return v


class Retention(BaseModel):
    """How long a terminated account's data may stay (Part II of Scalejet's policy)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    active_months: int = Field(ge=0)
    """Months after termination by which the data must be gone from active stores."""
    backup_extra_months: int = Field(0, ge=0)
    """Further months a source with `role: backup` may keep it."""

    def months(self, role: str) -> int:
        return self.active_months + (self.backup_extra_months if role == "backup" else 0)


class PolicyMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    policy: str
    categories: dict[str, Category]
    undeclared: dict[str, str] = {}
    rules: dict[str, str] = {}
    retention: Retention | None = None
    _extra_types: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _consistent(self) -> PolicyMap:
        for etype in self.undeclared:
            if etype not in ENTITY_TYPES:
                raise ValueError(f"undeclared: unknown entity type {etype!r}")
            for cid, cat in self.categories.items():
                if isinstance(cat.entities, list) and etype in cat.entities:
                    raise ValueError(f"{etype} is listed as undeclared but category {cid!r} declares it")
        return self

    @cached_property
    def _by_type(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for cid, cat in self.categories.items():
            if isinstance(cat.entities, list):
                for e in cat.entities:
                    out.setdefault(e, []).append(cid)
        return out

    @property
    def entity_types(self) -> tuple[str, ...]:
        """Every type this map knows: entities.md's, and those a recognizers file adds (:meth:`extended`)."""
        return (*ENTITY_TYPES, *self._extra_types)

    def extended(self, types: dict[str, str | None]) -> PolicyMap:
        """This map with a recognizers file's own types: each placed in the category the file names (an id of
        this map), or in none (the policy does not declare it: a field holding it is `declared: false`)."""
        categories = dict(self.categories)
        for etype, cid in types.items():
            if cid is None:
                continue
            if cid not in categories:
                raise PolicyError(f"unknown policy category {cid!r} (ids: {', '.join(self.categories)})")
            cat = categories[cid]
            if isinstance(cat.entities, list) and etype not in cat.entities:
                categories[cid] = cat.model_copy(update={"entities": [*cat.entities, etype]})
        out = self.model_copy(update={"categories": categories})
        out.__dict__.pop("_by_type", None)  # the copy must not keep the original's cached index
        out._extra_types = (*self._extra_types, *(t for t in types if t not in self.entity_types))
        return out

    @staticmethod
    def effective_role(role: str) -> str:
        """The role whose categories apply: a backup holds copies of the controller's own data."""
        return "controller" if role == "backup" else role

    def categorize(self, types: list[str], role: str = "controller") -> tuple[list[str], bool]:
        """The categories that declare the types, and whether every type is declared."""
        cats: list[str] = []
        declared = True
        role = self.effective_role(role)
        for t in types:
            found = [c for c in self._by_type.get(t, []) if role in self.categories[c].roles]
            found += [cid for cid, cat in self.categories.items() if cat.entities == "any" and role in cat.roles]
            if not found:
                declared = False
            cats += [c for c in found if c not in cats]
        return cats, declared


def load_policy(path: str | Path | None = None) -> PolicyMap:
    path = Path(path) if path else BUNDLED
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"{path}: no such policy map file") from None
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML ({exc})") from None
    try:
        return PolicyMap.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}, {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise PolicyError("\n".join(lines)) from None
