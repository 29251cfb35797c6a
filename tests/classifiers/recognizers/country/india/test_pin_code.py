"""Indian PIN codes: six digits, first 1-8, weak as a whole value, medium after "PIN"."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.india.pin_code import PinCodeRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("560038", WEAK),
    ("110 001", WEAK),
    ("pincode: 400012", MEDIUM),
    ("PIN 682001, Kochi", MEDIUM),
    # near-misses
    ("960038", NONE),              # 9: army postal service
    ("060038", NONE),
    ("5600381", NONE),
    ("56003", NONE),
    ("OTP 560038 expires soon", NONE),   # six digits in text without a PIN word
    ("560038.50", NONE),
])
def test_pin_code(text: str, score: float, scored) -> None:
    assert scored(PinCodeRecognizer, text)[0] == score
