"""MAC_ADDRESS: six hex octets with : or -, or Cisco dotted; all-zero, broadcast and other groupings are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    # issue 10: a MAC inside a hardware id, where the registry knows its vendor (OUI)
    ("Ido chip status changed: FF:F2:9F:16:E2:23:00:0D:60:E9:1D:DC ip=10.0.0.151", STRONG),  # half is an IBM OUI
    ("dhcpd: DHCPREQUEST uid 01:00:11:43:e3:ba:c3 via eth0", STRONG),   # DHCP client id: type 01 + a Dell MAC
    ("FF:F2:9F:16:E2:23:FF:0D:60:E9:1D:DC", NONE),  # neither half a unicast registered address
    ("SHA1 fp ab:cd:ef:12:34:56:78:9a:bc:de:f0:12", NONE),  # random octets: no registered OUI at a MAC's place
    ("00:1A:2B:3C:4D:5E:6F:70", NONE),        # eight octets: no MAC place defined
])
def test_mac_address(text: str, score: float, scored) -> None:
    assert scored(MacAddressRecognizer, text)[0] == score


# --- property (issue 10): random octet runs almost never pass as hardware ids carrying a MAC ---------------



@settings(max_examples=200)
@given(octets=st.lists(st.integers(0, 255), min_size=12, max_size=12))
def test_a_mac_inside_an_id_needs_a_registered_unicast_half(octets: list[int]) -> None:
    """Whatever the octets, a 12-octet run is a MAC only when one half is a registered unicast address."""
    from netaddr import OUI, NotRegisteredError

    def registered(half: list[int]) -> bool:
        if half[0] & 0b11 or not any(half):
            return False
        try:
            OUI("-".join(f"{o:02X}" for o in half[:3])).registration()
        except NotRegisteredError:
            return False
        return True

    text = "chip " + ":".join(f"{o:02X}" for o in octets) + " ok"
    found = bool(MacAddressRecognizer().analyze(text, ["MAC_ADDRESS"]))
    assert found == (registered(octets[:6]) or registered(octets[6:]))


def test_a_mac_inside_a_hardware_id_names_the_registry_as_its_validator() -> None:
    [r] = MacAddressRecognizer().analyze("chip FF:F2:9F:16:E2:23:00:0D:60:E9:1D:DC ok", ["MAC_ADDRESS"])
    assert r.recognition_metadata["validator"] == "IEEE OUI registry"
    [r] = MacAddressRecognizer().analyze("00:1A:2B:3C:4D:5E", ["MAC_ADDRESS"])
    assert r.recognition_metadata["validator"] == "hex octets"
