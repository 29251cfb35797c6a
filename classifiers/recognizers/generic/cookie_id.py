"""COOKIE_ID: cookie and session identifiers: known cookie formats, and random tokens as whole values.

- Google Analytics ``GA1.2.1234567890.1699999999``, Meta ``fb.1.1699999999.1234567890``,
  and ``sid=...``/``session_id=...``/``Cookie: ...=...`` pairs in text: medium;
- a whole value that is a random token (20-200 characters of base64url or hex,
  letters and digits mixed, no words): weak. UUIDs are such tokens too, so a
  ``session_id`` column of UUIDs agrees with its name. The same token shapes
  are device ids, API keys and checksums: the column name decides.
"""

from __future__ import annotations

import re
from itertools import pairwise

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

_KEYS = (r"(?:sid|sessid|session[_-]?id|sessionid|phpsessid|jsessionid|asp\.net_sessionid|connect\.sid|_ga|_gid|_fbp|"
         r"_fbc|visitor[_-]?id|anonymous[_-]?id|ajs_anonymous_id|device[_-]?cookie|cookie[_-]?id|csrftoken|_session)")


class CookieIdRecognizer(ValueRecognizer):
    ENTITY = "COOKIE_ID"
    VALIDATOR = "cookie format"
    MAX_WHOLE = 200
    PATTERNS = (
        Pattern("Google Analytics", r"(?<![\w.])GA\d\.\d\.\d{5,12}\.\d{9,11}(?![\w.])", MEDIUM),
        Pattern("Meta pixel", r"(?<![\w.])fb\.\d\.\d{10,13}\.\d{5,20}(?![\w.])", MEDIUM),
        Pattern("session pair", rf"(?<![\w]){_KEYS}\s*[=:]\s*(?P<value>[\w%.:+/=-]{{12,}})", MEDIUM,
                flags=re.IGNORECASE),
        Pattern("random token", r"[A-Za-z0-9_-]{20,200}", 0.0, validated=WEAK, whole=True, check="is_random"),
    )

    def is_random(self, token: str) -> bool:
        if len(set(token)) < 10:
            return False
        # Random tokens switch between digits and letters all the time; ids built of segments
        # ("ORD-2024-000123-ABCDEFGH") and words ("user_profile_settings_v2") do not.
        switches = sum(1 for a, b in pairwise(token) if a.isalnum() and b.isalnum() and a.isdigit() != b.isdigit())
        return switches >= max(4, len(token) // 8)
