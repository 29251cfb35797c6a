"""classifiers.ages: its word data covers the column-name lexicon's languages and cannot hold a unit that means
two things; the forms themselves are tested through the sweep (tests/rules/test_age.py) and the recognizer."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from classifiers import ages

#: The languages name_lexicon.yaml's header says it covers (English, German, French, Spanish, Portuguese,
#: Italian, Dutch, Hindi transliterations).
LEXICON_LANGUAGES = {"en", "de", "fr", "es", "pt", "it", "nl", "hi"}


def test_every_lexicon_language_has_age_words_and_all_units() -> None:
    data = yaml.safe_load(Path(ages.__file__).with_name("age_words.yaml").read_text(encoding="utf-8"))
    assert set(data["languages"]) == LEXICON_LANGUAGES
    for lang, spec in data["languages"].items():
        assert spec["age_words"], lang
        assert set(spec["units"]) == set(ages.UNIT_YEARS), lang
        assert all(spec["units"].values()), lang


def test_a_unit_word_with_two_meanings_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "age_words.yaml"
    bad.write_text(yaml.safe_dump({"years_old": ["yo"], "languages": {
        "de": {"age_words": ["alter"], "units": {"years": ["j"], "months": ["m"], "weeks": ["w"], "days": ["t"]}},
        "fr": {"age_words": ["âge"], "units": {"years": ["an"], "months": ["mois"], "weeks": ["s"], "days": ["j"]}},
    }}), encoding="utf-8")
    monkeypatch.setattr(ages, "_WORDS", bad)
    ages._grammar.cache_clear()
    try:
        with pytest.raises(ValueError, match="'j' is both years and days"):
            ages._grammar()
    finally:
        ages._grammar.cache_clear()


@pytest.mark.parametrize("text,years", [
    ("6 months", Fraction(1, 2)), ("2 weeks", Fraction(14 * 100, 36525)), ("1 yr 6 mos", Fraction(3, 2)),
    ("14,5", Fraction(29, 2)), ("14½", Fraction(29, 2)), ("0.083", Fraction(83, 1000)),
])
def test_exact_years(text: str, years: Fraction) -> None:
    age = ages.read_age(text)
    assert age is not None and age.years == years


@pytest.mark.parametrize("text", [
    "age 1 year" + " " * 50_000 + "x",                   # quadratic once: 5,000 spaces took 10 s
    " and ".join(["1 year"] * 10_000) + "+",
    ("1 y" + " \t " * 50) * 1_000 + "/",
])
def test_long_texts_cost_linear_time(text: str) -> None:
    """The sweep reads every value of an AGE field: white space and number-unit runs must not backtrack.
    Linear reading takes milliseconds here; the bound is generous for a loaded machine."""
    import time

    ages._grammar()
    start = time.perf_counter()
    list(ages.find_ages(text))
    ages.units_only(text)
    ages.read_age(text)
    assert time.perf_counter() - start < 10
