"""A config's policy map: the recognizers file's own types placed in the category it names, or in none."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.config.load import load_config
from pipeline.policy import PolicyError, load_policy
from pipeline.policy.configured import policy_for

FILE = """\
recognizers:
  - name: staff
    supported_entity: EMPLOYEE_NUMBER
    patterns: [{name: n, regex: 'SJE-\\d{6}', score: 0.5}]
    category: interactions
  - name: badge
    supported_entity: BADGE_ID
    patterns: [{name: n, regex: 'B-\\d{4}', score: 0.5}]
  - name: bsn
    supported_entity: GOVERNMENT_ID
    patterns: [{name: n, regex: '\\d{9}', score: 0.1}]
"""


def test_new_types_are_placed_where_the_file_says(tmp_path: Path) -> None:
    (tmp_path / "ids.yaml").write_text(FILE)
    (tmp_path / "pdd.yaml").write_text(yaml.safe_dump({"sources": [{"name": "db", "kind": "sql",
                                                                     "url": "sqlite:///x.db"}],
                                                       "classification": {"recognizers": "ids.yaml"}}))
    policy = policy_for(load_config(tmp_path / "pdd.yaml"))
    assert policy.categorize(["EMPLOYEE_NUMBER"]) == (["interactions"], True)
    assert policy.categorize(["BADGE_ID"]) == ([], False)              # the policy declares it nowhere
    assert policy.categorize(["GOVERNMENT_ID"]) == load_policy().categorize(["GOVERNMENT_ID"])
    assert policy.entity_types[-2:] == ("EMPLOYEE_NUMBER", "BADGE_ID")
    # a processor's data: the `any` category declares every type, the file's too
    assert policy.categorize(["BADGE_ID"], "processor") == (["service_data"], True)


def test_extending_leaves_the_original_map_as_it_was() -> None:
    base = load_policy()
    base.categorize(["EMAIL_ADDRESS"])  # its index is built (and cached) before the copy
    extended = base.extended({"EMPLOYEE_NUMBER": "interactions"})
    assert "EMPLOYEE_NUMBER" not in base.entity_types and base.categorize(["EMPLOYEE_NUMBER"]) == ([], False)
    assert extended.categorize(["EMPLOYEE_NUMBER", "EMAIL_ADDRESS"])[1] is True


def test_an_unknown_category_is_refused() -> None:
    with pytest.raises(PolicyError, match="unknown policy category 'hr'"):
        load_policy().extended({"EMPLOYEE_NUMBER": "hr"})


def test_without_a_recognizers_file_it_is_the_map_itself(tmp_path: Path) -> None:
    (tmp_path / "pdd.yaml").write_text("sources: [{name: db, kind: sql, url: 'sqlite:///x.db'}]\n")
    assert policy_for(load_config(tmp_path / "pdd.yaml")) == load_policy()
