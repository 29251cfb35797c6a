"""MAC_ADDRESS: six hex octets (``aa:bb:cc:dd:ee:ff``, ``aa-bb-..``) or Cisco's ``aabb.ccdd.eeff``.

All-zero and broadcast addresses identify no device and are dropped. A form
with only decimal digits (``12-34-56-78-90-12``) could be any grouped number:
medium rather than strong.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

_H = "[0-9A-Fa-f]"


class MacAddressRecognizer(ValueRecognizer):
    ENTITY = "MAC_ADDRESS"
    VALIDATOR = "hex octets"
    QUICK = re.compile(rf"{_H}{{2}}[:\-.]{_H}{{2}}")
    PATTERNS = (
        Pattern("colon or dash", rf"(?<![\w:.-]){_H}{{2}}([:-]){_H}{{2}}(?:\1{_H}{{2}}){{4}}(?![\w:-])",
                MEDIUM, validated=STRONG),
        Pattern("cisco dotted", rf"(?<![\w:.-]){_H}{{4}}\.{_H}{{4}}\.{_H}{{4}}(?![\w:.-])", MEDIUM, validated=STRONG),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        hexes = re.sub(r"[^0-9A-Fa-f]", "", pattern_text).lower()
        if hexes in ("000000000000", "ffffffffffff"):
            return False
        # A hex letter somewhere: no longer just a grouped decimal number.
        return True if any(c in "abcdef" for c in hexes) else None
