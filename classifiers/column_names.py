"""Column-name evidence: what a field's name says it holds, in the names real schemas use.

A name is split into tokens (snake_case, camelCase, dotted JSON paths, digits
split off), abbreviations are expanded (``usr_nm`` -> user name, ``tel_no`` ->
telephone number), and the tokens are matched against a lexicon of phrases per
entity type in several languages, longest phrase first (``company name`` is a
company, not a person's ``name``). Negative phrases (version, sku, checksum,
order number, count, ...) say a field is *not* personal.

Which phrase decides is read the way compound names are built: the **head**
is the phrase at the end of the name (``login_count`` is a count, not a login;
``last_login_ip`` is an IP; ``email_verified`` is a flag), trailing noise
aside (``addr1``, ``phone_raw``). Phrases before the head are modifiers: they
still count, at ``MODIFIER`` weight, so values can confirm them, but they
cannot assert a type alone. A few heads are generic and take their meaning
from the phrase just before them, inside the name or across a JSON path's dot:
``city_name`` is a city, ``aadhaar_id`` an Aadhaar number, ``device.id`` a
device id; with nothing known before them they keep their own meaning
(``name``: a person's name; ``id``: a row key, not personal). When the last
token is unknown (``phone_primary``, ``name_first``) the last phrase found
counts at ``UNKNOWN_TAIL`` weight. A parent in a dotted path (``device`` in
``device.battery_pct``) counts at ``MODIFIER`` weight.

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
_PATH = re.compile(r"[./]|\[\d*\]")

#: weight factor of a phrase that is not the name's head (``login`` in ``login_count``)
MODIFIER = 0.5
#: weight factor of the last phrase found when the name ends in an unknown token (``phone_primary``)
UNKNOWN_TAIL = 0.85


@dataclass(frozen=True)
class NameEvidence:
    #: entity type -> (weight in [0, 1], the phrase that matched)
    types: dict[str, tuple[float, str]]
    #: a negative phrase that heads the name (the field is an id, version, amount, ...), or None
    negative: str | None
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    gram: tuple[str, ...]

    @property
    def phrase(self) -> str:
        return " ".join(self.gram)


@dataclass(frozen=True)
class _Lexicon:
    abbreviations: dict[str, tuple[str, ...]]
    positive: dict[tuple[str, ...], list[tuple[str, float]]]
    negative: set[tuple[str, ...]]
    #: generic head -> how it takes its meaning: "phrase" (``device.id``: only a phrase it completes) or
    #: "modifier" (``city_name``: the phrase before it; ``user.name``: nothing known before it, its own)
    heads: dict[tuple[str, ...], str]
    ignore: set[str]
    max_len: int

    def known(self, gram: tuple[str, ...]) -> bool:
        return gram in self.positive or gram in self.negative


def _fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("ẞ", "SS")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(_fold(phrase).lower().split())


def _variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """German umlauts are written both ways in schemas (geraet, gerät): the lexicon spells them ae/oe/ue,
    and a name's gerät folds to gerat, so each such phrase also matches its a/o/u spelling."""
    plain = tuple(re.sub(r"([aou])e", r"\1", t) for t in key)
    return [key] if plain == key else [key, plain]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = yaml.safe_load(_LEXICON.read_text(encoding="utf-8"))
    abbreviations = {_fold(str(k)).lower(): _key(str(v)) for k, v in data["abbreviations"].items()}
    positive: dict[tuple[str, ...], list[tuple[str, float]]] = {}
    for etype, spec in data["types"].items():
        for strength, phrases in spec.items():
            weight = data["strengths"][strength]
            for phrase in phrases:
                for key in _variants(_key(str(phrase))):
                    entry = positive.setdefault(key, [])
                    if etype not in [t for t, _ in entry]:
                        entry.append((etype, weight))
    negative = {k for p in data["negative"] for k in _variants(_key(str(p)))}
    heads = {_key(str(k)): str(v) for k, v in data["heads"].items()}
    ignore = {_fold(str(p)).lower() for p in data["ignore"]}
    max_len = max(len(k) for k in [*positive, *negative])
    return _Lexicon(abbreviations, positive, negative, heads, ignore, max_len)


def tokenize(name: str) -> tuple[str, ...]:
    """``emailAddr`` -> (email, address); ``addr1`` -> (address, 1); ``usr_nm`` -> (user, name)."""
    lex = _lexicon()
    text = _CAMEL.sub("_", _fold(name))
    text = _DIGITS.sub("_", text.lower())
    tokens: list[str] = []
    for tok in _SPLIT.split(text):
        if tok:
            tokens.extend(lex.abbreviations.get(tok, (tok,)))
    return tuple(tokens)


def _matches(tokens: tuple[str, ...], lex: _Lexicon) -> list[_Match]:
    """Lexicon phrases in ``tokens``, longest first and not overlapping, in the order they appear."""
    covered: set[int] = set()
    out = []
    for size in range(min(lex.max_len, len(tokens)), 0, -1):
        for i in range(len(tokens) - size + 1):
            span = set(range(i, i + size))
            if span & covered:
                continue
            gram = tokens[i : i + size]
            if lex.known(gram):
                out.append(_Match(i, i + size, gram))
                covered |= span
    return sorted(out, key=lambda m: m.start)


def _last_content(tokens: tuple[str, ...], lex: _Lexicon) -> int | None:
    for i in range(len(tokens) - 1, -1, -1):
        if not tokens[i].isdigit() and tokens[i] not in lex.ignore:
            return i
    return None


def _head(tokens: tuple[str, ...], matches: list[_Match], parent: tuple[str, ...], lex: _Lexicon
          ) -> tuple[tuple[str, ...] | None, _Match | None, bool]:
    """(the phrase that decides, the match it came from, whether the name ends in a known phrase)."""
    last = _last_content(tokens, lex)
    if last is None:
        return None, None, False
    head = next((m for m in matches if m.start <= last < m.end), None)
    if head is None:
        return (matches[-1].gram, matches[-1], False) if matches else (None, None, False)
    if head.gram not in lex.heads:
        return head.gram, head, True
    # A generic head means what the phrase before it names (inside the name, or the parent across a dot).
    before = tokens[: head.start] if head.start else parent
    if lex.heads[head.gram] == "phrase":
        # device.id, session_id: only a phrase it completes; customer_id keeps id's own meaning.
        for k in range(min(lex.max_len - len(head.gram), len(before)), 0, -1):
            combined = before[-k:] + head.gram
            if lex.known(combined):
                return combined, head, True
        return head.gram, head, True
    prev = [m for m in _matches(before, lex) if m.end == len(before)]
    if prev and prev[-1].gram not in lex.heads:
        return prev[-1].gram, head, True
    return head.gram, head, True


@lru_cache(maxsize=8192)
def name_evidence(name: str) -> NameEvidence:
    """What the field name says; for a dotted path the leaf decides and its parent is context."""
    lex = _lexicon()
    parts = [p for p in _PATH.split(name) if p]
    leaf = tokenize(parts[-1]) if parts else ()
    parent = tokenize(parts[-2]) if len(parts) > 1 else ()
    matches = _matches(leaf, lex)
    gram, head_match, ends_known = _head(leaf, matches, parent, lex)
    types: dict[str, tuple[float, str]] = {}

    def add(g: tuple[str, ...], factor: float) -> None:
        for etype, weight in lex.positive.get(g, []):
            w = round(weight * factor, 3)
            if w > types.get(etype, (0.0, ""))[0]:
                types[etype] = (w, " ".join(g))

    negative = None
    if gram is not None:
        if gram in lex.negative and ends_known:
            negative = " ".join(gram)
        add(gram, 1.0 if ends_known else UNKNOWN_TAIL)
    for m in matches:
        if m is not head_match:
            add(m.gram, MODIFIER)
    for m in _matches(parent, lex):
        add(m.gram, MODIFIER)
    return NameEvidence(types, negative, tuple(t for p in parts for t in tokenize(p)))
