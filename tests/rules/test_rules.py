"""The rules on batches: each violating record once, masked evidence, settled date order."""

from __future__ import annotations

import datetime as dt

from stdnum import luhn

from pipeline.rules import DatasetContext
from pipeline.rules.age import Under16
from pipeline.rules.card import FullCardNumber
from pipeline.sources import Batch

AS_OF = dt.date(2026, 11, 24)


def _card(prefix: str = "4", n: int = 16) -> str:
    body = prefix + "3" * (n - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


def _ctx(types: dict[str, list[str]]) -> DatasetContext:
    return DatasetContext("src", "ds", AS_OF, types)


def test_card_rule_every_column_every_value_once_per_record() -> None:
    c = _card()
    batch = Batch(keys=["1", "2", "3", "4"], columns={
        "note": ["hi", f"my card {c}", None, "XXXX-XXXX-XXXX-1234"],
        "payload": ['{"a": 1}', '{"pay": {"pan": "%s"}}' % c, '{"pay": {"pan": "%s"}}' % c, 12],
        "amount": [1.5, 2, int(c), None],
    })
    rule = FullCardNumber(_ctx({}))
    out = rule.check(batch) + rule.finish()  # too few runs to judge the fields: held until the end
    assert [(v.key, v.field, v.path) for v in out] == [("2", "note", None), ("3", "payload", "pay.pan")]
    assert out[0].evidence == f"Luhn-valid VISA number ending {c[-4:]}; also in 1 other field of this record"
    assert all(c not in v.evidence for v in out)
    assert {f: r.records for f, r in rule.findings.items()} == {"note": 1, "payload": 2, "amount": 1}


def test_card_rule_ignores_near_misses() -> None:
    c = _card()
    bad = c[:-1] + str((int(c[-1]) + 1) % 10)
    batch = Batch(keys=["1", "2", "3"], columns={"x": [bad, "order 1234567890123456", "IMEI 490154203237518"]})
    rule = FullCardNumber(_ctx({}))
    assert rule.check(batch) + rule.finish() == []


def test_under_16_from_dob_and_age_once_per_record() -> None:
    rule = Under16(_ctx({"dob": ["DATE_OF_BIRTH"], "age": ["AGE"], "name": ["PERSON_NAME"]}))
    batch = Batch(keys=["a", "b", "c", "d", "e"], columns={
        "dob": ["2011-02-03", "2010-11-24", "2010-11-25", None, "2030-01-01"],
        "age": [15, 16, 40, "12", 0],
        "name": ["x"] * 5,
    })
    out = rule.check(batch) + rule.finish()
    assert [(v.key, v.field) for v in out] == [("a", "dob"), ("c", "dob"), ("d", "age"), ("e", "age")]
    assert "2011" not in " ".join(v.evidence for v in out)  # no raw birth date in evidence
    assert any("future" in n for n in rule.notes)


def test_under_16_ambiguous_order_settled_by_other_values() -> None:
    # 05/01/2011 is 5 Jan (under 16) day-first; 1 May 2011 month-first (also under 16): both ways, reported.
    # 01/12/2010 is 1 Dec 2010 day-first (15: under 16) but 12 Jan 2010 month-first (16: not).
    rule = Under16(_ctx({"dob": ["DATE_OF_BIRTH"]}))
    batch = Batch(keys=["1", "2", "3"], columns={"dob": ["05/01/2011", "01/12/2010", "25/06/1990"]})
    out = rule.check(batch)
    assert [v.key for v in out] == ["1"]
    out = rule.finish()  # 25/06/1990 settles the field as day-first
    assert [v.key for v in out] == ["2"]


def test_under_16_unsettled_order_is_a_note_not_a_violation() -> None:
    rule = Under16(_ctx({"dob": ["DATE_OF_BIRTH"]}))
    rule.check(Batch(keys=["1"], columns={"dob": ["01/12/2010"]}))
    assert rule.finish() == []
    assert any("do not settle the order" in n for n in rule.notes)
