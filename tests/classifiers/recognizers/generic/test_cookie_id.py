"""COOKIE_ID: GA/Meta cookie formats and session pairs medium, random whole-value tokens weak; ids and words not."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.cookie_id import CookieIdRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("GA1.2.1234567890.1699999999", MEDIUM, "GA1.2.1234567890.1699999999"),
    ("_ga=GA1.1.987654321.1700000000; theme=dark", MEDIUM, "GA1.1.987654321.1700000000"),
    ("fb.1.1699999999123.1234567890", MEDIUM, "fb.1.1699999999123.1234567890"),
    ("Cookie: sessionid=k3j4h5g6f7d8s9a0q1w2e3r4", MEDIUM, "k3j4h5g6f7d8s9a0q1w2e3r4"),
    ("PHPSESSID=9f8e7d6c5b4a39281706abcd", MEDIUM, "9f8e7d6c5b4a39281706abcd"),
    ("s7Df9kQ2mX4pL8vN3bR6tY1w", WEAK, "s7Df9kQ2mX4pL8vN3bR6tY1w"),
    ("3f2a9c1e7b5d4a8f9e0c1b2a3d4e5f60", WEAK, "3f2a9c1e7b5d4a8f9e0c1b2a3d4e5f60"),
    ("6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3a", WEAK, "6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3a"),
    # near-misses
    ("user_profile_settings_page_v2", NONE, ""),      # words
    ("ORD-2024-000123-ABCDEFGH", NONE, ""),           # an id made of segments
    ("INV20240000000123", NONE, ""),
    ("aaaaaaaaaaaaaaaaaaaaaaaa1", NONE, ""),
    ("s7Df9kQ2mX4pL8", NONE, ""),                     # too short
    ("session expired, please log in again", NONE, ""),
])
def test_cookie_id(text: str, score: float, found: str, scored) -> None:
    assert scored(CookieIdRecognizer, text) == (score, found)
