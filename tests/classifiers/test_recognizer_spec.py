"""Validators by name: python-stdnum's checks, on the digits (Luhn, Verhoeff, Damm) or letters and digits (ISO 7064)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn, verhoeff
from stdnum.iso7064 import mod_97_10

from classifiers.recognizer_spec import make_validator


@pytest.mark.parametrize(("name", "text", "valid"), [
    ("luhn", "SJE-" + "12345" + luhn.calc_check_digit("12345"), True),
    ("luhn", "SJE-12345" + str((int(luhn.calc_check_digit("12345")) + 1) % 10), False),   # near miss: check digit
    ("luhn", "SJE-", False),                                                              # no digit at all
    ("verhoeff", "ID 1234" + verhoeff.calc_check_digit("1234"), True),
    ("verhoeff", "ID 1243" + verhoeff.calc_check_digit("1234"), False),                   # swapped digits
    ("mod97", "AB12" + mod_97_10.calc_check_digits("AB12"), True),
    ("mod97", "ab-12-" + mod_97_10.calc_check_digits("AB12"), True),                      # case and dashes aside
    ("mod97", "AB13" + mod_97_10.calc_check_digits("AB12"), False),
    ("stdnum.nl.bsn", "111222333", True),
    ("stdnum.nl.bsn", "111222334", False),
    ("stdnum.iban", "GB82 WEST 1234 5698 7654 32", True),
    ("stdnum.iban", "GB82 WEST 1234 5698 7654 33", False),
])
def test_validators(name: str, text: str, valid: bool) -> None:
    check = make_validator(name)
    assert check is not None and check(text) is valid


def test_none_means_no_check() -> None:
    assert make_validator("none") is None


@pytest.mark.parametrize("name", ["luhnn", "stdnum", "stdnum.", "stdnum.nl.nothing", "stdnum.util", "os.path", ""])
def test_unknown_validators_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        make_validator(name)


@given(st.text(max_size=40))
def test_a_validator_never_raises(text: str) -> None:
    for name in ("luhn", "verhoeff", "damm", "mod97", "iso7064_mod_37_36", "stdnum.iban"):
        check = make_validator(name)
        assert check is not None
        assert check(text) in (True, False)
