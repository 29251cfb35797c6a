"""pdd's own GE expectations, on pandas and on SQLite, with near-misses: the same counts on both engines, the
same reading of a value as the scan's rules, and no value in any result."""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from pipeline.contracts.runner import Planned, SourceCheck
from tests.helpers import Unprinted

AS_OF = "2026-11-24"

# (column, SQL type, values, expectation, kwargs, failing values)
CARD = "expect_column_values_to_not_contain_card_number"
AGE = "expect_column_values_to_be_at_least_16_on"
LAST4 = "expect_column_values_to_match_card_last_four_shape"
#: base64 of {"card": <Visa test number>}, as a JSON string value
B64_CARD_DOC = "eyJjYXJkIjogIjQxMTExMTExMTExMTExMTEifQ=="
#: 300 random 16-digit ids starting with 4 (a Visa range): about one in ten passes Luhn by chance
IDS_AT_CHANCE = [str(4 * 10**15 + random.Random(7 + i).randrange(10**15)) for i in range(300)]
CASES = [
    ("note", "TEXT", ["card 4111 1111 1111 1111 on file", "XXXX-XXXX-XXXX-1111", "4111 1111 1111 1112",
                      "imei 490154203237518", '{"card": {"number": "5555-5555-5555-4444"}}', "order 12345678901234",
                      None], CARD, {}, 2),
    ("ref", "INTEGER", [4111111111111111, 4111111111111112, 12, None], CARD,
     {}, 1),
    # Formats the scan reads beyond spaces and dashes (SQL fetches them too): dots, form-encoded plus,
    # fullwidth digits, no-break spaces, base64 of a JSON document inside JSON; a near-miss stays out.
    ("formats", "TEXT", ["4111.1111.1111.1111", "cc=4111+1111+1111+1111", "\uff14" + "\uff11" * 15,
                         "4111\u00a01111\u00a01111\u00a01111",
                         json.dumps({"doc": B64_CARD_DOC}), "ref 4111.1111.1111.1112", None], CARD, {}, 5),
    # A field of ids whose runs pass Luhn at chance rate: the scan notes them, the contract must not fail them.
    ("tweet_id", "TEXT", IDS_AT_CHANCE, CARD, {}, 0),
    ("dob", "TEXT", ["2010-11-25", "2010-11-24", "24.11.2010", "25/11/2010", "1990-01-01", "2030-01-01", None],
     AGE, {"as_of": AS_OF, "value_kind": "dob"}, 2),
    ("age", "INTEGER", [15, 16, 40, 0, None], AGE,
     {"as_of": AS_OF, "value_kind": "age"}, 2),
    ("age_text", "TEXT", ["15", "16", "x", None], AGE,
     {"as_of": AS_OF, "value_kind": "age"}, 1),
    # Issue 19: infants' ages as fractions, half years, units and age words (the scan's reader); near-misses
    # at 16 and above, a year, a rule rather than a person, a negative number.
    ("age_real", "REAL", [0.42, 0.83, 14.5, 16.0, 16.5, -1.0, None], AGE,
     {"as_of": AS_OF, "value_kind": "age"}, 3),
    ("age_forms", "TEXT", ["0.42", "14,5", "6 months", "aged 9", "14 Jahre", "16 years", "2014", "minimum age 13",
                           "17,5", None], AGE, {"as_of": AS_OF, "value_kind": "age"}, 5),
    ("last4", "TEXT", ["1234", "123", "12a4", "01234", "0042", None], LAST4,
     {}, 3),
    ("last4_int", "INTEGER", [1234, 42, None], LAST4, {}, 1),
]
CASES = [(column, sqltype, Unprinted(values), *rest) for column, sqltype, values, *rest in CASES]
IDS = [c[0] for c in CASES]
RAW = ["4111 1111 1111 1111", "4111111111111111", "5555-5555-5555-4444", "2010-11-25", "25/11/2010"]


def _check(outcome, failing: int) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.result["unexpected_count"] == failing
    assert outcome.success is (failing == 0)
    assert not outcome.result.get("partial_unexpected_list")
    text = json.dumps(outcome.result, default=str)
    assert not [r for r in RAW if r in text], "a value reached the result"


@pytest.mark.parametrize(("column", "sqltype", "values", "expectation", "kwargs", "failing"), CASES, ids=IDS)
def test_pandas(column: str, sqltype: str, values: list, expectation: str, kwargs: dict, failing: int) -> None:
    gx = SourceCheck("unit")
    try:
        gx.open_frames()
        frame = pd.DataFrame({column: pd.Series(values, dtype=object)})
        planned = [Planned(column, "c", expectation, {"column": column, **kwargs})]
        [outcome] = gx.validate_frame("frame", frame, planned)
    finally:
        gx.close()
    _check(outcome, failing)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gx") / "unit.db"
    with sqlite3.connect(path) as conn:
        for column, sqltype, values, *_ in CASES:
            conn.execute(f'CREATE TABLE "{column}" (id INTEGER PRIMARY KEY, "{column}" {sqltype})')
            conn.executemany(f'INSERT INTO "{column}" ("{column}") VALUES (?)', [(v,) for v in values])
    return path


@pytest.mark.parametrize(("column", "sqltype", "values", "expectation", "kwargs", "failing"), CASES, ids=IDS)
def test_sqlite(db: Path, column: str, sqltype: str, values: list, expectation: str, kwargs: dict,
                failing: int) -> None:
    gx = SourceCheck("unit")
    try:
        gx.open_sql("sqlite", f"sqlite:///file:{db}?mode=ro&uri=true", {"hide_parameters": True})
        [outcome] = gx.validate_table(column, column, None,
                                       [Planned(column, "c", expectation, {"column": column, **kwargs})])
    finally:
        gx.close()
    _check(outcome, failing)


def test_a_birth_date_order_is_settled_by_the_column_as_the_scan_does() -> None:
    from pipeline.contracts.values import under_age_flags

    as_of = dt.date(2026, 11, 24)
    # 03/04/2011 is under 16 either way; 01/12/2010 only month-first (1 December 2010 is under 16, 12 January not)
    month_first = ["12/31/1990", "01/12/2010"]
    day_first = ["31/12/1990", "01/12/2010"]
    undecided = ["01/12/2010"]
    assert under_age_flags(month_first, as_of, "dob") == [False, False]
    assert under_age_flags(day_first, as_of, "dob") == [False, True]
    assert under_age_flags(undecided, as_of, "dob") == [False]
    assert under_age_flags(["03/04/2011"], as_of, "dob") == [True]
