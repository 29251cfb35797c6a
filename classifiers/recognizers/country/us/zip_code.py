"""POSTAL_ADDRESS (US ZIP code): ``94105`` (weak) or ZIP+4 ``94105-1234`` (medium), as the whole value.

Five digits are also German PLZ, order numbers and amounts: the column name
(``zip``, ``postal_code``) decides. After "ZIP" in text: medium.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK


class ZipCodeRecognizer(ValueRecognizer):
    ENTITY = "POSTAL_ADDRESS"
    CONTEXT = ("zip", "zip code", "zipcode", "postal code", "postcode", "plz")
    QUICK = re.compile(r"\d{5}")
    PATTERNS = (
        Pattern("ZIP", r"\d{5}", WEAK, whole=True),
        Pattern("ZIP+4", r"\d{5}-\d{4}", MEDIUM, whole=True),
        Pattern("ZIP in text", r"(?<![\w.,-])\d{5}(?:-\d{4})?(?![\w]|[.,-]\d)", 0.0, with_context=MEDIUM),
    )

    def invalidate_result(self, pattern_text: str) -> bool:
        return pattern_text.startswith("00000")
