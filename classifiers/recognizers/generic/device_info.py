"""DEVICE_INFO: operating systems with versions, device models and manufacturers.

- an OS with a version (``Android 14``, ``iOS 17.2``, ``iPadOS 17``,
  ``Windows 11``, ``macOS 14.1``, ``Mac OS X 10_15_7``, ``HarmonyOS 4``):
  medium as the whole value, weak inside text (a user agent carries one too,
  and wins as USER_AGENT);
- a device model: Samsung ``SM-G991B``, Apple ``iPhone15,2`` / ``iPhone 15 Pro``,
  ``Pixel 8``, ``Redmi Note 12 Pro``, ``Galaxy S23``, ``OnePlus Nord CE 3``, a
  brand followed by a model token with digits: medium as the whole value;
- a manufacturer or OS name alone, any case (``Samsung``, ``xiaomi``, ``android``): weak;
- a device class (``mobile``, ``desktop``, ``tablet``): very weak (it agrees
  with a ``device_type`` column and says little more).
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

_OS = (r"(?:Android|iOS|iPadOS|iPhone OS|watchOS|tvOS|visionOS|Windows(?: NT| Phone| Server)?|macOS|Mac OS X|OS X|"
       r"HarmonyOS|EMUI|MIUI|HyperOS|One UI|OxygenOS|ColorOS|FuntouchOS|OriginOS|Realme UI|KaiOS|Tizen|"
       r"Chrome OS|ChromeOS|Ubuntu|Fedora|Debian|Linux|Fire OS)")
_VERSION = r"[ /_]?v?\d{1,3}(?:[._]\d{1,4}){0,3}(?: (?:Pro|Home|Enterprise|Education|LTS|Beta))?"
_BRANDS = (r"(?:Samsung(?: Galaxy)?|Galaxy|Apple|iPhone|iPad|iPod|Google Pixel|Pixel|Xiaomi|Redmi(?: Note)?|Mi|"
           r"POCO|Poco|"
           r"OnePlus(?: Nord(?: CE)?)?|Nord(?: CE)?|Oppo|OPPO|Vivo|vivo|iQOO|[Rr]ealme(?: Narzo)?|Narzo|Motorola|"
           r"Moto|Nokia|Huawei|Honor|HONOR|Sony Xperia|Xperia|LG|Lenovo|Asus|ASUS|ROG Phone|Zenfone|Nothing Phone|"
           r"Infinix|Tecno|TECNO|Itel|itel|Lava|Micromax|Karbonn|Jio(?:Phone| Phone)|Fairphone|HTC|ZTE|Alcatel|"
           r"TCL|Meizu|BlackBerry|Surface|MacBook(?: Air| Pro)?|iMac|ThinkPad|Chromebook)")
_MODEL = r"(?: (?=[\w()+-]*\d)[\w()+-]{1,10}| (?:Pro|Max|Plus|Ultra|Lite|Mini|SE|Prime|Neo|Fold|Flip|5G|\+)){1,5}"
_MANUFACTURERS = (r"(?:Samsung|Apple|Xiaomi|Redmi|OnePlus|Oppo|OPPO|Vivo|vivo|Realme|realme|Motorola|Nokia|Huawei|"
                  r"Honor|Google|Sony|LG|Lenovo|Asus|ASUS|Infinix|Tecno|Micromax|Lava|HTC|ZTE|POCO|iQOO|Nothing)")


class DeviceInfoRecognizer(ValueRecognizer):
    ENTITY = "DEVICE_INFO"
    MAX_WHOLE = 60
    PATTERNS = (
        Pattern("OS version", rf"{_OS}{_VERSION}", MEDIUM, whole=True),
        Pattern("OS version in text", rf"(?<![\w/]){_OS}{_VERSION}(?![\w])", WEAK),
        Pattern("model", rf"{_BRANDS}{_MODEL}(?: \(\d(?:st|nd|rd|th) generation\))?", MEDIUM, whole=True),
        Pattern("Samsung model", r"(?<![\w-])SM-[A-Z]\d{3,4}[A-Z0-9]{0,4}(?:/DS)?(?![\w-])", MEDIUM),
        Pattern("Apple model id", r"(?<![\w])(?:iPhone|iPad|iPod|Watch|AppleTV|MacBookPro|MacBookAir|iMac)"
                r"\d{1,2},\d{1,2}"
                r"(?![\w])", MEDIUM),
        Pattern("OS or brand alone", rf"{_OS}|{_MANUFACTURERS}|iPhone|iPad|Pixel|Galaxy", WEAK, whole=True,
                flags=re.IGNORECASE),
        Pattern("device class", r"mobile|desktop|tablet|smartphone|phone|feature ?phone|phablet|smart ?tv|tv|"
                r"console|wearable|smartwatch|laptop|pc|bot|ios|android", VERY_WEAK, whole=True, flags=re.IGNORECASE),
    )
