"""POSTAL_ADDRESS: street + number in several languages medium, with a postal code strong; near-misses are not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.postal_address import PostalAddressRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("Flat 1203, Lotus Residency, MG Road, Mumbai 400012", STRONG,
     "Flat 1203, Lotus Residency, MG Road, Mumbai 400012"),
    ("#14, 3rd Cross, Indiranagar, Bengaluru 560038", STRONG, "#14, 3rd Cross, Indiranagar, Bengaluru 560038"),
    ("House No. 45, Gali No. 3, Karol Bagh, New Delhi 110005", STRONG,
     "House No. 45, Gali No. 3, Karol Bagh, New Delhi 110005"),
    ("deliver to Flat 12, Green Park, Delhi 110016 before 6pm", STRONG, "Flat 12, Green Park, Delhi 110016"),
    ("221B Baker Street, London NW1 6XE", STRONG, "221B Baker Street, London NW1 6XE"),
    ("1600 Pennsylvania Avenue NW, Washington, DC 20500", STRONG,
     "1600 Pennsylvania Avenue NW, Washington, DC 20500"),
    ("Hauptstraße 5, 10115 Berlin", STRONG, "Hauptstraße 5, 10115"),
    ("12 rue de la Paix, 75002 Paris", STRONG, "12 rue de la Paix, 75002"),
    ("Calle Mayor 3, Madrid", MEDIUM, "Calle Mayor 3"),
    ("Rua Augusta 10", MEDIUM, "Rua Augusta 10"),
    ("Via Roma 1, Milano", MEDIUM, "Via Roma 1"),
    ("Keizersgracht 12, Amsterdam", MEDIUM, "Keizersgracht 12"),
    ("12 MG Road", MEDIUM, "12 MG Road"),
    ("3rd Cross, Indiranagar", MEDIUM, "3rd Cross"),
    ("MG Road, Indiranagar, Bengaluru", WEAK, "MG Road, Indiranagar, Bengaluru"),
    # near-misses
    ("Issue #1234, please check the logs", NONE, ""),
    ("12 place settings", NONE, ""),              # "place" in lower case is a word
    ("Buy 2 Get 1 Free", NONE, ""),
    ("3 Way switch", NONE, ""),
    ("560038", NONE, ""),                         # a bare PIN is country/india/pin_code.py's, weak
    ("Road trip 2024", NONE, ""),
    ("via email on 12 March", NONE, ""),
])
def test_postal_address(text: str, score: float, found: str, scored) -> None:
    assert scored(PostalAddressRecognizer, text) == (score, found)
