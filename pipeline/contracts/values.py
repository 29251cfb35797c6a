"""The per-value tests behind pdd's own expectations, shared by their pandas and SQL implementations.

They read values exactly as the scan's rules do (classifiers.cards for card
numbers, rules.dates and classifiers.ages for ages), so that a contract check and a
scan never disagree about one value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from classifiers import card_spec
from classifiers.ages import read_age  # the scan's own reading of an age
from classifiers.field import as_text
from pipeline.rules.age import MIN_AGE
from pipeline.rules.dates import age_on, parse_date

#: The store-side filter that fetches only values that could hold a card number (the card spec owns it).
SQL_CARD_CANDIDATE = card_spec.STORE_CANDIDATE
FOUR_DIGITS = re.compile(r"[0-9]{4}")


def card_flags(field: str, values: Sequence[object]) -> list[bool]:
    """For each value of one field, whether the scan's full_card_number rule reports it.

    The rule itself decides, so a contract and a scan agree on every value: the field's name as card
    context, separators, BLOB text and base64 inside JSON, and the field-level evidence (same-shaped runs
    that pass Luhn at chance rate are ids, not cards). ``values`` should be all the field's candidate values.
    """
    from pipeline.rules.base import DatasetContext
    from pipeline.rules.card import FullCardNumber
    from pipeline.sources.base import Batch

    rule = FullCardNumber(DatasetContext(source="", dataset="", as_of=None, field_types={}))
    keys = [str(i) for i in range(len(values))]
    found = rule.check(Batch(keys, {field: list(values)})) + rule.finish()
    flagged = {v.key for v in found}
    return [k in flagged for k in keys]


def card_last_four_shaped(value: object) -> bool:
    if isinstance(value, bool):
        return False
    text = as_text(value) if isinstance(value, (str, int)) else None
    return text is not None and FOUR_DIGITS.fullmatch(text) is not None


def _plausible_under(born: dt.date | None, as_of: dt.date, min_age: int) -> bool:
    if born is None or born > as_of or age_on(born, as_of) > 130:
        return False
    return age_on(born, as_of) < min_age


def under_age_flags(values: Sequence[object], as_of: dt.date, kind: str, min_age: int = MIN_AGE) -> list[bool]:
    """For each value, whether it is a person younger than ``min_age`` on ``as_of``.

    ``kind`` is ``dob`` (a date of birth, any form rules.dates reads; dd/mm versus
    mm/dd settled by the whole column as the scan does) or ``age`` (any form
    classifiers.ages reads: ``14``, ``0.42``, ``6 months``, ``aged 9``).
    """
    if kind == "age":
        out = []
        for v in values:
            age = read_age(v)
            out.append(age is not None and age.years < min_age)
        return out
    parsed = [parse_date(v) for v in values]
    hints = {p.order_hint for p in parsed if p is not None and p.order_hint}
    day_first = hints == {"day"} if len(hints) == 1 else None
    out = []
    for p in parsed:
        if p is None:
            out.append(False)
        elif p.date is not None:
            out.append(_plausible_under(p.date, as_of, min_age))
        else:
            day = _plausible_under(p.day_first, as_of, min_age)
            month = _plausible_under(p.month_first, as_of, min_age)
            if day and month:
                out.append(True)
            elif day_first is None:
                out.append(False)  # the column does not settle the order; the scan leaves it undecided too
            else:
                out.append(day if day_first else month)
    return out

