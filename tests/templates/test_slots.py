"""Slots: values found again by position, constant text read by the recognizers and masked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classifiers.field import FieldClassifier
from pipeline.templates.classify import _spanned_by_one, classify_templates, text_hits
from pipeline.templates.miner import Mined, Miner
from pipeline.templates.slots import slotted


def no_hits(text: str) -> list[tuple[int, int]]:
    return []


@pytest.mark.parametrize(("tokens", "line", "text", "values"), [
    (("user", "<:*:>", "from", "<:*:>"), "user bob from 1.2.3.4", "user <*> from <*>", {1: ["bob"], 2: ["1.2.3.4"]}),
    (("blk_<:*:>", "done"), "blk_-42 done", "blk_<*> done", {1: ["-42"]}),
    (("at", "<:*:>:<:*:>"), "at 10:30", "at <*>:<*>", {1: ["10"], 2: ["30"]}),
    (("HWID=<:*:>)",), "HWID=1973)", "HWID=<*>)", {1: ["1973"]}),
    # near-miss: a line whose token count differs gives no value (the template cannot place them)
    (("user", "<:*:>"), "user bob smith", "user <*>", {1: []}),
])
def test_slot_values(tokens: tuple[str, ...], line: str, text: str, values: dict[int, list[str]]) -> None:
    s = slotted(tokens, [line], no_hits)
    assert s.text == text and s.values == values


def test_adjacent_slots_are_joined_for_values_written_with_spaces() -> None:
    s = slotted(("OTP", "to", "<:*:>", "<:*:>-<:*:>", "id=<:*:>"), ["OTP to +91 98765-43210 id=7"], no_hits)
    assert s.joined == {(1, 2, 3): ["+91 98765-43210"]}  # id=<*> has a name: not part of the value


def test_a_constant_the_recognizers_hit_becomes_a_slot() -> None:
    text = "password reset for ann.lee@example.org done"
    s = slotted(tuple(text.split()), [text], lambda t: [(t.index("ann"), t.index("org") + 3)])
    assert s.text == "password reset for <*> done"
    assert s.values == {1: ["ann.lee@example.org"]}


@pytest.fixture(scope="module")
def classifier() -> FieldClassifier:
    return FieldClassifier()


def test_a_template_of_one_line_never_shows_its_email(classifier: FieldClassifier) -> None:
    m = Miner()
    m.add("password reset requested for priya.shah@example.in")
    [t] = classify_templates(m.templates(), classifier, "message")
    assert "priya" not in t.template and "example.in" not in t.template
    assert [(s.index, s.entities) for s in t.slots] == [(1, ["EMAIL_ADDRESS"])]


def test_slot_types_come_from_values(classifier: FieldClassifier) -> None:
    lines = [f"mail sent to user{i}@example.org for order {1000 + i}" for i in range(30)]
    m = Miner()
    for line in lines:
        m.add(line)
    [t] = classify_templates(m.templates(), classifier, "message")
    assert t.template == "mail sent to <*> for order <*>"
    assert [(s.index, s.entities) for s in t.slots] == [(1, ["EMAIL_ADDRESS"])]  # the order number: no type
    everything = classify_templates(m.templates(), classifier, "message", personal_only=False)
    assert [(s.index, s.entities) for s in everything[0].slots] == [(1, ["EMAIL_ADDRESS"]), (2, [])]


def test_no_personal_slot_no_template_in_the_report(classifier: FieldClassifier) -> None:
    mined = [Mined(1, ("disk", "<:*:>", "full"), 3, ["disk 1 full", "disk 2 full", "disk 3 full"])]
    assert classify_templates(mined, classifier, "message") == []


def test_text_hits_finds_an_email_in_text(classifier: FieldClassifier) -> None:
    text = "sent to a.b@example.org now"
    assert any(text[lo:hi] == "a.b@example.org" for lo, hi in text_hits(classifier)(text))


@given(st.lists(st.booleans(), max_size=12))
def test_spanned_by_one_equals_reading_every_text(spanned: list[bool]) -> None:
    """The early stop (pipeline/templates/classify._spanned_by_one) gives what reading every joined text gives:
    the spanned texts when they are at least half, else none; and it reads no text past the point where half
    cannot be reached."""
    texts = [f"t{i}" for i in range(len(spanned))]
    whole_texts = {t for t, s in zip(texts, spanned, strict=True) if s}
    read: list[str] = []

    def hits(text: str) -> list[tuple[int, int]]:
        read.append(text)
        return [(0, len(text))] if text in whole_texts else [(0, 1)]

    every = [t for t in texts if t in whole_texts]
    assert _spanned_by_one(hits, texts) == (every if 2 * len(every) >= len(texts) else [])
    need = (len(texts) + 1) // 2
    stop = next((i for i in range(len(texts)) if sum(spanned[:i]) + len(texts) - i < need), len(texts))
    assert read == texts[:stop]
