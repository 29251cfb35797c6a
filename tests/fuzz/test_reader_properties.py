"""Property tests (Hypothesis): no input makes a reader raise anything but its own error type (SourceError),
and the JSON walker and flattener raise nothing at all (fuzz/harness.py states the promises)."""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fuzz.harness import read_csv, read_jsonl, read_log, read_parquet, walk_json
from fuzz.seeds import seeds

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_text_lines = st.lists(st.text(st.characters(codec="utf-8"), max_size=80), max_size=12).map(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                     max_leaves=20)
_jsonl = st.lists(_json, max_size=6).map(lambda docs: "\n".join(json.dumps(d) for d in docs).encode())


def _mutated(target: str) -> st.SearchStrategy[bytes]:
    """A seed file with bytes flipped, cut or appended: damaged files, not only random noise."""
    def mutate(seed: bytes, at: int, junk: bytes, cut: bool) -> bytes:
        i = at % (len(seed) + 1)
        return seed[:i] + junk if cut else seed[:i] + junk + seed[i + len(junk):]

    return st.builds(mutate, st.sampled_from(seeds(target)), st.integers(0, 1 << 16), st.binary(max_size=16),
                     st.booleans())


@FAST
@given(st.one_of(st.binary(max_size=512), _text_lines, _jsonl, _mutated("log"),
                 _text_lines.map(gzip.compress), _mutated("log").map(gzip.compress)))
def test_log_reader_raises_only_source_error(data: bytes) -> None:
    read_log(data)


@FAST
@given(st.one_of(_jsonl, st.binary(max_size=512), _mutated("jsonl"), _jsonl.map(gzip.compress)))
def test_jsonl_reader_raises_only_source_error(data: bytes) -> None:
    read_jsonl(data)


@FAST
@given(st.one_of(st.binary(max_size=512), _text_lines, _mutated("csv")))
def test_csv_reader_raises_only_source_error(data: bytes) -> None:
    read_csv(data)


@FAST
@given(st.one_of(st.binary(max_size=256), _mutated("parquet")))
def test_parquet_reader_raises_only_source_error(data: bytes) -> None:
    read_parquet(data)


@FAST
@given(st.one_of(_json.map(lambda d: json.dumps(d).encode()), st.binary(max_size=256),
                 st.integers(1, 5000).map(lambda n: (b'{"a":' * n + b"1" + b"}" * n)),
                 st.integers(1, 5000).map(lambda n: (b"[" * n + b"]" * n))))
def test_json_walker_raises_nothing(data: bytes) -> None:
    walk_json(data)


@FAST
@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=60), st.booleans(),
       st.integers(1, 120))
def test_byte_ranges_split_a_file_into_exactly_its_lines(lines: list[bytes], last_newline: bool, size: int) -> None:
    import tempfile
    from pathlib import Path

    from pipeline.sources.textfile import TextFile

    data = b"\n".join(lines) + (b"\n" if last_newline and lines else b"")
    assume(not data.startswith(b"\x1f\x8b"))  # gzip's magic: the reader opens it as gzip (tested elsewhere)
    with tempfile.NamedTemporaryFile(suffix=".log") as f:
        f.write(data)
        f.flush()
        file = TextFile(Path(f.name), "x.log", "fuzz")
        whole = list(file.lines())
        parts = [list(file.lines(span=r)) for r in file.byte_ranges(size)]
    assert [x for p in parts for x in p] == whole
