"""data_contracts/README.md cannot drift from the code: every option it shows exists, every rule is documented,
its format example loads, and a JUnit report has the documented shape."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.contracts.junit import junit_xml
from pipeline.contracts.model import RULES, load_contract_file
from pipeline.contracts.results import CheckResult, ClauseResult
from pipeline.policy import load_policy
from tests.contracts.conftest import REPO, pdd

README = (REPO / "data_contracts" / "README.md").read_text()


@pytest.mark.parametrize("command", ["init", "check"])
def test_every_option_the_readme_shows_exists(command: str) -> None:
    code, help_text = pdd("contracts", command, "--help")
    assert code == 0
    shown = [m.split("&&")[0] for ln in README.splitlines() for m in re.findall(f"contracts {command} (.*)", ln)]
    assert shown
    for ln in shown:
        for opt in re.findall(r"(--[a-z][a-z-]+)", ln):
            assert opt in help_text, f"README shows `pdd contracts {command} {opt}`, which --help does not list"


def test_every_rule_is_documented() -> None:
    table = {m for m in re.findall(r"^\| `([a-z_0-9]+)(?::[^`]*)?`", README, flags=re.M)}
    assert set(RULES) <= table, set(RULES) - table


def test_the_format_examples_load(tmp_path: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
    contracts = [b for b in blocks if b.lstrip().startswith(("contract_version", "source"))]
    assert len(contracts) == 2
    for i, text in enumerate(contracts):
        p = tmp_path / f"{i}.yaml"
        p.write_text(text)
        assert load_contract_file(p, load_policy())


def test_junit_has_one_testcase_per_clause_and_the_documented_names() -> None:
    result = CheckResult(as_of="2026-11-24", contracts=1, clauses=[
        ClauseResult("app_db", "payments", "note", "full_card_number", "failed", "1 of 3 non-null values hold a "
                     "full card number"),
        ClauseResult("app_db", "payments", "(dataset)", "exists", "passed", "the dataset exists", "scan"),
        ClauseResult("app_db", "payments", "dob", "under_16", "error", "could not be evaluated: boom"),
    ], problems=["source web_logs: unreachable"])
    root = ET.fromstring(junit_xml(result))
    cases = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert cases[:3] == [("app_db.payments", "note:full_card_number"), ("app_db.payments", "(dataset):exists"),
                         ("app_db.payments", "dob:under_16")]
    failure = root.find(".//testcase[@name='note:full_card_number']/failure")
    assert failure is not None and failure.get("message") == (
        "app_db.payments, field note, clause full_card_number: 1 of 3 non-null values hold a full card number")
    assert root.get("failures") == "1" and root.get("errors") == "2"
    assert result.exit_code == 2
