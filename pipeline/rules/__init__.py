"""Rules checked on every record. Each module here that defines a Rule with a ``name`` registers it."""

import importlib
import pkgutil

from pipeline.rules.base import DatasetContext, FieldFinding, Rule, Violation, rules

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name not in ("base", "dates"):
        importlib.import_module(f"{__name__}.{_mod.name}")

__all__ = ["DatasetContext", "FieldFinding", "Rule", "Violation", "rules"]
