"""full_card_number: no full card number anywhere, in any value of any record.

The sweep must read every value, so it cannot afford recognizer calls per
value. Per column and batch it joins the values' text into one string, asks
Hyperscan (the ``fast`` extra; Python's re without it) whether any 13-digit
run is there at all, and only then runs the candidate regex over it; only
candidates are judged (classifiers.cards.examine: Luhn + issuer range + brand
length, separators, Unicode digits, glued ids, labels, card context). Every
column is swept, whatever its classification: a card pasted into a free-text
note is the case that matters most. BLOB/bytes values that hold text are
decoded, and base64 segments inside JSON documents are decoded and read too.

**Field-level evidence.** A field whose same-shaped digit runs pass Luhn at
about the rate of random digits (one in ten) holds ids, not cards: the few of
them that also fit an issuer range are not reported, and a note says so with
counts only. Cards found in a field are held back until its runs of that shape
either prove it (``PROVEN_RUNS`` runs, most of them Luhn-valid: reported at once) or the
sweep ends (``finish``, after the parts' states are absorbed).
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
from typing import Any

import numpy as np

from classifiers.cards import (
    CHANCE,
    CardContext,
    CardMatch,
    ColumnCandidates,
    at_chance,
    candidate_match,
    candidates,
    examine,
    examine_bare,
    find_cards,
    have_issuer,
    luhn_bare,
    may_hold_card,
    proven_cards,
    scan_candidates,
)
from classifiers.column_names import name_evidence
from classifiers.field import as_text
from classifiers.jsondoc import leaves, parse_document
from pipeline.rules.base import Rule, Violation
from pipeline.sources.base import TEXT_SEPARATOR, Batch

#: A base64 segment long enough to hold a card number (16 digits are 24 base64 characters), as a
#: whole JSON string value.
_B64 = re.compile(r'"((?:[A-Za-z0-9+/]{4}){6,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)"')


def locate_in_json(text: str, context: CardContext) -> str | None:
    """The path of the first leaf holding a card number, when ``text`` is a JSON document."""
    doc = parse_document(text)
    if doc is None:
        return None
    for path, leaf in leaves(doc):
        leaf_text = str(leaf)
        if next(find_cards(leaf_text, context), None) or next(find_cards(_decoded(leaf_text), context), None):
            return path or None
    return None


def field_context(field: str) -> CardContext:
    """What a field's name says about borderline numbers in it (classifiers.column_names)."""
    ev = name_evidence(field)
    return CardContext(card_field="CREDIT_CARD" in ev.types and not ev.negative,
                       id_field=bool(ev.negative) and "CREDIT_CARD" not in ev.types)


class FullCardNumber(Rule):
    name = "full_card_number"

    def needs_every_record(self) -> bool:
        return False  # a card number is a candidate (pipeline/sources/prefilter.py) by construction

    def reads_texts_only(self) -> bool:
        return True  # values are read as texts (_text): a texts-only read hands over the same texts

    def __init__(self, ctx):  # noqa: ANN001
        super().__init__(ctx)
        self._contexts: dict[str, CardContext] = {}
        #: "field|digits|groups" -> [runs, Luhn-valid runs] over the whole sweep
        self.shapes: dict[str, list[int]] = {}
        #: cards not reported yet, their shape undecided: [shape key, field, record key, evidence, path]
        self.pending: list[list[Any]] = []

    def _context(self, field: str) -> CardContext:
        if field not in self._contexts:
            self._contexts[field] = field_context(field)
        return self._contexts[field]

    def _proven(self, shape: str) -> bool:
        """Enough same-shaped runs, far above chance: a field of card numbers, report at once."""
        return proven_cards(*self.shapes[shape])

    def check(self, batch: Batch) -> list[Violation]:
        #: record -> (field, card, JSON path, other fields holding it, shape key)
        flagged: dict[int, tuple[str, CardMatch, str | None, list[str], str]] = {}
        columns = ([(f, _Joined(j)) for f, j in batch.texts.items()] if batch.texts is not None else
                   [(f, _Listed(values)) for f, values in batch.columns.items()])
        for fname, col in columns:
            joined = col.joined
            context = self._context(fname)
            tally: dict[tuple, list[int]] = {}
            if '"' in joined and _B64.search(joined):
                self._decoded_cards(flagged, fname, col.texts(), context)
            if not may_hold_card(joined):
                continue
            self._sweep_column(flagged, fname, col, context, tally)
            for shape, (runs, valid) in tally.items():
                mine = self.shapes.setdefault(_shape_key(fname, shape), [0, 0])
                mine[0] += runs
                mine[1] += valid
        return self._report(flagged, batch)

    def _sweep_column(self, flagged: dict, fname: str, col: _Listed | _Joined, context: CardContext,
                      tally: dict[tuple, list[int]]) -> None:
        """Judge every candidate of one column batch (``col.joined``: its texts joined by one separator).

        On ASCII text the candidates are found with numpy (``scan_candidates``); bare digit runs, almost all
        candidates on real stores, are counted per length and Luhn-checked all at once (``luhn_bare``), and
        ``examine`` runs only on those that pass Luhn (a card must) and on separated runs. Shapes, counts and
        cards are the ones ``examine`` on every candidate gives (tests/classifiers/test_cards_batch.py).
        """
        joined = col.joined
        found = scan_candidates(joined)
        if found is None:  # non-ASCII text or %-escapes: every candidate examined
            to_examine = [(m.start(), m.group(), True, m) for m in candidates(joined)]
        else:
            to_examine = [(pos, run, True, None) for pos, run in found.other]
            if len(found.bare_starts):
                valid = luhn_bare(found)
                lengths = found.bare_lengths
                for n in np.unique(lengths).tolist():
                    counts = tally.setdefault((n, (n,)), [0, 0])
                    counts[0] += int(np.count_nonzero(lengths == n))
                    counts[1] += int(np.count_nonzero(valid & (lengths == n)))
                # A bare run is a card only at 13-19 digits in an issuer range (examine's first test): only
                # those reach examine, for the label and card-word look-back.
                maybe = valid & (lengths <= 19)
                maybe[maybe] = have_issuer(found.data, found.bare_starts[maybe], lengths[maybe])
                for pos, n in zip(found.bare_starts[maybe].tolist(), lengths[maybe].tolist(), strict=True):
                    to_examine.append((pos, joined[pos : pos + n], False, None))
                to_examine.sort(key=lambda c: c[0])  # text order, as one pass over the candidates would flag
        if not to_examine:
            return
        starts = col.starts(found)
        rows = (np.searchsorted(starts, [c[0] for c in to_examine], side="right") - 1).tolist()
        for i, (pos, run, count, m) in zip(rows, to_examine, strict=True):
            seen = (examine(joined, m or candidate_match(joined, pos, run), int(starts[i]), context) if count else
                    examine_bare(joined, pos, run, int(starts[i]), context))
            if count:  # bare runs were counted above
                counts = tally.setdefault(seen.shape, [0, 0])
                counts[0] += 1
                counts[1] += seen.luhn_valid
            if seen.card is not None:
                # After a card word, context decides: no field statistics overrule it.
                key = f"{fname}|ctx" if seen.card_word else _shape_key(fname, seen.shape)
                self._flag(flagged, i, fname, seen.card, col.value(i), col.text(i), key, context)

    def _decoded_cards(self, flagged: dict, fname: str, texts: list[str], context: CardContext) -> None:
        """Base64 segments inside JSON strings, decoded: a card in an encoded document is stored too."""
        for i, text in enumerate(texts):
            for m in _B64.finditer(text):
                card = next(find_cards(_decoded(m.group(1)), context), None)
                if card is not None and i not in flagged:
                    flagged[i] = (fname, card, None, [], f"{fname}|b64")

    def _flag(self, flagged: dict, i: int, fname: str, card: CardMatch, value: Any, text: str, shape: str,
              context: CardContext) -> None:
        if i in flagged:
            f, c, p, extra, s = flagged[i]
            if f != fname and fname not in extra:
                flagged[i] = (f, c, p, [*extra, fname], s)
            return
        path = locate_in_json(text, context) if isinstance(value, (str, dict, list)) else None
        flagged[i] = (fname, card, path, [], shape)

    def _report(self, flagged: dict, batch: Batch) -> list[Violation]:
        for i in sorted(flagged):
            fname, card, path, extra, shape = flagged[i]
            evidence = card.describe()
            if extra:
                evidence += f"; also in {len(extra)} other field{'s' if len(extra) > 1 else ''} of this record"
            if shape.endswith("|b64"):
                evidence += " (base64-encoded)"
            self.pending.append([shape, fname, batch.keys[i], evidence, path, extra])
        return self._release(final=False)

    def _release(self, final: bool) -> list[Violation]:
        """Pending cards whose field evidence is settled: proven ones (or, at the end, all not at chance)."""
        out, keep = [], []
        for held in self.pending:
            shape, fname, key, evidence, path, extra = held
            runs, valid = self.shapes.get(shape, [0, 0])
            if shape.endswith(("|b64", "|ctx")) or self._proven(shape) or (final and not at_chance(runs, valid)):
                for f in [fname, *extra]:
                    self.found(f, "CREDIT_CARD")
                out.append(self.violation(fname, key, evidence, path))
            else:
                keep.append(held)
        self.pending = [] if final else keep
        return out

    def state(self) -> dict:
        return {"shapes": self.shapes, "pending": self.pending}

    def absorb(self, state: dict) -> None:
        for shape, (runs, valid) in state.get("shapes", {}).items():
            mine = self.shapes.setdefault(shape, [0, 0])
            mine[0] += runs
            mine[1] += valid
        self.pending += [list(p) for p in state.get("pending", [])]

    def finish(self) -> list[Violation]:
        held: dict[str, int] = {}
        for shape, *_ in self.pending:
            runs, valid = self.shapes.get(shape, [0, 0])
            if not shape.endswith(("|b64", "|ctx")) and at_chance(runs, valid):
                held[shape] = held.get(shape, 0) + 1
        out = self._release(final=True)
        for shape, n in sorted(held.items()):
            fname, digits, groups = shape.rsplit("|", 2)
            runs, valid = self.shapes[shape]
            self.notes.append(
                f"field {fname}: {n} Luhn-valid {digits}-digit run(s) in an issuer range not reported as card "
                f"numbers: {valid} of {runs} same-shaped runs pass Luhn ({valid / runs:.0%}), the rate of "
                f"random ids (~{CHANCE:.0%}), not of card numbers")
        return out


class _Listed:
    """One column batch of typed values (``Batch.columns``), as the sweep reads it: texts joined by newlines."""

    def __init__(self, values: list[Any]):
        self.values = values
        self._texts = _texts(values)
        self.joined = "\n".join(self._texts)

    def texts(self) -> list[str]:
        return self._texts

    def starts(self, found: ColumnCandidates | None = None) -> np.ndarray:
        """Each value's offset in ``joined`` (``found``: the candidates scan of ``joined``, if it ran)."""
        texts = self.texts()
        starts = np.fromiter(itertools.accumulate(map(len, texts[:-1]), initial=0), dtype=np.int64,
                             count=len(texts))
        return starts + np.arange(len(starts))  # + the one character joining each value to the next

    def value(self, i: int) -> Any:
        return self.values[i]

    def text(self, i: int) -> str:
        return self.texts()[i]


class _Joined(_Listed):
    """One column batch handed over as texts already joined (``Batch.texts``, a texts-only read): split
    only when a value is looked up; its values are its texts."""

    def __init__(self, joined: str):  # noqa: D107 - no super(): nothing to convert or join
        self.joined = joined
        self._texts: list[str] | None = None  # type: ignore[assignment]

    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = self.joined.split(TEXT_SEPARATOR)
        return self._texts

    def starts(self, found: ColumnCandidates | None = None) -> np.ndarray:
        if found is not None:  # ASCII: the separators' byte offsets are their text offsets
            return np.concatenate(([0], np.flatnonzero(found.data == ord(TEXT_SEPARATOR)) + 1))
        return super().starts()

    def value(self, i: int) -> Any:
        return self.text(i)


def _shape_key(fname: str, shape: tuple[int, tuple[int, ...]]) -> str:
    """``field|digits|group lengths``: the key of same-shaped runs in one field (JSON-safe for state())."""
    return f"{fname}|{shape[0]}|{'-'.join(map(str, shape[1]))}"


def _decoded(segment: str) -> str:
    """A base64 segment's text when it decodes to UTF-8, else ''."""
    try:
        return base64.b64decode(segment, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return ""


def _texts(values: list[Any]) -> list[str]:
    """``_text`` of each value; a column of strings (and nulls) costs one pass in C, not a call per value."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return values
    if kinds <= {str, type(None)}:
        return ["" if v is None else v for v in values]
    if kinds <= {int, type(None)} and max((v for v in values if v is not None), default=0) < 10**12:
        return [""] * len(values)  # keys, counts, amounts in cents: too short for a card
    return [_text(v) for v in values]


def _text(value: Any) -> str:
    """A value's text for the sweep; values that cannot hold 13 digits cost nothing."""
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value) if value >= 10**12 else ""
    if isinstance(value, float) or value is None:
        return ""  # a card stored as a float has already lost its digits
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _bytes_text(bytes(value))
    return as_text(value) or ""


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
