"""full_card_number: no full card number anywhere, in any value of any record.

The sweep must read every value, so it cannot afford recognizer calls per
value. Per column and batch it joins the values' text into one string, asks
Hyperscan (the ``fast`` extra; Python's re without it) whether any 13-digit
run is there at all, and only then runs the candidate regex over it (digit
runs of 13+ digits with optional separators); only candidates are validated (Luhn + issuer + length,
classifiers.cards). Every column is swept, whatever its classification:
a card pasted into a free-text note is the case that matters most.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Any

from classifiers.cards import (
    CANDIDATE,
    CardMatch,
    find_cards,
    match_card,
    may_hold_card,
)
from classifiers.field import as_text
from classifiers.jsondoc import leaves, parse_document
from pipeline.rules.base import Rule, Violation
from pipeline.sources.base import Batch


def locate_in_json(text: str) -> str | None:
    """The path of the first leaf holding a card number, when ``text`` is a JSON document."""
    doc = parse_document(text)
    if doc is None:
        return None
    for path, leaf in leaves(doc):
        if next(find_cards(str(leaf)), None):
            return path or None
    return None


class FullCardNumber(Rule):
    name = "full_card_number"

    def needs_every_record(self) -> bool:
        return False  # a card number is a candidate (pipeline/sources/prefilter.py) by construction

    def check(self, batch: Batch) -> list[Violation]:
        flagged: dict[int, tuple[str, CardMatch, str | None, int]] = {}
        for fname, values in batch.columns.items():
            texts = [_text(v) for v in values]
            joined = "\n".join(texts)
            if not may_hold_card(joined):
                continue
            starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
            for m in CANDIDATE.finditer(joined):
                i = bisect.bisect_right(starts, m.start()) - 1
                card = match_card(joined, m, floor=starts[i])
                if card is None:
                    continue
                if i in flagged:
                    f, c, p, extra = flagged[i]
                    if f != fname:
                        flagged[i] = (f, c, p, extra + 1)
                        self.found(fname, "CREDIT_CARD")
                    continue
                self.found(fname, "CREDIT_CARD")
                path = locate_in_json(texts[i]) if isinstance(values[i], (str, dict, list)) else None
                flagged[i] = (fname, card, path, 0)
        out = []
        for i in sorted(flagged):
            fname, card, path, extra = flagged[i]
            evidence = card.describe()
            if extra:
                evidence += f"; also in {extra} other field{'s' if extra > 1 else ''} of this record"
            out.append(self.violation(fname, batch.keys[i], evidence, path))
        return out


def _text(value: Any) -> str:
    """A value's text for the sweep; values that cannot hold 13 digits cost nothing."""
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value) if value >= 10**12 else ""
    if isinstance(value, float) or value is None:
        return ""  # a card stored as a float has already lost its digits
    return as_text(value) or ""
