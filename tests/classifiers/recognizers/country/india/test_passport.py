"""Indian passport numbers: letter + 7 digits; very weak alone, medium after "passport"."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.india.passport import PassportRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("K1234567", VERY_WEAK),
    ("Passport No: K1234567", MEDIUM),
    ("passport number is J8369854, expires 2030", MEDIUM),
    # near-misses
    ("K0234567", NONE),            # a series never starts 0
    ("K1234560", NONE),            # nor ends 0
    ("Q1234567", NONE),            # Q, X, Z are not issued
    ("k1234567", NONE),
    ("KK1234567", NONE),
    ("order K1234567 shipped", NONE),   # the shape alone inside text says nothing
    ("K12345678", NONE),
])
def test_passport(text: str, score: float, scored) -> None:
    assert scored(PassportRecognizer, text)[0] == score
