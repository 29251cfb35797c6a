"""COUNTRY: names and alpha-3 medium, alpha-2 weak, as whole values; countries inside text are not matched."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.country import CountryRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("India", MEDIUM),
    ("INDIA", MEDIUM),
    ("United States", MEDIUM),
    ("USA", MEDIUM),
    ("UK", MEDIUM),
    ("United Arab Emirates", MEDIUM),
    ("Korea, Republic of", MEDIUM),
    ("Republic of Korea", MEDIUM),
    ("Deutschland", MEDIUM),
    ("Türkiye", MEDIUM),
    ("IND", MEDIUM),
    ("GBR", MEDIUM),
    ("IN", WEAK),
    ("DE", WEAK),
    ("EST", WEAK),                       # Estonia, or Eastern Standard Time
    ("Indian", WEAK),                    # a nationality
    ("Emirati", WEAK),
    # near-misses
    ("in", NONE),
    ("us", NONE),
    ("XX", NONE),
    ("ZZZ", NONE),
    ("INR", NONE),                       # a currency
    ("Indiana", NONE),
    ("shipping within India only", NONE),
    ("Made in India", NONE),
])
def test_country(text: str, score: float, scored) -> None:
    assert scored(CountryRecognizer, text)[0] == score
