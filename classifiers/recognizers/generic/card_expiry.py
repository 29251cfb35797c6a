"""CARD_EXPIRY: a card's expiry month and year: ``MM/YY``, ``MM/YYYY``, ``MM-YY``, with the month 01-12.

As a whole value ``MM/YY`` and ``MM/YYYY`` are medium (a column of them is
expiry dates more often than not), ``MM-YY`` and a one-digit month weak
(sizes, ranges and scores are written that way too). Inside text only after an
expiry word (exp, expiry, valid thru, ...), then strong.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

_MM = r"(?:0[1-9]|1[0-2])"
_YY = r"(?:\d{2}|20\d{2})"


class CardExpiryRecognizer(ValueRecognizer):
    ENTITY = "CARD_EXPIRY"
    CONTEXT = ("exp", "expiry", "expires", "expiration", "exp date", "expiry date", "valid thru", "valid through",
               "valid till", "valid until", "good thru", "mm/yy", "gültig bis", "vencimiento", "validade", "scadenza")
    QUICK = re.compile(r"\d[/\-]\d|\d\s[/\-]\s\d")
    PATTERNS = (
        Pattern("MM/YY", rf"{_MM}\s?/\s?{_YY}", MEDIUM, whole=True),
        Pattern("MM-YY", rf"{_MM}-{_YY}", WEAK, whole=True),
        Pattern("M/YY", rf"[1-9]/{_YY}", WEAK, whole=True),
        Pattern("in text", rf"(?<![\w/.-]){_MM}\s?[/-]\s?{_YY}(?![\w/.-]|-\d)", 0.0, with_context=STRONG),
    )
