"""MAC_ADDRESS: six hex octets with : or -, or Cisco dotted; all-zero, broadcast and other groupings are not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.mac_address import MacAddressRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("00:1A:2B:3C:4D:5E", STRONG),
    ("a4-5e-60-c2-9b-11", STRONG),
    ("001a.2b3c.4d5e", STRONG),
    ("wifi bssid=f0:9f:c2:10:aa:01 rssi=-61", STRONG),
    ("12-34-56-78-90-12", MEDIUM),            # decimal digits only: could be any grouped number
    # near-misses
    ("00:00:00:00:00:00", NONE),
    ("FF:FF:FF:FF:FF:FF", NONE),
    ("00:1A:2B:3C:4D", NONE),                 # five octets
    ("00:1A:2B:3C:4D:5E:6F", NONE),           # seven
    ("00:1A-2B:3C:4D:5E", NONE),              # mixed separators
    ("00:1G:2B:3C:4D:5E", NONE),              # not hex
    ("10:22:33", NONE),
    ("2001:db8::8a2e:370:7334", NONE),        # IPv6
])
def test_mac_address(text: str, score: float, scored) -> None:
    assert scored(MacAddressRecognizer, text)[0] == score
