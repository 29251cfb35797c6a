"""US SSN: stdnum's area/group/serial rules; dashed strong, spaced medium, bare only with context."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.us.ssn import SsnRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("123-45-6789", STRONG),
    ("ssn 123-45-6789 on file", STRONG),
    ("123 45 6789", MEDIUM),
    ("SSN: 123 45 6789", STRONG),
    ("123456789", VERY_WEAK),
    ("SSN: 123456789", STRONG),
    ("Social Security number 234567890", STRONG),
    # near-misses
    ("000-12-3456", NONE),         # area 000
    ("666-12-3456", NONE),         # area 666
    ("912-34-5678", NONE),         # 9xx is never issued
    ("123-00-4567", NONE),         # group 00
    ("123-45-0000", NONE),         # serial 0000
    ("078-05-1120", NONE),         # the wallet-card number
    ("123-456-789", NONE),         # wrong grouping
    ("1234-56-7890", NONE),
    ("123-45-67890", NONE),
    ("order 123456789 shipped", NONE),
])
def test_ssn(text: str, score: float, scored) -> None:
    assert scored(SsnRecognizer, text)[0] == score
