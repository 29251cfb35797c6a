"""CARD_LAST_FOUR: masked numbers strong, four digits after "ending" medium, bare four digits weak; years very weak."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classifiers.recognizers.generic.card_last_four import CardLastFourRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("XXXX-XXXX-XXXX-1234", STRONG, "XXXX-XXXX-XXXX-1234"),
    ("**** **** **** 4242", STRONG, "**** **** **** 4242"),
    ("****4242", STRONG, "****4242"),
    ("411111******1234", STRONG, "411111******1234"),
    ("•••• 1234", STRONG, "•••• 1234"),
    ("paid with Visa xxxx xxxx xxxx 0005", STRONG, "xxxx xxxx xxxx 0005"),
    ("card ending in 4242", MEDIUM, "4242"),
    ("last 4: 1881", MEDIUM, "1881"),
    ("4242", WEAK, "4242"),
    ("0019", WEAK, "0019"),
    ("1987", VERY_WEAK, "1987"),                   # reads as a year
    # near-misses
    ("42424", NONE, ""),
    ("424", NONE, ""),
    ("**1234", NONE, ""),                          # too little masking to say "card"
    ("order 4242 shipped", NONE, ""),              # four digits in text without an "ending" word
    ("12/2024", NONE, ""),
    ("ID-4242", NONE, ""),
    # issue 10: a masked-looking placeholder among other numbers is not a masked card
    ("Fan speeds ( 3552 3534 3375 **** 3515 3479 )", NONE, ""),
    ("temps 41 **** 44 46", NONE, ""),
    ("readings 1200 1180 **** 1175", NONE, ""),
    ("3375 **** 3515", NONE, ""),                  # 12 digits and masks: shorter than any card
    ("4111 **** **** 1111", STRONG, "4111 **** **** 1111"),
    ("paid with **** 4242 on 2026-11-02", STRONG, "**** 4242"),
    ("card **** 4242, exp 12/27", STRONG, "**** 4242"),
])
def test_card_last_four(text: str, score: float, found: str, scored) -> None:
    assert scored(CardLastFourRecognizer, text) == (score, found)


# --- property (issue 10): a placeholder in a list of readings is not a masked card ------------------------



@given(before=st.lists(st.integers(1000, 9999), min_size=2, max_size=5),
       after=st.lists(st.integers(1000, 9999), min_size=0, max_size=5), stars=st.integers(4, 8))
def test_a_masked_placeholder_among_numbers_is_not_a_card(before: list[int], after: list[int], stars: int) -> None:
    """Two readings or more before it make a list (one before and one after, ``1000 ***** 1000``, is as
    long as a masked Amex and stays ambiguous)."""
    text = "Fan speeds ( " + " ".join(map(str, before)) + " " + "*" * stars + " " + " ".join(map(str, after)) + " )"
    results = CardLastFourRecognizer().analyze(text, ["CARD_LAST_FOUR"])
    assert all(r.score < STRONG for r in results), [text[r.start:r.end] for r in results]


@given(last4=st.integers(0, 9999), groups=st.integers(1, 3), sep=st.sampled_from([" ", "-", ""]),
       mask=st.sampled_from(["*", "X", "x", "•"]))
def test_a_masked_card_is_still_strong(last4: int, groups: int, sep: str, mask: str) -> None:
    text = "paid with " + sep.join([mask * 4] * groups) + sep + f"{last4:04d}" + " on Tuesday"
    assert max(r.score for r in CardLastFourRecognizer().analyze(text, ["CARD_LAST_FOUR"])) == STRONG
