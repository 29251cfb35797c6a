"""CARD_LAST_FOUR: the last four digits of a card, bare or at the end of a masked number.

A masked number (``XXXX-XXXX-XXXX-1234``, ``**** 4242``, ``411111******1234``,
``•••• 1234``) is strong: nothing else is written that way. A bare four-digit
value is weak (the column name decides: ``last4`` vs ``quantity``), and very
weak when it reads as a year 1900-2099. Inside text, four digits after "ending
(in)" or "last 4" are medium.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

_MASK = r"[Xx*•●#]"


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

    def score_match(self, pattern, text, start, end):  # type: ignore[no-untyped-def]
        r = super().score_match(pattern, text, start, end)
        if r is not None and pattern.name == "four digits" and 1900 <= int(text[start:end]) <= 2099:
            r.score = VERY_WEAK
        return r
