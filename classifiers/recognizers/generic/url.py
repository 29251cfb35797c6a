"""URL: scheme://host/..., www.host/..., host.tld/path, by shape; hosts checked against the public-suffix list.

Presidio's URL patterns also match any ``word.tld`` (``user.name``, ``setup.py``,
``data.in``); here a bare domain needs a path or ``www.`` to count beyond weak,
and its suffix must be a real one. A site-relative path (``/pricing``) is only
very weak: it agrees with a ``landing_page`` column name and proves nothing alone.
An XML namespace or schema location (``xmlns="http://schemas..."``) names a
vocabulary, not a page anyone visited: it is not a URL of this type.
"""

from __future__ import annotations

import ipaddress
import re

from classifiers.offline import tld_extract
from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

_HOST = r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}"
_PATH = r"""(?:[/?#][^\s<>"'`]*)"""
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
#: what comes right before a namespace URI in XML: xmlns="...", xmlns:p='...', schemaLocation="..."
_NAMESPACE = re.compile(r"""(?:xmlns(?::[\w.-]+)?|schemaLocation|targetNamespace)\s*=\s*["']$""", re.IGNORECASE)


class UrlRecognizer(ValueRecognizer):
    ENTITY = "URL"
    VALIDATOR = "public suffix"
    QUICK = re.compile(r"[./]")
    PATTERNS = (
        Pattern("scheme", r"""(?<![\w.+-])(?:https?|ftp)://[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]""", MEDIUM, validated=STRONG,
                flags=re.IGNORECASE),
        Pattern("www", rf"(?<![\w./@-])www\d{{0,3}}\.{_HOST}{_PATH}?", WEAK, validated=MEDIUM, flags=re.IGNORECASE),
        Pattern("host and path", rf"(?<![\w./@:-]){_HOST}/[^\s<>\"'`]*", VERY_WEAK, validated=MEDIUM,
                flags=re.IGNORECASE),
        Pattern("domain", _HOST, VERY_WEAK, validated=WEAK, whole=True, flags=re.IGNORECASE),
        # Segments each closed by one slash, the last one open: ``(?:seg+/?)*`` would say the same but
        # backtracks exponentially on a path that fails (a ``//`` in a BGL log's path took minutes).
        Pattern("site path", r"/(?:[\w\-.~%!$&'()*+,;=:@]+/)*[\w\-.~%!$&'()*+,;=:@]*(?:\?[^\s#]*)?(?:#\S*)?",
                VERY_WEAK, whole=True),
    )

    def invalidate_context(self, text: str, start: int, end: int) -> bool:
        return _NAMESPACE.search(text, max(0, start - 40), start) is not None

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text.startswith("/"):
            return None
        host = _SCHEME.sub("", pattern_text).split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        host = host.rpartition("@")[2]
        if host.startswith("["):
            return True  # [IPv6]:port
        host = host.split(":", 1)[0]
        try:
            ipaddress.ip_address(host)
            return True
        except ValueError:
            pass
        if host.lower() == "localhost":
            return None
        parts = tld_extract(host)
        return bool(parts.suffix and parts.domain)
