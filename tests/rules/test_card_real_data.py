"""full_card_number on real data (issue 10): ids at chance rate, BLOB text, base64 in JSON, URL forms."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random

from stdnum import luhn

from classifiers.cards import is_card_number
from pipeline.rules import DatasetContext
from pipeline.rules.card import FullCardNumber
from pipeline.sources import Batch

VISA = "4111111111111111"


def _rule() -> FullCardNumber:
    return FullCardNumber(DatasetContext("src", "ds", dt.date(2026, 11, 24), {}))


def _sweep(columns: dict[str, list], parts: int = 1) -> tuple[list, list[str], dict]:
    """Check the columns in ``parts`` parts, each with its own rule, then finish on a fresh one."""
    n = len(next(iter(columns.values())))
    step = -(-n // parts)
    rules, out = [], []
    for a in range(0, n, step):
        rule = _rule()
        out += rule.check(Batch(keys=[str(k) for k in range(a, min(n, a + step))],
                                columns={f: v[a:a + step] for f, v in columns.items()}))
        rules.append(rule)
    final = _rule()
    for r in rules:
        final.absorb(json.loads(json.dumps(r.state())))  # what travels between workers is JSON
    out += final.finish()
    found: dict[str, int] = {}
    for r in [*rules, final]:  # as Scanner.finish adds up the parts' findings and finish()'s
        for f, x in r.findings.items():
            found[f] = found.get(f, 0) + x.records
    return out, final.notes, found


def test_a_field_of_ids_passing_luhn_at_chance_is_not_reported_and_a_note_says_why() -> None:
    rng = random.Random(7)
    ids = [str(rng.randrange(4 * 10**15, 5 * 10**15)) for _ in range(400)]  # 16-digit ids in Visa's range
    passing = sum(is_card_number(i) for i in ids)
    assert passing > 10  # some pass Luhn + issuer + length by chance
    out, notes, _ = _sweep({"event_id": ids}, parts=2)
    assert out == []
    assert len(notes) == 1 and "event_id" in notes[0] and f"{passing} Luhn-valid" in notes[0]
    assert not any(i in notes[0] for i in ids)


def test_a_field_of_cards_is_reported_whatever_the_parts() -> None:
    cards = []
    for k in range(30):
        body = "4" + str(10**13 + k * 7919).zfill(14)
        cards.append(body + luhn.calc_check_digit(body))
    out, notes, found = _sweep({"pan": cards}, parts=3)
    assert len(out) == 30 and notes == [] and found == {"pan": 30}


def test_blob_text_base64_in_json_and_url_forms() -> None:
    doc = base64.b64encode(json.dumps({"card": VISA}).encode()).decode()
    out, _, _ = _sweep({
        "blob": [VISA.encode(), b"\x89PNG\r\n\x1a\n\x00\x00", None, None],
        "payload": ["{}", '{"data": "%s"}' % doc, '{"data": "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ="}', "{}"],
        "request": ["-", "-", "GET /pay?cc=4111+1111+1111+1111 HTTP/1.1", "GET /x?cc=4111%201111%201111%201111"],
    })
    got = {(v.key, v.field) for v in out}
    assert got == {("0", "blob"), ("1", "payload"), ("2", "request"), ("3", "request")}
    assert all(VISA not in v.evidence and "1111" in v.evidence for v in out)
    assert any("base64" in v.evidence for v in out)


def test_a_card_after_a_card_word_is_reported_in_a_field_of_ids_at_chance() -> None:
    rng = random.Random(3)
    notes = [f"order {rng.randrange(10**15, 10**16)} shipped" for _ in range(300)]
    notes[150] = f"customer card {VISA} please refund"
    out, _, _ = _sweep({"note": notes}, parts=2)
    assert [(v.key, v.field) for v in out] == [("150", "note")]
