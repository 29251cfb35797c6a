"""flatten_json, rewritten for speed (top level inline, recursion below), gives what the stack-based
walker it replaced gave: the same paths in the same order, the same values, the same depth-limit counts;
flatten_columns (a block of one shape, column by column) gives the columns flatten_json's records make."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.strategies import DataObject

from classifiers.jsondoc import MAX_DEPTH, TOO_DEEP, limits_hit
from pipeline.sources.textfile import compact_json, flatten_columns, flatten_json


def _reference(obj: dict[str, Any]) -> dict[str, Any]:
    """The walker before the rewrite, verbatim."""
    out: dict[str, Any] = {}
    stack: list[tuple[str, Iterator[tuple[str, Any]]]] = [("", iter(obj.items()))]
    while stack:
        prefix, items = stack[-1]
        for key, value in items:
            path = f"{prefix}{key}"
            if isinstance(value, dict):
                if value and len(stack) < MAX_DEPTH:
                    stack.append((f"{path}.", iter(value.items())))
                    break
                if value:
                    limits_hit()[TOO_DEEP] += 1
                    out[path] = compact_json(value)
            elif isinstance(value, list):
                out[path] = compact_json(value)
            else:
                out[path] = value
        else:
            stack.pop()
    return out


_KEYS = st.sampled_from(["a", "b", "a.b", "b.a", "c", "", "ü", "1"])
_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
_DOCS = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=4),
                     max_leaves=20)


def _run(f, obj: dict[str, Any]) -> tuple[list[tuple[str, Any]], int]:
    before = limits_hit()[TOO_DEEP]
    out = f(obj)
    return list(out.items()), limits_hit()[TOO_DEEP] - before


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _DOCS, max_size=5))
def test_flatten_equals_the_walker_it_replaced(obj: dict[str, Any]) -> None:
    assert _run(flatten_json, obj) == _run(_reference, obj)


def test_depth_limit_is_kept() -> None:
    deep: dict[str, Any] = {"x": 1}
    for _ in range(MAX_DEPTH + 3):
        deep = {"k": deep, "n": 2}
    assert _run(flatten_json, deep) == _run(_reference, deep)
    assert _run(flatten_json, deep)[1] == 1
    assert flatten_columns([deep, deep]) is None  # the limit is flatten_json's to count


def _columns_by_record(objs: list[dict[str, Any]]) -> tuple[list[tuple[str, list[Any]]], int]:
    """The reference for flatten_columns: flatten_json per record, then one column per path in first-seen
    order (what the JSON-lines reader built before); and the depth-limit count it made."""
    before = limits_hit()[TOO_DEEP]
    records = [flatten_json(o) for o in objs]
    order = dict.fromkeys(chain.from_iterable(records))
    return [(f, [r.get(f) for r in records]) for f in order], limits_hit()[TOO_DEEP] - before


#: A record shape: a leaf kind, or an object of shapes. Records of one shape are what flatten_columns reads.
_LEAF_KINDS = {"str": st.text(max_size=3), "int": st.integers(), "float": st.floats(allow_nan=False),
               "bool": st.booleans(), "null": st.none(), "list": st.lists(st.integers() | st.text(max_size=2),
                                                                         max_size=2),
               "any scalar": _LEAVES, "object or null": st.none() | st.dictionaries(_KEYS, _LEAVES, max_size=2)}
_SHAPES = st.recursive(st.sampled_from(sorted(_LEAF_KINDS)), lambda inner: st.dictionaries(_KEYS, inner, min_size=1,
                                                                                                   max_size=3),
                       max_leaves=8)


def records_of(shape: Any) -> st.SearchStrategy[Any]:
    """Values of one shape (an object's keys in any order)."""
    if isinstance(shape, dict):
        return st.fixed_dictionaries({k: records_of(v) for k, v in shape.items()}).flatmap(
            lambda d: st.permutations(list(d.items())).map(dict))
    return _LEAF_KINDS[shape]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEYS, _SHAPES, min_size=1, max_size=4), st.data())
def test_columns_equal_flatten_json_record_by_record(shape: dict[str, Any], data: DataObject) -> None:
    objs = data.draw(st.lists(records_of(shape), min_size=2, max_size=6))
    if data.draw(st.booleans()):  # a record of another shape: the block is then read record by record
        odd = data.draw(st.dictionaries(_KEYS, _DOCS, max_size=4))
        objs.insert(data.draw(st.integers(0, len(objs))), odd)
    got = flatten_columns(objs)
    want, limits = _columns_by_record(objs)
    if got is not None:
        assert list(got.items()) == want
        assert limits == 0


def test_a_log_block_of_one_shape_is_read_by_columns() -> None:
    objs = [{"ts": f"2026-11-24T10:00:{i:02d}Z", "user": {"id": i, "tags": ["a", i]}, "msg": f"order {i}",
             "ok": i % 2 == 0, "ms": i / 3, "err": None} for i in range(20)]
    got = flatten_columns(objs)
    assert got is not None
    assert list(got.items()) == _columns_by_record(objs)[0]
    assert flatten_columns([*objs, {**objs[0], "extra": 1}]) is None  # one record of another shape
    assert flatten_columns([{"a.b": 1, "a": {"b": 2}}]) is None  # paths that coincide
    assert flatten_columns([{"a": {}}, {"a": {}}]) is None  # an empty object has no field
    assert flatten_columns([]) is None


def _reference_parse(text: str) -> dict[str, Any] | None:
    """parse_json_object as it was: json.loads, then the walker."""
    import json

    if not text.lstrip().startswith("{"):
        return None
    try:
        obj = json.loads(text)
        return _reference(obj) if isinstance(obj, dict) else None
    except ValueError:
        return None


_JSONISH = st.lists(st.sampled_from(['{', '}', '"a"', '"b"', ':', ',', ' ', '\n', '1', '-2.5e3', 'null', 'true', '[',
                                     ']', '"x\\"y"', '"\\u0034"', 'NaN', '\u00a0', 'x', '\ufeff']),
                                     max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_JSONISH, st.dictionaries(_KEYS, _DOCS, max_size=4).map(lambda d: __import__("json").dumps(d))))
def test_parse_equals_json_loads_then_the_walker(text: str) -> None:
    from pipeline.sources.textfile import parse_json_object

    got, want = parse_json_object(text), _reference_parse(text)
    assert got == want or (got is not None and want is not None and str(got) == str(want))  # NaN != NaN
