"""EMAIL_ADDRESS: local@domain whose domain ends in a real public suffix (tldextract's bundled list, offline).

``@user@instance.social`` is a fediverse (Mastodon) handle, not a mailbox: a
match right after an ``@`` is dropped.
"""

from __future__ import annotations

import re

from classifiers.offline import tld_extract
from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import STRONG, WEAK

_LOCAL = r"[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
_DOMAIN = r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}"


class EmailRecognizer(ValueRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    VALIDATOR = "public suffix"
    QUICK = re.compile("@")
    PATTERNS = (
        # A made-up suffix (user@host.local, a@b.invalid) is still shaped like an address: weak.
        Pattern("address", rf"(?<![\w.!#$%&'*+/=?^`{{|}}~-]){_LOCAL}@{_DOMAIN}(?![\w-])", WEAK, validated=STRONG),
    )

    def invalidate_context(self, text: str, start: int, end: int) -> bool:
        return start > 0 and text[start - 1] == "@"

    def validate_result(self, pattern_text: str) -> bool | None:
        # No suffix: keep the weak shape score rather than dropping (internal hosts exist).
        return True if tld_extract(pattern_text.rpartition("@")[2]).suffix else None
