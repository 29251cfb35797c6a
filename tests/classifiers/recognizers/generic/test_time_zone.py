"""TIME_ZONE: IANA names strong, UTC offsets medium, bare offsets weak; a timestamp's offset is not a zone."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.time_zone import TimeZoneRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("Asia/Kolkata", STRONG),
    ("America/Argentina/Buenos_Aires", STRONG),
    ("asia/calcutta", STRONG),                       # a link name, any case
    ("Etc/GMT+5", STRONG),
    ('{"tz": "Europe/Berlin"}', STRONG),
    ("UTC+05:30", MEDIUM),
    ("GMT-8", MEDIUM),
    ("India Standard Time", MEDIUM),                 # Windows zone name
    ("+05:30", WEAK),
    ("-0800", WEAK),
    ("UTC", WEAK),
    ("IST", WEAK),
    # near-misses
    ("Asia/Mumbai", NONE),                           # not a zone
    ("Europe/Londn", NONE),
    ("km/h", NONE),
    ("and/or", NONE),
    ("2026-11-24T10:00:00+05:30", NONE),             # a timestamp's offset
    ("-8", NONE),                                    # a negative number
    ("+05:17", NONE),
    ("GST", NONE),                                   # India's sales tax
    ("https://example.com/Europe/London/hotels", NONE),
])
def test_time_zone(text: str, score: float, scored) -> None:
    assert scored(TimeZoneRecognizer, text)[0] == score
