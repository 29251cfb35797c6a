"""GEO_COORDINATES: pairs in range strong, labelled/WKT/DMS strong, single floats weak; prices and versions are not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.geo_coordinates import GeoCoordinatesRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("12.9716, 77.5946", STRONG),
    ("(19.076, 72.8777)", STRONG),
    ("-33.8688,151.2093", STRONG),
    ("lat: 12.97 lng: 77.59", STRONG),
    ('{"lat": 38.7, "lon": -9.1}', STRONG),
    ("POINT(77.5946 12.9716)", STRONG),
    ("12°58'17\"N 77°35'40\"E", STRONG),
    ("pinged from 12.9716, 77.5946 at noon", MEDIUM),
    ("77.594612", WEAK),
    ("-9.1393", WEAK),
    ("38.7", VERY_WEAK),
    # near-misses
    ("91.5, 77.5946", NONE),                 # latitude out of range
    ("12.9716, 181.0001", NONE),             # longitude out of range
    ("12.50, 13.75", NONE),                  # two prices
    ("0.0, 0.0", NONE),
    ("1234.5678", NONE),
    ("1.2.3", NONE),
    ("200.5", NONE),
    ("12", NONE),
    ("POINT(200 95)", NONE),
])
def test_geo_coordinates(text: str, score: float, scored) -> None:
    assert scored(GeoCoordinatesRecognizer, text)[0] == score
