"""The linkage's small parts: month arithmetic at the window's edge, key masking, names, value-overlap sketches."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.linkage import names
from pipeline.linkage.model import key_text, mask_key, months_before
from pipeline.linkage.sketch import Sketch


@pytest.mark.parametrize(("day", "months", "want"), [
    (dt.date(2026, 11, 24), 6, dt.date(2026, 5, 24)),   # exactly 6 months: this day is not past the window
    (dt.date(2026, 11, 24), 9, dt.date(2026, 2, 24)),
    (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),    # clamped to the month's last day
    (dt.date(2026, 3, 31), 13, dt.date(2025, 2, 28)),
])
def test_months_before(day: dt.date, months: int, want: dt.date) -> None:
    assert months_before(day, months) == want


@pytest.mark.parametrize(("key", "masked"), [("7", "*7"), ("42", "*2"), ("137", "*37"), ("123456789", "******89")])
def test_mask_key_shows_two_characters_at_most(key: str, masked: str) -> None:
    assert mask_key(key) == masked


@pytest.mark.parametrize(("value", "text"), [(42, "42"), (42.0, "42"), (" 42 ", "42"), (4.5, None), (None, None),
                                             (True, None), ([1], None), ("", None)])
def test_key_text(value: object, text: str | None) -> None:
    assert key_text(value) == text


@pytest.mark.parametrize(("field", "is_ref"), [
    ("account_id", True), ("user.id", True), ("userId", True), ("customer_no", True), ("uid", True),
    ("member_id", True), ("order_id", False), ("id", False), ("session.id", False), ("accounting_code", False),
])
def test_reference_names(field: str, is_ref: bool) -> None:
    assert names.is_reference_name(field, "accounts") is is_ref


@pytest.mark.parametrize(("field", "hit"), [("terminated_at", True), ("closed_on", True), ("account_closed_at", True),
                                            ("cancelled_at", True), ("termination_date", True), ("created_at", False),
                                            ("closing_balance", False)])
def test_termination_names(field: str, hit: bool) -> None:
    assert bool(names.TERMINATED.match(names.norm(field))) is hit


def test_containment_of_a_subset_and_of_a_disjoint_set() -> None:
    keys = Sketch()
    keys.add_many({str(i) for i in range(100_000)})
    inside, outside, half = Sketch(), Sketch(), Sketch()
    inside.add_many({str(i) for i in range(0, 100_000, 7)})
    outside.add_many({f"x{i}" for i in range(5_000)})
    half.add_many({str(i) for i in range(50_000, 150_000)})
    assert inside.containment_in(keys)[0] == 1.0
    assert outside.containment_in(keys)[0] == 0.0
    assert 0.4 < half.containment_in(keys)[0] < 0.6
    assert len(keys.hashes) == 512


def test_sketches_merge_like_one_pass() -> None:
    whole, a, b = Sketch(), Sketch(), Sketch()
    whole.add_many({str(i) for i in range(10_000)})
    a.add_many({str(i) for i in range(5_000)})
    b.add_many({str(i) for i in range(5_000, 10_000)})
    a.merge(b)
    assert a.hashes == whole.hashes
