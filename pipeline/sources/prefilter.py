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
escaped digit is a digit once decoded), or a quoted base64 segment of 24 or more
characters (the card rule decodes base64 inside JSON documents). Letters and ``:`` break a run, so a
timestamp (``2026-11-24 10:00:00``) is no candidate; a run glued to letters
(``ID4111...``) still is.

Without the ``fast`` extra (hyperscan) the same patterns run through Python's
``re``, line by line: correct, slower.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_UNIT = rb"(?:[0-9]|[\x80-\xff])"
# a separator byte, or a JSON escape such as \t inside a string (it decodes to one character)
_SEP = rb"(?:[ \t\-.+_/%=]|\\[bfnrt/\\\"]?)"
#: 13 digit-like units with short separator gaps: the permissive card candidate.
CANDIDATE = _UNIT + rb"(?:" + _SEP + rb"{0,3}" + _UNIT + rb"){12}"
#: A JSON \u escape: it may decode to a digit.
ESCAPE = rb"\\u[0-9a-fA-F]{4}"
#: A quoted base64 segment long enough to hold a card (24 characters: 16 digits), closed by a quote or an
#: escaped one: the card rule decodes such segments inside JSON documents (pipeline/rules/card.py).
BASE64 = rb"[A-Za-z0-9+/]{24}[A-Za-z0-9+/]*={0,2}\\?\""

_PY = re.compile(CANDIDATE + rb"|" + ESCAPE + rb"|" + BASE64)


def _hyperscan_db():  # noqa: ANN202
    try:
        import hyperscan
    except ImportError:
        return None
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    # "[^\n]*\n" carries each match to its line's end: non-SOM Hyperscan reports a given end offset
    # once per pattern, so a line costs one callback however many digit runs it holds.
    db.compile(expressions=[x + rb"[^\n]*\n" for x in (CANDIDATE, ESCAPE, BASE64)], ids=[0, 1, 2], elements=3,
               flags=[0, 0, 0])
    return db


_DB = _hyperscan_db()


def candidate_lines(lines: Sequence[bytes | None]) -> set[int]:
    """Indexes of the ``lines`` (raw, with or without their newline; None is skipped) that hold a candidate."""
    if _DB is None:
        return {i for i, raw in enumerate(lines) if raw is not None and _PY.search(raw)}
    parts = [(raw if raw.endswith(b"\n") else raw + b"\n") if raw is not None else b"\n" for raw in lines]
    ends: list[int] = []  # offset just after each line's newline
    pos = 0
    for p in parts:
        pos += len(p)
        ends.append(pos)
    hits: list[int] = []
    _DB.scan(b"".join(parts), match_event_handler=lambda _id, _frm, to, _flags, _ctx: hits.append(to))
    return {bisect.bisect_left(ends, to) for to in hits}


def may_hold_candidate(raw: bytes) -> bool:
    """True when one raw line holds a candidate (the slow path, for tests and single lines)."""
    return _PY.search(raw) is not None
