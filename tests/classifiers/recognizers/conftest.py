"""Run a recognizer on a text both directly and through the real offline AnalyzerEngine.

``scored(RecognizerClass, text)`` returns (best score, matched text) of that
recognizer's results for its entity type, after checking that the engine
(classifiers.engine.build_analyzer: NoOp NLP engine, the full registry)
reports the same best score for it: a result the engine drops or rescores
would otherwise pass unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult

from classifiers.engine import build_analyzer

NONE = 0.0


@pytest.fixture(scope="session")
def analyzer() -> AnalyzerEngine:
    return build_analyzer()


def _best(results: list[RecognizerResult], text: str) -> tuple[float, str]:
    if not results:
        return NONE, ""
    top = max(results, key=lambda r: (r.score, r.end - r.start))
    return top.score, text[top.start:top.end]


@pytest.fixture(scope="session")
def scored(analyzer: AnalyzerEngine) -> Callable[[type[EntityRecognizer], str], tuple[float, str]]:
    instances: dict[type, EntityRecognizer] = {}

    def run(cls: type[EntityRecognizer], text: str) -> tuple[float, str]:
        rec = instances.setdefault(cls, cls())
        entity = rec.supported_entities[0]
        direct = _best([r for r in rec.analyze(text, [rec.supported_entities[0]], None) if r.entity_type == entity],
                       text)
        via_engine = _best([r for r in analyzer.analyze(text, language="en")
                            if (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == rec.name],
                           text)
        assert via_engine[0] == direct[0], f"engine {via_engine} vs recognizer {direct} for {text!r}"
        return direct

    return run
