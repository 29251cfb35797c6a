"""GOVERNMENT_ID (Aadhaar): 12 digits, not starting 0 or 1, Verhoeff check digit (stdnum.in_.aadhaar).

One random 12-digit number in ten passes Verhoeff, so a bare run of 12 digits
that passes is medium (a column where every value passes is Aadhaar; an order
id column where one in ten passes is not). Written the way UIDAI prints it
(``2345 6789 0124``, or with dashes), or after "aadhaar"/"uid" in text, a
passing number is checksum-validated. A failing check digit drops the match.
"""

from __future__ import annotations

import re

from stdnum.in_ import aadhaar

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VALIDATED


class AadhaarRecognizer(ValueRecognizer):
    ENTITY = "GOVERNMENT_ID"
    VALIDATOR = "Verhoeff (Aadhaar)"
    CONTEXT = ("aadhaar", "aadhar", "adhaar", "aadhaar no", "uid", "uidai", "आधार")
    QUICK = re.compile(r"[2-9]\d{3}[ -]?\d{4}")
    PATTERNS = (
        Pattern("bare", r"(?<![\w.,+-])[2-9]\d{11}(?![\w]|[.,-]\d)", 0.0, validated=MEDIUM, with_context=VALIDATED),
        Pattern("grouped", r"(?<![\w.,+-])[2-9]\d{3}([ -])\d{4}\1\d{4}(?![\w]|[.,-]\d)", 0.0, validated=VALIDATED),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return aadhaar.is_valid(pattern_text)
