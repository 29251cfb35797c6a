"""GOVERNMENT_ID (Indian voter ID, EPIC): three capital letters and seven digits (``ABC1234567``).

The shape is shared with invoice and order codes (``INV1234567``) and there is
no check digit: very weak as a whole value (it keeps a ``voter_id`` column from
being marked as contradicted), medium after "voter"/"EPIC" in text.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK

_EPIC = r"[A-Z]{3}\d{7}"


class VoterIdRecognizer(ValueRecognizer):
    ENTITY = "GOVERNMENT_ID"
    CONTEXT = ("voter", "voter id", "voter card", "epic", "epic no", "election card", "elector")
    QUICK = re.compile(r"[A-Z]{3}\d{7}")
    PATTERNS = (
        Pattern("EPIC", _EPIC, VERY_WEAK, whole=True),
        Pattern("EPIC in text", rf"(?<![\w-]){_EPIC}(?![\w-])", 0.0, with_context=MEDIUM),
    )
