"""COUNTRY: names and alpha-3 medium, alpha-2 weak, as whole values; countries inside text are not matched."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.recognizers.generic.country import CountryRecognizer, is_team
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


_NAMES = sorted(c.name for c in pycountry.countries)
_SUFFIX = st.one_of(
    st.builds(lambda sep, n: f"{sep}{n}", st.sampled_from(["-", " ", " - ", "_", "#"]), st.integers(1, 9999)),
    st.builds(lambda r: f" {r}", st.sampled_from(["I", "II", "III", "IV"])),
    st.builds(lambda c: f" ({c})", st.sampled_from(["A", "B", "C", "U23", "women"])),
    st.builds(lambda other: f"/{other}", st.sampled_from(_NAMES)),
)


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(_NAMES), suffix=_SUFFIX)
def test_any_iso_country_with_a_team_suffix_is_a_country(name: str, suffix: str) -> None:
    assert is_team(name + suffix), "a country's ISO name with a team, year or numbering suffix"


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(_NAMES), tail=st.integers(10_000, 10**8))
def test_a_country_with_a_long_number_is_not_a_team(name: str, tail: int) -> None:
    assert not is_team(f"{name} {tail}")
