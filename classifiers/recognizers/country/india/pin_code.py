"""POSTAL_ADDRESS (Indian PIN code): six digits, the first 1-8 (9 is the army postal service), as the whole value.

Weak: a column of six-digit numbers is as often OTPs, amounts or ids; the
column name (``pin``, ``pincode``) decides. ``560 038`` (with the space India
Post writes) is the same. Inside an address line the PIN is part of the
address match (generic/postal_address.py); after "PIN"/"pincode" in text it is medium.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK


class PinCodeRecognizer(ValueRecognizer):
    ENTITY = "POSTAL_ADDRESS"
    CONTEXT = ("pin", "pincode", "pin code", "postal code", "post code")
    QUICK = re.compile(r"\d{3}")
    PATTERNS = (
        Pattern("PIN", r"[1-8]\d{2}\s?\d{3}", WEAK, whole=True),
        Pattern("PIN in text", r"(?<![\w.,-])[1-8]\d{2}\s?\d{3}(?![\w]|[.,-]\d)", 0.0, with_context=MEDIUM),
    )
