"""MAC_ADDRESS: six hex octets (``aa:bb:cc:dd:ee:ff``, ``aa-bb-..``) or Cisco's ``aabb.ccdd.eeff``.

All-zero and broadcast addresses identify no device and are dropped. A form
with only decimal digits (``12-34-56-78-90-12``) could be any grouped number:
medium rather than strong.

Hardware ids often carry a device's MAC inside a longer run of octets: a
DHCP client identifier is the hardware type and the MAC (``01:`` + six
octets), and some chip and card ids are two six-octet halves, one of them the
MAC (``FF:F2:9F:16:E0:DA:00:0D:60:E9:1F:25``). Such a run holds a MAC when
the six octets at those places are a universally administered unicast
address whose OUI the IEEE registry lists (netaddr's copy of it, offline):
strong. Only those places are read, so a random run of octets (a key
fingerprint) has almost no chance to pass.
"""

from __future__ import annotations

import re

from netaddr import OUI, NotRegisteredError

from classifiers.recognizers.base import VALIDATOR_KEY, Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

_H = "[0-9A-Fa-f]"
#: where a MAC sits in a longer run of octets: run length -> offsets of its six octets
_MAC_PLACES = {7: (1,), 12: (0, 6)}


class MacAddressRecognizer(ValueRecognizer):
    ENTITY = "MAC_ADDRESS"
    VALIDATOR = "hex octets"
    QUICK = re.compile(rf"{_H}{{2}}[:\-.]{_H}{{2}}")
    PATTERNS = (
        Pattern("colon or dash", rf"(?<![\w:.-]){_H}{{2}}([:-]){_H}{{2}}(?:\1{_H}{{2}}){{4}}(?![\w:-])",
                MEDIUM, validated=STRONG),
        Pattern("cisco dotted", rf"(?<![\w:.-]){_H}{{4}}\.{_H}{{4}}\.{_H}{{4}}(?![\w:.-])", MEDIUM, validated=STRONG),
        Pattern("inside a hardware id",
                rf"(?<![\w:.-]){_H}{{2}}([:-]){_H}{{2}}(?:\1{_H}{{2}}){{5}}(?:(?:\1{_H}{{2}}){{5}})?(?![\w:-])",
                0.0, validated=STRONG, check="carries_mac"),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        hexes = re.sub(r"[^0-9A-Fa-f]", "", pattern_text).lower()
        if hexes in ("000000000000", "ffffffffffff"):
            return False
        # A hex letter somewhere: no longer just a grouped decimal number.
        return True if any(c in "abcdef" for c in hexes) else None

    def score_match(self, pattern: Pattern, text: str, start: int, end: int):
        r = super().score_match(pattern, text, start, end)
        if r is not None and pattern.check == "carries_mac":
            r.recognition_metadata[VALIDATOR_KEY] = "IEEE OUI registry"  # the steward sees why a long id is a MAC
        return r

    def carries_mac(self, pattern_text: str) -> bool:
        """A 7- or 12-octet run whose six octets at a MAC's place are a registered unicast address."""
        octets = re.split(r"[:-]", pattern_text)
        for offset in _MAC_PLACES.get(len(octets), ()):
            if _registered_mac(octets[offset:offset + 6]):
                return True
        return False


def _registered_mac(octets: list[str]) -> bool:
    first = int(octets[0], 16)
    if first & 0b11 or all(o == "00" for o in octets):
        return False  # multicast or locally administered: no vendor's device address
    try:
        OUI("-".join(octets[:3])).registration()
    except NotRegisteredError:
        return False
    return True
