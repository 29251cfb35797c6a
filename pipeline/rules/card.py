"""full_card_number: no full card number anywhere, in any value of any record.

The sweep must read every value, so it cannot afford recognizer calls per
value. Per column and batch it joins the values' texts into one string (or
takes them joined by the source: ``Batch.texts``), the text and the separator
being the card spec's (classifiers/card_spec.py), asks the spec's probe
whether a candidate may be there at all, and only then finds the candidates;
only candidates are judged (classifiers.cards.examine: Luhn + issuer range + brand
length, separators, Unicode digits, glued ids, labels, card context). Every
column is swept, whatever its classification: a card pasted into a free-text
note is the case that matters most. BLOB/bytes values that hold text are
decoded. A base64 token that may wrap a card (classifiers/base64text.py: any
value, JSON field or log token, either alphabet, padded or not) is decoded once
and its text swept like any text, a JSON document inside it walked leaf by leaf;
a card there is reported at the field (and JSON path) holding the encoded text.
Decoded runs are counted apart from the field's plain runs (``...|b64`` shape keys).

**Field-level evidence.** A field whose same-shaped digit runs pass Luhn at
about the rate of random digits (one in ten) holds ids, not cards: the few of
them that also fit an issuer range are not reported, and a note says so with
counts only. Cards found in a field are held back until its runs of that shape
either prove it (``PROVEN_RUNS`` runs, most of them Luhn-valid: reported at once) or the
sweep ends (``finish``, after the parts' states are absorbed).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from classifiers.base64text import may_wrap_digits, wrapped
from classifiers.card_spec import (
    CANDIDATE,
    SEPARATOR,
    Candidates,
    column_texts,
    find_candidates,
    text_may_hold_candidate,
)
from classifiers.cards import (
    CHANCE,
    CardContext,
    CardMatch,
    at_chance,
    examine,
    find_cards,
    have_issuer,
    luhn_bare,
    proven_cards,
)
from classifiers.column_names import name_evidence
from classifiers.jsondoc import leaves, parse_document
from pipeline.rules.base import DatasetContext, Rule, Violation
from pipeline.sources.base import Batch

#: Marks the shape key of runs found in decoded base64 text (a population apart from the field's plain runs).
_B64 = "|b64"


def locate_in_json(text: str, context: CardContext) -> str | None:
    """The path of the first leaf holding a card number, when ``text`` is a JSON document."""
    doc = parse_document(text)
    if doc is None:
        return None
    for path, leaf in leaves(doc):
        if next(find_cards(str(leaf), context), None):
            return path or None
    return None


def locate_token(text: str, token: str) -> str | None:
    """The path of the first leaf holding ``token`` (base64 text), when ``text`` is a JSON document."""
    doc = parse_document(text)
    if doc is None:
        return None
    return next((path or None for path, leaf in leaves(doc) if token in str(leaf)), None)


def decoded_segments(text: str) -> list[str]:
    """The texts a decoded token is swept as: a JSON document's leaves, else the text itself."""
    doc = parse_document(text)
    return [text] if doc is None else [str(leaf) for _, leaf in leaves(doc)]


def field_context(field: str) -> CardContext:
    """What a field's name says about borderline numbers in it (classifiers.column_names)."""
    ev = name_evidence(field)
    return CardContext(card_field="CREDIT_CARD" in ev.types and not ev.negative,
                       id_field=bool(ev.negative) and "CREDIT_CARD" not in ev.types)


class FullCardNumber(Rule):
    name = "full_card_number"

    def needs_every_record(self) -> bool:
        return False  # a card number is a candidate (pipeline/sources/prefilter.py) by construction

    def reads_raw_texts(self) -> bool:
        return True  # values are read as texts (card_spec.value_text): a texts-only read hands the same over

    def __init__(self, ctx: DatasetContext) -> None:
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
        #: record -> (field, card, JSON path, other fields holding it, shape key, base64-encoded?)
        flagged: dict[int, tuple[str, CardMatch, str | None, list[str], str, bool]] = {}
        columns = ([(f, _Joined(j)) for f, j in batch.texts.items()] if batch.texts is not None else
                   [(f, _Listed(values)) for f, values in batch.columns.items()])
        for fname, col in columns:
            joined = col.joined
            context = self._context(fname)
            tally: dict[tuple, list[int]] = {}
            if text_may_hold_candidate(joined):
                self._sweep_column(flagged, fname, col, context, tally)
            for shape, (runs, valid) in tally.items():
                mine = self.shapes.setdefault(_shape_key(fname, shape), [0, 0])
                mine[0] += runs
                mine[1] += valid
            if may_wrap_digits(joined):
                self._sweep_decoded(flagged, fname, col, context)
        return self._report(flagged, batch)

    def _sweep_column(self, flagged: dict, fname: str, col: _Listed | _Joined, context: CardContext,
                      tally: dict[tuple, list[int]]) -> None:
        """Judge every candidate of one column batch (``col.joined``: its texts joined by one separator).

        The candidates are found by card_spec.find_candidates; bare ASCII digit runs, almost all candidates on
        real stores, are counted per length and Luhn-checked all at once (``luhn_bare``), and ``examine`` runs
        only on those that pass Luhn and fit an issuer range (a card must) and on every other candidate.
        Shapes, counts and cards are the ones ``examine`` on every candidate gives
        (tests/classifiers/test_cards_batch.py).
        """
        joined = col.joined
        found = find_candidates(joined)
        to_examine = [(pos, run, True) for pos, run in found.other]  # (start, run, count its shape?)
        if found.data is not None and len(found.bare_starts):  # bare runs are found in ASCII text only
            valid = luhn_bare(found)
            lengths = found.bare_lengths
            for n in np.unique(lengths).tolist():
                counts = tally.setdefault((n, (n,)), [0, 0])
                counts[0] += int(np.count_nonzero(lengths == n))
                counts[1] += int(np.count_nonzero(valid & (lengths == n)))
            maybe = valid & (lengths <= 19)
            maybe[maybe] = have_issuer(found.data, found.bare_starts[maybe], lengths[maybe])
            for pos, n in zip(found.bare_starts[maybe].tolist(), lengths[maybe].tolist(), strict=True):
                to_examine.append((pos, joined[pos : pos + n], False))
            to_examine.sort(key=lambda c: c[0])  # text order, as one pass over the candidates would flag
        if not to_examine:
            return
        starts = col.starts(found)
        rows = (np.searchsorted(starts, [c[0] for c in to_examine], side="right") - 1).tolist()
        for i, (pos, run, count) in zip(rows, to_examine, strict=True):
            seen = examine(joined, pos, run, int(starts[i]), context)
            if count:  # bare runs were counted above
                counts = tally.setdefault(seen.shape, [0, 0])
                counts[0] += 1
                counts[1] += seen.luhn_valid
            if seen.card is not None:
                # After a card word, context decides: no field statistics overrule it.
                key = f"{fname}|ctx" if seen.card_word else _shape_key(fname, seen.shape)
                self._flag(flagged, i, fname, seen.card, col.value(i), col.text(i), key, context)

    def _sweep_decoded(self, flagged: dict, fname: str, col: _Listed | _Joined, context: CardContext) -> None:
        """The base64 tokens of one column batch that may wrap a card, each decoded once and its text judged
        as any text is (candidates, ``examine``); its runs counted under the field's ``|b64`` shape keys."""
        found = list(wrapped(col.joined))
        if not found:
            return
        starts = col.starts()
        rows = (np.searchsorted(starts, [w.start for w in found], side="right") - 1).tolist()
        for i, w in zip(rows, found, strict=True):
            for segment in decoded_segments(w.text):
                for m in CANDIDATE.finditer(segment):
                    seen = examine(segment, m.start(), m.group(), 0, context)
                    key = _shape_key(fname, seen.shape) + _B64
                    counts = self.shapes.setdefault(key, [0, 0])
                    counts[0] += 1
                    counts[1] += seen.luhn_valid
                    if seen.card is not None:
                        shape = f"{fname}|ctx" if seen.card_word else key
                        self._flag(flagged, i, fname, seen.card, col.value(i), col.text(i), shape, context,
                                   token=w.token)

    def _flag(self, flagged: dict, i: int, fname: str, card: CardMatch, value: Any, text: str, shape: str,
              context: CardContext, token: str | None = None) -> None:
        """Record a card of record ``i`` (one per record: a card written several times, or in several
        fields, is one violation). ``token``: the base64 text the card was decoded from, if it was."""
        if i in flagged:
            f, c, p, extra, s, b = flagged[i]
            if f != fname and fname not in extra:
                flagged[i] = (f, c, p, [*extra, fname], s, b)
            return
        if not isinstance(value, (str, dict, list)):
            path = None
        else:
            path = locate_in_json(text, context) if token is None else locate_token(text, token)
        flagged[i] = (fname, card, path, [], shape, token is not None)

    def _report(self, flagged: dict, batch: Batch) -> list[Violation]:
        for i in sorted(flagged):
            fname, card, path, extra, shape, encoded = flagged[i]
            evidence = card.describe()
            if extra:
                evidence += f"; also in {len(extra)} other field{'s' if len(extra) > 1 else ''} of this record"
            if encoded:
                evidence += " (base64-encoded)"
            self.pending.append([shape, fname, batch.keys[i], evidence, path, extra])
        return self._release(final=False)

    def _release(self, final: bool) -> list[Violation]:
        """Pending cards whose field evidence is settled: proven ones (or, at the end, all not at chance)."""
        out, keep = [], []
        for held in self.pending:
            shape, fname, key, evidence, path, extra = held
            runs, valid = self.shapes.get(shape, [0, 0])
            if shape.endswith("|ctx") or self._proven(shape) or (final and not at_chance(runs, valid)):
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
            if not shape.endswith("|ctx") and at_chance(runs, valid):
                held[shape] = held.get(shape, 0) + 1
        out = self._release(final=True)
        for shape, n in sorted(held.items()):
            encoded = shape.endswith(_B64)
            fname, digits, groups = shape.removesuffix(_B64).rsplit("|", 2)
            runs, valid = self.shapes[shape]
            self.notes.append(
                f"field {fname}: {n} Luhn-valid {digits}-digit run(s)"
                f"{' in base64-encoded text' if encoded else ''} in an issuer range not reported as card "
                f"numbers: {valid} of {runs} same-shaped runs pass Luhn ({valid / runs:.0%}), the rate of "
                f"random ids (~{CHANCE:.0%}), not of card numbers")
        return out


class _Listed:
    """One column batch of typed values (``Batch.columns``), as the sweep reads it: texts joined by the spec's
    separator."""

    def __init__(self, values: list[Any]):
        self.values = values
        self._texts = column_texts(values)
        self.joined = SEPARATOR.join(self._texts)

    def texts(self) -> list[str]:
        return self._texts

    def starts(self, found: Candidates | None = None) -> np.ndarray:
        """Each value's offset in ``joined`` (``found``: the candidates of ``joined``, if they were sought)."""
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

    def __init__(self, joined: str):  # no super(): nothing to convert or join
        self.joined = joined
        self._texts: list[str] | None = None  # type: ignore[assignment]  # filled on first use, from joined

    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = self.joined.split(SEPARATOR)
        return self._texts

    def starts(self, found: Candidates | None = None) -> np.ndarray:
        if found is not None and found.data is not None:  # ASCII: the separators' byte offsets are their text offsets
            return np.concatenate(([0], np.flatnonzero(found.data == ord(SEPARATOR)) + 1))
        return super().starts()

    def value(self, i: int) -> Any:
        return self.text(i)


def _shape_key(fname: str, shape: tuple[int, tuple[int, ...]]) -> str:
    """``field|digits|group lengths``: the key of same-shaped runs in one field (JSON-safe for state())."""
    return f"{fname}|{shape[0]}|{'-'.join(map(str, shape[1]))}"
