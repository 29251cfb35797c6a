"""PHONE_NUMBER: libphonenumber-valid numbers, India as the default region; dates, ids and decimals are not phones."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.phone import PhoneRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("+91 98765 43210", STRONG, "+91 98765 43210"),
    ("+91-9876543210", STRONG, "+91-9876543210"),
    ("0091 98765 43210", STRONG, "0091 98765 43210"),
    ("098765 43210", MEDIUM, "098765 43210"),        # Indian mobile with the trunk 0
    ("9876543210", MEDIUM, "9876543210"),            # bare Indian mobile
    ("080 2345 6789", MEDIUM, "080 2345 6789"),      # Bengaluru landline with its trunk 0
    ("+91 80 2345 6789", STRONG, "+91 80 2345 6789"),
    ("+1 415-555-0123", STRONG, "+1 415-555-0123"),
    ("+44 20 7946 0018", STRONG, "+44 20 7946 0018"),
    ("+971 50 123 4567", STRONG, "+971 50 123 4567"),
    ("+65 8123 4567", STRONG, "+65 8123 4567"),
    ("(415) 555-0123", MEDIUM, "(415) 555-0123"),    # North American national format
    ("020 7946 0018", MEDIUM, "020 7946 0018"),      # parses as an Indian landline first
    ("call me on 9876543210 after 6", STRONG, "9876543210"),
    ("mob: 98765 43210", STRONG, "98765 43210"),
    ("Please call Mr. Sharma at +91 98765 43210 today", STRONG, "+91 98765 43210"),
    ("030 1234567", WEAK, "030 1234567"),            # a Berlin landline: national format, another region
    ("01 42 68 53 00", WEAK, "01 42 68 53 00"),      # Paris
    # near-misses
    ("1716543210", NONE, ""),                        # a Unix time is not a bare mobile number
    ("1716543210123", NONE, ""),                     # milliseconds
    ("2026-11-24 10:00:01", NONE, ""),
    ("24-11-2026", NONE, ""),
    ("12345678", NONE, ""),
    ("ORD-98765432", NONE, ""),
    ("INV-2024-98765-43210", NONE, ""),
    ("77.594612345", NONE, ""),                      # a coordinate
    ("203.0.113.7", NONE, ""),                       # an IP address
    ("4111 1111 1111 1111", NONE, ""),               # a card number is too long
    ("+91 12345", NONE, ""),
    ("98765 4321", NONE, ""),                        # nine digits: no trunk 0, not NANP
    ("612 345 678", NONE, ""),                       # Spanish mobiles count only with +34
])
def test_phone(text: str, score: float, found: str, scored) -> None:
    assert scored(PhoneRecognizer, text) == (score, found)
