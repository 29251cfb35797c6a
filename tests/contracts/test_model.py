"""Contract files: the committed demo contracts load; a wrong file is refused naming the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.contracts.model import ContractError, load_contract_file, load_contracts
from tests.contracts.conftest import DEMO_CONTRACTS, DEMO_POLICY, pdd

POLICY = DEMO_POLICY

GOOD = """\
contract_version: 1
source: app_db
dataset: payments
owner: payments-team
rules: [no_unlisted_fields]
fields:
  id: {}
  card_last4:
    types: [CARD_LAST_FOUR]
    categories: [payment_processing]
    rules: [full_card_number, card_last_four_shape]
  dob:
    types: [DATE_OF_BIRTH]
    rules: [under_16]
  ref:
    rules:
      - matches: "^[A-Z]{3}-[0-9]+$"
      - not_null
"""


def test_committed_demo_contracts_load() -> None:
    contracts = load_contracts(DEMO_CONTRACTS, POLICY)
    assert len(contracts.contracts) == len(list(DEMO_CONTRACTS.glob("*.yaml")))
    assert {c.source for c in contracts.contracts} == {"app_db", "web_logs", "exports", "backups"}


def test_a_good_file_reads_as_written(tmp_path: Path) -> None:
    p = tmp_path / "c.yaml"
    p.write_text(GOOD)
    [c] = load_contract_file(p, POLICY)
    assert (c.source, c.dataset, c.owner) == ("app_db", "payments", "payments-team")
    assert [r.name for r in c.rules] == ["no_unlisted_fields"]
    assert [r.name for r in c.fields["card_last4"].rules] == ["full_card_number", "card_last_four_shape"]
    # under_16 without an argument takes it from the field's types
    assert [(r.name, r.arg) for r in c.fields["dob"].rules] == [("under_16", "dob")]
    assert [(r.name, r.arg) for r in c.fields["ref"].rules] == [("matches", "^[A-Z]{3}-[0-9]+$"), ("not_null", None)]
    assert c.fields["id"].types == []


def test_one_file_per_source(tmp_path: Path) -> None:
    p = tmp_path / "web_logs.yaml"
    p.write_text("source: web_logs\ndatasets:\n  access.log:\n    fields:\n      remote_addr: {types: [IP_ADDRESS]}\n"
                 "  worker.log: {rules: [full_card_number]}\n")
    got = load_contract_file(p, POLICY)
    assert [(c.dataset, list(c.fields), [r.name for r in c.rules]) for c in got] == [
        ("access.log", ["remote_addr"], []), ("worker.log", [], ["full_card_number"])]


# (what is wrong, the text replaced in GOOD, what the message must name)
BAD = [
    ("unknown entity type", ("types: [CARD_LAST_FOUR]", "types: [LAST_FOUR]"),
     ["line 9", "fields.card_last4.types[0]", "unknown entity type 'LAST_FOUR'"]),
    ("a full card number allowed", ("types: [CARD_LAST_FOUR]", "types: [CREDIT_CARD]"),
     ["line 9", "fields.card_last4.types[0]", "CREDIT_CARD can never be allowed"]),
    ("unknown category", ("categories: [payment_processing]", "categories: [payments]"),
     ["line 10", "fields.card_last4.categories[0]", "unknown policy category 'payments'"]),
    ("unknown rule", ("rules: [full_card_number, card_last_four_shape]", "rules: [full_card_number, last_four]"),
     ["line 11", "fields.card_last4.rules[1]", "unknown rule 'last_four'"]),
    ("dataset rule on a field", ("rules: [full_card_number, card_last_four_shape]",
                                 "rules: [no_unlisted_fields]"),
     ["line 11", "fields.card_last4.rules[0]", "belongs at dataset level"]),
    ("field rule on the dataset", ("rules: [no_unlisted_fields]", "rules: [under_16]"),
     ["line 5", "rules[0]", "belongs at field level"]),
    ("bad under_16 argument", ("rules: [under_16]", "rules: [{under_16: birthday}]"),
     ["line 14", "fields.dob.rules[0]", "one of dob, age"]),
    ("under_16 that cannot tell how", ("types: [DATE_OF_BIRTH]", "types: []"),
     ["line 12", "fields.dob", "under_16: dob"]),
    ("bad regular expression", ('"^[A-Z]{3}-[0-9]+$"', '"^[A-Z"'),
     ["line 17", "fields.ref.rules[0]", "not a regular expression"]),
    ("misspelt key", ("owner: payments-team", "ownr: payments-team"), ["line 4", "ownr", "unknown key"]),
    ("missing source", ("source: app_db\n", ""), ["line 1, source", "required key is missing"]),
    ("key given twice", ("  id: {}\n", "  id: {}\n  id: {}\n"), ["line 8", "key 'id' is given twice"]),
    ("not YAML", ("fields:\n", "fields: [\n"), ["line", "not valid YAML"]),
]


@pytest.mark.parametrize(("case", "change", "names"), BAD, ids=[b[0] for b in BAD])
def test_a_wrong_file_is_refused_naming_file_line_and_key(tmp_path: Path, case: str, change: tuple[str, str],
                                                          names: list[str]) -> None:
    p = tmp_path / "app_db.payments.yaml"
    assert change[0] in GOOD
    p.write_text(GOOD.replace(change[0], change[1], 1))
    with pytest.raises(ContractError) as err:
        load_contract_file(p, POLICY)
    msg = str(err.value)
    assert str(p) in msg
    for n in names:
        assert n in msg, msg


def test_two_contracts_for_one_dataset_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    with pytest.raises(ContractError, match=r"b\.yaml: dataset app_db/payments already has a contract in .*a\.yaml"):
        load_contracts(tmp_path, POLICY)


def test_a_missing_or_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContractError, match="no such contracts folder"):
        load_contracts(tmp_path / "nope", POLICY)
    with pytest.raises(ContractError, match="holds no contract"):
        load_contracts(tmp_path, POLICY)


def test_check_refuses_a_bad_contract_before_touching_any_store(tmp_path: Path) -> None:
    cfg = tmp_path / "pdd.yaml"
    cfg.write_text("sources:\n  - name: app_db\n    kind: sql\n    url: sqlite:///missing.db\n")
    contracts = tmp_path / "contracts"
    contracts.mkdir()
    (contracts / "app_db.payments.yaml").write_text(GOOD.replace("[CARD_LAST_FOUR]", "[LAST_FOUR]"))
    code, out = pdd("contracts", "check", str(cfg), "--contracts", str(contracts))
    assert code == 2
    assert "contract refused" in out and str(contracts / "app_db.payments.yaml") in out and "LAST_FOUR" in out
    code, out = pdd("contracts", "check", str(cfg), "--contracts", str(tmp_path / "none"))
    assert code == 2 and "no such contracts folder" in out
