"""DEVICE_ID (IMEI): 15 digits, Luhn-valid (stdnum.imei), with a known reporting-body prefix.

One random 15-digit number in ten passes Luhn, so a bare 15-digit run is only
medium even when valid; the IMEI grouping (``35-209900-176148-1``) or an
"imei" word before the number makes it a checksum-validated match. The first
two digits (the reporting body of the type allocation code) must be one that
issues TACs: 01, 30-35, 44, 45, 49-54, 86, 91, 98, 99.
"""

from __future__ import annotations

import re

from stdnum import imei

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VALIDATED

_RBI = frozenset({"01", "30", "31", "32", "33", "34", "35", "44", "45", "49", "50", "51", "52", "53", "54",
                  "86", "91", "98", "99"})


class ImeiRecognizer(ValueRecognizer):
    ENTITY = "DEVICE_ID"
    VALIDATOR = "Luhn (IMEI)"
    CONTEXT = ("imei", "imei1", "imei2", "imei no", "device id", "handset")
    QUICK = re.compile(r"\d{6}")
    PATTERNS = (
        Pattern("bare", r"(?<![\w.,-])\d{15}(?![\w]|[.,-]\d)", 0.0, validated=MEDIUM, with_context=VALIDATED),
        Pattern("grouped", r"(?<![\w.,-])\d{2}[ -]\d{6}[ -]\d{6}[ -]\d(?![\w]|[.,-]\d)", 0.0, validated=VALIDATED),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = re.sub(r"\D", "", pattern_text)
        return digits[:2] in _RBI and imei.is_valid(digits)
