"""IP_ADDRESS: valid IPv4/IPv6; version and build numbers, zero-padded quads and product tokens are not addresses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classifiers.recognizers.generic.ip_address import IpAddressRecognizer
from classifiers.recognizers.strength import STRONG, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("203.0.113.7", STRONG, "203.0.113.7"),
    ("192.168.1.10", STRONG, "192.168.1.10"),
    ('203.0.113.7 - alice [24/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200', STRONG, "203.0.113.7"),
    ("client=10.0.0.12, forwarded", STRONG, "10.0.0.12"),
    ("login from 49.36.128.4.", STRONG, "49.36.128.4"),           # sentence-final dot
    ("http://192.168.1.10:8080/admin", STRONG, "192.168.1.10"),
    ("2001:db8::8a2e:370:7334", STRONG, "2001:db8::8a2e:370:7334"),
    ("fe80::1ff:fe23:4567:890a", WEAK, "fe80::1ff:fe23:4567:890a"),   # link-local
    ("127.0.0.1", WEAK, "127.0.0.1"),
    ("0.0.0.0", WEAK, "0.0.0.0"),
    ("::1", WEAK, "::1"),
    ("8.8.8.8", WEAK, "8.8.8.8"),                                 # single-digit quads read as versions too
    ("40.32.25.55", WEAK, "40.32.25.55"),                         # issue 10: a French phone, four pairs
    ("Tel. 88.60.15.31", WEAK, "88.60.15.31"),
    ("40.32.2555", NONE, ""),                                     # three parts: never an IPv4
    # near-misses: versions and builds
    ("v1.2.3.4", NONE, ""),
    ("version 10.0.19045.3570", NONE, ""),
    ("Version: 4.2.1.0", NONE, ""),
    ("build 10.0.0.1", NONE, ""),
    ("Chrome/120.0.0.0", NONE, ""),
    ("Mozilla/5.0 AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36", NONE, ""),
    ("01.02.03.04", NONE, ""),                                    # zero-padded
    ("256.1.1.1", NONE, ""),
    ("1.2.3.4.5", NONE, ""),
    ("10:22:33", NONE, ""),                                       # a time
    ("00:1A:2B:3C:4D:5E", NONE, ""),                              # a MAC address
    ("std::vector", NONE, ""),
    # issue 10: a socket address written host/ip:port (Java, Hadoop) is an address, not Product/version
    ("Old: build-node-7/10.40.12.9:9000 New: build-node-7:9000", STRONG, "10.40.12.9"),
    ("Connecting to ResourceManager at rm-host/172.20.3.14:8030", STRONG, "172.20.3.14"),
    ("Chrome/120.0.0.0 Safari/537.36", NONE, ""),                 # no port: still a version
    # issue 10: network numbers, broadcasts, masks and prefixes are not a host's address
    ("detected an available network connection on network 10.128.0.0 via interface ee0", NONE, ""),
    ("on subnet 172.16.40.0", NONE, ""),
    ("netmask: 255.255.240.0", NONE, ""),
    ("route add 10.96.0.0 dev eth1", WEAK, "10.96.0.0"),            # ends in .0: a network number
    ("5.5.224.0", WEAK, "5.5.224.0"),
    ("allow 192.168.10.0/24", WEAK, "192.168.10.0"),
    ("allow 10.20.30.40/32", WEAK, "10.20.30.40"),                  # a prefix length: a range, not a visitor
    ("192.168.1.255", WEAK, "192.168.1.255"),                     # broadcast
    ("255.255.255.0", WEAK, "255.255.255.0"),
    ("ntp server 10.100.22.250 responded", STRONG, "10.100.22.250"),
])
def test_ip_address(text: str, score: float, found: str, scored) -> None:
    assert scored(IpAddressRecognizer, text) == (score, found)


# --- properties (issue 10): socket addresses are addresses; network numbers are not a host's -------------


_OCTET = st.integers(10, 199)


@given(a=_OCTET, b=st.integers(0, 255), c=st.integers(0, 255), d=st.integers(1, 254),
       host=st.from_regex(r"[a-z][a-z0-9-]{1,12}[0-9]", fullmatch=True), port=st.integers(1, 65535))
def test_host_slash_address_with_port_is_an_address(a: int, b: int, c: int, d: int, host: str, port: int) -> None:
    ip = f"{a}.{b}.{c}.{d}"
    results = IpAddressRecognizer().analyze(f"Old: {host}/{ip}:{port} New: {host}:{port}", ["IP_ADDRESS"])
    assert [r.score for r in results] in ([STRONG], [WEAK])   # weak only for the special shapes (pairs)


@given(a=_OCTET, b=st.integers(0, 255), c=st.integers(0, 255))
def test_network_numbers_are_never_strong(a: int, b: int, c: int) -> None:
    for text in (f"{a}.{b}.{c}.0", f"on network {a}.{b}.{c}.0 via ee0", f"{a}.{b}.{c}.255",
                 f"{a}.{b}.{c}.17/28"):
        assert all(r.score < STRONG for r in IpAddressRecognizer().analyze(text, ["IP_ADDRESS"])), text
