"""GOVERNMENT_ID (Indian PAN): ``AAAAA9999A`` whose 4th letter is a valid holder type (stdnum.in_.pan).

The shape is specific (five capitals, four digits, one capital; the 4th
letter one of P, C, H, F, A, T, B, L, J, G, K), and stdnum checks the holder
type and that the serial is not 0000. There is no published check digit, so a
passing value is strong, not checksum-validated; medium inside free text
unless "PAN" precedes it.
"""

from __future__ import annotations

import re

from stdnum.in_ import pan

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

_PAN = r"[A-Z]{3}[ABCFGHJLPTK][A-Z]\d{4}[A-Z]"


class PanRecognizer(ValueRecognizer):
    ENTITY = "GOVERNMENT_ID"
    VALIDATOR = "PAN format (holder type)"
    CONTEXT = ("pan", "pan no", "pan number", "pan card", "permanent account number", "income tax")
    QUICK = re.compile(r"[A-Z]{5}\d{4}[A-Z]")
    PATTERNS = (
        Pattern("PAN", _PAN, 0.0, validated=STRONG, whole=True),
        Pattern("PAN in text", rf"(?<![\w-]){_PAN}(?![\w-])", 0.0, validated=MEDIUM, with_context=STRONG),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return pan.is_valid(pattern_text)
