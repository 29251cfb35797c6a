"""CARD_EXPIRY: MM/YY and MM/YYYY medium as whole values, strong after an expiry word; dates and ratios are not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.card_expiry import CardExpiryRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("12/27", MEDIUM),
    ("01/2029", MEDIUM),
    ("09 / 26", MEDIUM),
    ("03-28", WEAK),
    ("3/27", WEAK),
    ("card exp 12/27, cvv sent separately", STRONG),
    ("Valid thru 08/2030", STRONG),
    ("expiry: 11-26", STRONG),
    # near-misses
    ("13/27", NONE),                     # no month 13
    ("00/27", NONE),
    ("12/27/2024", NONE),                # a date
    ("24/11/2026", NONE),
    ("12/275", NONE),
    ("1/2", NONE),
    ("ratio 12/27 of the batch", NONE),  # inside text without an expiry word
    ("12.27", NONE),
])
def test_card_expiry(text: str, score: float, scored) -> None:
    assert scored(CardExpiryRecognizer, text)[0] == score
