"""The card rule's vectorised check (bare digit runs Luhn-checked in one numpy pass, only the passing ones
examined) gives exactly what the per-candidate loop it replaced gave: violations, shapes counted, pending cards."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from classifiers.card_spec import CANDIDATE, text_may_hold_candidate, value_text
from classifiers.cards import CardMatch, examine
from pipeline.rules import DatasetContext
from pipeline.rules.base import Violation
from pipeline.rules.card import FullCardNumber, _shape_key
from pipeline.sources import Batch


class _Before(FullCardNumber):
    """The rule with the check it had before the vectorised one (copied verbatim)."""

    def check(self, batch: Batch) -> list[Violation]:
            #: record -> (field, card, JSON path, other fields holding it, shape key)
            flagged: dict[int, tuple[str, CardMatch, str | None, list[str], str]] = {}
            for fname, values in batch.columns.items():
                texts = [value_text(v) for v in values]
                joined = "\n".join(texts)
                context = self._context(fname)
                tally: dict[tuple, list[int]] = {}
                if not text_may_hold_candidate(joined):
                    continue
                starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
                for m in CANDIDATE.finditer(joined):
                    i = bisect.bisect_right(starts, m.start()) - 1
                    seen = examine(joined, m.start(), m.group(), starts[i], context)
                    counts = tally.get(seen.shape)
                    if counts is None:
                        counts = tally[seen.shape] = [0, 0]
                    counts[0] += 1
                    counts[1] += seen.luhn_valid
                    if seen.card is not None:
                        # After a card word, context decides: no field statistics overrule it.
                        key = f"{fname}|ctx" if seen.card_word else _shape_key(fname, seen.shape)
                        self._flag(flagged, i, fname, seen.card, values[i], texts[i], key, context)
                for shape, (runs, valid) in tally.items():
                    mine = self.shapes.setdefault(_shape_key(fname, shape), [0, 0])
                    mine[0] += runs
                    mine[1] += valid
            return self._report(flagged, batch)


def _luhn_valid_with(prefix: str, n: int, draw: Any) -> str:
    body = prefix + "".join(draw(st.sampled_from("0123456789")) for _ in range(n - 1 - len(prefix)))
    return body + luhn.calc_check_digit(body)


@st.composite
def _values(draw: Any) -> Any:
    kind = draw(st.sampled_from(["id", "card", "sep", "text", "none", "int", "nl", "unicode", "long", "stamp"]))
    if kind == "stamp":  # an epoch and a dotted date (real BGL logs), or blank-separated groups
        return draw(st.sampled_from(["- 1117838570 2005.06.03 R02", "1117838570 2005 06 03", "4111 1111 1111 1111 123",
                                     "2005.06.03.1117838570", "12 34 5678 9012 3456 7"]))
    if kind == "none":
        return None
    if kind == "int":
        return draw(st.integers(min_value=0, max_value=10**19))
    n = draw(st.integers(min_value=13, max_value=19))
    if kind == "id":
        return draw(st.sampled_from(["order ", "", "id ", "ref: "])) + "".join(
            draw(st.sampled_from("0123456789")) for _ in range(n))
    if kind == "long":
        return "x " + "".join(draw(st.sampled_from("0123456789")) for _ in range(draw(st.integers(20, 25))))
    card = _luhn_valid_with(draw(st.sampled_from(["4", "51", "37", "6011", "9", "62", "508"])), n, draw)
    if kind == "card":
        return draw(st.sampled_from(["card ", "", "paid ", "order "])) + card
    if kind == "sep":
        sep = draw(st.sampled_from([" ", "-", ".", "%20"]))
        return "cc " + sep.join(card[i:i + 4] for i in range(0, len(card), 4))
    if kind == "nl":
        return "line one\n" + card + "\nline three " + card[::-1]
    if kind == "unicode":
        return "card " + card.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return draw(st.text(alphabet="ab 0123456789-", max_size=30))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["note", "card_number", "order_id", "msg"]),
                       st.lists(_values(), min_size=1, max_size=1), min_size=1, max_size=3),
       st.lists(st.lists(_values(), min_size=4, max_size=4), min_size=1, max_size=12))
def test_vectorised_check_equals_the_loop_it_replaced(first: dict, rows: list) -> None:
    fields = list(first)
    columns = {f: [row[k % 4] for row in rows] for k, f in enumerate(fields)}
    keys = [str(k) for k in range(len(rows))]
    ctx = DatasetContext("src", "ds", dt.date(2026, 11, 24), {})
    new, old = FullCardNumber(ctx), _Before(ctx)
    for rule in (new, old):  # twice: the second batch sees the first one's shape counts
        rule.out = rule.check(Batch(keys=keys, columns=columns)) + rule.check(Batch(keys=keys, columns=columns))
    assert new.out == old.out
    assert new.shapes == old.shapes
    assert new.pending == old.pending
    assert new.finish() == old.finish()
    assert new.notes == old.notes
