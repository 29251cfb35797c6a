"""The raw-bytes candidate filter, and log reads that leave non-candidate lines out (ReadPlan).

The filter must pass every line the card finder could accept (it is permissive
on purpose: classifiers/cards.py decides), and a candidates-only read must give
the same rows, skipped counts, notes, fields and card findings as a full read.
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.rules.base import DatasetContext
from pipeline.rules.card import FullCardNumber
from pipeline.sources import SourceError, prefilter
from pipeline.sources.base import ReadPlan
from pipeline.sources.logs import LogsSource
from pipeline.sources.textfile import MAX_LINE_BYTES
from tests.sources.helpers import path_source, write

CARD = "4111111111111111"  # the well-known VISA test number


def _b64(text: str, urlsafe: bool = False, pad: bool = True) -> str:
    out = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(text.encode()).decode()
    return out if pad else out.rstrip("=")


@pytest.mark.parametrize(("line", "candidate"), [
    (f"paid with {CARD} ok", True),
    ("card 4111 1111 1111 1111", True),
    ("card 4111-1111-1111-1111", True),
    ("card 4111.1111.1111.1111", True),
    ("card+4111+1111+1111+1111", True),
    ("q=4111%201111%201111%201111", True),
    ("id ID4111111111111111X", True),  # glued to letters: the card finder decides, not the filter
    ('{"n": "4111\\t1111\\t1111\\t1111"}', True),  # a JSON escape between the groups
    ('{"n": "\\u0034111111111111111"}', True),  # an escaped digit
    ("card \u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661", True),
    ("card 4111\u00a01111\u00a01111\u00a01111", True),  # no-break spaces
    ("1234567890123", True),  # 13 digits: the shortest card length
    # base64 of a JSON document holding a card, inside a JSON string (the card rule decodes it)
    ('{"payload": "{\\"data\\": \\"eyJjYXJkIjogIjQxMTExMTExMTExMTExMTEifQ==\\"}"}', True),
    ('{"data": "eyJjYXJkIjogIjQxMTExMTExMTExMTExMTEifQ=="}', True),
    # any base64 token that decodes to a run: unquoted, url-safe, unpadded, JSON-escaped slashes
    (f"auth token={_b64(CARD)} ok", True),
    (f"GET /cb?t={_b64('card ' + CARD, urlsafe=True, pad=False)} HTTP/1.1", True),
    ('{"d": "%s"}' % _b64("ab? " + CARD).replace("/", "\\/"), True),
    (_b64(json.dumps({"pan": " ".join(CARD[i:i + 4] for i in range(0, 16, 4))})), True),
    # near-misses: no 13 digit-like units in a run
    ("123456789012", False),
    ("2026-11-24 10:00:00,123 INFO started", False),  # ':' and ',' break a run
    ("pin 123456 phone +91 98765 43210", False),
    ("1234 5678 90ab 1234", False),  # letters break a run
    ("4111    1111 1111 1111", False),  # a gap of 4 separators
    ('{"token": "abcdefghijklmnopqrstuvw"}', False),  # 23 base64 characters: too short to hold a card
    ("sid=" + _b64(json.dumps({"iat": 1516239022, "sub": "12345"}), urlsafe=True, pad=False), False),  # short runs
    (f"t={_b64(_b64(CARD))}", False),  # encoded twice: decoded once
    (f"t={_b64(CARD[:12])}", False),
    ("", False),
])
def test_candidate_table(line: str, candidate: bool) -> None:
    raw = line.encode("utf-8")
    assert prefilter.may_hold_candidate(raw) is candidate
    assert (0 in prefilter.candidate_lines([raw + b"\n"])) is candidate


def test_candidate_lines_maps_block_offsets_to_lines() -> None:
    lines = [b"nothing\n", f"a {CARD}\n".encode(), None, b"x 12\n", f"b {CARD} {CARD}".encode()]
    assert prefilter.candidate_lines(lines) == {1, 4}


def _sweep(ds: Any, plan: ReadPlan | None) -> dict[str, Any]:
    rule = FullCardNumber(DatasetContext(source="logs", dataset=ds.name, as_of=None, field_types={}))
    rows, keys, violations = 0, [], []
    for batch in ds.part_batches(3, None, plan):
        assert all(len(c) == len(batch.keys) for c in batch.columns.values())
        rows += len(batch) + batch.left_out
        violations += [(v.field, v.key, v.path, v.evidence) for v in rule.check(batch)]
        keys += batch.keys
    # The card rule may hold a card back until its field's counts settle (pipeline/rules/card.py).
    violations += [(v.field, v.key, v.path, v.evidence) for v in rule.finish()]
    return {"rows": rows, "records": ds.stats.records, "skipped": ds.stats.skipped, "notes": ds.stats.notes,
            "fields": ds.fields(), "violations": violations,
            "findings": {f: x.records for f, x in rule.findings.items()}}, keys


LOGS = {
    "app.jsonl": [
        json.dumps({"ts": "2026-11-24T10:00:00Z", "msg": "hello"}),
        json.dumps({"ts": "2026-11-24T10:00:01Z", "user": {"card": CARD}}),
        "",
        "{broken json 12",
        json.dumps({"late_field": "only in a line with no candidate", "tags": ["a", 1]}),
        json.dumps({"msg": "\u00e9t\u00e9"}),
        json.dumps({"note": "escaped \\u0034" + CARD[1:]}),
        "   ",
        json.dumps({"msg": f"order {CARD[:-1]}2"}),
        # base64 of a JSON document holding a card, in a JSON document kept as a string: no digit run at all
        json.dumps({"payload": json.dumps({"data": base64.b64encode(json.dumps({"card": CARD}).encode()).decode()})}),
        json.dumps({"blob": _b64(json.dumps({"pan": CARD}), urlsafe=True, pad=False)}),  # url-safe, unpadded
        json.dumps({"sid": _b64(json.dumps({"iat": 1516239022}), urlsafe=True, pad=False)}),  # no card: left out
    ],
    "access.log": [
        '203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 512 "-" "UA/1.0"',
        f'203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET /a?c={CARD} HTTP/1.1" 200 512 "-" "UA/1.0"',
        "not an access line",
        '203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 512 "-" "UA/1.0" 10.0.0.1',
    ],
    # a broken line first (its field comes first), "-" fields, text after the format: "-" and a card
    "edge.access.log": [
        f"broken {CARD} line",
        f'203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET /a?c={CARD} HTTP/1.1" 200 512 "-" "UA/1.0" {CARD}',
        '203.0.113.7 - bob [24/Nov/2026:10:00:00 +0000] "GET /b HTTP/1.1" - - "-" "-" -',
        f'203.0.113.8 - - [24/Nov/2026:10:00:00 +0000] "GET /c?o={CARD[:-1]}3 HTTP/1.1" 200 512',
        '-',
        '203.0.113.9 - - [24/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "UA/1.0"',
        '203.0.113.9 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 5 "-" "UA/1.0"',
    ],
    "plain.log": ["2026-11-24 10:00:00 INFO started", f"2026-11-24 10:00:01 ERROR card {CARD} refused", "",
                  "2026-11-24 10:00:02 INFO", f"2026-11-24 10:00:03 INFO {CARD}", f"{CARD} at the start",
                  f"2026-11-24 10:00:04 WARN order 1234567890123456 {CARD}x",
                  f"2026-11-24 10:00:05 INFO token={_b64('card ' + CARD)} accepted",
                  f"2026-11-24 10:00:06 INFO session={_b64('user 1234 since 2026')} ok"],
}


@pytest.mark.parametrize("name", sorted(LOGS))
def test_candidates_only_read_equals_full_read(tmp_path: Path, name: str) -> None:
    body = "\n".join(LOGS[name]).encode() + b"\nbad byte \xff here\n" + b"7" * (MAX_LINE_BYTES + 5) + b"\n"
    write(tmp_path / name, body)
    full_ds = next(path_source(LogsSource, "logs", tmp_path, name).datasets())
    fast_ds = next(path_source(LogsSource, "logs", tmp_path, name).datasets())
    full, full_keys = _sweep(full_ds, None)
    fast, fast_keys = _sweep(fast_ds, ReadPlan(candidates_only=True))
    assert fast == full
    assert full["violations"], "each case plants a card"
    if name == "edge.access.log":  # the broken line's field came first: the card in both goes to it
        assert fast_ds.format == "access"
        assert ("unparsed", "2") in [(field, key) for field, key, _, _ in full["violations"]]
    if name == "app.jsonl":
        assert any(field == "payload" and "base64" in evidence for field, _, _, evidence in full["violations"])
        assert any(field == "blob" and "base64" in evidence for field, _, _, evidence in full["violations"])
    if name == "plain.log":
        assert any("base64" in evidence for _, _, _, evidence in full["violations"])
    assert len(fast_keys) < len(full_keys), "the candidates-only read left no line out"


def test_a_damaged_gzip_keeps_what_was_read_before_the_damage(tmp_path: Path) -> None:
    lines = [f"2026-11-24 10:00:{i % 60:02d} INFO line {i}" for i in range(40)]
    lines[30] = f"2026-11-24 10:00:30 ERROR card {CARD} refused"
    data = gzip.compress("\n".join(lines * 50).encode())
    write(tmp_path / "app.log.gz", data[: len(data) - 40])  # cut off: the last lines and the trailer are gone
    results = []
    for plan in (None, ReadPlan(candidates_only=True)):
        ds = next(path_source(LogsSource, "logs", tmp_path, "app.log.gz").datasets())
        with pytest.raises(SourceError):
            results.append(_sweep(ds, plan))
        results.append(ds.stats.records)
    assert results[0] == results[1] > 1000


def test_dense_blocks_are_read_whole_then_the_filter_probes_again(tmp_path: Path) -> None:
    # 12 lines with a candidate each (4 dense blocks of 3), then 60 without: the blocks after a dense one are
    # read whole (logs.DENSE_SKIP of them), then the filter probes again and leaves lines out
    lines = [f"2026-11-24 10:00:{i:02d} INFO order {1234567890123400 + i}" for i in range(12)]
    lines[5] = f"2026-11-24 10:00:05 ERROR card {CARD} refused"
    lines += [f"2026-11-24 10:01:{i % 60:02d} INFO ok {i}" for i in range(60)]
    write(tmp_path / "app.log", ("\n".join(lines) + "\n").encode())
    full, full_keys = _sweep(next(path_source(LogsSource, "logs", tmp_path, "app.log").datasets()), None)
    fast, fast_keys = _sweep(next(path_source(LogsSource, "logs", tmp_path, "app.log").datasets()),
                             ReadPlan(candidates_only=True))
    assert fast == full and full["violations"]
    assert 12 < len(fast_keys) < len(full_keys)  # some sparse lines were read whole, later ones left out


@pytest.mark.parametrize("crlf", [False, True])
def test_dense_access_log_blocks_read_whole_equal_a_full_read(tmp_path: Path, crlf: bool) -> None:
    ua = ["-", "UA/1.0"]
    lines = [f'10.0.0.{i} - {"-" if i % 3 else "bob"} [24/Nov/2026:10:00:{i % 60:02d} +0000] '
             f'"GET /a?o={1234567890123400 + i} HTTP/1.1" {200 if i % 5 else "-"} 512 "-" "{ua[i % 2]}"'
             for i in range(40)]
    lines[17] = lines[17].replace('512 "-"', f'512 "https://shop.example/pay?card={CARD}"')
    lines[25] += " 10.9.9.9"  # text after the format: this block is read line by line
    lines += ["", "not an access line"] + lines[:6]
    write(tmp_path / "web.log", (("\r\n" if crlf else "\n").join(lines) + "\n").encode())
    full, _ = _sweep(next(path_source(LogsSource, "logs", tmp_path, "web.log").datasets()), None)
    fast, _ = _sweep(next(path_source(LogsSource, "logs", tmp_path, "web.log").datasets()),
                     ReadPlan(candidates_only=True))
    assert fast == full and ("http_referer", "18") in [(f, k) for f, k, _, _ in full["violations"]]
    # every record the candidates-only read gives is the full read's record, value for value
    assert _records(tmp_path / "web.log", ReadPlan(candidates_only=True)).items() <= \
        _records(tmp_path / "web.log", None).items()


def _records(path: Path, plan: ReadPlan | None) -> dict[str, dict[str, Any]]:
    ds = next(path_source(LogsSource, "logs", path.parent, path.name).datasets())
    out: dict[str, dict[str, Any]] = {}
    for batch in ds.part_batches(3, None, plan):
        for i, key in enumerate(batch.keys):
            out[key] = {f: col[i] for f, col in batch.columns.items() if col[i] is not None}
    return out
