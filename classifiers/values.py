"""What a field's values are as a whole, beside what recognizers find in them one by one.

Name evidence is checked against this profile (classifiers/decide.py): a field
named for a person whose values are all integers (``salesRepEmployeeNumber``,
named "sales rep"), an address column that is an integer foreign key, or a
column with nothing to examine (every value null, empty, or one placeholder
such as ``-``) gets no type from its name alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

#: Values that stand for "nothing here" in real stores and logs (the combined log format's ``-``).
PLACEHOLDERS = frozenset({"-", "--", "n/a", "na", "null", "none", "nil", "?", "unknown", "(null)"})
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
#: a share of the values at or above which the field "is" numbers
MOSTLY = 0.9


@dataclass(frozen=True)
class ValueProfile:
    examined: int
    #: share of examined values that are plain numbers (integers or decimals)
    numeric: float
    #: share of examined values whose digit count is the field's most common one (postal codes: ~1.0)
    same_length: float
    #: why there is nothing to examine (all null or empty, or one placeholder), else None
    empty: str | None
    #: share of values written in Latin script only (the name lists' coverage; CJK names are not in them)
    latin: float = 1.0
    #: share of values that are initials ("A.", "J"): parts of names the lists cannot confirm
    initials: float = 0.0

    @property
    def numbers(self) -> bool:
        return self.examined > 0 and self.numeric >= MOSTLY

    @property
    def codes(self) -> bool:
        """Fixed-width numbers (postal codes, PINs), not counters or keys of varying width."""
        return self.numbers and self.same_length >= MOSTLY


def profile(counts: Counter[str], nulls: int = 0) -> ValueProfile:
    """The profile of a sample given as distinct non-blank texts with their counts (``nulls``: the rest)."""
    examined = sum(counts.values())
    if not examined:
        return ValueProfile(0, 0.0, 0.0, f"no non-null value in {nulls}" if nulls else "no non-null value")
    if len(counts) == 1:
        only = next(iter(counts)).strip()
        if only.lower() in PLACEHOLDERS:
            return ValueProfile(examined, 0.0, 0.0, f"all {examined} values are '{only}'")
    numeric = sum(n for t, n in counts.items() if _NUMBER.fullmatch(t.strip()))
    widths = Counter()
    for t, n in counts.items():
        if _NUMBER.fullmatch(t.strip()):
            widths[len(t.strip())] += n
    top = widths.most_common(1)[0][1] if widths else 0
    latin = sum(n for t, n in counts.items() if all(_latin(c) for c in t if c.isalpha()))
    initials = sum(n for t, n in counts.items() if _INITIAL.fullmatch(t.strip()))
    return ValueProfile(examined, numeric / examined, top / examined, None, latin / examined, initials / examined)


_INITIAL = re.compile(r"[^\W\d_]{1,2}\.?")


def _latin(c: str) -> bool:
    return c.isascii() or "LATIN" in unicodedata.name(c, "")
