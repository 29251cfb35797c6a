"""TIME_ZONE: IANA zone names (zoneinfo's own list), UTC/GMT offsets, Windows zone names, abbreviations.

``Asia/Kolkata`` is unambiguous anywhere it appears: strong, checked against
``zoneinfo.available_timezones()`` (bundled tzdata, offline). ``UTC+05:30`` /
``GMT-8`` are medium. A bare ``+05:30``, ``UTC`` or ``IST`` is weak and counts
only as the whole value, because offsets are also the tail of every ISO
timestamp (``2026-11-24T10:00:00+05:30``).
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

_OFFSET = r"[+\-\u2212](?:0?\d|1[0-4])(?::?(?:00|30|45))?"
#: alone, an offset needs its minutes: "-8" is as likely a plain negative number
_BARE_OFFSET = r"[+\-\u2212](?:0\d|1[0-4]):?(?:00|30|45)"
_ABBREVIATIONS = frozenset({
    "UTC", "GMT", "IST", "PST", "PDT", "MST", "MDT", "CST", "CDT", "EST", "EDT", "AKST", "HST", "BST", "CET", "CEST",
    "EET", "EEST", "WET", "WEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT",
    "PKT", "NPT", "ICT", "WIB", "PHT", "SAST", "WAT", "BRT"})  # not GST (India's sales tax), CAT, EAT, ART


@lru_cache(maxsize=1)
def iana_names() -> dict[str, str]:
    """casefolded name -> canonical spelling, for every zone the bundled tz database knows."""
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


class TimeZoneRecognizer(ValueRecognizer):
    ENTITY = "TIME_ZONE"
    VALIDATOR = "tz database"
    QUICK = re.compile(r"[A-Za-z]/[A-Za-z]|[+\-\u2212]\d|UTC|GMT|Standard Time|^\s*[A-Z]{2,9}\s*$", re.IGNORECASE)
    PATTERNS = (
        Pattern("IANA name", r"(?<![\w/])(?:[A-Z][A-Za-z]+/)(?:[A-Z][A-Za-z0-9_+\-]*/)?[A-Z0-9][A-Za-z0-9_+\-]*"
                r"(?![\w/])", 0.0, validated=STRONG, flags=re.IGNORECASE),
        Pattern("IANA single", r"UTC|GMT|Etc/\w+|Zulu|Universal|Greenwich|UCT", 0.0, validated=WEAK, whole=True),
        Pattern("UTC offset", rf"(?<![\w])(?:UTC|GMT)\s?{_OFFSET}(?![\w:])", MEDIUM),
        Pattern("bare offset", _BARE_OFFSET, WEAK, whole=True),
        Pattern("Windows name", r"(?:[A-Z][a-zA-Z.]*\s){1,4}(?:Standard|Daylight) Time", MEDIUM, whole=True),
        Pattern("abbreviation", r"[A-Z]{2,4}", 0.0, validated=WEAK, whole=True),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        if "/" in pattern_text or pattern_text in ("UTC", "GMT", "Zulu", "Universal", "Greenwich", "UCT"):
            return pattern_text.casefold() in iana_names() or pattern_text.upper() in _ABBREVIATIONS
        if pattern_text.isalpha() and pattern_text.isupper():
            return pattern_text in _ABBREVIATIONS
        return None
