"""GOVERNMENT_ID (Indian driving licence): state code, RTO number, year of issue, seven digits.

``MH12 20110012345``, ``DL-0420110149646``: the state code must be an Indian
state or union territory and the year 1950 to this year, which few other
15-character codes satisfy. Medium as the whole value or in text, strong after
"licence"/"DL no".
"""

from __future__ import annotations

import datetime as dt
import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.lexicon import INDIAN_STATE_CODES
from classifiers.recognizers.strength import MEDIUM, STRONG

_DL = r"(?P<state>[A-Z]{2})[- ]?\d{2}[- ]?(?P<year>(?:19|20)\d{2})[- ]?\d{7}"


class DrivingLicenceRecognizer(ValueRecognizer):
    ENTITY = "GOVERNMENT_ID"
    VALIDATOR = "DL state + year"
    CONTEXT = ("licence", "license", "driving licence", "driving license", "dl no", "dl number", "dl")
    QUICK = re.compile(r"[A-Z]{2}[- ]?\d{2}")
    PATTERNS = (
        Pattern("licence", rf"(?<![\w-]){_DL}(?![\w-])", 0.0, validated=MEDIUM, with_context=STRONG),
    )
    _PARTS = re.compile(_DL)

    def validate_result(self, pattern_text: str) -> bool | None:
        m = self._PARTS.fullmatch(pattern_text)
        return m is not None and m["state"] in INDIAN_STATE_CODES and 1950 <= int(m["year"]) <= dt.date.today().year
