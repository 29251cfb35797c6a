"""DEVICE_ID (IMEI): Luhn-valid 15 digits with a TAC reporting-body prefix; grouped or after "imei" validated."""

from __future__ import annotations

import pytest
from stdnum import luhn

from classifiers.recognizers.generic.imei import ImeiRecognizer
from classifiers.recognizers.strength import MEDIUM, VALIDATED

NONE = 0.0


def imei(body14: str) -> str:
    return body14 + luhn.calc_check_digit(body14)


VALID = imei("35693803564380")
BAD = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)


@pytest.mark.parametrize("text,score", [
    (VALID, MEDIUM),                                                       # bare: one in ten random runs pass Luhn
    (f"{VALID[:2]}-{VALID[2:8]}-{VALID[8:14]}-{VALID[14]}", VALIDATED),    # IMEI grouping
    (f"{VALID[:2]} {VALID[2:8]} {VALID[8:14]} {VALID[14]}", VALIDATED),
    (f"IMEI: {VALID}", VALIDATED),
    (f"imei1={imei('86012345678901')} imei2=x", VALIDATED),
    (imei("01234567890123"), MEDIUM),
    # near-misses
    (BAD, NONE),                                                           # Luhn fails
    (imei("77123456789012"), NONE),                                        # 77: no reporting body
    (imei("3569380356438"), NONE),                                         # 14 digits
    (VALID + "1", NONE),                                                   # 16 digits (an IMEISV has no check)
    (f"order {VALID}0", NONE),
    (f"{VALID}.5", NONE),
])
def test_imei(text: str, score: float, scored) -> None:
    assert scored(ImeiRecognizer, text)[0] == score
