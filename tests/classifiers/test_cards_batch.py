"""The sweep's whole-column helpers (classifiers/cards.py, pipeline/rules/card.py _sweep_column) give the same
answers as judging every candidate one by one: same candidates, same Luhn, same shapes, counts and cards."""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import itertools
import json
import random
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import luhn

from classifiers import base64text, cards
from classifiers.card_spec import CANDIDATE, SEPARATOR, column_texts, find_candidates, value_text
from classifiers.cards import examine, luhn_bare
from pipeline.rules import DatasetContext
from pipeline.rules.card import FullCardNumber, _shape_key, decoded_segments
from pipeline.sources import Batch
from pipeline.sources.sql import JoinedKeys


def _card(prefix: str, n: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(n - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


#: pieces real columns are made of: digit runs of every length, separators, letters, glue, %, Unicode
_PIECES = st.one_of(
    st.integers(1, 22).map(lambda n: "".join(random.Random(n * 7919).choice("0123456789") for _ in range(n))),
    st.integers(0, 10**6).map(lambda s: _card(random.Random(s).choice(["4", "51", "37", "6011", "5018", "9"]),
                                              random.Random(s).choice([13, 15, 16, 19]), random.Random(s))),
    st.sampled_from([" ", "-", ".", "+", "_", "a", "Z", "%", "%20", "\n", "card ", "order ", "/", ":", "=", '"',
                     "\u00a0", "\u0663", "\uff14", "--", "  ", "x-", "+9", "id_"]),
)
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


def candidate_runs(text: str) -> list[tuple[int, str]]:
    """find_candidates' bare and other candidates, merged in text order."""
    return find_candidates(text).runs(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_find_candidates_finds_the_candidates(text: str) -> None:
    assert candidate_runs(text) == [(m.start(), m.group()) for m in CANDIDATE.finditer(text)]
    found = find_candidates(text)
    starts, lengths = found.bare_starts.tolist(), found.bare_lengths.tolist()
    assert all(text[s : s + n].isdigit() for s, n in zip(starts, lengths, strict=True))
    assert (found.data is None) == (not text.isascii() or "%" in text)


def test_candidate_runs_edges() -> None:
    digits = "4111111111111111"
    for text, want in [
        (digits, [(0, digits)]), (f"a{digits}", []), (f"{digits}a", []), (f"-{digits}", []), (f"+{digits}", []),
        (f"x {digits} ", [(2, digits)]), (f"{digits}-", [(0, digits)]), (f"{digits}--x", [(0, digits)]),
        (f"{digits[:12]} x", []), ("4111 1111 1111 1111 2a", [(0, "4111 1111 1111 1111")]),
        (f"{digits}\n{digits}", [(0, digits), (17, digits)]),
        (f"12 {digits}", [(0, f"12 {digits}")]), (f"1-{digits}", [(0, f"1-{digits}")]), (f"{digits}_", []),
        (f"{digits}.5", [(0, f"{digits}.5")]), (f"{digits}  5", [(0, digits)]), (f"x.{digits}", [(2, digits)]),
        (f"a1 {digits}", [(3, digits)]), (f"{digits}9999", [(0, f"{digits}9999")]),
    ]:
        assert candidate_runs(text) == want == [(m.start(), m.group()) for m in CANDIDATE.finditer(text)], text


@given(st.lists(st.text("0123456789", min_size=13, max_size=19), max_size=50))
def test_luhn_bare_is_luhn(runs: list[str]) -> None:
    text = " / ".join(runs)
    found = find_candidates(text)
    assert found.data is not None and len(found.bare_starts) == len(runs)
    assert luhn_bare(found).tolist() == [cards.luhn_ascii(r) for r in runs] == [luhn.is_valid(r) for r in runs]


class _Reference(FullCardNumber):
    """The rule as it was: ``examine`` on every candidate, one by one (before _sweep_column)."""

    def _sweep_column(self, flagged, fname, col, context, tally) -> None:
        values, texts, joined = col.values, col.texts(), SEPARATOR.join(col.texts())
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        for m in CANDIDATE.finditer(joined):
            i = bisect.bisect_right(starts, m.start()) - 1
            seen = examine(joined, m.start(), m.group(), starts[i], context)
            counts = tally.setdefault(seen.shape, [0, 0])
            counts[0] += 1
            counts[1] += seen.luhn_valid
            if seen.card is not None:
                key = f"{fname}|ctx" if seen.card_word else _shape_key(fname, seen.shape)
                self._flag(flagged, i, fname, seen.card, values[i], texts[i], key, context)

    def _sweep_decoded(self, flagged, fname, col, context) -> None:
        """Every base64 token of every value decoded, no filter (base64text.DIGITS) and no joined text."""
        for i, text in enumerate(col.texts()):
            for t in re.finditer(base64text.TOKEN, text):
                decoded = base64text.as_text(base64text.decode(t.group()))
                for segment in decoded_segments(decoded) if decoded is not None else []:
                    for m in CANDIDATE.finditer(segment):
                        seen = examine(segment, m.start(), m.group(), 0, context)
                        key = _shape_key(fname, seen.shape) + "|b64"
                        counts = self.shapes.setdefault(key, [0, 0])
                        counts[0] += 1
                        counts[1] += seen.luhn_valid
                        if seen.card is not None:
                            self._flag(flagged, i, fname, seen.card, col.value(i), text,
                                       f"{fname}|ctx" if seen.card_word else key, context,
                                       token=t.group().replace("\\/", "/"))


def _with_a_card_group(shapes: dict[str, list[int]]) -> dict[str, list[int]]:
    """Shape keys whose runs have a group of 4+ digits: every shape a card can have. Decoded runs of other
    shapes (``1 2 3 ...``) are counted only by the reference, which decodes tokens the filter skips."""
    return {k: v for k, v in shapes.items() if any(int(g) >= 4 for g in k.split("|")[-2 if k.endswith("|b64") else -1]
                                                   .split("-"))}


def _column(rng: random.Random, n: int) -> list:
    out: list = []
    for _ in range(n):
        kind = rng.randrange(18)
        if kind == 0:
            out.append(None)
        elif kind == 1:
            out.append(f"card {_card(rng.choice(['4', '51', '37', '5018']), 16, rng)}")
        elif kind == 2:
            c = _card("4", 16, rng)
            out.append(f"pan {c[:4]} {c[4:8]} {c[8:12]} {c[12:]} cvv 123")
        elif kind == 3:
            out.append(int(_card("51", 16, rng)))
        elif kind == 4:
            out.append(f'{{"pay": {{"pan": "{_card("37", 15, rng)}"}}}}')
        elif kind == 5:
            out.append(f"order {_card(rng.choice(['4', '9', '6']), 16, rng)}")
        elif kind == 6:
            out.append(rng.randrange(10**15, 10**16))
        elif kind == 7:
            out.append(f"\uff14\uff11\uff11\uff11 {_card('4', 16, rng)[4:]}")
        elif kind in (8, 9, 10):  # base64: a JSON field, a JSON document, a log token; either alphabet
            c = rng.choice([_card(rng.choice(["4", "51", "9"]), 16, rng), str(rng.randrange(10**15, 10**16))])
            inner = rng.choice([c, f"card {c}", f"order {c}", json.dumps({"pan": c}), " ".join(c[:8]) + c[8:]])
            tok = (base64.b64encode if rng.random() < 0.5 else base64.urlsafe_b64encode)(inner.encode()).decode()
            tok = tok.rstrip("=") if rng.random() < 0.5 else tok
            out.append([json.dumps({"data": tok}), tok, f"sid=x token={tok}; ok"][kind - 8])
        elif kind == 11:  # the same card plain, dashed and spaced on one line
            c = _card("4", 16, rng)
            out.append(" ".join([c, *(sep.join(c[i:i + 4] for i in range(0, 16, 4)) for sep in "- ")]))
        elif kind == 12:  # %20 escapes
            c = _card(rng.choice(["4", "51"]), 16, rng)
            out.append("q=card%20" + "%20".join(c[i:i + 4] for i in range(0, 16, 4)))
        else:
            out.append(f"id {rng.randrange(10**15, 10**16)} pin {rng.randrange(10**5, 10**6)}")
    return out


@pytest.mark.parametrize("read", ["columns", "texts"])
@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**9), st.integers(1, 300))
def test_sweep_column_equals_examining_every_candidate(read: str, seed: int, n: int) -> None:
    """The column-batch sweep equals examining every candidate one by one, whether the batch holds typed
    values (``Batch.columns``) or the values' texts joined by the source (``Batch.texts``, a texts-only read)."""
    rng = random.Random(seed)
    ctx = DatasetContext("src", "ds", dt.date(2026, 11, 24), {})
    fast, ref = FullCardNumber(ctx), _Reference(ctx)
    out_fast, out_ref = [], []
    for b in range(3):
        batch = Batch(keys=[f"{b}-{i}" for i in range(n)],
                      columns={f: _column(rng, n) for f in ("note", "order_id", "card_number", "payload")})
        if read == "texts":
            joined = {f: SEPARATOR.join(value_text(v) for v in vals) for f, vals in batch.columns.items()}
            out_fast += fast.check(Batch(JoinedKeys(",".join(batch.keys), n), {}, texts=joined))
        else:
            out_fast += fast.check(batch)
        out_ref += ref.check(batch)
    assert _with_a_card_group(fast.shapes) == _with_a_card_group(ref.shapes)
    assert fast.pending == ref.pending
    out_fast += fast.finish()
    out_ref += ref.finish()
    assert [v.model_dump() for v in out_fast] == [v.model_dump() for v in out_ref]
    assert fast.notes == ref.notes
    assert {f: (x.entity, x.records) for f, x in fast.findings.items()} == \
        {f: (x.entity, x.records) for f, x in ref.findings.items()}


def test_column_texts_is_value_text() -> None:
    for values in (["a", "b"], ["a", None, ""], [1, 10**13, None], [1.5, b"4111", None, "x"], [True, 10**12]):
        assert column_texts(values) == [value_text(v) for v in values]


def _runs_around_issuer_borders() -> list[str]:
    """Digit runs of every card length right at, inside and outside each issuer range's borders."""
    out = []
    for n, (lo, hi) in cards._issuer_ranges().items():
        for edge in [*lo.tolist(), *hi.tolist()]:
            for p in (edge - 1, edge, edge + 1):
                if 0 <= p < 10**cards.PREFIX_WIDTH:
                    head = f"{p:0{cards.PREFIX_WIDTH}d}"
                    out += [head + "0" * (n - len(head)), head + "9" * (n - len(head))]
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(13, 19).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)),
                min_size=1, max_size=50))
def test_have_issuer_is_issuer(runs: list[str]) -> None:
    """The numpy issuer test (prefix ranges walked out of the issuer patterns) answers as ``issuer()`` does,
    on random runs and on runs at every range border."""
    for sample in (runs, _runs_around_issuer_borders()):
        text = "\x01".join(sample)
        data = np.frombuffer(text.encode(), dtype=np.uint8)
        starts = np.cumsum([0] + [len(r) + 1 for r in sample[:-1]]).astype(np.int64)
        lengths = np.array([len(r) for r in sample], dtype=np.int64)
        assert cards.have_issuer(data, starts, lengths).tolist() == [cards.issuer(r) is not None for r in sample]


def _runs_around_pattern_edges() -> list[str]:
    """Runs whose first PREFIX_WIDTH digits sit at, just before and just after every edge of an issuer pattern's
    range, each edge at one of the card lengths in turn, padded with 0s and with 9s."""
    out = []
    for k, edge in enumerate(cards._issuer_edges()):
        n = 13 + k % 7
        for p in (edge - 1, edge, edge + 1):
            if 0 <= p < 10**cards.PREFIX_WIDTH:
                head = f"{p:0{cards.PREFIX_WIDTH}d}"
                out += [head + "0" * (n - len(head)), head + "9" * (n - len(head))]
    return out


def test_issuer_lookup_equals_the_patterns_at_every_edge() -> None:
    """issuer()'s interval lookup answers as the issuer patterns do, on both sides of every range edge."""
    cards._INTERVAL_ANSWERS.update({n: {} for n in cards._INTERVAL_ANSWERS})  # answers worked out afresh
    runs = _runs_around_pattern_edges() + _runs_around_issuer_borders()
    assert len(runs) > 100_000
    assert [cards.issuer(r) for r in runs] == [cards.issuer_by_patterns.__wrapped__(r) for r in runs]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(11, 21).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)),
                min_size=1, max_size=40), st.sampled_from(["4", "5", "6", "3", "2", ""]))
def test_issuer_lookup_equals_the_patterns_on_random_runs(runs: list[str], lead: str) -> None:
    """Random runs (card lengths and two beyond each end, most of them led by a digit issuers start with)."""
    runs = [lead + r[len(lead):] for r in runs]
    assert [cards.issuer(r) for r in runs] == [cards.issuer_by_patterns.__wrapped__(r) for r in runs]
