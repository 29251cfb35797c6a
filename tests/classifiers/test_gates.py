"""classifiers.gates: a search over joined texts finds exactly the texts a search of each finds.

No failing example is printed raw: a generated text can hold a digit run, so the messages give indices only.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.gates import SEPARATOR, Joined, joinable
from classifiers.recognizers.base import ValueRecognizer
from classifiers.registry import RECOGNIZERS

_GATES = {cls.__name__: gate for cls in RECOGNIZERS
          if issubclass(cls, ValueRecognizer) and (gate := cls.gate()) is not None}


@pytest.mark.parametrize("pattern", [
    r"\d{4}", r"@", r"\bab\b", r"\Bb", r"(?<!\d)\d{4}(?!\d)", r"(?<=%[0-9A-F]{2})\d", r"(?i)user|home",
    r"[A-Z]{2}[- ]?\d{2}", r"(?>ab)c", r"a+?b", r"\s\d",
])
def test_joinable(pattern: str) -> None:
    assert joinable(re.compile(pattern))


@pytest.mark.parametrize("pattern", [
    # anchors answer differently inside the joined string
    r"^\d", r"\d$", r"\A\d", r"\d\Z", r"x|^\s*[A-Z]{2}\s*$",
    # these can consume the separator
    r".", r"[^a]", r"\D", r"\W", r"\S", r"\x00", r"[\x00-\x1f]", r"a(?!\x00)",
    # an empty match, a back reference
    r"a?", r"(a)\1",
])
def test_not_joinable(pattern: str) -> None:
    assert not joinable(re.compile(pattern))


def test_the_registrys_gates() -> None:
    """Every QUICK pattern but time_zone's (its one-word branch is anchored) is asked over joined texts."""
    assert {name for name, gate in _GATES.items() if not joinable(gate)} == {"TimeZoneRecognizer"}
    assert len(_GATES) >= 20


_PATTERNS = [g for g in _GATES.values() if joinable(g)] + [
    re.compile(p) for p in (r"(?<!\d)\d{3}(?!\d)", r"\bab", r"b\b", r"\Bb\d", r"(?<=x)\d", r"(?<![a-z])z")]
_TEXTS = st.lists(st.text(alphabet="0123456789 -./:@%,abxzABCZ_\x00\u00a0\n°", max_size=14), max_size=8)


@settings(max_examples=400, deadline=None, print_blob=False)
@given(texts=_TEXTS, which=st.integers(0, len(_PATTERNS) - 1))
def test_joined_search_finds_what_each_search_finds(texts: list[str], which: int) -> None:
    rx = _PATTERNS[which]
    want = [i for i, t in enumerate(texts) if rx.search(t)]
    assert Joined(texts).matching(rx) == want, f"pattern #{which}, {len(texts)} texts"


def test_a_text_may_hold_the_separator() -> None:
    rx = re.compile(r"(?<!\d)\d{2}(?!\d)")
    texts = ["1" + SEPARATOR + "2", "12" + SEPARATOR, SEPARATOR, ""]
    assert Joined(texts).matching(rx) == [1]
