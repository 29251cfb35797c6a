"""JSON documents stored inside a value (a SQL text column, a log field): parse, and walk their leaves.

Shared by classification (classifiers/field.py reads a document column key by
key) and the full_card_number rule (which names the path of a card inside one).

Two limits keep one hostile value from taking a scan down (issue 11): a
document larger than :data:`MAX_DOCUMENT_CHARS` is not parsed, and the walk
stops :data:`MAX_DEPTH` levels down, giving what lies deeper as one leaf of
compact JSON text (so a card number down there is still text the sweep reads).
Each time a limit is hit it is counted in :func:`limits_hit`, which the scan
turns into a note on the dataset; nothing raises.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

MAX_DEPTH = 64
"""Levels the walk descends; deeper content is one leaf of JSON text."""
MAX_DOCUMENT_CHARS = 1 << 20
"""Longer text is not parsed as a document (it is still read as text)."""

TOO_DEEP = f"JSON document nested deeper than {MAX_DEPTH} levels (the rest read as text)"
TOO_LARGE = f"JSON document larger than {MAX_DOCUMENT_CHARS} characters (read as text, not parsed)"

_HITS: ContextVar[Counter[str] | None] = ContextVar("pdd_json_limits", default=None)


def limits_hit() -> Counter[str]:
    """How often each limit was hit in this context since it was first asked; the caller clears it."""
    hits = _HITS.get()
    if hits is None:
        hits = Counter()
        _HITS.set(hits)
    return hits


def _hit(what: str) -> None:
    limits_hit()[what] += 1


def parse_document(text: str) -> dict | list | None:
    """The JSON object or array ``text`` holds, or None when it is not one (cheap for plain text)."""
    s = text.lstrip()
    if not s or s[0] not in "{[":
        return None
    if len(s) > MAX_DOCUMENT_CHARS:
        _hit(TOO_LARGE)
        return None
    try:
        doc = json.loads(s)
    except ValueError:
        return None
    except RecursionError:  # Python's decoder recurses: a few thousand levels exhaust the stack
        _hit(TOO_DEEP)
        return None
    return doc if isinstance(doc, (dict, list)) else None


def _as_text(doc: Any) -> str:
    try:
        return json.dumps(doc, separators=(",", ":"), ensure_ascii=False, default=str)
    except (RecursionError, ValueError):
        return ""


def leaves(doc: Any, *, positions: bool = True, at: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) for every non-null scalar leaf: ``payment.card.number``, ``items[0].sku``.

    With ``positions=False`` list positions are left out of the path (``items.sku``), so that the
    leaves of one key across list items count as one field. Iterative, and no deeper than
    MAX_DEPTH: below that, a subtree is one leaf holding its compact JSON text.
    """
    stack: list[tuple[str, Any, int]] = [(at, doc, 0)]
    while stack:
        path, node, depth = stack.pop()
        if isinstance(node, (dict, list)) and depth >= MAX_DEPTH:
            _hit(TOO_DEEP)
            text = _as_text(node)
            if text:
                yield path, text
            continue
        if isinstance(node, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v, depth + 1) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]" if positions else path, v, depth + 1)
                         for i, v in reversed(list(enumerate(node))))
        elif node is not None:
            yield path, node
