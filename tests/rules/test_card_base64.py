"""full_card_number on base64 (issue 19): a token in a JSON field, a JSON document, a column or a log token is
decoded once and read like any text; the card is reported at the field (and JSON path) of the encoded text."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from pipeline.rules import DatasetContext
from pipeline.rules.card import FullCardNumber
from pipeline.sources import Batch

_body = "4" + "1" * 14
VISA = _body + luhn.calc_check_digit(_body)
BAD = VISA[:-1] + str((int(VISA[-1]) + 1) % 10)


def _std(text: str, pad: bool = True) -> str:
    out = base64.b64encode(text.encode()).decode()
    return out if pad else out.rstrip("=")


def _url(text: str, pad: bool = True) -> str:
    out = base64.urlsafe_b64encode(text.encode()).decode()
    return out if pad else out.rstrip("=")


def _sweep(columns: dict[str, list]) -> tuple[list[tuple[str, str, str | None, str]], list[str]]:
    rule = FullCardNumber(DatasetContext("src", "ds", dt.date(2026, 11, 24), {}))
    n = len(next(iter(columns.values())))
    out = rule.check(Batch(keys=[str(k) for k in range(n)], columns=columns)) + rule.finish()
    return [(v.field, v.key, v.path, v.evidence) for v in out], rule.notes


def _jwt(claims: dict) -> str:
    head = _url(json.dumps({"alg": "HS256", "typ": "JWT"}), pad=False)
    return f"{head}.{_url(json.dumps(claims), pad=False)}.{base64.urlsafe_b64encode(bytes(range(32))).decode()}"


_SLASHED = _std("ab? " + VISA)  # holds a "/" (a "?" ends a 3-byte group): PHP's json_encode writes "\/"
assert "/" in _SLASHED, "the token holds no slash"


@pytest.mark.parametrize("value,path", [
    (json.dumps({"data": _std(VISA)}), "data"),
    (json.dumps({"data": _url(f"card {VISA}", pad=False)}), "data"),
    (_std(json.dumps({"card": VISA})), None),  # a base64 JSON document as the whole value
    (json.dumps({"outer": {"blob": _std(json.dumps({"pan": VISA}))}}), "outer.blob"),
    (json.dumps({"outer": [{"blob": _url(json.dumps({"pan": {"n": VISA}}), pad=False)}]}), "outer[0].blob"),
    (_std(VISA), None),  # a column of base64
    (f"auth ok token={_url(json.dumps({'pan': VISA}))} user=3", None),  # a log token
    ('{"data": "%s"}' % _SLASHED.replace("/", "\\/"), "data"),  # JSON-escaped slashes
    (_std("\u00e9t\u00e9 " + " ".join(VISA[i:i + 4] for i in range(0, 16, 4))), None),  # UTF-8 text, spaced
    # near-misses: labelled as another number, Luhn fails, encoded twice (decoded once), a JWT's numbers,
    # digits inside binary, too short to hold a card
    (json.dumps({"data": _std(f"order {VISA}")}), ""),
    (json.dumps({"data": _std(BAD)}), ""),
    (json.dumps({"data": _std(_std(VISA))}), ""),
    (_jwt({"sub": "1234567890", "iat": 1516239022, "exp": 1516239022123}), ""),
    (base64.b64encode(b"\x00\x01" + VISA.encode()).decode(), ""),
    (_std(VISA[:12]), ""),
], ids=["json-field", "json-field-url-unpadded", "doc", "doc-in-doc", "doc-in-list", "column", "log-token",
        "escaped-slash", "utf8-spaced", "order", "luhn", "twice", "jwt", "binary", "short"])
def test_base64_forms(value: str, path: str | None) -> None:
    """``path``: where the card is reported ("" for no card)."""
    out, _ = _sweep({"id": ["1", "2"], "payload": ["{}", value]})
    got = [(f, k, p) for f, k, p, _ in out]
    assert got == ([] if path == "" else [("payload", "1", path)])
    assert all("base64-encoded" in e and VISA not in e for *_, e in out)


_CONTAINERS = {
    "json-field": lambda tok, pre: (json.dumps({"msg": pre, "data": tok}), "data"),
    "json-doc": lambda tok, pre: (json.dumps({"ev": {"payload": tok}}), "ev.payload"),
    "column": lambda tok, pre: (tok, None),
    "log-token": lambda tok, pre: (f"{pre} session={tok}; done", None),
}


@settings(max_examples=120, deadline=None)
@given(st.sampled_from([_std, _url]), st.booleans(), st.sampled_from(sorted(_CONTAINERS)),
       st.booleans(), st.sampled_from(["", "paid ", "card: ", "x\n"]),
       st.sampled_from(["plain", "spaced", "dashed"]), st.integers(0, 500))
def test_any_base64_wrapping_of_a_card_is_found_at_its_field(enc, pad: bool, container: str, as_doc: bool,
                                                             before: str, form: str, noise: int) -> None:
    sep = {"plain": "", "spaced": " ", "dashed": "-"}[form]
    card = sep.join(VISA[i:i + 4] for i in range(0, 16, 4))
    text = json.dumps({"payment": {"pan": card}}) if as_doc else f"{before}{card} ok"
    value, path = _CONTAINERS[container](enc(text, pad), "note " + "n" * (noise % 7))
    rng = random.Random(noise)
    others = [json.dumps({"id": rng.randrange(10**6)}) for _ in range(3)]
    out, _ = _sweep({"payload": [*others, value]})
    ok = [(f, k, p) for f, k, p, _ in out] == [("payload", "3", path)]
    assert ok, f"not reported once at payload/3/{path}"  # never print the card
    assert "base64-encoded" in out[0][3] and card not in out[0][3]


def test_a_card_plain_and_encoded_in_one_value_is_one_violation_read_plain() -> None:
    out, _ = _sweep({"note": [f"{VISA} {_std(VISA)} {_url(VISA, pad=False)}", "x"]})
    assert [(f, k) for f, k, _, _ in out] == [("note", "0")]
    assert "base64" not in out[0][3]


def test_the_same_card_in_three_formats_on_one_line_is_one_violation() -> None:
    line = " ".join([VISA, "-".join(VISA[i:i + 4] for i in range(0, 16, 4)),
                     " ".join(VISA[i:i + 4] for i in range(0, 16, 4))])
    out, _ = _sweep({"line": ["2026-11-24 start", line, "done"]})
    assert [(f, k) for f, k, _, _ in out] == [("line", "1")] and VISA not in out[0][3]


def test_encoded_random_ids_at_chance_are_held_back_with_a_note() -> None:
    """Decoded runs are their own population: base64 documents of random 16-digit ids pass Luhn at chance."""
    rng = random.Random(3)
    ids = [str(rng.randrange(4 * 10**15, 5 * 10**15)) for _ in range(400)]
    out, notes = _sweep({"blob": [_std(json.dumps({"id": i})) for i in ids]})
    assert out == []
    assert len(notes) == 1 and "field blob" in notes[0] and "base64-encoded" in notes[0]
    assert not any(i in notes[0] for i in ids)


def test_every_source_kind_reports_the_encoded_card_at_its_field(tmp_path) -> None:
    """A CSV cell, a Parquet cell, a JSON-lines log field, a plain log token, a SQLite text and JSON column:
    each reported at the field (and path) that holds the encoded text, through each source's own read."""
    import sqlite3

    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.config import Config, PathSourceConfig, SqlSourceConfig
    from pipeline.engine.run import scan

    token, doc = _std(VISA), _url(json.dumps({"pay": {"pan": VISA}}), pad=False)
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "people.csv").write_text(f"id,blob\n1,hello\n2,{token}\n3,x\n")
    pq.write_table(pa.table({"id": [1, 2], "blob": ["x", doc]}), tmp_path / "files" / "cells.parquet")
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "app.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"ts": "2026-11-24T10:00:00Z", "msg": "hi"}, {"ts": "2026-11-24T10:00:01Z", "req": {"body": doc}}]) + "\n")
    (tmp_path / "logs" / "app.log").write_text(
        f"2026-11-24 10:00:00 INFO start\n2026-11-24 10:00:01 INFO auth token={token} ok\n")
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        db.execute("create table t (id integer primary key, note text, meta json)")
        db.executemany("insert into t values (?, ?, ?)", [(1, "x", "{}"), (2, token, "{}"),
                                                         (3, "y", json.dumps({"a": {"b": doc}}))])
    cfg = Config(as_of="2026-11-24", base_dir=tmp_path, sources=[
        PathSourceConfig(name="files", kind="files", path="files/*"),
        PathSourceConfig(name="logs", kind="logs", path="logs/*"),
        SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{tmp_path / 'db.sqlite'}")])
    report = scan(cfg)
    got = sorted((v.dataset, v.field, v.key, v.path) for v in report.violations if v.rule == "full_card_number")
    assert all("base64-encoded" in v.evidence and VISA not in v.evidence for v in report.violations)
    # keys: a CSV's line number, a Parquet row, a log's line number, the table's primary key
    assert got == [("app.jsonl", "req.body", "2", None), ("app.log", "message", "2", None),
                   ("cells.parquet", "blob", "2", None), ("people.csv", "blob", "3", None),
                   ("t", "meta", "3", "a.b"), ("t", "note", "2", None)]
