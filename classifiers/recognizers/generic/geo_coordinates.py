"""GEO_COORDINATES: latitude/longitude pairs in decimal degrees, DMS or WKT; single floats in range are weak.

- a pair ``12.9716, 77.5946`` (lat in [-90, 90], lon in [-180, 180], both with
  at least three decimals): strong as the whole value, medium inside text;
- a labelled pair (``lat: 12.97 lng: 77.59``, ``{"lat": 12.97, "lon": 77.59}``),
  ``POINT(77.5946 12.9716)`` or DMS (``12°58'17"N 77°35'40"E``): strong;
- one decimal number in [-180, 180] as the whole value: weak with four or more
  decimals (what GPS gives), very weak with fewer. The column name decides:
  ``lat`` is a coordinate, ``price`` is not.
"""

from __future__ import annotations

import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

_NUM = r"[-+]?\d{1,3}\.\d{3,15}"  # unlabelled: three decimals or more ("12.50, 13.75" is two prices)
_ANY = r"[-+]?\d{1,3}(?:\.\d+)?"  # labelled: any precision
_PAIR = rf"(?<![\w.,-]){_NUM}\s*[,;]\s*{_NUM}(?![\w.]|,\d)"
_LAT_KEY = r"""(?<![\w])["']?(?:lat|latitude)["']?\s*[:=]\s*"""
_LON_KEY = r"""["']?(?:lng|lon|long|longitude)["']?\s*[:=]\s*"""
_DMS = r"""\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*["″]\s*)?[NSEW]"""


class GeoCoordinatesRecognizer(ValueRecognizer):
    ENTITY = "GEO_COORDINATES"
    VALIDATOR = "lat/lon range"
    QUICK = re.compile(r"\d\.\d|°")
    PATTERNS = (
        Pattern("pair", _PAIR, 0.0, validated=MEDIUM),
        Pattern("pair value", rf"\(?{_NUM}\s*[,;]\s*{_NUM}\)?", 0.0, validated=STRONG, whole=True),
        Pattern("labelled pair", rf"{_LAT_KEY}{_ANY}\s*[,;&]?\s*{_LON_KEY}{_ANY}", 0.0, validated=STRONG,
                flags=re.IGNORECASE),
        Pattern("WKT point", rf"POINT\s*\(\s*{_ANY}\s+{_ANY}\s*\)", 0.0, validated=STRONG, flags=re.IGNORECASE,
                check="is_lon_lat"),
        Pattern("DMS pair", rf"{_DMS}[\s,]*{_DMS}", 0.0, validated=STRONG, check="is_dms_pair"),
        Pattern("one number", r"[-+]?\d{1,3}\.\d{4,15}", 0.0, validated=WEAK, whole=True, check="in_range"),
        Pattern("short number", r"[-+]?\d{1,3}\.\d{1,3}", 0.0, validated=VERY_WEAK, whole=True, check="in_range"),
    )
    _NUMBERS = re.compile(r"[-+]?\d+(?:\.\d+)?")

    def validate_result(self, pattern_text: str) -> bool | None:
        nums = [float(x) for x in self._NUMBERS.findall(pattern_text)]
        return len(nums) == 2 and -90 <= nums[0] <= 90 and -180 <= nums[1] <= 180 and nums != [0.0, 0.0]

    def is_dms_pair(self, pattern_text: str) -> bool:
        degrees = [int(d) for d in re.findall(r"(\d{1,3})\s*°", pattern_text)]
        hemispheres = re.findall(r"[NSEW]", pattern_text)
        if len(degrees) != 2 or len(hemispheres) != 2:
            return False
        lat_first = hemispheres[0] in "NS" and hemispheres[1] in "EW"
        lat, lon = degrees if lat_first else degrees[::-1]
        return (lat_first or (hemispheres[0] in "EW" and hemispheres[1] in "NS")) and lat <= 90 and lon <= 180

    def is_lon_lat(self, pattern_text: str) -> bool:
        nums = [float(x) for x in self._NUMBERS.findall(pattern_text)]
        return len(nums) == 2 and -180 <= nums[0] <= 180 and -90 <= nums[1] <= 90

    def in_range(self, pattern_text: str) -> bool:
        return -180 <= float(pattern_text) <= 180 and float(pattern_text) != 0
