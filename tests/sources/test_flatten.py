"""flatten_json, rewritten for speed (top level inline, recursion below), gives what the stack-based
walker it replaced gave: the same paths in the same order, the same values, the same depth-limit counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.jsondoc import MAX_DEPTH, TOO_DEEP, limits_hit
from pipeline.sources.textfile import compact_json, flatten_json


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
