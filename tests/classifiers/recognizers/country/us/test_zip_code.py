"""US ZIP codes: five digits weak, ZIP+4 medium, as whole values; medium after "zip" in text."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.us.zip_code import ZipCodeRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("94105", WEAK),
    ("94105-1234", MEDIUM),
    ("zip: 10001", MEDIUM),
    ("Postal code 10115", MEDIUM),
    # near-misses
    ("00000", NONE),
    ("9410", NONE),
    ("941051", NONE),
    ("94105-12", NONE),
    ("paid 94105 rupees", NONE),
    ("94105.25", NONE),
])
def test_zip_code(text: str, score: float, scored) -> None:
    assert scored(ZipCodeRecognizer, text)[0] == score
