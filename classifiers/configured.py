"""Recognizers a company writes in YAML (its own identifiers), built as Presidio pattern recognizers.

The file format is Presidio's (``RecognizerRegistry.add_recognizers_from_yaml``:
patterns with name/regex/score, context words, a deny list, the language) so
that a recognizer written for Presidio works here unchanged; pdd adds a
checksum ``validator`` and, for a new entity type, its policy ``category``
(pipeline/config/recognizers.py reads and checks the file). Matching is
Presidio's own PatternRecognizer (the ``regex`` module, Presidio's default
flags: case-insensitive, multi-line). Two things differ, both so that the
result is the same whether or not a spaCy model is configured:

- the validator is a python-stdnum check of the match; like Presidio's
  ``validate_result``, a match that passes scores 1.0 (pdd's VALIDATED: a
  checksum held) and one that fails is dropped;
- context words are looked for in the characters just before a match (as pdd's
  own recognizers do, classifiers/recognizers/base.py), not through Presidio's
  lemma enhancer, which needs a spaCy model pdd does not load by default. The
  lift is Presidio's: +0.35, at least 0.4 (LemmaContextAwareEnhancer's defaults).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifiers.recognizer_spec import RecognizerSpec, make_validator
from classifiers.recognizers.base import VALIDATOR_KEY

#: Presidio LemmaContextAwareEnhancer's defaults: what a context word adds, and the least score it leaves.
CONTEXT_LIFT = 0.35
CONTEXT_FLOOR = 0.4
#: Characters before a match searched for a context word (classifiers/recognizers/base.py uses the same).
CONTEXT_WINDOW = 40

class ConfiguredRecognizer(PatternRecognizer):
    """A recognizer from a recognizers file: Presidio's pattern matching, a stdnum validator, pdd's context."""

    def __init__(self, spec: RecognizerSpec) -> None:
        self.spec = spec
        self._check = make_validator(spec.validator)
        super().__init__(
            supported_entity=spec.entity, name=spec.name, supported_language="en",
            patterns=[Pattern(name=n, regex=rx, score=s) for n, rx, s in spec.patterns] or None,  # type: ignore[arg-type]  # presidio annotates it without None, and accepts None
            deny_list=list(spec.deny_list) or None, deny_list_score=spec.deny_list_score,  # type: ignore[arg-type]  # presidio annotates it without None, and accepts None
            context=None,  # type: ignore[arg-type]  # None accepted; handled below, so that the engine's direct path (and no lemma step) applies
        )
        words = sorted(spec.context, key=len, reverse=True)
        self._context = (re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])",
                                    re.IGNORECASE) if words else None)

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if self._check is None else self._check(pattern_text)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            explanation = r.analysis_explanation
            if self._check is not None and explanation is not None and explanation.validation_result:
                r.recognition_metadata[VALIDATOR_KEY] = self.spec.validator
            elif self._context is not None and r.score < EntityRecognizer.MAX_SCORE and self._context.search(
                    text, max(0, r.start - CONTEXT_WINDOW), r.start):
                r.score = min(EntityRecognizer.MAX_SCORE, max(r.score + CONTEXT_LIFT, CONTEXT_FLOOR))
        return results


def build_recognizers(specs: Sequence[RecognizerSpec]) -> list[EntityRecognizer]:
    return [ConfiguredRecognizer(s) for s in specs]


def presidio_keys(spec: RecognizerSpec) -> dict[str, Any]:
    """The entry as Presidio's own loader reads it (tests check that Presidio accepts the same file)."""
    return {"name": spec.name, "supported_entity": spec.entity, "supported_language": "en",
            "patterns": [{"name": n, "regex": rx, "score": s} for n, rx, s in spec.patterns] or None,
            "deny_list": list(spec.deny_list) or None, "deny_list_score": spec.deny_list_score,
            "context": list(spec.context) or None}
