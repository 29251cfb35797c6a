"""full_card_number: no full card number anywhere, in any value of any record.

The sweep must read every value, so it cannot afford recognizer calls per
value. Per column and batch it joins the values' text into one string and
runs one candidate regex over it (digit runs of 13+ digits with optional
separators); only rows with a candidate are validated (Luhn + issuer + length,
classifiers.cards). Every column is swept, whatever its classification:
a card pasted into a free-text note is the case that matters most.
"""

from __future__ import annotations

import bisect
import json
from typing import Any

from classifiers.cards import CANDIDATE, CardMatch, find_cards
from classifiers.field import as_text
from pipeline.rules.base import Rule, Violation
from pipeline.sources.base import Batch


def _json_path(doc: Any, at: str = "") -> list[tuple[str, str]]:
    """(path, leaf text) for every scalar leaf of a JSON document."""
    if isinstance(doc, dict):
        return [p for k, v in doc.items() for p in _json_path(v, f"{at}.{k}" if at else str(k))]
    if isinstance(doc, list):
        return [p for i, v in enumerate(doc) for p in _json_path(v, f"{at}[{i}]")]
    return [(at, str(doc))] if doc is not None else []


def locate_in_json(text: str) -> str | None:
    """The path of the first leaf holding a card number, when ``text`` is a JSON document."""
    s = text.lstrip()
    if not s or s[0] not in "{[":
        return None
    try:
        doc = json.loads(s)
    except ValueError:
        return None
    for path, leaf in _json_path(doc):
        if next(find_cards(leaf), None):
            return path or None
    return None


class FullCardNumber(Rule):
    name = "full_card_number"

    def check(self, batch: Batch) -> list[Violation]:
        flagged: dict[int, tuple[str, CardMatch, str | None, int]] = {}
        for fname, values in batch.columns.items():
            texts = [as_text(v) or "" for v in values]
            joined = "\n".join(texts)
            if not CANDIDATE.search(joined):
                continue
            starts = []
            pos = 0
            for t in texts:
                starts.append(pos)
                pos += len(t) + 1
            rows = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in CANDIDATE.finditer(joined)})
            for i in rows:
                cards = list(find_cards(texts[i]))
                if not cards:
                    continue
                self.found(fname, "CREDIT_CARD", cards[0].brand)
                path = locate_in_json(texts[i]) if isinstance(values[i], (str, dict, list)) else None
                if i in flagged:
                    f, c, p, extra = flagged[i]
                    flagged[i] = (f, c, p, extra + 1)
                else:
                    flagged[i] = (fname, cards[0], path, 0)
        out = []
        for i in sorted(flagged):
            fname, card, path, extra = flagged[i]
            evidence = card.describe()
            if extra:
                evidence += f"; also in {extra} other field{'s' if extra > 1 else ''} of this record"
            out.append(self.violation(fname, batch.keys[i], evidence, path))
        return out
