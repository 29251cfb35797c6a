"""Fields of ages in every form are classified AGE from their values and name; prices, durations and years
are not (issue 19). The sweep (tests/rules/test_age.py) then reads each value with the same reader."""

from __future__ import annotations

import pytest

from classifiers.field import FieldClassifier


@pytest.fixture(scope="module")
def fc() -> FieldClassifier:
    return FieldClassifier()


def _types(fc: FieldClassifier, field: str, values: list) -> list[str]:
    return [e.type for e in fc.classify(field, values, sampled=True).entities]


@pytest.mark.parametrize("field,values", [
    # a register of infants and children: fractions and half years, named for ages in the lexicon's languages
    ("age", [0.42, 0.83, 0.92, 2, 14.5, 15, 3, 7, 11, 1.5]),
    ("patient_age", ["0.42", "0,83", "14,5", "2", "15", "6", "9", "12", "1", "4"]),
    ("alter", ["6 Monate", "3 Jahre", "14 Jahre", "8 Wochen", "2 Jahre", "11 Jahre", "5 Jahre", "9 Monate"]),
    ("edad", ["10 años", "6 meses", "3 años", "14 años", "2 años", "8 meses", "1 año", "12 años"]),
    ("child_age", ["6 months", "8 mos", "3 yrs", "14 yrs", "2 yrs", "10 days", "5 wks", "1 yr 6 mos"]),
    # named for nothing: the values say so themselves
    ("details", ["aged 9", "aged 14", "aged 3", "aged 12", "aged 7", "aged 40", "aged 5", "aged 11"]),
    ("info", ["3 years old", "14 years old", "6 months old", "9 years old", "12 years old", "2 years old"]),
    ("notes", [f"Patient aged {n}, seen at the clinic; follow up in 2 weeks" for n in (3, 9, 12, 5, 14, 7, 11, 2)]),
])
def test_age_fields(fc: FieldClassifier, field: str, values: list) -> None:
    assert "AGE" in _types(fc, field, values)


@pytest.mark.parametrize("field,values", [
    ("price", ["14.50", "9.99", "0.42", "3.50", "12.00", "7.25", "1.99", "15.00"]),
    ("amount", [14.5, 9.99, 0.42, 3.5, 12.0, 7.25, 1.99, 15.0]),
    ("year", ["2014", "2015", "2009", "2021", "2011", "2018", "2020", "2013"]),
    ("warranty", ["2 years", "6 months", "1 year", "3 years", "2 years", "12 months", "1 year", "6 months"]),
    ("duration", ["6 months", "3 weeks", "10 days", "2 years", "1 year", "8 weeks"]),
    ("comment", ["Great product, arrived in 3 days", "Minimum age 13 to sign up", "Page 14 is missing",
                 "Ages 13+ only", "Storage 14 GB", "Returned after 2 weeks", "ETA 5 days", "Lasted 3 years"]),
])
def test_not_age_fields(fc: FieldClassifier, field: str, values: list) -> None:
    assert "AGE" not in _types(fc, field, values)
