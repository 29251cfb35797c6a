"""Column-name evidence: what a field's name says it holds, in the names real schemas use.

A name is split into tokens (snake_case, camelCase, dotted JSON paths, digits
split off), abbreviations are expanded (``usr_nm`` -> user name, ``tel_no`` ->
telephone number), and the tokens are looked up in a lexicon of phrases per
entity type in several languages. Negative phrases (version, sku, checksum,
order number, ...) say a field is *not* personal even when its values look so.

The lexicon is data (name_lexicon.yaml beside this file) so that a steward can
extend it without touching code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_LEXICON = Path(__file__).with_name("name_lexicon.yaml")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


@dataclass(frozen=True)
class NameEvidence:
    #: entity type -> (weight in [0, 1], the phrase that matched)
    types: dict[str, tuple[float, str]]
    #: a negative phrase that matched (the field is an id, version, amount, ...), or None
    negative: str | None
    tokens: tuple[str, ...]


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def tokenize(name: str) -> tuple[str, ...]:
    """``emailAddr`` -> (email, address); ``geo.lat`` -> (geo, latitude); ``addr1`` -> (address, 1)."""
    lex = _lexicon()
    text = _CAMEL.sub("_", _fold(name))
    text = _DIGITS.sub("_", text.lower())
    tokens: list[str] = []
    for tok in _SPLIT.split(text):
        if tok:
            tokens.extend(lex.abbreviations.get(tok, tok).split())
    return tuple(tokens)


@dataclass(frozen=True)
class _Lexicon:
    abbreviations: dict[str, str]
    positive: dict[tuple[str, ...], list[tuple[str, float]]]
    negative: set[tuple[str, ...]]
    max_len: int


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = yaml.safe_load(_LEXICON.read_text(encoding="utf-8"))
    abbreviations = {k.lower(): v.lower() for k, v in data["abbreviations"].items()}
    positive: dict[tuple[str, ...], list[tuple[str, float]]] = {}
    max_len = 1
    for etype, spec in data["types"].items():
        for strength, phrases in spec.items():
            weight = data["strengths"][strength]
            for phrase in phrases:
                key = tuple(_fold(phrase).lower().split())
                positive.setdefault(key, []).append((etype, weight))
                max_len = max(max_len, len(key))
    negative = {tuple(_fold(p).lower().split()) for p in data["negative"]}
    return _Lexicon(abbreviations, positive, negative, max(max_len, max(len(n) for n in negative)))


def _phrases(tokens: tuple[str, ...], lex: _Lexicon) -> list[tuple[str, ...]]:
    """Lexicon phrases in ``tokens``, longest first; a phrase inside a longer match is not counted
    (``company name`` is a company, not a person's ``name``)."""
    covered: set[int] = set()
    out = []
    for size in range(min(lex.max_len, len(tokens)), 0, -1):
        for i in range(len(tokens) - size + 1):
            gram = tokens[i : i + size]
            span = set(range(i, i + size))
            if span <= covered:
                continue
            if gram in lex.positive or gram in lex.negative:
                out.append(gram)
                covered |= span
    return out


@lru_cache(maxsize=4096)
def name_evidence(name: str) -> NameEvidence:
    """What the field name says. For a dotted path, the last part counts most."""
    lex = _lexicon()
    parts = [p for p in re.split(r"[./]", name) if p]
    types: dict[str, tuple[float, str]] = {}
    negative = None
    # Leaf first: in ``user.email`` the leaf decides; a parent name counts at a discount.
    for depth, part in enumerate(reversed(parts or [name])):
        tokens = tokenize(part)
        discount = 1.0 if depth == 0 else 0.6
        for gram in _phrases(tokens, lex):
            if gram in lex.negative and depth == 0 and negative is None:
                negative = " ".join(gram)
            for etype, weight in lex.positive.get(gram, []):
                w = weight * discount
                if w > types.get(etype, (0.0, ""))[0]:
                    types[etype] = (w, " ".join(gram))
    return NameEvidence(types, negative, tokenize(name))
