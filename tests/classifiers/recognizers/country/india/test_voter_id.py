"""Indian voter ID (EPIC): three letters + seven digits; very weak alone, medium after "voter"/"EPIC"."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.india.voter_id import VoterIdRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("ABC1234567", VERY_WEAK),
    ("Voter ID: XYZ7654321", MEDIUM),
    ("EPIC no ABC1234567 verified", MEDIUM),
    # near-misses
    ("AB1234567", NONE),
    ("ABCD1234567", NONE),
    ("abc1234567", NONE),
    ("ABC123456", NONE),
    ("invoice INV1234567 paid", NONE),       # the shape in text without a voter word
])
def test_voter_id(text: str, score: float, scored) -> None:
    assert scored(VoterIdRecognizer, text)[0] == score
