"""The entity type -> fideslang category map is complete against entities.md and uses fideslang's taxonomy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from classifiers.entities import ENTITY_TYPES
from pipeline.policy import PolicyError
from pipeline.policy.fideslang_map import BUNDLED, fideslang_categories
from tests.export.helpers import run_fides

SPEC = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "entities.md"


def test_every_entity_type_of_the_spec_is_mapped_and_nothing_else() -> None:
    if not SPEC.exists():
        pytest.skip(f"{SPEC} is not beside the repository")
    spec_types = re.findall(r"^\| ([A-Z][A-Z0-9_]+) \|", SPEC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(spec_types) >= 26
    assert sorted(fideslang_categories()) == sorted(spec_types) == sorted(ENTITY_TYPES)


@pytest.mark.parametrize(("change", "message"), [
    ({"FAVOURITE_COLOUR": "user.demographic"}, "unknown entity type"),
    ({"EMAIL_ADDRESS": None}, "must be a fideslang"),
    ({"EMAIL_ADDRESS": "system.operations"}, "must be a fideslang"),
])
def test_a_wrong_map_is_refused_with_the_file_and_the_type(tmp_path: Path, change: dict, message: str) -> None:
    data = {**yaml.safe_load(BUNDLED.read_text()), **change}
    bad = tmp_path / "fideslang.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(PolicyError, match=message) as err:
        fideslang_categories(bad)
    assert str(bad) in str(err.value)


def test_a_missing_type_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(BUNDLED.read_text())
    del data["AGE"]
    bad = tmp_path / "fideslang.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(PolicyError, match=r"unmapped entity type\(s\) \['AGE'\]"):
        fideslang_categories(bad)


def test_every_category_is_in_fideslangs_default_taxonomy() -> None:
    res = run_fides("-c", "import json; from fideslang.default_taxonomy import DEFAULT_TAXONOMY as T; "
                          "print(json.dumps([c.fides_key for c in T.data_category]))")
    assert res.returncode == 0, res.stderr[-2000:]
    known = set(json.loads(res.stdout))
    assert {t: c for t, c in fideslang_categories().items() if c not in known} == {}
