"""DEVICE_ID (advertising id / device UUID): a UUID, weak on its own.

A UUID is what GAID, IDFA, IDFV and app installation ids look like, and also
what every row id, request id and session id looks like: the column name
decides (``advertising_id`` vs ``order_uuid``). A whole value that is a random
(version 4) UUID is weak; other versions (time-based row ids) are very weak; a
UUID inside free text is very weak unless a device word precedes it; the
all-zero UUID (tracking switched off) is nothing.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

_UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"


class AdvertisingIdRecognizer(ValueRecognizer):
    ENTITY = "DEVICE_ID"
    VALIDATOR = "UUID v4"
    CONTEXT = ("idfa", "idfv", "gaid", "adid", "aaid", "advertising id", "advertising_id", "ad id", "device id",
               "device_id", "deviceid", "android id", "android_id", "installation id", "install id")
    QUICK = re.compile(r"[0-9A-Fa-f]{8}-")
    PATTERNS = (
        Pattern("uuid value", _UUID, VERY_WEAK, validated=WEAK, whole=True),
        Pattern("uuid in text", rf"(?<![\w-]){_UUID}(?![\w-])", VERY_WEAK, with_context=MEDIUM),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        if not pattern_text.strip("0-"):
            return False
        return True if pattern_text[14] == "4" and pattern_text[19] in "89abAB" else None
