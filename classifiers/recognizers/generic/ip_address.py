"""IP_ADDRESS: IPv4 and IPv6 addresses that the ipaddress module accepts, and that are not version numbers.

Four dot-separated numbers are also how versions and builds are written
(``Chrome/120.0.0.0``, ``v1.2.3.4``, ``build 10.0.19045.3570``): a match right
after a product token (``name/``), a ``v`` or a version/build/release word is
dropped, and so is a zero-padded form (``01.02.03.04``, which ipaddress
rejects). A public or private client address is strong; a single-digit quad
(``1.2.0.0``, more often a version than an address) and the special addresses
(loopback, unspecified, broadcast, multicast) are weak. So are four pairs of
digits (``40.32.25.55``): that is how France and Belgium write phone numbers,
and a client address happens to have four two-digit parts about once in 70; a
weak score never decides a column alone (classifiers/decide.py), so a
``Phone`` or ``Fax`` column of dotted pairs is not IP_ADDRESS.

A product token is not a host name, though: Java and Hadoop write a socket
address as ``host/10.1.2.3:9000``, and a port after the address says it is
one (no version is followed by ``:port``). Network numbers are not a host's
address either: an address that ends in ``.0`` (the network of a /24 or
wider: ``10.128.0.0``, ``5.5.224.0``) or ``.255`` (its broadcast), a netmask
(``255.255.240.0``) and an address followed by a prefix length
(``10.0.0.0/8``) are weak, and one right after a network word (``network``,
``subnet``, ``netmask``, ``broadcast``) is dropped.
"""

from __future__ import annotations

import ipaddress
import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import STRONG, WEAK

_V4 = r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)(?![\w])"
# Candidate IPv6: hex groups with at least two colons; ipaddress decides (times and MACs fail there).
_V6 = r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])"
_VERSIONISH = re.compile(
    r"(?:\b(?:v|ver|version|versions|build|release|rel|firmware|fw|os|sdk|api|app|update|patch|kernel|edition)"
    r"\s*[:=#]?\s*|[A-Za-z][\w.-]*/|\bv)$", re.IGNORECASE)
_SMALL_QUAD = re.compile(r"^\d\.\d\.\d\.\d$")
_PAIRS = re.compile(r"^\d\d\.\d\d\.\d\d\.\d\d$")
#: a port right after the address: ``host/10.1.2.3:9000`` is a socket address, not ``Product/1.2.3.4``
_PORT = re.compile(r":\d{1,5}(?!\d)")
#: a network word just before the address: a network number, mask or route, not a host
_NETWORK_WORD = re.compile(r"\b(?:network|networks|subnet|subnets|netmask|mask|broadcast|cidr)"
                           r"\s*[:=]?\s*$", re.IGNORECASE)
#: a prefix length right after the address (CIDR notation)
_PREFIX = re.compile(r"/\d{1,2}(?!\d)")


class IpAddressRecognizer(ValueRecognizer):
    ENTITY = "IP_ADDRESS"
    VALIDATOR = "ipaddress"
    QUICK = re.compile(r"\d\.\d|:")
    PATTERNS = (
        Pattern("IPv4", _V4, 0.0, validated=STRONG),
        Pattern("IPv6", _V6, 0.0, validated=STRONG),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        try:
            ip = ipaddress.ip_address(pattern_text)
        except ValueError:
            return False
        return ip.version == 4 or pattern_text.count(":") >= 2

    def invalidate_context(self, text: str, start: int, end: int) -> bool:
        if _NETWORK_WORD.search(text, max(0, start - 24), start) is not None:
            return True
        return (_VERSIONISH.search(text, max(0, start - 24), start) is not None
                and _PORT.match(text, end) is None)

    def score_match(self, pattern: Pattern, text: str, start: int, end: int):
        r = super().score_match(pattern, text, start, end)
        if r is not None and (_special(text[start:end]) or _PREFIX.match(text, end) is not None):
            r.score = WEAK
        return r


def _special(found: str) -> bool:
    if _SMALL_QUAD.match(found) or _PAIRS.match(found):
        return True
    ip = ipaddress.ip_address(found)
    if ip.version == 4 and (found.endswith((".0", ".255")) or _netmask(found)):
        return True
    return ip.is_loopback or ip.is_unspecified or ip.is_multicast or ip.is_reserved or ip.is_link_local or (
        ip.version == 4 and str(ip) == "255.255.255.255")


def _netmask(found: str) -> bool:
    """A contiguous netmask starting at 255 (``255.255.240.0``): a mask, not an address."""
    bits = int(ipaddress.IPv4Address(found))
    return found.startswith("255.") and (bits | (bits - 1)) == 0xFFFFFFFF if bits else False
