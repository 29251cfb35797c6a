"""Classify one field from its name and a sample of its values.

Every distinct value is analyzed once (weighted by how often it occurs); the
recognizers' best score per type and value becomes value evidence, the name
becomes name evidence, and classifiers.decide weighs the two. A field whose
values are mostly JSON documents (an event payload, a ``metadata`` column) is
also read key by key: each key path is judged like a field of its own (its key
names are column names: ``{"client": {"os": "Android 14"}}`` holds device info),
and the document field holds every type one of its keys holds.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from classifiers.column_names import name_evidence
from classifiers.decide import EntityDecision, TypeHits, asserted, decide
from classifiers.engine import PddAnalyzerEngine, build_analyzer
from classifiers.entities import to_pdd
from classifiers.jsondoc import leaves, parse_document
from classifiers.recognizer_spec import RecognizerSpec
from classifiers.recognizers.base import ELEMENT_KEY, VALIDATOR_KEY
from classifiers.registry import CONTRADICTING_TYPES
from classifiers.values import profile

#: Longer values are cut for sampled analysis (the sweep reads every byte; this only classifies).
MAX_ANALYZED_CHARS = 4_000
#: A match covering less than this share of its value was found inside longer text (a ticket body, a log line).
WHOLE_VALUE = 0.8
#: A field is read as JSON documents when at least this share of its values parse as objects or arrays.
JSON_SHARE = 0.5
#: What the recognizers found in each distinct text is kept for texts up to this long, at most this many texts
#: (then the memory starts afresh): the same values recur across the fields and datasets of a store (dates,
#: statuses, a user agent, the keys of JSON documents), a log template's slot values recur in its joined texts
#: (pipeline/templates/classify.py), and the answer depends on the text alone. One memory serves both readers:
#: :meth:`FieldClassifier.spans` (every match, for masking) and the per-type best scores of a field's values.
MEMO_MAX_CHARS = 512
MEMO_ENTRIES = 50_000


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
    #: why the field had nothing to examine (all null, empty, one placeholder), else None
    empty: str | None = None


def json_leaves(counts: Counter[str]) -> dict[str, list[Any]] | None:
    """Scalar values per key path (``client.os``; list positions dropped) when most values are JSON documents."""
    docs, total = 0, sum(counts.values())
    found: dict[str, list[Any]] = {}
    for text, weight in counts.items():
        doc = parse_document(text)
        if doc is None:
            continue
        docs += weight
        for path, value in leaves(doc, positions=False):
            found.setdefault(path, []).extend([value] * weight)
    return found if total and docs / total >= JSON_SHARE else None


class _Analyzed:
    """One text's memory: the recognizers' matches, and (once a field's value asked) the best score per type."""

    __slots__ = ("best", "results")

    def __init__(self, results: tuple[RecognizerResult, ...]):
        self.results = results
        self.best: dict[str, tuple[float, str | None, bool]] | None = None


class FieldClassifier:
    def __init__(self, threshold: float = 0.5, spacy_model: str | None = None,
                 analyzer: AnalyzerEngine | None = None, recognizers: Sequence[RecognizerSpec] = ()):
        """``recognizers``: the config's recognizers file (pipeline/config/recognizers.py); their new types are
        reported as they are named there, beside entities.md's."""
        self.threshold = threshold
        if analyzer is None:
            from classifiers.configured import build_recognizers

            analyzer = build_analyzer(spacy_model, build_recognizers(recognizers))
        self.analyzer = analyzer
        self.own_types = frozenset(s.entity for s in recognizers if s.new_type)
        # Types whose recognizer matches every well-formed value: only for these does "no value matched"
        # contradict the column name (an unlisted surname or brand proves nothing).
        self.value_types = CONTRADICTING_TYPES
        self._memo: dict[str, _Analyzed] = {}

    def _analyzed(self, text: str) -> _Analyzed:
        """What the recognizers found in ``text``, from memory when the text was analyzed before."""
        found = self._memo.get(text)
        if found is None:
            found = self._remember(text, self.analyzer.analyze(text, language="en"))
        return found

    def _remember(self, text: str, results: Sequence[RecognizerResult]) -> _Analyzed:
        """``results`` kept as what the recognizers found in ``text`` (a short text only; the memory starts
        afresh when full)."""
        found = _Analyzed(tuple(results))
        if len(text) <= MEMO_MAX_CHARS:
            if len(self._memo) >= MEMO_ENTRIES:
                self._memo.clear()
            self._memo[text] = found
        return found

    def spans(self, text: str) -> tuple[RecognizerResult, ...]:
        """Every match the recognizers find in ``text`` (whatever its score and type), shared with the field's
        own analysis through one memory. The results are shared too: callers read them, never change them."""
        return self._analyzed(text).results

    @staticmethod
    def _outermost(results: tuple[RecognizerResult, ...]) -> list[RecognizerResult]:
        # An e-mail's domain also matches the URL pattern: the larger span wins over what it holds,
        # unless the inner match is at least as sure (a card number or token in a URL's query string).
        out = []
        for r in results:
            inside = any(o is not r and o.start <= r.start and r.end <= o.end and (o.end - o.start) > (r.end - r.start)
                         and o.score >= r.score for o in results)
            if not inside:
                out.append(r)
        return out

    def _many(self, texts: Sequence[str]) -> list[_Analyzed]:
        """:meth:`_analyzed` of each text, the ones not in memory analyzed together (one batch for the engine,
        PddAnalyzerEngine.analyze_batch, which runs each recognizer only on the texts its QUICK pattern matches)."""
        new = [t for t in dict.fromkeys(texts) if t not in self._memo]
        fresh: dict[str, _Analyzed] = {}
        if len(new) > 1 and isinstance(self.analyzer, PddAnalyzerEngine):
            fresh = {t: self._remember(t, r) for t, r in zip(new, self.analyzer.analyze_batch(new), strict=True)}
        return [fresh.get(t) or self._analyzed(t) for t in texts]  # _analyzed: from memory, or one new text

    def _best(self, text: str, found: _Analyzed) -> dict[str, tuple[float, str | None, bool]]:
        """Per type: (best score, its validator, whether that match was inside longer text) of ``text``, whose cut
        (the first MAX_ANALYZED_CHARS) the recognizers found ``found`` in; kept there for the next field."""
        if found.best is None:
            found.best = self._judge(found.results, len(text.strip()))
        return found.best

    def _judge(self, results: tuple[RecognizerResult, ...], size: int) -> dict[str, tuple[float, str | None, bool]]:
        best: dict[str, tuple[float, str | None, bool]] = {}
        for r in self._outermost(results):
            etype = to_pdd(r.entity_type) or (r.entity_type if r.entity_type in self.own_types else None)
            if not etype:
                continue
            meta = r.recognition_metadata or {}
            # a whole element of the value (a display name beside its address) is not a match inside text
            inside = not meta.get(ELEMENT_KEY) and (r.end - r.start) < WHOLE_VALUE * size
            if r.score > best.get(etype, (-1.0, None, False))[0]:
                best[etype] = (r.score, meta.get(VALIDATOR_KEY), inside)
        return best

    def _hits(self, counts: Counter[str]) -> dict[str, TypeHits]:
        hits: dict[str, TypeHits] = {}
        found = self._many([text[:MAX_ANALYZED_CHARS] for text in counts])
        for (text, weight), analyzed in zip(counts.items(), found, strict=True):
            for etype, (score, validator, inside) in self._best(text, analyzed).items():
                hits.setdefault(etype, TypeHits()).add(score, weight, validator, inside)
        return hits

    @staticmethod
    def _counts(values: Iterable[Any]) -> Counter[str]:
        return Counter(t for v in values if (t := as_text(v)) is not None and t.strip())

    def classify(self, field: str, values: Iterable[Any], sampled: bool = False) -> FieldDecision:
        """``sampled``: the values are a sample of the field (so none at all means an empty field), not a
        field seen only after the sample, judged by its name."""
        values = list(values)
        counts = self._counts(values)
        examined = sum(counts.values())
        prof = profile(counts, nulls=len(values) - examined) if values or sampled else None
        decisions = decide(name_evidence(field), self._hits(counts), examined, self.value_types, self.threshold,
                           prof)
        leaves = json_leaves(counts)
        if leaves:
            decisions = self._merge_keys(decisions, field, leaves, examined)
        return FieldDecision(asserted(decisions, self.threshold), decisions, examined, prof.empty if prof else None)

    def _merge_keys(self, decisions: list[EntityDecision], field: str, leaves: dict[str, list[Any]],
                    examined: int) -> list[EntityDecision]:
        """The document field's decisions, each type lifted to its best key's when a key says more."""
        best = {d.type: d for d in decisions}
        for path, vals in leaves.items():
            counts = self._counts(vals)
            # A key at the document's root with no name (an array of scalars) is named by the field.
            for d in decide(name_evidence(path or field), self._hits(counts), sum(counts.values()),
                            self.value_types, self.threshold, profile(counts)):
                if d.confidence > best.get(d.type, d).confidence or d.type not in best:
                    best[d.type] = EntityDecision(d.type, d.confidence, [f"JSON key '{path}': {e}" for e in d.evidence],
                                                  d.hits, examined, d.name_only)
        return sorted(best.values(), key=lambda d: (-d.confidence, d.type))
