"""The published JSON Schemas: generated from the models, checked in, and true of the files pdd reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from pipeline.schemas import NAMES, render, schema

REPO = Path(__file__).resolve().parents[1]
REGENERATE = "python -m pipeline.schemas docs/schemas"


@pytest.mark.parametrize("name", NAMES)
def test_checked_in_schema_is_what_the_models_generate(name: str) -> None:
    path = REPO / "docs" / "schemas" / f"{name}.schema.json"
    assert path.exists(), f"{path} is missing: run `{REGENERATE}`"
    assert path.read_text(encoding="utf-8") == render(name), (
        f"{path.relative_to(REPO)} is out of date with its model: run `{REGENERATE}` and commit the result")


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft_2020_12_with_an_id(name: str) -> None:
    body = schema(name)
    assert body["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert body["$id"].startswith("https://") and body["$id"].endswith(".schema.json")
    jsonschema.Draft202012Validator.check_schema(body)


def _plain(doc: Any) -> Any:
    """YAML dates as the strings a JSON validator sees (editors validate YAML the same way)."""
    return json.loads(json.dumps(doc, default=str))


def _errors(name: str, doc: Any) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(schema(name)).iter_errors(_plain(doc))]


def test_the_demo_config_and_every_checked_in_contract_validate() -> None:
    assert _errors("config", yaml.safe_load((REPO / "demo" / "pdd.yaml").read_text())) == []
    contracts = sorted((REPO / "data_contracts").rglob("*.yaml"))
    assert contracts
    for path in contracts:
        assert _errors("contract", yaml.safe_load(path.read_text())) == [], path


SQL = {"name": "db", "kind": "sql", "url": "sqlite:///x.db"}
LOGS = {"name": "logs", "kind": "logs", "path": "logs/*"}


@pytest.mark.parametrize(("doc", "valid"), [
    ({"sources": [SQL, LOGS]}, True),
    ({"sources": [SQL], "classification": {"sample_size": 50, "recognizers": "ids.yaml"}}, True),
    ({"sources": []}, False),                                                   # at least one source
    ({"sources": [{**SQL, "path": "x"}]}, False),                               # a files key on a sql source
    ({"sources": [{**LOGS, "kind": "log"}]}, False),                            # near-miss kind
    ({"sources": [SQL], "clasification": {}}, False),                           # misspelt section
    ({"sources": [SQL], "base_dir": "/"}, False),                               # set by the loader only
    ({"sources": [SQL], "classification": {"threshold": 1.5}}, False),
])
def test_config_schema_accepts_what_the_loader_accepts(doc: dict, valid: bool, tmp_path: Path) -> None:
    from pipeline.config.load import ConfigError, load_config

    cfg = tmp_path / "pdd.yaml"
    cfg.write_text(yaml.safe_dump(doc))
    (tmp_path / "ids.yaml").write_text("recognizers: []\n")
    try:
        load_config(cfg)
        loaded = True
    except ConfigError:
        loaded = False
    assert loaded is valid
    assert (_errors("config", doc) == []) is valid


@pytest.mark.parametrize(("doc", "valid"), [
    ({"source": "app_db", "dataset": "users", "fields": {"email": {"types": ["EMAIL_ADDRESS"],
                                                                  "rules": ["not_null", {"matches": "@"}]}}}, True),
    ({"source": "app_db", "dataset": "users", "fields": {"dob": {"rules": [{"under_16": "dob"}]}}}, True),
    ({"source": "app_db", "dataset": "users", "fields": {"email": None}}, True),
    ({"source": "app_db", "datasets": {"users": {"rules": ["full_card_number"]}, "t": None}}, True),
    ({"source": "app_db", "dataset": "users", "fields": {"dob": {"rules": [{"under_16": "birthday"}]}}}, False),
    ({"source": "app_db", "dataset": "users", "fields": {"x": {"rules": ["matches"]}}}, False),  # needs its regex
    ({"source": "app_db", "dataset": "users", "fields": {"x": {"rules": ["last_four"]}}}, False),
    ({"source": "app_db", "dataset": "users", "datasets": {}}, False),           # both forms
    ({"source": "app_db", "datasets": {}, "fields": {}}, False),
    ({"dataset": "users"}, False),
])
def test_contract_schema_says_the_written_rule_forms(doc: dict, valid: bool) -> None:
    assert (_errors("contract", doc) == []) is valid


@pytest.mark.parametrize(("doc", "valid"), [
    ({"fields": [{"source": "a", "dataset": "b", "field": "c", "confirm": [], "by": "al", "at": "2026-11-30"}]},
     True),
    ({"accept": [{"rule": "under_16", "source": "a", "dataset": "b", "why": "w", "until": "2027-01-01",
                  "by": "bo", "at": "2026-11-30"}]}, True),
    ({"fields": [{"source": "a", "dataset": "b", "field": "c", "by": "al"}]}, False),   # no date
    ({"accept": [{"rule": "under_16", "source": "a", "dataset": "b", "why": "", "until": "2027-01-01",
                  "by": "bo", "at": "2026-11-30"}]}, False),                          # empty why
    ({"fields": [], "acept": []}, False),
])
def test_decisions_schema(doc: dict, valid: bool) -> None:
    assert (_errors("decisions", doc) == []) is valid


def test_report_names_its_schema_and_an_old_report_without_it_still_reads() -> None:
    from pipeline.report.model import SCHEMA_URI, Report, RunInfo

    report = Report(run=RunInfo(id="r", as_of="2026-11-24", started_at="s", finished_at="f", tool_version="0"),
                    sources=[], fields=[], violations=[])
    dumped = report.model_dump(mode="json")
    assert next(iter(dumped)) == "$schema" and dumped["$schema"] == SCHEMA_URI == schema("report")["$id"]
    assert _errors("report", dumped) == []
    old = {k: v for k, v in dumped.items() if k != "$schema"}
    assert Report.model_validate(old).model_dump(mode="json") == dumped
    assert _errors("report", {**dumped, "extra": 1}) != []
