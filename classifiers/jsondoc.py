"""JSON documents stored inside a value (a SQL text column, a log field): parse, and walk their leaves.

Shared by classification (classifiers/field.py reads a document column key by
key) and the full_card_number rule (which names the path of a card inside one).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def parse_document(text: str) -> dict | list | None:
    """The JSON object or array ``text`` holds, or None when it is not one (cheap for plain text)."""
    s = text.lstrip()
    if not s or s[0] not in "{[":
        return None
    try:
        doc = json.loads(s)
    except ValueError:
        return None
    return doc if isinstance(doc, (dict, list)) else None


def leaves(doc: Any, *, positions: bool = True, at: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) for every non-null scalar leaf: ``payment.card.number``, ``items[0].sku``.

    With ``positions=False`` list positions are left out of the path (``items.sku``), so that the
    leaves of one key across list items count as one field.
    """
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from leaves(v, positions=positions, at=f"{at}.{k}" if at else str(k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from leaves(v, positions=positions, at=f"{at}[{i}]" if positions else at)
    elif doc is not None:
        yield at, doc
