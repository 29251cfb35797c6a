"""The logs source kind: format detection, names, keys and robustness (pipeline/sources/logs.py)."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Any

import pytest

from pipeline.sources import SourceError, kinds
from pipeline.sources.base import Dataset
from pipeline.sources.logs import (
    ACCESS,
    ACCESS_FIELDS,
    JSONL,
    PLAIN,
    TEXT_NOT_READ,
    UNPARSED,
    LogsSource,
    message_of,
)
from pipeline.sources.textfile import (
    BROKEN_LINE,
    INVALID_UTF8,
    LINE_TOO_LONG,
    MAX_LINE_BYTES,
    SAMPLE_BYTES,
)
from tests.sources.helpers import path_source, write

CASES = Path(__file__).parent.parent / "cases" / "sources"
CARD = "4111111111111111"  # the well-known VISA test number

COMBINED = '203.0.113.7 - alice [24/Nov/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 512 "https://r.example/" "UA/1.0"'
COMMON = '203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 -'


def source(base: Path, path: str, exclude: tuple[str, ...] = ()) -> LogsSource:
    return path_source(LogsSource, "web_logs", base, path, exclude)


def only(base: Path, path: str) -> Any:
    (ds,) = source(base, path).datasets()
    return ds


def read_all(ds: Dataset, size: int = 1000) -> tuple[list[str], list[dict[str, Any]]]:
    """Keys and records (non-null fields only), checking every batch's alignment."""
    keys: list[str] = []
    records: list[dict[str, Any]] = []
    for batch in ds.batches(size):
        assert 0 < len(batch) <= size
        assert all(len(column) == len(batch.keys) for column in batch.columns.values())
        keys += batch.keys
        records += [{f: c[i] for f, c in batch.columns.items() if c[i] is not None} for i in range(len(batch))]
    return keys, records


def test_logs_kind_registers_itself() -> None:
    assert kinds()["logs"] is LogsSource


@pytest.mark.parametrize(
    ("lines", "fmt", "fields"),
    [
        ([COMBINED] * 3, ACCESS, list(ACCESS_FIELDS)),
        ([COMMON] * 3, ACCESS, list(ACCESS_FIELDS)),
        ([COMBINED, COMMON, "not an access line"], ACCESS, list(ACCESS_FIELDS)),
        (['{"a": 1, "b": {"c": 2}}', '{"a": 3}'], JSONL, ["a", "b.c"]),
        (['{"a": 1}', '{"a": 2}', "{broken"], JSONL, ["a"]),
        # near-misses: a minority of JSON or access lines does not make the file that format
        (['{"a": 1}', "plain", "text"], PLAIN, ["message"]),
        ([COMBINED, "plain", "text"], PLAIN, ["message"]),
        (["[1, 2]", "[3]"], PLAIN, ["message"]),  # JSON, but not objects
        (["2026-11-24T10:00:00Z INFO started"], PLAIN, ["message"]),
        ([], PLAIN, ["message"]),
    ],
)
@pytest.mark.parametrize("gz", [False, True])
def test_format_is_detected_per_file(tmp_path: Path, lines: list[str], fmt: str, fields: list[str], gz: bool) -> None:
    write(tmp_path / "x.log", "".join(f"{line}\n\n" for line in lines).encode(), gz=gz)
    ds = only(tmp_path, "x.log")
    assert ds.format == fmt
    assert ds.fields() == fields


def test_one_folder_mixes_formats(tmp_path: Path) -> None:
    for name in ("access.log", "app.jsonl", "app.log"):
        write(tmp_path / name, (CASES / name).read_bytes())
    formats = {ds.name: ds.format for ds in source(tmp_path, "*").datasets()}
    assert formats == {"access.log": ACCESS, "app.jsonl": JSONL, "app.log": PLAIN}


def test_access_log_fields_keys_and_values() -> None:
    ds = only(CASES, "access.log")
    keys, records = read_all(ds)
    assert keys == ["1", "2", "4", "5", "6"]  # line 3 blank; line 4 broken, kept whole in `unparsed`
    assert records[0] == {
        "remote_addr": "203.0.113.7",
        "remote_user": "alice",
        "time_local": "24/Nov/2026:10:00:00 +0000",
        "request": f"GET /pay?card={CARD} HTTP/1.1",
        "status": "200",
        "body_bytes_sent": "512",
        "http_referer": "https://shop.example/",
        "http_user_agent": "Mozilla/5.0 (X11; Linux x86_64)",
    }
    # "-" is None: remote_user, body_bytes_sent, referer
    assert records[1] == {
        "remote_addr": "203.0.113.8",
        "time_local": "24/Nov/2026:10:00:01 +0000",
        "request": "POST /login HTTP/1.1",
        "status": "302",
        "http_user_agent": "curl/8.0",
    }
    # a broken line is counted, and its text kept in one field so that the sweep still reads it
    assert records[2] == {UNPARSED: "this line is not an access-log line"}
    # common format: no referer, no user agent; an escaped quote stays inside the request
    assert records[3]["request"] == 'GET /q?s=\\"quoted\\" HTTP/1.0'
    assert "http_referer" not in records[3] and "http_user_agent" not in records[3]
    assert records[4]["remote_addr"] == "2001:db8::1"
    # the trailing "$http_x_forwarded_for" has no nginx field of its own: counted, and kept in `unparsed`
    assert records[4][UNPARSED] == '"10.0.0.1"'
    assert ds.stats.records == 5
    assert ds.stats.skipped == {BROKEN_LINE: 1, TEXT_NOT_READ: 1}
    assert ds.stats.notes == ["line 4: not in the access-log format, kept as field unparsed"]


def test_json_lines_flatten_to_dotted_paths() -> None:
    ds = only(CASES, "app.jsonl")
    keys, records = read_all(ds)
    assert keys == ["1", "2", "4", "5"]  # line 3 blank; line 4 broken JSON, kept in `unparsed`
    assert records[0] == {
        "ts": "2026-11-24T10:00:00Z",
        "user.email": "ana@example.com",
        "user.address.city": "Lisbon",
        "geo.lat": 38.7,
        "geo.lon": -9.1,
    }
    assert records[1]["items"] == '[{"sku":"A1"},{"sku":"B2"}]'  # a list is one field, compact JSON
    assert records[1]["ok"] is True
    assert list(records[2]) == [UNPARSED]
    assert records[3] == {"ts": "2026-11-24T10:00:03Z", "retries": 3}  # an empty object gives no field
    assert ds.fields()[:7] == ["ts", "user.email", "user.address.city", "geo.lat", "geo.lon", "items", "ok"]
    assert sorted(ds.fields()[7:]) == ["retries", UNPARSED]
    assert ds.stats.skipped == {BROKEN_LINE: 1}
    assert ds.stats.notes == ["line 4: not a JSON object, kept as field unparsed"]


def test_plain_text_message_drops_timestamp_and_level() -> None:
    keys, records = read_all(only(CASES, "app.log"))
    assert keys == ["1", "2", "3", "4", "5"]
    assert [r["message"] for r in records] == [
        f"checkout paid with card {CARD}",
        "retrying payment",
        "gateway timeout",
        "web1 sshd[42]: Accepted publickey for deploy",
        "a line with no timestamp",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("2026-11-24T10:00:00Z INFO user signed up", "user signed up"),
        ("2026-11-24T10:00:00.123+01:00 [debug] cache miss", "cache miss"),
        ("2026-11-24 10:00:00,123 ERROR boom", "boom"),
        ("[2026-11-24 10:00:00] WARNING: disk low", "disk low"),
        ("[Tue Nov 24 10:00:00.123 2026] [error] oops", "oops"),
        ("2026/11/24 10:00:00 [error] 12#0: upstream timed out", "12#0: upstream timed out"),
        ("Nov 24 10:00:00 host app[7]: hello", "host app[7]: hello"),
        ("<34>1 2026-11-24T10:00:00Z host app - hi", "host app - hi"),
        ("ERROR no timestamp", "no timestamp"),
        ("2026-11-24T10:00:00Z", None),
        # near-misses: kept whole
        ("2010-05-01 born; a date without a time is data", "2010-05-01 born; a date without a time is data"),
        ("info is lower case here", "info is lower case here"),
        ("INFORMATION desk", "INFORMATION desk"),
        (f"card {CARD} at 10:00", f"card {CARD} at 10:00"),
        ("[note] 10:00 meeting", "[note] 10:00 meeting"),
    ],
)
def test_message_of(line: str, message: str | None) -> None:
    assert message_of(line) == message


def test_keys_are_physical_lines_of_the_decompressed_file(tmp_path: Path) -> None:
    write(tmp_path / "api.log.2.gz", b"\n" + f"{COMBINED}\n\n\n{COMMON}\n".encode() * 2, gz=True)
    ds = only(tmp_path, "*.gz")
    assert ds.name == "api.log.2.gz"
    keys, _ = read_all(ds)
    assert keys == ["2", "5", "6", "9"]


def test_gzip_is_told_by_magic_bytes_not_extension(tmp_path: Path) -> None:
    write(tmp_path / "rotated.log", b"hello\n", gz=True)
    write(tmp_path / "plain.gz", b"world\n")
    got = {ds.name: read_all(ds)[1] for ds in source(tmp_path, "*").datasets()}
    assert got == {"plain.gz": [{"message": "world"}], "rotated.log": [{"message": "hello"}]}


def test_dataset_names_are_base_names_unless_they_clash(tmp_path: Path) -> None:
    for rel in ("a/app.log", "b/app.log", "b/api.log", "c/old.log"):
        write(tmp_path / "logs" / rel, b"x\n")
    names = [ds.name for ds in source(tmp_path, "logs/*/*.log", exclude=("old.*",)).datasets()]
    assert names == ["a/app.log", "api.log", "b/app.log"]  # only the clashing ones get a folder
    names = [ds.name for ds in source(tmp_path, "logs/*/*.log", exclude=("b/*",)).datasets()]
    assert names == ["app.log", "old.log"]
    names = [ds.name for ds in source(tmp_path, "logs/**/*.log", exclude=("logs/a/*",)).datasets()]
    assert names == ["api.log", "app.log", "old.log"]
    names = [ds.name for ds in source(tmp_path, str(tmp_path / "logs/b/app.log")).datasets()]
    assert names == ["app.log"]


@pytest.mark.parametrize(
    ("path", "exclude", "message"),
    [
        ("missing/*.log", (), "matches no file; check the path (relative paths are resolved against"),
        ("logs", (), "matches no file"),  # a folder is not a file
        ("logs/*", ("*.log",), "but exclude ['*.log'] removes them all"),
    ],
)
def test_a_path_matching_no_file_fails_at_datasets(
    tmp_path: Path, path: str, exclude: tuple[str, ...], message: str
) -> None:
    write(tmp_path / "logs" / "a.log", b"x\n")
    with pytest.raises(SourceError) as err:
        source(tmp_path, path, exclude).datasets()
    assert err.value.source == "web_logs"
    assert message in str(err.value)
    assert str(tmp_path / path) in str(err.value)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (b"paid \xff\xfe with " + CARD.encode() + b" ok", "message"),
        (b'{"note": "paid \xe9 with ' + CARD.encode() + b'"}', "note"),
        (b'203.0.113.7 - - [24/Nov/2026:10:00:00 +0000] "GET /?c=' + CARD.encode() + b'\xc3" 200 1', "request"),
    ],
)
def test_invalid_utf8_is_counted_and_the_line_kept(tmp_path: Path, line: bytes, field: str) -> None:
    write(tmp_path / "x.log", line + b"\n")
    ds = only(tmp_path, "x.log")
    keys, records = read_all(ds)
    assert keys == ["1"]
    assert CARD in records[0][field]
    assert "\ufffd" in records[0][field]
    assert ds.stats.skipped == {INVALID_UTF8: 1}
    assert CARD in ds.sample(5)[field][0]


@pytest.mark.parametrize("gz", [False, True])
def test_too_long_lines_are_counted_and_skipped(tmp_path: Path, gz: bool) -> None:
    huge = b"9" * (MAX_LINE_BYTES + 10)
    longest = b"x" * MAX_LINE_BYTES  # exactly at the limit: kept
    write(tmp_path / "x.log", b"first\n" + huge + b"\nthird\n" + longest + b"\n" + huge, gz=gz)
    ds = only(tmp_path, "x.log")
    keys, records = read_all(ds)
    assert keys == ["1", "3", "4"]
    assert records[1] == {"message": "third"}
    assert ds.stats.skipped == {LINE_TOO_LONG: 2}
    assert ds.stats.notes == [f"line {n}: longer than {MAX_LINE_BYTES} bytes, skipped" for n in (2, 5)]
    assert ds.sample(10)["message"][:2] == ["first", "third"]


def test_broken_lines_never_quote_their_content(tmp_path: Path) -> None:
    lines = [json.dumps({"n": i}) for i in range(5)] + [f'{{"card": "{CARD}"', f"card {CARD}"]
    write(tmp_path / "x.jsonl", "\n".join(lines).encode())
    ds = only(tmp_path, "x.jsonl")
    keys, records = read_all(ds)
    assert keys == ["1", "2", "3", "4", "5", "6", "7"]
    assert ds.stats.skipped == {BROKEN_LINE: 2}
    assert ds.stats.notes == ["line 6: not a JSON object, kept as field unparsed",
                              "line 7: not a JSON object, kept as field unparsed"]
    assert CARD not in repr(ds.stats)
    # the card pasted into a broken line is still there for the sweep
    assert CARD in records[6][UNPARSED]


def _noisy_lines(n: int) -> bytes:
    rng = random.Random(7)  # incompressible enough that truncating the file cuts the stream
    return "".join(f"line {i} {rng.getrandbits(64):x}\n" for i in range(1, n + 1)).encode()


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_gzip_fails_naming_the_file_after_the_lines_before(tmp_path: Path, cut: float) -> None:
    packed = gzip.compress(_noisy_lines(40_000))
    write(tmp_path / "api.log.2.gz", packed[: int(len(packed) * cut)])
    ds = only(tmp_path, "*.gz")
    keys: list[str] = []
    with pytest.raises(SourceError) as err:
        for batch in ds.batches(1000):
            keys += batch.keys
    assert err.value.dataset == "api.log.2.gz"
    assert "api.log.2.gz" in str(err.value)
    assert "not a readable gzip file (truncated or corrupt)" in str(err.value)
    assert len(keys) > 1000 and keys == [str(i) for i in range(1, len(keys) + 1)]
    assert ds.stats.records == len(keys)
    with pytest.raises(SourceError, match="api.log.2.gz"):
        ds.sample(10)


def test_garbage_after_gzip_magic_fails_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path / "x.log.gz", b"\x1f\x8b" + bytes(range(200)))
    ds = only(tmp_path, "*.gz")
    with pytest.raises(SourceError, match=r"x\.log\.gz.*not a readable gzip file"):
        ds.fields()


def test_small_batches_stay_aligned_and_a_late_field_is_none_before(tmp_path: Path) -> None:
    lines = [{"a": i} for i in range(1, 8)]
    lines[3]["late"] = "x"  # first seen on line 4
    write(tmp_path / "x.jsonl", "\n".join(json.dumps(line) for line in lines).encode())
    ds = only(tmp_path, "x.jsonl")
    batches = list(ds.batches(3))
    assert [b.keys for b in batches] == [["1", "2", "3"], ["4", "5", "6"], ["7"]]
    assert batches[1].columns == {"a": [4, 5, 6], "late": ["x", None, None]}
    assert batches[2].columns == {"a": [7]}
    assert ds.stats.records == 7
    assert ds.fields() == ["a", "late"]
    list(ds.batches(3))
    assert ds.stats.records == 7  # stats describe one pass, not the sum of passes


def test_sample_spreads_over_a_large_file(tmp_path: Path) -> None:
    n_lines = SAMPLE_BYTES // 40 * 2  # about twice what sample() reads
    write(tmp_path / "big.log", "".join(f"entry {i:09d} {'.' * 24}\n" for i in range(n_lines)).encode())
    values = only(tmp_path, "big.log").sample(20)["message"]
    assert len(values) == 20
    positions = [int(v.split()[1]) for v in values]
    assert positions == sorted(positions)
    assert positions[0] < n_lines // 10 and positions[-1] > n_lines * 9 // 10


def test_sample_of_a_gzip_reads_its_head_only(tmp_path: Path) -> None:
    n_lines = SAMPLE_BYTES // 40 * 2
    body = "".join(f"entry {i:09d} {'.' * 24}\n" for i in range(n_lines)).encode()
    write(tmp_path / "big.log.gz", body, gz=True)
    values = only(tmp_path, "*.gz").sample(20)["message"]
    assert len(values) == 20
    assert max(int(v.split()[1]) for v in values) <= SAMPLE_BYTES // 40 + 1


def test_sample_gives_every_known_field_non_null_values(tmp_path: Path) -> None:
    write(tmp_path / "x.jsonl", b'{"a": null, "b": 1}\n{"a": null, "b": 2}\n{"c": [1]}\n')
    assert only(tmp_path, "x.jsonl").sample(1) == {"a": [], "b": [1], "c": ["[1]"]}


def test_symlink_loop_reads_each_real_file_once(tmp_path: Path) -> None:
    # Issue 11: a symlink loop under a ** glob turned one 4-line file into 41 datasets and one card into
    # 41 violations. Each real file is read once, named by its shortest path.
    root = tmp_path / "logs"
    write(root / "app" / "app.log", b"one\ntwo\nthree\nfour\n")
    (root / "app" / "loop").symlink_to(root, target_is_directory=True)
    (root / "same.log").symlink_to(root / "app" / "app.log")  # a second path to the same file
    src = path_source(LogsSource, "logs", tmp_path, "logs/**/*.log")
    assert [(d.name, str(d._file.path)) for d in src.datasets()] == [("app.log", str(root / "app" / "app.log"))]
