"""Indian PAN: AAAAA9999A with a valid holder type (4th letter); strong as a value, medium in text."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.india.pan import PanRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("ABCPK1234F", STRONG),            # P: individual
    ("AAACB1234C", STRONG),            # C: company
    ("  BNZAA2318J ", STRONG),
    ("PAN: ABCPK1234F", STRONG),       # in text after its word
    ("uploaded ABCPK1234F for kyc", MEDIUM),
    # near-misses
    ("ABCXK1234F", NONE),              # X is no holder type
    ("ABCPK0000F", NONE),              # serial 0000
    ("abcpk1234f", NONE),              # PANs are upper case
    ("ABCPK12345", NONE),              # digit in the last place
    ("ABCPK1234FG", NONE),             # too long
    ("SKU-ABCPK1234F", NONE),          # part of a longer code
    ("ABCP1234F", NONE),
])
def test_pan(text: str, score: float, scored) -> None:
    assert scored(PanRecognizer, text)[0] == score
