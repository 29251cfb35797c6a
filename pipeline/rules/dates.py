"""Dates of birth as people store them: ISO, dd.mm.yyyy, dd/mm/yyyy or mm/dd/yyyy, date objects.

``dd/mm`` versus ``mm/dd`` is settled per field, not per value: one value with
a first part over 12 makes the field day-first, one with a second part over 12
makes it month-first. A value that reads both ways is decided once the whole
field has been seen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?\s*$")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_SLASHED = re.compile(r"^\s*(\d{1,2})[/\-](\d{1,2})[/\-](\d{4})\s*$")


@dataclass(frozen=True)
class ParsedDate:
    """A parsed value: ``date`` when the reading is certain, else both readings."""

    date: dt.date | None
    day_first: dt.date | None = None
    month_first: dt.date | None = None
    form: str = "ISO"
    #: evidence this value gives about the field's order: "day", "month" or None
    order_hint: str | None = None


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(value: object) -> ParsedDate | None:
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), form="date")
    if isinstance(value, dt.date):
        return ParsedDate(value, form="date")
    if not isinstance(value, str) or len(value) > 40:
        return None
    if m := _ISO.match(value):
        d = _mk(int(m[1]), int(m[2]), int(m[3]))
        return ParsedDate(d, form="ISO") if d else None
    if m := _DOTTED.match(value):
        d = _mk(int(m[3]), int(m[2]), int(m[1]))
        return ParsedDate(d, form="dd.mm.yyyy") if d else None
    if m := _SLASHED.match(value):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 and b <= 12:
            d = _mk(y, b, a)
            return ParsedDate(d, form="dd/mm/yyyy", order_hint="day") if d else None
        if b > 12 and a <= 12:
            d = _mk(y, a, b)
            return ParsedDate(d, form="mm/dd/yyyy", order_hint="month") if d else None
        if a <= 12 and b <= 12:
            return ParsedDate(None, day_first=_mk(y, b, a), month_first=_mk(y, a, b), form="dd/mm or mm/dd")
    return None


def age_on(born: dt.date, as_of: dt.date) -> int:
    return as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
