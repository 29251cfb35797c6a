"""The card spec: which text the sweep reads, and which runs of it are card *candidates*.

Everything that decides "could a card number be here?" derives from this module, so the parts that need
that answer cannot drift apart: the card rule (pipeline/rules/card.py, which judges candidates with
classifiers/cards.py), the raw-line prefilter (pipeline/sources/prefilter.py) and the SQL reads that hand
the rule each column's texts joined by the database (pipeline/sources/sql.py).

**The text of a value** (:func:`value_text`): a string is itself; an integer its decimal digits (from 13
digits up: a shorter one cannot hold a candidate); a float, boolean, date, time or null nothing (a card
stored as a float has lost its digits already); a BLOB the text it holds (UTF-8, or UTF-16 with a
byte-order mark; binary data: nothing); a JSON document its serialization; anything else ``str()``.
:func:`text_kind` says the same per Python type, for a reader whose database builds the text itself.

**A candidate** (:data:`CANDIDATE`, the reference) is a run of 13+ digits of any script, with single
separators between digit groups (space, ``-``, ``.``, ``+``, ``%20``, no-break, thin and zero-width
spaces), not glued to an identifier: no letter, digit, ``_``, ``+`` or sign right before it (``job_1445``,
``+4111`` E.164) unless that is a %-escape, and no letter, digit or ``_`` right after it.
:func:`find_candidates` finds the same runs faster (numpy over the bytes of ASCII text; tested equal).

**Necessary conditions**, for filters that must never hide a candidate: :data:`PROBE` (bytes) is in the
UTF-8 form of every candidate written in ASCII digits (:func:`text_may_hold_candidate` asks it with
Hyperscan); :data:`RAW_CANDIDATE` and :data:`RAW_ESCAPE` hold for the raw bytes of a record before any
decoding (JSON escapes, other scripts' digits, %-escapes), which is what the raw-line prefilter reads.

**The separator** (:data:`SEPARATOR`) joins the texts of one column's values: it is no digit, letter or
separator of a candidate, so that no candidate spans two values.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

import numpy as np

from classifiers import base64text
from classifiers.hyperscan_block import any_match, compile_block

SEPARATOR = "\x01"
"""What joins one column's value texts: not part of any candidate, and (unlike a newline) rare inside real
text; a reader that joins values must make sure none holds it."""

# ---------------------------------------------------------------------------------- the text of a value

#: Integers below this have at most 12 digits: their text can hold no candidate.
_SHORT_INT = 10**12
#: Types whose values' text holds no candidate (value_text gives ''): the database need not send them.
_NO_TEXT = (float, bool, dt.date, dt.time, dt.timedelta, type(None))


def value_text(value: Any) -> str:
    """The text the sweep reads of one typed value (see the module docstring)."""
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value) if value >= _SHORT_INT else ""
    if isinstance(value, _NO_TEXT):  # dt.datetime is a dt.date
        return ""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _bytes_text(bytes(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def column_texts(values: list[Any]) -> list[str]:
    """``value_text`` of each value; a column of strings (and nulls) costs one pass in C, not a call per value."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return values
    if kinds <= {str, type(None)}:
        return ["" if v is None else v for v in values]
    if kinds <= {int, type(None)} and max((v for v in values if v is not None), default=0) < _SHORT_INT:
        return [""] * len(values)  # keys, counts, amounts in cents: too short for a card
    return [value_text(v) for v in values]


def _bytes_text(raw: bytes) -> str:
    """The text a BLOB holds (UTF-8, or UTF-16 with a byte-order mark); binary data reads as ''."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return ""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""


def text_kind(python_type: type) -> str | None:
    """How the values of one Python type reach a reader that lets the database build their text:

    - ``"text"``: the value is a plain string, its text is itself;
    - ``"cast"``: its text in the database (``CAST(x AS TEXT)``: integers, decimals, UUIDs, string
      subtypes such as bit strings) holds the same candidates as ``value_text`` of the value the driver
      returns;
    - ``"skip"``: ``value_text`` is '' for every value of the type (floats, booleans, dates, times);
    - None: only ``value_text`` of the typed value gives its text (bytes, JSON, anything else).
    """
    if issubclass(python_type, _NO_TEXT):
        return "skip"
    if python_type is str:
        return "text"
    if issubclass(python_type, (str, int, decimal.Decimal, uuid.UUID)):
        return "cast"
    return None


# ------------------------------------------------------------------------------------------ candidates

#: Separators real text puts between digit groups: space, dash, dot, plus (form data), and no-break,
#: thin and zero-width spaces; ``%20`` is matched on its own.
_SEP_CHARS = " \\-.+\u00a0\u2007\u2009\u200a\u202f\u200b\u200c\u200d\u2060\ufeff"
_SEP = f"(?:[{_SEP_CHARS}]|%20)"
#: The reference. A digit of a %-escape itself never starts a candidate: in ``card%204111%20...`` the run
#: starts at ``4111``, not at the ``20`` of the first ``%20``.
CANDIDATE = re.compile(
    rf"(?<!%)(?<!%[0-9A-Fa-f])(?:(?<![0-9A-Za-z_+\-])(?<!\d)|(?<=%[0-9A-Fa-f]{{2}}))"
    rf"\d(?:{_SEP}?\d){{12,}}(?![0-9A-Za-z_])(?!\d)")
#: CANDIDATE on ASCII text with no ``%`` (a plain character class runs ~2.5x faster): find_candidates
#: uses it inside chains of digit groups.
_CANDIDATE_ASCII = re.compile(r"(?<![0-9A-Za-z_+\-])[0-9](?:[ \-.+]?[0-9]){12,}(?![0-9A-Za-z_])")

#: Bytes that may not stand right before / after a candidate (the look-behind and look-ahead of
#: _CANDIDATE_ASCII), and the kind of each byte (2 digit, 1 separator, 0 other), as tables over byte values.
_GLUED_BEFORE = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_+-"
_GLUED_AFTER = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"


def _byte_table(*classes: tuple[bytes, int]) -> np.ndarray:
    """A lookup table over byte values: each byte of ``chars`` maps to its ``value``, every other byte to 0."""
    table = np.zeros(256, dtype=np.uint8)
    for chars, value in classes:
        table[list(chars)] = value
    return table


_BEFORE = _byte_table((_GLUED_BEFORE, 1))
_AFTER = _byte_table((_GLUED_AFTER, 1))
_KIND = _byte_table((b" -.+", 1), (b"0123456789", 2))


@dataclass
class Candidates:
    """Every CANDIDATE match of a text, split for whole-column work (:func:`find_candidates`)."""

    #: the bare runs (ASCII digits, no separator): start offsets and lengths, numpy arrays in text order
    bare_starts: np.ndarray
    bare_lengths: np.ndarray
    #: every other candidate: (start, run), in text order
    other: list[tuple[int, str]]
    #: the text's bytes (numpy uint8) when it is ASCII (bare runs are found only then), else None
    data: np.ndarray | None

    def runs(self, text: str) -> list[tuple[int, str]]:
        """(start, run) of every candidate of ``text`` (the text they were found in), in text order: what
        ``[(m.start(), m.group()) for m in CANDIDATE.finditer(text)]`` gives."""
        if not len(self.bare_starts):
            return self.other
        bare = [(s, text[s : s + n]) for s, n in zip(self.bare_starts.tolist(), self.bare_lengths.tolist(),
                                                      strict=True)]
        return sorted(bare + self.other)


_NONE = np.zeros(0, dtype=np.int64)


def find_candidates(text: str) -> Candidates:
    """The CANDIDATE matches of ``text`` (the accelerated path; tests/classifiers/test_cards_batch.py).

    On ASCII text with no ``%``, numpy over its bytes: a candidate is digit runs linked by single separators
    (`` -.+``), so it lies inside one *chain*, a maximal sequence of digit runs each one separator from the
    next. A chain of one run with 13+ digits is a candidate exactly when nothing glues to it on either side
    (a shorter run inside it would be glued to a digit): the bare case, decided with no Python work per run.
    Chains of several runs holding 13+ digits are searched with the candidate pattern, bounded to the chain
    (one character more for the look-ahead; the look-behind sees the real text). Other text: CANDIDATE.
    """
    if not text.isascii() or "%" in text:
        return Candidates(_NONE, _NONE, [(m.start(), m.group()) for m in CANDIDATE.finditer(text)], None)
    b = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    n = len(b)
    kind = _KIND[b]
    edges = np.diff((kind == 2).view(np.int8), prepend=np.int8(0), append=np.int8(0))
    ds, de = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)  # digit runs [ds, de)
    if not len(ds):
        return Candidates(_NONE, _NONE, [], b)
    linked = (ds[1:] - de[:-1] == 1) & (kind[de[:-1]] == 1)  # run i and i+1: one separator apart
    heads = np.flatnonzero(np.concatenate(([True], ~linked)))  # first run of each chain
    digits = np.add.reduceat(de - ds, heads)
    runs = np.diff(np.append(heads, len(ds)))
    bare = (runs == 1) & (digits >= 13)
    s, e = ds[heads[bare]], de[heads[bare]]
    glued = ((s > 0) & (_BEFORE[b[np.maximum(s - 1, 0)]] == 1)) | ((e < n) & (_AFTER[b[np.minimum(e, n - 1)]] == 1))
    other: list[tuple[int, str]] = []
    multi = (runs > 1) & (digits >= 13)
    if multi.any():
        tails = np.append(heads[1:], len(ds)) - 1
        for f, end in zip(ds[heads[multi]].tolist(), de[tails[multi]].tolist(), strict=True):
            other += [(m.start(), m.group()) for m in _CANDIDATE_ASCII.finditer(text, f, min(n, end + 1))]
    return Candidates(s[~glued], (e - s)[~glued], other, b)


# --------------------------------------------------------------------------------- necessary conditions

#: Separators of CANDIDATE as UTF-8 bytes.
_SEP_BYTES = rb"(?:[ \-.+]|%20|\xc2\xa0|\xe2\x80[\x87\x89\x8a\xaf\x8b\x8c\x8d]|\xe2\x81\xa0|\xef\xbb\xbf)"
#: 13 ASCII digits with optional single separators: in the UTF-8 form of every candidate in ASCII digits.
PROBE = rb"[0-9](?:" + _SEP_BYTES + rb"?[0-9]){12}"
_PROBE_DB = compile_block([PROBE], single=True)  # None without hyperscan
#: A decimal digit outside ASCII may be one (fullwidth, Arabic-Indic, Devanagari, ...): PROBE reads ASCII.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def text_may_hold_candidate(text: str) -> bool:
    """False only when ``text`` certainly holds no candidate (a fast filter for whole column batches)."""
    if not text.isascii() and any(c.isdigit() for c in set(_NON_ASCII.findall(text))):
        return CANDIDATE.search(text) is not None  # digits of other scripts: the probe reads ASCII only
    if _PROBE_DB is None:
        return CANDIDATE.search(text) is not None
    return any_match(_PROBE_DB, text.encode("utf-8", "replace"))


#: A digit-like unit of a raw record: an ASCII digit or any non-ASCII byte (other scripts' digits,
#: no-break spaces and the like).
_RAW_UNIT = rb"(?:[0-9]|[\x80-\xff])"
#: A raw separator byte, or a JSON escape such as ``\t`` inside a string (it decodes to one character).
_RAW_SEP = rb"(?:[ \t\-.+_/%=]|\\[bfnrt/\\\"]?)"
#: 13 digit-like units, each at most 3 separators from the next: in the raw bytes of every record whose
#: text holds a candidate outside base64 (letters and ``:`` break it: a timestamp is none).
RAW_CANDIDATE = _RAW_UNIT + rb"(?:" + _RAW_SEP + rb"{0,3}" + _RAW_UNIT + rb"){12}"
#: A JSON ``\u`` escape: it may decode to a digit.
RAW_ESCAPE = rb"\\u[0-9a-fA-F]{4}"
#: Four ASCII digits, base64-encoded: a record with none holds no base64 token wrapping a candidate.
RAW_BASE64 = b"(?:" + base64text.DIGITS.encode() + b")"

#: A necessary condition for a card number that a store evaluates itself (a SQL ``REGEXP`` / Arrow
#: ``regexp_match``), so that a data contract fetches only candidate values: 13 ASCII digits with gaps of up
#: to three other non-alphanumeric characters (the separators above, ``%20`` included), any non-ASCII
#: character (digits of other scripts, no-break and zero-width spaces), or four ASCII digits base64-encoded
#: (base64text.DIGITS: the rule decodes such tokens). Wider than CANDIDATE, never narrower: every fetched
#: value is then decided exactly as the scan decides it.
STORE_CANDIDATE = r"[0-9]([^0-9A-Za-z]{0,3}[0-9]){12}|[^\x01-\x7f]|" + base64text.DIGITS
