"""The raw-bytes candidate filter: which lines of a block could hold a card number at all.

The sweep must prove that no record holds a full card number, and almost all
records prove it by holding no long run of digits. Parsing a log line (JSON,
access-log regex, flattening, building columns) only to find that out is most
of the sweep's cost, so a log is read in blocks of raw lines and one Hyperscan
pass over the whole block says which lines hold a *candidate*; only those are
turned into records for the rules (pipeline/sources/logs.py). The others are
still read and counted, and checked for what the report says about them
(broken lines, fields), but never reach the rules.

The filter is deliberately permissive: deciding what is a card is
classifiers/cards.py's job, and whatever it accepts must pass here. A line is
a candidate when it holds 13 or more digit-like units, each separated from the
next by at most 3 separators (space, tab, ``-``, ``.``, ``+``, ``_``, ``/``,
``%``, ``=`` or a JSON escape like ``\\t``; the digits of ``%20`` are units themselves), where a
digit-like unit is an ASCII digit *or any non-ASCII byte* (Unicode digits,
no-break spaces and the like), or when it holds a JSON ``\\u`` escape (an
escaped digit is a digit once decoded), or when it holds a base64 token that
decodes to bytes holding such a run or escape (the card rule decodes those
tokens once: classifiers/base64text.py). Letters and ``:`` break a run, so a
timestamp (``2026-11-24 10:00:00``) is no candidate; a run glued to letters
(``ID4111...``) still is.

Base64 costs a decode only on lines whose raw bytes hold base64text.DIGITS (four
ASCII digits, encoded): Hyperscan (or ``re``) finds those, and only their
tokens are decoded, once, and searched for a run or escape.

Without the ``fast`` extra (hyperscan) the same patterns run through Python's
``re``, line by line: correct, slower.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from classifiers import base64text
from classifiers.hyperscan_block import compile_block

_UNIT = rb"(?:[0-9]|[\x80-\xff])"
# a separator byte, or a JSON escape such as \t inside a string (it decodes to one character)
_SEP = rb"(?:[ \t\-.+_/%=]|\\[bfnrt/\\\"]?)"
#: 13 digit-like units with short separator gaps: the permissive card candidate.
CANDIDATE = _UNIT + rb"(?:" + _SEP + rb"{0,3}" + _UNIT + rb"){12}"
#: A JSON \u escape: it may decode to a digit.
ESCAPE = rb"\\u[0-9a-fA-F]{4}"
#: Four ASCII digits, base64-encoded: a line with none holds no base64 token wrapping a card.
BASE64 = b"(?:" + base64text.DIGITS.encode() + b")"

_PY = re.compile(CANDIDATE + rb"|" + ESCAPE)
_PY_BASE64 = re.compile(BASE64)


# "[^\n]*\n" carries each match to its line's end: non-SOM Hyperscan reports a given end offset once per
# pattern, so a line costs one callback however many digit runs it holds (None without hyperscan).
_DB = compile_block([x + rb"[^\n]*\n" for x in (CANDIDATE, ESCAPE, BASE64)])


def _wraps_candidate(raw: bytes) -> bool:
    """True when a base64 token of ``raw`` decodes to bytes holding a candidate (decoded once, never again)."""
    return any(_PY.search(data) for data in base64text.decoded_bytes(raw))


def candidate_lines(lines: Sequence[bytes | None]) -> set[int]:
    """Indexes of the ``lines`` (raw, with or without their newline; None is skipped) that hold a candidate."""
    if _DB is None:
        return {i for i, raw in enumerate(lines) if raw is not None and may_hold_candidate(raw)}
    parts = [(raw if raw.endswith(b"\n") else raw + b"\n") if raw is not None else b"\n" for raw in lines]
    ends: list[int] = []  # offset just after each line's newline
    pos = 0
    for p in parts:
        pos += len(p)
        ends.append(pos)
    hits: list[int] = []
    encoded: list[int] = []  # lines holding encoded digits: kept only if a token decodes to a candidate
    _DB.scan(b"".join(parts),
             match_event_handler=lambda i, _frm, to, _flags, _ctx: (encoded if i == 2 else hits).append(to))
    out = {bisect.bisect_left(ends, to) for to in hits}
    for line in {bisect.bisect_left(ends, to) for to in encoded} - out:
        if _wraps_candidate(parts[line]):
            out.add(line)
    return out


def may_hold_candidate(raw: bytes) -> bool:
    """True when one raw line holds a candidate (the slow path, for tests and single lines)."""
    return _PY.search(raw) is not None or (_PY_BASE64.search(raw) is not None and _wraps_candidate(raw))
