"""The baseline: plain Presidio, as a naive tool uses it to label columns.

Presidio's AnalyzerEngine with its default recognizer registry, made to run
offline (a NoOpNlpEngine instead of the spaCy model it would download; the
e-mail recognizer's tldextract pointed at its bundled suffix list). A field is
labelled with a type when the majority of its sampled values hold that
Presidio entity (mapped to pdd's names by classifiers.entities.to_pdd). Column
names are not used: Presidio has no notion of them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from typing import Any
from unittest import mock

import tldextract.tldextract
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NoOpNlpEngine
from presidio_analyzer.recognizer_registry.recognizers_loader_utils import RecognizerListLoader

from classifiers.entities import to_pdd
from classifiers.field import MAX_ANALYZED_CHARS, as_text
from classifiers.offline import _extractor
from pipeline.config.model import Config
from pipeline.sources import SourceError, open_source

MAJORITY = 0.5


def offline_presidio() -> AnalyzerEngine:
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    # Presidio's e-mail recognizer calls tldextract.extract(), i.e. this module-level extractor.
    tldextract.tldextract.TLD_EXTRACTOR = _extractor()
    # Presidio finds the default recognizers' classes by name among all EntityRecognizer subclasses
    # loaded in the process; pdd's own (PhoneRecognizer, EmailRecognizer, ...) share some names.
    everything = RecognizerListLoader.get_all_existing_recognizers

    def presidio_only(cls=None):
        return {c for c in everything(cls) if c.__module__.startswith("presidio_analyzer.")}

    with mock.patch.object(RecognizerListLoader, "get_all_existing_recognizers", staticmethod(presidio_only)):
        return AnalyzerEngine(nlp_engine=NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}]),
                              supported_languages=["en"])


class PresidioBaseline:
    def __init__(self, analyzer: AnalyzerEngine | None = None):
        self.analyzer = analyzer or offline_presidio()

    def classify(self, values: Iterable[Any]) -> list[str]:
        counts = Counter(t for v in values if (t := as_text(v)) is not None and t.strip())
        examined = sum(counts.values())
        tally: Counter[str] = Counter()
        for text, weight in counts.items():
            found = {p for r in self.analyzer.analyze(text[:MAX_ANALYZED_CHARS], language="en")
                     if (p := to_pdd(r.entity_type))}
            for t in found:
                tally[t] += weight
        return sorted(t for t, n in tally.items() if examined and n / examined > MAJORITY)

    def run(self, config: Config) -> dict[str, list[str]]:
        """``{source/dataset/field: types}`` for every field of every source, from the same samples pdd takes."""
        out: dict[str, list[str]] = {}
        n = config.classification.sample_size
        for cfg in config.sources:
            try:
                source = open_source(cfg, config)
                for ds in source.datasets():
                    try:
                        sample = ds.sample(n)
                        for f in dict.fromkeys([*ds.fields(), *sample]):
                            out[f"{cfg.name}/{ds.name}/{f}"] = self.classify(sample.get(f, []))
                    finally:
                        ds.close()
                source.close()
            except SourceError:
                continue
        return out
