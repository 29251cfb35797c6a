"""DATE_OF_BIRTH: a calendar date in the past that a living person could have been born on; weak at most.

Whole values only, in the forms people store birth dates: ISO ``1990-05-12``
(also with a midnight time, as a DATETIME column reads), ``12.05.1990``,
``12/05/1990`` or ``05/12/1990``, ``12-05-1990``, ``12 May 1990``,
``May 12, 1990``, ``12-May-1990``. Weak for a date 5-110 years ago; very weak
for one less than 5 years ago (a child's birth date, or any recent event date),
and for the shapes that are as often something else: a two-digit year
(``12/05/90``) or eight bare digits (``19900512``).
Dates with a time of day, future dates and dates before 1900 are not matched:
those are event timestamps and placeholders. The column name decides.
"""

from __future__ import annotations

import datetime as dt
import re

from classifiers.recognizers.base import Pattern, ValueRecognizer
from classifiers.recognizers.strength import VERY_WEAK, WEAK

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for m in names}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MIDNIGHT = r"(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?"


class DateOfBirthRecognizer(ValueRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    VALIDATOR = "past date"
    QUICK = re.compile(r"\d{4}|\d[./-]\d{1,2}[./-]\d\d")
    MAX_WHOLE = 40
    PATTERNS = (
        Pattern("ISO", rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_MIDNIGHT}", 0.0, validated=WEAK,
                whole=True),
        Pattern("day first or month first", r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{4})", 0.0,
                validated=WEAK, whole=True),
        Pattern("day month name", rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ -](?P<mon>{_MON})\.?,?[ -](?P<y>\d{{4}})", 0.0,
                validated=WEAK, whole=True, flags=re.IGNORECASE),
        Pattern("month name day", rf"(?P<mon>{_MON})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})", 0.0,
                validated=WEAK, whole=True, flags=re.IGNORECASE),
        # Shapes that are as often something else (a card expiry's cousin, an 8-digit id): very weak.
        Pattern("two-digit year", r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<yy>\d{2})", 0.0, validated=VERY_WEAK,
                whole=True),
        Pattern("yyyymmdd", r"(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)", 0.0, validated=VERY_WEAK, whole=True),
    )

    def score_match(self, pattern, text, start, end):
        m = next(rx for p, rx in self._compiled if p is pattern).fullmatch(text, start, end)
        date = _date(m) if m else None
        if date is None:
            return None
        age_days = (dt.date.today() - date).days
        if age_days < 0 or date.year < 1900 or age_days > 110 * 366:
            return None
        score = WEAK if age_days >= 5 * 365 and pattern.validated == WEAK else VERY_WEAK
        return self.result(start, end, score, validated=True, pattern=pattern.name)


def _date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g.get("yy"):  # 05/12/90: the century that makes it a past date
        yy = int(g["yy"])
        g["y"] = str(2000 + yy if 2000 + yy <= dt.date.today().year else 1900 + yy)
    y = int(g["y"])
    if g.get("mon"):
        candidates = [(y, _MONTHS[g["mon"].lower()], int(g["d"]))]
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        candidates = [(y, b, a), (y, a, b)]  # dd/mm first, then mm/dd
    else:
        candidates = [(y, int(g["m"]), int(g["d"]))]
    for yy, mm, dd in candidates:
        try:
            return dt.date(yy, mm, dd)
        except ValueError:
            continue
    return None
