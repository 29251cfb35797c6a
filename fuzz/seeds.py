"""Seed inputs per fuzz target: small valid files, so that the fuzzer starts past the formats' magic."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

CARD = "4111111111111111"


def _parquet() -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"email": ["a@example.com", None], "geo": [{"lat": 1.5, "lng": 2.0}, None],
                      "tags": [["x", "y"], []], "note": [f"card {CARD}", "ok"]})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def seeds(target: str) -> list[bytes]:
    jsonl = "\n".join(json.dumps(r) for r in ({"user": {"email": "a@example.com"}, "msg": f"card {CARD}"},
                                              {"ip": "10.0.0.1", "tags": [1, {"a": None}]})).encode() + b"\n"
    access = (b'10.0.0.1 - - [24/Nov/2026:10:00:00 +0000] "GET /?c=' + CARD.encode() +
              b' HTTP/1.1" 200 12 "-" "curl/8"\n')
    plain = b"2026-11-24 10:00:00 INFO paid with " + CARD.encode() + b"\n"
    csv = b"name,email,note\nAna,a@example.com,\"line\nbreak\"\nBo,b@example.com," + CARD.encode() + b"\n"
    return {
        "log": [jsonl, access, plain, gzip.compress(plain)],
        "jsonl": [jsonl, gzip.compress(jsonl)],
        "csv": [csv, csv.replace(b",", b";"), gzip.compress(csv)],
        "parquet": [_parquet()],
        "json_walker": [jsonl.splitlines()[0], b'[{"a":[1,2,{"b":"c"}]}]', b'{"a":' * 70 + b"1" + b"}" * 70],
    }[target]


def write_corpus(target: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(seeds(target)):
        (folder / f"seed-{i}").write_bytes(data)
    return folder
