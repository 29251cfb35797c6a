"""DEVICE_INFO: OS + version and device models medium as values; brands alone weak; products and versions not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.device_info import DeviceInfoRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("Android 14", MEDIUM),
    ("iOS 17.2", MEDIUM),
    ("iOS 17.5.1", MEDIUM),
    ("Windows 11", MEDIUM),
    ("Windows NT 10.0", MEDIUM),
    ("macOS 14", MEDIUM),
    ("Mac OS X 10_15_7", MEDIUM),
    ("SM-G991B", MEDIUM),
    ("iPhone15,2", MEDIUM),
    ("iPhone 15 Pro Max", MEDIUM),
    ("iPhone SE (2nd generation)", MEDIUM),
    ("Pixel 8", MEDIUM),
    ("Google Pixel 8 Pro", MEDIUM),
    ("Redmi Note 12 Pro", MEDIUM),
    ("Samsung Galaxy M34", MEDIUM),
    ("OnePlus Nord CE 3", MEDIUM),
    ("Vivo Y56", MEDIUM),
    ("Realme Narzo 60", MEDIUM),
    ("crashes on Android 13 after the update", WEAK),
    ("Samsung", WEAK),
    ("Android", WEAK),
    ("android", WEAK),
    ("Mobile", VERY_WEAK),                  # a device class
    ("desktop", VERY_WEAK),
    # near-misses
    ("Windows", WEAK),                       # (an OS alone is weak, not nothing)
    ("Steel Bottle 1L", NONE),
    ("version 14", NONE),
    ("Galaxy Chocolate Bar", NONE),
    ("Apple Juice 1L", NONE),
    ("Android Developer Guide", NONE),
    ("SM-G", NONE),
    ("Note 12", NONE),
])
def test_device_info(text: str, score: float, scored) -> None:
    assert scored(DeviceInfoRecognizer, text)[0] == score
