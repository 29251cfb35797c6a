"""What a corpus field is: a kind of value, the entity types it holds, and the names schemas give it.

A :class:`Kind` is one column concept (a first name, an order number, a ticket
body). Its ``names`` are the column names real schemas use for it, per naming
language (``en`` includes the usual abbreviations). Name lists are split
between the benchmark's splits: the first name of a list appears in both, the
others alternate (even positions train, odd positions test), so the test split
also measures names that tuning never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus.values import Row


@dataclass(frozen=True)
class Tagged:
    """A value that says which entity types it contains (free text, JSON documents)."""

    value: Any
    types: frozenset[str]


@dataclass(frozen=True)
class Kind:
    key: str
    types: tuple[str, ...]          # what the field holds; () for a decoy; ignored when make() returns Tagged
    make: Callable[[Row], Any]
    names: dict[str, tuple[str, ...]]
    #: the values alone say what the field is, so it may appear under an opaque name (c1, c2, ...)
    evident: bool = False
    null_rate: float = 0.0
    sql_type: str = "TEXT"
    tags: frozenset[str] = field(default_factory=frozenset)

    def names_for(self, lang: str, split: str) -> tuple[str, ...]:
        """Names in ``lang`` (falling back to English) that this split may use."""
        pool = self.names.get(lang) or self.names["en"]
        if len(pool) < 3:
            return pool
        parity = 0 if split == "train" else 1
        return (pool[0],) + tuple(n for i, n in enumerate(pool[1:], start=1) if i % 2 == parity)


def N(**langs: str) -> dict[str, tuple[str, ...]]:  # a table-building helper
    """Names from space-separated lists per language: ``N(en="email e_mail", de="email")``."""
    return {lang: tuple(v.split()) for lang, v in langs.items()}


KINDS: dict[str, Kind] = {}


def kind(key: str, types: tuple[str, ...] | str, make: Callable[[Row], Any], names: dict[str, tuple[str, ...]],
         **kw: Any) -> Kind:
    if isinstance(types, str):
        types = tuple(types.split())
    k = Kind(key, types, make, names, **kw)
    if key in KINDS:
        raise ValueError(f"kind {key!r} defined twice")
    KINDS[key] = k
    return k
