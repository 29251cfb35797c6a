"""MOBILE_NETWORK: carrier names medium as whole values, ambiguous names and network types weak; text not searched."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.mobile_network import MobileNetworkRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("Jio", MEDIUM),
    ("Reliance Jio", MEDIUM),
    ("Airtel", MEDIUM),
    ("Airtel 5G", MEDIUM),
    ("Jio True5G", MEDIUM),
    ("Vodafone Idea", MEDIUM),
    ("BSNL", MEDIUM),
    ("MTNL", MEDIUM),
    ("Verizon", MEDIUM),
    ("AT&T", MEDIUM),
    ("T-Mobile", MEDIUM),
    ("Vodafone UK", MEDIUM),
    ("Etisalat", MEDIUM),
    ("Vi", WEAK),
    ("EE", WEAK),
    ("O2", WEAK),
    ("4G", WEAK),
    ("LTE", WEAK),
    ("carrier mcc-mnc 404-45", MEDIUM),
    # near-misses
    ("Jio Mart order", NONE),              # a sentence naming a carrier's brand
    ("I switched to Airtel last year", NONE),
    ("Jiomart", NONE),
    ("404-45", NONE),                      # MCC-MNC without its word
    ("Video", NONE),
    ("8G", NONE),
])
def test_mobile_network(text: str, score: float, scored) -> None:
    assert scored(MobileNetworkRecognizer, text)[0] == score
