"""Aadhaar: Verhoeff-valid 12 digits not starting 0/1; grouped or after "aadhaar" is checksum-validated."""

from __future__ import annotations

import pytest
from stdnum import verhoeff

from classifiers.recognizers.country.india.aadhaar import AadhaarRecognizer
from classifiers.recognizers.strength import MEDIUM, VALIDATED

NONE = 0.0


def aadhaar(body: str) -> str:
    return body + verhoeff.calc_check_digit(body)


VALID = aadhaar("23456789012")
BAD_CHECK = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)


@pytest.mark.parametrize("text,score", [
    (VALID, MEDIUM),                                            # bare: one random 12-digit run in ten passes
    (f"{VALID[:4]} {VALID[4:8]} {VALID[8:]}", VALIDATED),       # as UIDAI prints it
    (f"{VALID[:4]}-{VALID[4:8]}-{VALID[8:]}", VALIDATED),
    (f"Aadhaar: {VALID}", VALIDATED),                           # context word before a bare number
    (f"kyc done, aadhar no {VALID} verified", VALIDATED),
    (aadhaar("98765432109"), MEDIUM),
    # near-misses
    (BAD_CHECK, NONE),                                          # Verhoeff fails
    (f"{BAD_CHECK[:4]} {BAD_CHECK[4:8]} {BAD_CHECK[8:]}", NONE),
    (aadhaar("12345678901"), NONE),                             # starts with 1
    (aadhaar("02345678901"), NONE),                             # starts with 0
    (f"{VALID[:4]} {VALID[4:8]}-{VALID[8:]}", NONE),            # mixed separators
    (VALID + "7", NONE),                                        # 13 digits
    (f"ORD-{VALID}", NONE),                                     # glued to an order prefix
    (f"{VALID[:6]}.{VALID[6:]}", NONE),
    ("2026-11-24 10:00:01", NONE),
])
def test_aadhaar(text: str, score: float, scored) -> None:
    assert scored(AadhaarRecognizer, text)[0] == score
