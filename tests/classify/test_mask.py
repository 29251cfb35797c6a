"""Masked samples keep a value's shape and never more than its first letter or digit (an e-mail: its domain)."""

from __future__ import annotations

import re

import pytest

from pipeline.classify.mask import MAX_CHARS, mask_value, masked_samples

CARD = "4111" + "1111" * 3


@pytest.mark.parametrize("value, masked", [
    ("jane.doe@example.com", "j***@example.com"),
    ("j@x.io", "j***@x.io"),
    ("not an @email", "n** ** @*****"),          # near-miss: no domain, so no domain kept
    ("a@b", "a@*"),                               # near-miss: no dot-TLD
    (CARD, "4***************"),
    ("4111 1111 1111 1111", "4*** **** **** ****"),
    ("2014-03-02", "2***-**-**"),
    ("+1 (415) 555-0100", "+1 (***) ***-****"),
    ("Jane Smith", "J*** *****"),
    (12345, "1****"),
    ("  padded ", "p*****"),
    ("x" * 100, "x" + "*" * (MAX_CHARS - 1) + "…"),
])
def test_mask_table(value: object, masked: str) -> None:
    assert mask_value(value) == masked


@pytest.mark.parametrize("value", [CARD, "2014-03-02", "Jane Smith", "user 42 paid with 5500 0000 0000 0004",
                                   "<script>alert(1)</script>", "ÄÖÜ straße 12"])
def test_no_two_original_characters_survive(value: str) -> None:
    m = mask_value(value)
    assert not re.search(r"[^\W_*]{2}", m), m  # two letters or digits side by side would be raw


def test_samples_distinct_capped_and_skip_empty() -> None:
    assert masked_samples(["a@x.io", "b@y.io", None, "", "a@x.io", "c@z.io", "d@w.io"]) == [
        "a***@x.io", "b***@y.io", "c***@z.io"]
