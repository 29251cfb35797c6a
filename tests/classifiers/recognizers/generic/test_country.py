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
    # team and nationality columns: a country with a numbering, year or letter suffix, or a pair
    ("Norway-3", MEDIUM),
    ("Norway 2", MEDIUM),
    ("Norway II", MEDIUM),
    ("Germany 1990", MEDIUM),
    ("USA (B)", MEDIUM),
    ("Korea, Republic of (U23)", MEDIUM),
    ("Czechia/Slovakia", MEDIUM),
    ("Serbia / Montenegro", MEDIUM),
    ("GBR 2", MEDIUM),
    # near-misses
    ("London-3", NONE),                  # a city with a suffix
    ("Paris/London", NONE),              # a city pair
    ("Norway/Oslo", NONE),               # a country and a city
    ("Norway, Sweden", NONE),            # a comma list of countries, not one side
    ("Norway 12345", NONE),              # five digits: a postcode or an id, not a number or a year
    ("Norway-3b", NONE),
    ("CAN 2", NONE),                     # an alpha-3 that is also a word
    ("IN 2", NONE),                      # alpha-2 with a number: a grade, a row
    ("Route 66", NONE),
    ("Windows 10", NONE),
    ("Norway is 3rd", NONE),
    ("N/A", NONE),
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
