"""under_16: no record of a person younger than 16 on ``as_of``.

Swept fields: those that classification says hold DATE_OF_BIRTH or AGE. A date
of birth is read in the forms of rules.dates. An age is read by
classifiers.ages, the one reader the AGE recognizer and the data contracts use
too: whole and fractional years (``14``, ``0.42``, ``14,5``), months, weeks and
days (``6 months``), ages after an age word or before an "old" in text
(``aged 9``, ``3 years old``), in the column-name lexicon's languages; anything
below 16 years is reported. A birth date after ``as_of`` or over 130 years back
is not a person's age and is counted, not reported.
"""

from __future__ import annotations

import datetime as dt

from classifiers.ages import NUMBER, read_age
from pipeline.rules.base import DatasetContext, Rule, Violation
from pipeline.rules.dates import age_on, parse_date
from pipeline.sources.base import Batch

MIN_AGE = 16


class Under16(Rule):
    name = "under_16"

    def __init__(self, ctx: DatasetContext) -> None:
        super().__init__(ctx)
        self.as_of: dt.date = ctx.as_of  # type: ignore[assignment]  # a scan always has as_of (the config's or today)
        self.dob_fields = [f for f, t in ctx.field_types.items() if "DATE_OF_BIRTH" in t]
        self.age_fields = [f for f, t in ctx.field_types.items() if "AGE" in t and f not in self.dob_fields]
        self.seen: set[str] = set()
        self.order: dict[str, set[str]] = {f: set() for f in self.dob_fields}
        # Ambiguous dd/mm vs mm/dd values that are under 16 in one reading only: (field, key, day_first_under16)
        self.pending: list[tuple[str, str, bool]] = []
        self.implausible = 0

    def needs_every_record(self) -> bool:
        return bool(self.dob_fields or self.age_fields)

    def reads_raw_texts(self) -> bool:
        return not self.needs_every_record()  # with no date of birth or age field, check() reads nothing

    def _under(self, born: dt.date | None) -> bool | None:
        if born is None:
            return None
        if born > self.as_of or age_on(born, self.as_of) > 130:
            self.implausible += 1
            return None
        return age_on(born, self.as_of) < MIN_AGE

    def _report(self, fname: str, key: str, evidence: str, entity: str) -> Violation | None:
        self.found(fname, entity)
        if key in self.seen:
            return None
        self.seen.add(key)
        return self.violation(fname, key, evidence)

    def check(self, batch: Batch) -> list[Violation]:
        out: list[Violation | None] = []
        as_of = self.as_of.isoformat()
        for fname in self.dob_fields:
            for key, value in zip(batch.keys, batch.columns.get(fname, ()), strict=False):
                p = parse_date(value)
                if p is None:
                    continue
                if p.order_hint:
                    self.order[fname].add(p.order_hint)
                if p.date is not None:
                    if self._under(p.date):
                        out.append(self._report(fname, key, f"date of birth ({p.form}) is under 16 years before "
                                                f"{as_of}", "DATE_OF_BIRTH"))
                    continue
                day, month = self._under(p.day_first), self._under(p.month_first)
                if day and month:
                    out.append(self._report(fname, key, f"date of birth (dd/mm or mm/dd, under 16 either way) "
                                            f"before {as_of}", "DATE_OF_BIRTH"))
                elif day or month:
                    self.pending.append((fname, key, bool(day)))
        for fname in self.age_fields:
            for key, value in zip(batch.keys, batch.columns.get(fname, ()), strict=False):
                age = read_age(value)
                if age is not None and age.years < MIN_AGE:
                    how = "in years" if age.form == NUMBER else f"({age.form})"
                    out.append(self._report(fname, key, f"age {how} is under 16 on {as_of}", "AGE"))
        return [v for v in out if v]

    def state(self) -> dict:
        return {"order": {f: sorted(o) for f, o in self.order.items()}, "pending": self.pending,
                "implausible": self.implausible}

    def absorb(self, state: dict) -> None:
        for f, hints in state.get("order", {}).items():
            self.order.setdefault(f, set()).update(hints)
        self.pending += [tuple(p) for p in state.get("pending", [])]
        self.implausible += state.get("implausible", 0)

    def finish(self) -> list[Violation]:
        out = []
        for fname, key, day_first_under in self.pending:
            order = self.order.get(fname, set())
            if len(order) == 1:
                is_day_first = "day" in order
                if is_day_first == day_first_under:
                    form = "dd/mm/yyyy" if is_day_first else "mm/dd/yyyy"
                    v = self._report(fname, key, f"date of birth ({form}, order settled by the field's other values) "
                                     f"is under 16 years before {self.as_of.isoformat()}", "DATE_OF_BIRTH")
                    if v:
                        out.append(v)
            else:
                self.notes.append(f"field {fname}: a date that is under 16 in one day/month order only; the field's "
                                  "values do not settle the order, so it is not reported")
        if self.implausible:
            self.notes.append(f"{self.implausible} birth date(s) in the future or over 130 years back were ignored")
        return out
