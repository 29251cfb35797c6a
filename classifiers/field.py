"""Classify one field from its name and a sample of its values."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from classifiers.column_names import name_evidence
from classifiers.decide import EntityDecision, TypeHits, asserted, decide
from classifiers.engine import build_analyzer
from classifiers.entities import to_pdd

#: Longer values are cut for sampled analysis (the sweep reads every byte; this only classifies).
MAX_ANALYZED_CHARS = 4_000


def as_text(value: Any) -> str | None:
    """A value as the text a recognizer reads; None for what holds no text (bytes, null)."""
    if value is None or isinstance(value, (bytes, bytearray, memoryview)):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


@dataclass(frozen=True)
class FieldDecision:
    entities: list[EntityDecision]   # asserted types, best first
    candidates: list[EntityDecision]  # every type considered, for review
    values_sampled: int


class FieldClassifier:
    def __init__(self, threshold: float = 0.5, spacy_model: str | None = None,
                 analyzer: AnalyzerEngine | None = None):
        self.threshold = threshold
        self.analyzer = analyzer or build_analyzer(spacy_model)
        self.value_types = frozenset(
            t for r in self.analyzer.registry.recognizers for e in r.supported_entities if (t := to_pdd(e)))

    def _results(self, text: str) -> list[RecognizerResult]:
        results = self.analyzer.analyze(text[:MAX_ANALYZED_CHARS], language="en")
        # An e-mail's domain also matches the URL pattern: the larger, more specific span wins.
        out = []
        for r in results:
            inside = any(o is not r and o.start <= r.start and r.end <= o.end and (o.end - o.start) > (r.end - r.start)
                         for o in results)
            if not inside:
                out.append(r)
        return out

    def classify(self, field: str, values: Iterable[Any]) -> FieldDecision:
        counts = Counter(t for v in values if (t := as_text(v)) is not None and t.strip())
        examined = sum(counts.values())
        hits: dict[str, TypeHits] = {}
        for text, weight in counts.items():
            best: dict[str, tuple[float, str | None]] = {}
            for r in self._results(text):
                etype = to_pdd(r.entity_type)
                if not etype:
                    continue
                validator = (r.recognition_metadata or {}).get("validator")
                if r.score > best.get(etype, (-1.0, None))[0]:
                    best[etype] = (r.score, validator)
            for etype, (score, validator) in best.items():
                hits.setdefault(etype, TypeHits()).add(score, weight, validator)
        decisions = decide(name_evidence(field), hits, examined, self.value_types, self.threshold)
        return FieldDecision(asserted(decisions, self.threshold), decisions, examined)
