"""Slots classified as fields: each template slot's sampled values go through the field classifier.

The same classifier, recognizers and threshold as a column (classifiers/field.py), named as the log field
is, so a slot gets no type from a name the field itself would not get. The recognizers also read the
template's constant text, and what they hit there is made a slot (slots.py): no raw value stays in a
template's text.
"""

from __future__ import annotations

from collections.abc import Callable

from classifiers.entities import to_pdd
from classifiers.field import FieldClassifier
from pipeline.report.model import SlotEntry, TemplateEntry
from pipeline.templates.miner import Mined
from pipeline.templates.slots import slotted


def text_hits(classifier: FieldClassifier) -> Callable[[str], list[tuple[int, int]]]:
    """Spans of any pdd type the recognizers find in a text, whatever their score: text is masked on doubt.
    Through the classifier's memory (FieldClassifier.spans): a joined slot text read here is classified next
    (``_types``), and templates of one log share much of their text."""

    def hits(text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in classifier.spans(text) if to_pdd(r.entity_type)]

    return hits


def _spans_all(hits: Callable[[str], list[tuple[int, int]]], text: str) -> bool:
    lo, hi = len(text) - len(text.lstrip()), len(text.rstrip())
    return any(a <= lo and b >= hi for a, b in hits(text))


def _spanned_by_one(hits: Callable[[str], list[tuple[int, int]]], texts: list[str]) -> list[str]:
    """The texts that one recognizer hit spans whole, when they are at least half of ``texts``; else [].
    Reading stops as soon as half can no longer be reached: most groups of slots are separate values (six
    fan speeds), and each text read is a recognizer pass."""
    need = (len(texts) + 1) // 2
    whole: list[str] = []
    for i, text in enumerate(texts):
        if len(whole) + len(texts) - i < need:
            return []
        if _spans_all(hits, text):
            whole.append(text)
    return whole if len(whole) >= need else []


def _types(classifier: FieldClassifier, field: str, values: list[str]) -> list[str]:
    return [e.type for e in classifier.classify(field, values, sampled=True).entities] if values else []


def classify_templates(mined: list[Mined], classifier: FieldClassifier, field: str,
                       personal_only: bool = True) -> list[TemplateEntry]:
    """Each template with its slots' asserted types; with ``personal_only``, only templates with a typed slot
    and only their typed slots (the report's list)."""
    hits = text_hits(classifier)
    out = []
    for m in mined:
        s = slotted(m.tokens, m.samples, hits)
        found = {index: _types(classifier, field, values) for index, values in s.values.items()}
        for group, texts in s.joined.items():
            alone = {t for index in group for t in found[index]}
            # The slots hold one value together only where a recognizer's hit spans all of them (a phone
            # ``+91 98765 43210``), in at least half of the lines: six fan speeds side by side are six
            # numbers, not a 12-digit id that a checksum window happened to pass.
            extra = [t for t in _types(classifier, field, _spanned_by_one(hits, texts)) if t not in alone]
            for index in group:  # each slot holds a part of the value
                found[index] = [*found[index], *extra]
        slots = [SlotEntry(index=i, entities=types) for i, types in found.items() if types or not personal_only]
        if not personal_only or any(x.entities for x in slots):
            out.append(TemplateEntry(id=m.id, template=s.text, count=m.count, slots=slots))
    return out
