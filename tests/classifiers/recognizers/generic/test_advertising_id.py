"""DEVICE_ID (advertising id / device UUID): a UUID is weak alone; the column name decides device vs row id."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.advertising_id import AdvertisingIdRecognizer
from classifiers.recognizers.strength import MEDIUM, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3a", WEAK),           # random (v4): what GAID/IDFA look like
    ("6D92078A-8246-4BA4-AE5B-76104861E7DC", WEAK),           # IDFA, upper case
    ("c232ab00-9414-11ec-b3c8-9f6bdeced846", VERY_WEAK),      # v1: time-based, more often a row id
    ("018f3a2e-7c4b-7d1e-9a7f-2b5d8e0c1f3a", VERY_WEAK),      # v7: a sortable row id
    ("request 6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3a done", VERY_WEAK),
    ("gaid=6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3a", MEDIUM),    # a device word before it
    ("IDFA: 6D92078A-8246-4BA4-AE5B-76104861E7DC", MEDIUM),
    # near-misses
    ("00000000-0000-0000-0000-000000000000", NONE),           # tracking switched off
    ("6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3", NONE),            # one digit short
    ("6f1c2a4e8b3d4c1e9a7f2b5d8e0c1f3a", NONE),               # no dashes: a hex string, not a UUID
    ("6f1c2a4e-8b3d-4c1e-9a7f-2b5d8e0c1f3g", NONE),
])
def test_advertising_id(text: str, score: float, scored) -> None:
    assert scored(AdvertisingIdRecognizer, text)[0] == score
