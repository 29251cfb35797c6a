"""Hyperscan, where it is installed, for the fast "may this text hold X" probes of the card and base64 rules.

One place compiles a block-mode database and asks "is there any match": classifiers/cards.py (a 13-digit run),
classifiers/base64text.py (a token that may encode digits) and pipeline/sources/prefilter.py (lines that hold a
candidate) each keep their own pattern and their Python ``re`` reference, which the tests hold equal.
Hyperscan reads about 1 GB/s where Python's ``re`` manages 10-50 MB/s on these patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def compile_block(expressions: Sequence[bytes], single: bool = False) -> Any | None:  # hyperscan's Database
    """A block-mode database of ``expressions`` (ids 0..n-1), or None when hyperscan is not installed.
    ``single``: each pattern reports its first match only (enough for a yes/no probe)."""
    try:
        import hyperscan
    except ImportError:
        return None
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    flag = hyperscan.HS_FLAG_SINGLEMATCH if single else 0
    db.compile(expressions=list(expressions), ids=list(range(len(expressions))), elements=len(expressions),
               flags=[flag] * len(expressions))
    return db


def any_match(db: Any, data: bytes) -> bool:  # hyperscan's Database
    """True when ``db`` matches anywhere in ``data``; the scan stops at the first match."""
    import hyperscan

    try:
        db.scan(data, match_event_handler=lambda *a: True)
    except hyperscan.ScanTerminated:  # the handler stopped the scan at the first match
        return True
    return False
