"""AGE: an age the value says is one (age word, "old") medium; a number with units weak; bare numbers nothing."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.age import AgeRecognizer
from classifiers.recognizers.strength import MEDIUM, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score,found", [
    ("aged 9", MEDIUM, "aged 9"),
    ("Age: 3 yrs", MEDIUM, "Age: 3 yrs"),
    ("Alter: 12", MEDIUM, "Alter: 12"),
    ("âge 7 ans", MEDIUM, "âge 7 ans"),
    ("edad 11", MEDIUM, "edad 11"),
    ("idade 10", MEDIUM, "idade 10"),
    ("età 8", MEDIUM, "età 8"),
    ("leeftijd 6", MEDIUM, "leeftijd 6"),
    ("umar 5 saal", MEDIUM, "umar 5 saal"),
    ("14 years old", MEDIUM, "14 years old"),
    ("a 14-year-old boy", MEDIUM, "14-year-old"),
    ("12 Jahre alt", MEDIUM, "12 Jahre alt"),
    ("14 yo", MEDIUM, "14 yo"),
    ("Patient aged 0.5, seen today", MEDIUM, "aged 0.5"),
    ("aged 40", MEDIUM, "aged 40"),                     # an adult's age is an age too
    ("6 months", WEAK, "6 months"),
    ("8 mos", WEAK, "8 mos"),
    ("14 Jahre", WEAK, "14 Jahre"),
    ("1 yr 6 mos", WEAK, "1 yr 6 mos"),
    # near-misses
    ("14", NONE, ""),                                   # small integers say nothing alone
    ("0.42", NONE, ""),
    ("14.50", NONE, ""),                                # a price
    ("2014", NONE, ""),
    ("follow up in 6 months", NONE, ""),                # a duration in text
    ("warranty: 2 years", NONE, ""),
    ("minimum age 13", NONE, ""),
    ("age 13-17", NONE, ""),
    ("ages 13+", NONE, ""),
    ("ETA 5 days", NONE, ""),
    ("page 14", NONE, ""),
    ("storage 14 GB", NONE, ""),
    ("age 200", NONE, ""),
])
def test_age(text: str, score: float, found: str, scored) -> None:
    assert scored(AgeRecognizer, text) == (score, found)
