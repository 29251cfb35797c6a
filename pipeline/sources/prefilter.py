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
classifiers/cards.py's job, and whatever it accepts must pass here. Its
patterns are the card spec's necessary conditions on raw bytes
(classifiers/card_spec.py: RAW_CANDIDATE, RAW_ESCAPE, RAW_BASE64): 13 or more
digit-like units with short separator gaps, a JSON ``\\u`` escape, or a base64
token that decodes to bytes holding such a run or escape (the card rule decodes
those tokens once: classifiers/base64text.py). Letters and ``:`` break a run, so a
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
from classifiers.card_spec import RAW_BASE64, RAW_CANDIDATE, RAW_ESCAPE
from classifiers.hyperscan_block import compile_block

_PY = re.compile(RAW_CANDIDATE + rb"|" + RAW_ESCAPE)
_PY_BASE64 = re.compile(RAW_BASE64)


# "[^\n]*\n" carries each match to its line's end: non-SOM Hyperscan reports a given end offset once per
# pattern, so a line costs one callback however many digit runs it holds (None without hyperscan).
_DB = compile_block([x + rb"[^\n]*\n" for x in (RAW_CANDIDATE, RAW_ESCAPE, RAW_BASE64)])


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
