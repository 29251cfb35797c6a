"""Contracts allow a type per log template (issue 24): the types clause of a log's message field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.config.model import Config, SourceConfig
from pipeline.contracts.check import _Check
from pipeline.contracts.model import ContractError, ContractSet, load_contract_file
from pipeline.policy import load_policy
from pipeline.report.model import (
    EntityEntry,
    FieldEntry,
    Report,
    RunInfo,
    SlotEntry,
    TemplateEntry,
)

POLICY = load_policy()
CONTRACT = """\
source: web_logs
dataset: app.log
fields:
  message:
    types: [IP_ADDRESS]
    categories: [browser_device_server]
    templates:
      "password reset requested for <*>": [EMAIL_ADDRESS]
"""


def _report(templates: list[tuple[str, list[str]]], types: list[str]) -> Report:
    f = FieldEntry(source="web_logs", dataset="app.log", field="message", categories=[], declared=True,
                   values_sampled=200, entities=[EntityEntry(type=t, confidence=0.9, evidence=["v"]) for t in types],
                   templates=[TemplateEntry(id=i, template=text, count=10,
                                            slots=[SlotEntry(index=1, entities=slot)])
                              for i, (text, slot) in enumerate(templates)])
    return Report(run=RunInfo(id="r", as_of="2026-11-24", started_at="s", finished_at="f", tool_version="0"),
                  sources=[], fields=[f], violations=[])


def _types_clause(tmp_path: Path, report: Report) -> tuple[str, str]:
    path = tmp_path / "web_logs.yaml"
    path.write_text(CONTRACT)
    contracts = ContractSet(tmp_path, load_contract_file(path, POLICY))
    source = SourceConfig(name="web_logs", kind="logs")
    config = Config(sources=[source], base_dir=tmp_path)
    check = _Check(config, contracts, report, POLICY, ["web_logs"])
    check.drift(source, contracts.contracts[0])
    [c] = [c for c in check.result.clauses if c.clause == "types"]
    return c.status, c.message


def test_a_type_found_only_in_templates_that_allow_it_passes(tmp_path: Path) -> None:
    rep = _report([("password reset requested for <*>", ["EMAIL_ADDRESS"]), ("login from <*>", ["IP_ADDRESS"])],
                  ["EMAIL_ADDRESS", "IP_ADDRESS"])
    status, message = _types_clause(tmp_path, rep)
    assert status == "passed" and "EMAIL_ADDRESS only in templates that allow it" in message


def test_the_same_type_in_another_template_fails_naming_that_template(tmp_path: Path) -> None:
    rep = _report([("password reset requested for <*>", ["EMAIL_ADDRESS"]), ("mail sent to <*>", ["EMAIL_ADDRESS"])],
                  ["EMAIL_ADDRESS"])
    status, message = _types_clause(tmp_path, rep)
    assert status == "failed" and "`mail sent to <*>`" in message
    assert "password reset" not in message  # the template that allows it is not blamed


def test_a_type_the_field_holds_outside_any_template_is_not_covered(tmp_path: Path) -> None:
    status, _ = _types_clause(tmp_path, _report([], ["EMAIL_ADDRESS"]))
    assert status == "failed"


@pytest.mark.parametrize(("entry", "says"), [
    ('"password reset requested": [EMAIL_ADDRESS]', "with <*> for its slots"),
    ('"reset for <*>": [SHOE_SIZE]', "unknown entity type 'SHOE_SIZE'"),
    ('"card <*>": [CREDIT_CARD]', "can never be allowed"),
])
def test_a_wrong_template_entry_is_refused_with_its_line(tmp_path: Path, entry: str, says: str) -> None:
    path = tmp_path / "web_logs.yaml"
    path.write_text(CONTRACT.replace('"password reset requested for <*>": [EMAIL_ADDRESS]', entry))
    with pytest.raises(ContractError, match=re.escape(says)) as err:
        load_contract_file(path, POLICY)
    assert "web_logs.yaml line" in str(err.value)
