"""GOVERNMENT_ID (US Social Security number): area-group-serial by stdnum.us.ssn's rules.

No 000, 666 or 9xx area, no 00 group, no 0000 serial, not a known advertised
number. There is no check digit: dashed ``123-45-6789`` is strong (few other
things are written 3-2-4), spaced ``123 45 6789`` medium, nine bare digits
very weak as the whole value and nothing inside text, unless "SSN" or "social
security" precedes them (then strong).
"""

from __future__ import annotations

import re

from stdnum.us import ssn

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK

_EDGE_START = r"(?<![\w.,+/-])"
_EDGE_END = r"(?![\w]|[.,/-]\d)"


class SsnRecognizer(ValueRecognizer):
    ENTITY = "GOVERNMENT_ID"
    VALIDATOR = "SSN area/group/serial"
    CONTEXT = ("ssn", "social security", "social security number", "ss#", "ss no", "ssn#", "tin", "taxpayer")
    QUICK = re.compile(r"\d{3}[- ]?\d{2}[- ]?\d{4}")
    PATTERNS = (
        Pattern("dashed", rf"{_EDGE_START}\d{{3}}-\d{{2}}-\d{{4}}{_EDGE_END}", 0.0, validated=STRONG),
        Pattern("spaced", rf"{_EDGE_START}\d{{3}} \d{{2}} \d{{4}}{_EDGE_END}", 0.0, validated=MEDIUM,
                with_context=STRONG),
        Pattern("bare", r"\d{9}", 0.0, validated=VERY_WEAK, whole=True),
        Pattern("bare in text", rf"{_EDGE_START}\d{{9}}{_EDGE_END}", 0.0, validated=0.0, with_context=STRONG),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return ssn.is_valid(pattern_text.replace(" ", "-") if " " in pattern_text else pattern_text)
