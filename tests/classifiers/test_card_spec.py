"""The card spec (classifiers/card_spec.py): the text of a value, and what a database's text of a value
must give for the SQL texts-only reads (text_kind) to hand the rule what value_text gives."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classifiers.card_spec import CANDIDATE, SEPARATOR, text_kind, text_may_hold_candidate, value_text


def _runs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in CANDIDATE.finditer(text)]


@pytest.mark.parametrize(("value", "text"), [
    ("card 4111", "card 4111"), (4111111111111111, "4111111111111111"), (123456789012, ""), (-4111111111111111, ""),
    (4111111111111111.0, ""), (True, ""), (None, ""), (dt.date(2026, 1, 1), ""), (dt.timedelta(days=5), ""),
    (b"4111 1111", "4111 1111"), ("\ufeff4111".encode("utf-16"), "\ufeff4111"), (b"\xff\x00\x80", ""),
    (decimal.Decimal("4111111111111111"), "4111111111111111"), ({"pan": "4111"}, '{"pan": "4111"}'),
    (["é"], '["é"]'), (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
])
def test_value_text(value: object, text: str) -> None:
    assert value_text(value) == text


@given(st.one_of(st.integers(), st.decimals(allow_nan=False, allow_infinity=False), st.uuids()))
def test_cast_kinds_give_the_candidates_of_value_text(value: object) -> None:
    """A "cast" type's text in the database (str() of it: PostgreSQL's and SQLite's text of an integer, a
    numeric in plain notation, a UUID) holds the candidates value_text holds."""
    assert text_kind(type(value)) == "cast"
    assert _runs(str(value)) == _runs(value_text(value))


@pytest.mark.parametrize("kind", [float, bool, dt.date, dt.datetime, dt.time, dt.timedelta, type(None)])
def test_skip_kinds_have_no_text(kind: type) -> None:
    assert text_kind(kind) == "skip"


@pytest.mark.parametrize(("kind", "expected"), [(str, "text"), (int, "cast"), (bytes, None), (dict, None),
                                                (list, None), (object, None)])
def test_text_kind(kind: type, expected: str | None) -> None:
    assert text_kind(kind) == expected


@given(st.lists(st.sampled_from(["4111111111111111", "4111 1111 1111 1111", "x", "12", "", "+1", "-"]), max_size=6))
def test_no_candidate_spans_the_separator(texts: list[str]) -> None:
    joined = SEPARATOR.join(texts)
    starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
    assert _runs(joined) == [(s + a, r) for s, t in zip(starts, texts, strict=True) for a, r in _runs(t)]
    assert text_may_hold_candidate(joined) or not _runs(joined)
