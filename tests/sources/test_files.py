"""The files source kind: CSV/TSV, JSON lines and Parquet (pipeline/sources/files.py)."""

from __future__ import annotations

import gzip
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.sources import SourceError, kinds
from pipeline.sources.base import Dataset
from pipeline.sources.files import FilesSource
from pipeline.sources.textfile import BROKEN_LINE, INVALID_UTF8, SAMPLE_BYTES
from tests.sources.helpers import path_source, write

CASES = Path(__file__).parent.parent / "cases" / "sources"
CARD = "4111111111111111"  # the well-known VISA test number


def source(base: Path, path: str, exclude: tuple[str, ...] = ()) -> FilesSource:
    return path_source(FilesSource, "exports", base, path, exclude)


def only(base: Path, path: str) -> Any:
    (ds,) = source(base, path).datasets()
    return ds


def read_all(ds: Dataset, size: int = 1000) -> tuple[list[str], dict[str, list[Any]]]:
    """Keys and whole columns, checking every batch's alignment."""
    keys: list[str] = []
    columns: dict[str, list[Any]] = {}
    for batch in ds.batches(size):
        assert 0 < len(batch) <= size
        assert all(len(column) == len(batch.keys) for column in batch.columns.values())
        for f, column in batch.columns.items():
            columns.setdefault(f, [None] * len(keys)).extend(column)
        keys += batch.keys
    return keys, columns


def test_files_kind_registers_itself() -> None:
    assert kinds()["files"] is FilesSource


def test_csv_semicolon_dialect_and_quoted_newline() -> None:
    ds = only(CASES, "signups.csv")
    assert ds.name == "signups.csv"
    assert ds.fields() == ["id", "name", "note", "email"]
    keys, columns = read_all(ds)
    assert keys == ["2", "4", "5"]  # the header is line 1; the first record spans lines 2-3
    assert columns == {
        "id": ["1", "2", "3"],
        "name": ["Ana Silva", "Bo Chen", "Cy; Jr."],
        "note": ["first line\nsecond line", None, "plain"],
        "email": ["ana@example.com", "bo@example.org", "cy@example.net"],
    }
    assert ds.stats.records == 3 and ds.stats.skipped == {}


@pytest.mark.parametrize(
    ("name", "data", "fields", "keys", "first"),
    [
        # all-text columns: csv.Sniffer alone has no vote and would call the header data
        ("a.csv", b"name,email\nAna,ana@example.com\nBo,bo@x.org\n", ["name", "email"], ["2", "3"],
         {"name": "Ana", "email": "ana@example.com"}),
        ("b.csv", b"1,2,3\n4,5,6\n", ["c1", "c2", "c3"], ["1", "2"], {"c1": "1", "c2": "2", "c3": "3"}),
        ("c.csv", b"\xef\xbb\xbfid,card\r\n1,4111111111111111\r\n", ["id", "card"], ["2"], {"id": "1", "card": CARD}),
        ("d.tsv", b"id\tnote\n1\ta, b; c\n2\t\n", ["id", "note"], ["2", "3"], {"id": "1", "note": "a, b; c"}),
        ("e.csv", b"id|city\n1|Porto\n2|Braga\n", ["id", "city"], ["2", "3"], {"id": "1", "city": "Porto"}),
        ("f.csv.gz", b"\nid,city\n\n1,Porto\n2,Braga\n", ["id", "city"], ["4", "5"], {"id": "1", "city": "Porto"}),
        ("g.csv", b"id,,id\n1,x,2\n", ["id", "c2", "id.1"], ["2"], {"id": "1", "c2": "x", "id.1": "2"}),
        # the sniffer would take the apostrophe for the quote; the standard quote is kept
        ("h.csv", b"id,name\n7,'quoted'\n", ["id", "name"], ["2"], {"id": "7", "name": "'quoted'"}),
        ("single.csv", b"email\nana@example.com\n", ["email"], ["2"], {"email": "ana@example.com"}),
    ],
)
def test_csv_dialect_header_fields_and_keys(
    tmp_path: Path, name: str, data: bytes, fields: list[str], keys: list[str], first: dict[str, str]
) -> None:
    write(tmp_path / name, data, gz=name.endswith(".gz"))
    ds = only(tmp_path, name)
    assert ds.fields() == fields
    got_keys, columns = read_all(ds)
    assert got_keys == keys
    assert {f: columns[f][0] for f in fields} == first


def test_csv_empty_cells_are_none_and_values_stay_strings(tmp_path: Path) -> None:
    write(tmp_path / "x.csv", b"id,age,note\n1,15,\n2,,ok\n")
    _, columns = read_all(only(tmp_path, "x.csv"))
    assert columns == {"id": ["1", "2"], "age": ["15", None], "note": [None, "ok"]}


def test_csv_rows_with_the_wrong_cell_count_are_counted_and_kept_unparsed(tmp_path: Path) -> None:
    write(tmp_path / "x.csv", f"id,name\n1,Ana\n2,{CARD},extra\n3\n4,Bo\n".encode())
    ds = only(tmp_path, "x.csv")
    keys, columns = read_all(ds)
    assert keys == ["2", "3", "4", "5"]
    assert ds.stats.skipped == {BROKEN_LINE: 2}
    assert ds.stats.notes == [
        "line 3: 3 cells where the header has 2; kept as field unparsed",
        "line 4: 1 cells where the header has 2; kept as field unparsed",
    ]
    assert CARD not in repr(ds.stats)
    # the row that does not fit is not split over the header's fields, and the sweep still reads it
    assert columns["id"] == ["1", None, None, "4"]
    assert CARD in columns["unparsed"][1] and columns["unparsed"][2] == "3"
    assert ds.fields() == ["id", "name", "unparsed"]


def test_csv_invalid_utf8_is_counted_and_the_digits_kept(tmp_path: Path) -> None:
    write(tmp_path / "x.csv", b"name,card\nJos\xe9," + CARD.encode() + b"\nAna,1\n")
    ds = only(tmp_path, "x.csv")
    keys, columns = read_all(ds)
    assert keys == ["2", "3"]
    assert columns["name"][0] == "Jos\ufffd"
    assert columns["card"][0] == CARD
    assert ds.stats.skipped == {INVALID_UTF8: 1}


def test_csv_field_longer_than_the_csv_module_default_is_read(tmp_path: Path) -> None:
    long = "x" * 300_000  # csv's own default limit is 131072
    write(tmp_path / "x.csv", f"id,blob\n1,{long}\n".encode())
    _, columns = read_all(only(tmp_path, "x.csv"))
    assert columns["blob"] == [long]


def test_csv_sample_spreads_over_a_large_file(tmp_path: Path) -> None:
    rows = SAMPLE_BYTES // 30 * 2  # about twice what sample() reads
    write(tmp_path / "big.csv", ("id,pad\n" + "".join(f"{i},{'p' * 20}\n" for i in range(rows))).encode())
    ids = [int(v) for v in only(tmp_path, "big.csv").sample(20)["id"]]
    assert len(ids) == 20 and ids == sorted(ids)
    assert ids[0] < rows // 10 and ids[-1] > rows * 9 // 10


def test_csv_sample_with_multiline_records_never_starts_inside_one(tmp_path: Path) -> None:
    rows = SAMPLE_BYTES // 30 * 2
    body = "".join(f'{i},"a\nb {i}"\n' for i in range(rows))
    write(tmp_path / "big.csv", f"id,note\n{body}".encode())
    sample = only(tmp_path, "big.csv").sample(50)
    assert len(sample["id"]) == 50
    assert all(note.startswith("a\nb ") for note in sample["note"])


@pytest.mark.parametrize("name", ["events.jsonl", "events.ndjson", "events.jsonl.gz"])
def test_json_lines_files_flatten_to_dotted_paths(tmp_path: Path, name: str) -> None:
    data = b'{"user": {"email": "ana@example.com"}, "geo": {"lat": 38.7}, "tags": ["a"]}\n\n{"user": {"age": 15}}\n'
    write(tmp_path / name, data, gz=name.endswith(".gz"))
    ds = only(tmp_path, name)
    keys, columns = read_all(ds)
    assert keys == ["1", "3"]
    assert columns == {
        "user.email": ["ana@example.com", None],
        "geo.lat": [38.7, None],
        "tags": ['["a"]', None],
        "user.age": [None, 15],
    }


def _parquet(path: Path, rows: int = 10) -> None:
    table = pa.table(
        {
            "id": list(range(100, 100 + rows)),
            "user": [{"email": f"u{i}@example.com", "geo": {"lat": i / 10}} for i in range(rows)],
            "tags": [["a", str(i)] if i % 2 else None for i in range(rows)],
            "card": [CARD if i == 7 else None for i in range(rows)],
        }
    )
    pq.write_table(table, path, row_group_size=4)


def test_parquet_round_trip(tmp_path: Path) -> None:
    _parquet(tmp_path / "users.parquet")
    ds = only(tmp_path, "users.parquet")
    assert ds.fields() == ["id", "user.email", "user.geo.lat", "tags", "card"]
    batches = list(ds.batches(3))
    assert [b.keys for b in batches][:2] == [["1", "2", "3"], ["4", "5", "6"]]
    keys, columns = read_all(ds, 3)
    assert keys == [str(i) for i in range(1, 11)]  # 1-based row numbers
    assert columns["id"] == list(range(100, 110))
    assert columns["user.email"][2] == "u2@example.com"
    assert columns["user.geo.lat"][5] == 0.5
    assert columns["tags"][:2] == [None, '["a","1"]']  # a list is one field, compact JSON
    assert columns["card"][7] == CARD and columns["card"].count(None) == 9
    assert ds.stats.records == 10
    sample = ds.sample(5)
    assert sample["card"] == [CARD]
    assert len(sample["id"]) == 5 and set(sample) == set(ds.fields())


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.parquet", b"PAR1 not really parquet", "not a readable Parquet file"),
        ("notes.txt", b"hello\n", "unsupported extension '.txt'; supported: .csv, .tsv, .jsonl, .ndjson"),
        ("README", b"hello\n", "unsupported extension '(none)'"),
        ("users.parquet.gz", b"x", "gzipped Parquet"),
    ],
)
def test_a_file_that_cannot_be_read_fails_naming_it_and_the_rest_is_read(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    write(tmp_path / name, data)
    write(tmp_path / "ok.csv", b"id\n1\n")
    datasets = {ds.name: ds for ds in source(tmp_path, "*").datasets()}
    assert set(datasets) == {name, "ok.csv"}
    for read in (lambda ds: ds.fields(), lambda ds: ds.sample(5), lambda ds: list(ds.batches(10))):
        with pytest.raises(SourceError) as err:
            read(datasets[name])
        assert err.value.dataset == name and name in str(err.value)
        assert message in str(err.value)
    assert read_all(datasets["ok.csv"])[0] == ["2"]


def test_a_truncated_csv_gzip_fails_naming_the_file(tmp_path: Path) -> None:
    rng = random.Random(3)
    body = "id,token\n" + "".join(f"{i},{rng.getrandbits(64):x}\n" for i in range(30_000))
    packed = gzip.compress(body.encode())
    write(tmp_path / "signups.csv.gz", packed[: len(packed) // 2])
    ds = only(tmp_path, "*.gz")
    keys: list[str] = []
    with pytest.raises(SourceError, match=r"signups\.csv\.gz.*not a readable gzip file"):
        for batch in ds.batches(500):
            keys += batch.keys
    assert keys[:2] == ["2", "3"] and len(keys) > 500


def test_a_path_matching_no_file_fails_at_datasets(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="matches no file") as err:
        source(tmp_path, "exports/*.csv").datasets()
    assert err.value.source == "exports"


def test_small_batches_keep_alignment(tmp_path: Path) -> None:
    write(tmp_path / "x.csv", ("id,name\n" + "".join(f"{i},n{i}\n" for i in range(1, 8))).encode())
    ds = only(tmp_path, "x.csv")
    batches = list(ds.batches(3))
    assert [b.keys for b in batches] == [["2", "3", "4"], ["5", "6", "7"], ["8"]]
    assert batches[1].columns == {"id": ["4", "5", "6"], "name": ["n4", "n5", "n6"]}
    assert ds.stats.records == 7


def test_parquet_with_non_utf8_column_path_fails_as_source_error() -> None:
    # Found by the parquet fuzz target (fuzz/targets.py): pyarrow raised UnicodeDecodeError, which escaped
    # the reader and would have ended a scan.
    from fuzz.harness import read_parquet

    data = (Path(__file__).parents[1] / "cases" / "sources" / "fuzz-parquet-non-utf8-column-path.parquet").read_bytes()
    assert read_parquet(data) == -1  # refused with SourceError, naming the file
