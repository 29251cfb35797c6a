"""A person's age as people write it: the one reader the AGE recognizer, the under_16 sweep and contracts share.

Registers do not write every age as a whole number of years. An infant's age is
a fraction (``0.42``) or a count of months, weeks or days (``6 months``,
``8 mos``, ``3 semanas``), a half year is ``14.5``, ``14,5`` or ``14½``, and a
compound is ``1 yr 6 mos`` or ``2 Jahre und 3 Monate``. Free text says an age
after an age word (``aged 9``, ``Alter: 12``, ``âge 7 ans``, ``edad 11``) or
with "old" after it (``3 years old``, ``12 Jahre alt``, ``14 yo``). The words
are data (age_words.yaml beside this file), in the languages of the column-name
lexicon, so that a steward can add one without touching code.

Two readings, because a number means an age only where something says so:

- :func:`read_age` reads a value of a field already known to hold ages (the
  sweep, a contract's ``under_16: age``): a bare number is an age in years
  there, and a text value holding several ages gives its youngest.
- :func:`find_ages` finds ages in any text for the recognizer: only those an
  age word, an "old" or a unit says are ages; bare numbers never are (a price
  ``14.50``, a count).

Not ages: negative numbers, more than ``MAX_AGE`` years, a year (``2014``),
ranges and bounds (``age 13-17``, ``age 13+``, ``13 and over``), a rule rather
than a person (``minimum age 13``, ``under the age of 5``), a number glued to
letters (``…4Yo=`` in base64), a thousands group (``1,500``), and a unit
whose meaning depends on the language (``20 j``: Jahre or jours).
"""

from __future__ import annotations

import decimal
import math
import numbers
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import yaml

_WORDS = Path(__file__).with_name("age_words.yaml")

#: Oldest age read as a person's (rules.age counts birth dates over 130 years back as implausible too).
MAX_AGE = 130
_DAYS_PER_YEAR = Fraction(36525, 100)
#: Years in one of each unit.
UNIT_YEARS: dict[str, Fraction] = {"years": Fraction(1), "months": Fraction(1, 12), "weeks": 7 / _DAYS_PER_YEAR,
                                   "days": 1 / _DAYS_PER_YEAR}

#: Forms, as evidence and reports name them.
NUMBER = "number"
WITH_UNITS = "number with units"
AGE_WORD = "after an age word"
OLD = "'old' after it"

_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_WORD_BEFORE = r"(?<![^\W_])"


@dataclass(frozen=True)
class Age:
    """An age in years (exact: ``6 months`` is 1/2), and the form it was written in."""

    years: int | Fraction | float | decimal.Decimal
    form: str


@dataclass(frozen=True)
class AgeMatch:
    start: int
    end: int
    age: Age


@dataclass(frozen=True)
class _Grammar:
    #: unit word (lower case) -> years / months / weeks / days
    units: dict[str, str]
    #: a whole value: an optional age word, a number with or without units, an optional "old"
    whole: re.Pattern[str]
    #: a whole value that is a number with units and nothing else (``6 months``: a duration as often)
    units_whole: re.Pattern[str]
    #: an age inside text: after an age word, or with "old" after it
    in_text: re.Pattern[str]
    #: one number-and-unit part, with groups (for adding up a compound)
    part: re.Pattern[str]
    number: re.Pattern[str]
    #: a word that makes the age after it a rule, not a person (``minimum age 13``), at the end of the text before
    qualifier: re.Pattern[str]


def _alt(words: set[str]) -> str:
    """Alternation of the words, longest first; a space in a phrase matches any white space."""
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=lambda w: (-len(w), w)))


def _number(text: str) -> Fraction | None:
    m = re.fullmatch(r"(\d{1,3})(?:([.,])(\d{1,3}))?\s?(½)?", text.strip())
    if m is None:
        return None
    whole, sep, frac, half = m.groups()
    if sep == "," and len(frac) == 3:  # 1,500: a thousands group, not a decimal comma
        return None
    value = Fraction(int(whole))
    if frac:
        value += Fraction(int(frac), 10 ** len(frac))
    if half:
        value += Fraction(1, 2)
    return value


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    data = yaml.safe_load(_WORDS.read_text(encoding="utf-8"))
    units: dict[str, str] = {}
    words: dict[str, set[str]] = {k: set() for k in ("age_words", "fillers", "old", "joiners", "qualifiers")}
    for lang, spec in data["languages"].items():
        for unit, spellings in spec["units"].items():
            if unit not in UNIT_YEARS:
                raise ValueError(f"{_WORDS.name}: {lang}: unknown unit {unit!r}")
            for w in spellings:
                w = str(w).lower()
                if units.setdefault(w, unit) != unit:
                    raise ValueError(f"{_WORDS.name}: {lang}: {w!r} is both {units[w]} and {unit}")
        for key, found in words.items():
            found.update(str(w).lower() for w in spec.get(key) or ())
    number = r"\d{1,3}(?:[.,]\d{1,3})?(?:\s?½)?(?![\d½])(?![.,]\d)"
    start = r"(?<![\w.,\-−+/])"  # not glued to a word, a number or a sign (``…T2Vkp+8vf4Yo=`` is base64)
    unit = rf"(?:{_alt(set(units))}){_NOT_LETTER_AFTER}"
    # White space is matched possessively (\s*+) and a compound has at most four parts (years, months, weeks,
    # days): a long run of spaces or of number-unit pairs costs linear time, not quadratic.
    part = rf"{number}\s*+-?\s*+{unit}"
    join = rf"(?:\s*+(?:(?:,|&|(?:{_alt(words['joiners'])}){_NOT_LETTER_AFTER})\s*+)?)"
    duration = rf"{part}(?:{join}{part}){{0,3}}"
    old = rf"(?:\s*+-?\s*+(?:{_alt(words['old'])}){_NOT_LETTER_AFTER})"
    years_old = rf"(?:\s*+(?:{_alt({str(w).lower() for w in data['years_old']})}){_NOT_LETTER_AFTER})"
    bare = rf"{number}(?!\s*+-?\s*+{unit})(?!{years_old})"
    age_word = rf"{_NOT_WORD_BEFORE}(?:{_alt(words['age_words'])}){_NOT_LETTER_AFTER}"
    fill = rf"(?:\s*+[:=]?\s*+(?:(?:{_alt(words['fillers'])}){_NOT_LETTER_AFTER}\s*+)?)"
    # What follows an age that makes it a range, a bound or a time: 13-17, 13+, 13 to 17, 13 or older, 13 and
    # over, 10:30.
    bound = (r"(?!\s*+(?:[-–—/+%]|:\d|(?:to|bis|à|a|al|tot|se)\s++\d|or\s|oder\s|ou\s|o\s"
             r"|and\s++(?:older|over|up|above)|und\s++(?:älter|aelter|mehr)|plus" + _NOT_LETTER_AFTER + r"))")
    in_text = (rf"{age_word}{fill}{start}(?:{duration}{old}?|{number}{years_old}|{bare}){bound}"
               rf"|{start}(?:{duration}{old}|{number}{years_old}){bound}")
    whole = rf"\s*+(?:{age_word}{fill})?(?:{duration}{old}?|{number}{years_old}|{number})\s*+"
    flags = re.IGNORECASE
    return _Grammar(
        units=units,
        whole=re.compile(whole, flags),
        units_whole=re.compile(rf"\s*+{duration}\s*+", flags),
        in_text=re.compile(in_text, flags),
        part=re.compile(rf"(?P<n>{number})\s*+-?\s*+(?P<u>{unit})", flags),
        number=re.compile(number),
        qualifier=re.compile(rf"{_NOT_WORD_BEFORE}(?:{_alt(words['qualifiers'])})[\s_:-]*\Z", flags),
    )


def _years(span: str) -> int | Fraction | None:
    """The age a matched span says, in years; None when it is out of range or not a number."""
    g = _grammar()
    parts = list(g.part.finditer(span))
    total: Fraction | None
    if parts:
        total = Fraction(0)
        for p in parts:
            n = _number(p.group("n"))
            if n is None:
                return None
            total += n * UNIT_YEARS[g.units[p.group("u").lower()]]
    else:
        m = g.number.search(span)
        total = _number(m.group()) if m else None
    if total is None or not 0 <= total <= MAX_AGE:
        return None
    return int(total) if total.denominator == 1 else total


def find_ages(text: str) -> Iterator[AgeMatch]:
    """Ages that the text itself says are ages: after an age word, or with "old" after them.

    A bare number or a number with a unit alone is not found here (see :func:`units_only`)."""
    g = _grammar()
    for m in g.in_text.finditer(text):
        if g.qualifier.search(text, max(0, m.start() - 40), m.start()):
            continue
        years = _years(m.group())
        if years is not None:
            form = AGE_WORD if not m.group()[0].isdigit() else OLD
            yield AgeMatch(m.start(), m.end(), Age(years, form))


def units_only(text: str) -> Age | None:
    """The whole value is a number with units and nothing else (``6 months``, ``1 yr 6 mos``, ``14 Jahre``).

    An age in a field named for ages; a duration just as often elsewhere (a warranty of ``2 years``)."""
    g = _grammar()
    if len(text) > 80 or not g.units_whole.fullmatch(text):
        return None
    years = _years(text)
    return Age(years, WITH_UNITS) if years is not None else None


_INT_AGES = tuple(Age(i, NUMBER) for i in range(MAX_AGE + 1))


def read_age(value: object) -> Age | None:
    """The age a value of an age field holds (its youngest, when a text holds several), or None.

    Numbers are years: ``14``, ``14.5``, ``Decimal('0.42')``, and as text ``0.42``, ``14,5``, ``14½``.
    Text is read whole (``6 months``, ``Alter: 12``, ``3 years old``), else for ages inside it that an age
    word or an "old" marks (``Patient aged 9, seen ...``)."""
    kind = type(value)
    if kind is int:  # an INTEGER column: the common case first
        return _INT_AGES[value] if 0 <= value <= MAX_AGE else None  # type: ignore[call-overload,operator]  # type(value) is checked through `kind`, which mypy does not narrow
    if kind is str:
        return _read_text(value) if len(value) <= MAX_CACHED else _read_uncached(value)  # type: ignore[arg-type]  # type(value) is checked through `kind`, which mypy does not narrow
    if value is None or kind is bool:
        return None
    if kind is float:
        finite = math.isfinite(value)  # type: ignore[arg-type]  # type(value) is checked through `kind`, which mypy does not narrow
    elif isinstance(value, decimal.Decimal):
        finite = value.is_finite()
    elif isinstance(value, numbers.Integral):  # numpy and other integer types
        i = int(value)
        return _INT_AGES[i] if 0 <= i <= MAX_AGE else None
    elif isinstance(value, numbers.Real):
        finite = math.isfinite(value)
    else:
        return None
    if not finite or not 0 <= value <= MAX_AGE:  # type: ignore[operator]  # a float, Decimal or Real by now
        return None
    # float and Decimal compare exactly with 16: no conversion needed
    return _INT_AGES[int(value)] if value == int(value) else Age(value, NUMBER)  # type: ignore[arg-type,call-overload]  # a float, Decimal or Real by now


#: Text values up to this long are memoized: an age field repeats few distinct texts (``6 months``, ``3 yrs``).
MAX_CACHED = 80


@lru_cache(maxsize=4096)
def _read_text(text: str) -> Age | None:
    return _read_uncached(text)


def _read_uncached(text: str) -> Age | None:
    stripped = text.strip()
    if stripped.isdigit() and len(stripped) <= 3:  # the common case, without a regular expression
        return read_age(int(stripped))
    g = _grammar()
    if len(stripped) <= 80 and g.whole.fullmatch(stripped):
        years = _years(stripped)
        if years is None:
            return None
        if not stripped[0].isdigit():
            form = AGE_WORD
        elif g.in_text.fullmatch(stripped):
            form = OLD
        elif g.part.search(stripped):
            form = WITH_UNITS
        else:
            form = NUMBER
        return _INT_AGES[years] if isinstance(years, int) and form == NUMBER else Age(years, form)
    found = [m.age for m in find_ages(text)]
    return min(found, key=lambda a: a.years) if found else None

