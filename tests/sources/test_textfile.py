"""TextFile's fast line reader (``lines``/``blocks``: large reads split into lines in C) equals
its reference (``lines_by_readline``: one readline per line), the lines before a damaged gzip's damage included."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.sources.base import SourceError
from pipeline.sources.textfile import TextFile

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Lines of a few shapes: short, empty, CRLF, a BOM, bytes that are no UTF-8, and long ones for small limits.
_line = st.one_of(st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")),
                  st.sampled_from([b"", b"\r", b"\xef\xbb\xbfbom", b"\xff\xfe", b"x" * 40, b"4111 1111 1111 1111"]))
_content = st.tuples(st.lists(_line, max_size=30), st.booleans()).map(
    lambda t: b"\n".join(t[0]) + (b"\n" if t[1] and t[0] else b""))


def _read(file: TextFile, how: str, **kw: object) -> tuple[list[tuple[int, bytes | None]], str | None]:
    """The lines one reader gives, and the error it ends with (a damaged gzip), if any."""
    out: list[tuple[int, bytes | None]] = []
    try:
        if how == "blocks":
            for block in file.blocks(7, **kw):  # type: ignore[arg-type]  # max_len / span
                out += block
        else:
            out += getattr(file, how)(**kw)
    except SourceError as exc:
        return out, exc.message
    return out, None


def _same(file: TextFile, **kw: object) -> None:
    want = _read(file, "lines_by_readline", **kw)
    assert _read(file, "lines", **kw) == want
    assert _read(file, "blocks", **kw) == want


@FAST
@given(data=_content, limit=st.integers(1, 20), packed=st.booleans(), chunk=st.integers(1, 64))
def test_lines_equal_the_readline_reference(tmp_path: Path, data: bytes, limit: int, packed: bool,
                                            chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # chunk: a tiny read size, so that lines, overlong lines and CRLFs straddle the reads
    monkeypatch.setattr("pipeline.sources.textfile.BLOCK_BYTES", chunk)
    path = tmp_path / ("f.gz" if packed else "f.log")
    path.write_bytes(gzip.compress(data) if packed else data)
    file = TextFile(path, path.name, "s")
    _same(file)
    _same(file, max_len=limit)
    for size in (1, 5, 17):  # byte ranges, as workers read them (a gzip file is one range)
        for span in file.byte_ranges(size):
            _same(file, span=span)
            _same(file, span=span, max_len=limit)


def test_blocks_hand_over_the_lines_of_large_reads_in_few_lists(tmp_path: Path) -> None:
    path = tmp_path / "a.log"
    path.write_bytes(b"".join(b"line %d\n" % i for i in range(100_000)))
    blocks = list(TextFile(path, "a.log", "s").blocks(1 << 16))
    assert 5 < len(blocks) < 50
    assert [n for b in blocks for n, _ in b] == list(range(1, 100_001))


def _incompressible(lines: int) -> bytes:
    rng = random.Random(7)  # random digits: truncating or flipping the file's bytes hits the stream
    return b"".join(b"%d %s\n" % (i, str(rng.getrandbits(200)).encode()) for i in range(lines))


@pytest.mark.parametrize("cut", [0.3, 0.7, 0.999])
def test_a_truncated_gzip_gives_the_reference_lines_then_fails(tmp_path: Path, cut: float) -> None:
    packed = gzip.compress(_incompressible(40_000))
    path = tmp_path / "t.log.gz"
    path.write_bytes(packed[: int(len(packed) * cut)])
    file = TextFile(path, "t.log.gz", "s")
    want = _read(file, "lines_by_readline")
    assert want[1] is not None and len(want[0]) > 1000
    assert _read(file, "lines") == want
    assert _read(file, "blocks") == want


@pytest.mark.parametrize("at", [0.2, 0.5, 0.8])
def test_a_gzip_damaged_inside_gives_the_reference_lines_then_fails(tmp_path: Path, at: float) -> None:
    packed = bytearray(gzip.compress(_incompressible(40_000)))
    i = int(len(packed) * at)
    packed[i : i + 8] = bytes(255 - b for b in packed[i : i + 8])  # a flipped stretch: corrupt, not short
    path = tmp_path / "d.log.gz"
    path.write_bytes(bytes(packed))
    file = TextFile(path, "d.log.gz", "s")
    want = _read(file, "lines_by_readline")
    assert want[1] is not None
    assert _read(file, "lines") == want
    assert _read(file, "blocks") == want
