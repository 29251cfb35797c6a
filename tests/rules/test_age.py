"""under_16 on AGE fields: every way registers write an age, and what is not one (issue 19).

The sweep, the data contracts and the AGE recognizer share classifiers.ages; these tests go through the
rule (and the contract's per-value test), so they hold for what a scan reports.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.contracts.values import under_age_flags
from pipeline.rules import DatasetContext
from pipeline.rules.age import MIN_AGE, Under16
from pipeline.sources import Batch

AS_OF = dt.date(2026, 11, 24)


def _reported(value: object) -> bool:
    rule = Under16(DatasetContext("src", "ds", AS_OF, {"age": ["AGE"]}))
    out = rule.check(Batch(keys=["k"], columns={"age": [value]})) + rule.finish()
    flagged = under_age_flags([value], AS_OF, "age")[0]
    assert flagged == bool(out), "the contract check and the sweep disagree"
    return bool(out)


@pytest.mark.parametrize("value,under", [
    # whole and fractional years: infants written as fractions, half years
    (15, True), (0, True), (16, False), (40, False), ("12", True),
    (0.42, True), ("0.42", True), ("0.83", True), ("0.92", True), (Decimal("0.92"), True),
    (14.5, True), ("14.5", True), ("14,5", True), ("14½", True), ("15.99", True), ("16.0", False), (16.5, False),
    ("14.50", True),                                   # in a field classified AGE, 14.50 is 14 and a half years
    # units, converted to years
    ("6 months", True), ("8 mos", True), ("3 yrs", True), ("14 ans", True), ("14 Jahre", True), ("10 años", True),
    ("10 anos", True), ("11 anni", True), ("6 jaar", True), ("5 saal", True), ("6 weeks", True), ("3 semanas", True),
    ("10 days", True), ("12 Tage", True), ("1 yr 6 mos", True), ("1y6m", True), ("2 Jahre und 3 Monate", True),
    ("1 año y 6 meses", True), ("3 ans et 2 mois", True), ("15 years 11 months", True),
    ("191 months", True), ("192 months", False), ("16 years", False), ("17 ans", False), ("20 Jahre", False),
    # after an age word, and with "old", in every language of the column-name lexicon
    ("age 14", True), ("aged 9", True), ("Age: 3 yrs", True), ("Alter: 12", True), ("âge 7 ans", True),
    ("agé de 7 ans", True), ("edad 11", True), ("idade 10", True), ("età 8", True), ("leeftijd 6", True),
    ("umar 5 saal", True), ("14 years old", True), ("14-year-old", True), ("14 yo", True), ("12 Jahre alt", True),
    ("11 años de edad", True), ("6 jaar oud", True), ("5 saal ka", True),
    ("age 16", False), ("aged 40", False), ("Alter: 67", False), ("16 years old", False),
    # free text in an AGE field: the youngest age the text gives
    ("Patient aged 9, seen today", True), ("mother aged 40, son aged 9", True), ("im Alter von 12 Jahren", True),
    ("referred at age 35", False),
    # near-misses: not ages
    (-3, False), ("-3", False), (131, False), ("2014", False), ("1,500", False), (float("nan"), False),
    (True, False), (None, False), ("", False), ("n/a", False),
    ("age 13-17", False), ("age 13+", False), ("ages 13 and over", False), ("age 12 or older", False),
    ("minimum age 13", False), ("Mindestalter 14", False), ("20 j", False),   # j: Jahre or jours
    ("ideal for children under the age of 5.", False), ("nur für Kinder über dem Alter von 12", False),
    ("FRAoiZRV3HyWmSEykYZOHNH2YwpT2Vkp+8vfSVY+4Yo=", False),                  # base64: 4Yo is no "4 yo"
    ("age 10:30", False), ("ETA 5 days", False), ("storage 14 GB", False), ("page 14", False),
    ("follow up in 6 months", False),
])
def test_age_forms(value: object, under: bool) -> None:
    assert _reported(value) is under


def test_evidence_names_the_form_and_no_value() -> None:
    rule = Under16(DatasetContext("src", "ds", AS_OF, {"age": ["AGE"]}))
    out = rule.check(Batch(keys=["a", "b", "c"], columns={"age": [15, "6 months", "Patient aged 9"]}))
    assert [v.evidence for v in out] == ["age in years is under 16 on 2026-11-24",
                                        "age (number with units) is under 16 on 2026-11-24",
                                        "age (after an age word) is under 16 on 2026-11-24"]


# --- property: any age below 16, in any form, unit and language, is a violation; 16 and above is not ----------

#: Written here, not read from classifiers/age_words.yaml, so the data is tested rather than echoed:
#: language -> (age word, years, months, weeks, days, "old" after a number with units or None).
WORDS = {
    "en": ("age", "years", "months", "weeks", "days", "old"),
    "de": ("Alter:", "Jahre", "Monate", "Wochen", "Tage", "alt"),
    "fr": ("âge", "ans", "mois", "semaines", "jours", None),
    "es": ("edad", "años", "meses", "semanas", "días", "de edad"),
    "pt": ("idade", "anos", "meses", "semanas", "dias", "de idade"),
    "it": ("età", "anni", "mesi", "settimane", "giorni", "di età"),
    "nl": ("leeftijd", "jaar", "maanden", "weken", "dagen", "oud"),
    "hi": ("umar", "saal", "mahine", "hafte", "din", "ka"),
}
UNITS = {"years": (1, Fraction(1)), "months": (2, Fraction(1, 12)), "weeks": (3, Fraction(7 * 100, 36525)),
         "days": (4, Fraction(100, 36525))}


def _number(value: Fraction | int, decimals: int, comma: bool) -> str:
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):.{decimals}f}" if decimals else str(int(value))
    return text.replace(".", ",") if comma else text


@st.composite
def written_ages(draw: st.DrawFn) -> tuple[str, Fraction]:
    """(an age as a register or a text writes it, its age in years)."""
    lang = draw(st.sampled_from(sorted(WORDS)))
    words = WORDS[lang]
    unit = draw(st.sampled_from(["none", *UNITS]))
    if unit in ("none", "years"):
        decimals = draw(st.integers(0, 2))
        hundredths = draw(st.integers(0, 130 * 100))
        amount = Fraction(hundredths - hundredths % 10 ** (2 - decimals), 100)
        years = amount
    else:
        amount = Fraction(draw(st.integers(0, 999)))  # a count of months, weeks or days: up to three digits
        decimals = 0
        years = amount * UNITS[unit][1]
    number = _number(amount, decimals, comma=decimals in (1, 2) and draw(st.booleans()))
    written = number if unit == "none" else f"{number} {words[UNITS[unit][0]]}"
    frame = draw(st.sampled_from(["whole", "age word", "old", "text"]))
    if frame == "age word" or (frame == "text"):
        written = f"{words[0]} {written}"
        if frame == "text":
            written = f"Notes: {written}, seen at the clinic"
    elif frame == "old" and unit != "none" and words[5]:
        written = f"{written} {words[5]}"
    return written, years


@given(written_ages())
def test_any_age_under_16_in_any_form_is_a_violation(case: tuple[str, Fraction]) -> None:
    written, years = case
    assert _reported(written) is (years < MIN_AGE), (written, float(years))


@given(st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                 st.decimals(allow_nan=True, allow_infinity=True)))
def test_numbers_under_16_and_not_negative_are_violations(value: int | float | Decimal) -> None:
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    assert _reported(value) is (finite and 0 <= Fraction(value) < MIN_AGE)
