"""Whole-block reads of a log (LogFile._whole_block: one decode, one split, map() over the lines; JSON lines
through JSON's C scanner, lines of one shape flattened column by column; access-log lines through one
findall) equal the line-by-line read they
replace, batch for batch, and the full read's sweep; Hypothesis draws the lines (objects nested or flat, of
one shape or not, broken, blank, padded, CRLF, too deep, bad bytes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import DataObject

from pipeline.sources.base import ReadPlan
from pipeline.sources.logs import _ACCESS, LogFile, LogsSource, _access_groups
from tests.sources.helpers import path_source, write
from tests.sources.test_flatten import _SHAPES, records_of
from tests.sources.test_prefilter import _sweep

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CARD = "4111111111111111"

_digits = st.sampled_from([CARD, "1234567890123456", "9" * 15 + "4", "4111 1111 1111 1111", "12", "x"])
_scalar = st.one_of(_digits, st.integers(-(10**20), 10**20), st.none(), st.booleans(), st.text(max_size=6),
                    st.floats(allow_nan=False, allow_infinity=False))
_doc = st.recursive(_scalar, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
    st.sampled_from(["a", "b", "user", "n", "a.b"]), kids, max_size=3), max_leaves=8)
_object = st.dictionaries(st.sampled_from(["msg", "user", "ip", "n", "late"]), _doc, min_size=1, max_size=4)
_line = st.one_of(
    _object.map(json.dumps),
    _object.map(json.dumps),
    _object.map(lambda d: " " + json.dumps(d)),  # space before the object
    _object.map(lambda d: json.dumps(d) + " "),  # space after it
    _object.map(lambda d: json.dumps(d) + "\r"),  # CRLF
    st.sampled_from(["", "   ", "{broken 4111111111111111", "[1, 2]", '"4111111111111111"',
                     '{"a": 1} {"b": 2}', '{"deep": ' + "[" * 5000 + "]" * 5000 + "}",
                     '{"n": "\\u0034111111111111111"}', '{"x": NaN, "n": 4111111111111111}']),
)


def _read(ds: LogFile, size: int) -> list[tuple[list[str], dict[str, list[Any]], int]]:
    return [(b.keys, b.columns, b.left_out) for b in ds.part_batches(size, None, ReadPlan(candidates_only=True))]


def _both(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, size: int) -> tuple[Any, Any]:
    """(whole-block read, line-by-line read): batches, stats and fields of each."""
    out = []
    for whole in (True, False):
        with monkeypatch.context() as m:
            if not whole:
                m.setattr(LogFile, "_whole_block", lambda self, block: None)
            ds = next(path_source(LogsSource, "logs", tmp_path, name).datasets())
            out.append((_read(ds, size), ds.stats.records, dict(ds.stats.skipped), list(ds.stats.notes),
                        ds.fields()))
    return out[0], out[1]


@FAST
@given(lines=st.lists(_line, min_size=1, max_size=40), dense=st.booleans(), size=st.integers(1, 9))
def test_whole_json_blocks_equal_the_line_by_line_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       lines: list[str], dense: bool, size: int) -> None:
    if dense:  # a candidate on every line: every block is read whole where it can be
        lines = [line[:-1] + f', "order": {CARD[:-1]}2}}' if line.startswith("{") and line.endswith("}")
                 else line for line in lines]
    write(tmp_path / "app.jsonl", ("\n".join(lines) + "\n").encode())
    whole, by_line = _both(tmp_path, "app.jsonl", monkeypatch, size)
    assert whole == by_line


@FAST
@given(shape=st.dictionaries(st.sampled_from(["msg", "user", "n", "a.b"]), _SHAPES, min_size=1, max_size=4),
       data=st.data(), size=st.integers(1, 9))
def test_json_lines_of_one_shape_equal_the_line_by_line_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              shape: dict[str, Any], data: DataObject,
                                                              size: int) -> None:
    """The usual log: every line written by one statement (flatten_columns' case), an odd line now and then."""
    objs = data.draw(st.lists(records_of(shape), min_size=1, max_size=30))
    lines = [json.dumps({**o, "order": int(CARD[:-1] + "2")}) for o in objs]  # a candidate on every line
    if data.draw(st.booleans()):
        lines.insert(data.draw(st.integers(0, len(lines))), data.draw(_line))
    write(tmp_path / "app.jsonl", ("\n".join(lines) + "\n").encode())
    whole, by_line = _both(tmp_path, "app.jsonl", monkeypatch, size)
    assert whole == by_line


def test_a_dense_json_log_is_read_whole_and_sweeps_as_a_full_read(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"ts": f"2026-11-24T10:00:{i % 60:02d}Z", "user": {"id": i, "phone": "+91 98765 43210"},
                         "msg": f"order {1234567890123400 + i}"}) for i in range(60)]
    lines[7] = json.dumps({"user": {"card": CARD}, "msg": "paid", "extra": [1, 2]})
    lines[40] = "{broken " + CARD
    lines[50] = ""  # another block: a blank line is left to the line-by-line read before the JSON check
    write(tmp_path / "app.jsonl", ("\n".join(lines) + "\n").encode())
    calls: list[bool] = []
    real = LogFile._whole_json_block

    def spy(self: LogFile, block: Any, texts: Any) -> Any:
        out = real(self, block, texts)
        calls.append(out is not None)
        return out

    monkeypatch.setattr(LogFile, "_whole_json_block", spy)
    fast, _ = _sweep(next(path_source(LogsSource, "logs", tmp_path, "app.jsonl").datasets()),
                     ReadPlan(candidates_only=True))
    full, _ = _sweep(next(path_source(LogsSource, "logs", tmp_path, "app.jsonl").datasets()), None)
    assert fast == full
    assert ("user.card", "8") in [(f, k) for f, k, _, _ in full["violations"]]
    assert True in calls and False in calls  # blocks read whole, and the broken line's block line by line



_field = st.lists(st.sampled_from(["GET", "/a", " ", '"', '\\"', "\\", "-", "]", "[", CARD, "x y", "\u00a0", "\x85"]),
                  max_size=5).map("".join)


def _access_lines(request: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Access-log lines: mostly the combined format (text after it now and then), the common format, broken."""
    combined = st.builds(
        lambda req, ref, ua, tail: f'10.0.0.1 - - [24/Nov/2026:10:00:00 +0530] "{req}" 200 512 "{ref}" "{ua}"{tail}',
        request, _field, _field, st.sampled_from(["", "", "", " ", ' "10.1.1.1"', '"']))
    return st.one_of(
        combined, combined, combined, combined, combined,
        request.map(lambda req: f'10.0.0.1 - - [24/Nov/2026:10:00:00 +0530] "{req}" 404 -'),  # the common format
        st.sampled_from(["", " ", "not an access line " + CARD, '1.2.3.4 - - [t] "GET /" 200 5 "-"']),
    )


@FAST
@given(lines=st.lists(_access_lines(_field), min_size=1, max_size=30))
def test_access_groups_equal_the_line_by_line_match(lines: list[str]) -> None:
    """One findall over the block gives each line's _ACCESS groups, or the block is matched line by line."""
    text = "".join(f"{line}\n" for line in lines)
    matches = [_ACCESS.match(line) for line in lines]
    want = None if None in matches else [m.groups() for m in matches]  # type: ignore[union-attr]  # no None
    assert _access_groups(text, lines) == want


@FAST
@given(lines=st.lists(_access_lines(_field.map(lambda f: f"/o?id={CARD[:-1]}2{f}")), min_size=1, max_size=30),
       size=st.integers(1, 9))
def test_access_blocks_equal_the_line_by_line_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   lines: list[str], size: int) -> None:
    """An order id in every request: blocks are read whole where they can be (as in the benchmark's log)."""
    write(tmp_path / "access.log", ("\n".join(lines) + "\n").encode())
    whole, by_line = _both(tmp_path, "access.log", monkeypatch, size)
    assert whole == by_line
