"""DATE_OF_BIRTH: past dates in common formats, weak at most; timestamps, future and pre-1900 dates are not."""

from __future__ import annotations

import datetime as dt

import pytest

from classifiers.recognizers.generic.date_of_birth import DateOfBirthRecognizer
from classifiers.recognizers.strength import VERY_WEAK, WEAK

NONE = 0.0
RECENT = (dt.date.today() - dt.timedelta(days=400)).isoformat()
FUTURE = (dt.date.today() + dt.timedelta(days=40)).isoformat()


@pytest.mark.parametrize("text,score", [
    ("1990-05-12", WEAK),
    ("1990-05-12T00:00:00", WEAK),           # a DATETIME column's midnight
    ("1990-05-12 00:00:00", WEAK),
    ("12.05.1990", WEAK),
    ("12/05/1990", WEAK),
    ("05/31/1990", WEAK),                     # month first
    ("31-05-1990", WEAK),
    ("12 May 1990", WEAK),
    ("May 12, 1990", WEAK),
    ("12-Mar-1985", WEAK),
    ("1st January 1970", WEAK),
    (RECENT, VERY_WEAK),                      # a child, or any recent event
    ("12/05/90", VERY_WEAK),                  # two-digit year
    ("19900512", VERY_WEAK),                  # eight digits: as often an id
    # near-misses
    (FUTURE, NONE),
    ("1890-01-01", NONE),
    ("1990-13-12", NONE),
    ("31/02/1990", NONE),
    ("2024-05-01T10:22:33", NONE),            # an event timestamp
    ("1990", NONE),
    ("31/13/90", NONE),
    ("born on 12/05/1990", NONE),             # inside text
    ("19901340", NONE),
    ("12345678", NONE),
])
def test_date_of_birth(text: str, score: float, scored) -> None:
    assert scored(DateOfBirthRecognizer, text)[0] == score
