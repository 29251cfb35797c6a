"""GOVERNMENT_ID (Indian passport number): one capital letter and seven digits (``K1234567``), weak at most.

The shape is shared with many order, SKU and ticket numbers, and there is no
check digit: very weak as a whole value (it keeps a ``passport_no`` column
from being marked as contradicted), medium after "passport" in text.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK

_PASSPORT = r"[A-PR-WY-Z][1-9]\d{5}[1-9]"  # Q, X and Z-less series; the first and last digits are never 0


class PassportRecognizer(ValueRecognizer):
    ENTITY = "GOVERNMENT_ID"
    CONTEXT = ("passport", "passport no", "passport number", "pasaporte", "reisepass", "पासपोर्ट")
    QUICK = re.compile(r"[A-Z]\d{7}")
    PATTERNS = (
        Pattern("passport", _PASSPORT, VERY_WEAK, whole=True),
        Pattern("passport in text", rf"(?<![\w-]){_PASSPORT}(?![\w-])", 0.0, with_context=MEDIUM),
    )
