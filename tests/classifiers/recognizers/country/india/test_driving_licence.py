"""Indian driving licence: state code + RTO + year + seven digits; medium alone, strong after "licence"."""

from __future__ import annotations

import pytest

from classifiers.recognizers.country.india.driving_licence import DrivingLicenceRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("MH12 20110012345", MEDIUM),
    ("DL-0420110149646", MEDIUM),
    ("KA0519990001234", MEDIUM),
    ("Driving licence no: MH12 20110012345", STRONG),
    ("DL no. TN-01-2015-1234567", STRONG),
    # near-misses
    ("ZZ12 20110012345", NONE),              # not a state code
    ("MH12 18990012345", NONE),              # year before 1950
    ("MH12 29990012345", NONE),              # year in the future
    ("MH12 2011001234", NONE),               # six digits
    ("mh12 20110012345", NONE),
    ("XMH12 20110012345", NONE),
])
def test_driving_licence(text: str, score: float, scored) -> None:
    assert scored(DrivingLicenceRecognizer, text)[0] == score
