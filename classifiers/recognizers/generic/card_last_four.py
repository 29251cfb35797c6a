"""CARD_LAST_FOUR: the last four digits of a card, bare or at the end of a masked number.

A masked number (``XXXX-XXXX-XXXX-1234``, ``**** 4242``, ``411111******1234``,
``•••• 1234``) is strong: nothing else is written that way. A bare four-digit
value is weak (the column name decides: ``last4`` vs ``quantity``), and very
weak when it reads as a year 1900-2099. Inside text, four digits after "ending
(in)" or "last 4" are medium.

A masked number is as long as a card: with its first digits shown
(``411111******1234``) it has 13-19 digits and mask characters in all. A
``****`` among other numbers (``Fan speeds ( 3552 3375 **** 3515 3479 )``,
a reading that is missing) is a placeholder in a list, not a masked card:
too short with the digits before it, or with another number right after it.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

_MASK = r"[Xx*•●#]"
_MASK_CHARS = frozenset("Xx*•●#")
#: card lengths: digits and mask characters of a masked number with its first digits shown
_CARD_LENGTHS = range(13, 20)
#: another number right before or after a masked match: one value of a list of numbers
_NUMBER_AFTER = re.compile(r"[ \t]+[\d*]")
_NUMBER_BEFORE = re.compile(r"\d[ \t]+$")


class CardLastFourRecognizer(ValueRecognizer):
    ENTITY = "CARD_LAST_FOUR"
    CONTEXT = ("ending", "ending in", "ending with", "last 4", "last four", "last4", "last 4 digits", "card no",
               "card ending", "endet auf", "terminada en", "terminant par")
    QUICK = re.compile(r"\d{4}")
    PATTERNS = (
        Pattern("masked", rf"(?<![\w*•●#])(?:\d{{4,6}}[ -]?)?(?:{_MASK}[ -]?){{4,16}}\d{{4}}(?!\w)", STRONG),
        Pattern("four digits", r"\d{4}", WEAK, whole=True),
        Pattern("in text", r"(?<![\w.,/-])\d{4}(?![\w]|[.,/-]\d)", 0.0, with_context=MEDIUM),
    )

    def invalidate_context(self, text: str, start: int, end: int) -> bool:
        if not any(c in _MASK_CHARS for c in text[start:end]):
            return False
        if _NUMBER_AFTER.match(text, end) or _NUMBER_BEFORE.search(text, max(0, start - 8), start):
            return True
        if text[start].isdigit():
            return sum(c.isdigit() or c in _MASK_CHARS for c in text[start:end]) not in _CARD_LENGTHS
        return False

    def score_match(self, pattern, text, start, end):
        r = super().score_match(pattern, text, start, end)
        if r is not None and pattern.name == "four digits" and 1900 <= int(text[start:end]) <= 2099:
            r.score = VERY_WEAK
        return r
