"""LANGUAGE: BCP 47 / POSIX tags and Accept-Language strong, language names medium, bare codes weak."""

from __future__ import annotations

import pytest

from classifiers.recognizers.generic.language import LanguageRecognizer
from classifiers.recognizers.strength import MEDIUM, STRONG, VERY_WEAK, WEAK

NONE = 0.0


@pytest.mark.parametrize("text,score", [
    ("en-IN", STRONG),
    ("pt_BR", STRONG),
    ("zh-Hant-TW", STRONG),
    ("sr-Latn", STRONG),
    ("es-419", STRONG),
    ("en_US.UTF-8", STRONG),
    ("en-IN,en;q=0.9,hi;q=0.8", STRONG),
    ("Accept-Language: hi-IN,hi;q=0.9,en;q=0.8", STRONG),
    ("lang=ta-IN&page=2", STRONG),
    ("Hindi", MEDIUM),
    ("tamil", MEDIUM),
    ("Deutsch", MEDIUM),
    ("हिन्दी", MEDIUM),
    ("Bahasa Indonesia", MEDIUM),
    ("hi", WEAK),
    ("eng", WEAK),
    ("it", VERY_WEAK),                               # also an English word
    ("EN", VERY_WEAK),                               # upper case: as often a country
    # near-misses
    ("xx-YY", NONE),
    ("qq", NONE),
    ("en, fr", NONE),                                # a list without q-weights is any list
    ("ships to en-IN", NONE),                        # a tag in text needs a lang/locale word
    ("Klingon", NONE),
    ("IN", NONE),
    ("Bengaluru", NONE),
])
def test_language(text: str, score: float, scored) -> None:
    assert scored(LanguageRecognizer, text)[0] == score
