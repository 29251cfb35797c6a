"""The sweep's fast Luhn check agrees with python-stdnum's on every run of ASCII digits (it only replaces it
for speed; the card rule turns other scripts' digits into ASCII before it asks)."""

from __future__ import annotations

import random

from stdnum import luhn

from classifiers.cards import luhn_ascii


def test_fast_luhn_agrees_with_stdnum() -> None:
    rng = random.Random(7)
    numbers = ["".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 20))) for _ in range(20_000)]
    numbers += ["4111111111111111", "4111111111111112", "79927398713", "0", "00000000000000"]
    assert [luhn_ascii(n) for n in numbers] == [luhn.is_valid(n) for n in numbers]
