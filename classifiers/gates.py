"""Which texts of a batch a recognizer's QUICK pattern matches, found in one search over the texts joined.

A QUICK pattern is a necessary condition (classifiers/recognizers/base.py): a text it does not match gives
its recognizer no result. Asked text by text it costs a Python call per (text, recognizer) pair, and most
pairs answer no; asked once over a field's distinct texts joined by :data:`SEPARATOR`, one search per
recognizer finds every text it matches. That is exact only when the joined string answers for each text
as the text alone does, which :func:`joinable` checks on the parsed pattern:

- nothing in it, look-around bodies included, can consume SEPARATOR: no match spans two texts, and a
  look-around that sees the separator at a text's edge answers as it does at the edge of the text alone,
  where it sees nothing;
- no anchor but a word boundary: ``^``, ``$``, ``\\A`` and ``\\Z`` answer differently inside the joined
  string, ``\\b`` and ``\\B`` do not (SEPARATOR is no word character, and neither is a text's edge);
- no back reference, and every match consumes a character (an empty match could sit on a separator).

A pattern that fails the check (time_zone's ``^...$`` branch) is asked text by text, as before.
tests/classifiers/test_gates.py checks :meth:`Joined.matching` against a search per text.
"""

from __future__ import annotations

import re
import re._parser as _sre_parser  # the stdlib's own pattern parser
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

#: Joins the texts: a character no joinable pattern can consume (NUL: no digit, letter, space or separator).
SEPARATOR = "\x00"

_SAFE_CATEGORIES = frozenset({"CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_SPACE"})  # none holds NUL
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def joinable(rx: re.Pattern[str]) -> bool:
    """Whether a search of ``rx`` over texts joined by SEPARATOR finds a match inside a text exactly when
    that text alone holds one (the rules in the module's docstring)."""
    try:
        parsed = _sre_parser.parse(rx.pattern, rx.flags)
    except re.error:
        return False
    return parsed.getwidth()[0] > 0 and _keeps_out(parsed.data)


def _keeps_out(items: Any) -> bool:
    """No element of the parsed ``items`` can consume SEPARATOR or is an anchor other than a word boundary."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            if av == ord(SEPARATOR):
                return False
        elif name == "IN":
            for o, a in av:
                kind = str(o)
                if (kind == "LITERAL" and a == ord(SEPARATOR) or kind == "RANGE" and a[0] <= ord(SEPARATOR)
                        or kind == "CATEGORY" and str(a) not in _SAFE_CATEGORIES
                        or kind not in ("LITERAL", "RANGE", "CATEGORY")):  # NEGATE: its complement holds NUL
                    return False
        elif name == "AT":
            if str(av) not in ("AT_BOUNDARY", "AT_NON_BOUNDARY"):
                return False
        elif name == "BRANCH":
            if not all(_keeps_out(alt.data) for alt in av[1]):
                return False
        elif name == "SUBPATTERN":
            if not _keeps_out(av[3].data):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _keeps_out(av[1].data):
                return False
        elif name == "ATOMIC_GROUP":
            if not _keeps_out(av.data):
                return False
        elif name in _REPEATS:
            if not _keeps_out(av[2].data):
                return False
        else:
            return False  # ANY and NOT_LITERAL hold NUL; back references depend on what came before
    return True


class Joined:
    """A batch of texts joined by SEPARATOR once, to be asked by every recognizer's gate in turn."""

    __slots__ = ("joined", "last", "starts")

    def __init__(self, texts: Sequence[str]):
        starts = []
        at = 0
        for t in texts:
            starts.append(at)
            at += len(t) + 1
        self.starts = starts
        self.last = len(texts) - 1
        self.joined = SEPARATOR.join(texts)

    def matching(self, rx: re.Pattern[str]) -> list[int]:
        """Indices, in order, of the texts that ``rx.search`` matches; ``rx`` must be :func:`joinable`.

        One search per matching text: after a match in text i the search resumes at text i + 1's start (its
        look-behinds see the separator there, as they see nothing at the start of the text alone)."""
        starts, last, search = self.starts, self.last, rx.search
        found = []
        pos = 0
        while (m := search(self.joined, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            found.append(i)
            if i == last:
                break
            pos = starts[i + 1]
        return found
