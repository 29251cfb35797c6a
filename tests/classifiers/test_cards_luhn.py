"""The sweep's fast Luhn check agrees with python-stdnum's on every input (it only replaces it for speed)."""

from __future__ import annotations

import random

from stdnum import luhn

from classifiers.cards import luhn_valid


def test_fast_luhn_agrees_with_stdnum() -> None:
    rng = random.Random(7)
    numbers = ["".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 20))) for _ in range(20_000)]
    numbers += ["", "4111111111111111", "4111111111111112", "79927398713", "0", "00000000000000"]
    numbers += ["\u0664\u0661\u0661\u0661", "12a4", "1 2"]  # not ASCII digits: stdnum decides
    assert [luhn_valid(n) for n in numbers] == [luhn.is_valid(n) for n in numbers]


def test_vectorised_luhn_agrees_with_the_scalar_one() -> None:
    from classifiers.cards import luhn_many

    rng = random.Random(11)
    runs = ["".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 25))) for _ in range(5_000)]
    runs += ["4111111111111111", "4111111111111112", "79927398713", "0", "00000000000000", "5"]
    assert luhn_many(runs) == [luhn.is_valid(r) for r in runs]
    assert luhn_many([]) == []
    assert luhn_many(["4111111111111111"] * 3) == [True] * 3
