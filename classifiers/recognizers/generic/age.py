"""AGE: an age that the value itself says is an age; bare numbers never are.

Read by classifiers.ages, the reader the under_16 sweep and the data contracts
use, so that what classification calls an age is what the sweep checks.

- MEDIUM: an age after an age word or with "old" after it, whole or inside
  text, in the column-name lexicon's languages (``aged 9``, ``Alter: 12``,
  ``âge 7 ans``, ``3 years old``, ``12 Jahre alt``, ``14 yo``). A column of
  them is ages on its values alone; a few in a long text field are not.
- WEAK: a whole value that is a number with units (``6 months``, ``3 yrs``,
  ``14 Jahre``, ``1 yr 6 mos``): a duration just as often (a warranty, a
  tenure), so the column name decides.
- Nothing: a bare number, fractional or not (``14``, ``0.42``, ``14.50``): in a
  field named for ages the sweep reads it as one, but alone it is a price, a
  count or a score as often. A rule rather than a person (``minimum age 13``)
  and ranges (``age 13-17``) are not matched.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.ages import WITH_UNITS, find_ages, units_only
from classifiers.recognizers.base import ValueRecognizer, stripped_bounds
from classifiers.recognizers.strength import MEDIUM, WEAK


class AgeRecognizer(ValueRecognizer):
    ENTITY = "AGE"
    QUICK = re.compile(r"\d")
    QUICK_FIRST = True

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if self.QUICK.search(text) is None:
            return []
        results = [self.result(m.start, m.end, MEDIUM, pattern=m.age.form) for m in find_ages(text)]
        if not results and units_only(text) is not None:
            lo, hi = stripped_bounds(text)
            results.append(self.result(lo, hi, WEAK, pattern=WITH_UNITS))
        return results
