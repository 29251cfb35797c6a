"""Dates of birth in the forms people store them; dd/mm versus mm/dd left open when a value reads both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.rules.dates import age_on, parse_date

D = dt.date


@pytest.mark.parametrize("value,date,form,hint", [
    ("2011-02-03", D(2011, 2, 3), "ISO", None),
    ("2011-02-03T10:00:00Z", D(2011, 2, 3), "ISO", None),
    ("2011/02/03", D(2011, 2, 3), "ISO", None),
    ("03.02.2011", D(2011, 2, 3), "dd.mm.yyyy", None),
    ("25/12/2011", D(2011, 12, 25), "dd/mm/yyyy", "day"),
    ("12/25/2011", D(2011, 12, 25), "mm/dd/yyyy", "month"),
    ("25-12-2011", D(2011, 12, 25), "dd/mm/yyyy", "day"),
    (D(2011, 2, 3), D(2011, 2, 3), "date", None),
    (dt.datetime(2011, 2, 3, 4, 5), D(2011, 2, 3), "date", None),
])
def test_certain_dates(value: object, date: dt.date, form: str, hint: str | None) -> None:
    p = parse_date(value)
    assert p is not None and (p.date, p.form, p.order_hint) == (date, form, hint)


def test_ambiguous_date_keeps_both_readings() -> None:
    p = parse_date("03/04/2011")
    assert p is not None and p.date is None
    assert (p.day_first, p.month_first) == (D(2011, 4, 3), D(2011, 3, 4))


@pytest.mark.parametrize("value", ["", "2011-13-01", "31.02.2011", "13/13/2011", "hello", "1.2.3", 20110203, None,
                                   "2011-02"])
def test_not_dates(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("born,age", [
    (D(2010, 11, 24), 16),   # birthday on as_of: 16 that day
    (D(2010, 11, 25), 15),   # one day short
    (D(2008, 2, 29), 18),
    (D(2012, 2, 29), 14),
])
def test_age_on(born: dt.date, age: int) -> None:
    assert age_on(born, D(2026, 11, 24)) == age
