"""pdd's entity types -> fideslang data categories (fideslang.yaml beside this file), for `pdd export fides`.

Held as data beside the policy map and validated on load: every entity type is mapped, nothing else is.
The categories are plain strings here; fideslang itself (an optional extra) checks them when a dataset
is exported.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from classifiers.entities import ENTITY_TYPES
from pipeline.policy.model import PolicyError

BUNDLED = Path(__file__).with_name("fideslang.yaml")


@cache
def fideslang_categories(path: Path = BUNDLED) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: expected a mapping of entity type to fideslang data category")
    unknown = sorted(set(data) - set(ENTITY_TYPES))
    missing = [t for t in ENTITY_TYPES if t not in data]
    if unknown or missing:
        raise PolicyError(f"{path}: unknown entity type(s) {unknown}, unmapped entity type(s) {missing}")
    bad = sorted(t for t, c in data.items() if not isinstance(c, str) or not c.startswith("user."))
    if bad:
        raise PolicyError(f"{path}: {bad}: a category must be a fideslang `user.*` data category")
    return dict(data)
