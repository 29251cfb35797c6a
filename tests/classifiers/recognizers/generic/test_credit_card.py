"""CREDIT_CARD through the engine: checksum-validated numbers in any formatting; order ids and IMEIs are not cards.

The card definition itself (issuer ranges, lengths) is tested in tests/classifiers/test_cards.py.
"""

from __future__ import annotations

import re

import pytest
from stdnum import luhn

from classifiers.recognizers.generic.credit_card import CreditCardRecognizer
from classifiers.recognizers.strength import VALIDATED

NONE = 0.0


def card(prefix: str, length: int) -> str:
    body = prefix + "7" * (length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


VISA = card("4", 16)


def masked_id(value: object) -> str:
    """Test ids show only the last four digits of a number, like every other pdd output."""
    return re.sub(r"\d[\d -]{10,}\d", lambda m: "****" + m[0][-4:], str(value))


@pytest.mark.parametrize("text,score", [
    (VISA, VALIDATED),
    (" ".join(VISA[i:i + 4] for i in range(0, 16, 4)), VALIDATED),
    (f"paid with {card('2221', 16)} today", VALIDATED),
    (f'{{"card": "{card("34", 15)}"}}', VALIDATED),
    # near-misses
    (VISA[:-1] + str((int(VISA[-1]) + 1) % 10), NONE),   # Luhn fails
    (card("35", 15), NONE),                               # an IMEI-shaped Luhn-valid number
    ("XXXX-XXXX-XXXX-1234", NONE),                        # masked: CARD_LAST_FOUR, not a card
    ("20261124213012345", NONE),                          # a timestamp
    ("ORD-4111-1111", NONE),
], ids=masked_id)
def test_credit_card(text: str, score: float, scored) -> None:
    assert scored(CreditCardRecognizer, text)[0] == score


def test_evidence_names_the_brand_not_the_number(analyzer) -> None:
    [r] = [r for r in analyzer.analyze(VISA, language="en") if r.entity_type == "CREDIT_CARD"]
    assert r.recognition_metadata["validator"] == "Luhn+IIN (VISA)"
